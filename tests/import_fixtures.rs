//! DOCX, ODT and HTML import of the fixtures in `tests/fixtures/import/formats` (three TOMs
//! written by us, converted by LibreOffice and pandoc, see `make_fixtures.py`): no word of
//! LibreOffice's own text conversion lost, every heading in its section, lists, tables,
//! links kept, the warnings named.

use tomwerk::export::{MeasureLayout, markdown::document_markdown};
use tomwerk::import::{ImportWarning, Imported, import_file};
use tomwerk::model::Lang;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/formats")
        .join(name)
}

struct Expect {
    base: &'static str,
    lang: Lang,
    /// Text removed by a tracked change: never imported, and not counted as lost.
    deleted: &'static str,
    /// (heading text as imported, section id).
    sections: &'static [(&'static str, &'static str)],
    list_item: &'static str,
    nested_item: &'static str,
    table_cell: &'static str,
    link: &'static str,
    text_box: &'static str,
    footnote: &'static str,
    comment: &'static str,
    organisation: &'static str,
    title: &'static str,
    /// The heading the fixture's one image sits under (in its first paragraph).
    image_under: &'static str,
}

const BDSG: Expect = Expect {
    base: "bdsg-de",
    lang: Lang::De,
    deleted: ", per Fax",
    sections: &[
        ("1. Vertraulichkeit", "confidentiality"),
        ("1.1 Zutrittskontrolle", "confidentiality.physical_access"),
        ("1.2 Zugangskontrolle", "confidentiality.system_access"),
        ("1.3 Zugriffskontrolle", "confidentiality.data_access"),
        ("1.4 Trennungsgebot", "confidentiality.separation"),
        ("2. Integrität", "integrity"),
        ("2.1 Weitergabekontrolle", "integrity.transfer"),
        ("2.2 Eingabekontrolle", "integrity.input"),
        ("3. Verfügbarkeit und Belastbarkeit", "availability"),
    ],
    list_item: "Transponder mit Protokollierung",
    nested_item: "Anmeldung am Empfang",
    table_cell: "Sendungsdaten der eigenen Niederlassung",
    link: "](https://example.org/sicherheit)",
    text_box: "Besucher melden sich am Empfang an",
    footnote: "Die Protokolle werden 90 Tage aufbewahrt",
    comment: "Bitte prüfen, ob das auch für Dienstleister gilt",
    organisation: "Kranich Logistik GmbH",
    title: "Technische und organisatorische Maßnahmen nach Art. 32 DSGVO",
    image_under: "Verfügbarkeitskontrolle",
};

const ART32: Expect = Expect {
    base: "art32-en",
    lang: Lang::En,
    deleted: ", never on paper",
    sections: &[
        ("1. Pseudonymisation", "pseudonymisation"),
        ("2. Encryption", "encryption"),
        ("3. Confidentiality", "confidentiality"),
        (
            "3.1 Physical access control",
            "confidentiality.physical_access",
        ),
        ("3.2 System access control", "confidentiality.system_access"),
        ("3.3 Data access control", "confidentiality.data_access"),
        ("4.1 Transfer control", "integrity.transfer"),
        ("4.2 Input control", "integrity.input"),
        ("5. Availability", "availability"),
        ("6. Resilience", "resilience"),
        ("7. Recovery", "recovery"),
        ("8. Regular testing and evaluation", "evaluation"),
    ],
    list_item: "TLS 1.2 or later for every transfer",
    nested_item: "mobile phones",
    table_cell: "Pseudonymised project data",
    link: "](https://example.org/security-policy)",
    text_box: "the data centre is certified to ISO 27001",
    footnote: "The mapping table is encrypted with a separate key",
    comment: "Does this cover the build server?",
    organisation: "Heron Analytics Ltd",
    title: "Technical and Organisational Measures",
    image_under: "Availability",
};

const S64: Expect = Expect {
    base: "s64-de",
    lang: Lang::De,
    deleted: ", nicht per E-Mail",
    sections: &[
        ("1. Zugangskontrolle", "confidentiality.physical_access"),
        ("4. Benutzerkontrolle", "confidentiality.system_access"),
        ("5. Zugriffskontrolle", "confidentiality.data_access"),
        ("6. Übertragungskontrolle", "integrity.transfer"),
        ("7. Eingabekontrolle", "integrity.input"),
        ("9. Wiederherstellbarkeit", "recovery"),
        ("10. Zuverlässigkeit", "resilience"),
        ("11. Datenintegrität", "integrity"),
        ("13. Verfügbarkeitskontrolle", "availability"),
        ("14. Trennbarkeit", "confidentiality.separation"),
    ],
    list_item: "persönliche Konten",
    nested_item: "mit Smartcard",
    table_cell: "Vorgänge des eigenen Bereichs",
    link: "](https://example.org/dienstanweisung)",
    text_box: "jede Ausgabe wird quittiert",
    footnote: "Der Dienstleister stellt ein Vernichtungsprotokoll aus",
    comment: "Gilt das auch für Papierakten?",
    organisation: "Stadtwerke Musterstadt AöR GmbH",
    title: "Technische und organisatorische Maßnahmen nach § 64 BDSG",
    image_under: "Zuverlässigkeit",
};

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

fn check(e: &Expect, file: &str, full: bool) -> Imported {
    let imported = import_file(&fixture(file), None).unwrap_or_else(|err| panic!("{file}: {err}"));
    assert_eq!(imported.report.lang, Some(e.lang), "{file}");
    let md = document_markdown(&imported.document, e.lang, MeasureLayout::List);
    let reference = std::fs::read_to_string(fixture(&format!("{}.txt", e.base))).unwrap();
    let reference = reference.replace(e.deleted, "");
    // Heading numbers become the canonical section's number in the export.
    let reference: String = reference
        .lines()
        .map(|l| {
            let l = l.trim_start_matches('\u{feff}');
            let n = l
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(0);
            if n > 0 && l[n..].starts_with(' ') && l[..n].contains(|c: char| c.is_ascii_digit()) {
                format!("{}\n", &l[n..])
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    for w in words(&reference) {
        assert!(md.contains(w), "{file}: lost {w:?}\n{md}");
    }
    assert!(
        !md.contains(e.deleted.trim_start_matches(", ")),
        "{file}: deleted text imported"
    );
    for (heading, section) in e.sections {
        let m = imported
            .report
            .mappings
            .iter()
            .find(|m| {
                m.heading
                    .ends_with(heading.split_once(' ').map_or(*heading, |h| h.1))
            })
            .unwrap_or_else(|| {
                panic!(
                    "{file}: no heading {heading:?}: {:?}",
                    imported.report.mappings
                )
            });
        assert_eq!(
            m.section.to_string(),
            *section,
            "{file}: {heading}: {:?}",
            imported.report.mappings
        );
        assert!(!m.custom, "{file}: {heading} custom");
    }
    assert!(
        md.lines()
            .any(|l| l.trim_start().starts_with(['-', '1']) && l.contains(e.list_item)),
        "{file}: list item\n{md}"
    );
    assert!(
        md.lines().any(|l| l.starts_with("  ")
            && l.trim_start().starts_with(['-', '1'])
            && l.contains(e.nested_item)),
        "{file}: nested item\n{md}"
    );
    assert!(
        md.lines()
            .any(|l| l.starts_with('|') && l.contains(e.table_cell)),
        "{file}: table\n{md}"
    );
    // The merged cells keep the table three columns wide.
    let row = md
        .lines()
        .find(|l| l.starts_with('|') && l.contains(e.table_cell))
        .unwrap_or_default();
    assert_eq!(row.matches('|').count(), 4, "{file}: {row}\n{md}");
    assert!(
        !md.contains("T09:00"),
        "{file}: a comment's date became text\n{md}"
    );
    assert!(md.contains(e.link), "{file}: link\n{md}");
    assert!(md.contains(e.footnote), "{file}: footnote\n{md}");
    if full {
        assert!(md.contains(e.text_box), "{file}: text box\n{md}");
        // A web page has no comments.
        if !file.ends_with(".html") {
            assert!(md.contains(e.comment), "{file}: comment\n{md}");
        }
    }
    imported
}

/// One image warning, naming the heading the image sits under and its paragraph, in
/// the warning's text too (the user has to find the image in the source).
fn image_placed(e: &Expect, file: &str, warnings: &[ImportWarning]) {
    let spots: Vec<_> = warnings
        .iter()
        .filter_map(|w| match w {
            ImportWarning::Images(spots) => Some(spots),
            _ => None,
        })
        .collect();
    assert_eq!(spots.len(), 1, "{file}: {warnings:?}");
    let spots = spots[0];
    assert_eq!(spots.len(), 1, "{file}: {spots:?}");
    let heading = spots[0].heading.as_deref().unwrap_or_default();
    assert!(heading.ends_with(e.image_under), "{file}: {spots:?}");
    assert_eq!(spots[0].paragraph, 1, "{file}: {spots:?}");
    let w = warnings
        .iter()
        .find(|w| matches!(w, ImportWarning::Images(_)))
        .map(|w| w.message(e.lang))
        .unwrap_or_default();
    let (under, paragraph) = match e.lang {
        Lang::De => ("unter „", "Absatz 1"),
        Lang::En => ("under “", "paragraph 1"),
    };
    assert!(
        w.contains(&format!("{under}{heading}")) && w.contains(paragraph),
        "{file}: {w}"
    );
    assert!(!w.contains('\n'), "{file}: {w}");
}

fn check_office(e: &Expect, file: &str) {
    let imported = check(e, file, true);
    let w = &imported.report.warnings;
    assert!(w.contains(&ImportWarning::TrackedChanges), "{file}: {w:?}");
    image_placed(e, file, w);
    assert!(w.contains(&ImportWarning::Comments(1)), "{file}: {w:?}");
    assert!(w.contains(&ImportWarning::Notes(1)), "{file}: {w:?}");
    let meta = &imported.document.meta;
    assert_eq!(meta.organisation.name, e.organisation, "{file}");
    assert_eq!(meta.title.get(e.lang), e.title, "{file}");
}

#[test]
fn libreoffice_docx_bdsg_de() {
    check_office(&BDSG, "bdsg-de.docx");
}

#[test]
fn libreoffice_docx_art32_en() {
    check_office(&ART32, "art32-en.docx");
}

#[test]
fn libreoffice_docx_s64_de() {
    check_office(&S64, "s64-de.docx");
}

#[test]
fn libreoffice_odt_bdsg_de() {
    check_office(&BDSG, "bdsg-de.odt");
}

#[test]
fn libreoffice_odt_art32_en() {
    check_office(&ART32, "art32-en.odt");
}

#[test]
fn libreoffice_odt_s64_de() {
    check_office(&S64, "s64-de.odt");
}

#[test]
fn pandoc_docx_from_the_odt() {
    for e in [&BDSG, &ART32, &S64] {
        check(e, &format!("{}-pandoc.docx", e.base), false);
    }
}

#[test]
fn html_pages_keep_the_content_and_drop_the_site_furniture() {
    for e in [&BDSG, &ART32, &S64] {
        let file = format!("{}.html", e.base);
        let imported = check(e, &file, true);
        let md = document_markdown(&imported.document, e.lang, MeasureLayout::List);
        for furniture in [
            "Trust Center",
            "datenschutz@example.org",
            "Impressum",
            "dataLayer",
            "JavaScript",
            "font-family",
        ] {
            assert!(
                !md.contains(furniture),
                "{file}: {furniture:?} imported\n{md}"
            );
        }
        // The table of contents in the navigation made no section of its own.
        let headings = imported.report.mappings.len();
        assert_eq!(
            headings,
            e.sections.len() + extra_headings(e),
            "{file}: {:?}",
            imported.report.mappings
        );
        image_placed(e, &file, &imported.report.warnings);
    }
}

/// Headings of the fixture that map to no listed section: "3.1 Verfügbarkeitskontrolle" and
/// "Auftragskontrolle" (BDSG), "4. Integrity" (Art. 32), and in the § 64 TOM the controls
/// that § 64 (3) BDSG names besides the Art. 32 ones (Datenträger-, Speicher-, Transport-,
/// Auftragskontrolle), which become custom sections beside their topic.
fn extra_headings(e: &Expect) -> usize {
    match e.base {
        "bdsg-de" => 2,
        "art32-en" => 1,
        _ => 4,
    }
}

/// A zip holding one part with the given bytes (and an ODF mimetype for `content.xml`).
fn zip_with(part: &str, bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    if part == "content.xml" {
        zip.start_file("mimetype", opts).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.text")
            .unwrap();
    }
    zip.start_file(part, opts).unwrap();
    zip.write_all(bytes).unwrap();
    zip.finish().unwrap().into_inner()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Mutated ODT, DOCX and HTML fixtures: an import or a one-line error, never a panic.
    #[test]
    fn mutated_fixtures_never_panic(
        which in 0usize..3,
        at in proptest::collection::vec(0usize..1_000_000, 1..8),
        byte in proptest::prelude::any::<u8>(),
    ) {
        let name = ["bdsg-de.odt", "art32-en.docx", "s64-de.html"][which];
        let mut bytes = std::fs::read(fixture(name)).unwrap();
        for a in &at {
            let i = a % bytes.len();
            bytes[i] = byte;
        }
        if let Err(e) = tomwerk::import::import_bytes(&bytes, name, None) {
            proptest::prop_assert_eq!(e.to_string().lines().count(), 1);
        }
    }

    /// Arbitrary XML-ish text as the main part of a DOCX or ODT, and as an HTML page.
    #[test]
    fn arbitrary_parts_never_panic(
        text in "(<[/a-z:]{1,12}( [a-z:]{1,8}=\"[^\"<]{0,8}\")?/?>|[^<]{0,20}|&[a-z#0-9]{0,6};?){0,60}",
        which in 0usize..3,
    ) {
        let bytes = match which {
            0 => zip_with("word/document.xml", format!("<w:document><w:body>{text}</w:body></w:document>").as_bytes()),
            1 => zip_with("content.xml", format!("<office:document-content><office:body><office:text>{text}</office:text></office:body></office:document-content>").as_bytes()),
            _ => format!("<!DOCTYPE html><html><body>{text}</body></html>").into_bytes(),
        };
        let _ = tomwerk::import::import_bytes(&bytes, "x", None);
    }

    /// Arbitrary bytes, with or without a zip or HTML start.
    #[test]
    fn arbitrary_bytes_never_panic(
        prefix in 0usize..3,
        tail in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048),
    ) {
        let mut bytes = [&b"PK\x03\x04"[..], b"<!DOCTYPE html><html>", b""][prefix].to_vec();
        bytes.extend(tail);
        let _ = tomwerk::import::import_bytes(&bytes, "x", None);
    }
}

/// A page nested 3 000 elements deep imports; one nested 100 000 deep is refused with one
/// line at once (html5ever's time grows with the square of the depth), neither hangs.
#[test]
fn deeply_nested_html_imports_or_is_refused() {
    let page = |depth: usize| {
        let mut page = String::from("<!DOCTYPE html><html><body><h1>1. Pseudonymisierung</h1>");
        page.push_str(&"<div><span>".repeat(depth / 2));
        page.push_str("Die Daten werden pseudonymisiert.");
        page.push_str(&"</span></div>".repeat(depth / 2));
        page
    };
    let started = std::time::Instant::now();
    let imported =
        tomwerk::import::import_bytes(page(3_000).as_bytes(), "deep.html", None).unwrap();
    let s = imported
        .document
        .section(&"pseudonymisation".into())
        .unwrap();
    assert!(s.body.de.contains("pseudonymisiert"), "{}", s.body.de);
    let err = tomwerk::import::import_bytes(page(100_000).as_bytes(), "deep.html", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("4096") && err.lines().count() == 1, "{err}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

/// Round trip: Tomwerk's Markdown export of the example, turned into a Word file by pandoc
/// (to ODT) and LibreOffice (to DOCX), imports back to the same sections and the same
/// measures' text (`example-de.docx`, `example-en.docx`).
#[test]
fn libreoffice_docx_of_the_markdown_export_round_trips() {
    let file = tomwerk::store::example();
    for (lang, name) in [(Lang::De, "example-de.docx"), (Lang::En, "example-en.docx")] {
        let back = import_file(&fixture(name), Some(lang)).unwrap().document;
        let canonical = |d: &tomwerk::model::Document| -> Vec<String> {
            d.numbered()
                .into_iter()
                .filter(|(_, s)| s.canonical().is_some() && !s.hidden)
                .map(|(_, s)| s.id.as_str().to_owned())
                .collect()
        };
        assert_eq!(
            canonical(&file.working),
            canonical(&back),
            "{name}: sections"
        );
        // pandoc sets typographic quotes ("customer’s"): compared as straight ones; the
        // import binds "Art. 28" with a non-breaking space: compared as a space.
        let md = document_markdown(&back, lang, MeasureLayout::List)
            .replace(['’', '‘'], "'")
            .replace('\u{a0}', " ");
        for (_, s) in file.working.numbered() {
            if s.hidden {
                continue;
            }
            for m in &s.measures {
                let text = m.text.get_or_other(lang).trim();
                assert!(md.contains(text), "{name}: measure {text:?} lost\n{md}");
            }
            for w in words(s.body.get(lang)) {
                assert!(
                    md.contains(w),
                    "{name}: word {w:?} of {} lost",
                    s.id.as_str()
                );
            }
        }
    }
}
