//! Issue 19: the CLI never loses a release and never vouches for a tampered file.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use tomwerk::store;

fn tomwerk(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tomwerk"))
        .args(args)
        .current_dir(dir)
        .env("TOMWERK_TODAY", "2026-11-27")
        .env("TOMWERK_AUTHOR", "Test Author")
        .env("LANG", "en_GB.UTF-8")
        .env("LC_ALL", "en_GB.UTF-8")
        .env("TOMWERK_CONFIG_DIR", dir.join("config"))
        .output()
        .expect("run tomwerk")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A copy of the example whose first released version was edited in the file text.
fn tampered_example(path: &Path) {
    store::save(path, &store::example()).unwrap();
    let text = fs::read_to_string(path).unwrap();
    let first = store::example().versions[0].author.clone();
    let needle = format!("author: \"{first}\"");
    assert!(text.contains(&needle));
    fs::write(path, text.replacen(&needle, "author: \"Mallory\"", 1)).unwrap();
}

#[test]
fn new_and_example_refuse_an_existing_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(tomwerk(d, &["example", "a.tom"]).status.success());
    let before = fs::read(d.join("a.tom")).unwrap();
    for args in [&["new", "a.tom"][..], &["example", "a.tom"][..]] {
        let o = tomwerk(d, args);
        assert!(!o.status.success(), "{args:?} overwrote the file");
        assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    }
    assert_eq!(
        fs::read(d.join("a.tom")).unwrap(),
        before,
        "nothing written"
    );

    // A file that is not a .tom is refused too.
    fs::write(d.join("notes.txt"), b"keep me").unwrap();
    assert!(!tomwerk(d, &["new", "notes.txt"]).status.success());
    assert_eq!(fs::read(d.join("notes.txt")).unwrap(), b"keep me");

    // --force overwrites.
    assert!(tomwerk(d, &["new", "a.tom", "--force"]).status.success());
    assert!(store::load(&d.join("a.tom")).unwrap().versions.is_empty());
}

#[test]
fn commands_refuse_a_tampered_chain_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = d.join("t.tom");
    tampered_example(&path);
    let before = fs::read(&path).unwrap();
    let label = store::example().versions[0].label.clone();
    let cases: [&[&str]; 5] = [
        &["export", "t.tom", "out.pdf"],
        &["export", "t.tom", "out.md"],
        &["diff", "t.tom", "--from", &label, "--out", "report.md"],
        &["versions", "t.tom"],
        &["release", "t.tom", "--label", "9.0", "--note", "on top"],
    ];
    for args in cases {
        let o = tomwerk(d, args);
        assert_eq!(o.status.code(), Some(1), "{args:?} accepted a broken chain");
        let err = stderr(&o);
        assert!(err.contains(&label), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?} printed output");
    }
    for out in ["out.pdf", "out.md", "report.md"] {
        assert!(!d.join(out).exists(), "{out} was written");
    }
    assert_eq!(fs::read(&path).unwrap(), before, "the file is untouched");
}

#[cfg(unix)]
#[test]
fn release_through_a_symlink_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(tomwerk(d, &["example", "real.tom"]).status.success());
    std::os::unix::fs::symlink("real.tom", d.join("link.tom")).unwrap();
    let count = store::load(&d.join("real.tom")).unwrap().versions.len();
    // Change the working copy so a release is possible.
    let mut file = store::load(&d.join("real.tom")).unwrap();
    file.working.meta.responsible.de.push_str(" (new)");
    store::save(&d.join("link.tom"), &file).unwrap();
    let o = tomwerk(d, &["release", "link.tom", "--label", "9.0", "--note", "x"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let meta = fs::symlink_metadata(d.join("link.tom")).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    assert_eq!(
        store::load(&d.join("real.tom")).unwrap().versions.len(),
        count + 1
    );
}

#[test]
fn a_file_name_of_250_bytes_can_be_saved() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let name = format!("{}.tom", "n".repeat(246));
    let o = tomwerk(d, &["new", &name]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(store::load(&d.join(&name)).is_ok());
}

#[test]
fn labels_and_authors_with_control_or_bidi_characters_are_refused() {
    let date = time::macros::date!(2026 - 06 - 01);
    for (label, author, note) in [
        ("3.1\t2026-01-01", "a", "n"),
        ("3.1", "Eve\n3.0\t2026", "n"),
        ("3.1\u{202e}", "a", "n"),
        ("3.1", "a", "bad\u{7}bell"),
        (&*"9".repeat(1001), "a", "n"),
    ] {
        let mut file = store::example();
        file.working.meta.responsible.de.push_str(" (new)");
        let before = file.versions.len();
        assert!(
            file.release(label, date, author, note).is_err(),
            "{label:?} {author:?}"
        );
        assert_eq!(file.versions.len(), before);
    }
    // A note may have several lines.
    let mut file = store::example();
    file.working.meta.responsible.de.push_str(" (new)");
    assert!(file.release("3.1", date, "a", "line one\nline two").is_ok());
}

/// Issue 19.2: two `release` runs at the same time on one file. Before the lock both
/// exited 0 and one version was silently lost in almost every round. Now in every round
/// each run either lands (its label is in `versions` and the file verifies) or fails
/// loudly with one line on stderr; none exits 0 without its version in the file.
#[test]
fn concurrent_releases_never_lose_one() {
    let rounds: usize = std::env::var("TOMWERK_RACE_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // The example with an unreleased change, so a release has something to freeze.
    let mut start = store::example();
    start.working.intro.en.push_str(" Changed for the race.");
    let before = start.versions.len();
    let (mut landed, mut refused) = (0, 0);
    let began = std::time::Instant::now();
    for round in 0..rounds {
        store::save(&d.join("c.tom"), &start).unwrap();
        let spawn = |label: &str| {
            Command::new(env!("CARGO_BIN_EXE_tomwerk"))
                .args(["release", "c.tom", "--label", label, "--note", "race"])
                .current_dir(d)
                .env("TOMWERK_TODAY", "2026-11-27")
                .env("TOMWERK_AUTHOR", "Test Author")
                .env("LC_ALL", "en_GB.UTF-8")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("run tomwerk")
        };
        let (a, b) = (spawn("A"), spawn("B"));
        let runs = [
            ("A", a.wait_with_output().unwrap()),
            ("B", b.wait_with_output().unwrap()),
        ];
        let listed = tomwerk(d, &["versions", "c.tom"]);
        assert!(
            listed.status.success(),
            "round {round}: {}",
            stderr(&listed)
        );
        let labels: Vec<String> = String::from_utf8_lossy(&listed.stdout)
            .lines()
            .filter_map(|l| l.split('\t').next().map(str::to_owned))
            .collect();
        let mut successes = 0;
        for (label, out) in &runs {
            if out.status.success() {
                successes += 1;
                assert!(
                    labels.iter().any(|l| l == label),
                    "round {round}: release {label} exited 0 but is not in the file: {labels:?}"
                );
            } else {
                let err = stderr(out);
                assert_eq!(err.lines().count(), 1, "round {round}: {err}");
                assert!(err.starts_with("tomwerk: "), "round {round}: {err}");
                assert!(
                    !labels.iter().any(|l| l == label),
                    "round {round}: {label} failed but is in the file"
                );
                refused += 1;
            }
        }
        landed += successes;
        assert!(successes >= 1, "round {round}: neither release landed");
        assert_eq!(
            labels.len(),
            before + successes,
            "round {round}: {labels:?}"
        );
        let verify = tomwerk(d, &["verify", "c.tom"]);
        assert!(
            verify.status.success(),
            "round {round}: {}",
            stderr(&verify)
        );
    }
    eprintln!(
        "race: {rounds} rounds in {:.1} s: {landed} releases landed, {refused} refused loudly, 0 lost",
        began.elapsed().as_secs_f64()
    );
}

/// A release waits while another process holds the file's lock, and then lands.
#[cfg(unix)]
#[test]
fn a_release_waits_for_the_lock_holder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut start = store::example();
    start.working.intro.en.push_str(" Changed.");
    store::save(&d.join("c.tom"), &start).unwrap();
    let holder = fs::File::open(d.join("c.tom")).unwrap();
    holder.lock().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tomwerk"))
        .args(["release", "c.tom", "--label", "3.0", "--note", "n"])
        .current_dir(d)
        .env("TOMWERK_TODAY", "2026-11-27")
        .env("LC_ALL", "en_GB.UTF-8")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the release waits for the lock"
    );
    drop(holder);
    assert!(child.wait().unwrap().success());
    let file = store::load(&d.join("c.tom")).unwrap();
    assert_eq!(file.latest().unwrap().label, "3.0");
    file.verify_deep().unwrap();
}

/// Point 7: CRLF (git `autocrlf`) and BOM copies of the example load, verify and release
/// like the LF original, with one warning; Tomwerk writes LF without a BOM.
#[test]
fn crlf_and_bom_copies_verify_list_and_release_like_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(tomwerk(d, &["example", "lf.tom"]).status.success());
    // An unreleased change with a line break, so that `release` has something to freeze.
    let mut edited = store::load(&d.join("lf.tom")).unwrap();
    edited
        .working
        .meta
        .organisation
        .address
        .push_str("\nFloor 2");
    store::save(&d.join("lf.tom"), &edited).unwrap();
    let lf = fs::read_to_string(d.join("lf.tom")).unwrap();
    assert!(!lf.contains('\r'));
    let crlf = lf.replace('\n', "\r\n");
    let variants = [
        ("crlf.tom", crlf.clone(), "CRLF"),
        ("bom.tom", format!("\u{feff}{lf}"), "BOM"),
        ("both.tom", format!("\u{feff}{crlf}"), "BOM"),
    ];
    let original_versions = tomwerk(d, &["versions", "lf.tom"]);
    assert!(original_versions.status.success());
    let original_verify = tomwerk(d, &["verify", "lf.tom"]);
    assert!(
        stderr(&original_verify).is_empty(),
        "{}",
        stderr(&original_verify)
    );
    for (name, text, marker) in variants {
        fs::write(d.join(name), &text).unwrap();
        let o = tomwerk(d, &["verify", name]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1, "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(marker), "{name}: {}", stderr(&o));
        assert!(String::from_utf8_lossy(&o.stdout).contains("3 versions"));

        let o = tomwerk(d, &["versions", name]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert_eq!(o.stdout, original_versions.stdout, "{name}");

        let o = tomwerk(d, &["release", name, "--label", "4.0", "--note", "n"]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let written = fs::read_to_string(d.join(name)).unwrap();
        assert!(!written.contains('\r'), "{name}: CR written");
        assert!(!written.starts_with('\u{feff}'), "{name}: BOM written");
        let o = tomwerk(d, &["verify", name]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{name}: {}", stderr(&o));
        assert_eq!(store::load(&d.join(name)).unwrap().versions.len(), 4);
    }
    // The store hashes the repaired text: the same released hashes as the LF file.
    let a = store::load(&d.join("lf.tom")).unwrap();
    let (b, notices) = store::parse_with_notices(&format!("\u{feff}{crlf}")).unwrap();
    assert_eq!(
        notices,
        [
            store::LoadNotice::ByteOrderMark,
            store::LoadNotice::CrlfLineEndings
        ]
    );
    let hashes = |f: &store::TomFile| {
        f.versions
            .iter()
            .map(|v| v.short_hash().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(hashes(&a), hashes(&b));
}

/// Point 13: an output that is the input (directly or through a link) is refused, and
/// nothing is written.
#[test]
fn export_and_diff_refuse_to_overwrite_their_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(tomwerk(d, &["example", "a.tom"]).status.success());
    // The input renamed to look like a PDF, and a link to it.
    fs::rename(d.join("a.tom"), d.join("a.pdf")).unwrap();
    std::os::unix::fs::symlink(d.join("a.pdf"), d.join("link.pdf")).unwrap();
    let before = fs::read(d.join("a.pdf")).unwrap();
    for args in [
        &["export", "a.pdf", "a.pdf"][..],
        &["export", "a.pdf", "./a.pdf", "--force"][..],
        &["export", "a.pdf", "link.pdf"][..],
        &["diff", "a.pdf", "--from", "1.0", "--out", "link.pdf"][..],
    ] {
        let o = tomwerk(d, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1, "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("input"), "{args:?}: {}", stderr(&o));
        assert_eq!(fs::read(d.join("a.pdf")).unwrap(), before, "{args:?}");
    }
    assert!(
        fs::symlink_metadata(d.join("link.pdf"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A different output still works.
    assert!(tomwerk(d, &["export", "a.pdf", "out.md"]).status.success());
}

/// Point 13: a read-only target is not replaced unless `--force`.
#[test]
fn a_read_only_target_is_refused_without_force() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(tomwerk(d, &["example", "a.tom"]).status.success());
    fs::write(d.join("out.md"), b"keep me").unwrap();
    fs::set_permissions(d.join("out.md"), fs::Permissions::from_mode(0o444)).unwrap();
    for args in [
        &["export", "a.tom", "out.md"][..],
        &["diff", "a.tom", "--from", "1.0", "--out", "out.md"][..],
    ] {
        let o = tomwerk(d, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o).lines().count(), 1, "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("read-only"), "{args:?}: {}", stderr(&o));
        assert_eq!(fs::read(d.join("out.md")).unwrap(), b"keep me");
    }
    let o = tomwerk(d, &["export", "a.tom", "out.md", "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_ne!(fs::read(d.join("out.md")).unwrap(), b"keep me");

    // import over a read-only (empty) .tom, and the German message.
    fs::write(d.join("in.md"), "# 1. Pseudonymisierung\n\nText\n").unwrap();
    assert!(tomwerk(d, &["new", "empty.tom"]).status.success());
    fs::set_permissions(d.join("empty.tom"), fs::Permissions::from_mode(0o444)).unwrap();
    let empty = fs::read(d.join("empty.tom")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_tomwerk"))
        .args(["import", "in.md", "empty.tom"])
        .current_dir(d)
        .env("LANG", "de_DE.UTF-8")
        .env("LC_ALL", "de_DE.UTF-8")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("schreibgeschützt"), "{}", stderr(&o));
    assert_eq!(fs::read(d.join("empty.tom")).unwrap(), empty);

    // A read-only .tom is not released into (release has no --force).
    let before = fs::read(d.join("a.tom")).unwrap();
    fs::set_permissions(d.join("a.tom"), fs::Permissions::from_mode(0o444)).unwrap();
    let o = tomwerk(d, &["release", "a.tom", "--label", "4.0", "--note", "n"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("read-only"), "{}", stderr(&o));
    assert_eq!(fs::read(d.join("a.tom")).unwrap(), before);
}

/// Text of every page of a PDF, through lopdf.
fn pdf_pages(bytes: &[u8]) -> Vec<String> {
    let pdf = lopdf::Document::load_mem(bytes).expect("lopdf reads the PDF");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|p| pdf.extract_text(&[*p]).unwrap_or_default())
        .collect()
}

fn zip_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Point 3: `export --force` of a tampered file writes the working copy only, with
/// "INTEGRITY BROKEN" on every page (PDF), in the header (DOCX, every page) and at both
/// ends (Markdown), and never the genuine fingerprint; a released version is still refused.
#[test]
fn forced_export_of_a_tampered_file_is_marked_integrity_broken() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = d.join("t.tom");
    tampered_example(&path);
    let genuine = store::example();
    let hashes: Vec<String> = genuine
        .versions
        .iter()
        .map(|v| v.hash[..12].to_owned())
        .collect();
    let label = genuine.latest().unwrap().label.clone();

    let o = tomwerk(
        d,
        &["export", "t.tom", "v.pdf", "--force", "--version", &label],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("working copy"), "{}", stderr(&o));
    assert!(!d.join("v.pdf").exists());

    let o = tomwerk(
        d,
        &["export", "t.tom", "out.pdf", "--force", "--lang", "en"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("INTEGRITY BROKEN"), "{}", stderr(&o));
    let pages = pdf_pages(&fs::read(d.join("out.pdf")).unwrap());
    assert!(pages.len() > 1);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.matches("INTEGRITY BROKEN").count() >= 2,
            "page {i} lacks the mark in header and footer: {page}"
        );
        for h in &hashes {
            assert!(
                !page.contains(h.as_str()),
                "page {i} carries the fingerprint {h}"
            );
        }
    }

    let o = tomwerk(
        d,
        &["export", "t.tom", "out.docx", "--force", "--lang", "de"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let docx = fs::read(d.join("out.docx")).unwrap();
    assert!(zip_part(&docx, "word/header1.xml").contains("INTEGRITÄT VERLETZT"));
    let footer = zip_part(&docx, "word/footer1.xml");
    assert!(footer.contains("INTEGRITÄT VERLETZT"), "{footer}");
    for h in &hashes {
        assert!(!footer.contains(h.as_str()));
        assert!(!zip_part(&docx, "word/document.xml").contains(h.as_str()));
    }

    let o = tomwerk(
        d,
        &[
            "export",
            "t.tom",
            "out.md",
            "--force",
            "--lang",
            "en",
            "--history",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let md = fs::read_to_string(d.join("out.md")).unwrap();
    assert_eq!(md.matches("**INTEGRITY BROKEN").count(), 2, "{md}");
    assert!(!md.contains("version:"), "no version claimed: {md}");
    for h in &hashes {
        assert!(!md.contains(h.as_str()));
    }
}

const FORMAT_2: &str = "tests/fixtures/format-v2.tom";

/// 20.2 / format 3: a format-2 file (the example as round 1 wrote it) loads, keeps every
/// hash, puts its one-language notes and responsible person into the primary language,
/// saves as format 3 and still verifies; a second language added to a migrated note
/// breaks its hash.
#[test]
fn a_format_2_file_migrates_to_format_3_with_its_hashes_intact() {
    let old = store::load(Path::new(FORMAT_2)).unwrap();
    old.verify_deep().unwrap();
    assert!(old.latest().unwrap().hash.starts_with("5da676f195df"));
    assert_eq!(old.versions[0].note.de, "Erstfassung");
    assert!(old.versions[0].note.en.is_empty());
    let responsible = &old.working.meta.responsible;
    assert_eq!(responsible.de, "Jonas Beispiel, Leitung IT");
    assert!(responsible.en.is_empty());
    // A released snapshot of format 2 migrates when opened.
    let first = old.versions[0].document().unwrap();
    assert_eq!(first.meta.responsible.de, "Jonas Beispiel, Leitung IT");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.tom");
    store::save(&path, &old).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("(\n  format: 3,"), "{}", &text[..300]);
    let back = store::load(&path).unwrap();
    back.verify_deep().unwrap();
    let hashes = |f: &store::TomFile| {
        f.versions
            .iter()
            .map(|v| v.hash.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(hashes(&back), hashes(&old));

    // Forging an English note onto a version released by format 2 breaks the chain.
    let mut forged = back.clone();
    forged.versions[0].note.en = "First version (approved by the customer)".into();
    assert_eq!(forged.verify().unwrap_err().position, 1);

    // A release on top is format 3 with both notes, and the chain holds.
    let mut next = back.clone();
    next.working.meta.responsible.en = "Jonas Beispiel, Head of IT".into();
    let notes = tomwerk::model::LocalText::new("Englisch ergänzt", "English added");
    next.release_with_notes("3.0", time::macros::date!(2026 - 11 - 27), "A", &notes)
        .unwrap();
    store::save(&path, &next).unwrap();
    let reread = store::load(&path).unwrap();
    reread.verify_deep().unwrap();
    let v3 = reread.latest().unwrap();
    assert_eq!(v3.content_format, store::FORMAT_VERSION);
    assert_eq!(v3.note, notes);
    // Changing one language of a format-3 note breaks its hash.
    let mut forged = reread.clone();
    forged.versions[3].note.de = "Nichts geändert".into();
    assert_eq!(forged.verify().unwrap_err().position, 4);
}

/// 20.2: an export in a language a release note or the responsible person lacks says so,
/// one warning each; the other language's export says nothing.
#[test]
fn an_export_in_a_language_a_note_lacks_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::copy(FORMAT_2, d.join("m.tom")).unwrap();
    let o = tomwerk(
        d,
        &["export", "m.tom", "en.pdf", "--lang", "en", "--history"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    for label in ["1.0", "1.1", "2.0"] {
        assert!(
            err.contains(&format!(
                "release note of version {label} has no English text"
            )),
            "{err}"
        );
    }
    assert!(
        err.contains("responsible person has no English text"),
        "{err}"
    );
    for out in ["en.md", "en.docx"] {
        let o = tomwerk(d, &["export", "m.tom", out, "--lang", "en", "--history"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(
            stderr(&o).matches("has no English text").count(),
            4,
            "{out}: {}",
            stderr(&o)
        );
    }
    let o = tomwerk(
        d,
        &["export", "m.tom", "de.pdf", "--lang", "de", "--history"],
    );
    assert!(o.status.success());
    assert!(!stderr(&o).contains("no German"), "{}", stderr(&o));
    // The example (format 3) has both languages: no warning.
    assert!(tomwerk(d, &["example", "ex.tom"]).status.success());
    let o = tomwerk(
        d,
        &["export", "ex.tom", "ex.pdf", "--lang", "en", "--history"],
    );
    assert!(
        !stderr(&o).contains("has no English text"),
        "{}",
        stderr(&o)
    );
    let pages = pdf_pages(&fs::read(d.join("ex.pdf")).unwrap()).join("\n");
    assert!(
        pages.contains("First version"),
        "English notes in the history"
    );
    assert!(
        !pages.contains("Erstfassung"),
        "no German note in the English PDF"
    );
}

/// A file of a newer format is refused with one line that names both formats.
#[test]
fn a_newer_format_is_refused_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = fs::read_to_string(FORMAT_2)
        .unwrap()
        .replacen("format: 2,", "format: 4,", 1);
    fs::write(d.join("new.tom"), &text).unwrap();
    for args in [
        &["verify", "new.tom"][..],
        &["export", "new.tom", "x.pdf"][..],
    ] {
        let o = tomwerk(d, args);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("format version 4") && err.contains("up to version 3"),
            "{err}"
        );
    }
    assert_eq!(fs::read_to_string(d.join("new.tom")).unwrap(), text);
}

/// `release --note-de/--note-en` stores both languages; `--note` alone goes to the
/// primary language.
#[test]
fn release_takes_a_note_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(tomwerk(d, &["example", "ex.tom"]).status.success());
    let mut file = store::load(&d.join("ex.tom")).unwrap();
    file.working.meta.organisation.address.push_str("\nHaus 2");
    store::save(&d.join("ex.tom"), &file).unwrap();
    let o = tomwerk(
        d,
        &[
            "release",
            "ex.tom",
            "--label",
            "3.0",
            "--note-de",
            "Adresse",
            "--note-en",
            "Address",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v = store::load(&d.join("ex.tom"))
        .unwrap()
        .latest()
        .unwrap()
        .clone();
    assert_eq!(
        (v.note.de.as_str(), v.note.en.as_str()),
        ("Adresse", "Address")
    );
    let o = tomwerk(d, &["release", "ex.tom", "--label", "4.0"]);
    assert!(!o.status.success(), "a release needs a note");
}

/// Rewrites version `index` (content edited) and recomputes every hash from there, so the
/// chain verifies again: what someone who rewrites the file can always do.
fn rewrite_chain(file: &mut store::TomFile, index: usize) {
    file.versions[index].content = file.versions[index]
        .content
        .replacen("TLS 1.2", "TLS 1.0", 1);
    for i in index..file.versions.len() {
        if i > 0 {
            file.versions[i].prev_hash = file.versions[i - 1].hash.clone();
        }
        file.versions[i].hash = file.versions[i].compute_hash();
    }
}

/// A changed working copy so that a release is possible.
fn edit_working(path: &Path) {
    let mut file = store::load(path).unwrap();
    file.working.meta.organisation.address.push_str("\nHaus 2");
    store::save(path, &file).unwrap();
}

/// 19.6 (c): a signed release; rewriting it and recomputing the chain still fails
/// `verify` (and every command that reads versions), naming the version; `verify` lists
/// who signed what; the PDF footer carries the 24-digit fingerprint and the signer's key,
/// the metadata the full hash.
#[test]
fn a_signed_version_rewritten_with_a_recomputed_chain_fails_verify() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(tomwerk(d, &["example", "s.tom"]).status.success());
    edit_working(&d.join("s.tom"));
    // No key yet: refused with one line, nothing written.
    let before = fs::read(d.join("s.tom")).unwrap();
    let o = tomwerk(
        d,
        &[
            "release", "s.tom", "--label", "3.0", "--note", "x", "--sign",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("tomwerk keygen"), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1);
    assert_eq!(fs::read(d.join("s.tom")).unwrap(), before);

    let o = tomwerk(d, &["keygen"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
    let key_fp = stdout.split_whitespace().nth(2).unwrap().to_owned();
    assert_eq!(key_fp.len(), store::KEY_FINGERPRINT_DIGITS, "{stdout}");
    let o = tomwerk(d, &["keygen"]);
    assert_eq!(o.status.code(), Some(1), "a second keygen replaced the key");
    assert!(stderr(&o).contains("--force"));

    let o = tomwerk(
        d,
        &[
            "release", "s.tom", "--label", "3.0", "--note", "signed", "--sign",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains(&key_fp));
    let signed = store::load(&d.join("s.tom")).unwrap();
    signed.verify_deep().unwrap();
    let v3 = signed.latest().unwrap().clone();
    assert_eq!(v3.signature.as_ref().unwrap().key_fingerprint(), key_fp);

    let o = tomwerk(d, &["verify", "s.tom"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        out.contains(&format!(
            "3.0\t{}\tsigned by key {key_fp} (your key)",
            v3.short_hash()
        )),
        "{out}"
    );
    assert!(out.contains("2.0") && out.contains("not signed"), "{out}");

    // The PDF of the signed version: 24 digits and the key in every footer, full hash in
    // the metadata.
    let o = tomwerk(
        d,
        &[
            "export",
            "s.tom",
            "s.pdf",
            "--version",
            "3.0",
            "--lang",
            "en",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = fs::read(d.join("s.pdf")).unwrap();
    assert_eq!(v3.short_hash().len(), 24);
    for (i, page) in pdf_pages(&bytes).iter().enumerate() {
        assert!(
            page.contains(&format!("Checksum {} · signed {key_fp}", v3.short_hash())),
            "page {i}: {page}"
        );
    }
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let info = pdf
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .unwrap();
    let subject = pdf.get_dictionary(info).unwrap().get(b"Subject").unwrap();
    let subject = lopdf::decode_text_string(subject).unwrap();
    assert!(subject.contains(&v3.hash), "{subject}");

    // Rewrite the signed version 3.0 and recompute the chain: the hashes hold, the
    // signature does not.
    let mut forged = signed.clone();
    let index = forged.versions.len() - 1;
    rewrite_chain(&mut forged, index);
    store::save(&d.join("s.tom"), &forged).unwrap();
    let o = tomwerk(d, &["verify", "s.tom"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("version 3.0") && stderr(&o).contains("signature"),
        "{}",
        stderr(&o)
    );
    let o = tomwerk(d, &["export", "s.tom", "f.pdf", "--version", "3.0"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!d.join("f.pdf").exists());

    // Rewriting an earlier, unsigned version breaks the signed one after it too.
    let mut forged = signed.clone();
    rewrite_chain(&mut forged, 1);
    assert_eq!(forged.verify().unwrap_err().label, "3.0");
}

/// 19.6 (b): without signatures a recomputed chain verifies (README says so), but
/// `verify --expect` with the fingerprint from the customer's PDF finds the rewrite.
#[test]
fn verify_expect_finds_a_rewritten_history() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(tomwerk(d, &["example", "e.tom"]).status.success());
    let file = store::load(&d.join("e.tom")).unwrap();
    let received = file.latest().unwrap().short_hash().to_owned();
    assert_eq!(received.len(), 24);
    let o = tomwerk(d, &["verify", "e.tom", "--expect", &received]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains(&file.latest().unwrap().hash));
    // Upper case and the full hash work as well.
    let full = file.latest().unwrap().hash.to_uppercase();
    assert!(
        tomwerk(d, &["verify", "e.tom", "--expect", &full])
            .status
            .success()
    );

    let mut forged = file.clone();
    rewrite_chain(&mut forged, 1);
    store::save(&d.join("e.tom"), &forged).unwrap();
    assert!(
        tomwerk(d, &["verify", "e.tom"]).status.success(),
        "a recomputed chain verifies"
    );
    let o = tomwerk(d, &["verify", "e.tom", "--expect", &received]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not in this file"), "{}", stderr(&o));
    // Deleting the newest version: the same.
    let mut cut = file.clone();
    cut.versions.pop();
    store::save(&d.join("e.tom"), &cut).unwrap();
    assert_eq!(
        tomwerk(d, &["verify", "e.tom", "--expect", &received])
            .status
            .code(),
        Some(1)
    );
    // Too short or not hex: one clear line.
    for bad in ["abc", "xyz123xyz123xyz"] {
        let o = tomwerk(d, &["verify", "e.tom", "--expect", bad]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("not a fingerprint"), "{}", stderr(&o));
    }
}

fn tomwerk_lang(dir: &Path, locale: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tomwerk"))
        .args(args)
        .current_dir(dir)
        .env("TOMWERK_TODAY", "2026-11-27")
        .env("LANG", locale)
        .env("LC_ALL", locale)
        .env("TOMWERK_CONFIG_DIR", dir.join("config"))
        .output()
        .expect("run tomwerk")
}

/// The commands that read a `.tom` file, on `name`.
fn readers(name: &str) -> Vec<Vec<String>> {
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        v(&["verify", name]),
        v(&["versions", name]),
        v(&["export", name, "out.pdf"]),
        v(&["diff", name, "--from", "1.0"]),
        v(&["release", name, "--label", "9", "--note", "n"]),
        v(&["check", name]),
    ]
}

/// 19.12: every load error is one line, printed once, in the user's language, naming the
/// file, with no OS error codes and no internal type names.
#[test]
fn load_errors_are_one_localised_line_without_internals() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("syntax.tom"), "(format: 3, working: (meta: 5))").unwrap();
    let deep = format!("(format: 3, working: (intro: {}", "(".repeat(400));
    fs::write(d.join("deep.tom"), deep).unwrap();
    let cases = [
        (
            "missing.tom",
            "the file does not exist",
            "die Datei gibt es nicht",
        ),
        ("syntax.tom", "line 1, column 28", "Zeile 1, Spalte 28"),
        ("deep.tom", "", ""),
    ];
    for (name, en, de) in cases {
        for args in readers(name) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            for (locale, expected) in [("en_GB.UTF-8", en), ("de_DE.UTF-8", de)] {
                let o = tomwerk_lang(d, locale, &args);
                assert!(!o.status.success(), "{args:?}");
                let err = stderr(&o);
                assert_eq!(err.lines().count(), 1, "{args:?} {locale}: {err}");
                assert!(err.contains(name), "{args:?}: {err}");
                assert!(err.contains(expected), "{args:?} {locale}: {err}");
                for internal in [
                    "os error",
                    "struct",
                    "Metadata",
                    "EnvelopeIn",
                    "V1File",
                    "serde_stacker",
                    "ron::",
                ] {
                    assert!(!err.contains(internal), "{args:?} leaks {internal}: {err}");
                }
                // Printed once: the message does not repeat itself.
                let body = err.trim_start_matches("tomwerk: ").trim_end();
                let half = &body[..body.len() / 2];
                assert!(
                    half.len() < 12 || body.matches(half).count() == 1,
                    "{args:?} repeats: {err}"
                );
            }
        }
    }
}

/// 19.8: a folder or a FIFO given as a `.tom` (or as the import's input) is refused at
/// once with one line instead of hanging.
#[cfg(unix)]
#[test]
fn folders_and_fifos_are_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("folder.tom")).unwrap();
    let status = Command::new("mkfifo")
        .arg(d.join("pipe.tom"))
        .status()
        .unwrap();
    assert!(status.success());
    let started = std::time::Instant::now();
    for name in ["folder.tom", "pipe.tom"] {
        let mut cases = readers(name);
        cases.push(vec!["import".into(), name.into(), "out.tom".into()]);
        for args in cases {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let o = tomwerk(d, &args);
            assert!(!o.status.success(), "{args:?}");
            let err = stderr(&o);
            assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
            assert!(err.contains("not a regular file"), "{args:?}: {err}");
        }
    }
    assert!(
        started.elapsed().as_secs() < 30,
        "something waited on the FIFO"
    );
    assert!(!d.join("out.tom").exists());
}

/// 19.8: a 10 MB organisation name (reachable from front matter) is refused at import
/// and on load with one line, instead of an export that takes minutes.
#[test]
fn an_overlong_name_is_refused_at_import_and_load() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let name = "N".repeat(10 << 20);
    fs::write(
        d.join("long.md"),
        format!("---\norganisation: {name}\n---\n\n# TOM\n\n## Verschlüsselung\n\nText.\n"),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let o = tomwerk(d, &["import", "long.md", "long.tom", "--lang", "de"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(stderr(&o).contains("at most 1000"), "{}", stderr(&o));
    assert!(!d.join("long.tom").exists());
    // A file holding one (written by hand or by an older build) does not load.
    let mut file = store::example();
    file.working.meta.organisation.name = name;
    let text = store::to_ron(&file).unwrap();
    fs::write(d.join("long.tom"), text).unwrap();
    let o = tomwerk(d, &["export", "long.tom", "long.pdf"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("organisation name has 10485760 characters"),
        "{}",
        stderr(&o)
    );
    assert!(!d.join("long.pdf").exists());
    assert!(started.elapsed().as_secs() < 60);
    // 1,000 characters are fine.
    let mut ok = store::example();
    ok.working.meta.organisation.name = "Ä".repeat(1_000);
    assert!(tomwerk_model_ok(&ok));
}

fn tomwerk_model_ok(file: &store::TomFile) -> bool {
    tomwerk::model::validate(&file.working)
        .iter()
        .all(|e| !e.is_fatal())
}
