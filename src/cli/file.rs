//! `tomwerk new|example|versions|release|verify`: creating files and managing their versions.

use std::process::ExitCode;

use anyhow::Context as _;

use super::{ExampleArgs, FileArgs, NewArgs, ReleaseArgs, today, user_name};
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
    let mut doc = super::lock(&args.file)?;
    let mut file = super::verified(&args.file, doc.load()?)?;
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
    let line = format!("{}\t{}", version.label, version.short_hash());
    doc.save(&file).map_err(super::localized)?;
    // Only now: a label and hash printed before a failed save would claim a release
    // that never reached the disk.
    println!("{line}");
    Ok(ExitCode::SUCCESS)
}

/// `tomwerk verify FILE.tom`: exit 0 when the chain holds, 1 naming the first bad version.
pub fn verify(args: &FileArgs) -> anyhow::Result<ExitCode> {
    let file = super::load_warning(&args.file)?;
    match file.verify_deep() {
        Ok(()) => {
            println!(
                "{}: {} versions, chain intact{}",
                args.file.display(),
                file.versions.len(),
                file.latest()
                    .map(|v| format!(", latest {} {}", v.label, v.short_hash()))
                    .unwrap_or_default()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("tomwerk: {}: chain broken at {e}", args.file.display());
            Ok(ExitCode::FAILURE)
        }
    }
}
