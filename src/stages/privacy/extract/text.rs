//! Text formats with their own escapes: vCard and iCalendar (folded lines,
//! quoted-printable, text escapes), one segment per logical line; plain
//! text holding quoted-printable (saved email), or a program's backslash
//! escapes (a YAML data file), read again decoded; CamelCase hashtags
//! read again word by word; RTF (control words,
//! `\'hh` bytes, `\uN` characters), one segment.
//!
//! Not here: plain text, which needs no reader (one segment, see the
//! dispatch in [`super`]), and character decoding ([`super::decode`]).

use std::borrow::Cow;

use super::code::json_text;
use super::decode::{hex_at, utf8_or_1252};
use super::{MARK, Segment, Strength, push};

fn qp_decode(v: &str) -> Cow<'_, str> {
    match qp_bytes(v) {
        Some(out) => Cow::Owned(utf8_or_1252(&out).into_owned()),
        None => Cow::Borrowed(v),
    }
}

/// The bytes quoted-printable `v` writes; `None` when it has no `=XX`.
fn qp_bytes(v: &str) -> Option<Vec<u8>> {
    let b = v.as_bytes();
    if !b
        .windows(3)
        .any(|w| w[0] == b'=' && hex_at(w, 1, 2).is_some())
    {
        return None;
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
    Some(out)
}

/// `logical`, a line of quoted-printable, decoded: as UTF-8 (or
/// Windows-1252), and in each legacy code page its bytes read as text in
/// (an email in `windows-1251`, see [`super::charset::undeclared`]).
fn qp_line(logical: &str, start: u32, segs: &mut Vec<Segment>) {
    push(
        segs,
        qp_decode(logical).replace('_', " "),
        start,
        Strength::Text,
    );
    if let Some(bytes) = qp_bytes(logical) {
        for text in super::charset::undeclared(&bytes, super::charset::Source::Blob) {
            push(segs, text.replace('_', " "), start, Strength::Text);
        }
    }
}

/// A text that holds quoted-printable (a saved email, `.eml` or `.mht`,
/// or a part of one pasted into a file: "Hern=C3=A1ndez", "Mar=\nia"),
/// read again decoded: soft line breaks joined, `=XX` bytes decoded (UTF-8,
/// or Windows-1252 for Latin-1 mail), `_` a space as in a header's encoded
/// word (`=?utf-8?Q?Rosa_Hern=C3=A1ndez?=`). One segment per decoded line,
/// at its first physical line. Nothing when there is no escape to read.
pub(super) fn quoted_printable_lines(text: &str, segs: &mut Vec<Segment>) {
    let b = text.as_bytes();
    let escaped = |i: usize| {
        hex_at(b, i + 1, 2).is_some()
            || b.get(i + 1) == Some(&b'\n')
            || b.get(i + 1..i + 3) == Some(b"\r\n")
    };
    if !memchr::memchr_iter(b'=', b).any(escaped) {
        return;
    }
    let mut logical = String::new();
    let mut start = 1u32;
    for (n, raw) in text.split('\n').enumerate() {
        let l = raw.strip_suffix('\r').unwrap_or(raw);
        if logical.is_empty() {
            start = u32::try_from(n + 1).unwrap_or(u32::MAX);
        }
        match l.strip_suffix('=') {
            Some(joined) => logical.push_str(joined),
            None => {
                logical.push_str(l);
                qp_line(&logical, start, segs);
                logical.clear();
            }
        }
    }
    if !logical.is_empty() {
        qp_line(&logical, start, segs);
    }
}

/// A text file whose strings carry the backslash escapes programs write
/// (a YAML or TOML data file, a `.po` catalogue, an export: PyYAML writes
/// "Kamiński" as `"Kami\u0144ski"`), read again decoded as JSON and
/// JavaScript strings are: `\uXXXX`, `\u{…}`, `\xXX`, octal `\NNN`.
/// Nothing when there is no such escape (a Windows path's `\t` is none).
pub(super) fn escaped(text: &str, segs: &mut Vec<Segment>) {
    let b = text.as_bytes();
    let at = |i: usize| {
        let octal = |k: usize| b.get(k).is_some_and(|c| (b'0'..=b'7').contains(c));
        match b.get(i + 1) {
            Some(b'u') => b.get(i + 2) == Some(&b'{') || hex_at(b, i + 2, 4).is_some(),
            Some(b'x') => hex_at(b, i + 2, 2).is_some(),
            Some(b'0'..=b'3') => octal(i + 2) && octal(i + 3),
            _ => false,
        }
    };
    if memchr::memchr_iter(b'\\', b).any(at) {
        json_text(text, 1, segs);
    }
}

/// Hashtags written in CamelCase ("#TeamKaminski", "#KaminskiStrong"),
/// read once more with their words apart, as a reader reads them: one
/// segment for each text segment that has such a hashtag.
pub(super) fn hashtags(segs: &[Segment]) -> Vec<Segment> {
    segs.iter()
        .filter(|s| s.strength == Strength::Text)
        // memchr, not a char-by-char search: this runs on every segment.
        .filter(|s| {
            memchr::memchr(b'#', s.text.as_bytes()).is_some() || s.text.contains('\u{FF03}')
        })
        .filter_map(|s| {
            let mut out = String::with_capacity(s.text.len() + 8);
            let (mut tag, mut lower, mut split) = (false, false, false);
            for c in s.text.chars() {
                if matches!(c, '#' | '\u{FF03}') {
                    (tag, lower) = (true, false);
                } else if tag && c.is_alphanumeric() {
                    if lower && c.is_uppercase() {
                        out.push(' ');
                        split = true;
                    }
                    lower = c.is_lowercase();
                } else {
                    tag = false;
                }
                out.push(c);
            }
            split.then(|| Segment {
                text: out,
                ..s.clone()
            })
        })
        .collect()
}

/// Footnote marks between the letters of a word, read once more without
/// them, as the word reads: Markdown's `Kamin[^1]ski` (anywhere), and
/// between letters (markup between them or not) `^1` (the same mark where
/// the renderer made it a link) and superscript or subscript digits
/// (`Kamin¹ski`). One segment for each text segment that has one.
pub(super) fn footnote_marks(segs: &[Segment]) -> Vec<Segment> {
    // memchr, not a char-by-char search: this runs on every segment. ¹ ² ³
    // are C2 B9, B2, B3; the other superscript and subscript digits E2 81
    // and E2 82.
    let maybe = |t: &[u8]| {
        memchr::memchr(b'^', t).is_some()
            || memchr::memchr_iter(0xC2, t)
                .any(|i| matches!(t.get(i + 1), Some(0xB2 | 0xB3 | 0xB9)))
            || memchr::memchr_iter(0xE2, t).any(|i| matches!(t.get(i + 1), Some(0x81 | 0x82)))
    };
    segs.iter()
        .filter(|s| s.strength == Strength::Text && maybe(s.text.as_bytes()))
        .filter_map(|s| {
            let text = without_marks(&s.text)?;
            Some(Segment { text, ..s.clone() })
        })
        .collect()
}

/// `text` without its footnote marks (see [`footnote_marks`]), if it has
/// any.
fn without_marks(text: &str) -> Option<String> {
    let sup =
        |c: char| matches!(c, '¹' | '²' | '³' | '\u{2070}'..='\u{2079}' | '\u{2080}'..='\u{2089}');
    let letter_before = |head: &str| {
        head.chars()
            .rev()
            .find(|&c| c != MARK)
            .is_some_and(char::is_alphabetic)
    };
    let letter_after = |tail: &str| {
        tail.chars()
            .find(|&c| c != MARK)
            .is_some_and(char::is_alphabetic)
    };
    let mut out = String::with_capacity(text.len());
    let (mut from, mut i, mut cut) = (0, 0, false);
    while let Some(c) = text[i..].chars().next() {
        let rest = &text[i..];
        // The mark's length in bytes, if one starts here.
        let len = if let Some(label) = rest.strip_prefix("[^") {
            // A label is short and on one line: `[^1]`, `[^smith-2020]`.
            label
                .find(']')
                .filter(|&e| e <= 40 && !label[..e].contains('\n'))
                .map(|e| e + 3)
        } else if c == '^' || sup(c) {
            let digits = rest[c.len_utf8()..]
                .chars()
                .take_while(|&d| d.is_ascii_digit() || sup(d))
                .map(char::len_utf8)
                .sum::<usize>();
            let len = c.len_utf8() + digits;
            let mark = (c != '^' || digits > 0) && letter_before(&text[..i]);
            (mark && letter_after(&text[i + len..])).then_some(len)
        } else {
            None
        };
        match len {
            Some(len) => {
                out.push_str(&text[from..i]);
                (i, from, cut) = (i + len, i + len, true);
            }
            None => i += c.len_utf8(),
        }
    }
    out.push_str(&text[from..]);
    cut.then_some(out)
}

/// Whether a property's name and parameters declare quoted-printable.
fn quoted_printable(head: &str) -> bool {
    head.to_ascii_uppercase().contains("QUOTED-PRINTABLE")
}

/// Unfolds lines, decodes quoted-printable and text escapes; one segment per
/// logical line, at its first physical line.
pub(super) fn card(text: &str, vcf: bool, segs: &mut Vec<Segment>) {
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
        let is_qp = quoted_printable(head);
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
            qp = l.split(':').next().is_some_and(quoted_printable);
        }
    }
    flush(&mut logical, start, segs);
}

/// RTF: its text, with control words and group braces read as markup
/// (`Kami{\b nski}` still spells Kaminski), `\'hh` bytes decoded (UTF-8,
/// or Windows-1252, RTF's usual code page), `\uN` characters decoded (and
/// the fallback characters after them skipped), escaped `\ { }` kept.
/// Destinations are read too (`{\info{\author …}}`: a document's
/// metadata is published with it). The source's line breaks are kept, so
/// lines are the file's.
pub(super) fn rtf(text: &str, segs: &mut Vec<Segment>) {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut pending: Vec<u8> = Vec::new();
    // Characters still to skip after `\uN`, and how many each `\uN` skips.
    let (mut skip, mut uc) = (0usize, 1usize);
    let flush = |pending: &mut Vec<u8>, out: &mut String| {
        if !pending.is_empty() {
            out.push_str(&utf8_or_1252(pending));
            pending.clear();
        }
    };
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c != b'\\' {
            flush(&mut pending, &mut out);
            let ch = text[i..].chars().next().unwrap_or('\u{FFFD}');
            i += ch.len_utf8();
            match ch {
                '{' | '}' => out.push(MARK),
                '\n' => out.push('\n'),
                '\r' => {}
                _ if skip > 0 => skip -= 1,
                _ => out.push(ch),
            }
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        if next == b'\'' {
            if let Some(x) = hex_at(b, i + 2, 2) {
                if skip > 0 {
                    skip -= 1;
                } else {
                    pending.push(x as u8);
                }
                i += 4;
            } else {
                i += 2;
            }
            continue;
        }
        flush(&mut pending, &mut out);
        if !next.is_ascii() {
            // A backslash before a character RTF has no symbol for: the
            // character is text.
            i += 1;
            continue;
        }
        if !next.is_ascii_alphabetic() {
            // A control symbol.
            i += 2;
            match next {
                b'\\' | b'{' | b'}' if skip > 0 => skip -= 1,
                b'\\' | b'{' | b'}' => out.push(char::from(next)),
                b'~' => out.push(' '),
                b'_' => out.push('-'),
                b'\n' => out.push('\n'),
                _ => {}
            }
            continue;
        }
        let start = i + 1;
        let mut j = start;
        while b.get(j).is_some_and(u8::is_ascii_alphabetic) {
            j += 1;
        }
        let mut k = j + usize::from(b.get(j) == Some(&b'-'));
        while b.get(k).is_some_and(u8::is_ascii_digit) {
            k += 1;
        }
        let param: Option<i64> = text[j..k].parse().ok();
        i = k + usize::from(b.get(k) == Some(&b' '));
        match &text[start..j] {
            "u" => {
                let n = param.unwrap_or(0).rem_euclid(65536) as u32;
                out.extend(char::from_u32(n));
                skip = uc;
            }
            "uc" => uc = usize::try_from(param.unwrap_or(1)).unwrap_or(1),
            "par" | "line" | "tab" | "cell" | "row" | "sect" | "page" => out.push(' '),
            _ => out.push(MARK),
        }
    }
    flush(&mut pending, &mut out);
    push(segs, out, 1, Strength::Text);
}
