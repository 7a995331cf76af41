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

impl Guard {
    /// Initials with the year of birth: "WK 1950", "W.K. 1950", "walt_k_1950",
    /// "W K '50" (a given name's initial, or a given name, then a family
    /// name's initial, just before the year the same patient was born).
    /// Two letters alone are too many people's; with the year they are
    /// the patient's.
    pub(super) fn initials_with_year<'g>(
        &'g self,
        s: &Stream,
        found: &[(usize, usize, usize, bool)],
        out: &mut Vec<(u32, What, &'g str, usize, usize)>,
    ) {
        let letter = |i: usize| {
            let w = s.tok(i);
            let mut c = w.chars();
            let first = c.next().filter(|c| c.is_ascii_alphabetic());
            first.filter(|_| c.next().is_none() && !s.toks[i].code)
        };
        for y in 2..s.toks.len() {
            let (t, w) = (&s.toks[y], s.tok(y));
            let two = w.len() == 2 && t.sep == Sep::Apostrophe;
            if !t.digits || t.code || !(w.len() == 4 || two) || t.sep == Sep::Hard {
                continue;
            }
            // (given initial, or None where a given name may end the token
            // before; family initial; first token)
            let prev = s.tok(y - 1);
            let pair =
                if prev.len() == 2 && !TWO_LETTER_WORDS.contains(&prev) && s.toks[y - 1].upper {
                    let mut c = prev.chars();
                    c.next().zip(c.next()).map(|(g, f)| (Some(g), f, y - 1))
                } else {
                    letter(y - 1)
                        .filter(|_| s.toks[y - 1].sep != Sep::Hard)
                        .map(|f| (letter(y - 2), f, y - 2))
                };
            let Some((given, family, first)) = pair else {
                continue;
            };
            if !prev.chars().all(|c| c.is_ascii_alphabetic()) {
                continue;
            }
            let n: i16 = w.parse().unwrap_or(0);
            let years = if two {
                vec![1900 + n, 2000 + n]
            } else {
                vec![n]
            };
            for year in years {
                for plan in self.born_in(year) {
                    let family_ok = self
                        .family_initials
                        .get(&plan)
                        .is_some_and(|f| f.contains(&family));
                    let given_ok = match given {
                        Some(g) => self.initials.get(&plan).is_some_and(|i| i.contains(&g)),
                        // "walt_k_1950": a given name of the plan's just before.
                        None => found.iter().any(|&(p, _, b, _)| {
                            b == first
                                && self.roles[p]
                                    .iter()
                                    .any(|r| r.plan == plan && r.kind == Kind::Given)
                        }),
                    };
                    if family_ok && given_ok {
                        out.push((plan, What::Initial, "", first, y));
                    }
                }
            }
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
