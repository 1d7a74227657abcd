# Strings of the store's integrity checks on the command line (issue 19).

integrity-refuse-exists = { $path } exists already; give --force to overwrite it
integrity-refuse-history = { $path } exists already with { $count } released versions; give --force to overwrite it and lose them
integrity-chain-broken = { $path }: version chain broken at version { $label }: { $reason }; refusing to continue
integrity-release-bad-field = The { $field ->
    [label] version label
    [author] author
   *[other] note
} must not contain tabs, line breaks (notes may), control or text-direction characters, and has at most 1000 characters.
integrity-changed-on-disk = { $path } was changed by another program while Tomwerk worked on it; nothing was written, run the command again
integrity-locked = { $path } has been held by another Tomwerk process for over a minute; nothing was written

integrity-notice-bom = { $path }: a byte order mark (BOM) at the start was ignored; Tomwerk writes the file without one
integrity-notice-crlf = { $path }: Windows line endings (CRLF) were read as LF; Tomwerk writes LF (suggest `*.tom text eol=lf` in .gitattributes)
integrity-notice-bom-crlf = { $path }: a byte order mark (BOM) was ignored and Windows line endings (CRLF) were read as LF; Tomwerk writes LF without a BOM (suggest `*.tom text eol=lf` in .gitattributes)
integrity-refuse-same-file = { $path } is the input file { $input }; refusing to overwrite it, choose another output
integrity-refuse-readonly = { $path } is read-only; give --force to replace it
integrity-refuse-readonly-noforce = { $path } is read-only; refusing to replace it (make it writable first)

# Exports of a file whose version chain is broken (issue 19.3).
integrity-broken-mark = INTEGRITY BROKEN
integrity-broken-banner = INTEGRITY BROKEN: the version history of this file was changed after release; this export is not a released version and carries no fingerprint.
integrity-force-working-only = { $path }: version chain broken at version { $label }; --force exports only the working copy, never a released version
integrity-export-forced = { $path }: version chain broken at version { $label }; exporting the working copy marked INTEGRITY BROKEN on every page
integrity-editor-banner = The version history was changed after release (first at version { $label }). The file is open read-only: nothing can be edited, released or restored. Exports carry this mark instead of a fingerprint.

# Exports in a language a bilingual field lacks (issue 20.2).
export-missing-responsible = The responsible person has no { $language } text; the title block shows the other language's.
export-missing-release-note = The release note of version { $label } has no { $language } text; the history table shows the other language's.

# Signed releases and verify --expect (issue 19.6).
integrity-chain-broken-verify = { $path }: chain broken at version { $label } (#{ $position }): { $reason }
integrity-signed-line = signed by key { $key }{ $own ->
    [yes] { " " }(your key)
   *[other] {""}
}
integrity-unsigned-line = not signed
integrity-expect-bad = { $hash } is not a fingerprint: give at least 12 hex digits (the PDF footer has 24), or the full hash
integrity-expect-found = { $path }: version { $label } of { $date } is in the file and the chain holds; full hash { $hash }
integrity-expect-missing = { $path }: no version has the fingerprint { $hash }: the version the customer received is not in this file (removed or rewritten)
integrity-keygen-done = Signing key { $key } written to { $dir }; keep the secret key file private and note the fingerprint where your customers can compare it
integrity-key-missing = There is no signing key in { $path }; make one with `tomwerk keygen`
integrity-key-exists = { $path } holds a signing key already; give --force to replace it (releases signed with it still verify)
integrity-key-invalid = { $path } is not a Tomwerk signing key; make a new one with `tomwerk keygen --force`
export-fingerprint-signed = Checksum { $hash } · signed { $key }
