//! Terminal escape sequences: the colours and styles a terminal draws
//! with (`ESC [ 1 ; 31 m`), which it never shows as text. A log or a
//! terminal capture copied into `static/` keeps them, and a name coloured
//! in pieces (`Kamin ESC[0m ski`) reads as one word on the screen, so the
//! sequences are removed without a trace before folding, as a tag inside a
//! word is.
//!
//! Not here: any other control character (a separator, see [`super`]).

use std::borrow::Cow;

const ESC: char = '\u{1b}';

/// `text` without its escape sequences: CSI (`ESC [` parameters,
/// intermediates, a final byte), OSC (`ESC ]` up to BEL or `ESC \`) and the
/// short ones (`ESC (B`, `ESC 7`). Borrowed when there is no ESC (the
/// usual case: one byte search).
pub(super) fn without_escapes(text: &str) -> Cow<'_, str> {
    if !text.contains(ESC) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        if c != ESC {
            out.push(c);
            continue;
        }
        match it.peek().copied() {
            Some('[') => {
                it.next();
                // Parameters and intermediates (0x20..=0x3F), then one final
                // byte (0x40..=0x7E); anything else ends it where it stands.
                while it
                    .next_if(|&p| ('\u{20}'..='\u{3f}').contains(&p))
                    .is_some()
                {}
                it.next_if(|&f| ('\u{40}'..='\u{7e}').contains(&f));
            }
            Some(']') => {
                it.next();
                while let Some(p) = it.next() {
                    if p == '\u{7}' || (p == ESC && it.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            Some(_) => {
                while it
                    .next_if(|&p| ('\u{20}'..='\u{2f}').contains(&p))
                    .is_some()
                {}
                it.next_if(|&f| ('\u{30}'..='\u{7e}').contains(&f));
            }
            None => {}
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::without_escapes;

    #[test]
    fn escapes_vanish_and_plain_text_is_borrowed() {
        for (with, plain) in [
            ("Kamin\u{1b}[0mski", "Kaminski"),
            ("\u{1b}[1;31mKaminski\u{1b}[m ok", "Kaminski ok"),
            ("Kamin\u{1b}(B\u{1b}[mski", "Kaminski"),
            (
                "\u{1b}]8;;https://a.test\u{1b}\\Kamin\u{1b}]8;;\u{7}ski",
                "Kaminski",
            ),
            ("a\u{1b}", "a"),
        ] {
            assert_eq!(without_escapes(with), plain, "{with:?}");
        }
        assert!(matches!(
            without_escapes("plain [1m text"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
