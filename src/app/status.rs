//! The status bar (file, unsaved mark, progress) and toasts (confirmations and errors,
//! an export toast with an "Open" action).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Action, ContentMode, Editor, ViewState};
use crate::i18n::i18n;
use crate::model::Lang;

/// How long an information toast stays; errors stay until closed.
const INFO_DURATION: Duration = Duration::from_secs(6);

/// A short message in the corner.
#[derive(Debug, Clone)]
pub struct Toast {
    id: u64,
    text: String,
    error: bool,
    open: Option<PathBuf>,
    until: Option<Instant>,
}

impl Toast {
    /// A toast with an "Open" button for `path` that stays until closed.
    pub fn with_open(text: String, path: PathBuf) -> Self {
        Self {
            id: 0,
            text,
            error: false,
            open: Some(path),
            until: None,
        }
    }
}

/// The visible toasts.
#[derive(Debug, Default)]
pub struct Toasts {
    list: Vec<Toast>,
    next_id: u64,
}

impl Toasts {
    /// Adds a toast.
    pub fn push(&mut self, mut toast: Toast) {
        self.next_id += 1;
        toast.id = self.next_id;
        self.list.push(toast);
        // Keep the corner readable.
        if self.list.len() > 5 {
            self.list.remove(0);
        }
    }

    /// A confirmation that disappears by itself.
    pub fn info(&mut self, text: String) {
        self.push(Toast {
            id: 0,
            text,
            error: false,
            open: None,
            until: Some(Instant::now() + INFO_DURATION),
        });
    }

    /// An error that stays until closed.
    pub fn error(&mut self, text: String) {
        self.push(Toast {
            id: 0,
            text,
            error: true,
            open: None,
            until: None,
        });
    }

    /// Closes a toast.
    pub fn dismiss(&mut self, id: u64) {
        self.list.retain(|t| t.id != id);
    }

    /// The texts shown, for tests.
    pub fn texts(&self) -> Vec<&str> {
        self.list.iter().map(|t| t.text.as_str()).collect()
    }

    /// Drops expired toasts and asks for one repaint when the next one expires.
    ///
    /// This runs after the frame is drawn, so a toast dropped here was still painted:
    /// one more frame is requested to take it off the screen, or it would stay there
    /// until the next input while the user is idle (issue 20.8).
    pub fn schedule_expiry(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        let before = self.list.len();
        self.list.retain(|t| t.until.is_none_or(|u| u > now));
        if self.list.len() != before {
            ctx.request_repaint();
        }
        if let Some(next) = self.list.iter().filter_map(|t| t.until).min() {
            ctx.request_repaint_after(next.saturating_duration_since(now));
        }
    }

    /// Shows the toasts in the bottom-right corner.
    pub fn show(&self, ctx: &egui::Context, lang: Lang, out: &mut Vec<Action>) {
        if self.list.is_empty() {
            return;
        }
        egui::Area::new(egui::Id::unique("toasts"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -40.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                for t in &self.list {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(420.0);
                        ui.horizontal_wrapped(|ui| {
                            if t.error {
                                ui.colored_label(ui.visuals().error_fg_color, &t.text);
                            } else {
                                ui.label(&t.text);
                            }
                        });
                        ui.horizontal(|ui| {
                            if let Some(path) = &t.open
                                && ui.button(i18n().tr(lang, "button-open-file")).clicked()
                            {
                                out.push(Action::OpenExternal(path.clone()));
                            }
                            if ui.button(i18n().tr(lang, "button-close")).clicked() {
                                out.push(Action::DismissToast(t.id));
                            }
                        });
                    });
                }
            });
    }
}

/// The bottom line: file, unsaved mark, content language, running export.
pub fn status_bar(
    ui: &mut egui::Ui,
    lang: Lang,
    editor: &Editor,
    view: &ViewState,
    exporting: Option<&Path>,
    _out: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let file = editor
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| i18n().tr(lang, "title-untitled"));
        ui.label(file);
        ui.separator();
        if editor.is_dirty() {
            ui.label(i18n().tr(lang, "status-unsaved"));
        } else {
            ui.label(i18n().tr(lang, "status-saved"));
        }
        ui.separator();
        let mode = match view.content {
            ContentMode::Single(l) => i18n().tr_args(
                lang,
                "status-editing",
                &[(
                    "language",
                    i18n().tr(lang, &format!("language-{}", l.code())).into(),
                )],
            ),
            ContentMode::Both => i18n().tr(lang, "status-translation-mode"),
        };
        ui.label(mode);
        if let Some((label, _)) = &view.viewing {
            ui.separator();
            ui.label(i18n().tr_args(
                lang,
                "status-viewing-version",
                &[("label", label.clone().into())],
            ));
        }
        if let Some(path) = exporting {
            ui.separator();
            ui.spinner();
            ui.label(i18n().tr_args(
                lang,
                "status-exporting",
                &[("path", path.display().to_string().into())],
            ));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expired_toast_asks_for_the_frame_that_removes_it() {
        let ctx = egui::Context::default();
        // Settle the first frames (they ask for repaints of their own).
        for _ in 0..10 {
            if !ctx.has_requested_repaint() && ctx.cumulative_pass_nr() > 0 {
                break;
            }
            let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
            out.textures_delta.clear();
        }
        assert!(
            !ctx.has_requested_repaint(),
            "an idle frame asks for nothing"
        );
        let mut toasts = Toasts::default();
        toasts.push(Toast {
            id: 0,
            text: "gespeichert".into(),
            error: false,
            open: None,
            until: Some(Instant::now()),
        });
        std::thread::sleep(Duration::from_millis(2));
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            toasts.schedule_expiry(ui.ctx());
        });
        out.textures_delta.clear();
        assert!(toasts.texts().is_empty());
        assert!(
            ctx.has_requested_repaint(),
            "the frame without the toast is drawn"
        );
        // Errors stay until closed: nothing to schedule.
        toasts.error("Fehler".into());
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            toasts.schedule_expiry(ui.ctx());
        });
        out.textures_delta.clear();
        assert_eq!(toasts.texts(), vec!["Fehler"]);
    }
}
