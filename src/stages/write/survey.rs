//! What an output folder holds before a build replaces it: the files
//! heropath wrote (its mark's list), PDFs it printed, and files it did not
//! write, which the build carries over instead of dropping them with the
//! old tree (files in the way of new ones go under [`KEPT_DIR`]).

use super::marker::{MARKER, Manifest};
use std::path::Path;

/// Where a build puts a file it did not write that is in the way of one it
/// writes: `KEPT_DIR/<unix seconds>/<path>`, carried over by every build.
pub const KEPT_DIR: &str = ".heropath-kept";

/// What is in an output folder before a build replaces it.
#[derive(Debug, Default)]
pub struct Survey {
    /// What its mark says heropath wrote (`None`: no mark, or no folder).
    pub manifest: Option<Manifest>,
    /// Files heropath did not write (relative paths, sorted), outside
    /// [`KEPT_DIR`]; an empty folder (heropath writes none) is one too,
    /// its path ending in `/`.
    pub foreign: Vec<String>,
    /// Files under [`KEPT_DIR`], put there by earlier builds.
    pub kept: Vec<String>,
    /// PDFs heropath printed that are still there: path → hash of the
    /// HTML it was printed from. (A PDF the mark lists whose bytes are no
    /// longer the ones heropath printed is in `foreign`: someone replaced
    /// it.)
    pub pdfs: std::collections::BTreeMap<String, u128>,
    /// The content hash of each PDF in `pdfs`, as it is now.
    pub pdf_hashes: std::collections::BTreeMap<String, u128>,
    /// Folders (or files) the walk could not read, relative paths, a
    /// folder's ending in `/`: what is in them is unknown, so a build can
    /// neither carry it over nor leave it to go with the old tree.
    pub unreadable: Vec<String>,
    /// Folders whose files cannot be removed (read-only), relative paths
    /// ending in `/`: the old tree could not be removed with them in it.
    pub read_only: Vec<String>,
}

impl Survey {
    /// Look at `dir`: only a folder with our mark is looked into (any other
    /// is refused by [`super::Staging::new`] before anything is replaced).
    pub fn of(dir: &Path) -> Survey {
        let Some(manifest) = Manifest::read(dir) else {
            return Survey::default();
        };
        let mut s = Survey::default();
        let kept_dir = format!("{KEPT_DIR}/");
        for e in walkdir::WalkDir::new(dir)
            .follow_links(false)
            .min_depth(1)
            .sort_by_file_name()
        {
            let e = match e {
                Ok(e) => e,
                Err(err) => {
                    s.unreadable.extend(unreadable(dir, &err));
                    continue;
                }
            };
            let Ok(rel) = e.path().strip_prefix(dir) else {
                continue;
            };
            let mut rel = rel.to_string_lossy().replace('\\', "/");
            if e.file_type().is_dir() {
                // The old tree goes once the new one is in place: a folder
                // whose files cannot be unlinked would stay behind it.
                if !may_change(e.path()) {
                    s.read_only.push(format!("{rel}/"));
                }
                // A folder someone made and left empty: heropath never
                // makes one, and the old tree would take it away unsaid.
                if rel == KEPT_DIR || !is_empty_dir(e.path()) {
                    continue;
                }
                rel.push('/');
            }
            if rel == MARKER {
                continue;
            }
            if rel.starts_with(&kept_dir) {
                s.kept.push(rel);
            } else if let Some(hash) = manifest.pdfs.get(&rel)
                && let Some(now) = pdf_hash(e.path())
                && manifest.printed_this(&rel, now)
            {
                s.pdfs.insert(rel.clone(), *hash);
                s.pdf_hashes.insert(rel, now);
            } else if manifest.pdfs.contains_key(&rel)
                || !manifest.wrote(&rel)
                || !e.file_type().is_file()
            {
                // (A PDF the mark lists is here only when someone replaced it.)
                s.foreign.push(rel);
            }
        }
        // One error per folder: an unreadable one is said to be that.
        let unreadable = &s.unreadable;
        s.read_only.retain(|r| !unreadable.contains(r));
        s.manifest = Some(manifest);
        s
    }
}

/// "folder" for a [`Survey::foreign`] path that is an (empty) folder,
/// else "file": what a warning about it calls it.
pub fn file_or_folder(rel: &str) -> &'static str {
    if rel.ends_with('/') { "folder" } else { "file" }
}

/// The relative path (a folder's ending in `/`) of what the walk of `dir`
/// could not read.
fn unreadable(dir: &Path, err: &walkdir::Error) -> Option<String> {
    let path = err.path()?;
    let rel = path
        .strip_prefix(dir)
        .ok()?
        .to_string_lossy()
        .replace('\\', "/");
    if rel.is_empty() {
        return None;
    }
    let folder = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    Some(if folder { format!("{rel}/") } else { rel })
}

/// May this process add and remove entries in the folder `path`?
#[cfg(unix)]
fn may_change(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt as _;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return true;
    };
    // SAFETY: `c` is a NUL-terminated C string that outlives the call.
    unsafe { libc::access(c.as_ptr(), libc::W_OK | libc::X_OK) == 0 }
}

#[cfg(not(unix))]
fn may_change(_: &Path) -> bool {
    true
}

/// Is `path` a folder with nothing in it? (Not when it cannot be read.)
fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}

/// The content hash of a PDF file (`None`: not a plain file, or unreadable).
fn pdf_hash(path: &Path) -> Option<u128> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    std::fs::read(path)
        .ok()
        .map(|b| crate::base::hash::hash(&b))
}
