//! Load and save of a .tom file holding 500 released versions of the example (goal: ≤ 30 ms each).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tomwerk::store::{self, TomFile};

/// The example with 500 releases, each a small realistic edit of the one before.
fn five_hundred_versions() -> TomFile {
    let mut file = store::example();
    let start = file.versions.len();
    let mut day = time::macros::date!(2026 - 04 - 01);
    for i in start..500 {
        file.working.intro.de = format!("{} (Revision {i})", store::example().working.intro.de);
        file.working.intro.en = format!("{} (revision {i})", store::example().working.intro.en);
        day = day.next_day().unwrap_or(day);
        let label = format!("3.{i}");
        if let Err(e) = file.release(&label, day, "Bench", "Routine review") {
            panic!("release {label}: {e}");
        }
    }
    file
}

fn bench(c: &mut Criterion) {
    let file = five_hundred_versions();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("history.tom");
    store::save(&path, &file).expect("save");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("file with {} versions: {size} bytes", file.versions.len());

    let mut g = c.benchmark_group("store_500_versions");
    g.sample_size(20);
    g.bench_function("load", |b| {
        b.iter(|| black_box(store::load(&path).expect("load")))
    });
    g.bench_function("save", |b| {
        b.iter(|| store::save(&path, black_box(&file)).expect("save"))
    });
    g.bench_function("verify", |b| {
        b.iter(|| black_box(&file).verify().expect("verify"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
