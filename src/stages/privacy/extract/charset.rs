//! The character set a text file declares: HTML's `<meta charset>` and
//! `<meta http-equiv="content-type" content="…; charset=…">`, XML's
//! `<?xml … encoding="…"?>`, CSS's `@charset "…";`. A browser decodes the
//! file in that charset, so a name written in Shift_JIS or KOI8-R is
//! only readable through it; the guard decodes it the same way
//! (`encoding_rs`, the WHATWG Encoding Standard's labels and decoders).
//!
//! Not here: UTF-8, UTF-16 and byte-order marks ([`super::decode`]), which
//! a declaration never overrides (a BOM wins in browsers too).

use encoding_rs::Encoding;

/// What one declaration names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Declared {
    /// A charset other than UTF-8 that a browser knows: decode with it.
    Known(&'static Encoding),
    /// A label no browser knows (nor the guard): the file cannot be read
    /// as it will be shown.
    Unknown,
}

/// Most charsets read for one file: more declarations than this are
/// themselves a trick, and reported as unreadable.
const MAX_DECLARED: usize = 3;

/// The charsets `b` declares (markup: `<?xml` and every `<meta`; `css`:
/// `@charset`), other than UTF-8 and those a browser reads as UTF-8
/// (UTF-16 named in a meta, `replacement`), each once. Every `<meta` in
/// the file counts, not only those in the first 1024 bytes: a late one
/// makes a browser re-decode the page.
pub(super) fn declared(b: &[u8], css: bool) -> Vec<Declared> {
    let mut labels: Vec<&[u8]> = Vec::new();
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(0);
    let head = &b[start..];
    if css {
        if head.len() > 8 && head[..8].eq_ignore_ascii_case(b"@charset") {
            labels.extend(label_after(&head[8..], false));
        }
    } else {
        if head.starts_with(b"<?xml") {
            let decl = &head[..head
                .windows(2)
                .position(|w| w == b"?>")
                .unwrap_or(head.len())];
            if let Some(at) = find_ci(decl, b"encoding", 0) {
                labels.extend(label_after(&decl[at + 8..], true));
            }
        }
        for at in memchr::memchr_iter(b'<', b) {
            let tag = &b[at + 1..];
            if tag.len() < 5 || !tag[..4].eq_ignore_ascii_case(b"meta") {
                continue;
            }
            let tag = &tag[..tag.iter().position(|&c| c == b'>').unwrap_or(tag.len())];
            if let Some(cs) = find_ci(tag, b"charset", 0) {
                labels.extend(label_after(&tag[cs + 7..], true));
            }
        }
    }
    let mut out = Vec::new();
    for label in labels {
        let d = match Encoding::for_label(label) {
            None => Declared::Unknown,
            Some(e) if e.output_encoding() == encoding_rs::UTF_8 => continue,
            Some(e) => Declared::Known(e),
        };
        if !out.contains(&d) {
            out.push(d);
        }
    }
    if out.len() > MAX_DECLARED {
        out.truncate(MAX_DECLARED);
        out.push(Declared::Unknown);
    }
    out
}

/// `b` decoded in `e` (a byte-order mark is not looked for: the caller
/// has ruled it out).
pub(super) fn decode(b: &[u8], e: &'static Encoding) -> String {
    e.decode_without_bom_handling(b).0.into_owned()
}

/// The label after `charset` / `encoding` (`= "x"`, `="x"`, `=x`; CSS's
/// `@charset "x"` has no `=`): up to a quote, a space, `;` or the end.
/// `None` when there is no value.
fn label_after(b: &[u8], eq: bool) -> Option<&[u8]> {
    let skip = |b: &[u8], i: usize| {
        i + b[i..]
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count()
    };
    let mut i = skip(b, 0);
    if eq {
        if b.get(i) != Some(&b'=') {
            return None;
        }
        i = skip(b, i + 1);
    }
    if matches!(b.get(i), Some(b'"' | b'\'')) {
        i += 1;
    }
    let len = b[i.min(b.len())..]
        .iter()
        .take_while(|&&c| {
            !matches!(c, b'"' | b'\'' | b';' | b'>' | b'/') && !c.is_ascii_whitespace()
        })
        .count();
    (len > 0).then(|| &b[i..i + len])
}

/// The first `needle` (ASCII, any case) in `hay` from `from`.
fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}
