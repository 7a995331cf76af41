//! The handouts of a build: each plan modelled and rendered in parallel
//! and streamed into the staging folder as soon as it is rendered (or, when
//! the cache vouches for it, linked from the last build), so memory stays
//! flat however many plans there are.

use super::*;

/// Offered a handout the cache vouches for (its path and content hash):
/// true when it was taken as it is (see [`stream_handouts`]).
pub type Reuse<'a> = dyn Fn(&str, u128) -> bool + Sync + 'a;

/// Asked of each plan (not a draft left out) before its handout is
/// rendered: true to render it (see [`stream_handouts`]).
pub type Wanted<'a> = dyn Fn(&load::Source<crate::content::plan::Plan>) -> bool + Sync + 'a;

/// What became of one plan's handout.
enum Done {
    /// A draft, left out.
    Draft,
    /// Passed over by `wanted`.
    PassedOver,
    /// Its path, content hash, and whether it was rendered (or reused).
    Made(String, u128, bool),
}

/// What [`stream_handouts`] did.
#[derive(Debug, Default)]
pub struct Streamed {
    /// Handouts rendered.
    pub rendered: usize,
    /// Handouts taken from the last build instead.
    pub reused: usize,
    /// Plans (drafts only when asked for) whose handout `wanted` passed over.
    pub passed_over: usize,
    /// Problems met.
    pub errors: Vec<Diagnostic>,
    /// Per plan (in `clinic.plans` order): its handout's path and content
    /// hash, when it has one.
    pub handouts: Vec<Option<(String, u128)>>,
}

/// Model and render the handout of every plan of the prepared clinic that
/// `wanted` accepts (drafts only with `drafts`), handing each (and its
/// content hash) to `sink` as soon as it is rendered, in parallel. Nothing
/// is collected, so memory stays flat however many plans there are.
///
/// With `reuse`, a plan the build cache says would render exactly as last
/// time is offered to `reuse(path, hash)` first; when that returns true
/// (say, the old file was still intact and is now linked into the new
/// tree) the plan is not rendered at all.
pub fn stream_handouts(
    p: &Prepared,
    drafts: bool,
    wanted: &Wanted<'_>,
    reuse: Option<&Reuse<'_>>,
    sink: impl Fn(RenderedFile, u128) -> Result<(), Diagnostic> + Sync,
) -> Streamed {
    let renderer = render::HandoutRenderer::new(&p.themes, &p.site);
    let results: Vec<Result<Done, Diagnostic>> = p
        .clinic
        .plans
        .par_iter()
        .with_max_len(crate::base::parallel::PLANS_PER_TASK)
        .map(|src| {
            if src.value.draft && !drafts {
                return Ok(Done::Draft);
            }
            if !wanted(src) {
                return Ok(Done::PassedOver);
            }
            let cached = p
                .cache
                .as_ref()
                .and_then(|c| c.handout(&src.path, src.hash, p.handout_key));
            if let (Some(reuse), Some((path, hash))) = (reuse, cached)
                && reuse(&path, hash)
            {
                return Ok(Done::Made(path, hash, false));
            }
            let lang = src.value.language(&p.clinic.site);
            let theme = src.value.theme(&p.clinic.site);
            let t = p.themes[theme].strings(lang);
            let handout = model::handout(src, &p.clinic, t, lang, theme, &p.assets);
            let out = renderer.render(&handout)?;
            let (path, hash) = (out.path.clone(), cache::hash(&out.bytes));
            sink(out, hash)?;
            Ok(Done::Made(path, hash, true))
        })
        .collect();
    let mut done = Streamed::default();
    for r in results {
        match r {
            Ok(Done::Made(path, hash, rendered)) => {
                if rendered {
                    done.rendered += 1;
                } else {
                    done.reused += 1;
                }
                done.handouts.push(Some((path, hash)));
            }
            Ok(Done::PassedOver) => {
                done.passed_over += 1;
                done.handouts.push(None);
            }
            Ok(Done::Draft) => done.handouts.push(None),
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
    let wanted = |src: &load::Source<_>| only.is_none_or(|o| o == src.slug);
    let errors = stream_handouts(p, drafts, &wanted, None, |o, _| {
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

impl Run<'_> {
    /// A new staging folder for the handouts when the build may `write`
    /// (handouts are rendered even when nothing will be written, so one run
    /// reports every problem).
    pub(super) fn handout_staging(&mut self, write: bool) -> Option<write::Staging> {
        if !write {
            return None;
        }
        match write::Staging::new(&self.handouts_dir) {
            Ok(s) => Some(s),
            Err(e) => {
                self.diags.push(write_error(e));
                None
            }
        }
    }

    /// After the handouts were streamed (see [`stream_into`]) into
    /// `staging` (`None` when the build will not write): the caseload
    /// pages, then what the old folder held is carried over and PDFs are
    /// printed. The staging folder (to swap in) and each plan's handout.
    pub(super) fn finish_handouts(
        &mut self,
        streamed: Streamed,
        staging: Option<write::Staging>,
        survey: &write::Survey,
        carry: &Carry,
    ) -> (Option<write::Staging>, Vec<Option<(String, u128)>>) {
        let (p, opts) = (self.p, self.opts);
        self.report.handouts = streamed.rendered + streamed.reused;
        self.report.reused = streamed.reused;
        self.report.not_rendered = streamed.passed_over;
        self.diags.extend(streamed.errors);
        let handout_records = streamed.handouts;
        // The caseload page lists the handouts just made (private side).
        // A check renders it as it renders handouts: when it is not
        // heropath's own template that renders it.
        let stock = p.themes.get(&p.clinic.site.theme).is_some_and(|t| t.stock);
        let check_skips = opts.dry_run && stock;
        if !self.diags.has_errors() && !check_skips {
            let written =
                super::caseload::caseload_files(p, &handout_records, |f| match staging.as_ref() {
                    Some(s) => s.write(&f.path, &f.bytes).map_err(write_error),
                    None => Ok(()),
                });
            if let Err(d) = written {
                self.diags.push(d);
            }
        }
        if !self.diags.has_errors() {
            let done = keep_and_print(
                p,
                opts,
                survey,
                carry,
                &handout_records,
                staging.as_ref(),
                &self.handouts_dir,
            );
            self.diags.extend(done.diagnostics);
            self.report.printed = done.printed;
            self.report.removed_pdfs = done.removed;
        }
        self.lap("handouts: the rest, caseload, PDFs");
        (staging, handout_records)
    }
}

/// [`stream_handouts`] for a build: into `staging` (when writing), with a
/// progress bar, linking each handout the cache vouches for from the
/// current tree if that file is intact.
pub(super) fn stream_into(
    p: &Prepared,
    opts: &Options,
    staging: Option<&write::Staging>,
    wanted: &Wanted<'_>,
) -> Streamed {
    if let Some(pb) = &opts.progress {
        pb.start(p.clinic.plans.len() as u64);
    }
    let tick = || {
        if let Some(pb) = &opts.progress {
            pb.advance();
        }
    };
    // A check (no staging) needs nothing more than the cache's word. Even
    // without the cache, a handout rendered as the one on disk was written
    // (its stamp unchanged since) need not be read to be left as it is.
    let stamps = match staging {
        Some(_) => cache::open_stamps(&opts.root),
        None => Default::default(),
    };
    let reuse = |path: &str, hash: u128| {
        let stamp = stamps
            .get(path)
            .filter(|(_, h)| *h == hash)
            .map(|(s, _)| *s);
        let ok = staging.is_none_or(|s| s.link_if_same(path, hash, stamp));
        if ok {
            tick();
        }
        ok
    };
    if let Some(s) = staging {
        // Each handout is compared with the one on disk: read those ahead
        // if they are not in memory.
        s.read_ahead(
            p.clinic
                .plans
                .iter()
                .filter(|src| (opts.drafts || !src.value.draft) && wanted(src))
                .map(|src| crate::stages::model::handout_file(&src.slug)),
        );
    }
    let streamed = stream_handouts(p, opts.drafts, wanted, Some(&reuse), |o, hash| {
        tick();
        match staging {
            Some(s) => s
                .write_known(&o.path, (&o.bytes, hash), stamps.get(&o.path).copied())
                .map_err(write_error),
            None => Ok(()),
        }
    });
    if let Some(s) = staging {
        s.stop_reading_ahead();
    }
    if let Some(pb) = &opts.progress {
        pb.finish();
    }
    streamed
}

/// Does a check render this plan's handout? Not with a theme whose
/// templates and strings are heropath's own ([`CompiledTheme::stock`]):
/// heropath's tests render those over the sample clinic and its fixtures
/// and hold `check` and `build` to the same diagnostics, and the handouts
/// are most of a check's work. Still, when the handouts folder (`survey`)
/// holds the plan's PDF, whose staleness only the rendered handout tells.
pub(super) fn check_renders(
    p: &Prepared,
    survey: &write::Survey,
    src: &load::Source<crate::content::plan::Plan>,
) -> bool {
    let theme = src.value.theme(&p.clinic.site);
    !p.themes.get(theme).is_some_and(|t| t.stock)
        || survey.pdfs.contains_key(&format!("{}.pdf", src.slug))
}
