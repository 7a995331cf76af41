//! Text that YAML cuts short without a word: in a value written without
//! quotes, a space and `#` start a comment, so `focus: Bring your #2
//! brace` reaches the handout as "Bring your". A comment written on purpose
//! has a space after its `#` (`reps: 10  # per side`); a `#` with a letter
//! or digit right after it ("#2", "#3 band") is text a person meant to
//! print. Block text (`|`, `>`) keeps every `#`, and so do quotes.

use super::slips::{quoted, value_start};
use crate::base::diag::Pos;

/// A value cut short by a comment: where its `#` is, and the line written
/// so that nothing is cut (the value in double quotes).
#[derive(Debug, PartialEq, Eq)]
pub struct Cut {
    /// The `#` that starts the comment.
    pub pos: Pos,
    /// The line with its value in double quotes.
    pub fixed: String,
}

/// Every value of `src` that a `#` right before a letter or digit cuts
/// short (see the module's overview). Cheap where there is no ` #`.
pub fn cut_by_comments(src: &str) -> Vec<Cut> {
    if !src.contains(" #") {
        return Vec::new();
    }
    let mut out = Vec::new();
    // The indent of the line that opened a block of text (`|`, `>`).
    let mut block: Option<usize> = None;
    for (n, line) in src.lines().enumerate() {
        let body = line.trim_start();
        let indent = line.len() - body.len();
        if let Some(at) = block {
            if body.is_empty() || indent > at {
                continue;
            }
            block = None;
        }
        if body.starts_with('#') {
            continue;
        }
        let start = value_start(line);
        let value = &line[start..];
        if value.starts_with(['|', '>']) {
            block = Some(indent);
            continue;
        }
        if value.starts_with(['"', '\'']) {
            continue;
        }
        if let Some(hash) = text_hash(value) {
            let column = line[..start + hash].chars().count() + 1;
            let fixed = format!("{}{}", &line[..start], quoted(value.trim_end()));
            out.push(Cut {
                pos: Pos {
                    line: n + 1,
                    column,
                },
                fixed,
            });
        }
    }
    out
}

/// The byte offset of a `#` in plain `value` that starts a comment (after
/// a space or tab, outside quotes in a flow list) and has a letter or
/// digit right after it.
fn text_hash(value: &str) -> Option<usize> {
    let b = value.as_bytes();
    let mut quote: Option<u8> = None;
    let flow = value.starts_with(['[', '{']);
    for (i, &c) in b.iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if flow && (c == b'"' || c == b'\'') && i > 0 && b"[{, ".contains(&b[i - 1]) => {
                quote = Some(c)
            }
            None if c == b'#' && i > 0 && (b[i - 1] == b' ' || b[i - 1] == b'\t') => {
                let next = value[i + 1..].chars().next();
                return next.filter(|c| c.is_alphanumeric()).map(|_| i);
            }
            None => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cuts(src: &str) -> Vec<(usize, usize, String)> {
        cut_by_comments(src)
            .into_iter()
            .map(|c| (c.pos.line, c.pos.column, c.fixed))
            .collect()
    }

    #[test]
    fn a_hash_before_text_in_a_plain_value_is_found_with_the_line_quoted() {
        assert_eq!(
            cuts("goal:\n  focus: Bring your #2 brace\n"),
            [(2, 21, "  focus: \"Bring your #2 brace\"".to_string())]
        );
        assert_eq!(
            cuts("patient:\n  - Wear the #3 band daily\n"),
            [(2, 14, "  - \"Wear the #3 band daily\"".to_string())]
        );
        assert_eq!(cuts("x: [Use band #2, rest]\n").len(), 1);
        assert_eq!(cuts("- - name: Squat #1\n")[0].0, 1);
        assert_eq!(cuts("cue: Say \"hi\" #ok\n").len(), 1);
        assert_eq!(cuts("note: Größe #Zwei\n")[0].1, 13);
    }

    #[test]
    fn comments_quotes_and_block_text_are_left_alone() {
        for src in [
            "reps: 10  # per side\n",
            "# reps: 10\n",
            "  #2 is a commented-out line\n",
            "focus: \"Bring your #2 brace\"\n",
            "focus: 'Bring your #2 brace'\n",
            "x: [\"Use band #2\", rest]\n",
            "instructions: |\n  1. Use the #2 band.\n  2. Rest #3.\nnext: ok\n",
            "body: >-\n  We met #1 goal.\n",
            "focus: Room#2 is upstairs\n",
            "focus: ##\n",
            "focus: a # \n",
        ] {
            assert!(cuts(src).is_empty(), "{src:?}: {:?}", cuts(src));
        }
        // A block ends where the indent comes back.
        assert_eq!(
            cuts("body: |\n  text #1\nfocus: Brace #2\n"),
            [(3, 14, "focus: \"Brace #2\"".to_string())]
        );
    }
}
