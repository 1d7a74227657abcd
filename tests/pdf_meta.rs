//! The PDF's metadata dates (Info and XMP, with the time of day of the injected "now")
//! and the kept font subsets (a warm export writes the same bytes as a cold one).

use std::process::Command;

use lopdf::{Document as Pdf, Object};
use time::macros::{date, datetime};
use time::{OffsetDateTime, format_description::well_known::Rfc3339};
use tomwerk::diff::{Fingerprint, Report, compare};
use tomwerk::export::{self, ExportOptions, MeasureLayout};
use tomwerk::model::Lang;
use tomwerk::store;

fn options() -> ExportOptions {
    ExportOptions {
        lang: Lang::De,
        version: None,
        toc: false,
        history: false,
        measures: MeasureLayout::List,
        date: date!(2026 - 03 - 05),
    }
}

/// Info's CreationDate and ModDate, and XMP's CreateDate and ModifyDate, as written.
fn dates(bytes: &[u8]) -> ([String; 2], [String; 2]) {
    let pdf = Pdf::load_mem(bytes).unwrap();
    let info_ref = pdf.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = pdf.get_dictionary(info_ref).unwrap();
    let lit = |k: &[u8]| match info.get(k).unwrap() {
        Object::String(s, _) => String::from_utf8(s.clone()).unwrap(),
        other => panic!("{other:?}"),
    };
    let root = pdf.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let meta_ref = pdf
        .get_dictionary(root)
        .unwrap()
        .get(b"Metadata")
        .unwrap()
        .as_reference()
        .unwrap();
    let xmp = pdf.get_object(meta_ref).unwrap().as_stream().unwrap();
    let xmp = String::from_utf8(xmp.content.clone()).unwrap();
    let tag = |t: &str| {
        let open = format!("<xmp:{t}>");
        let start = xmp.find(&open).unwrap() + open.len();
        let end = start + xmp[start..].find('<').unwrap();
        xmp[start..end].to_owned()
    };
    (
        [lit(b"CreationDate"), lit(b"ModDate")],
        [tag("CreateDate"), tag("ModifyDate")],
    )
}

/// A PDF date "D:YYYYMMDDHHmmSS+HH'mm'" (or "Z") read back as an instant.
fn parse_pdf_date(s: &str) -> OffsetDateTime {
    let d = s.strip_prefix("D:").unwrap();
    let zone = &d[14..];
    let zone = if zone == "Z" {
        "Z".to_owned()
    } else {
        format!("{}:{}", &zone[..3], &zone[4..6])
    };
    let iso = format!(
        "{}-{}-{}T{}:{}:{}{zone}",
        &d[..4],
        &d[4..6],
        &d[6..8],
        &d[8..10],
        &d[10..12],
        &d[12..14]
    );
    OffsetDateTime::parse(&iso, &Rfc3339).unwrap()
}

fn assert_dates(bytes: &[u8], now: OffsetDateTime, info_text: &str, xmp_text: &str) {
    let (info, xmp) = dates(bytes);
    assert_eq!(info, [info_text, info_text]);
    assert_eq!(xmp, [xmp_text, xmp_text]);
    // In sync: both name the same instant, the injected one.
    assert_eq!(parse_pdf_date(&info[0]), now);
    assert_eq!(OffsetDateTime::parse(&xmp[0], &Rfc3339).unwrap(), now);
}

#[test]
fn metadata_dates_carry_the_time_of_day_in_info_and_xmp() {
    let file = store::example();
    let now = datetime!(2026-03-05 14:30:15 +01:00);
    let out = export::pdf_at(&file, &options(), now).unwrap();
    assert_dates(
        &out.bytes,
        now,
        "D:20260305143015+01'00'",
        "2026-03-05T14:30:15+01:00",
    );
    // West of Greenwich, and UTC.
    let west = datetime!(2026-11-30 23:05:09 -05:30);
    let out = export::pdf_at(&file, &options(), west).unwrap();
    assert_dates(
        &out.bytes,
        west,
        "D:20261130230509-05'30'",
        "2026-11-30T23:05:09-05:30",
    );
    let utc = datetime!(2026-03-05 07:00:01 UTC);
    let out = export::pdf_at(&file, &options(), utc).unwrap();
    assert_dates(&out.bytes, utc, "D:20260305070001Z", "2026-03-05T07:00:01Z");

    // The change report too.
    let old = file.versions[0].document().unwrap();
    let report = Report::new(
        &compare(&old, &file.working),
        Lang::De,
        Fingerprint::version(&file.versions[0].label, file.versions[0].short_hash()),
        Fingerprint::working(&file.working).unwrap(),
    );
    let out = report.pdf_at("Muster GmbH", now).unwrap();
    assert_dates(
        &out.bytes,
        now,
        "D:20260305143015+01'00'",
        "2026-03-05T14:30:15+01:00",
    );
}

#[test]
fn cli_export_takes_the_time_from_tomwerk_now() {
    let dir = tempfile::tempdir().unwrap();
    let tom = dir.path().join("ex.tom");
    let pdf = dir.path().join("ex.pdf");
    let bin = env!("CARGO_BIN_EXE_tomwerk");
    let status = Command::new(bin).arg("example").arg(&tom).status().unwrap();
    assert!(status.success());
    let status = Command::new(bin)
        .env("TOMWERK_NOW", "2026-05-27T09:41:07+02:00")
        .arg("export")
        .arg(&tom)
        .arg(&pdf)
        .status()
        .unwrap();
    assert!(status.success());
    let bytes = std::fs::read(&pdf).unwrap();
    assert_dates(
        &bytes,
        datetime!(2026-05-27 09:41:07 +02:00),
        "D:20260527094107+02'00'",
        "2026-05-27T09:41:07+02:00",
    );
    // The day printed on the pages is the injected day.
    let text = export::pdf_at(
        &store::load(&tom).unwrap(),
        &ExportOptions {
            date: date!(2026 - 05 - 27),
            ..options()
        },
        datetime!(2026-05-27 09:41:07 +02:00),
    )
    .unwrap();
    assert_eq!(text.bytes, bytes);
}

#[test]
fn a_warm_export_writes_the_bytes_of_a_cold_one() {
    let file = store::example();
    export::pdf::forget_subsets();
    let cold = export::pdf(&file, &options()).unwrap().bytes;
    let warm = export::pdf(&file, &options()).unwrap().bytes;
    assert_eq!(cold, warm);
    // Another glyph set is subset anew: the English text uses other characters.
    let en = export::pdf(
        &file,
        &ExportOptions {
            lang: Lang::En,
            ..options()
        },
    )
    .unwrap()
    .bytes;
    export::pdf::forget_subsets();
    let en_cold = export::pdf(
        &file,
        &ExportOptions {
            lang: Lang::En,
            ..options()
        },
    )
    .unwrap()
    .bytes;
    assert_eq!(en, en_cold);
    assert_ne!(en, cold);
}
