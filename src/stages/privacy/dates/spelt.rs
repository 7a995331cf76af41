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
//! [`super::compound`] reads those; Dutch and Italian ones are not read.

use super::{Sep, Stream};
use ahash::AHashMap as HashMap;
use std::sync::LazyLock;

/// What a number word adds to the number being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
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

use Part::*;

/// Number words (folded) and whether each is an ordinal (the last word of
/// a number then).
const WORDS: &[(&str, Part, bool)] = &[
    // English
    ("one", Unit(1), false),
    ("two", Unit(2), false),
    ("three", Unit(3), false),
    ("four", Unit(4), false),
    ("five", Unit(5), false),
    ("six", Unit(6), false),
    ("seven", Unit(7), false),
    ("eight", Unit(8), false),
    ("nine", Unit(9), false),
    ("ten", Teen(10), false),
    ("eleven", Teen(11), false),
    ("twelve", Teen(12), false),
    ("thirteen", Teen(13), false),
    ("fourteen", Teen(14), false),
    ("fifteen", Teen(15), false),
    ("sixteen", Teen(16), false),
    ("seventeen", Teen(17), false),
    ("eighteen", Teen(18), false),
    ("nineteen", Teen(19), false),
    ("twenty", Ten(20), false),
    ("thirty", Ten(30), false),
    ("forty", Ten(40), false),
    ("fourty", Ten(40), false),
    ("fifty", Ten(50), false),
    ("sixty", Ten(60), false),
    ("seventy", Ten(70), false),
    ("eighty", Ten(80), false),
    ("ninety", Ten(90), false),
    ("hundred", Hundred, false),
    ("thousand", Thousand, false),
    ("and", And, false),
    ("oh", Oh, false),
    ("zero", Oh, false),
    ("first", Unit(1), true),
    ("second", Unit(2), true),
    ("third", Unit(3), true),
    ("fourth", Unit(4), true),
    ("fifth", Unit(5), true),
    ("sixth", Unit(6), true),
    ("seventh", Unit(7), true),
    ("eighth", Unit(8), true),
    ("ninth", Unit(9), true),
    ("tenth", Teen(10), true),
    ("eleventh", Teen(11), true),
    ("twelfth", Teen(12), true),
    ("thirteenth", Teen(13), true),
    ("fourteenth", Teen(14), true),
    ("fifteenth", Teen(15), true),
    ("sixteenth", Teen(16), true),
    ("seventeenth", Teen(17), true),
    ("eighteenth", Teen(18), true),
    ("nineteenth", Teen(19), true),
    ("twentieth", Ten(20), true),
    ("thirtieth", Ten(30), true),
    // Spanish
    ("uno", Unit(1), false),
    ("un", Unit(1), false),
    ("una", Unit(1), false),
    ("dos", Unit(2), false),
    ("tres", Unit(3), false),
    ("cuatro", Unit(4), false),
    ("cinco", Unit(5), false),
    ("seis", Unit(6), false),
    ("siete", Unit(7), false),
    ("ocho", Unit(8), false),
    ("nueve", Unit(9), false),
    ("diez", Teen(10), false),
    ("once", Teen(11), false),
    ("doce", Teen(12), false),
    ("trece", Teen(13), false),
    ("catorce", Teen(14), false),
    ("quince", Teen(15), false),
    ("dieciseis", Teen(16), false),
    ("diecisiete", Teen(17), false),
    ("dieciocho", Teen(18), false),
    ("diecinueve", Teen(19), false),
    ("veinte", Ten(20), false),
    ("veintiun", Teen(21), false),
    ("veintiuno", Teen(21), false),
    ("veintidos", Teen(22), false),
    ("veintitres", Teen(23), false),
    ("veinticuatro", Teen(24), false),
    ("veinticinco", Teen(25), false),
    ("veintiseis", Teen(26), false),
    ("veintisiete", Teen(27), false),
    ("veintiocho", Teen(28), false),
    ("veintinueve", Teen(29), false),
    ("treinta", Ten(30), false),
    ("cuarenta", Ten(40), false),
    ("cincuenta", Ten(50), false),
    ("sesenta", Ten(60), false),
    ("setenta", Ten(70), false),
    ("ochenta", Ten(80), false),
    ("noventa", Ten(90), false),
    ("cien", Hundred, false),
    ("ciento", Hundred, false),
    ("doscientos", Hundreds(200), false),
    ("trescientos", Hundreds(300), false),
    ("cuatrocientos", Hundreds(400), false),
    ("quinientos", Hundreds(500), false),
    ("seiscientos", Hundreds(600), false),
    ("setecientos", Hundreds(700), false),
    ("ochocientos", Hundreds(800), false),
    ("novecientos", Hundreds(900), false),
    ("mil", Thousand, false),
    ("y", And, false),
    ("cero", Oh, false),
    ("primero", Unit(1), true),
    ("primer", Unit(1), true),
    // Portuguese (where it differs from Spanish)
    ("um", Unit(1), false),
    ("uma", Unit(1), false),
    ("dois", Unit(2), false),
    ("duas", Unit(2), false),
    ("quatro", Unit(4), false),
    ("sete", Unit(7), false),
    ("oito", Unit(8), false),
    ("nove", Unit(9), false),
    ("dez", Teen(10), false),
    ("onze", Teen(11), false),
    ("doze", Teen(12), false),
    ("treze", Teen(13), false),
    ("catorze", Teen(14), false),
    ("quatorze", Teen(14), false),
    ("quinze", Teen(15), false),
    ("dezesseis", Teen(16), false),
    ("dezasseis", Teen(16), false),
    ("dezessete", Teen(17), false),
    ("dezassete", Teen(17), false),
    ("dezoito", Teen(18), false),
    ("dezenove", Teen(19), false),
    ("dezanove", Teen(19), false),
    ("vinte", Ten(20), false),
    ("trinta", Ten(30), false),
    ("quarenta", Ten(40), false),
    ("cinquenta", Ten(50), false),
    ("sessenta", Ten(60), false),
    ("oitenta", Ten(80), false),
    ("cem", Hundred, false),
    ("cento", Hundred, false),
    ("duzentos", Hundreds(200), false),
    ("trezentos", Hundreds(300), false),
    ("quatrocentos", Hundreds(400), false),
    ("quinhentos", Hundreds(500), false),
    ("seiscentos", Hundreds(600), false),
    ("setecentos", Hundreds(700), false),
    ("oitocentos", Hundreds(800), false),
    ("novecentos", Hundreds(900), false),
    ("e", And, false),
    ("primeiro", Unit(1), true),
    // French (where it differs): "quatorze" and "onze" are above.
    ("une", Unit(1), false),
    ("deux", Unit(2), false),
    ("trois", Unit(3), false),
    ("quatre", Unit(4), false),
    ("cinq", Unit(5), false),
    ("sept", Unit(7), false),
    ("huit", Unit(8), false),
    ("neuf", Unit(9), false),
    ("dix", Teen(10), false),
    ("douze", Teen(12), false),
    ("treize", Teen(13), false),
    ("seize", Teen(16), false),
    ("vingt", Vingt, false),
    ("vingts", Vingt, false),
    ("trente", Ten(30), false),
    ("quarante", Ten(40), false),
    ("cinquante", Ten(50), false),
    ("soixante", Ten(60), false),
    ("cent", Hundred, false),
    ("cents", Hundred, false),
    ("mille", Thousand, false),
    ("et", And, false),
    ("premier", Unit(1), true),
    ("premiere", Unit(1), true),
];

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
