//! The live page preview: the exact pages `export::layout` produces for the shown document
//! (text runs, rules, fills, footer, draft mark) drawn with egui's painter in the export's
//! own fonts, laid out on a worker thread after a short pause in typing.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui::{Color32, FontFamily, FontId, Pos2, Rect, Sense, Stroke, vec2};
use time::Date;

use super::{Action, Selection, ViewState, rich_text};
use crate::export::fonts::{self, Face};
use crate::export::layout::{self, Color, Item, Layout, TextRun};
use crate::export::{self, ExportOptions, MeasureLayout};
use crate::i18n::i18n;
use crate::model::{Lang, SectionId, format_number};
use crate::store::TomFile;

/// How long typing must pause before the pages are laid out again.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Space between pages on screen, in points of the UI.
const PAGE_GAP: f32 = 14.0;

/// Width of the thumbnail column.
const THUMB_WIDTH: f32 = 72.0;

/// The zoom of the pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Zoom {
    /// The page fills the panel's width.
    FitWidth,
    /// A fixed percentage (100 % = one PDF point per UI point).
    Percent(u16),
}

impl Zoom {
    /// The choices offered.
    pub const CHOICES: [Zoom; 8] = [
        Zoom::FitWidth,
        Zoom::Percent(50),
        Zoom::Percent(75),
        Zoom::Percent(100),
        Zoom::Percent(125),
        Zoom::Percent(150),
        Zoom::Percent(175),
        Zoom::Percent(200),
    ];

    fn label(self, lang: Lang) -> String {
        match self {
            Zoom::FitWidth => i18n().tr(lang, "preview-fit-width"),
            Zoom::Percent(p) => format!("{p} %"),
        }
    }
}

/// What the pages are laid out from; a new key means a new layout.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewKey {
    /// The editor instance (a different document).
    pub instance: u64,
    /// The working copy's revision.
    pub revision: u64,
    /// The released version shown instead of the working copy.
    pub version: Option<String>,
    /// Export language.
    pub lang: Lang,
    /// Table of contents.
    pub toc: bool,
    /// Change-history table.
    pub history: bool,
    /// Measures as a table.
    pub measures_table: bool,
}

/// The laid-out pages and where each section's heading is.
#[derive(Debug, Clone)]
pub struct Pages {
    /// The layout, exactly as the PDF writer gets it.
    pub layout: Arc<Layout>,
    /// Each visible section's heading: (section, page, y from the page's top).
    pub headings: Vec<(SectionId, usize, f32)>,
    /// How long the layout took.
    pub took: Duration,
}

/// The preview's state, kept between frames.
pub struct PagePreview {
    /// The zoom.
    pub zoom: Zoom,
    /// Show page thumbnails beside the pages.
    pub thumbnails: bool,
    /// Add a table of contents (as File → Export does when asked).
    pub toc: bool,
    /// Add the change history.
    pub history: bool,
    /// Measures as a two-column table.
    pub measures_table: bool,
    shown: Option<(PreviewKey, Pages)>,
    job: Option<(PreviewKey, Receiver<Result<Pages, String>>)>,
    /// The key waiting for its pause in typing, and since when.
    waiting: Option<(PreviewKey, Instant)>,
    error: Option<String>,
    /// The section the pages were last scrolled to.
    followed: Option<SectionId>,
    /// Scroll the main view to this page and y on the next frame.
    scroll_to: Option<(usize, f32)>,
    /// Last frame's scale (screen points per PDF point), for scrolling.
    scale: f32,
}

impl Default for PagePreview {
    fn default() -> Self {
        Self {
            zoom: Zoom::FitWidth,
            thumbnails: true,
            toc: false,
            history: true,
            measures_table: false,
            shown: None,
            job: None,
            waiting: None,
            error: None,
            followed: None,
            scroll_to: None,
            scale: 1.0,
        }
    }
}

impl std::fmt::Debug for PagePreview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PagePreview")
            .field("zoom", &self.zoom)
            .field(
                "pages",
                &self.shown.as_ref().map(|(_, p)| p.layout.pages.len()),
            )
            .finish_non_exhaustive()
    }
}

/// The export options the preview lays out with (the same as File → Export PDF uses).
pub fn export_options(file: &TomFile, key: &PreviewKey, today: Date) -> ExportOptions {
    ExportOptions {
        lang: key.lang,
        version: key.version.clone(),
        toc: key.toc,
        history: key.history && !file.versions.is_empty(),
        measures: if key.measures_table {
            MeasureLayout::Table
        } else {
            MeasureLayout::List
        },
        date: today,
    }
}

/// Lays out `file` as the export would and finds each section's heading on the pages.
pub fn lay_out(file: &TomFile, options: &ExportOptions) -> Result<Pages, String> {
    let started = Instant::now();
    let fonts = fonts::fonts()?;
    let (blocks, furniture, meta) = export::prepare(file, options).map_err(|e| e.to_string())?;
    let laid = layout::layout(
        &blocks,
        &furniture,
        meta.lang,
        fonts,
        &layout::PageSetup::A4,
    );
    let doc = match &options.version {
        Some(label) => file
            .versions
            .iter()
            .find(|v| &v.label == label)
            .and_then(|v| v.document().ok()),
        None => Some(file.working.clone()),
    };
    let mut headings = Vec::new();
    if let Some(doc) = doc {
        // Section headings are outline entries "3.1. Title", in document order.
        let mut entries = laid.outline.iter();
        for (number, section) in doc.numbered() {
            let prefix = format!("{} ", format_number(&number));
            if let Some(entry) = entries.by_ref().find(|e| e.title.starts_with(&prefix)) {
                headings.push((section.id.clone(), entry.page, entry.y));
            }
        }
    }
    Ok(Pages {
        layout: Arc::new(laid),
        headings,
        took: started.elapsed(),
    })
}

impl PagePreview {
    /// The pages shown now, if any.
    pub fn pages(&self) -> Option<&Pages> {
        self.shown.as_ref().map(|(_, p)| p)
    }

    /// The key of the pages shown now.
    pub fn shown_key(&self) -> Option<&PreviewKey> {
        self.shown.as_ref().map(|(k, _)| k)
    }

    /// True while a layout is running or waiting for a pause in typing.
    pub fn is_updating(&self) -> bool {
        self.job.is_some() || self.waiting.is_some()
    }

    /// Collects a finished layout and starts the next one when `key` differs from what is
    /// shown: at once for the first layout, otherwise after [`DEBOUNCE`] without a change.
    /// Never repaints while nothing changes.
    pub fn update(&mut self, ctx: &egui::Context, file: &TomFile, key: PreviewKey, today: Date) {
        if let Some((job_key, rx)) = &self.job {
            match rx.try_recv() {
                Ok(result) => {
                    match result {
                        Ok(pages) => {
                            self.shown = Some((job_key.clone(), pages));
                            self.error = None;
                        }
                        Err(e) => self.error = Some(e),
                    }
                    self.job = None;
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => self.job = None,
            }
        }
        if self.shown_key() == Some(&key) {
            self.waiting = None;
            return;
        }
        let now = Instant::now();
        let since = match &self.waiting {
            Some((k, at)) if *k == key => *at,
            _ => {
                // Typing moves the key on: the pause starts again with each change.
                self.waiting = Some((key.clone(), now));
                now
            }
        };
        let remaining = DEBOUNCE.saturating_sub(now - since);
        if self.shown.is_some() && !remaining.is_zero() {
            ctx.request_repaint_after(remaining);
            return;
        }
        self.waiting = None;
        let options = export_options(file, &key, today);
        let file = file.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("page-preview".into())
            .spawn(move || {
                // The receiver is gone only when the preview was dropped.
                let _ = tx.send(lay_out(&file, &options));
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => self.job = Some((key, rx)),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Waits (up to `limit`) for a running layout and takes it: for tests and benchmarks,
    /// which need the pages without a human pause.
    pub fn finish(&mut self, limit: Duration) {
        if let Some((key, rx)) = self.job.take()
            && let Ok(Ok(pages)) = rx.recv_timeout(limit)
        {
            self.shown = Some((key, pages));
        }
    }
}

/// The egui font family of an export face (the same font files the PDF embeds).
fn family(face: Face) -> FontFamily {
    let name = match face {
        Face::Regular => rich_text::REGULAR_FAMILY,
        Face::Bold => rich_text::BOLD_FAMILY,
        Face::Italic => rich_text::ITALIC_FAMILY,
        Face::Mono => rich_text::MONO_FAMILY,
    };
    FontFamily::Name(name.into())
}

fn color32(c: Color) -> Color32 {
    let channel = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    Color32::from_rgb(channel(c.0), channel(c.1), channel(c.2))
}

/// Draws one text run: word by word when it is justified (extra space after each space),
/// each piece at the x the export's metrics give it, on the run's baseline.
fn draw_run(painter: &egui::Painter, run: &TextRun, origin: Pos2, scale: f32) {
    let Ok(fonts) = fonts::fonts() else { return };
    let metrics = fonts.face(run.face);
    let font = FontId::new(run.size * scale, family(run.face));
    let color = color32(run.color);
    let draw = |x: f32, text: &str| {
        if text.is_empty() {
            return;
        }
        let galley = painter.layout_no_wrap(text.to_owned(), font.clone(), color);
        let ascent = galley
            .rows
            .first()
            .and_then(|r| r.row.glyphs.first().map(|g| r.pos.y + g.pos.y))
            .unwrap_or(0.0);
        let at = origin + vec2(x * scale, run.baseline * scale - ascent);
        painter.galley(at, galley, color);
    };
    if run.space_extra.abs() < 0.01 {
        draw(run.x, &run.text);
        return;
    }
    let mut x = run.x;
    for (i, word) in run.text.split(' ').enumerate() {
        if i > 0 {
            x += metrics.text_width(" ", run.size) + run.space_extra;
        }
        draw(x, word);
        x += metrics.text_width(word, run.size);
    }
}

/// Marks the find bar's matches inside one run, behind its text.
fn mark_matches(
    painter: &egui::Painter,
    run: &TextRun,
    needle: &str,
    match_case: bool,
    origin: Pos2,
    scale: f32,
) {
    let Ok(fonts) = fonts::fonts() else { return };
    let metrics = fonts.face(run.face);
    let x_of = |byte: usize| {
        let before = &run.text[..byte];
        run.x
            + metrics.text_width(before, run.size)
            + run.space_extra * before.matches(' ').count() as f32
    };
    for range in super::find::find_in(&run.text, needle, match_case, false) {
        let (x0, x1) = (x_of(range.start), x_of(range.end));
        let top = run.baseline - run.size * 0.9;
        painter.rect_filled(
            Rect::from_min_max(
                origin + vec2(x0, top) * scale,
                origin + vec2(x1, run.baseline + run.size * 0.25) * scale,
            ),
            0.0,
            rich_text::FOUND_CURRENT.gamma_multiply(0.55),
        );
    }
}

/// Draws page `page` of `laid` into `rect` (white paper, items scaled).
fn draw_page(
    painter: &egui::Painter,
    laid: &Layout,
    page: usize,
    rect: Rect,
    detail: bool,
    needle: Option<&(String, bool)>,
) {
    let scale = rect.width() / laid.setup.width;
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    painter.rect_stroke(
        rect,
        0.0,
        Stroke::new(1.0, Color32::from_gray(150)),
        egui::StrokeKind::Outside,
    );
    let Some(items) = laid.pages.get(page).map(|p| &p.items) else {
        return;
    };
    let at = |x: f32, y: f32| rect.min + vec2(x * scale, y * scale);
    let painter = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    for item in items {
        match item {
            Item::Fill { x, y, w, h, color } => {
                painter.rect_filled(
                    Rect::from_min_size(at(*x, *y), vec2(w * scale, h * scale)),
                    0.0,
                    color32(*color),
                );
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                painter.line_segment(
                    [at(*x1, *y1), at(*x2, *y2)],
                    Stroke::new((width * scale).max(0.5), color32(*color)),
                );
            }
            Item::Text(run) if detail => {
                if let Some((text, match_case)) = needle {
                    mark_matches(&painter, run, text, *match_case, rect.min, scale);
                }
                draw_run(&painter, run, rect.min, scale);
            }
            Item::Text(run) => {
                // Thumbnails: a grey bar per run reads as a line of text at that size.
                let top = at(run.x, run.baseline - run.size * 0.7);
                painter.rect_filled(
                    Rect::from_min_size(top, vec2(run.width * scale, run.size * 0.7 * scale)),
                    0.0,
                    color32(run.color).gamma_multiply(0.45),
                );
            }
            Item::Link { .. } => {}
        }
    }
}

/// The preview panel at the right of the window.
#[allow(clippy::too_many_arguments)]
pub fn panel(
    ui: &mut egui::Ui,
    preview: &mut PagePreview,
    file: &TomFile,
    key: PreviewKey,
    view: &ViewState,
    today: Date,
    out: &mut Vec<Action>,
) {
    let ctx = ui.ctx().clone();
    preview.update(&ctx, file, key, today);
    let lang = view.ui_lang;
    let tr = |id: &str| i18n().tr(lang, id);
    egui::Panel::right("page-preview")
        .resizable(true)
        .default_size(480.0)
        .size_range(260.0..=1400.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong(tr("preview-heading"));
                let zoom_label = ui.label(tr("preview-zoom"));
                egui::ComboBox::from_id_salt("preview-zoom")
                    .selected_text(preview.zoom.label(lang))
                    .show_ui(ui, |ui| {
                        for z in Zoom::CHOICES {
                            ui.selectable_value(&mut preview.zoom, z, z.label(lang));
                        }
                    })
                    .response
                    .labelled_by(zoom_label.id);
                ui.checkbox(&mut preview.thumbnails, tr("preview-thumbnails"));
            });
            ui.horizontal_wrapped(|ui| {
                ui.checkbox(&mut preview.toc, tr("preview-toc"));
                ui.checkbox(&mut preview.history, tr("preview-history"));
                ui.checkbox(&mut preview.measures_table, tr("preview-measures-table"));
            });
            match preview.pages() {
                Some(p) => {
                    let n = p.layout.pages.len();
                    let status = i18n().tr_args(
                        lang,
                        "preview-status",
                        &[
                            ("pages", (n as i64).into()),
                            ("ms", (p.took.as_millis() as i64).into()),
                        ],
                    );
                    ui.weak(if preview.is_updating() {
                        format!("{status} · {}", tr("preview-updating"))
                    } else {
                        status
                    });
                }
                None => {
                    ui.weak(tr("preview-updating"));
                }
            }
            if let Some(e) = &preview.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.separator();
            let Some(pages) = preview.pages().cloned() else {
                return;
            };
            follow_selection(preview, &pages, view);
            if preview.thumbnails {
                egui::Panel::left("preview-thumbnails")
                    .resizable(false)
                    .exact_size(THUMB_WIDTH + 16.0)
                    .show(ui, |ui| thumbnails(ui, preview, &pages, lang));
            }
            egui::CentralPanel::default().show(ui, |ui| {
                main_pages(ui, preview, &pages, lang, out);
            });
        });
}

/// When the selected section changes, scroll to its heading.
fn follow_selection(preview: &mut PagePreview, pages: &Pages, view: &ViewState) {
    let Selection::Section(id) = &view.selection else {
        return;
    };
    if preview.followed.as_ref() == Some(id) {
        return;
    }
    if let Some((_, page, y)) = pages.headings.iter().find(|(s, _, _)| s == id) {
        preview.scroll_to = Some((*page, *y));
        preview.followed = Some(id.clone());
    }
}

fn thumbnails(ui: &mut egui::Ui, preview: &mut PagePreview, pages: &Pages, lang: Lang) {
    let laid = &pages.layout;
    let scale = THUMB_WIDTH / laid.setup.width;
    let size = vec2(THUMB_WIDTH, laid.setup.height * scale);
    egui::ScrollArea::vertical()
        .id_salt("preview-thumbnails-scroll")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let step = size.y + PAGE_GAP;
            let total = step * laid.pages.len() as f32;
            let (area, _) = ui.allocate_exact_size(vec2(THUMB_WIDTH, total), Sense::hover());
            for p in 0..laid.pages.len() {
                let rect = Rect::from_min_size(area.min + vec2(0.0, step * p as f32), size);
                if !viewport.translate(area.min.to_vec2()).intersects(rect) {
                    continue;
                }
                let label = page_label(lang, p, laid.pages.len());
                let response = page_widget(ui, rect, ("preview-thumb", p), Role::Button, label);
                draw_page(ui.painter(), laid, p, rect, false, None);
                if response.clicked() {
                    preview.scroll_to = Some((p, 0.0));
                }
            }
        });
}

/// A clickable page (or thumbnail) at `rect`, named "Page 3 of 12" for screen readers
/// and tests.
fn page_widget(
    ui: &egui::Ui,
    rect: Rect,
    id: (&str, usize),
    role: Role,
    label: String,
) -> egui::Response {
    let response = ui
        .interact(rect, egui::Id::unique(id), Sense::click())
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, &label));
    response
}

fn page_label(lang: Lang, page: usize, total: usize) -> String {
    i18n().tr_args(
        lang,
        "preview-page",
        &[
            ("page", ((page + 1) as i64).into()),
            ("total", (total as i64).into()),
        ],
    )
}

fn main_pages(
    ui: &mut egui::Ui,
    preview: &mut PagePreview,
    pages: &Pages,
    lang: Lang,
    out: &mut Vec<Action>,
) {
    let laid = &pages.layout;
    let available = ui.available_width() - 16.0;
    let scale = match preview.zoom {
        Zoom::FitWidth => (available / laid.setup.width).max(0.1),
        Zoom::Percent(p) => f32::from(p) / 100.0,
    };
    preview.scale = scale;
    let size = vec2(laid.setup.width, laid.setup.height) * scale;
    let step = size.y + PAGE_GAP;
    let needle = super::find::needle(ui.ctx());
    let mut area = egui::ScrollArea::both()
        .id_salt("preview-pages-scroll")
        .auto_shrink([false, false]);
    if let Some((page, y)) = preview.scroll_to.take() {
        area = area.vertical_scroll_offset((step * page as f32 + y * scale - 8.0).max(0.0));
    }
    area.show_viewport(ui, |ui, viewport| {
        let total = vec2(size.x, step * laid.pages.len() as f32);
        let (content, _) = ui.allocate_exact_size(total, Sense::hover());
        let visible = viewport.translate(content.min.to_vec2());
        for p in 0..laid.pages.len() {
            let rect = Rect::from_min_size(content.min + vec2(0.0, step * p as f32), size);
            if !visible.intersects(rect) {
                continue;
            }
            let label = page_label(lang, p, laid.pages.len());
            let response = page_widget(ui, rect, ("preview-page", p), Role::Image, label);
            draw_page(ui.painter(), laid, p, rect, true, needle.as_ref());
            // A link area names its address on hover, as a PDF viewer does.
            if let Some(pos) = response.hover_pos()
                && let Some(url) = link_at(laid, p, (pos - rect.min) / scale)
            {
                response.clone().on_hover_text_at_pointer(url);
            }
            if response.clicked()
                && let Some(pos) = response.interact_pointer_pos()
            {
                let y = (pos.y - rect.min.y) / scale;
                if let Some(id) = section_at(pages, p, y) {
                    preview.followed = Some(id.clone());
                    out.push(Action::Select(Selection::Section(id)));
                }
            }
        }
    });
}

/// The web or mail address of the link area at `at` (PDF points) on page `page`.
fn link_at(laid: &Layout, page: usize, at: egui::Vec2) -> Option<String> {
    laid.pages
        .get(page)?
        .items
        .iter()
        .find_map(|item| match item {
            Item::Link {
                x,
                y,
                w,
                h,
                target: layout::LinkTarget::Url(url),
                ..
            } if (*x..=x + w).contains(&at.x) && (*y..=y + h).contains(&at.y) => Some(url.clone()),
            _ => None,
        })
}

/// The section whose text is at `y` on page `page`: the last heading at or above it.
pub fn section_at(pages: &Pages, page: usize, y: f32) -> Option<SectionId> {
    pages
        .headings
        .iter()
        .rev()
        .find(|(_, p, top)| (*p, *top) <= (page, y + 2.0))
        .map(|(id, _, _)| id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(file: &TomFile) -> PreviewKey {
        PreviewKey {
            instance: 1,
            revision: 0,
            version: None,
            lang: file.working.meta.primary_language,
            toc: false,
            history: true,
            measures_table: false,
        }
    }

    #[test]
    fn pages_are_the_export_layout_and_headings_map_to_sections() {
        let file = crate::store::example();
        let today = time::macros::date!(2026 - 12 - 03);
        let options = export_options(&file, &key(&file), today);
        let pages = lay_out(&file, &options).expect("laid out");
        let (blocks, furniture, meta) = export::prepare(&file, &options).expect("prepared");
        let fonts = fonts::fonts().expect("fonts");
        let expected = layout::layout(
            &blocks,
            &furniture,
            meta.lang,
            fonts,
            &layout::PageSetup::A4,
        );
        assert_eq!(*pages.layout, expected);
        let numbered = file.working.numbered();
        assert_eq!(pages.headings.len(), numbered.len());
        // Clicking just below a heading selects that section.
        for (id, page, y) in &pages.headings {
            assert_eq!(section_at(&pages, *page, y + 5.0).as_ref(), Some(id));
        }
    }

    #[test]
    fn link_areas_name_their_address() {
        let file = crate::store::example();
        let today = time::macros::date!(2026 - 12 - 03);
        let pages = lay_out(&file, &export_options(&file, &key(&file), today)).expect("laid out");
        let (page, x, y, w, h, url) = pages
            .layout
            .pages
            .iter()
            .enumerate()
            .find_map(|(p, page)| {
                page.items.iter().find_map(|i| match i {
                    Item::Link {
                        x,
                        y,
                        w,
                        h,
                        target: layout::LinkTarget::Url(url),
                        ..
                    } => Some((p, *x, *y, *w, *h, url.clone())),
                    _ => None,
                })
            })
            .expect("a link area");
        let inside = egui::vec2(x + w / 2.0, y + h / 2.0);
        assert_eq!(
            link_at(&pages.layout, page, inside).as_deref(),
            Some(url.as_str())
        );
        assert_eq!(link_at(&pages.layout, page, egui::vec2(1.0, 1.0)), None);
    }

    #[test]
    fn a_change_waits_for_the_pause_then_lays_out_off_the_ui_thread() {
        let ctx = egui::Context::default();
        let file = crate::store::example();
        let today = time::macros::date!(2026 - 12 - 03);
        let mut preview = PagePreview::default();
        let first = key(&file);
        preview.update(&ctx, &file, first.clone(), today);
        assert!(preview.is_updating(), "the first layout starts at once");
        preview.finish(Duration::from_secs(30));
        assert_eq!(preview.shown_key(), Some(&first));
        let next = PreviewKey {
            revision: 1,
            ..first.clone()
        };
        preview.update(&ctx, &file, next.clone(), today);
        assert!(preview.job.is_none(), "no layout before the pause");
        assert_eq!(preview.shown_key(), Some(&first), "the old pages stay");
        std::thread::sleep(DEBOUNCE + Duration::from_millis(20));
        preview.update(&ctx, &file, next.clone(), today);
        assert!(preview.job.is_some(), "laid out after the pause");
        preview.finish(Duration::from_secs(30));
        assert_eq!(preview.shown_key(), Some(&next));
        // Unchanged: nothing runs.
        preview.update(&ctx, &file, next, today);
        assert!(!preview.is_updating());
    }
}
