# Strings of the import's structure report (issue 18).

import-hidden-absent = { $title } [{ $id }] (ausgeblendet: nicht in der Quelle)
import-dissolved = „{ $heading }“ → aufgelöst (ohne eigenen Text; die Unterabschnitte stehen in ihren Standardabschnitten)
import-toc-dropped = Inhaltsverzeichnis der Quelle („{ $heading }“) nicht übernommen: die Ausgabe erzeugt ein eigenes
import-title-block = Titelblock „{ $label }“ → { $field }
import-measures-detected = „{ $line }“ → { $count ->
        [one] eine strukturierte Maßnahme
       *[other] { $count } strukturierte Maßnahmen
    }
app-import-detect-measures = Maßnahmen aus Tabellen und Aufgabenlisten erkennen
app-import-hidden-absent = ausgeblendet: nicht in der Quelle
app-import-dissolved = aufgelöst (ohne eigenen Text)
import-status-in-progress = in Umsetzung
