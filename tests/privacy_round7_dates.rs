//! Privacy red team, round 7: a patient's birth date written in forms the
//! guard did not read (date codes, ISO week and ordinal dates, dates padded
//! with words, Unix timestamps, a year apart from its birthday), each driven
//! through the real binary (a clean clinic builds, then the leak is added
//! and the build must fail on the guard, leave `public/` untouched and not
//! print the date), and clean pages that show the new rules do not cry
//! wolf (colours, order numbers, other dates, scores, years alone).

mod common;
use common::probes::*;
use common::*;

/// Walter Kaminski, born 1950-06-30 (a Friday: ISO 1950-W26-5, day 181 of
/// the year, Unix time -615600000).
const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30\nphone: \"(302) 555-0177\"";
/// Rosa Delgado, born 1968-04-09: day and month both ≤ 12, so either order
/// reads as a date (ISO 1968-W15-2, day 100, Unix time -54604800).
const ROSA: &str = "name: Rosa Delgado\nbirth_date: 1968-04-09\nphone: \"(302) 555-0148\"";

/// The clean clinic: Walter's and Rosa's plans and a harmless page.
fn base(c: &Clinic) {
    patients_clinic(c, &[WALTER, ROSA]);
}

/// [`assert_leaks_over`] the clean clinic [`base`].
fn assert_leaks(probes: &[(&str, &str)], secrets: &[&str]) {
    assert_leaks_over(&base, probes, secrets);
}

/// The clean clinic with each `(file, text)` added builds, and `shows` is
/// on the public site.
fn assert_clean(files: &[(&str, &str)], shows: &[&str]) {
    assert_clean_over(&base, files, shows);
}

// ---------------------------------------------------------------------------
// Six- and eight-digit date codes
// ---------------------------------------------------------------------------

/// `500630`, `300650`, `063050` (YYMMDD, DDMMYY, MMDDYY) were a date only
/// after a birth word ("DOB 300650"); next to the patient's name (here
/// their given name alone, which is no leak by itself) they are their
/// birth date. Eight digits (`19680409`, `09041968`) read anywhere.
#[test]
fn six_digit_code_next_to_the_name_is_the_birth_date() {
    assert_leaks(
        &[
            ("static/ref.txt", "Walter: ref 500630"),
            ("static/ref.txt", "Walter / 300650"),
            ("static/ref.txt", "Walter 063050"),
            ("content/pages/news.md", &page("Rosa (680409) is back.")),
            ("static/ref.csv", "name,code\nRosa,090468\n"),
            ("static/ref.txt", "Rosa 040968"),
            ("static/ref.txt", "file 19680409"),
            ("static/ref.txt", "file 09041968 and 04091968"),
        ],
        &["680409", "090468", "040968", "500630", "300650"],
    );
}

/// Six digits with nobody named, or a colour, or another number next to a
/// name, are no date.
#[test]
fn six_digit_numbers_that_are_no_birth_date_are_clean() {
    assert_clean(
        &[
            (
                "static/orders.txt",
                "Order 500630 shipped; order 680409 too.",
            ),
            (
                "content/pages/news.md",
                &page("Walter ran 500631 steps this year; Rosa has ticket 680410."),
            ),
            (
                "static/site.css",
                ".card { color: #500630; background: #680409; }",
            ),
        ],
        &["Order 500630", "ticket 680410"],
    );
}

// ---------------------------------------------------------------------------
// ISO week and ordinal dates
// ---------------------------------------------------------------------------

/// ISO 8601's week date (`1950-W26-5`, `1950W265`) and ordinal date
/// (`1968-100`; `1968100` next to the name) of a birth date.
#[test]
fn iso_week_and_ordinal_dates_are_the_birth_date() {
    assert_leaks(
        &[
            ("static/d.txt", "week 1950-W26-5"),
            ("static/d.txt", "1950W265"),
            ("static/d.txt", "1968-W15-2"),
            ("static/d.txt", "1968w152"),
            ("static/d.txt", "day 1950-181"),
            ("static/d.txt", "1968-100"),
            ("static/d.txt", "Rosa 1968100"),
        ],
        &["1968", "1950"],
    );
}

/// Other weeks and days of the year, a week without its day, and a range
/// are clean.
#[test]
fn other_iso_weeks_and_ordinals_are_clean() {
    assert_clean(
        &[(
            "content/pages/news.md",
            &page("Walter trained in 2026-W10-3 and 1950-W26, on day 1968-101. Call 1968100."),
        )],
        &["2026-W10-3"],
    );
}

// ---------------------------------------------------------------------------
// A birth date padded with words
// ---------------------------------------------------------------------------

/// "the 30th day of June in the year 1950" and its cousins: the words
/// between the parts carry nothing.
#[test]
fn birth_date_padded_with_words() {
    assert_leaks(
        &[
            ("static/d.txt", "the 30th day of June in the year 1950"),
            ("static/d.txt", "on this 30th day of June, 1950"),
            ("static/d.txt", "June the 30th, in 1950"),
            ("static/d.txt", "30 June of 1950"),
            ("static/d.txt", "in the year of our Lord 1950, on June 30"),
            (
                "static/d.txt",
                "the 9th day of April in the year of our Lord 1968",
            ),
            ("static/d.txt", "April the 9th, in the year 1968"),
            ("static/d.txt", "on the ninth of April of the year 1968"),
        ],
        &["1950", "1968"],
    );
}

// ---------------------------------------------------------------------------
// Unix timestamps and machine date-times
// ---------------------------------------------------------------------------

/// A birth date as a Unix timestamp (seconds or milliseconds, negative
/// before 1970) at midnight UTC counts anywhere; at a time zone's midnight
/// next to the name. ISO date-times and RFC 2822 dates were caught.
#[test]
fn unix_timestamp_of_the_birth_date() {
    assert_leaks(
        &[
            ("static/d.json", "{\"t\": -615600000}"),
            ("static/d.json", "{\"t\": -615600000000}"),
            ("static/d.txt", "dob=-54604800"),
            ("static/d.txt", "t -54604800000"),
            // Midnight in New York (UTC-5), next to the name.
            ("static/d.txt", "Walter -615582000"),
            ("static/d.txt", "1950-06-30T00:00:00Z"),
            ("static/d.txt", "Fri, 30 Jun 1950 00:00:00 +0000"),
        ],
        &["615600000", "54604800", "615582000"],
    );
}

/// Timestamps of other days, a phone number written as one run, a count,
/// a time-zone midnight with nobody named: clean.
#[test]
fn numbers_that_are_no_timestamp_of_a_birth_date_are_clean() {
    assert_clean(
        &[(
            "content/pages/news.md",
            &page(
                "Updated 1700000000. Call 3025550123. We logged 615600001 steps and -615686400 as well. Ref -615582000.",
            ),
        )],
        &["Updated 1700000000"],
    );
}

// ---------------------------------------------------------------------------
// A year apart from its birthday
// ---------------------------------------------------------------------------

/// "born in 1968, on the 9th of April": the year and the day stand apart,
/// a few words between them, in one sentence.
#[test]
fn year_apart_from_its_birthday_in_one_sentence() {
    assert_leaks(
        &[
            ("static/d.txt", "born in 1968, on the 9th of April"),
            ("static/d.txt", "In 1950, on June 30, he was born."),
            ("static/d.txt", "born in 1950 - on the 30th of June"),
            ("static/d.txt", "In 1968 she was born on 9 April."),
            ("static/d.txt", "on April 9 - in 1968 - she was born"),
        ],
        &["1950", "1968"],
    );
}

/// A year and a day in two sentences, or other days, are no birth date.
#[test]
fn years_and_days_apart_that_are_no_birth_date_are_clean() {
    assert_clean(
        &[(
            "content/pages/news.md",
            &page(
                "The clinic opened in 1968. On April 9 we celebrate every year.\n\nIn 1950, on June 29, the town hall was built. Scores: 30/50, 9 of 10.",
            ),
        )],
        &["opened in 1968", "June 29"],
    );
}
