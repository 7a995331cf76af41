//! Every other value of the wrong shape (see [`super::shapes`] for a list
//! or a text where a group of keys belongs): a list where one text, a
//! date, a number or a word belongs (`name: [Dana, Whitfield]`,
//! `side: [left]`, `pronouns:` with `- she` under it), a group of keys
//! where a text belongs (`- { task: Check your knee }`), a text where a
//! list item's group belongs (`- Stairs without stopping` under
//! `measures:`), a word where `true` or `false` belongs. serde's words
//! ("invalid type: sequence, expected text") never reach a person: these
//! say what the key takes, in plain words, and show the line fixed.

use super::{Slip, content_indent, indent, is_content, key_of, quoted};
use crate::base::diag::Pos;

/// What serde's `expected …` names, in plain words.
fn wanted(expected: &str) -> String {
    let e = expected.trim();
    match e {
        "text" | "a string" => "one text".into(),
        "a map" => "a group of `key: value` lines".into(),
        "a sequence" => "a list".into(),
        "a boolean" => "`true` or `false`".into(),
        "a YAML tag starting with '!'" => "one word".into(),
        _ if e.starts_with("struct ") => "a group of `key: value` lines".into(),
        _ if e.len() <= 4 && (e.starts_with('u') || e.starts_with('i')) => "a whole number".into(),
        _ if e.starts_with('f') && e.len() == 3 => "a number".into(),
        _ => e.to_string(),
    }
}

/// What serde's `invalid type: …` found, in plain words.
fn found_words(found: &str) -> String {
    match found {
        "sequence" => "a list".into(),
        "map" => "a group of `key: value` lines".into(),
        "unit" | "option" => "nothing".into(),
        f if f.starts_with("string ") => format!("the text {}", &f[7..]),
        f if f.starts_with("boolean ") => format!("the word {}", &f[8..]),
        f => f
            .replace("integer", "the number")
            .replace("floating point", "the number"),
    }
}

/// The first key of a group serde names by its Rust type, to show the
/// line fixed (`- { name: Stairs without stopping }`).
pub(super) fn first_key(expected: &str) -> Option<&'static str> {
    Some(match expected.trim().strip_prefix("struct ")? {
        "Measure" | "Activity" | "Clinician" | "Patient" | "Exercise" | "ReviewedFile" => "name",
        "ExerciseItem" => "use",
        "Problem" => "summary",
        "Goal" => "statement",
        "GuideStep" => "title",
        "NextVisit" => "date",
        "Visit" => "date",
        "HandoutOptions" => "theme",
        _ => return None,
    })
}

/// A text as it may stand after `key: ` on one line: quoted when YAML
/// would read it otherwise.
fn as_value(text: &str) -> String {
    let t = text.trim();
    let plain = !t.is_empty()
        && !t.contains(':')
        && !t.contains(" #")
        && !t.ends_with(':')
        && !t.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c));
    if plain { t.to_string() } else { quoted(t) }
}

/// The items of the list at line `li` (0-based): a flow list `[a, b]`
/// starting at byte `at`, or the `- item` lines from `li` on.
fn items(lines: &[&str], li: usize, at: usize) -> Option<Vec<String>> {
    let line = lines[li];
    let rest = &line[at..];
    if let Some(inner) = rest.strip_prefix('[') {
        let inner = inner.split(']').next()?;
        return Some(
            inner
                .split(',')
                .map(|s| s.trim().trim_matches(['"', '\'']).to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        );
    }
    let dash = indent(line);
    let mut out = Vec::new();
    for l in lines[li..].iter().filter(|l| is_content(l)) {
        if indent(l) < dash || (indent(l) == dash && !l.trim_start().starts_with("- ")) {
            break;
        }
        if indent(l) == dash {
            let t = l.trim_start()[2..].trim();
            if t.contains(": ") || t.starts_with(['[', '{']) {
                return None;
            }
            out.push(t.trim_matches(['"', '\'']).to_string());
        }
    }
    Some(out)
}

/// The `key:` line a value at line `li` belongs to: `li` itself when it
/// is `key: value`, else the nearest line above indented less.
fn key_line<'a>(lines: &[&'a str], li: usize, key: &str) -> Option<&'a str> {
    let own = lines[li];
    if key_of(own).is_some_and(|(k, _)| k == key) {
        return Some(own);
    }
    let deeper = indent(own);
    lines[..li]
        .iter()
        .rev()
        .filter(|l| is_content(l))
        .find(|l| content_indent(l) < deeper || indent(l) < deeper)
        .copied()
        .filter(|l| key_of(l).is_some_and(|(k, _)| k == key))
}

/// Explain "`path`: invalid type: `found`, expected `expected`" at `pos`.
/// `None` for a number or a yes/no where text belongs, and a text where a
/// number belongs: their own explanations say which to write.
pub(super) fn explain(
    path: &str,
    found: &str,
    expected: &str,
    pos: Pos,
    src: &str,
) -> Option<Slip> {
    let shape = matches!(found, "sequence" | "map");
    let text_for = found.starts_with("string ")
        && (expected == "a boolean" || first_key(expected).is_some() || expected == "a map");
    if !(shape || text_for) {
        return None;
    }
    let lines: Vec<&str> = src.lines().collect();
    let li = pos.line.checked_sub(1)?;
    let line = *lines.get(li)?;
    let at = Pos::byte_in_line(line, pos.column)?;
    let key = path.rsplit('.').next()?;
    let bare_key = key.split('[').next().unwrap_or(key);
    let want = wanted(expected);
    let message = format!("`{path}` takes {want}, not {}", found_words(found));
    let help = help(&lines, li, at, bare_key, found, expected)
        .unwrap_or_else(|| match want.as_str() {
            "a group of `key: value` lines" => format!(
                "write `{bare_key}:` alone on its line and its keys under it, indented 2 more spaces (see this file's section in README.md for the keys)"
            ),
            _ => format!("write `{bare_key}:` with {want} after it, on the same line"),
        });
    Some(Slip { pos, message, help })
}

/// The help showing the line fixed, when it can be shown.
fn help(
    lines: &[&str],
    li: usize,
    at: usize,
    key: &str,
    found: &str,
    expected: &str,
) -> Option<String> {
    let line = lines[li];
    if expected == "a boolean" {
        let head = &line[..line.find(key)?];
        return Some(format!("write `{head}{key}: true` or `{head}{key}: false`"));
    }
    if let (Some(first), Some(text)) = (first_key(expected), found.strip_prefix("string ")) {
        // `- Stairs without stopping` where an item's keys belong.
        let dash = &line[..at];
        let text = text.trim_matches('"');
        return Some(format!(
            "give the text its key: write it as `{dash}{{ {first}: {} }}` and add the item's other keys (see this file's section in README.md)",
            as_value(text)
        ));
    }
    if found == "sequence" && !expected.starts_with("struct ") && expected != "a map" {
        let items = items(lines, li, at)?;
        let kl = key_line(lines, li, key)?;
        let head = &kl[..kl.find(key)?];
        if wanted(expected) == "a whole number" || crate::content::count::is_count(expected) {
            // `reps: [10, 12]`: a count is one number.
            let first = items.first()?;
            return Some(format!(
                "a count is one number: write `{head}{key}: {first}`, and say the rest in `note:` if it matters"
            ));
        }
        let one_word = items.iter().all(|i| !i.contains(' '));
        let joined = match &items[..] {
            // `time: [10, 30]`: a time of day.
            [h, m]
                if key == "time"
                    && [h, m].iter().all(|n| n.bytes().all(|b| b.is_ascii_digit())) =>
            {
                format!("{h}:{m:0>2}")
            }
            _ => items.join(if one_word && expected == "text" {
                " "
            } else {
                ", "
            }),
        };
        let below = if key_of(line).is_some() {
            ""
        } else {
            ", and delete the `- ` lines below it"
        };
        return Some(format!(
            "take away the list: write it as `{head}{key}: {}`{below}",
            as_value(&joined)
        ));
    }
    if let (Some(first), true) = (first_key(expected), found == "sequence") {
        // `clinician: [Sam Rivera]`: one text, the group's first key.
        let items = items(lines, li, at)?;
        let [one] = &items[..] else { return None };
        let kl = key_line(lines, li, key)?;
        let head = &kl[..kl.find(key)?];
        return Some(format!(
            "give the text its key: write it as `{head}{key}: {{ {first}: {} }}`",
            as_value(one)
        ));
    }
    if found == "map" {
        let rest = line[at..].trim();
        if let Some(inner) = rest.strip_prefix('{') {
            // `- { task: Check your knee }`: the text after the key.
            let inner = inner.split('}').next()?;
            let (_, value) = inner.split_once(':')?;
            return Some(format!(
                "write the text alone: `{}{}`",
                &line[..at],
                as_value(value)
            ));
        }
        // `summary:` with `Pain: when I climb` on the line below: a text
        // with `: ` in it, read as a key.
        let kl = key_line(lines, li, key)?;
        let head = &kl[..kl.find(key)?];
        return Some(format!(
            "if it is one text, put it on the line of `{key}:` in quotes: `{head}{key}: {}`",
            quoted(rest)
        ));
    }
    None
}

/// serde's "unknown variant `lft`, expected one of `left`, `right`" and
/// "data did not match any variant of untagged enum MeasureValue", in
/// plain words, with the line fixed where it can be shown.
pub(super) fn variant(message: &str, pos: Pos, src: &str) -> Option<Slip> {
    let line = src.lines().nth(pos.line.checked_sub(1)?)?;
    if let Some((path, rest)) = message.split_once(": unknown variant `") {
        let (given, rest) = rest.split_once('`')?;
        let allowed: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        let list = allowed.join(", ");
        let key = path.rsplit('.').next()?.split('[').next()?;
        let head = key_of(line)
            .filter(|(k, _)| *k == key)
            .map(|(_, colon)| &line[..colon - key.len()]);
        let best = crate::base::diag::closest(given, allowed.iter().copied());
        let help = match (best, head) {
            (Some(b), Some(h)) => format!(
                "did you mean `{b}`? write it as `{h}{key}: {b}` (`{key}` takes one of: {list})"
            ),
            (Some(b), None) => format!("did you mean `{b}`? `{key}` takes one of: {list}"),
            (None, _) => format!("write one of: {list}"),
        };
        return Some(Slip {
            pos,
            message: format!("`{path}` cannot be `{given}`: it takes one of {list}"),
            help,
        });
    }
    let (path, rest) = message.split_once(": data did not match any variant of untagged enum ")?;
    if rest.trim() == "MeasureValue"
        && let Some(s) = super::measures::wrong_entry(path, pos, src)
    {
        return Some(s);
    }
    let (takes, help) = match rest.trim() {
        "MeasureValue" => (
            "a number or one text for each measure",
            "write each measure on its own line as `name: value`, e.g. `stairs-without-stopping: 2` or `reaching-up: Pain 4 out of 10`",
        ),
        "Safety" => (
            "one text, or one text per language",
            "write it as `safety: Stop and call us if the pain gets worse.`, or `safety: { en: …, es: … }`",
        ),
        _ => return None,
    };
    Some(Slip {
        pos,
        message: format!("a value under `{path}` is not {takes}"),
        help: help.to_string(),
    })
}
