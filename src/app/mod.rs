//! The eframe desktop editor. The only module that touches egui, eframe and rfd.
//!
//! Structure (after rerun's `ui_command.rs`): [`Command`] is the single list of user
//! actions with label, shortcut and menu entry; panels (one file each) only read state and
//! push [`Action`]s; [`TomwerkApp::apply`] is the one place that carries them out, and
//! every document change goes through [`Editor::apply`], which records undo.

mod body_tools;
mod catalogue_dialog;
mod checks_panel;
pub mod command;
mod command_run;
mod compare;
mod cursor;
mod dialog_answers;
mod dialogs;
mod document_form;
pub mod editor;
mod export_dialog;
mod file_browser;
mod file_ops;
mod files;
mod find;
mod frame;
mod history;
mod integrity;
mod markdown;
mod measures;
mod menu_bar;
pub mod preview;
pub mod recovery;
mod rich_text;
mod section_editor;
mod section_tree;
pub mod settings;
mod spell_ui;
mod start;
pub mod startup;
mod status;
mod theme;
mod translation;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use time::Date;

pub use command::Command;
pub use editor::{Created, DocEdit, Editor, MetaField, TextField};
pub use files::Purpose;
pub use recovery::Recovery;
pub use settings::{Settings, ThemeChoice};

use crate::export;
use crate::i18n::{detect_locale, i18n};
use crate::model::{Document, Lang, LocalText, MoveDirection, SectionId};
use crate::store::{self, TomFile};
use dialogs::{Dialog, Pending};
use status::{Toast, Toasts};

/// How the editor starts; tests inject their own folders and switch off native dialogs.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// A file to open (from the command line); otherwise the last one, or the example.
    pub file: Option<PathBuf>,
    /// The folder for the recovery copy.
    pub data_dir: PathBuf,
    /// Try native file dialogs (rfd); when false, the in-app path field is used.
    pub native_dialogs: bool,
    /// How long the working copy may stay unsaved before the recovery copy is written.
    pub autosave_delay: Duration,
    /// The interface language; `None` uses the remembered choice, then the OS locale.
    pub ui_lang: Option<Lang>,
    /// Open the most recent file when no file is given.
    pub reopen_last: bool,
    /// "Today" for exports and releases; `None` asks the clock.
    pub today: Option<Date>,
    /// The program that opens exported files; `None` uses the desktop's (`xdg-open`,
    /// `open`, `explorer`).
    pub opener: Option<PathBuf>,
    /// The user's spelling word list (`words.txt` in the config folder); `None`: none.
    pub user_words: Option<PathBuf>,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            file: None,
            data_dir: Recovery::default_dir(),
            native_dialogs: true,
            autosave_delay: Duration::from_secs(5),
            ui_lang: None,
            reopen_last: true,
            today: None,
            opener: None,
            user_words: spell_ui::default_user_words_path(),
        }
    }
}

impl AppConfig {
    /// A configuration for tests and benchmarks: the given data folder, no native
    /// dialogs, immediate autosave, English UI, no reopening.
    pub fn headless(data_dir: &Path) -> Self {
        Self {
            file: None,
            data_dir: data_dir.to_owned(),
            native_dialogs: false,
            autosave_delay: Duration::ZERO,
            ui_lang: Some(Lang::En),
            reopen_last: false,
            today: None,
            opener: None,
            user_words: Some(data_dir.join("words.txt")),
        }
    }
}

/// What the centre shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// The document form.
    Document,
    /// A section.
    Section(SectionId),
}

/// Which content language is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentMode {
    /// One language.
    Single(Lang),
    /// Both side by side (translation mode).
    Both,
}

impl ContentMode {
    /// The languages shown, in column order.
    pub fn langs(self) -> Vec<Lang> {
        match self {
            ContentMode::Single(l) => vec![l],
            ContentMode::Both => vec![Lang::De, Lang::En],
        }
    }
}

/// View state that is not part of the document.
#[derive(Debug, Clone)]
pub struct ViewState {
    /// The interface language.
    pub ui_lang: Lang,
    /// What the centre shows.
    pub selection: Selection,
    /// Which content language is edited.
    pub content: ContentMode,
    /// Show the rendered Markdown next to the body.
    pub preview: bool,
    /// Focus the title field on the next frame (Rename).
    pub focus_title: bool,
    /// Focus the newest measure's text on the next frame.
    pub focus_measure: Option<crate::model::MeasureId>,
    /// Show the history panel.
    pub show_history: bool,
    /// A released version shown read-only instead of the working copy.
    pub viewing: Option<(String, Arc<Document>)>,
    /// The start view replaces the centre (first start, no document open before).
    pub start_view: bool,
    /// The built-in example is open (a banner says so).
    pub example: bool,
    /// Focus this language of this field once `Selection` is shown (a finding followed).
    pub focus_text: Option<(TextField, Lang, Selection)>,
    /// Earlier source texts, for the changes behind a stale translation.
    pub sources: translation::Sources,
}

impl ViewState {
    /// The content language shown where one language is shown (section titles in the
    /// tree and the heading): the one edited, or the primary one in translation mode.
    pub fn content_lang(&self, doc: &Document) -> Lang {
        match self.content {
            ContentMode::Single(l) => l,
            ContentMode::Both => doc.meta.primary_language,
        }
    }
}

/// Everything the UI can ask for. Panels push these; [`TomwerkApp::apply`] runs them.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A command from a menu, button or shortcut.
    Command(Command),
    /// A change of the working copy.
    Edit(DocEdit),
    /// Show something else in the centre.
    Select(Selection),
    /// Open this file (recent files), after the unsaved-changes guard.
    OpenRecent(PathBuf),
    /// A path typed into the in-app path field.
    PathChosen(Purpose, PathBuf),
    /// The user answered the front dialog.
    Answer(dialogs::Answer),
    /// Open a file with the desktop's default program.
    OpenExternal(PathBuf),
    /// Close a toast.
    DismissToast(u64),
    /// Show a released version read-only (`None`: back to the working copy).
    ViewVersion(Option<String>),
    /// Make a released version the working copy (undoable).
    RestoreVersion(String),
    /// Compare a released version with the working copy (history panel, issue 15.9).
    CompareWithWorking(String),
    /// Stop typing-merge (focus left a field).
    BreakMerge,
    /// Show a one-line problem as an error toast.
    Notice(String),
}

/// What an export job reports: the page count (PDF only) and warnings, or the error.
type ExportOutcome = Result<(Option<usize>, Vec<String>), String>;

struct ExportJob {
    path: PathBuf,
    rx: Receiver<ExportOutcome>,
}

/// The editor application.
pub struct TomwerkApp {
    /// The open document.
    pub editor: Editor,
    /// View state.
    pub view: ViewState,
    /// Remembered settings.
    pub settings: Settings,
    config: AppConfig,
    recovery: Recovery,
    files: files::FileDialogs,
    dialogs: VecDeque<Dialog>,
    toasts: Toasts,
    queue: Vec<Action>,
    export_job: Option<ExportJob>,
    /// Continue with this once the document is saved (Save in the unsaved-changes dialog).
    after_save: Option<Pending>,
    last_change: Option<Instant>,
    autosaved_revision: u64,
    recovery_written: bool,
    title_sent: String,
    allow_close: bool,
    applied_theme: Option<ThemeChoice>,
    compare: Option<compare::CompareView>,
    /// The first frame was laid out (start-up timeline).
    first_frame_done: bool,
    /// The options of the export being asked for (export dialog, then the path).
    export_choice: Option<settings::ExportChoice>,
    checks: checks_panel::ChecksPanel,
    catalogue: Option<catalogue_dialog::CatalogueDialog>,
    /// The live page preview (issue 17).
    pub preview: preview::PagePreview,
    /// The find bar (issue 17).
    find: find::FindBar,
}

impl std::fmt::Debug for TomwerkApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TomwerkApp")
            .field("path", &self.editor.path)
            .field("dirty", &self.editor.is_dirty())
            .finish_non_exhaustive()
    }
}

impl TomwerkApp {
    /// Builds the editor: settings from eframe's storage, then the given file, the last
    /// one, or the example; a recovery copy is offered when one exists.
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        let settings = Settings::load(cc.storage);
        Self::with_settings(&cc.egui_ctx, config, settings)
    }

    /// Like [`Self::new`] with explicit settings (tests and benchmarks).
    pub fn with_settings(ctx: &egui::Context, config: AppConfig, mut settings: Settings) -> Self {
        startup::mark("window and GL context ready (App::new)");
        rich_text::install_fonts(ctx);
        theme::install(ctx);
        let words_problem = spell_ui::load_user_words(ctx, config.user_words.clone());
        startup::mark("fonts and theme installed");
        let ui_lang = config
            .ui_lang
            .or(settings.ui_lang)
            .unwrap_or_else(detect_locale);
        let mut dialogs = VecDeque::new();
        let recovery = Recovery::new(config.data_dir.clone());
        let found = recovery.find();
        startup::mark("recovery folder checked");
        // A recovery copy is offered over the document it belongs to (issue 20.6), not
        // over whatever the settings name as the last file.
        let recovered_origin = found
            .as_ref()
            .and_then(|f| f.origin.clone())
            .filter(|p| p.exists());
        let start_path = config.file.clone().or(recovered_origin).or_else(|| {
            config
                .reopen_last
                .then(|| settings.recent.first().cloned())
                .flatten()
        });
        let mut start_notice = None;
        // Nothing to reopen: the start view asks what to do (issue 15.7).
        let first_start = start_path.is_none();
        let editor = match start_path {
            Some(path) => match store::load_with_notices(&path) {
                Ok((file, notices)) => {
                    start_notice = load_notice_text(ui_lang, &path, &notices);
                    settings.remember(&path);
                    if let Err(e) = file.verify() {
                        dialogs.push_back(Dialog::ChainBroken(chain_error_text(&e, ui_lang)));
                    }
                    Editor::new(file, Some(path))
                }
                Err(e) => {
                    if config.file.is_none() {
                        // The last file vanished: drop it from the list quietly.
                        settings.forget(&path);
                    } else {
                        dialogs.push_back(Dialog::Error(
                            tr(ui_lang, "error-open"),
                            crate::cli::store_error_text(&e, ui_lang),
                        ));
                    }
                    Editor::new(store::example(), None)
                }
            },
            None => Editor::new(store::example(), None),
        };
        if let Some(found) = found {
            dialogs.push_front(Dialog::Recovery(Box::new(found)));
        }
        let first = editor
            .doc()
            .sections
            .first()
            .map(|s| Selection::Section(s.id.clone()))
            .unwrap_or(Selection::Document);
        startup::mark("document loaded");
        // The example (no file) opens in the interface language when it has that language
        // (issue 20.2): an English UI edits and exports the English text.
        let meta = &editor.doc().meta;
        let content = if editor.path.is_none() && meta.languages.contains(&ui_lang) {
            ContentMode::Single(ui_lang)
        } else {
            ContentMode::Single(meta.primary_language)
        };
        let mut app = Self {
            editor,
            view: ViewState {
                ui_lang,
                selection: first,
                content,
                preview: false,
                focus_title: false,
                focus_measure: None,
                show_history: false,
                viewing: None,
                start_view: first_start,
                example: false,
                focus_text: None,
                sources: translation::Sources::default(),
            },
            settings,
            files: files::FileDialogs::new(config.native_dialogs),
            config,
            recovery,
            dialogs,
            toasts: Toasts::default(),
            queue: Vec::new(),
            export_job: None,
            after_save: None,
            last_change: None,
            autosaved_revision: 0,
            recovery_written: false,
            title_sent: String::new(),
            allow_close: false,
            applied_theme: None,
            compare: None,
            export_choice: None,
            first_frame_done: false,
            checks: checks_panel::ChecksPanel::default(),
            catalogue: None,
            preview: preview::PagePreview::default(),
            find: find::FindBar::default(),
        };
        if let Some(text) = start_notice {
            app.toasts.info(text);
        }
        if let Some(problem) = words_problem {
            app.toasts.error(problem);
        }
        app.view.example = app.editor.path.is_none();
        app.apply_theme(ctx);
        app
    }

    /// Whether the editor decided to close its window (quit confirmed or nothing unsaved).
    pub fn is_closing(&self) -> bool {
        self.allow_close
    }

    /// The interface language.
    pub fn ui_lang(&self) -> Lang {
        self.view.ui_lang
    }

    /// The texts of the visible toasts.
    pub fn toast_texts(&self) -> Vec<&str> {
        self.toasts.texts()
    }

    /// The two sides of the open compare view as labels ("working" for the working copy),
    /// for tests.
    pub fn compared(&self) -> Option<(String, String)> {
        let name = |p: &compare::Pick| match p {
            compare::Pick::Version(l) => l.clone(),
            compare::Pick::Working => "working".to_owned(),
        };
        self.compare.as_ref().map(|c| (name(&c.from), name(&c.to)))
    }

    /// The dialogs waiting for an answer (front first), for tests.
    pub fn open_dialogs(&self) -> usize {
        self.dialogs.len()
    }

    /// The document shown: a released version being viewed, or the working copy.
    fn shown_doc(&self) -> &Document {
        match &self.view.viewing {
            Some((_, doc)) => doc,
            None => self.editor.doc(),
        }
    }

    /// "Today" for exports and checks: injected by the config in tests, else the clock.
    pub fn today(&self) -> Date {
        self.config.today.unwrap_or_else(crate::cli::today)
    }

    /// "Now" for a PDF's metadata: the injected day's start in tests, else the clock.
    pub fn now(&self) -> time::OffsetDateTime {
        match self.config.today {
            Some(day) => day.midnight().assume_utc(),
            None => crate::cli::now(),
        }
    }

    /// The window title: file name, unsaved mark, app name.
    pub fn window_title(&self) -> String {
        let name = match &self.editor.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None => tr(self.view.ui_lang, "title-untitled"),
        };
        // ASCII around the name: winit writes the title's UTF-8 bytes into X11's Latin-1
        // WM_NAME too, which some window managers show ("Unbenannt â€“ Tomwerk").
        let mark = if self.editor.is_dirty() { "* " } else { "" };
        format!("{mark}{name} - Tomwerk")
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_theme(self.settings.theme.preference());
            self.applied_theme = Some(self.settings.theme);
        }
    }

    // ---------------------------------------------------------------- applying actions

    /// Runs every queued action. The only place where actions take effect.
    fn apply_queue(&mut self, ctx: &egui::Context) {
        // Actions may queue further actions (e.g. Save then continue with New).
        let mut guard = 0;
        while !self.queue.is_empty() && guard < 16 {
            guard += 1;
            for action in std::mem::take(&mut self.queue) {
                self.apply(ctx, action);
            }
        }
    }

    /// Carries out one action.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Command(c) => self.run_command(ctx, c),
            Action::Edit(edit) => self.edit(ctx, edit),
            Action::Select(s) => {
                self.editor.break_merge();
                self.view.selection = s;
                self.view.start_view = false;
            }
            Action::OpenRecent(path) => self.guarded(ctx, Pending::OpenPath(path)),
            Action::PathChosen(purpose, path) => self.path_chosen(ctx, purpose, path),
            Action::Answer(answer) => self.answer(ctx, answer),
            Action::OpenExternal(path) => {
                if open_external(self.config.opener.as_deref(), &path).is_err() {
                    // Nothing could open it (no xdg-open): say where the file is.
                    self.dialogs.push_back(Dialog::NoOpener(path));
                }
            }
            Action::DismissToast(id) => self.toasts.dismiss(id),
            Action::ViewVersion(label) => self.view_version(label),
            Action::RestoreVersion(label) => self.restore_version(ctx, &label),
            Action::CompareWithWorking(label) => {
                let mut view = compare::CompareView::new(&self.editor, self.edit_lang());
                view.from = compare::Pick::Version(label);
                view.to = compare::Pick::Working;
                self.compare = Some(view);
            }
            Action::BreakMerge => self.editor.break_merge(),
            Action::Notice(text) => self.toasts.error(text),
        }
    }

    /// Whether nothing may be edited: a released version is shown, or the file's version
    /// chain is broken.
    fn read_only(&self) -> bool {
        self.view.viewing.is_some() || self.editor.integrity_broken().is_some()
    }

    fn edit(&mut self, ctx: &egui::Context, edit: DocEdit) {
        if self.read_only() {
            // A released version or a tampered file is read-only; the UI disables its
            // inputs anyway.
            return;
        }
        let now = ctx.input(|i| i.time);
        match self.editor.apply(edit, now) {
            Ok(Created::Section(id)) => {
                self.view.selection = Selection::Section(id);
                self.view.focus_title = true;
            }
            Ok(Created::Measure(id)) => self.view.focus_measure = Some(id),
            Ok(Created::Nothing) => {}
            Err(e) => self.toasts.error(edit_error_text(self.view.ui_lang, &e)),
        }
        self.after_change();
    }

    fn after_change(&mut self) {
        self.last_change = Some(Instant::now());
        // Undo may remove the selected section (e.g. undoing "add section").
        if let Selection::Section(id) = &self.view.selection
            && self.editor.doc().section(id).is_none()
        {
            self.view.selection = Selection::Document;
        }
    }

    fn selected_section(&self) -> Option<SectionId> {
        match &self.view.selection {
            Selection::Section(id) => Some(id.clone()),
            Selection::Document => None,
        }
    }

    /// What the page preview lays out now: the shown document in the export language,
    /// with the preview's options.
    pub fn preview_key(&self) -> preview::PreviewKey {
        preview::PreviewKey {
            instance: self.editor.instance(),
            revision: self.editor.revision(),
            version: self.view.viewing.as_ref().map(|(label, _)| label.clone()),
            lang: self.edit_lang(),
            toc: self.preview.toc,
            history: self.preview.history,
            measures_table: self.preview.measures_table,
        }
    }

    /// The language new content is written in.
    pub fn edit_lang(&self) -> Lang {
        match self.view.content {
            ContentMode::Single(l) => l,
            ContentMode::Both => self.editor.doc().meta.primary_language,
        }
    }

    fn set_ui_lang(&mut self, lang: Lang) {
        self.view.ui_lang = lang;
        self.settings.ui_lang = Some(lang);
        // The title is language dependent ("Untitled").
        self.title_sent.clear();
    }

    fn set_theme(&mut self, ctx: &egui::Context, theme: ThemeChoice) {
        self.settings.theme = theme;
        self.apply_theme(ctx);
    }

    fn move_selected(&mut self, ctx: &egui::Context, dir: MoveDirection) {
        if let Some(id) = self.selected_section() {
            self.edit(ctx, DocEdit::MoveSection(id, dir));
        }
    }

    // ---------------------------------------------------------------- files

    /// Runs `pending` now, or first asks what to do with unsaved changes.
    fn guarded(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.editor.is_dirty() {
            if !self.dialogs.iter().any(|d| matches!(d, Dialog::Unsaved(_))) {
                self.dialogs.push_back(Dialog::Unsaved(pending));
            }
        } else {
            self.proceed(ctx, pending);
        }
    }

    /// Carries out a guarded action once unsaved changes are dealt with.
    fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New => {
                // The new document is in the language the user works in (issue 20.2):
                // an English UI gets an English document, not the last document's.
                let lang = self.view.ui_lang;
                let doc = Document::empty_template(lang, "");
                if let ContentMode::Single(_) = self.view.content {
                    self.view.content = ContentMode::Single(lang);
                }
                self.replace_editor(Editor::new(TomFile::new(doc), None));
                self.recovery.clear();
            }
            Pending::Open => self.ask_path(ctx, Purpose::Open),
            Pending::OpenPath(path) => self.open(&path),
            Pending::Import => self.ask_path(ctx, Purpose::Import),
            Pending::ImportPath(path) => self.import(&path),
            Pending::Quit => {
                startup::quit_begin();
                self.recovery.clear();
                startup::quit_mark("recovery file removed");
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn replace_editor(&mut self, editor: Editor) {
        self.editor = editor;
        self.view.viewing = None;
        self.view.start_view = false;
        self.view.example = false;
        self.view.content = ContentMode::Single(self.editor.doc().meta.primary_language);
        self.view.selection = self
            .editor
            .doc()
            .sections
            .first()
            .map(|s| Selection::Section(s.id.clone()))
            .unwrap_or(Selection::Document);
        self.autosaved_revision = self.editor.revision();
        self.title_sent.clear();
    }

    /// Ctrl+Q is taken here, before the frame's UI, rather than with the other shortcuts
    /// in the UI pass: a saved document then closes in this frame without laying the whole
    /// editor out and painting it once more (issue 20.8: quitting within 200 ms).
    fn quit_shortcut(&mut self, ctx: &egui::Context) {
        if !self.dialogs.is_empty() {
            return;
        }
        let pressed = Command::Quit
            .shortcuts()
            .iter()
            .any(|s| ctx.input_mut(|i| i.consume_shortcut(s)));
        if pressed {
            self.guarded(ctx, Pending::Quit);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.editor.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.guarded(ctx, Pending::Quit);
            } else {
                self.recovery.clear();
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }
}

/// "version 1.0 (#1): what is wrong", in the interface language.
fn chain_error_text(e: &store::ChainError, lang: Lang) -> String {
    format!(
        "{} (#{}): {}",
        e.label,
        e.position,
        crate::cli::chain_fault_text(e, lang)
    )
}

impl eframe::App for TomwerkApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_file_dialog(ctx);
        self.handle_dropped_files(ctx);
        self.poll_export();
        self.handle_close_request(ctx);
        self.quit_shortcut(ctx);
        self.apply_queue(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.allow_close {
            // The window closes after this frame: laying the whole editor out once more
            // (tens of milliseconds in a debug build) would only delay it (issue 20.8).
            startup::quit_mark("last frame skipped");
            return;
        }
        self.frame_ui(ui);
        if !self.first_frame_done {
            self.first_frame_done = true;
            // The first frame's layout is done; its painting follows in eframe.
            startup::first_frame_done();
        }
        let ctx = ui.ctx().clone();
        self.autosave(&ctx);
        self.update_title(&ctx);
        self.toasts.schedule_expiry(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        startup::quit_mark("eframe asks to save (App::save)");
        self.settings.store(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        startup::quit_mark("settings handed to eframe (App::on_exit)");
    }

    fn persist_egui_memory(&self) -> bool {
        // Panel widths and the like are not worth restoring; settings are stored apart.
        false
    }
}

/// A date as the release form shows it: the form the PDF prints ("03.12.2026" /
/// "3 December 2026"), so that what the user types back is what they read everywhere.
fn release_date_text(date: Date, lang: Lang) -> String {
    crate::i18n::format_date(date, lang)
}

/// Reads a typed date in any form a TOM uses, whatever the UI language: ISO
/// ("2026-12-03"), German ("3.12.2026", "3. Dezember 2026") and English
/// ("3 December 2026", "December 3, 2026"). One parser for the editor and the importer,
/// so that a date the UI shows can always be typed back.
pub fn parse_typed_date(text: &str) -> Option<Date> {
    crate::import::parse_date(text)
}

/// What the loader repaired in a file's text (a BOM, CRLF line endings), for a toast.
fn load_notice_text(
    lang: Lang,
    path: &std::path::Path,
    notices: &[store::LoadNotice],
) -> Option<String> {
    store::LoadNotice::message_id(notices)
        .map(|id| i18n().tr_args(lang, id, &[("path", path.display().to_string().into())]))
}

/// The message `id` in `lang`.
fn tr(lang: Lang, id: &str) -> String {
    i18n().tr(lang, id)
}

fn edit_error_text(lang: Lang, e: &crate::model::EditError) -> String {
    use crate::model::EditError as E;
    let key = match e {
        E::NoSuchSection(_) | E::NoSuchMeasure(_) => "edit-error-missing",
        E::CanonicalNotDeletable(_) => "canonical-not-deletable",
        E::CannotMove => "edit-error-cannot-move",
    };
    tr(lang, key)
}

fn release_error_text(lang: Lang, e: &store::ReleaseError) -> String {
    use store::ReleaseError as E;
    match e {
        E::EmptyLabel => tr(lang, "release-error-empty"),
        E::DuplicateLabel(l) => i18n().tr_args(
            lang,
            "release-error-duplicate",
            &[("label", l.clone().into())],
        ),
        E::Unchanged(l) => i18n().tr_args(
            lang,
            "release-error-unchanged",
            &[("label", l.clone().into())],
        ),
        E::BadField { field } => i18n().tr_args(
            lang,
            "integrity-release-bad-field",
            &[("field", (*field).into())],
        ),
        E::Store(s) => s.to_string(),
    }
}

fn home_dir() -> PathBuf {
    directories::UserDirs::new()
        .map(|d| d.document_dir().unwrap_or(d.home_dir()).to_owned())
        .unwrap_or_else(|| PathBuf::from("."))
}

fn expand_home(text: &str) -> PathBuf {
    match text.strip_prefix("~/") {
        Some(rest) => directories::UserDirs::new()
            .map(|d| d.home_dir().join(rest))
            .unwrap_or_else(|| PathBuf::from(text)),
        None => PathBuf::from(text),
    }
}

/// Opens a file with the desktop's default program (or `opener`), locally. An error
/// means no such program could be started; the caller then shows the path.
fn open_external(opener: Option<&Path>, path: &Path) -> std::io::Result<()> {
    let default = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let program = opener.map_or_else(|| default.into(), |p| p.as_os_str().to_owned());
    std::process::Command::new(program)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}

/// The window icon (the PNG in `assets/`).
pub fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).ok()
}

/// Starts the editor window.
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    startup::begin();
    let config = AppConfig {
        file: path,
        ..AppConfig::default()
    };
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Tomwerk")
        .with_app_id("tomwerk")
        .with_inner_size([1200.0, 800.0])
        .with_min_inner_size([800.0, 560.0]);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        "tomwerk",
        options,
        Box::new(move |cc| Ok(Box::new(TomwerkApp::new(cc, config)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"));
    startup::quit_done("window closed, GL torn down (run_native returned)");
    result
}
