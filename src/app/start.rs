//! The first start (issue 15.7): a start view when no document was open before (new from
//! the template, open, import, the example, recent files), and a banner while the built-in
//! example is open, so nobody takes it for their own document.

use super::command::Command;
use super::{Action, Settings, tr};
use crate::model::Lang;

/// What the start view asks the app to do besides ordinary actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartChoice {
    /// Show the built-in example (it is loaded already).
    Example,
}

/// The start view in the centre. Returns a choice the app handles itself.
pub fn view(
    ui: &mut egui::Ui,
    lang: Lang,
    settings: &Settings,
    out: &mut Vec<Action>,
) -> Option<StartChoice> {
    let mut choice = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(16.0);
            ui.heading(tr(lang, "start-heading"));
            ui.label(tr(lang, "start-text"));
            ui.add_space(12.0);
            let wide = |ui: &mut egui::Ui, text: String| {
                ui.add(egui::Button::new(text).min_size(egui::vec2(320.0, 0.0)))
                    .clicked()
            };
            if wide(ui, tr(lang, "start-new")) {
                out.push(Action::Command(Command::New));
            }
            if wide(ui, tr(lang, "start-open")) {
                out.push(Action::Command(Command::Open));
            }
            if wide(ui, tr(lang, "start-import")) {
                out.push(Action::Command(Command::ImportMarkdown));
            }
            if wide(ui, tr(lang, "start-example")) {
                choice = Some(StartChoice::Example);
            }
            ui.add_space(12.0);
            ui.strong(tr(lang, "menu-recent"));
            if settings.recent.is_empty() {
                ui.weak(tr(lang, "start-no-recent"));
            }
            for path in &settings.recent {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string());
                if ui
                    .link(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    out.push(Action::OpenRecent(path.clone()));
                }
            }
        });
    choice
}

/// The banner over the example: it is an example, and how to start one's own.
pub fn example_banner(ui: &mut egui::Ui, lang: Lang, out: &mut Vec<Action>) {
    egui::Frame::new()
        .fill(ui.visuals().hyperlink_color.gamma_multiply(0.12))
        .stroke(egui::Stroke::new(1.0, ui.visuals().hyperlink_color))
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.strong(tr(lang, "example-banner"));
                if ui.button(tr(lang, "start-new")).clicked() {
                    out.push(Action::Command(Command::New));
                }
                if ui.button(tr(lang, "start-open")).clicked() {
                    out.push(Action::Command(Command::Open));
                }
            });
        });
    ui.add_space(6.0);
}
