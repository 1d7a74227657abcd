//! The catalogue of typical measures per canonical section, embedded from assets/.
//!
//! The editor's "Add from catalogue" dialog uses [`Catalogue::search`] to list entries,
//! [`Entry::to_measure`] to add them and [`Entry::find_in`] to mark those already in the
//! document.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{CanonicalSection, Document, LocalText, Measure, MeasureKind, Section};

/// The catalogue shipped with Tomwerk (RON).
pub const CATALOGUE_RON: &str = include_str!("../../assets/catalogue.ron");

/// One typical measure.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Entry {
    /// Stable id, unique in the catalogue, e.g. `"sys-01"`.
    pub id: String,
    /// The canonical section the measure belongs to.
    #[serde(deserialize_with = "de_section")]
    pub section: CanonicalSection,
    /// Technical or organisational.
    pub kind: MeasureKind,
    /// The German text.
    pub de: String,
    /// The English text.
    pub en: String,
}

fn de_section<'de, D: serde::Deserializer<'de>>(d: D) -> Result<CanonicalSection, D::Error> {
    let id = String::deserialize(d)?;
    CanonicalSection::from_id(&id)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown section id {id:?}")))
}

impl Entry {
    /// The text in both languages.
    pub fn text(&self) -> LocalText {
        LocalText::new(self.de.clone(), self.en.clone())
    }

    /// A new *planned* measure with this entry's text and kind, ready for
    /// [`Document::add_measure`] (which assigns the id). Planned, not implemented: a
    /// typical measure picked from the catalogue must not claim in a contract annex that
    /// it is in place until the user says so.
    pub fn to_measure(&self) -> Measure {
        let mut m = Measure::new(self.text());
        m.kind = self.kind;
        m.status = crate::model::MeasureStatus::Planned;
        m
    }

    /// True when every word of `query` occurs in the German or the English text.
    /// Case and German umlauts are ignored, so "schlussel" finds "Schlüssel".
    pub fn matches(&self, query: &str) -> bool {
        let haystack = fold(&format!("{} {}", self.de, self.en));
        fold(query)
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }

    /// The measure of `doc` (and its section) that says the same as this entry in either
    /// language, if any: the "already in the document" mark.
    ///
    /// Measures carry no catalogue id, so the comparison is on normalised text (case,
    /// spacing and final punctuation ignored); a measure added from the catalogue and
    /// left unchanged is always found.
    pub fn find_in<'d>(&self, doc: &'d Document) -> Option<(&'d Section, &'d Measure)> {
        let de = normalise(&self.de);
        let en = normalise(&self.en);
        doc.all_measures().into_iter().find(|(_, m)| {
            let (mde, men) = (normalise(&m.text.de), normalise(&m.text.en));
            (!mde.is_empty() && mde == de) || (!men.is_empty() && men == en)
        })
    }
}

/// Why the catalogue could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// The RON does not parse or has the wrong shape.
    #[error("catalogue: {0}")]
    Syntax(String),
    /// Two entries share an id.
    #[error("catalogue: id {0} occurs more than once")]
    DuplicateId(String),
    /// An entry lacks a text in one language.
    #[error("catalogue: entry {0} lacks a text in one language")]
    MissingText(String),
}

/// The list of typical measures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Catalogue {
    /// All entries, grouped by section in file order.
    pub entries: Vec<Entry>,
}

impl Catalogue {
    /// Parses a catalogue and checks that ids are unique and both texts present.
    pub fn parse(text: &str) -> Result<Self, CatalogueError> {
        let catalogue: Catalogue =
            ron::from_str(text).map_err(|e| CatalogueError::Syntax(e.to_string()))?;
        let mut ids = std::collections::BTreeSet::new();
        for e in &catalogue.entries {
            if !ids.insert(e.id.as_str()) {
                return Err(CatalogueError::DuplicateId(e.id.clone()));
            }
            if e.de.trim().is_empty() || e.en.trim().is_empty() {
                return Err(CatalogueError::MissingText(e.id.clone()));
            }
        }
        Ok(catalogue)
    }

    /// The built-in catalogue. It is parsed once; a test guarantees that it parses, so
    /// the empty fallback only guards against a broken build.
    pub fn builtin() -> &'static Catalogue {
        static BUILTIN: OnceLock<Catalogue> = OnceLock::new();
        BUILTIN.get_or_init(|| Catalogue::parse(CATALOGUE_RON).unwrap_or_default())
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The entries for one section, in catalogue order.
    pub fn for_section(&self, section: CanonicalSection) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.section == section)
    }

    /// The entries matching a free-text query (every word must occur, in either
    /// language), optionally only those of one section. A blank query matches all.
    pub fn search(&self, query: &str, section: Option<CanonicalSection>) -> Vec<&Entry> {
        self.entries
            .iter()
            .filter(|e| section.is_none_or(|s| e.section == s))
            .filter(|e| e.matches(query))
            .collect()
    }

    /// How many entries each section has.
    pub fn count_by_section(&self) -> BTreeMap<CanonicalSection, usize> {
        let mut counts = BTreeMap::new();
        for e in &self.entries {
            *counts.entry(e.section).or_insert(0) += 1;
        }
        counts
    }
}

/// Lower case with umlauts and ß folded, for searching.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'ß' => out.push_str("ss"),
            _ => out.push(c),
        }
    }
    out
}

/// Lower case, single spaces, no final full stop: two texts that differ only in this
/// say the same.
fn normalise(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.trim_end_matches(['.', ';', ',']).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn builtin_parses_with_both_languages_and_a_kind() {
        let catalogue = Catalogue::parse(CATALOGUE_RON).expect("shipped catalogue parses");
        assert_eq!(&catalogue, Catalogue::builtin());
        for e in &catalogue.entries {
            assert!(
                !e.de.trim().is_empty() && !e.en.trim().is_empty(),
                "{}",
                e.id
            );
            assert_ne!(e.de, e.en, "{} is not translated", e.id);
            assert!(MeasureKind::ALL.contains(&e.kind));
        }
    }

    #[test]
    fn at_least_eight_per_section_and_both_kinds_overall() {
        let catalogue = Catalogue::builtin();
        let counts = catalogue.count_by_section();
        for c in CanonicalSection::ALL {
            assert!(
                counts.get(&c).copied().unwrap_or(0) >= 8,
                "{c:?}: {counts:?}"
            );
        }
        for kind in MeasureKind::ALL {
            assert!(catalogue.entries.iter().any(|e| e.kind == kind));
        }
    }

    #[test]
    fn texts_are_unique() {
        let catalogue = Catalogue::builtin();
        let mut seen = std::collections::BTreeSet::new();
        for e in &catalogue.entries {
            assert!(seen.insert(normalise(&e.de)), "duplicate {}", e.de);
            assert!(seen.insert(normalise(&e.en)), "duplicate {}", e.en);
        }
    }

    #[test]
    fn rejects_bad_catalogues() {
        assert!(matches!(
            Catalogue::parse("Catalogue(entries: [(id: \"x\")])"),
            Err(CatalogueError::Syntax(_))
        ));
        let entry = |id: &str, de: &str| {
            format!(
                "(id: \"{id}\", section: \"encryption\", kind: Technical, de: \"{de}\", en: \"E\")"
            )
        };
        let dup = format!(
            "Catalogue(entries: [{}, {}])",
            entry("a", "x"),
            entry("a", "y")
        );
        assert!(matches!(
            Catalogue::parse(&dup),
            Err(CatalogueError::DuplicateId(id)) if id == "a"
        ));
        let blank = format!("Catalogue(entries: [{}])", entry("b", " "));
        assert!(matches!(
            Catalogue::parse(&blank),
            Err(CatalogueError::MissingText(_))
        ));
        let unknown = "Catalogue(entries: [(id: \"c\", section: \"nope\", kind: Technical, de: \"d\", en: \"e\")])";
        assert!(matches!(
            Catalogue::parse(unknown),
            Err(CatalogueError::Syntax(msg)) if msg.contains("nope")
        ));
    }

    #[test]
    fn search_filters_by_words_section_and_umlauts() {
        let catalogue = Catalogue::builtin();
        assert_eq!(catalogue.search("", None).len(), catalogue.entries.len());
        let enc = catalogue.search("", Some(CanonicalSection::Encryption));
        assert!(
            enc.iter()
                .all(|e| e.section == CanonicalSection::Encryption)
        );
        assert_eq!(
            enc.len(),
            catalogue.for_section(CanonicalSection::Encryption).count()
        );

        let vpn = catalogue.search("vpn", None);
        assert!(vpn.len() >= 2);
        assert!(vpn.iter().all(|e| fold(&e.de).contains("vpn")));
        // Words may come from either language, in any order, without umlauts.
        let mixed = catalogue.search("Schlussel keys", Some(CanonicalSection::Encryption));
        assert!(!mixed.is_empty());
        assert!(mixed.iter().all(|e| e.de.contains("Schlüssel")));
        assert!(catalogue.search("zzz-nothing", None).is_empty());
    }

    #[test]
    fn finds_entries_already_in_the_document() {
        let catalogue = Catalogue::builtin();
        let entry = catalogue.entry("sys-01").expect("MFA entry");
        let mut doc = Document::empty_template(Lang::De, "X");
        assert!(entry.find_in(&doc).is_none());
        let id = doc
            .add_measure(&CanonicalSection::SystemAccess.into(), entry.to_measure())
            .expect("added");
        let (section, m) = entry.find_in(&doc).expect("found after adding");
        assert_eq!(m.id, id);
        assert_eq!(section.id, CanonicalSection::SystemAccess.into());
        assert_eq!(m.kind, entry.kind);
        // Edited spacing, case and a final full stop still count as the same measure.
        doc.section_mut(&CanonicalSection::SystemAccess.into())
            .expect("section")
            .measures[0]
            .text = LocalText::only(Lang::En, format!("  {}. ", entry.en.to_uppercase()));
        assert!(entry.find_in(&doc).is_some());
        // Another entry is not confused with it.
        assert!(
            catalogue
                .entry("sys-02")
                .expect("entry")
                .find_in(&doc)
                .is_none()
        );
    }

    #[test]
    fn the_example_uses_some_catalogue_entries() {
        let doc = crate::store::example().working;
        let used = Catalogue::builtin()
            .entries
            .iter()
            .filter(|e| e.find_in(&doc).is_some())
            .count();
        assert!(used >= 1);
    }
}
