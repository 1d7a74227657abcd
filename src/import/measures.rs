//! Measures hidden in tables and task lists: "Maßnahme | Art | Status" tables with ✅/❌/🔄
//! or status words, two-column "Technische | Organisatorische Maßnahmen" tables, and
//! `- [x]` / `- [ ]` task lists become structured measures. Nothing is lost: columns that
//! are neither measure, kind nor status go into the note, and so does a status word that
//! says more than the status (e.g. "teilweise").

use super::matching::normalize;
use crate::i18n::i18n;
use crate::model::{Lang, LocalText, Measure, MeasureId, MeasureKind, MeasureStatus};

/// Whether the import turns measure tables and task lists into structured measures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MeasureDetection {
    /// Detect them (the default).
    #[default]
    Detect,
    /// Keep every table and list as text.
    Off,
}

/// Header words of the column that holds the measure itself.
const MEASURE_HEADERS: &[&str] = &[
    "massnahme",
    "massnahmen",
    "measure",
    "measures",
    "control",
    "controls",
    "beschreibung der massnahme",
    "description",
    "beschreibung",
];

/// Header words of the status column.
const STATUS_HEADERS: &[&str] = &[
    "status",
    "umsetzung",
    "umsetzungsstand",
    "umgesetzt",
    "stand",
    "implemented",
    "implementation",
    "implementation status",
    "state",
    "erfuellt",
];

/// Header words of the kind column.
const KIND_HEADERS: &[&str] = &[
    "art",
    "typ",
    "kategorie",
    "kind",
    "type",
    "category",
    "t o",
    "technisch organisatorisch",
    "technical organisational",
    "technical organizational",
];

/// Reads a status cell: the status and whether the cell says more than it (then the cell's
/// words go into the note). `None` when the cell is no status.
fn status_of(cell: &str) -> Option<(MeasureStatus, bool)> {
    let t = cell.trim();
    let symbol = |set: &[&str]| set.iter().any(|s| t.starts_with(s));
    if t.is_empty() {
        return None;
    }
    // Symbols first: "✅ seit 2024" is implemented, its words a note.
    let from_symbol = if symbol(&["✅", "✔", "✓", "☑", "[x]", "[X]"]) {
        Some(MeasureStatus::Implemented)
    } else if symbol(&["❌", "✗", "✘", "☐", "[ ]", "🔄", "⏳", "🚧", "⚠"]) {
        Some(MeasureStatus::Planned)
    } else {
        None
    };
    let words = normalize(t);
    let has_words = !words.is_empty();
    if let Some(status) = from_symbol {
        // "🔄" alone is "in progress": planned, and the note keeps what the symbol said.
        let partial = t.starts_with('🔄') || t.starts_with('⏳') || t.starts_with('🚧');
        return Some((status, has_words || partial));
    }
    let status = match words.as_str() {
        "umgesetzt" | "implemented" | "ja" | "yes" | "done" | "erledigt" | "vorhanden"
        | "in place" | "aktiv" | "active" | "x" | "erfuellt" => MeasureStatus::Implemented,
        "geplant" | "planned" | "offen" | "open" | "nein" | "no" | "todo" | "to do"
        | "ausstehend" | "pending" => MeasureStatus::Planned,
        "teilweise"
        | "teilweise umgesetzt"
        | "partially"
        | "partial"
        | "partly"
        | "partially implemented"
        | "in umsetzung"
        | "in arbeit"
        | "in progress" => {
            return Some((MeasureStatus::Planned, true));
        }
        "n a" | "na" | "entfaellt" | "nicht anwendbar" | "not applicable" | "nicht relevant" => {
            MeasureStatus::NotApplicable
        }
        _ => return None,
    };
    // The word is the status itself ("Umgesetzt") unless it is a synonym worth keeping.
    let label = |lang| normalize(&i18n().status_label(status, lang));
    let same = Lang::ALL.iter().any(|&l| label(l) == words);
    Some((status, !same))
}

/// What a status cell says beyond its symbol, for the note: "🔄" is "in progress" in words
/// (the fonts have no emoji, and a note is read, not looked at), other symbols are dropped.
fn status_words(cell: &str, lang: Lang) -> String {
    let t = cell.trim();
    let in_progress = t.starts_with(['🔄', '⏳', '🚧']);
    let words = t
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '[')
        .trim_start_matches("[ ]")
        .trim_start_matches("[x]")
        .trim_start_matches("[X]")
        .trim();
    match (in_progress, words.is_empty()) {
        (true, true) => i18n().tr(lang, "import-status-in-progress"),
        (true, false) => format!("{}, {words}", i18n().tr(lang, "import-status-in-progress")),
        (false, _) => words.to_owned(),
    }
}

/// Reads a kind cell ("technisch", "T", "organisational", "O").
fn kind_of(cell: &str) -> Option<MeasureKind> {
    let n = normalize(cell);
    if n == "t" || n.starts_with("techni") {
        Some(MeasureKind::Technical)
    } else if n == "o" || n.starts_with("organi") {
        Some(MeasureKind::Organisational)
    } else {
        None
    }
}

/// The kind a header such as "Technische Maßnahmen" or "Organisational measures" names.
fn kind_header(cell: &str) -> Option<MeasureKind> {
    let n = normalize(cell);
    let words: Vec<&str> = n.split(' ').collect();
    let measures = words
        .last()
        .is_some_and(|w| w.starts_with("massnahme") || w.starts_with("measure"));
    if words.len() == 2 && measures {
        kind_of(words[0])
    } else {
        None
    }
}

/// Splits a table row into trimmed cells (escaped `\|` stays in its cell).
fn cells(row: &str) -> Vec<String> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = row
        .strip_suffix('|')
        .filter(|r| !r.ends_with('\\'))
        .unwrap_or(row);
    let mut out = vec![String::new()];
    let mut escaped = false;
    for c in row.chars() {
        match c {
            '|' if !escaped => out.push(String::new()),
            _ => {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                }
            }
        }
        escaped = c == '\\' && !escaped;
    }
    out.into_iter().map(|c| c.trim().to_owned()).collect()
}

fn is_delimiter(row: &[String]) -> bool {
    !row.is_empty()
        && row
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

fn measure(
    text: &str,
    kind: MeasureKind,
    status: MeasureStatus,
    note: &str,
    lang: Lang,
) -> Measure {
    let mut m = Measure::new(LocalText::default());
    m.kind = kind;
    m.status = status;
    *m.text.get_mut(lang) = text.to_owned();
    *m.note.get_mut(lang) = note.to_owned();
    m
}

/// Reads a Markdown table as measures, or `None` when it is not a measure table (then it
/// stays a table). `kind` is the kind a surrounding heading names, if any.
pub fn from_table(markdown: &str, kind: Option<MeasureKind>, lang: Lang) -> Option<Vec<Measure>> {
    let lines: Vec<&str> = markdown.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() < 3 || !lines.iter().all(|l| l.trim_start().starts_with('|')) {
        return None;
    }
    let header = cells(lines[0]);
    if !is_delimiter(&cells(lines[1])) {
        return None;
    }
    let rows: Vec<Vec<String>> = lines[2..].iter().map(|l| cells(l)).collect();
    if rows.iter().any(|r| r.len() != header.len()) {
        return None;
    }
    // "Technische Maßnahmen | Organisatorische Maßnahmen": every cell a measure of its column.
    let kinds: Vec<Option<MeasureKind>> = header.iter().map(|h| kind_header(h)).collect();
    if kinds.iter().all(Option::is_some) {
        let mut out = Vec::new();
        for row in &rows {
            for (cell, k) in row.iter().zip(&kinds) {
                if cell.is_empty() {
                    continue;
                }
                let (status, text, note) = split_marked_cell(cell, lang);
                out.push(measure(&text, k.unwrap_or_default(), status, &note, lang));
            }
        }
        return (!out.is_empty()).then_some(out);
    }
    let column = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.contains(&normalize(h).as_str()))
    };
    let text_col = column(MEASURE_HEADERS)?;
    let status_col = column(STATUS_HEADERS)?;
    let kind_col = column(KIND_HEADERS).filter(|&k| k != text_col && k != status_col);
    let mut out = Vec::new();
    for row in &rows {
        let text = row[text_col].as_str();
        if text.is_empty() {
            return None;
        }
        let (status, keep_status) = status_of(&row[status_col])?;
        let row_kind = match kind_col {
            Some(k) => Some(kind_of(&row[k])?),
            None => None,
        };
        let mut note: Vec<String> = Vec::new();
        let said = status_words(&row[status_col], lang);
        if keep_status && !said.is_empty() {
            note.push(format!("{}: {said}", header[status_col]));
        }
        for (i, cell) in row.iter().enumerate() {
            if i == text_col || i == status_col || Some(i) == kind_col || cell.is_empty() {
                continue;
            }
            note.push(format!("{}: {cell}", header[i]));
        }
        let kind = row_kind.or(kind).unwrap_or_default();
        out.push(measure(text, kind, status, &note.join("; "), lang));
    }
    (!out.is_empty()).then_some(out)
}

/// A cell of a two-column kind table: "✅ Text", "Text ❌", "Text (geplant)".
fn split_marked_cell(cell: &str, lang: Lang) -> (MeasureStatus, String, String) {
    let marks: [(&str, MeasureStatus); 8] = [
        ("✅", MeasureStatus::Implemented),
        ("✔️", MeasureStatus::Implemented),
        ("✔", MeasureStatus::Implemented),
        ("✓", MeasureStatus::Implemented),
        ("☑", MeasureStatus::Implemented),
        ("❌", MeasureStatus::Planned),
        ("✗", MeasureStatus::Planned),
        ("🔄", MeasureStatus::Planned),
    ];
    for (mark, status) in marks {
        let stripped = cell
            .strip_prefix(mark)
            .or_else(|| cell.strip_suffix(mark))
            .map(str::trim);
        if let Some(text) = stripped {
            let note = if mark == "🔄" {
                i18n().tr(lang, "import-status-in-progress")
            } else {
                String::new()
            };
            return (status, text.to_owned(), note);
        }
    }
    (MeasureStatus::Implemented, cell.to_owned(), String::new())
}

/// Reads a task list (`- [x] …`, `- [ ] …`; continuation lines indented) as measures, or
/// `None` when any item is not a task.
pub fn from_task_list(src: &str, kind: Option<MeasureKind>, lang: Lang) -> Option<Vec<Measure>> {
    let mut out: Vec<Measure> = Vec::new();
    for line in src.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let item = line
            .strip_prefix("- ")
            .or_else(|| line.strip_prefix("* "))
            .or_else(|| line.strip_prefix("+ "));
        match item {
            Some(item) => {
                let (status, text) = if let Some(t) = item
                    .strip_prefix("[x] ")
                    .or_else(|| item.strip_prefix("[X] "))
                {
                    (MeasureStatus::Implemented, t)
                } else if let Some(t) = item.strip_prefix("[ ] ") {
                    (MeasureStatus::Planned, t)
                } else {
                    return None;
                };
                let text = text.trim();
                if text.is_empty() {
                    return None;
                }
                out.push(measure(text, kind.unwrap_or_default(), status, "", lang));
            }
            // A continuation line of the last item (nested lists are not tasks: refused).
            None if line.starts_with("  ") && !line.trim_start().starts_with(['-', '*', '+']) => {
                let text = out.last_mut()?.text.get_mut(lang);
                text.push('\n');
                text.push_str(line.trim());
            }
            None => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The prefix of a measure line: kind label, optional status label, then ": ".
pub fn measure_prefix(kind: MeasureKind, status: MeasureStatus, lang: Lang) -> String {
    let i = i18n();
    if status == MeasureStatus::Implemented {
        format!("{}: ", i.kind_label(kind, lang))
    } else {
        format!(
            "{} · {}: ",
            i.kind_label(kind, lang),
            i.status_label(status, lang)
        )
    }
}

/// Reads the measure list Tomwerk's export writes after `<!-- tomwerk:measures -->`:
///
/// ```text
/// - Technisch · Geplant: Text <!-- m-3 -->
///   further text lines
///   - Hinweis: note
///     further note lines
/// ```
/// Labels are accepted in both languages. `None` when a line does not fit, so the caller
/// keeps the list as body text instead (nothing is lost).
pub fn parse_measures(src: &str, lang: Lang) -> Option<Vec<Measure>> {
    let mut prefixes: Vec<(String, MeasureKind, MeasureStatus)> = Vec::new();
    for lang in Lang::ALL {
        for kind in MeasureKind::ALL {
            for status in MeasureStatus::ALL {
                prefixes.push((measure_prefix(kind, status, lang), kind, status));
            }
        }
    }
    // Longest first, so "Technisch · Geplant: " wins over "Technisch: ".
    prefixes.sort_by_key(|(p, _, _)| std::cmp::Reverse(p.len()));
    let note_labels: Vec<String> = Lang::ALL
        .iter()
        .map(|&l| format!("{}: ", i18n().tr(l, "markdown-measure-note")))
        .collect();
    let mut out: Vec<Measure> = Vec::new();
    let mut in_note = false;
    for line in src.lines() {
        if line.trim().is_empty() {
            continue;
        }
        if let Some(item) = line.strip_prefix("- ") {
            let (item, id) = split_id_comment(item);
            let (prefix, kind, status) = prefixes
                .iter()
                .find(|(p, _, _)| item.starts_with(p.as_str()))?;
            let mut m = Measure::new(LocalText::default());
            *m.text.get_mut(lang) = item[prefix.len()..].to_owned();
            m.kind = *kind;
            m.status = *status;
            m.id = MeasureId(id.unwrap_or_default());
            out.push(m);
            in_note = false;
            continue;
        }
        let m = out.last_mut()?;
        if let Some(note) = line.strip_prefix("  - ") {
            let label = note_labels.iter().find(|l| note.starts_with(l.as_str()))?;
            *m.note.get_mut(lang) = note[label.len()..].to_owned();
            in_note = true;
        } else if in_note && line.starts_with("    ") {
            let note = m.note.get_mut(lang);
            note.push('\n');
            note.push_str(&line[4..]);
        } else if !in_note && line.starts_with("  ") {
            let text = m.text.get_mut(lang);
            text.push('\n');
            text.push_str(&line[2..]);
        } else {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The measure kind a heading such as "Technische Maßnahmen" or "Organisational measures"
/// names (either language, case and US spelling folded), if it names nothing else.
pub(super) fn kind_heading(title: &str) -> Option<MeasureKind> {
    let folded = title
        .trim()
        .trim_end_matches(':')
        .to_lowercase()
        .replace("organizational", "organisational");
    MeasureKind::ALL.into_iter().find(|&kind| {
        Lang::ALL.iter().any(|&lang| {
            let key = match kind {
                MeasureKind::Technical => "export-measures-technical",
                MeasureKind::Organisational => "export-measures-organisational",
            };
            i18n().tr(lang, key).to_lowercase() == folded
        })
    })
}

/// Reads a flat bullet list under a measure-kind heading as measures of `kind`, the way the
/// PDF and DOCX exports set them: `text *(geplant)* – note`. The status is taken only from
/// a status word in parentheses (either language); a note only after such a status or
/// after the last ` – ` of an item that has one, so text with dashes stays whole. `None`
/// (the list stays body text, nothing lost) for nested lists or anything else.
pub(super) fn parse_kind_list(src: &str, kind: MeasureKind, lang: Lang) -> Option<Vec<Measure>> {
    let mut markers: Vec<(String, MeasureStatus)> = Vec::new();
    for l in Lang::ALL {
        for status in MeasureStatus::ALL {
            let label = i18n().status_label(status, l).to_lowercase();
            markers.push((format!(" *({label})*"), status));
            markers.push((format!(" _({label})_"), status));
            markers.push((format!(" ({label})"), status));
        }
    }
    markers.sort_by_key(|(m, _)| std::cmp::Reverse(m.len()));
    let mut out = Vec::new();
    for line in src.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let item = line
            .strip_prefix("- ")
            .or_else(|| line.strip_prefix("* "))?
            .trim();
        if item.is_empty() {
            return None;
        }
        let lower = item.to_lowercase();
        let mut m = Measure::new(LocalText::default());
        m.kind = kind;
        let found = markers.iter().find_map(|(marker, status)| {
            lower
                .find(marker.as_str())
                .map(|at| (at, marker.len(), *status))
        });
        match found {
            // Byte offsets of the lower-cased text match the original only where lower-casing
            // kept lengths; check before slicing.
            Some((at, len, status))
                if item.is_char_boundary(at)
                    && item.is_char_boundary(at + len)
                    && item[at..at + len].to_lowercase() == lower[at..at + len] =>
            {
                m.status = status;
                *m.text.get_mut(lang) = item[..at].trim().to_owned();
                let rest = item[at + len..].trim();
                let note = rest.strip_prefix('–').map(str::trim).unwrap_or(rest);
                *m.note.get_mut(lang) = note.to_owned();
            }
            _ => *m.text.get_mut(lang) = item.to_owned(),
        }
        out.push(m);
    }
    (!out.is_empty()).then_some(out)
}

/// Splits a trailing `<!-- m-3 -->` off a measure line.
fn split_id_comment(line: &str) -> (&str, Option<String>) {
    let t = line.trim_end();
    if let Some(rest) = t.strip_suffix("-->")
        && let Some(at) = rest.rfind("<!--")
    {
        let id = rest[at + 4..].trim();
        if !id.is_empty() && !id.contains(char::is_whitespace) {
            return (rest[..at].trim_end(), Some(id.to_owned()));
        }
    }
    (line, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_cells() {
        assert_eq!(status_of("✅"), Some((MeasureStatus::Implemented, false)));
        assert_eq!(
            status_of("umgesetzt"),
            Some((MeasureStatus::Implemented, false))
        );
        assert_eq!(status_of("Ja"), Some((MeasureStatus::Implemented, true)));
        assert_eq!(status_of("❌"), Some((MeasureStatus::Planned, false)));
        assert_eq!(status_of("🔄"), Some((MeasureStatus::Planned, true)));
        assert_eq!(status_of("teilweise"), Some((MeasureStatus::Planned, true)));
        assert_eq!(status_of("n/a"), Some((MeasureStatus::NotApplicable, true)));
        assert_eq!(
            status_of("Nicht anwendbar"),
            Some((MeasureStatus::NotApplicable, false))
        );
        assert_eq!(status_of("vielleicht"), None);
    }

    #[test]
    fn a_table_that_is_no_measure_table_stays() {
        let t = "| Version | Datum |\n|---|---|\n| 1.0 | 2025 |";
        assert!(from_table(t, None, Lang::De).is_none());
        // A status column with something that is no status: not a measure table.
        let t = "| Maßnahme | Status |\n|---|---|\n| Backup | vielleicht |";
        assert!(from_table(t, None, Lang::De).is_none());
    }

    #[test]
    fn cells_keep_escaped_pipes() {
        assert_eq!(cells("| a \\| b | c |"), ["a \\| b", "c"]);
    }
}
