# Strings of the import's structure report (issue 18).

import-hidden-absent = { $title } [{ $id }] (hidden: not in the source)
import-dissolved = "{ $heading }" → dissolved (no text of its own; its subsections went to their canonical sections)
import-toc-dropped = The source's table of contents ("{ $heading }") was dropped: the export makes its own
import-title-block = Title block "{ $label }" → { $field }
import-measures-detected = "{ $line }" → { $count ->
        [one] one structured measure
       *[other] { $count } structured measures
    }
app-import-detect-measures = Detect measures in tables and task lists
app-import-hidden-absent = hidden: not in the source
app-import-dissolved = dissolved (no text of its own)
import-status-in-progress = in progress
