//! Unit tests of the guard on strings; the red-team suite in
//! `tests/privacy_guard.rs` drives the real binary.

use super::*;
use crate::content::config::Site;
use crate::content::plan::Plan;
use crate::stages::load::Source;

fn site() -> Site {
    crate::content::yaml::parse(
        "title: T\nclinic:\n  phone: \"(555) 555-0100\"\n  clinician: { name: Sam Rivera }\n",
        std::path::Path::new("site.yaml"),
    )
    .expect("site")
}

fn plan(patient: &str) -> Source<Plan> {
    let text = format!(
        "patient:\n{patient}\nproblem: {{ summary: x }}\ngoal: {{ statement: y, agreed_on: 2026-11-20 }}\nsteps: [{{ title: z }}]\nresponsibilities: {{}}\nnext_visit: {{ date: 2026-12-03 }}\n"
    );
    let value = crate::content::yaml::parse(&text, std::path::Path::new("p.yaml")).expect("plan");
    Source {
        path: "content/plans/p.yaml".into(),
        slug: "p".into(),
        text,
        hash: 0,
        value,
    }
}

/// The guard's context with no published story, on the tests' day.
fn bare_context(site: &Site) -> Context<'_> {
    Context {
        site,
        published: Vec::new(),
        months: Vec::new(),
        today: today(),
        stamp: None,
    }
}

/// The day the tests take ages on.
fn today() -> Date {
    Date::parse("2026-11-26").expect("a real day")
}

fn hits(patient: &str, page: &str) -> Vec<What> {
    let s = site();
    let p = plan(patient);
    let g = Guard::new([&p], &bare_context(&s));
    g.scan("page.txt", page.as_bytes())
        .hits
        .into_iter()
        .map(|h| h.what)
        .collect()
}

#[test]
fn names_in_their_forms() {
    let jose = "  name: José Núñez Herrera";
    for text in ["Mr. Núñez said", "José Nunez", "herrera", "Sr. Herrera"] {
        assert!(!hits(jose, text).is_empty(), "{text}");
    }
    assert!(hits(jose, "José did well").is_empty());
    let anna = "  name: Anna Smith-Jones";
    for text in ["Anna Smith", "SmithJones", "Ms Jones", "smith\u{ad}jones"] {
        assert!(!hits(anna, text).is_empty(), "{text}");
    }
}

#[test]
fn an_allowed_word_alone_passes_but_never_with_a_name_or_title() {
    let dot = "  name: Dorothy Walker\n  preferred_name: Dot";
    let s = site();
    let mut p = plan(dot);
    p.value.story = crate::content::yaml::parse(
        "title: t\ndisplay_name: Dot W.\npublic_words: [Walker]\n",
        std::path::Path::new("s"),
    )
    .ok();
    let g = Guard::new([&p], &bare_context(&s));
    let h = |t: &str| g.scan("a.txt", t.as_bytes()).hits;
    assert!(h("She no longer needs a walker.").is_empty());
    assert!(h("Do you need a walker? D walker").is_empty());
    for t in [
        "Dot Walker",
        "Mrs. Walker",
        "Dorothy A. Walker",
        "Walker, Dorothy",
        "Dottie Walker",
        "D. Walker",
        "WALKER D.",
        "Mister Walker",
    ] {
        assert!(!h(t).is_empty(), "{t}");
    }
}

#[test]
fn clinic_details_are_public() {
    let tom = "  name: Tom Rivera\n  phone: \"(555) 555-0100\"";
    assert!(hits(tom, "Sam Rivera, PT, will see you. Call (555) 555-0100.").is_empty());
    assert!(hits(tom, "Ask Dr. Rivera or Rivera, Sam.").is_empty());
    assert!(!hits(tom, "Tom Rivera").is_empty());
    assert!(!hits(tom, "Mr. Tom Rivera").is_empty());
}

#[test]
fn phones_emails_and_dates() {
    let p = "  name: Maria Lopez\n  phone: \"(302) 555-0142 / 302 555 0199\"\n  email: jnh68@mail.test\n  birth_date: 1968-04-12";
    for t in [
        "302\u{a0}555\u{2013}0142",
        "3025550142",
        "３０２-５５５-０１４２",
        "555 0199",
        "jnh68",
        "jnh68 at mail dot test",
        "born 4/12/68",
        "April 12th, 1968",
        "Apr 12 '68",
        "jnh68[at]mail.test",
    ] {
        assert!(!hits(p, t).is_empty(), "{t}");
    }
    assert!(hits(p, "Call (555) 555-0100, we are at 12 Main St since 1968.").is_empty());
    assert!(
        hits(p, "On December 3 we open.").is_empty(),
        "no name, no partial date"
    );
    assert!(!hits(p, "Maria comes back on December 3.").is_empty());
}

#[test]
fn an_email_made_of_a_given_name_needs_its_domain() {
    let p = "  name: Maria Lopez\n  email: maria@mail.test";
    for t in [
        "maria@mail.test",
        "Maria at mail dot test",
        "maria [at] mail.test",
        "maria+x@mail.test",
    ] {
        assert!(!hits(p, t).is_empty(), "{t}");
    }
    assert!(hits(p, "Maria is at the mail desk. maria@other.test").is_empty());
}

#[test]
fn globs() {
    assert!(glob_match("docs/*.pdf", "docs/a.pdf"));
    assert!(!glob_match("docs/*.pdf", "docs/x/a.pdf"));
    assert!(glob_match("**/*.pdf", "docs/x/a.pdf"));
    assert!(glob_match("brochure.pdf", "brochure.pdf"));
}

#[test]
fn irish_particles_join() {
    let p = "  name: Seán Ó Briain";
    assert!(!hits(p, "Thanks to ÓBriain for the music.").is_empty());
}

/// Many patients share a given name and some a family name (a large
/// clinic): each name's owners are looked up once, and a leak is still
/// reported for exactly the patient it names.
#[test]
fn shared_names_report_the_patient_they_name() {
    let s = site();
    let families = ["Lopez", "Garcia", "Rivera", "Chen"];
    let plans: Vec<Source<Plan>> = (0..40)
        .map(|i| plan(&format!("  name: Maria {}", families[i % 4])))
        .chain([plan("  name: Tom Garcia\n  preferred_name: Tommy")])
        .collect();
    let g = Guard::new(&plans, &bare_context(&s));
    let found = |page: &str| -> Vec<(usize, What)> {
        let mut v: Vec<(usize, What)> = g
            .scan("page.txt", page.as_bytes())
            .hits
            .into_iter()
            .map(|h| (h.plan, h.what))
            .collect();
        v.sort();
        v
    };
    // A given name alone names no one; the clinician's name is public even
    // though patients share its family name.
    assert!(found("Maria did well. Ask Dr. Rivera or Sam Rivera.").is_empty());
    // "Maria Chen" names the ten Maria Chens (plans 3, 7, …, 39) and no one else.
    let chen = found("Thanks to Maria Chen.");
    let expected: Vec<(usize, What)> = (0..40)
        .filter(|i| i % 4 == 3)
        .map(|i| (i, What::FullName))
        .collect();
    assert_eq!(chen, expected);
    // "Tom Garcia" is plan 40's full name; the ten Maria Garcias share
    // only the family name, next to someone else's given name.
    assert!(found("Tom Garcia").contains(&(40, What::FullName)));
    assert!(
        !found("Tom Garcia")
            .iter()
            .any(|(p, w)| *p < 40 && *w == What::FullName)
    );
    // A preferred name next to the family name pairs them (plan 40 only),
    // and so does a family name written first.
    for page in ["Tommy Garcia", "Garcia, Tommy"] {
        let hits = found(page);
        assert!(hits.contains(&(40, What::FullName)), "{page}: {hits:?}");
        assert!(
            !hits.iter().any(|(p, w)| *p < 40 && *w == What::FullName),
            "{page}: {hits:?}"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// The scan never panics, whatever runs names together, splits them or
    /// puts punctuation, digits and other alphabets between their parts:
    /// text made of the patients' name pieces (whole, cut, in the plural,
    /// as initials) and separators, the places where matches begin or end
    /// inside a word.
    #[test]
    fn the_scan_never_panics_on_name_shaped_text(
        pieces in proptest::collection::vec(0usize..PIECES.len(), 0..40),
    ) {
        let text: String = pieces.iter().map(|i| PIECES[*i]).collect();
        let g = name_guard();
        let _ = g.scan("page.html", text.as_bytes());
        let _ = g.scan("page.txt", text.as_bytes());
    }
}

/// Pieces of text around the patients of [`name_guard`].
const PIECES: [&str; 42] = [
    "Walt",
    "Walter",
    "Kaminski",
    "kaminsk",
    "Kaminskis",
    "K",
    "K.",
    "Dot",
    "Dorothy",
    "Walker",
    "walkers",
    "Ann",
    "Maria",
    "Lopez",
    "Lopezes",
    "L.",
    "Вальтер",
    "Камински",
    "3",
    "555",
    "O142",
    "'68",
    "’",
    " ",
    " ",
    ", ",
    ".",
    "-",
    "@",
    "_",
    "(",
    ")",
    "<b>",
    "\u{ad}",
    "Walter Kaminskis",
    "Walt Kaminskiwalt",
    "Dot Ann Walkers",
    "MariaLopezes",
    "Kami",
    "nskis",
    "Wal",
    "kers",
];

/// A guard over three patients, one with a published story.
fn name_guard() -> Guard {
    let s = site();
    let plans = [
        plan("  name: Walter Kaminski\n  phone: \"(302) 555-0142\""),
        plan("  name: Dorothy Walker\n  preferred_name: Dot"),
        plan("  name: Maria Lopez\n  birth_date: 1968-04-12"),
    ];
    Guard::new(
        &plans,
        &Context {
            site: &s,
            published: vec![PublishedStory {
                slug: "s".into(),
                plan: None,
                day: None,
                display_name: "Maria L.".into(),
            }],
            ..bare_context(&s)
        },
    )
}
