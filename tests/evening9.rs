//! A therapist's evening, round 9: a broken plan leaves yesterday's
//! handout in `handouts/` (say so, with its date, so it is not printed by
//! mistake), a goal target that cannot be measured, a value of the wrong
//! shape told in serde's words. Each test drives the real binary over a
//! real clinic folder and reads what a person sees.

mod common;
use common::*;

const PLAN_FILE: &str = "content/plans/maria-lopez.yaml";

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
