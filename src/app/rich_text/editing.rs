//! Editing a body through the toolbar and shortcuts: Ctrl+B/I/K claimed while a body has
//! the focus, the selection carried over a rewrite of the text, and toggling bold and
//! italic marks.

use std::ops::Range;
use std::sync::Arc;

use egui::Id;

/// Memory key of the body editor that had the focus last frame.
fn focused_body_key() -> Id {
    Id::unique("rich-text-focused-body")
}

/// Memory key of a tool claimed from the keyboard, waiting for its editor.
fn pending_key() -> Id {
    Id::unique("rich-text-pending-inline")
}

/// Before the global shortcuts run: while a body editor has the focus, Ctrl+B, Ctrl+I and
/// Ctrl+K belong to it (Ctrl+I is "Import" everywhere else), so they are taken here and
/// handed to the editor through [`take_pending`].
pub fn claim_shortcuts(ctx: &egui::Context) {
    let body: Option<Id> = ctx.data(|d| d.get_temp(focused_body_key()));
    if body.is_none() || ctx.memory(|m| m.focused()) != body {
        return;
    }
    use crate::app::body_tools::Tool;
    let key = |k| egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, k);
    let tool = ctx.input_mut(|i| {
        // Only without Shift: Ctrl+Shift+K (checks) and the like stay global.
        if i.modifiers.shift {
            None
        } else if i.consume_shortcut(&key(egui::Key::B)) {
            Some(Tool::Bold)
        } else if i.consume_shortcut(&key(egui::Key::I)) {
            Some(Tool::Italic)
        } else if i.consume_shortcut(&key(egui::Key::K)) {
            Some(Tool::Link)
        } else {
            None
        }
    });
    if let Some(tool) = tool {
        ctx.data_mut(|d| d.insert_temp(pending_key(), tool));
    }
}

/// Called by the focused body editor `id`: remembers it for [`claim_shortcuts`] and returns
/// a tool claimed for it this frame.
pub fn take_pending(ctx: &egui::Context, id: Id) -> Option<crate::app::body_tools::Tool> {
    use crate::app::body_tools::Tool;
    ctx.data_mut(|d| {
        d.insert_temp(focused_body_key(), id);
        let pending = d.get_temp::<Tool>(pending_key());
        d.remove::<Tool>(pending_key());
        pending
    })
}

/// Remembers that body editor `id` should select `selection` (characters) once its text is
/// `text`: a toggle changes the document through an action, so the new text reaches the
/// widget only next frame, and a cursor set now would be clamped to the old text.
pub fn defer_selection(ctx: &egui::Context, id: Id, text: String, selection: Range<usize>) {
    ctx.data_mut(|d| d.insert_temp(selection_key(id), (Arc::new(text), selection, 0u8)));
}

fn selection_key(id: Id) -> Id {
    id.with("rich-text-selection")
}

/// A deferred selection: the text it belongs to, the range, and how many frames it has
/// waited for the focus.
type Deferred = (Arc<String>, Range<usize>, u8);

/// Applies a selection deferred by [`defer_selection`] when the editor shows its text,
/// and gives the editor the focus again. A toolbar click or a closing dialog held the
/// focus, and egui collapses the selection of a field without focus, so the selection
/// is set again until the field has the focus (a few frames at most).
pub fn restore_selection(ctx: &egui::Context, id: Id, current: &str) {
    let key = selection_key(id);
    let Some((text, selection, waited)) = ctx.data(|d| d.get_temp::<Deferred>(key)) else {
        return;
    };
    if text.as_str() != current {
        return;
    }
    let focused = ctx.memory(|m| m.has_focus(id));
    if focused || waited >= 4 {
        ctx.data_mut(|d| d.remove::<Deferred>(key));
    } else {
        ctx.data_mut(|d| d.insert_temp(key, (text, selection.clone(), waited + 1)));
        ctx.memory_mut(|m| m.request_focus(id));
        ctx.request_repaint();
    }
    if let Some(mut state) = egui::TextEdit::load_state(ctx, id) {
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::two(
                egui::text::CCursor::new(selection.start),
                egui::text::CCursor::new(selection.end),
            )));
        state.store(ctx, id);
    }
}

/// Byte offset of the `n`-th character (clamped to the end).
fn byte_of_char(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// Which inline mark to toggle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    /// `**…**`.
    Bold,
    /// `*…*`.
    Italic,
}

/// Toggles `inline` on the character range `chars`: wraps the selection in the mark, or
/// removes the mark when the selection is already wrapped in it (inside or just outside the
/// selection). Returns the new text and the new selection in characters.
pub fn toggle(text: &str, chars: Range<usize>, inline: Inline) -> (String, Range<usize>) {
    let (a, b) = if chars.start <= chars.end {
        (chars.start, chars.end)
    } else {
        (chars.end, chars.start)
    };
    let start = byte_of_char(text, a);
    let end = byte_of_char(text, b);
    let stars_before = text[..start].len() - text[..start].trim_end_matches('*').len();
    let stars_after = text[end..].len() - text[end..].trim_start_matches('*').len();
    let selected = &text[start..end];
    let inner_before = selected.len() - selected.trim_start_matches('*').len();
    let inner_after = selected.len() - selected.trim_end_matches('*').len();
    let has = |n: usize| match inline {
        Inline::Bold => n >= 2,
        Inline::Italic => n % 2 == 1,
    };
    let width = match inline {
        Inline::Bold => 2,
        Inline::Italic => 1,
    };
    if !selected.is_empty() && has(stars_before.min(stars_after)) {
        // `**[sel]**`: remove the marks around the selection.
        let out = format!(
            "{}{}{}",
            &text[..start - width],
            selected,
            &text[end + width..]
        );
        return (out, (a - width)..(b - width));
    }
    if selected.len() > 2 * width && has(inner_before.min(inner_after)) {
        // `[**sel**]`: the marks are inside the selection.
        let inner = &selected[width..selected.len() - width];
        let out = format!("{}{}{}", &text[..start], inner, &text[end..]);
        return (out, a..(b - 2 * width));
    }
    let mark = &"**"[..width];
    let out = format!("{}{mark}{selected}{mark}{}", &text[..start], &text[end..]);
    (out, (a + width)..(b + width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_toggles_on_and_off() {
        let (on, sel) = toggle("Wir sichern täglich", 4..11, Inline::Bold);
        assert_eq!(on, "Wir **sichern** täglich");
        assert_eq!(sel, 6..13);
        let (off, sel) = toggle(&on, sel, Inline::Bold);
        assert_eq!(off, "Wir sichern täglich");
        assert_eq!(sel, 4..11);
        // Marks inside the selection are removed too.
        let (off, _) = toggle("Wir **sichern** täglich", 4..15, Inline::Bold);
        assert_eq!(off, "Wir sichern täglich");
    }

    #[test]
    fn italic_on_bold_adds_rather_than_breaks_bold() {
        let (out, sel) = toggle("**fett**", 2..6, Inline::Italic);
        assert_eq!(out, "***fett***");
        let (back, _) = toggle(&out, sel, Inline::Italic);
        assert_eq!(back, "**fett**");
    }

    #[test]
    fn empty_selection_inserts_a_pair() {
        let (out, sel) = toggle("ab", 1..1, Inline::Bold);
        assert_eq!(out, "a****b");
        assert_eq!(sel, 3..3);
    }
}
