//! The PDF writer: laid-out pages to bytes with printpdf 0.12 (the only module that uses
//! printpdf), fonts subset with allsorts, outline, /Lang and metadata added with lopdf.

use std::collections::{BTreeMap, BTreeSet};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile};
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, Color as PColor, Destination, FontId, Line, LinePoint, LinkAnnotation,
    Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Pt, Rect, Rgb, TextItem, TextMatrix, WindingOrder,
};
use sha2::{Digest, Sha256};

use super::fonts::{Face, Fonts};
use super::layout::{Color, Item, Layout, LinkTarget};
use super::unhint::Unhinted;
use super::{ExportError, PdfMeta};

fn rgb(c: Color) -> PColor {
    PColor::Rgb(Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

/// A subset of one face: only the glyphs the pages use, with a Unicode cmap for them.
fn subset_face(
    fonts: &Fonts,
    face: Face,
    chars: &BTreeSet<char>,
) -> Result<ParsedFont, ExportError> {
    let metrics = fonts.face(face);
    let mut gids: BTreeSet<u16> = chars.iter().filter_map(|c| metrics.glyph(*c)).collect();
    gids.remove(&0);
    // .notdef must come first (allsorts renumbers glyphs in this order).
    let ids: Vec<u16> = std::iter::once(0).chain(gids).collect();
    let err = |e: String| ExportError::Pdf(format!("font {}: {e}", face.postscript_name()));
    let font_file = ReadScope::new(metrics.bytes)
        .read::<FontData<'_>>()
        .map_err(|e| err(e.to_string()))?;
    let inner = font_file
        .table_provider(0)
        .map_err(|e| err(e.to_string()))?;
    let outlines = metrics.unhinted().map_err(err)?;
    let provider = Unhinted {
        inner: &inner,
        outlines,
    };
    // allsorts' PDF profile without `name` and `post` (PDF takes the font's name from
    // the font dictionary and never reads glyph names; ~1 KiB per face) and without the
    // hinting programs `cvt `, `fpgm` and `prep` (see `unhint`; ~2 KiB per face).
    let profile = SubsetProfile::Custom(vec![
        allsorts::tag::CMAP,
        allsorts::tag::HEAD,
        allsorts::tag::HHEA,
        allsorts::tag::HMTX,
        allsorts::tag::MAXP,
    ]);
    let bytes = allsorts::subset::subset(&provider, &ids, &profile, CmapTarget::Unicode)
        .map_err(|e| err(e.to_string()))?;
    let mut warnings = Vec::new();
    let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
        .ok_or_else(|| err("the subset cannot be read back".into()))?;
    // The subset tag (ISO 32000-1, 9.6.4) marks the font as subset; derive it from the
    // glyph set so the output stays deterministic.
    let digest = Sha256::digest(
        chars
            .iter()
            .map(|c| c.to_string())
            .collect::<String>()
            .as_bytes(),
    );
    let tag: String = digest
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect();
    parsed.font_name = Some(format!("{tag}+{}", face.postscript_name()));
    Ok(parsed)
}

/// A text string for the document information and outline: PDFDocEncoding is not
/// UTF-8, so anything beyond ASCII is written as UTF-16BE with a byte order mark.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn pdf_date(date: time::Date) -> Object {
    Object::String(
        format!(
            "D:{:04}{:02}{:02}000000Z",
            date.year(),
            u8::from(date.month()),
            date.day()
        )
        .into_bytes(),
        StringFormat::Literal,
    )
}

/// Writes the laid-out pages as a PDF.
pub fn write(layout: &Layout, meta: &PdfMeta, fonts: &Fonts) -> Result<Vec<u8>, ExportError> {
    let setup = &layout.setup;
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in &layout.pages {
        for run in page.runs() {
            used.entry(run.face).or_default().extend(run.text.chars());
        }
    }
    let mut doc = PdfDocument::new(&meta.title);
    let mut ids: BTreeMap<Face, FontId> = BTreeMap::new();
    for (face, chars) in &used {
        let parsed = subset_face(fonts, *face, chars)?;
        // Own resource names instead of printpdf's random ones keep the output
        // byte-for-byte reproducible.
        let id = FontId(format!("F{}", ids.len() + 1));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed));
        ids.insert(*face, id);
    }
    let h = setup.height;
    let mut pages = Vec::with_capacity(layout.pages.len());
    for page in &layout.pages {
        let mut ops = Vec::new();
        let mut fill: Option<Color> = None;
        let set_fill = |ops: &mut Vec<Op>, c: Color, fill: &mut Option<Color>| {
            if *fill != Some(c) {
                ops.push(Op::SetFillColor { col: rgb(c) });
                *fill = Some(c);
            }
        };
        // Fills, then lines, then text, then link annotations.
        for item in &page.items {
            if let Item::Fill {
                x,
                y,
                w,
                h: fh,
                color,
            } = item
            {
                set_fill(&mut ops, *color, &mut fill);
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(h - y - fh),
                        width: Pt(*w),
                        height: Pt(*fh),
                        mode: Some(PaintMode::Fill),
                        winding_order: Some(WindingOrder::NonZero),
                    },
                });
            }
        }
        let mut stroke: Option<(Color, f32)> = None;
        for item in &page.items {
            if let Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } = item
            {
                if stroke != Some((*color, *width)) {
                    ops.push(Op::SetOutlineColor { col: rgb(*color) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    stroke = Some((*color, *width));
                }
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: Point {
                                    x: Pt(*x1),
                                    y: Pt(h - y1),
                                },
                                bezier: false,
                            },
                            LinePoint {
                                p: Point {
                                    x: Pt(*x2),
                                    y: Pt(h - y2),
                                },
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
        }
        ops.push(Op::StartTextSection);
        let mut font: Option<(Face, f32)> = None;
        for run in page.runs() {
            let Some(id) = ids.get(&run.face) else {
                continue;
            };
            if font != Some((run.face, run.size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(id.clone()),
                    size: Pt(run.size),
                });
                font = Some((run.face, run.size));
            }
            set_fill(&mut ops, run.color, &mut fill);
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(run.x), Pt(h - run.baseline)),
            });
            let items = if run.space_extra > 0.0 && run.text.contains(' ') {
                // Justification: Tw does not apply to two-byte (Identity-H) codes, so
                // the extra space goes into TJ offsets after each space.
                let offset = -run.space_extra * 1000.0 / run.size;
                let mut items = Vec::new();
                for part in run.text.split_inclusive(' ') {
                    items.push(TextItem::Text(part.to_owned()));
                    if part.ends_with(' ') {
                        items.push(TextItem::Offset(offset));
                    }
                }
                items
            } else {
                vec![TextItem::Text(run.text.clone())]
            };
            ops.push(Op::ShowText { items });
        }
        ops.push(Op::EndTextSection);
        for item in &page.items {
            if let Item::Link {
                x,
                y,
                w,
                h: lh,
                target,
            } = item
            {
                let action = match target {
                    LinkTarget::Url(url) => Actions::uri(url.clone()),
                    LinkTarget::Heading(k) => {
                        let Some(heading) = layout.outline.get(*k) else {
                            continue;
                        };
                        // Page numbers here are 1-based; the view opens with the
                        // heading at the top of the window.
                        Actions::go_to(Destination::Xyz {
                            page: heading.page + 1,
                            left: None,
                            top: Some(h - heading.y),
                            zoom: None,
                        })
                    }
                };
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        Rect {
                            x: Pt(*x),
                            y: Pt(h - y - lh),
                            width: Pt(*w),
                            height: Pt(*lh),
                            mode: None,
                            winding_order: None,
                        },
                        action,
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        None,
                        None,
                    ),
                });
            }
        }
        pages.push(PdfPage::new(
            Mm::from(Pt(setup.width)),
            Mm::from(Pt(setup.height)),
            ops,
        ));
    }
    doc.with_pages(pages);
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    finish(&mut lo, layout, meta)?;
    compress_streams(&mut lo);
    let mut out = Vec::new();
    // Object and cross-reference streams (PDF 1.5) compress the dictionaries too: the
    // outline, pages and fonts are a sixth of a short document.
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(6)
        .build();
    lo.save_with_options(&mut out, options)
        .map_err(|e| ExportError::Pdf(e.to_string()))?;
    Ok(out)
}

/// Deflates every uncompressed stream. lopdf's `compress` uses the best (slowest) level,
/// which took half of the export time for a few percent of size. Font programs (the
/// bulk of a short document's size) get the zlib default level 6; page content, which
/// is repetitive and the bulk of a long document's time, the faster level 3.
fn compress_streams(doc: &mut lopdf::Document) {
    use std::io::Write as _;
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let level = if stream.dict.get(b"Length1").is_ok() {
            6
        } else {
            3
        };
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
        if encoder.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(compressed) = encoder.finish()
            && compressed.len() + 19 < stream.content.len()
        {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(compressed);
        }
    }
}

/// Adds what printpdf does not write: a nested outline pointing at each heading, /Lang,
/// proper Unicode metadata with the injected date, and a deterministic /ID.
fn finish(doc: &mut lopdf::Document, layout: &Layout, meta: &PdfMeta) -> Result<(), ExportError> {
    let page_ids: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|_| ExportError::Pdf("the PDF has no catalog".into()))?;

    let outline_root = build_outline(doc, layout, &page_ids);

    // PDF/A and PDF/UA (issue 16): every annotation is printed (/F 4, the Print flag),
    // so the annex prints as it is shown. printpdf writes link annotations as objects
    // or inline in a page's /Annots, so every link dictionary is found wherever it is.
    fn flag_links(obj: &mut Object) {
        match obj {
            Object::Dictionary(d) => {
                if d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Link".as_slice()) {
                    d.set("F", Object::Integer(4));
                }
                for (_, v) in d.iter_mut() {
                    flag_links(v);
                }
            }
            Object::Array(items) => items.iter_mut().for_each(flag_links),
            _ => {}
        }
    }
    doc.objects.values_mut().for_each(flag_links);

    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    info.set("Author", text_string(&meta.author));
    info.set("Subject", text_string(&meta.subject));
    info.set("Creator", text_string("Tomwerk"));
    info.set("Producer", text_string("Tomwerk (printpdf 0.12)"));
    info.set("CreationDate", pdf_date(meta.date));
    info.set("ModDate", pdf_date(meta.date));
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info_id));

    let catalog = doc
        .get_object_mut(catalog_id)
        .and_then(Object::as_dict_mut)
        .map_err(|_| ExportError::Pdf("the PDF catalog cannot be read".into()))?;
    catalog.set("Lang", text_string(meta.lang.bcp47()));
    // PDF/UA-1 (7.1): the viewer's title bar shows the document title, not the file name.
    let mut viewer = Dictionary::new();
    viewer.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(viewer));
    catalog.remove(b"Metadata");
    if let Some(root) = outline_root {
        catalog.set("Outlines", Object::Reference(root));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    } else {
        catalog.remove(b"Outlines");
        catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
    }

    // A deterministic file identifier: the same input gives the same bytes.
    let mut h = Sha256::new();
    h.update(meta.title.as_bytes());
    h.update(meta.date.to_string().as_bytes());
    for page in &layout.pages {
        for run in page.runs() {
            h.update(run.text.as_bytes());
        }
    }
    let id: Vec<u8> = h.finalize().iter().take(16).copied().collect();
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    Ok(())
}

/// Builds the outline tree from the layout's entries (levels may skip; an entry nests
/// under the nearest earlier entry of a lower level). Returns the /Outlines object id.
fn build_outline(
    doc: &mut lopdf::Document,
    layout: &Layout,
    page_ids: &[ObjectId],
) -> Option<ObjectId> {
    let entries = &layout.outline;
    if entries.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    // parent[i]: index of the parent entry, None for top level.
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        while stack.last().is_some_and(|&s| entries[s].level >= e.level) {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..entries.len()).filter(|&i| parent[i] == p).collect()
    };
    fn descendants(i: usize, parent: &[Option<usize>]) -> usize {
        (0..parent.len())
            .filter(|&j| parent[j] == Some(i))
            .map(|j| 1 + descendants(j, parent))
            .sum()
    }
    for (i, e) in entries.iter().enumerate() {
        let siblings = children(parent[i]);
        let pos = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let mut d = Dictionary::new();
        d.set("Title", text_string(&e.title));
        d.set(
            "Parent",
            Object::Reference(parent[i].map_or(root, |p| ids[p])),
        );
        if pos > 0 {
            d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if let Some(&next) = siblings.get(pos + 1) {
            d.set("Next", Object::Reference(ids[next]));
        }
        let kids = children(Some(i));
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[first]));
            d.set("Last", Object::Reference(ids[last]));
            // Positive: open, so the section tree is visible at once.
            d.set("Count", Object::Integer(descendants(i, &parent) as i64));
        }
        if let Some(page) = page_ids.get(e.page) {
            let top = layout.setup.height - e.y + 4.0;
            d.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(*page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(top),
                    Object::Null,
                ]),
            );
        }
        doc.objects.insert(ids[i], Object::Dictionary(d));
    }
    let top = children(None);
    let mut r = Dictionary::new();
    r.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(&first), Some(&last)) = (top.first(), top.last()) {
        r.set("First", Object::Reference(ids[first]));
        r.set("Last", Object::Reference(ids[last]));
    }
    r.set("Count", Object::Integer(entries.len() as i64));
    doc.objects.insert(root, Object::Dictionary(r));
    Some(root)
}
