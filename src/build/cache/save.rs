//! Writing the cache: one record per plan, carried over as stored text
//! when the last cache already held it, and the file replaced atomically.

use super::stored::{Header, Meta, StoredDiagnostic, StoredPublic};
use super::{CACHEDIR_TAG, Cache, DIR, FORMAT, Public, cache_path, hex, program};
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
    crate::base::atomic::replace_file(&cache_file(root)?, fill)
}

/// The cache file of the clinic at `root`, its folder made and marked.
fn cache_file(root: &Path) -> std::io::Result<std::path::PathBuf> {
    folder(root)?;
    Ok(cache_path(root))
}

/// The cache folder of the clinic at `root`, made and marked (a `.gitignore`
/// and a `CACHEDIR.TAG`) when it is not there yet. A cache folder that is a
/// link or a file is an error.
pub fn folder(root: &Path) -> std::io::Result<std::path::PathBuf> {
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
    Ok(dir)
}

/// Write a new cache to `out` (see [`store`]).
pub fn write<'a>(
    out: &mut dyn std::io::Write,
    old: Option<&Cache>,
    check_key: u128,
    handout_key: u128,
    public: Option<&Public>,
    records: Vec<Record<'a>>,
) -> std::io::Result<()> {
    let heads: Vec<u128> = records.iter().map(head_hash).collect::<Result<_, _>>()?;
    out.write_all(&header(check_key, handout_key, public, &heads)?)?;
    for r in &records {
        out.write_all(&record_line(old, r)?)?;
    }
    Ok(())
}

/// Records encoded at a time by [`store`].
const BLOCK: usize = 4096;

/// Save a new cache for the clinic at `root`, unless it is exactly `old`
/// (then nothing is written). Plans already in `old` are carried over as
/// stored text; others are encoded, a block at a time in parallel, and
/// written as they come, so the whole new cache is never in memory (at
/// 100,000 plans it is a third of a gigabyte). Give records sorted by path
/// (the pipeline's plan order) and the same build gives the same bytes.
///
/// Without `old` (`--no-cache`), the cache on disk is left alone when its
/// first line is the new one: that line ends with a digest of everything
/// else the cache records but the plans' JSON, which follows from their
/// text's hash and the binary (both in the digest). So a cold rebuild
/// that changed nothing neither encodes 10,000 plans nor reads the old
/// cache through to compare.
pub fn store(
    root: &Path,
    old: Option<&Cache>,
    check_key: u128,
    handout_key: u128,
    public: Option<&Public>,
    records: Vec<Record<'_>>,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let heads: Vec<u128> = records
        .par_iter()
        .with_max_len(crate::base::parallel::PLANS_PER_TASK)
        .map(head_hash)
        .collect::<Result<_, _>>()?;
    let header = header(check_key, handout_key, public, &heads)?;
    if old.is_none() && begins_with_line(&cache_path(root), &header) {
        return Ok(());
    }
    let mut out = IfChanged::new(root, old.map(|c| c.text.as_bytes()));
    out.put(&header)?;
    for block in records.chunks(BLOCK) {
        let lines: Vec<Vec<u8>> = block
            .par_iter()
            .with_max_len(crate::base::parallel::PLANS_PER_TASK)
            .map(|r| record_line(old, r))
            .collect::<std::io::Result<_>>()?;
        for line in lines {
            out.put(&line)?;
        }
    }
    out.finish()
}

/// Is `line` the first line of the file at `path` (all of it, when the
/// file has no second line)? Reads no further.
fn begins_with_line(path: &Path, line: &[u8]) -> bool {
    use std::io::Read as _;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut first = Vec::with_capacity(line.len() + 1);
    let read = file.take(line.len() as u64 + 1).read_to_end(&mut first);
    read.is_ok() && first.starts_with(line) && matches!(&first[line.len()..], [] | [b'\n'])
}

/// The cache's first line: what every record depends on, and a digest of
/// that and of each record's head (by its hash, see [`head_hash`] and
/// [`store`]).
fn header(
    check_key: u128,
    handout_key: u128,
    public: Option<&Public>,
    heads: &[u128],
) -> std::io::Result<Vec<u8>> {
    let mut header = Header {
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
        digest: None,
    };
    let mut digest = crate::base::hash::Fingerprint::new();
    digest.add(&serde_json::to_vec(&header)?);
    for head in heads {
        digest.add(&head.to_le_bytes());
    }
    header.digest = Some(hex(digest.finish()));
    Ok(serde_json::to_vec(&header)?)
}

/// A new cache written only where it differs from the old one (the text
/// of the cache the build read): while the bytes put match the old
/// cache's, nothing is written; at the first difference the cache file is
/// begun with the old bytes matched so far.
struct IfChanged<'a> {
    root: &'a Path,
    old: &'a [u8],
    /// How many leading bytes of the new cache equal the old one's.
    same: usize,
    /// Whether there was an old cache at all.
    had_old: bool,
    file: Option<crate::base::atomic::Replacement>,
}

impl<'a> IfChanged<'a> {
    fn new(root: &'a Path, old: Option<&'a [u8]>) -> Self {
        IfChanged {
            root,
            old: old.unwrap_or_default(),
            same: 0,
            had_old: old.is_some(),
            file: None,
        }
    }

    /// The next bytes of the new cache.
    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        use std::io::Write as _;
        if self.file.is_none() && self.had_old && self.old[self.same..].starts_with(bytes) {
            self.same += bytes.len();
            return Ok(());
        }
        let f = match self.file.as_mut() {
            Some(f) => f,
            None => self.begin()?,
        };
        f.write_all(bytes)
    }

    /// Start the file with the old cache's matching bytes.
    fn begin(&mut self) -> std::io::Result<&mut crate::base::atomic::Replacement> {
        use std::io::Write as _;
        let mut f = crate::base::atomic::Replacement::begin(&cache_file(self.root)?, false)?;
        f.write_all(&self.old[..self.same])?;
        Ok(self.file.insert(f))
    }

    /// Put the new cache in place, when it differs from the old one (or
    /// there was none).
    fn finish(mut self) -> std::io::Result<()> {
        if self.file.is_none() && !(self.had_old && self.same == self.old.len()) {
            self.begin()?;
        }
        match self.file {
            Some(f) => f.commit(),
            None => Ok(()),
        }
    }
}

/// One record's line up to its plan's JSON, starting with its newline:
/// `\npath TAB hash TAB meta-JSON TAB` (empty for a path that cannot be
/// stored on one line: that plan is simply not cached, and heropath's own
/// slugs never contain such characters).
fn record_head(r: &Record<'_>) -> std::io::Result<Vec<u8>> {
    use std::io::Write as _;
    let path = r.path.to_string_lossy();
    if path.contains(['\t', '\n']) {
        return Ok(Vec::new());
    }
    let meta = Meta {
        today: r.today,
        diagnostics: r.diagnostics.iter().map(StoredDiagnostic::from).collect(),
        handout: r.handout.as_ref().map(|(p, h)| (p.clone(), hex(*h))),
    };
    let mut out = Vec::with_capacity(256);
    write!(out, "\n{path}\t{}\t", hex(r.hash))?;
    serde_json::to_writer(&mut out, &meta)?;
    out.push(b'\t');
    Ok(out)
}

/// The hash of a record's head (see [`record_head`]): what the header's
/// digest is made of, so that the heads need not all be held at once.
fn head_hash(r: &Record<'_>) -> std::io::Result<u128> {
    Ok(crate::base::hash::hash(&record_head(r)?))
}

/// One record's whole line: its head (see [`record_head`]) and its plan's
/// JSON, carried over as stored when `old` holds it.
fn record_line(old: Option<&Cache>, r: &Record<'_>) -> std::io::Result<Vec<u8>> {
    let mut line = record_head(r)?;
    if line.is_empty() {
        return Ok(line);
    }
    line.reserve(4096);
    match old.and_then(|c| c.raw_plan(r.path, r.hash)) {
        Some(raw) => line.extend_from_slice(raw.as_bytes()),
        None => serde_json::to_writer(&mut line, r.plan)?,
    }
    Ok(line)
}
