//! `tomwerk diff FILE.tom --from L1 [--to L2|working] [--lang de|en] [--out report.pdf|report.docx|report.md]`;
//! the .docx report is the newer side with every change a tracked revision.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use super::DiffArgs;
use crate::diff::{Fingerprint, Report, compare};
use crate::i18n::{detect_locale, i18n};
use crate::model::{Document, Lang};
use crate::store::{self, TomFile};

/// The `--to` value that names the working copy.
const WORKING: &str = "working";

/// Runs `tomwerk diff`: prints the changes (nothing when there are none) or writes a
/// Markdown or PDF change report.
pub fn run(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let ui_lang = args.lang.map(Lang::from).unwrap_or_else(detect_locale);
    if let Some(out) = &args.out {
        super::guard_output(&[&args.file], out, None)?;
    }
    let file = super::load_verified(&args.file)?;
    let (old, from) =
        side(&file, &args.from, ui_lang).with_context(|| args.file.display().to_string())?;
    let (new, to) =
        side(&file, &args.to, ui_lang).with_context(|| args.file.display().to_string())?;
    let lang = args
        .lang
        .map(Lang::from)
        .unwrap_or(new.meta.primary_language);
    let diff = compare(&old, &new);
    let report = Report::new(&diff, lang, from, to).dated(super::today());
    match &args.out {
        None => {
            let text = report.to_text();
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    return Err(e).context("cannot write to standard output");
                }
                _ => {}
            }
        }
        Some(path) if has_extension(path, "docx") => {
            let bytes = tracked_docx(&file, &args.from, &args.to, lang)
                .context("cannot create the Word report")?;
            store::write_atomic(path, &bytes)
                .with_context(|| format!("cannot write {}", path.display()))?;
            println!("{}", path.display());
        }
        Some(path) => write_report(path, &report, &new.meta.organisation.name)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The document and fingerprint for a label: a released version, or the working copy.
/// A version labelled "working" wins over the working copy, so every version stays
/// reachable.
fn side(file: &TomFile, label: &str, lang: Lang) -> anyhow::Result<(Document, Fingerprint)> {
    let label = label.trim();
    if let Some(v) = file.version(label) {
        let doc = v
            .document()
            .with_context(|| format!("version {label} cannot be read"))?;
        return Ok((doc, Fingerprint::of_version(v)));
    }
    if label.eq_ignore_ascii_case(WORKING) {
        let fp = Fingerprint::working(&file.working)?;
        return Ok((file.working.clone(), fp));
    }
    let mut available: Vec<&str> = file.versions.iter().map(|v| v.label.as_str()).collect();
    available.push(WORKING);
    anyhow::bail!(
        "{}",
        i18n().tr_args(
            lang,
            "diff-no-such-version",
            &[
                ("label", label.into()),
                ("available", available.join(", ").into()),
            ],
        )
    )
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The change report as a Word file with tracked changes: the newer side in full, every
/// change since the older side a revision. `from`/`to` were resolved by [`side`] already,
/// so a label here is either a version or the working copy.
fn tracked_docx(file: &TomFile, from: &str, to: &str, lang: Lang) -> anyhow::Result<Vec<u8>> {
    let today = super::today();
    let resolve = |label: &str| {
        let label = label.trim();
        let version = file.version(label).map(|_| label);
        crate::export::docx::ReportSide::of(file, version, today)
    };
    let options = crate::export::ExportOptions {
        lang,
        version: None,
        toc: false,
        history: true,
        measures: crate::export::MeasureLayout::List,
        date: today,
    };
    Ok(crate::export::docx::tracked_report(
        &resolve(from)?,
        &resolve(to)?,
        &options,
    )?)
}

fn write_report(path: &Path, report: &Report, organisation: &str) -> anyhow::Result<()> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let bytes = match ext.as_str() {
        "md" | "markdown" => report.to_markdown().into_bytes(),
        "pdf" => {
            let out = report
                .pdf_at(organisation, super::now())
                .context("cannot create the PDF report")?;
            for w in &out.warnings {
                eprintln!("tomwerk: {w}");
            }
            out.bytes
        }
        _ => anyhow::bail!(
            "{}: the report must be a .pdf, .docx or .md file (got \"{}\")",
            path.display(),
            ext
        ),
    };
    store::write_atomic(path, &bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    println!("{}", path.display());
    Ok(())
}
