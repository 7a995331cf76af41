//! `heropath init` and `heropath new`, driven through the real binary.

mod common;

use common::{Clinic, stderr};
use heropath::content::plan::{Exercise, Plan};
use std::path::Path;

/// An empty temporary folder, with `heropath` run against it.
fn empty() -> Clinic {
    Clinic {
        dir: tempfile::tempdir().expect("temp dir"),
    }
}

fn parse_plan(c: &Clinic, rel: &str) -> Plan {
    heropath::content::yaml::parse::<Plan>(&c.read(rel), Path::new(rel))
        .unwrap_or_else(|d| panic!("{rel} does not parse: {}", d.render()))
}

/// Lines (1-based) of `text` where a `TODO` is in a value, not a comment.
fn todo_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let code = l.split_once(" #").map_or(*l, |(c, _)| c);
            !code.trim_start().starts_with('#') && code.contains("TODO")
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// Lines (1-based) of `text` holding a date the template guessed: its
/// `# TODO: a guess` comment is still there.
fn guess_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains("# TODO: a guess"))
        .map(|(i, _)| i + 1)
        .collect()
}

/// `text` with every `"TODO: …"` value and `N. TODO: …` line of the
/// template replaced by real words, and each guessed date confirmed (its
/// `# TODO: a guess` comment deleted, as a person does once it is set).
fn fill_todos(text: &str) -> String {
    text.lines()
        .map(|l| {
            if let Some(at) = l.find(" # TODO: a guess") {
                l[..at].trim_end().to_string()
            } else if let Some(at) = l.find("\"TODO:") {
                let end = l[at + 1..].find('"').map_or(l.len(), |e| at + e + 2);
                format!("{}\"Walk up the stairs\"{}", &l[..at], &l[end..])
            } else if let Some(at) = l.find("TODO:")
                && !l.trim_start().starts_with('#')
                && !l[..at].contains('#')
            {
                format!("{}Stand up slowly.", &l[..at])
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Diagnostics of `check --format json` as (code, line).
fn check_json(c: &Clinic) -> (Option<i32>, Vec<(String, Option<u64>)>) {
    let out = c.cmd(&["--format", "json", "check"]).output().unwrap();
    let diags = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            (
                v["code"].as_str().unwrap_or_default().to_string(),
                v["line"].as_u64(),
            )
        })
        .collect();
    (out.status.code(), diags)
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
    // Lists of sentences are block lists: a `[a, b]` list splits at commas.
    assert!(
        !text.lines().any(|l| {
            let code = l.split_once(" #").map_or(l, |(c, _)| c);
            !code.trim_start().starts_with('#') && code.contains(": [\"")
        }),
        "{text}"
    );

    // A second patient of the same name gets a file of their own; the first
    // plan is not touched.
    let edited = format!("{text}# my notes\n");
    c.write(rel, &edited);
    let out = c.cmd(&["new", "plan", "Maria Lopez"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(c.read(rel), edited);
    let second = "content/plans/maria-lopez-2.yaml";
    assert_eq!(parse_plan(&c, second).patient.name, "Maria Lopez");
    assert!(
        c.read(second)
            .contains("heropath handout content/plans/maria-lopez-2.yaml"),
        "the comment names the new file"
    );
    let out = c.cmd(&["new", "plan", "Maria Lopez"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(c.path().join("content/plans/maria-lopez-3.yaml").is_file());
    // An exercise of the same name is the same exercise: refused.
    c.cmd(&["new", "exercise", "Wall slide"]).assert().success();
    let out = c.cmd(&["new", "exercise", "Wall slide"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert!(
        !c.path()
            .join("content/exercises/wall-slide-2.yaml")
            .exists()
    );
}

#[test]
fn a_fresh_plan_is_refused_at_each_placeholder_until_filled_in() {
    let c = Clinic::new();
    c.cmd(&["new", "plan", "Dana Whitfield"]).assert().success();
    let rel = "content/plans/dana-whitfield.yaml";
    let text = c.read(rel);
    let mut expected = todo_lines(&text);
    assert!(
        expected.len() >= 10,
        "the template has placeholders: {text}"
    );
    // The dates it can only guess (next visit, target date) are to fill
    // in too: HP0107 until a person sets them.
    let guessed = guess_lines(&text);
    for key in ["  target_date:", "  date:"] {
        let n = text.lines().position(|l| l.starts_with(key)).unwrap() + 1;
        assert!(
            guessed.contains(&n),
            "{key} on line {n} is marked as a guess"
        );
    }
    expected.extend(guessed);
    expected.sort();

    // check: one HP0107 error at each line holding a TODO or a guessed
    // date, and only there.
    let (code, diags) = check_json(&c);
    assert_eq!(code, Some(1), "{diags:?}");
    let mut got: Vec<usize> = diags
        .iter()
        .filter(|(c, _)| c == "HP0107")
        .filter_map(|(_, l)| l.map(|l| l as usize))
        .collect();
    got.sort();
    assert_eq!(got, expected, "{text}");
    for line in ["summary:", "statement:", "focus:", "success:"] {
        let n = text.lines().position(|l| l.contains(line)).unwrap() + 1;
        assert!(got.contains(&n), "{line} on line {n}");
    }

    // build and handout refuse it too, and print nothing.
    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("HP0107"), "{}", stderr(&out));
    assert!(!c.path().join("handouts/dana-whitfield.html").exists());
    let out = c.cmd(&["handout", rel]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!c.path().join("handouts/dana-whitfield.html").exists());

    // Filled in, it passes and prints without a TODO.
    let filled = fill_todos(&text);
    assert!(todo_lines(&filled).is_empty(), "{filled}");
    assert!(guess_lines(&filled).is_empty(), "{filled}");
    c.write(rel, &filled);
    let (code, diags) = check_json(&c);
    assert_eq!(code, Some(0), "{diags:?}\n{filled}");
    assert!(
        !diags.iter().any(|(c, _)| c == "HP0107" || c == "HP0108"),
        "{diags:?}"
    );
    c.cmd(&["handout", rel]).assert().success();
    let html = c.read("handouts/dana-whitfield.html");
    assert!(html.contains("Walk up the stairs"));
    assert!(!html.contains("TODO"), "{html}");
}

#[test]
fn new_plan_names_the_clinics_own_clinician() {
    let c = Clinic::new();
    c.write(
        "site.yaml",
        "title: North Clinic\nclinic:\n  name: North Clinic\n  clinician: { name: Priya Natarajan, credentials: PT }\n",
    );
    c.cmd(&["new", "plan", "Dana Whitfield"]).assert().success();
    let text = c.read("content/plans/dana-whitfield.yaml");
    assert!(text.contains("printed under \"Priya will\""), "{text}");
    assert!(text.contains("(Priya Natarajan)"), "{text}");
    assert!(!text.contains("Sam"), "no fixed clinician: {text}");

    // Without a clinician in site.yaml, none is made up.
    let c = Clinic::new();
    c.write("site.yaml", "title: North Clinic\n");
    c.cmd(&["new", "plan", "Dana Whitfield"]).assert().success();
    let text = c.read("content/plans/dana-whitfield.yaml");
    assert!(
        text.contains("printed under \"your clinician will\""),
        "{text}"
    );
    assert!(!text.contains("Sam") && !text.contains("Priya"), "{text}");
}

#[test]
fn init_force_adds_no_sample_patient_to_a_clinic_with_plans() {
    let c = Clinic::with_plan();
    let out = c.cmd(&["init", "--force"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let plans: Vec<String> = std::fs::read_dir(c.path().join("content/plans"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(plans, ["maria-lopez.yaml"]);
    assert!(!stderr(&out).contains("dana-whitfield"), "{}", stderr(&out));
    // The rest of the missing files are still added.
    assert!(c.path().join("content/exercises/heel-slide.yaml").is_file());
}

#[test]
fn the_sample_plan_has_no_sentence_cut_at_a_comma() {
    let c = empty();
    c.cmd(&["init"]).assert().success();
    let text = c.read("content/plans/dana-whitfield.yaml");
    assert!(
        text.contains("    - Count the stairs you can climb, every two weeks\n"),
        "{text}"
    );
    c.cmd(&["build", "--strict"]).assert().success();
    let html = c.read("handouts/dana-whitfield.html");
    assert!(
        html.contains("Count the stairs you can climb, every two weeks"),
        "one bullet, not two"
    );

    // The flow form the sample used to have is warned about (HP0709).
    c.write(
        "content/plans/dana-whitfield.yaml",
        &text.replace(
            "  together:\n    - Count the stairs you can climb, every two weeks\n",
            "  together: [Count the stairs you can climb, every two weeks]\n",
        ),
    );
    let (code, diags) = check_json(&c);
    assert_eq!(code, Some(0), "a warning, not an error: {diags:?}");
    assert!(diags.iter().any(|(c, _)| c == "HP0709"), "{diags:?}");
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
        heropath::stages::load::is_slug(names[0].trim_end_matches(".yaml")),
        "{names:?}"
    );

    // All of them build once their placeholders are filled in, and the
    // patient called "???" is given a name (one without a letter names
    // nobody: HP0108).
    let plans = c.path().join("content/plans");
    for e in std::fs::read_dir(&plans).unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, fill_todos(&text)).unwrap();
    }
    let out = c.cmd(&["build"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("content/plans/{}:", names[0]))
            && err.contains("error[HP0108]: `patient.name` has no letter (`???`)"),
        "{err}"
    );
    let unnamed = plans.join(&names[0]);
    let text = std::fs::read_to_string(&unnamed).unwrap();
    assert!(text.contains("name: \"???\""), "{text}");
    std::fs::write(&unnamed, text.replace("name: \"???\"", "name: Ana Silva")).unwrap();
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
    let ex: Exercise = heropath::content::yaml::parse(&text, Path::new("wall-slide.yaml"))
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

#[test]
fn an_unfinished_draft_warns_without_blocking_the_clinic() {
    let c = Clinic::with_plan();
    c.cmd(&["new", "plan", "Dana Whitfield"]).assert().success();
    let rel = "content/plans/dana-whitfield.yaml";
    let text = c.read(rel);
    assert!(text.contains("\ndraft: false"), "{text}");
    c.write(rel, &text.replace("\ndraft: false", "\ndraft: true"));
    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning[HP0107]"), "{}", stderr(&out));
    assert!(c.path().join("handouts/maria-lopez.html").exists());
    assert!(!c.path().join("handouts/dana-whitfield.html").exists());
}

#[test]
fn an_unfinished_draft_is_never_printed() {
    let c = Clinic::with_plan();
    c.cmd(&["new", "plan", "Dana Whitfield"]).assert().success();
    let rel = "content/plans/dana-whitfield.yaml";
    let text = c.read(rel).replace("\ndraft: false", "\ndraft: true");
    c.write(rel, &text);
    // `build --drafts` would print it: the unfinished text is an error and
    // nothing is written, the other patient's handout included.
    let out = c.cmd(&["build", "--drafts"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("error[HP0107]"), "{}", stderr(&out));
    assert!(!c.path().join("handouts/dana-whitfield.html").exists());
    // `handout` prints one plan, draft or not: refused the same way.
    let out = c.cmd(&["handout", "dana-whitfield"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("error[HP0107]"), "{}", stderr(&out));
    assert!(!c.path().join("handouts/dana-whitfield.html").exists());
    // Another patient's finished handout still prints on its own.
    c.cmd(&["handout", "maria-lopez"]).assert().success();
    assert!(c.path().join("handouts/maria-lopez.html").exists());
}
