//! Modal dialogs: unsaved changes, path field, recovery, errors, import report, disk
//! conflicts, delete confirmation and release. Each returns the user's [`Answer`].

use std::path::PathBuf;

use egui::{Id, Modal};

use super::files::Purpose;
use super::recovery::Found;
use crate::i18n::i18n;
use crate::import::{ImportReport, MeasureDetection};
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
        /// Why the last choice was refused (a missing folder, no such file).
        error: Option<String>,
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
    /// No program could open this exported file (issue 20.7): say where it is.
    NoOpener(std::path::PathBuf),
    /// What to export and how (issue 15.9): the options the CLI has.
    Export {
        /// The choice being edited.
        choice: super::settings::ExportChoice,
        /// The released versions that can be exported, oldest first.
        versions: Vec<String>,
    },
    /// Release a version.
    Release {
        /// Version label.
        label: String,
        /// Author.
        author: String,
        /// Change note (several lines allowed).
        note: String,
        /// The release date as typed (today by default; never in the future).
        date: String,
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
    /// Copy the path to the clipboard.
    CopyPath,
    /// Import the same file again with measure detection switched.
    Reimport,
}

/// The import's summary line and its warnings (images, tracked changes, comments…), read
/// before the imported document is saved.
fn import_summary(ui: &mut egui::Ui, lang: Lang, report: &ImportReport) {
    let custom = report.mappings.iter().filter(|m| m.custom).count();
    ui.label(i18n().tr_args(
        lang,
        "import-summary",
        &[
            ("headings", report.mappings.len().into()),
            ("mapped", (report.mappings.len() - custom).into()),
            ("custom", custom.into()),
        ],
    ));
    for w in &report.warnings {
        ui.label(egui::RichText::new(w.message(lang)).color(ui.visuals().warn_fg_color));
    }
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

/// A file time as local date and time ("03.12.2026, 14:05" / "3 December 2026, 14:05");
/// in UTC (said so) when the local offset is unknown.
pub fn written_at(t: std::time::SystemTime, lang: Lang) -> Option<String> {
    let utc = time::OffsetDateTime::from(t);
    let (local, zone) = match time::UtcOffset::local_offset_at(utc) {
        Ok(offset) => (utc.to_offset(offset), ""),
        Err(_) => (utc, " UTC"),
    };
    Some(format!(
        "{}, {:02}:{:02}{zone}",
        crate::i18n::format_date(local.date(), lang),
        local.hour(),
        local.minute()
    ))
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
            Dialog::PathPrompt {
                purpose,
                text,
                error,
            } => {
                let title = match purpose {
                    Purpose::Open => "dialog-open-title",
                    Purpose::SaveAs => "dialog-save-title",
                    Purpose::Import => "dialog-import-title",
                    Purpose::ExportPdf => "dialog-export-title",
                    Purpose::ChangeReport => "dialog-change-report-title",
                    Purpose::ExportDocx => "dialog-export-word-title",
                    Purpose::ChangeReportDocx => "dialog-change-report-word-title",
                    Purpose::ExportMarkdown => "dialog-export-markdown-title",
                };
                ui.heading(tr(lang, title));
                ui.label(tr(lang, "path-browser-text"));
                // The in-app browser (issue 15.4): folders, files of the type, new folder.
                if super::file_browser::show(ui, lang, *purpose, text).is_some() {
                    answer = Some(Answer::Ok);
                }
                let field = text_field(ui, &tr(lang, "path-label"), text, 480.0);
                if !field.has_focus() && !ui.memory(|m| m.focused().is_some()) {
                    field.request_focus();
                }
                let enter = (field.lost_focus() || field.has_focus())
                    && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if let Some(e) = error {
                    ui.colored_label(ui.visuals().error_fg_color, e.as_str());
                }
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
                // When the copy was written, so the user can tell which session it is.
                if let Some(when) = found.modified.and_then(|t| written_at(t, lang)) {
                    ui.label(i18n().tr_args(lang, "recovery-written", &[("when", when.into())]));
                }
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
            Dialog::Export { choice, versions } => {
                if super::export_dialog::show(ui, lang, choice, versions) {
                    answer = Some(Answer::Ok);
                }
                if ui.button(tr(lang, "button-cancel")).clicked() {
                    answer = Some(Answer::Cancel);
                }
            }
            Dialog::NoOpener(path) => {
                ui.heading(tr(lang, "no-opener-title"));
                ui.label(tr(lang, "no-opener-text"));
                ui.monospace(path.display().to_string());
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, "button-copy-path")).clicked() {
                        answer = Some(Answer::CopyPath);
                    }
                    if ui.button(tr(lang, "button-ok")).clicked() {
                        answer = Some(Answer::Ok);
                    }
                });
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
                // Re-imports the same file with measure detection switched.
                let mut detect = report.measures == MeasureDetection::Detect;
                if ui
                    .checkbox(&mut detect, tr(lang, "app-import-detect-measures"))
                    .changed()
                {
                    answer = Some(Answer::Reimport);
                }
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
                                import_structure_rows(ui, lang, report);
                            });
                    });
                import_summary(ui, lang, report);
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
                date,
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
                        text_field(ui, &tr(lang, "release-date"), date, 240.0)
                            .on_hover_text(tr(lang, "release-date-hint"));
                        ui.end_row();
                        // The note may run over several lines (issue 20.4).
                        let l = ui.label(tr(lang, "release-note"));
                        ui.add(
                            egui::TextEdit::multiline(note)
                                .desired_rows(4)
                                .desired_width(360.0),
                        )
                        .labelled_by(l.id);
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
            Dialog::Error(..)
            | Dialog::ImportReport(..)
            | Dialog::ChainBroken(_)
            | Dialog::NoOpener(_) => Answer::Ok,
            // Recovery must be answered explicitly: an accidental Escape would lose work.
            Dialog::Recovery(_) => return None,
            _ => Answer::Cancel,
        });
    }
    answer
}

/// The import report's rows for what the structure pass did: dissolved wrapper headings
/// and canonical sections hidden because the source does not have them.
fn import_structure_rows(ui: &mut egui::Ui, lang: Lang, report: &ImportReport) {
    for heading in &report.dissolved {
        ui.label(heading);
        ui.label(tr(lang, "app-import-dissolved"));
        ui.end_row();
    }
    for id in &report.hidden {
        let title = crate::model::CanonicalSection::from_id(id.as_str())
            .map(|c| tr(lang, &c.title_message_id()))
            .unwrap_or_else(|| id.to_string());
        ui.label(title);
        ui.label(tr(lang, "app-import-hidden-absent"));
        ui.end_row();
    }
}
