//! Character decoding: text files to `str` (UTF-8 with or without BOM,
//! UTF-16 with or without BOM, invalid bytes as Windows-1252), binary
//! sniffing, percent-decoding, Latin-1 and hex digits.
//!
//! Not here: what the decoded text is (markup, code...: the dispatch in
//! [`super`]), and escapes of a language (JS/CSS in [`super::code`],
//! quoted-printable in [`super::text`], PDF strings in [`super::pdf`]).

use std::borrow::Cow;

/// Decodes a text file; `None` when the bytes look binary.
pub(super) fn decode_text(b: &[u8]) -> Option<Cow<'_, str>> {
    if let Some(rest) = b.strip_prefix(b"\xEF\xBB\xBF") {
        return Some(utf8_or_1252(rest));
    }
    if let Some(rest) = b.strip_prefix(b"\xFF\xFE") {
        return Some(Cow::Owned(utf16(rest, false)));
    }
    if let Some(rest) = b.strip_prefix(b"\xFE\xFF") {
        return Some(Cow::Owned(utf16(rest, true)));
    }
    if let Some(be) = utf16_without_bom(b) {
        let t = utf16(b, be);
        // 16-bit binary data (audio samples, tables) can look the same.
        let bad = t
            .chars()
            .take(32 << 10)
            .filter(|&c| c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace()))
            .count();
        if bad * 100 <= t.chars().take(32 << 10).count() * 3 {
            return Some(Cow::Owned(t));
        }
        return None;
    }
    if looks_binary(b) {
        return None;
    }
    Some(utf8_or_1252(b))
}

/// UTF-16 text without a BOM has NUL bytes at every other position (for
/// mostly-Latin text). Returns whether it is big-endian.
fn utf16_without_bom(b: &[u8]) -> Option<bool> {
    let n = b.len().min(1024) & !1;
    if n < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &x) in b[..n].iter().enumerate() {
        if x == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
    }
    let half = n / 2;
    if odd * 10 >= half * 4 && even * 20 <= half {
        Some(false)
    } else if even * 10 >= half * 4 && odd * 20 <= half {
        Some(true)
    } else {
        None
    }
}

/// More than 3% control bytes (other than tab, newlines, form feed, escape) in
/// the first 64 KB.
pub(super) fn looks_binary(b: &[u8]) -> bool {
    let s = &b[..b.len().min(64 << 10)];
    if s.is_empty() {
        return false;
    }
    let ctrl = s
        .iter()
        .filter(|&&c| c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0x1B))
        .count();
    ctrl * 100 > s.len() * 3
}

pub(super) fn utf16(b: &[u8], be: bool) -> String {
    char::decode_utf16(utf16_units(b, be))
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

/// The 16-bit units of `b` in either byte order (an odd last byte is dropped).
pub(super) fn utf16_units(b: &[u8], be: bool) -> impl Iterator<Item = u16> + '_ {
    b.chunks_exact(2).map(move |p| {
        if be {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    })
}

/// A byte as Windows-1252 (the table lives in [`crate::base::encoding`]); its
/// undefined bytes and NUL stay as the C1/C0 characters they are.
fn cp1252(b: u8) -> char {
    crate::base::encoding::cp1252(b).unwrap_or(b as char)
}

/// UTF-8 where valid; each invalid byte read as Windows-1252.
pub(super) fn utf8_or_1252(b: &[u8]) -> Cow<'_, str> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Cow::Borrowed(s);
    }
    let mut s = String::with_capacity(b.len() + 16);
    for chunk in b.utf8_chunks() {
        s.push_str(chunk.valid());
        s.extend(chunk.invalid().iter().map(|&x| cp1252(x)));
    }
    Cow::Owned(s)
}

/// Percent-decodes `s` when it holds at least one `%XX`.
pub(super) fn pct(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let any = b
        .windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit());
    if !any {
        return Cow::Borrowed(s);
    }
    let bytes: Cow<[u8]> = percent_encoding::percent_decode_str(s).into();
    Cow::Owned(utf8_or_1252(&bytes).into_owned())
}

pub(super) fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

pub(super) fn hex_at(b: &[u8], i: usize, n: usize) -> Option<u32> {
    let h = b.get(i..i.checked_add(n)?)?;
    let mut v = 0u32;
    for &c in h {
        v = v * 16 + (c as char).to_digit(16)?;
    }
    Some(v)
}

/// The media type and bytes of a `data:` URI (base64 or percent-encoded).
pub(super) fn data_uri(v: &str) -> Option<(String, Vec<u8>)> {
    use base64::Engine as _;
    let rest = v.trim().strip_prefix("data:")?;
    let (head, body) = rest.split_once(',')?;
    let mime = head
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let bytes = if head.ends_with(";base64") {
        let clean: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        base64::engine::general_purpose::STANDARD
            .decode(pct(&clean).as_bytes())
            .ok()?
    } else {
        pct(body).into_owned().into_bytes()
    };
    Some((mime, bytes))
}
