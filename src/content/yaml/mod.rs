//! Every YAML parse in heropath goes through this module, so swapping
//! `serde_yaml` (archived upstream) for a maintained fork touches one file.
//!
//! Errors come back as [`Diagnostic`]s with the file, line and column, a
//! stable code and, where we can tell, a suggested fix.

use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, Pos, closest};
use serde::de::DeserializeOwned;
use std::path::Path;

mod collect;
mod cut;
mod dates;
mod depth;
mod dose_words;
mod duplicate;
mod emit;
mod locate;
mod numbers;
mod slips;
pub mod text;

pub use depth::MAX_DEPTH;
use depth::too_deep;
use duplicate::{duplicate, second_key};

pub use locate::{
    exercise_entries, locate, locate_child_key, locate_exercise, locate_item, locate_key,
};

pub use collect::MAX_PROBLEMS;
pub use cut::{Cut, cut_by_comments};
pub use emit::emit;

/// Parse `src` (the text of `file`) into `T`; on failure, the first
/// problem (see [`parse_many`] for all of them).
pub fn parse<T: DeserializeOwned>(src: &str, file: &Path) -> Result<T, Box<Diagnostic>> {
    parse_many(src, file).map_err(|mut ds| {
        Box::new(if ds.is_empty() {
            Diagnostic::error(Code::YamlSyntax, "the file could not be read as YAML").in_file(file)
        } else {
            ds.swap_remove(0)
        })
    })
}

/// Parse `src` (the text of `file`) into `T`, reporting every unknown key
/// and wrong value of the file at once (up to [`MAX_PROBLEMS`]), or the
/// first syntax error.
pub fn parse_many<T: DeserializeOwned>(src: &str, file: &Path) -> Result<T, Vec<Diagnostic>> {
    if let Some(what) = nothing_in(src) {
        return Err(vec![
            Diagnostic::error(Code::MissingKey, what)
                .in_file(file)
                .at(Some(Pos { line: 1, column: 1 }))
                .help(
                    "start from `heropath new plan \"Full Name\"` or copy a sample from content/",
                ),
        ]);
    }
    if let Some(pos) = too_deep(src) {
        return Err(vec![
            Diagnostic::error(
                Code::YamlSyntax,
                format!("the YAML is nested more than {MAX_DEPTH} levels deep"),
            )
            .in_file(file)
            .at(Some(pos))
            .help("a plan is a few levels deep; check for runaway brackets or indentation"),
        ]);
    }
    let anchors = cut::unused_anchors(src, file);
    if !anchors.is_empty() {
        return Err(anchors);
    }
    collect::parse_many(src, file)
}

/// [`parse_many`] for a file whose other problems should still be checked:
/// when its only problems are unknown keys, the value read without them
/// comes back with those errors, so one run reports them and the
/// problems that checks find in the rest of the file.
pub fn parse_lenient<T: DeserializeOwned>(
    src: &str,
    file: &Path,
) -> Result<(T, Vec<Diagnostic>), Vec<Diagnostic>> {
    if nothing_in(src).is_some()
        || too_deep(src).is_some()
        || !cut::unused_anchors(src, file).is_empty()
    {
        return parse_many(src, file).map(|v| (v, Vec::new()));
    }
    match collect::parse_repairing(src, file) {
        Ok(v) => Ok((v, Vec::new())),
        Err((ds, Some(v))) if ds.iter().all(|d| d.code == Code::UnknownKey) => Ok((v, ds)),
        Err((ds, _)) => Err(ds),
    }
}

/// Why `src` holds no value at all, if it does not: it is empty, or holds
/// only comments (serde would say a key is missing, past the last line).
fn nothing_in(src: &str) -> Option<&'static str> {
    if src.trim().is_empty() {
        Some("the file is empty")
    } else if !src.lines().any(slips::is_content) {
        Some("the file holds only comments: nothing in it is read")
    } else {
        None
    }
}

fn to_diagnostic(e: &serde_yaml::Error, src: &str, file: &Path) -> Diagnostic {
    let pos = e.location().map(|l| Pos {
        line: l.line(),
        column: l.column(),
    });
    let full = e.to_string();
    // Some scanner errors carry only a byte offset ("at position 115").
    let pos = match (pos, full.rsplit_once(" at position ")) {
        (None | Some(Pos { line: 1, column: 1 }), Some((_, n))) => n
            .trim()
            .parse::<usize>()
            .ok()
            .map(|at| Pos::at_byte(src, at))
            .or(pos),
        (p, _) => p,
    };
    // serde_yaml writes " at line L column C" into its messages; we print
    // the position ourselves, in front.
    let message = strip_position(&full);
    let message = numbers::plain(&message).unwrap_or(message);
    // `reps: 3x10`, `sets: 2.5`; `date: 12/03/2026` (both readings).
    let dated = || dates::explain(&message).map(|(m, h)| (Code::BadDate, m, h));
    if let Some((code, m, h)) = dose_words::explain(&message).or_else(dated) {
        return Diagnostic::error(code, m).in_file(file).at(pos).help(h);
    }
    if let Some(s) = slips::explain_variant(&message, pos, src) {
        let code = match message.contains("unknown variant") {
            true => Code::ValueNotAllowed,
            false => Code::WrongType,
        };
        return Diagnostic::error(code, s.message)
            .in_file(file)
            .at(Some(s.pos))
            .help(s.help);
    }
    let (code, help) = classify(&message);
    let slip = match code {
        Code::YamlSyntax if !message.starts_with("duplicate") => {
            slips::explain_syntax(&full, pos, src)
        }
        Code::WrongType => slips::explain_type(&message, pos, src),
        _ => None,
    };
    if let Some(s) = slip {
        return Diagnostic::error(Code::YamlSyntax, s.message)
            .in_file(file)
            .at(Some(s.pos))
            .help(s.help);
    }
    if code == Code::WrongType
        && let Some(s) = slips::explain_shape(&message, pos, src)
    {
        return Diagnostic::error(code, s.message)
            .in_file(file)
            .at(Some(s.pos))
            .help(s.help);
    }
    // serde reports a repeated key at the start of its block; point at the
    // repeat instead, or at the item that lost its dash.
    let pos = match after(&message, "duplicate field `").and_then(|r| r.split('`').next()) {
        Some(key) => {
            let keys = second_key(src, key, pos.map_or(1, |p| p.line));
            if let Some(s) = keys.and_then(|(a, b)| slips::explain_duplicate(src, a, b.line)) {
                return Diagnostic::error(Code::YamlSyntax, s.message)
                    .in_file(file)
                    .at(Some(s.pos))
                    .help(s.help);
            }
            if let Some((first, second)) = keys {
                // serde names the block before its message (`goal: `).
                let block = message.split("duplicate field").next().unwrap_or_default();
                return duplicate(block, key, first, second, file);
            }
            pos
        }
        None => pos,
    };
    // `reps: 10 reps`, `sets: two`: say which number to write.
    if let Some((message, help)) = numbers::in_words(&message) {
        return Diagnostic::error(Code::WrongType, message)
            .in_file(file)
            .at(pos)
            .help(help);
    }
    // A bare `false` or `12` where text belongs: quote it, as written.
    let help = match message.rsplit_once("expected ") {
        Some((_, e)) if code == Code::WrongType && text::is_text(e) => {
            Some(text::help(raw_at(src, pos)))
        }
        _ => help,
    };
    let mut d = Diagnostic::error(code, message).in_file(file).at(pos);
    if let Some(h) = help {
        d = d.help(h);
    }
    d
}

/// Pick a code and a fix suggestion from serde's message text.
fn classify(message: &str) -> (Code, Option<String>) {
    if let Some(rest) = after(message, "unknown field `") {
        let unknown = rest.split('`').next().unwrap_or_default();
        let expected = backticked(rest.split_once("expected").map_or("", |(_, e)| e));
        // `statement\u{a0}:`: a word processor's non-breaking space (or
        // another character that prints as nothing) inside the key, which
        // a person cannot see to compare.
        let seen: String = unknown
            .chars()
            .filter(|c| !c.is_whitespace() && !crate::base::invisible::is_invisible(*c))
            .collect();
        let help = match closest(unknown, expected.iter().copied()) {
            Some(best) if seen != unknown && seen == best => format!(
                "did you mean `{best}`? The key has an invisible character in it or after it (a non-breaking space, as word processors type): delete the key up to the `:` and type `{best}:` again"
            ),
            Some(best) => format!("did you mean `{best}`?"),
            None if expected.is_empty() => "remove this key".to_string(),
            None => format!("allowed keys here: {}", expected.join(", ")),
        };
        return (Code::UnknownKey, Some(help));
    }
    if let Some(rest) = after(message, "duplicate field `") {
        let key = rest.split('`').next().unwrap_or_default();
        return (
            Code::YamlSyntax,
            Some(format!(
                "`{key}` is given twice in the same block: keep one"
            )),
        );
    }
    if let Some(rest) = after(message, "missing field `") {
        let key = rest.split('`').next().unwrap_or_default();
        return (
            Code::MissingKey,
            Some(format!(
                "add `{key}:` here; see the plan reference in README.md"
            )),
        );
    }
    if message.contains("invalid date") {
        return (
            Code::BadDate,
            Some("write dates as YYYY-MM-DD, for example 2026-12-03".into()),
        );
    }
    if message.contains(" is too large a number: ") || message.contains(" is below zero: ") {
        return (
            Code::WrongType,
            Some("check the number: a dose, a count or a time in seconds is a small whole number, for example 10".into()),
        );
    }
    if message.contains("invalid type") {
        let expected = message.rsplit("expected ").next().unwrap_or_default();
        return (Code::WrongType, Some(type_example(expected)));
    }
    if message.contains("unknown variant") {
        let expected = backticked(message.rsplit("expected").next().unwrap_or_default());
        return (
            Code::ValueNotAllowed,
            Some(format!("use one of: {}", expected.join(", "))),
        );
    }
    if message.contains("invalid value") {
        return (Code::ValueNotAllowed, None);
    }
    (Code::YamlSyntax, Some(
        "check the indentation (spaces, not tabs) and that text containing `: ` or `#` is in quotes".into(),
    ))
}

fn strip_position(msg: &str) -> String {
    let mut out = match msg.rsplit_once(" at position ") {
        Some((head, n)) if n.trim().chars().all(|c| c.is_ascii_digit()) => head.to_string(),
        _ => msg.to_string(),
    };
    while let Some(i) = out.find(" at line ") {
        let rest = &out[i + " at line ".len()..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let Some(after) = rest[digits..].strip_prefix(" column ") else {
            break;
        };
        let col_digits = after.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || col_digits == 0 {
            break;
        }
        let end = i + " at line ".len() + digits + " column ".len() + col_digits;
        out.replace_range(i..end, "");
    }
    out
}

/// The plain scalar written at `pos` (`false` of `statement: false`, `12`
/// of `{ name: 12, reps: 3 }`), as the person wrote it.
fn raw_at(src: &str, pos: Option<Pos>) -> Option<&str> {
    let p = pos?;
    let line = src.lines().nth(p.line.checked_sub(1)?)?;
    let rest = &line[Pos::byte_in_line(line, p.column)?..];
    let end = rest.find([',', ']', '}']).unwrap_or(rest.len());
    let end = rest[..end].find(" #").unwrap_or(end);
    Some(rest[..end].trim()).filter(|r| !r.is_empty())
}

fn after<'a>(s: &'a str, pat: &str) -> Option<&'a str> {
    s.find(pat).map(|i| &s[i + pat.len()..])
}

fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

fn type_example(expected: &str) -> String {
    let e = expected.trim();
    if crate::content::count::is_count(e) {
        // A dose's count says its own range.
        return format!("expected {e}");
    }
    let example = if e.starts_with('u') || e.starts_with('i') || e.contains("integer") {
        "a whole number, for example `reps: 10`"
    } else if e.contains("sequence") {
        "a list: one `- item` per line"
    } else if e.contains("struct") || e.contains("map") {
        "a group of `key: value` lines, indented under this key"
    } else if e.contains("bool") {
        "`true` or `false`"
    } else if e.contains("string") || e.contains("date") {
        "text; put it in quotes if it contains `: ` or starts with a symbol"
    } else {
        return format!("expected {e}");
    };
    format!("expected {e}: {example}")
}

/// Split a Markdown document's YAML front matter (between `---` lines) from
/// its body. Returns `(front_matter, body, body_first_line)`.
pub fn split_front_matter(src: &str) -> Option<(&str, &str, usize)> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let rest = src
        .strip_prefix("---\n")
        .or_else(|| src.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let fm = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = fm.lines().count() + 3;
            return Some((fm, body, body_line));
        }
        offset += line.len();
    }
    None
}

/// Parse front matter that starts on line 2 of `file`: positions are shifted
/// so they point into the real file.
pub fn parse_front_matter<T: DeserializeOwned>(
    fm: &str,
    file: &Path,
) -> Result<T, Box<Diagnostic>> {
    parse(fm, file).map_err(|mut d| {
        if let Some(p) = d.pos.as_mut() {
            p.line += 1;
        }
        d
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct P {
        name: String,
        #[serde(default)]
        preferred_name: Option<String>,
        #[serde(default)]
        reps: Option<u32>,
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let e = parse::<P>("name: A\nprefered_name: B\n", Path::new("p.yaml")).unwrap_err();
        assert_eq!(e.code, Code::UnknownKey);
        assert_eq!(e.pos, Some(Pos { line: 2, column: 1 }));
        assert_eq!(e.help.as_deref(), Some("did you mean `preferred_name`?"));
        assert!(!e.message.contains(" at line "), "{}", e.message);
        assert_eq!(
            strip_position("did not find expected key at line 3 column 3, while parsing"),
            "did not find expected key, while parsing"
        );
    }

    #[test]
    fn wrong_type_names_the_expected_type() {
        let e = parse::<P>("name: A\nreps: many\n", Path::new("p.yaml")).unwrap_err();
        assert_eq!(e.code, Code::WrongType);
        assert_eq!(e.pos, Some(Pos { line: 2, column: 7 }));
        // The type is named in the message; the help shows a value to write.
        assert!(e.message.contains("whole number"), "{}", e.message);
        let help = e.help.unwrap_or_default();
        assert!(help.contains("`reps: "), "{help}");
    }

    #[test]
    fn control_characters_get_a_real_position() {
        let e = parse::<P>(
            "name: A\nreps: 1\npreferred_name: \"x\u{7f}\"\n",
            Path::new("p.yaml"),
        )
        .unwrap_err();
        assert_eq!(
            e.pos,
            Some(Pos {
                line: 3,
                column: 19
            }),
            "{}",
            e.message
        );
        assert!(!e.message.contains("position"), "{}", e.message);
    }

    #[test]
    fn locate_exercise_finds_nested_entries() {
        let src = "patient: {}\nsteps:\n  - title: A\n    exercises:\n      - use: x\n      - name: y\n        reps: 1\n  - title: B\n    exercises:\n      - reps: 10\nresponsibilities: {}\n";
        assert_eq!(locate_exercise(src, 0, 1), Some(Pos { line: 6, column: 9 }));
        assert_eq!(
            locate_exercise(src, 1, 0),
            Some(Pos {
                line: 10,
                column: 9
            })
        );
        assert_eq!(locate_exercise(src, 1, 1), None);
        assert_eq!(
            locate(src, "use", "x", 0),
            Some(Pos {
                line: 5,
                column: 14
            })
        );
        assert_eq!(
            locate("a:\n  use: pendulum\n  use: pend\n", "use", "pend", 0),
            Some(Pos { line: 3, column: 8 })
        );
    }

    #[test]
    fn front_matter_splits_and_counts_lines() {
        let (fm, body, line) = split_front_matter("---\ntitle: A\n---\n# Hi\n").unwrap();
        assert_eq!(fm, "title: A\n");
        assert_eq!(body, "# Hi\n");
        assert_eq!(line, 4);
        assert!(split_front_matter("# no front matter").is_none());
    }

    #[test]
    fn locate_finds_nth_value() {
        let src = "steps:\n  - exercises:\n      - use: pendulum\n      - { use: wall-slide, reps: 3 }\n      - use: pendulum\n";
        assert_eq!(
            locate(src, "use", "pendulum", 0),
            Some(Pos {
                line: 3,
                column: 14
            })
        );
        assert_eq!(
            locate(src, "use", "wall-slide", 0),
            Some(Pos {
                line: 4,
                column: 16
            })
        );
        assert_eq!(
            locate(src, "use", "pendulum", 1),
            Some(Pos {
                line: 5,
                column: 14
            })
        );
        assert_eq!(locate(src, "use", "nope", 0), None);
    }
}
