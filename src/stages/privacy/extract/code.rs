//! Program text: a small CSS/JS lexer (comments, strings and CSS `url()` are
//! Text; the rest is Code), JS and CSS string escapes, and JSON as one Text
//! segment with its escapes decoded.
//!
//! Not here: finding code inside markup (`<script>`, `style=`, `on*=`:
//! [`super::markup`]), percent-decoding ([`super::decode`]).

use super::binary::find;
use super::decode::{hex_at, pct};
use super::script::{self, Literals};
use super::{Segment, Strength, push};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Lang {
    Css,
    Js,
}

/// The keys whose value a template stamps with a page's own date (schema.org
/// `Article`): like a `<time>` element, a published story's day is public
/// there (see [`Strength::Stamp`]). Nothing typed into a page or story can
/// produce a JSON script: the Markdown sanitiser removes every `<script>`.
const STAMP_KEYS: [&str; 2] = ["\"datePublished\":\"", "\"dateModified\":\""];

/// The whole text with JSON/JS string escapes decoded, as one Text segment;
/// an ISO date under a [`STAMP_KEYS`] key becomes a Stamp segment of its
/// own (and a space in the Text one).
pub(super) fn json_into(s: &str, line: u32, segs: &mut Vec<Segment>) {
    let mut text = std::borrow::Cow::Borrowed(s);
    for key in STAMP_KEYS {
        let mut from = 0;
        while let Some(at) = text[from..].find(key) {
            let start = from + at + key.len();
            let len = text[start..].find('"').unwrap_or(0);
            let value = &text[start..start + len];
            if is_iso_day_or_time(value) {
                push(segs, value, line, Strength::Stamp);
                let blank = " ".repeat(len);
                text.to_mut().replace_range(start..start + len, &blank);
            }
            from = start + len;
        }
    }
    json_text(&text, line, segs);
    char_codes(s, line, segs);
}

/// `YYYY-MM-DD`, alone or starting an ISO date-time (`…T10:00:00Z`).
fn is_iso_day_or_time(v: &str) -> bool {
    let b = v.as_bytes();
    let day = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    day && (b.len() == 10
        || (b[10] == b'T'
            && v[11..]
                .bytes()
                .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'Z' | b'+' | b'-'))))
}

/// [`json_into`] after the stamped dates are taken out; also any text
/// whose strings carry a program's escapes ([`super::text::escaped`]).
pub(super) fn json_text(s: &str, line: u32, segs: &mut Vec<Segment>) {
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

/// Decodes the escape starting at `s[j] == '\\'`; returns the index after it.
fn escape(s: &str, j: usize, lang: Lang, out: &mut String) -> usize {
    let b = s.as_bytes();
    let k = j + 1;
    let Some(&c) = b.get(k) else {
        return b.len();
    };
    match lang {
        Lang::Js => match c {
            b'n' | b'r' | b't' | b'b' | b'f' | b'v' => {
                out.push(' ');
                k + 1
            }
            // Legacy octal escapes (`'\127alter'`): up to three digits,
            // at most 0o377; `\0` alone is NUL.
            b'0'..=b'7' => {
                let most = if c <= b'3' { 3 } else { 2 };
                let n = b[k..]
                    .iter()
                    .take(most)
                    .take_while(|&&c| (b'0'..=b'7').contains(&c))
                    .count();
                let v = b[k..k + n]
                    .iter()
                    .fold(0u32, |v, d| v * 8 + u32::from(d - b'0'));
                match v {
                    0 => out.push(' '),
                    v => push_cp(v, out),
                }
                k + n
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
pub(super) fn lex(s: &str, lang: Lang, base: u32, segs: &mut Vec<Segment>) {
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
    let mut literals = Literals::default();
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == b'"' || c == b'\'' || (c == b'`' && lang == Lang::Js) {
            lx.emit(code, i, Strength::Code);
            let line = lx.line_at(i);
            buf.clear();
            let mut j = string_lit(s, i, lang, &mut buf);
            // "Walter " + "Kaminski" (JS) and `content: "Walter " "Kaminski"`
            // (CSS) are one string to a reader; so are the strings of a
            // list, `["Walter", "Kaminski"].join(" ")`, a word apart.
            loop {
                let skip = |k: usize| {
                    k + b[k..]
                        .iter()
                        .take_while(|c| c.is_ascii_whitespace())
                        .count()
                };
                let mut k = skip(j);
                let listed = b.get(k) == Some(&b',');
                if listed || lang == Lang::Js {
                    if !listed && b.get(k) != Some(&b'+') {
                        break;
                    }
                    k = skip(k + 1);
                }
                let quote = match b.get(k) {
                    Some(b'"' | b'\'') => true,
                    Some(b'`') => lang == Lang::Js,
                    _ => false,
                };
                if !quote {
                    break;
                }
                if listed {
                    buf.push(' ');
                }
                j = string_lit(s, k, lang, &mut buf);
            }
            let text = pct(&buf);
            literals.add(&text, line);
            push(lx.segs, text, line, Strength::Text);
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
    literals.push_into(segs);
    if lang == Lang::Js {
        char_codes(s, base, segs);
        script::dates(s, base, segs);
    }
}

/// Text spelt as character codes: `String.fromCharCode(68, 97, 110)`,
/// `fromCodePoint(0x44, …)`, and any list of four or more numbers that
/// make words ([`spells_words`]: `[87, 97, 108, …].map(…)`, a list pasted
/// into a text file), decimal or hexadecimal, read as the text they make.
/// A list of measurements makes letters too, but not a patient's name.
pub(super) fn char_codes(s: &str, base: u32, segs: &mut Vec<Segment>) {
    let b = s.as_bytes();
    // Lines counted as the scan goes (a data file can hold a list a line).
    let (mut counted, mut line) = (0, base);
    let after_space = |mut j: usize| {
        while b.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        j
    };
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && is_word_byte(b[i - 1])) {
            i += 1;
            continue;
        }
        let (start, mut text, mut count) = (i, String::new(), 0);
        let mut end = i;
        // Numbers separated by commas (and white space).
        while let Some((c, after)) = number_at(b, end) {
            let Some(ch) = char::from_u32(c).filter(|ch| !ch.is_control()) else {
                break;
            };
            text.push(ch);
            count += 1;
            end = after;
            let j = after_space(end);
            if b.get(j) != Some(&b',') {
                break;
            }
            end = after_space(j + 1);
        }
        let called = s[..start].trim_end().strip_suffix('(').is_some_and(|f| {
            let f = f.trim_end();
            f.ends_with("fromCharCode") || f.ends_with("fromCodePoint")
        });
        if called && count > 0 || count >= 4 && spells_words(&text) {
            if base != 0 {
                line += super::count_nl(&s[counted..start]);
                counted = start;
            }
            push(segs, text, line, Strength::Text);
        }
        i = end.max(start + 1);
    }
}

/// Does text decoded from a list of numbers read as words (letters,
/// spaces and a name's punctuation, two letters at least)? A list of
/// measurements decodes to digits and signs too ("h9/4"), which must not
/// be read as a date: only words are kept.
fn spells_words(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | ',' | '-' | '\'' | '’'))
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c == b'$'
}

/// A decimal or `0x` number at `i` (not part of a longer word or a decimal
/// fraction): its value and the index after it.
fn number_at(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let hex = b.get(i) == Some(&b'0') && matches!(b.get(i + 1), Some(b'x' | b'X'));
    let from = if hex { i + 2 } else { i };
    let digits = b[from.min(b.len())..]
        .iter()
        .take_while(|c| {
            if hex {
                c.is_ascii_hexdigit()
            } else {
                c.is_ascii_digit()
            }
        })
        .count();
    let end = from + digits;
    if digits == 0 || digits > 7 || b.get(end).is_some_and(|&c| is_word_byte(c)) {
        return None;
    }
    let text = std::str::from_utf8(&b[from..end]).ok()?;
    let v = u32::from_str_radix(text, if hex { 16 } else { 10 }).ok()?;
    Some((v, end))
}
