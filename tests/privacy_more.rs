//! More red-team probes for the public-site privacy guard: a held-out
//! examiner's set, disjoint from `tests/privacy_guard.rs`.
//!
//! Same two kinds of probe as there:
//!
//! * a LEAK: a clean clinic is built first (it must build), then the leak is
//!   introduced and the clinic built again. The second build must exit 1 on
//!   the guard (not on a parse or template error), leave the previous
//!   `public/` tree byte-for-byte untouched, and never print the identifier
//!   in full.
//! * a CLEAN: the build succeeds, and what the probe put on the site really
//!   is in `public/`.
//!
//! The expected outcome of every probe is read from the README's "Privacy
//! model". Probes marked `(debatable)` in their name go beyond what the
//! README states in so many words; they are kept because a reader of the
//! page would still see the identifier.
//!
//! Each `#[test]` runs a category, several probes at a time (each in its
//! own temporary clinic), and lists every failing probe by name at the end.
//! `cargo test --test privacy_more -- --nocapture` prints one `PASS`/`FAIL`
//! line per probe.

mod common;
use common::probes::*;
use common::*;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

// ---------------------------------------------------------------------------
// Fixtures (helpers as in tests/privacy_guard.rs)
// ---------------------------------------------------------------------------

/// The public path of the story made by [`story`].
const STORY_URL: &str = "/stories/back-to-hugging-her-granddaughter/";

/// A setup step, shareable across the probe threads.
type Setup = Box<dyn Fn(&Clinic) + Send + Sync>;

fn setup(f: impl Fn(&Clinic) + Send + Sync + 'static) -> Setup {
    Box::new(f)
}

/// Base: one plan (`content/plans/p1.yaml`, no story) and a harmless page.
fn patient(yaml: &str) -> Setup {
    let yaml = yaml.to_string();
    setup(move |c: &Clinic| {
        c.write("content/plans/p1.yaml", &plan(&yaml, ""));
        c.write("content/pages/news.md", &page("Nothing new this week."));
    })
}

/// The page `content/pages/news.md` says `text` (from line 4).
fn page_says(text: &str) -> Setup {
    let text = text.to_string();
    setup(move |c: &Clinic| c.write("content/pages/news.md", &page(&text)))
}

/// Both setups, in order.
fn both(a: Setup, b: Setup) -> Setup {
    setup(move |c: &Clinic| {
        a(c);
        b(c);
    })
}

/// A site static file.
fn static_file(rel: &str, text: &str) -> Setup {
    let (rel, text) = (rel.to_string(), text.to_string());
    setup(move |c: &Clinic| write_bytes(c, &format!("static/{rel}"), text.as_bytes()))
}

/// site.yaml with `extra`.
fn site_with(extra: &str) -> Setup {
    let extra = extra.to_string();
    setup(move |c: &Clinic| c.write("site.yaml", &site(&extra)))
}

/// A site `templates/page.html` override with `extra` inside the article.
fn page_template(extra: &str) -> String {
    format!(
        "{{% extends \"base.html\" %}}\n{{% block content %}}\n<article class=\"page\">\n{extra}\n<h1>{{{{ page.title }}}}</h1>\n<div class=\"prose\">\n{{{{ page.content_html | safe }}}}\n</div>\n</article>\n{{% endblock content %}}\n"
    )
}

fn template_says(extra: &str) -> Setup {
    let extra = extra.to_string();
    setup(move |c: &Clinic| c.write("templates/page.html", &page_template(&extra)))
}

const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30\nphone: \"(302) 555-0177\"";
const DOROTHY: &str = "name: Dorothy Walker\npreferred_name: Dot\nbirth_date: 1941-03-09";
/// The sample patient: Maria Lopez, "Mari", born 1968-04-12,
/// (302) 555-0142.
const MARIA: &str =
    "name: Maria Lopez\npreferred_name: Mari\nbirth_date: 1968-04-12\nphone: \"(302) 555-0142\"";

/// Walter Kaminski, with a template override in place (so a leak probe
/// only changes it).
fn walter_tpl() -> Setup {
    both(patient(WALTER), template_says("<!-- page -->"))
}

/// Dorothy Walker with `privacy.public_words: [Walker]`: the ordinary word
/// alone is allowed, so only a full name (Dorothy next to Walker) counts.
fn walker() -> Setup {
    both(
        site_with("privacy:\n  public_words: [Walker]\n"),
        both(patient(DOROTHY), template_says("<!-- page -->")),
    )
}

// ---------------------------------------------------------------------------
// Probe runners (as in tests/privacy_guard.rs, run several at a time)
// ---------------------------------------------------------------------------

/// A LEAK probe: `None` when the guard held, else what went wrong.
fn expect_leak(base: &Setup, leak: &Setup, secrets: &[String]) -> Option<String> {
    let (out, untouched) = match leak_build(&**base, &**leak, &["build"]) {
        Ok(r) => r,
        Err(why) => return Some(why),
    };
    let err = stderr(&out);
    let mut problems = Vec::new();
    match out.status.code() {
        Some(1) => {
            for code in ["error[HP00", "error[HP03"] {
                if err.contains(code) {
                    problems.push(format!(
                        "failed on a content/template error, not the guard: {}",
                        head(&err)
                    ));
                }
            }
        }
        Some(0) => problems.push("the build succeeded: leak not caught".to_string()),
        code => problems.push(format!("exit code {code:?}, not 1: {}", head(&err))),
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

enum Job {
    Leak {
        base: Setup,
        leak: Setup,
        secrets: Vec<String>,
    },
    Clean {
        setup: Setup,
        shows: Vec<String>,
    },
}

impl Job {
    fn run(&self) -> Option<String> {
        match self {
            Job::Leak {
                base,
                leak,
                secrets,
            } => expect_leak(base, leak, secrets),
            Job::Clean { setup, shows } => {
                let shows: Vec<&str> = shows.iter().map(String::as_str).collect();
                expect_clean(&**setup, &shows)
            }
        }
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_string()).collect()
}

/// One category's probes, run at the end several at a time.
struct Probes {
    category: &'static str,
    jobs: Vec<(String, Job)>,
}

impl Probes {
    fn new(category: &'static str) -> Probes {
        Probes {
            category,
            jobs: Vec::new(),
        }
    }

    /// A LEAK probe: `base` builds clean, `base` then `leak` must fail on
    /// the guard without printing any of `secrets`.
    fn leak(&mut self, name: &str, base: Setup, leak: Setup, secrets: &[&str]) {
        self.jobs.push((
            name.to_string(),
            Job::Leak {
                base,
                leak,
                secrets: strings(secrets),
            },
        ));
    }

    /// A LEAK probe on a page: `base`, then the page says `text`.
    fn leak_page(&mut self, name: &str, base: Setup, text: &str, secrets: &[&str]) {
        self.leak(name, base, page_says(text), secrets);
    }

    fn clean(&mut self, name: &str, setup: Setup, shows: &[&str]) {
        self.jobs.push((
            name.to_string(),
            Job::Clean {
                setup,
                shows: strings(shows),
            },
        ));
    }

    /// A CLEAN probe on a page: `base`, then the page says `text`, which
    /// must show in `public/` as `shows`.
    fn clean_page(&mut self, name: &str, base: Setup, text: &str, shows: &str) {
        self.clean(name, both(base, page_says(text)), &[shows]);
    }

    fn assert_every_probe_holds(self) {
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(2, 4);
        let next = AtomicUsize::new(0);
        let results: Vec<Mutex<Option<Option<String>>>> =
            self.jobs.iter().map(|_| Mutex::new(None)).collect();
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        let Some((_, job)) = self.jobs.get(i) else {
                            break;
                        };
                        let r = job.run();
                        *results[i].lock().unwrap() = Some(r);
                    }
                });
            }
        });
        let mut failures = Vec::new();
        for ((name, _), r) in self.jobs.iter().zip(results) {
            match r.into_inner().unwrap().expect("every probe ran") {
                None => println!("PASS [{}] {name}", self.category),
                Some(why) => {
                    println!("FAIL [{}] {name}: {why}", self.category);
                    failures.push(format!("{name}: {why}"));
                }
            }
        }
        println!(
            "[{}] {} probes, {} failing",
            self.category,
            self.jobs.len(),
            failures.len()
        );
        assert!(
            failures.is_empty(),
            "{} of {} {} probes failed:\n  {}",
            failures.len(),
            self.jobs.len(),
            self.category,
            failures.join("\n  ")
        );
    }
}

// ---------------------------------------------------------------------------
// 1. Names from other cultures
// ---------------------------------------------------------------------------

const ARABIC: &str = "name: محمد الحسيني";
const ARABIC_LATIN: &str = "name: Mohammed Al-Husseini";
/// The same patient in Arabic script, with the Latin spelling the clinic
/// knows: a transliteration from Arabic script cannot be guessed (vowels
/// are not written), so the plan says it (`other_spellings`).
const ARABIC_SPELLED: &str = "name: محمد الحسيني\nother_spellings: [Mohammed Al-Husseini]";
/// Kanji have several readings: the plan gives the Latin spelling.
const JAPANESE_SPELLED: &str = "name: 田中 花子\nlanguage: ja\nother_spellings: [Tanaka Hanako]";
const KOREAN: &str = "name: 김민준";
const JAPANESE: &str = "name: 田中 花子\nlanguage: ja";
const VIETNAMESE: &str = "name: Nguyễn Văn An\nlanguage: vi";
const HUNGARIAN: &str = "name: Kovács János\nlanguage: hu";
const PORTUGUESE: &str = "name: Maria da Silva Santos";
const IRISH: &str = "name: Seán Ó Briain";
const DUTCH: &str = "name: Jan de Vries";
const CYRILLIC: &str = "name: Иван Петров";

#[test]
fn names_arabic_korean_japanese() {
    let mut p = Probes::new("1 names: scripts");
    let a = || patient(ARABIC);
    p.leak_page(
        "Arabic script: full name in a sentence",
        a(),
        "شكراً محمد الحسيني على الحلوى.",
        &["الحسيني"],
    );
    p.leak_page(
        "Arabic script: family name alone",
        a(),
        "عاد الحسيني إلى العمل.",
        &["الحسيني"],
    );
    p.leak_page(
        "Arabic script: family name with harakat (vowel marks)",
        a(),
        "عاد الحُسَيْني إلى العمل.",
        &["الحسيني"],
    );
    p.leak_page(
        "Arabic script: family name stretched with tatweel",
        a(),
        "عاد الحســـيني إلى العمل.",
        &["الحسيني"],
    );
    p.leak_page(
        "Arabic script: family name without the article al- (debatable)",
        a(),
        "عاد حسيني إلى العمل.",
        &["حسيني"],
    );
    p.leak_page(
        "Arabic script patient with other_spellings, written in Latin: Mohammed Al-Husseini",
        patient(ARABIC_SPELLED),
        "Mohammed Al-Husseini is back at work.",
        &["Husseini"],
    );
    let t = || patient(ARABIC_LATIN);
    p.leak_page(
        "transliterated: Husseini alone",
        t(),
        "Thanks to Husseini for the dates.",
        &["Husseini"],
    );
    p.leak_page(
        "transliterated: Alhusseini joined",
        t(),
        "Thanks to Alhusseini for the dates.",
        &["Husseini"],
    );
    p.leak_page(
        "transliterated: El-Husseini (other particle)",
        t(),
        "Thanks to El-Husseini for the dates.",
        &["Husseini"],
    );
    p.leak_page(
        "transliterated: Mr. Al Husseini",
        t(),
        "Mr. Al Husseini is back at work.",
        &["Husseini"],
    );
    p.clean_page(
        "transliterated: the particle Al alone is a given name here",
        t(),
        "Al runs our front desk on Mondays.",
        "Al runs our front desk",
    );
    p.clean_page(
        "transliterated: the given name Mohammed alone",
        t(),
        "Mohammed is the most common name in the world.",
        "Mohammed is the most common",
    );
    let k = || patient(KOREAN);
    p.leak_page(
        "Korean: 김민준 inside a sentence with 님",
        k(),
        "오늘 김민준님이 다시 걸었어요.",
        &["김민준"],
    );
    p.leak_page(
        "Korean: family name with the title 씨",
        k(),
        "김 씨가 다시 걸었어요.",
        &["김 씨"],
    );
    p.leak_page(
        "Korean: usual romanization Kim Min-jun",
        k(),
        "Kim Min-jun walks again.",
        &["Min-jun"],
    );
    p.clean_page(
        "Korean: 김치 (the family syllable in a word) is not a name",
        k(),
        "김치 만들기 수업이 있어요.",
        "김치 만들기",
    );
    let j = || patient(JAPANESE);
    p.leak_page(
        "Japanese (language ja): 田中さん",
        j(),
        "田中さんは元気です。",
        &["田中"],
    );
    p.leak_page(
        "Japanese (language ja): 田中花子 without the space",
        j(),
        "田中花子は元気です。",
        &["田中"],
    );
    p.leak_page(
        "Japanese (language ja) with other_spellings: romanized Tanaka-san",
        patient(JAPANESE_SPELLED),
        "Tanaka-san is walking again.",
        &["Tanaka"],
    );
    p.leak_page(
        "Japanese (language ja) with other_spellings: romanized Hanako Tanaka",
        patient(JAPANESE_SPELLED),
        "Hanako Tanaka is walking again.",
        &["Tanaka"],
    );
    p.leak_page(
        "Japanese without a language: 田中さん (debatable)",
        patient("name: 田中 花子"),
        "田中さんは元気です。",
        &["田中"],
    );
    p.clean_page(
        "Japanese (language ja): the given name with a title, 花子さん",
        j(),
        "花子さんは元気です。",
        "花子さん",
    );
    let cy = || patient(CYRILLIC);
    p.leak_page(
        "Cyrillic patient Иван Петров written Petrov",
        cy(),
        "Thanks to Petrov for the flowers.",
        &["Petrov"],
    );
    p.leak_page(
        "Cyrillic patient Иван Петров written Ivan Petrov",
        cy(),
        "Ivan Petrov is skiing again.",
        &["Petrov"],
    );
    p.assert_every_probe_holds();
}

#[test]
fn names_family_first_and_particles() {
    let mut p = Probes::new("1 names: orders and particles");
    let v = || patient(VIETNAMESE);
    p.leak_page(
        "Vietnamese (vi): Ông Nguyễn",
        v(),
        "Ông Nguyễn đã trở lại.",
        &["Nguyễn", "Nguyen"],
    );
    p.leak_page(
        "Vietnamese (vi): western order An Nguyen",
        v(),
        "An Nguyen is back.",
        &["Nguyen"],
    );
    p.clean_page(
        "Vietnamese (vi): the middle name Văn is not 'a van'",
        v(),
        "A van will pick you up at the door.",
        "A van will pick you up",
    );
    let h = || patient(HUNGARIAN);
    p.leak_page(
        "Hungarian (hu): given-first János Kovács",
        h(),
        "János Kovács is back.",
        &["Kovács", "Kovacs"],
    );
    p.leak_page(
        "Hungarian (hu): Kovacs alone, no accent",
        h(),
        "Thanks, Kovacs!",
        &["Kovacs"],
    );
    p.leak_page(
        "Hungarian (hu): married form Kovácsné (debatable)",
        h(),
        "Kovácsné is back.",
        &["Kovács", "Kovacs"],
    );
    p.clean_page(
        "Hungarian (hu): the given name János alone",
        h(),
        "János is a common name in Budapest.",
        "János is a common name",
    );
    let pt = || patient(PORTUGUESE);
    p.leak_page(
        "Portuguese: Silva alone",
        pt(),
        "Obrigada, Silva!",
        &["Silva"],
    );
    p.leak_page(
        "Portuguese: Maria Santos",
        pt(),
        "Maria Santos dança outra vez.",
        &["Santos"],
    );
    p.leak_page(
        "Portuguese: DaSilva joined",
        pt(),
        "Obrigada, DaSilva!",
        &["Silva"],
    );
    p.leak_page(
        "Portuguese: Sra. Santos",
        pt(),
        "A Sra. Santos dança outra vez.",
        &["Santos"],
    );
    p.clean_page(
        "Portuguese: a title and the given name, Dona Maria",
        pt(),
        "Dona Maria makes the best coffee.",
        "Dona Maria makes",
    );
    let ir = || patient(IRISH);
    p.leak_page(
        "Irish: Briain alone",
        ir(),
        "Thanks to Briain for the music.",
        &["Briain"],
    );
    p.leak_page(
        "Irish: ÓBriain joined",
        ir(),
        "Thanks to ÓBriain for the music.",
        &["Briain"],
    );
    p.leak_page(
        "Irish: Sean O'Briain without the fada",
        ir(),
        "Sean O'Briain plays hurling again.",
        &["Briain"],
    );
    p.clean_page(
        "Irish: the given name Seán alone",
        ir(),
        "Seán is our new receptionist's name too.",
        "is our new receptionist",
    );
    let d = || patient(DUTCH);
    p.leak_page("Dutch: Vries alone", d(), "Dank je, Vries!", &["Vries"]);
    p.leak_page(
        "Dutch: DeVries joined",
        d(),
        "Dank je, DeVries!",
        &["Vries"],
    );
    p.leak_page(
        "Dutch: Mevrouw de Vries",
        d(),
        "Mevrouw de Vries fietst weer.",
        &["Vries"],
    );
    p.clean_page(
        "Dutch: Jan and the particle de alone",
        d(),
        "Jan zet de koffie klaar.",
        "Jan zet de koffie",
    );
    p.assert_every_probe_holds();
}

#[test]
fn names_suffixes_hyphens_apostrophes_short() {
    let mut p = Probes::new("1 names: shapes");
    let howell = || patient("name: Thurston Howell III");
    p.leak_page(
        "suffix III: Howell alone",
        howell(),
        "Howell sails again.",
        &["Howell"],
    );
    p.leak_page(
        "suffix III: Mr. Howell III",
        howell(),
        "Mr. Howell III sails again.",
        &["Howell"],
    );
    p.clean_page(
        "suffix III: a Roman numeral elsewhere",
        howell(),
        "Read chapter III of our guide.",
        "chapter III of our guide",
    );
    let mendez = || patient("name: Carlos Méndez Sr.");
    p.leak_page(
        "suffix Sr.: Mendez Sr.",
        mendez(),
        "Mendez Sr. runs again.",
        &["Mendez", "Méndez"],
    );
    p.clean_page(
        "suffix Sr.: the given name with the suffix, Carlos Sr.",
        mendez(),
        "Carlos Sr. and Carlos Jr. are common in our town.",
        "Carlos Sr. and Carlos Jr.",
    );
    let picard = || patient("name: Jean-Luc Picard");
    p.leak_page(
        "hyphenated given name: Luc Picard",
        picard(),
        "Luc Picard sails again.",
        &["Picard"],
    );
    p.leak_page(
        "hyphenated given name: initials J.-L. Picard",
        picard(),
        "J.-L. Picard sails again.",
        &["Picard"],
    );
    p.clean_page(
        "hyphenated given name alone: Jean-Luc",
        picard(),
        "Jean-Luc is a French name.",
        "is a French name",
    );
    let dangelo = || patient("name: Marco D'Angelo");
    p.leak_page(
        "apostrophe: DAngelo",
        dangelo(),
        "Thanks, DAngelo!",
        &["Angelo"],
    );
    p.leak_page(
        "apostrophe: curly D’Angelo",
        dangelo(),
        "Thanks, D’Angelo!",
        &["Angelo"],
    );
    p.leak_page(
        "apostrophe: Marco D Angelo",
        dangelo(),
        "Marco D Angelo cooks again.",
        &["Angelo"],
    );
    let ng = || patient("name: Kevin Ng");
    p.leak_page("two-letter surname: Ng alone", ng(), "Thanks, Ng!", &[]);
    let ng_word = || {
        both(
            site_with("privacy:\n  public_words: [Ng]\n"),
            patient("name: Kevin Ng"),
        )
    };
    p.clean_page(
        "two-letter surname allowed as a word: 30 ng/mL",
        ng_word(),
        "Keep vitamin D above 30 ng/mL.",
        "30 ng/mL",
    );
    p.leak_page(
        "two-letter surname allowed as a word never allows Mr. Ng",
        ng_word(),
        "Mr. Ng is golfing again.",
        &[],
    );
    p.leak_page(
        "two-letter surname allowed as a word never allows Kevin Ng",
        ng_word(),
        "Kevin Ng is golfing again.",
        &["Kevin Ng"],
    );
    p.leak_page(
        "two-letter surname: Ms. Wu",
        patient("name: Lily Wu"),
        "Ms. Wu is golfing again.",
        &[],
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 2. Hostile spellings: bidi, combining marks, styled letters, mixed scripts
// ---------------------------------------------------------------------------

/// (probe, page text) for Walter Kaminski; the surname must not be printed.
const STYLED: &[(&str, &str)] = &[
    (
        "RLO override around the name as stored",
        "Thanks to \u{202e}Kaminski\u{202c} for the cake.",
    ),
    (
        "RLI isolate and ALM inside the name",
        "Thanks to \u{2067}Kami\u{61c}nski\u{2069} for the cake.",
    ),
    (
        "Zalgo: combining marks on every letter",
        "Thanks to K\u{337}\u{322}a\u{334}m\u{338}i\u{335}n\u{336}s\u{337}k\u{338}i\u{334} for the cake.",
    ),
    (
        "combining grapheme joiner and variation selector inside",
        "Thanks to Kam\u{34f}in\u{fe0f}ski for the cake.",
    ),
    (
        "mathematical bold 𝐊𝐚𝐦𝐢𝐧𝐬𝐤𝐢",
        "Thanks to 𝐊𝐚𝐦𝐢𝐧𝐬𝐤𝐢 for the cake.",
    ),
    (
        "mathematical double-struck 𝕂𝕒𝕞𝕚𝕟𝕤𝕜𝕚",
        "Thanks to 𝕂𝕒𝕞𝕚𝕟𝕤𝕜𝕚 for the cake.",
    ),
    (
        "circled small letters ⓚⓐⓜⓘⓝⓢⓚⓘ",
        "Thanks to ⓚⓐⓜⓘⓝⓢⓚⓘ for the cake.",
    ),
    (
        "circled capitals ⓀⒶⓂⒾⓃⓈⓀⒾ",
        "Thanks to ⓀⒶⓂⒾⓃⓈⓀⒾ for the cake.",
    ),
    (
        "squared capitals 🄺🄰🄼🄸🄽🅂🄺🄸",
        "Thanks to 🄺🄰🄼🄸🄽🅂🄺🄸 for the cake.",
    ),
    (
        "negative squared capitals 🅺🅰🅼🅸🅽🆂🅺🅸",
        "Thanks to 🅺🅰🅼🅸🅽🆂🅺🅸 for the cake.",
    ),
    (
        "parenthesized letters ⒦⒜⒨⒤⒩⒮⒦⒤",
        "Thanks to ⒦⒜⒨⒤⒩⒮⒦⒤ for the cake.",
    ),
    (
        "modifier (superscript) letters ᴷᵃᵐⁱⁿˢᵏⁱ",
        "Thanks to ᴷᵃᵐⁱⁿˢᵏⁱ for the cake.",
    ),
    (
        "small capitals ᴋᴀᴍɪɴꜱᴋɪ",
        "Thanks to ᴋᴀᴍɪɴꜱᴋɪ for the cake.",
    ),
    (
        "regional indicator letters 🇰🇦🇲🇮🇳🇸🇰🇮 (debatable)",
        "Thanks to \u{1f1f0}\u{1f1e6}\u{1f1f2}\u{1f1ee}\u{1f1f3}\u{1f1f8}\u{1f1f0}\u{1f1ee} for the cake.",
    ),
    (
        "Greek capital kappa: Κaminski",
        "Thanks to \u{39a}aminski for the cake.",
    ),
    (
        "letters spaced out: K a m i n s k i",
        "Thanks to K a m i n s k i for the cake.",
    ),
    (
        "letters dashed: K-a-m-i-n-s-k-i",
        "Thanks to K-a-m-i-n-s-k-i for the cake.",
    ),
    (
        "Polish spelling: Kamiński",
        "Thanks to Kamiński for the cake.",
    ),
];

#[test]
fn spelling_hostile_letters() {
    let mut p = Probes::new("2 spelling");
    for (name, text) in STYLED {
        p.leak_page(name, patient(WALTER), text, &["Kaminski"]);
    }
    p.leak_page(
        "mixed scripts in a full name: Dorothy W\\u{430}lker (Walker allowed)",
        walker(),
        "Dorothy W\u{430}lker thanks the team.",
        &["lker"],
    );
    p.leak_page(
        "math bold given name next to the allowed word: 𝐃𝐨𝐭 Walker",
        walker(),
        "𝐃𝐨𝐭 Walker thanks the team.",
        &["Dot Walker"],
    );
    p.leak_page(
        "a digit for the first letter and a 1 for an l: 1ola 5utton",
        patient("name: Lola Sutton"),
        "Thanks to 1ola 5utton for the cake.",
        &["Lola Sutton"],
    );
    p.leak_page(
        "a 1 for an l in a family name alone: We1ker",
        patient("name: Paul Welker"),
        "Thanks to We1ker for the photos.",
        &["Welker"],
    );
    p.leak(
        "digits for first letters in a JSON file: 3sther 0kaf0r",
        patient("name: Esther Okafor"),
        static_file("team.json", "{\"who\": \"3sther 0kaf0r\"}\n"),
        &["Esther Okafor"],
    );
    p.leak_page(
        "the full name in ROT13: Jnygre Xnzvafxv",
        patient(WALTER),
        "Thanks to Jnygre Xnzvafxv for the cake.",
        &["Jnygre Xnzvafxv"],
    );
    p.leak_page(
        "the full name in ROT13, family name first: Xnzvafxv, Jnygre",
        patient(WALTER),
        "Thanks to Xnzvafxv, Jnygre for the cake.",
        &["Xnzvafxv, Jnygre"],
    );
    p.leak_page(
        "the full name written backwards: iksnimaK retlaW",
        patient(WALTER),
        "Thanks to iksnimaK retlaW for the cake.",
        &["iksnimaK retlaW"],
    );
    p.leak_page(
        "each word of the name backwards: retlaW iksnimaK",
        patient(WALTER),
        "Thanks to retlaW iksnimaK for the cake.",
        &["retlaW iksnimaK"],
    );
    p.leak(
        "a script that reverses the name's letters: ['iksnimaK','retlaW']",
        patient(WALTER),
        static_file(
            "who.js",
            "var who = ['iksnimaK', 'retlaW'].map(w => [...w].reverse().join(''));\n",
        ),
        &["iksnimaK"],
    );
    p.clean_page(
        "one word of the name backwards is not a name",
        patient("name: Ada Nuñez"),
        "A nod to zeñuN, the tool, and to Ada our coach.",
        "zeñuN",
    );
    p.clean_page(
        "ROT13 parts apart are not a name",
        patient(WALTER),
        "Jnygre is a word here, and Xnzvafxv another.",
        "Jnygre is a word here",
    );
    p.clean_page(
        "ordinals, units and codes that mix letters and digits",
        patient("name: Paul Welker"),
        "The 1st and 3rd visits, 4th floor, 5km walks at 4pm, 3mg, B12, 4x4, mp3, Win10.",
        "4th floor, 5km walks at 4pm",
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 3. Markup, file names, URLs, templates, stories
// ---------------------------------------------------------------------------

/// A JPEG skeleton with an XMP packet that says `xmp`.
fn jpeg_with_xmp(xmp: &str) -> Vec<u8> {
    let mut app1 = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    app1.extend_from_slice(xmp.as_bytes());
    let mut out = vec![0xff, 0xd8, 0xff, 0xe1];
    out.extend_from_slice(&u16::try_from(app1.len() + 2).expect("small").to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&[0xff, 0xd9]);
    out
}

fn photo(rel: &str, bytes: Vec<u8>) -> Setup {
    let rel = rel.to_string();
    setup(move |c: &Clinic| write_bytes(c, &format!("static/{rel}"), &bytes))
}

#[test]
fn pictures_that_record_a_place() {
    let mut p = Probes::new("3 markup: places");
    p.leak(
        "a story photo whose EXIF holds a GPS position",
        patient(WALTER),
        photo("img/garden.jpg", jpeg_with_gps(true)),
        &[],
    );
    p.leak(
        "a photo whose XMP holds a GPS position",
        patient(WALTER),
        photo(
            "img/walk.jpg",
            jpeg_with_xmp(
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF><rdf:Description exif:GPSLatitude=\"39,40.98N\" exif:GPSLongitude=\"75,45.12W\"/></rdf:RDF></x:xmpmeta>",
            ),
        ),
        &[],
    );
    p.clean(
        "a GPS directory without a position",
        both(patient(WALTER), photo("img/team.jpg", jpeg_with_gps(false))),
        &["Exif"],
    );
    p.clean(
        "a photo of a public place, listed as reviewed",
        both(
            site_with(
                "privacy:\n  reviewed_files:\n    - { pattern: \"img/door.jpg\", reason: \"The clinic's door, checked by Sam on 2026-11-01\" }\n",
            ),
            both(patient(WALTER), photo("img/door.jpg", jpeg_with_gps(true))),
        ),
        &["Exif"],
    );
    p.assert_every_probe_holds();
}

#[test]
fn markup_files_and_urls() {
    let mut p = Probes::new("3 markup");
    let k = &["Kaminski"];
    p.leak_page(
        "page: Markdown image alt text",
        walter_tpl(),
        "![Walter Kaminski at the gym](/img/gym.png)",
        k,
    );
    p.leak_page(
        "page: image alt Dorothy followed by the allowed word Walker",
        walker(),
        "![Dorothy](/img/a.png) Walker thanks the team.",
        &["Dorothy Walker"],
    );
    p.leak_page(
        "page: link query string ?q=Dorothy+Walker",
        walker(),
        "[Search](/search?q=Dorothy+Walker) our site.",
        &["Dorothy Walker"],
    );
    // The guard has to name the file, so no stderr check on these.
    for (name, rel) in [
        (
            "file name with underscore: Walter_Kaminski.png",
            "img/Walter_Kaminski.png",
        ),
        (
            "file name run together: WalterKaminski.svg",
            "img/WalterKaminski.svg",
        ),
    ] {
        p.leak(
            name,
            walter_tpl(),
            static_file(rel, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            &[],
        );
    }
    for (name, rel) in [
        (
            "file name with dots: dorothy.walker.txt (Walker allowed)",
            "img/dorothy.walker.txt",
        ),
        (
            "file name with a space: dorothy walker.txt (Walker allowed)",
            "img/dorothy walker.txt",
        ),
        (
            "file name across folders: dorothy/walker.txt (Walker allowed)",
            "dorothy/walker.txt",
        ),
        (
            "file name run together: DorothyWalker.txt (Walker allowed)",
            "img/DorothyWalker.txt",
        ),
    ] {
        p.leak(name, walker(), static_file(rel, "a photo"), &[]);
    }
    let svg = |body: &str| format!("<svg xmlns=\"http://www.w3.org/2000/svg\">{body}</svg>");
    p.leak(
        "SVG <text> with the surname",
        walter_tpl(),
        static_file("badge.svg", &svg("<text x=\"4\" y=\"12\">Kaminski</text>")),
        k,
    );
    p.leak(
        "SVG: given name and allowed word in two <text> elements",
        walker(),
        static_file(
            "badge.svg",
            &svg("<text x=\"0\">Dorothy</text><text x=\"60\">Walker</text>"),
        ),
        &["Dorothy"],
    );
    p.leak(
        "SVG: given name and allowed word in two <tspan>s",
        walker(),
        static_file(
            "badge.svg",
            &svg("<text><tspan>Dorothy</tspan><tspan dx=\"4\">Walker</tspan></text>"),
        ),
        &["Dorothy"],
    );
    p.leak(
        "HTML: given name and allowed word split across alt and title",
        walker(),
        static_file(
            "a.html",
            "<img alt=\"Dorothy\" title=\"Walker\" src=\"x.png\">",
        ),
        &["Dorothy"],
    );
    p.leak(
        "template: given name and allowed word on two lines in two <p>s",
        walker(),
        template_says("<p>Dorothy</p>\n<p>Walker</p>"),
        &["Dorothy"],
    );
    p.leak(
        "template: href query ?q=Dorothy%20Walker",
        walker(),
        template_says("<a href=\"/search?q=Dorothy%20Walker\">search</a>"),
        &["Dorothy"],
    );
    p.leak(
        "static .txt: URL with ?q=Dorothy%20Walker",
        walker(),
        static_file(
            "links.txt",
            "https://clinic.test/search?q=Dorothy%20Walker\n",
        ),
        &["Dorothy"],
    );
    p.leak(
        "static .json: URL with ?q=Dorothy%20Walker",
        walker(),
        static_file(
            "links.json",
            "{\"url\": \"https://clinic.test/?q=Dorothy%20Walker\"}\n",
        ),
        &["Dorothy"],
    );
    p.leak(
        "static .js: template literal `Hello Dorothy Walker`",
        walker(),
        static_file("app.js", "const who = `Hello Dorothy Walker`;\n"),
        &["Dorothy"],
    );
    p.leak(
        "static .js: template literal with interpolation `Dorothy ${\"Walker\"}`",
        walker(),
        static_file("app.js", "const who = `Dorothy ${\"Walker\"}`;\n"),
        &["Dorothy"],
    );
    p.leak(
        "static .js: [\"Dorothy\", \"Walker\"].join(\" \")",
        walker(),
        static_file(
            "app.js",
            "const who = [\"Dorothy\", \"Walker\"].join(\" \");\n",
        ),
        &["Dorothy"],
    );
    p.leak(
        "template: JSON-LD birthDate",
        walter_tpl(),
        template_says(
            "<script type=\"application/ld+json\">{\"@type\": \"Person\", \"birthDate\": \"1950-06-30\"}</script>",
        ),
        &["19500630", "1950-06-30"],
    );
    p.leak(
        "template: JSON-LD telephone",
        walter_tpl(),
        template_says(
            "<script type=\"application/ld+json\">{\"@type\": \"Person\", \"telephone\": \"+1-302-555-0177\"}</script>",
        ),
        &["5550177"],
    );
    p.leak(
        "template: <time datetime> of the birth date",
        walter_tpl(),
        template_says("<time datetime=\"1950-06-30\">a while ago</time>"),
        &["19500630"],
    );
    p.leak(
        "template: <meta name=author content>",
        walter_tpl(),
        template_says("<meta name=\"author\" content=\"Walter Kaminski\">"),
        k,
    );
    p.leak(
        "template: id attribute id=\"kaminski\" (a #fragment in URLs)",
        walter_tpl(),
        template_says("<section id=\"kaminski\">Our story</section>"),
        k,
    );
    p.leak(
        "template: percent-encoded data: URI with an SVG <text>",
        walter_tpl(),
        template_says(
            "<img alt=\"\" src=\"data:image/svg+xml,%3Csvg%3E%3Ctext%3EKaminski%3C/text%3E%3C/svg%3E\">",
        ),
        k,
    );
    p.leak(
        "template: base64 data: URI of text/plain 'Walter Kaminski' (debatable)",
        walter_tpl(),
        template_says("<a href=\"data:text/plain;base64,V2FsdGVyIEthbWluc2tp\">note</a>"),
        k,
    );
    p.leak(
        "template: <bdo dir=rtl> shows 'iksnimaK retlaW' as the name",
        walter_tpl(),
        template_says("<p>Our hero: <bdo dir=\"rtl\">iksnimaK retlaW</bdo></p>"),
        k,
    );
    p.leak(
        "template: a span with unicode-bidi: bidi-override; direction: rtl",
        walter_tpl(),
        template_says(
            "<p><span style=\"unicode-bidi: bidi-override; direction: rtl\">iksnimaK</span></p>",
        ),
        k,
    );
    p.leak_page(
        "page: a right-to-left override character before the name reversed",
        patient(WALTER),
        "Our hero is \u{202e}iksnimaK retlaW\u{202c} again.",
        k,
    );
    p.leak(
        "static text file: the name in a Punycode domain",
        patient(ROSA),
        static_file("links.txt", "https://xn--rosahernndez-jbb.example/\n"),
        &["hernández"],
    );
    // A family name of six letters or more written backwards is the
    // name (round 11: "Iksnimak" is Kaminski), in right-to-left text as
    // in any other: the direction neither hides it nor turns it back.
    p.leak(
        "template: a family name backwards in right-to-left text",
        patient(WALTER),
        template_says("<p dir=\"rtl\">iksnimaK</p>"),
        k,
    );
    p.leak(
        "static text file: hexadecimal of 'Walter Kaminski'",
        patient(WALTER),
        static_file("ids.txt", "id=57616c746572204b616d696e736b69\n"),
        k,
    );
    p.leak(
        "static script: 0x hexadecimal of 'Walter Kaminski'",
        patient(WALTER),
        static_file(
            "ids.js",
            "var who = \"0x57616C746572204B616D696E736B69\";\n",
        ),
        k,
    );
    p.leak(
        "static CSS: content of two strings written side by side",
        patient(WALTER),
        static_file(
            "extra.css",
            ".who::after { content: \"Walter Kamin\" \"ski\"; }\n",
        ),
        k,
    );
    p.clean(
        "a hash in hexadecimal is no text",
        both(
            patient(WALTER),
            static_file(
                "sums.txt",
                "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
            ),
        ),
        &["9f86d081884c7d659a2f"],
    );
    p.clean(
        "template: a lone surname as a JS identifier is code (README)",
        both(
            walter_tpl(),
            template_says("<script>const kaminski = 1;</script>"),
        ),
        &["const kaminski = 1;"],
    );
    p.assert_every_probe_holds();
}

#[test]
fn stories_fields() {
    let mut p = Probes::new("3 markup: stories");
    let base = || {
        setup(|c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &plan(
                    WALTER,
                    &story("Walt K.", "Walt came to us with a sore knee.", ""),
                ),
            )
        })
    };
    let with = |from: &'static str, to: &'static str| {
        setup(move |c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &plan(
                    WALTER,
                    &story("Walt K.", "Walt came to us with a sore knee.", ""),
                )
                .replacen(from, to, 1),
            )
        })
    };
    p.leak(
        "story tag [kaminski] (becomes a path tags/kaminski/)",
        base(),
        with("tags: [shoulder]", "tags: [kaminski]"),
        &[],
    );
    p.leak(
        "story display_name W. Kaminski",
        base(),
        with("display_name: Walt K.", "display_name: W. Kaminski"),
        k_secret(),
    );
    p.leak(
        "story quote with the surname letter-spaced",
        base(),
        with(
            "quote: I picked her up last week.",
            "quote: Thanks from W. K-a-m-i-n-s-k-i.",
        ),
        k_secret(),
    );
    p.clean(
        "a page naming the story by its display name",
        both(base(), page_says("Read how Walt K. got back to golf.")),
        &["Read how Walt K. got back"],
    );
    p.assert_every_probe_holds();
}

fn k_secret() -> &'static [&'static str] {
    &["Kaminski"]
}

// ---------------------------------------------------------------------------
// 4. Phones and emails
// ---------------------------------------------------------------------------

const PHONES: &[(&str, &str)] = &[
    (
        "tel: link with %20 separators",
        "[Call her](tel:302%20555%200142) today.",
    ),
    (
        "tel: link with +1%20(302)%20555-0142 in raw HTML",
        "<a href=\"tel:+1%20(302)%20555-0142\">Call her</a> today.",
    ),
    (
        "%20 separators in prose (a pasted URL)",
        "Call 302%20555%200142 today.",
    ),
    ("underscores: 302_555_0142", "Call 302_555_0142 today."),
    (
        "middle dots: 302 · 555 · 0142",
        "Call 302 \u{b7} 555 \u{b7} 0142 today.",
    ),
    ("circled digits", "Call ③⓪② ⑤⑤⑤ ⓪①④② today."),
    ("mathematical bold digits", "Call 𝟑𝟎𝟐 𝟓𝟓𝟓 𝟎𝟏𝟒𝟐 today."),
    ("Arabic-Indic digits", "اتصل ٣٠٢ ٥٥٥ ٠١٤٢ اليوم."),
    (
        "digits in three table cells",
        "| area | exchange | line |\n|---|---|---|\n| 302 | 555 | 0142 |",
    ),
    (
        "digits grouped 2-2: 302 555 01 42",
        "Call 302 555 01 42 today.",
    ),
];

#[test]
fn phones_more_ways() {
    let mut p = Probes::new("4 phones");
    for (name, text) in PHONES {
        p.leak_page(name, patient(MARIA), text, &["5550142"]);
    }
    let uk = || patient("name: Ivan Petrov\nphone: \"+44 20 7946 0958\"");
    p.leak_page(
        "UK field +44 20 7946 0958 written nationally 020 7946 0958",
        uk(),
        "Ring 020 7946 0958 today.",
        &["79460958"],
    );
    p.leak_page(
        "UK field +44 20 7946 0958 written +44 (0)20 7946 0958",
        uk(),
        "Ring +44 (0)20 7946 0958 today.",
        &["79460958"],
    );
    p.leak_page(
        "UK field +44 20 7946 0958 written 0044 20 7946 0958",
        uk(),
        "Ring 0044 20 7946 0958 today.",
        &["79460958"],
    );
    p.leak_page(
        "UK field 020 7946 0958 written internationally +44 20 7946 0958",
        patient("name: Ivan Petrov\nphone: \"020 7946 0958\""),
        "Ring +44 20 7946 0958 today.",
        &["79460958"],
    );
    for (name, text) in [
        (
            "the letter O for a zero: (302) 555-O142",
            "Call (302) 555-O142 any time.",
        ),
        ("O and l for 0 and 1: 3O2.555.0l42", "Call 3O2.555.0l42."),
    ] {
        p.leak_page(name, patient(MARIA), text, &["5550142"]);
    }
    p.clean_page(
        "o between numbers is a word: 5 o 6 veces, 555 o 0142",
        patient(MARIA),
        "Haga 5 o 6 veces; llame al 555 o 0142.",
        "Haga 5 o 6 veces",
    );
    p.clean_page(
        "emergency and billing numbers: 911, 988, CPT 97110",
        patient(MARIA),
        "In an emergency call 911 or 988. We bill CPT 97110, 97140 and 97530.",
        "CPT 97110, 97140 and 97530",
    );
    p.clean_page(
        "the clinic phone written internationally: +1 555 555 0100",
        patient(MARIA),
        "From abroad, call +1 555 555 0100.",
        "+1 555 555 0100",
    );
    p.assert_every_probe_holds();
}

/// An email whose local part is a given name and an initial: only the
/// address itself identifies, so only email matching can catch it.
const IVAN: &str = "name: Ivan Petrov\nemail: ivan.p@mail.test";
const HERON: &str = "name: Ivan Petrov\nemail: blue.heron.77@mail.test";

const EMAILS: &[(&str, &str)] = &[
    (
        "every dot spelled out: ivan dot p at mail dot test",
        "Write to ivan dot p at mail dot test today.",
    ),
    (
        "(at) and (dot)",
        "Write to ivan.p (at) mail (dot) test today.",
    ),
    ("{at} and {dot}", "Write to ivan.p{at}mail{dot}test today."),
    (
        "spaces around @ and .",
        "Write to ivan.p @ mail . test today.",
    ),
    (
        "entities for @ and .",
        "Write to ivan.p&#64;mail&#46;test today.",
    ),
    (
        "percent-encoded @ in prose: ivan.p%40mail.test",
        "Write to ivan.p%40mail.test today.",
    ),
    (
        "full-width domain: ivan.p＠ｍａｉｌ．ｔｅｓｔ",
        "Write to ivan.p＠ｍａｉｌ．ｔｅｓｔ today.",
    ),
    (
        "Spanish spelled out: arroba / punto (debatable)",
        "Escribe a ivan.p arroba mail punto test hoy.",
    ),
    (
        "split by markup: ivan<span>.p@mail</span>.test",
        "Write to ivan<span>.p@mail</span>.test today.",
    ),
];

#[test]
fn emails_more_ways() {
    let mut p = Probes::new("4 emails");
    for (name, text) in EMAILS {
        p.leak_page(name, patient(IVAN), text, &["ivan.p@"]);
    }
    p.leak_page(
        "distinctive address with every dot spelled out",
        patient(HERON),
        "Write to blue dot heron dot 77 at mail dot test today.",
        &["heron.77"],
    );
    p.leak(
        "JS character codes String.fromCharCode(…)",
        patient(WALTER),
        static_file(
            "hello.js",
            "const who = String.fromCharCode(87, 97, 108, 116, 101, 114, 32, 0x4B, 97, 109, 105, 110, 115, 107, 105);\n",
        ),
        &["Walter Kaminski"],
    );
    p.leak(
        "JS string concatenation \"ivan.p\" + \"@\" + \"mail.test\"",
        patient(IVAN),
        static_file(
            "contact.js",
            "const to = \"ivan.p\" + \"@\" + \"mail.test\";\n",
        ),
        &["ivan.p@"],
    );
    for (name, text) in [
        (
            "user name: initial, family name, year",
            "Find her as mlopez1968 on the forum.",
        ),
        (
            "user name: family name, initial, digits",
            "Find her as LopezM68.",
        ),
        (
            "handle: @ initial and family name",
            "Follow @mlopez for her updates.",
        ),
        ("handle after \"follow\"", "Follow mlopez for her updates."),
        (
            "handle in a profile's address",
            "Her photos: instagram.com/mlopez",
        ),
        ("handle after \"user name:\"", "Her user name: lopezm"),
        (
            "email local part of another address",
            "Write to mlopez@mail.test today.",
        ),
    ] {
        p.leak_page(name, patient(MARIA), text, &["mlopez", "lopezm"]);
    }
    p.clean_page(
        "an initial and a family name that make a word after \"follow\": the price",
        patient("name: Paul Rice"),
        "Follow the price list: the price of a visit is fair.",
        "the price of a visit",
    );
    let ward = || patient("name: Ann Ward");
    p.clean_page(
        "an initial and a family name that make a word: award",
        ward(),
        "She won an award (her second award) at the 2026 games.",
        "She won an award",
    );
    p.clean_page(
        "words of a distinctive local part in prose: blue herons",
        patient(HERON),
        "Blue herons nest by the lake behind the clinic.",
        "Blue herons nest",
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 5. Dates
// ---------------------------------------------------------------------------

/// (probe, page text, secrets) on a page that does not name Maria
/// (born 1968-04-12; goal agreed 2026-11-20, target 2027-02-15; next visit
/// 2026-12-03).
const FULL_DATES: &[(&str, &str, &[&str])] = &[
    ("birth: 12-Apr-1968", "Born 12-Apr-1968.", &["19680412"]),
    ("birth: 1968.04.12", "Born 1968.04.12.", &["19680412"]),
    (
        "birth: April the 12th, 1968",
        "Born April the 12th, 1968.",
        &["19680412"],
    ),
    (
        "birth: Roman month 12/IV/1968",
        "Born 12/IV/1968.",
        &["19680412"],
    ),
    (
        "birth: Arabic month 12 أبريل 1968",
        "ولدت في 12 أبريل 1968.",
        &["19680412"],
    ),
    (
        "birth: Arabic month and Arabic-Indic digits ١٢ أبريل ١٩٦٨",
        "ولدت في ١٢ أبريل ١٩٦٨.",
        &["19680412"],
    ),
    (
        "birth: Levantine Arabic month 12 نيسان 1968 (debatable)",
        "ولدت في 12 نيسان 1968.",
        &["19680412"],
    ),
    (
        "birth: two-digit year with a month name, 12-Apr-68",
        "Born 12-Apr-68.",
        &["19680412"],
    ),
    (
        "birth: a medical record's compact 12APR68",
        "DOB 12APR68, seen for her shoulder.",
        &["19680412"],
    ),
    (
        "birth: Japanese 1968年4月12日",
        "1968年4月12日生まれ。",
        &["19680412"],
    ),
    (
        "birth: Korean 1968년 4월 12일",
        "1968년 4월 12일 출생.",
        &["19680412"],
    ),
    (
        "birth: Vietnamese ngày 12 tháng 4 năm 1968",
        "Sinh ngày 12 tháng 4 năm 1968.",
        &["19680412"],
    ),
    (
        "birth: ordinal word, the twelfth of April, 1968 (debatable)",
        "Born the twelfth of April, 1968.",
        &["19680412"],
    ),
    (
        "birth: weekday first, Friday, April 12, 1968",
        "Born Friday, April 12, 1968.",
        &["19680412"],
    ),
    (
        "birth: an ordinal day and a two-digit year, April 12th, '68",
        "Born April 12th, '68.",
        &["19680412"],
    ),
    (
        "birth: April 12th '68, no comma",
        "Born April 12th '68.",
        &["19680412"],
    ),
    (
        "birth: a curly apostrophe, 12 Apr ’68",
        "Born 12 Apr ’68.",
        &["19680412"],
    ),
    (
        "goal target: German 15.02.2027",
        "Ziel: 15.02.2027.",
        &["20270215"],
    ),
    (
        "goal target: two-digit year 15-Feb-27",
        "Goal: 15-Feb-27.",
        &["20270215"],
    ),
    (
        "goal agreed: ISO date-time 2026-11-20T09:00",
        "Agreed 2026-11-20T09:00.",
        &["20261120"],
    ),
    (
        "next visit: French 3 décembre 2026",
        "Prochaine visite le 3 décembre 2026.",
        &["20261203"],
    ),
];

/// (probe, page text): a date without its year on a page that names Maria.
const PARTIAL_DATES: &[(&str, &str)] = &[
    (
        "birthday without year, page names her preferred name",
        "Happy birthday, Mari! April 12 is your day.",
    ),
    (
        "birthday in Spanish, page names her preferred name",
        "Mari cumple años el 12 de abril.",
    ),
    (
        "birthday 4/12, page names her preferred name",
        "Mari, 4/12.",
    ),
    (
        "visit day German style 3.12., page names her",
        "Mari kommt am 3.12. wieder.",
    ),
    (
        "birthday, page names her display name Mari L.",
        "Mari L. celebrates on 12 April.",
    ),
    (
        "birth month with an apostrophe year, page names her",
        "Mari was born in April '68.",
    ),
];

#[test]
fn dates_more_spellings() {
    let mut p = Probes::new("5 dates");
    for (name, text, secrets) in FULL_DATES {
        p.leak_page(name, patient(MARIA), text, secrets);
    }
    for (name, text) in PARTIAL_DATES {
        p.leak_page(name, maria_story(|p| p), text, &["19680412", "20261203"]);
    }
    // "Mar", March's English abbreviation, is also the sea in Spanish.
    let march = || patient("name: Rosa Diaz\nbirth_date: 1968-03-14");
    for (name, text) in [
        ("birth: Mar 14, 1968", "Born Mar 14, 1968."),
        ("birth: 14 Mar '68", "Born 14 Mar '68."),
        ("birth: Spanish 14 mar 1968", "Nació el 14 mar 1968."),
        ("birth: 1968 Mar 14", "Born 1968 Mar 14."),
        ("birth: 14 Mar 68, spaces only", "Born 14 Mar 68."),
        ("birth: March 14 68", "Her day: March 14 68."),
        ("birth: Mar. 14, 68", "Born Mar. 14, 68, in Dover."),
        (
            "birth: born 14 March 68 in Dover",
            "Born 14 March 68 in Dover.",
        ),
        ("birth: French 14 mars 68", "Née le 14 mars 68."),
        ("birth: year first 68-03-14", "Born 68-03-14."),
        ("birth: year first 68/03/14", "Born 68/03/14."),
        ("birth: six digits after DOB, 140368", "DOB 140368."),
        ("birth: six digits after born, 031468", "Born 031468."),
        (
            "birth: six digits year first, 680314",
            "Date of birth: 680314",
        ),
    ] {
        p.leak_page(name, march(), text, &["19680314"]);
    }
    p.clean_page(
        "six digits with no birth word are a number",
        march(),
        "Order 140368 shipped; ticket 680314 closed.",
        "Order 140368 shipped",
    );
    p.clean_page(
        "a number after a day and month is no year when words follow it",
        march(),
        "On 14 March 68 runners finished the race.",
        "On 14 March 68 runners",
    );
    p.clean_page(
        "the sea (mar) next to numbers, and sets",
        march(),
        "Vimos el mar 3 veces. Set 3: 14 reps.",
        "Vimos el mar 3 veces.",
    );
    p.leak(
        "consent signed date (its own day) on a page",
        patient(MARIA),
        setup(|c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &plan(MARIA, &story("Mari L.", "Mari came to us.", ""))
                    .replace("signed_on: 2026-11-20", "signed_on: 2026-11-18"),
            );
            c.write(
                "content/pages/news.md",
                &page("The form was signed on 18 November 2026."),
            );
        }),
        &["20261118"],
    );
    p.assert_every_probe_holds();
}

#[test]
fn dates_that_are_public() {
    let mut p = Probes::new("5 dates: public");
    p.clean_page(
        "a birthday without year on a page naming nobody",
        patient(MARIA),
        "Happy birthday to our clinic: April 12!",
        "April 12!",
    );
    p.clean_page(
        "the year of birth alone",
        patient(MARIA),
        "Since 1968 we have cared for our town.",
        "Since 1968",
    );
    p.clean_page(
        "the year of birth alone, page names her",
        patient(MARIA),
        "Mari was born in 1968.",
        "born in 1968",
    );
    p.clean_page(
        "a clinic event date",
        patient(MARIA),
        "Open house on March 7, 2027, from 10 to 2.",
        "March 7, 2027",
    );
    // Story published 2026-11-25 for Maria; the same day is another
    // patient's next visit. README: a story's published_on day is public
    // where the story shows, "never as another patient's date".
    let two = || {
        setup(|c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &plan(MARIA, &story("Mari L.", "Mari came to us.", "")),
            );
            c.write(
                "content/plans/p2.yaml",
                &plan("name: Ann Other\nbirth_date: 1980-01-01", "")
                    .replace("date: 2026-12-03", "date: 2026-11-25"),
            );
            c.write("content/pages/news.md", &page("Nothing new this week."));
        })
    };
    p.leak(
        "a page linking a story exempts its day for another patient's visit",
        two(),
        page_says(&format!(
            "Read [Mari's story]({STORY_URL}). We were closed on November 25, 2026."
        )),
        &[],
    );
    p.leak(
        "a story's own body shows its published day that is another patient's visit",
        two(),
        setup(|c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &plan(
                    MARIA,
                    &story(
                        "Mari L.",
                        "Mari came to us.\nOn November 25, 2026 we were closed.",
                        "",
                    ),
                ),
            )
        }),
        &[],
    );
    // Story published on its own patient's visit day (goal agreed,
    // 2026-11-20; the build's clock is 2026-11-26, so it is published).
    let own = || {
        setup(|c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &plan(MARIA, &story("Mari L.", "Mari came to us.", ""))
                    .replace("published_on: 2026-11-25", "published_on: 2026-11-20"),
            );
            c.write("content/pages/news.md", &page("Nothing new this week."));
        })
    };
    p.clean_page(
        "a page linking the story may give its own publication day",
        own(),
        &format!("New: [Mari L.'s story]({STORY_URL}), posted November 20, 2026."),
        "posted November 20, 2026",
    );
    p.leak_page(
        "the same day on a page that does not link the story",
        own(),
        "We were closed on November 20, 2026.",
        &["20261120"],
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// 6. Ordinary clinic pages that must build
// ---------------------------------------------------------------------------

#[test]
fn ordinary_pages_build() {
    let mut p = Probes::new("6 clean pages");
    let many = || {
        setup(|c: &Clinic| {
            c.write("content/plans/p1.yaml", &plan(MARIA, ""));
            c.write("content/plans/p2.yaml", &plan(WALTER, ""));
            c.write(
                "content/plans/p3.yaml",
                &plan("name: Nguyễn Thi Lan\nfamily_names: [Nguyễn]\ngiven_names: [Thi Lan]\nphone: \"(302) 555-0190\"", ""),
            );
            c.write("content/pages/news.md", &page("Nothing new this week."));
        })
    };
    p.clean_page(
        "a table of hours, prices and dates",
        many(),
        "| Day | Hours | Price |\n|---|---|---|\n| Monday | 7:00-19:00 | $120 |\n| Saturday | 8:00-12:00 | $95 |\n\nClosed 12/24, 12/25 and 1/1. Founded 1968; 2,500 patients a year; suite 302.",
        "Closed 12/24, 12/25 and 1/1",
    );
    p.clean_page(
        "a page naming the clinician",
        many(),
        "Sam Rivera, PT, DPT, leads the Tuesday balance class. Dr. Rivera trained in Ohio.",
        "Sam Rivera, PT, DPT, leads",
    );
    p.clean_page(
        "exercise counts: 3 sets of 10, hold 30 seconds, 2x/day",
        many(),
        "Do 3 sets of 10, hold 30 seconds, 2x/day, 5 days a week for 12 weeks.",
        "3 sets of 10",
    );
    p.clean_page(
        "given names alone: Maria, Walter, Lan",
        many(),
        "Maria, Walter and Lan are names we see every week.",
        "Maria, Walter and Lan",
    );
    p.clean_page(
        "common words: walker, cane, van, lane, young",
        many(),
        "Bring your walker or cane; the van stops in the lane; exercise keeps you young.",
        "the van stops in the lane",
    );
    p.clean_page(
        "a Spanish page with month names and numbers",
        many(),
        "Abrimos el 7 de marzo de 2027. Haga 3 series de 10 repeticiones.",
        "Abrimos el 7 de marzo de 2027",
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// Typos: a given name next to the family name spelt one letter wrong
// ---------------------------------------------------------------------------

/// Alexandra Nguyen ("Lexi"), no story.
const LEXI: &str = "name: Alexandra Nguyen\npreferred_name: Lexi\nbirth_date: 2010-05-14";

#[test]
fn typos_in_a_family_name_next_to_a_given_name() {
    let mut p = Probes::new("typos");
    for (what, text, secret) in [
        (
            "a letter changed: Walter Kaminsky",
            "Walter Kaminsky is golfing again.",
            "Kaminsky",
        ),
        (
            "a letter dropped: Walter Kamiski",
            "Walter Kamiski is golfing again.",
            "Kamiski",
        ),
        (
            "a letter added: Walter Kamminski",
            "Walter Kamminski is golfing again.",
            "Kamminski",
        ),
        (
            "two letters swapped: Walter Kaminksi",
            "Walter Kaminksi is golfing again.",
            "Kaminksi",
        ),
        (
            "family first: Kaminsky, Walter",
            "Thanks to Kaminsky, Walter.",
            "Kaminsky",
        ),
        (
            "in capitals: WALTER KAMINSKY",
            "THANKS, WALTER KAMINSKY!",
            "KAMINSKY",
        ),
        (
            "with an accent: Walter Kamińsky",
            "Walter Kamińsky is golfing again.",
            "Kamińsky",
        ),
        (
            "across markup: Walter <em>Kaminsky</em>",
            "Walter <em>Kaminsky</em> is golfing.",
            "Kaminsky",
        ),
    ] {
        p.leak_page(what, patient(WALTER), text, &[secret]);
    }
    p.leak_page(
        "a given name misspelt next to a family name allowed alone: Dorthy Walker",
        walker(),
        "Dorthy Walker thanks the team.",
        &["Dorthy Walker"],
    );
    p.leak_page(
        "family first, the given name misspelt: Walker, Dorohty",
        walker(),
        "Thanks to Walker, Dorohty.",
        &["Dorohty"],
    );
    for (what, text, secret) in [
        (
            "a variant of the given name: Dorothea Walker",
            "Dorothea Walker thanks the team.",
            "Dorothea Walker",
        ),
        (
            "a variant, two letters changed: Dorothee Walker",
            "Dorothee Walker thanks the team.",
            "Dorothee Walker",
        ),
        (
            "a variant, family first: Walker, Dorothea",
            "Thanks to Walker, Dorothea.",
            "Dorothea",
        ),
    ] {
        p.leak_page(what, walker(), text, &[secret]);
    }
    p.clean_page(
        "another given name sharing a start: Doris Walker",
        walker(),
        "Doris Walker thanks the team.",
        "Doris Walker",
    );
    p.clean_page(
        "a variant allowed as another person's name",
        both(
            site_with("privacy:\n  public_words: [Walker, Dorothea]\n"),
            both(patient(DOROTHY), template_says("<!-- page -->")),
        ),
        "Dorothea Walker sponsors the golf day.",
        "Dorothea Walker",
    );
    p.clean_page(
        "the allowed family name with an ordinary word: Bring your Walker",
        walker(),
        "Bring your Walker and your shoes.",
        "Bring your Walker",
    );
    p.leak_page(
        "the preferred name: Lexi Nguyem",
        patient(LEXI),
        "Lexi Nguyem scored twice.",
        &["Nguyem"],
    );
    p.leak_page(
        "a plural: Alexandra Nguyens",
        patient(LEXI),
        "Alexandra Nguyens scored twice.",
        &["Nguyens"],
    );
    // Both halves one letter off: two typos side by side name the patient
    // as surely as one.
    for (what, base, text, secret) in [
        (
            "both halves: Valter Kaminsky",
            patient(WALTER),
            "Valter Kaminsky is golfing again.",
            "Valter Kaminsky",
        ),
        (
            "both halves, family first: Lopes, Marya",
            patient(MARIA),
            "Thanks to Lopes, Marya.",
            "Lopes, Marya",
        ),
        (
            "both halves, a short given name: Lexy Nguyem",
            patient(LEXI),
            "Lexy Nguyem scored twice.",
            "Lexy Nguyem",
        ),
        (
            "both halves, the family name allowed alone: Dorthy Walkr",
            walker(),
            "Dorthy Walkr thanks the team.",
            "Dorthy Walkr",
        ),
    ] {
        p.leak_page(what, base, text, &[secret]);
    }
    // Spelt as it sounds: a word that sounds like the other half of the
    // name ([`sound_key`]: consonants, vowels aside) is near too.
    const CATHERINE: &str = "name: Catherine Thompson\nbirth_date: 1957-09-09";
    for (what, base, text, secret) in [
        (
            "sounds alike, two letters off: Walter Camminski",
            patient(WALTER),
            "Walter Camminski is golfing again.",
            "Camminski",
        ),
        (
            "the given name sounds alike, the family name a letter off: Katharine Thomson",
            patient(CATHERINE),
            "Katharine Thomson is back at the piano.",
            "Katharine Thomson",
        ),
        (
            "another spelling of the given name, the family name a letter off: Mohammed Hasan",
            patient("name: Muhammad Hassan\nbirth_date: 1966-04-05"),
            "Mohammed Hasan is lifting again.",
            "Mohammed Hasan",
        ),
        (
            "family first, both spelt as they sound: Gorbatschow, Michail",
            patient("name: Mikhail Gorbachev\nbirth_date: 1949-03-02"),
            "Thanks to Gorbatschow, Michail.",
            "Gorbatschow",
        ),
    ] {
        p.leak_page(what, base, text, &[secret]);
    }
    p.clean_page(
        "a clinician whose name sounds like a patient's: Katharine Thomson, PT",
        setup(|c: &Clinic| {
            let yaml = plan(CATHERINE, "").replacen(
                "problem:\n",
                "clinician:\n  name: Katharine Thomson\nproblem:\n",
                1,
            );
            c.write("content/plans/p1.yaml", &yaml);
        }),
        "Katharine Thomson, PT, leads the Tuesday class.",
        "Katharine Thomson",
    );
    p.clean_page(
        "a short sound is no name: Brian Reed for Brian Reid",
        patient("name: Brian Reid\nbirth_date: 1970-01-02"),
        "Brian Reed lent us his bike.",
        "Brian Reed",
    );
    p.clean_page(
        "title-case words near both halves: And Ready (Andy Reddy)",
        patient("name: Andrew Reddy\npreferred_name: Andy\nbirth_date: 1971-02-03"),
        "## And Ready For Any Set Up",
        "And Ready For",
    );
    p.leak(
        "in a template: Walter Kaminsky",
        patient(WALTER),
        template_says("<p>Walter Kaminsky</p>"),
        &["Kaminsky"],
    );
    let storied = |display: &'static str, body: &'static str| {
        setup(move |c: &Clinic| {
            c.write(
                "content/plans/p1.yaml",
                &plan(WALTER, &story(display, body, "")),
            )
        })
    };
    let base = || storied("Walt K.", "Walt came to us with a sore knee.");
    p.leak(
        "a story's display name: Walt Kaminsky",
        base(),
        storied("Walt Kaminsky", "Walt came to us with a sore knee."),
        &["Kaminsky"],
    );
    p.leak(
        "a story's body: Walt Kaminksi",
        base(),
        storied("Walt K.", "Walt Kaminksi came to us with a sore knee."),
        &["Kaminksi"],
    );
    p.clean_page(
        "an ordinary word after a given name: Walter walked",
        patient(WALTER),
        "Walter walked nine holes.",
        "Walter walked nine holes",
    );
    // A title says the word after it is a family name: a typo of the
    // patient's there names them as the family name itself would.
    for (what, text, secret) in [
        (
            "a title and a typo: Mr. Kaminsky",
            "Thanks to Mr. Kaminsky.",
            "Kaminsky",
        ),
        (
            "without the full stop: Mr Kaminksi",
            "Mr Kaminksi says hi.",
            "Kaminksi",
        ),
        (
            "in Spanish: Sr. Kaminsky",
            "Gracias, Sr. Kaminsky.",
            "Kaminsky",
        ),
    ] {
        p.leak_page(what, patient(WALTER), text, &[secret]);
    }
    p.leak_page(
        "a title and a typo of a family name allowed alone: Mrs Walkr",
        walker(),
        "Thanks to Mrs Walkr for the pie.",
        &["Walkr"],
    );
    p.clean_page(
        "a doctor one letter away is someone else: Dr. Kaminsky",
        patient(WALTER),
        "Dr. Kaminsky operated on the knee.",
        "Dr. Kaminsky",
    );
    p.clean_page(
        "a title and a near spelling allowed in site.yaml: Mr. Kaminsky",
        both(
            site_with("privacy:\n  public_words: [Kaminsky]\n"),
            patient(WALTER),
        ),
        "Mr. Kaminsky sponsors the golf day.",
        "Mr. Kaminsky",
    );
    p.clean_page(
        "a title before a word two letters away: Mr. Kaminskaya",
        patient(WALTER),
        "Mr. Kaminskaya sponsors the golf day.",
        "Mr. Kaminskaya",
    );
    p.clean_page(
        "a word two letters away: Walter Kaminskaya",
        patient(WALTER),
        "Walter Kaminskaya is another person.",
        "Walter Kaminskaya",
    );
    p.clean_page(
        "another given name: Robert Kaminsky",
        patient(WALTER),
        "Robert Kaminsky sponsors the golf day.",
        "Robert Kaminsky",
    );
    p.clean_page(
        "a near spelling allowed in site.yaml: Walter Kaminsky",
        both(
            site_with("privacy:\n  public_words: [Kaminsky]\n"),
            patient(WALTER),
        ),
        "Walter Kaminsky sponsors the golf day.",
        "Walter Kaminsky",
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// Encodings a static file can carry: base64 outside a data: URI, RTF, an
// entity declared in a DOCTYPE
// ---------------------------------------------------------------------------

#[test]
fn base64_rtf_and_doctypes_in_static_files() {
    let mut p = Probes::new("encoded");
    for (what, rel, text, secret) in [
        (
            "base64 in a text file",
            "notes.txt",
            // "Walter Kaminski"
            "V2FsdGVyIEthbWluc2tp\n",
            "V2FsdGVyIEthbWluc2tp",
        ),
        (
            "base64 JSON in a script",
            "app.js",
            // {"patient":"Walter Kaminski"}
            "var cfg = JSON.parse(atob('eyJwYXRpZW50IjoiV2FsdGVyIEthbWluc2tpIn0='));\n",
            "eyJwYXRpZW50",
        ),
        (
            "URL-safe base64 without padding",
            "token.txt",
            // {"n":"Walter Kaminski","k":"??>"}
            "eyJuIjoiV2FsdGVyIEthbWluc2tpIiwiayI6Ij8_PiJ9\n",
            "eyJuIjoiV2FsdGVy",
        ),
        (
            "MIME base64 wrapped at 76 columns, the name across two lines",
            "note.eml",
            // "Hello team, this note is about our good patient Walter Kaminski who came in today for his knee."
            "Content-Transfer-Encoding: base64\n\nSGVsbG8gdGVhbSwgdGhpcyBub3RlIGlzIGFib3V0IG91ciBnb29kIHBhdGllbnQgV2FsdGVyIEth\nbWluc2tpIHdobyBjYW1lIGluIHRvZGF5IGZvciBoaXMga25lZS4=\n",
            "Kaminski",
        ),
        (
            "quoted-printable in a saved email: the name across a soft line break",
            "note.eml",
            "MIME-Version: 1.0\nContent-Transfer-Encoding: quoted-printable\n\nOur good patient Walter Kami=\nnski came in today.\n",
            "Kami=",
        ),
        (
            "quoted-printable bytes in a web archive",
            "page.mht",
            "Content-Transfer-Encoding: quoted-printable\n\nThanks to Walter Kami=C5=84ski!\n",
            "Kami=C5=84ski",
        ),
        (
            "a header's encoded word",
            "note.eml",
            "Subject: =?utf-8?Q?Walter_Kami=C5=84ski?=\n\nSee you soon.\n",
            "Walter_Kami",
        ),
        (
            "quoted-printable pasted into a text file",
            "notes.txt",
            "To: Walter Kaminsk=69\n",
            "Kaminsk=69",
        ),
        (
            "an SVG entity declared in its DOCTYPE",
            "badge.svg",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY who \"Walter Kaminski\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&who;</text></svg>\n",
            "Kaminski",
        ),
        (
            "character codes in a list a script maps",
            "app.js",
            "var s = [87, 97, 108, 116, 101, 114, 32, 75, 97, 109, 105, 110, 115, 107, 105].map(c => String.fromCharCode(c)).join('');\n",
            "75, 97, 109",
        ),
        (
            "legacy octal escapes in a script's string",
            "app.js",
            "var who = '\\127alter \\113aminski';\n",
            "aminski",
        ),
        (
            "RTF with a \\'hh escape",
            "letter.rtf",
            "{\\rtf1\\ansi Thanks to Walter Kami\\'f1ski.\\par}\n",
            "Kami",
        ),
        (
            "RTF: the author in the document's info",
            "letter.rtf",
            "{\\rtf1{\\info{\\author Walter Kaminski}}Thanks.}\n",
            "Kaminski",
        ),
        (
            "RTF: the name split by a bold group",
            "letter.rtf",
            "{\\rtf1 Walter Kami{\\b nski} came back.}\n",
            "nski",
        ),
    ] {
        p.leak(what, patient(WALTER), static_file(rel, text), &[secret]);
    }
    p.clean(
        "a hash and an API key in a script are not names",
        both(
            patient(WALTER),
            static_file(
                "app.js",
                "var h = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';\nvar k = 'AIzaSyD-1234567890abcdefghijklmnop';\n",
            ),
        ),
        &["47DEQpj8HBSa"],
    );
    p.clean(
        "an RTF brochure without a name",
        both(
            patient(WALTER),
            static_file(
                "brochure.rtf",
                "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 Welcome to the clinic.\\par Bring your walker.}\n",
            ),
        ),
        &["Welcome to the clinic"],
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// A plan's clinician named as a patient does not make the name public
// ---------------------------------------------------------------------------

/// Walter Kaminski's plan with `clinician:` named `who`, and his story
/// (consented) telling `body`.
fn clinician_named(who: &'static str, body: &'static str) -> Setup {
    setup(move |c: &Clinic| {
        let p = plan(WALTER, &story("Walt K.", body, "")).replacen(
            "problem:\n",
            &format!("clinician:\n  name: {who}\nproblem:\n"),
            1,
        );
        c.write("content/plans/p1.yaml", &p);
    })
}

#[test]
fn a_plans_clinician_named_as_a_patient_is_not_public() {
    let mut p = Probes::new("clinician");
    let base = || clinician_named("Sam Rivera", "Walt came back to golf.");
    for (what, who) in [
        (
            "the patient's own name typed as clinician",
            "Walter Kaminski",
        ),
        ("family first", "Kaminski, Walter"),
        ("with a title", "Dr. Walter Kaminski"),
    ] {
        p.leak(
            what,
            base(),
            clinician_named(who, "Walter Kaminski came back to golf."),
            &["Walter Kaminski"],
        );
    }
    p.clean(
        "a clinician who shares only the family name stays public",
        clinician_named("Ana Kaminski", "Ana Kaminski, PT, guided Walt."),
        &["Ana Kaminski, PT, guided Walt."],
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// Names written in another alphabet, or with digits for letters
// ---------------------------------------------------------------------------

const ROSA: &str = "name: Rosa Hernández\nbirth_date: 1962-08-01";

#[test]
fn names_in_other_alphabets() {
    let mut p = Probes::new("alphabets");
    for (what, text, secret) in [
        (
            "Cyrillic: Вальтер Камински",
            "Наш Вальтер Камински снова играет.",
            "Камински",
        ),
        (
            "Cyrillic: Уолтер Камински (by ear)",
            "Уолтер Камински снова играет.",
            "Камински",
        ),
        (
            "Cyrillic: the family name alone",
            "Камински снова играет в гольф.",
            "Камински",
        ),
        (
            "Cyrillic: -ий ending, alone",
            "Каминский снова играет в гольф.",
            "Каминский",
        ),
        (
            "Greek: Γουόλτερ Καμίνσκι",
            "Ο Γουόλτερ Καμίνσκι παίζει ξανά.",
            "Καμίνσκι",
        ),
        (
            "Greek: alone, in capitals",
            "Ο ΚΑΜΙΝΣΚΙ ΠΑΙΖΕΙ ΞΑΝΑ.",
            "ΚΑΜΙΝΣΚΙ",
        ),
        (
            "Arabic: والتر كامينسكي",
            "عاد والتر كامينسكي إلى الغولف.",
            "كامينسكي",
        ),
        (
            "Arabic: the family name alone",
            "عاد كامينسكي إلى الغولف.",
            "كامينسكي",
        ),
        (
            "Hebrew: וולטר קמינסקי",
            "וולטר קמינסקי חזר לגולף.",
            "קמינסקי",
        ),
        (
            "Devanagari: वाल्टर कमिंस्की",
            "वाल्टर कमिंस्की फिर से खेल रहे हैं।",
            "कमिंस्की",
        ),
        ("Georgian: alone", "კამინსკი ისევ თამაშობს.", "კამინსკი"),
        (
            "Armenian: alone",
            "Կամինսկին նորից խաղում է։ Կամինսկի",
            "Կամինսկի",
        ),
        (
            "digits for letters: Walter K4minski",
            "Walter K4minski is golfing again.",
            "K4minski",
        ),
        (
            "digits for letters: Kam1nsk1 alone",
            "Thanks to Kam1nsk1 for the cake.",
            "Kam1nsk1",
        ),
        (
            "digits for letters: W4lt3r Kaminski",
            "W4lt3r Kaminski is golfing.",
            "Kaminski",
        ),
    ] {
        p.leak_page(what, patient(WALTER), text, &[secret]);
    }
    p.leak(
        "Cyrillic in a static text file",
        patient(WALTER),
        static_file("notes.txt", "Пациент: Вальтер Камински\n"),
        &["Камински"],
    );
    p.leak(
        "Greek in a template",
        walter_tpl(),
        template_says("<p>Ευχαριστούμε, Γουόλτερ Καμίνσκι!</p>"),
        &["Καμίνσκι"],
    );
    let lexi = || patient(LEXI);
    p.leak_page(
        "Cyrillic: Александра Нгуен",
        lexi(),
        "Александра Нгуен снова играет.",
        &["Нгуен"],
    );
    p.leak_page(
        "Cyrillic: Лекси Нгуен (preferred name)",
        lexi(),
        "Лекси Нгуен снова играет.",
        &["Нгуен"],
    );
    p.leak_page(
        "Greek: Αλεξάνδρα Νγκουγιέν",
        lexi(),
        "Η Αλεξάνδρα Νγκουγιέν παίζει.",
        &["Νγκουγιέν"],
    );
    p.leak_page(
        "Hebrew: אלכסנדרה נגוין",
        lexi(),
        "אלכסנדרה נגוין חזרה למגרש.",
        &["נגוין"],
    );
    p.leak_page(
        "digits for letters: Lexi Ngu3n",
        lexi(),
        "Lexi Ngu3n is back on the field.",
        &["Ngu3n"],
    );
    p.leak_page(
        "Cyrillic: Дороти Уокер, where Walker alone is allowed",
        walker(),
        "Дороти Уокер снова дома.",
        &["Уокер"],
    );
    p.leak_page(
        "digits for letters: D0r0thy W4lker, where Walker alone is allowed",
        walker(),
        "D0r0thy W4lker is home again.",
        &["W4lker"],
    );
    p.leak(
        "Cyrillic: Уолтер Камински, where Kaminski alone is allowed",
        both(
            site_with("privacy:\n  public_words: [Kaminski]\n"),
            patient(WALTER),
        ),
        page_says("Уолтер Камински снова играет."),
        &["Камински"],
    );
    let rosa = || patient(ROSA);
    p.leak_page(
        "Cyrillic: Эрнандес alone",
        rosa(),
        "Эрнандес вернулась.",
        &["Эрнандес"],
    );
    p.leak_page(
        "Cyrillic: Роза Хернандес",
        rosa(),
        "Роза Хернандес вернулась.",
        &["Хернандес"],
    );
    p.leak_page(
        "Arabic: روزا هيرنانديز",
        rosa(),
        "عادت روزا هيرنانديز.",
        &["هيرنانديز"],
    );
    // What must still build: ordinary text in those alphabets, a name that
    // only sounds close, digits in ordinary words, and the allowance.
    for (what, text, shows) in [
        (
            "a Russian page with another surname, Каменский",
            "Наша клиника помогает людям вернуться к любимым делам. Доктор Каменский принимает по пятницам. Москва, Новосибирск, Каменский район.",
            "Доктор Каменский принимает",
        ),
        (
            "a Greek page",
            "Η κλινική μας βοηθά τους ανθρώπους να επιστρέψουν σε ό,τι αγαπούν. Ασκήσεις ισορροπίας, περπάτημα, διατάσεις. Αθήνα, Θεσσαλονίκη.",
            "Ασκήσεις ισορροπίας",
        ),
        (
            "an Arabic page",
            "تساعد عيادة العلاج الطبيعي لدينا الناس على العودة إلى ما يحبون. تمارين التوازن والمشي والتمدد. القاهرة، عمّان، بيروت.",
            "تمارين التوازن",
        ),
        (
            "a Hebrew page",
            "מרפאת הפיזיותרפיה שלנו עוזרת לאנשים לחזור למה שהם אוהבים. ירושלים, תל אביב, באר שבע.",
            "באר שבע",
        ),
        (
            "digits in ordinary words",
            "Do 3x10 reps, follow the COVID19 rules, use the Win10 kiosk, Step1 then Step2, Room 4B.",
            "Step1 then Step2",
        ),
        (
            "the given name alone in Cyrillic",
            "Вальтер — хорошее имя.",
            "Вальтер — хорошее имя.",
        ),
    ] {
        p.clean_page(what, patient(WALTER), text, shows);
    }
    // A plan that writes the name in Cyrillic: other Latin spellings.
    let ivan = || patient(CYRILLIC);
    for (what, text, secret) in [
        (
            "Iwan Petrow (German)",
            "Iwan Petrow is skiing again.",
            "Petrow",
        ),
        (
            "Ivan Petroff (old French)",
            "Ivan Petroff is skiing again.",
            "Petroff",
        ),
        (
            "Petrow alone",
            "Thanks to Petrow for the flowers.",
            "Petrow",
        ),
    ] {
        p.leak_page(what, ivan(), text, &[secret]);
    }
    p.leak_page(
        "Juliya Schukowa for Юлия Жукова",
        patient("name: Юлия Жукова"),
        "Julia Schukowa is back.",
        &["Schukowa"],
    );
    p.clean_page(
        "Ivan the Terrible, Peter and Petra, for Иван Петров",
        ivan(),
        "Ivan the Terrible, Peter and Petra were tsars.",
        "Ivan the Terrible, Peter and Petra",
    );
    p.clean_page(
        "Arabic \"the back\" (الظهر) is not al-Zahra (الزهراء), though both read lzhr",
        patient("name: فاطمة الزهراء"),
        "تمارين لألم الظهر.",
        "تمارين لألم الظهر.",
    );
    p.clean_page(
        "a word allowed as written in Cyrillic",
        both(
            site_with("privacy:\n  public_words: [Эрнандес]\n"),
            patient(ROSA),
        ),
        "Улица Эрнандес закрыта.",
        "Улица Эрнандес закрыта.",
    );
    p.assert_every_probe_holds();
}

const MINJUN: &str = "name: Minjun Kim\nbirth_date: 1985-07-19";

/// Korean Hangul: a Korean name as the plan writes it in Latin letters,
/// family name and given name together.
#[test]
fn names_in_hangul() {
    let mut p = Probes::new("hangul");
    for (what, setup, text, secret) in [
        (
            "written together, with an honorific",
            MINJUN,
            "김민준 님, 감사합니다.",
            "김민준",
        ),
        (
            "with a particle",
            MINJUN,
            "김민준씨는 다시 걷습니다.",
            "김민준",
        ),
        ("spaced", MINJUN, "김 민준 환자", "김 민준"),
        (
            "a plan in Korean order, Choi Seoyeon",
            "name: Choi Seoyeon\nbirth_date: 1990-01-05",
            "최서연 님의 이야기",
            "최서연",
        ),
        (
            "a hyphenated given name, Ji-ho Jung",
            "name: Ji-ho Jung\nbirth_date: 1990-01-05",
            "정지호 님",
            "정지호",
        ),
        (
            "a given name spelt otherwise, Minjoon Kim",
            "name: Minjoon Kim\nbirth_date: 1985-07-19",
            "김민준 님",
            "김민준",
        ),
    ] {
        p.leak_page(what, patient(setup), text, &[secret]);
    }
    for (what, text, shows) in [
        (
            "Korean prose with the family name's syllable",
            "이번 주에는 김치와 물리치료를 합니다.",
            "김치와",
        ),
        ("another patient's name, 김서연", "김서연 님", "김서연"),
        ("the given name alone", "민준 님", "민준"),
    ] {
        p.clean_page(what, patient(MINJUN), text, shows);
    }
    p.assert_every_probe_holds();
}

const YUKI: &str = "name: Yuki Tanaka\nbirth_date: 1979-02-11";
const HARUTO: &str = "name: Haruto Sato\nbirth_date: 1988-10-03";

/// Japanese kana: a Japanese name as the plan writes it in Latin letters,
/// and a Latin name as katakana write it by ear.
#[test]
fn names_in_kana() {
    let mut p = Probes::new("kana");
    for (what, setup, text, secret) in [
        (
            "katakana, family name first",
            YUKI,
            "タナカ・ユキさん、ありがとうございました。",
            "タナカ",
        ),
        ("hiragana, spaced", YUKI, "たなか ゆき さま", "たなか"),
        (
            "the family name with an honorific, in a sentence",
            YUKI,
            "きょうは たなかさんが きました。",
            "たなか",
        ),
        ("half-width katakana", YUKI, "ﾀﾅｶ ﾕｷ", "ﾀﾅｶ"),
        (
            "a long vowel: サトウ for Sato",
            HARUTO,
            "サトウ・ハルトさん",
            "サトウ",
        ),
        (
            "a long vowel in hiragana",
            HARUTO,
            "さとう はると",
            "さとう",
        ),
        (
            "a Latin name by ear: マリア・ロペス",
            MARIA,
            "マリア・ロペスさんが ゴルフに もどりました。",
            "ロペス",
        ),
        (
            "by ear, unsaid r: ウォルター・カミンスキー",
            WALTER,
            "ウォルター・カミンスキーさん",
            "カミンスキー",
        ),
    ] {
        p.leak_page(what, patient(setup), text, &[secret]);
    }
    // A plan that writes the name in katakana: hiragana and Latin letters.
    let katakana = || patient("name: タナカ ユキ\nbirth_date: 1979-02-11");
    p.leak_page(
        "a plan in katakana, a page in hiragana",
        katakana(),
        "たなか ゆき さん",
        &["たなか"],
    );
    p.leak_page(
        "a plan in katakana, a page in Latin letters",
        katakana(),
        "Thanks to Yuki Tanaka!",
        &["Tanaka"],
    );
    p.leak(
        "katakana in a static text file",
        patient(YUKI),
        static_file("notes.txt", "患者: タナカ ユキ\n"),
        &["タナカ"],
    );
    // Japanese prose that only contains a name's syllables, loanwords in
    // katakana, and another family name.
    for (what, text, shows) in [
        (
            "tanaka inside a word",
            "わたしたちは、したなかで がんばりました。ゆっくり すすみます。",
            "すすみます",
        ),
        (
            "loanwords in katakana",
            "リハビリ・ストレッチ・バランス・トレーニング",
            "トレーニング",
        ),
        (
            "another family name",
            "ナカタさん、ありがとう。",
            "ナカタさん",
        ),
    ] {
        p.clean_page(what, patient(YUKI), text, shows);
    }
    p.clean_page(
        "katakana words beside a Latin patient",
        patient(MARIA),
        "マスク・ロボット・メール",
        "ロボット",
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// A given name with the family name's initial ("Walt K."): the form of a
// story's display name, public only as a published story's display name
// ---------------------------------------------------------------------------

/// Maria Lopez ("Mari") with a published story shown as "Mari L.", its
/// plan changed by `edit`.
fn maria_story(edit: fn(String) -> String) -> Setup {
    setup(move |c: &Clinic| {
        c.write(
            "content/plans/p1.yaml",
            &edit(plan(MARIA, &story("Mari L.", "Mari came to us.", ""))),
        );
        c.write("content/pages/news.md", &page("Nothing new this week."));
    })
}

#[test]
fn given_name_with_an_initial() {
    let mut p = Probes::new("given name and initial");
    for (what, base, text, secret) in [
        (
            "Walter K. (no story)",
            patient(WALTER),
            "Thanks to Walter K. for his kind words.",
            "Walter K",
        ),
        (
            "Walt K. in brackets, a short form (no story)",
            patient(WALTER),
            "\"I walk every day now.\" (Walt K.)",
            "Walt K",
        ),
        (
            "Walter K, with a comma",
            patient(WALTER),
            "Thanks, Walter K, for the flowers.",
            "Walter K",
        ),
        (
            "Dima V., a Russian short form of Dmitri (no story)",
            patient("name: Dmitri Volkov\nbirth_date: 1961-02-03"),
            "Dima V. is back on his bike.",
            "Dima V",
        ),
        (
            "Gosia N., a Polish short form of Małgorzata (no story)",
            patient("name: Małgorzata Nowak\nbirth_date: 1959-08-21"),
            "Gosia N. is back on her bike.",
            "Gosia N",
        ),
        (
            "Lexi N! (the preferred name, a minor)",
            patient(LEXI),
            "Well done, Lexi N!",
            "Lexi N",
        ),
        (
            "Alexandra N. in a list",
            patient(LEXI),
            "This month: Alexandra N., Sam and the Tuesday class.",
            "Alexandra N",
        ),
        (
            "Maria L. where the story's display name is Mari L.",
            maria_story(|p| p),
            "Thanks to Maria L. for her story.",
            "Maria L",
        ),
        (
            "the display name of a story whose consent is revoked",
            maria_story(|p| p + "    revoked: true\n"),
            "\"I picked her up last week.\" (Mari L.)",
            "Mari L",
        ),
        (
            "the display name of a story whose consent has expired",
            maria_story(|p| p.replace("expires_on: 2027-11-20", "expires_on: 2026-11-21")),
            "\"I picked her up last week.\" (Mari L.)",
            "Mari L",
        ),
    ] {
        p.leak_page(what, base, text, &[secret]);
    }
    p.leak(
        "Walter K. in a static text file",
        patient(WALTER),
        static_file("credits.txt", "Photos: Walter K., 2026\n"),
        &["Walter K"],
    );
    p.leak(
        "Henry V. without an allowance",
        patient("name: Henry Vance"),
        page_says("We read Henry V. in our book club."),
        &["Vance"],
    );
    p.clean_page(
        "the published story's display name elsewhere",
        maria_story(|p| p),
        "\"I picked her up last week.\" (Mari L.)",
        "(Mari L.)",
    );
    p.clean_page(
        "Dan O'Brien is not Dan O. for Daniel Okafor",
        patient("name: Daniel Okafor\npreferred_name: Dan"),
        "Dan O'Brien runs our front desk.",
        "Brien runs our front desk",
    );
    p.clean_page(
        "Sam R. is the clinician Sam Rivera, not the patient Sam Roberts",
        patient("name: Samuel Roberts\npreferred_name: Sam"),
        "Ask Sam R. at the front desk.",
        "Ask Sam R. at the front desk.",
    );
    p.clean_page(
        "a lower-case word after a given name (Spanish \"a\")",
        patient("name: Maria Alvarez"),
        "Le dijimos a Maria a las diez.",
        "Le dijimos a Maria a las diez.",
    );
    p.clean_page(
        "Henry V. allowed as written in public_words",
        both(
            site_with("privacy:\n  public_words: [\"Henry V.\"]\n"),
            patient("name: Henry Vance"),
        ),
        "We read Henry V. in our book club.",
        "We read Henry V. in our book club.",
    );
    p.assert_every_probe_holds();
}

/// A short form and the family name written as one word: a handle or an
/// address.
#[test]
fn given_and_family_name_as_one_word() {
    let mut p = Probes::new("names as one word");
    for (what, text, secret) in [
        (
            "@waltkaminski",
            "Follow @waltkaminski for his golf photos.",
            "waltkaminski",
        ),
        (
            "waltkaminski55 (digits after)",
            "Thanks to waltkaminski55 for the review.",
            "waltkaminski",
        ),
        (
            "KaminskiWalt, family name first",
            "Thanks to KaminskiWalt on Instagram.",
            "KaminskiWalt",
        ),
        (
            "a profile address",
            "See https://social.example/waltkaminski/posts",
            "waltkaminski",
        ),
    ] {
        p.leak_page(what, patient(WALTER), text, &[secret]);
    }
    // A family name shared with other patients: the name's halves are
    // matched whichever of them belongs to more plans.
    let kaminskis = || {
        both(
            patient(WALTER),
            setup(|c: &Clinic| {
                for (file, name) in [("p2", "Anna Kaminski"), ("p3", "Jan Kaminski")] {
                    let path = format!("content/plans/{file}.yaml");
                    c.write(&path, &plan(&format!("name: {name}"), ""));
                }
            }),
        )
    };
    for (what, text, secret) in [
        (
            "@waltkaminski among three Kaminskis",
            "Follow @waltkaminski for his golf photos.",
            "waltkaminski",
        ),
        (
            "KaminskiWalt among three Kaminskis",
            "Thanks to KaminskiWalt on Instagram.",
            "KaminskiWalt",
        ),
    ] {
        p.leak_page(what, kaminskis(), text, &[secret]);
    }
    p.leak_page(
        "@lexinguyen (the preferred name)",
        patient(LEXI),
        "Cheer on @lexinguyen at the meet!",
        &["lexinguyen"],
    );
    p.leak(
        "dotwalker in a JSON file, where Walker alone is allowed",
        walker(),
        static_file("team.json", "{\"handle\": \"dotwalker\"}\n"),
        &["dotwalker"],
    );
    p.clean_page(
        "words that hold names: Walters, Walton, Dottie, Walkerville",
        both(
            walker(),
            setup(|c: &Clinic| c.write("content/plans/p2.yaml", &plan(WALTER, ""))),
        ),
        "Walters Walton Dottie Walkerville",
        "Walters Walton Dottie Walkerville",
    );
    p.leak_page(
        "willpower, where a patient is William Power",
        patient("name: William Power"),
        "It takes willpower.",
        &["William Power"],
    );
    p.clean_page(
        "willpower allowed as a word",
        both(
            site_with("privacy:\n  public_words: [willpower]\n"),
            patient("name: William Power"),
        ),
        "It takes willpower.",
        "It takes willpower.",
    );
    p.assert_every_probe_holds();
}

/// A family name in the plural, and a middle name the plan does not have.
#[test]
fn family_names_in_the_plural_and_middle_names() {
    let mut p = Probes::new("plurals and middle names");
    for (what, base, text, secret) in [
        (
            "the Kaminskis",
            patient(WALTER),
            "Thanks to the Kaminskis for the cookies.",
            "Kaminskis",
        ),
        (
            "the Lopezes",
            patient(MARIA),
            "The Lopezes brought flowers.",
            "Lopezes",
        ),
        (
            "a middle name: Walter James Kaminski",
            patient(WALTER),
            "Walter James Kaminski is golfing again.",
            "Walter James",
        ),
        (
            "a middle name where Walker alone is allowed: Dorothy Ann Walker",
            walker(),
            "Dorothy Ann Walker came by.",
            "Dorothy Ann",
        ),
        (
            "a short form and a middle name: Dot Mae Walker",
            walker(),
            "Dot Mae Walker came by.",
            "Dot Mae",
        ),
    ] {
        p.leak_page(what, base, text, &[secret]);
    }
    p.clean_page(
        "walkers, and the Walkers Club where Walker is allowed",
        walker(),
        "Walkers and canes are welcome. The Walkers Club meets Monday.",
        "The Walkers Club meets Monday.",
    );
    p.clean_page(
        "a title-case heading: Why Dorothy Loves Walker Park",
        walker(),
        "## Why Dorothy Loves Walker Park, And Other Stories",
        "Why Dorothy Loves Walker Park",
    );
    p.assert_every_probe_holds();
}

#[test]
fn numbers_spelt_out_in_words() {
    let mut p = Probes::new("numbers in words");
    // Maria: born 1968-04-12, phone (302) 555-0142.
    for (what, text, secret) in [
        (
            "birth: day and year in words",
            "Born April twelfth, nineteen sixty-eight.",
            "19680412",
        ),
        (
            "birth: the twelfth of April, year in words",
            "Born on the twelfth of April, nineteen hundred and sixty-eight.",
            "19680412",
        ),
        (
            "birth: a cardinal day next to the month",
            "Born April twelve, 1968.",
            "19680412",
        ),
        (
            "birth: Spanish in words",
            "Nació el doce de abril de mil novecientos sesenta y ocho.",
            "19680412",
        ),
        (
            "birth: French in words",
            "Née le douze avril mil neuf cent soixante-huit.",
            "19680412",
        ),
        (
            "birth: Portuguese in words",
            "Nasceu em doze de abril de mil novecentos e sessenta e oito.",
            "19680412",
        ),
        (
            "birth: an apostrophe year after a numeric date",
            "Born 4/12/'68.",
            "19680412",
        ),
        (
            "phone read out digit by digit",
            "Call three oh two, five five five, oh one four two.",
            "5550142",
        ),
        (
            "phone with triple and zero",
            "Call three zero two, triple five, zero one four two.",
            "5550142",
        ),
        (
            "phone in Spanish words, digits mixed in",
            "Llame al 302, cinco cinco cinco, cero uno cuatro dos.",
            "5550142",
        ),
    ] {
        p.leak_page(what, patient(MARIA), text, &[secret]);
    }
    p.leak_page(
        "birthday in words without the year, page names her",
        patient(MARIA),
        "Mari celebrates on April the twelfth.",
        &["0412"],
    );
    p.clean_page(
        "number words that are no date or phone",
        patient(MARIA),
        "In April, twelve people came. One April morning we did \
         two thousand steps. Count one two three four five six seven. \
         Do five five-second holds. We met on April twelfth, nineteen sixty-nine.",
        "two thousand steps",
    );
    p.assert_every_probe_holds();
}

/// Rose Martin ("Rosie"), born 1931-03-14: 95 on the tests' day
/// (2026-11-26), with a published story as "Rosie M.".
const ROSE: &str = "name: Rose Martin\npreferred_name: Rosie\nbirth_date: 1931-03-14";

fn rose_story(body: &'static str) -> Setup {
    setup(move |c: &Clinic| {
        c.write(
            "content/plans/p1.yaml",
            &plan(ROSE, &story("Rosie M.", body, "")),
        );
    })
}

#[test]
fn ages_over_89() {
    let mut p = Probes::new("ages over 89");
    let base = || rose_story("Rosie came to us after a fall.");
    for (what, body) in [
        (
            "her age: 95 years old",
            "Rosie, 95 years old, walks to church again.",
        ),
        (
            "a hyphenated age: 95-year-old",
            "Our 95-year-old Rosie walks to church again.",
        ),
        ("at 95", "At 95, Rosie walks to church again."),
        ("aged 95", "Rosie, aged 95, walks to church again."),
        (
            "her age a year ago: turned 94",
            "Rosie turned 94 during her rehab.",
        ),
        (
            "in words: ninety-five years young",
            "Rosie is ninety-five years young.",
        ),
        (
            "a birthday: her 95th birthday",
            "Rosie danced at her 95th birthday.",
        ),
        (
            "Spanish: 95 años",
            "Rosie, con 95 años, camina a la iglesia.",
        ),
        (
            "her year of birth: born in 1931",
            "Rosie was born in 1931 in Dover.",
        ),
        (
            "set off by commas: Rosie M., 95, walks",
            "Rosie M., 95, walks to church again.",
        ),
        (
            "in brackets: Rosie M. (95)",
            "Rosie M. (95) walks to church again.",
        ),
        ("95 y/o", "Rosie M., a 95 y/o, walks to church again."),
    ] {
        p.leak(what, base(), rose_story(body), &[]);
    }
    p.leak(
        "her age on another page that names her",
        base(),
        both(
            base(),
            page_says("Rosie M. is 95 years old and walks to church again."),
        ),
        &[],
    );
    p.clean(
        "her age in a group: over 90, in her nineties",
        rose_story(
            "Rosie is over 90 and in her nineties; she walks 95 metres and 1931 steps. \
             Sets of 20, 95, 100 reps.",
        ),
        &["in her nineties"],
    );
    p.clean(
        "another age, and her age on a page that does not name her",
        both(
            rose_story("Rosie, 85 years old in spirit, walks to church again."),
            page_says("A 95-year-old patient walks to church again."),
        ),
        &["85 years old", "95-year-old patient"],
    );
    p.assert_every_probe_holds();
}

/// Maria's consented story, saying `body`, with `extra` in its block.
fn told_story(body: &'static str, extra: &'static str) -> Setup {
    setup(move |c: &Clinic| {
        c.write(
            "content/plans/p1.yaml",
            &plan(MARIA, &story("Mari L.", body, extra)),
        );
    })
}

/// What a story tells of its patient that no field of the plan holds: the
/// day of an operation, a street, a relative's phone or email, an age
/// over 89 (HIPAA Safe Harbor's other identifiers). The guard cannot know
/// them from the plan; in a story, about one patient, any such detail is
/// theirs. A day the patient agreed to tell is listed in `public_dates`.
#[test]
fn details_a_story_tells() {
    let mut p = Probes::new("details a story tells");
    let base = || told_story("Mari came to us with a sore shoulder.", "");
    for (what, body) in [
        ("the day of her operation", "Mari had surgery on October 1."),
        ("a numeric date", "Mari had surgery on 10/01/2026."),
        ("an ISO date", "Mari fell on 2025-10-03 at home."),
        ("a day in Spanish", "Mari se cayó el 3 de octubre."),
        ("her street", "Mari walks from 12 Elm Street to the park."),
        ("a street in French", "Mari habite 5 rue de la Paix."),
        ("a ZIP code", "Mari moved to Dover, DE 19901."),
        ("her daughter's phone", "Call her daughter at 302-555-0199."),
        (
            "her daughter's email",
            "Her daughter writes from ana.l@mail.test.",
        ),
        ("an age over 89", "Mari's mother, 93 years old, came along."),
        (
            "her daughter's full name",
            "Her daughter Ana Oduya drove her to every visit.",
        ),
    ] {
        p.leak(what, base(), told_story(body, ""), &[]);
    }
    p.clean(
        "scores, doses, degrees, months, the clinic's phone",
        told_story(
            "Mari's pain went from 7/10 to 2/10 and her arm lifts to 160 degrees.\n\
             She did 3 sets of 10 reps, 2 times a day, from March 2026 for 6 weeks.\n\
             At 90 degrees it no longer hurts. Call us at (555) 555-0100.",
            "",
        ),
        &["160 degrees", "March 2026"],
    );
    p.clean(
        "a relative's first name, and the clinician",
        told_story(
            "Her granddaughter Emma cheered her on, and her partner Sam Rivera set the plan.",
            "",
        ),
        &["granddaughter Emma"],
    );
    p.clean(
        "a day the story's public_dates allow",
        told_story(
            "Mari ran the city 5K on October 3, 2026.",
            "  public_dates: [2026-10-03]\n",
        ),
        &["October 3, 2026"],
    );
    p.assert_every_probe_holds();
}

/// The error names the line of the story to fix, and `stories export`
/// refuses the story as the build does.
#[test]
fn a_detail_a_story_tells_is_shown_where_it_is() {
    let c = Clinic::new();
    c.write("site.yaml", &site(""));
    let body = "Mari came to us with a sore shoulder.\nShe had surgery on October 1.";
    c.write(
        "content/plans/p1.yaml",
        &plan(MARIA, &story("Mari L.", body, "")),
    );
    let text = std::fs::read_to_string(c.path().join("content/plans/p1.yaml")).expect("plan");
    let line = text
        .lines()
        .position(|l| l.contains("October 1"))
        .expect("the line")
        + 1;
    let out = build(&c, &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("content/plans/p1.yaml:{line}:")) && err.contains("HP0501"),
        "the error points at line {line}: {err}"
    );
    assert!(err.contains("a day"), "it says what it found: {err}");
    assert!(!err.contains("October 1"), "and never prints it: {err}");
    let out = c
        .cmd(&["stories", "export"])
        .arg(c.path().join("export"))
        .output()
        .expect("run heropath");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("story not exported") && err.contains(&format!("p1.yaml:{line}:")),
        "{err}"
    );
    assert!(!c.path().join("export").exists(), "nothing written");

    // Her birth date is hers twice over (a date of the plan, a day in the
    // story): one error, the guard's.
    let body = "Mari came to us with a sore shoulder.\nShe was born on April 12, 1968.";
    c.write(
        "content/plans/p1.yaml",
        &plan(MARIA, &story("Mari L.", body, "")),
    );
    let out = build(&c, &["build"]);
    let err = stderr(&out);
    assert_eq!(err.matches("error[HP0501]").count(), 1, "{err}");
    assert!(err.contains("birth date"), "{err}");
}

// ---------------------------------------------------------------------------
// Red-team round of 2026-12-01: charsets, scripts, encodings, dates, ages
// ---------------------------------------------------------------------------

/// A site static file of raw bytes (a legacy charset).
fn static_bytes(rel: &str, bytes: Vec<u8>) -> Setup {
    let rel = rel.to_string();
    setup(move |c: &Clinic| write_bytes(c, &format!("static/{rel}"), &bytes))
}

/// `text` in the legacy charset `e`, between `head` and `tail`.
fn in_charset(head: &str, text: &str, tail: &str, e: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (body, _, unmapped) = e.encode(text);
    assert!(!unmapped, "{text} fits {}", e.name());
    [head.as_bytes(), &body, tail.as_bytes()].concat()
}

#[test]
fn charsets_a_file_declares() {
    use encoding_rs::{EUC_KR, KOI8_R, SHIFT_JIS, WINDOWS_1251};
    let mut p = Probes::new("declared charsets");
    let full = "Ｗａｌｔｅｒ　Ｋａｍｉｎｓｋｉ";
    for (what, rel, bytes) in [
        (
            "HTML meta charset=shift_jis, full-width letters",
            "a.html",
            in_charset(
                "<html><head><meta charset=\"shift_jis\"></head><body>",
                full,
                "</body></html>",
                SHIFT_JIS,
            ),
        ),
        (
            "HTML meta charset=koi8-r, the name in Cyrillic",
            "b.html",
            in_charset(
                "<html><head><meta charset=koi8-r></head><body>",
                "Вальтер Камински",
                "</body></html>",
                KOI8_R,
            ),
        ),
        (
            "HTML http-equiv content-type, windows-1251",
            "c.html",
            in_charset(
                "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\"></head><body>",
                "Вальтер Камински",
                "</body></html>",
                WINDOWS_1251,
            ),
        ),
        (
            "a meta charset late in the page",
            "d.html",
            in_charset(
                &format!(
                    "<html><head><title>t</title></head><body><!-- {} --><meta charset=\"koi8-r\"><p>",
                    "x".repeat(2000)
                ),
                "Вальтер Камински",
                "</p></body></html>",
                KOI8_R,
            ),
        ),
        (
            "SVG with an XML encoding declaration",
            "e.svg",
            in_charset(
                "<?xml version=\"1.0\" encoding=\"euc-kr\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><text y=\"20\">",
                full,
                "</text></svg>",
                EUC_KR,
            ),
        ),
        (
            "CSS @charset",
            "f.css",
            in_charset(
                "@charset \"shift_jis\";\nbody::after { content: \"",
                full,
                "\" }\n",
                SHIFT_JIS,
            ),
        ),
        (
            "a charset no browser knows",
            "g.html",
            b"<html><head><meta charset=\"x-unknown-legacy\"></head><body>Welcome</body></html>"
                .to_vec(),
        ),
    ] {
        p.leak(
            what,
            patient(WALTER),
            static_bytes(rel, bytes),
            &["Kaminski"],
        );
    }
    p.clean(
        "a Shift_JIS page without a name builds",
        both(
            patient(WALTER),
            static_bytes(
                "jp.html",
                in_charset(
                    "<html><head><meta charset=\"shift_jis\"></head><body><p id=welcome>",
                    "ようこそ、カミノ整体へ",
                    "</p></body></html>",
                    SHIFT_JIS,
                ),
            ),
        ),
        &["<p id=welcome>"],
    );
    p.clean(
        "a file whose charset is unknown, reviewed, builds",
        both(
            both(
                patient(WALTER),
                site_with("privacy:\n  reviewed_files:\n    - { pattern: \"legacy.html\", reason: \"Old flyer, checked by Sam on 2026-11-30\" }\n"),
            ),
            static_bytes(
                "legacy.html",
                b"<html><head><meta charset=\"x-unknown-legacy\"></head><body>Old flyer</body></html>".to_vec(),
            ),
        ),
        &["Old flyer"],
    );
    p.assert_every_probe_holds();
}

#[test]
fn scripts_and_stylesheets_that_build_a_name_from_pieces() {
    let mut p = Probes::new("script pieces");
    for (what, rel, text) in [
        (
            "String.prototype.concat",
            "a.js",
            "document.title = \"Kamin\".concat(\"ski\");\n",
        ),
        (
            "two variables added",
            "a.js",
            "var a = \"Kamin\", b = \"ski\";\ndocument.body.append(a + b);\n",
        ),
        (
            "a comment between the pieces",
            "a.js",
            "document.body.append(\"Kamin\" + /* x */ \"ski\");\n",
        ),
        (
            "a line comment between the pieces",
            "a.js",
            "var s = \"Kamin\" + // more\n  \"ski\";\n",
        ),
        (
            "brackets around a piece",
            "a.js",
            "document.body.append(\"Kamin\" + (\"ski\"));\n",
        ),
        (
            "an array pushed and joined",
            "a.js",
            "var p = []; p.push('Wal'); p.push('ter Kamin'); p.push('ski'); f(p.join(''));\n",
        ),
        (
            "unescape of %uXXXX",
            "a.js",
            "document.body.append(unescape(\"%u004Bami%u006Eski\"));\n",
        ),
        (
            "variables in an inline script",
            "p.html",
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>t</title></head><body><p id=x></p><script>var a = 'Kamin'; var b = 'ski'; document.getElementById('x').textContent = a + b;</script></body></html>\n",
        ),
        (
            "a CSS comment between content strings",
            "c.html",
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>t</title><style>p::after{content:\"Kamin\" /*x*/ \"ski\"}</style></head><body><p></p></body></html>\n",
        ),
        (
            "a stylesheet's content strings across a comment",
            "s.css",
            "p::after { content: 'Kamin' /* x */ 'ski'; }\n",
        ),
    ] {
        p.leak(what, patient(WALTER), static_file(rel, text), &["Kaminski"]);
    }
    p.clean(
        "an ordinary script with many strings builds",
        both(
            patient(WALTER),
            static_file(
                "app.js",
                "var menu = document.querySelector('.menu'), label = 'Open menu';\nmenu.addEventListener('click', function () { menu.classList.toggle('open'); menu.setAttribute('aria-label', label + ' ' + 'now'); });\nvar hours = ['Mon', 'Tue', 'Wed'].map(function (d) { return d + ': 8-5'; });\nconsole.log(unescape('%u0048ello'), new Date(2026, 0, 5));\n",
            ),
        ),
        &["Open menu"],
    );
    p.assert_every_probe_holds();
}

#[test]
fn utf16_inside_base64_and_base32() {
    use base64::Engine as _;
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let utf16 = |s: &str, be: bool| -> Vec<u8> {
        s.encode_utf16()
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    };
    let mut p = Probes::new("utf16 in base64, base32");
    let with_bom = [&[0xFF, 0xFE][..], &utf16("Walter Kaminski", false)].concat();
    for (what, text) in [
        ("base64 of UTF-16LE", b64(&utf16("Walter Kaminski", false))),
        ("base64 of UTF-16BE", b64(&utf16("Walter Kaminski", true))),
        ("base64 of UTF-16 with its BOM", b64(&with_bom)),
        (
            "base64 of UTF-16LE in a script",
            format!("atob('{}')", b64(&utf16("Kaminski", false))),
        ),
        ("base32", "K5QWY5DFOIQEWYLNNFXHG23J".to_string()),
        (
            "base32 in small letters",
            "k5qwy5dfoiqewylnnfxhg23j".to_string(),
        ),
    ] {
        p.leak(
            what,
            patient(WALTER),
            static_file("blob.txt", &format!("blob: {text}\n")),
            &["Kaminski"],
        );
    }
    p.clean(
        "capitals and digits that are no base32 text build",
        both(
            patient(WALTER),
            static_file(
                "codes.txt",
                "SKU ABCDEFGHIJKLMNOPQRSTUVWXYZ234567 and KNEEBRACEMEDIUMLEFT22\n",
            ),
        ),
        &["KNEEBRACEMEDIUMLEFT22"],
    );
    p.assert_every_probe_holds();
}

#[test]
fn dates_in_chinese_numerals_eras_and_more_languages() {
    // Walter Kaminski was born on 1950-06-30 (昭和25年).
    let mut p = Probes::new("dates, more ways");
    for (what, text) in [
        ("Chinese numerals", "生日: 一九五〇年六月三十日"),
        ("Chinese numerals with 零", "生日：一九五零年六月三十号"),
        ("a Japanese era in digits", "生年月日: 昭和25年6月30日"),
        (
            "a Japanese era in numerals",
            "生年月日：昭和二十五年六月三十日",
        ),
        ("Finnish", "syntynyt 30. kesäkuuta 1950"),
        ("Turkish", "Doğum tarihi: 30 Haziran 1950"),
        ("Ukrainian", "народився 30 червня 1950"),
        ("Czech", "narozen 30. června 1950"),
        ("Greek", "γεννήθηκε 30 Ιουνίου 1950"),
        (
            "the plan's agreed day in Chinese numerals",
            "二〇二六年十一月二十日",
        ),
    ] {
        p.leak(
            what,
            patient(WALTER),
            static_file("notes.txt", &format!("{text}\n")),
            &[],
        );
    }
    p.leak(
        "a JavaScript Date counts months from zero",
        patient(WALTER),
        static_file(
            "d.js",
            "document.getElementById('d').textContent = new Date(1950, 5, 30).toDateString();\n",
        ),
        &[],
    );
    p.clean(
        "Chinese numerals that are no patient's date build",
        both(
            patient(WALTER),
            static_file(
                "zh.txt",
                "本诊所于二〇一九年三月八日开业。每天练习三次，每次十分钟。一月到十二月都开放。\n",
            ),
        ),
        &["每天练习三次"],
    );
    p.assert_every_probe_holds();
}

#[test]
fn ages_over_89_with_a_cjk_counter() {
    let mut p = Probes::new("ages, CJK counters");
    let base = || rose_story("Rosie came to us after a fall.");
    for (what, text) in [
        ("Chinese 岁", "Rosie M. (95岁) walks again."),
        ("Traditional Chinese 歲", "Rosie M. 95 歲 walks again."),
        ("Japanese 歳", "Rosie M.（95歳）walks again."),
        ("Japanese 才", "Rosie M., 95才, walks again."),
        ("Korean 세", "Rosie M. (95 세) walks again."),
        ("Korean 살", "Rosie M. 95살 walks again."),
    ] {
        p.leak(what, base(), both(base(), page_says(text)), &[]);
    }
    p.clean(
        "a count that is no age builds",
        both(base(), page_says("Rosie M. 走了 95 米。")),
        &["走了 95 米"],
    );
    p.assert_every_probe_holds();
}

#[test]
fn hidden_filler_between_the_parts_of_a_name() {
    let mut p = Probes::new("hidden filler");
    let html = |body: &str| {
        format!(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>{body}</body></html>\n"
        )
    };
    for (what, body) in [
        ("a hidden span", "<p>Kamin<span hidden>xx</span>ski</p>"),
        (
            "display: none",
            "<p>Kamin<span style=\"display: none\">zz</span>ski</p>",
        ),
        (
            "visibility: hidden",
            "<p>Kamin<span style=\"visibility:hidden\">zz</span>ski</p>",
        ),
        (
            "font-size: 0",
            "<p>Kamin<span style=\"font-size:0\">zz</span>ski</p>",
        ),
        (
            "nested in a hidden span",
            "<p>Wal<b hidden><b>q</b>zz</b>ter Kamin<span hidden>x</span>ski</p>",
        ),
    ] {
        p.leak(
            what,
            patient(WALTER),
            static_file("h.html", &html(body)),
            &["Kaminski"],
        );
    }
    p.clean(
        "hidden text and small print that name nobody build",
        both(
            patient(WALTER),
            static_file(
                "menu.html",
                &html("<p>Welcome<span hidden>menu</span> home, Kamin<span style=\"font-size:0.9em\">o</span> Road</p>"),
            ),
        ),
        &["Welcome<span hidden>menu</span> home"],
    );
    p.assert_every_probe_holds();
}

/// A small HTML page with `head` (styles) and `body`.
fn html_page(head: &str, body: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>t</title>{head}</head><body>{body}</body></html>\n"
    )
}

#[test]
fn svg_text_placed_letter_by_letter() {
    let mut p = Probes::new("svg layout");
    let svg = |inner: &str| {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"80\">{inner}</svg>\n"
        )
    };
    for (what, inner) in [
        (
            "an x list out of order",
            "<text x=\"20 0 40 10 30 50 60 70\" y=\"20\">mKnaiski</text>",
        ),
        (
            "one tspan per piece, out of order",
            "<text y=\"20\"><tspan x=\"60\">ski</tspan><tspan x=\"0\">Ka</tspan><tspan x=\"20\">min</tspan></text>",
        ),
        (
            "one text element per piece, placed by transform",
            "<g transform=\"translate(100 0)\"><text transform=\"translate(40 20)\">ski</text><text transform=\"translate(0 20)\">Kamin</text></g>",
        ),
        (
            "dx that steps back",
            "<text x=\"0\" y=\"20\"><tspan dx=\"60\">ski</tspan><tspan dx=\"-80\">Kamin</tspan></text>",
        ),
        (
            "use of symbols that hold the pieces",
            "<defs><symbol id=\"b\"><text y=\"10\">ski</text></symbol><symbol id=\"a\"><text y=\"10\">Kamin</text></symbol></defs><use href=\"#b\" x=\"60\" y=\"10\"/><use xlink:href=\"#a\" x=\"0\" y=\"10\"/>",
        ),
        (
            "textPath pieces by their offset",
            "<path id=\"p\" d=\"M0 20 H300\"/><text><textPath href=\"#p\" startOffset=\"60\">ski</textPath></text><text><textPath href=\"#p\" startOffset=\"0\">Kamin</textPath></text>",
        ),
        (
            "letters one under another",
            "<text x=\"10\" y=\"10\">K</text><text x=\"10\" y=\"30\">a</text><text x=\"10\" y=\"50\">m</text><text x=\"10\" y=\"70\">i</text><text x=\"10\" y=\"90\">n</text><text x=\"10\" y=\"110\">s</text><text x=\"10\" y=\"130\">k</text><text x=\"10\" y=\"150\">i</text>",
        ),
    ] {
        p.leak(
            what,
            patient(WALTER),
            static_file("chart.svg", &svg(inner)),
            &["Kaminski"],
        );
    }
    p.leak(
        "an x list inside a page's inline svg",
        patient(WALTER),
        static_file(
            "about.html",
            &html_page(
                "",
                &svg("<text x=\"20 0 40 10 30 50 60 70\" y=\"20\">mKnaiski</text>"),
            ),
        ),
        &["Kaminski"],
    );
    p.leak(
        "letters drawn as glyph outlines are unreadable",
        patient(WALTER),
        static_file(
            "drawn.svg",
            &svg("<defs><path id=\"glyph0-1\" d=\"M0 0h5v5z\"/><path id=\"glyph0-2\" d=\"M0 0h4v5z\"/><path id=\"glyph0-3\" d=\"M0 0h3v5z\"/></defs><use href=\"#glyph0-1\" x=\"0\" y=\"20\"/><use href=\"#glyph0-2\" x=\"8\" y=\"20\"/><use href=\"#glyph0-3\" x=\"16\" y=\"20\"/>"),
        ),
        &[],
    );
    p.leak(
        "numbered shapes in a row (as converters number glyphs) are unreadable",
        patient(WALTER),
        static_file(
            "numbered.svg",
            &svg("<defs><symbol id=\"g1-70\"><path d=\"M0 0h3v5z\"/></symbol><symbol id=\"g1-71\"><path d=\"M0 0h4v5z\"/></symbol><symbol id=\"g1-72\"><path d=\"M0 0h5v5z\"/></symbol><symbol id=\"g1-73\"><path d=\"M0 0h6v5z\"/></symbol></defs><use href=\"#g1-70\" x=\"0\" y=\"8\"/><use href=\"#g1-71\" x=\"40\" y=\"8\"/><use href=\"#g1-72\" x=\"80\" y=\"8\"/><use href=\"#g1-73\" x=\"120\" y=\"8\"/>"),
        ),
        &[],
    );
    p.clean(
        "a row of named icons (social links) builds",
        both(
            patient(WALTER),
            static_file(
                "social.svg",
                &svg("<defs><symbol id=\"icon-facebook\"><path d=\"M0 0h3v5z\"/></symbol><symbol id=\"icon-instagram\"><path d=\"M0 0h4v5z\"/></symbol><symbol id=\"icon-youtube\"><path d=\"M0 0h5v5z\"/></symbol><symbol id=\"icon-linkedin\"><path d=\"M0 0h6v5z\"/></symbol></defs><use href=\"#icon-facebook\" x=\"0\" y=\"8\"/><use href=\"#icon-instagram\" x=\"40\" y=\"8\"/><use href=\"#icon-youtube\" x=\"80\" y=\"8\"/><use href=\"#icon-linkedin\" x=\"120\" y=\"8\"/><text x=\"0\" y=\"40\">Follow us</text>"),
            ),
        ),
        &["Follow us"],
    );
    p.clean(
        "a chart with labels and a row of stars builds",
        both(
            patient(WALTER),
            static_file(
                "progress.svg",
                &svg("<defs><path id=\"star\" d=\"M0 0h5v5z\"/></defs><text x=\"10\" y=\"20\">Pain <tspan x=\"10\" y=\"40\">week by week</tspan></text><text x=\"0 12 24\" y=\"60\">abc</text><use href=\"#star\" x=\"0\" y=\"70\"/><use href=\"#star\" x=\"10\" y=\"70\"/><use href=\"#star\" x=\"20\" y=\"70\"/><use href=\"#star\" x=\"30\" y=\"70\"/>"),
            ),
        ),
        &["week by week"],
    );
    p.assert_every_probe_holds();
}

#[test]
fn stylesheet_classes_that_hide_reverse_or_reorder() {
    let mut p = Probes::new("stylesheet classes");
    let style = |css: &str| format!("<style>{css}</style>");
    for (what, head, body) in [
        (
            "a class hidden by a style element",
            style(".q { display: none }"),
            "<p>Kamin<span class=\"q\">zz</span>ski</p>",
        ),
        (
            "a class with font-size 0, the style element below",
            String::new(),
            "<p>Kamin<i class=\"tiny x\">zz</i>ski</p><style>.tiny{font-size:0px}</style>",
        ),
        (
            "a class shown reversed",
            style(".r { unicode-bidi: bidi-override; direction: rtl; }"),
            "<p class=\"r\">iksnimaK</p>",
        ),
        (
            "flex row-reverse",
            style(".row { display: flex; flex-direction: row-reverse }"),
            "<div class=\"row\"><span>ski</span><span>Kamin</span></div>",
        ),
        (
            "flex order",
            style(".row{display:flex} .a{order:2} .b{order:1}"),
            "<div class=\"row\"><span class=\"a\">ski</span><span class=\"b\">Kamin</span></div>",
        ),
        (
            "::before content joined to the text",
            style(".n::before { content: \"Kamin\" }"),
            "<p><span class=\"n\">ski</span> walks</p>",
        ),
        (
            "::after content from an attribute",
            style("[data-end]::after { content: attr(data-end) }"),
            "<p><span data-end=\"ski\">Kamin</span></p>",
        ),
        (
            "a hidden class inside @media",
            style("@media screen { .m { visibility: hidden } }"),
            "<p>Walter <b class=\"m\">and</b> Kaminski</p>",
        ),
        (
            "::after selected by an attribute's value",
            style("[data-end=\"ski\"]::after { content: attr(data-end) }"),
            "<p><span data-end=\"ski\">Kamin</span></p>",
        ),
        (
            "::after selected by an attribute's start, in single quotes",
            style("span[data-end^='s']::after { content: attr(data-end) }"),
            "<p><span data-end=\"ski\">Kamin</span></p>",
        ),
        (
            "::after selected by a value without case",
            style("[data-end=\"SKI\" i]::after { content: attr(data-end) }"),
            "<p><span data-end=\"ski\">Kamin</span></p>",
        ),
        (
            "::after selected by a value written with an escape",
            style("[data-end=\"\\73 ki\"]::after { content: attr(data-end) }"),
            "<p><span data-end=\"ski\">Kamin</span></p>",
        ),
        (
            "hidden by one word of the class attribute",
            style("[class~=\"q\"] { display: none }"),
            "<p>Kamin<span class=\"x q\">zz</span>ski</p>",
        ),
        (
            "hidden by a language prefix",
            style("[lang|=en] { display: none }"),
            "<p>Kamin<span lang=\"en-GB\">zz</span>ski</p>",
        ),
        (
            "hidden by the end of an address",
            style("a[href$=\".pdf\"] { font-size: 0 }"),
            "<p>Kamin<a href=\"/x.pdf\">zz</a>ski</p>",
        ),
    ] {
        p.leak(
            what,
            walter_tpl(),
            both(walter_tpl(), static_file("h.html", &html_page(&head, body))),
            &["Kaminski"],
        );
    }
    p.leak(
        "a class hidden by a linked stylesheet",
        patient(WALTER),
        both(
            static_file("css/x.css", ".zz { opacity: 0 }\n"),
            static_file(
                "h.html",
                &html_page(
                    "<link rel=\"stylesheet\" href=\"/css/x.css\">",
                    "<p>Kamin<span class=\"zz\">qq</span>ski</p>",
                ),
            ),
        ),
        &["Kaminski"],
    );
    p.leak(
        "a linked stylesheet's ::before on a theme template",
        patient(WALTER),
        both(
            static_file("css/y.css", "h1.t::before { content: 'Kamin' }\n"),
            template_says("<h1 class=\"t\">ski</h1>"),
        ),
        &["Kaminski"],
    );
    // The text as shown is read only around hidden elements: one far into
    // a long page, and two far apart (each its own stretch).
    let filler = "<p>Keep your knees soft and breathe out as you stand.</p>\n".repeat(60);
    for (what, body) in [
        (
            "a hidden class far into a long page",
            format!("{filler}<p>Kamin<span class=\"q\">zz</span>ski</p>"),
        ),
        (
            "the second of two hidden classes far apart",
            format!(
                "<p>Ste<span class=\"q\">x</span>ps</p>{filler}<p>Kamin<span class=\"q\">zz</span>ski</p>{filler}"
            ),
        ),
        (
            "the first of two hidden classes far apart",
            format!(
                "<p>Kamin<span class=\"q\">zz</span>ski</p>{filler}<p>Ste<span class=\"q\">x</span>ps</p>"
            ),
        ),
    ] {
        p.leak(
            what,
            walter_tpl(),
            both(
                walter_tpl(),
                static_file("long.html", &html_page(&style(".q{display:none}"), &body)),
            ),
            &["Kaminski"],
        );
    }
    p.clean(
        "ordinary classes, a hidden menu and reversed rows that name nobody build",
        both(
            patient(WALTER),
            static_file(
                "menu.html",
                &html_page(
                    &style(".hide{display:none} .row{display:flex;flex-direction:row-reverse} .q::before{content:'Q: '}"),
                    "<nav class=\"hide\">Menu</nav><p>Walter<span class=\"hide\">.</span> Road</p><div class=\"row\"><span>home</span><span>Back</span></div><p class=\"q\">Which stretch?</p>",
                ),
            ),
        ),
        &["Which stretch?"],
    );
    // An attribute selector's value is matched: a rule for other values
    // adds no reading. The theme's print stylesheet shows the address of
    // outside links (`a[href^="http"]::after`), not of its own: a story's
    // address ending in "-3/" before a title starting "Mei" (May in Dutch)
    // is no "3 May" for Mei, born on 3 May.
    p.clean(
        "a rule for other attribute values reads nothing more",
        both(
            patient(WALTER),
            static_file(
                "attr.html",
                &html_page(
                    &style("[data-end=\"x\"]::after { content: \"ski\" } a[href^=\"http\"]::after { content: \" (\" attr(href) \")\" }"),
                    "<p><span data-end=\"ski\">Kamin</span> walks</p>",
                ),
            ),
        ),
        &["Kamin</span> walks"],
    );
    p.clean(
        "a local link's address is not shown by a rule for outside links",
        both(
            patient("name: Mei Rossi\nbirth_date: 1970-05-03"),
            static_file(
                "list.html",
                &html_page(
                    &style("a[href^=\"http\"]::after { content: \" (\" attr(href) \")\" }"),
                    "<ul><li><a href=\"/stories/back-to-tennis-3/\">Back to tennis</a></li><li><h2>Mei is back to dancing</h2></li></ul>",
                ),
            ),
        ),
        &["Mei is back to dancing"],
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// Terminal colours, and đ written as "dj"
// ---------------------------------------------------------------------------

/// A log or terminal capture copied into `static/` keeps its colour codes
/// (`ESC [ 1 ; 31 m`), which a terminal never shows: a name coloured in
/// pieces reads as one word on the screen, and a code glued to a word
/// ("31mKaminski") hides it from a reader of words.
#[test]
fn terminal_colour_codes_inside_a_name() {
    let mut p = Probes::new("terminal colours");
    for (what, file, text) in [
        (
            "a surname after a colour code",
            "run.txt",
            "Patient: \x1b[1;31mKaminski\x1b[0m ok\n",
        ),
        (
            "a name coloured in two pieces",
            "build.log",
            "Walter \x1b[31mKamin\x1b[0mski\n",
        ),
        (
            "tput's reset between the pieces",
            "out.txt",
            "Walter Kamin\x1b(B\x1b[mski\n",
        ),
        (
            "a terminal hyperlink around a piece",
            "out.txt",
            "Walter \x1b]8;;https://a.test\x1b\\Kamin\x1b]8;;\x07ski\n",
        ),
        (
            "an email address with a dimmed @",
            "out.txt",
            "to walt.kaminski68\x1b[2m@\x1b[0mmail.test\n",
        ),
    ] {
        p.leak(
            what,
            patient(WALTER_MAIL),
            static_file(file, text),
            &["Kaminski"],
        );
    }
    p.leak(
        "a script that logs a coloured name (JavaScript escapes)",
        patient(WALTER),
        static_file(
            "log.js",
            "console.log(\"Walter \\x1b[1mKamin\\x1b[0mski\");\n",
        ),
        &["Kaminski"],
    );
    p.leak(
        "a phone number coloured in pieces",
        patient(WALTER),
        static_file(
            "out.txt",
            "call \x1b[32m302\x1b[0m-555-\x1b[1m0177\x1b[0m\n",
        ),
        &["5550177"],
    );
    p.clean(
        "a coloured test log that names nobody builds",
        both(
            patient(WALTER),
            static_file(
                "ci.txt",
                "\x1b[32mPASS\x1b[0m squats 3x10, \x1b[1mWalter Road\x1b[0m closed\n",
            ),
        ),
        &["squats 3x10"],
    );
    p.assert_every_probe_holds();
}

const WALTER_MAIL: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30\nphone: \"(302) 555-0177\"\nemail: walt.kaminski68@mail.test";

/// Serbian and Croatian đ is written "dj" in English-language text
/// (Novak Djokovic for Đoković), not only "d".
#[test]
fn d_with_stroke_written_as_dj() {
    let mut p = Probes::new("đ as dj");
    const ANA: &str = "name: Ana Đorđević\nbirth_date: 1979-02-11";
    const NOVAK: &str = "name: Novak Đoković\nbirth_date: 1987-05-22";
    p.leak_page(
        "the full name",
        patient(ANA),
        "Thanks, Ana Djordjevic!",
        &["Djordjevic"],
    );
    p.leak_page(
        "a title and the family name",
        patient(ANA),
        "Thanks to Mrs Djordjevic.",
        &["Djordjevic"],
    );
    p.leak_page(
        "the family name alone, in capitals",
        patient(NOVAK),
        "DJOKOVIC won the cup.",
        &["Djokovic"],
    );
    p.leak_page(
        "family name first",
        patient(NOVAK),
        "Djokovic, Novak: week 3.",
        &["Djokovic"],
    );
    p.clean_page(
        "a town that starts the same and a display name build",
        patient(ANA),
        "We ran to Djurdjevac. Ana Dj. joined us.",
        "Djurdjevac",
    );
    p.assert_every_probe_holds();
}

/// JSON a script reads from an attribute (`data-props`, a framework's
/// hydration data, a `<meta>` filled by a tool) writes letters as string
/// escapes, which the script turns back into the name.
#[test]
fn string_escapes_in_attribute_values() {
    let mut p = Probes::new("escapes in attributes");
    for (what, html) in [
        (
            "\\u escapes in a data attribute's JSON",
            "<div data-x=\"{&quot;n&quot;:&quot;Walter Kamin\\u0073ki&quot;}\">x</div>",
        ),
        (
            "\\x escapes in single-quoted JSON",
            "<div data-props='{\"who\":\"\\x57alter \\x4Baminski\"}'>x</div>",
        ),
        (
            "a meta content with a \\u escaped surname",
            "<meta name=\"author\" content=\"\\u004Baminski\">",
        ),
        (
            "\\u escaped digits of a phone number",
            "<meta name=\"x\" content=\"\\u0033\\u0030\\u0032-555-0177\">",
        ),
    ] {
        p.leak(
            what,
            patient(WALTER),
            static_file("x.html", &html_page("", html)),
            &["Kaminski", "5550177"],
        );
    }
    p.clean(
        "a Windows path and an escaped dash in attribute JSON build",
        both(
            patient(WALTER),
            static_file(
                "x.html",
                &html_page(
                    "",
                    "<div data-x=\"{&quot;path&quot;:&quot;C:\\\\clinic\\\\walk.png&quot;,&quot;n&quot;:&quot;Walter Road \\u2014 3x10&quot;}\">Walk</div>",
                ),
            ),
        ),
        &["walk.png"],
    );
    p.assert_every_probe_holds();
}

/// Month names of languages many US patients read (Hindi, Bengali, Urdu,
/// Persian), as CLDR writes them.
#[test]
fn birth_dates_with_south_asian_and_persian_month_names() {
    let mut p = Probes::new("more month names");
    for (what, text) in [
        ("Hindi", "जन्म 30 जून 1950"),
        ("Hindi with a comma", "जन्म तिथि: 30 जून, 1950"),
        ("Bengali in Bengali digits", "জন্ম ৩০ জুন ১৯৫০"),
        ("Urdu", "پیدائش 30 جون 1950"),
        ("Persian in Persian digits", "تولد ۳۰ ژوئن ۱۹۵۰"),
    ] {
        p.leak_page(what, patient(WALTER), text, &["1950"]);
    }
    p.clean_page(
        "a Hindi sentence with a month and a count builds",
        patient(WALTER),
        "जून में हम पार्क में चलेंगे। 30 लोग आए।",
        "30 लोग",
    );
    p.assert_every_probe_holds();
}

// ---------------------------------------------------------------------------
// Round 5: a static file in a rendered page's place, a list's chosen number
// ---------------------------------------------------------------------------

/// A static file at the path of a file heropath renders itself
/// (`static/robots.txt`) is what is published: the guard must read its
/// bytes, not the rendered file's it read while the plans were indexed.
/// And an ordered list's number (`<ol start>`, Markdown's "30." item) shows
/// before the item's words: "30." then "June 1950" is a birth date.
#[test]
fn replaced_pages_and_list_numbers() {
    let mut p = Probes::new("round 5");
    for (what, rel) in [
        ("robots.txt", "robots.txt"),
        ("sitemap.xml", "sitemap.xml"),
        ("404 page", "404.html"),
    ] {
        p.leak(
            &format!("a static {what} in place of heropath's own names the patient"),
            walter_tpl(),
            static_file(rel, "User-agent: *\n# Walter Kaminski\nDisallow: /x/\n"),
            &["Kaminski"],
        );
    }
    p.clean(
        "a static robots.txt in place of heropath's own builds",
        both(
            walter_tpl(),
            static_file("robots.txt", "User-agent: *\nDisallow: /drafts/\n"),
        ),
        &["Disallow: /drafts/"],
    );
    p.leak_page(
        "a Markdown list item numbered as the birthday's day",
        walter_tpl(),
        "30. June 1950, a Friday",
        &["1950"],
    );
    p.leak(
        "a list item's value as the birthday's day",
        walter_tpl(),
        static_file(
            "list.html",
            "<!doctype html><title>x</title><ol><li value=\"30\">June 1950</li></ol>",
        ),
        &["1950"],
    );
    p.clean_page(
        "a Markdown list numbered from 30 with no date",
        walter_tpl(),
        "30. Lean on a table\n31. June is a good month to start",
        "June is a good month",
    );
    p.assert_every_probe_holds();
}

#[test]
fn a_birthday_written_day_first_without_its_year() {
    // Born 14 March: "14/03" can only be the 14th of March, whatever the
    // clinic's own order of day and month.
    let mut p = Probes::new("day first");
    let base = || patient("name: Maria Lopez\npreferred_name: Mari\nbirth_date: 1968-03-14");
    for text in [
        "Happy birthday Mari (14/03)!",
        "Happy birthday Mari 14/3!",
        "Mari hat am 14.03. Geburtstag.",
        "Mari L. celebrates 14/03 with us.",
    ] {
        p.leak_page(
            &format!("page names her: {text}"),
            base(),
            text,
            &["14/03", "14.03", "14/3"],
        );
    }
    p.clean_page(
        "a score of 14/20 on a page naming her",
        base(),
        "Mari scored 14/20 on the balance test.",
        "14/20",
    );
    p.clean_page(
        "her birthday's numbers on a page naming nobody",
        base(),
        "Class size: 14/3 groups.",
        "14/3 groups",
    );
    p.assert_every_probe_holds();
}

/// A patient record found in a public file (HP0505) is named at its file
/// and line, but its line is not printed: it holds a name and a birth date,
/// and the output of a build goes to CI logs.
#[test]
fn a_patient_record_in_a_static_file_is_not_echoed_into_the_log() {
    let c = Clinic::with_plan();
    c.write(
        "static/exports/old.json",
        "[\n  {\"name\": \"Xavier Oddsworth\", \"dob\": \"1971-02-03\", \"phone\": \"555-0199\"}\n]\n",
    );
    let out = c.cmd(&["check"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("static/exports/old.json:2:1: error[HP0505]"),
        "{err}"
    );
    for secret in ["Oddsworth", "1971", "0199"] {
        assert!(!err.contains(secret), "{secret} printed: {err}");
    }
}
