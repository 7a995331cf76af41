//! Text as it looks on paper: a `TODO` with a soft hyphen or a zero-width
//! space inside (as text pasted from a word processor carries), or typed
//! in full-width letters (`ＴＯＤＯ`), prints as "TODO" all the same, so
//! the checks read each line folded.

use crate::base::invisible::is_invisible as invisible;
use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// A character that can hide a marker: one that prints as nothing
/// (a soft hyphen, a bidi mark, a variation selector…), or a letter
/// that prints as an ASCII one in another form: full-width (`Ｔ`), or
/// mathematical bold, italic and the like (`𝐓`).
fn hides(c: char) -> bool {
    invisible(c)
        || ('\u{FF01}'..='\u{FF5E}').contains(&c)
        || ('\u{1D400}'..='\u{1D7FF}').contains(&c)
}

/// Might [`fold`] change `text`? (False for ASCII at once: most plans.
/// Other non-ASCII text, a no-break space or an accented letter, is read
/// as it is, so the prefilter stays fast on it.)
pub(super) fn needs_fold(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(hides)
}

/// `line` as a reader sees it: when a character could hide a marker,
/// invisible characters dropped, then NFKC (full-width and mathematical
/// letters become ASCII ones). Any other line is borrowed as it is.
pub(super) fn fold(line: &str) -> Cow<'_, str> {
    if !needs_fold(line) {
        return Cow::Borrowed(line);
    }
    let visible: String = line.chars().filter(|c| !invisible(*c)).collect();
    if is_nfkc_quick(visible.chars()) == IsNormalized::Yes {
        return Cow::Owned(visible);
    }
    Cow::Owned(visible.nfkc().collect())
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folding_makes_a_marker_look_as_it_prints() {
        for hidden in [
            "TO\u{AD}DO",
            "T\u{200B}ODO",
            "TO\u{2060}DO",
            "TO\u{200E}DO",
            "TO\u{200F}DO",
            "TO\u{FE0F}DO",
            "\u{202B}TODO\u{202C}",
            "\u{FF34}\u{FF2F}\u{FF24}\u{FF2F}",
        ] {
            assert_eq!(fold(hidden), "TODO", "{hidden:?}");
        }
        assert!(matches!(
            fold("Walk up the stairs"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(fold("\u{1D413}\u{1D40E}\u{1D403}\u{1D40E}"), "TODO");
        assert_eq!(fold("Camine despacio, señora"), "Camine despacio, señora");
    }
}
