//! Markdown import: existing TOM documents in, mapped onto the canonical sections, losing no word.
//!
//! The pipeline: check the input, split off front matter, scan the body into top-level
//! blocks with pulldown-cmark (content is sliced from the source, not re-rendered), decide
//! which blocks are headings, match each heading to a canonical section or make a custom
//! section at the same place, and fill `Document::empty_template`. Every step is linear
//! in the input.

mod blocks;
mod build;
mod docx;
mod docx_styles;
mod flow;
mod frontmatter;
mod html;
mod lower;
mod matching;
mod measures;
mod odt;
mod package;
mod tree;
pub mod vocabulary;

use std::io::Read as _;
use std::path::Path;

use crate::model::{Document, Lang, SectionId};

pub use flow::{ImageSpot, ImportWarning};
pub use frontmatter::parse_date;
pub use matching::{normalize, split_number};
pub use measures::MeasureDetection;
pub use measures::{measure_prefix, parse_measures};

/// Where one heading of the source went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingMapping {
    /// The heading as written in the source.
    pub heading: String,
    /// The section it became or was merged into.
    pub section: SectionId,
    /// True when no canonical section matched and a custom section was made.
    pub custom: bool,
    /// Further canonical sections recorded as covered by a combined heading.
    pub also_covers: Vec<SectionId>,
}

/// What the import did, for the CLI and the editor to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// The language the text was read as.
    pub lang: Option<Lang>,
    /// One entry per heading, in source order.
    pub mappings: Vec<HeadingMapping>,
    /// The heading taken as the document title, if any.
    pub title: Option<String>,
    /// True when text before the first section became the introduction.
    pub intro: bool,
    /// Front-matter keys and the metadata field each filled (`"extra"` when kept as is).
    pub metadata: Vec<(String, String)>,
    /// Malformed tables that were repaired (their first line).
    pub repairs: Vec<String>,
    /// Canonical sections hidden because the source does not have them (in tree order).
    pub hidden: Vec<SectionId>,
    /// Headings that matched nothing, had no text of their own and whose subsections all
    /// went to canonical sections: they dissolved instead of becoming empty wrappers.
    pub dissolved: Vec<String>,
    /// A table of contents found in the source and dropped: (its heading or first line,
    /// the dropped Markdown). The export makes its own.
    pub toc: Option<(String, String)>,
    /// Title-block lines ("**Stand:** …", a subtitle) and the metadata field each filled.
    pub title_block: Vec<(String, String)>,
    /// Tables and task lists (their first line, or the kind heading over them) read as
    /// structured measures, with the number of measures each gave.
    pub measure_blocks: Vec<(String, usize)>,
    /// What a DOCX, ODT or HTML reader could not carry over (images, tracked changes…).
    pub warnings: Vec<ImportWarning>,
    /// Whether measure tables and task lists were detected in this import.
    pub measures: MeasureDetection,
}

/// An imported document and its report.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The document.
    pub document: Document,
    /// What went where.
    pub report: ImportReport,
}

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Reading the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The input is unusable (binary, not UTF-8, empty…).
    #[error("{0}")]
    Invalid(String),
}

/// The largest Markdown file the import takes (a TOM is rarely over 1 MB).
pub const MAX_IMPORT_SIZE: u64 = 64 * 1024 * 1024;

/// How to import: the language (detected when `None`) and whether measure tables and task
/// lists become structured measures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The language of the text; detected when `None`.
    pub lang: Option<Lang>,
    /// Measure tables and task lists: detected (the default) or kept as text.
    pub measures: MeasureDetection,
}

impl ImportOptions {
    /// The defaults with a language.
    pub fn lang(lang: Option<Lang>) -> Self {
        Self {
            lang,
            ..Self::default()
        }
    }
}

/// Imports Markdown text; `lang` is detected when `None`.
pub fn import_markdown(text: &str, lang: Option<Lang>) -> Result<Imported, ImportError> {
    import_markdown_with(text, ImportOptions::lang(lang))
}

/// Imports Markdown text with options.
pub fn import_markdown_with(text: &str, options: ImportOptions) -> Result<Imported, ImportError> {
    check_text(text)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Decomposed text ("u" + combining diaeresis, as macOS often writes it) is composed
    // first, so headings match, words compare and the PDF shows "ü" (issue 21.4).
    let composed = crate::model::nfc(text);
    let text: &str = &composed;
    // Slices of the source end up in the document: one line-ending convention inside it.
    let owned;
    let text = if text.contains('\r') {
        owned = text.replace("\r\n", "\n").replace('\r', "\n");
        owned.as_str()
    } else {
        text
    };
    Ok(build::build(text, options.lang, options.measures))
}

/// Reads and imports a Markdown file.
pub fn import_file(path: &Path, lang: Option<Lang>) -> Result<Imported, ImportError> {
    import_file_with(path, ImportOptions::lang(lang))
}

/// Reads and imports a file (Markdown or DOCX) with options.
pub fn import_file_with(path: &Path, options: ImportOptions) -> Result<Imported, ImportError> {
    let io = |source| ImportError::Io {
        path: path.display().to_string(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_IMPORT_SIZE {
        return Err(too_large(path, size));
    }
    let mut bytes = Vec::new();
    // `take` guards against files that grow while being read.
    file.take(MAX_IMPORT_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_IMPORT_SIZE {
        return Err(too_large(path, bytes.len() as u64));
    }
    let name = path.display().to_string();
    if !looks_like_text(&bytes) || html::sniff(&bytes) {
        return import_bytes_with(&bytes, &name, options);
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(ImportError::Invalid(format!(
            "{}: UTF-16 text; save it as UTF-8 and import again",
            path.display()
        )));
    }
    if looks_binary(&bytes[..bytes.len().min(64 * 1024)]) {
        return Err(binary(&path.display().to_string()));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        ImportError::Invalid(format!(
            "{}: not UTF-8 text (invalid byte at offset {}); save it as UTF-8 and import again",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    import_markdown_with(&text, options).map_err(|e| match e {
        ImportError::Invalid(m) => ImportError::Invalid(format!("{}: {m}", path.display())),
        other => other,
    })
}

/// The OLE compound-file signature: a password-protected OOXML file or a legacy `.doc`.
const OLE_MAGIC: [u8; 8] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

fn looks_like_text(bytes: &[u8]) -> bool {
    !(bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&OLE_MAGIC)
        || bytes.starts_with(b"{\\rtf"))
}

/// Imports a file's bytes, choosing the reader from the content (not the extension):
/// a zip with `word/document.xml` is DOCX (also `.docm`/`.dotx`; macros are never run),
/// anything else that is text is Markdown. `name` only labels errors. OLE containers
/// (password-protected Office files, legacy `.doc`) and RTF get a one-line error.
pub fn import_bytes(bytes: &[u8], name: &str, lang: Option<Lang>) -> Result<Imported, ImportError> {
    import_bytes_with(bytes, name, ImportOptions::lang(lang))
}

/// [`import_bytes`] with options.
pub fn import_bytes_with(
    bytes: &[u8],
    name: &str,
    options: ImportOptions,
) -> Result<Imported, ImportError> {
    let label = |m: String| {
        ImportError::Invalid(if name.is_empty() {
            m
        } else {
            format!("{name}: {m}")
        })
    };
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(label(
            "this document is password-protected or a legacy Word .doc; save it as .docx without a password and import again".into(),
        ));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(label(
            "an RTF file; save it as .docx and import again".into(),
        ));
    }
    let relabel = |e: ImportError| match e {
        ImportError::Invalid(m) => label(m),
        other => other,
    };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let pkg = package::Package::open(bytes, "DOCX or ODT").map_err(relabel)?;
        let flowed = if pkg.has("word/document.xml") {
            docx::read(bytes)
        } else if odt::is_odf(&pkg) {
            odt::read(bytes)
        } else {
            Err(ImportError::Invalid(
                "a zip file that is neither a Word (.docx) nor an OpenDocument (.odt) document"
                    .into(),
            ))
        }
        .map_err(relabel)?;
        return import_flowed(flowed, options).map_err(relabel);
    }
    if html::sniff(bytes)
        || ([".html", ".htm", ".xhtml"]
            .iter()
            .any(|e| name.to_ascii_lowercase().ends_with(e))
            && bytes.trim_ascii_start().starts_with(b"<"))
    {
        let flowed = html::read(bytes).map_err(relabel)?;
        return import_flowed(flowed, options).map_err(relabel);
    }
    let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
        label(format!(
            "not UTF-8 text (invalid byte at offset {}); save it as UTF-8 and import again",
            e.utf8_error().valid_up_to()
        ))
    })?;
    import_markdown_with(&text, options).map_err(|e| match e {
        ImportError::Invalid(m) => label(m),
        other => other,
    })
}

/// Builds the document from a structured reader's blocks and fills the title block from
/// the file's properties where the body does not.
fn import_flowed(flowed: flow::Flowed, options: ImportOptions) -> Result<Imported, ImportError> {
    let plain = flowed.plain_text();
    if plain.trim().is_empty() {
        return Err(ImportError::Invalid(
            "the file has no text: there is nothing to import".into(),
        ));
    }
    let blocks = lower::to_blocks(&flowed.blocks);
    let mut imported = build::build_blocks(blocks, &plain, options.lang, options.measures);
    let doc_lang = imported.report.lang.unwrap_or(Lang::De);
    let meta = &mut imported.document.meta;
    let report = &mut imported.report;
    if let Some(title) = flowed
        .title
        .filter(|_| meta.title.get(doc_lang).trim().is_empty())
    {
        *meta.title.get_mut(doc_lang) = title;
        report.metadata.push(("title".into(), "title".into()));
    }
    if let Some(org) = flowed
        .organisation
        .filter(|_| meta.organisation.name.is_empty())
    {
        meta.organisation.name = org;
        report
            .metadata
            .push(("organisation".into(), "organisation".into()));
    }
    // The file's author is whoever's account saved it (or, for our own export, the
    // organisation): printing it as "Verantwortlich" in a contract annex would state
    // something the document does not say. It is kept, not printed.
    if let Some(author) = flowed.author {
        meta.extra.entry("author".into()).or_insert(author);
        report.metadata.push(("creator".into(), "extra".into()));
    }
    if let Some(date) = flowed.modified.filter(|_| meta.last_review.is_none()) {
        meta.last_review = Some(date);
        report
            .metadata
            .push(("modified".into(), "last_review".into()));
    }
    report.warnings = flowed.warnings;
    Ok(imported)
}

fn too_large(path: &Path, size: u64) -> ImportError {
    ImportError::Invalid(format!(
        "{}: {size} bytes is more than the {} MB a Markdown import takes",
        path.display(),
        MAX_IMPORT_SIZE / (1024 * 1024)
    ))
}

fn binary(what: &str) -> ImportError {
    let what = if what.is_empty() { "the input" } else { what };
    ImportError::Invalid(format!("{what}: binary data, not Markdown text"))
}

/// NUL bytes, or more than 1 % control characters, mean the data is not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let control = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    bytes.contains(&0) || control * 100 > bytes.len()
}

fn check_text(text: &str) -> Result<(), ImportError> {
    if text.len() as u64 > MAX_IMPORT_SIZE {
        return Err(ImportError::Invalid(format!(
            "{} bytes is more than the {} MB a Markdown import takes",
            text.len(),
            MAX_IMPORT_SIZE / (1024 * 1024)
        )));
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ImportError::Invalid(
            "the file is empty: there is nothing to import".into(),
        ));
    }
    let sample = &text.as_bytes()[..text.len().min(64 * 1024)];
    if looks_binary(sample) {
        return Err(binary(""));
    }
    Ok(())
}

/// Guesses the language from frequent function words (and umlauts): German unless the
/// English words clearly outnumber the German ones.
pub fn detect_language(text: &str) -> Lang {
    const DE: &[&str] = &[
        "der", "die", "das", "und", "ist", "werden", "wird", "mit", "für", "von", "zu", "nicht",
        "sind", "auf", "den", "dem", "des", "ein", "eine", "im", "durch", "oder", "bei", "nach",
    ];
    const EN: &[&str] = &[
        "the", "and", "of", "to", "is", "are", "for", "with", "be", "by", "on", "in", "a", "an",
        "or", "at", "as", "from", "this", "that", "all",
    ];
    let mut end = text.len().min(256 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut de, mut en) = (0usize, 0usize);
    // This runs over up to 256 KB of every import: most words are ASCII and longer than
    // any function word, so those skip the umlaut search and the lowercasing.
    let longest = DE.iter().chain(EN).map(|w| w.len()).max().unwrap_or(0);
    let mut lower = String::new();
    for word in text[..end].split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        if !word.is_ascii() && word.contains(['ä', 'ö', 'ü', 'ß', 'Ä', 'Ö', 'Ü']) {
            de += 1;
        }
        if word.len() > longest {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if DE.contains(&lower.as_str()) {
            de += 1;
        } else if EN.contains(&lower.as_str()) {
            en += 1;
        }
    }
    if en > de { Lang::En } else { Lang::De }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_gets_a_clear_error() {
        for text in ["", "  \n\t\n", "\u{feff}"] {
            let err = import_markdown(text, None).unwrap_err();
            assert!(err.to_string().contains("empty"), "{err}");
        }
        let err = import_markdown("abc\0def", None).unwrap_err();
        assert!(err.to_string().contains("binary"), "{err}");
    }

    #[test]
    fn language_is_detected() {
        assert_eq!(
            detect_language("Die Daten werden mit TLS verschlüsselt und gesichert."),
            Lang::De
        );
        assert_eq!(
            detect_language("All data is encrypted with TLS and stored in the EU."),
            Lang::En
        );
    }

    #[test]
    fn crlf_is_read_like_lf() {
        let a =
            import_markdown("# 1. Pseudonymisierung\r\n\r\nText eins\r\nzwei\r\n", None).unwrap();
        let s = a.document.section(&"pseudonymisation".into()).unwrap();
        assert_eq!(s.body.de, "Text eins\nzwei");
    }
}
