//! What each answer to a dialog does.

use super::*;

impl TomwerkApp {
    /// Handles the answer to the front dialog.
    pub(super) fn answer(&mut self, ctx: &egui::Context, answer: dialogs::Answer) {
        use dialogs::Answer as A;
        let Some(dialog) = self.dialogs.pop_front() else {
            return;
        };
        match (dialog, answer) {
            (Dialog::ImportReport(path, report), A::Reimport) => {
                use crate::import::MeasureDetection as M;
                let measures = match report.measures {
                    M::Detect => M::Off,
                    M::Off => M::Detect,
                };
                self.import_with(&path, measures);
            }
            (Dialog::Unsaved(pending), A::Save) => {
                self.after_save = Some(pending);
                self.save(ctx);
            }
            (Dialog::Unsaved(pending), A::Discard) => {
                // The user chose to lose the changes: the recovery copy goes too.
                self.recovery.clear();
                self.editor = Editor::new(self.editor.file.clone(), self.editor.path.clone());
                self.proceed(ctx, pending);
            }
            (Dialog::PathPrompt { purpose, text, .. }, A::Ok) => {
                let typed = text.trim();
                let path =
                    files::with_extension(file_browser::resolve(&home_dir(), typed), purpose);
                let refused = if typed.is_empty() {
                    Some(None)
                } else {
                    file_browser::check(self.view.ui_lang, purpose, &path)
                        .err()
                        .map(Some)
                };
                match refused {
                    Some(error) => self.dialogs.push_front(Dialog::PathPrompt {
                        purpose,
                        text,
                        error,
                    }),
                    None => self.path_chosen(ctx, purpose, path),
                }
            }
            (Dialog::Recovery(found), A::Restore) => {
                let origin = found.origin.clone();
                let disk = origin.as_deref().and_then(|p| store::load(p).ok());
                let mut editor = match (&origin, disk) {
                    (Some(path), Some(disk_file)) => {
                        // Compare against the file as it is, so dirty state is right.
                        let mut e = Editor::new(disk_file, Some(path.clone()));
                        e.file = found.file.clone();
                        e
                    }
                    _ => Editor::new(found.file.clone(), None),
                };
                editor.mark_dirty();
                self.replace_editor(editor);
                self.last_change = Some(Instant::now());
                // Keep the copy until the user saves: a second crash must not lose it.
                self.autosaved_revision = self.editor.revision();
                self.recovery_written = true;
            }
            (Dialog::Recovery(_), A::Discard) => self.recovery.clear(),
            (Dialog::Export { choice, .. }, A::Ok) => self.export_chosen(ctx, choice),
            (Dialog::NoOpener(path), A::CopyPath) => {
                ctx.copy_text(path.display().to_string());
                self.toasts.info(tr(self.view.ui_lang, "path-copied"));
            }
            (Dialog::DiskConflict(path), A::Overwrite) => self.save_to(ctx, &path, false),
            (Dialog::DiskConflict(path), A::Reload) => {
                self.recovery.clear();
                self.open(&path);
            }
            (Dialog::ConfirmDelete(id), A::Ok) => self.edit(ctx, DocEdit::RemoveSection(id)),
            (
                Dialog::Release {
                    label,
                    author,
                    note,
                    date,
                    sign,
                    ..
                },
                A::Ok,
            ) => {
                let result = self
                    .release_date(&date)
                    .and_then(|day| self.release(ctx, &label, &author, &note, day, sign));
                if let Err(e) = result {
                    self.dialogs.push_front(Dialog::Release {
                        label,
                        author,
                        note,
                        date,
                        error: Some(e),
                        sign,
                    });
                }
            }
            (Dialog::DiskConflict(_) | Dialog::Unsaved(_), _) => self.after_save = None,
            _ => {}
        }
    }
}
