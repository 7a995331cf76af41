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
    // band-external-rotation loses its Spanish: it must fall back, marked.
    let rel = "content/exercises/band-external-rotation.yaml";
    let ex = c.read(rel);
    let cut = ex
        .find("\ntranslations:")
        .expect("the sample has a translation");
    c.write(rel, &ex[..=cut]);
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

/// The patient-facing strings of every library exercise in `dir`, in the
/// library's own language (`None`) or a translation (`Some(lang)`): names,
/// steps (without their numbers), cues and picture descriptions.
fn library_strings(dir: &std::path::Path, lang: Option<&str>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("exercise folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    for path in files {
        let id = path.file_stem().unwrap().to_string_lossy().to_string();
        let doc: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let text = match lang {
            None => doc.clone(),
            Some(l) => doc["translations"][l].clone(),
        };
        assert!(text.is_mapping(), "{id}: no `translations.{lang:?}`");
        for field in ["name", "image_alt"] {
            let s = text[field]
                .as_str()
                .unwrap_or_else(|| panic!("{id}: {field}"));
            out.push((id.clone(), s.to_string()));
        }
        let steps = text["instructions"].as_str().expect("instructions");
        for line in steps.lines().filter(|l| !l.trim().is_empty()) {
            let step = line.trim().trim_start_matches(|c: char| c.is_ascii_digit());
            out.push((id.clone(), step.trim_start_matches('.').trim().to_string()));
        }
        for cue in text["cues"].as_sequence().expect("cues") {
            out.push((id.clone(), cue.as_str().unwrap().to_string()));
        }
    }
    assert!(!out.is_empty());
    out
}

/// `s` as the handout's HTML escapes it in text and attributes.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

/// A Spanish handout built from `dir`'s library: every Spanish string is
/// there, no English library string is, and nothing falls back.
fn assert_all_spanish(html: &str, err: &str, dir: &std::path::Path) {
    assert!(!err.contains("HP0710"), "{err}");
    let text = common::text_of(html);
    for (id, es) in library_strings(dir, Some("es")) {
        assert!(
            text.contains(&es) || html.contains(&escaped(&es)),
            "{id}: Spanish `{es}` missing"
        );
    }
    for (id, en) in library_strings(dir, None) {
        assert!(
            !text.contains(&en) && !html.contains(&escaped(&en)),
            "{id}: English `{en}` on a Spanish handout"
        );
    }
    assert!(!html.contains("lang=\"en\""), "no fallback marks");
}

#[test]
fn every_sample_exercise_is_in_spanish() {
    let c = sample_in("es");
    let dir = c.path().join("content/exercises");
    // The Spanish plan uses every exercise of the library.
    let ids: String = library_strings(&dir, None)
        .into_iter()
        .map(|(id, _)| id)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter(|id| {
            ![
                "pendulum",
                "band-external-rotation",
                "shoulder-blade-squeeze",
            ]
            .contains(&id.as_str())
        })
        .map(|id| format!("      - use: {id}\n"))
        .collect();
    let plan = c.read("content/plans/maria-lopez.yaml");
    let anchor = "      - use: shoulder-blade-squeeze\n        per_day: 3\n";
    assert!(plan.contains(anchor));
    c.write(
        "content/plans/maria-lopez.yaml",
        &plan.replace(anchor, &format!("{anchor}{ids}")),
    );
    let out = c.cmd(&["build"]).output().expect("run");
    let err = common::stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_all_spanish(&c.read("handouts/maria-lopez.html"), &err, &dir);
}

#[test]
fn the_starter_exercises_are_in_spanish() {
    let c = Clinic::new();
    let root = c.path().join("clinic");
    let out = c
        .cmd(&["init", root.to_str().unwrap()])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", common::stderr(&out));
    let rel = "clinic/content/plans/dana-whitfield.yaml";
    let plan = c.read(rel);
    assert!(plan.contains("  pronouns: she/her\n"));
    c.write(
        rel,
        &plan.replace(
            "  pronouns: she/her\n",
            "  pronouns: she/her\n  language: es\n",
        ),
    );
    let out = assert_cmd::Command::cargo_bin("heropath")
        .expect("binary built")
        .args([
            "--root",
            root.to_str().unwrap(),
            "--today",
            "2026-11-26",
            "build",
        ])
        .output()
        .expect("run");
    let err = common::stderr(&out);
    assert!(out.status.success(), "{err}");
    let dir = root.join("content/exercises");
    assert_all_spanish(&c.read("clinic/handouts/dana-whitfield.html"), &err, &dir);
}

#[test]
fn unreviewed_tables_are_named_once_per_build() {
    // Every shipped table marked `reviewed: false` is named when used.
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n");
    let mut unreviewed = Vec::new();
    for e in std::fs::read_dir(&repo).unwrap() {
        let path = e.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        if text.lines().any(|l| l.trim() == "reviewed: false") {
            unreviewed.push(path.file_stem().unwrap().to_string_lossy().to_string());
        }
    }
    assert!(unreviewed.len() >= 3, "{unreviewed:?}");
    for lang in &unreviewed {
        let c = sample_in(lang);
        let out = c.cmd(&["check"]).output().expect("run");
        let err = common::stderr(&out);
        assert!(out.status.success(), "{lang}: {err}");
        assert_eq!(err.matches("warning[HP0308]").count(), 1, "{lang}: {err}");
        assert!(
            err.contains(&format!("`{lang}` (content/plans/maria-lopez.yaml)")),
            "{lang}: {err}"
        );
        // A reviewed copy of the table in the clinic's theme silences it.
        let table = std::fs::read_to_string(repo.join(format!("{lang}.yaml"))).unwrap();
        c.write(
            &format!("themes/default/i18n/{lang}.yaml"),
            &table.replace("reviewed: false", "reviewed: true"),
        );
        let out = c.cmd(&["check"]).output().expect("run");
        assert!(!common::stderr(&out).contains("HP0308"), "{lang}");
    }
    // English and Spanish are reviewed: no warning.
    for lang in ["en", "es"] {
        let out = sample_in(lang).cmd(&["check"]).output().expect("run");
        assert!(!common::stderr(&out).contains("HP0308"), "{lang}");
    }
}

/// The sample plan in `lang` with `text` as its problem summary.
fn with_details(lang: &str, text: &str) -> Clinic {
    let c = sample_in(lang);
    let plan = c.read("content/plans/maria-lopez.yaml");
    let start = plan.find("\n  summary: ").expect("a summary") + 1;
    let end = start + plan[start..].find('\n').expect("a line");
    let plan = format!("{}  summary: \"{text}\"{}", &plan[..start], &plan[end..]);
    c.write("content/plans/maria-lopez.yaml", &plan);
    c
}

#[test]
fn reading_grade_uses_a_formula_for_the_language_or_none() {
    let hard_es = "La rehabilitación postoperatoria requiere fortalecimiento progresivo de la musculatura periarticular correspondiente, evitando sobrecargas desproporcionadas e inadecuadamente supervisadas. La reincorporación ocupacional dependerá fundamentalmente de la recuperación funcional documentada.";
    let out = with_details("es", &format!("{hard_es} ").repeat(10))
        .cmd(&["check"])
        .output()
        .expect("run");
    let err = common::stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("HP0601"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains("Fernández-Huerta"), "{line}");
    // Plain Spanish is not flagged: the sample Spanish plan checks clean.
    let out = sample_in("es").cmd(&["check"]).output().expect("run");
    assert!(!common::stderr(&out).contains("HP0601"));
    // English names its formula.
    let hard_en = "Patients demonstrating bilateral glenohumeral impingement should subsequently commence progressive isometric strengthening, approximately contraindicating overhead mobilization until sufficient scapulothoracic stabilization is documented.";
    let out = with_details("en", &format!("{hard_en} ").repeat(4))
        .cmd(&["check"])
        .output()
        .expect("run");
    let err = common::stderr(&out);
    assert!(err.contains("Flesch-Kincaid"), "{err}");
    // No accepted formula for Chinese, Vietnamese, Arabic: no grade at all,
    // however long the text (and Chinese has no spaces between words).
    let long_zh = "您的肩膀没有受伤只是因为长时间不动而变得僵硬所以每天都要慢慢地做练习".repeat(20);
    for (lang, text) in [("zh", long_zh.as_str()), ("vi", hard_en), ("ar", hard_en)] {
        let out = with_details(lang, text)
            .cmd(&["check"])
            .output()
            .expect("run");
        let err = common::stderr(&out);
        assert!(out.status.success(), "{lang}: {err}");
        assert!(!err.contains("HP0601"), "{lang}: {err}");
        assert!(!err.contains("panicked"), "{lang}: {err}");
    }
}

/// Every fixed phrase of a zh, vi or ar handout comes from its own table:
/// no English phrase of `en.yaml` (the part before any `{placeholder}`)
/// and no key name shows in the handout. Derived from the tables
/// themselves, so a phrase added later is covered too.
#[test]
fn no_english_phrase_or_key_name_in_a_zh_vi_or_ar_handout() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let en: serde_yaml::Mapping = serde_yaml::from_str(
        &std::fs::read_to_string(root.join("themes/default/i18n/en.yaml")).unwrap(),
    )
    .unwrap();
    let mut phrases = Vec::new();
    let mut keys = Vec::new();
    for (k, v) in &en {
        let (Some(k), Some(v)) = (k.as_str(), v.as_str()) else {
            continue;
        };
        keys.push(k.to_string());
        let fixed = v.split('{').next().unwrap_or("").trim();
        // Short words ("Mon", "Date") may be the same in any script.
        if fixed.len() >= 12 && fixed.contains(' ') {
            phrases.push(fixed.to_string());
        }
    }
    assert!(phrases.len() > 50, "{}", phrases.len());
    for lang in ["zh", "vi", "ar"] {
        let c = sample_in(lang);
        let out = c.cmd(&["build"]).output().expect("run");
        assert!(out.status.success(), "{}", common::stderr(&out));
        let html = c.read("handouts/maria-lopez.html");
        for p in &phrases {
            assert!(!html.contains(p.as_str()), "{lang}: English `{p}`");
        }
        // A key name (`remember_heading`) where its phrase should be; keys
        // without `_` are plain words, covered by the phrases above.
        let text = common::text_of(&html);
        for k in keys.iter().filter(|k| k.contains('_')) {
            assert!(!text.contains(k.as_str()), "{lang}: key `{k}`");
        }
    }
}

#[test]
fn a_language_is_read_however_the_clinic_writes_it() {
    // A region, another case, an underscore or the language's name: the
    // Spanish phrases, a well-formed `lang`, no warning about strings.
    for (written, tag) in [
        ("es-MX", "es-MX"),
        ("ES", "es"),
        ("es_us", "es-US"),
        ("Spanish", "es"),
        ("Español", "es"),
    ] {
        let c = sample_in(written);
        let out = c.cmd(&["build"]).output().expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{written}: {err}");
        assert!(
            !err.contains("HP0305") && !err.contains("HP0710"),
            "{written}: {err}"
        );
        let html = c.read("handouts/maria-lopez.html");
        assert!(
            html.contains(&format!("<html lang=\"{tag}\" dir=\"ltr\">")),
            "{written}: {}",
            &html[..200]
        );
        assert!(html.contains("Su plan, Maria"), "{written}: not in Spanish");
    }
    // Arabic of a region is Arabic, right to left.
    let c = sample_in("ar-EG");
    assert!(c.cmd(&["build"]).output().expect("run").status.success());
    let html = c.read("handouts/maria-lopez.html");
    assert!(html.contains("<html lang=\"ar-EG\" dir=\"rtl\">"));
    assert!(html.contains("الهدف الذي اتفقنا عليه"));
}

#[test]
fn a_right_to_left_language_without_phrases_is_still_right_to_left() {
    // No Hebrew or Persian table: English phrases, with a warning, but the
    // patient's own words are in the plan's language and script.
    for (written, tag) in [("he", "he"), ("fa_IR", "fa-IR"), ("ur", "ur")] {
        let c = sample_in(written);
        let out = c.cmd(&["build"]).output().expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{written}: {err}");
        assert!(err.contains("HP0305"), "{written}: {err}");
        let html = c.read("handouts/maria-lopez.html");
        assert!(
            html.contains(&format!("<html lang=\"{tag}\" dir=\"rtl\">")),
            "{written}"
        );
    }
}

#[test]
fn traditional_chinese_is_warned_that_its_phrases_are_simplified() {
    for written in ["zh-TW", "zh-Hant", "zh_HK"] {
        let c = sample_in(written);
        let out = c.cmd(&["build"]).output().expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{written}: {err}");
        assert!(
            err.contains("HP0305") && err.contains("another script"),
            "{written}: {err}"
        );
        // Chinese phrases all the same, not English.
        let html = c.read("handouts/maria-lopez.html");
        assert!(!html.contains("Your plan"), "{written}: English phrases");
    }
    // Simplified Chinese of a region is just Chinese.
    let c = sample_in("zh-CN");
    let out = c.cmd(&["build"]).output().expect("run");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("HP0305"));
}
