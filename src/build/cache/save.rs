//! Writing the cache: one record per plan, carried over as stored text
//! when the last cache already held it, and the file replaced atomically.

use super::stored::{Header, Meta, StoredDiagnostic, StoredPublic};
use super::{CACHEDIR_TAG, Cache, DIR, FILE, FORMAT, Public, hex, program};
use crate::base::date::Date;
use crate::base::diag::Diagnostic;
use crate::content::plan::Plan;
use std::path::Path;

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

/// Replace the cache of the clinic at `root` with what `fill` writes
/// (see [`write()`]), by [`crate::base::atomic::replace_file`]. A cache folder that
/// is a link or a file is left alone (an error).
pub fn save(
    root: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = root.join(DIR);
    match std::fs::symlink_metadata(&dir) {
        Ok(m) if !m.is_dir() => {
            return Err(std::io::Error::other(format!(
                "{} is not a folder",
                dir.display()
            )));
        }
        Ok(_) => {}
        Err(_) => std::fs::create_dir(&dir)?,
    }
    for (name, text) in [(".gitignore", "*\n"), ("CACHEDIR.TAG", CACHEDIR_TAG)] {
        if std::fs::symlink_metadata(dir.join(name)).is_err() {
            std::fs::write(dir.join(name), text)?;
        }
    }
    crate::base::atomic::replace_file(&dir.join(FILE), fill)
}

/// Write a new cache to `out` (see [`encode`]).
pub fn write<'a>(
    out: &mut dyn std::io::Write,
    old: Option<&Cache>,
    check_key: u128,
    handout_key: u128,
    public: Option<&Public>,
    records: Vec<Record<'a>>,
) -> std::io::Result<()> {
    encode(old, check_key, handout_key, public, records)?.write_to(out)
}

/// A new cache, encoded: its header and one line per plan, kept apart
/// rather than copied into one buffer (at 100,000 plans that copy was a
/// third of a gigabyte more at the build's peak).
pub struct Encoded {
    parts: Vec<Vec<u8>>,
}

impl Encoded {
    /// Write the cache's bytes to `out`.
    pub fn write_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.parts.iter().try_for_each(|p| out.write_all(p))
    }

    /// Are these exactly `bytes`?
    pub fn is(&self, mut bytes: &[u8]) -> bool {
        for part in &self.parts {
            match bytes.strip_prefix(part.as_slice()) {
                Some(rest) => bytes = rest,
                None => return false,
            }
        }
        bytes.is_empty()
    }
}

/// A new cache's bytes. Plans already in `old` are carried over as stored
/// text; others are encoded, in parallel (on a large clinic encoding every
/// plan was a tenth of a second on one core). Give records sorted by path
/// (the pipeline's plan order) and the same build gives the same bytes.
pub fn encode(
    old: Option<&Cache>,
    check_key: u128,
    handout_key: u128,
    public: Option<&Public>,
    records: Vec<Record<'_>>,
) -> std::io::Result<Encoded> {
    use rayon::prelude::*;
    let header = Header {
        format: FORMAT,
        program: program().to_string(),
        check_key: hex(check_key),
        handout_key: hex(handout_key),
        public: public.map(|p| StoredPublic {
            key: hex(p.key),
            guard_key: hex(p.guard_key),
            stories: p.stories,
            files: p.files.iter().map(|(f, h)| (f.clone(), hex(*h))).collect(),
        }),
    };
    let mut parts = vec![serde_json::to_vec(&header)?];
    let lines: Vec<Vec<u8>> = records
        .into_par_iter()
        .map(|r| record_line(old, r))
        .collect::<std::io::Result<_>>()?;
    parts.extend(lines);
    Ok(Encoded { parts })
}

/// One record's line, starting with its newline (empty for a path that
/// cannot be stored on one line: that plan is simply not cached, and
/// heropath's own slugs never contain such characters).
fn record_line(old: Option<&Cache>, r: Record<'_>) -> std::io::Result<Vec<u8>> {
    use std::io::Write as _;
    let path = r.path.to_string_lossy();
    if path.contains(['\t', '\n']) {
        return Ok(Vec::new());
    }
    let meta = Meta {
        today: r.today,
        diagnostics: r.diagnostics.iter().map(StoredDiagnostic::from).collect(),
        handout: r.handout.map(|(p, h)| (p, hex(h))),
    };
    let mut out = Vec::with_capacity(4096);
    write!(out, "\n{path}\t{}\t", hex(r.hash))?;
    serde_json::to_writer(&mut out, &meta)?;
    out.push(b'\t');
    match old.and_then(|c| c.raw_plan(r.path, r.hash)) {
        Some(raw) => out.extend_from_slice(raw.as_bytes()),
        None => serde_json::to_writer(&mut out, r.plan)?,
    }
    Ok(out)
}
