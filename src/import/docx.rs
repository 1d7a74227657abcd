//! DOCX reader: WordprocessingML body to Markdown blocks, which the Markdown pipeline matches and builds.

use std::collections::HashMap;
use std::io::Read as _;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::ImportError;

/// Most entries a DOCX zip may have (real files have dozens).
const MAX_ENTRIES: usize = 10_000;
/// Most decompressed bytes one part may have (zip-bomb guard).
const MAX_PART: u64 = 256 * 1024 * 1024;

/// What the reader found beside the text, for warnings.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DocxNotes {
    /// Images and drawings not imported.
    pub images: usize,
    /// True when the body had tracked changes (read with all changes accepted).
    pub tracked_changes: bool,
}

/// Reads one part of the zip, refusing parts that decompress past the limit.
fn part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    let Ok(entry) = archive.by_name(name) else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::Invalid(format!("damaged DOCX part {name}: {e}")))?;
    if bytes.len() as u64 > MAX_PART {
        return Err(ImportError::Invalid(format!(
            "{name} decompresses to more than {} MB: refusing a possible zip bomb",
            MAX_PART / (1024 * 1024)
        )));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| ImportError::Invalid(format!("{name} is not UTF-8 XML")))
}

/// Converts DOCX bytes to Markdown text.
pub fn docx_to_markdown(bytes: &[u8]) -> Result<(String, DocxNotes), ImportError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ImportError::Invalid(format!("not a readable DOCX (zip) file: {e}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(ImportError::Invalid(format!(
            "the zip has {} entries, more than the {MAX_ENTRIES} a DOCX import takes",
            archive.len()
        )));
    }
    let document = part(&mut archive, "word/document.xml")?.ok_or_else(|| {
        ImportError::Invalid("the zip has no word/document.xml: not a DOCX file".into())
    })?;
    let styles = part(&mut archive, "word/styles.xml")?.unwrap_or_default();
    let rels = part(&mut archive, "word/_rels/document.xml.rels")?.unwrap_or_default();
    let heading_styles = heading_levels(&styles)?;
    let links = relationships(&rels)?;
    body(&document, &heading_styles, &links)
}

fn xml_error(e: impl std::fmt::Display) -> ImportError {
    ImportError::Invalid(format!("damaged DOCX XML: {e}"))
}

fn attr(e: &quick_xml::events::BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// Style id → heading level, from the style's name ("heading 1", "Überschrift 1") or `outlineLvl`.
fn heading_levels(styles: &str) -> Result<HashMap<String, u8>, ImportError> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(styles);
    let mut current: Option<String> = None;
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::DocType(_) => {
                return Err(ImportError::Invalid(
                    "DOCX XML with a DOCTYPE is refused (entity expansion)".into(),
                ));
            }
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:style" => current = attr(&e, b"w:styleId"),
                b"w:name" => {
                    if let (Some(id), Some(name)) = (&current, attr(&e, b"w:val"))
                        && let Some(level) = level_from_name(&name).or_else(|| level_from_name(id))
                    {
                        out.insert(id.clone(), level);
                    }
                }
                b"w:outlineLvl" => {
                    if let (Some(id), Some(v)) = (&current, attr(&e, b"w:val"))
                        && let Ok(v) = v.parse::<u8>()
                        && v < 6
                    {
                        out.entry(id.clone()).or_insert(v + 1);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn level_from_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let rest = ["heading", "überschrift", "titre", "título"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?;
    let n: u8 = rest.trim().parse().ok()?;
    (1..=6).contains(&n).then_some(n)
}

fn relationships(rels: &str) -> Result<HashMap<String, String>, ImportError> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(rels);
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::DocType(_) => {
                return Err(ImportError::Invalid(
                    "DOCX XML with a DOCTYPE is refused (entity expansion)".into(),
                ));
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, b"Id"), attr(&e, b"Target")) {
                    out.insert(id, target);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[derive(Default)]
struct Para {
    style_level: Option<u8>,
    list_level: Option<usize>,
    text: String,
    all_bold: bool,
    any_text: bool,
}

fn body(
    xml: &str,
    heading_styles: &HashMap<String, u8>,
    links: &HashMap<String, String>,
) -> Result<(String, DocxNotes), ImportError> {
    let mut notes = DocxNotes::default();
    let mut out = String::new();
    let mut reader = Reader::from_str(xml);
    let mut para: Option<Para> = None;
    let mut in_text = false;
    let mut deleted = 0usize;
    let mut bold = false;
    let mut italic = false;
    let mut link: Option<(String, String)> = None;
    // Table state: rows of cells, each cell's paragraphs joined.
    let mut table_depth = 0usize;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match event {
            Event::DocType(_) => {
                return Err(ImportError::Invalid(
                    "DOCX XML with a DOCTYPE is refused (entity expansion)".into(),
                ));
            }
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:p" => {
                    para = Some(Para {
                        all_bold: true,
                        ..Para::default()
                    })
                }
                b"w:pStyle" => {
                    if let (Some(p), Some(v)) = (para.as_mut(), attr(&e, b"w:val")) {
                        p.style_level = heading_styles
                            .get(&v)
                            .copied()
                            .or_else(|| level_from_name(&v));
                    }
                }
                b"w:outlineLvl" => {
                    if let (Some(p), Some(Ok(v))) =
                        (para.as_mut(), attr(&e, b"w:val").map(|v| v.parse::<u8>()))
                        && v < 6
                    {
                        p.style_level = Some(v + 1);
                    }
                }
                b"w:ilvl" => {
                    if let (Some(p), Some(Ok(v))) = (
                        para.as_mut(),
                        attr(&e, b"w:val").map(|v| v.parse::<usize>()),
                    ) {
                        p.list_level = Some(v.min(8));
                    }
                }
                b"w:numPr" => {
                    if let Some(p) = para.as_mut() {
                        p.list_level.get_or_insert(0);
                    }
                }
                b"w:r" => {
                    bold = false;
                    italic = false;
                }
                b"w:b" => bold = attr(&e, b"w:val").is_none_or(|v| v != "0" && v != "false"),
                b"w:i" => italic = attr(&e, b"w:val").is_none_or(|v| v != "0" && v != "false"),
                b"w:t" => in_text = true,
                b"w:delText" => {}
                b"w:del" | b"w:moveFrom" => {
                    notes.tracked_changes = true;
                    deleted += 1;
                }
                b"w:ins" | b"w:moveTo" => notes.tracked_changes = true,
                b"w:tab" => push(&mut para, "\t", false, false),
                b"w:br" | b"w:cr" => push(&mut para, " ", false, false),
                b"w:noBreakHyphen" => push(&mut para, "-", false, false),
                b"w:drawing" | b"w:pict" | b"w:object" => notes.images += 1,
                b"w:hyperlink" => {
                    if let Some(target) = attr(&e, b"r:id").and_then(|id| links.get(&id).cloned()) {
                        link = Some((target, String::new()));
                    }
                }
                b"w:tbl" => {
                    table_depth += 1;
                    if table_depth == 1 {
                        rows.clear();
                    }
                }
                b"w:tr" if table_depth == 1 => rows.push(Vec::new()),
                b"w:tc" if table_depth == 1 => cell = Some(String::new()),
                _ => {}
            },
            Event::GeneralRef(r) if in_text && deleted == 0 => {
                let name = String::from_utf8_lossy(r.as_ref()).into_owned();
                let text = match name.as_str() {
                    "amp" => "&".to_owned(),
                    "lt" => "<".to_owned(),
                    "gt" => ">".to_owned(),
                    "quot" => "\"".to_owned(),
                    "apos" => "'".to_owned(),
                    // Character references only; named entities are never expanded.
                    _ => r
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .map(String::from)
                        .unwrap_or_default(),
                };
                push(&mut para, &text, bold, italic);
            }
            Event::Text(t) if in_text && deleted == 0 => {
                let text = t.decode().map_err(xml_error)?.replace('\u{ad}', "");
                if let Some((_, label)) = link.as_mut() {
                    label.push_str(&text);
                    if let Some(p) = para.as_mut() {
                        p.any_text |= !text.trim().is_empty();
                        p.all_bold &= bold || text.trim().is_empty();
                    }
                } else {
                    push(&mut para, &text, bold, italic);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:del" | b"w:moveFrom" => deleted = deleted.saturating_sub(1),
                b"w:hyperlink" => {
                    if let Some((target, label)) = link.take()
                        && let Some(p) = para.as_mut()
                    {
                        if target.is_empty() || label.is_empty() {
                            p.text.push_str(&escape(&label));
                        } else {
                            p.text
                                .push_str(&format!("[{}]({})", escape(&label), target));
                        }
                    }
                }
                b"w:p" => {
                    if let Some(p) = para.take() {
                        let line = finish(&p);
                        if let Some(cell) = cell.as_mut() {
                            if !cell.is_empty() && !line.is_empty() {
                                cell.push(' ');
                            }
                            cell.push_str(&line.replace('|', "\\|"));
                        } else if !line.is_empty() {
                            out.push_str(&line);
                            out.push_str(if p.list_level.is_some() && p.style_level.is_none() {
                                "\n"
                            } else {
                                "\n\n"
                            });
                        }
                    }
                }
                b"w:tc" if table_depth == 1 => {
                    if let (Some(c), Some(row)) = (cell.take(), rows.last_mut()) {
                        row.push(c);
                    }
                }
                b"w:tbl" => {
                    table_depth = table_depth.saturating_sub(1);
                    if table_depth == 0 {
                        out.push('\n');
                        out.push_str(&table_markdown(&rows));
                        out.push('\n');
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((out, notes))
}

fn escape(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}

fn push(para: &mut Option<Para>, text: &str, bold: bool, italic: bool) {
    let Some(p) = para.as_mut() else { return };
    if text.trim().is_empty() {
        p.text.push_str(text);
        return;
    }
    p.any_text = true;
    p.all_bold &= bold;
    let text = text.replace('*', "\\*").replace('_', "\\_");
    let marks = match (bold, italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => "",
    };
    // Emphasis marks must touch the text: "* (geplant)*" is no emphasis in Markdown and
    // would arrive as literal asterisks, so white space at a run's edges goes outside.
    let inner = text.trim();
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    p.text.push_str(lead);
    p.text.push_str(marks);
    p.text.push_str(inner);
    p.text.push_str(marks);
    p.text.push_str(trail);
}

fn finish(p: &Para) -> String {
    let plain = p.text.replace("**", "").trim().to_owned();
    if plain.is_empty() {
        return String::new();
    }
    let joined = p.text.replace("****", "").replace("**\t**", "\t");
    let text = joined.trim();
    if let Some(level) = p.style_level {
        let heading = text.replace("**", "");
        return format!("{} {}", "#".repeat(level as usize), heading.trim());
    }
    if let Some(level) = p.list_level {
        return format!("{}- {}", "  ".repeat(level), text);
    }
    // Bold-only paragraphs stay bold: the Markdown reader treats them as heading candidates.
    text.to_owned()
}

fn table_markdown(rows: &[Vec<String>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        out.push('|');
        for c in 0..width {
            out.push(' ');
            out.push_str(row.get(c).map_or("", |s| s.as_str()));
            out.push_str(" |");
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            out.push_str(&" --- |".repeat(width));
            out.push('\n');
        }
    }
    out
}
