//! Builds the clinic into memory, incrementally: what a [`Dirty`] says is
//! stale is rebuilt on top of the last good [`Snapshot`]. Handouts never
//! touch the disk; the public site goes through a temporary folder, as
//! `build` writes it. Knows nothing of HTTP or of the watcher.

use super::changes::Dirty;
use super::state::Snapshot;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::output::RenderedFile;
use crate::build::incremental::Reload;
use crate::build::{self, Options};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// Builds into memory, incrementally.
pub(super) struct Builder {
    /// The clinic root as the user gave it (diagnostics are relative to it).
    pub(super) root: PathBuf,
    pub(super) base_url: String,
    pub(super) drafts: bool,
    /// `--today` (`None`: the clock's day, read at each rebuild).
    pub(super) today: Option<crate::base::date::Date>,
    pub(super) verbose: bool,
    /// The preparation of the last good build. An edit to plans alone is
    /// reloaded into it ([`build::Prepared::reload_plans`]) instead of
    /// loading and checking the whole clinic again. `None` until the first
    /// good build and after a failed one, so that the next build starts
    /// afresh; except when the reload itself found errors in the edited
    /// files, as it then leaves the preparation as it was.
    pub(super) kept: Option<build::Prepared>,
}

/// What a good rebuild produced.
pub(super) struct Built {
    pub(super) snap: Snapshot,
    pub(super) warnings: Vec<Diagnostic>,
    pub(super) handouts_rendered: usize,
    pub(super) public_rendered: Option<usize>,
    /// The new handouts were already served (through `early`) and the
    /// public site did not change since: open tabs have been reloaded.
    pub(super) served_early: bool,
}

/// Handouts by file name.
type Files = BTreeMap<String, Arc<[u8]>>;

impl Builder {
    /// Build options; the public site goes to `tmp/public` (handouts are
    /// never written: `public_only`).
    fn options(&self, tmp: &Path) -> Options {
        Options {
            root: self.root.clone(),
            out: Some(tmp.join("public")),
            handouts: Some(tmp.join("handouts")),
            base_url: Some(self.base_url.clone()),
            drafts: self.drafts,
            public_only: true,
            dry_run: false,
            strict: false,
            // The last `build`'s cache speeds up the first load (plans and
            // their checks); serve only reads it, never writes it (a
            // public-only build saves no cache).
            no_cache: false,
            progress: None,
            today: self.today,
            pdf: false,
            // serve runs on: what a build read must be freed.
            exiting: false,
        }
    }

    fn stage(&self, what: &str, since: Instant) {
        if self.verbose {
            eprintln!("heropath:   {what} in {} ms", since.elapsed().as_millis());
        }
    }

    /// Load and check the whole clinic.
    fn prepare(&self, opts: &Options) -> Result<(build::Prepared, Diagnostics), Vec<Diagnostic>> {
        let mut diags = Diagnostics::default();
        let t = Instant::now();
        let Some(p) = build::prepare(opts, &mut diags) else {
            return Err(diags.sorted());
        };
        self.stage(
            &format!(
                "loaded and checked {} plan(s), {} exercise(s), {} page(s)",
                p.clinic.plans.len(),
                p.clinic.exercises.len(),
                p.clinic.pages.len()
            ),
            t,
        );
        Ok((p, diags))
    }

    /// The preparation to build from: the kept one with the edited plans
    /// reloaded when only plans changed, else the whole clinic afresh.
    fn load(
        &mut self,
        opts: &Options,
        dirty: &Dirty,
        plans_only: bool,
    ) -> Result<(build::Prepared, Diagnostics), Vec<Diagnostic>> {
        // Taken out for this build; put back only when it succeeds.
        match self.kept.take() {
            Some(mut p) if plans_only && !dirty.plans.is_empty() => {
                let t = Instant::now();
                match p.reload_plans(opts, &dirty.plans) {
                    Reload::Done {
                        diagnostics,
                        reloaded,
                        removed,
                    } => {
                        let removed = match removed {
                            0 => String::new(),
                            n => format!(", removed {n}"),
                        };
                        self.stage(&format!("reloaded {reloaded} plan(s){removed}"), t);
                        let mut diags = Diagnostics::default();
                        diags.extend(diagnostics);
                        Ok((p, diags))
                    }
                    Reload::Failed(d) => {
                        // The reload left `p` as it was (the last good
                        // build), so it can take the fixed file next time.
                        self.kept = Some(p);
                        Err(d)
                    }
                    Reload::Full(why) => {
                        if self.verbose {
                            eprintln!("heropath:   loading everything: {why}");
                        }
                        self.prepare(opts)
                    }
                }
            }
            _ => self.prepare(opts),
        }
    }

    /// Rebuild what `dirty` says on top of `prev`. The result is all or
    /// nothing, except that when only some handouts change they are handed
    /// to `early` as soon as they are rendered (in a snapshot with the
    /// public site of `prev`): the privacy scan of the public site, which
    /// must still pass for the build to be good, need not hold them back.
    pub(super) fn rebuild(
        &mut self,
        dirty: &Dirty,
        prev: &Snapshot,
        early: &dyn Fn(Snapshot),
    ) -> Result<Built, Vec<Diagnostic>> {
        // Not created yet: only the public build writes, into a fresh one.
        let opts = self.options(&std::env::temp_dir().join("heropath-serve"));
        let everything = dirty.full || !prev.built;
        let plans_only = !everything && !dirty.all_handouts && !dirty.public;
        let (p, mut diags) = self.load(&opts, dirty, plans_only)?;

        // Handouts: private, kept in memory only.
        let t = Instant::now();
        let (handouts, rendered) = self.handouts(&p, dirty, everything, prev, &mut diags);
        if diags.has_errors() {
            return Err(diags.sorted());
        }
        self.stage(&format!("rendered {rendered} handout(s)"), t);
        // The site's look did not change, so the new handouts can be shown
        // with the public pages being served. `stories` stays that of the
        // public pages served: it says which plans they were built from.
        let served_early = !everything;
        if served_early {
            early(Snapshot {
                public: prev.public.clone(),
                handouts: handouts.clone(),
                stories: prev.stories.clone(),
                built: true,
            });
        }

        // The public site: only when a change can reach it.
        let stories: BTreeSet<String> = p
            .clinic
            .plans
            .iter()
            .filter(|s| s.value.story.is_some())
            .map(|s| s.slug.clone())
            .collect();
        let story_touched = dirty
            .plans
            .iter()
            .any(|s| stories.contains(s) || prev.stories.contains(s));
        let rerender = everything || dirty.public || story_touched;
        let (public, public_rendered) = self.public_site(&p, rerender, prev, &mut diags)?;
        self.kept = Some(p);
        Ok(Built {
            snap: Snapshot {
                public,
                handouts,
                stories,
                built: true,
            },
            warnings: diags.sorted(),
            handouts_rendered: rendered,
            served_early: served_early && public_rendered.is_none(),
            public_rendered,
        })
    }

    /// The handouts after this change, and how many were rendered: all of
    /// them, or only the dirty plans' on top of `prev`'s.
    fn handouts(
        &self,
        p: &build::Prepared,
        dirty: &Dirty,
        everything: bool,
        prev: &Snapshot,
        diags: &mut Diagnostics,
    ) -> (Files, usize) {
        let mut handouts = prev.handouts.clone();
        let mut rendered = 0;
        let mut put = |handouts: &mut Files, results: Vec<Result<RenderedFile, Diagnostic>>| {
            for r in results {
                match r {
                    Ok(o) => {
                        rendered += 1;
                        handouts.insert(o.path, Arc::from(o.bytes));
                    }
                    Err(d) => diags.push(d),
                }
            }
        };
        if everything || dirty.all_handouts {
            handouts.clear();
            put(&mut handouts, build::render_handouts(p, self.drafts, None));
        } else {
            for slug in &dirty.plans {
                // A deleted plan, or one turned into a draft, loses its handout.
                handouts.remove(&format!("{slug}.html"));
                put(
                    &mut handouts,
                    build::render_handouts(p, self.drafts, Some(slug)),
                );
            }
        }
        (handouts, rendered)
    }

    /// The public site after this change: rendered anew when `rerender`,
    /// else `prev`'s pages scanned again by the privacy guard. The count is
    /// `None` when nothing was rendered.
    fn public_site(
        &self,
        p: &build::Prepared,
        rerender: bool,
        prev: &Snapshot,
        diags: &mut Diagnostics,
    ) -> Result<(Files, Option<usize>), Vec<Diagnostic>> {
        let t = Instant::now();
        if rerender {
            let built = build::render_public(p, self.drafts);
            diags.extend(built.diagnostics);
            if diags.has_errors() {
                return Err(std::mem::take(diags).sorted());
            }
            let files: Files = built
                .files
                .into_iter()
                .map(|o| (o.path, Arc::from(o.bytes)))
                .collect();
            self.stage(
                &format!("built the public site ({} file(s))", files.len()),
                t,
            );
            let n = files.len();
            return Ok((files, Some(n)));
        }
        // The public pages did not change, but this plan's name, phone
        // or dates may now appear in them: run the privacy guard again.
        let files: Vec<RenderedFile> = prev
            .public
            .iter()
            .map(|(path, bytes)| RenderedFile {
                path: path.clone(),
                bytes: bytes.to_vec(),
            })
            .collect();
        diags.extend(build::privacy_check(p, &files));
        if diags.has_errors() {
            return Err(std::mem::take(diags).sorted());
        }
        self.stage("privacy scan of the public site", t);
        Ok((prev.public.clone(), None))
    }
}
