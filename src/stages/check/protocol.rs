//! A clinic's protocols (`content/protocols/`), checked like plans: steps,
//! responsibilities, unknown exercise ids (with did-you-mean), pictures,
//! videos, doses and steps (PEMAT), reading level, jargon and comma-cut lists, at the protocol's
//! file:line. `TODO:` placeholders are allowed here (they mark the
//! patient's part, which each new plan fills in and `check` then holds
//! the plan to), so they are left out of the reading level.

use super::{advice, plain_language, plan, unfinished};
use crate::base::date::Date;
use crate::base::diag::Diagnostics;
use crate::content::plan::{Goal, Measure, Patient, Plan, Problem};
use crate::content::protocol::Protocol;
use crate::stages::load::{Clinic, Source};

/// Every protocol's problems, into `diags`.
pub(super) fn check_protocols(clinic: &Clinic, today: Date, diags: &mut Diagnostics) {
    if clinic.protocols.is_empty() {
        return;
    }
    let jargon = plain_language::jargon_index(clinic);
    let library = plain_language::shared_facts(clinic, &[], &jargon);
    for src in clinic.protocols.values() {
        let as_plan = Source {
            path: src.path.clone(),
            slug: src.slug.clone(),
            text: src.text.clone(),
            hash: src.hash,
            value: as_plan(&src.value),
        };
        plan::check_plan(clinic, &as_plan, today, diags);
        plain_language::advise(clinic, &as_plan, &jargon, &library, diags);
        advice::programme(clinic, &as_plan, diags);
        unfinished::cut_lists(
            &src.path,
            &src.text,
            &["clinician", "patient", "together", "cues"],
            diags,
        );
    }
}

/// `Some(text)` unless it is a placeholder for the patient's part.
fn written(t: &Option<String>) -> Option<String> {
    t.as_ref().filter(|s| !s.contains("TODO")).cloned()
}

/// The protocol as a plan with no patient, for the plan checks.
fn as_plan(p: &Protocol) -> Plan {
    let problem = p.problem.clone().unwrap_or_default();
    let goal = p.goal.clone().unwrap_or_default();
    Plan {
        patient: Patient {
            name: String::new(),
            preferred_name: None,
            pronouns: None,
            language: None,
            birth_date: None,
            phone: None,
            email: None,
            may_name: Vec::new(),
            given_names: Vec::new(),
            family_names: Vec::new(),
            former_names: Vec::new(),
            other_spellings: Vec::new(),
        },
        clinician: None,
        problem: Problem {
            summary: written(&problem.summary).unwrap_or_default(),
            in_their_words: None,
            details: written(&problem.details),
        },
        goal: Goal {
            statement: written(&goal.statement).unwrap_or_default(),
            target_date: None,
            agreed_on: None,
            measures: goal
                .measures
                .iter()
                .map(|m| Measure {
                    name: m.name.clone(),
                    measure: m.measure.clone(),
                    now: None,
                    target: m.target.clone(),
                    id: None,
                    scale: None,
                    ..Measure::default()
                })
                .collect(),
        },
        steps: p.steps.clone(),
        responsibilities: p.responsibilities.clone(),
        next_visit: None,
        success: written(&p.success),
        draft: false,
        handout: None,
        story: None,
        protocol: None,
        safety: Vec::new(),
        visits: Vec::new(),
    }
}
