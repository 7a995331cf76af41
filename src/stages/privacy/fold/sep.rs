//! What stands between two tokens (see [`super::Sep`]), gathered while
//! the text between them is read.

use super::Sep;

/// What has been seen since the last token.
#[derive(Default, Clone, Copy)]
pub(super) struct SepAcc {
    pub(super) hard: bool,
    /// A block element's edge (the extractor's `BLOCK`).
    pub(super) block: bool,
    pub(super) join: bool,
    pub(super) space: bool,
    pub(super) puncts: u8,
    pub(super) kind: Option<Sep>,
    pub(super) phone_ok: bool,
    /// The last mark was an apostrophe with nothing after it: "b. '50",
    /// ", '68" (a year with its century left out).
    pub(super) elided: bool,
}

impl SepAcc {
    pub(super) fn new_segment() -> SepAcc {
        SepAcc {
            hard: true,
            phone_ok: true,
            ..SepAcc::default()
        }
    }

    pub(super) fn fresh() -> SepAcc {
        SepAcc {
            phone_ok: true,
            ..SepAcc::default()
        }
    }

    pub(super) fn punct(&mut self, c: char) {
        if matches!(c, '\u{30fb}' | '\u{ff65}') {
            // The katakana middle dot spaces the words of a name written
            // in katakana ("マリア・ロペス").
            self.space();
            return;
        }
        self.elided = matches!(c, '\'' | '\u{2019}' | '\u{02BC}');
        self.puncts = self.puncts.saturating_add(1);
        self.kind = Some(match c {
            '.' => Sep::Dot,
            '/' => Sep::Slash,
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' => Sep::Dash,
            ':' => Sep::Colon,
            ',' => Sep::Comma,
            '\'' | '\u{2019}' | '\u{02BC}' => Sep::Apostrophe,
            '@' | '\u{FF20}' => Sep::At,
            '#' | '\u{FF03}' => Sep::Hash,
            _ => Sep::Other,
        });
        let phone_char = matches!(
            c,
            '.' | '/' | '-' | '_' | '(' | ')' | '[' | ']' | '+' | '\u{2010}'
                ..='\u{2015}' | '\u{2212}' | '·' | '•' | '∙' | '⋅' | '・' | '|'
        );
        if !phone_char || self.puncts > 4 {
            self.phone_ok = false;
        }
    }

    /// White space: after it, an apostrophe no longer touches what follows.
    pub(super) fn space(&mut self) {
        self.space = true;
        self.elided = false;
    }

    /// [`SepAcc::sep`] before a token; `two_digits`: the token is two
    /// digits, which an apostrophe touching them after other marks makes
    /// a year ("b. '50", "June 30, '50"), as a lone apostrophe does.
    #[inline]
    pub(super) fn sep_before(&self, two_digits: bool) -> Sep {
        if self.elided && two_digits && !self.hard && self.puncts > 1 {
            Sep::Apostrophe
        } else {
            self.sep()
        }
    }

    pub(super) fn sep(&self) -> Sep {
        if self.hard {
            Sep::Hard
        } else if self.puncts == 1 {
            self.kind.unwrap_or(Sep::Other)
        } else if self.puncts > 1 {
            Sep::Other
        } else if self.space {
            Sep::Space
        } else {
            Sep::Join
        }
    }
}
