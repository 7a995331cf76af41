//! Ages over 89: HIPAA's Safe Harbor counts "all ages over 89" among the
//! identifiers, and the year of birth that gives such an age away, as so
//! few people are that old. A patient aged 90 or more (on the day of the
//! build, or a year before, as a story may have been written then) is
//! named by "95 years old", "aged 95", "her 95th birthday", "ninety-five
//! años", "Rosie M., 95," or "born in 1931" on a page that also names
//! them; "in her nineties" and "over 90" name nobody.

use super::super::dates::spelt_number;
use super::super::fold::{Sep, Stream};
use super::super::{Guard, What};
use crate::base::date::Date;

/// Words after an age (folded): "95 years old", "95-year-old", "95 yo",
/// "95 años", "95 ans", "95 Jahre", "95 anni", "95 jaar", the counters of
/// Chinese, Japanese and Korean ("95岁", "95歲", "95歳", "95才", "95세",
/// "95살": each a token of its own, as the folder keeps these scripts one
/// character a token), and a birthday ("95th birthday", "cumpleaños").
const AFTER: [&str; 28] = [
    "岁",
    "歲",
    "歳",
    "才",
    "세",
    "살",
    "year",
    "years",
    "yr",
    "yrs",
    "yo",
    "ano",
    "anos",
    "an",
    "ans",
    "jahre",
    "jahren",
    "jahrig",
    "jahrige",
    "jahriger",
    "anni",
    "jaar",
    "birthday",
    "cumpleanos",
    "anniversaire",
    "aniversario",
    "geburtstag",
    "compleanno",
];

/// Words before an age: "aged 95", "at 95", "turned 95", "edad de 95".
const BEFORE: [&str; 10] = [
    "aged", "age", "at", "turned", "turns", "turning", "edad", "alter", "idade", "agee",
];

/// Words before a year of birth: "born in 1931", "née en 1931",
/// "b. 1931", "geboren 1931".
pub(super) const BORN: [&str; 11] = [
    "born", "b", "nacio", "nacida", "nacido", "nee", "ne", "geboren", "nascida", "nascido",
    "nasceu",
];

/// Ordinal endings between an age and "birthday" ("95th").
const ORDINAL_ENDINGS: [&str; 5] = ["st", "nd", "rd", "th", "o"];

impl Guard {
    /// Ages over 89 and the years of birth they come from, on a page that
    /// names their patient (`named`: the name patterns found).
    pub(super) fn scan_ages(
        &self,
        s: &Stream,
        named: &[usize],
        hit: &mut impl FnMut(u32, What, &str, u32),
    ) {
        if self.ages.is_empty() {
            return;
        }
        let mut i = 0;
        while i < s.toks.len() {
            let Some((value, len)) = number(s, i) else {
                i += 1;
                continue;
            };
            let end = i + len - 1;
            let as_age = self
                .ages
                .get(&value)
                .filter(|_| age_words(s, i, end, Forms::Loose));
            let as_year = self
                .birth_years
                .get(&value)
                .filter(|_| s.toks[i].digits && born_before(s, i));
            for plan in as_age.into_iter().chain(as_year).flatten() {
                if self.names_plan(named, *plan) {
                    hit(*plan, What::Age, &value.to_string(), s.toks[i].line);
                }
            }
            i = end + 1;
        }
    }
}

/// Tokens at most between a birthday and the age turned on it ("our
/// golfer turned 71 last week, on July 2nd").
const BIRTHDAY_GAP: usize = 10;

impl Guard {
    /// Is the birthday (day and month) at token `tok` said, in its
    /// sentence, with the age `plan`'s patient turns on it ("turned 71 on
    /// July 2nd", "her 71st birthday, 2 July")? Then day, month and age
    /// give the birth date, whoever the page names. The age must be said
    /// as one (`Forms::Stated`): "on July 2nd we did 71 squats" is none.
    pub(super) fn birthday_aged(&self, s: &Stream, tok: usize, plan: u32) -> bool {
        let Some(ages) = self.birthday_ages.get(&plan) else {
            return false;
        };
        let sentence_breaks =
            |t: &super::super::fold::Tok| t.block || matches!(t.sep, Sep::Hard | Sep::Dot);
        let mut from = tok;
        while from > 0 && tok - from < BIRTHDAY_GAP && !sentence_breaks(&s.toks[from]) {
            from -= 1;
        }
        let mut to = tok;
        while to + 1 < s.toks.len() && to - tok < BIRTHDAY_GAP && !sentence_breaks(&s.toks[to + 1])
        {
            to += 1;
        }
        (from..=to).any(|i| {
            number(s, i).is_some_and(|(v, len)| {
                ages.contains(&v) && age_words(s, i, i + len - 1, Forms::Stated)
            })
        })
    }
}

/// Which ways of writing an age count.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(in crate::stages::privacy) enum Forms {
    /// Every way ("at 95", "Rosie M., 95,"): for a patient's own age,
    /// where the number is already known to be it.
    Loose,
    /// Only an age said as one ("95 years old", "aged 95", "turned 95",
    /// not "over 90 years old"): for any number, where "at 90 degrees" and
    /// a score in brackets are far more common than an age.
    Stated,
}

/// Words before an age that make it a bound, not an age: "over 90 years
/// old", "more than 90 years".
const BOUNDS: [&str; 4] = ["over", "than", "above", "under"];

/// Units after a number that make it no age: "turned 90 degrees", "aged
/// 90 days".
const UNITS: [&str; 33] = [
    "degrees", "degree", "deg", "grados", "degres", "percent", "pct", "lb", "lbs", "pounds", "kg",
    "minutes", "min", "mins", "seconds", "sec", "secs", "reps", "steps", "feet", "ft", "meters",
    "metres", "cm", "points", "pts", "bpm", "km", "miles", "laps", "days", "weeks", "hours",
];

/// The number token `i` starts (digits, or words: "ninety-five") and the
/// tokens it takes.
pub(in crate::stages::privacy) fn number(s: &Stream, i: usize) -> Option<(u32, usize)> {
    let t = &s.toks[i];
    if t.digits {
        let w = s.tok(i);
        return (w.len() <= 4)
            .then(|| w.parse().ok().map(|v| (v, 1)))
            .flatten();
    }
    spelt_number(s, i)
}

/// Is the number at `i..=end` written as an age: with an age word before
/// or after it ("aged 95", "95 years", "95th birthday", "95 y/o"), or
/// (`Forms::Loose`) after "at" or set off after a name as newspapers write
/// an age ("Rosie M., 95, walks", "Rosie M. (95)")?
pub(in crate::stages::privacy) fn age_words(
    s: &Stream,
    i: usize,
    end: usize,
    forms: Forms,
) -> bool {
    let word = |j: usize| (j < s.toks.len() && s.toks[j].sep != Sep::Hard).then(|| s.tok(j));
    let before = (i > 0 && s.toks[i].sep != Sep::Hard).then(|| s.tok(i - 1));
    if forms == Forms::Stated
        && (before.is_some_and(|w| BOUNDS.contains(&w))
            || word(end + 1).is_some_and(|w| UNITS.contains(&w)))
    {
        return false;
    }
    if before.is_some_and(|w| BEFORE.contains(&w) && (forms == Forms::Loose || w != "at")) {
        return true;
    }
    let mut j = end + 1;
    if word(j).is_some_and(|w| ORDINAL_ENDINGS.contains(&w)) && s.toks[j].sep == Sep::Join {
        j += 1;
    }
    if word(j).is_some_and(|w| AFTER.contains(&w)) {
        return true;
    }
    // "95 y/o", "95 y.o."
    if word(j) == Some("y") && word(j + 1) == Some("o") {
        return true;
    }
    forms == Forms::Loose && set_off(s, i, end)
}

/// Is the number at `i..=end` set off by commas or brackets after a word
/// ("…, 95, …", "… (95)"), and not one of a list of numbers?
fn set_off(s: &Stream, i: usize, end: usize) -> bool {
    let opens = |sep: Sep| matches!(sep, Sep::Comma | Sep::Other);
    let closes = |sep: Sep| matches!(sep, Sep::Comma | Sep::Other | Sep::Dot);
    let after = s.toks.get(end + 1);
    i > 0
        && !s.toks[i - 1].digits
        && opens(s.toks[i].sep)
        && after.is_none_or(|t| closes(t.sep) && !t.digits)
}

/// Is a word of birth one of the three tokens before `i` ("born in 1931",
/// "b. 1931", "nació en el año 1931")?
fn born_before(s: &Stream, i: usize) -> bool {
    (i.saturating_sub(3)..i)
        .any(|j| BORN.contains(&s.tok(j)) && s.toks[j + 1..=i].iter().all(|t| t.sep != Sep::Hard))
}

/// The ages over 89 that name a patient born on `birth`, on `today`: their
/// age, and their age a year before (a story may have been written then).
pub fn ages_over_89(birth: Date, today: Date) -> Vec<u32> {
    let age = birth.years_until(today);
    [age - 1, age]
        .into_iter()
        .filter(|a| *a >= 90)
        .filter_map(|a| u32::try_from(a).ok())
        .collect()
}

/// The ages a patient born on `birth` turns on their birthdays of the
/// year before `today`'s, `today`'s year and the next (a page tells of the
/// last birthday or the coming one, and may have been written a year
/// ago): with its day and month, each gives the birth date away.
pub fn birthday_ages(birth: Date, today: Date) -> Vec<u32> {
    let years = i64::from(today.year()) - i64::from(birth.year());
    [years - 1, years, years + 1]
        .into_iter()
        .filter(|a| *a > 0)
        .filter_map(|a| u32::try_from(a).ok())
        .collect()
}
