//! Stage 5, **write**: put a rendered tree in place atomically.
//!
//! Files go to a staging folder beside the target; only when all are written
//! is the old folder swapped out and removed. A failed or killed build
//! leaves the previous output as it was. heropath marks the folders it
//! creates and never deletes or replaces a folder without its mark.
//!
//! The mark also lists what heropath wrote into the folder (a
//! [`Manifest`]): the files of the last build, and the PDFs printed from
//! its handouts with the hash of the HTML each was printed from. A file in
//! the folder that the list does not name was put there by someone else;
//! the build carries it over (see [`Survey`]) instead of dropping it with
//! the old tree.

mod marker;
mod staging;
mod survey;
mod swap;
#[cfg(test)]
mod tests;

pub use marker::{MARKER, Manifest, record};
pub use staging::Staging;
pub use survey::{KEPT_DIR, Survey};
pub use swap::{OldTree, remove_stale_of};

use crate::base::output::RenderedFile;
use staging::hash_of_file;
use std::path::{Path, PathBuf};

/// Why writing failed.
#[derive(Debug)]
pub enum WriteError {
    /// The target exists, is not empty and has no heropath mark.
    NotOurs(PathBuf),
    /// The target exists and is not a folder.
    NotADirectory(PathBuf),
    /// A file name that would escape the output folder.
    BadPath(String),
    /// The file system said no.
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::NotOurs(p) => write!(
                f,
                "{} exists and was not made by heropath (no {MARKER} file): refusing to replace it",
                p.display()
            ),
            WriteError::NotADirectory(p) => write!(f, "{} exists and is not a folder", p.display()),
            WriteError::BadPath(p) => {
                write!(f, "refusing to write `{p}`: outside the output folder")
            }
            WriteError::Io(p, e) => write!(f, "cannot write {}: {e}", p.display()),
        }
    }
}

pub(super) fn io(p: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |e| WriteError::Io(p.to_path_buf(), e)
}

/// Is `dir` safe to replace: absent, empty, or marked as ours?
pub fn is_replaceable(dir: &Path) -> Result<bool, WriteError> {
    match std::fs::symlink_metadata(dir) {
        Err(_) => Ok(true),
        Ok(m) if !m.is_dir() => Err(WriteError::NotADirectory(dir.to_path_buf())),
        Ok(_) => {
            if dir.join(MARKER).is_file() {
                return Ok(true);
            }
            let empty = std::fs::read_dir(dir).map_err(io(dir))?.next().is_none();
            Ok(empty)
        }
    }
}

/// Does `dir` hold exactly `files` (same paths, same bytes) and nothing
/// else but our mark? Then writing them would change nothing.
pub fn holds_exactly(dir: &Path, files: &[RenderedFile]) -> bool {
    if !dir.join(MARKER).is_file() {
        return false;
    }
    let mut on_disk = Vec::new();
    for e in walkdir::WalkDir::new(dir).follow_links(false).min_depth(1) {
        let Ok(e) = e else { return false };
        if e.file_type().is_dir() {
            continue;
        }
        if !e.file_type().is_file() {
            return false;
        }
        let Ok(rel) = e.path().strip_prefix(dir) else {
            return false;
        };
        on_disk.push(rel.to_string_lossy().replace('\\', "/"));
    }
    on_disk.retain(|p| p != MARKER);
    on_disk.sort_unstable();
    let mut wanted: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    wanted.sort_unstable();
    on_disk == wanted
        && files.iter().all(|f| {
            let p = dir.join(&f.path);
            std::fs::metadata(&p).is_ok_and(|m| m.len() == f.bytes.len() as u64)
                && hash_of_file(&p) == Some(crate::base::hash::hash(&f.bytes))
        })
}

/// Write `files` as the complete new contents of `target`.
pub fn write_tree(target: &Path, files: &[RenderedFile]) -> Result<(), WriteError> {
    write_tree_keeping_old(target, files)?.remove()
}

/// [`write_tree`], leaving the removal of the old tree to the caller.
pub fn write_tree_keeping_old(
    target: &Path,
    files: &[RenderedFile],
) -> Result<OldTree, WriteError> {
    stage_tree(target, files)?.swap()
}

/// A new tree for `target` holding `files`, written beside it (in
/// parallel: each story is a folder of its own, and creating a thousand
/// folders one after another was most of a large build's writing time),
/// ready for [`Staging::swap`]. Dropped instead, it is removed.
pub fn stage_tree(target: &Path, files: &[RenderedFile]) -> Result<Staging, WriteError> {
    use rayon::prelude::*;
    let staging = Staging::new(target)?;
    files
        .par_iter()
        .try_for_each(|f| staging.write(&f.path, &f.bytes))?;
    Ok(staging)
}
