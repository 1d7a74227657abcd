//! Issue 18: imported headings land where a DPO expects them (vocabulary and joined topics).

use tomwerk::import::import_markdown;
use tomwerk::model::{CanonicalSection as C, Lang, SectionId};

/// The number every heading of `markdown` gets, in source order, with its custom flag.
fn numbers(markdown: &str, lang: Lang) -> Vec<(String, String, bool)> {
    let imported = import_markdown(markdown, Some(lang)).expect("import");
    imported
        .report
        .mappings
        .iter()
        .map(|m| (m.heading.clone(), m.section.as_str().to_owned(), m.custom))
        .collect()
}

fn assert_places(markdown: &str, lang: Lang, expected: &[(&str, C)]) {
    let found = numbers(markdown, lang);
    for (heading, number) in expected {
        let hit = found
            .iter()
            .find(|(h, _, _)| h.contains(heading))
            .unwrap_or_else(|| panic!("no heading {heading}: {found:?}"));
        assert_eq!(
            hit.1,
            SectionId::from(*number).as_str(),
            "{heading}: {found:?}"
        );
        assert!(!hit.2, "{heading} became custom: {found:?}");
    }
}

#[test]
fn class2_german_vocabulary_gaps_at_top_level() {
    let md = "# TOM\n\n## Pseudonymisierung & Verschlüsselung\n\nA.\n\n## Zugangs- und Zutrittskontrolle\n\nB.\n\n## Datenträgerkontrolle\n\nC.\n\n## Transportkontrolle\n\nD.\n\n## Verfügbarkeit & Belastbarkeit\n\nE.\n\n## Datensicherung\n\nF.\n";
    assert_places(
        md,
        Lang::De,
        &[
            ("Pseudonymisierung &", C::Pseudonymisation),
            ("Zugangs- und", C::SystemAccess),
            ("Datenträgerkontrolle", C::DataAccess),
            ("Transportkontrolle", C::Transfer),
            ("Verfügbarkeit &", C::Availability),
        ],
    );
}

#[test]
fn class2_english_vocabulary_gaps_at_top_level() {
    let md = "# TOM\n\n## Pseudonymization / Encryption\n\nA.\n\n## Access control to premises / systems / data\n\nB.\n\n## Load capacity\n\nC.\n\n## Recoverability\n\nD.\n";
    assert_places(
        md,
        Lang::En,
        &[
            ("Pseudonymization /", C::Pseudonymisation),
            ("Access control to premises", C::PhysicalAccess),
            ("Load capacity", C::Resilience),
            ("Recoverability", C::Recovery),
        ],
    );
}

/// Every heading of `markdown` with the section id it went to (custom ids as `custom`).
fn ids(markdown: &str, lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = numbers(markdown, lang)
        .into_iter()
        .map(|(h, id, custom)| (h, if custom { "custom".to_owned() } else { id }))
        .collect();
    let imported = import_markdown(markdown, Some(lang)).expect("import");
    out.extend(
        imported
            .report
            .dissolved
            .into_iter()
            .map(|h| (h, "dissolved".to_owned())),
    );
    out
}

fn assert_ids(markdown: &str, lang: Lang, expected: &[(&str, &str)]) {
    let found = ids(markdown, lang);
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(h, id)| ((*h).to_owned(), (*id).to_owned()))
        .collect();
    assert_eq!(found, want, "{markdown}");
}

const PHYSICAL: &str = "confidentiality.physical_access";
const SYSTEM: &str = "confidentiality.system_access";
const DATA: &str = "confidentiality.data_access";
const SEPARATION: &str = "confidentiality.separation";
const TRANSFER: &str = "integrity.transfer";
const INPUT: &str = "integrity.input";

#[test]
fn class1_subsections_under_an_unknown_parent_match_by_their_own_words() {
    let md = "# TOM\n\n## Sicherheit\n\n### Weitergabekontrolle, Transportkontrolle und Übertragungskontrolle\n\nA.\n\n### Umsetzung des Trennungsgebots\n\nB.\n\n### Zugriffskontrolle\n\nC.\n";
    assert_ids(
        md,
        Lang::De,
        &[
            (
                "Weitergabekontrolle, Transportkontrolle und Übertragungskontrolle",
                TRANSFER,
            ),
            ("Umsetzung des Trennungsgebots", SEPARATION),
            ("Zugriffskontrolle", DATA),
            ("Sicherheit", "dissolved"),
        ],
    );
    let imported = import_markdown(md, Some(Lang::De)).unwrap();
    // The empty wrapper dissolved; the report names it.
    assert_eq!(imported.report.dissolved, ["Sicherheit"]);
    assert!(
        imported
            .document
            .all_sections()
            .iter()
            .all(|(s, _)| s.title.de != "Sicherheit")
    );
    let md = "# TOMs\n\n## Ensuring certain properties\n\n### Restoring availability and access\n\nBackups are restored monthly.\n";
    assert_ids(
        md,
        Lang::En,
        &[
            ("Restoring availability and access", "recovery"),
            ("Ensuring certain properties", "dissolved"),
        ],
    );
    let md = "# TOMs\n\n## 3. Availability and Resilience\n\nText.\n\n### 3.b. Recoverability Control\n\nRestores are tested.\n";
    assert_ids(
        md,
        Lang::En,
        &[
            ("3. Availability and Resilience", "availability"),
            ("3.b. Recoverability Control", "recovery"),
        ],
    );
}

#[test]
fn class1_a_parent_with_text_of_its_own_stays() {
    let md =
        "# TOM\n\n## Sicherheit\n\nWir nehmen Sicherheit ernst.\n\n### Zugriffskontrolle\n\nC.\n";
    assert_ids(
        md,
        Lang::De,
        &[("Sicherheit", "custom"), ("Zugriffskontrolle", DATA)],
    );
}

#[test]
fn class1_a_detail_below_a_matched_section_stays_there() {
    let md = "# TOM\n\n## Zugriffskontrolle\n\nA.\n\n### Verschlüsselung von Datenträgern\n\nB.\n\n### Trennung der Mandanten\n\nC.\n";
    let imported = import_markdown(md, Some(Lang::De)).unwrap();
    let doc = &imported.document;
    let data = doc.section(&DATA.into()).unwrap();
    let titles: Vec<&str> = data.children.iter().map(|c| c.title.de.as_str()).collect();
    assert_eq!(
        titles,
        ["Verschlüsselung von Datenträgern", "Trennung der Mandanten"]
    );
}

#[test]
fn class3_a_custom_heading_keeps_the_source_level() {
    for (md, lang, custom) in [
        (
            "# TOM\n\n## Eingabekontrolle\n\nA.\n\n## Auftragskontrolle\n\nB.\n",
            Lang::De,
            "Auftragskontrolle",
        ),
        (
            "# TOMs\n\n## Segregation control\n\nA.\n\n## Awareness and training\n\nB.\n",
            Lang::En,
            "Awareness and training",
        ),
    ] {
        let imported = import_markdown(md, Some(lang)).unwrap();
        let doc = &imported.document;
        let top = doc
            .sections
            .iter()
            .position(|s| s.title.get(lang) == custom)
            .unwrap_or_else(|| panic!("{custom} is not at the top level"));
        // Right after the top-level section holding the canonical subsection it followed.
        let before = &doc.sections[top - 1];
        assert!(
            before.id.as_str() == "integrity" || before.id.as_str() == "confidentiality",
            "{custom} after {}",
            before.id
        );
    }
}

#[test]
fn class2_processor_control_and_training_below_a_group_go_under_8() {
    let md = "# TOM\n\n## Vertraulichkeit\n\n### Zutrittskontrolle\n\nA.\n\n### Auftragskontrolle\n\nB.\n\n## Organisatorisches\n\n### Datenschutz-Management\n\nC.\n\n### Schulung und Sensibilisierung\n\nD.\n";
    let imported = import_markdown(md, Some(Lang::De)).unwrap();
    let doc = &imported.document;
    let eight = doc.section(&"evaluation".into()).unwrap();
    let titles: Vec<&str> = eight.children.iter().map(|c| c.title.de.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Auftragskontrolle",
            "Datenschutz-Management",
            "Schulung und Sensibilisierung"
        ]
    );
    assert_eq!(imported.report.dissolved, ["Organisatorisches"]);
}

#[test]
fn class4_canonical_sections_the_source_lacks_are_hidden_and_still_checked() {
    let md = "# TOM\n\n## Zutrittskontrolle\n\nSchlüssel.\n\n## Verschlüsselung\n\nTLS.\n";
    let imported = import_markdown(md, Some(Lang::De)).unwrap();
    let doc = &imported.document;
    let visible: Vec<&str> = doc
        .all_sections()
        .into_iter()
        .filter(|(s, _)| !s.hidden)
        .map(|(s, _)| s.id.as_str())
        .collect();
    assert_eq!(visible, ["encryption", "confidentiality", PHYSICAL]);
    // The model keeps every canonical section.
    assert_eq!(doc.all_sections().len(), 14);
    let hidden: Vec<&str> = imported.report.hidden.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        hidden,
        [
            "pseudonymisation",
            SYSTEM,
            DATA,
            SEPARATION,
            "integrity",
            TRANSFER,
            INPUT,
            "availability",
            "resilience",
            "recovery",
            "evaluation"
        ]
    );
    let file = tomwerk::store::TomFile::new(doc.clone());
    let today = time::macros::date!(2026 - 12 - 03);
    let findings = tomwerk::checks::run(&file, today);
    let letters: Vec<String> = findings
        .iter()
        .filter(|f| f.check == tomwerk::checks::Check::LetterNotCovered)
        .flat_map(|f| f.args.iter().map(|(_, v)| v.clone()))
        .collect();
    assert_eq!(letters, ["c", "d"], "{findings:?}");
}

#[test]
fn class9_a_group_stays_together() {
    // Unmatched siblings stay next to the matched sibling they followed.
    let md = "# TOM\n\n## Maßnahmen im Einzelnen\n\n### Zutrittskontrolle\n\nA.\n\n### Besucherregelung\n\nB.\n\n### Zugangskontrolle\n\nC.\n\n### Passwortrichtlinie\n\nD.\n\n### Verfügbarkeitskontrolle\n\nE.\n\n### Notstromversorgung\n\nF.\n";
    let imported = import_markdown(md, Some(Lang::De)).unwrap();
    let doc = &imported.document;
    let children = |id: &str| -> Vec<String> {
        let list = if id.is_empty() {
            &doc.sections
        } else {
            &doc.section(&id.into()).unwrap().children
        };
        list.iter()
            .filter(|s| !s.hidden)
            .map(|s| s.id.as_str().to_owned())
            .collect()
    };
    let id_of = |title: &str| {
        doc.all_sections()
            .into_iter()
            .find(|(s, _)| s.title.de == title)
            .map(|(s, _)| s.id.as_str().to_owned())
            .unwrap_or_else(|| panic!("{title}"))
    };
    assert_eq!(
        children("confidentiality"),
        [
            PHYSICAL.to_owned(),
            id_of("Besucherregelung"),
            SYSTEM.to_owned(),
            id_of("Passwortrichtlinie")
        ]
    );
    assert_eq!(
        children(""),
        [
            "confidentiality".to_owned(),
            "availability".to_owned(),
            id_of("Notstromversorgung")
        ]
    );
    assert_eq!(imported.report.dissolved, ["Maßnahmen im Einzelnen"]);
    // No canonical section twice: the empty copies are hidden.
    assert!(doc.section(&DATA.into()).unwrap().hidden);
}

#[test]
fn class5_a_table_of_contents_is_dropped_with_a_note() {
    let md = "# TOM\n\n## Inhaltsverzeichnis\n\n1. Pseudonymisierung\n2. Verschlüsselung\n\n## 1. Pseudonymisierung\n\nA.\n\n## 2. Verschlüsselung\n\nB.\n";
    let imported = import_markdown(md, Some(Lang::De)).unwrap();
    assert_ids(
        md,
        Lang::De,
        &[
            ("1. Pseudonymisierung", "pseudonymisation"),
            ("2. Verschlüsselung", "encryption"),
        ],
    );
    let (heading, text) = imported.report.toc.clone().unwrap();
    assert_eq!(heading, "Inhaltsverzeichnis");
    assert!(text.contains("2. Verschlüsselung"));
    assert_eq!(imported.document.intro.de, "");
    // English, and a list of anchor links without a heading.
    let md = "# TOMs\n\n- [Pseudonymisation](#pseudonymisation)\n- [Encryption](#encryption)\n- [Availability](#availability)\n\n## Pseudonymisation\n\nA.\n\n## Encryption\n\nB.\n\n## Availability\n\nC.\n";
    let imported = import_markdown(md, Some(Lang::En)).unwrap();
    assert!(imported.report.toc.is_some());
    assert_eq!(imported.document.intro.en, "");
    let md = "# TOMs\n\n## Table of Contents\n\n- Encryption\n- Availability\n\n## Encryption\n\nA.\n\n## Availability\n\nB.\n";
    assert_ids(
        md,
        Lang::En,
        &[
            ("Encryption", "encryption"),
            ("Availability", "availability"),
        ],
    );
    // A heading "Inhalt" over real prose is not a table of contents.
    let prose = "Dieses Kapitel beschreibt ausführlich, welche Maßnahmen das Unternehmen zum Schutz der Daten getroffen hat und wie sie regelmäßig überprüft werden.";
    let md = format!("# TOM\n\n## Inhalt\n\n{prose}\n");
    let imported = import_markdown(&md, Some(Lang::De)).unwrap();
    assert!(imported.report.toc.is_none());
}

#[test]
fn class6_the_title_block_fills_the_metadata() {
    let md = "# Technische und organisatorische Maßnahmen\n\n## Anlage 2 zum AVV — Art. 32 DSGVO\n\n**Organisation:** Muster GmbH  \n**Verantwortlicher:** Erika Beispiel  \n**Datenschutzbeauftragter:** Dr. Max Muster, dsb@muster.example  \n**Stand:** 12.10.2025  \nVersion 1.1  \nGültig ab: 01.11.2025\n\nDiese Anlage beschreibt die Maßnahmen.\n\n## Zutrittskontrolle\n\nA.\n";
    let imported = import_markdown(md, Some(Lang::De)).unwrap();
    let meta = &imported.document.meta;
    assert_eq!(meta.organisation.name, "Muster GmbH");
    assert_eq!(meta.responsible.get(Lang::De), "Erika Beispiel");
    assert_eq!(meta.dpo_contact, "Dr. Max Muster, dsb@muster.example");
    assert_eq!(meta.last_review, Some(time::macros::date!(2025 - 10 - 12)));
    assert_eq!(meta.extra.get("Version").map(String::as_str), Some("1.1"));
    assert_eq!(
        meta.extra.get("Gültig ab").map(String::as_str),
        Some("01.11.2025")
    );
    assert_eq!(meta.purpose.de, "Anlage 2 zum AVV — Art. 32 DSGVO");
    // The intro keeps only its prose; the subtitle is not section 1.
    assert_eq!(
        imported.document.intro.de,
        "Diese Anlage beschreibt die Maßnahmen."
    );
    assert_ids(md, Lang::De, &[("Zutrittskontrolle", PHYSICAL)]);

    let md = "# Technical and Organisational Measures\n\nOrganisation: Example Ltd\nData protection officer: Jane Roe\nLast reviewed: 2025-10-12\n\n## Encryption\n\nTLS.\n";
    let imported = import_markdown(md, Some(Lang::En)).unwrap();
    let meta = &imported.document.meta;
    assert_eq!(meta.organisation.name, "Example Ltd");
    assert_eq!(meta.dpo_contact, "Jane Roe");
    assert_eq!(meta.last_review, Some(time::macros::date!(2025 - 10 - 12)));
    assert_eq!(imported.document.intro.en, "");
    // Prose with a colon stays in the introduction.
    let md = "# TOM\n\nHinweis: Diese Maßnahmen gelten für alle Standorte.\n\n## Verschlüsselung\n\nTLS.\n";
    let imported = import_markdown(md, Some(Lang::De)).unwrap();
    assert_eq!(
        imported.document.intro.de,
        "Hinweis: Diese Maßnahmen gelten für alle Standorte."
    );
}

#[test]
fn class8_br_is_a_hard_break_and_html_headings_are_headings() {
    let md = "# TOM\n\nMuster GmbH<br>Hauptstraße 1<br/>\n12345 Musterstadt\n\n## Verschlüsselung\n\n| Maßnahme | Ort |\n|---|---|\n| TLS<br>überall | Netz |\n\n<div>\n<h2>1. Passwortrichtlinie</h2>\n<p>Mindestens <small>vierzehn</small> Zeichen.<br>Kein Ablauf.</p>\n<h3>Zugriffskontrolle</h3>\n<p>Rollen.</p>\n</div>\n";
    let imported = import_markdown(md, Some(Lang::De)).unwrap();
    let doc = &imported.document;
    assert_eq!(
        doc.intro.de,
        "Muster GmbH\\\nHauptstraße 1\\\n12345 Musterstadt"
    );
    // In a table cell a line break cannot be written: a space.
    let enc = doc.section(&"encryption".into()).unwrap();
    assert!(
        enc.body.de.contains("| TLS überall | Netz |"),
        "{}",
        enc.body.de
    );
    let found = ids(md, Lang::De);
    assert_eq!(
        found,
        [
            ("Verschlüsselung".to_owned(), "encryption".to_owned()),
            ("1. Passwortrichtlinie".to_owned(), "custom".to_owned()),
            ("Zugriffskontrolle".to_owned(), DATA.to_owned()),
        ]
    );
    let custom = doc
        .all_sections()
        .into_iter()
        .find(|(s, _)| s.title.de == "Passwortrichtlinie")
        .map(|(s, _)| s.body.de.clone())
        .unwrap();
    assert_eq!(custom, "Mindestens vierzehn Zeichen.\\\nKein Ablauf.");
    // The Markdown export writes the hard break and no stray escape before the number.
    let file = tomwerk::store::TomFile::new(doc.clone());
    let options = tomwerk::export::ExportOptions {
        lang: Lang::De,
        version: None,
        toc: false,
        history: false,
        measures: tomwerk::export::MeasureLayout::List,
        date: time::macros::date!(2026 - 03 - 01),
    };
    let out = tomwerk::export::markdown::markdown(&file, &options).unwrap();
    assert!(out.contains("Muster GmbH\\\nHauptstraße 1"), "{out}");
    assert!(!out.contains("\\1."), "{out}");
}

#[test]
fn class4_and_9_english_group_holds_its_controls_and_no_section_appears_twice() {
    // The "Ensuring certain properties" layout: matched controls leave the group for their
    // canonical places; the unmatched sibling stays beside the one it followed; the group
    // dissolves; the canonical sections are not repeated later as empty copies.
    let md = "# Technical and organisational measures\n\n## Ensuring certain properties\n\n### Confidentiality\n\nOnly staff with a need to know see customer data.\n\n### Integrity\n\nChanges are logged.\n\n### Change management\n\nEvery change is reviewed by a second person.\n\n### Availability\n\nBackups run nightly.\n\n## Encryption\n\nTLS 1.3.\n";
    assert_ids(
        md,
        Lang::En,
        &[
            ("Confidentiality", "confidentiality"),
            ("Integrity", "integrity"),
            ("Change management", "custom"),
            ("Availability", "availability"),
            ("Encryption", "encryption"),
            ("Ensuring certain properties", "dissolved"),
        ],
    );
}

mod properties {
    use proptest::prelude::*;
    use proptest::sample::select;
    use tomwerk::import::import_markdown;
    use tomwerk::model::{Lang, validate};

    /// A cell: words, a status symbol or word, or something odd.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            "[A-Za-zäöüß]{1,10}( [A-Za-z]{1,8}){0,3}",
            select(vec![
                "✅",
                "❌",
                "🔄",
                "umgesetzt",
                "geplant",
                "teilweise",
                "n/a",
                "ja",
                "",
                "x"
            ])
            .prop_map(str::to_owned),
            // Odd but printable (control characters make the input binary, '<' a tag).
            "[^|\n\r\\x00-\\x1f\\x7f<>\\\\&]{0,12}",
        ]
    }

    fn table() -> impl Strategy<Value = String> {
        (
            select(vec![
                "Maßnahme",
                "Measure",
                "Technische Maßnahmen",
                "Version",
            ]),
            select(vec![
                "Status",
                "Umsetzung",
                "Organisatorische Maßnahmen",
                "Art",
            ]),
            proptest::collection::vec((cell(), cell()), 1..6),
        )
            .prop_map(|(a, b, rows)| {
                let mut t = format!("| {a} | {b} |\n|---|---|\n");
                for (x, y) in rows {
                    t.push_str(&format!("| {x} | {y} |\n"));
                }
                t
            })
    }

    fn task_list() -> impl Strategy<Value = String> {
        proptest::collection::vec((any::<bool>(), cell()), 1..6).prop_map(|items| {
            items
                .into_iter()
                .map(|(done, text)| format!("- [{}] {text}\n", if done { "x" } else { " " }))
                .collect()
        })
    }

    /// Letters-and-digits words, lower-cased.
    fn words(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Measure tables and task lists never panic, give a valid document, and every word
        /// of a cell arrives: in a body, a measure's text or note, or as its status/kind.
        #[test]
        fn measure_blocks_lose_no_word(blocks in proptest::collection::vec(prop_oneof![table(), task_list()], 1..4)) {
            let md = format!("# TOM\n\n## Verschlüsselung\n\n{}", blocks.join("\n"));
            let imported = import_markdown(&md, Some(Lang::De)).unwrap();
            prop_assert!(validate(&imported.document).is_empty());
            let mut have = String::new();
            let i18n = tomwerk::i18n::i18n();
            for (s, _) in imported.document.all_sections() {
                have.push_str(&s.body.de);
                have.push(' ');
                for m in &s.measures {
                    for t in [m.text.de.clone(), m.note.de.clone(), i18n.status_label(m.status, Lang::De), i18n.kind_label(m.kind, Lang::De)] {
                        have.push_str(&t);
                        have.push(' ');
                    }
                }
            }
            let have = words(&have);
            let headers = ["maßnahme", "measure", "technische", "organisatorische", "maßnahmen", "status", "umsetzung", "art", "version", "x"];
            // The import composes to NFC (a compatibility ideograph becomes its unified form).
            for w in words(&tomwerk::model::nfc(&md)) {
                if headers.contains(&w.as_str()) || w == "tom" || w == "verschlüsselung" {
                    continue;
                }
                prop_assert!(have.contains(&w), "{w} lost from {md:?}");
            }
        }
    }
}
