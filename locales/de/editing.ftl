# Formatiertes Bearbeiten und Rechtschreibprüfung (Issue 17).
spell-no-suggestions = Keine Vorschläge
spell-ignore = Ignorieren
spell-add = Zum Wörterbuch hinzufügen
spell-no-dictionary = Kein Wörterbuch für die Rechtschreibprüfung gefunden (hunspell-de-de / hunspell-en-gb installieren oder in den Einstellungen einen Ordner wählen); die Rechtschreibung wurde nicht geprüft.
check-spelling = Unbekanntes Wort „{ $word }“ ({ $lang })
preview-fit-width = Seitenbreite
preview-zoom = Zoom
preview-thumbnails = Miniaturen
preview-toc = Inhaltsverzeichnis
preview-history = Änderungshistorie
preview-measures-table = Maßnahmen als Tabelle
preview-status = { $pages ->
    [one] 1 Seite
   *[other] { $pages } Seiten
} · gesetzt in { $ms } ms
preview-updating = wird aktualisiert …
preview-page = Seite { $page } von { $total }
cmd-find = Suchen …
cmd-replace = Suchen und ersetzen …
cmd-find-next = Weitersuchen
cmd-find-previous = Rückwärts suchen
cmd-zoom-in = Vergrößern
cmd-zoom-out = Verkleinern
cmd-zoom-reset = Originalgröße
find-label = Suchen
find-hint = Im Dokument suchen
find-none = Keine Treffer
find-count = { $current } von { $total }
find-previous = Zurück
find-next = Weiter
find-match-case = Groß-/Kleinschreibung
find-whole-word = Ganzes Wort
find-scope = In
find-scope-section = Aktueller Abschnitt
find-scope-all = Alle Abschnitte
find-languages = Sprachen
find-languages-both = Beide Sprachen
find-replace-toggle = Ersetzen
find-close = Schließen
find-replace-label = Ersetzen durch
find-replace = Ersetzen
find-replace-all = Alle ersetzen
find-read-only = Eine freigegebene Version wird angezeigt: in ihr kann nichts ersetzt werden.
find-replaced = { $count ->
    [one] 1 Treffer ersetzt
   *[other] { $count } Treffer ersetzt
} (ein Rückgängig-Schritt)
tool-italic = Kursiv
tool-numbers = Nummerierung
tool-indent = Einrücken
tool-outdent = Ausrücken
tool-table = Tabelle
tool-table-column-1 = Spalte 1
tool-table-column-2 = Spalte 2
link-title = Link
link-text = Text
link-url = Adresse
link-schemes = Nur Web- (http, https) und E-Mail-Adressen (mailto).
link-refused = Das ist keine http-, https- oder mailto-Adresse: der Link wurde nicht gesetzt.
link-ok = OK
link-remove = Link entfernen
checks-spelling-toggle = Rechtschreibung (unbekannte Wörter als Hinweise)
spell-add-user = Zu meiner Wortliste hinzufügen
