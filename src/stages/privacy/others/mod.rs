//! Another patient's identifiers in a plan (HP0121): a plan copied from
//! Dana's that still says "Dana Whitfield walks to the shop" prints Dana's
//! name on Omar's private handout. Each plan's text is sifted first (one
//! pass over its words, `sieve`); a plan that may hold another patient's
//! words is then read as the guard reads, with its index of every plan
//! (never plan × plan), and a hit of another plan's full name, email,
//! phone or birth date is an error at its line.
//!
//! Not told: what the two plans share (a household phone or email,
//! namesakes, twins' birth date, a birth date that is also one of this
//! plan's own dates), and the people the plan lists under
//! `patient: may_name:` (a spouse who is also a patient). A family name
//! alone and near spellings are left to the reader: patients of one
//! family share them. A title with another patient's family name ("Mrs.
//! Lopez") is told (`titles`), unless this patient shares the name.

use super::fold::Stream;
use super::index::phone_needles;
use super::scan::PlanHit;
use super::{DateKind, Guard, What};
use crate::base::diag::{Code, Diagnostic, Pos};
use crate::content::plan::Plan;
use crate::stages::load::Source;
use rayon::prelude::*;

mod sieve;
mod titles;

/// The HP0121 errors of the plans `which` marks, each with the index of
/// its plan. `guard` is built over `plans`, in this order (a hit's `plan`
/// is an index into it).
pub fn other_patients(
    plans: &[Source<Plan>],
    guard: &Guard,
    which: &[bool],
) -> Vec<(usize, Diagnostic)> {
    if plans.len() < 2 {
        return Vec::new();
    }
    let sieve = sieve::Sieve::new(plans);
    plans
        .par_iter()
        .enumerate()
        .with_max_len(crate::base::parallel::PLANS_PER_TASK)
        .filter(|(i, _)| which.get(*i).copied().unwrap_or(true))
        .filter(|(i, _)| sieve.may_hold_other(plans, *i))
        .flat_map_iter(|(i, src)| {
            of_plan(plans, guard, &sieve, i, src)
                .into_iter()
                .map(move |d| (i, d))
        })
        .collect()
}

/// The kinds of identifier that say which other patient is meant.
fn told(what: What) -> bool {
    matches!(
        what,
        What::FullName | What::Email | What::Phone | What::Date(DateKind::Birth)
    )
}

fn of_plan(
    plans: &[Source<Plan>],
    guard: &Guard,
    sieve: &sieve::Sieve,
    i: usize,
    src: &Source<Plan>,
) -> Vec<Diagnostic> {
    let hits: Vec<PlanHit> = guard
        .scan_plan(&src.text)
        .into_iter()
        .filter(|h| h.plan != i && told(h.what))
        .collect();
    let titled = titles::hits(sieve, guard, i, &src.value, &src.text);
    if hits.is_empty() {
        return titled.into_iter().map(|at| by_title(src, at)).collect();
    }
    // Names this patient's own name reads as (a nickname's full form:
    // "Alejandro Trujillo" is also Alex Trujillo's full name).
    let own_names: Vec<usize> = guard
        .scan_plan(&own_names(&src.value.patient))
        .into_iter()
        .filter(|h| h.what == What::FullName)
        .map(|h| h.plan)
        .collect();
    let mut out = Vec::new();
    for h in hits {
        let Some(other) = plans.get(h.plan) else {
            continue;
        };
        let (mine, theirs) = (&src.value, &other.value);
        if allowed(mine, theirs)
            || shared(mine, theirs, h.what)
            || (h.what == What::FullName && own_names.contains(&h.plan))
        {
            continue;
        }
        let lines: Vec<u32> = match h.lines.is_empty() {
            true => vec![1],
            false => h.lines.iter().copied().collect(),
        };
        for line in lines {
            out.push(error(src, &h, line as usize));
        }
    }
    for at in titled {
        if !out.iter().any(|d| d.pos.is_some_and(|p| p.line == at.0)) {
            out.push(by_title(src, at));
        }
    }
    out.sort_by_key(|d| d.pos);
    out
}

/// The error for a title with another patient's family name at `at`
/// (line, column) of `src`.
fn by_title(src: &Source<Plan>, (line, column): (usize, usize)) -> Diagnostic {
    Diagnostic::error(
        Code::OtherPatient,
        "this plan holds another patient's family name after a title (as in \"Mrs. …\"): it would print on this patient's handout",
    )
    .in_file(&src.path)
    .at(Some(Pos { line, column }))
    .help(HELP)
    .sensitive()
}

/// What to do about another patient's identifier in a plan.
const HELP: &str = "take it out (a plan copied from another patient's keeps their words); if this patient may name them (a spouse who is also a patient), list them under `patient:` as `may_name: [their full name]`";

/// The patient's own names, one a line, as their plan writes them, and
/// their email.
fn own_names(p: &crate::content::plan::Patient) -> String {
    let mut out = vec![p.name.clone()];
    let family = p
        .family_names
        .last()
        .cloned()
        .or_else(|| p.name.split_whitespace().last().map(str::to_string));
    for given in p.preferred_name.iter().chain(&p.given_names) {
        if let Some(f) = &family {
            out.push(format!("{given} {f}"));
        }
    }
    out.extend(p.other_spellings.iter().cloned());
    // A household's email named after one of them ("maria.lopez@…" in
    // both plans) reads as her name in his plan too.
    out.extend(p.email.iter().cloned());
    out.join("\n")
}

/// The error for `h` at `line` of `src`.
fn error(src: &Source<Plan>, h: &PlanHit, line: usize) -> Diagnostic {
    let line = line.max(1);
    let column = src.text.lines().nth(line - 1).map_or(1, |l| {
        l.chars().take_while(|c| c.is_whitespace()).count() + 1
    });
    let what = h.what.describe(&h.key);
    let what = what.strip_prefix("the ").unwrap_or(&what);
    Diagnostic::error(
        Code::OtherPatient,
        format!("this plan holds another {what}: it would print on this patient's handout"),
    )
    .in_file(&src.path)
    .at(Some(Pos { line, column }))
    .help(HELP)
    .sensitive()
}

/// The words of a name, folded as the guard folds them.
fn words(name: &str) -> Vec<String> {
    Stream::of(name)
        .words()
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Does `plan` list `other`'s patient under `may_name`?
fn allowed(plan: &Plan, other: &Plan) -> bool {
    let theirs = words(&other.patient.name);
    !theirs.is_empty() && plan.patient.may_name.iter().any(|n| words(n) == theirs)
}

/// Is the identifier found one this plan's patient shares with `other`'s?
fn shared(plan: &Plan, other: &Plan, what: What) -> bool {
    let (mine, theirs) = (&plan.patient, &other.patient);
    match what {
        // Namesakes, or a name inside this patient's own ("Maria Lopez"
        // in "Maria Lopez Garcia").
        What::FullName => {
            let (mine, theirs) = (words(&mine.name), words(&theirs.name));
            !theirs.is_empty() && mine.windows(theirs.len()).any(|w| w == theirs.as_slice())
        }
        What::Email => match (&mine.email, &theirs.email) {
            (Some(a), Some(b)) => a.trim().eq_ignore_ascii_case(b.trim()),
            _ => false,
        },
        What::Phone => match (&mine.phone, &theirs.phone) {
            (Some(a), Some(b)) => {
                let a = phone_needles(a);
                phone_needles(b)
                    .iter()
                    .any(|n| n.len() >= 7 && a.contains(n))
            }
            _ => false,
        },
        What::Date(DateKind::Birth) => theirs
            .birth_date
            .is_none_or(|d| own_dates(plan).any(|o| o == d)),
        _ => false,
    }
}

/// This plan's own dates (its patient's birth date, its visits, goal,
/// next visit and consent).
fn own_dates(plan: &Plan) -> impl Iterator<Item = crate::base::date::Date> + '_ {
    let story = plan.story.as_ref();
    [
        plan.patient.birth_date,
        plan.goal.agreed_on,
        plan.goal.target_date,
        plan.next_visit.as_ref().and_then(|v| v.date),
        story
            .and_then(|s| s.consent.as_ref())
            .and_then(|c| c.signed_on),
    ]
    .into_iter()
    .flatten()
    .chain(plan.visits.iter().map(|v| v.date))
}
