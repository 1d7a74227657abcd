//! Heading analysis: section numbers ("3.1.", "1.a.", "A.", "IV.") and matching titles to canonical sections.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::i18n::i18n;
use crate::model::{CanonicalSection, Lang};

/// A section number found at the start of a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbering {
    /// The number as written, e.g. `"3.1."`.
    pub label: String,
    /// How deep it nests: `"3."` is 1, `"3.1"` and `"1.a."` are 2.
    pub depth: usize,
}

/// Deepest nesting the import creates; deeper numbers are flattened so a hostile
/// "1.1.1.1…" heading cannot make the tree (and recursive code over it) arbitrarily deep.
pub const MAX_DEPTH: usize = 6;

/// Splits a leading section number off a heading: `"3.1. Zutrittskontrolle"` gives
/// `(Some("3.1."), "Zutrittskontrolle")`. A heading that is only a number keeps it as text.
pub fn split_number(heading: &str) -> (Option<Numbering>, &str) {
    let trimmed = heading.trim_start();
    let token_end = trimmed
        .find(|c: char| c.is_whitespace())
        .unwrap_or(trimmed.len());
    let token = &trimmed[..token_end];
    let rest = trimmed[token_end..].trim();
    if rest.is_empty() || token.len() > 24 {
        return (None, heading.trim());
    }
    match number_depth(token) {
        Some(depth) => (
            Some(Numbering {
                label: token.to_owned(),
                depth: depth.min(MAX_DEPTH),
            }),
            rest,
        ),
        None => (None, heading.trim()),
    }
}

/// The depth of a numbering token, or `None` when the token is not a number.
///
/// Accepted: `1`, `1.`, `1)`, `1.1`, `1.1.`, `1.a.`, `1a)`, `A.`, `A)`, `IV.`, `A.1.`.
/// A bare letter or Roman numeral needs its dot or parenthesis, so words such as
/// "I" or "A" are never taken for numbers.
fn number_depth(token: &str) -> Option<usize> {
    let (body, closed) = match token.strip_suffix(['.', ')', ':']) {
        Some(b) => (b, true),
        None => (token, false),
    };
    if body.is_empty() {
        return None;
    }
    let parts: Vec<&str> = body.split('.').collect();
    let mut depth = 0;
    for (i, part) in parts.iter().enumerate() {
        if part.is_empty() {
            return None;
        }
        let all_digits = part.chars().all(|c| c.is_ascii_digit());
        if all_digits {
            if part.len() > 3 {
                return None; // a year, not a section number
            }
            depth += 1;
            continue;
        }
        // "1a": digits followed by one lower-case letter counts as two levels.
        let digits = part.chars().take_while(char::is_ascii_digit).count();
        let tail = &part[digits..];
        let letter = tail.len() == 1 && tail.chars().all(|c| c.is_ascii_alphabetic());
        if digits > 0 && digits <= 3 && letter {
            depth += 2;
            continue;
        }
        let single_letter = part.len() == 1 && part.chars().all(|c| c.is_ascii_alphabetic());
        let roman = part.len() <= 5 && part.chars().all(|c| "IVXLC".contains(c));
        if (single_letter || roman) && (closed || parts.len() > 1 || i > 0) {
            depth += 1;
            continue;
        }
        return None;
    }
    // A bare "1" without a dot is still a number ("3 Verfügbarkeit"); a bare letter is not.
    (depth > 0).then_some(depth)
}

/// Lower-cases, spells out umlauts and ß, and turns every run of other characters into
/// one space, so "Gewährleistung der Vertraulichkeit:" and "GEWAEHRLEISTUNG DER
/// VERTRAULICHKEIT" compare equal.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        let piece: &str = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            _ => "",
        };
        if !piece.is_empty() {
            out.push_str(piece);
            space = false;
        } else if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Words that open a heading without naming its topic ("Gewährleistung der …", "Ensuring …").
const PREFIXES: &[&str] = &[
    "gewaehrleistungsziel",
    "schutzziel",
    "umsetzung des",
    "umsetzung der",
    "measures of",
    "measures for allowing",
    "processes for",
    "gewaehrleistung der",
    "gewaehrleistung des",
    "gewaehrleistung von",
    "gewaehrleistung",
    "sicherstellung der",
    "sicherstellung von",
    "sicherstellung",
    "massnahmen zur",
    "massnahmen zum",
    "massnahmen der",
    "massnahmen fuer die",
    "massnahmen fuer",
    "verfahren zur",
    "verfahren der",
    "ensuring the",
    "ensuring",
    "ensure the",
    "ensure",
    "measures to ensure",
    "measures for ensuring",
    "measures for the",
    "measures for",
    "procedures for",
    "procedure for",
    "process for",
    "die",
    "der",
    "the",
];

/// Words after which a heading only cites the law ("… gem. Art. 32 DSGVO").
const CITATIONS: &[&str] = &[
    "art",
    "artikel",
    "article",
    "gem",
    "gemaess",
    "nach",
    "pursuant",
    "according",
    "dsgvo",
    "gdpr",
    "bdsg",
    "iso",
    "lit",
    "abs",
];

/// The topic of a heading: normalized, without parentheses, citations and generic prefixes.
pub fn core(text: &str) -> String {
    // Drop parenthesised remarks: "(Art. 32 Abs. 1 lit. a DSGVO)".
    let mut plain = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let normalized = normalize(&plain);
    let mut words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    if let Some(cut) = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| CITATIONS.contains(w))
        .map(|(i, _)| i)
    {
        words.truncate(cut);
    }
    let mut s = words.join(" ");
    // Strip generic prefixes repeatedly ("Maßnahmen zur Gewährleistung der …").
    loop {
        let before = s.len();
        for p in PREFIXES {
            if let Some(rest) = s.strip_prefix(p).and_then(|r| r.strip_prefix(' ')) {
                s = rest.to_owned();
                break;
            }
        }
        if s.len() == before {
            break;
        }
    }
    s
}

use CanonicalSection as C;

/// Word stems for long headings that no alias names exactly. Recovery and evaluation
/// come first: their usual titles also mention availability and the measures.
const PRIORITY_STEMS: &[(&str, CanonicalSection)] = &[
    ("wiederherstell", C::Recovery),
    ("wiederanlauf", C::Recovery),
    ("restor", C::Recovery),
    ("recover", C::Recovery),
    ("business continuity", C::Recovery),
    ("evaluier", C::Evaluation),
    ("evaluation", C::Evaluation),
    ("evaluating", C::Evaluation),
    ("ueberpruefung", C::Evaluation),
    ("wirksamkeit", C::Evaluation),
    ("effectiveness", C::Evaluation),
    ("regular testing", C::Evaluation),
];

const STEMS: &[(&str, CanonicalSection)] = &[
    ("pseudonym", C::Pseudonymisation),
    ("verschluessel", C::Encryption),
    ("encrypt", C::Encryption),
    ("kryptogra", C::Encryption),
    ("zutritt", C::PhysicalAccess),
    ("physical access", C::PhysicalAccess),
    ("zugangskontroll", C::SystemAccess),
    ("system access", C::SystemAccess),
    ("logical access", C::SystemAccess),
    ("zugriffskontroll", C::DataAccess),
    ("data access", C::DataAccess),
    ("trennung", C::Separation),
    ("separation", C::Separation),
    ("segregation", C::Separation),
    ("weitergabe", C::Transfer),
    ("transmission", C::Transfer),
    ("transfer", C::Transfer),
    ("eingabekontroll", C::Input),
    ("input control", C::Input),
    ("verfuegbarkeit", C::Availability),
    ("availability", C::Availability),
    ("belastbarkeit", C::Resilience),
    ("resilien", C::Resilience),
    ("vertraulichkeit", C::Confidentiality),
    ("confidentiality", C::Confidentiality),
    ("integritaet", C::Integrity),
    ("integrity", C::Integrity),
];

/// Words that join two topics in one heading.
const CONJUNCTIONS: &[&str] = &["und", "and", "sowie", "or", "oder"];

fn alias_table() -> &'static HashMap<String, CanonicalSection> {
    static TABLE: OnceLock<HashMap<String, CanonicalSection>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: HashMap<String, CanonicalSection> = super::vocabulary::VOCABULARY
            .iter()
            .map(|t| (t.term.to_owned(), t.section))
            .collect();
        for c in CanonicalSection::ALL {
            for lang in Lang::ALL {
                let title = i18n().tr(lang, &c.title_message_id());
                map.entry(core(&title)).or_insert(c);
                map.entry(normalize(&title)).or_insert(c);
            }
        }
        map
    })
}

/// What a heading matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The section the heading's content goes to.
    pub section: CanonicalSection,
    /// Further sections a combined heading names ("Verfügbarkeit und Belastbarkeit").
    pub also: Vec<CanonicalSection>,
}

/// How freely a heading may be matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Aliases, combined aliases and word stems (top-level headings).
    Loose,
    /// Aliases and combined aliases only (subheadings, where a stem such as
    /// "Verschlüsselung von Datenträgern" usually names a detail, not a section).
    Exact,
}

/// Matches a heading (without its number) to canonical sections.
///
/// `section64` switches "Zugangskontrolle" to its § 64 BDSG meaning (access to the
/// processing equipment, i.e. physical access), used when a document lists the § 64
/// controls ("Benutzerkontrolle") and has no "Zutrittskontrolle".
pub fn match_heading(heading: &str, strictness: Strictness, section64: bool) -> Option<Match> {
    // Matching only needs the start of a heading; a megabyte-long "heading" must not cost more.
    let heading = match heading.char_indices().nth(300) {
        Some((i, _)) => &heading[..i],
        None => heading,
    };
    // "&", "/" and "," join topics like "und"; suspended hyphens are spelled out
    // ("Zugangs- und Zutrittskontrolle" -> "Zugangskontrolle und Zutrittskontrolle").
    let joined = expand_suspended_hyphens(&heading.replace(['&', '/', ','], " und "));
    let key = core(&joined);
    if key.is_empty() {
        return None;
    }
    let lookup = |k: &str| -> Option<CanonicalSection> {
        let found = alias_table().get(k).copied()?;
        if section64 && found == C::SystemAccess && (k == "zugangskontrolle" || k == "zugang") {
            return Some(C::PhysicalAccess);
        }
        Some(found)
    };
    // A name that itself holds a comma or slash ("system configuration, including default
    // configuration", "certification/assurance …") is looked up as written first.
    let as_written = || {
        heading
            .contains(['&', '/', ','])
            .then(|| lookup(&core(heading)))
            .flatten()
    };
    if let Some(c) = lookup(&key).or_else(as_written) {
        return Some(Match {
            section: c,
            also: Vec::new(),
        });
    }
    // A combined heading: every part must name a section on its own.
    let parts = split_conjunctions(&key);
    if parts.len() > 1 {
        // "Access control to premises / systems / data": a one-word part borrows the
        // first part's opening words.
        let opening = parts[0].rsplit_once(' ').map(|(head, _)| head);
        let found: Option<Vec<CanonicalSection>> = parts
            .iter()
            .map(|p| {
                lookup(p).or_else(|| lookup(&core(p))).or_else(|| {
                    let head = opening.filter(|_| !p.contains(' '))?;
                    lookup(&format!("{head} {p}"))
                })
            })
            .collect();
        if let Some(found) = found {
            return Some(combined(found));
        }
    }
    if strictness == Strictness::Exact {
        return None;
    }
    if let Some((_, c)) = PRIORITY_STEMS
        .iter()
        .filter_map(|(stem, c)| key.find(stem).map(|at| (at, *c)))
        .min_by_key(|(at, _)| *at)
    {
        return Some(Match {
            section: c,
            also: Vec::new(),
        });
    }
    let mut hits: Vec<(usize, CanonicalSection)> = STEMS
        .iter()
        .filter_map(|(stem, c)| key.find(stem).map(|at| (at, *c)))
        .collect();
    hits.sort_by_key(|(at, _)| *at);
    let mut found: Vec<CanonicalSection> = Vec::new();
    for (_, c) in hits {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    match found.len() {
        0 => None,
        1 => Some(Match {
            section: found[0],
            also: Vec::new(),
        }),
        // Several topics: only a heading that joins them reads as a combined one.
        _ if parts.len() > 1 => Some(combined(found)),
        _ => None,
    }
}

/// Heads of German compounds that a suspended hyphen leaves out ("Zugangs- und Zutrittskontrolle").
const COMPOUND_HEADS: &[&str] = &[
    "kontrolle",
    "kontrollen",
    "sicherheit",
    "management",
    "schutz",
];

/// Spells out "Xs- und Ykontrolle" as "Xskontrolle und Ykontrolle" so that each part matches.
fn expand_suspended_hyphens(heading: &str) -> String {
    let words: Vec<&str> = heading.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let stem = word.strip_suffix('-').filter(|s| !s.is_empty());
        let head = stem.and_then(|_| {
            // The compound that completes the hyphen follows one conjunction later.
            let completing = words.get(i + 2)?;
            CONJUNCTIONS
                .contains(&normalize(words.get(i + 1)?).as_str())
                .then_some(())?;
            let lower = completing.to_lowercase();
            COMPOUND_HEADS
                .iter()
                .find(|h| lower.trim_end_matches([',', ';', ':']).ends_with(*h))
                .copied()
        });
        match (stem, head) {
            (Some(stem), Some(head)) => out.push(format!("{stem}{head}")),
            _ => out.push((*word).to_owned()),
        }
    }
    out.join(" ")
}

fn combined(found: Vec<CanonicalSection>) -> Match {
    let mut also: Vec<CanonicalSection> = Vec::new();
    for c in &found[1..] {
        if *c != found[0] && !also.contains(c) {
            also.push(*c);
        }
    }
    Match {
        section: found[0],
        also,
    }
}

/// Splits a normalized heading at "und", "and", "sowie" … (commas and slashes are
/// already spaces, so those split too when each word is a known name).
fn split_conjunctions(key: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    for word in key.split(' ') {
        if CONJUNCTIONS.contains(&word) {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// Names that only stand in for a section when the document has no primary name for it:
/// § 64 BDSG's "Datenträgerkontrolle" is 3.3 unless a "Zugriffskontrolle" follows, and so on.
const SECONDARY_NAMES: &[&str] = &[
    "datentraegerkontrolle",
    "speicherkontrolle",
    "transportkontrolle",
    "datensicherung",
    "backup",
    "backups",
];

/// True when `heading` is one of [`SECONDARY_NAMES`] ("Benutzerkontrolle" too, unless the
/// document follows § 64 BDSG, where it is the primary name of system access).
pub fn secondary_name(heading: &str, section64: bool) -> bool {
    let key = core(heading);
    SECONDARY_NAMES.contains(&key.as_str()) || (!section64 && key == "benutzerkontrolle")
}

/// Topics real TOMs add that belong under the regular evaluation (8) when the source does
/// not give them a top-level place: processor control, data protection management,
/// incident response, training and awareness.
const EVALUATION_TOPICS: &[&str] = &[
    "auftragskontroll",
    "auftragsverarbeit",
    "job control",
    "order control",
    "processor control",
    "datenschutz management",
    "datenschutzmanagement",
    "data protection management",
    "privacy management",
    "incident",
    "vorfallmanagement",
    "sicherheitsvorfall",
    "schulung",
    "sensibilisierung",
    "awareness",
    "training",
];

/// True when a heading names one of [`EVALUATION_TOPICS`].
pub fn evaluation_topic(heading: &str) -> bool {
    let key = core(heading);
    EVALUATION_TOPICS.iter().any(|t| key.contains(t))
}

/// True when the heading reads like a document title rather than a section.
pub fn looks_like_title(heading: &str) -> bool {
    let n = normalize(heading);
    [
        "massnahmen",
        "measures",
        "tom",
        "toms",
        "art 32",
        "artikel 32",
        "article 32",
        "anlage",
        "annex",
        "appendix",
    ]
    .iter()
    .any(|k| {
        n.split(' ').any(|w| w == *k)
            || (k.contains(' ') && n.contains(k))
            || n.starts_with("technische und organisatorische")
            || n.starts_with("technical and organisational")
            || n.starts_with("technical and organizational")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(h: &str) -> Option<CanonicalSection> {
        let (_, rest) = split_number(h);
        match_heading(rest, Strictness::Loose, false).map(|m| m.section)
    }

    #[test]
    fn numbers_are_split_with_their_depth() {
        let cases = [
            (
                "3.1. Zutrittskontrolle",
                Some(("3.1.", 2)),
                "Zutrittskontrolle",
            ),
            ("3.1 Zutritt", Some(("3.1", 2)), "Zutritt"),
            ("1. Pseudonymisierung", Some(("1.", 1)), "Pseudonymisierung"),
            ("1.a. Encryption", Some(("1.a.", 2)), "Encryption"),
            ("2b) Encryption", Some(("2b)", 2)), "Encryption"),
            ("A. Allgemeines", Some(("A.", 1)), "Allgemeines"),
            ("IV. Verfügbarkeit", Some(("IV.", 1)), "Verfügbarkeit"),
            ("A Guide", None, "A Guide"),
            ("2026 Update", None, "2026 Update"),
            ("Zutrittskontrolle", None, "Zutrittskontrolle"),
            ("3.1.", None, "3.1."),
        ];
        for (input, number, rest) in cases {
            let (n, r) = split_number(input);
            assert_eq!(
                n.map(|n| (n.label, n.depth)),
                number.map(|(l, d)| (l.to_owned(), d)),
                "{input}"
            );
            assert_eq!(r, rest, "{input}");
        }
    }

    #[test]
    fn matches_german_english_and_classic_names() {
        assert_eq!(m("1. Pseudonymisierung"), Some(C::Pseudonymisation));
        assert_eq!(m("Pseudonymization"), Some(C::Pseudonymisation));
        assert_eq!(
            m("3. Gewährleistung der Vertraulichkeit"),
            Some(C::Confidentiality)
        );
        assert_eq!(m("Ensuring confidentiality"), Some(C::Confidentiality));
        assert_eq!(m("3.1. ZUTRITTSKONTROLLE:"), Some(C::PhysicalAccess));
        assert_eq!(m("Physical access control"), Some(C::PhysicalAccess));
        assert_eq!(m("Access control"), Some(C::SystemAccess));
        assert_eq!(m("Logical access"), Some(C::SystemAccess));
        assert_eq!(m("Trennungsgebot"), Some(C::Separation));
        assert_eq!(m("Weitergabekontrolle"), Some(C::Transfer));
        assert_eq!(m("Transmission control"), Some(C::Transfer));
        assert_eq!(m("Verfügbarkeitskontrolle"), Some(C::Availability));
        assert_eq!(
            m("Pseudonymisierung (Art. 32 Abs. 1 lit. a DSGVO)"),
            Some(C::Pseudonymisation)
        );
        assert_eq!(
            m(
                "7. Verfahren zur Wiederherstellung der Verfügbarkeit personenbezogener Daten nach einem physischen oder technischen Zwischenfall"
            ),
            Some(C::Recovery)
        );
        assert_eq!(
            m(
                "8. Verfahren regelmäßiger Überprüfung, Bewertung und Evaluierung der Wirksamkeit der technischen und organisatorischen Maßnahmen"
            ),
            Some(C::Evaluation)
        );
        assert_eq!(m("Auftragskontrolle"), None);
        assert_eq!(m("Datenträgerkontrolle"), Some(C::DataAccess));
        assert_eq!(m("Speicherkontrolle"), Some(C::SystemAccess));
        assert_eq!(m("Benutzerkontrolle"), Some(C::SystemAccess));
        assert_eq!(m("Transportkontrolle"), Some(C::Transfer));
        assert_eq!(m("Load capacity"), Some(C::Resilience));
        assert_eq!(m("Backups"), Some(C::Availability));
        assert_eq!(m("Datensicherung"), Some(C::Availability));
        assert_eq!(m("Recoverability"), Some(C::Recovery));
        assert_eq!(m("3.b. Recoverability Control"), Some(C::Recovery));
        assert_eq!(m("Restoring availability and access"), Some(C::Recovery));
        assert_eq!(m("Organisationskontrolle"), Some(C::Evaluation));
        assert_eq!(m("Data"), None);
        assert_eq!(m("Incident response"), None);
    }

    fn all(h: &str) -> Vec<CanonicalSection> {
        match_heading(h, Strictness::Exact, false)
            .map(|found| std::iter::once(found.section).chain(found.also).collect())
            .unwrap_or_default()
    }

    #[test]
    fn ampersands_slashes_and_suspended_hyphens_join_topics() {
        use CanonicalSection as C;
        assert_eq!(
            all("Pseudonymization / Encryption"),
            [C::Pseudonymisation, C::Encryption]
        );
        assert_eq!(
            all("Pseudonymisierung & Verschlüsselung"),
            [C::Pseudonymisation, C::Encryption]
        );
        assert_eq!(
            all("Verfügbarkeit & Belastbarkeit"),
            [C::Availability, C::Resilience]
        );
        assert_eq!(
            all("Zutritts- und Zugangskontrolle"),
            [C::PhysicalAccess, C::SystemAccess]
        );
        assert_eq!(
            all("Zugangs- und Zutrittskontrolle"),
            [C::SystemAccess, C::PhysicalAccess]
        );
        assert_eq!(
            all("Access control to premises / systems / data"),
            [C::PhysicalAccess, C::SystemAccess, C::DataAccess]
        );
        assert_eq!(
            all("Weitergabekontrolle, Transportkontrolle und Übertragungskontrolle"),
            [C::Transfer]
        );
    }

    #[test]
    fn combined_headings_cover_the_second_section() {
        let found = match_heading("Verfügbarkeit und Belastbarkeit", Strictness::Exact, false);
        assert_eq!(
            found,
            Some(Match {
                section: C::Availability,
                also: vec![C::Resilience]
            })
        );
        let found = match_heading("Availability and resilience", Strictness::Loose, false);
        assert_eq!(found.map(|m| m.also), Some(vec![C::Resilience]));
        // Two topics without a conjunction are ambiguous: no match.
        assert_eq!(
            match_heading("Verschlüsselung der Weitergabe", Strictness::Loose, false),
            None
        );
        assert_eq!(
            match_heading("Verschlüsselung von Datenträgern", Strictness::Exact, false),
            None
        );
    }

    #[test]
    fn section64_reads_zugangskontrolle_as_physical() {
        assert_eq!(
            match_heading("Zugangskontrolle", Strictness::Loose, true).map(|m| m.section),
            Some(C::PhysicalAccess)
        );
        assert_eq!(
            match_heading("Benutzerkontrolle", Strictness::Loose, true).map(|m| m.section),
            Some(C::SystemAccess)
        );
    }

    #[test]
    fn titles_are_recognised() {
        assert!(looks_like_title(
            "Technische und organisatorische Maßnahmen nach Artikel 32 DSGVO"
        ));
        assert!(looks_like_title("TOM der Muster GmbH"));
        assert!(!looks_like_title("Zutrittskontrolle"));
    }
}
