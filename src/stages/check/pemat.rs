//! PEMAT-P advice on the exercise cards and the agreement on tasks
//! (HP0711-HP0713): a printed exercise with neither picture nor video
//! (items 15, 26), an exercise written into the plan without explicit steps
//! or a cue (item 22), and a line of "who does what" whose frequency
//! contradicts the dose ("each morning" when the card says twice a day).
//! Warnings only.

use super::warn;
use crate::base::diag::{Code, Diagnostics, Pos};
use crate::base::memo::Memo;
use crate::content::markdown;
use crate::content::plan::{Dose, Plan};
use crate::content::yaml::{exercise_entries, locate_key};
use crate::stages::load::{Clinic, Source};

/// Every PEMAT card and task warning of one plan.
pub(super) fn advise(clinic: &Clinic, src: &Source<Plan>, diags: &mut Diagnostics) {
    let plan = &src.value;
    let lang = plan.language(&clinic.site);
    let mut doses: Vec<(String, Dose)> = Vec::new();
    // Where each exercise is written: read from the text only when a
    // warning needs it.
    let entries = std::cell::OnceCell::new();
    let at = |si: usize, ei: usize| {
        let all = entries.get_or_init(|| exercise_entries(&src.text));
        all.get(si).and_then(|e: &Vec<Pos>| e.get(ei)).copied()
    };
    for (si, step) in plan.steps.iter().enumerate() {
        for (ei, item) in step.exercises.iter().enumerate() {
            let p = clinic.prescription(item, lang);
            let name = p
                .name()
                .or(item.use_id.as_deref())
                .unwrap_or_default()
                .to_string();
            // An unknown `use:` is an error of its own (HP0006).
            let unknown = item.use_id.is_some() && p.library.is_none();
            if !unknown && p.image().is_none() && p.video().is_none() {
                diags.push(warn(
                    &src.path,
                    Code::NoPicture,
                    format!("exercise `{name}` prints with neither a picture nor a video"),
                    at(si, ei),
                    "add `image:` (a drawing in content/exercises/images/) with `image_alt:`, or a `video:` link: pictures roughly double how often patients do their exercises",
                ));
            }
            if item.use_id.is_none() {
                written_steps(src, item, &name, &|| at(si, ei), diags);
            }
            doses.push((name, p.dose()));
        }
    }
    contradictions(src, &doses, diags);
}

/// An exercise the plan writes itself: at least two numbered steps and a
/// cue.
fn written_steps(
    src: &Source<Plan>,
    item: &crate::content::plan::ExerciseItem,
    name: &str,
    pos: &dyn Fn() -> Option<Pos>,
    diags: &mut Diagnostics,
) {
    // Counted once per distinct text: plans copy their instructions from
    // one another, and parsing Markdown showed in profiles of a check.
    static COUNTS: std::sync::LazyLock<Memo<String, usize>> =
        std::sync::LazyLock::new(Memo::default);
    let steps = item.instructions.as_deref().map_or(0, |md| {
        COUNTS.get_or_make(md, || {
            let n = markdown::steps(md).len();
            if n == 0 && !md.trim().is_empty() {
                1
            } else {
                n
            }
        })
    });
    let mut missing = Vec::new();
    if steps < 2 {
        missing.push(if steps == 0 {
            "no numbered steps".to_string()
        } else {
            "only one numbered step".to_string()
        });
    }
    if item.cues.iter().all(|c| c.trim().is_empty()) {
        missing.push("no cue".to_string());
    }
    if missing.is_empty() {
        return;
    }
    diags.push(warn(
        &src.path,
        Code::FewSteps,
        format!("exercise `{name}` has {}", missing.join(" and ")),
        pos(),
        "write `instructions:` as a numbered list (`1. ...`, `2. ...`), one action a line, and add `cues: [ ... ]` with what to feel or avoid",
    ));
}

/// What a line of "who does what" says about how often.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Said {
    /// Every day of the week.
    every_day: bool,
    /// Once a day (each morning, every night, once a day).
    once_a_day: bool,
}

const ONCE: &[&str] = &[
    "each morning",
    "every morning",
    "each evening",
    "every evening",
    "each night",
    "every night",
    "at bedtime",
    "once a day",
    "once daily",
    "cada mañana",
    "todas las mañanas",
    "cada noche",
    "todas las noches",
    "una vez al día",
    "cada tarde",
    "todas las tardes",
];
const TIMES_OF_DAY: &[&str] = &[
    "morning",
    "evening",
    "night",
    "bedtime",
    "noon",
    "lunch",
    "after work",
    "after dinner",
    "before bed",
    "mañana",
    "tarde",
    "noche",
    "mediodía",
];
const DAILY: &[&str] = &[
    "every day",
    "each day",
    "daily",
    "todos los días",
    "cada día",
    "a diario",
    "diariamente",
];

/// The phrases of [`ONCE`], [`TIMES_OF_DAY`] and [`DAILY`] in one
/// automaton (every line of every plan is read for them).
fn phrases() -> &'static aho_corasick::AhoCorasick {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        let all = ONCE.iter().chain(TIMES_OF_DAY).chain(DAILY);
        aho_corasick::AhoCorasick::new(all).expect("a few short phrases build an automaton")
    })
}

fn said(line: &str) -> Said {
    let l = line.to_lowercase();
    // Which phrases stand as whole words somewhere in the line.
    let mut found = [false; ONCE.len() + TIMES_OF_DAY.len() + DAILY.len()];
    for m in phrases().find_overlapping_iter(&l) {
        let before = l[..m.start()].chars().next_back();
        let after = l[m.end()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            found[m.pattern().as_usize()] = true;
        }
    }
    let (once, rest) = found.split_at(ONCE.len());
    let (times, daily) = rest.split_at(TIMES_OF_DAY.len());
    // "each morning and after work" is twice a day.
    let times = times.iter().filter(|&&f| f).count();
    let once_a_day = once.contains(&true) && times < 2;
    Said {
        every_day: once_a_day || daily.contains(&true),
        once_a_day,
    }
}

/// A patient's (or shared) task whose frequency the doses contradict.
fn contradictions(src: &Source<Plan>, doses: &[(String, Dose)], diags: &mut Diagnostics) {
    // Only a dose of several times a day or fewer than seven days a week
    // can be contradicted.
    let can_clash = doses
        .iter()
        .any(|(_, d)| d.per_day.is_some_and(|n| n >= 2) || d.days_per_week.is_some_and(|n| n < 7));
    if !can_clash {
        return;
    }
    let r = &src.value.responsibilities;
    for line in r.patient.iter().chain(&r.together) {
        let s = said(line);
        if !s.every_day {
            continue;
        }
        let clash = doses.iter().find_map(|(name, d)| {
            if s.once_a_day && d.per_day.is_some_and(|n| n >= 2) {
                return Some(format!(
                    "`{name}` is {} times a day",
                    d.per_day.unwrap_or(2)
                ));
            }
            match d.days_per_week {
                Some(n) if n < 7 => Some(format!("`{name}` is {n} days a week")),
                _ => None,
            }
        });
        if let Some(clash) = clash {
            diags.push(warn(
                &src.path,
                Code::TaskContradictsDose,
                format!("\"{}\" contradicts the dose: {clash}", line.trim()),
                locate_line(&src.text, line).or_else(|| locate_key(&src.text, "responsibilities")),
                "say the same thing in both places (\"Do your exercises as the log shows\"), or change the dose",
            ));
        }
    }
}

/// Where the list item `text` is written in the plan's YAML (a `- text`
/// line or an item of a flow list `[a, text]`).
fn locate_line(text: &str, item: &str) -> Option<Pos> {
    let want = item.trim();
    // A line never holds a line break: such an item is not found on one.
    if want.is_empty() || want.contains('\n') {
        return None;
    }
    // The first occurrence in the text is on the first line that has it.
    text.find(want).map(|at| Pos::at_byte(text, at))
}
