//! Markdown import: existing TOM documents in, mapped onto the canonical sections.
