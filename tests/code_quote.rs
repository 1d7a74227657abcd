//! Code spans, code blocks and block quotes: set in Noto Sans Mono / indented with a rule,
//! in the PDF (fonts and structure read back with poppler) and the DOCX (parsed back).

use std::io::Read;
use std::process::Command;

use time::macros::date;
use tomwerk::export::{self, ExportOptions, MeasureLayout};
use tomwerk::model::{Lang, LocalText};
use tomwerk::store;

const BODY: &str = "Run `nft -c` first.\n\n```\ntable inet filter {\n    chain input {\n        policy drop;\n    }\n}\n```\n\n> Exports need written approval.\n>\n> > Nested: the DPO signs.\n\nAfter the quote, see www.bsi.bund.de or write to dpo@firma.example.";

fn file() -> store::TomFile {
    let mut file = store::example();
    file.working.sections[0].body = LocalText::new(BODY, BODY);
    file
}

fn options() -> ExportOptions {
    ExportOptions {
        lang: Lang::En,
        version: None,
        toc: false,
        history: false,
        measures: MeasureLayout::List,
        date: date!(2026 - 03 - 05),
    }
}

fn tool(name: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("tomwerk-code-quote-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new(name)
        .args(args)
        .arg(&path)
        .args(if name == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(out.status.success(), "{name} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn pdf_sets_code_in_mono_keeps_indentation_and_tags_the_quote() {
    let out = export::pdf(&file(), &options()).unwrap();
    let fonts = tool("pdffonts", &[], &out.bytes);
    assert!(fonts.contains("+NotoSansMono-Regular"), "{fonts}");
    let text = tool("pdftotext", &["-layout"], &out.bytes);
    let line = text
        .lines()
        .find(|l| l.contains("policy drop;"))
        .unwrap_or_else(|| panic!("no code line in {text}"));
    let chain = text.lines().find(|l| l.contains("chain input")).unwrap();
    // The code's own indentation survives: "policy" stands 4 columns right of "chain".
    let col = |l: &str, w: &str| l.chars().count() - l[l.find(w).unwrap()..].chars().count();
    assert_eq!(
        col(line, "policy"),
        col(chain, "chain") + 4,
        "{chain}\n{line}"
    );
    // Block quotes are BlockQuote elements in the structure tree (PDF/UA).
    let dir = std::env::temp_dir().join(format!("tomwerk-code-quote-q-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (src, dst) = (dir.join("in.pdf"), dir.join("out.pdf"));
    std::fs::write(&src, &out.bytes).unwrap();
    let status = Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(&src)
        .arg(&dst)
        .status()
        .unwrap();
    assert!(status.success());
    let tree = std::fs::read(&dst).unwrap();
    let qdf = String::from_utf8_lossy(&tree);
    assert_eq!(
        qdf.matches("/S /BlockQuote").count(),
        2,
        "nested quote = 2 elements"
    );
    assert!(out.missing.is_empty(), "{:?}", out.missing);
}

#[test]
fn docx_has_source_code_and_quote_paragraphs_in_mono() {
    let bytes = export::docx(&file(), &options()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut doc = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut doc)
        .unwrap();
    let mut styles = String::new();
    zip.by_name("word/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    for id in ["SourceCode", "Quote"] {
        assert!(styles.contains(&format!(r#"w:styleId="{id}""#)), "{id}");
    }
    let para = |style: &str| -> Vec<&str> {
        doc.split("<w:p>")
            .filter(|p| p.contains(&format!(r#"<w:pStyle w:val="{style}"/>"#)))
            .collect()
    };
    let code = para("SourceCode");
    assert_eq!(code.len(), 1);
    assert!(code[0].contains(">        policy drop;<"), "{}", code[0]);
    assert!(code[0].contains("Noto Sans Mono"));
    let quotes = para("Quote");
    assert_eq!(quotes.len(), 2);
    assert!(quotes[0].contains("Exports need written approval."));
    // Bare web and mail addresses are hyperlinks with external targets.
    let mut rels = String::new();
    zip.by_name("word/_rels/document.xml.rels")
        .unwrap()
        .read_to_string(&mut rels)
        .unwrap();
    for target in ["https://www.bsi.bund.de", "mailto:dpo@firma.example"] {
        assert!(
            rels.contains(&format!(r#"Target="{target}""#)),
            "{target}: {rels}"
        );
    }
    // The code span in the body paragraph is a mono run.
    let span = &doc[..doc.find(">nft -c<").expect("span run")];
    assert!(span[span.rfind("<w:r>").unwrap()..].contains("Noto Sans Mono"));
}
