//! Benchmark: the diff of two ~100-page versions (issue 6: ≤ 10 ms).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tomwerk::diff::compare;
#[path = "common/changed.rs"]
mod changed;
use changed::modified;

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
