//! Another patient's identifiers in a plan (HP0121, see
//! [`crate::stages::privacy::others`]) in a build's preparation: which
//! plans to scan, and the key that lets a plan's cached diagnostics stand.
//!
//! A plan's HP0121 errors depend on its text and on every other patient's
//! identifiers, so the key its cached diagnostics are kept under holds a
//! fingerprint of every plan's `patient:` block and clinician (what the
//! guard's index is made of). When none changed, only the plans whose
//! diagnostics are checked afresh are scanned (none, in a build with
//! nothing changed); a new patient has every plan scanned once. A plan
//! with an error is never cached (a build that finds one writes nothing).

use super::*;
use crate::content::plan::Plan;

/// The key a plan's cached diagnostics are kept under: what they depend
/// on besides its text (`inputs`, see [`check::inputs_key`]) and every
/// patient's identifiers.
pub(super) fn diagnostics_key(inputs: u128, clinic: &Clinic) -> u128 {
    let mut key = cache::Fingerprint::new();
    key.add(&inputs.to_le_bytes());
    for src in &clinic.plans {
        let v = &src.value;
        let who = serde_json::to_vec(&(&v.patient, &v.clinician)).unwrap_or_default();
        key.add(src.path.to_string_lossy().as_bytes()).add(&who);
    }
    key.finish()
}

/// A plan's diagnostics from the last build, when they stand.
pub(super) fn reuse(
    cache: &Option<Cache>,
    key: u128,
    today: Date,
) -> impl Fn(&load::Source<Plan>) -> Option<Vec<Diagnostic>> + Sync + '_ {
    move |src| {
        let today_key = check::depends_on_today(&src.value, today);
        cache
            .as_ref()?
            .diagnostics(&src.path, src.hash, key, today_key)
    }
}

/// Which plans' diagnostics `reuse` does not supply (checked afresh).
pub(super) fn fresh(
    clinic: &Clinic,
    reuse: &(dyn Fn(&load::Source<Plan>) -> Option<Vec<Diagnostic>> + Sync),
) -> Vec<bool> {
    clinic
        .plans
        .par_iter()
        .with_max_len(crate::base::parallel::PLANS_PER_TASK)
        .map(|src| reuse(src).is_none())
        .collect()
}

/// Scan the `fresh` plans for other patients' identifiers; each error
/// goes into its plan's diagnostics and `diags`.
pub(super) fn add_other_patients(p: &mut Prepared, fresh: &[bool], diags: &mut Diagnostics) {
    if p.clinic.plans.len() < 2 || !fresh.contains(&true) {
        return;
    }
    let found = privacy::others::other_patients(&p.clinic.plans, full_guard(p), fresh);
    for (i, d) in found {
        if let Some(list) = p.plan_diags.get_mut(i) {
            list.push(d.clone());
        }
        diags.push(d);
    }
}

/// HP0121 for `handout`, which loads one plan: the other plans are read
/// too (parsed plans from the build cache where it has them; any that do
/// not read are passed over: their problems are not this handout's), and
/// `plan` is scanned against them.
pub(super) fn of_one(opts: &Options, plan: &load::Source<Plan>) -> Vec<Diagnostic> {
    let cache = (!opts.no_cache).then(|| Cache::open(&opts.root)).flatten();
    let mut ignored = Diagnostics::default();
    let Some(all) = load::load_reusing(&opts.root, &mut ignored, &|path, hash| {
        cache.as_ref().and_then(|c| c.plan(path, hash))
    }) else {
        return Vec::new();
    };
    let mut plans = all.plans;
    plans.retain(|p| p.path != plan.path);
    if plans.is_empty() {
        return Vec::new();
    }
    let i = plans.partition_point(|p| p.slug < plan.slug);
    plans.insert(i, plan.clone());
    let cx = privacy::Context {
        site: &all.site,
        published: Vec::new(),
        months: Vec::new(),
        today: opts.today(),
        stamp: None,
    };
    let guard = Guard::new(&plans, &cx);
    let which: Vec<bool> = (0..plans.len()).map(|j| j == i).collect();
    privacy::others::other_patients(&plans, &guard, &which)
        .into_iter()
        .map(|(_, d)| d)
        .collect()
}
