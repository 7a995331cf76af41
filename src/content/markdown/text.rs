//! Markdown as plain text, and plain text as sentences: for summaries,
//! for one-step-per-sentence instructions, and for the readability check.
//!
//! [`sentences`] cuts where a reader sees a new sentence (a full stop, `!`
//! or `?`, a space, then a capital or a digit) and keeps the punctuation:
//! it makes steps and summaries people read. The reading-grade count cuts
//! differently (at every `.`, `!`, `?`, `;` and line break; see
//! `stages::check::readability::sentences`), as the Flesch-Kincaid formula
//! expects; the two are different rules and give different pieces.

/// Split plain prose into sentences (". ", "! ", "? " followed by a capital
/// or a digit), so "Sit tall. Squeeze." becomes two steps.
pub fn sentences(text: &str) -> Vec<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(3) {
        let (_, a) = w[0];
        let (_, b) = w[1];
        let (ci, c) = w[2];
        if matches!(a, '.' | '!' | '?')
            && b == ' '
            && (c.is_uppercase() || c.is_ascii_digit() || c == '¿' || c == '¡')
        {
            out.push(text[start..ci].trim().to_string());
            start = ci;
        }
    }
    let last = text[start..].trim();
    if !last.is_empty() {
        out.push(last.to_string());
    }
    out
}

/// Markdown → plain text (for summaries and the readability check): the
/// text and code, with one space for each break or closing tag, and runs of
/// whitespace folded to one space.
pub fn plain_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut s = String::new();
    for ev in Parser::new(md) {
        match ev {
            Event::Text(t) | Event::Code(t) => s.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => s.push(' '),
            _ => {}
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
