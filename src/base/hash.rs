//! Hashing and file stamps, the ground of every "did this change?"
//! question: content hashes (stable across runs and machines), fingerprints
//! over several inputs, and what the file system says of a file.

use std::path::Path;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// A content hash (xxh3, 128 bits): stable across runs and machines, unlike
/// the standard library's hasher.
pub fn hash(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// A hash over several inputs; each part is length-prefixed so that
/// `("ab", "c")` and `("a", "bc")` differ.
#[derive(Default, Clone)]
pub struct Fingerprint(Xxh3);

impl Fingerprint {
    /// Start from the binary's own fingerprint: a different heropath may
    /// parse, check or render differently.
    pub fn new() -> Fingerprint {
        let mut f = Fingerprint(Xxh3::new());
        f.add(program().as_bytes());
        f
    }

    /// Add one input.
    pub fn add(&mut self, part: &[u8]) -> &mut Self {
        self.0.update(&(part.len() as u64).to_le_bytes());
        self.0.update(part);
        self
    }

    /// The hash so far.
    pub fn finish(&self) -> u128 {
        self.0.digest128()
    }
}

/// Which heropath wrote a cache: the version and the executable's size and
/// modification time, so that any rebuilt or reinstalled binary starts cold.
pub fn program() -> &'static str {
    use std::sync::OnceLock;
    static PROGRAM: OnceLock<String> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{}-{modified}", m.len())
            })
            // Unknown executable: a fresh value each run, so never reused.
            .unwrap_or_else(|_| format!("unknown-{}", std::process::id()));
        format!("heropath {} {exe}", env!("CARGO_PKG_VERSION"))
    })
}

/// What the file system says of a file: size, modification time, status
/// change time and inode. A handout whose stamp is the one recorded when it
/// was written (or last hashed) is taken to be unchanged without reading
/// it, as git's index does: writing to a file changes its modification and
/// status change times, and the latter cannot be set back (`touch -d`
/// sets only the former). Stamps are kept apart from the cache (`stamps`),
/// which stays the same for the same input, while stamps differ from one
/// machine or copy to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Size in bytes.
    pub len: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub modified: u128,
    /// Status change time (ctime), nanoseconds since the Unix epoch (0
    /// where the platform has none).
    pub changed: i128,
    /// Inode number (0 where the platform has none).
    pub inode: u64,
}

impl Stamp {
    /// The stamp of the file at `path` (not following a link).
    pub fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::symlink_metadata(path).ok()?;
        if !m.is_file() {
            return None;
        }
        #[cfg(unix)]
        let (inode, changed) = {
            use std::os::unix::fs::MetadataExt as _;
            (
                m.ino(),
                i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec()),
            )
        };
        #[cfg(not(unix))]
        let (inode, changed) = (0, 0);
        Some(Stamp {
            len: m.len(),
            modified: m
                .modified()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?
                .as_nanos(),
            changed,
            inode,
        })
    }
}
