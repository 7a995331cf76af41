//! Doses as therapists write them, read for what they mean.

use super::explain;

/// serde's message for `key: "text"` under a dose, told plainly: the
/// message and the help, joined by ` | `.
fn told(key: &str, text: &str) -> String {
    let m = format!(
        "steps[0].exercises[1].{key}: invalid type: string \"{text}\", expected a whole number, 1 or more (leave the key out if the dose has none)"
    );
    explain(&m).map_or_else(String::new, |(_, m, h)| format!("{m} | {h}"))
}

#[test]
fn sets_and_reps_together_become_two_keys() {
    for t in [
        "3x10",
        "3 x 10",
        "3×10",
        "3 X 10",
        "3 sets of 10",
        "3 sets x 10 reps",
        "3*10",
    ] {
        let s = told("reps", t);
        assert!(s.contains("sets and reps together"), "{t}: {s}");
        assert!(s.contains("`sets: 3` and `reps: 10`"), "{t}: {s}");
        assert!(!s.contains("invalid type"), "{t}: {s}");
    }
    assert!(told("reps", "3x30s").contains("`reps: 3` and `hold_seconds: 30`"));
}

#[test]
fn a_time_or_how_often_goes_to_its_own_key() {
    for t in ["30s", "30 sec", "30 seconds", "30\""] {
        assert!(
            told("reps", t).ends_with("write `hold_seconds: 30` instead"),
            "{t}"
        );
    }
    assert!(
        told("hold_seconds", "30 sec")
            .ends_with("write `hold_seconds: 30` (the key says what it counts)")
    );
    assert!(told("hold_seconds", "1 min").ends_with("write `hold_seconds: 60`"));
    assert!(told("reps", "2 minutes").ends_with("write `minutes: 2` instead"));
    for t in [
        "2x/day",
        "twice a day",
        "2 times a day",
        "twice daily",
        "2x daily",
        "BID",
    ] {
        assert!(
            told("reps", t).ends_with("write `per_day: 2` instead"),
            "{t}: {}",
            told("reps", t)
        );
        assert!(told("per_day", t).ends_with("write `per_day: 2`"), "{t}");
    }
    for t in ["3x/week", "3 times a week", "3 days a week", "3/wk"] {
        assert!(
            told("reps", t).ends_with("write `days_per_week: 3` instead"),
            "{t}"
        );
    }
    for t in ["daily", "every day", "Daily", "once a day"] {
        let s = told("reps", t);
        assert!(
            s.contains("says how often") && s.contains("delete this line"),
            "{t}: {s}"
        );
    }
    assert!(told("per_day", "daily").ends_with("write `per_day: 1`, or delete the line"));
}

#[test]
fn words_numbers_ranges_and_sides() {
    assert!(told("sets", "two").ends_with("write it in digits: `sets: 2`"));
    assert!(told("reps", "10 reps").ends_with("`reps: 10` (the key says what it counts)"));
    assert!(told("reps", "x10").ends_with("`reps: 10` (the key says what it counts)"));
    assert!(told("reps", "10-15").contains("is a range"));
    assert!(told("reps", "10 each side").contains("`reps: 10` and `side: both`"));
    assert!(told("reps", "10").contains("without quotes: `reps: 10`"));
    assert!(told("reps", "").contains("is empty"));
    let s = told("reps", "as tolerated");
    assert!(
        s.contains("is not a number") && s.contains("`note:`"),
        "{s}"
    );
}

#[test]
fn other_values_a_count_cannot_take_are_said_plainly() {
    let say = |m: &str| explain(m).map(|(_, m, h)| format!("{m} | {h}"));
    let tail = "expected a whole number, 1 or more (leave the key out if the dose has none)";
    let s = say(&format!("reps: invalid type: floating point `2.5`, {tail}")).unwrap_or_default();
    assert!(s.contains("`2.5` is not a whole number"), "{s}");
    let s = say(&format!(
        "reps: invalid type: floating point `10.0`, {tail}"
    ))
    .unwrap_or_default();
    assert!(s.ends_with("write `reps: 10`"), "{s}");
    let s = say(&format!("reps: invalid type: boolean `true`, {tail}")).unwrap_or_default();
    assert!(s.contains("yes/no word"), "{s}");
    let s = say(&format!("reps: invalid type: integer `-3`, {tail}")).unwrap_or_default();
    assert!(s.contains("below zero"), "{s}");
    let s = say(&format!("sets: invalid value: integer `0`, {tail}")).unwrap_or_default();
    assert!(s.contains("`0` is no dose"), "{s}");
    let s = say(
        "days_per_week: invalid value: integer `8`, expected a whole number of days from 1 to 7",
    )
    .unwrap_or_default();
    assert!(s.contains("from 1 to 7"), "{s}");
    // Not a count: left to the other explanations.
    assert_eq!(
        say("x: invalid type: string \"10s\", expected a string"),
        None
    );
}
