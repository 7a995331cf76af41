//! A day split from its month and year by a clause of the same sentence:
//! "born in the sixth month of 1950, on the thirtieth", "in June of 1950 —
//! the 30th, to be exact", "on the 30th (June 1950)". The month and year
//! stand together; the day, a few words off, is written as a day is
//! (an ordinal, or after the word "day") and ends its phrase, or the
//! sentence says it is a birth. Alone, "June 1950" is a partial date; with
//! the day, a full one, which counts on any page.

use super::super::fold::{Sep, Stream};
use super::{BIRTH_WORDS, Found, Item, ORDINALS, spelt};
use crate::base::date::Date;

/// Items (words) at most between the month and year and the day.
const GAP: usize = 4;

/// Words that say the number after them is a day: "on day 30", "el día
/// 30", "am Tag 30".
const DAY_WORDS: [&str; 6] = ["day", "dia", "jour", "tag", "giorno", "dag"];

/// Add each day that stands apart from its month and year, in the same
/// sentence, as a full date at the month's or year's first token.
pub(super) fn find(s: &Stream, items: &[(Item, Sep, usize)], out: &mut Vec<(Found, usize)>) {
    for i in 0..items.len().saturating_sub(1) {
        let Some((m, years)) = month_year(items, i) else {
            continue;
        };
        let (first, last) = (items[i].2, items[i + 1].2);
        // The day after: "…1950, on the 30th"; or before: "the 30th (June
        // 1950)".
        let after =
            (i + 2..items.len().min(i + 3 + GAP)).find(|j| !matches!(items[*j].0, Item::Word));
        let before = (i.saturating_sub(GAP + 1)..i)
            .rev()
            .find(|j| !matches!(items[*j].0, Item::Word));
        for (j, from, to) in [
            after.map(|j| (j, last, items[j].2)),
            before.map(|j| (j, items[j].2, first)),
        ]
        .into_iter()
        .flatten()
        {
            let Item::Num {
                v: d @ 1..=31,
                len: 1..=2,
            } = items[j].0
            else {
                continue;
            };
            // A word of birth in the sentence, around the date: "born in
            // 1950, in June, on the 30th", "on the 30th he was born".
            let birth = || {
                let lo = items[i.saturating_sub(3)].2.min(from);
                let hi = (to + 8).min(s.toks.len());
                let hi = (to + 1..hi).find(|t| breaks(s, t - 1, *t)).unwrap_or(hi);
                (lo..hi).any(|t| BIRTH_WORDS.contains(&s.tok(t)))
            };
            if breaks(s, from, to) || !day(s, items[j].2, &birth) {
                continue;
            }
            for y in &years {
                if let (Ok(y), Ok(d)) = (i16::try_from(*y), i8::try_from(d))
                    && let Some(date) = Date::new(y, m, d)
                {
                    out.push((Found::Full(date), first));
                }
            }
        }
    }
}

/// The month and year of items `i` and `i + 1`, either order: "June 1950",
/// "1950, in June", "the sixth month of 1950", "June '50" (either century).
fn month_year(items: &[(Item, Sep, usize)], i: usize) -> Option<(i8, Vec<u32>)> {
    let (a, b) = (items[i], *items.get(i + 1)?);
    if b.1 == Sep::Hard {
        return None;
    }
    match (a.0, b.0) {
        (Item::Month(m), Item::Num { v, len: 4 }) | (Item::Num { v, len: 4 }, Item::Month(m))
            if (1850..=2150).contains(&v) =>
        {
            Some((m, vec![v]))
        }
        (Item::Month(m), Item::Num { v, len: 2 }) if b.1 == Sep::Apostrophe => {
            Some((m, vec![1900 + v, 2000 + v]))
        }
        _ => None,
    }
}

/// Does a sentence, a segment or a block end between tokens `a` and `b`?
fn breaks(s: &Stream, a: usize, b: usize) -> bool {
    s.toks.get(a + 1..=b).is_none_or(|ts| {
        ts.iter()
            .any(|t| t.block || matches!(t.sep, Sep::Hard | Sep::Dot))
    })
}

/// Is the number at token `t` written as a day: an ordinal ("30th",
/// "thirtieth") or after a day word ("day 30"), that ends its phrase
/// ("the 30th, to be exact", "on the thirtieth.") or is followed by a day
/// word ("the 30th day"), or in a sentence that says it is a birth
/// (`birth`)? Not "our 3rd clinic" nor "30 patients".
fn day(s: &Stream, t: usize, birth: &dyn Fn() -> bool) -> bool {
    let (ordinal, end) = if s.toks[t].digits {
        let suffix = s
            .toks
            .get(t + 1)
            .is_some_and(|x| x.sep == Sep::Join && ORDINALS.contains(&s.tok(t + 1)));
        (suffix, t + usize::from(suffix))
    } else {
        match spelt::read(s, t, &|_| false) {
            Some(n) if n.len == 1 && n.strong => (true, t),
            _ => (false, t),
        }
    };
    let day_word = |k: usize| k < s.toks.len() && DAY_WORDS.contains(&s.tok(k));
    let after_day_word = t > 0 && day_word(t - 1);
    if !ordinal && !after_day_word {
        return false;
    }
    let next = s.toks.get(end + 1);
    let ends = next.is_none_or(|n| n.block || !matches!(n.sep, Sep::Space | Sep::Join));
    ends || day_word(end + 1) || birth()
}
