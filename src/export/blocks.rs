//! A document-independent block model (headings, paragraphs, lists, tables) and its builders.
//!
//! The layout engine only knows these blocks, so anything that can be expressed as blocks
//! (the TOM, a change report) can be typeset with the same engine.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use time::Date;

use super::{ExportOptions, MeasureLayout, Release};
use crate::i18n::{format_date, i18n};
use crate::model::{Document, Lang, MeasureKind, MeasureStatus, Section, format_number};
use crate::store::Version;

/// A marked-up span, e.g. in a change report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Highlight {
    /// Text that was added (drawn on a green background).
    Inserted,
    /// Text that was removed (drawn on a red background).
    Deleted,
}

/// How a run of text looks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InlineStyle {
    /// Bold face.
    pub bold: bool,
    /// Italic face.
    pub italic: bool,
    /// Struck through.
    pub strike: bool,
    /// Background highlight.
    pub highlight: Option<Highlight>,
    /// A link target; only http, https and mailto are ever set.
    pub link: Option<String>,
    /// Code (a Markdown code span): set in the monospaced face.
    pub code: bool,
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    /// The text; `'\n'` is a forced line break.
    pub text: String,
    /// Its style.
    pub style: InlineStyle,
}

impl Inline {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: InlineStyle::default(),
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: InlineStyle {
                bold: true,
                ..InlineStyle::default()
            },
        }
    }

    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: InlineStyle {
                italic: true,
                ..InlineStyle::default()
            },
        }
    }

    /// Text with a highlight (inserted or deleted), deleted text also struck through.
    pub fn highlighted(text: impl Into<String>, highlight: Highlight) -> Self {
        Self {
            text: text.into(),
            style: InlineStyle {
                strike: highlight == Highlight::Deleted,
                highlight: Some(highlight),
                ..InlineStyle::default()
            },
        }
    }
}

/// One table row: one list of inlines per cell.
pub type Row = Vec<Vec<Inline>>;

/// A block of the flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document title (largest type).
    Title(String),
    /// A heading. `number` is printed before the text ("3.1."); `outline` puts it into the
    /// bookmarks and the table of contents.
    Heading {
        /// 1 for top-level sections, 2 for subsections, deeper for headings inside text.
        level: u8,
        /// The printed number, e.g. "3.1." (may be empty).
        number: String,
        /// The heading text.
        text: String,
        /// Whether it gets a bookmark and a TOC line.
        outline: bool,
    },
    /// A body paragraph (justified).
    Paragraph(Vec<Inline>),
    /// A code block: set line by line as written (spaces kept, no justification or
    /// hyphenation) in the monospaced face.
    Code(String),
    /// A block quote: its blocks indented, with a rule down the left side.
    Quote(Vec<Block>),
    /// Smaller, ragged text (title-block lines, notes).
    Small(Vec<Inline>),
    /// A bullet or numbered list; each item is a list of blocks (lists nest).
    List {
        /// Numbered (true) or bulleted.
        ordered: bool,
        /// The first number of a numbered list.
        start: u64,
        /// The items.
        items: Vec<Vec<Block>>,
    },
    /// A table with a header row that repeats after page breaks.
    Table {
        /// The header cells (may be empty: no header).
        header: Row,
        /// The body rows.
        rows: Vec<Row>,
    },
    /// A table of contents of all outline headings, with page numbers.
    Toc {
        /// Its heading.
        title: String,
    },
    /// Vertical space in points.
    Spacer(f32),
    /// A thin horizontal rule across the text width.
    Rule,
}

/// True for the link schemes that become clickable (everything else stays plain text).
pub fn is_clickable_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")
}

enum Container {
    Root(Vec<Block>),
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    Quote(Vec<Block>),
    Table {
        header: Row,
        rows: Vec<Row>,
        row: Row,
        in_head: bool,
    },
}

struct MdBuilder {
    stack: Vec<Container>,
    inlines: Vec<Inline>,
    /// Whether inline text is being collected (paragraph, heading, cell or tight item).
    collecting: bool,
    heading: Option<u8>,
    bold: u32,
    italic: u32,
    strike: u32,
    links: Vec<Option<String>>,
    heading_base: u8,
    /// Lists (and their items) opened deeper than [`MAX_NESTING`], not pushed: their
    /// content continues at the deepest level (issue 19.4).
    flattened: usize,
    /// Block quotes opened deeper than [`MAX_NESTING`] (as `flattened` for lists).
    quotes_flattened: usize,
    /// The text of the code block being read (its text events are kept verbatim).
    code_block: Option<String>,
    /// True while a code span's text is pushed.
    code_span: bool,
}

/// The deepest list or quote nesting kept in blocks, layout and the editor's preview;
/// deeper levels are flattened to this depth (15,000 levels overflowed the stack). No
/// real TOM nests lists more than a few levels.
pub const MAX_NESTING: usize = 16;

/// How deeply lists and block quotes nest in `markdown` (linear time, no recursion).
pub fn nesting_depth(markdown: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    deepest
}

impl MdBuilder {
    fn style(&self) -> InlineStyle {
        InlineStyle {
            bold: self.bold > 0 || self.heading.is_some(),
            italic: self.italic > 0,
            strike: self.strike > 0,
            highlight: None,
            link: self.links.iter().rev().find_map(|l| l.clone()),
            code: self.code_span,
        }
    }

    fn push_text(&mut self, text: &str) {
        if !self.collecting {
            self.collecting = true;
        }
        let style = self.style();
        match self.inlines.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => self.inlines.push(Inline {
                text: text.to_owned(),
                style,
            }),
        }
    }

    fn push_block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Container::Root(v) | Container::Item(v) | Container::Quote(v)) => v.push(block),
            // A block directly in a list or table cannot happen with pulldown-cmark; keep
            // the content anyway by wrapping it in an item.
            Some(Container::List { items, .. }) => items.push(vec![block]),
            Some(Container::Table { .. }) | None => {}
        }
    }

    /// Ends the paragraph being collected (if any) and adds it as a block.
    fn flush(&mut self) {
        if !self.collecting {
            return;
        }
        self.collecting = false;
        let mut inlines = std::mem::take(&mut self.inlines);
        trim_inlines(&mut inlines);
        if inlines.is_empty() {
            return;
        }
        if let Some(level) = self.heading {
            let text: String = inlines.iter().map(|i| i.text.as_str()).collect();
            self.push_block(Block::Heading {
                level: self.heading_base.saturating_add(level),
                number: String::new(),
                text,
                outline: false,
            });
        } else {
            self.push_block(Block::Paragraph(super::blocks_autolink::autolink(inlines)));
        }
    }
}

fn trim_inlines(inlines: &mut Vec<Inline>) {
    if let Some(first) = inlines.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = inlines.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    inlines.retain(|i| !i.text.is_empty());
}

/// Parses Markdown (CommonMark with tables and strike-through) into blocks. Headings in
/// the text become unnumbered headings `heading_base` levels below the top.
pub fn markdown_blocks(markdown: &str, heading_base: u8) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut b = MdBuilder {
        stack: vec![Container::Root(Vec::new())],
        inlines: Vec::new(),
        collecting: false,
        heading: None,
        bold: 0,
        italic: 0,
        strike: 0,
        links: Vec::new(),
        heading_base,
        flattened: 0,
        quotes_flattened: 0,
        code_block: None,
        code_span: false,
    };
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    b.flush();
                    b.collecting = true;
                }
                Tag::Heading { level, .. } => {
                    b.flush();
                    b.heading = Some(level as u8);
                    b.collecting = true;
                }
                Tag::List(_)
                    if b.flattened > 0
                        || b.stack
                            .iter()
                            .filter(|c| matches!(c, Container::List { .. }))
                            .count()
                            >= MAX_NESTING =>
                {
                    b.flush();
                    b.flattened += 1;
                }
                Tag::Item if b.flattened > 0 => b.flush(),
                Tag::List(start) => {
                    b.flush();
                    b.stack.push(Container::List {
                        ordered: start.is_some(),
                        start: start.unwrap_or(1),
                        items: Vec::new(),
                    });
                }
                Tag::Item => {
                    b.flush();
                    b.stack.push(Container::Item(Vec::new()));
                }
                Tag::Table(_) => {
                    b.flush();
                    b.stack.push(Container::Table {
                        header: Vec::new(),
                        rows: Vec::new(),
                        row: Vec::new(),
                        in_head: false,
                    });
                }
                Tag::TableHead => {
                    if let Some(Container::Table { in_head, .. }) = b.stack.last_mut() {
                        *in_head = true;
                    }
                }
                Tag::TableRow => {}
                Tag::TableCell => {
                    b.inlines.clear();
                    b.collecting = true;
                }
                Tag::Emphasis => b.italic += 1,
                Tag::Strong => b.bold += 1,
                Tag::Strikethrough => b.strike += 1,
                Tag::Link { dest_url, .. } => {
                    let url = dest_url.to_string();
                    b.links.push(is_clickable_url(&url).then_some(url));
                }
                Tag::CodeBlock(_) => {
                    b.flush();
                    b.code_block = Some(String::new());
                }
                Tag::BlockQuote(_) => {
                    b.flush();
                    let open = b
                        .stack
                        .iter()
                        .filter(|c| matches!(c, Container::Quote(_)))
                        .count();
                    if b.quotes_flattened > 0 || open >= MAX_NESTING {
                        b.quotes_flattened += 1;
                    } else {
                        b.stack.push(Container::Quote(Vec::new()));
                    }
                }
                Tag::HtmlBlock => {
                    b.flush();
                    b.collecting = true;
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph | TagEnd::HtmlBlock => b.flush(),
                TagEnd::CodeBlock => {
                    if let Some(code) = b.code_block.take() {
                        let code = code.trim_end_matches(['\n', '\r']);
                        if !code.trim().is_empty() {
                            b.push_block(Block::Code(code.to_owned()));
                        }
                    }
                }
                TagEnd::Heading(_) => {
                    b.flush();
                    b.heading = None;
                }
                TagEnd::BlockQuote(_) => {
                    b.flush();
                    if b.quotes_flattened > 0 {
                        b.quotes_flattened -= 1;
                    } else if let Some(Container::Quote(blocks)) = b.stack.pop()
                        && !blocks.is_empty()
                    {
                        b.push_block(Block::Quote(blocks));
                    }
                }
                TagEnd::Item if b.flattened > 0 => b.flush(),
                TagEnd::List(_) if b.flattened > 0 => {
                    b.flush();
                    b.flattened -= 1;
                }
                TagEnd::Item => {
                    b.flush();
                    if let Some(Container::Item(blocks)) = b.stack.pop()
                        && let Some(Container::List { items, .. }) = b.stack.last_mut()
                    {
                        items.push(blocks);
                    }
                }
                TagEnd::List(_) => {
                    b.flush();
                    if let Some(Container::List {
                        ordered,
                        start,
                        items,
                    }) = b.stack.pop()
                    {
                        b.push_block(Block::List {
                            ordered,
                            start,
                            items,
                        });
                    }
                }
                TagEnd::TableCell => {
                    let mut cell = std::mem::take(&mut b.inlines);
                    b.collecting = false;
                    trim_inlines(&mut cell);
                    let cell = super::blocks_autolink::autolink(cell);
                    if let Some(Container::Table { row, .. }) = b.stack.last_mut() {
                        row.push(cell);
                    }
                }
                TagEnd::TableHead => {
                    if let Some(Container::Table {
                        header,
                        row,
                        in_head,
                        ..
                    }) = b.stack.last_mut()
                    {
                        *header = std::mem::take(row);
                        *in_head = false;
                    }
                }
                TagEnd::TableRow => {
                    if let Some(Container::Table {
                        rows, row, in_head, ..
                    }) = b.stack.last_mut()
                        && !*in_head
                    {
                        rows.push(std::mem::take(row));
                    }
                }
                TagEnd::Table => {
                    if let Some(Container::Table { header, rows, .. }) = b.stack.pop() {
                        b.push_block(Block::Table { header, rows });
                    }
                }
                TagEnd::Emphasis => b.italic = b.italic.saturating_sub(1),
                TagEnd::Strong => b.bold = b.bold.saturating_sub(1),
                TagEnd::Strikethrough => b.strike = b.strike.saturating_sub(1),
                TagEnd::Link => {
                    b.links.pop();
                }
                _ => {}
            },
            Event::Text(t) if b.code_block.is_some() => {
                if let Some(code) = b.code_block.as_mut() {
                    code.push_str(&t);
                }
            }
            Event::Code(t) => {
                b.code_span = true;
                b.push_text(&t);
                b.code_span = false;
            }
            Event::Text(t) | Event::InlineMath(t) | Event::DisplayMath(t) => b.push_text(&t),
            // Raw HTML is printed as written: an export must not lose text.
            Event::Html(t) | Event::InlineHtml(t) => b.push_text(&t),
            Event::SoftBreak => b.push_text(" "),
            Event::HardBreak => b.push_text("\n"),
            Event::Rule => {
                b.flush();
                b.push_block(Block::Rule);
            }
            Event::FootnoteReference(t) => b.push_text(&format!("[{t}]")),
            Event::TaskListMarker(done) => b.push_text(if done { "☑ " } else { "☐ " }),
        }
    }
    b.flush();
    // Unclosed containers cannot occur with pulldown-cmark, but fold them up anyway.
    while b.stack.len() > 1 {
        if let Some(c) = b.stack.pop() {
            match c {
                Container::List {
                    ordered,
                    start,
                    items,
                } => b.push_block(Block::List {
                    ordered,
                    start,
                    items,
                }),
                Container::Quote(blocks) => b.push_block(Block::Quote(blocks)),
                Container::Item(blocks) => {
                    for block in blocks {
                        b.push_block(block);
                    }
                }
                Container::Table { header, rows, .. } => {
                    b.push_block(Block::Table { header, rows })
                }
                Container::Root(_) => {}
            }
        }
    }
    match b.stack.pop() {
        Some(Container::Root(blocks)) => blocks,
        _ => Vec::new(),
    }
}

fn tr(lang: Lang, id: &str) -> String {
    i18n().tr(lang, id)
}

fn tr1(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> = args
        .iter()
        .map(|(k, v)| (*k, fluent_bundle::FluentValue::from(v.as_str())))
        .collect();
    i18n().tr_args(lang, id, &args)
}

/// The "Version 2.1 · Stand 01.03.2026" line (or its draft form) for a release.
pub fn version_line(release: &Release, lang: Lang) -> String {
    let date = format_date(release.date, lang);
    match (&release.label, release.draft) {
        (Some(label), false) => tr1(
            lang,
            "export-version-line",
            &[("version", label.clone()), ("date", date)],
        ),
        (Some(label), true) => tr1(
            lang,
            "export-draft-line",
            &[("version", label.clone()), ("date", date)],
        ),
        (None, _) => tr1(lang, "export-draft-line-first", &[("date", date)]),
    }
}

/// The blocks of a whole TOM document: title block, optional table of contents and
/// history, then every visible section with its number, text and measures.
pub fn document_blocks(
    doc: &Document,
    release: &Release,
    history: &[Version],
    options: &ExportOptions,
) -> Vec<Block> {
    let lang = options.lang;
    let mut out = vec![Block::Title(i18n().document_title(doc, lang))];
    let purpose = doc.meta.purpose.get_or_other(lang).trim();
    if !purpose.is_empty() {
        out.push(Block::Small(vec![Inline::italic(purpose)]));
    }
    let org = &doc.meta.organisation;
    let mut org_lines = Vec::new();
    if !org.name.trim().is_empty() {
        org_lines.push(Inline::bold(org.name.trim()));
    }
    let address: Vec<&str> = org
        .address
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if !address.is_empty() {
        let sep = if org_lines.is_empty() { "" } else { "\n" };
        org_lines.push(Inline::plain(format!("{sep}{}", address.join(", "))));
    }
    if !org_lines.is_empty() {
        out.push(Block::Small(org_lines));
    }
    let mut meta = vec![Inline::plain(version_line(release, lang))];
    // The other language only where this one is missing; the export's warnings say so.
    let responsible = doc.meta.responsible.get_or_other(lang).trim();
    if !responsible.is_empty() {
        meta.push(Inline::plain(format!(
            "\n{}",
            tr1(
                lang,
                "export-responsible",
                &[("name", responsible.to_owned())]
            )
        )));
    }
    if !doc.meta.dpo_contact.trim().is_empty() {
        meta.push(Inline::plain(format!(
            "\n{}",
            tr1(
                lang,
                "export-dpo",
                &[("contact", doc.meta.dpo_contact.trim().to_owned())]
            )
        )));
    }
    out.push(Block::Small(meta));
    if let Some((label, date)) = &release.newer {
        // An older version says so where a reader looks first.
        out.push(Block::Small(vec![Inline::bold(tr1(
            lang,
            "report-superseded",
            &[
                ("version", label.clone()),
                ("date", format_date(*date, lang)),
            ],
        ))]));
    }
    out.push(Block::Rule);
    out.extend(markdown_blocks(doc.intro.get_or_other(lang), 2));
    if options.toc {
        out.push(Block::Toc {
            title: tr(lang, "export-toc-title"),
        });
    }
    if options.history && !history.is_empty() {
        out.push(Block::Heading {
            level: 1,
            number: String::new(),
            text: tr(lang, "export-history-title"),
            outline: true,
        });
        let header = [
            "export-history-version",
            "export-history-date",
            "export-history-author",
            "export-history-note",
        ]
        .iter()
        .map(|id| vec![Inline::bold(tr(lang, id))])
        .collect();
        let rows = history
            .iter()
            .map(|v| {
                vec![
                    vec![Inline::plain(v.label.clone())],
                    vec![Inline::plain(format_date(v.date, lang))],
                    vec![Inline::plain(v.author.clone())],
                    vec![Inline::plain(v.note.get_or_other(lang).to_owned())],
                ]
            })
            .collect();
        out.push(Block::Table { header, rows });
    }
    for (number, section) in doc.numbered() {
        out.extend(section_blocks(&number, section, lang, options.measures));
    }
    out
}

/// The blocks of one section (its heading, text and measures; not its children).
pub fn section_blocks(
    number: &[usize],
    section: &Section,
    lang: Lang,
    measures: MeasureLayout,
) -> Vec<Block> {
    let level = u8::try_from(number.len()).unwrap_or(u8::MAX);
    let mut out = vec![Block::Heading {
        level,
        number: format_number(number),
        text: i18n().section_title(section, lang),
        outline: true,
    }];
    out.extend(markdown_blocks(
        section.body.get_or_other(lang),
        level.saturating_add(1),
    ));
    if section.measures.is_empty() {
        // An empty canonical section says so, so a reader cannot take the bare
        // heading for a layout fault (a section whose content is in its
        // subsections is not empty).
        let body_empty = section.body.get_or_other(lang).trim().is_empty();
        let no_visible_children = section.children.iter().all(|c| c.hidden);
        if section.canonical().is_some() && body_empty && no_visible_children {
            out.push(Block::Paragraph(vec![Inline::italic(tr(
                lang,
                "export-section-empty",
            ))]));
        }
        return out;
    }
    let item = |m: &crate::model::Measure| {
        let mut inl = vec![Inline::plain(m.text.get_or_other(lang).trim())];
        if m.status != MeasureStatus::Implemented {
            inl.push(Inline::italic(format!(
                " ({})",
                status_in_sentence(m.status, lang)
            )));
        }
        let note = m.note.get_or_other(lang).trim();
        if !note.is_empty() {
            inl.push(Inline::plain(format!(" – {note}")));
        }
        inl
    };
    let of_kind = |kind: MeasureKind| -> Vec<Vec<Inline>> {
        section
            .measures
            .iter()
            .filter(|m| m.kind == kind)
            .map(item)
            .collect()
    };
    match measures {
        MeasureLayout::List => {
            for kind in [MeasureKind::Technical, MeasureKind::Organisational] {
                let items = of_kind(kind);
                if items.is_empty() {
                    continue;
                }
                // An unnumbered heading, so it is never parted from its list.
                out.push(Block::Heading {
                    level: level.saturating_add(2).max(3),
                    number: String::new(),
                    text: tr(lang, &format!("export-measures-{}", kind.key())),
                    outline: false,
                });
                out.push(Block::List {
                    ordered: false,
                    start: 1,
                    items: items
                        .into_iter()
                        .map(|i| vec![Block::Paragraph(i)])
                        .collect(),
                });
            }
        }
        MeasureLayout::Table => {
            // One table per kind: a technical and an organisational measure are
            // never set side by side as if they belonged together.
            let cells = |kind: MeasureKind| -> Vec<Vec<Vec<Inline>>> {
                section
                    .measures
                    .iter()
                    .filter(|m| m.kind == kind)
                    .map(|m| {
                        let mut text = vec![Inline::plain(m.text.get_or_other(lang).trim())];
                        let note = m.note.get_or_other(lang).trim();
                        if !note.is_empty() {
                            text.push(Inline::plain(format!(" – {note}")));
                        }
                        vec![
                            text,
                            vec![Inline::plain(i18n().status_label(m.status, lang))],
                        ]
                    })
                    .collect()
            };
            for kind in [MeasureKind::Technical, MeasureKind::Organisational] {
                let rows = cells(kind);
                if rows.is_empty() {
                    continue;
                }
                let header = vec![
                    vec![Inline::bold(tr(
                        lang,
                        &format!("export-measures-{}", kind.key()),
                    ))],
                    vec![Inline::bold(tr(lang, "export-measures-status"))],
                ];
                out.push(Block::Table { header, rows });
            }
        }
    }
    out
}

/// A measure status as it reads inside a sentence: "(nicht anwendbar)", not
/// "(Nicht anwendbar)".
fn status_in_sentence(status: MeasureStatus, lang: Lang) -> String {
    let label = i18n().status_label(status, lang);
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => label,
    }
}

/// Today's date formatted for `lang` (used by callers that build blocks themselves).
pub fn date_text(date: Date, lang: Lang) -> String {
    format_date(date, lang)
}

/// All the text of a list of blocks in reading order, for tests and search.
pub fn plain_text(blocks: &[Block]) -> String {
    fn inl(out: &mut String, v: &[Inline]) {
        for i in v {
            out.push_str(&i.text);
        }
        out.push('\n');
    }
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Title(t) => {
                out.push_str(t);
                out.push('\n');
            }
            Block::Heading { number, text, .. } => {
                out.push_str(&format!("{number} {text}\n"));
            }
            Block::Paragraph(v) | Block::Small(v) => inl(&mut out, v),
            Block::Code(code) => {
                out.push_str(code);
                out.push('\n');
            }
            Block::Quote(inner) => out.push_str(&plain_text(inner)),
            Block::List { items, .. } => {
                for item in items {
                    out.push_str(&plain_text(item));
                }
            }
            Block::Table { header, rows } => {
                for row in std::iter::once(header).chain(rows.iter()) {
                    for cell in row {
                        inl(&mut out, cell);
                    }
                }
            }
            Block::Toc { title } => {
                out.push_str(title);
                out.push('\n');
            }
            Block::Spacer(_) | Block::Rule => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LocalText;

    #[test]
    fn markdown_paragraphs_lists_tables_links() {
        let md = "Erster **fetter** und *kursiver* Satz mit [Link](https://example.org) und [Datei](file:///etc/passwd).\n\n- eins\n- zwei\n  1. zwei-a\n  2. zwei-b\n\n| A | B |\n|---|---|\n| 1 | 2 |\n";
        let blocks = markdown_blocks(md, 3);
        assert_eq!(blocks.len(), 3, "{blocks:#?}");
        let Block::Paragraph(p) = &blocks[0] else {
            panic!("not a paragraph")
        };
        assert!(p.iter().any(|i| i.style.bold && i.text == "fetter"));
        assert!(p.iter().any(|i| i.style.italic && i.text == "kursiver"));
        assert!(
            p.iter()
                .any(|i| i.text == "Link" && i.style.link.as_deref() == Some("https://example.org"))
        );
        // Other schemes stay plain text.
        assert!(
            p.iter()
                .any(|i| i.text.contains("Datei") && i.style.link.is_none())
        );
        let Block::List { ordered, items, .. } = &blocks[1] else {
            panic!("not a list")
        };
        assert!(!ordered);
        assert_eq!(items.len(), 2);
        assert!(
            matches!(&items[1][1], Block::List { ordered: true, items, .. } if items.len() == 2)
        );
        let Block::Table { header, rows } = &blocks[2] else {
            panic!("not a table")
        };
        assert_eq!(header.len(), 2);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0][1][0].text, "2");
    }

    #[test]
    fn document_blocks_number_like_the_reference() {
        let file = crate::store::example();
        let options = ExportOptions {
            lang: Lang::De,
            version: None,
            toc: false,
            history: false,
            measures: MeasureLayout::List,
            date: time::macros::date!(2026 - 03 - 05),
        };
        let release = Release {
            label: Some("2.0".into()),
            date: options.date,
            fingerprint: "abc".into(),
            draft: false,
            newer: None,
        };
        let blocks = document_blocks(&file.working, &release, &file.versions, &options);
        let headings: Vec<String> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading {
                    number,
                    text,
                    outline: true,
                    ..
                } => Some(format!("{number} {text}")),
                _ => None,
            })
            .collect();
        assert_eq!(headings[0], "1. Pseudonymisierung");
        assert!(headings.contains(&"3.1. Zutrittskontrolle".to_owned()));
    }

    fn measure(id: &str, kind: MeasureKind, status: MeasureStatus) -> crate::model::Measure {
        crate::model::Measure {
            id: crate::model::MeasureId(id.into()),
            text: LocalText::new(format!("Maßnahme {id}"), format!("Measure {id}")),
            kind,
            status,
            note: LocalText::default(),
        }
    }

    #[test]
    fn measures_table_is_one_table_per_kind_without_empty_cells() {
        let mut section = Section::new("encryption");
        section.measures = vec![
            measure("t1", MeasureKind::Technical, MeasureStatus::Implemented),
            measure("t2", MeasureKind::Technical, MeasureStatus::Planned),
            measure("t3", MeasureKind::Technical, MeasureStatus::NotApplicable),
            measure(
                "o1",
                MeasureKind::Organisational,
                MeasureStatus::Implemented,
            ),
        ];
        for lang in [Lang::De, Lang::En] {
            let blocks = section_blocks(&[3], &section, lang, MeasureLayout::Table);
            let tables: Vec<_> = blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Table { header, rows } => Some((header, rows)),
                    _ => None,
                })
                .collect();
            assert_eq!(tables.len(), 2, "{lang:?}: {blocks:#?}");
            let text = |cell: &Vec<Inline>| cell.iter().map(|i| i.text.clone()).collect::<String>();
            let (tech_header, tech_rows) = tables[0];
            let (org_header, org_rows) = tables[1];
            assert_eq!(text(&tech_header[0]), tr(lang, "export-measures-technical"));
            assert_eq!(
                text(&org_header[0]),
                tr(lang, "export-measures-organisational")
            );
            assert_eq!(tech_rows.len(), 3);
            assert_eq!(org_rows.len(), 1);
            for row in tech_rows.iter().chain(org_rows.iter()) {
                assert!(row.iter().all(|c| !text(c).trim().is_empty()), "{row:?}");
            }
            let org_text = text(&org_rows[0][0]);
            assert!(org_text.ends_with("o1"), "{org_text}");
            assert_eq!(
                text(&tech_rows[1][1]),
                i18n().status_label(MeasureStatus::Planned, lang)
            );
        }
    }

    #[test]
    fn measure_status_in_a_list_reads_as_in_a_sentence() {
        let mut section = Section::new("encryption");
        section.measures = vec![measure(
            "t1",
            MeasureKind::Technical,
            MeasureStatus::NotApplicable,
        )];
        let blocks = section_blocks(&[3], &section, Lang::De, MeasureLayout::List);
        let text = plain_text(&blocks);
        assert!(text.contains("(nicht anwendbar)"), "{text}");
        assert!(!text.contains("(Nicht anwendbar)"), "{text}");
        let text = plain_text(&section_blocks(
            &[3],
            &section,
            Lang::En,
            MeasureLayout::List,
        ));
        assert!(text.contains("(not applicable)"), "{text}");
    }

    #[test]
    fn empty_canonical_section_says_so_and_a_parent_or_custom_one_does_not() {
        let empty = Section::new("encryption");
        for (lang, line) in [(Lang::De, "Keine Angaben."), (Lang::En, "No information.")] {
            let text = plain_text(&section_blocks(&[3], &empty, lang, MeasureLayout::List));
            assert!(text.contains(line), "{lang:?}: {text}");
        }
        let mut parent = Section::new("confidentiality");
        parent
            .children
            .push(Section::new("confidentiality.physical_access"));
        let text = plain_text(&section_blocks(
            &[3],
            &parent,
            Lang::De,
            MeasureLayout::List,
        ));
        assert!(!text.contains("Keine Angaben."), "{text}");
        // Only hidden subsections: the reader sees nothing under the heading.
        parent.children[0].hidden = true;
        let text = plain_text(&section_blocks(
            &[3],
            &parent,
            Lang::De,
            MeasureLayout::List,
        ));
        assert!(text.contains("Keine Angaben."), "{text}");
        let mut with_body = Section::new("encryption");
        with_body.body = LocalText::new("TLS 1.3 überall.", "");
        let text = plain_text(&section_blocks(
            &[3],
            &with_body,
            Lang::En,
            MeasureLayout::List,
        ));
        assert!(!text.contains("No information."), "{text}");
        let custom = Section::new("custom-1");
        let text = plain_text(&section_blocks(
            &[9],
            &custom,
            Lang::De,
            MeasureLayout::List,
        ));
        assert!(!text.contains("Keine Angaben."), "{text}");
    }
}
