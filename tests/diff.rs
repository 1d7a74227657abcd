//! Integration tests of the comparison: every change class on hand-made document pairs,
//! mirrored counts, ordering, the change report, and the `tomwerk diff` command.

use std::process::Command;

use tomwerk::diff::{
    Change, ChangeKind, DocDiff, Fingerprint, MetaField, Report, SegmentKind, Side, compare,
};
use tomwerk::model::{
    Document, Lang, LocalText, Measure, MeasureId, MeasureKind, MeasureStatus, SectionId,
};

/// A small document with text in a few sections, two custom sections and four measures.
fn base() -> Document {
    let mut doc = Document::empty_template(Lang::De, "Muster GmbH");
    doc.intro = LocalText::new("Wir schützen Daten.", "We protect data.");
    for (id, de, en) in [
        (
            "encryption",
            "Die Daten werden täglich verschlüsselt gesichert.",
            "Data is backed up encrypted every day.",
        ),
        (
            "confidentiality.separation",
            "Test und Produktion sind getrennt.",
            "Test and production are separate.",
        ),
        ("availability", "Zwei Rechenzentren.", "Two data centres."),
    ] {
        doc.section_mut(&id.into()).unwrap().body = LocalText::new(de, en);
    }
    let custom = doc
        .add_custom_section(
            Some(&"confidentiality".into()),
            LocalText::new("Homeoffice", "Remote work"),
        )
        .unwrap();
    doc.section_mut(&custom).unwrap().body = LocalText::new(
        "Arbeit von zu Hause ist geregelt.",
        "Remote work is regulated.",
    );
    doc.add_custom_section(None, LocalText::new("Schulungen", "Training"))
        .unwrap();
    for (section, de, en) in [
        (
            "encryption",
            "TLS für alle Verbindungen",
            "TLS for all connections",
        ),
        (
            "encryption",
            "Festplattenverschlüsselung",
            "Full-disk encryption",
        ),
        (
            "confidentiality.system_access",
            "Passwortrichtlinie",
            "Password policy",
        ),
        (
            "confidentiality.system_access",
            "Sperre nach Fehlversuchen",
            "Lock-out after failed logins",
        ),
    ] {
        doc.add_measure(&section.into(), Measure::new(LocalText::new(de, en)))
            .unwrap();
    }
    doc
}

fn sid(s: &str) -> SectionId {
    s.into()
}

fn kinds(d: &DocDiff) -> Vec<&'static str> {
    d.changes.iter().map(|c| c.kind.key()).collect()
}

fn measure_id(doc: &Document, de: &str) -> MeasureId {
    doc.all_measures()
        .into_iter()
        .find(|(_, m)| m.text.de == de)
        .map(|(_, m)| m.id.clone())
        .unwrap()
}

fn custom_id(doc: &Document, de_title: &str) -> SectionId {
    doc.all_sections()
        .into_iter()
        .find(|(s, _)| s.title.de == de_title)
        .map(|(s, _)| s.id.clone())
        .unwrap()
}

/// A→B and B→A must report mirrored counts, and the diff must be the same run to run.
fn check_mirrored(a: &Document, b: &Document) -> DocDiff {
    let ab = compare(a, b);
    let ba = compare(b, a);
    assert_eq!(ab.summary().mirrored(), ba.summary(), "A→B vs B→A");
    assert_eq!(ab, compare(a, b), "deterministic");
    for (i, c) in ab.changes.iter().enumerate() {
        assert_eq!(c.index, i);
    }
    ab
}

#[test]
fn identical_documents_give_an_empty_diff() {
    let a = base();
    let d = compare(&a, &a.clone());
    assert!(d.is_empty());
    assert!(d.summary().is_empty());
    assert_eq!(d.summary().line(Lang::En), "No changes");
    let ex = tomwerk::store::example();
    assert!(compare(&ex.working, &ex.working).is_empty());
    // The id counter alone is not a change.
    let mut b = a.clone();
    b.next_id += 10;
    assert!(compare(&a, &b).is_empty());
}

#[test]
fn metadata_fields_are_reported_each() {
    let a = base();
    let mut b = a.clone();
    b.meta.responsible = LocalText::new("Erika Muster", "Erika Muster");
    b.meta.review_interval_months = 6;
    b.meta.purpose.en = "Annex 3".into();
    b.meta.extra.insert("Gültig ab".into(), "2026-04-01".into());
    let d = check_mirrored(&a, &b);
    let fields: Vec<MetaField> = d
        .changes
        .iter()
        .map(|c| match &c.kind {
            ChangeKind::Meta { field, .. } => field.clone(),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        fields,
        vec![
            MetaField::Purpose,
            MetaField::Responsible,
            MetaField::ReviewInterval,
            MetaField::Extra("Gültig ab".into())
        ]
    );
    assert_eq!(d.summary().metadata_changed, 4);
    let ChangeKind::Meta { text, .. } = &d.changes[0].kind else {
        unreachable!()
    };
    assert!(text.changed_in(Lang::En) && !text.changed_in(Lang::De));
    assert!(d.changes.iter().all(|c| c.section.is_none()));
}

#[test]
fn intro_and_body_changes_have_word_segments() {
    let a = base();
    let mut b = a.clone();
    b.intro.de = "Wir schützen personenbezogene Daten.".into();
    b.section_mut(&sid("encryption")).unwrap().body.de =
        "Die Daten werden stündlich verschlüsselt gesichert.".into();
    let d = check_mirrored(&a, &b);
    assert_eq!(kinds(&d), vec!["intro", "section-body"]);
    let ChangeKind::SectionBody(t) = &d.changes[1].kind else {
        unreachable!()
    };
    assert!(t.changed_in(Lang::De));
    assert!(!t.changed_in(Lang::En));
    let de = t.segments(Lang::De);
    assert!(
        de.iter()
            .any(|s| s.kind == SegmentKind::Delete && s.text == "täglich")
    );
    assert!(
        de.iter()
            .any(|s| s.kind == SegmentKind::Insert && s.text == "stündlich")
    );
    assert!(
        t.segments(Lang::En)
            .iter()
            .all(|s| s.kind == SegmentKind::Equal)
    );
    assert_eq!(
        d.changes[1].section.as_ref().unwrap().heading(Lang::De),
        "2. Verschlüsselung"
    );
    assert_eq!(d.summary().sections_changed, 1);
    assert!(d.summary().intro_changed);
}

#[test]
fn added_and_removed_sections_mirror() {
    let a = base();
    let mut b = a.clone();
    let new_id = b
        .add_custom_section_after(
            &sid("availability"),
            LocalText::new("Notfallplan", "Emergency plan"),
        )
        .unwrap();
    b.section_mut(&new_id).unwrap().body =
        LocalText::new("Es gibt einen Plan.", "There is a plan.");
    b.add_measure(
        &new_id,
        Measure::new(LocalText::new("Notfallübung", "Emergency drill")),
    )
    .unwrap();
    let d = check_mirrored(&a, &b);
    assert_eq!(kinds(&d), vec!["section-added", "measure-added"]);
    let added = &d.changes[0];
    assert_eq!(added.section.as_ref().unwrap().id, new_id);
    assert_eq!(
        added.section.as_ref().unwrap().new_number.as_deref(),
        Some("6.")
    );
    assert_eq!(added.side(), Side::New);
    let s = d.summary();
    assert_eq!((s.sections_added, s.measures_added), (1, 1));
    // Sections after the new one are renumbered, but they did not move.
    assert_eq!(s.sections_moved, 0);

    let back = compare(&b, &a);
    assert_eq!(kinds(&back), vec!["section-removed", "measure-removed"]);
    let removed = &back.changes[0];
    assert_eq!(removed.side(), Side::Old);
    assert_eq!(
        removed.section.as_ref().unwrap().old_number.as_deref(),
        Some("6.")
    );
    let ChangeKind::SectionRemoved { body: Some(t) } = &removed.kind else {
        panic!("{:?}", removed.kind)
    };
    assert!(
        t.segments(Lang::De)
            .iter()
            .all(|s| s.kind == SegmentKind::Delete)
    );
}

#[test]
fn moved_section_reports_old_and_new_number() {
    let a = base();
    let mut b = a.clone();
    // 3.4. Trennungskontrolle becomes the first subsection of 4. Integrität.
    b.move_section_to(
        &sid("confidentiality.separation"),
        Some(&sid("integrity")),
        0,
    )
    .unwrap();
    let d = check_mirrored(&a, &b);
    assert_eq!(kinds(&d), vec!["section-moved"]);
    let ChangeKind::SectionMoved {
        old_parent,
        new_parent,
        old_number,
        new_number,
    } = &d.changes[0].kind
    else {
        unreachable!()
    };
    assert_eq!(old_number.as_deref(), Some("3.4."));
    assert_eq!(new_number.as_deref(), Some("4.1."));
    assert_eq!(old_parent.as_ref(), Some(&sid("confidentiality")));
    assert_eq!(new_parent.as_ref(), Some(&sid("integrity")));
    let text = Report::new(
        &d,
        Lang::En,
        Fingerprint::version("1", "aaa"),
        Fingerprint::version("2", "bbb"),
    )
    .to_text();
    assert!(text.contains("3.4. → 4.1."), "{text}");
}

#[test]
fn reordering_siblings_marks_only_the_moved_one() {
    let a = base();
    let mut b = a.clone();
    // Evaluation (8.) to the top: the seven others keep their relative order.
    b.move_section_to(&sid("evaluation"), None, 0).unwrap();
    let d = check_mirrored(&a, &b);
    assert_eq!(kinds(&d), vec!["section-moved"]);
    assert_eq!(d.changes[0].section.as_ref().unwrap().id, sid("evaluation"));
    // Swapping two measures is one move, in both directions.
    let mut c = a.clone();
    let m = measure_id(&c, "Festplattenverschlüsselung");
    c.move_measure(&m, true).unwrap();
    let d = check_mirrored(&a, &c);
    assert_eq!(kinds(&d), vec!["measure-moved"]);
}

#[test]
fn renamed_and_moved_section_is_not_removed_plus_added() {
    let a = base();
    let mut b = a.clone();
    let home = custom_id(&b, "Homeoffice");
    b.section_mut(&home).unwrap().title = LocalText::new("Mobiles Arbeiten", "Mobile work");
    b.move_section_to(&home, Some(&sid("integrity")), 5)
        .unwrap();
    let d = check_mirrored(&a, &b);
    assert_eq!(kinds(&d), vec!["section-moved", "section-renamed"]);
    let s = d.summary();
    assert_eq!((s.sections_added, s.sections_removed), (0, 0));
    assert_eq!((s.sections_moved, s.sections_changed), (1, 1));
    let sref = d.changes[1].section.as_ref().unwrap();
    assert_eq!(sref.old_number.as_deref(), Some("3.5."));
    assert_eq!(sref.new_number.as_deref(), Some("4.3."));
    assert_eq!(sref.heading(Lang::De), "4.3. Mobiles Arbeiten");
    let ChangeKind::SectionRenamed(t) = &d.changes[1].kind else {
        unreachable!()
    };
    assert_eq!(t.old.de, "Homeoffice");
    assert_eq!(t.new.en, "Mobile work");
}

#[test]
fn hidden_and_shown_sections() {
    let a = base();
    let mut b = a.clone();
    b.section_mut(&sid("pseudonymisation")).unwrap().hidden = true;
    let d = check_mirrored(&a, &b);
    assert_eq!(kinds(&d), vec!["section-hidden"]);
    let sref = d.changes[0].section.as_ref().unwrap();
    assert_eq!(sref.old_number.as_deref(), Some("1."));
    assert_eq!(sref.new_number, None);
    assert_eq!(kinds(&compare(&b, &a)), vec!["section-shown"]);
}

#[test]
fn measure_changes_of_every_kind() {
    let a = base();
    let mut b = a.clone();
    let tls = measure_id(&b, "TLS für alle Verbindungen");
    let disk = measure_id(&b, "Festplattenverschlüsselung");
    let pw = measure_id(&b, "Passwortrichtlinie");
    let lock = measure_id(&b, "Sperre nach Fehlversuchen");
    // Changed: text, kind, status and note.
    {
        let s = b.section_mut(&sid("encryption")).unwrap();
        let m = s.measures.iter_mut().find(|m| m.id == tls).unwrap();
        m.text.de = "TLS 1.3 für alle Verbindungen".into();
        m.kind = MeasureKind::Organisational;
        m.status = MeasureStatus::Planned;
        m.note = LocalText::new("bis Juni", "by June");
    }
    // Removed.
    b.remove_measure(&disk).unwrap();
    // Moved to another section.
    let moved = b.remove_measure(&pw).unwrap();
    b.section_mut(&sid("confidentiality.data_access"))
        .unwrap()
        .measures
        .push(moved);
    // Added.
    let added = b
        .add_measure(
            &sid("confidentiality.system_access"),
            Measure::new(LocalText::new("MFA", "MFA")),
        )
        .unwrap();
    let d = check_mirrored(&a, &b);
    assert_eq!(
        kinds(&d),
        // Document order: 2. Verschlüsselung, 3.2. Zugangskontrolle, 3.3. Zugriffskontrolle.
        vec![
            "measure-changed",
            "measure-removed",
            "measure-added",
            "measure-moved"
        ]
    );
    let ids: Vec<&MeasureId> = d
        .changes
        .iter()
        .map(|c| &c.measure.as_ref().unwrap().id)
        .collect();
    assert_eq!(ids, vec![&tls, &disk, &added, &pw]);
    let ChangeKind::MeasureChanged {
        kind,
        status,
        text,
        note,
    } = &d.changes[0].kind
    else {
        unreachable!()
    };
    assert_eq!(
        *kind,
        Some((MeasureKind::Technical, MeasureKind::Organisational))
    );
    assert_eq!(
        *status,
        Some((MeasureStatus::Implemented, MeasureStatus::Planned))
    );
    let text = text.as_ref().unwrap();
    assert!(
        text.segments(Lang::De)
            .iter()
            .any(|s| s.kind == SegmentKind::Insert && s.text.contains("1.3"))
    );
    assert!(note.is_some());
    let ChangeKind::MeasureMoved { from, .. } = &d.changes[3].kind else {
        unreachable!()
    };
    assert_eq!(from.id, sid("confidentiality.system_access"));
    assert_eq!(
        d.changes[3].section.as_ref().unwrap().id,
        sid("confidentiality.data_access")
    );
    // The unchanged lock-out measure is not mentioned.
    assert!(
        d.changes
            .iter()
            .all(|c| c.measure.as_ref().unwrap().id != lock)
    );
    let s = d.summary();
    assert_eq!(
        (
            s.measures_added,
            s.measures_removed,
            s.measures_moved,
            s.measures_changed
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(
        s.line(Lang::En),
        "1 measure changed, 1 measure added, 1 measure removed, 1 measure moved"
    );
}

#[test]
fn changes_follow_the_newer_document_with_removals_in_place() {
    let a = base();
    let mut b = a.clone();
    let training = custom_id(&b, "Schulungen");
    b.remove_section(&training).unwrap();
    let home = custom_id(&b, "Homeoffice");
    b.remove_section(&home).unwrap();
    b.section_mut(&sid("evaluation")).unwrap().body.de = "Jährlich.".into();
    b.section_mut(&sid("pseudonymisation")).unwrap().body.en = "Codes.".into();
    b.meta.responsible.de = "X".into();
    b.section_mut(&sid("integrity")).unwrap().body.de = "Neu.".into();
    let d = check_mirrored(&a, &b);
    let order: Vec<(String, &str)> = d
        .changes
        .iter()
        .map(|c: &Change| {
            (
                c.section
                    .as_ref()
                    .map(|s| s.id.to_string())
                    .unwrap_or_default(),
                c.kind.key(),
            )
        })
        .collect();
    assert_eq!(
        order,
        vec![
            (String::new(), "meta"),
            ("pseudonymisation".into(), "section-body"),
            (home.to_string(), "section-removed"),
            ("integrity".into(), "section-body"),
            ("evaluation".into(), "section-body"),
            (training.to_string(), "section-removed"),
        ]
    );
    // Navigation steps through them in that order.
    assert_eq!(d.next_index(None), Some(0));
    assert_eq!(d.next_index(Some(4)), Some(5));
    assert_eq!(d.next_index(Some(5)), None);
    assert_eq!(d.previous_index(None), Some(5));
    assert_eq!(d.previous_index(Some(0)), None);
    assert_eq!(d.changes_in_section(&sid("integrity")), vec![3]);
}

#[test]
fn a_mixed_edit_mirrors_in_both_directions() {
    let a = tomwerk::store::large_example(2);
    let mut b = a.clone();
    let customs: Vec<SectionId> = b
        .all_sections()
        .into_iter()
        .filter(|(s, _)| s.canonical().is_none())
        .map(|(s, _)| s.id.clone())
        .collect();
    b.move_section_to(&customs[0], Some(&sid("evaluation")), 0)
        .unwrap();
    b.move_section_to(&customs[3], None, 0).unwrap();
    b.remove_section(&customs[5]).unwrap();
    b.section_mut(&customs[6])
        .unwrap()
        .body
        .de
        .push_str(" Ergänzt.");
    b.section_mut(&customs[7]).unwrap().title.en = "Renamed".into();
    let ms: Vec<MeasureId> = b.all_measures().iter().map(|(_, m)| m.id.clone()).collect();
    b.remove_measure(&ms[4]).unwrap();
    b.move_measure(&ms[8], false).unwrap();
    let d = check_mirrored(&a, &b);
    let s = d.summary();
    assert_eq!(s.sections_moved, 2);
    assert_eq!(s.sections_removed, 1);
    assert_eq!(s.sections_changed, 2);
    assert!(s.measures_removed >= 4, "{s:?}"); // the removed section's 3 and one more
}

#[test]
fn report_marks_words_and_names_the_versions() {
    let a = base();
    let mut b = a.clone();
    b.section_mut(&sid("encryption")).unwrap().body.de =
        "Die Daten werden stündlich verschlüsselt gesichert.".into();
    let d = compare(&a, &b);
    let fp = Fingerprint::working(&b).unwrap();
    assert_eq!(fp.hash.len(), tomwerk::store::FINGERPRINT_DIGITS);
    let r = Report::new(
        &d,
        Lang::De,
        Fingerprint::version("2.0", "0123456789ab"),
        fp.clone(),
    );
    assert_eq!(
        r.title,
        "Änderungen der TOM von Version 2.0 zum Arbeitsstand"
    );
    let text = r.to_text();
    assert!(text.contains("[-täglich-]"), "{text}");
    assert!(text.contains("{+stündlich+}"), "{text}");
    assert!(text.contains("2. Verschlüsselung: Text geändert"), "{text}");
    let md = r.to_markdown();
    assert!(md.contains("~~täglich~~"), "{md}");
    assert!(md.contains("<ins>stündlich</ins>"), "{md}");
    assert!(md.contains("Prüfsumme Version 2.0: 0123456789ab"), "{md}");
    assert!(
        md.contains(&format!("Prüfsumme Arbeitsstand: {}", fp.hash)),
        "{md}"
    );
    let en = Report::new(
        &d,
        Lang::En,
        Fingerprint::version("2.0", "x"),
        Fingerprint::version("2.1", "y"),
    );
    assert_eq!(en.title, "Changes to the TOM from version 2.0 to 2.1");
    // Only the German text changed: the English report shows it, labelled.
    assert!(en.to_text().contains("Text (German)"), "{}", en.to_text());
    // An empty diff prints nothing.
    let empty = Report::new(&compare(&a, &a), Lang::De, fp.clone(), fp);
    assert_eq!(empty.to_text(), "");
}

// ---- the command line ----

fn tomwerk(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tomwerk"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

fn example_file(dir: &tempfile::TempDir) -> String {
    let path = dir.path().join("ex.tom");
    let p = path.to_str().unwrap().to_owned();
    let out = tomwerk(&["example", &p]);
    assert!(out.status.success(), "{out:?}");
    p
}

#[test]
fn cli_prints_the_changes_between_versions() {
    let dir = tempfile::tempdir().unwrap();
    let f = example_file(&dir);
    let out = tomwerk(&["diff", &f, "--from", "1.0", "--to", "2.0", "--lang", "en"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Changes to the TOM from version 1.0 to 2.0\n"),
        "{text}"
    );
    assert!(text.contains("[1] "), "{text}");
    // Stable from run to run.
    let again = tomwerk(&["diff", &f, "--from", "1.0", "--to", "2.0", "--lang", "en"]);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), text);
    // The same comparison through the library gives the same number of blocks.
    let file = tomwerk::store::load(std::path::Path::new(&f)).unwrap();
    let d = compare(
        &file.version("1.0").unwrap().document().unwrap(),
        &file.version("2.0").unwrap().document().unwrap(),
    );
    assert!(!d.is_empty());
    assert_eq!(text.matches("\n[").count(), d.changes.len());
}

#[test]
fn cli_same_version_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let f = example_file(&dir);
    for (from, to) in [("2.0", "2.0"), ("1.1", "1.1"), ("2.0", "working")] {
        let out = tomwerk(&["diff", &f, "--from", from, "--to", to]);
        assert!(out.status.success(), "{out:?}");
        assert!(out.stdout.is_empty(), "{from}→{to}: {out:?}");
    }
}

#[test]
fn cli_unknown_label_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = example_file(&dir);
    let out = tomwerk(&["diff", &f, "--from", "9.9", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("9.9") && err.contains("1.0, 1.1, 2.0"),
        "{err}"
    );
    let out = tomwerk(&["diff", &f, "--from", "1.0", "--to", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    let missing = tomwerk(&["diff", "/nonexistent/x.tom", "--from", "1.0"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn cli_writes_a_markdown_report_against_the_working_copy() {
    let dir = tempfile::tempdir().unwrap();
    let f = example_file(&dir);
    // Edit the working copy so there is something to report.
    let mut file = tomwerk::store::load(std::path::Path::new(&f)).unwrap();
    file.working
        .section_mut(&sid("encryption"))
        .unwrap()
        .body
        .de = "Völlig neuer Text.".into();
    tomwerk::store::save(std::path::Path::new(&f), &file).unwrap();
    let md = dir.path().join("report.md");
    let out = tomwerk(&[
        "diff",
        &f,
        "--from",
        "1.1",
        "--lang",
        "de",
        "--out",
        md.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.starts_with("# Änderungen der TOM von Version 1.1 zum Arbeitsstand"),
        "{text}"
    );
    assert!(text.contains("<ins>Völlig neuer Text.</ins>"), "{text}");
    // The old text, which shares nothing with the new, is struck through whole.
    assert!(text.contains("~~Personenbezogene Daten"), "{text}");
    // The front matter names the version with its date, author and full checksum.
    let v11 = file.version("1.1").unwrap();
    assert!(
        text.contains(&format!("Prüfsumme Version 1.1: {}", v11.hash)),
        "{text}"
    );
    assert!(
        text.contains("15.09.2025") && text.contains(&v11.author),
        "{text}"
    );
    let working = tomwerk::diff::fingerprint_of(&file.working).unwrap();
    assert!(
        text.contains(&format!("Prüfsumme Arbeitsstand: {working}")),
        "{text}"
    );
    // An unsupported extension is refused and nothing is written.
    let bad = dir.path().join("report.odt");
    let out = tomwerk(&["diff", &f, "--from", "1.1", "--out", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!bad.exists());
}

/// The PDF's text without any white space: lopdf joins lines without a space.
fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    squash(&doc.extract_text(&pages).unwrap())
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn pdf_report_parses_back_with_title_changes_and_fingerprints() {
    let a = base();
    let mut b = a.clone();
    b.section_mut(&sid("encryption")).unwrap().body.de =
        "Die Daten werden stündlich verschlüsselt gesichert.".into();
    let home = custom_id(&b, "Homeoffice");
    b.move_section_to(&home, Some(&sid("integrity")), 0)
        .unwrap();
    let d = compare(&a, &b);
    let from = Fingerprint::version("2.0", "0123456789ab");
    let to = Fingerprint::working(&b).unwrap();
    let report = Report::new(&d, Lang::De, from, to.clone());
    let out = report
        .pdf("Muster GmbH", time::macros::date!(2026 - 03 - 01))
        .unwrap();
    assert!(out.pages >= 1);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let flat = pdf_text(&out.bytes);
    assert!(
        flat.contains(&squash(
            "Änderungen der TOM von Version 2.0 zum Arbeitsstand"
        )),
        "{flat}"
    );
    assert!(
        flat.contains("täglich") && flat.contains("stündlich"),
        "{flat}"
    );
    assert!(flat.contains("Abschnittverschoben"), "{flat}");
    assert!(flat.contains("0123456789ab"), "{flat}");
    assert!(flat.contains(&to.hash), "{flat}");
    // Deleted words are struck through and highlighted, inserted words highlighted.
    let blocks = report.to_blocks();
    let inlines: Vec<&tomwerk::export::blocks::Inline> = blocks
        .iter()
        .filter_map(|b| match b {
            tomwerk::export::blocks::Block::Paragraph(i) => Some(i),
            _ => None,
        })
        .flatten()
        .collect();
    let del = inlines.iter().find(|i| i.text == "täglich").unwrap();
    assert!(del.style.strike);
    assert_eq!(
        del.style.highlight,
        Some(tomwerk::export::blocks::Highlight::Deleted)
    );
    let ins = inlines.iter().find(|i| i.text == "stündlich").unwrap();
    assert_eq!(
        ins.style.highlight,
        Some(tomwerk::export::blocks::Highlight::Inserted)
    );
}

#[test]
fn cli_writes_a_pdf_report() {
    let dir = tempfile::tempdir().unwrap();
    let f = example_file(&dir);
    let pdf = dir.path().join("report.pdf");
    let out = tomwerk(&[
        "diff",
        &f,
        "--from",
        "1.0",
        "--to",
        "2.0",
        "--lang",
        "en",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let flat = pdf_text(&bytes);
    assert!(
        flat.contains(&squash("Changes to the TOM from version 1.0 to 2.0")),
        "{flat}"
    );
    let file = tomwerk::store::load(std::path::Path::new(&f)).unwrap();
    for label in ["1.0", "2.0"] {
        let v = file.version(label).unwrap();
        assert!(flat.contains(v.short_hash()), "{label}: {flat}");
    }
}
