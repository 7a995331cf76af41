//! Story records: `heropath stories export DIR` writes consented stories as
//! de-identified records, and a website folder with `content/stories/` and
//! no plans builds the public site from them.

mod common;
use common::*;
use std::path::Path;

const RECORD_FILE: &str = "back-to-hugging-her-granddaughter.yaml";

/// Every file of an export folder (hidden ones too), as (name, text).
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.file_name().to_string_lossy().into_owned(), text)
        })
        .collect();
    out.sort();
    out
}

fn names(dir: &Path) -> Vec<String> {
    files(dir).into_iter().map(|(n, _)| n).collect()
}

/// A website folder: site.yaml and one page, no plans and no exercises.
fn website() -> Clinic {
    let w = Clinic {
        dir: tempfile::tempdir().unwrap(),
    };
    w.write("site.yaml", SITE);
    w.write(
        "content/pages/about.md",
        "---\ntitle: About us\n---\nWe help.\n",
    );
    w
}

/// A record as export writes it, with this `consent:` line.
fn record(consent: &str) -> String {
    format!(
        "body: Mari came to us with a sore shoulder.\n{consent}display_name: Mari L.\npublished_on: 2026-11-25\ntags: [shoulder]\ntitle: Back to hugging her granddaughter\n"
    )
}

fn story_pages(c: &Clinic) -> Vec<String> {
    c.tree("public/stories")
        .into_iter()
        .map(|(p, _)| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| p != "index.html")
        .collect()
}

fn export(c: &Clinic, dir: &Path) -> std::process::Output {
    c.cmd(&["stories", "export"]).arg(dir).output().unwrap()
}

#[test]
fn export_writes_only_consented_stories_with_only_public_fields() {
    let c = Clinic::with_plan();
    // Expired, draft, and no story at all: none of them is exported.
    let other = |name: &str, email: &str, story: &str| {
        PLAN.replace("Maria Lopez", name)
            .replace("maria.lopez@mail.test", email)
            + &story.replace("Back to hugging", &format!("{name} back to hugging"))
    };
    let expired = STORY.replace("expires_on: 2027-11-20", "expires_on: 2026-11-25");
    c.write(
        "content/plans/ann-expired.yaml",
        &other("Ann Expired", "ann@mail.test", &expired),
    );
    c.write(
        "content/plans/dan-draft.yaml",
        &format!(
            "draft: true\n{}",
            other("Dan Draft", "dan@mail.test", STORY)
        ),
    );
    c.write(
        "content/plans/no-story.yaml",
        &other("Nell Story", "nell@mail.test", ""),
    );
    let out_dir = tempfile::tempdir().unwrap();
    let dir = out_dir.path().join("stories");
    let out = export(&c, &dir);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("exported 1 story"),
        "{}",
        stderr(&out)
    );
    assert_eq!(names(&dir), vec![".heropath-stories", RECORD_FILE]);
    for (name, text) in files(&dir) {
        for private in [
            "Maria Lopez",
            "Lopez",
            "555-0142",
            "maria.lopez@mail.test",
            "1968-04-12",
            "maria-lopez",
            "content/plans",
            "2026-11-20",
            "2026-12-03",
            "signed_on",
            "public_words",
            "Ann",
            "Dan",
            "Nell",
        ] {
            assert!(!text.contains(private), "{name} holds {private}:\n{text}");
        }
    }
    let text = std::fs::read_to_string(dir.join(RECORD_FILE)).unwrap();
    let value: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let keys = |v: &serde_yaml::Value| -> Vec<String> {
        let map = v.as_mapping().expect("a mapping");
        map.keys()
            .map(|k| k.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        keys(&value),
        [
            "body",
            "consent",
            "display_name",
            "published_on",
            "quote",
            "tags",
            "title"
        ]
    );
    assert_eq!(keys(&value["consent"]), ["expires_on", "scope"]);
    assert_eq!(value["display_name"].as_str(), Some("Mari L."));
    assert_eq!(value["consent"]["expires_on"].as_str(), Some("2027-11-20"));
    // The same inputs, the same bytes.
    let first = files(&dir);
    assert!(export(&c, &dir).status.success());
    assert_eq!(first, files(&dir));
}

#[test]
fn a_story_whose_consent_ended_leaves_the_folder_on_the_next_export() {
    let c = Clinic::with_plan();
    let out_dir = tempfile::tempdir().unwrap();
    let dir = out_dir.path();
    assert!(export(&c, dir).status.success());
    assert!(dir.join(RECORD_FILE).is_file());
    // The consent ran to 2027-11-20.
    let out = c
        .cmd_on("2027-11-21", &["stories", "export"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("HP0202") && err.contains("removed 1"), "{err}");
    assert_eq!(names(dir), vec![".heropath-stories"]);
    assert!(!files(dir)[0].1.contains(RECORD_FILE));
}

#[test]
fn a_foreign_file_in_the_export_folder_is_never_removed_silently() {
    let c = Clinic::with_plan();
    let out_dir = tempfile::tempdir().unwrap();
    let dir = out_dir.path();
    assert!(export(&c, dir).status.success());
    let exported = files(dir);
    // A hand-written record and a note: heropath did not write them.
    std::fs::write(dir.join("open-day.yaml"), "title: Open day\n").unwrap();
    std::fs::write(dir.join("notes.txt"), "mine\n").unwrap();
    std::fs::write(dir.join(".gitkeep"), "").unwrap();
    // Even a story that has to go does not take them with it.
    let out = c
        .cmd_on("2027-11-21", &["stories", "export"])
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("notes.txt, open-day.yaml"), "{err}");
    assert!(err.contains("refusing to export"), "{err}");
    assert!(
        !err.contains(".gitkeep"),
        "hidden files are left alone: {err}"
    );
    let mut now = files(dir);
    now.retain(|(n, _)| !["open-day.yaml", "notes.txt", ".gitkeep"].contains(&n.as_str()));
    assert_eq!(now, exported, "nothing written or removed");
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.txt")).unwrap(),
        "mine\n"
    );
    assert!(dir.join("open-day.yaml").is_file());
}

#[test]
fn a_story_carrying_an_identifier_is_not_exported() {
    let c = Clinic::new();
    let story = STORY.replace(
        "Now she lifts with ease.",
        "Call her on (302) 555-0142 to hear more.",
    );
    let text = format!("{PLAN}{story}");
    c.write("content/plans/maria-lopez.yaml", &text);
    let line = text.lines().position(|l| l.starts_with("  body:")).unwrap() + 1;
    let out_dir = tempfile::tempdir().unwrap();
    let dir = out_dir.path().join("stories");
    let out = export(&c, &dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "content/plans/maria-lopez.yaml:{line}:3: error[HP0501]"
        )),
        "{err}"
    );
    assert!(err.contains("phone number"), "{err}");
    assert!(!dir.exists(), "nothing is written");
}

#[test]
fn a_website_folder_without_plans_builds_from_exported_records() {
    let c = Clinic::with_plan();
    let w = website();
    assert!(
        export(&c, &w.path().join("content/stories"))
            .status
            .success()
    );
    let out = w.cmd(&["build", "--public-only"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        story_pages(&w),
        vec!["back-to-hugging-her-granddaughter/index.html"]
    );
    let page = text_of(&w.read("public/stories/back-to-hugging-her-granddaughter/index.html"));
    assert!(page.contains("Back to hugging her granddaughter"), "{page}");
    assert!(page.contains("Mari L."), "{page}");
    assert!(
        w.read("public/atom.xml")
            .contains("Back to hugging her granddaughter")
    );
    assert!(text_of(&w.read("public/about/index.html")).contains("We help."));
    // The same address as on the clinic's own site.
    assert!(c.cmd(&["build"]).output().unwrap().status.success());
    assert!(
        c.path()
            .join("public/stories/back-to-hugging-her-granddaughter/index.html")
            .is_file()
    );
    // A full build of the website works too, and makes no handout.
    std::fs::remove_dir_all(w.path().join("public")).unwrap();
    let out = w.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(story_pages(&w).len(), 1);
    let handouts = w.tree("handouts");
    assert!(
        handouts
            .iter()
            .all(|(p, _)| !p.to_string_lossy().ends_with(".html")),
        "{handouts:?}"
    );
}

#[test]
fn a_record_whose_consent_ended_or_was_withdrawn_is_not_published() {
    for (consent, code) in [
        (
            "consent: { scope: [website], expires_on: 2026-11-25 }\n",
            "HP0202",
        ),
        (
            "consent: { scope: [website], expires_on: 2027-11-20, revoked: true }\n",
            "HP0203",
        ),
        (
            "consent: { scope: [newsletter], expires_on: 2027-11-20 }\n",
            "HP0204",
        ),
        ("", "HP0201"),
    ] {
        let w = website();
        w.write(&format!("content/stories/{RECORD_FILE}"), &record(consent));
        let out = w.cmd(&["build", "--public-only"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        let at = if consent.is_empty() { 5 } else { 2 };
        assert!(
            err.contains(&format!(
                "content/stories/{RECORD_FILE}:{at}:1: warning[{code}]"
            )),
            "{consent}: {err}"
        );
        assert!(story_pages(&w).is_empty(), "{consent}: published anyway");
        assert!(!w.read("public/atom.xml").contains("Back to hugging"));
    }
    // The same record, valid: published.
    let w = website();
    w.write(
        &format!("content/stories/{RECORD_FILE}"),
        &record("consent: { scope: [website], expires_on: 2026-11-26 }\n"),
    );
    w.cmd(&["build", "--public-only"]).assert().success();
    assert_eq!(story_pages(&w).len(), 1);
}

#[test]
fn a_record_and_a_plan_story_at_one_address_is_an_error() {
    let c = Clinic::with_plan();
    c.write(
        &format!("content/stories/{RECORD_FILE}"),
        &record("consent: { scope: [website], expires_on: 2027-11-20 }\n"),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("content/stories/{RECORD_FILE}:6:1: error[HP0403]")),
        "{err}"
    );
    assert!(!c.path().join("public").exists());
}

#[test]
fn a_record_naming_a_patient_fails_a_build_beside_the_plans() {
    let c = Clinic::with_plan();
    c.write(
        "content/stories/open-day.yaml",
        "title: Open day\ndisplay_name: A patient\nbody: Maria Lopez came too.\nconsent: { scope: [website], expires_on: 2027-01-01 }\n",
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("full name"), "{}", stderr(&out));
}

#[test]
fn a_scheduled_story_is_exported_and_appears_on_the_website_on_its_day() {
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &format!(
            "{PLAN}{}",
            STORY.replace("published_on: 2026-11-25", "published_on: 2026-12-24")
        ),
    );
    let w = website();
    let out = export(&c, &w.path().join("content/stories"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(w.path().join("content/stories").join(RECORD_FILE).is_file());
    w.cmd(&["build", "--public-only"]).assert().success();
    assert!(story_pages(&w).is_empty(), "published before its day");
    // The daily build on its day publishes it, with no new export.
    w.cmd_on("2026-12-24", &["build", "--public-only"])
        .assert()
        .success();
    assert_eq!(
        story_pages(&w),
        vec!["back-to-hugging-her-granddaughter/index.html"]
    );
}

/// A day the story tells on purpose travels with it: export copies the
/// story's `public_dates` into the record (keys still in alphabetical
/// order), and the website, which has no plan, lets that day through and
/// no other.
#[test]
fn a_day_a_story_tells_on_purpose_travels_with_the_record() {
    let c = Clinic::with_plan();
    let plan = c.read("content/plans/maria-lopez.yaml").replacen(
        "  body: Mari came to us with a sore shoulder.",
        "  public_dates: [2026-10-03]\n  body: Mari ran the city 5K on October 3, 2026. She came to us with a sore shoulder.",
        1,
    );
    assert!(
        plan.contains("October 3, 2026"),
        "the fixture changed: {plan}"
    );
    c.write("content/plans/maria-lopez.yaml", &plan);
    let built = c.cmd(&["build"]).output().unwrap();
    assert!(built.status.success(), "{}", stderr(&built));
    let w = website();
    let dir = w.path().join("content/stories");
    let out = export(&c, &dir);
    assert!(out.status.success(), "{}", stderr(&out));
    let record = std::fs::read_to_string(dir.join(RECORD_FILE)).unwrap();
    let keys: Vec<&str> = record
        .lines()
        .filter(|l| !l.starts_with([' ', '#', '-']))
        .filter_map(|l| l.split_once(':').map(|(k, _)| k))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "{record}");
    assert!(keys.contains(&"public_dates"), "{record}");
    let out = w.cmd(&["build", "--public-only"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // Another day in the record is the patient's, and fails the build.
    let other = record.replace("October 3, 2026", "October 4, 2026");
    assert_ne!(other, record);
    std::fs::write(dir.join(RECORD_FILE), other).unwrap();
    let out = w.cmd(&["build", "--public-only"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("HP0501") && err.contains(RECORD_FILE), "{err}");
}
