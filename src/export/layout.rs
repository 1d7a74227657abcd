//! The layout engine: blocks + page setup + font metrics -> pages of positioned items.
//!
//! Pure and deterministic (no printpdf, no clock): the same input gives the same pages, so
//! tests check the result as data and the editor can draw a preview from it. Coordinates
//! are points with the origin at the top-left corner of the page, y growing downwards.

use std::collections::BTreeSet;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::blocks::{Block, Highlight, Inline, InlineStyle};
use super::fonts::{Face, Fonts};
use super::hyphen;
use crate::i18n::i18n;
use crate::model::Lang;

/// An RGB colour, components 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color(pub f32, pub f32, pub f32);

impl Color {
    /// Body text.
    pub const TEXT: Color = Color(0.11, 0.11, 0.12);
    /// Footer and secondary text.
    pub const MUTED: Color = Color(0.40, 0.40, 0.42);
    /// Links.
    pub const LINK: Color = Color(0.05, 0.27, 0.60);
    /// Rules and table lines.
    pub const RULE: Color = Color(0.70, 0.70, 0.72);
    /// Table header background.
    pub const HEADER_FILL: Color = Color(0.93, 0.94, 0.95);
    /// The draft mark.
    pub const DRAFT: Color = Color(0.75, 0.10, 0.10);
    /// Background of inserted text.
    pub const INSERTED: Color = Color(0.82, 0.95, 0.82);
    /// Background of deleted text.
    pub const DELETED: Color = Color(0.98, 0.84, 0.84);
}

/// Page size and margins in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSetup {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left margin.
    pub margin_left: f32,
    /// Right margin.
    pub margin_right: f32,
    /// Top margin.
    pub margin_top: f32,
    /// Bottom margin (the footer sits inside it).
    pub margin_bottom: f32,
}

impl PageSetup {
    /// A4 portrait with margins of about 22 mm.
    pub const A4: PageSetup = PageSetup {
        width: 595.276,
        height: 841.89,
        margin_left: 64.0,
        margin_right: 64.0,
        margin_top: 62.0,
        margin_bottom: 76.0,
    };

    /// The width available for text.
    pub fn text_width(&self) -> f32 {
        self.width - self.margin_left - self.margin_right
    }

    /// The y where the text area ends.
    pub fn text_bottom(&self) -> f32 {
        self.height - self.margin_bottom
    }
}

impl Default for PageSetup {
    fn default() -> Self {
        Self::A4
    }
}

/// A run of text in one face, size and colour, on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left edge.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub baseline: f32,
    /// The face.
    pub face: Face,
    /// Size in points.
    pub size: f32,
    /// The text (only characters the face has).
    pub text: String,
    /// The width as drawn, including `space_extra`.
    pub width: f32,
    /// Extra width added after every U+0020 space (justification).
    pub space_extra: f32,
    /// The colour.
    pub color: Color,
}

/// A positioned item on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text.
    Text(TextRun),
    /// A straight line.
    Line {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Stroke width.
        width: f32,
        /// Colour.
        color: Color,
    },
    /// A filled rectangle (drawn below text).
    Fill {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Colour.
        color: Color,
    },
    /// A clickable area.
    Link {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Where a click goes.
        target: LinkTarget,
    },
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// An http, https or mailto address.
    Url(String),
    /// A heading of this document: an index into [`Layout::outline`] (a TOC line).
    Heading(usize),
}

/// One page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// The items in drawing order.
    pub items: Vec<Item>,
}

impl Page {
    /// The text runs of the page.
    pub fn runs(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
    }
}

/// A bookmark: a heading and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// 1 for top level.
    pub level: u8,
    /// "3.1. Zutrittskontrolle".
    pub title: String,
    /// 0-based page index.
    pub page: usize,
    /// Top of the heading, from the top of the page.
    pub y: f32,
}

/// What is printed around the text on every page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Furniture {
    /// Footer, left, first line: short title and organisation.
    pub footer_left: String,
    /// Footer, left, second line: version and date.
    pub footer_version: String,
    /// Footer, right, second line: the fingerprint.
    pub fingerprint: String,
    /// The draft mark in the header ("ENTWURF"), if any.
    pub draft_mark: Option<String>,
}

/// The laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Page size and margins.
    pub setup: PageSetup,
    /// The pages.
    pub pages: Vec<Page>,
    /// Bookmarks in document order.
    pub outline: Vec<OutlineEntry>,
    /// Characters the fonts lack (printed as a placeholder).
    pub missing: BTreeSet<char>,
    /// The character printed in their place.
    pub placeholder: char,
}

impl Layout {
    /// The warnings a user should see.
    pub fn warnings(&self, lang: Lang) -> Vec<String> {
        if self.missing.is_empty() {
            return Vec::new();
        }
        let list: Vec<String> = self
            .missing
            .iter()
            .map(|c| format!("{c} (U+{:04X})", *c as u32))
            .collect();
        vec![i18n().tr_args(
            lang,
            "export-missing-glyphs",
            &[
                (
                    "chars",
                    fluent_bundle::FluentValue::from(list.join(", ").as_str()),
                ),
                (
                    "placeholder",
                    fluent_bundle::FluentValue::from(self.placeholder.to_string().as_str()),
                ),
            ],
        )]
    }
}

// ---------------------------------------------------------------------------------------
// Typographic parameters.

const BODY_SIZE: f32 = 10.0;
const BODY_LEADING: f32 = 14.6;
const SMALL_SIZE: f32 = 9.5;
const SMALL_LEADING: f32 = 13.6;
const TABLE_SIZE: f32 = 9.0;
const TABLE_LEADING: f32 = 12.6;
const CELL_PAD: f32 = 4.0;
const FOOTER_SIZE: f32 = 7.5;
const PARA_GAP: f32 = 6.0;
const LIST_INDENT: f32 = 15.0;
const TOC_PAGE_COL: f32 = 28.0;

fn heading_metrics(level: u8) -> (f32, f32, f32) {
    // (size, leading, space before)
    match level {
        0 | 1 => (13.0, 17.0, 17.0),
        2 => (11.0, 14.6, 12.0),
        _ => (10.0, 14.0, 9.0),
    }
}

/// A TOC line: level, number, text.
type TocEntry = (u8, String, String);

/// A vertical piece of the flow: a line of text, a table row, a rule.
#[derive(Debug, Clone, Default)]
struct Chunk {
    height: f32,
    /// Space above, dropped at the top of a page.
    space_before: f32,
    /// No page break allowed after this chunk.
    keep_with_next: bool,
    /// Items with y relative to the chunk's top.
    items: Vec<Item>,
    /// A bookmark at the chunk's top.
    outline: Option<(u8, String)>,
    /// The table header chunk to repeat when this row starts a page.
    header: Option<usize>,
}

struct Ctx<'a> {
    fonts: &'a Fonts,
    lang: Lang,
    missing: BTreeSet<char>,
    placeholder: char,
    chunks: Vec<Chunk>,
    headers: Vec<Chunk>,
    /// Page numbers of the outline headings from a previous pass (for the TOC).
    toc_pages: Option<Vec<usize>>,
    /// Outline headings in order, for the TOC.
    toc_entries: Vec<TocEntry>,
    /// The TOC lines to print (from a previous pass).
    pending_toc: Vec<TocEntry>,
    after_heading: bool,
}

fn face_for(style: &InlineStyle, base: Face) -> Face {
    if style.bold || base == Face::Bold {
        Face::Bold
    } else if style.italic || base == Face::Italic {
        Face::Italic
    } else {
        Face::Regular
    }
}

/// Characters that take no space and must not reach the PDF (they would survive into
/// text extraction as invisible marks).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    ) || (c.is_control() && c != '\n')
}

impl Ctx<'_> {
    /// Replaces characters the face lacks by the placeholder and drops invisible ones.
    fn clean(&mut self, text: &str, face: Face) -> String {
        let metrics = self.fonts.face(face);
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            let c = match c {
                '\t' => ' ',
                '\r' => continue,
                c if is_invisible(c) => continue,
                c => c,
            };
            if c == '\n' || metrics.has(c) {
                out.push(c);
            } else {
                self.missing.insert(c);
                out.push(self.placeholder);
            }
        }
        out
    }

    fn push(&mut self, chunk: Chunk) {
        self.chunks.push(chunk);
    }
}

/// A line of a paragraph as char ranges plus an optional trailing hyphen.
struct LineSpan {
    start: usize,
    end: usize,
    hyphen: bool,
    /// Last line of the paragraph or ended by a forced break: not justified.
    last: bool,
}

/// Text of a paragraph prepared for breaking: chars with their face and style.
struct Prepared {
    text: String,
    chars: Vec<char>,
    /// Index into `styles` per char.
    style_of: Vec<usize>,
    styles: Vec<(InlineStyle, Face)>,
    /// prefix[i] = width of chars[..i].
    prefix: Vec<f32>,
    /// Char index of each byte offset boundary (for the line breaker's byte offsets).
    byte_to_char: Vec<usize>,
    size: f32,
}

impl Prepared {
    fn new(ctx: &mut Ctx<'_>, inlines: &[Inline], base: Face, size: f32) -> Self {
        let mut styles: Vec<(InlineStyle, Face)> = Vec::new();
        let mut text = String::new();
        let mut chars = Vec::new();
        let mut style_of = Vec::new();
        for inline in inlines {
            let face = face_for(&inline.style, base);
            let cleaned = ctx.clean(&inline.text, face);
            let idx = match styles
                .iter()
                .position(|(s, f)| *s == inline.style && *f == face)
            {
                Some(i) => i,
                None => {
                    styles.push((inline.style.clone(), face));
                    styles.len() - 1
                }
            };
            for c in cleaned.chars() {
                chars.push(c);
                style_of.push(idx);
            }
            text.push_str(&cleaned);
        }
        let mut prefix = Vec::with_capacity(chars.len() + 1);
        prefix.push(0.0);
        let mut acc = 0.0;
        for (c, s) in chars.iter().zip(&style_of) {
            if *c != '\n' {
                acc += ctx.fonts.face(styles[*s].1).width_em(*c) * size;
            }
            prefix.push(acc);
        }
        let mut byte_to_char = vec![0; text.len() + 1];
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            byte_to_char[bi] = ci;
        }
        byte_to_char[text.len()] = chars.len();
        Self {
            text,
            chars,
            style_of,
            styles,
            prefix,
            byte_to_char,
            size,
        }
    }

    fn width(&self, a: usize, b: usize) -> f32 {
        self.prefix[b] - self.prefix[a]
    }

    fn face_at(&self, i: usize) -> Face {
        self.styles[self.style_of[i]].1
    }

    fn hyphen_width(&self, ctx: &Ctx<'_>, before: usize) -> f32 {
        ctx.fonts.face(self.face_at(before)).width_em('-') * self.size
    }

    /// End of the visible content of [a, b): trailing spaces and newlines removed.
    fn content_end(&self, a: usize, b: usize) -> usize {
        let mut e = b;
        while e > a && (self.chars[e - 1] == ' ' || self.chars[e - 1] == '\n') {
            e -= 1;
        }
        e
    }

    /// The best hyphenation split of the word in [a, content_end) so that the part before
    /// it plus a hyphen is at most `avail` wide. Returns the char index of the split.
    fn hyphen_split(&self, ctx: &Ctx<'_>, a: usize, e: usize, avail: f32) -> Option<usize> {
        let segment: String = self.chars[a..e].iter().collect();
        if !hyphen::eligible(&segment) {
            return None;
        }
        if self.style_of[a..e]
            .iter()
            .any(|s| self.styles[*s].0.link.is_some())
            && segment.contains('.')
        {
            return None;
        }
        // The longest run of letters is the word the dictionary sees.
        let mut best: Option<(usize, usize)> = None;
        let mut i = a;
        while i < e {
            if self.chars[i].is_alphabetic() {
                let s = i;
                while i < e && self.chars[i].is_alphabetic() {
                    i += 1;
                }
                if best.is_none_or(|(bs, be)| i - s > be - bs) {
                    best = Some((s, i));
                }
            } else {
                i += 1;
            }
        }
        let (ws, we) = best?;
        let word: String = self.chars[ws..we].iter().collect();
        hyphen::points(&word, ctx.lang)
            .into_iter()
            .rev()
            .map(|p| ws + p)
            .find(|&split| self.width(a, split) + self.hyphen_width(ctx, split - 1) <= avail)
    }

    /// Breaks the text into lines of at most `width` (first line `first_width`).
    fn break_lines(
        &self,
        ctx: &Ctx<'_>,
        first_width: f32,
        width: f32,
        hyphenate: bool,
    ) -> Vec<LineSpan> {
        let n = self.chars.len();
        // Segments between break opportunities: (start, end, mandatory at end).
        let mut segs: Vec<(usize, usize, bool)> = Vec::new();
        let mut prev = 0;
        for (byte, op) in linebreaks(&self.text) {
            let ci = self.byte_to_char[byte];
            if ci > prev {
                let mandatory = op == BreakOpportunity::Mandatory && ci < n;
                segs.push((prev, ci, mandatory));
            } else if op == BreakOpportunity::Mandatory
                && ci < n
                && let Some(last) = segs.last_mut()
            {
                last.2 = true;
            }
            prev = ci;
        }
        let mut lines = Vec::new();
        let mut line_start: Option<usize> = None;
        let mut line_end = 0; // end of the last added segment (with its spaces)
        let mut idx = 0;
        let mut seg_start_override: Option<usize> = None;
        while idx < segs.len() {
            let (s0, b, mandatory) = segs[idx];
            let a = seg_start_override.unwrap_or(s0);
            let avail_total = if lines.is_empty() { first_width } else { width };
            let e = self.content_end(a, b);
            let start = line_start.unwrap_or(a);
            let fits = self.width(start, e) <= avail_total + 0.01;
            if fits {
                line_start = Some(start);
                line_end = b;
                seg_start_override = None;
                idx += 1;
                if mandatory {
                    lines.push(LineSpan {
                        start,
                        end: self.content_end(start, b),
                        hyphen: false,
                        last: true,
                    });
                    line_start = None;
                }
                continue;
            }
            // Does not fit: hyphenate the segment into the rest of the line.
            let avail = avail_total - self.width(start, a);
            // The last word of a paragraph is not hyphenated: a lone syllable on the
            // last line looks worse than a slightly looser line.
            let last_word = idx + 1 == segs.len() || mandatory;
            if let Some(split) = (hyphenate && !last_word)
                .then(|| self.hyphen_split(ctx, a, e, avail))
                .flatten()
            {
                lines.push(LineSpan {
                    start,
                    end: split,
                    hyphen: true,
                    last: false,
                });
                line_start = None;
                seg_start_override = Some(split);
                continue;
            }
            if let Some(ls) = line_start {
                // End the line before this segment and retry it on a fresh line.
                lines.push(LineSpan {
                    start: ls,
                    end: self.content_end(ls, line_end),
                    hyphen: false,
                    last: false,
                });
                line_start = None;
                continue;
            }
            // A single segment wider than the line (a long URL): split it by width.
            let mut split = a + 1;
            while split < e && self.width(a, split + 1) <= avail_total {
                split += 1;
            }
            lines.push(LineSpan {
                start: a,
                end: split,
                hyphen: false,
                last: false,
            });
            seg_start_override = Some(split);
            if split >= b {
                seg_start_override = None;
                idx += 1;
            }
        }
        if let Some(ls) = line_start {
            lines.push(LineSpan {
                start: ls,
                end: self.content_end(ls, line_end.max(ls)),
                hyphen: false,
                last: true,
            });
        } else if let Some(last) = lines.last_mut() {
            last.last = true;
        }
        lines.retain(|l| l.end > l.start || l.hyphen);
        lines
    }

    /// The items of one line at (x, top), justified to `width` when asked.
    #[allow(clippy::too_many_arguments)]
    fn line_items(
        &self,
        ctx: &Ctx<'_>,
        line: &LineSpan,
        x: f32,
        baseline: f32,
        width: f32,
        justify: bool,
        color: Color,
    ) -> Vec<Item> {
        let natural = self.width(line.start, line.end)
            + if line.hyphen {
                self.hyphen_width(ctx, line.end - 1)
            } else {
                0.0
            };
        let spaces = self.chars[line.start..line.end]
            .iter()
            .filter(|c| **c == ' ')
            .count();
        let mut extra = 0.0;
        if justify && !line.last && spaces > 0 {
            let e = (width - natural) / spaces as f32;
            // Very loose lines look worse justified than ragged.
            if e > 0.0 && e < self.size * 0.9 {
                extra = e;
            }
        }
        let mut items = Vec::new();
        let mut fills = Vec::new();
        let mut cx = x;
        let mut i = line.start;
        while i < line.end || (line.hyphen && i == line.end && i == line.start) {
            let si = self.style_of.get(i).copied().unwrap_or(0);
            let mut j = i;
            while j < line.end && self.style_of[j] == si {
                j += 1;
            }
            let mut text: String = self.chars[i..j].iter().filter(|c| **c != '\n').collect();
            let mut w = self.width(i, j);
            if j == line.end && line.hyphen {
                text.push('-');
                w += self.hyphen_width(ctx, line.end.saturating_sub(1));
            }
            let n_spaces = text.chars().filter(|c| *c == ' ').count() as f32;
            w += n_spaces * extra;
            let (style, face) = &self.styles[si];
            let run_color = if style.link.is_some() {
                Color::LINK
            } else {
                color
            };
            if let Some(h) = style.highlight {
                fills.push(Item::Fill {
                    x: cx,
                    y: baseline - self.size * 0.92,
                    w,
                    h: self.size * 1.22,
                    color: match h {
                        Highlight::Inserted => Color::INSERTED,
                        Highlight::Deleted => Color::DELETED,
                    },
                });
            }
            if style.strike {
                items.push(Item::Line {
                    x1: cx,
                    y1: baseline - self.size * 0.3,
                    x2: cx + w,
                    y2: baseline - self.size * 0.3,
                    width: 0.6,
                    color: run_color,
                });
            }
            if let Some(url) = &style.link {
                items.push(Item::Link {
                    x: cx,
                    y: baseline - self.size * 0.95,
                    w,
                    h: self.size * 1.25,
                    target: LinkTarget::Url(url.clone()),
                });
            }
            if !text.is_empty() {
                items.push(Item::Text(TextRun {
                    x: cx,
                    baseline,
                    face: *face,
                    size: self.size,
                    text,
                    width: w,
                    space_extra: extra,
                    color: run_color,
                }));
            }
            cx += w;
            if j == i {
                break;
            }
            i = j;
        }
        fills.extend(items);
        fills
    }
}

/// Options for laying out a paragraph.
#[derive(Clone, Copy)]
struct ParaStyle {
    size: f32,
    leading: f32,
    face: Face,
    justify: bool,
    /// Headings and titles are not hyphenated.
    hyphenate: bool,
    color: Color,
}

impl Ctx<'_> {
    /// Lays out a paragraph as line chunks with widow/orphan control. Returns the chunk
    /// indices.
    #[allow(clippy::too_many_arguments)]
    fn paragraph(
        &mut self,
        inlines: &[Inline],
        x: f32,
        width: f32,
        style: &ParaStyle,
        space_before: f32,
        hang: Option<(f32, Vec<Item>)>,
    ) -> std::ops::Range<usize> {
        let prepared = Prepared::new(self, inlines, style.face, style.size);
        let lines = prepared.break_lines(self, width, width, style.hyphenate);
        let first = self.chunks.len();
        let n = lines.len();
        let baseline = (style.leading + style.size * 0.72) / 2.0;
        let mut hang = hang;
        for (i, line) in lines.iter().enumerate() {
            let mut items =
                prepared.line_items(self, line, x, baseline, width, style.justify, style.color);
            if i == 0
                && let Some((_, marker)) = hang.take()
            {
                items.extend(marker);
            }
            // No orphans (a lone first line at a page's foot) and no widows (a lone last
            // line at a page's head): never break after the first or before the last line.
            let keep = n >= 2 && (i == 0 || i + 2 == n);
            self.push(Chunk {
                height: style.leading,
                space_before: if i == 0 { space_before } else { 0.0 },
                keep_with_next: keep,
                items,
                ..Chunk::default()
            });
        }
        if n == 0
            && let Some((_, marker)) = hang.take()
        {
            {
                self.push(Chunk {
                    height: style.leading,
                    space_before,
                    items: marker,
                    ..Chunk::default()
                });
            }
        }
        first..self.chunks.len()
    }

    fn gap(&mut self, normal: f32) -> f32 {
        if std::mem::take(&mut self.after_heading) {
            2.0
        } else {
            normal
        }
    }

    fn blocks(&mut self, blocks: &[Block], x: f32, width: f32, list_depth: usize) {
        for block in blocks {
            self.block(block, x, width, list_depth);
        }
    }

    fn block(&mut self, block: &Block, x: f32, width: f32, list_depth: usize) {
        match block {
            Block::Title(text) => {
                let style = ParaStyle {
                    size: 19.0,
                    leading: 24.0,
                    face: Face::Bold,
                    hyphenate: false,
                    justify: false,
                    color: Color::TEXT,
                };
                let r = self.paragraph(&[Inline::plain(text.clone())], x, width, &style, 0.0, None);
                for i in r.clone() {
                    self.chunks[i].keep_with_next = true;
                }
                if let Some(last) = r.last() {
                    self.chunks[last].height += 6.0;
                }
                self.after_heading = false;
            }
            Block::Heading {
                level,
                number,
                text,
                outline,
            } => self.heading(*level, number, text, *outline, x, width),
            Block::Paragraph(inlines) => {
                let sb = self.gap(PARA_GAP);
                let style = ParaStyle {
                    size: BODY_SIZE,
                    leading: BODY_LEADING,
                    face: Face::Regular,
                    hyphenate: true,
                    justify: true,
                    color: Color::TEXT,
                };
                self.paragraph(inlines, x, width, &style, sb, None);
            }
            Block::Small(inlines) => {
                let sb = self.gap(4.0);
                let style = ParaStyle {
                    size: SMALL_SIZE,
                    leading: SMALL_LEADING,
                    face: Face::Regular,
                    hyphenate: true,
                    justify: false,
                    color: Color::TEXT,
                };
                self.paragraph(inlines, x, width, &style, sb, None);
            }
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items, x, width, list_depth),
            Block::Table { header, rows } => self.table(header, rows, x, width),
            Block::Toc { title } => self.toc(title, x, width),
            Block::Spacer(h) => {
                self.push(Chunk {
                    height: 0.0,
                    space_before: *h,
                    ..Chunk::default()
                });
            }
            Block::Rule => {
                let sb = self.gap(8.0);
                self.push(Chunk {
                    height: 8.0,
                    space_before: sb,
                    items: vec![Item::Line {
                        x1: x,
                        y1: 0.5,
                        x2: x + width,
                        y2: 0.5,
                        width: 0.6,
                        color: Color::RULE,
                    }],
                    ..Chunk::default()
                });
            }
        }
    }

    fn heading(&mut self, level: u8, number: &str, text: &str, outline: bool, x: f32, width: f32) {
        let (size, leading, space_before) = heading_metrics(level);
        let number = self.clean(number, Face::Bold);
        let num_w = if number.is_empty() {
            0.0
        } else {
            self.fonts.face(Face::Bold).text_width(&number, size) + size * 0.3
        };
        let style = ParaStyle {
            size,
            leading,
            face: Face::Bold,
            hyphenate: false,
            justify: false,
            color: Color::TEXT,
        };
        let baseline = (leading + size * 0.72) / 2.0;
        let marker = (!number.is_empty()).then(|| {
            (
                num_w,
                vec![Item::Text(TextRun {
                    x,
                    baseline,
                    face: Face::Bold,
                    size,
                    width: self.fonts.face(Face::Bold).text_width(&number, size),
                    text: number.clone(),
                    space_extra: 0.0,
                    color: Color::TEXT,
                })],
            )
        });
        // A heading directly after a heading keeps its own space.
        self.after_heading = false;
        let r = self.paragraph(
            &[Inline::plain(text)],
            x + num_w,
            width - num_w,
            &style,
            space_before,
            marker,
        );
        for i in r.clone() {
            self.chunks[i].keep_with_next = true;
        }
        if let Some(last) = r.clone().last() {
            self.chunks[last].height += 2.0;
        }
        if outline {
            let title = if number.is_empty() {
                text.to_owned()
            } else {
                format!("{number} {text}")
            };
            if let Some(first) = r.clone().next() {
                self.chunks[first].outline = Some((level, title));
            }
            self.toc_entries.push((level, number, text.to_owned()));
        }
        self.after_heading = true;
    }

    fn list(
        &mut self,
        ordered: bool,
        start: u64,
        items: &[Vec<Block>],
        x: f32,
        width: f32,
        depth: usize,
    ) {
        let first_chunk = self.chunks.len();
        let last_number = start.saturating_add(items.len() as u64);
        let indent = if ordered {
            let widest = format!("{last_number}.");
            (self
                .fonts
                .face(Face::Regular)
                .text_width(&widest, BODY_SIZE)
                + 6.0)
                .max(LIST_INDENT)
        } else {
            LIST_INDENT
        };
        for (k, item) in items.iter().enumerate() {
            let marker_text = if ordered {
                format!("{}.", start.saturating_add(k as u64))
            } else if depth == 0 {
                "•".to_owned()
            } else {
                "–".to_owned()
            };
            let marker_text = self.clean(&marker_text, Face::Regular);
            let mw = self
                .fonts
                .face(Face::Regular)
                .text_width(&marker_text, BODY_SIZE);
            let mx = if ordered {
                x + indent - 5.0 - mw
            } else {
                x + 4.0
            };
            let sb = if k == 0 { self.gap(PARA_GAP) } else { 3.0 };
            let before = self.chunks.len();
            // The first block of the item carries the marker on its first line.
            let mut rest: &[Block] = item;
            if let Some(Block::Paragraph(inl)) = item.first() {
                let style = ParaStyle {
                    size: BODY_SIZE,
                    leading: BODY_LEADING,
                    face: Face::Regular,
                    hyphenate: true,
                    justify: false,
                    color: Color::TEXT,
                };
                let baseline = (BODY_LEADING + BODY_SIZE * 0.72) / 2.0;
                let marker = vec![Item::Text(TextRun {
                    x: mx,
                    baseline,
                    face: Face::Regular,
                    size: BODY_SIZE,
                    width: mw,
                    text: marker_text.clone(),
                    space_extra: 0.0,
                    color: Color::TEXT,
                })];
                self.paragraph(
                    inl,
                    x + indent,
                    width - indent,
                    &style,
                    sb,
                    Some((0.0, marker)),
                );
                rest = &item[1..];
            }
            for b in rest {
                self.after_heading = false;
                match b {
                    Block::Paragraph(inl) => {
                        let style = ParaStyle {
                            size: BODY_SIZE,
                            leading: BODY_LEADING,
                            face: Face::Regular,
                            hyphenate: true,
                            justify: false,
                            color: Color::TEXT,
                        };
                        self.paragraph(inl, x + indent, width - indent, &style, 3.0, None);
                    }
                    Block::List { .. } => {
                        // Nested lists sit close to their parent item.
                        self.after_heading = true;
                        self.block(b, x + indent, width - indent, depth + 1);
                    }
                    other => self.block(other, x + indent, width - indent, depth + 1),
                }
            }
            if self.chunks.len() == before {
                // An empty item still shows its marker.
                let baseline = (BODY_LEADING + BODY_SIZE * 0.72) / 2.0;
                self.push(Chunk {
                    height: BODY_LEADING,
                    space_before: sb,
                    items: vec![Item::Text(TextRun {
                        x: mx,
                        baseline,
                        face: Face::Regular,
                        size: BODY_SIZE,
                        width: mw,
                        text: marker_text,
                        space_extra: 0.0,
                        color: Color::TEXT,
                    })],
                    ..Chunk::default()
                });
            }
        }
        // A two-item list stays together; a longer one keeps two items at each break.
        let n = self.chunks.len() - first_chunk;
        if n >= 2 {
            self.chunks[first_chunk].keep_with_next = true;
            self.chunks[first_chunk + n - 2].keep_with_next = true;
        }
        self.after_heading = false;
    }

    fn table(&mut self, header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>], x: f32, width: f32) {
        let ncols = std::iter::once(header.len())
            .chain(rows.iter().map(Vec::len))
            .max()
            .unwrap_or(0);
        if ncols == 0 {
            return;
        }
        // Column widths follow the natural width of their content, within bounds.
        let mut natural = vec![0.0f32; ncols];
        // The widest word of a column: narrower than that, a word would be split.
        let mut min = vec![0.0f32; ncols];
        for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
            for (c, cell) in row.iter().enumerate() {
                for i in cell {
                    let m = self.fonts.face(face_for(&i.style, Face::Regular));
                    for word in i.text.split_whitespace() {
                        let w = m.text_width(word, TABLE_SIZE) + 2.0 * CELL_PAD + 1.0;
                        min[c] = min[c].max(w.min(width / ncols as f32 * 1.5));
                    }
                }
                let w: f32 = cell
                    .iter()
                    .map(|i| {
                        self.fonts
                            .face(face_for(&i.style, Face::Regular))
                            .text_width(&i.text, TABLE_SIZE)
                    })
                    .sum::<f32>()
                    + 2.0 * CELL_PAD
                    + 1.0;
                natural[c] = natural[c].max(w);
            }
        }
        let total: f32 = natural.iter().sum();
        let widths: Vec<f32> = if total <= width {
            let spare = (width - total) / ncols as f32;
            natural.iter().map(|w| w + spare).collect()
        } else if natural.iter().all(|n| *n >= width / ncols as f32) {
            // Every column is full: equal columns look calmer than uneven ones.
            vec![width / ncols as f32; ncols]
        } else {
            // Every column gets its widest word; the rest is shared by how much more
            // each column would like.
            let min_sum: f32 = min.iter().sum();
            if min_sum >= width {
                min.iter().map(|w| w * width / min_sum).collect()
            } else {
                let want: Vec<f32> = natural
                    .iter()
                    .zip(&min)
                    .map(|(n, m)| (n - m).max(0.0))
                    .collect();
                let want_sum: f32 = want.iter().sum::<f32>().max(1.0);
                min.iter()
                    .zip(&want)
                    .map(|(m, w)| m + (width - min_sum) * w / want_sum)
                    .collect()
            }
        };
        let sb = self.gap(PARA_GAP + 2.0);
        let header_idx = if header.is_empty() {
            None
        } else {
            let mut chunk = self.table_row(header, &widths, x, true);
            chunk.keep_with_next = true;
            self.headers.push(chunk.clone());
            chunk.space_before = sb;
            self.push(chunk);
            Some(self.headers.len() - 1)
        };
        for (r, row) in rows.iter().enumerate() {
            let mut chunk = self.table_row(row, &widths, x, false);
            chunk.header = header_idx;
            if r == 0 && header_idx.is_none() {
                chunk.space_before = sb;
            }
            self.push(chunk);
        }
        self.after_heading = false;
    }

    fn table_row(&mut self, row: &[Vec<Inline>], widths: &[f32], x: f32, is_header: bool) -> Chunk {
        let style = ParaStyle {
            size: TABLE_SIZE,
            leading: TABLE_LEADING,
            face: if is_header { Face::Bold } else { Face::Regular },
            hyphenate: true,
            justify: false,
            color: Color::TEXT,
        };
        let baseline = (TABLE_LEADING + TABLE_SIZE * 0.72) / 2.0;
        let mut items = Vec::new();
        let mut lines_max = 1usize;
        let mut cx = x;
        for (c, w) in widths.iter().enumerate() {
            if let Some(cell) = row.get(c) {
                let prepared = Prepared::new(self, cell, style.face, style.size);
                let inner = (w - 2.0 * CELL_PAD).max(1.0);
                let lines = prepared.break_lines(self, inner, inner, true);
                lines_max = lines_max.max(lines.len());
                for (i, line) in lines.iter().enumerate() {
                    items.extend(prepared.line_items(
                        self,
                        line,
                        cx + CELL_PAD,
                        CELL_PAD + baseline + i as f32 * TABLE_LEADING,
                        inner,
                        false,
                        style.color,
                    ));
                }
            }
            cx += w;
        }
        let height = lines_max as f32 * TABLE_LEADING + 2.0 * CELL_PAD;
        let total: f32 = widths.iter().sum();
        let mut all = Vec::new();
        if is_header {
            all.push(Item::Fill {
                x,
                y: 0.0,
                w: total,
                h: height,
                color: Color::HEADER_FILL,
            });
            all.push(Item::Line {
                x1: x,
                y1: 0.0,
                x2: x + total,
                y2: 0.0,
                width: 0.8,
                color: Color::RULE,
            });
        }
        all.push(Item::Line {
            x1: x,
            y1: height,
            x2: x + total,
            y2: height,
            width: if is_header { 0.8 } else { 0.4 },
            color: Color::RULE,
        });
        all.extend(items);
        Chunk {
            height,
            items: all,
            ..Chunk::default()
        }
    }

    fn toc(&mut self, title: &str, x: f32, width: f32) {
        self.heading(1, "", title, false, x, width);
        let entries = self.pending_toc.clone();
        let style = ParaStyle {
            size: SMALL_SIZE + 0.5,
            leading: SMALL_LEADING + 1.0,
            face: Face::Regular,
            hyphenate: false,
            justify: false,
            color: Color::TEXT,
        };
        for (k, (level, number, text)) in entries.iter().enumerate() {
            let indent = if *level <= 1 {
                0.0
            } else {
                22.0 * f32::from(level - 1)
            };
            let face = if *level <= 1 {
                Face::Bold
            } else {
                Face::Regular
            };
            let style = ParaStyle { face, ..style };
            let num_w = 24.0;
            let page = self
                .toc_pages
                .as_ref()
                .and_then(|p| p.get(k))
                .map(|p| (p + 1).to_string())
                .unwrap_or_else(|| "0".to_owned());
            let baseline = (style.leading + style.size * 0.72) / 2.0;
            let num_text = self.clean(number, face);
            let marker = vec![Item::Text(TextRun {
                x: x + indent,
                baseline,
                face,
                size: style.size,
                width: self.fonts.face(face).text_width(&num_text, style.size),
                text: num_text,
                space_extra: 0.0,
                color: Color::TEXT,
            })];
            let sb = if *level <= 1 { 4.0 } else { 1.0 };
            let text_x = x + indent + num_w;
            let text_w = width - indent - num_w - TOC_PAGE_COL;
            let r = self.paragraph(
                &[Inline::plain(text.clone())],
                text_x,
                text_w,
                &style,
                sb,
                Some((0.0, marker)),
            );
            let pw = self.fonts.face(face).text_width(&page, style.size);
            // The whole line is a link to its heading, as in a word processor's TOC.
            for line in r.clone() {
                let height = self.chunks[line].height;
                self.chunks[line].items.push(Item::Link {
                    x,
                    y: 0.0,
                    w: width,
                    h: height,
                    target: LinkTarget::Heading(k),
                });
            }
            if let Some(last) = r.clone().last() {
                // Dot leaders from the end of the text to the page number.
                let end = self.chunks[last]
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text(t) if t.x >= text_x => Some(t.x + t.width),
                        _ => None,
                    })
                    .fold(text_x, f32::max);
                let dot_w = self.fonts.face(Face::Regular).text_width(". ", style.size);
                let lead_start = end + 4.0;
                let lead_end = x + width - pw - 4.0;
                if dot_w > 0.0 && lead_end > lead_start {
                    let n = ((lead_end - lead_start) / dot_w).floor() as usize;
                    if n > 0 {
                        let dots = ". ".repeat(n);
                        let dots = dots.trim_end().to_owned();
                        let w = self.fonts.face(Face::Regular).text_width(&dots, style.size);
                        self.chunks[last].items.push(Item::Text(TextRun {
                            x: lead_end - w,
                            baseline,
                            face: Face::Regular,
                            size: style.size,
                            text: dots,
                            width: w,
                            space_extra: 0.0,
                            color: Color::MUTED,
                        }));
                    }
                }
                self.chunks[last].items.push(Item::Text(TextRun {
                    x: x + width - pw,
                    baseline,
                    face,
                    size: style.size,
                    text: page,
                    width: pw,
                    space_extra: 0.0,
                    color: Color::TEXT,
                }));
            }
        }
        self.after_heading = false;
    }
}

/// Decides which chunks go on which page. Returns, per page, the placed chunks as
/// (chunk or header copy, y of its top).
fn paginate(chunks: &[Chunk], headers: &[Chunk], setup: &PageSetup) -> Vec<Vec<(Placed, f32)>> {
    let top = setup.margin_top;
    let bottom = setup.text_bottom();
    let mut pages = Vec::new();
    let mut i = 0;
    while i < chunks.len() {
        let mut page: Vec<(Placed, f32)> = Vec::new();
        let mut y = top;
        let page_start = i;
        // A table row that opens a page gets its header again.
        if let Some(h) = chunks[i]
            .header
            .and_then(|h| headers.get(h).map(|c| (h, c)))
        {
            page.push((Placed::Header(h.0), y));
            y += h.1.height;
        }
        while i < chunks.len() {
            let c = &chunks[i];
            let sb = if i == page_start { 0.0 } else { c.space_before };
            if y + sb + c.height > bottom + 0.01 && i > page_start {
                // Break after the last chunk that allows it.
                let k = (page_start..i).rev().find(|&k| !chunks[k].keep_with_next);
                if let Some(k) = k {
                    page.retain(|(p, _)| match p {
                        Placed::Chunk(ci) => *ci <= k,
                        Placed::Header(_) => true,
                    });
                    i = k + 1;
                }
                break;
            }
            page.push((Placed::Chunk(i), y + sb));
            y += sb + c.height;
            i += 1;
        }
        pages.push(page);
    }
    if pages.is_empty() {
        pages.push(Vec::new());
    }
    pages
}

#[derive(Debug, Clone, Copy)]
enum Placed {
    Chunk(usize),
    Header(usize),
}

fn shift(item: &Item, dy: f32) -> Item {
    let mut item = item.clone();
    match &mut item {
        Item::Text(t) => t.baseline += dy,
        Item::Line { y1, y2, .. } => {
            *y1 += dy;
            *y2 += dy;
        }
        Item::Fill { y, .. } | Item::Link { y, .. } => *y += dy,
    }
    item
}

/// Shortens `text` with an ellipsis until it fits `width`.
fn fit(fonts: &Fonts, face: Face, text: &str, size: f32, width: f32) -> String {
    let m = fonts.face(face);
    if m.text_width(text, size) <= width {
        return text.to_owned();
    }
    // The longest prefix that, without trailing spaces and with "…", fits. One pass with
    // running widths: re-measuring every shorter prefix was quadratic, and a footer with
    // a name of thousands of characters took minutes.
    let ellipsis = m.width_em('…');
    let mut acc = 0.0;
    let mut best = None;
    for (i, c) in text.char_indices() {
        acc += m.width_em(c);
        if (acc + ellipsis) * size > width {
            break;
        }
        if !c.is_whitespace() {
            best = Some(i + c.len_utf8());
        }
    }
    match best {
        Some(end) => format!("{}…", &text[..end]),
        None if ellipsis * size <= width => "…".to_owned(),
        None => String::new(),
    }
}

fn run(
    fonts: &Fonts,
    face: Face,
    text: &str,
    size: f32,
    x: f32,
    baseline: f32,
    color: Color,
) -> Item {
    Item::Text(TextRun {
        x,
        baseline,
        face,
        size,
        width: fonts.face(face).text_width(text, size),
        text: text.to_owned(),
        space_extra: 0.0,
        color,
    })
}

fn furniture_items(
    ctx: &mut Ctx<'_>,
    furniture: &Furniture,
    setup: &PageSetup,
    page: usize,
    total: usize,
) -> Vec<Item> {
    let fonts = ctx.fonts;
    let x0 = setup.margin_left;
    let x1 = setup.width - setup.margin_right;
    let half = setup.text_width() * 0.62;
    let rule_y = setup.text_bottom() + 16.0;
    let b1 = rule_y + 12.0;
    let b2 = b1 + 10.0;
    let mut items = vec![Item::Line {
        x1: x0,
        y1: rule_y,
        x2: x1,
        y2: rule_y,
        width: 0.5,
        color: Color::RULE,
    }];
    let page_label = i18n().tr_args(
        ctx.lang,
        "export-page-of",
        &[
            (
                "page",
                fluent_bundle::FluentValue::from(page.to_string().as_str()),
            ),
            (
                "total",
                fluent_bundle::FluentValue::from(total.to_string().as_str()),
            ),
        ],
    );
    let left = ctx.clean(&furniture.footer_left, Face::Regular);
    let version = ctx.clean(&furniture.footer_version, Face::Regular);
    let print = ctx.clean(&furniture.fingerprint, Face::Regular);
    let left = fit(fonts, Face::Regular, &left, FOOTER_SIZE, half);
    let version = fit(fonts, Face::Regular, &version, FOOTER_SIZE, half);
    items.push(run(
        fonts,
        Face::Regular,
        &left,
        FOOTER_SIZE,
        x0,
        b1,
        Color::MUTED,
    ));
    let pw = fonts
        .face(Face::Regular)
        .text_width(&page_label, FOOTER_SIZE);
    items.push(run(
        fonts,
        Face::Regular,
        &page_label,
        FOOTER_SIZE,
        x1 - pw,
        b1,
        Color::MUTED,
    ));
    items.push(run(
        fonts,
        Face::Regular,
        &version,
        FOOTER_SIZE,
        x0,
        b2,
        Color::MUTED,
    ));
    if !print.is_empty() {
        let fw = fonts.face(Face::Regular).text_width(&print, FOOTER_SIZE);
        items.push(run(
            fonts,
            Face::Regular,
            &print,
            FOOTER_SIZE,
            x1 - fw,
            b2,
            Color::MUTED,
        ));
    }
    if let Some(mark) = &furniture.draft_mark {
        let mark = ctx.clean(mark, Face::Bold);
        let size = 10.0;
        let w = fonts.face(Face::Bold).text_width(&mark, size);
        let y = setup.margin_top - 26.0;
        items.push(Item::Fill {
            x: x1 - w - 8.0,
            y: y - size - 3.0,
            w: w + 8.0,
            h: size + 8.0,
            color: Color(0.99, 0.92, 0.92),
        });
        items.push(run(
            fonts,
            Face::Bold,
            &mark,
            size,
            x1 - w - 4.0,
            y,
            Color::DRAFT,
        ));
    }
    items
}

fn pass(
    blocks: &[Block],
    furniture: &Furniture,
    lang: Lang,
    fonts: &Fonts,
    setup: &PageSetup,
    toc: Option<(Vec<usize>, Vec<TocEntry>)>,
) -> (Layout, Vec<TocEntry>) {
    let placeholder = ['\u{FFFD}', '\u{25A1}', '?']
        .into_iter()
        .find(|c| Face::ALL.iter().all(|f| fonts.face(*f).has(*c)))
        .unwrap_or('?');
    let (toc_pages, pending) = match toc {
        Some((p, e)) => (Some(p), e),
        None => (None, Vec::new()),
    };
    let mut ctx = Ctx {
        fonts,
        lang,
        missing: BTreeSet::new(),
        placeholder,
        chunks: Vec::new(),
        headers: Vec::new(),
        toc_pages,
        toc_entries: Vec::new(),
        pending_toc: pending,
        after_heading: false,
    };
    ctx.blocks(blocks, setup.margin_left, setup.text_width(), 0);
    let placed = paginate(&ctx.chunks, &ctx.headers, setup);
    let total = placed.len();
    let mut pages = Vec::with_capacity(total);
    let mut outline = Vec::new();
    for (p, list) in placed.iter().enumerate() {
        let mut page = Page::default();
        for (what, y) in list {
            let chunk = match what {
                Placed::Chunk(i) => &ctx.chunks[*i],
                Placed::Header(h) => &ctx.headers[*h],
            };
            if let (Placed::Chunk(_), Some((level, title))) = (what, &chunk.outline) {
                outline.push(OutlineEntry {
                    level: *level,
                    title: title.clone(),
                    page: p,
                    y: *y,
                });
            }
            page.items.extend(chunk.items.iter().map(|i| shift(i, *y)));
        }
        let furniture = furniture_items(&mut ctx, furniture, setup, p + 1, total);
        page.items.extend(furniture);
        // Fills first so they never cover text.
        page.items.sort_by_key(|i| !matches!(i, Item::Fill { .. }));
        pages.push(page);
    }
    let entries = std::mem::take(&mut ctx.toc_entries);
    (
        Layout {
            setup: *setup,
            pages,
            outline,
            missing: ctx.missing,
            placeholder,
        },
        entries,
    )
}

/// Lays out `blocks` on pages of `setup`. A [`Block::Toc`] gets the page numbers of the
/// outline headings (the layout runs twice then; the TOC's size does not depend on them).
pub fn layout(
    blocks: &[Block],
    furniture: &Furniture,
    lang: Lang,
    fonts: &Fonts,
    setup: &PageSetup,
) -> Layout {
    let has_toc = blocks.iter().any(|b| matches!(b, Block::Toc { .. }));
    let (first, entries) = pass(blocks, furniture, lang, fonts, setup, None);
    if !has_toc {
        return first;
    }
    // First pass without page numbers but with the entries' text, to learn the pages.
    let (with_entries, _) = pass(
        blocks,
        furniture,
        lang,
        fonts,
        setup,
        Some((Vec::new(), entries.clone())),
    );
    let pages: Vec<usize> = with_entries.outline.iter().map(|o| o.page).collect();
    // The outline has the TOC's own heading excluded (it is not an outline heading).
    pass(
        blocks,
        furniture,
        lang,
        fonts,
        setup,
        Some((pages, entries)),
    )
    .0
}
