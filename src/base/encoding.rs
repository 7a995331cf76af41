//! Text encodings of the files heropath reads: a UTF-8 byte-order mark is
//! dropped everywhere ([`strip_bom`]); a file saved as Windows-1252
//! ("ANSI") is never guessed at on build, only reported
//! ([`decode_utf8`]) and rewritten on request by `heropath fix-encoding`
//! ([`fix_file`]).

use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, Pos};
use std::path::{Path, PathBuf};

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `bytes` without one leading UTF-8 byte-order mark.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
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

/// `bytes` (a byte-order mark already dropped) as UTF-8 text, or an
/// [`Code::ReadFailed`] error at the first byte that is not UTF-8,
/// saying when the file looks saved as Windows-1252 and how to fix it.
/// `rel` is the path printed and suggested to `heropath fix-encoding`.
pub fn decode_utf8(bytes: Vec<u8>, rel: &Path) -> Result<String, Box<Diagnostic>> {
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
            .help(format!(
                "save it as UTF-8 in your editor, or run `heropath fix-encoding {}`",
                rel.display().to_string().replace('\\', "/")
            )),
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

/// Why `fix-encoding` refused.
#[derive(Debug)]
pub enum FixError {
    /// The file could not be read or written.
    Io(PathBuf, std::io::Error),
    /// The file is UTF-8 already: nothing to fix.
    AlreadyUtf8(PathBuf),
    /// The file holds bytes no Windows-1252 text file has.
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
                "{}: the file is neither UTF-8 nor Windows-1252 text (UTF-16 or binary?); nothing was changed — open it in your editor and save it as UTF-8",
                p.display()
            ),
        }
    }
}

/// Rewrite `path`, read as Windows-1252, as UTF-8: a temporary file is
/// written beside it and renamed over it, so the file is either the old
/// or the new one. Refuses, writing nothing, when the file is valid UTF-8
/// already or cannot be Windows-1252. Returns the lines that changed.
pub fn fix_file(path: &Path) -> Result<Vec<Changed>, FixError> {
    let io = |e| FixError::Io(path.to_path_buf(), e);
    let bytes = std::fs::read(path).map_err(io)?;
    if std::str::from_utf8(strip_bom(&bytes)).is_ok() {
        return Err(FixError::AlreadyUtf8(path.to_path_buf()));
    }
    let Some(text) = decode_1252(&bytes) else {
        return Err(FixError::NotWindows1252(path.to_path_buf()));
    };
    let changed = bytes
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
        .collect();
    crate::base::atomic::replace_file_keeping_permissions(path, |out| {
        out.write_all(text.as_bytes())
    })
    .map_err(io)?;
    Ok(changed)
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
