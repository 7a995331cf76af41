//! Never lose a file: a build keeps the PDFs heropath printed and the files
//! someone else put into the handouts folder, and refuses to replace a
//! public folder holding such a file; `handout` needs only its own
//! plan and finds the clinic folder from the plan's path or a slug.
//!
//! PDFs are printed by a stand-in for Chromium (a shell script given as
//! HEROPATH_CHROMIUM that writes the file Chromium would), so these tests
//! need no browser; one test uses the real Chromium when it is installed.

mod common;
use common::*;
use std::path::Path;

/// `c.cmd(args)` printing with `browser`.
fn with_browser(c: &Clinic, browser: &Path, args: &[&str]) -> std::process::Output {
    c.cmd(args)
        .env("HEROPATH_CHROMIUM", browser)
        .output()
        .unwrap()
}

/// `heropath --today … args` run in `dir`, without `--root`.
fn in_dir(dir: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("heropath")
        .unwrap()
        .current_dir(dir)
        .args(["--today", TODAY])
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1795651200")
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_pdf_printed_at_the_desk_survives_a_build_and_is_reported_once_stale() {
    let c = Clinic::with_plan();
    let browser = fake_chromium(&c);
    let out = with_browser(
        &c,
        &browser,
        &["handout", "content/plans/maria-lopez.yaml", "--pdf"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = c.read("handouts/maria-lopez.pdf");
    assert!(printed.starts_with("%PDF"), "{printed}");

    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        c.read("handouts/maria-lopez.pdf"),
        printed,
        "the build kept the PDF as it was printed"
    );
    assert!(
        !stderr(&out).contains("HP0405"),
        "the handout did not change: {}",
        stderr(&out)
    );

    // The plan changes: the PDF is kept, and the build says it is stale.
    c.write(
        "content/plans/maria-lopez.yaml",
        &format!("{PLAN}{STORY}").replace("it does not hurt", "it does not hurt at all"),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "a warning: {}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("handouts/maria-lopez.pdf") && err.contains("warning[HP0405]"),
        "{err}"
    );
    assert_eq!(c.read("handouts/maria-lopez.pdf"), printed);

    // A plan that is gone takes its PDF with it, and the build says so.
    std::fs::remove_file(c.path().join("content/plans/maria-lopez.yaml")).unwrap();
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!c.path().join("handouts/maria-lopez.pdf").exists());
    assert!(stderr(&out).contains("maria-lopez.pdf"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn build_pdf_prints_every_handout_and_reprints_only_what_changed() {
    let c = Clinic::with_plan();
    c.write(
        "content/plans/ann-lee.yaml",
        &PLAN
            .replace("Maria Lopez", "Ann Lee")
            .replace("Mari\n", "Ann\n"),
    );
    let browser = fake_chromium(&c);
    let out = with_browser(&c, &browser, &["build", "--pdf"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let maria = c.read("handouts/maria-lopez.pdf");
    let ann = c.read("handouts/ann-lee.pdf");
    assert!(maria.starts_with("%PDF") && ann.starts_with("%PDF"));

    c.write(
        "content/plans/ann-lee.yaml",
        &PLAN
            .replace("Maria Lopez", "Ann Lee")
            .replace("Mari\n", "Ann\n")
            .replace("it does not hurt", "it no longer hurts"),
    );
    let out = with_browser(&c, &browser, &["build", "--pdf"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(c.read("handouts/maria-lopez.pdf"), maria, "unchanged: kept");
    assert_ne!(
        c.read("handouts/ann-lee.pdf"),
        ann,
        "changed: printed again"
    );
    assert!(!stderr(&out).contains("HP0405"), "{}", stderr(&out));
}

#[test]
fn build_pdf_without_a_browser_fails_and_writes_nothing() {
    let c = Clinic::with_plan();
    c.cmd(&["build"]).assert().success();
    let before = c.tree("handouts");
    let missing = c.path().join("no-such-chromium");
    let out = with_browser(&c, &missing, &["build", "--pdf"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("error[HP0402]"), "{}", stderr(&out));
    assert_eq!(
        c.tree("handouts"),
        before,
        "the handouts were left as they were"
    );
}

/// `err` has a line `FILE: WHAT` (`warning[HP0404]`...) for each file.
fn names_each(err: &str, files: &[&str], what: &str) {
    for f in files {
        assert!(
            err.lines().any(|l| l.starts_with(&format!("{f}: {what}"))),
            "{f} named: {err}"
        );
    }
}

#[test]
fn a_file_put_into_handouts_by_hand_survives_a_build_with_a_warning() {
    let c = Clinic::with_plan();
    c.cmd(&["build"]).assert().success();
    c.write("handouts/notes.txt", "call Maria back on Friday\n");
    c.write("handouts/scans/intake.txt", "intake form\n");

    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "a warning: {}", stderr(&out));
    names_each(
        &stderr(&out),
        &["handouts/notes.txt", "handouts/scans/intake.txt"],
        "warning[HP0404]",
    );
    assert_eq!(c.read("handouts/notes.txt"), "call Maria back on Friday\n");
    assert_eq!(c.read("handouts/scans/intake.txt"), "intake form\n");
    assert!(c.path().join("handouts/maria-lopez.html").exists());

    // --strict refuses the warning, and still loses nothing.
    let out = c.cmd(&["build", "--strict"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(c.read("handouts/notes.txt"), "call Maria back on Friday\n");
}

#[test]
fn a_file_put_into_the_public_folder_stops_the_build_and_is_not_lost() {
    let c = Clinic::with_plan();
    c.cmd(&["build"]).assert().success();
    let home = c.read("public/index.html");
    let handout = c.read("handouts/maria-lopez.html");
    // A verification file, and a deployment's repository (hidden, nested).
    c.write("public/google1234.html", "google-site-verification\n");
    c.write("public/.git/config", "[core]\n");
    c.write(
        "content/plans/maria-lopez.yaml",
        &c.read("content/plans/maria-lopez.yaml")
            .replace("Maria Lopez", "Maria Lopes"),
    );

    for args in [&["check"][..], &["build"][..]] {
        let out = c.cmd(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        names_each(
            &stderr(&out),
            &["public/google1234.html", "public/.git/config"],
            "error[HP0406]",
        );
    }
    assert_eq!(
        c.read("public/google1234.html"),
        "google-site-verification\n"
    );
    assert_eq!(c.read("public/.git/config"), "[core]\n");
    assert_eq!(c.read("public/index.html"), home, "public site replaced");
    assert_eq!(
        c.read("handouts/maria-lopez.html"),
        handout,
        "nothing written"
    );

    // The way through: the file that belongs on the site goes to static/.
    std::fs::remove_dir_all(c.path().join("public/.git")).unwrap();
    std::fs::rename(
        c.path().join("public/google1234.html"),
        c.path().join("google1234.html"),
    )
    .unwrap();
    c.write("static/google1234.html", "google-site-verification\n");
    c.cmd(&["build"]).assert().success();
    assert_eq!(
        c.read("public/google1234.html"),
        "google-site-verification\n"
    );
    assert!(c.read("handouts/maria-lopez.html").contains("Maria Lopes"));
    // Now heropath's own: later builds replace it without a word.
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(
        out.status.success() && !stderr(&out).contains("HP0406"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_hand_made_file_in_the_way_of_a_new_handout_is_moved_aside_not_lost() {
    let c = Clinic::new();
    c.cmd(&["build"]).assert().success();
    c.write("handouts/maria-lopez.html", "<p>my own page</p>\n");
    c.write("content/plans/maria-lopez.yaml", PLAN);

    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("warning[HP0404]"), "{err}");
    assert!(
        err.contains(".heropath-kept/"),
        "the new place is named: {err}"
    );
    assert!(text_of(&c.read("handouts/maria-lopez.html")).contains("Mari"));
    let kept: Vec<_> = c
        .tree("handouts/.heropath-kept")
        .into_iter()
        .map(|(_, bytes)| bytes)
        .collect();
    assert_eq!(kept, vec![b"<p>my own page</p>\n".to_vec()]);

    // Kept by the next build too, without another warning for it.
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(!stderr(&out).contains("HP0404"), "{}", stderr(&out));
    assert_eq!(c.tree("handouts/.heropath-kept").len(), 1);
}

#[test]
fn one_plans_handout_does_not_depend_on_other_plans() {
    let c = Clinic::with_plan();
    c.write("content/plans/broken.yaml", "patient: [\n");
    c.write("content/plans/also-broken.yaml", "patient:\n  name: Al\n");
    let out = c
        .cmd(&["handout", "content/plans/maria-lopez.yaml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(text_of(&c.read("handouts/maria-lopez.html")).contains("Mari"));
    assert!(!stderr(&out).contains("broken"), "{}", stderr(&out));
}

#[test]
fn a_broken_plan_reports_its_own_error_not_that_it_is_missing() {
    let c = Clinic::new();
    c.write("content/plans/nobody.yaml", "patient: [\n");
    let out = c
        .cmd(&["handout", "content/plans/nobody.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // The plan's own YAML error (an unclosed `[`), at its file and line.
    assert!(
        err.contains("content/plans/nobody.yaml:2:1: error[HP0001]"),
        "{err}"
    );
    assert!(!err.contains("no plan"), "{err}");
}

#[test]
fn handout_finds_the_clinic_folder_above_the_plan_from_anywhere() {
    let parent = tempfile::tempdir().unwrap();
    let c = Clinic::with_plan();
    let clinic = parent.path().join("my-clinic");
    copy_dir(c.path(), &clinic);

    let out = in_dir(
        parent.path(),
        &["handout", "my-clinic/content/plans/maria-lopez.yaml"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(clinic.join("handouts/maria-lopez.html").is_file());
    assert!(!parent.path().join("handouts").exists());

    // From deeper inside the clinic folder too.
    std::fs::remove_dir_all(clinic.join("handouts")).unwrap();
    let out = in_dir(
        &clinic.join("content"),
        &["handout", "plans/maria-lopez.yaml"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(clinic.join("handouts/maria-lopez.html").is_file());

    // Outside any clinic folder, the error says so.
    let out = in_dir(parent.path(), &["handout", "maria-lopez"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("error[HP0011]"), "{}", stderr(&out));
}

#[test]
fn handout_takes_a_slug_and_suggests_the_closest_one() {
    let c = Clinic::with_plan();
    let out = in_dir(c.path(), &["handout", "maria-lopez"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(c.path().join("handouts/maria-lopez.html").is_file());

    let out = in_dir(c.path(), &["handout", "maria-lopes"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error[HP0010]"), "{err}");
    assert!(err.contains("no plan `maria-lopes`"), "{err}");
    assert!(err.contains("did you mean `maria-lopez`?"), "{err}");
}

#[test]
fn handout_takes_the_patients_name_as_typed_unless_two_patients_share_it() {
    let c = Clinic::with_plan();
    let out = in_dir(c.path(), &["handout", "Maria Lopez"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(c.path().join("handouts/maria-lopez.html").is_file());

    // A part of the name lists the plans that have it.
    let out = in_dir(c.path(), &["handout", "Lopez"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("plans with `lopez` in their name: `maria-lopez`"),
        "{err}"
    );

    // A second Maria Lopez: which one is for the therapist to say, never
    // for heropath to guess (the other patient's plan would be printed).
    std::fs::remove_file(c.path().join("handouts/maria-lopez.html")).unwrap();
    c.write(
        "content/plans/maria-lopez-2.yaml",
        &c.read("content/plans/maria-lopez.yaml"),
    );
    let out = in_dir(c.path(), &["handout", "Maria Lopez"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("more than one plan has that name: `maria-lopez`, `maria-lopez-2`"),
        "{err}"
    );
    assert!(!c.path().join("handouts/maria-lopez.html").exists());
    assert!(!c.path().join("handouts/maria-lopez-2.html").exists());
}

/// With the real Chromium, when it is installed (CI installs it; see
/// tests/print.rs): the PDF printed at the desk survives a build.
#[test]
fn a_real_pdf_survives_a_build() {
    if heropath::build::pdf::find_browser().is_none() {
        assert!(
            std::env::var("CI").is_err(),
            "CI must install chromium (see .ci/run)"
        );
        eprintln!("skipping: no Chromium installed");
        return;
    }
    let c = Clinic::with_plan();
    let out = c
        .cmd(&["handout", "maria-lopez", "--pdf"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = std::fs::read(c.path().join("handouts/maria-lopez.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(c.path().join("handouts/maria-lopez.pdf")).unwrap(),
        pdf
    );
}
