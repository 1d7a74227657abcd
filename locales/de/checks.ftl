# Strings of the checks module and of `tomwerk check`.

check-level-error = Fehler
check-level-warning = Warnung
check-level-info = Hinweis
check-place-document = Dokument

check-where = { $field ->
    [document-title] Der Dokumenttitel
    [purpose] Die Zweckangabe
    [intro] Die Einleitung
    [title] Die Überschrift
    [body] Der Text
    [measure] Die Maßnahme „{ $measure }“
    [note] Die Anmerkung zur Maßnahme „{ $measure }“
    [organisation] Der Name der Organisation
    [address] Die Anschrift
    [responsible] Die Angabe der verantwortlichen Person
    [dpo] Der Kontakt der oder des Datenschutzbeauftragten
   *[other] Ein Feld
}
check-version = { $lang ->
    [de] { " " }(deutsche Fassung)
    [en] { " " }(englische Fassung)
   *[other] { "" }
}

check-structure = Die Struktur des Dokuments ist fehlerhaft: { $problem }
check-chain = Die Versionskette ist bei Version { $version } unterbrochen: { $problem }
check-letter-not-covered = Kein sichtbarer Abschnitt mit Inhalt deckt Art. 32 Abs. 1 lit. { $letter } DSGVO ab.
check-empty-section = Der Abschnitt hat weder Text noch Maßnahmen.
check-planned-without-note = Die geplante Maßnahme „{ $measure }“ hat keine Anmerkung (etwa bis wann sie umgesetzt wird).
check-missing-translation = { $where } ist nicht { $lang ->
    [de] ins Deutsche
   *[en] ins Englische
} übersetzt.
check-stale-translation = { $where } ist veraltet: { $lang ->
    [de] der englische Ausgangstext
   *[en] der deutsche Ausgangstext
} wurde geändert, seit die { $lang ->
    [de] deutsche
   *[en] englische
} Fassung zuletzt bearbeitet wurde.
check-no-structured-measures = Der Abschnitt beschreibt seine Maßnahmen nur als Fließtext; erfassen Sie sie als strukturierte Maßnahmen (mit Art und Status), damit jede einzeln prüfbar ist.
check-no-review-date = Es ist kein Datum der letzten Überprüfung eingetragen.
check-review-overdue = Die Überprüfung ist überfällig: zuletzt am { $date }, bei einem Turnus von { $months } Monaten fällig seit { $due }.
check-release-outdated = Die neueste freigegebene Version { $version } vom { $date } ist älter als der Überprüfungsturnus von { $months } Monaten (fällig seit { $due }).
check-never-released = Es ist noch keine Version freigegeben; Kunden brauchen eine freigegebene Fassung.
check-unreleased-changes = Die Arbeitskopie enthält Änderungen, die seit Version { $version } nicht freigegeben sind.
check-link-scheme = { $where }{ $version-note } verlinkt mit dem Schema „{ $scheme }:“ auf { $url }; erlaubt sind nur http, https und mailto.
check-link-without-scheme = { $where }{ $version-note } verlinkt auf „{ $url }“ ohne Schema; im PDF führt der Link ins Leere (https:// oder mailto: ergänzen).
check-unrenderable-character = { $where }{ $version-note } enthält Zeichen, die die PDF-Schrift nicht darstellen kann: { $chars }.

check-metadata-missing = { $where } fehlt im Titelblock.
check-empty-measure = Die Maßnahme hat keinen Text.

check-cli-none = Keine Befunde.
check-cli-summary = { $errors } Fehler, { $warnings } { $warnings ->
    [one] Warnung
   *[other] Warnungen
}, { $infos } { $infos ->
    [one] Hinweis
   *[other] Hinweise
}
