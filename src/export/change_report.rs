//! The change report of a comparison as blocks (typeset by the export's layout engine as
//! PDF, written by the DOCX writer) and as Markdown: the changed sections as they read in
//! the newer TOM, with their changes marked, after a front matter naming both versions.

use std::collections::HashMap;

use time::Date;

use super::block_diff::{diff_blocks, diff_inlines};
use super::blocks::{Block, Highlight, Inline, markdown_blocks};
use super::layout::Furniture;
use super::{ExportError, PdfMeta, PdfOutput, pdf_from_blocks};
use crate::diff::{Fingerprint, Report, ReportEntry, ReportLine};
use crate::i18n::{format_date, i18n, tr};
use crate::model::Lang;

/// Headings inside a section's text sit this many levels below the report's section
/// headings (level 2), as in the TOM itself.
const BODY_HEADING_BASE: u8 = 2;

fn tr_args(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> = args
        .iter()
        .map(|(k, v)| (*k, fluent_bundle::FluentValue::from(v.as_str())))
        .collect();
    i18n().tr_args(lang, id, &args)
}

impl Report {
    /// The report as layout blocks: title; front matter (both versions with date,
    /// author, note and checksum, the report date, a key to the marking, the summary);
    /// then one heading per changed section (unique, for the bookmarks) with its changes
    /// as the section reads in the newer version: texts rendered from their Markdown
    /// with deletions struck through and insertions marked, measures as a list.
    pub fn to_blocks(&self) -> Vec<Block> {
        let mut blocks = self.blocks_raw();
        // Noto Sans has no arrows: print "»" instead of "→" rather than a placeholder.
        if !has_arrow() {
            for b in &mut blocks {
                replace_arrows(b);
            }
        }
        blocks
    }

    pub(crate) fn blocks_raw(&self) -> Vec<Block> {
        let mut blocks = vec![Block::Title(self.title.clone())];
        blocks.extend(self.front_matter());
        if self.entries.is_empty() {
            blocks.push(Block::Paragraph(vec![Inline::italic(tr(
                self.lang,
                "report-no-changes",
            ))]));
            return blocks;
        }
        // One heading per run of changes to the same place; a place that comes back
        // later gets a numbered heading, so no two bookmarks read the same.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut k = 0;
        while k < self.entries.len() {
            let heading = self.entries[k].heading.as_str();
            let end = (k..self.entries.len())
                .find(|&j| self.entries[j].heading != heading)
                .unwrap_or(self.entries.len());
            let count = seen.entry(heading).or_insert(0);
            *count += 1;
            let base = if heading.trim().is_empty() {
                self.entries[k].what.clone()
            } else {
                heading.to_owned()
            };
            let text = if *count == 1 {
                base
            } else {
                format!("{base} ({count})")
            };
            blocks.push(Block::Heading {
                level: 2,
                number: String::new(),
                text,
                outline: true,
            });
            let mut items: Vec<Vec<Block>> = Vec::new();
            for e in &self.entries[k..end] {
                if e.measure {
                    items.push(self.measure_item(e));
                    continue;
                }
                flush_list(&mut blocks, &mut items);
                blocks.extend(self.entry_blocks(e));
            }
            flush_list(&mut blocks, &mut items);
            k = end;
        }
        blocks
    }

    /// Who released which version when, the report's date, the key and the summary.
    fn front_matter(&self) -> Vec<Block> {
        let lang = self.lang;
        let dash = || vec![Inline::plain("–")];
        let column = |f: &Fingerprint| -> Vec<Vec<Inline>> {
            let name = f.name(lang);
            match &f.release {
                Some(r) => vec![
                    vec![Inline::plain(name)],
                    vec![Inline::plain(format_date(r.date, lang))],
                    if r.author.trim().is_empty() {
                        dash()
                    } else {
                        vec![Inline::plain(r.author.trim())]
                    },
                    match r.note.get_or_other(lang).trim() {
                        "" => dash(),
                        note => vec![Inline::plain(note)],
                    },
                ],
                None if f.label.is_none() => vec![
                    vec![Inline::plain(name)],
                    vec![Inline::plain(tr(lang, "report-not-released"))],
                    dash(),
                    dash(),
                ],
                None => vec![vec![Inline::plain(name)], dash(), dash(), dash()],
            }
        };
        let (old, new) = (column(&self.from), column(&self.to));
        let rows = [
            "report-row-version",
            "report-row-date",
            "report-row-author",
            "report-row-note",
        ]
        .iter()
        .zip(old.into_iter().zip(new))
        .map(|(id, (o, n))| vec![vec![Inline::bold(tr(lang, id))], o, n])
        .collect();
        let mut out = vec![
            Block::Table {
                header: vec![
                    vec![Inline::bold(tr(lang, "report-versions-title"))],
                    vec![Inline::bold(tr(lang, "report-older"))],
                    vec![Inline::bold(tr(lang, "report-newer"))],
                ],
                rows,
            },
            Block::Spacer(2.0),
        ];
        for f in [&self.from, &self.to] {
            let hash = f
                .release
                .as_ref()
                .map_or(f.hash.clone(), |r| r.full_hash.clone());
            out.push(Block::Small(vec![Inline::plain(tr_args(
                lang,
                "report-checksum",
                &[("name", f.name(lang)), ("hash", hash)],
            ))]));
        }
        if let Some(date) = self.date {
            out.push(Block::Small(vec![Inline::plain(tr_args(
                lang,
                "report-date",
                &[("date", format_date(date, lang))],
            ))]));
        }
        out.push(Block::Small(vec![
            Inline::bold(format!("{} ", tr(lang, "report-legend-intro"))),
            Inline::highlighted(tr(lang, "report-legend-deleted-sample"), Highlight::Deleted),
            Inline::plain(format!(" {} ", tr(lang, "report-legend-deleted"))),
            Inline::highlighted(
                tr(lang, "report-legend-inserted-sample"),
                Highlight::Inserted,
            ),
            Inline::plain(format!(" {}", tr(lang, "report-legend-inserted"))),
        ]));
        // The summary is ragged (a `Small` block): justified, its few long words left
        // wide gaps.
        out.push(Block::Small(vec![
            Inline::bold(format!("{} ", tr(lang, "report-summary"))),
            Inline::plain(self.summary.clone()),
        ]));
        out.push(Block::Rule);
        out
    }

    /// One change that is not about a single measure: what changed, then the text as it
    /// reads now with its changes marked, or the notes.
    fn entry_blocks(&self, e: &ReportEntry) -> Vec<Block> {
        let text_label = tr(self.lang, "diff-field-text");
        let mut out = Vec::new();
        // A title-block field names itself in its own line.
        let names_itself = matches!(
            e.lines.first(),
            Some(ReportLine::Text { label, markdown: false, .. }) if *label == e.what
        );
        if !names_itself {
            out.push(Block::Small(vec![Inline::italic(e.what.clone())]));
        }
        for line in &e.lines {
            match line {
                ReportLine::Note(n) => out.push(Block::Small(vec![Inline::plain(n)])),
                ReportLine::Text {
                    label,
                    old,
                    new,
                    markdown: true,
                    ..
                } => {
                    if *label != text_label {
                        out.push(Block::Small(vec![Inline::italic(label.clone())]));
                    }
                    let old = markdown_blocks(old, BODY_HEADING_BASE);
                    let new = markdown_blocks(new, BODY_HEADING_BASE);
                    out.extend(diff_blocks(&old, &new, true));
                }
                ReportLine::Text {
                    label, old, new, ..
                } => {
                    let mut p = vec![Inline::bold(format!("{label}: "))];
                    p.extend(value_diff(old, new));
                    out.push(Block::Paragraph(p));
                }
            }
        }
        out
    }

    /// One change to a measure as a list item: the measure's text (its change marked),
    /// then a small line with what happened and the details.
    fn measure_item(&self, e: &ReportEntry) -> Vec<Block> {
        let text_label = tr(self.lang, "diff-field-text");
        let mut item = Vec::new();
        let mut details = vec![e.what.clone()];
        for line in &e.lines {
            match line {
                ReportLine::Text {
                    label, old, new, ..
                } => {
                    let mut p = Vec::new();
                    if *label != text_label {
                        p.push(Inline::bold(format!("{label}: ")));
                    }
                    p.extend(value_diff(old, new));
                    item.push(Block::Paragraph(p));
                }
                // The measure's name ("Maßnahme: …") comes first, as the item's text.
                ReportLine::Note(n) if item.is_empty() => {
                    let name = n
                        .strip_prefix(&format!("{}: ", tr(self.lang, "diff-field-measure")))
                        .unwrap_or(n);
                    item.push(Block::Paragraph(vec![Inline::plain(name)]));
                }
                ReportLine::Note(n) => details.push(n.clone()),
            }
        }
        item.push(Block::Small(vec![Inline::italic(details.join(" · "))]));
        item
    }

    /// The footer and document properties of the report, shared by its PDF and DOCX.
    pub(crate) fn furniture_and_meta(
        &self,
        organisation: &str,
        date: Date,
    ) -> (Furniture, PdfMeta) {
        let org = organisation.trim();
        let short = tr(self.lang, "document-title-short");
        let furniture = Furniture {
            footer_left: if org.is_empty() {
                short
            } else {
                format!("{short} – {org}")
            },
            footer_version: format!(
                "{} – {}",
                self.from.name(self.lang),
                self.to.name(self.lang)
            ),
            fingerprint: format!("{} – {}", self.from.hash, self.to.hash),
            draft_mark: None,
        };
        let meta = PdfMeta {
            title: self.title.clone(),
            author: org.to_owned(),
            subject: self.summary.clone(),
            lang: self.lang,
            date: date.midnight().assume_utc(),
        };
        (furniture, meta)
    }

    /// The report as an A4 PDF. `organisation` goes into the footer and the metadata;
    /// `date` is "now", injected so the output is reproducible (and the report's date
    /// when it has none).
    pub fn pdf(&self, organisation: &str, date: Date) -> Result<PdfOutput, ExportError> {
        self.pdf_at(organisation, date.midnight().assume_utc())
    }

    /// The report as an A4 PDF created at `now` (the metadata's time of day; the
    /// report's date is `now`'s date when it has none).
    pub fn pdf_at(
        &self,
        organisation: &str,
        now: time::OffsetDateTime,
    ) -> Result<PdfOutput, ExportError> {
        let date = now.date();
        let (furniture, mut meta) = self.furniture_and_meta(organisation, date);
        meta.date = now;
        let blocks = if self.date.is_some() {
            self.to_blocks()
        } else {
            self.clone().dated(date).to_blocks()
        };
        pdf_from_blocks(&blocks, &furniture, &meta)
    }

    /// The report as Markdown: the same blocks as the PDF, tables as tables, deletions
    /// `~~struck through~~` and insertions `<ins>underlined</ins>` (GitHub, GitLab and
    /// pandoc show both).
    pub fn to_markdown(&self) -> String {
        super::blocks_markdown::write(&self.blocks_raw())
    }
}

/// A plain value's change. A single token such as a date or a number is replaced whole
/// ("24.02.2025 23.02.2026", the old struck through), not digit by digit.
fn value_diff(old: &str, new: &str) -> Vec<Inline> {
    let single = |s: &str| !s.trim().is_empty() && !s.trim().contains(char::is_whitespace);
    if single(old) && single(new) {
        return vec![
            Inline::highlighted(old.trim(), Highlight::Deleted),
            Inline::plain(" "),
            Inline::highlighted(new.trim(), Highlight::Inserted),
        ];
    }
    diff_inlines(&[Inline::plain(old.trim())], &[Inline::plain(new.trim())])
}

fn flush_list(blocks: &mut Vec<Block>, items: &mut Vec<Vec<Block>>) {
    if !items.is_empty() {
        blocks.push(Block::List {
            ordered: false,
            start: 1,
            items: std::mem::take(items),
        });
    }
}

fn has_arrow() -> bool {
    crate::export::fonts::fonts()
        .is_ok_and(|f| f.face(crate::export::fonts::Face::Regular).has('→'))
}

fn replace_arrows(block: &mut Block) {
    let fix = |s: &mut String| {
        if s.contains('→') {
            *s = s.replace('→', "»");
        }
    };
    match block {
        Block::Title(t) => fix(t),
        Block::Heading { text, .. } => fix(text),
        Block::Paragraph(inlines) | Block::Small(inlines) => {
            for i in inlines {
                fix(&mut i.text);
            }
        }
        Block::List { items, .. } => {
            for b in items.iter_mut().flatten() {
                replace_arrows(b);
            }
        }
        Block::Quote(inner) => {
            for b in inner {
                replace_arrows(b);
            }
        }
        Block::Table { header, rows } => {
            for cell in header.iter_mut().chain(rows.iter_mut().flatten()) {
                for i in cell {
                    fix(&mut i.text);
                }
            }
        }
        _ => {}
    }
}
