//! Formatted editing of Markdown bodies: a `TextEdit` layouter that shows bold, italic,
//! links, code and headings formatted, with the Markdown marks dimmed (and shrunk away off
//! the cursor's line), plus the toggling bold/italic actions behind Ctrl+B and Ctrl+I.
//! This file holds the fonts and colours the parts share; the parts are the layout job
//! ([`job`]), the galley and its decorations ([`galley`]) and the editing actions
//! ([`editing`]).

use egui::{Color32, FontFamily};

use crate::export::fonts;

mod editing;
mod galley;
mod job;

pub use editing::*;
pub use galley::*;
pub use job::*;

/// Name of the egui font family holding the export's embedded regular face (the page
/// preview draws with it, so its text is the PDF's).
pub const REGULAR_FAMILY: &str = "tomwerk-regular";
/// Name of the egui font family holding the embedded bold face.
pub const BOLD_FAMILY: &str = "tomwerk-bold";
/// Name of the egui font family holding the embedded italic face.
pub const ITALIC_FAMILY: &str = "tomwerk-italic";
/// Name of the egui font family holding the embedded monospaced face (code in the preview).
pub const MONO_FAMILY: &str = "tomwerk-mono";

/// Registers the export's embedded bold and italic faces as egui font families, so the
/// editor shows bold as bold (egui ships only a regular face).
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    for (name, data) in [
        (REGULAR_FAMILY, fonts::REGULAR),
        (BOLD_FAMILY, fonts::BOLD),
        (ITALIC_FAMILY, fonts::ITALIC),
        (MONO_FAMILY, fonts::MONO),
    ] {
        ctx.add_font(FontInsert {
            name: name.to_owned(),
            data: egui::FontData::from_static(data),
            families: vec![InsertFontFamily {
                family: FontFamily::Name(name.into()),
                priority: FontPriority::Highest,
            }],
        });
    }
}

/// Background of a find match.
pub const FOUND: Color32 = Color32::from_rgba_premultiplied(0x80, 0x70, 0x10, 0x80);
/// Background of the current find match.
pub const FOUND_CURRENT: Color32 = Color32::from_rgb(0xE8, 0x9A, 0x10);
