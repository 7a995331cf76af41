//! A given name with the family name's initial ("Walt K.", "Alexandra
//! N."): the form a story's display name takes. It is public only as the
//! display name of a published story (the patient's consent), as a
//! clinician's name, or when allowed as written in `public_words`.

use super::super::fold::{Sep, Stream};
use super::super::names::Kind;
use super::super::{Guard, PUBLIC, What};

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
