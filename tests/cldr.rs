//! Plural forms and dates from CLDR (issue 15): a counted phrase takes the
//! form of its number's plural category in the handout's language, and
//! dates are written by CLDR, through the real binary.

mod common;
use common::{Clinic, PLAN};

/// A phrase of the default theme's Arabic table, as the file has it.
fn ar_phrase(key: &str) -> String {
    let table = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/ar.yaml"),
    )
    .expect("ar table");
    let prefix = format!("{key}: \"");
    let line = table
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("ar.yaml has no `{key}`"));
    line[prefix.len()..].trim_end_matches('"').to_string()
}

/// The sample plan in Arabic, with its inline exercise's sets and hold
/// time set to `n`.
fn arabic_handout(n: u32) -> String {
    let c = Clinic::new();
    let plan = PLAN
        .replace(
            "  preferred_name: Mari\n",
            "  preferred_name: Mari\n  language: ar\n",
        )
        .replace("        sets: 2\n", &format!("        sets: {n}\n"))
        .replace(
            "        hold_seconds: 5\n",
            &format!("        hold_seconds: {n}\n"),
        );
    assert!(
        plan.contains(&format!("sets: {n}\n")) && plan.contains(&format!("hold_seconds: {n}\n"))
    );
    c.write("content/plans/maria-lopez.yaml", &plan);
    let out = c.cmd(&["build"]).output().expect("run");
    assert!(out.status.success(), "{}", common::stderr(&out));
    c.read("handouts/maria-lopez.html")
}

#[test]
fn arabic_doses_take_the_dual_and_the_few_forms() {
    let two = arabic_handout(2);
    let hold_two = ar_phrase("dose_hold_two");
    assert!(two.contains(&hold_two), "missing `{hold_two}`");
    let sets_two = ar_phrase("dose_sets_reps_two").replace("{reps}", "10");
    assert!(two.contains(&sets_two), "missing `{sets_two}`");
    // The plain ("other") form is not used for 2.
    let other = ar_phrase("dose_hold").replace("{n}", "2");
    assert!(!two.contains(&other));

    let three = arabic_handout(3);
    let hold_few = ar_phrase("dose_hold_few").replace("{n}", "3");
    assert!(three.contains(&hold_few), "missing `{hold_few}`");
    let sets_few = ar_phrase("dose_sets_reps_few")
        .replace("{sets}", "3")
        .replace("{reps}", "10");
    assert!(three.contains(&sets_few), "missing `{sets_few}`");
    assert!(!three.contains(&hold_two));
}

#[test]
fn dates_are_written_by_cldr_in_the_handout_language() {
    // The goal was agreed on 2026-11-20, a Friday.
    for (lang, month, weekday) in [
        ("en", "November", "Friday"),
        ("es", "noviembre", "viernes"),
        ("ar", "نوفمبر", "الجمعة"),
    ] {
        let c = Clinic::new();
        let plan = PLAN.replace(
            "  preferred_name: Mari\n",
            &format!("  preferred_name: Mari\n  language: {lang}\n"),
        );
        c.write("content/plans/maria-lopez.yaml", &plan);
        let out = c.cmd(&["build"]).output().expect("run");
        assert!(out.status.success(), "{}", common::stderr(&out));
        let html = c.read("handouts/maria-lopez.html");
        assert!(html.contains(month) && html.contains(weekday), "{lang}");
        assert!(html.contains("2026") && html.contains("20"), "{lang}");
    }
}

#[test]
fn a_table_date_format_still_overrides_cldr() {
    let c = Clinic::new();
    c.write(
        "themes/default/i18n/en.yaml",
        "date_format: \"{day} {month} {year} ({weekday})\"\n\
         months: [M1, M2, M3, M4, M5, M6, M7, M8, M9, M10, Moon, M12]\n\
         weekdays: [D1, D2, D3, D4, Fryday, D6, D7]\n",
    );
    c.write("content/plans/maria-lopez.yaml", PLAN);
    let out = c.cmd(&["build"]).output().expect("run");
    assert!(out.status.success(), "{}", common::stderr(&out));
    let html = c.read("handouts/maria-lopez.html");
    assert!(html.contains("20 Moon 2026 (Fryday)"), "override not used");
}
