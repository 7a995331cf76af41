//! A therapist's evening, round 6: an empty folder of theirs in an output
//! folder, a key pushed out of its block, a `- ` before a block's first
//! key, a value starting with `&`, and a number far too large. Each test
//! drives the real binary over a real clinic folder.

mod common;
use common::*;

const PLAN_FILE: &str = "content/plans/maria-lopez.yaml";

/// `check --format short` over the sample plan edited by `edit`: the exit
/// code and what it printed.
fn check_edited(edit: impl Fn(&str) -> String) -> (Option<i32>, String) {
    let c = Clinic::with_plan();
    c.write(PLAN_FILE, &edit(PLAN));
    let out = c.cmd(&["--format", "short", "check"]).output().unwrap();
    (out.status.code(), stderr(&out))
}

#[test]
fn an_empty_folder_a_person_made_in_the_handouts_folder_is_kept_and_named() {
    let c = Clinic::with_plan();
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::create_dir_all(c.path().join("handouts/archive/2026")).unwrap();
    for _ in 0..2 {
        let out = c.cmd(&["--format", "short", "build"]).output().unwrap();
        let err = stderr(&out);
        assert!(out.status.success(), "{err}");
        assert!(
            c.path().join("handouts/archive/2026").is_dir(),
            "the folder was removed without a word: {err}"
        );
        assert!(
            err.contains(
                "handouts/archive/2026: warning[HP0404]: heropath did not write this folder"
            ),
            "{err}"
        );
    }
}

#[test]
fn an_empty_folder_a_person_made_in_the_public_folder_stops_the_build() {
    let c = Clinic::with_plan();
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let before = c.tree("public");
    std::fs::create_dir(c.path().join("public/uploads")).unwrap();
    let out = c.cmd(&["--format", "short", "build"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("public/uploads: error[HP0406]: heropath did not write this folder"),
        "{err}"
    );
    assert!(c.path().join("public/uploads").is_dir(), "{err}");
    assert_eq!(c.tree("public"), before, "the public folder changed");
}

#[test]
fn a_key_pushed_to_column_0_inside_its_block_is_reported_at_that_key() {
    // `preferred_name` is line 3 of PLAN, the second key of `patient`.
    let (code, err) = check_edited(|p| p.replace("  preferred_name: Mari", "preferred_name: Mari"));
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!("{PLAN_FILE}:3:1: error[HP0001]: `preferred_name` is indented 0 space(s), less than the other keys of `patient` (2)")),
        "{err}"
    );
    assert!(
        err.contains("write it as `  preferred_name: Mari`"),
        "{err}"
    );
}

#[test]
fn a_dash_before_the_first_key_of_a_block_is_reported_at_the_dash() {
    // `summary` is line 8 of PLAN, the first key of `problem`.
    let (code, err) = check_edited(|p| p.replace("  summary: Right", "  - summary: Right"));
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!("{PLAN_FILE}:8:3: error[HP0001]: `problem` holds keys, but the `- ` before `summary` makes it a list")),
        "{err}"
    );
    assert!(
        err.contains(
            "remove the `- `: write it as `  summary: Right shoulder pain when reaching up`"
        ),
        "{err}"
    );
}

#[test]
fn a_value_starting_with_an_ampersand_is_an_error_at_it() {
    let line = PLAN
        .lines()
        .position(|l| l.starts_with("  focus:"))
        .unwrap()
        + 1;
    for (focus, said) in [
        ("&more", "so `focus` is left empty"),
        (
            "&more Bring your shoes",
            "so only `Bring your shoes` is read",
        ),
    ] {
        let (code, err) = check_edited(|p| {
            p.replace(
                "  focus: We will check your reach.",
                &format!("  focus: {focus}"),
            )
        });
        assert_eq!(code, Some(1), "{focus}: {err}");
        let at = format!("{PLAN_FILE}:{line}:10: error[HP0001]: `&more` is not text to YAML");
        assert!(err.contains(&at) && err.contains(said), "{focus}: {err}");
        assert!(
            err.contains(&format!("write it as `  focus: \"{focus}\"`")),
            "{err}"
        );
    }
    // An anchor a `*more` repeats is YAML on purpose: no error.
    let (code, err) = check_edited(|p| {
        p.replace(
            "  focus: We will check your reach.",
            "  focus: &more Bring your shoes",
        )
        .replace("success: You pick", "success: *more\n#success: You pick")
    });
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn a_number_far_too_large_is_said_plainly() {
    for (key, was) in [("reps", "10"), ("hold_seconds", "5")] {
        let (code, err) = check_edited(|p| {
            p.replace(
                &format!("        {key}: {was}\n"),
                &format!("        {key}: 99999999999999999999\n"),
            )
        });
        assert_eq!(code, Some(1), "{key}: {err}");
        assert!(
            err.contains(&format!(
                "{key}: 99999999999999999999 is too large a number"
            )),
            "{key}: {err}"
        );
        assert!(
            !err.contains("u128") && !err.contains("u32"),
            "{key}: {err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn an_output_folder_that_is_a_link_is_left_alone_and_named_as_a_link() {
    let c = Clinic::with_plan();
    let web = tempfile::tempdir().unwrap();
    std::fs::write(web.path().join("keep.txt"), "theirs").unwrap();
    std::os::unix::fs::symlink(web.path(), c.path().join("public")).unwrap();
    let out = c.cmd(&["--format", "short", "build"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("is a link to"), "{err}");
    assert!(!err.contains("is a file where"), "{err}");
    let link = std::fs::symlink_metadata(c.path().join("public")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let kept = std::fs::read_dir(web.path()).unwrap().count();
    assert_eq!(kept, 1, "the linked folder changed");
}

#[test]
fn a_handout_asked_for_by_the_patients_preferred_name_names_the_plan() {
    // The sample patient Maria Lopez goes by "Mari"; the therapist types that.
    let c = Clinic::with_plan();
    for typed in ["Mari", "mari"] {
        let out = c.cmd(&["handout", typed]).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains("preferred_name") && err.contains("heropath handout maria-lopez"),
            "{typed}: {err}"
        );
        assert!(
            !c.path().join("handouts/maria-lopez.html").exists(),
            "printed without being asked by plan"
        );
    }
    // Someone nobody is called: no plan is suggested.
    let out = c.cmd(&["handout", "zed"]).output().unwrap();
    assert!(!stderr(&out).contains("maria-lopez"), "{}", stderr(&out));
}
