//! A therapist's evening at the desk: one command, one printable sheet,
//! and, when something is wrong, an error that names the file, the line
//! and what to do. Each test drives the real binary over a real clinic
//! folder.

mod common;
use common::*;

/// site.yaml with `output:` set to `output` (a flow mapping).
fn site_with_output(c: &Clinic, output: &str) {
    c.write("site.yaml", &format!("{SITE}output: {output}\n"));
}

/// The line of `SITE` plus one: where `output:` is written.
fn output_line() -> usize {
    SITE.lines().count() + 1
}

#[test]
fn an_output_folder_behind_a_file_is_reported_by_check_at_its_key() {
    for (output, label, col) in [
        (
            "{ public: blocker/public, handouts: handouts }",
            "public",
            11,
        ),
        ("{ public: public, handouts: blocker/h }", "handouts", 27),
    ] {
        let c = Clinic::with_plan();
        c.write("blocker", "a file someone saved here\n");
        site_with_output(&c, output);
        for cmd in ["check", "build"] {
            let out = c.cmd(&["--format", "short", cmd]).output().unwrap();
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{cmd} {output}: {err}");
            let at = format!("site.yaml:{}:{col}: error[HP0402]", output_line());
            assert!(err.contains(&at), "{cmd} {output}: want {at} in {err}");
            assert!(
                err.contains(&format!("the {label} output folder"))
                    && err.contains("blocker is a file, not a folder")
                    && err.contains("move or rename the file blocker"),
                "{cmd} {output}: {err}"
            );
            assert!(!err.contains("os error"), "{cmd}: a bare OS error: {err}");
        }
        assert_eq!(c.read("blocker"), "a file someone saved here\n");
        assert!(!c.path().join("public").exists() || label == "handouts");
    }
}

#[test]
fn a_public_folder_behind_a_file_does_not_stop_a_handout() {
    let c = Clinic::with_plan();
    c.write("blocker", "x\n");
    site_with_output(&c, "{ public: blocker/public, handouts: handouts }");
    let out = c.cmd(&["handout", "maria-lopez"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(c.path().join("handouts/maria-lopez.html").is_file());
    // The handouts folder behind a file stops it, plainly.
    site_with_output(&c, "{ public: public, handouts: blocker/h }");
    let out = c
        .cmd(&["--format", "short", "handout", "maria-lopez"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("site.yaml:{}:27: error[HP0402]", output_line()))
            && err.contains("blocker is a file, not a folder"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn a_handout_written_behind_a_file_says_which_file_is_in_the_way() {
    let c = Clinic::with_plan();
    c.write("blocker", "x\n");
    let target = c.path().join("blocker/maria.html");
    let target = target.to_string_lossy();
    let out = c
        .cmd(&["handout", "maria-lopez", "-o", &target])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("blocker is a file, not a folder") && err.contains("move or rename"),
        "the help names the file in the way: {err}"
    );
}

/// `check` of the clinic with `PLAN` where `from` is replaced by `to`:
/// its output in the short format, and whether it failed.
fn check_plan_with(from: &str, to: &str) -> (bool, String) {
    assert!(PLAN.contains(from), "{from}");
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &PLAN.replacen(from, to, 1),
    );
    let out = c.cmd(&["--format", "short", "check"]).output().unwrap();
    (out.status.success(), stderr(&out))
}

#[test]
fn text_starting_with_yaml_syntax_points_at_the_text_and_says_to_quote_it() {
    let focus = "  focus: We will check your reach.";
    let task = "  patient: [Do your exercises twice a day]";
    // (replacement, line, column, start of the message, the fixed line)
    for (from, to, line, col, says, fixed) in [
        (
            focus,
            "  focus: *Do not* lift heavy",
            35,
            10,
            "text cannot start with `*`",
            "  focus: \"*Do not* lift heavy\"",
        ),
        (
            focus,
            "  focus: **Bold** first",
            35,
            10,
            "text cannot start with `*`",
            "  focus: \"**Bold** first\"",
        ),
        (
            focus,
            "  focus: > 5 reps",
            35,
            10,
            "text cannot start with `>`",
            "  focus: \"> 5 reps\"",
        ),
        (
            focus,
            "  focus: [Video](https://v.test) here",
            35,
            10,
            "text cannot start with `[`",
            "  focus: \"[Video](https://v.test) here\"",
        ),
        (
            focus,
            "  focus: \"Slow\" is the word",
            35,
            10,
            "this text starts with a quoted part",
            "  focus: '\"Slow\" is the word'",
        ),
        (
            focus,
            "  focus: - walk daily",
            35,
            10,
            "text cannot start with `-`",
            "  focus: \"- walk daily\"",
        ),
        (
            focus,
            "  focus: !important walk",
            35,
            10,
            "text cannot start with `!`",
            "  focus: \"!important walk\"",
        ),
        (
            task,
            "  patient:\n    - *Always* do them",
            31,
            7,
            "text cannot start with `*`",
            "    - \"*Always* do them\"",
        ),
    ] {
        let (ok, err) = check_plan_with(from, to);
        assert!(!ok, "{to}: {err}");
        let at = format!("content/plans/maria-lopez.yaml:{line}:{col}: error[HP0001]: {says}");
        assert!(err.contains(&at), "{to}: want `{at}` in\n{err}");
        assert!(
            err.contains(&format!("write it as `{fixed}`")),
            "{to}: want the fixed line in\n{err}"
        );
        assert!(
            !err.contains("while scanning")
                && !err.contains("while parsing")
                && !err.contains("anchor"),
            "{to}: {err}"
        );
    }
}

#[test]
fn a_plan_of_only_comments_is_reported_at_its_first_line() {
    let c = Clinic::new();
    c.write(
        "content/plans/new-patient.yaml",
        "# Fill this in tomorrow\n",
    );
    let out = c.cmd(&["--format", "short", "check"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "content/plans/new-patient.yaml:1:1: error[HP0003]: the file holds only comments"
        ),
        "{err}"
    );
}

#[test]
fn a_broken_exercise_only_another_patient_uses_does_not_stop_a_handout() {
    // Broken in three ways a person makes: YAML that does not parse, a key
    // written twice, a misspelt key.
    for broken in [
        "name: Chin tuck\ninstructions: [\n",
        "name: Chin tuck\nname: Chin tuck again\ninstructions: Tuck.\n",
        "name: Chin tuck\ninstuctions: Tuck.\n",
    ] {
        let c = Clinic::with_plan();
        c.write("content/exercises/chin-tuck.yaml", broken);
        let out = c
            .cmd(&["--format", "short", "handout", "maria-lopez"])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(out.status.success(), "{broken:?}: {err}");
        assert!(c.path().join("handouts/maria-lopez.html").is_file());
        assert!(
            err.contains("content/exercises/chin-tuck.yaml:")
                && err.contains("warning[HP000")
                && err.contains("no step of this plan uses `chin-tuck`"),
            "{broken:?}: the broken file is still told: {err}"
        );
        // `check` still fails on it: the file is broken for whoever uses it.
        let out = c.cmd(&["check"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{broken:?}");
        // A plan that uses it cannot print.
        let plan = c.read("content/plans/maria-lopez.yaml");
        c.write(
            "content/plans/maria-lopez.yaml",
            &plan.replace("use: pendulum", "use: chin-tuck"),
        );
        let out = c
            .cmd(&["handout", "maria-lopez", "-o", "x.html"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{broken:?}: {}", stderr(&out));
        assert!(!c.path().join("x.html").exists());
    }
}
