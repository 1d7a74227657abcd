//! The change report as a Word document with tracked changes: the newer version in full,
//! every difference from the older one a real revision (`w:ins`/`w:del`).
//!
//! Both versions are rendered to the same pieces the DOCX export writes (so "accept all"
//! is the newer version's export and "reject all" the older one's), sections are matched
//! by their stable ids, paragraphs within a section by content, and changed paragraphs
//! and table cells get word-level revisions from [`crate::diff::word_diff`].

use std::hash::Hash;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, DiffTag, capture_diff_slices_deadline};
use time::Date;

use super::body::{Para, ParaKind, Piece, Table, TableRow, flatten};
use super::{RevisionAuthor, docx_from_pieces};
use crate::diff::{Fingerprint, Report, Segment, SegmentKind, compare, word_diff};
use crate::export::blocks::{Highlight, Inline, document_blocks, section_blocks};
use crate::export::{ExportError, ExportOptions, Release, document_furniture, resolve};
use crate::i18n::{format_date, i18n};
use crate::model::{Document, Lang};
use crate::store::{TomFile, Version};

/// One side of a comparison: a released version or the working copy, as exported.
#[derive(Debug, Clone)]
pub struct ReportSide {
    /// The document (hidden sections are left out when it is rendered).
    pub document: Document,
    /// Which release it is (label, date, fingerprint, draft).
    pub release: Release,
    /// The version history up to it (for the history table).
    pub history: Vec<Version>,
    /// Who released it; for a draft the responsible person or the organisation.
    pub author: String,
}

impl ReportSide {
    /// The released version `label`, or the working copy for `None` (which is the latest
    /// release when it has no unreleased changes). `today` dates a draft.
    pub fn of(file: &TomFile, label: Option<&str>, today: Date) -> Result<Self, ExportError> {
        let options = ExportOptions {
            lang: Lang::De,
            version: label.map(str::to_owned),
            toc: false,
            history: true,
            measures: crate::export::MeasureLayout::List,
            date: today,
        };
        let (document, release, history) = resolve(file, &options)?;
        let released_by = (!release.draft)
            .then(|| release.label.as_deref().and_then(|l| file.version(l)))
            .flatten()
            .map(|v| v.author.trim().to_owned())
            .filter(|a| !a.is_empty());
        let author = released_by.unwrap_or_else(|| {
            let meta = &document.meta;
            [
                meta.responsible.get_or_other(Lang::De).trim(),
                meta.organisation.name.trim(),
            ]
            .into_iter()
            .find(|s| !s.is_empty())
            .unwrap_or("Tomwerk")
            .to_owned()
        });
        Ok(Self {
            document,
            release,
            history,
            author,
        })
    }

    fn fingerprint(&self) -> Fingerprint {
        match (&self.release.label, self.release.draft) {
            (Some(label), false) => Fingerprint::version(label, &self.release.fingerprint),
            _ => Fingerprint {
                label: None,
                hash: self.release.fingerprint.clone(),
                release: None,
            },
        }
    }

    /// "Version 2.0 vom 01.03.2026, freigegeben von …, Fingerabdruck …".
    fn describe(&self, lang: Lang) -> String {
        let date = format_date(self.release.date, lang);
        let hash = self.release.fingerprint.as_str();
        match (&self.release.label, self.release.draft) {
            (Some(label), false) => i18n().tr_args(
                lang,
                "docx-cover-version",
                &[
                    ("label", label.as_str().into()),
                    ("date", date.into()),
                    ("author", self.author.as_str().into()),
                    ("hash", hash.into()),
                ],
            ),
            _ => i18n().tr_args(
                lang,
                "docx-cover-working",
                &[("date", date.into()), ("hash", hash.into())],
            ),
        }
    }

    /// The pieces of the front matter (title block, intro, history) and of each visible
    /// section, keyed so that the same section has the same key on both sides.
    fn groups(&self, options: &ExportOptions) -> Vec<(String, Vec<Piece>)> {
        let front_only = Document {
            sections: Vec::new(),
            ..self.document.clone()
        };
        let front = document_blocks(&front_only, &self.release, &self.history, options);
        let mut groups = vec![(String::new(), flatten(&front))];
        for (number, section) in self.document.numbered() {
            let blocks = section_blocks(&number, section, options.lang, options.measures);
            groups.push((section.id.as_str().to_owned(), flatten(&blocks)));
        }
        groups
    }
}

/// The change report from `old` to `new` as DOCX: a cover box naming both versions, then
/// the newer version (in `options.lang`, with `options.measures` and, if asked, the
/// history) in which every change is a tracked revision by the newer version's author
/// on its release date. `options.toc` and `options.version` are ignored; `options.date`
/// dates the file's properties.
pub fn tracked_report(
    old: &ReportSide,
    new: &ReportSide,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let lang = options.lang;
    let options = ExportOptions {
        toc: false,
        version: None,
        ..options.clone()
    };
    // The public comparison (hidden sections left out) names and counts the changes.
    let report = Report::new(
        &compare(&old.document, &new.document),
        lang,
        old.fingerprint(),
        new.fingerprint(),
    );
    let mut pieces = cover(&report, old, new, lang);
    pieces.extend(merge_groups(old.groups(&options), new.groups(&options)));
    let (furniture, mut meta) =
        document_furniture(&new.document, &new.release, None, false, lang, options.date);
    meta.subject = report.title;
    let date = new.release.date;
    let author = RevisionAuthor {
        author: new.author.clone(),
        date: format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            date.year(),
            u8::from(date.month()),
            date.day()
        ),
    };
    docx_from_pieces(&pieces, &furniture, &meta, Some(&author))
}

/// The cover box: title and summary of the comparison, both sides, and how to read it.
fn cover(report: &Report, old: &ReportSide, new: &ReportSide, lang: Lang) -> Vec<Piece> {
    let line = |id: &str, side: &ReportSide| {
        i18n().tr_args(lang, id, &[("side", side.describe(lang).into())])
    };
    let cover = |inlines: Vec<Inline>| {
        Piece::Para(Para {
            kind: ParaKind::Cover,
            inlines,
            mark: None,
        })
    };
    vec![
        cover(vec![Inline::bold(report.title.clone())]),
        cover(vec![Inline::plain(report.summary.clone())]),
        cover(vec![Inline::plain(line("docx-cover-old", old))]),
        cover(vec![Inline::plain(line("docx-cover-new", new))]),
        cover(vec![Inline::italic(i18n().tr(lang, "docx-cover-how"))]),
        // Space between the box and the document (an empty paragraph has no text to
        // accept or reject).
        Piece::Para(Para {
            kind: ParaKind::Normal,
            inlines: Vec::new(),
            mark: None,
        }),
    ]
}

/// A diff of huge inputs gives up refining after this long rather than hang.
const DEADLINE: Duration = Duration::from_millis(500);

/// The Myers diff of two key sequences (groups, pieces or rows).
fn diff_ops<T: Hash + Ord>(old: &[T], new: &[T]) -> Vec<DiffOp> {
    capture_diff_slices_deadline(Algorithm::Myers, old, new, Some(Instant::now() + DEADLINE))
}

/// Merges the groups (front matter, sections) of both sides, matched by key in the
/// order of the newer side; a group only in the older side is deleted where it was.
fn merge_groups(old: Vec<(String, Vec<Piece>)>, new: Vec<(String, Vec<Piece>)>) -> Vec<Piece> {
    let old_keys: Vec<&str> = old.iter().map(|g| g.0.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|g| g.0.as_str()).collect();
    let ops = diff_ops(&old_keys, &new_keys);
    let mut out = Vec::new();
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (a, b) in old[o].iter().zip(&new[n]) {
                    out.extend(merge_pieces(&a.1, &b.1));
                }
            }
            DiffTag::Delete | DiffTag::Insert | DiffTag::Replace => {
                for g in &old[o] {
                    out.extend(g.1.iter().map(|p| whole(p, Highlight::Deleted)));
                }
                for g in &new[n] {
                    out.extend(g.1.iter().map(|p| whole(p, Highlight::Inserted)));
                }
            }
        }
    }
    out
}

/// The text of inlines.
fn text(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

/// What has to be equal for two pieces to be the same: kind and text.
fn key(piece: &Piece) -> String {
    match piece {
        Piece::Para(p) => format!("{:?}\u{1}{}", p.kind.class(), text(&p.inlines)),
        Piece::Table(t) => {
            let mut k = String::from("table");
            for row in &t.rows {
                k.push('\u{1}');
                k.push_str(&row_key(row));
            }
            k
        }
    }
}

fn row_key(row: &TableRow) -> String {
    let cells: Vec<String> = row.cells.iter().map(|c| text(c)).collect();
    format!("{}\u{2}{}", row.header, cells.join("\u{3}"))
}

/// A piece inserted or deleted as a whole: its text and its paragraph marks (or rows).
fn whole(piece: &Piece, highlight: Highlight) -> Piece {
    let mark = |inlines: &[Inline]| -> Vec<Inline> {
        inlines
            .iter()
            .map(|i| {
                let mut i = i.clone();
                i.style.highlight = Some(highlight);
                i
            })
            .collect()
    };
    match piece {
        Piece::Para(p) => Piece::Para(Para {
            kind: p.kind.clone(),
            inlines: mark(&p.inlines),
            mark: Some(highlight),
        }),
        Piece::Table(t) => Piece::Table(Table {
            rows: t
                .rows
                .iter()
                .map(|r| TableRow {
                    cells: r.cells.iter().map(|c| mark(c)).collect(),
                    header: r.header,
                    mark: Some(highlight),
                })
                .collect(),
        }),
    }
}

/// The pieces of one group (a section, or the front matter) with its changes tracked.
fn merge_pieces(old: &[Piece], new: &[Piece]) -> Vec<Piece> {
    let old_keys: Vec<String> = old.iter().map(key).collect();
    let new_keys: Vec<String> = new.iter().map(key).collect();
    let ops = diff_ops(&old_keys, &new_keys);
    let mut out = Vec::new();
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => out.extend(new[n].iter().cloned()),
            DiffTag::Delete => out.extend(old[o].iter().map(|p| whole(p, Highlight::Deleted))),
            DiffTag::Insert => out.extend(new[n].iter().map(|p| whole(p, Highlight::Inserted))),
            DiffTag::Replace => pair(&old[o], &new[n], &mut out),
        }
    }
    out
}

/// How alike two pieces are, 0..=1, or `None` when they cannot be one changed piece
/// (different kinds). Headings of the same level always pair: a section's heading is
/// its heading even when it was renamed and renumbered.
fn likeness(old: &Piece, new: &Piece) -> Option<f64> {
    match (old, new) {
        (Piece::Para(a), Piece::Para(b)) if a.kind.class() == b.kind.class() => {
            if matches!(a.kind, ParaKind::Heading { .. } | ParaKind::Title) {
                return Some(1.0);
            }
            let (a, b) = (text(&a.inlines), text(&b.inlines));
            let total = a.len() + b.len();
            if total == 0 {
                return Some(1.0);
            }
            let equal: usize = word_diff(&a, &b)
                .iter()
                .filter(|s| s.kind == SegmentKind::Equal)
                .map(|s| s.text.trim().len())
                .sum();
            Some(2.0 * equal as f64 / total as f64)
        }
        (Piece::Table(_), Piece::Table(_)) => Some(1.0),
        _ => None,
    }
}

/// Pieces that differ: each old piece is paired with the next new piece that is alike
/// enough (the pair becomes one piece with word-level revisions); the rest are deleted
/// or inserted whole. Pairs keep the order of both sides.
fn pair(old: &[Piece], new: &[Piece], out: &mut Vec<Piece>) {
    const ALIKE: f64 = 0.3;
    // A partner further away than this is not looked for: a rewritten section of many
    // paragraphs stays linear instead of word-diffing every pair.
    const LOOKAHEAD: usize = 8;
    let mut next_new = 0;
    for o in old {
        let found = (next_new..new.len().min(next_new + LOOKAHEAD))
            .find(|&j| likeness(o, &new[j]).is_some_and(|l| l >= ALIKE));
        match found {
            Some(j) => {
                out.extend(
                    new[next_new..j]
                        .iter()
                        .map(|p| whole(p, Highlight::Inserted)),
                );
                out.push(changed(o, &new[j]));
                next_new = j + 1;
            }
            None => out.push(whole(o, Highlight::Deleted)),
        }
    }
    out.extend(
        new[next_new..]
            .iter()
            .map(|p| whole(p, Highlight::Inserted)),
    );
}

/// One piece from an old and a new piece of the same kind, with word-level revisions.
fn changed(old: &Piece, new: &Piece) -> Piece {
    match (old, new) {
        (Piece::Para(a), Piece::Para(b)) => Piece::Para(Para {
            kind: b.kind.clone(),
            inlines: diff_inlines(&a.inlines, &b.inlines),
            mark: None,
        }),
        (Piece::Table(a), Piece::Table(b)) => Piece::Table(merge_tables(a, b)),
        // `likeness` pairs only pieces of one kind.
        _ => new.clone(),
    }
}

/// Rows matched by content; rows that differ are paired in order, cell by cell.
fn merge_tables(old: &Table, new: &Table) -> Table {
    let old_keys: Vec<String> = old.rows.iter().map(row_key).collect();
    let new_keys: Vec<String> = new.rows.iter().map(row_key).collect();
    let ops = diff_ops(&old_keys, &new_keys);
    let whole_row = |row: &TableRow, highlight: Highlight| match whole(
        &Piece::Table(Table {
            rows: vec![row.clone()],
        }),
        highlight,
    ) {
        Piece::Table(mut t) => t.rows.remove(0),
        Piece::Para(_) => row.clone(),
    };
    let mut rows = Vec::new();
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => rows.extend(new.rows[n].iter().cloned()),
            DiffTag::Delete => {
                rows.extend(old.rows[o].iter().map(|r| whole_row(r, Highlight::Deleted)))
            }
            DiffTag::Insert => rows.extend(
                new.rows[n]
                    .iter()
                    .map(|r| whole_row(r, Highlight::Inserted)),
            ),
            DiffTag::Replace => {
                let (a, b) = (&old.rows[o], &new.rows[n]);
                let paired = a.len().min(b.len());
                for (ra, rb) in a.iter().zip(b) {
                    let cells = ra.cells.len().max(rb.cells.len());
                    let empty = Vec::new();
                    rows.push(TableRow {
                        cells: (0..cells)
                            .map(|i| {
                                diff_inlines(
                                    ra.cells.get(i).unwrap_or(&empty),
                                    rb.cells.get(i).unwrap_or(&empty),
                                )
                            })
                            .collect(),
                        header: rb.header,
                        mark: None,
                    });
                }
                rows.extend(a[paired..].iter().map(|r| whole_row(r, Highlight::Deleted)));
                rows.extend(
                    b[paired..]
                        .iter()
                        .map(|r| whole_row(r, Highlight::Inserted)),
                );
            }
        }
    }
    Table { rows }
}

/// Widens every change to whole white-space separated words, so a reviewer reads
/// "~~1.0~~ 2.0" rather than "~~1~~2.0" (the diff works on letters-and-digits tokens, and
/// "1.0" is three of them). Old and new texts stay exactly the same.
fn whole_words(segments: Vec<Segment>) -> Vec<Segment> {
    enum Run {
        Equal(String),
        Change(String, String),
    }
    let mut runs: Vec<Run> = Vec::new();
    for s in segments {
        match (s.kind, runs.last_mut()) {
            (SegmentKind::Equal, _) => runs.push(Run::Equal(s.text)),
            (SegmentKind::Delete, Some(Run::Change(del, _))) => del.push_str(&s.text),
            (SegmentKind::Insert, Some(Run::Change(_, ins))) => ins.push_str(&s.text),
            (SegmentKind::Delete, _) => runs.push(Run::Change(s.text, String::new())),
            (SegmentKind::Insert, _) => runs.push(Run::Change(String::new(), s.text)),
        }
    }
    let inside_word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    for i in 0..runs.len() {
        let Run::Change(del, ins) = &runs[i] else {
            continue;
        };
        let first = del.chars().next().or(ins.chars().next());
        let last = del.chars().last().or(ins.chars().last());
        let mut tail = String::new();
        if i > 0
            && let Run::Equal(prev) = &mut runs[i - 1]
            && inside_word(prev.chars().last())
            && inside_word(first)
        {
            let cut = prev.trim_end_matches(|c: char| !c.is_whitespace()).len();
            tail = prev.split_off(cut);
        }
        let mut head = String::new();
        if let Some(Run::Equal(next)) = runs.get_mut(i + 1)
            && inside_word(next.chars().next())
            && inside_word(last)
        {
            let cut = next.len() - next.trim_start_matches(|c: char| !c.is_whitespace()).len();
            head = next[..cut].to_owned();
            next.replace_range(..cut, "");
        }
        if let Run::Change(del, ins) = &mut runs[i] {
            *del = format!("{tail}{del}{head}");
            *ins = format!("{tail}{ins}{head}");
        }
    }
    // A widened change may have emptied the equal run between two changes: join them,
    // deletion before insertion.
    let mut joined: Vec<Run> = Vec::new();
    for run in runs {
        match (run, joined.last_mut()) {
            (Run::Equal(text), _) if text.is_empty() => {}
            (Run::Change(del, ins), Some(Run::Change(d, i))) => {
                d.push_str(&del);
                i.push_str(&ins);
            }
            (run, _) => joined.push(run),
        }
    }
    let mut out = Vec::new();
    for run in joined {
        match run {
            Run::Equal(text) => out.push(Segment::new(SegmentKind::Equal, text)),
            Run::Change(del, ins) => {
                for (kind, text) in [(SegmentKind::Delete, del), (SegmentKind::Insert, ins)] {
                    if !text.is_empty() {
                        out.push(Segment::new(kind, text));
                    }
                }
            }
        }
    }
    out
}

/// Reads consecutive byte ranges out of a list of inlines, keeping their styles.
struct InlineCursor<'a> {
    inlines: &'a [Inline],
    index: usize,
    offset: usize,
}

impl<'a> InlineCursor<'a> {
    fn new(inlines: &'a [Inline]) -> Self {
        Self {
            inlines,
            index: 0,
            offset: 0,
        }
    }

    /// Takes the next `len` bytes as inlines marked with `highlight` (`None` to skip).
    fn take(
        &mut self,
        mut len: usize,
        highlight: Option<Highlight>,
        out: Option<&mut Vec<Inline>>,
    ) {
        let mut taken = Vec::new();
        while len > 0 && self.index < self.inlines.len() {
            let inline = &self.inlines[self.index];
            let rest = &inline.text[self.offset..];
            let mut n = len.min(rest.len());
            // Segments and inlines both end on character boundaries; this only guards
            // against a diff that does not (it would otherwise panic on slicing).
            while !rest.is_char_boundary(n) {
                n += 1;
            }
            let mut piece = inline.clone();
            piece.text = rest[..n].to_owned();
            piece.style.highlight = highlight;
            taken.push(piece);
            len = len.saturating_sub(n);
            self.offset += n;
            if self.offset >= inline.text.len() {
                self.index += 1;
                self.offset = 0;
            }
        }
        if let Some(out) = out {
            for piece in taken {
                match out.last_mut() {
                    Some(last) if last.style == piece.style => last.text.push_str(&piece.text),
                    _ => out.push(piece),
                }
            }
        }
    }
}

/// The word-level revisions from `old` to `new`: equal text in the new styles, deleted
/// text in the old styles, inserted text in the new ones.
pub(crate) fn diff_inlines(old: &[Inline], new: &[Inline]) -> Vec<Inline> {
    let segments = whole_words(word_diff(&text(old), &text(new)));
    let mut old_cursor = InlineCursor::new(old);
    let mut new_cursor = InlineCursor::new(new);
    let mut out = Vec::new();
    for segment in segments {
        let len = segment.text.len();
        match segment.kind {
            SegmentKind::Equal => {
                old_cursor.take(len, None, None);
                new_cursor.take(len, None, Some(&mut out));
            }
            SegmentKind::Delete => old_cursor.take(len, Some(Highlight::Deleted), Some(&mut out)),
            SegmentKind::Insert => new_cursor.take(len, Some(Highlight::Inserted), Some(&mut out)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepted(inlines: &[Inline]) -> String {
        inlines
            .iter()
            .filter(|i| i.style.highlight != Some(Highlight::Deleted))
            .map(|i| i.text.as_str())
            .collect()
    }

    fn rejected(inlines: &[Inline]) -> String {
        inlines
            .iter()
            .filter(|i| i.style.highlight != Some(Highlight::Inserted))
            .map(|i| i.text.as_str())
            .collect()
    }

    #[test]
    fn word_revisions_keep_styles_and_both_texts() {
        let old = vec![
            Inline::plain("Zugang nur mit "),
            Inline::bold("Chipkarte"),
            Inline::plain(" und PIN."),
        ];
        let new = vec![
            Inline::plain("Zugang nur mit "),
            Inline::bold("Chipkarte"),
            Inline::plain(" und Fingerabdruck, geprüft täglich."),
        ];
        let merged = diff_inlines(&old, &new);
        assert_eq!(accepted(&merged), text(&new));
        assert_eq!(rejected(&merged), text(&old));
        assert!(
            merged
                .iter()
                .any(|i| i.style.bold && i.style.highlight.is_none())
        );
        assert!(
            merged
                .iter()
                .any(|i| i.text.contains("PIN") && i.style.highlight == Some(Highlight::Deleted))
        );
    }

    #[test]
    fn changes_cover_whole_words() {
        let old = vec![Inline::plain(
            "Version 1.0 · Stand 03.03.2025, Schlüssellänge 128",
        )];
        let new = vec![Inline::plain(
            "Version 2.0 · Stand 02.03.2026, Schlüssellänge 256 Bit",
        )];
        let merged = diff_inlines(&old, &new);
        assert_eq!(accepted(&merged), text(&new));
        assert_eq!(rejected(&merged), text(&old));
        let deleted: Vec<&str> = merged
            .iter()
            .filter(|i| i.style.highlight == Some(Highlight::Deleted))
            .map(|i| i.text.as_str())
            .collect();
        assert!(deleted.contains(&"1.0"), "{merged:?}");
        assert!(
            deleted.iter().any(|d| d.contains("03.03.2025")),
            "{merged:?}"
        );
    }

    proptest::proptest! {
        #[test]
        fn whole_words_keeps_both_texts(old in "[a-c1. ,]{0,24}", new in "[a-c1. ,]{0,24}") {
            let merged = diff_inlines(&[Inline::plain(old.clone())], &[Inline::bold(new.clone())]);
            proptest::prop_assert_eq!(accepted(&merged), new);
            proptest::prop_assert_eq!(rejected(&merged), old);
        }
    }

    #[test]
    fn unpaired_paragraphs_are_whole_insertions_and_deletions() {
        let para = |t: &str| {
            Piece::Para(Para {
                kind: ParaKind::Normal,
                inlines: vec![Inline::plain(t)],
                mark: None,
            })
        };
        let old = vec![para("Alpha beta gamma."), para("Völlig anderer Text hier.")];
        let new = vec![para("Alpha beta delta."), para("Ganz neu: Zutritt.")];
        let merged = merge_pieces(&old, &new);
        let marks: Vec<Option<Highlight>> = merged
            .iter()
            .map(|p| match p {
                Piece::Para(p) => p.mark,
                Piece::Table(_) => None,
            })
            .collect();
        assert_eq!(
            marks,
            vec![None, Some(Highlight::Deleted), Some(Highlight::Inserted)]
        );
    }
}
