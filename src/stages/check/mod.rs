//! Stage 2, **check**: problems that need more than one file to see
//! (unknown exercise ids, pictures, consent, output folders), and advice.
//!
//! By concern: `plan` (a plan's structure, its exercises, pictures and
//! videos), `consent` (stories that may not be published, HP020x), `journey`
//! (visits and measure scales, HP0109–HP0113), `measures` (built-in
//! outcome measures, HP0114–HP0116),
//! `outputs` (output folders, HP0401), `plain_language` (reading level
//! and jargon, HP0601/HP0602, measured by [`readability`]), `advice`
//! (PEMAT actionability, HP07xx), `pemat` (pictures, written steps and
//! tasks that contradict the dose, HP0711-HP0713), `protocol` (the clinic's protocols,
//! checked like plans) and [`unfinished`] (template text, empty
//! fields, dates and times, comma-cut lists). This file runs them all.

mod advice;
mod consent;
mod contact;
mod journey;
mod measures;
mod outputs;
mod pemat;
mod plain_language;
mod plan;
mod protocol;
pub mod readability;
mod site;
pub mod unfinished;

pub use outputs::{
    Origin, SOURCE_DIRS, check_blocked, check_handout_file, check_outputs, normalize, resolve,
};

use crate::base::date::Date;
use crate::base::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::content::plan::Plan;
use crate::stages::load::{Clinic, Source};
use std::path::Path;

/// Run every check of the clinic (the check stage). Library problems go into `diags`; each
/// plan's own diagnostics are returned, one list per plan of
/// `clinic.plans` (sorted), for the caller to report and cache. `reuse`
/// may supply a plan's diagnostics from an earlier run instead.
pub fn check_clinic(
    clinic: &Clinic,
    today: Date,
    diags: &mut Diagnostics,
    reuse: &(dyn Fn(&Source<Plan>) -> Option<Vec<Diagnostic>> + Sync),
) -> Vec<Vec<Diagnostic>> {
    use rayon::prelude::*;
    let reused: Vec<Option<Vec<Diagnostic>>> = clinic
        .plans
        .par_iter()
        .with_max_len(crate::base::parallel::PLANS_PER_TASK)
        .map(reuse)
        .collect();
    // The jargon index and shared facts are worth building only when a
    // plan is checked afresh (never lazily inside the parallel loop: a
    // work-stealing thread could re-enter the initialiser).
    let fresh = reused.iter().any(Option::is_none);
    let jargon = fresh.then(|| plain_language::jargon_index(clinic));
    let shared = jargon.as_ref().map(|j| {
        let fresh: Vec<&Source<Plan>> = clinic
            .plans
            .iter()
            .zip(&reused)
            .filter(|(_, r)| r.is_none())
            .map(|(p, _)| p)
            .collect();
        plain_language::shared_facts(clinic, &fresh, j)
    });
    // Plans are checked in parallel; diagnostics are sorted before printing,
    // so their order does not depend on the threads.
    let per_plan: Vec<Vec<Diagnostic>> = clinic
        .plans
        .par_iter()
        .zip(reused)
        .with_max_len(crate::base::parallel::PLANS_PER_TASK)
        .map(|(src, reused)| match (reused, &jargon, &shared) {
            (Some(d), _, _) => d,
            (None, Some(jargon), Some(shared)) => {
                let mut d = Diagnostics::default();
                plan::check_plan(clinic, src, today, &mut d);
                journey::check_journey(src, today, &mut d);
                unfinished::check_unfinished(src, &mut d);
                if !src.value.draft {
                    plain_language::advise(clinic, src, jargon, shared, &mut d);
                    advice::actionability(clinic, src, &mut d);
                    pemat::advise(clinic, src, &mut d);
                    unfinished::advise_dates_and_lists(src, today, &mut d);
                    contact::advise_contact(src, &mut d);
                    measures::advise_outcomes(clinic, src, today, &mut d);
                }
                d.sorted()
            }
            (None, _, _) => Vec::new(),
        })
        .collect();
    // Plans read without their unknown keys: their other problems too, in
    // the same run (they are never rendered).
    for src in &clinic.partial_plans {
        plan::check_plan(clinic, src, today, diags);
        journey::check_journey(src, today, diags);
        unfinished::check_unfinished(src, diags);
    }
    consent::check_records(clinic, today, diags);
    consent::check_revoked_elsewhere(clinic, today, diags);
    consent::check_told_twice(clinic, today, diags);
    site::check_site(clinic, diags);
    protocol::check_protocols(clinic, today, diags);
    for ex in clinic.exercises.values() {
        let v = &ex.value;
        plan::check_picture(
            clinic,
            &ex.path,
            &ex.text,
            v.image.as_deref(),
            v.image_alt.as_deref(),
            diags,
        );
        plan::check_video(&ex.path, &ex.text, v.video.as_deref(), diags);
        unfinished::cut_lists(&ex.path, &ex.text, &["cues"], diags);
        unfinished::cut_by_comments(&ex.path, &ex.text, diags);
    }
    per_plan
}

/// What a plan's own diagnostics depend on besides its text: the site, the
/// exercise library and the list of pictures (and today, for consent,
/// which [`check_clinic`]'s caller keys separately). For the build cache.
pub fn inputs_key(clinic: &Clinic) -> u128 {
    let mut f = crate::base::hash::Fingerprint::new();
    f.add(clinic.site_text.as_bytes());
    for ex in clinic.exercises.values() {
        f.add(ex.path.to_string_lossy().as_bytes())
            .add(ex.text.as_bytes());
    }
    for img in &clinic.images {
        f.add(img.as_bytes());
    }
    f.add(b"content/images/");
    for img in &clinic.site_images {
        f.add(img.as_bytes());
    }
    f.finish()
}

/// The day a plan's diagnostics depend on: consent, the next visit and
/// past visits are checked against today, so a plan with a story, a next
/// visit date or visits is re-checked each day.
pub fn depends_on_today(plan: &Plan, today: Date) -> Option<Date> {
    let visit = plan.next_visit.as_ref().is_some_and(|v| v.date.is_some());
    (plan.story.is_some() || visit || !plan.visits.is_empty()).then_some(today)
}

/// A piece of advice (a warning) on a plan, where it applies.
fn warn(file: &Path, code: Code, msg: String, pos: Option<Pos>, help: &str) -> Diagnostic {
    Diagnostic::warning(code, msg)
        .in_file(file)
        .at(pos)
        .help(help.to_string())
}
