//! UI test of spell checking by field language (issue 17): a word wrong in German and
//! right in English gets the wavy line in a German field and not in an English one, read
//! from what the app painted inside the field found by its label.

use egui::accesskit::Role;
use egui::epaint::{ClippedShape, ColorMode, Shape};
use egui::{Color32, Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use tomwerk::app::{AppConfig, Selection, Settings, TomwerkApp};
use tomwerk::model::{CanonicalSection, Lang, SectionId};

/// The editor's red of the wavy line under a misspelled word.
const MISSPELLED: Color32 = Color32::from_rgb(0xE0, 0x30, 0x30);

/// How many wavy lines are painted inside `rect`.
fn wavy_lines_in(h: &Harness<'_, TomwerkApp>, rect: Rect) -> usize {
    fn walk(shape: &Shape, rect: Rect, n: &mut usize) {
        match shape {
            Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, rect, n)),
            Shape::Path(p)
                if p.stroke.color == ColorMode::Solid(MISSPELLED)
                    && rect.expand(4.0).contains_rect(p.visual_bounding_rect()) =>
            {
                *n += 1
            }
            _ => {}
        }
    }
    let mut n = 0;
    for ClippedShape { shape, .. } in &h.output().shapes {
        walk(shape, rect, &mut n);
    }
    n
}

fn set_body_and_count(h: &mut Harness<'_, TomwerkApp>, text: &str) -> usize {
    h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
        .type_text(text);
    h.run();
    // Leave the field so the check sees the finished text; the dictionaries load in a
    // thread, so wait for them.
    h.key_press(Key::Escape);
    let mut n = 0;
    for _ in 0..100 {
        h.run();
        let rect = h
            .get_by_role_and_label(Role::MultilineTextInput, "Body text")
            .rect();
        n = wavy_lines_in(h, rect);
        if n > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    n
}

#[test]
fn a_german_field_is_checked_with_de_de_and_an_english_one_with_en_gb() {
    let folders = tomwerk::spell::system_folders();
    if tomwerk::spell::Speller::for_lang(Lang::De, &folders).is_none()
        || tomwerk::spell::Speller::for_lang(Lang::En, &folders).is_none()
    {
        eprintln!(
            "skipped: no de_DE or en_GB Hunspell dictionary (install hunspell-de-de, hunspell-en-gb)"
        );
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let config = AppConfig::headless(data.path());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |cc| {
            TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
        });
    h.run();
    h.get_by_label("2. Encryption").click();
    h.run();
    assert_eq!(
        h.state().view.selection,
        Selection::Section(SectionId::from(CanonicalSection::Encryption))
    );
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Edit German content").click();
    h.run();
    // "encryption" is no German word.
    let german = set_body_and_count(&mut h, "Wir nutzen encryption täglich.");
    assert_eq!(german, 1, "flagged in the German field");
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Edit English content").click();
    h.run();
    let english = set_body_and_count(&mut h, "We use encryption daily.");
    assert_eq!(english, 0, "not flagged in the English field");
    let english_typo = set_body_and_count(&mut h, "We use encryptoin daily.");
    assert_eq!(english_typo, 1, "the English field is checked (en_GB)");
}
