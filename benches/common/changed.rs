//! A later version of a large example document, shared by the benches that compare versions.

use tomwerk::model::{Document, MeasureStatus, SectionId};

/// A later version of a `large_example`: reworded paragraphs, moved and renamed
/// sections, changed, added and removed measures.
pub fn modified(doc: &Document) -> Document {
    let mut b = doc.clone();
    let customs: Vec<SectionId> = b
        .all_sections()
        .into_iter()
        .filter(|(s, _)| s.canonical().is_none())
        .map(|(s, _)| s.id.clone())
        .collect();
    for (k, id) in customs.iter().enumerate() {
        let Some(s) = b.section_mut(id) else { continue };
        if k % 4 == 0 {
            s.body.de = s
                .body
                .de
                .replacen("regelmäßig", "mindestens jährlich", 1)
                .replacen("stichprobenartig", "monatlich", 1);
            s.body.en = s.body.en.replacen("regularly", "at least once a year", 1);
        }
        if k % 9 == 0 {
            s.title.de.push_str(" (überarbeitet)");
        }
        if k % 5 == 0
            && let Some(m) = s.measures.first_mut()
        {
            m.status = MeasureStatus::Planned;
            m.text.de.push_str(" und Vier-Augen-Prinzip");
        }
        if k % 11 == 0 {
            s.measures.pop();
        }
    }
    for (k, id) in customs.iter().enumerate().step_by(13) {
        let target = if k % 2 == 0 {
            "evaluation"
        } else {
            "encryption"
        };
        let _ = b.move_section_to(id, Some(&target.into()), 0);
    }
    let _ = b.add_measure(
        &"encryption".into(),
        tomwerk::model::Measure::new(tomwerk::model::LocalText::new("HSM", "HSM")),
    );
    b
}
