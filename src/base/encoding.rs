//! Text encodings of the files heropath reads: a UTF-8 byte-order mark is
//! dropped everywhere ([`strip_bom`]) and a UTF-16 one (Notepad's
//! "Unicode", PowerShell's `>`) is honoured, as YAML allows
//! ([`without_bom`]); a file saved as Windows-1252 ("ANSI"), or as UTF-16
//! without a byte-order mark, is never guessed at on build, only reported
//! ([`decode_utf8`]) and rewritten on request by `heropath fix-encoding`
//! ([`fix_file`]).

use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, Pos};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `bytes` without one leading UTF-8 byte-order mark.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// `bytes` as UTF-8 without its byte-order mark: a UTF-8 one is dropped,
/// text behind a UTF-16 one (little- or big-endian) is decoded to UTF-8.
/// UTF-16 that does not decode (a lone surrogate) is left as it is, for
/// [`decode_utf8`] to report.
pub fn without_bom(bytes: &[u8]) -> Cow<'_, [u8]> {
    match utf16_bom(bytes) {
        Some((rest, be)) => match char::decode_utf16(utf16_units(rest, be)).collect() {
            Ok::<String, _>(text) if rest.len() % 2 == 0 => Cow::Owned(text.into_bytes()),
            _ => Cow::Borrowed(bytes),
        },
        None => Cow::Borrowed(strip_bom(bytes)),
    }
}

/// The text after a UTF-16 byte-order mark, and whether it is big-endian
/// (a UTF-32 mark, whose first two bytes are UTF-16's, is none).
pub fn utf16_bom(bytes: &[u8]) -> Option<(&[u8], bool)> {
    if utf32_bom(bytes).is_some() {
        None
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Some((rest, false))
    } else {
        bytes.strip_prefix(b"\xFE\xFF").map(|rest| (rest, true))
    }
}

/// The text after a UTF-32 byte-order mark, and whether it is big-endian.
pub fn utf32_bom(bytes: &[u8]) -> Option<(&[u8], bool)> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\0\0") {
        Some((rest, false))
    } else {
        bytes.strip_prefix(b"\0\0\xFE\xFF").map(|rest| (rest, true))
    }
}

/// UTF-32 text without a BOM has three NUL bytes in every four (for
/// text below U+0100). Returns whether it is big-endian.
pub fn utf32_without_bom(b: &[u8]) -> Option<bool> {
    let n = b.len().min(1024) & !3;
    if n < 8 {
        return None;
    }
    let units = || b[..n].chunks_exact(4);
    let le = units().filter(|u| u[1..] == [0, 0, 0] && u[0] != 0).count();
    let be = units().filter(|u| u[..3] == [0, 0, 0] && u[3] != 0).count();
    let quarter = n / 4;
    if le * 10 >= quarter * 9 {
        Some(false)
    } else if be * 10 >= quarter * 9 {
        Some(true)
    } else {
        None
    }
}

/// `b` read as UTF-32, each unit that is no character as U+FFFD (an
/// incomplete last unit is dropped).
pub fn utf32(b: &[u8], be: bool) -> String {
    utf32_chars(b, be)
        .map(|c| c.unwrap_or('\u{FFFD}'))
        .collect()
}

/// The characters of UTF-32 `b`, `None` for a unit that is no character.
fn utf32_chars(b: &[u8], be: bool) -> impl Iterator<Item = Option<char>> + '_ {
    b.chunks_exact(4).map(move |p| {
        let u = [p[0], p[1], p[2], p[3]];
        char::from_u32(if be {
            u32::from_be_bytes(u)
        } else {
            u32::from_le_bytes(u)
        })
    })
}

/// UTF-16 text without a BOM has NUL bytes at every other position (for
/// mostly-Latin text). Returns whether it is big-endian.
pub fn utf16_without_bom(b: &[u8]) -> Option<bool> {
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

/// `b` read as UTF-16, each unpaired surrogate as U+FFFD.
pub fn utf16(b: &[u8], be: bool) -> String {
    char::decode_utf16(utf16_units(b, be))
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

/// The 16-bit units of `b` in either byte order (an odd last byte is dropped).
pub fn utf16_units(b: &[u8], be: bool) -> impl Iterator<Item = u16> + '_ {
    b.chunks_exact(2).map(move |p| {
        if be {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    })
}

/// Text of any encoding heropath knows, never failing: for looking into
/// a file (is it a plan?), not for reading one. UTF-8 (BOM or not),
/// UTF-16 (BOM or not), else Windows-1252 for the bytes that are not UTF-8.
pub fn text_lossy(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((rest, be)) = utf32_bom(bytes) {
        return Cow::Owned(utf32(rest, be));
    }
    if let Some(be) = utf32_without_bom(bytes) {
        return Cow::Owned(utf32(bytes, be));
    }
    if let Some((rest, be)) = utf16_bom(bytes) {
        return Cow::Owned(utf16(rest, be));
    }
    if let Some(be) = utf16_without_bom(bytes) {
        return Cow::Owned(utf16(bytes, be));
    }
    utf8_or_1252(strip_bom(bytes))
}

/// UTF-8 where valid; each invalid byte read as Windows-1252 (its
/// undefined bytes as the C1 characters they are).
pub fn utf8_or_1252(b: &[u8]) -> Cow<'_, str> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Cow::Borrowed(s);
    }
    let mut s = String::with_capacity(b.len() + 16);
    for chunk in b.utf8_chunks() {
        s.push_str(chunk.valid());
        s.extend(
            chunk
                .invalid()
                .iter()
                .map(|&x| cp1252(x).unwrap_or(x as char)),
        );
    }
    Cow::Owned(s)
}

/// Windows-1252 0x80–0x9F; `None` for its five undefined bytes.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// One byte read as Windows-1252; `None` for an undefined byte or NUL
/// (a NUL suggests UTF-16, not an ANSI text file).
pub fn cp1252(b: u8) -> Option<char> {
    match b {
        0 => None,
        0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
        _ => Some(b as char),
    }
}

/// The whole of `bytes` read as Windows-1252, or `None` when a byte
/// cannot be Windows-1252 text.
pub fn decode_1252(bytes: &[u8]) -> Option<String> {
    bytes.iter().map(|&b| cp1252(b)).collect()
}

/// A file's `bytes` as text: its byte-order mark honoured ([`without_bom`]),
/// then UTF-8 or the error [`decode_utf8`] gives. `rel` is the path printed.
pub fn decode(bytes: Vec<u8>, rel: &Path) -> Result<String, Box<Diagnostic>> {
    let bytes = match without_bom(&bytes) {
        Cow::Borrowed(b) => {
            let skip = bytes.len() - b.len();
            match skip {
                0 => bytes,
                _ => bytes[skip..].to_vec(),
            }
        }
        Cow::Owned(utf8) => utf8,
    };
    decode_utf8(bytes, rel)
}

/// `bytes` (a byte-order mark already dropped) as UTF-8 text, or an
/// [`Code::ReadFailed`] error at the first byte that is not UTF-8,
/// saying when the file looks saved as Windows-1252 and how to fix it.
/// `rel` is the path printed and suggested to `heropath fix-encoding`.
pub fn decode_utf8(bytes: Vec<u8>, rel: &Path) -> Result<String, Box<Diagnostic>> {
    let fix = || {
        format!(
            "save it as UTF-8 in your editor, or run `heropath fix-encoding {}`",
            rel.display().to_string().replace('\\', "/")
        )
    };
    // UTF-16 of ASCII text is valid UTF-8 (with a NUL after each letter),
    // so it is looked for first. Positions in UTF-16 bytes mean nothing to
    // a reader: the file is named as a whole. UTF-32's mark starts as
    // UTF-16's does, so it is looked for before.
    let wide = match (
        utf32_bom(&bytes),
        utf32_without_bom(&bytes),
        utf16_bom(&bytes),
        utf16_without_bom(&bytes),
    ) {
        (Some(_), ..) => Some("UTF-32 (with a byte-order mark)"),
        (None, Some(_), ..) => Some("UTF-32 without a byte-order mark"),
        (None, None, Some(_), _) => {
            Some("UTF-16 (\"Unicode\") with a character UTF-16 cannot hold (a lone surrogate)")
        }
        (None, None, None, Some(_)) => Some("UTF-16 (\"Unicode\") without a byte-order mark"),
        (None, None, None, None) => None,
    };
    if let Some(how) = wide {
        return Err(Box::new(
            Diagnostic::error(
                Code::ReadFailed,
                format!("this file looks saved as {how}, not UTF-8"),
            )
            .help(fix())
            .in_file(rel)
            .at(Some(Pos { line: 1, column: 1 })),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let all = e.as_bytes();
        let valid = e.utf8_error().valid_up_to();
        let upto = &all[..valid];
        let line = upto.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = upto.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&upto[line_start..]).chars().count() + 1;
        let pos = Some(Pos { line, column });
        let d = match (decode_1252(all), all.get(valid).copied().and_then(cp1252)) {
            (Some(_), Some(c)) => Diagnostic::error(
                Code::ReadFailed,
                format!(
                    "this file looks saved as ANSI/Windows-1252 ({c} at line {line}), not UTF-8"
                ),
            )
            .help(fix()),
            _ => Diagnostic::error(Code::ReadFailed, "file is not valid UTF-8 text")
                .help("save the file as UTF-8 in your editor"),
        };
        Box::new(d.in_file(rel).at(pos))
    })
}

/// One line `fix-encoding` changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    /// Line number (1-based).
    pub line: usize,
    /// The line as it read before (undecodable bytes as U+FFFD).
    pub old: String,
    /// The line as UTF-8 now.
    pub new: String,
    /// The non-ASCII characters of the new line, in order, once each.
    pub chars: Vec<char>,
}

/// What `fix-encoding` did: the encoding the file was in, and the lines
/// whose text changed (none for UTF-16, whose characters stay the same).
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    /// The encoding the file was saved in: `Windows-1252`, `UTF-16` or
    /// `UTF-32`.
    pub from: &'static str,
    /// The lines read differently now.
    pub changed: Vec<Changed>,
}

/// Why `fix-encoding` refused.
#[derive(Debug)]
pub enum FixError {
    /// The file could not be read or written.
    Io(PathBuf, std::io::Error),
    /// The file is UTF-8 already: nothing to fix.
    AlreadyUtf8(PathBuf),
    /// The file holds bytes no UTF-16 or Windows-1252 text file has.
    NotWindows1252(PathBuf),
}

impl std::fmt::Display for FixError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FixError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            FixError::AlreadyUtf8(p) => write!(
                f,
                "{}: the file is valid UTF-8 already; nothing was changed",
                p.display()
            ),
            FixError::NotWindows1252(p) => write!(
                f,
                "{}: the file is neither UTF-8, UTF-16 nor Windows-1252 text (binary?); nothing was changed — open it in your editor and save it as UTF-8",
                p.display()
            ),
        }
    }
}

/// Rewrite `path`, read as UTF-16 (with or without a byte-order mark) or
/// else as Windows-1252, as UTF-8: a temporary file is written beside it
/// and renamed over it, so the file is either the old or the new one.
/// Refuses, writing nothing, when the file is valid UTF-8 already or is
/// neither. Returns the encoding it was in and the lines that changed.
pub fn fix_file(path: &Path) -> Result<Fixed, FixError> {
    let io = |e| FixError::Io(path.to_path_buf(), e);
    let bytes = std::fs::read(path).map_err(io)?;
    let utf32 = utf32_bom(&bytes).or_else(|| utf32_without_bom(&bytes).map(|be| (&bytes[..], be)));
    if let Some((units, be)) = utf32 {
        let text: String = utf32_chars(units, be)
            .collect::<Option<_>>()
            .filter(|_| units.len() % 4 == 0)
            .ok_or_else(|| FixError::NotWindows1252(path.to_path_buf()))?;
        crate::base::atomic::replace_file_keeping_permissions(path, |out| {
            out.write_all(text.as_bytes())
        })
        .map_err(io)?;
        return Ok(Fixed {
            from: "UTF-32",
            changed: Vec::new(),
        });
    }
    let utf16 = utf16_bom(&bytes).or_else(|| utf16_without_bom(&bytes).map(|be| (&bytes[..], be)));
    if utf16.is_none() && std::str::from_utf8(strip_bom(&bytes)).is_ok() {
        return Err(FixError::AlreadyUtf8(path.to_path_buf()));
    }
    let fixed = match utf16 {
        Some((units, be)) => {
            let text: String = char::decode_utf16(utf16_units(units, be))
                .collect::<Result<_, _>>()
                .ok()
                .filter(|_| units.len() % 2 == 0)
                .ok_or_else(|| FixError::NotWindows1252(path.to_path_buf()))?;
            (
                text,
                Fixed {
                    from: "UTF-16",
                    changed: Vec::new(),
                },
            )
        }
        None => {
            let Some(text) = decode_1252(&bytes) else {
                return Err(FixError::NotWindows1252(path.to_path_buf()));
            };
            let changed = changed_lines(&bytes, &text);
            (
                text,
                Fixed {
                    from: "Windows-1252",
                    changed,
                },
            )
        }
    };
    crate::base::atomic::replace_file_keeping_permissions(path, |out| {
        out.write_all(fixed.0.as_bytes())
    })
    .map_err(io)?;
    Ok(fixed.1)
}

/// The lines of a Windows-1252 file (`bytes`) that read differently as
/// `text`, its UTF-8 decoding: those with a byte above ASCII.
fn changed_lines(bytes: &[u8], text: &str) -> Vec<Changed> {
    bytes
        .split(|b| *b == b'\n')
        .zip(text.split('\n'))
        .enumerate()
        .filter(|(_, (old, _))| !old.is_ascii())
        .map(|(i, (old, new))| {
            let mut chars: Vec<char> = Vec::new();
            for c in new.chars().filter(|c| !c.is_ascii()) {
                if !chars.contains(&c) {
                    chars.push(c);
                }
            }
            Changed {
                line: i + 1,
                old: String::from_utf8_lossy(old)
                    .trim_end_matches('\r')
                    .to_string(),
                new: new.trim_end_matches('\r').to_string(),
                chars,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_once() {
        assert_eq!(strip_bom(b"\xEF\xBB\xBFa"), b"a");
        assert_eq!(strip_bom(b"\xEF\xBB\xBF\xEF\xBB\xBFa"), b"\xEF\xBB\xBFa");
        assert_eq!(strip_bom(b"a"), b"a");
        assert_eq!(strip_bom(b""), b"");
    }

    #[test]
    fn windows_1252_decodes_and_refuses_undefined_bytes() {
        assert_eq!(
            decode_1252(b"Jos\xE9 \x93hi\x94 \x80").unwrap(),
            "José “hi” €"
        );
        assert_eq!(decode_1252(b"a\x81b"), None);
        assert_eq!(decode_1252(b"a\0b"), None);
    }

    #[test]
    fn the_error_names_the_character_and_line() {
        let d = decode_utf8(b"a: 1\nname: Jos\xE9\n".to_vec(), Path::new("x.yaml")).unwrap_err();
        assert!(d.message.contains("é at line 2"), "{}", d.message);
        let d = decode_utf8(b"a\x81".to_vec(), Path::new("x.yaml")).unwrap_err();
        assert_eq!(d.message, "file is not valid UTF-8 text");
    }
}
