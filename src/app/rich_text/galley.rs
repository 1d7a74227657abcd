//! The body editor's galley from its cached layout job (list items with hanging indents,
//! laid out paragraph by paragraph) and what a job cannot express: bullets and the wavy
//! line under misspelled words.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Color32, FontFamily, FontId, Id, Stroke};

use super::*;
use crate::model::Lang;

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
        let (found, current) = crate::app::find::highlights_for(ui.ctx(), id);
        found.hash(&mut h);
        current.hash(&mut h);
        if let Some((lang, words)) = spelling {
            lang.hash(&mut h);
            words.hash(&mut h);
            crate::app::spell_ui::ignored(ui.ctx()).hash(&mut h);
            crate::app::spell_ui::user_words(ui.ctx()).hash(&mut h);
            crate::app::spell_ui::spellers(ui.ctx())
                .is_some()
                .hash(&mut h);
        }
        h.finish()
    };
    let cache_id = id.with("rich-text-job");
    let cached: Option<Formatted> = ui.data(|d| d.get_temp(cache_id));
    let (job, markers) = match cached {
        Some(f) if f.key == key => (f.job, f.markers),
        _ => {
            let wrong = spelling
                .map(|(lang, words)| crate::app::spell_ui::misspelled(ui.ctx(), text, lang, words))
                .unwrap_or_default();
            let (found, current) = crate::app::find::highlights_for(ui.ctx(), id);
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

#[cfg(test)]
mod list_tests {
    use super::*;

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
