//! Markdown import: existing TOM documents in, mapped onto the canonical sections.
//!
//! API contract shared with the editor and the CLI (the body is being built).

use std::path::Path;

use crate::model::{Document, Lang, SectionId};

/// Where one heading of the source went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingMapping {
    /// The heading as written in the source.
    pub heading: String,
    /// The section it became or was merged into.
    pub section: SectionId,
    /// True when no canonical section matched and a custom section was made.
    pub custom: bool,
    /// Further canonical sections recorded as covered by a combined heading.
    pub also_covers: Vec<SectionId>,
}

/// What the import did, for the CLI and the editor to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// The language the text was read as.
    pub lang: Option<Lang>,
    /// One entry per heading, in source order.
    pub mappings: Vec<HeadingMapping>,
}

/// An imported document and its report.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The document.
    pub document: Document,
    /// What went where.
    pub report: ImportReport,
}

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Reading the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The input is unusable (binary, not UTF-8, empty…).
    #[error("{0}")]
    Invalid(String),
}

/// Imports Markdown text; `lang` is detected when `None`.
pub fn import_markdown(_text: &str, _lang: Option<Lang>) -> Result<Imported, ImportError> {
    Err(ImportError::Invalid(
        "Markdown import is not built yet".into(),
    ))
}

/// Reads and imports a Markdown file.
pub fn import_file(path: &Path, lang: Option<Lang>) -> Result<Imported, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| ImportError::Invalid(format!("{}: not UTF-8 text", path.display())))?;
    import_markdown(&text, lang)
}
