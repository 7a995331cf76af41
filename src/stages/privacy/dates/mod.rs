//! Dates as people write them, found in folded text ([`super::fold`]).
//!
//! Safe Harbor counts every element of a date but the year as an
//! identifier, so a birthday without its year or the month of a visit
//! identifies too; those partial dates are [`Found::MonthDay`] and
//! [`Found::MonthYear`], which the guard weighs only on a page that also
//! names the patient.
//!
//! Written forms: ISO dates and date-times, `12/03/2026` both ways round,
//! two-digit years (`4/12/68`), dates written as numbers (`19680412`,
//! `680412`, `1968-W15-2`, `1968-100`, Unix time: `codes`), a year apart
//! from its day ("born in 1968, on April 9": `apart`), month names and their
//! abbreviations in every language of the built-in list and of the theme's
//! string tables ("Sept. 3rd", "3 de diciembre de 2026", "12. April 1968",
//! "2026年12月3日", in Chinese numerals and Japanese era years too:
//! `cjk`), ordinals, weekdays in between, and days and years
//! spelt out in words ("the fourteenth of March, nineteen sixty-eight").

use super::fold::{Sep, Stream};
use crate::base::date::Date;
use items::items;
use words::*;

mod apart;
#[cfg(test)]
mod before;
mod cjk;
mod codes;
mod compound;
mod items;
mod joined;
mod spelt;
mod spelt_words;
mod split;
#[cfg(test)]
mod tests;
mod words;

pub use cjk::digit_views;
pub use spelt::digit_word;
pub use words::Months;

/// The number spelt out in words from token `i` on ("ninety-five"), and
/// the tokens it takes.
pub fn spelt_number(s: &Stream, i: usize) -> Option<(u32, usize)> {
    spelt::read(s, i, &|_| false).map(|n| (n.value, n.len))
}

/// A date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Found {
    /// Day, month and year.
    Full(Date),
    /// Month and day, no year.
    MonthDay(i8, i8),
    /// Year and month, no day.
    MonthYear(i16, i8),
    /// A full date written as a bare number that is as often something
    /// else (`680412`: an order number, a colour; read by the `codes` module): weighed,
    /// as a partial date is, only on a page that names its patient.
    Code(Date),
}

/// Words between the parts of a date that carry nothing: "12 de abril",
/// "the 2nd of July", "the fourteenth day of March", "el día 3 de mayo",
/// "March 14, in 1968", "2026年12月3日", "ngày 3 tháng 12 năm 2026", "le
/// douzième jour d'avril".
const FILLERS: [&str; 22] = [
    "de", "d", "del", "of", "the", "le", "el", "am", "den", "der", "do", "da", "day", "dia",
    "jour", "in", "ngay", "thang", "nam", "年", "月", "日",
];
const KOREAN: [&str; 3] = ["년", "월", "일"];
/// Ordinal endings written after a number: 2nd, 1er, 3º.
const ORDINALS: [&str; 8] = ["st", "nd", "rd", "th", "er", "e", "o", "a"];

#[derive(Debug, Clone, Copy)]
enum Item {
    Num {
        v: u32,
        len: usize,
    },
    Month(i8),
    /// Any other word: it breaks a date.
    Word,
}

/// Every date in `s`, with the index of its first token.
pub fn find(s: &Stream, months: &Months) -> Vec<(Found, usize)> {
    find_except(s, months, |_| false)
}

/// [`find`], where a month word at token `i` is not a month when
/// `named(i)`: a published story's display name that is also a month
/// somewhere ("Mei K.", "June T.", "Julio M.").
pub fn find_except(
    s: &Stream,
    months: &Months,
    named: impl Fn(usize) -> bool,
) -> Vec<(Found, usize)> {
    let items = items(s, months, &named);
    let mut out = Vec::new();
    codes::find(s, &mut out);
    for i in 0..items.len() {
        let (a, _, ta) = items[i];
        // A date never runs across segments (see `partial`).
        let b = items
            .get(i + 1)
            .copied()
            .filter(|(_, s, _)| *s != Sep::Hard);
        let c = b.and(
            items
                .get(i + 2)
                .copied()
                .filter(|(_, s, _)| *s != Sep::Hard),
        );
        let mut full = |y: u32, m: u32, d: u32| {
            if let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d))
                && let Some(date) = Date::new(y, m, d)
            {
                out.push((Found::Full(date), ta));
            }
        };
        match (a, b, c) {
            (
                Item::Num { v: y, len: 4 },
                Some((Item::Num { v: m, len: 1..=2 }, s1, _)),
                Some((Item::Num { v: d, len: 1..=2 }, s2, _)),
            ) if s1 == s2 && full_year_sep(s1) => full(y, m, d),
            (
                Item::Num { v: x, len: 1..=2 },
                Some((Item::Num { v: y, len: 1..=2 }, s1, _)),
                Some((Item::Num { v: z, len }, s2, _)),
            ) if s1 == s2 && len == 4 && full_year_sep(s1)
                || numeric_sep(s1)
                    && (s1 == s2 && len == 2 && s1 != Sep::Space
                        || len == 2 && apostrophe_year(s1, s2)) =>
            {
                for year in if len == 4 {
                    vec![z]
                } else {
                    vec![1900 + z, 2000 + z]
                } {
                    full(year, x, y);
                    full(year, y, x);
                }
                if len == 2 && s1 == s2 && s1 != Sep::Space {
                    // 68-03-14: year first, as ISO writes it.
                    full(1900 + x, y, z);
                    full(2000 + x, y, z);
                }
            }
            (
                Item::Month(m),
                Some((Item::Num { v: d, len: 1..=2 }, _, _)),
                Some((Item::Num { v: y, len: 4 }, _, _)),
            )
            | (
                Item::Num { v: d, len: 1..=2 },
                Some((Item::Month(m), _, _)),
                Some((Item::Num { v: y, len: 4 }, _, _)),
            )
            | (
                Item::Num { v: y, len: 4 },
                Some((Item::Month(m), _, _)),
                Some((Item::Num { v: d, len: 1..=2 }, _, _)),
            ) => full(y, m as u32, d),
            (
                Item::Month(m),
                Some((Item::Num { v: d, len: 1..=2 }, _, _)),
                Some((
                    Item::Num { v: y, len: 2 },
                    s3 @ (Sep::Other | Sep::Apostrophe | Sep::Space | Sep::Comma),
                    tc,
                )),
            )
            | (
                Item::Num { v: d, len: 1..=2 },
                Some((Item::Month(m), _, _)),
                Some((
                    Item::Num { v: y, len: 2 },
                    s3 @ (Sep::Dash
                    | Sep::Slash
                    | Sep::Dot
                    | Sep::Other
                    | Sep::Apostrophe
                    | Sep::Space
                    | Sep::Join),
                    tc,
                )),
            ) if !matches!(s3, Sep::Space | Sep::Comma | Sep::Join)
                || s3 == Sep::Join && one_word(s, ta, tc)
                || s3 != Sep::Join && short_year(s, ta, tc) =>
            {
                // April 12 '68, 12-Apr-68, 12/IV/68, 14MAR68 (a word of its
                // own, as medical records write it); with a space or a
                // comma (14 Mar 68, Mar. 14, 68) a year only where nothing
                // follows it ("on 3 March 12 people came").
                full(1900 + y, m as u32, d);
                full(2000 + y, m as u32, d);
            }
            (Item::Month(m), Some((Item::Num { v: y, len: 2 }, Sep::Apostrophe, _)), _) => {
                // March '68: a month and year, either century.
                for year in [1900 + y, 2000 + y] {
                    if let Ok(year) = i16::try_from(year) {
                        out.push((Found::MonthYear(year, m), ta));
                    }
                }
            }
            _ => {}
        }
        let dotted_after =
            b.is_some_and(|(_, _, tb)| s.toks.get(tb + 1).is_none_or(|t| t.sep == Sep::Dot));
        if let Some(f) = partial(a, b, c, dotted_after)
            && split_reads(s, &items, i)
        {
            out.push((f, ta));
        }
    }
    apart::find(s, &items, &mut out);
    split::find(s, &items, &mut out);
    out
}

/// Does a partial date starting at item `i` read as one? Its two parts
/// may stand in two blocks (paragraphs, cards, table cells) only where one
/// of them stands alone in its block, as a calendar badge's day or month
/// does (`<div>12</div><div>June</div>`, a table's day and month columns):
/// a number ending one block and a month-like word starting the next
/// ("…I am 25" before "Mei is back", "Room 12" before "June T.'s story")
/// are two texts, not a date.
fn split_reads(s: &Stream, items: &[(Item, Sep, usize)], i: usize) -> bool {
    // A block's edge, or a segment's, among the tokens after `from` up to `to`.
    let edge = |from: usize, to: usize| {
        s.toks
            .get(from + 1..=to)
            .is_some_and(|ts| ts.iter().any(|t| t.block || t.sep == Sep::Hard))
    };
    let tok = |j: usize| items.get(j).map(|it| it.2);
    let (Some(ta), Some(tb)) = (tok(i), tok(i + 1)) else {
        return true;
    };
    if !edge(ta, tb) {
        return true;
    }
    let a_alone = i.checked_sub(1).and_then(tok).is_none_or(|p| edge(p, ta));
    let b_alone = tok(i + 2).is_none_or(|n| edge(tb, n));
    a_alone || b_alone
}

/// A date without its year or without its day, starting at `a`.
/// `dotted_after`: a full stop follows the second number (German "3.12."),
/// which tells a date from a decimal number.
fn partial(
    a: Item,
    b: Option<(Item, Sep, usize)>,
    c: Option<(Item, Sep, usize)>,
    dotted_after: bool,
) -> Option<Found> {
    // Parts in two segments (another attribute, another field of a feed)
    // are no date: "…-dancing-3/" ending one entry's address and "Mei and
    // the road back" starting the next entry's title are not "3 mei".
    let b = b.filter(|(_, sep, _)| *sep != Sep::Hard);
    let c = c.filter(|(_, sep, _)| *sep != Sep::Hard);
    let year_follows = matches!(c, Some((Item::Num { len: 4, .. }, _, _)));
    let day = |d: u32| (1..=31).contains(&d).then_some(d as i8);
    match (a, b?) {
        (Item::Month(m), (Item::Num { v, len: 1..=2 }, _, _)) if !year_follows => {
            Some(Found::MonthDay(m, day(v)?))
        }
        (Item::Num { v, len: 1..=2 }, (Item::Month(m), _, _)) if !year_follows => {
            Some(Found::MonthDay(m, day(v)?))
        }
        (Item::Month(m), (Item::Num { v, len: 4 }, _, _))
        | (Item::Num { v, len: 4 }, (Item::Month(m), _, _)) => {
            Some(Found::MonthYear(i16::try_from(v).ok()?, m))
        }
        (
            Item::Num { v: x, len: 1..=2 },
            (Item::Num { v: y, len: 1..=2 }, sep @ (Sep::Slash | Sep::Dot), _),
        ) if !matches!(c, Some((Item::Num { .. }, s, _)) if s == sep)
            && (sep == Sep::Slash || dotted_after) =>
        {
            // 12/3: month and day, either way round; the caller tries both.
            // Where only the second can be a month, the first is the day:
            // "14/03", "22.1." are written day first.
            let month = |v: u32| (1..=12).contains(&v).then_some(v as i8);
            let (m, d) = match month(x) {
                Some(m) => (m, day(y)?),
                None => (month(y)?, day(x)?),
            };
            Some(Found::MonthDay(m, d))
        }
        _ => None,
    }
}

/// Words that say a date is a birthday.
const BIRTH_WORDS: [&str; 10] = [
    "born", "birth", "dob", "nacido", "nacida", "ne", "nee", "geboren", "nato", "nata",
];

/// Is a two-digit number after a day and month, written with a space
/// ("14 Mar 68"), a year? Where it ends the phrase (nothing, or
/// punctuation, follows it) or the date is a birth date ("born 14 Mar 68
/// in Dover"); not where a word follows ("on 3 March 12 people came").
fn short_year(s: &Stream, first: usize, year: usize) -> bool {
    let ends = s
        .toks
        .get(year + 1)
        .is_none_or(|t| !matches!(t.sep, Sep::Space | Sep::Join));
    ends || birth_before(s, first, 3)
}

/// Are tokens `first` to `last` a word of their own, touching nothing
/// before or after (`14mar68`, not part of a code such as `a14dec68f`)?
fn one_word(s: &Stream, first: usize, last: usize) -> bool {
    let joined = |t: usize| s.toks.get(t).is_some_and(|t| t.sep == Sep::Join);
    (first + 1..=last).all(joined) && !joined(first) && !joined(last + 1)
}

/// Is one of the `n` tokens before token `t` a birth word ("born", "DOB")?
fn birth_before(s: &Stream, t: usize, n: usize) -> bool {
    (t.saturating_sub(n)..t).any(|i| BIRTH_WORDS.contains(&s.tok(i)))
}

/// "3/14/'68": a two-digit year after an apostrophe (and the date's own
/// separator) ends a numeric date.
fn apostrophe_year(s1: Sep, s2: Sep) -> bool {
    matches!(s1, Sep::Slash | Sep::Dash | Sep::Dot) && matches!(s2, Sep::Other | Sep::Apostrophe)
}

/// Between the parts of a date with its four-digit year, any one mark
/// the same twice: EXIF writes `1968:03:14`, a file name `1968_03_14`.
/// (With a two-digit year, `10:03:14` is a time.)
fn full_year_sep(s: Sep) -> bool {
    numeric_sep(s) || matches!(s, Sep::Colon | Sep::Other)
}

fn numeric_sep(s: Sep) -> bool {
    matches!(
        s,
        Sep::Dash | Sep::Slash | Sep::Dot | Sep::Space | Sep::Join
    )
}
