//! Import speed: a 10 MB Markdown TOM (many numbered sections of prose, lists and tables).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tomwerk::import::import_markdown;

/// About `bytes` of realistic Markdown: the Art. 32 layout repeated, with lists and tables.
fn document(bytes: usize) -> String {
    let section = "## {n}. Regelung {n}\n\nDie Verantwortlichen prüfen regelmäßig, ob die getroffenen Maßnahmen dem Stand der Technik entsprechen, und dokumentieren Abweichungen nachvollziehbar.\nZusätzlich gilt:\n- Zugriffe werden protokolliert\n- Protokolle werden **revisionssicher** aufbewahrt\n  - Auswertung stichprobenartig\n\n| Technische Maßnahmen | Organisatorische Maßnahmen |\n|---|---|\n| Verschlüsselung | Schulung |\n\n### {n}.1. Zutrittskontrolle\n\nBesucher werden begleitet, siehe [Richtlinie](https://example.org/richtlinie).\n\n";
    let mut text = String::from(
        "---\norganisation: Beispiel GmbH\nStand: 01.03.2026\n---\n\n# Technische und organisatorische Maßnahmen\n\nEinleitung.\n\n",
    );
    let mut n = 1;
    while text.len() < bytes {
        text.push_str(&section.replace("{n}", &n.to_string()));
        n += 1;
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = document(10 << 20);
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("markdown_10mb", |b| {
        b.iter(|| import_markdown(black_box(&text), None).map(|i| i.report.mappings.len()))
    });
    let small = document(100 << 10);
    group.bench_function("markdown_100kb", |b| {
        b.iter(|| import_markdown(black_box(&small), None).map(|i| i.report.mappings.len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
