//! Spell checking in the editor: the dictionaries loaded once off the UI thread, the
//! misspelled ranges of a field, and the right-click menu (suggestions, "Ignore", "Add to
//! dictionary").

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::{Once, OnceLock};

use egui::Id;

use crate::i18n::i18n;
use crate::model::Lang;
use crate::spell::{self, Spellers};

static SPELLERS: OnceLock<Spellers> = OnceLock::new();
static LOADING: Once = Once::new();

/// The dictionaries, or `None` while they are still loading (started on first call, in a
/// thread, so the first frame is not held up by parsing a 300 000-word dictionary).
pub fn spellers(ctx: &egui::Context) -> Option<&'static Spellers> {
    if let Some(s) = SPELLERS.get() {
        return Some(s);
    }
    LOADING.call_once(|| {
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = SPELLERS.set(Spellers::load(None));
            ctx.request_repaint();
        });
    });
    None
}

/// Words ignored for this session (right click, "Ignore").
fn ignored_key() -> Id {
    Id::unique("spell-ignored-words")
}

/// The session's ignored words.
pub fn ignored(ctx: &egui::Context) -> BTreeSet<String> {
    ctx.data(|d| d.get_temp::<BTreeSet<String>>(ignored_key()))
        .unwrap_or_default()
}

/// The misspelled byte ranges of `text` in `lang`, or none when no dictionary is loaded.
pub fn misspelled(
    ctx: &egui::Context,
    text: &str,
    lang: Lang,
    document_words: &BTreeSet<String>,
) -> Vec<Range<usize>> {
    let Some(speller) = spellers(ctx).and_then(|s| s.for_lang(lang)) else {
        return Vec::new();
    };
    let ignored = ignored(ctx);
    spell::misspelled(text, speller, &[document_words, &ignored])
}

/// What the user picked in the spelling menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpellChoice {
    /// Replace the word (byte range) with this suggestion.
    Replace(Range<usize>, String),
    /// Add the word to the document's dictionary.
    AddToDictionary(String),
}

/// The spelling entries of a right-click menu on the misspelled word at `word` (bytes of
/// `text`); returns the user's choice.
pub fn menu(
    ui: &mut egui::Ui,
    ui_lang: Lang,
    text: &str,
    word: Range<usize>,
    lang: Lang,
) -> Option<SpellChoice> {
    let tr = |id: &str| i18n().tr(ui_lang, id);
    let spelled = text.get(word.clone())?.to_owned();
    let speller = spellers(ui.ctx()).and_then(|s| s.for_lang(lang))?;
    let mut choice = None;
    let suggestions = speller.suggest(&spelled, 5);
    if suggestions.is_empty() {
        ui.label(tr("spell-no-suggestions"));
    }
    for s in suggestions {
        if ui.button(&s).clicked() {
            choice = Some(SpellChoice::Replace(word.clone(), s));
            ui.close();
        }
    }
    ui.separator();
    if ui.button(tr("spell-ignore")).clicked() {
        let key = ignored_key();
        ui.ctx().data_mut(|d| {
            d.get_temp_mut_or_default::<BTreeSet<String>>(key)
                .insert(spelled.clone());
        });
        ui.close();
    }
    if ui.button(tr("spell-add")).clicked() {
        choice = Some(SpellChoice::AddToDictionary(spelled));
        ui.close();
    }
    choice
}
