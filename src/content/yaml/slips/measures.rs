//! A visit's `measures:` with one value of the wrong shape
//! (`Reaching up: [Pain 5]`, `quickdash:` with nothing after it). serde
//! says only that "data did not match any variant of untagged enum
//! MeasureValue", at the start of the whole group; this finds the entry
//! that does not fit, so each is reported at its own line and column.

use super::{Slip, content_indent, indent, is_content};
use crate::base::diag::Pos;

/// The first entry of the group of measures at `pos` whose value is a
/// list or nothing, explained; `path` names the group (`visits[0].measures`).
pub(super) fn wrong_entry(path: &str, pos: Pos, src: &str) -> Option<Slip> {
    let lines: Vec<&str> = src.lines().collect();
    let li = pos.line.checked_sub(1)?;
    let line = *lines.get(li)?;
    let at = Pos::byte_in_line(line, pos.column)?;
    if line[at..].starts_with('{') {
        return in_flow(path, pos.line, line, at);
    }
    let base = content_indent(line);
    for (j, l) in lines.iter().enumerate().skip(li) {
        if !is_content(l) {
            continue;
        }
        let ci = content_indent(l);
        if j > li && (indent(l) < base || (ci == base && l.trim_start().starts_with("- "))) {
            break;
        }
        if ci != base {
            continue;
        }
        let body = &l[ci..];
        let Some((key, value)) = split_entry(body) else {
            continue;
        };
        let value_at = ci + (body.len() - value.len());
        let below = lines[j + 1..].iter().find(|n| is_content(n));
        let deeper = below.filter(|n| indent(n) > indent(l));
        if value.starts_with('[') {
            let items = list_items(value);
            return Some(list(path, key, items, pos_of(j, l, value_at)));
        }
        if value.is_empty() {
            match deeper.map(|n| n.trim_start()) {
                Some(n) if n.starts_with("- ") => {
                    let items = lines[j + 1..]
                        .iter()
                        .filter(|n| is_content(n))
                        .take_while(|n| indent(n) > indent(l))
                        .filter_map(|n| n.trim_start().strip_prefix("- "))
                        .map(|s| s.trim().to_string())
                        .collect();
                    return Some(list(path, key, items, pos_of(j, l, ci)));
                }
                Some(_) => {}
                None => return Some(empty(path, key, pos_of(j, l, ci))),
            }
        }
    }
    None
}

/// The same, for a group written `{ a: 6, b: [Not yet] }` on one line.
fn in_flow(path: &str, line_no: usize, line: &str, open: usize) -> Option<Slip> {
    let mut depth = 0usize;
    let mut entry = open + 1;
    for (i, c) in line[open..].char_indices() {
        let i = open + i;
        match c {
            '{' | '[' if depth == 1 && c == '[' => {
                let key = line[entry..i].trim().trim_end_matches(':').trim();
                let end = line[i..].find(']').map_or(line.len(), |e| i + e + 1);
                let items = list_items(&line[i..end]);
                return Some(list(path, key, items, pos_of(line_no - 1, line, i)));
            }
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => {
                let key = line[entry..i].trim();
                if key.ends_with(':') {
                    let key = key.trim_end_matches(':').trim();
                    let at = entry + line[entry..i].find(key).unwrap_or(0);
                    return Some(empty(path, key, pos_of(line_no - 1, line, at)));
                }
                entry = i + 1;
            }
            _ => {}
        }
    }
    None
}

/// `key: value` (the value trimmed, without a comment), when `body` is one.
fn split_entry(body: &str) -> Option<(&str, &str)> {
    let (key, value) = match body.split_once(": ") {
        Some(kv) => kv,
        None => (body.trim_end().strip_suffix(':')?, ""),
    };
    let value = value.split(" #").next().unwrap_or_default().trim();
    Some((key.trim().trim_matches(['"', '\'']), value))
}

/// The items of `[a, b]`.
fn list_items(flow: &str) -> Vec<String> {
    flow.trim_start_matches('[')
        .split(']')
        .next()
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().trim_matches(['"', '\'']).to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The position of byte `at` of line `li` (0-based).
fn pos_of(li: usize, line: &str, at: usize) -> Pos {
    Pos {
        line: li + 1,
        column: line.get(..at).map_or(1, |h| h.chars().count() + 1),
    }
}

fn list(path: &str, key: &str, items: Vec<String>, pos: Pos) -> Slip {
    let value = match &items[..] {
        [] => "a number or a text".to_string(),
        [one] => one.clone(),
        many => many.join(", "),
    };
    Slip {
        pos,
        message: format!(
            "`{key}` under `{path}` is given a list: a measure takes one number or one text"
        ),
        help: format!("take away the list: write it as `{key}: {value}`"),
    }
}

fn empty(path: &str, key: &str, pos: Pos) -> Slip {
    Slip {
        pos,
        message: format!("`{key}` under `{path}` has no value"),
        help: format!(
            "write what was measured after the colon, for example `{key}: 5`, or delete the line"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::wrong_entry;
    use crate::base::diag::Pos;

    fn at(src: &str, line: usize, column: usize) -> Option<(usize, usize, String)> {
        wrong_entry("visits[0].measures", Pos { line, column }, src).map(|s| {
            (
                s.pos.line,
                s.pos.column,
                format!("{} | {}", s.message, s.help),
            )
        })
    }

    #[test]
    fn the_entry_that_does_not_fit_is_found() {
        let src = "visits:\n  - date: 2026-11-20\n    measures:\n      reach-pain: 6\n      Reaching up: [Pain 5]\n";
        let (l, c, s) = at(src, 4, 7).unwrap_or_default();
        assert_eq!((l, c), (5, 20), "{s}");
        assert!(s.contains("`Reaching up: Pain 5`"), "{s}");
        let src = "    measures:\n      reach-pain: 6\n      quickdash:\n    note: x\n";
        let (l, c, s) = at(src, 2, 7).unwrap_or_default();
        assert_eq!((l, c), (3, 7), "{s}");
        assert!(s.contains("has no value"), "{s}");
        let src = "    measures:\n      a: 6\n      b:\n        - Pain 5\n";
        assert_eq!(at(src, 2, 7).map(|t| (t.0, t.1)), Some((3, 7)));
        // PSFS activities are a group, not a slip.
        let src = "    measures:\n      psfs:\n        Climb: 6\n      b: [x]\n";
        assert_eq!(at(src, 2, 7).map(|t| (t.0, t.1)), Some((4, 10)));
        let src = "    measures: { a: 6, Reaching up: [Pain 5] }\n";
        let (l, c, s) = at(src, 1, 15).unwrap_or_default();
        assert_eq!((l, c), (1, 36), "{s}");
        assert!(s.contains("`Reaching up` under"), "{s}");
        assert_eq!(at("x: é\n", 1, 4), None);
        assert_eq!(at("", 3, 1), None);
    }
}
