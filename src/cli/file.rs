//! `tomwerk new|example|versions|release|verify`: creating files and managing their versions.

use std::process::ExitCode;

use anyhow::Context as _;

use super::{
    ExampleArgs, FileArgs, KeygenArgs, NewArgs, ReleaseArgs, VerifyArgs, today, user_name,
};
use crate::i18n::{detect_locale, i18n};
use crate::model::{Document, Lang};
use crate::store::{self, TomFile};

/// `tomwerk new OUT.tom [--lang de|en] [--org NAME]`.
pub fn new(args: &NewArgs) -> anyhow::Result<ExitCode> {
    let lang = args.lang.map(Lang::from).unwrap_or_else(detect_locale);
    let doc = Document::empty_template(lang, args.org.as_deref().unwrap_or(""));
    write_new(&args.out, &TomFile::new(doc), args.force)
}

/// `tomwerk example OUT.tom`.
pub fn example(args: &ExampleArgs) -> anyhow::Result<ExitCode> {
    write_new(&args.out, &store::example(), args.force)
}

/// Writes a fresh file, refusing to replace an existing one (a `.tom` with its release
/// history, or any other file) unless `force` is given.
fn write_new(out: &std::path::Path, file: &TomFile, force: bool) -> anyhow::Result<ExitCode> {
    // Locked from the existence check to the rename, so two runs cannot both pass the
    // check, and a file that appears meanwhile is not replaced.
    let doc = super::lock(out)?;
    if !force && out.symlink_metadata().is_ok() {
        let ui = detect_locale();
        let path = out.display().to_string();
        let message = match store::load(out) {
            Ok(existing) if !existing.versions.is_empty() => i18n().tr_args(
                ui,
                "integrity-refuse-history",
                &[
                    ("path", path.into()),
                    ("count", existing.versions.len().into()),
                ],
            ),
            _ => i18n().tr_args(ui, "integrity-refuse-exists", &[("path", path.into())]),
        };
        anyhow::bail!("{message}");
    }
    super::guard_output(&[], out, Some(force))?;
    doc.save(file).map_err(super::localized)?;
    println!("{}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// `tomwerk versions FILE.tom`: one line per version: label, date, author, short hash, note.
pub fn versions(args: &FileArgs) -> anyhow::Result<ExitCode> {
    let file = super::load_verified(&args.file)?;
    let lang = file.working.meta.primary_language;
    for v in &file.versions {
        println!(
            "{}\t{}\t{}\t{}\t{}",
            v.label,
            v.date,
            v.author,
            v.short_hash(),
            v.note.get_or_other(lang).replace('\n', " ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `tomwerk release FILE.tom --label L --note TEXT [--author NAME]`.
pub fn release(args: &ReleaseArgs) -> anyhow::Result<ExitCode> {
    super::guard_output(&[], &args.file, None)?;
    // The lock is held from reading to the rename: a second release waits and then
    // appends to this one's result instead of silently replacing it.
    // The key first: a missing key refuses the release before anything is done.
    let key = if args.sign {
        Some(
            store::key_dir()
                .and_then(|dir| store::SigningKey::load(&dir))
                .map_err(key_error)?,
        )
    } else {
        None
    };
    let mut doc = super::lock(&args.file)?;
    let mut file = super::verified(&args.file, doc.load().map_err(super::localized)?)?;
    let author = args.author.clone().unwrap_or_else(user_name);
    let mut note = crate::model::LocalText::only(
        file.working.meta.primary_language,
        args.note.clone().unwrap_or_default(),
    );
    for (lang, text) in [(Lang::De, &args.note_de), (Lang::En, &args.note_en)] {
        if let Some(text) = text {
            *note.get_mut(lang) = text.clone();
        }
    }
    let version = file
        .release_with_notes(&args.label, today(), &author, &note)
        .with_context(|| format!("{}: cannot release", args.file.display()))?;
    let mut line = format!("{}\t{}", version.label, version.short_hash());
    if let Some(key) = &key
        && let Some(fingerprint) = file.sign_latest(key)
    {
        line.push_str(&format!("\t{}", signed_by(&fingerprint)));
    }
    doc.save(&file).map_err(super::localized)?;
    // Only now: a label and hash printed before a failed save would claim a release
    // that never reached the disk.
    println!("{line}");
    Ok(ExitCode::SUCCESS)
}

/// `tomwerk verify FILE.tom [--expect HASH]`: exit 0 when the chain and every signature
/// hold (and the expected version is there), 1 naming the first bad version.
pub fn verify(args: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let ui = detect_locale();
    let path = args.file.display().to_string();
    let file = super::load_warning(&args.file).map_err(super::localized)?;
    if let Err(e) = file.verify_deep() {
        eprintln!(
            "tomwerk: {}",
            i18n().tr_args(
                ui,
                "integrity-chain-broken-verify",
                &[
                    ("path", path.as_str().into()),
                    ("label", e.label.clone().into()),
                    ("position", e.position.into()),
                    ("reason", super::chain_fault_text(&e, ui).into()),
                ]
            )
        );
        return Ok(ExitCode::FAILURE);
    }
    println!(
        "{}: {} versions, chain intact{}",
        path,
        file.versions.len(),
        file.latest()
            .map(|v| format!(", latest {} {}", v.label, v.short_hash()))
            .unwrap_or_default()
    );
    // Who signed what: every version once a file holds a signature.
    if file.versions.iter().any(|v| v.signature.is_some()) {
        let own = store::key_dir()
            .and_then(|dir| store::SigningKey::load(&dir))
            .ok()
            .map(|k| k.fingerprint());
        for v in &file.versions {
            let who = match &v.signature {
                Some(sig) => {
                    let fp = sig.key_fingerprint();
                    let mine = own.as_deref() == Some(fp.as_str());
                    i18n().tr_args(
                        ui,
                        "integrity-signed-line",
                        &[
                            ("key", fp.into()),
                            ("own", if mine { "yes" } else { "no" }.into()),
                        ],
                    )
                }
                None => i18n().tr(ui, "integrity-unsigned-line"),
            };
            println!("  {}\t{}\t{}", v.label, v.short_hash(), who);
        }
    }
    if let Some(expected) = &args.expect {
        return expect_version(&file, &path, expected);
    }
    Ok(ExitCode::SUCCESS)
}

/// `verify --expect HASH`: the file must still hold a version whose hash starts with the
/// fingerprint a customer received (the PDF's footer): the outside anchor a rewritten
/// history cannot fake.
fn expect_version(file: &TomFile, path: &str, expected: &str) -> anyhow::Result<ExitCode> {
    let ui = detect_locale();
    let wanted: String = expected
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if wanted.len() < 12 || wanted.len() > 64 || !wanted.chars().all(|c| c.is_ascii_hexdigit()) {
        anyhow::bail!(
            "{}",
            i18n().tr_args(ui, "integrity-expect-bad", &[("hash", expected.into())])
        );
    }
    match file.versions.iter().find(|v| v.hash.starts_with(&wanted)) {
        Some(v) => {
            println!(
                "{}",
                i18n().tr_args(
                    ui,
                    "integrity-expect-found",
                    &[
                        ("path", path.into()),
                        ("label", v.label.clone().into()),
                        ("date", v.date.to_string().into()),
                        ("hash", v.hash.clone().into()),
                    ]
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!(
                "tomwerk: {}",
                i18n().tr_args(
                    ui,
                    "integrity-expect-missing",
                    &[("path", path.into()), ("hash", wanted.into())]
                )
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `tomwerk keygen [--force]`: an Ed25519 key pair for `release --sign`.
pub fn keygen(args: &KeygenArgs) -> anyhow::Result<ExitCode> {
    let ui = detect_locale();
    let dir = store::key_dir().map_err(key_error)?;
    let key = store::SigningKey::generate().map_err(key_error)?;
    key.save(&dir, args.force).map_err(key_error)?;
    println!(
        "{}",
        i18n().tr_args(
            ui,
            "integrity-keygen-done",
            &[
                ("dir", dir.display().to_string().into()),
                ("key", key.fingerprint().into()),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

fn signed_by(fingerprint: &str) -> String {
    i18n().tr_args(
        detect_locale(),
        "integrity-signed-line",
        &[("key", fingerprint.into()), ("own", "yes".into())],
    )
}

/// One line in the user's language for a key problem.
fn key_error(e: store::KeyError) -> anyhow::Error {
    let ui = detect_locale();
    let (id, path) = match &e {
        store::KeyError::Missing(p) => ("integrity-key-missing", p.display().to_string()),
        store::KeyError::Exists(p) => ("integrity-key-exists", p.display().to_string()),
        store::KeyError::Invalid(p) => ("integrity-key-invalid", p.display().to_string()),
        _ => return e.into(),
    };
    anyhow::anyhow!("{}", i18n().tr_args(ui, id, &[("path", path.into())]))
}
