//! UI frame time: one headless `ui` pass of the editor on a ~100-page document.

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use tomwerk::app::{AppConfig, Selection, Settings, TomwerkApp};
use tomwerk::model::SectionId;
use tomwerk::store::{self, TomFile};

fn bench_ui(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.tom");
    store::save(&path, &TomFile::new(store::large_example(12))).expect("save");
    let mut config = AppConfig::headless(dir.path());
    config.file = Some(path);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |cc| {
            TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
        });
    // A section with prose and measures, as a user would have open.
    let id = harness
        .state()
        .editor
        .doc()
        .all_sections()
        .into_iter()
        .find(|(s, _)| s.id.as_str().starts_with("custom-") && !s.measures.is_empty())
        .map(|(s, _)| s.id.clone())
        .unwrap_or_else(|| SectionId::from("encryption"));
    harness.state_mut().view.selection = Selection::Section(id);
    harness.run();
    c.bench_function("ui pass, 100-page document, section selected", |b| {
        b.iter(|| harness.step())
    });
    harness.state_mut().view.selection = Selection::Document;
    harness.run();
    c.bench_function("ui pass, 100-page document, document form", |b| {
        b.iter(|| harness.step())
    });
}

criterion_group!(benches, bench_ui);
criterion_main!(benches);
