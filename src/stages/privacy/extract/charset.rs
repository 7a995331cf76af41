//! The character set a text file declares: HTML's `<meta charset>` and
//! `<meta http-equiv="content-type" content="…; charset=…">`, XML's
//! `<?xml … encoding="…"?>`, CSS's `@charset "…";`. A browser decodes the
//! file in that charset, so a name written in Shift_JIS or KOI8-R is
//! only readable through it; the guard decodes it the same way
//! (`encoding_rs`, the WHATWG Encoding Standard's labels and decoders).
//!
//! A file that declares nothing and is not UTF-8 is read in the legacy
//! charset its reader's browser falls back to, by locale or by guessing
//! (a spreadsheet saved as CSV by Excel in Russian is Windows-1251, in
//! Japanese Shift_JIS): see [`undeclared`]. So are the bytes a saved
//! email's base64 or quoted-printable writes (`=?koi8-r?B?…?=`, a body in
//! `windows-1251`).
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

/// The letters a legacy charset writes beyond ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Hebrew,
    Arabic,
    /// Chinese, Japanese, Korean (whose charsets hold Greek and Cyrillic
    /// letters and many symbols too).
    Cjk,
}

/// Legacy charsets a browser may read a file in that declares none and is
/// not UTF-8 (the WHATWG Encoding Standard's defaults by locale, and what
/// browsers' detectors guess), other than Windows-1252, which the guard
/// reads every such file in already.
const LEGACY: [(&Encoding, Script); 23] = [
    // Excel for the Mac saved CSV in Mac OS Roman.
    (encoding_rs::MACINTOSH, Script::Latin),
    (encoding_rs::WINDOWS_1250, Script::Latin),
    (encoding_rs::ISO_8859_2, Script::Latin),
    (encoding_rs::WINDOWS_1254, Script::Latin),
    (encoding_rs::WINDOWS_1257, Script::Latin),
    (encoding_rs::WINDOWS_1258, Script::Latin),
    (encoding_rs::WINDOWS_1251, Script::Cyrillic),
    (encoding_rs::KOI8_R, Script::Cyrillic),
    (encoding_rs::KOI8_U, Script::Cyrillic),
    (encoding_rs::IBM866, Script::Cyrillic),
    (encoding_rs::ISO_8859_5, Script::Cyrillic),
    (encoding_rs::X_MAC_CYRILLIC, Script::Cyrillic),
    (encoding_rs::WINDOWS_1253, Script::Greek),
    (encoding_rs::ISO_8859_7, Script::Greek),
    (encoding_rs::WINDOWS_1255, Script::Hebrew),
    (encoding_rs::ISO_8859_8, Script::Hebrew),
    (encoding_rs::WINDOWS_1256, Script::Arabic),
    (encoding_rs::SHIFT_JIS, Script::Cjk),
    (encoding_rs::EUC_JP, Script::Cjk),
    (encoding_rs::ISO_2022_JP, Script::Cjk),
    (encoding_rs::GBK, Script::Cjk),
    (encoding_rs::BIG5, Script::Cjk),
    (encoding_rs::EUC_KR, Script::Cjk),
];

/// What [`undeclared`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    /// A whole text file.
    File,
    /// The bytes base64 or quoted-printable writes (an email's body or
    /// subject): read only in the charsets of other alphabets, and only
    /// where nearly every word reads as a word (base64 is found in
    /// ordinary words too: "version=" is five bytes).
    Blob,
}

/// `b`, text that declares no charset, read in each legacy charset it
/// makes sense in (see [`LEGACY`]): only when `b` is not UTF-8 (or is
/// ISO-2022-JP, which is written in ASCII bytes with escapes), only where
/// every byte decodes, to nothing but text (no control or private-use
/// character; outside ASCII, only letters of that charset's alphabet and
/// common punctuation), and where the words that hold letters outside
/// ASCII are nearly all written in those letters alone (Windows-1252
/// French read as Windows-1251 gives "cafй", a word of two alphabets, and
/// is not taken). Of the charsets of one cased alphabet (Windows-1251,
/// KOI8-R...), the one whose words are cased as words are is taken, as a
/// browser's detector takes one.
pub(super) fn undeclared(b: &[u8], source: Source) -> Vec<String> {
    // ISO-2022-JP switches with ESC $ B, ESC $ @ or ESC ( J: look only
    // where an escape byte is (most files have none), not at every window.
    let iso2022 = memchr::memchr_iter(0x1b, b).any(|at| {
        matches!(
            b.get(at + 1..at + 3),
            Some(b"$B") | Some(b"$@") | Some(b"(J")
        )
    });
    if !iso2022 && std::str::from_utf8(b).is_ok() {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    let mut best: Vec<(Script, usize, String)> = Vec::new();
    for (e, script) in LEGACY {
        if (e == encoding_rs::ISO_2022_JP) != iso2022
            || (source == Source::Blob && script == Script::Latin)
        {
            continue;
        }
        let Some(text) = e.decode_without_bom_handling_and_without_replacement(b) else {
            continue;
        };
        let Some(score) = plausible(&text, script, source) else {
            continue;
        };
        match script {
            Script::Latin | Script::Cjk => {
                if !out.iter().any(|t| *t == text) {
                    out.push(text.into_owned());
                }
            }
            _ => match best.iter_mut().find(|(s, ..)| *s == script) {
                Some(slot) if slot.1 >= score => {}
                Some(slot) => *slot = (script, score, text.into_owned()),
                None => best.push((script, score, text.into_owned())),
            },
        }
    }
    out.extend(best.into_iter().map(|(_, _, t)| t));
    out
}

/// Is `c`, outside ASCII, a letter of `script` or punctuation its
/// charsets write?
fn of_script(c: char, script: Script) -> bool {
    let common = matches!(
        c,
        '\u{A0}'
            | '«'
            | '»'
            | '°'
            | '©'
            | '®'
            | '§'
            | '·'
            | '×'
            | '÷'
            | '±'
            | '№'
            | '™'
            | '€'
            | '\u{2010}'..='\u{2027}'
    );
    common
        || match script {
            Script::Latin => true,
            Script::Cyrillic => ('\u{400}'..='\u{52F}').contains(&c),
            Script::Greek => matches!(c, '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}'),
            Script::Hebrew => matches!(c, '\u{590}'..='\u{5FF}' | '\u{200E}' | '\u{200F}' | '₪'),
            Script::Arabic => matches!(c,
                '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{FB50}'..='\u{FDFF}'
                | '\u{FE70}'..='\u{FEFF}' | '\u{200C}'..='\u{200F}'),
            Script::Cjk => matches!(c,
                '\u{2000}'..='\u{27FF}' | '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}'
                | '\u{1100}'..='\u{11FF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}'
                | '\u{370}'..='\u{3FF}' | '\u{400}'..='\u{4FF}' | '\u{A7}'..='\u{B6}'),
        }
}

/// Does `text` read as text in a charset of `script` (see [`undeclared`])?
/// `Some` with a score: how many of its words are cased as words are (all
/// lower case after the first letter), in a hundred, before how few words
/// it has.
fn plausible(text: &str, script: Script, source: Source) -> Option<usize> {
    let odd = |c: char| {
        (c.is_control() && !c.is_whitespace() && c != '\u{1b}')
            || ('\u{E000}'..='\u{F8FF}').contains(&c)
            || c == '\u{FFFD}'
            || (!c.is_ascii() && !c.is_whitespace() && !of_script(c, script))
    };
    if text.chars().any(odd) {
        return None;
    }
    if script == Script::Latin {
        return Some(0);
    }
    let (mut own, mut mixed, mut cased, mut letters) = (0usize, 0usize, 0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_ascii() {
            continue;
        }
        if word.chars().any(|c| c.is_ascii_alphabetic()) {
            mixed += 1;
            continue;
        }
        own += 1;
        letters += word.chars().filter(|c| !c.is_ascii()).count();
        if word.chars().skip(1).all(|c| !c.is_uppercase()) {
            cased += 1;
        }
    }
    let caseless = matches!(script, Script::Hebrew | Script::Arabic | Script::Cjk);
    let text_like = match source {
        Source::File => own > 0 && mixed * 5 <= own,
        Source::Blob => letters >= 4 && mixed == 0 && (caseless || cased * 10 >= own * 9),
    };
    // The share of words cased as words are, then the fewer words (a
    // wrong charset cuts words at its symbols: "Дор№ти").
    text_like.then(|| (cased * 100 / own.max(1)) * 1_000_000 + 999_999 - own.min(999_999))
}
