//! The layout engine: blocks + page setup + font metrics -> pages of positioned items.
//!
//! Pure and deterministic (no printpdf, no clock): the same input gives the same pages, so
//! tests check the result as data and the editor can draw a preview from it. Coordinates
//! are points with the origin at the top-left corner of the page, y growing downwards.

use std::collections::BTreeSet;

mod flow;
mod keep;
mod page;
mod paragraph;
mod table;
mod total_fit;

use page::{Placed, furniture_items, paginate, shift};

use super::blocks::{Block, InlineStyle};
use super::fonts::{Face, Fonts};
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
    /// Links: 3.2:1 against the body text and 5.3:1 against the white page (WCAG
    /// relative luminance; see `tests::link_colour_contrast`), underlined as well.
    pub const LINK: Color = Color(0.0, 0.42, 0.78);
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
    /// A4 portrait with side margins of about 27 mm: a 10.5 pt line then holds about
    /// 75–85 characters (issue 14: 95–101 on the former 165 mm line was too many).
    pub const A4: PageSetup = PageSetup {
        width: 595.276,
        height: 841.89,
        margin_left: 85.0,
        margin_right: 85.0,
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
    /// Where the run belongs in the document's logical structure (PDF tagging).
    pub mark: Mark,
    /// The run ends with a hyphen the line breaker inserted (not part of the text).
    pub hyphen: bool,
}

/// Where a positioned text run or link belongs in the logical structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mark {
    /// Not content: a repeated table header, TOC dot leaders.
    #[default]
    Artifact,
    /// Page furniture: footer lines, page numbers, the draft mark.
    Pagination,
    /// Content of the element with this index in [`Layout::structure`].
    Element(u32),
}

/// The role of a structure element (the PDF standard structure types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The root.
    Document,
    /// A heading of level 1 to 6 (levels never skip).
    Heading(u8),
    /// A paragraph.
    P,
    /// A list.
    L,
    /// A list item.
    LI,
    /// A list item's label (bullet or number).
    Lbl,
    /// A list item's body.
    LBody,
    /// A table.
    Table,
    /// A table row.
    TR,
    /// A header cell (scope: column).
    TH,
    /// A data cell.
    TD,
    /// A link (text plus its annotation).
    Link,
    /// A block quote.
    BlockQuote,
    /// A table of contents.
    Toc,
    /// One of its entries.
    TocItem,
}

/// A structure element: its role and its parent (document order is creation order).
#[derive(Debug, Clone, PartialEq)]
pub struct StructElem {
    /// The role.
    pub role: Role,
    /// The parent's index; `None` only for the root.
    pub parent: Option<u32>,
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
        /// The link's structure element.
        mark: Mark,
    },
}

impl Item {
    /// The structure mark of a text run or link (lines and fills are always artifacts).
    pub fn mark(&self) -> Mark {
        match self {
            Item::Text(t) => t.mark,
            Item::Link { mark, .. } => *mark,
            Item::Line { .. } | Item::Fill { .. } => Mark::Artifact,
        }
    }

    fn set_mark(&mut self, new: Mark) {
        match self {
            Item::Text(t) => t.mark = new,
            Item::Link { mark, .. } => *mark = new,
            Item::Line { .. } | Item::Fill { .. } => {}
        }
    }
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
    /// The items in drawing order: the body first, then from index `furniture` on the
    /// margin furniture (footer, draft mark).
    pub items: Vec<Item>,
    /// Where the furniture starts in `items`.
    pub furniture: usize,
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
    /// The logical structure: element 0 is the document; runs and links point here.
    pub structure: Vec<StructElem>,
}

/// The extent of an item: (left, top, right, bottom). A text run reaches from a little
/// above its x-height to its descenders; a link area may reach into the line above.
fn extent(item: &Item) -> (f32, f32, f32, f32) {
    match item {
        Item::Text(t) => (
            t.x,
            t.baseline - t.size * 0.72,
            t.x + t.width,
            t.baseline + t.size * 0.22,
        ),
        Item::Line { x1, y1, x2, y2, .. } => (x1.min(*x2), y1.min(*y2), x1.max(*x2), y1.max(*y2)),
        Item::Fill { x, y, w, h, .. } | Item::Link { x, y, w, h, .. } => (*x, *y, x + w, y + h),
    }
}

impl Layout {
    /// The layout invariant: every item of a page's body lies inside the text area and
    /// every furniture item inside the page but outside the text area. Returns one line
    /// per item that breaks it (empty when the layout holds); an item outside would be
    /// cut off or print over the footer, so its text would be lost to the reader.
    pub fn outside_text_area(&self) -> Vec<String> {
        let s = self.setup;
        // Half a point for rounding; fills and rules of a table may touch the edges.
        let tol = 1.0;
        let (left, top, right, bottom) = (
            s.margin_left - tol,
            s.margin_top - tol,
            s.width - s.margin_right + tol,
            s.text_bottom() + tol,
        );
        let describe = |item: &Item| match item {
            Item::Text(t) => format!("text {:?}", t.text.chars().take(40).collect::<String>()),
            Item::Line { .. } => "line".to_owned(),
            Item::Fill { .. } => "fill".to_owned(),
            Item::Link { .. } => "link".to_owned(),
        };
        let mut out = Vec::new();
        for (p, page) in self.pages.iter().enumerate() {
            let split = page.furniture.min(page.items.len());
            for item in &page.items[..split] {
                let (l, t, r, b) = extent(item);
                if l < left || r > right || t < top || b > bottom {
                    out.push(format!(
                        "page {}: {} at ({l:.1}, {t:.1})-({r:.1}, {b:.1}) is outside the text area",
                        p + 1,
                        describe(item)
                    ));
                }
            }
            for item in &page.items[split..] {
                let (l, t, r, b) = extent(item);
                let on_page = l >= -tol && t >= -tol && r <= s.width + tol && b <= s.height + tol;
                let in_margin = b <= s.margin_top + tol || t >= s.text_bottom() - tol;
                if !on_page || !in_margin {
                    out.push(format!(
                        "page {}: furniture {} at ({l:.1}, {t:.1})-({r:.1}, {b:.1}) is not in the margin",
                        p + 1,
                        describe(item)
                    ));
                }
            }
        }
        out
    }

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

const BODY_SIZE: f32 = 11.0;
const BODY_LEADING: f32 = 15.6;
const SMALL_SIZE: f32 = 9.5;
const SMALL_LEADING: f32 = 13.6;
const TABLE_SIZE: f32 = 9.0;
const TABLE_LEADING: f32 = 12.6;
const CELL_PAD: f32 = 4.0;
const FOOTER_SIZE: f32 = 7.5;
const PARA_GAP: f32 = 6.0;
const LIST_INDENT: f32 = 15.0;
/// Code is set a little smaller than the body: a monospaced face looks larger at the
/// same size, and code lines are long.
const CODE_SIZE: f32 = 9.5;
const CODE_LEADING: f32 = 13.0;
/// Room between a code block's ground and its text.
const CODE_PAD: f32 = 6.0;
/// How far a block quote's text stands in from its rule.
const QUOTE_INDENT: f32 = 16.0;
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
    /// For a line band of a table row split into bands: the row's number and, per item,
    /// its cell (`usize::MAX` for rules and fills). A page's bands of one row are put
    /// back into cell order, so text is read cell by cell, not line by line.
    row: Option<(usize, Vec<usize>)>,
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
    /// The height of the text area (a table header taller than a quarter of it is not
    /// repeated on every page).
    text_height: f32,
    /// The structure elements made so far (element 0 is the document).
    structure: Vec<StructElem>,
    /// The open elements, innermost last.
    open: Vec<u32>,
    /// The levels of the enclosing headings as the blocks give them; a heading's tagged
    /// level is its depth here, so levels never skip and siblings stay siblings.
    headings: Vec<u8>,
    /// Numbers the split table rows (see [`Chunk::row`]).
    rows_split: usize,
    /// Hyphenation points per word, looked up once per layout (all its passes):
    /// total-fit breaking asks for every word of every justified paragraph, and a TOM
    /// repeats its words.
    hyphen_cache: &'a HyphenCache,
}

/// Hyphenation points by word (with its neighbours, see
/// [`paragraph::Prepared::hyphen_points_into`]), per language and whether the word has a
/// character before and after it.
type HyphenCache = std::cell::RefCell<
    std::collections::HashMap<(Lang, bool, bool), std::collections::HashMap<String, Vec<usize>>>,
>;

fn face_for(style: &InlineStyle, base: Face) -> Face {
    if style.code || base == Face::Mono {
        Face::Mono
    } else if style.bold || base == Face::Bold {
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

    /// Opens a structure element inside the current one; what is laid out until the
    /// matching [`Ctx::end`] belongs to it.
    fn begin(&mut self, role: Role) -> u32 {
        let id = self.structure.len() as u32;
        self.structure.push(StructElem {
            role,
            parent: Some(self.open.last().copied().unwrap_or(0)),
        });
        self.open.push(id);
        id
    }

    /// Closes the innermost open element.
    fn end(&mut self) {
        self.open.pop();
    }

    /// The mark for content laid out now.
    fn mark(&self) -> Mark {
        match self.open.last() {
            Some(id) => Mark::Element(*id),
            None => Mark::Artifact,
        }
    }

    /// A heading element whose level is at most one deeper than the previous heading's.
    fn begin_heading(&mut self, level: u8) -> u32 {
        while self.headings.last().is_some_and(|l| *l >= level) {
            self.headings.pop();
        }
        self.headings.push(level);
        let depth = self.headings.len().min(6) as u8;
        self.begin(Role::Heading(depth))
    }
}

/// Appends the collected items of one split table row in cell order (stable: each cell's
/// lines stay in order).
fn flush_row(items: &mut Vec<Item>, row: &mut Vec<(usize, Item)>) {
    row.sort_by_key(|(cell, _)| *cell);
    items.extend(row.drain(..).map(|(_, item)| item));
}

fn pass(
    blocks: &[Block],
    furniture: &Furniture,
    lang: Lang,
    fonts: &Fonts,
    setup: &PageSetup,
    toc: Option<(Vec<usize>, Vec<TocEntry>)>,
    cache: &HyphenCache,
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
        text_height: setup.text_bottom() - setup.margin_top,
        structure: vec![StructElem {
            role: Role::Document,
            parent: None,
        }],
        open: vec![0],
        headings: Vec::new(),
        rows_split: 0,
        hyphen_cache: cache,
    };
    ctx.blocks(blocks, setup.margin_left, setup.text_width(), 0);
    let placed = paginate(&ctx.chunks, &ctx.headers, setup);
    let total = placed.len();
    let mut pages = Vec::with_capacity(total);
    let mut outline = Vec::new();
    for (p, list) in placed.iter().enumerate() {
        let mut page = Page::default();
        let mut pending_row: Option<usize> = None;
        let mut row_items: Vec<(usize, Item)> = Vec::new();
        for (what, y) in list {
            let chunk = match what {
                Placed::Chunk(i) => &ctx.chunks[*i],
                Placed::Header(h) => &ctx.headers[*h],
            };
            // A table header repeated on a later page is read once: its copies are
            // artifacts.
            let repeated = matches!(what, Placed::Header(_));
            if let (Placed::Chunk(_), Some((level, title))) = (what, &chunk.outline) {
                outline.push(OutlineEntry {
                    level: *level,
                    title: title.clone(),
                    page: p,
                    y: *y,
                });
            }
            match (what, &chunk.row) {
                (Placed::Chunk(_), Some((row, cells))) => {
                    if pending_row != Some(*row) {
                        flush_row(&mut page.items, &mut row_items);
                        pending_row = Some(*row);
                    }
                    row_items.extend(
                        cells
                            .iter()
                            .copied()
                            .zip(chunk.items.iter().map(|i| shift(i, *y))),
                    );
                }
                _ => {
                    flush_row(&mut page.items, &mut row_items);
                    pending_row = None;
                    page.items.extend(chunk.items.iter().map(|i| {
                        let mut item = shift(i, *y);
                        if repeated {
                            item.set_mark(Mark::Artifact);
                        }
                        item
                    }));
                }
            }
        }
        flush_row(&mut page.items, &mut row_items);
        // Fills first so they never cover text.
        page.items.sort_by_key(|i| !matches!(i, Item::Fill { .. }));
        page.furniture = page.items.len();
        let furniture = furniture_items(&mut ctx, furniture, setup, p + 1, total);
        page.items.extend(furniture);
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
            structure: ctx.structure,
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
    let cache = HyphenCache::default();
    let (first, entries) = pass(blocks, furniture, lang, fonts, setup, None, &cache);
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
        &cache,
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
        &cache,
    )
    .0
}

#[cfg(test)]
mod tests {
    use super::Color;

    /// WCAG 2 relative luminance of an sRGB colour.
    fn luminance(c: Color) -> f32 {
        let lin = |v: f32| {
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    fn contrast(a: Color, b: Color) -> f32 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn link_colour_contrast() {
        // Against the body text (a link among words) and against the page.
        assert!(contrast(Color::LINK, Color::TEXT) >= 3.0);
        assert!(contrast(Color::LINK, Color(1.0, 1.0, 1.0)) >= 4.5);
        assert!(contrast(Color::TEXT, Color(1.0, 1.0, 1.0)) >= 7.0);
    }
}
