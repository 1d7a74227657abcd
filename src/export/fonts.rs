//! The embedded Noto Sans faces (and Noto Sans Mono for code) and their glyph metrics (read with allsorts, no printpdf).

use std::collections::HashMap;
use std::sync::atomic::{AtomicI16, Ordering};
use std::sync::{Arc, OnceLock, RwLock};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::layout::{GPOS, LayoutTable, LookupCacheItem, PosLookup, new_layout_cache};
use allsorts::tables::cmap::Cmap;
use allsorts::tables::{
    FontTableProvider, HeadTable, HheaTable, HmtxTable, IndexToLocFormat, MaxpTable,
};
use allsorts::tag;

use super::unhint::{self, Outlines};

/// Noto Sans Regular (OFL-1.1, see assets/fonts/OFL.txt).
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
/// Noto Sans Italic.
pub const ITALIC: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Italic.ttf");
/// Noto Sans Mono Regular, for code spans and code blocks (OFL-1.1, same file).
pub const MONO: &[u8] = include_bytes!("../../assets/fonts/NotoSansMono-Regular.ttf");

/// One of the embedded faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// Upright, normal weight.
    Regular,
    /// Bold (also used for bold italic).
    Bold,
    /// Italic.
    Italic,
    /// Monospaced (code); bold or italic code is set in it too: a code sample's
    /// characters matter more than its emphasis.
    Mono,
}

impl Face {
    /// The three text faces. Body text may be set in any of them, so a character counts
    /// as covered when all three have it; code ([`Face::Mono`]) is checked on its own.
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];
    /// Every embedded face, the monospaced one included.
    pub const EMBEDDED: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::Mono];

    /// The PostScript name written into the PDF.
    pub fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "NotoSans-Regular",
            Face::Bold => "NotoSans-Bold",
            Face::Italic => "NotoSans-Italic",
            Face::Mono => "NotoSansMono-Regular",
        }
    }

    fn index(self) -> usize {
        match self {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Italic => 2,
            Face::Mono => 3,
        }
    }
}

/// The metrics of one face.
#[derive(Debug)]
pub struct FaceMetrics {
    /// The font file.
    pub bytes: &'static [u8],
    cmap: HashMap<u32, u16>,
    advances: Vec<u16>,
    units_per_em: f32,
    /// Advance widths in em of U+0000..U+00FF (fast path); negative when absent.
    latin: [f32; 256],
    /// `indexToLocFormat` is 1: `loca` holds 32-bit offsets.
    loca_long: bool,
    /// What a PDF font descriptor needs, in font units.
    pub descriptor: Descriptor,
    /// The pair-adjustment lookups of the `kern` feature (GPOS), in lookup order.
    kerning: KernLookups,
    /// The mark-to-base attachment lookups of the `mark` feature (GPOS): where a
    /// combining mark sits on its base glyph.
    marks: KernLookups,
    /// Kerning of pairs of U+0000..U+00FF in font units, filled on first use
    /// (`UNKNOWN` until then): measuring a paragraph looks up every pair.
    latin_kerns: Box<[AtomicI16]>,
    /// Kerning of the other pairs met so far (typographic quotes, dashes, ellipses).
    other_kerns: RwLock<HashMap<(char, char), i16>>,
    /// The outlines without hinting, made on the first PDF export (the editor never needs
    /// them, so it does not pay their ≈ 0.25 MB per face).
    unhinted: OnceLock<Result<Outlines, String>>,
}

impl FaceMetrics {
    fn parse(bytes: &'static [u8]) -> Result<Self, String> {
        let err = |what: &str| format!("the embedded font cannot be read ({what})");
        let font_file = ReadScope::new(bytes)
            .read::<FontData<'_>>()
            .map_err(|_| err("sfnt"))?;
        let provider = font_file.table_provider(0).map_err(|_| err("tables"))?;
        let head_data = provider
            .read_table_data(tag::HEAD)
            .map_err(|_| err("head"))?;
        let head = ReadScope::new(&head_data)
            .read::<HeadTable>()
            .map_err(|_| err("head"))?;
        let maxp_data = provider
            .read_table_data(tag::MAXP)
            .map_err(|_| err("maxp"))?;
        let maxp = ReadScope::new(&maxp_data)
            .read::<MaxpTable>()
            .map_err(|_| err("maxp"))?;
        let hhea_data = provider
            .read_table_data(tag::HHEA)
            .map_err(|_| err("hhea"))?;
        let hhea = ReadScope::new(&hhea_data)
            .read::<HheaTable>()
            .map_err(|_| err("hhea"))?;
        let cmap_data = provider
            .read_table_data(tag::CMAP)
            .map_err(|_| err("cmap"))?;
        let cmap = ReadScope::new(&cmap_data)
            .read::<Cmap<'_>>()
            .map_err(|_| err("cmap"))?;
        let (_, subtable) = allsorts::font::read_cmap_subtable(&cmap)
            .ok()
            .flatten()
            .ok_or_else(|| err("no Unicode cmap"))?;
        let mut map = HashMap::new();
        subtable
            .mappings_fn(|cp, gid| {
                map.insert(cp, gid);
            })
            .map_err(|_| err("cmap"))?;
        let hmtx_data = provider
            .read_table_data(tag::HMTX)
            .map_err(|_| err("hmtx"))?;
        let hmtx = ReadScope::new(&hmtx_data)
            .read_dep::<HmtxTable<'_>>((
                usize::from(maxp.num_glyphs),
                usize::from(hhea.num_h_metrics),
            ))
            .map_err(|_| err("hmtx"))?;
        let advances = (0..maxp.num_glyphs)
            .map(|gid| hmtx.horizontal_advance(gid).unwrap_or(0))
            .collect();
        let raw = |table: u32, offset: usize| -> i16 {
            provider
                .read_table_data(table)
                .ok()
                .and_then(|d| {
                    d.get(offset..offset + 2)
                        .map(|b| i16::from_be_bytes([b[0], b[1]]))
                })
                .unwrap_or(0)
        };
        // OS/2 sCapHeight exists from table version 2 on; post's italicAngle is a
        // 16.16 fixed-point number whose integer part is enough for the descriptor.
        let cap_height = if raw(tag::OS_2, 0) >= 2 {
            raw(tag::OS_2, 88)
        } else {
            hhea.ascender
        };
        let descriptor = Descriptor {
            bbox: [head.x_min, head.y_min, head.x_max, head.y_max],
            ascent: hhea.ascender,
            descent: hhea.descender,
            cap_height,
            italic_angle: raw(tag::POST, 4),
        };
        let kerning = KernLookups(feature_lookups(&provider, tag::KERN).unwrap_or_default());
        let marks = KernLookups(feature_lookups(&provider, tag::MARK).unwrap_or_default());
        let mut metrics = Self {
            descriptor,
            kerning,
            marks,
            latin_kerns: (0..256 * 256).map(|_| AtomicI16::new(UNKNOWN)).collect(),
            other_kerns: RwLock::new(HashMap::new()),
            bytes,
            cmap: map,
            advances,
            units_per_em: f32::from(head.units_per_em.max(1)),
            latin: [-1.0; 256],
            loca_long: head.index_to_loc_format == IndexToLocFormat::Long,
            unhinted: OnceLock::new(),
        };
        for cp in 0..256u32 {
            if let Some(w) = char::from_u32(cp).and_then(|c| metrics.slow_width(c)) {
                metrics.latin[cp as usize] = w;
            }
        }
        Ok(metrics)
    }

    fn slow_width(&self, c: char) -> Option<f32> {
        let gid = *self.cmap.get(&(c as u32))?;
        let adv = self.advances.get(usize::from(gid)).copied().unwrap_or(0);
        Some(f32::from(adv) / self.units_per_em)
    }

    /// The advance width of glyph `gid` in font units.
    pub fn advance(&self, gid: u16) -> u16 {
        self.advances.get(usize::from(gid)).copied().unwrap_or(0)
    }

    /// The kerning between glyphs `left` and `right` in font units (negative: closer):
    /// the sum over the `kern` feature's pair-adjustment lookups, each taking the first
    /// subtable that covers the pair (as a shaper applies them).
    pub fn kern(&self, left: u16, right: u16) -> i16 {
        let mut total: i16 = 0;
        for lookup in &self.kerning.0 {
            let PosLookup::PairPos(subtables) = &lookup.lookup_subtables else {
                continue;
            };
            for subtable in subtables {
                if let Ok(Some((first, _))) = subtable.apply(left, right) {
                    total = total.saturating_add(first.map_or(0, |a| a.x_advance));
                    break;
                }
            }
        }
        total
    }

    /// The kerning between characters `left` and `right` in em (0 when either is absent).
    pub fn kern_em(&self, left: char, right: char) -> f32 {
        let (l, r) = (left as u32, right as u32);
        if l < 256 && r < 256 {
            let slot = &self.latin_kerns[(l * 256 + r) as usize];
            let mut v = slot.load(Ordering::Relaxed);
            if v == UNKNOWN {
                v = self.kern_chars(left, right);
                slot.store(v, Ordering::Relaxed);
            }
            return f32::from(v) / self.units_per_em;
        }
        let known = self
            .other_kerns
            .read()
            .ok()
            .and_then(|m| m.get(&(left, right)).copied());
        let v = known.unwrap_or_else(|| {
            let v = self.kern_chars(left, right);
            if let Ok(mut m) = self.other_kerns.write() {
                m.insert((left, right), v);
            }
            v
        });
        f32::from(v) / self.units_per_em
    }

    fn kern_chars(&self, left: char, right: char) -> i16 {
        match (self.glyph(left), self.glyph(right)) {
            (Some(l), Some(r)) if !self.kerning.0.is_empty() => self.kern(l, r),
            _ => 0,
        }
    }

    /// Font units per em.
    pub fn units_per_em(&self) -> f32 {
        self.units_per_em
    }

    /// The number of glyphs in the face.
    pub fn glyph_count(&self) -> usize {
        self.advances.len()
    }

    /// The face's `glyf` and `loca` without hinting instructions (see [`super::unhint`]).
    pub fn unhinted(&self) -> Result<&Outlines, String> {
        self.unhinted
            .get_or_init(|| {
                let err = |e: &str| format!("the embedded font cannot be read ({e})");
                let font_file = ReadScope::new(self.bytes)
                    .read::<FontData<'_>>()
                    .map_err(|_| err("sfnt"))?;
                let provider = font_file.table_provider(0).map_err(|_| err("tables"))?;
                let glyf = provider
                    .read_table_data(tag::GLYF)
                    .map_err(|_| err("glyf"))?;
                let loca = provider
                    .read_table_data(tag::LOCA)
                    .map_err(|_| err("loca"))?;
                unhint::strip(&glyf, &loca, self.glyph_count(), self.loca_long).map_err(|e| err(&e))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The glyph id of `c`, if the face has it.
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.cmap.get(&(c as u32)).copied()
    }

    /// True when the face has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        let cp = c as u32;
        if cp < 256 {
            return self.latin[cp as usize] >= 0.0;
        }
        self.cmap.contains_key(&cp)
    }

    /// The advance width of `c` in em (0 when the face lacks it, and 0 for a combining
    /// mark: it sits on its base glyph, see [`FaceMetrics::mark_offset`]).
    pub fn width_em(&self, c: char) -> f32 {
        let cp = c as u32;
        if cp < 256 {
            return self.latin[cp as usize].max(0.0);
        }
        if is_mark(c) {
            return 0.0;
        }
        self.slow_width(c).unwrap_or(0.0)
    }

    /// Where combining `mark` goes after `base`, in font units: (dx, dy) from the pen
    /// position after the base glyph to the mark glyph's origin. From the face's
    /// mark-to-base anchors (GPOS `mark`) when it has them for the pair; otherwise the
    /// mark's advance box is centred over the base glyph's.
    pub fn mark_offset(&self, base: char, mark: char) -> (i32, i32) {
        let (Some(b), Some(m)) = (self.glyph(base), self.glyph(mark)) else {
            return (0, 0);
        };
        let base_adv = i32::from(self.advance(b));
        for lookup in &self.marks.0 {
            let PosLookup::MarkBasePos(subtables) = &lookup.lookup_subtables else {
                continue;
            };
            for subtable in subtables {
                if let Ok(Some((at_base, at_mark))) = subtable.apply(b, m) {
                    return (
                        i32::from(at_base.x) - i32::from(at_mark.x) - base_adv,
                        i32::from(at_base.y) - i32::from(at_mark.y),
                    );
                }
            }
        }
        (-(base_adv + i32::from(self.advance(m))) / 2, 0)
    }

    /// The width of `text` at `size` points, kerned (as the PDF writer sets it).
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        let mut prev: Option<char> = None;
        let mut em = 0.0;
        for c in text.chars() {
            if let Some(p) = prev {
                em += self.kern_em(p, c);
            }
            em += self.width_em(c);
            // After a mark the writer kerns from its base (see `pdf::content`).
            if !(is_mark(c) && prev.is_some_and(|p| !is_mark(p))) {
                prev = Some(c);
            }
        }
        em * size
    }
}

/// A combining mark (Unicode general category M): it takes no advance of its own and is
/// placed over the glyph before it. Text reaches the layout in NFC, so only marks without
/// a precomposed form with their base remain ("q̇").
pub fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// GPOS lookups of a face (allsorts' types have no `Debug`).
struct KernLookups(Vec<Arc<LookupCacheItem<PosLookup>>>);

impl std::fmt::Debug for KernLookups {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} kern lookups", self.0.len())
    }
}

/// Marks a Latin kerning pair not looked up yet (no font kerns by -32768 units).
const UNKNOWN: i16 = i16::MIN;

/// The lookups of GPOS feature `feature` for the Latin script (or the default script).
fn feature_lookups(
    provider: &impl FontTableProvider,
    feature: u32,
) -> Option<Vec<Arc<LookupCacheItem<PosLookup>>>> {
    let data = provider.read_table_data(tag::GPOS).ok()?;
    let table = ReadScope::new(&data).read::<LayoutTable<GPOS>>().ok()?;
    let cache = new_layout_cache(table);
    let gpos = &cache.layout_table;
    let script = gpos.find_script_or_default(tag::LATN).ok()??;
    let langsys = script.find_langsys_or_default(None).ok()??;
    let feature = gpos.find_langsys_feature(langsys, feature, None).ok()??;
    let mut indices = feature.lookup_indices.clone();
    indices.sort_unstable();
    indices.dedup();
    let list = gpos.opt_lookup_list.as_ref()?;
    indices
        .into_iter()
        .map(|i| list.lookup_cache_gpos(&cache, usize::from(i)).ok())
        .collect()
}

/// The values of a PDF font descriptor (ISO 32000-1, 9.8), in font units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Descriptor {
    /// xMin, yMin, xMax, yMax of all glyphs (`head`).
    pub bbox: [i16; 4],
    /// Ascender (`hhea`).
    pub ascent: i16,
    /// Descender (`hhea`, negative).
    pub descent: i16,
    /// Height of capitals (`OS/2`).
    pub cap_height: i16,
    /// Italic angle in degrees (`post`), negative for a forward slant.
    pub italic_angle: i16,
}

/// The embedded faces.
#[derive(Debug)]
pub struct Fonts {
    faces: [FaceMetrics; 4],
}

impl Fonts {
    /// The metrics of `face`.
    pub fn face(&self, face: Face) -> &FaceMetrics {
        &self.faces[face.index()]
    }
}

/// The embedded fonts, parsed once per process.
pub fn fonts() -> Result<&'static Fonts, String> {
    static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Ok(Fonts {
                faces: [
                    FaceMetrics::parse(REGULAR)?,
                    FaceMetrics::parse(BOLD)?,
                    FaceMetrics::parse(ITALIC)?,
                    FaceMetrics::parse(MONO)?,
                ],
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faces_cover_german_typography() {
        let f = fonts().expect("fonts");
        for face in Face::ALL {
            for c in "Maßnahmen Verfügbarkeit „…“ ß – • ÄÖÜäöü".chars() {
                assert!(f.face(face).has(c), "{face:?} lacks {c}");
            }
        }
        let r = f.face(Face::Regular);
        assert!(r.text_width("MMMM", 10.0) > r.text_width("iiii", 10.0));
        assert!(!r.has('😀'));
    }

    #[test]
    fn mono_face_is_monospaced_and_covers_german() {
        let m = fonts().expect("fonts").face(Face::Mono);
        for c in "Maßnahmen ÄÖÜäöü {}[]<>|\\~`".chars() {
            assert!(m.has(c), "mono lacks {c}");
        }
        assert_eq!(m.text_width("iiii", 10.0), m.text_width("MMMM", 10.0));
        assert_eq!(Face::Mono.postscript_name(), "NotoSansMono-Regular");
    }
}
