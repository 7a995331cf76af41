//! The staging folder: a new output tree written beside its target, file
//! by file and from many threads. A file whose bytes are already in the
//! current tree is not written again: it is taken as it is, linked into the
//! new tree only when [`super::swap`] puts that tree in place, and when
//! nothing at all changed the current tree simply stays.

use super::marker::{MARKER, MARKER_TEXT, Manifest};
use super::swap::{remove_ours, remove_stale};
use super::{WriteError, io, is_replaceable};
use crate::base::paths::is_inside;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// A new output tree being written beside its target. Files can be added
/// from many threads; [`Staging::commit`] swaps it in, and dropping it
/// without committing removes it, leaving the target untouched.
pub struct Staging {
    pub(super) target: PathBuf,
    pub(super) dir: PathBuf,
    pub(super) old: PathBuf,
    pub(super) committed: bool,
    /// What heropath wrote (or linked) into the new tree: its manifest.
    pub(super) manifest: std::sync::Mutex<Manifest>,
    /// Files of the current tree the new one takes as they are (relative
    /// paths). They are hard-linked into the new tree only if it is
    /// swapped in: a build that changes nothing creates and removes nothing
    /// (creating thousands of folders and links, then removing the old
    /// ones, was most of the file-system time of a rebuild).
    pub(super) as_is: std::sync::Mutex<std::collections::HashSet<String>>,
    /// Was anything written into the new tree itself?
    pub(super) changed: std::sync::atomic::AtomicBool,
    /// Is the new tree the current one file for file? Learnt by reading
    /// the target, once: see [`Staging::look`].
    pub(super) unchanged: std::sync::OnceLock<bool>,
    /// The new tree's mark (what this build wrote), made once nothing more
    /// is written: see [`Staging::look`].
    pub(super) mark: std::sync::OnceLock<String>,
    /// The current tree's files about to be compared with what is written
    /// (see [`Staging::read_ahead`]).
    pub(super) ahead: std::sync::OnceLock<crate::base::ahead::ReadAhead>,
}

impl Staging {
    /// Start a new tree for `target`, refusing a target heropath did not make.
    pub fn new(target: &Path) -> Result<Staging, WriteError> {
        if !is_replaceable(target)? {
            return Err(WriteError::NotOurs(target.to_path_buf()));
        }
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(io(parent))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "out".into());
        let pid = std::process::id();
        remove_stale(parent, &name);
        let dir = parent.join(format!(".{name}.heropath-new-{pid}"));
        std::fs::create_dir(&dir).map_err(io(&dir))?;
        std::fs::write(dir.join(MARKER), MARKER_TEXT).map_err(io(&dir))?;
        Ok(Staging {
            target: target.to_path_buf(),
            old: parent.join(format!(".{name}.heropath-old-{pid}")),
            dir,
            committed: false,
            manifest: std::sync::Mutex::new(Manifest::default()),
            as_is: Default::default(),
            changed: Default::default(),
            unchanged: Default::default(),
            mark: Default::default(),
            ahead: Default::default(),
        })
    }

    /// The files `rels` are about to be written, in this order, by the
    /// current thread pool: should the current tree's files, which each is
    /// compared with, not be in memory, read them ahead (see
    /// [`crate::base::ahead`]). Once per tree; until
    /// [`Staging::stop_reading_ahead`].
    pub fn read_ahead(&self, rels: impl IntoIterator<Item = String>) {
        let paths = rels.into_iter().map(|r| self.target.join(r)).collect();
        let _ = self.ahead.set(crate::base::ahead::ReadAhead::new(paths));
    }

    /// Stop reading ahead (see [`Staging::read_ahead`]).
    pub fn stop_reading_ahead(&self) {
        if let Some(a) = self.ahead.get() {
            a.stop();
        }
    }

    /// A comparison's read had to wait for the disk.
    fn cold(&self) {
        if let Some(a) = self.ahead.get() {
            a.cold();
        }
    }

    /// Mark the new tree as a public website's (see [`Manifest::public`]).
    pub fn mark_public(&self) {
        if let Ok(mut m) = self.manifest.lock() {
            m.public = true;
        }
    }

    /// Note `rel` as written by heropath.
    fn wrote(&self, rel: &str) {
        debug_assert!(self.unchanged.get().is_none(), "written after look()");
        if let Ok(mut m) = self.manifest.lock() {
            m.files.insert(rel.to_string());
        }
    }

    /// Take the current tree's `rel` into the new tree as it is.
    fn take_as_is(&self, rel: &str) {
        debug_assert!(self.unchanged.get().is_none(), "taken after look()");
        if let Ok(mut set) = self.as_is.lock() {
            set.insert(rel.to_string());
        }
    }

    /// Note that the new tree differs from the current one.
    fn touched(&self) {
        self.changed
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Where `rel` is in the new tree (for a tool that writes a file
    /// itself, such as the PDF printer, or reads one heropath wrote); see
    /// [`Staging::record_pdf`]. The new tree will differ from the current
    /// one, and a file taken as it is is linked in now, so it is there.
    pub fn path_of(&self, rel: &str) -> Option<PathBuf> {
        if !is_inside(rel) {
            return None;
        }
        self.touched();
        let taken = self.as_is.lock().is_ok_and(|mut set| set.remove(rel));
        if taken && self.link_in(rel).is_err() {
            return None;
        }
        Some(self.dir.join(rel))
    }

    /// Where `rel` is in the current tree, the one being replaced.
    pub fn current_of(&self, rel: &str) -> Option<PathBuf> {
        is_inside(rel).then(|| self.target.join(rel))
    }

    /// Record that heropath printed the PDF `rel` of the new tree from the
    /// HTML whose content hash is `html_hash`, and that the PDF's own
    /// content hash is `own` (see [`Manifest::printed`]).
    pub fn record_pdf(&self, rel: &str, html_hash: u128, own: u128) {
        if let Ok(mut m) = self.manifest.lock() {
            m.pdfs.insert(rel.to_string(), html_hash);
            m.printed.insert(rel.to_string(), own);
        }
    }

    /// Carry the current tree's `from` into the new tree as `to`, as it is
    /// (hard-linked, or copied where links are not possible). It is not
    /// recorded as heropath's: the caller records what it owns.
    pub fn keep(&self, from: &str, to: &str) -> Result<(), WriteError> {
        if !is_inside(from) {
            return Err(WriteError::BadPath(from.to_string()));
        }
        if !is_inside(to) {
            return Err(WriteError::BadPath(to.to_string()));
        }
        let src = self.target.join(from);
        if from == to && std::fs::symlink_metadata(&src).is_ok() {
            self.take_as_is(from);
            return Ok(());
        }
        self.touched();
        carry_over(&src, &self.dir.join(to))
    }

    /// Link the current tree's `rel` into the new tree (see
    /// [`Staging::keep`]).
    pub(super) fn link_in(&self, rel: &str) -> Result<(), WriteError> {
        carry_over(&self.target.join(rel), &self.dir.join(rel))
    }

    /// Write one file (path relative to the tree, `/`-separated). A file
    /// whose bytes equal the current output's is taken as it is instead of
    /// written (see [`Staging::swap`]): rebuilds then touch (and later
    /// free) only what changed, which matters with thousands of handouts.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        self.write_known(rel, (bytes, 0), None)
    }

    /// [`Staging::write`] of `bytes` whose content hash is `hash`, told
    /// what the current output's `rel` was when last written: its stamp,
    /// and the content hash then recorded. When that hash is `hash` and the
    /// file's stamp is still that one, the file is taken as it is without
    /// being read (see [`crate::base::hash::Stamp`]).
    pub fn write_known(
        &self,
        rel: &str,
        (bytes, hash): (&[u8], u128),
        known: Option<(crate::base::hash::Stamp, u128)>,
    ) -> Result<(), WriteError> {
        if !is_inside(rel) {
            return Err(WriteError::BadPath(rel.to_string()));
        }
        let path = Path::new(rel);
        self.wrote(rel);
        let current = self.target.join(path);
        let vouched = known.is_some_and(|(stamp, was)| {
            was == hash && crate::base::hash::Stamp::of(&current) == Some(stamp)
        });
        if vouched || same_contents(&current, bytes, &|| self.cold()) {
            self.take_as_is(rel);
            return Ok(());
        }
        self.touched();
        let dest = self.dir.join(path);
        make_parent(&dest)?;
        let mut file = std::fs::File::create(&dest).map_err(io(&dest))?;
        file.write_all(bytes).map_err(io(&dest))
    }

    /// Take the current output's `rel` into the new tree as it is if its
    /// contents still hash to `hash` (see [`crate::build::cache`]); a file
    /// whose stamp is `stamp` (recorded with that hash) is not read again.
    /// False when the file is missing or changed: the caller then renders
    /// it again.
    pub fn link_if_same(
        &self,
        rel: &str,
        hash: u128,
        stamp: Option<crate::base::hash::Stamp>,
    ) -> bool {
        if !is_inside(rel) {
            return false;
        }
        let path = Path::new(rel);
        let current = self.target.join(path);
        let now = crate::base::hash::Stamp::of(&current);
        let intact = now.is_some()
            && (stamp.is_some() && now == stamp
                || hash_of_file(&current, &|| self.cold()).is_some_and(|h| h == hash));
        if !intact {
            return false;
        }
        self.wrote(rel);
        self.take_as_is(rel);
        true
    }
}

/// Make the folder `path` goes in.
fn make_parent(path: &Path) -> Result<(), WriteError> {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => std::fs::create_dir_all(d).map_err(io(d)),
        _ => Ok(()),
    }
}

/// Put the file `src` at `dest` as it is: hard-linked, or copied where
/// links are not possible. An (empty) folder is made anew.
fn carry_over(src: &Path, dest: &Path) -> Result<(), WriteError> {
    if std::fs::symlink_metadata(src).is_ok_and(|m| m.is_dir()) {
        return std::fs::create_dir_all(dest).map_err(io(dest));
    }
    make_parent(dest)?;
    if std::fs::hard_link(src, dest).is_ok() {
        return Ok(());
    }
    std::fs::copy(src, dest).map(|_| ()).map_err(io(dest))
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_ours(&self.dir);
        }
    }
}

/// Does the regular file at `path` hold exactly `bytes`? (Symlinks never
/// match: output is never linked to anything outside it.) Opened once, not
/// following a link: this runs for every handout of every build.
fn same_contents(path: &Path, bytes: &[u8], cold: &dyn Fn()) -> bool {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Not through a link; and a FIFO someone left there must not
        // block the open (it is then no regular file, and not the same).
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let Ok(file) = options.open(path) else {
        return false;
    };
    match file.metadata() {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {}
        _ => return false,
    }
    read_with(file, bytes.len(), |old| old == bytes, cold).unwrap_or(false)
}

/// The content hash of a file.
fn hash_of_file(path: &Path, cold: &dyn Fn()) -> Option<u128> {
    let file = std::fs::File::open(path).ok()?;
    let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
    read_with(file, len, crate::base::hash::hash, cold)
}

/// `f` of a file's bytes, read into a per-thread buffer (this runs for
/// every handout of a build; a fresh allocation each time showed). `len`
/// is the size the file had when opened: the bytes are read in one call
/// (no size query and seek of the file first, as `read_to_end` makes) and
/// a file that has since grown or shrunk gives `None`. That read does not
/// wait for the disk: a file not in memory is read again as usual, and
/// `cold` is called (see [`crate::base::ahead`]).
fn read_with<R>(
    mut file: std::fs::File,
    len: usize,
    f: impl FnOnce(&[u8]) -> R,
    cold: &dyn Fn(),
) -> Option<R> {
    use std::cell::RefCell;
    use std::io::Read as _;
    thread_local! {
        static BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    BUF.with(|buf| {
        let mut buf = buf.try_borrow_mut().ok()?;
        // Grown, never cleared: only the bytes read are looked at.
        if buf.len() <= len {
            buf.resize(len + 1, 0);
        }
        let buf = &mut buf[..=len];
        if let Some(got) = crate::base::ahead::read_cached(&file, buf, cold)
            && got == len
        {
            return Some(f(&buf[..len]));
        }
        let mut got = 0;
        // Up to one byte more than expected: a short count says the end.
        while got <= len {
            match file.read(&mut buf[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        (got == len).then(|| f(&buf[..len]))
    })
}
