//! Hostile packages built in the test (nothing big is committed): a zip bomb past the
//! 256 MB total, a zip with more than 10,000 entries, an encrypted ODT. Each gets a
//! one-line error and the file on disk stays byte-identical.

use std::io::Write as _;

use tomwerk::import::{import_bytes, import_file};

/// A zip of (name, bytes) parts, deflated at the fastest level (the bomb is 260 MB of
/// spaces: the fast level still shrinks it a thousandfold).
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, body) in parts {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(body).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Imports `bytes` from memory and from a file; both must fail with one line containing
/// `needle`, and the file must be unchanged afterwards.
fn refused(bytes: &[u8], file_name: &str, needle: &str) {
    let err = import_bytes(bytes, file_name, None)
        .err()
        .unwrap_or_else(|| panic!("{file_name} was imported"))
        .to_string();
    assert!(err.contains(needle), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file_name);
    std::fs::write(&path, bytes).unwrap();
    let err = import_file(&path, None)
        .err()
        .unwrap_or_else(|| panic!("{file_name} was imported from disk"))
        .to_string();
    assert!(err.contains(needle), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "{file_name} was modified"
    );
}

const BODY: &str = r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Zutrittskontrolle</w:t></w:r></w:p></w:body></w:document>"#;

/// The main part decompresses past the 256 MB total: refused as a zip bomb, without
/// reading on (the guard counts decompressed bytes, not what the zip directory claims).
#[test]
fn a_zip_bomb_past_the_total_limit_is_refused() {
    let mut document = BODY.as_bytes().to_vec();
    // XML whitespace after the root is legal, so without the limit this would import.
    document.resize(260 * 1024 * 1024, b' ');
    let bytes = zip(&[("word/document.xml", &document)]);
    drop(document);
    assert!(bytes.len() < 2 * 1024 * 1024, "{} bytes", bytes.len());
    refused(&bytes, "bomb.docx", "zip bomb");
}

/// Parts that are each small but together pass the total are refused too.
#[test]
fn parts_that_together_pass_the_total_are_refused() {
    // Three parts of 90 MB each: none alone is near the limit.
    let filler = vec![b' '; 90 * 1024 * 1024];
    let styles = [br#"<w:styles xmlns:w="w"/>"#.as_slice(), &filler].concat();
    let numbering = [br#"<w:numbering xmlns:w="w"/>"#.as_slice(), &filler].concat();
    let footnotes = [br#"<w:footnotes xmlns:w="w"/>"#.as_slice(), &filler].concat();
    drop(filler);
    let bytes = zip(&[
        ("word/document.xml", BODY.as_bytes()),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", &numbering),
        ("word/footnotes.xml", &footnotes),
    ]);
    refused(&bytes, "bomb2.docx", "zip bomb");
}

/// More than 10,000 entries is refused before any part is read.
#[test]
fn a_zip_with_more_than_ten_thousand_entries_is_refused() {
    let names: Vec<String> = (0..10_001)
        .map(|i| format!("word/media/e{i}.bin"))
        .collect();
    let mut parts: Vec<(&str, &[u8])> = vec![("word/document.xml", BODY.as_bytes())];
    parts.extend(names.iter().map(|n| (n.as_str(), b"".as_slice())));
    let bytes = zip(&parts);
    refused(&bytes, "many.docx", "10000");
    // The same document with few entries imports: the limit is what refused it.
    let few = zip(&parts[..100]);
    import_bytes(&few, "few.docx", None).unwrap();
}

/// An ODT saved with a password (ODF encryption: the manifest carries
/// `manifest:encryption-data`, `content.xml` is ciphertext) gets the password line.
#[test]
fn an_encrypted_odt_gets_the_password_line() {
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="3187">
  <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="l5ctbsHx5r+X5dyMqwfM1dmtpH9zo/jhUFONnTNfH5c=">
   <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="5pS9V7NqAfxgkhwGWeb8cA=="/>
   <manifest:start-key-generation manifest:start-key-generation-name="http://www.w3.org/2000/09/xmldsig#sha256" manifest:key-size="32"/>
   <manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="V2fPjAx1PUvX8d3PDk+y5Q=="/>
  </manifest:encryption-data>
 </manifest:file-entry>
</manifest:manifest>"#;
    // Ciphertext: not UTF-8, not XML.
    let ciphertext: Vec<u8> = (0u32..3187)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let bytes = zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", &ciphertext),
    ]);
    refused(&bytes, "secret.odt", "password-protected");
}
