# Strings of the cli module.

cli-error = Error: { $message }
cli-written = Wrote { $path }
cli-released = Released version { $label } ({ $hash })
cli-verify-ok = Version chain intact: { $count } versions
cli-verify-broken = Version chain broken at version { $label }: { $reason }
