//! User settings kept in eframe's storage: UI language, recent files, theme, author.
//! The window size and position are kept by eframe itself in the same storage
//! (`NativeOptions::persist_window`). The document is never stored here; it lives only
//! in its file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// The key under which the settings are stored.
pub const STORAGE_KEY: &str = "tomwerk-settings";

/// How many recent files the menu lists.
const RECENT_LIMIT: usize = 8;

/// Light, dark, or whatever the operating system uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the OS.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// The matching egui preference.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Everything remembered between runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The interface language; `None` until the user picks one (then the OS locale applies).
    pub ui_lang: Option<Lang>,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The author name suggested when releasing a version.
    pub author: String,
    /// Light or dark.
    pub theme: ThemeChoice,
    /// The export options last used per document (by path), issue 15.9.
    pub export: std::collections::BTreeMap<PathBuf, ExportChoice>,
    /// Whether the release dialog signs with the key of `tomwerk keygen` (the last choice).
    pub sign_releases: bool,
}

/// The options of the editor's export dialog, as the CLI has them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportChoice {
    /// The language of the export.
    pub lang: Lang,
    /// A released version, or `None` for the working copy.
    pub version: Option<String>,
    /// A table of contents.
    pub toc: bool,
    /// The change history.
    pub history: bool,
    /// Measures as a table instead of a list.
    pub table: bool,
    /// Markdown instead of PDF.
    pub markdown: bool,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            lang: Lang::De,
            version: None,
            toc: false,
            history: true,
            table: false,
            markdown: false,
        }
    }
}

impl Settings {
    /// Reads the settings from eframe's storage; defaults when absent or unreadable.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default()
    }

    /// Writes the settings to eframe's storage.
    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Drops a path that can no longer be opened.
    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut s = Settings::default();
        for i in 0..12 {
            s.remember(Path::new(&format!("/tmp/{i}.tom")));
        }
        s.remember(Path::new("/tmp/5.tom"));
        assert_eq!(s.recent.len(), RECENT_LIMIT);
        assert_eq!(s.recent[0], Path::new("/tmp/5.tom"));
        assert_eq!(s.recent.iter().filter(|p| p.ends_with("5.tom")).count(), 1);
    }
}
