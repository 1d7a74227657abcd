//! DOCX, ODT and HTML import speed: 100-page documents in process, and 10/50/100 pages to
//! show the time grows linearly. Issue 12's budget: DOCX ≤ 50 ms, HTML ≤ 30 ms at 100 pages.

use std::hint::black_box;
use std::io::Write as _;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tomwerk::import::import_bytes;

/// One page of a TOM (≈ 450 words): a numbered heading, prose, a list, a two-column table.
const PARAGRAPH: &str = "Die Verantwortlichen prüfen regelmäßig, ob die getroffenen Maßnahmen dem Stand der Technik entsprechen, dokumentieren Abweichungen nachvollziehbar und leiten notwendige Verbesserungen ein, die mit der Geschäftsleitung abgestimmt und in der nächsten Überprüfung bewertet werden.";

fn zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        zip.start_file(*name, opts).expect("zip");
        zip.write_all(body.as_bytes()).expect("zip");
    }
    zip.finish().expect("zip").into_inner()
}

fn docx(pages: usize) -> Vec<u8> {
    let p = |style: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t> fett</w:t></w:r></w:p>"#
        )
    };
    let mut body = String::new();
    for n in 1..=pages {
        body.push_str(&p("Heading2", &format!("{n}. Regelung {n}")));
        for _ in 0..5 {
            body.push_str(&p("TextBody", PARAGRAPH));
        }
        for i in 0..4 {
            body.push_str(&format!(r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Zugriffe werden protokolliert und ausgewertet</w:t></w:r></w:p>"#, i % 2));
        }
        body.push_str("<w:tbl>");
        for _ in 0..4 {
            body.push_str(r#"<w:tr><w:tc><w:p><w:r><w:t>Verschlüsselung der Datenträger</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Schulung der Beschäftigten</w:t></w:r></w:p></w:tc></w:tr>"#);
        }
        body.push_str("</w:tbl>");
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let styles = r#"<w:styles xmlns:w="w"><w:style w:styleId="Heading2"><w:name w:val="heading 2"/></w:style><w:style w:styleId="TextBody"><w:name w:val="Body Text"/></w:style></w:styles>"#.to_owned();
    let numbering = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="◦"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#.to_owned();
    zip(&[
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
    ])
}

fn odt(pages: usize) -> Vec<u8> {
    let mut body = String::new();
    for n in 1..=pages {
        body.push_str(&format!(
            r#"<text:h text:outline-level="2">{n}. Regelung {n}</text:h>"#
        ));
        for _ in 0..5 {
            body.push_str(&format!(
                r#"<text:p>{PARAGRAPH}<text:span text:style-name="T1"> fett</text:span></text:p>"#
            ));
        }
        body.push_str("<text:list>");
        for _ in 0..2 {
            body.push_str("<text:list-item><text:p>Zugriffe werden protokolliert und ausgewertet</text:p><text:list><text:list-item><text:p>stichprobenartig</text:p></text:list-item></text:list></text:list-item>");
        }
        body.push_str("</text:list><table:table>");
        for _ in 0..4 {
            body.push_str("<table:table-row><table:table-cell><text:p>Verschlüsselung der Datenträger</text:p></table:table-cell><table:table-cell><text:p>Schulung der Beschäftigten</text:p></table:table-cell></table:table-row>");
        }
        body.push_str("</table:table>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="b" xmlns:style="s" xmlns:fo="f"><office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    zip(&[
        (
            "mimetype",
            "application/vnd.oasis.opendocument.text".to_owned(),
        ),
        ("content.xml", content),
    ])
}

fn html(pages: usize) -> Vec<u8> {
    let mut body = String::new();
    for n in 1..=pages {
        body.push_str(&format!("<h2>{n}. Regelung {n}</h2>"));
        for _ in 0..5 {
            body.push_str(&format!("<p>{PARAGRAPH} <strong>fett</strong></p>"));
        }
        body.push_str("<ul><li>Zugriffe werden protokolliert<ul><li>stichprobenartig</li></ul></li><li>Protokolle werden aufbewahrt</li></ul><table>");
        for _ in 0..4 {
            body.push_str("<tr><td>Verschlüsselung der Datenträger</td><td>Schulung der Beschäftigten</td></tr>");
        }
        body.push_str("</table>");
    }
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>TOM</title><script>var x = 1;</script></head><body><nav><a href=\"/\">Start</a></nav><main>{body}</main><footer>Impressum</footer></body></html>"
    )
    .into_bytes()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("import_formats");
    group.sample_size(10);
    for (format, make) in [
        ("docx", docx as fn(usize) -> Vec<u8>),
        ("odt", odt),
        ("html", html),
    ] {
        for pages in [10usize, 50, 100] {
            let bytes = make(pages);
            group.bench_with_input(BenchmarkId::new(format, pages), &bytes, |b, bytes| {
                b.iter(|| {
                    import_bytes(black_box(bytes), format, None).map(|i| i.report.mappings.len())
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
