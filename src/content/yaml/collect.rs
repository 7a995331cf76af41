//! Every problem of a file in one run.
//!
//! serde stops at the first error. To find the next one, the offending
//! entry is taken out of a copy of the text and the copy parsed again:
//! a misspelt key is renamed to the key its "did you mean" names (so its
//! value is still read and checked); another unknown (or a repeated) key
//! is blanked out with everything indented under it; a value of the wrong
//! type is replaced by a placeholder of the
//! expected type (`0`, `""`, `[]`, `{}`, `false`, a date, the first allowed
//! word). Lines are blanked, never removed, so every later error keeps its
//! true line and column.
//!
//! The loop is bounded ([`MAX_PROBLEMS`] reparses) and stops, without
//! reporting, at anything its own edits could have caused: an error on a
//! line it edited (a renamed key's line only by a repeated key), a syntax
//! error (the file parsed as YAML before the
//! edits), a missing key that a "did you mean" already pointed at, or the
//! same error twice.

use super::slips::{content_indent, indent};
use super::to_diagnostic;
use crate::base::diag::Code;
use crate::base::diag::Diagnostic;
use serde::de::DeserializeOwned;
use std::path::Path;

/// At most this many problems are reported for one file (and the file is
/// parsed at most this many times more).
pub const MAX_PROBLEMS: usize = 30;

/// Files larger than this get fewer reparses.
const LARGE: usize = 256 * 1024;

/// Parse, collecting every unknown key and wrong value of the file.
pub(super) fn parse_many<T: DeserializeOwned>(
    src: &str,
    file: &Path,
) -> Result<T, Vec<Diagnostic>> {
    parse_repairing(src, file).map_err(|(ds, _)| ds)
}

/// [`parse_many`], also giving the value parsed once the problems were set
/// aside, when there was one.
pub(super) fn parse_repairing<T: DeserializeOwned>(
    src: &str,
    file: &Path,
) -> Result<T, (Vec<Diagnostic>, Option<T>)> {
    let first = match serde_yaml::from_str::<T>(src) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    // serde reads as it goes: a wrong value can be met before a syntax
    // error further down. The syntax error is the one to fix first, and
    // nothing after it can be trusted.
    if let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(src) {
        let d = to_diagnostic(&e, src, file);
        if is_syntax(&d) {
            return Err((vec![d], None));
        }
    }
    let limit = if src.len() > LARGE { 5 } else { MAX_PROBLEMS };
    let mut lines: Vec<String> = src.split('\n').map(str::to_string).collect();
    let mut edited: Vec<usize> = Vec::new();
    let mut renamed: Vec<usize> = Vec::new();
    let mut suggested: Vec<String> = Vec::new();
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut err = first;
    let mut text = src.to_string();
    let mut repaired_value = None;
    while out.len() < limit {
        let d = to_diagnostic(&err, &text, file);
        let at = |lines: &[usize]| d.pos.is_some_and(|p| lines.contains(&p.line));
        let caused_by_us = !out.is_empty()
            && (at(&edited)
                || (at(&renamed) && is_duplicate(&d))
                || is_syntax(&d)
                || out.iter().any(|o| o.pos == d.pos && o.message == d.message)
                || (d.code == Code::MissingKey
                    && suggested
                        .iter()
                        .any(|k| d.message.contains(&format!("`{k}`")))));
        if caused_by_us {
            break;
        }
        let renames = d.code == Code::UnknownKey && suggestion(&d).is_some();
        // The placeholder is read from serde's own words, which the
        // diagnostic may have put into plain ones.
        let raw = super::strip_position(&err.to_string());
        let repaired = repair(&mut lines, &d, &raw);
        if let Some(best) = suggestion(&d) {
            suggested.push(best.to_string());
        }
        out.push(d);
        let Some(changed) = repaired else { break };
        // A renamed key's line is the user's still: a wrong value on it is
        // a problem of its own.
        if renames { &mut renamed } else { &mut edited }.extend(changed.iter().map(|i| i + 1));
        text = lines.join("\n");
        match serde_yaml::from_str::<T>(&text) {
            Ok(v) => {
                repaired_value = Some(v);
                break;
            }
            Err(e) => err = e,
        }
    }
    Err((out, repaired_value))
}

/// The key an unknown key's help suggests (`did you mean `name`?`).
fn suggestion(d: &Diagnostic) -> Option<&str> {
    d.help
        .as_deref()
        .and_then(|h| h.strip_prefix("did you mean `"))
        .and_then(|r| r.split('`').next())
}

/// Does the mapping holding the key at byte `b` of line `li` have `key`
/// already (renaming to it would make a repeated key)?
fn has_key(lines: &[String], li: usize, b: usize, key: &str) -> bool {
    let is = |l: &str| {
        let c = content_indent(l);
        c == b && l[c..].strip_prefix(key).is_some_and(|r| r.starts_with(':'))
    };
    if flow_depth(&lines[li][..b]) > 0 {
        return lines[li].contains(&format!("{key}:"));
    }
    let text = |l: &&String| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    let item = |l: &str| l.trim_start().starts_with('-');
    // Above, up to the line that starts the mapping (unless this one does).
    if !(item(&lines[li]) && indent(&lines[li]) < b) {
        for l in lines[..li].iter().rev().filter(text) {
            let c = content_indent(l);
            if c < b {
                break;
            }
            if is(l) {
                return true;
            }
            if item(l) && c == b {
                break;
            }
        }
    }
    lines[li + 1..]
        .iter()
        .filter(text)
        .take_while(|l| content_indent(l) >= b && !(item(l) && indent(l) < b))
        .any(|l| is(l))
}

/// Write `key` for the key that starts at byte `b` of line `li`.
fn rename_key(lines: &mut [String], li: usize, b: usize, key: &str) -> Option<Vec<usize>> {
    let line = &lines[li];
    let end = b + line[b..].find(':')?;
    lines[li].replace_range(b..end, key);
    Some(vec![li])
}

fn is_syntax(d: &Diagnostic) -> bool {
    d.code == Code::YamlSyntax
        && !d.message.contains("duplicate")
        && !d.message.contains("given twice")
        && !is_duplicate(d)
}

/// A key given twice in one block (see `duplicate` in the parent module).
fn is_duplicate(d: &Diagnostic) -> bool {
    d.message.contains("duplicate field") || d.message.contains("appears twice")
}

/// Take the problem out of `lines`; returns the (0-based) lines changed,
/// or `None` when this kind of problem cannot be stepped over.
fn repair(lines: &mut [String], d: &Diagnostic, raw: &str) -> Option<Vec<usize>> {
    let pos = d.pos?;
    let li = pos.line.checked_sub(1)?;
    let b = crate::base::diag::Pos::byte_in_line(lines.get(li)?, pos.column)?;
    match d.code {
        Code::UnknownKey => match suggestion(d) {
            // A misspelt key (`namex:`): read on as the key it was meant to
            // be, so that its value is checked and nothing downstream
            // misses it.
            Some(key) if !has_key(lines, li, b, key) => rename_key(lines, li, b, key),
            _ => blank_entry(lines, li, b),
        },
        Code::YamlSyntax if is_duplicate(d) => blank_entry(lines, li, b),
        Code::WrongType | Code::BadDate | Code::ValueNotAllowed => {
            let p = placeholder(raw).or_else(|| placeholder(&d.message))?;
            replace_node(lines, li, b, &p)
        }
        _ => None,
    }
}

/// A value of the type serde's message says was expected.
fn placeholder(message: &str) -> Option<String> {
    if message.contains("invalid date")
        || message.ends_with("expected a date written as YYYY-MM-DD")
    {
        return Some("2000-01-01".into());
    }
    // A visit's measure of the wrong shape (`Reaching up: [Pain 5]`).
    if message.ends_with("untagged enum MeasureValue") {
        return Some("0".into());
    }
    let expected = message.rsplit("expected ").next()?.trim();
    if message.contains("unknown variant") {
        let first = expected.split('`').nth(1)?;
        return Some(first.to_string());
    }
    // A dose's counts start at one.
    if crate::content::count::is_count(expected) {
        return Some("1".into());
    }
    let e = expected.trim_start_matches("a ").trim_start_matches("an ");
    let p = if e.starts_with(['u', 'i'])
        && e[1..].chars().next().is_some_and(|c| c.is_ascii_digit())
        || e.starts_with('f') && e[1..].starts_with(['3', '6'])
        || e.contains("integer")
        || e.contains("number")
    {
        "0"
    } else if e.starts_with("bool") {
        "false"
    } else if e.starts_with("struct") || e.starts_with("map") {
        "{}"
    } else if e.contains("string") || e.starts_with("char") || super::text::is_text(e) {
        "\"\""
    } else if e.starts_with("sequence") || e.starts_with("list") {
        "[]"
    } else if e.starts_with("option") {
        "null"
    } else {
        return None;
    };
    Some(p.to_string())
}

/// Blank the `key: value` entry whose key starts at byte `b` of line `li`,
/// with every line indented under it.
fn blank_entry(lines: &mut [String], li: usize, b: usize) -> Option<Vec<usize>> {
    let line = lines[li].clone();
    let prefix = &line[..b];
    if flow_depth(prefix) > 0 {
        // `{ a: 1, bad: 2 }`: blank up to and including the next comma.
        let end = flow_end(&line, b)?;
        let end = if line[end..].starts_with(',') {
            end + 1
        } else {
            end
        };
        lines[li].replace_range(b..end, &" ".repeat(end - b));
        return Some(vec![li]);
    }
    if !prefix.chars().all(|c| c == ' ' || c == '-') {
        return None;
    }
    lines[li] = if prefix.contains('-') {
        prefix.to_string()
    } else {
        String::new()
    };
    let mut changed = vec![li];
    for (j, l) in lines.iter_mut().enumerate().skip(li + 1) {
        let t = l.trim();
        let ind = indent(l);
        let under = t.is_empty()
            || t.starts_with('#')
            || ind > b
            || (ind == b && (t.starts_with("- ") || t == "-"));
        if !under {
            break;
        }
        l.clear();
        changed.push(j);
    }
    Some(changed)
}

/// Replace the value that starts at byte `b` of line `li` by `with`.
fn replace_node(lines: &mut [String], li: usize, b: usize, with: &str) -> Option<Vec<usize>> {
    let line = lines[li].clone();
    let prefix = &line[..b];
    let first = line[b..].chars().next()?;
    if flow_depth(prefix) > 0 {
        // Inside brackets: overwrite in place, padded, so columns after it
        // on the line do not move.
        let end = match first {
            '"' | '\'' | '[' | '{' => closing(&lines[li..], 0, b)?.1 + 1,
            _ => flow_end(&line, b)?,
        };
        let width = line[b..end].trim_end().len();
        if with.len() > width || closing(&lines[li..], 0, b).is_some_and(|(l, _)| l > 0) {
            return None;
        }
        lines[li].replace_range(b..b + width, &format!("{with:<width$}"));
        return Some(vec![li]);
    }
    if matches!(first, '"' | '\'' | '[' | '{') {
        let (dl, end) = closing(&lines[li..], 0, b)?;
        let rest = lines[li + dl][end + 1..].to_string();
        let keep = if dl == 0 { rest.as_str() } else { "" };
        if dl > 0 && !(rest.trim().is_empty() || rest.trim_start().starts_with('#')) {
            return None;
        }
        lines[li] = format!("{prefix}{with}{keep}");
        for l in &mut lines[li + 1..=li + dl] {
            l.clear();
        }
        return Some((li..=li + dl).collect());
    }
    // A plain or block scalar, or a block collection: the rest of the line
    // and the lines under it.
    let at_line_start = prefix.chars().all(|c| c == ' ' || c == '-');
    let floor = if at_line_start {
        b
    } else {
        content_indent(&line) + 1
    };
    let mut last = li;
    for (j, l) in lines.iter().enumerate().skip(li + 1) {
        if l.trim().is_empty() {
            continue;
        }
        if indent(l) < floor {
            break;
        }
        last = j;
    }
    lines[li] = format!("{prefix}{with}");
    for l in &mut lines[li + 1..=last] {
        l.clear();
    }
    Some((li..=last).collect())
}

/// Open flow brackets in `s`, outside quotes and comments.
fn flow_depth(s: &str) -> usize {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if matches!(prev, ' ' | '[' | '{' | ',' | ':') => quote = Some(c),
            (None, '#') if prev == ' ' => break,
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = c;
    }
    depth
}

/// The end (exclusive) of a plain scalar starting at `b` inside brackets.
fn flow_end(line: &str, b: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in line[b..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if i == 0 || line[b..b + i].ends_with([' ', ':']) => {
                quote = Some(c);
            }
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') if depth == 0 => return Some(b + i),
            (None, ']' | '}') => depth -= 1,
            (None, ',') if depth == 0 => return Some(b + i),
            _ => {}
        }
    }
    None
}

/// The line (relative to `lines[0]`) and byte of the quote or bracket that
/// closes the one at `lines[l][b]`.
fn closing(lines: &[String], l: usize, b: usize) -> Option<(usize, usize)> {
    let open = lines.get(l)?[b..].chars().next()?;
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (dl, line) in lines.iter().enumerate().skip(l).take(200) {
        let start = if dl == l { b } else { 0 };
        let mut chars = line[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = start + i;
            match (quote, c) {
                (Some('"'), '\\') => {
                    chars.next();
                }
                (Some('\''), '\'') if chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                    chars.next();
                }
                (Some(q), c) if c == q => {
                    quote = None;
                    if depth == 0 && matches!(open, '"' | '\'') {
                        return Some((dl - l, at));
                    }
                }
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '[' | '{') => depth += 1,
                (None, ']' | '}') => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some((dl - l, at));
                    }
                }
                _ => {}
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.split('\n').map(str::to_string).collect()
    }

    #[test]
    fn blanking_keeps_line_numbers() {
        let mut l = lines("a:\n  bad:\n    - x\n    - y\n  good: 1\nb: 2");
        assert_eq!(blank_entry(&mut l, 1, 2), Some(vec![1, 2, 3]));
        assert_eq!(l.join("\n"), "a:\n\n\n\n  good: 1\nb: 2");
        let mut l = lines("m: { a: 1, bad: 2, c: 3 }");
        blank_entry(&mut l, 0, 11);
        assert_eq!(l[0], "m: { a: 1,         c: 3 }");
    }

    #[test]
    fn placeholders_fit_the_expected_type() {
        assert_eq!(
            placeholder("invalid type: string \"ten\", expected u32").as_deref(),
            Some("0")
        );
        assert_eq!(
            placeholder("unknown variant `rihgt`, expected one of `left`, `right`").as_deref(),
            Some("left")
        );
        assert_eq!(
            placeholder("invalid type: string \"x\", expected struct Goal").as_deref(),
            Some("{}")
        );
        assert_eq!(placeholder("invalid value: whatever"), None);
        // A dose's counts: the first value allowed, not 0.
        for expected in [
            crate::content::count::ONE_OR_MORE,
            crate::content::count::DAYS_A_WEEK,
        ] {
            let message = format!("invalid value: integer `0`, expected {expected}");
            assert_eq!(placeholder(&message).as_deref(), Some("1"));
        }
    }

    #[test]
    fn replacing_a_value() {
        let mut l = lines("a:\n  reps: ten\n  text: |\n    x\n    y\n  n: { reps: many, x: 1 }");
        assert_eq!(replace_node(&mut l, 1, 8, "0"), Some(vec![1]));
        assert_eq!(replace_node(&mut l, 2, 8, "0"), Some(vec![2, 3, 4]));
        assert_eq!(replace_node(&mut l, 5, 13, "0"), Some(vec![5]));
        assert_eq!(
            l.join("\n"),
            "a:\n  reps: 0\n  text: 0\n\n\n  n: { reps: 0   , x: 1 }"
        );
    }
}
