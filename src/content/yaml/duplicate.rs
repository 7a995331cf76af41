//! A key given twice in one block: which two lines, and the words that
//! name both, so the person can compare them and keep one.

use crate::base::diag::{Code, Diagnostic, Pos};
use std::path::Path;

/// `key:` given twice in one block: the second (at `second`) is named,
/// with the line of the first, so the person can compare them and keep one.
pub(super) fn duplicate(
    block: &str,
    key: &str,
    first: usize,
    second: Pos,
    file: &Path,
) -> Diagnostic {
    Diagnostic::error(
        Code::YamlSyntax,
        format!("{block}`{key}:` appears twice; the first is on line {first}"),
    )
    .in_file(file)
    .at(Some(second))
    .help(format!(
        "keep one `{key}:`: move anything you still need from this one (line {}) into the first, then delete this one",
        second.line
    ))
}

/// The first and the second `key:` at one indentation from line `from`
/// on: the first's line and the second's position.
pub(super) fn second_key(src: &str, key: &str, from: usize) -> Option<(usize, Pos)> {
    let mut first_indent = None;
    for (i, line) in src.lines().enumerate().skip(from.saturating_sub(1)) {
        let t = line.trim_start().trim_start_matches("- ");
        if t.strip_prefix(key).is_some_and(|r| r.starts_with(':')) {
            let indent = line.len() - t.len();
            match first_indent {
                None => first_indent = Some((indent, i + 1)),
                Some((f, first)) if f == indent => {
                    return Some((
                        first,
                        Pos {
                            line: i + 1,
                            column: indent + 1,
                        },
                    ));
                }
                Some(_) => {}
            }
        }
    }
    None
}
