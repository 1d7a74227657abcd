//! Typesetting quality checked on the layout's positioned items: table columns wide
//! enough for their words, measures tables per kind.

use tomwerk::export::blocks::{Block, Inline};
use tomwerk::export::fonts::fonts;
use tomwerk::export::layout::{Furniture, Layout, layout};
use tomwerk::model::Lang;

fn cell(text: &str) -> Vec<Inline> {
    vec![Inline::plain(text)]
}

fn set(blocks: &[Block]) -> Layout {
    let fonts = fonts().expect("bundled fonts");
    layout(
        blocks,
        &Furniture::default(),
        Lang::De,
        fonts,
        &Default::default(),
    )
}

fn words(l: &Layout) -> Vec<String> {
    l.pages
        .iter()
        .flat_map(|p| p.runs())
        .flat_map(|r| {
            r.text
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn table_header_words_are_not_broken_while_another_column_has_room() {
    let long = "Die Sicherung läuft täglich verschlüsselt auf ein getrenntes System im zweiten \
                Rechenzentrum und wird wöchentlich geprüft.";
    let titles = [
        "Daten",
        "Sicherung",
        "Aufbewahrungsfrist",
        "Verantwortlichkeit",
        "Wiederherstellung",
        "Prüfung",
    ];
    let header: Vec<Vec<Inline>> = titles.iter().map(|t| vec![Inline::bold(*t)]).collect();
    let row: Vec<Vec<Inline>> = titles.iter().map(|_| cell(long)).collect();
    let l = set(&[Block::Table {
        header,
        rows: vec![row.clone(), row],
    }]);
    let all = words(&l);
    // The header row comes first, up to the body's first word.
    let body = all.iter().position(|w| w == "Die").unwrap_or(all.len());
    let words = &all[..body];
    // Each header word is either whole or broken at a hyphen, never in between.
    for (n, w) in words.iter().enumerate() {
        let whole = titles.contains(&w.as_str());
        let hyphenated = w.ends_with('-')
            && words.get(n + 1).is_some_and(|next| {
                titles.contains(&format!("{}{next}", w.trim_end_matches('-')).as_str())
            });
        let tail = n > 0 && words[n - 1].ends_with('-');
        assert!(
            whole || hyphenated || tail,
            "{w} broken without a hyphen: {words:?}"
        );
    }
    assert!(
        !words
            .iter()
            .any(|w| w == "Aufbewahrun" || w == "Aufbewahrung"),
        "{words:?}"
    );
}
