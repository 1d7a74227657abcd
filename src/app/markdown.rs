//! Markdown helpers for the body editor (bold, list, link around the selection) and a
//! small rendered preview.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// A toolbar helper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Helper {
    /// `**selection**`.
    Bold,
    /// `- ` before each selected line.
    List,
    /// `[selection](https://)`.
    Link,
}

/// Byte offset of the `n`-th character (clamped to the end).
fn byte_of_char(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// Applies `helper` to the character range `chars` (start ≤ end after sorting) and returns
/// the new text and the new cursor position in characters.
pub fn apply(text: &str, chars: Range<usize>, helper: Helper) -> (String, usize) {
    let (a, b) = if chars.start <= chars.end {
        (chars.start, chars.end)
    } else {
        (chars.end, chars.start)
    };
    let start = byte_of_char(text, a);
    let end = byte_of_char(text, b);
    let selected = &text[start..end];
    match helper {
        Helper::Bold | Helper::Link => {
            let (before, after) = if helper == Helper::Bold {
                ("**", "**".to_owned())
            } else {
                ("[", "](https://)".to_owned())
            };
            let out = format!(
                "{}{before}{selected}{after}{}",
                &text[..start],
                &text[end..]
            );
            let cursor = b
                + before.chars().count()
                + if selected.is_empty() {
                    0
                } else {
                    after.chars().count()
                };
            (out, cursor)
        }
        Helper::List => {
            // Whole lines touched by the selection become list items.
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
            let block = &text[line_start..line_end];
            let mut added = 0;
            let listed: Vec<String> = block
                .split('\n')
                .map(|line| {
                    if line.trim_start().starts_with("- ") {
                        line.to_owned()
                    } else {
                        added += 2;
                        format!("- {line}")
                    }
                })
                .collect();
            let out = format!(
                "{}{}{}",
                &text[..line_start],
                listed.join("\n"),
                &text[line_end..]
            );
            (out, b + added)
        }
    }
}

/// Renders Markdown with headings, paragraphs, lists, emphasis and links.
pub fn preview(ui: &mut egui::Ui, text: &str) {
    let mut job = egui::text::LayoutJob::default();
    let mut bold = 0;
    let mut italic = 0;
    let mut heading: Option<HeadingLevel> = None;
    let mut list_depth: usize = 0;
    let mut link: Option<String> = None;
    let style = ui.style().clone();
    let flush = |ui: &mut egui::Ui, job: &mut egui::text::LayoutJob| {
        if !job.text.is_empty() {
            let j = std::mem::take(job);
            ui.label(j);
        }
    };
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(ui, &mut job);
                heading = Some(level);
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(ui, &mut job);
                heading = None;
            }
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => {
                flush(ui, &mut job);
                ui.add_space(4.0);
            }
            Event::Start(Tag::List(_)) => {
                flush(ui, &mut job);
                list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                flush(ui, &mut job);
                list_depth = list_depth.saturating_sub(1);
            }
            Event::Start(Tag::Item) => {
                flush(ui, &mut job);
                // Flattened at the export's depth: 15,000 levels built gigabytes of spaces.
                let depth = list_depth.min(crate::export::blocks::MAX_NESTING);
                let indent = "    ".repeat(depth.saturating_sub(1));
                append(
                    &mut job,
                    &style,
                    &format!("{indent}• "),
                    false,
                    false,
                    None,
                    false,
                );
            }
            Event::End(TagEnd::Item) => flush(ui, &mut job),
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold -= 1,
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic -= 1,
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link.take() {
                    append(
                        &mut job,
                        &style,
                        &format!(" <{url}>"),
                        false,
                        true,
                        None,
                        true,
                    );
                }
            }
            Event::Text(t) | Event::Code(t) => append(
                &mut job,
                &style,
                &t,
                bold > 0,
                italic > 0,
                heading,
                link.is_some(),
            ),
            Event::SoftBreak => append(&mut job, &style, " ", false, false, heading, false),
            Event::HardBreak => append(&mut job, &style, "\n", false, false, heading, false),
            _ => {}
        }
    }
    flush(ui, &mut job);
}

fn append(
    job: &mut egui::text::LayoutJob,
    style: &egui::Style,
    text: &str,
    bold: bool,
    italic: bool,
    heading: Option<HeadingLevel>,
    link: bool,
) {
    let size = match heading {
        Some(HeadingLevel::H1) => 20.0,
        Some(HeadingLevel::H2) => 17.0,
        Some(_) => 15.0,
        None => 14.0,
    };
    let color = if link {
        style.visuals.hyperlink_color
    } else if bold || heading.is_some() {
        style.visuals.strong_text_color()
    } else {
        style.visuals.text_color()
    };
    job.append(
        text,
        0.0,
        egui::TextFormat {
            font_id: egui::FontId::proportional(size),
            color,
            italics: italic,
            underline: if link {
                egui::Stroke::new(1.0, color)
            } else {
                egui::Stroke::NONE
            },
            ..Default::default()
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_wraps_the_selection() {
        assert_eq!(
            apply("ein Wort hier", 4..8, Helper::Bold).0,
            "ein **Wort** hier"
        );
        // Characters, not bytes: umlauts before the selection.
        assert_eq!(
            apply("Äpfel und Öl", 10..12, Helper::Bold).0,
            "Äpfel und **Öl**"
        );
        let (text, cursor) = apply("ab", 1..1, Helper::Bold);
        assert_eq!(text, "a****b");
        assert_eq!(cursor, 3, "cursor between the markers");
    }

    #[test]
    fn list_prefixes_each_selected_line_once() {
        assert_eq!(
            apply("eins\nzwei\ndrei", 2..7, Helper::List).0,
            "- eins\n- zwei\ndrei"
        );
        assert_eq!(
            apply("- eins\nzwei", 0..9, Helper::List).0,
            "- eins\n- zwei"
        );
    }

    #[test]
    fn link_wraps_the_selection() {
        assert_eq!(
            apply("siehe BSI", 6..9, Helper::Link).0,
            "siehe [BSI](https://)"
        );
    }

    #[test]
    fn ranges_beyond_the_end_are_clamped() {
        assert_eq!(apply("ab", 5..9, Helper::Bold).0, "ab****");
    }
}
