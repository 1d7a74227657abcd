//! TrueType outlines without hinting: the `glyf`/`loca` pair rewritten with every glyph's
//! bytecode removed, and a table provider that hands them to the subsetter.
//!
//! Why: hinting bytecode (`fpgm`, `prep`, `cvt ` and each glyph's instructions) is half of
//! an embedded Noto Sans subset after compression (8.7 KB → 4.5 KB per face), and a PDF
//! does not need it. Acrobat, pdf.js and Preview do not run TrueType bytecode, pdftoppm
//! renders unhinted by default, and print resolutions make hinting moot. The outlines
//! themselves are copied byte for byte, so the shapes are exactly the font's.

use std::borrow::Cow;

use allsorts::error::ParseError;
use allsorts::tables::FontTableProvider;
use allsorts::tag;

/// The `glyf` and `loca` tables of a face, with no hinting instructions.
#[derive(Debug)]
pub struct Outlines {
    /// The new `glyf` table.
    pub glyf: Vec<u8>,
    /// The new `loca` table, in the face's own offset format.
    pub loca: Vec<u8>,
}

// Composite glyph component flags (OpenType `glyf`, "Composite glyph description").
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;
const WE_HAVE_INSTRUCTIONS: u16 = 0x0100;

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]))
}

/// Reads a `loca` table: `num_glyphs + 1` offsets into `glyf`.
fn offsets(loca: &[u8], num_glyphs: usize, long: bool) -> Result<Vec<usize>, String> {
    (0..=num_glyphs)
        .map(|i| {
            let offset = if long {
                loca.get(i * 4..i * 4 + 4)
                    .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
            } else {
                u16_at(loca, i * 2).map(|o| usize::from(o) * 2)
            };
            offset.ok_or_else(|| format!("loca ends before glyph {i}"))
        })
        .collect()
}

// Simple glyph point flags.
const X_SHORT_VECTOR: u8 = 0x02;
const Y_SHORT_VECTOR: u8 = 0x04;
const REPEAT_FLAG: u8 = 0x08;
const X_IS_SAME_OR_POSITIVE: u8 = 0x10;
const Y_IS_SAME_OR_POSITIVE: u8 = 0x20;

/// The length of a simple glyph's flags and coordinates for `points` points.
fn point_data_len(data: &[u8], points: usize) -> Option<usize> {
    let (mut at, mut seen, mut x_len, mut y_len) = (0, 0, 0, 0);
    while seen < points {
        let flags = *data.get(at)?;
        at += 1;
        let count = if flags & REPEAT_FLAG != 0 {
            at += 1;
            usize::from(*data.get(at - 1)?) + 1
        } else {
            1
        };
        let coord = |short: u8, same: u8| match (flags & short != 0, flags & same != 0) {
            (true, _) => 1,
            (false, true) => 0,
            (false, false) => 2,
        };
        x_len += count * coord(X_SHORT_VECTOR, X_IS_SAME_OR_POSITIVE);
        y_len += count * coord(Y_SHORT_VECTOR, Y_IS_SAME_OR_POSITIVE);
        seen += count;
    }
    let end = at + x_len + y_len;
    (end <= data.len()).then_some(end)
}

/// One glyph's bytes without its instructions, appended to `out`.
fn strip_glyph(glyph: &[u8], out: &mut Vec<u8>) -> Option<()> {
    let contours = u16_at(glyph, 0)? as i16;
    if contours >= 0 {
        // Header (10 bytes), endPtsOfContours, instructionLength, instructions, then
        // flags and coordinates, which are kept as they are.
        let at_length = 10 + 2 * usize::try_from(contours).ok()?;
        let instructions = usize::from(u16_at(glyph, at_length)?);
        let points_start = at_length + 2 + instructions;
        let points = if contours == 0 {
            0
        } else {
            usize::from(u16_at(glyph, at_length - 2)?) + 1
        };
        let end = points_start + point_data_len(glyph.get(points_start..)?, points)?;
        out.extend_from_slice(glyph.get(..at_length)?);
        out.extend_from_slice(&[0, 0]);
        // Up to the last coordinate: the font's own padding after it is dropped too.
        out.extend_from_slice(glyph.get(points_start..end)?);
        return Some(());
    }
    // A composite: components up to the one without MORE_COMPONENTS; the instructions
    // after them go, and so does the flag that announces them.
    out.extend_from_slice(glyph.get(..10)?);
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        let args = if flags & ARG_1_AND_2_ARE_WORDS != 0 {
            4
        } else {
            2
        };
        let scale = if flags & WE_HAVE_A_SCALE != 0 {
            2
        } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
            4
        } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        let end = at + 4 + args + scale;
        out.extend_from_slice(&(flags & !WE_HAVE_INSTRUCTIONS).to_be_bytes());
        out.extend_from_slice(glyph.get(at + 2..end)?);
        at = end;
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    Some(())
}

/// Rewrites `glyf` without hinting instructions; `loca` is read and written in the
/// face's format (`long` = `indexToLocFormat` 1).
pub fn strip(glyf: &[u8], loca: &[u8], num_glyphs: usize, long: bool) -> Result<Outlines, String> {
    let offsets = offsets(loca, num_glyphs, long)?;
    let mut out = Vec::with_capacity(glyf.len());
    let mut new_offsets = Vec::with_capacity(offsets.len());
    for (gid, pair) in offsets.windows(2).enumerate() {
        new_offsets.push(out.len());
        let (from, to) = (pair[0], pair[1]);
        if from == to {
            continue;
        }
        let glyph = glyf
            .get(from..to)
            .ok_or_else(|| format!("glyph {gid} lies outside glyf"))?;
        strip_glyph(glyph, &mut out).ok_or_else(|| format!("glyph {gid} is malformed"))?;
        // Short offsets count words, so every glyph starts on an even byte.
        if out.len() % 2 == 1 {
            out.push(0);
        }
    }
    new_offsets.push(out.len());
    let mut new_loca = Vec::with_capacity(loca.len());
    for offset in new_offsets {
        if long {
            let offset = u32::try_from(offset).map_err(|_| "glyf too large".to_string())?;
            new_loca.extend_from_slice(&offset.to_be_bytes());
        } else {
            let words = u16::try_from(offset / 2).map_err(|_| "glyf too large".to_string())?;
            new_loca.extend_from_slice(&words.to_be_bytes());
        }
    }
    Ok(Outlines {
        glyf: out,
        loca: new_loca,
    })
}

/// A face's tables as the subsetter sees them: `glyf`/`loca` without instructions and
/// none of the hinting programs; everything else from the font itself.
pub struct Unhinted<'a, P> {
    /// The font's own tables.
    pub inner: &'a P,
    /// The outlines to use instead of the font's.
    pub outlines: &'a Outlines,
}

fn is_hinting(tag: u32) -> bool {
    matches!(
        tag,
        tag::CVT | tag::FPGM | tag::PREP | tag::HDMX | tag::LTSH | tag::VDMX
    )
}

impl<P: FontTableProvider> FontTableProvider for Unhinted<'_, P> {
    fn table_data(&self, tag: u32) -> Result<Option<Cow<'_, [u8]>>, ParseError> {
        match tag {
            tag::GLYF => Ok(Some(Cow::Borrowed(&self.outlines.glyf))),
            tag::LOCA => Ok(Some(Cow::Borrowed(&self.outlines.loca))),
            t if is_hinting(t) => Ok(None),
            t => self.inner.table_data(t),
        }
    }

    fn has_table(&self, tag: u32) -> bool {
        !is_hinting(tag) && self.inner.has_table(tag)
    }

    fn table_tags(&self) -> Option<Vec<u32>> {
        self.inner
            .table_tags()
            .map(|tags| tags.into_iter().filter(|t| !is_hinting(*t)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn simple(instructions: &[u8], tail: &[u8]) -> Vec<u8> {
        // One contour, a 10-byte header with the bounding box.
        let mut g = vec![0, 1, 0, 0, 0, 0, 0, 10, 0, 10, 0, 2];
        g.extend_from_slice(&(instructions.len() as u16).to_be_bytes());
        g.extend_from_slice(instructions);
        g.extend_from_slice(tail);
        g
    }

    #[test]
    fn simple_glyph_loses_its_instructions_and_keeps_its_points() {
        // Three on-curve points with short x and y (flags 0x07), then the font's padding.
        let points = [7, 7, 7, 5, 5, 5, 6, 6, 6];
        let mut padded = points.to_vec();
        padded.extend_from_slice(&[0, 0, 0]);
        let glyph = simple(&[0xB0, 1, 2, 3, 4], &padded);
        let mut out = Vec::new();
        strip_glyph(&glyph, &mut out).expect("strip");
        assert_eq!(out, simple(&[], &points));
        // A repeated flag stands for several points: 0x07 | REPEAT, 2 more.
        let repeated = simple(&[9], &[0x0F, 2, 5, 5, 5, 6, 6, 6]);
        let mut out = Vec::new();
        strip_glyph(&repeated, &mut out).expect("strip");
        assert_eq!(out, simple(&[], &[0x0F, 2, 5, 5, 5, 6, 6, 6]));
    }

    #[test]
    fn composite_glyph_loses_flag_and_instructions() {
        // Header with -1 contours, then two components, the last announcing instructions.
        let mut g = vec![0xFF, 0xFF, 0, 0, 0, 0, 0, 10, 0, 10];
        g.extend_from_slice(&(MORE_COMPONENTS | ARG_1_AND_2_ARE_WORDS).to_be_bytes());
        g.extend_from_slice(&[0, 7, 0, 1, 0, 2]);
        g.extend_from_slice(&(WE_HAVE_INSTRUCTIONS | WE_HAVE_A_SCALE).to_be_bytes());
        g.extend_from_slice(&[0, 8, 3, 4, 0x40, 0]);
        g.extend_from_slice(&[0, 3, 9, 9, 9]);
        let mut out = Vec::new();
        strip_glyph(&g, &mut out).expect("strip");
        assert_eq!(out.len(), g.len() - 5);
        assert_eq!(u16_at(&out, 18), Some(WE_HAVE_A_SCALE));
        assert_eq!(&out[20..], &[0, 8, 3, 4, 0x40, 0]);
    }

    #[test]
    fn truncated_glyphs_are_errors_not_panics() {
        let glyph = simple(&[1, 2, 3], &[7, 7, 7, 5, 5, 5, 6, 6, 6]);
        for cut in 0..glyph.len() {
            let mut out = Vec::new();
            assert!(strip_glyph(&glyph[..cut], &mut out).is_none(), "cut {cut}");
        }
        let loca = [0u8, 0, 0, 40];
        assert!(strip(&[0; 10], &loca, 1, false).is_err());
        assert!(strip(&[], &loca[..2], 1, false).is_err());
    }

    #[test]
    fn every_noto_sans_glyph_keeps_its_outline_and_loses_its_bytecode() {
        use allsorts::binary::read::ReadScope;
        use allsorts::tables::glyf::Glyph;
        let fonts = crate::export::fonts::fonts().expect("fonts");
        for face in crate::export::fonts::Face::EMBEDDED {
            let metrics = fonts.face(face);
            let outlines = metrics.unhinted().expect("strip");
            let font = ReadScope::new(metrics.bytes)
                .read::<allsorts::font_data::FontData<'_>>()
                .expect("font");
            let provider = font.table_provider(0).expect("tables");
            let glyf = provider.read_table_data(tag::GLYF).expect("glyf");
            let loca = provider.read_table_data(tag::LOCA).expect("loca");
            let n = metrics.glyph_count();
            let long = loca.len() == (n + 1) * 4;
            let old = offsets(&loca, n, long).expect("old loca");
            let new = offsets(&outlines.loca, n, long).expect("new loca");
            // Without bytecode the outlines take under 60 % of the space.
            assert!(outlines.glyf.len() * 10 < glyf.len() * 6, "{face:?}");
            let (mut simple, mut composite) = (0, 0);
            for gid in 0..n {
                let (a, b) = (
                    &glyf[old[gid]..old[gid + 1]],
                    &outlines.glyf[new[gid]..new[gid + 1]],
                );
                assert_eq!(a.is_empty(), b.is_empty(), "{face:?} glyph {gid}");
                if a.is_empty() {
                    continue;
                }
                let before = ReadScope::new(a).read::<Glyph>().expect("font glyph");
                let after = ReadScope::new(b).read::<Glyph>().expect("stripped glyph");
                match (before, after) {
                    (Glyph::Simple(mut before), Glyph::Simple(after)) => {
                        assert!(after.instructions.is_empty());
                        before.instructions = Box::default();
                        assert_eq!(before, after, "{face:?} glyph {gid}");
                        simple += 1;
                    }
                    (Glyph::Composite(before), Glyph::Composite(after)) => {
                        assert!(after.instructions.is_empty());
                        assert_eq!(before.bounding_box, after.bounding_box);
                        assert_eq!(before.glyphs.len(), after.glyphs.len());
                        for (x, y) in before.glyphs.iter().zip(&after.glyphs) {
                            assert_eq!(
                                (x.glyph_index, x.argument1, x.argument2, x.scale),
                                (y.glyph_index, y.argument1, y.argument2, y.scale)
                            );
                        }
                        composite += 1;
                    }
                    (a, b) => panic!("{face:?} glyph {gid} changed kind: {a:?} / {b:?}"),
                }
            }
            // Noto Sans has both kinds in the thousands; all were compared.
            assert!(simple > 1000 && composite > 500, "{simple} {composite}");
        }
    }
}
