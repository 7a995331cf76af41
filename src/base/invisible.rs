//! Characters that print as nothing: the one list every check that reads
//! text as it looks on paper uses (the unfinished-plan check folding a
//! `TO\u{AD}DO`, the privacy guard folding a name).

/// A character that prints as nothing, or as no letter: the soft hyphen
/// (shown only where a line breaks), the combining grapheme joiner,
/// zero-width spaces and joiners, the word joiner and invisible operators,
/// bidi marks, embeddings, overrides and isolates (LRM, RLM, ALM),
/// variation selectors (including Mongolian's, and the supplement's),
/// the byte-order mark, Hangul fillers, Khmer's inherent vowels,
/// interlinear annotation controls, shorthand format controls, musical
/// format controls, tag characters, and Arabic tatweel (a stretch of the
/// line between letters, never a letter itself).
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{640}' | '\u{115f}' | '\u{1160}' | '\u{17b4}'
        | '\u{17b5}' | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{3164}'
        | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}' | '\u{fff0}'..='\u{fffb}'
        | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e0fff}')
}

#[cfg(test)]
mod tests {
    use super::is_invisible;

    #[test]
    fn format_characters_are_invisible_letters_and_accents_are_not() {
        for c in [
            '\u{ad}',
            '\u{200b}',
            '\u{200e}',
            '\u{200f}',
            '\u{202e}',
            '\u{2066}',
            '\u{fe0f}',
            '\u{feff}',
            '\u{180e}',
            '\u{e0001}',
            '\u{e0100}',
        ] {
            assert!(is_invisible(c), "{c:?}");
        }
        for c in ['a', ' ', '\u{a0}', '\u{301}', 'ñ', '中'] {
            assert!(!is_invisible(c), "{c:?}");
        }
    }
}
