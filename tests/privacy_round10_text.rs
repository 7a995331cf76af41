//! Privacy red team, round 10: what a person types about a patient that
//! the guard did not read, each driven through the real binary (a clean
//! clinic builds, then the leak is added and the build must fail on the
//! guard, leave `public/` untouched and not print the identifier), beside
//! clean pages that show the new rules do not cry wolf: a phone typed with
//! letters that look like digits ("5SS-O1Z3") or read out in German,
//! Italian or Dutch, a birth date whose month is given by its number
//! ("the 6th month", "month six"), and dates in Italian and Dutch number
//! words ("trenta giugno millenovecentocinquanta", "dertig juni
//! negentienvijftig").

mod common;
use common::probes::*;
use common::*;

/// Walter Kaminski, born 1950-06-30, phone (302) 555-0123.
const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30\nphone: \"(302) 555-0123\"";
/// Rosa Hernandez, born 1968-04-12, phone (212) 555-0169: a 6 and a 9,
/// which a G may stand for.
const ROSA: &str = "name: Rosa Hernandez\nbirth_date: 1968-04-12\nphone: \"(212) 555-0169\"";
/// Ines Moreau, born 1971-11-03, phone (415) 555-0847.
const INES: &str = "name: Ines Moreau\nbirth_date: 1971-11-03\nphone: \"(415) 555-0847\"";

/// The clean clinic: every plan above and a harmless page.
fn base(c: &Clinic) {
    patients_clinic(c, &[WALTER, ROSA, INES]);
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
    "Moreau",
    "5550123",
    "5550169",
    "5550847",
];

// ---------------------------------------------------------------------------
// Phones typed with letters, or read out in more languages
// ---------------------------------------------------------------------------

/// Letters that look like digits (S 5, Z 2, E 3, A 4, G 6 or 9, T 7, B 8,
/// q 9, beside O, l and I), in a number or as a whole group of it.
#[test]
fn a_phone_typed_with_letters_that_look_like_digits() {
    assert_leaks_on_pages(
        &[
            "Call him at 302-5SS-O1Z3.",
            "Call him at (3O2) SSS-O12E.",
            "Call him at 3O2.555.O1ZE.",
            "Reach her at 2I2-555-OI6q.",
            "Reach her at ZIZ 555 O16G.",
            "Reach her at 2l2-SSS-0lG9.",
            "Ines: 4I5 555 O8AT.",
            "Ines: (AlS) 5S5-0B47.",
        ],
        &SECRETS,
    );
}

/// A number read out digit by digit in German, Italian or Dutch, or with
/// "then" and "and" between its groups.
#[test]
fn a_phone_read_out_in_more_languages_or_with_words_between_groups() {
    assert_leaks_on_pages(
        &[
            "Ruf an: drei null zwei, fünf fünf fünf, null eins zwei drei.",
            "Chiama tre zero due, cinque cinque cinque, zero uno due tre.",
            "Bel drie nul twee, vijf vijf vijf, nul een twee drie.",
            "Call three zero two, then five five five, then zero one two three.",
            "Dial four one five and five five five and zero eight four seven.",
            "Chiamala: quattro uno cinque, cinque cinque cinque, zero otto quattro sette.",
        ],
        &SECRETS,
    );
}

/// The clinic's own number, opening hours, doses, addresses and codes
/// with letters beside digits, and number words in prose, stay clean.
#[test]
fn letters_and_number_words_beside_digits_that_are_no_patient_phone_are_clean() {
    assert_clean_pages(
        &[news(
            "Call us at (555) 555-0100. Open 8 to 5, Mon to Sat. We are at 12 East St, suite 4a, Be there at 10 am; 3 sets of 10, 2 to 3 times a day.\n\nDo 10 reps, then 5 more and rest 30 s. Room B12, code A7-ZE3. Tre serie da dieci, poi cinque. Drie keer per dag, twee sets. Zwei Sätze, dann drei.",
        )],
        &["(555) 555-0100", "Room B12", "Drie keer"],
    );
}

// ---------------------------------------------------------------------------
// A month by its number
// ---------------------------------------------------------------------------

/// "The 6th month", "the sixth month", "month six", "6. Monats",
/// "sixième mois", "mes 6": the month of a date with its year.
#[test]
fn a_birth_date_whose_month_is_given_by_its_number() {
    assert_leaks_on_pages(
        &[
            "Born on the 30th day of the 6th month, 1950.",
            "Born the thirtieth day of the sixth month of 1950.",
            "Born on day thirty of month six, 1950.",
            "Born 1950, month 6, day 30.",
            "Born in year 1950, month six, day thirty.",
            "Walter was born in month 6 of 1950, on day 30.",
            "Geboren am 30. Tag des 6. Monats 1950.",
            "Né le trentième jour du sixième mois de 1950.",
            "Nacido el día 30 del mes 6 de 1950.",
            "Born on the 12th day of the 4th month of 1968.",
            "Born 1971, month 11, day 3.",
        ],
        &SECRETS,
    );
}

/// A span of months ("our 6 month program"), a month by its number
/// without a year beside it ("in month 3, 12 walked") and "the 3rd of the
/// month" stay clean, on a page that names the patients too.
#[test]
fn months_counted_or_numbered_without_a_year_are_clean() {
    assert_clean_pages(
        &[
            news(
                "Walter, Rosa and Ines are back. Our 6 month program ran in 1950; 30 people joined. In month 3, 12 walked. In month 6, 30 of them walked. Month 4: 12 sessions. Every month 11 people join, on the 3rd of the month. Year 2026 was good; day 30 was fun. Le 3 du mois, 12 patients. Am 3. Tag des Kurses kamen 12 Leute.",
            ),
            // A text that ends in the word "month" (the guard once read past
            // its last word there).
            ("static/notes.txt", "Walter: see you next month".to_string()),
        ],
        &["6 month program", "Every month 11", "see you next month"],
    );
}

// ---------------------------------------------------------------------------
// Italian and Dutch numbers in words
// ---------------------------------------------------------------------------

/// The day or year in Italian or Dutch words, in one word or two.
#[test]
fn a_birth_date_in_italian_or_dutch_number_words() {
    assert_leaks_on_pages(
        &[
            "Nato il trenta giugno millenovecentocinquanta.",
            "Nato il 30 giugno millenovecentocinquanta.",
            "Nato il trenta giugno 1950.",
            "Nata il dodici aprile millenovecentosessantotto.",
            "Nata il tre novembre millenovecentosettantuno.",
            "Geboren op dertig juni negentienvijftig.",
            "Geboren op 30 juni negentien vijftig.",
            "Geboren op de dertigste juni negentienhonderdvijftig.",
            "Geboren op twaalf april negentienachtenzestig.",
            "Geboren op drie november negentieneenenzeventig.",
        ],
        &SECRETS,
    );
}

/// Italian and Dutch prose with numbers in words, dates of the clinic
/// and words that start like numbers stays clean.
#[test]
fn italian_and_dutch_prose_with_numbers_is_clean() {
    assert_clean_pages(
        &[news(
            "Il centro apre il 3 giugno 2026; trenta minuti di esercizi, sette giorni su sette. Otto persone, dieci sedute, tre volte al giorno.\n\nOp 12 juni 2026 zijn we open; dertig minuten, acht mensen, een uur, drie keer per week. Elf juni was leuk. Trend, otters, centres, de derde helft, de tiende keer.",
        )],
        &["Il centro apre", "Elf juni was leuk"],
    );
}
