//! Dates as people write them, found in folded text ([`super::fold`]).
//!
//! Safe Harbor counts every element of a date but the year as an
//! identifier, so a birthday without its year or the month of a visit
//! identifies too; those partial dates are [`Found::MonthDay`] and
//! [`Found::MonthYear`], which the guard weighs only on a page that also
//! names the patient.
//!
//! Written forms: ISO dates and date-times, `12/03/2026` both ways round,
//! two-digit years (`4/12/68`), compact `19680412`, month names and their
//! abbreviations in every language of the built-in list and of the theme's
//! string tables ("Sept. 3rd", "3 de diciembre de 2026", "12. April 1968",
//! "2026年12月3日"), ordinals, and weekdays in between.

use super::fold::{Sep, Stream, fold};
use crate::base::date::Date;
use ahash::AHashMap as HashMap;

/// A date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Found {
    /// Day, month and year.
    Full(Date),
    /// Month and day, no year.
    MonthDay(i8, i8),
    /// Year and month, no day.
    MonthYear(i16, i8),
}

/// Month names (folded) and their unambiguous abbreviations.
pub struct Months {
    map: HashMap<String, i8>,
}

/// Month names of the languages heropath knows without a theme: English,
/// Spanish, French, German, Portuguese, Italian, Dutch, Tagalog, Arabic.
const BUILT_IN: [[&str; 12]; 9] = [
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ],
    [
        "januar",
        "februar",
        "marz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    [
        "janeiro",
        "fevereiro",
        "marco",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    [
        "enero",
        "pebrero",
        "marso",
        "abril",
        "mayo",
        "hunyo",
        "hulyo",
        "agosto",
        "setyembre",
        "oktubre",
        "nobyembre",
        "disyembre",
    ],
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
];

/// Month names outside the twelve-name tables: the Levantine and Iraqi
/// Arabic names (one word each; the two-word ones are read by their first
/// word only where it is unambiguous).
const EXTRA: [(&str, i8); 8] = [
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
];

/// Roman numerals as months, between the numbers of a date (12/IV/1968).
const ROMAN: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];

/// Days written as ordinal words ("the twelfth of April").
const ORDINAL_WORDS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// Abbreviations that are everyday words more often than months.
const NOT_MONTHS: [&str; 3] = ["set", "ago", "mar"];

impl Months {
    /// The built-in names plus `extra` (a theme's `months` tables; lists
    /// that do not have twelve names are skipped).
    pub fn new<'a>(extra: impl IntoIterator<Item = &'a [String]>) -> Months {
        let mut names: Vec<(String, i8)> = Vec::new();
        for table in BUILT_IN {
            for (i, n) in table.iter().enumerate() {
                names.push((fold(n), i as i8 + 1));
            }
        }
        for table in extra {
            if table.len() == 12 {
                for (i, n) in table.iter().enumerate() {
                    names.push((fold(n), i as i8 + 1));
                }
            }
        }
        let mut map: HashMap<String, i8> = HashMap::new();
        let mut ambiguous = std::collections::HashSet::new();
        for (name, m) in &names {
            let chars: Vec<char> = name.chars().collect();
            for len in 3.min(chars.len())..=chars.len() {
                let prefix: String = chars[..len].iter().collect();
                if len < chars.len() && NOT_MONTHS.contains(&prefix.as_str()) {
                    continue;
                }
                match map.get(&prefix) {
                    Some(other) if other != m => {
                        ambiguous.insert(prefix);
                    }
                    _ => {
                        map.insert(prefix, *m);
                    }
                }
            }
        }
        // A full name always wins over another month's abbreviation.
        for a in ambiguous {
            map.remove(&a);
        }
        for (name, m) in names {
            map.insert(name, m);
        }
        for (name, m) in EXTRA {
            map.insert(fold(name), m);
        }
        Months { map }
    }

    fn get(&self, w: &str) -> Option<i8> {
        // Month names are 3 to 12 letters (Arabic ones 4 to 6 characters):
        // most words are ruled out without hashing.
        (3..=24)
            .contains(&w.len())
            .then(|| self.map.get(w).copied())
            .flatten()
    }
}

/// Words between the parts of a date that carry nothing: "12 de abril",
/// "the 2nd of July", "2026年12月3日", "ngày 3 tháng 12 năm 2026".
const FILLERS: [&str; 17] = [
    "de", "del", "of", "the", "le", "el", "am", "den", "der", "do", "da", "ngay", "thang", "nam",
    "年", "月", "日",
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
    let items = items(s, months);
    let mut out = Vec::new();
    for i in 0..items.len() {
        let (a, sa, ta) = items[i];
        let b = items.get(i + 1).copied();
        let c = items.get(i + 2).copied();
        let mut full = |y: u32, m: u32, d: u32| {
            if let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d))
                && let Some(date) = Date::new(y, m, d)
            {
                out.push((Found::Full(date), ta));
            }
        };
        if let Item::Num { v, len: 8 } = a {
            full(v / 10000, v / 100 % 100, v % 100);
            full(v % 10000, v / 10000 % 100, v / 1_000_000);
            full(v % 10000, v / 1_000_000, v / 10000 % 100);
        }
        let _ = sa;
        match (a, b, c) {
            (
                Item::Num { v: y, len: 4 },
                Some((Item::Num { v: m, len: 1..=2 }, s1, _)),
                Some((Item::Num { v: d, len: 1..=2 }, s2, _)),
            ) if s1 == s2 && numeric_sep(s1) => full(y, m, d),
            (
                Item::Num { v: x, len: 1..=2 },
                Some((Item::Num { v: y, len: 1..=2 }, s1, _)),
                Some((Item::Num { v: z, len }, s2, _)),
            ) if s1 == s2 && numeric_sep(s1) && (len == 4 || (len == 2 && s1 != Sep::Space)) => {
                for year in if len == 4 {
                    vec![z]
                } else {
                    vec![1900 + z, 2000 + z]
                } {
                    full(year, x, y);
                    full(year, y, x);
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
                Some((Item::Num { v: y, len: 2 }, Sep::Other, _)),
            )
            | (
                Item::Num { v: d, len: 1..=2 },
                Some((Item::Month(m), _, _)),
                Some((
                    Item::Num { v: y, len: 2 },
                    Sep::Dash | Sep::Slash | Sep::Dot | Sep::Other,
                    _,
                )),
            ) => {
                // April 12 '68, 12-Apr-68, 12/IV/68
                full(1900 + y, m as u32, d);
                full(2000 + y, m as u32, d);
            }
            _ => {}
        }
        let dotted_after =
            b.is_some_and(|(_, _, tb)| s.toks.get(tb + 1).is_none_or(|t| t.sep == Sep::Dot));
        out.extend(partial(a, b, c, dotted_after).map(|f| (f, ta)));
    }
    out
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
            let (m, d) = (i8::try_from(x).ok()?, day(y)?);
            (1..=12).contains(&m).then_some(Found::MonthDay(m, d))
        }
        _ => None,
    }
}

fn numeric_sep(s: Sep) -> bool {
    matches!(
        s,
        Sep::Dash | Sep::Slash | Sep::Dot | Sep::Space | Sep::Join
    )
}

/// Numbers and month names with their separator and token index; fillers,
/// ordinal endings and the `T` of a date-time dropped.
fn items(s: &Stream, months: &Months) -> Vec<(Item, Sep, usize)> {
    let mut out: Vec<(Item, Sep, usize)> = Vec::new();
    let mut skipped = false;
    for (i, t) in s.toks.iter().enumerate() {
        let w = s.tok(i);
        let sep = if skipped && t.sep != Sep::Hard {
            Sep::Space
        } else {
            t.sep
        };
        skipped = false;
        if t.digits {
            if w.len() <= 8 {
                let v: u32 = w.parse().unwrap_or(u32::MAX);
                out.push((Item::Num { v, len: w.len() }, sep, i));
            }
            continue;
        }
        let after_number = i > 0 && s.toks[i - 1].digits && t.sep == Sep::Join;
        if (after_number && (ORDINALS.contains(&w) || w == "t" || KOREAN.contains(&w)))
            || FILLERS.contains(&w)
        {
            skipped = true;
            continue;
        }
        if let Some(m) = months.get(w) {
            out.push((Item::Month(m), sep, i));
            continue;
        }
        let between_numbers =
            i > 0 && s.toks[i - 1].digits && matches!(t.sep, Sep::Slash | Sep::Dot | Sep::Dash);
        if let Some(m) = ROMAN
            .iter()
            .position(|r| *r == w)
            .filter(|_| between_numbers)
        {
            out.push((Item::Month(m as i8 + 1), sep, i));
            continue;
        }
        if let Some(d) = ORDINAL_WORDS.iter().position(|o| *o == w) {
            out.push((
                Item::Num {
                    v: d as u32 + 1,
                    len: 2,
                },
                sep,
                i,
            ));
            continue;
        }
        // Anything else breaks the date.
        out.push((Item::Word, sep, i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<Found> {
        find(&Stream::of(s), &Months::new(std::iter::empty()))
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    fn full(s: &str) -> Found {
        Found::Full(Date::parse(s).expect("date"))
    }

    #[test]
    fn full_dates_in_many_spellings() {
        let want = full("1968-04-12");
        for s in [
            "1968-04-12",
            "1968-04-12T08:00:00Z",
            "19680412",
            "04/12/1968",
            "12.04.1968",
            "4/12/68",
            "April 12th, 1968",
            "12th of April 1968",
            "Apr. 12, 1968",
            "Friday, April 12, 1968",
            "12 de abril de 1968",
            "12. April 1968",
            "12 avril 1968",
            "1968年4月12日",
            "1968년 4월 12일",
            "ngày 12 tháng 4 năm 1968",
        ] {
            assert!(dates(s).contains(&want), "{s}: {:?}", dates(s));
        }
        assert!(dates("Sept. 3rd, 2026").contains(&full("2026-09-03")));
        for s in [
            "12/IV/1968",
            "12-Apr-68",
            "the twelfth of April, 1968",
            "12 نيسان 1968",
        ] {
            assert!(dates(s).contains(&want), "{s}: {:?}", dates(s));
        }
        assert!(dates("we walked 3 miles in 2026").is_empty());
        assert!(!dates("3 sets of 10, 1968").contains(&want));
    }

    #[test]
    fn partial_dates() {
        assert!(dates("December 3 at 10:30").contains(&Found::MonthDay(12, 3)));
        assert!(dates("the 2nd of July").contains(&Found::MonthDay(7, 2)));
        assert!(dates("born in July 1955").contains(&Found::MonthYear(1955, 7)));
        assert!(!dates("July 2, 2020").contains(&Found::MonthDay(7, 2)));
        assert!(dates("am 3.12. wieder").contains(&Found::MonthDay(3, 12)));
        assert!(dates("lifts 3.12 kg").is_empty());
    }
}
