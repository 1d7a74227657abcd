//! Comparison of two documents, matched by stable ids, with word-level text changes.
