//! Numbers spelt out in words, as a date's day or year is written out in a
//! letter or a story: "the fourteenth of March, nineteen sixty-eight",
//! "twenty-second", "two thousand and ten", "catorce de marzo de mil
//! novecientos sesenta y ocho", "mil neuf cent soixante-huit", "mil
//! novecentos e sessenta e oito".
//!
//! English, Spanish, French and Portuguese: their numbers are written as
//! separate words (or hyphenated), which the folded stream gives as
//! tokens. German writes a number as one word
//! ("neunzehnhundertachtundsechzig"), and French an ordinal ("trentième"):
//! [`super::compound`] and [`super::joined`] read those (and Italian and
//! Dutch ones).

use super::{Sep, Stream};
use ahash::AHashMap as HashMap;
use std::sync::LazyLock;

/// What a number word adds to the number being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// 1 to 9.
    Unit(u32),
    /// 10 to 19, and the Spanish one-word 21 to 29 ("veintidós").
    Teen(u32),
    /// 20, 30 … 90.
    Ten(u32),
    /// French "vingt": 20, or 80 after "quatre".
    Vingt,
    /// A Spanish or Portuguese hundreds word ("novecientos" 900).
    Hundreds(u32),
    /// "hundred", "cent", "cien": multiplies what came before by 100.
    Hundred,
    /// "thousand", "mil", "mille".
    Thousand,
    /// "and", "y", "e", "et": only between two number words.
    And,
    /// "oh" of "nineteen oh five" (and "zero", a digit of a phone).
    Oh,
}

use super::spelt_words::WORDS;
use Part::*;

/// The digit a word reads as when a number is read out digit by digit
/// ("three oh two": 3, 0, 2), in the same languages.
pub fn digit_word(w: &str) -> Option<u8> {
    // The longest digit word is 6 letters ("quatre").
    if w.len() > 6 {
        return None;
    }
    match word(w)? {
        (Unit(u), false) => u8::try_from(u).ok(),
        (Oh, _) => Some(0),
        _ => None,
    }
}

static TABLE: LazyLock<HashMap<&'static str, (Part, bool)>> =
    LazyLock::new(|| WORDS.iter().map(|(w, p, o)| (*w, (*p, *o))).collect());

/// The lengths of the number words, by their first and last letters: this
/// runs for every word of every public page, and most are ruled out here
/// without hashing.
static SHAPES: LazyLock<[u16; 1024]> = LazyLock::new(|| {
    let mut t = [0u16; 1024];
    for (w, _, _) in WORDS {
        t[shape(w)] |= 1 << w.len();
    }
    t
});

/// Where a (non-empty) word's first and last letters put it in [`SHAPES`].
fn shape(w: &str) -> usize {
    let b = w.as_bytes();
    (usize::from(b[0]) * 31 + usize::from(b[b.len() - 1])) % 1024
}

fn word(w: &str) -> Option<(Part, bool)> {
    // The longest word is 13 letters.
    if w.is_empty() || w.len() > 13 || SHAPES[shape(w)] & (1 << w.len()) == 0 {
        return None;
    }
    TABLE.get(w).copied()
}

/// A number read from words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Spelt {
    pub value: u32,
    /// Tokens it takes.
    pub len: usize,
    /// "fourteenth", or several words ("twenty-two", "nineteen sixty"): a
    /// day or year as written in a date. A lone cardinal word ("fourteen",
    /// "once") is a day only next to a month (see [`super::items`]).
    pub strong: bool,
}

/// The number spelt out from token `i` on, if token `i` starts one.
/// `is_month`: words that are months too ("sept", "nove", "dez") only
/// continue a number after a hyphen or a joining word.
pub(super) fn read(s: &Stream, i: usize, is_month: &dyn Fn(&str) -> bool) -> Option<Spelt> {
    let Some((first, _)) = word(s.tok(i)) else {
        // German writes a number as one word, French an ordinal.
        let (value, ordinal) = super::compound::read(s.tok(i))?;
        return Some(Spelt {
            value,
            len: 1,
            strong: ordinal || value >= 100,
        });
    };
    if matches!(first, And | Oh) {
        return None;
    }
    let mut n = Number::default();
    let mut j = i;
    while j < s.toks.len() {
        let t = &s.toks[j];
        if t.digits {
            break;
        }
        let w = s.tok(j);
        if j > i {
            let joined = t.sep == Sep::Dash || matches!(n.last, Some(And | Thousand | Hundred));
            if !matches!(t.sep, Sep::Space | Sep::Dash) || (is_month(w) && !joined) {
                break;
            }
        }
        let Some((part, ordinal)) = word(w) else {
            break;
        };
        let next = (j + 1 < s.toks.len()).then(|| s.tok(j + 1));
        if !n.take(part, t.sep, next) {
            break;
        }
        j += 1;
        if ordinal {
            n.ordinal = true;
            break;
        }
    }
    // A trailing "and" or "oh" is not part of the number.
    let j = j - n.joiners;
    let value = n.value();
    (value > 0 && value <= 9999).then_some(Spelt {
        value,
        len: j - i,
        strong: n.ordinal || n.words > 1,
    })
}

/// A number being read, word by word.
#[derive(Default)]
struct Number {
    /// Thousands already complete.
    total: u32,
    /// The part below a thousand being read.
    current: u32,
    last: Option<Part>,
    /// Number words taken ("and" and "oh" aside): one alone is weak.
    words: usize,
    /// "and"s and "oh"s taken since the last number word.
    joiners: usize,
    ordinal: bool,
}

impl Number {
    fn value(&self) -> u32 {
        self.total + self.current
    }

    /// Add `part` (written after `sep`; `next` is the word after it):
    /// false when it cannot continue this number.
    fn take(&mut self, part: Part, sep: Sep, next: Option<&str>) -> bool {
        let cur = self.current;
        // "nineteen sixty", "twenty ten": a year said as two numbers.
        let pair = (10..=99).contains(&cur) && matches!(self.last, Some(Teen(_) | Ten(_) | Vingt));
        let after_joiner = matches!(
            self.last,
            None | Some(And | Thousand | Hundred | Hundreds(_) | Oh)
        );
        self.current = match (part, self.last) {
            (And, Some(_)) => cur,
            (Oh, _) if pair && next.is_some_and(|w| matches!(word(w), Some((Unit(_), _)))) => {
                cur * 100
            }
            // "twenty-one", "dix-huit", "mil neuf", "nineteen oh five".
            (Unit(u), _) if after_joiner || cur.is_multiple_of(10) && self.ends_in_ten(sep) => {
                cur + u
            }
            // "soixante-dix", "quatre-vingt-onze", "soixante et onze".
            (Teen(t), Some(Ten(60) | Vingt | And)) if cur % 100 == 60 || cur % 100 == 80 => cur + t,
            // "quatre-vingt".
            (Vingt, Some(Unit(4))) if cur % 100 == 4 => cur + 76,
            (Teen(t) | Ten(t), _) if pair && cur < 100 => cur * 100 + t,
            (Vingt, _) if pair && cur < 100 => cur * 100 + 20,
            (Teen(t) | Ten(t), _) if after_joiner => cur + t,
            (Vingt, _) if after_joiner => cur + 20,
            (Hundreds(h), None | Some(And | Thousand)) => cur + h,
            (Hundred, None | Some(Unit(_) | Teen(_))) if cur < 100 => cur.max(1) * 100,
            (Thousand, _) if self.total == 0 && cur < 1000 && !matches!(self.last, Some(And)) => {
                self.total = cur.max(1) * 1000;
                0
            }
            _ => return false,
        };
        self.last = Some(part);
        if matches!(part, And | Oh) {
            self.joiners += 1;
        } else {
            self.words += 1;
            self.joiners = 0;
        }
        true
    }

    /// Does the number end in a tens word a unit can join ("twenty one",
    /// "dix-huit"; "ten eight" only hyphenated, as French writes it)?
    fn ends_in_ten(&self, sep: Sep) -> bool {
        match self.last {
            Some(Ten(_) | Vingt) => true,
            Some(Teen(10)) => sep == Sep::Dash,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> Option<(u32, bool)> {
        let s = Stream::of(text);
        read(&s, 0, &|w| ["sept", "nove", "dez", "march"].contains(&w))
            .filter(|n| n.len == s.toks.len())
            .map(|n| (n.value, n.strong))
    }

    #[test]
    fn numbers_in_words() {
        for (text, want) in [
            ("fourteenth", 14),
            ("twenty-second", 22),
            ("thirty first", 31),
            ("thirtieth", 30),
            ("nineteen sixty-eight", 1968),
            ("Nineteen Sixty-Eight", 1968),
            ("nineteen hundred and sixty-eight", 1968),
            ("nineteen oh five", 1905),
            ("two thousand and ten", 2010),
            ("two thousand ten", 2010),
            ("twenty ten", 2010),
            ("twenty-twenty-six", 2026),
            ("veintidós", 22),
            ("treinta y uno", 31),
            ("mil novecientos setenta y cuatro", 1974),
            ("dos mil diez", 2010),
            ("mil neuf cent soixante-huit", 1968),
            ("dix-sept", 17),
            ("soixante-dix-neuf", 79),
            ("soixante et onze", 71),
            ("quatre-vingt-dix-huit", 98),
            ("mil novecentos e sessenta e nove", 1969),
            ("vinte e dois", 22),
        ] {
            assert_eq!(num(text).map(|n| n.0), Some(want), "{text}");
        }
    }

    #[test]
    fn every_word_is_found_once() {
        let mut seen = std::collections::HashSet::new();
        for (w, part, ordinal) in WORDS {
            assert!(seen.insert(w), "{w} twice");
            assert_eq!(word(w), Some((*part, *ordinal)), "{w}");
        }
        for w in ["the", "of", "march", "walker", ""] {
            assert_eq!(word(w), None, "{w}");
        }
    }

    #[test]
    fn where_a_number_stops() {
        // A lone cardinal is weak; an ordinal or several words are strong.
        assert_eq!(num("fourteen"), Some((14, false)));
        assert_eq!(num("fourteenth"), Some((14, true)));
        assert_eq!(num("twenty two"), Some((22, true)));
        // Not one number.
        for text in ["one two", "ten eight", "and", "oh five", "fourteen march"] {
            assert_eq!(num(text), None, "{text}");
        }
        // A month word goes on a number only where it must.
        assert_eq!(num("dix-sept"), Some((17, true)));
        assert_eq!(num("ten sept"), None);
        // A trailing joining word is left out.
        let s = Stream::of("sixty and more");
        assert_eq!(read(&s, 0, &|_| false).map(|n| n.len), Some(1));
    }
}
