//! Text that starts with a character YAML reads as syntax, as people write
//! it when they think in Markdown or in words: `*Do not* lift` (a reference
//! to an anchor), `> 5 reps` (a folded block), `[Video](https://…) here`
//! (a list), `"Slow" is the word` (a quoted text with more after it),
//! `- one` after a key (a list item), `!important` (a type tag).
//! libyaml's messages for these ("did not find expected alphabetic or
//! numeric character, while scanning an alias") say nothing a person can
//! act on; the fix is always the same: quote the whole text.

use super::{Slip, content_indent, key_of, quoted};
use crate::base::diag::Pos;

/// The error at `pos` (on line `li`) comes from a value that starts with
/// a YAML indicator and goes on with text.
pub(super) fn indicator_start(lines: &[&str], li: usize, pos: Pos) -> Option<Slip> {
    let line = *lines.get(li)?;
    if pos.line != li + 1 {
        return None;
    }
    // The value: after `key: `, or a list item's text.
    let (key, start) = match key_of(line) {
        Some((k, colon)) => {
            let after = &line[colon + 1..];
            (
                Some(k),
                colon + 1 + (after.len() - after.trim_start().len()),
            )
        }
        None if line.trim_start().starts_with("- ") => (None, content_indent(line)),
        None => return None,
    };
    let value = line[start..].trim_end();
    let first = value.chars().next()?;
    let why = why(first, value)?;
    // The error must be in the value, not before it.
    if pos.column <= line[..start].chars().count() {
        return None;
    }
    let head = match key {
        Some(k) => format!("{}{k}: ", &line[..content_indent(line)]),
        None => line[..start].to_string(),
    };
    let message = match first {
        '"' | '\'' => format!(
            "this text starts with a quoted part ({first}…{first}) and goes on after it; {why}"
        ),
        _ => format!("text cannot start with `{first}` unless it is in quotes: {why}"),
    };
    Some(Slip {
        pos: Pos {
            line: li + 1,
            column: line[..start].chars().count() + 1,
        },
        message,
        help: format!(
            "put the whole text in quotes: write it as `{head}{}`",
            quoted(value)
        ),
    })
}

/// "found character that cannot start any token": a value (after `key: `,
/// a list item's `- `, or inside `[…]`/`{…}`) that starts with `@`, `%`
/// or a backquote. A backquote is most often meant as a quote mark
/// (`` name: `Walt` ``, as in a chat app or Markdown): the fix is
/// straight double quotes in its place.
pub(super) fn cannot_start(line: &str, pos: Pos) -> Option<Slip> {
    let c = Pos::byte_in_line(line, pos.column)?;
    let ch = line[c..].chars().next()?;
    if !matches!(ch, '@' | '`' | '%') {
        return None;
    }
    let before = line[..c].trim_end();
    let in_flow = before.matches(['[', '{']).count() > before.matches([']', '}']).count();
    if !(before.is_empty() || before.ends_with([':', '-', '[', '{', ','])) {
        return None;
    }
    // The value runs to the end of the line (less a comment), or in a
    // `[…]`/`{…}` to the next comma or bracket.
    let rest = &line[c..];
    let end = match in_flow {
        true => rest.find([',', ']', '}']),
        false => rest.find(" #"),
    }
    .unwrap_or(rest.len());
    let value = rest[..end].trim_end();
    let fixed = match ch {
        // Backquotes used as quote marks, around all or part of the text.
        '`' => quoted(value.replace('`', "").trim()),
        _ => quoted(value),
    };
    let fixed_line = format!("{}{fixed}{}", &line[..c], rest[value.len()..].trim_end());
    let pos = Pos {
        line: pos.line,
        column: line[..c].chars().count() + 1,
    };
    Some(match ch {
        '`' => Slip {
            pos,
            message: "this text starts with a backquote (`), which YAML does not allow at the start of a value".into(),
            help: format!("to put text in quotes, use straight double quotes (\") instead: write it as `{}`", fixed_line.trim_end()),
        },
        _ => Slip {
            pos,
            message: format!("text cannot start with `{ch}` unless it is in quotes"),
            help: format!("put the whole text in quotes: write it as `{}`", fixed_line.trim_end()),
        },
    })
}

/// Why a value starting with `first` cannot be read as text, when it
/// cannot (and goes on with text after the indicator).
fn why(first: char, value: &str) -> Option<&'static str> {
    let rest = &value[first.len_utf8()..];
    let has_text = |r: &str| {
        let t = r.trim();
        !t.is_empty() && !t.starts_with('#')
    };
    Some(match first {
        '*' => "YAML reads `*` there as a reference to another value",
        '&' => "YAML reads `&` there as a name given to the value",
        '!' => "YAML reads `!` there as a type tag",
        '|' | '>' => {
            // `|`, `>-`, `|2` open a block of text below: no slip.
            if !has_text(
                rest.trim_start_matches(['-', '+', '1', '2', '3', '4', '5', '6', '7', '8', '9']),
            ) {
                return None;
            }
            "YAML reads it as the start of a block of text on the lines below"
        }
        '[' | '{' => {
            let close = closing_bracket(value)?;
            if !has_text(&value[close + 1..]) {
                return None;
            }
            match first {
                '[' => "YAML reads `[…]` as a list, and cannot read the words after it",
                _ => "YAML reads `{…}` as a group of keys, and cannot read the words after it",
            }
        }
        '"' | '\'' => {
            let close = rest.find(first)?;
            if !has_text(&rest[close + 1..]) {
                return None;
            }
            "YAML reads the quoted part as the whole text, and cannot read the words after it"
        }
        '-' if rest.starts_with(' ') => "YAML reads `- ` there as the start of a list item",
        '?' if rest.starts_with(' ') => "YAML reads `? ` there as the start of a key",
        _ => return None,
    })
}

/// The byte of the bracket that closes the one `value` starts with.
fn closing_bracket(value: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in value.char_indices() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slip(line: &str, column: usize) -> Option<Slip> {
        indicator_start(&[line], 0, Pos { line: 1, column })
    }

    #[test]
    fn markdown_and_quotes_at_the_start_of_text_are_explained() {
        let s = slip("  focus: *Do not* lift", 12).expect("alias");
        assert_eq!(
            s.pos,
            Pos {
                line: 1,
                column: 10
            }
        );
        assert!(
            s.help.ends_with("`  focus: \"*Do not* lift\"`"),
            "{}",
            s.help
        );
        let s = slip("    - [Video](https://x.test) watch", 14).expect("link");
        assert!(s.help.contains("`    - \"[Video](https://x.test) watch\"`"));
        assert!(slip("  a: \"Slow\" is the word", 13).is_some());
        assert!(slip("  a: > 5 reps", 7).is_some());
    }

    #[test]
    fn real_syntax_is_left_alone() {
        assert_eq!(slip("  a: |", 6), None);
        assert_eq!(slip("  a: >-  # folded", 6), None);
        assert_eq!(slip("  a: [x, y]", 9), None);
        assert_eq!(slip("  a: \"x\"  # note", 9), None);
        assert_eq!(slip("  a: -5 degrees", 6), None);
        // An error before the value is not about it.
        assert_eq!(slip("  a: *x y", 2), None);
    }
}
