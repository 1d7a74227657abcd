//! ODT reader: OpenDocument text (`content.xml`, `styles.xml`, `meta.xml`) into the
//! structured readers' common blocks ([`Flowed`]).
//!
//! Headings are `text:h` with `text:outline-level` (numbered from the outline style, so
//! "3.1 Zutrittskontrolle" matches like a typed number) or paragraphs whose style has a
//! default outline level; bold and italic come from automatic and common styles; the
//! deleted text kept in `text:tracked-changes` and a table of contents' cached entries are
//! not body text; notes and annotations are kept after their paragraph.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::ImportError;
use super::docx::date_prefix;
use super::flow::{
    Flow, Flowed, Losses, OpenTable as Table, Run, append_to_cell, close_table, collapse_spaces,
    letters, roman,
};
use super::package::{Package, attr, doctype_error, leaf_texts, reference_text, xml_error};

const KIND: &str = "ODT";

/// The ODF text mimetypes (document, template, master document).
const TEXT_MIMETYPES: &[&str] = &[
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
    "application/vnd.oasis.opendocument.text-master",
];

/// True when the zip is an OpenDocument file (by its mimetype entry or `content.xml`).
pub fn is_odf(pkg: &Package<'_>) -> bool {
    pkg.has("mimetype") || pkg.has("content.xml")
}

/// Reads an ODT (also `.ott`).
pub fn read(bytes: &[u8]) -> Result<Flowed, ImportError> {
    let mut pkg = Package::open(bytes, KIND)?;
    if let Some(mime) = pkg.bytes("mimetype")? {
        let mime = String::from_utf8_lossy(&mime).trim().to_owned();
        if !TEXT_MIMETYPES.contains(&mime.as_str()) {
            return Err(ImportError::Invalid(format!(
                "an OpenDocument file of type {mime}, not a text document; only .odt text documents are imported"
            )));
        }
    }
    if let Some(manifest) = pkg.xml("META-INF/manifest.xml")?
        && manifest.contains("encryption-data")
    {
        return Err(ImportError::Invalid(
            "this document is password-protected; save it without a password and import again"
                .into(),
        ));
    }
    let content = pkg.xml("content.xml")?.ok_or_else(|| {
        ImportError::Invalid("the zip has no content.xml: not an ODT file".into())
    })?;
    let mut sheet = StyleSheet::default();
    let mut organisation = None;
    if let Some(styles) = pkg.xml("styles.xml")? {
        sheet.parse(&styles)?;
        organisation = header_organisation(&styles)?;
    }
    sheet.parse(&content)?;
    let mut out = Flowed {
        organisation,
        ..Flowed::default()
    };
    if let Some(meta) = pkg.xml("meta.xml")? {
        meta_properties(&meta, &mut out)?;
    }
    let mut body = BodyReader::new(&sheet, &mut out);
    body.run(&content)?;
    let BodyReader {
        images,
        tracked,
        comments,
        notes_count,
        nested_tables,
        ..
    } = body;
    let warnings = Losses {
        images,
        tracked,
        comments,
        notes: notes_count,
        nested_tables,
    }
    .warnings(&out.blocks);
    out.warnings.extend(warnings);
    Ok(out)
}

/// One paragraph or text style.
#[derive(Debug, Default, Clone)]
struct Style {
    parent: Option<String>,
    display: String,
    outline: Option<u8>,
    bold: Option<bool>,
    italic: Option<bool>,
    mono: bool,
    list_style: Option<String>,
}

/// Paragraph, text and list styles of both parts, and the outline (chapter) numbering.
#[derive(Default)]
struct StyleSheet {
    styles: HashMap<String, Style>,
    /// List style → ordered per level (1-based).
    lists: HashMap<String, HashMap<u8, bool>>,
    /// Outline level → (format, prefix, suffix, levels shown).
    outline: HashMap<u8, (String, String, String, u8)>,
}

fn bold_value(v: &str) -> bool {
    v == "bold" || v.parse::<u32>().is_ok_and(|w| w >= 600)
}

impl StyleSheet {
    fn parse(&mut self, xml: &str) -> Result<(), ImportError> {
        let mut reader = Reader::from_str(xml);
        let mut current: Option<(String, Style)> = None;
        let mut list: Option<String> = None;
        let mut in_outline = false;
        loop {
            match reader.read_event().map_err(|e| xml_error(KIND, e))? {
                Event::DocType(_) => return Err(doctype_error(KIND)),
                Event::Start(e) | Event::Empty(e) => {
                    let name = e.name();
                    match name.as_ref() {
                        b"style:style" => {
                            let style = Style {
                                parent: attr(&e, b"parent-style-name"),
                                display: attr(&e, b"display-name")
                                    .or_else(|| attr(&e, b"name"))
                                    .unwrap_or_default(),
                                outline: attr(&e, b"default-outline-level")
                                    .and_then(|v| v.parse().ok()),
                                list_style: attr(&e, b"list-style-name"),
                                ..Style::default()
                            };
                            current = Some((attr(&e, b"name").unwrap_or_default(), style));
                        }
                        b"style:text-properties" => {
                            if let Some((_, s)) = current.as_mut() {
                                if let Some(w) = attr(&e, b"font-weight") {
                                    s.bold = Some(bold_value(&w));
                                }
                                if let Some(st) = attr(&e, b"font-style") {
                                    s.italic = Some(st == "italic" || st == "oblique");
                                }
                                if let Some(f) = attr(&e, b"font-name") {
                                    let f = f.to_lowercase();
                                    s.mono |= f.contains("mono") || f.contains("courier");
                                }
                            }
                        }
                        b"text:list-style" => list = attr(&e, b"name"),
                        b"text:outline-style" => in_outline = true,
                        b"text:list-level-style-number" | b"text:list-level-style-bullet" => {
                            let level: u8 =
                                attr(&e, b"level").and_then(|v| v.parse().ok()).unwrap_or(1);
                            let ordered = name.as_ref() == b"text:list-level-style-number"
                                && attr(&e, b"num-format").is_some_and(|f| !f.is_empty());
                            if let Some(l) = &list {
                                self.lists
                                    .entry(l.clone())
                                    .or_default()
                                    .insert(level, ordered);
                            }
                        }
                        b"text:outline-level-style" if in_outline => {
                            let level: u8 =
                                attr(&e, b"level").and_then(|v| v.parse().ok()).unwrap_or(1);
                            self.outline.insert(
                                level,
                                (
                                    attr(&e, b"num-format").unwrap_or_default(),
                                    attr(&e, b"num-prefix").unwrap_or_default(),
                                    attr(&e, b"num-suffix").unwrap_or_default(),
                                    attr(&e, b"display-levels")
                                        .and_then(|v| v.parse().ok())
                                        .unwrap_or(1),
                                ),
                            );
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.name().as_ref() {
                    b"style:style" => {
                        if let Some((name, style)) = current.take() {
                            self.styles.insert(name, style);
                        }
                    }
                    b"text:list-style" => list = None,
                    b"text:outline-style" => in_outline = false,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    /// Follows the parent chain (bounded, so a cycle cannot hang) until `pick` says something.
    fn inherited<T>(&self, name: &str, pick: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut at = self.styles.get(name);
        for _ in 0..16 {
            let s = at?;
            if let Some(v) = pick(s) {
                return Some(v);
            }
            at = s.parent.as_ref().and_then(|p| self.styles.get(p));
        }
        None
    }

    fn heading_level(&self, name: &str) -> Option<u8> {
        self.inherited(name, |s| {
            let display = s.display.to_lowercase();
            if matches!(display.as_str(), "title" | "titel") {
                return Some(1);
            }
            s.outline.filter(|&l| (1..=10).contains(&l))
        })
    }

    fn is_quote(&self, name: &str) -> bool {
        self.inherited(name, |s| {
            matches!(
                s.display.to_lowercase().as_str(),
                "quotations" | "quotation" | "zitat" | "quote" | "block text"
            )
            .then_some(true)
        })
        .unwrap_or(false)
    }

    fn is_toc(&self, name: &str) -> bool {
        self.inherited(name, |s| {
            let d = s.display.to_lowercase();
            (d.starts_with("contents ") || d.starts_with("inhaltsverzeichnis ")).then_some(true)
        })
        .unwrap_or(false)
    }

    fn bold(&self, name: &str) -> Option<bool> {
        self.inherited(name, |s| s.bold)
    }

    fn italic(&self, name: &str) -> Option<bool> {
        self.inherited(name, |s| s.italic)
    }

    fn mono(&self, name: &str) -> bool {
        self.inherited(name, |s| s.mono.then_some(true))
            .unwrap_or(false)
            || {
                let d = self
                    .styles
                    .get(name)
                    .map(|s| s.display.to_lowercase())
                    .unwrap_or_default();
                d.contains("source text") || d.contains("quelltext")
            }
    }
}

/// The organisation in a master page's header or footer.
fn header_organisation(styles: &str) -> Result<Option<String>, ImportError> {
    let mut reader = Reader::from_str(styles);
    let mut depth = 0usize;
    let mut line = String::new();
    loop {
        match reader.read_event().map_err(|e| xml_error(KIND, e))? {
            Event::DocType(_) => return Err(doctype_error(KIND)),
            Event::Start(e) => {
                if matches!(e.name().as_ref(), b"style:header" | b"style:footer") {
                    depth += 1;
                }
            }
            Event::Text(t) if depth > 0 => {
                line.push_str(&t.decode().map_err(|e| xml_error(KIND, e))?);
            }
            Event::End(e) => match e.name().as_ref() {
                b"style:header" | b"style:footer" => depth = depth.saturating_sub(1),
                b"text:p" if depth > 0 => {
                    if let Some(org) = super::docx::organisation_in(&line) {
                        return Ok(Some(org));
                    }
                    line.clear();
                }
                _ => {}
            },
            Event::Eof => return Ok(None),
            _ => {}
        }
    }
}

/// `meta.xml`: title, initial creator or creator, date.
fn meta_properties(xml: &str, out: &mut Flowed) -> Result<(), ImportError> {
    for (name, value) in leaf_texts(xml, KIND)? {
        match name.as_str() {
            "title" if !value.is_empty() => out.title = Some(value),
            "initial-creator" if !value.is_empty() => out.author = Some(value),
            "creator" if !value.is_empty() && out.author.is_none() => out.author = Some(value),
            "date" => out.modified = date_prefix(&value),
            _ => {}
        }
    }
    Ok(())
}

/// A paragraph or heading being read.
#[derive(Default)]
struct Para {
    heading: Option<u8>,
    /// A `text:h` (only these take the outline numbering).
    outline: bool,
    style: String,
    runs: Vec<Run>,
    /// Inside a list: (level, ordered).
    item: Option<(usize, bool)>,
}

/// A note or annotation being collected.
struct Note {
    comment: bool,
    author: String,
    citation: String,
    text: String,
    in_citation: bool,
    in_creator: bool,
    /// Inside the annotation's `dc:date` (not text).
    in_date: bool,
}

struct BodyReader<'a> {
    sheet: &'a StyleSheet,
    out: &'a mut Flowed,
    paras: Vec<Para>,
    /// Open span styles: (bold, italic, code) overrides.
    spans: Vec<(Option<bool>, Option<bool>, bool)>,
    /// Open lists: their style name (inherited from the outer list when absent).
    lists: Vec<Option<String>>,
    tables: Vec<Table>,
    link: Option<String>,
    notes: Vec<Note>,
    /// Depth inside what is not body text (tracked deletions, indexes, shapes' titles).
    skip: usize,
    in_body: bool,
    after: Vec<Flow>,
    outline_counters: [u32; 10],
    /// The block index at which each image was found (see `flow::image_spots`).
    images: Vec<usize>,
    tracked: bool,
    comments: usize,
    notes_count: usize,
    nested_tables: usize,
}

/// Elements whose content is never body text.
fn skipped(name: &[u8]) -> bool {
    matches!(
        name,
        b"text:tracked-changes"
            | b"text:table-of-content"
            | b"text:illustration-index"
            | b"text:table-index"
            | b"text:object-index"
            | b"text:user-index"
            | b"text:alphabetical-index"
            | b"text:bibliography"
            | b"text:sequence-decls"
            | b"text:variable-decls"
            | b"text:user-field-decls"
            | b"office:forms"
            | b"svg:title"
            | b"svg:desc"
            | b"office:annotation-end"
            // The number is rendered from the outline style instead.
            | b"text:number"
    )
}

impl<'a> BodyReader<'a> {
    fn new(sheet: &'a StyleSheet, out: &'a mut Flowed) -> Self {
        BodyReader {
            sheet,
            out,
            paras: Vec::new(),
            spans: Vec::new(),
            lists: Vec::new(),
            tables: Vec::new(),
            link: None,
            notes: Vec::new(),
            skip: 0,
            in_body: false,
            after: Vec::new(),
            outline_counters: [0; 10],
            images: Vec::new(),
            tracked: false,
            comments: 0,
            notes_count: 0,
            nested_tables: 0,
        }
    }

    fn run(&mut self, xml: &str) -> Result<(), ImportError> {
        let mut reader = Reader::from_str(xml);
        loop {
            match reader.read_event().map_err(|e| xml_error(KIND, e))? {
                Event::DocType(_) => return Err(doctype_error(KIND)),
                Event::Start(e) => self.start(&e, true),
                Event::Empty(e) => self.start(&e, false),
                Event::Text(t) => {
                    let text = t.decode().map_err(|e| xml_error(KIND, e))?;
                    // White space between elements is layout; inside a paragraph it is text.
                    self.text(&text);
                }
                Event::GeneralRef(r) => self.text(&reference_text(&r)),
                Event::End(e) => self.end(e.name().as_ref()),
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    fn text(&mut self, text: &str) {
        if self.skip > 0 || !self.in_body {
            return;
        }
        if let Some(n) = self.notes.last_mut() {
            if n.in_citation {
                n.citation.push_str(text);
            } else if n.in_creator {
                n.author.push_str(text);
            } else if !n.in_date {
                n.text.push_str(text);
            }
            return;
        }
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        // ODF collapses runs of white space in text; `text:s` carries the real spaces.
        let collapsed = collapse_spaces(text);
        let style = p.style.clone();
        let bold = self
            .spans
            .iter()
            .rev()
            .find_map(|s| s.0)
            .or_else(|| self.sheet.bold(&style))
            .unwrap_or(false);
        let italic = self
            .spans
            .iter()
            .rev()
            .find_map(|s| s.1)
            .or_else(|| self.sheet.italic(&style))
            .unwrap_or(false);
        let code = self.spans.iter().any(|s| s.2);
        p.runs.push(Run {
            text: collapsed,
            bold,
            italic,
            code,
            link: self.link.clone(),
        });
    }

    fn push_literal(&mut self, text: &str) {
        if self.skip > 0 {
            return;
        }
        if let Some(n) = self.notes.last_mut() {
            n.text.push_str(text);
            return;
        }
        if let Some(p) = self.paras.last_mut() {
            let (bold, italic) = p.runs.last().map_or((false, false), |r| (r.bold, r.italic));
            p.runs.push(Run {
                text: text.to_owned(),
                bold,
                italic,
                code: false,
                link: self.link.clone(),
            });
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, container: bool) {
        let name = e.name();
        let name = name.as_ref();
        if self.skip > 0 {
            if container && skipped(name) {
                self.skip += 1;
            }
            return;
        }
        if name == b"office:text" && container {
            self.in_body = true;
            return;
        }
        if !self.in_body {
            return;
        }
        if skipped(name) {
            if name == b"text:tracked-changes" {
                self.tracked = true;
            }
            if container {
                self.skip += 1;
            }
            return;
        }
        if let Some(n) = self.notes.last_mut() {
            match name {
                b"text:note-citation" if container => n.in_citation = true,
                b"dc:creator" if container => n.in_creator = true,
                b"dc:date" if container => n.in_date = true,
                b"text:line-break" | b"text:tab" | b"text:s" => n.text.push(' '),
                _ => {}
            }
            if matches!(name, b"text:p" | b"text:h") && !n.text.is_empty() {
                n.text.push(' ');
            }
            return;
        }
        match name {
            b"text:h" | b"text:p" => {
                let style = attr(e, b"style-name").unwrap_or_default();
                let heading = if name == b"text:h" {
                    Some(
                        attr(e, b"outline-level")
                            .and_then(|v| v.parse().ok())
                            .or_else(|| self.sheet.heading_level(&style))
                            .unwrap_or(1),
                    )
                } else {
                    self.sheet.heading_level(&style)
                };
                let item = if self.lists.is_empty() {
                    None
                } else {
                    let level = self.lists.len() - 1;
                    let list_style = self
                        .lists
                        .iter()
                        .rev()
                        .find_map(|l| l.clone())
                        .or_else(|| self.sheet.inherited(&style, |s| s.list_style.clone()));
                    let ordered = list_style
                        .and_then(|l| self.sheet.lists.get(&l))
                        .and_then(|levels| levels.get(&((level + 1) as u8)).copied())
                        .unwrap_or(false);
                    Some((level, ordered))
                };
                let para = Para {
                    heading,
                    outline: name == b"text:h",
                    style,
                    item,
                    ..Para::default()
                };
                if container {
                    self.paras.push(para);
                } else {
                    // An empty paragraph still counts for the outline numbering.
                    self.paragraph(para);
                }
            }
            b"text:span" if container => {
                let style = attr(e, b"style-name").unwrap_or_default();
                self.spans.push((
                    self.sheet.bold(&style),
                    self.sheet.italic(&style),
                    self.sheet.mono(&style),
                ));
            }
            b"text:a" if container => self.link = attr(e, b"href"),
            b"text:line-break" => self.push_literal("\n"),
            b"text:tab" => self.push_literal("\t"),
            b"text:s" => {
                let n = attr(e, b"c")
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(64);
                self.push_literal(&" ".repeat(n));
            }
            b"text:soft-hyphen" => {}
            b"text:list" if container => self.lists.push(attr(e, b"style-name")),
            b"text:note" if container => self.notes.push(Note {
                comment: false,
                author: String::new(),
                citation: String::new(),
                text: String::new(),
                in_citation: false,
                in_creator: false,
                in_date: false,
            }),
            b"office:annotation" if container => self.notes.push(Note {
                comment: true,
                author: String::new(),
                citation: String::new(),
                text: String::new(),
                in_citation: false,
                in_creator: false,
                in_date: false,
            }),
            b"draw:image" | b"draw:object" | b"draw:object-ole" => {
                self.images.push(self.out.blocks.len())
            }
            b"text:changed-region" | b"text:change-start" | b"text:change" => self.tracked = true,
            b"table:table" if container => {
                if !self.tables.is_empty() {
                    self.nested_tables += 1;
                }
                self.tables.push(Table::default());
            }
            b"table:table-row" if container => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            b"table:table-cell" | b"table:covered-table-cell" => {
                if let Some(t) = self.tables.last_mut() {
                    // ODF writes a covered cell for every column and row a span covers, so
                    // each cell element is one grid column.
                    if container {
                        t.cell = Some(Vec::new());
                        t.span = 1;
                    } else {
                        let repeated = attr(e, b"number-columns-repeated")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1usize)
                            .clamp(1, 64);
                        if let Some(row) = t.rows.last_mut() {
                            for _ in 0..repeated {
                                row.push(Vec::new());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skip > 0 {
            if skipped(name) {
                self.skip -= 1;
            }
            return;
        }
        if name == b"office:text" {
            self.in_body = false;
            return;
        }
        if !self.in_body {
            return;
        }
        if let Some(n) = self.notes.last_mut() {
            match name {
                b"text:note-citation" => n.in_citation = false,
                b"dc:creator" => n.in_creator = false,
                b"dc:date" => n.in_date = false,
                b"text:note" | b"office:annotation" => {
                    if let Some(note) = self.notes.pop() {
                        self.note(note);
                    }
                }
                _ => {}
            }
            return;
        }
        match name {
            b"text:h" | b"text:p" => {
                if let Some(p) = self.paras.pop() {
                    self.paragraph(p);
                }
            }
            b"text:span" => {
                self.spans.pop();
            }
            b"text:a" => self.link = None,
            b"text:list" => {
                self.lists.pop();
            }
            b"table:table-cell" | b"table:covered-table-cell" => {
                if let Some(t) = self.tables.last_mut() {
                    t.end_cell();
                }
            }
            b"table:table" => {
                if let Some(rows) = close_table(&mut self.tables) {
                    self.emit(Flow::Table(rows));
                    self.flush_after();
                }
            }
            _ => {}
        }
    }

    fn note(&mut self, note: Note) {
        let text = note.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return;
        }
        if note.comment {
            self.comments += 1;
            let who = note.author.trim();
            let who = if who.is_empty() {
                String::new()
            } else {
                format!("{who}: ")
            };
            self.after.push(Flow::Paragraph {
                runs: vec![Run::plain(format!("{who}{text}"))],
                quote: true,
            });
        } else {
            self.notes_count += 1;
            let mark = format!("[{}]", note.citation.trim());
            if let Some(p) = self.paras.last_mut() {
                p.runs.push(Run::plain(mark.clone()));
            }
            self.after.push(Flow::Paragraph {
                runs: vec![Run::plain(format!("{mark} {text}"))],
                quote: false,
            });
        }
        if self.paras.is_empty() {
            self.flush_after();
        }
    }

    fn emit(&mut self, flow: Flow) {
        if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            append_to_cell(cell, flow);
            return;
        }
        // A text box's paragraph inside a paragraph comes out before it.
        self.out.blocks.push(flow);
    }

    fn flush_after(&mut self) {
        if self.tables.is_empty() && self.paras.is_empty() {
            let after = std::mem::take(&mut self.after);
            self.out.blocks.extend(after);
        }
    }

    /// The outline (chapter) number of a heading at `level`, counted in document order.
    fn outline_number(&mut self, level: u8) -> String {
        let l = usize::from(level.clamp(1, 10)) - 1;
        self.outline_counters[l] = self.outline_counters[l].saturating_add(1);
        for c in self.outline_counters.iter_mut().skip(l + 1) {
            *c = 0;
        }
        let Some((format, prefix, suffix, shown)) = self.sheet.outline.get(&level) else {
            return String::new();
        };
        if format.is_empty() {
            return String::new();
        }
        let first = (l + 1).saturating_sub(usize::from((*shown).max(1)));
        let parts: Vec<String> = (first..=l)
            .map(|i| format_number(self.outline_counters[i].max(1), format))
            .collect();
        format!("{prefix}{}{suffix}", parts.join("."))
    }

    fn paragraph(&mut self, p: Para) {
        let number = match p.heading {
            Some(level) if p.item.is_none() && p.outline => self.outline_number(level),
            _ => String::new(),
        };
        if self.sheet.is_toc(&p.style) {
            return;
        }
        let has_text = p.runs.iter().any(|r| !r.text.trim().is_empty());
        if !has_text {
            self.flush_after();
            return;
        }
        let flow = if let Some(level) = p.heading {
            let text: String = p.runs.iter().map(|r| r.text.as_str()).collect();
            let text = text.replace('\n', " ");
            let text = if number.trim().is_empty() {
                text.trim().to_owned()
            } else {
                format!("{} {}", number.trim(), text.trim())
            };
            Flow::Heading {
                level: level.min(6),
                text,
            }
        } else if let Some((level, ordered)) = p.item {
            Flow::Item {
                level,
                ordered,
                runs: p.runs,
            }
        } else if self.sheet.mono(&p.style) {
            Flow::Code(p.runs.iter().map(|r| r.text.as_str()).collect())
        } else {
            Flow::Paragraph {
                runs: p.runs,
                quote: self.sheet.is_quote(&p.style),
            }
        };
        self.emit(flow);
        self.flush_after();
    }
}

fn format_number(n: u32, format: &str) -> String {
    match format {
        "a" => letters(n),
        "A" => letters(n).to_uppercase(),
        "i" => roman(n).to_lowercase(),
        "I" => roman(n),
        _ => n.to_string(),
    }
}
