//! Front matter (YAML `---`, TOML `+++`, MultiMarkdown `Key: Value`): split off and read as flat key/value pairs.

use time::{Date, Month};

use super::ImportReport;
use super::matching::{self, normalize};
use crate::i18n::i18n;
use crate::model::{Document, Lang};

/// Front matter found at the start of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Key/value pairs in source order; nested keys are joined with a dot ("author.name").
    pub fields: Vec<(String, String)>,
    /// Which syntax it was written in ("yaml", "toml", "multimarkdown").
    pub kind: &'static str,
}

/// Splits front matter off `text`; returns it and the byte offset where the body starts.
pub fn split(text: &str) -> (Option<FrontMatter>, usize) {
    if let Some(found) = fenced(text, "---", &["---", "..."], "yaml") {
        return found;
    }
    if let Some(found) = fenced(text, "+++", &["+++"], "toml") {
        return found;
    }
    if let Some(found) = multimarkdown(text) {
        return found;
    }
    (None, 0)
}

/// Lines with their byte offsets, without line terminators.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').map(move |raw| {
        let start = offset;
        offset += raw.len();
        (start, raw.trim_end_matches(['\n', '\r']))
    })
}

fn fenced(
    text: &str,
    open: &str,
    close: &[&str],
    kind: &'static str,
) -> Option<(Option<FrontMatter>, usize)> {
    let mut lines = lines_with_offsets(text);
    let (_, first) = lines.next()?;
    if first.trim_end() != open {
        return None;
    }
    let mut body = Vec::new();
    // Front matter is short; a fence that is not closed soon is a thematic break.
    for (start, line) in lines.take(2000) {
        if close.contains(&line.trim_end()) {
            let end = start + line.len();
            let end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
            let fields = if kind == "toml" {
                parse_toml(&body)
            } else {
                parse_yaml(&body)
            };
            return Some((Some(FrontMatter { fields, kind }), end));
        }
        body.push(line);
    }
    None
}

/// MultiMarkdown metadata: `Key: Value` lines at the very top, ended by a blank line.
/// Taken only when it clearly is metadata (two fields, or one well-known key), so a
/// first paragraph such as "Hinweis: …" stays text.
fn multimarkdown(text: &str) -> Option<(Option<FrontMatter>, usize)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut end = 0;
    for (start, line) in lines_with_offsets(text).take(200) {
        end = start + line.len();
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            let (_, value) = fields.last_mut()?;
            if !value.is_empty() {
                value.push('\n');
            }
            value.push_str(line.trim());
            continue;
        }
        let (key, value) = line.split_once(':')?;
        let key_ok = !key.is_empty()
            && key.chars().count() <= 40
            && key.split_whitespace().count() <= 4
            && key.chars().next().is_some_and(char::is_alphabetic)
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_');
        if !key_ok || !(value.is_empty() || value.starts_with([' ', '\t'])) {
            return None;
        }
        fields.push((key.trim().to_owned(), value.trim().to_owned()));
    }
    let known = fields.iter().any(|(k, _)| target(k) != Target::Extra);
    if fields.is_empty() || (fields.len() < 2 && !known) {
        return None;
    }
    let end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    Some((
        Some(FrontMatter {
            fields,
            kind: "multimarkdown",
        }),
        end,
    ))
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

/// A small YAML reader for front matter: scalars (plain, quoted, block `|`/`>`), lists
/// (block and `[a, b]`) and nested maps, flattened to `parent.child` keys. It never fails:
/// a line it cannot read is kept as a value under the key "text", so nothing is lost.
fn parse_yaml(lines: &[&str]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    // (indent, key) of the maps we are inside.
    let mut parents: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = indent_of(line);
        while parents.last().is_some_and(|(pi, _)| *pi >= indent) {
            parents.pop();
        }
        let prefix: String = parents
            .iter()
            .map(|(_, k)| format!("{k}."))
            .collect::<String>();
        // A list item directly under a key: append to that key's value.
        if let Some(item) = trimmed
            .strip_prefix("- ")
            .or((trimmed == "-").then_some(""))
        {
            let value = scalar(item);
            let key = prefix.trim_end_matches('.').to_owned();
            let key = if key.is_empty() {
                "text".to_owned()
            } else {
                key
            };
            push_value(&mut out, &key, &value);
            continue;
        }
        let Some((key, value)) = split_key(trimmed) else {
            push_value(&mut out, &format!("{prefix}text"), trimmed);
            continue;
        };
        let full = format!("{prefix}{key}");
        let value = value.trim();
        if value.is_empty() {
            // Either a nested map / list follows, or the value is empty.
            let next_indent = lines[i..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .map(|l| indent_of(l));
            let next_is_item = lines[i..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| l.trim_start().starts_with('-'));
            if next_indent.is_some_and(|n| n > indent) || next_is_item {
                parents.push((indent, key.clone()));
                if next_is_item && next_indent.is_some_and(|n| n <= indent) {
                    // "key:\n- a\n- b" (items not indented): read them here.
                    while i < lines.len() {
                        let l = lines[i].trim();
                        let Some(item) = l.strip_prefix("- ") else {
                            break;
                        };
                        push_value(&mut out, &full, &scalar(item));
                        i += 1;
                    }
                    parents.pop();
                }
            } else {
                out.push((full, String::new()));
            }
            continue;
        }
        if value.starts_with('|') || value.starts_with('>') {
            let folded = value.starts_with('>');
            let mut block: Vec<&str> = Vec::new();
            let mut block_indent = None;
            while i < lines.len() {
                let l = lines[i];
                if !l.trim().is_empty() && indent_of(l) <= indent {
                    break;
                }
                let bi = *block_indent.get_or_insert_with(|| indent_of(l).max(indent + 1));
                block.push(if l.len() >= bi { &l[bi..] } else { l.trim() });
                i += 1;
            }
            while block.last().is_some_and(|l| l.trim().is_empty()) {
                block.pop();
            }
            let joined = if folded {
                block.join(" ")
            } else {
                block.join("\n")
            };
            out.push((full, joined));
            continue;
        }
        if value.starts_with('[') && value.ends_with(']') {
            let items: Vec<String> = value[1..value.len() - 1]
                .split(',')
                .map(|s| scalar(s.trim()))
                .filter(|s| !s.is_empty())
                .collect();
            out.push((full, items.join(", ")));
            continue;
        }
        // A quoted scalar may continue on the next lines.
        let mut value = value.to_owned();
        if (value.starts_with('"') && !closed_quote(&value, '"'))
            || (value.starts_with('\'') && !closed_quote(&value, '\''))
        {
            while i < lines.len() {
                value.push(' ');
                value.push_str(lines[i].trim());
                i += 1;
                if closed_quote(&value, value.chars().next().unwrap_or('"')) {
                    break;
                }
            }
        }
        out.push((full, scalar(&value)));
    }
    out
}

fn push_value(out: &mut Vec<(String, String)>, key: &str, value: &str) {
    if let Some((_, v)) = out.iter_mut().rev().find(|(k, _)| k == key) {
        if !v.is_empty() {
            v.push('\n');
        }
        v.push_str(value);
    } else {
        out.push((key.to_owned(), value.to_owned()));
    }
}

/// `key: value` with the key possibly quoted (escapes resolved); `None` when the line has no key.
fn split_key(line: &str) -> Option<(String, &str)> {
    if line.starts_with('"') {
        // The closing quote is the first one not escaped by a backslash.
        let mut escaped = false;
        let mut end = None;
        for (i, c) in line.char_indices().skip(1) {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let end = end?;
        let after = line[end + 1..].trim_start().strip_prefix(':')?;
        return Some((scalar(&line[..=end]), after));
    }
    let at = line
        .find(": ")
        .or_else(|| line.ends_with(':').then(|| line.len() - 1))?;
    let key = line[..at].trim();
    (!key.is_empty()).then(|| (key.to_owned(), &line[at + 1..]))
}

fn closed_quote(value: &str, quote: char) -> bool {
    let inner = &value[quote.len_utf8()..];
    let mut escaped = false;
    for c in inner.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' && quote == '"' {
            escaped = true;
        } else if c == quote {
            return true;
        }
    }
    false
}

/// A YAML scalar: quotes removed and escapes resolved; a trailing ` # comment` dropped
/// from plain scalars.
fn scalar(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(inner) = raw.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        if let Some(ch) =
                            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        {
                            out.push(ch);
                        }
                    }
                    Some(other) => out.push(other),
                    None => {}
                },
                _ => out.push(c),
            }
        }
        return out;
    }
    if let Some(inner) = raw.strip_prefix('\'') {
        let inner = inner.strip_suffix('\'').unwrap_or(inner);
        return inner.replace("''", "'");
    }
    match raw.find(" #") {
        Some(at) => raw[..at].trim_end().to_owned(),
        None => raw.to_owned(),
    }
}

/// TOML front matter: `key = value` lines and `[table]` headers.
fn parse_toml(lines: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut table = String::new();
    for line in lines {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t.starts_with('[') && t.ends_with(']') {
            table = t.trim_matches(['[', ']']).trim().to_owned();
            continue;
        }
        let Some((k, v)) = t.split_once('=') else {
            push_value(&mut out, "text", t);
            continue;
        };
        let key = k.trim().trim_matches('"');
        let key = if table.is_empty() {
            key.to_owned()
        } else {
            format!("{table}.{key}")
        };
        let v = v.trim();
        let value = if v.starts_with('[') && v.ends_with(']') {
            v[1..v.len() - 1]
                .split(',')
                .map(|s| scalar(s.trim()))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            scalar(v)
        };
        out.push((key, value));
    }
    out
}

/// The metadata field a front-matter key fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The document title.
    Title,
    /// The organisation's name.
    Organisation,
    /// The organisation's address.
    Address,
    /// The purpose line.
    Purpose,
    /// The responsible person.
    Responsible,
    /// The DPO contact.
    Dpo,
    /// The date of the last review ("Stand").
    LastReview,
    /// Months between reviews.
    ReviewInterval,
    /// The primary language.
    Language,
    /// The document's languages.
    Languages,
    /// Tomwerk's own export marker.
    Generator,
    /// Kept in `meta.extra` under its key.
    Extra,
}

/// Which field a key fills (German and English names, any case, `-`/`_`/space ignored).
pub fn target(key: &str) -> Target {
    let k: String = normalize(key).chars().filter(|c| *c != ' ').collect();
    match k.as_str() {
        "title" | "titel" | "documenttitle" | "dokumenttitel" => Target::Title,
        "organisation"
        | "organization"
        | "org"
        | "company"
        | "firma"
        | "unternehmen"
        | "organisationname"
        | "organizationname"
        | "companyname"
        | "auftragsverarbeiter"
        | "processor" => Target::Organisation,
        "address" | "adresse" | "anschrift" | "organisationaddress" | "organizationaddress" => {
            Target::Address
        }
        "purpose" | "zweck" | "anlage" | "annex" | "gegenstand" | "subject" => Target::Purpose,
        "responsible"
        | "responsibleperson"
        | "verantwortlich"
        | "verantwortlicher"
        | "verantwortliche"
        | "verantwortlicheperson"
        | "owner"
        | "documentowner"
        | "ansprechpartner"
        | "contact"
        | "kontakt"
        | "author"
        | "autor" => Target::Responsible,
        "dpo"
        | "dpocontact"
        | "dataprotectionofficer"
        | "datenschutzbeauftragter"
        | "datenschutzbeauftragte"
        | "dsb" => Target::Dpo,
        "date"
        | "datum"
        | "stand"
        | "asof"
        | "lastreview"
        | "lastreviewed"
        | "reviewed"
        | "letztepruefung"
        | "letzteueberpruefung"
        | "zuletztgeprueft"
        | "updated"
        | "lastupdated"
        | "lastmodified" => Target::LastReview,
        "reviewinterval"
        | "reviewintervalmonths"
        | "pruefintervall"
        | "ueberpruefungsintervall" => Target::ReviewInterval,
        "lang" | "language" | "sprache" => Target::Language,
        "languages" | "sprachen" => Target::Languages,
        "generator" => Target::Generator,
        _ => Target::Extra,
    }
}

/// Labels of a title block that name no metadata field but belong to the document's data
/// (kept in `meta.extra`): version, valid from, next review.
const TITLE_BLOCK_EXTRAS: &[&str] = &[
    "version",
    "dokumentversion",
    "documentversion",
    "gueltigab",
    "gueltigseit",
    "validfrom",
    "effectivefrom",
    "effectivedate",
    "inkraftab",
    "naechstepruefung",
    "naechsteueberpruefung",
    "nextreview",
    "klassifizierung",
    "classification",
];

/// True when `label` is a field a title block may hold.
fn title_block_label(label: &str) -> bool {
    let k: String = normalize(label).chars().filter(|c| *c != ' ').collect();
    !matches!(
        target(label),
        Target::Extra | Target::Generator | Target::Language | Target::Languages | Target::Title
    ) || TITLE_BLOCK_EXTRAS.contains(&k.as_str())
}

/// Splits one title-block line: `**Stand:** 2025-10-12`, `**Stand**: …`, `Stand: …`,
/// `Version 1.1`. `None` for anything else.
fn title_block_line(line: &str) -> Option<(String, String)> {
    let line = line.trim().trim_end_matches('\\').trim_end();
    let (label, value) = if let Some(rest) = line.strip_prefix("**") {
        let (inner, after) = rest.split_once("**")?;
        match inner.trim_end().strip_suffix(':') {
            Some(label) => (label.trim(), after.trim()),
            None => (inner.trim(), after.trim_start().strip_prefix(':')?.trim()),
        }
    } else if let Some((label, value)) = line.split_once(':') {
        (label.trim(), value.trim())
    } else {
        // "Version 1.1", "Stand 12.10.2025": a number after the word.
        let (label, value) = line.split_once(' ')?;
        let value = value.trim();
        if !value.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        (label, value)
    };
    let words = label.split_whitespace().count();
    if label.is_empty() || value.is_empty() || words > 4 || !title_block_label(label) {
        return None;
    }
    Some((label.to_owned(), value.to_owned()))
}

/// Reads a paragraph at the start of a document whose every line is a title-block field
/// ("**Organisation:** Muster GmbH", "**Datenschutzbeauftragter:** …", "Version 1.1",
/// "Gültig ab: …"), German or English labels. `None` when any line is something else, so
/// prose that merely contains a colon stays in the introduction.
pub fn title_block(paragraph: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    for line in paragraph.lines().filter(|l| !l.trim().is_empty()) {
        out.push(title_block_line(line)?);
    }
    (!out.is_empty()).then_some(out)
}

/// Parses the date forms TOMs use: `2026-03-01`, `01.03.2026`, `1.3.2026`,
/// `1. März 2026`, `1 March 2026`, `March 1, 2026`.
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    let nums: Vec<&str> = t.split(['-', '.', '/']).map(str::trim).collect();
    let num = |s: &str| s.parse::<i32>().ok();
    if nums.len() == 3
        && nums
            .iter()
            .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    {
        let (y, m, d) = if nums[0].len() == 4 {
            (num(nums[0])?, num(nums[1])?, num(nums[2])?)
        } else if nums[2].len() == 4 && t.contains('.') {
            (num(nums[2])?, num(nums[1])?, num(nums[0])?)
        } else {
            return None;
        };
        let month = Month::try_from(u8::try_from(m).ok()?).ok()?;
        return Date::from_calendar_date(y, month, u8::try_from(d).ok()?).ok();
    }
    // Words: a day, a month name and a year in any order.
    let words: Vec<String> = t
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(normalize)
        .collect();
    if words.len() != 3 {
        return None;
    }
    let mut day = None;
    let mut year = None;
    let mut month = None;
    for w in &words {
        if let Some(m) = month_from_name(w) {
            month = Some(m);
        } else if let Ok(n) = w.parse::<i32>() {
            if n > 31 {
                year = Some(n);
            } else {
                day = Some(u8::try_from(n).ok()?);
            }
        }
    }
    Date::from_calendar_date(year?, month?, day?).ok()
}

fn month_from_name(word: &str) -> Option<Month> {
    const NAMES: [(&[&str], Month); 12] = [
        (&["januar", "january", "jan", "jaenner"], Month::January),
        (&["februar", "february", "feb"], Month::February),
        (&["maerz", "march", "mar", "maer"], Month::March),
        (&["april", "apr"], Month::April),
        (&["mai", "may"], Month::May),
        (&["juni", "june", "jun"], Month::June),
        (&["juli", "july", "jul"], Month::July),
        (&["august", "aug"], Month::August),
        (&["september", "sep", "sept"], Month::September),
        (&["oktober", "october", "okt", "oct"], Month::October),
        (&["november", "nov"], Month::November),
        (&["dezember", "december", "dez", "dec"], Month::December),
    ];
    NAMES
        .iter()
        .find(|(names, _)| names.contains(&word))
        .map(|(_, m)| *m)
}

/// Fills the metadata from front matter; a field that fits nowhere (or whose slot is taken)
/// is kept in `meta.extra` under its key.
pub(super) fn apply_front_matter(
    doc: &mut Document,
    fm: &FrontMatter,
    lang: Lang,
    report: &mut ImportReport,
) {
    let ours = fm
        .fields
        .iter()
        .any(|(k, v)| target(k) == Target::Generator && v.to_lowercase().contains("tomwerk"));
    for (key, value) in &fm.fields {
        let value = value.trim();
        let meta = &mut doc.meta;
        let filled = |slot: &mut String, name: &str| -> Option<String> {
            if slot.trim().is_empty() {
                *slot = value.to_owned();
                Some(name.to_owned())
            } else if slot.trim() == value {
                Some(name.to_owned())
            } else {
                None
            }
        };
        let field = match target(key) {
            Target::Title => {
                let default = i18n().tr(lang, "document-title-default");
                if matching::normalize(value) == matching::normalize(&default) {
                    Some("title".to_owned())
                } else {
                    filled(meta.title.get_mut(lang), "title")
                }
            }
            Target::Organisation => filled(&mut meta.organisation.name, "organisation"),
            Target::Address => filled(&mut meta.organisation.address, "address"),
            Target::Purpose => filled(meta.purpose.get_mut(lang), "purpose"),
            Target::Responsible => filled(meta.responsible.get_mut(lang), "responsible"),
            Target::Dpo => filled(&mut meta.dpo_contact, "dpo"),
            Target::LastReview => match parse_date(value) {
                Some(d) if meta.last_review.is_none() => {
                    meta.last_review = Some(d);
                    Some("last_review".to_owned())
                }
                _ => None,
            },
            Target::ReviewInterval => {
                // Only a plain number is taken; "12 Monate" keeps its words in `extra`.
                match value.parse::<u32>() {
                    Ok(n) if n > 0 && n <= 120 => {
                        meta.review_interval_months = n;
                        Some("review_interval_months".to_owned())
                    }
                    _ => None,
                }
            }
            Target::Language => Lang::parse(value).map(|_| "language".to_owned()),
            Target::Languages => {
                let mut langs: Vec<Lang> = Vec::new();
                for l in value
                    .split([',', ' ', '\n'])
                    .filter_map(|s| Lang::parse(s.trim()))
                {
                    if !langs.contains(&l) {
                        langs.push(l);
                    }
                }
                if langs.is_empty() {
                    None
                } else {
                    if !langs.contains(&lang) {
                        langs.insert(0, lang);
                    }
                    meta.languages = langs;
                    Some("languages".to_owned())
                }
            }
            Target::Generator if ours => Some("generator".to_owned()),
            // What our own export derives from the version history is not document content.
            Target::Extra if ours && matches!(key.as_str(), "version" | "released" | "draft") => {
                Some("version".to_owned())
            }
            _ => None,
        };
        let field = field.unwrap_or_else(|| {
            let key = key.strip_prefix("extra.").unwrap_or(key).to_owned();
            let entry = meta.extra.entry(key).or_default();
            if !entry.is_empty() {
                entry.push('\n');
            }
            entry.push_str(value);
            "extra".to_owned()
        });
        report.metadata.push((key.clone(), field));
    }
    meta_primary(doc, lang);
}

fn meta_primary(doc: &mut Document, lang: Lang) {
    doc.meta.primary_language = lang;
    if !doc.meta.languages.contains(&lang) {
        doc.meta.languages.insert(0, lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn yaml_front_matter_is_split_and_read() {
        let text = "---\ntitle: \"TOM der \\\"Muster\\\" GmbH\"\norganisation: Muster GmbH # Kommentar\naddress: |\n  Hauptstraße 1\n  12345 Musterstadt\nlanguages: [de, en]\nauthor:\n  name: Erika\n  mail: e@example.org\ntags:\n- eins\n- zwei\n---\n# Body\n";
        let (fm, at) = split(text);
        let fm = fm.unwrap();
        assert_eq!(&text[at..], "# Body\n");
        assert_eq!(fm.kind, "yaml");
        let get = |k: &str| {
            fm.fields
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("title"), Some("TOM der \"Muster\" GmbH"));
        assert_eq!(get("organisation"), Some("Muster GmbH"));
        assert_eq!(get("address"), Some("Hauptstraße 1\n12345 Musterstadt"));
        assert_eq!(get("languages"), Some("de, en"));
        assert_eq!(get("author.name"), Some("Erika"));
        assert_eq!(get("tags"), Some("eins\nzwei"));
    }

    #[test]
    fn multimarkdown_needs_clear_metadata() {
        let (fm, at) = split("Title: TOM\nAuthor: Erika\n  Musterfrau\n\n# Body");
        let fm = fm.unwrap();
        assert_eq!(fm.fields[1], ("Author".into(), "Erika\nMusterfrau".into()));
        assert_eq!(at, "Title: TOM\nAuthor: Erika\n  Musterfrau\n\n".len());
        assert_eq!(
            split("Hinweis: Dieses Dokument ist vertraulich.\n\nText").0,
            None
        );
        assert_eq!(split("# Heading\n\nText").0, None);
        // An unclosed fence is a thematic break, not front matter.
        assert_eq!(split("---\nText\n").0, None);
    }

    #[test]
    fn toml_front_matter() {
        let (fm, _) = split("+++\ntitle = \"TOM\"\n[org]\nname = 'X'\n+++\nBody");
        assert_eq!(
            fm.unwrap().fields,
            vec![
                ("title".into(), "TOM".into()),
                ("org.name".into(), "X".into())
            ]
        );
    }

    #[test]
    fn dates_in_common_forms() {
        assert_eq!(parse_date("2026-03-01"), Some(date!(2026 - 03 - 01)));
        assert_eq!(parse_date("01.03.2026"), Some(date!(2026 - 03 - 01)));
        assert_eq!(parse_date("1. März 2026"), Some(date!(2026 - 03 - 01)));
        assert_eq!(parse_date("March 1, 2026"), Some(date!(2026 - 03 - 01)));
        assert_eq!(parse_date("1 March 2026"), Some(date!(2026 - 03 - 01)));
        assert_eq!(parse_date("31.02.2026"), None);
        assert_eq!(parse_date("bald"), None);
    }

    #[test]
    fn keys_map_to_fields() {
        assert_eq!(target("Stand"), Target::LastReview);
        assert_eq!(target("Datenschutzbeauftragter"), Target::Dpo);
        assert_eq!(target("Organization"), Target::Organisation);
        assert_eq!(target("review_interval_months"), Target::ReviewInterval);
        assert_eq!(target("Version"), Target::Extra);
    }
}
