//! Hyphenation points for German (de-1996) and British English, with the rules of this
//! project: never in URLs, CamelCase or words with digits, at least three letters each side.

use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

use crate::model::Lang;

const DE: &[u8] = include_bytes!("../../assets/hyphenation/de-1996.standard.bincode");
const EN: &[u8] = include_bytes!("../../assets/hyphenation/en-gb.standard.bincode");

/// Minimum letters kept on each side of a hyphen.
const MIN_SIDE: usize = 3;

fn dictionary(lang: Lang) -> Option<&'static Standard> {
    static DE_DICT: OnceLock<Option<Standard>> = OnceLock::new();
    static EN_DICT: OnceLock<Option<Standard>> = OnceLock::new();
    let (cell, bytes, language) = match lang {
        Lang::De => (&DE_DICT, DE, Language::German1996),
        Lang::En => (&EN_DICT, EN, Language::EnglishGB),
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
    if lower.chars().count() != n {
        return Vec::new();
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
