//! PDF, best effort: literal and hex strings (joined within a TJ array) in
//! the file and in its deflated streams, then strings(1). A PDF is always
//! flagged unreadable, since its fonts may encode the text.
//!
//! Not here: decompression and strings(1) ([`super::binary`]).

use super::Out;
use super::binary::{Z, find, inflate, strings};
use super::decode::{hex_at, looks_binary, utf8_or_1252, utf16};

pub(super) const PDF_REASON: &str = "a PDF's text cannot be read reliably (fonts encode it)";

pub(super) fn pdf(b: &[u8], out: &mut Out) {
    out.flag(PDF_REASON);
    let mut masked = b.to_vec();
    let mut i = 0;
    while let Some(p) = find(b, b"stream", i) {
        if p >= 3 && &b[p - 3..p] == b"end" {
            i = p + 6;
            continue;
        }
        let mut s = p + 6;
        if b.get(s) == Some(&b'\r') {
            s += 1;
        }
        if b.get(s) == Some(&b'\n') {
            s += 1;
        }
        let e = find(b, b"endstream", s).unwrap_or(b.len());
        let data = &b[s.min(e)..e];
        let z = inflate(data, Z::Zlib, true, out);
        if !z.is_empty() {
            pdf_text(&z, out);
        } else if !looks_binary(data) {
            pdf_text(data, out);
        }
        masked[s.min(e)..e].fill(b' ');
        i = e;
        if super::shared::Shared::budget() == 0 {
            break;
        }
    }
    pdf_text(&masked, out);
}

fn pdf_decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, true)
    } else {
        utf8_or_1252(bytes).into_owned()
    }
}

/// A decoded string joins the TJ array's group, or stands alone outside one.
fn pdf_string(bytes: &[u8], in_array: bool, group: &mut String, out: &mut Out) {
    let s = pdf_decode(bytes);
    if in_array {
        group.push_str(&s);
    } else {
        out.text(s);
    }
}

/// Literal `( )` and hex `< >` strings (joined within a TJ array), then strings(1).
fn pdf_text(b: &[u8], out: &mut Out) {
    let mut i = 0;
    let mut group = String::new();
    let mut in_array = false;
    let mut bytes = Vec::new();
    while i < b.len() {
        match b[i] {
            b'(' => {
                bytes.clear();
                let mut nest = 0usize;
                i += 1;
                while i < b.len() {
                    let c = b[i];
                    i += 1;
                    match c {
                        b'\\' => {
                            let Some(&e) = b.get(i) else { break };
                            i += 1;
                            match e {
                                b'n' | b'r' | b't' | b'b' | b'f' => bytes.push(b' '),
                                b'0'..=b'7' => {
                                    let mut v = u32::from(e - b'0');
                                    for _ in 0..2 {
                                        match b.get(i) {
                                            Some(&d @ b'0'..=b'7') => {
                                                v = v * 8 + u32::from(d - b'0');
                                                i += 1;
                                            }
                                            _ => break,
                                        }
                                    }
                                    bytes.push(v as u8);
                                }
                                b'\r' => {
                                    if b.get(i) == Some(&b'\n') {
                                        i += 1;
                                    }
                                }
                                b'\n' => {}
                                o => bytes.push(o),
                            }
                        }
                        b'(' => {
                            nest += 1;
                            bytes.push(c);
                        }
                        b')' if nest == 0 => break,
                        b')' => {
                            nest -= 1;
                            bytes.push(c);
                        }
                        _ => bytes.push(c),
                    }
                }
                pdf_string(&bytes, in_array, &mut group, out);
            }
            b'<' if b.get(i + 1) == Some(&b'<') => i += 2,
            b'<' => {
                let end = b[i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(b.len(), |p| i + p);
                let hex: Vec<u8> = b[i + 1..end]
                    .iter()
                    .filter(|c| c.is_ascii_hexdigit())
                    .copied()
                    .collect();
                if b[i + 1..end]
                    .iter()
                    .all(|c| c.is_ascii_hexdigit() || c.is_ascii_whitespace())
                {
                    bytes = hex
                        .chunks(2)
                        .map(|p| {
                            hex_at(&[p[0], *p.get(1).unwrap_or(&b'0')], 0, 2).unwrap_or(0) as u8
                        })
                        .collect();
                    pdf_string(&bytes, in_array, &mut group, out);
                }
                i = end + 1;
            }
            b'[' => {
                in_array = true;
                group.clear();
                i += 1;
            }
            b']' => {
                in_array = false;
                out.text(std::mem::take(&mut group));
                i += 1;
            }
            b'-' if in_array => {
                // A large negative kerning in a TJ array is a word space.
                let n = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                if n >= 3 {
                    group.push(' ');
                }
                i += 1 + n;
            }
            _ => i += 1,
        }
    }
    if !group.is_empty() {
        out.text(group);
    }
    strings(b, &mut out.segs);
}
