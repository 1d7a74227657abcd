//! UI tests of importing in the editor: a Word file dropped on the window is imported and
//! the report (heading map, summary, warnings) is shown before anything is saved.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use tomwerk::app::{AppConfig, Settings, TomwerkApp};
use tomwerk::model::{CanonicalSection, SectionId};

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/formats")
        .join(name)
}

fn harness(data: &std::path::Path) -> Harness<'static, TomwerkApp> {
    let config = AppConfig::headless(data);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
        })
}

/// A file as the window system hands it over on a drop.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(h: &mut Harness<'_, TomwerkApp>, path: std::path::PathBuf) {
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    h.run();
}

#[test]
fn a_dropped_docx_is_imported_with_its_report_and_warnings() {
    let data = tempfile::tempdir().unwrap();
    let source = fixture("art32-en.docx");
    let before = std::fs::read(&source).unwrap();
    let mut h = harness(data.path());
    h.run();
    drop_file(&mut h, source.clone());
    h.get_by_label("Import finished");
    h.get_by_label("13 headings: 13 in canonical sections, 0 custom sections");
    // The warning names where the image sat (the heading above it and the paragraph).
    h.get_by_label_contains("1 image or drawing not imported (under “");
    h.get_by_label("The file had tracked changes: read with all changes accepted");
    h.get_by_label("3.1 Physical access control");
    h.get_by_label("OK").click();
    h.run();
    let doc = h.state().editor.doc().clone();
    let physical = doc
        .section(&SectionId::from(CanonicalSection::PhysicalAccess))
        .unwrap();
    assert!(
        physical.body.en.contains("personal key cards"),
        "{}",
        physical.body.en
    );
    assert!(h.state().editor.is_dirty(), "an import is unsaved work");
    assert_eq!(
        std::fs::read(&source).unwrap(),
        before,
        "the source is untouched"
    );
}

#[test]
fn a_dropped_html_page_is_imported_and_a_broken_file_gets_one_line() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(data.path());
    h.run();
    drop_file(&mut h, fixture("s64-de.html"));
    h.get_by_label("Import finished");
    h.get_by_label("OK").click();
    h.run();
    let doc = h.state().editor.doc().clone();
    let recovery = doc
        .section(&SectionId::from(CanonicalSection::Recovery))
        .unwrap();
    assert!(
        recovery.body.de.contains("Wiederherstellungstest"),
        "{}",
        recovery.body.de
    );
    // A truncated DOCX: an error dialog, no panic. The editor holds the unsaved import,
    // so the unsaved-changes question comes first.
    let broken = data.path().join("kaputt.docx");
    let bytes = std::fs::read(fixture("bdsg-de.docx")).unwrap();
    std::fs::write(&broken, &bytes[..bytes.len() / 2]).unwrap();
    drop_file(&mut h, broken);
    h.get_by_label("The document has changes that are not saved. Save them first?");
    h.get_by_label("Discard changes").click();
    h.run();
    // The error names the file and what is wrong with it, on one line.
    h.get_by_label_contains("kaputt.docx: not a readable DOCX or ODT (zip) file");
    // The imported document is still the one in the editor.
    assert!(
        h.state()
            .editor
            .doc()
            .section(&SectionId::from(CanonicalSection::Recovery))
            .is_some()
    );
}
