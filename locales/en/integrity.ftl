# Strings of the store's integrity checks on the command line (issue 19).

integrity-refuse-exists = { $path } exists already; give --force to overwrite it
integrity-refuse-history = { $path } exists already with { $count } released versions; give --force to overwrite it and lose them
integrity-chain-broken = { $path }: version chain broken at version { $label }: { $reason }; refusing to continue
integrity-release-bad-field = The { $field ->
    [label] version label
    [author] author
   *[other] note
} must not contain tabs, line breaks (notes may), control or text-direction characters, and has at most 1000 characters.

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

# Load and save errors, one line each (issue 19.12).
store-error-empty = the file is empty
store-error-not-regular = this is not a regular file (a folder, pipe or device?)
store-error-too-large = the file has { $size } bytes, more than the { $limit } a TOM file may have
store-error-not-utf8 = the file is not UTF-8 text (invalid byte at offset { $offset }); is it a binary file?
store-error-not-tomwerk = this is not a Tomwerk file (it should start with "(format: N,")
store-error-newer = the file has format version { $found }, but this Tomwerk reads only up to version { $supported }; please update Tomwerk
store-error-truncated = the file ends unexpectedly at line { $line }; it is probably truncated
store-error-syntax = line { $line }, column { $column }: { $detail }
store-error-invalid = the document is inconsistent: { $detail }
store-error-changed-on-disk = the file was changed by another program while Tomwerk worked on it; nothing was written, run the command again
store-error-locked = the file has been held by another Tomwerk process for over a minute; nothing was written
store-error-serialize = the document could not be written: { $detail }
store-error-in-version = released version { $label }: { $what }
store-error-not-found = the file does not exist
store-error-permission = permission denied
store-error-disk-full = the disk is full; nothing was changed
store-error-io = { $detail }
integrity-fault-duplicate-label = its label occurs twice
integrity-fault-broken-link = it does not point at the version before it (a version was removed, inserted or reordered)
integrity-fault-hash-mismatch = its content or details do not match its hash (changed after release)
integrity-fault-bad-signature = its signature does not match it (changed after it was signed)
integrity-fault-unreadable = its stored content cannot be read
export-nesting-flattened = “{ $section }” nests lists or quotes deeper than { $depth } levels; the deeper levels are printed at level { $depth }.
import-refuse-invalid = { $path } cannot be imported: { $problem }; nothing was written
release-sign = Sign with my key
release-sign-hint = Signs the version with the Ed25519 key made by `tomwerk keygen`; a rewritten signed version fails `tomwerk verify`, and the PDF footer names the key.
release-sign-no-key = There is no signing key yet: run `tomwerk keygen` once, or release without signing.
