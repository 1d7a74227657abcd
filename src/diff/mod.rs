//! Comparison of two documents, matched by stable ids, with word-level text changes.
//!
//! [`compare`] walks both section trees by id (never by position) and returns a
//! [`DocDiff`]: a list of [`Change`]s in the order of the newer document (removed things
//! at their old place), each with its location, so a compare view can list them, jump
//! from one to the next and show word-level changes in either language.

mod engine;
pub mod report;
mod summary;
mod words;

use crate::model::{
    Document, Lang, LocalText, Measure, MeasureId, MeasureKind, MeasureStatus, SectionId,
};

pub use report::{Fingerprint, Report, ReportEntry, ReportLine, fingerprint_of, marked_text};
pub use summary::Summary;
pub use words::{Segment, SegmentKind, new_text, old_text, tokenize, word_diff};

/// The differences between two documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocDiff {
    /// Every change, in the order of the newer document; removed sections and measures
    /// sit where they were in the older one. `changes[i].index == i`.
    pub changes: Vec<Change>,
}

impl DocDiff {
    /// True when the documents say the same.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The counts behind the summary line.
    pub fn summary(&self) -> Summary {
        Summary::of(&self.changes)
    }

    /// The index of the first change after `current` (the first change for `None`), for
    /// "next change" navigation; `None` at the end.
    pub fn next_index(&self, current: Option<usize>) -> Option<usize> {
        let next = current.map_or(0, |i| i + 1);
        (next < self.changes.len()).then_some(next)
    }

    /// The index of the change before `current` (the last change for `None`), for
    /// "previous change" navigation; `None` at the start.
    pub fn previous_index(&self, current: Option<usize>) -> Option<usize> {
        match current {
            None => self.changes.len().checked_sub(1),
            Some(i) => i.checked_sub(1),
        }
    }

    /// The indices of the changes that concern a section (itself, not its subsections),
    /// e.g. to mark it in an outline.
    pub fn changes_in_section(&self, id: &SectionId) -> Vec<usize> {
        self.changes
            .iter()
            .filter(|c| c.section.as_ref().is_some_and(|s| &s.id == id))
            .map(|c| c.index)
            .collect()
    }
}

/// Compares `old` with `new` as their readers see them: a hidden section (and every
/// measure and subsection in it) never appears with its content; one hidden or shown
/// again between the two appears as [`ChangeKind::SectionHidden`] or
/// [`ChangeKind::SectionShown`] without its text. Everything exported (change reports,
/// `tomwerk diff`) uses this.
pub fn compare(old: &Document, new: &Document) -> DocDiff {
    engine::compare_public(old, new)
}

/// Compares everything the documents hold, hidden sections included, for the compare
/// view's "include hidden sections (internal)" mode. Never use it for anything that
/// leaves the workstation.
pub fn compare_including_hidden(old: &Document, new: &Document) -> DocDiff {
    engine::compare(old, new)
}

/// Which of the two documents a change is best shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The older document (the thing was removed).
    Old,
    /// The newer document.
    New,
}

/// A section a change concerns, as it is named in the documents.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionRef {
    /// The stable id.
    pub id: SectionId,
    /// The title as displayed (own title, else the canonical default), in both languages;
    /// from the newer document when the section is in it, else from the older one.
    pub title: LocalText,
    /// The printed number in the older document ("3.4."); `None` when absent or hidden.
    pub old_number: Option<String>,
    /// The printed number in the newer document; `None` when absent or hidden.
    pub new_number: Option<String>,
}

impl SectionRef {
    /// The number to show: the new one, else the old one (for removed sections).
    pub fn number(&self) -> Option<&str> {
        self.new_number.as_deref().or(self.old_number.as_deref())
    }

    /// "3.4. Trennungskontrolle", or the title alone for a hidden section.
    pub fn heading(&self, lang: Lang) -> String {
        let title = self.title.get_or_other(lang);
        match self.number() {
            Some(n) => format!("{n} {title}"),
            None => title.to_owned(),
        }
    }
}

/// A text that changed, in both languages, with the word-level changes of each.
#[derive(Debug, Clone, PartialEq)]
pub struct TextChange {
    /// The older text.
    pub old: LocalText,
    /// The newer text.
    pub new: LocalText,
    /// False for a language-neutral value (a name, a date, a number), which is stored
    /// in both languages of `old` and `new` alike.
    pub bilingual: bool,
    de: Vec<Segment>,
    en: Vec<Segment>,
}

impl TextChange {
    /// The change of a bilingual text; `None` when it is the same in both languages.
    pub fn between(old: &LocalText, new: &LocalText) -> Option<Self> {
        // What a translation was made from is bookkeeping, not a change of the text.
        if old.same_text(new) {
            return None;
        }
        Some(Self {
            old: old.clone(),
            new: new.clone(),
            bilingual: true,
            de: word_diff(&old.de, &new.de),
            en: word_diff(&old.en, &new.en),
        })
    }

    /// The change of a language-neutral value; `None` when it is the same.
    pub fn plain(old: &str, new: &str) -> Option<Self> {
        if old == new {
            return None;
        }
        // A single token such as a date or a number reads better replaced as a whole
        // ("2025-02-24" → "2026-02-23") than as "[-2025-]{+2026+}-02-…".
        let single = |s: &str| !s.trim().contains(char::is_whitespace);
        let segments = if single(old) && single(new) {
            [
                Segment::new(SegmentKind::Delete, old),
                Segment::new(SegmentKind::Insert, new),
            ]
            .into_iter()
            .filter(|s| !s.text.is_empty())
            .collect()
        } else {
            word_diff(old, new)
        };
        Some(Self {
            old: LocalText::new(old, old),
            new: LocalText::new(new, new),
            bilingual: false,
            de: segments.clone(),
            en: segments,
        })
    }

    /// True when the text in `lang` changed (always true for a language-neutral value).
    pub fn changed_in(&self, lang: Lang) -> bool {
        self.old.get(lang) != self.new.get(lang)
    }

    /// The languages whose text changed, German first; one entry for a neutral value.
    pub fn languages(&self) -> Vec<Lang> {
        if !self.bilingual {
            return vec![Lang::De];
        }
        Lang::ALL
            .into_iter()
            .filter(|&l| self.changed_in(l))
            .collect()
    }

    /// The word-level changes in `lang` (one equal segment when that language did not
    /// change; empty when it is blank in both).
    pub fn segments(&self, lang: Lang) -> &[Segment] {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

/// A field of the document's metadata (title block).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum MetaField {
    /// The organisation's name.
    OrganisationName,
    /// The organisation's address.
    OrganisationAddress,
    /// The document title.
    Title,
    /// The purpose line.
    Purpose,
    /// The responsible person.
    Responsible,
    /// The DPO contact.
    DpoContact,
    /// Months between reviews.
    ReviewInterval,
    /// The date of the last review.
    LastReview,
    /// The languages the document is kept in.
    Languages,
    /// The primary language.
    PrimaryLanguage,
    /// A free key/value entry.
    Extra(String),
}

impl MetaField {
    /// A stable key, used for message ids: `organisation-name`, `extra`, ….
    pub fn key(&self) -> &'static str {
        match self {
            Self::OrganisationName => "organisation-name",
            Self::OrganisationAddress => "organisation-address",
            Self::Title => "title",
            Self::Purpose => "purpose",
            Self::Responsible => "responsible",
            Self::DpoContact => "dpo-contact",
            Self::ReviewInterval => "review-interval",
            Self::LastReview => "last-review",
            Self::Languages => "languages",
            Self::PrimaryLanguage => "primary-language",
            Self::Extra(_) => "extra",
        }
    }

    /// The field's name as shown to users.
    pub fn label(&self, lang: Lang) -> String {
        let base = crate::i18n::tr(lang, &format!("diff-meta-{}", self.key()));
        match self {
            Self::Extra(name) => format!("{base} „{name}“"),
            _ => base,
        }
    }
}

/// A measure a change concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureRef {
    /// The stable id.
    pub id: MeasureId,
    /// Its text (the newer one when it is in the newer document), to name it.
    pub text: LocalText,
}

/// What changed.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeKind {
    /// A metadata field changed.
    Meta {
        /// Which field.
        field: MetaField,
        /// Old and new value.
        text: TextChange,
    },
    /// The text before the first section changed.
    Intro(TextChange),
    /// A section is new; `body` is its text (from blank), if any.
    SectionAdded {
        /// The section's text, all inserted.
        body: Option<TextChange>,
    },
    /// A section was removed; `body` is its text (to blank), if any.
    SectionRemoved {
        /// The section's text, all deleted.
        body: Option<TextChange>,
    },
    /// A section moved: to another parent, or among its siblings.
    SectionMoved {
        /// The parent before (`None`: top level).
        old_parent: Option<SectionId>,
        /// The parent now (`None`: top level).
        new_parent: Option<SectionId>,
        /// The number before ("3.4."), `None` when it was hidden.
        old_number: Option<String>,
        /// The number now ("4.1."), `None` when it is hidden.
        new_number: Option<String>,
    },
    /// The title changed in at least one language.
    SectionRenamed(TextChange),
    /// The section is hidden now.
    SectionHidden,
    /// The section was hidden and is shown now.
    SectionShown,
    /// The section's text changed.
    SectionBody(TextChange),
    /// The list of canonical sections this one covers changed.
    SectionCovers {
        /// Covered before.
        old: Vec<SectionId>,
        /// Covered now.
        new: Vec<SectionId>,
    },
    /// A measure is new.
    MeasureAdded(Measure),
    /// A measure was removed.
    MeasureRemoved(Measure),
    /// A measure moved to another section, or to another place in its section.
    MeasureMoved {
        /// The section it was in (for a move within a section, the same as the change's).
        from: SectionRef,
        /// 1-based position in the old section.
        old_position: usize,
        /// 1-based position in the new section.
        new_position: usize,
    },
    /// A measure's content changed; each field is `Some` only when it changed.
    MeasureChanged {
        /// Technical ↔ organisational.
        kind: Option<(MeasureKind, MeasureKind)>,
        /// Implemented / planned / not applicable.
        status: Option<(MeasureStatus, MeasureStatus)>,
        /// The measure's text.
        text: Option<TextChange>,
        /// The measure's note.
        note: Option<TextChange>,
    },
}

impl ChangeKind {
    /// A stable key for the change class, used for message ids (`diff-kind-…`).
    pub fn key(&self) -> &'static str {
        match self {
            Self::Meta { .. } => "meta",
            Self::Intro(_) => "intro",
            Self::SectionAdded { .. } => "section-added",
            Self::SectionRemoved { .. } => "section-removed",
            Self::SectionMoved { .. } => "section-moved",
            Self::SectionRenamed(_) => "section-renamed",
            Self::SectionHidden => "section-hidden",
            Self::SectionShown => "section-shown",
            Self::SectionBody(_) => "section-body",
            Self::SectionCovers { .. } => "section-covers",
            Self::MeasureAdded(_) => "measure-added",
            Self::MeasureRemoved(_) => "measure-removed",
            Self::MeasureMoved { .. } => "measure-moved",
            Self::MeasureChanged { .. } => "measure-changed",
        }
    }

    /// The change class as shown to users, e.g. "Abschnitt verschoben".
    pub fn label(&self, lang: Lang) -> String {
        crate::i18n::tr(lang, &format!("diff-kind-{}", self.key()))
    }
}

/// One change, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The position in [`DocDiff::changes`].
    pub index: usize,
    /// The section it concerns (`None` for metadata and intro).
    pub section: Option<SectionRef>,
    /// The measure it concerns, if any.
    pub measure: Option<MeasureRef>,
    /// What changed.
    pub kind: ChangeKind,
}

impl Change {
    /// The document to show the change in: the older one for removals.
    pub fn side(&self) -> Side {
        match self.kind {
            ChangeKind::SectionRemoved { .. } | ChangeKind::MeasureRemoved(_) => Side::Old,
            _ => Side::New,
        }
    }
}
