//! Containers of other files: gzip (read as the file it wraps) and zip
//! (each member extracted by name; the archive is always flagged).
//!
//! Not here: fonts ([`super::fonts`]), formats that cannot be opened at
//! all (brotli, 7z...: flagged by the dispatch in [`super`]), PDF
//! ([`super::pdf`]).

use super::binary::{Z, find, inflate, le16, le32, slice, strings};
use super::decode::{looks_binary, utf8_or_1252};
use super::markup::markup_into;
use super::{MAX_DEPTH, Out, Segment, Strength, extract_into, known_kind, path_words, push};

pub(super) fn gzip(path: &str, b: &[u8], depth: u8, out: &mut Out) {
    let data = inflate(b, Z::Gzip, false, out);
    let lower = path.to_ascii_lowercase();
    let inner = if let Some(p) = lower
        .strip_suffix(".gz")
        .or_else(|| lower.strip_suffix(".gzip"))
    {
        p.to_string()
    } else if let Some(p) = lower.strip_suffix(".svgz") {
        format!("{p}.svg")
    } else if let Some(p) = lower.strip_suffix(".tgz") {
        format!("{p}.tar")
    } else {
        lower.clone()
    };
    extract_into(&inner, &data, depth + 1, out);
}

pub(super) fn zip(b: &[u8], depth: u8, out: &mut Out) {
    let mut i = 0;
    while let Some(p) = find(b, b"PK\x03\x04", i) {
        let h = p;
        let (Some(flags), Some(method)) = (le16(b, h + 6), le16(b, h + 8)) else {
            break;
        };
        let csize = le32(b, h + 18).unwrap_or(0) as usize;
        let nlen = usize::from(le16(b, h + 26).unwrap_or(0));
        let xlen = usize::from(le16(b, h + 28).unwrap_or(0));
        let name = utf8_or_1252(slice(b, h + 30, nlen)).into_owned();
        let start = h + 30 + nlen + xlen;
        let sized = flags & 8 == 0 && csize > 0;
        let data = if sized {
            slice(b, start, csize)
        } else {
            b.get(start..).unwrap_or(&[])
        };
        let inner = match method {
            0 if sized => Some(data.to_vec()),
            8 => Some(inflate(data, Z::Deflate, true, out)),
            _ => None,
        };
        if let Some(inner) = inner {
            extract_into(&name, &inner, depth + 1, out);
        }
        out.text(path_words(&name));
        i = if sized { start + csize } else { p + 4 };
    }
    strings(b, &mut out.segs);
}

/// What a `data:` URI of a markup document (at nesting `depth`) carries is
/// published too: text and markup are scanned as such, anything else (a
/// picture, or bytes that are no text whatever the type says: a link
/// downloads them as they are) as the file it is, within the file's
/// decompression budget; what it cannot read of that file (a bzip2, a
/// PDF), a picture that does not decode or holds blocks the guard does not
/// read, or a picture's position is the containing file's.
pub(super) fn data_into(mime: &str, bytes: &[u8], line: u32, depth: u8, segs: &mut Vec<Segment>) {
    let text = || utf8_or_1252(bytes).into_owned();
    let as_file = looks_binary(bytes) || known_kind(bytes);
    if depth >= MAX_DEPTH {
        super::shared::Shared::flag("a file is nested in too many containers to be read");
        strings(bytes, segs);
    } else if as_file {
        if crate::stages::model::unread_as_written(bytes) {
            super::shared::Shared::flag(super::PICTURE_AS_WRITTEN);
        }
        let ext = mime.rsplit('/').next().unwrap_or("bin");
        let inner = super::extract(&format!("data.{ext}"), bytes);
        segs.extend(inner.segments.into_iter().skip(1));
    } else if mime.contains("html") || mime.contains("xml") || mime.contains("svg") {
        markup_into(&text(), line, mime.contains("xml"), depth + 1, segs);
    } else {
        push(segs, text(), line, Strength::Text);
    }
}
