//! Markdown helpers for the body editor's toolbar (bold, list, link around the selection).

use std::ops::Range;

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
