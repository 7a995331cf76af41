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
    Ok(cache_path(root))
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
    out.write_all(&header(check_key, handout_key, public)?)?;
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
pub fn store(
    root: &Path,
    old: Option<&Cache>,
    check_key: u128,
    handout_key: u128,
    public: Option<&Public>,
    records: Vec<Record<'_>>,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let mut out = IfChanged::new(root, old.map(|c| c.text.as_bytes()));
    out.put(&header(check_key, handout_key, public)?)?;
    for block in records.chunks(BLOCK) {
        let lines: Vec<Vec<u8>> = block
            .par_iter()
            .map(|r| record_line(old, r))
            .collect::<std::io::Result<_>>()?;
        for line in lines {
            out.put(&line)?;
        }
    }
    out.finish()
}

/// The cache's first line.
fn header(check_key: u128, handout_key: u128, public: Option<&Public>) -> std::io::Result<Vec<u8>> {
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
    Ok(serde_json::to_vec(&header)?)
}

/// A new cache written only where it differs from the old one: while the
/// bytes put match the old cache's, nothing is written; at the first
/// difference the cache file is begun with the old bytes matched so far.
struct IfChanged<'a> {
    root: &'a Path,
    old: Old<'a>,
    /// How many leading bytes of the new cache equal the old one's.
    same: usize,
    file: Option<crate::base::atomic::Replacement>,
}

/// The old cache to compare with: the text of the cache the build read,
/// or, when it read none (`--no-cache`), the file itself, read as the new
/// one is made (a large clinic's cache is hundreds of megabytes: it is
/// not held in memory for this).
enum Old<'a> {
    Text(&'a [u8]),
    File(std::io::BufReader<std::fs::File>),
    None,
}

impl<'a> IfChanged<'a> {
    fn new(root: &'a Path, old: Option<&'a [u8]>) -> Self {
        let old = match old {
            Some(text) => Old::Text(text),
            None => {
                let path = cache_path(root);
                match std::fs::symlink_metadata(&path) {
                    Ok(m) if m.is_file() => std::fs::File::open(&path)
                        .map(|f| Old::File(std::io::BufReader::with_capacity(1 << 16, f)))
                        .unwrap_or(Old::None),
                    _ => Old::None,
                }
            }
        };
        IfChanged {
            root,
            old,
            same: 0,
            file: None,
        }
    }

    /// Do the old cache's next bytes equal `bytes`? (They are then taken.)
    fn old_continues_with(&mut self, bytes: &[u8]) -> bool {
        let same = match &mut self.old {
            Old::Text(old) => old[self.same..].starts_with(bytes),
            Old::File(old) => {
                let mut rest = bytes;
                loop {
                    let buf = match std::io::BufRead::fill_buf(old) {
                        Ok(buf) if !buf.is_empty() => buf,
                        _ => break rest.is_empty(),
                    };
                    let n = buf.len().min(rest.len());
                    if buf[..n] != rest[..n] {
                        break false;
                    }
                    std::io::BufRead::consume(old, n);
                    rest = &rest[n..];
                    if rest.is_empty() {
                        break true;
                    }
                }
            }
            Old::None => false,
        };
        if same {
            self.same += bytes.len();
        }
        same
    }

    /// Has the old cache no more bytes than those matched?
    fn old_ended(&mut self) -> bool {
        match &mut self.old {
            Old::Text(old) => self.same == old.len(),
            Old::File(old) => std::io::BufRead::fill_buf(old).is_ok_and(|b| b.is_empty()),
            Old::None => false,
        }
    }

    /// The next bytes of the new cache.
    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        use std::io::Write as _;
        if self.file.is_none() && self.old_continues_with(bytes) {
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
        use std::io::{Read as _, Write as _};
        let mut f = crate::base::atomic::Replacement::begin(&cache_file(self.root)?, false)?;
        match &self.old {
            Old::Text(old) => f.write_all(&old[..self.same])?,
            Old::File(_) => {
                // Read again from the start: only the bytes that matched.
                let old = std::fs::File::open(cache_path(self.root))?;
                let copied = std::io::copy(&mut old.take(self.same as u64), &mut f)?;
                if copied != self.same as u64 {
                    return Err(std::io::Error::other(
                        "the old cache changed while it was read",
                    ));
                }
            }
            Old::None => {}
        }
        Ok(self.file.insert(f))
    }

    /// Put the new cache in place, when it differs from the old one (or
    /// there was none).
    fn finish(mut self) -> std::io::Result<()> {
        if self.file.is_none() && !self.old_ended() {
            self.begin()?;
        }
        match self.file {
            Some(f) => f.commit(),
            None => Ok(()),
        }
    }
}

/// One record's line, starting with its newline (empty for a path that
/// cannot be stored on one line: that plan is simply not cached, and
/// heropath's own slugs never contain such characters).
fn record_line(old: Option<&Cache>, r: &Record<'_>) -> std::io::Result<Vec<u8>> {
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
