//! Issue 19.3 in the editor: a file whose version chain is broken opens read-only, with a
//! banner naming the first bad version; nothing can be edited or released.

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use tomwerk::app::{AppConfig, Settings, TomwerkApp};
use tomwerk::model::{Lang, SectionId};
use tomwerk::store;

fn app_with_file(data: &Path, path: &Path) -> Harness<'static, TomwerkApp> {
    let mut config = AppConfig::headless(data);
    config.file = Some(path.to_owned());
    config.ui_lang = Some(Lang::En);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            TomwerkApp::with_settings(&cc.egui_ctx, config, Settings::default())
        });
    h.run();
    h
}

/// The example with its first version's author changed in the file text.
fn tampered(path: &Path) {
    store::save(path, &store::example()).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let first = store::example().versions[0].author.clone();
    let needle = format!("author: \"{first}\"");
    std::fs::write(path, text.replacen(&needle, "author: \"Mallory\"", 1)).unwrap();
}

#[test]
fn a_tampered_file_opens_read_only_with_a_banner() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.tom");
    tampered(&path);
    let before = std::fs::read(&path).unwrap();
    let mut h = app_with_file(data.path(), &path);
    // The chain-broken dialog comes first.
    h.get_by_label("Version history does not verify");
    h.get_by_label("OK").click();
    h.run();
    let first = store::example().versions[0].label.clone();
    h.get_by_label_contains(&format!("first at version {first}"));
    h.get_by_label_contains("read-only");
    assert!(h.state().editor.integrity_broken().is_some());

    // A German document: the tree shows the content language (issue 15.9).
    h.get_by_label("2. Verschlüsselung").click();
    h.run();
    let body = h.get_by_role_and_label(Role::MultilineTextInput, "Body text");
    assert!(
        body.accesskit_node().is_disabled(),
        "the body is not editable"
    );
    let text_before = h
        .state()
        .editor
        .doc()
        .section(&SectionId::from("encryption"))
        .unwrap()
        .body
        .clone();
    // No release dialog, no undo, nothing changed.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run();
    assert!(
        h.query_by_label("Release").is_none(),
        "a release dialog opened"
    );
    assert_eq!(
        h.state()
            .editor
            .doc()
            .section(&SectionId::from("encryption"))
            .unwrap()
            .body,
        text_before
    );
    assert!(!h.state().editor.is_dirty());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
}

#[test]
fn an_intact_file_has_no_integrity_banner() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ok.tom");
    store::save(&path, &store::example()).unwrap();
    let h = app_with_file(data.path(), &path);
    assert!(h.state().editor.integrity_broken().is_none());
    assert!(h.query_by_label_contains("INTEGRITY BROKEN").is_none());
}

/// 19.6: the release dialog's "Sign with my key" checkbox signs with the key of
/// `tomwerk keygen` and is remembered; without a key the dialog says how to make one and
/// nothing is released.
#[test]
fn the_release_dialog_signs_with_the_key_and_remembers_it() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys");
    // Only this test reads the variable in this binary.
    unsafe { std::env::set_var("TOMWERK_CONFIG_DIR", &keys) };
    let path = dir.path().join("s.tom");
    let mut file = store::example();
    file.working.meta.organisation.address.push_str("\nHaus 2");
    store::save(&path, &file).unwrap();
    let mut h = app_with_file(data.path(), &path);
    let before = h.state().editor.file.versions.len();
    let release = |h: &mut Harness<'_, TomwerkApp>| {
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
        h.run();
    };
    release(&mut h);
    h.get_by_label("Sign with my key").click();
    h.run();
    h.get_by_label("Release").click();
    h.run();
    h.get_by_label_contains("run `tomwerk keygen` once");
    assert_eq!(
        h.state().editor.file.versions.len(),
        before,
        "released without a key"
    );

    let key = store::SigningKey::generate().unwrap();
    key.save(&keys, false).unwrap();
    h.get_by_label("Release").click();
    h.run();
    let file = &h.state().editor.file;
    assert_eq!(file.versions.len(), before + 1);
    let sig = file.latest().unwrap().signature.clone().expect("signed");
    assert_eq!(sig.key_fingerprint(), key.fingerprint());
    file.verify().unwrap();
    assert!(h.state().settings.sign_releases, "the choice is remembered");
    assert!(
        store::load(&path)
            .unwrap()
            .latest()
            .unwrap()
            .signature
            .is_some(),
        "saved signed"
    );
}
