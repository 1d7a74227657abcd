//! UI tests of the compare view, the checks panel, the catalogue dialog and the Word exports: the real
//! editor, headless, driven by the labels a user sees (egui_kittest + AccessKit).

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use tomwerk::app::{AppConfig, Selection, Settings, TomwerkApp};
use tomwerk::catalogue::Catalogue;
use tomwerk::diff;
use tomwerk::model::{CanonicalSection, Lang, SectionId};
use tomwerk::store;

fn harness(config: AppConfig) -> Harness<'static, TomwerkApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
        })
}

fn app(data: &Path) -> Harness<'static, TomwerkApp> {
    harness(AppConfig::headless(data))
}

fn menu(h: &mut Harness<'_, TomwerkApp>, menu: &str, entry: &str) {
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label_contains(entry).click();
    h.run();
}

/// Opens a combo box by its accessible name and picks an entry by its label.
fn pick(h: &mut Harness<'_, TomwerkApp>, combo: &str, entry: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run();
    // The closed combo box shows its value too: the popup's entry is the last match.
    h.get_all_by_label(entry)
        .last()
        .unwrap_or_else(|| panic!("no entry {entry}"))
        .click();
    h.run();
}

fn encryption() -> SectionId {
    SectionId::from(CanonicalSection::Encryption)
}

fn measures_in(h: &Harness<'_, TomwerkApp>, id: &SectionId) -> Vec<String> {
    h.state()
        .editor
        .doc()
        .section(id)
        .map(|s| s.measures.iter().map(|m| m.text.en.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn compare_two_versions_and_step_through_the_changes() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    menu(&mut h, "View", "Edit English content");
    menu(&mut h, "View", "Compare versions");
    pick(&mut h, "From", "Version 1.0");
    pick(&mut h, "To", "Version 2.0");

    let file = &h.state().editor.file;
    let old = file.version("1.0").unwrap().document().unwrap();
    let new = file.version("2.0").unwrap().document().unwrap();
    let expected = diff::compare(&old, &new);
    let total = expected.changes.len();
    assert!(total > 2, "the example's versions differ");
    h.get_by_label(&expected.summary().line(Lang::En));
    h.get_by_label(&format!("{total} changes, none selected"));

    h.get_by_label("Next change").click();
    h.run();
    h.get_by_label(&format!("Change 1 of {total}"));
    h.get_by_label("Next change").click();
    h.run();
    h.get_by_label(&format!("Change 2 of {total}"));
    // F8 and Shift+F8 step as well.
    h.key_press(Key::F8);
    h.run();
    h.get_by_label(&format!("Change 3 of {total}"));
    h.key_press_modifiers(Modifiers::SHIFT, Key::F8);
    h.run();
    h.get_by_label(&format!("Change 2 of {total}"));

    // Another pair recomputes and starts again from no selection.
    pick(&mut h, "To", "Version 1.0");
    h.get_by_label("No changes");
    h.get_by_label("0 changes, none selected");

    // Escape closes the window, as it closes a dialog.
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("0 changes, none selected").is_none());
}

#[test]
fn the_change_report_is_written_as_pdf() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.pdf");
    let mut h = app(data.path());
    menu(&mut h, "View", "Compare versions");
    pick(&mut h, "From", "Version 1.0");
    pick(&mut h, "To", "Working copy");
    h.get_by_label("Export change report…").click();
    h.run();
    write_through_path_field(&mut h, &target, "PDF written");
    let bytes = std::fs::read(&target).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert!(bytes.len() > 1000);
}

#[test]
fn a_finding_leads_to_its_section() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gap.tom");
    let mut file = store::example();
    let section = file.working.section_mut(&encryption()).unwrap();
    section.body = Default::default();
    section.measures.clear();
    store::save(&path, &file).unwrap();

    let mut config = AppConfig::headless(data.path());
    config.file = Some(path);
    let mut h = harness(config);
    menu(&mut h, "View", "Edit English content");
    assert_ne!(h.state().view.selection, Selection::Section(encryption()));
    menu(&mut h, "View", "Checks");
    h.run();
    h.run();
    // The checks ran once, not once per frame.
    assert_eq!(h.state().checks_runs(), 1);
    let before = h.get_all_by_label("2. Encryption").count();
    h.get_by_label_contains("neither text nor measures").click();
    h.run();
    assert_eq!(h.state().view.selection, Selection::Section(encryption()));
    // The section editor now shows the section's heading next to the tree entry.
    assert_eq!(h.get_all_by_label("2. Encryption").count(), before + 1);
    assert_eq!(h.state().checks_runs(), 1, "selecting is no change");

    // Filling the section is a change: the checks run again and the finding is gone.
    h.get_by_label("Add measure").click();
    h.run();
    h.get_all_by_role_and_label(Role::MultilineTextInput, "Measure")
        .last()
        .unwrap()
        .type_text("Disk encryption");
    h.run();
    assert!(h.state().checks_runs() > 1);
    assert!(
        h.query_by_label_contains("neither text nor measures")
            .is_none()
    );
}

#[test]
fn adding_two_measures_from_the_catalogue_is_one_undo_step() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    menu(&mut h, "View", "Edit English content");
    h.get_by_label("2. Encryption").click();
    h.run();
    let before = measures_in(&h, &encryption());
    let doc = h.state().editor.doc().clone();
    let fresh: Vec<_> = Catalogue::builtin()
        .for_section(CanonicalSection::Encryption)
        .filter(|e| e.find_in(&doc).is_none())
        .collect();
    assert!(fresh.len() >= 2);
    let present = Catalogue::builtin()
        .for_section(CanonicalSection::Encryption)
        .find(|e| e.find_in(&doc).is_some());

    // The button under the measures may be below the fold.
    h.get_by_label("Add from catalogue…").scroll_to_me();
    h.run();
    h.get_by_label("Add from catalogue…").click();
    h.run();
    h.get_by_label("Adds to: 2. Encryption");
    // Entries already in the document are marked.
    if let Some(p) = present {
        assert!(
            h.get_by_role_and_label(Role::CheckBox, &p.en)
                .accesskit_node()
                .is_disabled()
        );
        h.get_all_by_label_contains("already in").next().unwrap();
    }
    // The search narrows the list.
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text(&fresh[0].en);
    h.run();
    assert!(h.query_by_label(&fresh[1].en).is_none());
    h.get_by_role_and_label(Role::CheckBox, &fresh[0].en)
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    h.get_by_role_and_label(Role::CheckBox, &fresh[1].en)
        .click();
    h.run();
    h.get_by_label("2 selected");
    h.get_by_label("Add selected").click();
    h.run();

    let after = measures_in(&h, &encryption());
    assert_eq!(after.len(), before.len() + 2);
    assert!(after.contains(&fresh[0].en) && after.contains(&fresh[1].en));
    // Catalogue measures arrive as planned, never as implemented (issue 20.1).
    let added: Vec<tomwerk::model::MeasureStatus> = h
        .state()
        .editor
        .doc()
        .section(&encryption())
        .unwrap()
        .measures
        .iter()
        .filter(|m| m.text.en == fresh[0].en || m.text.en == fresh[1].en)
        .map(|m| m.status)
        .collect();
    assert_eq!(added, vec![tomwerk::model::MeasureStatus::Planned; 2]);
    assert!(
        h.query_by_label("Adds to: 2. Encryption").is_none(),
        "closed"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        measures_in(&h, &encryption()),
        before,
        "one undo removes both"
    );
}

#[test]
fn a_released_version_is_exported_from_the_history() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("v1.pdf");
    // "Now" injected, so the PDF's creation date (with the time of day since issue 16) is the
    // same in the app's export and the one it is compared with.
    let mut config = AppConfig::headless(data.path());
    config.today = Some(time::macros::date!(2026 - 03 - 05));
    let mut h = harness(config);
    let oldest = h.state().editor.file.versions[0].label.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run();
    // Newest first: the last "PDF…" button belongs to the oldest version.
    h.get_all_by_label("PDF…").last().unwrap().click();
    h.run();
    // The export dialog (issue 15.9) preselects the version being viewed.
    h.get_by_label("Export…").click();
    h.run();
    write_through_path_field(&mut h, &target, "PDF written");
    let bytes = std::fs::read(&target).expect("the version's PDF is written");
    // The PDF is of that version, not of the working copy: compare with a CLI-style export.
    let options = tomwerk::export::ExportOptions {
        // The language being edited: the example opens in the UI language (issue 20.2).
        lang: tomwerk::model::Lang::En,
        version: Some(oldest.clone()),
        toc: false,
        history: true,
        measures: tomwerk::export::MeasureLayout::List,
        date: h.state().today(),
    };
    let expected =
        tomwerk::export::pdf_at(&h.state().editor.file, &options, h.state().now()).unwrap();
    assert_eq!(bytes, expected.bytes, "exported version {oldest}");
}

#[test]
fn the_compare_view_hides_hidden_sections_unless_asked() {
    use tomwerk::app::{DocEdit, TextField};
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    // An internal note in a section hidden in the working copy.
    let secret = "Interne Notiz zum Dienstleister";
    {
        let editor = &mut h.state_mut().editor;
        editor
            .apply(
                DocEdit::SetText(
                    TextField::SectionBody(encryption()),
                    Lang::En,
                    secret.into(),
                ),
                0.0,
            )
            .unwrap();
        editor
            .apply(DocEdit::SetHidden(encryption(), true), 1.0)
            .unwrap();
    }
    h.run();
    menu(&mut h, "View", "Compare versions");
    pick(&mut h, "From", "Version 2.0");
    pick(&mut h, "To", "Working copy");
    pick(&mut h, "Language", "English");
    h.get_by_label_contains("Section hidden");
    assert!(h.query_by_label_contains(secret).is_none());
    assert!(h.query_by_label_contains("Internal view").is_none());
    // The internal mode shows the text, says so, and the report to export still lacks it.
    h.get_by_label("Include hidden sections (internal)").click();
    h.run();
    h.get_by_label_contains("Internal view");
    assert!(h.query_by_label_contains(secret).is_some());
    // Off again: the text is gone.
    h.get_by_label("Include hidden sections (internal)").click();
    h.run();
    assert!(h.query_by_label_contains(secret).is_none());
}

#[test]
fn a_new_document_follows_the_ui_language() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    // The example is German; the UI is English.
    assert_eq!(h.state().editor.doc().meta.primary_language, Lang::De);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    let meta = &h.state().editor.doc().meta;
    assert_eq!(meta.primary_language, Lang::En, "Ctrl+N in an English UI");
    assert_eq!(meta.languages.first(), Some(&Lang::En));
}

/// Issue 19 point 7: a CRLF copy with a BOM opens in the editor (chain intact, no broken-chain
/// dialog) and a toast says what was repaired.
#[test]
fn a_crlf_copy_with_a_bom_opens_with_a_notice() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crlf.tom");
    let text = store::to_ron(&store::example()).unwrap();
    std::fs::write(&path, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
    let mut config = AppConfig::headless(data.path());
    config.ui_lang = Some(Lang::En);
    config.file = Some(path);
    let mut h = harness(config);
    h.run();
    assert_eq!(h.state().open_dialogs(), 0, "no broken-chain dialog");
    assert_eq!(h.state().editor.file.versions.len(), 3);
    assert!(
        h.state()
            .toast_texts()
            .iter()
            .any(|t| t.contains("CRLF") && t.contains("BOM")),
        "{:?}",
        h.state().toast_texts()
    );
}

// ---------------------------------------------------------------- Word exports (issue 13)

/// Types `target` into the in-app path field (there is no dialog service in tests),
/// confirms, and steps until the export worker's toast says `written`; the toast offers
/// to open the file.
fn write_through_path_field(h: &mut Harness<'_, TomwerkApp>, target: &Path, written: &str) {
    h.get_by_role_and_label(Role::TextInput, "Path").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(target.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    let done =
        |h: &Harness<'_, TomwerkApp>| h.state().toast_texts().iter().any(|t| t.contains(written));
    // The file is written on a worker thread.
    for _ in 0..600 {
        if done(h) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        // The status bar shows a spinner while exporting: step, do not wait to settle.
        h.step();
    }
    assert!(done(h), "{:?}", h.state().toast_texts());
    h.run();
    h.get_by_label("Open");
}

fn document_xml(path: &Path) -> String {
    use std::io::Read as _;
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
    write_through_path_field(&mut h, &target, "Word file written");
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
    use tomwerk::app::{DocEdit, TextField};
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("changes.docx");
    let mut h = app(data.path());
    let secret = "Interne Notiz zum Dienstleister";
    let encryption = encryption();
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
    write_through_path_field(&mut h, &target, "Word file written");
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
