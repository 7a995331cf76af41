//! What a failed `handout` or `build` left in place: the handouts (and
//! their PDFs) an earlier run wrote, which are now out of date. A run
//! that fails writes nothing, so the therapist at the printer still finds
//! yesterday's sheet in `handouts/`; the command line names each one and
//! when it was written, so it is not printed by mistake.

use super::*;
use std::time::SystemTime;

/// A handout file an earlier run wrote, kept by a run that failed.
#[derive(Debug, Clone)]
pub struct Kept {
    /// The file (HTML or PDF).
    pub path: PathBuf,
    /// When it was last written, if the file system says.
    pub written: Option<SystemTime>,
}

impl Kept {
    /// `handouts/dana.html (written 2026-12-02 10:17 UTC)`, the path
    /// relative to `root` when it is inside it.
    pub fn describe(&self, root: &Path) -> String {
        let shown = self.path.strip_prefix(root).unwrap_or(&self.path);
        match self.written.and_then(Date::stamp) {
            Some(when) => format!("{} (written {when})", shown.display()),
            None => shown.display().to_string(),
        }
    }
}

/// The handouts folder `opts` names, as site.yaml (when it parses) or the
/// default sets it.
fn handouts_dir(opts: &Options) -> PathBuf {
    let dir = opts.handouts.clone().unwrap_or_else(|| {
        let out = load::site_only(&opts.root)
            .map(|s| s.output)
            .unwrap_or_default();
        PathBuf::from(out.handouts)
    });
    if dir.is_absolute() {
        dir
    } else {
        opts.root.join(dir)
    }
}

/// The files of `slug`'s handout an earlier run left in the handouts
/// folder of `opts` (or at `output`, the `handout --output` file).
pub fn kept_handout(opts: &Options, slug: &str, output: Option<&Path>) -> Vec<Kept> {
    let files = match output {
        Some(o) => vec![o.to_path_buf()],
        None => {
            let dir = handouts_dir(opts);
            vec![
                dir.join(format!("{slug}.html")),
                dir.join(format!("{slug}.pdf")),
            ]
        }
    };
    files
        .into_iter()
        .filter_map(|path| {
            let meta = std::fs::metadata(&path)
                .ok()
                .filter(std::fs::Metadata::is_file)?;
            Some(Kept {
                written: meta.modified().ok(),
                path,
            })
        })
        .collect()
}

/// After a `build` that failed and wrote nothing: the handouts folder,
/// when an earlier build left handouts in it (all of them unchanged).
pub fn previous_handouts(opts: &Options, report: &Outcome) -> Option<PathBuf> {
    if opts.public_only || opts.dry_run || report.wrote || !report.failed() {
        return None;
    }
    let dir = handouts_dir(opts);
    let any = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .any(|e| e.path().extension().is_some_and(|x| x == "html"));
    any.then_some(dir)
}

/// After a `build` that failed and wrote nothing: the handouts of the
/// plans with errors that an earlier build left in the handouts folder.
pub fn kept_by_build(opts: &Options, report: &Outcome) -> Vec<Kept> {
    if opts.public_only || opts.dry_run || report.wrote {
        return Vec::new();
    }
    let plans = opts.root.join("content").join("plans");
    let mut slugs: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::base::diag::Severity::Error)
        .filter_map(|d| d.file.as_deref())
        .filter(|f| {
            let abs = if f.is_absolute() {
                f.to_path_buf()
            } else {
                opts.root.join(f)
            };
            abs.parent() == Some(plans.as_path())
        })
        .filter_map(|f| f.file_stem()?.to_str().map(str::to_string))
        .collect();
    slugs.sort();
    slugs.dedup();
    slugs
        .iter()
        .flat_map(|s| kept_handout(opts, s, None))
        .collect()
}
