//! The handout: every sample plan renders and tells the patient's story.

mod common;
use common::*;
use heropath::content::plan::Plan;
use std::path::Path;

#[test]
fn every_sample_plan_renders_with_name_goal_exercises_and_responsibilities() {
    let c = Clinic::sample();
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut seen = 0;
    for entry in std::fs::read_dir(c.path().join("content/plans")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let plan: Plan = heropath::content::yaml::parse(&text, Path::new("x")).unwrap();
        if plan.draft {
            continue;
        }
        seen += 1;
        let slug = path.file_stem().unwrap().to_string_lossy();
        let html = c.read(&format!("handouts/{slug}.html"));
        let text = text_of(&html);
        let name = plan.patient.preferred();
        let title = &html[html.find("<title>").unwrap()..html.find("</title>").unwrap()];
        assert!(title.contains(name), "{slug}: title {title:?} lacks {name}");
        assert!(
            text.matches(name).count() >= 3,
            "{slug}: preferred name {name} appears fewer than 3 times"
        );
        assert!(text.contains(&plan.goal.statement), "{slug}: goal missing");
        for step in &plan.steps {
            assert!(
                text.contains(&step.title),
                "{slug}: step {} missing",
                step.title
            );
            for ex in &step.exercises {
                let name = match (&ex.name, &ex.use_id) {
                    (Some(n), _) => n.clone(),
                    (None, Some(id)) => {
                        let lib = c.read(&format!("content/exercises/{id}.yaml"));
                        let e: heropath::content::plan::Exercise =
                            heropath::content::yaml::parse(&lib, Path::new("x")).unwrap();
                        e.name
                    }
                    _ => unreachable!(),
                };
                assert!(text.contains(&name), "{slug}: exercise {name} missing");
                for n in [ex.reps, ex.sets, ex.hold_seconds, ex.minutes]
                    .into_iter()
                    .flatten()
                {
                    assert!(
                        text.contains(&n.to_string()),
                        "{slug}: dose number {n} for {name} missing"
                    );
                }
            }
        }
        let r = &plan.responsibilities;
        for item in r.clinician.iter().chain(&r.patient).chain(&r.together) {
            assert!(
                text.contains(item.as_str()),
                "{slug}: responsibility {item:?} missing"
            );
        }
        assert!(!html.contains("<script"), "{slug}: handout has a script");
        assert!(
            !html.contains("<link "),
            "{slug}: handout loads an external file"
        );
    }
    assert!(
        seen >= 4,
        "the sample clinic needs at least four plans, found {seen}"
    );
}

#[test]
fn handout_speaks_in_plain_words_with_the_dose() {
    let c = Clinic::with_plan();
    c.cmd(&["build"]).assert().success();
    let text = text_of(&c.read("handouts/maria-lopez.html"));
    // Inline exercise: every count with its noun, no number after another
    // across a full stop (PEMAT-P item 6).
    assert!(
        text.contains(
            "Hold it for 5 seconds. Do it 10 times. Do this twice a day, every day. Use your right side only."
        ),
        "{text}"
    );
    // Library exercise: plan's `sets: 2` overrides, library reps and per_day stay.
    assert!(
        text.contains(
            "Do 2 rounds. In each round, do it 10 times. Do this twice a day, every day."
        ),
        "{text}"
    );
    assert!(text.contains("Sam will"), "{text}");
    assert!(text.contains("Together we will"), "{text}");
    assert!(text.contains("Thursday, December 3, 2026"), "{text}");
    assert!(text.contains("I can't lift my granddaughter."), "{text}");
    assert!(
        text.contains("Lean on a table."),
        "library instructions become steps: {text}"
    );
}

#[test]
fn builds_with_the_embedded_theme_when_there_is_no_themes_folder() {
    let c = Clinic::with_plan();
    assert!(!c.path().join("themes").exists());
    c.cmd(&["build"]).assert().success();
    let html = c.read("handouts/maria-lopez.html");
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("<style>"), "CSS is inlined");
}

#[test]
fn site_templates_override_theme_templates_by_name() {
    let c = Clinic::with_plan();
    c.write("templates/handout.html", "<!doctype html><title>{{ patient.preferred_name }}</title><p>custom {{ goal.statement }}</p>");
    c.cmd(&["build"]).assert().success();
    let html = c.read("handouts/maria-lopez.html");
    assert!(
        html.contains("<p>custom Lift my granddaughter without pain</p>"),
        "{html}"
    );
}

#[test]
fn drafts_are_skipped_unless_asked_for() {
    let c = Clinic::with_plan();
    c.write(
        "content/plans/draft-plan.yaml",
        &PLAN.replace("success:", "draft: true\nsuccess:"),
    );
    c.cmd(&["build"]).assert().success();
    assert!(!c.path().join("handouts/draft-plan.html").exists());
    c.cmd(&["build", "--drafts"]).assert().success();
    assert!(c.path().join("handouts/draft-plan.html").exists());
}

#[test]
fn handouts_folder_can_be_overridden_and_stays_out_of_public() {
    let c = Clinic::with_plan();
    c.cmd(&["build", "--handouts", "private/out"])
        .assert()
        .success();
    assert!(c.path().join("private/out/maria-lopez.html").exists());
    for (path, _) in c.tree("public") {
        assert!(
            !path.to_string_lossy().contains("maria-lopez"),
            "handout-like file in public: {}",
            path.display()
        );
    }
}

/// Every file under `dir`, hidden ones included, by path.
fn files_under(dir: &std::path::Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().display().to_string())
        .collect();
    out.sort();
    out
}

#[test]
fn no_path_writes_a_handout_into_the_public_folder() {
    let c = Clinic::with_plan();
    c.cmd(&["build"]).assert().success();
    let before = files_under(&c.path().join("public"));
    // A folder that leads into public/ through a symbolic link.
    std::fs::create_dir_all(c.path().join("elsewhere")).unwrap();
    std::os::unix::fs::symlink("../public", c.path().join("elsewhere/pub")).unwrap();
    for dest in [
        "public/desk.html",
        "public/sub/../desk.html",
        "elsewhere/pub/desk.html",
        "elsewhere/pub/new/desk.html",
    ] {
        let out = c
            .cmd(&[
                "handout",
                "maria-lopez",
                "-o",
                &c.path().join(dest).display().to_string(),
            ])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{dest}: {err}");
        assert!(
            err.contains("error[HP0401]") && err.contains("public folder"),
            "{dest}: {err}"
        );
    }
    // The same through site.yaml: the handouts folder reached by the link.
    c.write(
        "site.yaml",
        &SITE.replace(
            "title:",
            "output: { handouts: elsewhere/pub/private }\ntitle:",
        ),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[HP0401]") && err.contains("inside each other"),
        "{err}"
    );
    assert_eq!(
        files_under(&c.path().join("public")),
        before,
        "public/ changed"
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let c = Clinic::sample();
    c.cmd(&["build"]).assert().success();
    let first = (c.tree("public"), c.tree("handouts"));
    c.cmd(&["build"]).assert().success();
    let second = (c.tree("public"), c.tree("handouts"));
    assert!(!first.0.is_empty() && !first.1.is_empty());
    assert!(first == second, "output differs between two builds");
}

#[test]
fn handout_command_renders_one_plan() {
    let c = Clinic::with_plan();
    let dest = c.path().join("desk.html");
    c.cmd(&[
        "handout",
        "content/plans/maria-lopez.yaml",
        "-o",
        dest.to_str().unwrap(),
    ])
    .assert()
    .success();
    assert!(text_of(&std::fs::read_to_string(&dest).unwrap()).contains("Mari"));
    assert!(
        !c.path().join("public").exists(),
        "the handout command writes no website"
    );
}

#[test]
fn a_phrase_missing_from_a_string_table_falls_back_to_the_built_in_table_with_a_warning() {
    let c = Clinic::with_plan();
    c.write(
        "content/plans/maria-lopez.yaml",
        &PLAN.replace(
            "  preferred_name: Mari\n",
            "  preferred_name: Mari\n  language: es\n",
        ),
    );
    // A clinic's own Spanish table that only translates one phrase.
    c.write(
        "themes/default/i18n/es.yaml",
        "roles_together: \"Juntos vamos a\"\n",
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("warning[HP0305]"), "{err}");
    assert!(err.contains("themes/default/i18n/es.yaml"), "{err}");
    assert!(
        err.contains("next_heading"),
        "the missing keys are named: {err}"
    );
    let html = c.read("handouts/maria-lopez.html");
    assert!(html.contains("<html lang=\"es\""));
    let text = text_of(&html);
    assert!(text.contains("Juntos vamos a"), "{text}");
    // The built-in Spanish table, not English, fills the gaps (issue 22).
    assert!(
        text.contains("Su próxima visita"),
        "built-in Spanish: {text}"
    );
    assert!(!text.contains("Your next visit"), "{text}");
}

/// Plans share their cards' halves (the exercise, the dose) within a
/// build: each handout must still show its own number, note and dose, and
/// be byte for byte the handout a build of that plan alone makes.
#[test]
fn shared_exercise_cards_keep_each_plans_number_note_and_dose() {
    let pendulum = "      - use: pendulum\n        sets: 2\n";
    let plans = [
        (
            "maria-lopez",
            PLAN.replace(
                pendulum,
                &format!("{pendulum}        note: After a warm shower.\n"),
            ),
        ),
        (
            "ana-ruiz",
            PLAN.replace("Maria Lopez", "Ana Ruiz")
                .replace("Mari\n", "Ana\n")
                .replace(pendulum, "")
                .replace(
                    "        side: right\n",
                    &format!("        side: right\n{pendulum}        note: Stop if it hurts.\n"),
                ),
        ),
        (
            "li-wei",
            PLAN.replace("Maria Lopez", "Li Wei")
                .replace("Mari\n", "Li\n  language: es\n")
                .replace(pendulum, "      - use: pendulum\n        reps: 15\n")
                + "handout: { theme: large-print }\n",
        ),
    ];
    let all = Clinic::new();
    for (slug, text) in &plans {
        all.write(&format!("content/plans/{slug}.yaml"), text);
    }
    let out = all.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for (slug, text) in &plans {
        let alone = Clinic::new();
        alone.write(&format!("content/plans/{slug}.yaml"), text);
        let out = alone.cmd(&["build"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let file = format!("handouts/{slug}.html");
        assert!(
            all.read(&file) == alone.read(&file),
            "{slug}: its handout differs when other plans share its cards"
        );
    }
    let maria = all.read("handouts/maria-lopez.html");
    let ana = all.read("handouts/ana-ruiz.html");
    let li = all.read("handouts/li-wei.html");
    assert!(maria.contains("<span class=\"num\">1.</span> Pendulum swing"));
    assert!(ana.contains("<span class=\"num\">2.</span> Pendulum swing"));
    assert!(text_of(&maria).contains("After a warm shower."));
    assert!(!text_of(&maria).contains("Stop if it hurts."));
    assert!(text_of(&ana).contains("Stop if it hurts."));
    assert!(!text_of(&ana).contains("After a warm shower."));
    assert!(!text_of(&li).contains("After a warm shower."));
    // The same exercise at another dose, in another language and theme.
    assert!(li.contains("<html lang=\"es\""));
    assert!(text_of(&li).contains("15"), "{}", text_of(&li));
    assert!(!text_of(&li).contains("2 sets") && !text_of(&li).contains("2 series"));
}

#[test]
fn a_clinics_phrases_are_filled_in_for_each_patient_wherever_they_name_someone() {
    // Each phrase names its placeholder twice (every one is filled) and
    // carries a character the page escapes.
    let c = Clinic::with_plan();
    c.write(
        "themes/default/i18n/en.yaml",
        "handout_doc_title: \"<{name}|{name}>\"\n\
         handout_heading: \"Hi {name} & {name}\"\n\
         prepared_by: \"By {clinician}/{clinician}\"\n\
         prepared_for: \"For {name}/{name}\"\n\
         goal_agreed: \"Agreed {date}/{date}\"\n\
         goal_target: \"By {date}/{date}\"\n\
         plan_intro: \"Intro {name}/{name}\"\n\
         step_label: \"Part {n}/{n}\"\n\
         roles_clinician: \"Guide {name}/{name}\"\n\
         next_see_you: \"See you {name}/{name}\"\n\
         closing: \"Bye {name}/{name}\"\n",
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let html = c.read("handouts/maria-lopez.html");
    for want in [
        "<title>&lt;Mari|Mari&gt;",
        "Hi Mari &amp; Mari",
        "By Sam Rivera, PT, DPT/Sam Rivera, PT, DPT",
        "For Maria Lopez/Maria Lopez",
        "Agreed Friday, November 20, 2026/Friday, November 20, 2026",
        "By Monday, February 15, 2027/Monday, February 15, 2027",
        "Intro Mari/Mari",
        "Part 1/1:",
        "Guide Sam/Sam",
        "See you Mari/Mari",
        "Bye Mari/Mari",
    ] {
        assert!(html.contains(want), "{want:?} missing");
    }
    assert!(!html.contains("{name}") && !html.contains("{date}") && !html.contains("{n}"));
}
