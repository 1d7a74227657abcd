//! The body of `word/document.xml`: export blocks flattened into Word paragraphs and tables
//! ("pieces"), and the writer of pieces, tracked revisions included.

use super::parts::{W_NS, esc};
use super::{RevisionAuthor, revision_of};
use crate::export::blocks::{Block, Highlight, Inline, Row};

/// What kind of Word paragraph a piece is (its style, and list level).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum ParaKind {
    /// The document title.
    Title,
    /// A heading; `outline` ones get a bookmark and a TOC entry.
    Heading { level: u8, outline: bool },
    /// Body text.
    Normal,
    /// Smaller, ragged text.
    Small,
    /// A code block (monospaced, lines kept).
    Code,
    /// A paragraph of a block quote (Word's "Quote" style: indented, ruled on the left).
    Quote,
    /// A list item at `depth`; `first` starts a new list (numbering restarts at `start`).
    Item {
        ordered: bool,
        depth: u8,
        first: bool,
        start: u64,
    },
    /// The heading above the table of contents; the TOC field follows it.
    TocTitle,
    /// A thin rule (an empty paragraph with a bottom border).
    Rule,
    /// The cover note of a change report (not part of either compared version).
    Cover,
}

impl ParaKind {
    /// The kind as it takes part in matching old and new paragraphs: list restarts
    /// are layout, not content.
    pub(crate) fn class(&self) -> ParaKind {
        match self {
            ParaKind::Item { ordered, depth, .. } => ParaKind::Item {
                ordered: *ordered,
                depth: *depth,
                first: false,
                start: 1,
            },
            other => other.clone(),
        }
    }
}

/// One Word paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Para {
    pub kind: ParaKind,
    pub inlines: Vec<Inline>,
    /// A tracked paragraph mark: the whole paragraph was inserted or deleted.
    pub mark: Option<Highlight>,
}

/// One table row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TableRow {
    pub cells: Vec<Vec<Inline>>,
    pub header: bool,
    /// A tracked row: the whole row was inserted or deleted.
    pub mark: Option<Highlight>,
}

/// One Word table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub rows: Vec<TableRow>,
}

impl Table {
    fn columns(&self) -> usize {
        self.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
    }
}

/// A paragraph or a table of the body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    Para(Para),
    Table(Table),
}

impl Piece {
    fn para(kind: ParaKind, inlines: Vec<Inline>) -> Self {
        Piece::Para(Para {
            kind,
            inlines,
            mark: None,
        })
    }
}

/// The pieces of a list of blocks, in reading order.
pub(crate) fn flatten(blocks: &[Block]) -> Vec<Piece> {
    let mut out = Vec::new();
    for block in blocks {
        flatten_block(block, 0, &mut out);
    }
    out
}

fn flatten_block(block: &Block, depth: u8, out: &mut Vec<Piece>) {
    match block {
        Block::Title(text) => out.push(Piece::para(
            ParaKind::Title,
            vec![Inline::plain(text.clone())],
        )),
        Block::Heading {
            level,
            number,
            text,
            outline,
        } => {
            let full = if number.is_empty() {
                text.clone()
            } else {
                format!("{number} {text}")
            };
            out.push(Piece::para(
                ParaKind::Heading {
                    level: *level,
                    outline: *outline,
                },
                vec![Inline::plain(full)],
            ));
        }
        Block::Paragraph(inlines) => out.push(Piece::para(ParaKind::Normal, inlines.clone())),
        Block::Small(inlines) => out.push(Piece::para(ParaKind::Small, inlines.clone())),
        Block::Code(code) => out.push(Piece::para(
            ParaKind::Code,
            vec![Inline {
                text: code.clone(),
                style: crate::export::blocks::InlineStyle {
                    code: true,
                    ..Default::default()
                },
            }],
        )),
        Block::Quote(inner) => {
            let start = out.len();
            for b in inner {
                flatten_block(b, depth, out);
            }
            // Word has no nesting container for quotes: the quote's own text
            // paragraphs take the Quote style; code and list items inside keep theirs.
            for piece in &mut out[start..] {
                if let Piece::Para(p) = piece
                    && matches!(p.kind, ParaKind::Normal | ParaKind::Small)
                {
                    p.kind = ParaKind::Quote;
                }
            }
        }
        Block::List {
            ordered,
            start,
            items,
        } => {
            for (n, item) in items.iter().enumerate() {
                let kind = ParaKind::Item {
                    ordered: *ordered,
                    depth,
                    first: n == 0,
                    start: *start,
                };
                let mut lead = true;
                for inner in item {
                    match inner {
                        Block::Paragraph(inlines) | Block::Small(inlines) if lead => {
                            out.push(Piece::para(kind.clone(), inlines.clone()));
                            lead = false;
                        }
                        Block::List { .. } => {
                            flatten_block(inner, depth.saturating_add(1).min(8), out)
                        }
                        other => flatten_block(other, depth, out),
                    }
                }
                if lead {
                    out.push(Piece::para(kind, Vec::new()));
                }
            }
        }
        Block::Table { header, rows } => {
            let row = |cells: &Row, header: bool| TableRow {
                cells: cells.clone(),
                header,
                mark: None,
            };
            let mut all = Vec::new();
            if !header.is_empty() {
                all.push(row(header, true));
            }
            all.extend(rows.iter().map(|r| row(r, false)));
            let table = Table { rows: all };
            if table.columns() > 0 {
                out.push(Piece::Table(table));
            }
        }
        Block::Toc { title } => out.push(Piece::para(
            ParaKind::TocTitle,
            vec![Inline::plain(title.clone())],
        )),
        Block::Spacer(_) => {}
        Block::Rule => out.push(Piece::para(ParaKind::Rule, Vec::new())),
        // A block kind this writer does not know yet still keeps its words.
        #[allow(unreachable_patterns)]
        other => {
            let text = crate::export::blocks::plain_text(std::slice::from_ref(other));
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                out.push(Piece::para(ParaKind::Normal, vec![Inline::plain(line)]));
            }
        }
    }
}

/// The finished main part, its relationships and the ordered-list restarts that
/// `numbering.xml` must define.
pub(crate) struct DocumentPart {
    pub xml: String,
    pub rels: String,
    /// The start value and level of each ordered list; list `i` has `w:numId`
    /// `FIRST_LIST_NUM + i`.
    pub list_starts: Vec<(u64, usize)>,
}

/// The `w:numId` of the first ordered list (1 and 2 are the shared bullet and decimal
/// definitions).
pub(crate) const FIRST_LIST_NUM: usize = 3;

/// Builds `word/document.xml` piece by piece.
pub(crate) struct Body {
    out: String,
    links: Vec<String>,
    revisions: Option<RevisionAuthor>,
    annotation_id: u32,
    headings: Vec<(u8, String)>,
    toc_at: Option<usize>,
    bookmark: u32,
    list_starts: Vec<(u64, usize)>,
    /// The current ordered list's `w:numId` at each depth.
    list_at_depth: [usize; 9],
}

impl Body {
    /// A writer; with `revisions`, highlighted text and marked pieces become tracked
    /// revisions by that author, else highlights are shading.
    pub fn new(revisions: Option<RevisionAuthor>) -> Self {
        Self {
            out: String::new(),
            links: Vec::new(),
            revisions,
            annotation_id: 1,
            headings: Vec::new(),
            toc_at: None,
            bookmark: 0,
            list_starts: Vec::new(),
            list_at_depth: [2; 9],
        }
    }

    /// Writes pieces in order.
    pub fn pieces(&mut self, pieces: &[Piece]) {
        for piece in pieces {
            match piece {
                Piece::Para(p) => self.paragraph(p),
                Piece::Table(t) => self.table(t),
            }
        }
    }

    fn table(&mut self, table: &Table) {
        let columns = table.columns();
        if columns == 0 {
            return;
        }
        let width = 9000 / columns;
        self.out.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="TomTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#);
        for _ in 0..columns {
            self.out.push_str(&format!(r#"<w:gridCol w:w="{width}"/>"#));
        }
        self.out.push_str("</w:tblGrid>");
        for row in &table.rows {
            self.row(row, columns);
        }
        self.out.push_str("</w:tbl>");
        // Word needs a paragraph between two tables, or it merges them; a table that
        // was inserted or deleted as a whole takes that paragraph with it.
        let first = table.rows.first().and_then(|r| r.mark);
        let whole = first.filter(|m| table.rows.iter().all(|r| r.mark == Some(*m)));
        self.paragraph(&Para {
            kind: ParaKind::Normal,
            inlines: Vec::new(),
            mark: whole,
        });
    }

    fn row(&mut self, row: &TableRow, columns: usize) {
        self.out.push_str("<w:tr>");
        let mark = self.mark_element(row.mark);
        if row.header || !mark.is_empty() {
            self.out.push_str("<w:trPr>");
            if row.header {
                self.out.push_str("<w:cantSplit/><w:tblHeader/>");
            } else {
                // The schema wants one row property before a revision mark: this one
                // says what is the default anyway.
                self.out.push_str(r#"<w:cantSplit w:val="off"/>"#);
            }
            self.out.push_str(&mark);
            self.out.push_str("</w:trPr>");
        }
        let empty = Vec::new();
        for i in 0..columns {
            self.out.push_str("<w:tc>");
            let cell = row.cells.get(i).unwrap_or(&empty);
            let kind = if row.header {
                "TableHeader"
            } else {
                "TableText"
            };
            self.styled_paragraph(kind, None, cell, row.mark, None);
            self.out.push_str("</w:tc>");
        }
        self.out.push_str("</w:tr>");
    }

    fn paragraph(&mut self, p: &Para) {
        match &p.kind {
            ParaKind::Title => self.styled_paragraph("Title", None, &p.inlines, p.mark, None),
            ParaKind::Heading { level, outline } => {
                let style = format!("Heading{}", (*level).clamp(1, 3));
                let bookmark = if *outline {
                    // The TOC lists the heading as it reads once the revisions are accepted.
                    let text: String = p
                        .inlines
                        .iter()
                        .filter(|i| revision_of(i) != Some(Highlight::Deleted))
                        .map(|i| i.text.as_str())
                        .collect();
                    if p.mark == Some(Highlight::Deleted) {
                        None
                    } else {
                        self.headings.push((*level, text));
                        self.bookmark += 1;
                        Some(self.bookmark)
                    }
                } else {
                    None
                };
                self.styled_paragraph(&style, None, &p.inlines, p.mark, bookmark);
            }
            ParaKind::Normal => self.styled_paragraph("Normal", None, &p.inlines, p.mark, None),
            ParaKind::Small => self.styled_paragraph("Small", None, &p.inlines, p.mark, None),
            ParaKind::Code => self.styled_paragraph("SourceCode", None, &p.inlines, p.mark, None),
            ParaKind::Quote => self.styled_paragraph("Quote", None, &p.inlines, p.mark, None),
            ParaKind::Cover => self.styled_paragraph("ReportCover", None, &p.inlines, p.mark, None),
            ParaKind::Item {
                ordered,
                depth,
                first,
                start,
            } => {
                let depth = usize::from((*depth).min(8));
                let (style, num) = if *ordered {
                    if *first {
                        self.list_starts.push((*start, depth));
                        self.list_at_depth[depth] = FIRST_LIST_NUM + self.list_starts.len() - 1;
                    }
                    ("ListNumber", self.list_at_depth[depth])
                } else {
                    ("ListBullet", 1)
                };
                self.styled_paragraph(style, Some((num, depth)), &p.inlines, p.mark, None);
            }
            ParaKind::TocTitle => {
                self.styled_paragraph("TOCHeading", None, &p.inlines, p.mark, None);
                self.toc_at = Some(self.out.len());
            }
            ParaKind::Rule => {
                let mark = self.mark_element(p.mark);
                let rpr = if mark.is_empty() {
                    String::new()
                } else {
                    format!("<w:rPr>{mark}</w:rPr>")
                };
                self.out.push_str(&format!(r#"<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="999999"/></w:pBdr>{rpr}</w:pPr></w:p>"#));
            }
        }
    }

    /// `<w:ins …/>` or `<w:del …/>` for a tracked paragraph mark or row; empty when the
    /// piece is not tracked (or revisions are off).
    fn mark_element(&mut self, mark: Option<Highlight>) -> String {
        if self.revisions.is_none() {
            return String::new();
        }
        match mark {
            Some(Highlight::Inserted) => format!("<w:ins {}/>", self.revision_attrs()),
            Some(Highlight::Deleted) => format!("<w:del {}/>", self.revision_attrs()),
            None => String::new(),
        }
    }

    fn styled_paragraph(
        &mut self,
        style: &str,
        list: Option<(usize, usize)>,
        inlines: &[Inline],
        mark: Option<Highlight>,
        bookmark: Option<u32>,
    ) {
        self.out
            .push_str(&format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>"#));
        if let Some((num, level)) = list {
            self.out.push_str(&format!(
                r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>"#
            ));
        }
        // Forced line breaks in justified text would stretch every line to the margin.
        if inlines.iter().any(|i| i.text.contains('\n')) {
            self.out.push_str(r#"<w:jc w:val="left"/>"#);
        }
        let mark = self.mark_element(mark);
        if !mark.is_empty() {
            self.out.push_str(&format!("<w:rPr>{mark}</w:rPr>"));
        }
        self.out.push_str("</w:pPr>");
        // Bookmarks and revisions share one id space (Word repairs a file where an
        // annotation id is used twice).
        let bookmark = bookmark.map(|n| (self.next_annotation_id(), n));
        if let Some((id, n)) = bookmark {
            self.out.push_str(&format!(
                r#"<w:bookmarkStart w:id="{id}" w:name="_Toc{n}"/>"#
            ));
        }
        self.runs(inlines);
        if let Some((id, _)) = bookmark {
            self.out
                .push_str(&format!(r#"<w:bookmarkEnd w:id="{id}"/>"#));
        }
        self.out.push_str("</w:p>");
    }

    fn next_annotation_id(&mut self) -> u32 {
        let id = self.annotation_id;
        self.annotation_id += 1;
        id
    }

    fn revision_attrs(&mut self) -> String {
        let id = self.next_annotation_id();
        match &self.revisions {
            Some(r) => format!(
                r#"w:id="{id}" w:author="{}" w:date="{}""#,
                esc(&r.author),
                esc(&r.date)
            ),
            None => format!(r#"w:id="{id}""#),
        }
    }

    fn runs(&mut self, inlines: &[Inline]) {
        const MONO_FONTS: &str = r#"<w:rFonts w:ascii="Noto Sans Mono" w:hAnsi="Noto Sans Mono" w:cs="Noto Sans Mono"/>"#;
        for inline in inlines {
            if inline.text.is_empty() {
                continue;
            }
            let revision = if self.revisions.is_some() {
                revision_of(inline)
            } else {
                None
            };
            let mut props = String::new();
            if inline.style.bold {
                props.push_str("<w:b/>");
            }
            if inline.style.italic {
                props.push_str("<w:i/>");
            }
            if inline.style.strike {
                props.push_str("<w:strike/>");
            }
            if inline.style.code {
                props.push_str(MONO_FONTS);
            }
            // As tracked revisions, colour is Word's job, not direct formatting.
            if revision.is_none() {
                match inline.style.highlight {
                    Some(Highlight::Inserted) => {
                        props.push_str(r#"<w:shd w:val="clear" w:color="auto" w:fill="D8F0D8"/>"#)
                    }
                    Some(Highlight::Deleted) => {
                        props.push_str(r#"<w:shd w:val="clear" w:color="auto" w:fill="F6D6D6"/>"#)
                    }
                    None => {}
                }
            }
            let text_tag = if revision == Some(Highlight::Deleted) {
                "w:delText"
            } else {
                "w:t"
            };
            let style = if inline.style.link.is_some() {
                r#"<w:rStyle w:val="Hyperlink"/>"#
            } else {
                ""
            };
            let rpr = if style.is_empty() && props.is_empty() {
                String::new()
            } else {
                format!("<w:rPr>{style}{props}</w:rPr>")
            };
            let mut run = String::new();
            let mut pieces = inline.text.split('\n').peekable();
            while let Some(piece) = pieces.next() {
                run.push_str(&format!("<w:r>{rpr}"));
                if !piece.is_empty() {
                    run.push_str(&format!(
                        r#"<{text_tag} xml:space="preserve">{}</{text_tag}>"#,
                        esc(piece)
                    ));
                }
                if pieces.peek().is_some() {
                    run.push_str("<w:br/>");
                }
                run.push_str("</w:r>");
            }
            // The revision goes inside the hyperlink: `w:ins`/`w:del` may hold runs but
            // not a `w:hyperlink`.
            run = match revision {
                Some(Highlight::Inserted) => {
                    format!("<w:ins {}>{run}</w:ins>", self.revision_attrs())
                }
                Some(Highlight::Deleted) => {
                    format!("<w:del {}>{run}</w:del>", self.revision_attrs())
                }
                None => run,
            };
            if let Some(url) = &inline.style.link {
                self.links.push(url.clone());
                let rid = format!("rIdLink{}", self.links.len());
                run = format!(r#"<w:hyperlink r:id="{rid}" w:history="1">{run}</w:hyperlink>"#);
            }
            self.out.push_str(&run);
        }
    }

    /// Inserts the TOC field with its cached entries (titles and links; the page numbers
    /// are Word's to fill on F9, since only Word knows its pagination) and wraps the body.
    pub fn finish(mut self) -> DocumentPart {
        if let Some(at) = self.toc_at.take() {
            let mut toc = String::new();
            let count = self.headings.len();
            for (i, (level, text)) in self.headings.iter().enumerate() {
                toc.push_str(&format!(
                    r#"<w:p><w:pPr><w:pStyle w:val="TOC{}"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9000"/></w:tabs></w:pPr>"#,
                    (*level).clamp(1, 3)
                ));
                if i == 0 {
                    toc.push_str(r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#);
                }
                toc.push_str(&format!(
                    r#"<w:hyperlink w:anchor="_Toc{}"><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc{} \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>"#,
                    i + 1,
                    esc(text),
                    i + 1,
                ));
                if i + 1 == count {
                    toc.push_str(r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#);
                }
                toc.push_str("</w:p>");
            }
            self.out.insert_str(at, &toc);
        }
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W_NS}><w:body>{}<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
            self.out
        );
        let mut rels = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFontTable" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdTheme" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>"#,
        );
        for (i, url) in self.links.iter().enumerate() {
            rels.push_str(&format!(
                r#"<Relationship Id="rIdLink{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="{}" TargetMode="External"/>"#,
                i + 1,
                esc(url)
            ));
        }
        rels.push_str("</Relationships>");
        DocumentPart {
            xml,
            rels,
            list_starts: self.list_starts,
        }
    }
}
