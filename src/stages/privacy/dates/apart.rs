//! A year standing apart from its day and month, a few words between them
//! in one sentence: "born in 1968, on the 9th of April", "In 1950, on June
//! 30, he was born", "the 9th day of April in the year of our Lord 1968".
//! Alone, the day and month are a partial date (weighed only next to the
//! patient's name); with the year they are a full date, and count on any
//! page.

use super::super::fold::{Sep, Stream};
use super::{BIRTH_WORDS, Found, Item, partial};
use crate::base::date::Date;

/// Words at most between the year and the day and month.
const GAP: usize = 6;

/// Words that introduce a year as a year ("in 1968", "the year 1968", "our
/// Lord 1968", "of 1968"), so that a count ("we served 2000 meals") is
/// not read as one.
const INTRO: [&str; 14] = [
    "in", "of", "year", "lord", "domini", "anno", "ad", "en", "em", "im", "nel", "de", "ano",
    "annee",
];

/// Add each day and month that has its year apart, in the same sentence,
/// as a full date at the year's token.
pub(super) fn find(s: &Stream, items: &[(Item, Sep, usize)], out: &mut Vec<(Found, usize)>) {
    for i in 0..items.len() {
        let Some(y) = year(s, items, i) else {
            continue;
        };
        let ty = items[i].2;
        // The year first: "in 1968, on the 9th of April".
        let after =
            (i + 1..items.len().min(i + 2 + GAP)).find(|j| !matches!(items[*j].0, Item::Word));
        if let Some(j) = after
            && !breaks(s, ty, items[j].2)
        {
            day_of(s, items, j, y, ty, out);
        }
        // The year last: "April the 9th, in the year 1968". With nothing
        // but the year after the day, [`super::find`] reads it already.
        for j in i.saturating_sub(GAP + 2)..i.saturating_sub(2) {
            if words(items, j + 2, i) && !breaks(s, items[j].2, ty) {
                day_of(s, items, j, y, ty, out);
            }
        }
    }
}

/// Item `i`'s year, if it is a four-digit number a word introduces as a
/// year.
fn year(s: &Stream, items: &[(Item, Sep, usize)], i: usize) -> Option<u32> {
    let (Item::Num { v, len: 4 }, _, t) = items[i] else {
        return None;
    };
    let intro = t > 0 && {
        let w = s.tok(t - 1);
        INTRO.contains(&w) || BIRTH_WORDS.contains(&w)
    };
    ((1850..=2150).contains(&v) && intro).then_some(v)
}

/// Are items `from..to` all words (no number, no month)?
fn words(items: &[(Item, Sep, usize)], from: usize, to: usize) -> bool {
    items
        .get(from..to)
        .is_some_and(|w| w.iter().all(|(it, _, _)| matches!(it, Item::Word)))
}

/// Does a sentence, a segment or a block end between tokens `a` and `b`?
fn breaks(s: &Stream, a: usize, b: usize) -> bool {
    s.toks.get(a + 1..=b).is_none_or(|ts| {
        ts.iter()
            .any(|t| t.block || matches!(t.sep, Sep::Hard | Sep::Dot))
    })
}

/// The day and month starting at item `j`, with year `y`, as full dates
/// at token `ty`: both ways round when both are numbers ("4/9").
fn day_of(
    s: &Stream,
    items: &[(Item, Sep, usize)],
    j: usize,
    y: u32,
    ty: usize,
    out: &mut Vec<(Found, usize)>,
) {
    let (a, b, c) = (
        items[j].0,
        items.get(j + 1).copied(),
        items.get(j + 2).copied(),
    );
    let dotted_after =
        b.is_some_and(|(_, _, tb)| s.toks.get(tb + 1).is_none_or(|t| t.sep == Sep::Dot));
    let Some(Found::MonthDay(m, d)) = partial(a, b, c, dotted_after) else {
        return;
    };
    let numeric = matches!((a, b), (Item::Num { .. }, Some((Item::Num { .. }, _, _))));
    let orders: &[(i8, i8)] = if numeric {
        &[(m, d), (d, m)]
    } else {
        &[(m, d)]
    };
    for (m, d) in orders {
        if let Some(date) = i16::try_from(y).ok().and_then(|y| Date::new(y, *m, *d)) {
            out.push((Found::Full(date), ty));
        }
    }
}
