//! UI tests of the Word exports: File → Export as Word and the compare view's change report
//! as Word with tracked changes, driven by the labels a user sees (egui_kittest).

use std::io::Read as _;
use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use tomwerk::app::{AppConfig, DocEdit, Settings, TextField, TomwerkApp};
use tomwerk::model::{CanonicalSection, Lang, SectionId};

fn app(data: &Path) -> Harness<'static, TomwerkApp> {
    let config = AppConfig::headless(data);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
        })
}

fn menu(h: &mut Harness<'_, TomwerkApp>, menu: &str, entry: &str) {
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label_contains(entry).click();
    h.run();
}

fn pick(h: &mut Harness<'_, TomwerkApp>, combo: &str, entry: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run();
    h.get_all_by_label(entry)
        .last()
        .unwrap_or_else(|| panic!("no entry {entry}"))
        .click();
    h.run();
}

/// Types `target` into the in-app path field (there is no dialog service in tests),
/// confirms, and steps until the export worker's toast says it is written.
fn write_to(h: &mut Harness<'_, TomwerkApp>, target: &Path) {
    h.get_by_role_and_label(Role::TextInput, "Path").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(target.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    let written = |h: &Harness<'_, TomwerkApp>| {
        h.state()
            .toast_texts()
            .iter()
            .any(|t| t.contains("Word file written"))
    };
    for _ in 0..600 {
        if written(h) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        // A spinner runs while exporting: step, do not wait to settle.
        h.step();
    }
    assert!(written(h), "{:?}", h.state().toast_texts());
    h.run();
    // The same "Open" action as after a PDF export.
    h.get_by_label("Open");
}

fn document_xml(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("the DOCX is written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn file_export_as_word_writes_the_same_docx_as_the_cli() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("tom.docx");
    let mut h = app(data.path());
    menu(&mut h, "File", "Export as Word");
    h.get_by_label("Export as Word");
    write_to(&mut h, &target);
    let options = tomwerk::export::ExportOptions {
        lang: h.state().edit_lang(),
        version: None,
        toc: false,
        history: true,
        measures: tomwerk::export::MeasureLayout::List,
        date: h.state().today(),
    };
    let expected = tomwerk::export::docx(&h.state().editor.file, &options).unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), expected);
}

/// The compare view writes the comparison as tracked changes; a section hidden in the
/// working copy never reaches it, even while the internal "include hidden" view is on.
#[test]
fn compare_view_writes_the_tracked_word_report_without_hidden_sections() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("changes.docx");
    let mut h = app(data.path());
    let secret = "Interne Notiz zum Dienstleister";
    let encryption = SectionId::from(CanonicalSection::Encryption);
    {
        let editor = &mut h.state_mut().editor;
        editor
            .apply(
                DocEdit::SetText(
                    TextField::SectionBody(encryption.clone()),
                    Lang::En,
                    secret.into(),
                ),
                0.0,
            )
            .unwrap();
        editor
            .apply(DocEdit::SetHidden(encryption, true), 1.0)
            .unwrap();
    }
    h.run();
    menu(&mut h, "View", "Compare versions");
    pick(&mut h, "From", "Version 1.0");
    pick(&mut h, "To", "Working copy");
    pick(&mut h, "Language", "English");
    h.get_by_label("Include hidden sections (internal)").click();
    h.run();
    h.get_by_label("Change report as Word (tracked changes)…")
        .click();
    h.run();
    write_to(&mut h, &target);
    let xml = document_xml(&target);
    assert!(!xml.contains(secret), "a hidden section reached the report");
    assert!(xml.contains("<w:ins ") && xml.contains("<w:del "));
    assert!(
        xml.contains("Version 1.0"),
        "the cover names the older side"
    );
    assert!(
        xml.contains("Working copy of"),
        "the cover names the working copy"
    );
}
