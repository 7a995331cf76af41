//! A therapist's evening, round 9: a broken plan leaves yesterday's
//! handout in `handouts/` (say so, with its date, so it is not printed by
//! mistake), a goal target that cannot be measured, a value of the wrong
//! shape told in serde's words. Each test drives the real binary over a
//! real clinic folder and reads what a person sees.

mod common;
use common::*;

const PLAN_FILE: &str = "content/plans/maria-lopez.yaml";

/// What no message a person reads should hold: Rust's and serde's words.
fn no_jargon(err: &str) {
    for word in [
        "invalid type",
        "expected struct",
        "unknown variant",
        "did not match any variant",
        "sequence",
        "YAML tag",
        "a boolean",
    ] {
        assert!(!err.contains(word), "`{word}` reaches the therapist: {err}");
    }
}

/// `check` of the sample plan edited by `edits`: exit 1, the error at
/// `at` (`line:col: error[HPxxxx]: message` part) with `help`, and no
/// serde words.
fn refused_at(edits: &[(&str, &str)], at: &str, help: &str) {
    let (code, err) = check_edited(edits);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!("maria-lopez.yaml:{at}")),
        "{at}: {err}"
    );
    assert!(err.contains(&format!("help: {help}")), "{help}: {err}");
    no_jargon(&err);
}

#[test]
fn a_clinician_written_as_a_list_or_a_text_shows_the_lines_to_write() {
    for (name, cred) in [("Sam Rivera", "PT"), ("Alex Okafor-Lindqvist", "DPT")] {
        // `- Sam Rivera` under `clinician:` (line 7 is `problem:`).
        refused_at(
            &[("problem:\n", &format!("clinician:\n  - {name}\nproblem:\n"))],
            "8:3: error[HP0004]",
            &format!("take out the `- ` and give the text its key: write it as `  name: {name}`"),
        );
        refused_at(
            &[("problem:\n", &format!("clinician: [{name}]\nproblem:\n"))],
            "7:12: error[HP0004]",
            &format!("give the text its key: write it as `clinician: {{ name: {name} }}`"),
        );
        refused_at(
            &[("problem:\n", &format!("clinician: {name}\nproblem:\n"))],
            "7:12: error[HP0004]",
            &format!("give the text its key: write it as `clinician: {{ name: {name} }}`, or"),
        );
        // A list where the name's text belongs.
        refused_at(
            &[(
                "problem:\n",
                &format!("clinician:\n  name: [{name}]\n  credentials: {cred}\nproblem:\n"),
            )],
            "8:9: error[HP0004]: `clinician.name` takes one text, not a list",
            &format!("take away the list: write it as `  name: {name}`"),
        );
    }
}

#[test]
fn a_list_or_a_group_where_one_value_belongs_is_told_in_plain_words() {
    refused_at(
        &[("  name: Maria Lopez", "  name: [Maria, Lopez]")],
        "2:9: error[HP0004]: `patient.name` takes one text, not a list",
        "take away the list: write it as `  name: Maria Lopez`",
    );
    refused_at(
        &[(
            "  statement: Lift my granddaughter without pain",
            "  statement: [Lift my granddaughter]",
        )],
        "11:14: error[HP0004]: `goal.statement` takes one text, not a list",
        "take away the list: write it as `  statement: Lift my granddaughter`",
    );
    refused_at(
        &[("  agreed_on: 2026-11-20", "  agreed_on: [2026-11-20]")],
        "12:14: error[HP0004]",
        "take away the list: write it as `  agreed_on: 2026-11-20`",
    );
    refused_at(
        &[("        side: right", "        side: [right]")],
        "27:15: error[HP0004]",
        "take away the list: write it as `        side: right`",
    );
    // A time of day: quoted, as YAML would read 10:30 as a number.
    refused_at(
        &[("  time: \"10:30\"", "  time: [10, 30]")],
        "34:9: error[HP0004]",
        "take away the list: write it as `  time: \"10:30\"`",
    );
    // A block list under a key that takes one text.
    refused_at(
        &[("  preferred_name: Mari", "  preferred_name:\n    - Mari")],
        "4:5: error[HP0004]: `patient.preferred_name` takes one text, not a list",
        "take away the list: write it as `  preferred_name: Mari`, and delete the `- ` lines below it",
    );
    // A group where a text belongs.
    refused_at(
        &[(
            "  patient: [Do your exercises twice a day]",
            "  patient:\n    - { task: Do your exercises twice a day }",
        )],
        "31:7: error[HP0004]: `responsibilities.patient[0]` takes one text, not a group",
        "write the text alone: `    - Do your exercises twice a day`",
    );
    refused_at(
        &[(
            "  summary: Right shoulder pain when reaching up",
            "  summary:\n    Pain: when reaching up",
        )],
        "9:5: error[HP0004]",
        "if it is one text, put it on the line of `summary:` in quotes: `  summary: \"Pain: when reaching up\"`",
    );
    // A text where a list item's keys belong.
    refused_at(
        &[(
            "    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }",
            "    - Reaching up",
        )],
        "15:7: error[HP0004]: `goal.measures[0]` takes a group of `key: value` lines",
        "give the text its key: write it as `    - { name: Reaching up }`",
    );
    // A word where yes or no belongs, a misspelt side.
    refused_at(
        &[("success: You", "draft: maybe\nsuccess: You")],
        "36:8: error[HP0004]: `draft` takes `true` or `false`",
        "write `draft: true` or `draft: false`",
    );
    refused_at(
        &[("        side: right", "        side: rihgt")],
        "27:15: error[HP0007]: `steps[0].exercises[1].side` cannot be `rihgt`: it takes one of left, right, both",
        "did you mean `right`? write it as `        side: right`",
    );
    refused_at(
        &[(
            "success: You",
            "visits:\n  - date: 2026-11-20\n    measures: { reaching-up: [6] }\nsuccess: You",
        )],
        // At the list itself, naming the measure (round 11).
        "38:30: error[HP0004]: `reaching-up` under `visits[0].measures` is given a list: a measure takes one number or one text",
        "take away the list: write it as `reaching-up: 6`",
    );
}

/// The sample clinic, built clean, then its plan broken by `edit`.
fn built_then_broken(edit: (&str, &str)) -> Clinic {
    let c = Clinic::with_plan();
    let out = c.cmd(&["build"]).output().expect("run heropath");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(c.path().join("handouts/maria-lopez.html").exists());
    let plan = format!("{PLAN}{STORY}");
    assert!(plan.contains(edit.0), "{}", edit.0);
    c.write(PLAN_FILE, &plan.replacen(edit.0, edit.1, 1));
    c
}

/// A line of `err` saying `file` was kept, out of date, with the day it
/// was written (`YYYY-MM-DD`).
fn says_kept(err: &str, file: &str) -> bool {
    err.lines().any(|l| {
        l.contains("out of date")
            && l.contains(&format!("{file} (written 20"))
            && l.contains("do not print")
    })
}

#[test]
fn a_broken_plan_says_its_old_handout_is_kept_and_out_of_date() {
    for edit in [
        ("  statement: Lift", "  statment: Lift"),
        ("        sets: 2\n", "        sets: two\n"),
        ("success: You", "success: [You"),
    ] {
        let c = built_then_broken(edit);
        let before = c.read("handouts/maria-lopez.html");
        let out = c
            .cmd(&["--format", "short", "handout", "maria-lopez"])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            says_kept(&err, "handouts/maria-lopez.html"),
            "{:?}: {err}",
            edit.0
        );
        // Left as it was.
        assert_eq!(c.read("handouts/maria-lopez.html"), before);
        // `build` is all or nothing: it says so, and which one is stale.
        let out = c.cmd(&["--format", "short", "build"]).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("nothing was written"), "{err}");
        assert!(
            err.contains("the previous handouts in handouts/ are unchanged"),
            "{err}"
        );
        assert!(says_kept(&err, "handouts/maria-lopez.html"), "{err}");
        assert_eq!(c.read("handouts/maria-lopez.html"), before);
    }
}

#[test]
fn a_kept_pdf_is_named_too_and_a_clean_plan_says_nothing_of_it() {
    let c = built_then_broken(("  statement: Lift", "  statment: Lift"));
    c.write("handouts/maria-lopez.pdf", "%PDF-1.4 yesterday");
    let out = c
        .cmd(&["handout", "maria-lopez", "--pdf"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(says_kept(&err, "handouts/maria-lopez.html"), "{err}");
    assert!(says_kept(&err, "handouts/maria-lopez.pdf"), "{err}");
    assert_eq!(c.read("handouts/maria-lopez.pdf"), "%PDF-1.4 yesterday");
    // A plan never built before: nothing was kept, nothing is said of it.
    let c = Clinic::new();
    c.write(
        PLAN_FILE,
        &PLAN.replacen("  statement: Lift", "  statment: Lift", 1),
    );
    let out = c.cmd(&["handout", "maria-lopez"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("out of date"), "{err}");
    assert!(!err.contains("unchanged"), "{err}");
    // Fixed: it prints, and says nothing of old handouts.
    let c = built_then_broken(("  statement: Lift", "  statement: Lift"));
    let out = c.cmd(&["handout", "maria-lopez"]).output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("out of date"), "{err}");
}

#[test]
fn a_build_broken_elsewhere_says_the_handouts_are_unchanged() {
    // A second, broken plan: maria's old handout is unchanged but not the
    // one at fault; the broken plan never had one.
    let c = built_then_broken(("  statement: Lift", "  statement: Lift"));
    c.write(
        "content/plans/bob-stone.yaml",
        &PLAN.replace("Maria Lopez", "Bob Stone").replacen(
            "  statement: Lift",
            "  statment: Lift",
            1,
        ),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the previous handouts in handouts/ are unchanged"),
        "{err}"
    );
    assert!(!says_kept(&err, "handouts/maria-lopez.html"), "{err}");
    assert!(!err.contains("bob-stone.html"), "{err}");
}

#[test]
fn wrong_shapes_are_all_told_in_one_run() {
    let (code, err) = check_edited(&[
        ("  name: Maria Lopez", "  name: [Maria, Lopez]"),
        ("  agreed_on: 2026-11-20", "  agreed_on: [2026-11-20]"),
        ("        side: right", "        side: rihgt"),
        ("success: You", "draft: maybe\nsuccess: You"),
    ]);
    assert_eq!(code, Some(1), "{err}");
    for at in [
        ":2:9: error",
        ":12:14: error",
        ":27:15: error",
        ":36:8: error",
    ] {
        assert!(err.contains(at), "{at}: {err}");
    }
    no_jargon(&err);
}

#[test]
fn a_goal_target_that_says_no_amount_is_warned_at_its_line() {
    // PLAN's one goal measure is on line 15.
    for target in [
        "better",
        "Improve",
        "Less pain",
        "much better than now",
        "More",
    ] {
        let (code, err) = check_edited(&[(
            "target: Pain 1 out of 10 }",
            &format!("target: {target} }}"),
        )]);
        assert_eq!(code, Some(0), "a warning, not an error: {err}");
        assert!(
            err.lines()
                .any(|l| l.starts_with("content/plans/maria-lopez.yaml:15:")
                    && l.contains("warning[HP0120]")
                    && l.contains(target)),
            "{target}: {err}"
        );
    }
    for target in [
        "Pain 0 out of 10",
        "pain-free",
        "Independent",
        "without a cane",
    ] {
        let (code, err) = check_edited(&[(
            "target: Pain 1 out of 10 }",
            &format!("target: {target} }}"),
        )]);
        assert_eq!(code, Some(0), "{err}");
        assert!(!err.contains("HP0120"), "{target}: {err}");
    }
}
