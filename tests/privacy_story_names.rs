//! A story names its patient by the display name only. The patient's full
//! name written out in the story ("Walter Kaminski", "Mr. Kaminski" in the
//! story of "Walt K.") fails the build, in a plan's story (also when the
//! plan holds another spelling of the family name) and in a story record of
//! a website built without plans, where no plan tells the guard the name.

mod common;
use common::probes::*;
use common::*;

/// A story record of "Walt K." whose body is `body` (one line).
fn record(body: &str) -> String {
    named_record("Walt K.", body)
}

/// A story record of `display` whose body is `body` (one line).
fn named_record(display: &str, body: &str) -> String {
    format!(
        "body: {body:?}\nconsent:\n  expires_on: 2027-11-20\n  scope: [website]\ndisplay_name: {display}\npublished_on: 2026-11-25\ntags: [knee]\ntitle: Back on the golf course\n"
    )
}

/// A website built from one clean story record, no plans.
fn website(c: &Clinic) {
    c.write(
        "content/stories/back-on-the-golf-course.yaml",
        &record("Walt came to us with a sore knee. Now he plays nine holes."),
    );
}

/// A clinic with Walter Kaminski's plan and its clean story "Walt K.".
fn plan_story(c: &Clinic) {
    c.write(
        "content/plans/walt.yaml",
        &plan(
            "name: Walter Kaminski\nbirth_date: 1950-06-30",
            &story("Walt K.", "Walt came to us with a sore knee.", ""),
        ),
    );
}

const SECRETS: [&str; 4] = ["Kaminski", "Kaminsky", "Kowalski", "Kamiński"];

#[test]
fn a_full_name_in_a_story_record_fails_the_build() {
    let rel = "content/stories/back-on-the-golf-course.yaml";
    let probes: Vec<(&str, String)> = [
        "Walter Kaminski came to us with a sore knee.",
        "Walt Kaminski came to us with a sore knee.",
        "We met Walt J. Kaminski last spring.",
        "Mr. Kaminski plays nine holes again.",
        "Thanks, Walter Kaminski!",
        "Walter Kamiński came back.",
    ]
    .iter()
    .map(|b| (rel, record(b)))
    .collect();
    let probes: Vec<(&str, &str)> = probes.iter().map(|(r, t)| (*r, t.as_str())).collect();
    assert_leaks_over(&website, &probes, &SECRETS);
}

#[test]
fn another_spelling_of_the_family_name_in_a_plans_story_fails_the_build() {
    // The plan says Kaminski; the story's "Walt Kowalski" is no spelling
    // the plan's name would reach, but it fits "Walt K.".
    let probes = [
        (
            "content/plans/walt.yaml",
            plan(
                "name: Walter Kaminski\nbirth_date: 1950-06-30",
                &story("Walt K.", "Walt Kowalski came to us with a sore knee.", ""),
            ),
        ),
        (
            "content/plans/walt.yaml",
            plan(
                "name: Walter Kaminski\nbirth_date: 1950-06-30",
                &story("Walt K.", "Ask Mrs. Kowalski how he does.", ""),
            ),
        ),
    ];
    let probes: Vec<(&str, &str)> = probes.iter().map(|(r, t)| (*r, t.as_str())).collect();
    assert_leaks_over(&plan_story, &probes, &SECRETS);
}

#[test]
fn the_message_says_to_write_the_display_name_at_the_line() {
    let c = Clinic::new();
    website(&c);
    c.write(
        "content/stories/back-on-the-golf-course.yaml",
        &record("Walter Kaminski came to us."),
    );
    let out = build(&c, &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/stories/back-on-the-golf-course.yaml:1:")
            && err.contains("display name"),
        "{err}"
    );
    assert!(!err.contains("Kaminski"), "{err}");
}

#[test]
fn ordinary_sentences_of_a_story_stay_clean() {
    for body in [
        "Walt K. is back on the golf course.",
        "Walt kept walking, every day.",
        "Walt and Kim walk the dog together.",
        "Dr. Klein sent Walt to us after the operation.",
        "Walt worked with Sam Rivera, PT, for eight weeks.",
        "Walt Keeps Going Strong",
    ] {
        let setup = |c: &Clinic| {
            website(c);
            c.write(
                "content/stories/back-on-the-golf-course.yaml",
                &record(body),
            );
        };
        let shows = body.split(' ').next_back().unwrap_or_default();
        if let Some(why) = expect_clean(&setup, &[shows.trim_end_matches('.')]) {
            panic!("{body:?}: {why}");
        }
    }
}

const RECORD: &str = "content/stories/back-on-the-golf-course.yaml";

#[test]
fn a_story_record_whose_display_name_is_a_full_name_fails_the_build() {
    let texts: Vec<String> = [
        "Walter Kaminski",
        "W. Kaminski",
        "Walt Kaminski-Reed",
        "Walt K. Kowalski",
        "Mrs. Kaminski",
    ]
    .iter()
    .map(|d| named_record(d, "Walt came to us with a sore knee."))
    .collect();
    let probes: Vec<(&str, &str)> = texts.iter().map(|t| (RECORD, t.as_str())).collect();
    assert_leaks_over(&website, &probes, &SECRETS);
}

#[test]
fn display_names_of_given_names_and_initials_stay_clean() {
    for (display, site_extra) in [
        ("Walt K.", ""),
        ("Walt", ""),
        ("Mr. K.", ""),
        ("W. K.", ""),
        ("Mary Ann", "privacy:\n  public_words: [\"Mary Ann\"]\n"),
    ] {
        let setup = |c: &Clinic| {
            c.write("site.yaml", &site(site_extra));
            c.write(
                RECORD,
                &named_record(display, "Walt came to us with a sore knee."),
            );
        };
        if let Some(why) = expect_clean(&setup, &[display]) {
            panic!("{display:?}: {why}");
        }
    }
}

#[test]
fn a_name_on_the_second_line_of_a_story_is_reported_once_at_that_line() {
    // The body's first line names the patient as the story may (his
    // given name alone, "Walter");
    // the full name is on its second line. The error must point there, and
    // once: the plan's own spelling is also found by the guard's scan of
    // the story's page, which already reports that line.
    for second in [
        "Walter Kaminski thanks the team!",
        "Walt Kowalski thanks the team!",
    ] {
        let c = Clinic::new();
        let text = plan(
            "name: Walter Kaminski\nbirth_date: 1950-06-30",
            &story(
                "Walt K.",
                &format!("Walter came to us with a sore knee.\n{second}"),
                "",
            ),
        );
        c.write("content/plans/walt.yaml", &text);
        let line = 1 + text
            .lines()
            .position(|l| l.contains("thanks the team"))
            .expect("the line is in the plan");
        let (code, err) = check_short(&c);
        assert_eq!(code, Some(1), "{second}: {err}");
        let leaks: Vec<&str> = err.lines().filter(|l| l.contains("HP0501")).collect();
        assert_eq!(leaks.len(), 1, "{second}: one error for one name: {err}");
        assert!(
            leaks[0].starts_with(&format!("content/plans/walt.yaml:{line}:")),
            "{second}: at line {line}: {err}"
        );
    }
}
