//! The menu bar, built from [`Menu::entries`] so every command appears once with its
//! label and shortcut.

use super::command::{Command, Menu};
use super::{Action, ContentMode, Editor, Selection, Settings, ThemeChoice, ViewState};
use crate::i18n::i18n;
use crate::model::Lang;

/// Whether a command can run now.
fn enabled(command: Command, editor: &Editor, view: &ViewState) -> bool {
    let read_only = view.viewing.is_some() || editor.integrity_broken().is_some();
    let section = matches!(view.selection, Selection::Section(_));
    match command {
        Command::Undo => editor.can_undo() && !read_only,
        Command::Redo => editor.can_redo() && !read_only,
        Command::AddSubsection
        | Command::RenameSection
        | Command::MoveSectionUp
        | Command::MoveSectionDown
        | Command::IndentSection
        | Command::OutdentSection
        | Command::ToggleHidden
        | Command::DeleteSection
        | Command::AddMeasure
        | Command::AddFromCatalogue => section && !read_only,
        Command::AddSection | Command::Release => !read_only,
        _ => true,
    }
}

/// Whether a command is a checked option in the View menu.
fn selected(command: Command, view: &ViewState, settings: &Settings) -> bool {
    match command {
        Command::EditGerman => view.content == ContentMode::Single(Lang::De),
        Command::EditEnglish => view.content == ContentMode::Single(Lang::En),
        Command::TranslationMode => view.content == ContentMode::Both,
        Command::TogglePreview => view.preview,
        Command::UiGerman => view.ui_lang == Lang::De,
        Command::UiEnglish => view.ui_lang == Lang::En,
        Command::ThemeSystem => settings.theme == ThemeChoice::System,
        Command::ThemeLight => settings.theme == ThemeChoice::Light,
        Command::ThemeDark => settings.theme == ThemeChoice::Dark,
        Command::History => view.show_history,
        Command::DocumentForm => view.selection == Selection::Document,
        _ => false,
    }
}

/// Whether a command is an option that is on or off (shown with a check mark).
fn is_option(command: Command) -> bool {
    matches!(
        command,
        Command::EditGerman
            | Command::EditEnglish
            | Command::TranslationMode
            | Command::TogglePreview
            | Command::UiGerman
            | Command::UiEnglish
            | Command::ThemeSystem
            | Command::ThemeLight
            | Command::ThemeDark
            | Command::History
    )
}

/// Shows the menu bar.
pub fn show(
    ui: &mut egui::Ui,
    editor: &Editor,
    view: &ViewState,
    settings: &Settings,
    out: &mut Vec<Action>,
) {
    let lang = view.ui_lang;
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(i18n().tr(lang, menu.label_key()), |ui| {
                for entry in menu.entries() {
                    match entry {
                        Some(c) if is_option(*c) => c.menu_option(
                            ui,
                            lang,
                            enabled(*c, editor, view),
                            selected(*c, view, settings),
                            out,
                        ),
                        Some(c) => {
                            c.menu_button(
                                ui,
                                lang,
                                enabled(*c, editor, view),
                                selected(*c, view, settings),
                                out,
                            );
                            if *c == Command::Open {
                                recent_menu(ui, lang, settings, out);
                            }
                        }
                        None => {
                            ui.separator();
                        }
                    }
                }
            });
        }
    });
}

fn recent_menu(ui: &mut egui::Ui, lang: Lang, settings: &Settings, out: &mut Vec<Action>) {
    ui.add_enabled_ui(!settings.recent.is_empty(), |ui| {
        ui.menu_button(i18n().tr(lang, "menu-recent"), |ui| {
            for path in &settings.recent {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if ui
                    .button(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    out.push(Action::OpenRecent(path.clone()));
                    ui.close();
                }
            }
        });
    });
}
