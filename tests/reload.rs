//! `Prepared::reload_plans` (what `serve` does on a plan edit) must end
//! where a full preparation of the same files ends: same plans, same
//! diagnostics. Each test edits a clinic, reloads, and compares with a
//! fresh `build::prepare`.

mod common;

use common::{Clinic, PLAN, STORY};
use heropath::base::diag::{Diagnostic, Diagnostics, Severity};
use heropath::build::incremental::Reload;
use heropath::build::{self, Options, Prepared};
use std::collections::BTreeSet;

fn options(c: &Clinic) -> Options {
    Options {
        root: c.path().to_path_buf(),
        no_cache: true,
        ..Options::default()
    }
}

/// A full preparation and its diagnostics, sorted (`None`: it failed).
fn prepare(c: &Clinic) -> (Option<Prepared>, Vec<Diagnostic>) {
    let mut diags = Diagnostics::default();
    let p = build::prepare(&options(c), &mut diags);
    (p, diags.sorted())
}

/// A clinic of three plans, `ana-diaz`, `lea-chen` and `maria-lopez`.
fn three_plans() -> Clinic {
    let c = Clinic::new();
    c.write("content/plans/maria-lopez.yaml", &format!("{PLAN}{STORY}"));
    c.write(
        "content/plans/ana-diaz.yaml",
        &PLAN.replace("Maria Lopez", "Ana Diaz"),
    );
    c.write(
        "content/plans/lea-chen.yaml",
        &PLAN.replace("Maria Lopez", "Lea Chen"),
    );
    c
}

fn slugs(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// What a preparation holds of its plans: slug, path, text, diagnostics.
fn plans_of(p: &Prepared) -> Vec<(String, String, String, Vec<Diagnostic>)> {
    p.clinic
        .plans
        .iter()
        .zip(&p.plan_diags)
        .map(|(s, d)| {
            (
                s.slug.clone(),
                s.path.display().to_string(),
                s.text.clone(),
                d.clone(),
            )
        })
        .collect()
}

#[test]
fn an_edit_a_deletion_and_a_new_plan_end_as_a_full_preparation_does() {
    let c = three_plans();
    let (p, _) = prepare(&c);
    let mut p = p.expect("the clinic prepares");

    // New warnings (jargon, no next visit) in one plan, another gone, a
    // third new, and a slug whose file never existed.
    c.write(
        "content/plans/maria-lopez.yaml",
        &format!("{PLAN}{STORY}")
            .replace(
                "Lift my granddaughter without pain",
                "Bilateral flexion without pain",
            )
            .replace(
                "next_visit:\n  date: 2026-12-03\n  time: \"10:30\"\n  focus: We will check your reach.\n",
                "",
            ),
    );
    std::fs::remove_file(c.path().join("content/plans/lea-chen.yaml")).unwrap();
    c.write(
        "content/plans/bo-kim.yaml",
        &PLAN.replace("Maria Lopez", "Bo Kim"),
    );
    let reload = p.reload_plans(
        &options(&c),
        &slugs(&["maria-lopez", "lea-chen", "bo-kim", "nobody"]),
    );
    let Reload::Done {
        diagnostics,
        reloaded,
        removed,
    } = reload
    else {
        panic!("expected an incremental reload, got {reload:?}");
    };
    assert_eq!((reloaded, removed), (2, 1));

    let (fresh, full_diags) = prepare(&c);
    let fresh = fresh.expect("the edited clinic prepares");
    assert_eq!(diagnostics, full_diags);
    assert!(
        diagnostics
            .iter()
            .any(|d| d.message.contains("`Bilateral` is medical jargon")),
        "{diagnostics:#?}"
    );
    assert_eq!(plans_of(&p), plans_of(&fresh));
    assert_eq!(
        p.clinic
            .plans
            .iter()
            .map(|s| s.slug.as_str())
            .collect::<Vec<_>>(),
        ["ana-diaz", "bo-kim", "maria-lopez"]
    );
}

#[test]
fn a_failed_reload_reports_as_a_full_preparation_and_changes_nothing() {
    let c = three_plans();
    let (p, _) = prepare(&c);
    let mut p = p.expect("the clinic prepares");
    let before = plans_of(&p);

    for broken in [
        // Does not parse.
        PLAN.replacen("  name: Maria Lopez", "\tname: Maria Lopez", 1),
        // Parses, but names no exercise of the library.
        PLAN.replace("use: pendulum", "use: pendulumm"),
    ] {
        c.write("content/plans/ana-diaz.yaml", &broken);
        let reload = p.reload_plans(&options(&c), &slugs(&["ana-diaz"]));
        let Reload::Failed(diagnostics) = reload else {
            panic!("expected a failed reload, got {reload:?}");
        };
        let (fresh, full_diags) = prepare(&c);
        assert!(fresh.is_none(), "a full preparation fails too");
        assert!(diagnostics.iter().any(|d| d.severity == Severity::Error));
        assert_eq!(diagnostics, full_diags);
        assert_eq!(plans_of(&p), before, "the preparation was left as it was");
    }

    // Fixed: the same preparation takes the file.
    c.write(
        "content/plans/ana-diaz.yaml",
        &PLAN
            .replace("Maria Lopez", "Ana Diaz")
            .replace("Calm", "Ease"),
    );
    let reload = p.reload_plans(&options(&c), &slugs(&["ana-diaz"]));
    assert!(
        matches!(reload, Reload::Done { reloaded: 1, .. }),
        "{reload:?}"
    );
    let (fresh, _) = prepare(&c);
    assert_eq!(plans_of(&p), plans_of(&fresh.expect("prepares")));
}

#[test]
fn what_a_plan_decides_for_the_whole_clinic_asks_for_a_full_preparation() {
    let c = three_plans();
    c.write(
        "content/exercises/images/arm.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let (p, _) = prepare(&c);
    let mut p = p.expect("the clinic prepares");
    let before = plans_of(&p);
    let with_picture = |image: &str| {
        PLAN.replace(
            "        side: right\n",
            &format!("        side: right\n        image: {image}\n        image_alt: An arm\n"),
        )
    };
    for (why, text) in [
        (
            "language",
            PLAN.replace(
                "  preferred_name: Mari\n",
                "  preferred_name: Mari\n  language: es\n",
            ),
        ),
        (
            "theme",
            format!("{PLAN}handout: {{ theme: large-print }}\n"),
        ),
        // In the images folder, but no plan showed it: not embedded yet.
        ("picture", with_picture("arm.svg")),
    ] {
        c.write("content/plans/lea-chen.yaml", &text);
        let reload = p.reload_plans(&options(&c), &slugs(&["lea-chen"]));
        assert!(matches!(reload, Reload::Full(_)), "{why}: {reload:?}");
        assert_eq!(plans_of(&p), before, "{why}: left as it was");
    }
}

#[test]
fn a_new_video_reloads_one_plan_and_its_qr_code_is_drawn_when_first_shown() {
    let c = three_plans();
    let (p, _) = prepare(&c);
    let mut p = p.expect("the clinic prepares");
    c.write(
        "content/plans/lea-chen.yaml",
        &PLAN.replace("Maria Lopez", "Lea Chen").replace(
            "        side: right\n",
            "        side: right\n        video: https://videos.test/squeeze\n",
        ),
    );
    let reload = p.reload_plans(&options(&c), &slugs(&["lea-chen"]));
    assert!(
        matches!(reload, Reload::Done { reloaded: 1, .. }),
        "{reload:?}"
    );
    let (fresh, _) = prepare(&c);
    let fresh = fresh.expect("prepares");
    assert_eq!(plans_of(&p), plans_of(&fresh));
    // Drawn on first use by the reloaded preparation, drawn beforehand by
    // the fresh one: the same handout, QR code and all.
    let handout = |p: &Prepared| {
        let mut out = build::render_handouts(p, false, Some("lea-chen"));
        assert_eq!(out.len(), 1);
        out.remove(0).expect("renders").bytes
    };
    let (reloaded, full) = (handout(&p), handout(&fresh));
    assert!(String::from_utf8_lossy(&reloaded).contains("<svg class=\"qr\""));
    assert_eq!(reloaded, full);
}
