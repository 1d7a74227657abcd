# Strings of the checks module and of `tomwerk check`.

check-level-error = Error
check-level-warning = Warning
check-level-info = Info
check-place-document = Document

check-where = { $field ->
    [document-title] The document title
    [purpose] The purpose line
    [intro] The introduction
    [title] The heading
    [body] The text
    [measure] The measure “{ $measure }”
    [note] The note on the measure “{ $measure }”
    [organisation] The organisation's name
    [address] The address
    [responsible] The responsible person
    [dpo] The data protection officer's contact
   *[other] A field
}
check-version = { $lang ->
    [de] { " " }(German version)
    [en] { " " }(English version)
   *[other] { "" }
}

check-structure = The document's structure is broken: { $problem }
check-chain = The version chain is broken at version { $version }: { $problem }
check-letter-not-covered = No visible section with content covers Art. 32(1)({ $letter }) GDPR.
check-empty-section = The section has neither text nor measures.
check-planned-without-note = The planned measure “{ $measure }” has no note (such as when it will be in place).
check-missing-translation = { $where } is not translated into { $lang ->
    [de] German
   *[en] English
}.
check-stale-translation = { $where } is out of date: the { $lang ->
    [de] English source text
   *[en] German source text
} changed since the { $lang ->
    [de] German
   *[en] English
} version was last edited.
check-no-structured-measures = The section describes its measures only in prose; add them as structured measures (with kind and status) so readers can check each one.
check-no-review-date = No date of the last review is recorded.
check-review-overdue = The review is overdue: last reviewed on { $date }, due since { $due } at an interval of { $months } months.
check-release-outdated = The latest released version { $version } of { $date } is older than the review interval of { $months } months (due since { $due }).
check-never-released = No version has been released yet; customers need a released edition.
check-unreleased-changes = The working copy has changes not released since version { $version }.
check-link-scheme = { $where }{ $version-note } links with the scheme “{ $scheme }:” to { $url }; only http, https and mailto are allowed.
check-link-without-scheme = { $where }{ $version-note } links to “{ $url }” without a scheme, which goes nowhere in a PDF (add https:// or mailto:).
check-unrenderable-character = { $where }{ $version-note } contains characters the PDF font cannot render: { $chars }.

check-metadata-missing = { $where } is missing from the title block.
check-empty-measure = The measure has no text.

check-cli-none = No findings.
check-cli-summary = { $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}, { $infos } { $infos ->
    [one] info
   *[other] infos
}
