//! Shared tools for binary formats: bounds-checked byte readers, byte
//! search, decompression within the file's budget, and strings(1), the
//! fallback that finds readable runs in any bytes.
//!
//! Not here: any particular format (images in [`super::images`], archives
//! and fonts in [`super::containers`], PDF in [`super::pdf`]).

use std::io::Read;

use super::decode::utf16_units;
use super::shared::Shared;
use super::{MAX_INFLATE_TOTAL, Out, Segment, Strength, push};

pub(super) fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() {
        return None;
    }
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= hay.len() {
        match hay[i..hay.len() - needle.len() + 1]
            .iter()
            .position(|&c| c == first)
        {
            None => return None,
            Some(p) => {
                i += p;
                if hay[i..].starts_with(needle) {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

pub(super) fn be16(b: &[u8], i: usize) -> Option<u16> {
    let x = b.get(i..i.checked_add(2)?)?;
    Some(u16::from_be_bytes([x[0], x[1]]))
}
pub(super) fn be32(b: &[u8], i: usize) -> Option<u32> {
    let x = b.get(i..i.checked_add(4)?)?;
    Some(u32::from_be_bytes([x[0], x[1], x[2], x[3]]))
}
pub(super) fn le32(b: &[u8], i: usize) -> Option<u32> {
    let x = b.get(i..i.checked_add(4)?)?;
    Some(u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
}

pub(super) fn le16(b: &[u8], i: usize) -> Option<u16> {
    let x = b.get(i..i.checked_add(2)?)?;
    Some(u16::from_le_bytes([x[0], x[1]]))
}

pub(super) fn slice(b: &[u8], from: usize, len: usize) -> &[u8] {
    let from = from.min(b.len());
    &b[from..from.saturating_add(len).min(b.len())]
}

pub(super) fn split_nul(b: &[u8]) -> (&[u8], &[u8]) {
    match b.iter().position(|&c| c == 0) {
        Some(p) => (&b[..p], &b[p + 1..]),
        None => (b, &[]),
    }
}

// ---------------------------------------------------------------------------
// Compression
// ---------------------------------------------------------------------------

#[derive(Clone, Copy)]
pub(super) enum Z {
    Zlib,
    Gzip,
    Deflate,
}

/// Decompresses within the file's budget. Damaged or oversized input flags
/// the file (unless `quiet`) and yields what could be read.
pub(super) fn inflate(data: &[u8], z: Z, quiet: bool, out: &mut Out) -> Vec<u8> {
    let cap = Shared::budget();
    let mut v = Vec::new();
    let r: Box<dyn Read + '_> = match z {
        Z::Zlib => Box::new(flate2::read::ZlibDecoder::new(data)),
        Z::Gzip => Box::new(flate2::read::MultiGzDecoder::new(data)),
        Z::Deflate => Box::new(flate2::read::DeflateDecoder::new(data)),
    };
    let res = r.take(cap as u64 + 1).read_to_end(&mut v);
    if v.len() > cap {
        v.truncate(cap);
        out.flag(&format!(
            "a compressed part is larger than {} MB once decompressed",
            MAX_INFLATE_TOTAL >> 20
        ));
    } else if res.is_err() && !quiet {
        out.flag("a compressed part of the file is damaged and cannot be read");
    }
    Shared::spend(v.len());
    v
}

/// Most packed streams tried in one part of a file (each try that fails
/// costs a decoder).
const MAX_PACKED_TRIES: usize = 4096;

/// strings(1) of `b` and of every zlib or gzip stream inside it: a font's
/// table, a picture's block of a kind the guard does not know, or a
/// tool's private chunk can hold text packed with zlib, which strings
/// alone never finds. A stream is looked for where its header is (zlib's
/// two bytes that check out, gzip's three), so ordinary bytes cost a byte
/// compare; what a stream yields is read as strings too, within the
/// file's decompression budget.
pub(super) fn strings_packed(b: &[u8], out: &mut Out) {
    strings(b, &mut out.segs);
    let mut i = 0;
    let mut tries = 0;
    while let Some(p) = memchr::memchr2(0x78, 0x1F, b.get(i..).unwrap_or(&[])) {
        let at = i + p;
        i = at + 1;
        let head = &b[at..];
        let z = match head {
            [0x78, f, ..] if (0x7800 | u16::from(*f)) % 31 == 0 && f & 0x20 == 0 => Z::Zlib,
            [0x1F, 0x8B, 8, ..] => Z::Gzip,
            _ => continue,
        };
        tries += 1;
        if tries > MAX_PACKED_TRIES || Shared::budget() == 0 {
            break;
        }
        // Only a stream that ends right (its checksum too): bytes that
        // merely look like a header decode as junk for a while, and junk
        // read as text may look like a date.
        let (text, used, whole) = inflate_prefix(head, z);
        if whole && text.len() >= 4 {
            strings(&text, &mut out.segs);
            i = at + used.max(1);
        }
    }
}

/// What `b`, bytes decoded from base64 or hex, holds when it is one whole
/// zlib stream (its checksum right: `true`) or one whole raw deflate
/// stream (`false`: a key or a hash may happen to be one, so only text
/// out of it means anything), within the file's decompression budget.
pub(super) fn unpack(b: &[u8]) -> Option<(Vec<u8>, bool)> {
    let cap = Shared::budget();
    let whole = |v: Vec<u8>, ok: bool, used: usize| {
        (ok && !v.is_empty() && used + 4 >= b.len()).then_some(v)
    };
    if matches!(b, [0x78, f, ..] if (0x7800 | u16::from(*f)) % 31 == 0) {
        let mut v = Vec::new();
        let (used, ok) = inflate_into(&ZLIB, true, b, cap, &mut v);
        if let Some(v) = whole(v, ok, used) {
            Shared::spend(v.len());
            return Some((v, true));
        }
    }
    // A block's type is in its first byte's bits 1 and 2; 3 is none.
    if b.len() < 6 || b[0] & 0b110 == 0b110 {
        return None;
    }
    let mut v = Vec::new();
    let (used, ok) = inflate_into(&DEFLATE, false, b, cap, &mut v);
    let v = whole(v, ok, used)?;
    Shared::spend(v.len());
    Some((v, false))
}

/// What the stream at the start of `data` yields (as far as it goes
/// right), how many of its bytes it took, and whether it ended right.
fn inflate_prefix(data: &[u8], z: Z) -> (Vec<u8>, usize, bool) {
    let cap = Shared::budget() as u64;
    let mut v = Vec::new();
    let (used, whole) = match z {
        Z::Gzip => {
            let mut d = flate2::read::GzDecoder::new(data);
            let ok = (&mut d).take(cap).read_to_end(&mut v).is_ok();
            (data.len() - d.into_inner().len(), ok)
        }
        _ => zlib_prefix(data, usize::try_from(cap).unwrap_or(usize::MAX), &mut v),
    };
    Shared::spend(v.len());
    (v, used, whole)
}

thread_local! {
    /// One zlib and one raw deflate decoder a thread, reset for each try:
    /// most tries are bytes that only look like a stream (a picture's, a
    /// hash written in base64), and a new decoder (tens of kilobytes of
    /// state) for each cost more than reading them.
    static ZLIB: std::cell::RefCell<flate2::Decompress> =
        std::cell::RefCell::new(flate2::Decompress::new(true));
    static DEFLATE: std::cell::RefCell<flate2::Decompress> =
        std::cell::RefCell::new(flate2::Decompress::new(false));
}

type Decoder = std::thread::LocalKey<std::cell::RefCell<flate2::Decompress>>;

/// Inflate the zlib stream at the start of `data` into `v` (at most `cap`
/// bytes, as far as it goes right); how many bytes of `data` it took, and
/// whether it ended right.
fn zlib_prefix(data: &[u8], cap: usize, v: &mut Vec<u8>) -> (usize, bool) {
    inflate_into(&ZLIB, true, data, cap, v)
}

/// Inflate the stream at the start of `data` with `decoder` (a zlib one:
/// `zlib`) into `v` (at most `cap` bytes, as far as it goes right): how
/// many bytes of `data` it took, and whether the stream ended right.
fn inflate_into(
    decoder: &'static Decoder,
    zlib: bool,
    data: &[u8],
    cap: usize,
    v: &mut Vec<u8>,
) -> (usize, bool) {
    decoder.with_borrow_mut(|d| {
        d.reset(zlib);
        let mut ended = false;
        loop {
            let taken = usize::try_from(d.total_in()).unwrap_or(data.len());
            if v.len() >= cap {
                break;
            }
            v.reserve((cap - v.len()).clamp(1, 32 * 1024));
            let out_before = d.total_out();
            let status = d.decompress_vec(
                &data[taken.min(data.len())..],
                v,
                flate2::FlushDecompress::Finish,
            );
            let stuck = d.total_in() == taken as u64 && d.total_out() == out_before;
            match status {
                Ok(flate2::Status::StreamEnd) => {
                    ended = true;
                    break;
                }
                Ok(_) if !stuck => {}
                _ => break,
            }
        }
        // Cut at the budget, a stream counts as whole (as a reader that
        // stops there says).
        let whole = ended || v.len() >= cap;
        v.truncate(cap);
        (usize::try_from(d.total_in()).unwrap_or(data.len()), whole)
    })
}

// ---------------------------------------------------------------------------
// strings(1)
// ---------------------------------------------------------------------------

fn flush_run(run: &mut String, n: &mut usize, segs: &mut Vec<Segment>) {
    if *n >= 4 && run.chars().filter(|c| c.is_alphanumeric()).count() >= 2 {
        push(segs, run.trim(), 0, Strength::Text);
    }
    run.clear();
    *n = 0;
}

/// Runs of at least 4 printable characters: ASCII/UTF-8 (and Latin-1 letters
/// next to ASCII letters), and UTF-16 in either byte order.
pub(super) fn strings(b: &[u8], segs: &mut Vec<Segment>) {
    let mut run = String::new();
    let mut n = 0usize;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let mut took = None;
        if c == b'\t' || (0x20..0x7F).contains(&c) {
            took = Some((c as char, 1));
        } else if c >= 0xC0 {
            let w = if c >= 0xF0 {
                4
            } else if c >= 0xE0 {
                3
            } else {
                2
            };
            if let Some(seq) = b.get(i..i + w)
                && let Ok(st) = std::str::from_utf8(seq)
                && let Some(ch) = st.chars().next()
                && !ch.is_control()
            {
                took = Some((ch, w));
            } else if c != 0xD7
                && c != 0xF7
                && (run.ends_with(|p: char| p.is_ascii_alphabetic())
                    || b.get(i + 1).is_some_and(|x| x.is_ascii_alphabetic()))
            {
                took = Some((c as char, 1));
            }
        }
        match took {
            Some((ch, w)) => {
                run.push(ch);
                n += 1;
                i += w;
            }
            None => {
                flush_run(&mut run, &mut n, segs);
                i += 1;
            }
        }
    }
    flush_run(&mut run, &mut n, segs);
    // UTF-16 in both byte orders and both alignments (a run found twice,
    // once shifted by a byte, is deduplicated or merely repeated).
    for be in [false, true] {
        for align in 0..2 {
            for u in utf16_units(b.get(align..).unwrap_or(&[]), be) {
                let ch = char::from_u32(u32::from(u)).filter(|&ch| {
                    u == 9
                        || (0x20..0x7F).contains(&u)
                        || ((0xC0..0x250).contains(&u) && ch.is_alphabetic())
                });
                match ch {
                    Some(ch) => {
                        run.push(ch);
                        n += 1;
                    }
                    None => flush_run(&mut run, &mut n, segs),
                }
            }
            flush_run(&mut run, &mut n, segs);
        }
    }
}
