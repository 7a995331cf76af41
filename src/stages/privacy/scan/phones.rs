//! Phone numbers: runs of digits joined by the separators a number is
//! written with, compared on their digits whatever separates them, with a
//! letter typed for a digit read as that digit ("555-O142").

use super::super::fold::{Sep, Stream};
use super::super::{Guard, What};
use ahash::AHashSet as HashSet;
use std::borrow::Cow;

impl Guard {
    /// Phone numbers: runs of digit tokens joined by phone separators,
    /// compared on their digits whatever separates them.
    pub(super) fn scan_phones(&self, s: &Stream, hit: &mut impl FnMut(u32, What, &str, u32)) {
        if self.phones.is_empty() {
            return;
        }
        let digitish = |i: usize| s.toks[i].digits || letter_digit(s, i).is_some();
        let mut i = 0;
        while i < s.toks.len() {
            if !digitish(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < s.toks.len() && digitish(j) && s.toks[j].phone_sep {
                j += 1;
            }
            let digits: usize = s.toks[i..j]
                .iter()
                .map(|t| (t.end - t.start) as usize)
                .sum();
            if digits >= 7 {
                self.phones_in_run(s, i, j, hit);
            }
            i = j;
        }
    }

    /// The patients' numbers in the run of tokens `i..j`, matched from any
    /// token start (or from the run's tail) to any token end.
    fn phones_in_run(
        &self,
        s: &Stream,
        i: usize,
        j: usize,
        hit: &mut impl FnMut(u32, What, &str, u32),
    ) {
        let base = s.toks[i].start as usize;
        let written = &s.text[base..s.toks[j - 1].end as usize];
        let run: Cow<str> = if (i..j).any(|k| !s.toks[k].digits) {
            (i..j)
                .map(|k| {
                    letter_digit(s, k).map_or(Cow::Borrowed(s.tok(k)), |d| d.to_string().into())
                })
                .collect::<String>()
                .into()
        } else {
            written.into()
        };
        let ends: HashSet<usize> = s.toks[i..j].iter().map(|t| t.end as usize - base).collect();
        // Every token start, and the run's own tail: a country code may be
        // glued on ("+13025550142").
        let starts = s.toks[i..j]
            .iter()
            .map(|t| (t.start as usize - base, t.line))
            .chain(self.phone_lens.iter().filter_map(|len| {
                run.len()
                    .checked_sub(*len)
                    .map(|from| (from, s.toks[j - 1].line))
            }));
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
