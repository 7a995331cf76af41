//! A therapist's evening, round 8: a key given twice (where is the first?),
//! a plan saved by an editor as `bob.yml.txt`, a value in backquotes, a
//! key lined up with a list item's dash, a list or a text where one group
//! of keys belongs. Each test drives the real binary over a real clinic
//! folder and reads what a person sees.

mod common;
use common::*;

const PLAN_FILE: &str = "content/plans/maria-lopez.yaml";

/// What no message a person reads should hold: Rust's and libyaml's words.
fn no_jargon(err: &str) {
    for word in [
        "duplicate field",
        "invalid type",
        "struct ",
        "sequence",
        "cannot start any token",
        "```",
        "<name>",
    ] {
        assert!(!err.contains(word), "`{word}` reaches the therapist: {err}");
    }
}

#[test]
fn a_key_given_twice_names_the_line_of_the_first() {
    // A whole block pasted twice, at the top level: `goal:` is line 10.
    let (code, err) = check_edited(&[("success: You", "goal:\n  statement: Walk\nsuccess: You")]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "maria-lopez.yaml:36:1: error[HP0001]: `goal:` appears twice; the first is on line 10"
        ),
        "{err}"
    );
    assert!(err.contains("help: keep one `goal:`"), "{err}");
    no_jargon(&err);
    // Inside a block: `statement:` first on line 11.
    let (code, err) = check_edited(&[(
        "  agreed_on: 2026-11-20\n",
        "  agreed_on: 2026-11-20\n  statement: Walk\n",
    )]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("maria-lopez.yaml:13:3: error[HP0001]: goal: `statement:` appears twice; the first is on line 11"),
        "{err}"
    );
    // In a list item: `reps:` first on line 25.
    let (code, err) = check_edited(&[(
        "        per_day: 2\n",
        "        per_day: 2\n        reps: 12\n",
    )]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(":27:9: error[HP0001]: steps[0].exercises[1]: `reps:` appears twice; the first is on line 25"),
        "{err}"
    );
    // In site.yaml too.
    let c = Clinic::with_plan();
    c.write("site.yaml", &format!("{SITE}title: Other Clinic\n"));
    let (code, err) = check_short(&c);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "site.yaml:8:1: error[HP0001]: `title:` appears twice; the first is on line 1"
        ),
        "{err}"
    );
}

#[test]
fn one_key_in_two_blocks_is_no_repeat() {
    // `name:` of the patient and of an exercise, `date:` of two visits:
    // one key in different blocks is how plans are written.
    let c = Clinic::with_plan();
    let plan = format!("{PLAN}{STORY}").replacen(
        "success: You",
        "visits:\n  - { date: 2026-11-20, note: First visit }\n  - { date: 2026-11-24, note: Better }\nsuccess: You",
        1,
    );
    c.write(PLAN_FILE, &plan);
    let (code, err) = check_short(&c);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("twice"), "{err}");
}

#[test]
fn a_plan_saved_under_another_name_is_told_the_exact_name_to_give_it() {
    let c = Clinic::with_plan();
    let plan = PLAN.replace("Maria Lopez", "Bob Smith");
    for name in [
        "bob.yml.txt",
        "carl.yaml.docx",
        "dan.YML ",
        "Eve Stone.YAML.txt",
        "gus.txt",
        ".hal.yaml",
    ] {
        c.write(&format!("content/plans/{name}"), &plan);
    }
    let (code, err) = check_short(&c);
    assert_eq!(code, Some(1), "{err}");
    for (name, new) in [
        ("bob.yml.txt", "bob.yaml"),
        ("carl.yaml.docx", "carl.yaml"),
        ("dan.YML ", "dan.yaml"),
        ("Eve Stone.YAML.txt", "eve-stone.yaml"),
        ("gus.txt", "gus.yaml"),
        (".hal.yaml", "hal.yaml"),
    ] {
        let line = err
            .lines()
            .skip_while(|l| !l.starts_with(&format!("content/plans/{name}: error[HP0017]")))
            .nth(1)
            .unwrap_or_else(|| panic!("{name}: {err}"));
        assert!(
            line.contains(&format!("help: rename it to `{new}` to use it")),
            "{name}: {line}"
        );
    }
    // Windows hides the `.txt` of `bob.yml.txt`: the help says so.
    assert!(err.contains("File name extensions"), "{err}");
    no_jargon(&err);
}

#[test]
fn a_word_document_or_a_second_copy_is_not_told_to_rename() {
    let c = Clinic::with_plan();
    // A .docx is a zip archive: renamed, it is still no text.
    std::fs::write(
        c.path().join("content/plans/bob.yaml.docx"),
        b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
    )
    .unwrap();
    // A copy beside the plan it would be renamed to.
    c.write("content/plans/maria-lopez.yaml.bak", PLAN);
    let (code, err) = check_short(&c);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("this is a word-processor document, not plain text: open it, use Save As with the type Plain Text, and name it `bob.yaml`"),
        "{err}"
    );
    assert!(
        err.contains("content/plans/maria-lopez.yaml is there already: if this is an old copy, move it out of content/"),
        "{err}"
    );
    assert!(!err.contains("rename it to `maria-lopez.yaml`"), "{err}");
}

#[test]
fn a_file_name_that_cannot_be_an_address_is_given_one_with_its_extension() {
    let c = Clinic::new();
    c.write("content/plans/eve.yaml.yaml", PLAN);
    c.write(
        "content/plans/Bob Smith.yml",
        &PLAN.replace("Maria Lopez", "Bob Smith"),
    );
    c.write("content/exercises/Wall Slide.yaml", PENDULUM);
    let (code, err) = check_short(&c);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("help: rename the file to `eve.yaml`"), "{err}");
    assert!(
        err.contains("help: rename the file to `bob-smith.yml`"),
        "{err}"
    );
    assert!(
        err.contains("help: rename the file to `wall-slide.yaml`"),
        "{err}"
    );
}

#[test]
fn a_value_in_backquotes_is_told_to_use_straight_quotes() {
    for (from, to, at, fixed) in [
        (
            "  preferred_name: Mari\n",
            "  preferred_name: `Mari`\n",
            "maria-lopez.yaml:3:19:",
            "`  preferred_name: \"Mari\"`",
        ),
        (
            "  summary: Right shoulder pain when reaching up\n",
            "  summary: `Right shoulder pain when reaching up\n",
            "maria-lopez.yaml:8:12:",
            "`  summary: \"Right shoulder pain when reaching up\"`",
        ),
        (
            "[Adjust your exercises at every visit]",
            "[`Adjust your exercises` at every visit, Call me]",
            "maria-lopez.yaml:29:15:",
            "`  clinician: [\"Adjust your exercises at every visit\", Call me]`",
        ),
        (
            "  patient: [Do your exercises twice a day]\n",
            "  patient:\n    - `Do your exercises twice a day`\n",
            "maria-lopez.yaml:31:7:",
            "`    - \"Do your exercises twice a day\"`",
        ),
    ] {
        let (code, err) = check_edited(&[(from, to)]);
        assert_eq!(code, Some(1), "{err}");
        assert!(
            err.contains(&format!(
                "{at} error[HP0001]: this text starts with a backquote (`)"
            )),
            "{to}: {err}"
        );
        assert!(
            err.contains(&format!(
                "use straight double quotes (\") instead: write it as {fixed}"
            )),
            "{to}: {err}"
        );
        no_jargon(&err);
    }
    // `@` still says to quote the text, with the whole line written out.
    let (_, err) = check_edited(&[(
        "  focus: We will check your reach.",
        "  focus: @home exercises",
    )]);
    assert!(
        err.contains("maria-lopez.yaml:35:10: error[HP0001]: text cannot start with `@` unless it is in quotes"),
        "{err}"
    );
    assert!(
        err.contains("write it as `  focus: \"@home exercises\"`"),
        "{err}"
    );
}

#[test]
fn backquotes_inside_a_text_are_text() {
    let (code, err) = check_edited(&[(
        "  focus: We will check your reach.",
        "  focus: We will check your `reach` and try the \"blue\" band.",
    )]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("backquote"), "{err}");
}

#[test]
fn a_key_lined_up_with_the_dash_above_is_the_line_to_fix() {
    let (code, err) = check_edited(&[(
        "    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }\n",
        "    - name: Reaching up\n    now: Pain 6 out of 10\n      target: Pain 1 out of 10\n",
    )]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("maria-lopez.yaml:16:5: error[HP0001]: `now` is lined up with the `-` of the list item above it, so it belongs to no item"),
        "{err}"
    );
    assert!(
        err.contains("line it up with `name`: write it as `      now: Pain 6 out of 10`"),
        "{err}"
    );
    // An exercise's key under its dash.
    let (code, err) = check_edited(&[("        sets: 2\n", "      sets: 2\n")]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "maria-lopez.yaml:21:7: error[HP0001]: `sets` is lined up with the `-` of the list item above it"
        ),
        "{err}"
    );
    assert!(
        err.contains("line it up with `use`: write it as `        sets: 2`"),
        "{err}"
    );
    // The list laid out as it should be reads.
    let (code, err) = check_edited(&[(
        "    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }\n",
        "    - name: Reaching up\n      now: Pain 6 out of 10\n      target: Pain 1 out of 10\n",
    )]);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn a_list_or_a_text_where_one_group_belongs_says_what_to_write() {
    let c = Clinic::with_plan();
    let one = "  clinician:\n    - name: Sam Rivera\n      credentials: \"PT, DPT\"\n";
    let site = SITE.replace(
        "  clinician: { name: Sam Rivera, credentials: \"PT, DPT\" }\n",
        one,
    );
    c.write("site.yaml", &site);
    let (code, err) = check_short(&c);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("site.yaml:8:5: error[HP0004]: `clinic.clinician` holds one group of keys, not a list: the `-` in front makes it a list"),
        "{err}"
    );
    assert!(
        err.contains("help: take out the `- `: write it as `    name: Sam Rivera`, with the item's other keys lined up under `name`"),
        "{err}"
    );
    no_jargon(&err);
    // Two clinicians: keep one.
    c.write(
        "site.yaml",
        &site.replace("\"PT, DPT\"\n", "\"PT, DPT\"\n    - name: Ana Ruiz\n"),
    );
    let (_, err) = check_short(&c);
    assert!(err.contains("keep one item and take out its `- `"), "{err}");
    no_jargon(&err);
    // Its key lined up with the dash: that line first.
    c.write(
        "site.yaml",
        &site.replace("      credentials", "    credentials"),
    );
    let (_, err) = check_short(&c);
    assert!(
        err.contains("site.yaml:9:5: error[HP0001]: `credentials` is lined up with the `-`"),
        "{err}"
    );
    // A text where a group belongs.
    c.write(
        "site.yaml",
        &SITE.replace(
            "{ name: Sam Rivera, credentials: \"PT, DPT\" }",
            "Sam Rivera, PT",
        ),
    );
    let (_, err) = check_short(&c);
    assert!(
        err.contains("site.yaml:7:14: error[HP0004]: `clinic.clinician` holds a group of `key: value` lines, not a single text"),
        "{err}"
    );
    no_jargon(&err);
}

#[test]
fn a_text_where_a_list_belongs_is_put_in_brackets() {
    let (code, err) = check_edited(&[(
        "  clinician: [Adjust your exercises at every visit]",
        "  clinician: Adjust your exercises, and check them",
    )]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("maria-lopez.yaml:29:14: error[HP0004]: `responsibilities.clinician` holds a list, not a single text"),
        "{err}"
    );
    assert!(
        err.contains("write it as `  clinician: [\"Adjust your exercises, and check them\"]`"),
        "{err}"
    );
    no_jargon(&err);
}

#[test]
fn a_hold_or_minutes_of_zero_is_refused_like_no_sets() {
    // "Hold it for 0 seconds" is no dose: like `sets: 0`, each is refused
    // at its line, in a plan and in the exercise library, all in one run.
    let c = Clinic::with_plan();
    let plan = PLAN.replacen("        hold_seconds: 5\n", "        hold_seconds: 0\n", 1);
    let line = plan
        .lines()
        .position(|l| l.trim() == "hold_seconds: 0")
        .expect("the plan has a hold")
        + 1;
    c.write(PLAN_FILE, &plan);
    c.write(
        "content/exercises/pendulum.yaml",
        &PENDULUM.replace(
            "dose: { reps: 10, per_day: 2 }",
            "dose: { reps: 10, minutes: 0 }",
        ),
    );
    let (code, err) = check_short(&c);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!("{PLAN_FILE}:{line}:"))
            && err.contains("hold_seconds")
            && err.contains("1 or more"),
        "{err}"
    );
    assert!(
        err.contains("content/exercises/pendulum.yaml:") && err.contains("minutes"),
        "{err}"
    );
    // A hold of one second or more is a dose.
    let c = Clinic::with_plan();
    c.write(
        PLAN_FILE,
        &PLAN.replacen("hold_seconds: 5", "hold_seconds: 1", 1),
    );
    let (code, err) = check_short(&c);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn a_key_with_an_invisible_character_says_so() {
    // A word processor's non-breaking space before the colon, or a
    // zero-width space inside the key: the key looks right and is not.
    for (typed, shown) in [
        ("  statement\u{a0}: Lift", "statement"),
        ("  state\u{200b}ment: Lift", "statement"),
    ] {
        let (code, err) = check_edited(&[("  statement: Lift", typed)]);
        assert_eq!(code, Some(1), "{err}");
        assert!(
            err.contains("invisible character") && err.contains(&format!("type `{shown}:` again")),
            "{typed:?}: {err}"
        );
        // One mistake, one error: the key is not also reported missing.
        assert!(!err.contains("missing"), "{typed:?}: {err}");
    }
    // A key merely misspelt is told the nearest key, not an invisible one.
    let (_, err) = check_edited(&[("  statement: Lift", "  statment: Lift")]);
    assert!(
        err.contains("did you mean `statement`") && !err.contains("invisible"),
        "{err}"
    );
}
