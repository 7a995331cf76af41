//! Stage 5, **write**: put a rendered tree in place atomically.
//!
//! Files go to a staging folder beside the target; only when all are written
//! is the old folder swapped out and removed. A file whose bytes are already
//! in the old folder is taken from it as it is, and when that is true of
//! every file the old folder simply stays. A failed or killed build
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

pub use marker::{MARKER, Manifest, public_tree_above, record};
pub use staging::Staging;
pub use survey::{KEPT_DIR, Survey, file_or_folder};
pub use swap::OldTree;

use crate::base::output::RenderedFile;
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

/// [`stage_tree`] for a public website: its mark says so (see
/// [`Manifest::public`]), so that no handout is written into it.
pub fn stage_public_tree(target: &Path, files: &[RenderedFile]) -> Result<Staging, WriteError> {
    let staging = stage_tree(target, files)?;
    staging.mark_public();
    Ok(staging)
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
