//! The items a date is read from: each token of a folded stream read as
//! a number (digits, Roman numerals, numbers in words), a month (a month
//! name, a Roman month between numbers, a month given by its number after
//! the word "month": "the 6th month", "month six") or any other word,
//! which breaks a date; fillers ("the", "of", "day") dropped.

use super::*;

/// The word "month", after which (or after an ordinal before it) a number
/// is a month: English, German, Spanish and Portuguese, French, Italian,
/// Dutch.
const MONTH_WORDS: [&str; 7] = ["month", "monat", "monats", "mes", "mois", "mese", "maand"];

/// The word "year" before a year's four digits: "year 1950, month 6".
const YEAR_WORDS: [&str; 7] = ["year", "jahr", "jahres", "ano", "annee", "anno", "jaar"];

/// Words between a date's parts, beside [`FILLERS`], that are no month of
/// any language: "am 30. Tag des 6. Monats", "il giorno 30", "du sixième
/// mois", Latvian "1950. gada 30. jūnijs" (of the year).
const MORE_FILLERS: [&str; 6] = ["tag", "giorno", "dag", "des", "du", "gada"];

/// The first letters of [`MONTH_WORDS`], [`YEAR_WORDS`] and
/// [`MORE_FILLERS`], as bits (`1 << (letter & 31)`): most words of a page
/// are ruled out by their first letter.
const STARTS: u32 = 1 << (b'm' & 31)
    | 1 << (b'y' & 31)
    | 1 << (b'j' & 31)
    | 1 << (b'a' & 31)
    | 1 << (b't' & 31)
    | 1 << (b'g' & 31)
    | 1 << (b'd' & 31);

/// The month the number item just before token `at` (the word "month")
/// is, where that number is written as an ordinal: "6th month", "sixth
/// month", "sixième mois", "6. Monat". A bare "6 month" is a span of time.
fn numbered_month(s: &Stream, at: usize, out: &[(Item, Sep, usize)]) -> Option<i8> {
    let (Item::Num { v, len: 1..=2 }, _, tn) = *out.last()? else {
        return None;
    };
    if !(1..=12).contains(&v) {
        return None;
    }
    let ordinal = if s.toks[tn].digits {
        tn + 2 == at && s.toks[tn + 1].sep == Sep::Join && ORDINALS.contains(&s.tok(tn + 1))
            || tn + 1 == at && s.toks[at].sep == Sep::Dot
    } else {
        tn + 1 == at && spelt::read(s, tn, &|_| false).is_some_and(|n| n.len == 1 && n.strong)
    };
    ordinal.then_some(v as i8)
}

/// Words that say "of" between a day and its month: "the 30th of the
/// 6th", "el 30 del 6", "le 30 du 6".
const OF_WORDS: [&str; 6] = ["of", "de", "del", "du", "des", "d"];

/// Is the number at tokens `at..=end` (1 to 12) the month of the day just
/// before it, both given as ordinals with "of" between and a year after:
/// "30th of the 6th, 1950", "the thirtieth of the sixth, '50"? Without
/// the year, or written as a plain count ("the 6th of 10 sessions"), it is
/// none.
fn ordinal_of_day(s: &Stream, at: usize, end: usize, out: &[(Item, Sep, usize)]) -> bool {
    let Some(&(
        Item::Num {
            v: 1..=31,
            len: 1..=2,
        },
        _,
        ta,
    )) = out.last()
    else {
        return false;
    };
    let suffix = |t: usize| {
        s.toks.get(t).is_some_and(|x| x.sep == Sep::Join)
            && ORDINALS.contains(&s.tok(t))
            && s.toks[t - 1].digits
    };
    let ordinal = |first: usize, last: usize| {
        if s.toks[first].digits {
            suffix(last + 1)
        } else {
            spelt::read(s, first, &|_| false).is_some_and(|n| n.len == 1 && n.strong)
        }
    };
    let mut of = false;
    for t in ta + 1..at {
        let w = s.tok(t);
        of |= OF_WORDS.contains(&w);
        if !(t == ta + 1 && suffix(t) || OF_WORDS.contains(&w) || w == "the" || w == "el") {
            return false;
        }
    }
    if !of || !ordinal(ta, ta) || !ordinal(at, end) {
        return false;
    }
    // The year after it, fillers between: ", 1950", " '50", "in 1950".
    let mut k = end + 1 + usize::from(s.toks[at].digits && suffix(end + 1));
    while k < s.toks.len() && FILLERS.contains(&s.tok(k)) {
        k += 1;
    }
    s.toks.get(k).is_some_and(|t| {
        t.digits && (t.end - t.start == 4 || t.end - t.start == 2 && t.sep == Sep::Apostrophe)
    })
}

/// A month abbreviation that is an English word in an English phrase:
/// "out" (Portuguese "outubro") in "5 out of 10", a score a story or a
/// measure's unit writes all the time; "may" (May, in lower case as no
/// English date writes it) in "you may do 25 squats", where "do" would
/// otherwise be skipped as the filler of "3 do mês". No date is written
/// "out of" or "may do".
fn english_idiom(s: &Stream, i: usize) -> bool {
    let next_is = |w: &str| i + 1 < s.toks.len() && s.tok(i + 1) == w;
    match s.tok(i) {
        "out" => next_is("of"),
        "may" => !s.toks[i].upper && next_is("do"),
        _ => false,
    }
}

/// Is a year (four digits) the token before `i`, or one of the two after
/// ("14 mar 1968", "mar 14, 1968", "1968 mar 14")?
fn year_near(s: &Stream, i: usize) -> bool {
    let year = |j: usize| {
        s.toks
            .get(j)
            .is_some_and(|t| t.digits && t.end - t.start == 4)
    };
    (i > 0 && year(i - 1)) || year(i + 1) || year(i + 2)
}

/// Numbers and month names with their separator and token index; fillers,
/// ordinal endings and the `T` of a date-time dropped; numbers spelt out
/// in words read as numbers (see [`spelt`]).
pub(super) fn items(
    s: &Stream,
    months: &Months,
    named: &dyn Fn(usize) -> bool,
) -> Vec<(Item, Sep, usize)> {
    let mut out: Vec<(Item, Sep, usize)> = Vec::new();
    // Items that are a lone number word ("fourteen"): a day only next to
    // a month.
    let mut weak = Vec::new();
    let mut skipped = false;
    // The word "month" came just before: a number (1 to 12) is a month.
    let mut month_next = false;
    // Items that are a month by its number: a month only in a date with
    // its year ("In month 3, 12 walked" is no date).
    let mut numbered_months = Vec::new();
    let is_month = |w: &str| months.get(w).is_some();
    // A Roman numeral a date's day or year may be: a day written with a
    // capital ("XXX", not the "i" or "mix" of a sentence), a year of birth
    // or of a visit in four letters or more ("MCML", "MMXXVI").
    let roman_at = |j: usize| {
        // Asked thrice a word: a short one in lower case is passed first.
        let t = s.toks.get(j).filter(|t| !t.digits)?;
        let t = Some(t).filter(|t| t.upper || s.tok(j).len() >= 4)?;
        let v = roman_value(s.tok(j))?;
        let day = t.upper && (2..=31).contains(&v);
        let year = (1850..=2100).contains(&v) && s.tok(j).len() >= 4;
        (day || year).then_some(v)
    };
    let number_at = |j: usize| s.toks.get(j).is_some_and(|n| n.digits) || roman_at(j).is_some();
    let roman_month_at = |j: usize| s.toks.get(j).is_some() && ROMAN.contains(&s.tok(j));
    let mut i = 0;
    while i < s.toks.len() {
        let t = &s.toks[i];
        let w = s.tok(i);
        // A dropped word leaves a space ("2026年12月3日"), and what was
        // written after it (the `'` of "14th '68").
        let sep = if skipped && t.sep == Sep::Join {
            Sep::Space
        } else {
            t.sep
        };
        skipped = false;
        let numbered = std::mem::take(&mut month_next);
        let at = i;
        i += 1;
        if t.digits {
            if w.len() <= 8 {
                let v: u32 = w.parse().unwrap_or(u32::MAX);
                let item = match v {
                    1..=12 if numbered || ordinal_of_day(s, at, at, &out) => {
                        numbered_months.push(out.len());
                        Item::Month(v as i8)
                    }
                    _ => Item::Num { v, len: w.len() },
                };
                out.push((item, sep, at));
            }
            continue;
        }
        let after_number = at > 0 && s.toks[at - 1].digits && t.sep == Sep::Join;
        if (after_number && (ORDINALS.contains(&w) || w == "t" || KOREAN.contains(&w)))
            || FILLERS.contains(&w)
        {
            skipped = true;
            continue;
        }
        if let Some(m) = month(s, at, months).filter(|_| !named(at)) {
            out.push((Item::Month(m), sep, at));
            continue;
        }
        // A month by its number: "the 6th month", "month six", "6. Monat".
        // The words below start with one of these letters.
        let first = w.as_bytes().first().map_or(0, |b| 1u32 << (b & 31));
        if first & STARTS != 0 && MONTH_WORDS.contains(&w) {
            if let Some(m) = numbered_month(s, at, &out) {
                let k = out.len() - 1;
                out[k].0 = Item::Month(m);
                weak.retain(|j| *j != k);
                numbered_months.push(k);
                skipped = true;
                continue;
            }
            let month_number = |n: u32| (1..=12).contains(&n);
            let next = s.toks.get(at + 1);
            if next.is_some_and(|n| n.digits)
                || next.is_some()
                    && spelt::read(s, at + 1, &is_month).is_some_and(|n| month_number(n.value))
            {
                month_next = true;
                skipped = true;
                continue;
            }
        }
        // "day 30 of month 6, year 1950", "am 30. Tag des 6. Monats".
        let year_follows = || {
            s.toks
                .get(at + 1)
                .is_some_and(|n| n.digits && n.end - n.start == 4)
        };
        // Lithuanian writes "m." (metų, of the year) after the year: "1950
        // m. birželio 30 d.".
        let year_before =
            at > 0 && s.toks[at - 1].digits && s.toks[at - 1].end - s.toks[at - 1].start == 4;
        let metu = w == "m" && year_before && s.toks.get(at + 1).is_some_and(|n| n.sep == Sep::Dot);
        if metu
            || first & STARTS != 0
                && (MORE_FILLERS.contains(&w) || YEAR_WORDS.contains(&w) && year_follows())
        {
            skipped = true;
            continue;
        }
        // Between numbers by punctuation ("12/IV/1968"), or by spaces on
        // both sides ("14 III 1968", "1968 III 14"): a lone "Part II" or
        // "Henry VI" has no number after it.
        let spaced = t.sep == Sep::Space && number_at(at + 1) && s.toks[at + 1].sep == Sep::Space;
        let between_numbers = at > 0
            && number_at(at - 1)
            && (matches!(t.sep, Sep::Slash | Sep::Dot | Sep::Dash) || spaced);
        if let Some(m) = ROMAN
            .iter()
            .position(|r| *r == w)
            .filter(|_| between_numbers)
        {
            out.push((Item::Month(m as i8 + 1), sep, at));
            continue;
        }
        // A day or year in Roman numerals ("XXX.VI.MCML", "30 June MCML").
        let month_near = || {
            at + 1 < s.toks.len() && month(s, at + 1, months).is_some()
                || roman_month_at(at + 1) && number_at(at + 2)
                || matches!(out.last(), Some((Item::Month(_), _, _)))
        };
        if let Some(v) = roman_at(at).filter(|v| *v >= 1000 || (2..=31).contains(v) && month_near())
        {
            out.push((
                Item::Num {
                    v,
                    len: if v >= 1000 { 4 } else { 2 },
                },
                sep,
                at,
            ));
            continue;
        }
        if let Some(n) = spelt::read(s, at, &is_month) {
            let month_number = (1..=12).contains(&n.value);
            if month_number && (numbered || ordinal_of_day(s, at, at + n.len - 1, &out)) {
                numbered_months.push(out.len());
                out.push((Item::Month(n.value as i8), sep, at));
                i = at + n.len;
                continue;
            }
            // "one" is hardly ever a day ("one March morning").
            if !n.strong && n.value == 1 {
                out.push((Item::Word, sep, at));
            } else {
                if !n.strong {
                    weak.push(out.len());
                }
                let len = n.value.checked_ilog10().map_or(1, |l| l as usize + 1);
                out.push((Item::Num { v: n.value, len }, sep, at));
            }
            i = at + n.len;
            continue;
        }
        // Anything else breaks the date.
        out.push((Item::Word, sep, at));
    }
    for k in numbered_months {
        // A year of four digits, or of two after an apostrophe ("'50").
        let year = |j: usize| {
            matches!(
                out.get(j),
                Some(
                    (Item::Num { len: 4, .. }, _, _)
                        | (Item::Num { len: 2, .. }, Sep::Apostrophe, _)
                )
            )
        };
        if !(k.saturating_sub(2)..=k + 2).any(|j| j != k && year(j)) {
            out[k].0 = Item::Word;
        }
    }
    for k in weak {
        let month_at = |j: usize, sep_of: usize| {
            matches!(out.get(j), Some((Item::Month(_), _, _)))
                && out
                    .get(sep_of)
                    .is_some_and(|(_, sep, _)| *sep == Sep::Space)
        };
        if !(k > 0 && month_at(k - 1, k) || month_at(k + 1, k + 1)) {
            out[k].0 = Item::Word;
        }
    }
    out
}

/// The month token `i` names, if it does.
fn month(s: &Stream, i: usize, months: &Months) -> Option<i8> {
    let (w, t) = (s.tok(i), &s.toks[i]);
    let capital = || {
        CAPITAL_MONTHS
            .iter()
            .find(|(c, _)| *c == w && (t.upper || year_near(s, i)))
            .map(|(_, m)| *m)
    };
    // Another language's short word ("Des", "Haz", "cze"): between a
    // day and a year only ("30 Des 1950", "Des 30, 1950").
    let short = || {
        let day = |j: usize| {
            s.toks
                .get(j)
                .is_some_and(|t| t.digits && t.end - t.start <= 2)
        };
        // Most words have no number beside them: ruled out before hashing.
        ((i > 0 && day(i - 1) || day(i + 1)) && year_near(s, i))
            .then(|| months.short_month(w))
            .flatten()
    };
    // Hebrew writes "in" on the month: "30 ביוני 1950" (CLDR's own form).
    let hebrew_in = || {
        w.strip_prefix('\u{5d1}')
            .filter(|_| w.len() >= 8)
            .filter(|rest| rest.chars().count() >= 3)
            .and_then(|rest| months.get(rest))
    };
    months
        .get(w)
        .filter(|_| !english_idiom(s, i))
        .or_else(capital)
        .or_else(short)
        .or_else(hebrew_in)
}

#[cfg(test)]
mod tests {
    use super::super::{Found, Months, find};
    use crate::base::date::Date;
    use crate::stages::privacy::fold::Stream;

    fn dates(s: &str) -> Vec<Found> {
        find(&Stream::of(s), &Months::new(std::iter::empty()))
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    #[test]
    fn a_month_by_its_number_with_a_year() {
        let want = Found::Full(Date::parse("1950-06-30").expect("date"));
        for s in [
            "the 30th day of the 6th month, 1950",
            "the thirtieth day of the sixth month of 1950",
            "day thirty of month six, 1950",
            "1950, month 6, day 30",
            "year 1950, month six, day thirty",
            "am 30. Tag des 6. Monats 1950",
            "le trentième jour du sixième mois de 1950",
            "el día 30 del mes 6 de 1950",
        ] {
            assert!(dates(s).contains(&want), "{s}: {:?}", dates(s));
        }
    }

    #[test]
    fn a_month_by_its_number_without_a_year_or_ordinal_is_none() {
        for s in [
            "in month 3, 12 walked",
            "our 6 month program, 30 people",
            "the 3rd of the month",
            "every month",
            "month",
            "next month six",
        ] {
            let months: Vec<Found> = dates(s)
                .into_iter()
                .filter(|f| !matches!(f, Found::Code(_)))
                .collect();
            assert!(months.is_empty(), "{s}: {months:?}");
        }
    }
}
