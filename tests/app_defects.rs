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

// ---------------------------------------------------------------- issue 15, points 5 and 6

mod ui {
    use std::path::Path;

    use egui::accesskit::Role;
    use egui::{Key, Modifiers};
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    use time::macros::date;
    use tomwerk::app::{AppConfig, Settings, TomwerkApp};
    use tomwerk::model::{Document, Lang, LocalText, SectionId};
    use tomwerk::store::{self, TomFile};

    fn harness(config: AppConfig) -> Harness<'static, TomwerkApp> {
        Harness::builder()
            .with_size(egui::vec2(1280.0, 900.0))
            .with_step_dt(1.0 / 60.0)
            .build_eframe(move |cc| {
                TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
            })
    }

    /// The app with `path` open.
    fn app_with_file(data: &Path, path: &Path, lang: Lang) -> Harness<'static, TomwerkApp> {
        let mut config = AppConfig::headless(data);
        config.file = Some(path.to_owned());
        config.ui_lang = Some(lang);
        let mut h = harness(config);
        h.run();
        h
    }

    /// A file with version 1.1 of 15 September 2025 and a changed working copy.
    fn file_with_version(path: &Path) {
        let mut doc = Document::empty_template(Lang::De, "Muster GmbH");
        doc.section_mut(&SectionId::from("encryption"))
            .unwrap()
            .body = LocalText::new("Daten werden verschlüsselt.", "Data is encrypted.");
        let mut file = TomFile::new(doc);
        file.release("1.1", date!(2025 - 09 - 15), "DSB", "")
            .unwrap();
        file.working
            .section_mut(&SectionId::from("encryption"))
            .unwrap()
            .body
            .en = "Data is encrypted with AES.".into();
        store::save(path, &file).unwrap();
    }

    fn release(h: &mut Harness<'_, TomwerkApp>, button: &str) {
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
        h.run();
        h.get_by_label(button).click();
        h.run();
    }

    #[test]
    fn a_release_of_a_document_with_a_file_is_saved_at_once() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tom");
        file_with_version(&path);
        let mut h = app_with_file(data.path(), &path, Lang::En);
        let suggested = h.state().editor.file.suggest_next_label();
        release(&mut h, "Release");
        let on_disk = store::load(&path).unwrap();
        assert_eq!(on_disk.versions.len(), 2);
        assert_eq!(on_disk.latest().unwrap().label, suggested);
        assert!(on_disk.verify().is_ok());
        // The working copy went with it, and nothing is left unsaved.
        assert!(on_disk.working.content_eq(h.state().editor.doc()));
        assert!(!h.state().editor.is_dirty());
        assert!(
            h.state()
                .toast_texts()
                .iter()
                .any(|t| t.contains("released and saved")),
            "{:?}",
            h.state().toast_texts()
        );
    }

    #[test]
    fn a_release_that_cannot_be_written_says_it_is_not_saved() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("gone");
        std::fs::create_dir(&folder).unwrap();
        let path = folder.join("t.tom");
        file_with_version(&path);
        let mut h = app_with_file(data.path(), &path, Lang::En);
        // The folder disappears (a network share gone, a USB stick pulled).
        std::fs::remove_dir_all(&folder).unwrap();
        release(&mut h, "Release");
        assert!(
            h.state()
                .toast_texts()
                .iter()
                .any(|t| t.contains("NOT saved")),
            "{:?}",
            h.state().toast_texts()
        );
        // The version is kept in memory, unsaved, and a dialog says why.
        assert_eq!(h.state().editor.file.versions.len(), 2);
        assert!(h.state().editor.is_dirty());
        assert!(h.state().open_dialogs() >= 1);
        assert!(!path.exists());
    }

    #[test]
    fn a_release_without_a_file_asks_for_one_and_saves_there() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness(AppConfig::headless(data.path()));
        h.run();
        let before = h.state().editor.file.versions.len();
        // Something to release: the example unchanged has nothing new.
        h.get_by_label("2. Encryption").click();
        h.run();
        h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
            .click();
        h.run();
        h.get_by_role_and_label(Role::MultilineTextInput, "Body text")
            .type_text(" Neu.");
        h.run();
        release(&mut h, "Release");
        assert!(
            h.state()
                .toast_texts()
                .iter()
                .any(|t| t.contains("not saved yet")),
            "{:?}",
            h.state().toast_texts()
        );
        let path = dir.path().join("neu.tom");
        h.get_by_role_and_label(Role::TextInput, "Path").focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_role_and_label(Role::TextInput, "Path")
            .type_text(path.to_str().unwrap());
        h.run();
        h.get_by_label("OK").click();
        h.run();
        let on_disk = store::load(&path).unwrap();
        assert_eq!(on_disk.versions.len(), before + 1);
        assert!(!h.state().editor.is_dirty());
    }

    fn view_version(h: &mut Harness<'_, TomwerkApp>, view: &str) {
        h.key_press_modifiers(Modifiers::COMMAND, Key::H);
        h.run();
        // The last one: the menu bar has a "View" menu too.
        h.get_all_by_label(view).last().unwrap().click();
        h.run();
    }

    /// The banner's button of that name: the history panel has a "Back to the working
    /// copy" too, and the central panel (with the banner) is drawn after it.
    fn banner_button(h: &mut Harness<'_, TomwerkApp>, label: &str) {
        h.get_all_by_label(label).last().unwrap().click();
        h.run();
    }

    #[test]
    fn a_version_opened_read_only_shows_a_banner_and_disables_editing() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tom");
        file_with_version(&path);
        let mut h = app_with_file(data.path(), &path, Lang::En);
        // A German document: the tree shows the content language (issue 15.9).
        h.get_by_label("2. Verschlüsselung").click();
        h.run();
        let body = || (Role::MultilineTextInput, "Body text");
        assert!(
            !h.get_by_role_and_label(body().0, body().1)
                .accesskit_node()
                .is_disabled()
        );
        assert!(
            h.query_by_label_contains("read only").is_none(),
            "no banner on the working copy"
        );
        view_version(&mut h, "View");
        h.get_by_label("Version 1.1 of 15 September 2025 – read only");
        assert!(
            h.get_by_role_and_label(body().0, body().1)
                .accesskit_node()
                .is_disabled(),
            "the body text is disabled in the version view"
        );
        banner_button(&mut h, "Back to the working copy");
        assert!(h.state().view.viewing.is_none());
        assert!(h.query_by_label_contains("read only").is_none());
        assert!(
            !h.get_by_role_and_label(body().0, body().1)
                .accesskit_node()
                .is_disabled()
        );
        assert_eq!(
            h.state()
                .editor
                .doc()
                .section(&SectionId::from("encryption"))
                .unwrap()
                .body
                .en,
            "Data is encrypted with AES."
        );
    }

    #[test]
    fn the_german_banner_restores_the_version() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tom");
        file_with_version(&path);
        let mut h = app_with_file(data.path(), &path, Lang::De);
        view_version(&mut h, "Ansehen");
        h.get_by_label("Version 1.1 vom 15.09.2025 – nur lesen");
        h.get_by_label("Zurück zur Arbeitskopie");
        banner_button(&mut h, "Diese Version wiederherstellen");
        assert!(h.state().view.viewing.is_none());
        let version = h.state().editor.file.versions[0].document().unwrap();
        assert!(h.state().editor.doc().content_eq(&version));
        assert!(h.query_by_label_contains("nur lesen").is_none());
    }
}
