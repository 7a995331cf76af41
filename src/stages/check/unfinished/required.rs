//! Required text left empty, or with no word in it (`"???"`, `"-"`): the
//! patient's name, the problem's summary, the goal, a measure's name, a
//! step's title, an exercise written in the plan without a name or
//! instructions, and a responsibility or cue that would print as an empty
//! bullet.

use crate::base::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::content::plan::Plan;
use crate::content::yaml::{locate, locate_exercise, locate_item, locate_key};
use crate::stages::load::Source;
use std::collections::HashMap;

/// No letter and no digit: nothing, or only marks (`"???"`, `"..."`).
fn blank(s: &str) -> bool {
    !s.chars().any(char::is_alphanumeric)
}

/// How a blank text is described: empty, or what it holds instead.
fn emptiness(s: &str) -> String {
    match s.trim() {
        "" => "is empty".into(),
        marks => format!("holds no words (`{marks}`)"),
    }
}

/// An error for every required text of the plan that is empty.
pub(super) fn empty_required(src: &Source<Plan>, diags: &mut Diagnostics) {
    let plan = &src.value;
    let text = &src.text;
    // A name with no letter (a record number pasted in) names nobody: the
    // handout would greet "12345", and the privacy guard would look for
    // no name at all.
    let name = &plan.patient.name;
    if !name.chars().any(char::is_alphabetic) {
        let what = match name.trim() {
            "" => emptiness(name),
            digits => format!("has no letter (`{digits}`)"),
        };
        diags.push(
            Diagnostic::error(Code::EmptyRequired, format!("`patient.name` {what}"))
                .in_file(&src.path)
                .at(locate(text, "name", name, 0).or_else(|| locate_key(text, "patient")))
                .help("write the patient's name as on their record, e.g. `name: Maria Lopez`"),
        );
    }
    let mut push = |what: String, value: &str, pos: Option<Pos>, help: &str| {
        diags.push(
            Diagnostic::error(Code::EmptyRequired, format!("{what} {}", emptiness(value)))
                .in_file(&src.path)
                .at(pos)
                .help(help.to_string()),
        );
    };
    if blank(&plan.problem.summary) {
        push(
            "`problem.summary`".into(),
            &plan.problem.summary,
            locate_key(text, "summary").or_else(|| locate_key(text, "problem")),
            "write what brings the patient in, in one plain line, e.g. `summary: Your left knee hurts on the stairs.`",
        );
    }
    if blank(&plan.goal.statement) {
        push(
            "`goal.statement`".into(),
            &plan.goal.statement,
            locate_key(text, "statement").or_else(|| locate_key(text, "goal")),
            "write the goal you agreed on, in the patient's words, e.g. `statement: Walk up the stairs without stopping.`",
        );
    }
    // A measure says what it measures, or is a standard one.
    for (i, m) in plan.goal.measures.iter().enumerate() {
        if m.measure.is_none() && blank(&m.name) {
            let entry = locate_item(text, "measures", i);
            push(
                format!("the name of measure {}", i + 1),
                &m.name,
                entry
                    .and_then(|e| key_in_entry(text, e, "name"))
                    .or(entry)
                    .or_else(|| locate_key(text, "measures")),
                "say what it measures, e.g. `name: Walk without your cane`, or use a standard one: `measure: nprs`",
            );
        }
        // Its `now` and `target`, when text (a scale checks numbers:
        // HP0110), print on the handout as where the patient is and the aim.
        if m.measure.is_some() || m.scale.is_some() {
            continue;
        }
        for (key, value) in [("now", &m.now), ("target", &m.target)] {
            if let Some(v) = value.as_deref().filter(|v| blank(v)) {
                let entry = locate_item(text, "measures", i);
                push(
                    format!("the `{key}` of measure {}", i + 1),
                    v,
                    entry
                        .and_then(|e| key_in_entry(text, e, key))
                        .or(entry)
                        .or_else(|| locate_key(text, "measures")),
                    "write it in words, e.g. `now: 1 flight of stairs`, `target: 3 flights`, or delete the line",
                );
            }
        }
    }
    let mut same_title: HashMap<&str, usize> = HashMap::new();
    for (si, step) in plan.steps.iter().enumerate() {
        let k = same_title.entry(step.title.as_str()).or_default();
        let nth = *k;
        *k += 1;
        if blank(&step.title) {
            push(
                format!("the title of step {}", si + 1),
                &step.title,
                locate(text, "title", &step.title, nth).or_else(|| locate_key(text, "steps")),
                "give the step a short name, e.g. `title: Calm the pain`",
            );
        }
        for (ei, item) in step.exercises.iter().enumerate() {
            // Library exercises bring their own name and instructions.
            if item.use_id.is_some() {
                continue;
            }
            let Some(name) = &item.name else { continue };
            let missing_instructions = item.instructions.as_deref().is_none_or(blank);
            if !blank(name) && !missing_instructions {
                continue;
            }
            let entry = locate_exercise(text, si, ei);
            let key_pos = |key: &str| entry.and_then(|e| key_in_entry(text, e, key));
            let label = if blank(name) {
                format!("step {}, exercise {}", si + 1, ei + 1)
            } else {
                format!("exercise `{}`", name.trim())
            };
            if blank(name) {
                push(
                    format!("the name of {label}"),
                    name,
                    key_pos("name")
                        .or(entry)
                        .or_else(|| locate(text, "name", name, 0)),
                    "name the exercise, e.g. `name: Heel slide`, or write `use: <id>` for one from the library",
                );
            }
            if missing_instructions {
                push(
                    format!("the instructions of {label}"),
                    item.instructions.as_deref().unwrap_or(""),
                    key_pos("instructions")
                        .or(entry)
                        .or_else(|| locate_key(text, "exercises")),
                    "write the steps the patient follows, e.g. `instructions: Lie on your back. Slide your heel toward you.`, or `use:` a library exercise",
                );
            }
        }
    }
    empty_items(src, &mut push);
}

/// An error for every item of a list that would print as an empty bullet:
/// a responsibility or a cue with no word in it.
fn empty_items(src: &Source<Plan>, push: &mut impl FnMut(String, &str, Option<Pos>, &str)) {
    let (plan, text) = (&src.value, &src.text);
    let r = &plan.responsibilities;
    // Found only for a finding: this runs on every plan, and most have
    // no blank item.
    let resp = std::cell::OnceCell::new();
    let resp = || *resp.get_or_init(|| locate_key(text, "responsibilities"));
    for (who, items) in [
        ("clinician", &r.clinician),
        ("patient", &r.patient),
        ("together", &r.together),
    ] {
        for (i, item) in items.iter().enumerate().filter(|(_, t)| blank(t)) {
            push(
                format!("item {} of `responsibilities.{who}`", i + 1),
                item,
                resp()
                    .and_then(|at| item_below(text, at, who, i))
                    .or(resp()),
                "write one task, to the patient, e.g. `- Do your exercises twice a day`, or delete the item",
            );
        }
    }
    for (si, step) in plan.steps.iter().enumerate() {
        for (ei, item) in step.exercises.iter().enumerate() {
            for (ci, cue) in item.cues.iter().enumerate().filter(|(_, c)| blank(c)) {
                let entry = locate_exercise(text, si, ei);
                push(
                    format!("cue {} of step {}, exercise {}", ci + 1, si + 1, ei + 1),
                    cue,
                    entry
                        .and_then(|e| item_below(text, e, "cues", ci))
                        .or(entry),
                    "write one short reminder, e.g. `- Keep your back flat`, or delete the item",
                );
            }
        }
    }
}

/// The `nth` item of the list under the first `key:` at or below `from`
/// (a key of a block, such as `patient:` under `responsibilities:`, not
/// the file's first `patient:`); the key itself for a list in brackets.
fn item_below(text: &str, from: Pos, key: &str, nth: usize) -> Option<Pos> {
    let skip = from.line.saturating_sub(1);
    let offset: usize = text.split_inclusive('\n').take(skip).map(str::len).sum();
    let rest = text.get(offset..)?;
    let at = locate_item(rest, key, nth).or_else(|| locate_key(rest, key))?;
    Some(Pos {
        line: at.line + skip,
        column: at.column,
    })
}

/// The position of `key:` inside the list entry whose content starts at
/// `entry` (the lines indented at least as far as the entry's content).
fn key_in_entry(src: &str, entry: Pos, key: &str) -> Option<Pos> {
    let content_indent = entry.column.saturating_sub(1);
    for (i, line) in src.lines().enumerate().skip(entry.line.saturating_sub(1)) {
        let indent = line.len() - line.trim_start().len();
        if i + 1 > entry.line && !line.trim().is_empty() && indent < content_indent {
            break;
        }
        let t = line.trim_start().trim_start_matches("- ");
        if t.strip_prefix(key).is_some_and(|r| r.starts_with(':')) {
            return Some(Pos {
                line: i + 1,
                column: line.len() - t.len() + 1,
            });
        }
    }
    None
}
