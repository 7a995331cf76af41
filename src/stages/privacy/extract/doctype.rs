//! Document type declarations, read as they are written: the tokenizer
//! keeps only a DOCTYPE's name and identifiers, and skips an internal
//! subset whole (`<!DOCTYPE svg [<!ENTITY n "Walter Kaminski">]>`), whose
//! entities the document then prints (`&n;`).
//!
//! Not here: the rest of the markup ([`super::markup`]).

use super::{Segment, Strength, count_nl, push};

/// Adds the text of every `<!DOCTYPE …>` in `s` (to the `]>` that closes an
/// internal subset) as a segment at its line; `base` is the absolute line
/// of `s`'s first line (0: lines unknown).
pub(super) fn doctypes_into(s: &str, base: u32, segs: &mut Vec<Segment>) {
    let b = s.as_bytes();
    let mut from = 0;
    // Lines are counted once, from the last DOCTYPE on (a file of many
    // must not cost their number times its length).
    let (mut counted, mut nl) = (0, 0u32);
    while let Some(at) = find_doctype(&b[from..]).map(|i| from + i) {
        let rest = &s[at..];
        let end = match (rest.find('['), rest.find('>')) {
            (Some(open), Some(close)) if open < close => rest.find("]>").map(|i| i + 2),
            (_, close) => close.map(|i| i + 1),
        }
        .unwrap_or(rest.len());
        nl = nl.saturating_add(count_nl(&s[counted..at]));
        counted = at;
        let line = if base == 0 {
            0
        } else {
            base.saturating_add(nl)
        };
        // The keyword is markup vocabulary, not text (nor is the plain
        // `<!DOCTYPE html>` every page starts with).
        let body = rest.get(DOCTYPE.len()..end).unwrap_or("");
        if !body
            .trim_end_matches('>')
            .trim()
            .eq_ignore_ascii_case("html")
        {
            push(segs, body, line, Strength::Text);
        }
        from = at + end.max(1);
    }
}

const DOCTYPE: &str = "<!doctype";

/// Byte offset of the first `<!doctype`, in any case.
fn find_doctype(b: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(b, b"<!").find(|&i| {
        b.get(i..i + DOCTYPE.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(DOCTYPE.as_bytes()))
    })
}
