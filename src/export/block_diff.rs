//! A diff of rendered content for the change report: two texts as blocks (paragraphs,
//! lists, tables, headings), compared block by block and then word by word, with deleted
//! text struck through and inserted text marked, so the report reads like the document.
//!
//! Blocks are matched in order (an LCS over the blocks); among the blocks between two
//! matches, pairs of the same kind and similar text are diffed inside (a table row by
//! row and cell by cell, a list item by item), the rest is marked whole.

use std::collections::HashMap;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::blocks::{Block, Highlight, Inline, InlineStyle, Row, plain_text};
use crate::diff::tokenize;

/// Two blocks of the same kind whose texts share less than this (by `similar`'s word
/// ratio) are shown as one removed and one added block rather than diffed inside.
const PAIR_RATIO: f32 = 0.35;

/// The marked style of a changed run: deleted text is also struck through.
fn marked(style: &InlineStyle, highlight: Highlight) -> InlineStyle {
    InlineStyle {
        strike: style.strike || highlight == Highlight::Deleted,
        highlight: Some(highlight),
        ..style.clone()
    }
}

/// Appends a run, merged with the previous one when the style is the same.
fn push(out: &mut Vec<Inline>, text: &str, style: InlineStyle) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => out.push(Inline {
            text: text.to_owned(),
            style,
        }),
    }
}

/// Words and spaces of some inlines, each with its style.
fn tokens(inlines: &[Inline]) -> Vec<(&str, &InlineStyle)> {
    inlines
        .iter()
        .flat_map(|i| tokenize(&i.text).into_iter().map(move |t| (t, &i.style)))
        .collect()
}

/// Interns token keys (text and style) as numbers, so the diff compares cheap values.
#[derive(Default)]
struct Interner(HashMap<(String, String), usize>);

impl Interner {
    fn ids(&mut self, tokens: &[(&str, &InlineStyle)]) -> Vec<usize> {
        tokens
            .iter()
            .map(|(t, s)| {
                let key = ((*t).to_owned(), format!("{s:?}"));
                let next = self.0.len();
                *self.0.entry(key).or_insert(next)
            })
            .collect()
    }
}

/// The diff of two id lists as (equal, old range, new range), the ranges counted from
/// the ops' lengths: `similar` reports a deletion's `new_index` from where the change
/// began in the other list, which is no place in `new` to slice at.
fn ops(
    old: &[usize],
    new: &[usize],
) -> Vec<(bool, std::ops::Range<usize>, std::ops::Range<usize>)> {
    let (mut oi, mut ni) = (0, 0);
    capture_diff_slices(Algorithm::Myers, old, new)
        .into_iter()
        .map(|op| {
            let (equal, ol, nl) = match op {
                DiffOp::Equal { len, .. } => (true, len, len),
                DiffOp::Delete { old_len, .. } => (false, old_len, 0),
                DiffOp::Insert { new_len, .. } => (false, 0, new_len),
                DiffOp::Replace {
                    old_len, new_len, ..
                } => (false, old_len, new_len),
            };
            let r = (equal, oi..oi + ol, ni..ni + nl);
            oi += ol;
            ni += nl;
            r
        })
        .collect()
}

/// A stretch of the token diff: equal tokens, or a change (old tokens replaced by new
/// ones; either side may be empty).
#[derive(Debug, Clone)]
struct Stretch {
    equal: bool,
    old: std::ops::Range<usize>,
    new: std::ops::Range<usize>,
}

/// The token diff of `a` and `b` as stretches, cleaned up for people: an equal stretch
/// no longer than the changes on both sides of it (a lone "die", a space, a comma
/// between two rewritten phrases) is folded into one change, so a rewritten sentence
/// reads as the old words struck and the new ones marked, not as a word salad (the
/// rule of diff-match-patch's semantic cleanup).
fn stretches(a: &[(&str, &InlineStyle)], b: &[(&str, &InlineStyle)]) -> Vec<Stretch> {
    let mut interner = Interner::default();
    let (ka, kb) = (interner.ids(a), interner.ids(b));
    let mut out: Vec<Stretch> = Vec::new();
    for (equal, o, n) in ops(&ka, &kb) {
        match out.last_mut() {
            Some(last) if !equal && !last.equal => {
                last.old.end = o.end;
                last.new.end = n.end;
            }
            _ => out.push(Stretch {
                equal,
                old: o,
                new: n,
            }),
        }
    }
    let chars =
        |t: &[(&str, &InlineStyle)]| -> usize { t.iter().map(|(s, _)| s.chars().count()).sum() };
    let size = |s: &Stretch| chars(&a[s.old.clone()]).max(chars(&b[s.new.clone()]));
    // Only short equalities are folded: a phrase of three words or more that both
    // versions share stays visible as unchanged.
    let minor = |s: &Stretch| {
        let toks = &b[s.new.clone()];
        toks.iter()
            .filter(|(t, _)| t.chars().any(char::is_alphanumeric))
            .count()
            <= 2
            && !toks.iter().any(|(t, _)| t.contains('\u{2029}'))
    };
    loop {
        let fold = (1..out.len().saturating_sub(1)).find(|&k| {
            out[k].equal
                && !out[k - 1].equal
                && !out[k + 1].equal
                && minor(&out[k])
                && chars(&b[out[k].new.clone()]) <= size(&out[k - 1])
                && chars(&b[out[k].new.clone()]) <= size(&out[k + 1])
        });
        let Some(k) = fold else { break };
        let merged = Stretch {
            equal: false,
            old: out[k - 1].old.start..out[k + 1].old.end,
            new: out[k - 1].new.start..out[k + 1].new.end,
        };
        out.splice(k - 1..=k + 1, std::iter::once(merged));
    }
    out
}

/// Called per token to cut paragraphs at break tokens: (runs so far, token, side).
type OnBreak<'a> = dyn FnMut(&mut Vec<Inline>, &str, Option<Highlight>) -> bool + 'a;

/// Writes a diff's stretches as marked runs: equal tokens as in `b`, deleted ones of
/// `a` marked deleted (in place, before the insertion), inserted ones of `b` marked
/// inserted. `on_break` is called instead of pushing a token for which it returns true
/// (with the token's side), so a caller can cut paragraphs at break tokens.
fn write_stretches(
    out: &mut Vec<Inline>,
    a: &[(&str, &InlineStyle)],
    b: &[(&str, &InlineStyle)],
    stretches: &[Stretch],
    on_break: &mut OnBreak<'_>,
) {
    for s in stretches {
        if s.equal {
            for (t, st) in &b[s.new.clone()] {
                if !on_break(out, t, None) {
                    push(out, t, (*st).clone());
                }
            }
            continue;
        }
        let old = &a[s.old.clone()];
        let new = &b[s.new.clone()];
        // Only spaces removed: the neighbours' own spaces still separate the words.
        let blank = |t: &[(&str, &InlineStyle)]| t.iter().all(|(t, _)| t.trim().is_empty());
        // Spaces at the edges of a change stay unmarked (a struck or underlined space
        // reads as a stray mark); the first non-space token and the last one bound it.
        let edges = |t: &[(&str, &InlineStyle)]| {
            let first = t
                .iter()
                .position(|(t, _)| !t.trim().is_empty())
                .unwrap_or(t.len());
            let last = t
                .iter()
                .rposition(|(t, _)| !t.trim().is_empty())
                .map_or(first, |l| l + 1);
            (first, last)
        };
        let old_blank = blank(old);
        let (of, ol) = edges(old);
        for (k, (t, st)) in old.iter().enumerate() {
            if on_break(out, t, Some(Highlight::Deleted)) || old_blank {
                continue;
            }
            if k < of || k >= ol {
                // A space after the deletion still separates the words around it.
                if k >= ol
                    && !out
                        .last()
                        .is_some_and(|l| l.text.ends_with(char::is_whitespace))
                {
                    push(out, t, (*st).clone());
                }
                continue;
            }
            push(out, t, marked(st, Highlight::Deleted));
        }
        if blank(new) {
            for (t, st) in new {
                if !on_break(out, t, Some(Highlight::Inserted)) {
                    push(out, t, (*st).clone());
                }
            }
            continue;
        }
        // A deletion directly followed by an insertion ("30" → "35") gets a space
        // between them, so the two words neither run together on paper nor in the
        // extracted text.
        let joins = out.last().is_some_and(|l| {
            l.style.highlight == Some(Highlight::Deleted) && !l.text.ends_with(char::is_whitespace)
        }) && !new
            .first()
            .is_some_and(|(t, _)| t.starts_with(char::is_whitespace));
        if joins {
            push(out, " ", InlineStyle::default());
        }
        let (nf, nl) = edges(new);
        for (k, (t, st)) in new.iter().enumerate() {
            if on_break(out, t, Some(Highlight::Inserted)) {
                continue;
            }
            if k < nf || k >= nl {
                if !out
                    .last()
                    .is_some_and(|l| l.text.ends_with(char::is_whitespace))
                {
                    push(out, t, (*st).clone());
                }
                continue;
            }
            push(out, t, marked(st, Highlight::Inserted));
        }
    }
}

/// The words of `new` with those not in `old` marked inserted and those of `old` not in
/// `new` marked deleted (in place, before the insertion). A change of style alone (a
/// word made bold) shows as the plain word deleted and the bold one inserted.
pub fn diff_inlines(old: &[Inline], new: &[Inline]) -> Vec<Inline> {
    let a = tokens(old);
    let b = tokens(new);
    let mut out = Vec::new();
    write_stretches(&mut out, &a, &b, &stretches(&a, &b), &mut |_, _, _| false);
    out
}

/// The token that stands for a paragraph break in [`diff_paragraphs`] (a character no
/// text holds: the layout drops it).
const PARAGRAPH_BREAK: &str = "\u{2029}";

/// A run of paragraphs diffed as one text with paragraph breaks as tokens, so a
/// paragraph split in two (or two joined) shows the words that changed rather than one
/// paragraph removed and two added.
fn diff_paragraphs(old: &[Block], new: &[Block]) -> Vec<Block> {
    let break_style = InlineStyle::default();
    let flat = |blocks: &[Block]| -> Vec<Inline> {
        let mut v = Vec::new();
        for (k, b) in blocks.iter().enumerate() {
            if k > 0 {
                v.push(Inline {
                    text: PARAGRAPH_BREAK.to_owned(),
                    style: break_style.clone(),
                });
            }
            if let Block::Paragraph(i) = b {
                v.extend(i.iter().cloned());
            }
        }
        v
    };
    let (fa, fb) = (flat(old), flat(new));
    let (a, b) = (tokens(&fa), tokens(&fb));
    let mut paragraphs: Vec<Vec<Inline>> = Vec::new();
    let mut current = Vec::new();
    write_stretches(
        &mut current,
        &a,
        &b,
        &stretches(&a, &b),
        &mut |out, t, side| {
            if t != PARAGRAPH_BREAK {
                return false;
            }
            match side {
                // A break that went away joins two paragraphs.
                Some(Highlight::Deleted) => push(out, " ", InlineStyle::default()),
                _ => paragraphs.push(std::mem::take(out)),
            }
            true
        },
    );
    paragraphs.push(current);
    paragraphs
        .into_iter()
        .map(|mut p| {
            trim_runs(&mut p);
            p
        })
        .filter(|p| !p.is_empty())
        .map(Block::Paragraph)
        .collect()
}

/// Drops the spaces a cut left at a paragraph's ends.
fn trim_runs(p: &mut Vec<Inline>) {
    if let Some(first) = p.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = p.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    p.retain(|i| !i.text.is_empty());
}

fn mark_inlines(inlines: &[Inline], highlight: Highlight) -> Vec<Inline> {
    inlines
        .iter()
        .filter(|i| !i.text.is_empty())
        .map(|i| Inline {
            text: i.text.clone(),
            style: marked(&i.style, highlight),
        })
        .collect()
}

fn mark_row(row: &Row, highlight: Highlight) -> Row {
    row.iter().map(|c| mark_inlines(c, highlight)).collect()
}

/// A block marked whole as added or removed. A heading inside a text becomes a bold
/// paragraph, since a heading's text carries no marks.
pub fn mark_block(block: &Block, highlight: Highlight) -> Block {
    match block {
        Block::Paragraph(i) => Block::Paragraph(mark_inlines(i, highlight)),
        Block::Small(i) => Block::Small(mark_inlines(i, highlight)),
        Block::Title(t) | Block::Heading { text: t, .. } => {
            Block::Paragraph(mark_inlines(&[Inline::bold(t.clone())], highlight))
        }
        Block::List {
            ordered,
            start,
            items,
        } => Block::List {
            ordered: *ordered,
            start: *start,
            items: items
                .iter()
                .map(|item| item.iter().map(|b| mark_block(b, highlight)).collect())
                .collect(),
        },
        Block::Table { header, rows } => Block::Table {
            header: mark_row(header, highlight),
            rows: rows.iter().map(|r| mark_row(r, highlight)).collect(),
        },
        // A code block's text carries no marks: the marked copy is its lines as code
        // spans with forced breaks, so the change still reads as code.
        Block::Code(code) => Block::Small(mark_inlines(
            &[Inline {
                text: code.clone(),
                style: InlineStyle {
                    code: true,
                    ..InlineStyle::default()
                },
            }],
            highlight,
        )),
        Block::Quote(inner) => {
            Block::Quote(inner.iter().map(|b| mark_block(b, highlight)).collect())
        }
        other => other.clone(),
    }
}

/// How alike two texts are, 0..=1, by shared words.
fn similarity(a: &str, b: &str) -> f32 {
    if a.trim().is_empty() && b.trim().is_empty() {
        return 1.0;
    }
    similar::TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_words(a, b)
        .ratio()
}

/// Aligns two short lists in order: returns pairs (old, new), where a side is `None`
/// for an element without a partner. Pairs are chosen to maximise the summed score;
/// `score` returns `None` for elements that must not pair.
fn align<T>(
    old: &[T],
    new: &[T],
    score: impl Fn(&T, &T) -> Option<f32>,
) -> Vec<(Option<usize>, Option<usize>)> {
    let (n, m) = (old.len(), new.len());
    // best[i][j]: the best score for old[i..] against new[j..].
    let mut best = vec![vec![0.0f32; m + 1]; n + 1];
    let mut pair = vec![vec![None; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let mut b = best[i + 1][j].max(best[i][j + 1]);
            if let Some(s) = score(&old[i], &new[j]) {
                let with = s + best[i + 1][j + 1];
                if with > b {
                    b = with;
                    pair[i][j] = Some(s);
                }
            }
            best[i][j] = b;
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n || j < m {
        if i < n && j < m && pair[i][j].is_some() {
            out.push((Some(i), Some(j)));
            i += 1;
            j += 1;
        } else if i < n && (j == m || best[i + 1][j] >= best[i][j + 1]) {
            out.push((Some(i), None));
            i += 1;
        } else {
            out.push((None, Some(j)));
            j += 1;
        }
    }
    out
}

fn same_kind(a: &Block, b: &Block) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
        && match (a, b) {
            (Block::Heading { level: x, .. }, Block::Heading { level: y, .. }) => x == y,
            _ => true,
        }
}

fn block_text(b: &Block) -> String {
    plain_text(std::slice::from_ref(b))
}

fn row_text(row: &Row) -> String {
    row.iter()
        .map(|c| c.iter().map(|i| i.text.as_str()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\t")
}

fn diff_row(old: &Row, new: &Row) -> Row {
    let n = old.len().max(new.len());
    (0..n)
        .map(|c| match (old.get(c), new.get(c)) {
            (Some(o), Some(n)) => diff_inlines(o, n),
            (Some(o), None) => mark_inlines(o, Highlight::Deleted),
            (None, Some(n)) => mark_inlines(n, Highlight::Inserted),
            (None, None) => Vec::new(),
        })
        .collect()
}

/// Rows in order: unchanged ones as they are, changed ones cell by cell, added and
/// removed ones marked whole.
fn diff_rows(old: &[Row], new: &[Row]) -> Vec<Row> {
    let key = |r: &Row| format!("{r:?}");
    let mut interner: HashMap<String, usize> = HashMap::new();
    let mut id = |r: &Row| {
        let next = interner.len();
        *interner.entry(key(r)).or_insert(next)
    };
    let ka: Vec<usize> = old.iter().map(&mut id).collect();
    let kb: Vec<usize> = new.iter().map(&mut id).collect();
    let mut out = Vec::new();
    for (equal, o, n) in ops(&ka, &kb) {
        if equal {
            out.extend(new[n].iter().cloned());
            continue;
        }
        let (os, ns) = (&old[o], &new[n]);
        for (i, j) in align(os, ns, |a, b| {
            let s = similarity(&row_text(a), &row_text(b));
            (s >= PAIR_RATIO).then_some(s)
        }) {
            out.push(match (i, j) {
                (Some(i), Some(j)) => diff_row(&os[i], &ns[j]),
                (Some(i), None) => mark_row(&os[i], Highlight::Deleted),
                (None, Some(j)) => mark_row(&ns[j], Highlight::Inserted),
                (None, None) => continue,
            });
        }
    }
    out
}

/// Two blocks of the same kind, diffed inside.
fn diff_pair(old: &Block, new: &Block) -> Vec<Block> {
    match (old, new) {
        (Block::Paragraph(a), Block::Paragraph(b)) => vec![Block::Paragraph(diff_inlines(a, b))],
        (Block::Small(a), Block::Small(b)) => vec![Block::Small(diff_inlines(a, b))],
        (
            Block::Heading { text: a, .. } | Block::Title(a),
            Block::Heading { text: b, .. } | Block::Title(b),
        ) => {
            if a == b {
                vec![new.clone()]
            } else {
                vec![Block::Paragraph(diff_inlines(
                    &[Inline::bold(a.clone())],
                    &[Inline::bold(b.clone())],
                ))]
            }
        }
        (
            Block::List { items: a, .. },
            Block::List {
                items: b,
                ordered,
                start,
            },
        ) => {
            let mut items = Vec::new();
            let key = |item: &Vec<Block>| format!("{item:?}");
            let mut interner: HashMap<String, usize> = HashMap::new();
            let mut id = |item: &Vec<Block>| {
                let next = interner.len();
                *interner.entry(key(item)).or_insert(next)
            };
            let ka: Vec<usize> = a.iter().map(&mut id).collect();
            let kb: Vec<usize> = b.iter().map(&mut id).collect();
            for (equal, o, n) in ops(&ka, &kb) {
                if equal {
                    items.extend(b[n].iter().cloned());
                    continue;
                }
                let (os, ns) = (&a[o], &b[n]);
                for (i, j) in align(os, ns, |x, y| {
                    let s = similarity(&plain_text(x), &plain_text(y));
                    (s >= PAIR_RATIO).then_some(s)
                }) {
                    items.push(match (i, j) {
                        (Some(i), Some(j)) => diff_blocks(&os[i], &ns[j], false),
                        (Some(i), None) => os[i]
                            .iter()
                            .map(|x| mark_block(x, Highlight::Deleted))
                            .collect(),
                        (None, Some(j)) => ns[j]
                            .iter()
                            .map(|x| mark_block(x, Highlight::Inserted))
                            .collect(),
                        (None, None) => continue,
                    });
                }
            }
            vec![Block::List {
                ordered: *ordered,
                start: *start,
                items,
            }]
        }
        (
            Block::Table {
                header: ha,
                rows: ra,
            },
            Block::Table {
                header: hb,
                rows: rb,
            },
        ) => {
            let header = if ha == hb {
                hb.clone()
            } else {
                diff_row(ha, hb)
            };
            vec![Block::Table {
                header,
                rows: diff_rows(ra, rb),
            }]
        }
        (Block::Quote(a), Block::Quote(b)) => vec![Block::Quote(diff_blocks(a, b, false))],
        _ => vec![
            mark_block(old, Highlight::Deleted),
            mark_block(new, Highlight::Inserted),
        ],
    }
}

/// The blocks of the newer text with the changes against the older one marked. With
/// `elide`, each run of unchanged blocks between changes is replaced by one "…" line
/// (headings among them are kept, as signposts), so a one-word change in a long section
/// does not print the whole section.
pub fn diff_blocks(old: &[Block], new: &[Block], elide: bool) -> Vec<Block> {
    let mut interner: HashMap<String, usize> = HashMap::new();
    let mut id = |b: &Block| {
        let next = interner.len();
        *interner.entry(format!("{b:?}")).or_insert(next)
    };
    let ka: Vec<usize> = old.iter().map(&mut id).collect();
    let kb: Vec<usize> = new.iter().map(&mut id).collect();
    let ops = ops(&ka, &kb);
    let changed = ops.iter().any(|(equal, ..)| !equal);
    let mut out = Vec::new();
    for (equal, o, n) in ops {
        if equal {
            let run = &new[n];
            if !elide || !changed {
                out.extend(run.iter().cloned());
                continue;
            }
            let mut skipped = false;
            for b in run {
                if matches!(b, Block::Heading { .. }) {
                    if skipped {
                        out.push(omitted());
                        skipped = false;
                    }
                    out.push(b.clone());
                } else {
                    skipped = true;
                }
            }
            if skipped {
                out.push(omitted());
            }
            continue;
        }
        let (os, ns) = (&old[o], &new[n]);
        // Texts that share next to nothing are shown as the old blocks removed and the
        // new ones added, each whole, rather than as a diff of a few common words.
        let alike = similarity(&plain_text(os), &plain_text(ns)) >= PAIR_RATIO;
        if !alike {
            out.extend(os.iter().map(|b| mark_block(b, Highlight::Deleted)));
            out.extend(ns.iter().map(|b| mark_block(b, Highlight::Inserted)));
            continue;
        }
        let paragraphs = |v: &[Block]| v.iter().all(|b| matches!(b, Block::Paragraph(_)));
        if !os.is_empty() && !ns.is_empty() && paragraphs(os) && paragraphs(ns) {
            out.extend(diff_paragraphs(os, ns));
            continue;
        }
        for (i, j) in align(os, ns, |a, b| {
            if !same_kind(a, b) {
                return None;
            }
            let s = similarity(&block_text(a), &block_text(b));
            (s >= PAIR_RATIO).then_some(s)
        }) {
            match (i, j) {
                (Some(i), Some(j)) => out.extend(diff_pair(&os[i], &ns[j])),
                (Some(i), None) => out.push(mark_block(&os[i], Highlight::Deleted)),
                (None, Some(j)) => out.push(mark_block(&ns[j], Highlight::Inserted)),
                (None, None) => {}
            }
        }
    }
    out
}

/// The line that stands for unchanged text left out.
fn omitted() -> Block {
    Block::Small(vec![Inline::plain("…")])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::blocks::markdown_blocks;

    fn marked_text(inlines: &[Inline], h: Highlight) -> String {
        inlines
            .iter()
            .filter(|i| i.style.highlight == Some(h))
            .map(|i| i.text.as_str())
            .collect()
    }

    #[test]
    fn words_are_marked_in_place_with_styles_kept() {
        let old = markdown_blocks("Die Daten werden *täglich* gesichert.", 2);
        let new = markdown_blocks("Die Daten werden **stündlich** und *täglich* gesichert.", 2);
        let out = diff_blocks(&old, &new, true);
        let [Block::Paragraph(p)] = out.as_slice() else {
            panic!("{out:?}")
        };
        assert_eq!(marked_text(p, Highlight::Inserted).trim(), "stündlich und");
        assert!(p.iter().any(|i| i.text == "stündlich" && i.style.bold));
        assert!(
            p.iter()
                .any(|i| i.text == "täglich" && i.style.italic && i.style.highlight.is_none())
        );
        let text: String = p.iter().map(|i| i.text.as_str()).collect();
        assert!(!text.contains("**"), "{text}");
    }

    #[test]
    fn a_changed_table_cell_is_marked_in_its_table_and_added_rows_whole() {
        let old = markdown_blocks(
            "| A | B |\n|---|---|\n| Datenbank | 30 Tage |\n| Büro | 90 Tage |\n",
            2,
        );
        let new = markdown_blocks(
            "| A | B |\n|---|---|\n| Datenbank | 35 Tage |\n| Monatlich | 12 Monate |\n| Büro | 90 Tage |\n",
            2,
        );
        let out = diff_blocks(&old, &new, true);
        let [Block::Table { header, rows }] = out.as_slice() else {
            panic!("{out:?}")
        };
        assert_eq!(header[0][0].text, "A");
        assert_eq!(rows.len(), 3);
        assert_eq!(marked_text(&rows[0][1], Highlight::Deleted), "30");
        assert_eq!(marked_text(&rows[0][1], Highlight::Inserted), "35");
        assert!(rows[1].iter().all(|c| {
            c.iter()
                .all(|i| i.style.highlight == Some(Highlight::Inserted))
        }));
        assert!(
            rows[2]
                .iter()
                .all(|c| c.iter().all(|i| i.style.highlight.is_none()))
        );
    }

    #[test]
    fn an_added_paragraph_is_one_marked_block_and_unchanged_ones_are_elided() {
        let old = markdown_blocks("Eins.\n\nZwei.\n\nDrei.", 2);
        let new = markdown_blocks(
            "Eins.\n\nZwei.\n\nEin ganz neuer Absatz mit vielen Wörtern.\n\nDrei.",
            2,
        );
        let out = diff_blocks(&old, &new, true);
        assert_eq!(out.len(), 3, "{out:?}");
        assert_eq!(out[0], omitted());
        let Block::Paragraph(p) = &out[1] else {
            panic!("{out:?}")
        };
        assert!(
            p.iter()
                .all(|i| i.style.highlight == Some(Highlight::Inserted))
        );
        assert_eq!(out[2], omitted());
        // Without elision, the unchanged blocks stay.
        assert_eq!(diff_blocks(&old, &new, false).len(), 4);
    }

    #[test]
    fn list_items_are_diffed_one_by_one() {
        let old = markdown_blocks("- Alpha eins\n- Beta zwei\n", 2);
        let new = markdown_blocks("- Alpha eins\n- Beta drei\n- Gamma\n", 2);
        let out = diff_blocks(&old, &new, false);
        let [Block::List { items, .. }] = out.as_slice() else {
            panic!("{out:?}")
        };
        assert_eq!(items.len(), 3);
        let Block::Paragraph(second) = &items[1][0] else {
            panic!()
        };
        assert_eq!(marked_text(second, Highlight::Deleted), "zwei");
        assert_eq!(marked_text(second, Highlight::Inserted), "drei");
    }
}
