//! Typesetting quality checked on the layout's positioned items: table columns wide
//! enough for their words, measures tables per kind.

use tomwerk::export::blocks::{Block, Inline};
use tomwerk::export::fonts::fonts;
use tomwerk::export::layout::{Furniture, Layout, layout};
use tomwerk::model::Lang;

fn cell(text: &str) -> Vec<Inline> {
    vec![Inline::plain(text)]
}

fn set(blocks: &[Block]) -> Layout {
    let fonts = fonts().expect("bundled fonts");
    layout(
        blocks,
        &Furniture::default(),
        Lang::De,
        fonts,
        &Default::default(),
    )
}

fn words(l: &Layout) -> Vec<String> {
    l.pages
        .iter()
        .flat_map(|p| p.runs())
        .flat_map(|r| {
            r.text
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn table_header_words_are_not_broken_while_another_column_has_room() {
    let long = "Die Sicherung läuft täglich verschlüsselt auf ein getrenntes System im zweiten \
                Rechenzentrum und wird wöchentlich geprüft.";
    let titles = [
        "Daten",
        "Sicherung",
        "Aufbewahrungsfrist",
        "Verantwortlichkeit",
        "Wiederherstellung",
        "Prüfung",
    ];
    let header: Vec<Vec<Inline>> = titles.iter().map(|t| vec![Inline::bold(*t)]).collect();
    let row: Vec<Vec<Inline>> = titles.iter().map(|_| cell(long)).collect();
    let l = set(&[Block::Table {
        header,
        rows: vec![row.clone(), row],
    }]);
    let all = words(&l);
    // The header row comes first, up to the body's first word.
    let body = all.iter().position(|w| w == "Die").unwrap_or(all.len());
    let words = &all[..body];
    // Each header word is either whole or broken at a hyphen, never in between.
    for (n, w) in words.iter().enumerate() {
        let whole = titles.contains(&w.as_str());
        let hyphenated = w.ends_with('-')
            && words.get(n + 1).is_some_and(|next| {
                titles.contains(&format!("{}{next}", w.trim_end_matches('-')).as_str())
            });
        let tail = n > 0 && words[n - 1].ends_with('-');
        assert!(
            whole || hyphenated || tail,
            "{w} broken without a hyphen: {words:?}"
        );
    }
    assert!(
        !words
            .iter()
            .any(|w| w == "Aufbewahrun" || w == "Aufbewahrung"),
        "{words:?}"
    );
}

/// Letters and digits only, lower-cased: hyphens, line breaks and spacing vanish.
fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Asserts `needle` is in `hay` (both as letters) and otherwise says where they part.
fn assert_contains_letters(hay: &str, needle: &str) {
    let (hay, needle) = (letters(hay), letters(needle));
    if hay.contains(&needle) {
        return;
    }
    let start = needle.chars().take(30).collect::<String>();
    let at = hay.find(&start).unwrap_or(0);
    let common = hay[at..]
        .chars()
        .zip(needle.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let from: String = needle
        .chars()
        .skip(common.saturating_sub(20))
        .take(60)
        .collect();
    let got: String = hay[at..]
        .chars()
        .skip(common.saturating_sub(20))
        .take(60)
        .collect();
    panic!("text parts after {common} letters:\n expected …{from}…\n found    …{got}…");
}

fn assert_inside(l: &Layout, what: &str) {
    let outside = l.outside_text_area();
    assert!(
        outside.is_empty(),
        "{what}: {} items outside, first: {:?}",
        outside.len(),
        &outside[..outside.len().min(5)]
    );
}

/// A cell of `chars` characters of varied German words.
fn long_text(chars: usize) -> String {
    let words = [
        "Zutrittskontrolle",
        "für",
        "alle",
        "Serverräume",
        "mit",
        "Protokollierung",
        "und",
        "regelmäßiger",
        "Prüfung",
        "der",
        "Berechtigungen",
        "durch",
        "die",
        "IT-Leitung",
    ];
    let mut out = String::new();
    let mut n = 0usize;
    while out.chars().count() < chars {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(words[n % words.len()]);
        // A running number makes every stretch of the text unique, so a lost line shows.
        if n % 5 == 4 {
            out.push_str(&format!(" {n}"));
        }
        n += 1;
    }
    out
}

#[test]
fn a_table_row_taller_than_a_page_splits_across_pages_with_its_header() {
    let text = long_text(40_000);
    let header = vec![
        vec![Inline::bold("Bereich")],
        vec![Inline::bold("Beschreibung")],
    ];
    let rows = vec![
        vec![cell("Kurz"), cell("Eine kurze Zeile.")],
        vec![cell("Lang"), cell(&text)],
        vec![cell("Danach"), cell("Die Zeile nach der langen.")],
    ];
    let l = set(&[
        Block::Paragraph(vec![Inline::plain("Vorher.")]),
        Block::Table { header, rows },
    ]);
    assert_inside(&l, "long cell");
    assert!(l.pages.len() >= 5, "{} pages", l.pages.len());
    // Every page but the first starts with the repeated header.
    for (p, page) in l.pages.iter().enumerate().skip(1) {
        let first = page.runs().next().map(|r| r.text.clone());
        assert_eq!(first.as_deref(), Some("Bereich"), "page {}", p + 1);
    }
    // All of the long cell is on the pages, in order.
    let all: String = l
        .pages
        .iter()
        .flat_map(|p| p.items[..p.furniture].iter())
        .filter_map(|i| match i {
            tomwerk::export::layout::Item::Text(r) => Some(r.text.as_str()),
            _ => None,
        })
        .filter(|t| *t != "Bereich" && *t != "Beschreibung")
        .collect();
    assert_contains_letters(&all, &text);
    assert!(all.contains("Die Zeile nach der langen."));
}

#[test]
fn a_40000_character_cell_is_entirely_in_the_pdf_text() {
    let text = long_text(40_000);
    let blocks = vec![Block::Table {
        header: vec![vec![Inline::bold("Beschreibung")]],
        rows: vec![vec![cell(&text)]],
    }];
    let meta = tomwerk::export::PdfMeta {
        title: "Lange Zelle".into(),
        author: "Test".into(),
        subject: String::new(),
        lang: Lang::De,
        date: time::macros::date!(2026 - 03 - 05).midnight().assume_utc(),
    };
    let out = tomwerk::export::pdf_from_blocks(&blocks, &Furniture::default(), &meta).unwrap();
    // pdftotext reads only what is on the page (as a viewer shows it); lopdf, the
    // fallback without poppler, would also read text placed below the page's edge.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cell.pdf");
    std::fs::write(&path, &out.bytes).unwrap();
    let extracted = match std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
    {
        Ok(o) if o.status.success() => String::from_utf8(o.stdout).unwrap(),
        _ => {
            let pdf = lopdf::Document::load_mem(&out.bytes).unwrap();
            let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
            pdf.extract_text(&pages).unwrap()
        }
    };
    // Without the repeated header and the footers' page numbers.
    let mut found = letters(&extracted).replace("beschreibung", "");
    for p in 1..=out.pages {
        found = found.replace(&format!("seite{p}von{}", out.pages), "");
    }
    assert_contains_letters(&found, &text);
    assert_eq!(found.len(), letters(&text).len());
}

mod invariant {
    //! The layout invariant over random documents: long cells, long words, many columns,
    //! deep lists, long heading numbers. Nothing is placed outside the text area, and
    //! every letter of the input is on a page.

    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;

    fn word() -> BoxedStrategy<String> {
        prop_oneof![
            6 => "[a-zäöüß]{1,12}",
            2 => "[A-Z][a-z]{2,10}-[A-Z][a-z]{2,10}",
            1 => "[a-z]{40,300}",
            1 => "https://[a-z]{3,30}\\.de/[a-z/]{0,60}",
            1 => "[0-9]{1,6}",
        ]
        .boxed()
    }

    fn text(max_words: usize) -> impl Strategy<Value = String> {
        vec(word(), 0..max_words).prop_map(|w| w.join(" "))
    }

    fn cell() -> impl Strategy<Value = Vec<Inline>> {
        prop_oneof![
            12 => text(8).prop_map(|t| vec![Inline::plain(t)]),
            1 => text(400).prop_map(|t| vec![Inline::plain(t)]),
            1 => (text(4), text(4)).prop_map(|(a, b)| vec![Inline::bold(a), Inline::italic(b)]),
        ]
    }

    fn table() -> impl Strategy<Value = Block> {
        (1usize..30, 0usize..5, any::<bool>()).prop_flat_map(|(cols, nrows, with_header)| {
            (
                vec(cell(), if with_header { cols } else { 0 }),
                vec(vec(cell(), 1..=cols), nrows),
            )
                .prop_map(|(header, rows)| Block::Table { header, rows })
        })
    }

    fn block() -> impl Strategy<Value = Block> {
        let leaf = prop_oneof![
            1 => text(6).prop_map(Block::Title),
            2 => (1u8..8, "[0-9.]{0,8}|[a-z]{30,80}", text(10), any::<bool>()).prop_map(
                |(level, number, text, outline)| Block::Heading { level, number, text, outline }
            ),
            4 => text(200).prop_map(|t| Block::Paragraph(vec![Inline::plain(t)])),
            1 => text(20).prop_map(|t| Block::Small(vec![Inline::plain(t)])),
            3 => table(),
            1 => (0.0f32..900.0).prop_map(Block::Spacer),
            1 => Just(Block::Rule),
        ];
        leaf.prop_recursive(12, 48, 3, |inner| {
            vec(vec(inner, 1..3), 1..3).prop_map(|items| Block::List {
                ordered: false,
                start: 1,
                items,
            })
        })
    }

    fn sorted_letters(s: &str) -> Vec<char> {
        let mut v: Vec<char> = s
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        v.sort_unstable();
        v
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

        #[test]
        fn nothing_is_placed_outside_the_text_area(blocks in vec(block(), 1..8)) {
            let l = set(&blocks);
            let outside = l.outside_text_area();
            prop_assert!(outside.is_empty(), "{:?}", &outside[..outside.len().min(3)]);
            let body: String = l
                .pages
                .iter()
                .flat_map(|p| p.items[..p.furniture].iter())
                .filter_map(|i| match i {
                    tomwerk::export::layout::Item::Text(r) => Some(r.text.as_str()),
                    _ => None,
                })
                .collect();
            // Every letter of the blocks is placed (repeated table headers add more).
            let expected = tomwerk::export::blocks::plain_text(&blocks);
            let mut placed = std::collections::HashMap::new();
            for c in sorted_letters(&body) {
                *placed.entry(c).or_insert(0usize) += 1;
            }
            for c in sorted_letters(&expected) {
                let n = placed.entry(c).or_insert(0);
                prop_assert!(*n > 0, "a letter {c:?} of the blocks is not on any page");
                *n -= 1;
            }
        }
    }
}

/// The example (de, en; list and table, with TOC and history), the large example and the
/// change report 1.0 -> 2.0 all hold the layout invariant.
#[test]
fn the_example_and_its_change_report_hold_the_layout_invariant() {
    use tomwerk::export::{ExportOptions, MeasureLayout, prepare};
    let file = tomwerk::store::example();
    let fonts = fonts().unwrap();
    for lang in Lang::ALL {
        for measures in [MeasureLayout::List, MeasureLayout::Table] {
            let opts = ExportOptions {
                lang,
                version: None,
                toc: measures == MeasureLayout::Table,
                history: measures == MeasureLayout::Table,
                measures,
                date: time::macros::date!(2026 - 03 - 05),
            };
            let (blocks, furniture, meta) = prepare(&file, &opts).unwrap();
            let l = layout(&blocks, &furniture, meta.lang, fonts, &Default::default());
            assert_inside(&l, &format!("example {lang:?} {measures:?}"));
        }
        let old = file.versions[0].document().unwrap();
        let new = file.versions[file.versions.len() - 1].document().unwrap();
        let diff = tomwerk::diff::compare(&old, &new);
        let report = tomwerk::diff::Report::new(
            &diff,
            lang,
            tomwerk::diff::Fingerprint::version("1.0", "a"),
            tomwerk::diff::Fingerprint::version("2.0", "b"),
        );
        let l = layout(
            &report.to_blocks(),
            &Furniture::default(),
            lang,
            fonts,
            &Default::default(),
        );
        assert_inside(&l, &format!("change report {lang:?}"));
    }
    let large = tomwerk::store::TomFile::new(tomwerk::store::large_example(8));
    let opts = ExportOptions {
        lang: Lang::De,
        version: None,
        toc: true,
        history: false,
        measures: MeasureLayout::Table,
        date: time::macros::date!(2026 - 03 - 05),
    };
    let (blocks, furniture, meta) = prepare(&large, &opts).unwrap();
    assert_inside(
        &layout(&blocks, &furniture, meta.lang, fonts, &Default::default()),
        "large example",
    );
}

/// A Markdown table's header cells carry no bold style of their own but are set in
/// bold: their columns are measured in bold, so "Bereich" is not broken.
#[test]
fn a_markdown_table_header_is_measured_in_the_bold_face_it_is_set_in() {
    let long = "Zutrittskontrolle für alle Serverräume mit Protokollierung ".repeat(30);
    let md = format!("| Bereich | Beschreibung |\n|---|---|\n| Lang | {long} |\n");
    let blocks = tomwerk::export::blocks::markdown_blocks(&md, 2);
    let all = words(&set(&blocks));
    assert!(all.contains(&"Bereich".to_owned()), "{:?}", &all[..4]);
}

/// A list nested 60 deep (as Markdown import can produce) stays inside the text area.
#[test]
fn a_list_nested_sixty_deep_stays_inside_the_text_area() {
    let md: String = (0..60)
        .map(|i| format!("{}- Ebene {i} mit etwas Text\n", "  ".repeat(i)))
        .collect();
    let l = set(&tomwerk::export::blocks::markdown_blocks(&md, 2));
    assert_inside(&l, "deep list");
    assert!(words(&l).contains(&"59".to_owned()));
}

/// Text of a PDF through pdftotext (lopdf without poppler).
fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.pdf");
    std::fs::write(&path, bytes).unwrap();
    match std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(&path)
        .arg("-")
        .output()
    {
        Ok(o) if o.status.success() => String::from_utf8(o.stdout).unwrap(),
        _ => {
            let pdf = lopdf::Document::load_mem(bytes).unwrap();
            let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
            pdf.extract_text(&pages).unwrap()
        }
    }
}

/// The example's change report 1.0 -> 2.0 (de and en) is typeset from the rendered
/// content: no Markdown source in it, the changed backup period is a marked cell of a
/// table, and the front matter names both releases with date and author.
#[test]
fn the_change_report_shows_rendered_content_with_front_matter() {
    use tomwerk::export::blocks::Highlight;
    let file = tomwerk::store::example();
    let (v1, v2) = (file.version("1.0").unwrap(), file.version("2.0").unwrap());
    let diff = tomwerk::diff::compare(&v1.document().unwrap(), &v2.document().unwrap());
    for (lang, legend, dates) in [
        (Lang::De, "Markierung:", ["03.03.2025", "02.03.2026"]),
        (Lang::En, "Marking:", ["3 March 2025", "2 March 2026"]),
    ] {
        let report = tomwerk::diff::Report::new(
            &diff,
            lang,
            tomwerk::diff::Fingerprint::of_version(v1),
            tomwerk::diff::Fingerprint::of_version(v2),
        )
        .dated(time::macros::date!(2026 - 03 - 05));
        let out = report
            .pdf(
                "Beispiel Logistik GmbH",
                time::macros::date!(2026 - 03 - 05),
            )
            .unwrap();
        let text = pdf_text(&out.bytes);
        assert!(!text.contains("**"), "{lang:?}: {text}");
        assert!(!text.contains("|---"), "{lang:?}: {text}");
        assert!(
            !text.lines().any(|l| l.trim_start().starts_with('|')),
            "{lang:?}: {text}"
        );
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(legend), "{lang:?}: {flat}");
        for d in dates {
            assert!(flat.contains(d), "{lang:?} lacks {d}: {flat}");
        }
        for author in [&v1.author, &v2.author] {
            assert!(flat.contains(author.as_str()), "{lang:?} lacks {author}");
        }
        assert!(flat.contains(&v2.hash), "{lang:?}: full checksum missing");
        // The backup period "30" -> "35" is a cell of a table, marked.
        let blocks = report.to_blocks();
        let in_table = blocks.iter().any(|b| match b {
            Block::Table { rows, .. } => rows.iter().flatten().any(|cell| {
                cell.iter()
                    .any(|i| i.text == "30" && i.style.highlight == Some(Highlight::Deleted))
                    && cell
                        .iter()
                        .any(|i| i.text == "35" && i.style.highlight == Some(Highlight::Inserted))
            }),
            _ => false,
        });
        assert!(in_table, "{lang:?}: {blocks:#?}");
        // The Markdown report says the same, with the table as a table.
        let md = report.to_markdown();
        assert!(md.contains("~~30~~ <ins>35</ins>"), "{md}");
        assert!(md.contains("|---|---|---|---|"), "{md}");
        // Every bookmark is unique (four measures added to one section once gave four
        // identical ones).
        let l = layout(
            &blocks,
            &Furniture::default(),
            lang,
            fonts().unwrap(),
            &Default::default(),
        );
        let titles: Vec<&str> = l.outline.iter().map(|o| o.title.as_str()).collect();
        let unique: std::collections::BTreeSet<&str> = titles.iter().copied().collect();
        assert_eq!(unique.len(), titles.len(), "{titles:?}");
        assert_inside(&l, "change report");
    }
}

/// `tomwerk export` of a document with an emoji fails with exit code 1 and names the
/// character and its section; with `--allow-missing-glyphs` it writes the PDF.
#[test]
fn export_with_a_character_the_font_lacks_fails_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let tom = dir.path().join("emoji.tom");
    let mut file = tomwerk::store::example();
    let id = file.working.sections[1].id.clone();
    file.working.section_mut(&id).unwrap().body.de = "Verschlüsselt 🔒 überall.".into();
    tomwerk::store::save(&tom, &file).unwrap();
    let pdf = dir.path().join("out.pdf");
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_tomwerk"))
            .env("TOMWERK_TODAY", "2026-03-05")
            .env("LANG", "de_DE.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg("export")
            .arg(&tom)
            .arg(&pdf)
            .args(["--lang", "de"])
            .args(extra)
            .output()
            .unwrap()
    };
    let refused = run(&[]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains('🔒') && err.contains("U+1F512"), "{err}");
    assert!(err.contains("2. Verschlüsselung"), "{err}");
    assert!(err.contains("--allow-missing-glyphs"), "{err}");
    assert!(!pdf.exists(), "nothing is written");
    let allowed = run(&["--allow-missing-glyphs"]);
    assert_eq!(allowed.status.code(), Some(0), "{allowed:?}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

/// What belongs together is never parted by a line break (issue 21.7): however the
/// column width falls, "ISO 27001", "Art. 32", "§ 28", "TLS 1.2", "S/MIME" and a number
/// with its unit stay on one line, and a URL does not break right after "https://".
#[test]
fn terms_numbers_and_units_are_never_broken_apart() {
    let text = "Wir arbeiten nach ISO 27001 und Art. 32 DSGVO sowie § 28 BDSG; E-Mails \
                werden mit S/MIME signiert, Verbindungen nutzen mindestens TLS 1.2, \
                Sicherungen bleiben 30 Tage und höchstens 10 GB; mehr unter \
                https://www.example.org/datenschutz/tom.";
    let pairs = [
        ("ISO", "27001"),
        ("Art.", "32"),
        ("§", "28"),
        ("TLS", "1.2,"),
        ("30", "Tage"),
        ("10", "GB;"),
    ];
    for width in (120..=460).step_by(7) {
        let setup = tomwerk::export::PageSetup {
            margin_right: tomwerk::export::PageSetup::A4.width - 64.0 - width as f32,
            ..tomwerk::export::PageSetup::A4
        };
        let l = layout(
            &[Block::Paragraph(vec![Inline::plain(text)])],
            &Furniture::default(),
            Lang::De,
            fonts().unwrap(),
            &setup,
        );
        // Lines in order: the text of each baseline.
        let mut lines: Vec<(f32, String)> = Vec::new();
        for r in l.pages.iter().flat_map(|p| p.items[..p.furniture].iter()) {
            if let tomwerk::export::layout::Item::Text(r) = r {
                match lines.last_mut() {
                    Some((y, t)) if (*y - r.baseline).abs() < 0.1 => t.push_str(&r.text),
                    _ => lines.push((r.baseline, r.text.clone())),
                }
            }
        }
        for w in lines.windows(2) {
            let end = w[0].1.split_whitespace().last().unwrap_or("");
            let start = w[1].1.split_whitespace().next().unwrap_or("");
            for (a, b) in pairs {
                assert!(
                    !(end == a && start == b),
                    "width {width}: \"{a} {b}\" broken: {:?}",
                    lines.iter().map(|l| &l.1).collect::<Vec<_>>()
                );
            }
            assert!(
                !end.ends_with("S/") && !end.ends_with("//"),
                "width {width}: {end}"
            );
        }
    }
}

/// A PDF of an older version says in its title block that a newer one exists; the
/// newest version's PDF does not.
#[test]
fn an_older_version_says_a_newer_one_exists() {
    use tomwerk::export::{ExportOptions, MeasureLayout};
    let file = tomwerk::store::example();
    let latest = file.latest().unwrap();
    for (lang, words) in [
        (
            Lang::De,
            "Nicht die aktuelle Fassung: Version 2.0 vom 02.03.2026 ersetzt sie.",
        ),
        (
            Lang::En,
            "Not the current version: version 2.0 of 2 March 2026 supersedes it.",
        ),
    ] {
        let opts = |version: &str| ExportOptions {
            lang,
            version: Some(version.to_owned()),
            toc: false,
            history: false,
            measures: MeasureLayout::List,
            date: time::macros::date!(2026 - 03 - 05),
        };
        let old = tomwerk::export::pdf(&file, &opts("1.0")).unwrap();
        let text = pdf_text(&old.bytes);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(words), "{lang:?}: {flat}");
        // On the first page, above the first section.
        let first = flat.find(words).unwrap();
        assert!(first < flat.find("1. ").unwrap_or(usize::MAX), "{flat}");
        let new = tomwerk::export::pdf(&file, &opts(&latest.label)).unwrap();
        let text = pdf_text(&new.bytes);
        assert!(!text.contains("Nicht die aktuelle") && !text.contains("Not the current"));
    }
}

mod quality {
    //! Issue 14's measurable typesetting points on the example (de, en; list and
    //! table layout), checked on the layout's positioned items.

    use super::*;
    use tomwerk::export::blocks::Block;
    use tomwerk::export::layout::{Item, TextRun};
    use tomwerk::export::{ExportOptions, MeasureLayout, prepare};

    fn example_layouts() -> Vec<(String, Layout)> {
        let file = tomwerk::store::example();
        let mut out = Vec::new();
        for lang in Lang::ALL {
            for measures in [MeasureLayout::List, MeasureLayout::Table] {
                let opts = ExportOptions {
                    lang,
                    version: None,
                    toc: true,
                    history: true,
                    measures,
                    date: time::macros::date!(2026 - 03 - 05),
                };
                let (blocks, furniture, meta) = prepare(&file, &opts).unwrap();
                let l = layout(
                    &blocks,
                    &furniture,
                    meta.lang,
                    fonts().unwrap(),
                    &Default::default(),
                );
                out.push((format!("{lang:?} {measures:?}"), l));
            }
        }
        out
    }

    /// The body's text runs of each line: (page, baseline) -> runs in order.
    fn lines(l: &Layout) -> Vec<(usize, Vec<&TextRun>)> {
        let mut out: Vec<(usize, f32, Vec<&TextRun>)> = Vec::new();
        for (p, page) in l.pages.iter().enumerate() {
            for item in &page.items[..page.furniture] {
                if let Item::Text(r) = item {
                    match out
                        .iter_mut()
                        .rev()
                        .find(|(q, y, _)| *q == p && (*y - r.baseline).abs() < 0.1)
                    {
                        Some((_, _, runs)) => runs.push(r),
                        None => out.push((p, r.baseline, vec![r])),
                    }
                }
            }
        }
        out.into_iter().map(|(p, _, r)| (p, r)).collect()
    }

    #[test]
    fn justified_spaces_are_at_most_twice_a_space() {
        let f = fonts().unwrap();
        for (name, l) in example_layouts() {
            for (p, runs) in lines(&l) {
                for r in runs.iter().filter(|r| r.space_extra > 0.0) {
                    let space = f.face(r.face).text_width(" ", r.size);
                    assert!(
                        r.space_extra <= space + 0.01,
                        "{name}, page {}: a space of {:.2}× in {:?}",
                        p + 1,
                        (space + r.space_extra) / space,
                        r.text
                    );
                }
            }
        }
    }

    #[test]
    fn body_lines_hold_70_to_90_characters() {
        for (name, l) in example_layouts() {
            let width = l.setup.text_width();
            let mut counts = Vec::new();
            for (p, runs) in lines(&l) {
                let first = runs[0];
                // Full lines of body paragraphs: justified, from the left margin.
                let justified = runs.iter().any(|r| r.space_extra > 0.0);
                if !justified || (first.x - l.setup.margin_left).abs() > 0.5 {
                    continue;
                }
                let text: String = runs.iter().map(|r| r.text.as_str()).collect();
                let n = text.chars().count();
                if std::env::var("SHOW_COUNTS").is_ok() {
                    eprintln!("{name} {n}");
                }
                assert!(
                    std::env::var("SHOW_COUNTS").is_ok() || (70..=90).contains(&n),
                    "{name}, page {}: {n} characters on a {width:.0} pt line: {text:?}",
                    p + 1
                );
                counts.push(n);
            }
            assert!(!counts.is_empty(), "{name}: no justified lines");
        }
    }

    #[test]
    fn heading_numbers_precede_their_text() {
        for (name, l) in example_layouts() {
            for (p, runs) in lines(&l) {
                // A heading line: its first run is a number such as "3.1.".
                let first = &runs[0].text;
                let is_number = !first.is_empty()
                    && first.chars().all(|c| c.is_ascii_digit() || c == '.')
                    && first.ends_with('.');
                if is_number && runs.len() > 1 {
                    assert!(
                        runs[1..].iter().all(|r| r.x > runs[0].x),
                        "{name}, page {}: {first} after its text",
                        p + 1
                    );
                }
            }
            // In the item order, each outline heading's number run comes right before
            // its text run.
            for page in &l.pages {
                let texts: Vec<&TextRun> = page.runs().collect();
                for (k, r) in texts.iter().enumerate() {
                    let is_number = r.text.chars().all(|c| c.is_ascii_digit() || c == '.')
                        && r.text.ends_with('.')
                        && r.face == tomwerk::export::fonts::Face::Bold;
                    if is_number && let Some(next) = texts.get(k + 1) {
                        assert!(
                            (next.baseline - r.baseline).abs() < 0.1 && next.x > r.x,
                            "{name}: {:?} is not followed by its heading text",
                            r.text
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn table_header_words_are_whole_or_hyphenated() {
        let file = tomwerk::store::example();
        for lang in Lang::ALL {
            for measures in [MeasureLayout::List, MeasureLayout::Table] {
                let opts = ExportOptions {
                    lang,
                    version: None,
                    toc: true,
                    history: true,
                    measures,
                    date: time::macros::date!(2026 - 03 - 05),
                };
                let (blocks, furniture, meta) = prepare(&file, &opts).unwrap();
                let mut header_words = std::collections::BTreeSet::new();
                fn walk(blocks: &[Block], out: &mut std::collections::BTreeSet<String>) {
                    for b in blocks {
                        match b {
                            Block::Table { header, .. } => {
                                for cell in header {
                                    for i in cell {
                                        out.extend(i.text.split_whitespace().map(str::to_owned));
                                    }
                                }
                            }
                            Block::List { items, .. } => {
                                for item in items {
                                    walk(item, out);
                                }
                            }
                            _ => {}
                        }
                    }
                }
                walk(&blocks, &mut header_words);
                assert!(header_words.len() >= 4, "{header_words:?}");
                let l = layout(
                    &blocks,
                    &furniture,
                    meta.lang,
                    fonts().unwrap(),
                    &Default::default(),
                );
                // Bold 9 pt runs are table headers (and measure-table headers).
                let words: Vec<String> = l
                    .pages
                    .iter()
                    .flat_map(|p| p.runs())
                    .filter(|r| r.size == 9.0 && r.face == tomwerk::export::fonts::Face::Bold)
                    .flat_map(|r| {
                        r.text
                            .split_whitespace()
                            .map(str::to_owned)
                            .collect::<Vec<_>>()
                    })
                    .collect();
                for (n, w) in words.iter().enumerate() {
                    let whole = header_words.contains(w);
                    let head = w.ends_with('-')
                        && words.get(n + 1).is_some_and(|next| {
                            header_words.contains(&format!("{}{next}", w.trim_end_matches('-')))
                        });
                    let tail = n > 0 && words[n - 1].ends_with('-');
                    assert!(
                        whole || head || tail,
                        "{lang:?} {measures:?}: {w:?} in {words:?}"
                    );
                }
            }
        }
    }
}

/// A row split across pages is read cell by cell on each page (the item order is the
/// reading order of text extraction and of the tagged PDF), not line by line across.
#[test]
fn a_split_row_reads_cell_by_cell() {
    let a = "Alpha ".repeat(900);
    let b = "Beta ".repeat(900);
    let l = set(&[Block::Table {
        header: vec![vec![Inline::bold("Links")], vec![Inline::bold("Rechts")]],
        rows: vec![vec![cell(&a), cell(&b)]],
    }]);
    assert!(l.pages.len() >= 2);
    for (p, page) in l.pages.iter().enumerate() {
        let texts: Vec<&str> = page.items[..page.furniture]
            .iter()
            .filter_map(|i| match i {
                tomwerk::export::layout::Item::Text(r) => Some(r.text.as_str()),
                _ => None,
            })
            .filter(|t| t.contains("Alpha") || t.contains("Beta"))
            .collect();
        let first_beta = texts
            .iter()
            .position(|t| t.contains("Beta"))
            .unwrap_or(texts.len());
        assert!(
            texts[first_beta..].iter().all(|t| !t.contains("Alpha")),
            "page {}: cells interleaved",
            p + 1
        );
    }
}

mod line_breaking {
    //! Issue 21.2: the space stretch of justified lines and runs of hyphenated lines,
    //! measured on the example (de, en) and the reference TOM's content.

    use super::*;
    use tomwerk::export::layout::{Item, TextRun};
    use tomwerk::export::{ExportOptions, MeasureLayout, prepare};

    /// The reference TOM (when present), each heading's text in the canonical section
    /// with the same number (as tests/export.rs builds it).
    fn reference() -> Option<tomwerk::store::TomFile> {
        let text =
            std::fs::read_to_string("/work/shared/reference/000_d7ca327f3288d2ba.txt").ok()?;
        let mut doc = tomwerk::model::Document::empty_template(Lang::De, "clickbits GmbH");
        let ids: Vec<_> = doc.numbered().iter().map(|(_, s)| s.id.clone()).collect();
        let mut current: Option<usize> = None;
        let mut intro = String::new();
        let mut bodies = vec![String::new(); ids.len()];
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
        doc.intro = tomwerk::model::LocalText::new(intro.trim(), "");
        for (id, body) in ids.iter().zip(bodies) {
            doc.section_mut(id).unwrap().body = tomwerk::model::LocalText::new(body.trim(), "");
        }
        Some(tomwerk::store::TomFile::new(doc))
    }

    /// A measured line.
    struct Line {
        /// How far its spaces stretch had it been justified (1.0 = natural).
        stretch: f32,
        /// It ends in a hyphen.
        hyphen: bool,
        /// It directly follows the previous line of its paragraph.
        follows: bool,
        text: String,
    }

    /// Per body paragraph line (text from the left margin at body size, followed by
    /// another line of the same paragraph): how far its spaces stretch (1.0 = natural)
    /// had it been justified to the full width, and whether it ends in a hyphen.
    fn paragraph_lines(l: &Layout) -> Vec<Line> {
        let f = fonts().unwrap();
        let width = l.setup.text_width();
        let mut out = Vec::new();
        for page in &l.pages {
            let mut lines: Vec<(f32, Vec<&TextRun>)> = Vec::new();
            for item in &page.items[..page.furniture] {
                if let Item::Text(r) = item {
                    match lines
                        .iter_mut()
                        .find(|(y, _)| (*y - r.baseline).abs() < 0.1)
                    {
                        Some((_, runs)) => runs.push(r),
                        None => lines.push((r.baseline, vec![r])),
                    }
                }
            }
            for (k, (y, runs)) in lines.iter().enumerate() {
                let body = |runs: &Vec<&TextRun>| {
                    (runs[0].x - l.setup.margin_left).abs() < 0.5
                        && runs.iter().all(|r| r.size == 11.0)
                };
                let next_is_same_paragraph = lines
                    .get(k + 1)
                    .is_some_and(|(ny, nr)| (ny - y - 15.6).abs() < 0.1 && body(nr));
                if !body(runs) || !next_is_same_paragraph {
                    continue;
                }
                let text: String = runs.iter().map(|r| r.text.as_str()).collect();
                let spaces = text.chars().filter(|c| *c == ' ').count();
                if spaces == 0 {
                    continue;
                }
                let extra: f32 = runs
                    .iter()
                    .map(|r| r.space_extra * r.text.matches(' ').count() as f32)
                    .sum();
                let natural: f32 = runs.iter().map(|r| r.width).sum::<f32>() - extra;
                let space = f.face(runs[0].face).text_width(" ", 11.0);
                let stretch = 1.0 + (width - natural) / spaces as f32 / space;
                // A line that follows the previous one in the same paragraph continues
                // its run of hyphens; the first line of a paragraph starts afresh.
                let follows =
                    k > 0 && (y - lines[k - 1].0 - 15.6).abs() < 0.1 && body(&lines[k - 1].1);
                out.push(Line {
                    stretch,
                    hyphen: text.ends_with('-'),
                    follows,
                    text,
                });
            }
        }
        out
    }

    fn documents() -> Vec<(String, Layout)> {
        let mut files = vec![(
            "example".to_owned(),
            tomwerk::store::example(),
            &Lang::ALL[..],
        )];
        // The reference TOM is German only (in an English export it would be German text
        // hyphenated with English patterns).
        if let Some(r) = reference() {
            files.push(("reference".to_owned(), r, &[Lang::De][..]));
        }
        let mut out = Vec::new();
        for (name, file, langs) in files {
            for &lang in langs {
                let opts = ExportOptions {
                    lang,
                    version: None,
                    toc: false,
                    history: false,
                    measures: MeasureLayout::List,
                    date: time::macros::date!(2026 - 03 - 05),
                };
                let (blocks, furniture, meta) = prepare(&file, &opts).unwrap();
                let l = layout(
                    &blocks,
                    &furniture,
                    meta.lang,
                    fonts().unwrap(),
                    &Default::default(),
                );
                out.push((format!("{name} {lang:?}"), l));
            }
        }
        out
    }

    /// Writes Tomwerk's PDFs of the reference TOM and the example (de, en) into
    /// `$SIDE_BY_SIDE_DIR`, for the side-by-side crop against Typst (BENCHMARKS.md,
    /// `bench/side_by_side.sh`).
    #[test]
    #[ignore]
    fn write_pdfs_for_side_by_side() {
        let dir = std::path::PathBuf::from(std::env::var("SIDE_BY_SIDE_DIR").unwrap());
        let mut files = vec![("example", tomwerk::store::example(), &Lang::ALL[..])];
        if let Some(r) = reference() {
            files.push(("reference", r, &[Lang::De][..]));
        }
        for (name, file, langs) in files {
            for &lang in langs {
                let opts = ExportOptions {
                    lang,
                    version: None,
                    toc: false,
                    history: false,
                    measures: MeasureLayout::List,
                    date: time::macros::date!(2026 - 03 - 05),
                };
                let out = tomwerk::export::pdf(&file, &opts).unwrap();
                std::fs::write(dir.join(format!("{name}-{}.pdf", lang.code())), &out.bytes)
                    .unwrap();
            }
        }
    }

    /// Lays out the large example a few times and prints the time (for BENCHMARKS.md:
    /// `cargo test --release --test typesetting layout_time -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn layout_time() {
        let file = tomwerk::store::TomFile::new(tomwerk::store::large_example(24));
        let opts = ExportOptions {
            lang: Lang::De,
            version: None,
            toc: true,
            history: false,
            measures: MeasureLayout::List,
            date: time::macros::date!(2026 - 03 - 05),
        };
        let (blocks, furniture, meta) = prepare(&file, &opts).unwrap();
        let start = std::time::Instant::now();
        for _ in 0..3 {
            let l = layout(
                &blocks,
                &furniture,
                meta.lang,
                fonts().unwrap(),
                &Default::default(),
            );
            assert!(!l.pages.is_empty());
        }
        eprintln!(
            "layout of large_example(24): {:?} per run",
            start.elapsed() / 3
        );
        let start = std::time::Instant::now();
        for _ in 0..3 {
            assert!(tomwerk::export::pdf(&file, &opts).unwrap().pages > 0);
        }
        eprintln!(
            "PDF export of large_example(24): {:?} per run",
            start.elapsed() / 3
        );
    }

    /// Every line of every page as text, in order (runs on one baseline joined): where
    /// the line breaker broke.
    fn all_lines(l: &Layout) -> String {
        let mut out = String::new();
        for (p, page) in l.pages.iter().enumerate() {
            let mut lines: Vec<(f32, f32, String)> = Vec::new();
            for item in &page.items {
                if let Item::Text(r) = item {
                    match lines
                        .iter_mut()
                        .find(|(y, x, _)| (*y - r.baseline).abs() < 0.1 && (*x - r.x).abs() < 200.0)
                    {
                        Some((_, _, t)) => t.push_str(&r.text),
                        None => lines.push((r.baseline, r.x, r.text.clone())),
                    }
                }
            }
            for (_, _, t) in lines {
                out.push_str(&format!("{p}\t{t}\n"));
            }
        }
        out
    }

    /// Issue 21.2 (speed): the line breaker was made cheaper without changing a single
    /// break. The fixtures were written by the breaker before that work
    /// (`BLESS_BREAKS=1 cargo test --test typesetting break_positions`); a change of a
    /// break shows here as a diff of line texts.
    #[test]
    fn break_positions_are_those_pinned_in_the_fixtures() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/breaks");
        let mut failures = Vec::new();
        for (name, l) in documents() {
            let path = dir.join(format!("{}.txt", name.replace(' ', "-")));
            let got = all_lines(&l);
            if std::env::var("BLESS_BREAKS").is_ok() {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &got).unwrap();
                continue;
            }
            let Ok(want) = std::fs::read_to_string(&path) else {
                // The reference TOM lives outside the repository: its fixture may be
                // missing on a machine without it, but then so is the document.
                failures.push(format!("{name}: no fixture {}", path.display()));
                continue;
            };
            for (k, (g, w)) in got.lines().zip(want.lines()).enumerate() {
                if g != w {
                    failures.push(format!("{name} line {k}: {g:?}, pinned {w:?}"));
                    break;
                }
            }
            if got.lines().count() != want.lines().count() {
                failures.push(format!(
                    "{name}: {} lines, pinned {}",
                    got.lines().count(),
                    want.lines().count()
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn lines_stretch_little_and_hyphens_do_not_pile_up() {
        let mut failures = Vec::new();
        for (name, l) in documents() {
            let lines = paragraph_lines(&l);
            let worst = lines.iter().map(|l| l.stretch).fold(1.0f32, f32::max);
            let mut run = 0;
            let mut longest_run = 0;
            for line in &lines {
                run = match (line.hyphen, line.follows) {
                    (false, _) => 0,
                    (true, true) => run + 1,
                    (true, false) => 1,
                };
                longest_run = longest_run.max(run);
            }
            eprintln!(
                "{name}: {} lines, worst stretch {worst:.2}, hyphens in a row {longest_run}",
                lines.len()
            );
            if std::env::var("SHOW_LINES").is_ok() {
                for line in &lines {
                    eprintln!("  {:.2} {}", line.stretch, line.text);
                }
            }
            if longest_run > 2 {
                failures.push(format!("{name}: {longest_run} hyphenated lines in a row"));
            }
            // Typst 0.14 (PyPI typst 0.15.2) on the same paragraphs with the same font,
            // size and line length, measured with bench/typst_stretch.py (BENCHMARKS.md).
            // The two measures differ a little (Typst's widest gap in a line, here the
            // line's even stretch), hence the allowance of 0.05.
            let typst = match name.as_str() {
                "example De" => 2.00,
                "example En" => 2.33,
                "reference De" => 2.48,
                _ => 2.0,
            };
            if worst > typst + 0.05 {
                failures.push(format!(
                    "{name}: a line would stretch its spaces {worst:.2}× (Typst: {typst:.2}×)"
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:?}");
    }
}
