# Formatted editing and spell checking (issue 17).
spell-no-suggestions = No suggestions
spell-ignore = Ignore
spell-add = Add to dictionary
spell-no-dictionary = No spelling dictionary found (install hunspell-de-de / hunspell-en-gb, or pick a folder in the settings); spelling was not checked.
check-spelling = Unknown word “{ $word }” ({ $lang })
preview-fit-width = Fit width
preview-zoom = Zoom
preview-thumbnails = Thumbnails
preview-toc = Contents
preview-history = History
preview-measures-table = Measures as table
preview-status = { $pages ->
    [one] 1 page
   *[other] { $pages } pages
} · laid out in { $ms } ms
preview-updating = updating…
preview-page = Page { $page } of { $total }
cmd-find = Find…
cmd-replace = Find and replace…
cmd-find-next = Find next
cmd-find-previous = Find previous
cmd-zoom-in = Zoom in
cmd-zoom-out = Zoom out
cmd-zoom-reset = Actual size
find-label = Find
find-hint = Search the document
find-none = No matches
find-count = { $current } of { $total }
find-previous = Previous
find-next = Next
find-match-case = Match case
find-whole-word = Whole word
find-scope = In
find-scope-section = Current section
find-scope-all = All sections
find-languages = Languages
find-languages-both = Both languages
find-replace-toggle = Replace
find-close = Close
find-replace-label = Replace with
find-replace = Replace
find-replace-all = Replace all
find-read-only = A released version is shown: nothing can be replaced in it.
find-replaced = { $count ->
    [one] 1 match replaced
   *[other] { $count } matches replaced
} (one undo step)
tool-italic = Italic
tool-numbers = Numbered list
tool-indent = Indent
tool-outdent = Outdent
tool-table = Table
tool-table-column-1 = Column 1
tool-table-column-2 = Column 2
link-title = Link
link-text = Text
link-url = Address
link-schemes = Web (http, https) and e-mail (mailto) addresses only.
link-refused = This is not an http, https or mailto address: the link was not set.
link-ok = OK
link-remove = Remove link
checks-spelling-toggle = Spelling (misspelled words as notes)
spell-add-user = Add to my word list
