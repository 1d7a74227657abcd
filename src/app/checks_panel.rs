//! The checks panel: the findings of [`checks::run`] on the working copy, recomputed only
//! when the document changed; clicking a finding selects its section (and measure).

use time::Date;

use super::{Action, ContentMode, Editor, Selection, TextField, ViewState, tr};
use crate::checks::{self, Finding, Level};
use crate::i18n::i18n;

/// State of the checks panel: whether it is shown and the cached findings.
#[derive(Debug, Default)]
pub struct ChecksPanel {
    /// Shown on the right.
    pub visible: bool,
    /// The findings and what they were computed from: (editor instance, revision, today).
    cache: Option<((u64, u64, Date), Vec<Finding>)>,
    /// How often the checks ran (for tests: not once per frame).
    pub runs: u64,
    /// Also list misspelled words (as `tomwerk check --spelling` does).
    pub spelling: bool,
    /// The spelling findings and their (editor instance, revision).
    spelling_cache: Option<((u64, u64), Vec<Finding>)>,
}

impl ChecksPanel {
    /// The findings for the editor's current document, running the checks only when the
    /// document (or the date) changed since the last run.
    pub fn findings(&mut self, editor: &Editor, today: Date) -> &[Finding] {
        let key = (editor.instance(), editor.revision(), today);
        let fresh = self.cache.as_ref().is_some_and(|(k, _)| *k == key);
        if !fresh {
            self.runs += 1;
            self.cache = Some((key, checks::run(&editor.file, today)));
        }
        self.cache
            .as_ref()
            .map(|(_, f)| f.as_slice())
            .unwrap_or(&[])
    }
}

impl ChecksPanel {
    /// The spelling findings for the editor's document, once the dictionaries are loaded
    /// (`None` while they load); recomputed only after a change.
    fn spelling_findings(&mut self, ctx: &egui::Context, editor: &Editor) -> Option<&[Finding]> {
        let spellers = super::spell_ui::spellers(ctx)?;
        let key = (editor.instance(), editor.revision());
        if self.spelling_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let found = checks::spelling::run(editor.doc(), spellers);
            self.spelling_cache = Some((key, found));
        }
        self.spelling_cache.as_ref().map(|(_, f)| f.as_slice())
    }
}

/// The symbol and colour of a level; the symbol keeps levels apart without colour.
/// The symbols are ones the default UI font has.
fn level_style(level: Level, visuals: &egui::Visuals) -> (&'static str, egui::Color32) {
    match level {
        Level::Error => ("×", visuals.error_fg_color),
        Level::Warning => ("!", visuals.warn_fg_color),
        Level::Info => ("i", visuals.hyperlink_color),
    }
}

/// Shows the panel on the right when it is visible.
pub fn panel(
    ui: &mut egui::Ui,
    state: &mut ChecksPanel,
    editor: &Editor,
    view: &mut ViewState,
    today: Date,
    out: &mut Vec<Action>,
) {
    if !state.visible {
        // Nothing is computed while hidden; reopening runs the checks afresh.
        state.cache = None;
        return;
    }
    egui::Panel::right("checks")
        .resizable(true)
        .default_size(340.0)
        .show(ui, |ui| show(ui, state, editor, view, today, out));
}

fn show(
    ui: &mut egui::Ui,
    state: &mut ChecksPanel,
    editor: &Editor,
    view: &mut ViewState,
    today: Date,
    out: &mut Vec<Action>,
) {
    let lang = view.ui_lang;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading(tr(lang, "checks-heading"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr(lang, "button-close")).clicked() {
                out.push(Action::Command(super::Command::Checks));
            }
        });
    });
    ui.checkbox(&mut state.spelling, tr(lang, "checks-spelling-toggle"));
    let mut findings = state.findings(editor, today).to_vec();
    if state.spelling {
        let no_dictionary =
            super::spell_ui::spellers(ui.ctx()).is_some_and(|s| s.de.is_none() && s.en.is_none());
        if no_dictionary {
            // Said once here, as a note: checking spelling is optional.
            ui.weak(tr(lang, "spell-no-dictionary"));
        }
        if let Some(words) = state.spelling_findings(ui.ctx(), editor) {
            findings.extend_from_slice(words);
        }
    }
    let findings = &findings;
    let count = |l: Level| findings.iter().filter(|f| f.level == l).count();
    ui.label(i18n().tr_args(
        lang,
        "checks-summary",
        &[
            ("errors", count(Level::Error).into()),
            ("warnings", count(Level::Warning).into()),
            ("infos", count(Level::Info).into()),
        ],
    ));
    if view.viewing.is_some() {
        ui.weak(tr(lang, "checks-working-copy"));
    }
    ui.separator();
    if findings.is_empty() {
        ui.weak(tr(lang, "checks-none"));
        return;
    }
    let doc = editor.doc();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for f in findings {
                let (symbol, colour) = level_style(f.level, ui.visuals());
                let selected = f
                    .location
                    .section
                    .as_ref()
                    .is_some_and(|id| view.selection == Selection::Section(id.clone()));
                ui.horizontal_top(|ui| {
                    ui.colored_label(colour, egui::RichText::new(symbol).strong())
                        .on_hover_text(f.level.label(lang));
                    let text = super::compare::displayable(
                        ui.ctx(),
                        &format!("{}\n{}", f.place(doc, lang), f.message(lang)),
                    );
                    let r = ui
                        .add(egui::Button::selectable(selected, text).wrap())
                        .on_hover_text(tr(lang, "checks-hint"));
                    if r.clicked() {
                        follow(f, view, out);
                    }
                });
            }
        });
}

/// Jumps to a finding's place: back to the working copy, then its section (or the
/// document form), focusing the measure when the finding names one.
fn follow(f: &Finding, view: &mut ViewState, out: &mut Vec<Action>) {
    if view.viewing.is_some() {
        out.push(Action::ViewVersion(None));
    }
    let target = match &f.location.section {
        Some(id) => Selection::Section(id.clone()),
        None => Selection::Document,
    };
    out.push(Action::Select(target.clone()));
    // A finding about one language of a text (a missing or stale translation) opens
    // that language's field, not the first one shown (issue 20.5).
    if let Some((field, lang)) = f.location.text
        && let Some(text_field) = text_field(field, &f.location)
    {
        if let ContentMode::Single(shown) = view.content
            && shown != lang
        {
            view.content = ContentMode::Single(lang);
        }
        if matches!(field, checks::Field::Measure) && view.content == ContentMode::Single(lang) {
            view.focus_measure = f.location.measure.clone();
        }
        view.focus_text = Some((text_field, lang, target));
        return;
    }
    if let Some(m) = &f.location.measure {
        view.focus_measure = Some(m.clone());
    }
}

/// The editor's field for a checked text at `location`.
fn text_field(field: checks::Field, location: &checks::Location) -> Option<TextField> {
    use checks::Field as F;
    Some(match field {
        F::DocumentTitle => TextField::DocTitle,
        F::Purpose => TextField::DocPurpose,
        F::Responsible => TextField::Responsible,
        F::Intro => TextField::Intro,
        F::Title => TextField::SectionTitle(location.section.clone()?),
        F::Body => TextField::SectionBody(location.section.clone()?),
        F::Measure => TextField::MeasureText(location.measure.clone()?),
        F::Note => TextField::MeasureNote(location.measure.clone()?),
    })
}

impl super::TomwerkApp {
    /// How often the checks panel ran the checks (they run only after a change).
    pub fn checks_runs(&self) -> u64 {
        self.checks.runs
    }
}
