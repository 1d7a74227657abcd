//! The eframe desktop editor. The only module that touches egui, eframe and rfd.

use std::path::PathBuf;

use crate::i18n::{detect_locale, i18n};
use crate::model::Lang;
use crate::store::{self, TomFile};

/// The editor's state.
pub struct TomwerkApp {
    file: TomFile,
    #[allow(dead_code)]
    path: Option<PathBuf>,
    lang: Lang,
    error: Option<String>,
}

impl TomwerkApp {
    /// Opens `path`, or the built-in example when no path is given.
    pub fn new(path: Option<PathBuf>) -> Self {
        let lang = detect_locale();
        match path {
            Some(p) => match store::load(&p) {
                Ok(file) => Self {
                    file,
                    path: Some(p),
                    lang,
                    error: None,
                },
                Err(e) => Self {
                    file: store::example(),
                    path: None,
                    lang,
                    error: Some(e.to_string()),
                },
            },
            None => Self {
                file: store::example(),
                path: None,
                lang,
                error: None,
            },
        }
    }
}

impl eframe::App for TomwerkApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(e) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.heading(i18n().document_title(&self.file.working, self.lang));
            for (n, s) in self.file.working.numbered() {
                ui.label(format!(
                    "{} {}",
                    crate::model::format_number(&n),
                    i18n().section_title(s, self.lang)
                ));
            }
        });
    }
}

/// Starts the editor window.
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    let title = path.as_ref().and_then(|p| p.file_name()).map_or_else(
        || "Tomwerk".to_owned(),
        |n| format!("{} – Tomwerk", n.to_string_lossy()),
    );
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        &title,
        options,
        Box::new(move |_cc| Ok(Box::new(TomwerkApp::new(path)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
