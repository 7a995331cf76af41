//! Phone numbers: runs of digits joined by the separators a number is
//! written with, compared on their digits whatever separates them, with a
//! letter typed for a digit read as that digit ("555-O142"), and numbers
//! read out in words ("three oh two, five five five, oh one four two").

use super::super::dates::digit_word;
use super::super::fold::{Sep, Stream, Tok};
use super::super::{Guard, What};
use ahash::AHashSet as HashSet;
use std::borrow::Cow;

impl Guard {
    /// Phone numbers: runs of digit tokens joined by phone separators,
    /// compared on their digits whatever separates them; and numbers read
    /// out digit by digit in words ("three oh two, five five five…").
    pub(super) fn scan_phones(&self, s: &Stream, hit: &mut impl FnMut(u32, What, &str, u32)) {
        if self.phones.is_empty() {
            return;
        }
        let written = |i: usize| {
            if s.toks[i].digits {
                Some(Cow::Borrowed(s.tok(i)))
            } else {
                letter_digit(s, i).map(|d| Cow::Owned(d.to_string()))
            }
        };
        self.runs(s, &written, |t| t.phone_sep, false, hit);
        // Spelt out: "double five" is two fives. Commas too, as a number
        // read aloud is written in groups.
        let spelt = |i: usize| {
            if s.toks[i].digits {
                return Some(Cow::Borrowed(s.tok(i)));
            }
            let times = match s.tok(i) {
                "double" => 2,
                "triple" => 3,
                w => return digit_word(w).map(|d| Cow::Owned(d.to_string())),
            };
            let next = s.toks.get(i + 1)?;
            let digit = if next.digits && next.end - next.start == 1 {
                s.tok(i + 1).to_string()
            } else {
                digit_word(s.tok(i + 1))?.to_string()
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

/// The digit a one-letter token stands for, when it touches digits ("O142",
/// "3O2", "555-0l42"): O for 0, l and I for 1. "5 o 6 veces" is a word
/// between numbers, not a digit.
fn letter_digit(s: &Stream, i: usize) -> Option<char> {
    let d = match s.tok(i) {
        "o" => '0',
        "l" | "i" => '1',
        _ => return None,
    };
    let touches = |k: usize, sep: Sep| sep == Sep::Join && s.toks[k].digits;
    let before = i > 0 && touches(i - 1, s.toks[i].sep);
    let after = s.toks.get(i + 1).is_some_and(|t| touches(i + 1, t.sep));
    (before || after).then_some(d)
}
