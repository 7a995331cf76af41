//! The build cache: what the last successful build learnt about each plan,
//! so that a rebuild parses, checks and renders only the plans that changed.
//!
//! It lives in the handouts folder (`handouts/.heropath-cache`) because it
//! holds the same private data as the handouts, and goes wherever they go:
//! written into the staging tree and swapped in with it, deleted with it.
//! Nothing in it is trusted blindly:
//!
//! - a plan is reused only when its text hashes the same and this very
//!   heropath binary wrote the cache;
//! - its diagnostics only when the site, the exercise library and the
//!   picture list are the same (and, for a plan with a story, today is the
//!   same day, as consent can expire);
//! - its handout only when, on top of that, the themes, pictures and base
//!   URL are the same *and* the handout file on disk still hashes to what
//!   was written (an edited or replaced handout is rendered again).
//!
//! A missing, old or damaged cache is simply not used: the build is then a
//! full one. `build --no-cache` ignores it on purpose.

use crate::date::Date;
use crate::diag::{Diagnostic, Pos, Severity};
use crate::plan::Plan;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// The cache file's name inside the handouts folder.
pub const FILE: &str = ".heropath-cache";

/// Bumped when the file layout changes.
const FORMAT: u32 = 1;

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
fn program() -> &'static str {
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

fn hex(h: u128) -> String {
    format!("{h:032x}")
}

fn unhex(s: &str) -> Option<u128> {
    u128::from_str_radix(s, 16).ok()
}

/// The file as stored.
#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    program: String,
    check_key: String,
    handout_key: String,
    plans: Vec<StoredPlan>,
}

#[derive(Serialize, Deserialize)]
struct StoredPlan {
    path: String,
    hash: String,
    plan: Box<RawValue>,
    #[serde(default)]
    today: Option<Date>,
    #[serde(default)]
    diagnostics: Vec<StoredDiagnostic>,
    #[serde(default)]
    handout: Option<(String, String)>,
}

#[derive(Serialize, Deserialize)]
struct StoredDiagnostic {
    error: bool,
    code: String,
    message: String,
    file: Option<PathBuf>,
    pos: Option<(usize, usize)>,
    help: Option<String>,
}

impl StoredDiagnostic {
    fn from(d: &Diagnostic) -> StoredDiagnostic {
        StoredDiagnostic {
            error: d.severity == Severity::Error,
            code: d.code.to_string(),
            message: d.message.clone(),
            file: d.file.clone(),
            pos: d.pos.map(|p| (p.line, p.column)),
            help: d.help.clone(),
        }
    }

    fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic {
            severity: if self.error {
                Severity::Error
            } else {
                Severity::Warning
            },
            code: intern(&self.code),
            message: self.message.clone(),
            file: self.file.clone(),
            pos: self.pos.map(|(line, column)| Pos { line, column }),
            help: self.help.clone(),
        }
    }
}

/// Diagnostic codes are `&'static str`; a code read back from the cache is
/// leaked once per distinct code (there are a few dozen).
fn intern(code: &str) -> &'static str {
    use std::sync::{Mutex, OnceLock};
    static CODES: OnceLock<Mutex<std::collections::BTreeSet<&'static str>>> = OnceLock::new();
    let codes = CODES.get_or_init(Default::default);
    let mut codes = match codes.lock() {
        Ok(c) => c,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(c) = codes.get(code) {
        return c;
    }
    let leaked: &'static str = Box::leak(code.to_string().into_boxed_str());
    codes.insert(leaked);
    leaked
}

/// What one plan looked like at the last build.
struct Entry {
    hash: u128,
    plan: Box<RawValue>,
    today: Option<Date>,
    diagnostics: Vec<StoredDiagnostic>,
    handout: Option<(String, u128)>,
}

/// A cache read from disk.
pub struct Cache {
    check_key: u128,
    handout_key: u128,
    plans: HashMap<PathBuf, Entry>,
}

impl Cache {
    /// Read the cache of the handouts folder `dir`; `None` when there is
    /// none, or it is unreadable, of another format, or by another binary.
    pub fn open(dir: &Path) -> Option<Cache> {
        let bytes = std::fs::read(dir.join(FILE)).ok()?;
        let stored: Stored = serde_json::from_slice(&bytes).ok()?;
        if stored.format != FORMAT || stored.program != program() {
            return None;
        }
        let plans = stored
            .plans
            .into_iter()
            .filter_map(|p| {
                let handout = match p.handout {
                    Some((path, h)) => Some((path, unhex(&h)?)),
                    None => None,
                };
                Some((
                    PathBuf::from(p.path),
                    Entry {
                        hash: unhex(&p.hash)?,
                        plan: p.plan,
                        today: p.today,
                        diagnostics: p.diagnostics,
                        handout,
                    },
                ))
            })
            .collect();
        Some(Cache {
            check_key: unhex(&stored.check_key)?,
            handout_key: unhex(&stored.handout_key)?,
            plans,
        })
    }

    fn entry(&self, path: &Path, hash: u128) -> Option<&Entry> {
        self.plans.get(path).filter(|e| e.hash == hash)
    }

    /// The parsed plan at `path` if its text still hashes to `hash`.
    pub fn plan(&self, path: &Path, hash: u128) -> Option<Plan> {
        serde_json::from_str(self.entry(path, hash)?.plan.get()).ok()
    }

    /// The plan's own diagnostics, if nothing they depend on changed.
    pub fn diagnostics(
        &self,
        path: &Path,
        hash: u128,
        check_key: u128,
        today: Option<Date>,
    ) -> Option<Vec<Diagnostic>> {
        let e = self.entry(path, hash)?;
        (self.check_key == check_key && e.today == today).then(|| {
            e.diagnostics
                .iter()
                .map(StoredDiagnostic::to_diagnostic)
                .collect()
        })
    }

    /// The plan's handout (its path and content hash) if it would render
    /// the same. The caller still checks the file on disk.
    pub fn handout(&self, path: &Path, hash: u128, handout_key: u128) -> Option<(&str, u128)> {
        let e = self.entry(path, hash)?;
        (self.handout_key == handout_key)
            .then_some(e.handout.as_ref())
            .flatten()
            .map(|(p, h)| (p.as_str(), *h))
    }

    /// The stored JSON of a plan, to carry over without re-encoding.
    fn raw_plan(&self, path: &Path, hash: u128) -> Option<&RawValue> {
        self.entry(path, hash).map(|e| &*e.plan)
    }
}

/// One plan's record for the next build.
pub struct Record<'a> {
    /// The plan file, relative to the clinic root.
    pub path: &'a Path,
    /// Its text's hash.
    pub hash: u128,
    /// The parsed plan.
    pub plan: &'a Plan,
    /// The day its consent was checked against (plans with a story).
    pub today: Option<Date>,
    /// The plan's own diagnostics.
    pub diagnostics: &'a [Diagnostic],
    /// Its handout's path and content hash, when one was written.
    pub handout: Option<(String, u128)>,
}

/// Encode a new cache. Plans already in `old` are carried over as stored
/// text; others are encoded. Records are sorted by path, so the same build
/// writes the same bytes.
pub fn encode(
    old: Option<&Cache>,
    check_key: u128,
    handout_key: u128,
    records: Vec<Record<'_>>,
) -> Result<Vec<u8>, serde_json::Error> {
    use rayon::prelude::*;
    let mut plans = records
        .into_par_iter()
        .map(|r| {
            let plan = match old.and_then(|c| c.raw_plan(r.path, r.hash)) {
                Some(raw) => raw.to_owned(),
                None => serde_json::value::to_raw_value(r.plan)?,
            };
            Ok(StoredPlan {
                path: r.path.to_string_lossy().into_owned(),
                hash: hex(r.hash),
                plan,
                today: r.today,
                diagnostics: r.diagnostics.iter().map(StoredDiagnostic::from).collect(),
                handout: r.handout.map(|(p, h)| (p, hex(h))),
            })
        })
        .collect::<Result<Vec<_>, serde_json::Error>>()?;
    plans.sort_by(|a, b| a.path.cmp(&b.path));
    serde_json::to_vec(&Stored {
        format: FORMAT,
        program: program().to_string(),
        check_key: hex(check_key),
        handout_key: hex(handout_key),
        plans,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_parts_are_delimited() {
        let mut a = Fingerprint::new();
        a.add(b"ab").add(b"c");
        let mut b = Fingerprint::new();
        b.add(b"a").add(b"bc");
        assert_ne!(a.finish(), b.finish());
        let mut c = Fingerprint::new();
        c.add(b"ab").add(b"c");
        assert_eq!(a.finish(), c.finish());
    }

    #[test]
    fn damaged_or_foreign_caches_are_not_used() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(Cache::open(tmp.path()).is_none(), "no file");
        std::fs::write(tmp.path().join(FILE), b"{ not json").unwrap();
        assert!(Cache::open(tmp.path()).is_none(), "garbage");
        let other = serde_json::json!({
            "format": FORMAT, "program": "heropath 0.0.0 other", "check_key": "0",
            "handout_key": "0", "plans": []
        });
        std::fs::write(tmp.path().join(FILE), other.to_string()).unwrap();
        assert!(Cache::open(tmp.path()).is_none(), "another binary");
        let ours = encode(None, 1, 2, Vec::new()).unwrap();
        std::fs::write(tmp.path().join(FILE), ours).unwrap();
        assert!(Cache::open(tmp.path()).is_some(), "our own, empty");
    }

    #[test]
    fn codes_are_interned_once() {
        let a = intern("HP0999");
        let b = intern(&String::from("HP0999"));
        assert!(std::ptr::eq(a, b));
    }
}
