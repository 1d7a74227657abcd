//! Issue 19.8: import of 100,000 headings with its report, and `check` on 30,000
//! sections, each with the lines the CLI prints: both must stay linear.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tomwerk::checks::{self, Places};
use tomwerk::import::import_markdown;
use tomwerk::model::Lang;
use tomwerk::store::TomFile;

/// A Markdown TOM with `n` second-level headings, each with one line of text.
fn headings(n: usize) -> String {
    let mut text = String::from("# TOM\n\n");
    for i in 0..n {
        text.push_str(&format!("## Abschnitt {i}\n\nText {i}.\n\n"));
    }
    text
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("integrity");
    group.sample_size(10);
    let text = headings(100_000);
    group.bench_function("import_100k_headings_with_report", |b| {
        b.iter(|| {
            let imported = import_markdown(black_box(&text), Some(Lang::De)).expect("imports");
            tomwerk::cli::report_lines(&imported.document, &imported.report, Lang::De).len()
        })
    });
    let doc = import_markdown(&headings(30_000), Some(Lang::De))
        .expect("imports")
        .document;
    let file = TomFile::new(doc);
    let today = time::macros::date!(2026 - 12 - 03);
    group.bench_function("check_30k_sections_with_lines", |b| {
        b.iter(|| {
            let findings = checks::run(black_box(&file), today);
            let places = Places::new(&file.working);
            findings
                .iter()
                .map(|f| f.line_in(&places, Lang::De).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
