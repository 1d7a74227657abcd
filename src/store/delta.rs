//! Line-based deltas between consecutive version snapshots, so a file with hundreds of
//! versions stays small and quick to load, and remains readable text.
//!
//! A delta is a list of hunks. Each hunk is a header line `@@ START DELETED INSERTED`
//! (0-based line index in the previous text, lines removed there, lines that follow)
//! followed by the inserted lines. Lines are split on `\n` only, so every byte survives.

/// [`delta_lines`] of two whole texts.
#[cfg(test)]
pub fn delta(old: &str, new: &str) -> String {
    delta_lines(&lines(old), &lines(new))
}

/// `text` split on `\n`, as [`delta_lines`] takes it (one line more than newlines).
pub fn lines(text: &str) -> Vec<&str> {
    // memchr instead of `str::split('\n')`: splitting the 20 MB of 500 snapshots was
    // most of the time to save them.
    let mut out = Vec::with_capacity(text.len() / 24 + 1);
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push(text.get(start..i).unwrap_or_default());
        start = i + 1;
    }
    out.push(text.get(start..).unwrap_or_default());
    out
}

/// True when fewer than half of the longer side's lines occur on the other side at all
/// (counted with multiplicity, in linear time): no diff could find much to keep.
fn shares_little(old: &[&str], new: &[&str]) -> bool {
    let mut counts: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::with_capacity(old.len());
    for line in old {
        *counts.entry(line).or_default() += 1;
    }
    let mut common = 0usize;
    for line in new {
        if let Some(n) = counts.get_mut(line)
            && *n > 0
        {
            *n -= 1;
            common += 1;
        }
    }
    common * 2 < old.len().max(new.len())
}

/// Up to this many lines in the changed middle (old plus new), Myers runs over all of them.
const MYERS_LINES: usize = 4_000;

/// The delta that turns `old_lines` into `new_lines` (both from [`lines`]), one hunk per
/// changed run of lines. A run of versions splits each snapshot once.
///
/// The result depends on the input only, never on the clock: the same file saved twice
/// gives the same bytes (a time deadline made the delta, and so the file, depend on how
/// busy the machine was; the crash test and `git diff` saw two different files).
/// Myers' algorithm (the `similar` crate) costs O(N·D); below [`MYERS_LINES`] changed
/// lines it is exact and cheap. Beyond, patience diff anchors on lines that occur once on
/// each side (consecutive snapshots share nearly all of them), with Myers only between
/// anchors.
pub fn delta_lines(old_lines: &[&str], new_lines: &[&str]) -> String {
    use similar::{Algorithm, DiffOp, capture_diff_slices};
    let prefix = old_lines
        .iter()
        .zip(new_lines)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = old_lines[prefix..]
        .iter()
        .rev()
        .zip(new_lines[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let old_middle = &old_lines[prefix..old_lines.len() - suffix];
    let new_middle = &new_lines[prefix..new_lines.len() - suffix];
    let ops = if shares_little(old_middle, new_middle) {
        // A rewrite: diffing it costs much and saves little; one hunk replaces it.
        vec![
            DiffOp::Equal {
                old_index: 0,
                new_index: 0,
                len: prefix,
            },
            DiffOp::Equal {
                old_index: old_lines.len() - suffix,
                new_index: new_lines.len() - suffix,
                len: suffix,
            },
        ]
    } else {
        let algorithm = if old_middle.len() + new_middle.len() <= MYERS_LINES {
            Algorithm::Myers
        } else {
            Algorithm::Patience
        };
        capture_diff_slices(algorithm, old_lines, new_lines)
    };
    // The hunks are the gaps between runs of equal lines, and only the `Equal` ops are
    // trusted, each checked: similar 2.7's Myers can give an `Insert` the wrong old
    // position (mitsuhiko/similar#78; found here by `any_pair_round_trips`), and a wrong
    // delta would change a released version and break its hash on the next load. An
    // unchecked run simply stays inside a hunk, so the delta is exact whatever the ops.
    // (start in old, deleted, first inserted line in new, inserted)
    let mut hunks: Vec<(usize, usize, usize, usize)> = Vec::new();
    let (mut old_at, mut new_at) = (0usize, 0usize);
    let mut gap = |old_end: usize, new_end: usize, old_at: usize, new_at: usize| {
        if old_end > old_at || new_end > new_at {
            hunks.push((old_at, old_end - old_at, new_at, new_end - new_at));
        }
    };
    for op in ops {
        let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        else {
            continue;
        };
        let equal = old_index >= old_at
            && new_index >= new_at
            && len > 0
            && old_lines.get(old_index..old_index + len)
                == new_lines.get(new_index..new_index + len);
        if !equal {
            continue;
        }
        gap(old_index, new_index, old_at, new_at);
        (old_at, new_at) = (old_index + len, new_index + len);
    }
    gap(old_lines.len(), new_lines.len(), old_at, new_at);
    let mut out = String::new();
    for (start, deleted, new_start, inserted) in hunks {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("@@ {start} {deleted} {inserted}"));
        for line in &new_lines[new_start..new_start + inserted] {
            out.push('\n');
            out.push_str(line);
        }
    }
    out
}

/// Applies a delta made by [`delta_lines`] (or any list of ordered, non-overlapping hunks).
/// Returns `None` when it does not fit `old` (a damaged or edited file).
pub fn apply(old: &str, delta: &str) -> Option<String> {
    if delta.is_empty() {
        return Some(old.to_owned());
    }
    // Old lines are copied as whole runs of bytes between hunks instead of being split
    // into a list and joined again, and the old text is scanned only up to the last hunk:
    // loading 500 versions rebuilds 20 MB, and splitting it was half of the load time.
    let bytes = old.as_bytes();
    let mut out = String::with_capacity(old.len() + delta.len());
    let mut first = true;
    let mut emit = |out: &mut String, text: &str| {
        if !first {
            out.push('\n');
        }
        first = false;
        out.push_str(text);
    };
    // The cursor: old line `line` starts at byte `pos`; past the last line, `pos` is
    // `old.len() + 1`, as if the text ended with a newline.
    let (mut line, mut pos) = (0usize, 0usize);
    let mut lines = delta.split('\n');
    while let Some(header) = lines.next() {
        let mut parts = header.strip_prefix("@@ ")?.split(' ');
        let start: usize = parts.next()?.parse().ok()?;
        let deleted: usize = parts.next()?.parse().ok()?;
        let inserted: usize = parts.next()?.parse().ok()?;
        if parts.next().is_some() || start < line {
            return None;
        }
        if start > line {
            let next = skip_lines(bytes, pos, start - line)?;
            emit(&mut out, old.get(pos..next - 1)?);
            (line, pos) = (start, next);
        }
        for _ in 0..inserted {
            emit(&mut out, lines.next()?);
        }
        pos = skip_lines(bytes, pos, deleted)?;
        line += deleted;
    }
    if pos <= old.len() {
        emit(&mut out, old.get(pos..)?);
    }
    Some(out)
}

/// The start of the line `n` lines after the one starting at `pos`: `bytes.len() + 1`
/// just past the last line, `None` beyond that (a delta that does not fit).
fn skip_lines(bytes: &[u8], mut pos: usize, n: usize) -> Option<usize> {
    for _ in 0..n {
        if pos > bytes.len() {
            return None;
        }
        match memchr::memchr(b'\n', &bytes[pos..]) {
            Some(i) => pos += i + 1,
            None => pos = bytes.len() + 1,
        }
    }
    Some(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let cases = [
            ("", ""),
            ("a", "a"),
            ("a\nb\nc", "a\nB\nc"),
            ("a\nb\nc", "a\nc"),
            ("a\nc", "a\nb\nc"),
            ("a\nb", "x\ny\nz"),
            ("same\nsame\nsame", "same\nsame"),
            ("", "new\n"),
            ("old\n", ""),
            ("\n\n", "\n\n\n"),
            ("@@ 1 2 3\nx", "@@ 1 2 3\ny\n@@"),
            ("line\r\nwith cr", "line\r\nwith CR"),
            // similar 2.7 reports the insert here at the wrong old position.
            (
                "a\naaa\n\n\n\n",
                "\n\n\nb\naa\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n",
            ),
        ];
        for (old, new) in cases {
            let d = delta(old, new);
            assert_eq!(
                apply(old, &d).as_deref(),
                Some(new),
                "{old:?} -> {new:?} via {d:?}"
            );
        }
    }

    #[test]
    fn small_edits_give_small_deltas() {
        let old: String = (0..1000).map(|i| format!("line {i}\n")).collect();
        let new = old.replace("line 500\n", "line five hundred\n");
        let d = delta(&old, &new);
        assert_eq!(d, "@@ 500 1 1\nline five hundred");
    }

    #[test]
    fn damaged_deltas_are_refused() {
        for bad in [
            "@@ 5 1 0",
            "@@ 0 0 2\nonly one",
            "garbage",
            "@@ 1 0 0\n@@ 0 0 0",
            "@@ x 0 0",
            "@@ 0 0 0 0",
        ] {
            assert_eq!(apply("a\nb", bad), None, "{bad:?}");
        }
    }
}

#[cfg(test)]
mod scattered {
    use super::*;

    #[test]
    fn scattered_edits_give_one_hunk_each() {
        let old: String = (0..1000).map(|i| format!("line {i}\n")).collect();
        let new = old
            .replace("line 10\n", "line ten\n")
            .replace("line 990\n", "")
            .replace("line 500\n", "line 500\ninserted\n");
        let d = delta(&old, &new);
        assert_eq!(d.matches("@@").count(), 3, "{d}");
        assert!(d.len() < 80, "{d}");
        assert_eq!(apply(&old, &d).as_deref(), Some(new.as_str()));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Short alphabets make many equal lines, so hunks touch, start at 0 and end at
        /// the last line, with and without a trailing newline.
        #[test]
        fn any_pair_round_trips(old in "[ab\n]{0,40}", new in "[abc\n]{0,40}") {
            prop_assert_eq!(lines(&old), old.split('\n').collect::<Vec<_>>());
            let d = delta(&old, &new);
            prop_assert_eq!(apply(&old, &d), Some(new));
        }
    }
}
