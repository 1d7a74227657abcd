# Texte der Integritätsprüfungen auf der Kommandozeile (Issue 19).

integrity-refuse-exists = { $path } gibt es schon; mit --force wird die Datei überschrieben
integrity-refuse-history = { $path } gibt es schon, mit { $count } freigegebenen Versionen; mit --force wird die Datei überschrieben und die Versionen gehen verloren
integrity-chain-broken = { $path }: Versionskette bei Version { $label } unterbrochen: { $reason }; Abbruch
integrity-release-bad-field = { $field ->
    [label] Die Versionsbezeichnung darf
    [author] Der Autor darf
   *[other] Die Notiz darf
} keine Tabulatoren, Zeilenumbrüche (Notizen schon), Steuer- oder Schreibrichtungszeichen enthalten und höchstens 1000 Zeichen lang sein.
integrity-changed-on-disk = { $path } wurde von einem anderen Programm geändert, während Tomwerk daran arbeitete; nichts wurde geschrieben, bitte den Befehl wiederholen
integrity-locked = { $path } wird seit über einer Minute von einem anderen Tomwerk-Prozess gehalten; nichts wurde geschrieben
