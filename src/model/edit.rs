//! Structural edits of the section tree and the measure lists.
//!
//! Every edit either succeeds completely or leaves the document unchanged, so the editor
//! can offer each one as a single undoable step.

use super::document::{Document, LocalText, Measure, MeasureId, Section, SectionId};

/// Where a section sits: the indices from the top level down, e.g. `[2, 0]` for "3.1".
pub type SectionPath = Vec<usize>;

/// A direction for moving a section or a measure with buttons or shortcuts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveDirection {
    /// Before the previous sibling.
    Up,
    /// After the next sibling.
    Down,
    /// Out of its parent, right after it (one level up).
    Out,
    /// Into the previous sibling, as its last child (one level down).
    In,
}

/// Why a structural edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No section with that id.
    #[error("no section with id {0}")]
    NoSuchSection(SectionId),
    /// No measure with that id.
    #[error("no measure with id {0}")]
    NoSuchMeasure(MeasureId),
    /// Canonical sections are hidden, never deleted, so their id survives.
    #[error("section {0} is canonical: hide it instead of deleting it")]
    CanonicalNotDeletable(SectionId),
    /// The move would leave the tree (already first/last/top-level, or into itself).
    #[error("section cannot move further")]
    CannotMove,
}

impl Document {
    /// The index path of a section.
    pub fn path_of(&self, id: &SectionId) -> Option<SectionPath> {
        fn find(list: &[Section], id: &SectionId, prefix: &mut Vec<usize>) -> bool {
            for (i, s) in list.iter().enumerate() {
                prefix.push(i);
                if &s.id == id || find(&s.children, id, prefix) {
                    return true;
                }
                prefix.pop();
            }
            false
        }
        let mut path = Vec::new();
        find(&self.sections, id, &mut path).then_some(path)
    }

    /// The list that holds the section at `path` (the parent's children or the top level).
    fn siblings_mut(&mut self, parent_path: &[usize]) -> Option<&mut Vec<Section>> {
        let mut list = &mut self.sections;
        for &i in parent_path {
            list = &mut list.get_mut(i)?.children;
        }
        Some(list)
    }

    /// Adds a custom section with `title` as the last child of `parent` (or at the top
    /// level when `parent` is `None`) and returns its id.
    pub fn add_custom_section(
        &mut self,
        parent: Option<&SectionId>,
        title: LocalText,
    ) -> Result<SectionId, EditError> {
        let parent_path = match parent {
            Some(p) => self
                .path_of(p)
                .ok_or_else(|| EditError::NoSuchSection(p.clone()))?,
            None => Vec::new(),
        };
        let id = self.fresh_section_id();
        let mut section = Section::new(id.clone());
        section.title = title;
        self.siblings_mut(&parent_path)
            .ok_or(EditError::CannotMove)?
            .push(section);
        Ok(id)
    }

    /// Adds a custom section right after the sibling `after`, at the same level.
    pub fn add_custom_section_after(
        &mut self,
        after: &SectionId,
        title: LocalText,
    ) -> Result<SectionId, EditError> {
        let path = self
            .path_of(after)
            .ok_or_else(|| EditError::NoSuchSection(after.clone()))?;
        let (index, parent_path) = path.split_last().ok_or(EditError::CannotMove)?;
        let id = self.fresh_section_id();
        let mut section = Section::new(id.clone());
        section.title = title;
        let list = self
            .siblings_mut(parent_path)
            .ok_or(EditError::CannotMove)?;
        list.insert(index + 1, section);
        Ok(id)
    }

    /// Deletes a custom section with its subsections and returns it. Canonical sections
    /// are refused, and so is a custom section that still holds a canonical one.
    pub fn remove_section(&mut self, id: &SectionId) -> Result<Section, EditError> {
        let path = self
            .path_of(id)
            .ok_or_else(|| EditError::NoSuchSection(id.clone()))?;
        let (index, parent_path) = path.split_last().ok_or(EditError::CannotMove)?;
        let list = self
            .siblings_mut(parent_path)
            .ok_or(EditError::CannotMove)?;
        if let Some(canonical) = list[*index]
            .descendants()
            .into_iter()
            .find(|s| s.canonical().is_some())
        {
            return Err(EditError::CanonicalNotDeletable(canonical.id.clone()));
        }
        Ok(list.remove(*index))
    }

    /// Moves a section one step in `direction`.
    pub fn move_section(
        &mut self,
        id: &SectionId,
        direction: MoveDirection,
    ) -> Result<(), EditError> {
        let path = self
            .path_of(id)
            .ok_or_else(|| EditError::NoSuchSection(id.clone()))?;
        let (&index, parent_path) = path.split_last().ok_or(EditError::CannotMove)?;
        match direction {
            MoveDirection::Up | MoveDirection::Down => {
                let list = self
                    .siblings_mut(parent_path)
                    .ok_or(EditError::CannotMove)?;
                let target = if direction == MoveDirection::Up {
                    index.checked_sub(1).ok_or(EditError::CannotMove)?
                } else {
                    index + 1
                };
                if target >= list.len() {
                    return Err(EditError::CannotMove);
                }
                list.swap(index, target);
                Ok(())
            }
            MoveDirection::Out => {
                let (&parent_index, grand_path) =
                    parent_path.split_last().ok_or(EditError::CannotMove)?;
                let grand_path = grand_path.to_vec();
                let list = self
                    .siblings_mut(parent_path)
                    .ok_or(EditError::CannotMove)?;
                let section = list.remove(index);
                let grand = self
                    .siblings_mut(&grand_path)
                    .ok_or(EditError::CannotMove)?;
                grand.insert(parent_index + 1, section);
                Ok(())
            }
            MoveDirection::In => {
                let new_parent = index.checked_sub(1).ok_or(EditError::CannotMove)?;
                let list = self
                    .siblings_mut(parent_path)
                    .ok_or(EditError::CannotMove)?;
                let section = list.remove(index);
                list[new_parent].children.push(section);
                Ok(())
            }
        }
    }

    /// Moves a section to position `index` among the children of `new_parent` (top level
    /// when `None`), as a drag and drop does. Moving a section into itself is refused.
    pub fn move_section_to(
        &mut self,
        id: &SectionId,
        new_parent: Option<&SectionId>,
        index: usize,
    ) -> Result<(), EditError> {
        let path = self
            .path_of(id)
            .ok_or_else(|| EditError::NoSuchSection(id.clone()))?;
        if let Some(p) = new_parent {
            let section = self
                .section(id)
                .ok_or_else(|| EditError::NoSuchSection(id.clone()))?;
            if section.descendants().iter().any(|d| &d.id == p) {
                return Err(EditError::CannotMove);
            }
            if self.section(p).is_none() {
                return Err(EditError::NoSuchSection(p.clone()));
            }
        }
        let (&old_index, parent_path) = path.split_last().ok_or(EditError::CannotMove)?;
        let section = self
            .siblings_mut(parent_path)
            .ok_or(EditError::CannotMove)?
            .remove(old_index);
        let target_path = match new_parent {
            Some(p) => self.path_of(p).unwrap_or_default(),
            None => Vec::new(),
        };
        let list = match self.siblings_mut(&target_path) {
            Some(list) => list,
            None => return Err(EditError::CannotMove),
        };
        let index = index.min(list.len());
        list.insert(index, section);
        Ok(())
    }

    /// Appends a measure to a section and returns its fresh id.
    pub fn add_measure(
        &mut self,
        section: &SectionId,
        mut measure: Measure,
    ) -> Result<MeasureId, EditError> {
        if self.section(section).is_none() {
            return Err(EditError::NoSuchSection(section.clone()));
        }
        let id = self.fresh_measure_id();
        measure.id = id.clone();
        self.section_mut(section)
            .ok_or_else(|| EditError::NoSuchSection(section.clone()))?
            .measures
            .push(measure);
        Ok(id)
    }

    /// The section holding a measure and the measure's index in it.
    fn measure_slot(&mut self, id: &MeasureId) -> Result<(&mut Section, usize), EditError> {
        let section_id = self
            .measure(id)
            .map(|(s, _)| s.id.clone())
            .ok_or_else(|| EditError::NoSuchMeasure(id.clone()))?;
        let section = self
            .section_mut(&section_id)
            .ok_or(EditError::NoSuchSection(section_id))?;
        let index = section
            .measures
            .iter()
            .position(|m| &m.id == id)
            .ok_or_else(|| EditError::NoSuchMeasure(id.clone()))?;
        Ok((section, index))
    }

    /// Removes a measure and returns it.
    pub fn remove_measure(&mut self, id: &MeasureId) -> Result<Measure, EditError> {
        let (section, index) = self.measure_slot(id)?;
        Ok(section.measures.remove(index))
    }

    /// Moves a measure one place up or down within its section.
    pub fn move_measure(&mut self, id: &MeasureId, up: bool) -> Result<(), EditError> {
        let (section, index) = self.measure_slot(id)?;
        let target = if up {
            index.checked_sub(1).ok_or(EditError::CannotMove)?
        } else {
            index + 1
        };
        if target >= section.measures.len() {
            return Err(EditError::CannotMove);
        }
        section.measures.swap(index, target);
        Ok(())
    }
}

impl Measure {
    /// A new implemented technical measure with the given text; the id is assigned by
    /// [`Document::add_measure`].
    pub fn new(text: LocalText) -> Self {
        Self {
            id: MeasureId(String::new()),
            text,
            kind: Default::default(),
            status: Default::default(),
            note: LocalText::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CanonicalSection, Lang};

    fn doc() -> Document {
        Document::empty_template(Lang::De, "Test GmbH")
    }

    fn numbers(d: &Document) -> Vec<(String, String)> {
        d.numbered()
            .into_iter()
            .map(|(n, s)| (crate::model::format_number(&n), s.id.0.clone()))
            .collect()
    }

    #[test]
    fn template_numbering_matches_art32_layout() {
        let d = doc();
        let n = numbers(&d);
        assert_eq!(n.len(), 14);
        assert_eq!(n[0], ("1.".into(), "pseudonymisation".into()));
        assert_eq!(
            n[3],
            ("3.1.".into(), "confidentiality.physical_access".into())
        );
        assert_eq!(n[9], ("4.2.".into(), "integrity.input".into()));
        assert_eq!(n[13], ("8.".into(), "evaluation".into()));
    }

    #[test]
    fn hiding_renumbers_and_keeps_id() {
        let mut d = doc();
        d.section_mut(&CanonicalSection::Pseudonymisation.into())
            .unwrap()
            .hidden = true;
        let n = numbers(&d);
        assert_eq!(n[0], ("1.".into(), "encryption".into()));
        assert!(d.section(&"pseudonymisation".into()).is_some());
        assert_eq!(d.number_of(&"pseudonymisation".into()), None);
    }

    #[test]
    fn add_move_remove_custom_section() {
        let mut d = doc();
        let id = d
            .add_custom_section(
                Some(&"confidentiality".into()),
                LocalText::new("Auftragskontrolle", "Job control"),
            )
            .unwrap();
        assert_eq!(d.number_of(&id).as_deref(), Some("3.5."));
        d.move_section(&id, MoveDirection::Up).unwrap();
        assert_eq!(d.number_of(&id).as_deref(), Some("3.4."));
        d.move_section(&id, MoveDirection::Out).unwrap();
        assert_eq!(d.number_of(&id).as_deref(), Some("4."));
        assert_eq!(d.number_of(&"integrity".into()).as_deref(), Some("5."));
        d.move_section(&id, MoveDirection::In).unwrap();
        assert_eq!(d.number_of(&id).as_deref(), Some("3.5."));
        d.move_section_to(&id, None, 0).unwrap();
        assert_eq!(d.number_of(&id).as_deref(), Some("1."));
        let removed = d.remove_section(&id).unwrap();
        assert_eq!(removed.title.de, "Auftragskontrolle");
        assert_eq!(numbers(&d), numbers(&doc()));
    }

    #[test]
    fn canonical_sections_cannot_be_deleted() {
        let mut d = doc();
        assert_eq!(
            d.remove_section(&"encryption".into()),
            Err(EditError::CanonicalNotDeletable("encryption".into()))
        );
        let before = d.clone();
        assert_eq!(
            d.move_section(&"pseudonymisation".into(), MoveDirection::Up),
            Err(EditError::CannotMove)
        );
        assert_eq!(
            d.move_section(&"pseudonymisation".into(), MoveDirection::Out),
            Err(EditError::CannotMove)
        );
        assert_eq!(d, before);
    }

    #[test]
    fn cannot_move_into_itself() {
        let mut d = doc();
        let before = d.clone();
        assert_eq!(
            d.move_section_to(
                &"confidentiality".into(),
                Some(&"confidentiality.separation".into()),
                0
            ),
            Err(EditError::CannotMove)
        );
        assert_eq!(d, before);
    }

    #[test]
    fn ids_are_never_reused() {
        let mut d = doc();
        let m1 = d
            .add_measure(
                &"encryption".into(),
                Measure::new(LocalText::new("TLS", "TLS")),
            )
            .unwrap();
        d.remove_measure(&m1).unwrap();
        let m2 = d
            .add_measure(
                &"encryption".into(),
                Measure::new(LocalText::new("VPN", "VPN")),
            )
            .unwrap();
        assert_ne!(m1, m2);
        let m3 = d
            .add_measure(
                &"encryption".into(),
                Measure::new(LocalText::new("FDE", "FDE")),
            )
            .unwrap();
        d.move_measure(&m3, true).unwrap();
        let texts: Vec<_> = d
            .section(&"encryption".into())
            .unwrap()
            .measures
            .iter()
            .map(|m| m.text.de.clone())
            .collect();
        assert_eq!(texts, ["FDE", "VPN"]);
    }
}

impl Document {
    /// Adds every canonical section that is missing, hidden, under its canonical parent
    /// when that exists (else at the top level), so ids stay complete after an import or
    /// a migration. Returns the ids it added.
    pub fn ensure_canonical(&mut self) -> Vec<SectionId> {
        use super::canonical::CanonicalSection;
        let mut added = Vec::new();
        for c in CanonicalSection::ALL {
            let id = SectionId::from(c);
            if self.section(&id).is_some() {
                continue;
            }
            let mut section = Section::new(id.clone());
            section.hidden = true;
            let parent = c.parent().map(SectionId::from);
            match parent.as_ref().and_then(|p| self.section_mut(p)) {
                Some(p) => {
                    // Keep canonical order among the canonical siblings already there.
                    let at = p
                        .children
                        .iter()
                        .position(|s| s.canonical().is_some_and(|sc| sc > c))
                        .unwrap_or(p.children.len());
                    p.children.insert(at, section);
                }
                None => {
                    let at = self
                        .sections
                        .iter()
                        .position(|s| s.canonical().is_some_and(|sc| sc > c))
                        .unwrap_or(self.sections.len());
                    self.sections.insert(at, section);
                }
            }
            added.push(id);
        }
        added
    }
}

#[cfg(test)]
mod ensure_tests {
    use crate::model::{Document, Lang, validate};

    #[test]
    fn ensure_canonical_restores_a_complete_tree() {
        let mut d = Document::empty_template(Lang::De, "X");
        d.sections.retain(|s| s.id.0 != "encryption");
        d.sections[1].children.remove(2);
        let added = d.ensure_canonical();
        assert_eq!(added.len(), 2);
        assert!(validate(&d).is_empty());
        assert!(d.section(&"encryption".into()).unwrap().hidden);
        assert_eq!(d.path_of(&"encryption".into()), Some(vec![1]));
        assert_eq!(
            d.path_of(&"confidentiality.data_access".into()),
            Some(vec![2, 2])
        );
    }
}
