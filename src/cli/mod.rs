//! The headless command line: one subcommand per job the GUI does. `main.rs` only dispatches here.

mod check;
mod diff;
mod errors;
mod export;
mod file;
mod import;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::Lang;

pub use errors::{chain_fault_text, store_error_text};
pub use import::report_lines;

/// Tomwerk: technical and organisational measures (TOM) under Art. 32 GDPR, offline.
#[derive(Debug, Parser)]
#[command(name = "tomwerk", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A .tom file to open in the editor (no subcommand starts the editor).
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A content language on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// German.
    De,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::De => Lang::De,
            LangArg::En => Lang::En,
        }
    }
}

/// How measures are laid out in an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MeasuresArg {
    /// A list after each section's text.
    List,
    /// A two-column table: technical | organisational.
    Table,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write an empty TOM template.
    New(NewArgs),
    /// Write the built-in example (a fictional company's complete TOM with 3 versions).
    Example(ExampleArgs),
    /// List the released versions, oldest first.
    Versions(FileArgs),
    /// Freeze the working copy as a new released version.
    Release(ReleaseArgs),
    /// Check the hash chain and the signatures of the released versions.
    Verify(VerifyArgs),
    /// Make an Ed25519 key pair for signing releases (in the configuration folder).
    Keygen(KeygenArgs),
    /// Export the document (or a version) as PDF or Markdown.
    Export(ExportArgs),
    /// Import a TOM written in Markdown.
    Import(ImportArgs),
    /// Compare two versions, or a version with the working copy.
    Diff(DiffArgs),
    /// Check the document for gaps: coverage, translations, overdue review, links.
    Check(CheckArgs),
}

/// `tomwerk new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The file to write.
    pub out: PathBuf,
    /// The primary language.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// The organisation's name.
    #[arg(long)]
    pub org: Option<String>,
    /// Overwrite an existing file (its released versions are lost).
    #[arg(long)]
    pub force: bool,
}

/// `tomwerk example`.
#[derive(Debug, Args)]
pub struct ExampleArgs {
    /// The file to write.
    pub out: PathBuf,
    /// Overwrite an existing file (its released versions are lost).
    #[arg(long)]
    pub force: bool,
}

/// A command that takes one `.tom` file.
#[derive(Debug, Args)]
pub struct FileArgs {
    /// The .tom file.
    pub file: PathBuf,
}

/// `tomwerk verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The .tom file.
    pub file: PathBuf,
    /// Also confirm that the file still holds the version with this fingerprint (the
    /// hex digits from a PDF's footer, at least 12, or the full hash).
    #[arg(long, value_name = "HASH")]
    pub expect: Option<String>,
}

/// `tomwerk keygen`.
#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// Replace an existing key (releases signed with it can still be verified: the
    /// public key is stored with each signature).
    #[arg(long)]
    pub force: bool,
}

/// `tomwerk release`.
#[derive(Debug, Args)]
pub struct ReleaseArgs {
    /// The .tom file.
    pub file: PathBuf,
    /// The new version's label, e.g. 2.1.
    #[arg(long)]
    pub label: String,
    /// What changed, in the document's primary language.
    #[arg(long, required_unless_present_any = ["note_de", "note_en"])]
    pub note: Option<String>,
    /// What changed, in German (overrides --note for German).
    #[arg(long)]
    pub note_de: Option<String>,
    /// What changed, in English (overrides --note for English).
    #[arg(long)]
    pub note_en: Option<String>,
    /// Who releases it (default: the user name).
    #[arg(long)]
    pub author: Option<String>,
    /// Sign the release with the key made by `tomwerk keygen`.
    #[arg(long)]
    pub sign: bool,
}

/// `tomwerk export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The .tom file.
    pub file: PathBuf,
    /// The output: .pdf, .docx or .md.
    pub out: PathBuf,
    /// The language (default: the document's primary language).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Export this released version instead of the working copy.
    #[arg(long)]
    pub version: Option<String>,
    /// Add a table of contents.
    #[arg(long)]
    pub toc: bool,
    /// Add the change-history table.
    #[arg(long)]
    pub history: bool,
    /// Lay measures out as a list or a two-column table.
    #[arg(long, value_enum, default_value = "list")]
    pub measures: MeasuresArg,
    /// Replace a read-only output file; and export the working copy of a file whose
    /// version chain is broken, marked "INTEGRITY BROKEN" on every page.
    #[arg(long)]
    pub force: bool,
    /// Write the PDF even when the font lacks some characters (printed as a
    /// placeholder); without it such an export fails and names them.
    #[arg(long)]
    pub allow_missing_glyphs: bool,
}

/// `tomwerk import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The Markdown file.
    pub input: PathBuf,
    /// The .tom file to write.
    pub out: PathBuf,
    /// The language of the Markdown (detected when not given).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Measure tables ("Maßnahme | Status") and task lists (`- [x]`): turned into
    /// structured measures (detect) or kept as text (off).
    #[arg(long, value_enum, default_value = "detect")]
    pub measures: import::MeasuresArg,
}

/// `tomwerk diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The .tom file.
    pub file: PathBuf,
    /// The older version's label.
    #[arg(long)]
    pub from: String,
    /// The newer version's label, or "working" for the working copy (the default).
    #[arg(long, default_value = "working")]
    pub to: String,
    /// The language of the report.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Write a report (.pdf or .md) instead of printing.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// `tomwerk check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The .tom file.
    pub file: PathBuf,
    /// The language of the messages.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Also report misspelled words (info findings), with the system's Hunspell
    /// dictionaries.
    #[arg(long)]
    pub spelling: bool,
}

/// Runs a subcommand; every error becomes one line on stderr and a non-zero exit code.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::New(a) => file::new(&a),
        Command::Example(a) => file::example(&a),
        Command::Versions(a) => file::versions(&a),
        Command::Release(a) => file::release(&a),
        Command::Verify(a) => file::verify(&a),
        Command::Keygen(a) => file::keygen(&a),
        Command::Export(a) => export::run(&a),
        Command::Import(a) => import::run(&a),
        Command::Diff(a) => diff::run(&a),
        Command::Check(a) => check::run(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // One line: the chain of causes joined, never a backtrace.
            let message = format!("{e:#}").replace('\n', " ");
            eprintln!("tomwerk: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Loads a `.tom` file and verifies its whole version chain before any command uses its
/// released versions: a tampered file is refused, naming the first bad version, so that no
/// export, report or new release vouches for it.
pub fn load_verified(path: &std::path::Path) -> anyhow::Result<crate::store::TomFile> {
    verified(path, load_warning(path).map_err(localized)?)
}

/// Refuses a loaded file whose version chain is broken (see [`load_verified`]).
pub fn verified(
    path: &std::path::Path,
    file: crate::store::TomFile,
) -> anyhow::Result<crate::store::TomFile> {
    if let Err(e) = file.verify_deep() {
        let ui = crate::i18n::detect_locale();
        anyhow::bail!(
            "{}",
            crate::i18n::i18n().tr_args(
                ui,
                "integrity-chain-broken",
                &[
                    ("path", path.display().to_string().into()),
                    ("label", e.label.clone().into()),
                    ("reason", chain_fault_text(&e, ui).into()),
                ]
            )
        );
    }
    Ok(file)
}

/// Takes the exclusive lock for a read-modify-write of `path` (see [`crate::store::LockedDocument`]).
pub fn lock(path: &std::path::Path) -> anyhow::Result<crate::store::LockedDocument> {
    crate::store::LockedDocument::lock(path).map_err(localized)
}

/// A store error as one line in the user's language (see [`store_error_text`]).
pub fn localized(e: crate::store::StoreError) -> anyhow::Error {
    anyhow::anyhow!("{}", store_error_text(&e, crate::i18n::detect_locale()))
}

/// Loads a `.tom` file and prints, once on stderr, what the loader repaired in its text
/// (a BOM, CRLF line endings), so the user learns why git shows the file as changed
/// after the next save.
pub fn load_warning(
    path: &std::path::Path,
) -> Result<crate::store::TomFile, crate::store::StoreError> {
    let (file, notices) = crate::store::load_with_notices(path)?;
    if let Some(id) = crate::store::LoadNotice::message_id(&notices) {
        let ui = crate::i18n::detect_locale();
        let message =
            crate::i18n::i18n().tr_args(ui, id, &[("path", path.display().to_string().into())]);
        eprintln!("tomwerk: {message}");
    }
    Ok(file)
}

/// Refuses to write `out` when it is one of the `inputs` (the same file after resolving
/// links: same device and inode on Unix, same canonical path elsewhere), or when it is a
/// read-only file and `force` is not `Some(true)` (`None`: the command has no `--force`).
/// Called before anything is written.
pub fn guard_output(
    inputs: &[&std::path::Path],
    out: &std::path::Path,
    force: Option<bool>,
) -> anyhow::Result<()> {
    let ui = crate::i18n::detect_locale();
    let path = out.display().to_string();
    // `metadata` follows links: a link to the input is the input.
    let Ok(out_meta) = std::fs::metadata(out) else {
        return Ok(());
    };
    for input in inputs {
        if same_file(input, &out_meta, out) {
            anyhow::bail!(
                "{}",
                crate::i18n::i18n().tr_args(
                    ui,
                    "integrity-refuse-same-file",
                    &[
                        ("path", path.as_str().into()),
                        ("input", input.display().to_string().into()),
                    ]
                )
            );
        }
    }
    if out_meta.permissions().readonly() && force != Some(true) {
        let id = if force.is_some() {
            "integrity-refuse-readonly"
        } else {
            "integrity-refuse-readonly-noforce"
        };
        anyhow::bail!(
            "{}",
            crate::i18n::i18n().tr_args(ui, id, &[("path", path.as_str().into())])
        );
    }
    Ok(())
}

fn same_file(input: &std::path::Path, out_meta: &std::fs::Metadata, out: &std::path::Path) -> bool {
    let Ok(in_meta) = std::fs::metadata(input) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let _ = out;
        in_meta.dev() == out_meta.dev() && in_meta.ino() == out_meta.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (in_meta, out_meta);
        match (input.canonicalize(), out.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

/// Today's date: the date of [`now`].
pub fn today() -> time::Date {
    now().date()
}

/// Now, with the local offset (UTC when it cannot be determined). Injected for tests and
/// reproducible builds: `TOMWERK_NOW` (RFC 3339, "2026-03-05T14:30:15+01:00") gives the
/// time of day, `TOMWERK_TODAY=YYYY-MM-DD` only a day (its start, UTC).
pub fn now() -> time::OffsetDateTime {
    if let Some(now) = std::env::var("TOMWERK_NOW").ok().and_then(|s| {
        time::OffsetDateTime::parse(s.trim(), &time::format_description::well_known::Rfc3339).ok()
    }) {
        return now;
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    if let Some(day) = std::env::var("TOMWERK_TODAY")
        .ok()
        .and_then(|s| time::Date::parse(s.trim(), &format).ok())
    {
        return day.midnight().assume_utc();
    }
    time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc())
}

/// The user's name for the author field, from the environment.
pub fn user_name() -> String {
    ["TOMWERK_AUTHOR", "USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_default()
}
