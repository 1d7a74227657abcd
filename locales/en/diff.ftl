# Strings of the diff module: change classes, summary line, change report.

diff-summary-none = No changes
diff-summary-sections-changed = { $count ->
    [one] { $count } section changed
   *[other] { $count } sections changed
}
diff-summary-sections-added = { $count ->
    [one] { $count } section added
   *[other] { $count } sections added
}
diff-summary-sections-removed = { $count ->
    [one] { $count } section removed
   *[other] { $count } sections removed
}
diff-summary-sections-moved = { $count ->
    [one] { $count } section moved
   *[other] { $count } sections moved
}
diff-summary-measures-changed = { $count ->
    [one] { $count } measure changed
   *[other] { $count } measures changed
}
diff-summary-measures-added = { $count ->
    [one] { $count } measure added
   *[other] { $count } measures added
}
diff-summary-measures-removed = { $count ->
    [one] { $count } measure removed
   *[other] { $count } measures removed
}
diff-summary-measures-moved = { $count ->
    [one] { $count } measure moved
   *[other] { $count } measures moved
}
diff-summary-metadata-changed = { $count ->
    [one] { $count } title block entry changed
   *[other] { $count } title block entries changed
}
diff-summary-intro-changed = introduction changed

diff-kind-meta = Title block changed
diff-kind-intro = Introduction changed
diff-kind-section-added = Section added
diff-kind-section-removed = Section removed
diff-kind-section-moved = Section moved
diff-kind-section-renamed = Section renamed
diff-kind-section-hidden = Section hidden
diff-kind-section-shown = Section shown again
diff-kind-section-body = Text changed
diff-kind-section-covers = Coverage changed
diff-kind-measure-added = Measure added
diff-kind-measure-removed = Measure removed
diff-kind-measure-moved = Measure moved
diff-kind-measure-changed = Measure changed

diff-meta-organisation-name = Organisation
diff-meta-organisation-address = Address
diff-meta-title = Document title
diff-meta-purpose = Purpose
diff-meta-responsible = Responsible
diff-meta-dpo-contact = Data protection officer
diff-meta-review-interval = Review interval (months)
diff-meta-last-review = Last review
diff-meta-languages = Languages
diff-meta-primary-language = Primary language
diff-meta-extra = Entry

diff-heading-meta = Title block
diff-heading-intro = Introduction
diff-field-text = Text
diff-field-title = Title
diff-field-note = Note
diff-field-kind = Kind
diff-field-status = Status
diff-field-measure = Measure
diff-field-covers = Also covers
diff-old = old
diff-new = new
diff-no-number = hidden
diff-top-level = top level
diff-moved-numbers = Number { $old } → { $new }
diff-moved-parent = Moved from “{ $old }” to “{ $new }”
diff-measure-moved-from = From { $section }, position { $old } → position { $new }

diff-version = Version { $label }
diff-working-copy = Working copy
diff-report-title = Changes to the TOM from version { $from } to { $to }
diff-report-title-working = Changes to the TOM from version { $from } to the working copy
diff-report-title-from-working = Changes to the TOM from the working copy to version { $to }
diff-report-title-working-only = Changes to the TOM in the working copy
diff-fingerprints = Checksums
diff-no-such-version = there is no version “{ $label }” (available: { $available })
