//! `tomwerk import IN.md OUT.tom [--lang de|en]`: imports a Markdown TOM and prints where each heading went.

use std::collections::HashMap;
use std::process::ExitCode;

use fluent_bundle::FluentValue;

use crate::i18n::{detect_locale, i18n};
use crate::import::{ImportOptions, ImportReport, MeasureDetection, import_file_with};
use crate::model::{Document, Lang, SectionId, format_number};
use crate::store::{self, TomFile};

/// `--measures`: whether measure tables and task lists become structured measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MeasuresArg {
    /// Turn them into structured measures with kind and status (the default).
    Detect,
    /// Keep every table and list as text.
    Off,
}

/// Runs `tomwerk import`.
pub fn run(args: &super::ImportArgs) -> anyhow::Result<ExitCode> {
    let ui = detect_locale();
    let i = i18n();
    // Locked from the overwrite check to the rename (see `store::LockedDocument`).
    store::ensure_regular_file(&args.input).map_err(super::localized)?;
    let doc = super::lock(&args.out)?;
    refuse_overwrite(args, ui)?;
    super::guard_output(&[&args.input], &args.out, None)?;
    let options = ImportOptions {
        lang: args.lang.map(Lang::from),
        measures: match args.measures {
            MeasuresArg::Detect => MeasureDetection::Detect,
            MeasuresArg::Off => MeasureDetection::Off,
        },
    };
    let imported = import_file_with(&args.input, options)?;
    // What the loader would refuse (e.g. a 10 MB organisation name from front matter) is
    // not written: one line naming the input, nothing saved.
    if let Some(e) = crate::model::validate(&imported.document)
        .into_iter()
        .find(|e| e.is_fatal())
    {
        anyhow::bail!(
            "{}",
            i.tr_args(
                ui,
                "import-refuse-invalid",
                &[
                    ("path", FluentValue::from(args.input.display().to_string())),
                    ("problem", FluentValue::from(e.to_string())),
                ]
            )
        );
    }
    doc.save(&TomFile::new(imported.document.clone()))
        .map_err(super::localized)?;
    for line in report_lines(&imported.document, &imported.report, ui) {
        println!("{line}");
    }
    println!(
        "{}",
        i.tr_args(
            ui,
            "import-written",
            &[("path", FluentValue::from(args.out.display().to_string()))]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// An import writes a new file: never over the input, and never over a `.tom` file with
/// released versions (their history would be gone) or over something that is not a `.tom` file.
fn refuse_overwrite(args: &super::ImportArgs, ui: Lang) -> anyhow::Result<()> {
    let i = i18n();
    let same = match (args.input.canonicalize(), args.out.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => args.input == args.out,
    };
    if same {
        anyhow::bail!(i.tr(ui, "import-refuse-same"));
    }
    if !args.out.exists() {
        return Ok(());
    }
    let path = FluentValue::from(args.out.display().to_string());
    match store::load(&args.out) {
        Ok(file) if file.versions.is_empty() => Ok(()),
        Ok(file) => anyhow::bail!(i.tr_args(
            ui,
            "import-refuse-history",
            &[
                ("path", path),
                ("count", FluentValue::from(file.versions.len()))
            ]
        )),
        Err(_) => anyhow::bail!(i.tr_args(ui, "import-refuse-other", &[("path", path)])),
    }
}

/// The report as lines in the user's language: language, title, each heading with the
/// section it went to (number, title, id), front-matter fields, repairs and a summary.
pub fn report_lines(doc: &Document, report: &ImportReport, ui: Lang) -> Vec<String> {
    let i = i18n();
    let content_lang = report.lang.unwrap_or(doc.meta.primary_language);
    let numbers: HashMap<&SectionId, String> = doc
        .numbered()
        .into_iter()
        .map(|(n, s)| (&s.id, format_number(&n)))
        .collect();
    // One lookup table, not a search of the tree per heading: 100,000 headings took 47 s
    // when each line searched the whole document (issue 19.8).
    let sections: HashMap<&SectionId, &crate::model::Section> = doc
        .all_sections()
        .into_iter()
        .map(|(s, _)| (&s.id, s))
        .collect();
    let mut lines = vec![i.tr_args(
        ui,
        "import-language",
        &[("lang", FluentValue::from(content_lang.code()))],
    )];
    if let Some(t) = &report.title {
        lines.push(i.tr_args(
            ui,
            "import-title",
            &[("heading", FluentValue::from(t.as_str()))],
        ));
    }
    if report.intro {
        lines.push(i.tr(ui, "import-intro"));
    }
    let hidden = i.tr(ui, "import-hidden");
    for m in &report.mappings {
        let title = sections
            .get(&m.section)
            .map(|s| i.section_title(s, content_lang))
            .unwrap_or_default();
        let number = numbers
            .get(&m.section)
            .cloned()
            .unwrap_or_else(|| hidden.clone());
        let mut args = vec![
            ("heading", FluentValue::from(m.heading.as_str())),
            ("number", FluentValue::from(number)),
            ("title", FluentValue::from(title)),
            ("id", FluentValue::from(m.section.as_str())),
        ];
        let id = if m.custom {
            "import-custom"
        } else if m.also_covers.is_empty() {
            "import-mapped"
        } else {
            let covers: Vec<String> = m
                .also_covers
                .iter()
                .map(|c| {
                    sections
                        .get(c)
                        .map(|s| i.section_title(s, content_lang))
                        .unwrap_or_else(|| c.to_string())
                })
                .collect();
            args.push(("covers", FluentValue::from(covers.join(", "))));
            "import-mapped-covers"
        };
        lines.push(i.tr_args(ui, id, &args));
    }
    lines.extend(structure_lines(doc, report, ui, content_lang));
    for (key, field) in &report.metadata {
        lines.push(i.tr_args(
            ui,
            "import-meta",
            &[
                ("key", FluentValue::from(key.as_str())),
                ("field", FluentValue::from(field.as_str())),
            ],
        ));
    }
    for r in &report.repairs {
        lines.push(i.tr_args(
            ui,
            "import-repaired",
            &[("line", FluentValue::from(r.as_str()))],
        ));
    }
    for w in &report.warnings {
        lines.push(i.tr_args(
            ui,
            "import-warning",
            &[("text", FluentValue::from(w.message(ui)))],
        ));
    }
    let custom = report.mappings.iter().filter(|m| m.custom).count();
    lines.push(i.tr_args(
        ui,
        "import-summary",
        &[
            ("headings", FluentValue::from(report.mappings.len())),
            ("mapped", FluentValue::from(report.mappings.len() - custom)),
            ("custom", FluentValue::from(custom)),
        ],
    ));
    lines
}

/// The report's lines for what the structure pass did: a dropped table of contents, the
/// title block, measure tables, dissolved wrappers and hidden canonical sections.
fn structure_lines(doc: &Document, report: &ImportReport, ui: Lang, content: Lang) -> Vec<String> {
    let i = i18n();
    let text = |s: &str| FluentValue::from(s.to_owned());
    let mut lines = Vec::new();
    let mut say = |id: &str, args: &[(&str, FluentValue<'static>)]| {
        lines.push(i.tr_args(ui, id, args));
    };
    if let Some((heading, _)) = &report.toc {
        say("import-toc-dropped", &[("heading", text(heading))]);
    }
    for (label, field) in &report.title_block {
        say(
            "import-title-block",
            &[("label", text(label)), ("field", text(field))],
        );
    }
    for (first, count) in &report.measure_blocks {
        say(
            "import-measures-detected",
            &[("line", text(first)), ("count", FluentValue::from(*count))],
        );
    }
    for heading in &report.dissolved {
        say("import-dissolved", &[("heading", text(heading))]);
    }
    for id in &report.hidden {
        let title = doc
            .section(id)
            .map(|s| i.section_title(s, content))
            .unwrap_or_default();
        say(
            "import-hidden-absent",
            &[("title", text(&title)), ("id", text(id.as_str()))],
        );
    }
    lines
}
