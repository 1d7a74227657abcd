# Texte der Integritätsprüfungen auf der Kommandozeile (Issue 19).

integrity-refuse-exists = { $path } gibt es schon; mit --force wird die Datei überschrieben
integrity-refuse-history = { $path } gibt es schon, mit { $count } freigegebenen Versionen; mit --force wird die Datei überschrieben und die Versionen gehen verloren
integrity-chain-broken = { $path }: Versionskette bei Version { $label } unterbrochen: { $reason }; Abbruch
integrity-release-bad-field = { $field ->
    [label] Die Versionsbezeichnung darf
    [author] Der Autor darf
   *[other] Die Notiz darf
} keine Tabulatoren, Zeilenumbrüche (Notizen schon), Steuer- oder Schreibrichtungszeichen enthalten und höchstens 1000 Zeichen lang sein.

integrity-notice-bom = { $path }: Eine Bytereihenfolge-Markierung (BOM) am Anfang wurde ignoriert; Tomwerk schreibt die Datei ohne
integrity-notice-crlf = { $path }: Windows-Zeilenenden (CRLF) wurden als LF gelesen; Tomwerk schreibt LF (Empfehlung: `*.tom text eol=lf` in .gitattributes)
integrity-notice-bom-crlf = { $path }: Eine Bytereihenfolge-Markierung (BOM) wurde ignoriert und Windows-Zeilenenden (CRLF) wurden als LF gelesen; Tomwerk schreibt LF ohne BOM (Empfehlung: `*.tom text eol=lf` in .gitattributes)
integrity-refuse-same-file = { $path } ist die Eingabedatei { $input }; sie wird nicht überschrieben, bitte eine andere Ausgabe wählen
integrity-refuse-readonly = { $path } ist schreibgeschützt; mit --force wird sie ersetzt
integrity-refuse-readonly-noforce = { $path } ist schreibgeschützt und wird nicht ersetzt (zuerst Schreibrechte geben)

# Exporte einer Datei mit unterbrochener Versionskette (Issue 19.3).
integrity-broken-mark = INTEGRITÄT VERLETZT
integrity-broken-banner = INTEGRITÄT VERLETZT: Die Versionsgeschichte dieser Datei wurde nach der Freigabe verändert; dieser Export ist keine freigegebene Version und trägt keine Prüfsumme.
integrity-force-working-only = { $path }: Versionskette bei Version { $label } unterbrochen; --force exportiert nur die Arbeitskopie, nie eine freigegebene Version
integrity-export-forced = { $path }: Versionskette bei Version { $label } unterbrochen; die Arbeitskopie wird mit „INTEGRITÄT VERLETZT“ auf jeder Seite exportiert
integrity-editor-banner = Die Versionsgeschichte wurde nach der Freigabe verändert (zuerst bei Version { $label }). Die Datei ist nur lesbar geöffnet: Bearbeiten, Freigeben und Wiederherstellen sind gesperrt. Exporte tragen diesen Vermerk statt einer Prüfsumme.

# Exporte in einer Sprache, die einem zweisprachigen Feld fehlt (Issue 20.2).
export-missing-responsible = Die verantwortliche Person hat keinen Text auf { $language }; der Titelblock zeigt den der anderen Sprache.
export-missing-release-note = Die Freigabenotiz von Version { $label } hat keinen Text auf { $language }; die Änderungshistorie zeigt den der anderen Sprache.

# Signierte Freigaben und verify --expect (Issue 19.6).
integrity-chain-broken-verify = { $path }: Kette bei Version { $label } (Nr. { $position }) unterbrochen: { $reason }
integrity-signed-line = signiert mit Schlüssel { $key }{ $own ->
    [yes] { " " }(Ihr Schlüssel)
   *[other] {""}
}
integrity-unsigned-line = nicht signiert
integrity-expect-bad = { $hash } ist keine Prüfsumme: mindestens 12 Hex-Ziffern angeben (die PDF-Fußzeile hat 24) oder den ganzen Hash
integrity-expect-found = { $path }: Version { $label } vom { $date } ist in der Datei, die Kette ist intakt; vollständiger Hash { $hash }
integrity-expect-missing = { $path }: Keine Version hat die Prüfsumme { $hash }: Die Version, die der Kunde erhalten hat, ist nicht in dieser Datei (entfernt oder umgeschrieben)
integrity-keygen-done = Signaturschlüssel { $key } in { $dir } gespeichert; die geheime Schlüsseldatei nicht weitergeben und den Fingerabdruck dort nennen, wo Kunden ihn vergleichen können
integrity-key-missing = In { $path } gibt es keinen Signaturschlüssel; mit `tomwerk keygen` einen erzeugen
integrity-key-exists = In { $path } gibt es schon einen Signaturschlüssel; mit --force wird er ersetzt (damit signierte Freigaben bleiben prüfbar)
integrity-key-invalid = { $path } ist kein Tomwerk-Signaturschlüssel; mit `tomwerk keygen --force` einen neuen erzeugen
export-fingerprint-signed = Prüfsumme { $hash } · signiert { $key }

# Fehler beim Laden und Speichern, je eine Zeile (Issue 19.12).
store-error-empty = die Datei ist leer
store-error-not-regular = das ist keine normale Datei (ein Ordner, eine Pipe oder ein Gerät?)
store-error-too-large = die Datei hat { $size } Bytes, mehr als die { $limit }, die eine TOM-Datei haben darf
store-error-not-utf8 = die Datei ist kein UTF-8-Text (ungültiges Byte bei Position { $offset }); ist es eine Binärdatei?
store-error-not-tomwerk = das ist keine Tomwerk-Datei (sie sollte mit „(format: N,“ beginnen)
store-error-newer = die Datei hat das Format { $found }, dieses Tomwerk liest nur bis Format { $supported }; bitte Tomwerk aktualisieren
store-error-truncated = die Datei endet unerwartet in Zeile { $line }; sie ist wahrscheinlich abgeschnitten
store-error-syntax = Zeile { $line }, Spalte { $column }: { $detail }
store-error-invalid = das Dokument ist widersprüchlich: { $detail }
store-error-changed-on-disk = die Datei wurde von einem anderen Programm geändert, während Tomwerk daran arbeitete; nichts wurde geschrieben, bitte den Befehl wiederholen
store-error-locked = die Datei wird seit über einer Minute von einem anderen Tomwerk-Prozess gehalten; nichts wurde geschrieben
store-error-serialize = das Dokument konnte nicht geschrieben werden: { $detail }
store-error-in-version = freigegebene Version { $label }: { $what }
store-error-not-found = die Datei gibt es nicht
store-error-permission = keine Berechtigung
store-error-disk-full = der Datenträger ist voll; nichts wurde geändert
store-error-io = { $detail }
integrity-fault-duplicate-label = ihre Bezeichnung kommt zweimal vor
integrity-fault-broken-link = sie verweist nicht auf die Version davor (eine Version wurde entfernt, eingefügt oder umsortiert)
integrity-fault-hash-mismatch = Inhalt oder Angaben passen nicht zu ihrer Prüfsumme (nach der Freigabe geändert)
integrity-fault-bad-signature = ihre Signatur passt nicht (nach dem Signieren geändert)
integrity-fault-unreadable = ihr gespeicherter Inhalt ist nicht lesbar
export-nesting-flattened = „{ $section }“ verschachtelt Listen oder Zitate tiefer als { $depth } Ebenen; die tieferen Ebenen werden auf Ebene { $depth } gedruckt.
import-refuse-invalid = { $path } kann nicht importiert werden: { $problem }; nichts wurde geschrieben
release-sign = Mit meinem Schlüssel signieren
release-sign-hint = Signiert die Version mit dem Ed25519-Schlüssel von `tomwerk keygen`; eine umgeschriebene signierte Version fällt bei `tomwerk verify` durch, und die PDF-Fußzeile nennt den Schlüssel.
release-sign-no-key = Es gibt noch keinen Signaturschlüssel: einmal `tomwerk keygen` ausführen oder ohne Signatur freigeben.
