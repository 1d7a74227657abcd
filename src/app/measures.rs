//! The measures of the selected section: text, kind, status and note per measure, with
//! add, reorder and delete.

use super::command::Command;
use super::section_editor::bilingual;
use super::{Action, DocEdit, TextField, ViewState};
use crate::i18n::i18n;
use crate::model::{MeasureKind, MeasureStatus, Section};

/// Shows the measure list.
pub fn show(
    ui: &mut egui::Ui,
    section: &Section,
    view: &mut ViewState,
    read_only: bool,
    out: &mut Vec<Action>,
) {
    let lang = view.ui_lang;
    let tr = |id: &str| i18n().tr(lang, id);
    ui.horizontal(|ui| {
        ui.heading(tr("measures-heading"));
        ui.weak(format!("({})", section.measures.len()));
    });
    if section.measures.is_empty() {
        ui.weak(tr("measures-none"));
    }
    let count = section.measures.len();
    for (i, m) in section.measures.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            // The row wraps at narrow widths (issue 15.2): number, kind, status, then the
            // buttons, each whole, on as many lines as needed; never drawn over each other.
            ui.horizontal_wrapped(|ui| {
                ui.strong(i18n().tr_args(
                    lang,
                    "measure-number",
                    &[("n", ((i + 1) as f64).into())],
                ));
                ui.add_enabled_ui(!read_only, |ui| {
                    let kind_label = ui.label(tr("field-kind"));
                    egui::ComboBox::from_id_salt(("kind", &m.id))
                        .selected_text(i18n().kind_label(m.kind, lang))
                        .show_ui(ui, |ui| {
                            for k in MeasureKind::ALL {
                                if ui
                                    .selectable_label(k == m.kind, i18n().kind_label(k, lang))
                                    .clicked()
                                    && k != m.kind
                                {
                                    out.push(Action::Edit(DocEdit::SetMeasureKind(
                                        m.id.clone(),
                                        k,
                                    )));
                                }
                            }
                        })
                        .response
                        .labelled_by(kind_label.id);
                    let status_label = ui.label(tr("field-status"));
                    egui::ComboBox::from_id_salt(("status", &m.id))
                        .selected_text(i18n().status_label(m.status, lang))
                        .show_ui(ui, |ui| {
                            for s in MeasureStatus::ALL {
                                if ui
                                    .selectable_label(s == m.status, i18n().status_label(s, lang))
                                    .clicked()
                                    && s != m.status
                                {
                                    out.push(Action::Edit(DocEdit::SetMeasureStatus(
                                        m.id.clone(),
                                        s,
                                    )));
                                }
                            }
                        })
                        .response
                        .labelled_by(status_label.id);
                    ui.add_space(ui.spacing().item_spacing.x * 2.0);
                    if ui
                        .add_enabled(i > 0, egui::Button::new(tr("measure-up")))
                        .clicked()
                    {
                        out.push(Action::Edit(DocEdit::MoveMeasure(m.id.clone(), true)));
                    }
                    if ui
                        .add_enabled(i + 1 < count, egui::Button::new(tr("measure-down")))
                        .clicked()
                    {
                        out.push(Action::Edit(DocEdit::MoveMeasure(m.id.clone(), false)));
                    }
                    if ui.button(tr("measure-delete")).clicked() {
                        out.push(Action::Edit(DocEdit::RemoveMeasure(m.id.clone())));
                    }
                });
            });
            let text = bilingual(
                ui,
                view,
                &tr("field-measure"),
                &TextField::MeasureText(m.id.clone()),
                &m.text,
                None,
                true,
                read_only,
                out,
            );
            if view.focus_measure.as_ref() == Some(&m.id) {
                if let Some(t) = text {
                    t.request_focus();
                    t.scroll_to_me(None);
                }
                view.focus_measure = None;
            }
            bilingual(
                ui,
                view,
                &tr("field-note"),
                &TextField::MeasureNote(m.id.clone()),
                &m.note,
                None,
                true,
                read_only,
                out,
            );
        });
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        Command::AddMeasure.button(ui, lang, !read_only, out);
        Command::AddFromCatalogue.button(ui, lang, !read_only, out);
    });
}
