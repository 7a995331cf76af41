//! Putting a staged tree in place: two renames, each atomic, then the old
//! tree is removed; and removing only folders that carry our mark (old
//! trees, staging folders a killed build left behind).

use super::marker::{MARKER, MARKER_TEXT};
use super::staging::Staging;
use super::{WriteError, io};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

impl Staging {
    /// Swap the new tree in: two renames, each atomic; the old tree is
    /// removed only once the new one is in place.
    pub fn commit(self) -> Result<(), WriteError> {
        self.swap()?.remove()
    }

    /// [`Staging::commit`] without removing the old tree: the caller does,
    /// when it suits (two trees can then be removed at the same time).
    pub fn swap(mut self) -> Result<OldTree, WriteError> {
        // The mark now lists what this build wrote.
        let text = match self.manifest.lock() {
            Ok(m) => m.render(),
            Err(_) => MARKER_TEXT.to_string(),
        };
        let mark = self.dir.join(MARKER);
        std::fs::write(&mark, text).map_err(io(&mark))?;
        let target = self.target.clone();
        if target.join(MARKER).is_file() && exchange(&self.dir, &target).is_ok() {
            // One atomic step: at no moment is there no output folder, even
            // for a build killed right here. The old tree is now where the
            // staging folder was.
            self.committed = true;
            return Ok(OldTree(Some(self.dir.clone())));
        }
        if target.exists() {
            if target.join(MARKER).is_file() {
                std::fs::rename(&target, &self.old).map_err(io(&target))?;
            } else {
                // An empty folder without our mark: remove_dir only removes empty ones.
                std::fs::remove_dir(&target).map_err(io(&target))?;
            }
        }
        if let Err(e) = std::fs::rename(&self.dir, &target) {
            if self.old.exists() {
                let _ = std::fs::rename(&self.old, &target);
            }
            return Err(WriteError::Io(target, e));
        }
        self.committed = true;
        Ok(OldTree(Some(self.old.clone())))
    }
}

/// Exchange two folders atomically (Linux `renameat2` with
/// `RENAME_EXCHANGE`). Elsewhere, or on a file system without it, an
/// error: the caller then falls back to two renames, each atomic, with a
/// moment between them when the target is missing.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt as _;
    let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes());
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are NUL-terminated C strings that outlive the
    // call; AT_FDCWD resolves them like `std::fs::rename` does.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// An output tree moved aside by [`Staging::swap`], still to be removed.
/// Left alone, the next build removes it (it carries our mark).
#[must_use = "remove the old tree"]
pub struct OldTree(Option<PathBuf>);

impl OldTree {
    /// No old tree.
    pub fn none() -> OldTree {
        OldTree(None)
    }

    /// Remove it (only if it carries our mark).
    pub fn remove(self) -> Result<(), WriteError> {
        match self.0 {
            Some(dir) => remove_ours(&dir),
            None => Ok(()),
        }
    }
}

/// Remove staging folders left by a build that was killed (they carry our
/// mark; anything else is left alone).
pub(super) fn remove_stale(parent: &Path, name: &str) {
    remove_stale_in(parent, name)
}

/// Remove the staging folders a killed build left beside `target` (a build that
/// leaves an unchanged tree alone still clears what a killed one left).
pub fn remove_stale_of(target: &Path) {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Some(name) = target.file_name() {
        remove_stale_in(parent, &name.to_string_lossy());
    }
}

fn remove_stale_in(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let new = format!(".{name}.heropath-new-");
    let old = format!(".{name}.heropath-old-");
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with(&new) || n.starts_with(&old) {
            let _ = remove_ours(&e.path());
        }
    }
}

/// Remove a folder only if it carries our mark.
pub(super) fn remove_ours(dir: &Path) -> Result<(), WriteError> {
    if dir.join(MARKER).is_file() {
        // A tree can hold a file per plan: unlink its top-level files in
        // parallel first (the mark goes last, with the folder).
        if let Ok(entries) = std::fs::read_dir(dir) {
            let files: Vec<PathBuf> = entries
                .flatten()
                .filter(|e| e.file_name() != MARKER && e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .collect();
            files.par_iter().for_each(|f| {
                let _ = std::fs::remove_file(f);
            });
        }
        std::fs::remove_dir_all(dir).map_err(io(dir))?;
    } else if dir.is_dir() {
        // A staging folder we created but had not marked yet: only if empty.
        let _ = std::fs::remove_dir(dir);
    }
    Ok(())
}
