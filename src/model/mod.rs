//! The TOM document: types, the canonical Art. 32 section tree and validation. No I/O, no UI.

mod canonical;
mod document;
mod edit;
mod nfc;
mod validate;

pub use canonical::{Art32Letter, CanonicalSection};
pub use document::{
    Document, Lang, LocalText, Measure, MeasureId, MeasureKind, MeasureStatus, Metadata,
    Organisation, Section, SectionId, TranslationBasis, format_number, text_fingerprint,
};
pub use edit::{EditError, MoveDirection, SectionPath};
pub use nfc::{nfc, to_nfc};
pub use validate::{MAX_LINE_FIELD_CHARS, ValidationError, validate};
