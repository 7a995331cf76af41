//! Bad input: a clear `file:line:column` error for every problem in one run,
//! a non-zero exit, and the previous output left as it was.

mod common;
use common::*;

/// Build once successfully, then break things, and check the old output.
fn broken_after_good_build(files: &[(&str, &str)]) -> (Clinic, String) {
    let c = Clinic::with_plan();
    c.cmd(&["build"]).assert().success();
    let before = (c.tree("public"), c.tree("handouts"));
    for (rel, text) in files {
        c.write(rel, text);
    }
    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        before == (c.tree("public"), c.tree("handouts")),
        "previous output was changed"
    );
    (c, stderr(&out))
}

#[test]
fn yaml_syntax_error_has_line_and_column() {
    let (_, err) = broken_after_good_build(&[(
        "content/plans/bad.yaml",
        "patient:\n  name: Ann\n  - broken\n",
    )]);
    assert!(
        err.contains("content/plans/bad.yaml:3:3: error[HP0001]: a list item here, but this block holds `key: value` lines, not a list"),
        "{err}"
    );
    assert!(err.contains("3 |   - broken"), "code frame: {err}");
}

#[test]
fn unknown_key_suggests_the_known_one() {
    let (_, err) = broken_after_good_build(&[(
        "content/plans/maria-lopez.yaml",
        &PLAN.replace("  preferred_name: Mari", "  prefered_name: Mari"),
    )]);
    assert!(err.contains("content/plans/maria-lopez.yaml:3:3: error[HP0002]: patient: unknown field `prefered_name`"), "{err}");
    assert!(
        err.contains("help: did you mean `preferred_name`?"),
        "{err}"
    );
}

#[test]
fn missing_required_key_is_named() {
    let (_, err) = broken_after_good_build(&[(
        "content/plans/maria-lopez.yaml",
        &PLAN.replace("  statement: Lift my granddaughter without pain\n", ""),
    )]);
    assert!(
        err.contains(
            "content/plans/maria-lopez.yaml:11:3: error[HP0003]: goal: missing field `statement`"
        ),
        "{err}"
    );
}

#[test]
fn wrong_type_names_the_expected_type() {
    let (_, err) = broken_after_good_build(&[(
        "content/plans/maria-lopez.yaml",
        &PLAN.replace("        reps: 10\n", "        reps: ten\n"),
    )]);
    assert!(
        err.contains("content/plans/maria-lopez.yaml:25:15: error[HP0004]"),
        "{err}"
    );
    assert!(err.contains("whole number"), "{err}");
}

#[test]
fn bad_date_asks_for_yyyy_mm_dd() {
    let (_, err) = broken_after_good_build(&[(
        "content/plans/maria-lopez.yaml",
        &PLAN.replace("  date: 2026-12-03", "  date: 12/03/2026"),
    )]);
    assert!(
        err.contains("content/plans/maria-lopez.yaml:33:9: error[HP0005]"),
        "{err}"
    );
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn unknown_exercise_id_suggests_the_closest() {
    let (_, err) = broken_after_good_build(&[(
        "content/plans/maria-lopez.yaml",
        &PLAN.replace("use: pendulum", "use: pendulm"),
    )]);
    assert!(
        err.contains(
            "content/plans/maria-lopez.yaml:20:14: error[HP0006]: unknown exercise `pendulm`"
        ),
        "{err}"
    );
    assert!(err.contains("did you mean `pendulum`?"), "{err}");
}

#[test]
fn every_broken_file_is_reported_in_one_run() {
    let (_, err) = broken_after_good_build(&[
        (
            "content/plans/a.yaml",
            &PLAN.replace("  preferred_name: Mari", "  nickname: Mari"),
        ),
        (
            "content/plans/b.yaml",
            &PLAN.replace("use: pendulum", "use: nope-nope"),
        ),
        ("content/plans/c.yaml", "patient: [\n"),
        (
            "content/exercises/broken.yaml",
            "name: X\ndose: { reps: many }\n",
        ),
    ]);
    for f in [
        "content/plans/a.yaml:",
        "content/plans/b.yaml:",
        "content/plans/c.yaml:",
        "content/exercises/broken.yaml:",
    ] {
        assert!(err.contains(f), "missing {f} in {err}");
    }
    assert!(err.contains("4 error(s)"), "{err}");
}

/// `check --format json` on the sample plan with `edit` applied: the
/// diagnostics as (line, column, message, help).
fn json_problems(edit: impl Fn(&str) -> String) -> Vec<(u64, u64, String, String)> {
    let c = Clinic::with_plan();
    c.write("content/plans/maria-lopez.yaml", &edit(PLAN));
    let out = c.cmd(&["check", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["file"] == "content/plans/maria-lopez.yaml")
        .map(|v| {
            (
                v["line"].as_u64().unwrap_or(0),
                v["column"].as_u64().unwrap_or(0),
                v["message"].as_str().unwrap_or("").to_string(),
                v["help"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// The one problem `edit` causes: at `line:column`, its message contains
/// `message` and its help shows `fixed`.
fn one_slip(edit: impl Fn(&str) -> String, line: u64, column: u64, message: &str, fixed: &str) {
    let ps = json_problems(edit);
    assert_eq!(ps.len(), 1, "{ps:?}");
    let (l, c, m, h) = &ps[0];
    assert_eq!((*l, *c), (line, column), "{m} / {h}");
    assert!(m.contains(message), "{m}");
    assert!(h.contains(&format!("`{fixed}`")), "{h}");
}

#[test]
fn missing_colon_is_reported_on_its_own_line() {
    // libyaml notices on line 26; the colon is missing on line 25.
    one_slip(
        |p| p.replace("        reps: 10\n", "        reps 10\n"),
        25,
        13,
        "`reps` needs a colon",
        "        reps: 10",
    );
    // `goal:` followed by `statement Lift…`: not "expected struct Goal".
    one_slip(
        |p| p.replace("  statement: Lift", "  statement Lift"),
        11,
        12,
        "`statement` needs a colon",
        "  statement: Lift my granddaughter without pain",
    );
    // The last line of the file.
    one_slip(
        |p| p.replace("success: You pick", "success You pick"),
        36,
        8,
        "`success` needs a colon",
        "success: You pick up your granddaughter and it does not hurt.",
    );
}

#[test]
fn unclosed_quote_is_reported_where_it_opens() {
    // At the end of the file: libyaml reaches the end of the file first.
    one_slip(
        |p| p.replace("success: You pick", "success: \"You pick"),
        36,
        10,
        "never closed",
        "success: \"You pick up your granddaughter and it does not hurt.\"",
    );
    // Closed by the next value's opening quote a line further down.
    one_slip(
        |p| p.replace("  summary: Right", "  summary: \"Right"),
        8,
        12,
        "not closed on its line",
        "  summary: \"Right shoulder pain when reaching up\"",
    );
}

#[test]
fn a_key_indented_too_far_is_reported_on_its_line() {
    // Three spaces: `target_date` was swallowed into `agreed_on`'s date.
    one_slip(
        |p| p.replace("  target_date: 2027", "   target_date: 2027"),
        13,
        1,
        "`target_date` is indented 3 space(s), further than `agreed_on`",
        "  target_date: 2027-02-15",
    );
    // One space: fewer than the keys around it.
    one_slip(
        |p| p.replace("  target_date: 2027", " target_date: 2027"),
        13,
        1,
        "indented 1 space(s), but the keys around it are indented 2",
        "  target_date: 2027-02-15",
    );
}

#[test]
fn a_tab_in_the_indentation_is_named() {
    one_slip(
        |p| p.replace("\n        sets: 2", "\n\t\tsets: 2"),
        21,
        1,
        "indented with a tab",
        "        sets: 2",
    );
}

#[test]
fn colon_space_inside_text_asks_for_quotes() {
    one_slip(
        |p| p.replace("  focus: We will", "  focus: Note: we will"),
        35,
        14,
        "contains `: `",
        "  focus: \"Note: we will check your reach.\"",
    );
}

#[test]
fn list_item_outside_a_list_is_named() {
    one_slip(
        |p| {
            p.replace(
                "  patient: [Do your exercises twice a day]",
                "  - Do your exercises twice a day",
            )
        },
        30,
        3,
        "a list item here",
        "  clinician: [Adjust your exercises at every visit, Do your exercises twice a day]",
    );
    one_slip(
        |p| {
            p.replace(
                "  clinician: [Adjust your exercises at every visit]",
                "  clinician:\n    - Adjust your exercises\n   - at every visit",
            )
        },
        31,
        4,
        "not lined up with the item above",
        "    - at every visit",
    );
}

#[test]
fn every_unknown_key_and_wrong_value_of_a_file_in_one_run() {
    let ps = json_problems(|p| {
        p.replace("  preferred_name: Mari", "  prefered_name: Mari")
            .replace("{ name: Reaching up, now:", "{ name: Reaching up, nw:")
            .replace("        reps: 10\n", "        reps: ten\n")
            .replace("        side: right", "        side: rihgt")
            .replace("  date: 2026-12-03", "  date: 12/03/2026")
            .replace("success: You pick", "sucess: You pick")
    });
    let at: Vec<(u64, u64)> = ps.iter().map(|p| (p.0, p.1)).collect();
    assert_eq!(
        at,
        vec![(3, 3), (15, 28), (25, 15), (27, 15), (33, 9), (36, 1)],
        "{ps:#?}"
    );
    assert!(ps[0].3.contains("`preferred_name`"), "{ps:#?}");
    assert!(ps[1].3.contains("`now`"), "{ps:#?}");
    assert!(
        ps[2].3.contains("write it in digits: `reps: 10`"),
        "{ps:#?}"
    );
    assert!(ps[3].3.contains("left, right, both"), "{ps:#?}");
    assert!(ps[4].3.contains("YYYY-MM-DD"), "{ps:#?}");
    assert!(ps[5].3.contains("`success`"), "{ps:#?}");
}

#[test]
fn a_misspelt_required_key_is_not_also_reported_missing() {
    let ps = json_problems(|p| p.replace("  statement: Lift", "  statment: Lift"));
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!((ps[0].0, ps[0].1), (11, 3));
    assert!(ps[0].3.contains("did you mean `statement`?"), "{ps:#?}");
}

#[test]
fn a_block_under_an_unknown_key_is_skipped_whole() {
    // Everything under `appointment:` goes with it: the bad date inside is
    // not reported, the wrong value after it is.
    let ps = json_problems(|p| {
        p.replace("next_visit:", "appointment:")
            .replace("  date: 2026-12-03", "  date: someday")
            .replace(
                "success: You pick up your granddaughter and it does not hurt.",
                "success: [a, b]",
            )
    });
    let at: Vec<(u64, u64)> = ps.iter().map(|p| (p.0, p.1)).collect();
    assert_eq!(at, vec![(32, 1), (36, 10)], "{ps:#?}");
    // A misspelt key is read on as the key it was meant to be: the bad
    // date under it is a problem of its own.
    let ps = json_problems(|p| {
        p.replace("next_visit:", "next_vist:")
            .replace("  date: 2026-12-03", "  date: someday")
    });
    let at: Vec<(u64, u64)> = ps.iter().map(|p| (p.0, p.1)).collect();
    assert_eq!(at, vec![(32, 1), (33, 9)], "{ps:#?}");
}

#[test]
fn never_replaces_a_folder_it_did_not_create() {
    let c = Clinic::with_plan();
    c.write("mine/thesis.txt", "precious");
    let out = c.cmd(&["build", "--handouts", "mine"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not made by heropath"),
        "{}",
        stderr(&out)
    );
    assert_eq!(c.read("mine/thesis.txt"), "precious");
    assert!(!c.path().join("mine/maria-lopez.html").exists());
}

#[test]
fn refuses_nested_output_folders() {
    let c = Clinic::with_plan();
    let out = c
        .cmd(&["build", "--handouts", "public/handouts"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("must not be inside each other"),
        "{}",
        stderr(&out)
    );
    assert!(!c.path().join("public").exists());
}

#[test]
fn refuses_to_write_over_the_clinic_itself() {
    let c = Clinic::with_plan();
    for target in [".", "content", "/"] {
        let out = c.cmd(&["build", "--out", target]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "--out {target} was accepted");
        assert!(stderr(&out).contains("refusing to use"), "{}", stderr(&out));
    }
    assert!(c.path().join("content/plans/maria-lopez.yaml").exists());
}

#[test]
fn missing_site_yaml_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("heropath").unwrap();
    let out = cmd
        .arg("--root")
        .arg(dir.path())
        .arg("build")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot read site.yaml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let c = Clinic::new();
    c.cmd(&["build", "--no-such-flag"]).assert().code(2);
}

#[test]
fn script_payloads_in_every_field_are_neutralised() {
    for x in XSS {
        payload_in_every_field_is_neutralised(x);
    }
}

/// Payloads in the style of the OWASP XSS filter-evasion cheat sheet, plus
/// Markdown-specific ones.
const XSS: &[&str] = &[
    "<script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3))",
    "<SCRIPT SRC=//xss.test/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
    "<svg/onload=alert('XSS')>",
    "<BODY ONLOAD=alert('XSS')>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "\"><script>alert(1)</script>",
    "'';!--\"<XSS>=&{()}",
    "[a](javascript&#58;alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=)",
    "<details open ontoggle=alert(1)>",
    "{{ patient.name }}{% raw %}<script>x</script>",
];

fn payload_in_every_field_is_neutralised(x: &str) {
    let c = Clinic::new();
    let q = |s: &str| format!("{:?}", s); // a YAML-safe double-quoted string
    let plan = format!(
        "patient:\n  name: Eve Doe\n  preferred_name: {p}\nproblem:\n  summary: {p}\n  in_their_words: {p}\n  details: {p}\n\
goal:\n  statement: {p}\n  measures:\n    - {{ name: {p}, now: {p}, target: {p} }}\n\
steps:\n  - title: {p}\n    when: {p}\n    why: {p}\n    exercises:\n      - name: {p}\n        instructions: {p}\n        cues: [{p}]\n        load: {p}\n        reps: 3\n        note: {p}\n\
responsibilities:\n  clinician: [{p}]\n  patient: [{p}]\n  together: [{p}]\n\
next_visit:\n  time: {p}\n  focus: {p}\nsuccess: {p}\n\
story:\n  title: Safe story\n  display_name: {p}\n  tags: [safe]\n  quote: {p}\n  body: {p}\n  consent: {{ signed_on: 2026-11-01, scope: [website], expires_on: 2027-11-01 }}\n",
        p = q(x)
    );
    c.write("content/plans/eve.yaml", &plan);
    c.write(
        "content/pages/about.md",
        &format!(
            "---\ntitle: {t}\ndescription: {t}\nmenu_order: 1\n---\n{x}\n",
            t = q(x)
        ),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut files = c.tree("public");
    files.extend(c.tree("handouts"));
    let mut html_files = 0;
    for (path, bytes) in files {
        let s = String::from_utf8_lossy(&bytes).to_lowercase();
        if !path.to_string_lossy().ends_with(".html") {
            continue;
        }
        html_files += 1;
        // The one script a page may carry is JSON-LD (data, never run),
        // whose text must parse as JSON and hold no `<` at all.
        for ld in s.split("<script type=\"application/ld+json\">").skip(1) {
            let json = &ld[..ld.find("</script>").expect("closed")];
            assert!(!json.contains('<'), "{}: `<` in JSON-LD", path.display());
            serde_json::from_str::<serde_json::Value>(json).expect("JSON-LD parses");
        }
        let s = s.replace("<script type=\"application/ld+json\">", "");
        assert!(!s.contains("<script"), "{}: script tag", path.display());
        assert!(!has_event_handler(&s), "{}: event handler", path.display());
        assert!(
            !s.contains("href=\"javascript:"),
            "{}: javascript url",
            path.display()
        );
    }
    assert!(html_files >= 4);
}

/// Attribute names of every real tag (quote-aware, so text inside an
/// attribute value or escaped text is never mistaken for markup).
fn attribute_names(html: &str) -> Vec<String> {
    attributes(html).into_iter().map(|(n, _)| n).collect()
}

/// Attribute values of every real tag, with numeric character references
/// decoded (as a browser would before using a URL), lowercased.
fn attribute_values(html: &str) -> Vec<String> {
    attributes(html)
        .into_iter()
        .map(|(_, v)| decode_numeric(&v).to_ascii_lowercase())
        .collect()
}

fn decode_numeric(v: &str) -> String {
    let mut out = String::new();
    let mut rest = v;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find(';').unwrap_or(after.len());
        let num = &after[..end];
        let code = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok(),
            None => num.parse().ok(),
        };
        match code.and_then(char::from_u32) {
            Some(c) => out.push(c),
            None => out.push_str(&rest[i..i + 2 + end]),
        }
        rest = after.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// (name, value) of every attribute of every real tag, quote-aware.
fn attributes(html: &str) -> Vec<(String, String)> {
    let b = html.as_bytes();
    let mut names = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<' && i + 1 < b.len() && b[i + 1].is_ascii_alphabetic() {
            i += 1;
            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                i += 1;
            }
            loop {
                while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'>' {
                    break;
                }
                let start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>') {
                    i += 1;
                }
                let name = html[start..i].to_ascii_lowercase();
                let mut value = String::new();
                if i < b.len() && b[i] == b'=' {
                    i += 1;
                    if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                        let q = b[i];
                        i += 1;
                        let v0 = i;
                        while i < b.len() && b[i] != q {
                            i += 1;
                        }
                        value = html[v0..i.min(b.len())].to_string();
                        i += 1;
                    } else {
                        let v0 = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        value = html[v0..i].to_string();
                    }
                }
                names.push((name, value));
            }
        }
        i += 1;
    }
    names
}

/// Does any real tag carry an `on…` event-handler attribute?
fn has_event_handler(html: &str) -> bool {
    attribute_names(html).iter().any(|n| n.starts_with("on"))
}

#[test]
fn event_handler_detector_works() {
    assert!(has_event_handler("<p><img src=x onerror=alert(1)></p>"));
    assert!(!has_event_handler(
        "<p>&lt;img src=x onerror=alert(1)&gt;</p>"
    ));
    assert!(!has_event_handler(
        "<meta content=\"&lt;img src=x onerror=alert(2)&gt;\">"
    ));
    assert!(has_event_handler("<a title='x' onclick=\"go()\">"));
    assert_eq!(
        attribute_values("<a href=\"&#106;&#x61;vascript:x\" title=y>"),
        vec!["javascript:x", "y"]
    );
}

#[test]
fn an_unknown_key_and_an_unknown_exercise_in_one_run() {
    let ps = json_problems(|p| {
        p.replace("next_visit:", "next_vist:")
            .replace("use: pendulum", "use: pendulm")
    });
    let next = PLAN
        .lines()
        .position(|l| l.starts_with("next_visit:"))
        .unwrap() as u64
        + 1;
    let uses = PLAN
        .lines()
        .position(|l| l.contains("use: pendulum"))
        .unwrap() as u64
        + 1;
    assert!(
        ps.iter()
            .any(|(l, _, m, h)| *l == next && m.contains("next_vist") && h.contains("next_visit")),
        "{ps:?}"
    );
    assert!(
        ps.iter()
            .any(|(l, _, m, h)| *l == uses && m.contains("pendulm") && h.contains("pendulum")),
        "{ps:?}"
    );
}

#[test]
fn slips_libyaml_reports_lines_later_are_reported_where_they_are() {
    // A `{` left open on line 15: libyaml notices on line 16.
    one_slip(
        |p| p.replace("target: Pain 1 out of 10 }", "target: Pain 1 out of 10"),
        15,
        7,
        "this `{` is never closed",
        "    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }",
    );
    // A `[` left open on line 29.
    one_slip(
        |p| {
            p.replace(
                "  clinician: [Adjust your exercises at every visit]",
                "  clinician: [Adjust your exercises at every visit",
            )
        },
        29,
        14,
        "this `[` is never closed",
        "  clinician: [Adjust your exercises at every visit ]",
    );
    // No space after a key's colon (line 12): read as one text.
    one_slip(
        |p| p.replace("  agreed_on: 2026-11-20", "  agreed_on:2026-11-20"),
        12,
        13,
        "`agreed_on:` needs a space after its colon",
        "  agreed_on: 2026-11-20",
    );
    // A line of a `|` text indented less than the text above it.
    one_slip(
        |p| {
            p.replace(
                "        instructions: Sit tall. Squeeze your shoulder blades together.",
                "        instructions: |\n          Sit tall.\n        Squeeze your shoulder blades together.",
            )
        },
        25,
        1,
        "less than the text of `instructions` above it (10)",
        "          Squeeze your shoulder blades together.",
    );
    // A second `---` in the middle of the file.
    one_slip(
        |p| p.replace("steps:\n", "---\nsteps:\n"),
        16,
        1,
        "starts a second document",
        "#",
    );
}

#[test]
fn a_dose_nobody_can_follow_is_refused_where_it_is_written() {
    // Lines 21 (`sets: 0`), 25 (`reps: 0`) and 27 (after `per_day: 8`,
    // which is fine, `days_per_week: 8`): every one in one run, at its
    // value.
    let ps = json_problems(|p| {
        p.replace("        sets: 2", "        sets: 0")
            .replace("        reps: 10", "        reps: 0")
            .replace(
                "        per_day: 2",
                "        per_day: 8\n        days_per_week: 8",
            )
    });
    let at: Vec<(u64, u64)> = ps.iter().map(|(l, c, _, _)| (*l, *c)).collect();
    assert_eq!(at, vec![(21, 15), (25, 15), (27, 24)], "{ps:?}");
    assert!(ps[0].2.contains("sets: `0` is no dose"), "{ps:?}");
    assert!(
        ps[2].2.contains("`8` is not a number of days in a week"),
        "{ps:?}"
    );
    // And in the library's default dose.
    let c = Clinic::with_plan();
    c.write(
        "content/exercises/pendulum.yaml",
        "name: Pendulum\ninstructions: Lean and swing.\ndose: { reps: 10, days_per_week: 0 }\n",
    );
    let out = c.cmd(&["check"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/exercises/pendulum.yaml:3:34: error[HP0007]"),
        "{err}"
    );
}

#[test]
fn a_block_whose_first_key_alone_is_indented_otherwise_points_at_that_key() {
    // ` statement:` one space in (line 11); `agreed_on`, `target_date` and
    // `measures` after it two: libyaml stops at line 12, the line to fix
    // is 11.
    one_slip(
        |p| p.replace("  statement: Lift", " statement: Lift"),
        11,
        1,
        "indented 1 space(s), but the keys after it in the same block are indented 2",
        "  statement: Lift my granddaughter without pain",
    );
}

#[test]
fn a_list_items_first_key_without_its_colon_and_a_first_item_out_of_line() {
    // `- use pendulum` (line 20): libyaml stops at `sets:` below it.
    one_slip(
        |p| p.replace("      - use: pendulum", "      - use pendulum"),
        20,
        12,
        "`use` needs a colon after it",
        "      - use: pendulum",
    );
    // A list's first item (line 30) one space further in than the two
    // after it: libyaml stops at the second.
    one_slip(
        |p| {
            p.replace(
                "  clinician: [Adjust your exercises at every visit]",
                "  clinician:\n     - Adjust your exercises\n    - at every visit\n    - and call",
            )
        },
        30,
        6,
        "this list item is indented 5 space(s), but the items after it are indented 4",
        "    - Adjust your exercises",
    );
}

#[test]
fn a_moved_item_line_a_deeper_first_text_line_and_an_indented_start() {
    // A `- name:` item (line 22) one space further in than the item above
    // it, its keys left in place: libyaml stops at the key below it.
    one_slip(
        |p| p.replace("      - name: Shoulder", "       - name: Shoulder"),
        22,
        8,
        "this list item is indented 7 space(s), but the other items of its list are indented 6",
        "      - name: Shoulder blade squeeze",
    );
    // The first line of a `|` text (line 37) further in than the rest.
    one_slip(
        |p| {
            p.replace(
                "success: You pick up your granddaughter and it does not hurt.\n",
                "success: |\n   You pick up your granddaughter\n  and it does not hurt.\n",
            )
        },
        37,
        1,
        "the first line of `success`'s text is indented 3 space(s)",
        "  You pick up your granddaughter",
    );
    // The file's first key one space in: serde_yaml says "more than one
    // document" with no line at all.
    one_slip(
        |p| format!(" {p}"),
        1,
        1,
        "the file's first key is indented 1 space(s)",
        "patient:",
    );
}

#[test]
fn a_list_item_without_its_dash_is_reported_on_its_line() {
    // A `{ … }` measure among others (line 16) that lost its dash: libyaml
    // stops on the line after it.
    one_slip(
        |p| {
            p.replace(
                "target: Pain 1 out of 10 }\n",
                "target: Pain 1 out of 10 }\n    { name: Lifting, now: 2 kg, target: 5 kg }\n    - { name: Sleep, now: 4 hours, target: 7 hours }\n",
            )
        },
        16,
        5,
        "this list item has no `- `, which the items around it have",
        "    - { name: Lifting, now: 2 kg, target: 5 kg }",
    );
    // A list's first item (line 20) that lost its dash and moved back to
    // the dash's column, shaped as the item after it.
    one_slip(
        |p| {
            p.replace(
                "      - use: pendulum\n",
                "      use: pendulum\n      - use: pendulum\n",
            )
        },
        20,
        1,
        "this list's first item has no `- `",
        "      - use: pendulum",
    );
    // An item among others (line 23) that lost its dash with its keys in
    // line: YAML reads one item with `side` twice, and serde reports the
    // second `side` (line 28); the item's first key is what to fix.
    one_slip(
        |p| {
            p.replace("        sets: 2\n", "        sets: 2\n        side: left\n")
                .replace(
                    "      - name: Shoulder blade squeeze\n",
                    "        name: Shoulder blade squeeze\n",
                )
        },
        23,
        9,
        "this looks like a list item that lost its `-`",
        "      - name: Shoulder blade squeeze",
    );
}

#[test]
fn a_list_lined_up_with_its_key_is_read_as_such() {
    // Many YAML writers put a list's dashes at its key's column: the first
    // item one space further in (line 30) is the one to move.
    one_slip(
        |p| {
            p.replace(
                "  clinician: [Adjust your exercises at every visit]\n",
                "  clinician:\n   - Adjust your exercises at every visit\n  - Check your reach\n",
            )
        },
        30,
        4,
        "this list item is indented 3 space(s), but the items after it are indented 2",
        "  - Adjust your exercises at every visit",
    );
    // An item of such a list that lost its dash (line 32), its keys under
    // it.
    one_slip(
        |p| {
            p.replace(
                "  clinician: [Adjust your exercises at every visit]\n",
                "  clinician:\n  - text: Adjust\n    when: weekly\n  text: Check\n    when: monthly\n",
            )
        },
        32,
        3,
        "this list item has no `- `",
        "  - text: Check",
    );
}

#[test]
fn a_misspelt_key_reads_on_as_the_key_it_was_meant_to_be() {
    // `nam:` for `name:`: one problem, not also "this measure has no name".
    let ps = json_problems(|p| p.replace("{ name: Reaching up", "{ nam: Reaching up"));
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(ps[0].0, 15, "{ps:?}");
    assert!(ps[0].3.contains("did you mean `name`"), "{ps:?}");
    // Read as `sets:`, its value is checked too.
    let ps = json_problems(|p| p.replace("        sets: 2\n", "        set: two\n"));
    let found: Vec<_> = ps
        .iter()
        .map(|p| (p.0, p.2.contains("sets: `two` is a number in words")))
        .collect();
    assert_eq!(found, [(21, false), (21, true)], "{ps:?}");
    // `rep:` beside a `reps:` of its own: not read as a second `reps:`.
    let ps =
        json_problems(|p| p.replace("        reps: 10\n", "        reps: 10\n        rep: 12\n"));
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(ps[0].0, 26, "{ps:?}");
}

#[test]
fn a_measure_without_a_name_is_reported_where_it_is() {
    let ps = json_problems(|p| {
        p.replace(
            "    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }\n",
            "    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }\n    - now: Pain 6 out of 10\n      target: Pain 1 out of 10\n",
        )
    });
    let named: Vec<_> = ps.iter().filter(|p| p.2.contains("measure 2")).collect();
    assert_eq!(named.len(), 1, "{ps:?}");
    assert_eq!((named[0].0, named[0].1), (16, 5), "{ps:?}");
    assert!(
        named[0].2.contains("the name of measure 2 is empty"),
        "{ps:?}"
    );
}

#[test]
fn a_measure_id_in_curly_quotes_is_reported_where_it_is_written() {
    for id in ["“reach”", "reach\"", "‘reach’"] {
        let ps = json_problems(|p| {
            p.replace(
                "{ name: Reaching up, now:",
                &format!("{{ name: Reaching up, id: {id}, now:"),
            )
        });
        let quoted: Vec<_> = ps.iter().filter(|p| p.2.contains("quote marks")).collect();
        assert_eq!(quoted.len(), 1, "{id}: {ps:?}");
        assert_eq!(quoted[0].0, 15, "{id}: {ps:?}");
        assert!(quoted[0].3.contains("`id: reach`"), "{id}: {ps:?}");
    }
    // An apostrophe inside an id is a letter of it (an impossible time
    // makes the run fail, so that its diagnostics are read).
    let ps = json_problems(|p| {
        p.replace(
            "{ name: Reaching up, now:",
            "{ name: Reaching up, id: mari's-reach, now:",
        )
        .replace("  time: \"10:30\"", "  time: 10:61")
    });
    assert!(!ps.iter().any(|p| p.2.contains("quote marks")), "{ps:?}");
}

#[test]
fn a_measure_name_in_curly_quotes_is_reported_at_the_measure() {
    // The visit (line 36) calls it `Reaching up`; the name to fix is on
    // line 15.
    let ps = json_problems(|p| {
        p.replace("{ name: Reaching up,", "{ name: “Reaching up”,").replace(
            "success: You pick",
            "visits:\n  - date: 2026-11-27\n    measures: { Reaching up: Pain 4 out of 10 }\nsuccess: You pick",
        )
    });
    let quoted: Vec<_> = ps.iter().filter(|p| p.2.contains("quote marks")).collect();
    assert_eq!(quoted.len(), 1, "{ps:?}");
    assert_eq!(quoted[0].0, 15, "{ps:?}");
    assert!(quoted[0].3.contains("`name: Reaching up`"), "{ps:?}");
}

/// An error in a plan, the library or a file name does not hide the public
/// site's problems: the pages are still rendered and scanned, so a name on
/// a page and a page address heropath needs are reported in the same run,
/// by `check` and by `build` (which writes nothing).
#[test]
fn a_plan_error_does_not_hide_the_public_sites_problems() {
    let firsts: [(&str, &str, &str); 5] = [
        (
            "content/plans/a.yaml",
            "HP0002",
            &PLAN
                .replace("Maria Lopez", "Ann Bee")
                .replace("  summary:", "  summry:"),
        ),
        ("content/plans/b.yaml", "HP0001", "patient: [\n"),
        (
            "content/plans/c.yaml",
            "HP0107",
            &PLAN.replace("Maria Lopez", "Cy Dee").replace(
                "statement: Lift my granddaughter without pain",
                "statement: TODO",
            ),
        ),
        (
            "content/exercises/broken.yaml",
            "HP0002",
            "name: X\ninstructions: Y.\ndose: { reps: many }\nsize: 3\n",
        ),
        ("content/plans/Bad Name.yaml", "HP0013", PLAN),
    ];
    for (file, code, text) in firsts {
        let (c, err) = broken_after_good_build(&[
            (file, text),
            (
                "content/pages/news.md",
                "---\ntitle: News\n---\nMaria Lopez came to our open day.\n",
            ),
            (
                "content/pages/tags.md",
                "---\ntitle: Tags\n---\nAll tags.\n",
            ),
        ]);
        let out = c.cmd(&["check"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        for run in [err, stderr(&out)] {
            for want in [code, "HP0501", "HP0403", "content/pages/news.md:4:"] {
                assert!(run.contains(want), "{file}: no {want} in\n{run}");
            }
        }
    }
}

/// A library exercise whose file is there but broken is reported at its
/// own line; a plan that uses it is told the file has errors, not that it
/// is missing.
#[test]
fn a_plan_using_a_broken_library_exercise_is_pointed_at_its_errors() {
    let (_, err) = broken_after_good_build(&[(
        "content/exercises/pendulum.yaml",
        "name: Pendulum\ninstructions: Let the arm hang.\ndose: { reps: many }\n",
    )]);
    assert!(err.contains("content/exercises/pendulum.yaml:3:"), "{err}");
    assert!(
        err.contains(
            "exercise `pendulum` could not be loaded: content/exercises/pendulum.yaml has errors"
        ),
        "{err}"
    );
    assert!(!err.contains("no content/exercises/pendulum.yaml"), "{err}");
}

/// `edit`s applied to `text`, each found once.
fn edited(text: &str, edits: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (from, to) in edits {
        assert!(out.contains(from), "{from:?} not in the text");
        out = out.replacen(from, to, 1);
    }
    out
}

#[test]
fn a_bare_boolean_or_number_where_text_belongs_is_an_error_at_its_place() {
    let plan = edited(
        &format!("{PLAN}{STORY}"),
        &[
            ("  name: Maria Lopez", "  name: 12"),
            (
                "  statement: Lift my granddaughter without pain",
                "  statement: false",
            ),
            ("- { name: Reaching up,", "- { name: true,"),
            (
                "  patient: [Do your exercises twice a day]",
                "  patient: [Do your exercises, 2.5]",
            ),
            ("  quote: I picked her up last week.", "  quote: 2026"),
            ("    when: Weeks 1-2", "    when: 0x1F"),
        ],
    );
    let (_, err) = broken_after_good_build(&[
        ("content/plans/maria-lopez.yaml", &plan),
        (
            "content/exercises/pendulum.yaml",
            &PENDULUM.replace("name: Pendulum swing", "name: False"),
        ),
        ("content/pages/news.md", "---\ntitle: 404\n---\nNews.\n"),
    ]);
    for (at, raw) in [
        ("content/plans/maria-lopez.yaml:2:9", "12"),
        ("content/plans/maria-lopez.yaml:11:14", "false"),
        ("content/plans/maria-lopez.yaml:15:15", "true"),
        ("content/plans/maria-lopez.yaml:18:11", "0x1F"),
        ("content/plans/maria-lopez.yaml:30:32", "2.5"),
        ("content/plans/maria-lopez.yaml:41:10", "2026"),
        ("content/exercises/pendulum.yaml:1:7", "False"),
        ("content/pages/news.md:2:8", "404"),
    ] {
        let line = err
            .lines()
            .find(|l| l.starts_with(&format!("{at}: error[HP0004]")))
            .unwrap_or_else(|| panic!("no HP0004 at {at}: {err}"));
        assert!(line.contains("expected text"), "{line}");
        assert!(
            err.contains(&format!(
                "help: put it in quotes if you mean the text: `\"{raw}\"`"
            )),
            "{raw}: {err}"
        );
    }
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn quoted_the_same_words_are_text_and_nothing_is_an_empty_text() {
    let c = Clinic::with_plan();
    let plan = edited(
        &format!("{PLAN}{STORY}"),
        &[(
            "  preferred_name: Mari",
            "  preferred_name: \"True\"\n  pronouns: ~",
        )],
    );
    c.write("content/plans/maria-lopez.yaml", &plan);
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(c.read("handouts/maria-lopez.html").contains("True"));
    // A required text given as nothing is empty: the check that needs
    // words says so at its line.
    c.write(
        "content/plans/maria-lopez.yaml",
        &plan.replace(
            "  statement: Lift my granddaughter without pain",
            "  statement: null",
        ),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/plans/maria-lopez.yaml:12:3: error[HP0108]")
            || err.contains("content/plans/maria-lopez.yaml:12:14: error[HP0108]"),
        "{err}"
    );
}

#[test]
fn site_yaml_text_given_a_number_is_an_error_at_its_place() {
    let c = Clinic::with_plan();
    c.cmd(&["build"]).assert().success();
    let before = (c.tree("public"), c.tree("handouts"));
    c.write(
        "site.yaml",
        &SITE.replace("  name: Test Clinic", "  name: true"),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("site.yaml:5:9: error[HP0004]"), "{err}");
    assert!(
        err.contains("put it in quotes if you mean the text"),
        "{err}"
    );
    assert!(before == (c.tree("public"), c.tree("handouts")));
}

#[test]
fn a_language_that_is_no_language_is_an_error_in_every_file_that_gives_it() {
    let plan = PLAN.replace(
        "  preferred_name: Mari\n",
        "  preferred_name: Mari\n  language: Klingon\n",
    );
    let other = plan
        .replace("Maria Lopez", "Ann Bee")
        .replace("language: Klingon", "language: spanish (mexico)");
    let (_, err) = broken_after_good_build(&[
        (
            "site.yaml",
            &SITE.replace("language: en", "language: elvish"),
        ),
        ("content/plans/maria-lopez.yaml", &plan),
        ("content/plans/ann-bee.yaml", &other),
        (
            "content/exercises/pendulum.yaml",
            &format!("{PENDULUM}language: vulcan\n"),
        ),
    ]);
    for (at, word) in [
        ("site.yaml:3:11", "elvish"),
        ("content/plans/maria-lopez.yaml:4:13", "Klingon"),
        ("content/plans/ann-bee.yaml:4:13", "spanish (mexico)"),
        ("content/exercises/pendulum.yaml:9:11", "vulcan"),
    ] {
        assert!(
            err.contains(&format!("{at}: error[HP0007]: `{word}` is not a language")),
            "{at}: {err}"
        );
    }
    assert!(
        err.contains("handouts have phrases in: ar, en, es"),
        "{err}"
    );
    // Not also "no strings for" nor "not translated into" it.
    assert!(!err.contains("HP0305") && !err.contains("HP0710"), "{err}");
}

#[test]
fn a_language_with_a_region_or_by_name_falls_back_to_its_table() {
    for lang in ["es-MX", "es_mx", "Spanish", "ES"] {
        let c = Clinic::new();
        c.write(
            "content/plans/maria-lopez.yaml",
            &PLAN.replace(
                "  preferred_name: Mari\n",
                &format!("  preferred_name: Mari\n  language: {lang}\n"),
            ),
        );
        let out = c.cmd(&["build"]).output().unwrap();
        let err = stderr(&out);
        assert!(out.status.success(), "{lang}: {err}");
        assert!(
            !err.contains("HP0007") && !err.contains("HP0305"),
            "{lang}: {err}"
        );
    }
}

#[test]
fn a_page_with_an_empty_front_matter_is_told_it_needs_a_title() {
    for text in [
        "---\n---\nHello.\n",
        "---\n# to do\n\n---\nHello.\n",
        "\u{feff}---\r\n---\r\nHi\r\n",
    ] {
        let (_, err) = broken_after_good_build(&[("content/pages/about.md", text)]);
        assert!(
            err.contains("content/pages/about.md:1:1: error[HP0003]: the front matter is empty: a page needs a `title:`"),
            "{text:?}: {err}"
        );
        assert!(!err.contains("the file is empty"), "{err}");
        assert!(err.contains("add a line `title: Your title`"), "{err}");
    }
}

#[test]
fn an_unsafe_picture_or_link_in_a_page_is_reported_at_its_line() {
    let c = Clinic::with_plan();
    c.write(
        "content/pages/about.md",
        "---\ntitle: About\n---\nHi.\n\n![Our desk](javascript:alert(1))\n\nSee ![x](VBScript:msgbox) here.\n\n![y](data:text/html,<b>x</b>)\n\n[z](data:text/html;base64,PGI+)\n\n<img src=\"javascript:alert(2)\" alt=\"a\">\n\n![ok](/desk.png)\n",
    );
    let out = c.cmd(&["build"]).output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    for at in [
        "content/pages/about.md:6:1: warning[HP0801]: picture with a `javascript:` address removed",
        "content/pages/about.md:8:5: warning[HP0801]: picture with a `vbscript:` address removed",
        "content/pages/about.md:10:1: warning[HP0801]: inline `data:` picture removed",
        "content/pages/about.md:12:1: warning[HP0801]: link to a `data:` address removed",
        "content/pages/about.md:14:1: warning[HP0801]: `src` with a `javascript:` address removed from `<img>`",
    ] {
        assert!(err.contains(at), "{at}: {err}");
    }
    assert_eq!(err.matches("HP0801").count(), 5, "{err}");
    let html = c.read("public/about/index.html");
    assert!(!html.to_ascii_lowercase().contains("script:"), "{html}");
    let out = c.cmd(&["build", "--strict"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn a_todo_split_by_a_bidi_mark_or_a_variation_selector_is_unfinished() {
    for hidden in [
        "TO\u{200E}DO",
        "TO\u{200F}DO",
        "T\u{FE0F}ODO",
        "\u{2067}TODO\u{2069}",
        "TO\u{E0020}DO",
    ] {
        let (_, err) = broken_after_good_build(&[(
            "content/plans/maria-lopez.yaml",
            &format!("{PLAN}{STORY}").replace(
                "summary: Right shoulder pain when reaching up",
                &format!("summary: \"{hidden}: what hurts\""),
            ),
        )]);
        assert!(
            err.contains("content/plans/maria-lopez.yaml:8:")
                && err.contains("error[HP0107]: `problem.summary` still holds a TODO"),
            "{hidden:?}: {err}"
        );
    }
}

#[test]
fn an_output_folder_in_the_clinics_files_is_refused_for_where_it_is_not_what_it_holds() {
    // content/h does not exist: it holds nothing, and is refused because it
    // is inside content/.
    let c = Clinic::with_plan();
    let out = c
        .cmd(&["build", "--handouts", "content/h"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "as the handouts output folder: it is inside the clinic's own `content/` folder"
        ),
        "{err}"
    );
    assert!(!err.contains("holds files"), "{err}");
    assert!(!c.path().join("content/h").exists());
    c.write(
        "site.yaml",
        &format!("{SITE}output: {{ public: themes }}\n"),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    let err = stderr(&out);
    assert!(
        err.contains("site.yaml:8:11: error[HP0401]: refusing to use")
            && err.contains("it is the clinic's own `themes/` folder"),
        "{err}"
    );
}

#[test]
fn a_file_put_into_the_public_folder_is_reported_beside_an_unusable_handouts_folder() {
    let c = Clinic::with_plan();
    c.cmd(&["build"]).assert().success();
    c.write("public/notes.txt", "mine\n");
    let before = (c.tree("public"), c.tree("handouts"));
    for args in [&["build", "--handouts", "content/h"][..], &["check"]] {
        if args[0] == "check" {
            c.write(
                "site.yaml",
                &format!("{SITE}output: {{ handouts: public/h }}\n"),
            );
        }
        let out = c.cmd(args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("error[HP0401]"), "{args:?}: {err}");
        assert!(
            err.contains("public/notes.txt: error[HP0406]"),
            "{args:?}: {err}"
        );
    }
    assert!(before == (c.tree("public"), c.tree("handouts")));
}

#[test]
fn a_language_that_is_no_language_is_found_in_translations_and_in_a_plan_that_does_not_parse() {
    let plan = PLAN
        .replace(
            "  preferred_name: Mari\n",
            "  preferred_name: Mari\n  language: klingon\n",
        )
        .replace("        reps: 10\n", "        reps: \"10\n");
    let (_, err) = broken_after_good_build(&[
        ("content/plans/maria-lopez.yaml", &plan),
        (
            "content/exercises/pendulum.yaml",
            &format!(
                "{PENDULUM}translations:\n  es: {{ name: Péndulo }}\n  Elvish:\n    name: Pendulum\n"
            ),
        ),
    ]);
    assert!(
        err.contains(
            "content/plans/maria-lopez.yaml:4:13: error[HP0007]: `klingon` is not a language"
        ),
        "{err}"
    );
    assert!(err.contains("content/plans/maria-lopez.yaml:26:"), "{err}");
    assert!(
        err.contains(
            "content/exercises/pendulum.yaml:11:3: error[HP0007]: `Elvish` is not a language"
        ),
        "{err}"
    );
    assert!(!err.contains("`es` is not"), "{err}");
}
