//! Tests of the editor defects found on first use (issues 15 and 20): each failed
//! before its fix.

use std::process::Command;

use time::macros::date;
use tomwerk::diff::{Fingerprint, Report, compare, compare_including_hidden};
use tomwerk::export::{self, ExportOptions, MeasureLayout};
use tomwerk::model::{Document, Lang, LocalText, Measure, SectionId};
use tomwerk::store::TomFile;

/// Internal text that must never reach anything exported.
const SECRET: &str = "Geheimnotiz";
const SECRET_MEASURE: &str = "Internmassnahme";

fn sid(s: &str) -> SectionId {
    s.into()
}

/// A document with an internal custom section that is hidden, with a body and a measure.
fn with_hidden_section() -> (Document, SectionId) {
    let mut doc = Document::empty_template(Lang::De, "Muster GmbH");
    doc.section_mut(&sid("encryption")).unwrap().body =
        LocalText::new("Daten werden verschlüsselt.", "Data is encrypted.");
    let internal = doc
        .add_custom_section(None, LocalText::new("Intern", "Internal"))
        .unwrap();
    let s = doc.section_mut(&internal).unwrap();
    s.body = LocalText::new(SECRET, SECRET);
    s.hidden = true;
    doc.add_measure(
        &internal,
        Measure::new(LocalText::new(SECRET_MEASURE, SECRET_MEASURE)),
    )
    .unwrap();
    (doc, internal)
}

fn report_text(old: &Document, new: &Document) -> String {
    let d = compare(old, new);
    let r = Report::new(
        &d,
        Lang::De,
        Fingerprint::version("1.0", "aaaa"),
        Fingerprint::version("1.1", "bbbb"),
    );
    format!("{}\n{}", r.to_text(), r.to_markdown())
}

fn kinds(old: &Document, new: &Document) -> Vec<&'static str> {
    compare(old, new)
        .changes
        .iter()
        .map(|c| c.kind.key())
        .collect()
}

#[test]
fn a_section_added_hidden_never_reaches_the_diff() {
    let mut old = Document::empty_template(Lang::De, "Muster GmbH");
    old.section_mut(&sid("encryption")).unwrap().body =
        LocalText::new("Daten werden verschlüsselt.", "Data is encrypted.");
    let (new, _) = with_hidden_section();
    assert!(compare(&old, &new).is_empty(), "{:?}", kinds(&old, &new));
    assert!(compare(&new, &old).is_empty());
    assert!(!report_text(&old, &new).contains(SECRET));
    // The internal mode shows it, with its text and measure.
    let full = compare_including_hidden(&old, &new);
    assert!(
        full.changes.iter().any(|c| c.kind.key() == "section-added"),
        "{full:?}"
    );
    assert!(format!("{full:?}").contains(SECRET_MEASURE));
}

#[test]
fn edits_inside_a_hidden_section_never_reach_the_diff() {
    let (old, internal) = with_hidden_section();
    let mut new = old.clone();
    new.section_mut(&internal).unwrap().body.de = format!("{SECRET} geändert");
    new.add_measure(&internal, Measure::new(LocalText::new("Noch intern", "")))
        .unwrap();
    // A hidden subsection of a visible section, edited too.
    let sub = new
        .add_custom_section(
            Some(&sid("confidentiality")),
            LocalText::new("Unterintern", ""),
        )
        .unwrap();
    new.section_mut(&sub).unwrap().hidden = true;
    new.section_mut(&sub).unwrap().body.de = SECRET.into();
    assert_eq!(kinds(&old, &new), Vec::<&str>::new());
    assert!(!report_text(&old, &new).contains(SECRET));
}

#[test]
fn hiding_and_showing_appear_without_text() {
    let (hidden, internal) = with_hidden_section();
    let mut shown = hidden.clone();
    shown.section_mut(&internal).unwrap().hidden = false;
    // A subsection under it goes and comes with it: no separate change.
    let child = shown
        .add_custom_section(Some(&internal), LocalText::new("Kind", "Child"))
        .unwrap();
    shown.section_mut(&child).unwrap().body.de = "Kindtext".into();
    let mut hidden_with_child = shown.clone();
    hidden_with_child.section_mut(&internal).unwrap().hidden = true;
    assert_eq!(kinds(&hidden_with_child, &shown), vec!["section-shown"]);
    assert_eq!(kinds(&shown, &hidden_with_child), vec!["section-hidden"]);
    let text = report_text(&shown, &hidden_with_child);
    assert!(!text.contains(SECRET), "{text}");
    assert!(!text.contains(SECRET_MEASURE), "{text}");
    assert!(!text.contains("Kindtext"), "{text}");
    let text = report_text(&hidden_with_child, &shown);
    assert!(!text.contains(SECRET), "{text}");
    assert!(!text.contains(SECRET_MEASURE), "{text}");
}

#[test]
fn a_measure_moved_out_of_a_hidden_section_appears_as_added() {
    let (old, internal) = with_hidden_section();
    let mut new = old.clone();
    let m = new.section(&internal).unwrap().measures[0].clone();
    new.section_mut(&internal).unwrap().measures.clear();
    new.section_mut(&sid("encryption"))
        .unwrap()
        .measures
        .push(m);
    assert_eq!(kinds(&old, &new), vec!["measure-added"]);
    assert_eq!(kinds(&new, &old), vec!["measure-removed"]);
    let text = report_text(&old, &new);
    assert!(!text.contains(SECRET), "{text}");
    assert!(!text.contains("Intern\n"), "{text}");
}

fn options(lang: Lang) -> ExportOptions {
    ExportOptions {
        lang,
        version: None,
        toc: true,
        history: true,
        measures: MeasureLayout::Table,
        date: date!(2026 - 03 - 05),
    }
}

fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

#[test]
fn a_hidden_section_never_reaches_an_export() {
    let (doc, _) = with_hidden_section();
    let mut file = TomFile::new(doc);
    file.release("1.0", date!(2026 - 03 - 01), "DSB", "Erste Fassung")
        .unwrap();
    for lang in [Lang::De, Lang::En] {
        for measures in [MeasureLayout::List, MeasureLayout::Table] {
            let opts = ExportOptions {
                measures,
                ..options(lang)
            };
            let md = export::markdown::markdown(&file, &opts).unwrap();
            assert!(md.contains("Data is encrypted") || md.contains("verschlüsselt"));
            assert!(!md.contains(SECRET) && !md.contains(SECRET_MEASURE), "{md}");
            let pdf = export::pdf(&file, &opts).unwrap();
            let text: String = pdf_text(&pdf.bytes)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            assert!(!text.contains(SECRET) && !text.contains(SECRET_MEASURE));
            assert!(!text.contains("Intern"), "{text}");
        }
    }
}

fn tomwerk(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tomwerk"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

#[test]
fn tomwerk_diff_never_shows_a_hidden_section() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.tom");
    let mut old = Document::empty_template(Lang::De, "Muster GmbH");
    old.section_mut(&sid("encryption")).unwrap().body =
        LocalText::new("Daten werden verschlüsselt.", "Data is encrypted.");
    let mut file = TomFile::new(old);
    file.release("1.0", date!(2026 - 03 - 01), "DSB", "")
        .unwrap();
    let (mut working, _) = with_hidden_section();
    working.section_mut(&sid("encryption")).unwrap().body.de = "Alles verschlüsselt.".into();
    file.working = working;
    tomwerk::store::save(&path, &file).unwrap();
    let f = path.to_str().unwrap();
    let out = tomwerk(&[
        "diff", f, "--from", "1.0", "--to", "working", "--lang", "de",
    ]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Alles"), "{text}");
    assert!(!text.contains(SECRET) && !text.contains("Intern"), "{text}");
    for ext in ["md", "pdf"] {
        let report = dir.path().join(format!("r.{ext}"));
        let out = tomwerk(&[
            "diff",
            f,
            "--from",
            "1.0",
            "--out",
            report.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{out:?}");
        let bytes = std::fs::read(&report).unwrap();
        let text = if ext == "pdf" {
            pdf_text(&bytes)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        } else {
            String::from_utf8(bytes).unwrap()
        };
        assert!(text.contains("Alles"), "{text}");
        assert!(!text.contains(SECRET) && !text.contains("Intern"), "{text}");
    }
}
