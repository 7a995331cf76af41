//! Shared fixtures: small clinic folders in temporary directories, and a
//! runner for the real `heropath` binary.
#![allow(dead_code)]

pub mod files;
pub mod fonts;
pub mod gif;
pub mod probes;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The day the tests judge consent against (`--today`), and the day of
/// the SOURCE_DATE_EPOCH they set (1795651200).
pub const TODAY: &str = "2026-11-26";

/// A clinic folder in a temporary directory.
pub struct Clinic {
    pub dir: TempDir,
}

pub const SITE: &str = "\
title: Test Clinic
base_url: https://clinic.test
language: en
clinic:
  name: Test Clinic
  phone: \"(555) 555-0100\"
  clinician: { name: Sam Rivera, credentials: \"PT, DPT\" }
";

pub const PENDULUM: &str = "\
name: Pendulum swing
instructions: |
  1. Lean on a table.
  2. Let your arm hang.
  3. Swing it in small circles.
cues: [Keep your shoulder relaxed]
video: https://videos.example-pt.test/pendulum
dose: { reps: 10, per_day: 2 }
";

/// A complete plan; `{story}` is replaced by a story block (or nothing).
pub const PLAN: &str = "\
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

/// `PLAN` with a cue and a video on its inline exercise, so the PEMAT card
/// advice (HP0711, HP0712) has nothing to say, and a standard outcome
/// measure (else HP0115): for tests that need a build without any warning.
/// `PLAN`'s line numbers up to its first measure (line 15) stay; later
/// ones move down by one, and after the exercise by three.
#[allow(dead_code)]
pub fn plan_without_card_advice() -> String {
    PLAN.replacen(
        "        side: right\n",
        "        side: right\n        cues: [Breathe out as you squeeze]\n        video: https://videos.example-pt.test/squeeze\n",
        1,
    )
    .replacen(
        "target: Pain 1 out of 10 }\n",
        "target: Pain 1 out of 10 }\n    - { measure: nprs, now: 6, target: 1 }\n",
        1,
    )
}

pub const STORY: &str = "\
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

impl Clinic {
    /// A clinic with site.yaml, the pendulum exercise and no plans.
    pub fn new() -> Clinic {
        let c = Clinic {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        c.write("site.yaml", SITE);
        c.write("content/exercises/pendulum.yaml", PENDULUM);
        c
    }

    /// A clinic with the full sample plan `maria-lopez` (with a story).
    pub fn with_plan() -> Clinic {
        let c = Clinic::new();
        c.write("content/plans/maria-lopez.yaml", &format!("{PLAN}{STORY}"));
        c
    }

    /// A copy of this repository's sample clinic.
    pub fn sample() -> Clinic {
        let c = Clinic {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(repo.join("site.yaml"), c.path().join("site.yaml")).expect("copy site.yaml");
        for dir in ["content", "themes"] {
            copy_dir(&repo.join(dir), &c.path().join(dir));
        }
        c
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("has parent")).expect("mkdir");
        std::fs::write(p, text).expect("write fixture");
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// `heropath --root <clinic> --today 2026-11-26 args…`, with
    /// SOURCE_DATE_EPOCH set to the same day: consent expiry does not
    /// depend on the clock, and dates written into output are fixed.
    pub fn cmd(&self, args: &[&str]) -> Command {
        self.cmd_on(TODAY, args)
    }

    /// [`Clinic::cmd`], judging consent as on `today` (YYYY-MM-DD) while
    /// SOURCE_DATE_EPOCH stays 2026-11-26.
    pub fn cmd_on(&self, today: &str, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("heropath").expect("binary built");
        c.arg("--root").arg(self.path());
        c.args(["--today", today]).args(args);
        c.env("SOURCE_DATE_EPOCH", "1795651200");
        c.env_remove("NO_COLOR");
        c
    }

    /// Every file under `rel`, as (path relative to it, bytes), sorted.
    /// Each built handout of a plan, as (slug, path), sorted: the HTML
    /// files of `handouts/` whose slug is a plan's (not the caseload pages).
    pub fn plan_handouts(&self) -> Vec<(String, PathBuf)> {
        let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(self.path().join("handouts"))
            .expect("handouts/")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .filter_map(|p| {
                let slug = p.file_stem()?.to_string_lossy().into_owned();
                let plan = self.path().join(format!("content/plans/{slug}.yaml"));
                plan.exists().then_some((slug, p))
            })
            .collect();
        out.sort();
        out
    }

    pub fn tree(&self, rel: &str) -> Vec<(PathBuf, Vec<u8>)> {
        let base = self.path().join(rel);
        let mut out: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(&base)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(&base).unwrap().to_path_buf(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        out.sort();
        out
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// The text of an HTML document with tags removed and whitespace folded.
pub fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A JPEG skeleton whose EXIF says where it was taken: IFD0 points to a
/// GPS directory holding GPSLatitudeRef ("N") and, when `position`, the
/// GPSLatitude itself (three rationals: 39° 40' 59").
pub fn jpeg_with_gps(position: bool) -> Vec<u8> {
    // TIFF, little-endian: header, IFD0 at 8 with one entry (the GPS
    // pointer), the GPS IFD at 26, the rationals after it.
    let mut t: Vec<u8> = b"II*\0".to_vec();
    t.extend_from_slice(&8u32.to_le_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, ty: u16, count: u32, value: u32| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&ty.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value.to_le_bytes());
    };
    t.extend_from_slice(&1u16.to_le_bytes());
    entry(&mut t, 0x8825, 4, 1, 26);
    t.extend_from_slice(&0u32.to_le_bytes());
    let n: u16 = if position { 2 } else { 1 };
    t.extend_from_slice(&n.to_le_bytes());
    entry(&mut t, 0x0001, 2, 2, u32::from(b'N'));
    let rationals = 26 + 2 + 12 * u32::from(n) + 4;
    if position {
        entry(&mut t, 0x0002, 5, 3, rationals);
    }
    t.extend_from_slice(&0u32.to_le_bytes());
    if position {
        for v in [39u32, 1, 40, 1, 59, 1] {
            t.extend_from_slice(&v.to_le_bytes());
        }
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&t);
    let mut out = vec![0xff, 0xd8, 0xff, 0xe1];
    out.extend_from_slice(&u16::try_from(app1.len() + 2).expect("small").to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&[0xff, 0xd9]);
    out
}

/// The `href`s of a page, in order.
pub fn hrefs(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|h| h.find('"').map(|end| &h[..end]))
        .collect()
}

/// A stand-in for Chromium: writes `--print-to-pdf=FILE` with its
/// arguments (which name a fresh profile folder per run, so two printings
/// differ).
#[cfg(unix)]
pub fn fake_chromium(c: &Clinic) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = c.path().join("fake-chromium");
    std::fs::write(
        &path,
        "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) printf '%%PDF-1.4 fake %s %s\\n' \"$$\" \"$*\" > \"${a#--print-to-pdf=}\";; esac; done\n",
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// `check --format short` over the clinic `c`: the exit code and what it
/// printed.
pub fn check_short(c: &Clinic) -> (Option<i32>, String) {
    let out = c
        .cmd(&["--format", "short", "check"])
        .output()
        .expect("run heropath");
    (out.status.code(), stderr(&out))
}

/// [`check_short`] over a clinic with the sample plan, as
/// `content/plans/maria-lopez.yaml`, edited by `edits` (each `(from, to)`
/// replaces the first `from`, which must be there).
pub fn check_edited(edits: &[(&str, &str)]) -> (Option<i32>, String) {
    let c = Clinic::with_plan();
    let mut plan = PLAN.to_string();
    for (from, to) in edits {
        assert!(plan.contains(from), "{from}");
        plan = plan.replacen(from, to, 1);
    }
    c.write("content/plans/maria-lopez.yaml", &plan);
    check_short(&c)
}
