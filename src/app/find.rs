//! Find and replace across the document: the find bar (Ctrl+F, replace with Ctrl+Shift+F),
//! matching with case and whole-word options over the title block (title, purpose,
//! responsible person, introduction) and the sections' titles, bodies, measures and notes in
//! one or both languages, stepping through matches, highlighting them in every searched
//! field, and replace / replace all (each one undo step, on the working copy only).

use std::ops::Range;
use std::sync::Arc;

use egui::{Color32, Id};

use super::{Action, DocEdit, Selection, TextField, ViewState};
use crate::i18n::i18n;
use crate::model::{Document, Lang, Section, SectionId};

/// Which sections are searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only the selected section; with the document form shown, its title block.
    CurrentSection,
    /// Every section, hidden ones included (they are edited too).
    AllSections,
}

/// Which languages are searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Langs {
    /// German and English.
    Both,
    /// One language.
    Only(Lang),
}

/// What to look for and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The text to find.
    pub text: String,
    /// Upper and lower case must match.
    pub match_case: bool,
    /// Only whole words (no letter or digit right before or after).
    pub whole_word: bool,
    /// Which sections.
    pub scope: Scope,
    /// Which languages.
    pub langs: Langs,
}

/// One match: a field, its language, the section it belongs to and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The section holding the field; `None` for the title block (the document form).
    pub section: Option<SectionId>,
    /// The field.
    pub field: TextField,
    /// The field's language.
    pub lang: Lang,
    /// Byte range in the field's text.
    pub range: Range<usize>,
}

/// The byte ranges where `needle` occurs in `hay` (non-overlapping, left to right).
/// Without `match_case`, characters compare by their lower-case forms, so "Ü" finds "ü".
pub fn find_in(hay: &str, needle: &str, match_case: bool, whole_word: bool) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.chars().collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let same = |a: char, b: char| a == b || (!match_case && a.to_lowercase().eq(b.to_lowercase()));
    let chars: Vec<(usize, char)> = hay.char_indices().collect();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        let hit = needle
            .iter()
            .zip(&chars[i..])
            .all(|(&n, &(_, h))| same(n, h));
        let end_char = i + needle.len();
        let bounded = !whole_word
            || ((i == 0 || !is_word(chars[i - 1].1))
                && chars.get(end_char).is_none_or(|&(_, c)| !is_word(c)));
        if hit && bounded {
            let start = chars[i].0;
            let end = chars.get(end_char).map_or(hay.len(), |&(b, _)| b);
            out.push(start..end);
            i = end_char;
        } else {
            i += 1;
        }
    }
    out
}

/// Every searchable field of a section in display order: title, body, then each
/// measure's text and note.
fn fields(section: &Section) -> Vec<(TextField, &crate::model::LocalText)> {
    let mut out = vec![
        (TextField::SectionTitle(section.id.clone()), &section.title),
        (TextField::SectionBody(section.id.clone()), &section.body),
    ];
    for m in &section.measures {
        out.push((TextField::MeasureText(m.id.clone()), &m.text));
        out.push((TextField::MeasureNote(m.id.clone()), &m.note));
    }
    out
}

/// The title block's fields in the document form's order (they print on the first page).
fn title_block(doc: &Document) -> Vec<(TextField, &crate::model::LocalText)> {
    vec![
        (TextField::DocTitle, &doc.meta.title),
        (TextField::DocPurpose, &doc.meta.purpose),
        (TextField::Responsible, &doc.meta.responsible),
        (TextField::Intro, &doc.intro),
    ]
}

/// All matches of `query` in `doc`, in document order (the title block first);
/// `current` is the selected section (`None`: the document form is shown).
pub fn matches(doc: &Document, query: &Query, current: Option<&SectionId>) -> Vec<Match> {
    let langs = match query.langs {
        Langs::Both => vec![Lang::De, Lang::En],
        Langs::Only(l) => vec![l],
    };
    let mut out = Vec::new();
    let mut search = |section: Option<&SectionId>,
                      fields: Vec<(TextField, &crate::model::LocalText)>| {
        for (field, text) in fields {
            for &lang in &langs {
                for range in find_in(
                    text.get(lang),
                    &query.text,
                    query.match_case,
                    query.whole_word,
                ) {
                    out.push(Match {
                        section: section.cloned(),
                        field: field.clone(),
                        lang,
                        range,
                    });
                }
            }
        }
    };
    if query.scope == Scope::AllSections || current.is_none() {
        search(None, title_block(doc));
    }
    for (section, _) in doc.all_sections() {
        if query.scope == Scope::CurrentSection && Some(&section.id) != current {
            continue;
        }
        search(Some(&section.id), fields(section));
    }
    out
}

/// The document with every match replaced by `with`: one edit, so one undo step.
/// Returns the new document and how many replacements were made.
pub fn replace_all(
    doc: &Document,
    query: &Query,
    current: Option<&SectionId>,
    with: &str,
) -> (Document, usize) {
    let found = matches(doc, query, current);
    let mut out = doc.clone();
    // Replace from the end of each field so earlier ranges stay valid.
    for m in found.iter().rev() {
        if let Ok(text) = super::editor::text_mut(&mut out, &m.field) {
            let s = text.get_mut(m.lang);
            if s.get(m.range.clone()).is_some() {
                s.replace_range(m.range.clone(), with);
            }
        }
    }
    (out, found.len())
}

/// The memory key of the highlights the body editors read.
fn highlights_key() -> Id {
    Id::unique("find-highlights")
}

/// What the body editors and the preview highlight: every match per editor id, and the
/// current one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlights {
    /// The matches' byte ranges per text editor id.
    pub ranges: Vec<(Id, Range<usize>)>,
    /// The current match: editor id and range.
    pub current: Option<(Id, Range<usize>)>,
    /// The text searched for, with its case option (the preview marks it on the pages).
    pub needle: Option<(String, bool)>,
    /// Bumped each time the current match moves, so its editor scrolls to it once.
    pub generation: u64,
}

/// The highlights for the editor `id`: all its match ranges and the current one.
pub fn highlights_for(ctx: &egui::Context, id: Id) -> (Vec<Range<usize>>, Option<Range<usize>>) {
    let Some(h) = ctx.data(|d| d.get_temp::<Arc<Highlights>>(highlights_key())) else {
        return (Vec::new(), None);
    };
    let all = h
        .ranges
        .iter()
        .filter(|(i, _)| *i == id)
        .map(|(_, r)| r.clone())
        .collect();
    let current = h
        .current
        .as_ref()
        .filter(|(i, _)| *i == id)
        .map(|(_, r)| r.clone());
    (all, current)
}

/// The text the find bar looks for (for the preview), if the bar is open.
pub fn needle(ctx: &egui::Context) -> Option<(String, bool)> {
    ctx.data(|d| d.get_temp::<Arc<Highlights>>(highlights_key()))
        .and_then(|h| h.needle.clone())
}

/// The current match's generation for editor `id`, when it is in that editor: the body
/// editor scrolls to it when the generation is new.
pub fn current_generation(ctx: &egui::Context, id: Id) -> Option<u64> {
    ctx.data(|d| d.get_temp::<Arc<Highlights>>(highlights_key()))
        .filter(|h| h.current.as_ref().is_some_and(|(i, _)| *i == id))
        .map(|h| h.generation)
}

/// A layouter for a plain (not Markdown) text field that marks the find bar's matches in
/// it with the body editors' backgrounds; `None` while the field has none, so it keeps
/// egui's own layouter (and look) whenever the find bar is closed.
pub fn plain_layouter(
    ctx: &egui::Context,
    id: Id,
    multiline: bool,
) -> Option<impl FnMut(&egui::Ui, &dyn egui::TextBuffer, f32) -> Arc<egui::Galley> + use<>> {
    let (found, current) = highlights_for(ctx, id);
    if found.is_empty() && current.is_none() {
        return None;
    }
    Some(
        move |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap_width: f32| {
            let font = egui::TextStyle::Body.resolve(ui.style());
            let color = ui
                .visuals()
                .override_text_color
                .unwrap_or_else(|| ui.visuals().text_color());
            let line_height =
                ui.fonts_mut(|f| f.row_height(&font)) + ui.spacing().extra_text_line_spacing;
            let format = egui::TextFormat {
                font_id: font,
                color,
                line_height: Some(line_height),
                ..Default::default()
            };
            let wrap = multiline.then_some(wrap_width);
            let job = marked_job(buf.as_str(), &format, &found, current.clone(), wrap);
            ui.fonts_mut(|f| f.layout_job(job))
        },
    )
}

/// `text` in `format`, with the bytes of `found` on [`FOUND`](super::rich_text::FOUND)
/// and those of `current` on [`FOUND_CURRENT`](super::rich_text::FOUND_CURRENT);
/// wrapped at `wrap` (`None`: one line). Ranges that no longer fit the text (it changed
/// since the matches were found, for a frame) are clipped to character boundaries.
pub fn marked_job(
    text: &str,
    format: &egui::TextFormat,
    found: &[Range<usize>],
    current: Option<Range<usize>>,
    wrap: Option<f32>,
) -> egui::text::LayoutJob {
    let clip = |r: &Range<usize>| {
        let fit = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        fit(r.start)..fit(r.end)
    };
    // The level of every byte: 0 plain, 1 a match, 2 the current match.
    let mut level = vec![0u8; text.len()];
    for (r, l) in found
        .iter()
        .map(|r| (clip(r), 1))
        .chain(current.as_ref().map(|r| (clip(r), 2)))
    {
        level[r].iter_mut().for_each(|b| *b = (*b).max(l));
    }
    let mut job = egui::text::LayoutJob {
        keep_trailing_whitespace: true,
        break_on_newline: wrap.is_some(),
        ..Default::default()
    };
    job.wrap.max_width = wrap.unwrap_or(f32::INFINITY);
    let mut start = 0;
    while start < text.len() {
        let l = level[start];
        let end = (start..text.len())
            .find(|&i| level[i] != l && text.is_char_boundary(i))
            .unwrap_or(text.len());
        let mut f = format.clone();
        f.background = match l {
            0 => Color32::TRANSPARENT,
            1 => super::rich_text::FOUND,
            _ => super::rich_text::FOUND_CURRENT,
        };
        job.append(&text[start..end], 0.0, f);
        start = end;
    }
    if text.is_empty() {
        job.append("", 0.0, format.clone());
    }
    job
}

/// Scrolls the field `response` (editor `id`) into view once each time the current
/// match moves into it.
pub fn scroll_to_current(ui: &egui::Ui, id: Id, response: &egui::Response) {
    let Some(generation) = current_generation(ui.ctx(), id) else {
        return;
    };
    let key = id.with("find-scrolled");
    if ui.data(|d| d.get_temp::<u64>(key)) != Some(generation) {
        ui.data_mut(|d| d.insert_temp(key, generation));
        response.scroll_to_me(Some(egui::Align::Center));
    }
}

/// The find bar's state.
#[derive(Debug, Clone)]
pub struct FindBar {
    /// Shown.
    pub open: bool,
    /// The replace row is shown.
    pub replace: bool,
    /// The search.
    pub query: Query,
    /// The replacement text.
    pub replacement: String,
    /// Index of the current match.
    pub current: usize,
    /// Put the focus into the find field on the next frame.
    focus: bool,
    generation: u64,
    cache: Option<(CacheKey, Arc<Vec<Match>>)>,
}

#[derive(Debug, Clone, PartialEq)]
struct CacheKey {
    instance: u64,
    revision: u64,
    query: Query,
    section: Option<SectionId>,
    viewing: bool,
}

impl Default for FindBar {
    fn default() -> Self {
        Self {
            open: false,
            replace: false,
            query: Query {
                text: String::new(),
                match_case: false,
                whole_word: false,
                scope: Scope::AllSections,
                langs: Langs::Both,
            },
            replacement: String::new(),
            current: 0,
            focus: false,
            generation: 0,
            cache: None,
        }
    }
}

/// What the bar asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum FindRequest {
    /// Show this match (select its section and language).
    Show(Match),
    /// Replace one match.
    Replace(Match),
    /// Replace every match.
    ReplaceAll,
}

impl FindBar {
    /// Opens the bar (Ctrl+F), with the replace row when `replace` (Ctrl+Shift+F).
    pub fn open(&mut self, replace: bool) {
        self.open = true;
        self.replace = replace || (self.replace && self.open);
        self.focus = true;
    }

    /// The matches in `doc` for the current query (cached per document revision).
    pub fn matches(
        &mut self,
        doc: &Document,
        instance: u64,
        revision: u64,
        section: Option<&SectionId>,
        viewing: bool,
    ) -> Arc<Vec<Match>> {
        let key = CacheKey {
            instance,
            revision,
            query: self.query.clone(),
            section: section.cloned(),
            viewing,
        };
        if let Some((k, m)) = &self.cache
            && *k == key
        {
            return m.clone();
        }
        let found = Arc::new(matches(doc, &self.query, section));
        self.cache = Some((key, found.clone()));
        found
    }

    /// Steps to the next (`forward`) or previous match and asks to show it.
    pub fn step(&mut self, found: &[Match], forward: bool) -> Option<FindRequest> {
        if found.is_empty() {
            return None;
        }
        let n = found.len();
        self.current = if forward {
            (self.current + 1) % n
        } else {
            (self.current + n - 1) % n
        };
        self.generation += 1;
        found.get(self.current).cloned().map(FindRequest::Show)
    }

    /// Publishes the highlights for the editors and the preview (nothing when closed).
    pub fn publish(&self, ctx: &egui::Context, found: &[Match]) {
        let highlights = if self.open && !found.is_empty() {
            let id = |m: &Match| super::section_editor::text_id(&m.field, m.lang);
            Highlights {
                ranges: found.iter().map(|m| (id(m), m.range.clone())).collect(),
                current: found.get(self.current).map(|m| (id(m), m.range.clone())),
                needle: Some((self.query.text.clone(), self.query.match_case)),
                generation: self.generation,
            }
        } else {
            Highlights::default()
        };
        let key = highlights_key();
        let old: Option<Arc<Highlights>> = ctx.data(|d| d.get_temp(key));
        if old.as_deref() != Some(&highlights) {
            ctx.data_mut(|d| d.insert_temp(key, Arc::new(highlights)));
        }
    }
}

/// One frame of find: the bar under the menu bar when it is open (Escape in its field or
/// with nothing focused closes it), and the matches published for the editors and the
/// preview. `doc` is the shown document with its editor instance and revision.
pub fn frame(
    ui: &mut egui::Ui,
    find: &mut FindBar,
    (doc, instance, revision): (&Document, u64, u64),
    section: Option<&SectionId>,
    view: &ViewState,
    read_only: bool,
) -> Option<FindRequest> {
    let mut request = None;
    if find.open {
        let found = find.matches(doc, instance, revision, section, read_only);
        request = egui::Panel::top("find-bar")
            .show(ui, |ui| bar(ui, find, &found, view, read_only))
            .inner;
        let field = Id::unique("find-text");
        if ui.input(|i| i.key_pressed(egui::Key::Escape))
            && ui.memory(|m| m.focused().is_none_or(|f| f == field))
        {
            find.open = false;
        }
    }
    // The query may have changed in the bar: publish this frame's matches.
    let found = find.matches(doc, instance, revision, section, read_only);
    find.publish(ui.ctx(), &found);
    request
}

/// Shows the find bar (a strip under the menu bar) and returns what the user asked for.
#[allow(clippy::too_many_arguments)]
pub fn bar(
    ui: &mut egui::Ui,
    find: &mut FindBar,
    found: &[Match],
    view: &ViewState,
    read_only: bool,
) -> Option<FindRequest> {
    let lang = view.ui_lang;
    let tr = |id: &str| i18n().tr(lang, id);
    let mut request = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr("find-label"));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut find.query.text)
                    .id(Id::unique("find-text"))
                    .desired_width(220.0)
                    .hint_text(tr("find-hint")),
            )
            .labelled_by(label.id);
        if find.focus {
            response.request_focus();
            find.focus = false;
        }
        if response.changed() {
            find.current = 0;
            find.generation += 1;
        }
        // Enter steps forward, Shift+Enter back; the field keeps the focus.
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            let back = ui.input(|i| i.modifiers.shift);
            request = find.step(found, !back);
            response.request_focus();
        }
        let count = if find.query.text.is_empty() {
            String::new()
        } else if found.is_empty() {
            tr("find-none")
        } else {
            i18n().tr_args(
                lang,
                "find-count",
                &[
                    (
                        "current",
                        ((find.current.min(found.len() - 1) + 1) as i64).into(),
                    ),
                    ("total", (found.len() as i64).into()),
                ],
            )
        };
        if !count.is_empty() {
            // Not wrapped: a wrapping label in this wrapping row starts a row of its own.
            ui.add(egui::Label::new(count).extend());
        }
        if ui
            .add_enabled(!found.is_empty(), egui::Button::new(tr("find-previous")))
            .clicked()
        {
            request = find.step(found, false);
        }
        if ui
            .add_enabled(!found.is_empty(), egui::Button::new(tr("find-next")))
            .clicked()
        {
            request = find.step(found, true);
        }
        ui.checkbox(&mut find.query.match_case, tr("find-match-case"));
        ui.checkbox(&mut find.query.whole_word, tr("find-whole-word"));
        let scope_label = ui.label(tr("find-scope"));
        egui::ComboBox::from_id_salt("find-scope")
            .selected_text(match find.query.scope {
                Scope::CurrentSection => tr("find-scope-section"),
                Scope::AllSections => tr("find-scope-all"),
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut find.query.scope,
                    Scope::CurrentSection,
                    tr("find-scope-section"),
                );
                ui.selectable_value(
                    &mut find.query.scope,
                    Scope::AllSections,
                    tr("find-scope-all"),
                );
            })
            .response
            .labelled_by(scope_label.id);
        let langs_label = ui.label(tr("find-languages"));
        let lang_name = |l: Lang| tr(&format!("language-{}", l.code()));
        egui::ComboBox::from_id_salt("find-languages")
            .selected_text(match find.query.langs {
                Langs::Both => tr("find-languages-both"),
                Langs::Only(l) => lang_name(l),
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    &mut find.query.langs,
                    Langs::Both,
                    tr("find-languages-both"),
                );
                for l in Lang::ALL {
                    ui.selectable_value(&mut find.query.langs, Langs::Only(l), lang_name(l));
                }
            })
            .response
            .labelled_by(langs_label.id);
        ui.toggle_value(&mut find.replace, tr("find-replace-toggle"));
        if ui.button(tr("find-close")).clicked() {
            find.open = false;
        }
    });
    if find.replace {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr("find-replace-label"));
            ui.add(
                egui::TextEdit::singleline(&mut find.replacement)
                    .id(Id::unique("find-replacement"))
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            let can = !found.is_empty() && !read_only;
            if ui
                .add_enabled(can, egui::Button::new(tr("find-replace")))
                .clicked()
                && let Some(m) = found.get(find.current.min(found.len() - 1))
            {
                request = Some(FindRequest::Replace(m.clone()));
            }
            if ui
                .add_enabled(can, egui::Button::new(tr("find-replace-all")))
                .clicked()
            {
                request = Some(FindRequest::ReplaceAll);
            }
            if read_only {
                ui.weak(tr("find-read-only"));
            }
        });
    }
    request
}

/// The actions that show match `m`: select its section and a language mode that shows it.
pub fn show_actions(m: &Match, view: &ViewState) -> Vec<Action> {
    let selection = m
        .section
        .clone()
        .map_or(Selection::Document, Selection::Section);
    let mut out = vec![Action::Select(selection)];
    if !view.content.langs().contains(&m.lang) {
        out.push(Action::Command(match m.lang {
            Lang::De => super::Command::EditGerman,
            Lang::En => super::Command::EditEnglish,
        }));
    }
    out
}

/// The edit that replaces match `m` with `with` in `doc` (one undo step), if the match is
/// still there.
pub fn replace_one(doc: &Document, m: &Match, with: &str) -> Option<DocEdit> {
    let mut copy = doc.clone();
    let text = super::editor::text_mut(&mut copy, &m.field).ok()?;
    let mut s = text.get(m.lang).to_owned();
    s.get(m.range.clone())?;
    s.replace_range(m.range.clone(), with);
    Some(DocEdit::SetText(m.field.clone(), m.lang, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively_by_characters_and_whole_words() {
        let hay = "Übertragung, übertragen; ÜBER-tragen";
        assert_eq!(find_in(hay, "über", false, false).len(), 3);
        assert_eq!(find_in(hay, "über", true, false).len(), 1);
        let r = find_in(hay, "ÜBER", true, true);
        assert_eq!(r.len(), 1, "ÜBER before a hyphen is a whole word");
        assert_eq!(&hay[r[0].clone()], "ÜBER");
        assert!(find_in(hay, "", false, false).is_empty());
        // Non-overlapping, left to right.
        assert_eq!(find_in("aaaa", "aa", false, false), vec![0..2, 2..4]);
    }

    #[test]
    fn replace_all_touches_every_field_and_language_but_not_versions() {
        let mut file = crate::store::example();
        let doc = file.working.clone();
        let query = Query {
            text: "backup".into(),
            match_case: false,
            whole_word: false,
            scope: Scope::AllSections,
            langs: Langs::Both,
        };
        let before = matches(&doc, &query, None);
        assert!(!before.is_empty(), "the example mentions backups");
        let (new, n) = replace_all(&doc, &query, None, "Sicherung");
        assert_eq!(n, before.len());
        assert!(matches(&new, &query, None).is_empty());
        file.working = new;
        assert_eq!(file.versions, crate::store::example().versions);
    }

    #[test]
    fn current_section_scope_only_searches_that_section() {
        let doc = crate::store::example().working;
        let first = doc.sections[0].id.clone();
        let query = Query {
            text: "e".into(),
            match_case: false,
            whole_word: false,
            scope: Scope::CurrentSection,
            langs: Langs::Only(Lang::De),
        };
        let found = matches(&doc, &query, Some(&first));
        assert!(!found.is_empty());
        assert!(
            found
                .iter()
                .all(|m| m.section.as_ref() == Some(&first) && m.lang == Lang::De)
        );
        // With the document form shown, the current "section" is the title block.
        let block = matches(&doc, &query, None);
        assert!(!block.is_empty(), "the example's title block has an e");
        assert!(block.iter().all(|m| m.section.is_none()
            && matches!(
                m.field,
                TextField::DocTitle
                    | TextField::DocPurpose
                    | TextField::Responsible
                    | TextField::Intro
            )));
    }
}
