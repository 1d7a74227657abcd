//! The .tom file: round trips, migration, refusal of newer formats, bad input, the
//! version chain, atomic saves, and the file-level CLI commands.

use std::fs;
use std::path::Path;
use std::process::Command;

use tomwerk::model::{Document, Lang, MeasureKind, MeasureStatus, validate};
use tomwerk::store::{self, StoreErrorKind, TomFile};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn load_err(path: &Path) -> tomwerk::store::StoreError {
    store::load(path).expect_err("load should fail")
}

#[test]
fn example_round_trips() {
    let dir = tmp();
    let path = dir.path().join("example.tom");
    let file = store::example();
    store::save(&path, &file).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded, file);
    assert!(loaded.verify().is_ok());
    // Saving what was loaded gives the same bytes: the format is stable and diffable.
    let again = dir.path().join("again.tom");
    store::save(&again, &loaded).unwrap();
    assert_eq!(fs::read(&path).unwrap(), fs::read(&again).unwrap());
}

#[test]
fn odd_characters_round_trip() {
    let mut file = TomFile::new(Document::empty_template(
        Lang::De,
        "Ä\"Ö\"#Ü r#\"x\"# \\ \u{0} \t",
    ));
    let s = file.working.sections[0].body.get_mut(Lang::De);
    *s = "Zeile 1\n\"zitiert\" \"# r##\"raw\"## \u{1F600} 漢字 \r\n\u{202E}rtl\u{2028}".into();
    file.release(
        "1",
        time::macros::date!(2026 - 01 - 01),
        "Ö \"x\"",
        "note\nwith \"# lines",
    )
    .unwrap();
    let text = store::to_ron(&file).unwrap();
    let back = store::parse(&text).unwrap();
    assert_eq!(back, file);
    assert!(back.verify().is_ok());
}

#[test]
fn format_1_is_migrated() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v1.tom");
    let file = store::load(&path).unwrap();
    let doc = &file.working;
    assert!(file.versions.is_empty());
    assert_eq!(doc.meta.organisation.name, "Altbestand AG");
    assert_eq!(doc.meta.title.de, "TOM der Altbestand AG");
    assert_eq!(doc.meta.primary_language, Lang::De);
    assert!(validate(doc).is_empty(), "{:?}", validate(doc));
    let enc = doc.section(&"encryption".into()).unwrap();
    assert_eq!(enc.body.en, "All laptops use full-disk encryption.");
    assert_eq!(enc.measures[1].status, MeasureStatus::Planned);
    let (_, visitor) = doc.measure(&"m-2".into()).unwrap();
    assert_eq!(visitor.kind, MeasureKind::Organisational);
    // Sections the old file left out come back hidden, so ids stay complete...
    assert!(doc.section(&"pseudonymisation".into()).unwrap().hidden);
    assert!(
        doc.section(&"confidentiality.separation".into())
            .unwrap()
            .hidden
    );
    // ...and the visible ones keep their numbers.
    assert_eq!(doc.number_of(&"encryption".into()).as_deref(), Some("1."));
    assert_eq!(
        doc.number_of(&"confidentiality.physical_access".into())
            .as_deref(),
        Some("2.1.")
    );
    // Fresh ids continue after the migrated ones.
    let mut doc = doc.clone();
    assert_eq!(doc.fresh_measure_id().as_str(), "m-10");
    // Saving writes the current format, which loads again.
    let dir = tmp();
    let out = dir.path().join("migrated.tom");
    store::save(&out, &file).unwrap();
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .contains(&format!("format: {}", store::FORMAT_VERSION))
    );
    assert_eq!(store::load(&out).unwrap(), file);
}

#[test]
fn newer_format_is_refused_with_a_clear_message() {
    let dir = tmp();
    let path = dir.path().join("future.tom");
    let text = store::to_ron(&store::example())
        .unwrap()
        .replace(&format!("format: {}", store::FORMAT_VERSION), "format: 99");
    fs::write(&path, text).unwrap();
    let err = load_err(&path);
    assert!(matches!(
        err.kind,
        StoreErrorKind::NewerFormat { found: 99, .. }
    ));
    let msg = err.to_string();
    assert!(
        msg.contains("future.tom") && msg.contains("99") && msg.contains("update"),
        "{msg}"
    );
}

#[test]
fn bad_input_gives_errors_that_name_the_file() {
    let dir = tmp();
    let good = store::to_ron(&store::example()).unwrap();
    type Expect = fn(&StoreErrorKind) -> bool;
    let cases: Vec<(&str, Vec<u8>, Expect)> = vec![
        ("empty.tom", Vec::new(), |k| matches!(k, StoreErrorKind::Empty)),
        ("blank.tom", b"  \n\n ".to_vec(), |k| matches!(k, StoreErrorKind::Empty)),
        ("truncated.tom", good.as_bytes()[..good.len() / 2].to_vec(), |k| {
            matches!(k, StoreErrorKind::Truncated { .. })
        }),
        ("garbage.tom", b"\x00\x01\x02PK\x03\x04 zip?".to_vec(), |k| {
            matches!(k, StoreErrorKind::NotTomwerk)
        }),
        ("binary.tom", vec![0xff, 0xfe, 0x00, 0x28], |k| matches!(k, StoreErrorKind::NotUtf8 { offset: 0 })),
        (
            "latin1.tom",
            b"(format: 2, working: (meta: (organisation: (name: \"M\xfcller\"))))".to_vec(),
            |k| matches!(k, StoreErrorKind::NotUtf8 { offset: 52 }),
        ),
        (
            "wrongtype.tom",
            b"(format: 2, working: (meta: (review_interval_months: \"twelve\")))".to_vec(),
            |k| matches!(k, StoreErrorKind::Syntax { line: 1, .. }),
        ),
        ("json.tom", b"{\"format\": 2}".to_vec(), |k| matches!(k, StoreErrorKind::NotTomwerk)),
        (
            "duplicate.tom",
            b"(format: 2, working: (sections: [(id: \"a\", title: (de: \"A\")), (id: \"a\", title: (de: \"A\"))]))"
                .to_vec(),
            |k| matches!(k, StoreErrorKind::Invalid(m) if m.contains("id a")),
        ),
        (
            "deep.tom",
            format!("(format: 2, working: (sections: {}{}))", "[(id: \"x\", children: ".repeat(5000), "]".repeat(10))
                .into_bytes(),
            |k| matches!(k, StoreErrorKind::Syntax { .. } | StoreErrorKind::Truncated { .. }),
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap();
        let err = load_err(&path);
        assert!(expected(&err.kind), "{name}: unexpected {err:?}");
        let msg = err.to_string();
        assert!(
            msg.starts_with(&path.display().to_string()),
            "{name}: {msg}"
        );
        assert!(!msg.contains('\n'), "{name}: one line please: {msg}");
    }
    let missing = load_err(&dir.path().join("missing.tom"));
    assert!(matches!(missing.kind, StoreErrorKind::Io(_)));
}

#[test]
fn huge_files_are_refused_before_reading() {
    let dir = tmp();
    let path = dir.path().join("huge.tom");
    let f = fs::File::create(&path).unwrap();
    // A sparse file: no disk used, but larger than any TOM.
    f.set_len(store::MAX_FILE_SIZE + 1).unwrap();
    let err = load_err(&path);
    assert!(matches!(err.kind, StoreErrorKind::TooLarge { .. }), "{err}");
}

#[test]
fn verify_finds_the_first_tampered_version() {
    let file = store::example();
    assert!(file.verify().is_ok());
    assert!(file.versions.len() >= 3);

    // Content edited after release.
    let mut tampered = file.clone();
    tampered.versions[1].content = tampered.versions[1].content.replacen("(", "( ", 1);
    let err = tampered.verify().unwrap_err();
    assert_eq!(
        (err.position, err.label.as_str()),
        (2, file.versions[1].label.as_str())
    );

    // A note changed, with the hash recomputed: the next link breaks.
    let mut rehashed = file.clone();
    rehashed.versions[0].note.de.push('!');
    rehashed.versions[0].hash = rehashed.versions[0].compute_hash();
    let err = rehashed.verify().unwrap_err();
    assert_eq!(err.position, 2);

    // A version removed from the middle.
    let mut removed = file.clone();
    removed.versions.remove(1);
    assert_eq!(removed.verify().unwrap_err().position, 2);

    // Reordered.
    let mut swapped = file.clone();
    swapped.versions.swap(0, 1);
    assert_eq!(swapped.verify().unwrap_err().position, 1);
}

#[test]
fn tampering_in_the_file_is_detected_after_loading() {
    let dir = tmp();
    let path = dir.path().join("t.tom");
    store::save(&path, &store::example()).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    // Change the author of the first release in the file text.
    let first = store::example().versions[0].author.clone();
    let needle = format!("author: \"{first}\"");
    assert!(text.contains(&needle));
    fs::write(&path, text.replacen(&needle, "author: \"Mallory\"", 1)).unwrap();
    let err = store::load(&path).unwrap().verify().unwrap_err();
    assert_eq!(err.position, 1);
}

#[test]
fn failed_save_leaves_the_old_file_intact() {
    let dir = tmp();
    let path = dir.path().join("doc.tom");
    store::save(&path, &store::example()).unwrap();
    let before = fs::read(&path).unwrap();
    let mut changed = store::example();
    changed.working.meta.organisation.name = "Changed".into();
    let text = store::to_ron(&changed).unwrap();
    let err = store::write_atomic_with(&path, text.as_bytes(), |tmp| {
        assert!(tmp.exists(), "the temp file is written before the rename");
        Err(std::io::Error::other("injected: disk full"))
    })
    .unwrap_err();
    assert!(err.to_string().contains("injected"));
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "old file byte for byte intact"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temp file left: {leftovers:?}");
}

#[test]
fn save_into_a_missing_folder_fails_cleanly() {
    let dir = tmp();
    let path = dir.path().join("no/such/dir/doc.tom");
    let err = store::save(&path, &store::example()).unwrap_err();
    assert!(err.to_string().contains("doc.tom"), "{err}");
}

#[test]
fn release_refuses_duplicates_and_unchanged_copies() {
    let mut file = store::example();
    let latest = file.latest().unwrap().label.clone();
    let today = time::macros::date!(2026 - 11 - 27);
    let err = file.release(&latest, today, "A", "n").unwrap_err();
    assert!(err.to_string().contains("exists already"), "{err}");
    let err = file.release("9.9", today, "A", "n").unwrap_err();
    assert!(err.to_string().contains("not changed"), "{err}");
    assert!(file.release("  ", today, "A", "n").is_err());
    // Bumping the id counter alone is no change of content.
    let _ = file.working.fresh_measure_id();
    assert!(!file.has_unreleased_changes());
    file.working.intro.de.push_str(" Ergänzt.");
    assert!(file.has_unreleased_changes());
    let next = file.suggest_next_label();
    let v = file.release(&next, today, "A", "n").unwrap();
    assert_eq!(v.date, today);
    assert!(file.verify().is_ok());
    assert!(!file.has_unreleased_changes());
    assert_eq!(file.latest().unwrap().document().unwrap(), file.working);
}

#[test]
fn next_label_suggestions() {
    let mut file = TomFile::new(Document::empty_template(Lang::En, "X"));
    assert_eq!(file.suggest_next_label(), "1.0");
    let d = time::macros::date!(2026 - 01 - 01);
    for (i, label) in ["2.1", "2.9", "v3", "final"].iter().enumerate() {
        file.working.intro.en = format!("change {i}");
        file.release(label, d, "a", "n").unwrap();
        let expected = ["2.2", "2.10", "v4", "final.1"][i];
        assert_eq!(file.suggest_next_label(), expected);
    }
}

// ---- CLI -------------------------------------------------------------------------

fn tomwerk(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tomwerk"))
        .args(args)
        .current_dir(dir)
        .env("TOMWERK_TODAY", "2026-11-27")
        .env("TOMWERK_AUTHOR", "Test Author")
        .output()
        .expect("run tomwerk")
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn cli_new_example_versions_release_verify() {
    let dir = tmp();
    let d = dir.path();
    let o = tomwerk(d, &["new", "t.tom", "--lang", "en", "--org", "Acme Ltd"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let t = store::load(&d.join("t.tom")).unwrap();
    assert_eq!(t.working.meta.organisation.name, "Acme Ltd");
    assert_eq!(t.working.meta.primary_language, Lang::En);
    assert!(t.versions.is_empty());

    assert!(tomwerk(d, &["example", "ex.tom"]).status.success());
    let o = tomwerk(d, &["versions", "ex.tom"]);
    assert!(o.status.success());
    let lines: Vec<String> = stdout(&o).lines().map(str::to_owned).collect();
    let example = store::example();
    assert_eq!(lines.len(), example.versions.len());
    for (line, v) in lines.iter().zip(&example.versions) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields[0], v.label, "label first");
        assert_eq!(fields[1], v.date.to_string());
        assert_eq!(fields[2], v.author);
        assert_eq!(fields[3], v.short_hash());
        let note = v.note.get_or_other(example.working.meta.primary_language);
        assert!(line.ends_with(&note.replace('\n', " ")));
    }

    let o = tomwerk(d, &["verify", "ex.tom"]);
    assert!(o.status.success(), "{}", stderr(&o));

    // Unchanged copy is refused, and the file is untouched.
    let before = fs::read(d.join("ex.tom")).unwrap();
    let o = tomwerk(
        d,
        &["release", "ex.tom", "--label", "9.0", "--note", "nothing"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert_eq!(fs::read(d.join("ex.tom")).unwrap(), before);

    // Change, release, and a duplicate label.
    let mut f = store::load(&d.join("ex.tom")).unwrap();
    f.working.intro.de.push_str(" Neu.");
    store::save(&d.join("ex.tom"), &f).unwrap();
    let latest = f.latest().unwrap().label.clone();
    let o = tomwerk(
        d,
        &["release", "ex.tom", "--label", &latest, "--note", "dup"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("exists already"));
    let o = tomwerk(d, &["release", "ex.tom", "--label", "9.0", "--note", "Neu"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let f = store::load(&d.join("ex.tom")).unwrap();
    let v = f.latest().unwrap();
    assert_eq!(
        (
            v.label.as_str(),
            v.author.as_str(),
            v.date.to_string().as_str()
        ),
        ("9.0", "Test Author", "2026-11-27")
    );
    assert!(tomwerk(d, &["verify", "ex.tom"]).status.success());

    // Tamper with the file: verify names the first bad version and exits 1.
    let text = fs::read_to_string(d.join("ex.tom")).unwrap();
    let first = &f.versions[0];
    let tampered = text.replacen(&format!("de: \"{}\"", first.note.de), "de: \"forged\"", 1);
    assert_ne!(tampered, text);
    fs::write(d.join("ex.tom"), tampered).unwrap();
    let o = tomwerk(d, &["verify", "ex.tom"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!("version {}", first.label)),
        "{}",
        stderr(&o)
    );
}

#[test]
fn cli_errors_are_one_line_and_leave_nothing_behind() {
    let dir = tmp();
    let d = dir.path();
    fs::write(d.join("bad.tom"), "(format: 2, working: (").unwrap();
    for args in [
        vec!["versions", "bad.tom"],
        vec!["verify", "missing.tom"],
        vec!["release", "bad.tom", "--label", "1", "--note", "x"],
        vec!["new", "no/such/dir/x.tom"],
    ] {
        let o = tomwerk(d, &args);
        assert_ne!(o.status.code(), Some(0), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("tomwerk: "), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let names: Vec<_> = fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        vec![std::ffi::OsString::from("bad.tom")],
        "no partial output"
    );
}

#[test]
fn later_versions_are_stored_as_deltas_and_still_verified() {
    let mut file = store::example();
    let d = time::macros::date!(2026 - 06 - 01);
    for i in 0..50 {
        file.working.intro.de = format!("Fassung {i}");
        file.release(&format!("r{i}"), d, "a", "n").unwrap();
    }
    let text = store::to_ron(&file).unwrap();
    let one = file.versions[0].content.len();
    assert!(
        text.len() < 3 * one + 50 * 300,
        "53 versions take {} bytes, one snapshot {one}",
        text.len()
    );
    let back = store::parse(&text).unwrap();
    assert_eq!(back, file);
    assert!(back.verify_deep().is_ok());
    // Editing a delta in the file changes that version's content: verify names it.
    let tampered = text.replacen("Fassung 7", "Fassung 8", 1);
    assert_ne!(tampered, text);
    let err = store::parse(&tampered).unwrap().verify().unwrap_err();
    assert_eq!(err.label, "r7");
}
