//! PDF export: the produced PDFs parsed back (lopdf, and pdftotext/qpdf when installed) and
//! the layout checked as data.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use lopdf::{Dictionary, Document as Pdf, Object};
use time::macros::date;
use tomwerk::export::blocks::{Block, document_blocks, plain_text};
use tomwerk::export::fonts::fonts;
use tomwerk::export::layout::{Item, Layout, LinkTarget, layout};
use tomwerk::export::{self, ExportOptions, MeasureLayout, PdfOutput, prepare, resolve};
use tomwerk::i18n::i18n;
use tomwerk::model::{Document, Lang, LocalText};
use tomwerk::store::{self, TomFile};

fn options(lang: Lang) -> ExportOptions {
    ExportOptions {
        lang,
        version: None,
        toc: false,
        history: false,
        measures: MeasureLayout::List,
        date: date!(2026 - 03 - 05),
    }
}

/// Writes a PDF next to the test binaries when TOMWERK_EXPORT_DIR is set (for looking at).
fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("TOMWERK_EXPORT_DIR") {
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(PathBuf::from(dir).join(name), bytes);
    }
}

fn tool(name: &str) -> bool {
    Command::new(name).arg("-v").output().is_ok()
}

fn qpdf_check(bytes: &[u8]) {
    if !tool("qpdf") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("check.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "qpdf --check failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Text of each page through pdftotext (None when poppler is not installed).
fn pdftotext_pages(bytes: &[u8], pages: usize) -> Option<Vec<String>> {
    if !tool("pdftotext") {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.pdf");
    std::fs::write(&path, bytes).unwrap();
    let mut out = Vec::new();
    for p in 1..=pages {
        let o = Command::new("pdftotext")
            .args(["-f", &p.to_string(), "-l", &p.to_string(), "-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .ok()?;
        out.push(String::from_utf8(o.stdout).unwrap());
    }
    Some(out)
}

/// Text of each page through lopdf (uses the fonts' ToUnicode maps).
fn lopdf_pages(pdf: &Pdf) -> Vec<String> {
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|p| pdf.extract_text(&[*p]).unwrap_or_default())
        .collect()
}

fn page_texts(out: &PdfOutput) -> Vec<String> {
    let pdf = Pdf::load_mem(&out.bytes).expect("lopdf reads the PDF");
    pdftotext_pages(&out.bytes, out.pages).unwrap_or_else(|| lopdf_pages(&pdf))
}

/// Letters and digits only, lower-cased: hyphenation, line breaks and spacing vanish.
fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Asserts every word of `expected` occurs in `actual` in order (allowing hyphenation).
fn assert_words_in_order(expected: &str, actual: &str) {
    let hay = letters(actual);
    let mut pos = 0;
    for word in expected.split_whitespace() {
        let w = letters(word);
        if w.is_empty() {
            continue;
        }
        match hay[pos..].find(&w) {
            Some(i) => pos += i + w.len(),
            None => panic!(
                "word {word:?} missing or out of order after byte {pos}: …{}…",
                hay.get(pos.saturating_sub(300)..pos).unwrap_or("")
            ),
        }
    }
}

fn dict<'a>(pdf: &'a Pdf, obj: &'a Object) -> &'a Dictionary {
    match obj {
        Object::Reference(id) => pdf.get_dictionary(*id).expect("dictionary"),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn text_string(obj: &Object) -> String {
    match obj {
        Object::String(bytes, _) => {
            if bytes.starts_with(&[0xFE, 0xFF]) {
                let units: Vec<u16> = bytes[2..]
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                    .collect();
                String::from_utf16(&units).unwrap()
            } else {
                String::from_utf8_lossy(bytes).into_owned()
            }
        }
        other => panic!("not a string: {other:?}"),
    }
}

fn catalog(pdf: &Pdf) -> &Dictionary {
    dict(pdf, pdf.trailer.get(b"Root").unwrap())
}

/// A PDF array of numbers.
fn floats(obj: &Object) -> Vec<f32> {
    obj.as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_float().unwrap())
        .collect()
}

/// Each page's annotation dictionaries, with the page's index.
fn annotations(pdf: &Pdf) -> Vec<(usize, Vec<&Dictionary>)> {
    let mut out = Vec::new();
    for (p, page_id) in pdf.get_pages().values().enumerate() {
        let page = pdf.get_dictionary(*page_id).unwrap();
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        let annots = match annots {
            Object::Reference(id) => pdf.get_object(*id).unwrap().as_array().unwrap(),
            other => other.as_array().unwrap(),
        };
        out.push((p, annots.iter().map(|a| dict(pdf, a)).collect()));
    }
    out
}

/// The outline as (depth, title), depth first.
fn outline(pdf: &Pdf) -> Vec<(usize, String)> {
    fn walk(pdf: &Pdf, first: Option<&Object>, depth: usize, out: &mut Vec<(usize, String)>) {
        let mut next = first.cloned();
        while let Some(obj) = next {
            let d = dict(pdf, &obj);
            out.push((depth, text_string(d.get(b"Title").unwrap())));
            // Every entry points at a page.
            let dest = d.get(b"Dest").unwrap().as_array().unwrap();
            assert!(matches!(dest[0], Object::Reference(_)));
            walk(pdf, d.get(b"First").ok(), depth + 1, out);
            next = d.get(b"Next").ok().cloned();
        }
    }
    let mut out = Vec::new();
    if let Ok(root) = catalog(pdf).get(b"Outlines") {
        walk(pdf, dict(pdf, root).get(b"First").ok(), 1, &mut out);
    }
    out
}

/// A document with the content of the reference TOM (when the reference is present),
/// each heading's text put into the canonical section with the same number.
fn reference_document() -> Option<Document> {
    let text = std::fs::read_to_string("/work/shared/reference/000_d7ca327f3288d2ba.txt").ok()?;
    let mut doc = Document::empty_template(Lang::De, "clickbits GmbH");
    let ids: Vec<_> = doc.numbered().iter().map(|(_, s)| s.id.clone()).collect();
    let mut current: Option<usize> = None;
    let mut intro = String::new();
    let mut bodies: Vec<String> = vec![String::new(); ids.len()];
    for line in text.lines() {
        if line.starts_with("## ") || line.starts_with("### ") {
            current = Some(current.map_or(0, |c| c + 1));
            continue;
        }
        if line.starts_with("# ") {
            continue;
        }
        match current {
            Some(c) if c < bodies.len() => {
                bodies[c].push_str(line);
                bodies[c].push('\n');
            }
            _ => {
                intro.push_str(line);
                intro.push('\n');
            }
        }
    }
    doc.intro = LocalText::new(intro.trim(), "");
    for (id, body) in ids.iter().zip(bodies) {
        doc.section_mut(id).unwrap().body = LocalText::new(body.trim(), "");
    }
    Some(doc)
}

fn check_layout(l: &Layout) {
    // The layout invariant (issue 21.1): nothing outside the text area or the margins.
    let outside = l.outside_text_area();
    assert!(outside.is_empty(), "{:?}", &outside[..outside.len().min(5)]);
    let s = l.setup;
    let right = s.width - s.margin_right + 0.5;
    for (p, page) in l.pages.iter().enumerate() {
        for run in page.runs() {
            assert!(
                run.x >= s.margin_left - 0.5 && run.x + run.width <= right,
                "page {}: run {:?} overflows the text width ({} > {right})",
                p + 1,
                run.text,
                run.x + run.width
            );
        }
    }
    // No heading ends a page: something follows it on the same page (or the document
    // ends there); a heading followed by text has body text below it.
    let last_page = l.pages.len() - 1;
    for entry in &l.outline {
        let page = &l.pages[entry.page];
        let body = |r: &&tomwerk::export::layout::TextRun| {
            r.baseline > entry.y + 20.0 && r.baseline < s.height - s.margin_bottom
        };
        let below = page.runs().filter(body).count();
        assert!(
            below > 0 || entry.page == last_page,
            "heading {:?} ends page {}",
            entry.title,
            entry.page + 1
        );
    }
}

#[test]
fn example_pdf_a4_headings_words_footer_metadata_fonts() {
    let file = store::example();
    for lang in Lang::ALL {
        let opts = options(lang);
        let out = export::pdf(&file, &opts).expect("export");
        keep(&format!("example-{lang}.pdf"), &out.bytes);
        qpdf_check(&out.bytes);
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
        let pdf = Pdf::load_mem(&out.bytes).unwrap();
        let pages = pdf.get_pages();
        assert_eq!(pages.len(), out.pages);
        assert!(out.pages >= 1);
        for id in pages.values() {
            let page = pdf.get_dictionary(*id).unwrap();
            let mb: Vec<f32> = floats(page.get(b"MediaBox").unwrap());
            assert!(
                (mb[2] - 595.28).abs() < 0.5 && (mb[3] - 841.89).abs() < 0.5,
                "{mb:?}"
            );
        }
        let texts = page_texts(&out);
        let all = texts.join("\n");
        // Footer on every page.
        for (i, t) in texts.iter().enumerate() {
            let label = match lang {
                Lang::De => format!("Seite {} von {}", i + 1, out.pages),
                Lang::En => format!("Page {} of {}", i + 1, out.pages),
            };
            assert!(t.contains(&label), "page {} lacks {label:?}", i + 1);
            assert!(t.contains(file.latest().unwrap().short_hash()));
        }
        // Every heading, numbered, in order.
        let doc = &file.working;
        let mut pos = 0;
        let flat = letters(&all);
        for (number, section) in doc.numbered() {
            let heading = format!(
                "{}{}",
                tomwerk::model::format_number(&number),
                i18n().section_title(section, lang)
            );
            let h = letters(&heading);
            let found = flat[pos..]
                .find(&h)
                .unwrap_or_else(|| panic!("{heading} missing"));
            pos += found + h.len();
        }
        // All words of the document's text, in order.
        let (d, release, history) = resolve(&file, &opts).unwrap();
        let expected = plain_text(&document_blocks(&d, &release, &history, &opts));
        assert_words_in_order(&expected, &all);
        // Metadata and language.
        let info = dict(&pdf, pdf.trailer.get(b"Info").unwrap());
        assert_eq!(
            text_string(info.get(b"Title").unwrap()),
            i18n().document_title(doc, lang)
        );
        assert_eq!(
            text_string(info.get(b"Author").unwrap()),
            doc.meta.organisation.name
        );
        assert!(!text_string(info.get(b"Subject").unwrap()).is_empty());
        assert!(text_string(info.get(b"CreationDate").unwrap()).starts_with("D:20260305"));
        assert_eq!(
            text_string(catalog(&pdf).get(b"Lang").unwrap()),
            lang.bcp47()
        );
        // PDF/UA-1: the title bar shows the document title.
        let viewer = dict(&pdf, catalog(&pdf).get(b"ViewerPreferences").unwrap());
        assert!(viewer.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
        // Outline = section tree.
        let expected_outline: Vec<(usize, String)> = doc
            .numbered()
            .into_iter()
            .map(|(n, s)| {
                (
                    n.len(),
                    format!(
                        "{} {}",
                        tomwerk::model::format_number(&n),
                        i18n().section_title(s, lang)
                    ),
                )
            })
            .collect();
        assert_eq!(outline(&pdf), expected_outline);
        // Fonts embedded and subset.
        let mut fonts_seen = 0;
        for (_, obj) in pdf.objects.iter() {
            let Ok(d) = obj.as_dict() else { continue };
            if d.get(b"Type").and_then(Object::as_name).ok() != Some(b"FontDescriptor") {
                continue;
            }
            fonts_seen += 1;
            let name = String::from_utf8_lossy(d.get(b"FontName").unwrap().as_name().unwrap())
                .into_owned();
            let (tag, base) = name.split_once('+').expect("subset tag");
            assert!(
                tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
                "{name}"
            );
            assert!(base.starts_with("NotoSans"), "{name}");
            let file2 = d.get(b"FontFile2").unwrap().as_reference().unwrap();
            let stream = pdf.get_object(file2).unwrap().as_stream().unwrap();
            let len = stream
                .decompressed_content()
                .map(|c| c.len())
                .unwrap_or(stream.content.len());
            assert!(len < 120_000, "{name} not subset: {len} bytes");
        }
        assert!(fonts_seen >= 2);
        // Released working copy: no draft mark.
        assert!(!all.contains("ENTWURF") && !all.contains("DRAFT"));
        // Size bar of the issue.
        assert!(out.bytes.len() <= 60_000, "{} bytes", out.bytes.len());
    }
}

#[test]
fn text_extraction_is_exact() {
    let mut file = store::example();
    file.working.intro = LocalText::new(
        "Die „Maßnahmen“ sichern die Verfügbarkeit… Straße, Fuß und Maß.",
        "The „measures“ …",
    );
    let out = export::pdf(&file, &options(Lang::De)).unwrap();
    qpdf_check(&out.bytes);
    let Some(texts) = pdftotext_pages(&out.bytes, out.pages) else {
        return;
    };
    let all = texts.join("");
    for needle in [
        "Maßnahmen",
        "Verfügbarkeit",
        "„Maßnahmen“",
        "Verfügbarkeit…",
        "Straße",
    ] {
        assert!(all.contains(needle), "{needle} not extracted exactly");
    }
    for bad in [
        '\u{2068}', '\u{2069}', '\u{00AD}', '\u{200B}', '\u{FEFF}', '\u{FFFD}',
    ] {
        assert!(
            !all.contains(bad),
            "invisible or broken char {bad:?} in text"
        );
    }
}

#[test]
fn draft_mark_present_for_unreleased_changes() {
    let mut file = store::example();
    assert!(!file.has_unreleased_changes());
    file.working.intro = LocalText::new("Geänderte Einleitung.", "Changed introduction.");
    for (lang, mark) in [(Lang::De, "ENTWURF"), (Lang::En, "DRAFT")] {
        let out = export::pdf(&file, &options(lang)).unwrap();
        qpdf_check(&out.bytes);
        let texts = page_texts(&out);
        for (i, t) in texts.iter().enumerate() {
            assert!(t.contains(mark), "page {} lacks the draft mark", i + 1);
        }
    }
    // A released version exported explicitly is not a draft.
    let mut opts = options(Lang::De);
    opts.version = Some("1.0".into());
    let out = export::pdf(&file, &opts).unwrap();
    let all = page_texts(&out).join("");
    assert!(!all.contains("ENTWURF"));
    assert!(all.contains(file.version("1.0").unwrap().short_hash()));
    opts.version = Some("9.9".into());
    assert!(matches!(
        export::pdf(&file, &opts),
        Err(export::ExportError::NoSuchVersion(_))
    ));
}

#[test]
fn links_only_for_web_and_mail_without_border() {
    let mut file = TomFile::new(Document::empty_template(Lang::De, "Link GmbH"));
    let id = file.working.sections[0].id.clone();
    file.working.section_mut(&id).unwrap().body = LocalText::new(
        "Siehe [Trust Center](https://example.org/trust), <mailto:dsb@example.org>, \
         [Skript](javascript:alert(1)) und [Datei](file:///etc/passwd) sowie <https://www.microsoft.com/de-de/TrustCenter/>.",
        "",
    );
    let out = export::pdf(&file, &options(Lang::De)).unwrap();
    qpdf_check(&out.bytes);
    let pdf = Pdf::load_mem(&out.bytes).unwrap();
    let mut uris = BTreeSet::new();
    for (_, annots) in annotations(&pdf) {
        for d in annots {
            assert_eq!(d.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
            let border: Vec<f32> = floats(d.get(b"Border").unwrap());
            assert_eq!(border, vec![0.0, 0.0, 0.0]);
            // PDF/A: the Print flag on every annotation.
            assert_eq!(d.get(b"F").unwrap().as_i64().unwrap(), 4);
            let action = dict(&pdf, d.get(b"A").unwrap());
            uris.insert(text_string(action.get(b"URI").unwrap()));
        }
    }
    let expected: BTreeSet<String> = [
        "https://example.org/trust",
        "mailto:dsb@example.org",
        "https://www.microsoft.com/de-de/TrustCenter/",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(uris, expected);
    // The other links' text is still printed.
    let all = page_texts(&out).join("");
    assert!(all.contains("Skript") && all.contains("Datei"));
}

#[test]
fn missing_glyphs_become_placeholders_with_a_warning() {
    let mut file = store::example();
    file.working.intro = LocalText::new("Emoji 😀 und 漢字 im Text.", "");
    let out = export::pdf(&file, &options(Lang::De)).unwrap();
    qpdf_check(&out.bytes);
    assert_eq!(out.warnings.len(), 1);
    assert!(out.warnings[0].contains("U+1F600"), "{}", out.warnings[0]);
    assert!(out.warnings[0].contains("U+6F22"), "{}", out.warnings[0]);
    let all = page_texts(&out).join("");
    assert!(all.contains("Emoji") && !all.contains('😀'));
}

#[test]
fn toc_history_and_measure_table() {
    let file = store::example();
    let mut opts = options(Lang::De);
    opts.toc = true;
    opts.history = true;
    opts.measures = MeasureLayout::Table;
    let out = export::pdf(&file, &opts).unwrap();
    keep("example-toc.pdf", &out.bytes);
    qpdf_check(&out.bytes);
    let texts = page_texts(&out);
    let all = texts.join("\n");
    assert!(all.contains("Inhalt"));
    assert!(all.contains("Änderungshistorie"));
    assert!(all.contains("Technische Maßnahmen"));
    for v in &file.versions {
        assert!(
            letters(&all).contains(&letters(&v.note.de)),
            "history lacks {}",
            v.note.de
        );
    }
    // The TOC's page numbers are those of the headings.
    let (blocks, furniture, meta) = prepare(&file, &opts).unwrap();
    let l = layout(
        &blocks,
        &furniture,
        meta.lang,
        fonts().unwrap(),
        &Default::default(),
    );
    check_layout(&l);
    let first = l
        .outline
        .iter()
        .find(|o| o.title.starts_with("1. "))
        .unwrap();
    let toc_line = l.pages[0]
        .runs()
        .chain(l.pages.get(1).into_iter().flat_map(|p| p.runs()))
        .any(|r| r.text == (first.page + 1).to_string());
    assert!(toc_line);
}

#[test]
fn reference_content_typesets_cleanly() {
    let Some(doc) = reference_document() else {
        return;
    };
    let file = TomFile::new(doc);
    for lang in Lang::ALL {
        let opts = options(lang);
        let out = export::pdf(&file, &opts).unwrap();
        keep(&format!("reference-{lang}.pdf"), &out.bytes);
        qpdf_check(&out.bytes);
        let all = page_texts(&out).join("\n");
        let (d, release, history) = resolve(&file, &opts).unwrap();
        let blocks = document_blocks(&d, &release, &history, &opts);
        assert_words_in_order(&plain_text(&blocks), &all);
        let (blocks, furniture, meta) = prepare(&file, &opts).unwrap();
        let l = layout(
            &blocks,
            &furniture,
            meta.lang,
            fonts().unwrap(),
            &Default::default(),
        );
        check_layout(&l);
        // The reference's links are clickable.
        let links: Vec<&str> = l
            .pages
            .iter()
            .flat_map(|p| p.items.iter())
            .filter_map(|i| match i {
                Item::Link {
                    target: LinkTarget::Url(url),
                    ..
                } => Some(url.as_str()),
                _ => None,
            })
            .collect();
        assert!(links.contains(&"https://www.microsoft.com/de-de/TrustCenter/"));
        if lang == Lang::De {
            assert!(all.contains("3.1. Zutrittskontrolle"));
            assert!(all.contains("1. Pseudonymisierung"));
        }
    }
}

#[test]
fn long_table_repeats_its_header_and_layout_holds() {
    let mut file = TomFile::new(Document::empty_template(Lang::De, "Tabellen AG"));
    let mut md = String::from("Einleitung.\n\n| Kopf Links | Kopf Rechts |\n|---|---|\n");
    for i in 0..90 {
        md.push_str(&format!(
            "| Zeile {i} mit etwas längerem Text, der umbrechen muss, weil die Spalte schmal ist | {i} |\n"
        ));
    }
    let id = file.working.sections[0].id.clone();
    file.working.section_mut(&id).unwrap().body = LocalText::new(md, "");
    let opts = options(Lang::De);
    let (blocks, furniture, meta) = prepare(&file, &opts).unwrap();
    assert!(blocks.iter().any(|b| matches!(b, Block::Table { .. })));
    let l = layout(
        &blocks,
        &furniture,
        meta.lang,
        fonts().unwrap(),
        &Default::default(),
    );
    check_layout(&l);
    let pages_with_header = l
        .pages
        .iter()
        .filter(|p| p.runs().any(|r| r.text.contains("Kopf Links")))
        .count();
    assert!(
        pages_with_header >= 2,
        "header on {pages_with_header} pages"
    );
    let out = export::pdf(&file, &opts).unwrap();
    qpdf_check(&out.bytes);
    // Deterministic: same input, same bytes.
    assert!(
        out.bytes == export::pdf(&file, &opts).unwrap().bytes,
        "output differs between runs"
    );
}

#[test]
fn large_document_layout_has_no_overflow_or_stranded_heading() {
    let file = TomFile::new(store::large_example(24));
    let opts = options(Lang::De);
    let (blocks, furniture, meta) = prepare(&file, &opts).unwrap();
    let l = layout(
        &blocks,
        &furniture,
        meta.lang,
        fonts().unwrap(),
        &Default::default(),
    );
    check_layout(&l);
    assert!(
        (90..=130).contains(&l.pages.len()),
        "{} pages",
        l.pages.len()
    );
    // Widows and orphans: a page never starts with the last line of a paragraph that
    // began on the previous page alone, checked via line counts per page.
    for page in &l.pages {
        let body: Vec<f32> = page
            .runs()
            .filter(|r| r.baseline < l.setup.height - l.setup.margin_bottom)
            .map(|r| r.baseline)
            .collect();
        assert!(!body.is_empty());
    }
}

#[test]
fn cli_exports_pdf_atomically_and_rejects_bad_output() {
    let dir = tempfile::tempdir().unwrap();
    let tom = dir.path().join("ex.tom");
    store::save(&tom, &store::example()).unwrap();
    let exe = env!("CARGO_BIN_EXE_tomwerk");
    let pdf = dir.path().join("out.pdf");
    let out = Command::new(exe)
        .env("TOMWERK_TODAY", "2026-03-05")
        .args(["export"])
        .arg(&tom)
        .arg(&pdf)
        .args(["--lang", "en", "--toc", "--history", "--measures", "table"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let doc = Pdf::load_mem(&bytes).unwrap();
    assert_eq!(text_string(catalog(&doc).get(b"Lang").unwrap()), "en-GB");
    // Unknown version: error, no file.
    let none = dir.path().join("none.pdf");
    let out = Command::new(exe)
        .args(["export"])
        .arg(&tom)
        .arg(&none)
        .args(["--version", "7.7"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(!none.exists());
    // Wrong extension.
    let out = Command::new(exe)
        .args(["export"])
        .arg(&tom)
        .arg(dir.path().join("out.odt"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}

/// Every TOC line is a link to its heading: a GoTo action with an /XYZ destination on
/// the page where the outline (bookmark) of the same heading points.
#[test]
fn toc_lines_jump_to_their_headings() {
    let file = tomwerk::store::example();
    let opts = ExportOptions {
        toc: true,
        ..options(Lang::De)
    };
    let out = export::pdf(&file, &opts).unwrap();
    qpdf_check(&out.bytes);
    let pdf = Pdf::load_mem(&out.bytes).unwrap();
    let page_ids: Vec<lopdf::ObjectId> = pdf.get_pages().values().copied().collect();
    let page_no = |obj: &Object| {
        let id = obj.as_reference().unwrap();
        page_ids.iter().position(|p| *p == id).unwrap()
    };
    // The bookmarks' pages, in order.
    let mut bookmark_pages = Vec::new();
    fn walk(pdf: &Pdf, first: Option<&Object>, out: &mut Vec<Object>) {
        let mut next = first.cloned();
        while let Some(obj) = next {
            let d = dict(pdf, &obj);
            out.push(d.get(b"Dest").unwrap().as_array().unwrap()[0].clone());
            walk(pdf, d.get(b"First").ok(), out);
            next = d.get(b"Next").ok().cloned();
        }
    }
    let mut dests = Vec::new();
    walk(
        &pdf,
        dict(&pdf, catalog(&pdf).get(b"Outlines").unwrap())
            .get(b"First")
            .ok(),
        &mut dests,
    );
    for d in &dests {
        bookmark_pages.push(page_no(d));
    }
    // The TOC's links, in the order they stand on the pages (top to bottom).
    let mut toc = Vec::new();
    for (p, annots) in annotations(&pdf) {
        for d in annots {
            let action = dict(&pdf, d.get(b"A").unwrap());
            if action.get(b"S").unwrap().as_name().unwrap() != b"GoTo" {
                continue;
            }
            let dest = action.get(b"D").unwrap().as_array().unwrap();
            assert_eq!(dest[1].as_name().unwrap(), b"XYZ");
            let rect: Vec<f32> = floats(d.get(b"Rect").unwrap());
            // A line's link covers the text width, not a point.
            assert!(rect[2] - rect[0] > 300.0, "{rect:?}");
            toc.push((p, -rect[3], page_no(&dest[0])));
        }
    }
    toc.sort_by(|a, b| (a.0, a.1).partial_cmp(&(b.0, b.1)).unwrap());
    let targets: Vec<usize> = toc.iter().map(|t| t.2).collect();
    assert!(!targets.is_empty());
    // Multi-line TOC entries have a link per line; one entry per bookmark otherwise.
    let mut deduped = targets.clone();
    deduped.dedup();
    assert!(targets.len() >= bookmark_pages.len());
    let mut expected = bookmark_pages.clone();
    expected.dedup();
    assert_eq!(deduped, expected);
    // The TOC itself is on the first pages, the headings after it.
    assert!(toc.iter().all(|(p, _, target)| target >= p));
}
