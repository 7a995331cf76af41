//! `heropath init` and `heropath new`, driven through the real binary.

mod common;

use common::{Clinic, stderr};
use heropath::plan::{Exercise, Plan};
use std::path::Path;

/// An empty temporary folder, with `heropath` run against it.
fn empty() -> Clinic {
    Clinic {
        dir: tempfile::tempdir().expect("temp dir"),
    }
}

fn parse_plan(c: &Clinic, rel: &str) -> Plan {
    heropath::yaml::parse::<Plan>(&c.read(rel), Path::new(rel))
        .unwrap_or_else(|d| panic!("{rel} does not parse: {}", d.render()))
}

#[test]
fn init_then_build_works_in_an_empty_folder() {
    let c = empty();
    let out = c.cmd(&["init"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(c.path().join("site.yaml").is_file());
    assert!(
        c.path()
            .join("content/exercises/images")
            .read_dir()
            .unwrap()
            .count()
            >= 3,
        "exercise pictures"
    );
    assert!(
        !c.path().join("themes").exists(),
        "init must rely on the embedded theme"
    );
    // The schemas the files' first lines point to, for editors.
    let schema: serde_json::Value =
        serde_json::from_str(&c.read("schemas/plan.schema.json")).expect("a JSON schema");
    assert!(
        schema
            .get("properties")
            .is_some_and(|p| p.get("patient").is_some()),
        "{schema}"
    );
    assert!(
        c.read("content/plans/dana-whitfield.yaml")
            .starts_with("# yaml-language-server: $schema=../../schemas/plan.schema.json")
    );

    // Builds at once, with no warning at all.
    let out = c.cmd(&["build", "--strict"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let handout = c.read("handouts/dana-whitfield.html");
    assert!(
        handout.contains("Dana"),
        "the sample handout names its hero"
    );
    assert!(
        handout.contains("data:image/svg+xml"),
        "the exercise pictures are inlined"
    );
    assert!(
        c.read("public/index.html")
            .contains("Your Clinic Physical Therapy")
    );
    assert!(c.path().join("public/about/index.html").is_file());
    assert!(
        !c.read("public/index.html").contains("__heropath"),
        "no live-reload script in built files"
    );
}

#[test]
fn init_into_a_named_folder_creates_it() {
    let c = empty();
    let dir = c.path().join("clinic");
    let out = c.cmd(&["init", dir.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.join("content/plans/dana-whitfield.yaml").is_file());
}

#[test]
fn init_refuses_a_non_empty_folder_and_force_never_overwrites() {
    let c = empty();
    let mine = "title: My Own Clinic\n";
    c.write("site.yaml", mine);

    let out = c.cmd(&["init"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert!(
        !c.path().join("content").exists(),
        "nothing written without --force"
    );

    let out = c.cmd(&["init", "--force"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        c.read("site.yaml"),
        mine,
        "an existing file is left as it was"
    );
    assert!(
        stderr(&out).contains("skipped site.yaml"),
        "{}",
        stderr(&out)
    );
    assert!(
        c.path().join("content/plans/dana-whitfield.yaml").is_file(),
        "the missing files are added"
    );

    // A second --force run writes nothing and changes nothing.
    let before = c.tree("content");
    let out = c.cmd(&["init", "--force"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(c.tree("content"), before);
    assert!(!stderr(&out).contains("created"), "{}", stderr(&out));
}

#[test]
fn new_plan_is_a_valid_commented_plan_and_is_never_overwritten() {
    let c = Clinic::new();
    let out = c.cmd(&["new", "plan", "Maria Lopez"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let rel = "content/plans/maria-lopez.yaml";
    let text = c.read(rel);
    assert!(
        text.starts_with("# yaml-language-server: $schema=../../schemas/plan.schema.json\n"),
        "{text}"
    );
    let plan = parse_plan(&c, rel);
    assert_eq!(plan.patient.name, "Maria Lopez");
    assert_eq!(plan.patient.preferred(), "Maria");
    // `--today` (set by the helper) is 2026-11-26.
    assert_eq!(
        plan.goal.agreed_on.map(|d| d.to_string()).as_deref(),
        Some("2026-11-26")
    );
    assert!(!plan.steps.is_empty() && !plan.responsibilities.patient.is_empty());
    assert!(
        text.contains("use: pendulum"),
        "suggests the clinic's library: {text}"
    );
    // Every optional key is laid out, commented.
    for key in [
        "preferred_name:",
        "pronouns:",
        "birth_date:",
        "in_their_words:",
        "measures:",
        "hold_seconds:",
        "days_per_week:",
        "next_visit:",
        "success:",
        "story:",
    ] {
        assert!(text.contains(key), "missing {key}");
    }
    // The clinic still checks cleanly with the new plan in it.
    let out = c.cmd(&["check"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

    // A second `new plan` for the same name fails and changes nothing.
    let edited = format!("{text}# my notes\n");
    c.write(rel, &edited);
    let out = c.cmd(&["new", "plan", "Maria Lopez"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(c.read(rel), edited);
}

#[test]
fn new_plan_names_are_quoted_safely() {
    let c = Clinic::new();
    let name = "Bo \"Ace\" O'Neil: #1";
    let out = c.cmd(&["new", "plan", name]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        parse_plan(&c, "content/plans/bo-ace-o-neil-1.yaml")
            .patient
            .name,
        name
    );
}

#[test]
fn slugs_of_accented_and_non_latin_names() {
    let c = Clinic::new();
    for (name, file) in [
        ("José Núñez", "jose-nunez"),
        ("王芳", "wang-fang"),
        ("Дмитрий", "dmitrii"),
    ] {
        let out = c.cmd(&["new", "plan", name]).output().unwrap();
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(
            parse_plan(&c, &format!("content/plans/{file}.yaml"))
                .patient
                .name,
            name
        );
    }
    // Nothing to transliterate: a stable `plan-<hash>` name.
    let out = c.cmd(&["new", "plan", "???"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let names: Vec<String> = std::fs::read_dir(c.path().join("content/plans"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("plan-"))
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(
        heropath::load::is_slug(names[0].trim_end_matches(".yaml")),
        "{names:?}"
    );

    // All of them build.
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(c.path().join("handouts/wang-fang.html").is_file());
}

#[test]
fn new_exercise_and_page() {
    let c = Clinic::new();
    let out = c.cmd(&["new", "exercise", "Wall slide"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = c.read("content/exercises/wall-slide.yaml");
    assert!(
        text.starts_with("# yaml-language-server: $schema=../../schemas/exercise.schema.json\n")
    );
    let ex: Exercise = heropath::yaml::parse(&text, Path::new("wall-slide.yaml"))
        .unwrap_or_else(|d| panic!("{}", d.render()));
    assert_eq!(ex.name, "Wall slide");

    let out = c.cmd(&["new", "page", "Our team"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        c.read("content/pages/our-team.md")
            .contains("title: \"Our team\"")
    );

    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(c.read("public/our-team/index.html").contains("Our team"));

    // Never overwrite; refuse addresses heropath uses; refuse outside a clinic.
    let out = c.cmd(&["new", "page", "Our Team"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = c.cmd(&["new", "page", "Stories"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!c.path().join("content/pages/stories.md").exists());
    let out = empty()
        .cmd(&["new", "plan", "Maria Lopez"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("heropath init"), "{}", stderr(&out));
}
