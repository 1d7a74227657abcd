//! The history panel: released versions, newest first; view one read-only, restore it as
//! an undoable step, or release the working copy.

use super::command::Command;
use super::{Action, Editor, ViewState};
use crate::i18n::{format_date, i18n};

/// Shows the panel.
pub fn show(ui: &mut egui::Ui, editor: &Editor, view: &ViewState, out: &mut Vec<Action>) {
    let lang = view.ui_lang;
    let tr = |id: &str| i18n().tr(lang, id);
    ui.add_space(4.0);
    ui.heading(tr("history-heading"));
    Command::Release.button(ui, lang, view.viewing.is_none(), out);
    if view.viewing.is_some() && ui.button(tr("history-back")).clicked() {
        out.push(Action::ViewVersion(None));
    }
    ui.separator();
    let file = &editor.file;
    if file.versions.is_empty() {
        ui.weak(tr("history-empty"));
        return;
    }
    if file.has_unreleased_changes() {
        ui.weak(tr("history-unreleased"));
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for v in file.versions.iter().rev() {
                let viewing = view.viewing.as_ref().is_some_and(|(l, _)| l == &v.label);
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        ui.strong(&v.label);
                        ui.label(format_date(v.date, lang));
                        ui.weak(v.short_hash());
                    });
                    if !v.author.is_empty() {
                        ui.label(&v.author);
                    }
                    let note = v.note.get_or_other(lang);
                    if !note.is_empty() {
                        ui.weak(note);
                    }
                    ui.horizontal(|ui| {
                        if ui
                            .selectable_label(viewing, tr("history-view"))
                            .on_hover_text(tr("history-view-hint"))
                            .clicked()
                        {
                            out.push(Action::ViewVersion(if viewing {
                                None
                            } else {
                                Some(v.label.clone())
                            }));
                        }
                        if ui
                            .button(tr("history-restore"))
                            .on_hover_text(tr("history-restore-hint"))
                            .clicked()
                        {
                            out.push(Action::RestoreVersion(v.label.clone()));
                        }
                        if ui
                            .button(tr("history-compare"))
                            .on_hover_text(tr("history-compare-hint"))
                            .clicked()
                        {
                            out.push(Action::CompareWithWorking(v.label.clone()));
                        }
                        if ui
                            .button(tr("history-export"))
                            .on_hover_text(tr("history-export-hint"))
                            .clicked()
                        {
                            // Opening the version first makes the export take it.
                            out.push(Action::ViewVersion(Some(v.label.clone())));
                            out.push(Action::Command(Command::ExportPdf));
                        }
                    });
                });
            }
        });
}

/// The banner over a released version opened read-only: which version, of which date,
/// and the two ways out (back to the working copy, or restore it as the working copy).
pub fn version_banner(ui: &mut egui::Ui, editor: &Editor, view: &ViewState, out: &mut Vec<Action>) {
    let Some((label, _)) = &view.viewing else {
        return;
    };
    let lang = view.ui_lang;
    let tr = |id: &str| i18n().tr(lang, id);
    let date = editor
        .file
        .version(label)
        .map(|v| format_date(v.date, lang))
        .unwrap_or_default();
    let text = i18n().tr_args(
        lang,
        "version-banner",
        &[("label", label.clone().into()), ("date", date.into())],
    );
    egui::Frame::new()
        .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
        .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.strong(text);
                if ui.button(tr("version-banner-back")).clicked() {
                    out.push(Action::ViewVersion(None));
                }
                if ui.button(tr("version-banner-restore")).clicked() {
                    out.push(Action::RestoreVersion(label.clone()));
                }
            });
        });
    ui.add_space(6.0);
}
