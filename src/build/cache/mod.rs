//! The build cache: what the last successful build learnt about each plan,
//! so that a rebuild parses, checks and renders only the plans that changed.
//!
//! It lives in the clinic folder, in `.heropath-cache/`, beside the plans it
//! is made from (it holds the same private data, nothing more), and never
//! in an output folder: handouts get passed around, the cache must not. The
//! folder carries a `.gitignore` of `*` (so git never picks it up, whatever
//! the clinic's own ignore rules) and a `CACHEDIR.TAG` (so backup tools can
//! skip it). Nothing in it is trusted blindly:
//!
//! - a plan is reused only when its text hashes the same and this very
//!   heropath binary wrote the cache;
//! - its diagnostics only when the site, the exercise library and the
//!   picture list are the same (and, for a plan with a story, today is the
//!   same day, as consent can expire);
//! - its handout only when, on top of that, the themes, pictures and base
//!   URL are the same *and* the handout file on disk is the one written:
//!   its [`Stamp`] (size, modification and status change times, inode)
//!   is as recorded, or else its contents still hash the same (an edited
//!   or replaced handout is rendered again);
//! - the public site only when no page, theme, plan with a story, date or
//!   setting it is made from changed, and its files still hash the same.
//!
//! A missing, old or damaged cache is simply not used: the build is then a
//! full one. `build --no-cache` ignores it on purpose (it still writes
//! only the handouts whose bytes changed, and the cache only when its
//! digest did: see [`store`]).

mod save;
mod stamps;
mod stored;
#[cfg(test)]
mod tests;

pub use save::{Record, folder, save, store, write};
pub use stamps::{open_stamps, save_stamps};

use crate::base::date::Date;
use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, Pos, Severity};
pub use crate::base::hash::{Fingerprint, Stamp, hash, program};
use crate::content::plan::Plan;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use stored::{Header, Meta, StoredDiagnostic};

/// The cache folder, in the clinic folder.
pub const DIR: &str = ".heropath-cache";

/// The build cache file inside [`DIR`].
const FILE: &str = "build";

/// The standard cache-directory tag (<https://bford.info/cachedir/>).
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is heropath's build cache; it is re-created as needed.\n";

/// Bumped when the file layout changes.
const FORMAT: u32 = 1;

fn hex(h: u128) -> String {
    format!("{h:032x}")
}

fn unhex(s: &str) -> Option<u128> {
    u128::from_str_radix(s, 16).ok()
}

/// What the cache records of the public site (see [`Cache::public`]).
pub struct Public {
    /// A hash of everything the public site is made from.
    pub key: u128,
    /// A hash of what the privacy guard let through (see the pipeline).
    pub guard_key: u128,
    /// Stories published.
    pub stories: usize,
    /// Each file (path relative to the public folder) and its content hash.
    pub files: Vec<(String, u128)>,
}

/// Where one plan's line is in the file: its hash and the byte ranges of
/// its meta and plan JSON.
struct Entry {
    hash: u128,
    meta: std::ops::Range<usize>,
    plan: std::ops::Range<usize>,
    /// Set once the plan's JSON decoded: only then is it carried over into
    /// the next cache as it is (a damaged line must not live on).
    decoded: std::sync::atomic::AtomicBool,
    /// The meta JSON, decoded on first use (the check and the handout
    /// stages both ask for it).
    decoded_meta: std::sync::OnceLock<Option<Meta>>,
}

/// A cache read from disk.
///
/// The file is a JSON header line, then one line per plan:
/// `path TAB hash TAB meta-JSON TAB plan-JSON`. Opening it only splits the
/// lines; a plan's JSON is decoded when (and only if) it is asked for, on
/// whichever thread asks, so reading the cache of 10,000 plans costs a few
/// milliseconds plus the plans actually reused, in parallel.
pub struct Cache {
    text: String,
    check_key: u128,
    handout_key: u128,
    public: Option<Public>,
    plans: HashMap<PathBuf, Entry>,
}

/// Where the cache of the clinic at `root` is.
fn cache_path(root: &Path) -> std::path::PathBuf {
    root.join(DIR).join(FILE)
}

impl Cache {
    /// Read the cache of the clinic at `root`; `None` when there is none,
    /// or it is unreadable, of another format, or by another binary.
    pub fn open(root: &Path) -> Option<Cache> {
        let text = std::fs::read_to_string(cache_path(root)).ok()?;
        // A cache of no plans is just the header line.
        let first = text.split('\n').next().unwrap_or_default();
        let header: Header = serde_json::from_str(first).ok()?;
        if header.format != FORMAT || header.program != program() {
            return None;
        }
        let mut plans = HashMap::new();
        let mut at = first.len() + 1;
        for line in text.get(at..).unwrap_or_default().split('\n') {
            let start = at;
            at += line.len() + 1;
            let mut cols = line.splitn(4, '\t');
            let (Some(path), Some(hash_hex), Some(meta), Some(plan)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let Some(hash) = unhex(hash_hex) else {
                continue;
            };
            let meta_start = start + path.len() + 1 + hash_hex.len() + 1;
            let plan_start = meta_start + meta.len() + 1;
            plans.insert(
                PathBuf::from(path),
                Entry {
                    hash,
                    meta: meta_start..meta_start + meta.len(),
                    plan: plan_start..plan_start + plan.len(),
                    decoded: std::sync::atomic::AtomicBool::new(false),
                    decoded_meta: std::sync::OnceLock::new(),
                },
            );
        }
        let public = header.public.and_then(|p| {
            Some(Public {
                key: unhex(&p.key)?,
                guard_key: unhex(&p.guard_key)?,
                stories: p.stories,
                files: p
                    .files
                    .into_iter()
                    .map(|(f, h)| Some((f, unhex(&h)?)))
                    .collect::<Option<_>>()?,
            })
        });
        Some(Cache {
            check_key: unhex(&header.check_key)?,
            handout_key: unhex(&header.handout_key)?,
            public,
            text,
            plans,
        })
    }

    fn entry(&self, path: &Path, hash: u128) -> Option<&Entry> {
        self.plans.get(path).filter(|e| e.hash == hash)
    }

    fn meta<'a>(&self, e: &'a Entry) -> Option<&'a Meta> {
        e.decoded_meta
            .get_or_init(|| serde_json::from_str(self.text.get(e.meta.clone())?).ok())
            .as_ref()
    }

    /// The parsed plan at `path` if its text still hashes to `hash`.
    pub fn plan(&self, path: &Path, hash: u128) -> Option<Plan> {
        let e = self.entry(path, hash)?;
        let plan = serde_json::from_str(self.text.get(e.plan.clone())?).ok()?;
        e.decoded.store(true, std::sync::atomic::Ordering::Relaxed);
        Some(plan)
    }

    /// The plan's own diagnostics, if nothing they depend on changed.
    pub fn diagnostics(
        &self,
        path: &Path,
        hash: u128,
        check_key: u128,
        today: Option<Date>,
    ) -> Option<Vec<Diagnostic>> {
        if self.check_key != check_key {
            return None;
        }
        let meta = self.meta(self.entry(path, hash)?)?;
        if meta.today != today {
            return None;
        }
        meta.diagnostics
            .iter()
            .map(StoredDiagnostic::to_diagnostic)
            .collect()
    }

    /// The plan's handout (its path and content hash) if it would render
    /// the same. The caller still checks the file on disk.
    pub fn handout(&self, path: &Path, hash: u128, handout_key: u128) -> Option<(String, u128)> {
        if self.handout_key != handout_key {
            return None;
        }
        let (p, h) = self.meta(self.entry(path, hash)?)?.handout.as_ref()?;
        Some((p.clone(), unhex(h)?))
    }

    /// Is the plan at `path` exactly as at the last build?
    pub fn unchanged(&self, path: &Path, hash: u128) -> bool {
        self.entry(path, hash).is_some()
    }

    /// The last build's public site, if it was made from the same inputs
    /// (`key`). The caller still checks the files on disk.
    pub fn public(&self, key: u128) -> Option<&Public> {
        self.public.as_ref().filter(|p| p.key == key)
    }

    /// The last build's public site, whatever it was made from.
    pub fn last_public(&self) -> Option<&Public> {
        self.public.as_ref()
    }

    /// The stored JSON of a plan that [`Cache::plan`] decoded, to carry
    /// over without re-encoding.
    fn raw_plan(&self, path: &Path, hash: u128) -> Option<&str> {
        let e = self
            .entry(path, hash)
            .filter(|e| e.decoded.load(std::sync::atomic::Ordering::Relaxed))?;
        self.text.get(e.plan.clone())
    }
}
