//! Actionability advice (AHRQ PEMAT, HP07xx): named actions, explicit
//! steps, a dose for every exercise, tasks for the patient, a next step.
//! Warnings only: a plan without them still prints.

use super::warn;
use crate::base::diag::{Code, Diagnostics};
use crate::content::plan::Plan;
use crate::content::yaml::{locate, locate_key};
use crate::stages::load::{Clinic, Source};

/// Every actionability warning of one plan.
pub(super) fn actionability(clinic: &Clinic, src: &Source<Plan>, diags: &mut Diagnostics) {
    programme(clinic, src, diags);
    let plan = &src.value;
    let file = &src.path;
    if plan.next_visit.is_none() {
        diags.push(warn(
            file,
            Code::NoNextVisit,
            "the plan has no next visit".into(),
            None,
            "add `next_visit: { date: YYYY-MM-DD, time: \"10:30\", focus: ... }`",
        ));
    }
    if plan.goal.target_date.is_none() {
        diags.push(warn(
            file,
            Code::NoTargetDate,
            "the goal has no target date".into(),
            locate_key(&src.text, "goal"),
            "add `target_date: YYYY-MM-DD` so you can check progress together",
        ));
    }
}

/// The warnings of the programme alone (steps, doses, the patient's own
/// tasks), which a protocol gets too.
pub(super) fn programme(clinic: &Clinic, src: &Source<Plan>, diags: &mut Diagnostics) {
    steps(clinic, src, diags);
    if src.value.responsibilities.patient.is_empty() {
        diags.push(warn(
            &src.path,
            Code::NoPatientTasks,
            "the plan gives the patient no tasks of their own".into(),
            locate_key(&src.text, "responsibilities"),
            "add `patient: [ ... ]` under `responsibilities`: what will they do?",
        ));
    }
}

/// Steps that say nothing to do or prescribe too much at once, and
/// exercises without a dose.
fn steps(clinic: &Clinic, src: &Source<Plan>, diags: &mut Diagnostics) {
    let file = &src.path;
    for (si, step) in src.value.steps.iter().enumerate() {
        if step.exercises.is_empty() && step.why.as_deref().is_none_or(|w| w.trim().is_empty()) {
            diags.push(warn(
                file,
                Code::EmptyStep,
                format!(
                    "step {} (\"{}\") has neither exercises nor text",
                    si + 1,
                    step.title
                ),
                locate(&src.text, "title", &step.title, 0),
                "add exercises, or a `why:` that says what the patient does in this step",
            ));
        }
        if step.exercises.len() > 4 {
            diags.push(warn(
                file,
                Code::TooManyExercises,
                format!(
                    "step {} prescribes {} home exercises at once",
                    si + 1,
                    step.exercises.len()
                ),
                locate(&src.text, "title", &step.title, 0),
                "patients do fewer exercises more often: keep to four or fewer at a time",
            ));
        }
        for e in &step.exercises {
            let p = clinic.prescription(e, src.value.language(&clinic.site));
            if !p.dose().says_how_much() {
                let name = p
                    .name()
                    .map(str::to_string)
                    .or_else(|| e.use_id.clone())
                    .unwrap_or_default();
                let pos = e.use_id.as_ref().map_or_else(
                    || locate(&src.text, "name", &name, 0),
                    |id| locate(&src.text, "use", id, 0),
                );
                diags.push(warn(
                    file,
                    Code::NoDose,
                    format!("exercise `{name}` has no dose"),
                    pos,
                    "say how much and how often, e.g. `reps: 10` and `per_day: 2`",
                ));
            }
        }
    }
}
