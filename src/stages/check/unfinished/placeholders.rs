//! Text left from the `heropath new plan` template: a `TODO` marker, or
//! one of the template's placeholder sentences (read from the template
//! itself, `content::starter`), found in every string of the plan.

use crate::base::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::content::plan::Plan;
use crate::content::yaml::locate_key;
use crate::stages::load::Source;
use std::collections::HashMap;

/// Every string of the plan, with its path (`steps[0].title`).
fn strings(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                strings(x, &format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                strings(x, &p, out);
            }
        }
        _ => {}
    }
}

/// Byte offset of the first whole-word, upper-case `TODO` in `s`.
fn todo_at(s: &str) -> Option<usize> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    s.match_indices("TODO")
        .map(|(i, _)| i)
        .find(|&i| !word(s[..i].chars().next_back()) && !word(s[i + 4..].chars().next()))
}

/// A line of text as compared with the template's phrases: list marker and
/// `TODO:` dropped, lower case, single spaces, no final full stop.
fn normalize(line: &str) -> String {
    let t = line.trim();
    let t = t
        .split_once(". ")
        .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        .map_or(t, |(_, rest)| rest);
    let t = t.trim_start_matches("- ").trim();
    let t = t.strip_prefix("TODO:").unwrap_or(t);
    let folded = t.split_whitespace().collect::<Vec<_>>().join(" ");
    folded.trim_end_matches('.').trim().to_lowercase()
}

/// The placeholder phrases of the `new plan` template, normalized.
fn template_phrases() -> &'static [String] {
    static PHRASES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut out = Vec::new();
        for phrase in crate::content::starter::template_placeholders() {
            let n = normalize(&phrase);
            // Also the instruction without its example: "what hurts, in
            // one plain line" with "(e.g. …)" deleted.
            for cut in [" (e.g.", ", e.g."] {
                if let Some((head, _)) = n.split_once(cut) {
                    out.push(head.trim().to_string());
                }
            }
            out.push(n);
        }
        out.retain(|p| p.len() >= 8);
        out.sort();
        out.dedup();
        out
    })
}

/// An error for every line of the plan that is template text or a `TODO`.
pub(super) fn placeholders(src: &Source<Plan>, diags: &mut Diagnostics) {
    let Ok(value) = serde_json::to_value(&src.value) else {
        return;
    };
    let mut all = Vec::new();
    strings(&value, "", &mut all);
    let phrases = template_phrases();
    let mut nth: HashMap<String, usize> = HashMap::new();
    for (path, s) in &all {
        // One finding per line to fill in (a block of instructions may
        // have several).
        let hits = s.lines().filter_map(|line| {
            if let Some(i) = todo_at(line) {
                Some((line[i..].to_string(), true))
            } else {
                let n = normalize(line);
                phrases
                    .binary_search(&n)
                    .is_ok()
                    .then(|| (line.trim().to_string(), false))
            }
        });
        for (at, is_todo) in hits {
            let probe = snippet(&at);
            let k = nth.entry(probe.clone()).or_default();
            let pos = find_text(&src.text, &probe, *k)
                .or_else(|| find_text(&src.text, &probe.chars().take(12).collect::<String>(), 0))
                .or_else(|| last_key(path).and_then(|key| locate_key(&src.text, key)));
            *k += 1;
            let shown: String = at.chars().take(60).collect();
            let ellipsis = if at.chars().count() > 60 { "…" } else { "" };
            let what = if is_todo {
                "a TODO left to fill in"
            } else {
                "the template's placeholder text"
            };
            diags.push(
            Diagnostic::error(
                Code::Placeholder,
                format!(
                    "`{path}` still holds {what}: \"{shown}{ellipsis}\"; the patient would read it"
                ),
            )
            .in_file(&src.path)
            .at(pos)
            .help(help_for(path)),
        );
        }
    }
}

/// The last key of a path (`steps[0].title` → `title`).
fn last_key(path: &str) -> Option<&str> {
    let k = path.rsplit('.').next()?;
    let k = k.split('[').next()?;
    (!k.is_empty()).then_some(k)
}

/// What to write instead of a placeholder, by field.
fn help_for(path: &str) -> String {
    let key = last_key(path).unwrap_or("");
    let field = |f: &str| path.starts_with(f);
    let what = if field("problem.summary") {
        "what brings the patient in, in one plain line, e.g. `Your left knee hurts on the stairs.`"
    } else if field("problem.in_their_words") {
        "what the patient told you, in their own words, or delete the line"
    } else if field("goal.statement") {
        "the goal you agreed on, in the patient's words, e.g. `Walk up the stairs without stopping.`"
    } else if field("goal.measures") {
        "what you measure, where the patient is now and where you aim to be, e.g. `{ name: Stairs without stopping, now: 1 flight, target: 3 flights }`"
    } else if field("responsibilities") {
        "one task, written to the patient, e.g. `- Do your exercises twice a day`, or delete the item"
    } else if field("next_visit") {
        "what you will do together next time, e.g. `We will check how far you can walk.`"
    } else if field("success") {
        "the picture of life once the goal is reached, e.g. `You carry your groceries up the stairs.`"
    } else {
        match key {
            "title" => "a short name for the step, e.g. `Calm the pain`",
            "why" => "why this step helps, in one or two short sentences, or delete the line",
            "name" => {
                "the exercise's name, e.g. `Heel slide`, or `use:` an exercise from the library"
            }
            "instructions" => {
                "the steps the patient follows, one per line (`1. Lie on your back.`), or `use:` a library exercise"
            }
            _ => "the words the patient should read, or delete the line if it is optional",
        }
    };
    format!("replace it with {what}")
}

/// The part of a line to look for in the file: up to 40 characters,
/// stopping before anything YAML may have written escaped or doubled.
fn snippet(at: &str) -> String {
    let s: String = at
        .trim()
        .chars()
        .take_while(|c| !matches!(c, '"' | '\\' | '\''))
        .take(40)
        .collect();
    let s = s.trim_end().to_string();
    if s.is_empty() { "TODO".into() } else { s }
}

/// The `nth` occurrence of `needle` in `src`, preferring occurrences that
/// are not in a comment (after ` #` on their line).
fn find_text(src: &str, needle: &str, nth: usize) -> Option<Pos> {
    if needle.is_empty() {
        return None;
    }
    let mut hits = Vec::new();
    for (i, line) in src.lines().enumerate() {
        for (at, _) in line.match_indices(needle) {
            let before = &line[..at];
            let commented = before.trim_start().starts_with('#') || before.contains(" #");
            hits.push((commented, i, at, line));
        }
    }
    let pick = |commented: bool| {
        hits.iter()
            .filter(|h| h.0 == commented)
            .nth(nth)
            .map(|&(_, i, at, line)| Pos {
                line: i + 1,
                column: line[..at].chars().count() + 1,
            })
    };
    pick(false).or_else(|| pick(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn todo_is_a_whole_upper_case_word() {
        assert_eq!(todo_at("TODO: x"), Some(0));
        assert_eq!(todo_at("a TODO"), Some(2));
        assert_eq!(todo_at("Todo el día"), None);
        assert_eq!(todo_at("TODOS"), None);
    }

    #[test]
    fn template_phrases_are_found_without_their_marker() {
        let p = template_phrases();
        assert!(
            p.iter().any(|x| x == "what hurts, in one plain line"),
            "{p:?}"
        );
        assert_eq!(normalize("1. TODO: first, do this."), "first, do this");
    }
}
