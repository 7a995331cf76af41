//! Which handouts `check` renders. It renders what rendering can tell it
//! something about: handouts and the caseload made with templates or
//! strings the clinic wrote (on disk, in `templates/` or in a theme
//! folder), and a handout whose printed PDF may be stale. Handouts made
//! with heropath's own templates render for every plan the checks pass
//! (`check` and `build` agree below), so a check leaves them out and says
//! so with `--verbose`.

mod common;
use common::*;

/// `check --verbose`: whether it passed, and its standard error.
fn check(c: &Clinic) -> (bool, String) {
    let out = c.cmd(&["--verbose", "check"]).output().unwrap();
    (out.status.success(), stderr(&out))
}

/// How many handouts the check says it did not render (`--verbose`).
fn not_rendered(err: &str) -> usize {
    err.find(" more not rendered: heropath's own templates)")
        .and_then(|at| err[..at].rsplit(' ').next())
        .map_or(0, |n| n.parse().unwrap())
}

#[test]
fn heropaths_own_templates_are_not_rendered_by_a_check_wherever_they_are_read_from() {
    // Embedded in the binary.
    let c = Clinic::with_plan();
    let (ok, err) = check(&c);
    assert!(ok, "{err}");
    assert_eq!(not_rendered(&err), 1, "{err}");
    // A byte-for-byte copy on disk (this repository's sample clinic).
    let c = Clinic::sample();
    let (ok, err) = check(&c);
    assert!(ok, "{err}");
    assert!(not_rendered(&err) >= 5, "{err}");
}

#[test]
fn a_template_the_clinic_wrote_is_rendered_by_a_check_and_its_error_reported() {
    // The handout, a part it includes, the theme's copy of it, the
    // caseload and its row: each fails to render (it compiles), and the check says
    // where, as the build would.
    for file in [
        "templates/handout.html",
        "templates/handout-remember.html",
        "themes/default/templates/handout.html",
        "templates/caseload.html",
        "templates/caseload-row.html",
    ] {
        let c = Clinic::with_plan();
        c.write(file, "<p>{{ nope.field }}</p>\n");
        let (ok, err) = check(&c);
        assert!(!ok, "{file}: {err}");
        assert!(
            err.contains(&format!("{file}:1:")) && err.contains("HP0303"),
            "{file}: {err}"
        );
        assert_eq!(not_rendered(&err), 0, "{file}: {err}");
        let out = c.cmd(&["build"]).output().unwrap();
        assert!(!out.status.success(), "{file}: the build fails as well");
    }
}

#[test]
fn any_template_or_string_the_clinic_changed_makes_a_check_render_every_handout() {
    let changes: [(&str, &str); 3] = [
        // A public page's template: the handouts are no longer known to
        // be heropath's whole theme, so they are rendered too.
        ("templates/page.html", "{{ page.title }}\n"),
        // A new template, used by nothing heropath ships.
        ("templates/extra.html", "extra\n"),
        // One phrase of a string table.
        (
            "themes/default/i18n/en.yaml",
            "dose_reps: \"Do it {reps} times, slowly.\"\n",
        ),
    ];
    for (file, text) in changes {
        let c = Clinic::with_plan();
        c.write(file, text);
        let (_, err) = check(&c);
        assert_eq!(not_rendered(&err), 0, "{file}: {err}");
        assert!(err.contains(": 1 handout(s)"), "{file}: {err}");
    }
}

#[test]
fn check_and_build_report_the_same_problems_on_the_sample_clinic() {
    let c = Clinic::sample();
    let run = |cmd: &str| {
        let out = c.cmd(&["--format", "json", cmd]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        lines.sort();
        (out.status.code(), lines)
    };
    let checked = run("check");
    let built = run("build");
    assert_eq!(checked, built);
    assert!(
        !built.1.is_empty(),
        "the sample clinic has warnings to compare"
    );
}
