//! Tables: column widths, rows as chunks, the header row repeated on a new page.

use super::flow::ParaStyle;
use super::paragraph::Prepared;
use super::*;
use crate::export::blocks::Inline;

impl Ctx<'_> {
    pub(super) fn table(
        &mut self,
        header: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        x: f32,
        width: f32,
    ) {
        let ncols = std::iter::once(header.len())
            .chain(rows.iter().map(Vec::len))
            .max()
            .unwrap_or(0);
        if ncols == 0 {
            return;
        }
        // Column widths follow the natural width of their content, within bounds.
        let mut natural = vec![0.0f32; ncols];
        // The widest word of a column: narrower than that, a word would be split.
        let mut min = vec![0.0f32; ncols];
        // The widest hyphenation fragment (with its hyphen): narrower than that, a
        // word would be split without a hyphen.
        let mut min_fragment = vec![0.0f32; ncols];
        let pad = 2.0 * CELL_PAD + 1.0;
        for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
            for (c, cell) in row.iter().enumerate() {
                for i in cell {
                    let m = self.fonts.face(face_for(&i.style, Face::Regular));
                    for word in i.text.split_whitespace() {
                        let w = m.text_width(word, TABLE_SIZE) + pad;
                        // A word only longer than half the table may be hyphenated.
                        let cap = if ncols == 1 { width } else { width * 0.5 };
                        min[c] = min[c].max(w.min(cap));
                        let mut fragment = w;
                        if crate::export::hyphen::eligible(word) {
                            let chars: Vec<char> = word.chars().collect();
                            let points = crate::export::hyphen::points(word, self.lang);
                            if !points.is_empty() {
                                let hyphen = m.text_width("-", TABLE_SIZE);
                                let mut start = 0;
                                fragment = 0.0;
                                for end in points.into_iter().chain(std::iter::once(chars.len())) {
                                    let part: String = chars[start..end].iter().collect();
                                    let extra = if end < chars.len() { hyphen } else { 0.0 };
                                    fragment =
                                        fragment.max(m.text_width(&part, TABLE_SIZE) + extra + pad);
                                    start = end;
                                }
                            }
                        }
                        min_fragment[c] = min_fragment[c].max(fragment.min(cap));
                    }
                }
                let w: f32 = cell
                    .iter()
                    .map(|i| {
                        self.fonts
                            .face(face_for(&i.style, Face::Regular))
                            .text_width(&i.text, TABLE_SIZE)
                    })
                    .sum::<f32>()
                    + 2.0 * CELL_PAD
                    + 1.0;
                natural[c] = natural[c].max(w);
            }
        }
        // Whole words when they all fit side by side, else hyphenation fragments.
        if min.iter().sum::<f32>() > width {
            min = min_fragment;
        }
        let total: f32 = natural.iter().sum();
        let widths: Vec<f32> = if total <= width {
            let spare = (width - total) / ncols as f32;
            natural.iter().map(|w| w + spare).collect()
        } else {
            // Like a browser's automatic table layout: every column gets its widest
            // word (so no word breaks without a hyphen while another column has
            // room); the rest is shared by how much more each column would like.
            let min_sum: f32 = min.iter().sum();
            if min_sum >= width {
                min.iter().map(|w| w * width / min_sum).collect()
            } else {
                let want: Vec<f32> = natural
                    .iter()
                    .zip(&min)
                    .map(|(n, m)| (n - m).max(0.0))
                    .collect();
                let want_sum: f32 = want.iter().sum::<f32>().max(1.0);
                min.iter()
                    .zip(&want)
                    .map(|(m, w)| m + (width - min_sum) * w / want_sum)
                    .collect()
            }
        };
        let sb = self.gap(PARA_GAP + 2.0);
        self.begin(Role::Table);
        let header_idx = if header.is_empty() {
            None
        } else {
            let mut chunk = self.table_row(header, &widths, x, true);
            chunk.keep_with_next = true;
            self.headers.push(chunk.clone());
            chunk.space_before = sb;
            self.push(chunk);
            Some(self.headers.len() - 1)
        };
        for (r, row) in rows.iter().enumerate() {
            let mut chunk = self.table_row(row, &widths, x, false);
            chunk.header = header_idx;
            if r == 0 && header_idx.is_none() {
                chunk.space_before = sb;
            }
            self.push(chunk);
        }
        self.end();
        self.after_heading = false;
    }

    pub(super) fn table_row(
        &mut self,
        row: &[Vec<Inline>],
        widths: &[f32],
        x: f32,
        is_header: bool,
    ) -> Chunk {
        let style = ParaStyle {
            size: TABLE_SIZE,
            leading: TABLE_LEADING,
            face: if is_header { Face::Bold } else { Face::Regular },
            hyphenate: true,
            justify: false,
            color: Color::TEXT,
        };
        let baseline = (TABLE_LEADING + TABLE_SIZE * 0.72) / 2.0;
        let mut items = Vec::new();
        let mut lines_max = 1usize;
        let mut cx = x;
        self.begin(Role::TR);
        for (c, w) in widths.iter().enumerate() {
            if let Some(cell) = row.get(c) {
                self.begin(if is_header { Role::TH } else { Role::TD });
                let prepared = Prepared::new(self, cell, style.face, style.size);
                let inner = (w - 2.0 * CELL_PAD).max(1.0);
                let lines = prepared.break_lines(self, inner, inner, true);
                lines_max = lines_max.max(lines.len());
                for (i, line) in lines.iter().enumerate() {
                    items.extend(prepared.line_items(
                        self,
                        line,
                        cx + CELL_PAD,
                        CELL_PAD + baseline + i as f32 * TABLE_LEADING,
                        inner,
                        false,
                        style.color,
                    ));
                }
                self.end();
            }
            cx += w;
        }
        self.end();
        let height = lines_max as f32 * TABLE_LEADING + 2.0 * CELL_PAD;
        let total: f32 = widths.iter().sum();
        let mut all = Vec::new();
        if is_header {
            all.push(Item::Fill {
                x,
                y: 0.0,
                w: total,
                h: height,
                color: Color::HEADER_FILL,
            });
            all.push(Item::Line {
                x1: x,
                y1: 0.0,
                x2: x + total,
                y2: 0.0,
                width: 0.8,
                color: Color::RULE,
            });
        }
        all.push(Item::Line {
            x1: x,
            y1: height,
            x2: x + total,
            y2: height,
            width: if is_header { 0.8 } else { 0.4 },
            color: Color::RULE,
        });
        all.extend(items);
        Chunk {
            height,
            items: all,
            ..Chunk::default()
        }
    }
}
