//! Formatted editing of Markdown bodies: a `TextEdit` layouter that shows bold, italic,
//! links, code and headings formatted, with the Markdown marks dimmed (and shrunk away off
//! the cursor's line), plus the toggling bold/italic actions behind Ctrl+B and Ctrl+I.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontFamily, FontId, Id, Stroke};
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::export::fonts;
use crate::model::Lang;

/// Name of the egui font family holding the export's embedded regular face (the page
/// preview draws with it, so its text is the PDF's).
pub const REGULAR_FAMILY: &str = "tomwerk-regular";
/// Name of the egui font family holding the embedded bold face.
pub const BOLD_FAMILY: &str = "tomwerk-bold";
/// Name of the egui font family holding the embedded italic face.
pub const ITALIC_FAMILY: &str = "tomwerk-italic";
/// Name of the egui font family holding the embedded monospaced face (code in the preview).
pub const MONO_FAMILY: &str = "tomwerk-mono";

/// Registers the export's embedded bold and italic faces as egui font families, so the
/// editor shows bold as bold (egui ships only a regular face).
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    for (name, data) in [
        (REGULAR_FAMILY, fonts::REGULAR),
        (BOLD_FAMILY, fonts::BOLD),
        (ITALIC_FAMILY, fonts::ITALIC),
        (MONO_FAMILY, fonts::MONO),
    ] {
        ctx.add_font(FontInsert {
            name: name.to_owned(),
            data: egui::FontData::from_static(data),
            families: vec![InsertFontFamily {
                family: FontFamily::Name(name.into()),
                priority: FontPriority::Highest,
            }],
        });
    }
}

/// Background of a find match.
pub const FOUND: Color32 = Color32::from_rgba_premultiplied(0x80, 0x70, 0x10, 0x80);
/// Background of the current find match.
pub const FOUND_CURRENT: Color32 = Color32::from_rgb(0xE8, 0x9A, 0x10);

/// Colours and sizes the layouter uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Body text.
    pub text: Color32,
    /// Markdown marks on the cursor's line.
    pub dim: Color32,
    /// Link text.
    pub link: Color32,
    /// Background of code spans.
    pub code_bg: Color32,
    /// Body font size in points.
    pub size: f32,
    /// Whether the bold and italic families are installed (else bold falls back to a
    /// stronger colour and italic to egui's slanted rendering).
    pub faces: bool,
}

impl Palette {
    /// The palette for `visuals` at body size `size`.
    pub fn from_visuals(visuals: &egui::Visuals, size: f32, faces: bool) -> Self {
        Self {
            text: visuals.text_color(),
            dim: visuals.weak_text_color(),
            link: visuals.hyperlink_color,
            code_bg: visuals.code_bg_color,
            size,
            faces,
        }
    }
}

/// What one byte of the source is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Span {
    bold: bool,
    italic: bool,
    link: bool,
    code: bool,
    strike: bool,
    heading: u8,
    /// Part of the content (text the reader sees) rather than a Markdown mark.
    content: bool,
    /// Inside a construct whose uncovered bytes are marks (`**`, `[`, `](url)`, `## `).
    marked: bool,
    /// A find match: 1 for any, 2 for the current one.
    found: u8,
    /// The `- ` of a bullet item: keeps its width (the hanging indent), shown dimmed on
    /// the cursor's line and painted as a bullet elsewhere.
    bullet: bool,
}

/// The marker of one list item: `- `, `* `, `+ ` or `1. ` / `1) ` with its spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListMarker {
    /// 0-based source line of the item's first line.
    pub line: usize,
    /// Bytes of the marker and the spaces after it.
    pub range: Range<usize>,
    /// A bullet (`-`, `*`, `+`) rather than a number.
    pub bullet: bool,
}

/// The list items' markers of `text`, from pulldown-cmark's item offsets (so a `-` at the
/// start of a line inside a code block or a paragraph is no list).
pub fn list_markers(text: &str) -> Vec<ListMarker> {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        let Event::Start(Tag::Item) = event else {
            continue;
        };
        let Some(rest) = text.get(range.start..) else {
            continue;
        };
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (mark, bullet) = if rest.starts_with(['-', '*', '+']) {
            (1, true)
        } else if digits > 0 && rest[digits..].starts_with(['.', ')']) {
            (digits + 1, false)
        } else {
            continue;
        };
        let after = &rest[mark..];
        let line_end = after.find('\n').unwrap_or(after.len());
        let spaces =
            after[..line_end].len() - after[..line_end].trim_start_matches([' ', '\t']).len();
        out.push(ListMarker {
            line: text[..range.start].matches('\n').count(),
            range: range.start..range.start + mark + spaces,
            bullet,
        });
    }
    out
}

/// Builds the layout job for `text`; `cursor_line` (0-based) is the line whose marks stay
/// readable, marks on other lines are shrunk to nearly nothing and made transparent.
#[cfg(test)]
pub fn layout_job(text: &str, cursor_line: Option<usize>, palette: &Palette) -> LayoutJob {
    layout_job_marked(text, cursor_line, palette, &[], None)
}

/// [`layout_job`] with the find bar's matches (`found`, and the `current` one) marked by a
/// background.
pub fn layout_job_marked(
    text: &str,
    cursor_line: Option<usize>,
    palette: &Palette,
    found: &[Range<usize>],
    current: Option<Range<usize>>,
) -> LayoutJob {
    let mut spans = vec![Span::default(); text.len()];
    for (r, level) in found
        .iter()
        .map(|r| (r.clone(), 1))
        .chain(current.map(|r| (r, 2)))
    {
        if let Some(s) = spans.get_mut(r) {
            s.iter_mut().for_each(|s| s.found = s.found.max(level));
        }
    }
    for marker in list_markers(text) {
        for s in &mut spans[marker.range.clone()] {
            if marker.bullet {
                s.bullet = true;
            } else {
                // The number is what the reader sees; it stays as content.
                s.content = true;
            }
        }
    }
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let range = range.start.min(text.len())..range.end.min(text.len());
        match event {
            Event::Start(tag) => {
                let set: fn(&mut Span) = match tag {
                    Tag::Strong => |s| {
                        s.bold = true;
                        s.marked = true;
                    },
                    Tag::Emphasis => |s| {
                        s.italic = true;
                        s.marked = true;
                    },
                    Tag::Strikethrough => |s| {
                        s.strike = true;
                        s.marked = true;
                    },
                    Tag::Link { .. } => |s| {
                        s.link = true;
                        s.marked = true;
                    },
                    Tag::Heading { level, .. } => {
                        let level = level as u8;
                        for s in &mut spans[range.clone()] {
                            s.heading = s.heading.max(level);
                            s.marked = true;
                        }
                        continue;
                    }
                    _ => continue,
                };
                spans[range].iter_mut().for_each(set);
            }
            Event::Text(_) | Event::SoftBreak | Event::HardBreak | Event::Html(_) => {
                spans[range].iter_mut().for_each(|s| s.content = true);
            }
            Event::Code(_) => {
                // The range includes the backticks: find the content inside.
                let source = &text[range.clone()];
                let ticks = source.len() - source.trim_start_matches('`').len();
                let inner = (range.start + ticks)..(range.end - ticks).max(range.start + ticks);
                for s in &mut spans[range.clone()] {
                    s.marked = true;
                }
                for s in &mut spans[inner] {
                    s.code = true;
                    s.content = true;
                }
            }
            _ => {}
        }
    }

    let mut job = LayoutJob::default();
    let mut line = 0usize;
    let mut start = 0usize;
    let mut current: Option<(Span, bool)> = None;
    for (i, ch) in text.char_indices() {
        let key = (spans[i], cursor_line == Some(line));
        if current != Some(key) {
            if let Some((span, on_line)) = current {
                job.append(&text[start..i], 0.0, format(span, on_line, palette));
            }
            start = i;
            current = Some(key);
        }
        if ch == '\n' {
            line += 1;
        }
    }
    if let Some((span, on_line)) = current {
        job.append(&text[start..], 0.0, format(span, on_line, palette));
    }
    job
}

/// Whether a byte is a Markdown mark (dimmed) rather than content.
fn is_mark(span: Span) -> bool {
    span.marked && !span.content
}

/// The text format of one run.
fn format(span: Span, on_cursor_line: bool, palette: &Palette) -> TextFormat {
    let size = match span.heading {
        1 => palette.size * 1.5,
        2 => palette.size * 1.3,
        3 => palette.size * 1.15,
        _ => palette.size,
    };
    let bold = span.bold || span.heading > 0;
    let family = if palette.faces && bold {
        FontFamily::Name(BOLD_FAMILY.into())
    } else if palette.faces && span.italic {
        FontFamily::Name(ITALIC_FAMILY.into())
    } else if span.code {
        FontFamily::Monospace
    } else {
        FontFamily::Proportional
    };
    if span.bullet {
        // Full width, so the item's text sits at its hanging indent; the bullet itself is
        // painted over it by [`paint_bullets`] off the cursor's line.
        return TextFormat {
            font_id: FontId::new(size, FontFamily::Proportional),
            color: if on_cursor_line {
                palette.dim
            } else {
                Color32::TRANSPARENT
            },
            ..TextFormat::default()
        };
    }
    if is_mark(span) {
        // Marks stay in the buffer (the stored form is Markdown) but step back: dimmed and
        // smaller on the cursor's line, nearly invisible elsewhere.
        // At 1 pt a glyph still advances about 0.6 px; the negative spacing takes most of
        // that back, so a hidden `](https://…)` leaves no visible gap (measured: 45
        // hidden characters take 6 px instead of 29 px) and positions still grow.
        let (size, color, spacing) = if on_cursor_line {
            (size * 0.8, palette.dim, 0.0)
        } else {
            (1.0, Color32::TRANSPARENT, -0.5)
        };
        return TextFormat {
            font_id: FontId::new(size, FontFamily::Proportional),
            extra_letter_spacing: spacing,
            color,
            valign: egui::Align::Center,
            ..TextFormat::default()
        };
    }
    let color = if span.link {
        palette.link
    } else {
        palette.text
    };
    TextFormat {
        font_id: FontId::new(size, family),
        color,
        italics: span.italic && !palette.faces,
        // A misspelled word's wavy line is painted by [`paint_decorations`].
        underline: if span.link {
            Stroke::new(1.0, palette.link)
        } else {
            Stroke::NONE
        },
        strikethrough: if span.strike {
            Stroke::new(1.0, palette.text)
        } else {
            Stroke::NONE
        },
        background: match span.found {
            2 => FOUND_CURRENT,
            1 => FOUND,
            _ if span.code => palette.code_bg,
            _ => Color32::TRANSPARENT,
        },
        ..TextFormat::default()
    }
}

/// The 0-based line holding character `char_index` of `text`.
pub fn line_of_char(text: &str, char_index: usize) -> usize {
    text.chars().take(char_index).filter(|&c| c == '\n').count()
}

/// A galley for the body editor `id`: the job is cached per (text, cursor line, width,
/// palette) so an idle frame does no Markdown parsing.
pub fn galley(
    ui: &egui::Ui,
    id: Id,
    text: &str,
    wrap_width: f32,
    spelling: Option<(Lang, &BTreeSet<String>)>,
) -> Arc<egui::Galley> {
    let cursor_line = egui::TextEdit::load_state(ui.ctx(), id)
        .and_then(|s| s.cursor.char_range())
        .filter(|_| ui.memory(|m| m.has_focus(id)))
        .map(|r| line_of_char(text, r.primary.index.0));
    let faces = ui.ctx().fonts(|f| {
        f.definitions()
            .families
            .contains_key(&FontFamily::Name(BOLD_FAMILY.into()))
    });
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    let palette = Palette::from_visuals(ui.visuals(), size, faces);
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        cursor_line.hash(&mut h);
        format!("{palette:?}").hash(&mut h);
        let (found, current) = super::find::highlights_for(ui.ctx(), id);
        found.hash(&mut h);
        current.hash(&mut h);
        if let Some((lang, words)) = spelling {
            lang.hash(&mut h);
            words.hash(&mut h);
            super::spell_ui::ignored(ui.ctx()).hash(&mut h);
            super::spell_ui::user_words(ui.ctx()).hash(&mut h);
            super::spell_ui::spellers(ui.ctx()).is_some().hash(&mut h);
        }
        h.finish()
    };
    let cache_id = id.with("rich-text-job");
    let cached: Option<Formatted> = ui.data(|d| d.get_temp(cache_id));
    let (job, markers) = match cached {
        Some(f) if f.key == key => (f.job, f.markers),
        _ => {
            let wrong = spelling
                .map(|(lang, words)| super::spell_ui::misspelled(ui.ctx(), text, lang, words))
                .unwrap_or_default();
            let (found, current) = super::find::highlights_for(ui.ctx(), id);
            let job = Arc::new(layout_job_marked(
                text,
                cursor_line,
                &palette,
                &found,
                current,
            ));
            let markers = Arc::new(list_markers(text));
            let formatted = Formatted {
                key,
                cursor_line,
                job: job.clone(),
                markers: markers.clone(),
                wrong: Arc::new(wrong),
            };
            ui.data_mut(|d| d.insert_temp(cache_id, formatted));
            (job, markers)
        }
    };
    let items: std::collections::BTreeMap<usize, usize> =
        markers.iter().map(|m| (m.line, m.range.end)).collect();
    let mut job = (*job).clone();
    job.wrap.max_width = wrap_width;
    let pixels_per_point = ui.ctx().pixels_per_point();
    ui.ctx()
        .fonts_mut(|f| Arc::new(hanging_galley(f, pixels_per_point, job, &items)))
}

/// Lays `job` out paragraph by paragraph (each cached by egui) and indents the wrapped
/// rows of the paragraphs in `items` (list items) under their first word.
fn hanging_galley(
    fonts: &mut egui::epaint::text::FontsView<'_>,
    pixels_per_point: f32,
    job: LayoutJob,
    items: &std::collections::BTreeMap<usize, usize>,
) -> egui::Galley {
    let job = Arc::new(job);
    let text = job.text.as_str();
    let mut children = Vec::new();
    let mut start = 0;
    let mut line = 0;
    loop {
        let mut end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if end + 1 == text.len() {
            // A final newline belongs to the last paragraph (as in egui's own split).
            end += 1;
        }
        let paragraph = paragraph_job(&job, start..end);
        let mut galley = fonts.layout_job(paragraph.clone());
        if let Some(&marker_end) = items.get(&line)
            && galley.rows.len() > 1
        {
            // The indent is where the item's text starts, after its marker.
            let marker_chars = text
                .get(start..marker_end.clamp(start, end))
                .map_or(0, |m| m.chars().count());
            let indent = galley.rows[0]
                .row
                .glyphs
                .get(marker_chars)
                .map_or(0.0, |g| g.pos.x);
            if indent > 0.0 && indent < job.wrap.max_width / 2.0 {
                let mut narrower = paragraph;
                narrower.wrap.max_width = job.wrap.max_width - indent;
                let mut indented = (*fonts.layout_job(narrower)).clone();
                for row in indented.rows.iter_mut().skip(1) {
                    row.pos.x += indent;
                }
                galley = Arc::new(indented);
            }
        }
        children.push(galley);
        if end >= text.len() {
            break;
        }
        start = end + 1;
        line += 1;
    }
    egui::Galley::concat(job, &children, pixels_per_point)
}

/// The part `range` of `job` as a job of its own (sections clipped and shifted).
fn paragraph_job(job: &LayoutJob, range: Range<usize>) -> LayoutJob {
    let mut out = LayoutJob {
        text: job.text[range.clone()].to_owned(),
        wrap: job.wrap.clone(),
        sections: Vec::new(),
        break_on_newline: job.break_on_newline,
        halign: job.halign,
        justify: job.justify,
        first_row_min_height: 0.0,
        round_output_to_gui: job.round_output_to_gui,
        keep_trailing_whitespace: job.keep_trailing_whitespace,
    };
    for section in &job.sections {
        let (a, b) = (section.byte_range.start.0, section.byte_range.end.0);
        if b <= range.start || a > range.end || (a == range.end && a != b) {
            continue;
        }
        let (a, b) = (a.max(range.start), b.min(range.end));
        out.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(a - range.start)
                ..egui::text::ByteIndex(b - range.start),
            format: section.format.clone(),
        });
    }
    if out.sections.is_empty()
        && let Some(first) = job.sections.first()
    {
        out.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(0)..egui::text::ByteIndex(0),
            format: first.format.clone(),
        });
    }
    out
}

/// What the layouter worked out for one text version, cached per body editor.
#[derive(Clone)]
struct Formatted {
    key: u64,
    /// The line whose marks the job shows.
    cursor_line: Option<usize>,
    job: Arc<LayoutJob>,
    markers: Arc<Vec<ListMarker>>,
    /// The misspelled byte ranges.
    wrong: Arc<Vec<Range<usize>>>,
}

/// Red of the wavy line under a misspelled word.
pub const MISSPELLED: Color32 = Color32::from_rgb(0xE0, 0x30, 0x30);

/// Paints what a `LayoutJob` cannot express, where the text edit `output` drew its
/// galley: a bullet over each bullet item's hidden `-` (off the cursor's line) and a wavy
/// red line under each misspelled word.
pub fn paint_decorations(ui: &egui::Ui, output: &egui::text_edit::TextEditOutput, text: &str) {
    let id = output.response.response.id;
    let cursor_line = output
        .cursor_range
        .filter(|_| output.response.response.has_focus())
        .map(|r| line_of_char(text, r.primary.index.0));
    let formatted: Option<Formatted> = ui.data(|d| d.get_temp(id.with("rich-text-job")));
    let Some(Formatted {
        markers,
        wrong,
        cursor_line: shown_line,
        ..
    }) = formatted
    else {
        return;
    };
    if shown_line != cursor_line {
        // The layouter ran before this frame's clicks and keys moved the cursor to another
        // line: one more frame shows that line's marks.
        ui.ctx().request_repaint();
    }
    let origin = output.galley_pos.to_vec2();
    let char_of = |byte: usize| text.get(..byte).map(|b| b.chars().count());
    for range in wrong.iter() {
        let (Some(a), Some(b)) = (char_of(range.start), char_of(range.end)) else {
            continue;
        };
        // A word at the start of a wrapped row belongs to that row, not the end of the
        // row before.
        let start = output.galley.pos_from_cursor(egui::text::CCursor {
            prefer_next_row: true,
            ..egui::text::CCursor::new(a)
        });
        let end = output.galley.pos_from_cursor(egui::text::CCursor::new(b));
        // A word never wraps inside itself, so both ends are on one row.
        if (start.bottom() - end.bottom()).abs() > 1.0 {
            continue;
        }
        let rect = start.union(end).translate(origin);
        if ui.clip_rect().intersects(rect) {
            wavy_line(ui.painter(), rect.left(), rect.right(), rect.bottom() - 1.0);
        }
    }
    let color = ui.visuals().text_color();
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    for marker in markers
        .iter()
        .filter(|m| m.bullet && Some(m.line) != cursor_line)
    {
        let Some(before) = text.get(..marker.range.start) else {
            continue;
        };
        let at = egui::text::CCursor {
            prefer_next_row: true,
            ..egui::text::CCursor::new(before.chars().count())
        };
        let rect = output
            .galley
            .pos_from_cursor(at)
            .translate(output.galley_pos.to_vec2());
        if !ui.clip_rect().intersects(rect) {
            continue;
        }
        ui.painter().text(
            rect.left_center(),
            egui::Align2::LEFT_CENTER,
            "•",
            FontId::proportional(size),
            color,
        );
    }
}

/// A zig-zag from `x0` to `x1` around `y`, as word processors mark spelling errors.
fn wavy_line(painter: &egui::Painter, x0: f32, x1: f32, y: f32) {
    const STEP: f32 = 2.0;
    let mut points = Vec::new();
    let mut x = x0;
    let mut up = false;
    while x < x1 {
        points.push(egui::pos2(x, if up { y - 1.5 } else { y + 0.5 }));
        x += STEP;
        up = !up;
    }
    points.push(egui::pos2(x1, if up { y - 1.5 } else { y + 0.5 }));
    painter.add(egui::Shape::line(points, Stroke::new(1.0, MISSPELLED)));
}

/// Memory key of the body editor that had the focus last frame.
fn focused_body_key() -> Id {
    Id::unique("rich-text-focused-body")
}

/// Memory key of a tool claimed from the keyboard, waiting for its editor.
fn pending_key() -> Id {
    Id::unique("rich-text-pending-inline")
}

/// Before the global shortcuts run: while a body editor has the focus, Ctrl+B, Ctrl+I and
/// Ctrl+K belong to it (Ctrl+I is "Import" everywhere else), so they are taken here and
/// handed to the editor through [`take_pending`].
pub fn claim_shortcuts(ctx: &egui::Context) {
    let body: Option<Id> = ctx.data(|d| d.get_temp(focused_body_key()));
    if body.is_none() || ctx.memory(|m| m.focused()) != body {
        return;
    }
    use super::body_tools::Tool;
    let key = |k| egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, k);
    let tool = ctx.input_mut(|i| {
        // Only without Shift: Ctrl+Shift+K (checks) and the like stay global.
        if i.modifiers.shift {
            None
        } else if i.consume_shortcut(&key(egui::Key::B)) {
            Some(Tool::Bold)
        } else if i.consume_shortcut(&key(egui::Key::I)) {
            Some(Tool::Italic)
        } else if i.consume_shortcut(&key(egui::Key::K)) {
            Some(Tool::Link)
        } else {
            None
        }
    });
    if let Some(tool) = tool {
        ctx.data_mut(|d| d.insert_temp(pending_key(), tool));
    }
}

/// Called by the focused body editor `id`: remembers it for [`claim_shortcuts`] and returns
/// a tool claimed for it this frame.
pub fn take_pending(ctx: &egui::Context, id: Id) -> Option<super::body_tools::Tool> {
    use super::body_tools::Tool;
    ctx.data_mut(|d| {
        d.insert_temp(focused_body_key(), id);
        let pending = d.get_temp::<Tool>(pending_key());
        d.remove::<Tool>(pending_key());
        pending
    })
}

/// Remembers that body editor `id` should select `selection` (characters) once its text is
/// `text`: a toggle changes the document through an action, so the new text reaches the
/// widget only next frame, and a cursor set now would be clamped to the old text.
pub fn defer_selection(ctx: &egui::Context, id: Id, text: String, selection: Range<usize>) {
    ctx.data_mut(|d| d.insert_temp(selection_key(id), (Arc::new(text), selection, 0u8)));
}

fn selection_key(id: Id) -> Id {
    id.with("rich-text-selection")
}

/// A deferred selection: the text it belongs to, the range, and how many frames it has
/// waited for the focus.
type Deferred = (Arc<String>, Range<usize>, u8);

/// Applies a selection deferred by [`defer_selection`] when the editor shows its text,
/// and gives the editor the focus again. A toolbar click or a closing dialog held the
/// focus, and egui collapses the selection of a field without focus, so the selection
/// is set again until the field has the focus (a few frames at most).
pub fn restore_selection(ctx: &egui::Context, id: Id, current: &str) {
    let key = selection_key(id);
    let Some((text, selection, waited)) = ctx.data(|d| d.get_temp::<Deferred>(key)) else {
        return;
    };
    if text.as_str() != current {
        return;
    }
    let focused = ctx.memory(|m| m.has_focus(id));
    if focused || waited >= 4 {
        ctx.data_mut(|d| d.remove::<Deferred>(key));
    } else {
        ctx.data_mut(|d| d.insert_temp(key, (text, selection.clone(), waited + 1)));
        ctx.memory_mut(|m| m.request_focus(id));
        ctx.request_repaint();
    }
    if let Some(mut state) = egui::TextEdit::load_state(ctx, id) {
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::two(
                egui::text::CCursor::new(selection.start),
                egui::text::CCursor::new(selection.end),
            )));
        state.store(ctx, id);
    }
}

/// Byte offset of the `n`-th character (clamped to the end).
fn byte_of_char(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// Which inline mark to toggle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    /// `**…**`.
    Bold,
    /// `*…*`.
    Italic,
}

/// Toggles `inline` on the character range `chars`: wraps the selection in the mark, or
/// removes the mark when the selection is already wrapped in it (inside or just outside the
/// selection). Returns the new text and the new selection in characters.
pub fn toggle(text: &str, chars: Range<usize>, inline: Inline) -> (String, Range<usize>) {
    let (a, b) = if chars.start <= chars.end {
        (chars.start, chars.end)
    } else {
        (chars.end, chars.start)
    };
    let start = byte_of_char(text, a);
    let end = byte_of_char(text, b);
    let stars_before = text[..start].len() - text[..start].trim_end_matches('*').len();
    let stars_after = text[end..].len() - text[end..].trim_start_matches('*').len();
    let selected = &text[start..end];
    let inner_before = selected.len() - selected.trim_start_matches('*').len();
    let inner_after = selected.len() - selected.trim_end_matches('*').len();
    let has = |n: usize| match inline {
        Inline::Bold => n >= 2,
        Inline::Italic => n % 2 == 1,
    };
    let width = match inline {
        Inline::Bold => 2,
        Inline::Italic => 1,
    };
    if !selected.is_empty() && has(stars_before.min(stars_after)) {
        // `**[sel]**`: remove the marks around the selection.
        let out = format!(
            "{}{}{}",
            &text[..start - width],
            selected,
            &text[end + width..]
        );
        return (out, (a - width)..(b - width));
    }
    if selected.len() > 2 * width && has(inner_before.min(inner_after)) {
        // `[**sel**]`: the marks are inside the selection.
        let inner = &selected[width..selected.len() - width];
        let out = format!("{}{}{}", &text[..start], inner, &text[end..]);
        return (out, a..(b - 2 * width));
    }
    let mark = &"**"[..width];
    let out = format!("{}{mark}{selected}{mark}{}", &text[..start], &text[end..]);
    (out, (a + width)..(b + width))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn palette() -> Palette {
        Palette::from_visuals(&egui::Visuals::dark(), 14.0, true)
    }

    fn section_of<'a>(job: &'a LayoutJob, needle: &str) -> &'a TextFormat {
        let at = job.text.find(needle).expect("needle in text");
        &job.sections
            .iter()
            .find(|s| s.byte_range.start.0 <= at && at < s.byte_range.end.0)
            .expect("a section")
            .format
    }

    #[test]
    fn bold_line_has_bold_section_and_dimmed_marks() {
        let p = palette();
        let job = layout_job("Wir **sichern** täglich.", Some(0), &p);
        assert_eq!(job.text, "Wir **sichern** täglich.");
        let bold = section_of(&job, "sichern");
        assert_eq!(bold.font_id.family, FontFamily::Name(BOLD_FAMILY.into()));
        let mark = section_of(&job, "**");
        assert_eq!(mark.color, p.dim);
        assert!(mark.font_id.size < p.size);
        let plain = section_of(&job, "Wir");
        assert_eq!(plain.font_id.family, FontFamily::Proportional);
        assert_eq!(plain.color, p.text);
    }

    #[test]
    fn marks_off_the_cursor_line_are_hidden() {
        let p = palette();
        let job = layout_job("erste Zeile\n*kursiv* hier", Some(0), &p);
        let mark = section_of(&job, "*kursiv");
        assert_eq!(mark.color, Color32::TRANSPARENT);
        let italic = section_of(&job, "kursiv*");
        assert_eq!(
            italic.font_id.family,
            FontFamily::Name(ITALIC_FAMILY.into())
        );
    }

    #[test]
    fn links_are_link_coloured_and_url_is_a_mark() {
        let p = palette();
        let job = layout_job("Siehe [EUR-Lex](https://eur-lex.europa.eu).", Some(0), &p);
        assert_eq!(section_of(&job, "EUR-Lex").color, p.link);
        assert_eq!(section_of(&job, "https").color, p.dim);
    }

    #[test]
    fn headings_are_larger_and_code_is_monospace() {
        let p = palette();
        let job = layout_job("## Zutritt\n\nDas `tar`-Archiv", None, &p);
        assert!(section_of(&job, "Zutritt").font_id.size > p.size);
        assert_eq!(
            section_of(&job, "tar`").font_id.family,
            FontFamily::Monospace
        );
    }

    #[test]
    fn job_covers_every_byte_once() {
        let p = palette();
        let text =
            "- **a** *b* [c](https://x)\n1. `d` ~~e~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\näöü";
        let job = layout_job(text, Some(1), &p);
        assert_eq!(job.text, text);
        let mut at = 0;
        for s in &job.sections {
            assert_eq!(s.byte_range.start.0, at);
            at = s.byte_range.end.0;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn bold_toggles_on_and_off() {
        let (on, sel) = toggle("Wir sichern täglich", 4..11, Inline::Bold);
        assert_eq!(on, "Wir **sichern** täglich");
        assert_eq!(sel, 6..13);
        let (off, sel) = toggle(&on, sel, Inline::Bold);
        assert_eq!(off, "Wir sichern täglich");
        assert_eq!(sel, 4..11);
        // Marks inside the selection are removed too.
        let (off, _) = toggle("Wir **sichern** täglich", 4..15, Inline::Bold);
        assert_eq!(off, "Wir sichern täglich");
    }

    #[test]
    fn italic_on_bold_adds_rather_than_breaks_bold() {
        let (out, sel) = toggle("**fett**", 2..6, Inline::Italic);
        assert_eq!(out, "***fett***");
        let (back, _) = toggle(&out, sel, Inline::Italic);
        assert_eq!(back, "**fett**");
    }

    #[test]
    fn empty_selection_inserts_a_pair() {
        let (out, sel) = toggle("ab", 1..1, Inline::Bold);
        assert_eq!(out, "a****b");
        assert_eq!(sel, 3..3);
    }
}

#[cfg(test)]
mod list_tests {
    use super::*;

    #[test]
    fn list_markers_come_from_items_only() {
        let text = "Absatz - kein Punkt\n\n- erster\n  - innen\n1. eins\n\n```\n- code\n```";
        let markers = list_markers(text);
        let shown: Vec<(usize, &str, bool)> = markers
            .iter()
            .map(|m| (m.line, &text[m.range.clone()], m.bullet))
            .collect();
        assert_eq!(
            shown,
            vec![(2, "- ", true), (3, "- ", true), (4, "1. ", false)]
        );
    }

    #[test]
    fn bullet_marks_keep_their_width_and_numbers_stay_content() {
        let p = Palette::from_visuals(&egui::Visuals::dark(), 14.0, true);
        let job = layout_job("- Punkt\n2. Zahl", Some(1), &p);
        let bullet = &job.sections[0];
        assert_eq!(bullet.byte_range.end.0, 2, "the marker is `- `");
        assert_eq!(
            bullet.format.color,
            Color32::TRANSPARENT,
            "off the cursor line"
        );
        assert_eq!(
            bullet.format.font_id.size, p.size,
            "full width: the hanging indent"
        );
        let at = job.text.find("2.").unwrap_or(0);
        let number = job
            .sections
            .iter()
            .find(|s| s.byte_range.start.0 <= at && at < s.byte_range.end.0)
            .map(|s| s.format.color);
        assert_eq!(number, Some(p.text));
    }

    #[test]
    fn wrapped_rows_of_a_list_item_hang_under_its_text() {
        let ctx = egui::Context::default();
        let text = "- Die Sicherungen werden täglich verschlüsselt und an einem zweiten Ort aufbewahrt, getrennt vom Rechenzentrum.\nDanach ein gewöhnlicher Absatz, der ebenfalls lang genug ist, um umzubrechen.";
        let mut galley = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let p = Palette::from_visuals(ui.visuals(), 14.0, false);
            let mut job = layout_job(text, None, &p);
            job.wrap.max_width = 220.0;
            let items = list_markers(text)
                .into_iter()
                .map(|m| (m.line, m.range.end))
                .collect();
            let ppp = ui.ctx().pixels_per_point();
            galley = Some(ui.ctx().fonts_mut(|f| hanging_galley(f, ppp, job, &items)));
        });
        output.textures_delta.clear();
        let galley = galley.expect("laid out");
        assert_eq!(galley.text(), text);
        let first_item_row = &galley.rows[0];
        let indent = first_item_row.row.glyphs[2].pos.x;
        assert!(indent > 3.0, "the text starts after the marker: {indent}");
        // Rows of the item after the first start at the indent; the plain paragraph's
        // wrapped rows start at 0.
        let paragraph_start = 1 + galley
            .rows
            .iter()
            .position(|r| r.ends_with_newline)
            .expect("the item's last row");
        assert!(paragraph_start >= 2, "the item wraps");
        for row in &galley.rows[1..paragraph_start] {
            assert!(
                (row.pos.x - indent).abs() < 0.5,
                "{} vs {indent}",
                row.pos.x
            );
            assert!(
                row.pos.x + row.size.x <= 220.0 + 0.5,
                "stays inside the width"
            );
        }
        for row in &galley.rows[paragraph_start..] {
            assert_eq!(row.pos.x, 0.0);
        }
        // Cursor positions still map onto the text.
        let n = text.chars().count();
        assert_eq!(galley.end().index.0, n);
    }
}
