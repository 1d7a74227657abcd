//! Which characters the PDF fonts (the embedded Noto Sans faces) can render.

use crate::export::fonts::Face;

/// The code point ranges of Noto Sans Regular's character map, taken from
/// `NotoSans-Regular.ttf` of Debian's fonts-noto-core 20201225 (the face the PDF export
/// embeds): Latin, Greek, Cyrillic, general punctuation, currency, letterlike symbols and
/// number forms. The control characters in that map are left out. A fallback for
/// [`renderable`]; a test compares it with the embedded font.
const NOTO_SANS_RANGES: &[(u32, u32)] = &[
    (0x0020, 0x007E),
    (0x00A0, 0x0377),
    (0x037A, 0x037F),
    (0x0384, 0x038A),
    (0x038C, 0x038C),
    (0x038E, 0x03A1),
    (0x03A3, 0x03E1),
    (0x03F0, 0x052F),
    (0x1AB0, 0x1AC0),
    (0x1C80, 0x1C88),
    (0x1D00, 0x1DF9),
    (0x1DFB, 0x1F15),
    (0x1F18, 0x1F1D),
    (0x1F20, 0x1F45),
    (0x1F48, 0x1F4D),
    (0x1F50, 0x1F57),
    (0x1F59, 0x1F59),
    (0x1F5B, 0x1F5B),
    (0x1F5D, 0x1F5D),
    (0x1F5F, 0x1F7D),
    (0x1F80, 0x1FB4),
    (0x1FB6, 0x1FC4),
    (0x1FC6, 0x1FD3),
    (0x1FD6, 0x1FDB),
    (0x1FDD, 0x1FEF),
    (0x1FF2, 0x1FF4),
    (0x1FF6, 0x1FFE),
    (0x2000, 0x2064),
    (0x2066, 0x2071),
    (0x2074, 0x208E),
    (0x2090, 0x209C),
    (0x20A0, 0x20BF),
    (0x20F0, 0x20F0),
    (0x2100, 0x215F),
    (0x2184, 0x2184),
    (0x2189, 0x2189),
    (0x25CC, 0x25CC),
    (0x2C60, 0x2C7F),
    (0x2DE0, 0x2E52),
    (0xA640, 0xA69F),
    (0xA700, 0xA7BF),
    (0xA7C2, 0xA7CA),
    (0xA7F5, 0xA7FF),
    (0xA92E, 0xA92E),
    (0xAB30, 0xAB6B),
    (0xFB00, 0xFB06),
    (0xFE00, 0xFE00),
    (0xFE20, 0xFE2F),
    (0xFEFF, 0xFEFF),
    (0xFFFC, 0xFFFD),
];

/// True when the PDF fonts have a glyph for `c` in every face the export uses (regular,
/// bold, italic), or `c` is layout whitespace the typesetter consumes (line feed,
/// carriage return, tab).
///
/// The answer comes from the character maps of the embedded Noto Sans faces; the table
/// above only stands in if they cannot be read, in which case the export fails anyway.
pub fn renderable(c: char) -> bool {
    if matches!(c, '\n' | '\r' | '\t') {
        return true;
    }
    match crate::export::fonts::fonts() {
        Ok(fonts) => Face::ALL.iter().all(|&face| fonts.face(face).has(c)),
        Err(_) => in_table(c),
    }
}

fn in_table(c: char) -> bool {
    let cp = u32::from(c);
    NOTO_SANS_RANGES
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the code points of a TrueType cmap (formats 4 and 12), enough to compare
    /// the table above with an installed font.
    fn cmap_code_points(font: &[u8]) -> Option<std::collections::BTreeSet<u32>> {
        let u16_at = |o: usize| -> Option<u32> {
            Some(u32::from(u16::from_be_bytes(
                font.get(o..o + 2)?.try_into().ok()?,
            )))
        };
        let u32_at = |o: usize| -> Option<u32> {
            Some(u32::from_be_bytes(font.get(o..o + 4)?.try_into().ok()?))
        };
        let tables = u16_at(4)? as usize;
        let cmap = (0..tables).find_map(|i| {
            let rec = 12 + 16 * i;
            (font.get(rec..rec + 4)? == b"cmap").then(|| u32_at(rec + 8))?
        })? as usize;
        let mut out = std::collections::BTreeSet::new();
        for i in 0..u16_at(cmap + 2)? as usize {
            let sub = cmap + u32_at(cmap + 4 + 8 * i + 4)? as usize;
            match u16_at(sub)? {
                4 => {
                    let segs = u16_at(sub + 6)? as usize / 2;
                    for s in 0..segs {
                        let end = u16_at(sub + 14 + 2 * s)?;
                        let start = u16_at(sub + 16 + 2 * segs + 2 * s)?;
                        if start != 0xFFFF {
                            out.extend(start..=end);
                        }
                    }
                }
                12 => {
                    for g in 0..u32_at(sub + 12)? as usize {
                        let rec = sub + 16 + 12 * g;
                        out.extend(u32_at(rec)?..=u32_at(rec + 4)?);
                    }
                }
                _ => {}
            }
        }
        Some(out)
    }

    #[test]
    fn covers_german_and_english_typography() {
        for c in "Zutrittskontrolle für Büros: „Schlüssel“ – ÄÖÜäöüß €, §, ©, ™, №, ½, ‚a‘, ‹x›, …, •, μ, ё".chars() {
            assert!(renderable(c), "{c:?}");
        }
        for c in ['\u{1F600}', '✓', '→', '中', '\u{E000}', '\u{7}'] {
            assert!(!renderable(c), "{c:?}");
        }
    }

    #[test]
    fn the_embedded_fonts_agree_with_the_table() {
        assert!(crate::export::fonts::fonts().is_ok());
        for cp in (0x20..0x3000).chain(0xFB00..0xFB10).chain(0x1F600..0x1F610) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            // The bold and italic faces could in principle lack a glyph the regular face
            // has; for this font family they cover the same characters.
            assert_eq!(renderable(c), in_table(c), "U+{cp:04X}");
        }
    }

    #[test]
    fn table_is_sorted_and_matches_an_installed_font() {
        assert!(NOTO_SANS_RANGES.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(NOTO_SANS_RANGES.iter().all(|(lo, hi)| lo <= hi));
        let candidates = [
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/assets/fonts/NotoSans-Regular.ttf"
            ),
            "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        ];
        let Some(font) = candidates.iter().find_map(|p| std::fs::read(p).ok()) else {
            return; // No font installed: the table is all there is to test.
        };
        let font_points = cmap_code_points(&font).expect("font has a cmap");
        for &(lo, hi) in NOTO_SANS_RANGES {
            for cp in lo..=hi {
                assert!(font_points.contains(&cp), "U+{cp:04X} is not in the font");
            }
        }
        let table_len: u32 = NOTO_SANS_RANGES.iter().map(|(lo, hi)| hi - lo + 1).sum();
        let printable = font_points.iter().filter(|&&cp| cp >= 0x20).count();
        // A newer font may add glyphs; it must never lose the ones the table promises.
        assert!(printable >= table_len as usize);
    }
}
