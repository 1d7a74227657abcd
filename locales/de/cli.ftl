# Strings of the cli module.

cli-error = Fehler: { $message }
cli-written = { $path } geschrieben
cli-released = Version { $label } freigegeben ({ $hash })
cli-verify-ok = Versionskette intakt: { $count } Versionen
cli-verify-broken = Versionskette gebrochen bei Version { $label }: { $reason }
