//! The export dialog (issue 15.9): the options the CLI has (language, version, table of
//! contents, history, measure layout, format), remembered per document in the settings.

use std::path::Path;

use super::settings::ExportChoice;
use super::{Dialog, Purpose, Toast, TomwerkApp, tr};
use crate::export::{self, ExportOptions, MeasureLayout};
use crate::i18n::i18n;
use crate::model::Lang;
use crate::store;

/// Shows the options; true when the user asks to export.
pub fn show(ui: &mut egui::Ui, lang: Lang, choice: &mut ExportChoice, versions: &[String]) -> bool {
    ui.heading(tr(lang, "export-dialog-title"));
    egui::Grid::new("export-grid")
        .num_columns(2)
        .show(ui, |ui| {
            let l = ui.label(tr(lang, "export-dialog-language"));
            egui::ComboBox::from_id_salt("export-lang")
                .selected_text(tr(lang, &format!("language-{}", choice.lang.code())))
                .show_ui(ui, |ui| {
                    for l in Lang::ALL {
                        ui.selectable_value(
                            &mut choice.lang,
                            l,
                            tr(lang, &format!("language-{}", l.code())),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(tr(lang, "export-dialog-version"));
            let shown = |v: &Option<String>| match v {
                Some(label) => {
                    i18n().tr_args(lang, "diff-version", &[("label", label.as_str().into())])
                }
                None => tr(lang, "diff-working-copy"),
            };
            egui::ComboBox::from_id_salt("export-version")
                .selected_text(shown(&choice.version))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut choice.version, None, shown(&None));
                    for v in versions.iter().rev() {
                        let some = Some(v.clone());
                        let text = shown(&some);
                        ui.selectable_value(&mut choice.version, some, text);
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            ui.label(tr(lang, "export-dialog-format"));
            ui.horizontal(|ui| {
                ui.radio_value(&mut choice.markdown, false, "PDF");
                ui.radio_value(&mut choice.markdown, true, "Markdown");
            });
            ui.end_row();
            ui.label(tr(lang, "export-dialog-measures"));
            ui.horizontal(|ui| {
                ui.radio_value(&mut choice.table, false, tr(lang, "export-dialog-list"));
                ui.radio_value(&mut choice.table, true, tr(lang, "export-dialog-table"));
            });
            ui.end_row();
        });
    ui.checkbox(&mut choice.toc, tr(lang, "export-dialog-toc"));
    ui.checkbox(&mut choice.history, tr(lang, "export-dialog-history"));
    ui.add_space(6.0);
    ui.button(tr(lang, "export-dialog-go")).clicked()
}

impl TomwerkApp {
    /// The choice the dialog starts from: what this document used last, else the
    /// language being edited; an open released version is preselected.
    fn initial_export_choice(&self) -> ExportChoice {
        let mut choice = self
            .editor
            .path
            .as_ref()
            .and_then(|p| self.settings.export.get(p).cloned())
            .unwrap_or_else(|| ExportChoice {
                lang: self.edit_lang(),
                history: !self.editor.file.versions.is_empty(),
                ..ExportChoice::default()
            });
        if let Some((label, _)) = &self.view.viewing {
            choice.version = Some(label.clone());
        }
        if choice
            .version
            .as_ref()
            .is_some_and(|v| self.editor.file.version(v).is_none())
        {
            choice.version = None;
        }
        choice
    }

    pub(super) fn open_export_dialog(&mut self) {
        let choice = self.initial_export_choice();
        let versions = self
            .editor
            .file
            .versions
            .iter()
            .map(|v| v.label.clone())
            .collect();
        self.dialogs.push_back(Dialog::Export { choice, versions });
    }

    /// The dialog was confirmed: remember the choice for this document, ask for the path.
    pub(super) fn export_chosen(&mut self, ctx: &egui::Context, choice: ExportChoice) {
        if let Some(path) = &self.editor.path {
            self.settings.export.insert(path.clone(), choice.clone());
        }
        let purpose = if choice.markdown {
            Purpose::ExportMarkdown
        } else {
            Purpose::ExportPdf
        };
        self.export_choice = Some(choice);
        self.ask_path(ctx, purpose);
    }

    /// The options of the export asked for (or the defaults, for an export started
    /// without the dialog).
    pub(super) fn export_options(&self) -> ExportOptions {
        let choice = self
            .export_choice
            .clone()
            .unwrap_or_else(|| self.initial_export_choice());
        ExportOptions {
            lang: choice.lang,
            version: choice.version,
            toc: choice.toc,
            history: choice.history,
            measures: if choice.table {
                MeasureLayout::Table
            } else {
                MeasureLayout::List
            },
            date: self.today(),
        }
    }

    /// Writes the Markdown export (small and fast: on the UI thread).
    pub(super) fn export_markdown(&mut self, path: &Path) {
        let lang = self.view.ui_lang;
        let options = self.export_options();
        let file = &self.editor.file;
        let result = export::markdown::markdown(file, &options)
            .map_err(|e| e.to_string())
            .and_then(|md| {
                store::write_atomic(path, md.as_bytes()).map_err(|e| {
                    format!(
                        "{}: {}",
                        path.display(),
                        super::file_browser::reason(lang, &e)
                    )
                })
            });
        match result {
            Ok(()) => {
                let text = i18n().tr_args(
                    lang,
                    "exported-markdown-to",
                    &[("path", path.display().to_string().into())],
                );
                self.toasts.push(Toast::with_open(text, path.to_owned()));
                for w in export::file_language_warnings(file, &options).unwrap_or_default() {
                    self.toasts.error(w);
                }
            }
            Err(e) => self
                .dialogs
                .push_back(Dialog::Error(tr(lang, "error-export"), e)),
        }
    }
}
