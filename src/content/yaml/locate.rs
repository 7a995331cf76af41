//! Positions of keys and values found after parsing (unknown exercise ids,
//! themes, languages...), for diagnostics raised by later stages.

use crate::base::diag::Pos;

/// Find where `key: value` occurs for the `nth` time (0-based) in a YAML
/// source, for diagnostics raised after parsing (unknown exercise ids...).
/// Returns the position of the value. Works for block and flow style.
pub fn locate(src: &str, key: &str, value: &str, nth: usize) -> Option<Pos> {
    let mut seen = 0;
    for (i, line) in src.lines().enumerate() {
        let mut from = 0;
        while let Some(k) = line[from..].find(key) {
            let start = from + k;
            from = start + key.len();
            let before_ok = start == 0
                || !line[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
            let rest = &line[from..];
            let Some(rest) = rest.strip_prefix(':') else {
                continue;
            };
            let trimmed = rest.trim_start();
            let unquoted = trimmed.trim_start_matches(['"', '\'']);
            // The whole value: a plain scalar runs to the end of the line
            // (or a comment), a flow one to `,` `}` `]`, a quoted one to its quote.
            let quoted = trimmed.starts_with(['"', '\'']);
            let whole = unquoted.strip_prefix(value).is_some_and(|after| {
                let rest = after.trim_start();
                (quoted && after.starts_with(['"', '\'']))
                    || rest.is_empty()
                    || rest.starts_with([',', '}', ']', '#'])
            });
            if before_ok && whole {
                if seen == nth {
                    let col_byte = line.len() - trimmed.len();
                    return Some(Pos {
                        line: i + 1,
                        column: line[..col_byte].chars().count() + 1,
                    });
                }
                seen += 1;
            }
        }
    }
    None
}

/// Where the `item`-th entry of the `exercises:` list of the `step`-th entry
/// of `steps:` starts (block style; `None` for flow style). For several
/// entries of one file, [`exercise_entries`] reads it once.
pub fn locate_exercise(src: &str, step: usize, item: usize) -> Option<Pos> {
    exercise_entries(src).get(step)?.get(item).copied()
}

/// [`locate_exercise`] for every entry at once: by step, the start of each
/// of its exercises (none where a step's `exercises:` is not a block list).
/// Empty when the file has no block `steps:` list.
pub fn exercise_entries(src: &str) -> Vec<Vec<Pos>> {
    // Each line's indentation and the rest, worked out once (this runs on
    // most plans of a check, and each line is looked at several times).
    let lines: Vec<(usize, &str)> = src
        .lines()
        .map(|l| {
            let rest = trim_start(l);
            (l.len() - rest.len(), rest)
        })
        .collect();
    let Some(top) = lines.iter().position(|(ind, l)| {
        *ind == 0 && (l.starts_with("steps:") || l.starts_with("guide_steps:"))
    }) else {
        return Vec::new();
    };
    // Entries of a block list: lines whose first non-space is "- " at the
    // list's indentation, until a line less indented than that.
    let entries = |from: usize, min_indent: usize| -> Vec<usize> {
        let mut out = Vec::new();
        let mut list_indent = None;
        for (i, &(ind, l)) in lines.iter().enumerate().skip(from) {
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            if ind < min_indent {
                break;
            }
            if l.starts_with("- ") || l.trim_end() == "-" {
                let li = *list_indent.get_or_insert(ind);
                if ind == li {
                    out.push(i);
                } else if ind < li {
                    break;
                }
            } else if list_indent.is_some_and(|li| ind <= li) && ind < min_indent + 1 {
                break;
            }
        }
        out
    };
    let steps = entries(top + 1, 0);
    let mut out = Vec::with_capacity(steps.len());
    for (k, &s) in steps.iter().enumerate() {
        let step_indent = lines[s].0;
        let end = steps.get(k + 1).copied().unwrap_or(lines.len());
        let ex = (s..end).find(|&i| {
            lines[i]
                .1
                .trim_start_matches("- ")
                .starts_with("exercises:")
        });
        let items = ex.map_or_else(Vec::new, |ex| entries(ex + 1, step_indent + 1));
        out.push(
            items
                .into_iter()
                .map(|at| Pos {
                    line: at + 1,
                    column: lines[at].0 + 3,
                })
                .collect(),
        );
    }
    out
}

/// `l.trim_start()`, a byte at a time over the ASCII white space that
/// indents YAML (Unicode's white space is looked up only after it).
fn trim_start(l: &str) -> &str {
    let ascii = l
        .bytes()
        .take_while(|b| matches!(b, b'\t'..=b'\r' | b' '))
        .count();
    let rest = &l[ascii..];
    match rest.bytes().next() {
        Some(b) if !b.is_ascii() => rest.trim_start(),
        _ => rest,
    }
}

/// Find the line of a top-level-or-nested key (first occurrence).
pub fn locate_key(src: &str, key: &str) -> Option<Pos> {
    src.lines().enumerate().find_map(|(i, line)| {
        let t = line.trim_start().trim_start_matches("- ");
        (t.starts_with(key) && t[key.len()..].starts_with(':')).then(|| Pos {
            line: i + 1,
            column: line.len() - t.len() + 1,
        })
    })
}

/// Where the key `key` of the map under the first `parent:` stands: on
/// its own line in the block below `parent:` (`translations:` then
/// `  es:`), or in braces on the same line (`output: { public: x }`).
/// `None` when it is not there.
pub fn locate_child_key(text: &str, parent: &str, key: &str) -> Option<Pos> {
    let out = locate_key(text, parent)?;
    let indent = |l: &str| l.len() - l.trim_start().len();
    let base = out.column - 1;
    for (i, line) in text.lines().enumerate().skip(out.line - 1) {
        let body = line.trim_start();
        let inside =
            i + 1 == out.line || body.is_empty() || body.starts_with('#') || indent(line) > base;
        if !inside {
            break;
        }
        let from = if i + 1 == out.line {
            base + parent.len() + 1
        } else {
            0
        };
        let found = line.match_indices(key).find(|(at, _)| {
            *at >= from
                && (*at == 0 || line[..*at].ends_with([' ', '{', ',', '\t', '"', '\'']))
                && line[at + key.len()..]
                    .trim_start_matches(['"', '\''])
                    .starts_with(':')
        });
        if let Some((at, _)) = found {
            let at = if line[..at].ends_with(['"', '\'']) {
                at - 1
            } else {
                at
            };
            return Some(Pos {
                line: i + 1,
                column: line[..at].chars().count() + 1,
            });
        }
    }
    None
}

/// The `nth` (0-based) item of the block list under the first `key:`
/// (`locate_item(src, "measures", 2)`): where its `- ` stands. `None` for
/// a list written in brackets or shorter than that.
pub fn locate_item(src: &str, key: &str, nth: usize) -> Option<Pos> {
    let at = locate_key(src, key)?;
    let line = src.lines().nth(at.line - 1)?;
    let owner = line.len() - line.trim_start().len();
    let mut dash = None;
    let mut seen = 0;
    for (i, line) in src.lines().enumerate().skip(at.line) {
        let t = line.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let ind = line.len() - t.len();
        if ind < owner || (ind == owner && !t.starts_with('-')) {
            return None;
        }
        if (t.starts_with("- ") || t == "-") && dash.is_none_or(|d| d == ind) {
            dash = Some(ind);
            if seen == nth {
                return Some(Pos {
                    line: i + 1,
                    column: ind + 1,
                });
            }
            seen += 1;
        } else if dash.is_some_and(|d| ind < d) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_start_is_str_trim_start() {
        // Every ASCII byte and the Unicode spaces a line may start with.
        let mut starts: Vec<char> = (0u8..0x80).map(char::from).collect();
        starts.extend(['\u{85}', '\u{a0}', '\u{2003}', '\u{3000}', 'é', '-']);
        for a in &starts {
            for b in &starts {
                let line = format!("{a}{b}  x: 1");
                assert_eq!(trim_start(&line), line.trim_start(), "{line:?}");
            }
        }
    }

    #[test]
    fn entries_are_found_under_any_indentation() {
        let src = "steps:\n  - title: A\n    exercises:\n      - use: a\n      -\n        use: b\n\t\n  - title: B\n    exercises: [x]\n  - title: C\n    exercises:\n    - use: c\n";
        assert_eq!(
            exercise_entries(src),
            vec![
                vec![Pos { line: 4, column: 9 }, Pos { line: 5, column: 9 }],
                vec![],
                vec![Pos {
                    line: 12,
                    column: 7
                }],
            ]
        );
    }

    #[test]
    fn list_items_are_found_by_their_place() {
        let src = "goal:\n  measures:\n    - name: A\n      now: 1\n    -\n      name: B\n    - { name: C }\nnext: x\n";
        let at = |n| locate_item(src, "measures", n).map(|p| p.line);
        assert_eq!(
            (at(0), at(1), at(2), at(3)),
            (Some(3), Some(5), Some(7), None)
        );
        // A list at the key's own indentation, and one in brackets.
        let src = "measures:\n- name: A\n- name: B\nother: 1\n";
        assert_eq!(locate_item(src, "measures", 1).map(|p| p.line), Some(3));
        assert_eq!(locate_item("measures: [a, b]\n", "measures", 0), None);
    }
}
