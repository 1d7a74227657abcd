//! Errors of loading and saving, each naming the file and what is wrong.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong with a `.tom` file.
#[derive(Debug, thiserror::Error)]
pub enum StoreErrorKind {
    /// Reading or writing failed (missing file, permission, full disk…).
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The file has no content.
    #[error("the file is empty")]
    Empty,
    /// The path names a folder, a FIFO, a device or a socket: reading it could hang or
    /// make no sense, so it is refused before it is opened.
    #[error("this is not a regular file (a folder, pipe or device?)")]
    NotRegularFile,
    /// The file is larger than any TOM could reasonably be.
    #[error("the file is {size} bytes, more than the {limit} bytes a TOM file may have")]
    TooLarge {
        /// Size found.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The bytes are not UTF-8 text.
    #[error("the file is not UTF-8 text (invalid byte at offset {offset}); is it a binary file?")]
    NotUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The text does not start like a Tomwerk file.
    #[error("this is not a Tomwerk file (it should start with \"(format: N,\")")]
    NotTomwerk,
    /// Written by a newer Tomwerk.
    #[error(
        "the file has format version {found}, but this Tomwerk reads only up to version {supported}; please update Tomwerk"
    )]
    NewerFormat {
        /// Format found in the file.
        found: u32,
        /// Newest format this build reads.
        supported: u32,
    },
    /// The file ends in the middle of its content.
    #[error("the file ends unexpectedly at line {line}; it is probably truncated")]
    Truncated {
        /// Last line.
        line: usize,
    },
    /// RON syntax or a value of the wrong type.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// The content parses but is structurally unusable.
    #[error("the document is inconsistent: {0}")]
    Invalid(String),
    /// The file on disk is no longer the one that was read: another program wrote it
    /// meanwhile without taking the lock. Nothing was written.
    #[error(
        "the file was changed on disk by another program while this one worked on it; nothing was written, please run the command again"
    )]
    ChangedOnDisk,
    /// Another process held the file's lock for longer than any save takes.
    #[error(
        "another Tomwerk process has been holding this file for over a minute; nothing was written"
    )]
    Locked,
    /// Serialising failed (should not happen for well-formed documents).
    #[error("the document could not be written as RON: {0}")]
    Serialize(String),
}

/// An error of loading or saving, with the file it concerns.
#[derive(Debug)]
pub struct StoreError {
    /// The file concerned (empty for in-memory parsing).
    pub path: PathBuf,
    /// The released version whose stored content is wrong, if the error is inside one.
    pub version: Option<String>,
    /// What went wrong.
    pub kind: StoreErrorKind,
}

impl StoreError {
    /// Wraps a kind with the path it concerns.
    pub fn new(path: &Path, kind: impl Into<StoreErrorKind>) -> Self {
        Self {
            path: path.to_owned(),
            version: None,
            kind: kind.into(),
        }
    }

    /// The same error, as one inside the stored content of version `label`.
    pub fn in_version(mut self, label: &str) -> Self {
        self.version = Some(label.to_owned());
        self
    }

    /// The same error for another path (parsing happens before the path is known).
    pub fn at(mut self, path: &Path) -> Self {
        self.path = path.to_owned();
        self
    }
}

impl From<StoreErrorKind> for StoreError {
    fn from(kind: StoreErrorKind) -> Self {
        Self {
            path: PathBuf::new(),
            version: None,
            kind,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.as_os_str().is_empty() {
            write!(f, "{}: ", self.path.display())?;
        }
        if let Some(label) = &self.version {
            write!(f, "version {label}: ")?;
        }
        write!(f, "{}", self.kind)
    }
}

/// The message already says everything: no source, so that an error chain printed with
/// its causes (`anyhow`'s `{:#}`) shows it once, not two or three times (issue 19.12).
impl std::error::Error for StoreError {}
