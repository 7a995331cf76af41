//! Encodings and line endings of the files heropath reads (issue 22): a
//! UTF-8 byte-order mark is accepted everywhere, a Windows-1252 plan is
//! reported (and fixed by `heropath fix-encoding`), CRLF works.

mod common;

use common::{Clinic, PLAN, STORY, stderr};

const BOM: &str = "\u{FEFF}";
const THEME_EN: &str = include_str!("../themes/default/i18n/en.yaml");
const PAGE_TEMPLATE: &str = include_str!("../themes/default/templates/page.html");

/// A clinic whose plan, exercise, page, site.yaml, page template override
/// and string table each start with `prefix`.
fn clinic_with(prefix: &str) -> Clinic {
    let c = Clinic::new();
    c.write("site.yaml", &format!("{prefix}{}", common::SITE));
    c.write(
        "content/exercises/pendulum.yaml",
        &format!("{prefix}{}", common::PENDULUM),
    );
    c.write(
        "content/plans/maria-lopez.yaml",
        &format!("{prefix}{}{STORY}", common::plan_without_card_advice()),
    );
    c.write(
        "content/pages/about.md",
        &format!("{prefix}---\ntitle: About us\nmenu_order: 1\n---\n\nWe help.\n"),
    );
    c.write(
        "templates/page.html",
        &format!(
            "{prefix}{}",
            PAGE_TEMPLATE.replace(
                "<article class=\"page\">",
                "<article class=\"page\" data-override>"
            )
        ),
    );
    c.write(
        "themes/default/i18n/en.yaml",
        &format!(
            "{prefix}{}",
            THEME_EN.replace("\"Skip to main content\"", "\"Jump to the page\"")
        ),
    );
    c
}

#[test]
fn a_byte_order_mark_is_accepted_in_every_file() {
    let plain = clinic_with("");
    let bom = clinic_with(BOM);
    for c in [&plain, &bom] {
        let out = c.cmd(&["build"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    }
    let about = bom.read("public/about/index.html");
    assert!(about.contains("data-override"), "template override used");
    assert!(about.contains("Jump to the page"), "string table used");
    assert!(about.contains("We help."), "page read");
    assert!(!about.contains(BOM));
    assert!(
        bom.read("handouts/maria-lopez.html")
            .contains("Pendulum swing")
    );
    assert_eq!(plain.tree("public"), bom.tree("public"));
    assert_eq!(plain.tree("handouts"), bom.tree("handouts"));
}

#[test]
fn a_code_frame_on_the_first_line_of_a_marked_file_shows_no_mark() {
    let c = Clinic::new();
    c.write(
        "content/plans/maria-lopez.yaml",
        &format!("{BOM}colour: blue\n{PLAN}"),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("content/plans/maria-lopez.yaml:1:1:"), "{err}");
    assert!(err.contains("1 | colour: blue"), "{err}");
    assert!(!err.contains(BOM), "the mark was printed: {err}");
}

/// The sample plan with "José" on line 2 and "Peña" + curly quotes on
/// line 9, saved as Windows-1252.
fn ansi_plan() -> Vec<u8> {
    let text = format!("{PLAN}{STORY}")
        .replacen("name: Maria Lopez", "name: Maria Jos\u{e9}", 1)
        .replacen(
            "in_their_words: \"I can't lift my granddaughter.\"",
            "in_their_words: \"I can\u{2019}t lift my granddaughter, Pe\u{f1}a.\"",
            1,
        );
    text.chars()
        .map(|c| match c {
            '\u{e9}' => 0xE9,
            '\u{f1}' => 0xF1,
            '\u{2019}' => 0x92,
            c => {
                assert!(c.is_ascii());
                c as u8
            }
        })
        .collect()
}

/// A build of `c` fails on `file` with `diagnostic`, names `heropath
/// fix-encoding` for it, and writes no handout.
fn refused_with_the_fix(c: &Clinic, file: &str, diagnostic: &str) {
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains(diagnostic), "{err}");
    assert!(
        err.contains(&format!("run `heropath fix-encoding {file}`")),
        "{err}"
    );
    assert!(!c.path().join("handouts/maria-lopez.html").exists());
}

#[test]
fn a_windows_1252_plan_is_reported_with_the_fix_then_fixed() {
    let c = Clinic::new();
    let file = "content/plans/maria-lopez.yaml";
    std::fs::create_dir_all(c.path().join("content/plans")).unwrap();
    std::fs::write(c.path().join(file), ansi_plan()).unwrap();
    refused_with_the_fix(
        &c,
        file,
        &format!(
            "{file}:2:18: error[HP0010]: this file looks saved as ANSI/Windows-1252 (é at line 2), not UTF-8"
        ),
    );

    let out = c.cmd(&["fix-encoding", file]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 2, "{printed}");
    assert!(
        lines[0].starts_with("line 2: ") && lines[0].contains("→   name: Maria José   (é)"),
        "{printed}"
    );
    assert!(
        lines[1].starts_with("line 9: ")
            && lines[1].contains("I can’t lift my granddaughter, Peña.")
            && lines[1].ends_with("(’ñ)"),
        "{printed}"
    );
    let fixed = c.read(file);
    assert!(fixed.contains("name: Maria José\n"), "{fixed}");
    assert!(fixed.contains("I can’t lift my granddaughter, Peña."));
    let leftovers: Vec<_> = std::fs::read_dir(c.path().join("content/plans"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");

    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(c.read("handouts/maria-lopez.html").contains("Peña"));
}

#[test]
fn fix_encoding_refuses_a_utf8_file_and_writes_nothing() {
    let c = Clinic::with_plan();
    let file = "content/plans/maria-lopez.yaml";
    let text = format!("{PLAN}{STORY}").replacen("Maria Lopez", "Maria José", 1);
    c.write(file, &text);
    let out = c.cmd(&["fix-encoding", file]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("valid UTF-8 already"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
    assert_eq!(c.read(file), text);
}

#[test]
fn crlf_and_mixed_line_endings_build_and_errors_keep_their_line() {
    let c = Clinic::new();
    let lf = format!("{PLAN}{STORY}");
    c.write("content/plans/maria-lopez.yaml", &lf.replace('\n', "\r\n"));
    // Every other line ends in CRLF.
    let mixed: String = lf
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| {
            if i % 2 == 0 {
                l.replace('\n', "\r\n")
            } else {
                l.to_string()
            }
        })
        .collect();
    c.write(
        "content/plans/ann-lee.yaml",
        &mixed.replace("Maria Lopez", "Ann Lee"),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let html = c.read("handouts/maria-lopez.html");
    assert!(html.contains("Lift my granddaughter without pain"));
    assert!(!html.contains('\r'));
    assert!(c.read("handouts/ann-lee.html").contains("Ann Lee"));

    // A misspelt key on line 32 of the mixed file is reported at line 32.
    let bad = mixed.replace("next_visit:", "next_vist:");
    assert_eq!(
        bad.lines().position(|l| l.starts_with("next_vist:")),
        Some(31)
    );
    c.write("content/plans/ann-lee.yaml", &bad);
    let out = c.cmd(&["check"]).output().unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("content/plans/ann-lee.yaml:32:1"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_partial_string_table_falls_back_to_the_built_in_one_with_one_warning() {
    let c = Clinic::with_plan();
    c.write("site.yaml", &format!("{}theme: custom\n", common::SITE));
    c.write(
        "themes/custom/i18n/en.yaml",
        "skip_link: \"Jump to the page\"\n",
    );
    let out = c.cmd(&["build"]).output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_eq!(err.matches("HP0305").count(), 1, "{err}");
    assert!(err.contains("themes/custom/i18n/en.yaml"), "{err}");
    assert!(err.contains("language `en`"), "{err}");
    assert!(
        err.contains("footer_phone"),
        "the missing keys are listed: {err}"
    );
    assert!(!err.contains("skip_link"), "{err}");
    let home = c.read("public/index.html");
    assert!(home.contains("Jump to the page"), "the changed phrase");
    assert!(!home.contains("Skip to main content"));
    assert!(
        home.contains("Patient stories are shared"),
        "a built-in phrase"
    );
    assert!(c.read("handouts/maria-lopez.html").contains("twice a day"));
}

/// The files [`clinic_with`] writes.
const CLINIC_FILES: [&str; 6] = [
    "site.yaml",
    "content/exercises/pendulum.yaml",
    "content/plans/maria-lopez.yaml",
    "content/pages/about.md",
    "templates/page.html",
    "themes/default/i18n/en.yaml",
];

/// `text` as UTF-16 (Notepad's "Unicode", PowerShell's `>`), with or
/// without a byte-order mark.
fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let units = (bom.then_some('\u{FEFF}').into_iter())
        .chain(text.chars())
        .collect::<String>()
        .encode_utf16()
        .collect::<Vec<u16>>();
    units
        .iter()
        .flat_map(|u| match big_endian {
            true => u.to_be_bytes(),
            false => u.to_le_bytes(),
        })
        .collect()
}

#[test]
fn utf16_with_a_byte_order_mark_is_read_in_every_file() {
    let plain = clinic_with("");
    let wide = clinic_with("");
    for (i, rel) in CLINIC_FILES.iter().enumerate() {
        // Accents and an emoji (a surrogate pair) survive the decoding.
        let text = wide.read(rel).replacen("We help.", "We help, José 💪.", 1);
        std::fs::write(wide.path().join(rel), utf16(&text, i % 2 == 1, true)).unwrap();
        plain.write(
            rel,
            &plain.read(rel).replacen("We help.", "We help, José 💪.", 1),
        );
    }
    for c in [&plain, &wide] {
        let out = c.cmd(&["build"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    }
    let about = wide.read("public/about/index.html");
    assert!(about.contains("data-override"), "template override used");
    assert!(about.contains("Jump to the page"), "string table used");
    assert!(about.contains("We help, José 💪."), "page read");
    assert_eq!(plain.tree("public"), wide.tree("public"));
    assert_eq!(plain.tree("handouts"), wide.tree("handouts"));

    // An error in a UTF-16 plan is at its line, with its line shown.
    let plan = "content/plans/maria-lopez.yaml";
    let text = format!("colour: blue\n{}", plain.read(plan));
    std::fs::write(wide.path().join(plan), utf16(&text, false, true)).unwrap();
    let out = wide.cmd(&["check"]).output().unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains(&format!("{plan}:1:1:")), "{err}");
    assert!(err.contains("1 | colour: blue"), "{err}");
}

#[test]
fn utf16_without_a_byte_order_mark_is_reported_then_fixed() {
    let c = Clinic::new();
    let file = "content/plans/maria-lopez.yaml";
    let text = format!("{PLAN}{STORY}").replacen("name: Maria Lopez", "name: Maria José", 1);
    std::fs::create_dir_all(c.path().join("content/plans")).unwrap();
    std::fs::write(c.path().join(file), utf16(&text, false, false)).unwrap();
    refused_with_the_fix(
        &c,
        file,
        &format!(
            "{file}:1:1: error[HP0010]: this file looks saved as UTF-16 (\"Unicode\") without a byte-order mark, not UTF-8"
        ),
    );

    let out = c.cmd(&["fix-encoding", file]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("it was UTF-16"), "{}", stderr(&out));
    assert_eq!(c.read(file), text, "the same text, now UTF-8");
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(c.read("handouts/maria-lopez.html").contains("José"));

    // Big-endian, with its mark: fixed the same way.
    std::fs::write(c.path().join(file), utf16(&text, true, true)).unwrap();
    let out = c.cmd(&["fix-encoding", file]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(c.read(file), text);
}

#[test]
fn a_plan_outside_content_plans_is_found_whatever_its_encoding() {
    let c = Clinic::with_plan();
    let other = PLAN.replace("Maria Lopez", "Zoë Quimby");
    let ansi: Vec<u8> = other
        .chars()
        .map(|ch| if ch == 'ë' { 0xEB } else { ch as u8 })
        .collect();
    std::fs::create_dir_all(c.path().join("content/archive")).unwrap();
    std::fs::write(c.path().join("content/archive/zoe.yaml"), ansi).unwrap();
    std::fs::write(
        c.path().join("content/archive/zoe-2.yml"),
        utf16(&other, false, true),
    )
    .unwrap();
    c.write(
        "content/archive/quoted.yaml",
        &other.replacen("patient:", "\"patient\" :", 1),
    );
    let out = c.cmd(&["check"]).output().unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    for f in ["zoe.yaml", "zoe-2.yml", "quoted.yaml"] {
        assert!(
            err.contains(&format!("content/archive/{f}: error[HP0017]")),
            "{f}: {err}"
        );
    }
}

/// `text` as UTF-32, with or without a byte-order mark.
fn utf32(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    (bom.then_some('\u{FEFF}').into_iter())
        .chain(text.chars())
        .flat_map(|c| match big_endian {
            true => (c as u32).to_be_bytes(),
            false => (c as u32).to_le_bytes(),
        })
        .collect()
}

#[test]
fn utf32_is_named_utf32_in_every_file_and_fixed() {
    for (i, rel) in CLINIC_FILES.iter().enumerate() {
        for bom in [true, false] {
            let c = clinic_with("");
            let text = c.read(rel);
            std::fs::write(c.path().join(rel), utf32(&text, i % 2 == 1, bom)).unwrap();
            let out = c.cmd(&["build"]).output().unwrap();
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{rel}: {err}");
            assert!(!err.contains("panicked"), "{rel}: {err}");
            assert!(
                err.contains(&format!("{rel}:1:1: error[HP0010]")),
                "{rel}: {err}"
            );
            assert!(err.contains("UTF-32"), "{rel}: {err}");
            assert!(!err.contains("UTF-16"), "{rel}: {err}");

            let out = c.cmd(&["fix-encoding", rel]).output().unwrap();
            assert!(out.status.success(), "{rel}: {}", stderr(&out));
            assert!(stderr(&out).contains("it was UTF-32"), "{}", stderr(&out));
            assert_eq!(c.read(rel), text, "{rel}: the same text, now UTF-8");
            let out = c.cmd(&["build"]).output().unwrap();
            assert!(out.status.success(), "{rel}: {}", stderr(&out));
        }
    }
}
