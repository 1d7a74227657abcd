//! Tests of the editor defects of issues 15 and 20, second round: stale translations
//! (15.8), languages (20.2), checks (20.5), the release form (20.4), recovery (20.6) and
//! the rest. Each failed before its fix.

mod common;

use std::process::Command;

use time::macros::date;
use tomwerk::app::{DocEdit, Editor, TextField};
use tomwerk::checks::{self, Check, Field};
use tomwerk::diff::compare;
use tomwerk::export::{self, ExportOptions, MeasureLayout};
use tomwerk::model::{Document, Lang, LocalText, SectionId};
use tomwerk::store::{self, TomFile};

fn enc() -> SectionId {
    SectionId::from("encryption")
}

/// A file in today's format: both languages of 2. Encryption written, no translation
/// bookkeeping at all (as every `.tom` written before issue 15.8).
fn todays_file(path: &std::path::Path) {
    let mut doc = Document::empty_template(Lang::De, "Muster GmbH");
    doc.section_mut(&enc()).unwrap().body =
        LocalText::new("Daten werden verschlüsselt.", "Data is encrypted.");
    let mut file = TomFile::new(doc);
    file.release("1.0", date!(2026 - 03 - 01), "DSB", "Erstfassung")
        .unwrap();
    store::save(path, &file).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("format: 3"), "{text}");
    assert!(
        !text.contains("basis"),
        "today's format has no basis: {text}"
    );
}

fn stale(file: &TomFile) -> Vec<checks::Finding> {
    checks::run(file, date!(2026 - 03 - 05))
        .into_iter()
        .filter(|f| f.check == Check::StaleTranslation)
        .collect()
}

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

fn tomwerk(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tomwerk"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("TOMWERK_TODAY", "2026-03-05")
        .output()
        .unwrap()
}

// ---------------------------------------------------------------- 15.8 stale translations

#[test]
fn a_file_in_todays_format_loads_with_nothing_stale() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.tom");
    todays_file(&path);
    let file = store::load(&path).unwrap();
    assert!(file.verify().is_ok());
    assert!(stale(&file).is_empty());
    let body = &file.working.section(&enc()).unwrap().body;
    assert!(body.basis.is_none() && !body.is_stale(Lang::En));
}

#[test]
fn editing_the_german_text_makes_the_english_stale_and_the_file_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.tom");
    todays_file(&path);
    let mut editor = Editor::new(store::load(&path).unwrap(), Some(path.clone()));
    let field = TextField::SectionBody(enc());
    editor
        .apply(
            DocEdit::SetText(
                field.clone(),
                Lang::De,
                "Daten werden mit AES-256 verschlüsselt. Schlüssel liegen im HSM.".into(),
            ),
            0.0,
        )
        .unwrap();
    assert!(
        editor
            .doc()
            .section(&enc())
            .unwrap()
            .body
            .is_stale(Lang::En)
    );
    store::save(&path, &editor.file).unwrap();
    let file = store::load(&path).unwrap();
    assert!(file.verify().is_ok());
    let found = stale(&file);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].location.section, Some(enc()));
    assert_eq!(found[0].location.text, Some((Field::Body, Lang::En)));
    assert_eq!(found[0].level, checks::Level::Warning);
    assert!(found[0].message(Lang::En).contains("out of date"));
    assert!(found[0].message(Lang::De).contains("veraltet"));

    // The CLI reports it, and an English export warns and names the place.
    let f = path.to_str().unwrap();
    let out = tomwerk(&["check", f, "--lang", "en"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("out of date"), "{stdout}");
    for ext in ["pdf", "md", "docx"] {
        let target = dir.path().join(format!("en.{ext}"));
        let out = tomwerk(&["export", f, target.to_str().unwrap(), "--lang", "en"]);
        assert!(out.status.success(), "{out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("may be out of date") && stderr.contains("2. Encryption: text"),
            "{ext}: {stderr}"
        );
    }
    // A German export has nothing to say about it.
    let target = dir.path().join("de.pdf");
    let out = tomwerk(&["export", f, target.to_str().unwrap(), "--lang", "de"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("veraltet"));

    // Updating the English text makes it current again.
    let mut editor = Editor::new(file, Some(path.clone()));
    editor
        .apply(
            DocEdit::SetText(
                field,
                Lang::En,
                "Data is encrypted with AES-256. Keys are kept in an HSM.".into(),
            ),
            0.0,
        )
        .unwrap();
    assert!(stale(&editor.file).is_empty());
}

#[test]
fn confirming_a_translation_clears_it_and_is_no_change_in_a_diff() {
    let mut file = TomFile::new(Document::empty_template(Lang::De, "X"));
    file.working.section_mut(&enc()).unwrap().body = LocalText::new("Alt.", "Old.");
    let mut editor = Editor::new(file, None);
    let field = TextField::SectionBody(enc());
    editor
        .apply(
            DocEdit::SetText(field.clone(), Lang::De, "Neu.".into()),
            0.0,
        )
        .unwrap();
    let before = editor.doc().clone();
    assert!(before.section(&enc()).unwrap().body.is_stale(Lang::En));
    editor
        .apply(DocEdit::ConfirmTranslation(field, Lang::En), 10.0)
        .unwrap();
    assert!(
        !editor
            .doc()
            .section(&enc())
            .unwrap()
            .body
            .is_stale(Lang::En)
    );
    // What a translation was made from is bookkeeping: no change for customers.
    assert!(compare(&before, editor.doc()).is_empty());
    // Undo brings the stale state back.
    assert!(editor.undo());
    assert!(
        editor
            .doc()
            .section(&enc())
            .unwrap()
            .body
            .is_stale(Lang::En)
    );
}

#[test]
fn an_english_export_of_german_only_text_says_it_prints_german() {
    let mut doc = Document::empty_template(Lang::De, "X");
    doc.section_mut(&enc()).unwrap().body = LocalText::new("Verschlüsselt.", "Encrypted.");
    doc.intro = LocalText::only(Lang::De, "Diese TOM gilt für alle Standorte.");
    let file = TomFile::new(doc);
    let pdf = export::pdf(&file, &options(Lang::En)).unwrap();
    assert!(
        pdf.warnings
            .iter()
            .any(|w| w.contains("not translated into English") && w.contains("Introduction")),
        "{:?}",
        pdf.warnings
    );
    let pdf = export::pdf(&file, &options(Lang::De)).unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
}

// ---------------------------------------------------------------- 20.2 languages

#[test]
fn an_import_enables_only_the_language_it_was_imported_in() {
    let md = "# TOM\n\n## Verschlüsselung\n\nDaten werden verschlüsselt.\n\n## Zutrittskontrolle\n\nEin Pförtner.\n";
    let imported = tomwerk::import::import_markdown(md, Some(Lang::De)).unwrap();
    assert_eq!(imported.document.meta.languages, vec![Lang::De]);
    let findings = checks::run(&TomFile::new(imported.document), date!(2026 - 03 - 05));
    assert!(
        !findings
            .iter()
            .any(|f| f.check == Check::MissingTranslation),
        "{findings:?}"
    );
    let imported = tomwerk::import::import_markdown(
        "# TOM\n\n## Encryption\n\nData is encrypted.\n",
        Some(Lang::En),
    )
    .unwrap();
    assert_eq!(imported.document.meta.languages, vec![Lang::En]);
    assert_eq!(imported.document.meta.primary_language, Lang::En);
}

// ---------------------------------------------------------------- 20.5 plural forms

#[test]
fn the_checks_summary_uses_plural_forms() {
    use fluent_bundle::FluentValue;
    let summary = |lang, n: usize| {
        tomwerk::i18n::i18n().tr_args(
            lang,
            "checks-summary",
            &[
                ("errors", FluentValue::from(n)),
                ("warnings", FluentValue::from(n)),
                ("infos", FluentValue::from(n)),
            ],
        )
    };
    assert_eq!(summary(Lang::En, 1), "1 error, 1 warning, 1 note");
    assert_eq!(summary(Lang::De, 1), "1 Fehler, 1 Warnung, 1 Hinweis");
    assert_eq!(summary(Lang::En, 2), "2 errors, 2 warnings, 2 notes");
    assert_eq!(summary(Lang::De, 2), "2 Fehler, 2 Warnungen, 2 Hinweise");
}

mod ui {
    use egui::accesskit::Role;
    use egui::{Key, Modifiers};
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    use tomwerk::app::{AppConfig, ContentMode, Settings, TomwerkApp};
    use tomwerk::model::{Document, Lang, LocalText, SectionId};
    use tomwerk::store::{self, TomFile};

    pub fn harness(config: AppConfig) -> Harness<'static, TomwerkApp> {
        Harness::builder()
            .with_size(egui::vec2(1280.0, 900.0))
            .with_step_dt(1.0 / 60.0)
            .build_eframe(move |cc| {
                TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
            })
    }

    #[test]
    fn the_example_opens_in_the_ui_language() {
        let data = tempfile::tempdir().unwrap();
        for lang in [Lang::En, Lang::De] {
            let mut config = AppConfig::headless(data.path());
            config.ui_lang = Some(lang);
            let mut h = harness(config);
            h.run();
            assert_eq!(h.state().view.content, ContentMode::Single(lang));
        }
        let mut config = AppConfig::headless(data.path());
        config.ui_lang = Some(Lang::En);
        let mut h = harness(config);
        h.run();
        h.get_by_label("2. Encryption").click();
        h.run();
        let body = h.get_by_role_and_label(Role::MultilineTextInput, "Body text");
        let value = body.accesskit_node().value().unwrap_or_default();
        assert!(value.contains("encrypt"), "English body expected: {value}");
    }

    #[test]
    fn a_missing_translation_finding_opens_the_english_field() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tom");
        // Every section filled, so the one finding is in view (not scrolled away).
        let mut doc = Document::empty_template(Lang::De, "Muster GmbH");
        let ids: Vec<SectionId> = doc
            .all_sections()
            .iter()
            .map(|(s, _)| s.id.clone())
            .collect();
        for id in ids {
            doc.section_mut(&id).unwrap().body = LocalText::new("Text.", "Text.");
        }
        doc.section_mut(&SectionId::from("encryption"))
            .unwrap()
            .body = LocalText::only(Lang::De, "Daten werden verschlüsselt.");
        store::save(&path, &TomFile::new(doc)).unwrap();
        let mut config = AppConfig::headless(data.path());
        config.file = Some(path);
        let mut h = harness(config);
        h.run();
        assert_eq!(h.state().view.content, ContentMode::Single(Lang::De));
        h.get_by_label("View").click();
        h.run();
        h.get_by_label_contains("Checks").click();
        h.run();
        h.run();
        h.get_by_label_contains("is not translated into English")
            .click();
        h.run();
        h.run();
        assert_eq!(h.state().view.content, ContentMode::Single(Lang::En));
        let body = h.get_by_role_and_label(Role::MultilineTextInput, "Body text");
        assert!(
            body.accesskit_node().is_focused(),
            "the English body is focused"
        );
        assert_eq!(body.accesskit_node().value().unwrap_or_default(), "");
    }

    /// A file with version 1.1 of 15 September 2025 and a changed working copy.
    fn file_with_version(path: &std::path::Path) {
        crate::common::file_with_version(path, None);
    }

    fn set_field(h: &mut Harness<'_, TomwerkApp>, role: Role, label: &str, text: &str) {
        h.get_by_role_and_label(role, label).focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_role_and_label(role, label).type_text(text);
        h.run();
    }

    #[test]
    fn the_release_form_takes_a_multi_line_note_and_a_past_date_only() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tom");
        file_with_version(&path);
        let mut config = AppConfig::headless(data.path());
        config.file = Some(path.clone());
        config.today = Some(time::macros::date!(2026 - 03 - 05));
        let mut h = harness(config);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
        h.run();
        // Today is preselected.
        let date = h.get_by_role_and_label(Role::TextInput, "Release date");
        assert_eq!(
            date.accesskit_node().value().as_deref(),
            Some("5 March 2026")
        );
        // The note is a multi-line field.
        h.get_by_role_and_label(Role::MultilineTextInput, "Change note")
            .focus();
        h.run();
        h.get_by_role_and_label(Role::MultilineTextInput, "Change note")
            .type_text("Verschlüsselung präzisiert.");
        h.key_press(Key::Enter);
        h.get_by_role_and_label(Role::MultilineTextInput, "Change note")
            .type_text("MFA geplant.");
        h.run();
        for (typed, says) in [
            ("2026-03-06", "in the future"),
            ("1.9.2025", "before version 1.1"),
            ("31.02.2026", "is not a date"),
        ] {
            set_field(&mut h, Role::TextInput, "Release date", typed);
            h.get_by_label("Release").click();
            h.run();
            h.get_by_label_contains(says);
            assert_eq!(h.state().editor.file.versions.len(), 1, "{typed} refused");
        }
        set_field(&mut h, Role::TextInput, "Release date", "01.03.2026");
        h.get_by_label("Release").click();
        h.run();
        let on_disk = store::load(&path).unwrap();
        assert_eq!(on_disk.versions.len(), 2);
        let v = on_disk.latest().unwrap();
        assert_eq!(v.date, time::macros::date!(2026 - 03 - 01));
        assert_eq!(
            v.note.get(tomwerk::model::Lang::De),
            "Verschlüsselung präzisiert.\nMFA geplant."
        );
        assert!(on_disk.verify().is_ok());
    }

    #[test]
    fn the_recovery_prompt_opens_the_document_it_belongs_to() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.tom"), dir.path().join("b.tom"));
        let mut doc = Document::empty_template(Lang::De, "A GmbH");
        store::save(&a, &TomFile::new(doc.clone())).unwrap();
        doc.meta.organisation.name = "B GmbH".into();
        store::save(&b, &TomFile::new(doc.clone())).unwrap();
        // B was being edited when Tomwerk crashed; the settings name A as the last file.
        doc.meta.organisation.name = "B GmbH (ungespeichert)".into();
        tomwerk::app::Recovery::new(data.path().to_owned())
            .write(&TomFile::new(doc), Some(&b))
            .unwrap();
        let mut settings = Settings::default();
        settings.remember(&a);
        let mut config = AppConfig::headless(data.path());
        config.reopen_last = true;
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 900.0))
            .build_eframe(move |cc| TomwerkApp::with_settings(&cc.egui_ctx, config, settings));
        h.run();
        // The prompt is over B, names B and says when the copy was written.
        assert_eq!(h.state().editor.path.as_deref(), Some(b.as_path()));
        h.get_by_label_contains(&format!("unsaved changes to {}", b.display()));
        h.get_by_label_contains("The copy was written on");
        h.get_by_label("Restore").click();
        h.run();
        assert_eq!(h.state().editor.path.as_deref(), Some(b.as_path()));
        assert_eq!(
            h.state().editor.doc().meta.organisation.name,
            "B GmbH (ungespeichert)"
        );
    }

    #[test]
    fn opening_an_export_without_an_opener_shows_the_path() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("tom.pdf");
        let mut config = AppConfig::headless(data.path());
        config.opener = Some("/nonexistent/xdg-open".into());
        let mut h = harness(config);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::E);
        h.run();
        h.get_by_label("Export…").click();
        h.run();
        set_field(&mut h, Role::TextInput, "Path", target.to_str().unwrap());
        h.get_by_label("OK").click();
        for _ in 0..600 {
            if h.query_by_label("Open").is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            h.step();
        }
        h.run();
        h.get_by_label("Open").click();
        h.run();
        h.get_by_label("The file cannot be opened here");
        h.get_by_label(target.to_str().unwrap());
        h.get_by_label("Copy path").click();
        h.run();
        assert!(
            h.state()
                .toast_texts()
                .iter()
                .any(|t| t.contains("Path copied")),
            "{:?}",
            h.state().toast_texts()
        );
        assert_eq!(h.state().open_dialogs(), 0);
    }

    #[test]
    fn a_long_measure_wraps_and_grows_instead_of_being_cut_off() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tom");
        let long = "Die Administratorzugänge werden quartalsweise gegen die Liste der berechtigten Personen geprüft und nicht mehr benötigte Zugänge werden innerhalb von zwei Arbeitstagen gesperrt; das Ergebnis wird dokumentiert und der Geschäftsleitung bekannt gegeben.";
        let mut doc = Document::empty_template(Lang::De, "Muster GmbH");
        doc.add_measure(
            &SectionId::from("encryption"),
            tomwerk::model::Measure::new(LocalText::new(long, "Short.")),
        )
        .unwrap();
        store::save(&path, &TomFile::new(doc)).unwrap();
        let mut config = AppConfig::headless(data.path());
        config.file = Some(path);
        let mut h = harness(config);
        h.run();
        h.get_by_label("2. Verschlüsselung").click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::T);
        h.run();
        let field = h.get_by_role_and_label(Role::MultilineTextInput, "Measure (German)");
        assert_eq!(field.accesskit_node().value().as_deref(), Some(long));
        let short = h.get_by_role_and_label(Role::MultilineTextInput, "Measure (English)");
        let (tall, low) = (field.rect().height(), short.rect().height());
        assert!(
            tall > 2.5 * low,
            "the long text wraps onto several rows: {tall} vs {low}"
        );
        // Enter leaves a measure as in a one-line field: no line break typed into it.
        short.focus();
        h.run();
        h.key_press(Key::End);
        h.key_press(Key::Enter);
        h.run();
        let en = &h
            .state()
            .editor
            .doc()
            .section(&SectionId::from("encryption"))
            .unwrap()
            .measures[0]
            .text
            .en;
        assert_eq!(en, "Short.");
    }

    /// The header row of measure 2 (which has all three buttons enabled) at a window
    /// width, with the checks and history panels open.
    fn header_rects(width: f32, height: f32) -> (Vec<(String, egui::Rect)>, egui::Rect) {
        let data = tempfile::tempdir().unwrap();
        let mut config = AppConfig::headless(data.path());
        config.ui_lang = Some(Lang::De);
        let mut h = Harness::builder()
            .with_size(egui::vec2(width, height))
            .build_eframe(move |cc| {
                TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
            });
        h.run();
        h.get_by_label("2. Verschlüsselung").click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::K);
        h.key_press_modifiers(Modifiers::COMMAND, Key::H);
        h.run();
        let second = |nodes: Vec<egui_kittest::Node<'_>>| nodes.get(1).map(|n| n.rect());
        let mut rects = Vec::new();
        rects.push(("Maßnahme 2".to_owned(), h.get_by_label("Maßnahme 2").rect()));
        for combo in ["Art", "Status"] {
            let all: Vec<_> = h.get_all_by_role_and_label(Role::ComboBox, combo).collect();
            rects.push((combo.to_owned(), second(all).unwrap()));
        }
        for button in ["Hoch", "Runter", "Löschen"] {
            let all: Vec<_> = h.get_all_by_role_and_label(Role::Button, button).collect();
            rects.push((button.to_owned(), second(all).unwrap()));
        }
        let field: Vec<_> = h
            .get_all_by_role_and_label(Role::MultilineTextInput, "Maßnahme")
            .collect();
        let field = second(field).unwrap();
        (rects, field)
    }

    #[test]
    fn the_measure_header_row_never_overlaps_at_narrow_widths() {
        for (w, hgt) in [(800.0, 560.0), (1024.0, 640.0), (1200.0, 800.0)] {
            let (rects, field) = header_rects(w, hgt);
            for (i, (a, ra)) in rects.iter().enumerate() {
                // Inside the measure's frame: between the field's edges (a few px slack).
                assert!(
                    ra.left() >= field.left() - 8.0 && ra.right() <= field.right() + 8.0,
                    "{w}: {a} {ra:?} leaves the panel (field {field:?})"
                );
                for (b, rb) in &rects[i + 1..] {
                    assert!(
                        !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                        "{w}: {a} {ra:?} overlaps {b} {rb:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn typing_replaces_a_new_sections_default_title() {
        let data = tempfile::tempdir().unwrap();
        let mut h = harness(AppConfig::headless(data.path()));
        h.run();
        h.get_by_label("2. Encryption").click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
        h.run();
        h.run();
        let tomwerk::app::Selection::Section(id) = h.state().view.selection.clone() else {
            panic!("a section is selected");
        };
        assert_eq!(
            h.state().editor.doc().section(&id).unwrap().title.en,
            "New section"
        );
        h.get_by_role_and_label(Role::TextInput, "Title")
            .type_text("Staff training");
        h.run();
        assert_eq!(
            h.state().editor.doc().section(&id).unwrap().title.en,
            "Staff training"
        );
    }

    #[test]
    fn after_undo_and_redo_the_cursor_stands_where_the_text_changed() {
        let data = tempfile::tempdir().unwrap();
        let mut h = harness(AppConfig::headless(data.path()));
        h.run();
        h.get_by_label("2. Encryption").click();
        h.run();
        let body = || (Role::MultilineTextInput, "Body text");
        h.get_by_role_and_label(body().0, body().1).click();
        h.run();
        h.key_press_modifiers(Modifiers::CTRL, Key::End);
        h.run();
        h.get_by_role_and_label(body().0, body().1)
            .type_text(" Keys are rotated.");
        h.run();
        let enc = SectionId::from("encryption");
        let typed = h
            .state()
            .editor
            .doc()
            .section(&enc)
            .unwrap()
            .body
            .en
            .clone();
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert_ne!(h.state().editor.doc().section(&enc).unwrap().body.en, typed);
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        h.run();
        assert_eq!(h.state().editor.doc().section(&enc).unwrap().body.en, typed);
        let id = egui::Id::unique((
            "text",
            &tomwerk::app::TextField::SectionBody(enc.clone()),
            Lang::En,
        ));
        let state = egui::TextEdit::load_state(&h.ctx, id).expect("the body has a state");
        let cursor = state.cursor.char_range().expect("a cursor").primary.index;
        assert_eq!(
            cursor.0,
            typed.chars().count(),
            "the cursor is after the redone text"
        );
    }

    #[test]
    fn menu_options_that_are_on_are_checked() {
        use egui::accesskit::Toggled;
        let data = tempfile::tempdir().unwrap();
        let mut h = harness(AppConfig::headless(data.path()));
        h.run();
        h.get_by_label("View").click();
        h.run();
        let toggled = |h: &Harness<'_, TomwerkApp>, label: &str| {
            h.get_by_role_and_label(Role::CheckBox, label)
                .accesskit_node()
                .toggled()
        };
        assert_eq!(toggled(&h, "Edit English content"), Some(Toggled::True));
        assert_eq!(toggled(&h, "Edit German content"), Some(Toggled::False));
        assert_eq!(toggled(&h, "Interface: English"), Some(Toggled::True));
        h.get_by_role_and_label(Role::CheckBox, "Edit German content")
            .click();
        h.run();
        assert_eq!(h.state().view.content, ContentMode::Single(Lang::De));
        h.get_by_label("View").click();
        h.run();
        assert_eq!(toggled(&h, "Edit German content"), Some(Toggled::True));
        assert_eq!(toggled(&h, "Edit English content"), Some(Toggled::False));
    }

    #[test]
    fn shortcuts_are_written_in_the_interface_language() {
        use tomwerk::app::command::{Command, shortcut_in};
        let undo = Command::Undo.shortcuts()[0];
        assert_eq!(shortcut_in(Lang::De, &undo), "Strg+Z");
        assert_eq!(shortcut_in(Lang::En, &undo), "Ctrl+Z");
        let save_as = Command::SaveAs.shortcuts()[0];
        assert_eq!(shortcut_in(Lang::De, &save_as), "Strg+Umschalt+S");
        let delete = Command::DeleteSection.shortcuts()[0];
        assert_eq!(shortcut_in(Lang::De, &delete), "Strg+Umschalt+Entf");
        assert_eq!(shortcut_in(Lang::En, &delete), "Ctrl+Shift+Delete");
    }

    #[test]
    fn the_first_start_shows_a_start_view_and_the_example_says_it_is_one() {
        let data = tempfile::tempdir().unwrap();
        let mut h = harness(AppConfig::headless(data.path()));
        h.run();
        h.get_by_label("Welcome to Tomwerk");
        h.get_by_label("Import from Word, Markdown or HTML…");
        h.get_by_label("No files opened yet.");
        assert!(h.query_by_label_contains("built-in example").is_none());
        h.get_by_label("Look at the example").click();
        h.run();
        assert!(h.query_by_label("Welcome to Tomwerk").is_none());
        h.get_by_label_contains("This is the built-in example");
        // The title is plain ASCII around the name (X11's WM_NAME is Latin-1).
        let title = h.state().window_title();
        assert_eq!(title, "Untitled - Tomwerk");
        h.get_by_label("New TOM from the template").click();
        h.run();
        assert!(
            h.query_by_label_contains("This is the built-in example")
                .is_none()
        );
        assert!(
            h.state().editor.doc().all_measures().is_empty(),
            "a fresh template"
        );
    }

    #[test]
    fn a_file_opens_without_start_view_or_example_banner() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tom");
        file_with_version(&path);
        let mut config = AppConfig::headless(data.path());
        config.file = Some(path);
        let mut h = harness(config);
        h.run();
        assert!(h.query_by_label("Welcome to Tomwerk").is_none());
        assert!(h.query_by_label_contains("built-in example").is_none());
        assert!(h.state().window_title().is_ascii());
    }

    #[test]
    fn saving_without_a_native_dialog_browses_creates_a_folder_and_says_what_is_wrong() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut config = AppConfig::headless(data.path());
        config.ui_lang = Some(Lang::De);
        let mut h = harness(config);
        h.run();
        h.get_by_label("Beispiel ansehen").click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
        h.run();
        h.get_by_label("Neuer Ordner");
        // A folder that does not exist: a German message with the path, nothing written.
        let target = dir.path().join("Verträge").join("tom.tom");
        set_field(&mut h, Role::TextInput, "Pfad", target.to_str().unwrap());
        h.key_press(Key::Enter);
        h.run();
        h.get_by_label_contains("existiert nicht");
        assert!(h.query_by_label_contains("os error").is_none());
        assert!(!target.exists());
        assert_eq!(h.state().open_dialogs(), 1, "the dialog stays open");
        // "New folder" creates it in the folder shown and goes there, keeping the name.
        set_field(
            &mut h,
            Role::TextInput,
            "Pfad",
            &format!("{}/tom.tom", dir.path().display()),
        );
        h.get_by_label("Neuer Ordner").click();
        h.run();
        h.get_by_role_and_label(Role::TextInput, "Ordnername")
            .focus();
        h.run();
        h.get_by_role_and_label(Role::TextInput, "Ordnername")
            .type_text("Verträge");
        h.get_by_label("Anlegen").click();
        h.run();
        assert!(dir.path().join("Verträge").is_dir());
        let field = h.get_by_role_and_label(Role::TextInput, "Pfad");
        assert_eq!(
            field.accesskit_node().value().as_deref(),
            Some(target.to_str().unwrap())
        );
        // Enter in the path field saves.
        h.get_by_role_and_label(Role::TextInput, "Pfad").focus();
        h.run();
        h.key_press(Key::Enter);
        h.run();
        assert!(target.is_file(), "saved with Enter");
        assert_eq!(h.state().editor.path.as_deref(), Some(target.as_path()));
    }

    #[test]
    fn opening_without_a_native_dialog_lists_the_tom_files_of_a_folder() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kunde.tom");
        file_with_version(&path);
        std::fs::write(dir.path().join("notiz.txt"), "x").unwrap();
        let mut h = harness(AppConfig::headless(data.path()));
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::O);
        h.run();
        set_field(
            &mut h,
            Role::TextInput,
            "Path",
            &format!("{}/", dir.path().display()),
        );
        h.get_by_label("kunde.tom");
        assert!(h.query_by_label("notiz.txt").is_none(), "only .tom files");
        h.get_by_label("kunde.tom").click();
        h.run();
        h.get_by_label("OK").click();
        h.run();
        assert_eq!(h.state().editor.path.as_deref(), Some(path.as_path()));
    }

    #[test]
    fn the_version_list_compares_a_version_with_the_working_copy() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tom");
        file_with_version(&path);
        let mut config = AppConfig::headless(data.path());
        config.file = Some(path);
        let mut h = harness(config);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::H);
        h.run();
        h.get_by_label("Compare").click();
        h.run();
        assert_eq!(
            h.state().compared(),
            Some(("1.1".to_owned(), "working".to_owned()))
        );
    }

    #[test]
    fn side_by_side_compare_has_column_headers() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tom");
        file_with_version(&path);
        let mut config = AppConfig::headless(data.path());
        config.file = Some(path);
        let mut h = harness(config);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
        h.run();
        assert!(h.query_by_label_contains("Before: ").is_none());
        h.get_by_label("Side by side").click();
        h.run();
        let before = h.get_by_label_contains("Before: ");
        let after = h.get_by_label_contains("After: ");
        h.get_by_label("Before: Version 1.1");
        h.get_by_label("After: Working copy");
        assert!(before.rect().right() <= after.rect().left());
    }

    #[test]
    fn the_export_dialog_has_the_cli_options_and_remembers_them_per_document() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tom");
        file_with_version(&path);
        let target = dir.path().join("t.md");
        let mut config = AppConfig::headless(data.path());
        config.file = Some(path.clone());
        config.today = Some(time::macros::date!(2026 - 03 - 05));
        let mut h = harness(config);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::E);
        h.run();
        // English, version 1.1, Markdown, table of contents.
        h.get_by_role_and_label(Role::ComboBox, "Language").click();
        h.run();
        h.get_all_by_label("English").last().unwrap().click();
        h.run();
        h.get_by_role_and_label(Role::ComboBox, "Version").click();
        h.run();
        h.get_all_by_label("Version 1.1").last().unwrap().click();
        h.run();
        h.get_by_label("Markdown").click();
        h.get_by_label("Table of contents").click();
        h.run();
        h.get_by_label("Export…").click();
        h.run();
        set_field(&mut h, Role::TextInput, "Path", target.to_str().unwrap());
        h.get_by_label("OK").click();
        h.run();
        let md = std::fs::read_to_string(&target).expect("the Markdown is written");
        // Version 1.1 in English: the English text of 1.1, not the working copy's.
        assert!(md.contains("Data is encrypted."), "{md}");
        assert!(!md.contains("with AES"), "{md}");
        // Remembered for this document: the dialog opens with the same options.
        let remembered = h.state().settings.export.get(&path).cloned().unwrap();
        assert_eq!(remembered.lang, Lang::En);
        assert_eq!(remembered.version.as_deref(), Some("1.1"));
        assert!(remembered.markdown && remembered.toc);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::E);
        h.run();
        assert_eq!(h.state().open_dialogs(), 1, "{:?}", h.state().toast_texts());
        let value = |h: &Harness<'_, TomwerkApp>, combo: &str| {
            h.get_by_role_and_label(Role::ComboBox, combo)
                .accesskit_node()
                .value()
                .unwrap_or_default()
        };
        assert_eq!(value(&h, "Version"), "Version 1.1");
        assert_eq!(value(&h, "Language"), "English");
    }
}
