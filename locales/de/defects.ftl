# Editor defects of issues 15 and 20.
compare-include-hidden = Ausgeblendete Abschnitte einbeziehen (intern)
compare-include-hidden-hint = Zeigt auch den Inhalt ausgeblendeter Abschnitte. Nur zur internen Prüfung: Änderungsberichte und Exporte enthalten sie nie.
compare-internal-banner = Interne Ansicht: enthält ausgeblendete Abschnitte. Der exportierte Änderungsbericht enthält sie nicht.
released-saved = Version { $label } freigegeben und in { $path } gespeichert.
released-not-saved = Version { $label } freigegeben, aber NOCH NICHT gespeichert: Speichern Sie die Datei, um sie zu behalten.
released-choose-file = Version { $label } freigegeben, aber noch nicht gespeichert: Wählen Sie, wo die Datei gespeichert wird.
version-banner = Version { $label } vom { $date } – nur lesen
version-banner-back = Zurück zur Arbeitskopie
version-banner-restore = Diese Version wiederherstellen
# Punkt 15.8 / 20.2: was einem Export in einer Sprache fehlt.
export-lang-field-title = Dokumenttitel
export-lang-field-purpose = Zweck
export-lang-field-intro = Einleitung
export-lang-field-heading = Überschrift
export-lang-field-body = Text
export-lang-field-measure = Maßnahme { $n }
export-lang-field-note = Anmerkung zu Maßnahme { $n }
export-lang-more = { " " }und { $count } weitere
export-lang-missing = { $count ->
    [one] Ein Text ist
   *[other] { $count } Texte sind
} nicht ins { $lang ->
    [de] Deutsche
   *[en] Englische
} übersetzt; der Export druckt dort den { $lang ->
    [de] englischen
   *[en] deutschen
} Text: { $places }.
export-lang-stale = { $count ->
    [one] Eine Übersetzung ins
   *[other] { $count } Übersetzungen ins
} { $lang ->
    [de] Deutsche
   *[en] Englische
} { $count ->
    [one] ist
   *[other] sind
} möglicherweise veraltet (der Ausgangstext wurde seitdem geändert): { $places }.
marker-stale-translation = veraltet
marker-stale-hint = Der Ausgangstext wurde geändert, seit diese Übersetzung zuletzt bearbeitet wurde. Änderungen am Ausgangstext seitdem:
marker-stale-unknown = Der Ausgangstext wurde geändert, seit diese Übersetzung zuletzt bearbeitet wurde (der frühere Ausgangstext steht weder in der gespeicherten Datei noch in der Versionsgeschichte).
translation-confirm = Übersetzung ist aktuell
tree-stale = { $lang } veraltet
tree-stale-hint = Eine Übersetzung in diesem Abschnitt ist veraltet: ihr Ausgangstext wurde seit der letzten Bearbeitung geändert.
# Punkt 20.4: das Freigabeformular.
release-date = Freigabedatum
release-date-hint = Heute oder ein früherer Tag, z. B. 03.12.2026, 3. Dezember 2026 oder 2026-12-03.
release-date-invalid = „{ $text }“ ist kein Datum; bitte als 03.12.2026, 3. Dezember 2026 oder 2026-12-03 schreiben.
release-date-future = Das Freigabedatum { $date } liegt in der Zukunft; eine Freigabe kann auf heute ({ $today }) oder früher datiert werden.
release-date-before = Das Freigabedatum { $date } liegt vor Version { $label } vom { $latest }; Versionen werden der Reihe nach freigegeben.
recovery-written = Die Kopie wurde am { $when } geschrieben.
# Punkt 20.7: kein Programm zum Öffnen einer exportierten Datei.
no-opener-title = Die Datei kann hier nicht geöffnet werden
no-opener-text = Auf diesem Rechner wurde kein Programm zum Öffnen von Dateien gefunden (etwa xdg-open). Die Datei wurde gespeichert unter:
button-copy-path = Pfad kopieren
path-copied = Pfad in die Zwischenablage kopiert.
# Punkt 15.7: der erste Start.
start-heading = Willkommen bei Tomwerk
start-text = Tomwerk führt die technischen und organisatorischen Maßnahmen (Art. 32 DSGVO) eines Auftragsverarbeitungsvertrags. Beginnen Sie eine neue TOM, öffnen Sie eine oder importieren Sie ein vorhandenes Dokument.
start-new = Neue TOM aus der Vorlage
start-open = TOM-Datei öffnen…
start-import = Aus Word, Markdown oder HTML importieren…
start-example = Beispiel ansehen
start-no-recent = Noch keine Dateien geöffnet.
example-banner = Dies ist das eingebaute Beispiel einer erfundenen Firma, nicht Ihr Dokument. Eigene TOM beginnen:
# Punkt 15.4: der Dateibrowser in der App.
fs-up = Nach oben
fs-home = Persönlicher Ordner
fs-new-folder = Neuer Ordner
fs-new-folder-name = Ordnername
fs-create = Anlegen
fs-empty = Hier gibt es keine Ordner und keine passenden Dateien.
fs-not-found = er existiert nicht
fs-permission-denied = keine Berechtigung
fs-already-exists = er existiert bereits
fs-read-only = das Laufwerk ist schreibgeschützt
fs-storage-full = das Laufwerk ist voll
fs-not-a-folder = es ist kein Ordner
fs-is-a-folder = es ist ein Ordner
fs-invalid-name = der Name ist nicht zulässig
fs-folder-unreadable = Der Ordner { $path } kann nicht gelesen werden: { $reason }.
fs-folder-not-created = Der Ordner { $path } kann nicht angelegt werden: { $reason }.
fs-folder-missing = Der Ordner { $path } existiert nicht. Wählen Sie einen anderen Ordner oder legen Sie ihn mit „Neuer Ordner“ an.
fs-file-missing = Die Datei { $path } existiert nicht.
fs-choose-file = { $path } ist ein Ordner; wählen Sie eine Datei oder geben Sie einen Dateinamen ein.
path-browser-text = Wählen Sie Ordner und Datei oder geben Sie einen Pfad ein. Eingabe bestätigt.
history-compare = Vergleichen
history-compare-hint = Diese Version mit der Arbeitskopie vergleichen
compare-column-old = Vorher: { $side }
compare-column-new = Nachher: { $side }
# Punkt 15.9: der Exportdialog.
export-dialog-title = Exportieren
export-dialog-language = Sprache
export-dialog-version = Version
export-dialog-format = Format
export-dialog-measures = Maßnahmen
export-dialog-list = Liste
export-dialog-table = Tabelle
export-dialog-toc = Inhaltsverzeichnis
export-dialog-history = Änderungshistorie
export-dialog-go = Exportieren…
dialog-export-markdown-title = Markdown exportieren
exported-markdown-to = Markdown gespeichert unter { $path }.
import-field-too-long = { $path } wurde nicht importiert: Das Feld „{ $field }“ hat { $chars } Zeichen, erlaubt sind höchstens { $max }. Das geöffnete Dokument bleibt unverändert.
