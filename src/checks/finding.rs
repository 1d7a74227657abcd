//! What a finding is: its level, its check, where it is, and its localised message.

use super::*;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Must be fixed before the TOM holds up.
    Error,
    /// Should be fixed.
    Warning,
    /// Good to know.
    Info,
}

impl Level {
    /// The localised label, e.g. "Warnung".
    pub fn label(self, lang: Lang) -> String {
        let id = match self {
            Level::Error => "check-level-error",
            Level::Warning => "check-level-warning",
            Level::Info => "check-level-info",
        };
        i18n().tr(lang, id)
    }
}

/// Which check produced a finding. Each kind has one level and one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Check {
    /// The document breaks a structural rule (duplicate ids, missing canonical section…).
    Structure,
    /// The hash chain of released versions does not hold.
    Chain,
    /// No visible section with content covers a letter of Art. 32(1).
    LetterNotCovered,
    /// A visible canonical section has no text and no measures (nor any subsection).
    EmptySection,
    /// A planned measure says nothing about when or how it will be done.
    PlannedWithoutNote,
    /// A text exists in one of the document's languages but not in another.
    MissingTranslation,
    /// A translation whose source text changed since the translation was last edited.
    StaleTranslation,
    /// The document records no date of its last review.
    NoReviewDate,
    /// Last review plus the review interval lies before today.
    ReviewOverdue,
    /// The latest release is older than the review interval.
    ReleaseOutdated,
    /// Nothing has been released yet.
    NeverReleased,
    /// The working copy differs from the latest release.
    UnreleasedChanges,
    /// A link uses a scheme other than http, https or mailto.
    LinkScheme,
    /// A link has no scheme at all (a relative path, which goes nowhere in a PDF).
    LinkWithoutScheme,
    /// A text holds characters the PDF font cannot render.
    UnrenderableCharacter,
    /// A title-block field (organisation, address, responsible person, DPO contact) is blank.
    MetadataMissing,
    /// A measure has no text in any language (it would print as an empty bullet).
    EmptyMeasure,
    /// A canonical section describes its measures only in prose: no structured measure
    /// (with kind and status) in it or below it.
    NoStructuredMeasures,
    /// A word the dictionary of its field's language does not know (opt-in: only
    /// [`spelling::run`] produces it, so it is not in [`Check::ALL`]).
    Spelling,
}

impl Check {
    /// Every check, in the order [`run`] applies them.
    pub const ALL: [Check; 18] = [
        Self::Structure,
        Self::Chain,
        Self::LetterNotCovered,
        Self::EmptySection,
        Self::PlannedWithoutNote,
        Self::MissingTranslation,
        Self::StaleTranslation,
        Self::NoReviewDate,
        Self::ReviewOverdue,
        Self::ReleaseOutdated,
        Self::NeverReleased,
        Self::UnreleasedChanges,
        Self::LinkScheme,
        Self::LinkWithoutScheme,
        Self::UnrenderableCharacter,
        Self::MetadataMissing,
        Self::EmptyMeasure,
        Self::NoStructuredMeasures,
    ];

    /// The level of this check's findings.
    ///
    /// Date-driven checks are warnings at most: a TOM that was fine yesterday must not
    /// turn into an error because the calendar moved on.
    pub fn level(self) -> Level {
        match self {
            Self::Structure
            | Self::Chain
            | Self::LetterNotCovered
            | Self::LinkScheme
            | Self::UnrenderableCharacter => Level::Error,
            Self::EmptySection
            | Self::PlannedWithoutNote
            | Self::MissingTranslation
            | Self::StaleTranslation
            | Self::ReviewOverdue
            | Self::ReleaseOutdated
            | Self::LinkWithoutScheme
            | Self::MetadataMissing
            | Self::EmptyMeasure => Level::Warning,
            Self::NoReviewDate
            | Self::NeverReleased
            | Self::UnreleasedChanges
            | Self::Spelling
            | Self::NoStructuredMeasures => Level::Info,
        }
    }

    /// The fluent message id in `locales/*/checks.ftl`.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Structure => "check-structure",
            Self::Chain => "check-chain",
            Self::LetterNotCovered => "check-letter-not-covered",
            Self::EmptySection => "check-empty-section",
            Self::PlannedWithoutNote => "check-planned-without-note",
            Self::MissingTranslation => "check-missing-translation",
            Self::StaleTranslation => "check-stale-translation",
            Self::NoReviewDate => "check-no-review-date",
            Self::ReviewOverdue => "check-review-overdue",
            Self::ReleaseOutdated => "check-release-outdated",
            Self::NeverReleased => "check-never-released",
            Self::UnreleasedChanges => "check-unreleased-changes",
            Self::LinkScheme => "check-link-scheme",
            Self::LinkWithoutScheme => "check-link-without-scheme",
            Self::UnrenderableCharacter => "check-unrenderable-character",
            Self::MetadataMissing => "check-metadata-missing",
            Self::EmptyMeasure => "check-empty-measure",
            Self::NoStructuredMeasures => "check-no-structured-measures",
            Self::Spelling => "check-spelling",
        }
    }
}

/// Where a finding points.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The section, if the finding concerns one.
    pub section: Option<SectionId>,
    /// The measure, if the finding concerns one.
    pub measure: Option<MeasureId>,
    /// The text field and its language, if the finding concerns one language of a text
    /// (a missing or stale translation): the editor opens that field.
    pub text: Option<(Field, Lang)>,
}

impl Location {
    pub(super) fn document() -> Self {
        Self::default()
    }

    pub(super) fn section(id: &SectionId) -> Self {
        Self {
            section: Some(id.clone()),
            measure: None,
            text: None,
        }
    }

    pub(super) fn measure(section: &SectionId, measure: &MeasureId) -> Self {
        Self {
            section: Some(section.clone()),
            measure: Some(measure.clone()),
            text: None,
        }
    }

    /// The same place, narrowed to one language of one text field.
    pub(super) fn with_text(mut self, field: Field, lang: Lang) -> Self {
        self.text = Some((field, lang));
        self
    }
}

/// One result of the checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Which check found it.
    pub check: Check,
    /// Error, warning or info.
    pub level: Level,
    /// Where to jump to.
    pub location: Location,
    /// The fluent message id (in `locales/*/checks.ftl`).
    pub message_id: String,
    /// Named arguments of the message. A key ending in `_de`/`_en` is passed to the
    /// message without the suffix, in the message's language (falling back to the other);
    /// the values of `date` and `due` are ISO dates, formatted for the language.
    pub args: Vec<(String, String)>,
}

impl Finding {
    pub(super) fn new(check: Check, location: Location, args: Vec<(&str, String)>) -> Self {
        Self {
            check,
            level: check.level(),
            location,
            message_id: check.message_id().to_owned(),
            args: args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        }
    }

    /// The localised message.
    pub fn message(&self, lang: Lang) -> String {
        let own = format!("_{}", lang.code());
        let other = format!("_{}", lang.other().code());
        let value_of = |key: &str| self.args.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        let mut args: Vec<(String, String)> = Vec::new();
        for (key, value) in &self.args {
            if let Some(base) = key.strip_suffix(&own) {
                let fallback = value_of(&format!("{base}{other}"));
                let shown = match fallback {
                    Some(f) if value.trim().is_empty() => f,
                    _ => value,
                };
                args.push((base.to_owned(), shown.clone()));
            } else if let Some(base) = key.strip_suffix(&other) {
                if value_of(&format!("{base}{own}")).is_none() {
                    args.push((base.to_owned(), value.clone()));
                }
            } else if key == "date" || key == "due" {
                let iso = time::macros::format_description!("[year]-[month]-[day]");
                let shown = Date::parse(value, &iso)
                    .map(|d| format_date(d, lang))
                    .unwrap_or_else(|_| value.clone());
                args.push((key.clone(), shown));
            } else {
                args.push((key.clone(), value.clone()));
            }
        }
        // Findings about a text name it ("The measure “…”", "(German version)"); these
        // phrases are messages of their own so that every language words them itself.
        if args.iter().any(|(k, _)| k == "field") {
            let phrase = |id: &str| {
                let fargs: Vec<(&str, FluentValue<'_>)> = args
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str().into()))
                    .collect();
                i18n().tr_args(lang, id, &fargs)
            };
            let (place, version) = (phrase("check-where"), phrase("check-version"));
            args.push(("where".to_owned(), place));
            args.push(("version-note".to_owned(), version));
        }
        let fargs: Vec<(&str, FluentValue<'_>)> = args
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().into()))
            .collect();
        i18n().tr_args(lang, &self.message_id, &fargs)
    }

    /// Where the finding is, as shown to users: "3.1. Zutrittskontrolle", a section title
    /// when the section is hidden, or "Dokument" for document-wide findings.
    pub fn place(&self, doc: &Document, lang: Lang) -> String {
        self.place_in(&Places::new(doc), lang)
    }

    /// Like [`Finding::place`], with the sections looked up in `places` (built once for
    /// all findings, so that listing them stays linear, issue 19.8).
    pub fn place_in(&self, places: &Places<'_>, lang: Lang) -> String {
        let Some(id) = &self.location.section else {
            return i18n().tr(lang, "check-place-document");
        };
        let Some(section) = places.sections.get(id) else {
            return id.to_string();
        };
        let title = i18n().section_title(section, lang);
        match places.numbers.get(id) {
            Some(number) => format!("{number} {title}"),
            None => title,
        }
    }

    /// One line for the CLI: "Warnung 3.1. Zutrittskontrolle: …".
    pub fn line(&self, doc: &Document, lang: Lang) -> String {
        self.line_in(&Places::new(doc), lang)
    }

    /// Like [`Finding::line`], with the sections looked up in `places`.
    pub fn line_in(&self, places: &Places<'_>, lang: Lang) -> String {
        format!(
            "{} {}: {}",
            self.level.label(lang),
            self.place_in(places, lang),
            self.message(lang)
        )
    }
}

/// Every section of a document by id, with the number of each visible one: built once,
/// so that placing thousands of findings does not search the tree for each.
#[derive(Debug)]
pub struct Places<'a> {
    sections: std::collections::HashMap<&'a SectionId, &'a Section>,
    numbers: std::collections::HashMap<&'a SectionId, String>,
}

impl<'a> Places<'a> {
    /// The places of `doc`'s sections.
    pub fn new(doc: &'a Document) -> Self {
        Self {
            sections: doc
                .all_sections()
                .into_iter()
                .map(|(s, _)| (&s.id, s))
                .collect(),
            numbers: doc
                .numbered()
                .into_iter()
                .map(|(n, s)| (&s.id, crate::model::format_number(&n)))
                .collect(),
        }
    }
}

/// True when any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.level == Level::Error)
}
