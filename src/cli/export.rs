//! `tomwerk export FILE.tom OUT.pdf|OUT.docx|OUT.md`: the document (or a version) as PDF, Word or Markdown.

use std::process::ExitCode;

use anyhow::Context as _;

use super::{ExportArgs, MeasuresArg, now};
use crate::export::{self, ExportOptions, MeasureLayout};
use crate::i18n::{detect_locale, i18n};
use crate::model::Lang;
use crate::store;

/// Runs `tomwerk export`.
pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let ui = detect_locale();
    let ext = args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let path_text = args.out.display().to_string();
    let is_pdf = match ext.as_deref() {
        Some("pdf") => true,
        Some("md") | Some("markdown") | Some("docx") => false,
        _ => anyhow::bail!(
            "{}",
            i18n().tr_args(
                ui,
                "export-cli-bad-extension",
                &[("path", path_text.as_str().into())]
            )
        ),
    };
    super::guard_output(&[&args.file], &args.out, Some(args.force))?;
    let file = if args.force {
        load_forced(args)?
    } else {
        super::load_verified(&args.file)?
    };
    let lang = args
        .lang
        .map(Lang::from)
        .unwrap_or(file.working.meta.primary_language);
    let now = now();
    let options = ExportOptions {
        lang,
        version: args.version.clone(),
        toc: args.toc,
        history: args.history,
        measures: match args.measures {
            MeasuresArg::List => MeasureLayout::List,
            MeasuresArg::Table => MeasureLayout::Table,
        },
        date: now.date(),
    };
    let pages = if is_pdf {
        let out = export::pdf_at(&file, &options, now)?;
        // A character the font lacks would print as a placeholder: refuse, naming it
        // and its section, unless the user accepts that.
        if let Some(message) = out.missing_message(ui)
            && !args.allow_missing_glyphs
        {
            eprintln!("tomwerk: {message}");
            return Ok(ExitCode::FAILURE);
        }
        for w in &out.warnings {
            eprintln!("tomwerk: {w}");
        }
        store::write_atomic(&args.out, &out.bytes)
            .with_context(|| format!("cannot write {path_text}"))?;
        out.pages
    } else if ext.as_deref() == Some("docx") {
        for w in export::file_language_warnings(&file, &options)? {
            eprintln!("tomwerk: {w}");
        }
        let bytes = export::docx(&file, &options)?;
        store::write_atomic(&args.out, &bytes)
            .with_context(|| format!("cannot write {path_text}"))?;
        0
    } else {
        for w in export::file_language_warnings(&file, &options)? {
            eprintln!("tomwerk: {w}");
        }
        let md = export::markdown::markdown(&file, &options)?;
        store::write_atomic(&args.out, md.as_bytes())
            .with_context(|| format!("cannot write {path_text}"))?;
        0
    };
    if is_pdf {
        println!(
            "{}",
            i18n().tr_args(
                ui,
                "export-cli-written",
                &[
                    ("path", path_text.as_str().into()),
                    ("pages", pages.to_string().as_str().into())
                ]
            )
        );
    } else {
        println!(
            "{}",
            i18n().tr_args(ui, "cli-written", &[("path", path_text.as_str().into())])
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `export --force`: a file whose chain is broken is exported all the same, but only its
/// working copy, marked "INTEGRITY BROKEN" on every page instead of a fingerprint (the
/// exporters do that when the chain does not verify); a released version is refused.
fn load_forced(args: &ExportArgs) -> anyhow::Result<store::TomFile> {
    let file = super::load_warning(&args.file).map_err(super::localized)?;
    let Err(e) = file.verify_deep() else {
        return Ok(file);
    };
    let ui = detect_locale();
    let vars = [
        ("path", args.file.display().to_string().into()),
        ("label", e.label.clone().into()),
    ];
    if args.version.is_some() {
        anyhow::bail!(
            "{}",
            i18n().tr_args(ui, "integrity-force-working-only", &vars)
        );
    }
    eprintln!(
        "tomwerk: {}",
        i18n().tr_args(ui, "integrity-export-forced", &vars)
    );
    Ok(file)
}
