# Texte des App-Moduls (der Desktop-Editor).

## Menüs und Befehle
menu-file = Datei
menu-edit = Bearbeiten
menu-section = Abschnitt
menu-view = Ansicht
menu-recent = Zuletzt geöffnet
cmd-new = Neu
cmd-open = Öffnen…
cmd-save = Speichern
cmd-save-as = Speichern unter…
cmd-import-markdown = Importieren (Markdown, Word, LibreOffice, HTML)…
cmd-export-pdf = Als PDF exportieren…
cmd-quit = Beenden
cmd-undo = Rückgängig
cmd-redo = Wiederholen
cmd-document-form = Angaben zum Dokument
cmd-previous-section = Vorheriger Abschnitt
cmd-next-section = Nächster Abschnitt
cmd-add-section = Abschnitt hinzufügen
cmd-add-subsection = Unterabschnitt hinzufügen
cmd-rename-section = Abschnitt umbenennen
cmd-move-up = Nach oben
cmd-move-down = Nach unten
cmd-indent = Zum Unterabschnitt machen
cmd-outdent = Eine Ebene höher
cmd-toggle-hidden = Aus-/einblenden
cmd-delete-section = Abschnitt löschen
cmd-add-measure = Maßnahme hinzufügen
cmd-edit-german = Deutschen Inhalt bearbeiten
cmd-edit-english = Englischen Inhalt bearbeiten
cmd-translation-mode = Übersetzungsmodus (beide Sprachen)
cmd-preview = Seitenvorschau
cmd-ui-german = Oberfläche: Deutsch
cmd-ui-english = Oberfläche: English
cmd-theme-system = Design: wie System
cmd-theme-light = Design: hell
cmd-theme-dark = Design: dunkel
cmd-history = Versionsverlauf
cmd-release = Version freigeben…

## Fenster und Statuszeile
title-untitled = Unbenannt
status-unsaved = Ungespeicherte Änderungen
status-saved = Alle Änderungen gespeichert
status-editing = Bearbeitet: { $language }
status-translation-mode = Übersetzungsmodus: Deutsch | Englisch
status-viewing-version = Ansicht von Version { $label } (schreibgeschützt)
status-exporting = Exportiere { $path }…
saved-to = Gespeichert unter { $path }
exported-to = PDF geschrieben: { $path } ({ $pages } Seiten)
export-busy = Es läuft bereits ein Export.
version-restored = Version { $label } als Arbeitsstand wiederhergestellt (Rückgängig mit Strg+Z).

## Abschnittsbaum
tree-heading = Abschnitte
tree-document = Angaben zum Dokument
marker-empty = Dieser Abschnitt hat noch keinen Text und keine Maßnahmen.
marker-missing-translation = Übersetzung fehlt
marker-missing-short = { $languages } fehlt
marker-empty-short = leer
marker-hidden = (ausgeblendet)
new-section-title = Neuer Abschnitt
select-section-first = Wählen Sie zuerst einen Abschnitt.
canonical-not-deletable = Abschnitte nach Art. 32 können nicht gelöscht werden; blenden Sie sie stattdessen aus.
edit-error-missing = Das Element existiert nicht mehr.
edit-error-cannot-move = Der Abschnitt lässt sich in diese Richtung nicht weiter verschieben.
nothing-selected = Nichts ausgewählt.

## Abschnittseditor
field-title = Titel
field-body = Text
field-measure = Maßnahme
field-note = Anmerkung
field-kind = Art
field-status = Status
helper-bold = Fett
helper-list = Liste
helper-link = Link
preview-heading = Vorschau
section-is-hidden = Dieser Abschnitt ist ausgeblendet: Er wird weder nummeriert noch exportiert.
section-canonical-hint = Deckt Art. 32 Abs. 1 lit. { $letter } DSGVO ab. Lassen Sie den Titel leer, um den Standardtitel zu verwenden.
measures-heading = Maßnahmen
measures-none = Noch keine Maßnahmen.
measure-number = Maßnahme { $n }
measure-up = Hoch
measure-down = Runter
measure-delete = Löschen

## Angaben zum Dokument
form-heading = Angaben zum Dokument
form-title = Dokumenttitel
form-title-hint = Leer lassen für den Standardtitel: { $default }
form-purpose = Zweck
form-organisation = Organisation
form-address = Anschrift
form-responsible = Verantwortliche Person
form-dpo = Datenschutzbeauftragte/r (Kontakt)
form-review-interval = Prüfintervall
form-months = Monate
form-last-review = Letzte Prüfung
form-date-invalid = „{ $text }“ ist kein Datum; bitte als 01.03.2026, 1. März 2026 oder 2026-03-01 schreiben.
form-languages = Sprachen
form-primary-language = Hauptsprache
form-intro = Einleitung

## Dialoge
button-ok = OK
button-cancel = Abbrechen
button-save = Speichern
button-discard = Änderungen verwerfen
button-restore = Wiederherstellen
button-discard-recovery = Kopie verwerfen
button-overwrite = Überschreiben
button-reload = Datei von der Festplatte laden
button-delete = Löschen
button-release = Freigeben
button-open-file = Öffnen
button-close = Schließen
unsaved-title = Ungespeicherte Änderungen
unsaved-text = Das Dokument enthält ungespeicherte Änderungen. Zuerst speichern?
dialog-open-title = TOM-Datei öffnen
dialog-save-title = TOM-Datei speichern
dialog-import-title = TOM importieren
dialog-export-title = Als PDF exportieren
filter-tom = Tomwerk-Dateien
filter-markdown = TOM-Dokumente (Markdown, Word, LibreOffice, HTML)
filter-pdf = PDF-Dateien
path-prompt-text = Auf diesem Desktop steht kein Dateidialog zur Verfügung. Geben Sie den vollständigen Pfad der Datei ein:
path-label = Pfad
recovery-title = Ungespeicherte Arbeit wiederherstellen?
recovery-text = Tomwerk wurde nicht ordnungsgemäß beendet. Eine Kopie der ungespeicherten Änderungen an { $file } wurde aufbewahrt. Wiederherstellen?
conflict-title = Datei wurde geändert
conflict-text = { $path } wurde seit dem Öffnen von einem anderen Programm geändert. Mit Ihrer Fassung überschreiben oder die Datei von der Festplatte laden (Ihre Änderungen gehen verloren)?
delete-title = Abschnitt löschen?
delete-text = Der Abschnitt mit Text, Maßnahmen und Unterabschnitten wird gelöscht. Das lässt sich rückgängig machen.
chain-broken-title = Versionsverlauf ist nicht stimmig
chain-broken-text = Die freigegebenen Versionen in dieser Datei wurden verändert: { $detail }
import-report-title = Import abgeschlossen
import-report-text = { $path }: { $count } Überschriften wurden zugeordnet. Das Dokument ist neu und noch nicht gespeichert.
import-heading = Überschrift
import-section = Abschnitt
app-import-custom = neuer eigener Abschnitt
release-title = Version freigeben
release-text = Den Arbeitsstand als neue Version einfrieren. Freigegebene Versionen lassen sich nicht mehr ändern.
release-label = Version
release-author = Autor/in
release-note = Änderungsvermerk
release-error-empty = Geben Sie eine Versionsbezeichnung ein.
release-error-duplicate = Version { $label } gibt es bereits.
release-error-unchanged = Seit Version { $label } hat sich nichts geändert.

## Fehler
error-open = Die Datei konnte nicht geöffnet werden
error-save = Die Datei konnte nicht gespeichert werden
error-import = Die Markdown-Datei konnte nicht importiert werden
error-export = Das PDF konnte nicht exportiert werden
error-version = Die Version konnte nicht gelesen werden
error-autosave = Die Wiederherstellungskopie konnte nicht geschrieben werden: { $error }

## Verlauf
history-heading = Versionen
history-empty = Noch keine Version freigegeben.
history-unreleased = Der Arbeitsstand enthält nicht freigegebene Änderungen.
history-view = Ansehen
history-view-hint = Diese Version schreibgeschützt anzeigen
history-restore = Wiederherstellen
history-export = PDF…
history-export-hint = Diese Version als PDF exportieren
history-restore-hint = Diese Version zum Arbeitsstand machen (rückgängig machbar)
history-back = Zurück zum Arbeitsstand

## Vergleich, Prüfungen und Katalog
cmd-compare = Versionen vergleichen…
cmd-next-change = Nächste Änderung
cmd-previous-change = Vorige Änderung
cmd-export-change-report = Änderungsbericht exportieren…
cmd-checks = Prüfungen
cmd-add-from-catalogue = Aus Katalog hinzufügen…
dialog-change-report-title = Änderungsbericht exportieren
compare-title = Versionen vergleichen
compare-from = Von
compare-to = Bis
compare-language = Sprache
compare-inline = Im Text
compare-side-by-side = Nebeneinander
compare-position = Änderung { $n } von { $total }
compare-position-none = { $total } Änderungen, keine ausgewählt
compare-no-versions = Es ist noch keine Version freigegeben: Geben Sie eine frei, um sie mit dem Arbeitsstand zu vergleichen.
compare-error = Der Vergleich ist fehlgeschlagen: { $error }
compare-choose-first = Wählen Sie zuerst die beiden Versionen, die verglichen werden sollen.
checks-heading = Prüfungen
checks-summary = { $errors } { $errors ->
    [one] Fehler
   *[other] Fehler
}, { $warnings } { $warnings ->
    [one] Warnung
   *[other] Warnungen
}, { $infos } { $infos ->
    [one] Hinweis
   *[other] Hinweise
}
checks-none = Keine Befunde.
checks-hint = Zu dieser Stelle springen
checks-working-copy = Die Prüfungen betreffen den Arbeitsstand.
catalogue-title = Aus Katalog hinzufügen
catalogue-target = Hinzufügen zu: { $section }
catalogue-section = Katalogabschnitt
catalogue-all-sections = Alle Abschnitte
catalogue-search = Suche
catalogue-search-hint = z. B. Backup, Passwort, Verschlüsselung
catalogue-empty = Keine Einträge passen zur Suche.
catalogue-present = bereits in { $section }
catalogue-add-selected = Ausgewählte hinzufügen
catalogue-ticked = { $count } ausgewählt
catalogue-added = { $count ->
    [one] Eine Maßnahme hinzugefügt
   *[other] { $count } Maßnahmen hinzugefügt
} (rückgängig mit Strg+Z).
