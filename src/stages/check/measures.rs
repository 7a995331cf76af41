//! Built-in outcome measures in a plan (`measure: nprs`): unknown ids
//! (HP0114, with a "did you mean"), PSFS visits naming an activity the
//! plan does not have (HP0109).

use crate::base::diag::{Code, Diagnostic, Diagnostics, Pos, closest};
use crate::content::journey::MeasureValue;
use crate::content::measures::{find, ids};
use crate::content::plan::{Measure, Plan};
use crate::content::yaml::{locate, locate_key};
use crate::stages::load::Source;

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
            Some(s) if s.per_activity && m.activities.is_empty() => diags.push(
                error(src, Code::UnknownStandardMeasure, format!("`measure: {id}` has no activities: the patient names up to five, each scored 0 to 10"), at())
                    .help("add `activities: [{ name: Climb the stairs, now: 3, target: 8 }]`"),
            ),
            Some(s) if !s.per_activity && !m.activities.is_empty() => diags.push(
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

/// A PSFS visit: `psfs: { <activity as the plan names it>: 6 }`.
#[allow(clippy::too_many_arguments)]
pub(super) fn check_activities(
    src: &Source<Plan>,
    plan: &Plan,
    visit: usize,
    key: &str,
    value: &MeasureValue,
    at: impl Fn() -> Option<Pos>,
    off_scale: ScoreCheck<'_>,
    diags: &mut Diagnostics,
) {
    let activities: Vec<_> = plan
        .goal
        .measures
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
    for (name, score) in map {
        let pos = || locate_key(&src.text, name.trim()).or_else(&at);
        match activities.iter().find(|m| m.name == name.trim()) {
            Some(m) => off_scale(m, score, pos(), diags),
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

fn error(src: &Source<Plan>, code: Code, msg: String, pos: Option<Pos>) -> Diagnostic {
    Diagnostic::error(code, msg).in_file(&src.path).at(pos)
}
