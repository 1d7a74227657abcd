//! Word-level differences between two texts, as segments of equal, inserted and deleted text.

use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

/// What happened to a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// In both texts.
    Equal,
    /// Only in the newer text.
    Insert,
    /// Only in the older text.
    Delete,
}

/// A run of text with what happened to it. Concatenating the `Equal` and `Delete`
/// segments gives the old text; `Equal` and `Insert` give the new one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Segment {
    /// Equal, inserted or deleted.
    pub kind: SegmentKind,
    /// The text, including its white space and punctuation.
    pub text: String,
}

impl Segment {
    /// A segment of `kind` holding `text`.
    pub fn new(kind: SegmentKind, text: impl Into<String>) -> Self {
        Self {
            kind,
            text: text.into(),
        }
    }
}

/// A text diff of huge or pathological inputs gives up refining after this long and
/// reports coarser changes instead of freezing the editor.
const DEADLINE: Duration = Duration::from_millis(200);

/// Splits a text into tokens that keep everything: runs of letters and digits (a word),
/// runs of white space, and every other character on its own (punctuation, Markdown).
pub fn tokenize(text: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Other,
    }
    fn class(c: char) -> Class {
        if c.is_alphanumeric() || c == '_' || c == '\u{ad}' {
            Class::Word
        } else if c.is_whitespace() {
            Class::Space
        } else {
            Class::Other
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut current: Option<Class> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        let boundary = match current {
            None => false,
            Some(prev) => prev != k || k == Class::Other,
        };
        if boundary {
            out.push(&text[start..i]);
            start = i;
        }
        current = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The word-level changes from `old` to `new`.
///
/// Short equal runs that hold no letters (a space, a comma) between two changes are
/// folded into the change, so "[-a b-] {+c d+}" reads as one replacement instead of
/// "[-a-]{+c+} [-b-]{+d+}". Within each changed run the deletion comes first.
pub fn word_diff(old: &str, new: &str) -> Vec<Segment> {
    if old == new {
        return if old.is_empty() {
            Vec::new()
        } else {
            vec![Segment::new(SegmentKind::Equal, old)]
        };
    }
    let a = tokenize(old);
    let b = tokenize(new);
    let ops =
        capture_diff_slices_deadline(Algorithm::Myers, &a, &b, Some(Instant::now() + DEADLINE));
    let mut raw: Vec<(SegmentKind, String)> = Vec::new();
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => raw.push((SegmentKind::Equal, a[o].concat())),
            DiffTag::Delete => raw.push((SegmentKind::Delete, a[o].concat())),
            DiffTag::Insert => raw.push((SegmentKind::Insert, b[n].concat())),
            DiffTag::Replace => {
                raw.push((SegmentKind::Delete, a[o].concat()));
                raw.push((SegmentKind::Insert, b[n].concat()));
            }
        }
    }
    // Fold letter-less equal runs between two changes into the change.
    let mut folded: Vec<(SegmentKind, String)> = Vec::with_capacity(raw.len());
    for i in 0..raw.len() {
        let (kind, text) = &raw[i];
        let between_changes = *kind == SegmentKind::Equal
            && i > 0
            && i + 1 < raw.len()
            && raw[i - 1].0 != SegmentKind::Equal
            && raw[i + 1].0 != SegmentKind::Equal;
        if between_changes && !text.chars().any(char::is_alphanumeric) && !text.contains('\n') {
            folded.push((SegmentKind::Delete, text.clone()));
            folded.push((SegmentKind::Insert, text.clone()));
        } else {
            folded.push((*kind, text.clone()));
        }
    }
    // Merge each run of changes into at most one deletion followed by one insertion.
    let mut out: Vec<Segment> = Vec::new();
    let mut del = String::new();
    let mut ins = String::new();
    let flush = |out: &mut Vec<Segment>, del: &mut String, ins: &mut String| {
        if !del.is_empty() {
            out.push(Segment::new(SegmentKind::Delete, std::mem::take(del)));
        }
        if !ins.is_empty() {
            out.push(Segment::new(SegmentKind::Insert, std::mem::take(ins)));
        }
    };
    for (kind, text) in folded {
        match kind {
            SegmentKind::Delete => del.push_str(&text),
            SegmentKind::Insert => ins.push_str(&text),
            SegmentKind::Equal => {
                flush(&mut out, &mut del, &mut ins);
                match out.last_mut() {
                    Some(last) if last.kind == SegmentKind::Equal => last.text.push_str(&text),
                    _ => out.push(Segment::new(SegmentKind::Equal, text)),
                }
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// The old text of a segment list (equal and deleted parts).
pub fn old_text(segments: &[Segment]) -> String {
    segments
        .iter()
        .filter(|s| s.kind != SegmentKind::Insert)
        .map(|s| s.text.as_str())
        .collect()
}

/// The new text of a segment list (equal and inserted parts).
pub fn new_text(segments: &[Segment]) -> String {
    segments
        .iter()
        .filter(|s| s.kind != SegmentKind::Delete)
        .map(|s| s.text.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| match s.kind {
                SegmentKind::Equal => s.text.clone(),
                SegmentKind::Delete => format!("[-{}-]", s.text),
                SegmentKind::Insert => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    #[test]
    fn tokens_keep_every_character() {
        let text = "Die Daten (täglich) werden  gesichert, z.B. um 3:00 Uhr.\nNeu";
        let t = tokenize(text);
        assert_eq!(t.concat(), text);
        assert!(t.contains(&"täglich"));
        assert!(t.contains(&"("));
        assert!(t.contains(&"  "));
        assert!(tokenize("").is_empty());
    }

    #[test]
    fn marks_a_replaced_word() {
        let s = word_diff(
            "Die Daten werden täglich gesichert.",
            "Die Daten werden stündlich gesichert.",
        );
        assert_eq!(
            marked(&s),
            "Die Daten werden [-täglich-]{+stündlich+} gesichert."
        );
    }

    #[test]
    fn folds_separators_between_changes() {
        let s = word_diff("alpha beta gamma", "alpha delta epsilon");
        assert_eq!(marked(&s), "alpha [-beta gamma-]{+delta epsilon+}");
    }

    #[test]
    fn round_trips_old_and_new() {
        let cases = [
            ("", "neu"),
            ("alt", ""),
            ("a b c d e", "a x c y e z"),
            (
                "Zeile eins\n\nZeile zwei",
                "Zeile eins\n\nZeile drei\n\nvier",
            ),
            ("Äpfel, Birnen; Öl", "Birnen; Öl, Äpfel"),
        ];
        for (old, new) in cases {
            let s = word_diff(old, new);
            assert_eq!(old_text(&s), old);
            assert_eq!(new_text(&s), new);
            assert!(s.iter().all(|seg| !seg.text.is_empty()));
        }
    }

    #[test]
    fn equal_texts_are_one_equal_segment() {
        assert_eq!(
            word_diff("gleich", "gleich"),
            vec![Segment::new(SegmentKind::Equal, "gleich")]
        );
        assert!(word_diff("", "").is_empty());
    }
}
