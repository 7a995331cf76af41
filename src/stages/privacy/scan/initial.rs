//! A given name with the family name's initial ("Walt K.", "Alexandra
//! N."): the form a story's display name takes. It is public only as the
//! display name of a published story (the patient's consent), as a
//! clinician's name, or when allowed as written in `public_words`.

use super::super::dates::Found;
use super::super::fold::{Sep, Stream};
use super::super::names::Kind;
use super::super::{DateKind, Guard, PUBLIC, What};

/// Two-letter words that stand before a year and are no initials ("in
/// 1950", "by 1950").
const TWO_LETTER_WORDS: [&str; 30] = [
    "in", "on", "at", "by", "of", "to", "as", "is", "an", "or", "me", "my", "we", "he", "up", "so",
    "do", "go", "no", "us", "it", "am", "be", "if", "la", "le", "el", "de", "en", "et",
];

impl Guard {
    /// A given name (or the preferred name, a short form) followed by one
    /// capital letter that begins one of the same patient's family names,
    /// closed as an initial is ("Walt K.", "Alexandra N, …", "(Walt K.)").
    /// "Dan O'Brien" is not an initial, and "Maria a" is not a name.
    pub(super) fn given_initials<'g>(
        &'g self,
        s: &Stream,
        found: &[(usize, usize, usize, bool)],
        public: &[(usize, usize)],
        out: &mut Vec<(u32, What, &'g str, usize, usize)>,
    ) {
        for &(p, a, b, code) in found {
            if !self.owners[p].given || code {
                continue;
            }
            let Some(c) = initial_after(s, b) else {
                continue;
            };
            let i = b + 1;
            if super::inside(public, a, i) {
                continue;
            }
            let phrase = &s.text[s.toks[a].start as usize..s.toks[i].end as usize];
            if self.public_initials.contains(phrase) || self.site_words.contains(phrase) {
                continue;
            }
            for r in &self.roles[p] {
                let initial_of_family = || {
                    self.family_initials
                        .get(&r.plan)
                        .is_some_and(|f| f.contains(&c))
                };
                if r.kind == Kind::Given
                    && r.plan != PUBLIC
                    && initial_of_family()
                    && !self.allowed_words.contains(&(r.plan, phrase.to_string()))
                {
                    out.push((r.plan, What::Initial, self.patterns[p].as_str(), a, i));
                }
            }
        }
    }
}

/// Two-letter words that follow a year and are no initials ("1950 AD",
/// "1950 US").
const AFTER_YEAR_WORDS: [&str; 8] = ["ad", "bc", "ce", "pm", "us", "uk", "eu", "tv"];

/// Initials found next to a year: the given name's initial (or `None`
/// where a given name may stand in the token before), the family name's
/// initial, and the token where the initials start.
type Initials = (Option<char>, char, usize);

impl Guard {
    /// Initials with the year of birth, either side of it: "WK 1950",
    /// "W.K. 1950", "walt_k_1950", "W K '50", "1950 WK", "1950: W.K.",
    /// "WK, born 1950", "W.K. (b. 1950)", "W.K. b. '50", "WK (DOB 1950)"
    /// (a given name's initial, or a
    /// given name, then a family name's initial, next to the year the
    /// same patient was born). Two letters alone are too many people's;
    /// with the year they are the patient's.
    pub(super) fn initials_with_year<'g>(
        &'g self,
        s: &Stream,
        found: &[(usize, usize, usize, bool)],
        out: &mut Vec<(u32, What, &'g str, usize, usize)>,
    ) {
        for y in 1..s.toks.len() {
            let (t, w) = (&s.toks[y], s.tok(y));
            // Two digits are a year after an apostrophe ("W K '50", "W.K.
            // b. '50") or a word of birth ("WK b. 50").
            let born = || super::ages::BORN.contains(&s.tok(y - 1)) || s.tok(y - 1) == "dob";
            let two = w.len() == 2 && (t.sep == Sep::Apostrophe || born());
            if !t.digits || t.code || !(w.len() == 4 || two) {
                continue;
            }
            let n: i16 = w.parse().unwrap_or(0);
            let years = if two {
                vec![1900 + n, 2000 + n]
            } else {
                vec![n]
            };
            let before = if t.sep == Sep::Hard {
                Vec::new()
            } else {
                initials_before(s, y)
            };
            let after = initials_after_year(s, y);
            for (given, family, first) in before.into_iter().chain(after) {
                for &year in &years {
                    for plan in self.born_in(year) {
                        if self.initials_of(plan, given, family, first, found) {
                            let (a, b) = (first.min(y), first.max(y));
                            out.push((plan, What::InitialsYear, "", a, b));
                        }
                    }
                }
            }
        }
    }

    /// Are `given` (or a given name of the plan's ending just before token
    /// `first`) and `family` the initials of `plan`'s patient?
    fn initials_of(
        &self,
        plan: u32,
        given: Option<char>,
        family: char,
        first: usize,
        found: &[(usize, usize, usize, bool)],
    ) -> bool {
        let family_ok = self
            .family_initials
            .get(&plan)
            .is_some_and(|f| f.contains(&family));
        family_ok
            && match given {
                Some(g) => self.initials.get(&plan).is_some_and(|i| i.contains(&g)),
                // "walt_k_1950": a given name of the plan's just before.
                None => found.iter().any(|&(p, _, b, _)| {
                    b == first
                        && self.roles[p]
                            .iter()
                            .any(|r| r.plan == plan && r.kind == Kind::Given)
                }),
            }
    }

    /// The plans whose patient was born in `year`.
    fn born_in(&self, year: i16) -> Vec<u32> {
        let mut plans: Vec<u32> = (1..=12)
            .filter_map(|m| self.dates.get(&Found::MonthYear(year, m)))
            .flatten()
            .filter(|(_, k)| *k == DateKind::Birth)
            .map(|(p, _)| *p)
            .collect();
        plans.dedup();
        plans
    }

    /// Does a public display name start at token `i` ("Mei K.", "June T.",
    /// a one-word "April" written with its capital and no number after)?
    /// There a word that is also a month ("mei" is May in Dutch) names a
    /// person, not a day: "Back to tennis 2 · Mei K.'s story" holds no date.
    pub(in crate::stages::privacy) fn display_name_at(&self, s: &Stream, i: usize) -> bool {
        let phrase = |j: usize| &s.text[s.toks[i].start as usize..s.toks[j].end as usize];
        let t = &s.toks[i];
        if t.code || !t.upper {
            return false;
        }
        if initial_after(s, i).is_some() {
            return self.public_initials.contains(phrase(i + 1));
        }
        let number_after = s.toks.get(i + 1).is_some_and(|n| n.digits);
        !number_after && self.public_initials.contains(phrase(i))
    }
}

/// The letter of token `b + 1` if it is an initial written after a name:
/// one capital letter after a space, closed by punctuation other than an
/// apostrophe or a dash ("K.", "K,", "K.)", "K!") or by the end of its text.
fn initial_after(s: &Stream, b: usize) -> Option<char> {
    let t = s.toks.get(b + 1)?;
    if t.sep != Sep::Space || !t.upper || t.code {
        return None;
    }
    let mut chars = s.tok(b + 1).chars();
    let c = chars.next().filter(|c| c.is_alphabetic())?;
    let closed = s
        .toks
        .get(b + 2)
        .is_none_or(|n| !matches!(n.sep, Sep::Space | Sep::Join | Sep::Apostrophe | Sep::Dash));
    (chars.next().is_none() && closed).then_some(c)
}

/// A one-letter token `i` (not program text).
fn letter_at(s: &Stream, i: usize) -> Option<char> {
    let mut c = s.tok(i).chars();
    let first = c.next().filter(|c| c.is_ascii_alphabetic());
    first.filter(|_| c.next().is_none() && !s.toks[i].code)
}

/// Two initials as one token ("WK", written with a capital) that is no
/// two-letter word.
fn pair_at(s: &Stream, i: usize, words: &[&str]) -> Option<(char, char)> {
    let w = s.tok(i);
    let t = &s.toks[i];
    if w.len() != 2 || !t.upper || t.code || words.contains(&w) {
        return None;
    }
    let mut c = w.chars();
    c.next()
        .zip(c.next())
        .filter(|(a, b)| a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
}

/// The initials that end just before the year at token `y`, or before
/// one or two words of birth before it ("WK 1950", "W.K., born 1950", "WK
/// (b. 1950)", "WK, born in 1950").
fn initials_before(s: &Stream, y: usize) -> Vec<Initials> {
    let born = |k: usize| super::ages::BORN.contains(&s.tok(k)) || s.tok(k) == "dob";
    let mut ends = vec![y - 1];
    if y >= 2 && born(y - 1) {
        ends.push(y - 2);
    }
    if y >= 3 && s.tok(y - 1) == "in" && born(y - 2) {
        ends.push(y - 3);
    }
    ends.into_iter()
        .filter(|&k| s.toks[k + 1..=y].iter().all(|t| t.sep != Sep::Hard))
        .filter_map(|k| initials_ending_at(s, k))
        .collect()
}

/// Initials ending at token `k`: a pair ("WK") or one letter after a
/// letter or a given name ("W. K", "walt_k").
fn initials_ending_at(s: &Stream, k: usize) -> Option<Initials> {
    if let Some((g, f)) = pair_at(s, k, &TWO_LETTER_WORDS) {
        return Some((Some(g), f, k));
    }
    let f = letter_at(s, k).filter(|_| k > 0 && s.toks[k].sep != Sep::Hard)?;
    Some((letter_at(s, k - 1), f, k - 1))
}

/// The initials just after the year at token `y` ("1950 WK", "1950:
/// W.K.", "1950 W K"), written with capitals.
fn initials_after_year(s: &Stream, y: usize) -> Option<Initials> {
    let k = y + 1;
    // Not across a sentence's end: "… in 1950. WK Sports …".
    let t = s
        .toks
        .get(k)
        .filter(|t| !matches!(t.sep, Sep::Hard | Sep::Dot))?;
    if let Some((g, f)) = pair_at(s, k, &TWO_LETTER_WORDS) {
        let words_after = !AFTER_YEAR_WORDS.contains(&s.tok(k));
        return words_after.then_some((Some(g), f, k));
    }
    let next = s
        .toks
        .get(k + 1)
        .filter(|n| n.sep != Sep::Hard && n.upper)?;
    let (g, f) = (letter_at(s, k)?, letter_at(s, k + 1)?);
    // Both initials closed as initials are: "1950 W.K." or "1950 W K."
    let closed = s
        .toks
        .get(k + 2)
        .is_none_or(|n| !matches!(n.sep, Sep::Join | Sep::Apostrophe));
    (t.upper && next.upper && closed).then_some((Some(g), f, k))
}
