# Editor defects of issues 15 and 20.
compare-include-hidden = Include hidden sections (internal)
compare-include-hidden-hint = Also shows the content of hidden sections. For internal review only: change reports and exports never contain them.
compare-internal-banner = Internal view: includes hidden sections. The exported change report does not contain them.
released-saved = Version { $label } released and saved to { $path }.
released-not-saved = Version { $label } released but NOT saved yet: save the file to keep it.
released-choose-file = Version { $label } released but not saved yet: choose where to save the file.
version-banner = Version { $label } of { $date } – read only
version-banner-back = Back to the working copy
version-banner-restore = Restore this version
# Issue 15.8 / 20.2: what an export in one language lacks.
export-lang-field-title = Document title
export-lang-field-purpose = Purpose
export-lang-field-intro = Introduction
export-lang-field-heading = heading
export-lang-field-body = text
export-lang-field-measure = measure { $n }
export-lang-field-note = note on measure { $n }
export-lang-more = { " " }and { $count } more
export-lang-missing = { $count ->
    [one] One text is
   *[other] { $count } texts are
} not translated into { $lang ->
    [de] German
   *[en] English
}, so the export prints { $lang ->
    [de] the English
   *[en] the German
} text there: { $places }.
export-lang-stale = { $count ->
    [one] One translation into
   *[other] { $count } translations into
} { $lang ->
    [de] German
   *[en] English
} may be out of date (the source text changed since): { $places }.
marker-stale-translation = outdated
marker-stale-hint = The source text changed since this translation was last edited. Changes to the source since then:
marker-stale-unknown = The source text changed since this translation was last edited (the earlier source is not in the saved file or the version history).
translation-confirm = Translation is current
tree-stale = { $lang } outdated
tree-stale-hint = A translation in this section is out of date: its source text changed since it was last edited.
# Issue 20.4: the release form.
release-date = Release date
release-date-hint = Today or an earlier day, e.g. 3 December 2026, 2026-12-03 or 3.12.2026.
release-date-invalid = “{ $text }” is not a date; write it as 3 December 2026, 2026-12-03 or 3.12.2026.
release-date-future = The release date { $date } is in the future; a release can be dated today ({ $today }) or earlier.
release-date-before = The release date { $date } is before version { $label } of { $latest }; versions are released in order.
recovery-written = The copy was written on { $when }.
# Issue 20.7: no program to open an exported file.
no-opener-title = The file cannot be opened here
no-opener-text = No program to open files was found on this computer (such as xdg-open). The file was written to:
button-copy-path = Copy path
path-copied = Path copied to the clipboard.
# Issue 15.7: the first start.
start-heading = Welcome to Tomwerk
start-text = Tomwerk keeps the technical and organisational measures (Art. 32 GDPR) of a data processing agreement. Start a new TOM, open one, or import an existing document.
start-new = New TOM from the template
start-open = Open a TOM file…
start-import = Import from Word, Markdown or HTML…
start-example = Look at the example
start-no-recent = No files opened yet.
example-banner = This is the built-in example of a fictitious company, not your document. Start your own:
# Issue 15.4: the in-app file browser.
fs-up = Up
fs-home = Home folder
fs-new-folder = New folder
fs-new-folder-name = Folder name
fs-create = Create
fs-empty = No folders or matching files here.
fs-not-found = it does not exist
fs-permission-denied = no permission
fs-already-exists = it exists already
fs-read-only = the drive is read-only
fs-storage-full = the drive is full
fs-not-a-folder = it is not a folder
fs-is-a-folder = it is a folder
fs-invalid-name = the name is not allowed
fs-folder-unreadable = The folder { $path } cannot be read: { $reason }.
fs-folder-not-created = The folder { $path } cannot be created: { $reason }.
fs-folder-missing = The folder { $path } does not exist. Choose another folder or create it with “New folder”.
fs-file-missing = The file { $path } does not exist.
fs-choose-file = { $path } is a folder; choose a file or type a file name.
path-browser-text = Choose a folder and a file, or type a path. Enter confirms.
history-compare = Compare
history-compare-hint = Compare this version with the working copy
compare-column-old = Before: { $side }
compare-column-new = After: { $side }
# Issue 15.9: the export dialog.
export-dialog-title = Export
export-dialog-language = Language
export-dialog-version = Version
export-dialog-format = Format
export-dialog-measures = Measures
export-dialog-list = List
export-dialog-table = Table
export-dialog-toc = Table of contents
export-dialog-history = Change history
export-dialog-go = Export…
dialog-export-markdown-title = Export Markdown
exported-markdown-to = Markdown written to { $path }.
import-field-too-long = { $path } was not imported: the field “{ $field }” has { $chars } characters, at most { $max } are allowed. The open document is unchanged.
