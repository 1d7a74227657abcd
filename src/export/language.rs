//! What an export in one language lacks (issues 15.8 and 20.2): texts that fall back to the
//! other language because the translation is missing, and translations whose source
//! changed since; the export says so in its warnings instead of mixing languages silently.

use fluent_bundle::FluentValue;

use crate::i18n::i18n;
use crate::model::{Document, Lang, LocalText};

/// How many places a warning names before it says "and N more".
const LISTED: usize = 8;

/// The printed texts of a document with a readable place ("3.2. Zugangskontrolle: Text").
fn printed(doc: &Document, lang: Lang) -> Vec<(String, &LocalText)> {
    let field = |id: &str| i18n().tr(lang, id);
    let mut out = vec![
        (field("export-lang-field-title"), &doc.meta.title),
        (field("export-lang-field-purpose"), &doc.meta.purpose),
        (field("export-lang-field-intro"), &doc.intro),
    ];
    for (number, s) in doc.numbered() {
        let place = format!(
            "{} {}",
            crate::model::format_number(&number),
            i18n().section_title(s, lang)
        );
        out.push((
            format!("{place}: {}", field("export-lang-field-heading")),
            &s.title,
        ));
        out.push((
            format!("{place}: {}", field("export-lang-field-body")),
            &s.body,
        ));
        for (i, m) in s.measures.iter().enumerate() {
            let n = i + 1;
            let name = |id: &str| i18n().tr_args(lang, id, &[("n", FluentValue::from(n))]);
            out.push((
                format!("{place}: {}", name("export-lang-field-measure")),
                &m.text,
            ));
            out.push((
                format!("{place}: {}", name("export-lang-field-note")),
                &m.note,
            ));
        }
    }
    out
}

/// The places whose text in `lang` is missing (and printed in the other language) and
/// those whose translation into `lang` is stale, in document order.
pub fn gaps(doc: &Document, lang: Lang) -> (Vec<String>, Vec<String>) {
    let mut missing = Vec::new();
    let mut stale = Vec::new();
    for (place, text) in printed(doc, lang) {
        if text.lacks(lang) {
            missing.push(place);
        } else if text.is_stale(lang) {
            stale.push(place);
        }
    }
    (missing, stale)
}

fn listed(lang: Lang, places: &[String]) -> String {
    let mut text = places
        .iter()
        .take(LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if places.len() > LISTED {
        text.push_str(&i18n().tr_args(
            lang,
            "export-lang-more",
            &[("count", FluentValue::from(places.len() - LISTED))],
        ));
    }
    text
}

/// The warnings of an export of `doc` in `lang`, in that language: one line for the texts
/// printed in the other language, one for the stale translations; none when complete.
pub fn language_warnings(doc: &Document, lang: Lang) -> Vec<String> {
    let (missing, stale) = gaps(doc, lang);
    let mut out = Vec::new();
    let language = FluentValue::from(lang.code());
    if !missing.is_empty() {
        out.push(i18n().tr_args(
            lang,
            "export-lang-missing",
            &[
                ("lang", language.clone()),
                ("count", FluentValue::from(missing.len())),
                ("places", FluentValue::from(listed(lang, &missing))),
            ],
        ));
    }
    if !stale.is_empty() {
        out.push(i18n().tr_args(
            lang,
            "export-lang-stale",
            &[
                ("lang", language),
                ("count", FluentValue::from(stale.len())),
                ("places", FluentValue::from(listed(lang, &stale))),
            ],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SectionId;

    #[test]
    fn a_complete_translation_gives_no_warning() {
        let mut doc = Document::empty_template(Lang::De, "X");
        doc.section_mut(&SectionId::from("encryption"))
            .unwrap()
            .body = LocalText::new("Verschlüsselt.", "Encrypted.");
        assert!(language_warnings(&doc, Lang::En).is_empty());
        assert!(language_warnings(&doc, Lang::De).is_empty());
    }

    #[test]
    fn missing_and_stale_texts_are_named() {
        let mut doc = Document::empty_template(Lang::De, "X");
        let enc = SectionId::from("encryption");
        doc.section_mut(&enc).unwrap().body = LocalText::new("Verschlüsselt.", "Encrypted.");
        doc.section_mut(&enc).unwrap().body.set_edited(
            Lang::De,
            "Verschlüsselt mit AES.".into(),
            Lang::De,
        );
        doc.intro = LocalText::only(Lang::De, "Einleitung");
        let w = language_warnings(&doc, Lang::En);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].contains("German") && w[0].contains("Introduction"),
            "{w:?}"
        );
        assert!(w[1].contains("2. Encryption: text"), "{w:?}");
        // German is complete and nothing German is stale.
        assert!(language_warnings(&doc, Lang::De).is_empty());
    }
}
