//! Fonts: sfnt (TrueType, OpenType), WOFF (zlib-compressed tables) and
//! WOFF2 (one brotli stream of every table). A font's text (its names, a
//! table a tool wrote) is read as strings(1) and packed streams; a table
//! of a kind no font reader uses is refused, since it may hold anything
//! packed in any way the guard does not know (raw deflate, LZW).
//!
//! Not here: the byte readers and zlib ([`super::binary`]).

use std::io::Read;

use super::Out;
use super::binary::{Z, be16, be32, inflate, slice, strings, strings_packed, unpack};
use super::shared::Shared;

/// Table tags a font may have: OpenType's, Apple's (AAT), Graphite's and
/// those font tools write (FontForge, ttfautohint). The guard reads their
/// text with strings(1) and packed streams; a table of any other kind is
/// one no font reader uses, which may hold anything packed in any way (raw
/// deflate, LZW): the font is refused as one the guard cannot read.
const FONT_TABLES: [&[u8; 4]; 86] = [
    b"avar", b"BASE", b"CBDT", b"CBLC", b"CFF ", b"CFF2", b"cmap", b"COLR", b"CPAL", b"cvar",
    b"cvt ", b"DSIG", b"EBDT", b"EBLC", b"EBSC", b"fpgm", b"fvar", b"gasp", b"GDEF", b"glyf",
    b"GPOS", b"GSUB", b"gvar", b"hdmx", b"head", b"hhea", b"hmtx", b"HVAR", b"JSTF", b"kern",
    b"loca", b"LTSH", b"MATH", b"maxp", b"MERG", b"meta", b"MVAR", b"name", b"OS/2", b"PCLT",
    b"post", b"prep", b"sbix", b"STAT", b"SVG ", b"VDMX", b"vhea", b"vmtx", b"VORG", b"VVAR",
    b"acnt", b"ankr", b"bdat", b"bhed", b"bloc", b"bsln", b"cidg", b"fdsc", b"feat", b"fmtx",
    b"fond", b"gcid", b"just", b"lcar", b"ltag", b"mort", b"morx", b"opbd", b"prop", b"trak",
    b"xref", b"Zapf", b"Silf", b"Glat", b"Gloc", b"Feat", b"Sill", b"FFTM", b"TTFA", b"PfEd",
    b"BDF ", b"TeX ", b"Debg", b"kerx", b"kcid", b"hsty",
];

/// The reason a font with a table of a kind no font reader uses is refused.
const FONT_TABLE_REASON: &str =
    "a font holds a table of a kind no font reader uses, which the guard cannot read";

/// Flags the font when `tag` is no table a font reader uses and its
/// `data` is neither text nor one whole zlib stream (which the guard
/// reads: a tool's own table of packed glyphs).
fn font_table(tag: &[u8], data: &[u8], out: &mut Out) {
    let text = |d: &[u8]| {
        d.iter()
            .all(|&c| c.is_ascii_graphic() || c.is_ascii_whitespace())
    };
    if !FONT_TABLES.iter().any(|t| tag == t.as_slice())
        && !text(data)
        && !matches!(unpack(data), Some((_, true)))
    {
        out.flag(FONT_TABLE_REASON);
    }
}

/// An sfnt font (TrueType, OpenType): its tables' kinds checked, its
/// bytes read as strings(1) and packed streams.
pub(super) fn sfnt(b: &[u8], out: &mut Out) {
    if !b.starts_with(b"ttcf") {
        let n = be16(b, 4).unwrap_or(0);
        for t in 0..usize::from(n) {
            let e = 12 + 16 * t;
            let (Some(tag), Some(off), Some(len)) =
                (b.get(e..e + 4), be32(b, e + 8), be32(b, e + 12))
            else {
                break;
            };
            font_table(tag, slice(b, off as usize, len as usize), out);
        }
    }
    strings_packed(b, out);
}

pub(super) fn woff(b: &[u8], out: &mut Out) {
    let n = be16(b, 12).unwrap_or(0);
    for t in 0..usize::from(n) {
        let e = 44 + 20 * t;
        let (Some(off), Some(clen), Some(olen)) = (be32(b, e + 4), be32(b, e + 8), be32(b, e + 12))
        else {
            break;
        };
        let data = slice(b, off as usize, clen as usize);
        let z;
        let table = if clen < olen {
            z = inflate(data, Z::Zlib, false, out);
            &z[..]
        } else {
            data
        };
        font_table(slice(b, e, 4), table, out);
        strings_packed(table, out);
    }
    // Metadata and private blocks.
    if let (Some(moff), Some(mlen)) = (be32(b, 24), be32(b, 28))
        && mlen > 0
    {
        let z = inflate(slice(b, moff as usize, mlen as usize), Z::Zlib, false, out);
        strings(&z, &mut out.segs);
    }
    if let (Some(poff), Some(plen)) = (be32(b, 36), be32(b, 40)) {
        strings(slice(b, poff as usize, plen as usize), &mut out.segs);
    }
    // And the bytes as they are: a hand-made file can carry text between
    // or outside its tables.
    strings(b, &mut out.segs);
}

/// WOFF2's tags by their index in its table directory (63: the tag
/// follows).
const WOFF2_TAGS: [&[u8; 4]; 63] = [
    b"cmap", b"head", b"hhea", b"hmtx", b"maxp", b"name", b"OS/2", b"post", b"cvt ", b"fpgm",
    b"glyf", b"loca", b"prep", b"CFF ", b"VORG", b"EBDT", b"EBLC", b"gasp", b"hdmx", b"kern",
    b"LTSH", b"PCLT", b"VDMX", b"vhea", b"vmtx", b"BASE", b"GDEF", b"GPOS", b"GSUB", b"EBSC",
    b"JSTF", b"MATH", b"CBDT", b"CBLC", b"COLR", b"CPAL", b"SVG ", b"sbix", b"acnt", b"avar",
    b"bdat", b"bloc", b"bsln", b"cvar", b"fdsc", b"feat", b"fmtx", b"fvar", b"gvar", b"hsty",
    b"just", b"lcar", b"mort", b"morx", b"opbd", b"prop", b"trak", b"Zapf", b"Silf", b"Glat",
    b"Gloc", b"Feat", b"Sill",
];

/// Why a WOFF2 font is refused when its parts cannot be found or its
/// brotli stream does not decompress.
const WOFF2_DAMAGED: &str = "a woff2 font is damaged: its brotli-compressed tables cannot be read";

/// A WOFF2 font: its table directory's kinds checked, its tables (one
/// brotli stream; outlines in WOFF2's transform left out) and metadata (brotli-compressed XML) decompressed and
/// read as strings(1) and packed streams, and so are the bytes after them.
pub(super) fn woff2(b: &[u8], out: &mut Out) {
    let n = be16(b, 12).unwrap_or(0);
    let mut i = 48;
    // Each table's length in the decompressed stream, and whether it is
    // glyph outlines in WOFF2's transform (streams of numbers).
    let mut tables = Vec::new();
    for _ in 0..n {
        let Some(&flags) = b.get(i) else {
            return damaged(b, out);
        };
        i += 1;
        let tag = match usize::from(flags & 63) {
            63 => {
                let tag = slice(b, i, 4);
                i += 4;
                tag
            }
            k => WOFF2_TAGS.get(k).map_or(&[][..], |t| t.as_slice()),
        };
        let version = flags >> 6;
        let transformed = if matches!(tag, b"glyf" | b"loca") {
            version == 0
        } else {
            version != 0
        };
        let mut len = 0;
        for _ in 0..if transformed { 2 } else { 1 } {
            match base128(b, i) {
                Some((next, v)) => (i, len) = (next, v),
                None => return damaged(b, out),
            }
        }
        tables.push((tag, len, transformed));
    }
    if b.get(4..8) == Some(b"ttcf") {
        match collection(b, i) {
            Some(next) => i = next,
            None => return damaged(b, out),
        }
    }
    let clen = be32(b, 20).unwrap_or(0) as usize;
    let data = brotli(slice(b, i, clen), out);
    // Every table but transformed outlines (numbers packed into bytes,
    // whose strings are noise), read as an sfnt's are.
    let mut at = 0usize;
    for (tag, len, transformed) in tables {
        let table = slice(&data, at, len);
        font_table(tag, table, out);
        if !transformed {
            strings_packed(table, out);
        }
        at = at.saturating_add(len);
    }
    strings_packed(data.get(at..).unwrap_or(&[]), out);
    // The metadata (brotli-compressed XML), and every byte after the
    // tables but it: the private block, or bytes a hand put there.
    let mut rest = b.get(i.saturating_add(clen)..).unwrap_or(&[]).to_vec();
    if let (Some(off), Some(len)) = (be32(b, 28), be32(b, 32))
        && len > 0
    {
        let (off, len) = (off as usize, len as usize);
        let meta = brotli(slice(b, off, len), out);
        strings(&meta, &mut out.segs);
        let from = off.saturating_sub(i.saturating_add(clen)).min(rest.len());
        let to = from.saturating_add(len).min(rest.len());
        rest[from..to].fill(0);
    }
    strings_packed(&rest, out);
}

/// A WOFF2 whose directory cannot be read: flagged, and read as strings.
fn damaged(b: &[u8], out: &mut Out) {
    out.flag(WOFF2_DAMAGED);
    strings(b, &mut out.segs);
}

/// Where a UIntBase128 at `i` ends, and its value.
fn base128(b: &[u8], mut i: usize) -> Option<(usize, usize)> {
    let mut v = 0usize;
    for _ in 0..5 {
        let c = *b.get(i)?;
        i += 1;
        v = v.checked_mul(128)? | usize::from(c & 0x7F);
        if c & 0x80 == 0 {
            return Some((i, v));
        }
    }
    None
}

/// Where a 255UInt16 at `i` ends, and its value.
fn uint255(b: &[u8], i: usize) -> Option<(usize, usize)> {
    match *b.get(i)? {
        253 => Some((i + 3, usize::from(be16(b, i + 1)?))),
        254 => Some((i + 2, 506 + usize::from(*b.get(i + 1)?))),
        255 => Some((i + 2, 253 + usize::from(*b.get(i + 1)?))),
        v => Some((i + 1, usize::from(v))),
    }
}

/// Where a WOFF2 collection's directory, at `i`, ends.
fn collection(b: &[u8], i: usize) -> Option<usize> {
    let (mut i, fonts) = uint255(b, i + 4)?;
    for _ in 0..fonts {
        let (next, tables) = uint255(b, i)?;
        i = next + 4;
        for _ in 0..tables {
            i = uint255(b, i)?.0;
        }
    }
    Some(i)
}

/// What a brotli stream yields, within the file's decompression budget;
/// one that does not decompress flags the font.
fn brotli(data: &[u8], out: &mut Out) -> Vec<u8> {
    let cap = Shared::budget();
    let mut v = Vec::new();
    let res = brotli_decompressor::Decompressor::new(data, 4096)
        .take(cap as u64 + 1)
        .read_to_end(&mut v);
    if v.len() > cap {
        v.truncate(cap);
        out.flag("a font's tables are too large to read once decompressed");
    } else if res.is_err() {
        out.flag(WOFF2_DAMAGED);
    }
    Shared::spend(v.len());
    v
}
