//! A therapist's evening, round 11: desk slips in plans. A dose written
//! the way therapists write it (`reps: 3x10`, `30s`, `2x/day`, `daily`)
//! is told with the keys to write; an ambiguous date shows both readings;
//! a visit's measure of the wrong shape is reported at its own line; and
//! a title with another patient's family name ("Mrs. Lopez") left in a
//! copied plan is HP0121, in `check` and in `serve`'s reloads. Each test
//! drives the real binary over a real clinic folder (the reload test, the
//! library's `reload_plans`, as `serve` does).

mod common;
use common::*;

/// The inline exercise's `reps: 10` line of `PLAN`.
const REPS: &str = "        reps: 10\n";

/// The 1-based line of `PLAN` that starts with `needle`.
fn line_of(needle: &str) -> usize {
    let needle = needle.trim_end();
    PLAN.lines()
        .position(|l| l.starts_with(needle))
        .unwrap_or(0)
        + 1
}

/// `check` of `PLAN` with `reps: 10` replaced by `line`: the error line at
/// that line and the help after it.
fn dose_said(line: &str) -> String {
    let (code, err) = check_edited(&[(REPS, &format!("        {line}\n"))]);
    assert_eq!(code, Some(1), "{line}: {err}");
    let at = err
        .lines()
        .position(|l| {
            l.starts_with(&format!(
                "content/plans/maria-lopez.yaml:{}:",
                line_of(REPS)
            ))
        })
        .unwrap_or_else(|| panic!("{line}: no error at its line: {err}"));
    let said: Vec<&str> = err.lines().skip(at).take(2).collect();
    said.join("\n")
}

fn assert_plain(said: &str) {
    for serde in ["invalid type", "invalid value", "expected u32", "string \""] {
        assert!(!said.contains(serde), "serde's words: {said}");
    }
}

#[test]
fn sets_and_reps_written_together_point_to_both_keys() {
    for written in [
        "reps: 3x10",
        "reps: \"3 x 10\"",
        "reps: 3×10",
        "reps: 3 sets of 10",
        "sets: 3x10",
    ] {
        let said = dose_said(written);
        assert_plain(&said);
        assert!(
            said.contains("`sets: 3` and `reps: 10`"),
            "{written}: {said}"
        );
    }
}

#[test]
fn a_time_or_how_often_written_as_reps_points_to_its_own_key() {
    for (written, key) in [
        ("reps: 30s", "`hold_seconds: 30`"),
        ("reps: 30 sec", "`hold_seconds: 30`"),
        ("reps: 2x/day", "`per_day: 2`"),
        ("reps: twice a day", "`per_day: 2`"),
        ("reps: 3x/week", "`days_per_week: 3`"),
        ("reps: 2 min", "`minutes: 2`"),
        ("reps: 45 seconds", "`hold_seconds: 45`"),
    ] {
        let said = dose_said(written);
        assert_plain(&said);
        assert!(said.contains(key), "{written}: {said}");
    }
    let said = dose_said("reps: daily");
    assert_plain(&said);
    assert!(said.contains("says how often"), "{said}");
}

#[test]
fn other_values_a_count_cannot_take_are_said_in_plain_words() {
    for written in [
        "reps: 2.5",
        "reps: true",
        "reps: -3",
        "reps: 0",
        "reps: as tolerated",
        "reps: \"\"",
        "per_day: twice",
        "days_per_week: 8",
    ] {
        let edits = [(REPS, format!("        {written}\n"))];
        let edits: Vec<(&str, &str)> = edits.iter().map(|(a, b)| (*a, b.as_str())).collect();
        let (code, err) = check_edited(&edits);
        assert_eq!(code, Some(1), "{written}: {err}");
        let at = format!("maria-lopez.yaml:{}:", line_of(REPS));
        assert!(err.contains(&at), "{written}: {err}");
        assert_plain(&err);
    }
}

#[test]
fn every_dose_slip_of_a_plan_is_reported_in_one_run() {
    let (code, err) = check_edited(&[
        ("        sets: 2\n", "        sets: 3x10\n"),
        (
            "        hold_seconds: 5\n",
            "        hold_seconds: 30 sec\n",
        ),
        (REPS, "        reps: 2x/day\n"),
    ]);
    assert_eq!(code, Some(1), "{err}");
    for line in [
        line_of("        sets: 2"),
        line_of("        hold_seconds"),
        line_of(REPS),
    ] {
        assert!(
            err.contains(&format!("maria-lopez.yaml:{line}:")),
            "{line}: {err}"
        );
    }
    assert_plain(&err);
    for fix in [
        "`sets: 3` and `reps: 10`",
        "`hold_seconds: 30`",
        "`per_day: 2` instead",
    ] {
        assert!(err.contains(fix), "{fix}: {err}");
    }
}

#[test]
fn an_ambiguous_date_shows_both_readings() {
    let (code, err) = check_edited(&[("  date: 2026-12-03\n", "  date: 12/03/2026\n")]);
    assert_eq!(code, Some(1), "{err}");
    let at = format!(
        "maria-lopez.yaml:{}:9: error[HP0005]",
        line_of("  date: 2026-12-03")
    );
    assert!(err.contains(&at), "{err}");
    assert!(
        err.contains("2026-12-03") && err.contains("2026-03-12"),
        "{err}"
    );
    assert!(err.contains("not clear"), "{err}");
    // One reading only: that one, and not the other.
    let (_, err) = check_edited(&[("  date: 2026-12-03\n", "  date: 14/03/2026\n")]);
    assert!(
        err.contains("`2026-03-14`") && !err.contains("2026-12-03"),
        "{err}"
    );
    let (_, err) = check_edited(&[("  agreed_on: 2026-11-20\n", "  agreed_on: Nov 20 2026\n")]);
    assert!(
        err.contains("`2026-11-20`") && !err.contains("for example"),
        "{err}"
    );
}

/// `PLAN` with a scale on its measure and `visits` after `success:`.
fn with_visits(visits: &str) -> String {
    format!("{PLAN}visits:\n{visits}")
}

#[test]
fn a_visit_measure_of_the_wrong_shape_is_reported_at_its_own_line() {
    let c = Clinic::with_plan();
    let plan = with_visits(
        "  - date: 2026-11-20\n    measures:\n      nprs: 6\n      Reaching up: [Pain 5]\n  - date: 2026-11-24\n    measures: { Reaching up: Pain 4, nprs: [5] }\n",
    );
    let at = PLAN.lines().count();
    c.write("content/plans/maria-lopez.yaml", &plan);
    let (code, err) = check_short(&c);
    assert_eq!(code, Some(1), "{err}");
    let first = format!("maria-lopez.yaml:{}:20: error[HP0004]", at + 5);
    let second = format!("maria-lopez.yaml:{}:44: error[HP0004]", at + 7);
    assert!(err.contains(&first), "{first}: {err}");
    assert!(err.contains(&second), "{second}: {err}");
    assert!(err.contains("`Reaching up: Pain 5`"), "{err}");
    assert!(!err.contains("untagged"), "{err}");
}

#[test]
fn an_empty_visit_value_says_what_is_expected() {
    let c = Clinic::with_plan();
    let plan = PLAN.replacen(
        "target: Pain 1 out of 10 }\n",
        "target: Pain 1 out of 10 }\n    - { measure: lefs, now: 40, target: 60 }\n",
        1,
    );
    let plan = format!("{plan}visits:\n  - date: 2026-11-20\n    measures:\n      lefs: {{}}\n");
    c.write("content/plans/maria-lopez.yaml", &plan);
    let (code, err) = check_short(&c);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("HP0110") && !err.contains("``"), "{err}");
    assert!(
        err.contains("has no value") && err.contains("0 to 80"),
        "{err}"
    );
}

/// Omar's plan (Maria's copied) with `line` as its `success:`.
fn omar_with(line: &str) -> Clinic {
    let c = Clinic::with_plan();
    let text = PLAN
        .replace("Maria Lopez", "Omar Haddad")
        .replace("preferred_name: Mari\n", "preferred_name: Omar\n")
        .replace("1968-04-12", "1971-02-03")
        .replace("(302) 555-0142", "(302) 555-0199")
        .replace("maria.lopez@mail.test", "omar.h@mail.test")
        .replace(
            "success: You pick up your granddaughter and it does not hurt.\n",
            &format!("success: {line}\n"),
        );
    c.write("content/plans/omar-haddad.yaml", &text);
    c
}

/// `PLAN`'s `success:` line.
fn success_line() -> usize {
    PLAN.lines()
        .position(|l| l.starts_with("success:"))
        .unwrap_or(0)
        + 1
}

#[test]
fn a_title_with_another_patients_family_name_is_refused() {
    for written in [
        "You walk like Mrs. Lopez now.",
        "You walk like Mr Lopez now.",
        "Ask Dr. Lopez how she did it.",
        "Igual que la Sra. López.",
        "Wie Frau Lopez.",
    ] {
        let c = omar_with(written);
        let (code, err) = check_short(&c);
        assert_eq!(code, Some(1), "{written}: {err}");
        let at = format!("content/plans/omar-haddad.yaml:{}:", success_line());
        assert!(
            err.lines()
                .any(|l| l.starts_with(&at) && l.contains("error[HP0121]")),
            "{written}: {err}"
        );
        let low = err.replace("maria-lopez.yaml", "").to_lowercase();
        assert!(!low.contains("lopez") && !low.contains("lópez"), "{err}");
    }
}

#[test]
fn a_title_with_the_patients_own_or_a_therapists_name_is_no_error() {
    for written in [
        "Mr. Haddad walks to the shop.",
        "Dr. Rivera will check your reach.",
        "Mrs. Smith next door can help.",
    ] {
        let c = omar_with(written);
        let (code, err) = check_short(&c);
        assert!(!err.contains("HP0121"), "{written}: {err}");
        assert_eq!(code, Some(0), "{written}: {err}");
    }
    // A household: Omar Lopez may say Mrs. Lopez.
    let c = Clinic::with_plan();
    let text = PLAN
        .replace("Maria Lopez", "Omar Lopez")
        .replace("preferred_name: Mari\n", "preferred_name: Omar\n")
        .replace(
            "success: You pick up your granddaughter and it does not hurt.\n",
            "success: You walk with Mrs. Lopez.\n",
        );
    c.write("content/plans/omar-lopez.yaml", &text);
    let (_, err) = check_short(&c);
    assert!(!err.contains("HP0121"), "{err}");
}

#[test]
fn serve_reload_checks_a_changed_plan_for_another_patients_name() {
    use heropath::base::diag::{Code, Diagnostics};
    use heropath::build::incremental::Reload;
    let c = omar_with("You walk to the shop.");
    let opts = heropath::build::Options {
        root: c.path().to_path_buf(),
        no_cache: true,
        ..heropath::build::Options::default()
    };
    let mut diags = Diagnostics::default();
    let mut p = heropath::build::prepare(&opts, &mut diags).expect("prepares");
    // The save a therapist makes in `serve`: Maria's name left in Omar's plan.
    let c2 = omar_with("Ask Mrs. Lopez how she did it.");
    let text =
        std::fs::read_to_string(c2.path().join("content/plans/omar-haddad.yaml")).expect("read");
    c.write("content/plans/omar-haddad.yaml", &text);
    let slugs = ["omar-haddad".to_string()].into_iter().collect();
    match p.reload_plans(&opts, &slugs) {
        Reload::Failed(ds) => assert!(ds.iter().any(|d| d.code == Code::OtherPatient), "{ds:#?}"),
        other => panic!("the reload let another patient's name through: {other:?}"),
    }
    // And a full name, as `check` finds it.
    c.write(
        "content/plans/omar-haddad.yaml",
        &text.replace("Ask Mrs. Lopez how", "Ask Maria Lopez how"),
    );
    assert!(
        matches!(p.reload_plans(&opts, &slugs), Reload::Failed(ds) if ds.iter().any(|d| d.code == Code::OtherPatient)),
        "full name"
    );
}
