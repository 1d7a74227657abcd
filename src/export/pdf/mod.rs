//! The PDF writer: laid-out pages to a tagged PDF/A-2a and PDF/UA-1 file, assembled with
//! lopdf (the only module that knows PDF syntax). Content streams are written directly
//! from the positioned items (`content`), fonts subset with allsorts (`font`), the
//! structure tree from the layout's roles (`tags`), XMP and the sRGB output intent
//! (`meta`).

mod content;
mod file;
mod font;
mod meta;
mod tags;

pub use font::forget_subsets;

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::fonts::Fonts;
use super::layout::{Item, Layout, LinkTarget, Mark};
use super::{ExportError, PdfMeta};

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

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// A link annotation waiting for its element's text (its /Contents).
struct PendingLink {
    id: ObjectId,
    page: usize,
    element: usize,
    rect: [f32; 4],
    target: LinkTarget,
}

/// Writes the laid-out pages as a PDF.
pub fn write(layout: &Layout, meta: &PdfMeta, fonts: &Fonts) -> Result<Vec<u8>, ExportError> {
    let setup = &layout.setup;
    let h = setup.height;
    let mut doc = lopdf::Document::with_version("1.7");
    let faces = font::embed(&mut doc, layout, fonts)?;
    let mut font_res = Dictionary::new();
    for e in faces.values() {
        font_res.set(e.name.as_bytes().to_vec(), Object::Reference(e.id));
    }
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(font_res));
    let resources_id = doc.add_object(resources);

    let pages_id = doc.new_object_id();
    let page_ids: Vec<ObjectId> = layout.pages.iter().map(|_| doc.new_object_id()).collect();
    let mut tagger = tags::Tagger::new(&layout.structure, layout.pages.len());
    let mut links: Vec<PendingLink> = Vec::new();
    let mut annots: Vec<Vec<Object>> = vec![Vec::new(); layout.pages.len()];
    for (p, page) in layout.pages.iter().enumerate() {
        let stream = content::page(page, p, h, &faces, fonts, &mut tagger);
        let content_id = doc.add_object(Stream::new(Dictionary::new(), stream));
        for item in &page.items {
            let Item::Link {
                x,
                y,
                w,
                h: lh,
                target,
                mark: Mark::Element(e),
            } = item
            else {
                // A link in a repeated table header is an artifact: its first occurrence
                // is the one that can be clicked and read.
                continue;
            };
            let element = tagger.element(*e);
            let id = doc.new_object_id();
            links.push(PendingLink {
                id,
                page: p,
                element,
                rect: [*x, h - y - lh, x + w, h - y],
                target: target.clone(),
            });
            annots[p].push(Object::Reference(id));
        }
        let mut d = Dictionary::new();
        d.set("Type", name("Page"));
        d.set("Parent", Object::Reference(pages_id));
        d.set(
            "MediaBox",
            Object::Array(vec![
                Object::Integer(0),
                Object::Integer(0),
                Object::Real(setup.width),
                Object::Real(setup.height),
            ]),
        );
        d.set("Resources", Object::Reference(resources_id));
        d.set("Contents", Object::Reference(content_id));
        d.set("StructParents", Object::Integer(p as i64));
        // PDF/UA-1: the tab order follows the structure.
        d.set("Tabs", name("S"));
        if !annots[p].is_empty() {
            d.set("Annots", Object::Array(std::mem::take(&mut annots[p])));
        }
        doc.objects.insert(page_ids[p], Object::Dictionary(d));
    }
    // Annotations last: a link's text (its /Contents) may continue on the next page.
    for link in &links {
        let struct_parent = tagger.annotation(link.page, link.element, link.id);
        let mut d = Dictionary::new();
        d.set("Type", name("Annot"));
        d.set("Subtype", name("Link"));
        d.set(
            "Rect",
            Object::Array(link.rect.iter().map(|v| Object::Real(*v)).collect()),
        );
        d.set(
            "Border",
            Object::Array(vec![
                Object::Integer(0),
                Object::Integer(0),
                Object::Integer(0),
            ]),
        );
        // PDF/A: printed as shown (the Print flag).
        d.set("F", Object::Integer(4));
        d.set("StructParent", Object::Integer(struct_parent));
        d.set("P", Object::Reference(page_ids[link.page]));
        let text = tagger.text[link.element].trim().to_owned();
        match &link.target {
            LinkTarget::Url(url) => {
                let mut a = Dictionary::new();
                a.set("S", name("URI"));
                a.set(
                    "URI",
                    Object::String(url.as_bytes().to_vec(), StringFormat::Literal),
                );
                d.set("A", Object::Dictionary(a));
                d.set(
                    "Contents",
                    text_string(if text.is_empty() { url } else { &text }),
                );
            }
            LinkTarget::Heading(k) => {
                let Some(heading) = layout.outline.get(*k) else {
                    continue;
                };
                let Some(target) = page_ids.get(heading.page) else {
                    continue;
                };
                let mut a = Dictionary::new();
                a.set("S", name("GoTo"));
                a.set(
                    "D",
                    Object::Array(vec![
                        Object::Reference(*target),
                        name("XYZ"),
                        Object::Null,
                        Object::Real(h - heading.y),
                        Object::Null,
                    ]),
                );
                d.set("A", Object::Dictionary(a));
                d.set("Contents", text_string(&text));
            }
        }
        doc.objects.insert(link.id, Object::Dictionary(d));
    }
    let mut pages = Dictionary::new();
    pages.set("Type", name("Pages"));
    pages.set(
        "Kids",
        Object::Array(page_ids.iter().map(|id| Object::Reference(*id)).collect()),
    );
    pages.set("Count", Object::Integer(page_ids.len() as i64));
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let struct_root = tagger.finish(&mut doc, &page_ids);

    let mut catalog = Dictionary::new();
    catalog.set("Type", name("Catalog"));
    catalog.set("Pages", Object::Reference(pages_id));
    catalog.set("Lang", text_string(meta.lang.bcp47()));
    // PDF/UA-1 (7.1): the viewer's title bar shows the document title, not the file name.
    let mut viewer = Dictionary::new();
    viewer.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(viewer));
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark_info));
    catalog.set("StructTreeRoot", Object::Reference(struct_root));
    if let Some(root) = build_outline(&mut doc, layout, &page_ids) {
        catalog.set("Outlines", Object::Reference(root));
        catalog.set("PageMode", name("UseOutlines"));
    } else {
        catalog.set("PageMode", name("UseNone"));
    }
    meta::add(&mut doc, &mut catalog, meta);
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));

    // A deterministic file identifier: the same input gives the same bytes.
    let mut hash = Sha256::new();
    hash.update(meta.title.as_bytes());
    hash.update(meta.date.to_string().as_bytes());
    for page in &layout.pages {
        for run in page.runs() {
            hash.update(run.text.as_bytes());
        }
    }
    let id: Vec<u8> = hash.finalize().iter().take(16).copied().collect();
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    compress_streams(&mut doc);
    let out = file::write(&doc.objects, &doc.trailer);
    Ok(out)
}

/// The deflate level of the page content streams and the ICC profile (the font streams
/// come deflated from `font`, the object and cross-reference streams from `file`).
const DEFLATE_LEVEL: u32 = 6;

/// Deflates every stream not yet compressed (lopdf's own `compress` uses the slowest
/// level) where that saves bytes.
fn compress_streams(doc: &mut lopdf::Document) {
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let compressed = file::deflate(&stream.content, DEFLATE_LEVEL);
        // "/Filter/FlateDecode" costs 19 bytes of the dictionary.
        if compressed.len() + 19 < stream.content.len() {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(compressed);
        }
    }
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
