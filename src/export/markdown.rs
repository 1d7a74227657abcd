//! The Markdown writer: one language of a document as Markdown the importer reads back.

use super::{ExportError, ExportOptions};
use crate::store::TomFile;

/// Exports a file (its working copy or `options.version`) as Markdown.
pub fn markdown(_file: &TomFile, _options: &ExportOptions) -> Result<String, ExportError> {
    Err(ExportError::Pdf("Markdown export is not built yet".into()))
}
