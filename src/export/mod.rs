//! Export: blocks (a generic document model), layout (blocks to positioned page items)
//! and writers (PDF, Markdown).
//!
//! [`pdf`] and [`markdown`] take a whole file so they can mark drafts and print the
//! history; [`pdf_from_blocks`] typesets any list of blocks (the change report uses it).

mod block_diff;
pub mod blocks;
mod blocks_autolink;
mod blocks_markdown;
mod change_report;
pub mod docx;
pub mod fonts;
mod hyphen;
mod language;
pub mod layout;
pub mod markdown;
pub mod pdf;
pub mod unhint;

use sha2::{Digest, Sha256};
use time::Date;

use crate::i18n::{format_date, i18n};
use crate::model::{Document, Lang};
use crate::store::{TomFile, Version};

pub use blocks::{Block, Highlight, Inline, InlineStyle};
pub use language::{gaps as language_gaps, language_warnings};
pub use layout::{Furniture, Layout, PageSetup};

/// How measures are laid out after a section's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MeasureLayout {
    /// A list.
    #[default]
    List,
    /// A two-column table: technical | organisational.
    Table,
}

/// What to export and how.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The language of the export.
    pub lang: Lang,
    /// Export this released version instead of the working copy.
    pub version: Option<String>,
    /// Add a table of contents.
    pub toc: bool,
    /// Add the change-history table.
    pub history: bool,
    /// Measures as list or table.
    pub measures: MeasureLayout,
    /// "Now", injected so output is deterministic (creation date in the metadata).
    pub date: Date,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// No released version with that label.
    #[error("there is no version {0}")]
    NoSuchVersion(String),
    /// A released version could not be read.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// The PDF writer failed.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    /// The DOCX package could not be assembled.
    #[error("the Word file could not be written: {0}")]
    Docx(String),
    /// A released version was asked for, but the version chain does not verify: no
    /// released version of a tampered file is exported (issue 19.3).
    #[error("the version chain is broken at {0}; no released version is exported")]
    IntegrityBroken(crate::store::ChainError),
}

/// A finished PDF.
#[derive(Debug, Clone)]
pub struct PdfOutput {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Problems the user should know about (e.g. characters the font lacks).
    pub warnings: Vec<String>,
    /// The characters the fonts lack, each with the section it is in (printed as a
    /// placeholder; `tomwerk export` refuses them unless told otherwise).
    pub missing: Vec<MissingGlyph>,
}

/// A character the fonts lack, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The character.
    pub ch: char,
    /// The numbered heading of the section it is in ("2. Verschlüsselung"), or the
    /// localised name of the title block and introduction before the first section.
    pub section: String,
}

impl PdfOutput {
    /// One line naming the missing characters with their sections, or `None`.
    pub fn missing_message(&self, lang: Lang) -> Option<String> {
        if self.missing.is_empty() {
            return None;
        }
        let list: Vec<String> = self
            .missing
            .iter()
            .map(|m| format!("{} (U+{:04X}, {})", m.ch, m.ch as u32, m.section))
            .collect();
        Some(i18n().tr_args(
            lang,
            "report-missing-glyphs",
            &[(
                "chars",
                fluent_bundle::FluentValue::from(list.join("; ").as_str()),
            )],
        ))
    }
}

/// Where the characters of `missing` occur in `blocks`: each character once per section.
fn locate_missing(
    blocks: &[Block],
    missing: &std::collections::BTreeSet<char>,
    lang: Lang,
) -> Vec<MissingGlyph> {
    fn walk(
        blocks: &[Block],
        missing: &std::collections::BTreeSet<char>,
        section: &mut String,
        out: &mut Vec<MissingGlyph>,
    ) {
        let scan = |text: &str, section: &str, out: &mut Vec<MissingGlyph>| {
            for ch in text.chars().filter(|c| missing.contains(c)) {
                if !out.iter().any(|m| m.ch == ch && m.section == section) {
                    out.push(MissingGlyph {
                        ch,
                        section: section.to_owned(),
                    });
                }
            }
        };
        for b in blocks {
            match b {
                Block::Heading {
                    number,
                    text,
                    outline,
                    ..
                } => {
                    if *outline {
                        *section = format!("{number} {text}").trim().to_owned();
                    }
                    scan(text, section, out);
                }
                Block::Title(t) | Block::Toc { title: t } => scan(t, section, out),
                Block::Paragraph(i) | Block::Small(i) => {
                    for i in i {
                        scan(&i.text, section, out);
                    }
                }
                Block::Code(code) => scan(code, section, out),
                Block::Quote(inner) => walk(inner, missing, section, out),
                Block::List { items, .. } => {
                    for item in items {
                        walk(item, missing, section, out);
                    }
                }
                Block::Table { header, rows } => {
                    for cell in header.iter().chain(rows.iter().flatten()) {
                        for i in cell {
                            scan(&i.text, section, out);
                        }
                    }
                }
                Block::Spacer(_) | Block::Rule => {}
            }
        }
    }
    let mut out = Vec::new();
    let mut section = i18n().tr(lang, "report-before-sections");
    walk(blocks, missing, &mut section, &mut out);
    // A character only in the furniture (footer, organisation name) is still named.
    for &ch in missing {
        if !out.iter().any(|m| m.ch == ch) {
            out.push(MissingGlyph {
                ch,
                section: i18n().tr(lang, "report-in-footer"),
            });
        }
    }
    out
}

/// Which state of the document is exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// The version label: the exported release, or for a draft the release it builds on.
    pub label: Option<String>,
    /// The release date, or the export date for a draft.
    pub date: Date,
    /// A short hash: the release's hash, or for a draft a hash of the working copy.
    pub fingerprint: String,
    /// True for a working copy with changes since the latest release (or none released).
    pub draft: bool,
    /// For an older release: the label and date of the newest one, which supersedes it
    /// (the title block says so).
    pub newer: Option<(String, Date)>,
}

/// The document to export, which release it is, and the history up to it.
///
/// A file whose version chain does not verify exports only its working copy, as a draft
/// with no history, marked "INTEGRITY BROKEN" (see [`prepare`]); a released version of it
/// is refused, so nothing vouches for a tampered file.
pub fn resolve(
    file: &TomFile,
    options: &ExportOptions,
) -> Result<(Document, Release, Vec<Version>), ExportError> {
    resolve_checked(file, options, file.verify().err())
}

fn resolve_checked(
    file: &TomFile,
    options: &ExportOptions,
    broken: Option<crate::store::ChainError>,
) -> Result<(Document, Release, Vec<Version>), ExportError> {
    if let Some(e) = broken {
        if options.version.is_some() {
            return Err(ExportError::IntegrityBroken(e));
        }
        let release = Release {
            label: None,
            date: options.date,
            fingerprint: String::new(),
            draft: true,
            newer: None,
        };
        return Ok((file.working.clone(), release, Vec::new()));
    }
    if let Some(label) = &options.version {
        let pos = file
            .versions
            .iter()
            .position(|v| &v.label == label)
            .ok_or_else(|| ExportError::NoSuchVersion(label.clone()))?;
        let v = &file.versions[pos];
        let release = Release {
            label: Some(v.label.clone()),
            date: v.date,
            fingerprint: v.short_hash().to_owned(),
            draft: false,
            newer: file
                .latest()
                .filter(|latest| latest.label != v.label)
                .map(|latest| (latest.label.clone(), latest.date)),
        };
        return Ok((v.document()?, release, file.versions[..=pos].to_vec()));
    }
    // A working copy equal to the latest release is that release.
    if !file.has_unreleased_changes()
        && let Some(v) = file.latest()
    {
        {
            let release = Release {
                label: Some(v.label.clone()),
                date: v.date,
                fingerprint: v.short_hash().to_owned(),
                draft: false,
                newer: None,
            };
            return Ok((file.working.clone(), release, file.versions.clone()));
        }
    }
    let ron = crate::store::document_to_ron(&file.working)?;
    let digest = Sha256::digest(ron.as_bytes());
    let fingerprint: String = digest
        .iter()
        .take(crate::store::FINGERPRINT_DIGITS / 2)
        .map(|b| format!("{b:02x}"))
        .collect();
    let release = Release {
        label: file.latest().map(|v| v.label.clone()),
        date: options.date,
        fingerprint,
        draft: true,
        newer: None,
    };
    Ok((file.working.clone(), release, file.versions.clone()))
}

/// Metadata of a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfMeta {
    /// /Title.
    pub title: String,
    /// /Author (the organisation).
    pub author: String,
    /// /Subject.
    pub subject: String,
    /// The language of the text (/Lang, hyphenation, "Seite X von Y").
    pub lang: Lang,
    /// Creation and modification time, written to Info and XMP alike: the injected
    /// "now" with its time of day and UTC offset.
    pub date: time::OffsetDateTime,
}

/// Typesets any blocks as an A4 PDF with the given footer and metadata.
pub fn pdf_from_blocks(
    blocks: &[Block],
    furniture: &Furniture,
    meta: &PdfMeta,
) -> Result<PdfOutput, ExportError> {
    let fonts = fonts::fonts().map_err(ExportError::Pdf)?;
    let laid = layout::layout(blocks, furniture, meta.lang, fonts, &PageSetup::A4);
    let bytes = pdf::write(&laid, meta, fonts)?;
    Ok(PdfOutput {
        bytes,
        pages: laid.pages.len(),
        warnings: laid.warnings(meta.lang),
        missing: locate_missing(blocks, &laid.missing, meta.lang),
    })
}

/// The blocks, footer and metadata of a file's export (shared by [`pdf`] and previews).
pub fn prepare(
    file: &TomFile,
    options: &ExportOptions,
) -> Result<(Vec<Block>, Furniture, PdfMeta), ExportError> {
    let broken = file.verify().err();
    let integrity_broken = broken.is_some();
    let (doc, release, history) = resolve_checked(file, options, broken)?;
    let blocks = blocks::document_blocks(&doc, &release, &history, options);
    let (furniture, meta) = document_furniture(
        &doc,
        &release,
        released_version(file, &release),
        integrity_broken,
        options.lang,
        options.date,
    );
    Ok((blocks, furniture, meta))
}

/// The released version a [`Release`] stands for (none for a draft), for its signer and
/// full hash.
pub(crate) fn released_version<'a>(file: &'a TomFile, release: &Release) -> Option<&'a Version> {
    release
        .label
        .as_deref()
        .filter(|_| !release.draft)
        .and_then(|l| file.version(l))
}

/// The header/footer furniture and document properties of a document's export.
///
/// `released` is the released version exported (none for a draft); `integrity_broken`
/// replaces the fingerprint by the "INTEGRITY BROKEN" mark on every page.
pub(crate) fn document_furniture(
    doc: &Document,
    release: &Release,
    released: Option<&Version>,
    integrity_broken: bool,
    lang: Lang,
    date: Date,
) -> (Furniture, PdfMeta) {
    let org = doc.meta.organisation.name.trim();
    let short = i18n().tr(lang, "document-title-short");
    let footer_left = if org.is_empty() {
        short
    } else {
        format!("{short} – {org}")
    };
    let footer_version = blocks::version_line(release, lang);
    let fingerprint = match released.and_then(|v| v.signature.as_ref()) {
        Some(sig) => i18n().tr_args(
            lang,
            "export-fingerprint-signed",
            &[
                ("hash", release.fingerprint.as_str().into()),
                ("key", sig.key_fingerprint().into()),
            ],
        ),
        None => i18n().tr_args(
            lang,
            "export-fingerprint",
            &[(
                "hash",
                fluent_bundle::FluentValue::from(release.fingerprint.as_str()),
            )],
        ),
    };
    let mut furniture = Furniture {
        footer_left,
        footer_version,
        fingerprint,
        draft_mark: release.draft.then(|| i18n().tr(lang, "export-draft-mark")),
    };
    if integrity_broken {
        // Instead of a fingerprint, on every page: the mark says what the reader must know.
        let mark = i18n().tr(lang, "integrity-broken-mark");
        furniture.fingerprint = mark.clone();
        furniture.draft_mark = Some(mark);
    }
    let purpose = doc.meta.purpose.get_or_other(lang).trim().to_owned();
    let mut subject = if purpose.is_empty() {
        format!(
            "{} · {}",
            i18n().tr(lang, "document-title-short"),
            format_date(release.date, lang)
        )
    } else {
        purpose
    };
    // The full hash of a released version in the metadata: the footer's 24 digits are
    // its prefix, and `tomwerk verify --expect` takes either.
    if let Some(v) = released {
        subject.push_str(&format!(" · SHA-256 {}", v.hash));
    }
    let meta = PdfMeta {
        title: i18n().document_title(doc, lang),
        author: org.to_owned(),
        subject,
        lang,
        // The start of the day until `pdf_at` gives the time of day.
        date: date.midnight().assume_utc(),
    };
    (furniture, meta)
}

/// Exports a file (its working copy or `options.version`) as PDF, created at the start
/// of `options.date` (UTC): for callers without a clock. See [`pdf_at`].
pub fn pdf(file: &TomFile, options: &ExportOptions) -> Result<PdfOutput, ExportError> {
    pdf_at(file, options, options.date.midnight().assume_utc())
}

/// Exports a file as PDF created at `now` (the metadata's time of day and offset; the
/// document's own date on the pages stays `options.date`).
pub fn pdf_at(
    file: &TomFile,
    options: &ExportOptions,
    now: time::OffsetDateTime,
) -> Result<PdfOutput, ExportError> {
    let (blocks, furniture, mut meta) = prepare(file, options)?;
    meta.date = now;
    // The document's own dictionary (product names, its terms) is never hyphenated.
    let _never = hyphen::never_hyphenate(&file.working.meta.dictionary);
    let mut out = pdf_from_blocks(&blocks, &furniture, &meta)?;
    let mut warnings = file_language_warnings(file, options)?;
    warnings.append(&mut out.warnings);
    out.warnings = warnings;
    Ok(out)
}

/// The warnings of an export of `file` with `options` about its language: texts printed
/// in the other language, stale translations, and the responsible person and release
/// notes missing in that language (every format gives them).
pub fn file_language_warnings(
    file: &TomFile,
    options: &ExportOptions,
) -> Result<Vec<String>, ExportError> {
    let (doc, _, _) = resolve(file, options)?;
    let mut out = language_warnings(&doc, options.lang);
    out.extend(release_language_warnings(file, options)?);
    Ok(out)
}

/// One warning per printed text that the export in `options.lang` takes from the other
/// language because its own is missing: the responsible person in the title block, and
/// (with `options.history`) each release note in the history table. An export never mixes
/// languages silently (issue 20.2). Also one per section whose lists nest deeper than
/// [`blocks::MAX_NESTING`] levels, which are flattened (issue 19.4).
pub fn release_language_warnings(
    file: &TomFile,
    options: &ExportOptions,
) -> Result<Vec<String>, ExportError> {
    let lang = options.lang;
    let (doc, _, history) = resolve(file, options)?;
    let language = i18n().tr(lang, &format!("language-{}", lang.code()));
    let mut out = Vec::new();
    // Lists nested deeper than the layout keeps (issue 19.4): said once per section.
    for section in doc.all_sections().into_iter().map(|(s, _)| s) {
        let text = section.body.get_or_other(lang);
        if blocks::nesting_depth(text) > blocks::MAX_NESTING {
            out.push(i18n().tr_args(
                lang,
                "export-nesting-flattened",
                &[
                    ("section", i18n().section_title(section, lang).into()),
                    ("depth", blocks::MAX_NESTING.into()),
                ],
            ));
        }
    }
    if doc.meta.responsible.lacks(lang) {
        out.push(i18n().tr_args(
            lang,
            "export-missing-responsible",
            &[("language", language.clone().into())],
        ));
    }
    if options.history {
        for v in history.iter().filter(|v| v.note.lacks(lang)) {
            out.push(i18n().tr_args(
                lang,
                "export-missing-release-note",
                &[
                    ("label", v.label.clone().into()),
                    ("language", language.clone().into()),
                ],
            ));
        }
    }
    Ok(out)
}

/// Exports a file (its working copy or `options.version`) as DOCX (WordprocessingML).
pub fn docx(file: &TomFile, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let (blocks, furniture, meta) = prepare(file, options)?;
    docx::docx_from_blocks(&blocks, &furniture, &meta, None)
}
