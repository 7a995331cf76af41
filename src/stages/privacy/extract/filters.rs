//! Text written in an encoding that hides its letters from the scan, in
//! any segment of any file: UTF-7 (`+AEA-` is "@"; no browser reads it,
//! but a mail program or an editor may, and a file declares nothing), and
//! PostScript's and PDF's ASCII85 (`<~ … ~>`) and ASCIIHex (`< … >`)
//! streams, raw or packed with Flate or LZW (an EPS's page text). Each is
//! read as what it decodes to.
//!
//! Not here: base64, percent-encoding and character references
//! ([`super::decode`]); PDF's own streams ([`super::pdf`]).

use super::binary::{find, unpack};
use super::decode::{blob_text, hex_at};
use super::{Out, Segment, extract_into, known_kind, push};

/// Segments once more with their UTF-7 runs decoded, for each segment
/// that has one.
pub(super) fn utf7(segs: &[Segment]) -> Vec<Segment> {
    segs.iter()
        .filter(|s| memchr::memchr(b'+', s.text.as_bytes()).is_some())
        .filter_map(|s| {
            let text = utf7_text(&s.text)?;
            Some(Segment { text, ..s.clone() })
        })
        .collect()
}

fn b64(c: u8) -> Option<u32> {
    Some(u32::from(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    }))
}

/// `s` with each UTF-7 run (`+`, modified base64 of UTF-16, an optional
/// `-`) that decodes to printable characters read; `None` when none does.
fn utf7_text(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut last, mut any) = (0, false);
    for at in memchr::memchr_iter(b'+', b) {
        if at < last {
            continue;
        }
        let run = b[at + 1..]
            .iter()
            .take_while(|&&c| b64(c).is_some())
            .count();
        let Some(text) = utf7_run(&b[at + 1..at + 1 + run]) else {
            continue;
        };
        out.push_str(&s[last..at]);
        out.push_str(&text);
        last = at + 1 + run;
        if b.get(last) == Some(&b'-') {
            last += 1;
        }
        any = true;
    }
    out.push_str(&s[last..]);
    any.then_some(out)
}

fn utf7_run(run: &[u8]) -> Option<String> {
    if run.len() < 3 {
        return None;
    }
    let (mut acc, mut bits, mut units) = (0u32, 0u32, Vec::new());
    for &c in run {
        acc = (acc << 6 | b64(c)?) & 0x00FF_FFFF;
        bits += 6;
        if bits >= 16 {
            bits -= 16;
            units.push((acc >> bits) as u16);
        }
    }
    if acc & ((1 << bits) - 1) != 0 {
        return None;
    }
    let text: String = char::decode_utf16(units).collect::<Result<_, _>>().ok()?;
    let shown = |c: char| !c.is_control() && (c.is_alphanumeric() || c.is_ascii());
    text.chars().all(shown).then_some(text)
}

/// ASCII85 (`<~ … ~>`) and long ASCIIHex (`< … >`) runs of each segment,
/// decoded, and read as the file they are once unpacked (Flate, LZW).
pub(super) fn ascii_streams(out: &mut Out) {
    let mut found = Vec::new();
    for s in &out.segs {
        let b = s.text.as_bytes();
        let mut i = 0;
        while let Some(p) = find(b, b"<~", i) {
            let end = find(b, b"~>", p + 2).unwrap_or(b.len());
            found.extend(ascii85(&b[p + 2..end]));
            i = end;
        }
        let mut i = 0;
        while let Some(p) = memchr::memchr(b'<', b.get(i..).unwrap_or(&[])) {
            let at = i + p + 1;
            let run = b[at..]
                .iter()
                .take_while(|c| c.is_ascii_hexdigit() || c.is_ascii_whitespace())
                .count();
            i = at + run;
            if run >= 16 && b.get(at + run) == Some(&b'>') {
                let hex: Vec<u8> = b[at..at + run]
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_hexdigit)
                    .collect();
                let bytes: Vec<u8> = hex
                    .chunks(2)
                    .filter_map(|p| hex_at(&[p[0], *p.get(1).unwrap_or(&b'0')], 0, 2))
                    .map(|v| v as u8)
                    .collect();
                found.push(bytes);
            }
        }
    }
    for bytes in found {
        let inner = match unpack(&bytes) {
            Some((inner, _)) => inner,
            None => lzw(&bytes).unwrap_or(bytes),
        };
        // Text, or a file of a kind the guard reads; anything else (an
        // EPS's picture) is pixels.
        if let Some(text) = blob_text(&inner) {
            push(&mut out.segs, text, 0, super::Strength::Text);
        } else if known_kind(&inner) {
            extract_into("packed", &inner, 1, out);
        }
    }
}

/// ASCII85 as PostScript and PDF write it (`z` for four zeros, white
/// space anywhere); `None` when a character is none of it.
fn ascii85(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len() * 4 / 5);
    let (mut acc, mut n) = (0u64, 0);
    for &c in b {
        match c {
            b'z' if n == 0 => out.extend([0; 4]),
            b'!'..=b'u' => {
                acc = acc * 85 + u64::from(c - b'!');
                n += 1;
                if n == 5 {
                    out.extend((acc as u32).to_be_bytes());
                    (acc, n) = (0, 0);
                }
            }
            _ if c.is_ascii_whitespace() => {}
            _ => return None,
        }
    }
    if n > 1 {
        for _ in n..5 {
            acc = acc * 85 + 84;
        }
        out.extend(&(acc as u32).to_be_bytes()[..n - 1]);
    }
    Some(out)
}

/// Most bytes an LZW stream yields here.
const MAX_LZW: usize = 4 << 20;

/// PostScript's and PDF's LZW (codes of 9 to 12 bits, most significant
/// first; 256 clears, 257 ends; the width grows one code early, or, when
/// that does not decode, on time): what `b` decodes to, when it starts
/// with a clear code and decodes.
pub(super) fn lzw(b: &[u8]) -> Option<Vec<u8>> {
    if b.first() != Some(&0x80) {
        return None;
    }
    lzw_with(b, 1).or_else(|| lzw_with(b, 0))
}

fn lzw_with(b: &[u8], early: usize) -> Option<Vec<u8>> {
    let mut table: Vec<(usize, usize)> = Vec::new();
    let mut out: Vec<u8> = Vec::new();
    let (mut acc, mut bits, mut size) = (0u32, 0u32, 9u32);
    let mut prev: Option<(usize, usize)> = None;
    for &byte in b {
        acc = (acc << 8 | u32::from(byte)) & 0x00FF_FFFF;
        bits += 8;
        while bits >= size {
            bits -= size;
            let code = ((acc >> bits) & ((1 << size) - 1)) as usize;
            match code {
                256 => {
                    table.clear();
                    size = 9;
                    prev = None;
                    continue;
                }
                257 => return Some(out),
                _ => {}
            }
            // An entry is (start, length) of what `out` already holds.
            let start = out.len();
            let entry = if code < 256 {
                out.push(code as u8);
                (start, 1)
            } else if let Some(&(s, l)) = table.get(code - 258) {
                out.extend_from_within(s..s + l);
                (start, l)
            } else if code - 258 == table.len()
                && let Some((s, l)) = prev
            {
                out.extend_from_within(s..s + l);
                out.push(out[s]);
                (start, l + 1)
            } else {
                return None;
            };
            if let Some((s, l)) = prev
                && table.len() < 4096 - 258
            {
                // The previous string and this one's first byte, which
                // `out` holds right after it.
                table.push((s, l + 1));
            }
            prev = Some(entry);
            if table.len() + 258 + early >= 1 << size && size < 12 {
                size += 1;
            }
            if out.len() > MAX_LZW {
                return Some(out);
            }
        }
    }
    Some(out)
}
