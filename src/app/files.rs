//! Native file dialogs (rfd) on a worker thread, with detection of a desktop that has no
//! dialog service, so the editor can fall back to its own path field.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// What a chosen path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open a `.tom` file.
    Open,
    /// Save the document under a new name.
    SaveAs,
    /// Import a Markdown file.
    Import,
    /// Write the PDF.
    ExportPdf,
    /// Write the PDF change report of a comparison.
    ChangeReport,
    /// Write the document as Word (DOCX).
    ExportDocx,
    /// Write the change report of a comparison as Word with tracked changes.
    ChangeReportDocx,
    /// Write the document as Markdown (export dialog, issue 15.9).
    ExportMarkdown,
}

impl Purpose {
    /// True when the dialog asks for a file to write.
    pub fn is_save(self) -> bool {
        matches!(
            self,
            Purpose::SaveAs
                | Purpose::ExportPdf
                | Purpose::ChangeReport
                | Purpose::ExportDocx
                | Purpose::ChangeReportDocx
                | Purpose::ExportMarkdown
        )
    }

    /// The file-name extensions offered in the filter.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Purpose::Open | Purpose::SaveAs => &["tom"],
            Purpose::Import => &[
                "md", "markdown", "txt", "docx", "docm", "dotx", "odt", "ott", "html", "htm",
            ],
            Purpose::ExportPdf | Purpose::ChangeReport => &["pdf"],
            Purpose::ExportDocx | Purpose::ChangeReportDocx => &["docx"],
            Purpose::ExportMarkdown => &["md"],
        }
    }
}

/// A native dialog that answered faster than this without a path was never shown: there
/// is no portal and no zenity. A person needs longer than this to cancel a dialog.
const NO_SERVICE_THRESHOLD: Duration = Duration::from_millis(250);

/// The answer of a dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The user chose a path.
    Chosen(Purpose, PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No dialog could be shown: ask in the app instead.
    Unavailable(Purpose),
}

struct Pending {
    purpose: Purpose,
    started: Instant,
    rx: Receiver<Option<PathBuf>>,
}

/// Runs native dialogs off the UI thread.
pub struct FileDialogs {
    native: bool,
    pending: Option<Pending>,
}

impl std::fmt::Debug for FileDialogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileDialogs")
            .field("native", &self.native)
            .field("pending", &self.pending.as_ref().map(|p| p.purpose))
            .finish()
    }
}

impl FileDialogs {
    /// Dialogs that try the native service when `native` is true and one may exist.
    pub fn new(native: bool) -> Self {
        Self {
            native: native && service_may_exist(),
            pending: None,
        }
    }

    /// True while a native dialog is open.
    pub fn is_busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Starts a dialog. Returns `false` when native dialogs are unavailable and the
    /// caller should show the in-app path field instead.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        purpose: Purpose,
        title: String,
        filter_name: String,
        suggested: Option<PathBuf>,
    ) -> bool {
        if !self.native || self.pending.is_some() {
            return false;
        }
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new()
                    .set_title(title)
                    .add_filter(filter_name, purpose.extensions());
                if let Some(s) = suggested {
                    if let Some(dir) = s.parent().filter(|d| !d.as_os_str().is_empty()) {
                        dialog = dialog.set_directory(dir);
                    }
                    if let Some(name) = s.file_name() {
                        dialog = dialog.set_file_name(name.to_string_lossy());
                    }
                }
                let result = if purpose.is_save() {
                    dialog.save_file()
                } else {
                    dialog.pick_file()
                };
                // The receiver is gone only when the app quit; nothing to report then.
                let _ = tx.send(result);
                ctx.request_repaint();
            });
        if spawned.is_err() {
            self.native = false;
            return false;
        }
        self.pending = Some(Pending {
            purpose,
            started: Instant::now(),
            rx,
        });
        true
    }

    /// The answer of the open dialog, once it has one.
    pub fn poll(&mut self) -> Option<Answer> {
        let pending = self.pending.as_ref()?;
        let result = match pending.rx.try_recv() {
            Ok(r) => r,
            Err(std::sync::mpsc::TryRecvError::Empty) => return None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
        };
        let purpose = pending.purpose;
        let quick = pending.started.elapsed() < NO_SERVICE_THRESHOLD;
        self.pending = None;
        Some(match result {
            Some(path) => Answer::Chosen(purpose, with_extension(path, purpose)),
            None if quick => {
                // Remember: asking again would fail the same way.
                self.native = false;
                Answer::Unavailable(purpose)
            }
            None => Answer::Cancelled,
        })
    }
}

/// Adds the expected extension to a save path typed without one.
pub fn with_extension(path: PathBuf, purpose: Purpose) -> PathBuf {
    if purpose.is_save() && path.extension().is_none() {
        path.with_extension(purpose.extensions()[0])
    } else {
        path
    }
}

/// rfd on Linux needs the desktop portal (over the session D-Bus) or zenity.
fn service_may_exist() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
        || std::env::var_os("XDG_RUNTIME_DIR")
            .map(|d| PathBuf::from(d).join("bus").exists())
            .unwrap_or(false);
    has_bus || program_in_path("zenity")
}

fn program_in_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|p| p.join(name).is_file()))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_paths_get_their_extension() {
        assert_eq!(
            with_extension(PathBuf::from("/tmp/a"), Purpose::ExportPdf),
            PathBuf::from("/tmp/a.pdf")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/a.tom"), Purpose::SaveAs),
            PathBuf::from("/tmp/a.tom")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/readme"), Purpose::Import),
            PathBuf::from("/tmp/readme")
        );
    }

    #[test]
    fn disabled_dialogs_ask_for_the_fallback() {
        let ctx = egui::Context::default();
        let mut d = FileDialogs::new(false);
        assert!(!d.start(&ctx, Purpose::Open, "t".into(), "f".into(), None));
        assert!(d.poll().is_none());
    }
}
