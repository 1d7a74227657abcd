//! Block layout: headings, paragraphs, lists and the table of contents as chunks of the vertical flow.

use super::paragraph::Prepared;
use super::*;
use crate::export::blocks::Inline;

/// Options for laying out a paragraph.
#[derive(Clone, Copy)]
pub(super) struct ParaStyle {
    pub(super) size: f32,
    pub(super) leading: f32,
    pub(super) face: Face,
    pub(super) justify: bool,
    /// Headings and titles are not hyphenated.
    pub(super) hyphenate: bool,
    pub(super) color: Color,
}

impl Ctx<'_> {
    /// Lays out a paragraph as line chunks with widow/orphan control. Returns the chunk
    /// indices.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn paragraph(
        &mut self,
        inlines: &[Inline],
        x: f32,
        width: f32,
        style: &ParaStyle,
        space_before: f32,
        hang: Option<(f32, Vec<Item>)>,
    ) -> std::ops::Range<usize> {
        let prepared = Prepared::new(self, inlines, style.face, style.size);
        let lines = prepared.break_lines(self, width, width, style.hyphenate, style.justify);
        let first = self.chunks.len();
        let n = lines.len();
        let baseline = (style.leading + style.size * 0.72) / 2.0;
        let mut hang = hang;
        for (i, line) in lines.iter().enumerate() {
            let mut items =
                prepared.line_items(self, line, x, baseline, width, style.justify, style.color);
            if i == 0
                && let Some((_, marker)) = hang.take()
            {
                // The marker (a heading's number, a list label) comes first in the
                // content, so it is read before the text it belongs to.
                items.splice(0..0, marker);
            }
            // No orphans (a lone first line at a page's foot) and no widows (a lone last
            // line at a page's head): never break after the first or before the last line.
            // Nor does a page end in a hyphenated word: its end would be a page away.
            let keep = n >= 2 && (i == 0 || i + 2 == n || line.hyphen);
            self.push(Chunk {
                height: style.leading,
                space_before: if i == 0 { space_before } else { 0.0 },
                keep_with_next: keep,
                items,
                ..Chunk::default()
            });
        }
        if n == 0
            && let Some((_, marker)) = hang.take()
        {
            {
                self.push(Chunk {
                    height: style.leading,
                    space_before,
                    items: marker,
                    ..Chunk::default()
                });
            }
        }
        first..self.chunks.len()
    }

    pub(super) fn gap(&mut self, normal: f32) -> f32 {
        if std::mem::take(&mut self.after_heading) {
            2.0
        } else {
            normal
        }
    }

    pub(super) fn blocks(&mut self, blocks: &[Block], x: f32, width: f32, list_depth: usize) {
        for block in blocks {
            self.block(block, x, width, list_depth);
        }
    }

    pub(super) fn block(&mut self, block: &Block, x: f32, width: f32, list_depth: usize) {
        match block {
            Block::Title(text) => {
                let style = ParaStyle {
                    size: 19.0,
                    leading: 24.0,
                    face: Face::Bold,
                    hyphenate: false,
                    justify: false,
                    color: Color::TEXT,
                };
                self.begin_heading(1);
                let r = self.paragraph(&[Inline::plain(text.clone())], x, width, &style, 0.0, None);
                self.end();
                for i in r.clone() {
                    self.chunks[i].keep_with_next = true;
                }
                if let Some(last) = r.last() {
                    self.chunks[last].height += 6.0;
                }
                self.after_heading = false;
            }
            Block::Heading {
                level,
                number,
                text,
                outline,
            } => self.heading(*level, number, text, *outline, x, width),
            Block::Paragraph(inlines) => {
                let sb = self.gap(PARA_GAP);
                let style = ParaStyle {
                    size: BODY_SIZE,
                    leading: BODY_LEADING,
                    face: Face::Regular,
                    hyphenate: true,
                    justify: true,
                    color: Color::TEXT,
                };
                self.begin(Role::P);
                self.paragraph(inlines, x, width, &style, sb, None);
                self.end();
            }
            Block::Small(inlines) => {
                let sb = self.gap(4.0);
                let style = ParaStyle {
                    size: SMALL_SIZE,
                    leading: SMALL_LEADING,
                    face: Face::Regular,
                    hyphenate: true,
                    justify: false,
                    color: Color::TEXT,
                };
                self.begin(Role::P);
                self.paragraph(inlines, x, width, &style, sb, None);
                self.end();
            }
            Block::Code(code) => self.code_block(code, x, width),
            Block::Quote(inner) => self.quote(inner, x, width, list_depth),
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items, x, width, list_depth),
            Block::Table { header, rows } => self.table(header, rows, x, width),
            Block::Toc { title } => self.toc(title, x, width),
            Block::Spacer(h) => {
                self.push(Chunk {
                    height: 0.0,
                    space_before: *h,
                    ..Chunk::default()
                });
            }
            Block::Rule => {
                let sb = self.gap(8.0);
                self.push(Chunk {
                    height: 8.0,
                    space_before: sb,
                    items: vec![Item::Line {
                        x1: x,
                        y1: 0.5,
                        x2: x + width,
                        y2: 0.5,
                        width: 0.6,
                        color: Color::RULE,
                    }],
                    ..Chunk::default()
                });
            }
        }
    }

    /// A code block: its lines as written, in the monospaced face on a light ground.
    fn code_block(&mut self, code: &str, x: f32, width: f32) {
        let sb = self.gap(PARA_GAP);
        // Indentation is meaning in code: leading spaces become no-break spaces, which
        // the line breaker neither drops at a line start nor breaks at; an empty line
        // keeps its height the same way. Inner spaces stay breakable so that a line
        // longer than the measure wraps instead of running off the page.
        let text = code
            .lines()
            .map(|line| {
                let line = line.replace('\t', "    ");
                let body = line.trim_start_matches(' ');
                let lead = line.len() - body.len();
                let mut out: String = "\u{00A0}".repeat(lead);
                out.push_str(body);
                if out.is_empty() {
                    out.push('\u{00A0}');
                }
                out
            })
            .collect::<Vec<_>>()
            .join("\n");
        let inline = Inline {
            text,
            style: crate::export::blocks::InlineStyle {
                code: true,
                ..Default::default()
            },
        };
        let style = ParaStyle {
            size: CODE_SIZE,
            leading: CODE_LEADING,
            face: Face::Mono,
            hyphenate: false,
            justify: false,
            color: Color::TEXT,
        };
        self.begin(Role::P);
        let lines = self.paragraph(
            &[inline],
            x + CODE_PAD,
            width - 2.0 * CODE_PAD,
            &style,
            sb,
            None,
        );
        self.end();
        let (first, last) = (lines.start, lines.end.saturating_sub(1));
        for i in lines {
            // The ground runs through the block; the first and last lines get a little
            // room above and below so the text does not touch its edge.
            let top = if i == first { -2.0 } else { 0.0 };
            let bottom = if i == last { 2.0 } else { 0.0 };
            let h = self.chunks[i].height;
            self.chunks[i].items.insert(
                0,
                Item::Fill {
                    x,
                    y: top,
                    w: width,
                    h: h - top + bottom,
                    color: Color::HEADER_FILL,
                },
            );
        }
    }

    /// A block quote: its blocks indented, with a rule down the left side of every line.
    fn quote(&mut self, inner: &[Block], x: f32, width: f32, list_depth: usize) {
        // Nested quotes stop indenting while a line still holds a few words.
        let indent = QUOTE_INDENT.min((width - 120.0).max(0.0));
        self.begin(Role::BlockQuote);
        let first = self.chunks.len();
        self.blocks(inner, x + indent, width - indent, list_depth);
        self.end();
        for i in first..self.chunks.len() {
            let chunk = &mut self.chunks[i];
            // Within the quote the rule also spans the gaps between its paragraphs.
            let top = if i == first { 0.0 } else { -chunk.space_before };
            chunk.items.push(Item::Line {
                x1: x + 2.0,
                y1: top,
                x2: x + 2.0,
                y2: chunk.height,
                width: 2.0,
                color: Color::RULE,
            });
        }
    }

    pub(super) fn heading(
        &mut self,
        level: u8,
        number: &str,
        text: &str,
        outline: bool,
        x: f32,
        width: f32,
    ) {
        let (size, leading, space_before) = heading_metrics(level);
        let mut number = self.clean(number, Face::Bold);
        let mut num_w = if number.is_empty() {
            0.0
        } else {
            self.fonts.face(Face::Bold).text_width(&number, size) + size * 0.3
        };
        // A number too wide to hang before the text is set as the text's first word, so
        // it breaks like text instead of running off the page.
        let mut shown = text.to_owned();
        if num_w > width * 0.4 {
            shown = format!("{number} {text}");
            number.clear();
            num_w = 0.0;
        }
        let style = ParaStyle {
            size,
            leading,
            face: Face::Bold,
            hyphenate: false,
            justify: false,
            color: Color::TEXT,
        };
        let baseline = (leading + size * 0.72) / 2.0;
        // The number is inside its heading's element: "1. Pseudonymisierung" is read as one.
        self.begin_heading(level);
        let mark = self.mark();
        let marker = (!number.is_empty()).then(|| {
            (
                num_w,
                vec![Item::Text(TextRun {
                    x,
                    baseline,
                    face: Face::Bold,
                    size,
                    width: self.fonts.face(Face::Bold).text_width(&number, size),
                    text: number.clone(),
                    space_extra: 0.0,
                    color: Color::TEXT,
                    mark,
                    hyphen: false,
                })],
            )
        });
        // A heading directly after a heading keeps its own space.
        self.after_heading = false;
        let r = self.paragraph(
            &[Inline::plain(shown.as_str())],
            x + num_w,
            width - num_w,
            &style,
            space_before,
            marker,
        );
        self.end();
        for i in r.clone() {
            self.chunks[i].keep_with_next = true;
        }
        if let Some(last) = r.clone().last() {
            self.chunks[last].height += 2.0;
        }
        if outline {
            let title = if number.is_empty() {
                shown.clone()
            } else {
                format!("{number} {text}")
            };
            // A heading that sets no line (blank text) gets neither a bookmark nor a TOC
            // line: the TOC's links index the bookmarks, so the two must stay in step.
            if let Some(first) = r.clone().next() {
                self.chunks[first].outline = Some((level, title));
                self.toc_entries.push((level, number, shown));
            }
        }
        self.after_heading = true;
    }

    pub(super) fn list(
        &mut self,
        ordered: bool,
        start: u64,
        items: &[Vec<Block>],
        x: f32,
        width: f32,
        depth: usize,
    ) {
        let first_chunk = self.chunks.len();
        self.begin(Role::L);
        let last_number = start.saturating_add(items.len() as u64);
        let indent = if ordered {
            let widest = format!("{last_number}.");
            (self
                .fonts
                .face(Face::Regular)
                .text_width(&widest, BODY_SIZE)
                + 6.0)
                .max(LIST_INDENT)
        } else {
            LIST_INDENT
        };
        // Deeply nested lists stop indenting while a line still holds a few words, so
        // the text never runs past the right margin.
        let indent = indent.min((width - 120.0).max(0.0));
        for (k, item) in items.iter().enumerate() {
            let marker_text = if ordered {
                format!("{}.", start.saturating_add(k as u64))
            } else if depth == 0 {
                "•".to_owned()
            } else {
                "–".to_owned()
            };
            let marker_text = self.clean(&marker_text, Face::Regular);
            let mw = self
                .fonts
                .face(Face::Regular)
                .text_width(&marker_text, BODY_SIZE);
            let mx = if ordered {
                x + indent - 5.0 - mw
            } else {
                x + 4.0
            };
            let sb = if k == 0 { self.gap(PARA_GAP) } else { 3.0 };
            let before = self.chunks.len();
            // L > LI > Lbl + LBody, so every label is read before its item.
            self.begin(Role::LI);
            let label = Mark::Element(self.begin(Role::Lbl));
            self.end();
            self.begin(Role::LBody);
            // The first block of the item carries the marker on its first line.
            let mut rest: &[Block] = item;
            if let Some(Block::Paragraph(inl)) = item.first() {
                let style = ParaStyle {
                    size: BODY_SIZE,
                    leading: BODY_LEADING,
                    face: Face::Regular,
                    hyphenate: true,
                    justify: false,
                    color: Color::TEXT,
                };
                let baseline = (BODY_LEADING + BODY_SIZE * 0.72) / 2.0;
                let marker = vec![Item::Text(TextRun {
                    x: mx,
                    baseline,
                    face: Face::Regular,
                    size: BODY_SIZE,
                    width: mw,
                    text: marker_text.clone(),
                    space_extra: 0.0,
                    color: Color::TEXT,
                    mark: label,
                    hyphen: false,
                })];
                self.begin(Role::P);
                self.paragraph(
                    inl,
                    x + indent,
                    width - indent,
                    &style,
                    sb,
                    Some((0.0, marker)),
                );
                self.end();
                rest = &item[1..];
            }
            for b in rest {
                self.after_heading = false;
                match b {
                    Block::Paragraph(inl) => {
                        let style = ParaStyle {
                            size: BODY_SIZE,
                            leading: BODY_LEADING,
                            face: Face::Regular,
                            hyphenate: true,
                            justify: false,
                            color: Color::TEXT,
                        };
                        self.begin(Role::P);
                        self.paragraph(inl, x + indent, width - indent, &style, 3.0, None);
                        self.end();
                    }
                    Block::List { .. } => {
                        // Nested lists sit close to their parent item.
                        self.after_heading = true;
                        self.block(b, x + indent, width - indent, depth + 1);
                    }
                    other => self.block(other, x + indent, width - indent, depth + 1),
                }
            }
            if self.chunks.len() == before {
                // An empty item still shows its marker.
                let baseline = (BODY_LEADING + BODY_SIZE * 0.72) / 2.0;
                self.push(Chunk {
                    height: BODY_LEADING,
                    space_before: sb,
                    items: vec![Item::Text(TextRun {
                        x: mx,
                        baseline,
                        face: Face::Regular,
                        size: BODY_SIZE,
                        width: mw,
                        text: marker_text,
                        space_extra: 0.0,
                        color: Color::TEXT,
                        mark: label,
                        hyphen: false,
                    })],
                    ..Chunk::default()
                });
            }
            self.end(); // LBody
            self.end(); // LI
        }
        self.end(); // L
        // A two-item list stays together; a longer one keeps two items at each break.
        let n = self.chunks.len() - first_chunk;
        if n >= 2 {
            self.chunks[first_chunk].keep_with_next = true;
            self.chunks[first_chunk + n - 2].keep_with_next = true;
        }
        self.after_heading = false;
    }

    pub(super) fn toc(&mut self, title: &str, x: f32, width: f32) {
        self.heading(1, "", title, false, x, width);
        let entries = self.pending_toc.clone();
        self.begin(Role::Toc);
        let style = ParaStyle {
            size: SMALL_SIZE + 0.5,
            leading: SMALL_LEADING + 1.0,
            face: Face::Regular,
            hyphenate: false,
            justify: false,
            color: Color::TEXT,
        };
        for (k, (level, number, text)) in entries.iter().enumerate() {
            let indent = if *level <= 1 {
                0.0
            } else {
                22.0 * f32::from(level - 1)
            };
            let face = if *level <= 1 {
                Face::Bold
            } else {
                Face::Regular
            };
            let style = ParaStyle { face, ..style };
            let num_w = 24.0;
            let page = self
                .toc_pages
                .as_ref()
                .and_then(|p| p.get(k))
                .map(|p| (p + 1).to_string())
                .unwrap_or_else(|| "0".to_owned());
            let baseline = (style.leading + style.size * 0.72) / 2.0;
            let num_text = self.clean(number, face);
            // TOC > TOCI > Link: the whole line (number, text, page) is one link.
            self.begin(Role::TocItem);
            self.begin(Role::Link);
            let mark = self.mark();
            let marker = vec![Item::Text(TextRun {
                x: x + indent,
                baseline,
                face,
                size: style.size,
                width: self.fonts.face(face).text_width(&num_text, style.size),
                text: num_text,
                space_extra: 0.0,
                color: Color::TEXT,
                mark,
                hyphen: false,
            })];
            let sb = if *level <= 1 { 4.0 } else { 1.0 };
            let text_x = x + indent + num_w;
            let text_w = width - indent - num_w - TOC_PAGE_COL;
            let r = self.paragraph(
                &[Inline::plain(text.clone())],
                text_x,
                text_w,
                &style,
                sb,
                Some((0.0, marker)),
            );
            let pw = self.fonts.face(face).text_width(&page, style.size);
            // The whole line is a link to its heading, as in a word processor's TOC.
            for line in r.clone() {
                let height = self.chunks[line].height;
                self.chunks[line].items.push(Item::Link {
                    x,
                    y: 0.0,
                    w: width,
                    h: height,
                    target: LinkTarget::Heading(k),
                    mark,
                });
            }
            if let Some(last) = r.clone().last() {
                // Dot leaders from the end of the text to the page number.
                let end = self.chunks[last]
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text(t) if t.x >= text_x => Some(t.x + t.width),
                        _ => None,
                    })
                    .fold(text_x, f32::max);
                let dot_w = self.fonts.face(Face::Regular).text_width(". ", style.size);
                let lead_start = end + 4.0;
                let lead_end = x + width - pw - 4.0;
                if dot_w > 0.0 && lead_end > lead_start {
                    let n = ((lead_end - lead_start) / dot_w).floor() as usize;
                    if n > 0 {
                        let dots = ". ".repeat(n);
                        let dots = dots.trim_end().to_owned();
                        let w = self.fonts.face(Face::Regular).text_width(&dots, style.size);
                        self.chunks[last].items.push(Item::Text(TextRun {
                            x: lead_end - w,
                            baseline,
                            face: Face::Regular,
                            size: style.size,
                            text: dots,
                            width: w,
                            space_extra: 0.0,
                            color: Color::MUTED,
                            // Dot leaders are decoration.
                            mark: Mark::Artifact,
                            hyphen: false,
                        }));
                    }
                }
                self.chunks[last].items.push(Item::Text(TextRun {
                    x: x + width - pw,
                    baseline,
                    face,
                    size: style.size,
                    text: page,
                    width: pw,
                    space_extra: 0.0,
                    color: Color::TEXT,
                    mark,
                    hyphen: false,
                }));
            }
            self.end(); // Link
            self.end(); // TOCI
        }
        self.end(); // TOC
        self.after_heading = false;
    }
}
