//! `heropath new plan NAME --like SLUG`: another patient's programme,
//! without anything of theirs. What is copied is chosen key by key (steps
//! without their notes, responsibilities, measures' names and targets, the
//! language); every copied line that still names the patient, holds one of
//! their dates or phrases, or any date at all, is replaced by a TODO; and a
//! comment of the template that happens to hold one of their values is
//! cut.

use super::protocol::{TODO_GOAL, TODO_NOW, TODO_SUMMARY, TODO_WORDS};
use super::*;
use crate::content::plan::Measure;
use secrets::Secrets;

mod secrets;

/// What a copied line that named the earlier patient becomes.
const REWRITE: &str = "TODO: rewrite this line for this patient";

/// Write a new plan for `name` from the plan `slug`, without anything personal.
pub fn new_plan_like(
    root: &Path,
    name: &str,
    slug: &str,
    today: Date,
) -> Result<Started, ScaffoldError> {
    let (name, _new_slug, rel) = place(root, Kind::Plan, name)?;
    let path = find_source(root, "content/plans", slug, "plan")?;
    let (src, _): (Plan, _) = read_parsed(root, &path)?;
    let secrets = Secrets::of(&src);
    let mut steps = src.steps.clone();
    let mut notes = 0;
    for e in steps.iter_mut().flat_map(|s| s.exercises.iter_mut()) {
        notes += usize::from(e.note.take().is_some());
    }
    let measures: Vec<Measure> = src
        .goal
        .measures
        .iter()
        .map(|m| Measure {
            name: m.name.clone(),
            now: Some(TODO_NOW.into()),
            target: m.target.clone(),
        })
        .collect();
    let programme = Programme {
        problem: Problem {
            summary: TODO_SUMMARY.into(),
            in_their_words: Some(TODO_WORDS.into()),
            details: None,
        },
        goal: Goal {
            statement: TODO_GOAL.into(),
            target_date: Date::parse(&in_weeks(today, 8)),
            agreed_on: Some(today),
            measures,
        },
        steps: &steps,
        responsibilities: &src.responsibilities,
    };
    let mut rewritten = 0;
    let programme = crate::content::yaml::emit(&programme, &mut |s| {
        let (out, n) = secrets.scrub(s, REWRITE);
        rewritten += n;
        (n > 0).then_some(out)
    })
    .ok_or_else(|| ScaffoldError::BadSource("the plan could not be copied".into()))?;
    let note = format!(
        "# Started from another patient's plan: its steps, doses, responsibilities\n\
         # and measures (without their values) are copied here. Nothing of that\n\
         # patient is: fill in this patient's part, every TODO.\n"
    );
    let language = src
        .patient
        .language
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    let text = assemble(
        root,
        Assembly {
            name: &name,
            rel: &rel,
            today,
            note,
            language,
            programme,
            success: None,
        },
    )?;
    let text = secrets.cut_comments(&text);
    let mut copied = vec![
        format!(
            "{} with {} and their doses",
            count(steps.len(), "step", "steps"),
            count(exercises_in(&steps), "exercise", "exercises")
        ),
        count(tasks_in(&src.responsibilities), "responsibility", "responsibilities"),
    ];
    if !src.goal.measures.is_empty() {
        copied.push(format!(
            "{}: names and targets (not where the patient was)",
            count(src.goal.measures.len(), "measure", "measures")
        ));
    }
    if let Some(l) = language {
        copied.push(format!("the handout language ({l})"));
    }
    let mut left_out = vec![
        "name, preferred name, other names and spellings, pronouns".to_string(),
        "phone, email, birth date and every other date".to_string(),
        "problem (summary, details, their words), goal statement, success".to_string(),
        "next visit, clinician, handout options, story and consent, protocol".to_string(),
    ];
    if notes > 0 {
        left_out.push(count(notes, "exercise note", "exercise notes"));
    }
    if rewritten > 0 {
        left_out.push(format!(
            "{} that named the patient or held a date (now a TODO to rewrite)",
            count(rewritten, "copied line", "copied lines")
        ));
    }
    let path = write_new(root, rel, &text)?;
    Ok(Started {
        path,
        copied,
        left_out,
        left_out_heading: "not copied",
    })
}
