//! The change report: a [`DocDiff`] put into words in one language, and written as plain
//! text (for the terminal) or Markdown. The PDF writer lays out the same [`Report`].

use std::fmt::Write as _;

use fluent_bundle::FluentValue;
use sha2::{Digest, Sha256};

use super::{ChangeKind, DocDiff, Segment, SegmentKind, TextChange};
use crate::i18n::{i18n, tr};
use crate::model::{Document, Lang, LocalText, Measure, SectionId};
use crate::store::{StoreError, Version, document_to_ron};
use time::Date;

/// Identifies one side of a comparison: a released version or the working copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// The version label, or `None` for the working copy.
    pub label: Option<String>,
    /// A short hash: the version's chain hash, or a hash of the working copy's content.
    pub hash: String,
    /// For a released version read from its file: date, author, note and full hash, for
    /// the change report's front matter.
    pub release: Option<ReleaseFacts>,
}

/// What a change report says about a released version besides its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseFacts {
    /// The release date.
    pub date: Date,
    /// Who released it.
    pub author: String,
    /// The release note, in both languages.
    pub note: LocalText,
    /// The full chain hash (64 hex digits).
    pub full_hash: String,
}

impl Fingerprint {
    /// A released version's fingerprint: its label and short chain hash.
    pub fn version(label: &str, short_hash: &str) -> Self {
        Self {
            label: Some(label.to_owned()),
            hash: short_hash.to_owned(),
            release: None,
        }
    }

    /// A released version's fingerprint with its date, author, note and full hash.
    pub fn of_version(v: &Version) -> Self {
        Self {
            label: Some(v.label.clone()),
            hash: v.short_hash().to_owned(),
            release: Some(ReleaseFacts {
                date: v.date,
                author: v.author.clone(),
                note: v.note.clone(),
                full_hash: v.hash.clone(),
            }),
        }
    }

    /// The working copy's fingerprint: a short SHA-256 of its canonical RON text.
    pub fn working(doc: &Document) -> Result<Self, StoreError> {
        Ok(Self {
            label: None,
            hash: fingerprint_of(doc)?,
            release: None,
        })
    }

    /// "Version 2.0" or "Arbeitsstand" / "working copy".
    pub fn name(&self, lang: Lang) -> String {
        match &self.label {
            Some(l) => i18n().tr_args(lang, "diff-version", &[("label", l.as_str().into())]),
            None => tr(lang, "diff-working-copy"),
        }
    }
}

/// The first [`crate::store::FINGERPRINT_DIGITS`] hex digits of the SHA-256 of a
/// document's canonical RON text (as `store::document_to_ron` writes it), the same length
/// as a version's short hash.
pub fn fingerprint_of(doc: &Document) -> Result<String, StoreError> {
    let ron = document_to_ron(doc)?;
    let digest = Sha256::digest(ron.as_bytes());
    let digits = crate::store::FINGERPRINT_DIGITS;
    let mut hex = String::with_capacity(digits);
    for b in digest.iter().take(digits / 2) {
        let _ = write!(hex, "{b:02x}");
    }
    Ok(hex)
}

/// One line of detail under a change.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportLine {
    /// A plain statement, e.g. "Status: Geplant → Umgesetzt".
    Note(String),
    /// A text that changed, with its word-level changes: show the old text (equal and
    /// deleted segments) and the new text (equal and inserted segments).
    Text {
        /// What the text is, e.g. "Text" or "Titel (English)".
        label: String,
        /// The word-level changes.
        segments: Vec<Segment>,
        /// The whole older text of the shown language, as written.
        old: String,
        /// The whole newer text of the shown language, as written.
        new: String,
        /// True when the texts are Markdown (a section's text, the introduction), which a
        /// typeset report shows rendered; false for plain values (titles, names, dates,
        /// measure texts).
        markdown: bool,
    },
}

/// One change, put into words.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportEntry {
    /// The index of the change in the diff.
    pub index: usize,
    /// Where: "3.4. Trennungskontrolle", "Titelblock", "Einleitung".
    pub heading: String,
    /// What: "Abschnitt verschoben".
    pub what: String,
    /// Details.
    pub lines: Vec<ReportLine>,
    /// True when the change concerns one measure (added, removed, moved, changed).
    pub measure: bool,
}

/// A whole change report in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The report's language.
    pub lang: Lang,
    /// "Änderungen der TOM von Version 2.0 zu 2.1".
    pub title: String,
    /// The summary line.
    pub summary: String,
    /// One entry per change, in the diff's order.
    pub entries: Vec<ReportEntry>,
    /// The older side.
    pub from: Fingerprint,
    /// The newer side.
    pub to: Fingerprint,
    /// The date the report is made, for its front matter (set with [`Report::dated`]).
    pub date: Option<Date>,
}

impl Report {
    /// Puts `diff` into words in `lang`.
    pub fn new(diff: &DocDiff, lang: Lang, from: Fingerprint, to: Fingerprint) -> Self {
        let i = i18n();
        let title = match (&from.label, &to.label) {
            (Some(f), Some(t)) => i.tr_args(
                lang,
                "diff-report-title",
                &[("from", f.as_str().into()), ("to", t.as_str().into())],
            ),
            (Some(f), None) => i.tr_args(
                lang,
                "diff-report-title-working",
                &[("from", f.as_str().into())],
            ),
            (None, Some(t)) => i.tr_args(
                lang,
                "diff-report-title-from-working",
                &[("to", t.as_str().into())],
            ),
            (None, None) => tr(lang, "diff-report-title-working-only"),
        };
        let entries = diff.changes.iter().map(|c| entry(c, lang)).collect();
        Self {
            lang,
            title,
            summary: diff.summary().line(lang),
            entries,
            from,
            to,
            date: None,
        }
    }

    /// The same report, dated `date` (printed in its front matter).
    pub fn dated(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }

    /// The fingerprint lines: "Version 2.0: 1a2b3c4d5e6f".
    pub fn fingerprint_lines(&self) -> Vec<String> {
        [&self.from, &self.to]
            .into_iter()
            .map(|f| format!("{}: {}", f.name(self.lang), f.hash))
            .collect()
    }

    /// The changes as plain text for a terminal: one block per change, blank lines
    /// between, deletions as `[-…-]` and insertions as `{+…+}`. Empty when nothing changed.
    pub fn to_text(&self) -> String {
        if self.entries.is_empty() {
            return String::new();
        }
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.title);
        let _ = writeln!(out, "{}", self.summary);
        let old_label = tr(self.lang, "diff-old");
        let new_label = tr(self.lang, "diff-new");
        for e in &self.entries {
            out.push('\n');
            let _ = writeln!(out, "[{}] {}: {}", e.index + 1, e.heading, e.what);
            for line in &e.lines {
                match line {
                    ReportLine::Note(n) => indented(&mut out, "    ", n),
                    ReportLine::Text {
                        label, segments, ..
                    } => {
                        let old = marked_text(segments, SegmentKind::Delete);
                        let new = marked_text(segments, SegmentKind::Insert);
                        if !old.trim().is_empty() {
                            indented(&mut out, "    ", &format!("{label} {old_label}: {old}"));
                        }
                        if !new.trim().is_empty() {
                            indented(&mut out, "    ", &format!("{label} {new_label}: {new}"));
                        }
                    }
                }
            }
        }
        out
    }
}

/// Writes `text` with every line indented.
fn indented(out: &mut String, indent: &str, text: &str) {
    for (n, line) in text.split('\n').enumerate() {
        let _ = writeln!(out, "{indent}{}{line}", if n == 0 { "" } else { "  " });
    }
}

/// One side of a segment list with its changes marked: the old side (`Delete`) marks
/// deletions `[-…-]`, the new side (`Insert`) marks insertions `{+…+}`.
pub fn marked_text(segments: &[Segment], side: SegmentKind) -> String {
    let mut s = String::new();
    for seg in segments {
        match seg.kind {
            SegmentKind::Equal => s.push_str(&seg.text),
            k if k == side && side == SegmentKind::Delete => {
                let _ = write!(s, "[-{}-]", seg.text);
            }
            k if k == side => {
                let _ = write!(s, "{{+{}+}}", seg.text);
            }
            _ => {}
        }
    }
    s
}

/// The text line of a change in `lang`, or in the other language (named in the label)
/// when only that one changed.
fn text_line(label: &str, t: &TextChange, lang: Lang, markdown: bool) -> ReportLine {
    let shown = if !t.bilingual || t.changed_in(lang) {
        lang
    } else {
        lang.other()
    };
    let label = if shown == lang {
        label.to_owned()
    } else {
        format!(
            "{label} ({})",
            tr(lang, &format!("language-{}", shown.code()))
        )
    };
    ReportLine::Text {
        label,
        segments: changed_paragraphs(t.segments(shown)),
        old: t.old.get(shown).to_owned(),
        new: t.new.get(shown).to_owned(),
        markdown,
    }
}

/// Keeps the paragraphs (separated by blank lines) that hold a change and replaces each
/// run of unchanged ones with "…", so a one-word change in a long section does not
/// print the whole section twice.
pub fn changed_paragraphs(segments: &[Segment]) -> Vec<Segment> {
    let mut paras: Vec<Vec<Segment>> = vec![Vec::new()];
    for seg in segments {
        if seg.kind == SegmentKind::Equal {
            for (i, part) in seg.text.split("\n\n").enumerate() {
                if i > 0 {
                    paras.push(Vec::new());
                }
                if !part.is_empty()
                    && let Some(p) = paras.last_mut()
                {
                    p.push(Segment::new(SegmentKind::Equal, part));
                }
            }
        } else if let Some(p) = paras.last_mut() {
            p.push(seg.clone());
        }
    }
    let changed = |p: &Vec<Segment>| p.iter().any(|s| s.kind != SegmentKind::Equal);
    if paras.len() < 2 || !paras.iter().any(changed) {
        return segments.to_vec();
    }
    let mut out: Vec<Segment> = Vec::new();
    let mut skipped = false;
    let mut first = true;
    for p in &paras {
        if !changed(p) {
            skipped = true;
            continue;
        }
        let mut sep = |out: &mut Vec<Segment>, text: &str| {
            if !first {
                out.push(Segment::new(SegmentKind::Equal, "\n\n"));
            }
            first = false;
            if !text.is_empty() {
                out.push(Segment::new(SegmentKind::Equal, text));
            }
        };
        if skipped {
            sep(&mut out, "…");
            skipped = false;
        }
        sep(&mut out, "");
        out.extend(p.iter().cloned());
    }
    if skipped {
        out.push(Segment::new(SegmentKind::Equal, "\n\n…"));
    }
    out
}

fn section_name(id: &SectionId, lang: Lang) -> String {
    match crate::model::CanonicalSection::from_id(id.as_str()) {
        Some(c) => tr(lang, &c.title_message_id()),
        None => id.to_string(),
    }
}

/// "Technisch, umgesetzt": the kind, then the status as it reads inside a sentence.
fn measure_facts(m: &Measure, lang: Lang) -> String {
    let i = i18n();
    format!(
        "{}, {}",
        i.kind_label(m.kind, lang),
        lowercase_first(&i.status_label(m.status, lang))
    )
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn whole(text: &LocalText, kind: SegmentKind, lang: Lang) -> Vec<Segment> {
    let t = text.get_or_other(lang);
    if t.is_empty() {
        Vec::new()
    } else {
        vec![Segment::new(kind, t)]
    }
}

fn entry(c: &super::Change, lang: Lang) -> ReportEntry {
    let i = i18n();
    let heading = match (&c.kind, &c.section) {
        (ChangeKind::Meta { .. }, _) => tr(lang, "diff-heading-meta"),
        (ChangeKind::Intro(_), _) => tr(lang, "diff-heading-intro"),
        (_, Some(s)) => s.heading(lang),
        (_, None) => String::new(),
    };
    let mut what = c.kind.label(lang);
    let mut lines = Vec::new();
    let text_label = tr(lang, "diff-field-text");
    let none = || tr(lang, "diff-no-number");
    // Name the measure a change concerns when its text is not shown anyway.
    let name_measure = |lines: &mut Vec<ReportLine>| {
        if let Some(m) = &c.measure {
            lines.push(ReportLine::Note(format!(
                "{}: {}",
                tr(lang, "diff-field-measure"),
                m.text.get_or_other(lang)
            )));
        }
    };
    match &c.kind {
        ChangeKind::Meta { field, text } => {
            // The heading says "Titelblock" already: name the field instead.
            what = field.label(lang);
            if *field == super::MetaField::LastReview {
                // Stored as ISO dates; a reader gets them as the TOM writes them.
                let local = |iso: &str| match Date::parse(iso, ISO_DATE) {
                    Ok(d) => crate::i18n::format_date(d, lang),
                    Err(_) => iso.to_owned(),
                };
                let (old, new) = (local(text.old.get(lang)), local(text.new.get(lang)));
                match TextChange::plain(&old, &new) {
                    Some(t) => lines.push(text_line(&field.label(lang), &t, lang, false)),
                    None => lines.push(text_line(&field.label(lang), text, lang, false)),
                }
            } else {
                lines.push(text_line(&field.label(lang), text, lang, false));
            }
        }
        ChangeKind::Intro(t) => lines.push(text_line(&text_label, t, lang, true)),
        ChangeKind::SectionAdded { body } | ChangeKind::SectionRemoved { body } => {
            if let Some(t) = body {
                lines.push(text_line(&text_label, t, lang, true));
            }
        }
        ChangeKind::SectionMoved {
            old_number,
            new_number,
            old_parent,
            new_parent,
        } => {
            lines.push(ReportLine::Note(i.tr_args(
                lang,
                "diff-moved-numbers",
                &[
                    ("old", old_number.clone().unwrap_or_else(none).into()),
                    ("new", new_number.clone().unwrap_or_else(none).into()),
                ],
            )));
            if old_parent != new_parent {
                let parent = |p: &Option<SectionId>| match p {
                    Some(p) => section_name(p, lang),
                    None => tr(lang, "diff-top-level"),
                };
                lines.push(ReportLine::Note(i.tr_args(
                    lang,
                    "diff-moved-parent",
                    &[
                        ("old", parent(old_parent).into()),
                        ("new", parent(new_parent).into()),
                    ],
                )));
            }
        }
        ChangeKind::SectionRenamed(t) => {
            lines.push(text_line(&tr(lang, "diff-field-title"), t, lang, false));
        }
        ChangeKind::SectionHidden | ChangeKind::SectionShown => {}
        ChangeKind::SectionBody(t) => lines.push(text_line(&text_label, t, lang, true)),
        ChangeKind::SectionCovers { old, new } => {
            let names = |l: &[SectionId]| {
                if l.is_empty() {
                    "–".to_owned()
                } else {
                    l.iter()
                        .map(|id| section_name(id, lang))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            lines.push(ReportLine::Note(format!(
                "{}: {} → {}",
                tr(lang, "diff-field-covers"),
                names(old),
                names(new)
            )));
        }
        ChangeKind::MeasureAdded(m) => {
            lines.push(ReportLine::Text {
                label: text_label.clone(),
                segments: whole(&m.text, SegmentKind::Insert, lang),
                old: String::new(),
                new: m.text.get_or_other(lang).to_owned(),
                markdown: false,
            });
            lines.push(ReportLine::Note(measure_facts(m, lang)));
        }
        ChangeKind::MeasureRemoved(m) => {
            lines.push(ReportLine::Text {
                label: text_label.clone(),
                segments: whole(&m.text, SegmentKind::Delete, lang),
                old: m.text.get_or_other(lang).to_owned(),
                new: String::new(),
                markdown: false,
            });
            lines.push(ReportLine::Note(measure_facts(m, lang)));
        }
        ChangeKind::MeasureMoved {
            from,
            old_position,
            new_position,
        } => {
            name_measure(&mut lines);
            lines.push(ReportLine::Note(i.tr_args(
                lang,
                "diff-measure-moved-from",
                &[
                    ("section", from.heading(lang).into()),
                    ("old", FluentValue::from(*old_position)),
                    ("new", FluentValue::from(*new_position)),
                ],
            )));
        }
        ChangeKind::MeasureChanged {
            kind,
            status,
            text,
            note,
        } => {
            if text.is_none() {
                name_measure(&mut lines);
            }
            if let Some((o, n)) = kind {
                lines.push(ReportLine::Note(format!(
                    "{}: {} → {}",
                    tr(lang, "diff-field-kind"),
                    i.kind_label(*o, lang),
                    i.kind_label(*n, lang)
                )));
            }
            if let Some((o, n)) = status {
                lines.push(ReportLine::Note(format!(
                    "{}: {} → {}",
                    tr(lang, "diff-field-status"),
                    i.status_label(*o, lang),
                    i.status_label(*n, lang)
                )));
            }
            if let Some(t) = text {
                lines.push(text_line(&text_label, t, lang, false));
            }
            if let Some(t) = note {
                lines.push(text_line(&tr(lang, "diff-field-note"), t, lang, false));
            }
        }
    }
    ReportEntry {
        index: c.index,
        heading,
        what,
        lines,
        measure: c.measure.is_some()
            || matches!(
                c.kind,
                ChangeKind::MeasureAdded(_)
                    | ChangeKind::MeasureRemoved(_)
                    | ChangeKind::MeasureMoved { .. }
                    | ChangeKind::MeasureChanged { .. }
            ),
    }
}

/// How the diff engine writes dates ("2026-03-02").
const ISO_DATE: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_text_marks_each_side() {
        let segs = vec![
            Segment::new(SegmentKind::Equal, "a "),
            Segment::new(SegmentKind::Delete, "old words "),
            Segment::new(SegmentKind::Insert, " new*star"),
            Segment::new(SegmentKind::Equal, " end"),
        ];
        assert_eq!(
            marked_text(&segs, SegmentKind::Delete),
            "a [-old words -] end"
        );
        assert_eq!(
            marked_text(&segs, SegmentKind::Insert),
            "a {+ new*star+} end"
        );
    }

    #[test]
    fn only_changed_paragraphs_are_kept() {
        let segs = super::super::word_diff(
            "Eins eins.\n\nZwei zwei.\n\nDrei drei.\n\nVier.",
            "Eins eins.\n\nZwei neu.\n\nDrei drei.\n\nVier.",
        );
        let kept = changed_paragraphs(&segs);
        assert_eq!(
            marked_text(&kept, SegmentKind::Delete),
            "…\n\nZwei [-zwei-].\n\n…"
        );
        assert_eq!(
            marked_text(&kept, SegmentKind::Insert),
            "…\n\nZwei {+neu+}.\n\n…"
        );
        // A single paragraph stays whole.
        let one = super::super::word_diff("a b c", "a x c");
        assert_eq!(changed_paragraphs(&one), one);
    }
}
