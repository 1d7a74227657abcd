//! The document types: metadata, sections, measures and bilingual text.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use time::Date;

use super::canonical::CanonicalSection;

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// A content language. Every text field of a document holds both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// German.
    De,
    /// English.
    En,
}

impl Lang {
    /// Both languages, German first.
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The ISO 639-1 code, `"de"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag written into PDFs (`/Lang`).
    pub fn bcp47(self) -> &'static str {
        match self {
            Lang::De => "de-DE",
            Lang::En => "en-GB",
        }
    }

    /// Parses `"de"`, `"en"`, and tags such as `"de-AT"` or `"en_US.UTF-8"`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_', '.']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::De => Lang::En,
            Lang::En => Lang::De,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text held in German and in English; either may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct LocalText {
    /// The German text.
    pub de: String,
    /// The English text.
    pub en: String,
    /// What the translation was last made from (issue 15.8). Left out of the file while
    /// unknown, so files written before it load and hash as they are; an unknown basis
    /// counts as "translated from the current source".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<TranslationBasis>,
}

/// The source text a translation was made from: its language and a fingerprint of its
/// text at the time the translation was last edited or confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TranslationBasis {
    /// The language translated from; the other language is the translation.
    pub source: Lang,
    /// [`text_fingerprint`] of the source text then.
    pub fingerprint: String,
}

/// A short fingerprint of a text for translation tracking: the first 8 bytes of the
/// SHA-256 of the text without leading and trailing white space, in hex.
pub fn text_fingerprint(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.trim().as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl LocalText {
    /// A text with both languages given.
    pub fn new(de: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            de: de.into(),
            en: en.into(),
            basis: None,
        }
    }

    /// True when both hold the same words (what the translation was made from aside).
    pub fn same_text(&self, other: &LocalText) -> bool {
        self.de == other.de && self.en == other.en
    }

    /// Sets the text in `lang` as an edit by the user, keeping track of what the
    /// translation is made from. `primary` is the document's source language: an edit of
    /// the translation makes it current with the source as it is now; an edit of the
    /// source first records the old source text as the basis when none is known yet
    /// (the translation was made from it), so the translation turns stale.
    pub fn set_edited(&mut self, lang: Lang, value: String, primary: Lang) {
        if lang == primary {
            let known = self.basis.as_ref().is_some_and(|b| b.source == lang);
            if !known
                && !self.get(lang).trim().is_empty()
                && !self.get(lang.other()).trim().is_empty()
            {
                self.basis = Some(TranslationBasis {
                    source: lang,
                    fingerprint: text_fingerprint(self.get(lang)),
                });
            }
        } else {
            let source = self.get(primary);
            self.basis =
                (!value.trim().is_empty() && !source.trim().is_empty()).then(|| TranslationBasis {
                    source: primary,
                    fingerprint: text_fingerprint(source),
                });
        }
        *self.get_mut(lang) = value;
    }

    /// Marks the translation into `lang` as current with its source as it is now
    /// ("still correct" after the source changed). Returns false when there is nothing
    /// to confirm (no text in one of the languages).
    pub fn confirm_translation(&mut self, lang: Lang) -> bool {
        let source = lang.other();
        if self.get(lang).trim().is_empty() || self.get(source).trim().is_empty() {
            return false;
        }
        self.basis = Some(TranslationBasis {
            source,
            fingerprint: text_fingerprint(self.get(source)),
        });
        true
    }

    /// True when the text in `lang` is a translation whose source changed since it was
    /// last edited or confirmed: a stale translation.
    pub fn is_stale(&self, lang: Lang) -> bool {
        let Some(basis) = &self.basis else {
            return false;
        };
        basis.source == lang.other()
            && !self.get(lang).trim().is_empty()
            && !self.get(basis.source).trim().is_empty()
            && text_fingerprint(self.get(basis.source)) != basis.fingerprint
    }

    /// A text in one language only.
    pub fn only(lang: Lang, text: impl Into<String>) -> Self {
        let mut t = Self::default();
        *t.get_mut(lang) = text.into();
        t
    }

    /// The text in `lang` (possibly empty).
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }

    /// Mutable access to the text in `lang`.
    pub fn get_mut(&mut self, lang: Lang) -> &mut String {
        match lang {
            Lang::De => &mut self.de,
            Lang::En => &mut self.en,
        }
    }

    /// The text in `lang`, or in the other language when `lang` is blank.
    pub fn get_or_other(&self, lang: Lang) -> &str {
        let own = self.get(lang);
        if own.trim().is_empty() {
            self.get(lang.other())
        } else {
            own
        }
    }

    /// True when both languages are blank.
    pub fn is_empty(&self) -> bool {
        self.de.trim().is_empty() && self.en.trim().is_empty()
    }

    /// True when one language has text and `lang` is blank: a missing translation.
    pub fn lacks(&self, lang: Lang) -> bool {
        self.get(lang).trim().is_empty() && !self.get(lang.other()).trim().is_empty()
    }
}

/// The stable id of a section: a canonical id such as `"encryption"`, or `"custom-N"`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SectionId(pub String);

impl SectionId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<CanonicalSection> for SectionId {
    fn from(c: CanonicalSection) -> Self {
        SectionId(c.id().to_owned())
    }
}

impl From<&str> for SectionId {
    fn from(s: &str) -> Self {
        SectionId(s.to_owned())
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The stable id of a measure, unique within a document, e.g. `"m-12"`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MeasureId(pub String);

impl MeasureId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for MeasureId {
    fn from(s: &str) -> Self {
        MeasureId(s.to_owned())
    }
}

impl fmt::Display for MeasureId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a measure is technical or organisational.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeasureKind {
    /// A technical measure (software, hardware, building).
    #[default]
    Technical,
    /// An organisational measure (policy, process, training).
    Organisational,
}

impl MeasureKind {
    /// Both kinds.
    pub const ALL: [MeasureKind; 2] = [Self::Technical, Self::Organisational];

    /// A stable lower-case key, used in message ids and the CLI.
    pub fn key(self) -> &'static str {
        match self {
            Self::Technical => "technical",
            Self::Organisational => "organisational",
        }
    }
}

/// How far a measure is put into practice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeasureStatus {
    /// In place today.
    #[default]
    Implemented,
    /// Decided but not yet in place.
    Planned,
    /// Does not apply to this organisation.
    NotApplicable,
}

impl MeasureStatus {
    /// All statuses.
    pub const ALL: [MeasureStatus; 3] = [Self::Implemented, Self::Planned, Self::NotApplicable];

    /// A stable lower-case key, used in message ids and the CLI.
    pub fn key(self) -> &'static str {
        match self {
            Self::Implemented => "implemented",
            Self::Planned => "planned",
            Self::NotApplicable => "not-applicable",
        }
    }
}

/// One concrete technical or organisational measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    /// Stable id, unique in the document.
    pub id: MeasureId,
    /// What is done, in both languages.
    #[serde(default)]
    pub text: LocalText,
    /// Technical or organisational.
    #[serde(default)]
    pub kind: MeasureKind,
    /// Implemented, planned or not applicable.
    #[serde(default)]
    pub status: MeasureStatus,
    /// An optional remark (e.g. the date a planned measure is due).
    #[serde(default)]
    pub note: LocalText,
}

/// A section of the TOM: canonical (Art. 32) or custom, with its subsections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Stable id; canonical ids are those of [`CanonicalSection::id`].
    pub id: SectionId,
    /// A title that overrides the default of a canonical section; required for custom ones.
    #[serde(default)]
    pub title: LocalText,
    /// A hidden section is neither numbered nor exported, but keeps its id and content.
    #[serde(default)]
    pub hidden: bool,
    /// The prose, as Markdown, in both languages.
    #[serde(default)]
    pub body: LocalText,
    /// The structured measures.
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Subsections, in order.
    #[serde(default)]
    pub children: Vec<Section>,
    /// Other canonical sections whose content this one covers (e.g. a combined
    /// "Verfügbarkeit und Belastbarkeit" heading covers resilience as well).
    #[serde(default)]
    pub covers: Vec<SectionId>,
}

impl Section {
    /// An empty section with the given id.
    pub fn new(id: impl Into<SectionId>) -> Self {
        Self {
            id: id.into(),
            title: LocalText::default(),
            hidden: false,
            body: LocalText::default(),
            measures: Vec::new(),
            children: Vec::new(),
            covers: Vec::new(),
        }
    }

    /// The canonical section this is, if any.
    pub fn canonical(&self) -> Option<CanonicalSection> {
        CanonicalSection::from_id(&self.id.0)
    }

    /// True when the section has neither prose nor measures in any language
    /// (subsections are not counted).
    pub fn is_empty(&self) -> bool {
        self.body.is_empty() && self.measures.is_empty()
    }

    /// This section and all its descendants, depth first.
    pub fn descendants(&self) -> Vec<&Section> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.descendants());
        }
        out
    }
}

/// The organisation the TOM describes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Organisation {
    /// Legal name, e.g. "Muster GmbH".
    pub name: String,
    /// Postal address, one line per line.
    pub address: String,
}

/// Document-level information printed in the title block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metadata {
    /// The organisation.
    pub organisation: Organisation,
    /// The document title; blank means the locale's default title.
    pub title: LocalText,
    /// The purpose line, e.g. "Anlage 2 zum Auftragsverarbeitungsvertrag".
    pub purpose: LocalText,
    /// The person responsible for the document, with their role ("Jonas Beispiel,
    /// Leitung IT"): prose, so held in both languages (format 3; a plain string before).
    pub responsible: LocalText,
    /// How to reach the data protection officer.
    pub dpo_contact: String,
    /// Months between reviews (e.g. 12).
    pub review_interval_months: u32,
    /// When the TOM was last reviewed.
    #[serde(with = "iso_date::option")]
    pub last_review: Option<Date>,
    /// The languages the document is kept in.
    pub languages: Vec<Lang>,
    /// The language exports use by default.
    pub primary_language: Lang,
    /// Further key/value data, e.g. front-matter fields an import could not map.
    pub extra: BTreeMap<String, String>,
    /// The document's own spelling dictionary (product names such as "TrackPort"), known
    /// to everyone who edits the file. Left out of the file while empty, so older files and
    /// their version hashes stay as they are.
    #[serde(default, skip_serializing_if = "std::collections::BTreeSet::is_empty")]
    pub dictionary: std::collections::BTreeSet<String>,
}

impl Default for Metadata {
    fn default() -> Self {
        Self {
            organisation: Organisation::default(),
            title: LocalText::default(),
            purpose: LocalText::default(),
            responsible: LocalText::default(),
            dpo_contact: String::new(),
            review_interval_months: 12,
            last_review: None,
            languages: vec![Lang::De, Lang::En],
            primary_language: Lang::De,
            extra: BTreeMap::new(),
            dictionary: std::collections::BTreeSet::new(),
        }
    }
}

/// A whole TOM document (the working copy, or the content of a released version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    /// Title-block information.
    pub meta: Metadata,
    /// Text before the first section, as Markdown.
    pub intro: LocalText,
    /// The top-level sections, in order.
    pub sections: Vec<Section>,
    /// The next number for a fresh custom-section or measure id. It only grows, so an
    /// id is never reused after a deletion (which would confuse comparisons).
    pub next_id: u64,
}

impl Default for Document {
    fn default() -> Self {
        Self::empty_template(Lang::De, "")
    }
}

impl Document {
    /// A document with every canonical section, all empty, in their canonical order.
    pub fn empty_template(lang: Lang, organisation: &str) -> Self {
        let sections = CanonicalSection::top_level()
            .map(|c| {
                let mut s = Section::new(c);
                s.children = c.children().iter().map(|&cc| Section::new(cc)).collect();
                s
            })
            .collect();
        Self {
            meta: Metadata {
                organisation: Organisation {
                    name: organisation.to_owned(),
                    address: String::new(),
                },
                languages: vec![lang, lang.other()],
                primary_language: lang,
                ..Metadata::default()
            },
            intro: LocalText::default(),
            sections,
            next_id: 1,
        }
    }

    /// Every section (hidden ones too), depth first in document order, with its depth.
    pub fn all_sections(&self) -> Vec<(&Section, usize)> {
        fn walk<'a>(list: &'a [Section], depth: usize, out: &mut Vec<(&'a Section, usize)>) {
            for s in list {
                out.push((s, depth));
                walk(&s.children, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, 0, &mut out);
        out
    }

    /// The visible sections in document order with their numbers ("3.1." is `[3, 1]`).
    ///
    /// Numbers are derived from position among visible siblings and never stored;
    /// the children of a hidden section are hidden with it.
    pub fn numbered(&self) -> Vec<(Vec<usize>, &Section)> {
        fn walk<'a>(
            list: &'a [Section],
            prefix: &[usize],
            out: &mut Vec<(Vec<usize>, &'a Section)>,
        ) {
            let mut n = 0;
            for s in list.iter().filter(|s| !s.hidden) {
                n += 1;
                let mut number = prefix.to_vec();
                number.push(n);
                out.push((number.clone(), s));
                walk(&s.children, &number, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, &[], &mut out);
        out
    }

    /// The number of a visible section as printed, e.g. `"3.1."`; `None` when hidden or absent.
    pub fn number_of(&self, id: &SectionId) -> Option<String> {
        self.numbered()
            .into_iter()
            .find(|(_, s)| &s.id == id)
            .map(|(n, _)| format_number(&n))
    }

    /// The section with this id, anywhere in the tree.
    pub fn section(&self, id: &SectionId) -> Option<&Section> {
        fn find<'a>(list: &'a [Section], id: &SectionId) -> Option<&'a Section> {
            for s in list {
                if &s.id == id {
                    return Some(s);
                }
                if let Some(found) = find(&s.children, id) {
                    return Some(found);
                }
            }
            None
        }
        find(&self.sections, id)
    }

    /// Mutable access to the section with this id.
    pub fn section_mut(&mut self, id: &SectionId) -> Option<&mut Section> {
        fn find<'a>(list: &'a mut [Section], id: &SectionId) -> Option<&'a mut Section> {
            for s in list {
                if &s.id == id {
                    return Some(s);
                }
                if let Some(found) = find(&mut s.children, id) {
                    return Some(found);
                }
            }
            None
        }
        find(&mut self.sections, id)
    }

    /// The measure with this id and the id of the section holding it.
    pub fn measure(&self, id: &MeasureId) -> Option<(&Section, &Measure)> {
        self.all_sections()
            .into_iter()
            .find_map(|(s, _)| s.measures.iter().find(|m| &m.id == id).map(|m| (s, m)))
    }

    /// Every measure in document order with its section.
    pub fn all_measures(&self) -> Vec<(&Section, &Measure)> {
        self.all_sections()
            .into_iter()
            .flat_map(|(s, _)| s.measures.iter().map(move |m| (s, m)))
            .collect()
    }

    /// A fresh id for a custom section; it is never handed out twice.
    pub fn fresh_section_id(&mut self) -> SectionId {
        loop {
            let id = SectionId(format!("custom-{}", self.next_id));
            self.next_id += 1;
            if self.section(&id).is_none() {
                return id;
            }
        }
    }

    /// A fresh id for a measure; it is never handed out twice.
    pub fn fresh_measure_id(&mut self) -> MeasureId {
        loop {
            let id = MeasureId(format!("m-{}", self.next_id));
            self.next_id += 1;
            if self.measure(&id).is_none() {
                return id;
            }
        }
    }

    /// Every text of the document with a short description of where it is, for checks
    /// that look at all text (translations, links, unprintable characters).
    pub fn texts(&self) -> Vec<(String, &LocalText)> {
        let mut out = vec![
            ("meta.title".to_owned(), &self.meta.title),
            ("meta.purpose".to_owned(), &self.meta.purpose),
            ("intro".to_owned(), &self.intro),
        ];
        for (s, _) in self.all_sections() {
            out.push((format!("{}.title", s.id), &s.title));
            out.push((format!("{}.body", s.id), &s.body));
            for m in &s.measures {
                out.push((format!("{}.{}.text", s.id, m.id), &m.text));
                out.push((format!("{}.{}.note", s.id, m.id), &m.note));
            }
        }
        out
    }
}

/// Formats a section number as printed: `[3, 1]` → `"3.1."`.
pub fn format_number(number: &[usize]) -> String {
    let mut s = String::new();
    for n in number {
        s.push_str(&n.to_string());
        s.push('.');
    }
    s
}

impl Document {
    /// True when both documents say the same thing. The id counter is ignored: adding
    /// and deleting a measure advances it without changing the content.
    pub fn content_eq(&self, other: &Document) -> bool {
        self.meta == other.meta && self.intro == other.intro && self.sections == other.sections
    }
}
