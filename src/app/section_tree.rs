//! The left panel: the numbered section tree with markers for empty sections and missing
//! translations, and the buttons that add, move, hide and delete sections.

use std::collections::HashMap;

use super::command::Command;
use super::{Action, Selection, ViewState};
use crate::i18n::i18n;
use crate::model::{Document, Lang, Section, format_number};

/// True when some text of the section exists in one language but not in `lang`.
pub fn lacks_translation(section: &Section, lang: Lang) -> bool {
    section.title.lacks(lang)
        || section.body.lacks(lang)
        || section
            .measures
            .iter()
            .any(|m| m.text.lacks(lang) || m.note.lacks(lang))
}

/// The languages in which the section misses a translation (only languages the
/// document is kept in).
pub fn missing_languages(doc: &Document, section: &Section) -> Vec<Lang> {
    doc.meta
        .languages
        .iter()
        .copied()
        .filter(|&l| lacks_translation(section, l))
        .collect()
}

/// The languages in which some translation of the section is stale: its source text
/// changed since the translation was last edited (issue 15.8).
pub fn stale_languages(doc: &Document, section: &Section) -> Vec<Lang> {
    doc.meta
        .languages
        .iter()
        .copied()
        .filter(|&l| {
            section.title.is_stale(l)
                || section.body.is_stale(l)
                || section
                    .measures
                    .iter()
                    .any(|m| m.text.is_stale(l) || m.note.is_stale(l))
        })
        .collect()
}

/// Shows the tree.
pub fn show(
    ui: &mut egui::Ui,
    doc: &Document,
    view: &ViewState,
    read_only: bool,
    out: &mut Vec<Action>,
) {
    let lang = view.ui_lang;
    let tr = |id: &str| i18n().tr(lang, id);
    ui.add_space(4.0);
    ui.heading(tr("tree-heading"));
    ui.horizontal_wrapped(|ui| {
        let section = matches!(view.selection, Selection::Section(_)) && !read_only;
        Command::AddSection.button(ui, lang, !read_only, out);
        Command::AddSubsection.button(ui, lang, section, out);
    });
    ui.horizontal_wrapped(|ui| {
        let section = matches!(view.selection, Selection::Section(_)) && !read_only;
        for c in [
            Command::MoveSectionUp,
            Command::MoveSectionDown,
            Command::OutdentSection,
            Command::IndentSection,
        ] {
            c.button(ui, lang, section, out);
        }
        Command::ToggleHidden.button(ui, lang, section, out);
        Command::DeleteSection.button(ui, lang, section, out);
    });
    ui.separator();

    let numbers: HashMap<&str, String> = doc
        .numbered()
        .into_iter()
        .map(|(n, s)| (s.id.as_str(), format_number(&n)))
        .collect();
    let rows = doc.all_sections();
    let row_height = ui.spacing().interact_size.y + 2.0;
    // One extra row for the document entry at the top.
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len() + 1, |ui, range| {
            for i in range {
                if i == 0 {
                    let selected = view.selection == Selection::Document;
                    let r = ui.selectable_label(selected, tr("tree-document"));
                    if r.clicked() {
                        out.push(Action::Select(Selection::Document));
                    }
                    continue;
                }
                let (section, depth) = rows[i - 1];
                ui.horizontal(|ui| {
                    ui.add_space(depth as f32 * 16.0);
                    let title = i18n().section_title(section, view.content_lang(doc));
                    let text = match numbers.get(section.id.as_str()) {
                        Some(n) => format!("{n} {title}"),
                        None => title,
                    };
                    let selected = view.selection == Selection::Section(section.id.clone());
                    let mut rich = egui::RichText::new(&text);
                    if section.hidden {
                        rich = rich.weak().italics();
                    }
                    // Markers are laid out from the right first, so a long title is
                    // truncated instead of pushing them out of view.
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        // A hidden section is never exported, so whether it is translated,
                        // current or empty concerns no customer document: its row carries
                        // only "(ausgeblendet)", which leaves its title the room it needs
                        // (issue 20.9: "Schulung und Sens…" beside "EN fehlt").
                        let markers = !section.hidden;
                        let missing = if markers {
                            missing_languages(doc, section)
                        } else {
                            Vec::new()
                        };
                        if !missing.is_empty() {
                            let codes: Vec<String> =
                                missing.iter().map(|l| l.code().to_uppercase()).collect();
                            ui.colored_label(
                                ui.visuals().warn_fg_color,
                                i18n().tr_args(
                                    lang,
                                    "marker-missing-short",
                                    &[("languages", codes.join("/").into())],
                                ),
                            )
                            .on_hover_text(tr("marker-missing-translation"));
                        }
                        let stale = if markers {
                            stale_languages(doc, section)
                        } else {
                            Vec::new()
                        };
                        if !stale.is_empty() {
                            let codes: Vec<String> =
                                stale.iter().map(|l| l.code().to_uppercase()).collect();
                            ui.colored_label(
                                ui.visuals().warn_fg_color,
                                i18n().tr_args(
                                    lang,
                                    "tree-stale",
                                    &[("lang", codes.join("/").into())],
                                ),
                            )
                            .on_hover_text(tr("tree-stale-hint"));
                        }
                        if markers && section.is_empty() {
                            ui.weak(tr("marker-empty-short"))
                                .on_hover_text(tr("marker-empty"));
                        }
                        if section.hidden {
                            ui.weak(tr("marker-hidden"));
                        }
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            let r = ui
                                .add(
                                    egui::Button::selectable(selected, rich)
                                        .truncate()
                                        .sense(egui::Sense::click_and_drag()),
                                )
                                .on_hover_text(&text);
                            drag_and_drop(ui, &r, section, read_only, out);
                            if r.clicked() {
                                out.push(Action::Select(Selection::Section(section.id.clone())));
                            }
                            if selected && view.focus_title {
                                r.scroll_to_me(None);
                            }
                        });
                    });
                });
            }
        });
}

/// Rows are drag sources; dropping one on another moves it right before that one.
fn drag_and_drop(
    ui: &egui::Ui,
    row: &egui::Response,
    section: &Section,
    read_only: bool,
    out: &mut Vec<Action>,
) {
    if read_only {
        return;
    }
    if row.dragged() {
        row.dnd_set_drag_payload(section.id.clone());
    }
    if let Some(dragged) = row.dnd_hover_payload::<crate::model::SectionId>()
        && *dragged != section.id
    {
        let stroke = egui::Stroke::new(2.0, ui.visuals().selection.bg_fill);
        ui.painter()
            .hline(row.rect.x_range(), row.rect.top() - 1.0, stroke);
    }
    if let Some(dragged) = row.dnd_release_payload::<crate::model::SectionId>()
        && *dragged != section.id
    {
        out.push(Action::Edit(super::DocEdit::MoveSectionBefore(
            (*dragged).clone(),
            section.id.clone(),
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LocalText, Measure};

    #[test]
    fn missing_translations_are_found_in_body_and_measures() {
        let mut doc = Document::empty_template(Lang::De, "X");
        let s = &mut doc.sections[0];
        assert!(missing_languages(&Document::default(), s).is_empty());
        s.body = LocalText::only(Lang::De, "Nur deutsch");
        let s = doc.sections[0].clone();
        assert_eq!(missing_languages(&doc, &s), vec![Lang::En]);
        let mut s2 = s.clone();
        s2.body = LocalText::new("a", "b");
        s2.measures
            .push(Measure::new(LocalText::only(Lang::En, "only English")));
        assert_eq!(missing_languages(&doc, &s2), vec![Lang::De]);
        doc.meta.languages = vec![Lang::De];
        assert!(missing_languages(&doc, &s).is_empty());
    }
}
