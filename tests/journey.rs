//! The journey over time (issue 16): visits, progress charts on the
//! handout, a story's results in weeks, and the private caseload page.

mod common;
use common::*;
use std::path::Path;

const ONE_MEASURE: &str =
    "    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }\n";

/// PLAN (or PLAN + STORY) with the goal agreed on 2026-10-01, `measures`
/// in place of its one measure, `visits` before `steps:` and `patient`
/// lines added under `patient:`.
fn journey_plan(measures: &str, visits: &str, patient: &str, story: bool) -> String {
    let mut p = PLAN
        .replace("agreed_on: 2026-11-20", "agreed_on: 2026-10-01")
        .replace(ONE_MEASURE, measures)
        .replacen("\nsteps:\n", &format!("\nvisits:\n{visits}steps:\n"), 1)
        .replacen("patient:\n", &format!("patient:\n{patient}"), 1);
    if story {
        p.push_str(STORY);
    }
    p
}

const THREE: &str = "
    - name: Stair pain
      id: stairs
      now: \"7\"
      target: \"2\"
      scale: { min: 0, max: 10, better: lower, unit: out of 10 }
    - name: Knee bend
      now: \"95\"
      target: \"120\"
      scale: { min: 0, max: 150, better: higher, unit: degrees }
    - name: Walking
      id: walk
      now: \"5\"
      target: \"30\"
      scale: { min: 0, max: 60, better: higher, unit: minutes }
    - name: Reaching up
      now: Shoulder height
      target: All the way up
";

/// Out of date order on purpose; one measure named by its name.
const VISITS: &str = "
  - date: 2026-10-29
    measures: { stairs: 5, knee-bend: 110, walk: 15, Reaching up: Above the shoulder }
    note: Private note pelican-umbrella.
  - date: 2026-10-15
    measures: { stairs: 6, Knee bend: 100 }
";

fn handout(c: &Clinic) -> String {
    c.cmd(&["build"]).assert().success();
    c.read("handouts/maria-lopez.html")
}

/// The text between `from` and the next `to` after it.
fn between<'a>(s: &'a str, from: &str, to: &str) -> &'a str {
    let i = s.find(from).unwrap_or_else(|| panic!("no `{from}`")) + from.len();
    let j = s[i..]
        .find(to)
        .unwrap_or_else(|| panic!("no `{to}` after `{from}`"));
    &s[i..i + j]
}

/// The `n`-th chart's figure.
fn chart(html: &str, n: usize) -> &str {
    between(html, &format!("id=\"progress-{n}-title\""), "</figure>")
}

/// (x, y) of every marker of a chart: the start's square, then circles.
fn markers(fig: &str) -> Vec<(f64, f64)> {
    let attr = |tag: &str, name: &str| -> f64 {
        between(tag, &format!("{name}=\""), "\"").parse().unwrap()
    };
    let mut out = Vec::new();
    for part in fig.split('<').skip(1) {
        if part.starts_with("rect ") {
            out.push((attr(part, "x"), attr(part, "y")));
        } else if part.starts_with("circle ") {
            out.push((attr(part, "cx"), attr(part, "cy")));
        }
    }
    out
}

#[test]
fn each_chart_follows_the_plan_and_says_so_in_words() {
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &journey_plan(THREE, VISITS, "", false),
    );
    let html = handout(&c);
    assert!(html.contains("How far you&#39;ve come"), "section heading");
    // Stair pain: 7 (start) → 6 → 5, in date order, whatever the file order.
    let stairs = chart(&html, 1);
    assert!(
        stairs.contains("Chart of Stair pain: 7, 6, 5. Goal: 2 out of 10."),
        "{stairs}"
    );
    let m = markers(stairs);
    assert_eq!(m.len(), 3, "one marker per value");
    assert!(
        m.windows(2).all(|w| w[0].0 < w[1].0),
        "time runs left to right: {m:?}"
    );
    // Lower pain is drawn lower (a larger y), and the goal line is lower still.
    assert!(m.windows(2).all(|w| w[0].1 < w[1].1), "{m:?}");
    let goal_y: f64 = between(
        between(stairs, "class=\"goal-line\"", "</g>"),
        "y1=\"",
        "\"",
    )
    .parse()
    .unwrap();
    assert!(goal_y > m[2].1);
    assert!(
        stairs.contains("stroke-dasharray"),
        "the goal is dashed, not a colour"
    );
    assert!(
        stairs.contains("role=\"img\"")
            || html.contains("role=\"img\" aria-labelledby=\"progress-1-title\"")
    );
    // The table fallback names every visit's date and value.
    for (when, v) in [
        ("Thursday, October 1, 2026", "7 out of 10"),
        ("Thursday, October 15, 2026", "6 out of 10"),
        ("Thursday, October 29, 2026", "5 out of 10"),
    ] {
        assert!(
            stairs.contains(&format!("<td>{when}</td><td>{v}</td>")),
            "{when} {v}"
        );
    }
    assert!(html.contains("Your stair pain went from 7 to 5 out of 10."));
    // Knee bend (higher is better, named by its name in one visit).
    let knee = chart(&html, 2);
    assert!(
        knee.contains("Chart of Knee bend: 95, 100, 110. Goal: 120 degrees."),
        "{knee}"
    );
    let m = markers(knee);
    assert!(
        m.windows(2).all(|w| w[0].1 > w[1].1),
        "a higher bend is drawn higher: {m:?}"
    );
    assert!(html.contains("Your knee bend went from 95 to 110 degrees."));
    // Walking: two values.
    assert_eq!(markers(chart(&html, 3)).len(), 2);
    // The text measure is listed, not charted.
    let texts = between(&html, "class=\"progress-texts\"", "</ul>");
    assert!(
        texts.contains("Reaching up")
            && texts.contains("Shoulder height")
            && texts.contains("Above the shoulder")
    );
    assert!(!html.contains("progress-4-title"));
    // The opening greets with progress, before the plan.
    let greet = html.find("class=\"greeting\"").expect("a greeting");
    assert!(greet < html.find("id=\"plan-h\"").unwrap());
    assert!(between(&html, "class=\"greeting\">", "</p>").contains("Well done, Mari!"));
    // Visit notes are for the clinic: not on the handout.
    assert!(!html.contains("pelican-umbrella"));
    // Deterministic.
    c.cmd(&["build"]).assert().success();
    assert_eq!(html, c.read("handouts/maria-lopez.html"));
}

#[test]
fn the_sentence_is_in_the_patients_language() {
    let c = Clinic::new();
    let es = "
    - name: Dolor en las escaleras
      id: dolor
      now: \"7\"
      target: \"2\"
      scale: { min: 0, max: 10, better: lower, unit: de 10 }
";
    c.write(
        "content/plans/maria-lopez.yaml",
        &journey_plan(
            es,
            "  - date: 2026-10-20\n    measures: { dolor: 5 }\n",
            "  language: es\n",
            false,
        ),
    );
    let html = handout(&c);
    assert!(
        html.contains("Su dolor en las escaleras pasó de 7 a 5 de 10."),
        "{}",
        between(&html, "<main>", "</section>")
    );
    assert!(html.contains("Lo que ha avanzado"));
    assert!(html.contains("¡Muy bien, Mari!"));
    // Chinese keeps the name as written (no case to change).
    let zh = "    - { name: NPRS, id: nprs, now: \"8\", target: \"3\", scale: { min: 0, max: 10, better: lower } }\n";
    c.write(
        "content/plans/maria-lopez.yaml",
        &journey_plan(
            zh,
            "  - date: 2026-10-20\n    measures: { nprs: 6 }\n",
            "  language: zh\n",
            false,
        ),
    );
    let html = handout(&c);
    assert!(
        html.contains("您的NPRS从8变为6。"),
        "{}",
        between(&html, "<main>", "</section>")
    );
}

#[test]
fn no_section_without_a_second_value_and_no_praise_for_getting_worse() {
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &journey_plan(THREE, "", "", false),
    );
    let html = handout(&c);
    assert!(!html.contains("class=\"progress\"") && !html.contains("class=\"greeting\""));
    // Worse than at the start: the chart, but no "well done".
    c.write(
        "content/plans/maria-lopez.yaml",
        &journey_plan(
            THREE,
            "  - date: 2026-10-20\n    measures: { stairs: 8 }\n",
            "",
            false,
        ),
    );
    let html = handout(&c);
    assert!(html.contains("Your stair pain went from 7 to 8 out of 10."));
    assert!(!html.contains("class=\"greeting\""));
}

/// Every file under `dir`, as text (lossy).
fn texts(dir: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned(),
            )
        })
        .collect()
}

#[test]
fn a_story_shows_weeks_never_a_visit_date_or_note() {
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &journey_plan(THREE, VISITS, "", true),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(
        out.status.success(),
        "the privacy guard passes: {}",
        stderr(&out)
    );
    let story = c.read("public/stories/back-to-hugging-her-granddaughter/index.html");
    let results = between(&story, "class=\"story-goal\"", "</section>");
    assert!(results.contains("Latest"), "{results}");
    assert!(
        results.contains("7 out of 10")
            && results.contains("5 out of 10")
            && results.contains("2 out of 10")
    );
    assert!(
        results.contains("<td>Week 2</td><td>6 out of 10</td>"),
        "{results}"
    );
    assert!(
        results.contains("<td>Week 4</td><td>5 out of 10</td>"),
        "{results}"
    );
    // A public page never speaks to the patient.
    assert!(!results.contains("Your stair pain"));
    for (path, text) in texts(&c.path().join("public")) {
        for secret in [
            "2026-10-15",
            "2026-10-29",
            "October 15",
            "October 29",
            "10/15/2026",
            "pelican-umbrella",
            "Private note",
        ] {
            assert!(!text.contains(secret), "{path} shows `{secret}`");
        }
    }
}

#[test]
fn the_guard_knows_visit_dates() {
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &journey_plan(THREE, VISITS, "", true),
    );
    // A page (as a leaking template would) printing the day of a visit.
    c.write(
        "content/pages/news.md",
        "---\ntitle: News\n---\nWe saw a patient on October 29, 2026.\n",
    );
    let out = c.cmd(&["--format", "json", "build"]).output().unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("HP0501"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!c.path().join("public/news/index.html").exists());
}

/// A plan for patient number `i`, with a next visit `i` days from the 27th.
fn numbered_plan(i: usize) -> String {
    let day = 1 + i % 28;
    PLAN.replace(
        "name: Maria Lopez",
        &format!("name: Pat Number{i:04} Quillfeather"),
    )
    .replace(
        "preferred_name: Mari",
        &format!("preferred_name: Pat{i:04}"),
    )
    .replace("date: 2026-12-03", &format!("date: 2027-01-{day:02}"))
    .replace("  birth_date: 1968-04-12\n", "")
    .replace("  phone: \"(302) 555-0142\"\n", "")
    .replace("  email: maria.lopez@mail.test\n", "")
}

#[test]
fn the_caseload_lists_every_plan_in_every_order_and_links_each_handout() {
    let c = Clinic::new();
    let n = 230;
    for i in 0..n {
        c.write(&format!("content/plans/p{i:04}.yaml"), &numbered_plan(i));
    }
    c.write(
        "content/plans/maria-lopez.yaml",
        &journey_plan(THREE, VISITS, "", false),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = c.path().join("handouts");
    let index = c.read("handouts/index.html");
    assert!(index.contains("231 patients"));
    for order in ["name", "visit", "progress", "warnings"] {
        let mut seen = Vec::new();
        for page in 1..=3 {
            let rel = format!("caseload/{order}-{page}.html");
            let html = c.read(&format!("handouts/{rel}"));
            // Every link leads to a file that exists.
            for href in hrefs(&html) {
                let target = dir.join("caseload").join(href);
                assert!(target.exists(), "{rel}: {href} leads nowhere");
            }
            seen.extend(
                html.split("<span class=\"full-name\">Pat Number")
                    .skip(1)
                    .map(|s| s[..4].to_string()),
            );
            if html.contains("Maria Lopez") {
                seen.push("maria".into());
            }
        }
        assert!(!dir.join(format!("caseload/{order}-4.html")).exists());
        seen.sort();
        let before = seen.len();
        seen.dedup();
        assert_eq!(
            (before, seen.len()),
            (n + 1, n + 1),
            "{order}: every patient once"
        );
    }
    // By next visit: the soonest first.
    let visit = c.read("handouts/caseload/visit-1.html");
    let dates: Vec<&str> = visit
        .split("<time datetime=\"")
        .skip(1)
        .map(|s| &s[..10])
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    // Progress at a glance and the warnings.
    // (Maria is the only one measured again: first by progress, least first
    // among those measured, the others after.)
    let row = between(
        &c.read("handouts/caseload/progress-1.html"),
        "<tbody>",
        "</tr>",
    )
    .to_string();
    assert!(
        row.contains("Maria Lopez") && row.contains("Stair pain: 7 → 5 out of 10"),
        "{row}"
    );
    assert!(
        between(&c.read("handouts/caseload/name-1.html"), "Pat0000", "</tr>")
            .contains("not measured again yet")
    );
    // Private side only; own files kept; nothing reported as foreign.
    assert!(
        !c.path().join("public/index.html").exists()
            || !c.read("public/index.html").contains("Pat Number")
    );
    assert!(!c.path().join("public/caseload").exists());
    c.write("handouts/my-notes.txt", "mine");
    let again = c.cmd(&["--format", "json", "build"]).output().unwrap();
    assert!(again.status.success());
    let json = String::from_utf8_lossy(&again.stdout);
    assert!(
        json.contains("my-notes.txt")
            && !json.contains("index.html")
            && !json.contains("caseload/"),
        "{json}"
    );
    assert_eq!(c.read("handouts/my-notes.txt"), "mine");
}

#[test]
fn a_plan_called_index_keeps_its_handout() {
    let c = Clinic::new();
    c.write("content/plans/index.yaml", PLAN);
    c.cmd(&["build"]).assert().success();
    assert!(c.read("handouts/index.html").contains("class=\"masthead\""));
    assert!(
        c.read("handouts/caseload/name-1.html")
            .contains("Maria Lopez")
    );
}

#[test]
fn a_visit_names_a_measure_in_any_case_and_once() {
    // `STAIRS`, `Knee Bend`, `Walk` and `reaching up` are the goal's
    // `stairs`, `Knee bend`, `walk` and `Reaching up`; `110°` is in degrees.
    let visits = "
  - date: 2026-10-15
    measures: { STAIRS: 6, Knee Bend: 100 }
  - date: 2026-10-29
    measures: { Stairs: 5, knee bend: 110°, Walk: 15, reaching up: Above the shoulder }
";
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &journey_plan(THREE, visits, "", false),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let html = handout(&c);
    assert!(
        chart(&html, 1).contains("Chart of Stair pain: 7, 6, 5. Goal: 2 out of 10."),
        "{html}"
    );
    assert!(
        chart(&html, 2).contains("Chart of Knee bend: 95, 100, 110."),
        "{html}"
    );
    // One measure under two keys in one visit is an error at the second.
    let twice = "
  - date: 2026-10-15
    measures: { stairs: 6, Stairs: 7 }
";
    c.write(
        "content/plans/maria-lopez.yaml",
        &journey_plan(THREE, twice, "", false),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    let err = stderr(&out);
    assert!(!out.status.success());
    let line = journey_plan(THREE, twice, "", false)
        .lines()
        .position(|l| l.contains("Stairs: 7"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("maria-lopez.yaml:{line}:28: error[HP0118]")),
        "{err}"
    );
    assert!(err.contains("gives `Stair pain` twice"), "{err}");
    // Two measures that share a name (each knee) are two measures.
    let both_knees = THREE.replace(
        "    - name: Walking\n",
        "    - name: Knee bend\n      id: left-knee\n      now: \"90\"\n      target: \"110\"\n      scale: { min: 0, max: 150, better: higher, unit: degrees }\n    - name: Walking\n",
    );
    let visits = "\n  - date: 2026-10-15\n    measures: { knee-bend: 100, Left-Knee: 95 }\n";
    c.write(
        "content/plans/maria-lopez.yaml",
        &journey_plan(&both_knees, visits, "", false),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}
