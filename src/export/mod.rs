//! Export: layout (document to positioned page items) and writers (PDF, Markdown).
