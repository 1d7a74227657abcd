//! Document files from the editor: open, import, save, export jobs, versions, release and the recovery autosave.

use super::*;

impl TomwerkApp {
    /// Asks for a path: the native dialog when there is one, else the in-app field.
    pub(super) fn ask_path(&mut self, ctx: &egui::Context, purpose: Purpose) {
        let lang = self.view.ui_lang;
        let suggested = self.suggested_path(purpose);
        let (title_key, filter_key) = match purpose {
            Purpose::Open => ("dialog-open-title", "filter-tom"),
            Purpose::SaveAs => ("dialog-save-title", "filter-tom"),
            Purpose::Import => ("dialog-import-title", "filter-markdown"),
            Purpose::ExportPdf => ("dialog-export-title", "filter-pdf"),
            Purpose::ChangeReport => ("dialog-change-report-title", "filter-pdf"),
            Purpose::ExportDocx => ("dialog-export-word-title", "filter-docx"),
            Purpose::ChangeReportDocx => ("dialog-change-report-word-title", "filter-docx"),
            Purpose::ExportMarkdown => ("dialog-export-markdown-title", "filter-markdown"),
        };
        let started = self.files.start(
            ctx,
            purpose,
            tr(lang, title_key),
            tr(lang, filter_key),
            suggested.clone(),
        );
        if !started && !self.files.is_busy() {
            self.dialogs.push_back(Dialog::PathPrompt {
                purpose,
                text: suggested
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                error: None,
            });
        }
    }

    pub(super) fn suggested_path(&self, purpose: Purpose) -> Option<PathBuf> {
        let base = self.editor.path.clone();
        match purpose {
            Purpose::Open | Purpose::Import => base.and_then(|p| p.parent().map(|d| d.join(""))),
            Purpose::SaveAs => Some(base.unwrap_or_else(|| home_dir().join("tom.tom"))),
            Purpose::ChangeReport => Some(self.change_report_path()),
            Purpose::ChangeReportDocx => Some(self.change_report_path().with_extension("docx")),
            Purpose::ExportDocx => Some(
                base.map(|p| p.with_extension("docx"))
                    .unwrap_or_else(|| home_dir().join("tom.docx")),
            ),
            Purpose::ExportPdf => Some(
                base.map(|p| p.with_extension("pdf"))
                    .unwrap_or_else(|| home_dir().join("tom.pdf")),
            ),
            Purpose::ExportMarkdown => Some(
                base.map(|p| p.with_extension("md"))
                    .unwrap_or_else(|| home_dir().join("tom.md")),
            ),
        }
    }

    pub(super) fn path_chosen(&mut self, ctx: &egui::Context, purpose: Purpose, path: PathBuf) {
        let path = files::with_extension(path, purpose);
        match purpose {
            Purpose::Open => self.open(&path),
            Purpose::SaveAs => self.save_to(ctx, &path, true),
            Purpose::Import => self.proceed(ctx, Pending::ImportPath(path)),
            Purpose::ExportPdf => self.start_export(ctx, path),
            Purpose::ExportMarkdown => self.export_markdown(&path),
            Purpose::ChangeReport => self.start_change_report(ctx, path),
            Purpose::ExportDocx => self.start_docx_export(ctx, path),
            Purpose::ChangeReportDocx => self.start_change_report_docx(ctx, path),
        }
    }

    pub(super) fn open(&mut self, path: &Path) {
        let lang = self.view.ui_lang;
        match store::load_with_notices(path) {
            Ok((file, notices)) => {
                if let Some(text) = super::load_notice_text(lang, path, &notices) {
                    self.toasts.info(text);
                }
                if let Err(e) = file.verify() {
                    self.dialogs
                        .push_back(Dialog::ChainBroken(super::chain_error_text(&e, lang)));
                }
                self.replace_editor(Editor::new(file, Some(path.to_owned())));
                self.settings.remember(path);
                self.recovery.clear();
            }
            Err(e) => {
                if !path.exists() {
                    self.settings.forget(path);
                }
                self.dialogs.push_back(Dialog::Error(
                    tr(lang, "error-open"),
                    crate::cli::store_error_text(&e, lang),
                ));
            }
        }
    }

    /// A file dropped on the window: a `.tom` file opens, anything else is imported (both
    /// after the unsaved-changes question).
    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        let Some(path) = dropped
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
        else {
            return;
        };
        let tom = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("tom"));
        self.guarded(
            ctx,
            if tom {
                Pending::OpenPath(path)
            } else {
                Pending::ImportPath(path)
            },
        );
    }

    pub(super) fn import(&mut self, path: &Path) {
        self.import_with(path, crate::import::MeasureDetection::Detect);
    }

    /// Imports with measure tables and task lists detected or kept as text.
    pub(super) fn import_with(&mut self, path: &Path, measures: crate::import::MeasureDetection) {
        let lang = self.view.ui_lang;
        if let Err(e) = store::ensure_regular_file(path) {
            let text = crate::cli::store_error_text(&e, lang);
            self.dialogs
                .push_back(Dialog::Error(tr(lang, "error-import"), text));
            return;
        }
        let options = crate::import::ImportOptions {
            lang: None,
            measures,
        };
        match crate::import::import_file_with(path, options) {
            Ok(imported) => {
                // What the loader and the CLI refuse (e.g. a 10 MB organisation name from
                // front matter, issue 19.8) is refused here too, before anything replaces
                // the open document: nothing is half imported.
                if let Some(e) = crate::model::validate(&imported.document)
                    .into_iter()
                    .find(|e| e.is_fatal())
                {
                    let text = import_refusal_text(&e, path, lang);
                    self.dialogs
                        .push_back(Dialog::Error(tr(lang, "error-import"), text));
                    return;
                }
                let report = imported.report.clone();
                self.replace_editor(Editor::new(TomFile::new(imported.document), None));
                // An import is new, unsaved work.
                self.editor.mark_dirty();
                self.last_change = Some(Instant::now());
                self.dialogs
                    .push_back(Dialog::ImportReport(path.to_owned(), Box::new(report)));
            }
            Err(e) => self
                .dialogs
                .push_back(Dialog::Error(tr(lang, "error-import"), e.to_string())),
        }
    }

    pub(super) fn save(&mut self, ctx: &egui::Context) {
        match self.editor.path.clone() {
            Some(path) => self.save_to(ctx, &path, true),
            None => self.ask_path(ctx, Purpose::SaveAs),
        }
    }

    /// Writes the file atomically and says so. With `check`, a file changed by someone
    /// else since it was loaded is not overwritten without asking.
    pub(super) fn save_to(&mut self, ctx: &egui::Context, path: &Path, check: bool) {
        if self.write_file(path, check) {
            self.toasts.info(i18n().tr_args(
                self.view.ui_lang,
                "saved-to",
                &[("path", path.display().to_string().into())],
            ));
            if let Some(pending) = self.after_save.take() {
                self.proceed(ctx, pending);
            }
        }
    }

    /// Writes the file atomically (working copy and versions together); true when it is
    /// on disk. A conflict or a failure is shown as a dialog.
    fn write_file(&mut self, path: &Path, check: bool) -> bool {
        let lang = self.view.ui_lang;
        let same_file = self.editor.path.as_deref() == Some(path);
        // Held from the changed-on-disk check to the rename, so a `tomwerk release` on the
        // same file waits for this save (and then reads it) instead of being overwritten.
        let lock = match store::LockedDocument::lock(path) {
            Ok(lock) => lock,
            Err(e) => {
                self.after_save = None;
                self.dialogs.push_back(Dialog::Error(
                    tr(lang, "error-save"),
                    crate::cli::store_error_text(&e, lang),
                ));
                return false;
            }
        };
        if check && same_file && self.editor.changed_on_disk() {
            self.dialogs
                .push_back(Dialog::DiskConflict(path.to_owned()));
            return false;
        }
        let text = match store::to_ron(&self.editor.file) {
            Ok(t) => t,
            Err(e) => {
                self.dialogs.push_back(Dialog::Error(
                    tr(lang, "error-save"),
                    crate::cli::store_error_text(&e, lang),
                ));
                self.after_save = None;
                return false;
            }
        };
        match lock.save_bytes_with(text.as_bytes(), |_| Ok(())) {
            Ok(()) => {
                self.editor.mark_saved(path, text.as_bytes());
                self.autosaved_revision = self.editor.revision();
                self.settings.remember(path);
                self.recovery.clear();
                self.title_sent.clear();
                true
            }
            // Written meanwhile by a program that took no lock: ask, as for a file
            // changed since it was loaded.
            Err(e) if matches!(e.kind, store::StoreErrorKind::ChangedOnDisk) => {
                self.dialogs
                    .push_back(Dialog::DiskConflict(path.to_owned()));
                false
            }
            Err(e) => {
                self.after_save = None;
                self.dialogs.push_back(Dialog::Error(
                    tr(lang, "error-save"),
                    format!("{}: {e}", path.display()),
                ));
                false
            }
        }
    }

    pub(super) fn start_export(&mut self, ctx: &egui::Context, path: PathBuf) {
        let file = self.editor.file.clone();
        let options = self.export_options();
        let now = self.now();
        if let Err(e) = self.spawn_pdf_job(ctx, path, "export", move || {
            export::pdf_at(&file, &options, now).map_err(|e| e.to_string())
        }) {
            self.dialogs.push_back(Dialog::Error(
                tr(self.view.ui_lang, "error-export"),
                e.to_string(),
            ));
        }
    }

    /// Writes the document (or the open version) as Word on the export worker, with the
    /// same options, progress and result toast as the PDF export.
    pub(super) fn start_docx_export(&mut self, ctx: &egui::Context, path: PathBuf) {
        let file = self.editor.file.clone();
        let options = self.export_options();
        if let Err(e) = self.spawn_export_job(ctx, path, "export-docx", move || {
            export::docx(&file, &options)
                .map(|bytes| (bytes, None, Vec::new()))
                .map_err(|e| e.to_string())
        }) {
            self.dialogs.push_back(Dialog::Error(
                tr(self.view.ui_lang, "error-export"),
                e.to_string(),
            ));
        }
    }

    /// Typesets a PDF on a worker thread and writes it atomically to `path`; the status
    /// bar shows the job and `poll_export` reports the result. Shared by every PDF the
    /// editor writes (document, version, change report) so they behave alike.
    pub(super) fn spawn_pdf_job(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        name: &str,
        make: impl FnOnce() -> Result<export::PdfOutput, String> + Send + 'static,
    ) -> std::io::Result<()> {
        self.spawn_export_job(ctx, path, name, move || {
            make().map(|out| (out.bytes, Some(out.pages), out.warnings))
        })
    }

    /// Makes a file on a worker thread and writes it atomically to `path`: bytes, page
    /// count (PDF only) and warnings. Every export of the editor (PDF and Word) runs here.
    pub(super) fn spawn_export_job(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        name: &str,
        make: impl FnOnce() -> Result<(Vec<u8>, Option<usize>, Vec<String>), String> + Send + 'static,
    ) -> std::io::Result<()> {
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx2 = ctx.clone();
        let target = path.clone();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let result = make().and_then(|(bytes, pages, warnings)| {
                    store::write_atomic(&target, &bytes)
                        .map(|()| (pages, warnings))
                        .map_err(|e| format!("{}: {e}", target.display()))
                });
                // The receiver is gone only when the app quit.
                let _ = tx.send(result);
                ctx2.request_repaint();
            })?;
        self.export_job = Some(ExportJob { path, rx });
        Ok(())
    }

    pub(super) fn poll_export(&mut self) {
        let Some(job) = &self.export_job else { return };
        let result = match job.rx.try_recv() {
            Ok(r) => r,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Err("the export stopped unexpectedly".to_owned())
            }
        };
        let path = job.path.clone();
        self.export_job = None;
        let lang = self.view.ui_lang;
        match result {
            Ok((pages, warnings)) => {
                let shown = path.display().to_string();
                let text = match pages {
                    Some(pages) => i18n().tr_args(
                        lang,
                        "exported-to",
                        &[("path", shown.into()), ("pages", (pages as f64).into())],
                    ),
                    None => i18n().tr_args(lang, "exported-docx-to", &[("path", shown.into())]),
                };
                self.toasts.push(Toast::with_open(text, path));
                for w in warnings {
                    self.toasts.error(w);
                }
            }
            Err(e) => self
                .dialogs
                .push_back(Dialog::Error(tr(lang, "error-export"), e)),
        }
    }

    pub(super) fn poll_file_dialog(&mut self, ctx: &egui::Context) {
        match self.files.poll() {
            Some(files::Answer::Chosen(purpose, path)) => self.path_chosen(ctx, purpose, path),
            Some(files::Answer::Cancelled) => self.after_save = None,
            Some(files::Answer::Unavailable(purpose)) => {
                let text = self
                    .suggested_path(purpose)
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                self.dialogs.push_back(Dialog::PathPrompt {
                    purpose,
                    text,
                    error: None,
                });
            }
            None => {}
        }
    }

    // ---------------------------------------------------------------- versions

    pub(super) fn view_version(&mut self, label: Option<String>) {
        let lang = self.view.ui_lang;
        self.view.viewing = None;
        let Some(label) = label else { return };
        match self.editor.file.version(&label).map(|v| v.document()) {
            Some(Ok(doc)) => self.view.viewing = Some((label, Arc::new(doc))),
            Some(Err(e)) => self.dialogs.push_back(Dialog::Error(
                tr(lang, "error-version"),
                crate::cli::store_error_text(&e, lang),
            )),
            None => {}
        }
        if let Selection::Section(id) = &self.view.selection
            && self.shown_doc().section(id).is_none()
        {
            self.view.selection = Selection::Document;
        }
    }

    pub(super) fn restore_version(&mut self, ctx: &egui::Context, label: &str) {
        let lang = self.view.ui_lang;
        if self.editor.integrity_broken().is_some() {
            // A version of a tampered file is not trusted enough to become the working copy.
            return;
        }
        match self.editor.file.version(label).map(|v| v.document()) {
            Some(Ok(doc)) => {
                self.view.viewing = None;
                self.edit(ctx, DocEdit::ReplaceDocument(Box::new(doc)));
                self.toasts.info(i18n().tr_args(
                    lang,
                    "version-restored",
                    &[("label", label.to_owned().into())],
                ));
            }
            Some(Err(e)) => self.dialogs.push_back(Dialog::Error(
                tr(lang, "error-version"),
                crate::cli::store_error_text(&e, lang),
            )),
            None => {}
        }
    }

    /// Releases the working copy as a new version and stores it at once: a released
    /// version that exists only in memory is not released for anyone. A document with a
    /// file is written atomically (versions and working copy together); one without a
    /// file asks for a path (the save-as flow) and the message says it is not saved yet.
    /// The release date typed in the release form, checked (issue 20.4): a real date, not
    /// after today and not before the latest released version.
    pub(super) fn release_date(&self, text: &str) -> Result<time::Date, String> {
        let lang = self.view.ui_lang;
        let arg = |d: time::Date| crate::i18n::format_date(d, lang);
        let date = super::parse_typed_date(text).ok_or_else(|| {
            i18n().tr_args(
                lang,
                "release-date-invalid",
                &[("text", text.trim().to_owned().into())],
            )
        })?;
        let today = self.today();
        if date > today {
            return Err(i18n().tr_args(
                lang,
                "release-date-future",
                &[("date", arg(date).into()), ("today", arg(today).into())],
            ));
        }
        if let Some(latest) = self.editor.file.latest()
            && date < latest.date
        {
            return Err(i18n().tr_args(
                lang,
                "release-date-before",
                &[
                    ("date", arg(date).into()),
                    ("label", latest.label.clone().into()),
                    ("latest", arg(latest.date).into()),
                ],
            ));
        }
        Ok(date)
    }

    pub(super) fn release(
        &mut self,
        ctx: &egui::Context,
        label: &str,
        author: &str,
        note: &str,
        date: time::Date,
        sign: bool,
    ) -> Result<(), String> {
        let lang = self.view.ui_lang;
        // The key first: without one nothing is released, and the dialog says how to make it.
        let key = match sign {
            true => Some(
                store::key_dir()
                    .and_then(|dir| store::SigningKey::load(&dir))
                    .map_err(|e| match e {
                        store::KeyError::Missing(_) => tr(lang, "release-sign-no-key"),
                        other => other.to_string(),
                    })?,
            ),
            false => None,
        };
        let mut file = self.editor.file.clone();
        file.release(label, date, author, note)
            .map_err(|e| release_error_text(lang, &e))?;
        if let Some(key) = &key {
            file.sign_latest(key);
        }
        self.settings.sign_releases = sign;
        self.editor.set_file_versions(file);
        self.settings.author = author.trim().to_owned();
        self.last_change = Some(Instant::now());
        let label = label.trim().to_owned();
        match self.editor.path.clone() {
            Some(path) if self.write_file(&path, true) => {
                self.toasts.info(i18n().tr_args(
                    lang,
                    "released-saved",
                    &[
                        ("label", label.into()),
                        ("path", path.display().to_string().into()),
                    ],
                ));
            }
            Some(_) => {
                // The conflict or error dialog says why; the version is kept in memory.
                self.toasts.error(i18n().tr_args(
                    lang,
                    "released-not-saved",
                    &[("label", label.into())],
                ));
            }
            None => {
                self.toasts.info(i18n().tr_args(
                    lang,
                    "released-choose-file",
                    &[("label", label.into())],
                ));
                self.ask_path(ctx, Purpose::SaveAs);
            }
        }
        Ok(())
    }

    // ---------------------------------------------------------------- per frame

    /// Writes the recovery copy once changes are older than the autosave delay; while one
    /// is due, asks for a single repaint at that moment (never a repaint loop).
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        if !self.editor.is_dirty() {
            if self.recovery_written {
                // Undone back to the saved state: nothing left to recover.
                self.recovery.clear();
                self.recovery_written = false;
            }
            return;
        }
        if self.editor.revision() == self.autosaved_revision {
            return;
        }
        let since = self
            .last_change
            .map(|t| t.elapsed())
            .unwrap_or(Duration::MAX);
        if since >= self.config.autosave_delay {
            match self
                .recovery
                .write(&self.editor.file, self.editor.path.as_deref())
            {
                Ok(()) => {
                    self.autosaved_revision = self.editor.revision();
                    self.recovery_written = true;
                }
                Err(e) => {
                    // Try again after the next change instead of every frame.
                    self.autosaved_revision = self.editor.revision();
                    self.toasts.error(i18n().tr_args(
                        self.view.ui_lang,
                        "error-autosave",
                        &[("error", e.into())],
                    ));
                }
            }
        } else {
            ctx.request_repaint_after(self.config.autosave_delay - since);
        }
    }
}

/// Why an imported document is refused, in the UI language and naming the file; a
/// too-long field is named by its label in the document form.
fn import_refusal_text(e: &crate::model::ValidationError, path: &Path, lang: Lang) -> String {
    use crate::model::ValidationError as V;
    let path_text = path.display().to_string();
    match e {
        V::FieldTooLong { field, chars } => {
            let label = match field.as_str() {
                "organisation name" => tr(lang, "form-organisation"),
                "address" => tr(lang, "form-address"),
                "data protection officer's contact" => tr(lang, "form-dpo"),
                "purpose line" => tr(lang, "form-purpose"),
                "responsible person" => tr(lang, "form-responsible"),
                other => other.to_owned(),
            };
            i18n().tr_args(
                lang,
                "import-field-too-long",
                &[
                    ("path", path_text.into()),
                    ("field", label.into()),
                    ("chars", (*chars as f64).into()),
                    ("max", (crate::model::MAX_LINE_FIELD_CHARS as f64).into()),
                ],
            )
        }
        other => i18n().tr_args(
            lang,
            "import-refuse-invalid",
            &[
                ("path", path_text.into()),
                ("problem", other.to_string().into()),
            ],
        ),
    }
}
