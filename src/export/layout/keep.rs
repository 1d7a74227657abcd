//! Line-break opportunities that typesetting takes back: what belongs together ("ISO
//! 27001", "Art. 32", "§ 28", "TLS 1.2", "S/MIME", "30 Tage", "10 GB") and a URL's
//! scheme ("https://") are never broken.

/// Abbreviations that stand before a number (or, for "lit.", a letter) and are never
/// parted from it.
const BEFORE_NUMBER: &[&str] = &[
    "§", "§§", "Art.", "Artt.", "Abs.", "Nr.", "Nrn.", "lit.", "S.", "Kap.", "Ziff.", "Anl.",
    "Anh.", "Rn.", "No.", "Nos.", "Sec.", "Art", "para.", "p.", "pp.", "Annex", "Anlage",
    "Version", "v.",
];

/// Units and counted words that stay with the number before them.
const UNITS: &[&str] = &[
    "%",
    "‰",
    "€",
    "EUR",
    "$",
    "USD",
    "B",
    "kB",
    "KB",
    "MB",
    "GB",
    "TB",
    "PB",
    "KiB",
    "MiB",
    "GiB",
    "TiB",
    "Bit",
    "bit",
    "kbit/s",
    "Mbit/s",
    "Gbit/s",
    "Bit/s",
    "ms",
    "s",
    "min",
    "h",
    "Std.",
    "d",
    "m",
    "cm",
    "mm",
    "km",
    "kg",
    "g",
    "°C",
    "°",
    "Tag",
    "Tage",
    "Tagen",
    "Woche",
    "Wochen",
    "Monat",
    "Monate",
    "Monaten",
    "Jahr",
    "Jahre",
    "Jahren",
    "Stunde",
    "Stunden",
    "Minute",
    "Minuten",
    "Sekunden",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "hour",
    "hours",
    "minute",
    "minutes",
    "seconds",
    "Zeichen",
    "characters",
    "Mitarbeiter",
    "Mitarbeitende",
    "employees",
];

/// The word without trailing punctuation that does not belong to it ("Tage," → "Tage").
fn bare(word: &str) -> &str {
    word.trim_end_matches([',', ';', ':', ')', '!', '?', '“', '”', '"', '’'])
}

fn is_number(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '„', '"', '‚']);
    let w = bare(w).trim_end_matches('.');
    !w.is_empty()
        && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '–' | '/'))
}

/// An acronym that names a standard or protocol before its number: "ISO", "TLS",
/// "ISO/IEC", "DIN", "BSI", "IEC".
fn is_acronym(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '„', '"']);
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=10).contains(&letters)
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '/' | '-'))
        && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// True when the space between `before` (the word ending the line) and `after` (the
/// word starting the next) must not become a line break.
pub(super) fn joined_by_space(before: &str, after: &str) -> bool {
    let after_bare = bare(after);
    let before_word = before.trim_start_matches(['(', '„', '"', '‚']);
    let number_after = after.chars().next().is_some_and(|c| c.is_ascii_digit());
    if number_after && (BEFORE_NUMBER.contains(&before_word) || is_acronym(before)) {
        return true;
    }
    // "lit. b"
    if before_word == "lit." && after_bare.chars().count() == 1 {
        return true;
    }
    is_number(before) && UNITS.contains(&after_bare)
}

/// True when a break after `before` inside one word (no space) must be taken back: right
/// after a URL's scheme ("https://") and after the slash of a short term such as
/// "S/MIME" or "TCP/IP" (a URL or path may still break after its slashes).
pub(super) fn joined_in_word(before: &str, after: &str) -> bool {
    let word = format!("{before}{after}");
    let lower = word.to_ascii_lowercase();
    if before.ends_with("://") || before.ends_with(":/") || lower.ends_with("mailto:") {
        return true;
    }
    let is_url = lower.contains("://") || lower.starts_with("www.") || lower.contains('@');
    before.ends_with('/')
        && !is_url
        && word.chars().count() <= 16
        && before
            .chars()
            .rev()
            .nth(1)
            .is_some_and(char::is_alphanumeric)
        && after.chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_numbers_and_units_stay_together() {
        for (a, b) in [
            ("ISO", "27001"),
            ("ISO/IEC", "27001."),
            ("Art.", "32"),
            ("§", "28"),
            ("TLS", "1.2"),
            ("30", "Tage"),
            ("10", "GB,"),
            ("(Art.", "28"),
        ] {
            assert!(joined_by_space(a, b), "{a} {b}");
        }
        for (a, b) in [
            ("der", "ISO"),
            ("Daten", "werden"),
            ("2025", "wurde"),
            ("und", "30"),
        ] {
            assert!(!joined_by_space(a, b), "{a} {b}");
        }
        assert!(joined_in_word("S/", "MIME"));
        assert!(joined_in_word("https://", "www.example.org"));
        assert!(!joined_in_word("https://www.example.org/", "datenschutz"));
    }
}
