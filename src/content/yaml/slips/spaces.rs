//! Indentation YAML cannot read: a tab, or a space of another kind (a
//! no-break space pasted from a word processor or an email), which YAML
//! reads as text, so the line's content starts with it.

use super::{Slip, expected_indent, prev_nonblank};
use crate::base::diag::Pos;

/// A tab in the indentation of the line with the error.
pub(super) fn tab_in_indent(lines: &[&str], li: usize, pos: Pos) -> Option<Slip> {
    let line = *lines.get(li)?;
    let lead: &str = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
    let t = lead.find('\t')?;
    let want = expected_indent(lines, li);
    Some(Slip {
        pos: Pos {
            line: pos.line,
            column: t + 1,
        },
        message: "this line is indented with a tab; YAML indentation must be spaces".into(),
        help: format!(
            "write it as `{}{}`",
            " ".repeat(want),
            line.trim_start_matches([' ', '\t'])
        ),
    })
}

/// Spaces that look like a space but are not one to YAML.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// The nearest line at or above `li` (0-based; the line of the error)
/// whose indentation holds a space of another kind: the error follows
/// from it (libyaml reads that line's content as starting there).
pub(super) fn odd_space(lines: &[&str], li: usize) -> Option<Slip> {
    let lead = |l: &str| {
        let rest = l.trim_start_matches(|c: char| c == ' ' || c == '\t' || is_odd_space(c));
        l.len() - rest.len()
    };
    let at = (0..=li.min(lines.len().checked_sub(1)?))
        .rev()
        .find(|&i| lines[i][..lead(lines[i])].contains(is_odd_space))?;
    let line = lines[at];
    let (b, c) = line.char_indices().find(|(_, c)| is_odd_space(*c))?;
    let want = match prev_nonblank(lines, at) {
        Some(_) => expected_indent(lines, at),
        None => 0,
    };
    Some(Slip {
        pos: Pos {
            line: at + 1,
            column: line[..b].chars().count() + 1,
        },
        message: format!(
            "this line's indentation holds a U+{:04X} space (a no-break or other special space, often pasted from a document), which YAML does not read as indentation",
            c as u32
        ),
        help: format!(
            "retype the indentation with ordinary spaces: `{}{}`",
            " ".repeat(want.max(line[..lead(line)].chars().count())),
            line[lead(line)..].trim_end()
        ),
    })
}
