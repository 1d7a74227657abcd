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
