//! Extraction layer of the privacy guard: turns any public output file (path +
//! bytes) into the runs of decoded text the matcher scans, so that nothing in
//! any file type escapes the scan. Parts that cannot be read are reported in
//! [`Extracted::unreadable`] (the build refuses such files unless reviewed).
//!
//! This module is the public API ([`extract`], [`Segment`], [`Strength`],
//! [`MARK`], [`Extracted`]), the collector every reader writes to, the limits
//! shared by all readers, and the dispatch of a file to its reader by content
//! (magic bytes) and then by extension. The readers live in submodules:
//! `decode` (character encodings), `markup` (HTML, XML, SVG, feeds) with
//! `doctype` (what its tokenizer skips of a DOCTYPE) and `bidi` (text shown
//! reversed),
//! `code` (CSS, JS, JSON), `text` (vCard, iCalendar, RTF), `images`,
//! `containers` (gzip, zip), `fonts` (sfnt, woff, woff2), `pdf`, and `binary` (byte readers,
//! decompression, strings(1)).
//!
//! Not here: deciding what is an identifier or folding text for comparison
//! ([`super::names`], [`super::fold`]); this layer only reads.
//!
//! Self-contained but for whether a picture published as written holds
//! data it cannot read ([`crate::stages::model::unread_as_written`], the
//! check the build makes of static pictures): depends only on std,
//! `html5ever`, `flate2`, `base64`, `memchr`, `percent-encoding`, `idna`
//! and `encoding_rs`.

mod bidi;
mod binary;
mod charset;
mod code;
mod containers;
mod decode;
mod doctype;
mod filters;
mod fonts;
mod html_names;
mod images;
mod markup;
mod pdf;
mod script;
mod shared;
mod styles;
#[cfg(test)]
mod tests;
mod text;

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use binary::{find, strings};
use code::{Lang, char_codes, json_into, lex};
use containers::{gzip, zip};
use decode::{decode_text, looks_binary, pct};
use fonts::{sfnt, woff, woff2};
use images::{gif, ico, jpeg, png, webp};
use markup::markup_styled_into;
use pdf::pdf;
use shared::Shared;
use std::borrow::Cow;
use std::sync::Arc;
pub use styles::Styles;
use text::{card, escaped, quoted_printable_lines, rtf};

/// How strongly a segment is scanned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Prose, attribute values, comments, strings: every kind of identifier.
    Text,
    /// Program text outside strings/comments (CSS selectors/properties, JS identifiers):
    /// only strong identifiers (full names, emails, phones, dates), not a lone surname,
    /// since `color: white` must not trip a patient named White.
    Code,
    /// A date the template stamped (a `<time>` element or its `datetime`,
    /// a feed's `<updated>`/`<published>`, a sitemap's `<lastmod>`): scanned
    /// like text, but a published story's day is public here and only here,
    /// as nothing typed into a page or story can produce these elements.
    Stamp,
}

/// A run of decoded text to scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Decoded text. '\n' advances the line; MARK ('\u{E000}') stands where markup was removed
    /// (an inline tag): the matcher treats it as a boundary that joins words.
    pub text: String,
    /// 1-based line of the source file where `text` starts (0 when unknown, e.g. inside a PNG).
    pub line: u32,
    pub strength: Strength,
}

/// Stands where markup was removed.
pub const MARK: char = '\u{E000}';

/// Stands where a block element (a paragraph, a table cell, a list item)
/// began or ended: the text on either side shows apart, one block above or
/// beside the other. The fold reads it as a space that also says so (a
/// token's `block`).
pub const BLOCK: char = '\u{E001}';

/// What a file yields.
pub struct Extracted {
    pub segments: Vec<Segment>,
    /// Set when part of the file could not be read (a PDF, a zip, an unknown binary, a font's unknown table...):
    /// a short reason for the user, e.g. "a PDF's text cannot be read reliably".
    pub unreadable: Option<String>,
    /// A picture records the place it was taken (a GPS position in its
    /// EXIF or XMP): a patient's home, for one.
    pub located: bool,
}

/// Every segment of one public file. `path` is relative to the output folder, `/`-separated.
pub fn extract(path: &str, bytes: &[u8]) -> Extracted {
    extract_styled(path, bytes, &Arc::default())
}

/// [`extract`] of a file of a site whose stylesheets are `styles`: a page
/// is read once more as they lay it out (hidden classes, reordered
/// children, `::before` text).
pub fn extract_styled(path: &str, bytes: &[u8], styles: &Arc<Styles>) -> Extracted {
    let top = Shared::enter();
    let mut out = Out {
        segs: Vec::new(),
        unreadable: None,
        located: false,
        styles: Arc::clone(styles),
    };
    push(&mut out.segs, path_words(&pct(path)), 0, Strength::Text);
    extract_into(path, bytes, 0, &mut out);
    base64_blobs(&mut out);
    filters::ascii_streams(&mut out);
    let seven = filters::utf7(&out.segs);
    out.segs.extend(seven);
    // Percent-encoding outside URLs too (a pasted link in a text file,
    // "302%20555%200142"), and Punycode domains: scanned decoded as well.
    let decoded: Vec<Segment> = out
        .segs
        .iter()
        .filter(|s| s.strength != Strength::Code)
        .filter_map(|s| {
            let text = decode::pct(&s.text);
            let text = match decode::punycode(&text) {
                Cow::Owned(t) => t,
                Cow::Borrowed(_) => match text {
                    Cow::Owned(t) => t,
                    Cow::Borrowed(_) => return None,
                },
            };
            Some(Segment { text, ..s.clone() })
        })
        .collect();
    out.segs.extend(decoded);
    let tags = text::hashtags(&out.segs);
    out.segs.extend(tags);
    let unmarked = text::footnote_marks(&out.segs);
    out.segs.extend(unmarked);
    let shown = bidi::overridden(&out.segs);
    out.segs.extend(shown);
    // Binary formats can yield the same string several times (EXIF and a
    // strings pass, UTF-16 in two alignments): keep one of each.
    let mut seen = HashSet::new();
    out.segs.retain(|s| {
        if s.line != 0 {
            return true;
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        s.text.hash(&mut h);
        s.strength.eq(&Strength::Text).hash(&mut h);
        seen.insert(h.finish())
    });
    let (unreadable, located) = Shared::leave(top, out.unreadable, out.located);
    Extracted {
        segments: out.segs,
        unreadable,
        located,
    }
}

/// Base64 (and base32) in any segment, decoded (see
/// [`decode::base64_runs`]): text (UTF-8 or UTF-16) is scanned as text; a known file type (a picture, an archive, a PDF) is
/// read as that file, and so is a whole zlib stream (text out of a raw
/// deflate one). Anything else is taken for a key or a hash.
fn base64_blobs(out: &mut Out) {
    let blobs: Vec<(u32, Vec<u8>)> = out
        .segs
        .iter()
        .flat_map(|s| {
            decode::base64_runs(&s.text)
                .into_iter()
                .map(|b| (s.line, b))
        })
        .collect();
    for (line, bytes) in blobs {
        if known_kind(&bytes) {
            if crate::stages::model::unread_as_written(&bytes) {
                out.flag(PICTURE_AS_WRITTEN);
            }
            extract_into("base64", &bytes, 1, out);
            continue;
        }
        if let Some(text) = decode::blob_text(&bytes) {
            push(&mut out.segs, text, line, Strength::Text);
        }
        // Text packed with zlib (or raw deflate) before it was encoded:
        // read as what it holds.
        match binary::unpack(&bytes) {
            Some((inner, true)) => extract_into("packed", &inner, 1, out),
            Some((inner, false)) => {
                if let Some(text) = decode::blob_text(&inner) {
                    push(&mut out.segs, text, line, Strength::Text);
                }
            }
            None => {}
        }
        // An email's body or header (`=?koi8-r?B?…?=`) in a legacy code
        // page: read as its reader's mail program shows it.
        for text in charset::undeclared(&bytes, charset::Source::Blob) {
            push(&mut out.segs, text, line, Strength::Text);
        }
    }
}

/// Whether `b` starts as a file the guard reads by its kind (a picture, an
/// archive, a PDF), whatever it is called: bytes found inside another file
/// (base64, after a picture's end) are read as that file.
fn known_kind(b: &[u8]) -> bool {
    let magic: [&[u8]; 14] = [
        b"\x1F\x8B",
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"RIFF",
        b"%PDF-",
        b"PK\x03\x04",
        // Files the guard cannot open (bzip2, 7z, xz, zstd, rar, lz4,
        // woff2) and woff: taken for a key or a hash, their text was
        // published unread; read by their kind, they are refused.
        b"7z\xBC\xAF\x27\x1C",
        b"\xFD7zXZ\0",
        b"\x28\xB5\x2F\xFD",
        b"Rar!\x1A\x07",
        b"\x04\x22\x4D\x18",
        b"wOF2",
        b"wOFF",
    ];
    let bzip2 = b.starts_with(b"BZh") && b.get(3).is_some_and(|c| (b'1'..=b'9').contains(c));
    bzip2 || magic.iter().any(|m| b.starts_with(m))
}

/// Why a picture inside a file (a `data:` URI, base64) is not read: it
/// goes out as written, and the guard cannot read what it holds.
const PICTURE_AS_WRITTEN: &str = "a picture inside it (a data: URI, base64) does not decode or holds a block of a kind no viewer shows, and goes out as written";

// ---------------------------------------------------------------------------
// Limits and the collector
// ---------------------------------------------------------------------------

/// Most bytes decompressed from one file, all parts together (those of
/// every `data:` URI it holds too).
const MAX_INFLATE_TOTAL: usize = 16 << 20;
/// Deepest nesting of containers (gzip in zip in gzip...) and markup in markup.
const MAX_DEPTH: u8 = 4;

struct Out {
    segs: Vec<Segment>,
    unreadable: Option<String>,
    located: bool,
    /// The site's stylesheets' rules.
    styles: Arc<Styles>,
}

impl Out {
    fn flag(&mut self, reason: &str) {
        if self.unreadable.is_none() {
            self.unreadable = Some(reason.to_string());
        }
    }
    fn text(&mut self, s: impl Into<String>) {
        push(&mut self.segs, s, 0, Strength::Text);
    }
}

/// Adds a segment unless it has nothing a matcher could find (no letter or digit).
fn push(segs: &mut Vec<Segment>, text: impl Into<String>, line: u32, strength: Strength) {
    let text = text.into();
    if text.chars().any(char::is_alphanumeric) {
        segs.push(Segment {
            text,
            line,
            strength,
        });
    }
}

fn count_nl(s: &str) -> u32 {
    s.as_bytes().iter().filter(|&&b| b == b'\n').count() as u32
}

/// A path as words: its separators (`/ . - _`) become spaces.
fn path_words(path: &str) -> String {
    path.replace(['/', '.', '-', '_'], " ")
}

// ---------------------------------------------------------------------------
// Dispatch
// ---------------------------------------------------------------------------

fn extension(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn extract_into(path: &str, b: &[u8], depth: u8, out: &mut Out) {
    if depth > MAX_DEPTH {
        out.flag("a file is nested in too many containers to be read");
        strings(b, &mut out.segs);
        return;
    }
    let ext = extension(path);
    let ext = ext.as_str();
    let binaryish = looks_binary(b);
    let magic = |m: &[u8]| b.starts_with(m);

    if magic(&[0x1F, 0x8B]) {
        return gzip(path, b, depth, out);
    }
    if magic(b"\x89PNG\r\n\x1a\n") {
        return png(b, depth, out);
    }
    if magic(&[0xFF, 0xD8, 0xFF]) {
        return jpeg(b, depth, out);
    }
    if magic(b"GIF87a") || magic(b"GIF89a") {
        return gif(b, depth, out);
    }
    if magic(b"RIFF") && b.get(8..12) == Some(b"WEBP") {
        return webp(b, depth, out);
    }
    if magic(b"RIFF") || magic(b"RIFX") {
        out.flag("a media file (RIFF: audio, video) cannot be read");
        return strings(b, &mut out.segs);
    }
    if b.get(..1024.min(b.len()))
        .is_some_and(|h| find(h, b"%PDF-", 0).is_some())
        && (magic(b"%PDF-") || binaryish || ext == "pdf")
    {
        return pdf(b, out);
    }
    if magic(b"PK\x03\x04") || magic(b"PK\x05\x06") {
        out.flag("an archive (zip, docx, xlsx, epub...) cannot be read reliably");
        return zip(b, depth, out);
    }
    if magic(b"wOF2") && (binaryish || ext == "woff2") {
        return woff2(b, out);
    }
    if ext == "br" {
        out.flag("a brotli-compressed file cannot be read");
        return strings(b, &mut out.segs);
    }
    if magic(b"7z\xBC\xAF\x27\x1C")
        || magic(b"Rar!\x1A\x07")
        || magic(&[0xFD, b'7', b'z', b'X', b'Z', 0])
        || magic(&[0x28, 0xB5, 0x2F, 0xFD])
        || (magic(b"BZh") && binaryish)
    {
        out.flag("a compressed archive cannot be read");
        return strings(b, &mut out.segs);
    }
    if magic(b"wOFF") && (binaryish || ext == "woff") {
        return woff(b, out);
    }
    let font = magic(&[0, 1, 0, 0]) || magic(b"OTTO") || magic(b"true") || magic(b"ttcf");
    let icon = magic(&[0, 0, 1, 0]) || magic(&[0, 0, 2, 0]);
    let bmp = magic(b"BM");
    if icon && (binaryish || matches!(ext, "ico" | "cur")) {
        return ico(b, depth, out);
    }
    if font && (binaryish || matches!(ext, "ttf" | "otf" | "ttc")) {
        return sfnt(b, out);
    }
    if bmp && (binaryish || ext == "bmp") {
        // Bitmaps carry no free text beyond what strings finds, in their
        // bytes or packed into a block of their own.
        return binary::strings_packed(b, out);
    }

    let Some(text) = decode_text(b) else {
        out.flag("a binary file of unknown kind cannot be read");
        return strings(b, &mut out.segs);
    };
    text_file(ext, &text, depth, out);
    declared_charsets(ext, b, &text, depth, out);
}

/// A text file that declares a charset (see [`charset`]) is read a second
/// time as a browser shows it; one whose label no browser knows is
/// reported as unreadable. A byte-order mark, or UTF-16 without one,
/// overrides any declaration, as in browsers. A text file that declares
/// none and is not UTF-8 is read once more in each legacy charset a
/// browser may fall back to (see [`charset::undeclared`]): a Russian CSV
/// in Windows-1251 or a Japanese one in Shift_JIS shows its names only
/// through them.
fn declared_charsets(ext: &str, b: &[u8], text: &str, depth: u8, out: &mut Out) {
    let t = text.trim_start();
    let css = ext == "css";
    let markup = MARKUP.contains(&ext) || XML.contains(&ext) || t.starts_with('<');
    if decode::unicode_by_bytes(b) {
        return;
    }
    let declared = if css || markup {
        charset::declared(b, css)
    } else {
        Vec::new()
    };
    if declared.is_empty() {
        for reading in charset::undeclared(b, charset::Source::File) {
            text_file(ext, &reading, depth, out);
        }
    }
    for d in declared {
        match d {
            charset::Declared::Known(e) => text_file(ext, &charset::decode(b, e), depth, out),
            charset::Declared::Unknown => {
                out.flag("a text file declares a character set that cannot be read")
            }
        }
    }
}

/// Extensions read as HTML (and SVG).
const MARKUP: [&str; 5] = ["html", "htm", "xhtml", "shtml", "svg"];
/// Extensions read as XML.
const XML: [&str; 9] = [
    "xml", "rss", "atom", "xsl", "xslt", "kml", "gpx", "plist", "opml",
];

fn text_file(ext: &str, text: &str, depth: u8, out: &mut Out) {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let markup = |xml: bool, out: &mut Out| {
        if let Some(why) = markup_styled_into(text, 1, xml, depth, &out.styles, &mut out.segs) {
            out.flag(why);
        }
    };
    match ext {
        _ if MARKUP.contains(&ext) => markup(false, out),
        _ if XML.contains(&ext) => markup(true, out),
        "json" | "webmanifest" | "jsonld" | "map" | "geojson" => json_into(text, 1, &mut out.segs),
        "css" => lex(text, Lang::Css, 1, &mut out.segs),
        "js" | "mjs" | "cjs" | "ts" | "jsx" | "tsx" | "mts" | "cts" => {
            lex(text, Lang::Js, 1, &mut out.segs)
        }
        "rtf" => rtf(text, &mut out.segs),
        _ if t.starts_with("{\\rtf") => rtf(text, &mut out.segs),
        "vcf" | "vcard" => card(text, true, &mut out.segs),
        "ics" | "ical" | "ifb" => card(text, false, &mut out.segs),
        _ if t.starts_with('<') => markup(t.starts_with("<?xml"), out),
        _ if t.starts_with('{') || t.starts_with('[') => json_into(text, 1, &mut out.segs),
        _ => {
            push(&mut out.segs, text, 1, Strength::Text);
            quoted_printable_lines(text, &mut out.segs);
            escaped(text, &mut out.segs);
            char_codes(text, 1, &mut out.segs);
        }
    }
}
