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
