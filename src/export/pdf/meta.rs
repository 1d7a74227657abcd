//! Document metadata for PDF/A-2a and PDF/UA-1: the Info dictionary and an XMP packet
//! with the same values, the PDF/A and PDF/UA identification, and the sRGB output intent.

use lopdf::{Dictionary, Object, Stream, StringFormat};

use super::{name, text_string};
use crate::export::PdfMeta;

/// sRGB-v2-magic from Compact-ICC-Profiles (CC0 1.0, see assets/sRGB-v2-magic.LICENSE.txt):
/// 736 bytes instead of the usual 3 KB.
const SRGB_ICC: &[u8] = include_bytes!("../../../assets/sRGB-v2-magic.icc");

/// The producer written into both Info and XMP.
pub(crate) const PRODUCER: &str = "Tomwerk";

/// A PDF date (ISO 32000-1, 7.9.4): "D:20260305143015+01'00'", "Z" for UTC.
fn pdf_date(t: time::OffsetDateTime) -> Object {
    let s = format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}{}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        zone(t, "'", "'")
    );
    Object::String(s.into_bytes(), StringFormat::Literal)
}

/// The same instant as an XMP date (ISO 8601): "2026-03-05T14:30:15+01:00".
fn xmp_date(t: time::OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        zone(t, ":", "")
    )
}

/// The UTC offset of `t` as both date forms write it: "Z" for UTC, otherwise sign, hours,
/// `sep`, minutes and `tail` ("+01'00'" in PDF, "+01:00" in XMP).
fn zone(t: time::OffsetDateTime, sep: &str, tail: &str) -> String {
    let offset = t.offset();
    if offset.is_utc() {
        return "Z".to_owned();
    }
    let (h, m, _) = offset.as_hms();
    let sign = if offset.is_negative() { '-' } else { '+' };
    format!(
        "{sign}{:02}{sep}{:02}{tail}",
        h.unsigned_abs(),
        m.unsigned_abs()
    )
}

/// Escapes text for XML character data.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 allows no other control characters.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The XMP packet: the values of the Info dictionary plus the identification schemas.
pub(crate) fn xmp(meta: &PdfMeta) -> String {
    let date = xmp_date(meta.date);
    let mut s = String::with_capacity(3000);
    s.push_str("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    s.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    s.push_str("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    s.push_str(
        "<rdf:Description rdf:about=\"\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
         xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" \
         xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\" \
         xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" \
         xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" \
         xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n",
    );
    s.push_str(&format!(
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n",
        xml(&meta.title)
    ));
    if !meta.author.is_empty() {
        s.push_str(&format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            xml(&meta.author)
        ));
    }
    if !meta.subject.is_empty() {
        s.push_str(&format!(
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n",
            xml(&meta.subject)
        ));
    }
    s.push_str(&format!(
        "<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
        meta.lang.bcp47()
    ));
    s.push_str(&format!(
        "<xmp:CreatorTool>{PRODUCER}</xmp:CreatorTool>\n\
         <xmp:CreateDate>{date}</xmp:CreateDate>\n\
         <xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
         <pdf:Producer>{PRODUCER}</pdf:Producer>\n"
    ));
    s.push_str("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n");
    s.push_str("<pdfuaid:part>1</pdfuaid:part>\n");
    // PDF/A-2 accepts properties outside its predefined schemas only when the packet
    // describes them: pdfuaid is one.
    s.push_str(
        "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n\
         <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n\
         <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n\
         <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n\
         <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n\
         <pdfaProperty:name>part</pdfaProperty:name>\n\
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n\
         <pdfaProperty:category>internal</pdfaProperty:category>\n\
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n\
         </rdf:li></rdf:Seq></pdfaSchema:property>\n\
         </rdf:li></rdf:Bag></pdfaExtension:schemas>\n",
    );
    s.push_str("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    s
}

/// Adds Info, the XMP stream and the output intent (to `catalog`, written by the caller).
pub(super) fn add(doc: &mut lopdf::Document, catalog: &mut Dictionary, meta: &PdfMeta) {
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    if !meta.author.is_empty() {
        info.set("Author", text_string(&meta.author));
    }
    if !meta.subject.is_empty() {
        info.set("Subject", text_string(&meta.subject));
    }
    info.set("Creator", text_string(PRODUCER));
    info.set("Producer", text_string(PRODUCER));
    info.set("CreationDate", pdf_date(meta.date));
    info.set("ModDate", pdf_date(meta.date));
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info_id));

    let mut dict = Dictionary::new();
    dict.set("Type", name("Metadata"));
    dict.set("Subtype", name("XML"));
    // Left uncompressed, so tools that scan for the packet find it.
    let stream = Stream::new(dict, xmp(meta).into_bytes()).with_compression(false);
    let metadata_id = doc.add_object(stream);
    catalog.set("Metadata", Object::Reference(metadata_id));

    let mut icc = Dictionary::new();
    icc.set("N", Object::Integer(3));
    let icc_id = doc.add_object(Stream::new(icc, SRGB_ICC.to_vec()));
    let mut intent = Dictionary::new();
    intent.set("Type", name("OutputIntent"));
    intent.set("S", name("GTS_PDFA1"));
    intent.set(
        "OutputConditionIdentifier",
        Object::string_literal("sRGB IEC61966-2.1"),
    );
    intent.set(
        "RegistryName",
        Object::string_literal("http://www.color.org"),
    );
    intent.set("Info", Object::string_literal("sRGB IEC61966-2.1"));
    intent.set("DestOutputProfile", Object::Reference(icc_id));
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(intent)]),
    );
}
