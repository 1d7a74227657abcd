//! Completeness checks on fixture documents built in code, and `tomwerk check` exit codes.

use std::process::Command;

use time::Date;
use time::macros::date;
use tomwerk::checks::{self, Check, Field, Finding, Level, Location};
use tomwerk::model::{
    CanonicalSection as C, Document, Lang, LocalText, Measure, MeasureId, MeasureStatus, SectionId,
};
use tomwerk::store::{self, TomFile};

const TODAY: Date = date!(2026 - 06 - 01);

/// A document in which every canonical section has a short text in both languages,
/// reviewed recently and released: no findings at all.
fn complete() -> Document {
    let mut doc = Document::empty_template(Lang::De, "Fixture GmbH");
    doc.meta.last_review = Some(date!(2026 - 01 - 10));
    doc.meta.organisation.address = "Weg 1\n12345 Stadt".into();
    doc.meta.responsible = LocalText::new("R. Verantwortlich", "R. Verantwortlich");
    doc.meta.dpo_contact = "dsb@fixture.example".into();
    for c in C::ALL {
        let s = doc.section_mut(&c.into()).expect("canonical section");
        s.body = LocalText::new(
            format!("Text zu {}.", c.id()),
            format!("Text on {}.", c.id()),
        );
    }
    doc
}

fn released(doc: Document) -> TomFile {
    let mut file = TomFile::new(doc);
    file.release("1.0", date!(2026 - 01 - 12), "Tester", "first")
        .expect("release");
    file
}

fn run(doc: Document) -> Vec<Finding> {
    checks::run(&released(doc), TODAY)
}

fn of(findings: &[Finding], check: Check) -> Vec<&Finding> {
    findings.iter().filter(|f| f.check == check).collect()
}

fn at(section: C) -> Location {
    Location {
        section: Some(section.into()),
        ..Location::default()
    }
}

fn add(doc: &mut Document, section: C, text: LocalText, status: MeasureStatus) -> MeasureId {
    let mut m = Measure::new(text);
    m.status = status;
    doc.add_measure(&section.into(), m).expect("measure added")
}

/// [`complete`] with one structured measure in every section without subsections.
fn structured() -> Document {
    let mut doc = complete();
    let leaves: Vec<C> = C::ALL
        .into_iter()
        .filter(|c| {
            doc.section(&(*c).into())
                .is_some_and(|s| s.children.is_empty())
        })
        .collect();
    for c in leaves {
        add(
            &mut doc,
            c,
            LocalText::new(
                format!("Maßnahme zu {}", c.id()),
                format!("Measure on {}", c.id()),
            ),
            MeasureStatus::Implemented,
        );
    }
    doc
}

#[test]
fn a_complete_document_has_no_findings() {
    assert_eq!(run(structured()), Vec::<Finding>::new());
}

#[test]
fn a_section_with_prose_only_gets_a_hint_about_structured_measures() {
    let mut doc = structured();
    doc.section_mut(&C::Encryption.into())
        .expect("2.")
        .measures
        .clear();
    let found = run(doc.clone());
    let hints = of(&found, Check::NoStructuredMeasures);
    assert_eq!(hints.len(), 1, "{found:?}");
    assert_eq!(hints[0].level, Level::Info);
    assert_eq!(hints[0].location.section, Some(C::Encryption.into()));
    assert!(hints[0].message(Lang::En).contains("only in prose"));
    // A parent is checked through its subsections: no hint on "Confidentiality".
    doc.section_mut(&C::PhysicalAccess.into())
        .expect("3.1")
        .measures
        .clear();
    let found = run(doc);
    assert_eq!(of(&found, Check::NoStructuredMeasures).len(), 2);
    assert!(
        of(&found, Check::NoStructuredMeasures)
            .iter()
            .all(|f| f.location.section != Some(C::Confidentiality.into()))
    );
}

#[test]
fn an_empty_template_reports_each_empty_canonical_section() {
    let file = TomFile::new(Document::empty_template(Lang::De, "Neu GmbH"));
    let findings = checks::run(&file, TODAY);
    let empty: Vec<_> = of(&findings, Check::EmptySection)
        .into_iter()
        .map(|f| f.location.section.clone())
        .collect();
    let expected: Vec<_> = C::ALL.iter().map(|&c| Some(SectionId::from(c))).collect();
    assert_eq!(empty, expected);
    assert!(
        of(&findings, Check::EmptySection)
            .iter()
            .all(|f| f.level == Level::Warning)
    );
    // Nothing covers any letter of Art. 32(1): one error per letter.
    let letters: Vec<_> = of(&findings, Check::LetterNotCovered)
        .iter()
        .map(|f| {
            f.args
                .iter()
                .find(|(k, _)| k == "letter")
                .map(|(_, v)| v.clone())
        })
        .collect();
    assert_eq!(letters, ["a", "b", "c", "d"].map(|l| Some(l.to_owned())));
    assert_eq!(of(&findings, Check::NoReviewDate).len(), 1);
    assert_eq!(of(&findings, Check::NeverReleased).len(), 1);
    assert_eq!(of(&findings, Check::MetadataMissing).len(), 3);
    assert_eq!(findings.len(), 4 + 14 + 3 + 2);
    assert!(checks::has_errors(&findings));
    // Errors first, then warnings, then infos.
    assert!(findings.windows(2).all(|w| w[0].level <= w[1].level));
}

#[test]
fn the_example_is_free_of_errors_on_any_date() {
    let file = store::example();
    assert_eq!(checks::run(&file, TODAY), Vec::<Finding>::new());
    for today in [
        date!(2026 - 03 - 02),
        date!(2027 - 02 - 24),
        date!(2030 - 01 - 01),
        date!(2099 - 12 - 31),
    ] {
        let findings = checks::run(&file, today);
        assert!(!checks::has_errors(&findings), "{today}: {findings:?}");
    }
    let late = checks::run(&file, date!(2030 - 01 - 01));
    assert_eq!(of(&late, Check::ReviewOverdue)[0].level, Level::Warning);
    assert_eq!(of(&late, Check::ReleaseOutdated)[0].level, Level::Warning);
}

#[test]
fn each_letter_needs_a_visible_section_with_content() {
    let mut doc = Document::empty_template(Lang::De, "X");
    doc.section_mut(&C::PhysicalAccess.into())
        .expect("3.1")
        .body = LocalText::new("a", "b");
    // Hidden content does not count.
    let rec = doc.section_mut(&C::Recovery.into()).expect("7");
    rec.body = LocalText::new("c", "d");
    rec.hidden = true;
    // A custom subsection counts for the letter of its canonical parent.
    let custom = doc
        .add_custom_section(
            Some(&C::Encryption.into()),
            LocalText::new("Schlüssel", "Keys"),
        )
        .expect("custom");
    doc.section_mut(&custom).expect("custom").body = LocalText::new("e", "f");
    let findings = checks::run(&TomFile::new(doc), TODAY);
    let missing: Vec<_> = of(&findings, Check::LetterNotCovered)
        .iter()
        .map(|f| (f.args[0].1.clone(), f.location.clone(), f.level))
        .collect();
    assert_eq!(
        missing,
        [
            ("c".to_owned(), Location::default(), Level::Error),
            ("d".to_owned(), at(C::Evaluation), Level::Error)
        ]
    );
}

#[test]
fn parents_with_filled_subsections_and_covered_sections_are_not_empty() {
    let mut doc = complete();
    // 3. has no text of its own, but its subsections do.
    doc.section_mut(&C::Confidentiality.into()).expect("3").body = LocalText::default();
    // 6. is covered by 5. ("availability and resilience").
    doc.section_mut(&C::Resilience.into()).expect("6").body = LocalText::default();
    doc.section_mut(&C::Availability.into()).expect("5").covers = vec![C::Resilience.into()];
    // 3.4 is empty and hidden: not exported, so not reported.
    let sep = doc.section_mut(&C::Separation.into()).expect("3.4");
    sep.body = LocalText::default();
    sep.hidden = true;
    assert!(of(&run(doc.clone()), Check::EmptySection).is_empty());

    doc.section_mut(&C::Availability.into())
        .expect("5")
        .covers
        .clear();
    let findings = run(doc);
    let empty = of(&findings, Check::EmptySection);
    assert_eq!(empty.len(), 1);
    assert_eq!(empty[0].location, at(C::Resilience));
}

#[test]
fn planned_measures_need_a_note() {
    let mut doc = complete();
    let bare = add(
        &mut doc,
        C::SystemAccess,
        LocalText::new("MFA", "MFA"),
        MeasureStatus::Planned,
    );
    let noted = add(
        &mut doc,
        C::SystemAccess,
        LocalText::new("SSO", "SSO"),
        MeasureStatus::Planned,
    );
    doc.section_mut(&C::SystemAccess.into())
        .expect("3.2")
        .measures[1]
        .note = LocalText::new("bis Q3", "by Q3");
    add(
        &mut doc,
        C::SystemAccess,
        LocalText::new("VPN", "VPN"),
        MeasureStatus::Implemented,
    );
    add(
        &mut doc,
        C::SystemAccess,
        LocalText::new("X", "X"),
        MeasureStatus::NotApplicable,
    );
    let findings = run(doc.clone());
    let planned = of(&findings, Check::PlannedWithoutNote);
    assert_eq!(planned.len(), 1);
    assert_eq!(planned[0].level, Level::Warning);
    assert_eq!(planned[0].location.measure, Some(bare));
    assert_ne!(planned[0].location.measure, Some(noted));
    assert_eq!(planned[0].location.section, Some(C::SystemAccess.into()));
    assert_eq!(
        planned[0].line(&doc, Lang::De),
        "Warnung 3.2. Zugangskontrolle: Die geplante Maßnahme „MFA“ hat keine Anmerkung (etwa bis wann sie umgesetzt wird)."
    );
}

#[test]
fn missing_translations_are_reported_per_document_language() {
    let mut doc = complete();
    doc.section_mut(&C::Encryption.into()).expect("2").body =
        LocalText::only(Lang::De, "Nur deutsch");
    let m = add(
        &mut doc,
        C::Transfer,
        LocalText::only(Lang::En, "Signed transfers"),
        MeasureStatus::Implemented,
    );
    doc.meta.purpose = LocalText::only(Lang::De, "Anlage 2");
    let findings = run(doc.clone());
    let missing = of(&findings, Check::MissingTranslation);
    assert_eq!(missing.len(), 3, "{missing:?}");
    assert!(missing.iter().all(|f| f.level == Level::Warning));
    // Each names the field and the language to open (issue 20.5).
    assert_eq!(missing[0].location.section, None);
    assert_eq!(missing[0].location.text, Some((Field::Purpose, Lang::En)));
    assert_eq!(missing[1].location.section, at(C::Encryption).section);
    assert_eq!(missing[1].location.text, Some((Field::Body, Lang::En)));
    assert_eq!(missing[2].location.text, Some((Field::Measure, Lang::De)));
    assert_eq!(missing[2].location.measure, Some(m));
    assert_eq!(
        missing[1].line(&doc, Lang::En),
        "Warning 2. Encryption: The text is not translated into English."
    );
    assert_eq!(
        missing[2].message(Lang::De),
        "Die Maßnahme „Signed transfers“ ist nicht ins Deutsche übersetzt."
    );
    assert_eq!(
        missing[0].line(&doc, Lang::De),
        "Warnung Dokument: Die Zweckangabe ist nicht ins Englische übersetzt."
    );

    // A document kept in German only does not need English.
    doc.meta.languages = vec![Lang::De];
    doc.section_mut(&C::Transfer.into()).expect("4.1").measures[0].text =
        LocalText::only(Lang::De, "Signierte Übertragung");
    assert!(of(&run(doc), Check::MissingTranslation).is_empty());
}

#[test]
fn review_and_release_age_are_warnings_against_the_injected_date() {
    let mut doc = complete();
    doc.meta.last_review = Some(date!(2025 - 01 - 31));
    let mut file = TomFile::new(doc.clone());
    file.release("1.0", date!(2025 - 02 - 15), "T", "n")
        .expect("release");

    let on_due_date = checks::run(&file, date!(2026 - 01 - 31));
    assert!(of(&on_due_date, Check::ReviewOverdue).is_empty());
    let day_after = checks::run(&file, date!(2026 - 02 - 01));
    let overdue = of(&day_after, Check::ReviewOverdue);
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].level, Level::Warning);
    assert_eq!(
        overdue[0].message(Lang::De),
        "Die Überprüfung ist überfällig: zuletzt am 31.01.2025, bei einem Turnus von 12 Monaten fällig seit 31.01.2026."
    );
    assert!(of(&day_after, Check::ReleaseOutdated).is_empty());
    let later = checks::run(&file, date!(2026 - 02 - 16));
    let outdated = of(&later, Check::ReleaseOutdated);
    assert_eq!(outdated.len(), 1);
    assert!(
        outdated[0]
            .message(Lang::En)
            .contains("1.0 of 15 February 2025")
    );

    // A shorter interval makes it due sooner; no interval means never overdue.
    file.working.meta.review_interval_months = 6;
    assert_eq!(
        of(
            &checks::run(&file, date!(2025 - 08 - 01)),
            Check::ReviewOverdue
        )
        .len(),
        1
    );
    file.working.meta.review_interval_months = 0;
    let none = checks::run(&file, date!(2040 - 01 - 01));
    assert!(
        of(&none, Check::ReviewOverdue).is_empty() && of(&none, Check::ReleaseOutdated).is_empty()
    );

    // No review date at all is worth knowing, not an error.
    doc.meta.last_review = None;
    let findings = run(doc);
    assert_eq!(of(&findings, Check::NoReviewDate)[0].level, Level::Info);
}

#[test]
fn unreleased_changes_and_missing_releases_are_infos() {
    let mut file = released(structured());
    assert!(checks::run(&file, TODAY).is_empty());
    file.working
        .section_mut(&C::Input.into())
        .expect("4.2")
        .body
        .de
        .push_str(" Mehr.");
    let findings = checks::run(&file, TODAY);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].check, Check::UnreleasedChanges);
    assert_eq!(findings[0].level, Level::Info);
    assert!(findings[0].message(Lang::En).contains("version 1.0"));

    let never = checks::run(&TomFile::new(structured()), TODAY);
    assert_eq!(
        never.iter().map(|f| f.check).collect::<Vec<_>>(),
        [Check::NeverReleased]
    );
}

#[test]
fn links_must_use_http_https_or_mailto() {
    let mut doc = complete();
    doc.intro = LocalText::new(
        "Siehe [Website](https://a.example), [Mail](mailto:dsb@a.example), <dsb@a.example> und <http://b.example>.",
        "See [site](https://a.example).",
    );
    doc.section_mut(&C::Encryption.into()).expect("2").body = LocalText::new(
        "Details: [Skript](javascript:alert(1)) und [Datei](file:///C:/tom.pdf).",
        "Details in [the policy](policy.pdf).",
    );
    let m = add(
        &mut doc,
        C::Recovery,
        LocalText::new(
            "Plan [intern](smb://server/plan)",
            "Plan [internal](https://c.example)",
        ),
        MeasureStatus::Implemented,
    );
    // A hidden section is not exported: its links do not matter.
    let hidden = doc.section_mut(&C::Separation.into()).expect("3.4");
    hidden.body = LocalText::new("[x](ftp://x.example)", "[x](ftp://x.example)");
    hidden.hidden = true;

    let findings = run(doc.clone());
    let bad: Vec<_> = of(&findings, Check::LinkScheme)
        .iter()
        .map(|f| {
            let scheme = f
                .args
                .iter()
                .find(|(k, _)| k == "scheme")
                .map(|(_, v)| v.clone());
            (f.location.clone(), scheme, f.level)
        })
        .collect();
    assert_eq!(
        bad,
        [
            (
                at(C::Encryption),
                Some("javascript".to_owned()),
                Level::Error
            ),
            (at(C::Encryption), Some("file".to_owned()), Level::Error),
            (
                Location {
                    section: Some(C::Recovery.into()),
                    measure: Some(m),
                    ..Location::default()
                },
                Some("smb".to_owned()),
                Level::Error
            ),
        ]
    );
    let relative = of(&findings, Check::LinkWithoutScheme);
    assert_eq!(relative.len(), 1);
    assert_eq!(relative[0].level, Level::Warning);
    assert_eq!(
        relative[0].line(&doc, Lang::En),
        "Warning 2. Encryption: The text (English version) links to “policy.pdf” without a scheme, which goes nowhere in a PDF (add https:// or mailto:)."
    );
    assert!(checks::has_errors(&findings));
}

#[test]
fn characters_the_pdf_font_lacks_are_errors() {
    let mut doc = complete();
    let m = add(
        &mut doc,
        C::Availability,
        LocalText::new("Notstrom ✓", "Standby power ✓ 🔋"),
        MeasureStatus::Implemented,
    );
    doc.meta.organisation.name = "Fixture\u{7} GmbH".into();
    // Umlauts, typographic quotes, dashes, the euro and section signs are fine.
    doc.section_mut(&C::Input.into()).expect("4.2").body =
        LocalText::new("„Änderungen“ – § 5, 10 €, ½ …", "“Changes” – § 5, €10, ½ …");
    let findings = run(doc.clone());
    let chars = of(&findings, Check::UnrenderableCharacter);
    assert_eq!(chars.len(), 3, "{chars:?}");
    assert!(chars.iter().all(|f| f.level == Level::Error));
    assert_eq!(chars[0].location, Location::default());
    assert!(chars[0].message(Lang::En).contains("U+0007"));
    assert_eq!(chars[1].location.measure, Some(m.clone()));
    assert_eq!(
        chars[2].line(&doc, Lang::De),
        "Fehler 5. Gewährleistung der Verfügbarkeit: Die Maßnahme „Notstrom ✓“ (englische Fassung) enthält Zeichen, die die PDF-Schrift nicht darstellen kann: U+2713 ✓, U+1F50B 🔋."
    );
}

#[test]
fn structure_and_chain_problems_are_errors() {
    let mut doc = complete();
    let m = add(
        &mut doc,
        C::Input,
        LocalText::new("a", "a"),
        MeasureStatus::Implemented,
    );
    let copy = doc.measure(&m).expect("measure").1.clone();
    doc.section_mut(&C::Transfer.into())
        .expect("4.1")
        .measures
        .push(copy);
    let findings = run(doc);
    let structure = of(&findings, Check::Structure);
    assert_eq!(structure.len(), 1);
    assert_eq!(structure[0].level, Level::Error);
    assert_eq!(structure[0].location.measure, Some(m));

    let mut file = store::example();
    file.versions[1].note.de.push_str(" (edited)");
    let findings = checks::run(&file, TODAY);
    let chain = of(&findings, Check::Chain);
    assert_eq!(chain.len(), 1);
    assert!(chain[0].message(Lang::En).contains("version 1.1"));
}

fn tomwerk(args: &[&str], today: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tomwerk"))
        .args(args)
        .env("TOMWERK_TODAY", today)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("tomwerk runs")
}

#[test]
fn cli_exit_codes_and_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let example = dir.path().join("example.tom");
    store::save(&example, &store::example()).expect("saved");
    let example = example.to_str().expect("utf-8 path");

    let clean = tomwerk(&["check", example, "--lang", "de"], "2026-06-01");
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&clean.stdout), "Keine Befunde.\n");

    let late = tomwerk(&["check", example, "--lang", "de"], "2031-01-01");
    assert_eq!(late.status.code(), Some(0), "warnings only");
    let out = String::from_utf8_lossy(&late.stdout);
    assert!(
        out.lines()
            .any(|l| l.starts_with("Warnung Dokument: Die Überprüfung ist überfällig")),
        "{out}"
    );
    assert!(String::from_utf8_lossy(&late.stderr).contains("0 Fehler, 2 Warnungen"));

    let template = dir.path().join("new.tom");
    store::save(
        &template,
        &TomFile::new(Document::empty_template(Lang::En, "N")),
    )
    .expect("saved");
    let template = template.to_str().expect("utf-8 path");
    let errors = tomwerk(&["check", template, "--lang", "en"], "2026-06-01");
    assert_eq!(errors.status.code(), Some(1));
    let out = String::from_utf8_lossy(&errors.stdout);
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines.len(), 4 + 14 + 3 + 2, "{out}");
    assert_eq!(
        lines[0],
        "Error 1. Pseudonymisation: No visible section with content covers Art. 32(1)(a) GDPR."
    );
    assert!(lines.contains(
        &"Warning 3.1. Physical access control: The section has neither text nor measures."
    ));
    assert!(
        lines
            .last()
            .is_some_and(|l| l.starts_with("Info Document: "))
    );

    // Usage errors and unreadable files: exit 2 with a one-line message.
    for args in [
        vec!["check"],
        vec!["check", example, "--lang", "fr"],
        vec!["check", "/no/such/file.tom"],
    ] {
        let out = tomwerk(&args, "2026-06-01");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
    let garbage = dir.path().join("garbage.tom");
    std::fs::write(&garbage, "not a tom file").expect("written");
    let out = tomwerk(&["check", garbage.to_str().expect("utf-8")], "2026-06-01");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("garbage.tom"));
}

#[test]
fn blank_title_block_fields_and_empty_measures_are_warnings() {
    let mut doc = complete();
    doc.meta.dpo_contact = " ".into();
    doc.meta.organisation.name.clear();
    let m = add(
        &mut doc,
        C::Resilience,
        LocalText::default(),
        MeasureStatus::Implemented,
    );
    let findings = run(doc.clone());
    let meta = of(&findings, Check::MetadataMissing);
    assert_eq!(meta.len(), 2);
    assert!(
        meta.iter()
            .all(|f| f.level == Level::Warning && f.location == Location::default())
    );
    assert_eq!(
        meta[0].line(&doc, Lang::En),
        "Warning Document: The organisation's name is missing from the title block."
    );
    assert_eq!(
        meta[1].message(Lang::De),
        "Der Kontakt der oder des Datenschutzbeauftragten fehlt im Titelblock."
    );
    let empty = of(&findings, Check::EmptyMeasure);
    assert_eq!(empty.len(), 1);
    assert_eq!(empty[0].location.measure, Some(m));
    assert_eq!(empty[0].level, Level::Warning);
    // An empty measure alone does not fill a section.
    let mut only_empty = complete();
    only_empty.section_mut(&C::Recovery.into()).expect("7").body = LocalText::default();
    add(
        &mut only_empty,
        C::Recovery,
        LocalText::default(),
        MeasureStatus::Implemented,
    );
    assert_eq!(of(&run(only_empty), Check::EmptySection).len(), 1);
}
