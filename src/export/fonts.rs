//! The embedded Noto Sans faces and their glyph metrics (read with allsorts, no printpdf).

use std::collections::HashMap;
use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
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

/// One of the three faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// Upright, normal weight.
    Regular,
    /// Bold (also used for bold italic).
    Bold,
    /// Italic.
    Italic,
}

impl Face {
    /// All faces.
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    /// The PostScript name written into the PDF.
    pub fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "NotoSans-Regular",
            Face::Bold => "NotoSans-Bold",
            Face::Italic => "NotoSans-Italic",
        }
    }

    fn index(self) -> usize {
        match self {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Italic => 2,
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
        let mut metrics = Self {
            descriptor,
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

    /// The kerning between glyphs `left` and `right` in font units (negative: closer).
    pub fn kern(&self, _left: u16, _right: u16) -> i16 {
        0
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

    /// The advance width of `c` in em (0 when the face lacks it).
    pub fn width_em(&self, c: char) -> f32 {
        let cp = c as u32;
        if cp < 256 {
            return self.latin[cp as usize].max(0.0);
        }
        self.slow_width(c).unwrap_or(0.0)
    }

    /// The width of `text` at `size` points.
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.width_em(c)).sum::<f32>() * size
    }
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

/// The three faces.
#[derive(Debug)]
pub struct Fonts {
    faces: [FaceMetrics; 3],
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
}
