//! Built-in outcome measures in a plan (`measure: nprs`): unknown ids
//! (HP0114, with a "did you mean"), PSFS visits naming an activity the
//! plan does not have (HP0109); advice: a plan without any (HP0115), one
//! not recorded for over [`STALE_DAYS`] days (HP0116).

use crate::base::date::Date;
use crate::base::diag::{Code, Diagnostic, Diagnostics, Pos, closest};
use crate::content::journey::{Better, MeasureValue, Scale, same_activity};
use crate::content::measures::{find, ids};
use crate::content::plan::{Measure, Plan};
use crate::content::yaml::{locate, locate_key};
use crate::stages::load::{Clinic, Source};

use super::journey::error;

/// A goal measure whose `target` is worse than `now` on a scale with a
/// direction (HP0119, a warning): the handout would print a goal the
/// patient must not reach ("Pain: 2 → 7"). Most often `now` and `target`
/// were swapped, or the scale was read the wrong way round (on NPRS lower
/// is better). Equal values are a goal to keep where one is: fine.
pub(super) fn advise_direction(
    src: &Source<Plan>,
    m: &Measure,
    scale: &Scale,
    (now, target): (&str, &str),
    at: impl Fn() -> Option<Pos>,
    diags: &mut Diagnostics,
) {
    let on_scale = |v: &str| scale.read(v).filter(|&n| scale.contains(n));
    let (Some(n), Some(t)) = (on_scale(now), on_scale(target)) else {
        // Off the scale or not a number: HP0110 says so.
        return;
    };
    let (worse, way) = match scale.better {
        Better::Lower => (t > n, "lower"),
        Better::Higher => (t < n, "higher"),
    };
    if !worse {
        return;
    }
    let fmt = crate::content::journey::format_number;
    diags.push(
        Diagnostic::warning(
            Code::TargetWorse,
            format!(
                "the target of `{}` ({}) is worse than now ({}): on its scale {way} is better",
                m.name,
                fmt(t),
                fmt(n)
            ),
        )
        .in_file(&src.path)
        .at(at())
        .help(format!(
            "if `now:` and `target:` were swapped, swap them back (`now: {}`, `target: {}`): the target is where the patient wants to get to",
            fmt(t),
            fmt(n)
        )),
    );
}

/// Words that say a measure should change without saying by how much.
const VAGUE: [&str; 30] = [
    "better",
    "improve",
    "improved",
    "improvement",
    "improving",
    "progress",
    "stronger",
    "easier",
    "good",
    "fine",
    "ok",
    "okay",
    "well",
    "less",
    "more",
    "lower",
    "higher",
    "increase",
    "increased",
    "decrease",
    "decreased",
    "reduce",
    "reduced",
    "reduction",
    "gain",
    "gains",
    "mejor",
    "mejorar",
    "menos",
    "mieux",
];

/// Words that go with [`VAGUE`] ones and add no amount ("much better",
/// "less pain", "feel stronger than now").
const AROUND_VAGUE: [&str; 22] = [
    "a", "an", "the", "much", "lot", "bit", "little", "some", "be", "to", "feel", "get", "getting",
    "than", "now", "before", "pain", "it", "is", "and", "very", "way",
];

/// A goal measure whose `target` says no amount (HP0120, a warning):
/// "better", "improve", "less pain". The handout prints the target as the
/// place the patient is heading, and "Stairs: 1 flight → better" tells
/// nobody when they have arrived; a number, a time, a distance or a level
/// does. A target with a digit, or any other word ("pain-free",
/// "independent", "full range"), is left alone.
pub(super) fn advise_vague_targets(src: &Source<Plan>, diags: &mut Diagnostics) {
    let measures = &src.value.goal.measures;
    for (i, m) in measures.iter().enumerate() {
        let Some(target) = m.target.as_deref() else {
            continue;
        };
        // The n-th measure with this very target is at its n-th `target:`.
        let nth = measures[..i]
            .iter()
            .filter(|o| o.target.as_deref() == Some(target))
            .count();
        let at = || {
            locate(&src.text, "target", target, nth)
                .or_else(|| crate::content::yaml::locate_item(&src.text, "measures", i))
        };
        advise_vague(src, m, target, at, diags);
    }
}

fn advise_vague(
    src: &Source<Plan>,
    m: &Measure,
    target: &str,
    at: impl Fn() -> Option<Pos>,
    diags: &mut Diagnostics,
) {
    if !says_no_amount(target) {
        return;
    }
    let example = match &m.now {
        Some(now) => format!("`now: {now}` says where the patient starts; say where they will be in the same terms, e.g. `target: 3 flights`, `target: 2 out of 10`, `target: 30 minutes`"),
        None => "say it as an amount the patient can check: `target: 3 flights`, `target: 2 out of 10`, `target: 30 minutes`, `target: without a cane`".to_string(),
    };
    diags.push(
        Diagnostic::warning(
            Code::VagueTarget,
            format!(
                "the target of `{}` (\"{}\") says no amount: nobody can tell when it is reached",
                m.name,
                target.trim()
            ),
        )
        .in_file(&src.path)
        .at(at())
        .help(example),
    );
}

/// Does `target` say a change without its size: no digit, a [`VAGUE`]
/// word, and no word but those and [`AROUND_VAGUE`] ones?
fn says_no_amount(target: &str) -> bool {
    if target.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let lower = target.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| VAGUE.contains(w))
        && words
            .iter()
            .all(|w| VAGUE.contains(w) || AROUND_VAGUE.contains(w))
}

#[cfg(test)]
#[test]
fn a_target_without_an_amount_is_told_apart() {
    for t in [
        "better",
        "Improve",
        "improved!",
        "Less pain",
        "much better than now",
        "More",
        "feel stronger",
        "Mejor",
    ] {
        assert!(says_no_amount(t), "{t}");
    }
    for t in [
        "3 flights",
        "Pain 1 out of 10",
        "pain-free",
        "Independent",
        "without a cane",
        "full range",
        "better than 90°",
        "",
        "no pain",
    ] {
        assert!(!says_no_amount(t), "{t}");
    }
}

/// A standard measure's latest value older than this many days is stale.
pub const STALE_DAYS: i64 = 30;

/// Advice on a (non-draft) plan's standard outcome measures: none at all
/// (HP0115, unless site.yaml has `check: { standard_measure: false }`),
/// or one whose latest value is older than [`STALE_DAYS`] (HP0116).
pub(super) fn advise_outcomes(
    clinic: &Clinic,
    src: &Source<Plan>,
    today: Date,
    diags: &mut Diagnostics,
) {
    let plan = &src.value;
    let standards: Vec<(&Measure, &'static crate::content::measures::Standard)> = plan
        .goal
        .measures
        .iter()
        .filter_map(|m| Some((m, m.measure.as_deref().and_then(find)?)))
        .collect();
    if standards.is_empty() {
        if clinic.site.check.standard_measure {
            let at = goal_measures_key(&src.text).or_else(|| locate_key(&src.text, "goal"));
            diags.push(
                Diagnostic::warning(
                    Code::NoStandardMeasure,
                    "the plan has no standard outcome measure (NPRS, PSFS, LEFS, ODI, NDI or QuickDASH)".to_string(),
                )
                .in_file(&src.path)
                .at(at)
                .help("add one under `goal: measures:`, e.g. `- { measure: nprs, now: 6, target: 2 }`: payers ask for one, and the handout can then say whether a change is real; a clinic that does not use them sets `check: { standard_measure: false }` in site.yaml"),
            );
        }
        return;
    }
    let expanded = crate::content::measures::expand(&plan.goal.measures);
    let last_visit = plan.visits.iter().enumerate().max_by_key(|(_, v)| v.date);
    let lines = super::journey::VisitLines::of(&src.text);
    let mut seen = Vec::new();
    for (m, std) in standards {
        if seen.contains(&std.id) {
            continue;
        }
        seen.push(std.id);
        let Some(latest) = latest_record(plan, &expanded, std.id) else {
            continue;
        };
        let age = latest.days_until(today);
        if age <= STALE_DAYS {
            continue;
        }
        let at = match last_visit {
            Some((i, _)) => lines.find(i, "date"),
            None => None,
        }
        .or_else(|| {
            locate(
                &src.text,
                "measure",
                m.measure.as_deref().unwrap_or(std.id),
                0,
            )
        });
        diags.push(
            Diagnostic::warning(
                Code::StaleMeasure,
                format!("the latest {} was recorded {age} days ago ({latest})", std.short),
            )
            .in_file(&src.path)
            .at(at)
            .help(format!("measure it again and add a visit with `measures: {{ {}: ... }}`: a value older than {STALE_DAYS} days no longer says where the patient is", std.id)),
        );
    }
}

/// The day a built-in measure was last recorded: the latest visit giving
/// it a value, else the day the goal (with its `now`) was agreed.
fn latest_record(plan: &Plan, expanded: &[Measure], id: &str) -> Option<Date> {
    let parts: Vec<&Measure> = expanded
        .iter()
        .filter(|m| m.measure.as_deref() == Some(id))
        .collect();
    let visit = plan
        .visits
        .iter()
        .filter(|v| {
            v.measures
                .keys()
                .any(|k| parts.iter().any(|m| m.answers_to(k)))
        })
        .map(|v| v.date)
        .max();
    let start = plan
        .goal
        .agreed_on
        .filter(|_| parts.iter().any(|m| m.now.is_some()));
    visit.max(start)
}

/// The position of `measures:` under the top-level `goal:`.
fn goal_measures_key(text: &str) -> Option<Pos> {
    let lines: Vec<&str> = text.lines().collect();
    let goal = lines.iter().position(|l| l.starts_with("goal:"))?;
    for (i, l) in lines.iter().enumerate().skip(goal + 1) {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if l.len() == t.len() {
            return None;
        }
        if t.starts_with("measures:") {
            return Some(Pos {
                line: i + 1,
                column: l.len() - t.len() + 1,
            });
        }
    }
    None
}

/// Every `measure:` names a built-in measure; a PSFS has activities and
/// only a PSFS has them.
pub(super) fn check_standard(src: &Source<Plan>, diags: &mut Diagnostics) {
    for m in &src.value.goal.measures {
        let Some(id) = m.measure.as_deref() else {
            if !m.activities.is_empty() {
                let at = locate(&src.text, "name", &m.name, 0);
                diags.push(error(src, Code::UnknownStandardMeasure, format!("`{}` has `activities:` but is no built-in measure", m.name), at)
                    .help("activities belong to the Patient-Specific Functional Scale: `measure: psfs`"));
            }
            continue;
        };
        let at = || locate(&src.text, "measure", id, 0);
        match find(id) {
            None => {
                let help = match closest(id, ids()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!(
                        "the built-in measures are: {}; for another measure, write `name:` and `scale:` instead",
                        ids().join(", ")
                    ),
                };
                diags.push(
                    error(
                        src,
                        Code::UnknownStandardMeasure,
                        format!("no built-in measure is called `{id}`"),
                        at(),
                    )
                    .help(help),
                );
            }
            Some(s) if s.per_activity() && m.activities.is_empty() => diags.push(
                error(src, Code::UnknownStandardMeasure, format!("`measure: {id}` has no activities: the patient names up to five, each scored 0 to 10"), at())
                    .help("add `activities: [{ name: Climb the stairs, now: 3, target: 8 }]`"),
            ),
            Some(s) if !s.per_activity() && !m.activities.is_empty() => diags.push(
                error(src, Code::UnknownStandardMeasure, format!("`measure: {id}` takes no `activities:`; only the PSFS does"), at())
                    .help("give `now:` and `target:` scores instead"),
            ),
            Some(_) if m.scale.is_some() => diags.push(
                error(src, Code::BadScale, format!("`measure: {id}` comes with its own scale"), at())
                    .help("remove `scale:`"),
            ),
            Some(_) => {}
        }
    }
}

/// A checker of one score against its measure's scale.
pub(super) type ScoreCheck<'a> = &'a dyn Fn(&Measure, &MeasureValue, Option<Pos>, &mut Diagnostics);

/// A PSFS visit: `psfs: { <activity as the plan names it>: 6 }`, against
/// the goal's `measures` (built-in ones expanded).
#[allow(clippy::too_many_arguments)]
pub(super) fn check_activities(
    src: &Source<Plan>,
    measures: &[Measure],
    visit: usize,
    key: &str,
    value: &MeasureValue,
    at: impl Fn() -> Option<Pos>,
    off_scale: ScoreCheck<'_>,
    diags: &mut Diagnostics,
) {
    let activities: Vec<_> = measures
        .iter()
        .filter(|m| m.answers_to(key) && m.activity.is_some())
        .collect();
    let MeasureValue::Activities(map) = value else {
        diags.push(
            error(
                src,
                Code::OutOfScale,
                format!(
                    "visit {}: `{key}` is scored per activity, not as one value",
                    visit + 1
                ),
                at(),
            )
            .help(format!(
                "write `{key}: {{ {}: 6 }}`",
                activities.first().map_or("<activity>", |m| m.name.as_str())
            )),
        );
        return;
    };
    // The activities this visit scored already, under the key it used.
    let mut given: Vec<(&str, &Measure)> = Vec::new();
    for (name, score) in map {
        let pos = || locate_key(&src.text, name.trim()).or_else(&at);
        match activities.iter().find(|m| same_activity(&m.name, name)) {
            Some(m) if given.iter().any(|(_, g)| std::ptr::eq(*g, *m)) => {
                let first = given
                    .iter()
                    .find(|(_, g)| std::ptr::eq(*g, *m))
                    .map_or("", |g| g.0);
                let (a, b) = (locate_key(&src.text, first.trim()), pos());
                let (one, two) = if a > b {
                    (name.trim(), first.trim())
                } else {
                    (first.trim(), name.trim())
                };
                diags.push(
                    error(
                        src,
                        Code::MeasureTwice,
                        format!(
                            "visit {} scores the PSFS activity `{}` twice: as `{one}` and as `{two}`",
                            visit + 1,
                            m.name
                        ),
                        a.max(b).or_else(&at),
                    )
                    .help("keep one of them: a visit scores each activity once"),
                );
            }
            Some(m) => {
                given.push((name, m));
                off_scale(m, score, pos(), diags)
            }
            None => {
                let names = activities.iter().map(|m| m.name.as_str());
                let help = match closest(name, names.clone()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!(
                        "the plan's activities are: {}",
                        names.collect::<Vec<_>>().join("; ")
                    ),
                };
                diags.push(
                    error(
                        src,
                        Code::UnknownMeasure,
                        format!("the PSFS has no activity called `{}`", name.trim()),
                        pos(),
                    )
                    .help(help),
                );
            }
        }
    }
}
