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

/// Headings keep the blocks' order, text and level as Heading 1–3; links point at their
/// targets through the relationships; nested lists carry their level and every numbered
/// list restarts at its own first number.
#[test]
fn headings_links_and_nested_lists() {
    let mut file = store::example();
    let body = "Vorab:\n\n1. eins\n2. zwei\n   - unter a\n   - unter b\n\nDann:\n\n3. drei\n4. vier\n\nSiehe [BSI](https://www.bsi.bund.de/grundschutz).";
    file.working.sections[0].body = LocalText::new(body, body);
    let opts = options(Lang::De);
    let bytes = export::docx(&file, &opts).unwrap();
    let doc = part(&bytes, "word/document.xml");
    let paras = paragraphs(&doc);
    let (blocks, _, _) = export::prepare(&file, &opts).unwrap();
    let expected: Vec<(String, String)> = blocks
        .iter()
        .filter_map(|b| match b {
            export::Block::Heading {
                level,
                number,
                text,
                ..
            } => Some((
                format!("Heading{}", (*level).clamp(1, 3)),
                if number.is_empty() {
                    text.clone()
                } else {
                    format!("{number} {text}")
                },
            )),
            _ => None,
        })
        .collect();
    let headings: Vec<(String, String)> = paras
        .iter()
        .filter(|p| p.0.starts_with("Heading"))
        .cloned()
        .collect();
    assert_eq!(headings, expected);
    // Links: the run's relationship names the URL, as an external target.
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    for url in [
        "https://www.bsi.bund.de/grundschutz",
        "https://eur-lex.europa.eu",
    ] {
        let at = rels
            .find(url)
            .unwrap_or_else(|| panic!("{url} not in {rels}"));
        let rel = &rels[rels[..at].rfind("<Relationship ").unwrap()..];
        let id = rel
            .split("Id=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(
            rel.split("/>")
                .next()
                .unwrap()
                .contains("TargetMode=\"External\"")
        );
        assert!(
            doc.contains(&format!(r#"<w:hyperlink r:id="{id}""#)),
            "{id}"
        );
    }
    // Lists: items in order with their levels; the second numbered list starts at 3.
    let items: Vec<(String, String)> = paras
        .iter()
        .filter(|p| p.0.starts_with("List"))
        .take(6)
        .cloned()
        .collect();
    let texts: Vec<&str> = items.iter().map(|p| p.1.as_str()).collect();
    assert_eq!(
        texts,
        ["eins", "zwei", "unter a", "unter b", "drei", "vier"]
    );
    assert!(
        doc.contains(r#"<w:ilvl w:val="1"/><w:numId w:val="1"/>"#),
        "nested bullets"
    );
    let num_of = |text: &str| {
        let at = doc.find(&format!(">{text}<")).unwrap();
        let before = &doc[..at];
        let n = before.rfind("<w:numId w:val=\"").unwrap();
        before[n..].split('"').nth(1).unwrap().to_owned()
    };
    assert_eq!(num_of("eins"), num_of("zwei"));
    assert_ne!(num_of("eins"), num_of("drei"), "a new list restarts");
    let numbering = part(&bytes, "word/numbering.xml");
    paragraphs(&numbering);
    let restart = format!(r#"<w:num w:numId="{}">"#, num_of("drei"));
    let def = &numbering[numbering.find(&restart).unwrap()..];
    assert!(
        def.split("</w:num>")
            .next()
            .unwrap()
            .contains(r#"<w:startOverride w:val="3"/>"#)
    );
    for level in 0..9 {
        assert!(numbering.contains(&format!(r#"<w:lvl w:ilvl="{level}">"#)));
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

/// Runs LibreOffice headless on `files` (in `dir`), converting to `to`; false when
/// soffice is not installed.
fn soffice(dir: &std::path::Path, to: &str, files: &[&str]) -> bool {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("soffice not installed: skipped");
        return false;
    }
    let out = dir.join(format!("out-{}", to.split(':').next().unwrap_or(to)));
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(&out)
        .args(files.iter().map(|f| dir.join(f)))
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    true
}

/// LibreOffice converts every kind of DOCX Tomwerk writes (both languages, measure list
/// and table, the tracked report) to PDF with the expected page count, and reads the
/// tracked report's revisions as revisions: saving it again as DOCX keeps them (skipped
/// when soffice is not installed).
#[test]
fn libreoffice_converts_the_docx() {
    let dir = tempfile::tempdir().unwrap();
    let file = store::example();
    let mut names = Vec::new();
    for lang in Lang::ALL {
        for layout in [MeasureLayout::List, MeasureLayout::Table] {
            let name = format!("example-{lang:?}-{layout:?}.docx");
            let opts = ExportOptions {
                measures: layout,
                ..options(lang)
            };
            std::fs::write(dir.path().join(&name), export::docx(&file, &opts).unwrap()).unwrap();
            names.push(name);
        }
        let name = format!("report-{lang:?}.docx");
        let bytes = tracked(
            &file,
            Some("1.0"),
            Some("2.0"),
            &tracked_options(lang, MeasureLayout::List),
        );
        std::fs::write(dir.path().join(&name), bytes).unwrap();
        names.push(name);
    }
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    if !soffice(dir.path(), "pdf", &refs) {
        return;
    }
    for name in &names {
        let pdf_name = name.replace(".docx", ".pdf");
        let pdf = std::fs::read(dir.path().join("out-pdf").join(&pdf_name))
            .unwrap_or_else(|_| panic!("LibreOffice wrote no {pdf_name}"));
        let pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
        let expected = if name.starts_with("report") {
            6..=12
        } else {
            5..=12
        };
        assert!(expected.contains(&pages), "{name}: {pages} pages");
    }
    assert!(soffice(
        dir.path(),
        "docx:MS Word 2007 XML",
        &["report-De.docx"]
    ));
    let ours = part(
        &std::fs::read(dir.path().join("report-De.docx")).unwrap(),
        "word/document.xml",
    );
    let theirs = part(
        &std::fs::read(dir.path().join("out-docx").join("report-De.docx")).unwrap(),
        "word/document.xml",
    );
    let (ours, _) = tracked_paragraphs(&ours);
    let (theirs, revisions) = tracked_paragraphs(&theirs);
    assert!(
        revisions.len() > 20,
        "LibreOffice kept {} revisions",
        revisions.len()
    );
    assert_eq!(
        resolved(&theirs, true),
        resolved(&ours, true),
        "accept all after LibreOffice"
    );
    assert_eq!(
        resolved(&theirs, false),
        resolved(&ours, false),
        "reject all after LibreOffice"
    );
}

/// Every kind of DOCX Tomwerk writes, with a file name: both languages, measure list and
/// table, TOC and history, a draft, and the tracked reports of releases and of a draft.
fn every_docx() -> Vec<(String, Vec<u8>)> {
    let file = store::example();
    let mut draft = store::example();
    draft.working.intro = LocalText::new("Geänderte Einleitung.", "Changed introduction.");
    let mut out = Vec::new();
    for lang in Lang::ALL {
        for layout in [MeasureLayout::List, MeasureLayout::Table] {
            let opts = ExportOptions {
                measures: layout,
                ..options(lang)
            };
            out.push((
                format!("example-{lang:?}-{layout:?}.docx"),
                export::docx(&file, &opts).unwrap(),
            ));
            out.push((
                format!("report-{lang:?}-{layout:?}.docx"),
                tracked(
                    &file,
                    Some("1.0"),
                    Some("2.0"),
                    &tracked_options(lang, layout),
                ),
            ));
        }
        out.push((
            format!("draft-{lang:?}.docx"),
            export::docx(&draft, &options(lang)).unwrap(),
        ));
        out.push((
            format!("draft-report-{lang:?}.docx"),
            tracked(
                &draft,
                Some("1.1"),
                None,
                &tracked_options(lang, MeasureLayout::Table),
            ),
        ));
    }
    out
}

/// The package holds together the way Word checks before it offers a repair: every part
/// has a content type, every relationship target exists, every `r:id` used has a
/// relationship, and annotation ids (bookmarks, revisions) are unique.
#[test]
fn packages_are_consistent() {
    for (name, bytes) in every_docx() {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
        let types = part(&bytes, "[Content_Types].xml");
        for n in &names {
            let ext = n.rsplit('.').next().unwrap();
            assert!(
                types.contains(&format!(r#"PartName="/{n}""#))
                    || types.contains(&format!(r#"Extension="{ext}""#)),
                "{name}: {n} has no content type"
            );
        }
        for (rels, base) in [
            ("_rels/.rels", ""),
            ("word/_rels/document.xml.rels", "word/"),
        ] {
            let rels = part(&bytes, rels);
            let mut reader = Reader::from_str(&rels);
            let mut ids = Vec::new();
            loop {
                match reader.read_event().unwrap() {
                    Event::Empty(e) if e.name().as_ref() == b"Relationship" => {
                        let get = |k: &str| {
                            String::from_utf8(
                                e.try_get_attribute(k).unwrap().unwrap().value.to_vec(),
                            )
                            .unwrap()
                        };
                        ids.push(get("Id"));
                        let external = e.try_get_attribute("TargetMode").unwrap().is_some();
                        if !external {
                            let target = format!("{base}{}", get("Target"));
                            assert!(names.contains(&target), "{name}: {target} is missing");
                        }
                    }
                    Event::Eof => break,
                    _ => {}
                }
            }
            if base == "word/" {
                let doc = part(&bytes, "word/document.xml");
                for used in doc.split("r:id=\"").skip(1) {
                    let id = used.split('"').next().unwrap();
                    assert!(
                        ids.iter().any(|i| i == id),
                        "{name}: r:id {id} has no relationship"
                    );
                }
                let mut seen = std::collections::HashSet::new();
                for tag in [
                    "<w:bookmarkStart w:id=\"",
                    "<w:ins w:id=\"",
                    "<w:del w:id=\"",
                ] {
                    for used in doc.split(tag).skip(1) {
                        let id = used.split('"').next().unwrap().to_owned();
                        assert!(seen.insert(id.clone()), "{name}: annotation id {id} twice");
                    }
                }
            }
        }
        drop(zip.by_name("word/document.xml").unwrap());
    }
}

/// Schema and semantic validation against the Office Open XML specification, as the Open
/// XML SDK's validator does it (`pip install openxml-audit`; skipped when absent).
#[test]
fn openxml_validator_finds_nothing() {
    if Command::new("openxml-audit")
        .arg("--help")
        .output()
        .is_err()
    {
        eprintln!("openxml-audit not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files = every_docx();
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    for format in ["office2010", "microsoft365"] {
        let out = Command::new("openxml-audit")
            .args(["-r", "-f", format, "-o", "json"])
            .arg(dir.path())
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stdout);
        assert_eq!(report.matches("\"file\"").count(), files.len(), "{report}");
        assert_eq!(
            report.matches("\"error_count\": 0").count(),
            files.len(),
            "{format}: {report}"
        );
        assert_eq!(
            report.matches("\"warning_count\": 0").count(),
            files.len(),
            "{format}: {report}"
        );
    }
}

/// A paragraph of a document with tracked changes: its style, its text runs (with the
/// revision each is in) and whether its paragraph mark is inserted or deleted.
#[derive(Debug, Default)]
struct TrackedPara {
    style: String,
    runs: Vec<(Option<char>, String)>,
    mark: Option<char>,
}

/// Reads `document.xml` with quick-xml into tracked paragraphs; panics on text outside
/// the element its revision needs (`w:delText` only inside `w:del`, `w:t` never).
fn tracked_paragraphs(xml: &str) -> (Vec<TrackedPara>, Vec<(String, String)>) {
    let mut reader = Reader::from_str(xml);
    let mut out: Vec<TrackedPara> = Vec::new();
    let mut authors = Vec::new();
    let (mut ins, mut del, mut in_ppr, mut in_text) = (0, 0, false, false);
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let attr = |e: &quick_xml::events::BytesStart, name: &str| {
            e.try_get_attribute(name)
                .unwrap()
                .map(|a| String::from_utf8(a.value.to_vec()).unwrap())
                .unwrap_or_default()
        };
        match event {
            Event::Start(e) if e.name().as_ref() == b"w:p" => out.push(TrackedPara::default()),
            Event::Empty(e) if e.name().as_ref() == b"w:p" => out.push(TrackedPara::default()),
            Event::Start(e) if e.name().as_ref() == b"w:pPr" => in_ppr = true,
            Event::End(e) if e.name().as_ref() == b"w:pPr" => in_ppr = false,
            Event::Empty(e) if e.name().as_ref() == b"w:pStyle" => {
                out.last_mut().unwrap().style = attr(&e, "w:val");
            }
            Event::Empty(e) if matches!(e.name().as_ref(), b"w:ins" | b"w:del") => {
                authors.push((attr(&e, "w:author"), attr(&e, "w:date")));
                if in_ppr {
                    let kind = if e.name().as_ref() == b"w:ins" {
                        'i'
                    } else {
                        'd'
                    };
                    out.last_mut().unwrap().mark = Some(kind);
                }
            }
            Event::Start(e) if e.name().as_ref() == b"w:ins" => {
                authors.push((attr(&e, "w:author"), attr(&e, "w:date")));
                ins += 1;
            }
            Event::End(e) if e.name().as_ref() == b"w:ins" => ins -= 1,
            Event::Start(e) if e.name().as_ref() == b"w:del" => {
                authors.push((attr(&e, "w:author"), attr(&e, "w:date")));
                del += 1;
            }
            Event::End(e) if e.name().as_ref() == b"w:del" => del -= 1,
            Event::Start(e) if e.name().as_ref() == b"w:t" => {
                assert_eq!(del, 0, "w:t inside w:del");
                in_text = true;
            }
            Event::Start(e) if e.name().as_ref() == b"w:delText" => {
                assert!(del > 0, "w:delText outside w:del");
                in_text = true;
            }
            Event::End(e) if matches!(e.name().as_ref(), b"w:t" | b"w:delText") => in_text = false,
            Event::Empty(e) if e.name().as_ref() == b"w:br" => {
                let rev = (ins > 0).then_some('i').or((del > 0).then_some('d'));
                out.last_mut().unwrap().runs.push((rev, " ".into()));
            }
            Event::Text(t) if in_text => {
                let s = t.decode().unwrap().into_owned();
                let s = quick_xml::escape::unescape(&s).unwrap().into_owned();
                let rev = (ins > 0).then_some('i').or((del > 0).then_some('d'));
                out.last_mut().unwrap().runs.push((rev, s));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (out, authors)
}

/// The non-empty paragraph texts after Word's "accept all" (`accept`) or "reject all":
/// the other side's runs go, and a paragraph whose mark goes joins the next one.
fn resolved(paras: &[TrackedPara], accept: bool) -> Vec<String> {
    let (keep, drop) = if accept { ('i', 'd') } else { ('d', 'i') };
    let mut out = Vec::new();
    let mut carry = String::new();
    for p in paras.iter().filter(|p| p.style != "ReportCover") {
        for (rev, text) in &p.runs {
            if rev.is_none() || *rev == Some(keep) {
                carry.push_str(text);
            }
        }
        if p.mark == Some(drop) {
            continue;
        }
        let text = std::mem::take(&mut carry);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(text);
        }
    }
    out
}

fn tracked_options(lang: Lang, measures: MeasureLayout) -> ExportOptions {
    ExportOptions {
        toc: false,
        history: true,
        measures,
        ..options(lang)
    }
}

/// The paragraphs of a plain export of `version` (None: the working copy).
fn exported(file: &store::TomFile, version: Option<&str>, options: &ExportOptions) -> Vec<String> {
    let options = ExportOptions {
        version: version.map(str::to_owned),
        ..options.clone()
    };
    let bytes = export::docx(file, &options).unwrap();
    let (paras, authors) = tracked_paragraphs(&part(&bytes, "word/document.xml"));
    assert!(authors.is_empty(), "a plain export has no revisions");
    resolved(&paras, true)
}

fn tracked(
    file: &store::TomFile,
    from: Option<&str>,
    to: Option<&str>,
    options: &ExportOptions,
) -> Vec<u8> {
    let side = |l| export::docx::ReportSide::of(file, l, options.date).unwrap();
    export::docx::tracked_report(&side(from), &side(to), options).unwrap()
}

/// The tracked-changes report of the example's 1.0 → 2.0 in both languages: accepting
/// every revision gives the export of 2.0 paragraph for paragraph, rejecting them that
/// of 1.0; every revision has the newer release's author and date.
#[test]
fn tracked_report_accept_gives_new_reject_gives_old() {
    let file = store::example();
    for lang in Lang::ALL {
        let opts = tracked_options(lang, MeasureLayout::List);
        let bytes = tracked(&file, Some("1.0"), Some("2.0"), &opts);
        assert_eq!(
            bytes,
            tracked(&file, Some("1.0"), Some("2.0"), &opts),
            "deterministic"
        );
        let doc = part(&bytes, "word/document.xml");
        let (paras, authors) = tracked_paragraphs(&doc);
        assert_eq!(
            resolved(&paras, true),
            exported(&file, Some("2.0"), &opts),
            "{lang:?}: accept all"
        );
        assert_eq!(
            resolved(&paras, false),
            exported(&file, Some("1.0"), &opts),
            "{lang:?}: reject all"
        );
        assert!(authors.len() > 20, "{lang:?}: {} revisions", authors.len());
        for (author, date) in &authors {
            assert_eq!(author, "Jonas Beispiel");
            assert_eq!(date, "2026-03-02T00:00:00Z");
        }
        // Added paragraphs have inserted paragraph marks; word-level changes sit inside
        // paragraphs that are neither inserted nor deleted.
        assert!(paras.iter().any(|p| p.mark == Some('i')));
        assert!(paras.iter().any(|p| p.mark.is_none()
            && p.runs.iter().any(|r| r.0 == Some('d'))
            && p.runs.iter().any(|r| r.0.is_none())));
        // The cover names both versions with their fingerprints.
        let cover: String = paras
            .iter()
            .filter(|p| p.style == "ReportCover")
            .flat_map(|p| p.runs.iter().map(|r| r.1.as_str()))
            .collect();
        for v in ["1.0", "2.0"] {
            assert!(
                cover.contains(file.version(v).unwrap().short_hash()),
                "{cover}"
            );
        }
        assert!(cover.contains("Jonas Beispiel") && cover.contains("Dr. Mira Muster"));
        // Every part still parses; the header is the newer version's.
        paragraphs(&part(&bytes, "word/styles.xml"));
        paragraphs(&part(&bytes, "word/numbering.xml"));
        let header = part(&bytes, "word/header1.xml");
        assert!(header.contains("2.0") && !header.contains("ENTWURF") && !header.contains("DRAFT"));
    }
}

/// A working copy with a removed and an added measure, a changed measure text (a table
/// cell in table mode), a new section, a renamed section and a hidden section: accept
/// and reject give the two exports exactly, and the hidden section's text is nowhere.
#[test]
fn tracked_report_of_working_copy_tables_and_hidden_sections() {
    let mut file = store::example();
    let secret = "Interne Notiz: Schlüssel liegen im Tresor B";
    let w = &mut file.working;
    w.sections[0].hidden = true;
    w.sections[0].body = LocalText::new(secret, secret);
    let s = w.sections.len() - 1;
    w.sections[s].title = LocalText::new("Umbenannter Abschnitt", "Renamed section");
    let with_measures = w
        .sections
        .iter()
        .position(|s| s.measures.len() >= 2)
        .unwrap();
    let m = &mut w.sections[with_measures].measures;
    m.remove(0);
    m[0].text = LocalText::new(
        format!("{} Zusätzlich jährlich geprüft.", m[0].text.get(Lang::De)),
        format!("{} Also checked every year.", m[0].text.get(Lang::En)),
    );
    let mut added = m[0].clone();
    added.id = tomwerk::model::MeasureId::from("m-added-in-test");
    added.text = LocalText::new(
        "Ganz neue Maßnahme: Besucherbuch",
        "Brand-new measure: visitor log",
    );
    m.push(added);
    for lang in Lang::ALL {
        for layout in [MeasureLayout::List, MeasureLayout::Table] {
            let opts = tracked_options(lang, layout);
            let bytes = tracked(&file, Some("2.0"), None, &opts);
            let doc = part(&bytes, "word/document.xml");
            assert!(!doc.contains("Tresor B"), "hidden text leaked");
            let (paras, authors) = tracked_paragraphs(&doc);
            assert_eq!(
                resolved(&paras, true),
                exported(&file, None, &opts),
                "{lang:?} {layout:?}: accept"
            );
            assert_eq!(
                resolved(&paras, false),
                exported(&file, Some("2.0"), &opts),
                "{lang:?} {layout:?}: reject"
            );
            assert!(!authors.is_empty());
            if layout == MeasureLayout::Table {
                let tracked_row = doc.split("<w:trPr>").skip(1).any(|props| {
                    let props = props.split("</w:trPr>").next().unwrap();
                    props.contains("<w:ins ") || props.contains("<w:del ")
                });
                assert!(tracked_row, "tracked rows");
            }
            // A draft report says so in its header.
            assert!(
                part(&bytes, "word/header1.xml").contains(if lang == Lang::De {
                    "ENTWURF"
                } else {
                    "DRAFT"
                })
            );
        }
    }
}

/// `tomwerk diff --out report.docx` writes the tracked report.
#[test]
fn cli_diff_writes_tracked_docx() {
    let dir = tempfile::tempdir().unwrap();
    let tom = dir.path().join("example.tom");
    store::save(&tom, &store::example()).unwrap();
    let out = dir.path().join("report.docx");
    let status = Command::new(env!("CARGO_BIN_EXE_tomwerk"))
        .args(["diff"])
        .arg(&tom)
        .args(["--from", "1.1", "--to", "2.0", "--lang", "en", "--out"])
        .arg(&out)
        .env("TOMWERK_TODAY", "2026-03-05")
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let doc = part(&std::fs::read(&out).unwrap(), "word/document.xml");
    let (paras, authors) = tracked_paragraphs(&doc);
    assert!(!authors.is_empty());
    let file = store::example();
    let opts = tracked_options(Lang::En, MeasureLayout::List);
    assert_eq!(resolved(&paras, false), exported(&file, Some("1.1"), &opts));
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

/// A Word export that cannot be written, or of a version that does not exist, fails with
/// one line on stderr and leaves no file behind (the write is atomic).
#[test]
fn failed_word_exports_say_why_in_one_line_and_leave_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let tom = dir.path().join("example.tom");
    store::save(&tom, &store::example()).unwrap();
    let missing_dir = dir.path().join("no-such-folder").join("out.docx");
    let report = dir.path().join("report.docx");
    let runs: [(&[&str], &std::path::Path); 3] = [
        (&["export"], &missing_dir),
        (
            &["diff", "--from", "1.0", "--to", "2.0", "--out"],
            &missing_dir,
        ),
        (&["diff", "--from", "9.9", "--to", "2.0", "--out"], &report),
    ];
    for (args, out) in runs {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_tomwerk"));
        if args[0] == "export" {
            cmd.arg("export").arg(&tom).arg(out);
        } else {
            cmd.arg("diff").arg(&tom).args(&args[1..]).arg(out);
        }
        let result = cmd
            .args(["--lang", "en"])
            .env("TOMWERK_TODAY", "2026-03-05")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(!result.status.success(), "{args:?}");
        assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: {stderr}");
        assert!(!out.exists(), "{args:?}: a file was left");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "only the .tom: {leftovers:?}");
}
