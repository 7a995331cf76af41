//! List items libyaml reports lines after the mistake: a first item out
//! of line with the items after it, a `- key: value` item line moved away
//! from the keys under it, an item with no space after its dash, and an
//! item that lost its dash (a list's first, or one among others).

use super::{Slip, content_indent, indent, is_content, key_of, opens_block, prev_nonblank};
use crate::base::diag::Pos;

/// `-Call us`, `-use: x`: a list item with no space after its dash, read
/// as text (or a key `-use`), among items that have one (`li`: 0-based).
pub(super) fn dash_without_space(lines: &[&str], li: usize) -> Option<Slip> {
    let line = *lines.get(li)?;
    let rest = line.trim_start().strip_prefix('-')?;
    if rest.is_empty() || rest.starts_with([' ', '-']) {
        return None;
    }
    // The nearest lines above and below not indented further.
    let item = |l: &str| item_at(l, indent(line));
    let level = |n: &usize| is_content(lines[*n]) && indent(lines[*n]) <= indent(line);
    let above = (0..li).rev().find(level);
    let below = (li + 1..lines.len()).find(level);
    let sibling = above.into_iter().chain(below).any(|n| item(lines[n]));
    // No heropath key starts with a dash: `-date:` is an item's first key.
    let keyed = rest
        .split(' ')
        .next()
        .and_then(|w| w.strip_suffix(':'))
        .is_some_and(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
    (sibling || keyed).then(|| Slip {
        pos: Pos {
            line: li + 1,
            column: indent(line) + 1,
        },
        message: "this list item needs a space after its `-`".into(),
        help: format!("write it as `{}- {rest}`", " ".repeat(indent(line))),
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
    if !lines[above].trim_end().ends_with(':') || opener > dash {
        return None;
    }
    // The list ends at a line not as far in, or at a key where its items
    // are (a list lined up with its key: the next key).
    let item = |l: &&&str| l.trim_start().starts_with('-');
    let after = lines[li..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take_while(|l| indent(l) >= dash.min(indent(lines[first])))
        .take_while(|l| indent(l) != dash || item(l))
        .filter(|l| indent(l) == dash && item(l))
        .count();
    // Two spaces in, as heropath's files have them, or lined up with the
    // key, as many YAML writers do.
    let usual = dash == opener + 2 || dash == opener;
    if after < 2 && !(after == 1 && usual) {
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

/// A `- key: value` item line (the line above `li`) indented otherwise
/// than the keys under it, which sit where the item's keys belong: libyaml
/// reports the key under the item (line `li`, 0-based), but the item line
/// is the one that moved. Only when the list says where its items go: an
/// item of the same list at that column above or below, or, for a list of
/// one, the `key:` line that opens it.
pub(super) fn item_off(lines: &[&str], li: usize) -> Option<Slip> {
    let p = prev_nonblank(lines, li)?;
    let item = lines[p];
    key_of(lines[li])?;
    if !item.trim_start().starts_with("- ") || key_of(item).is_none() {
        return None;
    }
    let (dash, keys) = (indent(item), indent(lines[li]));
    if keys == dash {
        return key_at_dash(item, lines[li], li);
    }
    let want = keys.checked_sub(2).filter(|&w| w != dash)?;
    let text = |l: &&str| is_content(l);
    let in_list = |l: &&str| indent(l) >= want;
    let sibling = |l: &&str| indent(l) == want && l.trim_start().starts_with('-');
    let above = lines[..p]
        .iter()
        .copied()
        .rev()
        .filter(text)
        .take_while(in_list)
        .any(|l| sibling(&l));
    let below = lines[li + 1..]
        .iter()
        .copied()
        .filter(text)
        .take_while(in_list)
        .any(|l| sibling(&l));
    let opened = || {
        lines[..p]
            .iter()
            .copied()
            .rev()
            .find(|l| text(l) && indent(l) < want.min(dash))
            .is_some_and(|o| {
                o.trim_end().ends_with(':') && (indent(o) + 2 == want || indent(o) == want)
            })
    };
    if !(above || below || opened()) {
        return None;
    }
    let message = if above || below {
        format!(
            "this list item is indented {dash} space(s), but the other items of its list are indented {want}"
        )
    } else {
        format!(
            "this list item is indented {dash} space(s), but the keys under it are indented {keys}"
        )
    };
    Some(Slip {
        pos: Pos {
            line: p + 1,
            column: dash + 1,
        },
        message,
        help: format!("write it as `{}{}`", " ".repeat(want), item.trim_start()),
    })
}

/// A key (line `li`, 0-based) lined up with the `-` of the item above it
/// rather than with the item's first key: it belongs to neither the item
/// nor the block around the list. The key is the line that moved (the
/// item line reads as it should), so it is named, with the column of the
/// item's keys.
fn key_at_dash(item: &str, line: &str, li: usize) -> Option<Slip> {
    let (first, _) = key_of(item)?;
    let (key, _) = key_of(line)?;
    let want = content_indent(item);
    Some(Slip {
        pos: Pos {
            line: li + 1,
            column: indent(line) + 1,
        },
        message: format!(
            "`{key}` is lined up with the `-` of the list item above it, so it belongs to no item"
        ),
        help: format!(
            "to make it part of that item, line it up with `{first}`: write it as `{}{}`",
            " ".repeat(want),
            line.trim()
        ),
    })
}

/// A `- item` line where the block holds `key: value` lines.
pub(super) fn list_item(lines: &[&str], li: usize, dash: usize) -> Option<Slip> {
    let line = lines[li];
    let item = line[dash..].trim_start_matches('-').trim();
    let pos = Pos {
        line: li + 1,
        column: line[..dash].chars().count() + 1,
    };
    if let Some(slip) = moved_item(lines, li)
        .or_else(|| dash_without_space(lines, prev_nonblank(lines, li)?))
        .or_else(|| first_dash_lost(lines, li, dash))
        .or_else(|| key_above_off(lines, li, dash))
    {
        return Some(slip);
    }
    let above = lines[prev_nonblank(lines, li)?];
    let ind = &line[..dash];
    match key_of(above) {
        Some((key, colon)) if !above[colon + 1..].trim().is_empty() => {
            let value = above[colon + 1..].trim();
            let as_list = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
                Some(items) => {
                    format!("add it inside the brackets: `{ind}{key}: [{items}, {item}]`")
                }
                None => format!(
                    "write `{ind}{key}:` and below it `{ind}  - {value}` and `{ind}  - {item}`"
                ),
            };
            Some(Slip {
                pos,
                message: format!(
                    "a list item here, but this block holds `key: value` lines, not a list (`{key}` above already has its value)"
                ),
                help: format!(
                    "if it belongs to `{key}`, {as_list}; if it is a value of its own, give it a key: `{ind}some_key: {item}`"
                ),
            })
        }
        _ => Some(Slip {
            pos,
            message: "a list item here, but this block holds `key: value` lines, not a list".into(),
            help: format!(
                "give it a key, for example `{ind}some_key: {item}`, or move it under the list it belongs to"
            ),
        }),
    }
}

/// A `- item` line (`li`, 0-based) not lined up with the item above it:
/// the first item is the one out of line when the items after it agree
/// (see [`first_item_off`]), else this one.
pub(super) fn item_after_item(lines: &[&str], li: usize) -> Option<Slip> {
    let line = lines[li];
    let t = line.trim_start();
    if !(t.starts_with("- ") || t == "-") {
        return None;
    }
    let (dash, item) = (indent(line), t.trim_start_matches('-').trim());
    let p = prev_nonblank(lines, li)?;
    let above = lines[p].trim_start();
    let want = indent(lines[p]);
    if !(above.starts_with("- ") || above == "-") || want == dash {
        return None;
    }
    first_item_off(lines, p, li, dash).or(Some(Slip {
        pos: Pos {
            line: li + 1,
            column: line[..dash].chars().count() + 1,
        },
        message: "this list item is not lined up with the item above it".into(),
        help: format!("write it as `{}- {item}`", " ".repeat(want)),
    }))
}

/// A `- item` line (`li`, 0-based) out of line with the item above it or
/// with the other items of its list, its keys left in place.
pub(super) fn moved_item(lines: &[&str], li: usize) -> Option<Slip> {
    let below = (li + 1..lines.len()).find(|&n| !lines[n].trim().is_empty());
    item_after_item(lines, li).or_else(|| below.and_then(|n| item_off(lines, n)))
}

/// A list whose first item lost its dash (`name: Knee bend` where
/// `- name: Knee bend` belongs, the items after it at column `dash`): its
/// keys read as a block under the list's key, and libyaml stops at the
/// second item (`li`, 0-based). The item's text is where it was (two
/// columns in), or moved back to the dash's column when it has the shape
/// of the item after it (the same first key, both `{ … }`, both `[ … ]`
/// or both plain text): a block of keys there is otherwise the mistake.
fn first_dash_lost(lines: &[&str], li: usize, dash: usize) -> Option<Slip> {
    let text = |p: &usize| is_content(lines[*p]);
    let mut first = None;
    let mut at_dash = false;
    for p in (0..li).rev().filter(text) {
        let l = lines[p];
        let dashless = !l.trim_start().starts_with('-');
        let opens = opens_block(l);
        if indent(l) == dash && opens && first.is_some_and(|f| indent(lines[f]) > dash) {
            // The list's key at its items' column, as many YAML writers
            // line them up.
            break;
        }
        if indent(l) > dash || (indent(l) == dash && dashless && !at_dash) {
            at_dash |= indent(l) == dash;
            first = Some(p);
            continue;
        }
        // Else the list's key, further out than its items.
        if !(opens && indent(l) < dash) {
            return None;
        }
        break;
    }
    let first = first?;
    let line = lines[first];
    let item = lines[li][dash..].trim_start_matches('-').trim_start();
    let fits = match indent(line) {
        i if i == dash => same_shape(line.trim_start(), item),
        i if i == dash + 2 => key_of(line).is_some() || same_shape(line.trim_start(), item),
        _ => false,
    };
    if !fits || line.trim_start().starts_with('-') {
        return None;
    }
    Some(Slip {
        pos: Pos {
            line: first + 1,
            column: 1,
        },
        message: "this list's first item has no `- `, which the items after it have".into(),
        help: format!("write it as `{}- {}`", " ".repeat(dash), line.trim()),
    })
}

/// Do two list items' texts look alike: the same first key, both `{ … }`,
/// both `[ … ]`, or both plain text?
fn same_shape(a: &str, b: &str) -> bool {
    #[derive(PartialEq)]
    enum Shape<'t> {
        Key(&'t str),
        Map,
        List,
        Text,
    }
    let shape = |t| match key_of(t) {
        Some((k, _)) => Some(Shape::Key(k)),
        None if t.starts_with('{') => Some(Shape::Map),
        None if t.starts_with('[') => Some(Shape::List),
        // A colon in it: not plain text, nor a key libyaml would read.
        None if t.contains(": ") => None,
        None => Some(Shape::Text),
    };
    shape(a).is_some_and(|x| shape(b) == Some(x))
}

/// `{ name: Hop, now: 1 }` where `- { name: Hop, now: 1 }` belongs: a line
/// (`li`, 0-based) without a dash among list items that have theirs at its
/// column, the nearest above or below; or a `{ … }` or `[ … ]` line among
/// the keys of an item (never a key itself: the dash went and the text
/// stayed where it was). libyaml reads it as a key whose colon it looks
/// for, and reports the line after.
pub(super) fn item_without_dash(lines: &[&str], li: usize) -> Option<Slip> {
    let line = *lines.get(li)?;
    let text = line.trim_start();
    if !is_content(line) || text.starts_with('-') {
        return None;
    }
    let col = indent(line);
    let level = |n: &usize| is_content(lines[*n]) && indent(lines[*n]) <= col;
    let item_on = |n: usize, c: usize| item_at(lines[n], c);
    let above = (0..li).rev().find(level);
    let below = (li + 1..lines.len()).find(level);
    let dash = if above.into_iter().chain(below).any(|n| item_on(n, col)) {
        // Items at their key's column (`patient:` and `- Do…` below it,
        // lined up): a lower-case word there is the next key, its colon
        // missing, more likely than an item.
        let opener = (0..li)
            .rev()
            .filter(|&n| is_content(lines[n]))
            .find(|&n| indent(lines[n]) <= col && !item_on(n, col));
        let indentless =
            opener.is_some_and(|n| indent(lines[n]) == col && key_of(lines[n]).is_some());
        let word = text.split([' ', ':']).next().unwrap_or_default();
        if indentless && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return None;
        }
        col
    } else {
        // The item whose keys it sits among: the nearest line above that
        // is not indented as far.
        let flow = text.starts_with(['{', '[']) && key_of(line).is_none();
        let owner = (0..li)
            .rev()
            .find(|&n| is_content(lines[n]) && indent(lines[n]) < col);
        match owner {
            Some(n) if flow && col >= 2 && item_on(n, col - 2) => col - 2,
            _ => return None,
        }
    };
    Some(no_dash(li, col, dash, text))
}

/// `name: Knee bend` at the column of a list's `- ` items, its keys under
/// it (`  id: knee-bend`): an item that lost its dash, read as a key of the
/// block the list is in; libyaml reports the key under it. `p`: the
/// dashless line, 0-based. Only when an item of the list next to it has
/// the same first key: where lists are lined up with their keys, a key
/// beside a sibling's list is no item.
pub(super) fn dash_lost_above_keys(lines: &[&str], p: usize) -> Option<Slip> {
    let line = lines[p];
    let text = line.trim_start();
    if text.starts_with('-') || key_of(line).is_none() {
        return None;
    }
    let col = indent(line);
    let alike = |n: usize| {
        let item = lines[n].trim_start().strip_prefix("- ");
        indent(lines[n]) == col && item.is_some_and(|t| same_shape(text, t))
    };
    let opens = |n: usize| opens_block(lines[n]);
    let level = |n: &usize| is_content(lines[*n]) && indent(lines[*n]) <= col;
    let above = (0..p).rev().find(level)?;
    // The next item, unless it is the list of a key just above it.
    let below = (p + 1..lines.len())
        .find(level)
        .filter(|&b| prev_nonblank(lines, b).is_none_or(|q| !opens(q)));
    // The list's first item: its key above (lined up, or two in).
    let first = opens(above) && (indent(lines[above]) == col || indent(lines[above]) + 2 == col);
    let lost = alike(above) || (first && below.is_some_and(alike));
    lost.then(|| no_dash(p, col, col, text))
}

/// "This list item has no `- `": line `li` (0-based), its text at column
/// `col`, written back with its dash at `dash`.
fn no_dash(li: usize, col: usize, dash: usize, text: &str) -> Slip {
    Slip {
        pos: Pos {
            line: li + 1,
            column: col + 1,
        },
        message: "this list item has no `- `, which the items around it have".into(),
        help: format!("write it as `{}- {}`", " ".repeat(dash), text.trim_end()),
    }
}

/// `   clinician:` one space further in than the keys after it, its items
/// lined up with the keys (`  - Measure…`): libyaml reports the first
/// item (`li`, 0-based, at column `dash`), but the key above it moved.
fn key_above_off(lines: &[&str], li: usize, dash: usize) -> Option<Slip> {
    let above = lines[prev_nonblank(lines, li)?];
    if !opens_block(above) || indent(above) <= dash {
        return None;
    }
    super::blocks::first_keys_off(lines, li, indent(above), dash)
}

/// Is `line` a `- ` list item with its dash at column `col`?
fn item_at(line: &str, col: usize) -> bool {
    indent(line) == col && line.trim_start().starts_with("- ")
}

/// Keys that start a list item in heropath's files, whatever the list.
pub(super) const ITEM_KEYS: [&str; 6] = ["name", "use", "title", "date", "measure", "id"];

/// A list item that lost its dash, found by the key serde sees twice: the
/// item above swallows it (`- use: pendulum … reps: 15`, then `name: Table
/// slide … reps: 10` without its `- `), so the repeat is lines below the
/// mistake. `first` and `second` (0-based) are the two lines of the key,
/// at one indent. The line to fix is the first key between them that
/// starts an item: the key a sibling item starts with, or one of
/// [`ITEM_KEYS`]. `None` when the key is not in a list item, or nothing
/// between looks like an item's start (a key written twice).
pub(super) fn lost_dash(lines: &[&str], first: usize, second: usize) -> Option<Slip> {
    let k = content_indent(lines[first]);
    let dash = k.checked_sub(2)?;
    // The item the first line belongs to: its `- ` line, with nothing
    // less indented between.
    let start = (0..=first)
        .rev()
        .find(|&i| !is_content(lines[i]) || indent(lines[i]) < k || item_at(lines[i], dash))
        .filter(|&i| item_at(lines[i], dash))?;
    // The first keys of the list's items, up and down from it.
    let in_list = |i: &usize| !is_content(lines[*i]) || content_indent(lines[*i]) > dash;
    let top = (0..start)
        .rev()
        .take_while(|i| in_list(i) || item_at(lines[*i], dash))
        .last();
    let bottom = (start..lines.len())
        .take_while(|i| in_list(i) || item_at(lines[*i], dash))
        .last();
    let openers: Vec<&str> = (top.unwrap_or(start)..=bottom.unwrap_or(second))
        .filter(|i| item_at(lines[*i], dash))
        .filter_map(|i| key_of(lines[i]).map(|(key, _)| key))
        .chain(ITEM_KEYS)
        .collect();
    let at = (first + 1..=second).find(|&i| {
        indent(lines[i]) == k
            && !lines[i].trim_start().starts_with('-')
            && key_of(lines[i]).is_some_and(|(key, _)| openers.contains(&key))
    })?;
    let text = lines[at].trim();
    Some(Slip {
        pos: Pos {
            line: at + 1,
            column: k + 1,
        },
        message: format!(
            "this looks like a list item that lost its `-`: without it, its keys join the item above (`{}` is given twice)",
            key_of(lines[second]).map_or("", |(key, _)| key)
        ),
        help: format!("write it as `{}- {text}`", " ".repeat(dash)),
    })
}
