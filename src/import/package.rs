//! Zip packages (DOCX, ODT) read with limits, and XML read without any DTD or entity expansion.

use std::io::Read as _;

use quick_xml::events::BytesStart;

use super::ImportError;

/// Most entries a package may have (real files have dozens).
pub const MAX_ENTRIES: usize = 10_000;
/// Most decompressed bytes all parts read together may have (zip-bomb guard).
pub const MAX_TOTAL: u64 = 256 * 1024 * 1024;

/// An opened zip package whose reads are counted against [`MAX_TOTAL`].
pub struct Package<'a> {
    archive: zip::ZipArchive<std::io::Cursor<&'a [u8]>>,
    read: u64,
    /// "DOCX" or "ODT", for messages.
    kind: &'static str,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a zip, refusing more than [`MAX_ENTRIES`] entries.
    pub fn open(bytes: &'a [u8], kind: &'static str) -> Result<Self, ImportError> {
        let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| ImportError::Invalid(format!("not a readable {kind} (zip) file: {e}")))?;
        if archive.len() > MAX_ENTRIES {
            return Err(ImportError::Invalid(format!(
                "the zip has {} entries, more than the {MAX_ENTRIES} an import takes",
                archive.len()
            )));
        }
        Ok(Package {
            archive,
            read: 0,
            kind,
        })
    }

    /// True when the package has an entry of that name.
    pub fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The names of the entries starting with `prefix`, sorted.
    pub fn names_with_prefix(&self, prefix: &str) -> Vec<String> {
        let mut names: Vec<String> = self
            .archive
            .file_names()
            .filter(|n| n.starts_with(prefix))
            .map(str::to_owned)
            .collect();
        names.sort();
        names
    }

    /// The bytes of one entry (`None` when absent); the total read stays under [`MAX_TOTAL`].
    pub fn bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let kind = self.kind;
        let Ok(entry) = self.archive.by_name(name) else {
            return Ok(None);
        };
        let budget = MAX_TOTAL.saturating_sub(self.read);
        let mut bytes = Vec::new();
        entry
            .take(budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ImportError::Invalid(format!("damaged {kind} part {name}: {e}")))?;
        self.read += bytes.len() as u64;
        if bytes.len() as u64 > budget {
            return Err(ImportError::Invalid(format!(
                "the {kind} decompresses to more than {} MB: refusing a possible zip bomb",
                MAX_TOTAL / (1024 * 1024)
            )));
        }
        Ok(Some(bytes))
    }

    /// One entry as UTF-8 XML text (`None` when absent).
    pub fn xml(&mut self, name: &str) -> Result<Option<String>, ImportError> {
        let kind = self.kind;
        match self.bytes(name)? {
            None => Ok(None),
            Some(b) => String::from_utf8(b)
                .map(Some)
                .map_err(|_| ImportError::Invalid(format!("{kind} part {name} is not UTF-8 XML"))),
        }
    }
}

/// The one-line error for damaged XML.
pub fn xml_error(kind: &str, e: impl std::fmt::Display) -> ImportError {
    ImportError::Invalid(format!("damaged {kind} XML: {e}"))
}

/// The one-line error for XML with a DOCTYPE (entity expansion is never done).
pub fn doctype_error(kind: &str) -> ImportError {
    ImportError::Invalid(format!(
        "{kind} XML with a DOCTYPE is refused (entity expansion)"
    ))
}

/// An attribute's value by local name (prefix ignored), entities in it unescaped.
pub fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
}

/// The text of every element without children (`dc:title`, `cp:lastModifiedBy`…) as (local
/// name, trimmed text), in order: what the property parts (`core.xml`, `meta.xml`) hold.
pub fn leaf_texts(xml: &str, kind: &str) -> Result<Vec<(String, String)>, ImportError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut field: Option<String> = None;
    let mut text = String::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event().map_err(|e| xml_error(kind, e))? {
            quick_xml::events::Event::DocType(_) => return Err(doctype_error(kind)),
            quick_xml::events::Event::Start(e) => {
                field = Some(String::from_utf8_lossy(e.local_name().as_ref()).into_owned());
                text.clear();
            }
            quick_xml::events::Event::Text(t) if field.is_some() => {
                text.push_str(&t.decode().map_err(|e| xml_error(kind, e))?);
            }
            quick_xml::events::Event::GeneralRef(r) if field.is_some() => {
                text.push_str(&reference_text(&r));
            }
            quick_xml::events::Event::End(_) => {
                if let Some(name) = field.take() {
                    out.push((name, text.trim().to_owned()));
                }
            }
            quick_xml::events::Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The text of a reference (`&amp;`, `&#x41;`) in XML text: the five predefined entities
/// and character references; any other named entity is dropped, never expanded.
pub fn reference_text(r: &quick_xml::events::BytesRef<'_>) -> String {
    let name: &[u8] = r.as_ref();
    match name {
        b"amp" => "&".into(),
        b"lt" => "<".into(),
        b"gt" => ">".into(),
        b"quot" => "\"".into(),
        b"apos" => "'".into(),
        _ => r
            .resolve_char_ref()
            .ok()
            .flatten()
            .map(String::from)
            .unwrap_or_default(),
    }
}
