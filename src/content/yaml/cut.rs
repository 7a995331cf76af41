//! Text that YAML cuts short without a word: in a value written without
//! quotes, a space and `#` start a comment, so `focus: Bring your #2
//! brace` reaches the handout as "Bring your". A comment written on purpose
//! has a space after its `#` (`reps: 10  # per side`); a `#` with a letter
//! or digit right after it ("#2", "#3 band") is text a person meant to
//! print. Block text (`|`, `>`) keeps every `#`, and so do quotes.
//!
//! Likewise a value that starts with `&` loses its first word, an anchor's
//! name, when nothing in the file refers to it ([`unused_anchors`]).

use super::slips::{quoted, value_start};
use crate::base::diag::{Code, Diagnostic, Pos};
use std::path::Path;

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
    for (n, line, start) in values(src) {
        let value = &line[start..];
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

/// Each line of `src` that holds a value, outside block text (`|`, `>`)
/// and comments: its index (0-based), the line, and where its value
/// starts (see [`value_start`]).
fn values(src: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    // The indent of the line that opened a block of text (`|`, `>`).
    let mut block: Option<usize> = None;
    src.lines().enumerate().filter_map(move |(n, line)| {
        let body = line.trim_start();
        let indent = line.len() - body.len();
        if let Some(at) = block {
            if body.is_empty() || indent > at {
                return None;
            }
            block = None;
        }
        if body.starts_with('#') {
            return None;
        }
        let start = value_start(line);
        let value = &line[start..];
        // A block of text may be named first: `details: &d |`.
        let value = match value.strip_prefix('&') {
            Some(anchored) => anchored
                .trim_start_matches(|c: char| !c.is_whitespace())
                .trim_start(),
            None => value,
        };
        if value.starts_with(['|', '>']) {
            block = Some(indent);
            return None;
        }
        Some((n, line, start))
    })
}

/// `focus: &more` or `focus: &more Bring shoes`: a plain value that starts
/// with `&`, which YAML reads as a name given to the value (an anchor, for
/// a `*more` elsewhere to repeat it), not as text. When no `*more` in the
/// file uses it, a person wrote it as text, and YAML drops it without a
/// word: the value is left empty, or loses its first word. An error at the
/// `&` for each (HP0001), saying to quote the text. An anchor before a
/// block of keys, a list or other non-text is left alone.
pub fn unused_anchors(src: &str, file: &Path) -> Vec<Diagnostic> {
    if !src.contains('&') {
        return Vec::new();
    }
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    for (n, line, start) in values(src) {
        // A line that goes on with the value above it (no key, no `- `)
        // is text: YAML reads no anchor there.
        let continues = start == line.len() - line.trim_start().len();
        let Some(named) = line[start..].trim_end().strip_prefix('&') else {
            continue;
        };
        if continues {
            continue;
        }
        let len = named
            .find(|c: char| c.is_whitespace() || ",[]{}".contains(c))
            .unwrap_or(named.len());
        let (name, rest) = (&named[..len], named[len..].trim());
        let rest = if rest.starts_with('#') { "" } else { rest };
        if name.is_empty() || used(src, name) {
            continue;
        }
        let deeper_below = lines[n + 1..]
            .iter()
            .find(|l| super::slips::is_content(l))
            .is_some_and(|l| super::slips::indent(l) > super::slips::content_indent(line));
        if (rest.is_empty() && deeper_below)
            || rest.starts_with(['|', '>', '[', '{', '"', '\'', '*', '&', '!'])
        {
            continue;
        }
        let key = super::slips::key_of(line).map_or("this item", |(k, _)| k);
        let lost = if rest.is_empty() {
            format!("`{key}` is left empty")
        } else {
            format!("only `{rest}` is read")
        };
        let text = if rest.is_empty() {
            format!("&{name}")
        } else {
            format!("&{name} {rest}")
        };
        out.push(
            Diagnostic::error(
                Code::YamlSyntax,
                format!(
                    "`&{name}` is not text to YAML: a `&` at the start of a value gives the value a name (an anchor), so {lost}"
                ),
            )
            .in_file(file)
            .at(Some(Pos {
                line: n + 1,
                column: line[..start].chars().count() + 1,
            }))
            .help(format!(
                "put the text in quotes: write it as `{}{}`",
                &line[..start],
                quoted(&text)
            )),
        );
    }
    out
}

/// Does an alias `*name` appear in `src`?
fn used(src: &str, name: &str) -> bool {
    let alias = format!("*{name}");
    src.match_indices(&alias).any(|(i, _)| {
        src[i + alias.len()..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || ",]}".contains(c))
    })
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

    #[test]
    fn an_unused_anchor_on_a_key_or_item_is_an_error_but_not_inside_text() {
        let errs = |src: &str| unused_anchors(src, Path::new("p.yaml")).len();
        assert_eq!(errs("focus: &more\n"), 1);
        assert_eq!(errs("cues:\n  - &slow Go slow\n"), 1);
        // Used, or before a block of keys: an anchor on purpose.
        assert_eq!(errs("a: &d Walk\nb: *d\n"), 0);
        assert_eq!(errs("a: &d\n  x: 1\n"), 0);
        // A line that goes on with the text above it.
        assert_eq!(errs("focus: Bring shoes\n  &more to share\n"), 0);
    }
}
