//! Incremental reloads of a prepared clinic, for `serve`: when only plan
//! files changed, re-read and re-check just those plans instead of loading
//! and checking the whole clinic again (seconds for ten thousand plans).
//!
//! This is exact, not a guess: a plan's own diagnostics depend on the plan,
//! the site, the exercise library, the picture list and today (see
//! [`check::check_clinic`]), never on the other plans, so the other plans keep
//! theirs. Whatever else a plan decides in a preparation (the themes and
//! languages compiled and which file first asked for them, the pictures
//! and QR codes embedded, duplicate names) is compared, and any difference
//! asks for a full preparation instead ([`Reload::Full`]).

use crate::base::diag::{Diagnostic, Diagnostics, Severity};
use crate::build::{self, Options, Prepared};
use crate::content::plan::Plan;
use crate::stages::check;
use crate::stages::load::{self, Source};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What [`Prepared::reload_plans`] did.
#[derive(Debug)]
pub enum Reload {
    /// The plans were reloaded in place.
    Done {
        /// The diagnostics of the whole clinic now (warnings only), sorted:
        /// what a full preparation would report.
        diagnostics: Vec<Diagnostic>,
        /// Plans read again (changed or new).
        reloaded: usize,
        /// Plans whose file is gone, now removed.
        removed: usize,
    },
    /// The change reaches beyond these plans; nothing was changed. Run a
    /// full [`build::prepare`]. The text says why (for `--verbose`).
    Full(String),
    /// The changed files have errors. Nothing was changed: the preparation
    /// still holds the plans as they were. The diagnostics are those of the
    /// whole clinic with the files as they are now, sorted, as a full
    /// preparation would report them.
    Failed(Vec<Diagnostic>),
}

/// Add to `found` the plan files under `dir` whose name (without the
/// extension) is one of its keys, choosing files as a load does (any
/// depth, `.yaml` or `.yml` in any case, not hidden). Only names are read,
/// and no path is made for the other files: this runs on every save, and
/// the load's sorted walk takes tens of milliseconds over ten thousand
/// plans. Anything a full load would report (a symbolic link, an unreadable
/// folder) is an `Err` saying so.
fn find_plan_files(dir: &Path, found: &mut BTreeMap<&str, Vec<PathBuf>>) -> Result<(), String> {
    let unreadable = |e: std::io::Error| format!("cannot read {}: {e}", dir.display());
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let kind = entry.file_type().map_err(unreadable)?;
        if kind.is_symlink() {
            return Err(format!("{} is a symbolic link", entry.path().display()));
        }
        if kind.is_dir() {
            find_plan_files(&entry.path(), found)?;
            continue;
        }
        if !kind.is_file() {
            continue;
        }
        let name = entry.file_name();
        let name = Path::new(&name);
        let hidden = name.to_string_lossy().starts_with('.');
        let plan_ext = name.extension().is_some_and(|x| {
            crate::content::files::YAML_EXTENSIONS
                .iter()
                .any(|want| x.eq_ignore_ascii_case(want))
        });
        if hidden || !plan_ext {
            continue;
        }
        if let Some(paths) = name
            .file_stem()
            .and_then(|stem| found.get_mut(stem.to_string_lossy().as_ref()))
        {
            paths.push(entry.path());
        }
    }
    Ok(())
}

/// A plan with its own diagnostics, as kept in a [`Prepared`].
type Entry = (Source<Plan>, Vec<Diagnostic>);

/// A changed plan's slug and its new source (`None`: gone, or it does not
/// parse).
type Change<'s> = (&'s str, Option<Source<Plan>>);

impl Prepared {
    /// Read the plans `slugs` (file stems under `content/plans/`) again and
    /// re-check them, keeping everything else. A slug whose file is gone
    /// loses its plan; an unknown slug whose file exists is added.
    ///
    /// On [`Reload::Full`] and [`Reload::Failed`] the preparation is left
    /// exactly as it was, so it can be kept and the same slugs reloaded
    /// after the next save.
    pub fn reload_plans(&mut self, opts: &Options, slugs: &BTreeSet<String>) -> Reload {
        match self.try_reload(opts, slugs) {
            Ok(r) | Err(r) => r,
        }
    }

    /// [`Prepared::reload_plans`], with `Err` for a reload that left the
    /// preparation as it was.
    fn try_reload(&mut self, opts: &Options, slugs: &BTreeSet<String>) -> Result<Reload, Reload> {
        let full = |why: String| Err(Reload::Full(why));
        if self.plan_diags.len() != self.clinic.plans.len() {
            return full("the prepared plans and their diagnostics disagree".into());
        }
        if opts.root != self.clinic.root {
            return full("this preparation is of another clinic folder".into());
        }
        // Consent is checked against today, and every kept diagnostic was
        // worked out for `self.today`.
        if opts.today() != self.today {
            return full("the date changed since the last full build".into());
        }
        let root = self.clinic.root.clone();

        // Where each changed plan's file is now. The whole folder is listed
        // (names only, nothing is read): a second file of the same name in
        // another folder is a duplicate that a full load reports.
        let mut found: BTreeMap<&str, Vec<PathBuf>> =
            slugs.iter().map(|s| (s.as_str(), Vec::new())).collect();
        let plans_dir = root.join("content").join("plans");
        if plans_dir.is_dir() {
            find_plan_files(&plans_dir, &mut found).map_err(Reload::Full)?;
        }

        // Read and parse; nothing is changed yet.
        let (changes, parse_errors) = self.read_changed(&root, found)?;

        // Apply, remembering what was there to put it back on failure.
        let before = build::asked(&self.clinic);
        let patients_before = super::others::diagnostics_key(0, &self.clinic);
        let diags_before = self.plan_diags.clone();
        let mut fresh = BTreeSet::new();
        let mut backup: Vec<(String, Option<Entry>)> = Vec::new();
        let (mut reloaded, mut removed) = (0, 0);
        for (slug, new) in changes {
            match &new {
                Some(_) => {
                    reloaded += 1;
                    fresh.insert(slug.to_string());
                }
                None if self.index_of(slug).is_some() => removed += 1,
                None => {}
            }
            let old = self.put(slug, new.map(|s| (s, Vec::new())));
            backup.push((slug.to_string(), old));
        }
        if let Err(why) = self.same_themes(before) {
            self.restore(backup);
            return full(why);
        }
        // Another patient's identifiers in a plan (HP0121) depend on every
        // patient's: when one changed (or a plan came or went), every plan
        // is read for them again.
        let every = super::others::diagnostics_key(0, &self.clinic) != patients_before;

        let (errors, diagnostics) = self.recheck(&fresh, every, parse_errors);
        if errors {
            self.restore(backup);
            self.plan_diags = diags_before;
            return Err(Reload::Failed(diagnostics));
        }
        Ok(Reload::Done {
            diagnostics,
            reloaded,
            removed,
        })
    }

    /// Read and parse the plan files `found` (slug → its files) names,
    /// changing nothing: each changed plan (`None`: gone or unparsable)
    /// and the parse errors. A plan saved without a change is left out.
    fn read_changed<'s>(
        &self,
        root: &Path,
        found: BTreeMap<&'s str, Vec<PathBuf>>,
    ) -> Result<(Vec<Change<'s>>, Vec<Diagnostic>), Reload> {
        let mut parse_errors = Vec::new();
        let mut changes: Vec<Change<'s>> = Vec::new();
        for (slug, paths) in found {
            let known = self.index_of(slug).map(|i| &self.clinic.plans[i]);
            let new = match paths.as_slice() {
                // Gone (or a file that came and went before it was seen).
                [] => None,
                [path] => {
                    match load::read_source(root, path, &|text: &str, rel: &Path, _| {
                        crate::content::yaml::parse_many::<Plan>(text, rel)
                    }) {
                        // Saved without a change (or only touched).
                        Ok(src)
                            if known.is_some_and(|k| k.hash == src.hash && k.path == src.path) =>
                        {
                            continue;
                        }
                        Ok(src) => Some(src),
                        Err(ds) => {
                            // A full load leaves a plan that does not parse out.
                            parse_errors.extend(ds);
                            None
                        }
                    }
                }
                _ => {
                    return Err(Reload::Full(format!(
                        "more than one plan file is called `{slug}`"
                    )));
                }
            };
            if let Some(src) = &new {
                self.can_render(src).map_err(Reload::Full)?;
            }
            changes.push((slug, new));
        }
        Ok((changes, parse_errors))
    }

    /// Check the plans in `fresh` again, keeping every other plan's
    /// diagnostics: whether there are errors, and every diagnostic of the
    /// preparation with `parse_errors`, sorted.
    fn recheck(
        &mut self,
        fresh: &BTreeSet<String>,
        every: bool,
        parse_errors: Vec<Diagnostic>,
    ) -> (bool, Vec<Diagnostic>) {
        // Check the changed plans only: every other plan's diagnostics are
        // kept where they are, so `check` is handed an empty stand-in for
        // them (cheaper than a copy). The library diagnostics it also finds
        // are already in `shared_diags`.
        let mut library = Diagnostics::default();
        let per_plan = check::check_clinic(&self.clinic, self.today, &mut library, &|src| {
            (!fresh.contains(&src.slug)).then(Vec::new)
        });
        let mut per_plan = per_plan;
        let mut errors = !parse_errors.is_empty();
        errors |= self.other_patients(fresh, every, &mut per_plan);
        for (i, d) in per_plan.into_iter().enumerate() {
            if fresh.contains(&self.clinic.plans[i].slug) {
                errors |= d.iter().any(|d| d.severity == Severity::Error);
                self.plan_diags[i] = d;
            }
        }
        let mut all = Diagnostics::default();
        all.extend(self.shared_diags.iter().cloned());
        all.extend(self.plan_diags.iter().flatten().cloned());
        all.extend(parse_errors);
        let diagnostics = all.sorted();
        (errors, diagnostics)
    }

    /// Another patient's identifiers left in a plan (HP0121): the `fresh`
    /// plans are read for them, or `every` plan (a patient's identifiers
    /// changed), whose earlier HP0121 errors are dropped first. Each goes
    /// into its plan's diagnostics, in `per_plan` for a fresh plan.
    /// Whether one was found in a plan that is not fresh.
    fn other_patients(
        &mut self,
        fresh: &BTreeSet<String>,
        every: bool,
        per_plan: &mut [Vec<Diagnostic>],
    ) -> bool {
        let which: Vec<bool> = (self.clinic.plans.iter())
            .map(|p| every || fresh.contains(&p.slug))
            .collect();
        if every {
            for list in &mut self.plan_diags {
                list.retain(|d| d.code != crate::base::diag::Code::OtherPatient);
            }
        }
        if self.clinic.plans.len() < 2 {
            return false;
        }
        let mut elsewhere = false;
        let guard = super::full_guard(self);
        let found =
            crate::stages::privacy::others::other_patients(&self.clinic.plans, guard, &which);
        for (i, d) in found {
            let fresh_plan = self
                .clinic
                .plans
                .get(i)
                .is_some_and(|p| fresh.contains(&p.slug));
            elsewhere |= !fresh_plan;
            let list = match fresh_plan {
                true => per_plan.get_mut(i),
                false => self.plan_diags.get_mut(i),
            };
            if let Some(list) = list {
                list.push(d);
            }
        }
        elsewhere
    }

    /// Can this preparation render `src` as a full one would? Its theme and
    /// language must be compiled, and its pictures embedded (a video's QR
    /// code is drawn when first asked for).
    fn can_render(&self, src: &Source<Plan>) -> Result<(), String> {
        let plan = &src.value;
        let theme = plan.theme(&self.clinic.site);
        let lang = plan.language(&self.clinic.site);
        let slug = &src.slug;
        let Some(compiled) = self.themes.get(theme) else {
            return Err(format!("plan `{slug}` asks for theme `{theme}`"));
        };
        if !compiled.strings.contains_key(lang) {
            return Err(format!("plan `{slug}` asks for language `{lang}`"));
        }
        for e in plan.steps.iter().flat_map(|s| &s.exercises) {
            if let Some(image) = &e.image
                && !self.assets.images.contains_key(image)
            {
                return Err(format!("plan `{slug}` shows picture `{image}`"));
            }
        }
        Ok(())
    }

    /// Would a full preparation compile the same themes and languages,
    /// and report the same about them, as `before` (see [`build::asked`])?
    /// The sets must be equal; who first asks for each matters only to the
    /// diagnostics that point there (a language the theme has no strings
    /// for), and those are in `shared_diags`, in that file.
    fn same_themes(&self, before: build::Asking) -> Result<(), String> {
        let after = build::asked(&self.clinic);
        for (was, now) in [(&before.0, &after.0), (&before.1, &after.1)] {
            if !was.keys().eq(now.keys()) {
                return Err("the themes or languages the plans ask for changed".into());
            }
            for ((name, (file, at)), (_, asker)) in was.iter().zip(now) {
                if (file, at) != (&asker.0, &asker.1)
                    && self
                        .shared_diags
                        .iter()
                        .any(|d| d.file.as_deref() == Some(file.as_path()))
                {
                    return Err(format!(
                        "a warning about `{name}` points at {}",
                        file.display()
                    ));
                }
            }
        }
        Ok(())
    }

    /// Where the plan `slug` is in `clinic.plans` (sorted by slug, one
    /// plan per slug).
    fn index_of(&self, slug: &str) -> Option<usize> {
        self.clinic
            .plans
            .binary_search_by(|s| s.slug.as_str().cmp(slug))
            .ok()
    }

    /// Set (or, with `None`, remove) the plan `slug` and its diagnostics,
    /// keeping `clinic.plans` sorted and `plan_diags` aligned with it.
    /// Returns what was there.
    fn put(&mut self, slug: &str, new: Option<Entry>) -> Option<Entry> {
        self.plans_changed();
        let plans = &mut self.clinic.plans;
        match (plans.binary_search_by(|s| s.slug.as_str().cmp(slug)), new) {
            (Ok(i), Some((src, d))) => Some((
                std::mem::replace(&mut plans[i], src),
                std::mem::replace(&mut self.plan_diags[i], d),
            )),
            (Ok(i), None) => Some((plans.remove(i), self.plan_diags.remove(i))),
            (Err(i), Some((src, d))) => {
                plans.insert(i, src);
                self.plan_diags.insert(i, d);
                None
            }
            (Err(_), None) => None,
        }
    }

    /// Undo [`Prepared::put`]s, last first.
    fn restore(&mut self, backup: Vec<(String, Option<Entry>)>) {
        for (slug, old) in backup.into_iter().rev() {
            self.put(&slug, old);
        }
    }
}
