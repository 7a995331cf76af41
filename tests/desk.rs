//! `heropath handout` at the desk never writes over a file heropath did not
//! write: not the clinic's own files at `--output` (whatever the flags),
//! not any other file there without `--force`, and not a person's own HTML
//! or PDF in the handouts folder (moved aside with HP0404, as a build
//! does). A PDF someone put in place of a printed one is theirs from then
//! on: a build neither prints over it nor removes it.
//!
//! PDFs are printed by a stand-in for Chromium (see tests/files.rs).

mod common;
use common::*;
use std::path::Path;

/// `heropath handout maria-lopez` with `args`, printing with `browser`.
fn handout(c: &Clinic, browser: Option<&Path>, args: &[&str]) -> std::process::Output {
    let mut all = vec!["handout", "maria-lopez"];
    all.extend_from_slice(args);
    let mut cmd = c.cmd(&all);
    if let Some(b) = browser {
        cmd.env("HEROPATH_CHROMIUM", b);
    }
    cmd.output().unwrap()
}

fn abs(c: &Clinic, rel: &str) -> String {
    c.path().join(rel).to_string_lossy().into_owned()
}

#[test]
fn output_never_goes_into_the_clinics_own_files_even_with_force() {
    let c = Clinic::with_plan();
    c.write("static/robots.txt", "User-agent: *\n");
    c.write("templates/note.txt", "mine\n");
    c.write("schemas/plan.schema.json", "{}\n");
    let before: Vec<(String, String)> = [
        "content/plans/maria-lopez.yaml",
        "site.yaml",
        "static/robots.txt",
        "templates/note.txt",
        "schemas/plan.schema.json",
    ]
    .iter()
    .map(|f| (f.to_string(), c.read(f)))
    .collect();
    for (file, text) in &before {
        for force in [false, true] {
            let target = abs(&c, file);
            let mut args = vec!["-o", target.as_str()];
            if force {
                args.push("--force");
            }
            let out = handout(&c, None, &args);
            assert_eq!(out.status.code(), Some(1), "{file} {force}");
            assert!(stderr(&out).contains("error[HP0401]"), "{}", stderr(&out));
            assert_eq!(&c.read(file), text, "{file} left as it was");
        }
    }
    // A new file in those folders is refused too, and not made.
    for new in [
        "content/handout.html",
        "themes/x.html",
        ".heropath-cache/h.html",
    ] {
        let out = handout(&c, None, &["-o", &abs(&c, new), "--force"]);
        assert_eq!(out.status.code(), Some(1), "{new}");
        assert!(!c.path().join(new).exists(), "{new}");
    }
}

#[test]
fn output_replaces_only_a_file_heropath_wrote_there_unless_forced() {
    let c = Clinic::with_plan();
    let desk = tempfile::tempdir().unwrap();
    let notes = desk.path().join("notes.html");
    std::fs::write(&notes, "my notes\n").unwrap();
    let notes_arg = notes.to_string_lossy().into_owned();
    let out = handout(&c, None, &["-o", &notes_arg]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error[HP0402]") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes\n");

    // A new file, then the same file again: heropath wrote it, so it may.
    let mine = desk.path().join("maria.html");
    let mine_arg = mine.to_string_lossy().into_owned();
    for _ in 0..2 {
        let out = handout(&c, None, &["-o", &mine_arg]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(text_of(&std::fs::read_to_string(&mine).unwrap()).contains("Mari"));
    }
    // Edited by hand since: no longer heropath's.
    std::fs::write(&mine, "<p>edited</p>\n").unwrap();
    let out = handout(&c, None, &["-o", &mine_arg]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "<p>edited</p>\n");

    // --force is the way through.
    let out = handout(&c, None, &["-o", &notes_arg, "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(text_of(&std::fs::read_to_string(&notes).unwrap()).contains("Mari"));
}

#[cfg(unix)]
#[test]
fn output_with_pdf_does_not_print_over_a_pdf_heropath_did_not_print() {
    let c = Clinic::with_plan();
    let browser = fake_chromium(&c);
    let desk = tempfile::tempdir().unwrap();
    let html = desk
        .path()
        .join("maria.html")
        .to_string_lossy()
        .into_owned();
    let pdf = desk.path().join("maria.pdf");
    std::fs::write(&pdf, "signed copy\n").unwrap();
    let out = handout(&c, Some(&browser), &["-o", &html, "--pdf"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&pdf).unwrap(), "signed copy\n");
    assert!(!Path::new(&html).exists(), "nothing written");

    std::fs::remove_file(&pdf).unwrap();
    for _ in 0..2 {
        let out = handout(&c, Some(&browser), &["-o", &html, "--pdf"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(std::fs::read_to_string(&pdf).unwrap().starts_with("%PDF"));
    }
}

#[cfg(unix)]
#[test]
fn a_persons_own_file_in_the_handouts_folder_is_moved_aside_not_written_over() {
    let c = Clinic::with_plan();
    let browser = fake_chromium(&c);
    c.cmd(&["build"]).assert().success();
    c.write("handouts/maria-lopez.pdf", "scanned signed copy\n");
    let out = handout(&c, Some(&browser), &["--pdf"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("warning[HP0404]") && err.contains(".heropath-kept/"),
        "{err}"
    );
    assert!(c.read("handouts/maria-lopez.pdf").starts_with("%PDF"));
    let kept = kept(&c);
    assert_eq!(kept, vec![b"scanned signed copy\n".to_vec()]);
    // Printed by heropath now: printing again is no warning.
    let out = handout(&c, Some(&browser), &["--pdf"]);
    assert!(!stderr(&out).contains("HP0404"), "{}", stderr(&out));

    // A handouts folder heropath never made: its file stays, the command fails.
    let d = Clinic::with_plan();
    d.write("handouts/maria-lopez.html", "mine\n");
    let out = handout(&d, None, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(d.read("handouts/maria-lopez.html"), "mine\n");
}

#[cfg(unix)]
#[test]
fn a_pdf_put_in_place_of_a_printed_one_is_neither_printed_over_nor_removed() {
    let c = Clinic::with_plan();
    let browser = fake_chromium(&c);
    c.cmd(&["build"]).assert().success();
    assert!(handout(&c, Some(&browser), &["--pdf"]).status.success());
    c.write("handouts/maria-lopez.pdf", "ANNOTATED, SIGNED\n");

    // The plan changes and every PDF is printed again: the annotated copy
    // is moved aside, not printed over.
    c.write(
        "content/plans/maria-lopez.yaml",
        &c.read("content/plans/maria-lopez.yaml")
            .replace("Calm the pain", "Calm the pain first"),
    );
    let out = c
        .cmd(&["build", "--pdf"])
        .env("HEROPATH_CHROMIUM", &browser)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning[HP0404]"), "{}", stderr(&out));
    assert!(c.read("handouts/maria-lopez.pdf").starts_with("%PDF"));
    let kept = kept(&c);
    assert_eq!(kept, vec![b"ANNOTATED, SIGNED\n".to_vec()]);

    // Replaced again, then the plan goes: the person's PDF stays.
    c.write("handouts/maria-lopez.pdf", "ANNOTATED AGAIN\n");
    std::fs::remove_file(c.path().join("content/plans/maria-lopez.yaml")).unwrap();
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("warning[HP0404]") && !err.contains("removed"),
        "{err}"
    );
    assert_eq!(c.read("handouts/maria-lopez.pdf"), "ANNOTATED AGAIN\n");
}

/// The contents of the files moved into `handouts/.heropath-kept/`.
fn kept(c: &Clinic) -> Vec<Vec<u8>> {
    c.tree("handouts/.heropath-kept")
        .into_iter()
        .map(|(_, b)| b)
        .collect()
}

#[test]
fn no_handout_goes_into_a_public_site_that_a_build_made_elsewhere() {
    let c = Clinic::with_plan();
    let away = tempfile::tempdir().unwrap();
    let site = away.path().join("site");
    let site_arg = site.to_string_lossy().into_owned();
    c.cmd(&["build", "--out", &site_arg]).assert().success();
    let before = c.tree(&site_arg);
    // `--output` into that folder, or deeper, with or without --force.
    for rel in ["maria.html", "private/maria.html"] {
        for force in [false, true] {
            let target = site.join(rel).to_string_lossy().into_owned();
            let mut args = vec!["-o", target.as_str(), "--pdf"];
            if force {
                args.push("--force");
            }
            let out = handout(&c, None, &args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{rel}: {err}");
            assert!(
                err.contains("error[HP0401]") && err.contains("is a public website folder"),
                "{rel}: {err}"
            );
            assert!(!site.join(rel).exists(), "{rel} was written");
        }
    }
    // The handouts folder of site.yaml inside it: `handout` and `build`
    // refuse it too.
    let inside = site.join("handouts").to_string_lossy().into_owned();
    c.write(
        "site.yaml",
        &format!("{SITE}output: {{ handouts: \"{inside}\" }}\n"),
    );
    let out = handout(&c, None, &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[HP0401]: refusing to write handouts into"),
        "{err}"
    );
    let out = c.cmd(&["build"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("site.yaml:8:11: error[HP0401]"), "{err}");
    assert!(err.contains("is a public website folder"), "{err}");
    assert!(before == c.tree(&site_arg), "the public site was changed");
    assert!(!site.join("handouts").exists());
    // A handouts folder beside it is fine.
    c.write("site.yaml", SITE);
    let beside = away.path().join("handouts").to_string_lossy().into_owned();
    handout(&c, None, &["-o", &format!("{beside}/maria.html")]);
    assert!(away.path().join("handouts/maria.html").is_file());
}
