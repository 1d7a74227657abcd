//! Migrations from older file formats to the current one.
//!
//! Format 1 was the prototype's: one document with flat `_de`/`_en` fields and no
//! version history. Format 2 had the current shape but a single-language release note and
//! responsible person; both became bilingual in format 3 and the one text goes into the
//! document's primary language. Each migration reads the old shape with its own types and builds
//! the current model, so old files keep loading as the model evolves.

use serde::Deserialize;

use super::error::{StoreError, StoreErrorKind};
use super::format::{VersionRepr, check, syntax_error, versions_in};
use super::history::TomFile;
use crate::model::{
    Document, Lang, LocalText, Measure, MeasureId, MeasureKind, MeasureStatus, Metadata,
    Organisation, Section, SectionId,
};

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// Reads a whole file of an older `format` into the current model.
pub(crate) fn file(text: &str, format: u32) -> Result<TomFile, StoreError> {
    match format {
        1 => {
            let v1: V1File = parse_ron(text)?;
            Ok(TomFile::new(check(v1.document.into_current())?))
        }
        2 => {
            let v2: V2File = parse_ron(text)?;
            let working = check(v2.working.into_current())?;
            let lang = working.meta.primary_language;
            let versions = v2
                .versions
                .into_iter()
                .map(|v| v.with_note_in(lang))
                .collect();
            Ok(TomFile {
                working,
                versions: versions_in(versions),
            })
        }
        other => Err(unknown(other)),
    }
}

/// Reads a document snapshot of an older `format` into the current model.
pub(crate) fn document(text: &str, format: u32) -> Result<Document, StoreError> {
    match format {
        1 => {
            let v1: V1Document = parse_ron(text)?;
            check(v1.into_current())
        }
        2 => {
            let v2: V2Document = parse_ron(text)?;
            check(v2.into_current())
        }
        other => Err(unknown(other)),
    }
}

fn unknown(format: u32) -> StoreError {
    StoreErrorKind::Invalid(format!(
        "format version {format} was never written by Tomwerk"
    ))
    .into()
}

fn parse_ron<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    ron::Options::default()
        .with_recursion_limit(256)
        .from_str(text)
        .map_err(|e| syntax_error(text, e))
}

#[derive(Deserialize)]
struct V1File {
    #[allow(dead_code)]
    format: u32,
    document: V1Document,
}

#[derive(Deserialize)]
struct V1Document {
    organisation: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    title_de: String,
    #[serde(default)]
    title_en: String,
    /// "de" or "en": format 1 had one primary language and no list.
    #[serde(default)]
    language: String,
    #[serde(default)]
    sections: Vec<V1Section>,
}

#[derive(Deserialize)]
struct V1Section {
    id: String,
    #[serde(default)]
    title_de: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    hidden: bool,
    #[serde(default)]
    body_de: String,
    #[serde(default)]
    body_en: String,
    #[serde(default)]
    measures: Vec<V1Measure>,
    #[serde(default)]
    children: Vec<V1Section>,
}

#[derive(Deserialize)]
struct V1Measure {
    id: String,
    #[serde(default)]
    text_de: String,
    #[serde(default)]
    text_en: String,
    #[serde(default = "yes")]
    technical: bool,
    #[serde(default = "yes")]
    implemented: bool,
}

fn yes() -> bool {
    true
}

impl V1Document {
    fn into_current(self) -> Document {
        let primary = Lang::parse(&self.language).unwrap_or(Lang::De);
        let mut doc = Document {
            meta: Metadata {
                organisation: Organisation {
                    name: self.organisation,
                    address: self.address,
                },
                title: LocalText::new(self.title_de, self.title_en),
                languages: vec![primary, primary.other()],
                primary_language: primary,
                ..Metadata::default()
            },
            intro: LocalText::default(),
            sections: self
                .sections
                .into_iter()
                .map(V1Section::into_current)
                .collect(),
            next_id: 1,
        };
        // Format 1 numbered ids itself; continue after the largest number in use so
        // fresh ids never collide with migrated ones.
        let max = doc
            .all_sections()
            .iter()
            .map(|(s, _)| s.id.0.as_str())
            .chain(doc.all_measures().iter().map(|(_, m)| m.id.0.as_str()))
            .filter_map(|id| id.rsplit('-').next()?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        doc.next_id = max + 1;
        // Format 1 could omit canonical sections; the current model keeps them all.
        doc.ensure_canonical();
        doc
    }
}

impl V1Section {
    fn into_current(self) -> Section {
        Section {
            id: SectionId(self.id),
            title: LocalText::new(self.title_de, self.title_en),
            hidden: self.hidden,
            body: LocalText::new(self.body_de, self.body_en),
            measures: self
                .measures
                .into_iter()
                .map(|m| Measure {
                    id: MeasureId(m.id),
                    text: LocalText::new(m.text_de, m.text_en),
                    kind: if m.technical {
                        MeasureKind::Technical
                    } else {
                        MeasureKind::Organisational
                    },
                    status: if m.implemented {
                        MeasureStatus::Implemented
                    } else {
                        MeasureStatus::Planned
                    },
                    note: LocalText::default(),
                })
                .collect(),
            children: self
                .children
                .into_iter()
                .map(V1Section::into_current)
                .collect(),
            covers: Vec::new(),
        }
    }
}

#[derive(Deserialize)]
struct V2File {
    #[allow(dead_code)]
    format: u32,
    working: V2Document,
    #[serde(default)]
    versions: Vec<VersionRepr<String>>,
}

/// A format-2 document: today's shape but for the metadata.
#[derive(Deserialize)]
#[serde(default)]
struct V2Document {
    meta: V2Metadata,
    intro: LocalText,
    sections: Vec<Section>,
    next_id: u64,
}

impl Default for V2Document {
    fn default() -> Self {
        let doc = Document::default();
        Self {
            meta: V2Metadata::default(),
            intro: doc.intro,
            sections: doc.sections,
            next_id: doc.next_id,
        }
    }
}

/// Format 2's metadata: `responsible` was one string.
#[derive(Deserialize)]
#[serde(default)]
struct V2Metadata {
    organisation: Organisation,
    title: LocalText,
    purpose: LocalText,
    responsible: String,
    dpo_contact: String,
    review_interval_months: u32,
    #[serde(with = "iso_date::option")]
    last_review: Option<time::Date>,
    languages: Vec<Lang>,
    primary_language: Lang,
    extra: std::collections::BTreeMap<String, String>,
    dictionary: std::collections::BTreeSet<String>,
}

impl Default for V2Metadata {
    fn default() -> Self {
        let m = Metadata::default();
        Self {
            organisation: m.organisation,
            title: m.title,
            purpose: m.purpose,
            responsible: String::new(),
            dpo_contact: m.dpo_contact,
            review_interval_months: m.review_interval_months,
            last_review: m.last_review,
            languages: m.languages,
            primary_language: m.primary_language,
            extra: m.extra,
            dictionary: m.dictionary,
        }
    }
}

impl V2Document {
    fn into_current(self) -> Document {
        let m = self.meta;
        Document {
            meta: Metadata {
                organisation: m.organisation,
                title: m.title,
                purpose: m.purpose,
                responsible: LocalText::only(m.primary_language, m.responsible),
                dpo_contact: m.dpo_contact,
                review_interval_months: m.review_interval_months,
                last_review: m.last_review,
                languages: m.languages,
                primary_language: m.primary_language,
                extra: m.extra,
                dictionary: m.dictionary,
            },
            intro: self.intro,
            sections: self.sections,
            next_id: self.next_id,
        }
    }
}
