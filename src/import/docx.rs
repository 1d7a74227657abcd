//! DOCX reader: WordprocessingML (Word, LibreOffice, Google Docs, pandoc) into the structured
//! readers' common blocks ([`Flowed`]).
//!
//! Headings come from paragraph styles (name, `outlineLvl`, `basedOn` chain) or the
//! paragraph's own `outlineLvl`; Word numbering is rendered from `numbering.xml` so
//! "3.1 Zutrittskontrolle" matches like a typed number; tracked changes read as accepted;
//! comments and notes are kept as paragraphs after the one referring to them; a TOC's
//! cached entries, headers, footers and VML fallbacks are not body text.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::ImportError;
use super::docx_styles::{Numbering, Styles, on};
use super::flow::{Flow, Flowed, Losses, OpenTable as Table, Run, append_to_cell, close_table};
use super::package::{Package, attr, doctype_error, leaf_texts, reference_text, xml_error};

const KIND: &str = "DOCX";

/// Reads a DOCX (also `.docm`, `.dotx`; macros are never run or kept).
pub fn read(bytes: &[u8]) -> Result<Flowed, ImportError> {
    let mut pkg = Package::open(bytes, KIND)?;
    let document = pkg.xml("word/document.xml")?.ok_or_else(|| {
        ImportError::Invalid("the zip has no word/document.xml: not a DOCX file".into())
    })?;
    let styles = Styles::parse(&pkg.xml("word/styles.xml")?.unwrap_or_default())?;
    let numbering = Numbering::parse(&pkg.xml("word/numbering.xml")?.unwrap_or_default())?;
    let links = relationships(&pkg.xml("word/_rels/document.xml.rels")?.unwrap_or_default())?;
    let mut notes = HashMap::new();
    for (part, element) in [
        ("word/footnotes.xml", &b"footnote"[..]),
        ("word/endnotes.xml", b"endnote"),
        ("word/comments.xml", b"comment"),
    ] {
        if let Some(xml) = pkg.xml(part)? {
            for (id, note) in note_texts(&xml, element)? {
                notes.insert((element.to_vec(), id), note);
            }
        }
    }
    let mut out = Flowed::default();
    let mut organisation = None;
    for name in pkg.names_with_prefix("word/") {
        let file = name.trim_start_matches("word/");
        if (file.starts_with("header") || file.starts_with("footer"))
            && file.ends_with(".xml")
            && !file.contains('/')
            && organisation.is_none()
            && let Some(xml) = pkg.xml(&name)?
        {
            organisation = note_texts(&xml, b"hdr")?
                .into_iter()
                .chain(note_texts(&xml, b"ftr")?)
                .flat_map(|(_, n)| n.text.lines().map(str::to_owned).collect::<Vec<_>>())
                .find_map(|line| organisation_in(&line));
        }
    }
    out.organisation = organisation;
    if let Some(core) = pkg.xml("docProps/core.xml")? {
        core_properties(&core, &mut out)?;
    }
    let mut reader = BodyReader::new(&styles, numbering, &links, &notes, &mut out);
    reader.run(&document)?;
    let BodyReader {
        images,
        tracked,
        comments,
        note_count,
        nested_tables,
        ..
    } = reader;
    let warnings = Losses {
        images,
        tracked,
        comments,
        notes: note_count,
        nested_tables,
    }
    .warnings(&out.blocks);
    out.warnings.extend(warnings);
    Ok(out)
}

/// The organisation named in a header or footer line, by its legal form.
pub(super) fn organisation_in(line: &str) -> Option<String> {
    const FORMS: &[&str] = &[
        "GmbH", "AG", "KG", "OHG", "e.V.", "eG", "GbR", "UG", "mbH", "SE", "Ltd", "Ltd.", "LLC",
        "Inc.", "Inc", "plc", "LLP", "S.A.", "B.V.",
    ];
    // A header line often holds more than the name ("Muster GmbH · TOM · Seite 1").
    line.split(['|', '·', '–', '\t'])
        .map(str::trim)
        .find(|part| {
            part.split_whitespace()
                .any(|w| FORMS.contains(&w.trim_end_matches(',')))
                && part.chars().count() <= 80
        })
        .map(str::to_owned)
}

fn relationships(rels: &str) -> Result<HashMap<String, String>, ImportError> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(rels);
    loop {
        match reader.read_event().map_err(|e| xml_error(KIND, e))? {
            Event::DocType(_) => return Err(doctype_error(KIND)),
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, b"Id"), attr(&e, b"Target"))
                    && attr(&e, b"TargetMode").is_some_and(|m| m == "External")
                {
                    out.insert(id, target);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// A note, comment or header: its plain text (paragraphs on their own lines) and author.
#[derive(Debug, Default, Clone)]
struct Note {
    text: String,
    author: Option<String>,
}

/// The plain text of each `element` (footnote, endnote, comment, hdr, ftr) by its id.
fn note_texts(xml: &str, element: &[u8]) -> Result<Vec<(String, Note)>, ImportError> {
    let mut out = Vec::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, Note)> = None;
    let mut in_text = false;
    let mut deleted = 0usize;
    loop {
        match reader.read_event().map_err(|e| xml_error(KIND, e))? {
            Event::DocType(_) => return Err(doctype_error(KIND)),
            Event::Start(e) => match e.local_name().as_ref() {
                n if n == element => {
                    let id = attr(&e, b"id").unwrap_or_default();
                    let skip = attr(&e, b"type").is_some_and(|t| t != "normal");
                    current = (!skip).then(|| {
                        (
                            id,
                            Note {
                                author: attr(&e, b"author"),
                                ..Note::default()
                            },
                        )
                    });
                }
                b"t" => in_text = true,
                b"del" | b"moveFrom" => deleted += 1,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => {
                    if let Some((_, n)) = current.as_mut() {
                        n.text.push(' ');
                    }
                }
                b"br" | b"cr" => {
                    if let Some((_, n)) = current.as_mut() {
                        n.text.push('\n');
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text && deleted == 0 => {
                if let Some((_, n)) = current.as_mut() {
                    n.text
                        .push_str(&t.decode().map_err(|e| xml_error(KIND, e))?);
                }
            }
            Event::GeneralRef(r) if in_text && deleted == 0 => {
                if let Some((_, n)) = current.as_mut() {
                    n.text.push_str(&reference_text(&r));
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                n if n == element => {
                    if let Some((id, mut note)) = current.take() {
                        note.text = note.text.trim().to_owned();
                        if !note.text.is_empty() {
                            out.push((id, note));
                        }
                    }
                }
                b"t" => in_text = false,
                b"p" => {
                    if let Some((_, n)) = current.as_mut() {
                        n.text.push('\n');
                    }
                }
                b"del" | b"moveFrom" => deleted = deleted.saturating_sub(1),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// `docProps/core.xml`: title, creator and last-modified date.
fn core_properties(xml: &str, out: &mut Flowed) -> Result<(), ImportError> {
    for (name, value) in leaf_texts(xml, KIND)? {
        match name.as_str() {
            "title" if !value.is_empty() => out.title = Some(value),
            "creator" if !value.is_empty() => out.author = Some(value),
            "modified" => out.modified = date_prefix(&value),
            _ => {}
        }
    }
    Ok(())
}

/// The date of an ISO 8601 timestamp ("2026-03-05T10:00:00Z").
pub fn date_prefix(value: &str) -> Option<time::Date> {
    let day = value.get(..10)?;
    time::Date::parse(
        day,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    style: Option<String>,
    outline: Option<u8>,
    num: Option<(String, usize)>,
    runs: Vec<Run>,
}

/// One open complex field (`fldChar begin … separate … end`).
#[derive(Default)]
struct Field {
    instr: String,
    separated: bool,
    toc: bool,
    link: Option<String>,
}

#[derive(Default)]
struct Frame {
    has_text: bool,
}

struct BodyReader<'a> {
    styles: &'a Styles,
    numbering: Numbering,
    links: &'a HashMap<String, String>,
    notes: &'a HashMap<(Vec<u8>, String), Note>,
    out: &'a mut Flowed,
    paras: Vec<Para>,
    tables: Vec<Table>,
    fields: Vec<Field>,
    /// Open `w:sdt`s: true for a table of contents.
    sdts: Vec<bool>,
    drawings: Vec<Frame>,
    link: Option<String>,
    bold: bool,
    italic: bool,
    code: bool,
    in_run: bool,
    in_text: bool,
    in_instr: bool,
    /// Depth inside `w:del`/`w:moveFrom` (tracked deletions) and `mc:Fallback`.
    skip: usize,
    /// Notes and comments to place after the current top-level paragraph or table.
    after: Vec<Flow>,
    note_number: usize,
    /// The block index at which each image was found (see `flow::image_spots`).
    images: Vec<usize>,
    tracked: bool,
    comments: usize,
    note_count: usize,
    nested_tables: usize,
}

impl<'a> BodyReader<'a> {
    fn new(
        styles: &'a Styles,
        numbering: Numbering,
        links: &'a HashMap<String, String>,
        notes: &'a HashMap<(Vec<u8>, String), Note>,
        out: &'a mut Flowed,
    ) -> Self {
        BodyReader {
            styles,
            numbering,
            links,
            notes,
            out,
            paras: Vec::new(),
            tables: Vec::new(),
            fields: Vec::new(),
            sdts: Vec::new(),
            drawings: Vec::new(),
            link: None,
            bold: false,
            italic: false,
            code: false,
            in_run: false,
            in_text: false,
            in_instr: false,
            skip: 0,
            after: Vec::new(),
            note_number: 0,
            images: Vec::new(),
            tracked: false,
            comments: 0,
            note_count: 0,
            nested_tables: 0,
        }
    }

    fn hidden(&self) -> bool {
        self.skip > 0
            || self.sdts.iter().any(|&t| t)
            || self.fields.iter().any(|f| f.toc && f.separated)
    }

    fn push_text(&mut self, text: &str) {
        if self.hidden() || text.is_empty() {
            return;
        }
        let link = self.link.clone().or_else(|| {
            self.fields
                .iter()
                .rev()
                .find(|f| f.separated && f.link.is_some())
                .and_then(|f| f.link.clone())
        });
        let run = Run {
            text: text.replace('\u{ad}', ""),
            bold: self.bold,
            italic: self.italic,
            code: self.code,
            link,
        };
        if let Some(p) = self.paras.last_mut() {
            p.runs.push(run);
        }
    }

    fn run(&mut self, xml: &str) -> Result<(), ImportError> {
        let mut reader = Reader::from_str(xml);
        loop {
            let event = reader.read_event().map_err(|e| xml_error(KIND, e))?;
            match event {
                Event::DocType(_) => return Err(doctype_error(KIND)),
                Event::Start(e) => self.start(&e, true),
                Event::Empty(e) => {
                    self.start(&e, false);
                    let name = e.local_name();
                    // Only what `start` opened for an empty element is closed again.
                    if matches!(
                        name.as_ref(),
                        b"p" | b"r" | b"t" | b"instrText" | b"hyperlink"
                    ) {
                        self.end(name.as_ref());
                    }
                }
                Event::Text(t) => {
                    let text = t.decode().map_err(|e| xml_error(KIND, e))?;
                    if self.in_instr {
                        if let Some(f) = self.fields.last_mut() {
                            f.instr.push_str(&text);
                        }
                    } else if self.in_text {
                        self.push_text(&text);
                    }
                }
                Event::GeneralRef(r) => {
                    let text = reference_text(&r);
                    if self.in_instr {
                        if let Some(f) = self.fields.last_mut() {
                            f.instr.push_str(&text);
                        }
                    } else if self.in_text {
                        self.push_text(&text);
                    }
                }
                Event::End(e) => self.end(e.local_name().as_ref()),
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    /// An element opens; `container` is false for an empty element (`<w:b/>`).
    fn start(&mut self, e: &BytesStart<'_>, container: bool) {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skip > 0 {
            if container && matches!(name, b"del" | b"moveFrom" | b"Fallback") {
                self.skip += 1;
            }
            return;
        }
        match name {
            b"p" => self.paras.push(Para::default()),
            b"pStyle" => {
                if let Some(p) = self.paras.last_mut() {
                    p.style = attr(e, b"val");
                }
            }
            b"outlineLvl" => {
                if let Some(p) = self.paras.last_mut() {
                    p.outline = attr(e, b"val").and_then(|v| v.parse().ok());
                }
            }
            b"numId" => {
                if let Some(p) = self.paras.last_mut() {
                    let level = p.num.as_ref().map_or(0, |n| n.1);
                    p.num = Some((attr(e, b"val").unwrap_or_default(), level));
                }
            }
            b"ilvl" => {
                if let Some(p) = self.paras.last_mut() {
                    let level = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let id = p.num.take().map(|n| n.0).unwrap_or_default();
                    p.num = Some((id, level));
                }
            }
            b"r" => {
                self.in_run = true;
                self.bold = false;
                self.italic = false;
                self.code = false;
            }
            b"rStyle" if self.in_run => {
                if let Some(&(b, i, c)) = attr(e, b"val")
                    .as_ref()
                    .and_then(|v| self.styles.character.get(v))
                {
                    self.bold |= b;
                    self.italic |= i;
                    self.code |= c;
                }
            }
            b"b" if self.in_run => self.bold = on(e),
            b"i" if self.in_run => self.italic = on(e),
            b"t" => self.in_text = container,
            b"instrText" => self.in_instr = container,
            b"del" | b"moveFrom" => {
                self.tracked = true;
                // `w:del` inside `w:rPr` marks a deleted paragraph mark: no content to skip.
                if container {
                    self.skip += 1;
                }
            }
            b"ins" | b"moveTo" => self.tracked = true,
            b"Fallback" if container => self.skip += 1,
            b"tab" if self.in_run => self.push_text("\t"),
            // Page and column breaks are layout, not text.
            b"br" if self.in_run && attr(e, b"type").is_none_or(|t| t == "textWrapping") => {
                self.push_text("\n");
            }
            b"cr" if self.in_run => self.push_text("\n"),
            b"noBreakHyphen" if self.in_run => self.push_text("\u{2011}"),
            b"sym" if self.in_run => {
                if let Some(c) = attr(e, b"char")
                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                    .and_then(char::from_u32)
                    .filter(|c| !('\u{f000}'..='\u{f0ff}').contains(c))
                {
                    self.push_text(&c.to_string());
                }
            }
            b"drawing" | b"pict" if container => self.drawings.push(Frame::default()),
            b"object" if !self.hidden() => self.images.push(self.out.blocks.len()),
            b"txbxContent" => self.drawings.iter_mut().for_each(|f| f.has_text = true),
            b"hyperlink" => {
                self.link = attr(e, b"id").and_then(|id| self.links.get(&id).cloned());
            }
            b"fldChar" => match attr(e, b"fldCharType").as_deref() {
                Some("begin") => self.fields.push(Field::default()),
                Some("separate") => {
                    if let Some(f) = self.fields.last_mut() {
                        f.separated = true;
                        classify_field(f);
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            b"fldSimple" if container => {
                let mut f = Field {
                    instr: attr(e, b"instr").unwrap_or_default(),
                    separated: true,
                    ..Field::default()
                };
                classify_field(&mut f);
                self.fields.push(f);
            }
            b"sdt" if container => self.sdts.push(false),
            b"docPartGallery" => {
                if attr(e, b"val").is_some_and(|v| v.contains("Table of Contents"))
                    && let Some(s) = self.sdts.last_mut()
                {
                    *s = true;
                }
            }
            b"footnoteReference" | b"endnoteReference" | b"commentReference" if self.in_run => {
                let element: &[u8] = match name {
                    b"footnoteReference" => b"footnote",
                    b"endnoteReference" => b"endnote",
                    _ => b"comment",
                };
                let id = attr(e, b"id").unwrap_or_default();
                if let Some(note) = self.notes.get(&(element.to_vec(), id)).cloned() {
                    let text = note.text.replace('\n', " ");
                    if element == b"comment" {
                        self.comments += 1;
                        let who = note.author.map(|a| format!("{a}: ")).unwrap_or_default();
                        self.after.push(Flow::Paragraph {
                            runs: vec![Run::plain(format!("{who}{text}"))],
                            quote: true,
                        });
                    } else {
                        self.note_count += 1;
                        self.note_number += 1;
                        let mark = format!("[{}]", self.note_number);
                        let (b, i) = (self.bold, self.italic);
                        self.bold = false;
                        self.italic = false;
                        self.push_text(&mark);
                        self.bold = b;
                        self.italic = i;
                        self.after.push(Flow::Paragraph {
                            runs: vec![Run::plain(format!("{mark} {text}"))],
                            quote: false,
                        });
                    }
                }
            }
            b"tbl" if container => {
                if !self.tables.is_empty() {
                    self.nested_tables += 1;
                }
                self.tables.push(Table::default());
            }
            b"tr" if container => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            b"tc" if container => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(Vec::new());
                    t.span = 1;
                }
            }
            b"gridSpan" => {
                if let Some(t) = self.tables.last_mut() {
                    t.span = attr(e, b"val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 64);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skip > 0 {
            if matches!(name, b"del" | b"moveFrom" | b"Fallback") {
                self.skip -= 1;
            }
            return;
        }
        match name {
            b"p" => {
                if let Some(p) = self.paras.pop() {
                    self.paragraph(p);
                }
            }
            b"r" => self.in_run = false,
            b"t" => self.in_text = false,
            b"instrText" => self.in_instr = false,
            b"hyperlink" => self.link = None,
            b"fldSimple" => {
                self.fields.pop();
            }
            b"sdt" => {
                self.sdts.pop();
            }
            b"drawing" | b"pict" => {
                if let Some(f) = self.drawings.pop()
                    && !f.has_text
                    && !self.hidden()
                {
                    self.images.push(self.out.blocks.len());
                }
            }
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.end_cell();
                }
            }
            b"tbl" => {
                if let Some(rows) = close_table(&mut self.tables) {
                    self.emit(Flow::Table(rows));
                    self.flush_after();
                }
            }
            _ => {}
        }
    }

    fn emit(&mut self, flow: Flow) {
        // Inside a text box inside a paragraph, or inside a table cell: text joins the cell.
        if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            append_to_cell(cell, flow);
            return;
        }
        self.out.blocks.push(flow);
    }

    fn flush_after(&mut self) {
        if self.tables.is_empty() && self.paras.is_empty() {
            let after = std::mem::take(&mut self.after);
            self.out.blocks.extend(after);
        }
    }

    fn paragraph(&mut self, p: Para) {
        let style = p.style.as_deref().unwrap_or("");
        if self.styles.toc.contains(style) || self.hidden() {
            return;
        }
        let num = p
            .num
            .or_else(|| self.styles.numbering.get(style).cloned())
            .filter(|(id, _)| !id.is_empty() && id != "0");
        let level = match p.outline {
            Some(o) if o < 6 => Some(o + 1),
            Some(_) => None,
            None => self.styles.heading.get(style).copied(),
        };
        let label = num
            .as_ref()
            .and_then(|(id, ilvl)| self.numbering.next(id, *ilvl));
        let has_text = p.runs.iter().any(|r| !r.text.trim().is_empty());
        if !has_text {
            self.flush_after();
            return;
        }
        let flow = if let Some(level) = level {
            let text: String = p.runs.iter().map(|r| r.text.as_str()).collect();
            let text = text.replace('\n', " ");
            let text = match label {
                Some((l, lv))
                    if l.contains(|c: char| c.is_alphanumeric()) && lv.format != "bullet" =>
                {
                    format!("{} {}", l.trim(), text.trim())
                }
                _ => text.trim().to_owned(),
            };
            Flow::Heading { level, text }
        } else if let Some((label, lv)) = label.filter(|(_, lv)| lv.format != "none") {
            let ilvl = num.map_or(0, |n| n.1);
            let simple = lv.text == format!("%{}.", ilvl + 1) && lv.format == "decimal";
            let mut runs = p.runs;
            if lv.format != "bullet" && !simple && label.contains(|c: char| c.is_alphanumeric()) {
                runs.insert(0, Run::plain(format!("{} ", label.trim())));
            }
            Flow::Item {
                level: ilvl,
                ordered: simple,
                runs,
            }
        } else {
            Flow::Paragraph {
                runs: p.runs,
                quote: self.styles.quote.contains(style),
            }
        };
        self.emit(flow);
        self.flush_after();
    }
}

/// What a field's instruction means for its result: a TOC (skipped) or a hyperlink.
fn classify_field(f: &mut Field) {
    let instr = f.instr.trim();
    let keyword = instr.split_whitespace().next().unwrap_or("").to_uppercase();
    match keyword.as_str() {
        "TOC" => f.toc = true,
        "HYPERLINK" => {
            // HYPERLINK "https://…" (a \l switch is a bookmark inside the document).
            if !instr.contains("\\l")
                && let Some(start) = instr.find('"')
                && let Some(len) = instr[start + 1..].find('"')
            {
                f.link = Some(instr[start + 1..start + 1 + len].to_owned());
            }
        }
        _ => {}
    }
}
