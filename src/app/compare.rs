//! The compare view: any two of the released versions and the working copy, with the
//! summary line, the list of changes, word-level text changes and change navigation.
//!
//! The diff is computed once when the chosen pair (or the working copy) changes, never per
//! frame; the view then renders the cached [`Report`], which is also what "Export change
//! report" writes as PDF, so screen and paper say the same.

use std::path::PathBuf;

use egui::text::LayoutJob;
use egui::{Color32, RichText, Stroke, TextFormat, TextStyle};

use super::command::Command;
use super::{Action, Editor, Purpose, TomwerkApp, tr};
use crate::diff::{self, DocDiff, Fingerprint, Report, ReportLine, Segment, SegmentKind};
use crate::i18n::{format_date, i18n};
use crate::model::{Document, Lang};

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// A released version, by label.
    Version(String),
    /// The working copy.
    Working,
}

impl Pick {
    fn name(&self, lang: Lang) -> String {
        match self {
            Pick::Version(l) => {
                i18n().tr_args(lang, "diff-version", &[("label", l.as_str().into())])
            }
            Pick::Working => tr(lang, "diff-working-copy"),
        }
    }
}

/// What a cached diff was computed from: a version by label and chain hash (a version
/// never changes), the working copy by editor instance and revision.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PickKey {
    Version(String, String),
    Working(u64, u64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    from: PickKey,
    to: PickKey,
    lang: Lang,
    include_hidden: bool,
}

/// A computed comparison.
#[derive(Debug)]
struct Computed {
    /// The diff on screen (with hidden sections in the internal mode).
    diff: DocDiff,
    /// The report as written to PDF: always without hidden sections.
    report: Report,
    /// The report of `diff` with characters the UI font lacks replaced, for the screen.
    shown: Report,
}

/// State of the compare view (window).
#[derive(Debug)]
pub struct CompareView {
    /// The older side.
    pub from: Pick,
    /// The newer side.
    pub to: Pick,
    /// The language texts and change labels are shown (and reported) in.
    pub lang: Lang,
    /// Old and new text in two columns instead of one inline text.
    pub side_by_side: bool,
    /// Internal mode: hidden sections are compared too. Only the screen shows them;
    /// the exported change report never does. Off by default.
    pub include_hidden: bool,
    /// The selected change.
    pub current: Option<usize>,
    scroll_to_current: bool,
    cache: Option<(Key, Result<Computed, String>)>,
}

impl CompareView {
    /// A view comparing the two latest versions, or the latest version with the working
    /// copy when there is only one (or none: working copy with itself).
    pub fn new(editor: &Editor, lang: Lang) -> Self {
        let labels: Vec<&str> = editor
            .file
            .versions
            .iter()
            .map(|v| v.label.as_str())
            .collect();
        let (from, to) = match labels.as_slice() {
            [.., a, b] => (
                Pick::Version((*a).to_owned()),
                Pick::Version((*b).to_owned()),
            ),
            [a] => (Pick::Version((*a).to_owned()), Pick::Working),
            [] => (Pick::Working, Pick::Working),
        };
        Self {
            from,
            to,
            lang,
            side_by_side: false,
            include_hidden: false,
            current: None,
            scroll_to_current: false,
            cache: None,
        }
    }

    /// The diff of the current pair, once computed.
    pub fn diff(&self) -> Option<&DocDiff> {
        match &self.cache {
            Some((_, Ok(c))) => Some(&c.diff),
            _ => None,
        }
    }

    fn report(&self) -> Option<&Report> {
        match &self.cache {
            Some((_, Ok(c))) => Some(&c.report),
            _ => None,
        }
    }

    /// Moves the selection to the next (`forward`) or previous change and scrolls to it.
    pub fn step(&mut self, forward: bool) {
        let Some(diff) = self.diff() else { return };
        let target = if forward {
            diff.next_index(self.current)
        } else {
            diff.previous_index(self.current)
        };
        // At either end the selection stays where it is.
        if let Some(i) = target {
            self.current = Some(i);
            self.scroll_to_current = true;
        }
    }

    /// Drops picks of versions that no longer exist (another file was opened).
    fn validate(&mut self, editor: &Editor) {
        let exists = |p: &Pick| match p {
            Pick::Version(l) => editor.file.version(l).is_some(),
            Pick::Working => true,
        };
        if !exists(&self.from) || !exists(&self.to) {
            let fresh = Self::new(editor, self.lang);
            self.from = fresh.from;
            self.to = fresh.to;
        }
    }

    fn key_of(&self, pick: &Pick, editor: &Editor) -> PickKey {
        match pick {
            Pick::Version(l) => PickKey::Version(
                l.clone(),
                editor
                    .file
                    .version(l)
                    .map(|v| v.hash.clone())
                    .unwrap_or_default(),
            ),
            Pick::Working => PickKey::Working(editor.instance(), editor.revision()),
        }
    }

    /// Recomputes the diff when the pair, the language or the working copy changed.
    fn refresh(&mut self, ctx: &egui::Context, editor: &Editor) {
        self.validate(editor);
        let key = Key {
            from: self.key_of(&self.from, editor),
            to: self.key_of(&self.to, editor),
            lang: self.lang,
            include_hidden: self.include_hidden,
        };
        if self.cache.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let same_pair = self.cache.as_ref().is_some_and(|(k, _)| {
            k.from == key.from && k.to == key.to && k.include_hidden == key.include_hidden
        });
        if !same_pair {
            self.current = None;
        }
        let computed =
            compute(editor, &self.from, &self.to, self.lang, self.include_hidden).map(|mut c| {
                c.shown = displayable_report(ctx, &c.shown);
                c
            });
        if let Ok(c) = &computed
            && self.current.is_some_and(|i| i >= c.diff.changes.len())
        {
            self.current = None;
        }
        self.cache = Some((key, computed));
    }
}

fn document_of<'e>(editor: &'e Editor, pick: &Pick, lang: Lang) -> Result<&'e Document, String> {
    match pick {
        Pick::Working => Ok(editor.doc()),
        Pick::Version(l) => match editor.file.version(l) {
            Some(v) => v
                .document_ref()
                .map_err(|e| format!("{}: {e}", pick.name(lang))),
            None => Err(pick.name(lang)),
        },
    }
}

fn fingerprint_of(editor: &Editor, pick: &Pick) -> Result<Fingerprint, String> {
    match pick {
        Pick::Working => Fingerprint::working(editor.doc()).map_err(|e| e.to_string()),
        Pick::Version(l) => editor
            .file
            .version(l)
            .map(Fingerprint::of_version)
            .ok_or_else(|| l.clone()),
    }
}

fn compute(
    editor: &Editor,
    from: &Pick,
    to: &Pick,
    lang: Lang,
    include_hidden: bool,
) -> Result<Computed, String> {
    let old = document_of(editor, from, lang)?;
    let new = document_of(editor, to, lang)?;
    let (from, to) = (fingerprint_of(editor, from)?, fingerprint_of(editor, to)?);
    // What leaves the workstation is always the public comparison.
    let public = diff::compare(old, new);
    let report = Report::new(&public, lang, from.clone(), to.clone());
    if !include_hidden {
        return Ok(Computed {
            diff: public,
            shown: report.clone(),
            report,
        });
    }
    let internal = diff::compare_including_hidden(old, new);
    let shown = Report::new(&internal, lang, from, to);
    Ok(Computed {
        diff: internal,
        shown,
        report,
    })
}

// ---------------------------------------------------------------- colours and text

/// `text` with every character the UI's body font cannot draw replaced by a readable
/// stand-in (arrows by ASCII arrows, anything else by "?"), so no tofu appears.
pub fn displayable(ctx: &egui::Context, text: &str) -> String {
    let font_id = egui::FontId::proportional(14.0);
    ctx.fonts_mut(|fonts| {
        if fonts.has_glyphs(&font_id, text) {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_control() || fonts.has_glyph(&font_id, c) {
                out.push(c);
            } else {
                out.push_str(match c {
                    '→' | '⇒' => "->",
                    '←' => "<-",
                    '↔' => "<->",
                    '✓' | '✔' => "+",
                    '✗' | '✖' => "x",
                    _ => "?",
                });
            }
        }
        out
    })
}

fn displayable_report(ctx: &egui::Context, report: &Report) -> Report {
    let mut r = report.clone();
    r.title = displayable(ctx, &r.title);
    r.summary = displayable(ctx, &r.summary);
    for e in &mut r.entries {
        e.heading = displayable(ctx, &e.heading);
        e.what = displayable(ctx, &e.what);
        for line in &mut e.lines {
            match line {
                ReportLine::Note(n) => *n = displayable(ctx, n),
                ReportLine::Text {
                    label, segments, ..
                } => {
                    *label = displayable(ctx, label);
                    for seg in segments {
                        seg.text = displayable(ctx, &seg.text);
                    }
                }
            }
        }
    }
    r
}

/// Backgrounds for inserted and deleted text that keep the text readable: pale tints
/// under dark text in light mode, deep tints under light text in dark mode.
#[derive(Debug, Clone, Copy)]
pub struct DiffColours {
    /// Behind inserted text.
    pub insert_bg: Color32,
    /// Behind deleted text.
    pub delete_bg: Color32,
    /// Colour of changed text.
    pub changed_text: Color32,
    /// Colour of unchanged text.
    pub text: Color32,
}

impl DiffColours {
    /// The colours for the current theme.
    pub fn of(visuals: &egui::Visuals) -> Self {
        if visuals.dark_mode {
            Self {
                insert_bg: Color32::from_rgb(0x1d, 0x4f, 0x2b),
                delete_bg: Color32::from_rgb(0x6b, 0x23, 0x27),
                changed_text: visuals.strong_text_color(),
                text: visuals.text_color(),
            }
        } else {
            Self {
                insert_bg: Color32::from_rgb(0xc3, 0xec, 0xcb),
                delete_bg: Color32::from_rgb(0xfb, 0xcd, 0xd2),
                changed_text: visuals.strong_text_color(),
                text: visuals.text_color(),
            }
        }
    }
}

/// Which segments a rendered text shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// Everything: deletions struck through, insertions highlighted.
    Inline,
    /// The old text: equal and deleted segments.
    Old,
    /// The new text: equal and inserted segments.
    New,
}

/// The segments as one layout job: deletions on a red tint and struck through,
/// insertions on a green tint and underlined (so the change shows without colour too).
pub fn segments_job(ui: &egui::Ui, segments: &[Segment], show: Show) -> LayoutJob {
    let colours = DiffColours::of(ui.visuals());
    let font_id = TextStyle::Body.resolve(ui.style());
    let mut job = LayoutJob::default();
    for seg in segments {
        let format = match (seg.kind, show) {
            (SegmentKind::Equal, _) => TextFormat::simple(font_id.clone(), colours.text),
            (SegmentKind::Delete, Show::Inline | Show::Old) => TextFormat {
                font_id: font_id.clone(),
                color: colours.changed_text,
                background: colours.delete_bg,
                strikethrough: Stroke::new(1.5, colours.changed_text),
                ..Default::default()
            },
            (SegmentKind::Insert, Show::Inline | Show::New) => TextFormat {
                font_id: font_id.clone(),
                color: colours.changed_text,
                background: colours.insert_bg,
                underline: Stroke::new(1.0, colours.changed_text),
                ..Default::default()
            },
            _ => continue,
        };
        job.append(&seg.text, 0.0, format);
    }
    job
}

// ---------------------------------------------------------------- the window

fn pick_combo(
    ui: &mut egui::Ui,
    id: &str,
    label: &str,
    pick: &mut Pick,
    editor: &Editor,
    lang: Lang,
) {
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(pick.name(lang))
        .width(180.0)
        .show_ui(ui, |ui| {
            for v in &editor.file.versions {
                let p = Pick::Version(v.label.clone());
                let date = format_date(v.date, lang);
                ui.selectable_value(pick, p.clone(), p.name(lang))
                    .on_hover_text(format!("{date} · {}", v.short_hash()));
            }
            ui.selectable_value(pick, Pick::Working, Pick::Working.name(lang));
        })
        .response
        .labelled_by(label.id);
}

/// Shows the compare window; returns false when the user closed it.
pub fn window(
    ctx: &egui::Context,
    view: &mut CompareView,
    editor: &Editor,
    ui_lang: Lang,
    out: &mut Vec<Action>,
) -> bool {
    let mut open = true;
    egui::Window::new(tr(ui_lang, "compare-title"))
        .id(egui::Id::unique("compare-window"))
        .open(&mut open)
        .default_size([860.0, 620.0])
        .collapsible(false)
        .show(ctx, |ui| {
            body(ui, view, editor, ui_lang, out);
        });
    open
}

fn body(
    ui: &mut egui::Ui,
    view: &mut CompareView,
    editor: &Editor,
    ui_lang: Lang,
    out: &mut Vec<Action>,
) {
    let t = |id: &str| tr(ui_lang, id);
    ui.horizontal_wrapped(|ui| {
        pick_combo(
            ui,
            "compare-from",
            &t("compare-from"),
            &mut view.from,
            editor,
            ui_lang,
        );
        pick_combo(
            ui,
            "compare-to",
            &t("compare-to"),
            &mut view.to,
            editor,
            ui_lang,
        );
        ui.separator();
        let lang_label = ui.label(t("compare-language"));
        egui::ComboBox::from_id_salt("compare-lang")
            .selected_text(t(&format!("language-{}", view.lang.code())))
            .show_ui(ui, |ui| {
                for l in Lang::ALL {
                    ui.selectable_value(&mut view.lang, l, t(&format!("language-{}", l.code())));
                }
            })
            .response
            .labelled_by(lang_label.id);
        ui.separator();
        ui.selectable_value(&mut view.side_by_side, false, t("compare-inline"));
        ui.selectable_value(&mut view.side_by_side, true, t("compare-side-by-side"));
        ui.separator();
        ui.checkbox(&mut view.include_hidden, t("compare-include-hidden"))
            .on_hover_text(t("compare-include-hidden-hint"));
    });
    // Only recomputes when the pair, the language or the working copy changed.
    view.refresh(ui.ctx(), editor);
    if editor.file.versions.is_empty() {
        ui.weak(t("compare-no-versions"));
    }
    let computed = match &view.cache {
        Some((_, Ok(c))) => c,
        Some((_, Err(e))) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                i18n().tr_args(ui_lang, "compare-error", &[("error", e.as_str().into())]),
            );
            return;
        }
        None => return,
    };
    let total = computed.diff.changes.len();
    if view.include_hidden {
        ui.colored_label(ui.visuals().warn_fg_color, t("compare-internal-banner"));
    }
    ui.separator();
    ui.label(RichText::new(&computed.shown.summary).strong());
    ui.horizontal(|ui| {
        Command::PreviousChange.button(ui, ui_lang, total > 0, out);
        Command::NextChange.button(ui, ui_lang, total > 0, out);
        let position = match view.current {
            Some(i) => i18n().tr_args(
                ui_lang,
                "compare-position",
                &[("n", (i + 1).into()), ("total", total.into())],
            ),
            None => i18n().tr_args(ui_lang, "compare-position-none", &[("total", total.into())]),
        };
        ui.label(position);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            Command::ExportChangeReportWord.button(ui, ui_lang, true, out);
            Command::ExportChangeReport.button(ui, ui_lang, true, out);
        });
    });
    ui.separator();
    if view.side_by_side {
        // Column headers (issue 15.9): which side is which.
        let (old, new) = (view.from.name(ui_lang), view.to.name(ui_lang));
        ui.columns(2, |cols| {
            cols[0].strong(i18n().tr_args(ui_lang, "compare-column-old", &[("side", old.into())]));
            cols[1].strong(i18n().tr_args(ui_lang, "compare-column-new", &[("side", new.into())]));
        });
    }
    let mut clicked = None;
    let scroll = std::mem::take(&mut view.scroll_to_current);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for entry in &computed.shown.entries {
                let selected = view.current == Some(entry.index);
                let visuals = ui.visuals();
                let frame = if selected {
                    egui::Frame::group(ui.style())
                        .fill(visuals.selection.bg_fill.gamma_multiply(0.25))
                        .stroke(visuals.selection.stroke)
                } else {
                    egui::Frame::group(ui.style())
                };
                let response = frame
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let head = ui
                            .horizontal_wrapped(|ui| {
                                let head = ui.add(
                                    egui::Label::new(RichText::new(&entry.heading).strong())
                                        .sense(egui::Sense::click()),
                                );
                                ui.label(RichText::new(&entry.what).weak());
                                head
                            })
                            .inner;
                        if head.clicked() {
                            clicked = Some(entry.index);
                        }
                        for line in &entry.lines {
                            match line {
                                ReportLine::Note(n) => {
                                    ui.label(n);
                                }
                                ReportLine::Text {
                                    label, segments, ..
                                } => {
                                    ui.label(RichText::new(label).small().weak());
                                    if view.side_by_side {
                                        ui.columns(2, |cols| {
                                            // Columns are justified; ragged text reads better.
                                            for (col, side) in
                                                cols.iter_mut().zip([Show::Old, Show::New])
                                            {
                                                col.with_layout(
                                                    egui::Layout::top_down(egui::Align::Min),
                                                    |ui| {
                                                        ui.label(segments_job(ui, segments, side));
                                                    },
                                                );
                                            }
                                        });
                                    } else {
                                        ui.label(segments_job(ui, segments, Show::Inline));
                                    }
                                }
                            }
                        }
                    })
                    .response;
                if selected && scroll {
                    response.scroll_to_me(Some(egui::Align::Center));
                }
            }
        });
    if let Some(i) = clicked {
        view.current = Some(i);
    }
}

// ---------------------------------------------------------------- app wiring

impl TomwerkApp {
    /// Runs the commands of the compare view, the checks panel and the catalogue dialog.
    pub(super) fn run_panel_command(&mut self, ctx: &egui::Context, command: Command) {
        let lang = self.view.ui_lang;
        match command {
            Command::CompareVersions => {
                if self.compare.is_some() {
                    self.compare = None;
                } else {
                    self.compare = Some(CompareView::new(&self.editor, self.edit_lang()));
                }
            }
            Command::NextChange | Command::PreviousChange => match &mut self.compare {
                Some(view) => {
                    view.refresh(ctx, &self.editor);
                    view.step(command == Command::NextChange);
                }
                None => {
                    let mut view = CompareView::new(&self.editor, self.edit_lang());
                    view.refresh(ctx, &self.editor);
                    view.step(command == Command::NextChange);
                    self.compare = Some(view);
                }
            },
            Command::ExportChangeReport | Command::ExportChangeReportWord => {
                let purpose = if command == Command::ExportChangeReport {
                    Purpose::ChangeReport
                } else {
                    Purpose::ChangeReportDocx
                };
                if self.export_job.is_some() {
                    self.toasts.info(tr(lang, "export-busy"));
                    return;
                }
                match &mut self.compare {
                    Some(view) => {
                        view.refresh(ctx, &self.editor);
                        if view.report().is_some() {
                            self.ask_path(ctx, purpose);
                        } else {
                            self.toasts.error(tr(lang, "compare-choose-first"));
                        }
                    }
                    None => {
                        self.compare = Some(CompareView::new(&self.editor, self.edit_lang()));
                        self.toasts.info(tr(lang, "compare-choose-first"));
                    }
                }
            }
            Command::Checks => self.checks.visible = !self.checks.visible,
            Command::AddFromCatalogue => self.open_catalogue(),
            _ => {}
        }
    }

    /// The suggested file for a change report: next to the document.
    pub(super) fn change_report_path(&self) -> PathBuf {
        let name = match self.compare.as_ref() {
            Some(v) => format!(
                "changes-{}-{}.pdf",
                pick_file_part(&v.from),
                pick_file_part(&v.to)
            ),
            None => "changes.pdf".to_owned(),
        };
        match self.editor.path.as_ref().and_then(|p| p.parent()) {
            Some(dir) => dir.join(name),
            None => super::home_dir().join(name),
        }
    }

    /// Writes the change report of the compare view as PDF on a worker thread; the
    /// export's progress and result reporting (status bar, toast) are reused.
    pub(super) fn start_change_report(&mut self, ctx: &egui::Context, path: PathBuf) {
        let lang = self.view.ui_lang;
        let Some(report) = self.compare.as_ref().and_then(|v| v.report()).cloned() else {
            self.toasts.error(tr(lang, "compare-choose-first"));
            return;
        };
        if self.export_job.is_some() {
            self.toasts.info(tr(lang, "export-busy"));
            return;
        }
        let organisation = self.editor.doc().meta.organisation.name.clone();
        let now = self.now();
        if let Err(e) = self.spawn_pdf_job(ctx, path, "change-report", move || {
            report.pdf_at(&organisation, now).map_err(|e| e.to_string())
        }) {
            self.toasts
                .error(format!("{}: {e}", tr(lang, "error-export")));
        }
    }

    /// Writes the compare view's comparison as Word with tracked changes on the export
    /// worker: the newer side in full, every change a revision. Like every export it
    /// never shows hidden sections, whatever the view's internal toggle says.
    pub(super) fn start_change_report_docx(&mut self, ctx: &egui::Context, path: PathBuf) {
        let lang = self.view.ui_lang;
        let Some(view) = self.compare.as_ref().filter(|v| v.report().is_some()) else {
            self.toasts.error(tr(lang, "compare-choose-first"));
            return;
        };
        if self.export_job.is_some() {
            self.toasts.info(tr(lang, "export-busy"));
            return;
        }
        let label = |pick: &Pick| match pick {
            Pick::Version(l) => Some(l.clone()),
            Pick::Working => None,
        };
        let (from, to) = (label(&view.from), label(&view.to));
        let file = self.editor.file.clone();
        let options = crate::export::ExportOptions {
            lang: view.lang,
            version: None,
            toc: false,
            history: true,
            measures: crate::export::MeasureLayout::List,
            date: self.today(),
        };
        if let Err(e) = self.spawn_export_job(ctx, path, "change-report-docx", move || {
            let side = |label: &Option<String>| {
                crate::export::docx::ReportSide::of(&file, label.as_deref(), options.date)
            };
            side(&from)
                .and_then(|old| {
                    let new = side(&to)?;
                    crate::export::docx::tracked_report(&old, &new, &options)
                })
                .map(|bytes| (bytes, None, Vec::new()))
                .map_err(|e| e.to_string())
        }) {
            self.toasts
                .error(format!("{}: {e}", tr(lang, "error-export")));
        }
    }

    /// The floating windows of this module family: compare view and catalogue dialog.
    /// `escape` is true when an Escape press is free to close the compare window.
    pub(super) fn panel_windows(&mut self, ctx: &egui::Context, escape: bool) {
        let lang = self.view.ui_lang;
        if let Some(view) = &mut self.compare
            && (!window(ctx, view, &self.editor, lang, &mut self.queue) || escape)
        {
            self.compare = None;
        }
        self.catalogue_window(ctx);
    }
}

/// A file-name-safe part for a pick: the label, or "working".
fn pick_file_part(pick: &Pick) -> String {
    match pick {
        Pick::Version(l) => l
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect(),
        Pick::Working => "working".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(kind: SegmentKind, t: &str) -> Segment {
        Segment::new(kind, t)
    }

    #[test]
    fn colours_differ_between_light_and_dark() {
        let light = DiffColours::of(&egui::Visuals::light());
        let dark = DiffColours::of(&egui::Visuals::dark());
        assert_ne!(light.insert_bg, dark.insert_bg);
        // Changed text must stand out from its background in both themes.
        for c in [light, dark] {
            for bg in [c.insert_bg, c.delete_bg] {
                let lum = |c: Color32| {
                    0.2126 * f32::from(c.r())
                        + 0.7152 * f32::from(c.g())
                        + 0.0722 * f32::from(c.b())
                };
                assert!((lum(c.changed_text) - lum(bg)).abs() > 90.0, "{c:?}");
            }
        }
    }

    /// Runs `f` in one frame of a bare context (fonts loaded), discarding the output.
    fn with_ui(mut f: impl FnMut(&mut egui::Ui)) {
        let ctx = egui::Context::default();
        let mut out = ctx.run_ui(Default::default(), |ui| f(ui));
        out.textures_delta.clear();
    }

    #[test]
    fn sides_keep_their_segments() {
        let segments = [
            seg(SegmentKind::Equal, "keys "),
            seg(SegmentKind::Delete, "monthly"),
            seg(SegmentKind::Insert, "yearly"),
        ];
        with_ui(|ui| {
            assert_eq!(segments_job(ui, &segments, Show::Old).text, "keys monthly");
            assert_eq!(segments_job(ui, &segments, Show::New).text, "keys yearly");
            let inline = segments_job(ui, &segments, Show::Inline);
            assert_eq!(inline.text, "keys monthlyyearly");
            assert!(inline.sections[1].format.strikethrough.width > 0.0);
            assert_ne!(inline.sections[2].format.background, Color32::TRANSPARENT);
        });
    }

    #[test]
    fn unknown_glyphs_are_replaced() {
        with_ui(|ui| {
            assert_eq!(
                displayable(ui.ctx(), "Geplant → Umgesetzt"),
                "Geplant -> Umgesetzt"
            );
            assert_eq!(displayable(ui.ctx(), "Schlüssel „neu“"), "Schlüssel „neu“");
        });
    }

    #[test]
    fn navigation_stops_at_the_ends() {
        let editor = Editor::new(crate::store::example(), None);
        let mut view = CompareView::new(&editor, Lang::En);
        view.from = Pick::Version("1.0".into());
        view.to = Pick::Version("2.0".into());
        with_ui(|ui| view.refresh(ui.ctx(), &editor));
        let n = view.diff().map(|d| d.changes.len()).unwrap_or(0);
        assert!(n > 1);
        view.step(false);
        assert_eq!(view.current, Some(n - 1), "previous from nothing: the last");
        view.step(true);
        assert_eq!(view.current, Some(n - 1), "stays at the end");
        view.current = Some(0);
        view.step(false);
        assert_eq!(view.current, Some(0));
        // Another pair starts without a selection.
        view.to = Pick::Working;
        with_ui(|ui| view.refresh(ui.ctx(), &editor));
        assert_eq!(view.current, None);
    }
}
