//! Export: layout (document to positioned page items) and writers (PDF, Markdown).
//!
//! API contract shared with the editor and the CLI (bodies are being built):
//! [`pdf`] and [`markdown`] take a whole file so they can mark drafts and print the history.

pub mod markdown;

use time::Date;

use crate::model::Lang;
use crate::store::TomFile;

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

/// Exports a file (its working copy or `options.version`) as PDF.
pub fn pdf(_file: &TomFile, _options: &ExportOptions) -> Result<PdfOutput, ExportError> {
    Err(ExportError::Pdf("PDF export is not built yet".into()))
}
