//! DOCX import: content sniffing, every word of LibreOffice's text conversion kept, bad input refused.

use tomwerk::import::{import_bytes, import_file};

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

#[test]
fn pandoc_docx_loses_no_word_and_maps_sections() {
    let imported = import_file(&fixture("pandoc-de.docx"), None).unwrap();
    let text = tomwerk::export::markdown::document_markdown(
        &imported.document,
        tomwerk::model::Lang::De,
        tomwerk::export::MeasureLayout::List,
    );
    let source = std::fs::read_to_string(fixture("pandoc-de.txt")).unwrap();
    for word in source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        assert!(text.contains(word), "lost {word:?}\n{text}");
    }
    let sections: Vec<_> = imported
        .report
        .mappings
        .iter()
        .map(|m| m.section.to_string())
        .collect();
    assert!(
        sections.iter().any(|s| s.contains("access")),
        "{sections:?}"
    );
    assert!(text.contains("](https://example.org/tls)"), "{text}");
}

#[test]
fn bad_input_is_refused_with_one_line() {
    let ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
    let err = import_bytes(&ole, "x.docx", None).unwrap_err().to_string();
    assert!(err.contains("password-protected"), "{err}");
    let err = import_bytes(b"{\\rtf1 hello}", "x.rtf", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains(".docx"), "{err}");
    let err = import_bytes(b"PK\x03\x04garbage", "x.docx", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("zip") && !err.contains('\n'), "{err}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Mutated DOCX bytes never panic: an import or a one-line error.
    #[test]
    fn mutated_docx_never_panics(at in 0usize..100_000, byte in proptest::prelude::any::<u8>()) {
        let mut bytes = std::fs::read(fixture("pandoc-de.docx")).unwrap();
        let i = at % bytes.len();
        bytes[i] = byte;
        let _ = import_bytes(&bytes, "x.docx", None);
    }
}

/// A minimal DOCX (zip) with the given `word/document.xml`.
fn docx_with_body(document_xml: &str) -> Vec<u8> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(document_xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// An XML entity bomb ("billion laughs") in the body is refused with one line, never
/// expanded, and the source file is left byte for byte as it was.
#[test]
fn an_entity_bomb_in_a_docx_is_refused_and_the_file_untouched() {
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = docx_with_body(bomb);
    let err = import_bytes(&bytes, "bomb.docx", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("DOCTYPE"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.docx");
    std::fs::write(&path, &bytes).unwrap();
    assert!(import_file(&path, None).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

/// A well-formed minimal DOCX with an external-entity reference is also refused (a
/// DOCTYPE is never read), and a plain one imports its text.
#[test]
fn external_entities_are_refused_and_plain_text_imports() {
    let xxe = r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"#;
    let err = import_bytes(&docx_with_body(xxe), "x.docx", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("DOCTYPE"), "{err}");
    assert!(!err.contains("root:"), "{err}");
    let plain = r#"<?xml version="1.0"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Zutrittskontrolle mit Transponder &amp; Protokoll</w:t></w:r></w:p></w:body></w:document>"#;
    let doc = import_bytes(
        &docx_with_body(plain),
        "p.docx",
        Some(tomwerk::model::Lang::De),
    )
    .unwrap()
    .document;
    let all: String = doc.texts().iter().map(|(_, t)| t.de.clone()).collect();
    assert!(all.contains("Transponder & Protokoll"), "{all}");
}

/// The Word file's author (the account that saved it) is not the responsible person of
/// the TOM: it is kept in the metadata's extra fields and never printed in the title block.
#[test]
fn the_files_author_does_not_become_the_responsible_person() {
    use std::io::Write as _;
    let body = r#"<?xml version="1.0"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Zutrittskontrolle mit Transponder</w:t></w:r></w:p></w:body></w:document>"#;
    let core = r#"<?xml version="1.0"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Praktikant IT</dc:creator></cp:coreProperties>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(body.as_bytes()).unwrap();
    zip.start_file("docProps/core.xml", opts).unwrap();
    zip.write_all(core.as_bytes()).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let doc = import_bytes(&bytes, "a.docx", Some(tomwerk::model::Lang::De))
        .unwrap()
        .document;
    assert!(
        doc.meta.responsible.de.is_empty(),
        "{:?}",
        doc.meta.responsible
    );
    assert_eq!(
        doc.meta.extra.get("author").map(String::as_str),
        Some("Praktikant IT")
    );
}

/// Word processors and web pages keep double spaces and break "§ 64" anywhere: the
/// imported text has one space and a non-breaking one after "§", "Art." and "Abs."
/// (issue 18, class 10), in both languages, from HTML and from a DOCX.
#[test]
fn paragraph_references_are_bound_and_double_spaces_collapsed() {
    let html = "<html><body><h1>TOM</h1><h2>Zugangskontrolle</h2><p>Nach  § 64 Abs. 3 BDSG  und Art. 32 DSGVO gilt   das.</p></body></html>";
    let de = import_bytes(html.as_bytes(), "t.html", None).unwrap();
    let body = &de
        .document
        .section(&"confidentiality.system_access".into())
        .unwrap()
        .body
        .de;
    assert_eq!(
        body,
        "Nach §\u{a0}64 Abs.\u{a0}3 BDSG und Art.\u{a0}32 DSGVO gilt das."
    );
    let xml = r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>System access control</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">As  Art. 32 GDPR </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> requires, </w:t></w:r><w:r><w:t xml:space="preserve"> every account has two factors.</w:t></w:r></w:p></w:body></w:document>"#;
    let en = import_bytes(&docx_with_body(xml), "t.docx", None).unwrap();
    let body = &en
        .document
        .section(&"confidentiality.system_access".into())
        .unwrap()
        .body
        .en;
    assert_eq!(
        body,
        "As Art.\u{a0}32 GDPR **requires,** every account has two factors."
    );
}
