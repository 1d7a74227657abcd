//! UI frame time: one headless `ui` pass of the editor on a ~100-page document.

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use tomwerk::app::{AppConfig, Selection, Settings, TomwerkApp};
use tomwerk::model::SectionId;
use tomwerk::store::{self, TomFile};

/// The editor on the ~100-page document (saved in `dir`) in a window `width` wide.
fn large_harness(dir: &std::path::Path, width: f32) -> Harness<'static, TomwerkApp> {
    let path = dir.join("large.tom");
    store::save(&path, &TomFile::new(store::large_example(12))).expect("save");
    let mut config = AppConfig::headless(dir);
    config.file = Some(path);
    // As in the real editor: the recovery copy is written 5 s after typing, not after
    // every keystroke (the headless default).
    config.autosave_delay = std::time::Duration::from_secs(5);
    Harness::builder()
        .with_size(egui::vec2(width, 900.0))
        .build_eframe(move |cc| {
            TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
        })
}

fn bench_ui(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = large_harness(dir.path(), 1280.0);
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

/// Spell checking the ~100-page document: the first check (every word looked up), a
/// re-check (the word cache is warm, as after each edit), and one edited section body.
fn bench_spelling(c: &mut Criterion) {
    let spellers = tomwerk::spell::Spellers::load(None);
    if spellers.de.is_none() && spellers.en.is_none() {
        eprintln!("skipped: no Hunspell dictionaries");
        return;
    }
    let doc = store::large_example(12);
    let start = std::time::Instant::now();
    let findings = tomwerk::checks::spelling::run(&doc, &spellers);
    eprintln!(
        "first spell check, 100-page document: {:.1} ms, {} findings",
        start.elapsed().as_secs_f64() * 1000.0,
        findings.len()
    );
    c.bench_function("spell check, 100-page document, warm word cache", |b| {
        b.iter(|| tomwerk::checks::spelling::run(&doc, &spellers))
    });
    let Some(de) = spellers.de.as_ref() else {
        return;
    };
    let body = doc
        .all_sections()
        .into_iter()
        .map(|(s, _)| s.body.de.clone())
        .max_by_key(String::len)
        .unwrap_or_default();
    let mut edited = body.clone();
    edited.push_str(" Neuerdings prüfen wir monatlich.");
    c.bench_function("spell check, one edited section body (incremental)", |b| {
        b.iter(|| tomwerk::spell::misspelled(&edited, de, &[]))
    });
}

/// Issue 17: a frame with formatted editing and the page preview open, a frame with a
/// keystroke in the longest section body, and the preview's layout (its latency after
/// the 150 ms pause in typing).
fn bench_document_editor(c: &mut Criterion) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = large_harness(dir.path(), 1600.0);
    // The section with the longest body, in the document's primary language.
    let doc = harness.state().editor.doc().clone();
    let lang = doc.meta.primary_language;
    let (id, chars) = doc
        .all_sections()
        .into_iter()
        .map(|(s, _)| (s.id.clone(), s.body.get(lang).chars().count()))
        .max_by_key(|(_, n)| *n)
        .expect("sections");
    eprintln!("longest section body: {chars} characters");
    harness.state_mut().view.selection = Selection::Section(id);
    harness.state_mut().view.preview = true;
    harness.run();
    for _ in 0..600 {
        harness
            .state_mut()
            .preview
            .finish(std::time::Duration::from_secs(60));
        harness.run();
        let key = harness.state().preview_key();
        if harness.state().preview.shown_key() == Some(&key) {
            break;
        }
    }
    let pages = harness
        .state()
        .preview
        .pages()
        .map_or(0, |p| p.layout.pages.len());
    eprintln!("preview pages: {pages}");
    c.bench_function(
        "ui pass, 100-page document, formatted editing + page preview",
        |b| b.iter(|| harness.step()),
    );
    // The headless editor's interface is English.
    let label = "Body text";
    harness
        .get_by_role_and_label(Role::MultilineTextInput, label)
        .click();
    harness.run();
    c.bench_function(
        "ui pass with a keystroke, longest section, formatted editing + preview",
        |b| {
            b.iter(|| {
                harness
                    .get_by_role_and_label(Role::MultilineTextInput, label)
                    .type_text("x");
                harness.step();
            })
        },
    );
    let file = harness.state().editor.file.clone();
    let key = harness.state().preview_key();
    let options = tomwerk::app::preview::export_options(&file, &key, harness.state().today());
    c.bench_function("page preview layout, 100-page document", |b| {
        b.iter(|| tomwerk::app::preview::lay_out(&file, &options))
    });
}

criterion_group!(benches, bench_ui, bench_spelling, bench_document_editor);
criterion_main!(benches);
