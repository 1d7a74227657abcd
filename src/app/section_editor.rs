//! The centre: the selected section's title, its Markdown body (formatted editing with
//! toolbar helpers) in the editing language or both, and its measures.

use egui::Id;

use super::{Action, ContentMode, DocEdit, TextField, ViewState, measures};
use super::{body_tools, find, rich_text, spell_ui};
use crate::i18n::i18n;
use crate::model::{Document, Lang, LocalText, Section};

/// The accessible name of a field: "Title", or "Title (German)" in translation mode.
pub fn field_name(ui_lang: Lang, label: &str, lang: Lang, mode: ContentMode) -> String {
    match mode {
        ContentMode::Single(_) => label.to_owned(),
        ContentMode::Both => format!(
            "{label} ({})",
            i18n().tr(ui_lang, &format!("language-{}", lang.code()))
        ),
    }
}

/// The widget id of the text editor of `field` in `lang` (find and replace highlights
/// and scrolls through it).
pub fn text_id(field: &TextField, lang: Lang) -> Id {
    Id::unique(("text", field, lang))
}

/// A marker next to a field whose other language has text and this one has none.
pub fn missing_marker(ui: &mut egui::Ui, ui_lang: Lang, text: &LocalText, lang: Lang) {
    if text.lacks(lang) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            i18n().tr(ui_lang, "marker-missing-translation"),
        );
    }
}

/// The editor for one bilingual text: one field per shown language, side by side.
/// Returns the response of the first field (for focus requests).
#[allow(clippy::too_many_arguments)]
pub fn bilingual(
    ui: &mut egui::Ui,
    view: &ViewState,
    label: &str,
    field: &TextField,
    value: &LocalText,
    hint: Option<&LocalText>,
    multiline: bool,
    read_only: bool,
    out: &mut Vec<Action>,
) -> Option<egui::Response> {
    let langs = view.content.langs();
    let mut first = None;
    ui.columns(langs.len(), |cols| {
        for (col, &lang) in cols.iter_mut().zip(&langs) {
            let name = field_name(view.ui_lang, label, lang, view.content);
            let label_id = col
                .horizontal_wrapped(|ui| {
                    let l = ui.label(egui::RichText::new(&name).strong());
                    missing_marker(ui, view.ui_lang, value, lang);
                    let here = (value, field);
                    super::translation::stale_marker(
                        ui,
                        view.ui_lang,
                        &view.sources,
                        here,
                        lang,
                        read_only,
                        out,
                    );
                    l.id
                })
                .inner;
            let mut text = value.get(lang).to_owned();
            let id = text_id(field, lang);
            // A measure or its note wraps and grows with its text (issue 15.3); Enter
            // leaves the field as in a single line, Shift+Enter starts a new line.
            let short = matches!(field, TextField::MeasureText(_) | TextField::MeasureNote(_));
            // While the find bar has matches here, they are marked in the field.
            let mut marks = find::plain_layouter(col.ctx(), id, multiline);
            let mut edit = if multiline && short {
                egui::TextEdit::multiline(&mut text)
                    .desired_rows(1)
                    .return_key(egui::KeyboardShortcut::new(
                        egui::Modifiers::SHIFT,
                        egui::Key::Enter,
                    ))
            } else if multiline {
                egui::TextEdit::multiline(&mut text).desired_rows(3)
            } else {
                egui::TextEdit::singleline(&mut text)
            }
            .id(id)
            .hint_text(hint.map(|h| h.get(lang)).unwrap_or_default())
            .desired_width(f32::INFINITY)
            .interactive(!read_only);
            if let Some(layouter) = marks.as_mut() {
                edit = edit.layouter(layouter);
            }
            let r = col.add(edit).labelled_by(label_id);
            find::scroll_to_current(col, id, &r);
            if r.changed() {
                out.push(Action::Edit(DocEdit::SetText(field.clone(), lang, text)));
            }
            if r.lost_focus() {
                out.push(Action::BreakMerge);
            }
            if first.is_none() {
                first = Some(r);
            }
        }
    });
    first
}

/// Shows the selected section.
pub fn show(
    ui: &mut egui::Ui,
    doc: &Document,
    section: &Section,
    view: &mut ViewState,
    read_only: bool,
    out: &mut Vec<Action>,
) {
    let lang = view.ui_lang;
    let tr = |id: &str| i18n().tr(lang, id);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if read_only {
                // A released version: every widget is disabled (and looks it); the
                // scroll area outside stays usable for reading.
                ui.disable();
                super::theme::read_only_fields(ui);
            }
            let number = doc.number_of(&section.id).unwrap_or_default();
            // One rule with the tree (issue 15.9): the content language being edited.
            let shown_lang = view.content_lang(doc);
            ui.heading(format!(
                "{number} {}",
                i18n().section_title(section, shown_lang)
            ));
            if section.hidden {
                ui.weak(tr("section-is-hidden"));
            }
            if let Some(c) = section.canonical() {
                ui.weak(i18n().tr_args(
                    lang,
                    "section-canonical-hint",
                    &[("letter", c.letter().as_str().into())],
                ));
            }
            ui.add_space(6.0);

            // Canonical sections show their standard title as a hint in the empty field.
            let default_title = section.canonical().map(|c| {
                let id = c.title_message_id();
                LocalText::new(i18n().tr(Lang::De, &id), i18n().tr(Lang::En, &id))
            });
            let title = bilingual(
                ui,
                view,
                &tr("field-title"),
                &TextField::SectionTitle(section.id.clone()),
                &section.title,
                default_title.as_ref(),
                false,
                read_only,
                out,
            );
            if view.focus_title {
                if let Some(t) = title {
                    t.request_focus();
                    // The whole title is selected, so typing replaces "Neuer Abschnitt"
                    // instead of appending to it (issue 20.9).
                    let shown = section.title.get(view.content_lang(doc));
                    super::cursor::select_all(ui.ctx(), t.id, shown);
                }
                view.focus_title = false;
            }
            ui.add_space(8.0);
            body_editor(ui, doc, section, view, read_only, out);
            ui.add_space(8.0);
            ui.separator();
            measures::show(ui, section, view, read_only, out);
        });
}

fn body_editor(
    ui: &mut egui::Ui,
    doc: &Document,
    section: &Section,
    view: &ViewState,
    read_only: bool,
    out: &mut Vec<Action>,
) {
    let ui_lang = view.ui_lang;
    let tr = |id: &str| i18n().tr(ui_lang, id);
    let langs = view.content.langs();
    let field = TextField::SectionBody(section.id.clone());
    ui.columns(langs.len(), |cols| {
        for (col, &lang) in cols.iter_mut().zip(&langs) {
            let name = field_name(ui_lang, &tr("field-body"), lang, view.content);
            let id = text_id(&field, lang);
            let current = section.body.get(lang);
            let label_id = col
                .horizontal_wrapped(|ui| {
                    let l = ui.label(egui::RichText::new(&name).strong());
                    missing_marker(ui, ui_lang, &section.body, lang);
                    let here = (&section.body, &field);
                    super::translation::stale_marker(
                        ui,
                        ui_lang,
                        &view.sources,
                        here,
                        lang,
                        read_only,
                        out,
                    );
                    l.id
                })
                .inner;
            if !read_only && let Some(tool) = body_tools::toolbar(col, ui_lang) {
                body_tools::apply(col.ctx(), (id, &field, lang), current, tool, ui_lang, out);
            }
            let mut text = current.to_owned();
            let mut edit_ui = |ui: &mut egui::Ui| {
                rich_text::restore_selection(ui.ctx(), id, current);
                let focused = !read_only && ui.memory(|m| m.has_focus(id));
                if focused && let Some(tool) = rich_text::take_pending(ui.ctx(), id) {
                    body_tools::apply(ui.ctx(), (id, &field, lang), current, tool, ui_lang, out);
                }
                // In a list, Tab and Shift+Tab change the level and stay in the field.
                let in_list = focused && body_tools::tab_indents(ui.ctx(), id, current);
                if in_list && let Some(tool) = body_tools::take_tab(ui.ctx()) {
                    body_tools::apply(ui.ctx(), (id, &field, lang), current, tool, ui_lang, out);
                }
                let words = &doc.meta.dictionary;
                let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, width: f32| {
                    rich_text::galley(ui, id, buf.as_str(), width, Some((lang, words)))
                };
                let output = egui::TextEdit::multiline(&mut text)
                    .id(id)
                    .desired_rows(12)
                    .desired_width(f32::INFINITY)
                    .interactive(!read_only)
                    .lock_focus(in_list)
                    .layouter(&mut layouter)
                    .show(ui);
                rich_text::paint_decorations(ui, &output, &text);
                scroll_to_current_match(ui, id, &output, &text);
                body_tools::link_dialog(ui.ctx(), id, current, out);
                let r = output.response.response.clone().labelled_by(label_id);
                if !read_only {
                    spelling_menu(
                        ui,
                        &r,
                        &output,
                        (id, &field),
                        current,
                        lang,
                        view.ui_lang,
                        words,
                    )
                    .into_iter()
                    .for_each(|a| out.push(a));
                }
                if r.changed() {
                    out.push(Action::Edit(DocEdit::SetText(
                        field.clone(),
                        lang,
                        text.clone(),
                    )));
                }
                if r.lost_focus() {
                    out.push(Action::BreakMerge);
                }
            };
            edit_ui(col);
        }
    });
}

/// Scrolls once to the find bar's current match when it is in this editor.
fn scroll_to_current_match(
    ui: &egui::Ui,
    id: Id,
    output: &egui::text_edit::TextEditOutput,
    text: &str,
) {
    let Some(generation) = find::current_generation(ui.ctx(), id) else {
        return;
    };
    let key = id.with("find-scrolled");
    if ui.data(|d| d.get_temp::<u64>(key)) == Some(generation) {
        return;
    }
    ui.data_mut(|d| d.insert_temp(key, generation));
    let (_, current) = find::highlights_for(ui.ctx(), id);
    if let Some(range) = current
        && let Some(before) = text.get(..range.start)
    {
        let at = egui::text::CCursor::new(before.chars().count());
        let rect = output
            .galley
            .pos_from_cursor(at)
            .translate(output.galley_pos.to_vec2())
            .expand(24.0);
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
    }
}

/// The right-click menu of a body editor on a misspelled word. egui's `context_menu`
/// does not open on a `TextEdit` with a real mouse (emilk/egui#4393: the field takes the
/// press), so the menu is an area of its own at the click, open until a choice, Escape or
/// a click elsewhere.
#[allow(clippy::too_many_arguments)]
fn spelling_menu(
    ui: &mut egui::Ui,
    response: &egui::Response,
    output: &egui::text_edit::TextEditOutput,
    (id, field): (Id, &TextField),
    current: &str,
    lang: Lang,
    ui_lang: Lang,
    words: &std::collections::BTreeSet<String>,
) -> Vec<Action> {
    /// The word, where the menu opens, and how many frames it has been open.
    type Open = (std::ops::Range<usize>, egui::Pos2, u8);
    let key = id.with("spell-word");
    let ctx = ui.ctx().clone();
    if response.secondary_clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        let cursor = output.galley.cursor_from_pos(pos - output.galley_pos);
        let byte = current
            .char_indices()
            .nth(cursor.index.0)
            .map_or(current.len(), |(i, _)| i);
        let word = spell_ui::misspelled(&ctx, current, lang, words)
            .into_iter()
            .find(|r| r.start <= byte && byte <= r.end);
        // Frame 0: opened now, so this frame's click is not a click elsewhere.
        ctx.data_mut(|d| d.insert_temp::<Option<Open>>(key, word.map(|w| (w, pos, 0))));
    }
    let open: Option<Open> = ctx.data(|d| d.get_temp(key)).flatten();
    let Some((word, pos, frames)) = open else {
        return Vec::new();
    };
    if current.get(word.clone()).is_none() {
        ctx.data_mut(|d| d.insert_temp::<Option<Open>>(key, None));
        return Vec::new();
    }
    let mut actions = Vec::new();
    let mut close = false;
    let area = egui::Area::new(id.with("spell-menu"))
        .order(egui::Order::Foreground)
        .fixed_pos(pos)
        .show(&ctx, |ui| {
            egui::Frame::menu(ui.style()).show(ui, |ui| {
                ui.set_min_width(160.0);
                match spell_ui::menu(ui, ui_lang, current, word.clone(), lang) {
                    Some(spell_ui::SpellChoice::Replace(range, with)) => {
                        let mut text = current.to_owned();
                        text.replace_range(range, &with);
                        actions.push(Action::BreakMerge);
                        actions.push(Action::Edit(DocEdit::SetText(field.clone(), lang, text)));
                        actions.push(Action::BreakMerge);
                        close = true;
                    }
                    Some(spell_ui::SpellChoice::AddToDictionary(w)) => {
                        actions.push(Action::Edit(DocEdit::AddWord(w)));
                        actions.push(Action::BreakMerge);
                        close = true;
                    }
                    Some(spell_ui::SpellChoice::AddToUserWords(w)) => {
                        if let Err(e) = spell_ui::add_user_word(ui.ctx(), &w) {
                            actions.push(Action::Notice(e));
                        }
                        close = true;
                    }
                    None => close |= ui.should_close(),
                }
            });
        });
    let pressed_elsewhere = ctx.input(|i| {
        i.pointer.any_pressed()
            && i.pointer
                .interact_pos()
                .is_some_and(|p| !area.response.rect.contains(p))
    });
    if close || ctx.input(|i| i.key_pressed(egui::Key::Escape)) || (frames > 0 && pressed_elsewhere)
    {
        ctx.data_mut(|d| d.insert_temp::<Option<Open>>(key, None));
    } else if frames < 3 {
        ctx.data_mut(|d| d.insert_temp::<Option<Open>>(key, Some((word, pos, frames + 1))));
        // A new area is measured invisibly in its first frame: draw it again now, not
        // only at the next mouse move.
        ctx.request_repaint();
    }
    actions
}
