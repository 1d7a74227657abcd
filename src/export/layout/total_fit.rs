//! Total-fit line breaking (after Knuth and Plass) for justified paragraphs: of all ways
//! to break a paragraph at its UAX #14 opportunities and hyphenation points, the one with
//! the least total demerits, so no line is left very loose to spare the next one.
//!
//! A line's badness grows with the cube of how far its spaces stretch (a space may grow
//! to twice its width; beyond that the line is set ragged and scores accordingly); a
//! dictionary hyphen, two hyphenated lines in a row and a hyphen in the paragraph's last
//! word cost extra; a break at a word's own hyphen costs little.

use super::Ctx;
use super::paragraph::{LineSpan, Prepared};

/// Demerits added to every line (fewer lines are better, all else equal).
const LINE_PENALTY: f32 = 10.0;
/// Penalty of a break at a dictionary hyphenation point.
const HYPHEN_PENALTY: f32 = 50.0;
/// Penalty of a break after a word's own hyphen ("Server-|Systeme") or a slash.
const EXPLICIT_PENALTY: f32 = 15.0;
/// Extra demerits when two consecutive lines end in a hyphen.
const DOUBLE_HYPHEN: f32 = 3000.0;
/// Extra demerits for a third hyphenated line in a row.
const TRIPLE_HYPHEN: f32 = 1.0e6;
/// Penalty of hyphenating the paragraph's last word (a lone syllable on the last line).
const LAST_WORD_HYPHEN: f32 = 200.0;
/// Penalty of a break inside a word too long for any line (at `/`, `.`, `-`, `?`, `&`
/// first, then anywhere).
const URL_PENALTY: f32 = 100.0;
const ANYWHERE_PENALTY: f32 = 5000.0;
/// The highest badness: a line that cannot stretch (no spaces) or stretches its spaces
/// about five times.
const BADNESS_CAP: f32 = 100_000.0;
/// How far a space may shrink (to two thirds of its width, as in Typst and TeX).
pub(super) const SHRINK: f32 = 0.33;

/// A place where a line may end.
#[derive(Clone, Copy)]
struct Candidate {
    /// Where the next line starts.
    next: usize,
    /// Where this line's visible content ends.
    end: usize,
    /// The line ends with an added hyphen.
    hyphen: bool,
    /// The width of that hyphen (0 without one), measured once rather than for every
    /// line that might end here.
    hyphen_w: f32,
    /// The line ends in a hyphen, added or the word's own (for the count of
    /// hyphenated lines in a row).
    flagged: bool,
    /// The break must be taken (a forced line break or the paragraph's end).
    forced: bool,
    penalty: f32,
}

impl Prepared {
    /// Breaks a justified paragraph (already cut into `segs`) with the least total
    /// demerits. The first line is `first_width` wide, the others `width`.
    pub(super) fn break_total_fit(
        &self,
        ctx: &Ctx<'_>,
        segs: &[(usize, usize, bool)],
        first_width: f32,
        width: f32,
        hyphenate: bool,
    ) -> Vec<LineSpan> {
        if segs.is_empty() {
            return Vec::new();
        }
        let wide = first_width.max(width);
        let mut cands = vec![Candidate {
            next: segs[0].0,
            end: segs[0].0,
            hyphen: false,
            hyphen_w: 0.0,
            flagged: false,
            forced: false,
            penalty: 0.0,
        }];
        // One buffer for every word's hyphenation points.
        let mut points = Vec::new();
        for (k, &(a, b, mandatory)) in segs.iter().enumerate() {
            let e = self.content_end(a, b);
            let last_word = k + 1 == segs.len() || mandatory;
            if e - a > 0 && self.width(a, e) > wide {
                // Too long for any line: break inside, preferably after URL punctuation.
                for p in a + 1..e {
                    // Never inside a URL's scheme ("https:" "//").
                    let before = &self.chars[a..p];
                    if before.ends_with(&[':'])
                        || before.ends_with(&[':', '/'])
                        || before.ends_with(&[':', '/', '/'])
                    {
                        continue;
                    }
                    let url = matches!(self.chars[p - 1], '/' | '.' | '-' | '?' | '&' | '_' | '=');
                    cands.push(Candidate {
                        next: p,
                        end: p,
                        hyphen: false,
                        hyphen_w: 0.0,
                        flagged: false,
                        forced: false,
                        penalty: if url { URL_PENALTY } else { ANYWHERE_PENALTY },
                    });
                }
            } else if hyphenate && e > a {
                points.clear();
                self.hyphen_points_into(ctx, a, e, &mut points);
                for &p in &points {
                    cands.push(Candidate {
                        next: p,
                        end: p,
                        hyphen: true,
                        hyphen_w: self.hyphen_width(ctx, p.saturating_sub(1)),
                        flagged: true,
                        forced: false,
                        penalty: if last_word {
                            LAST_WORD_HYPHEN
                        } else {
                            HYPHEN_PENALTY
                        },
                    });
                }
            }
            let explicit = e == b && e > a && matches!(self.chars[e - 1], '-' | '/' | '–');
            cands.push(Candidate {
                next: b,
                end: e,
                hyphen: false,
                hyphen_w: 0.0,
                flagged: explicit && self.chars[e - 1] != '/',
                forced: mandatory || k + 1 == segs.len(),
                penalty: if explicit { EXPLICIT_PENALTY } else { 0.0 },
            });
        }
        let n = cands.len();
        // spaces_before[k]: the number of U+0020 in chars[..k], to count a line's spaces
        // in constant time.
        let mut spaces_before = Vec::with_capacity(self.chars.len() + 1);
        spaces_before.push(0u32);
        for c in &self.chars {
            let last = spaces_before.last().copied().unwrap_or(0);
            spaces_before.push(last + u32::from(*c == ' '));
        }
        // best[j]: least demerits of the lines up to candidate j, with the predecessor
        // and the number of hyphenated lines in a row ending there.
        let mut best: Vec<(f32, usize, u8)> = vec![(f32::INFINITY, 0, 0); n];
        best[0] = (0.0, 0, 0);
        // The width of a space at each candidate's line start (the face may change).
        let last_char = self.chars.len().saturating_sub(1);
        let space_at: Vec<f32> = cands
            .iter()
            .map(|c| {
                ctx.fonts
                    .face(self.face_at(c.next.min(last_char)))
                    .width_em(' ')
                    * self.size
            })
            .collect();
        // The line i -> j: its natural width, spaces and how far it may shrink.
        let measure = |i: usize, j: usize| {
            let (ci, cj) = (cands[i], cands[j]);
            let end = cj.end.max(ci.next);
            let natural = self.width(ci.next, end) + cj.hyphen_w;
            let spaces = (spaces_before[end] - spaces_before[ci.next]) as usize;
            let shrinkable = if cj.forced {
                0.0
            } else {
                spaces as f32 * space_at[i] * SHRINK
            };
            let line_w = if i == 0 { first_width } else { width };
            (natural, spaces, shrinkable, line_w)
        };
        // lo: the earliest start whose line to j still fits (it only moves forward, as
        // lines to later candidates are longer); floor: the last forced break, which no
        // line may span.
        let mut lo = 0;
        let mut floor = 0;
        for j in 1..n {
            let cj = cands[j];
            lo = lo.max(floor);
            while lo < j {
                let (natural, _, shrinkable, line_w) = measure(lo, j);
                if natural <= line_w + shrinkable + 0.01 {
                    break;
                }
                lo += 1;
            }
            let mut found = false;
            // From the fullest line to looser ones.
            for i in lo..j {
                if !best[i].0.is_finite() {
                    continue;
                }
                let (natural, spaces, shrinkable, line_w) = measure(i, j);
                let badness = if cj.forced {
                    0.0
                } else if natural > line_w {
                    // Shrunk: as bad as stretched by the same share of what it may.
                    100.0 * ((natural - line_w) / shrinkable.max(0.01)).powi(3)
                } else {
                    badness(spaces, space_at[i], line_w - natural)
                };
                // Later starts only give looser lines.
                if found && badness >= BADNESS_CAP {
                    break;
                }
                let mut demerits = (LINE_PENALTY + badness).powi(2) + cj.penalty.powi(2);
                let run = if cj.flagged { best[i].2 + 1 } else { 0 };
                if run >= 2 {
                    demerits += DOUBLE_HYPHEN;
                }
                if run >= 3 {
                    demerits += TRIPLE_HYPHEN;
                }
                self.relax(&mut best, &cands, i, j, demerits);
                found = true;
            }
            if !found {
                // Not even the shortest line fits (a glyph wider than the line): take
                // it overfull rather than lose the text.
                let i = (j - 1).max(floor);
                self.relax(&mut best, &cands, i, j, 1.0e12);
            }
            if cj.forced {
                floor = j;
            }
        }
        // Walk back from the paragraph's end.
        let mut ends = Vec::new();
        let mut j = n - 1;
        while j > 0 {
            ends.push(j);
            j = best[j].1;
        }
        ends.reverse();
        let mut lines = Vec::with_capacity(ends.len());
        let mut from = 0;
        for j in ends {
            let (ci, cj) = (cands[from], cands[j]);
            lines.push(LineSpan {
                start: ci.next,
                end: cj.end.max(ci.next),
                hyphen: cj.hyphen,
                last: cj.forced,
            });
            from = j;
        }
        lines.retain(|l| l.end > l.start || l.hyphen);
        lines
    }

    /// Records the line i -> j if it is the best way to reach j so far.
    fn relax(
        &self,
        best: &mut [(f32, usize, u8)],
        cands: &[Candidate],
        i: usize,
        j: usize,
        d: f32,
    ) {
        let total = best[i].0 + d;
        if total < best[j].0 {
            let run = if cands[j].flagged {
                best[i].2.saturating_add(1)
            } else {
                0
            };
            best[j] = (total, i, run);
        }
    }
}

/// How bad a justified line with `spaces` spaces of `space` points and `slack` points to
/// spare looks: 100·r³ where r is how far its spaces must stretch relative to their
/// width (r = 1 doubles them).
fn badness(spaces: usize, space: f32, slack: f32) -> f32 {
    if slack <= 0.5 {
        return 0.0;
    }
    if spaces == 0 {
        return BADNESS_CAP;
    }
    let r = slack / (spaces as f32 * space.max(0.1));
    (100.0 * r.powi(3)).min(BADNESS_CAP)
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use crate::export::blocks::Inline;

    /// A paragraph first-fit sets with a very loose first line ("… nur durch" and
    /// "Administratoren" on the next line) is broken with a hyphen instead.
    #[test]
    fn total_fit_avoids_the_loose_line_first_fit_leaves() {
        let fonts = crate::export::fonts::fonts().unwrap();
        let text = "Eingaben, Änderungen und Löschung von Produktivdaten sind nur durch \
                    Administratoren möglich. Diese Aktivitäten werden in Logdateien \
                    protokolliert. Die Logdateien werden bei Auffälligkeiten manuell auf \
                    unbefugte Aktivitäten kontrolliert.";
        let l = layout(
            &[Block::Paragraph(vec![Inline::plain(text)])],
            &Furniture::default(),
            Lang::De,
            fonts,
            &PageSetup::A4,
        );
        let first = l.pages[0].runs().next().unwrap();
        assert!(first.text.ends_with('-'), "{:?}", first.text);
        assert!(first.space_extra.abs() <= fonts.face(first.face).width_em(' ') * first.size);
    }
}
