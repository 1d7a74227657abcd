//! The XML parts of a DOCX package around the body: styles, numbering, header/footer, properties.

use super::body::FIRST_LIST_NUM;
use super::lang_tag;
use crate::export::{Furniture, PdfMeta};
use crate::i18n::i18n;
use crate::model::Lang;

pub(crate) const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

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
<w:settings {W_NS}><w:defaultTabStop w:val="709"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
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
        // The language again on the base style every other one builds on, so Word checks
        // spelling in it even where a template overrides the document defaults.
        &format!(
            r#"<w:qFormat/><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr><w:rPr><w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr>"#
        ),
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
    // Code and quotes: "Source Code" as pandoc names it, "Quote" as Word's built-in style
    // (so a reader's own Quote formatting applies), indented with a rule on the left.
    all.push_str(&style("SourceCode", "Source Code", "paragraph", &format!(r#"{based}<w:qFormat/><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="EEEFF1"/><w:spacing w:before="60" w:after="120" w:line="240" w:lineRule="auto"/><w:ind w:left="113" w:right="113"/><w:jc w:val="left"/></w:pPr><w:rPr><w:rFonts w:ascii="Noto Sans Mono" w:hAnsi="Noto Sans Mono" w:cs="Noto Sans Mono"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>"#)));
    all.push_str(&style("Quote", "Quote", "paragraph", &format!(r#"{based}<w:next w:val="Normal"/><w:uiPriority w:val="29"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="B3B3B8"/></w:pBdr><w:ind w:left="454"/><w:jc w:val="left"/></w:pPr>"#)));
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
    all.push_str(&style("ReportCover", "Report Cover", "paragraph", &format!(r#"{based}<w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="999999"/><w:left w:val="single" w:sz="4" w:space="4" w:color="999999"/><w:bottom w:val="single" w:sz="4" w:space="4" w:color="999999"/><w:right w:val="single" w:sz="4" w:space="4" w:color="999999"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:spacing w:after="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr>"#)));
    all.push_str(&style("Hyperlink", "Hyperlink", "character", r#"<w:uiPriority w:val="99"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>"#));
    all.push_str(&style("TomTable", "TOM Table", "table", r#"<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:left w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:right w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="999999"/></w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr></w:tblStylePr>"#));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:cs="Noto Sans" w:eastAsia="Noto Sans"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>{all}</w:styles>"#
    )
}

/// `word/numbering.xml`: bullets (numId 1) and decimal lists (numId 2), nine levels each,
/// and one `w:num` per ordered list of the body so each starts at its own number.
pub(crate) fn numbering(list_starts: &[(u64, usize)]) -> String {
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
    let mut lists = String::new();
    for (i, (start, level)) in list_starts.iter().enumerate() {
        lists.push_str(&format!(
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>"#,
            FIRST_LIST_NUM + i
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>{bullets}</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>{decimals}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>{lists}</w:numbering>"#
    )
}

pub(crate) const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

/// `word/fontTable.xml`: Noto Sans is not embedded; where it is not installed, Word and
/// LibreOffice take Arial (the alternative name) or another sans-serif face (the family).
pub(crate) fn font_table() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts {W_NS}><w:font w:name="Noto Sans"><w:altName w:val="Arial"/><w:panose1 w:val="020B0502040504020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font><w:font w:name="Noto Sans Mono"><w:altName w:val="Courier New"/><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font><w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>"#
    )
}

/// `word/theme/theme1.xml`: the smallest complete theme (Word's validator requires one),
/// with Noto Sans as both theme fonts so "+Body"/"+Headings" mean the same face.
pub(crate) const THEME: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Tomwerk"><a:themeElements><a:clrScheme name="Tomwerk"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="333333"/></a:dk2><a:lt2><a:srgbClr val="E8E8E8"/></a:lt2><a:accent1><a:srgbClr val="1F4E79"/></a:accent1><a:accent2><a:srgbClr val="2E7D32"/></a:accent2><a:accent3><a:srgbClr val="C00000"/></a:accent3><a:accent4><a:srgbClr val="7F6000"/></a:accent4><a:accent5><a:srgbClr val="5B5B5B"/></a:accent5><a:accent6><a:srgbClr val="0563C1"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Tomwerk"><a:majorFont><a:latin typeface="Noto Sans"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Noto Sans"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Tomwerk"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"#;

pub(crate) const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

pub(crate) const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Tomwerk</Application></Properties>"#;
