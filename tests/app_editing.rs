//! UI tests of the editor as a document editor (issue 17): formatted editing driven through
//! the real app by label with egui_kittest.

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use tomwerk::app::{AppConfig, Settings, TomwerkApp};
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

fn encryption() -> SectionId {
    SectionId::from(CanonicalSection::Encryption)
}

fn body(h: &Harness<'_, TomwerkApp>) -> String {
    h.state()
        .editor
        .doc()
        .section(&encryption())
        .map(|s| s.body.get(Lang::En).to_owned())
        .unwrap_or_default()
}

fn open_english_encryption(h: &mut Harness<'_, TomwerkApp>) {
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Edit English content").click();
    h.run();
    h.get_by_label("2. Encryption").click();
    h.run();
}

#[test]
fn ctrl_b_bolds_the_selection_toggles_back_and_is_one_undo_step() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    open_english_encryption(&mut h);
    h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::CTRL, Key::End);
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .type_text(" Keys rotate yearly");
    h.run();
    let typed = body(&h);
    assert!(typed.ends_with(" Keys rotate yearly"), "{typed}");
    // Select the last word ("yearly") and bold it.
    h.key_press_modifiers(Modifiers::CTRL | Modifiers::SHIFT, Key::ArrowLeft);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run();
    h.run();
    let bolded = body(&h);
    assert_eq!(
        bolded,
        format!("{}**yearly**", typed.strip_suffix("yearly").unwrap())
    );
    // The selection stays on the word: Ctrl+B again removes the marks.
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run();
    h.run();
    assert_eq!(body(&h), typed);
    // Ctrl+I italicises (and does not open the import dialog while typing).
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    h.run();
    assert!(body(&h).ends_with("*yearly*"), "{}", body(&h));
    assert!(
        h.query_by_label("Path").is_none(),
        "Ctrl+I in the body must not open the import dialog"
    );
    // Each toggle is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(body(&h), typed);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(body(&h), bolded);
}

/// Replaces the English body with `text` (select all, type).
fn set_body(h: &mut Harness<'_, TomwerkApp>, text: &str) {
    h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .type_text(text);
    h.run();
}

/// Clicks the button `label` and runs the frames the edit and its selection need.
fn click_and_settle(h: &mut Harness<'_, TomwerkApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
    h.run();
}

/// Right-clicks the first word of the body.
fn right_click_body(h: &mut Harness<'_, TomwerkApp>) {
    let rect = h
        .get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .rect();
    let pos = rect.min + egui::vec2(12.0, 10.0);
    h.hover_at(pos);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

/// Right-clicks the start of the body until the spelling menu shows `entry` (the
/// dictionaries load in a thread); false when it never does.
fn open_spelling_menu(h: &mut Harness<'_, TomwerkApp>, entry: &str) -> bool {
    for _ in 0..60 {
        right_click_body(h);
        if h.query_by_label(entry).is_some() {
            return true;
        }
        h.key_press(Key::Escape);
        h.run();
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    false
}

#[test]
fn add_to_dictionary_stores_the_word_in_the_document_and_survives_a_reload() {
    let folders = tomwerk::spell::system_folders();
    if tomwerk::spell::Speller::for_lang(Lang::En, &folders).is_none() {
        eprintln!("skipped: no English Hunspell dictionary (install hunspell-en-gb)");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    open_english_encryption(&mut h);
    set_body(&mut h, "TrackPort encrypts backups.");
    assert_eq!(body(&h), "TrackPort encrypts backups.");
    assert!(
        open_spelling_menu(&mut h, "Add to dictionary"),
        "the spelling menu offers Add to dictionary for TrackPort"
    );
    h.get_by_label("Add to dictionary").click();
    h.run();
    let doc = h.state().editor.doc().clone();
    assert!(doc.meta.dictionary.contains("TrackPort"));
    // Saved and loaded again, the word is still known and no longer flagged.
    let path = data.path().join("tom.tom");
    let file = tomwerk::store::TomFile::new(doc);
    tomwerk::store::save(&path, &file).unwrap();
    let loaded = tomwerk::store::load(&path).unwrap();
    let words = &loaded.working.meta.dictionary;
    assert!(words.contains("TrackPort"));
    let en = tomwerk::spell::Speller::for_lang(Lang::En, &folders).unwrap();
    let text = "TrackPort encrypts backups.";
    assert_eq!(tomwerk::spell::misspelled(text, &en, &[]).len(), 1);
    assert!(tomwerk::spell::misspelled(text, &en, &[words]).is_empty());
}

/// Runs frames until the preview shows pages for the current key (the layout runs in a
/// thread after a pause in typing).
fn wait_for_preview(h: &mut Harness<'_, TomwerkApp>) {
    for _ in 0..300 {
        h.run();
        let key = h.state().preview_key();
        if h.state().preview.shown_key() == Some(&key) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the preview never caught up");
}

#[test]
fn page_preview_shows_the_export_layout_follows_edits_and_selects_by_click() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    open_english_encryption(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    wait_for_preview(&mut h);
    assert!(h.query_by_label("Page 1 of 1").is_none());
    let total = h.state().preview.pages().unwrap().layout.pages.len();
    assert!(total >= 2, "the example has pages");
    h.get_by_label(&format!("Page 1 of {total}"));

    // The pages are exactly what the export lays out, for the same file and options.
    let expected = |h: &Harness<'_, TomwerkApp>| {
        let app = h.state();
        let file = &app.editor.file;
        let options = tomwerk::app::preview::export_options(file, &app.preview_key(), app.today());
        let (blocks, furniture, meta) = tomwerk::export::prepare(file, &options).unwrap();
        let fonts = tomwerk::export::fonts::fonts().unwrap();
        tomwerk::export::layout::layout(
            &blocks,
            &furniture,
            meta.lang,
            fonts,
            &tomwerk::export::PageSetup::A4,
        )
    };
    assert_eq!(*h.state().preview.pages().unwrap().layout, expected(&h));

    // An edit reaches the pages after the pause, and they are the export's again.
    set_body(
        &mut h,
        "Backups are encrypted with Zebrafish256 before they leave.",
    );
    wait_for_preview(&mut h);
    let pages = h.state().preview.pages().unwrap().layout.clone();
    assert_eq!(*pages, expected(&h));
    assert!(
        pages
            .pages
            .iter()
            .flat_map(|p| p.runs())
            .any(|r| r.text.contains("Zebrafish256")),
        "the typed text is on a page"
    );

    // Clicking just below a section's heading in the preview selects that section.
    let (target, page, y) = {
        let headings = &h.state().preview.pages().unwrap().headings;
        let (id, page, y) = headings
            .iter()
            .find(|(id, _, _)| *id != encryption())
            .cloned()
            .unwrap();
        (id, page, y)
    };
    let label = format!("Page {} of {}", page + 1, pages.pages.len());
    // Bring that page into view through its thumbnail, then click on the page.
    h.get_by_role_and_label(Role::Button, &label).click();
    h.run();
    h.run();
    let rect = h.get_by_role_and_label(Role::Image, &label).rect();
    let scale = rect.width() / pages.setup.width;
    let pos = rect.min + egui::vec2(pages.setup.margin_left + 20.0, y + 6.0) * scale;
    h.hover_at(pos);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    assert_eq!(
        h.state().view.selection,
        tomwerk::app::Selection::Section(target)
    );
    // The View menu entry closes it again.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Page preview").click();
    h.run();
    assert!(h.query_by_label(&format!("Page 1 of {total}")).is_none());
}

/// How often `needle` occurs (any case) in every section's title, body, measures and
/// notes of both languages.
fn occurrences(doc: &tomwerk::model::Document, needle: &str) -> usize {
    let count = |t: &tomwerk::model::LocalText| {
        [t.de.to_lowercase(), t.en.to_lowercase()]
            .iter()
            .map(|s| s.matches(needle).count())
            .sum::<usize>()
    };
    doc.all_sections()
        .iter()
        .map(|(s, _)| {
            count(&s.title)
                + count(&s.body)
                + s.measures
                    .iter()
                    .map(|m| count(&m.text) + count(&m.note))
                    .sum::<usize>()
        })
        .sum()
}

#[test]
fn find_steps_through_matches_and_replace_all_is_one_undo_step_leaving_versions() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    h.run();
    let before = h.state().editor.file.clone();
    let total = occurrences(&before.working, "backup");
    assert!(total >= 3, "the example mentions backups {total} times");
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Find")
        .type_text("backup");
    h.run();
    h.get_by_label(&format!("1 of {total}"));
    // Enter steps to the next match and shows its section.
    h.key_press(Key::Enter);
    h.run();
    h.run();
    h.get_by_label(&format!("2 of {total}"));
    let shown = match &h.state().view.selection {
        tomwerk::app::Selection::Section(id) => id.clone(),
        other => panic!("a section is selected, not {other:?}"),
    };
    let section = h.state().editor.doc().section(&shown).unwrap().clone();
    assert!(occurrences_in_section(&section, "backup") > 0);
    // F3 steps on, Shift+F3 back.
    h.key_press(Key::F3);
    h.run();
    h.get_by_label(&format!("3 of {total}"));
    h.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    h.run();
    h.get_by_label(&format!("2 of {total}"));

    // Replace all: one step, every language, the versions untouched.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Replace with")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Replace with")
        .type_text("copy");
    h.run();
    assert_eq!(occurrences(&h.state().editor.file.working, "backup"), total);
    h.run();
    h.get_by_label("Replace all").click();
    h.run();
    let after = h.state().editor.file.clone();
    assert_eq!(occurrences(&after.working, "backup"), 0);
    assert_eq!(
        after.versions, before.versions,
        "released versions never change"
    );
    assert!(
        h.state()
            .toast_texts()
            .iter()
            .any(|t| t.contains(&format!("{total} matches replaced"))),
        "{:?}",
        h.state().toast_texts()
    );
    h.get_by_label("No matches");
    // One Ctrl+Z brings every replaced text back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().editor.doc(), &before.working);
    // Escape in the find field closes the bar.
    h.get_by_role_and_label(Role::TextInput, "Find").click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Replace all").is_none());
}

fn occurrences_in_section(s: &tomwerk::model::Section, needle: &str) -> usize {
    let count = |t: &tomwerk::model::LocalText| {
        t.de.to_lowercase().matches(needle).count() + t.en.to_lowercase().matches(needle).count()
    };
    count(&s.title)
        + count(&s.body)
        + s.measures
            .iter()
            .map(|m| count(&m.text) + count(&m.note))
            .sum::<usize>()
}

#[test]
fn zoom_with_ctrl_plus_minus_zero_and_the_view_menu() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    h.run();
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    let larger = h.ctx.zoom_factor();
    assert!(larger > 1.0, "{larger}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run();
    assert!(h.ctx.zoom_factor() < 1.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Zoom in").click();
    h.run();
    assert_eq!(h.ctx.zoom_factor(), larger, "one step, not two");
}

#[test]
fn list_link_and_table_tools_each_toggle_as_one_undo_step() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    open_english_encryption(&mut h);
    set_body(&mut h, "Keys\nRotation");
    assert_eq!(body(&h), "Keys\nRotation");
    // Select both lines and make them a bullet list, then a numbered one, then plain.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    click_and_settle(&mut h, "List");
    assert_eq!(body(&h), "- Keys\n- Rotation");
    click_and_settle(&mut h, "Numbered list");
    assert_eq!(body(&h), "1. Keys\n2. Rotation");
    click_and_settle(&mut h, "Numbered list");
    assert_eq!(body(&h), "Keys\nRotation");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(body(&h), "1. Keys\n2. Rotation", "one undo step per tool");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(body(&h), "- Keys\n- Rotation");

    // Tab on the second item nests it; Shift+Tab brings it back; the focus stays.
    h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.run();
    h.key_press(Key::Tab);
    h.run();
    h.run();
    assert_eq!(body(&h), "- Keys\n  - Rotation");
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    h.run();
    assert_eq!(body(&h), "- Keys\n- Rotation");

    // Ctrl+K on the selected word: a non-web address is refused, https is set.
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.run();
    h.key_press_modifiers(Modifiers::CTRL | Modifiers::SHIFT, Key::ArrowLeft);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Address").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Address")
        .type_text("javascript:alert(1)");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    h.get_by_label_contains("not an http, https or mailto address");
    assert_eq!(body(&h), "- Keys\n- Rotation");
    h.get_by_role_and_label(Role::TextInput, "Address").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Address")
        .type_text("https://example.org/keys");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    h.run();
    assert_eq!(body(&h), "- Keys\n- [Rotation](https://example.org/keys)");
    // Ctrl+K in the link again offers to remove it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.run();
    click_and_settle(&mut h, "Remove link");
    assert_eq!(body(&h), "- Keys\n- Rotation");

    // A table goes on its own lines.
    click_and_settle(&mut h, "Table");
    assert_eq!(
        body(&h),
        "- Keys\n- Rotation\n\n| Column 1 | Column 2 |\n| --- | --- |\n|  |  |\n"
    );
}

#[test]
fn checks_panel_lists_misspelled_words_when_asked() {
    let folders = tomwerk::spell::system_folders();
    if tomwerk::spell::Speller::for_lang(Lang::En, &folders).is_none() {
        eprintln!("skipped: no English Hunspell dictionary (install hunspell-en-gb)");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    open_english_encryption(&mut h);
    set_body(&mut h, "Backups are encrypted dayly.");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::K);
    h.run();
    assert!(
        h.query_by_label_contains("“dayly”").is_none(),
        "off by default"
    );
    h.get_by_label("Spelling (misspelled words as notes)")
        .click();
    let mut seen = false;
    for _ in 0..100 {
        h.run();
        if h.query_by_label_contains("“dayly”").is_some() {
            seen = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(seen, "the misspelled word is listed");
    assert!(h.query_by_label_contains("“encrypted”").is_none());
}

#[test]
fn add_to_my_word_list_writes_the_config_file_and_every_document_knows_the_word() {
    let folders = tomwerk::spell::system_folders();
    if tomwerk::spell::Speller::for_lang(Lang::En, &folders).is_none() {
        eprintln!("skipped: no English Hunspell dictionary (install hunspell-en-gb)");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    open_english_encryption(&mut h);
    set_body(&mut h, "Quextrel encrypts backups.");
    assert!(open_spelling_menu(&mut h, "Add to my word list"));
    h.get_by_label("Add to my word list").click();
    h.run();
    let list = std::fs::read_to_string(data.path().join("words.txt")).unwrap();
    assert_eq!(list, "Quextrel\n");
    assert!(
        !h.state().editor.doc().meta.dictionary.contains("Quextrel"),
        "the user's list, not the document's"
    );
    // A new session reads the list: the word is no longer offered as misspelled.
    drop(h);
    let other = tempfile::tempdir().unwrap();
    let config = AppConfig {
        user_words: Some(data.path().join("words.txt")),
        ..AppConfig::headless(other.path())
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |cc| {
            TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
        });
    open_english_encryption(&mut h);
    set_body(&mut h, "Quextrel encrypts backups.");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!open_spelling_menu_once(&mut h, "Add to my word list"));
}

/// Right-clicks the start of the body once the dictionaries are loaded; true when the
/// spelling menu shows `entry`.
fn open_spelling_menu_once(h: &mut Harness<'_, TomwerkApp>, entry: &str) -> bool {
    // Wait until a known misspelling is flagged, so the dictionaries are loaded.
    let folders = tomwerk::spell::system_folders();
    let en = tomwerk::spell::Speller::for_lang(Lang::En, &folders).unwrap();
    assert!(tomwerk::spell::misspelled("Quextrel", &en, &[]).len() == 1);
    for _ in 0..40 {
        h.run();
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    right_click_body(h);
    h.query_by_label(entry).is_some()
}

#[test]
fn find_bar_widgets_do_not_overlap_when_opened_from_the_body_with_replace() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    open_english_encryption(&mut h);
    h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run();
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "Find").rect();
    let previous = h.get_by_label("Previous").rect();
    let replace = h
        .get_by_role_and_label(Role::TextInput, "Replace with")
        .rect();
    assert!(!field.intersects(previous), "{field:?} vs {previous:?}");
    assert!(replace.top() >= field.bottom(), "the replace row is below");
    // The focus went to the find field: typing searches, and the count fits in the row.
    h.get_by_role_and_label(Role::TextInput, "Find")
        .type_text("backup");
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Find")
            .value()
            .as_deref(),
        Some("backup")
    );
    let field = h.get_by_role_and_label(Role::TextInput, "Find").rect();
    let count = h.get_by_label_contains("1 of ").rect();
    let previous = h.get_by_label("Previous").rect();
    assert!(!field.intersects(count) && !count.intersects(previous));
    assert!(field.right() <= count.left() && count.right() <= previous.left());
}
