//! HTML reader: a TOM page (website, trust center) into the structured readers' common
//! blocks ([`Flowed`]), with html5ever's parser (through scraper's tree).
//!
//! Only the main content is read (`<main>`, else `<article>`, else the body without
//! `nav`, `header`, `footer`, `aside`); scripts, styles, hidden parts, breadcrumbs and
//! tables of contents never become text. The walk over the tree is iterative, so a deeply
//! nested page cannot exhaust the stack.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::ImportError;
use super::flow::{Flow, Flowed, ImportWarning, Run, append_to_cell, collapse_spaces, image_spots};

/// True when the bytes are an HTML page rather than Markdown (which may contain some HTML).
pub fn sniff(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head: Vec<u8> = bytes[start..bytes.len().min(start + 1024)].to_ascii_lowercase();
    let starts = |p: &[u8]| head.starts_with(p);
    let contains = |p: &[u8]| head.windows(p.len()).any(|w| w == p);
    starts(b"<!doctype html")
        || starts(b"<html")
        || (starts(b"<") && (contains(b"<html") || contains(b"<head") || contains(b"<body")))
}

/// The charset the page declares in its first 1024 bytes (`<meta charset>` or
/// `http-equiv` content), if any.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = head[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

/// Decodes the page: a BOM first, then the declared charset, else UTF-8; bytes that are
/// not valid in that encoding become U+FFFD and a warning.
fn decode(bytes: &[u8]) -> (String, Option<ImportWarning>) {
    let encoding = declared_charset(bytes).unwrap_or(encoding_rs::UTF_8);
    let (text, used, errors) = encoding.decode(bytes);
    let warning = errors.then(|| ImportWarning::InvalidEncoding(used.name().to_owned()));
    (text.into_owned(), warning)
}

/// The deepest element nesting a page may have: html5ever's tree builder checks scopes
/// along the stack of open elements, so its time grows with the square of the depth; real
/// pages stay far below a few hundred.
pub const MAX_DEPTH: usize = 4096;

/// The page's element nesting depth, estimated from its tags: elements whose end tag is
/// optional or that have none are not counted, so unclosed paragraphs and list items do
/// not add up.
fn nesting_depth(text: &str) -> usize {
    const UNCOUNTED: &[&str] = &[
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
        "colgroup", "rb", "rt", "rp", "br", "img", "hr", "meta", "link", "input", "area", "base",
        "col", "embed", "param", "source", "track", "wbr", "html", "head", "body",
    ];
    let bytes = text.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        i += off + 1;
        let close = bytes.get(i) == Some(&b'/');
        let start = if close { i + 1 } else { i };
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if len == 0 || !bytes[start].is_ascii_alphabetic() {
            continue;
        }
        let name = text[start..start + len].to_ascii_lowercase();
        if UNCOUNTED.contains(&name.as_str()) {
            continue;
        }
        let end = memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e);
        if close {
            depth = depth.saturating_sub(1);
        } else if !(end > 0 && bytes.get(end - 1) == Some(&b'/')) {
            depth += 1;
            deepest = deepest.max(depth);
        }
        i = end.min(bytes.len());
    }
    deepest
}

/// Reads an HTML page.
pub fn read(bytes: &[u8]) -> Result<Flowed, ImportError> {
    let (text, warning) = decode(bytes);
    if nesting_depth(&text) > MAX_DEPTH {
        return Err(ImportError::Invalid(format!(
            "the page nests its elements more than {MAX_DEPTH} deep; this is not a document page"
        )));
    }
    let html = Html::parse_document(&text);
    let mut out = Flowed::default();
    if let Some(w) = warning {
        out.warnings.push(w);
    }
    let tree_root = html.tree.root();
    let find = |name: &str| {
        tree_root.descendants().find(|n| match n.value() {
            Node::Element(e) => {
                e.name() == name || (name == "main" && e.attr("role") == Some("main"))
            }
            _ => false,
        })
    };
    let (root, whole_body) = match find("main").or_else(|| find("article")) {
        Some(n) => (n, false),
        None => (find("body").unwrap_or(tree_root), true),
    };
    out.title = find("title").map(|t| {
        let text: String = t
            .descendants()
            .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
            .collect();
        // "TOM – Muster GmbH": the page title often ends with the site's name.
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        [" – ", " | ", " — ", " - "]
            .iter()
            .find_map(|sep| text.split_once(sep).map(|(a, _)| a.to_owned()))
            .unwrap_or(text)
    });
    let mut walker = Walker {
        whole_body,
        ..Walker::default()
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => walker.open(node),
            Edge::Close(node) => walker.close(node),
        }
    }
    walker.flush();
    if !walker.images.is_empty() {
        out.warnings.push(ImportWarning::Images(image_spots(
            &walker.out,
            &walker.images,
        )));
    }
    if walker.nested_tables > 0 {
        out.warnings
            .push(ImportWarning::NestedTables(walker.nested_tables));
    }
    out.blocks = walker.out;
    Ok(out)
}

/// Where inline text currently goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Para,
    Heading(u8),
    Item(usize, bool),
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<Vec<Run>>>,
    cell: Option<Vec<Run>>,
    colspan: usize,
    rowspan: usize,
    /// Per column: how many more rows a cell above still covers.
    covered: Vec<usize>,
}

impl Table {
    fn skip_covered(&mut self) {
        let Some(row) = self.rows.last_mut() else {
            return;
        };
        while let Some(n) = self.covered.get_mut(row.len())
            && *n > 0
        {
            *n -= 1;
            row.push(Vec::new());
        }
    }
}

#[derive(Default)]
struct Walker {
    whole_body: bool,
    out: Vec<Flow>,
    runs: Vec<Run>,
    ctx: Vec<Ctx>,
    lists: Vec<bool>,
    bold: usize,
    italic: usize,
    code: usize,
    links: Vec<Option<String>>,
    quote: usize,
    pre: usize,
    pre_text: String,
    /// The outermost table (nested tables become text in its cells).
    table: Option<Table>,
    table_depth: usize,
    skip: usize,
    /// The block index at which each image was found (see `flow::image_spots`).
    images: Vec<usize>,
    nested_tables: usize,
}

/// Elements that are never content.
fn invisible(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "svg"
            | "iframe"
            | "object"
            | "canvas"
            | "nav"
            | "aside"
            | "button"
            | "select"
            | "dialog"
    )
}

/// Site furniture by its class, id or role: breadcrumbs, tables of contents, menus.
fn furniture(e: &scraper::node::Element) -> bool {
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("style").is_some_and(|s| {
        s.replace(' ', "")
            .to_ascii_lowercase()
            .contains("display:none")
    }) {
        return true;
    }
    if matches!(
        e.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary" | "search")
    ) {
        return true;
    }
    let tokens = format!(
        "{} {}",
        e.attr("class").unwrap_or(""),
        e.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    tokens.split_whitespace().any(|t| {
        matches!(
            t,
            "breadcrumb"
                | "breadcrumbs"
                | "toc"
                | "table-of-contents"
                | "inhaltsverzeichnis"
                | "skip-link"
                | "cookie-banner"
                | "sidebar"
                | "navbar"
                | "menu"
        )
    })
}

/// A list whose every item is only a link to an anchor on the same page: a table of contents.
fn anchor_list(node: NodeRef<'_, Node>) -> bool {
    let mut items = 0;
    for li in node.children() {
        let Node::Element(e) = li.value() else {
            continue;
        };
        if e.name() != "li" {
            continue;
        }
        items += 1;
        let mut linked = 0usize;
        let mut loose = 0usize;
        for d in li.descendants() {
            if let Node::Text(t) = d.value()
                && !t.trim().is_empty()
            {
                let in_anchor = d.ancestors().any(|a| {
                    a.value().as_element().is_some_and(|e| {
                        e.name() == "a" && e.attr("href").is_some_and(|h| h.starts_with('#'))
                    })
                });
                if in_anchor {
                    linked += 1;
                } else {
                    loose += 1;
                }
            }
        }
        if linked == 0 || loose > 0 {
            return false;
        }
    }
    items > 0
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

fn block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "figure"
            | "figcaption"
            | "address"
            | "dl"
            | "dt"
            | "dd"
            | "details"
            | "summary"
            | "form"
            | "fieldset"
            | "legend"
            | "caption"
            | "body"
            | "center"
    )
}

impl Walker {
    fn inherit(&self) -> Ctx {
        match self.ctx.last() {
            Some(c @ (Ctx::Item(..) | Ctx::Heading(_))) => *c,
            _ => Ctx::Para,
        }
    }

    fn push(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let link = self.links.iter().rev().find_map(|l| l.clone());
        self.runs.push(Run {
            text: text.to_owned(),
            bold: self.bold > 0,
            italic: self.italic > 0,
            code: self.code > 0,
            link,
        });
    }

    /// Ends the current inline text: a heading, list item or paragraph (or cell text).
    fn flush(&mut self) {
        let runs = std::mem::take(&mut self.runs);
        if runs.iter().all(|r| r.text.trim().is_empty()) {
            return;
        }
        if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            append_to_cell(cell, Flow::Paragraph { runs, quote: false });
            return;
        }
        let flow = match self.ctx.last().copied().unwrap_or(Ctx::Para) {
            Ctx::Heading(level) => Flow::Heading {
                level,
                text: runs.iter().map(|r| r.text.as_str()).collect(),
            },
            Ctx::Item(level, ordered) => Flow::Item {
                level,
                ordered,
                runs,
            },
            Ctx::Para => Flow::Paragraph {
                runs,
                quote: self.quote > 0,
            },
        };
        self.out.push(flow);
    }

    fn open(&mut self, node: NodeRef<'_, Node>) {
        if self.skip > 0 {
            if node.value().is_element() {
                self.skip += 1;
            }
            return;
        }
        match node.value() {
            Node::Text(t) => {
                if self.pre > 0 {
                    self.pre_text.push_str(t);
                } else {
                    let text = collapse_spaces(t);
                    self.push(&text);
                }
            }
            Node::Element(e) => {
                let name = e.name();
                let page_furniture = self.whole_body && matches!(name, "header" | "footer");
                if invisible(name)
                    || page_furniture
                    || furniture(e)
                    || (matches!(name, "ul" | "ol") && anchor_list(node))
                {
                    self.skip = 1;
                    return;
                }
                if let Some(level) = heading_level(name) {
                    self.flush();
                    self.ctx.push(Ctx::Heading(level));
                    return;
                }
                match name {
                    "ul" | "ol" | "menu" => {
                        self.flush();
                        self.lists.push(name == "ol");
                    }
                    "li" => {
                        self.flush();
                        let level = self.lists.len().saturating_sub(1);
                        let ordered = self.lists.last().copied().unwrap_or(false);
                        self.ctx.push(Ctx::Item(level, ordered));
                    }
                    "table" => {
                        self.flush();
                        self.table_depth += 1;
                        if self.table_depth == 1 {
                            self.table = Some(Table::default());
                        } else {
                            self.nested_tables += 1;
                        }
                    }
                    "tr" if self.table_depth == 1 => {
                        self.flush();
                        if let Some(t) = self.table.as_mut() {
                            t.rows.push(Vec::new());
                        }
                    }
                    "td" | "th" if self.table_depth == 1 => {
                        self.flush();
                        let span = |a: &str| {
                            e.attr(a)
                                .and_then(|v| v.trim().parse::<usize>().ok())
                                .unwrap_or(1)
                                .clamp(1, 64)
                        };
                        if let Some(t) = self.table.as_mut() {
                            if t.rows.is_empty() {
                                t.rows.push(Vec::new());
                            }
                            t.skip_covered();
                            t.cell = Some(Vec::new());
                            t.colspan = span("colspan");
                            t.rowspan = span("rowspan");
                        }
                    }
                    "tr" | "td" | "th" => self.push(" "),
                    "blockquote" => {
                        self.flush();
                        self.quote += 1;
                    }
                    "pre" => {
                        self.flush();
                        self.pre += 1;
                    }
                    "br" => self.push("\n"),
                    "hr" => self.flush(),
                    "img" => self.images.push(self.out.len()),
                    "strong" | "b" => self.bold += 1,
                    "em" | "i" | "cite" => self.italic += 1,
                    "code" | "kbd" | "samp" | "tt" => self.code += 1,
                    "a" => {
                        let href = e.attr("href").map(str::trim).filter(|h| {
                            !h.is_empty()
                                && !h.starts_with('#')
                                && !h.to_ascii_lowercase().starts_with("javascript:")
                        });
                        self.links.push(href.map(str::to_owned));
                    }
                    _ if block(name) => {
                        self.flush();
                        let ctx = self.inherit();
                        self.ctx.push(ctx);
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, node: NodeRef<'_, Node>) {
        let Node::Element(e) = node.value() else {
            return;
        };
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        let name = e.name();
        if heading_level(name).is_some() {
            self.flush();
            self.ctx.pop();
            return;
        }
        match name {
            "ul" | "ol" | "menu" => {
                self.flush();
                self.lists.pop();
            }
            "li" => {
                self.flush();
                self.ctx.pop();
            }
            "td" | "th" if self.table_depth == 1 => {
                self.flush();
                if let Some(t) = self.table.as_mut()
                    && let Some(cell) = t.cell.take()
                    && let Some(row) = t.rows.last_mut()
                {
                    let col = row.len();
                    row.push(cell);
                    for _ in 1..t.colspan {
                        row.push(Vec::new());
                    }
                    if t.covered.len() < row.len() {
                        t.covered.resize(row.len(), 0);
                    }
                    for c in col..row.len() {
                        t.covered[c] = t.rowspan - 1;
                    }
                }
            }
            "tr" if self.table_depth == 1 => {
                self.flush();
                if let Some(t) = self.table.as_mut() {
                    t.skip_covered();
                }
            }
            "table" => {
                self.flush();
                self.table_depth = self.table_depth.saturating_sub(1);
                if self.table_depth == 0
                    && let Some(t) = self.table.take()
                {
                    let rows: Vec<Vec<Vec<Run>>> = t
                        .rows
                        .into_iter()
                        .filter(|r| r.iter().any(|c| !c.is_empty()))
                        .collect();
                    if !rows.is_empty() {
                        self.out.push(Flow::Table(rows));
                    }
                }
            }
            "blockquote" => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            "pre" => {
                self.pre = self.pre.saturating_sub(1);
                if self.pre == 0 {
                    let text = std::mem::take(&mut self.pre_text);
                    let text = text.strip_prefix('\n').unwrap_or(&text).to_owned();
                    if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
                        cell.push(Run::plain(collapse_spaces(&text)));
                    } else if !text.trim().is_empty() {
                        self.out.push(Flow::Code(text));
                    }
                }
            }
            "hr" => {}
            "strong" | "b" => self.bold = self.bold.saturating_sub(1),
            "em" | "i" | "cite" => self.italic = self.italic.saturating_sub(1),
            "code" | "kbd" | "samp" | "tt" => self.code = self.code.saturating_sub(1),
            "a" => {
                self.links.pop();
            }
            _ if block(name) => {
                self.flush();
                self.ctx.pop();
            }
            _ => {}
        }
    }
}
