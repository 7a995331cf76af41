//! A date not written `YYYY-MM-DD` (HP0005), read for what the person
//! meant: `12/03/2026` is December 3 or March 12 (both readings shown,
//! never a guess), `14/03/2026` and `Dec 3, 2026` only one, `2026-02-30`
//! a day that does not exist. The help shows the date to write when there
//! is one, and both when the date is ambiguous.

use crate::base::date::Date;

/// Month names as people write them (English), first three letters.
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Month names, in full, for messages.
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// serde's "`path`: invalid date `text`: expected YYYY-MM-DD" (positions
/// stripped) said plainly: the message and the help. `None` when
/// `message` is not about a date.
pub(super) fn explain(message: &str) -> Option<(String, String)> {
    let (path, rest) = message.split_once(": invalid date `")?;
    let (text, _) = rest.rsplit_once('`')?;
    let t = text.trim();
    let parts: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    let num = |s: &str| -> Option<u32> {
        (s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let month_word = |s: &str| {
        let l = s.to_lowercase();
        (l.len() >= 3)
            .then(|| MONTHS.iter().position(|m| l.starts_with(m)))
            .flatten()
            .map(|i| i as u32 + 1)
    };
    let say = |what: String, help: String| Some((format!("{path}: `{t}` {what}"), help));
    match parts[..] {
        // Year first: 2026/12/03, 2026-12-3, 2026.12.03, 2026-13-03.
        [y, m, d] if y.len() == 4 && num(y).is_some() => {
            let (y, m, d) = (num(y)?, num(m)?, num(d)?);
            one(y, m, d, &say)
        }
        // Day and month first: 12/03/2026, 3/14/2026, 14.03.2026, 12/03/26.
        [a, b, y] if num(a).is_some() && num(b).is_some() && num(y).is_some() => {
            let (a, b, y) = (num(a)?, num(b)?, num(y)?);
            if y < 100 {
                return say(
                    "has a two-digit year: it could be 19.. or 20..".into(),
                    "write the year in full, year first, as YYYY-MM-DD (for example 2026-12-03)"
                        .into(),
                );
            }
            match (valid(y, a, b), valid(y, b, a)) {
                (Some(md), Some(dm)) if a != b => say(
                    format!(
                        "could be {} or {}: the order of day and month is not clear",
                        words(md),
                        words(dm)
                    ),
                    format!(
                        "write it year first, as YYYY-MM-DD: `{md}` ({}) or `{dm}` ({})",
                        words(md),
                        words(dm)
                    ),
                ),
                (Some(d), _) | (None, Some(d)) => say(
                    format!("is {}, written in another order", words(d)),
                    format!("write it year first, as YYYY-MM-DD: `{d}`"),
                ),
                (None, None) => say(
                    "is not a day of the calendar".into(),
                    "write a real day as YYYY-MM-DD, year first".into(),
                ),
            }
        }
        // Dec 3 2026, 3 December 2026, December 3rd, 2026.
        [a, b, y] if num(y).is_some_and(|y| y >= 1000) => {
            let day = |s: &str| num(s.trim_end_matches(|c: char| c.is_alphabetic()));
            let (m, d) = match (month_word(a), month_word(b)) {
                (Some(m), None) => (m, day(b)?),
                (None, Some(m)) => (m, day(a)?),
                _ => return generic(&say),
            };
            one(num(y)?, m, d, &say)
        }
        _ => generic(&say),
    }
}

type Say<'a> = dyn Fn(String, String) -> Option<(String, String)> + 'a;

/// A date whose year, month and day are known: the one to write, or why
/// there is no such day.
fn one(y: u32, m: u32, d: u32, say: &Say<'_>) -> Option<(String, String)> {
    if !(1..=12).contains(&m) {
        return say(
            format!("has no month {m}: months run from 01 to 12"),
            "write it as YYYY-MM-DD, year first, then month, then day".into(),
        );
    }
    match valid(y, m, d) {
        Some(date) => say(
            format!("is {}, not written as YYYY-MM-DD", words(date)),
            format!("write it as `{date}`"),
        ),
        None => say(
            format!(
                "is not a day of the calendar: {} {y} has no day {d}",
                MONTH_NAMES
                    .get(m as usize - 1)
                    .copied()
                    .unwrap_or("that month")
            ),
            "check the day, and write it as YYYY-MM-DD".into(),
        ),
    }
}

/// Nothing could be read: say the form.
fn generic(say: &Say<'_>) -> Option<(String, String)> {
    say(
        "is not a date written as YYYY-MM-DD".into(),
        "write the year, the month and the day with dashes, for example `2026-12-03` for December 3, 2026".into(),
    )
}

/// The day `y`-`m`-`d`, if there is one.
fn valid(y: u32, m: u32, d: u32) -> Option<Date> {
    let (y, m, d) = (
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    );
    Date::new(y, m, d).filter(|_| (1..=12).contains(&m))
}

/// `December 3, 2026`.
fn words(d: Date) -> String {
    let m = MONTH_NAMES
        .get(usize::try_from(d.month()).unwrap_or(1).saturating_sub(1))
        .copied()
        .unwrap_or("");
    format!("{m} {}, {}", d.day(), d.year())
}

#[cfg(test)]
mod tests {
    use super::explain;

    fn told(text: &str) -> String {
        explain(&format!(
            "next_visit.date: invalid date `{text}`: expected YYYY-MM-DD"
        ))
        .map_or_else(String::new, |(m, h)| format!("{m} | {h}"))
    }

    #[test]
    fn ambiguous_dates_show_both_readings() {
        for t in ["12/03/2026", "12-03-2026", "12.03.2026", "03/12/2026"] {
            let s = told(t);
            assert!(
                s.contains("`2026-12-03` (December 3, 2026)")
                    && s.contains("`2026-03-12` (March 12, 2026)"),
                "{t}: {s}"
            );
            assert!(s.contains("not clear"), "{s}");
        }
        assert!(told("12/03/26").contains("two-digit year"));
    }

    #[test]
    fn dates_with_one_reading_show_it() {
        assert!(told("14/03/2026").ends_with("`2026-03-14`"));
        assert!(told("3/14/2026").ends_with("`2026-03-14`"));
        assert!(told("5/5/2026").ends_with("`2026-05-05`"));
        assert!(told("2026/12/03").ends_with("write it as `2026-12-03`"));
        assert!(told("2026-12-3").ends_with("write it as `2026-12-03`"));
        assert!(told("Dec 3 2026").ends_with("write it as `2026-12-03`"));
        assert!(told("3 December 2026").ends_with("write it as `2026-12-03`"));
        assert!(told("December 3rd, 2026").ends_with("write it as `2026-12-03`"));
        assert!(told("2026-13-03").contains("no month 13"));
        assert!(told("2026-02-30").contains("February 2026 has no day 30"));
        assert!(told("next week").contains("is not a date written as YYYY-MM-DD"));
        assert!(told("99999999/1/1").contains("YYYY-MM-DD"));
        assert_eq!(
            explain("reps: invalid type: string \"x\", expected u32"),
            None
        );
    }
}
