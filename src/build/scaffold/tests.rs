//! Unit tests of `init` and `new`.

use super::new::*;
use super::*;
use crate::content::plan::{Exercise, Plan};

fn day() -> Date {
    Date::parse("2026-11-26").unwrap()
}

#[test]
fn slugs_transliterate_and_fall_back() {
    assert_eq!(slug_for("José Núñez", "plan"), "jose-nunez");
    assert_eq!(slug_for("  Maria   Lopez ", "plan"), "maria-lopez");
    assert_eq!(slug_for("王芳", "plan"), "wang-fang");
    assert_eq!(slug_for("Дмитрий", "plan"), "dmitrii");
    let odd = slug_for("!!!", "plan");
    assert!(odd.starts_with("plan-") && odd.len() == 13, "{odd}");
    assert_eq!(odd, slug_for("!!!", "plan"), "the fallback is stable");
}

#[test]
fn templates_parse() {
    for name in ["Maria Lopez", "O'Brien \"Bo\" #1: test @LIBRARY@", "王芳"] {
        let text = plan_text(
            name,
            day(),
            &["pendulum".into()],
            "content/plans/x.yaml",
            Some("Jamie Chen"),
        );
        assert!(text.contains("printed under \"Jamie will\""), "{text}");
        let plan: Plan = crate::content::yaml::parse(&text, Path::new("x.yaml"))
            .unwrap_or_else(|d| panic!("{}\n{text}", d.render()));
        assert_eq!(plan.patient.name, name);
        assert_eq!(plan.goal.agreed_on, Some(day()));
        assert!(
            text.starts_with("# yaml-language-server: $schema=../../schemas/plan.schema.json\n")
        );
    }
    let ex = fill(
        NEW_EXERCISE,
        &[
            ("NAME", quoted("Wall: slide @ID@")),
            ("ID", "wall-slide".into()),
        ],
    );
    let e: Exercise = crate::content::yaml::parse(&ex, Path::new("x.yaml"))
        .unwrap_or_else(|d| panic!("{}", d.render()));
    assert_eq!(e.name, "Wall: slide @ID@");
    for (rel, text) in INIT_FILES {
        if rel.starts_with("content/plans/") {
            let plan: Plan = crate::content::yaml::parse(&fill_dates(text, day()), Path::new(rel))
                .unwrap_or_else(|d| panic!("{}", d.render()));
            assert_eq!(
                plan.goal.target_date.map(|d| d.to_string()).as_deref(),
                Some("2027-01-21")
            );
        }
    }
}
