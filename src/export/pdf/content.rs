//! Page content streams written directly from the positioned items in one pass: fills
//! and rules as artifacts, text in marked content with MCIDs, glyph codes hex-encoded.

use std::collections::BTreeMap;

use super::font::Embedded;
use super::tags::{Tagger, role_name};
use crate::export::fonts::{Face, Fonts};
use crate::export::layout::{Color, Item, Mark, Page, TextRun};

/// Appends `v` with at most three decimals (enough for 1/1000 pt).
pub(super) fn num(out: &mut Vec<u8>, v: f32) {
    let scaled = (f64::from(v) * 1000.0).round() as i64;
    if scaled < 0 {
        out.push(b'-');
    }
    let a = scaled.unsigned_abs();
    let int = a / 1000;
    let frac = a % 1000;
    push_int(out, int);
    if frac != 0 {
        out.push(b'.');
        let digits = [
            b'0' + (frac / 100) as u8,
            b'0' + (frac / 10 % 10) as u8,
            b'0' + (frac % 10) as u8,
        ];
        let len = if frac.is_multiple_of(100) {
            1
        } else if frac.is_multiple_of(10) {
            2
        } else {
            3
        };
        out.extend_from_slice(&digits[..len]);
    }
}

fn push_int(out: &mut Vec<u8>, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

fn color(out: &mut Vec<u8>, c: Color, op: &[u8]) {
    num(out, c.0);
    out.push(b' ');
    num(out, c.1);
    out.push(b' ');
    num(out, c.2);
    out.push(b' ');
    out.extend_from_slice(op);
    out.push(b'\n');
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn hex_code(out: &mut Vec<u8>, code: u16) {
    out.extend_from_slice(&[
        HEX[usize::from(code >> 12)],
        HEX[usize::from((code >> 8) & 15)],
        HEX[usize::from((code >> 4) & 15)],
        HEX[usize::from(code & 15)],
    ]);
}

/// Writes one page's content stream; the tagger records its marked content.
pub(super) fn page(
    page: &Page,
    index: usize,
    height: f32,
    faces: &BTreeMap<Face, Embedded>,
    fonts: &Fonts,
    tagger: &mut Tagger<'_>,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    // Backgrounds and rules are decoration: one artifact, painted below the text.
    let paths = page
        .items
        .iter()
        .any(|i| matches!(i, Item::Fill { .. } | Item::Line { .. }));
    if paths {
        out.extend_from_slice(b"/Artifact BMC\n");
        let mut fill: Option<Color> = None;
        for item in &page.items {
            if let Item::Fill {
                x,
                y,
                w,
                h,
                color: c,
            } = item
            {
                if fill != Some(*c) {
                    color(&mut out, *c, b"rg");
                    fill = Some(*c);
                }
                for v in [*x, height - y - h, *w, *h] {
                    num(&mut out, v);
                    out.push(b' ');
                }
                out.extend_from_slice(b"re f\n");
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
                color: c,
            } = item
            {
                if stroke != Some((*c, *width)) {
                    color(&mut out, *c, b"RG");
                    num(&mut out, *width);
                    out.extend_from_slice(b" w\n");
                    stroke = Some((*c, *width));
                }
                num(&mut out, *x1);
                out.push(b' ');
                num(&mut out, height - y1);
                out.extend_from_slice(b" m ");
                num(&mut out, *x2);
                out.push(b' ');
                num(&mut out, height - y2);
                out.extend_from_slice(b" l S\n");
            }
        }
        out.extend_from_slice(b"EMC\n");
    }
    out.extend_from_slice(b"BT\n");
    let mut font: Option<(Face, f32)> = None;
    let mut fill: Option<Color> = None;
    let mut open: Option<Mark> = None;
    let runs: Vec<&TextRun> = page.runs().collect();
    for (i, run) in runs.iter().copied().enumerate() {
        // Where the next run of the same element starts a new line or stands apart (a
        // heading's number and its text), the words are separated by an invisible space,
        // so the structure's text reads "1. Pseudonymisierung", not "1.Pseudonymisierung".
        let space_after = !run.hyphen
            && matches!(run.mark, Mark::Element(_))
            && !run.text.ends_with(' ')
            && runs.get(i + 1).is_some_and(|next| {
                next.mark == run.mark
                    && ((next.baseline - run.baseline).abs() > 0.01
                        || next.x > run.x + run.width + run.size * 0.1)
            });
        let Some(embedded) = faces.get(&run.face) else {
            continue;
        };
        if open != Some(run.mark) {
            if open.is_some() {
                out.extend_from_slice(b"EMC\n");
            }
            match run.mark {
                Mark::Artifact => out.extend_from_slice(b"/Artifact BMC\n"),
                Mark::Pagination => {
                    out.extend_from_slice(b"/Artifact <</Type /Pagination>> BDC\n");
                }
                Mark::Element(e) => {
                    let e = tagger.element(e);
                    let mcid = tagger.content(index, e);
                    out.push(b'/');
                    out.extend_from_slice(role_name(tagger.role(e)).as_bytes());
                    out.extend_from_slice(b" <</MCID ");
                    push_int(&mut out, mcid as u64);
                    out.extend_from_slice(b">> BDC\n");
                }
            }
            open = Some(run.mark);
        }
        // A link's text becomes its annotation's /Contents.
        if let Mark::Element(e) = run.mark {
            let e = tagger.element(e);
            if tagger.role(e) == crate::export::layout::Role::Link {
                tagger.add_text(e, &run.text, run.hyphen);
            }
        }
        if font != Some((run.face, run.size)) {
            out.push(b'/');
            out.extend_from_slice(embedded.name.as_bytes());
            out.push(b' ');
            num(&mut out, run.size);
            out.extend_from_slice(b" Tf\n");
            font = Some((run.face, run.size));
        }
        if fill != Some(run.color) {
            color(&mut out, run.color, b"rg");
            fill = Some(run.color);
        }
        out.extend_from_slice(b"1 0 0 1 ");
        num(&mut out, run.x);
        out.push(b' ');
        num(&mut out, height - run.baseline);
        out.extend_from_slice(b" Tm\n");
        if show(&mut out, run, embedded, fonts, space_after) {
            // The hyphen the line breaker inserted is not part of the text: an artifact
            // between two marked-content sequences of the word, so the structure reads
            // "Pseudonymisierung" while plain extraction still sees a hyphen at the
            // line end and joins the word.
            if open != Some(Mark::Artifact) {
                out.extend_from_slice(b"EMC\n/Artifact BMC\n");
                open = Some(Mark::Artifact);
            }
            out.push(b'<');
            hex_code(&mut out, embedded.code('-'));
            out.extend_from_slice(b"> Tj\n");
        }
    }
    if open.is_some() {
        out.extend_from_slice(b"EMC\n");
    }
    out.extend_from_slice(b"ET\n");
    out
}

/// Shows combining `mark` (code `code`) over `base`, the glyph just shown, inside an open
/// TJ array: the pen moves to the mark's origin (the face's anchors, see
/// [`crate::export::fonts::FaceMetrics::mark_offset`]), a rise lifts it when the anchors
/// differ in height (a capital's accent sits higher), and the pen returns to where the
/// base glyph ended, so the mark takes no advance (as the layout measured it).
fn mark_over(
    out: &mut Vec<u8>,
    metrics: &crate::export::fonts::FaceMetrics,
    size: f32,
    base: char,
    mark: char,
    code: u16,
) {
    let (dx, dy) = metrics.mark_offset(base, mark);
    let upem = metrics.units_per_em();
    let advance = metrics
        .glyph(mark)
        .map_or(0, |g| i32::from(metrics.advance(g)));
    if dx != 0 {
        out.extend_from_slice(b"> ");
        num(out, -(dx as f32) * 1000.0 / upem);
        out.extend_from_slice(b" <");
    }
    if dy != 0 {
        out.extend_from_slice(b">] TJ\n");
        num(out, dy as f32 / upem * size);
        out.extend_from_slice(b" Ts\n[<");
        hex_code(out, code);
        out.extend_from_slice(b">] TJ\n0 Ts\n[<");
    } else {
        hex_code(out, code);
    }
    if dx + advance != 0 {
        out.extend_from_slice(b"> ");
        num(out, (dx + advance) as f32 * 1000.0 / upem);
        out.extend_from_slice(b" <");
    }
}

/// The TJ of one run: glyph codes with kerning and the justification after spaces.
/// Returns true when the run ends with an inserted hyphen, which the caller writes.
fn show(
    out: &mut Vec<u8>,
    run: &TextRun,
    embedded: &Embedded,
    fonts: &Fonts,
    space_after: bool,
) -> bool {
    let (body, hyphen) = if run.hyphen {
        match run.text.strip_suffix('-') {
            Some(body) => (body, true),
            None => (run.text.as_str(), false),
        }
    } else {
        (run.text.as_str(), false)
    };
    let metrics = fonts.face(run.face);
    // Negative too: total-fit breaking may shrink a line's spaces (to two thirds), and a
    // shrunk line written at natural width ran past the right margin.
    let space_offset = if run.space_extra != 0.0 {
        -run.space_extra * 1000.0 / run.size
    } else {
        0.0
    };
    if !body.is_empty() {
        out.extend_from_slice(b"[<");
        let mut prev: Option<char> = None;
        for c in body.chars() {
            let code = embedded.code(c);
            // The same cached kerning the layout measured with.
            if let Some(p) = prev {
                let kern = metrics.kern_em(p, c);
                if kern != 0.0 {
                    out.extend_from_slice(b"> ");
                    num(out, -kern * 1000.0);
                    out.extend_from_slice(b" <");
                }
            }
            if let Some(base) = prev
                .filter(|p| crate::export::fonts::is_mark(c) && !crate::export::fonts::is_mark(*p))
            {
                mark_over(out, metrics, run.size, base, c, code);
                // The pen is back after the base glyph; kerning goes on from the base.
                continue;
            }
            hex_code(out, code);
            if c == ' ' && space_offset != 0.0 {
                out.extend_from_slice(b"> ");
                num(out, space_offset);
                out.extend_from_slice(b" <");
            }
            prev = Some(c);
        }
        if space_after {
            hex_code(out, embedded.code(' '));
        }
        out.extend_from_slice(b">] TJ\n");
    }
    hyphen
}
