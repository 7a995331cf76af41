//! Handouts in the patient's language (issue 15): translated library
//! exercises, a visible fallback, string tables for zh/vi/ar, right to left.

mod common;
use common::Clinic;

/// The sample clinic with `maria-lopez` in `lang`.
fn sample_in(lang: &str) -> Clinic {
    let c = Clinic::sample();
    let plan = c
        .read("content/plans/maria-lopez.yaml")
        .replace("  language: en\n", &format!("  language: {lang}\n"));
    assert!(plan.contains(&format!("  language: {lang}\n")));
    // The handout only: the story's public page is not what is tested here.
    let plan = match plan.find("\nstory:") {
        Some(i) => plan[..=i].to_string(),
        None => plan,
    };
    c.write("content/plans/maria-lopez.yaml", &plan);
    c
}

#[test]
fn spanish_handout_uses_the_translation_and_marks_the_fallback() {
    let c = sample_in("es");
    let out = c.cmd(&["build"]).output().expect("run");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{err}");
    let html = c.read("handouts/maria-lopez.html");
    // pendulum has translations.es: Spanish name, steps and cues.
    assert!(html.contains("Péndulo"));
    assert!(html.contains("Apóyese en una mesa con la mano sana."));
    assert!(html.contains("Deje el brazo suelto, como una cuerda."));
    assert!(!html.contains("Pendulum swing"));
    assert!(!html.contains("Lean on a table with your good hand."));
    // band-external-rotation has none: English, marked, and warned about once.
    assert!(html.contains("lang=\"en\""));
    let warnings = err
        .matches("warning[HP0710]: exercise `band-external-rotation`")
        .count();
    assert_eq!(warnings, 1, "{err}");
    assert!(
        !err.contains("exercise `pendulum` is not translated"),
        "{err}"
    );
}

#[test]
fn english_handout_has_no_fallback_marks() {
    let c = sample_in("en");
    let out = c.cmd(&["build"]).output().expect("run");
    assert!(out.status.success());
    let html = c.read("handouts/maria-lopez.html");
    assert!(html.contains("Pendulum swing"));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("HP0710"));
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
}

#[test]
fn arabic_is_right_to_left() {
    let c = sample_in("ar");
    let out = c.cmd(&["build"]).output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = c.read("handouts/maria-lopez.html");
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("الهدف الذي اتفقنا عليه"));
    // The stylesheet mirrors through logical properties only.
    assert!(!html.contains("padding-left") && !html.contains("margin-left"));
}

#[test]
fn chinese_and_vietnamese_render_every_fixed_phrase_from_their_tables() {
    let en_probe = [
        "Your plan",
        "The goal we agreed on",
        "Who does what",
        "Your next visit",
        "Tell it back",
    ];
    for (lang, phrase) in [
        ("zh", "我们一起定下的目标"),
        ("vi", "Mục tiêu chúng ta đã cùng đặt ra"),
    ] {
        let c = sample_in(lang);
        let out = c.cmd(&["build"]).output().expect("run");
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{err}");
        let missing = err
            .lines()
            .filter(|l| l.contains("HP0305"))
            .collect::<Vec<_>>();
        assert!(missing.is_empty(), "{lang}: {missing:?}");
        let html = c.read("handouts/maria-lopez.html");
        assert!(html.contains(phrase), "{lang}");
        for p in en_probe {
            assert!(!html.contains(p), "{lang}: English `{p}`");
        }
        // No key name leaked instead of a phrase.
        for key in ["goal_heading", "roles_heading", "dose_label", "log_heading"] {
            assert!(!html.contains(key), "{lang}: key `{key}`");
        }
    }
}
