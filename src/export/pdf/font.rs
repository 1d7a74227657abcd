//! Embedded fonts: each face subset with allsorts and written as a Type0 / CIDFontType2
//! font with widths, ToUnicode map and CIDSet (what PDF/A-2 asks of an embedded font).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile};
use lopdf::{Dictionary, Object, ObjectId, Stream};
use sha2::{Digest, Sha256};

use super::file::deflate;
use crate::export::ExportError;
use crate::export::fonts::{Face, Fonts};
use crate::export::layout::Layout;
use crate::export::unhint::Unhinted;

/// One embedded face: its resource name and how characters become glyph codes.
pub(super) struct Embedded {
    /// The resource name, "F1", "F2", ... (fixed, so output is reproducible).
    pub(super) name: String,
    /// The font dictionary.
    pub(super) id: ObjectId,
    /// The subset, with the glyph codes of its characters.
    subset: Arc<Subset>,
}

impl Embedded {
    /// The glyph code of `c` (0, .notdef, for a character the layout never placed).
    pub(super) fn code(&self, c: char) -> u16 {
        let cp = c as u32;
        if cp < 256 {
            self.subset.latin[cp as usize]
        } else {
            self.subset.other.get(&c).copied().unwrap_or(0)
        }
    }
}

/// The deflate level of the font programs, CIDSets and ToUnicode maps: they are made once
/// per glyph set (see [`Subset`]), so the slowest level costs little and saves bytes.
const FONT_LEVEL: u32 = 9;

/// Subsets and embeds every face the pages use. Faces come in a fixed order.
pub(super) fn embed(
    doc: &mut lopdf::Document,
    layout: &Layout,
    fonts: &Fonts,
) -> Result<BTreeMap<Face, Embedded>, ExportError> {
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in &layout.pages {
        for run in page.runs() {
            used.entry(run.face).or_default().extend(run.text.chars());
        }
    }
    // The writer ends a line's text with a space (see `content`), so every face has one.
    for chars in used.values_mut() {
        chars.insert(' ');
    }
    let mut out = BTreeMap::new();
    for (k, (face, chars)) in used.iter().enumerate() {
        let embedded = embed_face(doc, fonts, *face, chars, format!("F{}", k + 1))?;
        out.insert(*face, embedded);
    }
    Ok(out)
}

/// Everything the embedding of one face derives from its glyph set: the deflated font
/// program, CIDSet and ToUnicode map, the widths and the code tables. Subsetting and
/// deflating the program are most of a short document's export time, and the editor
/// exports the same document again and again (preview, PDF, change report), so the
/// result is kept per glyph set (see [`SUBSETS`]).
struct Subset {
    /// Code (subset glyph id) of U+0000..U+00FF; 0 when unused.
    latin: [u16; 256],
    /// Codes of the other characters.
    other: HashMap<char, u16>,
    /// "ABCDEF+NotoSans-Regular".
    base_font: String,
    /// The deflated font program and its uncompressed length (/Length1).
    program: Vec<u8>,
    program_len: usize,
    /// The deflated CIDSet and ToUnicode streams.
    cidset: Vec<u8>,
    to_unicode: Vec<u8>,
    /// Widths of codes 1.. in 1/1000 em, and the default width (.notdef's).
    widths: Vec<i64>,
    default_width: i64,
}

/// The subsets of the last exports, newest last. A handful covers the three faces of
/// the document being edited and of its change report; older ones are dropped, so a
/// long editing session does not collect every glyph set it ever exported.
static SUBSETS: Mutex<Vec<KeptSubset>> = Mutex::new(Vec::new());
/// A kept subset with its key: the face and its sorted characters.
type KeptSubset = (Face, Vec<char>, Arc<Subset>);
const SUBSETS_KEPT: usize = 12;

/// Forgets the kept subsets, so the next export subsets every face again (for the cold
/// export benchmark, and to release the memory).
pub fn forget_subsets() {
    let mut kept = SUBSETS.lock().unwrap_or_else(|e| e.into_inner());
    kept.clear();
}

fn subset(fonts: &Fonts, face: Face, chars: &BTreeSet<char>) -> Result<Arc<Subset>, ExportError> {
    let key: Vec<char> = chars.iter().copied().collect();
    {
        // A poisoned lock only means another export panicked mid-way; the list itself
        // is always whole (entries are pushed complete).
        let mut kept = SUBSETS.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = kept.iter().position(|(f, c, _)| *f == face && *c == key) {
            let entry = kept.remove(i);
            let found = Arc::clone(&entry.2);
            kept.push(entry);
            return Ok(found);
        }
    }
    let made = Arc::new(make_subset(fonts, face, chars)?);
    let mut kept = SUBSETS.lock().unwrap_or_else(|e| e.into_inner());
    if kept.len() >= SUBSETS_KEPT {
        kept.remove(0);
    }
    kept.push((face, key, Arc::clone(&made)));
    Ok(made)
}

fn make_subset(fonts: &Fonts, face: Face, chars: &BTreeSet<char>) -> Result<Subset, ExportError> {
    let metrics = fonts.face(face);
    let err = |e: String| ExportError::Pdf(format!("font {}: {e}", face.postscript_name()));
    let mut gids: BTreeSet<u16> = chars.iter().filter_map(|c| metrics.glyph(*c)).collect();
    gids.remove(&0);
    // .notdef comes first: allsorts numbers the subset's glyphs in this order, so the
    // code of a glyph is its index here.
    let original: Vec<u16> = std::iter::once(0).chain(gids).collect();
    let code_of: HashMap<u16, u16> = original
        .iter()
        .enumerate()
        .map(|(i, g)| (*g, i as u16))
        .collect();
    let mut latin = [0u16; 256];
    let mut other = HashMap::new();
    // ToUnicode: each code maps to the first (lowest) character that uses it.
    let mut unicode: BTreeMap<u16, char> = BTreeMap::new();
    for c in chars {
        let Some(code) = metrics.glyph(*c).and_then(|g| code_of.get(&g).copied()) else {
            continue;
        };
        if (*c as u32) < 256 {
            latin[*c as usize] = code;
        } else {
            other.insert(*c, code);
        }
        unicode.entry(code).or_insert(*c);
    }

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
    let program = allsorts::subset::subset(&provider, &original, &profile, CmapTarget::Unicode)
        .map_err(|e| err(e.to_string()))?;

    // The subset tag (ISO 32000-1, 9.6.4) marks the font as subset; derived from the
    // glyph set so the output stays deterministic.
    let digest = Sha256::digest(chars.iter().collect::<String>().as_bytes());
    let tag: String = digest
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect();
    let scale = 1000.0 / metrics.units_per_em();

    // CIDSet: every glyph of the subset is present, including the components of
    // composite glyphs that allsorts appends after the requested ones.
    let glyphs = subset_glyph_count(&program).unwrap_or(original.len());
    let mut cidset = vec![0u8; glyphs.div_ceil(8)];
    for i in 0..glyphs {
        cidset[i / 8] |= 0x80 >> (i % 8);
    }
    let widths = original
        .iter()
        .skip(1)
        .map(|g| (f32::from(metrics.advance(*g)) * scale).round() as i64)
        .collect();
    Ok(Subset {
        latin,
        other,
        base_font: format!("{tag}+{}", face.postscript_name()),
        program: deflate(&program, FONT_LEVEL),
        program_len: program.len(),
        cidset: deflate(&cidset, FONT_LEVEL),
        to_unicode: deflate(to_unicode(&unicode).as_bytes(), FONT_LEVEL),
        widths,
        default_width: (f32::from(metrics.advance(0)) * scale).round() as i64,
    })
}

/// A stream whose content is already deflated.
fn deflated(mut dict: Dictionary, content: &[u8]) -> Stream {
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    Stream::new(dict, content.to_vec())
}

fn embed_face(
    doc: &mut lopdf::Document,
    fonts: &Fonts,
    face: Face,
    chars: &BTreeSet<char>,
    name: String,
) -> Result<Embedded, ExportError> {
    let sub = subset(fonts, face, chars)?;
    let metrics = fonts.face(face);
    let scale = 1000.0 / metrics.units_per_em();
    let units = |v: i16| Object::Integer((f32::from(v) * scale).round() as i64);
    let base_font = sub.base_font.clone();

    let mut file_dict = Dictionary::new();
    file_dict.set("Length1", Object::Integer(sub.program_len as i64));
    let file_id = doc.add_object(deflated(file_dict, &sub.program));
    let cidset_id = doc.add_object(deflated(Dictionary::new(), &sub.cidset));

    let d = &metrics.descriptor;
    let italic = d.italic_angle != 0;
    let mut descriptor = Dictionary::new();
    descriptor.set("Type", Object::Name(b"FontDescriptor".to_vec()));
    descriptor.set("FontName", Object::Name(base_font.clone().into_bytes()));
    // Nonsymbolic (32), Italic (64), FixedPitch (1) for the code face.
    let fixed = if face == Face::Mono { 1 } else { 0 };
    descriptor.set(
        "Flags",
        Object::Integer(fixed + if italic { 96 } else { 32 }),
    );
    descriptor.set(
        "FontBBox",
        Object::Array(d.bbox.iter().map(|v| units(*v)).collect()),
    );
    descriptor.set("ItalicAngle", Object::Integer(i64::from(d.italic_angle)));
    descriptor.set("Ascent", units(d.ascent));
    descriptor.set("Descent", units(d.descent));
    descriptor.set("CapHeight", units(d.cap_height));
    descriptor.set(
        "StemV",
        Object::Integer(if face == Face::Bold { 140 } else { 80 }),
    );
    descriptor.set("FontFile2", Object::Reference(file_id));
    descriptor.set("CIDSet", Object::Reference(cidset_id));
    let descriptor_id = doc.add_object(descriptor);

    let widths: Vec<Object> = sub.widths.iter().map(|w| Object::Integer(*w)).collect();
    let mut system = Dictionary::new();
    system.set("Registry", Object::string_literal("Adobe"));
    system.set("Ordering", Object::string_literal("Identity"));
    system.set("Supplement", Object::Integer(0));
    let mut cid = Dictionary::new();
    cid.set("Type", Object::Name(b"Font".to_vec()));
    cid.set("Subtype", Object::Name(b"CIDFontType2".to_vec()));
    cid.set("BaseFont", Object::Name(base_font.clone().into_bytes()));
    cid.set("CIDSystemInfo", Object::Dictionary(system));
    cid.set("FontDescriptor", Object::Reference(descriptor_id));
    cid.set("DW", Object::Integer(sub.default_width));
    cid.set(
        "W",
        Object::Array(vec![Object::Integer(1), Object::Array(widths)]),
    );
    cid.set("CIDToGIDMap", Object::Name(b"Identity".to_vec()));
    let cid_id = doc.add_object(cid);

    let to_unicode_id = doc.add_object(deflated(Dictionary::new(), &sub.to_unicode));
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type0".to_vec()));
    font.set("BaseFont", Object::Name(base_font.into_bytes()));
    font.set("Encoding", Object::Name(b"Identity-H".to_vec()));
    font.set(
        "DescendantFonts",
        Object::Array(vec![Object::Reference(cid_id)]),
    );
    font.set("ToUnicode", Object::Reference(to_unicode_id));
    let id = doc.add_object(font);
    Ok(Embedded {
        name,
        id,
        subset: sub,
    })
}

/// The number of glyphs of a font program (its `maxp`).
fn subset_glyph_count(program: &[u8]) -> Option<usize> {
    use allsorts::tables::{FontTableProvider as _, MaxpTable};
    let file = ReadScope::new(program).read::<FontData<'_>>().ok()?;
    let provider = file.table_provider(0).ok()?;
    let data = provider.read_table_data(allsorts::tag::MAXP).ok()?;
    let maxp = ReadScope::new(&data).read::<MaxpTable>().ok()?;
    Some(usize::from(maxp.num_glyphs))
}

/// A ToUnicode CMap (ISO 32000-1, 9.10.3) for two-byte codes.
fn to_unicode(map: &BTreeMap<u16, char>) -> String {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &char)> = map.iter().collect();
    // At most 100 entries per bfchar block.
    for block in entries.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", block.len());
        for (code, c) in block {
            let _ = write!(s, "<{code:04X}> <");
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                let _ = write!(s, "{unit:04X}");
            }
            s.push_str(">\n");
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}
