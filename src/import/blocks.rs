//! The Markdown body as a flat list of top-level blocks: headings, bold-line heading
//! candidates, Tomwerk directives and content sliced faithfully from the source.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// One top-level block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// An ATX (`#`) or setext heading.
    Heading {
        /// 1 to 6.
        level: u8,
        /// The visible text.
        text: String,
    },
    /// A paragraph whose first line is bold only: maybe a heading ("**3.1 Zutrittskontrolle**").
    Bold {
        /// The bold text.
        text: String,
        /// The whole paragraph as Markdown, used when it turns out not to be a heading.
        whole: String,
        /// The paragraph's remaining lines, when the bold line is followed by text.
        rest: Option<String>,
    },
    /// A `<!-- tomwerk:… -->` comment written by Tomwerk's own export.
    Directive(String),
    /// Body Markdown (paragraph, list, table, quote, code, rule, HTML reduced to text).
    Content {
        /// The Markdown to keep.
        markdown: String,
        /// For lists: the exact source, which the measure-list reader needs.
        list_source: Option<String>,
    },
}

/// What the scanner found.
#[derive(Debug, Default)]
pub struct Scanned {
    /// The blocks in source order.
    pub blocks: Vec<Block>,
    /// Link reference definitions (`[label]: url`), by lower-cased label, as written.
    pub definitions: HashMap<String, String>,
    /// Repairs made (malformed tables), for the report.
    pub repairs: Vec<String>,
}

/// The Markdown extensions real TOMs use.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Scans `body` (front matter already removed) into blocks.
pub fn scan(body: &str) -> Scanned {
    let mut out = Scanned::default();
    let mut iter = Parser::new_ext(body, options()).into_offset_iter();
    let mut events: Vec<(Event<'_>, Range<usize>)> = Vec::new();
    let mut depth = 0usize;
    for (event, range) in iter.by_ref() {
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        events.push((event, range));
        if depth == 0 {
            block(body, &events, &mut out);
            events.clear();
        }
    }
    for (label, def) in iter.reference_definitions().iter() {
        if let Some(text) = body.get(def.span.clone()) {
            out.definitions
                .insert(label.to_lowercase(), text.trim().to_owned());
        }
    }
    out
}

/// Extends a block's start back to the start of its line when only indentation precedes it,
/// so indented code and nested structure keep their columns.
fn line_start(src: &str, start: usize) -> usize {
    let before = &src[..start];
    let ls = before.rfind('\n').map_or(0, |i| i + 1);
    if before[ls..].chars().all(|c| c == ' ' || c == '\t') {
        ls
    } else {
        start
    }
}

fn block(src: &str, events: &[(Event<'_>, Range<usize>)], out: &mut Scanned) {
    let Some((first, range)) = events.first() else {
        return;
    };
    let start = line_start(src, range.start);
    let range = start..range.end.min(src.len());
    match first {
        Event::Start(Tag::Heading { level, .. }) => out.blocks.push(Block::Heading {
            level: *level as u8,
            text: plain_text(&events[1..events.len().saturating_sub(1)]),
        }),
        Event::Start(Tag::Paragraph) => paragraph(src, range, events, out),
        Event::Start(Tag::HtmlBlock) => {
            let raw = &src[range];
            let trimmed = raw.trim();
            if let Some(inner) = trimmed
                .strip_prefix("<!--")
                .and_then(|r| r.strip_suffix("-->"))
                .map(str::trim)
                .filter(|i| i.starts_with("tomwerk:") && !i.contains("-->"))
            {
                out.blocks.push(Block::Directive(inner.to_owned()));
                return;
            }
            // `<h1>`…`<h6>` inside the block are headings; the HTML between them is text.
            for (level, html) in html_sections(raw) {
                if let Some(level) = level {
                    let text = html_plain(html);
                    if !text.is_empty() {
                        out.blocks.push(Block::Heading { level, text });
                    }
                    continue;
                }
                let text = html_to_text(html);
                if !text.trim().is_empty() {
                    out.blocks.push(Block::Content {
                        markdown: text,
                        list_source: None,
                    });
                }
            }
        }
        Event::Start(Tag::Table(_)) => {
            let text = table_with_edits(src, range, events);
            let markdown = match repair_table(&text, true) {
                Some(fixed) => {
                    out.repairs.push(first_line(&text));
                    fixed
                }
                None => text,
            };
            out.blocks.push(Block::Content {
                markdown,
                list_source: None,
            });
        }
        Event::Start(Tag::List(_)) => out.blocks.push(Block::Content {
            markdown: with_edits(src, range.clone(), events),
            list_source: Some(src[range].trim_end().to_owned()),
        }),
        _ => {
            let markdown = with_edits(src, range, events);
            if !markdown.trim().is_empty() {
                out.blocks.push(Block::Content {
                    markdown,
                    list_source: None,
                });
            }
        }
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().trim().to_owned()
}

fn paragraph(
    src: &str,
    range: Range<usize>,
    events: &[(Event<'_>, Range<usize>)],
    out: &mut Scanned,
) {
    let whole = with_edits(src, range.clone(), events);
    // A paragraph of pipe lines is a table without (or with a broken) delimiter row.
    let lines: Vec<&str> = whole.lines().collect();
    if lines.len() >= 2
        && lines.iter().all(|l| l.trim_start().starts_with('|'))
        && let Some(fixed) = repair_table(&whole, false)
    {
        out.repairs.push(first_line(&whole));
        out.blocks.push(Block::Content {
            markdown: fixed,
            list_source: None,
        });
        return;
    }
    if let Some((text, rest_start)) = bold_line(events) {
        let rest = rest_start
            .map(|s| with_edits(src, line_start(src, s)..range.end, events))
            .filter(|r| !r.trim().is_empty());
        out.blocks.push(Block::Bold { text, whole, rest });
        return;
    }
    out.blocks.push(Block::Content {
        markdown: whole,
        list_source: None,
    });
}

/// When a paragraph's first line is bold only, its text and where the rest starts.
fn bold_line(events: &[(Event<'_>, Range<usize>)]) -> Option<(String, Option<usize>)> {
    // events[0] is Start(Paragraph), the last one End(Paragraph).
    let inner = events.get(1..events.len().checked_sub(1)?)?;
    let mut i = 0;
    // Optional emphasis around the strong text ("***Titel***").
    let mut wrappers = 0;
    while matches!(inner.get(i), Some((Event::Start(Tag::Emphasis), _))) {
        wrappers += 1;
        i += 1;
    }
    if !matches!(inner.get(i), Some((Event::Start(Tag::Strong), _))) {
        return None;
    }
    let open = i;
    let mut depth = 0usize;
    let mut close = None;
    for (j, (e, _)) in inner.iter().enumerate().skip(open) {
        match e {
            Event::Start(Tag::Strong) => depth += 1,
            Event::End(TagEnd::Strong) => {
                depth -= 1;
                if depth == 0 {
                    close = Some(j);
                    break;
                }
            }
            Event::SoftBreak | Event::HardBreak => return None,
            _ => {}
        }
    }
    let close = close?;
    let text = plain_text(&inner[open + 1..close]);
    let mut k = close + 1;
    for _ in 0..wrappers {
        if !matches!(inner.get(k), Some((Event::End(TagEnd::Emphasis), _))) {
            return None;
        }
        k += 1;
    }
    // Allow a trailing colon or spaces after the bold text.
    if let Some((Event::Text(t), _)) = inner.get(k)
        && t.trim().trim_end_matches(':').is_empty()
    {
        k += 1;
    }
    match inner.get(k) {
        None => Some((text, None)),
        Some((Event::SoftBreak | Event::HardBreak, r)) => {
            let rest = inner.get(k + 1).map(|(_, r)| r.start).unwrap_or(r.end);
            Some((text, Some(rest)))
        }
        _ => None,
    }
}

/// The visible text of inline events (headings, bold lines).
fn plain_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut s = String::new();
    for (e, _) in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::InlineHtml(h) => s.push_str(&inline_html_replacement(h)),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The source of `range` with inline HTML reduced to its text: tags removed (line-breaking
/// tags become a space), comments dropped, nested HTML blocks turned into text.
fn with_edits(src: &str, range: Range<usize>, events: &[(Event<'_>, Range<usize>)]) -> String {
    edited(src, range, events, true)
}

/// `<br>` as a space: a table row cannot hold a line break.
fn table_with_edits(
    src: &str,
    range: Range<usize>,
    events: &[(Event<'_>, Range<usize>)],
) -> String {
    edited(src, range, events, false)
}

/// True for `<br>`, `<br/>`, `<br />`.
fn is_br(tag: &str) -> bool {
    let t = tag.trim_start_matches('<').to_ascii_lowercase();
    t.starts_with("br") && !t[2..].starts_with(|c: char| c.is_ascii_alphanumeric())
}

fn edited(
    src: &str,
    range: Range<usize>,
    events: &[(Event<'_>, Range<usize>)],
    hard_breaks: bool,
) -> String {
    let mut out = String::with_capacity(range.len());
    let mut at = range.start;
    let mut nested_html: Option<Range<usize>> = None;
    let flush_nested = |out: &mut String, at: &mut usize, r: Range<usize>| {
        if r.start >= *at && r.end <= range.end {
            out.push_str(&src[*at..r.start]);
            out.push_str(html_to_text(&src[r.clone()]).trim_end());
            *at = r.end;
        }
    };
    for (event, r) in events.iter().skip(1) {
        match event {
            Event::InlineHtml(h) if r.start >= at && r.end <= range.end => {
                out.push_str(&src[at..r.start]);
                let after = &src[r.end..range.end];
                if hard_breaks && is_br(h) && !after.trim().is_empty() {
                    // `<br>` is a hard line break (an address keeps its lines): a backslash
                    // before the line end, which the next line may already bring.
                    let trimmed = out.trim_end_matches([' ', '\t']).len();
                    out.truncate(trimmed);
                    out.push_str(if after.starts_with('\n') {
                        "\\"
                    } else {
                        "\\\n"
                    });
                } else {
                    out.push_str(&inline_html_replacement(h));
                }
                at = r.end;
            }
            Event::Start(Tag::HtmlBlock) => nested_html = Some(r.clone()),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(nr) = nested_html.take() {
                    flush_nested(&mut out, &mut at, nr);
                }
            }
            _ => {}
        }
    }
    if at < range.end {
        out.push_str(&src[at..range.end]);
    }
    out.truncate(out.trim_end().len());
    out
}

/// What an inline tag leaves behind: nothing, or a space for tags that break text apart.
fn inline_html_replacement(tag: &str) -> String {
    if tag.starts_with("<!--") {
        return String::new();
    }
    let name: String = tag
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if breaking_tag(&name) {
        " ".to_owned()
    } else {
        String::new()
    }
}

fn breaking_tag(name: &str) -> bool {
    matches!(
        name,
        "br" | "p"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "thead"
            | "tbody"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "blockquote"
            | "section"
            | "article"
            | "dt"
            | "dd"
    )
}

/// An HTML block reduced to Markdown text: tags and comments removed, line-breaking tags
/// turned into paragraph breaks, entities decoded and Markdown characters escaped.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let after = &rest[lt..];
        if after.starts_with("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        match after.find('>') {
            Some(gt)
                if after[1..].starts_with(|c: char| {
                    c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?'
                }) =>
            {
                let name: String = after[1..gt]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if name == "br" {
                    text.push(BR);
                } else if breaking_tag(&name) {
                    text.push('\n');
                } else if matches!(name.as_str(), "script" | "style")
                    && !after[1..].starts_with('/')
                {
                    // Invisible content: skip to the closing tag.
                    let close = format!("</{name}");
                    rest = after
                        .to_ascii_lowercase()
                        .find(&close)
                        .map_or("", |e| &after[e..]);
                    continue;
                }
                rest = &after[gt + 1..];
            }
            _ => {
                text.push('<');
                rest = &after[1..];
            }
        }
    }
    text.push_str(rest);
    let decoded = decode_entities(&text);
    let paragraphs: Vec<String> = decoded
        .lines()
        .map(|l| {
            // Lines a `<br>` separated stay one paragraph with hard breaks.
            l.split(BR)
                .map(|part| escape_markdown(&part.split_whitespace().collect::<Vec<_>>().join(" ")))
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join("\\\n")
        })
        .filter(|l| !l.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// Splits an HTML block at its `<h1>`…`<h6>` elements: `(Some(level), inner HTML)` for a
/// heading, `(None, html)` for what lies between. Linear: each heading is found once.
fn html_sections(raw: &str) -> Vec<(Option<u8>, &str)> {
    let lower = raw.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut at = 0;
    let mut search = 0;
    while let Some(found) = lower[search..].find("<h") {
        let open = search + found;
        let level = lower.as_bytes().get(open + 2).copied();
        let next = lower.as_bytes().get(open + 3).copied();
        let (Some(digit @ b'1'..=b'6'), Some(b'>' | b' ' | b'\t' | b'\n')) = (level, next) else {
            search = open + 2;
            continue;
        };
        let Some(gt) = lower[open..].find('>').map(|g| open + g + 1) else {
            break;
        };
        let close_tag = format!("</h{}", digit as char);
        let Some(close) = lower[gt..].find(&close_tag).map(|c| gt + c) else {
            break;
        };
        let end = lower[close..]
            .find('>')
            .map_or(lower.len(), |g| close + g + 1);
        if open > at {
            out.push((None, &raw[at..open]));
        }
        out.push((Some(digit - b'0'), &raw[gt..close]));
        at = end;
        search = end;
    }
    if at < raw.len() {
        out.push((None, &raw[at..]));
    }
    out
}

/// The visible text of an HTML fragment on one line: tags removed, entities decoded, no
/// Markdown escapes (a heading's text is plain).
fn html_plain(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut tag: Option<String> = None;
    for c in html.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (Some(name), '>') => {
                let name: String = name
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                if breaking_tag(&name) {
                    text.push(' ');
                }
                tag = None;
            }
            (Some(name), c) => name.push(c),
            (None, c) => text.push(c),
        }
    }
    decode_entities(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Marks a `<br>` while an HTML block is reduced to text (a private-use character: not
/// white space, never in real text of a TOM).
const BR: char = '\u{e000}';

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let end = after[1..].find(';').map(|e| e + 1).filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[1..e];
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                "auml" => Some('ä'),
                "ouml" => Some('ö'),
                "uuml" => Some('ü'),
                "Auml" => Some('Ä'),
                "Ouml" => Some('Ö'),
                "Uuml" => Some('Ü'),
                "szlig" => Some('ß'),
                _ => name
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }
            .map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes what would turn plain text into Markdown markup.
fn escape_markdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    if out.starts_with(['#', '-', '+']) {
        out.insert(0, '\\');
    } else if let Some(digits) = out.split(['.', ')']).next().map(str::len).filter(|&n| {
        n > 0 && n < 10 && out.len() > n && out[..n].chars().all(|c| c.is_ascii_digit())
    }) {
        // "1. Passwortrichtlinie" must not become a list item; CommonMark escapes the
        // delimiter ("1\."), a backslash in front of the digit would stay visible.
        out.insert(digits, '\\');
    }
    out
}

/// Splits a table line into cells at unescaped pipes outside code spans.
fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut escaped = false;
    let mut code = false;
    for c in t.chars() {
        match c {
            '\\' if !escaped => {
                escaped = true;
                cell.push(c);
                continue;
            }
            '`' if !escaped => code = !code,
            '|' if !escaped && !code => {
                out.push(cell.trim().to_owned());
                cell.clear();
                continue;
            }
            _ => {}
        }
        escaped = false;
        cell.push(c);
    }
    if !cell.trim().is_empty() || out.is_empty() {
        out.push(cell.trim().to_owned());
    }
    out
}

fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Repairs a table so no cell is lost: rows with more cells than the header (which
/// renderers drop) widen the table, and pipe lines without a delimiter row get one.
/// `parsed` says the source already is a valid table (then `None` means "fine as is").
fn repair_table(text: &str, parsed: bool) -> Option<String> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let header = cells(lines.first()?);
    let (delimiter, rows): (Option<Vec<String>>, &[&str]) = match lines.get(1) {
        Some(l) if is_delimiter_row(l) => (Some(cells(l)), &lines[2..]),
        _ => (None, &lines[1..]),
    };
    let row_cells: Vec<Vec<String>> = rows.iter().map(|l| cells(l)).collect();
    let widest = row_cells.iter().map(Vec::len).max().unwrap_or(0);
    let width = widest.max(header.len()).max(1);
    if parsed && widest <= header.len() {
        return None;
    }
    let pad = |mut v: Vec<String>, fill: &str| {
        while v.len() < width {
            v.push(fill.to_owned());
        }
        v
    };
    let line = |v: &[String]| format!("| {} |", v.join(" | "));
    let mut delimiter = delimiter
        .unwrap_or_default()
        .into_iter()
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>();
    if delimiter.len() != header.len() || !parsed {
        delimiter.truncate(header.len().min(delimiter.len()));
    }
    let mut out = vec![line(&pad(header, "")), line(&pad(delimiter, "---"))];
    for r in row_cells {
        out.push(line(&pad(r, "")));
    }
    Some(out.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_number_escapes_its_delimiter_not_the_digit() {
        assert_eq!(
            escape_markdown("1. Passwortrichtlinie"),
            "1\\. Passwortrichtlinie"
        );
        assert_eq!(escape_markdown("12) Schulung"), "12\\) Schulung");
        assert_eq!(escape_markdown("- Punkt"), "\\- Punkt");
        assert_eq!(escape_markdown("2025 ist gut"), "2025 ist gut");
        let parsed: String = pulldown_cmark::Parser::new(&escape_markdown("1. Passwortrichtlinie"))
            .filter_map(|e| match e {
                pulldown_cmark::Event::Text(t) => Some(t.into_string()),
                _ => None,
            })
            .collect();
        assert_eq!(parsed, "1. Passwortrichtlinie");
    }

    fn contents(s: &Scanned) -> Vec<&str> {
        s.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Content { markdown, .. } => Some(markdown.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn blocks_are_sliced_faithfully() {
        let src = "# Titel\n\nEin *Absatz* mit [Link](https://example.org).\nText:\n- eins\n  - zwei\n\n> Zitat\n\n```\ncode  x\n```\n";
        let s = scan(src);
        assert_eq!(
            s.blocks[0],
            Block::Heading {
                level: 1,
                text: "Titel".into()
            }
        );
        assert_eq!(
            contents(&s),
            vec![
                "Ein *Absatz* mit [Link](https://example.org).\nText:",
                "- eins\n  - zwei",
                "> Zitat",
                "```\ncode  x\n```"
            ]
        );
    }

    #[test]
    fn bold_lines_are_heading_candidates() {
        let s = scan(
            "**3.1 Zutrittskontrolle**\nDer Zutritt ist geregelt.\n\n**Fett** und mehr.\n\n**Nur fett:**\n",
        );
        assert_eq!(
            s.blocks[0],
            Block::Bold {
                text: "3.1 Zutrittskontrolle".into(),
                whole: "**3.1 Zutrittskontrolle**\nDer Zutritt ist geregelt.".into(),
                rest: Some("Der Zutritt ist geregelt.".into())
            }
        );
        assert!(
            matches!(&s.blocks[1], Block::Content { markdown, .. } if markdown == "**Fett** und mehr.")
        );
        assert!(
            matches!(&s.blocks[2], Block::Bold { text, rest: None, .. } if text == "Nur fett:")
        );
    }

    #[test]
    fn html_is_reduced_to_text() {
        let s = scan(
            "Ein <b>fettes</b> Wort<br>neue Zeile <!-- still -->.\n\n<div>\n<p>Block &amp; mehr</p>\n</div>\n\n<!-- tomwerk:section encryption -->\n",
        );
        assert_eq!(
            contents(&s),
            // `<br>` is a hard line break (issue 18, class 8).
            vec!["Ein fettes Wort\\\nneue Zeile .", "Block & mehr"]
        );
        assert_eq!(
            s.blocks.last(),
            Some(&Block::Directive("tomwerk:section encryption".into()))
        );
    }

    #[test]
    fn malformed_tables_are_repaired() {
        let s = scan("| A | B |\n|---|---|\n| 1 | 2 | 3 |\n\n| X | Y |\n| 1 | 2 |\n");
        assert_eq!(
            contents(&s),
            vec![
                "| A | B |  |\n| --- | --- | --- |\n| 1 | 2 | 3 |",
                "| X | Y |\n| --- | --- |\n| 1 | 2 |"
            ]
        );
        assert_eq!(s.repairs.len(), 2);
        // A sound table stays byte for byte.
        let s = scan("| A | B |\n|:--|--:|\n| 1 | 2 |\n");
        assert_eq!(contents(&s), vec!["| A | B |\n|:--|--:|\n| 1 | 2 |"]);
    }

    #[test]
    fn reference_definitions_are_collected() {
        let s = scan("Siehe [BSI][bsi].\n\n[BSI]: https://bsi.example \"BSI\"\n");
        assert_eq!(
            s.definitions.get("bsi").map(String::as_str),
            Some("[BSI]: https://bsi.example \"BSI\"")
        );
    }
}
