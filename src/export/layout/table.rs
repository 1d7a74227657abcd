//! Tables: column widths from content, rows as chunks (a tall row split into line bands
//! that may break across pages), the header row repeated on a new page, and tables wider
//! than the page set as several column groups.

use super::flow::ParaStyle;
use super::page::shift;
use super::paragraph::Prepared;
use super::*;
use crate::export::blocks::Inline;

/// The narrowest column: padding plus two characters, so a word broken by width still
/// shows a letter or two per line.
const MIN_COLUMN: f32 = 2.0 * CELL_PAD + 1.0 + 2.0 * TABLE_SIZE * 0.75;

/// A row of more lines than this may break across pages (between its lines); shorter rows
/// move to the next page whole.
const SPLIT_LINES: usize = 4;

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
        // More columns than fit side by side: set the table as several tables of
        // consecutive columns, each with its part of the header, so no text is lost
        // off the right edge.
        let per_group = ((width / MIN_COLUMN).floor() as usize).max(1);
        if ncols > per_group {
            let slice = |row: &[Vec<Inline>], from: usize| -> Vec<Vec<Inline>> {
                row.iter().skip(from).take(per_group).cloned().collect()
            };
            for from in (0..ncols).step_by(per_group) {
                let h = slice(header, from);
                let r: Vec<Vec<Vec<Inline>>> = rows.iter().map(|row| slice(row, from)).collect();
                self.table_group(&h, &r, x, width, ncols.min(from + per_group) - from);
            }
        } else {
            self.table_group(header, rows, x, width, ncols);
        }
    }

    fn column_widths(
        &mut self,
        header: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        width: f32,
        ncols: usize,
    ) -> Vec<f32> {
        // Column widths follow the natural width of their content, within bounds.
        let mut natural = vec![0.0f32; ncols];
        // The widest word of a column: narrower than that, a word would be split.
        let mut min = vec![0.0f32; ncols];
        // The widest hyphenation fragment (with its hyphen): narrower than that, a
        // word would be split without a hyphen.
        let mut min_fragment = vec![0.0f32; ncols];
        let pad = 2.0 * CELL_PAD + 1.0;
        let all_rows = std::iter::once((header, Face::Bold))
            .chain(rows.iter().map(|r| (r.as_slice(), Face::Regular)));
        for (row, base) in all_rows {
            for (c, cell) in row.iter().enumerate().take(ncols) {
                for i in cell {
                    // The header is set in bold whatever its inlines say.
                    let m = self.fonts.face(face_for(&i.style, base));
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
                            .face(face_for(&i.style, base))
                            .text_width(&i.text, TABLE_SIZE)
                    })
                    .sum::<f32>()
                    + pad;
                natural[c] = natural[c].max(w);
            }
        }
        // Whole words when they all fit side by side, else hyphenation fragments.
        if min.iter().sum::<f32>() > width {
            min = min_fragment;
        }
        // Every column keeps at least the narrowest width (an empty one shrinks to it).
        for c in 0..ncols {
            min[c] = min[c].max(MIN_COLUMN);
            natural[c] = natural[c].max(min[c]);
        }
        let total: f32 = natural.iter().sum();
        if total <= width {
            let spare = (width - total) / ncols as f32;
            return natural.iter().map(|w| w + spare).collect();
        }
        // Like a browser's automatic table layout: every column gets its widest word
        // (so no word breaks without a hyphen while another column has room); the rest
        // is shared by how much more each column would like.
        let min_sum: f32 = min.iter().sum();
        if min_sum >= width {
            // Not even the widest words fit: every column keeps the narrowest width and
            // the rest is shared by how much wider each would like to be.
            let floor_sum = MIN_COLUMN * ncols as f32;
            let spare = (width - floor_sum).max(0.0);
            let want_sum = (min_sum - floor_sum).max(1e-3);
            return min
                .iter()
                .map(|m| MIN_COLUMN.min(width / ncols as f32) + spare * (m - MIN_COLUMN) / want_sum)
                .collect();
        }
        // A column whose whole text fits in a fair share of the width gets it, so a
        // short name ("Dr. Mira Muster") does not wrap beside a long note; the rest is
        // shared by the others (repeated: what a column leaves raises the fair share).
        let mut whole = vec![false; ncols];
        loop {
            let taken: f32 = (0..ncols).filter(|&c| whole[c]).map(|c| natural[c]).sum();
            let open: Vec<usize> = (0..ncols).filter(|&c| !whole[c]).collect();
            if open.is_empty() {
                break;
            }
            let open_min: f32 = open.iter().map(|&c| min[c]).sum();
            let fair = (width - taken) / open.len() as f32;
            let fits: Vec<usize> = open
                .iter()
                .copied()
                .filter(|&c| natural[c] <= fair && width - taken - natural[c] >= open_min - min[c])
                .collect();
            if fits.is_empty() {
                break;
            }
            for c in fits {
                whole[c] = true;
            }
        }
        let taken: f32 = (0..ncols).filter(|&c| whole[c]).map(|c| natural[c]).sum();
        let open_min: f32 = (0..ncols).filter(|&c| !whole[c]).map(|c| min[c]).sum();
        let spare = width - taken - open_min;
        let want: Vec<f32> = (0..ncols)
            .map(|c| {
                if whole[c] {
                    0.0
                } else {
                    (natural[c] - min[c]).max(0.0)
                }
            })
            .collect();
        let want_sum: f32 = want.iter().sum::<f32>().max(1.0);
        (0..ncols)
            .map(|c| {
                if whole[c] {
                    natural[c]
                } else {
                    min[c] + spare.max(0.0) * want[c] / want_sum
                }
            })
            .collect()
    }

    fn table_group(
        &mut self,
        header: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        x: f32,
        width: f32,
        ncols: usize,
    ) {
        let mut widths = self.column_widths(header, rows, width, ncols);
        // Minimum column widths can add up to more than a deeply indented table has
        // (found by the layout proptest): the columns then share the width there is, and
        // their text breaks narrower, rather than the table running past the margin.
        let total: f32 = widths.iter().sum();
        if total > width && total > 0.0 {
            for w in &mut widths {
                *w *= width / total;
            }
        }
        let sb = self.gap(PARA_GAP + 2.0);
        self.begin(Role::Table);
        // A header row taller than a quarter of the page is not repeated (the repeats
        // would crowd out the body); it is then split like a body row.
        let max_header = (self.text_height * 0.25).max(TABLE_LEADING * 2.0);
        let mut header_idx = None;
        let mut first = true;
        if !header.is_empty() {
            let bands = self.table_row(header, &widths, x, true);
            let tall = bands.iter().map(|b| b.height).sum::<f32>() > max_header;
            let n = bands.len();
            let mut repeat = Chunk::default();
            if !tall {
                // The repeated copy is the whole header as one chunk.
                let mut y = 0.0;
                for b in &bands {
                    repeat.items.extend(b.items.iter().map(|i| shift(i, y)));
                    y += b.height;
                }
                repeat.height = y;
                self.headers.push(repeat);
            }
            for (k, mut band) in bands.into_iter().enumerate() {
                if first {
                    band.space_before = sb;
                    first = false;
                }
                // The header stays with the first body row.
                band.keep_with_next = !tall || band.keep_with_next || k + 1 == n;
                self.push(band);
            }
            if !tall {
                header_idx = Some(self.headers.len() - 1);
            }
        }
        for row in rows {
            for mut band in self.table_row(row, &widths, x, false) {
                band.header = header_idx;
                if first {
                    band.space_before = sb;
                    first = false;
                }
                self.push(band);
            }
        }
        self.end();
        self.after_heading = false;
    }

    /// One table row as chunks: a single chunk, or for a row of more than
    /// [`SPLIT_LINES`] lines one chunk per line band (line k of every cell), so the row
    /// can break across pages between lines, keeping two lines on each side.
    pub(super) fn table_row(
        &mut self,
        row: &[Vec<Inline>],
        widths: &[f32],
        x: f32,
        is_header: bool,
    ) -> Vec<Chunk> {
        let style = ParaStyle {
            size: TABLE_SIZE,
            leading: TABLE_LEADING,
            face: if is_header { Face::Bold } else { Face::Regular },
            hyphenate: true,
            justify: false,
            color: Color::TEXT,
        };
        let baseline = (TABLE_LEADING + TABLE_SIZE * 0.72) / 2.0;
        // Items of each cell's lines, y relative to the line's top.
        let mut cells: Vec<Vec<Vec<Item>>> = Vec::new();
        let mut cx = x;
        self.begin(Role::TR);
        for (c, w) in widths.iter().enumerate() {
            let mut lines = Vec::new();
            if let Some(cell) = row.get(c) {
                self.begin(if is_header { Role::TH } else { Role::TD });
                let prepared = Prepared::new(self, cell, style.face, style.size);
                let inner = (w - 2.0 * CELL_PAD).max(1.0);
                let spans = prepared.break_lines(self, inner, inner, true, false);
                for line in &spans {
                    lines.push(prepared.line_items(
                        self,
                        line,
                        cx + CELL_PAD,
                        baseline,
                        inner,
                        false,
                        style.color,
                    ));
                }
                self.end();
            }
            cells.push(lines);
            cx += w;
        }
        self.end();
        let n = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let total: f32 = widths.iter().sum();
        let bottom_rule = |height: f32| Item::Line {
            x1: x,
            y1: height,
            x2: x + total,
            y2: height,
            width: if is_header { 0.8 } else { 0.4 },
            color: Color::RULE,
        };
        let header_top = |height: f32| {
            vec![
                Item::Fill {
                    x,
                    y: 0.0,
                    w: total,
                    h: height,
                    color: Color::HEADER_FILL,
                },
                Item::Line {
                    x1: x,
                    y1: 0.0,
                    x2: x + total,
                    y2: 0.0,
                    width: 0.8,
                    color: Color::RULE,
                },
            ]
        };
        if n <= SPLIT_LINES {
            let height = n as f32 * TABLE_LEADING + 2.0 * CELL_PAD;
            let mut all = Vec::new();
            if is_header {
                all.extend(header_top(height));
            }
            all.push(bottom_rule(height));
            // Cell by cell, so the reading order is that of the cells.
            for lines in &cells {
                for (i, line) in lines.iter().enumerate() {
                    let dy = CELL_PAD + i as f32 * TABLE_LEADING;
                    all.extend(line.iter().map(|item| shift(item, dy)));
                }
            }
            return vec![Chunk {
                height,
                items: all,
                ..Chunk::default()
            }];
        }
        self.rows_split += 1;
        let row_id = self.rows_split;
        (0..n)
            .map(|i| {
                let top = if i == 0 { CELL_PAD } else { 0.0 };
                let height = TABLE_LEADING + top + if i + 1 == n { CELL_PAD } else { 0.0 };
                let mut items = Vec::new();
                let mut cells_of = Vec::new();
                if is_header {
                    items.push(Item::Fill {
                        x,
                        y: 0.0,
                        w: total,
                        h: height,
                        color: Color::HEADER_FILL,
                    });
                    if i == 0 {
                        items.extend(header_top(height).into_iter().skip(1));
                    }
                }
                if i + 1 == n {
                    items.push(bottom_rule(height));
                }
                cells_of.resize(items.len(), usize::MAX);
                for (c, lines) in cells.iter().enumerate() {
                    if let Some(line) = lines.get(i) {
                        items.extend(line.iter().map(|item| shift(item, top)));
                        cells_of.resize(items.len(), c);
                    }
                }
                Chunk {
                    height,
                    // Two lines at least on either side of a page break.
                    keep_with_next: i == 0 || i + 2 == n,
                    items,
                    row: Some((row_id, cells_of)),
                    ..Chunk::default()
                }
            })
            .collect()
    }
}
