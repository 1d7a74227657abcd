//! Modal dialogs: unsaved changes, path field, recovery, errors, import report, disk
//! conflicts, delete confirmation and release. Each returns the user's [`Answer`].

use std::path::PathBuf;

use egui::{Id, Modal};

use super::files::Purpose;
use super::recovery::Found;
use crate::i18n::i18n;
use crate::import::ImportReport;
use crate::model::{Lang, SectionId};

/// What a guarded action does once unsaved changes are saved or discarded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// New document.
    New,
    /// Ask for a file to open.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Ask for a Markdown file to import.
    Import,
    /// Import this file.
    ImportPath(PathBuf),
    /// Close the window.
    Quit,
}

/// A dialog waiting for an answer.
#[derive(Debug)]
pub enum Dialog {
    /// Save, discard or cancel before `Pending`.
    Unsaved(Pending),
    /// The in-app path field (no native dialog available).
    PathPrompt {
        /// What the path is for.
        purpose: Purpose,
        /// The text typed so far.
        text: String,
    },
    /// A recovery copy was found at start-up.
    Recovery(Box<Found>),
    /// An error: title and message.
    Error(String, String),
    /// What the Markdown import did.
    ImportReport(PathBuf, Box<ImportReport>),
    /// The file changed on disk since it was loaded.
    DiskConflict(PathBuf),
    /// Delete this custom section?
    ConfirmDelete(SectionId),
    /// The version chain does not verify.
    ChainBroken(String),
    /// Release a version.
    Release {
        /// Version label.
        label: String,
        /// Author.
        author: String,
        /// Change note.
        note: String,
        /// Why the last attempt was refused.
        error: Option<String>,
        /// Sign the release with the key of `tomwerk keygen` (issue 19.6).
        sign: bool,
    },
}

/// The user's answer to a dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Save first.
    Save,
    /// Throw away (changes, recovery copy).
    Discard,
    /// Do nothing.
    Cancel,
    /// Confirm.
    Ok,
    /// Restore the recovery copy.
    Restore,
    /// Overwrite the file changed on disk.
    Overwrite,
    /// Load the file from disk instead.
    Reload,
}

fn tr(lang: Lang, id: &str) -> String {
    i18n().tr(lang, id)
}

/// A labelled single-line text field with an accessible name.
fn text_field(ui: &mut egui::Ui, label: &str, value: &mut String, width: f32) -> egui::Response {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).desired_width(width))
        .labelled_by(l.id)
}

/// Shows `dialog` and returns the answer once the user gives one.
pub fn show(ctx: &egui::Context, lang: Lang, dialog: &mut Dialog) -> Option<Answer> {
    let mut answer = None;
    let modal = Modal::new(Id::unique("tomwerk-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match dialog {
            Dialog::Unsaved(_) => {
                ui.heading(tr(lang, "unsaved-title"));
                ui.label(tr(lang, "unsaved-text"));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let save = ui.button(tr(lang, "button-save"));
                    if save.clicked() {
                        answer = Some(Answer::Save);
                    }
                    if ui.button(tr(lang, "button-discard")).clicked() {
                        answer = Some(Answer::Discard);
                    }
                    if ui.button(tr(lang, "button-cancel")).clicked() {
                        answer = Some(Answer::Cancel);
                    }
                    if !ui.memory(|m| m.focused().is_some()) {
                        save.request_focus();
                    }
                });
            }
            Dialog::PathPrompt { purpose, text } => {
                let title = match purpose {
                    Purpose::Open => "dialog-open-title",
                    Purpose::SaveAs => "dialog-save-title",
                    Purpose::Import => "dialog-import-title",
                    Purpose::ExportPdf => "dialog-export-title",
                    Purpose::ChangeReport => "dialog-change-report-title",
                };
                ui.heading(tr(lang, title));
                ui.label(tr(lang, "path-prompt-text"));
                let field = text_field(ui, &tr(lang, "path-label"), text, 480.0);
                if !field.has_focus() && !ui.memory(|m| m.focused().is_some()) {
                    field.request_focus();
                }
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, "button-ok")).clicked() || enter {
                        answer = Some(Answer::Ok);
                    }
                    if ui.button(tr(lang, "button-cancel")).clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
            Dialog::Recovery(found) => {
                ui.heading(tr(lang, "recovery-title"));
                let origin = found
                    .origin
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| tr(lang, "title-untitled"));
                ui.label(i18n().tr_args(lang, "recovery-text", &[("file", origin.into())]));
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, "button-restore")).clicked() {
                        answer = Some(Answer::Restore);
                    }
                    if ui.button(tr(lang, "button-discard-recovery")).clicked() {
                        answer = Some(Answer::Discard);
                    }
                });
            }
            Dialog::Error(title, message) => {
                ui.heading(title.as_str());
                ui.label(message.as_str());
                if ui.button(tr(lang, "button-ok")).clicked() {
                    answer = Some(Answer::Ok);
                }
            }
            Dialog::ChainBroken(message) => {
                ui.heading(tr(lang, "chain-broken-title"));
                ui.label(i18n().tr_args(
                    lang,
                    "chain-broken-text",
                    &[("detail", message.clone().into())],
                ));
                if ui.button(tr(lang, "button-ok")).clicked() {
                    answer = Some(Answer::Ok);
                }
            }
            Dialog::ImportReport(path, report) => {
                ui.heading(tr(lang, "import-report-title"));
                ui.label(i18n().tr_args(
                    lang,
                    "import-report-text",
                    &[
                        ("path", path.display().to_string().into()),
                        ("count", (report.mappings.len() as f64).into()),
                    ],
                ));
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        egui::Grid::new("import-report")
                            .striped(true)
                            .show(ui, |ui| {
                                ui.strong(tr(lang, "import-heading"));
                                ui.strong(tr(lang, "import-section"));
                                ui.end_row();
                                for m in &report.mappings {
                                    ui.label(&m.heading);
                                    let mut target = m.section.to_string();
                                    if m.custom {
                                        target =
                                            format!("{target} ({})", tr(lang, "app-import-custom"));
                                    }
                                    for c in &m.also_covers {
                                        target.push_str(&format!(" + {c}"));
                                    }
                                    ui.label(target);
                                    ui.end_row();
                                }
                            });
                    });
                if ui.button(tr(lang, "button-ok")).clicked() {
                    answer = Some(Answer::Ok);
                }
            }
            Dialog::DiskConflict(path) => {
                ui.heading(tr(lang, "conflict-title"));
                ui.label(i18n().tr_args(
                    lang,
                    "conflict-text",
                    &[("path", path.display().to_string().into())],
                ));
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, "button-overwrite")).clicked() {
                        answer = Some(Answer::Overwrite);
                    }
                    if ui.button(tr(lang, "button-reload")).clicked() {
                        answer = Some(Answer::Reload);
                    }
                    if ui.button(tr(lang, "button-cancel")).clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
            Dialog::ConfirmDelete(_) => {
                ui.heading(tr(lang, "delete-title"));
                ui.label(tr(lang, "delete-text"));
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, "button-delete")).clicked() {
                        answer = Some(Answer::Ok);
                    }
                    if ui.button(tr(lang, "button-cancel")).clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
            Dialog::Release {
                label,
                author,
                note,
                error,
                sign,
            } => {
                ui.heading(tr(lang, "release-title"));
                ui.label(tr(lang, "release-text"));
                egui::Grid::new("release-grid")
                    .num_columns(2)
                    .show(ui, |ui| {
                        text_field(ui, &tr(lang, "release-label"), label, 240.0);
                        ui.end_row();
                        text_field(ui, &tr(lang, "release-author"), author, 240.0);
                        ui.end_row();
                        text_field(ui, &tr(lang, "release-note"), note, 240.0);
                        ui.end_row();
                    });
                ui.checkbox(sign, tr(lang, "release-sign"))
                    .on_hover_text(tr(lang, "release-sign-hint"));
                if let Some(e) = error {
                    ui.colored_label(ui.visuals().error_fg_color, e.as_str());
                }
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, "button-release")).clicked() {
                        answer = Some(Answer::Ok);
                    }
                    if ui.button(tr(lang, "button-cancel")).clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
        }
    });
    if answer.is_none() && modal.should_close() {
        // Escape or a click outside: the safe answer (nothing lost, nothing done).
        answer = Some(match dialog {
            Dialog::Error(..) | Dialog::ImportReport(..) | Dialog::ChainBroken(_) => Answer::Ok,
            // Recovery must be answered explicitly: an accidental Escape would lose work.
            Dialog::Recovery(_) => return None,
            _ => Answer::Cancel,
        });
    }
    answer
}
