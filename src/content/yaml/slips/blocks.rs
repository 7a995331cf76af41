//! Slips libyaml reports lines after the mistake, found from where it
//! says it started reading:
//! - a `{ … }` or `[ … ]` left open;
//! - a key with no space after its colon (`now:6`);
//! - a line of a `|` text indented less than the text above it, or the
//!   text's first line indented further than the rest;
//! - a second `---` in a one-document file, or its first key indented;
//! - a block whose first key alone is indented otherwise than the ones
//!   after it;
//! - a key pushed out of its block, less indented than its neighbours;
//! - a `- ` before the first key of a block of keys (`problem:` then
//!   `  - summary: …`).
//!
//! List items are [`super::items`]'s.

use super::{
    Slip, content_indent, expected_indent, indent, is_content, key_of, opens_block, prev_nonblank,
};
use crate::base::diag::Pos;

/// A flow collection opened at `open` (libyaml's "while parsing a flow
/// mapping at …") and never closed, or closed with something inside
/// that breaks it.
pub(super) fn unclosed_flow(lines: &[&str], open: Pos, map: bool) -> Option<Slip> {
    let line = *lines.get(open.line.checked_sub(1)?)?;
    let (o, c) = if map { ('{', '}') } else { ('[', ']') };
    let after = Pos::byte_in_line(line, open.column).map_or("", |b| &line[b..]);
    if after.contains(c) {
        // Closed, so something inside broke it.
        return Some(Slip {
            pos: open,
            message: format!(
                "this `{o} … {c}` could not be read: a `,` between its entries is missing, or a text in it holds `:`, `,` or `{c}`"
            ),
            help: "separate the entries with `, ` and put any text with `:` or `,` in quotes"
                .into(),
        });
    }
    Some(Slip {
        pos: open,
        message: format!("this `{o}` is never closed: a `{c}` is missing"),
        help: format!("close it at the end of the line: `{} {c}`", line.trim_end()),
    })
}

/// `now:6`: a key and its value with no space after the colon, read as
/// one text (`key_line`: the line libyaml started the key on, 1-based).
pub(super) fn colon_without_space(lines: &[&str], key_line: usize) -> Option<Slip> {
    let line = *lines.get(key_line.checked_sub(1)?)?;
    let start = content_indent(line);
    let body = line[start..].trim_end();
    let colon = body.find(':')?;
    let key = &body[..colon];
    let value = &body[colon + 1..];
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    // "http://…" and "10:30" are text; `now:6` is a key.
    let is_key =
        !key.is_empty() && key.chars().all(word) && !key.chars().all(|c| c.is_ascii_digit());
    if !is_key || value.is_empty() || value.starts_with([' ', '/']) {
        return None;
    }
    Some(Slip {
        pos: Pos {
            line: key_line,
            column: line[..start + colon].chars().count() + 2,
        },
        message: format!("`{key}:` needs a space after its colon"),
        help: format!("write it as `{}{key}: {value}`", &line[..start]),
    })
}

/// A line of text indented less than the lines of the `|` or `>` text it
/// belongs to, which ends that text there (`at`: 1-based line).
pub(super) fn dedented_text(lines: &[&str], at: usize) -> Option<Slip> {
    let li = at.checked_sub(1)?;
    let line = *lines.get(li)?;
    if key_of(line).is_some() || line.trim_start().starts_with('-') {
        return None;
    }
    // Up to the block's header, over its text lines.
    let mut text_indent = None;
    let mut i = li;
    while let Some(p) = prev_nonblank(lines, i) {
        let l = lines[p].trim_end();
        if block_header(l)
            && let (Some(t), Some((key, _))) = (text_indent, key_of(l))
        {
            return (indent(line) < t && indent(line) >= content_indent(l)).then(|| Slip {
                pos: Pos { line: at, column: 1 },
                message: format!(
                    "this line is indented {} space(s), less than the text of `{key}` above it ({t}), so it ends that text",
                    indent(line)
                ),
                help: format!("indent it like the lines above: `{}{}`", " ".repeat(t), line.trim()),
            });
        }
        if key_of(l).is_some() && text_indent.is_some() {
            return None;
        }
        text_indent = Some(indent(l));
        i = p;
    }
    None
}

/// The line of a second `---` (a second document), after the file's
/// content began.
pub(super) fn second_document(src: &str) -> Option<Slip> {
    let mut content = false;
    for (i, line) in src.lines().enumerate() {
        let t = line.trim_end();
        if t == "---" || t.starts_with("--- ") {
            if content {
                return Some(Slip {
                    pos: Pos {
                        line: i + 1,
                        column: 1,
                    },
                    message:
                        "a `---` line starts a second document here; a file holds one document"
                            .into(),
                    help: "delete this line (to leave a comment, start the line with `#`)".into(),
                });
            }
        } else if !t.trim_start().is_empty() && !t.trim_start().starts_with('#') {
            content = true;
        }
    }
    indented_start(src)
}

/// The file's first key indented while keys after it start at the line's
/// beginning: the indented block is read as a document of its own.
fn indented_start(src: &str) -> Option<Slip> {
    let lines: Vec<&str> = src.lines().collect();
    let content = |l: &&str| is_content(l);
    let first = lines.iter().position(&content)?;
    let line = lines[first];
    let later = lines[first + 1..]
        .iter()
        .any(|l| content(l) && indent(l) == 0 && key_of(l).is_some());
    (indent(line) > 0 && key_of(line).is_some() && later).then(|| Slip {
        pos: Pos {
            line: first + 1,
            column: 1,
        },
        message: format!(
            "the file's first key is indented {} space(s), but the keys after it start at the beginning of the line, so the file reads as two documents",
            indent(line)
        ),
        help: format!("start it at the beginning of the line: `{}`", line.trim()),
    })
}

/// A block whose first keys are indented `want` and whose other keys
/// `have` (` statement:` at 1 under `goal:`, the keys after it at 2):
/// libyaml takes the first key's indentation as the block's and reports
/// the next line, but the line to fix is the first, when more keys follow
/// it than come before (or as many, and they sit two spaces in, as
/// heropath's files do). `li`: the line libyaml reported (0-based).
pub(super) fn first_keys_off(lines: &[&str], li: usize, want: usize, have: usize) -> Option<Slip> {
    let blank = |l: &str| !is_content(l);
    let (mut first, mut before) = (None, 0);
    let mut opener = None;
    for p in (0..li).rev().filter(|&p| !blank(lines[p])) {
        let i = indent(lines[p]);
        if i == want && key_of(lines[p]).is_some() {
            first = Some(p);
            before += 1;
        } else if i < want {
            opener = Some(p);
            break;
        }
    }
    let (first, opener) = (first?, opener?);
    let opens = lines[opener].trim_end().ends_with(':');
    let opener = indent(lines[opener]);
    if !opens || have <= opener {
        return None;
    }
    let after = lines[li..]
        .iter()
        .filter(|l| !blank(l))
        .take_while(|l| indent(l) > opener)
        .filter(|l| indent(l) == have && key_of(l).is_some())
        .count();
    if after < before || after == before && have != opener + 2 {
        return None;
    }
    let line = lines[first];
    Some(Slip {
        pos: Pos {
            line: first + 1,
            column: 1,
        },
        message: format!(
            "this line is indented {want} space(s), but the keys after it in the same block are indented {have}"
        ),
        help: format!("write it as `{}{}`", " ".repeat(have), line.trim_start()),
    })
}

/// Is `line` a key whose value is a `|` or `>` text on the lines below
/// (`key: |`, `key: >-`, `key: |2`)?
fn block_header(line: &str) -> bool {
    key_of(line).is_some_and(|(_, colon)| {
        let value = line[colon + 1..].split(" #").next().unwrap_or("").trim();
        value.starts_with(['|', '>'])
            && value[1..]
                .bytes()
                .all(|b| matches!(b, b'+' | b'-' | b'1'..=b'9'))
    })
}

/// The first line of a `|` or `>` text indented further than the lines
/// after it: the first line sets the text's indentation, so the next line
/// ends the text and libyaml reports it (`li`, 0-based). Only when none
/// of the lines after it is at the first line's indentation.
pub(super) fn deeper_first_line(lines: &[&str], li: usize) -> Option<Slip> {
    let line = lines[li];
    let p = prev_nonblank(lines, li)?;
    let header = lines[prev_nonblank(lines, p)?];
    let (key, _) = key_of(header).filter(|_| block_header(header))?;
    let (first, rest) = (indent(lines[p]), indent(line));
    if key_of(line).is_some() || rest >= first || rest <= content_indent(header) {
        return None;
    }
    // The text's other lines, up to the next line less indented.
    let more = lines[li + 1..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take_while(|l| indent(l) >= rest && key_of(l).is_none_or(|_| indent(l) > rest));
    // Lines after at the reported one's indentation, or that indentation
    // is the usual two spaces past the key: the first line is the odd one.
    let usual = rest == content_indent(header) + 2;
    if !(usual || more.clone().any(|l| indent(l) == rest))
        || more.clone().any(|l| indent(l) == first)
    {
        return None;
    }
    Some(Slip {
        pos: Pos {
            line: p + 1,
            column: 1,
        },
        message: format!(
            "the first line of `{key}`'s text is indented {first} space(s), further than the lines after it ({rest}): the first line sets the text's indentation, so the next line ends the text"
        ),
        help: format!(
            "indent it like the lines after it: `{}{}`",
            " ".repeat(rest),
            lines[p].trim()
        ),
    })
}

/// The indentation of the block the key at line `li` (0-based) sits in,
/// judged from the nearest key above it that opens a block (`key:`), past
/// the list items under that key; `None` when another key comes first.
pub(super) fn opener_above(lines: &[&str], li: usize) -> Option<usize> {
    let mut i = li;
    while let Some(p) = prev_nonblank(lines, i) {
        let l = lines[p];
        if l.trim_start().starts_with('-') {
            i = p;
            continue;
        }
        return key_of(l)
            .filter(|_| l.trim_end().ends_with(':'))
            .map(|_| indent(l));
    }
    None
}

/// `preferred_name: Maria` pushed out to column 0 among the keys of
/// `patient` (indented 2): it ends `patient`'s block, and libyaml stops at
/// the key after it (`li`, 0-based), back at 2, which it reads as inside
/// the pushed-out key's value. `p` (0-based) is the pushed-out line.
pub(super) fn key_dedented(lines: &[&str], p: usize, li: usize) -> Option<Slip> {
    let want = expected_indent(lines, p);
    let have = indent(lines[p]);
    if have >= want || indent(lines[li]) != want || lines[p].trim_start().starts_with('-') {
        return None;
    }
    let (key, _) = key_of(lines[p])?;
    // Not a block's first key (see `first_keys_off`), and a block of keys
    // opened by a `key:` line, not a list item (one that lost its dash).
    if opens_block(lines[prev_nonblank(lines, p)?]) {
        return None;
    }
    let o = (0..p)
        .rev()
        .find(|&i| is_content(lines[i]) && indent(lines[i]) < want)?;
    let dashed = |l: &str| l.trim_start().starts_with('-');
    if !opens_block(lines[o])
        || dashed(lines[o])
        || (o + 1..p).any(|i| indent(lines[i]) == want && dashed(lines[i]))
    {
        return None;
    }
    let of = key_of(lines[o]).map_or(String::new(), |(k, _)| format!(" of `{k}`"));
    Some(Slip {
        pos: Pos {
            line: p + 1,
            column: 1,
        },
        message: format!(
            "`{key}` is indented {have} space(s), less than the other keys{of} ({want}), so the block ends there and the lines after it no longer fit"
        ),
        help: format!(
            "line it up with them: write it as `{}{}`",
            " ".repeat(want),
            lines[p].trim()
        ),
    })
}

/// `problem:`, then `  - summary: …`, then `  in_their_words: …`: a `- `
/// before the first key makes a block of keys a list, and libyaml stops
/// at the next key (`li`, 0-based), lined up with the dash. The dash is
/// the mistake when the item is its list's only one and the keys after
/// it sit at its dash's column (a first key that starts list items in
/// heropath's files, such as `name:`, is read as a real list instead).
pub(super) fn dash_before_keys(lines: &[&str], li: usize) -> Option<Slip> {
    let line = lines[li];
    let (next, _) = key_of(line)?;
    let col = indent(line);
    if line.trim_start().starts_with('-') {
        return None;
    }
    let q = (0..li)
        .rev()
        .find(|&i| is_content(lines[i]) && indent(lines[i]) <= col)?;
    let item = lines[q];
    if indent(item) != col || !item[col..].starts_with("- ") {
        return None;
    }
    // Nothing between at the item's keys' column: the dash is all to remove.
    let inner = content_indent(item);
    if (q + 1..li).any(|i| is_content(lines[i]) && indent(lines[i]) <= inner) {
        return None;
    }
    let o = prev_nonblank(lines, q)?;
    if !opens_block(lines[o]) || indent(lines[o]) >= col {
        return None;
    }
    let (parent, _) = key_of(lines[o])?;
    let (first, _) = key_of(item)?;
    if super::items::ITEM_KEYS.contains(&first)
        || lines[li..]
            .iter()
            .take_while(|l| !is_content(l) || indent(l) >= col)
            .any(|l| indent(l) == col && l.trim_start().starts_with("- "))
    {
        return None;
    }
    Some(Slip {
        pos: Pos {
            line: q + 1,
            column: col + 1,
        },
        message: format!(
            "`{parent}` holds keys, but the `- ` before `{first}` makes it a list, so `{next}` below does not fit"
        ),
        help: format!(
            "remove the `- `: write it as `{}{}`",
            " ".repeat(col),
            item[col + 1..].trim()
        ),
    })
}
