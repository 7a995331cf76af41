//! Slips libyaml reports lines after the mistake, found from where it
//! says it started reading: a `{ … }` or `[ … ]` left open, a key with no
//! space after its colon (`now:6`), a line of a `|` text indented less
//! than the text above it, a second `---` in a one-document file, and a
//! block whose first key (or list whose first item) alone is indented
//! otherwise than the ones after it.

use super::{Slip, content_indent, indent, key_of, prev_nonblank};
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
        if (l.ends_with(": |") || l.ends_with(": >") || l.ends_with(": |-") || l.ends_with(": >-"))
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
    None
}

/// A block whose first keys are indented `want` and whose other keys
/// `have` (` statement:` at 1 under `goal:`, the keys after it at 2):
/// libyaml takes the first key's indentation as the block's and reports
/// the next line, but the line to fix is the first, when more keys follow
/// it than come before (or as many, and they sit two spaces in, as
/// heropath's files do). `li`: the line libyaml reported (0-based).
pub(super) fn first_keys_off(lines: &[&str], li: usize, want: usize, have: usize) -> Option<Slip> {
    let blank = |l: &str| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#')
    };
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

/// A list whose first item alone (line `first`) is indented otherwise than
/// the items after it (from line `li`, at column `dash`): libyaml reports
/// the second item, but the first is the one to move. Only when the first
/// item starts its list (a `key:` line above it) and more items follow at
/// `dash` than the one (or as many, and they sit two spaces in, as
/// heropath's files do).
pub(super) fn first_item_off(lines: &[&str], first: usize, li: usize, dash: usize) -> Option<Slip> {
    let above = prev_nonblank(lines, first)?;
    let opener = indent(lines[above]);
    if !lines[above].trim_end().ends_with(':') || opener >= dash {
        return None;
    }
    let after = lines[li..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take_while(|l| indent(l) >= dash.min(indent(lines[first])))
        .filter(|l| indent(l) == dash && l.trim_start().starts_with('-'))
        .count();
    if after < 2 && !(after == 1 && dash == opener + 2) {
        return None;
    }
    let line = lines[first];
    let item = line.trim_start();
    Some(Slip {
        pos: Pos {
            line: first + 1,
            column: indent(line) + 1,
        },
        message: format!(
            "this list item is indented {} space(s), but the items after it are indented {dash}",
            indent(line)
        ),
        help: format!("write it as `{}{item}`", " ".repeat(dash)),
    })
    .filter(|_| lines[li].trim_start().starts_with('-'))
}

/// Is the list item `item` a mapping whose first key lost its colon
/// (`- use heel-slide`), as `next`, its next key lined up under it, says?
/// Its first word is a key's (lower-case letters); a list of text
/// (`- Do your exercises`) is not read that way.
pub(super) fn item_first_key(item: &str, next: &str) -> bool {
    let content = content_indent(item);
    item.trim_start().starts_with("- ")
        && indent(next) == content
        && item[content..].split(' ').next().is_some_and(|w| {
            !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        })
}
