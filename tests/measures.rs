//! Standard outcome measures (issue 21) through the binary: the MCID
//! sentence in English and Spanish, PSFS activities in the patient's own
//! words, and every built-in measure's range enforced.

mod common;
use common::*;

/// PLAN with `measures` in place of its goal's measure and `visits`.
fn plan_with(measures: &str, visits: &str, lang: &str) -> String {
    PLAN.replace(
        "    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }\n",
        measures,
    )
    .replace("agreed_on: 2026-11-20", "agreed_on: 2026-10-01")
    .replacen("\nsteps:\n", &format!("\n{visits}steps:\n"), 1)
    .replacen("patient:\n", &format!("patient:\n  language: {lang}\n"), 1)
}

const MEASURES: &str = "    - { measure: nprs, now: 7, target: 2 }\n    - measure: psfs\n      activities:\n        - { name: Climb the stairs to my flat, now: 3, target: 8 }\n";

fn handout_text(c: &Clinic) -> String {
    text_of(&c.read("handouts/maria-lopez.html"))
}

#[test]
fn mcid_reached_and_not_reached_in_english_and_spanish() {
    for (lang, visits, want) in [
        (
            "en",
            "visits:\n  - date: 2026-11-10\n    measures: { nprs: 4, psfs: { Climb the stairs to my flat: 6 } }\n",
            vec![
                "Your pain went from 7 to 4 out of 10: a real improvement.",
                "Your score for “Climb the stairs to my flat” went from 3 to 6 out of 10: a real improvement.",
            ],
        ),
        (
            "en",
            "visits:\n  - date: 2026-11-10\n    measures: { nprs: 6, psfs: { Climb the stairs to my flat: 4 } }\n",
            vec![
                "Your pain went from 7 to 6 out of 10: not yet a change we can be sure of.",
                "Your score for “Climb the stairs to my flat” went from 3 to 4 out of 10: not yet a change we can be sure of.",
            ],
        ),
        (
            "es",
            "visits:\n  - date: 2026-11-10\n    measures: { nprs: 4, psfs: { Climb the stairs to my flat: 6 } }\n",
            vec![
                "Su dolor pasó de 7 a 4",
                ": una mejora real.",
                "«Climb the stairs to my flat»",
            ],
        ),
    ] {
        let c = Clinic::new();
        c.write(
            "content/plans/maria-lopez.yaml",
            &plan_with(MEASURES, visits, lang),
        );
        let out = c.cmd(&["build"]).output().unwrap();
        assert!(out.status.success(), "{lang}: {}", stderr(&out));
        let text = handout_text(&c);
        for w in want {
            assert!(text.contains(w), "{lang}: `{w}` not in {text}");
        }
    }
}

#[test]
fn every_built_in_measure_refuses_a_score_off_its_range() {
    // One past each end of every measure's published range.
    for (id, below, above) in [
        ("nprs", -1, 11),
        ("lefs", -1, 81),
        ("odi", -1, 101),
        ("ndi", -1, 51),
        ("quickdash", -1, 101),
    ] {
        for bad in [below, above] {
            let c = Clinic::new();
            let measures = format!("    - {{ measure: {id}, now: {bad}, target: 1 }}\n");
            c.write(
                "content/plans/maria-lopez.yaml",
                &plan_with(&measures, "", "en"),
            );
            let out = c.cmd(&["check"]).output().unwrap();
            assert!(!out.status.success(), "{id} {bad} was accepted");
            assert!(
                stderr(&out).contains("HP0110"),
                "{id} {bad}: {}",
                stderr(&out)
            );
        }
    }
    // PSFS scores each activity 0–10.
    let c = Clinic::new();
    let measures = "    - measure: psfs\n      activities:\n        - { name: Lift my grandson, now: 11, target: 8 }\n";
    c.write(
        "content/plans/maria-lopez.yaml",
        &plan_with(measures, "", "en"),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    assert!(stderr(&out).contains("HP0110"), "{}", stderr(&out));
}

#[test]
fn a_psfs_visit_naming_an_unknown_activity_is_an_error_at_its_line() {
    let c = Clinic::new();
    let visits = "visits:\n  - date: 2026-11-10\n    measures: { psfs: { Climb the stair to my flat: 6 } }\n";
    c.write(
        "content/plans/maria-lopez.yaml",
        &plan_with(MEASURES, visits, "en"),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(err.contains("HP0109"), "{err}");
    assert!(
        err.contains("Climb the stairs to my flat"),
        "did-you-mean: {err}"
    );
}
