//! `tomwerk check FILE.tom [--lang de|en]`: prints one finding per line and exits 1 when
//! any of them is an error.

use std::process::ExitCode;

use fluent_bundle::FluentValue;

use super::{CheckArgs, store_error_text, today};
use crate::checks::{self, Level};
use crate::i18n::{detect_locale, i18n};
use crate::model::Lang;

/// Runs `tomwerk check`: findings on stdout ("Warnung 3.1. Zutrittskontrolle: …"), a
/// count on stderr; exit 0 without errors, 1 with errors, 2 when the file cannot be read
/// (clap exits 2 on usage errors as well).
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    // A file that cannot be read is trouble, not a finding: exit 2 like a usage error,
    // so scripts can tell "the TOM has errors" (1) from "nothing was checked".
    let file = match super::load_warning(&args.file) {
        Ok(file) => file,
        Err(e) => {
            let message = store_error_text(&e, detect_locale()).replace('\n', " ");
            eprintln!("tomwerk: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    // Findings quote the document's text: without --lang they speak its primary language.
    let lang = args
        .lang
        .map(Lang::from)
        .unwrap_or(file.working.meta.primary_language);
    let mut findings = checks::run(&file, today());
    if args.spelling {
        let spellers = crate::spell::Spellers::load(None);
        if spellers.de.is_none() && spellers.en.is_none() {
            eprintln!("{}", i18n().tr(lang, "spell-no-dictionary"));
        }
        findings.extend(checks::spelling::run(&file.working, &spellers));
    }
    if findings.is_empty() {
        println!("{}", i18n().tr(lang, "check-cli-none"));
        return Ok(ExitCode::SUCCESS);
    }
    let places = checks::Places::new(&file.working);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for f in &findings {
        use std::io::Write as _;
        // A closed pipe (`| head`) ends the listing; the exit code still says what was found.
        if writeln!(out, "{}", f.line_in(&places, lang)).is_err() {
            break;
        }
    }
    drop(out);
    let count = |level: Level| findings.iter().filter(|f| f.level == level).count();
    let summary = i18n().tr_args(
        lang,
        "check-cli-summary",
        &[
            ("errors", FluentValue::from(count(Level::Error))),
            ("warnings", FluentValue::from(count(Level::Warning))),
            ("infos", FluentValue::from(count(Level::Info))),
        ],
    );
    eprintln!("{summary}");
    Ok(if checks::has_errors(&findings) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
