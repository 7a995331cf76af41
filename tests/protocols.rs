//! Protocols (issue 20), through the real binary: `new plan --protocol`
//! copies a protocol's steps and doses and builds once the patient's part
//! is filled in; `new plan --like` copies another patient's programme and
//! nothing of that patient; `heropath protocols` lists plans made from an
//! older version; protocols are checked like plans and never reach the
//! public site.

mod common;

use common::{Clinic, PLAN, STORY, stderr};
use heropath::content::plan::Plan;
use heropath::content::protocol::Protocol;
use std::path::Path;

const QUAD: &str = "name: Quad set\ninstructions: |\n  1. Sit with your leg straight.\n  2. Press the back of your knee down.\ndose: { reps: 10, hold_seconds: 5 }\n";
const HEEL: &str = "name: Heel slide\ninstructions: |\n  1. Lie on your back.\n  2. Slide your heel toward you.\ndose: { reps: 10, per_day: 3 }\n";

const KNEE: &str = "\
# The knee programme.
title: Knee replacement, weeks 1-6
condition: Total knee replacement
weeks: 6
problem:
  summary: Your new knee is stiff and sore.
  in_their_words: \"TODO: what the patient told you\"
goal:
  statement: \"TODO: the goal you agreed on, in their words\"
  measures:
    - { name: How far your knee bends, scale: degrees, target: 110 degrees }
steps:
  - title: Get the knee moving
    when: Weeks 1-2
    why: Gentle movement keeps the knee from getting stiff.
    exercises:
      - use: heel-slide
        reps: 12
        per_day: 3
      - use: quad-set
        sets: 2
        hold_seconds: 8
  - title: Walk with ease
    when: Weeks 3-6
    exercises:
      - name: Short walk
        instructions: Walk around your home for five minutes.
        minutes: 5
        per_day: 3
responsibilities:
  clinician: [Check how far your knee bends at each visit]
  patient: [Do your exercises three times a day]
  together: [Check your progress every two weeks]
";

fn knee_clinic() -> Clinic {
    let c = Clinic::new();
    c.write("content/exercises/quad-set.yaml", QUAD);
    c.write("content/exercises/heel-slide.yaml", HEEL);
    c.write("content/protocols/knee-replacement.yaml", KNEE);
    c
}

fn parse_plan(c: &Clinic, rel: &str) -> Plan {
    heropath::content::yaml::parse::<Plan>(&c.read(rel), Path::new(rel))
        .unwrap_or_else(|d| panic!("{rel} does not parse: {}", d.render()))
}

fn json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).expect("serializes")
}

/// Every value line still holding a TODO, given real words instead, and
/// every date the template guessed confirmed.
fn fill_todos(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let code = line.split_once(" #").map_or(line, |(c, _)| c);
        if line.contains(" # TODO: a guess") {
            // A date the template guessed, now set: its comment goes.
            out.push_str(code.trim_end());
            out.push('\n');
        } else if code.contains("TODO") && !code.trim_start().starts_with('#') {
            let indent = &line[..line.len() - line.trim_start().len()];
            let t = line.trim_start();
            if let Some(rest) = t.strip_prefix("- ") {
                let _ = rest;
                out.push_str(&format!("{indent}- Walk to the shop and back\n"));
            } else if let Some(("now", _)) = t.split_once(": ") {
                // A score: a number on any measure's scale, standard or not.
                out.push_str(&format!("{indent}now: \"5\"\n"));
            } else if let Some((key, _)) = t.split_once(": ") {
                out.push_str(&format!("{indent}{key}: Walk to the shop and back\n"));
            } else {
                out.push_str(&format!("{indent}Walk to the shop and back.\n"));
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_plan_from_a_protocol_has_its_steps_and_doses_and_builds_once_filled_in() {
    let c = knee_clinic();
    let out = c
        .cmd(&["new", "plan", "Ana Pérez", "--protocol", "knee-replacement"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("2 steps with 3 exercises"), "{said}");
    let rel = "content/plans/ana-perez.yaml";
    let plan = parse_plan(&c, rel);
    let protocol: Protocol =
        heropath::content::yaml::parse(KNEE, Path::new("knee.yaml")).expect("protocol parses");
    assert_eq!(
        json(&plan.steps),
        json(&protocol.steps),
        "steps and doses copied"
    );
    assert_eq!(
        json(&plan.responsibilities),
        json(&protocol.responsibilities)
    );
    assert_eq!(plan.patient.name, "Ana Pérez");
    let r = plan.protocol.as_ref().expect("protocol recorded");
    assert_eq!(r.id, "knee-replacement");
    assert_eq!(r.version, protocol.version());
    assert_eq!(
        plan.goal.measures[0].name,
        "How far your knee bends (degrees)"
    );
    assert_eq!(plan.goal.measures[0].target.as_deref(), Some("110 degrees"));
    assert_eq!(
        plan.goal.target_date.map(|d| d.to_string()).as_deref(),
        Some("2027-01-07")
    );
    // Unfilled, it does not print: the patient's part is a TODO.
    let check = c.cmd(&["check"]).output().unwrap();
    assert!(!check.status.success());
    let err = stderr(&check);
    assert!(
        err.contains("HP0107") && err.contains("ana-perez.yaml:"),
        "{err}"
    );
    assert!(err.contains("in_their_words"), "{err}");
    // Filled in, it builds, and the handout shows the protocol's dose.
    c.write(rel, &fill_todos(&c.read(rel)));
    let built = c.cmd(&["build"]).output().unwrap();
    assert!(built.status.success(), "{}", stderr(&built));
    let handout = c.read("handouts/ana-perez.html");
    assert!(handout.contains("Heel slide") && handout.contains("Short walk"));
    assert!(handout.contains("12"), "the protocol's reps");
}

#[test]
fn a_later_change_to_the_protocol_does_not_change_the_plan() {
    let c = knee_clinic();
    c.cmd(&["new", "plan", "Ana Perez", "--protocol", "knee-replacement"])
        .assert()
        .success();
    let before = c.read("content/plans/ana-perez.yaml");
    c.write(
        "content/protocols/knee-replacement.yaml",
        &KNEE.replace("reps: 12", "reps: 20"),
    );
    c.cmd(&["check"]).output().unwrap();
    assert_eq!(c.read("content/plans/ana-perez.yaml"), before);
    assert!(before.contains("reps: 12"));
}

#[test]
fn an_unknown_protocol_gets_did_you_mean_and_writes_nothing() {
    let c = knee_clinic();
    for (id, hint) in [
        ("knee-replacment", "did you mean `knee-replacement`?"),
        ("Knee-Replacement", "did you mean `knee-replacement`?"),
        ("../plans/x", "knee-replacement"),
        ("shoulder", "knee-replacement"),
    ] {
        let out = c
            .cmd(&["new", "plan", "Ana Perez", "--protocol", id])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{id}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("no protocol `{id}`")) && err.contains(hint),
            "{id}: {err}"
        );
        assert!(!c.path().join("content/plans/ana-perez.yaml").exists());
    }
    let none = Clinic::new();
    let out = none
        .cmd(&["new", "plan", "Ana Perez", "--protocol", "knee"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("has none yet"), "{}", stderr(&out));
    // --protocol and --like together are refused by the parser.
    let both = c
        .cmd(&[
            "new",
            "plan",
            "A B",
            "--protocol",
            "knee-replacement",
            "--like",
            "x",
        ])
        .output()
        .unwrap();
    assert!(!both.status.success());
}

#[test]
fn a_broken_protocol_is_refused_with_its_location() {
    let c = knee_clinic();
    c.write(
        "content/protocols/bad.yaml",
        &KNEE.replace("weeks: 6", "weeks: 6\nweeeks: 2"),
    );
    let out = c
        .cmd(&["new", "plan", "Ana Perez", "--protocol", "bad"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("content/protocols/bad.yaml:5"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn protocols_are_checked_like_plans_at_file_and_line() {
    let c = knee_clinic();
    c.write(
        "content/protocols/knee-replacement.yaml",
        &KNEE
            .replace("use: quad-set", "use: quad-sett")
            .replace("Gentle movement", "Gentle ambulation")
            .replace("        minutes: 5\n        per_day: 3\n", ""),
    );
    c.write(
        "content/protocols/typo.yaml",
        "title: X\ncondition: Y\nstepz: []\n",
    );
    let out = c.cmd(&["check"]).output().unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("content/protocols/knee-replacement.yaml:20:14")
            && err.contains("unknown exercise `quad-sett`")
            && err.contains("did you mean `quad-set`?"),
        "{err}"
    );
    assert!(err.contains("`ambulation` is medical jargon"), "{err}");
    assert!(
        err.contains("knee-replacement.yaml:26:")
            && err.contains("exercise `Short walk` has no dose"),
        "{err}"
    );
    assert!(err.contains("content/protocols/typo.yaml:3"), "{err}");
    // TODOs are the protocol's placeholders for the patient: not errors there.
    assert!(!err.contains("knee-replacement.yaml:7"), "{err}");
}

#[test]
fn protocols_lists_plans_made_from_an_older_version() {
    let c = knee_clinic();
    c.cmd(&["new", "plan", "Ana Perez", "--protocol", "knee-replacement"])
        .assert()
        .success();
    c.cmd(&["new", "plan", "Ben Ode", "--protocol", "knee-replacement"])
        .assert()
        .success();
    let list = |c: &Clinic| {
        let out = c.cmd(&["protocols"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let first = list(&c);
    assert!(
        first.contains("knee-replacement: Knee replacement, weeks 1-6"),
        "{first}"
    );
    assert!(
        first.contains("6 weeks") && first.contains("3 exercises"),
        "{first}"
    );
    assert!(
        first.contains("made from this version: ana-perez, ben-ode"),
        "{first}"
    );
    assert!(!first.contains("older"), "{first}");
    // A comment or spacing edit is not a new version.
    c.write(
        "content/protocols/knee-replacement.yaml",
        &format!("# reviewed\n{}", KNEE.replace("weeks: 6", "weeks:   6")),
    );
    assert!(!list(&c).contains("older"));
    // A dose change is; plans made before it are listed to review.
    c.write(
        "content/protocols/knee-replacement.yaml",
        &KNEE.replace("reps: 12", "reps: 15"),
    );
    c.cmd(&["new", "plan", "Cy Dee", "--protocol", "knee-replacement"])
        .assert()
        .success();
    let after = list(&c);
    assert!(after.contains("made from this version: cy-dee"), "{after}");
    let older = after
        .lines()
        .find(|l| l.contains("older version"))
        .unwrap_or_default();
    assert!(
        older.contains("ana-perez") && older.contains("ben-ode") && !older.contains("cy-dee"),
        "{after}"
    );
    // JSON, and a plan whose protocol is gone.
    std::fs::remove_file(c.path().join("content/protocols/knee-replacement.yaml")).unwrap();
    let out = c.cmd(&["protocols", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["protocols"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["missing"].as_array().map(Vec::len), Some(3), "{v}");
}

#[test]
fn the_public_site_never_reads_protocols() {
    let c = Clinic::with_plan();
    c.write("content/exercises/quad-set.yaml", QUAD);
    c.write("content/exercises/heel-slide.yaml", HEEL);
    c.write(
        "content/pages/index.md",
        "---\ntitle: Home\n---\nWelcome to the clinic.\n",
    );
    let unique = "Zorbling quillet programme";
    c.write(
        "content/protocols/knee-replacement.yaml",
        &KNEE
            .replace("Knee replacement, weeks 1-6", unique)
            .replace("Walk with ease", "Zorbling quillet walk"),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let public = c.tree("public");
    assert!(!public.is_empty());
    for (path, bytes) in public {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        assert!(
            !text.contains("zorbling"),
            "{} reads a protocol",
            path.display()
        );
        assert!(!text.contains("quillet"), "{}", path.display());
    }
}

/// Source plans of different shapes, each with the values that must not
/// reach a copy.
fn sources() -> Vec<(&'static str, String, Vec<&'static str>)> {
    let common = (
        "maria-lopez",
        format!("{PLAN}{STORY}").replace(
            "      - name: Shoulder blade squeeze\n",
            "      - name: Shoulder blade squeeze\n        note: Mari does this at the bakery.\n",
        ),
        vec![
            "Maria Lopez",
            "Maria",
            "Lopez",
            "Mari",
            "1968-04-12",
            "555-0142",
            "3025550142",
            "maria.lopez@mail.test",
            "I can't lift my granddaughter",
            "Lift my granddaughter",
            "granddaughter",
            "2026-11-20",
            "2027-02-15",
            "2026-12-03",
            "10:30",
            "We will check your reach",
            "Pain 6 out of 10",
            "Back to hugging",
            "Mari L.",
            "I picked her up last week",
            "2026-11-25",
            "2027-11-20",
            "bakery",
            "You pick up your granddaughter",
        ],
    );
    let names = (
        "jose-nunez",
        "\
patient:
  name: José Núñez Herrera
  preferred_name: Pepe
  pronouns: he/him
  language: es
  birth_date: 1950-07-30
  phone: \"+1 (617) 555-0199\"
  email: pepe.nunez@correo.test
  given_names: [José]
  family_names: [Núñez, Herrera]
  former_names: [Castañeda]
  other_spellings: [Jose Nunez]
clinician: { name: Dana Ruiz }
problem:
  summary: Le duele la rodilla al subir escaleras.
  in_their_words: \"Quiero bailar en la boda de mi nieta en Oaxaca.\"
  details: Su rodilla está rígida.
goal:
  statement: Bailar en la boda de mi nieta
  agreed_on: 2026-10-02
  target_date: 2027-03-01
  measures:
    - { name: Dolor al subir (0 a 10), now: Siete de diez, target: Dos }
steps:
  - title: Mover la rodilla
    when: Semanas 1 y 2
    why: Hasta el 15 de marzo, un poco cada día. Pregunte por Pepe en recepción.
    exercises:
      - use: pendulum
        reps: 8
        note: Hágalo antes de ir a la panadería de Castañeda.
      - name: Sentadilla en silla
        instructions: |
          1. Siéntese derecho.
          2. Levántese despacio.
          3. Núñez: llame al 617-555-0199 si duele.
        cues: [Sr. Herrera, mire al frente, Espalda recta]
        sets: 2
        reps: 6
responsibilities:
  clinician: [Llamar a José el 2026-12-10]
  patient: [Hacer los ejercicios cada día]
  together: [Revisar el progreso cada dos semanas]
next_visit: { date: 2026-12-10, time: \"9:15\", focus: Probar el baile }
handout: { theme: large-print }
"
        .to_string(),
        vec![
            "José",
            "Jose",
            "Núñez",
            "Nunez",
            "Herrera",
            "Pepe",
            "he/him",
            "1950-07-30",
            "555-0199",
            "6175550199",
            "pepe.nunez@correo.test",
            "Castañeda",
            "Castaneda",
            "boda de mi nieta",
            "Oaxaca",
            "2026-10-02",
            "2027-03-01",
            "Siete de diez",
            "15 de marzo",
            "panadería",
            "2026-12-10",
            "9:15",
            "Probar el baile",
        ],
    );
    let cjk = (
        "wang-fang",
        "\
patient:
  name: 王芳
  pronouns: she/her
  other_spellings: [Wang Fang]
  birth_date: 1990-01-05
problem: { summary: Your neck hurts when you work at your desk. }
goal:
  statement: Work a full day at my desk without a sore neck
  agreed_on: 2026-09-09
steps:
  - title: Ease the neck
    exercises:
      - use: pendulum
        per_day: 4
        note: 王芳 prefers mornings.
      - name: Chin tuck for Fang
        instructions: Pull your chin back. Hold 5 seconds.
        reps: 10
responsibilities:
  patient: [Take a break every hour]
"
        .to_string(),
        vec![
            "王芳",
            "Wang Fang",
            "Fang",
            "she/her",
            "1990-01-05",
            "2026-09-09",
            "prefers mornings",
            "full day at my desk",
        ],
    );
    vec![common, names, cjk]
}

#[test]
fn a_plan_like_another_keeps_nothing_of_that_patient() {
    for (slug, text, secrets) in sources() {
        let c = Clinic::new();
        c.write(&format!("content/plans/{slug}.yaml"), &text);
        let out = c
            .cmd(&["new", "plan", "Kim Tran", "--like", slug])
            .output()
            .unwrap();
        assert!(out.status.success(), "{slug}: {}", stderr(&out));
        let said = stderr(&out);
        assert!(
            said.contains("copied:") && said.contains("not copied:"),
            "{said}"
        );
        let rel = "content/plans/kim-tran.yaml";
        let new_text = c.read(rel);
        let lower = new_text.to_lowercase();
        // Searched for in the whole new file, without case.
        for s in &secrets {
            assert!(
                !lower.contains(&s.to_lowercase()),
                "{slug}: `{s}` survived into the copy:\n{new_text}"
            );
        }
        let digits: String = new_text.chars().filter(char::is_ascii_digit).collect();
        assert!(
            !digits.contains("5550142") && !digits.contains("5550199"),
            "{slug}"
        );
        // Field by field.
        let src: Plan = heropath::content::yaml::parse(&text, Path::new("src.yaml")).unwrap();
        let new = parse_plan(&c, rel);
        let p = &new.patient;
        assert_eq!(p.name, "Kim Tran", "{slug}");
        assert_eq!(p.preferred_name.as_deref(), Some("Kim"), "{slug}");
        assert!(p.pronouns.is_none() && p.birth_date.is_none(), "{slug}");
        assert!(p.phone.is_none() && p.email.is_none(), "{slug}");
        assert!(
            p.given_names.is_empty() && p.family_names.is_empty(),
            "{slug}"
        );
        assert!(
            p.former_names.is_empty() && p.other_spellings.is_empty(),
            "{slug}"
        );
        assert_eq!(
            p.language, src.patient.language,
            "{slug}: the text's language is kept"
        );
        assert!(
            new.story.is_none() && new.clinician.is_none() && new.handout.is_none(),
            "{slug}"
        );
        assert!(new.protocol.is_none());
        assert_ne!(new.problem.summary, src.problem.summary, "{slug}");
        assert!(
            new.problem
                .in_their_words
                .as_deref()
                .is_some_and(|w| w.contains("TODO")),
            "{slug}"
        );
        assert!(new.problem.details.is_none(), "{slug}");
        assert!(new.goal.statement.contains("TODO"), "{slug}");
        assert_eq!(
            new.goal.agreed_on.map(|d| d.to_string()).as_deref(),
            Some("2026-11-26")
        );
        assert_ne!(new.success, src.success, "{slug}");
        let visit = new.next_visit.as_ref().expect("the template's next visit");
        assert_ne!(
            visit.date,
            src.next_visit.as_ref().and_then(|v| v.date),
            "{slug}"
        );
        assert_eq!(new.goal.measures.len(), src.goal.measures.len());
        for m in &new.goal.measures {
            assert!(
                m.now.as_deref().is_some_and(|n| n.contains("TODO")),
                "{slug}"
            );
        }
        // The programme itself is copied: every exercise and dose, no note.
        assert_eq!(new.steps.len(), src.steps.len(), "{slug}");
        for (a, b) in new.steps.iter().zip(&src.steps) {
            assert_eq!(a.exercises.len(), b.exercises.len(), "{slug}");
            for (x, y) in a.exercises.iter().zip(&b.exercises) {
                assert_eq!(x.dose(), y.dose(), "{slug}");
                assert_eq!(x.use_id, y.use_id, "{slug}");
                assert!(x.note.is_none(), "{slug}");
            }
        }
    }
}

#[test]
fn copied_lines_that_say_nothing_of_the_patient_stay_as_written() {
    let c = Clinic::with_plan();
    c.cmd(&["new", "plan", "Kim Tran", "--like", "maria-lopez"])
        .assert()
        .success();
    let new = parse_plan(&c, "content/plans/kim-tran.yaml");
    assert_eq!(new.steps[0].title, "Calm the pain");
    assert_eq!(
        new.responsibilities.patient,
        ["Do your exercises twice a day"]
    );
    assert_eq!(new.goal.measures[0].name, "Reaching up");
    assert_eq!(
        new.goal.measures[0].target.as_deref(),
        Some("Pain 1 out of 10")
    );
}

#[test]
fn every_sample_protocol_starts_a_plan_that_builds_once_filled_in() {
    let c = Clinic::sample();
    let out = c.cmd(&["protocols"]).output().unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    for (id, name, slug) in [
        ("knee-replacement", "Zofia Kwiatkowska", "zofia-kwiatkowska"),
        ("ankle-sprain", "Ilse Vandermeer", "ilse-vandermeer"),
        ("low-back-pain", "Tomasz Brzezinski", "tomasz-brzezinski"),
    ] {
        assert!(listed.contains(&format!("{id}: ")), "{listed}");
        let out = c
            .cmd(&["new", "plan", name, "--protocol", id])
            .output()
            .unwrap();
        assert!(out.status.success(), "{id}: {}", stderr(&out));
        let rel = format!("content/plans/{slug}.yaml");
        c.write(&rel, &fill_todos(&c.read(&rel)));
    }
    let out = c.cmd(&["check"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        !err.contains("kwiatkowska.yaml") && !err.contains("protocols/"),
        "{err}"
    );
}

#[test]
fn the_source_plan_may_be_named_by_its_file() {
    let c = Clinic::with_plan();
    c.cmd(&[
        "new",
        "plan",
        "Kim Tran",
        "--like",
        "content/plans/maria-lopez.yaml",
    ])
    .assert()
    .success();
    assert_eq!(parse_plan(&c, "content/plans/kim-tran.yaml").steps.len(), 1);
}

#[test]
fn an_unknown_source_plan_gets_did_you_mean() {
    let c = Clinic::with_plan();
    let out = c
        .cmd(&["new", "plan", "Kim Tran", "--like", "maria-lopes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `maria-lopez`?"),
        "{}",
        stderr(&out)
    );
    assert!(!c.path().join("content/plans/kim-tran.yaml").exists());
}
