//! The document form: organisation, address, title, purpose, responsible person, DPO
//! contact, review interval, last review and languages.

use time::Date;

use super::section_editor::bilingual;
use super::{Action, DocEdit, MetaField, TextField, ViewState};
use crate::i18n::i18n;
use crate::model::{Document, Lang};

/// Parses a typed date (ISO, German or English notation, see [`super::parse_typed_date`]).
pub fn parse_date(text: &str) -> Option<Date> {
    super::parse_typed_date(text)
}

fn meta_field(
    ui: &mut egui::Ui,
    label: &str,
    field: MetaField,
    value: &str,
    multiline: bool,
    read_only: bool,
    out: &mut Vec<Action>,
) {
    let l = ui.label(label);
    let mut text = value.to_owned();
    let edit = if multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(3)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let r = ui
        .add(edit.desired_width(f32::INFINITY).interactive(!read_only))
        .labelled_by(l.id);
    if r.changed() {
        out.push(Action::Edit(DocEdit::SetMeta(field, text)));
    }
    if r.lost_focus() {
        out.push(Action::BreakMerge);
    }
    ui.end_row();
}

/// Shows the form.
pub fn show(
    ui: &mut egui::Ui,
    doc: &Document,
    view: &mut ViewState,
    read_only: bool,
    out: &mut Vec<Action>,
) {
    let lang = view.ui_lang;
    let tr = |id: &str| i18n().tr(lang, id);
    let meta = &doc.meta;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if read_only {
                // A released version: every widget is disabled (and looks it); the
                // scroll area outside stays usable for reading.
                ui.disable();
                super::theme::read_only_fields(ui);
            }
            ui.heading(tr("form-heading"));
            ui.add_space(6.0);
            bilingual(
                ui,
                view,
                &tr("form-title"),
                &TextField::DocTitle,
                &meta.title,
                None,
                false,
                read_only,
                out,
            );
            ui.weak(i18n().tr_args(
                lang,
                "form-title-hint",
                &[("default", i18n().tr(lang, "document-title-default").into())],
            ));
            bilingual(
                ui,
                view,
                &tr("form-purpose"),
                &TextField::DocPurpose,
                &meta.purpose,
                None,
                false,
                read_only,
                out,
            );
            bilingual(
                ui,
                view,
                &tr("form-responsible"),
                &TextField::Responsible,
                &meta.responsible,
                None,
                false,
                read_only,
                out,
            );
            ui.add_space(8.0);
            egui::Grid::new("meta-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .min_col_width(160.0)
                .show(ui, |ui| {
                    meta_field(
                        ui,
                        &tr("form-organisation"),
                        MetaField::Organisation,
                        &meta.organisation.name,
                        false,
                        read_only,
                        out,
                    );
                    meta_field(
                        ui,
                        &tr("form-address"),
                        MetaField::Address,
                        &meta.organisation.address,
                        true,
                        read_only,
                        out,
                    );
                    meta_field(
                        ui,
                        &tr("form-dpo"),
                        MetaField::DpoContact,
                        &meta.dpo_contact,
                        false,
                        read_only,
                        out,
                    );

                    let l = ui.label(tr("form-review-interval"));
                    let mut months = meta.review_interval_months;
                    let r = ui
                        .add_enabled(
                            !read_only,
                            egui::DragValue::new(&mut months)
                                .range(1..=120)
                                .suffix(format!(" {}", tr("form-months"))),
                        )
                        .labelled_by(l.id);
                    if r.changed() && months != meta.review_interval_months {
                        out.push(Action::Edit(DocEdit::SetReviewInterval(months)));
                    }
                    ui.end_row();

                    last_review(ui, lang, meta.last_review, read_only, out);

                    ui.label(tr("form-languages"));
                    ui.horizontal(|ui| {
                        for l in Lang::ALL {
                            let mut on = meta.languages.contains(&l);
                            let r = ui.add_enabled(
                                !read_only,
                                egui::Checkbox::new(&mut on, tr(&format!("language-{}", l.code()))),
                            );
                            if r.changed() {
                                out.push(Action::Edit(DocEdit::SetLanguage(l, on)));
                            }
                        }
                    });
                    ui.end_row();

                    let l = ui.label(tr("form-primary-language"));
                    ui.add_enabled_ui(!read_only, |ui| {
                        egui::ComboBox::from_id_salt("primary-language")
                            .selected_text(tr(&format!(
                                "language-{}",
                                meta.primary_language.code()
                            )))
                            .show_ui(ui, |ui| {
                                for lg in Lang::ALL {
                                    if ui
                                        .selectable_label(
                                            lg == meta.primary_language,
                                            tr(&format!("language-{}", lg.code())),
                                        )
                                        .clicked()
                                    {
                                        out.push(Action::Edit(DocEdit::SetPrimaryLanguage(lg)));
                                    }
                                }
                            })
                            .response
                            .labelled_by(l.id);
                    });
                    ui.end_row();
                });
            ui.add_space(8.0);
            bilingual(
                ui,
                view,
                &tr("form-intro"),
                &TextField::Intro,
                &doc.intro,
                None,
                true,
                read_only,
                out,
            );
        });
}

/// The last-review date as a text field: typed freely, stored once it parses.
fn last_review(
    ui: &mut egui::Ui,
    lang: Lang,
    current: Option<Date>,
    read_only: bool,
    out: &mut Vec<Action>,
) {
    let tr = |id: &str| i18n().tr(lang, id);
    let l = ui.label(tr("form-last-review"));
    let id = egui::Id::unique("last-review-text");
    // Shown as the PDF prints it; ISO and the other notation are accepted as well.
    let shown = current
        .map(|d| crate::i18n::format_date(d, lang))
        .unwrap_or_default();
    let example = crate::i18n::format_date(time::macros::date!(2026 - 03 - 01), lang);
    // The draft survives frames while it does not parse yet.
    let mut text: String = ui
        .data(|d| d.get_temp::<(Option<Date>, String)>(id))
        .filter(|(d, _)| *d == current)
        .map(|(_, t)| t)
        .unwrap_or(shown);
    ui.horizontal(|ui| {
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .desired_width(120.0)
                    .hint_text(example)
                    .interactive(!read_only),
            )
            .labelled_by(l.id);
        if r.changed() {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                if current.is_some() {
                    out.push(Action::Edit(DocEdit::SetLastReview(None)));
                }
            } else if let Some(d) = parse_date(trimmed)
                && Some(d) != current
            {
                out.push(Action::Edit(DocEdit::SetLastReview(Some(d))));
            }
        }
        let invalid = !text.trim().is_empty() && parse_date(&text).is_none();
        if invalid {
            let msg = i18n().tr_args(
                lang,
                "form-date-invalid",
                &[("text", text.trim().to_owned().into())],
            );
            ui.colored_label(ui.visuals().error_fg_color, msg);
        }
        ui.data_mut(|dm| dm.insert_temp(id, (current, text.clone())));
    });
    ui.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_notations() {
        let d = time::macros::date!(2026 - 03 - 01);
        assert_eq!(parse_date("2026-03-01"), Some(d));
        assert_eq!(parse_date(" 01.03.2026 "), Some(d));
        assert_eq!(parse_date("31.02.2026"), None);
        assert_eq!(parse_date("1 March 2026"), Some(d));
        assert_eq!(parse_date("1. März 2026"), Some(d));
        assert_eq!(parse_date("gestern"), None);
    }
}
