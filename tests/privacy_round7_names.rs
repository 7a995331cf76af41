//! Privacy red team, round 7: name bypasses found and closed in this
//! round, each driven through the real binary (a clean clinic builds, then
//! the leak is added and the build must fail on the guard, leave `public/`
//! untouched and not print the name), and clean pages that show the new
//! rules do not cry wolf.

mod common;
use common::probes::*;
use common::*;

/// Walter Kaminski, born 1950-06-30.
const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30\nphone: \"(302) 555-0177\"";
/// Dorothy Okafor, born 1962-03-14.
const DOROTHY: &str = "name: Dorothy Okafor\nbirth_date: 1962-03-14\nphone: \"(302) 555-0188\"";

/// The clean clinic: both plans and a harmless page.
fn base(c: &Clinic) {
    patients_clinic(c, &[WALTER, DOROTHY]);
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

const SECRETS: [&str; 4] = ["Kaminski", "Okafor", "1950", "1962"];

// ---------------------------------------------------------------------------
// 1. Symbols typed for letters
// ---------------------------------------------------------------------------

/// `@`, `!`, `$`, `|`, `€` typed for a, i, s, l, e: digits were read
/// ("K4minski"), symbols were not.
#[test]
fn symbols_typed_for_letters_are_read() {
    assert_leaks(
        &[
            ("content/pages/news.md", &page("Meet K@minski today.")),
            ("content/pages/news.md", &page("Meet Kam!nsk! today.")),
            ("content/pages/news.md", &page("Meet Kamin$ki today.")),
            ("content/pages/news.md", &page("Meet W@lter K@minski!")),
            ("content/pages/news.md", &page("Meet K@m!n$k! today.")),
            ("content/pages/news.md", &page("Meet |<aminski today.")),
            ("content/pages/news.md", &page("Meet Dorothy Ok@for today.")),
            ("static/team.txt", "Team: D0r0thy Ok@f0r"),
            ("static/team.txt", "Team: Dorothy Oka|or"),
        ],
        &SECRETS,
    );
}

/// Punctuation, prices and email addresses are what they are.
#[test]
fn punctuation_prices_and_emails_stay_clean() {
    assert_clean(
        "content/pages/news.md",
        &page(
            "Great work! Wow!! Write to k@example.com or walt@mail.test. It costs $5, US$ 40 or 5 €. a | b",
        ),
        &["Great work! Wow!!"],
    );
}

// ---------------------------------------------------------------------------
// 2. A family name run into other words
// ---------------------------------------------------------------------------

/// A family name inside a longer word: a lower-case hashtag, CamelCase
/// outside a hashtag, a handle, words run together.
#[test]
fn family_name_run_into_other_words() {
    assert_leaks(
        &[
            ("content/pages/news.md", &page("Join #teamkaminski today.")),
            ("content/pages/news.md", &page("Join KaminskiStrong today.")),
            ("content/pages/news.md", &page("Join gokaminski today.")),
            (
                "content/pages/news.md",
                &page("See teamkaminskistrong today."),
            ),
            ("content/pages/news.md", &page("Follow @gookafor now.")),
            ("content/pages/news.md", &page("Cheer for #okaforfamily!")),
            ("static/notes.txt", "okaforstrong"),
        ],
        &SECRETS,
    );
}

/// Ordinary words that hold a short surname, and the name with an ending
/// that makes a word, stay clean; so does a word allowed in `public_words`.
#[test]
fn ordinary_words_holding_a_short_surname_stay_clean() {
    let setup = |c: &Clinic| {
        c.write(
            "content/plans/p3.yaml",
            &plan("name: Ann Lee\nbirth_date: 1958-02-02", ""),
        );
        c.write(
            "content/plans/p4.yaml",
            &plan("name: Tom Hall\nbirth_date: 1959-02-03", ""),
        );
        c.write(
            "content/plans/p5.yaml",
            &plan("name: Ida Allen\nbirth_date: 1957-02-04", ""),
        );
        c.write(
            "content/plans/p6.yaml",
            &plan("name: Bo Walker\nbirth_date: 1956-02-05", ""),
        );
        c.write("content/plans/p1.yaml", &plan(WALTER, ""));
        c.write(
            "content/pages/news.md",
            &page("Sleep well, walk the hallway in a manner that suits you: a challenge for the fallen and walkers alike."),
        );
    };
    if let Some(why) = expect_clean(&setup, &["hallway in a manner"]) {
        panic!("{why}");
    }
    let allowed = |c: &Clinic| {
        c.write(
            "site.yaml",
            &site("privacy:\n  public_words: [kaminskiville]\n"),
        );
        c.write("content/plans/p1.yaml", &plan(WALTER, ""));
        c.write("content/pages/news.md", &page("Kaminskiville is a town."));
    };
    if let Some(why) = expect_clean(&allowed, &["Kaminskiville is a town"]) {
        panic!("public_words: {why}");
    }
}

/// Family names of six letters or more that ordinary words are made from,
/// with an ending, a prefix or both ("cooperation", "reporters",
/// "fisherman", "martini"): the words stay words. The names themselves,
/// run into other words, are still caught (see above).
#[test]
fn ordinary_words_made_from_a_long_surname_stay_clean() {
    let patients = [
        ("p3", "name: Ann Cooper\nbirth_date: 1958-02-02"),
        ("p4", "name: Tom Porter\nbirth_date: 1959-02-03"),
        ("p5", "name: Ida Fisher\nbirth_date: 1957-02-04"),
        ("p6", "name: Bo Martin\nbirth_date: 1956-02-05"),
        ("p7", "name: Al Hunter\nbirth_date: 1955-02-06"),
    ];
    let text = "We work in cooperation with your doctor. Reporters and supporters came; a fisherman ordered a martini, and the headhunters cooperated.";
    let setup = |c: &Clinic| {
        for (file, patient) in patients {
            c.write(&format!("content/plans/{file}.yaml"), &plan(patient, ""));
        }
        c.write("content/pages/news.md", &page(text));
    };
    if let Some(why) = expect_clean(&setup, &["in cooperation with", "ordered a martini"]) {
        panic!("{why}");
    }
    let leaks = |c: &Clinic| {
        for (file, patient) in patients {
            c.write(&format!("content/plans/{file}.yaml"), &plan(patient, ""));
        }
    };
    for leak in [
        "Go #teamcooper!",
        "Follow gocooper on the radio.",
        "porterstrong",
    ] {
        let page_leak = |c: &Clinic| c.write("content/pages/news.md", &page(leak));
        let (out, untouched) = leak_build(&leaks, &page_leak, &["build"]).expect("built clean");
        let err = stderr(&out);
        assert!(err.contains("error[HP0501]"), "{leak}: {err}");
        assert!(untouched, "{leak}: {OUTPUT_CHANGED}");
    }
}

// ---------------------------------------------------------------------------
// 3. Initials with the year of birth
// ---------------------------------------------------------------------------

/// The patient's initials (or given name and family initial) right before
/// their year of birth.
#[test]
fn initials_with_the_birth_year() {
    assert_leaks(
        &[
            ("content/pages/news.md", &page("Our friend WK 1950 came.")),
            ("content/pages/news.md", &page("Our friend W.K. 1950 came.")),
            ("content/pages/news.md", &page("walt_k_1950")),
            ("content/pages/news.md", &page("W K '50 was here.")),
            ("static/ids.txt", "D.O. 1962"),
            ("static/ids.txt", "Dorothy O. 1962"),
        ],
        &SECRETS,
    );
}

/// A year after an ordinary two-letter word, after someone else's
/// initials, or another year after the patient's initials.
#[test]
fn years_after_other_letters_stay_clean() {
    assert_clean(
        "content/pages/news.md",
        &page("In 1950 the clinic opened; by 1950 the UK 1950 rules, WK 1951 and KW 1950."),
        &["the UK 1950 rules"],
    );
}

// ---------------------------------------------------------------------------
// 4. A name split by a footnote mark or over two XML elements
// ---------------------------------------------------------------------------

/// A footnote mark inside the name: Markdown's `[^1]` (rendered as a
/// link), `<sup>`, a superscript digit, and in a text file.
#[test]
fn name_split_by_a_footnote_mark() {
    assert_leaks(
        &[
            (
                "content/pages/news.md",
                &page("Kamin[^1]ski did well.\n\n[^1]: note"),
            ),
            (
                "content/pages/news.md",
                &page("Kamin<sup>1</sup>ski did well."),
            ),
            (
                "content/pages/news.md",
                &page("Oka<sup>*</sup>for did well."),
            ),
            ("content/pages/news.md", &page("Kamin¹ski did well.")),
            ("static/notes.md", "Oka[^a]for did well.\n\n[^a]: note\n"),
        ],
        &SECRETS,
    );
}

/// A name over two elements of an XML file that is not HTML.
#[test]
fn name_split_over_xml_elements() {
    assert_leaks(
        &[
            ("static/a.xml", "<r><n>Kamin</n><n>ski</n></r>"),
            (
                "static/a.rss",
                "<rss><item><t>Oka</t><t>for</t></item></rss>",
            ),
            (
                "static/a.plist",
                "<plist><array><string>Kamin</string><string>ski</string></array></plist>",
            ),
            ("static/b.xml", "<r><Kaminski/></r>"),
        ],
        &SECRETS,
    );
}

/// Exponents, chemistry and an XML file of ordinary elements stay clean.
#[test]
fn exponents_and_plain_xml_stay_clean() {
    assert_clean(
        "content/pages/news.md",
        &page("Water is H<sub>2</sub>O, a room of 10 m<sup>2</sup>, x^2 and E=mc²."),
        &["Water is H"],
    );
    assert_clean(
        "static/data.xml",
        "<data><item><name>Pendulum</name><reps>10</reps></item></data>",
        &["Pendulum"],
    );
}
