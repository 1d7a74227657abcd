//! Counts of changes and the localised summary line ("3 sections changed, 5 measures added").

use std::collections::BTreeSet;

use fluent_bundle::FluentValue;

use super::{Change, ChangeKind};
use crate::i18n::i18n;
use crate::model::Lang;

/// How many things changed, by class. Comparing B with A swaps the added and removed
/// counts and keeps the others.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Sections only in the newer document.
    pub sections_added: usize,
    /// Sections only in the older document.
    pub sections_removed: usize,
    /// Sections that moved (another parent or another place among their siblings).
    pub sections_moved: usize,
    /// Sections in both whose title, visibility, text or coverage changed.
    pub sections_changed: usize,
    /// Measures only in the newer document.
    pub measures_added: usize,
    /// Measures only in the older document.
    pub measures_removed: usize,
    /// Measures that moved to another section or place.
    pub measures_moved: usize,
    /// Measures in both whose kind, status, text or note changed.
    pub measures_changed: usize,
    /// Changed metadata fields.
    pub metadata_changed: usize,
    /// Whether the introduction changed.
    pub intro_changed: bool,
}

impl Summary {
    /// Counts the changes.
    pub fn of(changes: &[Change]) -> Self {
        let mut s = Summary::default();
        let mut changed_sections = BTreeSet::new();
        for c in changes {
            match &c.kind {
                ChangeKind::Meta { .. } => s.metadata_changed += 1,
                ChangeKind::Intro(_) => s.intro_changed = true,
                ChangeKind::SectionAdded { .. } => s.sections_added += 1,
                ChangeKind::SectionRemoved { .. } => s.sections_removed += 1,
                ChangeKind::SectionMoved { .. } => s.sections_moved += 1,
                ChangeKind::SectionRenamed(_)
                | ChangeKind::SectionHidden
                | ChangeKind::SectionShown
                | ChangeKind::SectionBody(_)
                | ChangeKind::SectionCovers { .. } => {
                    if let Some(sec) = &c.section {
                        changed_sections.insert(sec.id.clone());
                    }
                }
                ChangeKind::MeasureAdded(_) => s.measures_added += 1,
                ChangeKind::MeasureRemoved(_) => s.measures_removed += 1,
                ChangeKind::MeasureMoved { .. } => s.measures_moved += 1,
                // A measure has at most one MeasureChanged entry.
                ChangeKind::MeasureChanged { .. } => s.measures_changed += 1,
            }
        }
        s.sections_changed = changed_sections.len();
        s
    }

    /// The counts of the reverse comparison (B→A): added and removed swapped.
    pub fn mirrored(&self) -> Self {
        Self {
            sections_added: self.sections_removed,
            sections_removed: self.sections_added,
            measures_added: self.measures_removed,
            measures_removed: self.measures_added,
            ..*self
        }
    }

    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The summary line, e.g. "3 sections changed, 5 measures added, 1 measure removed",
    /// or "No changes". Plurals follow the language's rules (fluent selectors).
    pub fn line(&self, lang: Lang) -> String {
        let i = i18n();
        let parts: Vec<String> = [
            ("diff-summary-sections-changed", self.sections_changed),
            ("diff-summary-sections-added", self.sections_added),
            ("diff-summary-sections-removed", self.sections_removed),
            ("diff-summary-sections-moved", self.sections_moved),
            ("diff-summary-measures-changed", self.measures_changed),
            ("diff-summary-measures-added", self.measures_added),
            ("diff-summary-measures-removed", self.measures_removed),
            ("diff-summary-measures-moved", self.measures_moved),
            ("diff-summary-metadata-changed", self.metadata_changed),
            (
                "diff-summary-intro-changed",
                usize::from(self.intro_changed),
            ),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(id, n)| i.tr_args(lang, id, &[("count", FluentValue::from(n))]))
        .collect();
        if parts.is_empty() {
            return i.tr(lang, "diff-summary-none");
        }
        let line = parts.join(", ");
        // Capitalise the first letter ("Einleitung geändert", "Introduction changed").
        let mut chars = line.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => line,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_languages() {
        let s = Summary {
            sections_changed: 3,
            measures_added: 5,
            measures_removed: 1,
            ..Summary::default()
        };
        assert_eq!(
            s.line(Lang::En),
            "3 sections changed, 5 measures added, 1 measure removed"
        );
        assert_eq!(
            s.line(Lang::De),
            "3 Abschnitte geändert, 5 Maßnahmen hinzugefügt, 1 Maßnahme entfernt"
        );
        assert_eq!(Summary::default().line(Lang::En), "No changes");
        assert_eq!(Summary::default().line(Lang::De), "Keine Änderungen");
        let intro = Summary {
            intro_changed: true,
            ..Summary::default()
        };
        assert_eq!(intro.line(Lang::En), "Introduction changed");
    }

    #[test]
    fn mirror_swaps_added_and_removed() {
        let s = Summary {
            sections_added: 2,
            measures_removed: 4,
            measures_changed: 1,
            ..Summary::default()
        };
        let m = s.mirrored();
        assert_eq!(m.sections_removed, 2);
        assert_eq!(m.measures_added, 4);
        assert_eq!(m.measures_changed, 1);
        assert_eq!(m.mirrored(), s);
    }
}
