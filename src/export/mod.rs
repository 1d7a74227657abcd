//! Export: blocks (a generic document model), layout (blocks to positioned page items)
//! and writers (PDF, Markdown).
//!
//! [`pdf`] and [`markdown`] take a whole file so they can mark drafts and print the
//! history; [`pdf_from_blocks`] typesets any list of blocks (the change report uses it).

pub mod blocks;
mod change_report;
pub mod docx;
pub mod fonts;
mod hyphen;
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
    /// Creation and modification date.
    pub date: Date,
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
    })
}

/// The blocks, footer and metadata of a file's export (shared by [`pdf`] and previews).
pub fn prepare(
    file: &TomFile,
    options: &ExportOptions,
) -> Result<(Vec<Block>, Furniture, PdfMeta), ExportError> {
    let lang = options.lang;
    let broken = file.verify().err();
    let integrity_broken = broken.is_some();
    let (doc, release, history) = resolve_checked(file, options, broken)?;
    let blocks = blocks::document_blocks(&doc, &release, &history, options);
    let org = doc.meta.organisation.name.trim();
    let short = i18n().tr(lang, "document-title-short");
    let footer_left = if org.is_empty() {
        short
    } else {
        format!("{short} – {org}")
    };
    let footer_version = blocks::version_line(&release, lang);
    // The released version exported (none for a draft), for its signer and full hash.
    let released = release
        .label
        .as_deref()
        .filter(|_| !release.draft)
        .and_then(|l| file.version(l));
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
        title: i18n().document_title(&doc, lang),
        author: org.to_owned(),
        subject,
        lang,
        date: options.date,
    };
    Ok((blocks, furniture, meta))
}

/// Exports a file (its working copy or `options.version`) as PDF.
pub fn pdf(file: &TomFile, options: &ExportOptions) -> Result<PdfOutput, ExportError> {
    let (blocks, furniture, meta) = prepare(file, options)?;
    let mut out = pdf_from_blocks(&blocks, &furniture, &meta)?;
    out.warnings.extend(language_warnings(file, options)?);
    Ok(out)
}

/// One warning per printed text that the export in `options.lang` takes from the other
/// language because its own is missing: the responsible person in the title block, and
/// (with `options.history`) each release note in the history table. An export never mixes
/// languages silently (issue 20.2). Also one per section whose lists nest deeper than
/// [`blocks::MAX_NESTING`] levels, which are flattened (issue 19.4).
pub fn language_warnings(
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
