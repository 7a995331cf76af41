//! Red-team probes for the public-site privacy guard.
//!
//! Every probe is one of two kinds:
//!
//! * a LEAK: a clean clinic is built first (it must build), then the leak is
//!   introduced and the clinic built again. The second build must exit with
//!   code 1, leave the previous `public/` tree byte-for-byte untouched, and
//!   never print the identifier in full (the guard prints only a first-letter
//!   form such as `"K…"`).
//! * a CLEAN: the build succeeds, and what the probe put on the site really
//!   is in `public/` (so the probe tests something).
//!
//! Probes are table-driven; each `#[test]` runs a whole category and lists
//! every failing probe by name at the end, so one run shows every hole.
//! `cargo test --test privacy_guard -- --nocapture` also prints one
//! `PASS`/`FAIL` line per probe.
//!
//! Notes on scope:
//! * A baseline that uses a new setting (`privacy:` in site.yaml,
//!   `family_names`, `former_names`, a story's `public_dates`) must build
//!   before the leak is added, so an old binary that rejects the setting
//!   fails the probe instead of passing it by accident. A LEAK probe also
//!   fails when the second build stops on a parse or template error
//!   (`HP00xx`, `HP03xx`) rather than on the guard; only "every plan is
//!   known" and the PDF probes accept any failure.
//! * Pages are sanitised (ammonia drops HTML comments, `<script>` and
//!   `data-*` attributes), so those markup probes use a site static file or
//!   a site template override (`templates/page.html`), where the markup
//!   reaches `public/` as written.
//! * The file-name probe (`static/photos/walter-kaminski.jpg`) does not
//!   check stderr for the surname: the guard has to name the file.
//! * The sample email `maria.lopez@mail.test` contains the surname, which the
//!   guard catches anyway, so most email probes use another patient's email.

mod common;
use common::probes::*;
use common::*;
use std::process::Output;

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

/// Base: one plan (`content/plans/p1.yaml`, no story) and a harmless page.
fn patient(yaml: &'static str) -> impl Fn(&Clinic) {
    move |c: &Clinic| {
        c.write("content/plans/p1.yaml", &plan(yaml, ""));
        c.write("content/pages/news.md", &page("Nothing new this week."));
    }
}

/// Leak: the page `content/pages/news.md` says `text` (from line 4).
fn page_says(text: &'static str) -> impl Fn(&Clinic) {
    move |c: &Clinic| c.write("content/pages/news.md", &page(text))
}

/// Both setups, in order.
fn both(a: impl Fn(&Clinic), b: impl Fn(&Clinic)) -> impl Fn(&Clinic) {
    move |c: &Clinic| {
        a(c);
        b(c);
    }
}

/// Leak: a site static file.
fn static_file(rel: &'static str, bytes: &'static [u8]) -> impl Fn(&Clinic) {
    move |c: &Clinic| write_bytes(c, &format!("static/{rel}"), bytes)
}

const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30\nphone: \"(302) 555-0177\"\nemail: walt.k@mail.test";
const ROSA: &str = "name: Rosa Hernández\nbirth_date: 1975-01-08\nphone: \"(302) 555-0188\"";
const DOROTHY: &str = "name: Dorothy Walker\npreferred_name: Dot\nbirth_date: 1941-03-09\nphone: \"(302) 555-0123\"\nemail: dot.walker@mail.test";
const WALKER_BODY: &str = "Dot came to us after a fall.\nShe no longer needs a walker.";
/// The sample patient: Maria Lopez, "Mari", born 1968-04-12,
/// (302) 555-0142, maria.lopez@mail.test.
const MARIA: &str = "name: Maria Lopez\npreferred_name: Mari\nbirth_date: 1968-04-12\nphone: \"(302) 555-0142\"\nemail: maria.lopez@mail.test";

/// Walter Kaminski (p1) and Rosa Hernández (p2), no stories, a harmless page.
fn walter_and_rosa(c: &Clinic) {
    c.write("content/plans/p1.yaml", &plan(WALTER, ""));
    c.write("content/plans/p2.yaml", &plan(ROSA, ""));
    c.write("content/pages/news.md", &page("Nothing new this week."));
}

/// Dorothy Walker with a story whose `public_words: [Walker]` lets the
/// ordinary word through; `more` is appended to the story body.
fn walker_story(more: &str) -> String {
    plan(
        DOROTHY,
        &story(
            "Dot W.",
            &format!("{WALKER_BODY}\n{more}"),
            "  public_words: [Walker]\n",
        ),
    )
}

/// Dorothy Walker with a story and no story-level allowance; site.yaml
/// holds `privacy: { public_words: [Walker] }`.
fn walker_site_allowance(c: &Clinic) {
    c.write("site.yaml", &site("privacy:\n  public_words: [Walker]\n"));
    c.write(
        "content/plans/p1.yaml",
        &plan(DOROTHY, &story("Dot W.", WALKER_BODY, "")),
    );
    c.write("content/pages/news.md", &page("Nothing new this week."));
}

// ---------------------------------------------------------------------------
// Binary builders (no extra dependencies)
// ---------------------------------------------------------------------------

/// A gzip member holding `data` in one stored (uncompressed) deflate block.
fn gzip_stored(data: &[u8]) -> Vec<u8> {
    let len = u16::try_from(data.len()).expect("small payload");
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    out.push(1); // final block, stored
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&(!len).to_le_bytes());
    out.extend_from_slice(data);
    out.extend_from_slice(&crc32(data).to_le_bytes());
    out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_le_bytes());
    out
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
}

/// A valid 1×1 grey PNG with one tEXt chunk (`keyword\0text`).
fn png_with_text(text: &[u8]) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    png_chunk(&mut out, b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
    png_chunk(&mut out, b"tEXt", text);
    // zlib: header, one stored block holding the scanline [filter 0, pixel 0], adler32.
    png_chunk(
        &mut out,
        b"IDAT",
        &[
            0x78, 0x01, 0x01, 0x02, 0x00, 0xfd, 0xff, 0, 0, 0x00, 0x02, 0x00, 0x01,
        ],
    );
    png_chunk(&mut out, b"IEND", &[]);
    out
}

/// A JPEG skeleton: SOI, one COM segment, EOI.
fn jpeg_with_comment(comment: &[u8]) -> Vec<u8> {
    let mut out = vec![0xff, 0xd8, 0xff, 0xfe];
    out.extend_from_slice(&u16::try_from(comment.len() + 2).unwrap().to_be_bytes());
    out.extend_from_slice(comment);
    out.extend_from_slice(&[0xff, 0xd9]);
    out
}

fn utf16le_with_bom(s: &str) -> Vec<u8> {
    let mut out = vec![0xff, 0xfe];
    for u in s.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

// ---------------------------------------------------------------------------
// Probe runners
// ---------------------------------------------------------------------------

/// How strictly a LEAK probe reads the failing build.
#[derive(Clone, Copy, PartialEq)]
enum Fail {
    /// The build must fail, and not on a content, parse or template error
    /// (which would mean the probe's fixture is broken, not the guard
    /// working): no `HP00xx` or `HP03xx` diagnostic.
    Guard,
    /// Any failure will do (a plan the build cannot load, a file it cannot
    /// read).
    Any,
}

/// A LEAK probe: `None` when the guard held, else what went wrong.
fn expect_leak(
    base: &dyn Fn(&Clinic),
    leak: &dyn Fn(&Clinic),
    secrets: &[&str],
    fail: Fail,
) -> Option<String> {
    let (out, untouched) = match leak_build(base, leak, &["build"]) {
        Ok(r) => r,
        Err(why) => return Some(why),
    };
    let err = stderr(&out);
    let mut problems = Vec::new();
    match out.status.code() {
        Some(1) => {}
        Some(0) => problems.push("the build succeeded: leak not caught".to_string()),
        code => problems.push(format!("exit code {code:?}, not 1: {}", head(&err))),
    }
    if fail == Fail::Guard && out.status.code() == Some(1) {
        for code in ["[HP00", "[HP03"] {
            if err.contains(code) {
                problems.push(format!(
                    "failed on a content/template error, not the guard: {}",
                    head(&err)
                ));
            }
        }
    }
    if !untouched {
        problems.push(OUTPUT_CHANGED.into());
    }
    for s in secrets {
        if reveals(&err, s) {
            problems.push(format!("stderr repeats {s:?} in full"));
        }
    }
    (!problems.is_empty()).then(|| problems.join("; "))
}

/// One category's probes and their failures.
struct Probes {
    category: &'static str,
    count: usize,
    failures: Vec<String>,
}

impl Probes {
    fn new(category: &'static str) -> Probes {
        Probes {
            category,
            count: 0,
            failures: Vec::new(),
        }
    }

    fn record(&mut self, name: &str, result: Option<String>) {
        self.count += 1;
        match result {
            None => println!("PASS [{}] {name}", self.category),
            Some(why) => {
                println!("FAIL [{}] {name}: {why}", self.category);
                self.failures.push(format!("{name}: {why}"));
            }
        }
    }

    fn leak(
        &mut self,
        name: &str,
        base: impl Fn(&Clinic),
        leak: impl Fn(&Clinic),
        secrets: &[&str],
    ) {
        let r = expect_leak(&base, &leak, secrets, Fail::Guard);
        self.record(name, r);
    }

    /// A LEAK probe where any failing build (exit 1, old site kept) will do.
    fn leak_any(
        &mut self,
        name: &str,
        base: impl Fn(&Clinic),
        leak: impl Fn(&Clinic),
        secrets: &[&str],
    ) {
        let r = expect_leak(&base, &leak, secrets, Fail::Any);
        self.record(name, r);
    }

    fn clean(&mut self, name: &str, setup: impl Fn(&Clinic), shows: &[&str]) {
        let r = expect_clean(&setup, shows);
        self.record(name, r);
    }

    fn assert_every_probe_holds(self) {
        println!(
            "[{}] {} probes, {} failing",
            self.category,
            self.count,
            self.failures.len()
        );
        assert!(
            self.failures.is_empty(),
            "{} of {} {} probes failed:\n  {}",
            self.failures.len(),
            self.count,
            self.category,
            self.failures.join("\n  ")
        );
    }
}

// ---------------------------------------------------------------------------
// 0. Baselines: the suite does not just fail everything
// ---------------------------------------------------------------------------

#[test]
fn baseline_clean_sites_build() {
    let mut p = Probes::new("baseline");
    p.clean(
        "sample story with display name Mari L.",
        |c: &Clinic| c.write("content/plans/p1.yaml", &format!("{PLAN}{STORY}")),
        &["Mari L.", "Mari came to us"],
    );
    p.clean(
        "given name alone: Maria",
        |c: &Clinic| {
            c.write("content/plans/p1.yaml", &format!("{PLAN}{STORY}"));
            c.write(
                "content/pages/news.md",
                &page("Maria is a lovely name for a song."),
            );
        },
        &["Maria is a lovely name"],
    );
    p.clean(
        "Walker with no patient named Walker",
        |c: &Clinic| {
            c.write("content/plans/p1.yaml", &plan(MARIA, ""));
            c.write(
                "content/pages/news.md",
                &page("Bring your walker to the balance class."),
            );
        },
        &["Bring your walker"],
    );
    p.clean(
        "the clinic phone: Call (555) 555-0100",
        |c: &Clinic| {
            c.write("content/plans/p1.yaml", &plan(MARIA, ""));
            c.write(
                "content/pages/news.md",
                &page("Call (555) 555-0100 to book."),
            );
        },
        &["Call (555) 555-0100"],
    );
    p.clean(
        "ordinary numbers and counts",
        |c: &Clinic| {
            c.write("content/plans/p1.yaml", &plan(MARIA, ""));
            c.write(
                "content/pages/news.md",
                &page("Do 10 reps, 2 sets. We saw 302 patients and 555 visits in 2026."),
            );
        },
        &["We saw 302 patients"],
    );
    p.clean(
        "given name alone: Rosa, Walter",
        |c: &Clinic| {
            walter_and_rosa(c);
            c.write(
                "content/pages/news.md",
                &page("Rosa and Walter are common names in our town."),
            );
        },
        &["Rosa and Walter are common"],
    );
    p.clean(
        "a story for Walter Kaminski shown as Walt K.",
        |c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &plan(
                    WALTER,
                    &story("Walt K.", "Walt came to us with a sore shoulder.", ""),
                ),
            );
        },
        &["Walt K.", "Walt came to us"],
    );
    p.clean(
        "top-level public_words in site.yaml keeps working",
        |c: &Clinic| {
            c.write("site.yaml", &site("public_words: [Walker]\n"));
            c.write(
                "content/plans/p1.yaml",
                &plan(DOROTHY, &story("Dot W.", WALKER_BODY, "")),
            );
        },
        &["no longer needs a walker"],
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 1. Names: every identifying part of the name
// ---------------------------------------------------------------------------

const JOSE: &str = "name: José Núñez Herrera";
const ANNA: &str = "name: Anna Smith-Jones";
const PIETER: &str = "name: Pieter van der Berg";
const SIOBHAN: &str = "name: Siobhan O'Brien";
const ANGUS: &str = "name: Angus McDonald";
const ROBERT: &str = "name: Robert Smith Jr.\npreferred_name: Bob";
const ORTEGA: &str = "name: \"Ortega, Ana\"";
const MADONNA: &str = "name: Madonna";
const WANG: &str = "name: 王小明";
const NGUYEN: &str = "name: Nguyễn Thi Lan\nfamily_names: [Nguyễn]\ngiven_names: [Thi Lan]";
const GRETA: &str = "name: Greta Lind\nformer_names: [Hofstadter]";

/// (probe, patient, page text, must not be in stderr)
const NAME_LEAKS: &[(&str, &str, &str, &[&str])] = &[
    (
        "two surnames: Mr. Núñez",
        JOSE,
        "Mr. Núñez is back at work.",
        &["Núñez", "Nunez"],
    ),
    (
        "two surnames: José Núñez",
        JOSE,
        "José Núñez is back at work.",
        &["Núñez", "Nunez"],
    ),
    (
        "two surnames: Herrera alone",
        JOSE,
        "Thanks to Herrera for the cake.",
        &["Herrera"],
    ),
    (
        "two surnames: Sr. Herrera",
        JOSE,
        "Sr. Herrera volvió al trabajo.",
        &["Herrera"],
    ),
    (
        "hyphenated: Anna Smith",
        ANNA,
        "Anna Smith ran a 5k.",
        &["Anna Smith"],
    ),
    (
        "hyphenated: SmithJones",
        ANNA,
        "Go team SmithJones!",
        &["SmithJones"],
    ),
    (
        "hyphenated: Ms Jones",
        ANNA,
        "Ms Jones ran a 5k.",
        &["Ms Jones"],
    ),
    (
        "hyphenated: Smith-Jones alone",
        ANNA,
        "Thanks, Smith-Jones!",
        &["Smith-Jones"],
    ),
    (
        "particles: Vanderberg",
        PIETER,
        "Mr Vanderberg cycles again.",
        &["Vanderberg"],
    ),
    (
        "particles: Van Der Berg",
        PIETER,
        "Van Der Berg cycles again.",
        &["Der Berg"],
    ),
    (
        "particles: Berg alone",
        PIETER,
        "Berg cycles again.",
        &["Berg c"],
    ),
    (
        "apostrophe: OBrien",
        SIOBHAN,
        "OBrien is dancing again.",
        &["Brien"],
    ),
    (
        "apostrophe: O Brien",
        SIOBHAN,
        "O Brien is dancing again.",
        &["Brien"],
    ),
    (
        "apostrophe: O’Brien curly",
        SIOBHAN,
        "O’Brien is dancing again.",
        &["Brien"],
    ),
    (
        "Mc: Mc Donald",
        ANGUS,
        "Mc Donald plays golf again.",
        &["Donald"],
    ),
    ("Mc: MCDONALD", ANGUS, "THANK YOU MCDONALD!", &["McDonald"]),
    (
        "suffix Jr.: Bob Smith",
        ROBERT,
        "Bob Smith plays golf again.",
        &["Bob Smith"],
    ),
    (
        "suffix Jr.: Smith alone",
        ROBERT,
        "Smith plays golf again.",
        &["Smith p"],
    ),
    (
        "suffix Jr.: Mr. Smith",
        ROBERT,
        "Mr. Smith plays golf again.",
        &["Mr. Smith"],
    ),
    (
        "last-first name: Ana Ortega",
        ORTEGA,
        "Ana Ortega swims again.",
        &["Ortega"],
    ),
    (
        "last-first name: Ortega alone",
        ORTEGA,
        "Ortega swims again.",
        &["Ortega"],
    ),
    (
        "one-word name: Madonna alone",
        MADONNA,
        "Madonna sings again.",
        &["Madonna"],
    ),
    (
        "CJK: 王小明 inside a sentence",
        WANG,
        "我们感谢王小明的努力。",
        &["王小明"],
    ),
    ("CJK: 王先生", WANG, "王先生今天回来工作了。", &["王先生"]),
    (
        "structured: Nguyen without diacritics",
        NGUYEN,
        "Nguyen walks her dog again.",
        &["Nguyen", "Nguyễn"],
    ),
    (
        "structured: Lan Nguyen",
        NGUYEN,
        "Lan Nguyen walks her dog again.",
        &["Nguyen", "Nguyễn"],
    ),
    (
        "former name: Hofstadter alone",
        GRETA,
        "Hofstadter skis again.",
        &["Hofstadter"],
    ),
    (
        "former name: Greta Hofstadter",
        GRETA,
        "Greta Hofstadter skis again.",
        &["Hofstadter"],
    ),
];

#[test]
fn names_every_identifying_part() {
    let mut p = Probes::new("1 names");
    for (name, who, text, secrets) in NAME_LEAKS {
        p.leak(name, patient(who), page_says(text), secrets);
    }
    p.clean(
        "particles alone: a van",
        both(
            patient(PIETER),
            page_says("A van will pick you up at the door."),
        ),
        &["A van will pick you up"],
    );
    p.clean(
        "last-first name: the given name Ana alone",
        both(patient(ORTEGA), page_says("Ana is a palindrome.")),
        &["Ana is a palindrome"],
    );
    p.clean(
        "CJK: 明天 (a character of the given name) is not a name",
        both(patient(WANG), page_says("明天见！")),
        &["明天见"],
    );
    p.assert_every_probe_holds();
}

/// (probe, more story body, must not be in stderr)
const WALKER_LEAKS: &[(&str, &str, &[&str])] = &[
    ("Dot Walker", "Dot Walker thanks the team.", &["Dot Walker"]),
    (
        "Dorothy Walker",
        "Dorothy Walker thanks the team.",
        &["Dorothy Walker"],
    ),
    (
        "Mrs. Walker",
        "Mrs. Walker thanks the team.",
        &["Mrs. Walker"],
    ),
    ("Ms Walker", "Ms Walker thanks the team.", &["Ms Walker"]),
    (
        "Dorothy A. Walker",
        "Dorothy A. Walker thanks the team.",
        &["A. Walker"],
    ),
    (
        "Walker, Dorothy",
        "Walker, Dorothy thanks the team.",
        &["Walker, Dorothy"],
    ),
    (
        "Dottie Walker",
        "Dottie Walker thanks the team.",
        &["Dottie Walker"],
    ),
];

#[test]
fn names_allowed_word_never_allows_a_name() {
    let mut p = Probes::new("1 names: public_words");
    p.clean(
        "story public_words [Walker]: no longer needs a walker",
        |c: &Clinic| c.write("content/plans/p1.yaml", &walker_story("")),
        &["no longer needs a walker"],
    );
    p.clean(
        "site privacy.public_words [Walker]: no longer needs a walker",
        walker_site_allowance,
        &["no longer needs a walker"],
    );
    for (name, more, secrets) in WALKER_LEAKS {
        p.leak(
            &format!("story allowance, in the story: {name}"),
            |c: &Clinic| c.write("content/plans/p1.yaml", &walker_story("")),
            |c: &Clinic| c.write("content/plans/p1.yaml", &walker_story(more)),
            secrets,
        );
    }
    for (name, more, secrets) in WALKER_LEAKS {
        p.leak(
            &format!("site allowance, on a page: {name}"),
            walker_site_allowance,
            |c: &Clinic| c.write("content/pages/news.md", &page(more)),
            secrets,
        );
    }
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 2. Spelling: accents, case, invisible characters, markup, lookalikes
// ---------------------------------------------------------------------------

/// Dorothy Walker (story allowance for the ordinary word) plus Walter and
/// Rosa: lets a probe test the full-name path and the surname path.
fn spelling_base(c: &Clinic) {
    walter_and_rosa(c);
    c.write("content/plans/p3.yaml", &walker_story(""));
}

const SPELLING_LEAKS: &[(&str, &str, &[&str])] = &[
    (
        "accent dropped: Hernandez",
        "Thanks to Hernandez for the flowers.",
        &["Hernandez", "Hernández"],
    ),
    (
        "NFD-decomposed Hernández",
        "Thanks to Herna\u{301}ndez for the flowers.",
        &["Herna\u{301}ndez", "Hernández"],
    ),
    (
        "upper case: KAMINSKI",
        "THANK YOU, KAMINSKI!",
        &["Kaminski"],
    ),
    (
        "upper case: HERNÁNDEZ",
        "GRACIAS, HERNÁNDEZ!",
        &["Hernández"],
    ),
    (
        "upper case, accent dropped: HERNANDEZ",
        "GRACIAS, HERNANDEZ!",
        &["Hernandez"],
    ),
    (
        "soft hyphen inside: Kami\\u{ad}nski",
        "Thanks to Kami\u{ad}nski for the cake.",
        &["nski"],
    ),
    (
        "zero-width space inside: Kami\\u{200b}nski",
        "Thanks to Kami\u{200b}nski for the cake.",
        &["nski"],
    ),
    (
        "zero-width joiner inside: Kami\\u{200d}nski",
        "Thanks to Kami\u{200d}nski for the cake.",
        &["nski"],
    ),
    (
        "word joiner inside: Kami\\u{2060}nski",
        "Thanks to Kami\u{2060}nski for the cake.",
        &["nski"],
    ),
    (
        "no-break space: Dorothy\\u{a0}Walker",
        "Dorothy\u{a0}Walker thanks the team.",
        &["Dorothy\u{a0}Walker"],
    ),
    (
        "line break: Dorothy / Walker",
        "Dorothy\nWalker thanks the team.",
        &["Dorothy\nWalker"],
    ),
    (
        "Markdown strong inside: Kami**nski**",
        "Thanks to Kami**nski** for the cake.",
        &["nski"],
    ),
    (
        "HTML span inside: Kami<span>nski</span>",
        "Thanks to Kami<span>nski</span> for the cake.",
        &["nski"],
    ),
    (
        "link inside: Kami[nski](/x)",
        "Thanks to Kami[nski](/x) for the cake.",
        &["nski"],
    ),
    (
        "emphasis around: *Kaminski*",
        "Thanks to *Kaminski* for the cake.",
        &["Kaminski"],
    ),
    (
        "Cyrillic а (U+0430): K\\u{430}minski",
        "Thanks to K\u{430}minski for the cake.",
        &["minski"],
    ),
    (
        "Cyrillic і (U+0456): Kam\\u{456}nski",
        "Thanks to Kam\u{456}nski for the cake.",
        &["nski"],
    ),
    (
        "Cyrillic е (U+0435): Hernánd\\u{435}z",
        "Thanks to Hernánd\u{435}z for the flowers.",
        &["Hernánd"],
    ),
    (
        "Cyrillic о (U+043E): D\\u{43e}rothy Walker",
        "D\u{43e}rothy Walker thanks the team.",
        &["rothy Walker"],
    ),
    (
        "Greek ο (U+03BF): D\\u{3bf}rothy Walker",
        "D\u{3bf}rothy Walker thanks the team.",
        &["rothy Walker"],
    ),
    (
        "full-width: ＫＡＭＩＮＳＫＩ",
        "Thanks to ＫＡＭＩＮＳＫＩ for the cake.",
        &["ＫＡＭＩＮＳＫＩ", "Kaminski"],
    ),
    (
        "entity in a page: Kam&#105;nski",
        "Thanks to Kam&#105;nski for the cake.",
        &["Kaminski", "Kam&#105;nski"],
    ),
    (
        "entity in a page: Kami&shy;nski",
        "Thanks to Kami&shy;nski for the cake.",
        &["nski"],
    ),
    (
        "soft hyphen in a full name: Dorothy Wal\\u{ad}ker",
        "Dorothy Wal\u{ad}ker thanks the team.",
        &["Dorothy Wal"],
    ),
];

#[test]
fn spelling_variants() {
    let mut p = Probes::new("2 spelling");
    for (name, text, secrets) in SPELLING_LEAKS {
        p.leak(name, spelling_base, page_says(text), secrets);
    }
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 3. Phones and emails
// ---------------------------------------------------------------------------

/// The sample patient Maria Lopez: (302) 555-0142, maria.lopez@mail.test.
fn maria(c: &Clinic) {
    c.write("content/plans/p1.yaml", &plan(MARIA, ""));
    c.write("content/pages/news.md", &page("Nothing new this week."));
}

const PHONE_LEAKS: &[(&str, &str)] = &[
    ("digits split by line breaks", "Call 302\n555\n0142 today."),
    (
        "digits split by no-break spaces",
        "Call 302\u{a0}555\u{a0}0142 today.",
    ),
    ("digits split by slashes", "Call 302/555/0142 today."),
    (
        "digits split by en dashes",
        "Call 302\u{2013}555\u{2013}0142 today.",
    ),
    ("digits split by dots", "Call 302.555.0142 today."),
    ("full-width digits", "Call ３０２５５５０１４２ today."),
    ("+1 302 555 0142", "Call +1 302 555 0142 today."),
    ("3025550142", "Call 3025550142 today."),
    (
        "trailing text: 302-555-0142ext",
        "Call 302-555-0142ext today.",
    ),
    (
        "split across markup: 302-55<span>5-0142</span>",
        "Call 302-55<span>5-0142</span> today.",
    ),
    ("a tel: link", "[Call us](tel:+13025550142) today."),
    (
        "digits split by markup emphasis",
        "Call 302-555-**0142** today.",
    ),
];

/// The sample email `maria.lopez@mail.test` holds the surname, which the
/// guard catches on its own; these probes use an email that shares nothing
/// with the name, so only email detection can catch them.
const HERON: &str = "name: Ivan Petrov\nemail: blue.heron.77@mail.test";

const EMAIL_LEAKS: &[(&str, &str)] = &[
    (
        "percent-encoded in a mailto link",
        "[Write](mailto:blue.heron.77%40mail.test) to us.",
    ),
    (
        "HTML entity @: &#64;",
        "Write to blue.heron.77&#64;mail.test today.",
    ),
    ("full-width ＠", "Write to blue.heron.77＠mail.test today."),
    (
        "soft hyphen inside",
        "Write to blue.he\u{ad}ron.77@mail.test today.",
    ),
    (
        "+tag: blue.heron.77+news@",
        "Write to blue.heron.77+news@mail.test today.",
    ),
    (
        "spelled out: at / dot",
        "Write to blue.heron.77 at mail dot test today.",
    ),
    (
        "spelled out: [at] / [dot]",
        "Write to blue.heron.77 [at] mail [dot] test today.",
    ),
    ("upper case", "Write to BLUE.HERON.77@MAIL.TEST today."),
];

#[test]
fn phones_written_many_ways() {
    let mut p = Probes::new("3 phones/emails");
    for (name, text) in PHONE_LEAKS {
        p.leak(
            &format!("phone: {name}"),
            maria,
            page_says(text),
            &["5550142"],
        );
    }
    p.assert_every_probe_holds();
}

#[test]
fn emails_and_phone_fields() {
    let mut p = Probes::new("3 phones/emails");
    for (name, text) in EMAIL_LEAKS {
        p.leak(
            &format!("email: {name}"),
            patient(HERON),
            page_says(text),
            &["heron.77"],
        );
    }
    p.leak(
        "phone field with two numbers: the second alone",
        patient("name: Ivan Petrov\nphone: \"302-555-0142 / 302-555-0199\""),
        page_says("Call 302-555-0199 today."),
        &["5550199"],
    );
    p.leak(
        "phone field with two numbers: the first alone",
        patient("name: Ivan Petrov\nphone: \"302-555-0142 / 302-555-0199\""),
        page_says("Call 302-555-0142 today."),
        &["5550142"],
    );
    p.leak(
        "phone field with an extension: the number without it",
        patient("name: Ivan Petrov\nphone: \"(302) 555-0142 ext. 7\""),
        page_says("Call (302) 555-0142 today."),
        &["5550142"],
    );
    p.leak(
        "fixture email with a +tag: maria.lopez+news@mail.test",
        maria,
        page_says("Write to maria.lopez+news@mail.test today."),
        &["maria.lopez", "lopez@"],
    );
    p.leak(
        "email field in display-name form",
        patient("name: Lexi Novak\nemail: \"Lexi N. <lexi.n@mail.test>\""),
        page_says("Write to lexi.n@mail.test today."),
        &["lexi.n@"],
    );
    p.leak(
        "distinctive local part alone: jnh68",
        patient("name: Jon Hale\nemail: jnh68@mail.test"),
        page_says("Big thanks to jnh68 for the review."),
        &["jnh68"],
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 4. Dates
// ---------------------------------------------------------------------------

/// Maria (born 1968-04-12; goal agreed 2026-11-20, target 2027-02-15; next
/// visit 2026-12-03 10:30) with her story (published 2026-11-25).
fn maria_story(more: &str) -> String {
    plan(
        MARIA,
        &story(
            "Mari L.",
            &format!("Mari came to us with a sore shoulder.\n{more}"),
            "",
        ),
    )
}

const DATE_LEAKS: &[(&str, &str, &[&str])] = &[
    (
        "birth: April 12th, 1968",
        "Born April 12th, 1968.",
        &["1968-04-12"],
    ),
    (
        "birth: 12th of April 1968",
        "Born on the 12th of April 1968.",
        &["1968-04-12"],
    ),
    (
        "birth: 4/12/68",
        "Born 4/12/68.",
        &["1968-04-12", "4/12/68"],
    ),
    ("birth: 19680412", "Record 19680412.", &["19680412"]),
    (
        "birth: 1968-04-12T08:00:00Z",
        "Born 1968-04-12T08:00:00Z.",
        &["19680412"],
    ),
    ("birth: Apr. 12, 1968", "Born Apr. 12, 1968.", &["19680412"]),
    (
        "birth: Spanish 12 de abril de 1968",
        "Nació el 12 de abril de 1968.",
        &["19680412"],
    ),
    (
        "birth: German 12. April 1968",
        "Geboren am 12. April 1968.",
        &["19680412"],
    ),
    (
        "birth: French 12 avril 1968",
        "Née le 12 avril 1968.",
        &["19680412"],
    ),
    (
        "birth month and year, page names her: April 1968",
        "Mari was born in April 1968.",
        &["19680412"],
    ),
    (
        "goal target: February 15, 2027",
        "Goal: lift by February 15, 2027.",
        &["20270215"],
    ),
    (
        "goal target: Spanish 15 de febrero de 2027",
        "Meta: el 15 de febrero de 2027.",
        &["20270215"],
    ),
    (
        "goal agreed: Nov 20, 2026",
        "We agreed on Nov 20, 2026.",
        &["20261120"],
    ),
    (
        "next visit: 2026-12-03",
        "Next visit 2026-12-03.",
        &["20261203"],
    ),
];

#[test]
fn dates_in_many_spellings() {
    let mut p = Probes::new("4 dates");
    for (name, text, secrets) in DATE_LEAKS {
        p.leak(name, maria, page_says(text), secrets);
    }
    p.leak(
        "birth: Sept. 5, 1971 (abbreviated September)",
        patient("name: Ivan Petrov\nbirth_date: 1971-09-05"),
        page_says("Born Sept. 5, 1971."),
        &["19710905"],
    );
    p.leak(
        "next visit without a year in her story: December 3 at 10:30",
        |c: &Clinic| c.write("content/plans/p1.yaml", &maria_story("")),
        |c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &maria_story("Her next visit is December 3 at 10:30."),
            )
        },
        &["20261203"],
    );
    p.leak(
        "birth month and year in her own story: April 1968",
        |c: &Clinic| c.write("content/plans/p1.yaml", &maria_story("")),
        |c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &maria_story("She was born in April 1968."),
            )
        },
        &["19680412"],
    );
    p.clean(
        "a story's own published_on in its own story",
        |c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &maria_story("This story went up on November 25, 2026."),
            )
        },
        &["November 25, 2026"],
    );
    p.leak(
        "published_on of one story is another plan's visit date, on a page",
        |c: &Clinic| {
            c.write("content/plans/p1.yaml", &maria_story(""));
            c.write("content/pages/news.md", &page("Nothing new this week."));
        },
        |c: &Clinic| {
            c.write(
                "content/plans/p2.yaml",
                &plan("name: Ann Other\nbirth_date: 1980-01-01", "")
                    .replace("date: 2026-12-03", "date: 2026-11-25"),
            );
            c.write(
                "content/pages/news.md",
                &page("We were closed on November 25, 2026 for repairs."),
            );
        },
        &[],
    );
    p.clean(
        "month and year of birth on a page that names no patient",
        both(maria, page_says("The clinic first opened in April 1968.")),
        &["first opened in April 1968"],
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 5. Every file type in public/
// ---------------------------------------------------------------------------

/// (probe, static path, bytes, secrets)
const STATIC_LEAKS: &[(&str, &str, &[u8], &[&str])] = &[
    (".csv", "data/patients.csv", b"name,phone\nWalter Kaminski,302-555-0177\n", &["Kaminski", "5550177"]),
    (".js, in a string", "app.js", b"const who = \"Walter Kaminski\";\n", &["Kaminski"]),
    (".js, in a comment", "app.js", b"// thanks Walter Kaminski for testing\nconst x = 1;\n", &["Kaminski"]),
    (".css, in a comment", "extra.css", b"/* Walter Kaminski */\nbody { margin: 0; }\n", &["Kaminski"]),
    (".css, in content:", "extra.css", b".a::after { content: \"Walter Kaminski\"; }\n", &["Kaminski"]),
    (".json", "data.json", b"{\"patient\": \"Walter Kaminski\"}\n", &["Kaminski"]),
    (".vcf", "card.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Walter Kaminski\r\nTEL:302-555-0177\r\nEND:VCARD\r\n", &["Kaminski", "5550177"]),
    (".ics", "visits.ics", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Visit Walter Kaminski\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", &["Kaminski"]),
    (".webmanifest", "site.webmanifest", b"{\"name\": \"Walter Kaminski\", \"start_url\": \"/\"}\n", &["Kaminski"]),
    (".xhtml", "old.xhtml", b"<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Walter Kaminski</p></body></html>\n", &["Kaminski"]),
    ("upper-case .HTML", "OLD.HTML", b"<html><body><p>Walter Kaminski</p></body></html>\n", &["Kaminski"]),
    (".txt, phone only", "notes.txt", b"Call 302-555-0177.\n", &["5550177"]),
    ("Windows-1252 bytes: Hern\\xe1ndez", "notes.txt", b"Thanks to Rosa Hern\xe1ndez!\n", &["Hern\u{e1}ndez", "Hernandez"]),
];

#[test]
fn text_file_types_in_public() {
    let mut p = Probes::new("5 file types");
    for (name, path, bytes, secrets) in STATIC_LEAKS {
        p.leak(name, walter_and_rosa, static_file(path, bytes), secrets);
    }
    p.assert_every_probe_holds();
}

#[test]
fn binary_files_and_pdfs() {
    let mut p = Probes::new("5 file types");
    p.leak(
        "UTF-16LE text with BOM",
        walter_and_rosa,
        |c: &Clinic| {
            write_bytes(
                c,
                "static/notes.txt",
                &utf16le_with_bom("Thanks to Walter Kaminski!\n"),
            )
        },
        &["Kaminski"],
    );
    p.leak(
        ".txt.gz (stored deflate)",
        walter_and_rosa,
        |c: &Clinic| {
            write_bytes(
                c,
                "static/notes.txt.gz",
                &gzip_stored(b"Patient: Walter Kaminski\n"),
            )
        },
        &["Kaminski"],
    );
    p.leak(
        "PNG with a tEXt chunk Author=Walter Kaminski",
        walter_and_rosa,
        |c: &Clinic| {
            write_bytes(
                c,
                "static/photo.png",
                &png_with_text(b"Author\0Walter Kaminski"),
            )
        },
        &["Kaminski"],
    );
    p.leak(
        "JPEG with a COM segment",
        walter_and_rosa,
        |c: &Clinic| {
            write_bytes(
                c,
                "static/photo.jpg",
                &jpeg_with_comment(b"Walter Kaminski, 2026"),
            )
        },
        &["Kaminski"],
    );
    // What follows a picture's end is published with it (`cat notes.txt
    // >> photo.jpg`, a phone's motion photo), and so are the pictures in
    // an icon.
    let mut after_iend = png_with_text(b"Author\0Test Clinic");
    after_iend.extend_from_slice(b"notes: Walter Kaminski, knee\n");
    let mut after_eoi = jpeg_with_comment(b"clinic photo");
    after_eoi.extend_from_slice(&jpeg_with_comment(b"Walter Kaminski"));
    let png = {
        // The icon's PNG keeps the name compressed (zTXt), out of strings' sight.
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(b"Walter Kaminski").unwrap();
        let mut chunk = b"Comment\0\0".to_vec();
        chunk.extend(z.finish().unwrap());
        let plain = png_with_text(b"Title\0Logo");
        let (head, end) = plain.split_at(plain.len() - 12);
        let mut png = head.to_vec();
        png_chunk(&mut png, b"zTXt", &chunk);
        png.extend_from_slice(end);
        png
    };
    let mut icon = vec![0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 32, 0];
    icon.extend_from_slice(&u32::try_from(png.len()).unwrap().to_le_bytes());
    icon.extend_from_slice(&22u32.to_le_bytes());
    icon.extend_from_slice(&png);
    for (what, rel, bytes) in [
        ("text after a PNG's end", "static/photo.png", after_iend),
        ("a JPEG after a JPEG's end", "static/photo.jpg", after_eoi),
        ("a PNG inside an icon", "static/favicon.ico", icon),
    ] {
        p.leak(
            what,
            walter_and_rosa,
            move |c: &Clinic| write_bytes(c, rel, &bytes),
            &["Kaminski"],
        );
    }
    let mut motion = jpeg_with_comment(b"clinic photo");
    motion.extend_from_slice(b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom\x01\x80\x81\x82");
    p.leak_any(
        "a video after a JPEG's end (a motion photo): fails (unreadable)",
        walter_and_rosa,
        move |c: &Clinic| write_bytes(c, "static/photo.jpg", &motion),
        &[],
    );
    // The guard has to name the public file to be useful, so this probe
    // does not look for the surname in stderr.
    p.leak(
        "a file NAME: static/photos/walter-kaminski.jpg",
        walter_and_rosa,
        |c: &Clinic| {
            write_bytes(
                c,
                "static/photos/walter-kaminski.jpg",
                &jpeg_with_comment(b"clinic photo"),
            )
        },
        &[],
    );
    p.leak_any(
        "PDF not reviewed: fails (unreadable)",
        walter_and_rosa,
        static_file("docs/brochure.pdf", PDF),
        &[],
    );
    p.leak_any(
        "PDF reviewed under another pattern: fails",
        |c: &Clinic| {
            walter_and_rosa(c);
            c.write(
                "site.yaml",
                &site("privacy:\n  reviewed_files:\n    - { pattern: \"forms/*.pdf\", reason: \"Intake form, reviewed 2026-11-01\" }\n"),
            );
        },
        static_file("docs/brochure.pdf", PDF),
        &[],
    );
    p.clean(
        "PDF listed in privacy.reviewed_files with a reason",
        |c: &Clinic| {
            walter_and_rosa(c);
            c.write(
                "site.yaml",
                &site("privacy:\n  reviewed_files:\n    - { pattern: \"docs/*.pdf\", reason: \"Clinic brochure, reviewed 2026-11-01\" }\n"),
            );
            write_bytes(c, "static/docs/brochure.pdf", PDF);
        },
        &["%PDF-1.4"],
    );
    p.clean(
        "clean binaries pass: PNG, JPEG, gzip, UTF-16, CSV, JS",
        |c: &Clinic| {
            walter_and_rosa(c);
            write_bytes(c, "static/logo.png", &png_with_text(b"Author\0Test Clinic"));
            write_bytes(
                c,
                "static/photos/clinic-front.jpg",
                &jpeg_with_comment(b"clinic photo"),
            );
            // Padding after a picture's end is nothing.
            let mut padded = jpeg_with_comment(b"door photo");
            padded.extend_from_slice(&[0, 0, 0xff, b'\n']);
            write_bytes(c, "static/photos/door.jpg", &padded);
            write_bytes(c, "static/notes.txt.gz", &gzip_stored(b"Opening hours\n"));
            write_bytes(c, "static/notes.txt", &utf16le_with_bom("Opening hours\n"));
            c.write("static/hours.csv", "day,open\nMonday,8\n");
            c.write("static/app.js", "const open = true;\n");
        },
        &["IHDR", "clinic photo", "door photo", "day,open"],
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 6. Markup
// ---------------------------------------------------------------------------

/// A site `templates/page.html` override with `extra` inside the article.
fn page_template(extra: &str) -> String {
    format!(
        "{{% extends \"base.html\" %}}\n{{% block content %}}\n<article class=\"page\">\n{extra}\n<h1>{{{{ page.title }}}}</h1>\n<div class=\"prose\">\n{{{{ page.content_html | safe }}}}\n</div>\n</article>\n{{% endblock content %}}\n"
    )
}

fn with_template(c: &Clinic) {
    walter_and_rosa(c);
    c.write("templates/page.html", &page_template("<!-- page -->"));
}

fn template_says(extra: &'static str) -> impl Fn(&Clinic) {
    move |c: &Clinic| c.write("templates/page.html", &page_template(extra))
}

/// (probe, static path, text)
const MARKUP_STATIC_LEAKS: &[(&str, &str, &str)] = &[
    (
        "static .html: HTML comment",
        "extra.html",
        "<p>Hi</p><!-- Walter Kaminski -->",
    ),
    (
        "static .html: unquoted attribute alt=Kaminski",
        "extra.html",
        "<img alt=Kaminski src=x.png>",
    ),
    (
        "static .html: numeric entity Kam&#105;nski",
        "extra.html",
        "<p>Walter Kam&#105;nski</p>",
    ),
    (
        "static .html: hex entity Kam&#x69;nski",
        "extra.html",
        "<p>Walter Kam&#x69;nski</p>",
    ),
    (
        "static .html: named entity Hern&aacute;ndez",
        "extra.html",
        "<p>Rosa Hern&aacute;ndez</p>",
    ),
    (
        "static .html: entity in a quoted attribute",
        "extra.html",
        "<img alt=\"Kam&#105;nski\" src=\"x.png\">",
    ),
    (
        "static .html: < in text: Walter <Kaminski",
        "extra.html",
        "<p>Walter <Kaminski</p>",
    ),
    (
        "static .html: JSON escape in a script block",
        "extra.html",
        "<script>var who = \"\\u004baminski\";</script>",
    ),
    (
        "static .html: unquoted title attribute",
        "extra.html",
        "<abbr title=Kaminski>WK</abbr>",
    ),
    (
        "static .html: unquoted data-x attribute",
        "extra.html",
        "<div data-x=Kaminski>x</div>",
    ),
    (
        "static .xml: CDATA",
        "data.xml",
        "<?xml version=\"1.0\"?><n><![CDATA[Walter Kaminski]]></n>",
    ),
    (
        "static .svg: CDATA in a title",
        "badge.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><title><![CDATA[Walter Kaminski]]></title></svg>",
    ),
    (
        "static .json: JSON escape",
        "data.json",
        "{\"n\": \"Walter \\u004baminski\"}",
    ),
];

#[test]
fn markup_in_static_files() {
    let mut p = Probes::new("6 markup");
    for (name, path, text) in MARKUP_STATIC_LEAKS {
        p.leak(
            name,
            walter_and_rosa,
            static_file(path, text.as_bytes()),
            &["Kaminski", "Hernández", "Hernandez"],
        );
    }
    p.assert_every_probe_holds();
}

#[test]
fn markup_in_templates_and_pages() {
    let mut p = Probes::new("6 markup");
    let secrets: &[&str] = &["Kaminski"];
    p.leak(
        "template override: HTML comment",
        with_template,
        template_says("<!-- Walter Kaminski -->"),
        secrets,
    );
    p.leak(
        "template override: title attribute",
        with_template,
        template_says("<p title=\"Walter Kaminski\">x</p>"),
        secrets,
    );
    p.leak(
        "template override: data-x attribute",
        with_template,
        template_says("<p data-x=\"Kaminski\">x</p>"),
        secrets,
    );
    p.leak(
        "template override: style block content",
        with_template,
        template_says("<style>.x::after { content: \"Walter Kaminski\"; }</style>"),
        secrets,
    );
    p.leak(
        "template override: JSON escape in ld+json",
        with_template,
        template_says(
            "<script type=\"application/ld+json\">{\"name\": \"Walter \\u004baminski\"}</script>",
        ),
        secrets,
    );
    p.leak(
        "page: unquoted attribute <img alt=Kaminski>",
        walter_and_rosa,
        page_says("<img alt=Kaminski src=\"/x.png\">"),
        secrets,
    );
    p.leak(
        "page: < in text: Walter <Kaminski",
        walter_and_rosa,
        page_says("Walter <Kaminski"),
        secrets,
    );
    p.leak(
        "page: title attribute",
        walter_and_rosa,
        page_says("<span title=\"Walter Kaminski\">a friend</span>"),
        secrets,
    );
    p.clean(
        "template override without a name builds",
        with_template,
        &["<!-- page -->"],
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 7. Every plan is known
// ---------------------------------------------------------------------------

#[test]
fn every_plan_is_known() {
    let mut p = Probes::new("7 plans");
    let base = |c: &Clinic| {
        c.write("content/plans/p1.yaml", &plan(MARIA, ""));
        c.write("content/pages/news.md", &page("Nothing new this week."));
    };
    for (name, path) in [
        (
            "a plan in a subfolder: archive/walter.yaml",
            "content/plans/archive/walter.yaml",
        ),
        ("a hidden plan: .old.yaml", "content/plans/.old.yaml"),
        ("a .yml plan", "content/plans/walter.yml"),
        ("an upper-case .YAML plan", "content/plans/walter.YAML"),
        (
            "a plan in a hidden folder: .archive/walter.yaml",
            "content/plans/.archive/walter.yaml",
        ),
        (
            "a deep subfolder: archive/2025/walter.yml",
            "content/plans/archive/2025/walter.yml",
        ),
        (
            "a hidden plan in a subfolder: archive/.walter.yml",
            "content/plans/archive/.walter.yml",
        ),
        (
            "an editor's backup whose plan is gone: walter.yaml~",
            "content/plans/walter.yaml~",
        ),
        (
            "an editor's autosave whose plan is gone: #walter.yaml#",
            "content/plans/#walter.yaml#",
        ),
    ] {
        p.leak_any(
            name,
            base,
            |c: &Clinic| {
                c.write(path, &plan(WALTER, ""));
                c.write(
                    "content/pages/news.md",
                    &page("Walter Kaminski ran a marathon."),
                );
            },
            &["Kaminski"],
        );
    }
    // While the plan is there, its editor's copies are the editor's.
    p.clean(
        "an editor's backup and autosave beside their plan",
        |c: &Clinic| {
            base(c);
            c.write("content/plans/p1.yaml~", &plan(MARIA, ""));
            c.write("content/plans/#p1.yaml#", &plan(MARIA, ""));
        },
        &["Nothing new this week."],
    );
    p.leak_any(
        "a draft plan",
        base,
        |c: &Clinic| {
            c.write(
                "content/plans/walter.yaml",
                &format!("draft: true\n{}", plan(WALTER, "")),
            );
            c.write(
                "content/pages/news.md",
                &page("Walter Kaminski ran a marathon."),
            );
        },
        &["Kaminski"],
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 8. False positives with narrow ways through
// ---------------------------------------------------------------------------

const TOM: &str = "name: Tom Rivera\nphone: \"(302) 555-0166\"";
const ADA: &str = "name: Ada Young";
const SHARED_LINE: &str = "name: Ivan Petrov\nphone: \"(555) 555-0199\"";

#[test]
fn false_positives_and_allowances() {
    let mut p = Probes::new("8 allowances");
    p.clean(
        "clinician Sam Rivera (site.yaml) on a page; patient Tom Rivera",
        |c: &Clinic| {
            patient(TOM)(c);
            c.write("content/pages/news.md", &page("Book with Sam Rivera, PT."));
        },
        &["Sam Rivera, PT"],
    );
    p.leak(
        "patient Tom Rivera on a page, though the clinician is a Rivera",
        patient(TOM),
        page_says("Tom Rivera is running again."),
        &["Tom Rivera"],
    );
    p.clean(
        "a plan's own clinician: Ana Ortiz, PT; patient Luis Ortiz",
        |c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &plan("name: Luis Ortiz", "").replacen(
                    "problem:\n",
                    "clinician: { name: Ana Ortiz, credentials: PT }\nproblem:\n",
                    1,
                ),
            );
            c.write(
                "content/pages/news.md",
                &page("Ana Ortiz, PT leads our balance class."),
            );
        },
        &["Ana Ortiz, PT"],
    );
    p.clean(
        "clinic address 12 Walker Street (footer); patient Dorothy Walker",
        |c: &Clinic| {
            c.write(
                "site.yaml",
                &SITE.replace(
                    "  phone:",
                    "  address: 12 Walker Street, Dover\n  email: front@clinic.test\n  phone:",
                ),
            );
            c.write("content/plans/p1.yaml", &plan(DOROTHY, ""));
        },
        &["12 Walker Street"],
    );
    p.clean(
        "clinic phone shared with a patient's phone field",
        |c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &plan("name: Ivan Petrov\nphone: \"(555) 555-0100\"", ""),
            );
            c.write(
                "content/pages/news.md",
                &page("Call (555) 555-0100 to book."),
            );
        },
        &["Call (555) 555-0100"],
    );
    p.leak(
        "a visit date on a page",
        maria,
        page_says("See you on December 3, 2026."),
        &["20261203"],
    );
    p.clean(
        "a visit date listed in privacy.public_dates",
        |c: &Clinic| {
            maria(c);
            c.write(
                "site.yaml",
                &site("privacy:\n  public_dates: [2026-12-03, 2026-12-24]\n"),
            );
            c.write(
                "content/pages/news.md",
                &page("Open day on December 3, 2026."),
            );
        },
        &["Open day on December 3, 2026"],
    );
    p.clean(
        "a visit date listed in the story's public_dates",
        |c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &plan(
                    MARIA,
                    &story(
                        "Mari L.",
                        "Mari joined our open day on December 3, 2026.",
                        "  public_dates: [2026-12-03]\n",
                    ),
                ),
            )
        },
        &["open day on December 3, 2026"],
    );
    p.clean(
        "Walker Street with privacy.public_words [Walker], no story",
        |c: &Clinic| {
            c.write("site.yaml", &site("privacy:\n  public_words: [Walker]\n"));
            c.write("content/plans/p1.yaml", &plan(DOROTHY, ""));
            c.write("content/pages/news.md", &page("Park on Walker Street."));
        },
        &["Park on Walker Street"],
    );
    p.clean(
        "a shared line listed in privacy.public_phones",
        |c: &Clinic| {
            c.write(
                "site.yaml",
                &site("privacy:\n  public_phones: [\"(555) 555-0199\"]\n"),
            );
            c.write("content/plans/p1.yaml", &plan(SHARED_LINE, ""));
            c.write(
                "content/pages/news.md",
                &page("Our partner line: (555) 555-0199."),
            );
        },
        &["(555) 555-0199"],
    );
    p.leak(
        "the same line without privacy.public_phones",
        patient(SHARED_LINE),
        page_says("Our partner line: (555) 555-0199."),
        &["5550199"],
    );
    let walker_site = |c: &Clinic| {
        c.write("site.yaml", &site("privacy:\n  public_words: [Walker]\n"));
        c.write("content/plans/p1.yaml", &plan(DOROTHY, ""));
        c.write("content/pages/news.md", &page("Park on Walker Street."));
    };
    p.leak(
        "privacy.public_words [Walker] never allows Dorothy Walker",
        walker_site,
        page_says("Dorothy Walker is dancing again."),
        &["Dorothy Walker"],
    );
    p.leak(
        "privacy.public_words [Walker] never allows Mrs. Walker",
        walker_site,
        page_says("Mrs. Walker is dancing again."),
        &["Mrs. Walker"],
    );
    p.leak(
        "privacy.public_words [Kaminski] never allows Walter Kaminski",
        |c: &Clinic| {
            walter_and_rosa(c);
            c.write("site.yaml", &site("privacy:\n  public_words: [Kaminski]\n"));
        },
        page_says("Walter Kaminski is dancing again."),
        &["Kaminski"],
    );
    p.leak(
        "a story's public_words covers its patient only, not Ben Walker",
        |c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &plan(
                    DOROTHY,
                    &story(
                        "Dot W.",
                        "Dot came to us after a fall.",
                        "  public_words: [Walker]\n",
                    ),
                ),
            );
            c.write(
                "content/plans/p2.yaml",
                &plan("name: Ben Walker\nbirth_date: 1960-02-02", ""),
            );
            c.write("content/pages/news.md", &page("Nothing new this week."));
        },
        page_says("Bring your walker to the balance class."),
        &["Ben Walker"],
    );
    p.clean(
        "privacy.public_words [Young]: young at heart",
        |c: &Clinic| {
            c.write("site.yaml", &site("privacy:\n  public_words: [Young]\n"));
            c.write("content/plans/p1.yaml", &plan(ADA, ""));
            c.write(
                "content/pages/news.md",
                &page("Young at heart: exercise for every age."),
            );
        },
        &["Young at heart"],
    );
    p.leak(
        "privacy.public_words [Young] never allows Ada Young",
        |c: &Clinic| {
            c.write("site.yaml", &site("privacy:\n  public_words: [Young]\n"));
            c.write("content/plans/p1.yaml", &plan(ADA, ""));
            c.write("content/pages/news.md", &page("Young at heart."));
        },
        page_says("Ada Young is young at heart."),
        &["Ada Young"],
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 9. Errors: where, how often, and never the identifier
// ---------------------------------------------------------------------------

/// Build a clean Walter/Rosa clinic, apply `leak`, build with `args`, and
/// let `check` list what is wrong with the output.
fn report_probe(
    leak: impl Fn(&Clinic),
    args: &[&str],
    check: impl Fn(&str, &Output) -> Vec<String>,
) -> Option<String> {
    let (out, untouched) = match leak_build(&walter_and_rosa, &leak, args) {
        Ok(r) => r,
        Err(why) => return Some(why),
    };
    let mut problems = Vec::new();
    if out.status.code() != Some(1) {
        problems.push(format!("exit code {:?}, not 1", out.status.code()));
    }
    if !untouched {
        problems.push(OUTPUT_CHANGED.into());
    }
    let err = stderr(&out);
    problems.extend(check(&err, &out));
    (!problems.is_empty()).then(|| format!("{}; stderr: {}", problems.join("; "), head(&err)))
}

fn mentions(err: &str, want: &str) -> Vec<String> {
    if err.contains(want) {
        Vec::new()
    } else {
        vec![format!("stderr does not mention {want:?}")]
    }
}

fn hides(text: &str, secrets: &[&str]) -> Vec<String> {
    secrets
        .iter()
        .filter(|s| reveals(text, s))
        .map(|s| format!("output repeats {s:?} in full"))
        .collect()
}

/// Error lines in `--format short` output.
fn error_lines(err: &str) -> usize {
    err.lines().filter(|l| l.contains("error[")).count()
}

#[test]
fn error_reports() {
    let mut p = Probes::new("error reports");
    p.record(
        "page leak on line 4 points at content/pages/news.md:4",
        report_probe(
            page_says("Walter Kaminski ran a marathon."),
            &["build"],
            |e, _| mentions(e, "content/pages/news.md:4"),
        ),
    );
    p.record(
        "page leak on line 7 points at content/pages/news.md:7",
        report_probe(
            |c: &Clinic| {
                c.write(
                    "content/pages/news.md",
                    "---\ntitle: News\ndescription: What is new\nmenu_order: 3\n---\nHello.\nWalter Kaminski ran a marathon.\n",
                )
            },
            &["--format", "short", "build"],
            |e, _| mentions(e, "content/pages/news.md:7"),
        ),
    );
    p.record(
        "leak in a page title points at content/pages/news.md:2",
        report_probe(
            |c: &Clinic| {
                c.write(
                    "content/pages/news.md",
                    "---\ntitle: Walter Kaminski runs again\n---\nHello.\n",
                )
            },
            &["--format", "short", "build"],
            |e, _| mentions(e, "content/pages/news.md:2"),
        ),
    );
    p.record(
        "story body leak names the plan file",
        report_probe(
            |c: &Clinic| {
                c.write(
                    "content/plans/p1.yaml",
                    &plan(WALTER, &story("Walt K.", "Walter Kaminski came to us.", "")),
                )
            },
            &["build"],
            |e, _| mentions(e, "content/plans/p1.yaml"),
        ),
    );
    p.record(
        "static file leak names static/data.csv",
        report_probe(
            static_file("data.csv", b"name\nWalter Kaminski\n"),
            &["--format", "short", "build"],
            |e, _| mentions(e, "static/data.csv"),
        ),
    );
    p.record(
        "template leak names templates/page.html",
        report_probe(
            |c: &Clinic| {
                c.write(
                    "templates/page.html",
                    &page_template("<!-- Walter Kaminski -->"),
                )
            },
            &["--format", "short", "build"],
            |e, _| mentions(e, "templates/page.html"),
        ),
    );
    p.record(
        "same surname on 3 pages: one error per page source",
        report_probe(
            |c: &Clinic| {
                for name in ["news", "events", "team"] {
                    c.write(
                        &format!("content/pages/{name}.md"),
                        &page("Walter Kaminski ran a marathon."),
                    );
                }
            },
            &["--format", "short", "build"],
            |e, _| {
                let mut v = Vec::new();
                if error_lines(e) != 3 {
                    v.push(format!("{} error lines, not 3", error_lines(e)));
                }
                for name in ["news", "events", "team"] {
                    v.extend(mentions(e, &format!("content/pages/{name}.md")));
                }
                v
            },
        ),
    );
    p.record(
        "same surname twice on one page: one error",
        report_probe(
            page_says("Walter Kaminski ran.\n\nKaminski won."),
            &["--format", "short", "build"],
            |e, _| {
                if error_lines(e) == 1 {
                    Vec::new()
                } else {
                    vec![format!("{} error lines, not 1", error_lines(e))]
                }
            },
        ),
    );
    p.record(
        "human format (code frames) never shows the surname",
        report_probe(
            page_says("Walter Kaminski ran a marathon."),
            &["build"],
            |e, _| hides(e, &["Kaminski"]),
        ),
    );
    p.record(
        "short format never shows the surname",
        report_probe(
            page_says("Walter Kaminski ran a marathon."),
            &["--format", "short", "build"],
            |e, _| hides(e, &["Kaminski"]),
        ),
    );
    p.record(
        "json format (stdout) never shows the surname",
        report_probe(
            page_says("Walter Kaminski ran a marathon."),
            &["--format", "json", "build"],
            |e, out| {
                let all = format!("{e}{}", String::from_utf8_lossy(&out.stdout));
                let mut v = hides(&all, &["Kaminski"]);
                if !all.contains("content/pages/news.md") {
                    v.push("json output lacks the file content/pages/news.md".into());
                }
                v
            },
        ),
    );
    p.record(
        "phone digits never in full",
        report_probe(
            page_says("Call Walter at (302) 555-0177."),
            &["build"],
            |e, _| hides(e, &["5550177", "3025550177"]),
        ),
    );
    p.record(
        "email never in full",
        report_probe(
            page_says("Write to walt.k@mail.test."),
            &["build"],
            |e, _| hides(e, &["walt.k@", "walt.k"]),
        ),
    );
    // One text that names many patients at once is one error; a few are
    // listed one by one.
    let marias = |n: usize| {
        move |c: &Clinic| {
            for (i, family) in ["Garcia", "Gomez", "Gil", "Guzman", "Gallo"][..n]
                .iter()
                .enumerate()
            {
                c.write(
                    &format!("content/plans/maria-{i}.yaml"),
                    &plan(&format!("name: Maria {family}"), ""),
                );
            }
            c.write("content/pages/news.md", &page("Thanks, Maria G.!"));
        }
    };
    p.record(
        "a text naming five patients is one error",
        report_probe(marias(5), &["build"], |e, _| {
            let errors = e.matches("error[HP0501]").count();
            let mut out = mentions(e, "and 4 other plans");
            if errors != 1 {
                out.push(format!("{errors} HP0501 errors, not 1"));
            }
            out
        }),
    );
    p.record(
        "a text naming two patients is two errors",
        report_probe(marias(2), &["build"], |e, _| {
            let errors = e.matches("error[HP0501]").count();
            if errors == 2 && !e.contains("other plans") {
                Vec::new()
            } else {
                vec![format!("{errors} HP0501 errors, not 2 one by one")]
            }
        }),
    );
    p.record(
        "birth date never in full",
        report_probe(page_says("Born June 30, 1950."), &["build"], |e, _| {
            hides(e, &["19500630", "1950-06-30", "June 30, 1950"])
        }),
    );
    p.assert_every_probe_holds();
}
