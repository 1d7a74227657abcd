//! The working copy and the hash-chained list of released versions.

use std::sync::OnceLock;

use sha2::{Digest, Sha256};
use time::Date;

use super::error::StoreError;
use super::format::{FORMAT_VERSION, document_from_ron, document_to_ron};
use super::signing::ReleaseSignature;
use crate::model::{Document, LocalText};

/// The first `content_format` whose versions hash their note in both languages; older
/// versions hashed their one note text (see [`Version::compute_hash`]).
const BILINGUAL_NOTES_FORMAT: u32 = 3;

/// A released, frozen version of the document.
///
/// The content is kept as the exact RON text that was hashed, so verification never
/// depends on re-serialising (and survives format migrations of the envelope). On disk,
/// every version but the first stores only its difference to the previous one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Label such as "2.1"; unique in a file.
    pub label: String,
    /// Release date.
    pub date: Date,
    /// Who released it.
    pub author: String,
    /// What changed, in the releaser's words, in both languages (format 3; a version
    /// released by format 2 holds its one note in the document's primary language).
    pub note: LocalText,
    /// Hash of the previous version (empty for the first).
    pub prev_hash: String,
    /// SHA-256 (hex) over this version's fields, its content and `prev_hash`.
    pub hash: String,
    /// Format version of `content`, for migrating old snapshots when they are opened.
    pub content_format: u32,
    /// The document as released, in RON. Do not change it after [`Version::document`]
    /// was called: the parsed document is cached.
    pub content: String,
    /// The releaser's Ed25519 signature over `hash`, if the release was signed
    /// (`release --sign`); not part of the hash, which it covers.
    pub signature: Option<ReleaseSignature>,
    /// The parsed `content`, filled on first use (the editor asks every frame).
    pub(super) parsed: ParsedCache,
}

/// A lazily filled cache that takes no part in comparisons.
#[derive(Debug, Clone, Default)]
pub(super) struct ParsedCache(OnceLock<Document>);

impl PartialEq for ParsedCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for ParsedCache {}

impl Version {
    /// The first [`FINGERPRINT_DIGITS`] hex digits of the hash (96 bits, a real
    /// commitment), as printed in footers, change reports and listings.
    pub fn short_hash(&self) -> &str {
        self.hash.get(..FINGERPRINT_DIGITS).unwrap_or(&self.hash)
    }

    /// The released document (parsed, and migrated if it is older).
    pub fn document(&self) -> Result<Document, StoreError> {
        self.document_ref().cloned()
    }

    /// The released document, borrowed from the cache (parsed on first use).
    pub fn document_ref(&self) -> Result<&Document, StoreError> {
        if let Some(doc) = self.parsed.0.get() {
            return Ok(doc);
        }
        let doc = document_from_ron(&self.content, self.content_format)
            .map_err(|e| e.in_version(&self.label))?;
        Ok(self.parsed.0.get_or_init(|| doc))
    }

    /// The hash these fields should have.
    ///
    /// A version released by format 3 or later hashes its note's German and English text
    /// as two fields. One released earlier had a single note, which migration put into one
    /// language: it hashes that text alone, so its hash still holds; a second language
    /// added to it later is hashed too (joined by a NUL, which no note holds), so such an
    /// addition breaks the hash.
    pub fn compute_hash(&self) -> String {
        let mut h = Sha256::new();
        h.update(b"tomwerk-version\n");
        // Length prefixes make the encoding unambiguous (no field can bleed into another).
        let date = self.date.to_string();
        let format = self.content_format.to_string();
        let legacy_note = match (self.note.de.is_empty(), self.note.en.is_empty()) {
            (_, true) => self.note.de.clone(),
            (true, false) => self.note.en.clone(),
            (false, false) => format!("{}\u{0}{}", self.note.de, self.note.en),
        };
        let mut fields = vec![
            self.prev_hash.as_str(),
            self.label.as_str(),
            date.as_str(),
            self.author.as_str(),
        ];
        if self.content_format >= BILINGUAL_NOTES_FORMAT {
            fields.extend([self.note.de.as_str(), self.note.en.as_str()]);
        } else {
            fields.push(&legacy_note);
        }
        fields.extend([format.as_str(), self.content.as_str()]);
        for field in fields {
            h.update(field.len().to_string().as_bytes());
            h.update(b":");
            h.update(field.as_bytes());
            h.update(b"\n");
        }
        hex(&h.finalize())
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Why a release was refused.
#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    /// The label is blank.
    #[error("the version label is empty")]
    EmptyLabel,
    /// The label is taken.
    #[error("version {0} exists already")]
    DuplicateLabel(String),
    /// Nothing changed since the last release.
    #[error("the working copy has not changed since version {0}")]
    Unchanged(String),
    /// A label or author holds a control or bidi-override character, or is too long:
    /// it could fake a line of `versions` output.
    #[error(
        "the {field} contains a control or bidi character, or is longer than {MAX_FIELD_CHARS} characters"
    )]
    BadField {
        /// Which field: "label", "author" or "note".
        field: &'static str,
    },
    /// The working copy could not be serialised, or the latest version not read.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Hex digits of a printed fingerprint (issue 19.6: at least 96 bits).
pub const FINGERPRINT_DIGITS: usize = 24;

/// The longest label, author or note a release accepts, in characters.
pub const MAX_FIELD_CHARS: usize = 1_000;

/// Whether `c` may forge layout in one-line output: controls and bidi overrides/isolates.
fn is_forging_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Checks a release field: no forging characters (notes may hold newlines), and a sane length.
fn check_field(field: &'static str, text: &str, newlines: bool) -> Result<(), ReleaseError> {
    let bad = text
        .chars()
        .any(|c| is_forging_char(c) && !(newlines && c == '\n'));
    if bad || text.chars().count() > MAX_FIELD_CHARS {
        return Err(ReleaseError::BadField { field });
    }
    Ok(())
}

/// The first place where the version chain does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("version {label} (#{position}): {reason}")]
pub struct ChainError {
    /// 1-based position in the history.
    pub position: usize,
    /// The version's label.
    pub label: String,
    /// What does not hold, in English (for logs and library users).
    pub reason: String,
    /// What does not hold, as a kind (the CLI and editor say it in the user's language).
    pub fault: ChainFault,
}

/// What is wrong at the first bad version of a chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainFault {
    /// Its label occurs twice.
    DuplicateLabel,
    /// It does not point at the version before it.
    BrokenLink,
    /// Its fields do not match its hash.
    HashMismatch,
    /// Its signature does not match its hash.
    BadSignature,
    /// Its stored content cannot be read.
    Unreadable,
}

impl ChainFault {
    /// A stable key, used in message ids (`integrity-fault-KEY`).
    pub fn key(self) -> &'static str {
        match self {
            Self::DuplicateLabel => "duplicate-label",
            Self::BrokenLink => "broken-link",
            Self::HashMismatch => "hash-mismatch",
            Self::BadSignature => "bad-signature",
            Self::Unreadable => "unreadable",
        }
    }
}

/// A whole `.tom` file: the working copy and its released versions, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct TomFile {
    /// The document being edited.
    pub working: Document,
    /// Released versions, oldest first.
    pub versions: Vec<Version>,
}

impl TomFile {
    /// A file with this working copy and no history.
    pub fn new(working: Document) -> Self {
        Self {
            working,
            versions: Vec::new(),
        }
    }

    /// The newest released version.
    pub fn latest(&self) -> Option<&Version> {
        self.versions.last()
    }

    /// The version with this label.
    pub fn version(&self, label: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.label == label)
    }

    /// True when the working copy differs from the latest release (or nothing is released).
    pub fn has_unreleased_changes(&self) -> bool {
        match self.latest().map(Version::document_ref) {
            Some(Ok(doc)) => !doc.content_eq(&self.working),
            _ => true,
        }
    }

    /// Freezes the working copy as a new version, with its note in the document's primary
    /// language (see [`TomFile::release_with_notes`] for both). Refuses a blank or
    /// duplicate label and a working copy unchanged since the latest release.
    pub fn release(
        &mut self,
        label: &str,
        date: Date,
        author: &str,
        note: &str,
    ) -> Result<&Version, ReleaseError> {
        let note = LocalText::only(self.working.meta.primary_language, note);
        self.release_with_notes(label, date, author, &note)
    }

    /// Freezes the working copy as a new version with a note in both languages.
    pub fn release_with_notes(
        &mut self,
        label: &str,
        date: Date,
        author: &str,
        note: &LocalText,
    ) -> Result<&Version, ReleaseError> {
        let label = label.trim();
        if label.is_empty() {
            return Err(ReleaseError::EmptyLabel);
        }
        check_field("label", label, false)?;
        check_field("author", author.trim(), false)?;
        check_field("note", note.de.trim(), true)?;
        check_field("note", note.en.trim(), true)?;
        if self.version(label).is_some() {
            return Err(ReleaseError::DuplicateLabel(label.to_owned()));
        }
        if let Some(latest) = self.latest()
            && latest.document_ref()?.content_eq(&self.working)
        {
            return Err(ReleaseError::Unchanged(latest.label.clone()));
        }
        let mut version = Version {
            label: label.to_owned(),
            date,
            author: author.trim().to_owned(),
            note: LocalText::new(note.de.trim(), note.en.trim()),
            prev_hash: self.latest().map(|v| v.hash.clone()).unwrap_or_default(),
            hash: String::new(),
            content_format: FORMAT_VERSION,
            content: document_to_ron(&self.working)?,
            signature: None,
            parsed: ParsedCache::default(),
        };
        version.hash = version.compute_hash();
        self.versions.push(version);
        Ok(self
            .versions
            .last()
            .unwrap_or_else(|| unreachable!("just pushed")))
    }

    /// Signs the newest version with `key` (after [`TomFile::release`], before saving).
    /// Returns the key's fingerprint, or `None` when nothing is released.
    pub fn sign_latest(&mut self, key: &super::signing::SigningKey) -> Option<String> {
        let latest = self.versions.last_mut()?;
        latest.signature = Some(key.sign(&latest.hash));
        Some(key.fingerprint())
    }

    /// Checks every hash and every link of the chain. Returns the first version where it
    /// does not hold. Fast enough to run whenever a file is opened.
    pub fn verify(&self) -> Result<(), ChainError> {
        self.verify_chain(false)
    }

    /// Like [`TomFile::verify`], and also parses every snapshot (for `tomwerk verify`).
    pub fn verify_deep(&self) -> Result<(), ChainError> {
        self.verify_chain(true)
    }

    fn verify_chain(&self, deep: bool) -> Result<(), ChainError> {
        let mut prev = "";
        let mut labels = std::collections::BTreeSet::new();
        for (i, v) in self.versions.iter().enumerate() {
            let fail = |fault: ChainFault, reason: String| ChainError {
                position: i + 1,
                label: v.label.clone(),
                reason,
                fault,
            };
            if !labels.insert(v.label.as_str()) {
                return Err(fail(
                    ChainFault::DuplicateLabel,
                    "the label occurs twice".into(),
                ));
            }
            if v.prev_hash != prev {
                return Err(fail(
                    ChainFault::BrokenLink,
                    "it does not point at the previous version (a version was removed, inserted or reordered)".into(),
                ));
            }
            if v.compute_hash() != v.hash {
                return Err(fail(
                    ChainFault::HashMismatch,
                    "its content or details do not match its hash (changed after release)".into(),
                ));
            }
            if let Some(sig) = &v.signature
                && !sig.holds_for(&v.hash)
            {
                return Err(fail(
                    ChainFault::BadSignature,
                    "its signature does not match it (changed after it was signed)".into(),
                ));
            }
            if let Some(Err(e)) = deep.then(|| v.document_ref()) {
                return Err(fail(
                    ChainFault::Unreadable,
                    format!("its content cannot be read: {}", e.kind),
                ));
            }
            prev = &v.hash;
        }
        Ok(())
    }

    /// A label for the next release: the last number of the latest label plus one
    /// ("2.1" → "2.2", "v3" → "v4"), or "1.0" for the first.
    pub fn suggest_next_label(&self) -> String {
        let Some(latest) = self.latest() else {
            return "1.0".to_owned();
        };
        let label = &latest.label;
        let end = label
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit())
            .last()
            .map(|(i, _)| i);
        let candidate = match end.and_then(|i| label[i..].parse::<u64>().ok().map(|n| (i, n))) {
            Some((i, n)) => format!("{}{}", &label[..i], n + 1),
            None => format!("{label}.1"),
        };
        let mut next = candidate.clone();
        let mut k = 1;
        while self.version(&next).is_some() {
            k += 1;
            next = format!("{candidate}.{k}");
        }
        next
    }
}
