//! The in-app file browser (issue 15.4), used where no native file dialog exists (no
//! desktop portal, no zenity): folders and the files of the wanted type, a path field
//! (a name is taken in the folder shown), Enter to confirm, "New folder", and errors in
//! the interface language with the path. Plain `std::fs`; the folder listing is cached
//! per folder so it is not read every frame.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::files::Purpose;
use super::tr;
use crate::i18n::i18n;
use crate::model::Lang;

/// At most this many entries are listed (a folder with thousands of files stays usable).
const MAX_ENTRIES: usize = 2000;

/// What the browser asks of the dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Take the path in the field (Enter, or a file was double-clicked).
    Confirm,
}

/// One listed entry.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    name: String,
    folder: bool,
}

/// The folder a path field's text stands for: the text itself when it names a folder,
/// else its parent; the home folder when neither exists.
pub fn folder_of(text: &str) -> PathBuf {
    let path = super::expand_home(text.trim());
    if path.is_dir() {
        return path;
    }
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() && p.is_dir() => p.to_owned(),
        _ => super::home_dir(),
    }
}

/// The path the field's text names: a bare name is taken in `folder`.
pub fn resolve(folder: &Path, text: &str) -> PathBuf {
    let typed = super::expand_home(text.trim());
    if typed.is_absolute() {
        typed
    } else {
        folder.join(typed)
    }
}

/// An I/O error's reason in the interface language (the OS text is English).
pub fn reason(lang: Lang, e: &std::io::Error) -> String {
    let id = match e.kind() {
        ErrorKind::NotFound => "fs-not-found",
        ErrorKind::PermissionDenied => "fs-permission-denied",
        ErrorKind::AlreadyExists => "fs-already-exists",
        ErrorKind::ReadOnlyFilesystem => "fs-read-only",
        ErrorKind::StorageFull => "fs-storage-full",
        ErrorKind::NotADirectory => "fs-not-a-folder",
        ErrorKind::IsADirectory => "fs-is-a-folder",
        ErrorKind::InvalidFilename => "fs-invalid-name",
        _ => return e.to_string(),
    };
    tr(lang, id)
}

fn with_path(lang: Lang, id: &str, path: &Path, why: Option<String>) -> String {
    let mut args = vec![("path", path.display().to_string().into())];
    if let Some(why) = why {
        args.push(("reason", why.into()));
    }
    i18n().tr_args(lang, id, &args)
}

/// Checks a chosen path before it is used: what is opened must be a file, what is saved
/// needs an existing folder and must not be a folder itself.
pub fn check(lang: Lang, purpose: Purpose, path: &Path) -> Result<(), String> {
    if path.is_dir() {
        return Err(with_path(lang, "fs-choose-file", path, None));
    }
    if purpose.is_save() {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        match parent {
            Some(p) if !p.is_dir() => Err(with_path(lang, "fs-folder-missing", p, None)),
            _ => Ok(()),
        }
    } else if !path.is_file() {
        Err(with_path(lang, "fs-file-missing", path, None))
    } else {
        Ok(())
    }
}

fn wanted(purpose: Purpose, name: &str) -> bool {
    let lower = name.to_lowercase();
    purpose
        .extensions()
        .iter()
        .any(|ext| lower.ends_with(&format!(".{ext}")))
}

/// The folders and wanted files of `folder`, folders first, each sorted by name; hidden
/// entries (".name") are left out.
fn list(folder: &Path, purpose: Purpose) -> Result<Vec<Entry>, std::io::Error> {
    let mut out = Vec::new();
    for item in std::fs::read_dir(folder)?.flatten().take(MAX_ENTRIES * 4) {
        let name = item.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        // Follows links: a link to a folder is browsed like a folder.
        let folder = item.path().is_dir();
        if folder || wanted(purpose, &name) {
            out.push(Entry { name, folder });
        }
    }
    out.sort_by(|a, b| {
        b.folder
            .cmp(&a.folder)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    out.truncate(MAX_ENTRIES);
    Ok(out)
}

/// The browser's state that lives across frames (in egui's memory, keyed by dialog).
#[derive(Debug, Clone, Default)]
struct State {
    /// The folder shown and its listing (or why it cannot be read).
    listed: Option<(PathBuf, Result<Vec<Entry>, String>)>,
    /// The name typed for a new folder, while that field is open.
    new_folder: Option<String>,
    /// The last error of "new folder".
    error: Option<String>,
}

/// Shows the browser for `purpose` over the path field `text` (which it edits when the
/// user picks a folder or a file). Returns [`Event::Confirm`] on Enter or a double click.
pub fn show(ui: &mut egui::Ui, lang: Lang, purpose: Purpose, text: &mut String) -> Option<Event> {
    let id = egui::Id::unique(("file-browser", purpose as u8));
    let mut state: State = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let folder = folder_of(text);
    if state.listed.as_ref().is_none_or(|(f, _)| *f != folder) {
        let listing = list(&folder, purpose).map_err(|e| {
            with_path(
                lang,
                "fs-folder-unreadable",
                &folder,
                Some(reason(lang, &e)),
            )
        });
        state.listed = Some((folder.clone(), listing));
    }
    let mut event = None;
    let file_name = {
        let typed = super::expand_home(text.trim());
        if typed.is_dir() || text.trim().is_empty() {
            String::new()
        } else {
            typed
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        }
    };
    let mut go_to: Option<PathBuf> = None;
    ui.horizontal(|ui| {
        let up = folder.parent().map(Path::to_owned);
        if ui
            .add_enabled(up.is_some(), egui::Button::new(tr(lang, "fs-up")))
            .clicked()
        {
            go_to = up;
        }
        if ui.button(tr(lang, "fs-home")).clicked() {
            go_to = Some(super::home_dir());
        }
        if ui.button(tr(lang, "fs-new-folder")).clicked() {
            state.new_folder = Some(String::new());
            state.error = None;
        }
        ui.weak(folder.display().to_string());
    });
    if let Some(name) = &mut state.new_folder {
        let mut create = false;
        let mut cancel = false;
        ui.horizontal(|ui| {
            let l = ui.label(tr(lang, "fs-new-folder-name"));
            let r = ui
                .add(egui::TextEdit::singleline(name).desired_width(240.0))
                .labelled_by(l.id);
            if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                create = true;
            }
            create |= ui.button(tr(lang, "fs-create")).clicked();
            cancel = ui.button(tr(lang, "button-cancel")).clicked();
        });
        if create && !name.trim().is_empty() {
            let target = folder.join(name.trim());
            match std::fs::create_dir(&target) {
                Ok(()) => {
                    go_to = Some(target);
                    state.new_folder = None;
                    state.error = None;
                }
                Err(e) => {
                    state.error = Some(with_path(
                        lang,
                        "fs-folder-not-created",
                        &target,
                        Some(reason(lang, &e)),
                    ));
                }
            }
        } else if cancel {
            state.new_folder = None;
            state.error = None;
        }
    }
    if let Some(e) = &state.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .max_height(260.0)
            .min_scrolled_height(260.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                match state.listed.as_ref().map(|(_, l)| l) {
                    Some(Ok(entries)) if entries.is_empty() => {
                        ui.weak(tr(lang, "fs-empty"));
                    }
                    Some(Ok(entries)) => {
                        for e in entries {
                            let shown = if e.folder {
                                format!("{}/", e.name)
                            } else {
                                e.name.clone()
                            };
                            let selected = !e.folder && e.name == file_name;
                            let r = ui.selectable_label(selected, shown);
                            if e.folder && r.clicked() {
                                go_to = Some(folder.join(&e.name));
                            } else if !e.folder && r.double_clicked() {
                                *text = folder.join(&e.name).display().to_string();
                                event = Some(Event::Confirm);
                            } else if !e.folder && r.clicked() {
                                *text = folder.join(&e.name).display().to_string();
                            }
                        }
                    }
                    Some(Err(e)) => {
                        ui.colored_label(ui.visuals().error_fg_color, e);
                    }
                    None => {}
                }
            });
    });
    if let Some(dir) = go_to {
        // Keep the typed file name (saving) when changing folders.
        let keep = if purpose.is_save() {
            file_name
        } else {
            String::new()
        };
        *text = dir.join(keep).display().to_string();
        if !purpose.is_save() {
            // A folder path in the field: show it with a trailing separator.
            *text = format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR);
        }
    }
    ui.data_mut(|d| d.insert_temp(id, state));
    event
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_shows_folders_first_and_only_wanted_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("Verträge")).unwrap();
        std::fs::create_dir(dir.path().join(".versteckt")).unwrap();
        for f in ["b.tom", "A.TOM", "notiz.txt", "bericht.pdf"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let names: Vec<String> = list(dir.path(), Purpose::Open)
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["Verträge", "A.TOM", "b.tom"]);
        let pdf: Vec<String> = list(dir.path(), Purpose::ExportPdf)
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(pdf, ["Verträge", "bericht.pdf"]);
    }

    #[test]
    fn checks_say_what_is_wrong_in_the_users_language() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("fehlt").join("tom.tom");
        let e = check(Lang::De, Purpose::SaveAs, &missing).unwrap_err();
        assert!(e.contains("existiert nicht") && e.contains("fehlt"), "{e}");
        assert!(!e.contains("os error"), "{e}");
        let e = check(Lang::En, Purpose::Open, &dir.path().join("x.tom")).unwrap_err();
        assert!(e.contains("does not exist"), "{e}");
        assert!(check(Lang::En, Purpose::SaveAs, &dir.path().join("neu.tom")).is_ok());
        let e = check(Lang::De, Purpose::SaveAs, dir.path()).unwrap_err();
        assert!(e.contains("Ordner"), "{e}");
    }

    #[test]
    fn a_bare_name_is_taken_in_the_folder_shown() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path();
        assert_eq!(resolve(folder, "tom.tom"), folder.join("tom.tom"));
        assert_eq!(resolve(folder, "/tmp/x.tom"), PathBuf::from("/tmp/x.tom"));
        let text = folder.join("neu.tom").display().to_string();
        assert_eq!(folder_of(&text), folder);
        assert_eq!(folder_of(&folder.display().to_string()), folder);
    }
}
