//! Privacy red team, round 9: what a careless or creative person types
//! about a patient that the guard did not read, each driven through the
//! real binary (a clean clinic builds, then the leak is added and the
//! build must fail on the guard, leave `public/` untouched and not print
//! the identifier), beside clean pages that show the new rules do not cry
//! wolf: a birth date wholly in Roman numerals or with a German or French
//! ordinal (and a German year in one word), a family name with its
//! article apart and misspelt ("Omar al-Rasheed"), the spellings of a
//! Mac-name (McDonald, MacDonald, M'Donald), and a long family name
//! misspelt alone on a page that names the patient.

mod common;
use common::probes::*;
use common::*;

/// Walter Kaminski, born 1950-06-30.
const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30";
/// Rosa Hernandez, born 1968-04-12.
const ROSA: &str = "name: Rosa Hernandez\nbirth_date: 1968-04-12";
/// A family name with its Arabic article.
const OMAR: &str = "name: Omar al-Rashid\nbirth_date: 1961-03-05";
const KHALID: &str = "name: Khalid el-Amrani\nbirth_date: 1962-04-06";
/// Scottish and Irish "son of" names.
const ANGUS: &str = "name: Angus McDonald\nbirth_date: 1963-05-07";
const FIONA: &str = "name: Fiona MacKenzie\nbirth_date: 1964-06-08";
/// Long family names with letters a keyboard lacks.
const LECH: &str = "name: Lech Wałęsa\nbirth_date: 1965-07-09";
const GRETA: &str = "name: Greta Großmann\nbirth_date: 1966-08-10";
const KLAUS: &str = "name: Klaus Schmidt\nbirth_date: 1967-09-11";
/// A family name one letter from everyday words (walked, walkers).
const DOT: &str = "name: Dorothy Walker\nbirth_date: 1969-10-13";

/// The clean clinic: every plan above and a harmless page.
fn base(c: &Clinic) {
    let all = [
        WALTER, ROSA, OMAR, KHALID, ANGUS, FIONA, LECH, GRETA, KLAUS, DOT,
    ];
    patients_clinic(c, &all);
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

// ---------------------------------------------------------------------------
// Birth dates in Roman numerals and in one-word numbers
// ---------------------------------------------------------------------------

/// Day, month and year all in Roman numerals, or the day or the year in
/// them beside a month name: the date as an engraving writes it.
#[test]
fn a_birth_date_in_roman_numerals() {
    assert_leaks_on_pages(
        &[
            "Born XXX.VI.MCML, still swimming.",
            "Born XXX VI MCML.",
            "Born XXX/VI/MCML.",
            "MCML-VI-XXX is the day it all began.",
            "Born 30 June MCML.",
            "Born June 30, MCML.",
            "Born XXX June 1950.",
            "Born XII.IV.MCMLXVIII.",
            "Born XII April MCMLXVIII.",
        ],
        &["1950", "1968", "Kaminski", "Hernandez"],
    );
}

/// A German ordinal day ("am dreißigsten Juni"), a German year in one
/// word ("neunzehnhundertfünfzig") and a French ordinal day ("le
/// trentième jour de juin") are the day and year they say.
#[test]
fn a_birth_date_with_german_or_french_number_words() {
    assert_leaks_on_pages(
        &[
            "Geboren am dreißigsten Juni 1950.",
            "Geboren am 30. Juni neunzehnhundertfünfzig.",
            "Geboren am dreißigsten Juni neunzehnhundertfünfzig.",
            "Geboren am zwölften April 1968.",
            "Sie kam am zwölften April neunzehnhundertachtundsechzig zur Welt.",
            "Né le trentième jour de juin 1950.",
            "Née le douzième jour d'avril mille neuf cent soixante-huit.",
        ],
        &["1950", "1968", "Kaminski", "Hernandez"],
    );
}

/// Roman numerals in titles, chapters and a sentence's "I", and German
/// verbs that look like ordinals, stay clean next to months and years.
#[test]
fn roman_numerals_and_german_words_that_are_no_dates_are_clean() {
    assert_clean_pages(
        &[news(
            "Henry VI 1950 edition. Part II, June 1950. In June 1950 I moved. We sold DVDs in June 1950. Achten Sie am 3. Juni auf die Hitze. Elf June 1950 was a film. Chapter XXX: April 12 we open. Am ersten Mai 1968 war Feiertag.",
        )],
        &["Henry VI", "Achten Sie"],
    );
}

// ---------------------------------------------------------------------------
// Family names with an article or a prefix
// ---------------------------------------------------------------------------

/// An Arabic family name with its article apart and spelt as it sounds
/// ("Rasheed" for Rashid), after the given name or a title.
#[test]
fn a_family_name_with_its_article_spelt_otherwise() {
    assert_leaks_on_pages(
        &[
            "We thank Omar al-Rasheed.",
            "We thank Omar al Rasheed.",
            "We thank Mr. Al Rasheed.",
            "We thank Mrs. al-Rasheed.",
            "Khalid el-Amrany walks again.",
            "Mr. El Amrany walks again.",
        ],
        &["Rashid", "Amrani", "Omar", "Khalid"],
    );
}

/// McDonald, MacDonald, Mac Donald and M'Donald are one name, whichever
/// the plan writes.
#[test]
fn the_spellings_of_a_mac_name() {
    assert_leaks_on_pages(
        &[
            "Thanks to MacDonald for coming.",
            "Thanks to M'Donald for coming.",
            "Angus Mac Donald is back.",
            "We thank Mr. M’Donald.",
            "Thanks to McKenzie for coming.",
            "Fiona Mc Kenzie is back.",
            "Thanks to M'Kenzie for coming.",
        ],
        &["Donald", "Kenzie", "Angus", "Fiona"],
    );
}

// ---------------------------------------------------------------------------
// A long family name misspelt, alone
// ---------------------------------------------------------------------------

/// A word one letter from a family name of seven letters or more (or
/// spelt without the letters a keyboard lacks), written as a name, on a
/// page that names the same patient otherwise (the given name, the
/// display name), is the family name.
#[test]
fn a_long_family_name_misspelt_alone_on_a_page_that_names_the_patient() {
    assert_leaks_on_pages(
        &[
            "Walter is back. Thanks to Kaminsky for the photos.",
            "Lech told us: Walensa is a name people misspell.",
            "Greta came back. Grosmann family, thank you!",
            "Klaus says hello. The Schmit family thanks you.",
            "Rosa walks again. Hernandes is her pride.",
        ],
        &["Kaminski", "Wałęsa", "Großmann", "Schmidt", "Hernandez"],
    );
}

/// The same words on a page that names nobody, a six-letter family name's
/// neighbour (Walked) on a page that names its patient, and a
/// misspelling in lower case stay clean.
#[test]
fn near_family_names_without_the_patient_are_clean() {
    assert_clean_pages(
        &[
            news("Thanks to Kaminsky for the photos. Schmit and Grosmann helped too."),
            (
                "content/pages/about.md",
                page(
                    "Dorothy is back. Walked every day! Walking helps.\n\nWalter is back; kaminsky is not a word here.",
                ),
            ),
        ],
        &["Kaminsky", "Walked every day"],
    );
}
