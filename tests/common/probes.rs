//! Fixtures and runners shared by the privacy red-team suites
//! (`tests/privacy_guard.rs`, `tests/privacy_more.rs`): plans for a given
//! patient, story blocks, pages, and the build-twice runner that checks a
//! leak leaves the previous `public/` untouched.

use super::*;
use std::process::Output;

/// A plan for the patient whose YAML lines (unindented, under `patient:`)
/// are `patient`, with the rest of the sample plan and `story` (a story
/// block or "") after it.
pub fn plan(patient: &str, story: &str) -> String {
    let rest = PLAN
        .split_once("problem:\n")
        .expect("PLAN has a problem block")
        .1;
    let mut out = String::from("patient:\n");
    for line in patient.lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    format!("{out}problem:\n{rest}{story}")
}

/// A consented story block; `body` may hold any text (it is a YAML block
/// scalar); `extra` is more story keys, each line indented by two spaces.
pub fn story(display: &str, body: &str, extra: &str) -> String {
    let mut b = String::new();
    for line in body.lines() {
        b.push_str("    ");
        b.push_str(line);
        b.push('\n');
    }
    format!(
        "story:\n  title: Back to hugging her granddaughter\n  display_name: {display}\n  tags: [shoulder]\n  quote: I picked her up last week.\n  published_on: 2026-11-25\n  body: |\n{b}  consent:\n    signed_on: 2026-11-20\n    scope: [website]\n    expires_on: 2027-11-20\n{extra}"
    )
}

/// The clean clinic the red-team suites add their probes to: a plan for
/// each of `patients` (the YAML lines under `patient:`), as p1.yaml,
/// p2.yaml…, and a harmless news page.
pub fn patients_clinic(c: &Clinic, patients: &[&str]) {
    for (i, p) in patients.iter().enumerate() {
        c.write(&format!("content/plans/p{}.yaml", i + 1), &plan(p, ""));
    }
    c.write("content/pages/news.md", &page("Nothing new this week."));
}

/// site.yaml with `extra` appended (e.g. a `privacy:` block).
pub fn site(extra: &str) -> String {
    format!("{SITE}{extra}")
}

/// A Markdown page whose body starts on line 4.
pub fn page(body: &str) -> String {
    format!("---\ntitle: News\n---\n{body}\n")
}

pub fn write_bytes(c: &Clinic, rel: &str, bytes: &[u8]) {
    let p = c.path().join(rel);
    std::fs::create_dir_all(p.parent().expect("has parent")).expect("mkdir");
    std::fs::write(p, bytes).expect("write fixture");
}

pub fn build(c: &Clinic, args: &[&str]) -> Output {
    c.cmd(args).output().expect("run heropath")
}

/// The first three lines of `s` worth reading: its errors if it has any
/// (warnings come first in heropath's output), else its first lines.
pub fn head(s: &str) -> String {
    let errors: Vec<&str> = s.lines().filter(|l| l.contains("error")).take(3).collect();
    let lines: Vec<&str> = if errors.is_empty() {
        s.lines().filter(|l| !l.trim().is_empty()).take(3).collect()
    } else {
        errors
    };
    if lines.is_empty() {
        "(no output)".into()
    } else {
        lines.join(" | ")
    }
}

/// Does `out` repeat `secret` in full? Digit-only secrets are looked for in
/// the digits of the output (so "555 0142" and "555-0142" both count);
/// others case-insensitively.
pub fn reveals(out: &str, secret: &str) -> bool {
    if secret.bytes().all(|b| b.is_ascii_digit()) {
        let digits: String = out.chars().filter(char::is_ascii_digit).collect();
        digits.contains(secret)
    } else {
        out.to_lowercase().contains(&secret.to_lowercase())
    }
}

/// What a probe reports when [`leak_build`] found the previous output
/// touched.
pub const OUTPUT_CHANGED: &str = "the previous output (public/ or handouts/) was changed, or a staging folder was left beside it";

/// Build the clean clinic made by `base`; then apply `leak` and build again
/// with `args`. Returns the second build's output and whether the previous
/// output stayed as it was (`public/` and `handouts/` byte-for-byte the
/// same, no staging folder left beside them: a failed build renders the
/// handouts into one, beside the public site, and must remove it), or why
/// the baseline is unusable.
pub fn leak_build(
    base: &dyn Fn(&Clinic),
    leak: &dyn Fn(&Clinic),
    args: &[&str],
) -> Result<(Output, bool), String> {
    let c = Clinic::new();
    base(&c);
    let out = build(&c, &["build"]);
    if !out.status.success() {
        return Err(format!(
            "the clean baseline did not build (exit {:?}): {}",
            out.status.code(),
            head(&stderr(&out))
        ));
    }
    let before = (c.tree("public"), c.tree("handouts"));
    if before.0.is_empty() {
        return Err("the clean baseline wrote no public/ files".into());
    }
    leak(&c);
    let out = build(&c, args);
    let staging_left = std::fs::read_dir(c.path())
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .any(|n| n.contains(".heropath-new-") || n.contains(".heropath-old-"));
    let untouched = (c.tree("public"), c.tree("handouts")) == before && !staging_left;
    Ok((out, untouched))
}

/// A CLEAN probe: the build succeeds and each of `shows` is somewhere in
/// `public/` (else the probe itself is broken).
pub fn expect_clean(setup: &dyn Fn(&Clinic), shows: &[&str]) -> Option<String> {
    let c = Clinic::new();
    setup(&c);
    let out = build(&c, &["build"]);
    if !out.status.success() {
        return Some(format!(
            "the build failed (exit {:?}): {}",
            out.status.code(),
            head(&stderr(&out))
        ));
    }
    let public: Vec<String> = c
        .tree("public")
        .into_iter()
        .map(|(_, b)| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let missing: Vec<&&str> = shows
        .iter()
        .filter(|s| !public.iter().any(|f| f.contains(**s)))
        .collect();
    (!missing.is_empty()).then(|| format!("probe broken: public/ lacks {missing:?}"))
}

/// The clean clinic that `base` makes, with each `(file, text)` of `files`
/// added, builds, and each of `shows` is on the public site.
pub fn assert_clean_over(base: &dyn Fn(&Clinic), files: &[(&str, &str)], shows: &[&str]) {
    let setup = |c: &Clinic| {
        base(c);
        for (rel, text) in files {
            write_bytes(c, rel, text.as_bytes());
        }
    };
    if let Some(why) = expect_clean(&setup, shows) {
        panic!("{files:?}: {why}");
    }
}

/// Each `(file, text)` put in turn into the clean clinic that `base` makes
/// must fail the build on the guard (HP0501), keep the previous output and
/// never print any of `secrets`. Every probe is tried; the failures are
/// reported together.
pub fn assert_leaks_over(base: &dyn Fn(&Clinic), probes: &[(&str, &str)], secrets: &[&str]) {
    let failures: Vec<String> = probes
        .iter()
        .filter_map(|(rel, text)| {
            refusal(base, rel, text.as_bytes(), "HP0501", None, secrets)
                .map(|why| format!("{rel} {text:?}: {why}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Why putting `bytes` at `rel` into the clean clinic that `base` makes
/// is not refused as it must be (none when it is): the build fails with
/// `code` (on a line naming `named`, when given), keeps the previous
/// output and prints none of `secrets`.
pub fn refusal(
    base: &dyn Fn(&Clinic),
    rel: &str,
    bytes: &[u8],
    code: &str,
    named: Option<&str>,
    secrets: &[&str],
) -> Option<String> {
    let leak = |c: &Clinic| write_bytes(c, rel, bytes);
    let (out, untouched) = match leak_build(base, &leak, &["build"]) {
        Ok(r) => r,
        Err(why) => return Some(why),
    };
    let err = stderr(&out);
    let mut why = Vec::new();
    let refused = err
        .lines()
        .any(|l| l.contains(&format!("error[{code}]")) && named.is_none_or(|n| l.contains(n)));
    if out.status.code() != Some(1) || !refused {
        why.push(format!(
            "not refused with {code} (exit {:?}): {}",
            out.status.code(),
            head(&err)
        ));
    }
    if !untouched {
        why.push(OUTPUT_CHANGED.to_string());
    }
    for s in secrets {
        if reveals(&err, s) {
            why.push(format!("stderr repeats {s:?}"));
        }
    }
    (!why.is_empty()).then(|| why.join("; "))
}

/// The CRC-32 (IEEE) of `bytes`, as PNG chunks and gzip trailers carry it:
/// the probes build such files by hand, without a dependency.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A page at content/pages/news.md whose body is `body`.
pub fn news_page(body: &str) -> (&'static str, String) {
    ("content/pages/news.md", page(body))
}

/// [`assert_clean_over`] for pages and files given as owned text.
pub fn assert_clean_pages_over(base: &dyn Fn(&Clinic), files: &[(&str, String)], shows: &[&str]) {
    let files: Vec<(&str, &str)> = files.iter().map(|(r, t)| (*r, t.as_str())).collect();
    assert_clean_over(base, &files, shows);
}

/// [`assert_leaks_over`] for each of `bodies` as the news page.
pub fn assert_leaks_on_pages_over(base: &dyn Fn(&Clinic), bodies: &[&str], secrets: &[&str]) {
    let pages: Vec<(&str, String)> = bodies.iter().map(|b| news_page(b)).collect();
    let probes: Vec<(&str, &str)> = pages.iter().map(|(r, t)| (*r, t.as_str())).collect();
    assert_leaks_over(base, &probes, secrets);
}
