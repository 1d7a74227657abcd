//! The banner over a file whose version chain is broken: it opens read-only (issue 19.3).

use super::Editor;
use crate::i18n::i18n;
use crate::model::Lang;

/// Shows, above the content, that the file was changed after release and is read-only,
/// naming the first version where the chain breaks. Nothing when the chain holds.
pub fn banner(ui: &mut egui::Ui, editor: &Editor, lang: Lang) {
    let Some(broken) = editor.integrity_broken() else {
        return;
    };
    let text = i18n().tr_args(
        lang,
        "integrity-editor-banner",
        &[("label", broken.label.clone().into())],
    );
    let red = ui.visuals().error_fg_color;
    egui::Frame::new()
        .fill(red.gamma_multiply(0.15))
        .stroke(egui::Stroke::new(1.5, red))
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(
                    red,
                    egui::RichText::new(i18n().tr(lang, "integrity-broken-mark")).strong(),
                );
                ui.label(text);
            });
        });
    ui.add_space(6.0);
}
