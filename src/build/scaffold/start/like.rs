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
    let source_slug = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let secrets = Secrets::of(&src, &common_words(root, &src, &source_slug));
    let mut steps = src.steps.clone();
    let mut notes = 0;
    for e in steps.iter_mut().flat_map(|s| s.exercises.iter_mut()) {
        notes += usize::from(e.note.take().is_some());
    }
    let mut rewritten = 0;
    let steps: Vec<crate::content::plan::GuideStep> = scrubbed(&steps, &secrets, &mut rewritten)?;
    let responsibilities = scrubbed(&src.responsibilities, &secrets, &mut rewritten)?;
    let measures: Vec<Measure> = src
        .goal
        .measures
        .iter()
        .map(|m| Measure {
            now: None,
            ..m.clone()
        })
        .collect();
    let mut measures: Vec<Measure> = scrubbed(&measures, &secrets, &mut rewritten)?;
    for m in &mut measures {
        m.now = Some(TODO_NOW.into());
    }
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
        responsibilities: &responsibilities,
    };
    let programme = crate::content::yaml::emit(&programme, &mut |_| None)
        .ok_or_else(|| ScaffoldError::BadSource("the plan could not be copied".into()))?;
    let note = "# Started from another patient's plan: its steps, doses, responsibilities\n\
         # and measures (without their values) are copied here. Nothing of that\n\
         # patient is: fill in this patient's part, every TODO.\n"
        .to_string();
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
    let text = secrets.blank_dates(&secrets.cut_comments(&text));
    let path = write_new(root, rel, &text)?;
    Ok(said(&src, &steps, language, notes, rewritten, path))
}

/// The words that say nothing of one patient: those of the new-plan
/// template, the exercise library, the protocols, the source plan's
/// problem (its condition), and any used by two other plans.
fn common_words(root: &Path, src: &Plan, slug: &str) -> std::collections::HashSet<String> {
    use std::collections::{HashMap, HashSet};
    let mut common: HashSet<String> =
        secrets::long_words(crate::content::starter::NEW_PLAN).collect();
    common.extend(secrets::long_words(&src.problem.summary));
    common.extend(
        src.problem
            .details
            .iter()
            .flat_map(|d| secrets::long_words(d)),
    );
    let yaml_files = |dir: &str| -> Vec<PathBuf> {
        std::fs::read_dir(root.join(dir))
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && files::has_extension(p, &files::YAML_EXTENSIONS))
                    .collect()
            })
            .unwrap_or_default()
    };
    for p in yaml_files("content/exercises")
        .into_iter()
        .chain(yaml_files("content/protocols"))
    {
        if let Ok(b) = std::fs::read(p) {
            let t = crate::base::encoding::text_lossy(&b);
            common.extend(secrets::long_words(&t));
        }
    }
    let mut seen: HashMap<String, u8> = HashMap::new();
    for p in yaml_files("content/plans") {
        if p.file_stem().is_some_and(|s| s.to_string_lossy() == slug) {
            continue;
        }
        if let Ok(b) = std::fs::read(p) {
            let t = crate::base::encoding::text_lossy(&b);
            let words: HashSet<String> = secrets::long_words(&t).collect();
            for w in words {
                *seen.entry(w).or_default() += 1;
            }
        }
    }
    common.extend(seen.into_iter().filter(|(_, n)| *n >= 2).map(|(w, _)| w));
    common
}

/// `value` with every line of its strings that holds anything of the
/// patient replaced by a TODO; `rewritten` counts them.
fn scrubbed<T: serde::Serialize + serde::de::DeserializeOwned>(
    value: &T,
    secrets: &Secrets,
    rewritten: &mut usize,
) -> Result<T, ScaffoldError> {
    fn walk(v: &mut serde_json::Value, secrets: &Secrets, n: &mut usize) {
        match v {
            serde_json::Value::String(s) => {
                let (out, k) = secrets.scrub(s, REWRITE);
                *n += k;
                *s = out;
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| walk(x, secrets, n)),
            serde_json::Value::Object(m) => m.values_mut().for_each(|x| walk(x, secrets, n)),
            _ => {}
        }
    }
    let broken = |e: serde_json::Error| {
        ScaffoldError::BadSource(format!("the plan could not be copied: {e}"))
    };
    let mut v = serde_json::to_value(value).map_err(broken)?;
    walk(&mut v, secrets, rewritten);
    serde_json::from_value(v).map_err(broken)
}

/// What was copied and what was not.
fn said(
    src: &Plan,
    steps: &[crate::content::plan::GuideStep],
    language: Option<&str>,
    notes: usize,
    rewritten: usize,
    path: PathBuf,
) -> Started {
    let mut copied = copied_programme(steps, &src.responsibilities);
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
    Started {
        path,
        copied,
        left_out,
        left_out_heading: "not copied",
    }
}
