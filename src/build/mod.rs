//! The whole build: load → check → model → render → write.

pub mod cache;
pub mod export;
pub mod incremental;
pub mod locate;
pub mod pdf;
pub mod scaffold;

use crate::base::date::Date;
use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::output::RenderedFile;
use crate::stages::check;
use crate::stages::load::{self, Clinic};
use crate::stages::model::{self, Assets, SiteView};
use crate::stages::privacy::{self, Guard};
use crate::stages::render::{self, Compiled, PublicSite};
use crate::stages::theme::Theme;
use crate::stages::theme::i18n::{Strings, Table};
use crate::stages::write;
use cache::Cache;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod carry;
mod guard;
mod one;
mod prepare;
mod public;
mod themes;

use carry::*;
pub use guard::privacy_check;
use guard::*;
pub use one::*;
pub use prepare::prepare;
use prepare::*;
pub(crate) use prepare::{Asking, asked};
use public::*;
pub use public::{PublicBuild, RESERVED_SLUGS, render_public};
pub use themes::compact_css;
use themes::*;

/// Templates every theme must provide (after falling back to the default).
pub const REQUIRED_TEMPLATES: [&str; 10] = [
    "handout.html",
    "index.html",
    "page.html",
    "stories.html",
    "story.html",
    "tag.html",
    "404.html",
    "sitemap.xml",
    "atom.xml",
    "robots.txt",
];

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The clinic folder.
    pub root: PathBuf,
    /// Override of the public folder.
    pub out: Option<PathBuf>,
    /// Override of the handouts folder.
    pub handouts: Option<PathBuf>,
    /// Override of `base_url`.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Build only the public website.
    pub public_only: bool,
    /// Write nothing (check).
    pub dry_run: bool,
    /// Treat warnings as errors: write nothing when there are any.
    pub strict: bool,
    /// Ignore the build cache (see [`crate::build::cache`]): parse, check and
    /// render every plan. A new cache is still written.
    pub no_cache: bool,
    /// A progress bar for the handouts (the CLI passes one on a terminal).
    pub progress: Option<indicatif::ProgressBar>,
    /// The day to judge consent, scheduled publication and date warnings
    /// against (`--today`); `None`: the clock's ([`Date::clock_today`]).
    pub today: Option<Date>,
    /// Also print every handout to PDF (`build --pdf`); unchanged ones
    /// are kept as they were printed.
    pub pdf: bool,
}

impl Options {
    /// The day consent is judged against: `--today`, else the clock's.
    /// Never `SOURCE_DATE_EPOCH`, which would keep an expired or revoked
    /// story published until the next commit.
    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(Date::clock_today)
    }
}

/// The day written into output where a date is needed and none is given
/// (a story without `published_on` is `updated` on it in the feed): the
/// day of `SOURCE_DATE_EPOCH` when set, so a rebuild is byte-identical,
/// else `today`, the day consent was judged against.
pub fn stamp_day(today: Date) -> Date {
    Date::source_date_epoch().unwrap_or(today)
}

/// What a build did.
#[derive(Debug, Default)]
pub struct Report {
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Handouts produced (rendered or reused).
    pub handouts: usize,
    /// Of those, handouts taken unchanged from the last build.
    pub reused: usize,
    /// Whether the public site was taken unchanged from the last build.
    pub public_reused: bool,
    /// Why the build cache could not be saved (the build itself succeeded).
    pub cache_error: Option<String>,
    /// Public files rendered.
    pub public_files: usize,
    /// Stories published.
    pub stories: usize,
    /// Where the public site went.
    pub public_dir: Option<PathBuf>,
    /// Where handouts went.
    pub handouts_dir: Option<PathBuf>,
    /// Whether anything was written.
    pub wrote: bool,
    /// How long each stage took (for `--verbose`).
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// PDFs printed by this build (`--pdf`).
    pub printed: usize,
    /// PDFs heropath printed earlier whose plan is gone: removed with
    /// their handout (paths in the handouts folder).
    pub removed_pdfs: Vec<String>,
}

impl Report {
    /// True when an error was reported.
    pub fn failed(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::base::diag::Severity::Error)
    }
}

/// Everything the render stage needs, prepared once.
pub struct Prepared {
    /// The loaded clinic.
    pub clinic: Clinic,
    /// Compiled themes by name.
    pub themes: BTreeMap<String, Compiled>,
    /// Site data.
    pub site: SiteView,
    /// Pictures and QR codes.
    pub assets: Assets,
    /// The day consent and publication are judged against
    /// ([`Options::today`]).
    pub today: Date,
    /// The day written into output when a date is needed ([`stamp_day`]).
    pub stamp: Date,
    /// Each plan's own diagnostics (in `clinic.plans` order).
    pub plan_diags: Vec<Vec<Diagnostic>>,
    /// The other diagnostics of the preparation (library, themes, output
    /// folders): all warnings, as a prepared clinic has no errors.
    pub shared_diags: Vec<Diagnostic>,
    /// The build cache read at load, if any.
    pub cache: Option<Cache>,
    /// What a plan's diagnostics depend on besides its text.
    pub check_key: u128,
    /// What a plan's handout depends on besides its text.
    pub handout_key: u128,
    /// How long each stage of the preparation took.
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// Published stories' slugs and days (see [`published_stories`]),
    /// worked out once.
    story_days: std::sync::OnceLock<Vec<privacy::PublishedStory>>,
    /// The privacy guard over every plan, built once (see [`full_guard`]).
    guard: std::sync::OnceLock<Guard>,
}

/// The public and handouts folders, absolute.
pub fn dirs(opts: &Options, clinic: &Clinic) -> (PathBuf, PathBuf) {
    dirs_for(opts, &clinic.site)
}

/// The public and handouts folders of `site`, absolute.
fn dirs_for(opts: &Options, site: &crate::content::config::Site) -> (PathBuf, PathBuf) {
    let abs = |p: &Path| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            opts.root.join(p)
        }
    };
    let public = opts
        .out
        .clone()
        .map_or_else(|| abs(Path::new(&site.output.public)), |p| abs(&p));
    let handouts = opts
        .handouts
        .clone()
        .map_or_else(|| abs(Path::new(&site.output.handouts)), |p| abs(&p));
    (public, handouts)
}

/// Offered a handout the cache vouches for (its path and content hash):
/// true when it was taken as it is (see [`stream_handouts`]).
pub type Reuse<'a> = dyn Fn(&str, u128) -> bool + Sync + 'a;

/// A handout's path, content hash, and whether it was rendered (or reused).
type Done = Option<(String, u128, bool)>;

/// What [`stream_handouts`] did.
#[derive(Debug, Default)]
pub struct Streamed {
    /// Handouts rendered.
    pub rendered: usize,
    /// Handouts taken from the last build instead.
    pub reused: usize,
    /// Problems met.
    pub errors: Vec<Diagnostic>,
    /// Per plan (in `clinic.plans` order): its handout's path and content
    /// hash, when it has one.
    pub handouts: Vec<Option<(String, u128)>>,
}

/// Model and render every handout of the prepared clinic (or just `only`),
/// handing each to `sink` as soon as it is rendered, in parallel. Nothing
/// is collected, so memory stays flat however many plans there are.
///
/// With `reuse`, a plan the build cache says would render exactly as last
/// time is offered to `reuse(path, hash)` first; when that returns true
/// (say, the old file was still intact and is now linked into the new
/// tree) the plan is not rendered at all.
pub fn stream_handouts(
    p: &Prepared,
    drafts: bool,
    only: Option<&str>,
    reuse: Option<&Reuse<'_>>,
    sink: impl Fn(RenderedFile) -> Result<(), Diagnostic> + Sync,
) -> Streamed {
    let renderer = render::HandoutRenderer::new(&p.themes, &p.site);
    let results: Vec<Result<Done, Diagnostic>> = p
        .clinic
        .plans
        .par_iter()
        .map(|src| {
            if !((drafts || !src.value.draft) && only.is_none_or(|o| o == src.slug)) {
                return Ok(None);
            }
            let cached = p
                .cache
                .as_ref()
                .and_then(|c| c.handout(&src.path, src.hash, p.handout_key));
            if let (Some(reuse), Some((path, hash))) = (reuse, cached.as_ref())
                && reuse(path, *hash)
            {
                return Ok(cached.map(|(path, hash)| (path, hash, false)));
            }
            let lang = src.value.language(&p.clinic.site);
            let theme = src.value.theme(&p.clinic.site);
            let t = p.themes[theme].strings(lang);
            let handout = model::handout(src, &p.clinic, t, lang, theme, &p.assets);
            let out = renderer.render(&handout)?;
            let (path, hash) = (out.path.clone(), cache::hash(&out.bytes));
            sink(out)?;
            Ok(Some((path, hash, true)))
        })
        .collect();
    let mut done = Streamed::default();
    for r in results {
        match r {
            Ok(Some((path, hash, rendered))) => {
                if rendered {
                    done.rendered += 1;
                } else {
                    done.reused += 1;
                }
                done.handouts.push(Some((path, hash)));
            }
            Ok(None) => done.handouts.push(None),
            Err(d) => {
                done.errors.push(d);
                done.handouts.push(None);
            }
        }
    }
    done
}

/// Model and render handouts into memory (serve, the `handout` command).
pub fn render_handouts(
    p: &Prepared,
    drafts: bool,
    only: Option<&str>,
) -> Vec<Result<RenderedFile, Diagnostic>> {
    let out = std::sync::Mutex::new(Vec::new());
    let errors = stream_handouts(p, drafts, only, None, |o| {
        out.lock()
            .map_err(|_| Diagnostic::error(Code::WriteFailed, "a render thread failed"))?
            .push(o);
        Ok(())
    })
    .errors;
    let mut all: Vec<Result<RenderedFile, Diagnostic>> = out
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(Ok)
        .collect();
    all.sort_by(|a, b| match (a, b) {
        (Ok(x), Ok(y)) => x.path.cmp(&y.path),
        _ => std::cmp::Ordering::Equal,
    });
    all.extend(errors.into_iter().map(Err));
    all
}

/// Record this build for the next one (see [`crate::build::cache`]). A cache that
/// cannot be written costs the next build time, nothing else: not an error.
fn save_cache(
    p: &Prepared,
    opts: &Options,
    handouts: Vec<Option<(String, u128)>>,
    public: cache::Public,
) -> std::io::Result<()> {
    let fill =
        |out: &mut dyn std::io::Write| {
            let records = p.clinic.plans.iter().zip(&p.plan_diags).zip(&handouts).map(
                |((src, d), handout)| cache::Record {
                    path: &src.path,
                    hash: src.hash,
                    plan: &src.value,
                    today: check::depends_on_today(&src.value, p.today),
                    diagnostics: d,
                    handout: handout.clone(),
                },
            );
            cache::write(
                out,
                p.cache.as_ref(),
                p.check_key,
                p.handout_key,
                Some(&public),
                records,
            )
        };
    // Nothing changed: do not rewrite tens of megabytes to say so.
    if p.cache.as_ref().is_some_and(|c| c.same_as(fill)) {
        return Ok(());
    }
    cache::save(&opts.root, fill)
}

/// Run a build.
pub fn build(opts: &Options) -> Report {
    let mut diags = Diagnostics::default();
    let mut report = Report::default();
    let Some(p) = prepare(opts, &mut diags) else {
        report.diagnostics = diags.sorted();
        return report;
    };
    let (public_dir, handouts_dir) = dirs(opts, &p.clinic);
    report.timings = p.timings.clone();
    let mut clock = std::time::Instant::now();

    // Public site first: small, kept in memory, checked by the privacy guard.
    let public_key = public_key(&p, opts);
    let public = match reuse_public(&p, public_key, &public_dir) {
        Some(reused) => {
            report.public_reused = true;
            reused
        }
        None => render_public_then(&p, opts.drafts, |files| privacy_check_since_last(&p, files)),
    };
    let public_record = cache::Public {
        key: public_key,
        guard_key: guard_key(&p),
        stories: public.stories,
        files: public
            .files
            .iter()
            .map(|f| (f.path.clone(), cache::hash(&f.bytes)))
            .collect(),
    };
    report
        .timings
        .push(("public site + privacy guard", clock.elapsed()));
    clock = std::time::Instant::now();
    diags.extend(public.diagnostics);
    report.public_files = public.files.len();
    report.stories = public.stories;
    report.public_dir = Some(public_dir.clone());
    report.handouts_dir = (!opts.public_only).then(|| handouts_dir.clone());
    // What the handouts folder holds besides heropath's last build: files
    // someone put there (kept, with a warning) and PDFs heropath printed.
    let survey = if opts.public_only {
        write::Survey::default()
    } else {
        write::Survey::of(&handouts_dir)
    };
    let carry = carry_plan(&p, opts, &survey);
    diags.extend(carry.warnings(&opts.root, &handouts_dir));
    // Every warning but a stale PDF's is known by now, so `--strict` can
    // refuse to write here, in one pass (stale PDFs are checked below).
    let refused_by_strict = opts.strict && diags.iter().next().is_some();
    let write = !(opts.dry_run || diags.has_errors() || refused_by_strict);

    // Handouts (private): streamed into a staging folder beside the target,
    // swapped in only when every handout and the public site rendered.
    let mut handouts_staging = None;
    let mut handout_records = Vec::new();
    if !opts.public_only {
        let staging = if write {
            match write::Staging::new(&handouts_dir) {
                Ok(s) => Some(s),
                Err(e) => {
                    diags.push(write_error(e));
                    None
                }
            }
        } else {
            None
        };
        // Rendered even when nothing will be written, so one run reports
        // every problem.
        if let Some(pb) = &opts.progress {
            pb.set_length(p.clinic.plans.len() as u64);
        }
        let tick = || {
            if let Some(pb) = &opts.progress {
                pb.inc(1);
            }
        };
        // A handout the cache vouches for is linked from the current tree
        // if that file is intact; a check (no staging) needs nothing more.
        let stamps = if opts.no_cache || staging.is_none() {
            Default::default()
        } else {
            cache::open_stamps(&opts.root)
        };
        let reuse = |path: &str, hash: u128| {
            let stamp = stamps
                .get(path)
                .filter(|(_, h)| *h == hash)
                .map(|(s, _)| *s);
            let ok = staging
                .as_ref()
                .is_none_or(|s| s.link_if_same(path, hash, stamp));
            if ok {
                tick();
            }
            ok
        };
        let streamed = stream_handouts(&p, opts.drafts, None, Some(&reuse), |o| {
            tick();
            match &staging {
                Some(s) => s.write(&o.path, &o.bytes).map_err(write_error),
                None => Ok(()),
            }
        });
        if let Some(pb) = &opts.progress {
            pb.finish_and_clear();
        }
        report.handouts = streamed.rendered + streamed.reused;
        report.reused = streamed.reused;
        diags.extend(streamed.errors);
        handout_records = streamed.handouts;
        if !diags.has_errors() {
            let done = keep_and_print(
                &p,
                opts,
                &survey,
                &carry,
                &handout_records,
                staging.as_ref(),
                &handouts_dir,
            );
            diags.extend(done.diagnostics);
            report.printed = done.printed;
            report.removed_pdfs = done.removed;
        }
        report
            .timings
            .push(("handouts (render + write)", clock.elapsed()));
        clock = std::time::Instant::now();
        handouts_staging = staging;
    }
    let refused_by_strict = opts.strict && diags.iter().next().is_some();
    if write && !diags.has_errors() && !refused_by_strict {
        // A reused public site that is exactly what is on disk (the files
        // were just read and hashed; nothing else is in the folder) is
        // left alone rather than copied into a new tree and swapped.
        let unchanged = report.public_reused && write::holds_exactly(&public_dir, &public.files);
        let public_written = if unchanged {
            Ok(write::OldTree::none())
        } else {
            write::write_tree_keeping_old(&public_dir, &public.files)
        };
        let result = public_written.and_then(|old_public| {
            let old_handouts = match handouts_staging.take() {
                Some(s) => s.swap(),
                None => Ok(write::OldTree::none()),
            };
            // Both new trees are in place: remove the old ones together.
            let (a, b) = rayon::join(|| old_public.remove(), || old_handouts.map(|o| o.remove()));
            a.and(b.and_then(|r| r))
        });
        if let Err(e) = result {
            diags.push(write_error(e));
        }
        report.wrote = !diags.has_errors();
        report
            .timings
            .push(("write public + swap", clock.elapsed()));
        clock = std::time::Instant::now();
        if report.wrote && !opts.public_only {
            let written: Vec<(String, u128)> = handout_records.iter().flatten().cloned().collect();
            report.cache_error = save_cache(&p, opts, handout_records, public_record)
                .and_then(|()| cache::save_stamps(&opts.root, &handouts_dir, &written))
                .err()
                .map(|e| e.to_string());
            report
                .timings
                .push(("save the build cache", clock.elapsed()));
        }
    }
    report.diagnostics = diags.sorted();
    // Freeing tens of thousands of parsed plans takes a noticeable moment;
    // the caller does not need to wait for it.
    std::thread::spawn(move || drop(p));
    report
}

fn write_error(e: write::WriteError) -> Diagnostic {
    let help = match e {
        write::WriteError::NotOurs(_) => {
            "choose a new or empty folder (--out, --handouts, or `output:` in site.yaml); heropath only replaces folders it made"
        }
        _ => "check that the folder's parent exists, is writable, and is not a file",
    };
    Diagnostic::error(Code::WriteFailed, e.to_string()).help(help)
}

/// Theme `static/` then site `static/` (site wins), minus the handout
/// stylesheet, which is inlined into handouts instead.
fn static_files(theme: &Theme) -> Vec<RenderedFile> {
    theme
        .files
        .under("static")
        .filter(|(p, _)| *p != "handout.css")
        .map(|(p, b)| RenderedFile {
            path: p.to_string(),
            bytes: b.to_vec(),
        })
        .collect()
}

/// Check only: everything a build does, but nothing is written.
pub fn check(opts: &Options) -> Report {
    build(&Options {
        dry_run: true,
        ..opts.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::compact_css;

    #[test]
    fn css_is_compacted_without_touching_strings() {
        let css = "/* c */\nbody {\n  font: 12pt serif;\n}\n.a::before { content: \"a  /* b */\"; }\n@media print { .b > .c { color: #000 } }\n";
        assert_eq!(
            compact_css(css),
            "body{font:12pt serif;}.a::before{content:\"a  /* b */\";}@media print{.b>.c{color:#000}}"
        );
        assert_eq!(compact_css("a :hover { x: y }"), "a :hover{x:y}");
    }
}
