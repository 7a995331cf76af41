//! Plain-words explanations for the slips people make when they write YAML
//! by hand: a missing colon, a tab, an unclosed quote, `: ` inside text, a
//! list item where keys are expected, a line indented one space too far.
//!
//! libyaml reports where it gave up, which is often the line *after* the
//! mistake. These heuristics look at the reported line and the lines
//! before it, move the position to the line a person must fix, and show
//! that line fixed in the help.

use crate::base::diag::Pos;

mod blocks;
mod items;
mod measures;
mod shapes;
mod spaces;
mod values;
mod wrong;

/// A slip recognised in the source.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Slip {
    /// The line (and column) to fix.
    pub pos: Pos,
    /// What is wrong, in plain words.
    pub message: String,
    /// The fix, showing the corrected line.
    pub help: String,
}

/// A duplicate key at lines `first` and `second` (1-based) that is a
/// list item's lost dash (see [`items::lost_dash`]).
pub(super) fn explain_duplicate(src: &str, first: usize, second: usize) -> Option<Slip> {
    let lines: Vec<&str> = src.lines().collect();
    items::lost_dash(&lines, first.checked_sub(1)?, second.checked_sub(1)?)
}

/// Explain a syntax error. `full` is serde_yaml's message with its
/// `at line L column C` marks still in it; `pos` is the error's position.
pub(super) fn explain_syntax(full: &str, pos: Option<Pos>, src: &str) -> Option<Slip> {
    if full.contains("more than one document") {
        return blocks::second_document(src);
    }
    let pos = pos?;
    let lines: Vec<&str> = src.lines().collect();
    let li = pos.line.checked_sub(1)?;
    let marks = marks(full);

    // A `{` or `[` left open: libyaml names where it was opened.
    for (what, map) in [("',' or '}'", true), ("',' or ']'", false)] {
        if full.starts_with(&format!("did not find expected {what}"))
            && let Some(open) = marks.get(1)
        {
            return blocks::unclosed_flow(&lines, *open, map);
        }
    }

    // An unclosed quote: libyaml names where the quoted text started.
    if full.contains("while scanning a quoted scalar")
        && let Some(open) = marks.get(1)
        && let Some(line) = lines.get(open.line.saturating_sub(1))
    {
        let q = Pos::byte_in_line(line, open.column)
            .and_then(|b| line[b..].chars().next())
            .filter(|c| matches!(c, '"' | '\''))
            .unwrap_or('"');
        return Some(unclosed(line, *open, q));
    }
    // The key libyaml was reading when it missed the colon.
    if full.starts_with("could not find expected ':'")
        && let Some(key_at) = marks.get(1)
        && let Some(l) = lines.get(key_at.line.saturating_sub(1))
        && let Some(slip) = spaces::odd_space(&lines, key_at.line - 1)
            .filter(|s| s.pos.line == key_at.line)
            .or_else(|| blocks::dedented_text(&lines, key_at.line))
            .or_else(|| items::dash_without_space(&lines, key_at.line - 1))
            .or_else(|| items::item_without_dash(&lines, key_at.line - 1))
            .or_else(|| missing_colon(l, key_at.line))
            .or_else(|| blocks::colon_without_space(&lines, key_at.line))
    {
        return Some(slip);
    }
    let line = *lines.get(li)?;

    // A tab in the indentation, or a space YAML does not count as one.
    if let Some(slip) =
        spaces::tab_in_indent(&lines, li, pos).or_else(|| spaces::odd_space(&lines, li))
    {
        return Some(slip);
    }

    // A quote opened on an earlier line and closed by the first quote on
    // this one: everything between was read as one text.
    if let Some(slip) = quote_closed_late(&lines, li, pos) {
        return Some(slip);
    }

    // `*Do not* lift`, `> 5 reps`, `"Slow" is the word`: quote it all.
    if let Some(slip) = values::indicator_start(&lines, li, pos) {
        return Some(slip);
    }

    if full.starts_with("mapping values are not allowed") {
        return mapping_value(&lines, li, pos);
    }

    if full.starts_with("did not find expected key") {
        if let Some(slip) = blocks::deeper_first_line(&lines, li) {
            return Some(slip);
        }
        let c = Pos::byte_in_line(line, pos.column)?;
        if line[c..].starts_with('-') {
            return items::list_item(&lines, li, c);
        }
        return misindented(&lines, li);
    }

    if full.starts_with("did not find expected '-' indicator") {
        return items::moved_item(&lines, li)
            .or_else(|| blocks::dash_before_keys(&lines, li))
            .or_else(|| misindented(&lines, li));
    }

    if full.starts_with("found character that cannot start any token") {
        return values::cannot_start(line, pos);
    }
    None
}

/// "mapping values are not allowed": a `: ` inside text, a key above
/// without its colon, or a line indented under a key that has a value.
fn mapping_value(lines: &[&str], li: usize, pos: Pos) -> Option<Slip> {
    let line = lines[li];
    let c = Pos::byte_in_line(line, pos.column)?;
    match key_of(line) {
        Some((_, colon)) if colon != c => return colon_in_text(line, pos),
        None => return colon_in_text(line, pos),
        Some(_) => {}
    }
    // The colon is this line's own key colon: the mistake is above.
    let p = prev_nonblank(lines, li)?;
    if key_of(lines[p]).is_none()
        && (!lines[p].trim_start().starts_with('-') || items::item_first_key(lines[p], line))
        && let Some(slip) = missing_colon(lines[p], p + 1)
    {
        return Some(slip);
    }
    if key_of(lines[p]).is_none()
        && let Some(slip) = blocks::colon_without_space(lines, p + 1)
    {
        return Some(slip);
    }
    if let Some(slip) = items::dash_without_space(lines, p) {
        return Some(slip);
    }
    if let Some((key, colon)) = key_of(lines[p])
        && !lines[p][colon + 1..].trim().is_empty()
        && indent(line) > content_indent(lines[p])
    {
        return items::dash_lost_above_keys(lines, p)
            .or_else(|| items::item_off(lines, li))
            .or_else(|| blocks::first_keys_off(lines, li, content_indent(lines[p]), indent(line)))
            .or_else(|| blocks::key_dedented(lines, p, li))
            .or_else(|| Some(over_indented(line, pos.line, lines[p], key)));
    }
    None
}

/// Explain a value of the wrong shape (see [`shapes`]): a list or a
/// text where a group of keys or a list belongs.
pub(super) fn explain_shape(message: &str, pos: Option<Pos>, src: &str) -> Option<Slip> {
    shapes::explain(message, pos?, src)
}

/// serde's "unknown variant" and "did not match any variant" in plain
/// words (see [`wrong::variant`]).
pub(super) fn explain_variant(message: &str, pos: Option<Pos>, src: &str) -> Option<Slip> {
    wrong::variant(message, pos?, src)
}

/// Explain a type error whose real cause is a slip: `goal:` followed by
/// `  statement Work on…` (no colon) reads as one text where a group of
/// keys was expected.
pub(super) fn explain_type(message: &str, pos: Option<Pos>, src: &str) -> Option<Slip> {
    let pos = pos?;
    if message.contains("invalid type: enum") {
        // `focus: !important …`: a type tag.
        let lines: Vec<&str> = src.lines().collect();
        return values::indicator_start(&lines, pos.line.checked_sub(1)?, pos);
    }
    if !(message.contains("expected struct") || message.contains("expected a map")) {
        return None;
    }
    let line = src.lines().nth(pos.line.checked_sub(1)?)?;
    if key_of(line).is_some() || line.trim_start().starts_with(['-', '"', '\'', '[', '{']) {
        return None;
    }
    missing_colon(line, pos.line)
}

/// `reps 10` → `reps: 10`, when the line is a word followed by text and
/// has no key colon.
fn missing_colon(line: &str, line_no: usize) -> Option<Slip> {
    let start = content_indent(line);
    let body = line[start..].trim_end();
    let word_len = body
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(body.len());
    if word_len == 0 || body.starts_with('-') || key_of(line).is_some() {
        return None;
    }
    let word = &body[..word_len];
    let rest = &body[word_len..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let fixed = format!("{}{}:{}", &line[..start], word, rest);
    Some(Slip {
        pos: Pos {
            line: line_no,
            column: line[..start + word_len].chars().count() + 1,
        },
        message: format!("`{word}` needs a colon after it"),
        help: format!("write it as `{fixed}`"),
    })
}

/// `focus: Note: bring shoes` → `focus: "Note: bring shoes"`.
fn colon_in_text(line: &str, pos: Pos) -> Option<Slip> {
    let (key, colon) = key_of(line)?;
    let value = line[colon + 1..].trim();
    Some(Slip {
        pos,
        message: format!(
            "the text of `{key}` contains `: `, which YAML reads as the start of another key"
        ),
        help: format!(
            "put the text in quotes: write it as `{}{}: {}`",
            &line[..content_indent(line)],
            key,
            quoted(value)
        ),
    })
}

/// A key indented further than the `key: value` line above it, so it
/// was read as part of that value.
fn over_indented(line: &str, line_no: usize, above: &str, above_key: &str) -> Slip {
    let want = content_indent(above);
    let (key, _) = key_of(line).unwrap_or(("this key", 0));
    Slip {
        pos: Pos {
            line: line_no,
            column: 1,
        },
        message: format!(
            "`{key}` is indented {} space(s), further than `{above_key}` above it ({want}), so it is read as part of `{above_key}`'s value",
            indent(line)
        ),
        help: format!(
            "line it up with `{above_key}`: write it as `{}{}`",
            " ".repeat(want),
            line.trim_start()
        ),
    }
}

/// A key line whose indentation matches no block around it.
fn misindented(lines: &[&str], li: usize) -> Option<Slip> {
    let line = lines[li];
    key_of(line)?;
    let want = expected_indent(lines, li);
    if want == indent(line) {
        return None;
    }
    let opener = || blocks::opener_above(lines, li).filter(|&o| o != want);
    if let Some(slip) = items::item_off(lines, li)
        .or_else(|| blocks::first_keys_off(lines, li, want, indent(line)))
        .or_else(|| blocks::first_keys_off(lines, li, opener()?, indent(line)))
    {
        return Some(slip);
    }
    Some(Slip {
        pos: Pos {
            line: li + 1,
            column: 1,
        },
        message: format!(
            "this line is indented {} space(s), but the keys around it are indented {want}",
            indent(line)
        ),
        help: format!("write it as `{}{}`", " ".repeat(want), line.trim_start()),
    })
}

/// The quoted text of `line` opened at `open` is never closed.
fn unclosed(line: &str, open: Pos, q: char) -> Slip {
    let body = line.trim_end();
    Slip {
        pos: open,
        message: format!("this text opens a quote ({q}) that is never closed"),
        help: format!("close the quote at the end of the text: write it as `{body}{q}`"),
    }
}

/// A line before `li` that opens a quote and does not close it, where the
/// error on line `li` sits at (or after) a matching quote character, and
/// no line between holds that quote character (it would have closed it).
/// A line between that opens the other quote is text inside this one (a
/// `'…'` text over several lines, as some YAML writers lay out long text).
fn quote_closed_late(lines: &[&str], li: usize, pos: Pos) -> Option<Slip> {
    let line = lines[li];
    let c = Pos::byte_in_line(line, pos.column).unwrap_or(line.len());
    let closes = |q: char| line[..c].contains(q) || line[c..].starts_with(q);
    let mut open = ['"', '\''].map(closes);
    for p in (0..li).rev() {
        if let Some((at, q)) = unclosed_quote(lines[p])
            && open[usize::from(q == '\'')]
        {
            let open = Pos {
                line: p + 1,
                column: lines[p][..at].chars().count() + 1,
            };
            let mut slip = unclosed(lines[p], open, q);
            slip.message = format!(
                "this text opens a quote ({q}) that is not closed on its line, so everything up to the next {q} (line {}) is read as one text",
                li + 1
            );
            return Some(slip);
        }
        for (q, o) in ['"', '\''].iter().zip(&mut open) {
            *o &= !lines[p].contains(*q);
        }
        if open == [false, false] {
            return None;
        }
    }
    None
}

/// Where a quoted value on `line` opens without closing on the line.
fn unclosed_quote(line: &str) -> Option<(usize, char)> {
    let mut at_start = true;
    let mut depth = 0usize;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            ' ' | '\t' => {}
            '#' if at_start || line[..i].ends_with(' ') => return None,
            '"' | '\'' if at_start => {
                // Find the closing quote.
                let mut closed = false;
                while let Some((_, d)) = chars.next() {
                    if c == '"' && d == '\\' {
                        chars.next();
                    } else if d == c {
                        if c == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                            chars.next();
                        } else {
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    return Some((i, c));
                }
                at_start = false;
            }
            '[' | '{' => {
                depth += 1;
                at_start = true;
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                at_start = false;
            }
            ',' if depth > 0 => at_start = true,
            '-' if at_start => {}
            ':' if chars.peek().is_none_or(|(_, n)| *n == ' ') => at_start = true,
            _ => at_start = false,
        }
    }
    None
}

/// `text` as a YAML-quoted scalar.
pub(super) fn quoted(text: &str) -> String {
    if text.contains('"') || text.contains('\\') {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        format!("\"{text}\"")
    }
}

/// The indentation the keys at line `li` should have, judged from the
/// line above: one level deeper after `key:`, the same after `key: value`.
fn expected_indent(lines: &[&str], li: usize) -> usize {
    match prev_nonblank(lines, li) {
        Some(p) => {
            let l = lines[p].trim_end();
            if l.ends_with(':') {
                content_indent(l) + 2
            } else {
                content_indent(l)
            }
        }
        None => 0,
    }
}

/// All `line L column C` marks in a libyaml message, in order.
fn marks(full: &str) -> Vec<Pos> {
    let mut out = Vec::new();
    let mut rest = full;
    while let Some(i) = rest.find("line ") {
        rest = &rest[i + "line ".len()..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let Some(after) = rest[digits..].strip_prefix(" column ") else {
            continue;
        };
        let col_digits = after.chars().take_while(char::is_ascii_digit).count();
        if let (Ok(line), Ok(column)) = (rest[..digits].parse(), after[..col_digits].parse()) {
            out.push(Pos { line, column });
        }
    }
    out
}

fn prev_nonblank(lines: &[&str], li: usize) -> Option<usize> {
    (0..li).rev().find(|&i| is_content(lines[i]))
}

/// Does `line` hold YAML (not blank, not a comment)?
pub(super) fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// Leading spaces.
pub(super) fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Where the content starts, past spaces and `- ` list markers.
pub(super) fn content_indent(line: &str) -> usize {
    let mut i = indent(line);
    while line[i..].starts_with("- ") {
        i += 2;
        i += indent(&line[i..]);
    }
    i
}

/// Where the value of a `key: value` line starts (after the spaces past
/// its colon), or a list item's text (after its dashes).
pub(super) fn value_start(line: &str) -> usize {
    match key_of(line) {
        Some((_, colon)) => {
            let after = &line[colon + 1..];
            colon + 1 + (after.len() - after.trim_start().len())
        }
        None => content_indent(line),
    }
}

/// A `key:` line with nothing after its colon: it opens a block (or a
/// list) below it.
fn opens_block(line: &str) -> bool {
    key_of(line).is_some() && line.trim_end().ends_with(':')
}

/// The key of a `key: value` (or `key:`) line and the byte index of its
/// colon.
pub(super) fn key_of(line: &str) -> Option<(&str, usize)> {
    let start = content_indent(line);
    let body = &line[start..];
    let len = body
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(body.len());
    let after = &body[len..];
    (len > 0 && (after.starts_with(": ") || after.trim_end() == ":"))
        .then(|| (&body[..len], start + len))
}

#[cfg(test)]
mod tests;
