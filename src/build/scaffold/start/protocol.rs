//! `heropath new plan NAME --protocol ID`.

use super::*;
use crate::content::plan::{Measure, ProtocolRef};
use crate::content::protocol::Protocol;

/// The template's placeholders for the patient's part, where the protocol
/// leaves it out.
pub(super) const TODO_SUMMARY: &str =
    "TODO: what hurts, in one plain line (e.g. Your left knee hurts on the stairs.)";
pub(super) const TODO_WORDS: &str = "TODO: what the patient told you, in their own words";
pub(super) const TODO_GOAL: &str = "TODO: the goal you agreed on, in their words";
pub(super) const TODO_NOW: &str = "TODO: where they are today";

/// A comment-safe line: no line breaks or control characters.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The comment and `protocol:` line that open the new plan.
fn note(title: &str, path: &Path, reference: &ProtocolRef) -> String {
    format!(
        "# Started from the protocol \"{}\" (content/protocols/{}), version {}.\n\
         # Its steps, doses and responsibilities are copied here: a later change to\n\
         # the protocol never changes this plan (`heropath protocols` lists plans\n\
         # made from an older version). Fill in the patient's part: every TODO.\n\
         protocol: {{ id: {}, version: {} }}\n",
        one_line(title),
        path.file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        reference.version,
        quoted(&reference.id),
        quoted(&reference.version),
    )
}

/// The protocol's measures as a plan's, the patient's value left to fill in
/// and the scale in the name (`Knee bend (degrees)`).
fn measures(given: &[crate::content::protocol::ProtocolMeasure]) -> Vec<Measure> {
    given
        .iter()
        .map(|m| Measure {
            name: match m.scale.as_deref().map(str::trim) {
                Some(s) if !s.is_empty() && m.measure.is_none() => format!("{} ({s})", m.name),
                _ => m.name.clone(),
            },
            measure: m.measure.clone(),
            now: Some(TODO_NOW.into()),
            target: m.target.clone(),
            id: None,
            scale: None,
            ..Measure::default()
        })
        .collect()
}

/// Write a new plan for `name` from protocol `id` (`content/protocols/<id>.yaml`).
pub fn new_plan_from_protocol(
    root: &Path,
    name: &str,
    id: &str,
    today: Date,
) -> Result<Started, ScaffoldError> {
    let (name, _slug, rel) = place(root, Kind::Plan, name)?;
    let path = find_source(root, "content/protocols", id, "protocol")?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (p, _): (Protocol, _) = read_parsed(root, &path)?;
    let given = p.problem.clone().unwrap_or_default();
    let goal = p.goal.clone().unwrap_or_default();
    let measures = measures(&goal.measures);
    let weeks = p.weeks.unwrap_or(8);
    let problem = Problem {
        summary: given.summary.unwrap_or_else(|| TODO_SUMMARY.into()),
        in_their_words: Some(given.in_their_words.unwrap_or_else(|| TODO_WORDS.into())),
        details: given.details,
    };
    let goal_out = Goal {
        statement: goal.statement.clone().unwrap_or_else(|| TODO_GOAL.into()),
        target_date: Date::parse(&in_weeks(today, weeks)),
        agreed_on: Some(today),
        measures,
    };
    let programme = Programme {
        problem,
        goal: goal_out,
        steps: &p.steps,
        responsibilities: &p.responsibilities,
    };
    let programme = crate::content::yaml::emit(&programme, &mut |_| None)
        .ok_or_else(|| ScaffoldError::BadSource("the protocol could not be copied".into()))?;
    let reference = ProtocolRef {
        id: id.clone(),
        version: p.version(),
    };
    let note = note(&p.title, &path, &reference);
    let text = assemble(
        root,
        Assembly {
            name: &name,
            rel: &rel,
            today,
            note,
            language: None,
            programme,
            success: p.success.as_deref(),
        },
    )?;
    let mut copied = copied_programme(&p.steps, &p.responsibilities);
    if !goal.measures.is_empty() {
        copied.push(format!(
            "{} (names, scales and targets)",
            count(goal.measures.len(), "measure", "measures")
        ));
    }
    copied.push(format!("goal target date in {weeks} weeks"));
    let path = write_new(root, rel, &text)?;
    Ok(Started {
        path,
        copied,
        left_out: vec![format!(
            "the patient's part: {} to fill in (run `heropath check` to find them)",
            count(todos(&text), "TODO", "TODOs")
        )],
        left_out_heading: "to fill in",
    })
}
