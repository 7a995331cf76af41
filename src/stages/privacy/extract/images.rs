//! Image metadata: PNG text chunks, EXIF (in PNG, JPEG, WebP), XMP, IPTC,
//! JPEG comments, GIF comment/plain-text/XMP extensions and WebP chunks,
//! the pictures inside an icon, and whatever is appended after a picture's
//! end. Pixels are skipped; unknown chunks go through strings(1).
//!
//! Not here: the byte readers and decompression ([`super::binary`]), XMP's
//! XML itself ([`super::markup`]), other binaries ([`super::containers`]).

use std::collections::HashSet;

use super::binary::{
    Z, be16, be32, inflate, le16, le32, slice, split_nul, strings, strings_packed,
};
use super::decode::decode_text;
use super::decode::{latin1, utf8_or_1252, utf16};
use super::markup::markup_into;
use super::{MAX_DEPTH, Out, extract_into, known_kind};

/// Metadata text: XML (XMP) goes through the markup tokenizer, the rest is Text.
fn meta_text(s: &str, depth: u8, out: &mut Out) {
    let s = s.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    // XMP writes a photo's position as exif:GPSLatitude / GPSLongitude.
    if s.contains("GPSLatitude") || s.contains("GPSLongitude") {
        out.located = true;
    }
    if s.starts_with('<') && depth < MAX_DEPTH {
        markup_into(s, 0, true, depth + 1, &mut out.segs);
    } else {
        out.text(s);
    }
}

fn meta_bytes(b: &[u8], depth: u8, out: &mut Out) {
    meta_text(&utf8_or_1252(b), depth, out);
}

pub(super) fn png(b: &[u8], depth: u8, out: &mut Out) {
    let mut i = 8;
    while let (Some(len), Some(ty)) = (be32(b, i), b.get(i + 4..i + 8)) {
        let data = slice(b, i + 8, len as usize);
        match ty {
            b"tEXt" => {
                let (key, text) = split_nul(data);
                keyword(key, out);
                meta_text(&latin1(text), depth, out);
            }
            b"zTXt" => {
                let (key, rest) = split_nul(data);
                keyword(key, out);
                let z = inflate(rest.get(1..).unwrap_or(&[]), Z::Zlib, false, out);
                meta_text(&latin1(&z), depth, out);
            }
            b"iTXt" => {
                let (key, rest) = split_nul(data);
                keyword(key, out);
                let compressed = rest.first() == Some(&1);
                let rest = rest.get(2..).unwrap_or(&[]);
                let (lang, rest) = split_nul(rest);
                let (tkey, text) = split_nul(rest);
                out.text(latin1(lang));
                out.text(utf8_or_1252(tkey).into_owned());
                if compressed {
                    let z = inflate(text, Z::Zlib, false, out);
                    meta_bytes(&z, depth, out);
                } else {
                    meta_bytes(text, depth, out);
                }
            }
            b"eXIf" => exif(data, out),
            b"iCCP" => {
                let (key, rest) = split_nul(data);
                out.text(latin1(key));
                let z = inflate(rest.get(1..).unwrap_or(&[]), Z::Zlib, true, out);
                strings(&z, &mut out.segs);
            }
            // Image data: see [`image_data`].
            b"IDAT" => image_data(data, out),
            b"fdAT" => image_data(data.get(4..).unwrap_or(&[]), out),
            b"IHDR" | b"PLTE" | b"IEND" | b"tRNS" | b"gAMA" | b"cHRM" | b"sRGB" | b"pHYs"
            | b"bKGD" | b"hIST" | b"sBIT" | b"tIME" | b"acTL" | b"fcTL" | b"cICP" | b"mDCv"
            | b"cLLi" => {}
            _ => strings_packed(data, out),
        }
        if ty == b"IEND" {
            return after_end(b.get(i + 12..).unwrap_or(&[]), depth, out);
        }
        i = match i.checked_add(12 + len as usize) {
            Some(n) if n <= b.len() => n,
            _ => break,
        };
    }
}

/// A picture's image data (PNG's IDAT, a JPEG scan, WebP's `VP8 `,
/// `VP8L`, `ALPH`, a frame's): compressed pixels, yet a picture that
/// decodes still carries whatever follows the end of its compressed
/// stream within the block's declared size (a name appended inside the
/// chunk, text packed with zlib), and one published as written (a WebP,
/// a `data:` URI) publishes it. Read as strings(1) and packed streams, as
/// bytes of unknown kind are; the picture's own zlib header (PNG) is
/// skipped, so its pixels are not inflated.
fn image_data(data: &[u8], out: &mut Out) {
    let own = matches!(data, [0x78, f, ..] if (0x7800 | u16::from(*f)) % 31 == 0);
    strings_packed(if own { &data[2..] } else { data }, out);
}

/// Bytes after a picture's end (PNG's IEND, JPEG's EOI, GIF's trailer,
/// past WebP's RIFF size). No viewer shows them, but the file publishes
/// them: a phone's "motion photo" appends a video, an HDR photo a second
/// picture, a tool or a person (`cat notes.txt >> photo.jpg`) any file.
/// They are read as a file of their own; padding (zeros, 0xFF, white
/// space) is nothing.
fn after_end(rest: &[u8], depth: u8, out: &mut Out) {
    if rest
        .iter()
        .all(|&c| c == 0 || c == 0xFF || c.is_ascii_whitespace())
    {
        return;
    }
    if known_kind(rest) || decode_text(rest).is_some() {
        return extract_into("", rest, depth + 1, out);
    }
    out.flag(match rest.get(4..8) {
        Some(b"ftyp") => "a video is appended after the picture (a phone's motion photo)",
        _ => "data appended after the picture's end cannot be read",
    });
    strings(rest, &mut out.segs);
}

/// An icon (ICO, CUR): each image its directory lists, read as the file
/// it is (a PNG with its text chunks; a bitmap has none beyond what
/// strings(1) finds).
pub(super) fn ico(b: &[u8], depth: u8, out: &mut Out) {
    strings_packed(b, out);
    let count = usize::from(le16(b, 4).unwrap_or(0));
    for k in 0..count.min(256) {
        let e = 6 + 16 * k;
        let (Some(size), Some(off)) = (le32(b, e + 8), le32(b, e + 12)) else {
            break;
        };
        let image = slice(b, off as usize, size as usize);
        if image.starts_with(b"\x89PNG") && depth < MAX_DEPTH {
            extract_into("", image, depth + 1, out);
        }
    }
}

/// A PNG text keyword: the registered ones are vocabulary, others are scanned.
fn keyword(k: &[u8], out: &mut Out) {
    let registered = matches!(
        k,
        b"Title"
            | b"Author"
            | b"Description"
            | b"Copyright"
            | b"Creation Time"
            | b"Software"
            | b"Disclaimer"
            | b"Warning"
            | b"Source"
            | b"Comment"
            | b"XML:com.adobe.xmp"
    ) || k.starts_with(b"Raw profile type");
    if !registered {
        out.text(latin1(k));
    }
}

/// EXIF (a TIFF structure): text fields by walking the IFDs, and whether
/// its GPS directory holds a position.
fn exif(b: &[u8], out: &mut Out) {
    let b = b.strip_prefix(b"Exif\0\0").unwrap_or(b);
    let le = match b.get(..4) {
        Some(b"II*\0") => true,
        Some(b"MM\0*") => false,
        _ => return strings(b, &mut out.segs),
    };
    let r16 = |i: usize| if le { le16(b, i) } else { be16(b, i) };
    let r32 = |i: usize| if le { le32(b, i) } else { be32(b, i) };
    // (offset, is the GPS directory)
    let mut queue = vec![(r32(4).unwrap_or(0) as usize, false)];
    let mut seen = HashSet::new();
    while let Some((off, gps)) = queue.pop() {
        if off < 8 || !seen.insert(off) || seen.len() > 64 {
            continue;
        }
        let Some(n) = r16(off) else { continue };
        for k in 0..usize::from(n).min(1024) {
            let e = off + 2 + 12 * k;
            let (Some(tag), Some(ty), Some(cnt)) = (r16(e), r16(e + 2), r32(e + 4)) else {
                break;
            };
            if matches!(tag, 0x8769 | 0x8825 | 0xA005)
                && let Some(p) = r32(e + 8)
            {
                queue.push((p as usize, tag == 0x8825));
                continue;
            }
            // GPSLatitude, GPSLongitude: three rationals each.
            if gps && matches!(tag, 0x0002 | 0x0004) && cnt > 0 {
                out.located = true;
            }
            if !matches!(ty, 1 | 2 | 7) {
                continue;
            }
            let size = cnt as usize;
            let data = if size <= 4 {
                slice(b, e + 8, size)
            } else {
                slice(b, r32(e + 8).unwrap_or(u32::MAX) as usize, size)
            };
            match (tag, ty) {
                (_, 2) => {
                    let t = utf8_or_1252(data);
                    out.text(t.trim_matches('\0'));
                }
                (0x9286, _) => {
                    let (code, rest) = (slice(data, 0, 8), data.get(8..).unwrap_or(&[]));
                    if code.starts_with(b"UNICODE") {
                        // Byte order is the file's, but some writers ignore it.
                        let zeros_even = rest.iter().step_by(2).filter(|&&c| c == 0).count();
                        let zeros_odd = rest.iter().skip(1).step_by(2).filter(|&&c| c == 0).count();
                        let be = if zeros_even != zeros_odd {
                            zeros_even > zeros_odd
                        } else {
                            !le
                        };
                        out.text(utf16(rest, be).trim_matches('\0'));
                    } else if code.starts_with(b"ASCII") || code.iter().all(|&c| c == 0) {
                        out.text(utf8_or_1252(rest).trim_matches('\0'));
                    } else {
                        strings(rest, &mut out.segs);
                    }
                }
                (0x9C9B..=0x9C9F, _) => out.text(utf16(data, false).trim_matches('\0')),
                _ => strings(data, &mut out.segs),
            }
        }
        if let Some(next) = r32(off + 2 + 12 * usize::from(n))
            && next != 0
        {
            queue.push((next as usize, false));
        }
    }
}

pub(super) fn jpeg(b: &[u8], depth: u8, out: &mut Out) {
    let mut i = 2;
    loop {
        if b.get(i) != Some(&0xFF) {
            // Lost sync: read what follows as strings.
            strings(b.get(i..).unwrap_or(&[]), &mut out.segs);
            return;
        }
        while b.get(i) == Some(&0xFF) {
            i += 1;
        }
        let Some(&m) = b.get(i) else { return };
        i += 1;
        match m {
            0xD9 => return after_end(b.get(i..).unwrap_or(&[]), depth, out),
            // A scan: its header, then entropy-coded data up to the next
            // marker. Segments may follow it (a progressive picture has
            // several scans, with comments between them).
            0xDA => {
                let Some(len) = be16(b, i) else { return };
                let start = i + usize::from(len);
                i = scan_end(b, start);
                image_data(b.get(start..i).unwrap_or(&[]), out);
                continue;
            }
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let Some(len) = be16(b, i) else { return };
        let data = slice(b, i + 2, usize::from(len).saturating_sub(2));
        match m {
            0xE1 if data.starts_with(b"Exif\0") => exif(&data[6.min(data.len())..], out),
            0xE1 if data.starts_with(b"http://ns.adobe.com/xap/1.0/\0") => {
                meta_bytes(&data[29..], depth, out)
            }
            0xE1 if data.starts_with(b"http://ns.adobe.com/xmp/extension/\0") => {
                meta_bytes(data.get(35 + 40..).unwrap_or(&[]), depth, out)
            }
            0xED => iptc(data, out),
            0xFE => meta_bytes(data, depth, out),
            0xE0..=0xEF => strings_packed(data, out),
            _ => {}
        }
        i += usize::from(len);
    }
}

/// Where a JPEG scan's entropy-coded data from `i` ends: at the first
/// 0xFF that is not a stuffed zero (0xFF00) or a restart marker.
fn scan_end(b: &[u8], mut i: usize) -> usize {
    while let Some(p) = memchr::memchr(0xFF, b.get(i..).unwrap_or(&[])) {
        let at = i + p;
        let mut j = at + 1;
        while b.get(j) == Some(&0xFF) {
            j += 1;
        }
        match b.get(j) {
            Some(0x00 | 0xD0..=0xD7) => i = j + 1,
            _ => return at,
        }
    }
    b.len()
}

/// IPTC records (in Photoshop's APP13): each 0x1C dataset's value is text.
fn iptc(b: &[u8], out: &mut Out) {
    let mut i = 0;
    while i + 5 <= b.len() {
        if b[i] == 0x1C
            && (1..=9).contains(&b[i + 1])
            && let Some(len) = be16(b, i + 3)
            && len < 0x8000
            && i + 5 + usize::from(len) <= b.len()
        {
            let v = &b[i + 5..i + 5 + usize::from(len)];
            if b[i + 1] == 2 {
                out.text(utf8_or_1252(v).into_owned());
            }
            i += 5 + usize::from(len);
        } else {
            i += 1;
        }
    }
    strings(b, &mut out.segs);
}

pub(super) fn gif(b: &[u8], depth: u8, out: &mut Out) {
    let mut i = 13;
    if let Some(&packed) = b.get(10)
        && packed & 0x80 != 0
    {
        i += 3 << ((packed & 7) + 1);
    }
    // The data sub-blocks from `i`: returns (joined data, index after terminator).
    let blocks = |mut i: usize| -> (Vec<u8>, usize, bool) {
        let mut v = Vec::new();
        loop {
            match b.get(i) {
                None => return (v, i, false),
                Some(0) => return (v, i + 1, true),
                Some(&n) => {
                    v.extend_from_slice(slice(b, i + 1, usize::from(n)));
                    i += 1 + usize::from(n);
                }
            }
        }
    };
    loop {
        match b.get(i) {
            Some(0x2C) => {
                let Some(&packed) = b.get(i + 9) else { return };
                i += 10;
                if packed & 0x80 != 0 {
                    i += 3 << ((packed & 7) + 1);
                }
                i += 1; // LZW minimum code size
                let (_, next, ok) = blocks(i);
                if !ok {
                    return;
                }
                i = next;
            }
            Some(0x21) => {
                let Some(&label) = b.get(i + 1) else { return };
                let start = i + 2;
                let (data, next, ok) = blocks(start);
                match label {
                    0xFE => meta_bytes(&data, depth, out),
                    0x01 => meta_bytes(data.get(12..).unwrap_or(&[]), depth, out),
                    0xFF if data.starts_with(b"XMP DataXMP") => {
                        // XMP is stored raw, its bytes read as sub-block lengths.
                        let raw = slice(b, start + 12, next.saturating_sub(start + 12));
                        meta_bytes(raw, depth, out);
                    }
                    // Graphic control: a delay and a colour index.
                    0xF9 => {}
                    // An application's block, or a kind no viewer knows.
                    _ => strings_packed(&data, out),
                }
                if !ok {
                    return;
                }
                i = next;
            }
            Some(0x3B) => return after_end(b.get(i + 1..).unwrap_or(&[]), depth, out),
            None => return,
            Some(_) => {
                strings(b.get(i..).unwrap_or(&[]), &mut out.segs);
                return;
            }
        }
    }
}

pub(super) fn webp(b: &[u8], depth: u8, out: &mut Out) {
    // The RIFF size says where the picture ends.
    let end = le32(b, 4).map_or(b.len(), |n| (n as usize).saturating_add(8).min(b.len()));
    let (b, rest) = b.split_at(end);
    let mut i = 12;
    while let (Some(ty), Some(len)) = (b.get(i..i + 4), le32(b, i + 4)) {
        let data = slice(b, i + 8, len as usize);
        match ty {
            b"EXIF" => exif(data, out),
            b"XMP " => meta_bytes(data, depth, out),
            // A frame (ANMF) is its header and its own such chunks.
            b"VP8 " | b"VP8L" | b"ALPH" | b"ANMF" => image_data(data, out),
            b"VP8X" | b"ANIM" => {}
            _ => strings_packed(data, out),
        }
        i = match i.checked_add(8 + len as usize + (len as usize & 1)) {
            Some(n) => n,
            None => break,
        };
    }
    after_end(rest, depth, out);
}
