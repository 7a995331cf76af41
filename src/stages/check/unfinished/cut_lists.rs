//! Flow lists that YAML cuts at a comma: `[Count the stairs, every two
//! weeks]` is two items, the second printed as a bullet of its own.

use crate::base::diag::{Code, Diagnostic, Diagnostics, Pos};
use std::path::Path;

/// Warn where a `#` with text after it cuts a value short (see
/// [`crate::content::yaml::cut_by_comments`]): `focus: Bring your #2 brace`
/// prints "Bring your".
pub fn cut_by_comments(file: &Path, src: &str, diags: &mut Diagnostics) {
    for cut in crate::content::yaml::cut_by_comments(src) {
        diags.push(
            Diagnostic::warning(
                Code::CutByComment,
                "the text from `#` on is left out: YAML reads a space and `#` as the start of a comment",
            )
            .in_file(file)
            .at(Some(cut.pos))
            .help(format!(
                "put the text in quotes: `{}` (or write \"number 2\" for \"#2\")",
                cut.fixed.trim_start()
            )),
        );
    }
}

/// Warn where a flow list (`key: [a, b]`) of one of `keys` has an item that
/// starts lower-case right after a comma: most likely one sentence that
/// YAML cut in two (`[Count the stairs, every two weeks]`).
pub fn cut_lists(file: &Path, src: &str, keys: &[&str], diags: &mut Diagnostics) {
    // Only a line with a `[` can open a flow list: find those (most plans
    // have a handful) rather than trim every line of every plan.
    let bytes = src.as_bytes();
    let mut done = 0;
    for bracket in memchr::memchr_iter(b'[', bytes) {
        if bracket < done {
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[..bracket]).map_or(0, |i| i + 1);
        done = memchr::memchr(b'\n', &bytes[bracket..]).map_or(src.len(), |i| bracket + i + 1);
        line_cuts(file, src, line_start, &src[line_start..done], keys, diags);
    }
}

/// [`cut_lists`] for the line `raw` starting at byte `line_start` of `src`.
fn line_cuts(
    file: &Path,
    src: &str,
    line_start: usize,
    raw: &str,
    keys: &[&str],
    diags: &mut Diagnostics,
) {
    let line = raw.trim_end_matches(['\n', '\r']);
    let t = line.trim_start().trim_start_matches("- ");
    let Some(key) = keys
        .iter()
        .find(|k| t.strip_prefix(**k).is_some_and(|r| r.starts_with(':')))
    else {
        return;
    };
    let after = &t[key.len() + 1..];
    if !after.trim_start().starts_with('[') {
        return;
    }
    let open = line_start + (line.len() - after.trim_start().len());
    for (prev, item, at) in cut_items(src, open) {
        let pos = Pos::at_byte(src, at);
        diags.push(
            Diagnostic::warning(
                Code::CutAtComma,
                format!(
                    "`{key}`: \"{item}\" starts lower-case right after a comma; YAML splits a `[…]` list at every comma, so it prints as a bullet of its own"
                ),
            )
            .in_file(file)
            .at(Some(pos))
            .help(format!(
                "if it is one sentence, write the list one item per line: `- {prev}, {item}`; if it is an item of its own, start it with a capital letter"
            )),
        );
    }
}

/// The items of the flow list opening at byte `open` of `src` that start
/// lower-case after a comma: (the item before, the item, its byte offset).
fn cut_items(src: &str, open: usize) -> Vec<(String, String, usize)> {
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut start = open + 1;
    let mut item_begins = true;
    for (i, c) in src[open..].char_indices() {
        let at = open + i;
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' if item_begins => quote = Some(c),
            '[' | '{' => depth += 1,
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    items.push((start, at));
                    break;
                }
            }
            ',' if depth == 1 => {
                items.push((start, at));
                start = at + 1;
                item_begins = true;
                continue;
            }
            '#' if src[..at].ends_with([' ', '\n']) => return Vec::new(),
            _ => {}
        }
        if !c.is_whitespace() && at > open {
            item_begins = false;
        }
    }
    let text = |(a, b): (usize, usize)| src[a..b].trim().to_string();
    let mut out = Vec::new();
    for w in items.windows(2) {
        let item = &src[w[1].0..w[1].1];
        let lead = item.len() - item.trim_start().len();
        if item
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        {
            out.push((text(w[0]), text(w[1]), w[1].0 + lead));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_items_finds_the_lower_case_item() {
        let src = "together: [Count the stairs you can climb, every two weeks]\n";
        let cut = cut_items(src, 10);
        assert_eq!(cut.len(), 1);
        assert_eq!(cut[0].1, "every two weeks");
        assert_eq!(
            Pos::at_byte(src, cut[0].2),
            // `together: [` is 11 characters, `Count … climb, ` 32.
            Pos {
                line: 1,
                column: 44
            }
        );
        assert!(cut_items("c: [\"a, b\", C]\n", 3).is_empty());
        assert!(cut_items("c: [Walk, Run]\n", 3).is_empty());
        // A comment ends the line: nothing after it is an item.
        assert!(cut_items("c: [Walk #, run\n", 3).is_empty());
        // Across lines, and with CRLF line ends.
        let src = "c: [Walk,\r\n    slowly]\r\n";
        let cut = cut_items(src, 3);
        assert_eq!(Pos::at_byte(src, cut[0].2), Pos { line: 2, column: 5 });
    }

    #[test]
    fn cut_lists_reads_every_line_that_opens_a_list() {
        // First line, a list after `- `, a line with two brackets and a
        // comment, CRLF, other keys, and a last line without a line end.
        let src = "a: [One, two]\nb: [Any, thing]\n  - c: [Walk, run] # [x, y]\r\nnote: x [y\nc: [Sit,\n  stand, Go, up]";
        let mut d = Diagnostics::default();
        cut_lists(Path::new("p.yaml"), src, &["a", "c"], &mut d);
        let at: Vec<(u32, u32)> = d
            .iter()
            .map(|d| d.pos.map_or((0, 0), |p| (p.line as u32, p.column as u32)))
            .collect();
        assert_eq!(at, [(1, 10), (3, 15), (6, 3), (6, 14)]);
    }
}
