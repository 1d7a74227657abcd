//! Benchmarks of the DOCX export: the example and a ~100-page document (in PDF pages).

use criterion::{Criterion, criterion_group, criterion_main};
use time::macros::date;
use tomwerk::export::{self, ExportOptions, MeasureLayout};
use tomwerk::model::Lang;
use tomwerk::store::{self, TomFile};

fn bench(c: &mut Criterion) {
    let options = ExportOptions {
        lang: Lang::De,
        version: None,
        toc: true,
        history: true,
        measures: MeasureLayout::List,
        date: date!(2026 - 03 - 05),
    };
    let example = store::example();
    let large = TomFile::new(store::large_example(24));
    c.bench_function("docx_example", |b| {
        b.iter(|| export::docx(&example, &options))
    });
    c.bench_function("docx_100_pages", |b| {
        b.iter(|| export::docx(&large, &options))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
