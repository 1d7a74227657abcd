//! "Add from catalogue": search the built-in catalogue of typical measures for the
//! selected section, tick several and add them as one undoable step.

use std::collections::BTreeSet;

use super::{Action, DocEdit, Selection, TomwerkApp, tr};
use crate::catalogue::{Catalogue, Entry};
use crate::i18n::i18n;
use crate::model::{CanonicalSection, Document, Lang, SectionId};

/// State of the open dialog.
#[derive(Debug, Clone)]
pub struct CatalogueDialog {
    /// The section the measures are added to.
    pub target: SectionId,
    /// Which catalogue section is listed; `None` lists all.
    pub filter: Option<CanonicalSection>,
    /// The search text (every word must occur, in either language).
    pub query: String,
    /// The ids of the ticked entries.
    pub ticked: BTreeSet<String>,
}

impl CatalogueDialog {
    /// A dialog for `target`, listing the catalogue section it is (or covers first).
    pub fn new(doc: &Document, target: SectionId) -> Self {
        let filter = doc.section(&target).and_then(|s| {
            s.canonical().or_else(|| {
                s.covers
                    .iter()
                    .find_map(|c| CanonicalSection::from_id(c.as_str()))
            })
        });
        Self {
            target,
            filter,
            query: String::new(),
            ticked: BTreeSet::new(),
        }
    }

    /// The entries listed now.
    pub fn entries(&self) -> Vec<&'static Entry> {
        Catalogue::builtin().search(&self.query, self.filter)
    }
}

/// What the user did in the dialog this frame.
enum Outcome {
    Add,
    Close,
}

fn section_name(section: Option<CanonicalSection>, lang: Lang) -> String {
    match section {
        Some(c) => tr(lang, &c.title_message_id()),
        None => tr(lang, "catalogue-all-sections"),
    }
}

fn show(
    ctx: &egui::Context,
    dialog: &mut CatalogueDialog,
    doc: &Document,
    ui_lang: Lang,
    content_lang: Lang,
) -> Option<Outcome> {
    let mut outcome = None;
    let mut open = true;
    let target_name = match doc.section(&dialog.target) {
        Some(s) => {
            let title = i18n().section_title(s, ui_lang);
            match doc.number_of(&s.id) {
                Some(n) => format!("{n} {title}"),
                None => title,
            }
        }
        // The section was deleted (e.g. by undo) while the dialog was open.
        None => return Some(Outcome::Close),
    };
    egui::Window::new(tr(ui_lang, "catalogue-title"))
        .id(egui::Id::unique("catalogue-window"))
        .open(&mut open)
        .default_size([620.0, 520.0])
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(i18n().tr_args(
                ui_lang,
                "catalogue-target",
                &[("section", target_name.as_str().into())],
            ));
            ui.horizontal(|ui| {
                let l = ui.label(tr(ui_lang, "catalogue-section"));
                egui::ComboBox::from_id_salt("catalogue-filter")
                    .selected_text(section_name(dialog.filter, ui_lang))
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut dialog.filter, None, section_name(None, ui_lang));
                        for c in CanonicalSection::ALL {
                            ui.selectable_value(
                                &mut dialog.filter,
                                Some(c),
                                section_name(Some(c), ui_lang),
                            );
                        }
                    })
                    .response
                    .labelled_by(l.id);
            });
            ui.horizontal(|ui| {
                let l = ui.label(tr(ui_lang, "catalogue-search"));
                let search = ui
                    .add(
                        egui::TextEdit::singleline(&mut dialog.query)
                            .hint_text(tr(ui_lang, "catalogue-search-hint"))
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                if !ui.memory(|m| m.focused().is_some()) {
                    search.request_focus();
                }
            });
            ui.separator();
            let entries = dialog.entries();
            let bottom = ui.spacing().interact_size.y * 2.0;
            egui::ScrollArea::vertical()
                .max_height((ui.available_height() - bottom).max(120.0))
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    if entries.is_empty() {
                        ui.weak(tr(ui_lang, "catalogue-empty"));
                    }
                    for e in &entries {
                        entry_row(ui, dialog, doc, e, ui_lang, content_lang);
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                let n = dialog.ticked.len();
                let add = ui.add_enabled(
                    n > 0,
                    egui::Button::new(tr(ui_lang, "catalogue-add-selected")),
                );
                if add.clicked() {
                    outcome = Some(Outcome::Add);
                }
                if ui.button(tr(ui_lang, "button-cancel")).clicked() {
                    outcome = Some(Outcome::Close);
                }
                ui.weak(i18n().tr_args(ui_lang, "catalogue-ticked", &[("count", n.into())]));
            });
        });
    if !open {
        outcome = Some(Outcome::Close);
    }
    outcome
}

fn entry_row(
    ui: &mut egui::Ui,
    dialog: &mut CatalogueDialog,
    doc: &Document,
    e: &Entry,
    ui_lang: Lang,
    content_lang: Lang,
) {
    let text = match content_lang {
        Lang::De => &e.de,
        Lang::En => &e.en,
    };
    let present = e.find_in(doc);
    ui.horizontal_wrapped(|ui| {
        let mut on = dialog.ticked.contains(&e.id);
        // Already in the document: marked, and not offered twice.
        let r = ui.add_enabled(present.is_none(), egui::Checkbox::new(&mut on, text));
        if r.changed() {
            if on {
                dialog.ticked.insert(e.id.clone());
            } else {
                dialog.ticked.remove(&e.id);
            }
        }
        ui.weak(i18n().kind_label(e.kind, ui_lang));
        if let Some((section, _)) = present {
            let title = i18n().section_title(section, ui_lang);
            let place = match doc.number_of(&section.id) {
                Some(n) => format!("{n} {title}"),
                None => title,
            };
            ui.colored_label(
                ui.visuals().warn_fg_color,
                i18n().tr_args(ui_lang, "catalogue-present", &[("section", place.into())]),
            );
        }
    });
}

impl TomwerkApp {
    /// Opens the catalogue dialog for the selected section.
    pub(super) fn open_catalogue(&mut self) {
        let lang = self.view.ui_lang;
        if self.view.viewing.is_some() {
            return;
        }
        match &self.view.selection {
            Selection::Section(id) => {
                self.catalogue = Some(CatalogueDialog::new(self.editor.doc(), id.clone()));
            }
            Selection::Document => self.toasts.info(tr(lang, "select-section-first")),
        }
    }

    /// Shows the dialog when open; "Add selected" becomes one edit (one undo step).
    pub(super) fn catalogue_window(&mut self, ctx: &egui::Context) {
        let ui_lang = self.view.ui_lang;
        let content_lang = self.edit_lang();
        let Some(dialog) = &mut self.catalogue else {
            return;
        };
        match show(ctx, dialog, self.editor.doc(), ui_lang, content_lang) {
            Some(Outcome::Add) => {
                let measures: Vec<_> = dialog
                    .ticked
                    .iter()
                    .filter_map(|id| Catalogue::builtin().entry(id))
                    .map(Entry::to_measure)
                    .collect();
                let n = measures.len();
                let target = dialog.target.clone();
                self.catalogue = None;
                if n > 0 {
                    self.queue
                        .push(Action::Edit(DocEdit::AddMeasures(target, measures)));
                    self.toasts.info(i18n().tr_args(
                        ui_lang,
                        "catalogue-added",
                        &[("count", n.into())],
                    ));
                }
            }
            Some(Outcome::Close) => self.catalogue = None,
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store;

    #[test]
    fn a_canonical_section_lists_its_own_entries() {
        let doc = store::example().working;
        let id = SectionId::from(CanonicalSection::Encryption);
        let d = CatalogueDialog::new(&doc, id);
        assert_eq!(d.filter, Some(CanonicalSection::Encryption));
        let entries = d.entries();
        assert!(entries.len() >= 8);
        assert!(
            entries
                .iter()
                .all(|e| e.section == CanonicalSection::Encryption)
        );
    }
}
