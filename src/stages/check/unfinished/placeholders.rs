//! Text left from the `heropath new plan` template: a `TODO` marker, or
//! one of the template's placeholder sentences (read from the template
//! itself, `content::starter`), found in every string of the plan.

use super::prefilter::may_hold_placeholder;
#[cfg(test)]
use super::prefilter::prefilter_patterns;
use crate::base::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::content::plan::Plan;
use crate::content::yaml::locate_key;
use crate::stages::load::Source;
use std::collections::HashMap;

/// One step of a path into the plan: a key or a list index.
#[derive(Clone, Copy)]
enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

/// A path as people read it: `steps[0].title`. Only made for a finding.
fn path_text(steps: &[Step<'_>]) -> String {
    let mut out = String::new();
    for s in steps {
        match s {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Call `f` with every string of the plan and its path, without copying
/// either (this runs on every plan of every check).
fn strings<'v>(
    v: &'v serde_json::Value,
    path: &mut Vec<Step<'v>>,
    f: &mut impl FnMut(&[Step<'v>], &'v str),
) {
    match v {
        serde_json::Value::String(s) => f(path, s),
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push(Step::Index(i));
                strings(x, path, f);
                path.pop();
            }
        }
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                path.push(Step::Key(k));
                strings(x, path, f);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The markers people leave where text is still to come, as whole
/// upper-case words: none is ever meant for a patient to read.
pub(super) const MARKERS: [&str; 5] = ["TODO", "TBD", "TBA", "FIXME", "XXX"];

/// Filler text of mock-ups (lower case, single spaces), anywhere in a line.
const FILLER: &str = "lorem ipsum";

/// Byte offset and word of the first whole-word, upper-case marker
/// ([`MARKERS`]) in `s`.
fn marker_at(s: &str) -> Option<(usize, &'static str)> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    MARKERS
        .iter()
        .filter_map(|m| {
            s.match_indices(m)
                .map(|(i, _)| i)
                .find(|&i| {
                    !word(s[..i].chars().next_back()) && !word(s[i + m.len()..].chars().next())
                })
                .map(|i| (i, *m))
        })
        .min()
}

/// A line of text as compared with the template's phrases: list marker and
/// `TODO:` dropped, lower case, single spaces, no final full stop.
fn normalize(line: &str) -> String {
    let mut out = String::new();
    normalize_into(line, &mut out);
    out
}

/// [`normalize`] into a buffer the caller reuses (every line of every
/// plan is normalized; a fresh string each time showed in profiles).
fn normalize_into(line: &str, out: &mut String) {
    out.clear();
    let t = line.trim();
    let t = t
        .split_once(". ")
        .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        .map_or(t, |(_, rest)| rest);
    let t = t.trim_start_matches("- ").trim();
    let t = t.strip_prefix("TODO:").unwrap_or(t);
    for word in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // The common case, a byte at a time.
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    // No lower-case form is a full stop or a space, so trimming after
    // lowering is the same as before it.
    let kept = out.trim_end_matches('.').trim_end().len();
    out.truncate(kept);
}

/// The placeholder phrases of the `new plan` template, normalized.
pub(super) fn template_phrases() -> &'static [String] {
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
        // Not the template's, but no more meant for a patient: the
        // prefilter then lets a plan with it through to be looked at.
        out.push(FILLER.to_string());
        out.retain(|p| p.len() >= 8);
        out.sort();
        out.dedup();
        out
    })
}

/// An error for every line of the plan that is template text or a `TODO`.
pub(super) fn placeholders(src: &Source<Plan>, diags: &mut Diagnostics) {
    if !may_hold_placeholder(&src.text) {
        return;
    }
    let Ok(value) = serde_json::to_value(&src.value) else {
        return;
    };
    let phrases = template_phrases();
    let mut found: Vec<(String, String, String)> = Vec::new();
    let mut buf = String::new();
    strings(&value, &mut Vec::new(), &mut |path, s| {
        // One finding per line to fill in (a block of instructions may
        // have several).
        for line in s.lines() {
            // Read as printed (see `fold`); shown and looked for in the
            // file as written.
            let seen = super::fold::fold(line);
            let hit = if let Some((i, m)) = marker_at(&seen) {
                let from = if matches!(seen, std::borrow::Cow::Borrowed(_)) {
                    i
                } else {
                    0
                };
                let at = line.get(from..).unwrap_or(line).trim_start();
                Some((at.to_string(), format!("a {m} left to fill in")))
            } else {
                normalize_into(&seen, &mut buf);
                if buf.contains(FILLER) {
                    Some((line.trim().to_string(), "filler text".to_string()))
                } else {
                    let what = if buf.len() >= 8 && phrases.binary_search(&buf).is_ok() {
                        Some("the template's placeholder text")
                    } else if super::fillers::typed_placeholder(&buf) {
                        Some("a placeholder left to fill in")
                    } else {
                        None
                    };
                    what.map(|w| (line.trim().to_string(), w.to_string()))
                }
            };
            if let Some((at, what)) = hit {
                found.push((path_text(path), at, what));
            }
        }
    });
    let mut nth: HashMap<String, usize> = HashMap::new();
    for (path, at, what) in found {
        let probe = snippet(&at);
        let k = nth.entry(probe.clone()).or_default();
        let pos = find_text(&src.text, &probe, *k)
            .or_else(|| find_text(&src.text, &probe.chars().take(12).collect::<String>(), 0))
            .or_else(|| last_key(&path).and_then(|key| locate_key(&src.text, key)));
        *k += 1;
        let shown: String = at.chars().take(60).collect();
        let ellipsis = if at.chars().count() > 60 { "…" } else { "" };
        diags.push(
            Diagnostic::error(
                Code::Placeholder,
                format!(
                    "`{path}` still holds {what}: \"{shown}{ellipsis}\"; the patient would read it"
                ),
            )
            .in_file(&src.path)
            .at(pos)
            .help(help_for(&path)),
        );
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

    /// The prefilter's rule, said plainly: the text lower-cased, each run
    /// of white space one space, holds a phrase.
    fn holds_a_phrase(text: &str) -> bool {
        let lower: String = text.chars().flat_map(char::to_lowercase).collect();
        let flat = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        prefilter_patterns()
            .iter()
            .any(|p| flat.contains(p.as_str()))
    }

    #[test]
    fn the_prefilter_says_what_its_rule_says() {
        let words = [
            "what", "HURTS,", "in", "one", "plain", "line", "Then", "this", "x", "É", "ß",
            "\u{130}", "\u{212a}", "then", "thiS.", "goes", "HERE", "[your", "<",
        ];
        let gaps = [" ", "\n  ", "\u{a0}", " \u{3000} ", "\t", "\u{b}", ""];
        let mut seed: u64 = 42;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut held = 0;
        // White space before the first word, and none, as well as a key.
        let starts = ["a: ", "", " \n\t", "\u{a0} "];
        for _ in 0..5000 {
            let mut text = String::from(starts[next(starts.len())]);
            for _ in 0..next(9) {
                text.push_str(words[next(words.len())]);
                text.push_str(gaps[next(gaps.len())]);
            }
            let holds = holds_a_phrase(&text);
            assert_eq!(may_hold_placeholder(&text), holds, "{text:?}");
            held += usize::from(holds);
        }
        // Both answers were put to the test.
        assert!((100..4900).contains(&held), "{held}");
    }

    #[test]
    fn a_marker_is_a_whole_upper_case_word() {
        assert_eq!(marker_at("TODO: x"), Some((0, "TODO")));
        assert_eq!(marker_at("a TODO"), Some((2, "TODO")));
        assert_eq!(marker_at("Focus: TBD"), Some((7, "TBD")));
        assert_eq!(marker_at("FIXME and TODO"), Some((0, "FIXME")));
        assert_eq!(marker_at("call XXX"), Some((5, "XXX")));
        for clean in ["Todo el día", "TODOS", "a tbd", "size XXL", "TBAs", "fixme"] {
            assert_eq!(marker_at(clean), None, "{clean}");
        }
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
    fn the_source_prefilter_never_rules_out_a_phrase_however_written() {
        for phrase in template_phrases() {
            let folded = phrase.replace(' ', "\n    ");
            for text in [
                format!("a: \"{phrase}\""),
                format!("a: {}", phrase.to_uppercase()),
                format!("a: |\n  1. {folded}\n"),
                format!("a: '{}'", phrase.replace('\'', "''")),
            ] {
                assert!(may_hold_placeholder(&text), "{text}");
            }
        }
        // An escape can spell a letter.
        assert!(may_hold_placeholder(
            "a: \"\\x57hat hurts, in one plain line\""
        ));
        assert!(may_hold_placeholder("a: TODO"));
        // Any white space between the words, any letter case.
        assert!(may_hold_placeholder(
            "a: >\n  What\u{a0}HURTS,\tin one\n  plain line\n"
        ));
        // Unicode white space at a word's edge, or alone, is one gap.
        for text in [
            "a: what\u{a0} hurts, in one plain line",
            "a: what \u{a0}hurts, in one plain line",
            "a: what \u{3000} \u{b}hurts,\u{85}in one plain line",
        ] {
            assert!(may_hold_placeholder(text), "{text:?}");
        }
        // A finished plan's text is ruled out.
        assert!(!may_hold_placeholder(
            "problem:\n  summary: \"Your left knee aches on the stairs.\"\n"
        ));
    }
}
