# Strings of the import module.

markdown-measure-note = Hinweis
import-language = Sprache: { $lang }
import-title = „{ $heading }“ → Dokumenttitel
import-intro = Text vor dem ersten Abschnitt → Einleitung
import-mapped = „{ $heading }“ → { $number } { $title } [{ $id }]
import-mapped-covers = „{ $heading }“ → { $number } { $title } [{ $id }], deckt auch { $covers } ab
import-custom = „{ $heading }“ → { $number } eigener Abschnitt „{ $title }“ [{ $id }]
import-meta = Kopfdaten „{ $key }“ → { $field }
import-repaired = Tabelle repariert: { $line }
import-summary = { $headings } Überschriften: { $mapped } in Standardabschnitten, { $custom } eigene Abschnitte
import-written = { $path } geschrieben
import-hidden = (ausgeblendet)
import-refuse-history = { $path } enthält bereits { $count } freigegebene Versionen; importieren Sie in eine neue Datei, damit sie erhalten bleiben
import-refuse-other = { $path } existiert und ist keine Tomwerk-Datei; wählen Sie eine andere Ausgabedatei
import-refuse-same = Die Ausgabedatei darf nicht die Markdown-Datei selbst sein
markdown-draft = ENTWURF
markdown-measures-technical = Technische Maßnahmen
markdown-measures-organisational = Organisatorische Maßnahmen
markdown-history = Änderungshistorie
markdown-history-version = Version
markdown-history-date = Datum
markdown-history-author = Autor
markdown-history-note = Änderung
