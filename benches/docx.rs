//! Benchmarks of the DOCX export: the example and a ~100-page document (in PDF pages), and
//! the tracked-changes report between two ~100-page versions.

use criterion::{Criterion, criterion_group, criterion_main};
use time::macros::date;
use tomwerk::export::docx::{ReportSide, tracked_report};
use tomwerk::export::{self, ExportOptions, MeasureLayout, Release};
use tomwerk::model::{Document, Lang};

#[path = "common/changed.rs"]
mod changed;
use changed::modified;
use tomwerk::store::{self, TomFile};

fn side(document: Document, label: &str, fingerprint: &str) -> ReportSide {
    ReportSide {
        document,
        release: Release {
            label: Some(label.to_owned()),
            date: date!(2026 - 03 - 01),
            fingerprint: fingerprint.to_owned(),
            draft: false,
            newer: None,
        },
        history: Vec::new(),
        author: "Bench".to_owned(),
    }
}

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
    eprintln!(
        "docx sizes: example {} bytes, large {} bytes",
        export::docx(&example, &options).map_or(0, |b| b.len()),
        export::docx(&large, &options).map_or(0, |b| b.len())
    );
    c.bench_function("docx_example", |b| {
        b.iter(|| export::docx(&example, &options))
    });
    c.bench_function("docx_100_pages", |b| {
        b.iter(|| export::docx(&large, &options))
    });
    let old = side(large.working.clone(), "1.0", "aaaaaaaaaaaa");
    let new = side(modified(&large.working), "2.0", "bbbbbbbbbbbb");
    c.bench_function("docx_tracked_report_100_pages", |b| {
        b.iter(|| tracked_report(&old, &new, &options))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
