//! DOCX export: the produced packages unzipped and their parts parsed back with quick-xml.

use std::io::Read;
use std::process::Command;

use quick_xml::Reader;
use quick_xml::events::Event;
use time::macros::date;
use tomwerk::export::{self, ExportOptions, MeasureLayout};
use tomwerk::model::{Lang, LocalText};
use tomwerk::store;

fn options(lang: Lang) -> ExportOptions {
    ExportOptions {
        lang,
        version: None,
        toc: true,
        history: true,
        measures: MeasureLayout::List,
        date: date!(2026 - 03 - 05),
    }
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The paragraphs of a part: (style id, text of w:t runs), in order; the XML must parse.
fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == b"w:p" => {
                out.push((String::new(), String::new()))
            }
            Event::Empty(e) if e.name().as_ref() == b"w:p" => {
                out.push((String::new(), String::new()))
            }
            Event::Empty(e) if e.name().as_ref() == b"w:pStyle" => {
                let v = e.try_get_attribute("w:val").unwrap().unwrap();
                if let Some(last) = out.last_mut() {
                    last.0 = String::from_utf8(v.value.to_vec()).unwrap();
                }
            }
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::Text(t) if in_text => {
                let s = t.decode().unwrap().into_owned();
                let s = quick_xml::escape::unescape(&s).unwrap().into_owned();
                if let Some(last) = out.last_mut() {
                    last.1.push_str(&s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn example_docx_styles_headings_words_fields_properties_deterministic() {
    let file = store::example();
    for (lang, tag, page) in [(Lang::De, "de-DE", "Seite "), (Lang::En, "en-GB", "Page ")] {
        let bytes = export::docx(&file, &options(lang)).unwrap();
        assert_eq!(
            bytes,
            export::docx(&file, &options(lang)).unwrap(),
            "deterministic"
        );
        let doc = part(&bytes, "word/document.xml");
        let paras = paragraphs(&doc);
        assert_eq!(paras[0].0, "Title");
        let h1: Vec<&str> = paras
            .iter()
            .filter(|p| p.0 == "Heading1")
            .map(|p| p.1.as_str())
            .collect();
        assert!(h1.len() >= 8, "{h1:?}");
        assert!(h1.iter().any(|h| h.starts_with("1. ")), "{h1:?}");
        assert!(paras.iter().any(|p| p.0 == "Heading2"));
        assert!(paras.iter().any(|p| p.0 == "ListBullet"));
        // The same words as the PDF's blocks.
        let (blocks, _, _) = export::prepare(&file, &options(lang)).unwrap();
        let all: String = paras
            .iter()
            .map(|p| p.1.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for word in export::blocks::plain_text(&blocks).split_whitespace() {
            assert!(all.contains(word), "word {word:?} missing");
        }
        assert!(doc.contains(r#"TOC \o "1-3""#));
        assert!(doc.contains("<w:tbl>"));
        assert!(doc.contains("<w:numId w:val=\"1\"/>"));
        let styles = part(&bytes, "word/styles.xml");
        paragraphs(&styles);
        assert!(styles.contains(&format!(r#"w:lang w:val="{tag}""#)));
        assert!(styles.contains(r#"w:styleId="Heading1""#) && styles.contains("w:outlineLvl"));
        assert!(styles.contains("Noto Sans"));
        paragraphs(&part(&bytes, "word/numbering.xml"));
        let footer = part(&bytes, "word/footer1.xml");
        let footer_text: String = paragraphs(&footer).into_iter().map(|p| p.1).collect();
        assert!(footer_text.contains(page), "{footer_text}");
        assert!(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "));
        assert!(footer_text.contains(file.latest().unwrap().short_hash()));
        let header: String = paragraphs(&part(&bytes, "word/header1.xml"))
            .into_iter()
            .map(|p| p.1)
            .collect();
        assert!(header.contains("Beispiel Logistik GmbH"), "{header}");
        assert!(!header.contains("ENTWURF") && !header.contains("DRAFT"));
        let core = part(&bytes, "docProps/core.xml");
        paragraphs(&core);
        assert!(core.contains("<dc:creator>Beispiel Logistik GmbH</dc:creator>"));
        assert!(core.contains("2026-03-05T00:00:00Z"));
        let rels = part(&bytes, "word/_rels/document.xml.rels");
        assert!(
            rels.contains("TargetMode=\"External\""),
            "hyperlinks are relationships"
        );
    }
}

#[test]
fn draft_mark_and_hidden_sections() {
    let mut file = store::example();
    file.working.intro = LocalText::new("Geänderte Einleitung.", "Changed introduction.");
    let secret = "Geheimer Abschnitt, nie exportieren";
    file.working.sections[0].body = LocalText::new(secret, secret);
    file.working.sections[0].hidden = true;
    let bytes = export::docx(&file, &options(Lang::De)).unwrap();
    let header = part(&bytes, "word/header1.xml");
    assert!(header.contains("ENTWURF"));
    let doc = part(&bytes, "word/document.xml");
    assert!(!doc.contains("Geheimer Abschnitt"));
    assert!(doc.contains("Geänderte Einleitung."));
}

/// LibreOffice converts the DOCX (skipped when soffice is not installed).
#[test]
fn libreoffice_converts_the_docx() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("soffice not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("example.docx");
    std::fs::write(
        &path,
        export::docx(&store::example(), &options(Lang::De)).unwrap(),
    )
    .unwrap();
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&path)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(status.status.success());
    let pdf = std::fs::read(dir.path().join("example.pdf")).expect("LibreOffice wrote a PDF");
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages = doc.get_pages().len();
    assert!((6..=12).contains(&pages), "{pages} pages");
}

#[test]
fn change_report_docx_has_both_sides_and_parses() {
    let file = store::example();
    let old = file.version("1.0").unwrap().document().unwrap();
    let new = file.version("2.0").unwrap().document().unwrap();
    let (v1, v2) = (file.version("1.0").unwrap(), file.version("2.0").unwrap());
    let report = tomwerk::diff::Report::new(
        &tomwerk::diff::compare(&old, &new),
        Lang::De,
        tomwerk::diff::Fingerprint::version(&v1.label, v1.short_hash()),
        tomwerk::diff::Fingerprint::version(&v2.label, v2.short_hash()),
    );
    let bytes = export::docx::report_docx(&report, "Beispiel Logistik GmbH", date!(2026 - 03 - 05))
        .unwrap();
    let paras = paragraphs(&part(&bytes, "word/document.xml"));
    assert_eq!(paras[0].0, "Title");
    let all: String = paras.iter().map(|p| p.1.as_str()).collect();
    for word in export::blocks::plain_text(&report.to_blocks()).split_whitespace() {
        assert!(all.contains(word), "word {word:?} missing");
    }
}

/// Export → DOCX → import gives back the same numbered sections (canonical ids, custom
/// titles), the same measures (kind, status, text) and every word of the bodies, in both
/// languages.
#[test]
fn docx_round_trip_through_the_importer() {
    let file = store::example();
    for lang in Lang::ALL {
        let opts = ExportOptions {
            toc: false,
            history: false,
            ..options(lang)
        };
        let bytes = export::docx(&file, &opts).unwrap();
        let back = tomwerk::import::import_bytes(&bytes, "example.docx", Some(lang))
            .unwrap()
            .document;
        let key = |s: &tomwerk::model::Section| match s.canonical() {
            Some(_) => s.id.as_str().to_owned(),
            None => s.title.get_or_other(lang).trim().to_owned(),
        };
        let original: Vec<_> = file
            .working
            .numbered()
            .into_iter()
            .map(|(n, s)| (n, key(s)))
            .collect();
        let imported: Vec<_> = back
            .numbered()
            .into_iter()
            .map(|(n, s)| (n, key(s)))
            .collect();
        assert_eq!(original, imported, "{lang:?}: sections");
        let normal = |w: &str| -> String { w.chars().filter(|c| c.is_alphanumeric()).collect() };
        let imported_words: std::collections::HashSet<String> = back
            .texts()
            .iter()
            .flat_map(|(_, t)| {
                t.get(lang)
                    .split_whitespace()
                    .map(normal)
                    .collect::<Vec<_>>()
            })
            .collect();
        for ((_, a), (_, b)) in file.working.numbered().iter().zip(back.numbered().iter()) {
            assert_eq!(
                a.measures.len(),
                b.measures.len(),
                "{lang:?}: measures of {}",
                a.id.as_str()
            );
            // The export sets technical measures before organisational ones.
            let by_kind = |s: &tomwerk::model::Section| {
                let mut m = s.measures.clone();
                m.sort_by_key(|m| m.kind != tomwerk::model::MeasureKind::Technical);
                m
            };
            for (ma, mb) in by_kind(a).iter().zip(&by_kind(b)) {
                assert_eq!(
                    (ma.kind, ma.status),
                    (mb.kind, mb.status),
                    "{lang:?}: {mb:?}"
                );
                let want = ma.text.get_or_other(lang).trim();
                assert!(
                    mb.text.get(lang).starts_with(want),
                    "{lang:?}: {want:?} became {:?}",
                    mb.text.get(lang)
                );
            }
            for word in a.body.get_or_other(lang).split_whitespace() {
                let word = normal(word);
                assert!(
                    word.is_empty() || imported_words.contains(&word),
                    "{lang:?}: word {word:?} of {} lost",
                    a.id.as_str()
                );
            }
        }
    }
}
