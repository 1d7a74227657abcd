//! The DOCX writer: export blocks -> WordprocessingML parts in a deterministic zip (the only code that knows WordprocessingML).

mod body;
mod parts;
mod tracked;

use std::io::Write;

use super::blocks::{Block, Highlight, Inline};
use super::{ExportError, Furniture, PdfMeta};
use crate::model::Lang;

pub use tracked::{ReportSide, tracked_report};

/// Who made the tracked revisions of a change report, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionAuthor {
    /// `w:author` of every `w:ins`/`w:del`.
    pub author: String,
    /// `w:date` (ISO 8601) of every revision.
    pub date: String,
}

/// Writes blocks as a DOCX file. Text highlighted as inserted/deleted becomes real
/// tracked revisions (`w:ins`/`w:del`) when `revisions` is given, else shading.
pub fn docx_from_blocks(
    blocks: &[Block],
    furniture: &Furniture,
    meta: &PdfMeta,
    revisions: Option<&RevisionAuthor>,
) -> Result<Vec<u8>, ExportError> {
    docx_from_pieces(&body::flatten(blocks), furniture, meta, revisions)
}

fn docx_from_pieces(
    pieces: &[body::Piece],
    furniture: &Furniture,
    meta: &PdfMeta,
    revisions: Option<&RevisionAuthor>,
) -> Result<Vec<u8>, ExportError> {
    let mut body = body::Body::new(revisions.cloned());
    body.pieces(pieces);
    let document = body.finish();
    let header = parts::header(furniture, meta.lang);
    let footer = parts::footer(furniture, meta.lang);
    let files: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", parts::CONTENT_TYPES.to_owned()),
        ("_rels/.rels", parts::ROOT_RELS.to_owned()),
        ("docProps/core.xml", parts::core(meta)),
        ("docProps/app.xml", parts::APP.to_owned()),
        ("word/document.xml", document.xml),
        ("word/_rels/document.xml.rels", document.rels),
        ("word/styles.xml", parts::styles(meta.lang)),
        (
            "word/numbering.xml",
            parts::numbering(&document.list_starts),
        ),
        ("word/settings.xml", parts::settings()),
        ("word/fontTable.xml", parts::font_table()),
        ("word/theme/theme1.xml", parts::THEME.to_owned()),
        ("word/header1.xml", header),
        ("word/footer1.xml", footer),
    ];
    zip_parts(&files).map_err(|e| ExportError::Docx(e.to_string()))
}

/// Packs the parts in the given order with a fixed timestamp (deterministic bytes).
fn zip_parts(files: &[(&str, String)]) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    for (name, text) in files {
        out.start_file(*name, options)?;
        out.write_all(text.as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

/// The `w:lang` value of a language.
pub(crate) fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "de-DE",
        Lang::En => "en-GB",
    }
}

/// Whether an inline is tracked as inserted or deleted.
pub(crate) fn revision_of(inline: &Inline) -> Option<Highlight> {
    inline.style.highlight
}
