//! Stale translations in the editor (issue 15.8): the badge beside a translation whose
//! source text changed since it was last edited, with the source's changes since then
//! (found in the saved file, this session's first undo state or the version history),
//! and "Translation is current" to confirm it.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Action, DocEdit, Editor, TextField, tr};
use crate::diff::TextChange;
use crate::model::{Document, Lang, LocalText, text_fingerprint};

/// Earlier texts by their fingerprint, to show what changed in a stale translation's
/// source. Built once per document and set of versions, not per frame.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    key: Option<(u64, usize, u64)>,
    texts: Arc<HashMap<String, String>>,
}

impl Sources {
    /// The index for the editor's document, rebuilt only when the document was opened,
    /// saved or released since the last call, and only when some translation is stale.
    pub fn refresh(&mut self, editor: &Editor) {
        let key = (
            editor.instance(),
            editor.file.versions.len(),
            editor.saves(),
        );
        if self.key == Some(key) || !any_stale(editor.doc()) {
            return;
        }
        self.key = Some(key);
        let mut texts = HashMap::new();
        let mut add = |doc: &Document| {
            for (_, t) in doc.texts() {
                for lang in Lang::ALL {
                    let text = t.get(lang);
                    if !text.trim().is_empty() {
                        texts
                            .entry(text_fingerprint(text))
                            .or_insert_with(|| text.to_owned());
                    }
                }
            }
        };
        add(editor.saved_doc());
        if let Some(first) = editor.oldest_undo() {
            add(first);
        }
        for v in editor.file.versions.iter().rev() {
            if let Ok(doc) = v.document() {
                add(&doc);
            }
        }
        self.texts = Arc::new(texts);
    }

    /// The earlier text with this fingerprint, if known.
    pub fn text(&self, fingerprint: &str) -> Option<&str> {
        self.texts.get(fingerprint).map(String::as_str)
    }
}

fn any_stale(doc: &Document) -> bool {
    doc.texts()
        .iter()
        .any(|(_, t)| Lang::ALL.into_iter().any(|l| t.is_stale(l)))
}

/// The "outdated" badge beside a stale translation: hovering shows the source's changes
/// since the translation, the button marks the translation as current.
pub fn stale_marker(
    ui: &mut egui::Ui,
    ui_lang: Lang,
    sources: &Sources,
    (text, field): (&LocalText, &TextField),
    lang: Lang,
    read_only: bool,
    out: &mut Vec<Action>,
) {
    if !text.is_stale(lang) {
        return;
    }
    let Some(basis) = &text.basis else { return };
    let earlier = sources.text(&basis.fingerprint);
    let badge = ui.colored_label(
        ui.visuals().warn_fg_color,
        tr(ui_lang, "marker-stale-translation"),
    );
    badge.on_hover_ui(|ui| match earlier {
        Some(old) => {
            ui.label(tr(ui_lang, "marker-stale-hint"));
            if let Some(change) = TextChange::plain(old, text.get(basis.source)) {
                let job = super::compare::segments_job(
                    ui,
                    change.segments(Lang::De),
                    super::compare::Show::Inline,
                );
                ui.label(job);
            }
        }
        None => {
            ui.label(tr(ui_lang, "marker-stale-unknown"));
        }
    });
    if !read_only
        && ui
            .small_button(tr(ui_lang, "translation-confirm"))
            .clicked()
    {
        out.push(Action::Edit(DocEdit::ConfirmTranslation(
            field.clone(),
            lang,
        )));
    }
}
