//! Handouts printed by a real browser: page count, text, QR codes, large
//! print, Spanish, and cards that never split across pages.
//!
//! Needs Debian's `chromium`, `poppler-utils` and `zbar-tools` (`.ci/run`
//! installs them). Outside CI a missing tool skips these tests with a note;
//! under `CI=true` it fails them.

mod common;
use common::*;
use heropath::content::plan::Plan;
use std::path::{Path, PathBuf};
use std::process::Command;

fn tool(name: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// True when the browser tools are here; false (skip) outside CI; panics in CI.
fn tools_present() -> bool {
    let missing: Vec<&str> = ["chromium", "pdfinfo", "pdftotext", "pdftoppm", "zbarimg"]
        .into_iter()
        .filter(|t| !tool(t))
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var("CI").is_err(),
        "CI must install {missing:?} (see .ci/run)"
    );
    eprintln!("skipping browser test: {missing:?} not installed");
    false
}

fn chromium(args: &[&str], profile: &Path) -> std::process::Output {
    Command::new("chromium")
        .args(heropath::build::pdf::HEADLESS_FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("run chromium")
}

fn print_pdf(html: &Path, work: &Path) -> PathBuf {
    let pdf = work.join(format!(
        "{}.pdf",
        html.file_stem().unwrap().to_string_lossy()
    ));
    let out = chromium(
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", html.display()),
        ],
        &work.join("profile"),
    );
    assert!(
        pdf.exists(),
        "chromium did not print {}: {}",
        html.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&out.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

fn pdf_text(pdf: &Path, page: Option<usize>) -> String {
    let mut cmd = Command::new("pdftotext");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd.arg(pdf).arg("-").output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn plan(c: &Clinic, slug: &str) -> Plan {
    heropath::content::yaml::parse(
        &c.read(&format!("content/plans/{slug}.yaml")),
        Path::new("x"),
    )
    .unwrap()
}

fn exercise_names(c: &Clinic, plan: &Plan) -> Vec<String> {
    plan.steps
        .iter()
        .flat_map(|s| &s.exercises)
        .map(|e| match (&e.name, &e.use_id) {
            (Some(n), _) => n.clone(),
            (None, Some(id)) => {
                let e: heropath::content::plan::Exercise = heropath::content::yaml::parse(
                    &c.read(&format!("content/exercises/{id}.yaml")),
                    Path::new("x"),
                )
                .unwrap();
                e.name
            }
            _ => unreachable!(),
        })
        .collect()
}

#[test]
fn every_sample_handout_prints_on_at_most_two_pages_with_names_and_exercises() {
    if !tools_present() {
        return;
    }
    let c = Clinic::sample();
    c.cmd(&["build"]).assert().success();
    let work = tempfile::tempdir().unwrap();
    let mut printed = 0;
    for (slug, html) in c.plan_handouts() {
        let p = plan(&c, &slug);
        let pdf = print_pdf(&html, work.path());
        let n = pages(&pdf);
        let large = p.handout.as_ref().and_then(|h| h.theme.as_deref()) == Some("large-print");
        // Two sheets' sides. Large print (18 pt, one column, cards that may
        // go on over a page break) takes more.
        let max = if large { 5 } else { 2 };
        assert!(n <= max, "{slug}: {n} pages (at most {max})");
        let text = pdf_text(&pdf, None);
        assert!(
            text.contains(p.patient.preferred()),
            "{slug}: PDF lacks the preferred name"
        );
        for name in exercise_names(&c, &p) {
            let words = name.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains(&words), "{slug}: PDF lacks exercise {name}");
        }
        printed += 1;
    }
    assert!(printed >= 4);
}

#[test]
fn qr_codes_decode_to_the_video_urls() {
    if !tools_present() {
        return;
    }
    let c = Clinic::sample();
    c.cmd(&["build"]).assert().success();
    let work = tempfile::tempdir().unwrap();
    let pdf = print_pdf(&c.path().join("handouts/maria-lopez.html"), work.path());
    let prefix = work.path().join("page");
    let st = Command::new("pdftoppm")
        .args(["-r", "200", "-png"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(st.success());
    let mut decoded = Vec::new();
    for e in std::fs::read_dir(work.path()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "png") {
            let out = Command::new("zbarimg")
                .args(["--raw", "-q"])
                .arg(&p)
                .output()
                .unwrap();
            decoded.extend(
                String::from_utf8_lossy(&out.stdout)
                    .lines()
                    .map(str::to_string),
            );
        }
    }
    decoded.sort();
    decoded.dedup();
    let p = plan(&c, "maria-lopez");
    let mut want: Vec<String> = p
        .steps
        .iter()
        .flat_map(|s| &s.exercises)
        .filter_map(|e| {
            e.video.clone().or_else(|| {
                let id = e.use_id.as_ref()?;
                let ex: heropath::content::plan::Exercise = heropath::content::yaml::parse(
                    &c.read(&format!("content/exercises/{id}.yaml")),
                    Path::new("x"),
                )
                .unwrap();
                ex.video
            })
        })
        .collect();
    want.sort();
    want.dedup();
    assert!(
        !want.is_empty(),
        "the sample plan should have exercise videos"
    );
    assert_eq!(decoded, want);
}

#[test]
fn large_print_theme_body_is_at_least_18pt() {
    if !tools_present() {
        return;
    }
    let c = Clinic::sample();
    c.cmd(&["build"]).assert().success();
    let work = tempfile::tempdir().unwrap();
    let size_of = |slug: &str| -> f64 {
        let html = c.read(&format!("handouts/{slug}.html"));
        let probe = html.replace("</body>", "<script>document.body.setAttribute('data-fs', getComputedStyle(document.body).fontSize)</script></body>");
        let file = work.path().join(format!("{slug}-probe.html"));
        std::fs::write(&file, probe).unwrap();
        let out = chromium(
            &["--dump-dom", &format!("file://{}", file.display())],
            &work.path().join("profile"),
        );
        let dom = String::from_utf8_lossy(&out.stdout);
        let px: f64 = dom
            .split("data-fs=\"")
            .nth(1)
            .and_then(|s| s.split("px").next())
            .and_then(|s| s.parse().ok())
            .expect("computed font size");
        px * 0.75
    };
    let large = plan(&c, "dorothy-walker");
    assert_eq!(
        large.handout.and_then(|h| h.theme).as_deref(),
        Some("large-print")
    );
    let big = size_of("dorothy-walker");
    assert!(big >= 18.0, "large-print body is {big}pt");
    let normal = size_of("maria-lopez");
    assert!(normal >= 12.0 && normal < big, "default body is {normal}pt");
}

#[test]
fn spanish_plan_renders_spanish_phrases_and_dates() {
    let c = Clinic::sample();
    c.cmd(&["build"]).assert().success();
    let p = plan(&c, "rosa-hernandez");
    assert_eq!(p.patient.language.as_deref(), Some("es"));
    let html = c.read("handouts/rosa-hernandez.html");
    assert!(html.contains("<html lang=\"es\""));
    let text = text_of(&html);
    assert!(
        text.contains("de diciembre de 2026"),
        "Spanish date: {text}"
    );
    assert!(text.contains("Juntos vamos a"), "{text}");
    assert!(text.contains("Su próxima visita"), "{text}");
    assert!(
        !text.contains("Your next visit"),
        "English phrase in a Spanish handout"
    );
}

#[test]
fn six_exercises_print_with_every_card_whole() {
    if !tools_present() {
        return;
    }
    let c = Clinic::new();
    let exercises: String = (1..=6)
        .map(|i| format!("      - name: Exercise number {i}\n        instructions: \"1. Stand up tall.\\n2. Move slowly.\\n3. Breathe out.\\n4. Rest.\"\n        reps: {}\n        per_day: 2\n", 10 + i))
        .collect();
    let plan = PLAN.replace("      - use: pendulum\n        sets: 2\n", &exercises);
    c.write("content/plans/six.yaml", &plan);
    c.cmd(&["build"]).assert().success();
    let work = tempfile::tempdir().unwrap();
    let pdf = print_pdf(&c.path().join("handouts/six.html"), work.path());
    let n = pages(&pdf);
    let per_page: Vec<String> = (1..=n).map(|p| pdf_text(&pdf, Some(p))).collect();
    for i in 1..=6 {
        let name = format!("Exercise number {i}");
        let dose = format!("Do it {} times.", 10 + i);
        let page_of = |needle: &str| per_page.iter().position(|t| t.contains(needle));
        let (a, b) = (page_of(&name), page_of(&dose));
        assert!(a.is_some(), "card {i} missing");
        assert_eq!(a, b, "card {i} is split across pages");
    }
}

#[test]
fn handout_pdf_flag_prints_or_explains() {
    let c = Clinic::with_plan();
    let out = c
        .cmd(&["handout", "content/plans/maria-lopez.yaml", "--pdf"])
        .env("HEROPATH_CHROMIUM", "/nonexistent/chromium")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("apt-get install chromium"), "{err}");
    assert!(
        c.path().join("handouts/maria-lopez.html").exists(),
        "the HTML is still written"
    );
    if tools_present() {
        let out = c
            .cmd(&["handout", "content/plans/maria-lopez.yaml", "--pdf"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(pages(&c.path().join("handouts/maria-lopez.pdf")) >= 1);
    }
}

/// A sample plan in `lang`, without its story.
fn sample_plan_in(slug: &str, lang: &str) -> Clinic {
    let c = Clinic::sample();
    let rel = format!("content/plans/{slug}.yaml");
    let plan = c.read(&rel);
    let plan = if plan.contains("  language: en\n") {
        plan.replace("  language: en\n", &format!("  language: {lang}\n"))
    } else {
        plan.replacen("patient:\n", &format!("patient:\n  language: {lang}\n"), 1)
    };
    assert!(plan.contains(&format!("  language: {lang}\n")));
    let plan = plan
        .find("\nstory:")
        .map_or(plan.clone(), |i| plan[..=i].to_string());
    c.write(&rel, &plan);
    c
}

/// Full sample plans for the two-page tests in other languages: three
/// exercises each, with pictures, video codes, a picture without a code,
/// standard measures and a goal table. (A plan with four exercises and
/// four measures takes a third page in Spanish, Vietnamese and Arabic,
/// whose words and lines run longer: see docs/pemat.md.)
const FULL_PLANS: [&str; 2] = ["daniel-okafor", "alexandra-nguyen"];

#[test]
fn arabic_handout_prints_right_to_left_on_at_most_two_pages() {
    if !tools_present() {
        return;
    }
    for slug in FULL_PLANS {
        let c = sample_plan_in(slug, "ar");
        c.cmd(&["build"]).assert().success();
        let html = c.path().join(format!("handouts/{slug}.html"));
        let text = std::fs::read_to_string(&html).unwrap();
        assert!(text.contains("<html lang=\"ar\" dir=\"rtl\">"));
        let work = tempfile::tempdir().unwrap();
        let pdf = print_pdf(&html, work.path());
        let n = pages(&pdf);
        assert!(
            (1..=2).contains(&n),
            "{slug}: Arabic handout: {n} pages (at most 2)"
        );
        // Numbers and doses stay readable in the right-to-left text.
        let printed = pdf_text(&pdf, None);
        let plan: heropath::content::plan::Plan = heropath::content::yaml::parse(
            &c.read(&format!("content/plans/{slug}.yaml")),
            Path::new("x"),
        )
        .unwrap();
        assert!(printed.contains(plan.patient.preferred()), "{printed}");
        assert!(
            printed
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "no Arabic text: {printed}"
        );
    }
}

#[test]
fn spanish_chinese_and_vietnamese_handouts_print_on_at_most_two_pages() {
    if !tools_present() {
        return;
    }
    for slug in FULL_PLANS {
        for lang in ["es", "zh", "vi"] {
            let c = sample_plan_in(slug, lang);
            c.cmd(&["build"]).assert().success();
            let html = c.path().join(format!("handouts/{slug}.html"));
            let work = tempfile::tempdir().unwrap();
            let n = pages(&print_pdf(&html, work.path()));
            assert!(
                (1..=2).contains(&n),
                "{slug} in {lang}: {n} pages (at most 2)"
            );
        }
    }
}

/// The journey (issue 16): three charted measures, a text one and ten
/// visits still print on two pages, charts and sentences included.
#[test]
fn three_charted_measures_and_ten_visits_print_on_two_pages() {
    if !tools_present() {
        return;
    }
    let c = Clinic::new();
    let measures = concat!(
        "    - { name: Stair pain, id: stairs, now: \"7\", target: \"2\", scale: { min: 0, max: 10, better: lower, unit: out of 10 } }\n",
        "    - { name: Knee bend, id: bend, now: \"90\", target: \"120\", scale: { min: 0, max: 150, better: higher, unit: degrees } }\n",
        "    - { name: Walking, id: walk, now: \"5\", target: \"30\", scale: { min: 0, max: 60, better: higher, unit: minutes } }\n",
        "    - { name: Reaching up, now: Shoulder height, target: All the way up }\n",
    );
    let mut visits = String::from("visits:\n");
    for i in 0..10 {
        visits.push_str(&format!(
            "  - date: 2026-09-{:02}\n    measures: {{ stairs: {}, bend: {}, walk: {}, Reaching up: Step {i} }}\n    note: Visit {i}.\n",
            1 + i * 3,
            7 - i / 2,
            90 + i * 3,
            5 + i * 2
        ));
    }
    let plan = PLAN
        .replace("agreed_on: 2026-11-20", "agreed_on: 2026-08-25")
        .replace(
            "    - { name: Reaching up, now: Pain 6 out of 10, target: Pain 1 out of 10 }\n",
            measures,
        )
        .replacen("\nsteps:\n", &format!("\n{visits}steps:\n"), 1);
    c.write("content/plans/maria-lopez.yaml", &plan);
    c.cmd(&["build"]).assert().success();
    let work = tempfile::tempdir().unwrap();
    let pdf = print_pdf(&c.path().join("handouts/maria-lopez.html"), work.path());
    assert!(pages(&pdf) <= 2, "{} pages", pages(&pdf));
    let text = pdf_text(&pdf, None);
    for want in [
        "How far you've come",
        "Your stair pain went from 7 to 3 out of 10.",
        "Your knee bend went from 90 to 117 degrees.",
        "Your walking went from 5 to 23 minutes.",
        "Reaching up",
    ] {
        assert!(text.contains(want), "PDF lacks `{want}`: {text}");
    }
}

/// "Tell it back" is the clinician's desk checklist: on screen, not on the
/// take-home sheet, unless site.yaml says `teach_back: print`.
#[test]
fn tell_it_back_prints_only_when_the_clinic_asks() {
    if !tools_present() {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    for (setting, printed) in [
        (None, false),
        (Some("print"), true),
        (Some("screen"), false),
    ] {
        let c = Clinic::sample();
        if let Some(v) = setting {
            let site = c.read("site.yaml");
            c.write("site.yaml", &format!("{site}\nteach_back: {v}\n"));
        }
        c.cmd(&["build"]).assert().success();
        let html = c.path().join("handouts/daniel-okafor.html");
        let page = std::fs::read_to_string(&html).unwrap();
        assert!(page.contains("Tell it back"), "{setting:?}: not on screen");
        let dir = work.path().join(setting.unwrap_or("default"));
        std::fs::create_dir_all(&dir).unwrap();
        let text = pdf_text(&print_pdf(&html, &dir), None);
        assert_eq!(
            text.contains("Tell it back"),
            printed,
            "{setting:?}: printed {printed} expected"
        );
    }
}
