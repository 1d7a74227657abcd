# DOCX, ODT and HTML import: warnings about what was not carried over.

import-warn-images = { $count ->
    [one] 1 image or drawing not imported ({ $where })
   *[other] { $count } images or drawings not imported ({ $where })
}
import-image-under = { $paragraph ->
    [0] in the heading “{ $heading }”
   *[other] under “{ $heading }”, paragraph { $paragraph }
}
import-image-top = before the first heading, paragraph { $paragraph }
import-image-more = and { $count } more
import-warn-tracked = The file had tracked changes: read with all changes accepted
import-warn-comments = { $count ->
    [one] 1 comment kept as a quoted paragraph after the text it refers to
   *[other] { $count } comments kept as quoted paragraphs after the text they refer to
}
import-warn-notes = { $count ->
    [one] 1 footnote or endnote kept as a paragraph after the one referring to it
   *[other] { $count } footnotes or endnotes kept as paragraphs after the ones referring to them
}
import-warn-encoding = The page is not valid { $charset }: unreadable bytes were replaced by �
import-warn-nested = { $count ->
    [one] 1 nested table flattened into its cell's text
   *[other] { $count } nested tables flattened into their cells' text
}
import-warning = Warning: { $text }
