//! Reading one content file with the guards every load applies (a
//! slug-safe name, the size limit, UTF-8), shared with `serve`'s
//! incremental reload so both report the same problems in the same words.

use super::Source;
use crate::base::diag::Code;
use crate::base::diag::Diagnostic;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before parsing: no real plan comes
/// near it, and a huge file would stall the build.
pub const MAX_FILE_BYTES: u64 = 4_000_000;

/// The help for a file whose name cannot be a slug: the name to give it,
/// with its own extension (`Bad Name.yaml` → `bad-name.yaml`,
/// `eve.yaml.yaml` → `eve.yaml`).
fn good_name(p: &Path) -> String {
    let ext = p
        .extension()
        .map(|e| e.to_string_lossy().trim().to_ascii_lowercase())
        .unwrap_or_default();
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match super::rename::fixed_name(&name, &ext) {
        Some(new) => format!("rename the file to `{new}`"),
        None => format!(
            "rename the file to a name of lowercase letters, digits and dashes, for example `bob-smith.{ext}`"
        ),
    }
}

/// Is `s` a safe slug: lowercase letters, digits, `-` and `_`, starting with
/// a letter or digit? Slugs become file and URL names, so nothing else.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// A source file's name (its slug: the file name without extension)
/// and its path relative to the clinic root: how sources are called, and
/// the order they are kept in.
pub(super) fn name_of(root: &Path, p: &Path) -> (String, PathBuf) {
    let slug = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (slug, p.strip_prefix(root).unwrap_or(p).to_path_buf())
}

/// Read and parse one content file (`p`, under `root`) with the guards
/// every load applies: a slug-safe name, the size limit, UTF-8. A build
/// and `serve`'s incremental reload share it so that they report the same
/// problems in the same words.
pub fn read_source<T>(
    root: &Path,
    p: &Path,
    parse: &impl Fn(&str, &Path, u128) -> Result<T, Vec<Diagnostic>>,
) -> Result<Source<T>, Vec<Diagnostic>> {
    read_source_telling(root, p, parse, &|| {})
}

/// [`read_source`], calling `cold` when the file was not in the file
/// cache (see [`crate::base::ahead`]).
pub(super) fn read_source_telling<T>(
    root: &Path,
    p: &Path,
    parse: &impl Fn(&str, &Path, u128) -> Result<T, Vec<Diagnostic>>,
    cold: &dyn Fn(),
) -> Result<Source<T>, Vec<Diagnostic>> {
    let (slug, rel) = name_of(root, p);
    if !is_slug(&slug) {
        return Err(vec![
            Diagnostic::error(
                Code::BadFileName,
                format!("`{slug}` cannot be used as a name: file names become web addresses"),
            )
            .in_file(&rel)
            .help(good_name(p)),
        ]);
    }
    let cannot_read = |e: std::io::Error| {
        vec![Diagnostic::error(Code::ReadFailed, format!("cannot read: {e}")).in_file(&rel)]
    };
    let too_large = |len: u64| {
        vec![
            Diagnostic::error(
                Code::TooLarge,
                format!(
                    "file is {:.1} MB; the limit is {:.1} MB",
                    len as f64 / 1e6,
                    MAX_FILE_BYTES as f64 / 1e6
                ),
            )
            .in_file(&rel)
            .help("a plan is a few kilobytes; check that this is the right file"),
        ]
    };
    // Opened once (its size from the open file), and never read past the
    // limit, even if the file grows after its size was looked at.
    let file = std::fs::File::open(p).map_err(cannot_read)?;
    let len = file.metadata().map_err(cannot_read)?.len();
    if len > MAX_FILE_BYTES {
        return Err(too_large(len));
    }
    let bytes = read_all(file, len, cold).map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let text = crate::base::encoding::decode(bytes, &rel).map_err(|d| vec![*d])?;
    let hash = crate::base::hash::hash(text.as_bytes());
    let value = parse(&text, &rel, hash)?;
    Ok(Source {
        path: rel,
        slug,
        text,
        hash,
        value,
    })
}

/// The contents of `file`, whose size was `len` when it was opened, and
/// never more than [`MAX_FILE_BYTES`] and one byte. One read asks for a
/// byte more than that size: when it gives the size exactly, the file is
/// whole (a plan is read in one call, not two: the second, to learn the
/// end, was a tenth of the system calls of a check). That read does not
/// wait for the disk: a file not in the file cache is read again as usual,
/// and `cold` is called (see [`crate::base::ahead`]).
fn read_all(file: std::fs::File, len: u64, cold: &dyn Fn()) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = vec![0; len.min(MAX_FILE_BYTES) as usize + 1];
    if let Some(n) = crate::base::ahead::read_cached(&file, &mut bytes, cold)
        && n as u64 == len
    {
        bytes.truncate(n);
        return Ok(bytes);
    }
    let mut file = file.take(MAX_FILE_BYTES + 1);
    let n = loop {
        match file.read(&mut bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => break other?,
        }
    };
    bytes.truncate(n);
    if n as u64 != len {
        // Shorter or longer than it said (being written): read to the end.
        file.read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}
