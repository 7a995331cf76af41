//! Putting a staged tree in place: two renames, each atomic, then the old
//! tree is removed; and removing only folders that carry our mark (old
//! trees, staging folders a killed build left behind).

use super::marker::{MARKER, MARKER_TEXT};
use super::staging::Staging;
use super::{WriteError, io};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

impl Staging {
    /// Swap the new tree in: two renames, each atomic; the old tree is
    /// removed only once the new one is in place.
    pub fn commit(self) -> Result<(), WriteError> {
        self.swap()?.remove()
    }

    /// [`Staging::commit`] without removing the old tree: the caller does,
    /// when it suits (two trees can then be removed at the same time).
    ///
    /// When the new tree would be the current one file for file (every file
    /// taken as it is, nothing else there, the same mark), the current tree
    /// stays where it is, untouched, and the (empty) staging folder is what
    /// is left to remove.
    pub fn swap(mut self) -> Result<OldTree, WriteError> {
        if self.look() {
            self.committed = true;
            return Ok(OldTree(Some(self.dir.clone())));
        }
        // The mark now lists what this build wrote.
        let text = self.mark_text().to_string();
        let as_is = match self.as_is.lock() {
            Ok(mut set) => std::mem::take(&mut *set),
            Err(_) => {
                return Err(WriteError::Io(
                    self.dir.clone(),
                    std::io::Error::other("a writer thread failed"),
                ));
            }
        };
        as_is.par_iter().try_for_each(|rel| self.link_in(rel))?;
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

impl Staging {
    /// The mark of the new tree: it lists what this build wrote. Made
    /// once (by [`Staging::look`] or the swap), when nothing more is written.
    fn mark_text(&self) -> &str {
        self.mark.get_or_init(|| match self.manifest.lock() {
            Ok(m) => m.render(),
            Err(_) => MARKER_TEXT.to_string(),
        })
    }

    /// Would the new tree be the current one file for file, so that
    /// [`Staging::swap`] leaves the target as it is? Learnt by walking the
    /// target, once; call it when nothing more will be written, before
    /// swapping. (A build looks at both of its targets at the same time,
    /// before either is swapped: each walk is a serial wait on the file
    /// system, 0.1 s at 100,000 handouts.)
    pub fn look(&self) -> bool {
        *self.unchanged.get_or_init(|| {
            if self.changed.load(std::sync::atomic::Ordering::Relaxed) {
                return false;
            }
            match self.as_is.lock() {
                Ok(set) => holds_only(&self.target, &set, self.mark_text()),
                Err(_) => false,
            }
        })
    }
}

/// Does the folder `dir` hold exactly the files `files` (relative paths),
/// as regular files, the folders they are in and nothing else, with the
/// mark `mark`?
fn holds_only(dir: &Path, files: &HashSet<String>, mark: &str) -> bool {
    if std::fs::read_to_string(dir.join(MARKER)).ok().as_deref() != Some(mark) {
        return false;
    }
    let folders: HashSet<&str> = files
        .iter()
        .flat_map(|f| f.match_indices('/').map(move |(i, _)| &f[..i]))
        .collect();
    let (mut seen_files, mut seen_folders) = (0, 0);
    for e in walkdir::WalkDir::new(dir).follow_links(false).min_depth(1) {
        let Ok(e) = e else { return false };
        // Most entries are at the top (a handout per plan): their name is
        // their relative path, with nothing to allocate.
        let rel: std::borrow::Cow<str> = if e.depth() == 1 {
            match e.file_name().to_str() {
                Some(name) => name.into(),
                None => return false,
            }
        } else {
            match e.path().strip_prefix(dir).ok().and_then(Path::to_str) {
                Some(rel) => rel.replace(std::path::MAIN_SEPARATOR, "/").into(),
                None => return false,
            }
        };
        let known = if e.file_type().is_dir() {
            seen_folders += 1;
            folders.contains(&*rel)
        } else if rel == MARKER {
            continue;
        } else {
            seen_files += 1;
            e.file_type().is_file() && files.contains(&*rel)
        };
        if !known {
            return false;
        }
    }
    seen_files == files.len() && seen_folders == folders.len()
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
