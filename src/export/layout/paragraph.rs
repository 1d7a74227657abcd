//! Paragraph text prepared for breaking: widths per character, break opportunities (UAX #14), hyphenation, and the items of one line.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::{Color, Ctx, Item, LinkTarget, Mark, Role, TextRun, face_for};
use crate::export::blocks::{Highlight, Inline, InlineStyle};
use crate::export::fonts::{Face, is_mark};
use crate::export::hyphen;
use crate::model::Lang;

/// A line of a paragraph as char ranges plus an optional trailing hyphen.
pub(super) struct LineSpan {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) hyphen: bool,
    /// Last line of the paragraph or ended by a forced break: not justified.
    pub(super) last: bool,
}

/// Text of a paragraph prepared for breaking: chars with their face and style.
pub(super) struct Prepared {
    pub(super) text: String,
    pub(super) chars: Vec<char>,
    /// Index into `styles` per char.
    pub(super) style_of: Vec<usize>,
    pub(super) styles: Vec<(InlineStyle, Face)>,
    /// The structure mark of each style's runs (a link gets its own `Link` element).
    pub(super) marks: Vec<Mark>,
    /// prefix[i] = width of chars[..i], kerned.
    pub(super) prefix: Vec<f32>,
    /// The kerning between chars[i - 1] and chars[i] (0 across a change of style, where
    /// a new run begins): a piece of text starting at i does not include it.
    pub(super) kern_before: Vec<f32>,
    /// Char index of each byte offset boundary (for the line breaker's byte offsets).
    pub(super) byte_to_char: Vec<usize>,
    pub(super) size: f32,
    /// Byte offset of each char in `text` (and the text's length at the end), so the
    /// hyphenation cache is asked with a slice of `text` instead of a new string.
    pub(super) char_byte: Vec<usize>,
    /// The export's language, until [`Prepared::lang`] has looked at the text.
    default_lang: Lang,
    /// The language whose hyphenation patterns this paragraph gets (its own, e.g. German
    /// release notes in an English PDF): found on the first hyphenation lookup, as most
    /// paragraphs (headings, short lines) never need it.
    lang: std::cell::OnceCell<Lang>,
}

impl Prepared {
    pub(super) fn new(ctx: &mut Ctx<'_>, inlines: &[Inline], base: Face, size: f32) -> Self {
        let mut styles: Vec<(InlineStyle, Face)> = Vec::new();
        let mut marks: Vec<Mark> = Vec::new();
        let mut text = String::new();
        let mut chars = Vec::new();
        let mut style_of = Vec::new();
        for inline in inlines {
            let face = face_for(&inline.style, base);
            let cleaned = ctx.clean(&inline.text, face);
            // Each link is its own structure element, so link inlines never share a style.
            let existing = if inline.style.link.is_some() {
                None
            } else {
                styles
                    .iter()
                    .zip(&marks)
                    .position(|((s, f), m)| *s == inline.style && *f == face && *m == ctx.mark())
            };
            let idx = match existing {
                Some(i) => i,
                None => {
                    styles.push((inline.style.clone(), face));
                    if inline.style.link.is_some() {
                        let id = ctx.begin(Role::Link);
                        ctx.end();
                        marks.push(Mark::Element(id));
                    } else {
                        marks.push(ctx.mark());
                    }
                    styles.len() - 1
                }
            };
            for c in cleaned.chars() {
                chars.push(c);
                style_of.push(idx);
            }
            text.push_str(&cleaned);
        }
        let mut prefix = Vec::with_capacity(chars.len() + 1);
        let mut kern_before = Vec::with_capacity(chars.len() + 1);
        prefix.push(0.0);
        let mut acc = 0.0;
        for (i, (c, s)) in chars.iter().zip(&style_of).enumerate() {
            let face = ctx.fonts.face(styles[*s].1);
            // Kerning as the writer applies it: between neighbours of the same run.
            let kern = match i.checked_sub(1) {
                Some(p) if style_of[p] == *s && *c != '\n' && chars[p] != '\n' => {
                    // After a combining mark the writer kerns from the mark's base
                    // (the mark takes no advance): the last letter before the marks,
                    // when the run has one.
                    let mut q = p;
                    while is_mark(chars[q])
                        && q > 0
                        && style_of[q - 1] == *s
                        && chars[q - 1] != '\n'
                    {
                        q -= 1;
                    }
                    let left = if is_mark(chars[q]) {
                        chars[p]
                    } else {
                        chars[q]
                    };
                    face.kern_em(left, *c) * size
                }
                _ => 0.0,
            };
            kern_before.push(kern);
            acc += kern;
            if *c != '\n' {
                acc += face.width_em(*c) * size;
            }
            prefix.push(acc);
        }
        kern_before.push(0.0);
        let mut byte_to_char = vec![0; text.len() + 1];
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            byte_to_char[bi] = ci;
        }
        byte_to_char[text.len()] = chars.len();
        let mut char_byte: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        char_byte.push(text.len());
        Self {
            char_byte,
            default_lang: ctx.lang,
            lang: std::cell::OnceCell::new(),
            text,
            chars,
            style_of,
            styles,
            marks,
            prefix,
            kern_before,
            byte_to_char,
            size,
        }
    }

    pub(super) fn width(&self, a: usize, b: usize) -> f32 {
        if b <= a {
            return self.prefix[b] - self.prefix[a];
        }
        self.prefix[b] - self.prefix[a] - self.kern_before[a]
    }

    pub(super) fn face_at(&self, i: usize) -> Face {
        self.styles[self.style_of[i]].1
    }

    pub(super) fn hyphen_width(&self, ctx: &Ctx<'_>, before: usize) -> f32 {
        ctx.fonts.face(self.face_at(before)).width_em('-') * self.size
    }

    /// End of the visible content of [a, b): trailing spaces and newlines removed.
    pub(super) fn content_end(&self, a: usize, b: usize) -> usize {
        let mut e = b;
        while e > a && (self.chars[e - 1] == ' ' || self.chars[e - 1] == '\n') {
            e -= 1;
        }
        e
    }

    /// The language of the paragraph's hyphenation patterns.
    pub(super) fn lang(&self) -> Lang {
        *self
            .lang
            .get_or_init(|| hyphen::text_lang(&self.text, self.default_lang))
    }

    /// The hyphenation points (char indices) of the word in [a, e): none for URLs,
    /// CamelCase, words with digits and link texts with a dot.
    pub(super) fn hyphen_points(&self, ctx: &Ctx<'_>, a: usize, e: usize) -> Vec<usize> {
        let mut out = Vec::new();
        self.hyphen_points_into(ctx, a, e, &mut out);
        out
    }

    /// [`Prepared::hyphen_points`] appended to `out`. The answer depends only on the
    /// word and the characters on either side of it (the compound rule looks at them),
    /// so it is cached under that text, looked up without building a string: total-fit
    /// breaking asks for every word of every justified paragraph.
    pub(super) fn hyphen_points_into(
        &self,
        ctx: &Ctx<'_>,
        a: usize,
        e: usize,
        out: &mut Vec<usize>,
    ) {
        // Too short for three letters on each side of a hyphen: no lookup at all.
        if e - a < 6 {
            return;
        }
        if self.style_of[a..e]
            .iter()
            .any(|s| self.styles[*s].0.link.is_some())
            && self.chars[a..e].contains(&'.')
        {
            return;
        }
        // The key: the word with its neighbours; whether it has them is part of the
        // key too ("xWort" at the paragraph's start is another word than "Wort" after "x").
        let from = a.saturating_sub(1);
        let to = (e + 1).min(self.chars.len());
        let key = &self.text[self.char_byte[from]..self.char_byte[to]];
        let slot = (self.lang(), a > 0, e < self.chars.len());
        let mut cache = ctx.hyphen_cache.borrow_mut();
        let words = cache.entry(slot).or_default();
        if let Some(points) = words.get(key) {
            out.extend(points.iter().map(|p| a + p));
            return;
        }
        let points = self.points_uncached(a, e);
        out.extend(points.iter().map(|p| a + p));
        words.insert(key.to_owned(), points);
    }

    /// The hyphenation points of the word in [a, e), relative to `a`.
    fn points_uncached(&self, a: usize, e: usize) -> Vec<usize> {
        let segment = &self.text[self.char_byte[a]..self.char_byte[e]];
        if !hyphen::eligible(segment) {
            return Vec::new();
        }
        // The longest run of letters is the word the dictionary sees.
        let mut best: Option<(usize, usize)> = None;
        let mut i = a;
        while i < e {
            if self.chars[i].is_alphabetic() {
                let s = i;
                while i < e && self.chars[i].is_alphabetic() {
                    i += 1;
                }
                if best.is_none_or(|(bs, be)| i - s > be - bs) {
                    best = Some((s, i));
                }
            } else {
                i += 1;
            }
        }
        let Some((ws, we)) = best else {
            return Vec::new();
        };
        // Words too short for a hyphen (three letters on each side) need no lookup.
        if we - ws < 6 {
            return Vec::new();
        }
        hyphen::points_in(&self.chars, ws, we, self.lang())
            .into_iter()
            .map(|p| ws + p - a)
            .collect()
    }

    /// The best hyphenation split of the word in [a, content_end) so that the part before
    /// it plus a hyphen is at most `avail` wide. Returns the char index of the split.
    pub(super) fn hyphen_split(
        &self,
        ctx: &Ctx<'_>,
        a: usize,
        e: usize,
        avail: f32,
    ) -> Option<usize> {
        self.hyphen_points(ctx, a, e)
            .into_iter()
            .rev()
            .find(|&split| self.width(a, split) + self.hyphen_width(ctx, split - 1) <= avail)
    }

    /// Takes back the break opportunities inside what belongs together (see
    /// [`super::keep`]) by joining the segments on either side.
    fn keep_together(&self, segs: &mut Vec<(usize, usize, bool)>) {
        let word_before = |end: usize| -> String {
            let mut s = end;
            while s > 0 && !self.chars[s - 1].is_whitespace() {
                s -= 1;
            }
            self.chars[s..end].iter().collect()
        };
        let word_after = |start: usize| -> String {
            let mut e = start;
            while e < self.chars.len() && !self.chars[e].is_whitespace() {
                e += 1;
            }
            self.chars[start..e].iter().collect()
        };
        // One pass, joining into the last kept segment (linear even when most breaks
        // are taken back).
        let mut out: Vec<(usize, usize, bool)> = Vec::with_capacity(segs.len());
        for &seg in segs.iter() {
            let Some(&(a, b, mandatory)) = out.last() else {
                out.push(seg);
                continue;
            };
            let joined = !mandatory && {
                let e = self.content_end(a, b);
                if e < b {
                    // The break is at a space: the words on either side.
                    self.chars[e..b].iter().all(|c| *c == ' ')
                        && super::keep::joined_by_space(&word_before(e), &word_after(b))
                } else {
                    super::keep::joined_in_word(&word_before(b), &word_after(b))
                }
            };
            match out.last_mut() {
                Some(last) if joined => {
                    last.1 = seg.1;
                    last.2 = seg.2;
                }
                _ => out.push(seg),
            }
        }
        *segs = out;
    }

    /// Breaks the text into lines of at most `width` (first line `first_width`).
    pub(super) fn break_lines(
        &self,
        ctx: &Ctx<'_>,
        first_width: f32,
        width: f32,
        hyphenate: bool,
        justify: bool,
    ) -> Vec<LineSpan> {
        let n = self.chars.len();
        // Segments between break opportunities: (start, end, mandatory at end).
        let mut segs: Vec<(usize, usize, bool)> = Vec::new();
        let mut prev = 0;
        for (byte, op) in linebreaks(&self.text) {
            let ci = self.byte_to_char[byte];
            if ci > prev {
                let mandatory = op == BreakOpportunity::Mandatory && ci < n;
                segs.push((prev, ci, mandatory));
            } else if op == BreakOpportunity::Mandatory
                && ci < n
                && let Some(last) = segs.last_mut()
            {
                last.2 = true;
            }
            prev = ci;
        }
        self.keep_together(&mut segs);
        if justify {
            return self.break_total_fit(ctx, &segs, first_width, width, hyphenate);
        }
        let mut lines = Vec::new();
        let mut line_start: Option<usize> = None;
        let mut line_end = 0; // end of the last added segment (with its spaces)
        let mut idx = 0;
        let mut seg_start_override: Option<usize> = None;
        while idx < segs.len() {
            let (s0, b, mandatory) = segs[idx];
            let a = seg_start_override.unwrap_or(s0);
            let avail_total = if lines.is_empty() { first_width } else { width };
            let e = self.content_end(a, b);
            let start = line_start.unwrap_or(a);
            let fits = self.width(start, e) <= avail_total + 0.01;
            if fits {
                line_start = Some(start);
                line_end = b;
                seg_start_override = None;
                idx += 1;
                if mandatory {
                    lines.push(LineSpan {
                        start,
                        end: self.content_end(start, b),
                        hyphen: false,
                        last: true,
                    });
                    line_start = None;
                }
                continue;
            }
            // Does not fit: hyphenate the segment into the rest of the line.
            let avail = avail_total - self.width(start, a);
            // The last word of a paragraph is not hyphenated: a lone syllable on the
            // last line looks worse than a slightly looser line.
            // A last word that alone is wider than the line is hyphenated all the
            // same: the alternative is a break without a hyphen ("Aufbewahrun / g").
            let last_word = (idx + 1 == segs.len() || mandatory) && start != a;
            if let Some(split) = (hyphenate && !last_word)
                .then(|| self.hyphen_split(ctx, a, e, avail))
                .flatten()
            {
                lines.push(LineSpan {
                    start,
                    end: split,
                    hyphen: true,
                    last: false,
                });
                line_start = None;
                seg_start_override = Some(split);
                continue;
            }
            if let Some(ls) = line_start {
                // End the line before this segment and retry it on a fresh line.
                lines.push(LineSpan {
                    start: ls,
                    end: self.content_end(ls, line_end),
                    hyphen: false,
                    last: false,
                });
                line_start = None;
                continue;
            }
            // A single segment wider than the line (a long URL): split it by width.
            let mut split = a + 1;
            while split < e && self.width(a, split + 1) <= avail_total {
                split += 1;
            }
            lines.push(LineSpan {
                start: a,
                end: split,
                hyphen: false,
                last: false,
            });
            seg_start_override = Some(split);
            if split >= b {
                seg_start_override = None;
                idx += 1;
            }
        }
        if let Some(ls) = line_start {
            lines.push(LineSpan {
                start: ls,
                end: self.content_end(ls, line_end.max(ls)),
                hyphen: false,
                last: true,
            });
        } else if let Some(last) = lines.last_mut() {
            last.last = true;
        }
        lines.retain(|l| l.end > l.start || l.hyphen);
        lines
    }

    /// The items of one line at (x, top), justified to `width` when asked.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn line_items(
        &self,
        ctx: &Ctx<'_>,
        line: &LineSpan,
        x: f32,
        baseline: f32,
        width: f32,
        justify: bool,
        color: Color,
    ) -> Vec<Item> {
        let natural = self.width(line.start, line.end)
            + if line.hyphen {
                self.hyphen_width(ctx, line.end - 1)
            } else {
                0.0
            };
        let spaces = self.chars[line.start..line.end]
            .iter()
            .filter(|c| **c == ' ')
            .count();
        let mut extra = 0.0;
        if justify && !line.last && spaces > 0 {
            let e = (width - natural) / spaces as f32;
            // A line whose spaces would stretch beyond twice their width is set ragged:
            // the gaps of a very loose justified line read worse than a short line.
            let space = ctx.fonts.face(self.face_at(line.start)).width_em(' ') * self.size;
            // Spaces may also shrink a little (total-fit breaking counts on it).
            if e <= space && e >= -space * super::total_fit::SHRINK - 0.01 {
                extra = e;
            }
        }
        let mut items = Vec::new();
        let mut fills = Vec::new();
        let mut cx = x;
        let mut i = line.start;
        while i < line.end || (line.hyphen && i == line.end && i == line.start) {
            let si = self.style_of.get(i).copied().unwrap_or(0);
            let mut j = i;
            while j < line.end && self.style_of[j] == si {
                j += 1;
            }
            let mut text: String = self.chars[i..j].iter().filter(|c| **c != '\n').collect();
            let mut w = self.width(i, j);
            if j == line.end && line.hyphen {
                text.push('-');
                w += self.hyphen_width(ctx, line.end.saturating_sub(1));
            }
            let n_spaces = text.chars().filter(|c| *c == ' ').count() as f32;
            w += n_spaces * extra;
            let (style, face) = &self.styles[si];
            let run_color = if style.link.is_some() {
                Color::LINK
            } else {
                color
            };
            if let Some(h) = style.highlight {
                fills.push(Item::Fill {
                    x: cx,
                    y: baseline - self.size * 0.92,
                    w,
                    h: self.size * 1.22,
                    color: match h {
                        Highlight::Inserted => Color::INSERTED,
                        Highlight::Deleted => Color::DELETED,
                    },
                });
            }
            // Inserted text is underlined as well as tinted, so the mark survives
            // printing in grayscale.
            if style.highlight == Some(Highlight::Inserted) && !text.trim().is_empty() {
                items.push(Item::Line {
                    x1: cx,
                    y1: baseline + self.size * 0.13,
                    x2: cx + w,
                    y2: baseline + self.size * 0.13,
                    width: 0.6,
                    color: run_color,
                });
            }
            if style.strike {
                items.push(Item::Line {
                    x1: cx,
                    y1: baseline - self.size * 0.3,
                    x2: cx + w,
                    y2: baseline - self.size * 0.3,
                    width: 0.6,
                    color: run_color,
                });
            }
            let mark = self.marks[si];
            if style.link.is_some() {
                // Links are underlined, not told by colour alone (WCAG 1.4.1; a printed
                // page has no hover). The underline sits below the baseline, clear of
                // the descenders' tips at about an eighth of the size.
                let y = baseline + self.size * 0.12;
                let end = cx + w;
                items.push(Item::Line {
                    x1: cx,
                    y1: y,
                    x2: end,
                    y2: y,
                    width: (self.size * 0.055).max(0.4),
                    color: run_color,
                });
            }
            if let Some(url) = &style.link {
                items.push(Item::Link {
                    x: cx,
                    y: baseline - self.size * 0.95,
                    w,
                    h: self.size * 1.25,
                    target: LinkTarget::Url(url.clone()),
                    mark,
                });
            }
            if !text.is_empty() {
                items.push(Item::Text(TextRun {
                    x: cx,
                    baseline,
                    face: *face,
                    size: self.size,
                    text,
                    width: w,
                    space_extra: extra,
                    color: run_color,
                    mark,
                    hyphen: j == line.end && line.hyphen,
                }));
            }
            cx += w;
            if j == i {
                break;
            }
            i = j;
        }
        fills.extend(items);
        fills
    }
}
