//! Lowering a structured reader's blocks ([`Flow`]) into the Markdown pipeline's blocks:
//! inline Markdown with every markup character escaped, lists, tables, typesetting of
//! spaces. See ARCHITECTURE.md for why Markdown text is the intermediate body form.

use super::blocks::Block;
use super::flow::{Flow, Run, clean_heading};

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
    use crate::import::flow::*;
    use crate::model::Lang;

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
