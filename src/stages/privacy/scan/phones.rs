//! Phone numbers: runs of digits joined by the separators a number is
//! written with, compared on their digits whatever separates them, with
//! letters typed for the digits they look like read as those digits
//! ("555-O142", "5SS-O1Z3": O, l, I, Z, E, A, S, G, T, B, q), and numbers
//! read out in words ("three oh two, five five five, oh one four two"; in
//! German, Italian and Dutch too, and with "then" or "and" between the
//! groups).

use super::super::dates::digit_word;
use super::super::fold::{Sep, Stream, Tok};
use super::super::{Guard, What};
use ahash::AHashSet as HashSet;
use std::borrow::Cow;
use std::sync::LazyLock;

impl Guard {
    /// Phone numbers: runs of digit tokens joined by phone separators,
    /// compared on their digits whatever separates them; and numbers read
    /// out digit by digit in words ("three oh two, five five five…").
    pub(super) fn scan_phones(&self, s: &Stream, hit: &mut impl FnMut(u32, What, &str, u32)) {
        if self.phones.is_empty() {
            return;
        }
        // A G is a 6 as a capital and a 9 as a small letter; folded text
        // has lost which, so a run with a G in it is read both ways.
        let saw_g = std::cell::Cell::new(false);
        for g in [b'6', b'9'] {
            let written = |i: usize| {
                if s.toks[i].digits {
                    Some(Cow::Borrowed(s.tok(i)))
                } else {
                    let d = letter_digits(s, i, g)?;
                    saw_g.set(saw_g.get() || s.tok(i).contains('g'));
                    Some(Cow::Owned(d))
                }
            };
            self.runs(s, &written, |t| t.phone_sep, false, hit);
            if !saw_g.get() {
                break;
            }
        }
        // Spelt out: "double five" is two fives. Commas too, as a number
        // read aloud is written in groups.
        let spelt = |i: usize| {
            if s.toks[i].digits {
                return Some(Cow::Borrowed(s.tok(i)));
            }
            let times = match s.tok(i) {
                "double" => 2,
                "triple" => 3,
                // "…five five five, then oh one…": a word between groups.
                w if listed(w) && GROUP_JOINERS.contains(&w) && i > 0 && spoken(s, i - 1) => {
                    return Some(Cow::Borrowed(""));
                }
                w => return spoken_digit(w).map(|d| Cow::Owned(d.to_string())),
            };
            let next = s.toks.get(i + 1)?;
            let digit = if next.digits && next.end - next.start == 1 {
                s.tok(i + 1).to_string()
            } else {
                spoken_digit(s.tok(i + 1))?.to_string()
            };
            // The digit itself follows as its own piece.
            Some(Cow::Owned(digit.repeat(times - 1)))
        };
        let read_out = |t: &Tok| {
            t.phone_sep || matches!(t.sep, Sep::Space | Sep::Comma | Sep::Dash | Sep::Dot)
        };
        self.runs(s, &spelt, read_out, true, hit);
    }

    /// The runs of tokens that `digits_of` reads as digits, joined where
    /// `joins` says, that hold seven digits or more: each matched against
    /// the patients' numbers. With `worded`, only runs with a word in them
    /// (a piece `digits_of` made rather than borrowed): the others were
    /// matched as written.
    fn runs<'s>(
        &self,
        s: &'s Stream,
        digits_of: &dyn Fn(usize) -> Option<Cow<'s, str>>,
        joins: impl Fn(&Tok) -> bool,
        worded: bool,
        hit: &mut impl FnMut(u32, What, &str, u32),
    ) {
        let mut pieces: Vec<(Cow<str>, u32)> = Vec::new();
        let mut flush = |pieces: &mut Vec<(Cow<str>, u32)>| {
            let word = || pieces.iter().any(|(d, _)| matches!(d, Cow::Owned(_)));
            if pieces.iter().map(|(d, _)| d.len()).sum::<usize>() >= 7 && (!worded || word()) {
                self.phones_in_run(pieces, hit);
            }
            pieces.clear();
        };
        for (i, t) in s.toks.iter().enumerate() {
            match digits_of(i) {
                Some(d) => {
                    if !joins(t) {
                        flush(&mut pieces);
                    }
                    pieces.push((d, t.line));
                }
                None => flush(&mut pieces),
            }
        }
        flush(&mut pieces);
    }

    /// The patients' numbers in a run of pieces (the digits each token
    /// stands for, and its line), matched from any piece's start (or from
    /// the run's tail) to any piece's end.
    fn phones_in_run(
        &self,
        pieces: &[(Cow<str>, u32)],
        hit: &mut impl FnMut(u32, What, &str, u32),
    ) {
        let run: String = pieces.iter().map(|(d, _)| d.as_ref()).collect();
        let mut at = 0;
        let mut bounds = Vec::with_capacity(pieces.len());
        for (d, line) in pieces {
            bounds.push((at, *line));
            at += d.len();
        }
        let ends: HashSet<usize> = bounds.iter().skip(1).map(|(b, _)| *b).chain([at]).collect();
        let last_line = pieces.last().map_or(0, |(_, l)| *l);
        // Every piece's start, and the run's own tail: a country code may
        // be glued on ("+13025550142").
        let starts = bounds.iter().copied().chain(
            self.phone_lens
                .iter()
                .filter_map(|len| run.len().checked_sub(*len).map(|from| (from, last_line))),
        );
        for (from, line) in starts {
            for len in &self.phone_lens {
                let to = from + len;
                if to <= run.len()
                    && ends.contains(&to)
                    && let Some(plans) = self.phones.get(&run[from..to])
                {
                    for p in plans {
                        hit(*p, What::Phone, &run[from..to], line);
                    }
                }
            }
        }
    }
}

/// The digits a token of letters stands for, as a number is typed with
/// letters that look like digits ("5SS-O1Z3", "3O2 555 O12E"): a token of
/// up to four such letters that touches digits ("O142", "3O2"), or of two
/// to four beside a token of digits ("(3O2) SSS-0123") or beside another
/// such group ("SSS-OIZE"). "5 o 6 veces" is a
/// word between numbers, not a digit. `g`: the digit a G stands for.
fn letter_digits(s: &Stream, i: usize, g: u8) -> Option<String> {
    let t = &s.toks[i];
    if t.end - t.start > 4 {
        return None;
    }
    let w = s.tok(i);
    let touches = |k: usize, sep: Sep| sep == Sep::Join && s.toks[k].digits;
    let before = i > 0 && touches(i - 1, t.sep);
    let after = s.toks.get(i + 1).is_some_and(|t| touches(i + 1, t.sep));
    // A group of capitals beside digits: "(3O2) SSS-0123", not "3 sets".
    let near = || {
        t.upper
            && w.len() >= 2
            && (i.saturating_sub(2)..=i + 2)
                .any(|k| k != i && s.toks.get(k).is_some_and(|t| t.digits))
    };
    if !(before || after) && (!t.upper || w.len() < 2) {
        return None;
    }
    if !(before || after || near() || beside_group(s, i)) {
        return None;
    }
    w.bytes()
        .map(|b| {
            Some(char::from(match b {
                b'o' => b'0',
                b'l' | b'i' => b'1',
                b'z' => b'2',
                b'e' => b'3',
                b'a' => b'4',
                b's' => b'5',
                b'g' => g,
                b't' => b'7',
                b'b' => b'8',
                b'q' => b'9',
                _ => return None,
            }))
        })
        .collect()
}

/// Is token `i` a group of look-alike capitals beside another such group,
/// with no digit at all: "SSS-OIZE"? (Asked of few words: kept out of
/// [`letter_digits`]'s hot path.)
#[inline(never)]
fn beside_group(s: &Stream, i: usize) -> bool {
    lookalike_group(s, i)
        && (i > 0 && s.toks[i].phone_sep && lookalike_group(s, i - 1)
            || s.toks
                .get(i + 1)
                .is_some_and(|n| n.phone_sep && lookalike_group(s, i + 1)))
}

/// Is token `k` a group of two to four capitals that all look like digits
/// ("SSS", "OIZE")?
fn lookalike_group(s: &Stream, k: usize) -> bool {
    let t = &s.toks[k];
    let w = s.tok(k);
    !t.digits
        && t.upper
        && (2..=4).contains(&w.len())
        && w.bytes().all(|b| {
            matches!(
                b,
                b'o' | b'l' | b'i' | b'z' | b'e' | b'a' | b's' | b'g' | b't' | b'b' | b'q'
            )
        })
}

/// Words said between the groups of a number read out ("five five five,
/// then oh one two three"), in the languages [`spoken_digit`] reads.
const GROUP_JOINERS: [&str; 9] = ["then", "and", "y", "e", "et", "und", "dann", "poi", "en"];

/// Does token `i` read out a digit (or is it digits)?
fn spoken(s: &Stream, i: usize) -> bool {
    s.toks[i].digits || spoken_digit(s.tok(i)).is_some()
}

/// The digit a word says when a number is read out digit by digit: the
/// languages dates are read in ([`digit_word`]: English, Spanish, French,
/// Portuguese) and German, Italian and Dutch ([`MORE_DIGITS`]).
fn spoken_digit(w: &str) -> Option<u8> {
    digit_word(w).or_else(|| {
        if !listed(w) {
            return None;
        }
        MORE_DIGITS.iter().find(|(d, _)| *d == w).map(|(_, v)| *v)
    })
}

/// Digits read out in German, Italian and Dutch ("null eins zwei", "zero
/// uno due", "nul een twee"), where they differ from [`digit_word`]'s.
const MORE_DIGITS: [(&str, u8); 27] = [
    ("null", 0),
    ("nul", 0),
    ("eins", 1),
    ("een", 1),
    ("zwei", 2),
    ("zwo", 2),
    ("due", 2),
    ("twee", 2),
    ("drei", 3),
    ("tre", 3),
    ("drie", 3),
    ("vier", 4),
    ("quattro", 4),
    ("funf", 5),
    ("fuenf", 5),
    ("cinque", 5),
    ("vijf", 5),
    ("sechs", 6),
    ("sei", 6),
    ("zes", 6),
    ("sieben", 7),
    ("sette", 7),
    ("zeven", 7),
    ("acht", 8),
    ("otto", 8),
    ("neun", 9),
    ("negen", 9),
];

/// Every word of a page is asked whether it is one of [`MORE_DIGITS`] or
/// [`GROUP_JOINERS`]: the lengths those words have, by first and last
/// letter, rule most out without comparing.
static SHAPES: LazyLock<[u8; 1024]> = LazyLock::new(|| {
    let mut t = [0u8; 1024];
    let words = MORE_DIGITS.iter().map(|(w, _)| *w).chain(GROUP_JOINERS);
    for w in words {
        t[shape(w)] |= 1 << w.len();
    }
    t
});

fn shape(w: &str) -> usize {
    let b = w.as_bytes();
    (usize::from(b[0]) * 31 + usize::from(b[b.len() - 1])) % 1024
}

/// Could `w` be one of [`MORE_DIGITS`] or [`GROUP_JOINERS`]?
fn listed(w: &str) -> bool {
    !w.is_empty() && w.len() < 8 && SHAPES[shape(w)] & (1 << w.len()) != 0
}
