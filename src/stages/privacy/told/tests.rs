use super::*;
use crate::stages::privacy::Context;

fn site() -> Site {
    crate::content::yaml::parse(
        "title: T\nclinic:\n  phone: \"(302) 555-0100\"\n  email: frontdesk@example-pt.test\n  address: 12 Main St, Newark, DE 19711\n  clinician: { name: Sam Rivera }\nprivacy:\n  public_phones: [\"(302) 555-0177\"]\n  public_dates: [2026-05-16]\n",
        std::path::Path::new("site.yaml"),
    )
    .expect("site")
}

/// A guard over no plan, with [`site`]'s allowances.
fn guard() -> Guard {
    let site = site();
    let cx = Context {
        site: &site,
        published: Vec::new(),
        months: Vec::new(),
        today: Date::parse("2026-11-26").expect("a day"),
        stamp: None,
    };
    Guard::new(std::iter::empty(), &cx)
}

fn told_in(text: &str, allowed: &[Date]) -> Vec<Told> {
    let found = guard().told(text, allowed, "");
    found.into_iter().map(|t| t.what).collect()
}

/// Each kind of detail, written the ways people write it.
#[test]
fn details_a_story_tells_are_found() {
    let cases: &[(&str, Told)] = &[
        ("He had his knee replaced on October 1.", Told::Date),
        ("Surgery was on 10/01/2026.", Told::Date),
        ("Surgery was on 2026-10-01.", Told::Date),
        ("She fell on the 3rd of March.", Told::Date),
        ("She fell on Oct. 3rd, 2025, at home.", Told::Date),
        ("Operada el 3 de octubre de 2025.", Told::Date),
        ("Opérée le 3 octobre.", Told::Date),
        ("He fell on March fourteenth.", Told::Date),
        ("He lives at 12 Elm Street.", Told::Address),
        (
            "He lives at 1600 Pennsylvania Ave with his wife.",
            Told::Address,
        ),
        ("Ella vive en Calle Mayor 12.", Told::Address),
        ("Elle habite 5 rue de la Paix.", Told::Address),
        ("Er wohnt in der Hauptstraße 5.", Told::Address),
        ("Home is Dover, DE 19901 now.", Told::Address),
        ("Mail goes to 19901-1234.", Told::Address),
        ("Call his daughter at 302-555-0199.", Told::Phone),
        ("Call his daughter at (302) 555 0199.", Told::Phone),
        ("Text 3025550199 any time.", Told::Phone),
        ("Appelez le 03 02 55 50 14.", Told::Phone),
        ("Write to walt.k@gmail.com for tips.", Told::Email),
        ("Write to walt＠mail.test for tips.", Told::Email),
        ("Follow her at @golfgal55 for tips.", Told::Handle),
        ("At 93 years old he is back on the course.", Told::Age),
        ("She turned ninety-one in May.", Told::Age),
        ("A 95-year-old golfer.", Told::Age),
        ("Aged 90, she walks daily.", Told::Age),
        ("His daughter Karen Oduya drove him.", Told::Relative),
        ("His wife, Linda Park, cheered.", Told::Relative),
        ("Su hija Ana Ruiz lo llevó.", Told::Relative),
        ("Her sister May Chen came too.", Told::Relative),
    ];
    let mut missed = Vec::new();
    for (text, what) in cases {
        if !told_in(text, &[]).contains(what) {
            missed.push(format!("{text:?}: {:?}", told_in(text, &[])));
        }
    }
    assert!(missed.is_empty(), "not found: {missed:#?}");
}

/// What stories say all the time is no detail: scores, degrees, doses,
/// months, years, the clinic's own details and the days allowed.
#[test]
fn ordinary_story_text_tells_nothing() {
    let clean = [
        "Her knee now bends to 120 degrees, and at 90 degrees it no longer hurts.",
        "Pain went from 7/10 to 2/10, and her LEFS from 42/80 to 71/80.",
        "He walked 10,000 steps a day from 2019-2026.",
        "In March 2026 she came to us; by May she was back on the court.",
        "She did 3 sets of 10 reps, 2 times a day, for 6 weeks.",
        "He finished 1st Place in his club and 2nd place in the county.",
        "She walks on Main Street every morning at 7:30.",
        "Call us at (302) 555-0100, or the gym at 302-555-0177.",
        "Write to frontdesk@example-pt.test or sam@team.example-pt.test with questions.",
        "Meet us @ the gym, 2 @ 10 reps.",
        "Come see us at 12 Main St, Newark, DE 19711.",
        "Over 90 years old and still golfing? Many of our patients are over 90.",
        "He lifted 25 lbs at 62 years old and ran a 5K in 31 minutes.",
        "Her TUG went from 14.2 to 9.8 seconds; her ODI from 40% to 12%.",
        "She was 45, a teacher, and missed her 3 grandchildren.",
        "Our 2 Way Stretch class meets on the 2nd floor.",
        "She ran the city race on May 16 with her team.",
        "Version 2.0 of our app logs 1,000,000 steps.",
        "His range of motion was 95 degrees at week 4, 110 at week 8.",
        "She turned 90 degrees on the mat and aged 90 days of cheese.",
        "He ran the May 5K and the June 10K; in June, 2 friends joined.",
        "Our Story: The 3 Year Road Back, A 5 Minute Drive, The 10 Week Way.",
        "Sure, Do 10000 steps; Yes, Go 12000 more.",
        "Her granddaughter Emma cheered. His son Jack drove. Her mother. Then Sam came.",
        "His partner Sam Rivera, our therapist, set the plan.",
    ];
    for text in clean {
        assert_eq!(told_in(text, &[]), [], "{text}");
    }
    let day = Date::parse("2025-10-03").expect("a day");
    assert_eq!(
        told_in("She ran her first race on October 3, 2025.", &[day]),
        [],
        "a day the story's public_dates list"
    );
    assert_eq!(
        told_in("She ran on October 3 again.", &[day]),
        [],
        "the same day without its year"
    );
}

/// A finding says where it is: the line, and a word to find it by.
#[test]
fn a_finding_gives_its_line() {
    let found = guard().told("A good start.\nSurgery on October 1.\n", &[], "");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].line, found[0].word.as_str()), (2, "october"));
}
