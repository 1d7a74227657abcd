//! Bare URLs and e-mail addresses in body text made links (`https://…`, `www.…`,
//! `name@example.org`), as a reader of the PDF or DOCX expects them to be clickable.
//!
//! Only the export's blocks change: the Markdown source keeps its text, so the
//! round trip through the editor and the importer is untouched.

use super::blocks::Inline;

/// Characters a URL never ends with in running text (sentence punctuation after it).
const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', '"', '\'', '»', '“', '”', '’'];

fn is_email_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

/// The end (byte offset) of a URL starting at `start`: up to white space or a character
/// that cannot be in it, less trailing punctuation; a `)` only when it closes a `(` of
/// the URL itself (Wikipedia-style paths), not the parenthesis the URL stands in.
fn url_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let mut end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '[' | ']'))
        .unwrap_or(rest.len());
    loop {
        let cand = &rest[..end];
        let Some(last) = cand.chars().last() else {
            break;
        };
        let unbalanced_paren = last == ')' && cand.matches('(').count() < cand.matches(')').count();
        if TRAILING.contains(&last) || unbalanced_paren {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    start + end
}

/// The next bare link in `text` at or after `from`: (start, end, target).
fn next_link(text: &str, from: usize) -> Option<(usize, usize, String)> {
    let lower = text.to_ascii_lowercase();
    let mut best: Option<(usize, usize, String)> = None;
    let mut consider = |cand: (usize, usize, String)| {
        if best.as_ref().is_none_or(|b| cand.0 < b.0) {
            best = Some(cand);
        }
    };
    for scheme in ["https://", "http://", "www."] {
        let mut at = from;
        while let Some(i) = lower[at..].find(scheme).map(|i| i + at) {
            // Inside a word ("xwww.") is not a link start.
            let word_start = text[..i]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric() && c != '@' && c != '/');
            let end = url_end(text, i);
            // A scheme alone ("https://" then a space) or "www." with no host is text.
            // (Trailing punctuation may have eaten into the scheme itself: "www.".)
            let host = text.get(i + scheme.len()..end).unwrap_or("");
            if word_start && host.contains(|c: char| c.is_alphanumeric()) {
                let url = &text[i..end];
                let target = if scheme == "www." {
                    if !host.contains('.') {
                        at = i + scheme.len();
                        continue;
                    }
                    format!("https://{url}")
                } else {
                    url.to_owned()
                };
                consider((i, end, target));
                break;
            }
            at = i + scheme.len();
        }
    }
    let mut at = from;
    while let Some(i) = text[at..].find('@').map(|i| i + at) {
        let start = text[..i]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_email_local(*c))
            .last()
            .map_or(i, |(k, _)| k);
        let domain_len = text[i + 1..]
            .char_indices()
            .find(|(_, c)| !is_domain(*c))
            .map_or(text.len() - i - 1, |(k, _)| k);
        let domain = text[i + 1..i + 1 + domain_len].trim_end_matches(['.', '-']);
        let local = &text[start..i];
        let dot = domain.rfind('.');
        let tld_ok = dot.is_some_and(|d| domain[d + 1..].chars().count() >= 2);
        if !local.is_empty() && !local.starts_with('.') && tld_ok {
            let end = i + 1 + domain.len();
            consider((start, end, format!("mailto:{}", &text[start..end])));
            break;
        }
        at = i + 1;
    }
    best
}

/// Splits the unlinked, non-code runs of `inlines` so that bare URLs and e-mail
/// addresses become runs of their own with a link target; the text is unchanged.
pub fn autolink(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        if inline.style.link.is_some() || inline.style.code {
            out.push(inline);
            continue;
        }
        let text = &inline.text;
        let mut pos = 0;
        while let Some((start, end, target)) = next_link(text, pos) {
            if start > pos {
                out.push(Inline {
                    text: text[pos..start].to_owned(),
                    style: inline.style.clone(),
                });
            }
            let mut style = inline.style.clone();
            style.link = Some(target);
            out.push(Inline {
                text: text[start..end].to_owned(),
                style,
            });
            pos = end;
        }
        if pos == 0 {
            out.push(inline);
        } else if pos < text.len() {
            out.push(Inline {
                text: text[pos..].to_owned(),
                style: inline.style,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(String, String)> {
        autolink(vec![Inline::plain(text)])
            .into_iter()
            .filter_map(|i| i.style.link.map(|l| (i.text, l)))
            .collect()
    }

    #[test]
    fn bare_urls_and_addresses_become_links() {
        let t = "See https://example.org/a_(b), www.bsi.bund.de. Mail dpo@firma.example; \
                 or (https://x.example/p?q=1&r=2).";
        assert_eq!(
            links(t),
            vec![
                (
                    "https://example.org/a_(b)".into(),
                    "https://example.org/a_(b)".into()
                ),
                ("www.bsi.bund.de".into(), "https://www.bsi.bund.de".into()),
                (
                    "dpo@firma.example".into(),
                    "mailto:dpo@firma.example".into()
                ),
                (
                    "https://x.example/p?q=1&r=2".into(),
                    "https://x.example/p?q=1&r=2".into()
                ),
            ]
        );
        // The text itself is unchanged.
        let joined: String = autolink(vec![Inline::plain(t)])
            .iter()
            .map(|i| i.text.as_str())
            .collect();
        assert_eq!(joined, t);
    }

    #[test]
    fn non_links_stay_text() {
        for t in [
            "https:// then nothing",
            "a@b",
            "user@localhost",
            "Version 2.0 of www.",
            "awww.example.org",
            "ISO/IEC 27001",
        ] {
            assert!(links(t).is_empty(), "{t}: {:?}", links(t));
        }
        // Code and existing links are left alone.
        let mut code = Inline::plain("https://example.org");
        code.style.code = true;
        assert_eq!(autolink(vec![code.clone()]), vec![code]);
    }
}
