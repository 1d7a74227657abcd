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
