//! The whole build: load → check → model → render → write. This module is
//! the orchestration ([`build`], [`check()`]); the steps are in its
//! submodules: [`Options`] and the folders, preparing ([`prepare`]), the
//! public site, the handouts ([`stream_handouts`]), carrying files over,
//! the privacy guard, themes, the build cache, and what a build did
//! ([`Outcome`]).

pub mod cache;
pub mod export;
pub mod incremental;
pub mod locate;
pub mod pdf;
pub mod protocols;
pub mod scaffold;

use crate::base::date::Date;
use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::output::RenderedFile;
use crate::stages::check;
use crate::stages::load::{self, Clinic};
use crate::stages::model::{self, Assets, SiteView};
use crate::stages::privacy::{self, Guard};
use crate::stages::render::{self, CompiledTheme, PublicSite};
use crate::stages::theme::Theme;
use crate::stages::theme::i18n::{Strings, Table};
use crate::stages::write;
use cache::Cache;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod carry;
mod caseload;
mod desk;
mod guard;
mod handouts;
mod kept;
mod one;
mod options;
mod others;
mod outcome;
mod prepare;
mod public;
mod themes;
mod told;
mod write_failed;

use carry::*;
pub use desk::Desk;
pub use guard::privacy_check;
use guard::*;
pub use handouts::{Reuse, Streamed, Wanted, render_handouts, stream_handouts};
pub use kept::{Kept, kept_by_build, kept_handout, previous_handouts};
pub use one::*;
pub use options::{Options, Progress, dirs, stamp_day};
pub use outcome::Outcome;
use prepare::*;
pub(crate) use prepare::{Asking, asked};
pub use prepare::{Prepared, prepare};
use public::*;
pub use public::{PublicBuild, RESERVED_SLUGS, render_public};
use themes::*;
pub use themes::{REQUIRED_TEMPLATES, compact_css};
use write_failed::{old_tree_left, write_error};

/// Save this build's record for the next one (see [`crate::build::cache`]),
/// unless it is what the cache already holds. A cache that cannot be
/// written costs the next build time, nothing else: not an error.
fn save_cache(
    p: &Prepared,
    opts: &Options,
    handouts: Vec<Option<(String, u128)>>,
    public: cache::Public,
) -> std::io::Result<()> {
    let records = p
        .clinic
        .plans
        .iter()
        .zip(&p.plan_diags)
        .zip(handouts)
        .map(|((src, d), handout)| cache::Record {
            path: &src.path,
            hash: src.hash,
            plan: &src.value,
            today: check::depends_on_today(&src.value, p.today),
            diagnostics: d,
            handout,
        })
        .collect();
    cache::store(
        &opts.root,
        p.cache.as_ref(),
        p.check_key,
        p.handout_key,
        Some(&public),
        records,
    )
}

/// One build under way: what it was asked, the folders it writes, and
/// what it has found and done so far.
struct Run<'a> {
    p: &'a Prepared,
    opts: &'a Options,
    public_dir: PathBuf,
    handouts_dir: PathBuf,
    diags: Diagnostics,
    report: Outcome,
    /// When the step under way started (for [`Outcome::timings`]).
    clock: std::time::Instant,
}

impl Run<'_> {
    /// Record how long the step under way took and start the next.
    fn lap(&mut self, step: &'static str) {
        self.report.timings.push((step, self.clock.elapsed()));
        self.clock = std::time::Instant::now();
    }

    /// Are there warnings `--strict` refuses to write with?
    fn refused_by_strict(&self) -> bool {
        self.opts.strict && self.diags.iter().next().is_some()
    }

    /// May the build write, as far as it knows so far? Not a check, and
    /// not with an error or (with `--strict`) a warning.
    fn may_write(&self) -> bool {
        !(self.opts.dry_run || self.diags.has_errors() || self.refused_by_strict())
    }
}

/// Run a build.
pub fn build(opts: &Options) -> Outcome {
    let mut diags = Diagnostics::default();
    let Some(mut p) = prepare::prepare_reporting(opts, &mut diags) else {
        return Outcome {
            diagnostics: diags.sorted(),
            ..Outcome::default()
        };
    };
    let (public_dir, handouts_dir) = dirs(opts, &p.clinic);
    let mut run = Run {
        p: &p,
        opts,
        public_dir,
        handouts_dir,
        diags,
        report: Outcome {
            timings: p.timings.clone(),
            ..Outcome::default()
        },
        clock: std::time::Instant::now(),
    };

    let r = run.render();
    let carry = run.output_folders(&r);
    // Every warning but a stale PDF's is known by now, so `--strict` can
    // refuse to write here, in one pass (stale PDFs are checked below).
    let write = run.may_write();
    let staging = r.staging.filter(|_| write);

    // The handouts' staging folder is swapped in only when every handout
    // and the public site rendered. Meanwhile the public tree is staged
    // beside its own target (making a thousand story folders is
    // file-system work that need not wait) while the caseload renders.
    let public_dir = run.public_dir.clone();
    let public_staged = stage_public(&public_dir, &r.public_files, write);
    let (public_staged, (handouts_staging, handout_records)) =
        rayon::join(public_staged, || match r.streamed {
            Some(streamed) => run.finish_handouts(streamed, staging, &r.survey, &carry),
            None => (None, Vec::new()),
        });
    if let Some(public_staged) = public_staged
        && !run.diags.has_errors()
        && !run.refused_by_strict()
    {
        run.swap_in(
            public_staged,
            handouts_staging,
            handout_records,
            r.public_record,
        );
    }
    let Run {
        diags,
        mut report,
        clock,
        ..
    } = run;
    report.diagnostics = diags.sorted();
    report.sources = texts_shown(&mut p, &report.diagnostics);
    report
        .timings
        .push(("sort the diagnostics", clock.elapsed()));
    // Freeing tens of thousands of parsed plans takes a noticeable moment;
    // the caller does not need to wait for it, nor, when it exits next,
    // have it done at all.
    match opts.exiting {
        true => std::mem::forget(p),
        false => drop(std::thread::spawn(move || drop(p))),
    }
    report
}

impl Run<'_> {
    /// What the output folders hold that the build did not write: the
    /// errors for what it must not replace (a file in the public folder, a
    /// folder it cannot read or change) and where the handouts folder's
    /// files of a person's go, with their warnings.
    fn output_folders(&mut self, r: &Rendered) -> Carry {
        let (root, p, opts) = (&self.opts.root, self.p, self.opts);
        let (public, handouts) = (&self.public_dir, &self.handouts_dir);
        self.diags
            .extend(foreign_public_files(root, public, &r.public_survey));
        self.diags
            .extend(carry::unreadable(root, handouts, &r.survey, "handouts"));
        self.diags
            .extend(carry::unreadable(root, public, &r.public_survey, "public"));
        let carry = carry_plan(p, opts, &r.survey);
        self.diags.extend(carry.warnings(root, handouts));
        carry
    }
}

/// What [`Run::render`] made.
struct Rendered {
    public_files: Vec<RenderedFile>,
    public_record: cache::Public,
    /// What the handouts folder holds besides heropath's last build.
    survey: write::Survey,
    /// And the public folder.
    public_survey: write::Survey,
    /// The handouts (none with `--public-only`).
    streamed: Option<Streamed>,
    /// Where they were written, when the build may write.
    staging: Option<write::Staging>,
}

impl Run<'_> {
    /// The public site (small, kept in memory, checked by the privacy
    /// guard) and, meanwhile, what the output folders hold besides
    /// heropath's last build, and the handouts (private), streamed into a
    /// staging folder beside their target when the build may write. Side
    /// by side, both cores stay busy from the first page to the last
    /// handout; a staging folder that the public site or the folders then
    /// stop is dropped, which removes it.
    fn render(&mut self) -> Rendered {
        let (p, opts) = (self.p, self.opts);
        let (handouts_dir, public_dir) = (self.handouts_dir.clone(), self.public_dir.clone());
        let staging = self.handout_staging(self.may_write() && !opts.public_only);
        // A preparation that found errors went on to report every problem
        // of the public site (see [`prepare::prepare_reporting`]); the
        // handouts, which nothing will write, are not rendered.
        let handouts = !opts.public_only && !self.diags.has_errors();
        let survey = || survey_outputs(opts, &handouts_dir, &public_dir);
        // A build surveys the folders beside the public site while the
        // handouts render. A check must know the PDFs in the handouts
        // folder before it picks the handouts it renders (see
        // [`handouts::check_renders`]), so it surveys first on the
        // handouts' side, still beside the public site.
        let (((public_files, public_record), surveyed_beside), (streamed, surveyed_first)) =
            rayon::join(
                || rayon::join(|| self.public_site(), || (!opts.dry_run).then(survey)),
                || {
                    let first = opts.dry_run.then(survey);
                    let wanted = |src: &load::Source<_>| {
                        let first = first.as_ref();
                        first.is_none_or(|(s, _)| handouts::check_renders(p, s, src))
                    };
                    let streamed =
                        handouts.then(|| handouts::stream_into(p, opts, staging.as_ref(), &wanted));
                    (streamed, first)
                },
            );
        let (survey, public_survey) = surveyed_beside.or(surveyed_first).unwrap_or_default();
        Rendered {
            public_files,
            public_record,
            survey,
            public_survey,
            streamed,
            staging,
        }
    }
}

/// What the handouts and public folders hold besides heropath's last
/// build: in the handouts folder, files someone put there (kept, with a
/// warning) and PDFs heropath printed; in the public folder, files someone
/// put there, which would go with the old tree (see
/// [`foreign_public_files`]). Walks of two folders, run beside the public
/// site to fill its quieter moments.
fn survey_outputs(
    opts: &Options,
    handouts: &Path,
    public: &Path,
) -> (write::Survey, write::Survey) {
    let handouts = match opts.public_only {
        true => write::Survey::default(),
        false => write::Survey::of(handouts),
    };
    (handouts, write::Survey::of(public))
}

/// Files in the public folder that heropath did not write (HP0406): a
/// build replaces the whole folder, so it writes nothing while they are
/// there. (Unlike the private handouts folder, whose such files are kept,
/// a file kept in the public folder would be published without the
/// privacy guard having read it.) A mark from before marks listed files
/// says nothing about them: that folder is taken as heropath's.
fn foreign_public_files(root: &Path, dir: &Path, survey: &write::Survey) -> Vec<Diagnostic> {
    if survey.manifest.as_ref().is_none_or(|m| m.legacy) {
        return Vec::new();
    }
    survey
        .foreign
        .iter()
        .chain(&survey.kept)
        .map(|rel| {
            Diagnostic::error(
                Code::ForeignPublicFile,
                format!("heropath did not write this {} into the public folder, which every build replaces: nothing was written, so that it is not lost", write::file_or_folder(rel)),
            )
            .in_file(crate::base::paths::shown(root, dir.join(rel)))
            .help("move it out of the public folder; a file to publish with the site belongs in `static/` (the privacy guard reads it and every build copies it)")
        })
        .collect()
}

/// The text of each plan a diagnostic shows a line of, taken from the
/// parsed plans (which are about to be freed).
fn texts_shown(p: &mut Prepared, diags: &[Diagnostic]) -> Vec<(PathBuf, String)> {
    let mut shown: std::collections::HashSet<&Path> = Default::default();
    let mut last = None;
    // Sorted by file: a file's run of diagnostics is hashed once.
    for file in diags
        .iter()
        .filter(|d| d.pos.is_some() && !d.sensitive)
        .filter_map(|d| d.file.as_deref())
    {
        if last != Some(file) {
            shown.insert(file);
            last = Some(file);
        }
    }
    p.clinic
        .plans
        .iter_mut()
        .filter(|s| shown.contains(s.path.as_path()))
        .map(|s| (s.path.clone(), std::mem::take(&mut s.text)))
        .collect()
}

impl Run<'_> {
    /// Render the public site, or take the last build's when nothing it is
    /// made from changed; its files and what the cache records of them.
    fn public_site(&mut self) -> (Vec<RenderedFile>, cache::Public) {
        let (p, opts) = (self.p, self.opts);
        let public_key = public_key(p, opts);
        let public = match reuse_public(p, public_key, &self.public_dir) {
            Some(reused) => {
                self.report.public_reused = true;
                reused
            }
            None => render_public_then(p, opts.drafts, |files, ahead| {
                privacy_check_since_last(p, files, ahead)
            }),
        };
        let public_record = cache::Public {
            key: public_key,
            guard_key: guard_key(p),
            stories: public.stories,
            files: public
                .files
                .iter()
                .map(|f| (f.path.clone(), cache::hash(&f.bytes)))
                .collect(),
        };
        self.lap("public site + privacy guard (handouts rendering beside)");
        self.diags.extend(public.diagnostics);
        self.report.public_files = public.files.len();
        self.report.stories = public.stories;
        self.report.public_dir = Some(self.public_dir.clone());
        self.report.handouts_dir = (!opts.public_only).then(|| self.handouts_dir.clone());
        (public.files, public_record)
    }

    /// Put the new trees in place (the public site, staged while the
    /// handouts rendered, then the staged handouts), remove the old ones
    /// together, and save the build cache.
    fn swap_in(
        &mut self,
        public_staged: Result<write::Staging, write::WriteError>,
        mut handouts_staging: Option<write::Staging>,
        handout_records: Vec<Option<(String, u128)>>,
        public_record: cache::Public,
    ) {
        let (p, opts) = (self.p, self.opts);
        let written: Vec<(String, u128)> = handout_records.iter().flatten().cloned().collect();
        // Both targets are read (is the new tree the old one?) at the same
        // time, before either is swapped.
        rayon::join(
            || public_staged.as_ref().ok().map(write::Staging::look),
            || handouts_staging.as_ref().map(write::Staging::look),
        );
        let public_swapped = public_staged.and_then(write::Staging::swap);
        let swapped = public_swapped.and_then(|old_public| {
            let old_handouts = match handouts_staging.take() {
                Some(s) => s.swap()?,
                None => write::OldTree::none(),
            };
            Ok((old_public, old_handouts))
        });
        let (old_public, old_handouts) = match swapped {
            Ok(old) => old,
            Err(e) => {
                self.diags.push(write_error(e));
                self.lap("write public + swap");
                return;
            }
        };
        self.report.wrote = true;
        self.lap("write public + swap");
        // Both new trees are in place: the old ones are removed (file-system
        // work, mostly waiting) while the cache is encoded and saved. The
        // handouts' stamps come after: unlinking an old tree's name of a
        // handout linked into the new one changes its status change time.
        let (removed, saved) = rayon::join(
            || {
                let (a, b) = rayon::join(|| old_public.remove(), || old_handouts.remove());
                a.and(b)
            },
            || match opts.public_only {
                true => Ok(()),
                false => save_cache(p, opts, handout_records, public_record),
            },
        );
        let saved = saved.and_then(|()| match opts.public_only {
            true => Ok(()),
            false => cache::save_stamps(&opts.root, &self.handouts_dir, &written),
        });
        self.report.cache_error = saved.err().map(|e| e.to_string());
        if let Err(e) = removed {
            self.diags.push(old_tree_left(e));
        }
        self.lap("remove the old output + save the build cache");
    }
}

/// Stage the public tree of a build that writes (`None` when it does not),
/// as a job to run beside the caseload and PDFs. (A tree that would not change is
/// left as it is by [`write::Staging::swap`].)
fn stage_public<'a>(
    public_dir: &'a Path,
    files: &'a [RenderedFile],
    write: bool,
) -> impl FnOnce() -> Option<Result<write::Staging, write::WriteError>> + Send + 'a {
    move || write.then(|| write::stage_public_tree(public_dir, files))
}

/// Check only: everything a build does, but nothing is written.
pub fn check(opts: &Options) -> Outcome {
    build(&Options {
        dry_run: true,
        ..opts.clone()
    })
}
