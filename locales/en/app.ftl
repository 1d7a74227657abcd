# Strings of the app module (the desktop editor).

## Menus and commands
menu-file = File
menu-edit = Edit
menu-section = Section
menu-view = View
menu-recent = Recent files
cmd-new = New
cmd-open = Open…
cmd-save = Save
cmd-save-as = Save as…
cmd-import-markdown = Import (Markdown, Word, LibreOffice, HTML)…
cmd-export-pdf = Export PDF…
cmd-quit = Quit
cmd-undo = Undo
cmd-redo = Redo
cmd-document-form = Document details
cmd-previous-section = Previous section
cmd-next-section = Next section
cmd-add-section = Add section
cmd-add-subsection = Add subsection
cmd-rename-section = Rename section
cmd-move-up = Move up
cmd-move-down = Move down
cmd-indent = Make subsection
cmd-outdent = Move one level up
cmd-toggle-hidden = Hide / show
cmd-delete-section = Delete section
cmd-add-measure = Add measure
cmd-edit-german = Edit German content
cmd-edit-english = Edit English content
cmd-translation-mode = Translation mode (both languages)
cmd-preview = Page preview
cmd-ui-german = Interface: Deutsch
cmd-ui-english = Interface: English
cmd-theme-system = Theme: follow system
cmd-theme-light = Theme: light
cmd-theme-dark = Theme: dark
cmd-history = Version history
cmd-release = Release version…

## Window and status
title-untitled = Untitled
status-unsaved = Unsaved changes
status-saved = All changes saved
status-editing = Editing: { $language }
status-translation-mode = Translation mode: German | English
status-viewing-version = Viewing version { $label } (read-only)
status-exporting = Exporting { $path }…
saved-to = Saved to { $path }
exported-to = PDF written to { $path } ({ $pages } pages)
export-busy = An export is already running.
version-restored = Version { $label } restored as the working copy (undo with Ctrl+Z).

## Section tree
tree-heading = Sections
tree-document = Document details
marker-empty = This section has no text and no measures yet.
marker-missing-translation = missing translation
marker-missing-short = { $languages } missing
marker-empty-short = empty
marker-hidden = (hidden)
new-section-title = New section
select-section-first = Select a section first.
canonical-not-deletable = Sections of Art. 32 cannot be deleted; hide them instead.
edit-error-missing = The item no longer exists.
edit-error-cannot-move = The section cannot move further in that direction.
nothing-selected = Nothing selected.

## Section editor
field-title = Title
field-body = Body text
field-measure = Measure
field-note = Note
field-kind = Kind
field-status = Status
helper-bold = Bold
helper-list = List
helper-link = Link
preview-heading = Preview
section-is-hidden = This section is hidden: it is neither numbered nor exported.
section-canonical-hint = Covers Art. 32(1)({ $letter }) GDPR. Leave the title empty to use the standard title.
measures-heading = Measures
measures-none = No measures yet.
measure-number = Measure { $n }
measure-up = Up
measure-down = Down
measure-delete = Delete

## Document form
form-heading = Document details
form-title = Document title
form-title-hint = Leave empty for the standard title: { $default }
form-purpose = Purpose
form-organisation = Organisation
form-address = Address
form-responsible = Responsible person
form-dpo = Data protection officer (contact)
form-review-interval = Review interval
form-months = months
form-last-review = Last review
form-date-invalid = “{ $text }” is not a date; write it as 1 March 2026, 2026-03-01 or 01.03.2026.
form-languages = Languages
form-primary-language = Main language
form-intro = Introduction

## Dialogs
button-ok = OK
button-cancel = Cancel
button-save = Save
button-discard = Discard changes
button-restore = Restore
button-discard-recovery = Discard the copy
button-overwrite = Overwrite
button-reload = Load the file from disk
button-delete = Delete
button-release = Release
button-open-file = Open
button-close = Close
unsaved-title = Unsaved changes
unsaved-text = The document has changes that are not saved. Save them first?
dialog-open-title = Open TOM file
dialog-save-title = Save TOM file
dialog-import-title = Import a TOM
dialog-export-title = Export PDF
filter-tom = Tomwerk files
filter-markdown = TOM documents (Markdown, Word, LibreOffice, HTML)
filter-pdf = PDF files
path-prompt-text = No file dialog is available on this desktop. Type the full path of the file:
path-label = Path
recovery-title = Restore unsaved work?
recovery-text = Tomwerk was not closed properly. A copy of unsaved changes to { $file } was kept. Restore it?
conflict-title = File changed on disk
conflict-text = { $path } was changed by another program since it was opened. Overwrite it with your version, or load the file from disk (your changes are lost)?
delete-title = Delete section?
delete-text = The section, its text, measures and subsections will be deleted. You can undo this.
chain-broken-title = Version history does not verify
chain-broken-text = The released versions in this file have been altered: { $detail }
import-report-title = Import finished
import-report-text = { $path }: { $count } headings were mapped. The document is new and not yet saved.
import-heading = Heading
import-section = Section
app-import-custom = new custom section
release-title = Release version
release-text = Freeze the working copy as a new version. Released versions cannot be changed.
release-label = Version
release-author = Author
release-note = Change note
release-error-empty = Enter a version label.
release-error-duplicate = Version { $label } exists already.
release-error-unchanged = Nothing changed since version { $label }.

## Errors
error-open = The file could not be opened
error-save = The file could not be saved
error-import = The Markdown file could not be imported
error-export = The PDF could not be exported
error-version = The version could not be read
error-autosave = The recovery copy could not be written: { $error }

## History
history-heading = Versions
history-empty = No versions released yet.
history-unreleased = The working copy has unreleased changes.
history-view = View
history-view-hint = Show this version read-only
history-restore = Restore
history-export = PDF…
history-export-hint = Export this version as PDF
history-restore-hint = Make this version the working copy (can be undone)
history-back = Back to the working copy

## Compare, checks and catalogue
cmd-compare = Compare versions…
cmd-next-change = Next change
cmd-previous-change = Previous change
cmd-export-change-report = Export change report…
cmd-checks = Checks
cmd-add-from-catalogue = Add from catalogue…
dialog-change-report-title = Export change report
compare-title = Compare versions
compare-from = From
compare-to = To
compare-language = Language
compare-inline = Inline
compare-side-by-side = Side by side
compare-position = Change { $n } of { $total }
compare-position-none = { $total } changes, none selected
compare-no-versions = No version has been released yet: release one to compare it with the working copy.
compare-error = The comparison failed: { $error }
compare-choose-first = Choose the two versions to compare first.
checks-heading = Checks
checks-summary = { $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}, { $infos } { $infos ->
    [one] note
   *[other] notes
}
checks-none = No findings.
checks-hint = Go to this place
checks-working-copy = The checks concern the working copy.
catalogue-title = Add from catalogue
catalogue-target = Adds to: { $section }
catalogue-section = Catalogue section
catalogue-all-sections = All sections
catalogue-search = Search
catalogue-search-hint = e.g. backup, password, encryption
catalogue-empty = No entries match the search.
catalogue-present = already in { $section }
catalogue-add-selected = Add selected
catalogue-ticked = { $count } selected
catalogue-added = { $count ->
    [one] One measure added
   *[other] { $count } measures added
} (undo with Ctrl+Z).
