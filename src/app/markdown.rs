//! Markdown edits behind the body editor's tools: lists on and off, list levels, links
//! (http/https/mailto only) and a table.

use std::ops::Range;

/// Byte offset of the `n`-th character (clamped to the end).
fn byte_of_char(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// A list marker at the start of a line: its indentation, marker text and width with the
/// space after it (`"  - "` gives (2, "-", 4)).
fn line_marker(line: &str) -> Option<(usize, &str, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    if rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("+ ") {
        return Some((indent, &rest[..1], indent + 2));
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0
        && digits < 10
        && (rest[digits..].starts_with(". ") || rest[digits..].starts_with(") "))
    {
        return Some((indent, &rest[..digits + 1], indent + digits + 2));
    }
    None
}

/// Byte range of the whole lines touched by the character range `chars`.
fn touched_lines(text: &str, chars: &Range<usize>) -> Range<usize> {
    let (a, b) = (chars.start.min(chars.end), chars.start.max(chars.end));
    let start = byte_of_char(text, a);
    let end = byte_of_char(text, b);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    line_start..line_end
}

/// Replaces the lines `block` of `text` with `lines` and returns the new text and the
/// new block as a character range (the selection after a list change).
fn replace_lines(text: &str, block: Range<usize>, lines: &[String]) -> (String, Range<usize>) {
    let joined = lines.join("\n");
    let start = text[..block.start].chars().count();
    let end = start + joined.chars().count();
    let out = format!("{}{}{}", &text[..block.start], joined, &text[block.end..]);
    (out, start..end)
}

/// Toggles a bullet (`ordered` false) or numbered list on the lines touched by `chars`:
/// when every line already is such an item the markers go, otherwise every line becomes
/// one (a bullet item becomes a numbered one and back). Indentation is kept.
pub fn toggle_list(text: &str, chars: Range<usize>, ordered: bool) -> (String, Range<usize>) {
    let block = touched_lines(text, &chars);
    let lines: Vec<&str> = text[block.clone()].split('\n').collect();
    let is_kind = |line: &str| {
        line_marker(line)
            .is_some_and(|(_, mark, _)| ordered == mark.starts_with(|c: char| c.is_ascii_digit()))
    };
    let all = lines.iter().all(|l| is_kind(l) || l.trim().is_empty());
    let mut number = 0;
    let out: Vec<String> = lines
        .iter()
        .map(|line| {
            let (indent, content) = match line_marker(line) {
                Some((indent, _, width)) => (indent, &line[width..]),
                None => {
                    let indent = line.len() - line.trim_start_matches(' ').len();
                    (indent, &line[indent..])
                }
            };
            let pad = " ".repeat(indent);
            if all {
                format!("{pad}{content}")
            } else if line.trim().is_empty() {
                (*line).to_owned()
            } else if ordered {
                number += 1;
                format!("{pad}{number}. {content}")
            } else {
                format!("{pad}- {content}")
            }
        })
        .collect();
    replace_lines(text, block, &out)
}

/// Indents (or with `outdent` moves out) the list items on the lines touched by `chars`
/// by one level: the width of a bullet (2) or a number marker (3). `None` when a touched
/// line is no list item, so Tab keeps its usual meaning there.
pub fn indent_list(
    text: &str,
    chars: Range<usize>,
    outdent: bool,
) -> Option<(String, Range<usize>)> {
    let block = touched_lines(text, &chars);
    let lines: Vec<&str> = text[block.clone()].split('\n').collect();
    let mut out = Vec::with_capacity(lines.len());
    for line in &lines {
        let (indent, mark, _) = line_marker(line)?;
        let step = if mark.starts_with(|c: char| c.is_ascii_digit()) {
            3
        } else {
            2
        };
        out.push(if outdent {
            line[indent.min(step)..].to_owned()
        } else {
            format!("{}{line}", " ".repeat(step))
        });
    }
    if out.iter().zip(&lines).all(|(a, b)| a == b) {
        return Some((text.to_owned(), chars));
    }
    Some(replace_lines(text, block, &out))
}

/// Whether a link target is allowed: http, https or mailto with something after it.
pub fn valid_link(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find_map(|p| lower.strip_prefix(p));
    rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace))
}

/// The link at character `at` of `text`: its bytes, text and target.
pub fn link_at(text: &str, at: usize) -> Option<(Range<usize>, String, String)> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let byte = byte_of_char(text, at);
    let mut open: Option<(Range<usize>, String, String)> = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. })
                if range.start <= byte && byte <= range.end =>
            {
                open = Some((range, String::new(), dest_url.to_string()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((r, label, _)) = open.as_mut()
                    && range.start >= r.start
                    && range.end <= r.end
                {
                    label.push_str(&t);
                }
            }
            Event::End(TagEnd::Link) if open.is_some() => return open,
            _ => {}
        }
    }
    None
}

/// Writes `[label](url)` over the bytes `range` (the selection or an old link); a
/// parenthesis or space in the URL is percent-encoded so the Markdown stays a link.
/// Returns the new text and the link's character range.
pub fn set_link(text: &str, range: Range<usize>, label: &str, url: &str) -> (String, Range<usize>) {
    let url = url
        .trim()
        .replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29");
    let label = label.replace('[', "\\[").replace(']', "\\]");
    let link = format!("[{label}]({url})");
    let start = text[..range.start].chars().count();
    let out = format!("{}{}{}", &text[..range.start], link, &text[range.end..]);
    (out, start..start + link.chars().count())
}

/// Replaces the link at bytes `range` by its bare text (the link toggled off).
pub fn remove_link(text: &str, range: Range<usize>, label: &str) -> (String, Range<usize>) {
    let start = text[..range.start].chars().count();
    let out = format!("{}{}{}", &text[..range.start], label, &text[range.end..]);
    (out, start..start + label.chars().count())
}

/// Inserts a table of two columns, a header and one empty row on its own lines after the
/// line holding character `at`; the cursor goes into the first header cell.
pub fn insert_table(text: &str, at: usize, header: [&str; 2]) -> (String, Range<usize>) {
    let byte = byte_of_char(text, at);
    let line_end = text[byte..].find('\n').map_or(text.len(), |i| byte + i);
    let before = &text[..line_end];
    let lead = if before.trim().is_empty() { "" } else { "\n\n" };
    let table = format!(
        "{lead}| {} | {} |\n| --- | --- |\n|  |  |\n",
        header[0], header[1]
    );
    let first_cell = before.chars().count() + lead.chars().count() + 2;
    let out = format!("{before}{table}{}", &text[line_end..]);
    (out, first_cell..first_cell + header[0].chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_toggle_and_switch_kind() {
        let (on, sel) = toggle_list("eins\nzwei", 0..6, false);
        assert_eq!(on, "- eins\n- zwei");
        let (off, _) = toggle_list(&on, sel.clone(), false);
        assert_eq!(off, "eins\nzwei");
        let (numbered, sel) = toggle_list(&on, sel, true);
        assert_eq!(numbered, "1. eins\n2. zwei");
        let (off, _) = toggle_list(&numbered, sel, true);
        assert_eq!(off, "eins\nzwei");
        // Indentation stays.
        assert_eq!(toggle_list("  innen", 0..1, false).0, "  - innen");
    }

    #[test]
    fn tab_indents_list_items_only() {
        let (inner, _) = indent_list("- a\n- b", 5..5, false).unwrap();
        assert_eq!(inner, "- a\n  - b");
        let (back, _) = indent_list(&inner, 6..6, true).unwrap();
        assert_eq!(back, "- a\n- b");
        assert_eq!(indent_list("1. a", 0..0, false).unwrap().0, "   1. a");
        assert!(indent_list("Absatz", 0..0, false).is_none());
    }

    #[test]
    fn links_accept_only_web_and_mail_targets_and_toggle() {
        assert!(valid_link("https://eur-lex.europa.eu"));
        assert!(valid_link("mailto:dsb@example.org"));
        assert!(!valid_link("javascript:alert(1)"));
        assert!(!valid_link("file:///etc/passwd"));
        assert!(!valid_link("https://"));
        let (linked, sel) = set_link("siehe BSI hier", 6..9, "BSI", "https://bsi.bund.de/a (b)");
        assert_eq!(linked, "siehe [BSI](https://bsi.bund.de/a%20%28b%29) hier");
        let (range, label, url) = link_at(&linked, sel.start + 1).unwrap();
        assert_eq!(
            (label.as_str(), url.as_str()),
            ("BSI", "https://bsi.bund.de/a%20%28b%29")
        );
        assert_eq!(remove_link(&linked, range, &label).0, "siehe BSI hier");
        assert!(link_at("kein Link", 2).is_none());
    }

    #[test]
    fn table_goes_on_its_own_lines() {
        let (out, sel) = insert_table("Text", 2, ["A", "B"]);
        assert_eq!(out, "Text\n\n| A | B |\n| --- | --- |\n|  |  |\n");
        assert_eq!(&out[sel.start..sel.end], "A");
    }
}
