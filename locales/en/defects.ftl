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
