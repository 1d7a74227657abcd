//! The layout job of a Markdown body: which bytes are bold, italic, link, code, heading or
//! list marker, the marks dimmed on the cursor's line and shrunk away elsewhere, and the
//! find bar's matches as backgrounds.

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontFamily, FontId, Stroke};
use pulldown_cmark::{Event, Options, Parser, Tag};

use super::*;

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
}
