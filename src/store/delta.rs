//! Line-based deltas between consecutive version snapshots, so a file with hundreds of
//! versions stays small and quick to load, and remains readable text.
//!
//! A delta is a list of hunks. Each hunk is a header line `@@ START DELETED INSERTED`
//! (0-based line index in the previous text, lines removed there, lines that follow)
//! followed by the inserted lines. Lines are split on `\n` only, so every byte survives.

/// The delta that turns `old` into `new`, one hunk per changed run of lines.
///
/// Myers' algorithm (the `similar` crate) costs O(N·D); consecutive snapshots differ in
/// few lines, and a deadline bounds pathological inputs (the result is then coarser but
/// still exact).
pub fn delta(old: &str, new: &str) -> String {
    use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
    let old_lines: Vec<&str> = old.split('\n').collect();
    let new_lines: Vec<&str> = new.split('\n').collect();
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(20);
    let ops =
        capture_diff_slices_deadline(Algorithm::Myers, &old_lines, &new_lines, Some(deadline));
    // (start in old, deleted, first inserted line in new, inserted)
    let mut hunks: Vec<(usize, usize, usize, usize)> = Vec::new();
    for op in ops {
        let (start, deleted, new_start, inserted) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index, old_len, new_index, 0),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index, 0, new_index, new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (old_index, old_len, new_index, new_len),
        };
        match hunks.last_mut() {
            Some(h) if h.0 + h.1 == start && h.2 + h.3 == new_start => {
                h.1 += deleted;
                h.3 += inserted;
            }
            _ => hunks.push((start, deleted, new_start, inserted)),
        }
    }
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

/// Applies a delta made by [`delta`] (or any list of ordered, non-overlapping hunks).
/// Returns `None` when it does not fit `old` (a damaged or edited file).
pub fn apply(old: &str, delta: &str) -> Option<String> {
    if delta.is_empty() {
        return Some(old.to_owned());
    }
    let old_lines: Vec<&str> = old.split('\n').collect();
    let mut out: Vec<&str> = Vec::with_capacity(old_lines.len() + 16);
    let mut next_old = 0usize;
    let mut lines = delta.split('\n');
    while let Some(header) = lines.next() {
        let mut parts = header.strip_prefix("@@ ")?.split(' ');
        let start: usize = parts.next()?.parse().ok()?;
        let deleted: usize = parts.next()?.parse().ok()?;
        let inserted: usize = parts.next()?.parse().ok()?;
        if parts.next().is_some()
            || start < next_old
            || start.checked_add(deleted)? > old_lines.len()
        {
            return None;
        }
        out.extend_from_slice(&old_lines[next_old..start]);
        for _ in 0..inserted {
            out.push(lines.next()?);
        }
        next_old = start + deleted;
    }
    out.extend_from_slice(&old_lines[next_old..]);
    Some(out.join("\n"))
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
