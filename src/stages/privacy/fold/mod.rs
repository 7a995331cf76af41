//! Folding text into the privacy guard's comparable form.
//!
//! Both sides of every comparison, the identifiers taken from plans and the
//! text of public files, go through [`Stream::build`], so they agree by
//! construction: Unicode NFKC (full-width letters and digits become ASCII),
//! case folded, accents dropped, lookalike letters from other scripts mapped
//! to the Latin letter they imitate (Unicode's confusables data, through
//! `unicode-security`), format characters (soft hyphens, zero-width spaces,
//! bidi marks) and terminal escape sequences (`fold/ansi.rs`) removed without a
//! trace, and every other non-letter a
//! separator. The result is one string of letters and digits with no
//! separators at all (`text`), and the tokens (words) it is made of: a name
//! is found where a run of whole tokens spells it, so "Kami nski",
//! "Kami<span>nski</span>", "Smith-Jones" and "SmithJones" all spell their
//! names, while "walkers" never spells "walker".
//!
//! Not here: what counts as an identifier ([`super::names`]), dates
//! ([`super::dates`]), reading files ([`super::extract`]).

use super::extract::{BLOCK, MARK, Segment, Strength};
use chars::*;
use sep::SepAcc;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

mod ansi;
mod chars;
pub mod hangul;
pub mod kana;
pub mod latin;
mod sep;
#[cfg(test)]
mod tests;
mod typed;

pub use chars::is_unspaced_script;
use latin::{has_alphabet_script, is_abjad, is_alphabet_script, latin_of};
use typed::{has_typed_letters, read_typed_letters};

/// Whether a token was read from another alphabet (see [`latin`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Foreign {
    /// Written in Latin letters, or in a script kept as written.
    #[default]
    No,
    /// Transliterated from an alphabet that writes its vowels.
    Letters,
    /// Read from Japanese kana (see [`kana`]).
    Kana,
    /// Read from Korean Hangul (see [`hangul`]).
    Hangul,
    /// Transliterated from an alphabet that mostly leaves them out
    /// (Hebrew, Arabic).
    Consonants,
}

/// What stood between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    /// A new segment (another attribute, a comment): nothing joins across it.
    Hard,
    /// Nothing, or only markup: the two tokens touch.
    Join,
    /// White space only.
    Space,
    /// One `.` (with or without spaces).
    Dot,
    /// One `/`.
    Slash,
    /// One dash or hyphen.
    Dash,
    /// One `:`.
    Colon,
    /// One `,`.
    Comma,
    /// One apostrophe (`'`, `’`, `ʼ`): "O'Brien", "'68".
    Apostrophe,
    /// One `@` (or `＠`): a handle ("@dokafor") or an email's domain.
    At,
    /// One `#` (or `＃`): a hashtag ("#teamkaminski").
    Hash,
    /// Anything else.
    Other,
}

/// One token (word or number) of a [`Stream`].
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Byte range in [`Stream::text`].
    pub start: u32,
    /// End of the byte range.
    pub end: u32,
    /// 1-based line in the source (0 when unknown).
    pub line: u32,
    /// What separated it from the previous token.
    pub sep: Sep,
    /// The separator could sit inside a phone number (spaces, dashes, dots,
    /// slashes, brackets, markup).
    pub phone_sep: bool,
    /// The token came from program text (see [`Strength::Code`]).
    pub code: bool,
    /// The token is part of a date the template stamped (see
    /// [`Strength::Stamp`]).
    pub stamp: bool,
    /// All ASCII digits.
    pub digits: bool,
    /// A block element's edge (a paragraph's, a table cell's, a list
    /// item's) stands between it and the token before: the two show apart.
    pub block: bool,
    /// Its first character was a capital letter, as names are written (or
    /// a letter of a script without capitals).
    pub upper: bool,
    /// Read from another alphabet (only in [`Stream::latin`]).
    pub foreign: Foreign,
}

/// Folded text: letters and digits only, and the tokens that make it up.
#[derive(Debug, Default)]
pub struct Stream {
    /// Every token's folded text, concatenated with no separator.
    pub text: String,
    /// The tokens, in order.
    pub toks: Vec<Tok>,
}

impl Stream {
    /// Fold one plain string (an identifier from a plan).
    pub fn of(s: &str) -> Stream {
        let mut b = Builder::default();
        b.run(s, 0, Strength::Text);
        b.out
    }

    /// Fold one text, its tokens numbered by line from 1.
    pub fn of_lines(s: &str) -> Stream {
        let mut b = Builder::default();
        b.run(s, 1, Strength::Text);
        b.out
    }

    /// Fold segments of a file into one stream.
    pub fn build(segments: &[Segment]) -> Stream {
        let mut b = Builder::default();
        let len: usize = segments.iter().map(|s| s.text.len()).sum();
        b.out.text.reserve(len);
        b.out.toks.reserve(len / 6);
        for seg in segments {
            b.run(&seg.text, seg.line, seg.strength);
        }
        b.out
    }

    /// The segments read again with the letters of other alphabets in
    /// Latin letters, and digits and symbols typed for letters as those
    /// letters (see [`latin`] and `fold/typed.rs`; `1`, `!` and `|` as
    /// `one`), or `None` when there are neither: names in Cyrillic, Greek,
    /// Arabic and the rest, or as "K4minski", "K@minski". With `one` not
    /// `i`, only where there is a `1` to read ("Wa1ker").
    pub fn latin(segments: &[Segment], one: u8) -> Option<Stream> {
        let foreign = |s: &Segment| one == b'i' && has_alphabet_script(&s.text);
        let digits = |s: &Segment| s.strength != Strength::Code && has_typed_letters(&s.text, one);
        if !segments.iter().any(|s| foreign(s) || digits(s)) {
            return None;
        }
        let mut b = Builder::latin(one);
        for seg in segments {
            b.run(&seg.text, seg.line, seg.strength);
        }
        Some(b.out)
    }

    /// The folded text of token `i`.
    pub fn tok(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.text[t.start as usize..t.end as usize]
    }

    /// The index of the token that starts at byte `pos`, if one does.
    pub fn tok_starting_at(&self, pos: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| (t.start as usize) < pos);
        (self.toks.get(i)?.start as usize == pos).then_some(i)
    }

    /// The index of the token that ends at byte `pos`, if one does.
    pub fn tok_ending_at(&self, pos: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| (t.end as usize) < pos);
        (self.toks.get(i)?.end as usize == pos).then_some(i)
    }

    /// The tokens' folded texts joined with single spaces (for tests and
    /// for deriving name parts).
    pub fn words(&self) -> Vec<&str> {
        (0..self.toks.len()).map(|i| self.tok(i)).collect()
    }
}

/// The folded text of `s` read with other alphabets in Latin letters
/// (see [`Stream::latin`]), when it has letters of one.
pub fn fold_latin(s: &str) -> Option<String> {
    if !has_alphabet_script(s) {
        return None;
    }
    let mut b = Builder::latin(b'i');
    b.run(s, 0, Strength::Text);
    Some(b.out.text)
}

/// The folded text of `s` alone, without its tokens: what an identifier's
/// needle is compared as.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    Stream::of(s).text
}

#[derive(Default)]
struct Builder {
    out: Stream,
    /// A token is open (its start), whether it holds digits, and whether
    /// its first character was a capital.
    open: Option<(u32, bool, bool)>,
    /// The character being added was a capital.
    capital: bool,
    line: u32,
    code: bool,
    stamp: bool,
    sep: SepAcc,
    /// Reading other alphabets in Latin letters ([`Stream::latin`]).
    latin: bool,
    /// What a `1` written for a letter reads as there.
    one: u8,
    /// Letters of another alphabet not yet read (see [`Builder::flush`]).
    pending: String,
    /// The open token was read from another alphabet.
    foreign: Foreign,
}

impl Builder {
    /// A builder of the second reading ([`Stream::latin`]).
    fn latin(one: u8) -> Builder {
        Builder {
            latin: true,
            one,
            ..Builder::default()
        }
    }

    fn run(&mut self, text: &str, line: u32, strength: Strength) {
        self.close();
        self.sep = SepAcc::new_segment();
        self.line = line;
        self.code = strength == Strength::Code;
        self.stamp = strength == Strength::Stamp;
        let text = ansi::without_escapes(text);
        let read = (self.latin && !self.code)
            .then(|| read_typed_letters(&text, self.one))
            .flatten();
        let text = read.as_deref().unwrap_or(&text);
        let nfkc = || {
            unicode_normalization::is_nfkc_quick(text.chars())
                == unicode_normalization::IsNormalized::Yes
        };
        if text.is_ascii() {
            for c in text.chars() {
                self.ascii(c);
            }
        } else if nfkc() {
            // Already NFKC (most text with accents is): no need to rebuild it.
            self.feed(text.chars());
        } else {
            self.feed(text.nfkc());
        }
        self.flush();
        self.close();
    }

    fn feed(&mut self, chars: impl Iterator<Item = char>) {
        if !self.latin {
            for c in chars {
                if c.is_ascii() {
                    self.ascii(c);
                } else {
                    self.other(c);
                }
            }
            return;
        }
        for c in chars {
            if is_alphabet_script(c) {
                let last = self.pending.chars().rev().find(|&p| !kana::is_prolonged(p));
                if last.is_some_and(|p| !kana::same_run(p, c)) {
                    self.flush();
                }
                self.pending.push(c);
                continue;
            }
            self.flush();
            if c.is_ascii() {
                self.ascii(c);
            } else {
                self.other(c);
            }
        }
    }

    /// Add the pending letters of another alphabet in Latin letters: a
    /// run is read whole, as its transliteration depends on neighbours.
    fn flush(&mut self) {
        let Some(first) = self.pending.chars().next() else {
            return;
        };
        let (in_kana, in_hangul) = (kana::is_kana(first), hangul::is_hangul(first));
        let kind = if self.pending.chars().any(is_abjad) {
            Foreign::Consonants
        } else if in_kana {
            Foreign::Kana
        } else if in_hangul {
            Foreign::Hangul
        } else {
            Foreign::Letters
        };
        // Kana and Hangul are read word by word (see [`kana`], [`hangul`]),
        // words of their own; the rest whole.
        let syllabic = in_kana || in_hangul;
        let words = if in_kana {
            kana::words(&self.pending)
        } else if in_hangul {
            hangul::words(&self.pending)
        } else {
            vec![latin_of(&self.pending)]
        };
        if syllabic && self.open.is_some() {
            self.close();
            self.sep.join = true;
        }
        self.pending.clear();
        self.capital = !first.is_lowercase();
        for (n, word) in words.iter().enumerate() {
            if n > 0 {
                self.close();
                self.sep.join = true;
                // A script without capitals: a name's second word (Hangul's
                // given name) is written as names are, as the first is.
                self.capital = in_hangul;
            }
            for c in word.chars() {
                self.push(c, c.is_ascii_digit(), false);
                self.foreign = self.foreign.max(kind);
                self.capital = false;
            }
        }
        if syllabic {
            self.close();
            self.sep.join = true;
        }
    }

    fn ascii(&mut self, c: char) {
        self.capital = c.is_ascii_uppercase();
        if c.is_ascii_alphanumeric() {
            self.push(c.to_ascii_lowercase(), c.is_ascii_digit(), false);
            return;
        }
        self.close();
        match c {
            '\n' => {
                if self.line > 0 {
                    self.line += 1;
                }
                self.sep.space();
            }
            ' ' | '\t' | '\r' | '\x0c' => self.sep.space(),
            _ => self.sep.punct(c),
        }
    }

    fn other(&mut self, c: char) {
        self.capital = c.is_uppercase();
        if c == MARK {
            self.close();
            self.sep.join = true;
            return;
        }
        if c == BLOCK {
            self.close();
            self.sep.space();
            self.sep.block = true;
            return;
        }
        if let Some(d) = decimal_digit(c) {
            self.push(d, true, false);
            return;
        }
        if let Some(l) = enclosed_letter(c) {
            self.push(l, false, false);
            return;
        }
        if is_ignorable(c) {
            return;
        }
        if c.is_whitespace() {
            self.close();
            if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') && self.line > 0 {
                self.line += 1;
            }
            self.sep.space();
            return;
        }
        if !c.is_alphanumeric() {
            self.close();
            self.sep.punct(c);
            return;
        }
        if is_unspaced_script(c) {
            // Kept whole: decomposing Hangul into jamo would break it
            // into pieces that are not tokens.
            self.push(c, false, true);
            return;
        }
        if let Some(s) = special(c) {
            for x in s.chars() {
                self.push(x, false, false);
            }
            return;
        }
        // A Latin letter with accents is its letter: the confusables data
        // would read a capital I's (Í, Ï, İ) as an l.
        if let Some(l) = latin_base(c) {
            return self.push(l, false, false);
        }
        let mut buf = [0u8; 4];
        let mut mapped = false;
        for p in unicode_security::skeleton(c.encode_utf8(&mut buf)) {
            if is_combining_mark(p) {
                continue;
            }
            let p = small_capital(p).unwrap_or(p);
            for l in p.to_lowercase() {
                if l.is_alphanumeric() {
                    mapped = true;
                    self.push(l, false, is_unspaced_script(l));
                }
            }
        }
        if !mapped {
            // A letter whose prototype is not a letter: keep it as it is.
            for l in c.to_lowercase() {
                self.push(l, false, is_unspaced_script(l));
            }
        }
    }

    /// Add one folded char to the open token (opening one if needed).
    /// Digits and letters never share a token ("2nd" is "2", "nd"), and a
    /// character of a script written without spaces is a token of its own.
    fn push(&mut self, c: char, digit: bool, alone: bool) {
        if let Some((_, was_digit, _)) = self.open
            && (was_digit != digit || alone)
        {
            self.close();
            self.sep.join = true;
        }
        if self.open.is_none() {
            self.open = Some((self.out.text.len() as u32, digit, self.capital));
        }
        self.out.text.push(c);
        if alone {
            self.close();
            self.sep.join = true;
        }
    }

    fn close(&mut self) {
        let Some((start, digits, upper)) = self.open.take() else {
            return;
        };
        let sep = self.sep;
        let end = self.out.text.len() as u32;
        self.out.toks.push(Tok {
            start,
            end,
            line: self.line,
            sep: sep.sep_before(digits && end - start == 2),
            phone_sep: !sep.hard && sep.phone_ok,
            code: self.code,
            stamp: self.stamp,
            digits,
            block: sep.block,
            upper,
            foreign: std::mem::take(&mut self.foreign),
        });
        self.sep = SepAcc::fresh();
    }
}
