# Word export (DOCX) and the change report as tracked changes.
docx-cover-old = Older version: { $side }
docx-cover-new = Newer version: { $side }
docx-cover-version = Version { $label } of { $date }, released by { $author }, fingerprint { $hash }
docx-cover-working = Working copy of { $date } (not released), fingerprint { $hash }
docx-cover-how = Every change is marked as a Word revision: "Accept all" gives the newer version, "Reject all" the older one. This box belongs to neither version.
cmd-export-word = Export as Word…
cmd-export-change-report-word = Change report as Word (tracked changes)…
dialog-export-word-title = Export as Word
dialog-change-report-word-title = Export change report as Word
filter-docx = Word documents
exported-docx-to = Word file written to { $path }
