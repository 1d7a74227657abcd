//! The checks over the visible section tree: structure, chain, title block, coverage, empty and prose-only sections, planned measures.

use super::*;

pub(super) fn structure(doc: &Document, out: &mut Vec<Finding>) {
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

pub(super) fn chain(file: &TomFile, out: &mut Vec<Finding>) {
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
pub(super) fn metadata(doc: &Document, out: &mut Vec<Finding>) {
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

pub(super) fn empty_measures(visible: &[Visible<'_>], out: &mut Vec<Finding>) {
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
pub(super) struct Visible<'a> {
    pub(super) section: &'a Section,
    pub(super) letters: BTreeSet<Art32Letter>,
    /// True when it or a visible descendant has prose or measures.
    pub(super) has_content: bool,
}

/// True when a section has prose, or a measure with text (a blank measure prints nothing).
pub(super) fn has_own_content(s: &Section) -> bool {
    !s.body.is_empty() || s.measures.iter().any(|m| !m.text.is_empty())
}

pub(super) fn visible_sections(doc: &Document) -> Vec<Visible<'_>> {
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

pub(super) fn coverage(doc: &Document, visible: &[Visible<'_>], out: &mut Vec<Finding>) {
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

pub(super) fn empty_sections(visible: &[Visible<'_>], out: &mut Vec<Finding>) {
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
pub(super) fn prose_only(visible: &[Visible<'_>], out: &mut Vec<Finding>) {
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
pub(super) fn measure_args(m: &Measure) -> Vec<(&'static str, String)> {
    vec![
        ("measure_de", excerpt(&m.text.de)),
        ("measure_en", excerpt(&m.text.en)),
    ]
}

pub(super) fn excerpt(text: &str) -> String {
    const MAX: usize = 60;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX {
        flat
    } else {
        let cut: String = flat.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

pub(super) fn planned_without_note(visible: &[Visible<'_>], out: &mut Vec<Finding>) {
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
