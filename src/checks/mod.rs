//! Completeness checks: findings with a level, a location and a localised message.
//!
//! [`run`] looks at a whole `.tom` file (structure, version chain, Art. 32 coverage,
//! empty sections, notes, translations, review dates, releases, links and characters the
//! PDF font lacks) with "today" injected, so results never depend on the clock. The
//! editor shows the findings as a panel and jumps to [`Finding::location`]; the CLI
//! prints [`Finding::line`].

mod finding;
mod font;
mod review;
mod sections;
pub mod spelling;
mod texts;

use std::collections::BTreeSet;

use fluent_bundle::FluentValue;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
use time::{Date, Month};

pub use font::renderable;

use crate::i18n::{format_date, i18n};
use crate::model::{
    Art32Letter, CanonicalSection, Document, Lang, LocalText, Measure, MeasureId, MeasureStatus,
    Section, SectionId, ValidationError, validate,
};
use crate::store::TomFile;

pub use finding::{Check, Finding, Level, Location, Places, has_errors};
pub use review::add_months;
use review::{releases, review};
use sections::*;
pub use texts::{Field, url_scheme};
use texts::{characters, links, printed_texts, translations};

/// Runs every check on a file, with "today" injected. Errors come first, then warnings,
/// then infos; within a level the findings keep document order.
pub fn run(file: &TomFile, today: Date) -> Vec<Finding> {
    let doc = &file.working;
    let mut out = Vec::new();
    structure(doc, &mut out);
    chain(file, &mut out);
    metadata(doc, &mut out);
    let visible = visible_sections(doc);
    coverage(doc, &visible, &mut out);
    empty_sections(&visible, &mut out);
    prose_only(&visible, &mut out);
    planned_without_note(&visible, &mut out);
    empty_measures(&visible, &mut out);
    let texts = printed_texts(doc, &visible);
    translations(doc, &texts, &mut out);
    review(file, today, &mut out);
    releases(file, &mut out);
    links(doc, &texts, &mut out);
    characters(doc, &texts, &mut out);
    out.sort_by_key(|f| f.level);
    out
}

#[cfg(test)]
mod tests {
    use super::texts::link_targets;
    use super::*;
    use time::macros::date;

    #[test]
    fn months_are_added_on_the_calendar() {
        assert_eq!(
            add_months(date!(2025 - 01 - 31), 1),
            Some(date!(2025 - 02 - 28))
        );
        assert_eq!(
            add_months(date!(2024 - 01 - 31), 1),
            Some(date!(2024 - 02 - 29))
        );
        assert_eq!(
            add_months(date!(2025 - 03 - 15), 12),
            Some(date!(2026 - 03 - 15))
        );
        assert_eq!(
            add_months(date!(2025 - 11 - 30), 3),
            Some(date!(2026 - 02 - 28))
        );
        assert_eq!(
            add_months(date!(2025 - 05 - 01), 0),
            Some(date!(2025 - 05 - 01))
        );
        assert_eq!(add_months(Date::MAX, 12), None);
    }

    #[test]
    fn schemes_follow_rfc_3986() {
        assert_eq!(url_scheme("https://x.example").as_deref(), Some("https"));
        assert_eq!(url_scheme("MailTo:a@b.example").as_deref(), Some("mailto"));
        assert_eq!(
            url_scheme("javascript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(url_scheme("C:\\daten\\tom.pdf").as_deref(), Some("c"));
        assert_eq!(url_scheme("docs/tom.md"), None);
        assert_eq!(url_scheme("#anchor"), None);
        assert_eq!(url_scheme("1abc:x"), None);
        assert_eq!(url_scheme("www.example.com/a:b"), None);
    }

    #[test]
    fn markdown_links_and_images_are_found() {
        let md = "Text [a](https://a.example) and ![img](file:///x.png), <https://b.example>, <x@y.example>.\n\n| A |\n|---|\n| [t](ftp://t.example) |";
        let targets: Vec<_> = link_targets(md).into_iter().map(|(_, u)| u).collect();
        assert_eq!(
            targets,
            [
                "https://a.example",
                "file:///x.png",
                "https://b.example",
                "x@y.example",
                "ftp://t.example"
            ]
        );
        // Code is not a link.
        assert!(link_targets("`[a](javascript:x)`").is_empty());
    }

    #[test]
    fn every_check_has_messages_in_both_languages() {
        for check in Check::ALL {
            for lang in Lang::ALL {
                assert!(i18n().has(lang, check.message_id()), "{check:?} {lang}");
            }
        }
        for id in [
            "check-level-error",
            "check-level-warning",
            "check-level-info",
            "check-place-document",
            "check-where",
            "check-version",
        ] {
            assert!(i18n().has(Lang::De, id) && i18n().has(Lang::En, id));
        }
    }

    #[test]
    fn language_specific_arguments_follow_the_message_language() {
        let f = Finding::new(
            Check::PlannedWithoutNote,
            Location::document(),
            vec![
                ("measure_de", "Verschlüsselung".into()),
                ("measure_en", "Encryption".into()),
            ],
        );
        assert!(f.message(Lang::De).contains("Verschlüsselung"));
        assert!(f.message(Lang::En).contains("Encryption"));
        let only_de = Finding::new(
            Check::PlannedWithoutNote,
            Location::document(),
            vec![
                ("measure_de", "Nur deutsch".into()),
                ("measure_en", String::new()),
            ],
        );
        assert!(only_de.message(Lang::En).contains("Nur deutsch"));
        let dated = Finding::new(
            Check::ReviewOverdue,
            Location::document(),
            vec![
                ("date", "2025-02-24".into()),
                ("due", "2026-02-24".into()),
                ("months", "12".into()),
            ],
        );
        assert!(dated.message(Lang::De).contains("24.02.2026"));
        assert!(dated.message(Lang::En).contains("24 February 2026"));
    }
}
