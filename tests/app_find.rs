//! UI tests of find's highlights (issue 17): the find bar's matches are marked in every
//! searched field (title block, section titles, measures and notes, bodies) and on the
//! preview's pages, checked in what the app actually painted, found by label.

use std::path::Path;

use egui::accesskit::Role;
use egui::epaint::{ClippedShape, Shape};
use egui::{Color32, Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use tomwerk::app::{AppConfig, Selection, Settings, TomwerkApp};

fn app(data: &Path) -> Harness<'static, TomwerkApp> {
    let config = AppConfig::headless(data);
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
        })
}

/// Every painted text part with a background: where its galley was painted, the part's
/// text and its background colour.
fn marked_texts(h: &Harness<'_, TomwerkApp>) -> Vec<(Rect, String, Color32)> {
    fn walk(shape: &Shape, out: &mut Vec<(Rect, String, Color32)>) {
        match shape {
            Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            Shape::Text(t) => {
                let job = &t.galley.job;
                for s in &job.sections {
                    if s.format.background != Color32::TRANSPARENT {
                        let range = s.byte_range.start.0..s.byte_range.end.0;
                        if let Some(text) = job.text.get(range) {
                            out.push((
                                t.galley.rect.translate(t.pos.to_vec2()),
                                text.to_owned(),
                                s.format.background,
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for ClippedShape { shape, .. } in &h.output().shapes {
        walk(shape, &mut out);
    }
    out
}

/// The marks painted inside the text field(s) labelled `label`, lower-cased.
fn marks_in(h: &Harness<'_, TomwerkApp>, label: &str) -> Vec<(String, Color32)> {
    let fields: Vec<Rect> = [Role::TextInput, Role::MultilineTextInput]
        .into_iter()
        .flat_map(|role| h.query_all_by_role_and_label(role, label))
        .map(|n| n.rect())
        .collect();
    assert!(!fields.is_empty(), "a field labelled {label:?}");
    marked_texts(h)
        .into_iter()
        .filter(|(r, _, _)| fields.iter().any(|f| f.expand(2.0).contains_rect(*r)))
        .map(|(_, t, c)| (t.to_lowercase(), c))
        .collect()
}

fn find(h: &mut Harness<'_, TomwerkApp>, text: &str) {
    if h.query_by_role_and_label(Role::TextInput, "Find").is_none() {
        h.key_press_modifiers(Modifiers::COMMAND, Key::F);
        h.run();
    }
    let field = h.get_by_role_and_label(Role::TextInput, "Find");
    field.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Find")
        .type_text(text);
    h.run();
    h.run();
    {
        use egui_kittest::kittest::NodeT as _;
        let n = h.get_by_role_and_label(Role::TextInput, "Find");
        eprintln!("find field: {:?}", n.accesskit_node().value());
    }
}

/// Steps with Enter until the current match is in a section whose editor shows `label`
/// with a mark in it.
fn step_until_marked(h: &mut Harness<'_, TomwerkApp>, label: &str, needle: &str) {
    for _ in 0..40 {
        if h.query_all_by_label(label).next().is_some()
            && marks_in(h, label).iter().any(|(t, _)| t == needle)
        {
            return;
        }
        h.get_by_role_and_label(Role::TextInput, "Find").click();
        h.run();
        h.key_press(Key::Enter);
        h.run();
        h.run();
    }
    panic!("no match of {needle:?} marked in a field labelled {label:?}");
}

#[test]
fn find_marks_matches_in_the_title_block_titles_measures_and_bodies() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    h.run();
    h.get_by_label("Document details").click();
    h.run();

    // The title block: the first match (the title's) is the current one, the
    // introduction's are marked in another colour.
    // The headless editor edits the English content.
    find(&mut h, "measures");
    assert_eq!(h.state().view.selection, Selection::Document);
    let title = marks_in(&h, "Document title");
    assert_eq!(
        title.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        ["measures"],
        "the title's match is marked"
    );
    let intro = marks_in(&h, "Introduction");
    assert!(
        intro.len() >= 2,
        "both of the introduction's matches: {intro:?}"
    );
    assert!(intro.iter().all(|(t, _)| t == "measures"));
    assert!(
        intro.iter().all(|(_, c)| *c != title[0].1),
        "the current match stands out from the others"
    );

    // A measure's text and a section's title, reached by stepping through the matches.
    find(&mut h, "training");
    step_until_marked(&mut h, "Measure", "training");
    find(&mut h, "Control of processors");
    step_until_marked(&mut h, "Title", "control of processors");

    // A body (the formatted editor) keeps its marks.
    find(&mut h, "premises");
    step_until_marked(&mut h, "Body text", "premises");

    // Closing the bar removes every mark.
    h.get_by_label("Close").click();
    h.run();
    h.run();
    assert!(
        marked_texts(&h)
            .iter()
            .all(|(_, t, _)| !t.to_lowercase().contains("premises")),
        "no marks once the bar is closed"
    );
}

/// The fill colours of the rectangles painted inside `rect`.
fn fills_in(h: &Harness<'_, TomwerkApp>, rect: Rect) -> Vec<Color32> {
    fn walk(shape: &Shape, rect: Rect, out: &mut Vec<Color32>) {
        match shape {
            Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, rect, out)),
            Shape::Rect(r) if rect.contains_rect(r.rect) => out.push(r.fill),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for ClippedShape { shape, .. } in &h.output().shapes {
        walk(shape, rect, &mut out);
    }
    out
}

#[test]
fn find_marks_matches_on_the_preview_pages() {
    let data = tempfile::tempdir().unwrap();
    let mut h = app(data.path());
    h.run();
    h.get_by_label("Document details").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    for _ in 0..300 {
        h.run();
        let key = h.state().preview_key();
        if h.state().preview.shown_key() == Some(&key) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let total = h.state().preview.pages().unwrap().layout.pages.len();
    let page = format!("Page 1 of {total}");
    let rect = h.get_by_role_and_label(Role::Image, &page).rect();
    let before = fills_in(&h, rect);
    // The first page holds the title, which has the word.
    find(&mut h, "measures");
    let rect = h.get_by_role_and_label(Role::Image, &page).rect();
    let after = fills_in(&h, rect);
    let new: Vec<_> = after.iter().filter(|c| !before.contains(c)).collect();
    assert!(
        !new.is_empty(),
        "the matches on page 1 get a fill of their own: {before:?} -> {after:?}"
    );
    h.key_press(Key::Escape);
    h.run();
    h.run();
    let rect = h.get_by_role_and_label(Role::Image, &page).rect();
    assert!(
        fills_in(&h, rect).iter().all(|c| before.contains(c)),
        "the marks go with the bar"
    );
}
