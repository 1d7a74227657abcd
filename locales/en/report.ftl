# The change report as a document: front matter, key (issue 14).
report-versions-title = Versions compared
report-older = Older version
report-newer = Newer version
report-row-version = Version
report-row-date = Released on
report-row-author = Released by
report-row-note = Note
report-not-released = not released
report-checksum = Checksum of { $name }: { $hash }
report-date = Report created on { $date }.
report-legend-intro = Marking:
report-legend-deleted-sample = deleted text
report-legend-deleted = struck through on red;
report-legend-inserted-sample = inserted text
report-legend-inserted = underlined on green. Paragraphs, list items and table rows added or removed are marked as a whole; “…” stands for unchanged text left out here.
report-summary = Summary:
report-no-changes = The two versions are the same.
