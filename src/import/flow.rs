//! The structured readers' common output (headings, paragraphs of styled runs, list items,
//! tables) and its one lowering into the blocks the heading matcher and builder take.
//!
//! DOCX, ODT and HTML all produce a [`Flowed`]; [`to_blocks`] turns it into
//! [`Block`]s, escaping text so that no character of the source turns into Markdown markup
//! (the model keeps section bodies as Markdown): what the source says is what the section
//! shows.

use super::blocks::Block;
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

    fn same_style(&self, other: &Run) -> bool {
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

/// Lowers a structured document into the Markdown pipeline's blocks.
pub fn to_blocks(flow: &[Flow]) -> Vec<Block> {
    let mut out = Vec::with_capacity(flow.len());
    let mut i = 0;
    while i < flow.len() {
        match &flow[i] {
            Flow::Heading { level, text } => {
                let text = clean_heading(text);
                if !text.is_empty() {
                    out.push(Block::Heading {
                        level: (*level).clamp(1, 6),
                        text,
                    });
                }
            }
            Flow::Paragraph { runs, quote } => {
                if let Some(block) = paragraph(runs, *quote) {
                    out.push(block);
                }
            }
            Flow::Item { .. } => {
                let start = i;
                while matches!(flow.get(i + 1), Some(Flow::Item { .. })) {
                    i += 1;
                }
                let md = list_markdown(&flow[start..=i]);
                if !md.is_empty() {
                    out.push(Block::Content {
                        markdown: md.clone(),
                        list_source: Some(md),
                    });
                }
            }
            Flow::Table(rows) => {
                let md = table_markdown(rows);
                if !md.is_empty() {
                    out.push(Block::Content {
                        markdown: md,
                        list_source: None,
                    });
                }
            }
            Flow::Code(text) => {
                if !text.trim().is_empty() {
                    let fence = "`".repeat(longest_backtick_run(text).max(2) + 1);
                    out.push(Block::Content {
                        markdown: format!("{fence}\n{}\n{fence}", text.trim_end_matches('\n')),
                        list_source: None,
                    });
                }
            }
        }
        i += 1;
    }
    out
}

fn longest_backtick_run(text: &str) -> usize {
    let (mut best, mut now) = (0, 0);
    for c in text.chars() {
        if c == '`' {
            now += 1;
            best = best.max(now);
        } else {
            now = 0;
        }
    }
    best
}

fn visible(runs: &[Run]) -> String {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn all_bold(runs: &[Run]) -> bool {
    runs.iter().any(|r| !r.text.trim().is_empty())
        && runs
            .iter()
            .all(|r| r.text.trim().is_empty() || (r.bold && r.link.is_none()))
}

fn paragraph(runs: &[Run], quote: bool) -> Option<Block> {
    let markdown = inline_markdown(runs);
    if markdown.trim().is_empty() {
        return None;
    }
    if quote {
        let quoted: Vec<String> = markdown.lines().map(|l| format!("> {l}")).collect();
        return Some(Block::Content {
            markdown: quoted.join("\n"),
            list_source: None,
        });
    }
    // A bold first line (the whole paragraph, or up to a line break) may be a heading, as
    // the Markdown reader treats "**3.1 Zutrittskontrolle**".
    let first_break = runs.iter().position(|r| r.text.contains('\n'));
    let (head, rest): (Vec<Run>, Vec<Run>) = match first_break {
        None => (runs.to_vec(), Vec::new()),
        Some(at) => {
            let mut head = runs[..at].to_vec();
            let mut rest = Vec::new();
            let (before, after) = runs[at].text.split_once('\n').unwrap_or_default();
            head.push(Run {
                text: before.to_owned(),
                ..runs[at].clone()
            });
            rest.push(Run {
                text: after.to_owned(),
                ..runs[at].clone()
            });
            rest.extend_from_slice(&runs[at + 1..]);
            (head, rest)
        }
    };
    if all_bold(&head) {
        let rest_md = inline_markdown(&rest);
        return Some(Block::Bold {
            text: visible(&head),
            whole: markdown,
            rest: (!rest_md.trim().is_empty()).then_some(rest_md),
        });
    }
    Some(Block::Content {
        markdown,
        list_source: None,
    })
}

fn list_markdown(items: &[Flow]) -> String {
    let mut out = String::new();
    // Indentation of each open level: the width of its parent's marker.
    let mut indents: Vec<usize> = Vec::new();
    let mut markers: Vec<usize> = Vec::new();
    for item in items {
        let Flow::Item {
            level,
            ordered,
            runs,
        } = item
        else {
            continue;
        };
        let text = inline_markdown(runs);
        let text = text.replace('\n', " ");
        if text.trim().is_empty() {
            continue;
        }
        let level = (*level).min(markers.len());
        indents.truncate(level + 1);
        markers.truncate(level);
        let indent = if level == 0 {
            0
        } else {
            indents[level - 1] + markers[level - 1]
        };
        if indents.len() == level {
            indents.push(indent);
        } else {
            indents[level] = indent;
        }
        let marker = if *ordered { "1. " } else { "- " };
        markers.push(marker.len());
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&" ".repeat(indent));
        out.push_str(marker);
        out.push_str(text.trim());
    }
    out
}

fn table_markdown(rows: &[Vec<Vec<Run>>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| inline_markdown(c).replace("\\\n", " ").replace('\n', " "))
                .collect()
        })
        .filter(|r: &Vec<String>| !r.is_empty())
        .collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 || rows.iter().flatten().all(|c| c.trim().is_empty()) {
        return String::new();
    }
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        out.push('|');
        for c in 0..width {
            out.push(' ');
            out.push_str(row.get(c).map_or("", |s| s.trim()));
            out.push_str(" |");
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            out.push_str(&" --- |".repeat(width));
            out.push('\n');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Runs as inline Markdown: adjacent runs of one style merged, emphasis marks touching
/// the text, every character that would be markup escaped, line breaks as hard breaks.
pub fn inline_markdown(runs: &[Run]) -> String {
    let runs = typeset(runs);
    let mut groups: Vec<Run> = Vec::new();
    for r in &runs {
        if r.text.is_empty() {
            continue;
        }
        match groups.last_mut() {
            Some(last) if last.same_style(r) => last.text.push_str(&r.text),
            _ => groups.push(r.clone()),
        }
    }
    let mut out = String::new();
    for g in &groups {
        let pieces: Vec<&str> = g.text.split('\n').collect();
        for (k, piece) in pieces.iter().enumerate() {
            if k > 0 {
                out.truncate(out.trim_end_matches([' ', '\t']).len());
                out.push_str("\\\n");
            }
            styled(&mut out, piece, g);
        }
    }
    let out = out.trim_matches(|c: char| c.is_whitespace() && c != '\u{a0}');
    // Line starts must not read as block markup.
    let mut fixed = String::with_capacity(out.len() + 8);
    for (k, line) in out.split('\n').enumerate() {
        if k > 0 {
            fixed.push('\n');
        }
        escape_line_start(&mut fixed, line.trim_start_matches([' ', '\t']));
    }
    fixed.truncate(fixed.trim_end_matches("\\").len());
    fixed
}

/// Word processors keep every space typed (`xml:space="preserve"`): runs of spaces in
/// prose become one, also across runs, and the space after "§", "§§", "Art." and "Abs."
/// before a number becomes a non-breaking one, so "§ 64" never breaks across lines in the
/// export (issue 18, class 10). Code keeps its spaces.
fn typeset(runs: &[Run]) -> Vec<Run> {
    let mut out = Vec::with_capacity(runs.len());
    let mut after_space = false;
    for r in runs {
        if r.code {
            after_space = false;
            out.push(r.clone());
            continue;
        }
        let mut text = String::with_capacity(r.text.len());
        for c in r.text.chars() {
            if c == ' ' && after_space {
                continue;
            }
            after_space = c == ' ';
            text.push(c);
        }
        out.push(Run {
            text: bind_numbers(&text),
            ..r.clone()
        });
    }
    out
}

/// Replaces the space in "§ 64", "§§ 3", "Art. 32", "Abs. 1" with a non-breaking space.
fn bind_numbers(text: &str) -> String {
    const MARKS: [&str; 4] = ["§§", "§", "Art.", "Abs."];
    if !text.contains(['§', '.']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((i, c)) = rest.char_indices().find(|&(_, c)| c == ' ') {
        let before = &rest[..i];
        let after = &rest[i + c.len_utf8()..];
        let whole = &text[..text.len() - rest.len() + i];
        // The mark must be a word of its own ("Art." but not "Bart."): what precedes it
        // in the whole text is not a letter.
        let bound = MARKS.iter().any(|m| {
            whole.ends_with(m)
                && !whole[..whole.len() - m.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        }) && after.starts_with(|d: char| d.is_ascii_digit());
        out.push_str(before);
        out.push(if bound { '\u{a0}' } else { ' ' });
        rest = after;
    }
    out.push_str(rest);
    out
}

fn styled(out: &mut String, text: &str, run: &Run) {
    if text.trim().is_empty() {
        out.push_str(text);
        return;
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    let inner = text.trim();
    out.push_str(lead);
    let marks = match (run.bold, run.italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => "",
    };
    let body = if run.code {
        let ticks = "`".repeat(longest_backtick_run(inner) + 1);
        let pad = if inner.starts_with('`') || inner.ends_with('`') {
            " "
        } else {
            ""
        };
        format!("{ticks}{pad}{inner}{pad}{ticks}")
    } else {
        escape_inline(inner)
    };
    let body = format!("{marks}{body}{marks}");
    match &run.link {
        Some(url) if !url.trim().is_empty() => {
            let url = url.trim();
            let target = if url.contains([' ', '(', ')', '<', '>']) {
                format!("<{}>", url.replace(['<', '>'], ""))
            } else {
                url.to_owned()
            };
            out.push_str(&format!("[{body}]({target})"));
        }
        _ => out.push_str(&body),
    }
    out.push_str(trail);
}

/// Escapes inline markup characters of plain text.
pub fn escape_inline(text: &str) -> String {
    // Every markup character is ASCII, so the text is walked as bytes and copied in
    // slices between escapes: this runs over every word of a structured import.
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 4);
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied();
        let escape = match b {
            b'\\' | b'*' | b'_' | b'[' | b']' | b'`' | b'~' | b'|' => true,
            // An entity or a tag only when it could start one.
            b'&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == b'#'),
            b'<' => {
                next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, b'/' | b'!' | b'?'))
            }
            _ => false,
        };
        if escape {
            out.push_str(&text[start..i]);
            out.push('\\');
            start = i;
        }
    }
    out.push_str(&text[start..]);
    out
}

fn escape_line_start(out: &mut String, line: &str) {
    if line.starts_with(['#', '>', '-', '+', '=']) {
        out.push('\\');
        out.push_str(line);
        return;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..10).contains(&digits) && line[digits..].starts_with(['.', ')']) {
        out.push_str(&line[..digits]);
        out.push('\\');
        out.push_str(&line[digits..]);
        return;
    }
    out.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(md: &str) -> String {
        pulldown_cmark::Parser::new_ext(md, super::super::blocks::options())
            .filter_map(|e| match e {
                pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => {
                    Some(t.into_string())
                }
                pulldown_cmark::Event::HardBreak | pulldown_cmark::Event::SoftBreak => {
                    Some("\n".into())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn markup_characters_in_text_stay_text() {
        for text in [
            "1. Passwortrichtlinie",
            "# keine Überschrift",
            "- kein Punkt",
            "a *b* _c_ [d](e) <f> &amp; `g` ~h~ | i \\ j",
            "> kein Zitat",
            "===",
            "12) Schulung",
        ] {
            let md = inline_markdown(&[Run::plain(text)]);
            assert_eq!(rendered(&md), text, "{md}");
        }
    }

    #[test]
    fn styles_merge_and_marks_touch_the_text() {
        let runs = [
            Run {
                text: "Fett ".into(),
                bold: true,
                ..Run::default()
            },
            Run {
                text: "auch".into(),
                bold: true,
                ..Run::default()
            },
            Run::plain(" und "),
            Run {
                text: " kursiv ".into(),
                italic: true,
                ..Run::default()
            },
            Run {
                text: "Link".into(),
                link: Some("https://example.org/a b".into()),
                ..Run::default()
            },
        ];
        assert_eq!(
            inline_markdown(&runs),
            // The two spaces of " und " and " kursiv " are one (typeset).
            "**Fett auch** und *kursiv* [Link](<https://example.org/a b>)"
        );
    }

    #[test]
    fn line_breaks_are_hard_breaks_and_bold_first_lines_heading_candidates() {
        let runs = [
            Run {
                text: "3.1 Zutrittskontrolle".into(),
                bold: true,
                ..Run::default()
            },
            Run::plain("\n- Der Zutritt ist geregelt."),
        ];
        let Some(Block::Bold { text, rest, .. }) = paragraph(&runs, false) else {
            panic!("not a bold candidate");
        };
        assert_eq!(text, "3.1 Zutrittskontrolle");
        assert_eq!(rest.as_deref(), Some("\\- Der Zutritt ist geregelt."));
        let md = inline_markdown(&[Run::plain("eins\nzwei")]);
        assert_eq!(md, "eins\\\nzwei");
        assert_eq!(rendered(&md), "eins\nzwei");
    }

    #[test]
    fn nested_lists_indent_under_their_marker() {
        let item = |level, ordered, t: &str| Flow::Item {
            level,
            ordered,
            runs: vec![Run::plain(t)],
        };
        let md = list_markdown(&[
            item(0, true, "eins"),
            item(1, false, "a"),
            item(2, false, "b"),
            item(0, true, "zwei"),
            item(3, false, "tief"),
        ]);
        assert_eq!(md, "1. eins\n   - a\n     - b\n1. zwei\n   - tief");
    }

    #[test]
    fn headings_lose_invisible_characters() {
        assert_eq!(
            clean_heading("\u{200b}3.1\u{a0}Zutritts\u{ad}kontrolle\u{feff} "),
            "3.1 Zutrittskontrolle"
        );
    }

    #[test]
    fn tables_keep_every_cell() {
        let cell = |t: &str| vec![Run::plain(t)];
        let md = table_markdown(&[
            vec![cell("Maßnahme"), cell("Status")],
            vec![cell("a|b"), cell("umgesetzt"), cell("extra")],
        ]);
        assert_eq!(
            md,
            "| Maßnahme | Status |  |\n| --- | --- | --- |\n| a\\|b | umgesetzt | extra |"
        );
    }

    #[test]
    fn image_warnings_name_heading_and_paragraph() {
        let para = || Flow::Paragraph {
            runs: vec![Run::plain("Text")],
            quote: false,
        };
        let heading = |t: &str| Flow::Heading {
            level: 2,
            text: t.into(),
        };
        let blocks = vec![
            para(),
            heading("\u{200b}3.1 Zutrittskontrolle"),
            para(),
            para(),
            heading("3.2 Zugangskontrolle"),
        ];
        // Before the first heading, in the second paragraph under 3.1, in the heading 3.2,
        // and after the last block (an image-only paragraph at the end).
        let spots = image_spots(&blocks, &[0, 3, 4, 5]);
        let found: Vec<_> = spots
            .iter()
            .map(|s| (s.heading.as_deref(), s.paragraph))
            .collect();
        assert_eq!(
            found,
            [
                (None, 1),
                (Some("3.1 Zutrittskontrolle"), 2),
                (Some("3.2 Zugangskontrolle"), 0),
                (Some("3.2 Zugangskontrolle"), 1),
            ]
        );
        let de = ImportWarning::Images(spots.clone()).message(Lang::De);
        assert!(de.starts_with("4 Bilder"), "{de}");
        assert!(
            de.contains("unter „3.1 Zutrittskontrolle“, Absatz 2"),
            "{de}"
        );
        assert!(
            de.contains("in der Überschrift „3.2 Zugangskontrolle“"),
            "{de}"
        );
        assert!(de.contains("vor der ersten Überschrift, Absatz 1"), "{de}");
        let en = ImportWarning::Images(spots.clone()).message(Lang::En);
        assert!(en.starts_with("4 images"), "{en}");
        assert!(
            en.contains("under “3.1 Zutrittskontrolle”, paragraph 2"),
            "{en}"
        );
        // Many images: five named, the rest counted, still one line.
        let many = ImportWarning::Images(vec![spots[1].clone(); 8]).message(Lang::En);
        assert!(
            many.contains("and 3 more") && !many.contains('\n'),
            "{many}"
        );
        assert_eq!(many.matches("paragraph 2").count(), 5, "{many}");
    }

    #[test]
    fn paragraph_references_keep_their_number_and_double_spaces_collapse() {
        let md = inline_markdown(&[Run::plain(
            "Nach  Art. 32 DSGVO und §  64 Abs. 3 BDSG,   §§ 3 ff.; Bart. 5 bleibt.",
        )]);
        assert_eq!(
            md,
            "Nach Art.\u{a0}32 DSGVO und §\u{a0}64 Abs.\u{a0}3 BDSG, §§\u{a0}3 ff.; Bart. 5 bleibt."
        );
        let md = inline_markdown(&[Run::plain(
            "Under  Art. 32 GDPR  and Art. 28(3) lit. c, see Art. and more.",
        )]);
        assert_eq!(
            md,
            "Under Art.\u{a0}32 GDPR and Art.\u{a0}28(3) lit. c, see Art. and more."
        );
        // Across runs of different style, and code keeps its spaces.
        let bold = Run {
            bold: true,
            ..Run::plain(" fett")
        };
        let code = Run {
            code: true,
            ..Run::plain("a  b")
        };
        assert_eq!(
            inline_markdown(&[Run::plain("eins "), bold, Run::plain(" "), code]),
            "eins **fett** `a  b`"
        );
    }
}
