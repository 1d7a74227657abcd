//! Cursor placement in text fields that the editor changes itself (issue 20.9): a new
//! section's default title is selected so typing replaces it, and after undo or redo the
//! cursor stands where the text changed instead of jumping to the start of the field.

use egui::Id;
use egui::text::{CCursor, CCursorRange};

use super::editor::{TextField, text_of};
use crate::model::{Document, Lang};

/// Selects all of `text` in the text field `id`.
pub fn select_all(ctx: &egui::Context, id: Id, text: &str) {
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let n = text.chars().count();
    state
        .cursor
        .set_char_range(Some(CCursorRange::two(CCursor::new(0), CCursor::new(n))));
    state.store(ctx, id);
}

/// Where `after` differs from `before`, as a character index into `after`: the end of the
/// changed stretch (after the common prefix and before the common suffix).
pub fn end_of_change(before: &str, after: &str) -> usize {
    let (b, a): (Vec<char>, Vec<char>) = (before.chars().collect(), after.chars().collect());
    let prefix = b.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let suffix = b[prefix..]
        .iter()
        .rev()
        .zip(a[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a.len() - suffix
}

/// After undo or redo replaced `before` with `after`: the focused text field (if its text
/// changed) gets its cursor at the end of the change.
pub fn after_history(ctx: &egui::Context, before: &Document, after: &Document) {
    let Some(focused) = ctx.memory(|m| m.focused()) else {
        return;
    };
    for field in fields(after) {
        for lang in Lang::ALL {
            if Id::unique(("text", &field, lang)) != focused {
                continue;
            }
            let old = text_of(before, &field).map(|t| t.get(lang)).unwrap_or("");
            let new = text_of(after, &field).map(|t| t.get(lang)).unwrap_or("");
            if old != new {
                let mut state = egui::TextEdit::load_state(ctx, focused).unwrap_or_default();
                let c = CCursor::new(end_of_change(old, new));
                state.cursor.set_char_range(Some(CCursorRange::one(c)));
                state.store(ctx, focused);
            }
            return;
        }
    }
}

/// Every text field of a document.
fn fields(doc: &Document) -> Vec<TextField> {
    let mut out = vec![TextField::DocTitle, TextField::DocPurpose, TextField::Intro];
    for (s, _) in doc.all_sections() {
        out.push(TextField::SectionTitle(s.id.clone()));
        out.push(TextField::SectionBody(s.id.clone()));
        for m in &s.measures {
            out.push(TextField::MeasureText(m.id.clone()));
            out.push(TextField::MeasureNote(m.id.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::end_of_change;

    #[test]
    fn the_end_of_a_change() {
        assert_eq!(end_of_change("abc", "abXc"), 3);
        assert_eq!(end_of_change("abc", "abc def"), 7);
        assert_eq!(end_of_change("abc def", "abc"), 3);
        assert_eq!(end_of_change("Maß", "Maßnahme"), 8);
        assert_eq!(end_of_change("", "x"), 1);
    }
}
