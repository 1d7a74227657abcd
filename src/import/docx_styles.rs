//! DOCX style sheet (`styles.xml`: heading levels, TOC, quote and character styles) and
//! Word numbering (`numbering.xml`: list definitions and running counters).

use std::collections::{HashMap, HashSet};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::ImportError;
use super::flow::{letters, roman};
use super::package::{attr, doctype_error, xml_error};

const KIND: &str = "DOCX";

/// What the style sheet says about paragraph and character styles.
#[derive(Default)]
pub(super) struct Styles {
    /// Paragraph style id → heading level.
    pub(super) heading: HashMap<String, u8>,
    /// Table-of-contents entry styles (their paragraphs repeat the headings).
    pub(super) toc: HashSet<String>,
    /// Quote styles.
    pub(super) quote: HashSet<String>,
    /// Paragraph style id → its numbering (numId, level).
    pub(super) numbering: HashMap<String, (String, usize)>,
    /// Character style id → (bold, italic, code).
    pub(super) character: HashMap<String, (bool, bool, bool)>,
}

#[derive(Default)]
struct RawStyle {
    id: String,
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<(String, usize)>,
    bold: bool,
    italic: bool,
}

pub(super) fn on(e: &BytesStart<'_>) -> bool {
    attr(e, b"val").is_none_or(|v| v != "0" && v != "false" && v != "off")
}

impl Styles {
    pub(super) fn parse(xml: &str) -> Result<Self, ImportError> {
        let mut raw: HashMap<String, RawStyle> = HashMap::new();
        let mut current: Option<RawStyle> = None;
        let mut in_rpr = false;
        let mut reader = Reader::from_str(xml);
        loop {
            match reader.read_event().map_err(|e| xml_error(KIND, e))? {
                Event::DocType(_) => return Err(doctype_error(KIND)),
                Event::Start(e) | Event::Empty(e) => {
                    let Some(s) = current.as_mut() else {
                        if e.local_name().as_ref() == b"style" {
                            current = Some(RawStyle {
                                id: attr(&e, b"styleId").unwrap_or_default(),
                                ..RawStyle::default()
                            });
                        }
                        continue;
                    };
                    match e.local_name().as_ref() {
                        b"name" => s.name = attr(&e, b"val").unwrap_or_default(),
                        b"basedOn" => s.based_on = attr(&e, b"val"),
                        b"outlineLvl" => {
                            s.outline = attr(&e, b"val").and_then(|v| v.parse().ok());
                        }
                        b"numId" => {
                            let id = attr(&e, b"val").unwrap_or_default();
                            let level = s.num.as_ref().map_or(0, |n| n.1);
                            s.num = Some((id, level));
                        }
                        b"ilvl" => {
                            let level = attr(&e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                            let id = s.num.take().map(|n| n.0).unwrap_or_default();
                            s.num = Some((id, level));
                        }
                        b"rPr" => in_rpr = true,
                        b"b" if in_rpr => s.bold = on(&e),
                        b"i" if in_rpr => s.italic = on(&e),
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"style" => {
                        if let Some(s) = current.take() {
                            raw.insert(s.id.clone(), s);
                        }
                    }
                    b"rPr" => in_rpr = false,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        let mut styles = Styles::default();
        for (id, s) in &raw {
            // Follow the basedOn chain (bounded: a cycle must not hang the import).
            let mut level = None;
            let mut at = Some(s);
            for _ in 0..16 {
                let Some(st) = at else { break };
                level = level_from_name(&st.name)
                    .or_else(|| level_from_name(&st.id))
                    .or(st.outline.filter(|&o| o < 6).map(|o| o + 1));
                if level.is_some() || st.outline.is_some() {
                    break;
                }
                at = st.based_on.as_ref().and_then(|b| raw.get(b));
            }
            if let Some(level) = level {
                styles.heading.insert(id.clone(), level);
            }
            let lower = s.name.to_lowercase();
            let lower_id = id.to_lowercase();
            if [
                "toc ",
                "toc",
                "verzeichnis ",
                "inhaltsverzeichnis ",
                "contents ",
            ]
            .iter()
            .any(|p| {
                lower.starts_with(p) && lower[p.len()..].trim().parse::<u8>().is_ok()
                    || lower_id.starts_with(p) && lower_id[p.len()..].trim().parse::<u8>().is_ok()
            }) {
                styles.toc.insert(id.clone());
            }
            if matches!(
                lower.as_str(),
                "quote" | "intense quote" | "block text" | "zitat" | "quotations" | "quotation"
            ) || lower_id == "blocktext"
            {
                styles.quote.insert(id.clone());
            }
            if let Some(num) = &s.num {
                styles.numbering.insert(id.clone(), num.clone());
            }
            let code = lower.contains("verbatim")
                || lower.contains("source text")
                || lower.contains("quelltext")
                || lower.contains("code");
            if s.bold || s.italic || code {
                styles
                    .character
                    .insert(id.clone(), (s.bold, s.italic, code));
            }
        }
        Ok(styles)
    }
}

fn level_from_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    if matches!(lower.as_str(), "title" | "titel") {
        return Some(1);
    }
    let rest = ["heading", "überschrift", "titre", "título", "kop"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?;
    let n: u8 = rest.trim().parse().ok()?;
    (1..=6).contains(&n).then_some(n)
}

/// One level of a numbering definition.
#[derive(Debug, Clone)]
pub(super) struct Level {
    pub(super) format: String,
    pub(super) text: String,
    pub(super) start: u32,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            format: "decimal".into(),
            text: String::new(),
            start: 1,
        }
    }
}

/// `numbering.xml`: the definitions and the running counters.
#[derive(Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, level → start override).
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
    /// abstractNumId → counter per level (`None` = not started).
    counters: HashMap<String, [Option<u32>; 9]>,
    /// numIds whose start overrides were applied.
    started: HashSet<String>,
}

impl Numbering {
    pub(super) fn parse(xml: &str) -> Result<Self, ImportError> {
        let mut n = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut level: Option<usize> = None;
        let mut num_id: Option<String> = None;
        let mut override_level: Option<usize> = None;
        loop {
            match reader.read_event().map_err(|e| xml_error(KIND, e))? {
                Event::DocType(_) => return Err(doctype_error(KIND)),
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"abstractNum" => abstract_id = attr(&e, b"abstractNumId"),
                    b"lvl" if abstract_id.is_some() => {
                        level = attr(&e, b"ilvl")
                            .and_then(|v| v.parse().ok())
                            .filter(|&l| l < 9);
                    }
                    b"num" => num_id = attr(&e, b"numId"),
                    b"abstractNumId" => {
                        if let (Some(id), Some(a)) = (&num_id, attr(&e, b"val")) {
                            n.nums.entry(id.clone()).or_default().0 = a;
                        }
                    }
                    b"lvlOverride" => {
                        override_level = attr(&e, b"ilvl").and_then(|v| v.parse().ok());
                    }
                    b"startOverride" => {
                        if let (Some(id), Some(l), Some(v)) = (
                            &num_id,
                            override_level,
                            attr(&e, b"val").and_then(|v| v.parse().ok()),
                        ) {
                            n.nums.entry(id.clone()).or_default().1.insert(l, v);
                        }
                    }
                    name @ (b"start" | b"numFmt" | b"lvlText") => {
                        if let (Some(a), Some(l)) = (&abstract_id, level) {
                            let levels = n.abstracts.entry(a.clone()).or_default();
                            if levels.len() <= l {
                                levels.resize(l + 1, Level::default());
                            }
                            let v = attr(&e, b"val").unwrap_or_default();
                            match name {
                                b"start" => levels[l].start = v.parse().unwrap_or(1),
                                b"numFmt" => levels[l].format = v,
                                _ => levels[l].text = v,
                            }
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"abstractNum" => abstract_id = None,
                    b"lvl" => level = None,
                    b"num" => num_id = None,
                    b"lvlOverride" => override_level = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(n)
    }

    /// Counts one paragraph of list `num` at `ilvl` and returns its label and format.
    pub(super) fn next(&mut self, num: &str, ilvl: usize) -> Option<(String, Level)> {
        let (abstract_id, overrides) = self.nums.get(num)?.clone();
        let levels = self.abstracts.get(&abstract_id)?;
        let ilvl = ilvl.min(8);
        let this = levels.get(ilvl).cloned().unwrap_or_default();
        let start = |l: usize| levels.get(l).map_or(1, |lv| lv.start);
        let counters = self.counters.entry(abstract_id).or_insert([None; 9]);
        // A list instance with a start override restarts its levels when first used.
        if self.started.insert(num.to_owned()) {
            for (&l, &v) in &overrides {
                if l < 9 {
                    counters[l] = Some(v.saturating_sub(1));
                }
            }
        }
        counters[ilvl] = Some(match counters[ilvl] {
            None => start(ilvl),
            Some(n) => n.saturating_add(1),
        });
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        let mut label = this.text.clone();
        for (l, counter) in counters.iter().enumerate().take(ilvl + 1) {
            let placeholder = format!("%{}", l + 1);
            if label.contains(&placeholder) {
                let format = levels.get(l).map_or("decimal", |lv| lv.format.as_str());
                let value = counter.unwrap_or_else(|| start(l));
                label = label.replace(&placeholder, &format_number(value, format));
            }
        }
        Some((label, this))
    }
}

fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" => format!("{n:02}"),
        // A level without a number shows nothing in the labels that include it.
        "none" => String::new(),
        _ => n.to_string(),
    }
}
