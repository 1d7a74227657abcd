//! UI tests of the desktop editor: the real app, headless (no GPU, no display), driven by
//! the labels a user sees, through egui_kittest and AccessKit.

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use tomwerk::app::{AppConfig, Selection, Settings, TomwerkApp};
use tomwerk::model::{CanonicalSection, Lang, SectionId};
use tomwerk::store;

fn harness(config: AppConfig) -> Harness<'static, TomwerkApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        // Frames at 60 Hz, as on screen, so "typing" happens within human time spans.
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
        })
}

fn app(data: &Path) -> Harness<'static, TomwerkApp> {
    harness(AppConfig::headless(data))
}

fn encryption() -> SectionId {
    SectionId::from(CanonicalSection::Encryption)
}

fn body(h: &Harness<'_, TomwerkApp>, lang: Lang) -> String {
    h.state()
        .editor
        .doc()
        .section(&encryption())
        .map(|s| s.body.get(lang).to_owned())
        .unwrap_or_default()
}

fn select_encryption(h: &mut Harness<'_, TomwerkApp>) {
    h.get_by_label("2. Encryption").click();
    h.run();
}

/// Clicks into a text field, moves to its end and types.
fn type_at_end(h: &mut Harness<'_, TomwerkApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).click();
    h.run();
    // Ctrl+End is "end of text" in egui on Linux and Windows (Command+End would only
    // reach the end of the wrapped row).
    h.key_press_modifiers(Modifiers::CTRL, Key::End);
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

fn type_into_body(h: &mut Harness<'_, TomwerkApp>, text: &str) {
    type_at_end(h, Role::MultilineTextInput, "Body text", text);
}

fn menu(h: &mut Harness<'_, TomwerkApp>, menu: &str, entry: &str) {
    h.get_by_label(menu).click();
    h.run();
    // The start view and the example banner have buttons such as "New TOM from the
    // template": the menu entry is the shortest label that contains `entry`.
    h.get_all_by_label_contains(entry)
        .min_by_key(|n| n.accesskit_node().label().map_or(0, |l| l.len()))
        .unwrap_or_else(|| panic!("no menu entry {entry}"))
        .click();
    h.run();
}

fn enter_path(h: &mut Harness<'_, TomwerkApp>, path: &Path) {
    h.get_by_role_and_label(Role::TextInput, "Path").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    h.run();
}

#[test]
fn opens_the_example_and_selects_a_section() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    let t = h.state().window_title();
    assert!(t.contains("Untitled") && t.contains("Tomwerk"), "{t}");
    // The numbered tree shows the canonical sections of the example.
    h.get_by_label("3.1. Physical access control");
    select_encryption(&mut h);
    assert_eq!(h.state().view.selection, Selection::Section(encryption()));
    // The centre shows the section's body in the editing language.
    let shown = h
        .get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .value()
        .unwrap_or_default();
    assert!(!shown.is_empty());
    // The example opens in the interface language (issue 20.2).
    assert_eq!(shown, body(&h, Lang::En));
}

#[test]
fn typing_in_the_body_and_adding_a_measure() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    menu(&mut h, "View", "Edit English content");
    select_encryption(&mut h);
    let before = body(&h, Lang::En);
    type_into_body(&mut h, " Keys rotate yearly.");
    assert_eq!(body(&h, Lang::En), format!("{before} Keys rotate yearly."));
    assert!(h.state().editor.is_dirty());
    assert!(h.state().window_title().starts_with('*'));

    let measures = |h: &Harness<'_, TomwerkApp>| {
        h.state()
            .editor
            .doc()
            .section(&encryption())
            .unwrap()
            .measures
            .len()
    };
    let n = measures(&h);
    // The example's measure list is long: bring the button into view first.
    h.get_by_label("Add measure").scroll_to_me();
    h.run();
    h.get_by_label("Add measure").click();
    h.run();
    assert_eq!(measures(&h), n + 1);
    // The new measure's text field has the focus: typing fills it.
    h.get_all_by_role_and_label(Role::MultilineTextInput, "Measure")
        .last()
        .unwrap()
        .type_text("HSM for signing keys");
    h.run();
    let section = h
        .state()
        .editor
        .doc()
        .section(&encryption())
        .unwrap()
        .clone();
    assert_eq!(
        section.measures.last().unwrap().text.en,
        "HSM for signing keys"
    );
}

#[test]
fn undo_and_redo_typing_as_one_step() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    menu(&mut h, "View", "Edit English content");
    select_encryption(&mut h);
    let before = body(&h, Lang::En);
    type_into_body(&mut h, "abc");
    type_into_body(&mut h, "def");
    let typed = body(&h, Lang::En);
    assert_eq!(typed, format!("{before}abcdef"));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(body(&h, Lang::En), before, "typing is one undo step");
    assert!(!h.state().editor.is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(body(&h, Lang::En), typed);

    // The Edit menu undoes; Ctrl+Shift+Z redoes as well.
    menu(&mut h, "Edit", "Undo");
    assert_eq!(body(&h, Lang::En), before);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(body(&h, Lang::En), typed);
}

#[test]
fn switching_the_interface_to_german() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    menu(&mut h, "View", "Interface: Deutsch");
    assert_eq!(h.state().ui_lang(), Lang::De);
    assert_eq!(h.state().settings.ui_lang, Some(Lang::De), "remembered");
    h.get_by_label("Datei");
    h.get_by_label("Abschnitt hinzufügen");
    // Section titles follow the content language being edited (issue 15.9), not the
    // interface: the tree still shows the English content.
    h.get_by_label("2. Encryption").click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Text");
    assert!(h.query_by_label("File").is_none());
    menu(&mut h, "Ansicht", "Oberfläche: English");
    h.get_by_label("File");
}

#[test]
fn save_as_and_open_again() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.tom");
    let mut h = app(data.path());
    menu(&mut h, "View", "Edit English content");
    select_encryption(&mut h);
    type_into_body(&mut h, " Saved text.");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    // No dialog service in tests: the in-app path field appears.
    enter_path(&mut h, &path);
    assert!(!h.state().editor.is_dirty());
    assert_eq!(h.state().editor.path.as_deref(), Some(path.as_path()));
    assert!(h.state().window_title().starts_with("saved.tom"));
    let on_disk = store::load(&path).unwrap();
    assert!(
        on_disk
            .working
            .section(&encryption())
            .unwrap()
            .body
            .en
            .ends_with(" Saved text.")
    );

    // A fresh editor opens it through File → Open.
    let mut h2 = app(data.path());
    menu(&mut h2, "File", "Open");
    enter_path(&mut h2, &path);
    assert_eq!(h2.state().editor.path.as_deref(), Some(path.as_path()));
    assert_eq!(h2.state().editor.doc(), &on_disk.working);
    assert_eq!(h2.state().settings.recent.first(), Some(&path));
}

#[test]
fn new_asks_before_dropping_unsaved_changes() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    menu(&mut h, "View", "Edit English content");
    select_encryption(&mut h);
    type_into_body(&mut h, " Important.");
    let edited = body(&h, Lang::En);

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label_contains("Save them first?");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(body(&h, Lang::En), edited, "cancel keeps the work");
    assert_eq!(h.state().open_dialogs(), 0);

    menu(&mut h, "File", "New");
    h.get_by_label("Discard changes").click();
    h.run();
    assert!(!h.state().editor.is_dirty());
    assert!(body(&h, Lang::En).is_empty(), "a new document is empty");
    assert!(h.state().editor.path.is_none());
}

#[test]
fn a_crash_leaves_a_copy_that_the_next_start_restores() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut h = app(data.path());
        menu(&mut h, "View", "Edit English content");
        select_encryption(&mut h);
        type_into_body(&mut h, " Not yet saved.");
        h.run();
        // The harness is dropped without saving or quitting: a crash.
    }
    assert!(data.path().join("recovery.tom").exists());
    let mut h = app(data.path());
    h.get_by_label("Restore unsaved work?");
    h.get_by_label("Restore").click();
    h.run();
    assert!(body(&h, Lang::En).ends_with(" Not yet saved."));
    assert!(
        h.state().editor.is_dirty(),
        "restored work still needs saving"
    );

    // Discarding the copy removes it for good.
    drop(h);
    let mut h = app(data.path());
    h.get_by_label("Discard the copy").click();
    h.run();
    assert!(!data.path().join("recovery.tom").exists());
    assert!(!body(&h, Lang::En).ends_with(" Not yet saved."));
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.tom");
    store::save(&path, &store::example()).unwrap();
    let mut config = AppConfig::headless(data.path());
    config.file = Some(path.clone());
    let mut h = harness(config);
    menu(&mut h, "View", "Edit English content");
    select_encryption(&mut h);
    type_into_body(&mut h, " Mine.");
    // Someone else writes the file meanwhile.
    let mut other = store::example();
    other.working.meta.organisation.name = "Someone else".into();
    store::save(&path, &other).unwrap();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("File changed on disk");
    assert_eq!(
        store::load(&path).unwrap().working.meta.organisation.name,
        "Someone else"
    );
    h.get_by_label("Overwrite").click();
    h.run();
    let saved = store::load(&path).unwrap();
    assert!(
        saved
            .working
            .section(&encryption())
            .unwrap()
            .body
            .en
            .ends_with(" Mine.")
    );
}

#[test]
fn sections_are_added_moved_hidden_and_deleted() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    select_encryption(&mut h);
    let top = |h: &Harness<'_, TomwerkApp>| h.state().editor.doc().sections.len();
    let n = top(&h);
    h.get_by_label("Add section").click();
    h.run();
    assert_eq!(top(&h), n + 1);
    let Selection::Section(new_id) = h.state().view.selection.clone() else {
        panic!("the new section is selected");
    };
    let number = |h: &Harness<'_, TomwerkApp>| h.state().editor.doc().number_of(&new_id);
    // It was added right after Encryption, as number 3.
    assert_eq!(number(&h).as_deref(), Some("3."));
    h.get_by_label("Move up").click();
    h.run();
    assert_eq!(number(&h).as_deref(), Some("2."));
    h.get_by_label("Make subsection").click();
    h.run();
    assert_eq!(number(&h).as_deref(), Some("1.1."));
    h.get_by_label("Hide / show").click();
    h.run();
    assert_eq!(number(&h), None, "hidden: not numbered");
    h.get_by_label("Delete section").click();
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert!(h.state().editor.doc().section(&new_id).is_none());
    assert_eq!(top(&h), n);
    // Canonical sections are refused with a message, not deleted.
    select_encryption(&mut h);
    h.get_by_label("Delete section").click();
    h.run();
    assert!(h.state().editor.doc().section(&encryption()).is_some());
    assert!(
        h.state()
            .toast_texts()
            .iter()
            .any(|t| t.contains("cannot be deleted"))
    );
}

#[test]
fn section_shortcuts_move_the_selected_section() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    select_encryption(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.run();
    let Selection::Section(new_id) = h.state().view.selection.clone() else {
        panic!("the new section is selected");
    };
    // The title field has the focus; Escape leaves it so Alt+arrows reach the tree.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    assert_eq!(
        h.state().editor.doc().number_of(&new_id).as_deref(),
        Some("2.")
    );
}

#[test]
fn translation_mode_shows_both_languages_side_by_side() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    select_encryption(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    let de = h
        .get_by_role_and_label(Role::MultilineTextInput, "Body text (German)")
        .value()
        .unwrap_or_default();
    let en = h
        .get_by_role_and_label(Role::MultilineTextInput, "Body text (English)")
        .value()
        .unwrap_or_default();
    assert_eq!(de, body(&h, Lang::De));
    assert_eq!(en, body(&h, Lang::En));
    // Typing into the German column changes only German.
    type_at_end(
        &mut h,
        Role::MultilineTextInput,
        "Body text (German)",
        " Neu.",
    );
    assert_eq!(body(&h, Lang::De), format!("{de} Neu."));
    assert_eq!(body(&h, Lang::En), en);
}

#[test]
fn the_document_form_edits_metadata() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    h.get_by_label("Document details").click();
    h.run();
    type_at_end(&mut h, Role::TextInput, "Organisation", " & Co. KG");
    assert!(
        h.state()
            .editor
            .doc()
            .meta
            .organisation
            .name
            .ends_with(" & Co. KG")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        !h.state()
            .editor
            .doc()
            .meta
            .organisation
            .name
            .ends_with(" & Co. KG")
    );
}

#[test]
fn release_then_view_and_restore_a_version() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    menu(&mut h, "View", "Edit English content");
    let before = h.state().editor.file.versions.len();
    select_encryption(&mut h);
    type_into_body(&mut h, " Next release.");
    let suggested = h.state().editor.file.suggest_next_label();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Version").value(),
        Some(suggested.clone()),
        "the next label is suggested"
    );
    type_at_end(
        &mut h,
        Role::MultilineTextInput,
        "Change note",
        "Key rotation",
    );
    h.get_by_label("Release").click();
    h.run();
    // The example has no file: the release asks where to save it; not now.
    h.get_by_label_contains("not saved yet");
    h.get_by_label("Cancel").click();
    h.run();
    let file = &h.state().editor.file;
    assert_eq!(file.versions.len(), before + 1);
    let latest = file.latest().unwrap();
    assert_eq!(latest.label, suggested);
    assert_eq!(
        latest.note.get(file.working.meta.primary_language),
        "Key rotation"
    );
    assert!(file.verify().is_ok());
    assert!(
        h.state().editor.is_dirty(),
        "the release is saved with the file"
    );

    // The history lists it; restoring the oldest version is one undoable step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run();
    h.get_by_label(&suggested);
    let oldest = h.state().editor.file.versions[0].document().unwrap();
    h.get_all_by_label("Restore").last().unwrap().click();
    h.run();
    assert!(h.state().editor.doc().content_eq(&oldest));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(body(&h, Lang::En).ends_with(" Next release."));
}

#[test]
fn a_corrupt_file_on_the_command_line_gives_an_error_and_is_left_alone() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.tom");
    let text = tomwerk::store::to_ron(&tomwerk::store::example()).unwrap();
    let truncated = &text.as_bytes()[..text.len() / 3];
    std::fs::write(&bad, truncated).unwrap();
    let mut config = AppConfig::headless(data.path());
    config.file = Some(bad.clone());
    let mut h = harness(config);
    h.run();
    // The error names the file and says what is wrong; nothing panicked.
    assert!(
        h.query_by_label_contains("truncated").is_some(),
        "the load error is shown"
    );
    // The file is not touched: no save or autosave over it.
    for _ in 0..10 {
        h.step();
    }
    assert_eq!(std::fs::read(&bad).unwrap(), truncated);
}

#[test]
fn import_report_shows_hidden_sections_and_re_imports_without_measure_detection() {
    let data = tempfile::tempdir().unwrap();
    let md = data.path().join("status.md");
    std::fs::write(
        &md,
        "# TOMs\n\n## Encryption\n\n| Measure | Status |\n|---|---|\n| TLS everywhere | ✅ |\n| Encrypted backups | planned |\n",
    )
    .unwrap();
    let mut h = app(data.path());
    menu(&mut h, "File", "Import (");
    enter_path(&mut h, &md);
    // The report names the canonical sections the source does not have.
    h.get_by_label("Import finished");
    assert!(h.query_all_by_label("hidden: not in the source").count() >= 10);
    let measures = |h: &Harness<'_, TomwerkApp>| {
        h.state()
            .editor
            .doc()
            .section(&encryption())
            .map(|s| s.measures.len())
            .unwrap_or_default()
    };
    assert_eq!(measures(&h), 2);
    // Unticking the checkbox imports the same file again, the table kept as text.
    h.run();
    // Through AccessKit, as a screen reader clicks it.
    h.get_by_role_and_label(Role::CheckBox, "Detect measures in tables and task lists")
        .click_accesskit();
    h.run();
    h.run();
    assert_eq!(measures(&h), 0);
    let both = format!("{}{}", body(&h, Lang::En), body(&h, Lang::De));
    assert!(both.contains("| TLS everywhere | ✅ |"), "{both}");
    h.get_by_label("Import finished");
    h.get_by_label("OK").click_accesskit();
    h.run();
    assert_eq!(h.state().open_dialogs(), 0);
}
