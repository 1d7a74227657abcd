//! Spell checking of Markdown text with `spellbook` and the system's Hunspell dictionaries
//! (German fields with de_DE, English with en_GB or en_US); code spans, URLs and e-mail
//! addresses are never checked.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::model::Lang;

/// Folders searched for `<name>.aff` / `<name>.dic`, in order (a user folder goes first).
pub fn system_folders() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = [
        "/usr/share/hunspell",
        "/usr/share/myspell",
        "/usr/share/myspell/dicts",
        "/usr/local/share/hunspell",
        "/Library/Spelling",
        "/Applications/LibreOffice.app/Contents/Resources/extensions/dict-de",
        "/Applications/LibreOffice.app/Contents/Resources/extensions/dict-en",
        "C:\\Program Files\\LibreOffice\\share\\extensions\\dict-de",
        "C:\\Program Files\\LibreOffice\\share\\extensions\\dict-en",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    if let Some(home) = std::env::var_os("HOME") {
        out.push(Path::new(&home).join("Library/Spelling"));
    }
    out
}

/// Dictionary names tried per language.
fn names(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &["de_DE", "de_DE_frami", "de_AT", "de_CH"],
        Lang::En => &["en_GB", "en_US"],
    }
}

/// A loaded dictionary with a cache of checked words (so re-checking after an edit only
/// looks up the words that are new).
pub struct Speller {
    /// The dictionary's name, e.g. "de_DE".
    pub name: String,
    dict: spellbook::Dictionary,
    known: Mutex<HashMap<String, bool>>,
}

impl std::fmt::Debug for Speller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Speller").field("name", &self.name).finish()
    }
}

impl Speller {
    /// Loads `name` from the first of `folders` holding it; `None` when none does or the
    /// files cannot be read or parsed.
    pub fn load(name: &str, folders: &[PathBuf]) -> Option<Self> {
        folders.iter().find_map(|folder| {
            let aff = std::fs::read_to_string(folder.join(format!("{name}.aff"))).ok()?;
            let dic = std::fs::read_to_string(folder.join(format!("{name}.dic"))).ok()?;
            let dict = spellbook::Dictionary::new(&aff, &dic).ok()?;
            Some(Self {
                name: name.to_owned(),
                dict,
                known: Mutex::new(HashMap::new()),
            })
        })
    }

    /// The first dictionary found for `lang` (e.g. de_DE for German).
    pub fn for_lang(lang: Lang, folders: &[PathBuf]) -> Option<Self> {
        names(lang).iter().find_map(|n| Self::load(n, folders))
    }

    /// Whether `word` is spelled correctly (cached).
    pub fn check(&self, word: &str) -> bool {
        if let Ok(known) = self.known.lock()
            && let Some(&ok) = known.get(word)
        {
            return ok;
        }
        let ok = self.dict.check(word);
        if let Ok(mut known) = self.known.lock() {
            known.insert(word.to_owned(), ok);
        }
        ok
    }

    /// Up to `max` suggestions for `word`.
    pub fn suggest(&self, word: &str, max: usize) -> Vec<String> {
        let mut out = Vec::new();
        self.dict.suggest(word, &mut out);
        out.truncate(max);
        out
    }
}

/// The byte ranges of the words of Markdown `text` that are worth checking: prose only
/// (not code, not link targets, not URLs or e-mail addresses, not numbers).
pub fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut in_code_block = false;
    // pulldown-cmark may split one run of text into several events ("https:" and
    // "//example.org"): join adjacent ones so a URL is seen whole.
    let mut run: Option<Range<usize>> = None;
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        let range = range.start.min(text.len())..range.end.min(text.len());
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(_) if !in_code_block => {
                run = match run {
                    Some(r) if r.end == range.start => Some(r.start..range.end),
                    Some(r) => {
                        words_in(text, r, &mut out);
                        Some(range)
                    }
                    None => Some(range),
                };
                continue;
            }
            _ => {}
        }
        if let Some(r) = run.take() {
            words_in(text, r, &mut out);
        }
    }
    if let Some(r) = run {
        words_in(text, r, &mut out);
    }
    out
}

/// Splits `text[range]` at whitespace into tokens, drops URLs, e-mail addresses and tokens
/// without letters, and trims punctuation (keeping inner hyphens and apostrophes).
fn words_in(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let mut offset = 0;
    for token in slice.split(char::is_whitespace) {
        let start = range.start + offset;
        offset += token.len() + 1;
        let lower = token.to_lowercase();
        if token.contains('@')
            || lower.starts_with("http")
            || lower.starts_with("www.")
            || lower.contains("://")
        {
            continue;
        }
        for (i, part) in split_keep_offsets(token) {
            let trimmed_start = part.len()
                - part
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .len();
            let core = part
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches(|c: char| !c.is_alphanumeric());
            // Acronyms in capitals (DSGVO, SFTP, ISO) are skipped, as word processors do.
            let acronym = core.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !core.chars().any(char::is_lowercase);
            if !acronym
                && core.chars().any(char::is_alphabetic)
                && !core.chars().any(|c| c.is_ascii_digit())
            {
                let s = start + i + trimmed_start;
                out.push(s..s + core.len());
            }
        }
    }
}

/// Splits a token at punctuation that separates words ("Zutritt,Zugang" or "a;b") but not
/// at hyphens or apostrophes, returning each part with its offset.
fn split_keep_offsets(token: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in token.char_indices() {
        if matches!(
            c,
            ',' | ';' | ':' | '!' | '?' | '"' | '„' | '“' | '”' | '«' | '»' | '|' | '/' | '(' | ')'
        ) {
            if i > start {
                out.push((start, &token[start..i]));
            }
            start = i + c.len_utf8();
        }
    }
    if start < token.len() {
        out.push((start, &token[start..]));
    }
    out
}

/// The misspelled words of `text` as byte ranges: words `speller` does not know and that
/// are in neither `extra` word list (user and document dictionaries).
pub fn misspelled(text: &str, speller: &Speller, extra: &[&BTreeSet<String>]) -> Vec<Range<usize>> {
    words(text)
        .into_iter()
        .filter(|r| {
            let word = &text[r.clone()];
            if extra.iter().any(|set| set.contains(word)) || speller.check(word) {
                return false;
            }
            // A hyphenated compound ("DSGVO-konform") is fine when each part is.
            let parts_known = word.contains('-')
                && word
                    .split('-')
                    .filter(|p| !p.is_empty())
                    .all(|p| speller.check(p));
            !parts_known
        })
        .collect()
}

/// The dictionaries for both languages, loaded once.
#[derive(Debug, Default)]
pub struct Spellers {
    /// The German dictionary, if one was found.
    pub de: Option<Speller>,
    /// The English dictionary, if one was found.
    pub en: Option<Speller>,
}

impl Spellers {
    /// Loads the dictionaries from `user_folder` (if any) and the system folders.
    pub fn load(user_folder: Option<&Path>) -> Self {
        let mut folders: Vec<PathBuf> = user_folder.map(Path::to_path_buf).into_iter().collect();
        folders.extend(system_folders());
        Self {
            de: Speller::for_lang(Lang::De, &folders),
            en: Speller::for_lang(Lang::En, &folders),
        }
    }

    /// The speller for `lang`.
    pub fn for_lang(&self, lang: Lang) -> Option<&Speller> {
        match lang {
            Lang::De => self.de.as_ref(),
            Lang::En => self.en.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speller(lang: Lang) -> Option<Speller> {
        let s = Speller::for_lang(lang, &system_folders());
        if s.is_none() {
            eprintln!(
                "skipped: no Hunspell dictionary for {lang} (install hunspell-de-de / hunspell-en-gb)"
            );
        }
        s
    }

    #[test]
    fn words_skip_code_urls_and_mail() {
        let text = "Wir prüfen `tar` und https://example.org, mail an dsb@example.org; siehe [EUR-Lex](https://eur-lex.europa.eu). 2024 Zutritt,Zugang";
        let found: Vec<&str> = words(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "Wir", "prüfen", "und", "mail", "an", "siehe", "EUR-Lex", "Zutritt", "Zugang"
            ]
        );
    }

    #[test]
    fn german_compounds_pass_and_typos_are_flagged() {
        let Some(de) = speller(Lang::De) else { return };
        for word in [
            "Zuordnungstabelle",
            "Datenträgervernichtung",
            "Verschlüsselung",
            "Zutrittskontrolle",
            "regelmäßige",
        ] {
            assert!(de.check(word), "{word} should be known to {}", de.name);
        }
        let text = "Die Regelmaessige Sicherung erfolgt täglich.";
        let bad: Vec<&str> = misspelled(text, &de, &[])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(bad, ["Regelmaessige"]);
        assert!(!de.suggest("Regelmaessige", 5).is_empty());
    }

    #[test]
    fn the_field_language_picks_the_dictionary() {
        let (Some(de), Some(en)) = (speller(Lang::De), speller(Lang::En)) else {
            return;
        };
        // A correct German sentence passes de_DE and is flagged by the English dictionary.
        let german = "Die Zutrittskontrolle wird regelmäßig geprüft.";
        assert!(misspelled(german, &de, &[]).is_empty());
        assert!(misspelled(german, &en, &[]).len() >= 2);
        let english = "Keys are rotated yearly and organised centrally.";
        assert!(misspelled(english, &en, &[]).is_empty());
    }

    #[test]
    fn extra_word_lists_silence_product_names() {
        let Some(de) = speller(Lang::De) else { return };
        let text = "Wir nutzen TrackPort.";
        assert_eq!(misspelled(text, &de, &[]).len(), 1);
        let words: BTreeSet<String> = ["TrackPort".to_owned()].into();
        assert!(misspelled(text, &de, &[&words]).is_empty());
    }
}
