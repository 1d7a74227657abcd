//! Pagination (keep-with-next, repeated table headers) and the furniture printed on every page.

use super::*;

/// Decides which chunks go on which page. Returns, per page, the placed chunks as
/// (chunk or header copy, y of its top).
pub(super) fn paginate(
    chunks: &[Chunk],
    headers: &[Chunk],
    setup: &PageSetup,
) -> Vec<Vec<(Placed, f32)>> {
    let top = setup.margin_top;
    let bottom = setup.text_bottom();
    let mut pages = Vec::new();
    let mut i = 0;
    while i < chunks.len() {
        let mut page: Vec<(Placed, f32)> = Vec::new();
        let mut y = top;
        let page_start = i;
        // A table row that opens a page gets its header again.
        if let Some(h) = chunks[i]
            .header
            .and_then(|h| headers.get(h).map(|c| (h, c)))
        {
            page.push((Placed::Header(h.0), y));
            y += h.1.height;
        }
        while i < chunks.len() {
            let c = &chunks[i];
            let sb = if i == page_start { 0.0 } else { c.space_before };
            if y + sb + c.height > bottom + 0.01 && i > page_start {
                // Break after the last chunk that allows it.
                let k = (page_start..i).rev().find(|&k| !chunks[k].keep_with_next);
                if let Some(k) = k {
                    page.retain(|(p, _)| match p {
                        Placed::Chunk(ci) => *ci <= k,
                        Placed::Header(_) => true,
                    });
                    i = k + 1;
                }
                break;
            }
            page.push((Placed::Chunk(i), y + sb));
            y += sb + c.height;
            i += 1;
        }
        pages.push(page);
    }
    if pages.is_empty() {
        pages.push(Vec::new());
    }
    pages
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Placed {
    Chunk(usize),
    Header(usize),
}

pub(super) fn shift(item: &Item, dy: f32) -> Item {
    let mut item = item.clone();
    match &mut item {
        Item::Text(t) => t.baseline += dy,
        Item::Line { y1, y2, .. } => {
            *y1 += dy;
            *y2 += dy;
        }
        Item::Fill { y, .. } | Item::Link { y, .. } => *y += dy,
    }
    item
}

/// Shortens `text` with an ellipsis until it fits `width`.
pub(super) fn fit(fonts: &Fonts, face: Face, text: &str, size: f32, width: f32) -> String {
    let m = fonts.face(face);
    if m.text_width(text, size) <= width {
        return text.to_owned();
    }
    // The longest prefix that, without trailing spaces and with "…", fits. One pass with
    // running widths: re-measuring every shorter prefix was quadratic, and a footer with
    // a name of thousands of characters took minutes.
    let ellipsis = m.width_em('…');
    let mut acc = 0.0;
    let mut best = None;
    for (i, c) in text.char_indices() {
        acc += m.width_em(c);
        if (acc + ellipsis) * size > width {
            break;
        }
        if !c.is_whitespace() {
            best = Some(i + c.len_utf8());
        }
    }
    match best {
        Some(end) => format!("{}…", &text[..end]),
        None if ellipsis * size <= width => "…".to_owned(),
        None => String::new(),
    }
}

pub(super) fn run(
    fonts: &Fonts,
    face: Face,
    text: &str,
    size: f32,
    x: f32,
    baseline: f32,
    color: Color,
) -> Item {
    Item::Text(TextRun {
        x,
        baseline,
        face,
        size,
        width: fonts.face(face).text_width(text, size),
        text: text.to_owned(),
        space_extra: 0.0,
        color,
        // Everything `run` makes is page furniture (footer lines, page numbers, the
        // draft mark): not read as content.
        mark: Mark::Pagination,
        hyphen: false,
    })
}

pub(super) fn furniture_items(
    ctx: &mut Ctx<'_>,
    furniture: &Furniture,
    setup: &PageSetup,
    page: usize,
    total: usize,
) -> Vec<Item> {
    let fonts = ctx.fonts;
    let x0 = setup.margin_left;
    let x1 = setup.width - setup.margin_right;
    let half = setup.text_width() * 0.62;
    let rule_y = setup.text_bottom() + 16.0;
    let b1 = rule_y + 12.0;
    let b2 = b1 + 10.0;
    let mut items = vec![Item::Line {
        x1: x0,
        y1: rule_y,
        x2: x1,
        y2: rule_y,
        width: 0.5,
        color: Color::RULE,
    }];
    let page_label = i18n().tr_args(
        ctx.lang,
        "export-page-of",
        &[
            (
                "page",
                fluent_bundle::FluentValue::from(page.to_string().as_str()),
            ),
            (
                "total",
                fluent_bundle::FluentValue::from(total.to_string().as_str()),
            ),
        ],
    );
    let left = ctx.clean(&furniture.footer_left, Face::Regular);
    let version = ctx.clean(&furniture.footer_version, Face::Regular);
    let print = ctx.clean(&furniture.fingerprint, Face::Regular);
    let left = fit(fonts, Face::Regular, &left, FOOTER_SIZE, half);
    let version = fit(fonts, Face::Regular, &version, FOOTER_SIZE, half);
    items.push(run(
        fonts,
        Face::Regular,
        &left,
        FOOTER_SIZE,
        x0,
        b1,
        Color::MUTED,
    ));
    let pw = fonts
        .face(Face::Regular)
        .text_width(&page_label, FOOTER_SIZE);
    items.push(run(
        fonts,
        Face::Regular,
        &page_label,
        FOOTER_SIZE,
        x1 - pw,
        b1,
        Color::MUTED,
    ));
    items.push(run(
        fonts,
        Face::Regular,
        &version,
        FOOTER_SIZE,
        x0,
        b2,
        Color::MUTED,
    ));
    if !print.is_empty() {
        let fw = fonts.face(Face::Regular).text_width(&print, FOOTER_SIZE);
        items.push(run(
            fonts,
            Face::Regular,
            &print,
            FOOTER_SIZE,
            x1 - fw,
            b2,
            Color::MUTED,
        ));
    }
    if let Some(mark) = &furniture.draft_mark {
        let mark = ctx.clean(mark, Face::Bold);
        let size = 10.0;
        let w = fonts.face(Face::Bold).text_width(&mark, size);
        let y = setup.margin_top - 26.0;
        items.push(Item::Fill {
            x: x1 - w - 8.0,
            y: y - size - 3.0,
            w: w + 8.0,
            h: size + 8.0,
            color: Color(0.99, 0.92, 0.92),
        });
        items.push(run(
            fonts,
            Face::Bold,
            &mark,
            size,
            x1 - w - 4.0,
            y,
            Color::DRAFT,
        ));
    }
    items
}
