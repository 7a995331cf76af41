//! Dates written as numbers rather than as a day, a month and a year:
//! eight-digit codes (`19680412`, `12041968`), six-digit codes (`680412`,
//! `120468`, `041268`), ISO 8601 week dates (`1968-W15-5`, `1968W155`) and
//! ordinal dates (`1968-103`, `1968103`), and Unix timestamps in seconds or
//! milliseconds (`-54604800`, negative before 1970).
//!
//! Forms that hardly anything else writes are [`Found::Full`] dates, as a
//! written-out date is. A number that is as often something else (six or
//! seven digits: an order number, a colour, a count; a timestamp at a time
//! zone's midnight) is a [`Found::Code`]: a date only on a page that also
//! names the patient it belongs to.

use super::super::fold::{Sep, Stream};
use super::{Found, birth_before, one_word};
use crate::base::date::Date;

/// Every date written as a number in `s`, with its first token.
pub(super) fn find(s: &Stream, out: &mut Vec<(Found, usize)>) {
    for t in 0..s.toks.len() {
        if !s.toks[t].digits {
            continue;
        }
        let w = s.tok(t);
        match w.len() {
            4 => iso(s, t, out),
            6 => six(s, t, out),
            7 if one_word(s, t, t) => {
                // 1968103: the compact ordinal date, or a phone number.
                if let Some(d) = ordinal(&w[..4], &w[4..]) {
                    out.push((Found::Code(d), t));
                }
            }
            8 => eight(w, t, out),
            _ => {}
        }
        if (7..=13).contains(&w.len()) {
            timestamp(s, t, out);
        }
    }
}

/// A date from numbers, if it is one.
fn date(y: u32, m: u32, d: u32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
}

/// `19680412`, `12041968`, `04121968`: eight digits in any order a
/// date is written; too long to be much else.
fn eight(w: &str, t: usize, out: &mut Vec<(Found, usize)>) {
    let v: u32 = w.parse().unwrap_or(u32::MAX);
    for (y, m, d) in [
        (v / 10000, v / 100 % 100, v % 100),
        (v % 10000, v / 10000 % 100, v / 1_000_000),
        (v % 10000, v / 1_000_000, v / 10000 % 100),
    ] {
        if let Some(d) = date(y, m, d) {
            out.push((Found::Full(d), t));
        }
    }
}

/// `680412`, `120468`, `041268`: year first, day first or month first, in
/// either century. After a birth word ("DOB 300982") a date; alone, a
/// six-digit number is an order number, a colour or a count as often, so
/// only a [`Found::Code`] (and only a number of its own: not `a680412`).
fn six(s: &Stream, t: usize, out: &mut Vec<(Found, usize)>) {
    let born = birth_before(s, t, 2);
    if !born && !one_word(s, t, t) {
        return;
    }
    let v: u32 = s.tok(t).parse().unwrap_or(u32::MAX);
    let (hi, mid, lo) = (v / 10000, v / 100 % 100, v % 100);
    for century in [1900, 2000] {
        for (y, m, d) in [(hi, mid, lo), (lo, mid, hi), (lo, hi, mid)] {
            if let Some(d) = date(century + y, m, d) {
                out.push((if born { Found::Full(d) } else { Found::Code(d) }, t));
            }
        }
    }
}

/// ISO 8601's week date (`1968-W15-5`, `1968W155`) and ordinal date
/// (`1968-103`) from the year at token `t`: no other writing puts a `W`
/// and a week there, or three digits after a year and a dash.
fn iso(s: &Stream, t: usize, out: &mut Vec<(Found, usize)>) {
    let sep = |i: usize| s.toks.get(i).map(|t| t.sep);
    let digits = |i: usize| s.toks.get(i).filter(|t| t.digits).map(|_| s.tok(i));
    let year = s.tok(t);
    let w_next = s.toks.get(t + 1).is_some() && s.tok(t + 1) == "w";
    if w_next && matches!(sep(t + 1), Some(Sep::Dash | Sep::Join)) {
        let dashed = sep(t + 1) == Some(Sep::Dash);
        let found = match (digits(t + 2), sep(t + 2)) {
            (Some(wk), Some(Sep::Join)) if dashed && wk.len() == 2 => digits(t + 3)
                .filter(|d| d.len() == 1 && sep(t + 3) == Some(Sep::Dash))
                .and_then(|d| week(year, wk, d)),
            (Some(wd), Some(Sep::Join)) if !dashed && wd.len() == 3 => {
                week(year, &wd[..2], &wd[2..])
            }
            _ => None,
        };
        if let Some(d) = found {
            out.push((Found::Full(d), t));
        }
        return;
    }
    // 1968-103, not a part of a longer run of numbers (1968-103-22).
    let alone = |i: usize| {
        s.toks
            .get(i)
            .is_none_or(|n| !n.digits || n.sep != Sep::Dash)
    };
    if sep(t + 1) == Some(Sep::Dash)
        && digits(t + 1).is_some_and(|d| d.len() == 3)
        && alone(t + 2)
        && (t == 0 || !s.toks[t - 1].digits || !matches!(s.toks[t].sep, Sep::Dash | Sep::Join))
        && let Some(d) = ordinal(year, s.tok(t + 1))
    {
        out.push((Found::Full(d), t));
    }
}

/// The day of ISO week `week` (01–53) and weekday `day` (1 = Monday) of
/// ISO year `year`.
fn week(year: &str, week: &str, day: &str) -> Option<Date> {
    let (y, w, d) = (year.parse().ok()?, week.parse().ok()?, day.parse().ok()?);
    Date::from_iso_week(y, w, d)
}

/// Day `day` (001–366) of year `year`.
fn ordinal(year: &str, day: &str) -> Option<Date> {
    let (y, n): (i16, i16) = (year.parse().ok()?, day.parse().ok()?);
    (1800..=2200).contains(&y).then_some(())?;
    Date::from_ordinal(y, n)
}

/// Seconds in a day.
const DAY: i64 = 86_400;

/// A Unix timestamp at midnight: in seconds (7 to 10 digits: the days
/// from 1970 to 2286, and back to 1653 with a minus sign) or milliseconds.
/// Midnight UTC is a date wherever it is (hardly another number is a whole
/// number of days); a time zone's midnight (a whole number of hours from
/// it, between UTC−12 and UTC+14, as an app stores a local birth date) is
/// only a [`Found::Code`]. So is a number that is as often a duration: a
/// year or less in seconds (`31536000`), or whole days in milliseconds
/// (`86400000`, `604800000`) read as seconds.
fn timestamp(s: &Stream, t: usize, out: &mut Vec<(Found, usize)>) {
    let w = s.tok(t);
    let Ok(v) = w.parse::<i64>() else {
        return;
    };
    let mut readings = [None, None];
    if w.len() <= 10 {
        readings[0] = Some((v, v.abs() <= 366 * DAY || v % (DAY * 1000) == 0));
    }
    if w.len() >= 10 && v % 1000 == 0 {
        readings[1] = Some((v / 1000, false));
    }
    // Before 1970 a timestamp is negative; the folded text keeps no sign
    // (a dash is a separator too, and a segment's first mark is not kept),
    // so both are read: a whole number of days is rare enough either way.
    for (seconds, duration) in readings.into_iter().flatten() {
        if seconds % 3600 != 0 {
            continue;
        }
        for seconds in [seconds, -seconds] {
            for hours in -12..=14 {
                let local = seconds + hours * 3600;
                if local % DAY == 0
                    && let Some(d) = Date::from_unix_day(local / DAY)
                {
                    let utc = hours == 0 && !duration;
                    out.push((if utc { Found::Full(d) } else { Found::Code(d) }, t));
                }
            }
        }
    }
}
