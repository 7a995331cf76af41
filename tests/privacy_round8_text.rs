//! Privacy red team, round 8: what a person types about a patient that the
//! guard did not read, each driven through the real binary (a clean
//! clinic builds, then the leak is added and the build must fail on the
//! guard, leave `public/` untouched and not print the identifier), beside
//! clean pages that show the new rules do not cry wolf: a birthday with
//! the age turned on it, initials after their year of birth or apart from
//! it, footnote marks inside a name, and a name the plan writes with two
//! letters for an umlaut or a ring (Mueller) written with the letter
//! (Müller).

mod common;
use common::probes::*;
use common::*;

/// Walter Kaminski, born 1950-06-30 (initials W. K.).
const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30";
/// Edith Pryce, born 1955-07-02: on the test's day (2026-11-26) she is 71;
/// she turned 70 in 2025 and turns 72 in 2027.
const EDITH: &str = "name: Edith Pryce\nbirth_date: 1955-07-02";
/// Names the plans write with two letters for ü, ö, å, æ.
const HANS: &str = "name: Hans Mueller\nbirth_date: 1961-03-05";
const KARL: &str = "name: Karl Schroeder\nbirth_date: 1962-04-06";
const LISE: &str = "name: Lise Kjaergaard\nbirth_date: 1963-05-07";
const OLE: &str = "name: Ole Aalund\nbirth_date: 1964-06-08";
const GUNTER: &str = "name: Guenter Huebner\nbirth_date: 1965-07-09";
/// Short names whose one-letter forms are words: "rose", "tows".
const ROESE: &str = "name: Greta Roese\nbirth_date: 1966-08-10";
const TOEWS: &str = "name: Dora Toews\nbirth_date: 1967-09-11";
/// "ue" after q or g is no umlaut.
const ENRIQUEZ: &str = "name: Pablo Enriquez\nbirth_date: 1968-10-12";

/// The clean clinic: every plan above and a harmless page.
fn base(c: &Clinic) {
    let all = [
        WALTER, EDITH, HANS, KARL, LISE, OLE, GUNTER, ROESE, TOEWS, ENRIQUEZ,
    ];
    patients_clinic(c, &all);
}

fn assert_leaks(probes: &[(&str, &str)], secrets: &[&str]) {
    assert_leaks_over(&base, probes, secrets);
}

fn assert_clean(files: &[(&str, &str)], shows: &[&str]) {
    assert_clean_over(&base, files, shows);
}

// ---------------------------------------------------------------------------
// A birthday with the age turned on it
// ---------------------------------------------------------------------------

/// Day and month with the age the patient turns on that day (this year's
/// birthday, last year's or the next) give the birth date, on a page that
/// names nobody, in the usual spellings of the day and of the age.
#[test]
fn a_birthday_with_its_age_is_the_birth_date() {
    let news = |t: &str| page(t);
    assert_leaks(
        &[
            (
                "content/pages/news.md",
                &news("Our golfer turned 71 on July 2nd."),
            ),
            (
                "content/pages/news.md",
                &news("Happy 71st birthday on 2 July to our golfer!"),
            ),
            (
                "content/pages/news.md",
                &news("On the 2nd of July our member turned seventy-one."),
            ),
            (
                "content/pages/news.md",
                &news("Last year she turned 70 on 2 July, with cake."),
            ),
            (
                "content/pages/news.md",
                &news("Coming up: she turns 72 on July 2."),
            ),
            ("static/notes.txt", "7/2: our swimmer, 71 years young"),
            (
                "content/pages/news.md",
                &news("El 2 de julio cumplió 71 años."),
            ),
        ],
        &["Pryce", "Edith"],
    );
}

/// An age without the patient's birthday, a birthday without their age,
/// and a number that is no age stay clean.
#[test]
fn an_age_or_a_day_alone_names_nobody() {
    assert_clean(
        &[(
            "content/pages/news.md",
            &page(
                "He turned 71 on July 3rd.\n\nOn July 2nd we did 71 squats.\n\nShe turned 73 on July 2nd.\n\nOur golfer turned 71 last week.\n\nOn July 2nd the pool reopened.",
            ),
        )],
        &["71 squats", "pool reopened"],
    );
}

// ---------------------------------------------------------------------------
// Initials with the year of birth, either side and apart
// ---------------------------------------------------------------------------

/// The patient's initials after their year of birth, or before it with a
/// word of birth between, name them as "WK 1950" does.
#[test]
fn initials_after_or_apart_from_the_year_of_birth() {
    assert_leaks(
        &[
            ("static/list.txt", "1950 WK"),
            ("static/list.txt", "class of 1950: W.K."),
            ("static/list.txt", "1950 W K"),
            (
                "content/pages/news.md",
                &page("WK, born 1950, walks again."),
            ),
            ("content/pages/news.md", &page("W. K., b. 1950, is back.")),
            ("content/pages/news.md", &page("WK (born in 1950) is back.")),
            ("static/list.txt", "W.K. (1950)"),
        ],
        &["Kaminski", "Walter"],
    );
}

/// The error says what it found: initials with a year, not "a given name
/// with their family name's initial".
#[test]
fn initials_with_the_year_have_their_own_message() {
    let leak = |c: &Clinic| write_bytes(c, "static/list.txt", b"1950 WK");
    let (out, _) = leak_build(&base, &leak, &["build"]).expect("baseline builds");
    let err = stderr(&out);
    assert!(
        err.contains("the patient's initials with their year of birth"),
        "{err}"
    );
    assert!(!err.contains("given name with"), "{err}");
}

/// Two letters before or after another year, a year's abbreviation, and
/// capitals that start the next sentence are no initials.
#[test]
fn letters_next_to_a_year_that_are_no_initials_are_clean() {
    assert_clean(
        &[(
            "content/pages/news.md",
            &page(
                "Since 1950 US clinics have changed. The method dates from 1950 AD in our story.\n\nWe opened in 1950. WK Sports sponsors us.\n\nWK 1951 and 1951 WK are another pair.\n\nBorn in 1950, we grew.",
            ),
        )],
        &["WK Sports", "1951 WK"],
    );
}

// ---------------------------------------------------------------------------
// Footnote marks inside a name
// ---------------------------------------------------------------------------

/// A footnote mark in brackets between two letters is skipped by a reader
/// and leaves the name whole.
#[test]
fn footnote_marks_inside_a_name() {
    assert_leaks(
        &[
            ("static/refs.txt", "Thanks to Kamin[1]ski"),
            ("static/refs.txt", "Thanks to Kamin(1)ski"),
            ("content/pages/news.md", &page("Thanks to Kamin[^2]ski.")),
            ("static/refs.txt", "Thanks to Kamin(*)ski"),
            ("static/refs.txt", "Thanks to Mu[12]eller"),
        ],
        &["Kaminski", "Mueller"],
    );
}

/// Footnotes after words, numbered steps and function calls stay as they
/// are.
#[test]
fn footnotes_between_words_are_clean() {
    assert_clean(
        &[(
            "content/pages/news.md",
            &page("Walking helps[1] and rest (2) too. Step (1) then f(x) and Ref.[3] apply."),
        )],
        &["Walking helps"],
    );
}

// ---------------------------------------------------------------------------
// A name the plan writes with two letters, written with the one letter
// ---------------------------------------------------------------------------

/// Mueller is Müller, Kjaergaard is Kjærgård, Aalund is Ålund: a page that
/// writes the letter names the patient whose plan writes the two.
#[test]
fn two_letters_in_the_plan_one_letter_on_the_page() {
    assert_leaks(
        &[
            ("content/pages/news.md", &page("Thanks to Herr Müller.")),
            ("static/team.txt", "Schröder"),
            ("static/team.txt", "Kjærgård"),
            ("static/team.txt", "Lise Kjaergård"),
            ("static/team.txt", "Ålund"),
            ("static/team.txt", "Hübner"),
            ("static/team.txt", "MÜLLER"),
            ("static/team.txt", "Greta Röse"),
            ("static/team.txt", "Dora Töws"),
        ],
        &["Mueller", "Schroeder", "Kjaergaard", "Aalund", "Huebner"],
    );
}

/// Words that a short name's one-letter form happens to be ("rose",
/// "tows"), and "ue" that is no umlaut, stay clean.
#[test]
fn one_letter_forms_that_are_words_are_clean() {
    assert_clean(
        &[(
            "content/pages/news.md",
            &page("A rose garden; the truck tows a trailer. Enriqz is no name; Huber is another."),
        )],
        &["rose garden"],
    );
}
