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
