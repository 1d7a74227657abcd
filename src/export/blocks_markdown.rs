//! Blocks written as Markdown (CommonMark with GitHub tables and strike-through), for the
//! change report: the same blocks the PDF typesets, so both say the same.

use std::fmt::Write as _;

use super::blocks::{Block, Highlight, Inline, Row};

/// Escapes the characters Markdown would read as markup; `in_cell` also escapes `|`.
fn escape(text: &str, in_cell: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line_start = true;
    for c in text.chars() {
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '|'
        ) || (line_start && matches!(c, '-' | '+' | '='));
        if special {
            out.push('\\');
        }
        if c == '\n' {
            // A forced line break: in a cell there is none, elsewhere a backslash break.
            out.push_str(if in_cell { " " } else { "\\\n" });
        } else {
            out.push(c);
        }
        line_start = c == '\n' || (line_start && c == ' ');
    }
    out
}

/// One run with its marks, the markers hugging the words (Markdown ignores `** a**`).
fn run(out: &mut String, inline: &Inline, in_cell: bool) {
    let text = &inline.text;
    let core = text.trim();
    if core.is_empty() {
        out.push_str(&escape(text, in_cell));
        return;
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    let s = &inline.style;
    let mut open = String::new();
    let mut close = String::new();
    let mut wrap = |o: &str, c: &str| {
        open.push_str(o);
        close.insert_str(0, c);
    };
    match s.highlight {
        Some(Highlight::Inserted) => wrap("<ins>", "</ins>"),
        Some(Highlight::Deleted) => wrap("~~", "~~"),
        None if s.strike => wrap("~~", "~~"),
        None => {}
    }
    if s.bold {
        wrap("**", "**");
    }
    if s.italic {
        wrap("*", "*");
    }
    // Code is literal: no escapes inside, and a fence longer than any backtick run in it
    // (CommonMark: a span closes at a run of equal length).
    let body = if s.code {
        let ticks = "`".repeat(longest_backtick_run(core) + 1);
        let pad = if core.starts_with('`') || core.ends_with('`') {
            " "
        } else {
            ""
        };
        format!("{ticks}{pad}{core}{pad}{ticks}")
    } else {
        escape(core, in_cell)
    };
    let body = match &s.link {
        Some(url) => format!("[{body}](<{}>)", url.replace(['<', '>', ' '], "")),
        None => body,
    };
    let _ = write!(
        out,
        "{}{open}{body}{close}{}",
        escape(lead, in_cell),
        escape(trail, in_cell)
    );
}

fn longest_backtick_run(text: &str) -> usize {
    let (mut run, mut longest) = (0, 0);
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

fn inlines(inlines: &[Inline], in_cell: bool) -> String {
    let mut out = String::new();
    for i in inlines {
        run(&mut out, i, in_cell);
    }
    out
}

fn row(out: &mut String, cells: &Row, ncols: usize, header: bool) {
    out.push('|');
    for c in 0..ncols {
        let text = cells
            .get(c)
            .map(|cell| {
                // Markdown sets a header row in bold by itself.
                let plain: Vec<Inline> = cell
                    .iter()
                    .map(|i| {
                        let mut i = i.clone();
                        i.style.bold &= !header;
                        i
                    })
                    .collect();
                inlines(&plain, true)
            })
            .unwrap_or_default();
        let _ = write!(out, " {} |", text.trim());
    }
    out.push('\n');
}

fn blocks_into(out: &mut String, blocks: &[Block], indent: &str) {
    for block in blocks {
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "{indent}# {}\n", escape(t, false));
            }
            Block::Heading {
                level,
                number,
                text,
                ..
            } => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 5)) + 1);
                let title = if number.is_empty() {
                    text.clone()
                } else {
                    format!("{number} {text}")
                };
                let _ = writeln!(out, "{indent}{hashes} {}\n", escape(&title, false));
            }
            Block::Paragraph(i) | Block::Small(i) => {
                let text = inlines(i, false);
                for line in text.split('\n') {
                    let _ = writeln!(out, "{indent}{line}");
                }
                let _ = writeln!(out);
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                for (k, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}. ", start.saturating_add(k as u64))
                    } else {
                        "- ".to_owned()
                    };
                    let inner = format!("{indent}{}", " ".repeat(marker.len()));
                    let mut body = String::new();
                    blocks_into(&mut body, item, &inner);
                    let body = body.trim_end();
                    let _ = writeln!(out, "{indent}{marker}{}", body.trim_start());
                }
                let _ = writeln!(out);
            }
            Block::Table { header, rows } => {
                let ncols = std::iter::once(header.len())
                    .chain(rows.iter().map(Vec::len))
                    .max()
                    .unwrap_or(0);
                if ncols == 0 {
                    continue;
                }
                let mut table = String::new();
                row(&mut table, header, ncols, true);
                table.push('|');
                for _ in 0..ncols {
                    table.push_str("---|");
                }
                table.push('\n');
                for r in rows {
                    row(&mut table, r, ncols, false);
                }
                for line in table.lines() {
                    let _ = writeln!(out, "{indent}{line}");
                }
                let _ = writeln!(out);
            }
            Block::Rule => {
                let _ = writeln!(out, "{indent}---\n");
            }
            Block::Code(code) => {
                let fence = "`".repeat(longest_backtick_run(code).max(2) + 1);
                let _ = writeln!(out, "{indent}{fence}");
                for line in code.lines() {
                    let _ = writeln!(out, "{indent}{line}");
                }
                let _ = writeln!(out, "{indent}{fence}\n");
            }
            Block::Quote(inner) => {
                let mut body = String::new();
                blocks_into(&mut body, inner, "");
                for line in body.trim_end().lines() {
                    let sep = if line.is_empty() { "" } else { " " };
                    let _ = writeln!(out, "{indent}>{sep}{line}");
                }
                let _ = writeln!(out);
            }
            Block::Toc { .. } | Block::Spacer(_) => {}
        }
    }
}

/// The blocks as Markdown.
pub fn write(blocks: &[Block]) -> String {
    let mut out = String::new();
    blocks_into(&mut out, blocks, "");
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::blocks::markdown_blocks;

    #[test]
    fn marks_hug_the_words_and_tables_stay_tables() {
        let blocks = vec![
            Block::Paragraph(vec![
                Inline::plain("a "),
                Inline::highlighted("old words ", Highlight::Deleted),
                Inline::highlighted(" new*star", Highlight::Inserted),
                Inline::plain(" end"),
            ]),
            Block::Table {
                header: vec![vec![Inline::plain("A|B")], vec![Inline::plain("C")]],
                rows: vec![vec![
                    vec![Inline::plain("1")],
                    vec![
                        Inline::highlighted("30", Highlight::Deleted),
                        Inline::plain(" "),
                        Inline::highlighted("35", Highlight::Inserted),
                    ],
                ]],
            },
        ];
        let md = write(&blocks);
        assert!(
            md.contains("a ~~old words~~  <ins>new\\*star</ins> end"),
            "{md}"
        );
        assert!(
            md.contains("| A\\|B | C |\n|---|---|\n| 1 | ~~30~~ <ins>35</ins> |"),
            "{md}"
        );
        // It reads back as a table with the same cells.
        let back = markdown_blocks(&md, 2);
        assert!(
            back.iter()
                .any(|b| matches!(b, Block::Table { rows, .. } if rows[0].len() == 2)),
            "{back:?}"
        );
    }

    #[test]
    fn code_and_quotes_round_trip() {
        let md = "Run `a*b` now.\n\n```\nfn main() {\n    x();\n}\n```\n\n> Quoted *text*\n>\n> > deeper\n";
        let blocks = markdown_blocks(md, 2);
        let written = write(&blocks);
        assert_eq!(markdown_blocks(&written, 2), blocks, "{written}");
        assert!(written.contains("`a*b`"), "{written}");
        assert!(written.contains("    x();"), "{written}");
        assert!(matches!(&blocks[2], Block::Quote(inner) if matches!(inner[1], Block::Quote(_))));
    }

    #[test]
    fn lists_nest_and_escape() {
        let blocks = markdown_blocks("- eins *kursiv*\n  - zwei\n- # drei", 2);
        let md = write(&blocks);
        assert!(md.contains("- eins *kursiv*"), "{md}");
        assert!(md.contains("  - zwei"), "{md}");
    }
}
