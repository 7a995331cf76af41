//! Privacy red team, round 11: what a person types about a patient that
//! the guard did not read, each driven through the real binary (a clean
//! clinic builds, then the leak is added and the build must fail on the
//! guard, leave `public/` untouched and not print the identifier), beside
//! clean pages that show the new rules do not cry wolf: a birth day split
//! from its month and year by a clause ("born in June of 1950 — the 30th,
//! to be exact"), a month given only as an ordinal after the day ("30th of
//! the 6th, 1950"), a family name written backwards alone ("Iksnimak"),
//! initials beside a two-digit birth year ("W.K. b. '50"), month words of
//! more languages ("3 Des 1971", "30 Haz 1950", "3 Desemba 1971") and a
//! phone typed only with letters that look like digits ("SSS-OIZE").

mod common;
use common::probes::*;
use common::*;

/// Walter Kaminski, born 1950-06-30, phone (302) 555-0123.
const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30\nphone: \"(302) 555-0123\"";
/// Rosa Hernandez, born 1968-04-12, phone (212) 555-0169.
const ROSA: &str = "name: Rosa Hernandez\nbirth_date: 1968-04-12\nphone: \"(212) 555-0169\"";
/// Dewi Santoso, born 1971-12-03 (a December, for "Des"), phone (415)
/// 555-0847.
const DEWI: &str = "name: Dewi Santoso\nbirth_date: 1971-12-03\nphone: \"(415) 555-0847\"";

/// The clean clinic: every plan above and a harmless page.
fn base(c: &Clinic) {
    patients_clinic(c, &[WALTER, ROSA, DEWI]);
}

fn news(body: &str) -> (&'static str, String) {
    news_page(body)
}

fn assert_clean_pages(files: &[(&str, String)], shows: &[&str]) {
    assert_clean_pages_over(&base, files, shows);
}

fn assert_leaks_on_pages(bodies: &[&str], secrets: &[&str]) {
    assert_leaks_on_pages_over(&base, bodies, secrets);
}

const SECRETS: [&str; 6] = [
    "Kaminski",
    "Hernandez",
    "Santoso",
    "5550123",
    "5550169",
    "5550847",
];

// ---------------------------------------------------------------------------
// A day apart from its month and year
// ---------------------------------------------------------------------------

/// The month and year together, the day a clause away in the same
/// sentence (after a dash, a semicolon, a bracket or a comma and a few
/// words), or before them; written as a day is (an ordinal, or "day 30").
#[test]
fn a_birth_day_split_from_its_month_and_year_by_a_clause() {
    assert_leaks_on_pages(
        &[
            "Born in the sixth month of 1950, on the thirtieth.",
            "Born in June of 1950 — the 30th, to be exact.",
            "He was born in June of 1950; the 30th, I think.",
            "Born in 1950, in June, on the 30th.",
            "Born in June 1950 (the 30th).",
            "Born in June of 1950, on day 30.",
            "In June of 1950, on the 30th, Walter was born.",
            "In 1950, in June, on the 30th he was born.",
            "On the 30th — June of 1950 — he came into the world.",
            "He arrived in June '50, on the 30th.",
            "Nacido en junio de 1950, el día 30.",
            "Born in April of 1968, the twelfth, as it happens.",
            "Born in the year 1971, in December; the 3rd, to be precise.",
        ],
        &SECRETS,
    );
}

/// "The 30th of the 6th": the month as an ordinal after the day, with
/// the year after it.
#[test]
fn a_month_given_only_as_an_ordinal_after_the_day() {
    assert_leaks_on_pages(
        &[
            "Born 30th of the 6th, 1950.",
            "Born the 30th of the 6th month, '50.",
            "Born 30th of the 6th, '50.",
            "Born the thirtieth of the sixth, 1950.",
            "Born the 12th of the 4th, 1968.",
            "Born on the 3rd of the 12th, '71.",
        ],
        &SECRETS,
    );
}

/// Ordinals, counts and years in ordinary prose, next to the patients'
/// own birth years, months and days, stay clean: an ordinal that counts
/// something ("the 30th clinic"), a cardinal after a month and year ("30
/// people"), an ordinal "of" a count ("the 6th of 10 sessions"), a
/// sentence's end between them.
#[test]
fn ordinals_and_years_in_ordinary_prose_are_clean() {
    assert_clean_pages(
        &[news(
            "The 6th of 10 sessions was styled in 1950s decor. Our June 1950 photo shows the 30th team we coached. Back in June 1950, 30 people came; on the 30th floor we train now. In April 1968 our founder opened the 12th clinic in town. The 30th of the 6th round, 1950 edition, was fun. In June 1950 we began. The 30th was a holiday. December 1971 saw our 3rd move.",
        )],
        &["The 6th of 10 sessions", "the 30th team", "the 12th clinic"],
    );
}

// ---------------------------------------------------------------------------
// A family name backwards
// ---------------------------------------------------------------------------

/// The family name written backwards, alone, with a title or with the
/// given name.
#[test]
fn a_family_name_written_backwards_alone() {
    assert_leaks_on_pages(
        &[
            "Iksnimak is back on the court.",
            "Say hi to Mr. Iksnimak.",
            "Zednanreh walks again.",
            "OSOTNAS: back at work.",
            "Walter Iksnimak is back.",
        ],
        &SECRETS,
    );
}

/// A short family name backwards is a word too often ("Reed" is "deer"):
/// it stays prose.
#[test]
fn a_short_family_name_backwards_is_a_word() {
    let reed = "name: Anna Reed\nbirth_date: 1966-02-14\nphone: \"(302) 555-0177\"";
    let base = |c: &Clinic| patients_clinic(c, &[WALTER, reed]);
    let page = news("We saw a deer on the trail. Walter walks.");
    assert_clean_over(&base, &[(page.0, page.1.as_str())], &["We saw a deer"]);
}

// ---------------------------------------------------------------------------
// Initials with a two-digit year
// ---------------------------------------------------------------------------

/// Initials beside the year of birth in two digits: after "b." and an
/// apostrophe, after "born" or "DOB".
#[test]
fn initials_with_a_two_digit_birth_year() {
    assert_leaks_on_pages(
        &[
            "W.K. b. '50",
            "W. K. (b. '50)",
            "W.K., b. 50",
            "WK (DOB '50)",
            "R.H., b. '68, is back.",
            "DS (born '71) is back.",
        ],
        &SECRETS,
    );
}

/// Two letters beside a number that is no birth year stay clean.
#[test]
fn initials_beside_a_number_that_is_no_birth_year_are_clean() {
    assert_clean_pages(
        &[news(
            "Team WK scored 50 points. Unit RH, room 68. DS 71 is our bus line. Since '50 we care.",
        )],
        &["Team WK scored 50", "DS 71"],
    );
}

// ---------------------------------------------------------------------------
// Month words of more languages
// ---------------------------------------------------------------------------

/// Indonesian, Malay, Swahili, Lithuanian, Hebrew and Turkish and Polish
/// abbreviations: names from CLDR the guard did not know, and three-letter
/// abbreviations between a day and a year.
#[test]
fn month_words_of_more_languages() {
    assert_leaks_on_pages(
        &[
            "Lahir 3 Des 1971.",
            "Lahir Des 3, 1971.",
            "Lahir 3 Desember 1971 di Jakarta.",
            "Dilahirkan 3 Disember 1971.",
            "Alizaliwa tarehe 3 Desemba 1971.",
            "Doğum: 30 Haz 1950.",
            "Urodzony 30 cze 1950.",
            "Gimė 1950 m. birželio 30 d.",
            "נולד ב-30 ביוני 1950.",
            "Nacque il 12 Aprili 1968.",
        ],
        &SECRETS,
    );
}

/// Those three-letter words are everyday words elsewhere: without a day
/// and a year beside them, they stay prose.
#[test]
fn short_month_words_without_a_day_and_year_are_clean() {
    assert_clean_pages(
        &[news(
            "Dewi is back. Des Moines had 3 of us. Mac 3 apps, 1971 style. Sie haz 12 cosas. Cze 30!",
        )],
        &["Des Moines had 3"],
    );
}

// ---------------------------------------------------------------------------
// A phone typed with letters only
// ---------------------------------------------------------------------------

/// Every digit typed as a letter that looks like it, in capitals, in
/// groups.
#[test]
fn a_phone_typed_only_with_letters_that_look_like_digits() {
    assert_leaks_on_pages(
        &[
            "Call him at SSS-OIZE.",
            "Call him at EOZ SSS OIZE.",
            "Reach her at SSS.OIGq.",
            "Dewi: AIS-SSS-OBAT.",
        ],
        &SECRETS,
    );
}

/// Words in capitals made of those letters that are no patient's number
/// stay clean.
#[test]
fn words_in_capitals_that_look_like_digits_are_clean() {
    assert_clean_pages(
        &[news(
            "SEA TO SEA. BIG TOES, LOST SOLE. GOAL: SIT TO STAND. TEAL BOAT SALE.",
        )],
        &["TEAL BOAT SALE"],
    );
}
