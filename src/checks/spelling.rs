//! The opt-in spelling check (`tomwerk check --spelling`, the checks panel): misspelled
//! words in section titles, bodies and measures, as info findings.

use super::{Check, Finding, Location};
use crate::model::{Document, Lang};
use crate::spell::{self, Spellers};

/// Info findings for every misspelled word of the visible sections of `doc`, each in its
/// field's language; words in the document's dictionary are fine. A language without a
/// dictionary is not checked.
pub fn run(doc: &Document, spellers: &Spellers) -> Vec<Finding> {
    let mut out = Vec::new();
    let words = &doc.meta.dictionary;
    for (section, _) in doc.all_sections() {
        if section.hidden {
            continue;
        }
        for lang in [Lang::De, Lang::En] {
            let Some(speller) = spellers.for_lang(lang) else {
                continue;
            };
            let mut texts = vec![(section.title.get(lang), Location::section(&section.id))];
            texts.push((section.body.get(lang), Location::section(&section.id)));
            for m in &section.measures {
                texts.push((m.text.get(lang), Location::measure(&section.id, &m.id)));
            }
            for (text, location) in texts {
                for range in spell::misspelled(text, speller, &[words]) {
                    out.push(Finding::new(
                        Check::Spelling,
                        location.clone(),
                        vec![("word", text[range].to_owned()), ("lang", lang.to_string())],
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_become_info_findings_and_document_words_do_not() {
        let spellers = Spellers::load(None);
        if spellers.de.is_none() {
            eprintln!("skipped: no German Hunspell dictionary (install hunspell-de-de)");
            return;
        }
        let mut doc = crate::store::example().working;
        let Some(section) = doc.sections.first_mut() else {
            return;
        };
        section.body.de = "Die Regelmaessige Sicherung läuft über TrackPort.".into();
        section.hidden = false;
        let findings = run(&doc, &spellers);
        let words: Vec<&str> = findings
            .iter()
            .flat_map(|f| {
                f.args
                    .iter()
                    .filter(|(k, _)| k == "word")
                    .map(|(_, v)| v.as_str())
            })
            .collect();
        assert!(words.contains(&"Regelmaessige"), "{words:?}");
        assert!(words.contains(&"TrackPort"), "{words:?}");
        assert!(
            findings
                .iter()
                .all(|f| f.level == super::super::Level::Info)
        );
        doc.meta.dictionary.insert("TrackPort".into());
        let findings = run(&doc, &spellers);
        assert!(
            !findings
                .iter()
                .any(|f| f.args.iter().any(|(_, v)| v == "TrackPort"))
        );
    }
}
