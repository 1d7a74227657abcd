//! Comparison of two documents, matched by stable ids, with word-level text changes.
//!
//! API contract shared with the editor and the CLI (the body is being built).

use crate::model::Document;

/// The differences between two documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocDiff {
    /// Every change, in the order of the newer document.
    pub changes: Vec<()>,
}

impl DocDiff {
    /// True when the documents say the same.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Compares `old` with `new`.
pub fn compare(_old: &Document, _new: &Document) -> DocDiff {
    DocDiff::default()
}
