//! Privacy red team, round 6: bypasses found and closed in this round,
//! each driven through the real binary (a clean clinic builds, then the
//! leak is added and the build must fail on the guard, leave `public/`
//! untouched and not print the identifier), and clean pages that show the
//! new rules do not cry wolf.

mod common;
use common::probes::*;
use common::*;

/// The patient of every probe: Walter Kaminski, born 1950-06-30.
const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30\nphone: \"(302) 555-0177\"";

/// The clean clinic: Walter's plan and a harmless page.
fn base(c: &Clinic) {
    patients_clinic(c, &[WALTER]);
}

/// [`assert_leaks_over`] the clean clinic [`base`].
fn assert_leaks(probes: &[(&str, &str)], secrets: &[&str]) {
    assert_leaks_over(&base, probes, secrets);
}

/// The clean clinic with `rel` saying `text` builds, and `shows` is on
/// the public site.
fn assert_clean(rel: &str, text: &str, shows: &[&str]) {
    assert_clean_over(&base, &[(rel, text)], shows);
}

// ---------------------------------------------------------------------------
// A Roman-numeral month between numbers written with spaces
// ---------------------------------------------------------------------------

/// `30.VI.1950` and `30/VI/1950` were caught; with spaces (as dates are
/// typed in Poland, Italy or on a gravestone), in lower case, year first
/// or as the Unicode Roman numeral they were not.
#[test]
fn roman_month_between_spaces_is_a_birth_date() {
    assert_leaks(
        &[
            ("static/born.txt", "Born 30 VI 1950"),
            ("static/born.txt", "born 30 vi 1950"),
            ("static/born.txt", "1950 VI 30"),
            ("static/born.txt", "30 \u{2165} 1950"),
            (
                "content/pages/news.md",
                &page("Our founder was born 30 VI 50."),
            ),
        ],
        &["1950"],
    );
}

/// A Roman numeral that is no month: a ruler, a part, a class name
/// (no number on both sides, separated by spaces).
#[test]
fn roman_numeral_without_numbers_round_it_is_no_month() {
    assert_clean(
        "content/pages/news.md",
        &page("Henry VI 1950 edition. Part VI 30 pages. The 30 VI-class rooms were built in 1950."),
        &["Henry VI 1950 edition"],
    );
}

// ---------------------------------------------------------------------------
// Backslash escapes in text files that are not JSON or JavaScript
// ---------------------------------------------------------------------------

/// PyYAML writes "Kamiński" as `"Kami\u0144ski"`; TOML, Python and gettext
/// catalogues write escapes too. Only JSON and JavaScript were decoded.
#[test]
fn backslash_escapes_in_data_files_are_decoded() {
    assert_leaks(
        &[
            (
                "static/data/team.yml",
                "- name: \"Walter Kami\\u0144ski\"\n",
            ),
            ("static/data/team.yaml", "name: \"Kamin\\u0073ki\"\n"),
            ("static/config.toml", "name = \"Kamin\\u0073ki\"\n"),
            ("static/app.py", "n = \"Kamin\\x73ki\"\n"),
            ("static/fr.po", "msgstr \"Kamin\\163ki\"\n"),
        ],
        &["Kaminski"],
    );
}

/// A Windows path's `\t` and `\n`, and an escape that spells no name, are
/// not identifiers.
#[test]
fn text_with_backslashes_and_no_name_is_clean() {
    assert_clean(
        "static/notes.txt",
        "Saved to C:\\temp\\new\\walter-the-dog.txt; the code is \\u0041BC.\n",
        &["C:\\temp\\new"],
    );
}

// ---------------------------------------------------------------------------
// A capital I with an accent
// ---------------------------------------------------------------------------

/// The confusables data reads a capital I as an l, so `KAMÍNSKI`,
/// `KAMİNSKI` (Turkish dotted I) and `KAMÏNSKI` folded to "kamlnski";
/// the same words in lower case, and a capital with any other accent
/// (`KÄMINSKI`), were caught.
#[test]
fn capital_i_with_an_accent_is_an_i() {
    assert_leaks(
        &[
            ("static/team.txt", "KAM\u{CD}NSKI"),
            ("static/team.txt", "KAM\u{130}NSKI"),
            ("static/team.txt", "\u{1E8}\u{C4}M\u{CF}N\u{160}K\u{CF}"),
            (
                "content/pages/news.md",
                &page("Thanks to KAM\u{CE}NSKI for the flowers."),
            ),
        ],
        &["Kaminski"],
    );
}

/// Capitals with accents on a page that names nobody.
#[test]
fn accented_capitals_name_nobody() {
    assert_clean(
        "content/pages/news.md",
        &page("Our team ran in \u{CD}SLAND, \u{CE}LE-DE-FRANCE and \u{130}STANBUL this year."),
        &["STANBUL"],
    );
}

// ---------------------------------------------------------------------------
// A surname inside a CamelCase hashtag
// ---------------------------------------------------------------------------

/// "#KaminskiStrong" and "#TeamKaminski" read as "Kaminski Strong" and
/// "Team Kaminski"; only a given name run into the family name
/// ("#WalterKaminski") was caught.
#[test]
fn surname_in_a_camelcase_hashtag_is_the_surname() {
    assert_leaks(
        &[
            ("static/social.txt", "#KaminskiStrong"),
            ("static/social.txt", "Go \u{FF03}TeamKaminski2026!"),
            (
                "content/pages/news.md",
                &page("Cheering for #KaminskiStrong this week!"),
            ),
        ],
        &["Kaminski"],
    );
}

/// Hashtags and anchors that name nobody.
#[test]
fn camelcase_hashtags_without_a_name_are_clean() {
    assert_clean(
        "content/pages/news.md",
        &page("Join us: #MoveBetter #PhysioLife #SpringIntoAction [top](#MainContent)"),
        &["#SpringIntoAction"],
    );
}
