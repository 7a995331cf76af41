//! Reading ahead when the files a stage reads are not in memory.
//!
//! A load reads each file where it parses it, and a build compares each
//! handout with the one already on disk where it writes it: one file at a
//! time on each core. When the files are in the operating system's file
//! cache (written or read a moment ago) a read costs a copy; when they are
//! not (after a reboot, or on a virtual machine whose host takes idle
//! memory back within minutes) each read waits for the disk in turn:
//! loading 10,000 plans took 1.6 s instead of 0.45 s. So the first read
//! that would wait ([`read_cached`]) starts a few helper threads that ask
//! the system for the files not reached yet (`posix_fadvise(WILLNEED)`),
//! many requests at once; the working threads then find them in memory.
//! When the cache is warm no helper is started and nothing costs more.
//! Linux only; elsewhere every read reads as before.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Reads that had to wait before helpers start: one file out of memory
/// (evicted alone, or just replaced) is no sign that the others are.
const WAITS_BEFORE_HELPING: usize = 4;

/// How many helper threads ask for files at once: enough requests in
/// flight to keep a disk or a virtual disk busy; each helper only opens
/// files and asks, so it costs little CPU.
const HELPERS: usize = 8;

/// The files a stage will read, in order, and the helpers reading ahead
/// once one read had to wait. Dropped (or [`ReadAhead::stop`]ped), the
/// helpers stop.
pub struct ReadAhead {
    files: Arc<Files>,
    helpers: std::sync::Mutex<Vec<std::thread::JoinHandle<()>>>,
}

/// What the helpers share.
struct Files {
    paths: Vec<PathBuf>,
    /// Threads working through `paths` in parallel: each starts at its own
    /// run of them (a parallel iterator's split).
    threads: usize,
    /// The next position (see [`Files::nth`]) a helper asks for.
    next: AtomicUsize,
    /// Reads that had to wait so far.
    waits: AtomicUsize,
    started: AtomicBool,
    done: AtomicBool,
}

impl ReadAhead {
    /// Ready to read `paths` ahead, which the current thread pool works
    /// through in parallel in this order.
    pub fn new(paths: Vec<PathBuf>) -> ReadAhead {
        ReadAhead {
            files: Arc::new(Files {
                paths,
                threads: rayon::current_num_threads().max(1),
                next: AtomicUsize::new(0),
                waits: AtomicUsize::new(0),
                started: AtomicBool::new(false),
                done: AtomicBool::new(false),
            }),
            helpers: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// The files, in the order given.
    pub fn paths(&self) -> &[PathBuf] {
        &self.files.paths
    }

    /// A read had to wait for the disk: start the helpers (once, after a
    /// few such reads).
    pub fn cold(&self) {
        let f = &self.files;
        if !cfg!(target_os = "linux")
            || f.waits.fetch_add(1, Ordering::Relaxed) + 1 < WAITS_BEFORE_HELPING
            || f.started.swap(true, Ordering::Relaxed)
        {
            return;
        }
        let Ok(mut helpers) = self.helpers.lock() else {
            return;
        };
        for _ in 0..HELPERS {
            let files = Arc::clone(&self.files);
            // A helper that cannot be started only means less read ahead.
            if let Ok(h) = std::thread::Builder::new()
                .name("heropath-read-ahead".into())
                .spawn(move || files.help())
            {
                helpers.push(h);
            }
        }
    }

    /// Stop the helpers and wait for them (each finishes the file it is
    /// asking for).
    pub fn stop(&self) {
        self.files.done.store(true, Ordering::Relaxed);
        let helpers = match self.helpers.lock() {
            Ok(mut h) => std::mem::take(&mut *h),
            Err(_) => return,
        };
        for h in helpers {
            let _ = h.join();
        }
    }
}

impl Drop for ReadAhead {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Files {
    /// The file asked for at position `i`: the working threads split the
    /// list into one run each and go through their runs from the start,
    /// so the helpers go through every run at once, a file of each in
    /// turn.
    fn nth(&self, i: usize) -> Option<&PathBuf> {
        self.paths
            .get((i % self.threads) * self.run() + i / self.threads)
    }

    /// The files in each working thread's run.
    fn run(&self) -> usize {
        self.paths.len().div_ceil(self.threads).max(1)
    }

    /// One helper: ask for files until every one was asked for or the
    /// work is over.
    fn help(&self) {
        let end = self.run() * self.threads;
        let mut i = self.next.fetch_add(1, Ordering::Relaxed);
        while !self.done.load(Ordering::Relaxed) && i < end {
            if let Some(p) = self.nth(i) {
                will_need(p);
            }
            i = self.next.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Ask the system to read `path` into the file cache, without waiting for
/// it. Errors do not matter: the stage reads the file itself and reports
/// them.
#[cfg(target_os = "linux")]
fn will_need(path: &std::path::Path) {
    use std::os::fd::AsRawFd as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    // Never blocks on a FIFO left where a file was.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path);
    if let Ok(f) = file {
        // SAFETY: the descriptor is open for the whole call; the advice
        // reads nothing into this process's memory.
        unsafe {
            libc::posix_fadvise(f.as_raw_fd(), 0, 0, libc::POSIX_FADV_WILLNEED);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn will_need(_: &std::path::Path) {}

/// Read up to `buf.len()` bytes of `file` from its start if they are in
/// the file cache: the number read, or `None` when the read would have had
/// to wait for the disk (Linux `preadv2` with `RWF_NOWAIT`; then `cold` is
/// called) or cannot tell. The file's position is left where it was.
#[cfg(target_os = "linux")]
pub fn read_cached(file: &std::fs::File, buf: &mut [u8], cold: &dyn Fn()) -> Option<usize> {
    use std::os::fd::AsRawFd as _;
    let iov = libc::iovec {
        iov_base: buf.as_mut_ptr().cast(),
        iov_len: buf.len(),
    };
    // SAFETY: `iov` describes `buf`, valid for writes of its whole length
    // for the duration of the call; the descriptor is open.
    let n = unsafe { libc::preadv2(file.as_raw_fd(), &iov, 1, 0, libc::RWF_NOWAIT) };
    if n >= 0 {
        return usize::try_from(n).ok();
    }
    if std::io::Error::last_os_error().raw_os_error() == Some(libc::EAGAIN) {
        cold();
    }
    None
}

/// Elsewhere: cannot tell.
#[cfg(not(target_os = "linux"))]
pub fn read_cached(_: &std::fs::File, _: &mut [u8], _: &dyn Fn()) -> Option<usize> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(n: usize, threads: usize) -> Files {
        Files {
            paths: (0..n).map(|i| PathBuf::from(format!("{i:03}"))).collect(),
            threads,
            next: AtomicUsize::new(0),
            waits: AtomicUsize::new(0),
            started: AtomicBool::new(false),
            done: AtomicBool::new(false),
        }
    }

    #[test]
    fn every_file_is_asked_for_once_whatever_the_threads() {
        for (n, threads) in [(0, 2), (1, 2), (7, 2), (10, 3), (16, 4), (5, 8), (9, 1)] {
            let f = files(n, threads);
            let end = f.run() * threads;
            let mut asked: Vec<&PathBuf> = (0..end).filter_map(|i| f.nth(i)).collect();
            // Every thread's run is begun at once: the second file asked
            // for starts the second run.
            if n >= 2 && threads >= 2 {
                assert_eq!(asked[1], &f.paths[f.run()], "{n} files, {threads} threads");
            }
            asked.sort();
            asked.dedup();
            assert_eq!(asked.len(), n, "{n} files, {threads} threads");
        }
    }

    #[test]
    fn helpers_ask_for_every_file_and_stop() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = (0..40)
            .map(|i| {
                let p = dir.path().join(format!("{i}.yaml"));
                std::fs::write(&p, "x").unwrap();
                p
            })
            .collect();
        let ahead = ReadAhead::new(paths);
        for _ in 1..WAITS_BEFORE_HELPING {
            ahead.cold();
        }
        assert!(ahead.helpers.lock().unwrap().is_empty(), "started early");
        ahead.cold();
        ahead.cold();
        if cfg!(target_os = "linux") {
            assert_eq!(ahead.helpers.lock().unwrap().len(), HELPERS, "started once");
            // Each helper takes one position past the end when it is done.
            let f = &ahead.files;
            let end = f.run() * f.threads;
            let since = std::time::Instant::now();
            while f.next.load(Ordering::Relaxed) < end + HELPERS {
                assert!(
                    since.elapsed().as_secs() < 60,
                    "the helpers did not get through"
                );
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        }
        ahead.stop();
        assert!(ahead.helpers.lock().unwrap().is_empty());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_just_written_reads_from_the_cache_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("plan.yaml");
        std::fs::write(&p, "patient: { name: A }\n").unwrap();
        let f = std::fs::File::open(&p).unwrap();
        let mut buf = vec![0; 64];
        let waited = std::cell::Cell::new(false);
        let n = read_cached(&f, &mut buf, &|| waited.set(true));
        // Some file systems cannot tell (None); none makes a read of a
        // file just written wait.
        if let Some(n) = n {
            assert_eq!(&buf[..n], b"patient: { name: A }\n");
        }
        assert!(!waited.get());
    }
}
