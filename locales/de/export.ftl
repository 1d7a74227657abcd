# Strings of the export module.

export-version-line = Version { $version } · Stand { $date }
export-draft-line = Entwurf auf Basis von Version { $version } · Stand { $date }
export-draft-line-first = Entwurf · Stand { $date }
export-draft-mark = ENTWURF
export-page-of = Seite { $page } von { $total }
export-fingerprint = Prüfsumme { $hash }
export-responsible = Verantwortlich: { $name }
export-dpo = Datenschutz: { $contact }
export-toc-title = Inhalt
export-history-title = Änderungshistorie
export-history-version = Version
export-history-date = Datum
export-history-author = Autor
export-history-note = Änderung
export-measures-technical = Technische Maßnahmen
export-measures-status = Status
export-section-empty = Keine Angaben.
export-measures-organisational = Organisatorische Maßnahmen
export-missing-glyphs = Die Schrift enthält diese Zeichen nicht, sie sind als { $placeholder } gedruckt: { $chars }
export-cli-bad-extension = Die Ausgabedatei muss auf .pdf, .docx oder .md enden: { $path }
export-cli-written = { $path } geschrieben ({ $pages } Seiten)
