//! The body editor's formatting tools: the toolbar (bold, italic, bullet list, numbered
//! list, indent, outdent, link, table), their keys (Ctrl+B, Ctrl+I, Ctrl+K, Tab and
//! Shift+Tab in a list) and the link dialog. Each tool is one undo step on the Markdown.

use std::ops::Range;

use egui::Id;

use super::markdown;
use super::rich_text::{self, Inline};
use super::{Action, DocEdit, TextField};
use crate::i18n::i18n;
use crate::model::Lang;

/// One formatting tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// `**…**` on or off.
    Bold,
    /// `*…*` on or off.
    Italic,
    /// `- ` on the selected lines, or off.
    Bullets,
    /// `1. ` on the selected lines, or off.
    Numbers,
    /// One list level in (Tab).
    Indent,
    /// One list level out (Shift+Tab).
    Outdent,
    /// The link dialog (Ctrl+K).
    Link,
    /// A two-column table.
    Table,
}

impl Tool {
    /// The toolbar, in order.
    pub const TOOLBAR: [Tool; 8] = [
        Tool::Bold,
        Tool::Italic,
        Tool::Bullets,
        Tool::Numbers,
        Tool::Indent,
        Tool::Outdent,
        Tool::Link,
        Tool::Table,
    ];

    fn label_key(self) -> &'static str {
        match self {
            Tool::Bold => "helper-bold",
            Tool::Italic => "tool-italic",
            Tool::Bullets => "helper-list",
            Tool::Numbers => "tool-numbers",
            Tool::Indent => "tool-indent",
            Tool::Outdent => "tool-outdent",
            Tool::Link => "helper-link",
            Tool::Table => "tool-table",
        }
    }

    fn shortcut(self) -> &'static str {
        match self {
            Tool::Bold => "Ctrl+B",
            Tool::Italic => "Ctrl+I",
            Tool::Indent => "Tab",
            Tool::Outdent => "Shift+Tab",
            Tool::Link => "Ctrl+K",
            _ => "",
        }
    }
}

/// The toolbar above a body editor; returns the tool clicked.
pub fn toolbar(ui: &mut egui::Ui, ui_lang: Lang) -> Option<Tool> {
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        for tool in Tool::TOOLBAR {
            // Not focusable: a click leaves the focus (and the selection) in the text, as
            // a word processor's toolbar does; the keys below reach the tools too.
            let mut button = ui.add(
                egui::Button::new(i18n().tr(ui_lang, tool.label_key())).sense(egui::Sense::CLICK),
            );
            if !tool.shortcut().is_empty() {
                button = button.on_hover_text(tool.shortcut());
            }
            if button.clicked() {
                clicked = Some(tool);
            }
        }
    });
    clicked
}

/// The selection of editor `id` in characters (start may be after end), or the end of
/// `current` when the editor has none.
fn selection(ctx: &egui::Context, id: Id, current: &str) -> Range<usize> {
    egui::TextEdit::load_state(ctx, id)
        .and_then(|s| s.cursor.char_range())
        .map(|r| r.secondary.index.0..r.primary.index.0)
        .unwrap_or_else(|| {
            let n = current.chars().count();
            n..n
        })
}

/// The edit actions for a new text of the field: one undo step, the selection restored
/// on the new text and the focus back in the editor.
fn commit(
    ctx: &egui::Context,
    (id, field, lang): (Id, &TextField, Lang),
    text: String,
    selection: Range<usize>,
    out: &mut Vec<Action>,
) {
    rich_text::defer_selection(ctx, id, text.clone(), selection);
    out.push(Action::BreakMerge);
    out.push(Action::Edit(DocEdit::SetText(field.clone(), lang, text)));
    out.push(Action::BreakMerge);
}

/// Carries out `tool` on the body editor `id` showing `current`.
pub fn apply(
    ctx: &egui::Context,
    target: (Id, &TextField, Lang),
    current: &str,
    tool: Tool,
    ui_lang: Lang,
    out: &mut Vec<Action>,
) {
    let (id, _, lang) = target;
    let range = selection(ctx, id, current);
    let changed = match tool {
        Tool::Bold => Some(rich_text::toggle(current, range, Inline::Bold)),
        Tool::Italic => Some(rich_text::toggle(current, range, Inline::Italic)),
        Tool::Bullets => Some(markdown::toggle_list(current, range, false)),
        Tool::Numbers => Some(markdown::toggle_list(current, range, true)),
        Tool::Indent => markdown::indent_list(current, range, false),
        Tool::Outdent => markdown::indent_list(current, range, true),
        Tool::Table => {
            let header = [
                i18n().tr(lang, "tool-table-column-1"),
                i18n().tr(lang, "tool-table-column-2"),
            ];
            Some(markdown::insert_table(
                current,
                range.start.max(range.end),
                [&header[0], &header[1]],
            ))
        }
        Tool::Link => {
            open_link_dialog(ctx, target, current, range, ui_lang);
            None
        }
    };
    if let Some((text, selection)) = changed
        && text != current
    {
        commit(ctx, target, text, selection, out);
    }
}

/// Whether Tab on editor `id` indents a list (the cursor's lines are list items).
pub fn tab_indents(ctx: &egui::Context, id: Id, current: &str) -> bool {
    markdown::indent_list(current, selection(ctx, id, current), false).is_some()
}

/// Takes Tab / Shift+Tab from the input when they indent a list in editor `id`.
pub fn take_tab(ctx: &egui::Context) -> Option<Tool> {
    ctx.input_mut(|i| {
        if i.consume_key(egui::Modifiers::SHIFT, egui::Key::Tab) {
            Some(Tool::Outdent)
        } else if i.consume_key(egui::Modifiers::NONE, egui::Key::Tab) {
            Some(Tool::Indent)
        } else {
            None
        }
    })
}

/// The open link dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkDialog {
    id: Id,
    field: TextField,
    lang: Lang,
    /// Bytes replaced: the selection or the existing link.
    range: Range<usize>,
    existing: bool,
    text: String,
    url: String,
    refused: bool,
    ui_lang: Lang,
}

fn dialog_key() -> Id {
    Id::unique("body-link-dialog")
}

fn byte_of_char(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

fn open_link_dialog(
    ctx: &egui::Context,
    (id, field, lang): (Id, &TextField, Lang),
    current: &str,
    range: Range<usize>,
    ui_lang: Lang,
) {
    let (a, b) = (range.start.min(range.end), range.start.max(range.end));
    let dialog = match markdown::link_at(current, a) {
        Some((bytes, text, url)) => LinkDialog {
            id,
            field: field.clone(),
            lang,
            range: bytes,
            existing: true,
            text,
            url,
            refused: false,
            ui_lang,
        },
        None => {
            let bytes = byte_of_char(current, a)..byte_of_char(current, b);
            LinkDialog {
                id,
                field: field.clone(),
                lang,
                text: current[bytes.clone()].to_owned(),
                range: bytes,
                existing: false,
                url: "https://".into(),
                refused: false,
                ui_lang,
            }
        }
    };
    ctx.data_mut(|d| d.insert_temp(dialog_key(), Some(dialog)));
}

/// Shows the link dialog when it belongs to editor `id` and returns its edit.
pub fn link_dialog(ctx: &egui::Context, id: Id, current: &str, out: &mut Vec<Action>) {
    let Some(mut dialog) = ctx
        .data(|d| d.get_temp::<Option<LinkDialog>>(dialog_key()))
        .flatten()
    else {
        return;
    };
    if dialog.id != id {
        return;
    }
    let tr = |key: &str| i18n().tr(dialog.ui_lang, key);
    let mut close = false;
    let mut result: Option<(String, Range<usize>)> = None;
    let modal = egui::Modal::new(Id::unique("body-link-modal")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(tr("link-title"));
        egui::Grid::new("link-grid").num_columns(2).show(ui, |ui| {
            let l = ui.label(tr("link-text"));
            ui.add(egui::TextEdit::singleline(&mut dialog.text).desired_width(300.0))
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(tr("link-url"));
            let url = ui
                .add(egui::TextEdit::singleline(&mut dialog.url).desired_width(300.0))
                .labelled_by(l.id);
            if !ui.memory(|m| m.focused().is_some()) {
                url.request_focus();
            }
            ui.end_row();
        });
        if dialog.refused {
            ui.colored_label(ui.visuals().error_fg_color, tr("link-refused"));
        } else {
            ui.weak(tr("link-schemes"));
        }
        ui.horizontal(|ui| {
            let ok =
                ui.button(tr("link-ok")).clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ok {
                if markdown::valid_link(&dialog.url) && current.get(dialog.range.clone()).is_some()
                {
                    let label = if dialog.text.trim().is_empty() {
                        dialog.url.trim().to_owned()
                    } else {
                        dialog.text.clone()
                    };
                    result = Some(markdown::set_link(
                        current,
                        dialog.range.clone(),
                        &label,
                        &dialog.url,
                    ));
                    close = true;
                } else {
                    dialog.refused = true;
                }
            }
            if dialog.existing
                && ui.button(tr("link-remove")).clicked()
                && current.get(dialog.range.clone()).is_some()
            {
                result = Some(markdown::remove_link(
                    current,
                    dialog.range.clone(),
                    &dialog.text,
                ));
                close = true;
            }
            if ui.button(tr("button-cancel")).clicked() {
                close = true;
            }
        });
    });
    if modal.should_close() {
        close = true;
    }
    if let Some((text, selection)) = result {
        commit(ctx, (id, &dialog.field, dialog.lang), text, selection, out);
    }
    ctx.data_mut(|d| {
        d.insert_temp(dialog_key(), (!close).then_some(dialog));
    });
}
