# Texte des Diff-Moduls: Änderungsarten, Zusammenfassung, Änderungsbericht.

diff-summary-none = Keine Änderungen
diff-summary-sections-changed = { $count ->
    [one] { $count } Abschnitt geändert
   *[other] { $count } Abschnitte geändert
}
diff-summary-sections-added = { $count ->
    [one] { $count } Abschnitt hinzugefügt
   *[other] { $count } Abschnitte hinzugefügt
}
diff-summary-sections-removed = { $count ->
    [one] { $count } Abschnitt entfernt
   *[other] { $count } Abschnitte entfernt
}
diff-summary-sections-moved = { $count ->
    [one] { $count } Abschnitt verschoben
   *[other] { $count } Abschnitte verschoben
}
diff-summary-measures-changed = { $count ->
    [one] { $count } Maßnahme geändert
   *[other] { $count } Maßnahmen geändert
}
diff-summary-measures-added = { $count ->
    [one] { $count } Maßnahme hinzugefügt
   *[other] { $count } Maßnahmen hinzugefügt
}
diff-summary-measures-removed = { $count ->
    [one] { $count } Maßnahme entfernt
   *[other] { $count } Maßnahmen entfernt
}
diff-summary-measures-moved = { $count ->
    [one] { $count } Maßnahme verschoben
   *[other] { $count } Maßnahmen verschoben
}
diff-summary-metadata-changed = { $count ->
    [one] { $count } Angabe im Titelblock geändert
   *[other] { $count } Angaben im Titelblock geändert
}
diff-summary-intro-changed = Einleitung geändert

diff-kind-meta = Titelblock geändert
diff-kind-intro = Einleitung geändert
diff-kind-section-added = Abschnitt hinzugefügt
diff-kind-section-removed = Abschnitt entfernt
diff-kind-section-moved = Abschnitt verschoben
diff-kind-section-renamed = Abschnitt umbenannt
diff-kind-section-hidden = Abschnitt ausgeblendet
diff-kind-section-shown = Abschnitt wieder eingeblendet
diff-kind-section-body = Text geändert
diff-kind-section-covers = Abdeckung geändert
diff-kind-measure-added = Maßnahme hinzugefügt
diff-kind-measure-removed = Maßnahme entfernt
diff-kind-measure-moved = Maßnahme verschoben
diff-kind-measure-changed = Maßnahme geändert

diff-meta-organisation-name = Organisation
diff-meta-organisation-address = Anschrift
diff-meta-title = Dokumenttitel
diff-meta-purpose = Zweck
diff-meta-responsible = Verantwortlich
diff-meta-dpo-contact = Datenschutzbeauftragte(r)
diff-meta-review-interval = Prüfintervall (Monate)
diff-meta-last-review = Letzte Prüfung
diff-meta-languages = Sprachen
diff-meta-primary-language = Hauptsprache
diff-meta-extra = Eintrag

diff-heading-meta = Titelblock
diff-heading-intro = Einleitung
diff-field-text = Text
diff-field-title = Titel
diff-field-note = Anmerkung
diff-field-kind = Art
diff-field-status = Status
diff-field-measure = Maßnahme
diff-field-covers = Deckt auch ab
diff-old = alt
diff-new = neu
diff-no-number = ausgeblendet
diff-top-level = oberste Ebene
diff-moved-numbers = Nummer { $old } → { $new }
diff-moved-parent = Verschoben von „{ $old }“ nach „{ $new }“
diff-measure-moved-from = Aus { $section }, Position { $old } → Position { $new }

diff-version = Version { $label }
diff-working-copy = Arbeitsstand
diff-report-title = Änderungen der TOM von Version { $from } zu { $to }
diff-report-title-working = Änderungen der TOM von Version { $from } zum Arbeitsstand
diff-report-title-from-working = Änderungen der TOM vom Arbeitsstand zu Version { $to }
diff-report-title-working-only = Änderungen der TOM im Arbeitsstand
diff-fingerprints = Prüfsummen
diff-no-such-version = Version „{ $label }“ gibt es nicht (vorhanden: { $available })
