//! A value of the wrong shape: a list where one group of keys belongs
//! (`clinician:` with `- name: …` under it), a text where a group or a
//! list belongs. serde's words ("invalid type: sequence, expected struct
//! Clinician") are Rust's; these say what the key holds, in plain words,
//! and show the line to write.

use super::{Slip, indent, key_of, quoted};
use crate::base::diag::Pos;

/// Explain serde's "invalid type" `message` at `pos` in `src`, when the
/// value is a list or a text where a group or a list belongs.
pub(super) fn explain(message: &str, pos: Pos, src: &str) -> Option<Slip> {
    let (path, rest) = message.split_once(": invalid type: ")?;
    let (found, expected) = rest.rsplit_once(", expected ")?;
    known(path, found, expected, pos, src)
        .or_else(|| super::wrong::explain(path, found, expected, pos, src))
}

/// A list or a text where a group of keys or a list belongs.
fn known(path: &str, found: &str, expected: &str, pos: Pos, src: &str) -> Option<Slip> {
    let key = path.rsplit('.').next()?.split('[').next()?;
    if key.is_empty() {
        return None;
    }
    let group = expected.starts_with("struct ") || expected == "a map";
    let list = expected == "a sequence";
    let line = src.lines().nth(pos.line.checked_sub(1)?)?;
    let at = Pos::byte_in_line(line, pos.column)?;
    if group && found == "sequence" && line[at..].starts_with("- ") {
        return Some(list_for_group(src, path, pos, line, expected));
    }
    let (k, colon) = key_of(line)?;
    let text = line[colon + 1..].trim();
    if k != key || !found.starts_with("string ") || text.is_empty() {
        return None;
    }
    let head = &line[..colon - k.len()];
    if list {
        return Some(Slip {
            pos,
            message: format!("`{path}` holds a list, not a single text"),
            help: format!(
                "put the text in square brackets: write it as `{head}{key}: [{}]`",
                quoted(text)
            ),
        });
    }
    let help = match super::wrong::first_key(expected) {
        // `clinician: Sam Rivera`: the text is the group's first key.
        Some(first) => format!(
            "give the text its key: write it as `{head}{key}: {{ {first}: {text} }}`, or `{head}{key}:` alone on its line with `{first}: {text}` under it, indented 2 more spaces"
        ),
        None => format!(
            "write `{head}{key}:` alone on its line and each part of the text on a line below it, under its own key, indented 2 more spaces (see this file's section in README.md for the keys)"
        ),
    };
    group.then(|| Slip {
        pos,
        message: format!("`{path}` holds a group of `key: value` lines, not a single text"),
        help,
    })
}

/// `clinician:` followed by `- name: …` items, where one group of keys
/// belongs (`key` is its path, `clinic.clinician`): the dash is what
/// makes it a list.
fn list_for_group(src: &str, key: &str, pos: Pos, item: &str, expected: &str) -> Slip {
    let dash = indent(item);
    let items = src
        .lines()
        .skip(pos.line - 1)
        .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#') || indent(l) >= dash)
        .filter(|l| indent(l) == dash && l.trim_start().starts_with("- "))
        .count();
    let body = item.trim_start()[2..].trim_start();
    let one = if items > 1 {
        "keep one item and take out its `- `"
    } else {
        "take out the `- `"
    };
    let help = match key_of(&format!("{}{body}", " ".repeat(dash))) {
        Some((first, _)) => format!(
            "{one}: write it as `{}{body}`, with the item's other keys lined up under `{first}`",
            " ".repeat(dash)
        ),
        // `- Sam Rivera` under `clinician:`: a text without its key.
        None => match super::wrong::first_key(expected) {
            Some(first) if !body.starts_with(['[', '{']) => format!(
                "{one} and give the text its key: write it as `{}{first}: {}`, under `{}:`",
                " ".repeat(dash),
                body.trim(),
                key.rsplit('.').next().unwrap_or(key)
            ),
            _ => format!(
                "{one}, and write the item as `key: value` lines (see this file's section in README.md for the keys)"
            ),
        },
    };
    Slip {
        pos,
        message: format!(
            "`{key}` holds one group of keys, not a list: the `-` in front makes it a list"
        ),
        help,
    }
}
