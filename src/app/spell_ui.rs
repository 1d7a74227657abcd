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

/// The user's own word list: where it is kept and its words.
#[derive(Debug, Clone, Default)]
struct UserWords {
    path: Option<std::path::PathBuf>,
    words: BTreeSet<String>,
}

fn user_words_key() -> Id {
    Id::unique("spell-user-words")
}

/// Where the user's word list is kept: `words.txt` in the config folder
/// (`TOMWERK_CONFIG_DIR` overrides it, as tests and portable installs need).
pub fn default_user_words_path() -> Option<std::path::PathBuf> {
    if let Some(d) = std::env::var_os("TOMWERK_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(std::path::PathBuf::from(d).join("words.txt"));
    }
    directories::ProjectDirs::from("", "", "tomwerk").map(|p| p.config_dir().join("words.txt"))
}

/// Reads the user's word list (one word a line; a missing file is an empty list) and
/// keeps it for this session. Returns a one-line problem when the file cannot be read.
pub fn load_user_words(ctx: &egui::Context, path: Option<std::path::PathBuf>) -> Option<String> {
    let mut problem = None;
    let words = match path.as_deref().map(std::fs::read_to_string) {
        Some(Ok(text)) => text
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect(),
        Some(Err(e)) if e.kind() != std::io::ErrorKind::NotFound => {
            problem = path.as_ref().map(|p| format!("{}: {e}", p.display()));
            BTreeSet::new()
        }
        _ => BTreeSet::new(),
    };
    ctx.data_mut(|d| d.insert_temp(user_words_key(), UserWords { path, words }));
    problem
}

/// The user's words.
pub fn user_words(ctx: &egui::Context) -> BTreeSet<String> {
    ctx.data(|d| d.get_temp::<UserWords>(user_words_key()))
        .map(|u| u.words)
        .unwrap_or_default()
}

/// Adds `word` to the user's word list and writes the list (atomically); on failure the
/// word is still known for this session and the error is returned as one line.
pub fn add_user_word(ctx: &egui::Context, word: &str) -> Result<(), String> {
    let mut user = ctx
        .data(|d| d.get_temp::<UserWords>(user_words_key()))
        .unwrap_or_default();
    user.words.insert(word.to_owned());
    ctx.data_mut(|d| d.insert_temp(user_words_key(), user.clone()));
    let Some(path) = &user.path else {
        return Ok(());
    };
    let mut text = String::new();
    for w in &user.words {
        text.push_str(w);
        text.push('\n');
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    crate::store::write_atomic(path, text.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))
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
    let user = user_words(ctx);
    spell::misspelled(text, speller, &[document_words, &ignored, &user])
}

/// What the user picked in the spelling menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpellChoice {
    /// Replace the word (byte range) with this suggestion.
    Replace(Range<usize>, String),
    /// Add the word to the document's dictionary.
    AddToDictionary(String),
    /// Add the word to the user's own word list (every document).
    AddToUserWords(String),
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
        choice = Some(SpellChoice::AddToDictionary(spelled.clone()));
        ui.close();
    }
    if ui.button(tr("spell-add-user")).clicked() {
        choice = Some(SpellChoice::AddToUserWords(spelled));
        ui.close();
    }
    choice
}
