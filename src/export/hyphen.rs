//! Hyphenation points for German (de-1996) and English, with the rules of this project:
//! never in URLs, CamelCase or words with digits, at least three letters each side; a
//! hyphenated compound breaks at its own hyphen and never inside a short part; brand names
//! and the document's own dictionary are never hyphenated; a paragraph in the other language
//! (German release notes in an English PDF) is hyphenated with that language's patterns.
//!
//! English uses the en-US patterns: on the example the en-GB ones give "act-ive",
//! "encryp-ted", "protec-ted", "envir-onment" and many more "-ted" splits, en-US none of them
//! (see the test `english_patterns_are_chosen_on_the_example`).

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

use crate::model::Lang;

const DE: &[u8] = include_bytes!("../../assets/hyphenation/de-1996.standard.bincode");
const EN: &[u8] = include_bytes!("../../assets/hyphenation/en-us.standard.bincode");

/// Minimum letters kept on each side of a hyphen.
const MIN_SIDE: usize = 3;

fn dictionary(lang: Lang) -> Option<&'static Standard> {
    static DE_DICT: OnceLock<Option<Standard>> = OnceLock::new();
    static EN_DICT: OnceLock<Option<Standard>> = OnceLock::new();
    let (cell, bytes, language) = match lang {
        Lang::De => (&DE_DICT, DE, Language::German1996),
        Lang::En => (&EN_DICT, EN, Language::EnglishUS),
    };
    // A dictionary that fails to load only costs hyphenation, never the export.
    cell.get_or_init(|| Standard::from_reader(language, &mut &bytes[..]).ok())
        .as_ref()
}

/// True when `word` (a whole break segment) may be hyphenated at all.
pub fn eligible(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    if segment
        .chars()
        .any(|c| c.is_ascii_digit() || c == '@' || c == '/' || c == '_')
        || lower.contains("www.")
        || lower.contains("://")
    {
        return false;
    }
    // CamelCase (and all-caps abbreviations): an upper-case letter after the first letter.
    let mut letters = segment.chars().filter(|c| c.is_alphabetic());
    letters.next();
    !letters.any(char::is_uppercase)
}

/// Longer "words" are not hyphenated (the longest German dictionary words have ~80 letters).
const MAX_WORD: usize = 100;

/// Brand and product names (lower-case) that are never hyphenated: "Micro-soft" reads as a
/// typo. The document's own dictionary is added per export ([`never_hyphenate`]).
const NEVER: &[&str] = &[
    "microsoft",
    "windows",
    "office",
    "outlook",
    "sharepoint",
    "onedrive",
    "exchange",
    "azure",
    "intune",
    "defender",
    "google",
    "android",
    "apple",
    "amazon",
    "cisco",
    "oracle",
    "linux",
    "ubuntu",
    "debian",
    "redhat",
    "vmware",
    "veeam",
    "sophos",
    "kaspersky",
    "fortinet",
    "fortigate",
    "paloalto",
    "checkpoint",
    "crowdstrike",
    "okta",
    "salesforce",
    "atlassian",
    "confluence",
    "github",
    "gitlab",
    "docker",
    "kubernetes",
    "hetzner",
    "ionos",
    "telekom",
    "vodafone",
    "datev",
    "bitlocker",
    "filevault",
    "keepass",
    "bitwarden",
    "nextcloud",
    "tomwerk",
];

/// Words whose break points (char offsets) are given here, overriding the patterns.
const EXCEPTIONS: &[(&str, &[usize])] = &[
    ("ransomware", &[6]),
    ("software", &[4]),
    ("hardware", &[4]),
    ("firmware", &[4]),
    ("malware", &[3]),
    ("middleware", &[6]),
    ("backups", &[4]),
    ("backup", &[4]),
    ("passwords", &[4]),
    ("password", &[4]),
    ("firewall", &[4]),
    ("firewalls", &[4]),
];

thread_local! {
    /// Lower-cased words of the document being exported that are never hyphenated.
    static DOCUMENT_WORDS: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// Keeps the document's words unhyphenated while it lives (one export on this thread);
/// the previous list comes back when it is dropped.
#[derive(Debug)]
pub struct NeverHyphenate {
    previous: HashSet<String>,
}

impl Drop for NeverHyphenate {
    fn drop(&mut self) {
        let previous = std::mem::take(&mut self.previous);
        DOCUMENT_WORDS.with(|w| *w.borrow_mut() = previous);
    }
}

/// Adds `words` (the document's dictionary: product names, its own terms) to the words
/// never hyphenated, for the lifetime of the returned guard. The layout runs on the
/// exporting thread, so the list reaches it without changing every layout signature.
pub fn never_hyphenate<'a>(words: impl IntoIterator<Item = &'a String>) -> NeverHyphenate {
    let mut list: HashSet<String> = words
        .into_iter()
        .flat_map(|w| w.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let previous = DOCUMENT_WORDS.with(|w| {
        list.extend(w.borrow().iter().cloned());
        std::mem::replace(&mut *w.borrow_mut(), list)
    });
    NeverHyphenate { previous }
}

/// True when `lower` is never hyphenated.
fn never(lower: &str) -> bool {
    NEVER.contains(&lower) || DOCUMENT_WORDS.with(|w| w.borrow().contains(lower))
}

/// A part of a hyphenated compound this short is never split: the compound breaks at its
/// own hyphen ("Server-|Systeme", not "Ser-ver-Systeme"; "Antiviren-|Software", not
/// "Antiviren-Soft-ware").
const SHORT_PART: usize = 8;

/// The hyphenation points of the letter run `chars[start..end]` inside a line's text, with
/// the compound rule: a run next to a hyphen is a part of a hyphenated compound.
pub fn points_in(chars: &[char], start: usize, end: usize, lang: Lang) -> Vec<usize> {
    let Some(run) = chars.get(start..end) else {
        return Vec::new();
    };
    let hyphen = |c: Option<&char>| matches!(c, Some('-' | '\u{2010}' | '\u{2011}'));
    let part = hyphen(start.checked_sub(1).and_then(|i| chars.get(i))) || hyphen(chars.get(end));
    if part && run.len() <= SHORT_PART {
        return Vec::new();
    }
    let word: String = run.iter().collect();
    points(&word, lang)
}

/// The language a paragraph is written in, when it is clearly not `default` (counted from
/// common function words in its first 2,000 characters); otherwise `default`.
pub fn text_lang(text: &str, default: Lang) -> Lang {
    const DE: &[&str] = &[
        "der", "die", "das", "und", "ist", "werden", "wird", "mit", "für", "von", "nicht", "sind",
        "auf", "den", "dem", "des", "eine", "einer", "im", "durch", "oder", "bei",
    ];
    const EN: &[&str] = &[
        "the", "and", "of", "to", "is", "are", "for", "with", "be", "by", "on", "an", "or", "at",
        "as", "from", "this", "that", "all", "which",
    ];
    let mut end = text.len().min(2000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut de, mut en) = (0usize, 0usize);
    for word in text[..end].split(|c: char| !c.is_alphabetic()) {
        let lower = word.to_lowercase();
        de += usize::from(DE.contains(&lower.as_str()));
        en += usize::from(EN.contains(&lower.as_str()));
    }
    match default {
        Lang::En if de >= 3 && de > 2 * en => Lang::De,
        Lang::De if en >= 3 && en > 2 * de => Lang::En,
        _ => default,
    }
}

/// The char offsets inside `word` (letters only) where a hyphen may be inserted.
pub fn points(word: &str, lang: Lang) -> Vec<usize> {
    let n = word.chars().count();
    // No dictionary word is this long; a run of thousands of letters (pasted data, a
    // fuzzer) would otherwise be hyphenated anew for every line it is broken into.
    if !(2 * MIN_SIDE..=MAX_WORD).contains(&n) || !word.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let lower = word.to_lowercase();
    // Byte offsets from the dictionary must map back onto `word`.
    if lower.chars().count() != n || never(&lower) {
        return Vec::new();
    }
    if let Some((_, given)) = EXCEPTIONS.iter().find(|(w, _)| *w == lower) {
        return given.to_vec();
    }
    let Some(dict) = dictionary(lang) else {
        return Vec::new();
    };
    let hyphenated = dict.hyphenate(&lower);
    let byte_to_char: Vec<(usize, usize)> = lower
        .char_indices()
        .enumerate()
        .map(|(ci, (bi, _))| (bi, ci))
        .collect();
    hyphenated
        .breaks
        .iter()
        .filter_map(|b| {
            byte_to_char
                .iter()
                .find(|(bi, _)| bi == b)
                .map(|(_, ci)| *ci)
        })
        .filter(|&ci| ci >= MIN_SIDE && n - ci >= MIN_SIDE)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_and_english_points() {
        let p = points("Verschlüsselung", Lang::De);
        assert!(!p.is_empty());
        assert!(p.iter().all(|&i| (3..=12).contains(&i)));
        assert!(!points("availability", Lang::En).is_empty());
        assert!(points("Haus", Lang::De).is_empty());
    }

    #[test]
    fn urls_camelcase_digits_are_not_eligible() {
        assert!(!eligible("https://www.microsoft.com/de-de/TrustCenter/"));
        assert!(!eligible("TrustCenter"));
        assert!(!eligible("12-stellige"));
        assert!(!eligible("datenschutz@beispiel.example"));
        assert!(eligible("Verfügbarkeit,"));
    }
}

#[cfg(test)]
mod long_words {
    use super::*;

    #[test]
    fn overlong_letter_runs_are_not_hyphenated() {
        let long = "Datenschutz".repeat(20);
        assert!(points(&long, Lang::De).is_empty());
        assert!(!points("Datenschutzbeauftragte", Lang::De).is_empty());
    }
}

#[cfg(test)]
mod quality {
    use hyphenation::{Hyphenator, Language, Load, Standard};

    use super::*;

    /// The English words of the example (body, titles, measures), lower-cased, unique.
    fn example_words() -> Vec<String> {
        let file = crate::store::example();
        let doc = &file.working;
        let mut text = doc.intro.en.clone();
        for (s, _) in doc.all_sections() {
            for t in [&s.title.en, &s.body.en] {
                text.push(' ');
                text.push_str(t);
            }
            for m in &s.measures {
                text.push(' ');
                text.push_str(&m.text.en);
            }
        }
        let mut words: Vec<String> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 2 * MIN_SIDE)
            .map(str::to_lowercase)
            .collect();
        words.extend(["active", "encrypted", "protected", "environment"].map(String::from));
        words.sort();
        words.dedup();
        words
    }

    fn hyphenated(word: &str, breaks: &[usize]) -> String {
        let mut out = String::new();
        for (i, c) in word.chars().enumerate() {
            if breaks.contains(&i) {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    /// Breaks no reader accepts; en-GB's patterns make all of them.
    const BAD: &[&str] = &[
        "act-ive",
        "encryp-ted",
        "protec-ted",
        "envir-onment",
        "connec-ted",
    ];

    #[test]
    fn english_patterns_are_chosen_on_the_example() {
        let gb_bytes: &[u8] = include_bytes!("../../assets/hyphenation/en-gb.standard.bincode");
        let gb = Standard::from_reader(Language::EnglishGB, &mut &gb_bytes[..]).unwrap();
        let words = example_words();
        let with = |f: &dyn Fn(&str) -> Vec<usize>| -> Vec<String> {
            words.iter().map(|w| hyphenated(w, &f(w))).collect()
        };
        let bad_in = |list: &[String]| -> Vec<String> {
            list.iter()
                .filter(|h| {
                    BAD.iter().any(|b| h.contains(b)) || h.contains("-ted") || h.ends_with("-ive")
                })
                .cloned()
                .collect()
        };
        let gb_list = with(&|w: &str| {
            let n = w.chars().count();
            gb.hyphenate(w)
                .breaks
                .into_iter()
                .filter(|&b| b >= MIN_SIDE && n - b >= MIN_SIDE)
                .collect()
        });
        let chosen = with(&|w: &str| points(w, Lang::En));
        let gb_bad = bad_in(&gb_list);
        assert!(gb_bad.len() >= 10, "en-GB on the example: {gb_bad:?}");
        assert_eq!(bad_in(&chosen), Vec::<String>::new());
        // What the example gets now.
        for (word, want) in [
            ("environment", "envi-ron-ment"),
            ("protected", "pro-tected"),
            ("ransomware", "ransom-ware"),
            ("confidentiality", "con-fi-den-tial-ity"),
        ] {
            assert_eq!(hyphenated(word, &points(word, Lang::En)), want);
        }
    }

    #[test]
    fn a_hyphenated_compound_breaks_at_its_own_hyphen() {
        let chars: Vec<char> = "Server-Systeme Antiviren-Software Verschlüsselungs-Infrastruktur"
            .chars()
            .collect();
        let run = |word: &str| {
            let text: String = chars.iter().collect();
            let at = text.find(word).unwrap();
            let start = text[..at].chars().count();
            points_in(&chars, start, start + word.chars().count(), Lang::De)
        };
        assert!(run("Server").is_empty());
        assert!(run("Systeme").is_empty());
        assert!(run("Software").is_empty());
        // A long part may still be split.
        assert!(!run("Verschlüsselungs").is_empty());
        assert!(!run("Infrastruktur").is_empty());
        // Alone, the same word is hyphenated.
        assert!(!points("Systeme", Lang::De).is_empty());
    }

    #[test]
    fn brand_names_and_the_documents_words_are_never_hyphenated() {
        assert!(points("Microsoft", Lang::De).is_empty());
        assert!(points("Kubernetes", Lang::En).is_empty());
        assert!(!points("Sendungsverfolgung", Lang::De).is_empty());
        {
            let words = [
                "Sendungsverfolgung".to_owned(),
                "TrackPort-Plattform".to_owned(),
            ];
            let _guard = never_hyphenate(&words);
            assert!(points("Sendungsverfolgung", Lang::De).is_empty());
            assert!(points("Plattform", Lang::De).is_empty());
        }
        assert!(!points("Sendungsverfolgung", Lang::De).is_empty());
    }

    #[test]
    fn a_paragraph_in_the_other_language_is_recognised() {
        assert_eq!(
            text_lang(
                "Die Schlüssel werden jährlich erneuert und sind von den Daten getrennt.",
                Lang::En
            ),
            Lang::De
        );
        assert_eq!(
            text_lang(
                "Keys are rotated every year and are kept apart from the data.",
                Lang::En
            ),
            Lang::En
        );
        assert_eq!(text_lang("TLS 1.3", Lang::De), Lang::De);
    }
}
