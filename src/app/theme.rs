//! Field frames in both themes (issue 20.3): editable text fields get a visible frame on
//! their own background, read-only ones (a released version) a flat look without it, so
//! the two never look alike and the light theme does not hide its inputs.

use egui::{Color32, Stroke, Theme};

/// The frame of an editable field that has neither focus nor hover.
fn field_stroke(theme: Theme) -> Stroke {
    match theme {
        // On the light panel (grey 248) a white field needs a clearly darker edge.
        Theme::Light => Stroke::new(1.0, Color32::from_gray(140)),
        Theme::Dark => Stroke::new(1.0, Color32::from_gray(110)),
    }
}

/// Adjusts the light and the dark style once at start-up.
pub fn install(ctx: &egui::Context) {
    for theme in [Theme::Light, Theme::Dark] {
        ctx.style_mut_of(theme, |style| {
            let stroke = field_stroke(theme);
            style.visuals.widgets.inactive.bg_stroke = stroke;
            // Hover a little stronger than rest, so the frame still reacts.
            style.visuals.widgets.hovered.bg_stroke.width = stroke.width.max(1.0);
        });
    }
}

/// Makes the fields of `ui` look read-only: no field background and a faint frame, unlike
/// the framed white (or dark) editable fields. Used with `ui.disable()`.
pub fn read_only_fields(ui: &mut egui::Ui) {
    read_only_visuals(ui.visuals_mut());
}

fn read_only_visuals(visuals: &mut egui::Visuals) {
    visuals.text_edit_bg_color = Some(visuals.panel_fill);
    let faint = if visuals.dark_mode {
        Color32::from_gray(55)
    } else {
        Color32::from_gray(215)
    };
    visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.0, faint);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grey(c: Color32) -> i32 {
        (i32::from(c.r()) + i32::from(c.g()) + i32::from(c.b())) / 3
    }

    #[test]
    fn editable_fields_have_a_visible_frame_and_read_only_ones_look_different() {
        let ctx = egui::Context::default();
        install(&ctx);
        for theme in [Theme::Light, Theme::Dark] {
            let style = ctx.style_of(theme);
            let v = &style.visuals;
            // Before: no stroke at all on an inactive field (white on grey 248).
            let frame = v.widgets.inactive.bg_stroke;
            assert!(frame.width >= 1.0, "{theme:?}");
            assert!(
                (grey(frame.color) - grey(v.panel_fill)).abs() >= 60,
                "{theme:?}: frame {:?} on panel {:?}",
                frame.color,
                v.panel_fill
            );
            // Read-only: no field background, a fainter frame than the editable one.
            let mut ro = v.clone();
            read_only_visuals(&mut ro);
            let (bg, stroke, panel) = (
                ro.text_edit_bg_color(),
                ro.widgets.noninteractive.bg_stroke.color,
                ro.panel_fill,
            );
            assert_eq!(
                bg, panel,
                "{theme:?}: read-only fields have no own background"
            );
            assert_ne!(v.text_edit_bg_color(), panel, "{theme:?}: editable ones do");
            assert!(
                (grey(stroke) - grey(panel)).abs() < (grey(frame.color) - grey(panel)).abs(),
                "{theme:?}: the read-only frame is fainter"
            );
        }
    }
}
