//! The change report of a comparison as PDF, typeset by the export's layout engine.

use time::Date;

use super::blocks::{Block, Highlight, Inline};
use super::layout::Furniture;
use super::{ExportError, PdfMeta, PdfOutput, pdf_from_blocks};
use crate::diff::{Report, ReportLine};
use crate::diff::{Segment, SegmentKind};
use crate::i18n::tr;

impl Report {
    /// The report as layout blocks: title, summary, one heading per change with its
    /// notes and its old text (deletions struck through) and new text (insertions
    /// highlighted), and the fingerprints of both sides at the end.
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

    fn blocks_raw(&self) -> Vec<Block> {
        let mut blocks = vec![
            Block::Title(self.title.clone()),
            Block::Paragraph(vec![Inline::bold(self.summary.clone())]),
        ];
        let old_label = tr(self.lang, "diff-old");
        let new_label = tr(self.lang, "diff-new");
        for e in &self.entries {
            blocks.push(Block::Heading {
                level: 2,
                // The section's own number is in the text; a second (the change's
                // index) would be confusing next to it.
                number: String::new(),
                text: format!("{} – {}", e.heading, e.what),
                outline: true,
            });
            for line in &e.lines {
                match line {
                    ReportLine::Note(n) => blocks.push(Block::Small(vec![Inline::plain(n)])),
                    ReportLine::Text { label, segments } => {
                        for (side, name) in [
                            (SegmentKind::Delete, &old_label),
                            (SegmentKind::Insert, &new_label),
                        ] {
                            let inlines = side_inlines(segments, side);
                            if inlines.iter().all(|i| i.text.trim().is_empty()) {
                                continue;
                            }
                            let mut p = vec![Inline::bold(format!("{label} {name}: "))];
                            p.extend(inlines);
                            blocks.push(Block::Paragraph(p));
                        }
                    }
                }
            }
        }
        blocks.push(Block::Spacer(12.0));
        blocks.push(Block::Rule);
        blocks.push(Block::Heading {
            level: 2,
            number: String::new(),
            text: tr(self.lang, "diff-fingerprints"),
            outline: true,
        });
        for l in self.fingerprint_lines() {
            blocks.push(Block::Paragraph(vec![Inline::plain(l)]));
        }
        blocks
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
            date,
        };
        (furniture, meta)
    }

    /// The report as an A4 PDF. `organisation` goes into the footer and the metadata;
    /// `date` is "now", injected so the output is reproducible.
    pub fn pdf(&self, organisation: &str, date: Date) -> Result<PdfOutput, ExportError> {
        let (furniture, meta) = self.furniture_and_meta(organisation, date);
        pdf_from_blocks(&self.to_blocks(), &furniture, &meta)
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
        _ => {}
    }
}

/// One side of the segments as inlines: equal text plain, the side's changes highlighted
/// (deleted text is also struck through).
fn side_inlines(segments: &[Segment], side: SegmentKind) -> Vec<Inline> {
    let highlight = if side == SegmentKind::Delete {
        Highlight::Deleted
    } else {
        Highlight::Inserted
    };
    segments
        .iter()
        .filter_map(|s| match s.kind {
            SegmentKind::Equal => Some(Inline::plain(s.text.clone())),
            k if k == side => Some(Inline::highlighted(s.text.clone(), highlight)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_mark_only_their_changes() {
        let segs = vec![
            Segment::new(SegmentKind::Equal, "a "),
            Segment::new(SegmentKind::Delete, "alt"),
            Segment::new(SegmentKind::Insert, "neu"),
        ];
        let old = side_inlines(&segs, SegmentKind::Delete);
        assert_eq!(old.len(), 2);
        assert!(old[1].style.strike);
        assert_eq!(old[1].style.highlight, Some(Highlight::Deleted));
        let new = side_inlines(&segs, SegmentKind::Insert);
        assert_eq!(new[1].text, "neu");
        assert!(!new[1].style.strike);
        assert_eq!(new[1].style.highlight, Some(Highlight::Inserted));
    }
}
