//! The file itself: every object serialised once, the dictionaries into one deflated
//! object stream, the streams directly, and a deflated cross-reference stream (PDF 1.5).
//! lopdf's own writer clones each object into its object streams and writes the
//! cross-reference stream uncompressed with 7-byte entries; for a tagged PDF with its
//! hundreds of small structure elements both cost time and kilobytes.

use std::collections::BTreeMap;
use std::io::Write as _;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use super::content::num;

/// The end-of-line marker before `endstream` is CR LF: deflated data that happens to end
/// with a CR byte would otherwise form a CR LF pair with a lone LF, and a checker that takes
/// that pair as the marker counts the stream one byte short (PDF/A-2, 6.1.7.1).
const EOL_ENDSTREAM: &[u8] = b"\r\nendstream";

/// `data` deflated (zlib format) at `level` with zlib-rs; flate2 (miniz_oxide) if
/// zlib-rs reports an error, which with an output buffer of `compress_bound` it does not.
pub(super) fn deflate(data: &[u8], level: u32) -> Vec<u8> {
    let mut out = vec![0u8; zlib_rs::compress_bound(data.len())];
    let (packed, rc) =
        zlib_rs::compress_slice(&mut out, data, zlib_rs::DeflateConfig::new(level as i32));
    if rc == zlib_rs::ReturnCode::Ok {
        let n = packed.len();
        out.truncate(n);
        return out;
    }
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 3),
        flate2::Compression::new(level),
    );
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

fn name(out: &mut Vec<u8>, n: &[u8]) {
    out.push(b'/');
    for &b in n {
        if b.is_ascii_graphic() && !b"()<>[]{}/%#".contains(&b) {
            out.push(b);
        } else {
            let _ = write!(out, "#{b:02X}");
        }
    }
}

fn needs_space(out: &[u8]) -> bool {
    // Delimiters end a token by themselves; anything else needs white space.
    !matches!(
        out.last(),
        None | Some(b' ' | b'\n' | b'[' | b'(' | b'<' | b'>' | b']' | b')')
    )
}

fn object(out: &mut Vec<u8>, obj: &Object) {
    match obj {
        Object::Null => token(out, b"null"),
        Object::Boolean(true) => token(out, b"true"),
        Object::Boolean(false) => token(out, b"false"),
        Object::Integer(i) => {
            if needs_space(out) {
                out.push(b' ');
            }
            let _ = write!(out, "{i}");
        }
        Object::Real(r) => {
            if needs_space(out) {
                out.push(b' ');
            }
            num(out, *r);
        }
        Object::Name(n) => name(out, n),
        Object::String(bytes, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for b in bytes {
                let _ = write!(out, "{b:02X}");
            }
            out.push(b'>');
        }
        Object::String(bytes, StringFormat::Literal) => {
            out.push(b'(');
            for &b in bytes {
                match b {
                    b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    b => out.push(b),
                }
            }
            out.push(b')');
        }
        Object::Array(items) => {
            out.push(b'[');
            for item in items {
                object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(d) => dictionary(out, d),
        Object::Stream(s) => {
            let mut d = s.dict.clone();
            d.set("Length", Object::Integer(s.content.len() as i64));
            dictionary(out, &d);
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(&s.content);
            out.extend_from_slice(EOL_ENDSTREAM);
        }
        Object::Reference((id, generation)) => {
            if needs_space(out) {
                out.push(b' ');
            }
            let _ = write!(out, "{id} {generation} R");
        }
    }
}

fn token(out: &mut Vec<u8>, t: &[u8]) {
    if needs_space(out) {
        out.push(b' ');
    }
    out.extend_from_slice(t);
}

fn dictionary(out: &mut Vec<u8>, d: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (k, v) in d.iter() {
        name(out, k);
        object(out, v);
    }
    out.extend_from_slice(b">>");
}

/// Serialises `objects` with `trailer` (Root, Info, ID) into a complete file.
pub(super) fn write(objects: &BTreeMap<ObjectId, Object>, trailer: &Dictionary) -> Vec<u8> {
    let max_id = objects.keys().map(|(id, _)| *id).max().unwrap_or(0);
    let stm_id = max_id + 1;
    let xref_id = max_id + 2;
    let size = xref_id as usize + 1;
    // Per object: (type, field 2, field 3) of its cross-reference entry.
    let mut entries: Vec<(u8, u32, u16)> = vec![(0, 0, 0); size];
    entries[0] = (0, 0, 0xFFFF);

    let mut out = Vec::with_capacity(64 * 1024);
    out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    // The dictionaries (everything but streams) go into one object stream.
    let mut header = Vec::new();
    let mut body = Vec::new();
    let mut count = 0u16;
    for ((id, _), obj) in objects {
        if let Object::Stream(_) = obj {
            entries[*id as usize] = (1, out.len() as u32, 0);
            let _ = writeln!(out, "{id} 0 obj");
            object(&mut out, obj);
            out.extend_from_slice(b"\nendobj\n");
        } else {
            let _ = write!(header, "{id} {} ", body.len());
            object(&mut body, obj);
            body.push(b'\n');
            entries[*id as usize] = (2, stm_id, count);
            count += 1;
        }
    }
    let first = header.len();
    header.extend_from_slice(&body);
    let packed = deflate(&header, 6);
    entries[stm_id as usize] = (1, out.len() as u32, 0);
    let _ = write!(
        out,
        "{stm_id} 0 obj\n<</Type/ObjStm/N {count}/First {first}/Filter/FlateDecode/Length {}>>\nstream\n",
        packed.len()
    );
    out.extend_from_slice(&packed);
    out.extend_from_slice(EOL_ENDSTREAM);
    out.extend_from_slice(b"\nendobj\n");

    let xref_offset = out.len() as u32;
    entries[xref_id as usize] = (1, xref_offset, 0);
    let mut table = Vec::with_capacity(size * 7);
    for (t, a, b) in &entries {
        table.push(*t);
        table.extend_from_slice(&a.to_be_bytes());
        table.extend_from_slice(&b.to_be_bytes());
    }
    let packed = deflate(&table, 6);
    let mut d = trailer.clone();
    d.set("Type", Object::Name(b"XRef".to_vec()));
    d.set("Size", Object::Integer(size as i64));
    d.set(
        "W",
        Object::Array(vec![
            Object::Integer(1),
            Object::Integer(4),
            Object::Integer(2),
        ]),
    );
    d.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    d.set("Length", Object::Integer(packed.len() as i64));
    let _ = writeln!(out, "{xref_id} 0 obj");
    dictionary(&mut out, &d);
    out.extend_from_slice(b"\nstream\n");
    out.extend_from_slice(&packed);
    out.extend_from_slice(EOL_ENDSTREAM);
    out.extend_from_slice(b"\nendobj\n");
    let _ = write!(out, "startxref\n{xref_offset}\n%%EOF\n");
    out
}
