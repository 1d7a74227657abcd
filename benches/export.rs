//! Benchmarks of the PDF export: the example, a ~100-page document, and the example's size.

use criterion::{Criterion, criterion_group, criterion_main};
use time::macros::date;
use tomwerk::export::{self, ExportOptions, MeasureLayout};
use tomwerk::model::Lang;
use tomwerk::store::{self, TomFile};

fn options() -> ExportOptions {
    ExportOptions {
        lang: Lang::De,
        version: None,
        toc: false,
        history: false,
        measures: MeasureLayout::List,
        date: date!(2026 - 03 - 05),
    }
}

fn bench(c: &mut Criterion) {
    let example = store::example();
    let large = TomFile::new(store::large_example(24));
    let opts = options();
    // Figures the issue asks for, printed once so they land in the bench log.
    if let Ok(out) = export::pdf(&example, &opts) {
        println!(
            "example: {} pages, {} bytes ({:.1} KB)",
            out.pages,
            out.bytes.len(),
            out.bytes.len() as f64 / 1024.0
        );
    }
    if let Ok(out) = export::pdf(&large, &opts) {
        println!(
            "large_example(24): {} pages, {} bytes ({:.1} KB)",
            out.pages,
            out.bytes.len(),
            out.bytes.len() as f64 / 1024.0
        );
    }
    // Warm: the font subsets of the previous export are reused (the editor's case: it
    // exports the same document again and again). Cold: every face subset anew.
    c.bench_function("export_pdf_example", |b| {
        b.iter(|| export::pdf(&example, &opts).map(|o| o.bytes.len()))
    });
    c.bench_function("export_pdf_example_cold", |b| {
        b.iter(|| {
            export::pdf::forget_subsets();
            export::pdf(&example, &opts).map(|o| o.bytes.len())
        })
    });
    // The phases, to see where the time goes.
    let fonts = export::fonts::fonts().expect("fonts");
    c.bench_function("example_prepare_blocks", |b| {
        b.iter(|| export::prepare(&example, &opts).map(|p| p.0.len()))
    });
    if let Ok((blocks, furniture, meta)) = export::prepare(&example, &opts) {
        c.bench_function("example_layout", |b| {
            b.iter(|| {
                export::layout::layout(&blocks, &furniture, meta.lang, fonts, &Default::default())
                    .pages
                    .len()
            })
        });
        let laid =
            export::layout::layout(&blocks, &furniture, meta.lang, fonts, &Default::default());
        c.bench_function("example_write_pdf", |b| {
            b.iter(|| export::pdf::write(&laid, &meta, fonts).map(|v| v.len()))
        });
    }
    let mut group = c.benchmark_group("large");
    group.sample_size(20);
    group.bench_function("export_pdf_large_example_24", |b| {
        b.iter(|| export::pdf(&large, &opts).map(|o| o.bytes.len()))
    });
    group.bench_function("export_pdf_large_example_24_cold", |b| {
        b.iter(|| {
            export::pdf::forget_subsets();
            export::pdf(&large, &opts).map(|o| o.bytes.len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
