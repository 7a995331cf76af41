//! Standard outcome measures (issue 21) through the binary: the MCID
//! sentence in English and Spanish, PSFS activities in the patient's own
//! words, and every built-in measure's range enforced.

mod common;
use common::*;

/// PLAN with `measures` in place of its goal's measure and `visits`.
fn plan_with(measures: &str, visits: &str, lang: &str) -> String {
    PLAN.replace(
        "    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }\n",
        measures,
    )
    .replace("agreed_on: 2026-11-20", "agreed_on: 2026-10-01")
    .replacen("\nsteps:\n", &format!("\n{visits}steps:\n"), 1)
    .replacen("patient:\n", &format!("patient:\n  language: {lang}\n"), 1)
}

const MEASURES: &str = "    - { measure: nprs, now: 7, target: 2 }\n    - measure: psfs\n      activities:\n        - { name: Climb the stairs to my flat, now: 3, target: 8 }\n";

/// `heropath check` over PLAN with `measures` as its goal's (English, no
/// visits): did it pass, and what it printed.
fn check_measures(measures: &str) -> (bool, String) {
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &plan_with(measures, "", "en"),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    (out.status.success(), stderr(&out))
}

fn handout_text(c: &Clinic) -> String {
    text_of(&c.read("handouts/maria-lopez.html"))
}

#[test]
fn mcid_reached_and_not_reached_in_english_and_spanish() {
    for (lang, visits, want) in [
        (
            "en",
            "visits:\n  - date: 2026-11-10\n    measures: { nprs: 4, psfs: { Climb the stairs to my flat: 6 } }\n",
            vec![
                "Your pain went from 7 to 4 out of 10: a real improvement.",
                "Your score for “Climb the stairs to my flat” went from 3 to 6 out of 10: a real improvement.",
            ],
        ),
        (
            "en",
            "visits:\n  - date: 2026-11-10\n    measures: { nprs: 6, psfs: { Climb the stairs to my flat: 4 } }\n",
            vec![
                "Your pain went from 7 to 6 out of 10: not yet a change we can be sure of.",
                "Your score for “Climb the stairs to my flat” went from 3 to 4 out of 10: not yet a change we can be sure of.",
            ],
        ),
        (
            "es",
            "visits:\n  - date: 2026-11-10\n    measures: { nprs: 6, psfs: { Climb the stairs to my flat: 4 } }\n",
            vec![
                "Su dolor pasó de 7 a 6 de 10: todavía no es un cambio del que podamos estar seguros.",
                "Su puntuación en «Climb the stairs to my flat» pasó de 3 a 4 de 10: todavía no es",
            ],
        ),
        (
            "es",
            "visits:\n  - date: 2026-11-10\n    measures: { nprs: 4, psfs: { Climb the stairs to my flat: 6 } }\n",
            vec![
                "Su dolor pasó de 7 a 4",
                ": una mejora real.",
                "«Climb the stairs to my flat»",
            ],
        ),
    ] {
        let c = Clinic::new();
        c.write(
            "content/plans/maria-lopez.yaml",
            &plan_with(MEASURES, visits, lang),
        );
        let out = c.cmd(&["build"]).output().unwrap();
        assert!(out.status.success(), "{lang}: {}", stderr(&out));
        let text = handout_text(&c);
        for w in want {
            assert!(text.contains(w), "{lang}: `{w}` not in {text}");
        }
    }
}

#[test]
fn every_built_in_measure_refuses_a_score_off_its_range() {
    // One past each end of every measure's published range.
    for (id, below, above) in [
        ("nprs", -1, 11),
        ("lefs", -1, 81),
        ("odi", -1, 101),
        ("ndi", -1, 51),
        ("quickdash", -1, 101),
    ] {
        for bad in [below, above] {
            let c = Clinic::new();
            let measures = format!("    - {{ measure: {id}, now: {bad}, target: 1 }}\n");
            c.write(
                "content/plans/maria-lopez.yaml",
                &plan_with(&measures, "", "en"),
            );
            let out = c.cmd(&["check"]).output().unwrap();
            assert!(!out.status.success(), "{id} {bad} was accepted");
            assert!(
                stderr(&out).contains("HP0110"),
                "{id} {bad}: {}",
                stderr(&out)
            );
        }
    }
    // PSFS scores each activity 0–10.
    let c = Clinic::new();
    let measures = "    - measure: psfs\n      activities:\n        - { name: Lift my grandson, now: 11, target: 8 }\n";
    c.write(
        "content/plans/maria-lopez.yaml",
        &plan_with(measures, "", "en"),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    assert!(stderr(&out).contains("HP0110"), "{}", stderr(&out));
}

#[test]
fn a_psfs_visit_naming_an_unknown_activity_is_an_error_at_its_line() {
    let c = Clinic::new();
    let visits = "visits:\n  - date: 2026-11-10\n    measures: { psfs: { Climb the stair to my flat: 6 } }\n";
    c.write(
        "content/plans/maria-lopez.yaml",
        &plan_with(MEASURES, visits, "en"),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(err.contains("HP0109"), "{err}");
    assert!(
        err.contains("Climb the stairs to my flat"),
        "did-you-mean: {err}"
    );
}

/// A mistyped built-in id is one error, HP0114 with the right id, at its
/// line (not also "no usable id"); a visit naming a measure the goal does
/// not have lists the built-in ones by id; a built-in's off-range score
/// is not told to remove a `scale:` it never had.
#[test]
fn a_mistyped_measure_id_is_one_error_and_visits_offer_the_built_in_ids() {
    let c = Clinic::new();
    let measures = "    - { measure: nprs, now: 11, target: 2 }\n    - { measure: lefz, now: 30, target: 60 }\n";
    let visits = "visits:\n  - date: 2026-11-10\n    measures: { odi: 30 }\n";
    c.write(
        "content/plans/maria-lopez.yaml",
        &plan_with(measures, visits, "en"),
    );
    let out = c.cmd(&["--format", "short", "check"]).output().unwrap();
    let err = stderr(&out);
    assert!(!out.status.success());
    let plan = c.read("content/plans/maria-lopez.yaml");
    let lefz = plan.lines().position(|l| l.contains("lefz")).unwrap() + 1;
    assert!(
        err.contains(&format!("maria-lopez.yaml:{lefz}:")) && err.contains("HP0114"),
        "{err}"
    );
    assert!(err.contains("did you mean `lefs`?"), "{err}");
    assert!(
        !err.contains("HP0113"),
        "a second error for the same typo: {err}"
    );
    let unknown = err
        .lines()
        .skip_while(|l| !l.contains("no goal measure is called `odi`"))
        .nth(1)
        .unwrap_or_default();
    assert!(
        unknown.contains("nprs"),
        "the built-in ids are offered: {err}"
    );
    assert!(!unknown.contains(", ,"), "no empty ids: {unknown}");
    let off = err
        .lines()
        .skip_while(|l| !l.contains("HP0110"))
        .nth(1)
        .unwrap_or_default();
    assert!(off.contains("0 to 10") && !off.contains("scale:"), "{off}");
}

/// PLAN as a consented story whose goal has `measures` and `visits`.
fn story_plan(measures: &str, visits: &str) -> String {
    format!("{}{STORY}", plan_with(measures, visits, "en"))
}

fn story_text(c: &Clinic) -> String {
    text_of(&c.read("public/stories/back-to-hugging-her-granddaughter/index.html"))
}

const LEFS: &str =
    "    - { measure: lefs, now: 38, target: 65 }\n    - { measure: nprs, now: 7, target: 2 }\n";
const LEFS_VISITS: &str = "visits:\n  - date: 2026-11-10\n    measures: { lefs: 45, nprs: 6 }\n    note: Knee sore after the weekend.\n  - date: 2026-11-24\n    measures: { lefs: 52, nprs: 6 }\n";

#[test]
fn a_story_says_a_meaningful_improvement_without_any_visit_date() {
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &story_plan(LEFS, LEFS_VISITS),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("HP0501"), "{}", stderr(&out));
    let text = story_text(&c);
    assert!(
        text.contains("Meaningful improvement on LEFS (+14, MCID 9)"),
        "{text}"
    );
    // NPRS 7 → 6 is short of its MCID of 2: no claim either way.
    assert!(!text.contains("on NPRS"), "{text}");
    // The built-in measures are named, never an empty cell.
    assert!(text.contains("Leg function (LEFS)"), "{text}");
    assert!(text.contains("Pain"), "{text}");
    let html = c.read("public/stories/back-to-hugging-her-granddaughter/index.html");
    for secret in [
        "2026-11-10",
        "2026-11-24",
        "November 10",
        "November 24",
        "Nov 10",
        "Knee sore",
    ] {
        assert!(!html.contains(secret), "`{secret}` on the public story");
    }
    assert!(
        !html.contains("<th scope=\"row\"></th>"),
        "a measure without a name"
    );
}

#[test]
fn a_story_in_spanish_says_it_in_spanish_and_omits_a_worse_change() {
    let c = Clinic::new();
    let plan = story_plan(
        "    - { measure: odi, now: 40, target: 10 }\n    - { measure: ndi, now: 10, target: 4 }\n",
        "visits:\n  - date: 2026-11-10\n    measures: { odi: 22, ndi: 20 }\n",
    )
    .replacen(
        "patient:\n  language: en\n",
        "patient:\n  language: es\n",
        1,
    );
    c.write("content/plans/maria-lopez.yaml", &plan);
    c.write("site.yaml", &SITE.replace("language: en", "language: es"));
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = story_text(&c);
    // ODI is lower-better: 40 → 22 is -18, past its MCID of 10.
    assert!(
        text.contains("Mejora significativa en ODI (-18, MCID 10)"),
        "{text}"
    );
    // NDI got worse by 10 (MCID 7.5): never on the public story.
    assert!(!text.contains("NDI ("), "{text}");
    assert!(!text.contains("Meaningful"), "{text}");
}

#[test]
fn a_clinic_mcid_changes_the_verdict_on_the_story_and_the_caseload() {
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &story_plan(LEFS, LEFS_VISITS),
    );
    c.write(
        "site.yaml",
        &format!("{SITE}measures:\n  lefs: {{ mcid: 15 }}\n"),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = story_text(&c);
    assert!(!text.contains("Meaningful improvement"), "{text}");
    let caseload = text_of(&c.read("handouts/index.html"));
    assert!(caseload.contains("below the MCID of 15"), "{caseload}");
    // The handout judges by the same clinic MCID.
    let handout = handout_text(&c);
    assert!(
        handout.contains("not yet a change we can be sure of"),
        "{handout}"
    );
    // And with the published MCID the caseload says it is meaningful.
    c.write("site.yaml", SITE);
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let caseload = text_of(&c.read("handouts/index.html"));
    assert!(caseload.contains("meaningful (MCID 9)"), "{caseload}");
    assert!(story_text(&c).contains("(+14, MCID 9)"));
}

#[test]
fn an_unnamed_built_in_measure_is_named_on_the_handout_story_and_caseload() {
    let c = Clinic::new();
    // Not measured again: the handout shows the goal's table.
    c.write(
        "content/plans/maria-lopez.yaml",
        &story_plan("    - { measure: nprs, now: 7, target: 2 }\n    - { measure: quickdash, now: 50, target: 20 }\n", ""),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for (what, html) in [
        ("handout", c.read("handouts/maria-lopez.html")),
        (
            "story",
            c.read("public/stories/back-to-hugging-her-granddaughter/index.html"),
        ),
    ] {
        assert!(
            !html.contains("<th scope=\"row\"></th>"),
            "{what}: an empty name"
        );
        let text = text_of(&html);
        assert!(text.contains("Pain"), "{what}: {text}");
        assert!(text.contains("QuickDASH"), "{what}: {text}");
    }
    // Measured again: the caseload's line names it too.
    c.write(
        "content/plans/maria-lopez.yaml",
        &story_plan(
            "    - { measure: nprs, now: 7, target: 2 }\n",
            "visits:\n  - date: 2026-11-10\n    measures: { nprs: 3 }\n",
        ),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let caseload = text_of(&c.read("handouts/index.html"));
    assert!(caseload.contains("Pain: 7 → 3"), "{caseload}");
    assert!(story_text(&c).contains("Meaningful improvement on NPRS (-4, MCID 2)"));
}

const PSFS: &str = "    - measure: psfs\n      activities:\n        - { name: Climb the stairs to my flat, now: 3, target: 8 }\n        - { name: \"Pick up my granddaughter (she's 4)\", now: 2, target: 8 }\n";

/// Build the PSFS story plan with `visits` (stairs 3 → 5, granddaughter
/// 2 → 4, however the visit spells them) and check the handout names the
/// activities in the goal's words and judges each and the mean.
fn psfs_judged(c: &Clinic, visits: &str) {
    c.write("content/plans/maria-lopez.yaml", &story_plan(PSFS, visits));
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let handout = handout_text(c);
    for want in [
        "Your score for “Climb the stairs to my flat” went from 3 to 5 out of 10: not yet a change we can be sure of.",
        "“Pick up my granddaughter (she's 4)”",
        // The mean's verdict too, in the reader's words.
        "Your daily activities went from 2.5 to 4.5 out of 10: a real improvement.",
    ] {
        assert!(
            handout.contains(want),
            "{visits}: `{want}` not in {handout}"
        );
    }
}

#[test]
fn the_psfs_is_judged_by_its_mean_and_each_activity_reads_as_written() {
    // Stairs 3 → 5 (+2, short of one activity's MCID of 3), granddaughter
    // 2 → 4 (+2): the mean 2.5 → 4.5 is +2, the MCID of the mean.
    let visits = "visits:\n  - date: 2026-11-10\n    measures: { psfs: { Climb the stairs to my flat: 5, \"Pick up my granddaughter (she's 4)\": 4 } }\n";
    let c = Clinic::new();
    psfs_judged(&c, visits);
    let caseload = text_of(&c.read("handouts/index.html"));
    assert!(
        caseload.contains("Daily activities: 2.5 → 4.5 out of 10 (Goal 8), meaningful (MCID 2)"),
        "{caseload}"
    );
    let text = story_text(&c);
    assert!(
        text.contains("Meaningful improvement on PSFS (+2, MCID 2)"),
        "{text}"
    );
    // A visit scoring only one activity gives no mean: no claim.
    let visits = "visits:\n  - date: 2026-11-10\n    measures: { psfs: { Climb the stairs to my flat: 9 } }\n";
    c.write("content/plans/maria-lopez.yaml", &story_plan(PSFS, visits));
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = story_text(&c);
    assert!(!text.contains("on PSFS"), "{text}");
    assert!(handout_text(&c).contains("went from 3 to 9 out of 10: a real improvement."));
}

#[test]
fn check_warns_about_a_plan_without_a_standard_measure_unless_the_clinic_opts_out() {
    let c = Clinic::new();
    c.write("content/plans/maria-lopez.yaml", PLAN);
    let out = c.cmd(&["check"]).output().unwrap();
    let err = stderr(&out);
    // `  measures:` is line 14 of PLAN, column 3.
    assert!(
        err.contains("content/plans/maria-lopez.yaml:14:3: warning[HP0115]"),
        "{err}"
    );
    assert_eq!(err.matches("[HP0115]").count(), 1, "{err}");
    c.write(
        "site.yaml",
        &format!("{SITE}check:\n  standard_measure: false\n"),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    assert!(!stderr(&out).contains("HP0115"), "{}", stderr(&out));
    // A plan with one does not warn.
    c.write("site.yaml", SITE);
    c.write(
        "content/plans/maria-lopez.yaml",
        &plan_with(
            "    - { measure: lefs, now: 38, target: 65 }\n",
            "visits:\n  - date: 2026-11-20\n    measures: { lefs: 40 }\n",
            "en",
        ),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    let err = stderr(&out);
    assert!(!err.contains("HP0115") && !err.contains("HP0116"), "{err}");
}

#[test]
fn check_warns_when_a_standard_measure_was_last_recorded_over_30_days_ago() {
    let c = Clinic::new();
    // Agreed on 2026-10-01; LEFS last on 2026-10-20 (37 days before
    // 2026-11-26); NPRS on 2026-11-05 (21 days): only LEFS is stale.
    let visits = "visits:\n  - date: 2026-10-20\n    measures: { lefs: 45, nprs: 6 }\n  - date: 2026-11-05\n    measures: { nprs: 5 }\n";
    let plan = plan_with(LEFS, visits, "en");
    c.write("content/plans/maria-lopez.yaml", &plan);
    let out = c.cmd(&["check"]).output().unwrap();
    let err = stderr(&out);
    let line = plan
        .lines()
        .position(|l| l.contains("date: 2026-11-05"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("maria-lopez.yaml:{line}:11: warning[HP0116]")),
        "{err}"
    );
    assert!(err.contains("LEFS was recorded 37 days ago"), "{err}");
    assert!(!err.contains("NPRS was recorded"), "{err}");
    // No visits: the goal's `now` from 2026-10-01 is 56 days old, reported
    // at the measure.
    let plan = plan_with("    - { measure: ndi, now: 20, target: 5 }\n", "", "en");
    c.write("content/plans/maria-lopez.yaml", &plan);
    let err = stderr(&c.cmd(&["check"]).output().unwrap());
    let line = plan
        .lines()
        .position(|l| l.contains("measure: ndi"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("maria-lopez.yaml:{line}:18: warning[HP0116]")),
        "{err}"
    );
    assert!(err.contains("NDI was recorded 56 days ago"), "{err}");
    // Exactly 30 days is still fresh.
    let err = stderr(&c.cmd_on("2026-10-31", &["check"]).output().unwrap());
    assert!(!err.contains("HP0116"), "{err}");
}

#[test]
fn the_schema_lists_every_built_in_measure_id() {
    let c = Clinic::new();
    let out = c.cmd(&["schema", "plan"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let schema = String::from_utf8_lossy(&out.stdout);
    for id in ["nprs", "psfs", "lefs", "odi", "ndi", "quickdash"] {
        assert!(schema.contains(&format!("\"{id}\"")), "{id} missing");
    }
}

#[test]
fn scores_are_read_as_therapists_write_them() {
    // ODI in %, LEFS "out of" its maximum or over it, a decimal comma: the
    // same verdicts as the bare numbers.
    for (measures, visits, want) in [
        (
            "    - { measure: odi, now: 32%, target: 12 % }\n",
            "visits:\n  - date: 2026-11-10\n    measures: { odi: 20 % }\n",
            "went from 32 to 20 %: a real improvement.",
        ),
        (
            "    - { measure: lefs, now: 38/80, target: 60 out of 80 }\n",
            "visits:\n  - date: 2026-11-10\n    measures: { lefs: 52 / 80 }\n",
            "went from 38 to 52 out of 80: a real improvement.",
        ),
        (
            "    - { measure: nprs, now: \"6,5\", target: 2 }\n",
            "visits:\n  - date: 2026-11-10\n    measures: { nprs: \"5,5\" }\n",
            "went from 6.5 to 5.5 out of 10: not yet a change we can be sure of.",
        ),
    ] {
        let c = Clinic::new();
        c.write(
            "content/plans/maria-lopez.yaml",
            &plan_with(measures, visits, "en"),
        );
        let out = c.cmd(&["build"]).output().unwrap();
        assert!(out.status.success(), "{measures}: {}", stderr(&out));
        let text = handout_text(&c);
        assert!(text.contains(want), "{measures}: `{want}` not in {text}");
    }
    // A unit that is not the scale's is still no score on it.
    for (measures, bad) in [
        (
            "    - { measure: lefs, now: 38/100, target: 60 }\n",
            "38/100",
        ),
        ("    - { measure: lefs, now: 38%, target: 60 }\n", "38%"),
        (
            "    - { measure: nprs, now: \"1,000\", target: 2 }\n",
            "1,000",
        ),
    ] {
        let (passed, err) = check_measures(measures);
        assert!(!passed, "{bad} was accepted");
        assert!(
            err.contains(&format!("`{bad}`")) && err.contains("HP0110"),
            "{err}"
        );
    }
}

#[test]
fn an_ndi_written_in_percent_is_kept_and_judged_in_percent() {
    // The NDI is 0-50 points or 0-100 %; its MCID, 7.5 points, is 15 %.
    for (now, latest, want) in [
        ("36%", "20%", "went from 36 to 20 %: a real improvement."),
        (
            "36%",
            "24",
            "went from 36 to 24 %: not yet a change we can be sure of.",
        ),
        (
            "18",
            "10",
            "went from 18 to 10 out of 50: a real improvement.",
        ),
    ] {
        let c = Clinic::new();
        let measures = format!("    - {{ measure: ndi, now: {now}, target: 6 }}\n");
        let visits = format!("visits:\n  - date: 2026-11-10\n    measures: {{ ndi: {latest} }}\n");
        c.write(
            "content/plans/maria-lopez.yaml",
            &plan_with(&measures, &visits, "en"),
        );
        let out = c.cmd(&["build"]).output().unwrap();
        assert!(out.status.success(), "{now} {latest}: {}", stderr(&out));
        let text = handout_text(&c);
        assert!(
            text.contains(want),
            "{now} {latest}: `{want}` not in {text}"
        );
        let caseload = text_of(&c.read("handouts/index.html"));
        let mcid = if now.ends_with('%') { "15" } else { "7.5" };
        let said = [format!("MCID {mcid})"), format!("MCID of {mcid}")];
        assert!(
            said.iter().any(|s| caseload.contains(s.as_str())),
            "{now}: {caseload}"
        );
    }
    // In %, its range is 0-100; in points, 0-50.
    for (now, ok) in [("80%", true), ("80", false), ("101%", false)] {
        let c = Clinic::new();
        let measures = format!("    - {{ measure: ndi, now: {now}, target: 6 }}\n");
        c.write(
            "content/plans/maria-lopez.yaml",
            &plan_with(&measures, "", "en"),
        );
        let out = c.cmd(&["check"]).output().unwrap();
        assert_eq!(
            !stderr(&out).contains("HP0110"),
            ok,
            "{now}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_psfs_visit_may_write_an_activity_in_another_case_or_apostrophe() {
    // The visit writes the activities lower case, with a curly apostrophe
    // and a double space: the same activities, judged as in the test above.
    let visits = "visits:\n  - date: 2026-11-10\n    measures: { PSFS: { climb the stairs to  my flat: 5, \"pick up my granddaughter (she’s 4)\": 4 } }\n";
    let c = Clinic::new();
    psfs_judged(&c, visits);
    // Another activity is still an error, with the plan's names offered.
    let visits = "visits:\n  - date: 2026-11-10\n    measures: { psfs: { climb the stairs to my falt: 5 } }\n";
    c.write("content/plans/maria-lopez.yaml", &story_plan(PSFS, visits));
    let out = c.cmd(&["check"]).output().unwrap();
    let err = stderr(&out);
    assert!(
        err.contains("no activity called `climb the stairs to my falt`"),
        "{err}"
    );
    assert!(
        err.contains("did you mean `Climb the stairs to my flat`?"),
        "{err}"
    );
}

#[test]
fn a_psfs_visit_scoring_one_activity_twice_is_an_error_at_the_second() {
    // Two spellings of one activity: which score counts is not for
    // heropath to guess.
    let visits = "visits:\n  - date: 2026-11-10\n    measures:\n      PSFS:\n        Climb the stairs to my flat: 5\n        climb the stairs to  my flat: 7\n";
    let c = Clinic::new();
    c.write("content/plans/maria-lopez.yaml", &story_plan(PSFS, visits));
    let out = c.cmd(&["check"]).output().unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    let text = c.read("content/plans/maria-lopez.yaml");
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("climb the stairs to  my flat:"))
        .expect("the second spelling is in the plan")
        + 1;
    assert!(
        err.contains(&format!("content/plans/maria-lopez.yaml:{line}:")),
        "{err}"
    );
    assert!(
        err.contains(
            "error[HP0118]: visit 1 scores the PSFS activity `Climb the stairs to my flat` twice"
        ),
        "{err}"
    );
}

#[test]
fn a_target_worse_than_now_is_a_warning_whichever_way_the_scale_runs() {
    // Each built-in measure with its goal written the wrong way round
    // (lower is better for NPRS, ODI, NDI and QuickDASH; higher for LEFS
    // and each PSFS activity), then the right way round and level.
    let psfs = |now: u32, target: u32| {
        format!(
            "    - measure: psfs\n      activities:\n        - {{ name: Lift my grandson, now: {now}, target: {target} }}\n"
        )
    };
    let wrong = [
        (
            "nprs",
            "    - { measure: nprs, now: 2, target: 7 }\n".to_string(),
        ),
        (
            "odi",
            "    - { measure: odi, now: 20, target: 40 }\n".to_string(),
        ),
        (
            "ndi",
            "    - { measure: ndi, now: 10, target: 30 }\n".to_string(),
        ),
        (
            "quickdash",
            "    - { measure: quickdash, now: 10, target: 45 }\n".to_string(),
        ),
        (
            "lefs",
            "    - { measure: lefs, now: 60, target: 40 }\n".to_string(),
        ),
        ("psfs", psfs(8, 3)),
    ];
    for (id, measures) in &wrong {
        let (passed, err) = check_measures(measures);
        // A warning: the plan still builds.
        assert!(passed, "{id}: {err}");
        assert_eq!(err.matches("[HP0119]").count(), 1, "{id}: {err}");
        assert!(err.contains("is worse than now"), "{id}: {err}");
    }
    for measures in [
        "    - { measure: nprs, now: 7, target: 2 }\n".to_string(),
        "    - { measure: nprs, now: 3, target: 3 }\n".to_string(),
        "    - { measure: lefs, now: 40, target: 60 }\n".to_string(),
        psfs(3, 8),
    ] {
        let (_, err) = check_measures(&measures);
        assert!(!err.contains("HP0119"), "{measures}: {err}");
    }
}
