//! The structured readers' common output (headings, paragraphs of styled runs, list items,
//! tables) and the warnings about what they could not carry over.
//!
//! DOCX, ODT and HTML all produce a [`Flowed`]; `lower::to_blocks` turns it into the
//! blocks the heading matcher and builder take, escaping text so that no character of the
//! source turns into Markdown markup (the model keeps section bodies as Markdown): what
//! the source says is what the section shows.

use crate::i18n::i18n;
use crate::model::Lang;

/// A piece of text with one style.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    /// The text; `'\n'` is a line break inside the paragraph.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Code (monospace).
    pub code: bool,
    /// The link target when the run is a hyperlink.
    pub link: Option<String>,
}

impl Run {
    /// A plain run.
    pub fn plain(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }

    pub(super) fn same_style(&self, other: &Run) -> bool {
        self.bold == other.bold
            && self.italic == other.italic
            && self.code == other.code
            && self.link == other.link
    }
}

/// One block of a structured document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    /// A heading: level 1 to 6 and its visible text.
    Heading {
        /// 1 to 6.
        level: u8,
        /// The text as shown (a list number included).
        text: String,
    },
    /// A paragraph; `quote` for a block quote.
    Paragraph {
        /// The styled text.
        runs: Vec<Run>,
        /// True inside a block quote.
        quote: bool,
    },
    /// One list item; consecutive items form one list.
    Item {
        /// 0 for the outermost list.
        level: usize,
        /// Numbered rather than bulleted.
        ordered: bool,
        /// The item's text.
        runs: Vec<Run>,
    },
    /// A table: rows of cells, each cell its text (merged cells repeated or left empty by
    /// the reader, nested tables flattened into the cell's text).
    Table(Vec<Vec<Vec<Run>>>),
    /// Preformatted text, kept as is.
    Code(String),
}

/// Where an image sat in the source: a document without layout has no page numbers, so
/// the heading above it and the paragraph below that heading are what a user can find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageSpot {
    /// The nearest heading above the image, `None` before the first heading.
    pub heading: Option<String>,
    /// The block under that heading holding the image, counting from 1 (paragraphs, list
    /// items, tables); 0 when the image is in the heading itself.
    pub paragraph: usize,
}

/// How many image spots a warning names before "and N more" (it stays one line).
const SPOTS_NAMED: usize = 5;

/// Where each image sat, from the block index each was found at (`at`, ascending: the
/// readers record `blocks.len()` while the image's block is still being read).
pub fn image_spots(blocks: &[Flow], at: &[usize]) -> Vec<ImageSpot> {
    let mut spots = Vec::with_capacity(at.len());
    let mut heading: Option<&str> = None;
    let mut paragraph = 0;
    let mut next = 0;
    for &i in at {
        // Walk on to the image's block (included): the blocks are visited once in all.
        while next <= i {
            match blocks.get(next) {
                Some(Flow::Heading { text, .. }) => {
                    heading = Some(text);
                    paragraph = 0;
                }
                // The image ends a block that was never pushed (an image-only paragraph).
                Some(_) | None => paragraph += 1,
            }
            next += 1;
        }
        spots.push(ImageSpot {
            heading: heading.map(clean_heading),
            paragraph,
        });
    }
    spots
}

/// Something the reader could not carry over, or changed, told to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportWarning {
    /// Images, charts or shapes without text that were not imported, each with where it
    /// sat, so the user can find it in the source and add it by hand.
    Images(Vec<ImageSpot>),
    /// The file had tracked changes; it was read with all changes accepted.
    TrackedChanges,
    /// Comments whose text was kept as paragraphs.
    Comments(usize),
    /// Footnotes or endnotes whose text was kept after the paragraph referring to them.
    Notes(usize),
    /// The HTML was not valid in its declared encoding: bytes replaced.
    InvalidEncoding(String),
    /// Nested tables flattened into their cell's text.
    NestedTables(usize),
}

impl ImportWarning {
    /// The warning as one line in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let i = i18n();
        match self {
            ImportWarning::Images(spots) => {
                let mut places: Vec<String> = spots
                    .iter()
                    .take(SPOTS_NAMED)
                    .map(|s| {
                        let n = (s.paragraph as f64).into();
                        match &s.heading {
                            Some(h) => i.tr_args(
                                lang,
                                "import-image-under",
                                &[("heading", h.clone().into()), ("paragraph", n)],
                            ),
                            None => i.tr_args(lang, "import-image-top", &[("paragraph", n)]),
                        }
                    })
                    .collect();
                if spots.len() > SPOTS_NAMED {
                    places.push(i.tr_args(
                        lang,
                        "import-image-more",
                        &[("count", ((spots.len() - SPOTS_NAMED) as f64).into())],
                    ));
                }
                i.tr_args(
                    lang,
                    "import-warn-images",
                    &[
                        ("count", (spots.len() as f64).into()),
                        ("where", places.join("; ").into()),
                    ],
                )
            }
            ImportWarning::TrackedChanges => i.tr(lang, "import-warn-tracked"),
            ImportWarning::Comments(n) => i.tr_args(
                lang,
                "import-warn-comments",
                &[("count", (*n as f64).into())],
            ),
            ImportWarning::Notes(n) => {
                i.tr_args(lang, "import-warn-notes", &[("count", (*n as f64).into())])
            }
            ImportWarning::InvalidEncoding(charset) => i.tr_args(
                lang,
                "import-warn-encoding",
                &[("charset", charset.clone().into())],
            ),
            ImportWarning::NestedTables(n) => {
                i.tr_args(lang, "import-warn-nested", &[("count", (*n as f64).into())])
            }
        }
    }
}

/// What a reader counted that it could not carry over as is.
#[derive(Debug, Default, Clone)]
pub struct Losses {
    /// Images, charts, shapes without text: the block index each was found at.
    pub images: Vec<usize>,
    /// Tracked changes were present.
    pub tracked: bool,
    /// Comments kept as quotes.
    pub comments: usize,
    /// Footnotes and endnotes kept as paragraphs.
    pub notes: usize,
    /// Nested tables flattened.
    pub nested_tables: usize,
}

impl Losses {
    /// One warning per kind of loss that occurred; `blocks` places the images.
    pub fn warnings(&self, blocks: &[Flow]) -> Vec<ImportWarning> {
        let mut w = Vec::new();
        if self.tracked {
            w.push(ImportWarning::TrackedChanges);
        }
        if !self.images.is_empty() {
            w.push(ImportWarning::Images(image_spots(blocks, &self.images)));
        }
        for (n, make) in [
            (
                self.comments,
                ImportWarning::Comments as fn(usize) -> ImportWarning,
            ),
            (self.notes, ImportWarning::Notes),
            (self.nested_tables, ImportWarning::NestedTables),
        ] {
            if n > 0 {
                w.push(make(n));
            }
        }
        w
    }
}

/// Appends a block's text to a table cell (a paragraph, list or text box inside a cell, or
/// a nested table): one line, separated from what the cell already holds.
pub fn append_to_cell(cell: &mut Vec<Run>, flow: Flow) {
    let runs = match flow {
        Flow::Heading { text, .. } | Flow::Code(text) => vec![Run::plain(text)],
        Flow::Paragraph { runs, .. } | Flow::Item { runs, .. } => runs,
        Flow::Table(rows) => rows.into_iter().flatten().flatten().collect(),
    };
    if runs.iter().all(|r| r.text.trim().is_empty()) {
        return;
    }
    if !cell.is_empty() {
        cell.push(Run::plain(" "));
    }
    cell.extend(runs.into_iter().map(|mut r| {
        r.text = r.text.replace('\n', " ");
        r
    }));
}

/// A table being read by a zip reader (DOCX, ODT): its rows, the open cell and its span.
#[derive(Debug, Default)]
pub struct OpenTable {
    /// Rows of cells so far.
    pub rows: Vec<Vec<Vec<Run>>>,
    /// The cell being read.
    pub cell: Option<Vec<Run>>,
    /// How many grid columns the open cell spans.
    pub span: usize,
}

impl OpenTable {
    /// Closes the open cell; a span adds empty cells so the later columns stay in place.
    pub fn end_cell(&mut self) {
        if let Some(cell) = self.cell.take()
            && let Some(row) = self.rows.last_mut()
        {
            row.push(cell);
            for _ in 1..self.span {
                row.push(Vec::new());
            }
        }
    }
}

/// Closes the innermost of `tables`: a nested table becomes text in the outer table's open
/// cell (`None`), the outermost returns its rows without the empty ones.
pub fn close_table(tables: &mut Vec<OpenTable>) -> Option<Vec<Vec<Vec<Run>>>> {
    let table = tables.pop()?;
    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
        Some(cell) => {
            for c in table.rows.into_iter().flatten() {
                append_to_cell(
                    cell,
                    Flow::Paragraph {
                        runs: c,
                        quote: false,
                    },
                );
            }
            None
        }
        None => Some(
            table
                .rows
                .into_iter()
                .filter(|r| r.iter().any(|c| !c.is_empty()))
                .collect(),
        ),
    }
}

/// Collapses runs of white space (XML or HTML layout) into one space, as ODF and HTML do.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\n' | '\r' | '\t' | '\u{c}') {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// What a structured reader produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flowed {
    /// The body in reading order.
    pub blocks: Vec<Flow>,
    /// The title from the file's properties (DOCX `core.xml`, ODT `meta.xml`, HTML
    /// `<title>`), used when the body has none.
    pub title: Option<String>,
    /// The organisation from a header or footer line, when one was found there.
    pub organisation: Option<String>,
    /// The author from the file's properties.
    pub author: Option<String>,
    /// The last-modified date from the file's properties.
    pub modified: Option<time::Date>,
    /// What was not carried over.
    pub warnings: Vec<ImportWarning>,
}

impl Flowed {
    /// The visible text, one line per block (for language detection and word counts).
    pub fn plain_text(&self) -> String {
        let mut s = String::new();
        for b in &self.blocks {
            match b {
                Flow::Heading { text, .. } | Flow::Code(text) => s.push_str(text),
                Flow::Paragraph { runs, .. } | Flow::Item { runs, .. } => {
                    runs.iter().for_each(|r| s.push_str(&r.text))
                }
                Flow::Table(rows) => rows
                    .iter()
                    .flatten()
                    .flatten()
                    .for_each(|r| s.push_str(&r.text)),
            }
            s.push('\n');
        }
        s
    }
}

/// A list number as letters: a … z, aa … zz (Word's and LibreOffice's scheme).
pub fn letters(n: u32) -> String {
    let n = n.max(1) - 1;
    let letter = char::from(b'a' + (n % 26) as u8);
    std::iter::repeat_n(letter, (n / 26 + 1) as usize).collect()
}

/// A list number in upper-case Roman numerals (decimal outside 1 to 3999).
pub fn roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    let mut s = String::new();
    for &(v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Characters that show nothing: removed from headings before matching.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}' | '\u{202a}'..='\u{202e}'
    )
}

/// Heading text: invisible characters removed, white space collapsed.
pub fn clean_heading(text: &str) -> String {
    let visible: String = text
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}
