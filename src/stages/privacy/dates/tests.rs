//! Unit tests of [`super`].

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
    for s in [
        "12 Apr 68.",
        "April 12 68",
        "Apr. 12, 68, in Dover",
        "born 12 April 68 in Dover",
        "68-04-12",
        "DOB 12APR68",
        "12apr68",
    ] {
        assert!(dates(s).contains(&want), "{s}: {:?}", dates(s));
    }
    // Inside a longer word (a code, a hash), it is no date.
    for s in ["a12apr68", "12apr68f", "x-a12apr68", "0x12apr68"] {
        assert!(!dates(s).contains(&want), "{s}: {:?}", dates(s));
    }
    assert!(!dates("on 12 April 68 runners came").contains(&want));
    assert!(dates("we walked 3 miles in 2026").is_empty());
    assert!(!dates("3 sets of 10, 1968").contains(&want));
}

#[test]
fn partial_dates() {
    assert!(dates("December 3 at 10:30").contains(&Found::MonthDay(12, 3)));
    assert!(dates("the 2nd of July").contains(&Found::MonthDay(7, 2)));
    assert!(dates("born in July 1955").contains(&Found::MonthYear(1955, 7)));
    assert!(dates("born in July '55").contains(&Found::MonthYear(1955, 7)));
    assert!(dates("born in July ’05").contains(&Found::MonthYear(2005, 7)));
    assert!(!dates("July 2, 2020").contains(&Found::MonthDay(7, 2)));
    assert!(dates("am 3.12. wieder").contains(&Found::MonthDay(3, 12)));
    assert!(dates("lifts 3.12 kg").is_empty());
    // Day first, where the first number cannot be a month.
    assert!(dates("birthday 14/03!").contains(&Found::MonthDay(3, 14)));
    assert!(dates("birthday (22/1)").contains(&Found::MonthDay(1, 22)));
    assert!(dates("am 14.03. wieder").contains(&Found::MonthDay(3, 14)));
    assert!(dates("scored 14/20").is_empty());
    assert!(dates("14/32").is_empty());
}

#[test]
fn cldr_months_catch_every_word_the_hand_list_caught() {
    let now = Months::new(std::iter::empty());
    let map: std::collections::HashMap<&str, i8> = now.entries().collect();
    let mut lost = Vec::new();
    for (word, month) in super::before::map() {
        if map.get(word.as_str()) != Some(&month) {
            let got = map.get(word.as_str()).copied();
            lost.push((word, month, got));
        }
    }
    lost.sort();
    assert!(lost.is_empty(), "words the guard no longer reads: {lost:?}");
}

#[test]
fn month_names_of_more_languages_from_cldr() {
    for (s, want) in [
        ("3 января 1968", full("1968-01-03")),
        ("3 stycznia 1968", full("1968-01-03")),
        ("3 mrt 1968", full("1968-03-03")),
        ("3 listopada 1968", full("1968-11-03")),
        ("3 сент. 1968", full("1968-09-03")),
        ("3 de out. de 1968", full("1968-10-03")),
        ("3 Setyembre 1968", full("1968-09-03")),
    ] {
        assert!(dates(s).contains(&want), "{s}: {:?}", dates(s));
    }
}

#[test]
fn cldr_long_dates_are_read_back_in_every_language() {
    // A handout's dates are written by CLDR; should one reach a public
    // file, the guard must read it as the full date in any language.
    let d = Date::parse("2026-11-20").expect("date");
    let months = Months::new(std::iter::empty());
    for lang in crate::base::cldr::GUARD_LANGUAGES {
        let s = crate::base::cldr::Rules::new(lang).long_date(d);
        let found: Vec<Found> = find(&Stream::of(&s), &months)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert!(found.contains(&Found::Full(d)), "{lang}: {s:?} {found:?}");
    }
}

/// "out" is October in Portuguese ("5 out. 1968", "5 de out"), and an
/// English word in a score ("5 out of 50", a measure's unit on a story):
/// the score is no date, the Portuguese dates still are.
#[test]
fn a_score_out_of_a_maximum_is_no_date_but_portuguese_october_is() {
    for s in [
        "21 out of 50 → 5 out of 50",
        "pain 5 out of 10",
        "out of 5, 10",
    ] {
        let found = dates(s);
        assert!(
            !found
                .iter()
                .any(|f| matches!(f, Found::Full(_) | Found::MonthDay(..))),
            "{s}: {found:?}"
        );
    }
    assert!(dates("5 de out. de 1968").contains(&full("1968-10-05")));
    assert!(dates("5 out 1968").contains(&full("1968-10-05")));
    assert!(!dates("5 de out").is_empty(), "{:?}", dates("5 de out"));
}

/// A date never runs across segments: "3" ending one field and "Mei"
/// (a given name, and May in Dutch) starting the next are not "3 mei";
/// in one segment they are.
#[test]
fn a_date_never_joins_two_segments() {
    use crate::stages::privacy::extract::{Segment, Strength};
    let seg = |text: &str, line| Segment {
        text: text.to_string(),
        line,
        strength: Strength::Text,
    };
    let two = Stream::build(&[seg("back to dancing 3/", 4), seg("Mei and the road", 5)]);
    let months = Months::new(std::iter::empty());
    assert!(find(&two, &months).is_empty(), "{:?}", find(&two, &months));
    let one = Stream::of("back to dancing 3 mei");
    assert!(!find(&one, &months).is_empty());
}

#[test]
fn days_and_years_spelt_out_in_words() {
    let want = full("1968-03-14");
    for s in [
        "March fourteenth, nineteen sixty-eight",
        "the fourteenth of March, nineteen sixty-eight",
        "March 14, nineteen sixty-eight",
        "March fourteen, 1968",
        "fourteen March 1968",
        "March Fourteenth, Nineteen Sixty-Eight",
        "the 14th of March nineteen hundred and sixty-eight",
        "catorce de marzo de mil novecientos sesenta y ocho",
        "14 de março de mil novecentos e sessenta e oito",
        "le quatorze mars mil neuf cent soixante-huit",
        "the Fourteenth Day of March, 1968",
        "March 14, in 1968",
        "el día 14 de marzo de 1968",
    ] {
        assert!(dates(s).contains(&want), "{s}: {:?}", dates(s));
    }
    let cases = [
        ("September thirtieth, nineteen eighty-two", "1982-09-30"),
        (
            "the thirty-first of May, two thousand and ten",
            "2010-05-31",
        ),
        ("May twenty-second, twenty ten", "2010-05-22"),
        ("January 5, nineteen oh five", "1905-01-05"),
        (
            "veintidós de enero de mil novecientos setenta y cuatro",
            "1974-01-22",
        ),
        ("le dix-sept avril deux mille", "2000-04-17"),
        ("treinta y uno de diciembre de dos mil veinte", "2020-12-31"),
    ];
    for (s, day) in cases {
        assert!(dates(s).contains(&full(day)), "{s}: {:?}", dates(s));
    }
    // Partial dates in words.
    assert!(dates("born in March nineteen sixty-eight").contains(&Found::MonthYear(1968, 3)));
    assert!(dates("her birthday, the fourteenth of March").contains(&Found::MonthDay(3, 14)));
    // A lone number word is a day only right next to a month.
    assert!(dates("In March, twenty people came").is_empty());
    assert!(dates("one March morning").is_empty());
    assert!(dates("Two thousand steps a day since May").is_empty());
    assert!(dates("nineteen sixty-minute classes").is_empty());
}

#[test]
fn a_two_digit_year_after_an_apostrophe_ends_a_numeric_date() {
    for s in ["3/14/'68", "3-14-'68", "14.3.'68", "3/14/’68"] {
        assert!(
            dates(s).contains(&full("1968-03-14")),
            "{s}: {:?}",
            dates(s)
        );
    }
}

#[test]
fn six_digits_are_a_date_only_after_a_birth_word() {
    let want = full("1968-04-12");
    for s in ["DOB 120468", "born 041268", "date of birth: 680412"] {
        assert!(dates(s).contains(&want), "{s}: {:?}", dates(s));
    }
    for s in ["order 120468", "120468", "born in 1968, ticket 120468"] {
        assert!(!dates(s).contains(&want), "{s}: {:?}", dates(s));
    }
}

#[test]
fn a_four_digit_year_date_takes_any_one_mark_twice() {
    let want = full("1968-04-12");
    for s in [
        "1968:04:12 10:00:00",
        "IMG_1968_04_12.jpg",
        "1968|04|12",
        "12_04_1968",
        "04:12:1968",
        "1968*04*12",
    ] {
        assert!(dates(s).contains(&want), "{s}: {:?}", dates(s));
    }
    // Two different marks, or a two-digit year with colons (a time), are
    // not read as this date.
    assert!(!dates("1968:04_12").contains(&want));
    assert!(!dates("at 12:04:68").contains(&want));
    assert!(!dates("10:04:12").contains(&full("2010-04-12")));
}

fn code(s: &str) -> Found {
    Found::Code(Date::parse(s).expect("date"))
}

#[test]
fn dates_written_as_numbers() {
    // Eight digits, ISO week and ordinal dates, midnight UTC: full dates.
    for (s, want) in [
        ("19680409", "1968-04-09"),
        ("09041968", "1968-04-09"),
        ("1968-W15-2", "1968-04-09"),
        ("1968W152", "1968-04-09"),
        ("1950-W26-5", "1950-06-30"),
        ("1968-100", "1968-04-09"),
        ("1950-181", "1950-06-30"),
        ("-615600000", "1950-06-30"),
        ("-615600000000", "1950-06-30"),
        ("-54604800000", "1968-04-09"),
        ("1700006400", "2023-11-15"),
    ] {
        assert!(dates(s).contains(&full(want)), "{s}: {:?}", dates(s));
    }
    // Six and seven digits, a time zone's midnight: only codes.
    for (s, want) in [
        ("680409", "1968-04-09"),
        ("090468", "1968-04-09"),
        ("040968", "1968-04-09"),
        ("1968100", "1968-04-09"),
        ("-615582000", "1950-06-30"),
    ] {
        let found = dates(s);
        assert!(found.contains(&code(want)), "{s}: {found:?}");
        assert!(!found.contains(&full(want)), "{s}: {found:?}");
    }
    // After a birth word, six digits are a date.
    assert!(dates("DOB 090468").contains(&full("1968-04-09")));
    // Inside a word, a week without its day, a longer run, a duration.
    for s in [
        "a680409",
        "680409px",
        "1968-W15",
        "1968-100-22",
        "86400000",
        "31536000",
    ] {
        assert!(
            !dates(s).iter().any(|f| matches!(f, Found::Full(_))),
            "{s}: {:?}",
            dates(s)
        );
    }
    assert!(dates("a680409").is_empty(), "{:?}", dates("a680409"));
}

#[test]
fn a_year_apart_from_its_day_in_one_sentence() {
    let want = full("1968-04-09");
    for s in [
        "born in 1968, on the 9th of April",
        "In 1968 she was born on 9 April.",
        "April the 9th, in the year 1968",
        "the 9th day of April in the year of our Lord 1968",
        "in the year of our Lord 1968, on April 9",
    ] {
        assert!(dates(s).contains(&want), "{s}: {:?}", dates(s));
    }
    for s in [
        "The clinic opened in 1968. On April 9 we celebrate.",
        "On April 9 we served 1968 meals",
        "In 1968 the town, and many more people than ever came in April 9",
    ] {
        assert!(!dates(s).contains(&want), "{s}: {:?}", dates(s));
    }
}

#[test]
fn a_day_apart_from_its_month_and_year_or_a_month_by_its_ordinal() {
    let want = full("1950-06-30");
    for s in [
        "born in the sixth month of 1950, on the thirtieth",
        "in June of 1950 — the 30th, to be exact",
        "in 1950, in June, on the 30th he was born",
        "June '50 (the 30th)",
        "30th of the 6th, 1950",
        "the 30th of the 6th month, '50",
        "30 Haz 1950",
        "Des 30, 1950 · 30 cze 1950",
        "1950 m. birželio 30 d.",
    ] {
        assert!(dates(s).contains(&want), "{s}: {:?}", dates(s));
    }
    assert!(dates("Des 30, 1950").contains(&full("1950-12-30")));
    for s in [
        "in June 1950 our founder opened the 30th clinic",
        "June 1950: 30 people came",
        "the 30th of the 6th round, 1950 edition",
        "June 1950. The 30th was a holiday",
        "Des Moines 30 1950s",
    ] {
        let found: Vec<Found> = dates(s)
            .into_iter()
            .filter(|f| matches!(f, Found::Full(_)))
            .collect();
        assert!(found.is_empty(), "{s}: {found:?}");
    }
}
