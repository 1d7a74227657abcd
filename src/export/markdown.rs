//! The Markdown writer: one language of a document as Markdown the importer reads back.
//!
//! Layout: YAML front matter with the metadata, the title as `#`, the introduction, then
//! every visible section as a numbered heading (`## 1.`, `### 3.1.`) followed by an
//! invisible `<!-- tomwerk:section ID -->` comment, its body and its measures. The
//! comments let `import::import_markdown` restore ids exactly; other renderers hide them.

use std::fmt::Write as _;

use super::{ExportError, ExportOptions, MeasureLayout};
use crate::i18n::{format_date, i18n};
use crate::import::measure_prefix;
use crate::model::{Document, Lang, Measure, MeasureKind, MeasureStatus, format_number};
use crate::store::TomFile;

/// Exports a file (its working copy or `options.version`) as Markdown.
pub fn markdown(file: &TomFile, options: &ExportOptions) -> Result<String, ExportError> {
    // A broken chain: the working copy only, no version, no history, and a banner.
    let broken = file.verify().err();
    if let (Some(_), Some(e)) = (&options.version, &broken) {
        return Err(ExportError::IntegrityBroken(e.clone()));
    }
    let (doc, version, draft) = match &options.version {
        None if broken.is_some() => (file.working.clone(), None, true),
        Some(label) => {
            let v = file
                .version(label)
                .ok_or_else(|| ExportError::NoSuchVersion(label.clone()))?;
            (v.document()?, Some(v), false)
        }
        None => (
            file.working.clone(),
            file.latest(),
            file.has_unreleased_changes(),
        ),
    };
    let mut out = String::new();
    front_matter(&mut out, &doc, options.lang, version, draft);
    if broken.is_some() {
        integrity_banner(&mut out, options.lang);
    }
    body(&mut out, &doc, options.lang, options.measures, draft);
    if options.toc {
        // The table of contents goes after the title; insert it there.
        out = with_toc(&out, &doc, options.lang);
    }
    if broken.is_some() {
        integrity_banner(&mut out, options.lang);
    } else if options.history && !file.versions.is_empty() {
        history(&mut out, file, options.lang);
    }
    Ok(out)
}

/// The "INTEGRITY BROKEN" line at the start and the end of a Markdown export of a file
/// whose version chain does not verify (Markdown has no pages; these are its edges).
fn integrity_banner(out: &mut String, lang: Lang) {
    let _ = writeln!(
        out,
        "<!-- tomwerk:integrity-broken -->\n\n**{}**\n",
        i18n().tr(lang, "integrity-broken-banner")
    );
}

/// One document in one language, without version information (for previews and tests).
pub fn document_markdown(doc: &Document, lang: Lang, measures: MeasureLayout) -> String {
    let mut out = String::new();
    front_matter(&mut out, doc, lang, None, false);
    body(&mut out, doc, lang, measures, false);
    out
}

/// A YAML double-quoted scalar: every character that could end or bend it is escaped.
fn yaml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn front_matter(
    out: &mut String,
    doc: &Document,
    lang: Lang,
    version: Option<&crate::store::Version>,
    draft: bool,
) {
    let m = &doc.meta;
    out.push_str("---\n");
    let _ = writeln!(
        out,
        "generator: {}",
        yaml(&format!("tomwerk {}", env!("CARGO_PKG_VERSION")))
    );
    let fields = [
        ("organisation", m.organisation.name.as_str()),
        ("address", m.organisation.address.as_str()),
        ("purpose", m.purpose.get(lang)),
        ("responsible", m.responsible.get(lang)),
        ("dpo", m.dpo_contact.as_str()),
    ];
    for (key, value) in fields {
        if !value.trim().is_empty() {
            let _ = writeln!(out, "{key}: {}", yaml(value));
        }
    }
    if let Some(d) = m.last_review {
        let _ = writeln!(out, "last_review: {d}");
    }
    let _ = writeln!(out, "review_interval_months: {}", m.review_interval_months);
    let _ = writeln!(out, "language: {}", lang.code());
    let langs: Vec<&str> = m.languages.iter().map(|l| l.code()).collect();
    let _ = writeln!(out, "languages: [{}]", langs.join(", "));
    if let Some(v) = version {
        let _ = writeln!(out, "version: {}", yaml(&v.label));
        let _ = writeln!(out, "released: {}", v.date);
    }
    if draft {
        out.push_str("draft: true\n");
    }
    if !m.extra.is_empty() {
        out.push_str("extra:\n");
        for (k, v) in &m.extra {
            let _ = writeln!(out, "  {}: {}", yaml(k), yaml(v));
        }
    }
    out.push_str("---\n\n");
}

fn body(out: &mut String, doc: &Document, lang: Lang, layout: MeasureLayout, draft: bool) {
    let i = i18n();
    let _ = writeln!(out, "# {}\n", one_line(&i.document_title(doc, lang)));
    if draft {
        let _ = writeln!(
            out,
            "<!-- tomwerk:draft -->\n\n**{}**\n",
            i.tr(lang, "markdown-draft")
        );
    }
    let intro = doc.intro.get(lang).trim();
    if !intro.is_empty() {
        let _ = writeln!(out, "{intro}\n");
    }
    for (number, section) in doc.numbered() {
        let hashes = "#".repeat((number.len() + 1).min(6));
        let title = one_line(&i.section_title(section, lang));
        let _ = writeln!(out, "{hashes} {} {title}", format_number(&number));
        let covers: Vec<&str> = section.covers.iter().map(|c| c.as_str()).collect();
        if covers.is_empty() {
            let _ = writeln!(out, "<!-- tomwerk:section {} -->\n", section.id);
        } else {
            let _ = writeln!(
                out,
                "<!-- tomwerk:section {} covers: {} -->\n",
                section.id,
                covers.join(", ")
            );
        }
        let text = section.body.get(lang).trim();
        if !text.is_empty() {
            let _ = writeln!(out, "{text}\n");
        }
        if !section.measures.is_empty() {
            match layout {
                MeasureLayout::List => measure_list(out, &section.measures, lang),
                MeasureLayout::Table => measure_table(out, &section.measures, lang),
            }
        }
    }
}

/// Headings are one line: line breaks inside a title become spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn measure_text(m: &Measure, lang: Lang) -> (&str, &str) {
    (
        m.text.get_or_other(lang).trim(),
        m.note.get_or_other(lang).trim(),
    )
}

fn measure_list(out: &mut String, measures: &[Measure], lang: Lang) {
    out.push_str("<!-- tomwerk:measures -->\n\n");
    let note_label = i18n().tr(lang, "markdown-measure-note");
    for m in measures {
        let (text, note) = measure_text(m, lang);
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        let _ = write!(out, "- {}{first}", measure_prefix(m.kind, m.status, lang));
        if !m.id.as_str().is_empty() {
            let _ = write!(out, " <!-- {} -->", m.id);
        }
        out.push('\n');
        for l in lines {
            let _ = writeln!(out, "  {l}");
        }
        if !note.is_empty() {
            let mut lines = note.lines();
            let _ = writeln!(
                out,
                "  - {note_label}: {}",
                lines.next().unwrap_or_default()
            );
            for l in lines {
                let _ = writeln!(out, "    {l}");
            }
        }
    }
    out.push('\n');
}

/// Measures as a two-column table "technical | organisational"; cells name a status
/// other than "implemented" and the note. The importer reads it back as a table.
fn measure_table(out: &mut String, measures: &[Measure], lang: Lang) {
    let i = i18n();
    let column = |kind: MeasureKind| -> Vec<String> {
        measures
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| {
                let (text, note) = measure_text(m, lang);
                let mut cell = cell_text(text);
                if m.status != MeasureStatus::Implemented {
                    let _ = write!(cell, " ({})", i.status_label(m.status, lang));
                }
                if !note.is_empty() {
                    let _ = write!(
                        cell,
                        " – {}: {}",
                        i.tr(lang, "markdown-measure-note"),
                        cell_text(note)
                    );
                }
                cell
            })
            .collect()
    };
    let tech = column(MeasureKind::Technical);
    let org = column(MeasureKind::Organisational);
    let _ = writeln!(
        out,
        "| {} | {} |\n|---|---|",
        i.tr(lang, "markdown-measures-technical"),
        i.tr(lang, "markdown-measures-organisational")
    );
    for row in 0..tech.len().max(org.len()) {
        let _ = writeln!(
            out,
            "| {} | {} |",
            tech.get(row).map_or("", String::as_str),
            org.get(row).map_or("", String::as_str)
        );
    }
    out.push('\n');
}

/// Text inside a table cell: pipes escaped, line breaks as `<br>`.
fn cell_text(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

/// The table of contents: one list (numbers and titles), marked so the importer skips it.
fn with_toc(rendered: &str, doc: &Document, lang: Lang) -> String {
    let i = i18n();
    let mut toc = "<!-- tomwerk:toc -->\n\n".to_owned();
    for (number, section) in doc.numbered() {
        let indent = "  ".repeat(number.len().saturating_sub(1));
        let _ = writeln!(
            toc,
            "{indent}- {} {}",
            format_number(&number),
            one_line(&i.section_title(section, lang))
        );
    }
    toc.push('\n');
    // After the title line (the first line starting with "# " after the front matter).
    match rendered
        .find("\n# ")
        .and_then(|at| rendered[at + 1..].find('\n').map(|nl| at + 1 + nl + 1))
    {
        Some(pos) => format!(
            "{}\n{toc}{}",
            &rendered[..pos],
            rendered[pos..].trim_start_matches('\n')
        ),
        None => format!("{rendered}\n{toc}"),
    }
}

fn history(out: &mut String, file: &TomFile, lang: Lang) {
    let i = i18n();
    let _ = writeln!(
        out,
        "## {}\n<!-- tomwerk:history -->\n\n| {} | {} | {} | {} |\n|---|---|---|---|",
        i.tr(lang, "markdown-history"),
        i.tr(lang, "markdown-history-version"),
        i.tr(lang, "markdown-history-date"),
        i.tr(lang, "markdown-history-author"),
        i.tr(lang, "markdown-history-note"),
    );
    for v in &file.versions {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell_text(&v.label),
            format_date(v.date, lang),
            cell_text(&v.author),
            cell_text(v.note.get_or_other(lang))
        );
    }
    out.push('\n');
}
