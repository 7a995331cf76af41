//! Never print an unfinished handout (issue 13): text left from the
//! `heropath new plan` template (a `TODO` marker, or one of the template's
//! placeholder sentences), required text left empty, dates that cannot be
//! right, and flow lists that YAML cuts at a comma.

use crate::base::date::Date;
use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, Diagnostics, Pos};
use crate::content::plan::Plan;
use crate::content::yaml::{locate, locate_exercise, locate_key};
use crate::stages::load::Source;
use std::collections::HashMap;
use std::path::Path;

/// Errors for template text and empty required fields. A draft is work in
/// progress, so for a draft they are warnings: it must not block the rest
/// of the clinic's build, and the warning still shows when it is printed.
pub fn check_unfinished(src: &Source<Plan>, diags: &mut Diagnostics) {
    let mut found = Diagnostics::default();
    placeholders(src, &mut found);
    empty_required(src, &mut found);
    for mut d in found.sorted() {
        if src.value.draft {
            d.severity = crate::base::diag::Severity::Warning;
        }
        diags.push(d);
    }
}

/// Warnings for dates that cannot be right and comma-cut list items.
pub fn advise_dates_and_lists(src: &Source<Plan>, today: Date, diags: &mut Diagnostics) {
    let plan = &src.value;
    let (file, text) = (&src.path, &src.text);
    if let Some(d) = plan.next_visit.as_ref().and_then(|v| v.date)
        && d < today
    {
        let pos = locate_key(text, "next_visit")
            .and_then(|at| locate_after(text, at.line, "date", &d.to_string()))
            .or_else(|| locate_key(text, "next_visit"));
        diags.push(
            Diagnostic::warning(
                Code::PastVisit,
                format!("the next visit ({d}) is in the past (today is {today})"),
            )
            .in_file(file)
            .at(pos)
            .help(
                "write the date of the next appointment, or remove `next_visit` if none is booked",
            ),
        );
    }
    if let (Some(target), Some(agreed)) = (plan.goal.target_date, plan.goal.agreed_on)
        && target < agreed
    {
        diags.push(
            Diagnostic::warning(
                Code::TargetBeforeAgreed,
                format!(
                    "the goal's target date ({target}) is before the day it was agreed ({agreed})"
                ),
            )
            .in_file(file)
            .at(locate(text, "target_date", &target.to_string(), 0))
            .help("the target date is when you hope to reach the goal: a day after `agreed_on`"),
        );
    }
    if let Some(c) = plan.story.as_ref().and_then(|s| s.consent.as_ref())
        && let (Some(signed), Some(expires)) = (c.signed_on, c.expires_on)
        && signed > expires
    {
        diags.push(
            Diagnostic::warning(
                Code::ConsentDates,
                format!("the consent was signed on {signed}, after it expires ({expires})"),
            )
            .in_file(file)
            .at(locate(text, "expires_on", &expires.to_string(), 0))
            .help("check both dates against the signed form: an authorisation expires after it is signed"),
        );
    }
    cut_lists(
        file,
        text,
        &["clinician", "patient", "together", "cues"],
        diags,
    );
}

// ---------------------------------------------------------------------------
// Placeholders.
// ---------------------------------------------------------------------------

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
        for phrase in crate::build::scaffold::template_placeholders() {
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

fn placeholders(src: &Source<Plan>, diags: &mut Diagnostics) {
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

// ---------------------------------------------------------------------------
// Empty required text.
// ---------------------------------------------------------------------------

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn empty_required(src: &Source<Plan>, diags: &mut Diagnostics) {
    let plan = &src.value;
    let text = &src.text;
    let mut push = |what: String, pos: Option<Pos>, help: &str| {
        diags.push(
            Diagnostic::error(Code::EmptyRequired, format!("{what} is empty"))
                .in_file(&src.path)
                .at(pos)
                .help(help.to_string()),
        );
    };
    if blank(&plan.problem.summary) {
        push(
            "`problem.summary`".into(),
            locate_key(text, "summary").or_else(|| locate_key(text, "problem")),
            "write what brings the patient in, in one plain line, e.g. `summary: Your left knee hurts on the stairs.`",
        );
    }
    if blank(&plan.goal.statement) {
        push(
            "`goal.statement`".into(),
            locate_key(text, "statement").or_else(|| locate_key(text, "goal")),
            "write the goal you agreed on, in the patient's words, e.g. `statement: Walk up the stairs without stopping.`",
        );
    }
    let mut same_title: HashMap<&str, usize> = HashMap::new();
    for (si, step) in plan.steps.iter().enumerate() {
        let k = same_title.entry(step.title.as_str()).or_default();
        let nth = *k;
        *k += 1;
        if blank(&step.title) {
            push(
                format!("the title of step {}", si + 1),
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
                    key_pos("name")
                        .or(entry)
                        .or_else(|| locate(text, "name", name, 0)),
                    "name the exercise, e.g. `name: Heel slide`, or write `use: <id>` for one from the library",
                );
            }
            if item.instructions.as_deref().is_none_or(blank) {
                push(
                    format!("the instructions of {label}"),
                    key_pos("instructions")
                        .or(entry)
                        .or_else(|| locate_key(text, "exercises")),
                    "write the steps the patient follows, e.g. `instructions: Lie on your back. Slide your heel toward you.`, or `use:` a library exercise",
                );
            }
        }
    }
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

/// [`locate`] from line `from` (1-based) on.
fn locate_after(src: &str, from: usize, key: &str, value: &str) -> Option<Pos> {
    let skip = from.saturating_sub(1);
    let start: usize = src.split_inclusive('\n').take(skip).map(str::len).sum();
    locate(&src[start..], key, value, 0).map(|p| Pos {
        line: p.line + skip,
        column: p.column,
    })
}

// ---------------------------------------------------------------------------
// Flow lists cut at a comma.
// ---------------------------------------------------------------------------

/// Warn where a flow list (`key: [a, b]`) of one of `keys` has an item that
/// starts lower-case right after a comma: most likely one sentence that
/// YAML cut in two (`[Count the stairs, every two weeks]`).
pub fn cut_lists(file: &Path, src: &str, keys: &[&str], diags: &mut Diagnostics) {
    let mut offset = 0;
    for raw in src.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let t = line.trim_start().trim_start_matches("- ");
        let Some(key) = keys
            .iter()
            .find(|k| t.strip_prefix(**k).is_some_and(|r| r.starts_with(':')))
        else {
            continue;
        };
        let after = &t[key.len() + 1..];
        if !after.trim_start().starts_with('[') {
            continue;
        }
        let open = line_start + (line.len() - after.trim_start().len());
        for (prev, item, at) in cut_items(src, open) {
            let pos = pos_of(src, at);
            diags.push(
                Diagnostic::warning(
                    Code::CutAtComma,
                    format!(
                        "`{key}`: \"{item}\" starts lower-case right after a comma; YAML splits a `[…]` list at every comma, so it prints as a bullet of its own"
                    ),
                )
                .in_file(file)
                .at(Some(pos))
                .help(format!(
                    "if it is one sentence, write the list one item per line: `- {prev}, {item}`; if it is an item of its own, start it with a capital letter"
                )),
            );
        }
    }
}

/// The items of the flow list opening at byte `open` of `src` that start
/// lower-case after a comma: (the item before, the item, its byte offset).
fn cut_items(src: &str, open: usize) -> Vec<(String, String, usize)> {
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut start = open + 1;
    let mut item_begins = true;
    for (i, c) in src[open..].char_indices() {
        let at = open + i;
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' if item_begins => quote = Some(c),
            '[' | '{' => depth += 1,
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    items.push((start, at));
                    break;
                }
            }
            ',' if depth == 1 => {
                items.push((start, at));
                start = at + 1;
                item_begins = true;
                continue;
            }
            '#' if src[..at].ends_with([' ', '\n']) => return Vec::new(),
            _ => {}
        }
        if !c.is_whitespace() && at > open {
            item_begins = false;
        }
    }
    let text = |(a, b): (usize, usize)| src[a..b].trim().to_string();
    let mut out = Vec::new();
    for w in items.windows(2) {
        let item = &src[w[1].0..w[1].1];
        let lead = item.len() - item.trim_start().len();
        if item
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        {
            out.push((text(w[0]), text(w[1]), w[1].0 + lead));
        }
    }
    out
}

/// Line and column (1-based, in characters) of byte `at` of `src`.
fn pos_of(src: &str, at: usize) -> Pos {
    let before = &src[..at];
    Pos {
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
    }
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

    #[test]
    fn cut_items_finds_the_lower_case_item() {
        let src = "together: [Count the stairs you can climb, every two weeks]\n";
        let cut = cut_items(src, 10);
        assert_eq!(cut.len(), 1);
        assert_eq!(cut[0].1, "every two weeks");
        assert_eq!(
            pos_of(src, cut[0].2),
            // `together: [` is 11 characters, `Count … climb, ` 32.
            Pos {
                line: 1,
                column: 44
            }
        );
        assert!(cut_items("c: [\"a, b\", C]\n", 3).is_empty());
        assert!(cut_items("c: [Walk, Run]\n", 3).is_empty());
        // A comment ends the line: nothing after it is an item.
        assert!(cut_items("c: [Walk #, run\n", 3).is_empty());
        // Across lines, and with CRLF line ends.
        let src = "c: [Walk,\r\n    slowly]\r\n";
        let cut = cut_items(src, 3);
        assert_eq!(pos_of(src, cut[0].2), Pos { line: 2, column: 5 });
    }
}
