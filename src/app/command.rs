//! The single list of user actions: each command's label, shortcut and menu entry.
//!
//! UI code never performs an action directly; it pushes a [`Command`] (or a parameterised
//! [`super::Action`]) onto the queue, and `TomwerkApp::apply` is the one place that runs it.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::i18n;
use crate::model::Lang;

/// Every parameterless user action of the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start a new, empty document.
    New,
    /// Open a `.tom` file.
    Open,
    /// Save to the current file (asks for a name the first time).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Import a Markdown TOM as a new document.
    ImportMarkdown,
    /// Export the working copy as PDF.
    ExportPdf,
    /// Export the working copy (or the open version) as Word.
    ExportWord,
    /// Leave the editor.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show the document form (organisation, title, review…).
    DocumentForm,
    /// Select the previous section in the tree.
    PreviousSection,
    /// Select the next section in the tree.
    NextSection,
    /// Add a custom section after the selected one.
    AddSection,
    /// Add a custom subsection to the selected section.
    AddSubsection,
    /// Put the keyboard focus on the selected section's title.
    RenameSection,
    /// Move the selected section before its previous sibling.
    MoveSectionUp,
    /// Move the selected section after its next sibling.
    MoveSectionDown,
    /// Make the selected section a subsection of its previous sibling.
    IndentSection,
    /// Move the selected section one level up.
    OutdentSection,
    /// Hide or show the selected section.
    ToggleHidden,
    /// Delete the selected custom section.
    DeleteSection,
    /// Add a measure to the selected section.
    AddMeasure,
    /// Edit the German content.
    EditGerman,
    /// Edit the English content.
    EditEnglish,
    /// Edit both languages side by side.
    TranslationMode,
    /// Show the live page preview (the exported pages) beside the editor.
    TogglePreview,
    /// Show the user interface in German.
    UiGerman,
    /// Show the user interface in English.
    UiEnglish,
    /// Follow the operating system's light or dark mode.
    ThemeSystem,
    /// Always light.
    ThemeLight,
    /// Always dark.
    ThemeDark,
    /// Show or hide the list of released versions.
    History,
    /// Release the working copy as a new version.
    Release,
    /// Compare two versions (or a version with the working copy).
    CompareVersions,
    /// Go to the next change in the compare view.
    NextChange,
    /// Go to the previous change in the compare view.
    PreviousChange,
    /// Write the compared changes as a PDF change report.
    ExportChangeReport,
    /// Write the compared changes as Word with tracked changes.
    ExportChangeReportWord,
    /// Show or hide the completeness checks.
    Checks,
    /// Add measures from the catalogue to the selected section.
    AddFromCatalogue,
    /// Open the find bar.
    Find,
    /// Open the find bar with its replace row.
    Replace,
    /// Go to the next match.
    FindNext,
    /// Go to the previous match.
    FindPrevious,
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to 100 %.
    ZoomReset,
}

/// The menus of the menu bar, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    /// File.
    File,
    /// Edit.
    Edit,
    /// Section.
    Section,
    /// View.
    View,
}

impl Menu {
    /// All menus in menu-bar order.
    pub const ALL: [Menu; 4] = [Menu::File, Menu::Edit, Menu::Section, Menu::View];

    /// The fluent id of the menu title.
    pub fn label_key(self) -> &'static str {
        match self {
            Menu::File => "menu-file",
            Menu::Edit => "menu-edit",
            Menu::Section => "menu-section",
            Menu::View => "menu-view",
        }
    }

    /// The commands of this menu; `None` marks a separator.
    pub fn entries(self) -> &'static [Option<Command>] {
        use Command as C;
        match self {
            Menu::File => &[
                Some(C::New),
                Some(C::Open),
                // The recent-files submenu is inserted after Open by the menu bar.
                Some(C::Save),
                Some(C::SaveAs),
                None,
                Some(C::ImportMarkdown),
                Some(C::ExportPdf),
                Some(C::ExportWord),
                Some(C::ExportChangeReport),
                Some(C::ExportChangeReportWord),
                None,
                Some(C::Release),
                Some(C::History),
                None,
                Some(C::Quit),
            ],
            Menu::Edit => &[
                Some(C::Undo),
                Some(C::Redo),
                None,
                Some(C::Find),
                Some(C::Replace),
                Some(C::FindNext),
                Some(C::FindPrevious),
            ],
            Menu::Section => &[
                Some(C::DocumentForm),
                Some(C::PreviousSection),
                Some(C::NextSection),
                None,
                Some(C::AddSection),
                Some(C::AddSubsection),
                Some(C::RenameSection),
                Some(C::AddMeasure),
                Some(C::AddFromCatalogue),
                None,
                Some(C::MoveSectionUp),
                Some(C::MoveSectionDown),
                Some(C::IndentSection),
                Some(C::OutdentSection),
                None,
                Some(C::ToggleHidden),
                Some(C::DeleteSection),
            ],
            Menu::View => &[
                Some(C::EditGerman),
                Some(C::EditEnglish),
                Some(C::TranslationMode),
                Some(C::TogglePreview),
                None,
                Some(C::ZoomIn),
                Some(C::ZoomOut),
                Some(C::ZoomReset),
                None,
                Some(C::UiGerman),
                Some(C::UiEnglish),
                None,
                Some(C::ThemeSystem),
                Some(C::ThemeLight),
                Some(C::ThemeDark),
                None,
                Some(C::CompareVersions),
                Some(C::NextChange),
                Some(C::PreviousChange),
                Some(C::Checks),
            ],
        }
    }
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            alt: false,
            ctrl: false,
            shift: true,
            mac_cmd: false,
            command: true,
        },
        key,
    )
}

const fn alt(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::ALT, key)
}

impl Command {
    /// Every command, for shortcut handling and tests.
    pub const ALL: [Command; 48] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::ImportMarkdown,
        Command::ExportPdf,
        Command::ExportWord,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::DocumentForm,
        Command::PreviousSection,
        Command::NextSection,
        Command::AddSection,
        Command::AddSubsection,
        Command::RenameSection,
        Command::MoveSectionUp,
        Command::MoveSectionDown,
        Command::IndentSection,
        Command::OutdentSection,
        Command::ToggleHidden,
        Command::DeleteSection,
        Command::AddMeasure,
        Command::EditGerman,
        Command::EditEnglish,
        Command::TranslationMode,
        Command::TogglePreview,
        Command::UiGerman,
        Command::UiEnglish,
        Command::ThemeSystem,
        Command::ThemeLight,
        Command::ThemeDark,
        Command::History,
        Command::Release,
        Command::CompareVersions,
        Command::NextChange,
        Command::PreviousChange,
        Command::ExportChangeReport,
        Command::ExportChangeReportWord,
        Command::Checks,
        Command::AddFromCatalogue,
        Command::Find,
        Command::Replace,
        Command::FindNext,
        Command::FindPrevious,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
    ];

    /// The fluent id of the label (menu entry, button, accessible name).
    pub fn label_key(self) -> &'static str {
        use Command as C;
        match self {
            C::New => "cmd-new",
            C::Open => "cmd-open",
            C::Save => "cmd-save",
            C::SaveAs => "cmd-save-as",
            C::ImportMarkdown => "cmd-import-markdown",
            C::ExportPdf => "cmd-export-pdf",
            C::ExportWord => "cmd-export-word",
            C::Quit => "cmd-quit",
            C::Undo => "cmd-undo",
            C::Redo => "cmd-redo",
            C::DocumentForm => "cmd-document-form",
            C::PreviousSection => "cmd-previous-section",
            C::NextSection => "cmd-next-section",
            C::AddSection => "cmd-add-section",
            C::AddSubsection => "cmd-add-subsection",
            C::RenameSection => "cmd-rename-section",
            C::MoveSectionUp => "cmd-move-up",
            C::MoveSectionDown => "cmd-move-down",
            C::IndentSection => "cmd-indent",
            C::OutdentSection => "cmd-outdent",
            C::ToggleHidden => "cmd-toggle-hidden",
            C::DeleteSection => "cmd-delete-section",
            C::AddMeasure => "cmd-add-measure",
            C::EditGerman => "cmd-edit-german",
            C::EditEnglish => "cmd-edit-english",
            C::TranslationMode => "cmd-translation-mode",
            C::TogglePreview => "cmd-preview",
            C::UiGerman => "cmd-ui-german",
            C::UiEnglish => "cmd-ui-english",
            C::ThemeSystem => "cmd-theme-system",
            C::ThemeLight => "cmd-theme-light",
            C::ThemeDark => "cmd-theme-dark",
            C::History => "cmd-history",
            C::Release => "cmd-release",
            C::CompareVersions => "cmd-compare",
            C::NextChange => "cmd-next-change",
            C::PreviousChange => "cmd-previous-change",
            C::ExportChangeReport => "cmd-export-change-report",
            C::ExportChangeReportWord => "cmd-export-change-report-word",
            C::Checks => "cmd-checks",
            C::AddFromCatalogue => "cmd-add-from-catalogue",
            C::Find => "cmd-find",
            C::Replace => "cmd-replace",
            C::FindNext => "cmd-find-next",
            C::FindPrevious => "cmd-find-previous",
            C::ZoomIn => "cmd-zoom-in",
            C::ZoomOut => "cmd-zoom-out",
            C::ZoomReset => "cmd-zoom-reset",
        }
    }

    /// The label in the user-interface language.
    pub fn label(self, lang: Lang) -> String {
        i18n().tr(lang, self.label_key())
    }

    /// The keyboard shortcuts; the first one is shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        use Command as C;
        const NEW: [KeyboardShortcut; 1] = [ctrl(Key::N)];
        const OPEN: [KeyboardShortcut; 1] = [ctrl(Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [ctrl(Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [ctrl_shift(Key::S)];
        const IMPORT: [KeyboardShortcut; 1] = [ctrl(Key::I)];
        const EXPORT: [KeyboardShortcut; 1] = [ctrl(Key::E)];
        const QUIT: [KeyboardShortcut; 1] = [ctrl(Key::Q)];
        const UNDO: [KeyboardShortcut; 1] = [ctrl(Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [ctrl(Key::Y), ctrl_shift(Key::Z)];
        const FORM: [KeyboardShortcut; 1] = [ctrl_shift(Key::D)];
        const PREV: [KeyboardShortcut; 1] = [ctrl(Key::PageUp)];
        const NEXT: [KeyboardShortcut; 1] = [ctrl(Key::PageDown)];
        const ADD_SECTION: [KeyboardShortcut; 1] = [ctrl_shift(Key::N)];
        const ADD_SUB: [KeyboardShortcut; 1] = [ctrl_shift(Key::U)];
        const RENAME: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::F2)];
        const UP: [KeyboardShortcut; 1] = [alt(Key::ArrowUp)];
        const DOWN: [KeyboardShortcut; 1] = [alt(Key::ArrowDown)];
        const INDENT: [KeyboardShortcut; 1] = [alt(Key::ArrowRight)];
        const OUTDENT: [KeyboardShortcut; 1] = [alt(Key::ArrowLeft)];
        const HIDE: [KeyboardShortcut; 1] = [ctrl_shift(Key::H)];
        const DELETE: [KeyboardShortcut; 1] = [ctrl_shift(Key::Delete)];
        const MEASURE: [KeyboardShortcut; 1] = [ctrl(Key::M)];
        const TRANSLATION: [KeyboardShortcut; 1] = [ctrl(Key::T)];
        const PREVIEW: [KeyboardShortcut; 1] = [ctrl_shift(Key::P)];
        const HISTORY: [KeyboardShortcut; 1] = [ctrl(Key::H)];
        const RELEASE: [KeyboardShortcut; 1] = [ctrl_shift(Key::R)];
        const COMPARE: [KeyboardShortcut; 1] = [ctrl_shift(Key::C)];
        const NEXT_CHANGE: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::NONE, Key::F8)];
        const PREV_CHANGE: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::SHIFT, Key::F8)];
        const CHECKS: [KeyboardShortcut; 1] = [ctrl_shift(Key::K)];
        const CATALOGUE: [KeyboardShortcut; 1] = [ctrl_shift(Key::M)];
        const FIND: [KeyboardShortcut; 1] = [ctrl(Key::F)];
        const REPLACE: [KeyboardShortcut; 1] = [ctrl_shift(Key::F)];
        const FIND_NEXT: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::F3)];
        const FIND_PREV: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::SHIFT, Key::F3)];
        const ZOOM_IN: [KeyboardShortcut; 2] = [ctrl(Key::Plus), ctrl(Key::Equals)];
        const ZOOM_OUT: [KeyboardShortcut; 1] = [ctrl(Key::Minus)];
        const ZOOM_RESET: [KeyboardShortcut; 1] = [ctrl(Key::Num0)];
        match self {
            C::New => &NEW,
            C::Open => &OPEN,
            C::Save => &SAVE,
            C::SaveAs => &SAVE_AS,
            C::ImportMarkdown => &IMPORT,
            C::ExportPdf => &EXPORT,
            C::Quit => &QUIT,
            C::Undo => &UNDO,
            C::Redo => &REDO,
            C::DocumentForm => &FORM,
            C::PreviousSection => &PREV,
            C::NextSection => &NEXT,
            C::AddSection => &ADD_SECTION,
            C::AddSubsection => &ADD_SUB,
            C::RenameSection => &RENAME,
            C::MoveSectionUp => &UP,
            C::MoveSectionDown => &DOWN,
            C::IndentSection => &INDENT,
            C::OutdentSection => &OUTDENT,
            C::ToggleHidden => &HIDE,
            C::DeleteSection => &DELETE,
            C::AddMeasure => &MEASURE,
            C::TranslationMode => &TRANSLATION,
            C::TogglePreview => &PREVIEW,
            C::History => &HISTORY,
            C::Release => &RELEASE,
            C::CompareVersions => &COMPARE,
            C::NextChange => &NEXT_CHANGE,
            C::PreviousChange => &PREV_CHANGE,
            C::Checks => &CHECKS,
            C::AddFromCatalogue => &CATALOGUE,
            C::Find => &FIND,
            C::Replace => &REPLACE,
            C::FindNext => &FIND_NEXT,
            C::FindPrevious => &FIND_PREV,
            C::ZoomIn => &ZOOM_IN,
            C::ZoomOut => &ZOOM_OUT,
            C::ZoomReset => &ZOOM_RESET,
            C::ExportChangeReport
            | C::ExportWord
            | C::ExportChangeReportWord
            | C::EditGerman
            | C::EditEnglish
            | C::UiGerman
            | C::UiEnglish
            | C::ThemeSystem
            | C::ThemeLight
            | C::ThemeDark => &[],
        }
    }

    /// The commands whose shortcut was pressed this frame, consuming the key presses.
    ///
    /// `consume_shortcut` ignores extra Shift/Alt, so shortcuts with more modifiers are
    /// checked first: Ctrl+Shift+S must not also trigger Ctrl+S.
    pub fn pressed(ctx: &egui::Context) -> Vec<Command> {
        let mut all: Vec<(Command, KeyboardShortcut)> = Command::ALL
            .iter()
            .flat_map(|&c| c.shortcuts().iter().map(move |&s| (c, s)))
            .collect();
        all.sort_by_key(|(_, s)| {
            std::cmp::Reverse(
                u8::from(s.modifiers.shift)
                    + u8::from(s.modifiers.alt)
                    + u8::from(s.modifiers.command),
            )
        });
        ctx.input_mut(|input| {
            let mut out = Vec::new();
            for (command, shortcut) in all {
                if input.consume_shortcut(&shortcut) && !out.contains(&command) {
                    out.push(command);
                }
            }
            out
        })
    }

    /// Shows the command as a menu entry (label and shortcut) and queues it when clicked.
    pub fn menu_button(
        self,
        ui: &mut egui::Ui,
        lang: Lang,
        enabled: bool,
        selected: bool,
        out: &mut Vec<super::Action>,
    ) {
        let mut button = egui::Button::new(self.label(lang)).selected(selected);
        if let Some(shortcut) = self.shortcuts().first() {
            button = button.shortcut_text(shortcut_text(ui.ctx(), lang, shortcut));
        }
        if ui.add_enabled(enabled, button).clicked() {
            out.push(super::Action::Command(self));
            ui.close();
        }
    }

    /// Shows the command as a menu option that is on or off: a check mark in front when
    /// it is on (issue 15.9), and a check box for screen readers (and tests).
    pub fn menu_option(
        self,
        ui: &mut egui::Ui,
        lang: Lang,
        enabled: bool,
        checked: bool,
        out: &mut Vec<super::Action>,
    ) {
        let label = self.label(lang);
        // Room for the mark, painted rather than a glyph the UI font may lack.
        let mark = ui.spacing().icon_width;
        let mut button = egui::Button::new(label.clone());
        if let Some(shortcut) = self.shortcuts().first() {
            button = button.shortcut_text(shortcut_text(ui.ctx(), lang, shortcut));
        }
        let response = ui
            .horizontal(|ui| {
                ui.add_space(mark + ui.spacing().item_spacing.x);
                ui.add_enabled(enabled, button)
            })
            .inner;
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::CheckBox, enabled, checked, &label)
        });
        if checked {
            let r = response.rect;
            let size = mark * 0.7;
            let centre = egui::pos2(
                r.left() - mark * 0.5 - ui.spacing().item_spacing.x,
                r.center().y,
            );
            let a = centre + egui::vec2(-size * 0.45, 0.0);
            let b = centre + egui::vec2(-size * 0.1, size * 0.35);
            let c = centre + egui::vec2(size * 0.5, -size * 0.4);
            let stroke = egui::Stroke::new(2.0, ui.visuals().strong_text_color());
            ui.painter().line_segment([a, b], stroke);
            ui.painter().line_segment([b, c], stroke);
        }
        if response.clicked() {
            out.push(super::Action::Command(self));
            ui.close();
        }
    }

    /// A plain button for toolbars, with the shortcut in its tooltip.
    pub fn button(
        self,
        ui: &mut egui::Ui,
        lang: Lang,
        enabled: bool,
        out: &mut Vec<super::Action>,
    ) -> egui::Response {
        let response = ui.add_enabled(enabled, egui::Button::new(self.label(lang)));
        let response = match self.shortcuts().first() {
            Some(s) => response.on_hover_text(shortcut_text(ui.ctx(), lang, s)),
            None => response,
        };
        if response.clicked() {
            out.push(super::Action::Command(self));
        }
        response
    }
}

/// A shortcut as the interface language writes it (issue 15.9): "Strg+Umschalt+S" in
/// German, "Ctrl+Shift+S" in English, the same words the messages use; macOS symbols
/// stay as egui shows them.
pub fn shortcut_text(ctx: &egui::Context, lang: Lang, shortcut: &KeyboardShortcut) -> String {
    if ctx.os().is_mac() {
        return ctx.format_shortcut(shortcut);
    }
    shortcut_in(lang, shortcut)
}

/// [`shortcut_text`] off macOS.
pub fn shortcut_in(lang: Lang, shortcut: &KeyboardShortcut) -> String {
    let names = match lang {
        Lang::En => egui::ModifierNames::NAMES,
        Lang::De => egui::ModifierNames {
            is_short: false,
            alt: "Alt",
            ctrl: "Strg",
            shift: "Umschalt",
            mac_cmd: "Cmd",
            mac_alt: "Option",
            concat: "+",
        },
    };
    let mut text = names.format(&shortcut.modifiers, false);
    if !text.is_empty() {
        text.push_str(names.concat);
    }
    let key = match (lang, shortcut.logical_key) {
        (Lang::De, Key::Delete) => "Entf",
        (Lang::De, Key::PageUp) => "Bild auf",
        (Lang::De, Key::PageDown) => "Bild ab",
        (Lang::De, Key::ArrowUp) => "Pfeil oben",
        (Lang::De, Key::ArrowDown) => "Pfeil unten",
        (Lang::De, Key::ArrowLeft) => "Pfeil links",
        (Lang::De, Key::ArrowRight) => "Pfeil rechts",
        (_, key) => key.name(),
    };
    text.push_str(key);
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_command_has_a_label_in_both_languages() {
        for c in Command::ALL {
            for lang in Lang::ALL {
                assert!(i18n().has(lang, c.label_key()), "{c:?} in {lang}");
            }
        }
    }

    #[test]
    fn shortcuts_are_unique() {
        let mut seen = HashSet::new();
        for c in Command::ALL {
            for s in c.shortcuts() {
                assert!(
                    seen.insert((s.modifiers, s.logical_key)),
                    "{c:?}: {s:?} twice"
                );
            }
        }
    }

    #[test]
    fn every_command_is_in_a_menu() {
        for c in Command::ALL {
            assert!(
                Menu::ALL.iter().any(|m| m.entries().contains(&Some(c))),
                "{c:?} is in no menu"
            );
        }
    }

    #[test]
    fn the_issue_s_shortcuts() {
        assert_eq!(Command::Save.shortcuts()[0], ctrl(Key::S));
        assert_eq!(Command::SaveAs.shortcuts()[0], ctrl_shift(Key::S));
        assert_eq!(Command::ExportPdf.shortcuts()[0], ctrl(Key::E));
        assert!(Command::Redo.shortcuts().contains(&ctrl(Key::Y)));
        assert!(Command::Redo.shortcuts().contains(&ctrl_shift(Key::Z)));
    }
}
