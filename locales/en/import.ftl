# Strings of the import module.

markdown-measure-note = Note
import-language = Language: { $lang }
import-title = "{ $heading }" → document title
import-intro = Text before the first section → introduction
import-mapped = "{ $heading }" → { $number } { $title } [{ $id }]
import-mapped-covers = "{ $heading }" → { $number } { $title } [{ $id }], also covers { $covers }
import-custom = "{ $heading }" → { $number } custom section "{ $title }" [{ $id }]
import-meta = Front matter "{ $key }" → { $field }
import-repaired = Table repaired: { $line }
import-summary = { $headings } headings: { $mapped } in canonical sections, { $custom } custom sections
import-written = Wrote { $path }
import-hidden = (hidden)
import-refuse-history = { $path } already holds { $count } released versions; import into a new file so they are not lost
import-refuse-other = { $path } exists and is not a Tomwerk file; choose another output file
import-refuse-same = the output file must not be the Markdown file itself
markdown-draft = DRAFT
markdown-measures-technical = Technical measures
markdown-measures-organisational = Organisational measures
markdown-history = Change history
markdown-history-version = Version
markdown-history-date = Date
markdown-history-author = Author
markdown-history-note = Change
