//! Structural validation: what must hold for ids, languages and references.

use std::collections::BTreeSet;

use super::canonical::CanonicalSection;
use super::document::{Document, MeasureId, SectionId};

/// A structural problem in a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    /// Two sections share an id; comparisons match by id, so this is fatal.
    #[error("section id {0} occurs more than once")]
    DuplicateSectionId(SectionId),
    /// Two measures share an id; comparisons match by id, so this is fatal.
    #[error("measure id {0} occurs more than once")]
    DuplicateMeasureId(MeasureId),
    /// An id is blank.
    #[error("a section or measure has an empty id")]
    EmptyId,
    /// A canonical section is missing from the tree (it should be hidden instead).
    #[error("canonical section {0} is missing")]
    MissingCanonical(SectionId),
    /// A custom section has no title in any language.
    #[error("custom section {0} has no title")]
    UntitledCustomSection(SectionId),
    /// `covers` names something that is not a canonical section.
    #[error("section {0} claims to cover {1}, which is not a canonical section")]
    BadCoverage(SectionId, SectionId),
    /// The document lists no language.
    #[error("the document has no language")]
    NoLanguage,
    /// The primary language is not among the document's languages.
    #[error("the primary language is not one of the document's languages")]
    PrimaryLanguageNotListed,
    /// A one-line field (a name, title, address, contact) is longer than any real
    /// document needs; such text only comes from a broken or hostile file and made the
    /// export take minutes (issue 19.8).
    #[error("the {field} has {chars} characters, at most {MAX_LINE_FIELD_CHARS} are allowed")]
    FieldTooLong {
        /// Which field, e.g. "organisation name" or "title of section encryption".
        field: String,
        /// How many characters it has.
        chars: usize,
    },
}

/// The longest organisation name, address, DPO contact, responsible person or purpose
/// line (the title block's one-line fields) a document may hold, in characters. Titles
/// are headings of imported text and are not capped here.
pub const MAX_LINE_FIELD_CHARS: usize = 1_000;

impl ValidationError {
    /// Fatal problems make a document unusable (ids must be unique and present);
    /// the others can be shown to the user and fixed in the editor.
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            Self::DuplicateSectionId(_)
                | Self::DuplicateMeasureId(_)
                | Self::EmptyId
                | Self::FieldTooLong { .. }
        )
    }
}

/// Checks the structure of a document and returns every problem found (empty when sound).
pub fn validate(doc: &Document) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let mut section_ids = BTreeSet::new();
    let mut measure_ids = BTreeSet::new();
    let mut empty_reported = false;
    let mut long = |field: &dyn Fn() -> String, text: &str| {
        // Bytes bound characters from above: most texts need no count at all.
        if text.len() > MAX_LINE_FIELD_CHARS {
            let chars = text.chars().count();
            if chars > MAX_LINE_FIELD_CHARS {
                errors.push(ValidationError::FieldTooLong {
                    field: field(),
                    chars,
                });
            }
        }
    };
    let m = &doc.meta;
    long(&|| "organisation name".into(), &m.organisation.name);
    long(&|| "address".into(), &m.organisation.address);
    long(
        &|| "data protection officer's contact".into(),
        &m.dpo_contact,
    );
    for (name, text) in [
        ("purpose line", &m.purpose),
        ("responsible person", &m.responsible),
    ] {
        long(&|| name.into(), &text.de);
        long(&|| name.into(), &text.en);
    }
    for (section, _) in doc.all_sections() {
        if section.id.0.trim().is_empty() && !empty_reported {
            errors.push(ValidationError::EmptyId);
            empty_reported = true;
        }
        if !section_ids.insert(&section.id) {
            errors.push(ValidationError::DuplicateSectionId(section.id.clone()));
        }
        if section.canonical().is_none() && section.title.is_empty() {
            errors.push(ValidationError::UntitledCustomSection(section.id.clone()));
        }
        for covered in &section.covers {
            if CanonicalSection::from_id(&covered.0).is_none() {
                errors.push(ValidationError::BadCoverage(
                    section.id.clone(),
                    covered.clone(),
                ));
            }
        }
        for m in &section.measures {
            if m.id.0.trim().is_empty() && !empty_reported {
                errors.push(ValidationError::EmptyId);
                empty_reported = true;
            }
            if !measure_ids.insert(&m.id) {
                errors.push(ValidationError::DuplicateMeasureId(m.id.clone()));
            }
        }
    }
    for c in CanonicalSection::ALL {
        if !section_ids.contains(&SectionId::from(c)) {
            errors.push(ValidationError::MissingCanonical(c.into()));
        }
    }
    if doc.meta.languages.is_empty() {
        errors.push(ValidationError::NoLanguage);
    } else if !doc.meta.languages.contains(&doc.meta.primary_language) {
        errors.push(ValidationError::PrimaryLanguageNotListed);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, LocalText, Measure, Section};

    #[test]
    fn template_is_valid() {
        assert!(validate(&Document::empty_template(Lang::En, "X")).is_empty());
    }

    #[test]
    fn finds_structural_problems() {
        let mut d = Document::empty_template(Lang::De, "X");
        d.sections.push(Section::new("encryption"));
        d.sections.push(Section::new("custom-9"));
        d.sections[0].covers.push("nonsense".into());
        let mut m = Measure::new(LocalText::new("a", "a"));
        m.id = "m-1".into();
        d.sections[1].measures = vec![m.clone(), m];
        d.meta.languages = vec![Lang::En];
        d.meta.primary_language = Lang::De;
        let errors = validate(&d);
        assert!(errors.contains(&ValidationError::DuplicateSectionId("encryption".into())));
        assert!(errors.contains(&ValidationError::DuplicateMeasureId("m-1".into())));
        assert!(errors.contains(&ValidationError::UntitledCustomSection("custom-9".into())));
        assert!(errors.contains(&ValidationError::BadCoverage(
            "pseudonymisation".into(),
            "nonsense".into()
        )));
        assert!(errors.contains(&ValidationError::PrimaryLanguageNotListed));
        assert!(errors.iter().any(ValidationError::is_fatal));
    }

    #[test]
    fn missing_canonical_is_reported_but_not_fatal() {
        let mut d = Document::empty_template(Lang::De, "X");
        d.sections.remove(0);
        let errors = validate(&d);
        assert_eq!(
            errors,
            vec![ValidationError::MissingCanonical("pseudonymisation".into())]
        );
        assert!(!errors[0].is_fatal());
    }
}
