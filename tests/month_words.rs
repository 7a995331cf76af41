//! Month words from CLDR (issue 15) must not make the privacy guard
//! noisier: everyday words that are also month abbreviations somewhere
//! ("set", "mar", "ago", German "sie", English "lip") stay prose, even
//! right beside a number that matches the patient's birthday.

mod common;
use common::probes::*;
use common::*;

/// A public story naming the patient (display name "Mari") whose body is
/// `body`, for a patient born on `birth` (YYYY-MM-DD).
fn story_build(birth: &str, body: &str) -> Option<String> {
    let first = body.lines().next().unwrap_or_default().to_string();
    let body = body.to_string();
    let birth = birth.to_string();
    let setup = move |c: &Clinic| {
        c.write(
            "content/plans/maria-lopez.yaml",
            &plan(
                &format!("name: Maria Lopez\npreferred_name: Mari\nbirth_date: {birth}"),
                &story("Mari", &body, ""),
            ),
        );
    };
    expect_clean(&setup, &[first.as_str()])
}

#[test]
fn everyday_words_beside_a_birthday_number_stay_prose() {
    for (birth, body) in [
        // August 3: German "sie", Polish "sie" (sierpień), Italian/Spanish "ago".
        ("1968-08-03", "Jetzt hebt sie 3 Kisten, Mari."),
        ("1968-08-03", "Mari began two years ago 3 times a week."),
        // July 12: English "lip", Polish "lip" (lipiec).
        ("1968-07-12", "Mari bit her lip 12 times less."),
        // September 12: Portuguese and Italian "set".
        ("1968-09-12", "Mari did one set 12 times."),
        // March 3: Spanish "mar", German "Mär".
        ("1968-03-03", "Mari nadó en el mar 3 veces."),
    ] {
        let why = story_build(birth, body);
        assert!(why.is_none(), "{body:?} (born {birth}): {why:?}");
    }
}

#[test]
fn a_cldr_month_beside_the_birthday_is_still_caught() {
    // The probe above can fail: the same page with a real month word in a
    // language the guard learned from CLDR is refused.
    for (birth, body) in [
        ("1968-08-03", "Mari, born 3 sierpnia, lifts again."),
        ("1968-01-03", "Mari, born 3 января, lifts again."),
        ("1968-08-03", "Mari, born 3 de agosto, lifts again."),
    ] {
        assert!(story_build(birth, body).is_some(), "{body:?} was published");
    }
}
