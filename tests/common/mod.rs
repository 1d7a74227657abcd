//! Fixtures shared by the editor's test files (each `tests/*.rs` is its own crate).

use tomwerk::model::{Document, Lang, LocalText, SectionId};
use tomwerk::store::{self, TomFile};

/// Saves at `path` a German template with version 1.1 of 15 September 2025 and a working copy
/// whose English encryption text changed since, with `last_review` as the last review date.
pub fn file_with_version(path: &std::path::Path, last_review: Option<time::Date>) {
    let mut doc = Document::empty_template(Lang::De, "Muster GmbH");
    doc.meta.last_review = last_review;
    doc.section_mut(&SectionId::from("encryption"))
        .expect("the template has an encryption section")
        .body = LocalText::new("Daten werden verschlüsselt.", "Data is encrypted.");
    let mut file = TomFile::new(doc);
    file.release("1.1", time::macros::date!(2025 - 09 - 15), "DSB", "")
        .expect("the first release succeeds");
    file.working
        .section_mut(&SectionId::from("encryption"))
        .expect("the template has an encryption section")
        .body
        .en = "Data is encrypted with AES.".into();
    store::save(path, &file).expect("the fixture is written");
}
