# Strings of the export module.

export-version-line = Version { $version } · As of { $date }
export-draft-line = Draft based on version { $version } · As of { $date }
export-draft-line-first = Draft · As of { $date }
export-draft-mark = DRAFT
export-page-of = Page { $page } of { $total }
export-fingerprint = Checksum { $hash }
export-responsible = Responsible: { $name }
export-dpo = Data protection: { $contact }
export-toc-title = Contents
export-history-title = Change history
export-history-version = Version
export-history-date = Date
export-history-author = Author
export-history-note = Change
export-measures-technical = Technical measures
export-measures-status = Status
export-section-empty = No information.
export-measures-organisational = Organisational measures
export-missing-glyphs = The font lacks these characters; they are printed as { $placeholder }: { $chars }
export-cli-bad-extension = The output file must end in .pdf, .docx or .md: { $path }
export-cli-written = { $path } written ({ $pages } pages)
