//! Unicode NFC for every text of a document: "u" + combining diaeresis becomes "ü".
//!
//! Text pasted from macOS, or written by some tools, arrives decomposed (NFD). Fonts place
//! a combining mark after its base glyph, so it prints as "Pru¨fung", search and the spell
//! checker miss it, and two spellings of one word make a diff. Import, paste and load
//! therefore normalise to NFC (composed) form.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::document::{Document, LocalText, Section};

/// `text` in NFC; borrowed (no copy) when it already is, which is nearly always.
pub fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => {
            let composed: String = text.nfc().collect();
            if composed == text {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(composed)
            }
        }
    }
}

/// Normalises `text` in place; true when it changed.
pub fn to_nfc(text: &mut String) -> bool {
    match nfc(text) {
        Cow::Borrowed(_) => false,
        Cow::Owned(composed) => {
            *text = composed;
            true
        }
    }
}

fn local_to_nfc(text: &mut LocalText) -> bool {
    // Both languages, without short-circuiting.
    to_nfc(&mut text.de) | to_nfc(&mut text.en)
}

fn section_to_nfc(section: &mut Section) -> bool {
    let mut changed = local_to_nfc(&mut section.title) | local_to_nfc(&mut section.body);
    for m in &mut section.measures {
        changed |= local_to_nfc(&mut m.text) | local_to_nfc(&mut m.note);
    }
    for child in &mut section.children {
        changed |= section_to_nfc(child);
    }
    changed
}

impl Document {
    /// Normalises every text of the document (metadata, intro, titles, bodies, measures,
    /// notes, the dictionary) to NFC; true when anything changed. Ids are left alone.
    pub fn normalize_nfc(&mut self) -> bool {
        let m = &mut self.meta;
        let mut changed = to_nfc(&mut m.organisation.name)
            | to_nfc(&mut m.organisation.address)
            | local_to_nfc(&mut m.title)
            | local_to_nfc(&mut m.purpose)
            | local_to_nfc(&mut m.responsible)
            | to_nfc(&mut m.dpo_contact);
        for value in m.extra.values_mut() {
            changed |= to_nfc(value);
        }
        if m.extra.keys().any(|k| matches!(nfc(k), Cow::Owned(_))) {
            m.extra = std::mem::take(&mut m.extra)
                .into_iter()
                .map(|(k, v)| (nfc(&k).into_owned(), v))
                .collect();
            changed = true;
        }
        if m.dictionary.iter().any(|w| matches!(nfc(w), Cow::Owned(_))) {
            m.dictionary = m.dictionary.iter().map(|w| nfc(w).into_owned()).collect();
            changed = true;
        }
        changed |= local_to_nfc(&mut self.intro);
        for s in &mut self.sections {
            changed |= section_to_nfc(s);
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn decomposed_text_is_composed() {
        assert_eq!(nfc("Pru\u{308}fung"), "Prüfung");
        assert!(matches!(nfc("Prüfung"), Cow::Borrowed(_)));
        // A mark with no precomposed form stays a combining mark after its base.
        assert_eq!(nfc("q\u{308}"), "q\u{308}");
        let mut doc = Document::empty_template(Lang::De, "Mu\u{308}ller GmbH");
        doc.sections[0].body.de = "Schlu\u{308}ssel".into();
        doc.meta.dictionary.insert("Gro\u{308}ße".into());
        assert!(doc.normalize_nfc());
        assert_eq!(doc.meta.organisation.name, "Müller GmbH");
        assert_eq!(doc.sections[0].body.de, "Schlüssel");
        assert!(doc.meta.dictionary.contains("Größe"));
        assert!(!doc.normalize_nfc());
    }
}
