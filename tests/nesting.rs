//! Issue 19.4: lists and quotes nested up to 100,000 levels deep export as PDF, DOCX and
//! Markdown (also as a released version) and show in the preview without overflowing the
//! stack; levels beyond `MAX_NESTING` are flattened with a warning.

use egui_kittest::Harness;
use proptest::prelude::*;
use time::macros::date;
use tomwerk::app::{AppConfig, Settings, TomwerkApp};
use tomwerk::export::blocks::{MAX_NESTING, markdown_blocks, nesting_depth};
use tomwerk::export::{self, Block, ExportOptions, MeasureLayout};
use tomwerk::model::{Document, Lang, LocalText, SectionId};
use tomwerk::store::{self, TomFile};

/// `depth` levels of one nesting kind, with text at the bottom.
fn nested(kind: usize, depth: usize) -> String {
    let marker = ["- ", "> ", "1. ", "- > "][kind % 4];
    format!("Vorher.\n\n{}tief\n\nNachher.\n", marker.repeat(depth))
}

fn file_with(body: &str) -> TomFile {
    let mut doc = Document::empty_template(Lang::De, "Muster GmbH");
    doc.section_mut(&SectionId::from("encryption"))
        .unwrap()
        .body = LocalText::new(body, "Encrypted.");
    let mut file = TomFile::new(doc);
    file.release("1.0", date!(2026 - 11 - 27), "A", "n")
        .unwrap();
    file
}

fn options(version: Option<&str>) -> ExportOptions {
    ExportOptions {
        lang: Lang::De,
        version: version.map(str::to_owned),
        toc: false,
        history: true,
        measures: MeasureLayout::List,
        date: date!(2026 - 11 - 27),
    }
}

/// The deepest list nesting of a block tree, walked without recursion.
fn list_depth(blocks: &[Block]) -> usize {
    let mut deepest = 0;
    let mut todo: Vec<(&Block, usize)> = blocks.iter().map(|b| (b, 0)).collect();
    while let Some((block, depth)) = todo.pop() {
        if let Block::List { items, .. } = block {
            deepest = deepest.max(depth + 1);
            todo.extend(items.iter().flatten().map(|b| (b, depth + 1)));
        }
    }
    deepest
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn deep_nesting_exports_in_every_format(kind in 0usize..4, depth in prop_oneof![0usize..40, 1_000usize..100_000]) {
        let body = nested(kind, depth);
        let blocks = markdown_blocks(&body, 3);
        prop_assert!(list_depth(&blocks) <= MAX_NESTING);
        prop_assert!(markdown_blocks(&body, 3).iter().any(|b| format!("{b:?}").contains("tief")), "the deepest text is kept");
        let file = file_with(&body);
        for version in [None, Some("1.0")] {
            let opts = options(version);
            let pdf = export::pdf(&file, &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(pdf.pages >= 1);
            let flattened = pdf.warnings.iter().any(|w| w.contains("Ebenen"));
            prop_assert_eq!(flattened, nesting_depth(&body) > MAX_NESTING);
            let docx = export::docx(&file, &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(docx.starts_with(b"PK"));
            let md = export::markdown::markdown(&file, &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(md.contains("tief"));
        }
    }
}

/// The preview of a 100,000-level list renders (it built 4 spaces per level per item).
#[test]
fn the_preview_shows_a_very_deep_list() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.tom");
    store::save(&path, &file_with(&nested(0, 100_000))).unwrap();
    let mut config = AppConfig::headless(data.path());
    config.file = Some(path);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |cc| {
            TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
        });
    h.run();
    h.state_mut().view.selection = tomwerk::app::Selection::Section(SectionId::from("encryption"));
    h.state_mut().view.preview = true;
    let started = std::time::Instant::now();
    h.run();
    assert!(started.elapsed().as_secs() < 60);
}
