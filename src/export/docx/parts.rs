//! The XML parts of a DOCX package: body, styles, numbering, header/footer, properties.

use super::{RevisionAuthor, lang_tag, revision_of};
use crate::export::blocks::{Block, Highlight, Inline};
use crate::export::{Furniture, PdfMeta};
use crate::i18n::i18n;
use crate::model::Lang;

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// Escapes text for XML content and attributes.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 forbids (control characters) are dropped, not written.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// The finished main part and its relationships.
pub(crate) struct DocumentPart {
    pub xml: String,
    pub rels: String,
}

/// Builds `word/document.xml` block by block.
pub(crate) struct Body {
    out: String,
    links: Vec<String>,
    revisions: Option<RevisionAuthor>,
    revision_id: u32,
    headings: Vec<(u8, String)>,
    toc_at: Option<(usize, String)>,
    bookmark: u32,
}

impl Body {
    pub fn new(revisions: Option<RevisionAuthor>) -> Self {
        Self {
            out: String::new(),
            links: Vec::new(),
            revisions,
            revision_id: 1,
            headings: Vec::new(),
            toc_at: None,
            bookmark: 0,
        }
    }

    pub fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            self.block(block, 0);
        }
    }

    fn block(&mut self, block: &Block, depth: u8) {
        match block {
            Block::Title(text) => self.paragraph("Title", None, &[Inline::plain(text.clone())]),
            Block::Heading {
                level,
                number,
                text,
                outline,
            } => {
                let style = format!("Heading{}", (*level).clamp(1, 3));
                let full = if number.is_empty() {
                    text.clone()
                } else {
                    format!("{number} {text}")
                };
                if *outline {
                    self.headings.push((*level, full.clone()));
                    self.bookmark += 1;
                    let id = self.bookmark;
                    self.out.push_str(&format!(
                        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:bookmarkStart w:id="{id}" w:name="_Toc{id}"/>"#
                    ));
                    self.runs(&[Inline::plain(full)]);
                    self.out
                        .push_str(&format!(r#"<w:bookmarkEnd w:id="{id}"/></w:p>"#));
                } else {
                    self.paragraph(&style, None, &[Inline::plain(full)]);
                }
            }
            Block::Paragraph(inlines) => self.paragraph("Normal", None, inlines),
            Block::Small(inlines) => self.paragraph("Small", None, inlines),
            Block::List {
                ordered, items, ..
            } => {
                let (style, num) = if *ordered {
                    ("ListNumber", 2)
                } else {
                    ("ListBullet", 1)
                };
                for item in items {
                    let mut first = true;
                    for inner in item {
                        match inner {
                            Block::Paragraph(inlines) | Block::Small(inlines) if first => {
                                self.paragraph(style, Some((num, depth)), inlines);
                                first = false;
                            }
                            Block::List { .. } => self.block(inner, depth.saturating_add(1).min(8)),
                            other => self.block(other, depth),
                        }
                    }
                    if first {
                        self.paragraph(style, Some((num, depth)), &[]);
                    }
                }
            }
            Block::Table { header, rows } => {
                let columns = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
                if columns == 0 {
                    return;
                }
                let width = 9000 / columns;
                self.out.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="TomTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#);
                for _ in 0..columns {
                    self.out.push_str(&format!(r#"<w:gridCol w:w="{width}"/>"#));
                }
                self.out.push_str("</w:tblGrid>");
                if !header.is_empty() {
                    self.row(header, columns, true);
                }
                for row in rows {
                    self.row(row, columns, false);
                }
                self.out.push_str("</w:tbl>");
                // Word needs a paragraph between two tables, or it merges them.
                self.out.push_str("<w:p/>");
            }
            Block::Toc { title } => {
                self.out.push_str(&format!(
                    r#"<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr>{}</w:p>"#,
                    self.plain_run(title)
                ));
                self.toc_at = Some((self.out.len(), title.clone()));
            }
            Block::Spacer(_) => {}
            Block::Rule => self.out.push_str(r#"<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="999999"/></w:pBdr></w:pPr></w:p>"#),
        }
    }

    fn row(&mut self, cells: &[Vec<Inline>], columns: usize, header: bool) {
        self.out.push_str("<w:tr>");
        if header {
            self.out
                .push_str(r#"<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"#);
        }
        for i in 0..columns {
            self.out.push_str("<w:tc>");
            let empty = Vec::new();
            let cell = cells.get(i).unwrap_or(&empty);
            self.paragraph(if header { "TableHeader" } else { "TableText" }, None, cell);
            self.out.push_str("</w:tc>");
        }
        self.out.push_str("</w:tr>");
    }

    fn paragraph(&mut self, style: &str, list: Option<(u32, u8)>, inlines: &[Inline]) {
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
        // A paragraph whose every run is inserted (or deleted) is itself a tracked paragraph.
        if self.revisions.is_some() && !inlines.is_empty() {
            let all = |h| inlines.iter().all(|i| revision_of(i) == Some(h));
            if all(Highlight::Inserted) {
                let attrs = self.revision_attrs();
                self.out
                    .push_str(&format!("<w:rPr><w:ins {attrs}/></w:rPr>"));
            } else if all(Highlight::Deleted) {
                let attrs = self.revision_attrs();
                self.out
                    .push_str(&format!("<w:rPr><w:del {attrs}/></w:rPr>"));
            }
        }
        self.out.push_str("</w:pPr>");
        self.runs(inlines);
        self.out.push_str("</w:p>");
    }

    fn revision_attrs(&mut self) -> String {
        let id = self.revision_id;
        self.revision_id += 1;
        match &self.revisions {
            Some(r) => format!(
                r#"w:id="{id}" w:author="{}" w:date="{}""#,
                esc(&r.author),
                esc(&r.date)
            ),
            None => format!(r#"w:id="{id}""#),
        }
    }

    fn plain_run(&self, text: &str) -> String {
        format!(
            r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
            esc(text)
        )
    }

    fn runs(&mut self, inlines: &[Inline]) {
        for inline in inlines {
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
            // As tracked revisions, strike and colour are Word's job, not direct formatting.
            if revision.is_none() {
                if inline.style.strike {
                    props.push_str("<w:strike/>");
                }
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
            let mut run = String::new();
            let mut pieces = inline.text.split('\n').peekable();
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
            while let Some(piece) = pieces.next() {
                run.push_str(&format!(
                    r#"<w:r>{rpr}<{text_tag} xml:space="preserve">{}</{text_tag}>"#,
                    esc(piece)
                ));
                if pieces.peek().is_some() {
                    run.push_str("<w:br/>");
                }
                run.push_str("</w:r>");
            }
            if let Some(url) = &inline.style.link {
                self.links.push(url.clone());
                let rid = format!("rIdLink{}", self.links.len());
                run = format!(r#"<w:hyperlink r:id="{rid}" w:history="1">{run}</w:hyperlink>"#);
            }
            match revision {
                Some(Highlight::Inserted) => {
                    let attrs = self.revision_attrs();
                    self.out.push_str(&format!("<w:ins {attrs}>{run}</w:ins>"));
                }
                Some(Highlight::Deleted) => {
                    let attrs = self.revision_attrs();
                    self.out.push_str(&format!("<w:del {attrs}>{run}</w:del>"));
                }
                None => self.out.push_str(&run),
            }
        }
    }

    /// Inserts the TOC field with its cached entries (titles and links; the page numbers
    /// are Word's to fill on F9, since only Word knows its pagination) and wraps the body.
    pub fn finish(mut self) -> DocumentPart {
        if let Some((at, _)) = self.toc_at.take() {
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
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
        );
        for (i, url) in self.links.iter().enumerate() {
            rels.push_str(&format!(
                r#"<Relationship Id="rIdLink{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="{}" TargetMode="External"/>"#,
                i + 1,
                esc(url)
            ));
        }
        rels.push_str("</Relationships>");
        DocumentPart { xml, rels }
    }
}

fn small_paragraph(style: &str, inner: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{inner}</w:p>"#)
}

fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(text)
    )
}

fn field(instr: &str, cached: &str) -> String {
    format!(
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{cached}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
    )
}

/// `word/header1.xml`: short title and organisation, the version, the draft mark.
pub(crate) fn header(furniture: &Furniture, _lang: Lang) -> String {
    let mut inner = small_paragraph(
        "Header",
        &format!(
            "{}<w:r><w:tab/></w:r>{}",
            run(&furniture.footer_left),
            run(&furniture.footer_version)
        ),
    );
    if let Some(mark) = &furniture.draft_mark {
        inner.push_str(&small_paragraph("DraftMark", &run(mark)));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr {W_NS}>{inner}</w:hdr>"#
    )
}

/// `word/footer1.xml`: "Seite X von Y" with PAGE/NUMPAGES fields, and the fingerprint.
pub(crate) fn footer(furniture: &Furniture, lang: Lang) -> String {
    // The localised pattern, split around its two placeholders so both become fields.
    let pattern = i18n().tr_args(
        lang,
        "export-page-of",
        &[
            ("page", fluent_bundle::FluentValue::from("\u{1}")),
            ("total", fluent_bundle::FluentValue::from("\u{2}")),
        ],
    );
    let pattern: String = pattern
        .chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect();
    let mut inner = String::new();
    let (before, rest) = pattern.split_once('\u{1}').unwrap_or((&pattern, ""));
    let (middle, after) = rest.split_once('\u{2}').unwrap_or((rest, ""));
    inner.push_str(&run(&furniture.fingerprint));
    inner.push_str("<w:r><w:tab/></w:r>");
    inner.push_str(&run(before));
    inner.push_str(&field("PAGE", "1"));
    inner.push_str(&run(middle));
    inner.push_str(&field("NUMPAGES", "1"));
    inner.push_str(&run(after));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr {W_NS}>{}</w:ftr>"#,
        small_paragraph("Footer", &inner)
    )
}

/// `docProps/core.xml` with the injected date.
pub(crate) fn core(meta: &PdfMeta) -> String {
    let date = format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        meta.date.year(),
        u8::from(meta.date.month()),
        meta.date.day()
    );
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><dc:language>{}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>"#,
        esc(&meta.title),
        esc(&meta.subject),
        esc(&meta.author),
        lang_tag(meta.lang)
    )
}

/// `word/settings.xml`. Revision tracking of the user's own edits stays off: the
/// revisions of a change report are in the text, Word shows them in any case.
pub(crate) fn settings() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings {W_NS}><w:updateFields w:val="false"/><w:defaultTabStop w:val="709"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

fn style(id: &str, name: &str, kind: &str, extra: &str) -> String {
    format!(
        r#"<w:style w:type="{kind}" w:styleId="{id}"><w:name w:val="{name}"/>{extra}</w:style>"#
    )
}

/// `word/styles.xml`: Normal, Title, Heading 1–3, lists, table, TOC, header/footer, Hyperlink.
pub(crate) fn styles(lang: Lang) -> String {
    let lang = lang_tag(lang);
    let based = r#"<w:basedOn w:val="Normal"/>"#;
    let heading = |n: u8, size: u32| {
        style(
            &format!("Heading{n}"),
            &format!("heading {n}"),
            "paragraph",
            &format!(
                r#"{based}<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{}" w:after="120"/><w:outlineLvl w:val="{}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr>"#,
                if n == 1 { 360 } else { 240 },
                n - 1
            ),
        )
    };
    let toc = |n: u8| {
        style(
            &format!("TOC{n}"),
            &format!("toc {n}"),
            "paragraph",
            &format!(
                r#"{based}<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="60"/><w:ind w:left="{}"/></w:pPr>"#,
                u32::from(n - 1) * 240
            ),
        )
    };
    let mut all = String::new();
    all.push_str(&style(
        "Normal",
        "Normal",
        "paragraph",
        r#"<w:qFormat/><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>"#,
    ));
    all.push_str(&style("Title", "Title", "paragraph", &format!(r#"{based}<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/><w:jc w:val="left"/></w:pPr><w:rPr><w:b/><w:sz w:val="44"/></w:rPr>"#)));
    all.push_str(&style(
        "Subtitle",
        "Subtitle",
        "paragraph",
        &format!(r#"{based}<w:qFormat/><w:rPr><w:i/><w:sz w:val="24"/></w:rPr>"#),
    ));
    all.push_str(&heading(1, 32));
    all.push_str(&heading(2, 26));
    all.push_str(&heading(3, 22));
    all.push_str(&style("Small", "Small", "paragraph", &format!(r#"{based}<w:qFormat/><w:pPr><w:spacing w:after="60"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr>"#)));
    all.push_str(&style("ListBullet", "List Bullet", "paragraph", &format!(r#"{based}<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:jc w:val="left"/></w:pPr>"#)));
    all.push_str(&style("ListNumber", "List Number", "paragraph", &format!(r#"{based}<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="60"/><w:jc w:val="left"/></w:pPr>"#)));
    all.push_str(&style("TableText", "Table Text", "paragraph", &format!(r#"{based}<w:pPr><w:spacing w:before="40" w:after="40"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr>"#)));
    all.push_str(&style(
        "TableHeader",
        "Table Header",
        "paragraph",
        r#"<w:basedOn w:val="TableText"/><w:rPr><w:b/></w:rPr>"#,
    ));
    all.push_str(&style("TOCHeading", "TOC Heading", "paragraph", &format!(r#"{based}<w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr>"#)));
    for n in 1..=3 {
        all.push_str(&toc(n));
    }
    all.push_str(&style("Header", "header", "paragraph", &format!(r#"{based}<w:pPr><w:tabs><w:tab w:val="right" w:pos="9070"/></w:tabs><w:jc w:val="left"/></w:pPr><w:rPr><w:color w:val="555555"/><w:sz w:val="16"/></w:rPr>"#)));
    all.push_str(&style(
        "Footer",
        "footer",
        "paragraph",
        r#"<w:basedOn w:val="Header"/>"#,
    ));
    all.push_str(&style("DraftMark", "Draft Mark", "paragraph", r#"<w:basedOn w:val="Header"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:color w:val="C00000"/><w:sz w:val="24"/></w:rPr>"#));
    all.push_str(&style("Hyperlink", "Hyperlink", "character", r#"<w:uiPriority w:val="99"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>"#));
    all.push_str(&style("TomTable", "TOM Table", "table", r#"<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:left w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:right w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="999999"/></w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr></w:tblStylePr>"#));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:cs="Noto Sans" w:eastAsia="Noto Sans"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>{all}</w:styles>"#
    )
}

/// `word/numbering.xml`: bullets (numId 1) and decimal lists (numId 2), nine levels each.
pub(crate) fn numbering() -> String {
    let mut bullets = String::new();
    let mut decimals = String::new();
    for level in 0..9u32 {
        let indent = 360 * (level + 1);
        let bullet = ["•", "–", "◦"][(level % 3) as usize];
        bullets.push_str(&format!(
            r#"<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{bullet}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans"/></w:rPr></w:lvl>"#
        ));
        decimals.push_str(&format!(
            r#"<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%{}."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr></w:lvl>"#,
            level + 1
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>{bullets}</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>{decimals}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
    )
}

pub(crate) const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

pub(crate) const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

pub(crate) const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Tomwerk</Application></Properties>"#;
