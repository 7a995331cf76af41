//! `heropath new plan NAME --protocol ID` and `--like SLUG`: a new plan
//! that starts from a clinic protocol or from another patient's plan. The
//! patient's part comes from the `new plan` template (so it is filled in
//! the same way and `check` refuses it unfilled); the programme (steps,
//! doses, responsibilities, measures) is copied in, so a later change to
//! the source never changes this patient's printed sheet.

use super::new::{place, plan_text, quoted, site_clinician, write_new};
use super::*;
use crate::base::diag::closest;
use crate::content::plan::{Goal, GuideStep, Plan, Problem, Responsibilities};

mod like;
mod protocol;

pub use like::new_plan_like;
pub use protocol::new_plan_from_protocol;

/// What a plan started from a protocol or another plan holds.
#[derive(Debug, Clone, Default)]
pub struct Started {
    /// The plan written, relative to the clinic folder.
    pub path: PathBuf,
    /// What was copied in, one line each (e.g. `3 steps`).
    pub copied: Vec<String>,
    /// What was not copied (the patient's own) or is left to fill in, one
    /// line each.
    pub left_out: Vec<String>,
    /// The heading of `left_out`: `not copied` or `to fill in`.
    pub left_out_heading: &'static str,
}

/// The part of the plan copied from the source, in plan order.
#[derive(serde::Serialize)]
struct Programme<'a> {
    problem: Problem,
    goal: Goal,
    steps: &'a [GuideStep],
    responsibilities: &'a Responsibilities,
}

/// The source file `content/<folder>/<id>.yaml|yml`, or an error naming
/// the closest id there is.
fn find_source(root: &Path, folder: &str, id: &str, what: &str) -> Result<PathBuf, ScaffoldError> {
    let dir = root.join(folder);
    // A file name or path (`maria-lopez.yaml`, `content/plans/maria-lopez`)
    // names the same file as its stem; only that folder is looked in.
    let stem = Path::new(id)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let wanted = if files::has_extension(Path::new(id), &files::YAML_EXTENSIONS)
        || id.contains(['/', '\\'])
    {
        stem.as_str()
    } else {
        id
    };
    if crate::stages::load::is_slug(wanted) {
        for ext in files::YAML_EXTENSIONS {
            let p = dir.join(format!("{wanted}.{ext}"));
            if p.is_file() {
                return Ok(p);
            }
        }
    }
    let mut ids: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && files::has_extension(p, &files::YAML_EXTENSIONS))
                .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .filter(|s| !s.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    let hint = match closest(wanted, ids.iter().map(String::as_str)) {
        Some(c) => format!("did you mean `{c}`?"),
        None if ids.is_empty() => format!("{folder}/ has none yet"),
        None => format!("{folder}/ has: {}", ids.join(", ")),
    };
    Err(ScaffoldError::BadName(format!(
        "no {what} `{id}` in {folder}/; {hint}"
    )))
}

/// Read and parse a source file.
fn read_parsed<T: serde::de::DeserializeOwned>(
    root: &Path,
    path: &Path,
) -> Result<(T, String), ScaffoldError> {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let bytes = std::fs::read(path).map_err(|e| ScaffoldError::Io(rel.to_path_buf(), e))?;
    let text = crate::base::encoding::decode(bytes, rel)
        .map_err(|d| ScaffoldError::BadSource(format!("{}\nthen run this again", d.render())))?;
    let value = crate::content::yaml::parse::<T>(&text, rel).map_err(|d| {
        ScaffoldError::BadSource(format!(
            "{}\nfix it (`heropath check` lists every problem), then run this again",
            d.render()
        ))
    })?;
    Ok((value, text))
}

/// The whole new plan: the template's patient part (`head`, with
/// `extra_head` after its opening comment), the programme, and the
/// template's next visit and what follows (with `success` if given).
struct Assembly<'a> {
    name: &'a str,
    rel: &'a Path,
    today: Date,
    note: String,
    language: Option<&'a str>,
    programme: String,
    success: Option<&'a str>,
}

fn assemble(root: &Path, a: Assembly<'_>) -> Result<String, ScaffoldError> {
    let full = plan_text(
        a.name,
        a.today,
        &[],
        &a.rel.to_string_lossy(),
        site_clinician(root).as_deref(),
    );
    let broken =
        || ScaffoldError::BadName("the new-plan template lacks `problem:` or `next_visit:`".into());
    let head_end = full.find("\nproblem:").ok_or_else(broken)?;
    let tail_start = full.find("\nnext_visit:").ok_or_else(broken)?;
    let head = &full[..=head_end];
    let tail = &full[tail_start + 1..];
    // The opening comment block, then the note, then the rest of the head.
    let split = head.find("\n\n").map_or(0, |i| i + 2);
    let mut out = String::new();
    out.push_str(&head[..split]);
    out.push_str(&a.note);
    out.push('\n');
    for line in head[split..].lines() {
        match a.language {
            Some(lang) if line.trim_start().starts_with("language:") => {
                out.push_str(&format!(
                    "  language: {}      # the copied text's language\n",
                    quoted(lang)
                ));
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.push_str(&a.programme);
    out.push('\n');
    for line in tail.lines() {
        match a.success {
            Some(s) if line.starts_with("success:") => {
                out.push_str(&format!("success: {}\n", quoted(s)));
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    // Never write a plan heropath itself could not read.
    crate::content::yaml::parse::<Plan>(&out, a.rel).map_err(|d| {
        ScaffoldError::BadSource(format!("the new plan would not read back: {}", d.render()))
    })?;
    Ok(out)
}

/// `today` plus `weeks` weeks, as `YYYY-MM-DD`.
fn in_weeks(today: Date, weeks: u32) -> String {
    plus_days(today, i64::from(weeks.clamp(1, 104)) * 7)
}

/// How many lines of `text` still hold a TODO to fill in (not counting
/// the template's comments).
fn todos(text: &str) -> usize {
    text.lines()
        .map(|l| l.split_once(" #").map_or(l, |(code, _)| code))
        .filter(|code| !code.trim_start().starts_with('#') && code.contains("TODO"))
        .count()
}

/// The lines saying which steps and responsibilities were copied.
fn copied_programme(steps: &[GuideStep], r: &Responsibilities) -> Vec<String> {
    vec![
        format!(
            "{} with {} and their doses",
            count(steps.len(), "step", "steps"),
            count(exercises_in(steps), "exercise", "exercises")
        ),
        count(tasks_in(r), "responsibility", "responsibilities"),
    ]
}

/// "1 step" / "3 steps".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The count of exercises in `steps`.
fn exercises_in(steps: &[GuideStep]) -> usize {
    steps.iter().map(|s| s.exercises.len()).sum()
}

/// The count of responsibilities.
fn tasks_in(r: &Responsibilities) -> usize {
    r.clinician.len() + r.patient.len() + r.together.len()
}
