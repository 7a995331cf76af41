//! Character decoding: text files to `str` (UTF-8 with or without BOM,
//! UTF-16 with or without BOM, invalid bytes as Windows-1252), binary
//! sniffing, percent-decoding, Latin-1 and hex digits.
//!
//! Not here: what the decoded text is (markup, code...: the dispatch in
//! [`super`]), and escapes of a language (JS/CSS in [`super::code`],
//! quoted-printable in [`super::text`], PDF strings in [`super::pdf`]).

pub(super) use crate::base::encoding::{utf8_or_1252, utf16, utf16_units};
use crate::base::encoding::{utf16_bom, utf16_without_bom};
use std::borrow::Cow;

/// Decodes a text file; `None` when the bytes look binary.
pub(super) fn decode_text(b: &[u8]) -> Option<Cow<'_, str>> {
    if let Some(rest) = b.strip_prefix(b"\xEF\xBB\xBF") {
        return Some(utf8_or_1252(rest));
    }
    if let Some((rest, be)) = utf16_bom(b) {
        return Some(Cow::Owned(utf16(rest, be)));
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

/// Does `b` say it is Unicode by its bytes (a UTF-8 or UTF-16 byte-order
/// mark, or UTF-16's NULs)? Then no charset it declares is honoured, as in
/// browsers.
pub(super) fn unicode_by_bytes(b: &[u8]) -> bool {
    b.starts_with(b"\xEF\xBB\xBF") || utf16_bom(b).is_some() || utf16_without_bom(b).is_some()
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

/// Percent-decodes `s` when it holds at least one `%XX`, or JavaScript's
/// `unescape` form `%uXXXX` (a UTF-16 unit: `%u004Bami%u006Eski`).
pub(super) fn pct(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    // Look only where a `%` is (most text has none), not at every window.
    let (mut any, mut wide) = (false, false);
    for at in memchr::memchr_iter(b'%', b) {
        let w = &b[at + 1..];
        any |= w.len() >= 2 && w[..2].iter().all(u8::is_ascii_hexdigit);
        wide |= w.len() >= 5 && (w[0] | 0x20) == b'u' && w[1..5].iter().all(u8::is_ascii_hexdigit);
        if any && wide {
            break;
        }
    }
    if !any && !wide {
        return Cow::Borrowed(s);
    }
    let s = if wide { pct_u(s) } else { Cow::Borrowed(s) };
    let bytes: Cow<[u8]> = percent_encoding::percent_decode_str(&s).into();
    Cow::Owned(utf8_or_1252(&bytes).into_owned())
}

/// `s` with each `%uXXXX` as the character it writes (a surrogate pair
/// as one; a lone surrogate as U+FFFD).
fn pct_u(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let unit = |i: usize| {
        (b.get(i) == Some(&b'%') && matches!(b.get(i + 1), Some(b'u' | b'U')))
            .then(|| hex_at(b, i + 2, 4))
            .flatten()
    };
    let (mut out, mut units, mut i, mut from) = (String::new(), Vec::new(), 0, 0);
    while i < b.len() {
        if unit(i).is_none() {
            i += 1;
            continue;
        }
        out.push_str(&s[from..i]);
        units.clear();
        let mut j = i;
        while let Some(u) = unit(j) {
            units.push(u as u16);
            j += 6;
        }
        out.extend(char::decode_utf16(units.iter().copied()).map(|r| r.unwrap_or('\u{FFFD}')));
        i = j;
        from = j;
    }
    if from == 0 {
        return Cow::Borrowed(s);
    }
    out.push_str(&s[from..]);
    Cow::Owned(out)
}

/// A decoded blob as text: UTF-8, or UTF-16 with or without its
/// byte-order mark (the bytes of `btoa` over a .NET or Windows string),
/// when nine characters in ten are printable; `None` for other bytes (a
/// key, a hash).
pub(super) fn blob_text(b: &[u8]) -> Option<String> {
    let printable = |text: &str| {
        let shown = text
            .chars()
            .filter(|&c| c != '\u{FFFD}' && (!c.is_control() || c.is_whitespace()))
            .count();
        shown * 10 >= text.chars().count() * 9
    };
    // UTF-16 of Latin text is valid UTF-8 too, a NUL every other byte:
    // the printable test tells them apart.
    if let Ok(t) = std::str::from_utf8(b)
        && printable(t)
    {
        return Some(t.to_string());
    }
    let text = match (utf16_bom(b), utf16_without_bom(b)) {
        (Some((rest, be)), _) => utf16(rest, be),
        (None, Some(be)) if b.len().is_multiple_of(2) => utf16(b, be),
        _ => return None,
    };
    printable(&text).then_some(text)
}

/// Internationalised domain labels written in Punycode
/// (`xn--rosahernndez-jbb`) decoded to the letters a browser's address bar
/// shows ("rosahernández"), when `s` holds one.
pub(super) fn punycode(s: &str) -> Cow<'_, str> {
    const ACE: &str = "xn--";
    // Every public text passes here: look for the rare "--" first.
    let b = s.as_bytes();
    let any = memchr::memmem::find_iter(b, b"--")
        .any(|i| i >= 2 && b[i - 2..i].eq_ignore_ascii_case(b"xn"));
    if !any {
        return Cow::Borrowed(s);
    }
    let lower = s.to_ascii_lowercase();
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    while let Some(at) = lower[from..].find(ACE).map(|i| from + i) {
        out.push_str(&s[from..at]);
        let label = &lower[at + ACE.len()..];
        let len = label
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(label.len());
        match idna::punycode::decode_to_string(&label[..len]) {
            Some(letters) => out.push_str(&letters),
            None => out.push_str(&s[at..at + ACE.len() + len]),
        }
        from = at + ACE.len() + len;
    }
    out.push_str(&s[from..]);
    Cow::Owned(out)
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

/// Shortest run of base64 (without its padding) that is decoded: shorter
/// ones are words and identifiers far more often than data.
const BASE64_MIN: usize = 16;

/// A run shorter than [`BASE64_MIN`] that still looks like a short name
/// encoded: padding after it (`Sm8gTGk=` is "Jo Li"), ten characters or
/// more (seven bytes, "Jo Li W") with capitals inside beside small letters
/// (`TWFyaWEgTG9wZXo`), or twelve hex digits or more, letters and numbers
/// mixed. Words of prose are none of these; the few identifiers that are
/// decode to bytes that name nobody.
fn short_blob(run: &[u8], next: Option<&u8>) -> bool {
    if run.len() < 6 {
        return false;
    }
    if next == Some(&b'=') {
        return true;
    }
    if run.iter().all(u8::is_ascii_hexdigit) {
        run.len() >= 12
            && run.iter().any(u8::is_ascii_digit)
            && run.iter().any(u8::is_ascii_alphabetic)
    } else {
        run.len() >= 10
            && run[1..].iter().any(u8::is_ascii_uppercase)
            && run.iter().any(u8::is_ascii_lowercase)
    }
}

/// What each run of base64 or hexadecimal in `text` decodes to (standard or URL-safe
/// alphabet, padded or not): a blob outside a `data:` URI, in a script
/// or a text file ("QWxleGFuZHJh…"), is published as much as its text.
/// Lines of whole quads joined by line breaks are also decoded as one
/// blob, as MIME and PEM wrap it (a name may straddle two lines). A run of
/// hex digits is decoded both ways ("57616c74…" is "Walt…"; a hash
/// decodes to bytes that are no text). A run of another kind (a path, a
/// long word) seldom decodes at all.
pub(super) fn base64_runs(text: &str) -> Vec<Vec<u8>> {
    // Every byte of every public file passes here: a table, and the
    // slice splitter, keep it to a few instructions a byte.
    const B64: [bool; 256] = {
        let mut t = [false; 256];
        let mut c = 0;
        while c < 256 {
            let b = c as u8;
            t[c] = b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_');
            c += 1;
        }
        t
    };
    let b = text.as_bytes();
    let base = b.as_ptr() as usize;
    let mut out = Vec::new();
    // Wrapped lines: a blob of whole quads per line with only a line break
    // between them, until a line that is shorter or not whole quads.
    let mut group: Vec<u8> = Vec::new();
    let (mut lines, mut group_end) = (0, 0);
    let whole = |run: &[u8]| run.len() >= BASE64_MIN && run.len().is_multiple_of(4);
    for run in b.split(|&c| !B64[usize::from(c)]) {
        if run.is_empty() {
            continue;
        }
        let start = run.as_ptr() as usize - base;
        if run.len() >= BASE64_MIN || short_blob(run, b.get(start + run.len())) {
            out.extend(decode_base64(run));
            out.extend(decode_hex(run));
            out.extend(decode_base32(run));
        }
        let gap = &text[group_end.min(start)..start];
        let continues = lines > 0 && gap.contains('\n') && gap.trim().is_empty();
        if continues {
            group.extend_from_slice(run);
            lines += 1;
        }
        if !continues || !whole(run) {
            if lines > 1 {
                out.extend(decode_base64(&group));
            }
            group.clear();
            lines = 0;
        }
        if !continues && whole(run) {
            group.extend_from_slice(run);
            lines = 1;
        }
        group_end = start + run.len();
    }
    if lines > 1 {
        out.extend(decode_base64(&group));
    }
    out
}

/// A run of hex digits of even length, as the bytes they write.
fn decode_hex(run: &[u8]) -> Option<Vec<u8>> {
    let run = run.strip_prefix(b"0x").unwrap_or(run);
    if !run.len().is_multiple_of(2) || !run.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
    Some(
        run.chunks(2)
            .map(|p| digit(p[0]) << 4 | digit(p[1]))
            .collect(),
    )
}

/// A run of base32 (RFC 4648: letters and 2-7, its padding left
/// outside the run) as the bytes it writes; `None` for a run with any
/// other character or of a length base32 never has.
fn decode_base32(run: &[u8]) -> Option<Vec<u8>> {
    // One case throughout (capitals as RFC 4648 writes it, or small
    // letters as some tools do); mixed case is base64.
    let lower = run.iter().any(u8::is_ascii_lowercase);
    if !matches!(run.len() % 8, 0 | 2 | 4 | 5 | 7)
        || lower && run.iter().any(u8::is_ascii_uppercase)
    {
        return None;
    }
    let mut out = Vec::with_capacity(run.len() * 5 / 8);
    let (mut acc, mut bits) = (0u32, 0);
    for &c in run {
        let v = match c.to_ascii_uppercase() {
            c @ b'A'..=b'Z' => c - b'A',
            b'2'..=b'7' => c - b'2' + 26,
            _ => return None,
        };
        acc = (acc << 5 | u32::from(v)) & 0xFFFF;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// One run of base64, decoded in the alphabet its characters say.
fn decode_base64(run: &[u8]) -> Option<Vec<u8>> {
    use base64::Engine as _;
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    if run.len() % 4 == 1 {
        return None;
    }
    let config = GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true);
    let url = run.iter().any(|c| matches!(c, b'-' | b'_'));
    let std = run.iter().any(|c| matches!(c, b'+' | b'/'));
    let alphabet = match (std, url) {
        (true, true) => return None,
        (false, true) => &base64::alphabet::URL_SAFE,
        _ => &base64::alphabet::STANDARD,
    };
    GeneralPurpose::new(alphabet, config).decode(run).ok()
}
