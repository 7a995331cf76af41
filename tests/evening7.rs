//! A therapist's evening, round 7: a new episode's plan copied from the
//! old one with its story (published twice, and nothing said), and a dose
//! written as people say it (`reps: 10 reps`, `hold_seconds: 30s`,
//! `sets: two`, `reps: 10-15`). Each test drives the real binary over a
//! real clinic folder.

mod common;
use common::*;

#[test]
fn a_new_episode_copied_with_its_story_publishes_it_once_and_says_so() {
    let c = Clinic::with_plan();
    // The same patient, her name written with its accents this time.
    let again = format!("{PLAN}{STORY}").replace("Maria Lopez", "María López");
    c.write("content/plans/maria-lopez-2027.yaml", &again);
    // Another patient born the same day keeps her story.
    let other = format!("{PLAN}{STORY}")
        .replace("Maria Lopez", "Ruth Gomez")
        .replace("(302) 555-0142", "(302) 555-0199")
        .replace("maria.lopez@mail.test", "ruth@mail.test")
        .replace("Back to hugging", "Back to lifting");
    c.write("content/plans/ruth-gomez.yaml", &other);
    let out = c.cmd(&["--format", "short", "check"]).output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(
            "content/plans/maria-lopez-2027.yaml:37:1: warning[HP0207]: story not published: content/plans/maria-lopez.yaml already publishes a story of the same patient"
        ),
        "{err}"
    );
    assert!(
        !err.contains("maria-lopez.yaml:37:1: warning[HP0207]"),
        "{err}"
    );

    let out = c.cmd(&["build"]).output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("HP0207"), "the build says it too: {err}");
    let mut stories: Vec<_> = std::fs::read_dir(c.path().join("public/stories"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().join("index.html").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    stories.sort();
    assert_eq!(
        stories,
        [
            "back-to-hugging-her-granddaughter",
            "back-to-lifting-her-granddaughter"
        ],
        "{err}"
    );
    // Every plan's handout is still written.
    assert_eq!(c.plan_handouts().len(), 3);
}

#[test]
fn a_dose_written_with_its_unit_says_to_write_the_number_alone() {
    let (code, err) = check_edited(&[
        ("        reps: 10\n", "        reps: 10 reps\n"),
        ("        hold_seconds: 5\n", "        hold_seconds: 30s\n"),
    ]);
    assert_eq!(code, Some(1), "{err}");
    // Both in one run, each at its value, with the number to write.
    assert!(
        err.contains("maria-lopez.yaml:25:15: error[HP0004]: steps[0].exercises[1].reps: `10 reps` is a number with a word after it"),
        "{err}"
    );
    assert!(err.contains("help: write `reps: 10`"), "{err}");
    assert!(
        err.contains("maria-lopez.yaml:24:23: error[HP0004]: steps[0].exercises[1].hold_seconds: `30s` is a time in seconds: `hold_seconds` takes the number alone"),
        "{err}"
    );
    assert!(err.contains("`hold_seconds: 30`"), "{err}");
    assert!(
        !err.contains("u32"),
        "Rust's words reach the therapist: {err}"
    );
}

#[test]
fn a_dose_in_words_or_as_a_range_says_which_number_to_write() {
    let (code, err) = check_edited(&[
        ("        sets: 2\n", "        sets: two\n"),
        ("        reps: 10\n", "        reps: 10-15\n"),
    ]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("maria-lopez.yaml:21:15: error[HP0004]: steps[0].exercises[0].sets: `two` is a number in words"),
        "{err}"
    );
    assert!(err.contains("help: write it in digits: `sets: 2`"), "{err}");
    assert!(
        err.contains(
            "maria-lopez.yaml:25:15: error[HP0004]: steps[0].exercises[1].reps: `10-15` is a range"
        ),
        "{err}"
    );
    assert!(err.contains("write `reps: 10`"), "{err}");
}

#[test]
fn a_handout_open_in_an_editor_is_named_by_its_lock_file() {
    let c = Clinic::with_plan();
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // LibreOffice opened the handout: its lock file sits beside it.
    c.write(
        "handouts/.~lock.maria-lopez.html#",
        ",Sam,desk,26.11.2026 18:02,",
    );
    let out = c.cmd(&["--format", "short", "build"]).output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("handouts/.~lock.maria-lopez.html#: warning[HP0404]: `maria-lopez.html` is open in another program (this is its lock file): kept where it is"),
        "{err}"
    );
    assert!(err.contains("close it there and open it again"), "{err}");
    assert!(c.path().join("handouts/.~lock.maria-lopez.html#").is_file());
}
