//! Benchmark: the diff of two ~100-page versions (issue 6: ≤ 10 ms).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tomwerk::diff::compare;
use tomwerk::model::{Document, MeasureStatus, SectionId};

/// A later version of `large_example(12)`: reworded paragraphs, moved and renamed
/// sections, changed, added and removed measures.
fn modified(doc: &Document) -> Document {
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

fn bench(c: &mut Criterion) {
    let old = tomwerk::store::large_example(12);
    let new = modified(&old);
    let d = compare(&old, &new);
    eprintln!(
        "{} changes: {}",
        d.changes.len(),
        d.summary().line(tomwerk::model::Lang::En)
    );
    c.bench_function("diff_100_pages", |b| {
        b.iter(|| compare(black_box(&old), black_box(&new)))
    });
    c.bench_function("diff_100_pages_identical", |b| {
        b.iter(|| compare(black_box(&old), black_box(&old)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
