//! The `.tom` file: a versioned RON envelope with migrations, atomic saves and the
//! tamper-evident chain of released versions.

mod atomic;
mod delta;
mod error;
mod example;
mod format;
mod history;
mod lock;
mod migrate;
mod signing;

pub use atomic::{write_atomic, write_atomic_with};
pub use error::{StoreError, StoreErrorKind};
pub use example::{example, large_example};
pub use format::{
    FORMAT_VERSION, LoadNotice, MAX_FILE_SIZE, document_to_ron, ensure_regular_file, load,
    load_with_notices, normalise_text, parse, parse_with_notices, save, to_ron,
};
pub use history::{ChainError, ChainFault, FINGERPRINT_DIGITS, ReleaseError, TomFile, Version};
pub use lock::LockedDocument;
pub use signing::{KEY_FINGERPRINT_DIGITS, KeyError, ReleaseSignature, SigningKey, key_dir};
