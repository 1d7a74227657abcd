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
