//! Reading and writing the RON envelope: `(format: N, working: …, versions: […])`.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use super::delta;
use super::error::{StoreError, StoreErrorKind};
use super::history::{TomFile, Version};
use super::migrate;
use crate::model::{Document, LocalText, validate};

/// The format version this build writes. Older files are migrated when read; newer
/// ones are refused.
///
/// Format 3 (issue 20.2) holds release notes and the responsible person in both
/// languages; format 2 held one plain string each.
pub const FORMAT_VERSION: u32 = 3;

/// Files larger than this are refused before reading (a TOM with hundreds of versions
/// is a few dozen MB).
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

const HEADER: &str = "// Tomwerk TOM file (RON). Released versions are hash-chained:\n// edit the working copy with Tomwerk, not by hand, or `tomwerk verify` will say so.\n";

use time::Date;
time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: u32,
    working: &'a Document,
    versions: Vec<VersionRepr>,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    #[allow(dead_code)]
    format: u32,
    working: Document,
    #[serde(default)]
    versions: Vec<VersionRepr>,
}

/// A version as stored: the first (and any whose format differs from its predecessor's)
/// with its full `content`, the others with a `delta` against the previous content.
/// The note is a [`LocalText`] since format 3, a plain string before (`N`).
#[derive(Serialize, Deserialize)]
pub(crate) struct VersionRepr<N = LocalText> {
    label: String,
    #[serde(with = "iso_date")]
    date: Date,
    author: String,
    note: N,
    prev_hash: String,
    hash: String,
    content_format: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    content: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    delta: Option<String>,
    /// `(key: "<64 hex>", signature: "<128 hex>")` for a signed release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    signature: Option<SignatureRepr>,
}

#[derive(Serialize, Deserialize)]
struct SignatureRepr {
    key: String,
    signature: String,
}

fn versions_out(versions: &[Version]) -> Vec<VersionRepr> {
    let mut prev: Option<(&Version, Vec<&str>)> = None;
    versions
        .iter()
        .map(|v| {
            let lines = delta::lines(&v.content);
            let (content, delta) = match &prev {
                Some((p, prev_lines)) if p.content_format == v.content_format => {
                    (None, Some(delta::delta_lines(prev_lines, &lines)))
                }
                _ => (Some(v.content.clone()), None),
            };
            prev = Some((v, lines));
            VersionRepr {
                label: v.label.clone(),
                date: v.date,
                author: v.author.clone(),
                note: v.note.clone(),
                prev_hash: v.prev_hash.clone(),
                hash: v.hash.clone(),
                content_format: v.content_format,
                content,
                delta,
                signature: v.signature.as_ref().map(|s| SignatureRepr {
                    key: s.public_key.clone(),
                    signature: s.signature.clone(),
                }),
            }
        })
        .collect()
}

impl VersionRepr<String> {
    /// A format-2 version with its one note put into `lang` (the document's primary
    /// language); its hash still holds (see [`Version::compute_hash`]).
    pub(crate) fn with_note_in(self, lang: crate::model::Lang) -> VersionRepr {
        VersionRepr {
            label: self.label,
            date: self.date,
            author: self.author,
            note: LocalText::only(lang, self.note),
            prev_hash: self.prev_hash,
            hash: self.hash,
            content_format: self.content_format,
            content: self.content,
            delta: self.delta,
            signature: self.signature,
        }
    }
}

pub(crate) fn versions_in(reprs: Vec<VersionRepr>) -> Vec<Version> {
    let mut out: Vec<Version> = Vec::with_capacity(reprs.len());
    for r in reprs {
        // A delta that does not apply leaves the content empty: the file still opens,
        // and `verify` reports this version's hash as broken.
        let content = match (r.content, r.delta, out.last()) {
            (Some(c), _, _) => c,
            (None, Some(d), Some(prev)) => delta::apply(&prev.content, &d).unwrap_or_default(),
            _ => String::new(),
        };
        out.push(Version {
            label: r.label,
            date: r.date,
            author: r.author,
            note: r.note,
            prev_hash: r.prev_hash,
            hash: r.hash,
            content_format: r.content_format,
            content,
            signature: r.signature.map(|s| crate::store::ReleaseSignature {
                public_key: s.key,
                signature: s.signature,
            }),
            parsed: Default::default(),
        });
    }
    out
}

fn pretty() -> PrettyConfig {
    // Unescaped strings keep Markdown bodies readable and line-diffable in the file:
    // newlines stay newlines, and quotes switch the string to a raw string.
    PrettyConfig::new()
        .escape_strings(false)
        .indentor("  ".to_owned())
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(256)
}

/// The canonical RON text of a document, as stored in released versions.
pub fn document_to_ron(doc: &Document) -> Result<String, StoreError> {
    ron::ser::to_string_pretty(doc, pretty())
        .map_err(|e| StoreErrorKind::Serialize(e.to_string()).into())
}

/// Reads a document snapshot written in `format`, migrating it if it is older.
pub(crate) fn document_from_ron(text: &str, format: u32) -> Result<Document, StoreError> {
    if format > FORMAT_VERSION {
        return Err(StoreErrorKind::NewerFormat {
            found: format,
            supported: FORMAT_VERSION,
        }
        .into());
    }
    if format < FORMAT_VERSION {
        return migrate::document(text, format);
    }
    let doc: Document = ron_options()
        .from_str(text)
        .map_err(|e| syntax_error(text, e))?;
    check(doc)
}

/// Refuses a document whose structure is unusable (duplicate ids and the like).
pub(crate) fn check(doc: Document) -> Result<Document, StoreError> {
    let fatal: Vec<String> = validate(&doc)
        .into_iter()
        .filter(|e| e.is_fatal())
        .map(|e| e.to_string())
        .collect();
    if fatal.is_empty() {
        Ok(doc)
    } else {
        Err(StoreErrorKind::Invalid(fatal.join("; ")).into())
    }
}

/// The whole file as RON text.
pub fn to_ron(file: &TomFile) -> Result<String, StoreError> {
    let body = ron::ser::to_string_pretty(
        &EnvelopeOut {
            format: FORMAT_VERSION,
            working: &file.working,
            versions: versions_out(&file.versions),
        },
        pretty(),
    )
    .map_err(|e| StoreErrorKind::Serialize(e.to_string()))?;
    let mut out = String::with_capacity(HEADER.len() + body.len() + 1);
    out.push_str(HEADER);
    out.push_str(&body);
    out.push('\n');
    Ok(out)
}

/// Something the loader repaired in the text it read (the file on disk is left alone;
/// the next save writes it the way Tomwerk always writes: LF, no BOM).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadNotice {
    /// The file started with a UTF-8 byte order mark, which was dropped.
    ByteOrderMark,
    /// The file had CRLF line endings (e.g. git's `autocrlf`), read as LF.
    CrlfLineEndings,
}

impl LoadNotice {
    /// The fluent message id (area `integrity`, argument `path`) that tells the user what
    /// was repaired, or `None` when nothing was.
    pub fn message_id(notices: &[LoadNotice]) -> Option<&'static str> {
        match notices {
            [] => None,
            [LoadNotice::ByteOrderMark] => Some("integrity-notice-bom"),
            [LoadNotice::CrlfLineEndings] => Some("integrity-notice-crlf"),
            _ => Some("integrity-notice-bom-crlf"),
        }
    }
}

/// Drops a leading BOM and, when every line ends in CRLF, turns CRLF into LF, so that a copy that went through an editor
/// or git on Windows parses and hashes exactly like the LF file Tomwerk wrote.
pub fn normalise_text(text: &str) -> (std::borrow::Cow<'_, str>, Vec<LoadNotice>) {
    let mut notices = Vec::new();
    let body = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            notices.push(LoadNotice::ByteOrderMark);
            rest
        }
        None => text,
    };
    // Only a file whose every line ends in CRLF was converted as a whole (git turns each LF
    // into CRLF); Tomwerk's own LF files may hold a CR inside a text, which must stay as is
    // or the released hashes would no longer match.
    if body.contains('\n') && !has_bare_lf(body) {
        notices.push(LoadNotice::CrlfLineEndings);
        (body.replace("\r\n", "\n").into(), notices)
    } else {
        (body.into(), notices)
    }
}

/// Whether some LF is not preceded by a CR.
fn has_bare_lf(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\n' && (i == 0 || bytes[i - 1] != b'\r'))
}

/// Parses the text of a `.tom` file of any supported format (a BOM and CRLF line endings
/// are repaired first, see [`normalise_text`]).
pub fn parse(text: &str) -> Result<TomFile, StoreError> {
    parse_with_notices(text).map(|(file, _)| file)
}

/// Like [`parse`], and also says what was repaired in the text.
pub fn parse_with_notices(text: &str) -> Result<(TomFile, Vec<LoadNotice>), StoreError> {
    let (text, notices) = normalise_text(text);
    parse_normalised(&text).map(|mut file| {
        // The working copy in NFC (issue 21.4); released versions stay byte for byte, their
        // hashes are over what was released.
        file.working.normalize_nfc();
        (file, notices)
    })
}

fn parse_normalised(text: &str) -> Result<TomFile, StoreError> {
    if text.trim().is_empty() {
        return Err(StoreErrorKind::Empty.into());
    }
    let format = peek_format(text).ok_or(StoreErrorKind::NotTomwerk)?;
    if format > FORMAT_VERSION {
        return Err(StoreErrorKind::NewerFormat {
            found: format,
            supported: FORMAT_VERSION,
        }
        .into());
    }
    if format < FORMAT_VERSION {
        return migrate::file(text, format);
    }
    let envelope: EnvelopeIn = ron_options()
        .from_str(text)
        .map_err(|e| syntax_error(text, e))?;
    Ok(TomFile {
        working: check(envelope.working)?,
        versions: versions_in(envelope.versions),
    })
}

/// Loads a `.tom` file. Never panics; every error names the file and what is wrong.
pub fn load(path: &Path) -> Result<TomFile, StoreError> {
    load_with_notices(path).map(|(file, _)| file)
}

/// Like [`load`], and also says what was repaired in the text (a BOM, CRLF line endings),
/// so the caller can warn the user once.
pub fn load_with_notices(path: &Path) -> Result<(TomFile, Vec<LoadNotice>), StoreError> {
    let (bytes, _) = read_limited(path)?;
    parse_bytes_with_notices(path, bytes)
}

/// Refuses a path that names something other than a regular file (a folder, FIFO, device
/// or socket; links are followed), before anything opens it: opening a FIFO blocks until
/// a writer comes, for ever (issue 19.8). A path that does not exist passes.
pub fn ensure_regular_file(path: &Path) -> Result<(), StoreError> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(StoreError::new(path, StoreErrorKind::NotRegularFile)),
        _ => Ok(()),
    }
}

/// Reads the whole file (at most [`MAX_FILE_SIZE`] bytes) and its metadata from the same
/// open handle, so the two describe the same file even if it is replaced meanwhile.
pub(crate) fn read_limited(path: &Path) -> Result<(Vec<u8>, std::fs::Metadata), StoreError> {
    let err = |kind: StoreErrorKind| StoreError::new(path, kind);
    // A FIFO would block the open for ever, a folder cannot be read: refuse anything that
    // is not a regular file before opening it (links are followed), and again after.
    let before = std::fs::metadata(path).map_err(|e| err(e.into()))?;
    if !before.is_file() {
        return Err(err(StoreErrorKind::NotRegularFile));
    }
    let mut file = File::open(path).map_err(|e| err(e.into()))?;
    let meta = file.metadata().map_err(|e| err(e.into()))?;
    if !meta.is_file() {
        return Err(err(StoreErrorKind::NotRegularFile));
    }
    let size = meta.len();
    if size > MAX_FILE_SIZE {
        return Err(err(StoreErrorKind::TooLarge {
            size,
            limit: MAX_FILE_SIZE,
        }));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` guards against files that grow while being read (or lie about their size).
    file.by_ref()
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(e.into()))?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(err(StoreErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_SIZE,
        }));
    }
    Ok((bytes, meta))
}

/// Parses the bytes of a `.tom` file read from `path`.
pub(crate) fn parse_bytes(path: &Path, bytes: Vec<u8>) -> Result<TomFile, StoreError> {
    parse_bytes_with_notices(path, bytes).map(|(file, _)| file)
}

/// Like [`parse_bytes`], with what was repaired in the text.
pub(crate) fn parse_bytes_with_notices(
    path: &Path,
    bytes: Vec<u8>,
) -> Result<(TomFile, Vec<LoadNotice>), StoreError> {
    let text = String::from_utf8(bytes).map_err(|e| {
        StoreError::new(
            path,
            StoreErrorKind::NotUtf8 {
                offset: e.utf8_error().valid_up_to(),
            },
        )
    })?;
    parse_with_notices(&text).map_err(|e| e.at(path))
}

/// Saves atomically: the previous file survives any failure byte for byte.
pub fn save(path: &Path, file: &TomFile) -> Result<(), StoreError> {
    let text = to_ron(file).map_err(|e| e.at(path))?;
    write_atomic(path, text.as_bytes()).map_err(|e| StoreError::new(path, e))
}

/// Finds `N` in a leading `(format: N,` after comments and white space, without parsing
/// the rest, so a newer file is refused by its number and not by a confusing syntax error.
fn peek_format(text: &str) -> Option<u32> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/")?.1;
        } else if rest.starts_with("#![") {
            rest = rest.split_once(']')?.1;
        } else {
            break;
        }
    }
    // An optional struct name before the parenthesis.
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let rest = rest.trim_start().strip_prefix('(')?.trim_start();
    let rest = rest
        .strip_prefix("format")?
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

pub(crate) fn syntax_error(text: &str, e: ron::error::SpannedError) -> StoreError {
    let pos = e.span.start;
    // A complete file ends with the envelope's closing parenthesis; an error in a file
    // that does not is best explained as truncation. A string that never ends means the
    // file ends inside it (the error points at the string's start, far from the end).
    let at_end = matches!(e.code, ron::Error::Eof | ron::Error::ExpectedStringEnd)
        || !text.trim_end().ends_with(')');
    let kind = if at_end || is_at_end(text, pos.line, pos.col) {
        StoreErrorKind::Truncated { line: pos.line }
    } else {
        StoreErrorKind::Syntax {
            line: pos.line,
            column: pos.col,
            message: parser_message(&e.code),
        }
    };
    kind.into()
}

/// The parser's description without the names of Tomwerk's internal types (`EnvelopeIn`,
/// `Metadata`, `V1File`) or of the parser's own options, which mean nothing to a user
/// (issue 19.12).
fn parser_message(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::ExpectedNamedStructLike(_) | E::ExpectedDifferentStructName { .. } => {
            E::ExpectedStructLike.to_string()
        }
        E::ExpectedStructName(_) => "expected `(`".to_owned(),
        E::ExceededRecursionLimit => "the text is nested more than 256 levels deep".to_owned(),
        E::ExpectedRawValue | E::UnclosedLineComment => "unexpected text".to_owned(),
        E::NoSuchStructField {
            expected, found, ..
        } => E::NoSuchStructField {
            expected,
            found: found.clone(),
            outer: None,
        }
        .to_string(),
        E::MissingStructField { field, .. } => {
            E::MissingStructField { field, outer: None }.to_string()
        }
        E::DuplicateStructField { field, .. } => {
            E::DuplicateStructField { field, outer: None }.to_string()
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => E::NoSuchEnumVariant {
            expected,
            found: found.clone(),
            outer: None,
        }
        .to_string(),
        other => other.to_string(),
    }
}

/// True when nothing but white space follows the error position.
fn is_at_end(text: &str, line: usize, col: usize) -> bool {
    let Some(line_text) = text.lines().nth(line.saturating_sub(1)) else {
        return true;
    };
    let line_start = line_text.as_ptr() as usize - text.as_ptr() as usize;
    let offset = line_text
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    text[line_start + offset..].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peeks_the_format() {
        assert_eq!(peek_format("(format: 2, working: ())"), Some(2));
        assert_eq!(
            peek_format("// c\n/* b */ #![enable(implicit_some)]\nTom( format :7"),
            Some(7)
        );
        assert_eq!(peek_format("(working: (), format: 2)"), None);
        assert_eq!(peek_format("\u{0}\u{1}garbage"), None);
        assert_eq!(peek_format("/* unclosed"), None);
    }

    #[test]
    fn normalises_a_bom_and_whole_file_crlf_only() {
        let (t, n) = normalise_text("\u{feff}(a,\r\nb)\r\n");
        assert_eq!(t, "(a,\nb)\n");
        assert_eq!(n, [LoadNotice::ByteOrderMark, LoadNotice::CrlfLineEndings]);
        let (t, n) = normalise_text("(a,\nb: \"x\r\ny\")\n");
        assert_eq!(t, "(a,\nb: \"x\r\ny\")\n", "a CR inside an LF file stays");
        assert!(n.is_empty());
        // git's conversion of that file: every LF became CRLF; undone exactly.
        let (t, _) = normalise_text("(a,\r\nb: \"x\r\r\ny\")\r\n");
        assert_eq!(t, "(a,\nb: \"x\r\ny\")\n");
    }

    #[test]
    fn a_released_text_with_a_cr_survives_lf_and_crlf_copies() {
        let mut file = super::super::example();
        file.working.meta.organisation.address = "Street 1\r\nTown".into();
        file.release("9.0", time::macros::date!(2026 - 11 - 27), "A", "n")
            .unwrap();
        let lf = to_ron(&file).unwrap();
        let (back, notices) = parse_with_notices(&lf).unwrap();
        assert!(notices.is_empty());
        assert!(back.verify_deep().is_ok());
        let crlf = lf.replace('\n', "\r\n");
        let (back, notices) = parse_with_notices(&crlf).unwrap();
        assert_eq!(notices, [LoadNotice::CrlfLineEndings]);
        assert!(back.verify_deep().is_ok());
        assert_eq!(back.working.meta.organisation.address, "Street 1\r\nTown");
    }
}
