//! `heropath check`: diagnostics that teach (issue 5).
//!
//! Every diagnostic code is triggered from the real binary over a small
//! broken clinic, with `--format json`, and its code, severity, file, line,
//! column and help are checked against positions worked out by hand from the
//! fixture text below (never copied from heropath's own output).
//!
//! Codes that cannot be triggered from the command line are listed in
//! [`NOT_COVERABLE`], with the reason.
//!
//! The grade computation itself is unit-tested against published worked
//! examples in `src/stages/check/readability.rs`; here only the CLI behaviour is tested.

mod common;
use common::*;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::process::Output;

// ---------------------------------------------------------------------------
// Fixtures. Line numbers are written next to the lines they refer to.
// ---------------------------------------------------------------------------

/// A complete, clean plan (same content as `common::PLAN`, kept here so the
/// hand-computed positions below cannot drift if the shared fixture changes).
const BASE: &str = "\
patient:
  name: Maria Lopez
  preferred_name: Mari
  birth_date: 1968-04-12
  phone: \"(302) 555-0142\"
  email: maria.lopez@mail.test
problem:
  summary: Right shoulder pain when reaching up
  in_their_words: \"I can't lift my granddaughter.\"
goal:
  statement: Lift my granddaughter without pain
  agreed_on: 2026-11-20
  target_date: 2027-02-15
  measures:
    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }
steps:
  - title: Calm the pain
    when: Weeks 1-2
    exercises:
      - use: pendulum
        sets: 2
      - name: Shoulder blade squeeze
        instructions: Sit tall. Squeeze your shoulder blades together.
        hold_seconds: 5
        reps: 10
        per_day: 2
        side: right
responsibilities:
  clinician: [Adjust your exercises at every visit]
  patient: [Do your exercises twice a day]
  together: [Check your progress every two weeks]
next_visit:
  date: 2026-12-03
  time: \"10:30\"
  focus: We will check your reach.
success: You pick up your granddaughter and it does not hurt.
";
// BASE line numbers:
//  1 patient:                 16 steps:                  28 responsibilities:
//  3   preferred_name: Mari   17   - title: Calm the pain 30   patient: [...]
//  7 problem:                 19     exercises:           32 next_visit:
//  8   summary: ...           20       - use: pendulum    36 success: ...
//  9   in_their_words: ...    21         sets: 2
// 10 goal:                    22       - name: Shoulder blade squeeze
// 11   statement: ...         24         hold_seconds: 5
// 13   target_date: ...       25         reps: 10
//                             27         side: right

/// `plan` (BASE or PLAN) with a cue and a video on its inline exercise, so
/// the PEMAT card advice (HP0711, HP0712) has nothing to say: for tests
/// about something else that need a plan without warnings; with a
/// standard outcome measure too (else HP0115), on a line after the goal's
/// first measure (lines from 16 on move down by one).
fn no_card_advice(plan: &str) -> String {
    edit(
        plan,
        &[
            (
                "        side: right\n",
                "        side: right\n        cues: [Breathe out as you squeeze]\n        video: https://videos.example-pt.test/squeeze\n",
            ),
            (
                "target: Pain 1 out of 10 }\n",
                "target: Pain 1 out of 10 }\n    - { measure: nprs, now: 6, target: 1 }\n",
            ),
        ],
    )
}

/// A story with valid consent, appended to BASE: it starts on line 37.
const BASE_STORY: &str = "\
story:
  title: Back to hugging her granddaughter
  display_name: Mari L.
  tags: [shoulder]
  quote: I picked her up last week.
  published_on: 2026-11-25
  body: Mari came to us with a sore shoulder. Now she lifts with ease.
  consent:
    signed_on: 2026-11-20
    scope: [website]
    expires_on: 2027-11-20
";
// 37 story:   43   body: ...   44   consent:   46     scope: [website]
// 47     expires_on: 2027-11-20

/// A plan written at about grade 12: long, multi-clause sentences of long
/// words in the summary, details, goal, step and success; short plain text
/// elsewhere. The summary sentence (line 8) is by far the hardest.
const GRADE12: &str = "\
patient:
  name: Maria Lopez
  preferred_name: Mari
  birth_date: 1968-04-12
  phone: \"(302) 555-0142\"
  email: maria.lopez@mail.test
problem:
  summary: Persistent right shoulder discomfort, progressively aggravated by repetitive overhead reaching during ordinary household activities, considerably restricts your independence with dressing, cooking and personal hygiene.
  details: Your evaluation identified weakness of the muscles stabilizing your shoulder blade, together with restricted mobility of the upper back, which consequently compresses the tendon whenever you elevate your arm.
  in_their_words: \"I can't lift my granddaughter.\"
goal:
  statement: Independently lift your granddaughter from the floor without experiencing discomfort, allowing you to resume caring for her regularly.
  agreed_on: 2026-11-20
  target_date: 2027-02-15
steps:
  - title: Calm the pain
    when: Weeks 1-2
    why: Gentle, regular movement calms the irritated tendon, restores the coordinated rhythm of the shoulder blade, and prepares the surrounding muscles for the progressive strengthening that follows.
    exercises:
      - use: pendulum
        sets: 2
responsibilities:
  clinician: [Adjust your exercises at every visit]
  patient: [Do your exercises twice a day]
  together: [Check your progress every two weeks]
next_visit:
  date: 2026-12-03
  time: \"10:30\"
  focus: We will check your reach.
success: Eventually you will comfortably carry your granddaughter, participate in family activities, and manage household responsibilities without limitation.
";
const GRADE12_SUMMARY: &str = "Persistent right shoulder discomfort, progressively aggravated by repetitive overhead reaching during ordinary household activities, considerably restricts your independence with dressing, cooking and personal hygiene";
const GRADE12_DENSE: [&str; 5] = [
    GRADE12_SUMMARY,
    "Your evaluation identified weakness of the muscles stabilizing your shoulder blade, together with restricted mobility of the upper back, which consequently compresses the tendon whenever you elevate your arm",
    "Independently lift your granddaughter from the floor without experiencing discomfort, allowing you to resume caring for her regularly",
    "Gentle, regular movement calms the irritated tendon, restores the coordinated rhythm of the shoulder blade, and prepares the surrounding muscles for the progressive strengthening that follows",
    "Eventually you will comfortably carry your granddaughter, participate in family activities, and manage household responsibilities without limitation",
];

/// A minimal site.yaml; extra lines are appended from line 4 on.
const SITE3: &str = "\
title: Test Clinic
base_url: https://clinic.test
language: en
";

const PLAN_FILE: &str = "content/plans/maria-lopez.yaml";

/// `src` with each `from` (which must occur exactly once) replaced.
fn edit(src: &str, edits: &[(&str, &str)]) -> String {
    let mut out = src.to_string();
    for (from, to) in edits {
        assert_eq!(
            out.matches(from).count(),
            1,
            "fixture edit: `{from}` must occur exactly once"
        );
        out = out.replace(from, to);
    }
    out
}

fn write_plan(c: &Clinic, text: &str) {
    c.write(PLAN_FILE, text);
}

/// BASE with a scaled measure and two visits (lines 14-26), then `edits`.
fn journey(edits: &[(&str, &str)]) -> String {
    let with_visits = edit(
        BASE,
        &[(
            "    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }\nsteps:\n",
            "    - name: Pain on the stairs
      now: \"7\"
      target: \"2\"
      scale: { min: 0, max: 10, better: lower, unit: out of 10 }
    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }
visits:
  - date: 2026-11-20
    measures: { pain-on-the-stairs: 7 }
  - date: 2026-11-25
    measures:
      pain-on-the-stairs: 5
      Reaching up: Pain 4 out of 10
steps:
",
        )],
    );
    edit(&with_visits, edits)
}

// ---------------------------------------------------------------------------
// Running heropath and reading its JSON.
// ---------------------------------------------------------------------------

/// The documented JSON shape of one diagnostic: exactly these fields.
#[derive(Debug, Deserialize, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
struct Diag {
    severity: String,
    code: String,
    message: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    help: Option<String>,
}

const FIELDS: [&str; 7] = [
    "severity", "code", "message", "file", "line", "column", "help",
];

struct Run {
    exit: Option<i32>,
    diags: Vec<Diag>,
    stderr: String,
}

impl Run {
    fn with_code(&self, code: &str) -> Vec<&Diag> {
        self.diags.iter().filter(|d| d.code == code).collect()
    }

    /// The one diagnostic with `code` (there must be exactly one).
    fn one(&self, code: &str) -> &Diag {
        let found = self.with_code(code);
        assert_eq!(found.len(), 1, "expected one {code}, got {:#?}", self.diags);
        found[0]
    }

    fn codes(&self) -> Vec<&str> {
        self.diags.iter().map(|d| d.code.as_str()).collect()
    }
}

/// Parse one line of `--format json` output, checking the documented shape:
/// an object with exactly the seven fields (null when they do not apply).
fn parse_line(line: &str) -> Diag {
    let v: serde_json::Value =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
    let obj = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {line}"));
    let keys: BTreeSet<&str> = obj.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        FIELDS.into_iter().collect::<BTreeSet<_>>(),
        "fields of {line}"
    );
    let d: Diag = serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{e}: {line}"));
    assert!(
        d.severity == "error" || d.severity == "warning",
        "severity: {line}"
    );
    assert!(
        d.code.len() == 6
            && d.code.starts_with("HP")
            && d.code[2..].chars().all(|c| c.is_ascii_digit()),
        "code: {line}"
    );
    assert!(!d.message.is_empty(), "message: {line}");
    if let Some(f) = &d.file {
        assert!(
            !f.starts_with('/') && !f.contains('\\') && !f.contains(":\\"),
            "file must be relative to --root with `/`: {line}"
        );
    }
    assert_eq!(
        d.line.is_some(),
        d.column.is_some(),
        "line and column come together: {line}"
    );
    assert!(d.line != Some(0) && d.column != Some(0), "1-based: {line}");
    if d.line.is_some() {
        assert!(d.file.is_some(), "a position needs a file: {line}");
    }
    d
}

fn read_run(out: Output) -> Run {
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let diags = stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(parse_line)
        .collect();
    Run {
        exit: out.status.code(),
        diags,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `heropath --root <clinic> --format json <args>`; `{root}` in an argument
/// is replaced by the clinic's path.
fn json(c: &Clinic, args: &[&str]) -> Run {
    let root = c.path().to_string_lossy().into_owned();
    let mut full: Vec<String> = vec!["--format".into(), "json".into()];
    full.extend(args.iter().map(|a| a.replace("{root}", &root)));
    let full: Vec<&str> = full.iter().map(String::as_str).collect();
    let run = read_run(c.cmd(&full).output().expect("run heropath"));
    let errors = run.diags.iter().any(|d| d.severity == "error");
    assert_eq!(
        run.exit,
        Some(if errors { 1 } else { 0 }),
        "exit code (1 exactly when there are errors, without --strict): {:#?}\n{}",
        run.diags,
        run.stderr
    );
    run
}

fn check(c: &Clinic) -> Run {
    json(c, &["check"])
}

// ---------------------------------------------------------------------------
// One case per diagnostic code.
// ---------------------------------------------------------------------------

/// Where the diagnostic must point.
#[derive(Debug, Clone, Copy)]
enum At {
    /// This line and column.
    Pos(usize, usize),
    /// No position: the problem is not at a place in a file.
    Null,
}

/// The file the diagnostic must name.
#[derive(Debug, Clone, Copy)]
enum File {
    Is(&'static str),
    Null,
}

/// The help the diagnostic must give.
#[derive(Debug, Clone, Copy)]
enum Help {
    Contains(&'static str),
}

struct Case {
    name: &'static str,
    code: &'static str,
    warning: bool,
    setup: fn(&Clinic),
    /// Command line after `--format json` (`check` for most).
    args: &'static [&'static str],
    file: File,
    at: At,
    help: Help,
    /// A substring of the message.
    message: &'static str,
}

const CHECK: &[&str] = &["check"];

fn cases() -> Vec<Case> {
    let mut v = vec![
        // ---- HP0001–HP0007: YAML problems -------------------------------
        Case {
            name: "tab indentation",
            code: "HP0001",
            warning: false,
            // line 2 starts with a tab: column 1.
            setup: |c| write_plan(c, "patient:\n\tname: Ann\n"),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(2, 1),
            help: Help::Contains("write it as `  name: Ann`"),
            message: "indented with a tab",
        },
        Case {
            name: "runaway nesting",
            code: "HP0001",
            warning: false,
            // `patient: ` is 9 characters; the 65th `[` is at column 74.
            setup: |c| write_plan(c, &format!("patient: {}\n", "[".repeat(70))),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(1, 74),
            help: Help::Contains("runaway brackets"),
            message: "nested more than 64 levels",
        },
        Case {
            name: "unknown key",
            code: "HP0002",
            warning: false,
            setup: |c| {
                write_plan(
                    c,
                    &edit(BASE, &[("  preferred_name: Mari", "  prefered_name: Mari")]),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(3, 3),
            help: Help::Contains("did you mean `preferred_name`?"),
            message: "unknown field `prefered_name`",
        },
        Case {
            name: "unknown key in a page's front matter",
            code: "HP0002",
            warning: false,
            // `---` is line 1, so `titel:` is line 3 of the file.
            setup: |c| {
                c.write(
                    "content/pages/about.md",
                    "---\ntitle: About\ntitel: Oops\n---\nHello.\n",
                )
            },
            args: CHECK,
            file: File::Is("content/pages/about.md"),
            at: At::Pos(3, 1),
            help: Help::Contains("did you mean `title`?"),
            message: "unknown field `titel`",
        },
        Case {
            name: "missing required key",
            code: "HP0003",
            warning: false,
            // Without line 8, the `problem` mapping starts at line 8
            // (`in_their_words`), column 3.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[("  summary: Right shoulder pain when reaching up\n", "")],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(8, 3),
            help: Help::Contains("add `summary:`"),
            message: "problem: missing field `summary`",
        },
        Case {
            name: "empty plan",
            code: "HP0003",
            warning: false,
            setup: |c| write_plan(c, "\n"),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(1, 1),
            help: Help::Contains("heropath new plan"),
            message: "empty",
        },
        Case {
            name: "wrong type",
            code: "HP0004",
            warning: false,
            // line 25 `        reps: ten`: the value is at column 15.
            setup: |c| write_plan(c, &edit(BASE, &[("reps: 10\n", "reps: ten\n")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(25, 15),
            help: Help::Contains("write it in digits: `reps: 10`"),
            message: "`ten` is a number in words",
        },
        Case {
            name: "bad date",
            code: "HP0005",
            warning: false,
            // line 13 `  target_date: 15/02/2027`: column 16.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[("target_date: 2027-02-15", "target_date: 15/02/2027")],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(13, 16),
            help: Help::Contains("YYYY-MM-DD"),
            message: "15/02/2027",
        },
        Case {
            name: "unknown exercise id",
            code: "HP0006",
            warning: false,
            // line 20 `      - use: pendulm`: column 14.
            setup: |c| write_plan(c, &edit(BASE, &[("use: pendulum", "use: pendulm")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(20, 14),
            help: Help::Contains("did you mean `pendulum`?"),
            message: "unknown exercise `pendulm`",
        },
        Case {
            name: "value not allowed",
            code: "HP0007",
            warning: false,
            // line 27 `        side: up`: column 15.
            setup: |c| write_plan(c, &edit(BASE, &[("side: right", "side: up")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(27, 15),
            help: Help::Contains("left, right, both"),
            message: "cannot be `up`: it takes one of left, right, both",
        },
        Case {
            name: "text cut short by #",
            code: "HP0008",
            warning: true,
            // line 35 `  focus: Bring your #2 brace`: the `#` at column 21.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "focus: We will check your reach.",
                            "focus: Bring your #2 brace",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(35, 21),
            help: Help::Contains("focus: \"Bring your #2 brace\""),
            message: "the text from `#` on is left out",
        },
        // ---- HP0010–HP0016: files ---------------------------------------
        Case {
            name: "not UTF-8",
            code: "HP0010",
            warning: false,
            // line 37 `# caf\xE9`: the bad byte is at column 6.
            setup: |c| {
                let mut bytes = BASE.as_bytes().to_vec();
                bytes.extend_from_slice(b"# caf\xE9\n");
                std::fs::create_dir_all(c.path().join("content/plans")).unwrap();
                std::fs::write(c.path().join(PLAN_FILE), bytes).unwrap();
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(37, 6),
            help: Help::Contains("or run `heropath fix-encoding content/plans/"),
            message: "looks saved as ANSI/Windows-1252 (é at line 37), not UTF-8",
        },
        Case {
            name: "no site.yaml",
            code: "HP0011",
            warning: false,
            setup: |c| std::fs::remove_file(c.path().join("site.yaml")).unwrap(),
            args: CHECK,
            // The file does not exist, so there is nowhere to point.
            file: File::Null,
            at: At::Null,
            help: Help::Contains("heropath init"),
            message: "cannot read site.yaml",
        },
        Case {
            name: "duplicate slug",
            code: "HP0012",
            warning: false,
            setup: |c| {
                write_plan(c, BASE);
                c.write("content/plans/maria-lopez.yml", BASE);
            },
            args: CHECK,
            file: File::Is("content/plans/maria-lopez.yml"),
            at: At::Null,
            help: Help::Contains("different name"),
            message: "also defined in content/plans/maria-lopez.yaml",
        },
        Case {
            name: "bad file name",
            code: "HP0013",
            warning: false,
            setup: |c| c.write("content/plans/Bad Name.yaml", BASE),
            args: CHECK,
            file: File::Is("content/plans/Bad Name.yaml"),
            at: At::Null,
            help: Help::Contains("rename the file to `bad-name.yaml`"),
            message: "`Bad Name`",
        },
        Case {
            name: "page without front matter",
            code: "HP0014",
            warning: false,
            setup: |c| c.write("content/pages/about.md", "# About us\n\nHello.\n"),
            args: CHECK,
            file: File::Is("content/pages/about.md"),
            at: At::Pos(1, 1),
            help: Help::Contains("title: Your title"),
            message: "front matter",
        },
        Case {
            name: "page whose closing --- is indented",
            code: "HP0014",
            warning: false,
            setup: |c| {
                c.write(
                    "content/pages/about.md",
                    "---\ntitle: About\n ---\n\nHello.\n",
                )
            },
            args: CHECK,
            file: File::Is("content/pages/about.md"),
            at: At::Pos(3, 1),
            help: Help::Contains("write it as `---`"),
            message: "closing `---` must start at the beginning",
        },
        Case {
            name: "page whose front matter is never closed",
            code: "HP0014",
            warning: false,
            setup: |c| c.write("content/pages/about.md", "---\ntitle: About\n\nHello.\n"),
            args: CHECK,
            file: File::Is("content/pages/about.md"),
            at: At::Pos(1, 1),
            help: Help::Contains("add a line `---`"),
            message: "never closed",
        },
        Case {
            name: "file too large",
            code: "HP0015",
            warning: false,
            setup: |c| {
                let mut big = BASE.to_string();
                big.push_str(&"# padding\n".repeat(450_000)); // 4.5 MB
                write_plan(c, &big);
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Null,
            help: Help::Contains("a few kilobytes"),
            message: "the limit is",
        },
        // ---- HP0101–HP0106: plans and exercises -------------------------
        Case {
            name: "no steps",
            code: "HP0101",
            warning: false,
            // Lines 16-27 become `steps: []` on line 16.
            setup: |c| {
                let i = BASE.find("steps:\n").unwrap();
                let j = BASE.find("responsibilities:\n").unwrap();
                write_plan(c, &format!("{}steps: []\n{}", &BASE[..i], &BASE[j..]));
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(16, 1),
            help: Help::Contains("add a step under `steps:`"),
            message: "at least one step",
        },
        Case {
            name: "no responsibilities",
            code: "HP0102",
            warning: false,
            // Lines 28-31 become `responsibilities: {}` on line 28.
            setup: |c| {
                let i = BASE.find("responsibilities:\n").unwrap();
                let j = BASE.find("next_visit:\n").unwrap();
                write_plan(
                    c,
                    &format!("{}responsibilities: {{}}\n{}", &BASE[..i], &BASE[j..]),
                );
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(28, 1),
            help: Help::Contains("patient: [ Do your exercises"),
            message: "`responsibilities` needs at least one item",
        },
        Case {
            name: "exercise without use or name",
            code: "HP0103",
            warning: false,
            setup: |c| write_plan(c, &edit(BASE, &[("- use: pendulum", "- per_day: 3")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(20, 9),
            help: Help::Contains("library ids: pendulum"),
            message: "steps[0].exercises[0]",
        },
        Case {
            name: "picture not found (plan)",
            code: "HP0104",
            warning: false,
            // Lines 28-29 are added; line 28 `        image: squeeze.svg`: column 16.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "        side: right\n",
                            "        side: right\n        image: squeeze.svg\n        image_alt: A person squeezing\n",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(28, 16),
            help: Help::Contains("check the file name"),
            message: "`squeeze.svg` not found",
        },
        Case {
            name: "picture outside the images folder (library)",
            code: "HP0104",
            warning: false,
            // line 3 `image: ../secret.svg`: column 8.
            setup: |c| {
                c.write(
                    "content/exercises/wall-slide.yaml",
                    "name: Wall slide\ndose: { reps: 10 }\nimage: ../secret.svg\nimage_alt: A person\n",
                )
            },
            args: CHECK,
            file: File::Is("content/exercises/wall-slide.yaml"),
            at: At::Pos(3, 8),
            help: Help::Contains("write just the file name"),
            message: "must be a file name inside",
        },
        Case {
            name: "picture without alt text",
            code: "HP0105",
            warning: false,
            setup: |c| {
                c.write(
                    "content/exercises/images/wall-slide.svg",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                );
                c.write(
                    "content/exercises/wall-slide.yaml",
                    "name: Wall slide\ndose: { reps: 10 }\nimage: wall-slide.svg\n",
                );
            },
            args: CHECK,
            file: File::Is("content/exercises/wall-slide.yaml"),
            at: At::Pos(3, 8),
            help: Help::Contains("image_alt:"),
            message: "needs `image_alt:`",
        },
        Case {
            name: "bad video link",
            code: "HP0106",
            warning: false,
            // line 3 `video: ftp://videos.test/wall-slide`: column 8.
            setup: |c| {
                c.write(
                    "content/exercises/wall-slide.yaml",
                    "name: Wall slide\ndose: { reps: 10 }\nvideo: ftp://videos.test/wall-slide\n",
                )
            },
            args: CHECK,
            file: File::Is("content/exercises/wall-slide.yaml"),
            at: At::Pos(3, 8),
            help: Help::Contains("https://"),
            message: "ftp://videos.test/wall-slide",
        },
        // ---- HP0201–HP0204: consent (warnings) --------------------------
        Case {
            name: "story without consent",
            code: "HP0201",
            warning: true,
            // No `consent:` left, so the story itself: line 37, column 1.
            setup: |c| {
                let story = &BASE_STORY[..BASE_STORY.find("  consent:").unwrap()];
                write_plan(c, &format!("{BASE}{story}"));
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(37, 1),
            help: Help::Contains("story.consent"),
            message: "no `consent:`",
        },
        Case {
            name: "consent expired",
            code: "HP0202",
            warning: true,
            // line 44 `  consent:`: column 3.
            setup: |c| {
                let story = edit(
                    BASE_STORY,
                    &[("expires_on: 2027-11-20", "expires_on: 2026-11-01")],
                );
                write_plan(c, &format!("{BASE}{story}"));
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(44, 3),
            help: Help::Contains("renew"),
            message: "expired on 2026-11-01",
        },
        Case {
            name: "consent revoked",
            code: "HP0203",
            warning: true,
            setup: |c| write_plan(c, &format!("{BASE}{BASE_STORY}    revoked: true\n")),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(44, 3),
            help: Help::Contains("remove the story"),
            message: "revoked",
        },
        Case {
            name: "consent out of scope",
            code: "HP0204",
            warning: true,
            setup: |c| {
                let story = edit(BASE_STORY, &[("scope: [website]", "scope: [print]")]);
                write_plan(c, &format!("{BASE}{story}"));
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(44, 3),
            help: Help::Contains("publish only what the patient authorised"),
            message: "`website`",
        },
        Case {
            name: "story photo without photo consent",
            code: "HP0206",
            warning: true,
            // `  photo:` on line 48: column 3.
            setup: |c| {
                c.write("content/images/mari.png", "not read by check");
                let photo = "  photo: {file: mari.png, alt: Mari smiling in the garden}\n";
                write_plan(c, &format!("{BASE}{BASE_STORY}{photo}"));
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(48, 3),
            help: Help::Contains("scope: [website, photo]"),
            message: "consent does not include `photo`",
        },
        Case {
            name: "two plans of one patient both publishing a story",
            code: "HP0207",
            warning: true,
            // A new episode copied with its story: the second plan by name
            // gets the warning at its `story:` (line 37, column 1).
            setup: |c| {
                write_plan(c, &format!("{BASE}{BASE_STORY}"));
                c.write(
                    "content/plans/maria-lopez-2027.yaml",
                    &format!("{BASE}{BASE_STORY}"),
                );
            },
            args: CHECK,
            file: File::Is("content/plans/maria-lopez-2027.yaml"),
            at: At::Pos(37, 1),
            help: Help::Contains("a patient's story is published once"),
            message: "content/plans/maria-lopez.yaml already publishes a story of the same patient",
        },
        // ---- HP0301–HP0306: themes --------------------------------------
        Case {
            name: "brand colour with low contrast",
            code: "HP0307",
            warning: true,
            // `  color: "#7fc8c2"` on line 5: the value at column 10.
            setup: |c| {
                c.write(
                    "site.yaml",
                    &format!("{SITE3}brand:\n  color: \"#7fc8c2\"\n"),
                );
                write_plan(c, BASE);
            },
            args: CHECK,
            file: File::Is("site.yaml"),
            at: At::Pos(5, 10),
            help: Help::Contains("darker shade"),
            message: "contrast of 1.89:1",
        },
        Case {
            name: "unknown site theme",
            code: "HP0301",
            warning: false,
            setup: |c| {
                c.write("site.yaml", &format!("{SITE3}theme: defualt\n"));
                write_plan(c, BASE);
            },
            args: CHECK,
            file: File::Is("site.yaml"),
            at: At::Pos(4, 8),
            help: Help::Contains("did you mean `default`?"),
            message: "unknown theme `defualt`",
        },
        Case {
            name: "unknown handout theme",
            code: "HP0301",
            warning: false,
            setup: |c| write_plan(c, &format!("{BASE}handout: {{ theme: huge-print }}\n")),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(37, 19),
            help: Help::Contains("did you mean `large-print`?"),
            message: "unknown theme `huge-print`",
        },
        Case {
            name: "template syntax error",
            code: "HP0302",
            warning: false,
            setup: |c| {
                write_plan(c, BASE);
                c.write("templates/page.html", "<p>\n{% if %}\n</p>\n");
            },
            args: CHECK,
            file: File::Is("templates/page.html"),
            at: At::Pos(2, 7),
            help: Help::Contains("Tera 2 template syntax"),
            message: "could not compile a template",
        },
        Case {
            name: "template render error",
            code: "HP0303",
            warning: false,
            // templates/robots.txt line 2 `{{ nope.field }}`: `nope` is column 4.
            setup: |c| {
                write_plan(c, BASE);
                c.write("templates/robots.txt", "User-agent: *\n{{ nope.field }}\n");
            },
            args: CHECK,
            file: File::Is("templates/robots.txt"),
            at: At::Pos(2, 4),
            help: Help::Contains("docs/templates.md"),
            message: "could not render",
        },
        Case {
            name: "broken string table",
            code: "HP0304",
            warning: false,
            setup: |c| {
                write_plan(c, BASE);
                c.write("themes/default/i18n/en.yaml", "title:\n\tbad: x\n");
            },
            args: CHECK,
            file: File::Is("themes/default/i18n/en.yaml"),
            at: At::Pos(2, 1),
            help: Help::Contains("write it as `  bad: x`"),
            message: "indented with a tab",
        },
        Case {
            name: "no string table for the plan's language",
            code: "HP0305",
            warning: true,
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "  preferred_name: Mari\n",
                            "  preferred_name: Mari\n  language: fr\n",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(4, 13),
            help: Help::Contains("add themes/default/i18n/fr.yaml"),
            message: "no strings for language `fr`",
        },
        Case {
            name: "string table missing phrases",
            code: "HP0305",
            warning: true,
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "  preferred_name: Mari\n",
                            "  preferred_name: Mari\n  language: de\n",
                        )],
                    ),
                );
                c.write("themes/default/i18n/de.yaml", "nav_home: Startseite\n");
            },
            args: CHECK,
            file: File::Is("themes/default/i18n/de.yaml"),
            // Missing phrases are nowhere in the file.
            at: At::Null,
            help: Help::Contains("de.yaml"),
            message: "phrase(s) missing",
        },
        Case {
            name: "handouts in languages whose table nobody reviewed",
            code: "HP0308",
            warning: true,
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "  preferred_name: Mari\n",
                            "  preferred_name: Mari\n  language: vi\n",
                        )],
                    ),
                );
                // A second plan in another unreviewed language: still one
                // warning, naming both.
                let other = edit(
                    BASE,
                    &[
                        ("  name: Maria Lopez\n", "  name: Hana Aziz\n"),
                        (
                            "  preferred_name: Mari\n",
                            "  preferred_name: Hana\n  language: ar\n",
                        ),
                    ],
                );
                c.write("content/plans/hana-aziz.yaml", &other);
            },
            args: CHECK,
            file: File::Is("content/plans/hana-aziz.yaml"),
            at: At::Pos(4, 13),
            help: Help::Contains("reviewed: true"),
            message: "2 handout(s) use a string table no native speaker has reviewed (`reviewed: false`): `ar` (content/plans/hana-aziz.yaml); `vi` (content/plans/maria-lopez.yaml)",
        },
        // ---- HP0401–HP0405: output ---------------------------------------
        Case {
            name: "nested output folders",
            code: "HP0401",
            warning: false,
            setup: |c| {
                c.write(
                    "site.yaml",
                    &format!("{SITE3}output:\n  public: public\n  handouts: public/handouts\n"),
                );
                write_plan(c, BASE);
            },
            args: CHECK,
            file: File::Is("site.yaml"),
            // At the folder to change: `handouts:`, not `output:`.
            at: At::Pos(6, 3),
            help: Help::Contains("use separate folders"),
            message: "must not be inside each other",
        },
        Case {
            name: "output folder over the content",
            code: "HP0401",
            warning: false,
            setup: |c| {
                c.write("site.yaml", &format!("{SITE3}output:\n  public: content\n"));
                write_plan(c, BASE);
            },
            args: CHECK,
            file: File::Is("site.yaml"),
            at: At::Pos(5, 3),
            help: Help::Contains("choose an empty or new folder"),
            message: "refusing to use",
        },
        Case {
            name: "output folder over the content, in braces: at its key",
            code: "HP0401",
            warning: false,
            setup: |c| {
                c.write(
                    "site.yaml",
                    &format!("{SITE3}output: {{ public: public, handouts: content }}\n"),
                );
                write_plan(c, BASE);
            },
            args: CHECK,
            file: File::Is("site.yaml"),
            at: At::Pos(4, 27),
            help: Help::Contains("choose an empty or new folder"),
            message: "refusing to use",
        },
        Case {
            name: "write failure (build only: check writes nothing)",
            code: "HP0402",
            warning: false,
            setup: |c| {
                write_plan(c, BASE);
                c.write("blocker", "a regular file where a folder should be\n");
            },
            args: &["build", "--out", "{root}/blocker/public"],
            // An output folder, not a source file.
            file: File::Null,
            at: At::Null,
            // The help names the file in the way (it said "writable").
            help: Help::Contains("move or rename the file blocker"),
            message: "blocker",
        },
        Case {
            name: "page address clash",
            code: "HP0403",
            warning: false,
            setup: |c| {
                write_plan(c, BASE);
                c.write(
                    "content/pages/stories.md",
                    "---\ntitle: Stories\n---\nHello.\n",
                );
            },
            args: CHECK,
            // The file name is the problem.
            file: File::Is("content/pages/stories.md"),
            at: At::Null,
            help: Help::Contains("rename the file"),
            message: "`stories`",
        },
        Case {
            name: "a file heropath did not write in the handouts folder",
            code: "HP0404",
            warning: true,
            setup: |c| {
                write_plan(c, BASE);
                c.write(
                    "handouts/.heropath-output",
                    "made by heropath\nheropath-manifest 1\n",
                );
                c.write("handouts/notes.txt", "my own notes\n");
            },
            args: CHECK,
            // The file itself, so the clinic knows what to move.
            file: File::Is("handouts/notes.txt"),
            at: At::Null,
            help: Help::Contains("move your file elsewhere"),
            message: "did not write this file",
        },
        Case {
            name: "a PDF printed from an older handout",
            code: "HP0405",
            warning: true,
            setup: |c| {
                write_plan(c, BASE);
                c.write(
                    "handouts/.heropath-output",
                    &format!(
                        "made by heropath\nheropath-manifest 1\npdf {:032x} maria-lopez.pdf\n",
                        1
                    ),
                );
                c.write("handouts/maria-lopez.pdf", "%PDF-1.4 printed long ago\n");
            },
            args: CHECK,
            file: File::Is("handouts/maria-lopez.pdf"),
            at: At::Null,
            help: Help::Contains("heropath handout maria-lopez --pdf"),
            message: "printed from an older version of its handout",
        },
        Case {
            name: "a file heropath did not write in the public folder",
            code: "HP0406",
            warning: false,
            setup: |c| {
                write_plan(c, BASE);
                c.write(
                    "public/.heropath-output",
                    "made by heropath\nheropath-manifest 1\nfile index.html\n",
                );
                c.write("public/google1234.html", "google-site-verification\n");
            },
            args: CHECK,
            // The file itself, so the clinic knows what to move.
            file: File::Is("public/google1234.html"),
            at: At::Null,
            help: Help::Contains("belongs in `static/`"),
            message: "did not write this file into the public folder",
        },
        // ---- HP0501: privacy ---------------------------------------------
        Case {
            name: "full name in a public page",
            code: "HP0501",
            warning: false,
            setup: |c| {
                write_plan(c, &format!("{BASE}{BASE_STORY}"));
                c.write(
                    "content/pages/about.md",
                    "---\ntitle: About\n---\nWe treated Maria Lopez last year.\n",
                );
            },
            args: CHECK,
            // At the page and line to fix; the plan and the public file
            // are in the message, the name itself is not.
            file: File::Is("content/pages/about.md"),
            at: At::Pos(4, 1),
            help: Help::Contains("display name"),
            message: "full name (\"M…\") from content/plans/maria-lopez.yaml reaches public file about/index.html",
        },
        Case {
            name: "a public file the guard cannot read",
            code: "HP0502",
            warning: false,
            setup: |c| c.write("static/brochure.pdf", "%PDF-1.4\n%binary\n"),
            args: CHECK,
            file: File::Is("static/brochure.pdf"),
            at: At::Null,
            help: Help::Contains("reviewed_files"),
            message: "public file brochure.pdf cannot be fully read",
        },
        Case {
            name: "a reviewed file without a reason",
            code: "HP0503",
            warning: false,
            setup: |c| {
                c.write(
                    "site.yaml",
                    &format!("{SITE}privacy:\n  reviewed_files:\n    - {{ pattern: brochure.pdf, reason: \"\" }}\n"),
                )
            },
            args: CHECK,
            file: File::Is("site.yaml"),
            at: At::Null,
            help: Help::Contains("who checked"),
            message: "needs a pattern and a reason",
        },
        Case {
            name: "a public photo that records where it was taken",
            code: "HP0504",
            warning: false,
            setup: |c| {
                let p = c.path().join("static/img/garden.jpg");
                std::fs::create_dir_all(p.parent().expect("has parent")).expect("mkdir");
                std::fs::write(p, jpeg_with_gps(true)).expect("write photo");
            },
            args: CHECK,
            file: File::Is("static/img/garden.jpg"),
            at: At::Null,
            help: Help::Contains("exiftool -gps:all="),
            message: "public file img/garden.jpg records where it was taken",
        },
        Case {
            name: "a patient record in a static file",
            code: "HP0505",
            warning: false,
            setup: |c| {
                c.write(
                    "static/backup/old-plan.txt",
                    "# discharged 2025\npatient:\n  name: Xavier Oddsworth\n",
                )
            },
            args: CHECK,
            file: File::Is("static/backup/old-plan.txt"),
            at: At::Pos(2, 1),
            help: Help::Contains("reviewed_files"),
            message: "public file backup/old-plan.txt holds a patient record",
        },
        // ---- HP0601–HP0602: plain language (warnings) ---------------------
        Case {
            name: "reading level",
            code: "HP0601",
            warning: true,
            // The hardest sentence is the summary: line 8, column 12.
            setup: |c| write_plan(c, GRADE12),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(8, 12),
            help: Help::Contains("shorten or simplify the hardest sentences"),
            message: "the target is 8 or lower",
        },
        Case {
            name: "jargon",
            code: "HP0602",
            warning: true,
            // line 9 `  details: Sleep supine for now.`: column 18.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "  in_their_words:",
                            "  details: Sleep supine for now.\n  in_their_words:",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(9, 18),
            help: Help::Contains("say \"lying on your back\" instead"),
            message: "`supine` is medical jargon",
        },
        // ---- HP0701–HP0706: actionability (warnings) -------------------------
        Case {
            name: "exercise without a dose",
            code: "HP0701",
            warning: true,
            // line 22 `      - name: Shoulder blade squeeze`: column 15.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "        hold_seconds: 5\n        reps: 10\n        per_day: 2\n        side: right\n",
                            "",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(22, 15),
            help: Help::Contains("reps: 10"),
            message: "`Shoulder blade squeeze` has no dose",
        },
        Case {
            name: "empty step",
            code: "HP0702",
            warning: true,
            // line 28 `  - title: Rest`: column 12.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "responsibilities:\n",
                            "  - title: Rest\nresponsibilities:\n",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(28, 12),
            help: Help::Contains("add exercises, or a `why:`"),
            message: "step 2 (\"Rest\")",
        },
        Case {
            name: "no patient tasks",
            code: "HP0703",
            warning: true,
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[("  patient: [Do your exercises twice a day]\n", "")],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(28, 1),
            help: Help::Contains("add `patient: [ ... ]`"),
            message: "no tasks of their own",
        },
        Case {
            name: "no next visit",
            code: "HP0704",
            warning: true,
            setup: |c| {
                let i = BASE.find("next_visit:\n").unwrap();
                let j = BASE.find("success:").unwrap();
                write_plan(c, &format!("{}{}", &BASE[..i], &BASE[j..]));
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            // Something missing has no place in the file.
            at: At::Null,
            help: Help::Contains("add `next_visit:"),
            message: "no next visit",
        },
        Case {
            name: "too many exercises",
            code: "HP0705",
            warning: true,
            // Three more entries make five; the step title is line 17, column 12.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "        sets: 2\n",
                            "        sets: 2\n      - { use: pendulum }\n      - { use: pendulum }\n      - { use: pendulum }\n",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(17, 12),
            help: Help::Contains("four or fewer"),
            message: "5 home exercises",
        },
        Case {
            name: "no target date",
            code: "HP0706",
            warning: true,
            // The goal: line 10, column 1.
            setup: |c| write_plan(c, &edit(BASE, &[("  target_date: 2027-02-15\n", "")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(10, 1),
            help: Help::Contains("add `target_date:"),
            message: "no target date",
        },
        // ---- HP0107–HP0108: unfinished plans (issue 13) --------------------
        Case {
            name: "a TODO left from the template",
            code: "HP0107",
            warning: false,
            // `  summary: "` is 12 characters: TODO starts at column 13.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "summary: Right shoulder pain when reaching up",
                            "summary: \"TODO: what hurts, in one plain line\"",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(8, 13),
            help: Help::Contains("what brings the patient in"),
            message: "`problem.summary` still holds a TODO",
        },
        Case {
            name: "a template sentence with its TODO deleted",
            code: "HP0107",
            warning: false,
            // `  statement: ` is 13 characters.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "statement: Lift my granddaughter without pain",
                            "statement: the goal you agreed on, in their words",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(11, 14),
            help: Help::Contains("the goal you agreed on"),
            message: "the template's placeholder text",
        },
        Case {
            name: "a TODO on the second line of instructions",
            code: "HP0107",
            warning: false,
            // Line 23 becomes a block: `1. Sit tall.` on 24, `2. TODO…` on
            // 25, indented 10: TODO at column 14.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "instructions: Sit tall. Squeeze your shoulder blades together.\n",
                            "instructions: |\n          1. Sit tall.\n          2. TODO: then this.\n",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(25, 14),
            help: Help::Contains("the steps the patient follows"),
            message: "`steps[0].exercises[1].instructions`",
        },
        Case {
            name: "a summary of spaces",
            code: "HP0108",
            warning: false,
            // The `summary` key: line 8, column 3.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "summary: Right shoulder pain when reaching up",
                            "summary: \"   \"",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(8, 3),
            help: Help::Contains("write what brings the patient in"),
            message: "`problem.summary` is empty",
        },
        Case {
            name: "an empty step title",
            code: "HP0108",
            warning: false,
            // `  - title: ` is 11 characters: the value at column 12.
            setup: |c| write_plan(c, &edit(BASE, &[("title: Calm the pain", "title: \"\"")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(17, 12),
            help: Help::Contains("title: Calm the pain"),
            message: "the title of step 1 is empty",
        },
        Case {
            name: "an inline exercise without instructions",
            code: "HP0108",
            warning: false,
            // Without line 23 the entry `- name: …` (line 22) is what to
            // complete: its content starts at column 9.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "        instructions: Sit tall. Squeeze your shoulder blades together.\n",
                            "",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(22, 9),
            help: Help::Contains("write the steps the patient follows"),
            message: "the instructions of exercise `Shoulder blade squeeze` is empty",
        },
        Case {
            name: "an empty inline exercise name",
            code: "HP0108",
            warning: false,
            // `      - name: ` is 14 characters; the key is at column 9.
            setup: |c| {
                write_plan(
                    c,
                    &edit(BASE, &[("name: Shoulder blade squeeze", "name: \" \"")]),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(22, 9),
            help: Help::Contains("name: Heel slide"),
            message: "the name of step 1, exercise 2 is empty",
        },
        // ---- HP0109–HP0113: the journey over time (issue 16) -------------
        Case {
            name: "a visit measure no goal measure has",
            code: "HP0109",
            warning: false,
            // `      pain-on-the-stair` starts at column 7 (line 25).
            setup: |c| {
                write_plan(
                    c,
                    &journey(&[("      pain-on-the-stairs: 5", "      pain-on-the-stair: 5")]),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(25, 7),
            help: Help::Contains("did you mean `pain-on-the-stairs`?"),
            message: "no goal measure is called `pain-on-the-stair`",
        },
        Case {
            name: "a visit value off its scale",
            code: "HP0110",
            warning: false,
            // `      pain-on-the-stairs: ` is 26 characters: the value at column 27.
            setup: |c| {
                write_plan(
                    c,
                    &journey(&[(
                        "      pain-on-the-stairs: 5",
                        "      pain-on-the-stairs: 11",
                    )]),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(25, 27),
            help: Help::Contains("write a number from 0 to 10"),
            message: "11 of `Pain on the stairs` is outside its scale (0 to 10)",
        },
        Case {
            name: "two visits on one date",
            code: "HP0111",
            warning: false,
            // `  - date: ` is 10 characters (line 23).
            setup: |c| write_plan(c, &journey(&[("date: 2026-11-25", "date: 2026-11-20")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(23, 11),
            help: Help::Contains("into one visit"),
            message: "two visits on 2026-11-20",
        },
        Case {
            name: "one measure twice in a visit",
            code: "HP0118",
            warning: false,
            // The second visit's keys run from line 25; the repeat is on 27.
            setup: |c| {
                write_plan(
                    c,
                    &journey(&[(
                        "      Reaching up: Pain 4 out of 10\n",
                        "      Reaching up: Pain 4 out of 10\n      Pain on the stairs: 6\n",
                    )]),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(27, 7),
            help: Help::Contains("records each measure once"),
            message: "visit 2 gives `Pain on the stairs` twice",
        },
        Case {
            name: "a target worse than now",
            code: "HP0119",
            warning: true,
            // The custom scale says lower is better; `target: "7"` is on line 17
            // (its scale on 18), the value at column 15.
            setup: |c| {
                write_plan(
                    c,
                    &journey(&[(
                        "      now: \"7\"\n      target: \"2\"",
                        "      now: \"2\"\n      target: \"7\"",
                    )]),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(17, 15),
            help: Help::Contains("swap them back (`now: 7`, `target: 2`)"),
            message: "the target of `Pain on the stairs` (7) is worse than now (2): on its scale lower is better",
        },
        Case {
            name: "a target that says no amount",
            code: "HP0120",
            warning: true,
            // BASE line 15 holds the one goal measure; the target's value
            // starts at column 59.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[("target: Pain 1 out of 10 }", "target: Much less pain }")],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(15, 59),
            help: Help::Contains("`now: Pain 6 out of 10` says where the patient starts"),
            message: "the target of `Reaching up` (\"Much less pain\") says no amount: nobody can tell when it is reached",
        },
        Case {
            name: "another patient's full name left in a plan",
            code: "HP0121",
            warning: false,
            // BASE line 30 is the patient's responsibilities; Dana Whitfield
            // is another patient of the clinic, with a plan of her own.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "patient: [Do your exercises twice a day]",
                            "patient: [Do your exercises twice a day, as Dana Whitfield does]",
                        )],
                    ),
                );
                c.write(
                    "content/plans/dana-whitfield.yaml",
                    &edit(
                        BASE,
                        &[
                            ("name: Maria Lopez", "name: Dana Whitfield"),
                            ("preferred_name: Mari", "preferred_name: Dana"),
                            ("1968-04-12", "1970-01-01"),
                            ("555-0142", "555-0177"),
                            ("maria.lopez@mail.test", "dana.w@mail.test"),
                        ],
                    ),
                );
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(30, 3),
            help: Help::Contains("`may_name: [their full name]`"),
            message: "this plan holds another patient's full name (\"D…\"): it would print on this patient's handout",
        },
        Case {
            name: "a visit after today",
            code: "HP0112",
            warning: false,
            setup: |c| write_plan(c, &journey(&[("date: 2026-11-25", "date: 2026-12-25")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(23, 11),
            help: Help::Contains("next_visit"),
            message: "after today (2026-11-26)",
        },
        Case {
            name: "a built-in measure id that does not exist",
            code: "HP0114",
            warning: false,
            // `    - measure: leff`: line 15, the value at column 16.
            setup: |c| {
                write_plan(
                    c,
                    &journey(&[(
                        "    - name: Pain on the stairs\n",
                        "    - measure: leff\n      name: Pain on the stairs\n",
                    )]),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(15, 16),
            help: Help::Contains("did you mean `lefs`?"),
            message: "no built-in measure is called `leff`",
        },
        Case {
            name: "a plan without a standard outcome measure",
            code: "HP0115",
            warning: true,
            // BASE's only measure is its own: at the goal's `measures:`,
            // line 14, column 3.
            setup: |c| write_plan(c, BASE),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(14, 3),
            help: Help::Contains("`check: { standard_measure: false }`"),
            message: "the plan has no standard outcome measure",
        },
        Case {
            name: "a standard measure last recorded 56 days ago",
            code: "HP0116",
            warning: true,
            // LEFS only has the goal's `now` of 2026-10-01 (56 days before
            // 2026-11-26); the LEFS line pushes the last visit's
            // `  - date: 2026-11-25` to line 24, its value at column 11.
            setup: |c| {
                write_plan(
                    c,
                    &journey(&[
                        ("  agreed_on: 2026-11-20\n", "  agreed_on: 2026-10-01\n"),
                        (
                            "    - name: Pain on the stairs\n",
                            "    - { measure: lefs, now: 38, target: 65 }\n    - name: Pain on the stairs\n",
                        ),
                    ]),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(24, 11),
            help: Help::Contains("lefs:"),
            message: "the latest LEFS was recorded 56 days ago (2026-10-01)",
        },
        Case {
            name: "a scale whose min is not below its max",
            code: "HP0113",
            warning: false,
            // The `scale` key of the measure: line 18, column 7.
            setup: |c| write_plan(c, &journey(&[("min: 0, max: 10", "min: 10, max: 10")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(18, 7),
            help: Help::Contains("scale: { min: 0, max: 10"),
            message: "`min` must be below `max`",
        },
        // ---- Dates that cannot be right ------------------------------------
        Case {
            name: "consent signed after it expires",
            code: "HP0205",
            warning: true,
            // `    expires_on: ` is 16 characters (line 47).
            setup: |c| {
                write_plan(
                    c,
                    &format!(
                        "{BASE}{}",
                        edit(
                            BASE_STORY,
                            &[("expires_on: 2027-11-20", "expires_on: 2026-11-10")]
                        )
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(47, 17),
            help: Help::Contains("expires after it is signed"),
            message: "signed on 2026-11-20, after it expires (2026-11-10)",
        },
        Case {
            name: "next visit in the past",
            code: "HP0707",
            warning: true,
            // `  date: ` is 8 characters (line 33); today is 2026-11-26.
            setup: |c| write_plan(c, &edit(BASE, &[("date: 2026-12-03", "date: 2026-11-19")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(33, 9),
            help: Help::Contains("next appointment"),
            message: "the next visit (2026-11-19) is in the past",
        },
        Case {
            name: "next visit at no time of day",
            code: "HP0117",
            warning: false,
            // `  time: ` is 8 characters (line 34): the value, its quote.
            setup: |c| write_plan(c, &edit(BASE, &[("time: \"10:30\"", "time: \"25:30\"")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(34, 9),
            help: Help::Contains("appointment book"),
            message: "the next visit's time `25:30` is no time of day",
        },
        Case {
            name: "next visit at a time typed without its colon",
            code: "HP0117",
            warning: false,
            // YAML reads `630` as a number: it would print as "630".
            setup: |c| write_plan(c, &edit(BASE, &[("time: \"10:30\"", "time: 630")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(34, 9),
            help: Help::Contains("appointment book"),
            message: "the next visit's time `630` is no time of day",
        },
        Case {
            name: "next visit more than a year away",
            code: "HP0714",
            warning: true,
            // `  date: ` is 8 characters (line 33); today is 2026-11-26.
            setup: |c| write_plan(c, &edit(BASE, &[("date: 2026-12-03", "date: 2062-12-03")])),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(33, 9),
            help: Help::Contains("check the year"),
            message: "the next visit (2062-12-03) is more than a year away",
        },
        Case {
            name: "a phone too short to be one",
            code: "HP0716",
            warning: true,
            // `  phone: ` is 9 characters (line 5).
            setup: |c| {
                write_plan(
                    c,
                    &edit(BASE, &[("phone: \"(302) 555-0142\"", "phone: \"555-014\"")]),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(5, 10),
            help: Help::Contains("with its area code"),
            message: "the phone `555-014` has 6 digit(s)",
        },
        Case {
            name: "an email that is no address",
            code: "HP0716",
            warning: true,
            // `  email: ` is 9 characters (line 6).
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "email: maria.lopez@mail.test",
                            "email: maria.lopez-at-mail.test",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(6, 10),
            help: Help::Contains("copy the address"),
            message: "the email `maria.lopez-at-mail.test` is no email address",
        },
        Case {
            name: "birth date after today",
            code: "HP0715",
            warning: true,
            // `  birth_date: ` is 14 characters (line 4).
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[("birth_date: 1968-04-12", "birth_date: 2068-04-12")],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(4, 15),
            help: Help::Contains("privacy guard"),
            message: "the birth date (2068-04-12) is after today",
        },
        Case {
            name: "target date before the agreed date",
            code: "HP0708",
            warning: true,
            // `  target_date: ` is 15 characters (line 13).
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[("target_date: 2027-02-15", "target_date: 2026-11-15")],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(13, 16),
            help: Help::Contains("a day after `agreed_on`"),
            message: "target date (2026-11-15) is before the day it was agreed (2026-11-20)",
        },
        Case {
            name: "a sentence cut at a flow-list comma",
            code: "HP0709",
            warning: true,
            // `  together: [Check your progress, ` is 34 characters (line 31).
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "[Check your progress every two weeks]",
                            "[Check your progress, every two weeks]",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(31, 35),
            help: Help::Contains("`- Check your progress, every two weeks`"),
            message: "\"every two weeks\" starts lower-case right after a comma",
        },
        Case {
            name: "a library cue cut at a comma",
            code: "HP0709",
            warning: true,
            // `cues: [Relax your shoulder, ` is 28 characters (line 2).
            setup: |c| {
                c.write(
                    "content/exercises/pendulum.yaml",
                    "name: Pendulum swing\ncues: [Relax your shoulder, then swing]\ninstructions: Lean on a table.\ndose: { reps: 10 }\n",
                )
            },
            args: CHECK,
            file: File::Is("content/exercises/pendulum.yaml"),
            at: At::Pos(2, 29),
            help: Help::Contains("one item per line"),
            message: "`cues`",
        },
        Case {
            name: "a library exercise not translated into the plan's language",
            code: "HP0710",
            warning: true,
            // `language: vi` adds a line: `      - use: pendulum` is line 21, column 14.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "  preferred_name: Mari\n",
                            "  preferred_name: Mari\n  language: vi\n",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(21, 14),
            help: Help::Contains("translations: { vi: { name: ..."),
            message: "exercise `pendulum` is not translated into `vi`",
        },
        Case {
            name: "a printed exercise with neither picture nor video",
            code: "HP0711",
            warning: true,
            // The library pendulum has a video; BASE's inline exercise
            // (line 22, column 9) has neither picture nor video.
            setup: |c| write_plan(c, BASE),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(22, 9),
            help: Help::Contains("add `image:`"),
            message: "exercise `Shoulder blade squeeze` prints with neither a picture nor a video",
        },
        Case {
            name: "a plan-written exercise without steps or cue",
            code: "HP0712",
            warning: true,
            // BASE's inline exercise (line 22, column 9) has two steps (two
            // sentences) and no cue.
            setup: |c| write_plan(c, BASE),
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(22, 9),
            help: Help::Contains("numbered list"),
            message: "exercise `Shoulder blade squeeze` has no cue",
        },
        Case {
            name: "a task that contradicts the dose",
            code: "HP0713",
            warning: true,
            // `  patient: [` is 12 characters: the item starts at 30:13.
            setup: |c| {
                write_plan(
                    c,
                    &edit(
                        BASE,
                        &[(
                            "Do your exercises twice a day",
                            "Do your exercises each morning",
                        )],
                    ),
                )
            },
            args: CHECK,
            file: File::Is(PLAN_FILE),
            at: At::Pos(30, 13),
            help: Help::Contains("say the same thing"),
            message: "contradicts the dose: `Pendulum swing` is 2 times a day",
        },
        // ---- HP0801–HP0802: what a page's sanitiser removes (warnings) ---
        Case {
            name: "HTML removed from a page",
            code: "HP0801",
            warning: true,
            // `---`, title, `---`, text, blank: the iframe is line 6.
            setup: |c| {
                c.write(
                    "content/pages/videos.md",
                    "---\ntitle: Videos\n---\nWatch.\n\n<iframe src=\"https://videos.test/e/1\" title=\"Squat\"></iframe>\n",
                )
            },
            args: CHECK,
            file: File::Is("content/pages/videos.md"),
            at: At::Pos(6, 1),
            help: Help::Contains("under `embeds:` in site.yaml"),
            message: "`<iframe>` from `videos.test` removed",
        },
        Case {
            name: "embedded video without a title",
            code: "HP0802",
            warning: true,
            // The iframe is line 4, after `Watch: `: column 8.
            setup: |c| {
                c.write("site.yaml", &format!("{SITE3}embeds: [videos.test]\n"));
                c.write(
                    "content/pages/videos.md",
                    "---\ntitle: Videos\n---\nWatch: <iframe src=\"https://videos.test/e/1\"></iframe>\n",
                )
            },
            args: CHECK,
            file: File::Is("content/pages/videos.md"),
            at: At::Pos(4, 8),
            help: Help::Contains("screen readers"),
            message: "without a `title`",
        },
    ];
    #[cfg(unix)]
    v.push(Case {
        name: "symbolic link",
        code: "HP0016",
        warning: false,
        setup: |c| {
            c.write("elsewhere/plan.yaml", BASE);
            std::fs::create_dir_all(c.path().join("content/plans")).unwrap();
            std::os::unix::fs::symlink(
                c.path().join("elsewhere/plan.yaml"),
                c.path().join(PLAN_FILE),
            )
            .unwrap();
        },
        args: CHECK,
        // The link itself is the problem.
        file: File::Is(PLAN_FILE),
        at: At::Null,
        help: Help::Contains("replace the link with the file itself"),
        message: "symbolic link",
    });
    #[cfg(unix)]
    v.push(Case {
        name: "symbolic link in static/: left out of the site",
        code: "HP0016",
        warning: true,
        setup: |c| {
            c.write("elsewhere/logo.txt", "logo");
            std::fs::create_dir_all(c.path().join("static")).unwrap();
            std::os::unix::fs::symlink(
                c.path().join("elsewhere/logo.txt"),
                c.path().join("static/logo.txt"),
            )
            .unwrap();
        },
        args: CHECK,
        file: File::Is("static/logo.txt"),
        at: At::Null,
        help: Help::Contains("replace the link with the file itself"),
        message: "left out of the site",
    });
    v.push(Case {
        name: "a hidden plan the guard would not see",
        code: "HP0017",
        warning: false,
        setup: |c| c.write("content/plans/archive/.walter.yaml", BASE),
        args: CHECK,
        file: File::Is("content/plans/archive/.walter.yaml"),
        at: At::Null,
        help: Help::Contains("move it out of content/"),
        message: "privacy guard cannot know the patient",
    });
    v.push(Case {
        name: "a hidden file of static/: left out of the site, and named",
        code: "HP0018",
        warning: true,
        setup: |c| c.write("static/.htaccess", "Options -Indexes\n"),
        args: CHECK,
        file: File::Is("static/.htaccess"),
        at: At::Null,
        help: Help::Contains("give it a name without a leading dot"),
        message: "left out of the site: static/.htaccess",
    });
    v
}

/// Codes no command line can trigger, and why.
const NOT_COVERABLE: &[(&str, &str)] = &[(
    "HP0306",
    "every theme is layered over the embedded default theme, which has all REQUIRED_TEMPLATES; \
     files on disk can add or replace templates but never remove one, so a required template \
     cannot go missing",
)];

#[test]
fn every_code_gives_its_file_position_and_help() {
    let mut failures = Vec::new();
    for case in cases() {
        let c = Clinic::new();
        (case.setup)(&c);
        let run = json(&c, case.args);
        let found = run.with_code(case.code);
        if found.is_empty() {
            failures.push(format!(
                "{} ({}): not reported; got {:#?}",
                case.name, case.code, run.diags
            ));
            continue;
        }
        for d in found {
            let mut wrong = Vec::new();
            let severity = if case.warning { "warning" } else { "error" };
            if d.severity != severity {
                wrong.push(format!("severity {} (want {severity})", d.severity));
            }
            match case.file {
                File::Is(f) if d.file.as_deref() != Some(f) => {
                    wrong.push(format!("file {:?} (want {f:?})", d.file))
                }
                File::Null if d.file.is_some() => {
                    wrong.push(format!("file {:?} (want null)", d.file))
                }
                _ => {}
            }
            match case.at {
                At::Pos(l, col) if (d.line, d.column) != (Some(l), Some(col)) => wrong.push(
                    format!("position {:?}:{:?} (want {l}:{col})", d.line, d.column),
                ),
                At::Null if d.line.is_some() => {
                    wrong.push(format!("position {:?}:{:?} (want null)", d.line, d.column))
                }
                _ => {}
            }
            if let Help::Contains(h) = case.help
                && !d.help.as_deref().is_some_and(|x| x.contains(h))
            {
                wrong.push(format!("help {:?} (want it to contain {h:?})", d.help));
            }
            if !d.message.contains(case.message) {
                wrong.push(format!(
                    "message {:?} (want it to contain {:?})",
                    d.message, case.message
                ));
            }
            if !wrong.is_empty() {
                failures.push(format!(
                    "{} ({}): {}",
                    case.name,
                    case.code,
                    wrong.join("; ")
                ));
            }
        }
        if !case.warning {
            assert_eq!(run.exit, Some(1), "{}: an error exits 1", case.name);
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The codes in the registry (`heropath::base::diag::Code`).
fn codes_in_src() -> BTreeSet<String> {
    heropath::base::diag::Code::ALL
        .iter()
        .map(|c| c.to_string())
        .collect()
}

/// The codes in README's table, with ranges (`HP0010–HP0016`) expanded.
fn codes_in_readme() -> BTreeSet<String> {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let mut out = BTreeSet::new();
    for line in readme.lines() {
        let Some(cell) = line.strip_prefix("| HP") else {
            continue;
        };
        let cell = format!("HP{}", cell.split('|').next().unwrap().trim());
        let num = |s: &str| s.trim().trim_start_matches("HP").parse::<u32>().unwrap();
        match cell.split_once(['–', '-']) {
            Some((a, b)) => {
                for n in num(a)..=num(b) {
                    out.insert(format!("HP{n:04}"));
                }
            }
            None => {
                out.insert(format!("HP{:04}", num(&cell)));
            }
        }
    }
    out
}

#[test]
fn every_code_is_documented_and_tested() {
    let src = codes_in_src();
    let readme = codes_in_readme();
    assert!(src.len() >= 40, "found only {src:?} in src/");
    let undocumented: Vec<_> = src.difference(&readme).collect();
    assert!(
        undocumented.is_empty(),
        "codes in src/ missing from README's table: {undocumented:?}"
    );
    let unknown: Vec<_> = readme.difference(&src).collect();
    assert!(
        unknown.is_empty(),
        "codes in README's table that src/ does not define: {unknown:?}"
    );
    let mut tested: BTreeSet<String> = cases().iter().map(|c| c.code.to_string()).collect();
    tested.extend(NOT_COVERABLE.iter().map(|(c, _)| c.to_string()));
    let untested: Vec<_> = src.difference(&tested).collect();
    assert!(untested.is_empty(), "codes without a test: {untested:?}");
}

/// `heropath explain`: every code of README's table has a long explanation
/// the binary prints, with an example and the fix; the list names them all.
#[test]
fn explain_prints_every_code_and_refuses_what_is_not_one() {
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("heropath")
            .unwrap()
            .args(args)
            .output()
            .unwrap()
    };
    let list = run(&["explain"]);
    assert!(list.status.success());
    let list = String::from_utf8(list.stdout).unwrap();
    let listed: BTreeSet<String> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect();
    assert_eq!(
        listed,
        codes_in_readme(),
        "`heropath explain` lists README's codes"
    );
    for code in codes_in_readme() {
        let out = run(&["explain", &code]);
        assert!(out.status.success(), "{code}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with(&format!("# {code}: ")), "{code}: {text}");
        assert!(
            text.contains("## Example") && text.contains("## Fix"),
            "{code}"
        );
        assert!(!text.contains("TODO explanation"), "{code} is a stub");
        assert!(text.lines().count() >= 10, "{code} explains too little");
        // Case and the `HP` prefix do not matter.
        let short = run(&["explain", code.trim_start_matches("HP")]);
        assert_eq!(String::from_utf8(short.stdout).unwrap(), text, "{code}");
        let lower = run(&["explain", &code.to_lowercase()]);
        assert_eq!(String::from_utf8(lower.stdout).unwrap(), text, "{code}");
    }
    for bad in ["HP9999", "E0308", "HP05011", "hello"] {
        let out = run(&["explain", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("not a heropath diagnostic code"),
            "{bad}: {err}"
        );
    }
}

// ---------------------------------------------------------------------------
// Plain language.
// ---------------------------------------------------------------------------

#[test]
fn a_plan_at_grade_12_warns_naming_its_three_hardest_sentences() {
    // The fixture really is dense: by the (unit-tested) formula, every dense
    // sentence is well above grade 8 and the summary is the hardest.
    use heropath::stages::check::readability::Counts;
    let grades: Vec<f64> = GRADE12_DENSE
        .iter()
        .map(|s| Counts::of(s).grade())
        .collect();
    assert!(grades.iter().all(|g| *g > 12.0), "{grades:?}");
    assert!(
        grades[1..].iter().all(|g| *g + 1.0 < grades[0]),
        "{grades:?}"
    );

    let c = Clinic::new();
    write_plan(&c, GRADE12);
    let run = check(&c);
    assert_eq!(run.exit, Some(0), "advice is a warning");
    let d = run.one("HP0601");
    assert_eq!(d.severity, "warning");
    assert_eq!(d.file.as_deref(), Some(PLAN_FILE));
    // The hardest sentence starts the summary: line 8, after `  summary: `.
    assert_eq!((d.line, d.column), (Some(8), Some(12)), "{d:?}");
    let grade: f64 = d
        .message
        .split("grade ")
        .nth(1)
        .and_then(|s| s.split(';').next())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| panic!("no grade in {:?}", d.message));
    assert!((11.0..=13.0).contains(&grade), "about grade 12: {d:?}");
    assert!(d.message.contains("target is 8"), "{d:?}");

    let help = d.help.as_deref().unwrap();
    let list = help
        .strip_prefix("shorten or simplify the hardest sentences: ")
        .unwrap_or_else(|| panic!("{help}"));
    let named: Vec<&str> = list.split("; ").collect();
    assert_eq!(named.len(), 3, "three sentences: {help}");
    for item in &named {
        let (quoted, grade) = item
            .rsplit_once(" (grade ")
            .unwrap_or_else(|| panic!("`\"sentence\" (grade N)`: {item}"));
        let sentence = quoted.trim_matches('"');
        assert!(
            GRADE12_DENSE.contains(&sentence),
            "a dense sentence of the plan, quoted whole: {item}"
        );
        let g: f64 = grade.trim_end_matches(')').parse().unwrap();
        assert!(g > 8.0, "{item}");
    }
    assert!(
        named[0].starts_with(&format!("\"{GRADE12_SUMMARY}\"")),
        "hardest first: {help}"
    );

    // The same text is fine for a clinic that targets grade 13.
    c.write(
        "site.yaml",
        &format!("{SITE}reading_level: {{ max_grade: 13 }}\n"),
    );
    assert!(check(&c).with_code("HP0601").is_empty());
    // And Flesch-Kincaid is not applied to Spanish plans.
    c.write("site.yaml", SITE);
    write_plan(
        &c,
        &edit(
            GRADE12,
            &[(
                "  preferred_name: Mari\n",
                "  preferred_name: Mari\n  language: es\n",
            )],
        ),
    );
    assert!(check(&c).with_code("HP0601").is_empty());
}

#[test]
fn a_plain_plan_does_not_warn() {
    let c = Clinic::with_plan();
    let run = check(&c);
    assert!(run.with_code("HP0601").is_empty(), "{:#?}", run.diags);
    assert!(run.with_code("HP0602").is_empty(), "{:#?}", run.diags);
    let c = Clinic::new();
    write_plan(&c, &no_card_advice(BASE));
    assert!(check(&c).diags.is_empty());
}

#[test]
fn jargon_names_the_plain_word_at_the_right_place() {
    let c = Clinic::new();
    c.write(
        "site.yaml",
        &format!("{SITE}plain_words: {{ scapula: shoulder blade }}\n"),
    );
    // line 9: `  details: It hurts to ambulate. Ambulating is hard. Bilateral pain.`
    //          `  details: ` is 11 characters, `It hurts to ` 12 more: column 24;
    //          `ambulate. ` 10 more: column 34; `Ambulating is hard. ` 20 more: 54.
    // The step's `why:` is then line 20: `    why: Move your scapula gently.`:
    //          `    why: ` is 9 characters, `Move your ` 10 more: column 20.
    let plan = edit(
        BASE,
        &[
            (
                "  in_their_words:",
                "  details: It hurts to ambulate. Ambulating is hard. Bilateral pain.\n  in_their_words:",
            ),
            (
                "    when: Weeks 1-2\n",
                "    when: Weeks 1-2\n    why: Move your scapula gently.\n",
            ),
        ],
    );
    assert_eq!(
        plan.lines().nth(19),
        Some("    why: Move your scapula gently.")
    );
    write_plan(&c, &plan);
    let run = check(&c);
    assert_eq!(run.exit, Some(0), "advice is a warning");
    let jargon = run.with_code("HP0602");
    let expect = [
        ("ambulate", 9, 24, "walk"),
        ("Ambulating", 9, 34, "walk"),
        ("Bilateral", 9, 54, "both sides"),
        ("scapula", 20, 20, "shoulder blade"),
    ];
    assert_eq!(jargon.len(), expect.len(), "{jargon:#?}");
    for (word, line, col, plain) in expect {
        let d = jargon
            .iter()
            .find(|d| d.message == format!("`{word}` is medical jargon"))
            .unwrap_or_else(|| panic!("no HP0602 for {word}: {jargon:#?}"));
        assert_eq!(d.severity, "warning");
        assert_eq!(d.file.as_deref(), Some(PLAN_FILE));
        assert_eq!((d.line, d.column), (Some(line), Some(col)), "{word}: {d:?}");
        assert_eq!(
            d.help.as_deref(),
            Some(format!("say \"{plain}\" instead").as_str())
        );
    }
}

// ---------------------------------------------------------------------------
// Exit codes, writing nothing, and the human format.
// ---------------------------------------------------------------------------

#[test]
fn check_on_a_clean_clinic_exits_0_and_writes_nothing() {
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &format!("{}{STORY}", no_card_advice(PLAN)),
    );
    let before = c.tree("");
    let run = check(&c);
    assert_eq!(run.exit, Some(0), "{}", run.stderr);
    assert!(run.diags.is_empty(), "clean: {:#?}", run.diags);
    let out = c.cmd(&["check", "--strict"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = c.cmd(&["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("all checks passed"),
        "{}",
        stderr(&out)
    );
    assert!(!c.path().join("public").exists());
    assert!(!c.path().join("handouts").exists());
    assert!(before == c.tree(""), "check changed the clinic folder");
}

#[test]
fn check_writes_nothing_even_with_problems_or_custom_folders() {
    let c = Clinic::with_plan();
    c.write(
        "site.yaml",
        &format!("{SITE}output: {{ public: site-out, handouts: private-out }}\n"),
    );
    // (plan, exit code, exit code under --strict): clean, a warning, an error.
    let base = no_card_advice(BASE);
    let plans = [
        (base.clone(), 0, 0),
        (edit(&base, &[("  target_date: 2027-02-15\n", "")]), 0, 1),
        (edit(&base, &[("use: pendulum", "use: nope")]), 1, 1),
    ];
    for (plan, exit, strict_exit) in plans {
        write_plan(&c, &plan);
        let before = c.tree("");
        assert_eq!(check(&c).exit, Some(exit));
        let out = c.cmd(&["check", "--strict"]).output().unwrap();
        assert_eq!(out.status.code(), Some(strict_exit), "{}", stderr(&out));
        for dir in ["public", "handouts", "site-out", "private-out"] {
            assert!(!c.path().join(dir).exists(), "check created {dir}/");
        }
        assert!(before == c.tree(""), "check changed the clinic folder");
    }
}

#[test]
fn errors_exit_1() {
    let c = Clinic::new();
    write_plan(
        &c,
        &edit(&no_card_advice(BASE), &[("use: pendulum", "use: nope")]),
    );
    let run = check(&c);
    assert_eq!(run.exit, Some(1));
    assert_eq!(run.one("HP0006").severity, "error");
    // Also in the human format. A check never writes, so it does not say
    // "nothing was written"; a failed build does.
    let out = c.cmd(&["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("1 error(s)"), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("nothing was written"),
        "{}",
        stderr(&out)
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("1 error(s) and 0 warning(s); nothing was written"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn build_help_names_the_cache_folder() {
    let c = Clinic::new();
    let out = c.cmd(&["build", "--help"]).output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    let line = help
        .lines()
        .skip_while(|l| !l.contains("--no-cache"))
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(line.contains(".heropath-cache/"), "{help}");
}

#[test]
fn warnings_exit_0_and_1_under_strict() {
    let c = Clinic::new();
    // No next visit: a warning only.
    let base = no_card_advice(BASE);
    let i = base.find("next_visit:\n").unwrap();
    let j = base.find("success:").unwrap();
    write_plan(&c, &format!("{}{}", &base[..i], &base[j..]));
    let run = check(&c);
    assert_eq!(run.codes(), ["HP0704"]);
    assert_eq!(run.exit, Some(0));
    let strict = read_run(
        c.cmd(&["--format", "json", "check", "--strict"])
            .output()
            .unwrap(),
    );
    assert_eq!(strict.exit, Some(1), "--strict fails on warnings");
    assert_eq!(
        strict.diags, run.diags,
        "--strict reports the same diagnostics"
    );
    let out = c.cmd(&["check", "--strict"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = c.cmd(&["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    let c = Clinic::with_plan();
    for args in [
        &["check", "--bogus"][..],
        &["--format", "xml", "check"],
        &["--format"],
        &["check", "--strict=maybe"],
        &["chekc"],
        &[],
    ] {
        let out = c.cmd(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn json_output_is_only_json_lines_on_stdout() {
    let c = Clinic::new();
    // Several problems across files: all in one run, each on its own line.
    write_plan(
        &c,
        &edit(
            &no_card_advice(BASE),
            &[
                ("  target_date: 2027-02-15\n", ""),
                ("use: pendulum", "use: nope"),
            ],
        ),
    );
    c.write("content/plans/ann.yaml", "patient:\n  nme: Ann\n");
    let out = c.cmd(&["--format", "json", "check"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(stdout.ends_with('\n'));
    let run = read_run(out);
    assert_eq!(run.exit, Some(1));
    let mut codes = run.codes();
    codes.sort();
    // ann.yaml: `nme` is misspelt, and read on as `name` the file still
    // lacks `problem:` (HP0003).
    assert_eq!(
        codes,
        ["HP0002", "HP0003", "HP0006", "HP0706"],
        "{:#?}",
        run.diags
    );
    assert_eq!(stdout.lines().count(), 4, "one object per line: {stdout}");
    assert!(
        !run.stderr.contains("HP0"),
        "diagnostics go to stdout only in JSON mode: {}",
        run.stderr
    );
    // Field values round-trip through the documented shape.
    let d = run.one("HP0002");
    assert_eq!(d.file.as_deref(), Some("content/plans/ann.yaml"));
    assert_eq!((d.line, d.column), (Some(2), Some(3)));
}

/// A clinic with one error (line 3) and one warning.
fn human_clinic() -> Clinic {
    let c = Clinic::new();
    write_plan(
        &c,
        &edit(BASE, &[("  preferred_name: Mari", "  prefered_name: Mari")]),
    );
    c
}

#[test]
fn human_format_shows_location_code_frame_and_help() {
    let c = human_clinic();
    let out = c.cmd(&["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "content/plans/maria-lopez.yaml:3:3: error[HP0002]: patient: unknown field `prefered_name`"
        ),
        "{err}"
    );
    assert!(
        err.contains(" --> content/plans/maria-lopez.yaml:3:3"),
        "{err}"
    );
    assert!(err.contains("3 |   prefered_name: Mari"), "{err}");
    assert!(err.contains("  |   ^^^^^^^^^^^^^\n"), "{err}");
    assert!(
        err.contains("= help: did you mean `preferred_name`?"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "human output goes to stderr");

    // A warning is labelled as one, with its frame.
    let c = Clinic::new();
    write_plan(
        &c,
        &edit(
            BASE,
            &[(
                "  in_their_words:",
                "  details: Sleep supine.\n  in_their_words:",
            )],
        ),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains(
            "content/plans/maria-lopez.yaml:9:18: warning[HP0602]: `supine` is medical jargon"
        ),
        "{err}"
    );
    assert!(err.contains("9 |   details: Sleep supine."), "{err}");
    assert!(
        err.contains("help: say \"lying on your back\" instead"),
        "{err}"
    );
}

#[test]
fn no_colour_when_not_a_terminal_or_with_no_color() {
    for no_color in [None, Some("1")] {
        let c = human_clinic();
        let mut cmd = c.cmd(&["check"]);
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let out = cmd.output().unwrap();
        let all = format!("{}{}", stderr(&out), String::from_utf8_lossy(&out.stdout));
        assert!(all.contains("error[HP0002]"), "{all}");
        assert!(
            !all.contains("\x1b["),
            "ANSI escape with NO_COLOR={no_color:?}: {all:?}"
        );
        for format in ["short", "json"] {
            let out = c
                .cmd(&["--format", format, "check"])
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            let all = format!("{}{}", stderr(&out), String::from_utf8_lossy(&out.stdout));
            assert!(!all.contains("\x1b["), "{format}: {all:?}");
        }
    }
}

// ---------------------------------------------------------------------------
// Precise positions and help that once were wrong: each asserts the
// correct behaviour, so a regression fails here.
// ---------------------------------------------------------------------------

fn one_of(c: &Clinic, args: &[&str], code: &str) -> Diag {
    json(c, args).one(code).clone()
}

#[test]

fn hp0010_points_at_the_invalid_byte() {
    let c = Clinic::new();
    // line 37 `# caf\xE9`: `# caf` is 5 characters, the bad byte is column 6.
    let mut bytes = BASE.as_bytes().to_vec();
    bytes.extend_from_slice(b"# caf\xE9\n");
    std::fs::create_dir_all(c.path().join("content/plans")).unwrap();
    std::fs::write(c.path().join(PLAN_FILE), bytes).unwrap();
    let d = one_of(&c, CHECK, "HP0010");
    assert_eq!((d.line, d.column), (Some(37), Some(6)), "{d:?}");
}

#[test]

fn hp0015_message_states_a_size_above_the_limit() {
    let c = Clinic::new();
    let mut big = BASE.to_string();
    big.push_str(&"# padding\n".repeat(450_000));
    write_plan(&c, &big);
    let d = one_of(&c, CHECK, "HP0015");
    let numbers: Vec<f64> = d
        .message
        .split(|ch: char| !(ch.is_ascii_digit() || ch == '.'))
        .filter_map(|s| s.trim_matches('.').parse().ok())
        .collect();
    assert!(
        numbers.len() >= 2 && numbers[0] > numbers[1],
        "the file's size must read as more than the limit: {:?}",
        d.message
    );
}

#[test]

fn hp0103_points_at_the_exercise_entry() {
    let c = Clinic::new();
    // A second step; its entry without `use`/`name` is line 30, column 9.
    write_plan(
        &c,
        &edit(
            BASE,
            &[(
                "responsibilities:\n",
                "  - title: Build strength\n    exercises:\n      - reps: 10\nresponsibilities:\n",
            )],
        ),
    );
    let d = one_of(&c, CHECK, "HP0103");
    assert!(d.message.contains("steps[1].exercises[0]"), "{d:?}");
    assert_eq!((d.line, d.column), (Some(30), Some(9)), "{d:?}");
}

#[test]

fn hp0106_has_help() {
    let c = Clinic::new();
    c.write(
        "content/exercises/wall-slide.yaml",
        "name: Wall slide\ndose: { reps: 10 }\nvideo: ftp://videos.test/wall-slide\n",
    );
    let d = one_of(&c, CHECK, "HP0106");
    assert!(
        d.help.as_deref().is_some_and(|h| h.contains("https://")),
        "{d:?}"
    );
}

#[test]

fn hp0301_points_at_the_theme_name() {
    let c = Clinic::new();
    // site.yaml line 4 `theme: defualt`: column 8.
    c.write("site.yaml", &format!("{SITE3}theme: defualt\n"));
    write_plan(&c, BASE);
    let d = one_of(&c, CHECK, "HP0301");
    assert_eq!(d.file.as_deref(), Some("site.yaml"));
    assert_eq!((d.line, d.column), (Some(4), Some(8)), "{d:?}");

    // plan line 37 `handout: { theme: huge-print }`: column 19.
    let c = Clinic::new();
    write_plan(&c, &format!("{BASE}handout: {{ theme: huge-print }}\n"));
    let d = one_of(&c, CHECK, "HP0301");
    assert_eq!(d.file.as_deref(), Some(PLAN_FILE));
    assert_eq!((d.line, d.column), (Some(37), Some(19)), "{d:?}");
}

#[test]
fn hp0302_names_the_template_and_position() {
    let c = Clinic::new();
    write_plan(&c, BASE);
    // templates/page.html line 2 `{% if %}`: the condition is missing where
    // `%}` is, column 7.
    c.write("templates/page.html", "<p>\n{% if %}\n</p>\n");
    let d = one_of(&c, CHECK, "HP0302");
    assert_eq!(d.file.as_deref(), Some("templates/page.html"), "{d:?}");
    assert_eq!((d.line, d.column), (Some(2), Some(7)), "{d:?}");
    assert!(d.help.is_some(), "{d:?}");
}

#[test]

fn hp0303_render_errors_have_their_own_code() {
    let c = Clinic::new();
    write_plan(&c, BASE);
    // templates/robots.txt line 2 `{{ nope.field }}`: `nope` is column 4.
    c.write("templates/robots.txt", "User-agent: *\n{{ nope.field }}\n");
    let run = json(&c, CHECK);
    assert!(run.with_code("HP0302").is_empty(), "{:#?}", run.diags);
    let d = run.one("HP0303");
    assert_eq!(d.severity, "error");
    assert_eq!(d.file.as_deref(), Some("templates/robots.txt"), "{d:?}");
    assert_eq!((d.line, d.column), (Some(2), Some(4)), "{d:?}");
}

#[test]

fn hp0304_names_the_string_table() {
    let c = Clinic::new();
    write_plan(&c, BASE);
    // line 2 starts with a tab: column 1.
    c.write("themes/default/i18n/en.yaml", "title:\n\tbad: x\n");
    let d = one_of(&c, CHECK, "HP0304");
    assert_eq!(
        d.file.as_deref(),
        Some("themes/default/i18n/en.yaml"),
        "{d:?}"
    );
    assert_eq!((d.line, d.column), (Some(2), Some(1)), "{d:?}");
}

#[test]

fn hp0305_missing_language_points_at_the_plan() {
    let c = Clinic::new();
    // line 4 `  language: fr`: column 13.
    write_plan(
        &c,
        &edit(
            BASE,
            &[(
                "  preferred_name: Mari\n",
                "  preferred_name: Mari\n  language: fr\n",
            )],
        ),
    );
    let d = one_of(&c, CHECK, "HP0305");
    assert_eq!(d.file.as_deref(), Some(PLAN_FILE), "{d:?}");
    assert_eq!((d.line, d.column), (Some(4), Some(13)), "{d:?}");
}

#[test]

fn hp0305_missing_phrases_has_help() {
    let c = Clinic::new();
    write_plan(
        &c,
        &edit(
            BASE,
            &[(
                "  preferred_name: Mari\n",
                "  preferred_name: Mari\n  language: de\n",
            )],
        ),
    );
    c.write("themes/default/i18n/de.yaml", "nav_home: Startseite\n");
    let d = one_of(&c, CHECK, "HP0305");
    assert!(
        d.help.as_deref().is_some_and(|h| h.contains("de.yaml")),
        "{d:?}"
    );
}

#[test]

fn hp0401_points_into_site_yaml() {
    // Nested: the `output:` block is lines 4-6.
    let c = Clinic::new();
    c.write(
        "site.yaml",
        &format!("{SITE3}output:\n  public: public\n  handouts: public/handouts\n"),
    );
    write_plan(&c, BASE);
    let d = one_of(&c, CHECK, "HP0401");
    assert_eq!(d.file.as_deref(), Some("site.yaml"));
    assert!(d.line.is_some_and(|l| (4..=6).contains(&l)), "{d:?}");

    // Over the content folder: `output:` is lines 4-5.
    let c = Clinic::new();
    c.write("site.yaml", &format!("{SITE3}output:\n  public: content\n"));
    write_plan(&c, BASE);
    let d = one_of(&c, CHECK, "HP0401");
    assert_eq!(d.file.as_deref(), Some("site.yaml"), "{d:?}");
    assert!(d.line.is_some_and(|l| (4..=5).contains(&l)), "{d:?}");
}

#[test]
fn an_output_folder_given_as_null_is_the_default_not_a_folder_named_tilde() {
    for output in [
        "output: { public: ~ }",
        "output:\n  public:\n  handouts: null",
    ] {
        let c = Clinic::new();
        c.write("site.yaml", &format!("{SITE3}{output}\n"));
        write_plan(&c, BASE);
        let out = c.cmd(&["build"]).output().unwrap();
        assert!(out.status.success(), "{output}: {}", stderr(&out));
        assert!(c.path().join("public/index.html").is_file(), "{output}");
        assert!(
            c.path().join("handouts/.heropath-output").is_file(),
            "{output}"
        );
        assert!(!c.path().join("~").exists(), "{output}");
        assert!(!c.path().join("null").exists(), "{output}");
    }
}

#[test]

fn hp0401_with_a_relative_root() {
    let c = Clinic::new();
    c.write("site.yaml", &format!("{SITE3}output:\n  public: content\n"));
    write_plan(&c, BASE);
    let name = c.path().file_name().unwrap().to_owned();
    let out = assert_cmd::Command::cargo_bin("heropath")
        .unwrap()
        .current_dir(c.path().parent().unwrap())
        .arg("--root")
        .arg(&name)
        .args(["--today", "2026-11-26", "--format", "json", "check"])
        .env("SOURCE_DATE_EPOCH", "1795651200")
        .output()
        .unwrap();
    let run = read_run(out);
    assert_eq!(run.exit, Some(1), "{:#?}", run.diags);
    run.one("HP0401");
}

#[test]

fn hp0402_has_help() {
    let c = Clinic::new();
    write_plan(&c, BASE);
    c.write("blocker", "a file\n");
    let d = one_of(&c, &["build", "--out", "{root}/blocker/public"], "HP0402");
    assert!(d.help.is_some(), "{d:?}");
}

#[test]

fn positions_match_whole_values_not_prefixes() {
    // A step on lines 28-30; line 30 `      - use: pend`: column 14.
    let c = Clinic::new();
    write_plan(
        &c,
        &edit(
            BASE,
            &[(
                "responsibilities:\n",
                "  - title: More\n    exercises:\n      - use: pend\nresponsibilities:\n",
            )],
        ),
    );
    let d = one_of(&c, CHECK, "HP0006");
    assert_eq!((d.line, d.column), (Some(30), Some(14)), "{d:?}");

    // line 28 `  - title: Calm`: column 12.
    let c = Clinic::new();
    write_plan(
        &c,
        &edit(
            BASE,
            &[(
                "responsibilities:\n",
                "  - title: Calm\nresponsibilities:\n",
            )],
        ),
    );
    let d = one_of(&c, CHECK, "HP0702");
    assert_eq!((d.line, d.column), (Some(28), Some(12)), "{d:?}");
}

#[test]

fn jargon_position_is_the_graded_word() {
    // line 8 `  summary: Pain from reaching up`; line 9
    // `  details: We will measure your ROM.`: `ROM` is column 33.
    let c = Clinic::new();
    write_plan(
        &c,
        &edit(
            BASE,
            &[(
                "  summary: Right shoulder pain when reaching up\n",
                "  summary: Pain from reaching up\n  details: We will measure your ROM.\n",
            )],
        ),
    );
    let d = one_of(&c, CHECK, "HP0602");
    assert_eq!((d.line, d.column), (Some(9), Some(33)), "{d:?}");

    // `in_their_words` (line 9) is not graded; the goal (line 11,
    // `  statement: Ambulate to the park`) is: column 14.
    let c = Clinic::new();
    write_plan(
        &c,
        &edit(
            BASE,
            &[
                (
                    "  in_their_words: \"I can't lift my granddaughter.\"",
                    "  in_their_words: \"I cannot ambulate far.\"",
                ),
                (
                    "  statement: Lift my granddaughter without pain",
                    "  statement: Ambulate to the park",
                ),
            ],
        ),
    );
    let d = one_of(&c, CHECK, "HP0602");
    assert_eq!((d.line, d.column), (Some(11), Some(14)), "{d:?}");
}

#[test]

fn duplicate_key_names_the_key() {
    let c = Clinic::new();
    // line 22 is the second `        sets: 3`: column 9.
    write_plan(
        &c,
        &edit(
            BASE,
            &[("        sets: 2\n", "        sets: 2\n        sets: 3\n")],
        ),
    );
    let d = one_of(&c, CHECK, "HP0001");
    assert!(
        d.message
            .contains("`sets:` appears twice; the first is on line 21"),
        "{d:?}"
    );
    assert!(
        d.help
            .as_deref()
            .is_some_and(|h| h.contains("keep one `sets:`") && h.contains("line 22")),
        "{d:?}"
    );
    assert_eq!((d.line, d.column), (Some(22), Some(9)), "{d:?}");
}

#[test]
fn markers_and_filler_text_are_unfinished_wherever_they_are() {
    let c = Clinic::new();
    write_plan(
        &c,
        &edit(
            BASE,
            &[
                ("focus: We will check your reach.", "focus: TBD"),
                ("  - title: Calm the pain", "  - title: Lorem ipsum dolor"),
                (
                    "patient: [Do your exercises twice a day]",
                    "patient: [Do your exercises FIXME]",
                ),
            ],
        ),
    );
    let run = check(&c);
    let found: Vec<(Option<usize>, &str)> = run
        .with_code("HP0107")
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    // At their lines (17 title, 30 patient, 35 focus), each named.
    assert!(
        found
            .iter()
            .any(|(l, m)| *l == Some(17) && m.contains("filler text")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(l, m)| *l == Some(30) && m.contains("a FIXME left")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(l, m)| *l == Some(35) && m.contains("a TBD left")),
        "{found:#?}"
    );
    // Words that only look like them are left alone.
    write_plan(
        &c,
        &edit(
            BASE,
            &[(
                "focus: We will check your reach.",
                "focus: Bring your XXL shirt; todo list.",
            )],
        ),
    );
    assert!(check(&c).with_code("HP0107").is_empty());
}

#[test]
fn placeholders_people_type_are_unfinished_in_any_field() {
    // Each at its line: summary 8, statement 11, title 17, patient 30,
    // focus 35.
    let typed = [
        (
            "summary: Right shoulder pain when reaching up",
            "summary: N/A",
            8,
        ),
        (
            "statement: Lift my granddaughter without pain",
            "statement: \"[insert goal here]\"",
            11,
        ),
        (
            "  - title: Calm the pain",
            "  - title: \"{{ step title }}\"",
            17,
        ),
        (
            "patient: [Do your exercises twice a day]",
            "patient: [Write the task here]",
            30,
        ),
        ("focus: We will check your reach.", "focus: Por definir", 35),
    ];
    // More a person types, each in the focus line (round 5 of the desk
    // probes: Spanish, the editors' TK, a marked blank, Vietnamese, Arabic).
    for filler in ["Por hacer", "TK", "(blank)", "Cần bổ sung", "قيد الانتظار"] {
        let c = Clinic::new();
        let focus = format!("focus: \"{filler}\"");
        write_plan(
            &c,
            &edit(
                BASE,
                &[("focus: We will check your reach.", focus.as_str())],
            ),
        );
        let lines: Vec<Option<usize>> = check(&c)
            .with_code("HP0107")
            .iter()
            .map(|d| d.line)
            .collect();
        assert_eq!(lines, [Some(35)], "{filler}");
    }
    let c = Clinic::new();
    write_plan(&c, &edit(BASE, &typed.map(|(old, new, _)| (old, new))));
    let run = check(&c);
    let lines: Vec<Option<usize>> = run.with_code("HP0107").iter().map(|d| d.line).collect();
    assert_eq!(
        lines,
        typed.map(|(_, _, line)| Some(line)),
        "{:#?}",
        run.with_code("HP0107")
    );
    assert!(
        run.with_code("HP0107")
            .iter()
            .all(|d| d.message.contains("a placeholder left to fill in")),
        "{:#?}",
        run.with_code("HP0107")
    );
    // Sentences that hold the same words are text.
    write_plan(
        &c,
        &edit(
            BASE,
            &[
                (
                    "focus: We will check your reach.",
                    "focus: Results pending; stand here.",
                ),
                (
                    "  - title: Calm the pain",
                    "  - title: Calm the pain (your goal first)",
                ),
            ],
        ),
    );
    assert!(check(&c).with_code("HP0107").is_empty());
}

#[test]
fn an_empty_bullet_and_a_dose_of_only_a_side_are_reported_at_their_lines() {
    // Line 22 `- name: Shoulder blade squeeze`; its dose keys on 24-26,
    // `side: right` on 27; the patient's tasks on 30.
    let c = Clinic::new();
    write_plan(
        &c,
        &edit(
            BASE,
            &[
                (
                    "        hold_seconds: 5\n        reps: 10\n        per_day: 2\n",
                    "",
                ),
                (
                    "  patient: [Do your exercises twice a day]",
                    "  patient:\n    - Do your exercises twice a day\n    - \"\"",
                ),
                (
                    "        instructions: Sit tall. Squeeze your shoulder blades together.\n",
                    "        instructions: Sit tall. Squeeze your shoulder blades together.\n        cues: [Breathe, \"...\"]\n",
                ),
            ],
        ),
    );
    let run = check(&c);
    let lines =
        |code: &str| -> Vec<Option<usize>> { run.with_code(code).iter().map(|d| d.line).collect() };
    // The side alone says neither how much nor how often.
    assert_eq!(
        lines("HP0701"),
        [Some(22)],
        "{:#?}",
        run.with_code("HP0701")
    );
    // The cue on line 24 and the second task on line 30 would print as
    // empty bullets.
    let empty = run.with_code("HP0108");
    assert_eq!(lines("HP0108"), [Some(24), Some(30)], "{empty:#?}");
    assert!(
        empty[0]
            .message
            .contains("cue 2 of step 1, exercise 2 holds no words"),
        "{empty:#?}"
    );
    assert!(
        empty[1]
            .message
            .contains("item 2 of `responsibilities.patient` is empty"),
        "{empty:#?}"
    );
}

#[test]
fn contact_fields_as_people_write_them_are_no_mistake() {
    let c = Clinic::new();
    // A display name around the address, two numbers, an extension,
    // full-width digits: the guard can look for each.
    for (phone, email) in [
        (
            "phone: \"(302) 555-0142 / 555-0199\"",
            "email: \"Maria Lopez <maria.lopez@mail.test>\"",
        ),
        (
            "phone: \"+1 302 555 0142 ext. 12\"",
            "email: maria.lopez@mail.test, m.lopez@work.example",
        ),
        ("phone: \"０３-１２３４-５６７８\"", "email: ana＠mail.test"),
    ] {
        write_plan(
            &c,
            &edit(
                BASE,
                &[
                    ("phone: \"(302) 555-0142\"", phone),
                    ("email: maria.lopez@mail.test", email),
                ],
            ),
        );
        let run = check(&c);
        let found = run.with_code("HP0716");
        assert!(found.is_empty(), "{phone} {email}: {found:#?}");
    }
    // Each address that is not one is named; a field with no address at
    // all is named whole.
    write_plan(
        &c,
        &edit(
            BASE,
            &[(
                "email: maria.lopez@mail.test",
                "email: \"maria.lopez@mail, maria@@mail.test\"",
            )],
        ),
    );
    assert_eq!(check(&c).with_code("HP0716").len(), 2);
    write_plan(
        &c,
        &edit(
            BASE,
            &[("email: maria.lopez@mail.test", "email: Maria Lopez")],
        ),
    );
    let d = check(&c).one("HP0716").clone();
    assert!(d.message.contains("`Maria Lopez`"), "{d:?}");
}

#[test]
fn a_birth_date_more_than_120_years_ago_cannot_be_right_but_116_can() {
    let c = Clinic::new();
    write_plan(
        &c,
        &edit(
            BASE,
            &[("birth_date: 1968-04-12", "birth_date: 1868-04-12")],
        ),
    );
    let d = check(&c).one("HP0715").clone();
    assert!(d.message.contains("more than 120 years ago"), "{d:?}");
    write_plan(
        &c,
        &edit(
            BASE,
            &[("birth_date: 1968-04-12", "birth_date: 1910-04-12")],
        ),
    );
    assert!(check(&c).with_code("HP0715").is_empty());
    // A visit within the year is no mistyped year.
    write_plan(&c, &edit(BASE, &[("date: 2026-12-03", "date: 2027-11-20")]));
    assert!(check(&c).with_code("HP0714").is_empty());
}

#[test]
fn a_required_text_of_marks_only_or_a_name_without_letters_is_empty() {
    let c = Clinic::new();
    write_plan(
        &c,
        &edit(
            BASE,
            &[
                ("name: Maria Lopez", "name: \"12345\""),
                ("title: Calm the pain", "title: \"???\""),
            ],
        ),
    );
    let run = check(&c);
    let found: Vec<(Option<usize>, &str)> = run
        .with_code("HP0108")
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (Some(2), "`patient.name` has no letter (`12345`)"),
            (Some(17), "the title of step 1 holds no words (`???`)"),
        ],
        "{found:#?}"
    );
    // Digits and words in other scripts are words.
    write_plan(
        &c,
        &edit(
            BASE,
            &[
                ("title: Calm the pain", "title: \"2 weeks\""),
                ("name: Maria Lopez", "name: 王小明"),
            ],
        ),
    );
    assert!(check(&c).with_code("HP0108").is_empty());
}

#[test]
fn a_marker_hidden_by_invisible_or_full_width_letters_or_a_merge_field_is_unfinished() {
    let cases = [
        r#""TO\u00adDO: fill in""#,
        r#""T\u200bODO: fill""#,
        "\"TO\u{ad}DO: pasted from a word processor\"",
        "\"\u{FF34}\u{FF2F}\u{FF24}\u{FF2F}: fill\"",
        "\"{goal}\"",
        "\"${goal}\"",
        "\"{% goal %}\"",
        "\"[[goal]]\"",
        "\"%GOAL%\"",
    ];
    for v in cases {
        let c = Clinic::new();
        write_plan(
            &c,
            &BASE.replace(
                "statement: Lift my granddaughter without pain",
                &format!("statement: {v}"),
            ),
        );
        let d = one_of(&c, CHECK, "HP0107");
        assert_eq!(d.line, Some(11), "{v}: {d:?}");
    }
    // Text that only looks like a slot stays text.
    let c = Clinic::new();
    write_plan(
        &c,
        &BASE.replace(
            "statement: Lift my granddaughter without pain",
            "statement: Lift at 50% to 80% of your effort",
        ),
    );
    assert!(json(&c, CHECK).with_code("HP0107").is_empty());
}

#[test]
fn a_free_text_measure_whose_now_or_target_holds_no_words_is_empty() {
    for (now, target) in [
        ("\"???\"", "Pain 1 out of 10"),
        ("Pain 6 out of 10", "\"???\""),
    ] {
        let c = Clinic::new();
        write_plan(
            &c,
            &BASE.replace(
                "now: Pain 6 out of 10, target: Pain 1 out of 10",
                &format!("now: {now}, target: {target}"),
            ),
        );
        let d = one_of(&c, CHECK, "HP0108");
        assert_eq!(d.line, Some(15), "{now} {target}: {d:?}");
        assert!(d.message.contains("???"), "{d:?}");
    }
}
