//! Completeness checks: findings with a level, a location and a localised message.
//!
//! [`run`] looks at a whole `.tom` file (structure, version chain, Art. 32 coverage,
//! empty sections, notes, translations, review dates, releases, links and characters the
//! PDF font lacks) with "today" injected, so results never depend on the clock. The
//! editor shows the findings as a panel and jumps to [`Finding::location`]; the CLI
//! prints [`Finding::line`].

mod font;
pub mod spelling;

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
    fn document() -> Self {
        Self::default()
    }

    fn section(id: &SectionId) -> Self {
        Self {
            section: Some(id.clone()),
            measure: None,
            text: None,
        }
    }

    fn measure(section: &SectionId, measure: &MeasureId) -> Self {
        Self {
            section: Some(section.clone()),
            measure: Some(measure.clone()),
            text: None,
        }
    }

    /// The same place, narrowed to one language of one text field.
    fn with_text(mut self, field: Field, lang: Lang) -> Self {
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
    fn new(check: Check, location: Location, args: Vec<(&str, String)>) -> Self {
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

fn structure(doc: &Document, out: &mut Vec<Finding>) {
    for e in validate(doc) {
        let location = match &e {
            ValidationError::DuplicateSectionId(id)
            | ValidationError::UntitledCustomSection(id)
            | ValidationError::BadCoverage(id, _) => Location::section(id),
            ValidationError::DuplicateMeasureId(id) => doc
                .measure(id)
                .map(|(s, m)| Location::measure(&s.id, &m.id))
                .unwrap_or_default(),
            _ => Location::document(),
        };
        out.push(Finding::new(
            Check::Structure,
            location,
            vec![("problem", e.to_string())],
        ));
    }
}

fn chain(file: &TomFile, out: &mut Vec<Finding>) {
    if let Err(e) = file.verify() {
        out.push(Finding::new(
            Check::Chain,
            Location::document(),
            vec![("version", e.label), ("problem", e.reason)],
        ));
    }
}

/// The title block tells a customer whose TOM it is and whom to ask; a blank field there
/// is visible on every page one.
fn metadata(doc: &Document, out: &mut Vec<Finding>) {
    let meta = &doc.meta;
    for (field, value) in [
        ("organisation", meta.organisation.name.as_str()),
        ("address", meta.organisation.address.as_str()),
        (
            "responsible",
            meta.responsible.get_or_other(meta.primary_language),
        ),
        ("dpo", meta.dpo_contact.as_str()),
    ] {
        if value.trim().is_empty() {
            out.push(Finding::new(
                Check::MetadataMissing,
                Location::document(),
                vec![("field", field.to_owned())],
            ));
        }
    }
}

fn empty_measures(visible: &[Visible<'_>], out: &mut Vec<Finding>) {
    for v in visible {
        for m in v.section.measures.iter().filter(|m| m.text.is_empty()) {
            out.push(Finding::new(
                Check::EmptyMeasure,
                Location::measure(&v.section.id, &m.id),
                Vec::new(),
            ));
        }
    }
}

/// A visible section with the Art. 32 letters it counts for: its own (or, for a custom
/// section, that of its nearest canonical ancestor) and those of the sections it covers.
struct Visible<'a> {
    section: &'a Section,
    letters: BTreeSet<Art32Letter>,
    /// True when it or a visible descendant has prose or measures.
    has_content: bool,
}

/// True when a section has prose, or a measure with text (a blank measure prints nothing).
fn has_own_content(s: &Section) -> bool {
    !s.body.is_empty() || s.measures.iter().any(|m| !m.text.is_empty())
}

fn visible_sections(doc: &Document) -> Vec<Visible<'_>> {
    fn walk<'a>(list: &'a [Section], inherited: Option<Art32Letter>, out: &mut Vec<Visible<'a>>) {
        for s in list.iter().filter(|s| !s.hidden) {
            let own = s.canonical().map(CanonicalSection::letter).or(inherited);
            let mut letters: BTreeSet<_> = own.into_iter().collect();
            letters.extend(
                s.covers
                    .iter()
                    .filter_map(|c| CanonicalSection::from_id(c.as_str()))
                    .map(CanonicalSection::letter),
            );
            let index = out.len();
            out.push(Visible {
                section: s,
                letters,
                has_content: has_own_content(s),
            });
            walk(&s.children, own, out);
            // Content anywhere below counts for the parent's emptiness.
            let below = out[index + 1..].iter().any(|v| v.has_content);
            out[index].has_content |= below;
        }
    }
    let mut out = Vec::new();
    walk(&doc.sections, None, &mut out);
    out
}

fn coverage(doc: &Document, visible: &[Visible<'_>], out: &mut Vec<Finding>) {
    for letter in Art32Letter::ALL {
        let covered = visible
            .iter()
            .any(|v| has_own_content(v.section) && v.letters.contains(&letter));
        if covered {
            continue;
        }
        // Point at the first visible canonical section of that letter, where content belongs.
        let location = CanonicalSection::ALL
            .into_iter()
            .filter(|c| c.letter() == letter)
            .map(SectionId::from)
            .find(|id| doc.number_of(id).is_some())
            .map(|id| Location::section(&id))
            .unwrap_or_default();
        out.push(Finding::new(
            Check::LetterNotCovered,
            location,
            vec![("letter", letter.as_str().to_owned())],
        ));
    }
}

fn empty_sections(visible: &[Visible<'_>], out: &mut Vec<Finding>) {
    // A section another one declares to cover (e.g. resilience inside "availability and
    // resilience") is not empty in substance.
    let covered_elsewhere: BTreeSet<&SectionId> = visible
        .iter()
        .filter(|v| has_own_content(v.section))
        .flat_map(|v| v.section.covers.iter())
        .collect();
    for v in visible {
        if v.section.canonical().is_some()
            && !v.has_content
            && !covered_elsewhere.contains(&v.section.id)
        {
            out.push(Finding::new(
                Check::EmptySection,
                Location::section(&v.section.id),
                Vec::new(),
            ));
        }
    }
}

/// Canonical sections with prose but no structured measure in them or their visible
/// subsections (issue 20.5): an info, since a list of measures with kind and status is
/// what a reader of the annex checks against.
fn prose_only(visible: &[Visible<'_>], out: &mut Vec<Finding>) {
    fn any_measure(s: &Section) -> bool {
        !s.measures.is_empty() || s.children.iter().any(|c| !c.hidden && any_measure(c))
    }
    for v in visible {
        let s = v.section;
        // A parent with visible subsections is checked through them (no double hints).
        let leaf = s.children.iter().all(|c| c.hidden);
        if leaf && s.canonical().is_some() && !s.body.is_empty() && !any_measure(s) {
            out.push(Finding::new(
                Check::NoStructuredMeasures,
                Location::section(&s.id),
                Vec::new(),
            ));
        }
    }
}

/// The measure's text as message arguments, shortened, in both languages.
fn measure_args(m: &Measure) -> Vec<(&'static str, String)> {
    vec![
        ("measure_de", excerpt(&m.text.de)),
        ("measure_en", excerpt(&m.text.en)),
    ]
}

fn excerpt(text: &str) -> String {
    const MAX: usize = 60;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX {
        flat
    } else {
        let cut: String = flat.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn planned_without_note(visible: &[Visible<'_>], out: &mut Vec<Finding>) {
    for v in visible {
        for m in &v.section.measures {
            if m.status == MeasureStatus::Planned && m.note.is_empty() {
                out.push(Finding::new(
                    Check::PlannedWithoutNote,
                    Location::measure(&v.section.id, &m.id),
                    measure_args(m),
                ));
            }
        }
    }
}

/// What a printed text is, for messages (`field` argument, a fluent selector) and for
/// the editor to open the field a finding names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The document title.
    DocumentTitle,
    /// The purpose line.
    Purpose,
    /// The responsible person in the title block.
    Responsible,
    /// The introduction.
    Intro,
    /// A section's heading.
    Title,
    /// A section's text.
    Body,
    /// A measure's text.
    Measure,
    /// A measure's note.
    Note,
}

impl Field {
    fn key(self) -> &'static str {
        match self {
            Self::DocumentTitle => "document-title",
            Self::Purpose => "purpose",
            Self::Responsible => "responsible",
            Self::Intro => "intro",
            Self::Title => "title",
            Self::Body => "body",
            Self::Measure => "measure",
            Self::Note => "note",
        }
    }

    /// Fields whose text is Markdown (and may hold links).
    fn is_markdown(self) -> bool {
        matches!(self, Self::Intro | Self::Body | Self::Measure | Self::Note)
    }
}

/// A bilingual text that ends up in the exported document, with where it is.
struct Printed<'a> {
    field: Field,
    text: &'a LocalText,
    location: Location,
    measure: Option<&'a Measure>,
}

impl Printed<'_> {
    fn args(&self) -> Vec<(&'static str, String)> {
        let mut args = vec![("field", self.field.key().to_owned())];
        match self.measure {
            Some(m) => args.extend(measure_args(m)),
            // The messages select on `field`; an empty measure keeps every variant defined.
            None => args.extend([("measure_de", String::new()), ("measure_en", String::new())]),
        }
        args
    }
}

fn printed_texts<'a>(doc: &'a Document, visible: &[Visible<'a>]) -> Vec<Printed<'a>> {
    let whole = |field, text| Printed {
        field,
        text,
        location: Location::document(),
        measure: None,
    };
    let mut out = vec![
        whole(Field::DocumentTitle, &doc.meta.title),
        whole(Field::Purpose, &doc.meta.purpose),
        whole(Field::Responsible, &doc.meta.responsible),
        whole(Field::Intro, &doc.intro),
    ];
    for v in visible {
        let s = v.section;
        let here = Location::section(&s.id);
        out.push(Printed {
            field: Field::Title,
            text: &s.title,
            location: here.clone(),
            measure: None,
        });
        out.push(Printed {
            field: Field::Body,
            text: &s.body,
            location: here,
            measure: None,
        });
        for m in &s.measures {
            for (field, text) in [(Field::Measure, &m.text), (Field::Note, &m.note)] {
                out.push(Printed {
                    field,
                    text,
                    location: Location::measure(&s.id, &m.id),
                    measure: Some(m),
                });
            }
        }
    }
    out
}

/// The document's languages, each once, in its order.
fn languages(doc: &Document) -> Vec<Lang> {
    let mut langs = Vec::new();
    for &l in &doc.meta.languages {
        if !langs.contains(&l) {
            langs.push(l);
        }
    }
    langs
}

fn translations(doc: &Document, texts: &[Printed<'_>], out: &mut Vec<Finding>) {
    let langs = languages(doc);
    for t in texts {
        for &lang in &langs {
            let check = if t.text.lacks(lang) {
                Check::MissingTranslation
            } else if t.text.is_stale(lang) {
                Check::StaleTranslation
            } else {
                continue;
            };
            let mut args = t.args();
            args.push(("lang", lang.code().to_owned()));
            out.push(Finding::new(
                check,
                t.location.clone().with_text(t.field, lang),
                args,
            ));
        }
    }
}

/// `date` plus `months` calendar months, the day clamped to the month's length
/// (31 January + 1 month = 28/29 February). `None` beyond the calendar's range.
pub fn add_months(date: Date, months: u32) -> Option<Date> {
    let index =
        i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

fn iso(date: Date) -> String {
    date.to_string()
}

fn review(file: &TomFile, today: Date, out: &mut Vec<Finding>) {
    let meta = &file.working.meta;
    let months = meta.review_interval_months;
    let Some(last) = meta.last_review else {
        out.push(Finding::new(
            Check::NoReviewDate,
            Location::document(),
            Vec::new(),
        ));
        return;
    };
    // An interval of 0 means the document sets none: nothing can be overdue.
    if months == 0 {
        return;
    }
    if let Some(due) = add_months(last, months).filter(|due| *due < today) {
        out.push(Finding::new(
            Check::ReviewOverdue,
            Location::document(),
            vec![
                ("date", iso(last)),
                ("due", iso(due)),
                ("months", months.to_string()),
            ],
        ));
    }
    if let Some(latest) = file.latest()
        && let Some(due) = add_months(latest.date, months).filter(|due| *due < today)
    {
        out.push(Finding::new(
            Check::ReleaseOutdated,
            Location::document(),
            vec![
                ("version", latest.label.clone()),
                ("date", iso(latest.date)),
                ("due", iso(due)),
                ("months", months.to_string()),
            ],
        ));
    }
}

fn releases(file: &TomFile, out: &mut Vec<Finding>) {
    match file.latest() {
        None => out.push(Finding::new(
            Check::NeverReleased,
            Location::document(),
            Vec::new(),
        )),
        Some(latest) if file.has_unreleased_changes() => out.push(Finding::new(
            Check::UnreleasedChanges,
            Location::document(),
            vec![("version", latest.label.clone())],
        )),
        Some(_) => {}
    }
}

/// The scheme of a URL as RFC 3986 defines it (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`
/// before a colon), lower-cased; `None` for a relative reference.
pub fn url_scheme(url: &str) -> Option<String> {
    let (scheme, _) = url.trim().split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

/// The link and image targets of a Markdown text, as written.
fn link_targets(markdown: &str) -> Vec<(LinkType, String)> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    Parser::new_ext(markdown, options)
        .filter_map(|event| match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                ..
            }) => Some((link_type, dest_url.into_string())),
            _ => None,
        })
        .collect()
}

fn links(doc: &Document, texts: &[Printed<'_>], out: &mut Vec<Finding>) {
    let langs = languages(doc);
    for t in texts.iter().filter(|t| t.field.is_markdown()) {
        for &lang in &langs {
            for (link_type, url) in link_targets(t.text.get(lang)) {
                // `<name@example.org>` is a mail link without the written scheme.
                if link_type == LinkType::Email {
                    continue;
                }
                let mut args = t.args();
                args.push(("lang", lang.code().to_owned()));
                args.push(("url", excerpt(&url)));
                match url_scheme(&url) {
                    Some(s) if matches!(s.as_str(), "http" | "https" | "mailto") => {}
                    Some(scheme) => {
                        args.push(("scheme", scheme));
                        out.push(Finding::new(Check::LinkScheme, t.location.clone(), args));
                    }
                    None => out.push(Finding::new(
                        Check::LinkWithoutScheme,
                        t.location.clone(),
                        args,
                    )),
                }
            }
        }
    }
}

/// The characters of `text` the PDF font lacks, each once, described as `U+2713 ✓`.
fn unrenderable(text: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    text.chars()
        .filter(|&c| !renderable(c) && seen.insert(c))
        .map(|c| {
            if c.is_control() {
                format!("U+{:04X}", u32::from(c))
            } else {
                format!("U+{:04X} {c}", u32::from(c))
            }
        })
        .collect()
}

fn characters(doc: &Document, texts: &[Printed<'_>], out: &mut Vec<Finding>) {
    let langs = languages(doc);
    // The title block prints these plain fields in every language.
    let meta = &doc.meta;
    for (field, text) in [
        ("organisation", &meta.organisation.name),
        ("address", &meta.organisation.address),
        ("dpo", &meta.dpo_contact),
    ] {
        let chars = unrenderable(text);
        if !chars.is_empty() {
            out.push(Finding::new(
                Check::UnrenderableCharacter,
                Location::document(),
                vec![
                    ("field", field.to_owned()),
                    ("lang", "none".to_owned()),
                    ("measure_de", String::new()),
                    ("measure_en", String::new()),
                    ("chars", chars.join(", ")),
                ],
            ));
        }
    }
    for t in texts {
        for &lang in &langs {
            let chars = unrenderable(t.text.get(lang));
            if !chars.is_empty() {
                let mut args = t.args();
                args.push(("lang", lang.code().to_owned()));
                args.push(("chars", chars.join(", ")));
                out.push(Finding::new(
                    Check::UnrenderableCharacter,
                    t.location.clone(),
                    args,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
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
