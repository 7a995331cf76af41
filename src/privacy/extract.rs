//! Extraction layer of the privacy guard: turns any public output file (path +
//! bytes) into the runs of decoded text the matcher scans, so that nothing in
//! any file type escapes the scan. Parts that cannot be read are reported in
//! [`Extracted::unreadable`] (the build refuses such files unless reviewed).
//!
//! Self-contained: depends only on std, `html5ever`, `flate2` and
//! `percent-encoding`.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::Read;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// How strongly a segment is scanned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Prose, attribute values, comments, strings: every kind of identifier.
    Text,
    /// Program text outside strings/comments (CSS selectors/properties, JS identifiers):
    /// only strong identifiers (full names, emails, phones, dates), not a lone surname,
    /// since `color: white` must not trip a patient named White.
    Code,
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

/// What a file yields.
pub struct Extracted {
    pub segments: Vec<Segment>,
    /// Set when part of the file could not be read (a PDF, a zip, an unknown binary, woff2...):
    /// a short reason for the user, e.g. "a PDF's text cannot be read reliably".
    pub unreadable: Option<String>,
}

/// Every segment of one public file. `path` is relative to the output folder, `/`-separated.
pub fn extract(path: &str, bytes: &[u8]) -> Extracted {
    let mut out = Out {
        segs: Vec::new(),
        unreadable: None,
        budget: MAX_INFLATE_TOTAL,
    };
    let p: String = pct(path)
        .chars()
        .map(|c| {
            if matches!(c, '/' | '.' | '-' | '_') {
                ' '
            } else {
                c
            }
        })
        .collect();
    push(&mut out.segs, p, 0, Strength::Text);
    extract_into(path, bytes, 0, &mut out);
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
    Extracted {
        segments: out.segs,
        unreadable: out.unreadable,
    }
}

// ---------------------------------------------------------------------------
// Limits and the collector
// ---------------------------------------------------------------------------

/// Most bytes decompressed from one file, all parts together.
const MAX_INFLATE_TOTAL: usize = 16 << 20;
/// Deepest nesting of containers (gzip in zip in gzip...) and markup in markup.
const MAX_DEPTH: u8 = 4;

const PDF_REASON: &str = "a PDF's text cannot be read reliably (fonts encode it)";

struct Out {
    segs: Vec<Segment>,
    unreadable: Option<String>,
    /// Bytes that may still be decompressed.
    budget: usize,
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
        out.flag("a woff2 font is brotli-compressed and cannot be read");
        return strings(b, &mut out.segs);
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
    let ico = magic(&[0, 0, 1, 0]) || magic(&[0, 0, 2, 0]);
    let bmp = magic(b"BM");
    if (font || ico || bmp)
        && (binaryish || matches!(ext, "ttf" | "otf" | "ttc" | "ico" | "cur" | "bmp"))
    {
        // Fonts, icons and bitmaps carry no free text beyond what strings finds.
        return strings(b, &mut out.segs);
    }

    let Some(text) = decode_text(b) else {
        out.flag("a binary file of unknown kind cannot be read");
        return strings(b, &mut out.segs);
    };
    text_file(ext, &text, depth, out);
}

fn text_file(ext: &str, text: &str, depth: u8, out: &mut Out) {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    match ext {
        "html" | "htm" | "xhtml" | "shtml" | "svg" => {
            markup_into(text, 1, false, depth, &mut out.segs)
        }
        "xml" | "rss" | "atom" | "xsl" | "xslt" | "kml" | "gpx" | "plist" | "opml" => {
            markup_into(text, 1, true, depth, &mut out.segs)
        }
        "json" | "webmanifest" | "jsonld" | "map" | "geojson" => json_into(text, 1, &mut out.segs),
        "css" => lex(text, Lang::Css, 1, &mut out.segs),
        "js" | "mjs" | "cjs" | "ts" | "jsx" | "tsx" | "mts" | "cts" => {
            lex(text, Lang::Js, 1, &mut out.segs)
        }
        "vcf" | "vcard" => card(text, true, &mut out.segs),
        "ics" | "ical" | "ifb" => card(text, false, &mut out.segs),
        _ if t.starts_with('<') => {
            markup_into(text, 1, t.starts_with("<?xml"), depth, &mut out.segs)
        }
        _ if t.starts_with('{') || t.starts_with('[') => json_into(text, 1, &mut out.segs),
        _ => push(&mut out.segs, text, 1, Strength::Text),
    }
}

// ---------------------------------------------------------------------------
// Decoding text
// ---------------------------------------------------------------------------

/// Decodes a text file; `None` when the bytes look binary.
fn decode_text(b: &[u8]) -> Option<Cow<'_, str>> {
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
fn looks_binary(b: &[u8]) -> bool {
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

fn utf16(b: &[u8], be: bool) -> String {
    let units = b.chunks_exact(2).map(|p| {
        if be {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '•', '–', '—', '˜', '™', 'š', '›',
    'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// UTF-8 where valid; each invalid byte read as Windows-1252.
fn utf8_or_1252(b: &[u8]) -> Cow<'_, str> {
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
fn pct(s: &str) -> Cow<'_, str> {
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

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
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

// ---------------------------------------------------------------------------
// Markup (HTML, XML, SVG, feeds) through the html5ever tokenizer
// ---------------------------------------------------------------------------

/// Tokenizes markup and adds all its segments. `base` is the absolute line of
/// the text's first line (0: lines unknown).
fn markup_into(s: &str, base: u32, xml: bool, depth: u8, segs: &mut Vec<Segment>) {
    let m = run_markup(s, base, xml, depth);
    let line = m.abs(m.text_line);
    push(segs, m.text, line, Strength::Text);
    segs.extend(m.segs);
}

fn run_markup(s: &str, base: u32, xml: bool, depth: u8) -> Markup {
    let sink = Sink(RefCell::new(Markup {
        base,
        xml,
        depth,
        segs: Vec::new(),
        text: String::with_capacity(s.len() / 2),
        text_line: 1,
        end_line: 1,
        pending: 0,
        chars: String::new(),
        chars_line: 1,
        raw: None,
        last_line: 1,
        dropped: false,
    }));
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let q = BufferQueue::default();
    q.push_back(StrTendril::from_slice(s));
    let _ = tok.feed(&q);
    tok.end();
    let mut m = std::mem::take(&mut *tok.sink.0.borrow_mut());
    m.finish();
    if m.dropped {
        // Scan the source from the line of the last token on, as it is.
        let from = s
            .match_indices('\n')
            .nth(m.last_line.saturating_sub(2) as usize)
            .map_or(0, |(i, _)| i + 1)
            * usize::from(m.last_line > 1);
        let line = m.abs(m.last_line.max(1));
        push(&mut m.segs, &s[from..], line, Strength::Text);
    }
    m
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum RawWhat {
    Css,
    Js,
    Json,
    Markup,
}

#[derive(Default)]
struct Raw {
    what: Option<RawWhat>,
    buf: String,
    /// Relative line of the first character (0 before any).
    line: u32,
}

#[derive(Default)]
struct Markup {
    base: u32,
    xml: bool,
    depth: u8,
    segs: Vec<Segment>,
    /// The running text of the document (character data and MARKs).
    text: String,
    /// Relative line where `text` starts.
    text_line: u32,
    /// Relative line reached by `text` plus `pending`.
    end_line: u32,
    /// Line breaks owed to `text`, added at its next whitespace (so that a
    /// tag spanning lines does not split the word around it).
    pending: u32,
    /// In XML mode, character data waiting for the next tag (it may hold
    /// escaped markup, as RSS descriptions do).
    chars: String,
    chars_line: u32,
    raw: Option<Raw>,
    /// Relative line of the last token emitted.
    last_line: u32,
    /// The input ended inside a tag, which the tokenizer drops.
    dropped: bool,
}

struct Sink(RefCell<Markup>);

impl TokenSink for Sink {
    type Handle = ();
    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        let mut m = self.0.borrow_mut();
        if let Token::ParseError(e) = &token {
            // At the end of input the tokenizer drops an unfinished tag
            // (`Walter <Kaminski`, `alt="Walter` without its quote).
            if e.starts_with("Saw EOF in state") && (e.contains("Tag") || e.contains("Attribute")) {
                m.dropped = true;
            }
            return TokenSinkResult::Continue;
        }
        if !matches!(token, Token::EOFToken) {
            m.last_line = line;
        }
        match token {
            Token::CharacterTokens(t) => m.chars(&t, line),
            Token::TagToken(tag) => return m.tag(tag, line),
            Token::CommentToken(c) => m.comment(&c, line),
            Token::NullCharacterToken
            | Token::DoctypeToken(_)
            | Token::ParseError(_)
            | Token::EOFToken => {}
        }
        TokenSinkResult::Continue
    }
}

fn push_newlines(s: &mut String, n: u32) {
    s.extend(std::iter::repeat_n('\n', n as usize));
}

impl Markup {
    fn abs(&self, rel: u32) -> u32 {
        if self.base == 0 {
            0
        } else {
            self.base.saturating_add(rel.saturating_sub(1))
        }
    }

    /// Brings `text` to relative line `start` before content starting there.
    fn sync(&mut self, start: u32) {
        if self.text.is_empty() {
            self.text_line = start;
            self.end_line = start;
            self.pending = 0;
            return;
        }
        if start > self.end_line {
            let d = start - self.end_line;
            self.end_line = start;
            if self.text.ends_with(char::is_whitespace) {
                push_newlines(&mut self.text, d);
            } else {
                self.pending += d;
            }
        }
    }

    fn append(&mut self, s: &str) {
        if self.pending > 0 {
            if let Some(i) = s.find(char::is_whitespace) {
                self.text.push_str(&s[..i]);
                push_newlines(&mut self.text, self.pending);
                self.pending = 0;
                self.text.push_str(&s[i..]);
            } else {
                self.text.push_str(s);
            }
        } else {
            self.text.push_str(s);
        }
        self.end_line += count_nl(s);
    }

    fn mark(&mut self, block: bool) {
        if !self.text.is_empty() {
            self.text.push(MARK);
            if block {
                self.text.push(' ');
            }
        }
    }

    fn chars(&mut self, t: &str, line: u32) {
        let start = line.saturating_sub(count_nl(t));
        if let Some(raw) = &mut self.raw {
            if raw.buf.is_empty() {
                raw.line = start;
            }
            raw.buf.push_str(t);
        } else if self.xml {
            if self.chars.is_empty() {
                self.chars_line = start;
            }
            self.chars.push_str(t);
        } else {
            self.put(start, t);
        }
    }

    /// Adds character data starting at relative line `start`; leading
    /// whitespace of the document is dropped so that `text_line` is exact.
    fn put(&mut self, start: u32, t: &str) {
        if self.text.is_empty() {
            let trimmed = t.trim_start();
            let start = start + count_nl(&t[..t.len() - trimmed.len()]);
            self.sync(start);
            self.append(trimmed);
        } else {
            self.sync(start);
            self.append(t);
        }
    }

    fn flush_chars(&mut self) {
        if self.chars.is_empty() {
            return;
        }
        let chars = std::mem::take(&mut self.chars);
        let start = self.chars_line;
        if chars.contains('<') && self.depth < MAX_DEPTH {
            // Escaped markup (an RSS description): tokenize it too.
            let inner = run_markup(&chars, self.abs(start), false, self.depth + 1);
            self.sync(start);
            self.append(&inner.text);
            self.segs.extend(inner.segs);
        } else {
            self.put(start, &chars);
        }
    }

    fn tag(&mut self, tag: Tag, line: u32) -> TokenSinkResult<()> {
        if self.raw.is_some() {
            // In raw text the tokenizer only emits the end tag that closes it.
            self.finish_raw();
            self.mark(true);
            return TokenSinkResult::Continue;
        }
        self.flush_chars();
        let name: &str = &tag.name;
        let known = known_element(name) || qualified(name);
        let aline = self.abs(line);
        if known {
            self.mark(block_element(name));
        } else {
            // `Walter <Kaminski` tokenizes as a tag: keep its words in the text.
            self.sync(line);
            let mut s = String::with_capacity(name.len() + 2);
            s.push(MARK);
            if tag.kind == TagKind::EndTag {
                s.push('/');
            }
            s.push_str(name);
            for a in &tag.attrs {
                let an: &str = &a.name.local;
                if !known_attr(an) {
                    s.push(' ');
                    s.push_str(an);
                }
            }
            s.push(MARK);
            self.append(&s);
        }
        let mut script_type: Option<String> = None;
        for a in &tag.attrs {
            let an: &str = &a.name.local;
            let v: &str = &a.value;
            if let Some(suffix) = an.strip_prefix("data-") {
                push(&mut self.segs, suffix, aline, Strength::Text);
            } else if let Some(suffix) = an.strip_prefix("aria-") {
                if !known_aria(suffix) {
                    push(&mut self.segs, suffix, aline, Strength::Text);
                }
            } else if known && !known_attr(an) {
                push(&mut self.segs, an, aline, Strength::Text);
            }
            if name == "script" && an == "type" {
                script_type = Some(v.trim().to_ascii_lowercase());
            }
            if v.trim().is_empty() {
                continue;
            }
            let vline = aline.saturating_sub(count_nl(v)).max(u32::from(aline > 0));
            if an == "style" {
                lex(v, Lang::Css, vline, &mut self.segs);
            } else if an.starts_with("on") && an.len() > 2 && known_attr(an) {
                lex(v, Lang::Js, vline, &mut self.segs);
            } else if an == "srcdoc" && self.depth < MAX_DEPTH {
                markup_into(v, vline, false, self.depth + 1, &mut self.segs);
            } else if code_valued_attr(an) {
                push(&mut self.segs, v, vline, Strength::Code);
            } else {
                push(&mut self.segs, pct(v), vline, Strength::Text);
            }
        }
        if tag.kind == TagKind::StartTag && !tag.self_closing {
            match name {
                "script" => {
                    let t = script_type.unwrap_or_default();
                    let what = if t.is_empty()
                        || t.contains("javascript")
                        || t.contains("ecmascript")
                        || t == "module"
                        || t.contains("jsx")
                        || t.contains("babel")
                    {
                        RawWhat::Js
                    } else if t.contains("json") || t == "importmap" || t == "speculationrules" {
                        RawWhat::Json
                    } else {
                        RawWhat::Markup
                    };
                    self.raw = Some(Raw {
                        what: Some(what),
                        ..Raw::default()
                    });
                    return TokenSinkResult::RawData(RawKind::ScriptData);
                }
                "style" => {
                    self.raw = Some(Raw {
                        what: Some(RawWhat::Css),
                        ..Raw::default()
                    });
                    return TokenSinkResult::RawData(RawKind::Rawtext);
                }
                _ => {}
            }
        }
        TokenSinkResult::Continue
    }

    fn comment(&mut self, c: &str, line: u32) {
        self.flush_chars();
        let start = line.saturating_sub(count_nl(c));
        if let Some(rest) = c.strip_prefix("[CDATA[") {
            // Outside foreign content html5ever reads `<![CDATA[` as a bogus
            // comment ending at the first `>`; the rest of the section follows
            // as ordinary tokens. Put the part before `>` back in the text.
            let mut frag = String::with_capacity(rest.len() + 1);
            frag.push_str(rest);
            frag.push('>');
            if self.depth < MAX_DEPTH {
                let inner = run_markup(&frag, self.abs(start), false, self.depth + 1);
                self.sync(start);
                self.append(&inner.text);
                self.segs.extend(inner.segs);
            } else {
                self.sync(start);
                self.append(&frag);
            }
            return;
        }
        if c.contains('<') && self.depth < MAX_DEPTH {
            // Commented-out markup (`<!--[if IE]><p>...`): tag names are not text.
            let a = self.abs(start);
            markup_into(c, a, false, self.depth + 1, &mut self.segs);
        } else {
            let a = self.abs(start);
            push(&mut self.segs, c, a, Strength::Text);
        }
        self.mark(false);
    }

    fn finish_raw(&mut self) {
        let Some(raw) = self.raw.take() else { return };
        let line = self.abs(raw.line.max(1));
        match raw.what {
            Some(RawWhat::Css) => lex(&raw.buf, Lang::Css, line, &mut self.segs),
            Some(RawWhat::Js) | None => lex(&raw.buf, Lang::Js, line, &mut self.segs),
            Some(RawWhat::Json) => json_into(&raw.buf, line, &mut self.segs),
            Some(RawWhat::Markup) => {
                if self.depth < MAX_DEPTH {
                    markup_into(&raw.buf, line, false, self.depth + 1, &mut self.segs)
                } else {
                    push(&mut self.segs, raw.buf, line, Strength::Text)
                }
            }
        }
    }

    fn finish(&mut self) {
        self.flush_chars();
        self.finish_raw();
        if self.pending > 0 {
            push_newlines(&mut self.text, self.pending);
            self.pending = 0;
        }
    }
}

/// `prefix:local` names (XMP's `rdf:li`, `dc:creator`, `xlink:href`) are XML vocabulary.
fn qualified(name: &str) -> bool {
    match name.split_once(':') {
        Some((p, l)) => {
            let ok = |s: &str| {
                !s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            };
            ok(p) && ok(l)
        }
        None => false,
    }
}

fn block_element(name: &str) -> bool {
    matches!(
        name,
        "address" | "article" | "aside" | "blockquote" | "body" | "br" | "caption" | "dd"
            | "details" | "dialog" | "div" | "dl" | "dt" | "fieldset" | "figcaption" | "figure"
            | "footer" | "form" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "head" | "header"
            | "hgroup" | "hr" | "html" | "li" | "link" | "main" | "menu" | "meta" | "nav"
            | "noscript" | "ol" | "option" | "p" | "pre" | "script" | "section" | "select"
            | "style" | "summary" | "table" | "tbody" | "td" | "template" | "textarea"
            | "tfoot" | "th" | "thead" | "title" | "tr" | "ul" | "img" | "iframe" | "video"
            | "audio" | "canvas" | "svg" | "math" | "object" | "embed" | "input" | "button"
            | "label" | "legend" | "optgroup" | "picture" | "source" | "track" | "area"
            | "map" | "base" | "col" | "colgroup" 
            // feeds and sitemaps
            | "item" | "entry" | "description" | "content" | "url" | "loc"
            | "channel" | "feed" | "author" | "name" | "email" | "published" | "updated"
            | "pubdate" | "guid" | "category" | "text"
    )
}

fn known_element(name: &str) -> bool {
    matches!(
        name,
        // HTML
        "a" | "abbr" | "acronym" | "address" | "applet" | "area" | "article" | "aside" | "audio"
            | "b" | "base" | "basefont" | "bdi" | "bdo" | "bgsound" | "big" | "blink"
            | "blockquote" | "body" | "br" | "button" | "canvas" | "caption" | "center" | "cite"
            | "code" | "col" | "colgroup" | "data" | "datalist" | "dd" | "del" | "details"
            | "dfn" | "dialog" | "dir" | "div" | "dl" | "dt" | "em" | "embed" | "fieldset"
            | "figcaption" | "figure" | "font" | "footer" | "form" | "frame" | "frameset" | "h1"
            | "h2" | "h3" | "h4" | "h5" | "h6" | "head" | "header" | "hgroup" | "hr" | "html"
            | "i" | "iframe" | "image" | "img" | "input" | "ins" | "isindex" | "kbd" | "keygen"
            | "label" | "legend" | "li" | "link" | "listing" | "main" | "map" | "mark"
            | "marquee" | "menu" | "menuitem" | "meta" | "meter" | "multicol" | "nav" | "nextid"
            | "nobr" | "noembed" | "noframes" | "noscript" | "object" | "ol" | "optgroup"
            | "option" | "output" | "p" | "param" | "picture" | "plaintext" | "pre"
            | "progress" | "q" | "rb" | "rp" | "rt" | "rtc" | "ruby" | "s" | "samp" | "script"
            | "search" | "section" | "select" | "slot" | "small" | "source" | "spacer" | "span"
            | "strike" | "strong" | "style" | "sub" | "summary" | "sup" | "table" | "tbody"
            | "td" | "template" | "textarea" | "tfoot" | "th" | "thead" | "time" | "title"
            | "tr" | "track" | "tt" | "u" | "ul" | "var" | "video" | "wbr" | "xmp"
            // SVG (the tokenizer lower-cases names)
            | "altglyph" | "altglyphdef" | "altglyphitem" | "animate" | "animatecolor"
            | "animatemotion" | "animatetransform" | "circle" | "clippath" | "color-profile"
            | "cursor" | "defs" | "desc" | "ellipse" | "feblend" | "fecolormatrix"
            | "fecomponenttransfer" | "fecomposite" | "feconvolvematrix" | "fediffuselighting"
            | "fedisplacementmap" | "fedistantlight" | "fedropshadow" | "feflood" | "fefunca"
            | "fefuncb" | "fefuncg" | "fefuncr" | "fegaussianblur" | "feimage" | "femerge"
            | "femergenode" | "femorphology" | "feoffset" | "fepointlight"
            | "fespecularlighting" | "fespotlight" | "fetile" | "feturbulence" | "filter"
            | "font-face" | "font-face-format" | "font-face-name" | "font-face-src"
            | "font-face-uri" | "foreignobject" | "g" | "glyph" | "glyphref" | "hkern"
            | "line" | "lineargradient" | "marker" | "mask" | "metadata" | "missing-glyph"
            | "mpath" | "path" | "pattern" | "polygon" | "polyline" | "radialgradient"
            | "rect" | "set" | "stop" | "svg" | "switch" | "symbol" | "text" | "textpath"
            | "tref" | "tspan" | "use" | "view" | "vkern"
            // MathML
            | "math" | "maction" | "annotation" | "annotation-xml" | "menclose" | "merror"
            | "mfenced" | "mfrac" | "mglyph" | "mi" | "mlabeledtr" | "mmultiscripts" | "mn"
            | "mo" | "mover" | "mpadded" | "mphantom" | "mprescripts" | "mroot" | "mrow"
            | "ms" | "mspace" | "msqrt" | "mstyle" | "msub" | "msubsup" | "msup" | "mtable"
            | "mtd" | "mtext" | "mtr" | "munder" | "munderover" | "none" | "semantics"
            // RSS, Atom, sitemaps (the XML the site emits)
            | "rss" | "channel" | "item" | "description" | "pubdate" | "lastbuilddate"
            | "guid" | "author" | "category" | "enclosure" | "generator" | "language"
            | "copyright" | "managingeditor" | "webmaster" | "docs" | "ttl" | "comments"
            | "feed" | "entry" | "id" | "updated" | "published" | "rights" | "subtitle"
            | "icon" | "logo" | "name" | "email" | "uri" | "content" | "contributor"
            | "urlset" | "url" | "loc" | "lastmod" | "changefreq" | "priority"
            | "sitemapindex" | "sitemap" | "width" | "height"
    )
}

fn known_aria(suffix: &str) -> bool {
    matches!(
        suffix,
        "activedescendant"
            | "atomic"
            | "autocomplete"
            | "braillelabel"
            | "brailleroledescription"
            | "busy"
            | "checked"
            | "colcount"
            | "colindex"
            | "colindextext"
            | "colspan"
            | "controls"
            | "current"
            | "describedby"
            | "description"
            | "details"
            | "disabled"
            | "dropeffect"
            | "errormessage"
            | "expanded"
            | "flowto"
            | "grabbed"
            | "haspopup"
            | "hidden"
            | "invalid"
            | "keyshortcuts"
            | "label"
            | "labelledby"
            | "level"
            | "live"
            | "modal"
            | "multiline"
            | "multiselectable"
            | "orientation"
            | "owns"
            | "placeholder"
            | "posinset"
            | "pressed"
            | "readonly"
            | "relevant"
            | "required"
            | "roledescription"
            | "rowcount"
            | "rowindex"
            | "rowindextext"
            | "rowspan"
            | "selected"
            | "setsize"
            | "sort"
            | "valuemax"
            | "valuemin"
            | "valuenow"
            | "valuetext"
    )
}

/// Attribute names that are markup vocabulary (their values are still scanned).
fn known_attr(name: &str) -> bool {
    if qualified(name) || name.starts_with("data-") || name.starts_with("aria-") {
        return true;
    }
    if let Some(ev) = name.strip_prefix("on") {
        return !ev.is_empty() && ev.bytes().all(|b| b.is_ascii_lowercase());
    }
    code_valued_attr(name)
        || matches!(
            name,
            "abbr"
                | "about"
                | "action"
                | "alt"
                | "archive"
                | "cite"
                | "content"
                | "data"
                | "datetime"
                | "download"
                | "formaction"
                | "href"
                | "label"
                | "longdesc"
                | "name"
                | "placeholder"
                | "poster"
                | "resource"
                | "src"
                | "srcdoc"
                | "srcset"
                | "style"
                | "summary"
                | "title"
                | "value"
                | "imagesrcset"
                | "manifest"
                | "background"
                | "codebase"
                | "profile"
                | "ping"
                | "itemid"
                | "standby"
                | "content-desc"
        )
}

/// Attributes whose values are program vocabulary (class names, colours, SVG
/// geometry): scanned as Code, so `class="text-white"` or `fill="white"` does
/// not trip a patient named White, while a full name there still does.
fn code_valued_attr(name: &str) -> bool {
    matches!(
        name,
        "class" | "id" | "type" | "rel" | "rev" | "lang" | "dir" | "charset" | "http-equiv"
            | "role" | "target" | "method" | "enctype" | "autocomplete" | "inputmode"
            | "crossorigin" | "referrerpolicy" | "loading" | "decoding" | "fetchpriority" | "as"
            | "media" | "sizes" | "integrity" | "nonce" | "xmlns" | "property" | "itemprop"
            | "itemtype" | "itemscope" | "itemref" | "vocab" | "typeof" | "prefix" | "datatype"
            | "for" | "form" | "headers" | "accept" | "accept-charset" | "async" | "defer"
            | "nomodule" | "autofocus" | "autoplay" | "controls" | "loop" | "muted"
            | "playsinline" | "preload" | "kind" | "srclang" | "default" | "checked"
            | "selected" | "disabled" | "readonly" | "required" | "multiple" | "hidden"
            | "inert" | "open" | "reversed" | "start" | "step" | "min" | "max" | "low" | "high"
            | "optimum" | "maxlength" | "minlength" | "size" | "rows" | "cols" | "wrap"
            | "pattern" | "list" | "novalidate" | "formnovalidate" | "formmethod"
            | "formtarget" | "formenctype" | "colspan" | "rowspan" | "scope" | "span" | "usemap"
            | "ismap" | "shape" | "coords" | "hreflang" | "tabindex" | "accesskey"
            | "contenteditable" | "draggable" | "spellcheck" | "translate" | "enterkeyhint"
            | "autocapitalize" | "popover" | "popovertarget" | "popovertargetaction" | "slot"
            | "part" | "exportparts" | "is" | "allow" | "allowfullscreen" | "sandbox"
            | "frameborder" | "scrolling" | "marginwidth" | "marginheight" | "blocking"
            | "shadowrootmode" | "dirname" | "color" | "bgcolor" | "align" | "valign" | "border"
            | "cellpadding" | "cellspacing" | "face" | "nowrap" | "clear" | "noshade" | "compact"
            | "version" | "width" | "height" | "elementtiming" | "attributionsrc"
            | "closedby" | "command" | "commandfor" | "writingsuggestions" | "virtualkeyboardpolicy"
            // SVG
            | "viewbox" | "d" | "fill" | "stroke" | "stroke-width" | "stroke-linecap"
            | "stroke-linejoin" | "stroke-miterlimit" | "stroke-dasharray" | "stroke-dashoffset"
            | "stroke-opacity" | "fill-opacity" | "fill-rule" | "clip-rule" | "clip-path"
            | "clip" | "opacity" | "transform" | "transform-origin" | "x" | "y" | "x1" | "x2"
            | "y1" | "y2" | "cx" | "cy" | "r" | "rx" | "ry" | "points" | "offset" | "stop-color"
            | "stop-opacity" | "gradientunits" | "gradienttransform" | "patternunits"
            | "patterncontentunits" | "patterntransform" | "preserveaspectratio"
            | "baseprofile" | "font-family" | "font-size" | "font-weight" | "font-style"
            | "font-variant" | "font-stretch" | "text-anchor" | "text-decoration"
            | "dominant-baseline" | "alignment-baseline" | "baseline-shift" | "letter-spacing"
            | "word-spacing" | "writing-mode" | "dx" | "dy" | "rotate" | "textlength"
            | "lengthadjust" | "marker-start" | "marker-end" | "marker-mid" | "mask"
            | "filter" | "in" | "in2" | "result" | "stddeviation" | "operator" | "k1" | "k2"
            | "k3" | "k4" | "values" | "mode" | "flood-color" | "flood-opacity"
            | "lighting-color" | "focusable" | "pathlength" | "overflow" | "visibility"
            | "display" | "markerwidth" | "markerheight" | "markerunits" | "refx" | "refy"
            | "orient" | "fx" | "fy" | "fr" | "spreadmethod" | "clippathunits" | "maskunits"
            | "maskcontentunits" | "filterunits" | "primitiveunits" | "vector-effect"
            | "shape-rendering" | "text-rendering" | "image-rendering" | "color-interpolation"
            | "color-interpolation-filters" | "enable-background" | "attributename"
            | "attributetype" | "begin" | "dur" | "end" | "repeatcount" | "repeatdur" | "from"
            | "to" | "by" | "keytimes" | "keysplines" | "keypoints" | "calcmode" | "additive"
            | "accumulate" | "restart" | "path" | "spacing" | "startoffset"
            | "side" | "kernelmatrix" | "order" | "divisor" | "bias" | "targetx" | "targety"
            | "edgemode" | "preservealpha" | "surfacescale" | "diffuseconstant"
            | "specularconstant" | "specularexponent" | "azimuth" | "elevation" | "z"
            | "pointsatx" | "pointsaty" | "pointsatz" | "limitingconeangle" | "scale"
            | "xchannelselector" | "ychannelselector" | "basefrequency" | "numoctaves" | "seed"
            | "stitchtiles" | "tablevalues" | "slope" | "intercept" | "amplitude" | "exponent"
            | "radius" | "requiredfeatures" | "requiredextensions" | "systemlanguage"
            | "externalresourcesrequired" | "zoomandpan" | "contentscripttype"
            | "contentstyletype" | "mathvariant" | "mathcolor" | "mathbackground"
            | "mathsize" | "displaystyle" | "scriptlevel" | "stretchy" | "fence" | "separator"
            | "lspace" | "rspace" | "accent" | "accentunder" | "linethickness" | "notation"
            | "encoding" | "definitionurl" | "columnalign" | "rowalign" | "columnspan"
            // feeds
            | "term" | "scheme" | "ispermalink" | "length" | "xml"
    )
}

// ---------------------------------------------------------------------------
// Code (CSS, JS) and JSON
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    Css,
    Js,
}

/// The whole text with JSON/JS string escapes decoded, as one Text segment.
fn json_into(s: &str, line: u32, segs: &mut Vec<Segment>) {
    if !s.contains('\\') {
        push(segs, s, line, Strength::Text);
        return;
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        match b[i..].iter().position(|&c| c == b'\\') {
            None => {
                out.push_str(&s[i..]);
                break;
            }
            Some(p) => {
                out.push_str(&s[i..i + p]);
                i = escape(s, i + p, Lang::Js, &mut out);
            }
        }
    }
    push(segs, out, line, Strength::Text);
}

fn push_cp(cp: u32, out: &mut String) {
    let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
    // An escaped line break must not advance the line.
    out.push(match c {
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{2028}' | '\u{2029}' | '\0' => ' ',
        c => c,
    });
}

fn hex_at(b: &[u8], i: usize, n: usize) -> Option<u32> {
    let h = b.get(i..i.checked_add(n)?)?;
    let mut v = 0u32;
    for &c in h {
        v = v * 16 + (c as char).to_digit(16)?;
    }
    Some(v)
}

/// Decodes the escape starting at `s[j] == '\\'`; returns the index after it.
fn escape(s: &str, j: usize, lang: Lang, out: &mut String) -> usize {
    let b = s.as_bytes();
    let k = j + 1;
    let Some(&c) = b.get(k) else {
        return b.len();
    };
    match lang {
        Lang::Js => match c {
            b'n' | b'r' | b't' | b'b' | b'f' | b'v' | b'0' => {
                out.push(' ');
                k + 1
            }
            b'x' => match hex_at(b, k + 1, 2) {
                Some(v) => {
                    push_cp(v, out);
                    k + 3
                }
                None => {
                    out.push('x');
                    k + 1
                }
            },
            b'u' => {
                if b.get(k + 1) == Some(&b'{') {
                    let end = b[k + 2..]
                        .iter()
                        .take(8)
                        .position(|&c| c == b'}')
                        .map(|p| k + 2 + p);
                    if let Some(e) = end
                        && let Some(v) = hex_at(b, k + 2, e - (k + 2)).filter(|_| e > k + 2)
                    {
                        push_cp(v, out);
                        return e + 1;
                    }
                    out.push('u');
                    return k + 1;
                }
                match hex_at(b, k + 1, 4) {
                    Some(hi @ 0xD800..=0xDBFF) => {
                        if b.get(k + 5) == Some(&b'\\')
                            && b.get(k + 6) == Some(&b'u')
                            && let Some(lo @ 0xDC00..=0xDFFF) = hex_at(b, k + 7, 4)
                        {
                            push_cp(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00), out);
                            return k + 11;
                        }
                        out.push('\u{FFFD}');
                        k + 5
                    }
                    Some(v) => {
                        push_cp(v, out);
                        k + 5
                    }
                    None => {
                        out.push('u');
                        k + 1
                    }
                }
            }
            b'\r' => {
                if b.get(k + 1) == Some(&b'\n') {
                    k + 2
                } else {
                    k + 1
                }
            }
            b'\n' => k + 1,
            _ => push_char_at(s, k, out),
        },
        Lang::Css => {
            if c.is_ascii_hexdigit() {
                let n = b[k..]
                    .iter()
                    .take(6)
                    .take_while(|c| c.is_ascii_hexdigit())
                    .count();
                let v = hex_at(b, k, n).unwrap_or(0xFFFD);
                push_cp(if v == 0 { 0xFFFD } else { v }, out);
                let mut e = k + n;
                if b.get(e) == Some(&b'\r') && b.get(e + 1) == Some(&b'\n') {
                    e += 2;
                } else if matches!(b.get(e), Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')) {
                    e += 1;
                }
                e
            } else if c == b'\n' {
                k + 1
            } else {
                push_char_at(s, k, out)
            }
        }
    }
}

fn push_char_at(s: &str, k: usize, out: &mut String) -> usize {
    // `k` follows an ASCII backslash, so it is a char boundary.
    match s.get(k..).and_then(|r| r.chars().next()) {
        Some(ch) => {
            out.push(ch);
            k + ch.len_utf8()
        }
        None => s.len(),
    }
}

/// Decodes the string literal opening at `s[i]`; returns the index after it.
/// Unterminated `'`/`"` strings end at the line break.
fn string_lit(s: &str, i: usize, lang: Lang, out: &mut String) -> usize {
    let b = s.as_bytes();
    let q = b[i];
    let mut j = i + 1;
    loop {
        let run = b[j.min(b.len())..]
            .iter()
            .position(|&c| c == q || c == b'\\' || (c == b'\n' && q != b'`'));
        match run {
            None => {
                out.push_str(&s[j.min(b.len())..]);
                return b.len();
            }
            Some(p) => {
                out.push_str(&s[j..j + p]);
                j += p;
                match b[j] {
                    b'\\' => j = escape(s, j, lang, out),
                    b'\n' => return j,
                    _ => return j + 1,
                }
            }
        }
    }
}

struct Lexer<'a> {
    s: &'a str,
    segs: &'a mut Vec<Segment>,
    base: u32,
    line_pos: usize,
    line: u32,
}

impl Lexer<'_> {
    /// Absolute line of byte `p` (monotonic calls only).
    fn line_at(&mut self, p: usize) -> u32 {
        if self.base == 0 {
            return 0;
        }
        let p = p.max(self.line_pos).min(self.s.len());
        self.line += self.s.as_bytes()[self.line_pos..p]
            .iter()
            .filter(|&&c| c == b'\n')
            .count() as u32;
        self.line_pos = p;
        self.line
    }
    fn emit(&mut self, from: usize, to: usize, strength: Strength) {
        let from = from
            + self.s.as_bytes()[from.min(to)..to]
                .iter()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
        if to > from {
            let line = self.line_at(from);
            push(self.segs, &self.s[from..to], line, strength);
        }
    }
}

/// CSS/JS: comments, strings and CSS `url()` as Text; the rest as Code.
fn lex(s: &str, lang: Lang, base: u32, segs: &mut Vec<Segment>) {
    let b = s.as_bytes();
    let mut lx = Lexer {
        s,
        segs,
        base,
        line_pos: 0,
        line: base,
    };
    let mut code = 0;
    let mut i = 0;
    let mut buf = String::new();
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == b'"' || c == b'\'' || (c == b'`' && lang == Lang::Js) {
            lx.emit(code, i, Strength::Code);
            let line = lx.line_at(i);
            buf.clear();
            let mut j = string_lit(s, i, lang, &mut buf);
            if lang == Lang::Js {
                // "Walter " + "Kaminski" is one string to a reader.
                loop {
                    let k = j + b[j..]
                        .iter()
                        .take_while(|c| c.is_ascii_whitespace())
                        .count();
                    if b.get(k) != Some(&b'+') {
                        break;
                    }
                    let k = k
                        + 1
                        + b[k + 1..]
                            .iter()
                            .take_while(|c| c.is_ascii_whitespace())
                            .count();
                    match b.get(k) {
                        Some(b'"' | b'\'' | b'`') => j = string_lit(s, k, lang, &mut buf),
                        _ => break,
                    }
                }
            }
            push(lx.segs, pct(&buf), line, Strength::Text);
            i = j;
            code = j;
        } else if c == b'/' && next == Some(b'*') {
            lx.emit(code, i, Strength::Code);
            let end = find(b, b"*/", i + 2);
            let inner_end = end.unwrap_or(b.len());
            lx.emit(i + 2, inner_end, Strength::Text);
            i = end.map_or(b.len(), |e| e + 2);
            code = i;
        } else if c == b'/' && next == Some(b'/') && lang == Lang::Js {
            lx.emit(code, i, Strength::Code);
            let end = b[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |p| i + p);
            lx.emit(i + 2, end, Strength::Text);
            i = end;
            code = i;
        } else if lang == Lang::Css
            && (c | 0x20) == b'u'
            && b.len() >= i + 4
            && b[i..i + 4].eq_ignore_ascii_case(b"url(")
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-'))
        {
            let k = i
                + 4
                + b[i + 4..]
                    .iter()
                    .take_while(|c| c.is_ascii_whitespace())
                    .count();
            if matches!(b.get(k), Some(b'"' | b'\'')) {
                i = k; // the string branch takes it
            } else {
                lx.emit(code, i + 4, Strength::Code);
                let end = b[k..]
                    .iter()
                    .position(|&c| c == b')' || c == b'\n')
                    .map_or(b.len(), |p| k + p);
                let line = lx.line_at(k);
                push(lx.segs, pct(&s[k..end]), line, Strength::Text);
                i = end;
                code = end;
            }
        } else {
            i += 1;
        }
    }
    lx.emit(code, b.len(), Strength::Code);
}

// ---------------------------------------------------------------------------
// vCard / iCalendar
// ---------------------------------------------------------------------------

fn qp_decode(v: &str) -> Cow<'_, str> {
    let b = v.as_bytes();
    if !b
        .windows(3)
        .any(|w| w[0] == b'=' && hex_at(w, 1, 2).is_some())
    {
        return Cow::Borrowed(v);
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'='
            && let Some(x) = hex_at(b, i + 1, 2)
        {
            out.push(x as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Cow::Owned(utf8_or_1252(&out).into_owned())
}

/// Unfolds lines, decodes quoted-printable and text escapes; one segment per
/// logical line, at its first physical line.
fn card(text: &str, vcf: bool, segs: &mut Vec<Segment>) {
    let mut logical = String::new();
    let mut start = 0u32;
    let mut qp = false;
    let flush = |logical: &mut String, start: u32, segs: &mut Vec<Segment>| {
        if logical.is_empty() {
            return;
        }
        let (head, value) = match logical.find(':') {
            Some(p) => (&logical[..p], &logical[p + 1..]),
            None => ("", logical.as_str()),
        };
        let is_qp = head.to_ascii_uppercase().contains("QUOTED-PRINTABLE");
        let decoded = if is_qp {
            qp_decode(value)
        } else if vcf {
            // Runs like =C3=A9 without the parameter: decode when valid UTF-8.
            let b = value.as_bytes();
            let looks = b.windows(6).any(|w| {
                w[0] == b'='
                    && w[3] == b'='
                    && hex_at(w, 1, 2).is_some_and(|x| x >= 0xC2)
                    && hex_at(w, 4, 2).is_some_and(|x| (0x80..0xC0).contains(&x))
            });
            if looks {
                qp_decode(value)
            } else {
                Cow::Borrowed(value)
            }
        } else {
            Cow::Borrowed(value)
        };
        let mut s = String::with_capacity(logical.len());
        s.push_str(head);
        s.push(':');
        let mut chars = decoded.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => s.push(' '),
                    Some(o) => s.push(o),
                    None => {}
                }
            } else {
                s.push(c);
            }
        }
        push(segs, s, start, Strength::Text);
        logical.clear();
    };
    for (n, raw) in text.split('\n').enumerate() {
        let l = raw.strip_suffix('\r').unwrap_or(raw);
        let line = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let continued = l.starts_with([' ', '\t']) || (qp && logical.ends_with('='));
        if continued && !logical.is_empty() {
            if qp && logical.ends_with('=') {
                logical.pop();
                logical.push_str(l);
            } else {
                logical.push_str(&l[1..]);
            }
        } else {
            flush(&mut logical, start, segs);
            start = line;
            logical.push_str(l);
            qp = l
                .split(':')
                .next()
                .is_some_and(|h| h.to_ascii_uppercase().contains("QUOTED-PRINTABLE"));
        }
    }
    flush(&mut logical, start, segs);
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
fn strings(b: &[u8], segs: &mut Vec<Segment>) {
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
            let units = b.get(align..).unwrap_or(&[]).chunks_exact(2);
            for p in units {
                let u = if be {
                    u16::from_be_bytes([p[0], p[1]])
                } else {
                    u16::from_le_bytes([p[0], p[1]])
                };
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

// ---------------------------------------------------------------------------
// Compression
// ---------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Z {
    Zlib,
    Gzip,
    Deflate,
}

/// Decompresses within the file's budget. Damaged or oversized input flags
/// the file (unless `quiet`) and yields what could be read.
fn inflate(data: &[u8], z: Z, quiet: bool, out: &mut Out) -> Vec<u8> {
    let cap = out.budget;
    let mut v = Vec::new();
    let r: Box<dyn Read + '_> = match z {
        Z::Zlib => Box::new(flate2::read::ZlibDecoder::new(data)),
        Z::Gzip => Box::new(flate2::read::MultiGzDecoder::new(data)),
        Z::Deflate => Box::new(flate2::read::DeflateDecoder::new(data)),
    };
    let res = r.take(cap as u64 + 1).read_to_end(&mut v);
    if v.len() > cap {
        v.truncate(cap);
        out.flag("a compressed part is larger than 16 MB once decompressed");
    } else if res.is_err() && !quiet {
        out.flag("a compressed part of the file is damaged and cannot be read");
    }
    out.budget -= v.len();
    v
}

fn gzip(path: &str, b: &[u8], depth: u8, out: &mut Out) {
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

// ---------------------------------------------------------------------------
// Images and other binaries
// ---------------------------------------------------------------------------

fn be16(b: &[u8], i: usize) -> Option<u16> {
    let x = b.get(i..i.checked_add(2)?)?;
    Some(u16::from_be_bytes([x[0], x[1]]))
}
fn be32(b: &[u8], i: usize) -> Option<u32> {
    let x = b.get(i..i.checked_add(4)?)?;
    Some(u32::from_be_bytes([x[0], x[1], x[2], x[3]]))
}
fn le32(b: &[u8], i: usize) -> Option<u32> {
    let x = b.get(i..i.checked_add(4)?)?;
    Some(u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
}
fn slice(b: &[u8], from: usize, len: usize) -> &[u8] {
    let from = from.min(b.len());
    &b[from..from.saturating_add(len).min(b.len())]
}

/// Metadata text: XML (XMP) goes through the markup tokenizer, the rest is Text.
fn meta_text(s: &str, depth: u8, out: &mut Out) {
    let s = s.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    if s.starts_with('<') && depth < MAX_DEPTH {
        markup_into(s, 0, true, depth + 1, &mut out.segs);
    } else {
        out.text(s);
    }
}

fn meta_bytes(b: &[u8], depth: u8, out: &mut Out) {
    meta_text(&utf8_or_1252(b), depth, out);
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

fn png(b: &[u8], depth: u8, out: &mut Out) {
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
            b"IHDR" | b"PLTE" | b"IDAT" | b"IEND" | b"tRNS" | b"gAMA" | b"cHRM" | b"sRGB"
            | b"pHYs" | b"bKGD" | b"hIST" | b"sBIT" | b"tIME" | b"acTL" | b"fcTL" | b"fdAT"
            | b"cICP" | b"mDCv" | b"cLLi" => {}
            _ => strings(data, &mut out.segs),
        }
        if ty == b"IEND" {
            break;
        }
        i = match i.checked_add(12 + len as usize) {
            Some(n) if n <= b.len() => n,
            _ => break,
        };
    }
}

fn split_nul(b: &[u8]) -> (&[u8], &[u8]) {
    match b.iter().position(|&c| c == 0) {
        Some(p) => (&b[..p], &b[p + 1..]),
        None => (b, &[]),
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

/// EXIF (a TIFF structure): text fields by walking the IFDs.
fn exif(b: &[u8], out: &mut Out) {
    let b = b.strip_prefix(b"Exif\0\0").unwrap_or(b);
    let le = match b.get(..4) {
        Some(b"II*\0") => true,
        Some(b"MM\0*") => false,
        _ => return strings(b, &mut out.segs),
    };
    let r16 = |i: usize| -> Option<u16> {
        let x = b.get(i..i.checked_add(2)?)?;
        Some(if le {
            u16::from_le_bytes([x[0], x[1]])
        } else {
            u16::from_be_bytes([x[0], x[1]])
        })
    };
    let r32 = |i: usize| -> Option<u32> {
        let x = b.get(i..i.checked_add(4)?)?;
        let a = [x[0], x[1], x[2], x[3]];
        Some(if le {
            u32::from_le_bytes(a)
        } else {
            u32::from_be_bytes(a)
        })
    };
    let mut queue = vec![r32(4).unwrap_or(0) as usize];
    let mut seen = HashSet::new();
    while let Some(off) = queue.pop() {
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
                queue.push(p as usize);
                continue;
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
            queue.push(next as usize);
        }
    }
}

fn jpeg(b: &[u8], depth: u8, out: &mut Out) {
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
            0xD9 | 0xDA => return,
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
            0xE0..=0xEF => strings(data, &mut out.segs),
            _ => {}
        }
        i += usize::from(len);
    }
}

/// IPTC records (in Photoshop's APP13): each 0x1C dataset's value is text.
fn iptc(b: &[u8], out: &mut Out) {
    let mut i = 0;
    let mut any = false;
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
                any = true;
            }
            i += 5 + usize::from(len);
        } else {
            i += 1;
        }
    }
    let _ = any;
    strings(b, &mut out.segs);
}

fn gif(b: &[u8], depth: u8, out: &mut Out) {
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
                    0xFF => strings(&data, &mut out.segs),
                    _ => {}
                }
                if !ok {
                    return;
                }
                i = next;
            }
            Some(0x3B) | None => return,
            Some(_) => {
                strings(b.get(i..).unwrap_or(&[]), &mut out.segs);
                return;
            }
        }
    }
}

fn webp(b: &[u8], depth: u8, out: &mut Out) {
    let mut i = 12;
    while let (Some(ty), Some(len)) = (b.get(i..i + 4), le32(b, i + 4)) {
        let data = slice(b, i + 8, len as usize);
        match ty {
            b"EXIF" => exif(data, out),
            b"XMP " => meta_bytes(data, depth, out),
            b"VP8 " | b"VP8L" | b"VP8X" | b"ALPH" | b"ANIM" | b"ANMF" => {}
            _ => strings(data, &mut out.segs),
        }
        i = match i.checked_add(8 + len as usize + (len as usize & 1)) {
            Some(n) => n,
            None => break,
        };
    }
}

fn woff(b: &[u8], out: &mut Out) {
    let n = be16(b, 12).unwrap_or(0);
    for t in 0..usize::from(n) {
        let e = 44 + 20 * t;
        let (Some(off), Some(clen), Some(olen)) = (be32(b, e + 4), be32(b, e + 8), be32(b, e + 12))
        else {
            break;
        };
        let data = slice(b, off as usize, clen as usize);
        if clen < olen {
            let z = inflate(data, Z::Zlib, false, out);
            strings(&z, &mut out.segs);
        } else {
            strings(data, &mut out.segs);
        }
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
}

fn zip(b: &[u8], depth: u8, out: &mut Out) {
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
        out.text(name.replace(['/', '.', '-', '_'], " "));
        i = if sized { start + csize } else { p + 4 };
    }
    strings(b, &mut out.segs);
}

fn le16(b: &[u8], i: usize) -> Option<u16> {
    let x = b.get(i..i.checked_add(2)?)?;
    Some(u16::from_le_bytes([x[0], x[1]]))
}

// ---------------------------------------------------------------------------
// PDF (always flagged; best-effort text)
// ---------------------------------------------------------------------------

fn pdf(b: &[u8], out: &mut Out) {
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
        if out.budget == 0 {
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
                let s = pdf_decode(&bytes);
                if in_array {
                    group.push_str(&s);
                } else {
                    out.text(s);
                }
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
                    let s = pdf_decode(&bytes);
                    if in_array {
                        group.push_str(&s);
                    } else {
                        out.text(s);
                    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::{GzEncoder, ZlibEncoder};
    use std::io::Write;

    fn all(e: &Extracted) -> Vec<(&str, u32, Strength)> {
        e.segments
            .iter()
            .map(|s| (s.text.as_str(), s.line, s.strength))
            .collect()
    }
    fn text_has(e: &Extracted, needle: &str) -> bool {
        e.segments
            .iter()
            .any(|s| s.strength == Strength::Text && s.text.contains(needle))
    }
    fn code_has(e: &Extracted, needle: &str) -> bool {
        e.segments
            .iter()
            .any(|s| s.strength == Strength::Code && s.text.contains(needle))
    }
    /// Whether `word` appears as a whole word in any Text segment.
    fn text_word(e: &Extracted, word: &str) -> bool {
        e.segments.iter().any(|s| {
            s.strength == Strength::Text
                && s.text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == word)
        })
    }
    fn zlib(b: &[u8]) -> Vec<u8> {
        let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
        z.write_all(b).unwrap();
        z.finish().unwrap()
    }
    fn gz(b: &[u8]) -> Vec<u8> {
        let mut z = GzEncoder::new(Vec::new(), Compression::default());
        z.write_all(b).unwrap();
        z.finish().unwrap()
    }

    // -- path and decoding ---------------------------------------------------

    #[test]
    fn path_is_a_segment() {
        let e = extract("static/photos/walter-kaminski.jpg", b"");
        assert_eq!(e.segments[0].text, "static photos walter kaminski jpg");
        assert_eq!(e.segments[0].line, 0);
        let e = extract("a/Walter%20Kaminski_2024.html", b"");
        assert!(text_has(&e, "Walter Kaminski 2024"), "{:?}", all(&e));
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let e = extract("a.txt", b"\xEF\xBB\xBFWalter Kaminski");
        assert!(e.segments.iter().any(|s| s.text == "Walter Kaminski"));
    }

    fn utf16_bytes(s: &str, be: bool) -> Vec<u8> {
        s.encode_utf16()
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    }

    #[test]
    fn utf16_with_and_without_bom() {
        for be in [false, true] {
            let mut b = if be {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            };
            b.extend(utf16_bytes("Zoë Kaminski", be));
            let e = extract("a.txt", &b);
            assert!(text_has(&e, "Zoë Kaminski"), "{be}: {:?}", all(&e));
            let e = extract("a.txt", &utf16_bytes("Walter Kaminski, 555-0100", be));
            assert!(
                text_has(&e, "Walter Kaminski, 555-0100"),
                "{be}: {:?}",
                all(&e)
            );
            assert!(e.unreadable.is_none());
        }
        // UTF-16 markup is still markup.
        let e = extract("a.html", &utf16_bytes("<p>Walter</p><li>x</li>", false));
        assert!(
            text_has(&e, "Walter") && !text_word(&e, "li"),
            "{:?}",
            all(&e)
        );
    }

    #[test]
    fn invalid_utf8_is_windows_1252() {
        let e = extract("a.txt", b"Fran\xE7ois \x93Kaminski\x94 and Zo\xC3\xAB");
        assert!(
            text_has(&e, "François \u{201C}Kaminski\u{201D} and Zoë"),
            "{:?}",
            all(&e)
        );
        assert!(e.unreadable.is_none());
    }

    #[test]
    fn sixteen_bit_binary_is_not_utf16_text() {
        // Samples whose high bytes are zero: NULs at odd positions, like UTF-16LE.
        let b: Vec<u8> = (0..400u32).flat_map(|i| [(i * 7 % 31) as u8, 0]).collect();
        let e = extract("samples.raw", &b);
        assert!(e.unreadable.is_some());
        let mut wav = b"RIFF\x10\0\0\0WAVEfmt ".to_vec();
        wav.extend(b"LIST\x10\0\0\0INFOIART\x04\0\0\0Walter Kaminski\0");
        let e = extract("a.wav", &wav);
        assert!(e.unreadable.is_some() && text_has(&e, "Walter Kaminski"));
    }

    #[test]
    fn unknown_binary_is_unreadable_with_strings() {
        let mut b = vec![0u8, 1, 2, 3, 0, 0, 5, 6];
        b.extend(b"Walter Kaminski");
        b.extend([0u8, 0, 7, 8, 0, 9]);
        b.extend(utf16_bytes("Zoe Ng", false));
        b.extend([0u8, 0, 7, 8, 0, 9]);
        let e = extract("data.bin", &b);
        assert!(e.unreadable.is_some());
        assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
        assert!(text_has(&e, "Zoe Ng"), "{:?}", all(&e));
    }

    // -- markup -------------------------------------------------------------

    #[test]
    fn html_tag_names_are_not_text_but_unknown_ones_are() {
        let e = extract(
            "index.html",
            b"<ul><li>Exercises</li></ul><p>Walter <Kaminski said hi</p>",
        );
        assert!(
            !text_word(&e, "li") && !text_word(&e, "ul"),
            "{:?}",
            all(&e)
        );
        assert!(text_word(&e, "kaminski"), "{:?}", all(&e));
        // The unknown tag stays in the running text, next to the first name.
        assert!(
            text_has(&e, &format!("Walter {MARK}kaminski said")),
            "{:?}",
            all(&e)
        );
    }

    #[test]
    fn unfinished_tag_at_the_end_is_scanned() {
        let e = extract("a.html", b"<p>Hi</p>\n<p>Walter <Kaminski and");
        assert!(text_word(&e, "Kaminski"), "{:?}", all(&e));
        let t = e
            .segments
            .iter()
            .find(|s| s.text.contains("Kaminski"))
            .unwrap();
        assert_eq!(t.line, 2);
        let e = extract("a.html", b"<p>x</p><img alt=\"Zoe Ng\n\n>more");
        assert!(text_has(&e, "Zoe Ng"), "{:?}", all(&e));
    }

    #[test]
    fn inline_tags_join_words() {
        let e = extract("index.HTML", b"<p>Kami<span>nski</span></p>");
        assert!(text_has(&e, "Kami\u{E000}nski\u{E000}"), "{:?}", all(&e));
    }

    #[test]
    fn entities_decode() {
        let e = extract(
            "a.htm",
            b"<p>&#x4B;aminski &Kopf;&amp;&eacute;&#233; Wal&shy;ter</p>",
        );
        assert!(
            text_has(&e, "Kaminski \u{1D542}&éé Wal\u{AD}ter"),
            "{:?}",
            all(&e)
        );
    }

    #[test]
    fn attributes_comments_and_names() {
        let html = br#"<!DOCTYPE html>
<img alt="Walter Kaminski" src="/p/walter%20kaminski.jpg" class="text-white" data-patient-ng="1" aria-label="x" aria-zoe="y">
<!-- patient: Zoe Ng -->
<div x-kaminski>hi</div>"#;
        let e = extract("a.html", html);
        assert!(text_has(&e, "Walter Kaminski"));
        assert!(text_has(&e, "/p/walter kaminski.jpg"), "{:?}", all(&e));
        assert!(code_has(&e, "text-white") && !text_word(&e, "white"));
        assert!(text_has(&e, "patient-ng"));
        assert!(text_word(&e, "zoe"), "aria suffix: {:?}", all(&e));
        assert!(!text_word(&e, "label") && !text_word(&e, "alt") && !text_word(&e, "DOCTYPE"));
        assert!(text_has(&e, " patient: Zoe Ng "));
        assert!(text_has(&e, "x-kaminski"));
        // Lines: attribute values on line 2, the comment on line 3.
        let alt = e
            .segments
            .iter()
            .find(|s| s.text == "Walter Kaminski")
            .unwrap();
        assert_eq!(alt.line, 2);
        let c = e
            .segments
            .iter()
            .find(|s| s.text.contains("Zoe Ng"))
            .unwrap();
        assert_eq!(c.line, 3);
    }

    #[test]
    fn text_lines_are_tracked() {
        let html =
            b"<html>\n<body>\n<p>one</p>\n<p\n class=x>Kami<b\n>nski</b>\n two</p>\nWalter\n";
        let e = extract("a.html", html);
        let t = e.segments.iter().find(|s| s.text.contains("one")).unwrap();
        assert_eq!(t.line, 3);
        // The word split by a tag spanning lines stays whole.
        assert!(t.text.contains("Kami\u{E000}nski"), "{:?}", t.text);
        let walter = t.text.find("Walter").unwrap();
        assert_eq!(t.line + count_nl(&t.text[..walter]), 8, "{:?}", t.text);
    }

    #[test]
    fn script_and_style() {
        let html = br#"<style>
.walter { color: white; content: "Kaminski" }
</style>
<script>var n = "Zo\u00eb \u{4e}g\/x\n" + 'Walter'; // Ng's plan
</script>
<script type="application/ld+json">{"name": "Walter \u004Baminski"}</script>
<script type="text/template"><li>Zoe Ng</li></script>"#;
        let e = extract("a.html", html);
        assert!(
            code_has(&e, "color: white") && !text_word(&e, "white"),
            "{:?}",
            all(&e)
        );
        assert!(text_word(&e, "Kaminski"));
        let css = e
            .segments
            .iter()
            .find(|s| s.text.contains("color"))
            .unwrap();
        assert_eq!(css.line, 2);
        assert!(text_has(&e, "Zoë Ng/x Walter"), "{:?}", all(&e));
        assert!(text_has(&e, "Ng's plan"));
        assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
        assert!(
            text_has(&e, "Zoe Ng") && !text_word(&e, "li"),
            "{:?}",
            all(&e)
        );
        let js = e.segments.iter().find(|s| s.text.contains("Zoë")).unwrap();
        assert_eq!(js.line, 4);
        // Script content does not leak into the page text as words.
        assert!(!text_word(&e, "var"));
    }

    #[test]
    fn cdata_is_scanned() {
        let e = extract(
            "feed.xml",
            b"<rss><item><description><![CDATA[Walter > Kaminski <b>Zoe</b> Ng]]></description></item></rss>",
        );
        assert!(text_has(&e, "Walter > Kaminski"), "{:?}", all(&e));
        assert!(text_has(&e, "Zoe\u{E000} Ng"), "{:?}", all(&e));
        let e = extract("a.html", b"<p><![CDATA[<li>Walter Kaminski</li>]]></p>");
        assert!(
            text_has(&e, "Walter Kaminski") && !text_word(&e, "li"),
            "{:?}",
            all(&e)
        );
        // Escaped markup in a feed is markup.
        let e = extract(
            "feed.rss",
            b"<item><description>&lt;li&gt;Zoe Ng&lt;/li&gt;</description></item>",
        );
        assert!(
            text_has(&e, "Zoe Ng") && !text_word(&e, "li"),
            "{:?}",
            all(&e)
        );
    }

    #[test]
    fn markup_by_content_and_svg() {
        let e = extract("page", b"  \n<p>Walter Kaminski</p>");
        assert!(text_has(&e, "Walter Kaminski") && !text_word(&e, "p"));
        let e = extract(
            "i.svg",
            br#"<svg viewBox="0 0 1 1"><linearGradient id="g"/><text fill="white">Zoe Ng</text><title>Walter</title></svg>"#,
        );
        assert!(text_has(&e, "Zoe Ng") && !text_word(&e, "lineargradient"));
        assert!(!text_word(&e, "white") && code_has(&e, "white"));
    }

    // -- JSON, code, cards ------------------------------------------------------

    #[test]
    fn json_escapes_decode() {
        let e = extract(
            "site.webmanifest",
            br#"{"name": "Zo\u00eb\nKaminski \ud83d\ude00"}"#,
        );
        assert!(text_has(&e, "Zoë Kaminski 😀"), "{:?}", all(&e));
        assert_eq!(e.segments.last().unwrap().strength, Strength::Text);
    }

    #[test]
    fn css_and_js_lexing() {
        let css = b"/* by Walter */\n.a { color: white; content: \"Kaminski \\e9 \"; background: url(img/zoe%20ng.png) }\n";
        let e = extract("s.css", css);
        assert!(text_has(&e, "by Walter "));
        assert!(code_has(&e, "color: white") && !text_word(&e, "white"));
        assert!(text_has(&e, "Kaminski é"), "{:?}", all(&e));
        assert!(text_has(&e, "img/zoe ng.png"), "{:?}", all(&e));
        let url = e.segments.iter().find(|s| s.text.contains("zoe")).unwrap();
        assert_eq!(url.line, 2);

        let js = b"const white = 1;\n/* Zoe\n Ng */ let s = `Walter ${x}\nKaminski`; // end\nf(\"\\x57alter\")";
        let e = extract("app.MJS", js);
        assert!(code_has(&e, "const white") && !text_word(&e, "white"));
        assert!(text_has(&e, "Walter ${x}\nKaminski"));
        assert!(text_has(&e, "Walter") && text_has(&e, "end"));
        let w = e.segments.iter().find(|s| s.text == "Walter").unwrap();
        assert_eq!(w.line, 5);
        // Unterminated things do not panic and are still scanned.
        for s in [
            "'Walter",
            "\"Wal\\",
            "/* Kaminski",
            "`x\\u{",
            "a = 'b\\u12",
            "x\\",
        ] {
            let e = extract("x.js", s.as_bytes());
            assert!(e.segments.len() >= 2, "{s}");
            let _ = extract("x.css", s.as_bytes());
        }
    }

    #[test]
    fn vcard_and_ical() {
        let vcf = b"BEGIN:VCARD\r\nFN:Walter Kamin\r\n ski\r\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Zo=C3=\r\n=AB;Ng\r\nNOTE:Caf=C3=A9\r\nEND:VCARD\r\n";
        let e = extract("contact.vcf", vcf);
        assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
        assert!(text_has(&e, "Zoë;Ng"), "{:?}", all(&e));
        assert!(text_has(&e, "Café"), "{:?}", all(&e));
        let n = e.segments.iter().find(|s| s.text.contains("Zoë")).unwrap();
        assert_eq!(n.line, 4);
        let ics = b"BEGIN:VEVENT\nATTENDEE;CN=Walter\n  Kaminski:mailto:w@x.org\nSUMMARY:Visit\\, Zoe\\nNg\nEND:VEVENT\n";
        let e = extract("cal.ics", ics);
        assert!(
            text_has(&e, "CN=Walter Kaminski:mailto:w@x.org"),
            "{:?}",
            all(&e)
        );
        assert!(text_has(&e, "Visit, Zoe Ng"), "{:?}", all(&e));
    }

    #[test]
    fn other_text_is_text() {
        let e = extract("robots.txt", b"User-agent: *\n# Walter Kaminski\n");
        assert!(text_has(&e, "Walter Kaminski") && e.unreadable.is_none());
        assert_eq!(e.segments[1].line, 1);
    }

    // -- binaries -------------------------------------------------------------

    fn png_chunk(ty: &[u8], data: &[u8]) -> Vec<u8> {
        let mut v = (data.len() as u32).to_be_bytes().to_vec();
        v.extend(ty);
        v.extend(data);
        v.extend([0, 0, 0, 0]);
        v
    }

    /// A TIFF/EXIF blob with Artist in IFD0 and a UserComment in the EXIF IFD.
    fn exif_blob(le: bool, artist: &str, comment: &[u8]) -> Vec<u8> {
        let w16 = |v: u16| if le { v.to_le_bytes() } else { v.to_be_bytes() };
        let w32 = |v: u32| if le { v.to_le_bytes() } else { v.to_be_bytes() };
        let mut b: Vec<u8> = if le {
            b"II*\0".to_vec()
        } else {
            b"MM\0*".to_vec()
        };
        b.extend(w32(8));
        // IFD0 at 8: 2 entries, then next=0; data after.
        let ifd0_end = 8 + 2 + 2 * 12 + 4;
        let artist_off = ifd0_end as u32;
        let mut artist_b = artist.as_bytes().to_vec();
        artist_b.push(0);
        let exif_ifd = artist_off + artist_b.len() as u32;
        b.extend(w16(2));
        b.extend(w16(0x013B));
        b.extend(w16(2));
        b.extend(w32(artist_b.len() as u32));
        b.extend(w32(artist_off));
        b.extend(w16(0x8769));
        b.extend(w16(4));
        b.extend(w32(1));
        b.extend(w32(exif_ifd));
        b.extend(w32(0));
        b.extend(&artist_b);
        let comment_off = exif_ifd + 2 + 12 + 4;
        b.extend(w16(1));
        b.extend(w16(0x9286));
        b.extend(w16(7));
        b.extend(w32(comment.len() as u32));
        b.extend(w32(comment_off));
        b.extend(w32(0));
        b.extend(comment);
        b
    }

    fn png_fixture() -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
        b.extend(png_chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
        b.extend(png_chunk(b"tEXt", b"Author\0Walter Kaminski"));
        let mut z = b"Comment\0\0".to_vec();
        z.extend(zlib(b"Zoe Ng visit"));
        b.extend(png_chunk(b"zTXt", &z));
        let mut it = b"XML:com.adobe.xmp\0\x01\0en\0\0".to_vec();
        it.extend(zlib(
            "<x:xmpmeta><rdf:li>Zoë Ng</rdf:li><dc:creator>Ada Lovelace</dc:creator></x:xmpmeta>"
                .as_bytes(),
        ));
        b.extend(png_chunk(b"iTXt", &it));
        let mut uc = b"UNICODE\0".to_vec();
        uc.extend(utf16_bytes("Grace Hopper", true));
        b.extend(png_chunk(b"eXIf", &exif_blob(false, "Alan Turing", &uc)));
        b.extend(png_chunk(b"IDAT", &zlib(b"Kaminski pixels are not text")));
        b.extend(png_chunk(b"IEND", b""));
        b
    }

    #[test]
    fn png_text_chunks_and_exif() {
        let e = extract("img/a.png", &png_fixture());
        assert!(e.unreadable.is_none(), "{:?}", e.unreadable);
        for w in [
            "Walter Kaminski",
            "Zoe Ng visit",
            "Zoë Ng",
            "Ada Lovelace",
            "Alan Turing",
            "Grace Hopper",
        ] {
            assert!(text_has(&e, w), "{w}: {:?}", all(&e));
        }
        assert!(!text_has(&e, "pixels"));
        assert!(
            !text_word(&e, "li") && !text_word(&e, "Author"),
            "{:?}",
            all(&e)
        );
    }

    #[test]
    fn jpeg_app_segments_and_comment() {
        let seg = |m: u8, data: &[u8]| {
            let mut v = vec![0xFF, m];
            v.extend(((data.len() + 2) as u16).to_be_bytes());
            v.extend(data);
            v
        };
        let mut b = vec![0xFF, 0xD8];
        b.extend(seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
        let mut ex = b"Exif\0\0".to_vec();
        let mut uc = b"UNICODE\0".to_vec();
        uc.extend(utf16_bytes("Grace Hopper", false));
        ex.extend(exif_blob(true, "Walter Kaminski", &uc));
        b.extend(seg(0xE1, &ex));
        let mut xmp = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
        xmp.extend(b"<x:xmpmeta><dc:creator><rdf:Seq><rdf:li>Zoe Ng</rdf:li></rdf:Seq></dc:creator></x:xmpmeta>");
        b.extend(seg(0xE1, &xmp));
        let mut ps = b"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x09".to_vec();
        ps.extend(b"\x1C\x02\x50\x00\x02Li");
        b.extend(seg(0xED, &ps));
        b.extend(seg(0xFE, b"Ada Lovelace"));
        b.extend(seg(0xDA, b"\0\0"));
        b.extend(b"scan data Kaminski\xFF\xD9");
        let e = extract("a.JPG", &b);
        assert!(e.unreadable.is_none());
        for w in ["Walter Kaminski", "Grace Hopper", "Zoe Ng", "Ada Lovelace"] {
            assert!(text_has(&e, w), "{w}: {:?}", all(&e));
        }
        assert!(text_word(&e, "Li"), "IPTC byline: {:?}", all(&e));
        assert!(!text_has(&e, "scan data"));
    }

    #[test]
    fn gif_comments() {
        let mut b = b"GIF89a\x01\x00\x01\x00\x80\x00\x00".to_vec();
        b.extend([0u8; 6]); // global colour table, 2 entries
        b.extend(b"\x21\xFE\x07Walter \x08Kaminski\x00");
        b.extend(b"\x21\x01\x0C");
        b.extend([0u8; 12]);
        b.extend(b"\x06Zoe Ng\x00");
        b.extend(b"\x2C\0\0\0\0\x01\0\x01\0\0\x02\x02\x44\x01\x00");
        b.extend(b"\x3B");
        let e = extract("a.gif", &b);
        assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
        assert!(text_has(&e, "Zoe Ng"), "{:?}", all(&e));
    }

    #[test]
    fn webp_exif_and_xmp() {
        let chunk = |ty: &[u8], d: &[u8]| {
            let mut v = ty.to_vec();
            v.extend((d.len() as u32).to_le_bytes());
            v.extend(d);
            if d.len() % 2 == 1 {
                v.push(0);
            }
            v
        };
        let mut body = b"WEBP".to_vec();
        body.extend(chunk(b"VP8 ", b"Kaminski-not-text"));
        body.extend(chunk(
            b"EXIF",
            &exif_blob(true, "Walter Kaminski", b"ASCII\0\0\0Zoe Ng"),
        ));
        body.extend(chunk(b"XMP ", b"<x:xmpmeta>Ada Lovelace</x:xmpmeta>"));
        let mut b = b"RIFF".to_vec();
        b.extend((body.len() as u32).to_le_bytes());
        b.extend(body);
        let e = extract("a.webp", &b);
        for w in ["Walter Kaminski", "Zoe Ng", "Ada Lovelace"] {
            assert!(text_has(&e, w), "{w}: {:?}", all(&e));
        }
        assert!(!text_has(&e, "not-text"));
    }

    #[test]
    fn gzip_and_svgz() {
        let e = extract("index.html.gz", &gz(b"<ul><li>Walter Kaminski</li></ul>"));
        assert!(
            text_has(&e, "Walter Kaminski") && !text_word(&e, "li"),
            "{:?}",
            all(&e)
        );
        assert!(e.unreadable.is_none());
        let e = extract("i.svgz", &gz(b"<svg><text>Zoe Ng</text></svg>"));
        assert!(
            text_has(&e, "Zoe Ng") && !text_word(&e, "svg"),
            "{:?}",
            all(&e)
        );
        // A damaged stream is reported.
        let mut d = gz(b"Walter Kaminski Walter Kaminski Walter Kaminski");
        let n = d.len();
        d.truncate(n - 12);
        let e = extract("a.txt.gz", &d);
        assert!(e.unreadable.is_some());
    }

    #[test]
    fn gzip_bomb_is_capped() {
        let big = vec![b'a'; MAX_INFLATE_TOTAL + 10];
        let e = extract("a.txt.gz", &gz(&big));
        assert!(e.unreadable.as_deref().unwrap().contains("16 MB"));
    }

    #[test]
    fn pdf_is_always_unreadable_but_scanned() {
        let content = zlib(b"BT /F1 12 Tf 72 712 Td [(Wal) 10 (ter) -250 (Kaminski)] TJ ET");
        let mut b = b"%PDF-1.4\n1 0 obj << /Author (Zoe \\(Ng\\)) /Title <FEFF00410064006100> >> endobj\n2 0 obj << /Length ".to_vec();
        b.extend(content.len().to_string().as_bytes());
        b.extend(b" /Filter /FlateDecode >>\nstream\n");
        b.extend(&content);
        b.extend(b"\nendstream\nendobj\n%%EOF\n");
        let e = extract("docs/plan.pdf", &b);
        assert_eq!(e.unreadable.as_deref(), Some(PDF_REASON));
        assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
        assert!(text_has(&e, "Zoe (Ng)"), "{:?}", all(&e));
        assert!(text_has(&e, "Ada"), "{:?}", all(&e));
    }

    fn zip_fixture() -> Vec<u8> {
        let mut deflated = flate2::write::DeflateEncoder::new(Vec::new(), Compression::default());
        deflated
            .write_all(b"<w:document><w:t>Walter Kaminski</w:t></w:document>")
            .unwrap();
        let data = deflated.finish().unwrap();
        let name = b"word/document.xml";
        let mut b = b"PK\x03\x04\x14\0\0\0\x08\0\0\0\0\0\0\0\0\0".to_vec();
        b.extend((data.len() as u32).to_le_bytes());
        b.extend(52u32.to_le_bytes());
        b.extend((name.len() as u16).to_le_bytes());
        b.extend(0u16.to_le_bytes());
        b.extend(name);
        b.extend(&data);
        b.extend(b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
        b
    }

    #[test]
    fn zip_is_unreadable_but_scanned() {
        let e = extract("files/plan.docx", &zip_fixture());
        assert!(e.unreadable.is_some());
        assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
        assert!(text_has(&e, "word document xml"));
        let e = extract("f.woff2", b"wOF2\0\x01\0\0\0\0\0\0Walter Kaminski\0\0\0");
        assert!(e.unreadable.is_some() && text_has(&e, "Walter Kaminski"));
        let e = extract("a.js.br", b"\x1b\x03\0\xf8Walter");
        assert!(e.unreadable.is_some());
    }

    #[test]
    fn fonts_and_icons_are_readable_strings() {
        let mut b = vec![0u8, 1, 0, 0, 0, 1, 0, 0x10, 0, 0];
        b.extend(utf16_bytes("Walter Kaminski Sans", true));
        b.extend([0, 0, 1, 2]);
        let e = extract("fonts/a.ttf", &b);
        assert!(e.unreadable.is_none());
        assert!(text_has(&e, "Walter Kaminski Sans"), "{:?}", all(&e));
        let mut ico = vec![0u8, 0, 1, 0, 1, 0];
        ico.extend(b"\0\0\x01\x02Zoe Ng drew this\0\0");
        let e = extract("favicon.ico", &ico);
        assert!(e.unreadable.is_none() && text_has(&e, "Zoe Ng drew this"));
        // woff1 with a zlib-compressed table.
        let table = zlib(&utf16_bytes("Ada Lovelace Font", true));
        let mut w = b"wOFF\0\x01\0\0".to_vec();
        w.extend([0u8; 4]);
        w.extend(1u16.to_be_bytes());
        w.resize(44, 0);
        w.extend(b"name");
        w.extend(64u32.to_be_bytes());
        w.extend((table.len() as u32).to_be_bytes());
        w.extend(1000u32.to_be_bytes());
        w.extend([0u8; 4]);
        w.extend(&table);
        let e = extract("f.woff", &w);
        assert!(
            e.unreadable.is_none() && text_has(&e, "Ada Lovelace Font"),
            "{:?}",
            all(&e)
        );
    }

    #[test]
    fn strings_finds_utf8_latin1_and_utf16() {
        let mut b = vec![1u8, 2, 3];
        b.extend("Zoë Müller".as_bytes());
        b.extend([0u8, 1, 2]);
        b.extend(b"J\xFCrgen B\xE4r");
        b.extend([0u8, 1]);
        b.extend(utf16_bytes("Łukasz Nowak", true));
        b.extend([0u8, 1, 0, 1]);
        b.extend(utf16_bytes("Ab", false)); // too short
        let mut segs = Vec::new();
        strings(&b, &mut segs);
        let t: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
        assert!(t.contains(&"Zoë Müller"), "{t:?}");
        assert!(t.contains(&"Jürgen Bär"), "{t:?}");
        assert!(t.contains(&"Łukasz Nowak"), "{t:?}");
        assert!(!t.iter().any(|s| s.contains("Ab") && s.len() < 4), "{t:?}");
        assert!(segs.iter().all(|s| s.line == 0));
    }

    // -- robustness -----------------------------------------------------------

    fn fixtures() -> Vec<(&'static str, Vec<u8>)> {
        vec![
            ("a.png", png_fixture()),
            ("a.gz", gz(b"<p>Walter</p>")),
            ("a.docx", zip_fixture()),
            ("a.pdf", b"%PDF-1.4 (a\\) stream\nx\\\nendstream [(a) -300 <4142".to_vec()),
            ("a.html", b"<p a='x' style=\"color:red\"><script>'a\\u{1F600}'</script><![CDATA[x>".to_vec()),
            ("a.vcf", b"N;ENCODING=QUOTED-PRINTABLE:=C3=\r\n".to_vec()),
            ("a.jpg", b"\xFF\xD8\xFF\xE1\x00\x30Exif\0\0II*\0\x08\0\0\0\x01\0\x3B\x01\x02\0\xFF\xFF\xFF\x7F\x08\0\0\0".to_vec()),
            ("a.gif", b"GIF89a\x01\0\x01\0\xF7\0\0".to_vec()),
            ("a.webp", b"RIFF\0\0\0\0WEBPEXIF\xFF\xFF\xFF\xFFMM\0*".to_vec()),
            ("a.woff", b"wOFF\0\x01\0\0\0\0\0\0\xFF\xFF".to_vec()),
            ("a.css", b"a{b:url(  x".to_vec()),
            ("a.json", b"\"\\ud800\\u{110000}\\x".to_vec()),
        ]
    }

    #[test]
    fn truncated_inputs_do_not_panic() {
        for (name, b) in fixtures() {
            for n in 0..=b.len() {
                let _ = extract(name, &b[..n]);
                // Flipped bytes too.
                let mut c = b[..n].to_vec();
                if let Some(x) = c.get_mut(n / 2) {
                    *x ^= 0xFF;
                }
                let _ = extract(name, &c);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        #[test]
        fn random_inputs_do_not_panic(
            prefix in 0usize..16,
            ext in 0usize..12,
            tail in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
        ) {
            let prefixes: [&[u8]; 16] = [
                b"", b"\x89PNG\r\n\x1a\n", b"\xFF\xD8\xFF", b"GIF89a", b"RIFF\0\0\0\0WEBP",
                b"%PDF-", b"PK\x03\x04", b"\x1F\x8B\x08\0", b"wOFF", b"wOF2", b"\0\x01\0\0",
                b"\xFF\xFE", b"\xFE\xFF", b"<p ", b"<![CDATA[", b"BEGIN:VCARD\n",
            ];
            let exts = ["a.html", "a.css", "a.js", "a.json", "a.vcf", "a.ics", "a.txt",
                        "a.xml", "a.svgz", "a.bin", "a.png", "a"];
            let mut b = prefixes[prefix].to_vec();
            b.extend(&tail);
            let e = extract(exts[ext], &b);
            proptest::prop_assert!(!e.segments.is_empty() || exts[ext] == "a");
            // Text decoding never loses a line count: ASCII text keeps its lines.
            let s: String = tail.iter().map(|&c| if c.is_ascii_graphic() || c == b'\n' { c as char } else { ' ' }).collect();
            let _ = extract(exts[ext], s.as_bytes());
        }
    }
}
