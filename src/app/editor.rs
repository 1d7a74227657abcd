//! The open document: its file, path, undo history and dirty state. Every change of the
//! working copy goes through [`Editor::apply`], which records undo.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use time::Date;

use crate::model::{
    Document, EditError, Lang, LocalText, Measure, MeasureId, MeasureKind, MeasureStatus,
    MoveDirection, SectionId,
};
use crate::store::TomFile;

/// How many undo steps are kept; each is a snapshot of the working copy.
const UNDO_LIMIT: usize = 200;

/// Consecutive edits of the same field within this many seconds form one undo step.
const MERGE_SECONDS: f64 = 2.0;

/// A text field of the document that holds both languages.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TextField {
    /// The document title.
    DocTitle,
    /// The purpose line.
    DocPurpose,
    /// The responsible person and their role.
    Responsible,
    /// The text before the first section.
    Intro,
    /// A section's title.
    SectionTitle(SectionId),
    /// A section's Markdown body.
    SectionBody(SectionId),
    /// A measure's text.
    MeasureText(MeasureId),
    /// A measure's note.
    MeasureNote(MeasureId),
}

/// A single-language field of the metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetaField {
    /// Organisation name.
    Organisation,
    /// Postal address.
    Address,
    /// DPO contact.
    DpoContact,
}

/// One change of the working copy. The UI produces these; [`Editor::apply`] runs them.
#[derive(Debug, Clone, PartialEq)]
pub enum DocEdit {
    /// Replace one language of a bilingual text.
    SetText(TextField, Lang, String),
    /// Mark the translation of a text into this language as current with its source.
    ConfirmTranslation(TextField, Lang),
    /// Replace a single-language metadata field.
    SetMeta(MetaField, String),
    /// Months between reviews.
    SetReviewInterval(u32),
    /// Date of the last review.
    SetLastReview(Option<Date>),
    /// Whether the document is kept in this language.
    SetLanguage(Lang, bool),
    /// The language exports use by default.
    SetPrimaryLanguage(Lang),
    /// Add a custom section after `after` (or at the end when `None`).
    AddSectionAfter(Option<SectionId>, LocalText),
    /// Add a custom subsection at the end of the parent's children.
    AddSubsection(SectionId, LocalText),
    /// Move a section one step.
    MoveSection(SectionId, MoveDirection),
    /// Move a section to a new parent and position (drag and drop).
    MoveSectionTo(SectionId, Option<SectionId>, usize),
    /// Move the first section to just before the second, at the second's level (drop).
    MoveSectionBefore(SectionId, SectionId),
    /// Hide or show a section.
    SetHidden(SectionId, bool),
    /// Delete a custom section.
    RemoveSection(SectionId),
    /// Append a measure to a section.
    AddMeasure(SectionId),
    /// Append several ready-made measures to a section as one step (from the catalogue).
    AddMeasures(SectionId, Vec<Measure>),
    /// Change a measure's kind.
    SetMeasureKind(MeasureId, MeasureKind),
    /// Change a measure's status.
    SetMeasureStatus(MeasureId, MeasureStatus),
    /// Move a measure up (`true`) or down.
    MoveMeasure(MeasureId, bool),
    /// Delete a measure.
    RemoveMeasure(MeasureId),
    /// Replace the whole working copy (restoring a released version).
    ReplaceDocument(Box<Document>),
    /// Add a word to the document's spelling dictionary.
    AddWord(String),
}

impl DocEdit {
    /// Edits that continue typing in the same field share this key and merge into one
    /// undo step.
    fn merge_key(&self) -> Option<String> {
        match self {
            DocEdit::SetText(field, lang, _) => Some(format!("{field:?}/{lang}")),
            DocEdit::SetMeta(field, _) => Some(format!("{field:?}")),
            DocEdit::SetReviewInterval(_) => Some("review-interval".into()),
            _ => None,
        }
    }
}

/// What an edit created, so the UI can select it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    /// Nothing new.
    Nothing,
    /// A section.
    Section(SectionId),
    /// A measure.
    Measure(MeasureId),
}

/// The open document and everything needed to never lose it.
#[derive(Debug)]
pub struct Editor {
    /// The file: working copy and released versions.
    pub file: TomFile,
    /// Where it is saved; `None` for a new or imported document.
    pub path: Option<PathBuf>,
    /// SHA-256 of the bytes on disk when last loaded or saved, to notice other writers.
    pub disk_hash: Option<[u8; 32]>,
    saved: TomFile,
    undo: Vec<Document>,
    redo: Vec<Document>,
    merge: Option<(String, f64)>,
    dirty: bool,
    revision: u64,
    instance: u64,
    /// Where the version chain broke when the file was opened: such a file is shown
    /// read-only with a banner (issue 19.3), nothing in it can be edited or released.
    integrity: Option<crate::store::ChainError>,
    saves: u64,
}

impl Editor {
    /// An editor for a file as loaded from `path` (or a new document when `None`).
    pub fn new(file: TomFile, path: Option<PathBuf>) -> Self {
        let disk_hash = path.as_deref().and_then(hash_of_file);
        let integrity = file.verify().err();
        Self {
            integrity,
            saved: file.clone(),
            file,
            path,
            disk_hash,
            undo: Vec::new(),
            redo: Vec::new(),
            merge: None,
            dirty: false,
            revision: 0,
            instance: next_instance(),
            saves: 0,
        }
    }

    /// Unique per editor (per opened document), so caches keyed by
    /// `(instance, revision)` never mistake another document for this one.
    pub fn instance(&self) -> u64 {
        self.instance
    }

    /// The first version where the chain does not hold, if it is broken: the editor is
    /// then read-only.
    pub fn integrity_broken(&self) -> Option<&crate::store::ChainError> {
        self.integrity.as_ref()
    }

    /// The working copy.
    pub fn doc(&self) -> &Document {
        &self.file.working
    }

    /// True when there are changes not saved to the file.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Marks the document as changed without a file (e.g. a restored recovery copy).
    pub fn mark_dirty(&mut self) {
        self.dirty = true;
        self.revision += 1;
    }

    /// Grows with every change; autosave and caches compare it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// How often the file was saved since it was opened.
    pub fn saves(&self) -> u64 {
        self.saves
    }

    /// The working copy as last loaded or saved.
    pub fn saved_doc(&self) -> &Document {
        &self.saved.working
    }

    /// The oldest state undo can return to (the start of this session's edits).
    pub fn oldest_undo(&self) -> Option<&Document> {
        self.undo.first()
    }

    /// True when there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies one edit as an undoable step. `now` is in seconds and decides whether
    /// typing continues the previous step. A refused edit changes nothing.
    pub fn apply(&mut self, edit: DocEdit, now: f64) -> Result<Created, EditError> {
        let key = edit.merge_key();
        let before = self.file.working.clone();
        let created = match run_edit(&mut self.file.working, edit) {
            Ok(c) => c,
            Err(e) => {
                self.file.working = before;
                return Err(e);
            }
        };
        if self.file.working == before {
            return Ok(created);
        }
        let continues = match (&key, &self.merge) {
            (Some(k), Some((last, at))) => k == last && now - at < MERGE_SECONDS,
            _ => false,
        };
        if !continues {
            self.undo.push(before);
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.merge = key.map(|k| (k, now));
        self.redo.clear();
        self.changed();
        Ok(created)
    }

    /// Ends the current typing step, so the next keystroke starts a new undo step.
    pub fn break_merge(&mut self) {
        self.merge = None;
    }

    /// Steps back; returns false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.file.working, previous);
        self.redo.push(current);
        self.merge = None;
        self.changed();
        true
    }

    /// Steps forward again; returns false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.file.working, next);
        self.undo.push(current);
        self.merge = None;
        self.changed();
        true
    }

    /// Replaces the version list (after a release), which also needs saving.
    pub fn set_file_versions(&mut self, file: TomFile) {
        self.file.versions = file.versions;
        self.changed();
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.dirty = !(self.file.working.content_eq(&self.saved.working)
            && self.file.versions == self.saved.versions);
    }

    /// Records that the file was written to `path` with these bytes.
    pub fn mark_saved(&mut self, path: &Path, bytes: &[u8]) {
        self.path = Some(path.to_owned());
        self.saved = self.file.clone();
        self.saves += 1;
        self.disk_hash = Some(hash_bytes(bytes));
        self.dirty = false;
        self.merge = None;
        self.revision += 1;
    }

    /// True when the file at the current path no longer holds what was loaded or saved
    /// last (another program or another Tomwerk wrote it).
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, &self.disk_hash) {
            (Some(path), Some(known)) => match std::fs::read(path) {
                Ok(bytes) => hash_bytes(&bytes) != *known,
                // Deleted or unreadable: saving recreates it, nothing to overwrite.
                Err(_) => false,
            },
            _ => false,
        }
    }
}

fn next_instance() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// SHA-256 of a byte string.
pub fn hash_bytes(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

fn hash_of_file(path: &Path) -> Option<[u8; 32]> {
    std::fs::read(path).ok().map(|b| hash_bytes(&b))
}

/// The bilingual text a field names, if it still exists.
pub fn text_of<'a>(doc: &'a Document, field: &TextField) -> Option<&'a LocalText> {
    Some(match field {
        TextField::DocTitle => &doc.meta.title,
        TextField::DocPurpose => &doc.meta.purpose,
        TextField::Responsible => &doc.meta.responsible,
        TextField::Intro => &doc.intro,
        TextField::SectionTitle(id) => &doc.section(id)?.title,
        TextField::SectionBody(id) => &doc.section(id)?.body,
        TextField::MeasureText(id) => &doc.measure(id)?.1.text,
        TextField::MeasureNote(id) => &doc.measure(id)?.1.note,
    })
}

/// The bilingual text behind `field` (find and replace edits copies through it too).
pub(super) fn text_mut<'a>(
    doc: &'a mut Document,
    field: &TextField,
) -> Result<&'a mut LocalText, EditError> {
    Ok(match field {
        TextField::DocTitle => &mut doc.meta.title,
        TextField::DocPurpose => &mut doc.meta.purpose,
        TextField::Responsible => &mut doc.meta.responsible,
        TextField::Intro => &mut doc.intro,
        TextField::SectionTitle(id) => {
            &mut doc
                .section_mut(id)
                .ok_or_else(|| EditError::NoSuchSection(id.clone()))?
                .title
        }
        TextField::SectionBody(id) => {
            &mut doc
                .section_mut(id)
                .ok_or_else(|| EditError::NoSuchSection(id.clone()))?
                .body
        }
        TextField::MeasureText(id) => &mut measure_mut(doc, id)?.text,
        TextField::MeasureNote(id) => &mut measure_mut(doc, id)?.note,
    })
}

fn measure_mut<'a>(doc: &'a mut Document, id: &MeasureId) -> Result<&'a mut Measure, EditError> {
    let section = doc
        .measure(id)
        .map(|(s, _)| s.id.clone())
        .ok_or_else(|| EditError::NoSuchMeasure(id.clone()))?;
    doc.section_mut(&section)
        .and_then(|s| s.measures.iter_mut().find(|m| &m.id == id))
        .ok_or_else(|| EditError::NoSuchMeasure(id.clone()))
}

/// The section at an index path; `None` for the empty path (the top level).
fn section_at<'a>(doc: &'a Document, path: &[usize]) -> Option<&'a crate::model::Section> {
    let (first, rest) = path.split_first()?;
    let mut s = doc.sections.get(*first)?;
    for &i in rest {
        s = s.children.get(i)?;
    }
    Some(s)
}

fn run_edit(doc: &mut Document, edit: DocEdit) -> Result<Created, EditError> {
    match edit {
        // Typed and pasted text is stored in NFC (issue 21.4): a paste from macOS arrives
        // decomposed and would print "Pru¨fung".
        DocEdit::SetText(field, lang, value) => {
            let primary = doc.meta.primary_language;
            let value = crate::model::nfc(&value).into_owned();
            text_mut(doc, &field)?.set_edited(lang, value, primary);
        }
        DocEdit::ConfirmTranslation(field, lang) => {
            text_mut(doc, &field)?.confirm_translation(lang);
        }
        DocEdit::AddWord(word) => {
            doc.meta
                .dictionary
                .insert(crate::model::nfc(&word).into_owned());
        }
        DocEdit::SetMeta(field, value) => {
            let target = match field {
                MetaField::Organisation => &mut doc.meta.organisation.name,
                MetaField::Address => &mut doc.meta.organisation.address,
                MetaField::DpoContact => &mut doc.meta.dpo_contact,
            };
            *target = crate::model::nfc(&value).into_owned();
        }
        DocEdit::SetReviewInterval(months) => doc.meta.review_interval_months = months,
        DocEdit::SetLastReview(date) => doc.meta.last_review = date,
        DocEdit::SetLanguage(lang, on) => {
            let langs = &mut doc.meta.languages;
            if on && !langs.contains(&lang) {
                langs.push(lang);
                langs.sort();
            } else if !on && langs.len() > 1 {
                // A document is kept in at least one language.
                langs.retain(|&l| l != lang);
                if doc.meta.primary_language == lang {
                    doc.meta.primary_language = lang.other();
                }
            }
        }
        DocEdit::SetPrimaryLanguage(lang) => {
            doc.meta.primary_language = lang;
            if !doc.meta.languages.contains(&lang) {
                doc.meta.languages.push(lang);
                doc.meta.languages.sort();
            }
        }
        DocEdit::AddSectionAfter(after, title) => {
            let id = match after {
                Some(a) => doc.add_custom_section_after(&a, title)?,
                None => doc.add_custom_section(None, title)?,
            };
            return Ok(Created::Section(id));
        }
        DocEdit::AddSubsection(parent, title) => {
            return Ok(Created::Section(
                doc.add_custom_section(Some(&parent), title)?,
            ));
        }
        DocEdit::MoveSection(id, dir) => doc.move_section(&id, dir)?,
        DocEdit::MoveSectionTo(id, parent, index) => {
            doc.move_section_to(&id, parent.as_ref(), index)?
        }
        DocEdit::MoveSectionBefore(id, target) => {
            if id == target {
                return Ok(Created::Nothing);
            }
            let from = doc
                .path_of(&id)
                .ok_or_else(|| EditError::NoSuchSection(id.clone()))?;
            let to = doc
                .path_of(&target)
                .ok_or_else(|| EditError::NoSuchSection(target.clone()))?;
            let (&to_index, to_parent) = to.split_last().ok_or(EditError::CannotMove)?;
            let parent = section_at(doc, to_parent).map(|s| s.id.clone());
            // Removing the section first shifts later siblings in the same list up by one.
            let index = match from.split_last() {
                Some((&from_index, from_parent))
                    if from_parent == to_parent && from_index < to_index =>
                {
                    to_index - 1
                }
                _ => to_index,
            };
            doc.move_section_to(&id, parent.as_ref(), index)?;
        }
        DocEdit::SetHidden(id, hidden) => {
            doc.section_mut(&id)
                .ok_or(EditError::NoSuchSection(id))?
                .hidden = hidden;
        }
        DocEdit::RemoveSection(id) => {
            doc.remove_section(&id)?;
        }
        DocEdit::AddMeasure(section) => {
            let id = doc.add_measure(&section, Measure::new(LocalText::default()))?;
            return Ok(Created::Measure(id));
        }
        DocEdit::AddMeasures(section, measures) => {
            for m in measures {
                doc.add_measure(&section, m)?;
            }
        }
        DocEdit::SetMeasureKind(id, kind) => measure_mut(doc, &id)?.kind = kind,
        DocEdit::SetMeasureStatus(id, status) => measure_mut(doc, &id)?.status = status,
        DocEdit::MoveMeasure(id, up) => doc.move_measure(&id, up)?,
        DocEdit::RemoveMeasure(id) => {
            doc.remove_measure(&id)?;
        }
        DocEdit::ReplaceDocument(new) => *doc = *new,
    }
    Ok(Created::Nothing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CanonicalSection;
    use crate::store;

    fn editor() -> Editor {
        Editor::new(store::example(), None)
    }

    #[test]
    fn typing_merges_into_one_step() {
        let mut e = editor();
        let id = SectionId::from(CanonicalSection::Encryption);
        let field = TextField::SectionBody(id.clone());
        let original = e.doc().section(&id).map(|s| s.body.de.clone());
        for (i, text) in ["a", "ab", "abc"].iter().enumerate() {
            e.apply(
                DocEdit::SetText(field.clone(), Lang::De, (*text).into()),
                i as f64 * 0.1,
            )
            .unwrap();
        }
        assert!(e.is_dirty());
        assert!(e.undo());
        assert!(!e.can_undo());
        assert_eq!(e.doc().section(&id).map(|s| s.body.de.clone()), original);
        assert!(!e.is_dirty(), "undo back to the saved state is clean");
        assert!(e.redo());
        assert_eq!(e.doc().section(&id).unwrap().body.de, "abc");
    }

    #[test]
    fn a_pause_or_another_field_starts_a_new_step() {
        let mut e = editor();
        let id = SectionId::from(CanonicalSection::Encryption);
        let body = TextField::SectionBody(id.clone());
        e.apply(DocEdit::SetText(body.clone(), Lang::De, "a".into()), 0.0)
            .unwrap();
        e.apply(DocEdit::SetText(body.clone(), Lang::De, "ab".into()), 10.0)
            .unwrap();
        e.apply(
            DocEdit::SetText(TextField::SectionTitle(id.clone()), Lang::De, "T".into()),
            10.1,
        )
        .unwrap();
        assert!(e.undo());
        assert!(e.undo());
        assert_eq!(e.doc().section(&id).unwrap().body.de, "a");
    }

    #[test]
    fn pasted_decomposed_text_is_stored_composed() {
        let mut e = editor();
        let id = SectionId::from(CanonicalSection::Encryption);
        let body = TextField::SectionBody(id.clone());
        e.apply(
            DocEdit::SetText(body, Lang::De, "Pru\u{308}fung".into()),
            0.0,
        )
        .unwrap();
        assert_eq!(e.doc().section(&id).unwrap().body.de, "Prüfung");
    }

    #[test]
    fn a_refused_edit_changes_nothing() {
        let mut e = editor();
        let before = e.doc().clone();
        let err = e.apply(
            DocEdit::RemoveSection(SectionId::from(CanonicalSection::Encryption)),
            0.0,
        );
        assert!(err.is_err());
        assert_eq!(e.doc(), &before);
        assert!(!e.can_undo());
        assert!(!e.is_dirty());
    }

    #[test]
    fn add_measure_reports_its_id_and_undoes() {
        let mut e = editor();
        let id = SectionId::from(CanonicalSection::Encryption);
        let n = e.doc().section(&id).unwrap().measures.len();
        let Created::Measure(m) = e.apply(DocEdit::AddMeasure(id.clone()), 0.0).unwrap() else {
            panic!("no measure created");
        };
        assert!(e.doc().measure(&m).is_some());
        assert!(e.undo());
        assert_eq!(e.doc().section(&id).unwrap().measures.len(), n);
    }

    #[test]
    fn dropping_a_section_before_another() {
        let mut e = editor();
        let enc = SectionId::from(CanonicalSection::Encryption);
        let input = SectionId::from(CanonicalSection::Input);
        let avail = SectionId::from(CanonicalSection::Availability);
        // Down the same list: lands right before the target.
        e.apply(DocEdit::MoveSectionBefore(enc.clone(), avail.clone()), 0.0)
            .unwrap();
        let path_enc = e.doc().path_of(&enc).unwrap();
        let path_avail = e.doc().path_of(&avail).unwrap();
        assert_eq!(path_enc.len(), 1);
        assert_eq!(path_enc[0] + 1, path_avail[0]);
        // Into another level: becomes a sibling of the target.
        e.apply(DocEdit::MoveSectionBefore(enc.clone(), input.clone()), 0.0)
            .unwrap();
        let p = e.doc().path_of(&enc).unwrap();
        let q = e.doc().path_of(&input).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!((p[0], p[1] + 1), (q[0], q[1]));
        // Into its own subtree: refused, nothing changes.
        let conf = SectionId::from(CanonicalSection::Confidentiality);
        let phys = SectionId::from(CanonicalSection::PhysicalAccess);
        let before = e.doc().clone();
        assert!(
            e.apply(DocEdit::MoveSectionBefore(conf, phys), 0.0)
                .is_err()
        );
        assert_eq!(e.doc(), &before);
    }

    #[test]
    fn disk_changes_are_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.tom");
        store::save(&path, &store::example()).unwrap();
        let e = Editor::new(store::load(&path).unwrap(), Some(path.clone()));
        assert!(!e.changed_on_disk());
        std::fs::write(&path, "(format: 2, changed elsewhere").unwrap();
        assert!(e.changed_on_disk());
    }
}
