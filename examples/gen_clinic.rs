//! Generate a synthetic clinic folder for benchmarks (issue 7).
//!
//! ```sh
//! cargo run --release --example gen_clinic -- --plans 10000 --out /tmp/clinic-10k
//! cargo run --release -- --root /tmp/clinic-10k build
//! ```
//!
//! The output is deterministic: the same arguments give byte-identical
//! files. Every `--stories-every`th plan carries a consented public story
//! written only with the display name "First L.", and surnames are chosen
//! so that they never occur as words in any public text (the privacy guard
//! must pass). Re-running into a folder made by this tool replaces its
//! `content/` and `site.yaml` (handouts/ and public/ are left alone); any
//! other non-empty folder is refused.

use clap::Parser;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Write a synthetic clinic (site.yaml, content/{plans,exercises,pages}).
#[derive(Parser)]
#[command(name = "gen_clinic")]
pub struct Args {
    /// Number of patient plans.
    #[arg(long, default_value_t = 1000)]
    pub plans: usize,
    /// Output folder (created; must be empty or made by gen_clinic).
    #[arg(long)]
    pub out: PathBuf,
    /// PRNG seed.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Number of library exercises (content/exercises/ex-NNN.yaml).
    #[arg(long, default_value_t = 200)]
    pub exercises: usize,
    /// Every Nth plan has a consented story (0: none).
    #[arg(long, default_value_t = 10)]
    pub stories_every: usize,
}

const MARKER: &str = ".gen_clinic";

// ------------------------------------------------------------------ PRNG

/// splitmix64: tiny, fast, good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.next() as usize % xs.len()]
    }
    /// True with probability `pct`%.
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
    /// `k` distinct indices below `n`, in ascending order.
    fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + self.next() as usize % (n - i);
            idx.swap(i, j);
        }
        let mut out = idx[..k.min(n)].to_vec();
        out.sort_unstable();
        out
    }
}

// ------------------------------------------------------------------ dates

/// Days since 1970-01-01 → (y, m, d) (H. Hinnant's civil_from_days).
fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// (y, m, d) → days since 1970-01-01.
fn days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn date(z: i64) -> String {
    let (y, m, d) = civil(z);
    format!("{y:04}-{m:02}-{d:02}")
}

// ------------------------------------------------------------------ YAML

/// A double-quoted YAML scalar.
fn q(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            _ => o.push(c),
        }
    }
    o.push('"');
    o
}

/// A literal block (`|`) at `indent` spaces, paragraphs separated by a blank
/// line, each wrapped at about 76 columns.
fn block(out: &mut String, indent: usize, paras: &[String]) {
    out.push_str("|\n");
    let pad = " ".repeat(indent);
    for (i, p) in paras.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if p.starts_with("1. ") {
            for line in p.lines() {
                let _ = writeln!(out, "{pad}{line}");
            }
            continue;
        }
        let mut line = String::new();
        for w in p.split_whitespace() {
            if !line.is_empty() && line.len() + w.len() + 1 > 76 - indent {
                let _ = writeln!(out, "{pad}{line}");
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        if !line.is_empty() {
            let _ = writeln!(out, "{pad}{line}");
        }
    }
}

fn flow_list(xs: &[String]) -> String {
    let items: Vec<String> = xs.iter().map(|s| q(s)).collect();
    format!("[{}]", items.join(", "))
}

fn numbered(steps: &[&str]) -> String {
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{}. {s}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

// ------------------------------------------------------------------ people

const FIRST: &[&str] = &[
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Christopher",
    "Nancy",
    "Daniel",
    "Lisa",
    "Matthew",
    "Betty",
    "Anthony",
    "Margaret",
    "Steven",
    "Sandra",
    "Donald",
    "Ashley",
    "Paul",
    "Emily",
    "Andrew",
    "Donna",
    "Joshua",
    "Michelle",
    "Kenneth",
    "Dorothy",
    "Kevin",
    "Carol",
    "Brian",
    "Amanda",
    "George",
    "Melissa",
    "Timothy",
    "Deborah",
    "Ronald",
    "Stephanie",
    "Edward",
    "Rebecca",
    "Jason",
    "Sharon",
    "Jeffrey",
    "Laura",
    "Ryan",
    "Cynthia",
    "Jacob",
    "Kathleen",
    "Nicholas",
    "Angela",
    "Eric",
    "Shirley",
    "Jonathan",
    "Anna",
    "Priya",
    "Ravi",
    "Aisha",
    "Omar",
    "Mei",
    "Wei",
    "Hiroshi",
    "Yuki",
    "Chinedu",
    "Ngozi",
    "Kwame",
    "Amara",
    "Olga",
    "Dmitri",
    "Fatima",
    "Hassan",
    "Ingrid",
    "Lars",
    "Nadia",
    "Tariq",
    "Leila",
    "Arjun",
    "Kenji",
    "Minjun",
    "Siobhan",
    "Declan",
    "Astrid",
    "Bjorn",
    "Giulia",
    "Matteo",
    "Chloe",
    "Hugo",
];

const FIRST_ES: &[&str] = &[
    "Maria",
    "Jose",
    "Ana",
    "Luis",
    "Carmen",
    "Jorge",
    "Rosa",
    "Miguel",
    "Lucia",
    "Pedro",
    "Elena",
    "Diego",
    "Isabel",
    "Carlos",
    "Teresa",
    "Javier",
    "Pilar",
    "Ramon",
    "Dolores",
    "Alejandro",
    "Beatriz",
    "Fernando",
    "Guadalupe",
    "Raul",
];

/// Surnames that are not ordinary English words (the privacy guard flags a
/// surname anywhere on the public site), and share no word with a first
/// name, a clinician or any public text.
const LAST: &[&str] = &[
    "Kowalski",
    "Nowak",
    "Okafor",
    "Nguyen",
    "Tran",
    "Okonkwo",
    "Adeyemi",
    "Mensah",
    "Asante",
    "Boateng",
    "Nakamura",
    "Tanaka",
    "Suzuki",
    "Watanabe",
    "Yamamoto",
    "Kobayashi",
    "Takahashi",
    "Choi",
    "Kang",
    "Yoon",
    "Patel",
    "Sharma",
    "Gupta",
    "Iyer",
    "Reddy",
    "Chatterjee",
    "Banerjee",
    "Mehta",
    "Kapoor",
    "Malhotra",
    "Chaudhry",
    "Haddad",
    "Khoury",
    "Nasser",
    "Aziz",
    "Rahman",
    "Hussain",
    "Qureshi",
    "Siddiqui",
    "Petrov",
    "Ivanova",
    "Volkov",
    "Sokolov",
    "Novak",
    "Horvath",
    "Kovacs",
    "Szabo",
    "Dvorak",
    "Jankowski",
    "Wisniewski",
    "Zielinski",
    "Lewandowski",
    "Kaminski",
    "Schneider",
    "Schmidt",
    "Becker",
    "Hoffmann",
    "Wagner",
    "Fischer",
    "Richter",
    "Krause",
    "Schulz",
    "Lindqvist",
    "Johansson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Andersen",
    "Haugen",
    "Virtanen",
    "Korhonen",
    "Makinen",
    "Fitzgerald",
    "Gallagher",
    "Donnelly",
    "Kavanagh",
    "Papadopoulos",
    "Georgiou",
    "Ferreira",
    "Oliveira",
    "Carvalho",
    "Pereira",
    "Moretti",
    "Russo",
    "Bianchi",
    "Esposito",
    "Colombo",
    "Ricci",
    "Lefebvre",
    "Moreau",
    "Girard",
    "Rousseau",
    "Fontaine",
    "Abernathy",
    "Thistlewood",
    "Pemberton",
    "Ashworth",
    "Whitfield",
    "Hargreaves",
    "Montgomery",
    "Okeke",
    "Eze",
    "Nwosu",
    "Abara",
    "Tesfaye",
    "Haile",
];

const LAST_ES: &[&str] = &[
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Ramirez",
    "Castillo",
    "Morales",
    "Ortiz",
    "Vargas",
    "Mendoza",
    "Guerrero",
    "Delgado",
    "Aguilar",
    "Salazar",
    "Fuentes",
    "Navarro",
    "Dominguez",
    "Ibarra",
    "Villanueva",
    "Zamora",
    "Quintero",
    "Castellanos",
    "Bustamante",
    "Figueroa",
    "Arellano",
    "Espinoza",
    "Sandoval",
    "Valenzuela",
    "Cervantes",
    "Zuniga",
    "Echeverria",
    "Galindo",
    "Olvera",
    "Quiroga",
    "Benitez",
    "Cabrera",
    "Ochoa",
    "Pacheco",
    "Trujillo",
];

/// (name, credentials). The first is the clinic's default guide.
const CLINICIANS: &[(&str, &str)] = &[
    ("Sam Rivera", "PT, DPT"),
    ("Priya Raman", "PT, DPT"),
    ("Jordan Ellis", "PT"),
    ("Grace Obi", "PT, DPT, OCS"),
    ("Tom Brennan", "PTA"),
    ("Leah Sorensen", "PT, DPT"),
];

const AREA_CODES: &[&str] = &["302", "410", "215", "610", "484", "856", "443", "267"];

// ------------------------------------------------------------------ conditions

struct Base {
    name: &'static str,
    steps: &'static [&'static str],
    cues: &'static [&'static str],
    /// 'r' reps, 'h' hold, 'm' minutes.
    kind: char,
}

struct Condition {
    tag: &'static str,
    area: &'static str,
    area_es: &'static str,
    sided: bool,
    summaries: &'static [&'static str],
    quotes: &'static [&'static str],
    details: &'static [&'static str],
    /// (goal phrase, story phrase): "I want to {0}." / "back to {1}".
    activities: &'static [(&'static str, &'static str)],
    measures: &'static [(&'static str, &'static str, &'static str)],
    /// How the story names the problem: "came to us with {problem}".
    problem: &'static str,
    bases: &'static [Base],
}

const CONDITIONS: &[Condition] = &[
    Condition {
        tag: "shoulder",
        area: "shoulder",
        area_es: "el hombro",
        sided: true,
        summaries: &[
            "Pain in your {side} shoulder when you reach up or behind you.",
            "Your {side} shoulder is stiff and sore after a fall.",
            "Your {side} shoulder hurts when you lift or carry things.",
            "Your {side} shoulder aches at night and when you reach out.",
        ],
        quotes: &[
            "I can't reach the top shelf anymore.",
            "It hurts to put on my coat.",
            "I can't sleep on that side.",
            "I can't lift my bag into the car.",
        ],
        details: &[
            "The muscles that help lift your arm are sore and weak. Your shoulder has also gotten stiff. This is common, and it gets better with the right work.",
            "Some soreness during the exercises is OK. Pain should settle within an hour. If it does not, do fewer next time and tell us.",
        ],
        activities: &[
            ("reach the top shelf", "reaching the top shelf"),
            ("lift the grandkids up for a hug", "big hugs"),
            ("swim laps at the pool", "swimming laps"),
            ("put on a coat without help", "getting dressed with ease"),
            ("play catch with the kids", "playing catch"),
            ("carry the groceries home", "carrying the groceries"),
        ],
        measures: &[
            (
                "How high you can lift your arm",
                "Shoulder height",
                "All the way up",
            ),
            ("Pain when you reach up (0 to 10)", "6", "2 or less"),
            ("Carry a full bag", "Not yet", "Easy, with both arms"),
            ("Sleep on that side", "Not at all", "All night"),
        ],
        problem: "a sore, stiff shoulder",
        bases: &[
            Base {
                name: "Pendulum swing",
                steps: &[
                    "Stand beside a table. Put your good hand on it.",
                    "Lean forward a little. Let your sore arm hang down.",
                    "Rock your body so the arm swings in small circles.",
                    "Do circles one way, then the other way.",
                ],
                cues: &[
                    "Let the arm hang loose, like a rope.",
                    "Keep the circles small and easy.",
                ],
                kind: 'r',
            },
            Base {
                name: "Wall slide",
                steps: &[
                    "Stand facing a wall.",
                    "Put your hands on the wall at chest height.",
                    "Slide your hands up the wall as far as you can.",
                    "Slide them back down slowly.",
                ],
                cues: &["Keep your shoulders down.", "Stop before it hurts."],
                kind: 'r',
            },
            Base {
                name: "Shoulder blade squeeze",
                steps: &[
                    "Sit or stand tall.",
                    "Gently squeeze your shoulder blades together.",
                    "Hold, then relax.",
                ],
                cues: &["Do not shrug.", "Breathe out as you squeeze."],
                kind: 'h',
            },
            Base {
                name: "Band turn out",
                steps: &[
                    "Hold a band in both hands with your elbows at your sides.",
                    "Keep your elbows bent.",
                    "Slowly turn your hands out.",
                    "Come back in slowly.",
                ],
                cues: &["Keep your elbows by your sides."],
                kind: 'r',
            },
            Base {
                name: "Towel stretch",
                steps: &[
                    "Hold a towel behind your back with both hands.",
                    "Use your top hand to pull the towel up gently.",
                    "Hold when you feel a stretch.",
                ],
                cues: &["Go slow.", "A gentle pull is enough."],
                kind: 'h',
            },
        ],
    },
    Condition {
        tag: "knee",
        area: "knee",
        area_es: "la rodilla",
        sided: true,
        summaries: &[
            "Your {side} knee hurts when you climb stairs.",
            "Your {side} knee is stiff and weak after surgery.",
            "Your {side} knee aches when you stand up from a chair.",
            "Your {side} knee swells after a long walk.",
        ],
        quotes: &[
            "Stairs are the worst part of my day.",
            "I can't kneel in the garden.",
            "My knee gives out when I turn.",
            "I miss my morning walks.",
        ],
        details: &[
            "The muscles around your knee have gotten weak. Strong muscles take the load off the joint. That is why we start with strength.",
            "A little ache after the exercises is normal. Ice for ten minutes can help. Call us if the knee gets hot or much more swollen.",
        ],
        activities: &[
            (
                "climb the stairs at home without holding on",
                "taking the stairs",
            ),
            ("walk the dog around the park", "long walks with the dog"),
            ("kneel in the garden", "gardening"),
            ("play soccer with friends", "playing soccer"),
            ("hike the trail by the lake", "hiking"),
            ("dance at a family wedding", "dancing"),
        ],
        measures: &[
            ("Stairs", "One at a time, holding on", "Step over step"),
            ("Knee bend", "Halfway", "All the way"),
            ("Walk without pain", "10 minutes", "45 minutes"),
            ("Stand up from a chair", "With hands", "No hands"),
        ],
        problem: "a sore knee that made stairs hard",
        bases: &[
            Base {
                name: "Quad set",
                steps: &[
                    "Sit with your leg straight out in front of you.",
                    "Tighten the muscle on top of your thigh.",
                    "Push the back of your knee down.",
                    "Hold, then relax.",
                ],
                cues: &["Keep breathing."],
                kind: 'h',
            },
            Base {
                name: "Heel slide",
                steps: &[
                    "Lie on your back with your legs straight.",
                    "Slide your heel toward you to bend your knee.",
                    "Slide it back out.",
                ],
                cues: &["Go only as far as is comfortable."],
                kind: 'r',
            },
            Base {
                name: "Sit to stand",
                steps: &[
                    "Sit near the front of a firm chair.",
                    "Lean forward and stand up.",
                    "Sit back down slowly.",
                ],
                cues: &[
                    "Keep your knees over your toes.",
                    "Use your hands only if you need to.",
                ],
                kind: 'r',
            },
            Base {
                name: "Straight leg raise",
                steps: &[
                    "Lie on your back. Bend your good knee.",
                    "Keep the other leg straight.",
                    "Lift it to the height of the other knee.",
                    "Lower it slowly.",
                ],
                cues: &["Keep your thigh tight the whole time."],
                kind: 'r',
            },
            Base {
                name: "Step up",
                steps: &[
                    "Stand in front of a low step. Hold the rail.",
                    "Step up with your sore leg.",
                    "Step down slowly with the other leg.",
                ],
                cues: &["Go slow on the way down."],
                kind: 'r',
            },
        ],
    },
    Condition {
        tag: "back",
        area: "back",
        area_es: "la espalda",
        sided: false,
        summaries: &[
            "Your low back hurts when you bend or lift.",
            "Your back gets stiff and sore when you sit for a long time.",
            "Your back pain comes and goes, and it is worse in the morning.",
            "Your back hurts when you stand for a long time.",
        ],
        quotes: &[
            "I can't pick up my kids.",
            "Long car rides are hard.",
            "I'm afraid to bend over.",
            "I can't stand at work all day.",
        ],
        details: &[
            "Back pain is common, and most of it gets better. Moving is good for your back, even when it is sore. Rest in bed makes it slower to heal.",
            "We will build strength in the muscles that hold your back steady. Small, daily steps work best.",
        ],
        activities: &[
            ("pick up the kids", "playing with the kids"),
            ("drive to see the family", "long drives"),
            ("work a full day in the shop", "a full day at work"),
            ("play golf on the weekend", "golf"),
            ("do the yard work", "yard work"),
            ("sit through a whole movie", "movie nights"),
        ],
        measures: &[
            ("Pain at the end of the day (0 to 10)", "7", "2 or less"),
            ("Sit without pain", "20 minutes", "One hour"),
            ("Lift a box from the floor", "Not yet", "Easy"),
            ("Walk", "15 minutes", "One hour"),
        ],
        problem: "low back pain",
        bases: &[
            Base {
                name: "Pelvic tilt",
                steps: &[
                    "Lie on your back with your knees bent.",
                    "Flatten your low back into the floor.",
                    "Hold, then relax.",
                ],
                cues: &["Breathe out as you press down."],
                kind: 'h',
            },
            Base {
                name: "Knee to chest",
                steps: &[
                    "Lie on your back with your knees bent.",
                    "Pull one knee toward your chest.",
                    "Hold, then lower it.",
                    "Switch legs.",
                ],
                cues: &["Keep your other foot on the floor."],
                kind: 'h',
            },
            Base {
                name: "Bird dog",
                steps: &[
                    "Get on your hands and knees.",
                    "Reach one arm forward and the other leg back.",
                    "Hold, then switch sides.",
                ],
                cues: &["Keep your back flat, like a table."],
                kind: 'h',
            },
            Base {
                name: "Bridge",
                steps: &[
                    "Lie on your back with your knees bent.",
                    "Squeeze your seat and lift your hips.",
                    "Lower down slowly.",
                ],
                cues: &["Keep your ribs down."],
                kind: 'r',
            },
            Base {
                name: "Easy walk",
                steps: &[
                    "Put on good shoes.",
                    "Walk at an easy pace.",
                    "Swing your arms as you go.",
                ],
                cues: &["You should be able to talk as you walk."],
                kind: 'm',
            },
        ],
    },
    Condition {
        tag: "ankle",
        area: "ankle",
        area_es: "el tobillo",
        sided: true,
        summaries: &[
            "You rolled your {side} ankle and it is still sore and weak.",
            "Your {side} ankle feels loose and gives way on rough ground.",
            "Your {side} ankle is stiff after your cast came off.",
            "Your {side} heel hurts when you first stand up in the morning.",
        ],
        quotes: &[
            "I'm scared it will roll again.",
            "I can't run yet.",
            "My first steps in the morning hurt the most.",
            "I walk with a limp.",
        ],
        details: &[
            "The small muscles that keep your ankle steady are weak after the sprain. Balance work trains them to catch you before the ankle rolls.",
            "Wear good shoes when you walk outside. Some swelling at the end of the day is normal for a few weeks.",
        ],
        activities: &[
            ("run a 5K in the spring", "running"),
            ("play tennis", "tennis"),
            ("walk on the beach", "beach walks"),
            ("hike with friends", "hiking"),
            ("work a full shift standing", "long shifts at work"),
            ("play basketball with the team", "basketball"),
        ],
        measures: &[
            ("Stand on one foot", "5 seconds", "30 seconds"),
            ("Heel raises", "5", "20"),
            ("Pain when you walk (0 to 10)", "5", "1 or less"),
            ("Hop", "Not yet", "10 in a row"),
        ],
        problem: "a weak ankle after a bad sprain",
        bases: &[
            Base {
                name: "Ankle alphabet",
                steps: &[
                    "Sit with your leg out in front of you.",
                    "Trace the letters of the alphabet with your big toe.",
                    "Move only at the ankle.",
                ],
                cues: &["Make the letters big."],
                kind: 'm',
            },
            Base {
                name: "Calf raise",
                steps: &[
                    "Stand and hold the back of a chair.",
                    "Rise up on your toes.",
                    "Lower down slowly.",
                ],
                cues: &["Go up fast, down slow."],
                kind: 'r',
            },
            Base {
                name: "One foot balance",
                steps: &[
                    "Stand next to a counter.",
                    "Lift one foot off the floor.",
                    "Hold as long as you can.",
                ],
                cues: &["Look at a spot ahead of you."],
                kind: 'h',
            },
            Base {
                name: "Band push",
                steps: &[
                    "Sit with your leg out. Put a band around your foot.",
                    "Hold the ends of the band.",
                    "Push your foot down against the band.",
                    "Come back slowly.",
                ],
                cues: &["Move only at the ankle."],
                kind: 'r',
            },
            Base {
                name: "Towel scrunch",
                steps: &[
                    "Sit with your foot on a towel.",
                    "Use your toes to pull the towel toward you.",
                    "Spread it out and do it again.",
                ],
                cues: &["Keep your heel on the floor."],
                kind: 'r',
            },
        ],
    },
    Condition {
        tag: "neck",
        area: "neck",
        area_es: "el cuello",
        sided: false,
        summaries: &[
            "Your neck is stiff and sore after long days at the computer.",
            "Your neck hurts when you turn your head to drive.",
            "You get headaches that start in your neck.",
            "Your neck and upper back ache by the end of the day.",
        ],
        quotes: &[
            "I can't check my blind spot.",
            "My neck hurts by lunch time.",
            "The headaches wear me out.",
            "I can't look up at the sky.",
        ],
        details: &[
            "Long hours in one position make the muscles of your neck tired and tight. Short breaks and a few easy moves each day help a lot.",
            "Set up your desk so the screen is at eye level. Get up and move every half hour.",
        ],
        activities: &[
            ("check the blind spot when driving", "driving with ease"),
            (
                "work at the desk all day without pain",
                "a full day at the desk",
            ),
            ("read in bed", "reading in bed"),
            ("paint the kitchen ceiling", "painting"),
            (
                "look up at the stars with the kids",
                "nights under the stars",
            ),
            ("swim without neck pain", "swimming"),
        ],
        measures: &[
            ("Turn your head", "Halfway", "All the way"),
            ("Headaches each week", "4", "1 or less"),
            ("Work at the desk", "One hour", "All day"),
        ],
        problem: "a stiff, sore neck",
        bases: &[
            Base {
                name: "Chin tuck",
                steps: &[
                    "Sit tall and look ahead.",
                    "Gently pull your chin straight back.",
                    "Hold, then relax.",
                ],
                cues: &["Do not tip your head down."],
                kind: 'h',
            },
            Base {
                name: "Neck turn",
                steps: &[
                    "Sit tall.",
                    "Slowly turn your head to look over one shoulder.",
                    "Come back to the middle, then turn the other way.",
                ],
                cues: &["Move slowly."],
                kind: 'r',
            },
            Base {
                name: "Upper back stretch",
                steps: &[
                    "Sit tall in a chair.",
                    "Clasp your hands in front of you.",
                    "Round your upper back and push your hands away.",
                    "Hold, then sit tall.",
                ],
                cues: &["Let your head drop a little."],
                kind: 'h',
            },
            Base {
                name: "Shoulder roll",
                steps: &[
                    "Sit or stand tall.",
                    "Roll your shoulders up, back and down.",
                    "Make slow circles.",
                ],
                cues: &["Keep it smooth."],
                kind: 'r',
            },
            Base {
                name: "Side bend stretch",
                steps: &[
                    "Sit tall.",
                    "Tip your ear toward your shoulder.",
                    "Hold when you feel a gentle stretch.",
                    "Switch sides.",
                ],
                cues: &["Keep your shoulders down."],
                kind: 'h',
            },
        ],
    },
    Condition {
        tag: "hip",
        area: "hip",
        area_es: "la cadera",
        sided: true,
        summaries: &[
            "Your {side} hip aches when you walk.",
            "Your {side} hip is stiff after your hip surgery.",
            "Your {side} hip hurts when you lie on that side.",
            "Your {side} hip hurts when you climb stairs or get out of the car.",
        ],
        quotes: &[
            "I can't walk to the store anymore.",
            "Getting out of the car is hard.",
            "I can't sleep on my side.",
            "I want to keep up with my grandkids.",
        ],
        details: &[
            "The muscles on the side of your hip hold your pelvis level when you walk. When they are weak, the joint takes more load and hurts.",
            "Use a pillow between your knees at night. Short walks are better than one long walk for now.",
        ],
        activities: &[
            ("walk to the store and back", "walks to the store"),
            ("get in and out of the car with ease", "car trips"),
            ("play with the grandkids at the park", "days at the park"),
            ("ride a bike", "bike rides"),
            ("dance at the party", "dancing"),
            ("garden all morning", "gardening"),
        ],
        measures: &[
            ("Walk", "10 minutes", "45 minutes"),
            ("Stand on one leg", "5 seconds", "30 seconds"),
            ("Pain at night (0 to 10)", "5", "1 or less"),
        ],
        problem: "an aching hip",
        bases: &[
            Base {
                name: "Clam shell",
                steps: &[
                    "Lie on your side with your knees bent.",
                    "Keep your feet together.",
                    "Lift your top knee.",
                    "Lower it slowly.",
                ],
                cues: &["Do not roll back."],
                kind: 'r',
            },
            Base {
                name: "Hip lift",
                steps: &[
                    "Lie on your back with your knees bent.",
                    "Squeeze your seat and lift your hips.",
                    "Hold, then lower slowly.",
                ],
                cues: &["Keep your knees apart."],
                kind: 'h',
            },
            Base {
                name: "Side leg lift",
                steps: &[
                    "Lie on your side with your bottom knee bent.",
                    "Keep your top leg straight.",
                    "Lift it up a little.",
                    "Lower it slowly.",
                ],
                cues: &["Point your toes forward."],
                kind: 'r',
            },
            Base {
                name: "Standing hip stretch",
                steps: &[
                    "Stand and hold a counter.",
                    "Step one foot back.",
                    "Bend your front knee and tuck your hips under.",
                    "Hold when you feel a stretch in the front of your hip.",
                ],
                cues: &["Keep your back tall."],
                kind: 'h',
            },
            Base {
                name: "March in place",
                steps: &[
                    "Stand and hold a counter.",
                    "Lift one knee up.",
                    "Put it down and lift the other.",
                ],
                cues: &["Stand tall."],
                kind: 'm',
            },
        ],
    },
    Condition {
        tag: "wrist",
        area: "wrist",
        area_es: "la muñeca",
        sided: true,
        summaries: &[
            "Your {side} wrist hurts when you grip or twist.",
            "Your {side} wrist is stiff after your cast came off.",
            "Your {side} hand goes numb when you type.",
            "Your {side} elbow and wrist ache after work.",
        ],
        quotes: &[
            "I can't open jars.",
            "Typing all day hurts.",
            "I drop things.",
            "I can't hold my coffee cup.",
        ],
        details: &[
            "The muscles of your forearm are tired and sore from the same moves all day. Rest breaks and gentle stretches help them heal.",
            "Keep your wrist straight when you type. A soft pad under your wrist can help.",
        ],
        activities: &[
            ("open jars in the kitchen", "cooking at home"),
            ("type all day without pain", "a full day at the keyboard"),
            ("play the piano", "playing the piano"),
            ("knit a scarf for the grandkids", "knitting"),
            ("lift the baby", "lifting the baby"),
            ("play guitar with the band", "playing guitar"),
        ],
        measures: &[
            ("Grip", "Weak", "Strong"),
            ("Open a jar", "Not yet", "Easy"),
            ("Type without pain", "20 minutes", "All day"),
        ],
        problem: "a sore wrist",
        bases: &[
            Base {
                name: "Wrist bend stretch",
                steps: &[
                    "Hold your arm out with your palm down.",
                    "Use your other hand to bend your wrist down.",
                    "Hold when you feel a stretch.",
                ],
                cues: &["Keep your elbow straight."],
                kind: 'h',
            },
            Base {
                name: "Ball squeeze",
                steps: &[
                    "Hold a soft ball in your hand.",
                    "Squeeze it.",
                    "Let go slowly.",
                ],
                cues: &["Squeeze only as hard as is comfortable."],
                kind: 'r',
            },
            Base {
                name: "Wrist turn",
                steps: &[
                    "Rest your forearm on a table.",
                    "Turn your palm up, then down.",
                ],
                cues: &["Keep your elbow at your side."],
                kind: 'r',
            },
            Base {
                name: "Finger spread",
                steps: &[
                    "Put a band around your fingers.",
                    "Spread your fingers apart.",
                    "Close them slowly.",
                ],
                cues: &["Move slowly."],
                kind: 'r',
            },
            Base {
                name: "Tendon glide",
                steps: &[
                    "Start with your fingers straight.",
                    "Make a hook fist.",
                    "Make a full fist.",
                    "Open your hand again.",
                ],
                cues: &["Go slow and smooth."],
                kind: 'r',
            },
        ],
    },
    Condition {
        tag: "balance",
        area: "legs",
        area_es: "el equilibrio",
        sided: false,
        summaries: &[
            "Your balance is shaky, and you fell at home last month.",
            "You feel unsteady when you walk outside.",
            "Your legs feel weak, and you worry about falling.",
            "You feel dizzy when you turn or stand up fast.",
        ],
        quotes: &[
            "I'm scared I'll fall again.",
            "I want to keep living on my own.",
            "I hold on to the walls at home.",
            "I stopped going for walks.",
        ],
        details: &[
            "Your legs have gotten weaker, and that makes your balance less steady. The good news: strength and balance can get better at any age.",
            "Keep your home safe. Clear the floors, turn on a light at night, and wear shoes with a good grip.",
        ],
        activities: &[
            ("walk to church and back alone", "walks around town"),
            ("garden in the spring", "gardening"),
            ("go to the market alone", "trips to the market"),
            ("walk the dog", "walks with the dog"),
            (
                "play with the grandkids on the floor",
                "playtime with the grandkids",
            ),
            ("dance at a family wedding", "dancing"),
        ],
        measures: &[
            ("Stand on one foot", "3 seconds", "15 seconds"),
            ("Falls each month", "1", "None"),
            (
                "Stand up from a chair five times",
                "20 seconds",
                "12 seconds",
            ),
        ],
        problem: "shaky balance after a fall",
        bases: &[
            Base {
                name: "Heel to toe walk",
                steps: &[
                    "Stand next to a counter.",
                    "Put one foot right in front of the other.",
                    "Walk along the counter.",
                ],
                cues: &["Look ahead, not down."],
                kind: 'r',
            },
            Base {
                name: "Side step",
                steps: &[
                    "Stand next to a counter.",
                    "Step to the side, then bring your feet together.",
                    "Step back the other way.",
                ],
                cues: &["Stand tall."],
                kind: 'r',
            },
            Base {
                name: "Chair stand",
                steps: &[
                    "Sit near the front of a firm chair.",
                    "Stand up without using your hands.",
                    "Sit down slowly.",
                ],
                cues: &["Lean forward to stand."],
                kind: 'r',
            },
            Base {
                name: "Toe raise",
                steps: &[
                    "Stand and hold a counter.",
                    "Lift your toes up.",
                    "Lower them slowly.",
                ],
                cues: &["Keep your knees straight."],
                kind: 'r',
            },
            Base {
                name: "Weight shift",
                steps: &[
                    "Stand with your feet apart.",
                    "Shift your weight to one foot.",
                    "Then shift to the other.",
                ],
                cues: &["Move slowly."],
                kind: 'm',
            },
        ],
    },
];

/// Library variations: (name suffix, extra last step).
const VARIANTS: &[(&str, &str)] = &[
    ("", ""),
    ("easy", "Make the move small if it hurts."),
    ("level 2", "Hold a little longer each time."),
    ("level 3", "Add a light weight when this feels easy."),
    ("slow", "Count to three on the way down."),
];

/// Shared pictures: (file, alt text, svg body).
const IMAGES: &[(&str, &str, &str)] = &[
    (
        "standing.svg",
        "A person stands tall next to a counter, one hand resting on it.",
        r#"<circle cx="60" cy="24" r="12"/><path d="M60 36 V90 M60 50 L90 64 M60 50 L40 76 M60 90 L48 138 M60 90 L72 138 M88 64 H120 M112 64 V140"/>"#,
    ),
    (
        "sitting.svg",
        "A person sits tall on a firm chair with both feet on the floor.",
        r#"<circle cx="60" cy="24" r="12"/><path d="M60 36 V88 M60 52 L84 74 M60 88 H96 M96 88 V138 M40 88 H100 M44 88 V140 M100 60 V140"/>"#,
    ),
    (
        "lying.svg",
        "A person lies on their back on a mat with both knees bent.",
        r#"<circle cx="30" cy="110" r="12"/><path d="M42 112 H100 L120 84 L140 116 M10 128 H190"/>"#,
    ),
    (
        "band.svg",
        "A person holds an exercise band in both hands with elbows at the sides.",
        r#"<circle cx="100" cy="24" r="12"/><path d="M100 36 V92 M100 52 L82 70 L64 62 M100 52 L118 70 L136 62 M64 62 C90 50 110 50 136 62 M100 92 L88 138 M100 92 L112 138"/>"#,
    ),
];

fn svg(alt: &str, body: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 160\" width=\"200\" height=\"160\" role=\"img\" aria-label=\"{alt}\">\n<g fill=\"none\" stroke=\"#000\" stroke-width=\"3\" stroke-linecap=\"round\">{body}</g>\n</svg>\n"
    )
}

// ------------------------------------------------------------------ text pools

const STEP1: &[&str] = &[
    "Calm the pain",
    "Calm it down and get moving",
    "Ease the pain",
    "Get moving again",
];
const STEP2: &[&str] = &[
    "Build strength",
    "Get stronger",
    "Build strength and control",
];
const STEP3: &[&str] = &[
    "Back to daily life",
    "Put it all together",
    "Get back to what you love",
];
const WHEN: &[&[&str]] = &[
    &["Weeks 1-3"],
    &["Weeks 1-2", "Weeks 3-6"],
    &["Weeks 1-2", "Weeks 3-6", "Weeks 7-10"],
];
const WHY1: &[&str] = &[
    "Gentle movement helps a sore {area} heal. It keeps the joint from getting stiff while the pain settles down.",
    "First we calm things down. Easy moves, done often, bring blood flow and ease the pain.",
];
const WHY2: &[&str] = &[
    "Strong muscles hold your {area} in place. That makes daily tasks safe and easy again.",
    "Now we add a little more work each week. Your muscles get stronger when you ask a bit more of them.",
];
const WHY3: &[&str] = &[
    "Now we practice the things you want to do. We start small and build up each week.",
    "This step is about your goal. We make the moves look like your real life.",
];
const SUCCESS: &[&str] = &[
    "You {act}. Your {area} feels strong, and you do not think about it.",
    "Picture this: you {act}, and it feels easy. You are proud of the work you did.",
    "You {act} with a smile. You know what to do if your {area} gets sore again.",
];
const RESP_CLIN: &[&str] = &[
    "{c} will check your {area} at each visit and change the plan as you get stronger.",
    "{c} will answer your questions by phone between visits.",
    "{c} will show you each new exercise before you do it at home.",
];
const RESP_PAT: &[&str] = &[
    "You will do your exercises each day and mark them on the log.",
    "You will call the clinic if your pain gets worse and stays worse.",
    "You will bring your log to each visit.",
];
const RESP_TOG: &[&str] = &[
    "Together we will check your progress every two weeks.",
    "Together we will decide when you are ready for the next step.",
];
const FOCUS: &[&str] = &[
    "We will check your progress and add your next exercise.",
    "We will test your strength and update your plan.",
    "We will watch how you do the exercises and make them a bit harder.",
];
const TIMES: &[&str] = &[
    "8:00 AM", "9:30 AM", "10:30 AM", "11:15 AM", "1:00 PM", "2:30 PM", "4:00 PM", "5:30 PM",
];
const PRONOUNS: &[&str] = &["she/her", "he/him", "they/them"];
const LOADS: &[&str] = &[
    "a yellow band",
    "a red band",
    "a green band",
    "1 kg",
    "2 kg",
    "a light weight",
];
const NOTES: &[&str] = &[
    "Do this first thing in the morning, when you feel stiff.",
    "Stop if you feel sharp pain, and tell us at your next visit.",
    "Do this one after a warm shower.",
];
/// Inline exercises written in the plan: (name, prose instructions, cues, kind).
const INLINE: &[(&str, &str, &[&str], char)] = &[
    (
        "Short walk",
        "Walk at an easy pace. Rest when you need to.",
        &["Wear good shoes."],
        'm',
    ),
    (
        "Ice pack",
        "Wrap an ice pack in a towel. Put it on the sore spot. Leave it on for ten minutes.",
        &["Never put ice right on your skin."],
        'm',
    ),
    (
        "Deep breathing",
        "Sit tall. Breathe in through your nose. Breathe out slowly through your mouth.",
        &["Let your belly rise as you breathe in."],
        'r',
    ),
    (
        "Warm up",
        "March in place for a few minutes. Swing your arms as you go.",
        &["Keep it easy."],
        'm',
    ),
];

const STORY_TITLES: &[&str] = &[
    "Back to {ing}",
    "{f} is back to {ing}",
    "{f} gets back to {ing}",
    "From pain to {ing}",
    "{f} and the road back to {ing}",
    "Step by step back to {ing}",
];
const STORY_IMPACT: &[&str] = &[
    "Simple things had become hard, and {f} missed the things that matter most.",
    "Every day brought a little more pain, and {f} had stopped doing the fun things.",
    "{f} was tired of saying no to friends and family.",
];
const STORY_QUOTES: &[&str] = &[
    "I did not think I would get here so fast.",
    "The plan was simple. I just had to do it.",
    "Now I know my body is getting stronger.",
    "I feel like myself again.",
    "Every small step added up.",
    "I finally trust my body again.",
];
const NUM_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven",
];

// Spanish handouts (the public site stays in English).
const ES_SUMMARY: &[&str] = &[
    "Tiene dolor en {a} cuando se mueve.",
    "Le duele {a} al final del día.",
    "Tiene molestias en {a} desde hace unas semanas.",
];
const ES_WORDS: &[&str] = &[
    "Quiero volver a mi vida normal.",
    "Me duele todos los días.",
    "No puedo trabajar como antes.",
];
const ES_DETAILS: &[&str] = &[
    "Este problema es común y mejora con el ejercicio correcto. Un poco de molestia durante los ejercicios es normal.",
    "Si el dolor dura más de una hora después de los ejercicios, haga menos la próxima vez y avísenos.",
];
const ES_GOALS: &[&str] = &[
    "Quiero caminar al mercado sin dolor.",
    "Quiero jugar con mis nietos.",
    "Quiero volver al trabajo sin dolor.",
    "Quiero bailar en la fiesta de mi familia.",
];
const ES_MEASURES: &[(&str, &str, &str)] = &[
    ("Dolor (0 a 10)", "6", "2 o menos"),
    ("Caminar", "10 minutos", "45 minutos"),
];
const ES_STEPS: &[&str] = &["Calmar el dolor", "Ganar fuerza", "Volver a la vida diaria"];
const ES_WHY: &[&str] = &[
    "El movimiento suave ayuda a sanar.",
    "Los músculos fuertes protegen la articulación.",
    "Ahora practicamos lo que usted quiere hacer.",
];
const ES_CLIN: &str = "{c} revisará su progreso en cada visita.";
const ES_PAT: &str = "Usted hará sus ejercicios cada día y los marcará en el registro.";
const ES_TOG: &str = "Juntos revisaremos su progreso cada dos semanas.";
const ES_FOCUS: &str = "Revisaremos su progreso y agregaremos un ejercicio.";
const ES_SUCCESS: &str = "Usted se mueve sin dolor y disfruta de su día.";

// ------------------------------------------------------------------ library

struct LibEx {
    id: String,
    cond: usize,
}

fn dose_lines(out: &mut String, pad: &str, r: &mut Rng, kind: char, sided: bool) {
    match kind {
        'h' => {
            let _ = writeln!(out, "{pad}hold_seconds: {}", r.pick(&[5, 10, 15, 20, 30]));
            let _ = writeln!(out, "{pad}reps: {}", r.range(3, 10));
        }
        'm' => {
            let _ = writeln!(out, "{pad}minutes: {}", r.pick(&[2, 3, 5, 10, 15, 20]));
        }
        _ => {
            if r.chance(60) {
                let _ = writeln!(out, "{pad}sets: {}", r.range(2, 3));
            }
            let _ = writeln!(out, "{pad}reps: {}", r.pick(&[8, 10, 12, 15]));
        }
    }
    let _ = writeln!(out, "{pad}per_day: {}", r.range(1, 3));
    if r.chance(50) {
        let _ = writeln!(out, "{pad}days_per_week: {}", r.pick(&[5, 6, 7]));
    }
    if sided && r.chance(40) {
        let _ = writeln!(out, "{pad}side: {}", r.pick(&["left", "right", "both"]));
    }
}

fn exercise_yaml(i: usize, seed: u64) -> (String, LibEx) {
    let mut r = Rng::new(seed, 1_000_000 + i as u64);
    let nc = CONDITIONS.len();
    let cond = i % nc;
    let c = &CONDITIONS[cond];
    let base = &c.bases[(i / nc) % c.bases.len()];
    let round = i / (nc * c.bases.len());
    let (suffix, extra) = VARIANTS[round % VARIANTS.len()];
    let name = match (round, suffix) {
        (0, _) => base.name.to_string(),
        (n, s) if n < VARIANTS.len() => format!("{} ({s})", base.name),
        (n, _) => format!("{} (set {})", base.name, n + 1),
    };
    let mut steps: Vec<&str> = base.steps.to_vec();
    if !extra.is_empty() {
        steps.push(extra);
    }
    let id = format!("ex-{:03}", i + 1);
    let mut y = String::new();
    let _ = writeln!(y, "# Library exercise generated by gen_clinic.");
    let _ = writeln!(y, "name: {}", q(&name));
    y.push_str("instructions: ");
    block(&mut y, 2, &[numbered(&steps)]);
    let _ = writeln!(
        y,
        "cues: {}",
        flow_list(&base.cues.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    );
    let pictured = i.is_multiple_of(5);
    if pictured {
        let (file, alt, _) = IMAGES[(i / 5) % IMAGES.len()];
        let _ = writeln!(y, "image: {file}");
        let _ = writeln!(y, "image_alt: {}", q(alt));
    }
    // Every exercise has a picture or a video, as `check` asks (HP0711).
    if !pictured || r.chance(35) {
        let _ = writeln!(y, "video: https://www.example-pt.test/videos/{id}");
    }
    y.push_str("dose:\n");
    dose_lines(&mut y, "  ", &mut r, base.kind, c.sided);
    let _ = writeln!(y, "tags: [{}]", c.tag);
    (y, LibEx { id, cond })
}

// ------------------------------------------------------------------ plans

struct Person {
    first: &'static str,
    last: &'static str,
    spanish: bool,
    slug: String,
}

fn people(n: usize, seed: u64) -> Vec<Person> {
    let mut r = Rng::new(seed, 7);
    let mut seen: HashMap<String, u32> = HashMap::new();
    (0..n)
        .map(|_| {
            let spanish = r.chance(12);
            let (first, last) = if spanish {
                (r.pick(FIRST_ES), r.pick(LAST_ES))
            } else {
                (r.pick(FIRST), r.pick(LAST))
            };
            let base = format!("{}-{}", first.to_lowercase(), last.to_lowercase());
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            let slug = if *n == 1 { base } else { format!("{base}-{n}") };
            Person {
                first,
                last,
                spanish,
                slug,
            }
        })
        .collect()
}

fn fill(s: &str, pairs: &[(&str, &str)]) -> String {
    let mut o = s.to_string();
    for (k, v) in pairs {
        o = o.replace(&format!("{{{k}}}"), v);
    }
    o
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[allow(clippy::too_many_lines)]
fn plan_yaml(i: usize, p: &Person, lib: &[Vec<String>], stories_every: usize, seed: u64) -> String {
    let mut r = Rng::new(seed, i as u64 + 1);
    let ci = r.next() as usize % CONDITIONS.len();
    let c = &CONDITIONS[ci];
    let es = p.spanish && r.chance(40);
    let side = r.pick(&["right", "left"]);
    let act = r.pick(c.activities);
    let (clin_name, clin_cred) = if r.chance(40) {
        CLINICIANS[0]
    } else {
        r.pick(CLINICIANS)
    };
    let clin_explicit = clin_name != CLINICIANS[0].0;
    let clin_first = clin_name.split(' ').next().unwrap_or(clin_name);
    let area = c.area;

    let mut y = String::with_capacity(4096);
    let _ = writeln!(
        y,
        "# Synthetic plan {} generated by gen_clinic (seed {seed}). Everything under `patient` is private.",
        i + 1
    );
    y.push_str("patient:\n");
    let _ = writeln!(y, "  name: {}", q(&format!("{} {}", p.first, p.last)));
    if r.chance(30) {
        let _ = writeln!(y, "  preferred_name: {}", q(p.first));
    }
    if r.chance(50) {
        let _ = writeln!(y, "  pronouns: {}", r.pick(PRONOUNS));
    }
    if es {
        y.push_str("  language: es\n");
    }
    let birth = days(1940, 1, 1) + r.range(0, 68 * 365) as i64;
    let _ = writeln!(y, "  birth_date: {}", date(birth));
    if r.chance(90) {
        let _ = writeln!(
            y,
            "  phone: \"({}) 555-{}\"",
            r.pick(AREA_CODES),
            r.range(1000, 9999)
        );
    }
    if r.chance(80) {
        let _ = writeln!(
            y,
            "  email: {}.{}{}@mail.example.test",
            p.first.to_lowercase(),
            p.last.to_lowercase(),
            r.range(1, 99)
        );
    }
    if clin_explicit {
        let _ = writeln!(
            y,
            "clinician: {{ name: {}, credentials: {} }}",
            q(clin_name),
            q(clin_cred)
        );
    }

    // Problem.
    y.push_str("problem:\n");
    if es {
        let _ = writeln!(
            y,
            "  summary: {}",
            q(&fill(r.pick(ES_SUMMARY), &[("a", c.area_es)]))
        );
        let _ = writeln!(y, "  in_their_words: {}", q(r.pick(ES_WORDS)));
        y.push_str("  details: ");
        block(
            &mut y,
            4,
            &ES_DETAILS.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        );
    } else {
        let _ = writeln!(
            y,
            "  summary: {}",
            q(&fill(r.pick(c.summaries), &[("side", side)]))
        );
        let _ = writeln!(y, "  in_their_words: {}", q(r.pick(c.quotes)));
        y.push_str("  details: ");
        let n = r.range(1, 2) as usize;
        block(
            &mut y,
            4,
            &c.details[..n]
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        );
    }

    // Goal.
    // Goals agreed in the month before the bench's day (`--today
    // 2026-12-01` in benches/bench.sh), so measures are recent (HP0116).
    let agreed = days(2026, 11, 2) + r.range(0, 28) as i64;
    let weeks = r.range(4, 16) as i64;
    y.push_str("goal:\n");
    if es {
        let _ = writeln!(y, "  statement: {}", q(r.pick(ES_GOALS)));
    } else if r.chance(50) {
        let _ = writeln!(
            y,
            "  statement: {}",
            q(&format!("I want to {} without pain.", act.0))
        );
    } else {
        let _ = writeln!(y, "  statement: {}", q(&format!("I want to {}.", act.0)));
    }
    let _ = writeln!(y, "  target_date: {}", date(agreed + weeks * 7));
    let _ = writeln!(y, "  agreed_on: {}", date(agreed));
    y.push_str("  measures:\n");
    let ms: Vec<(&str, &str, &str)> = if es {
        ES_MEASURES.to_vec()
    } else {
        let k = r.range(1, 3.min(c.measures.len() as u64)) as usize;
        r.sample(c.measures.len(), k)
            .into_iter()
            .map(|j| c.measures[j])
            .collect()
    };
    // One standard outcome measure per plan, as clinics record (HP0115).
    let (id, now, target) = match c.tag {
        "shoulder" | "wrist" => ("quickdash", 45 + r.range(0, 30), 15),
        "knee" | "hip" | "ankle" | "balance" => ("lefs", 25 + r.range(0, 25), 65),
        "back" => ("odi", 30 + r.range(0, 30), 10),
        "neck" => ("ndi", 15 + r.range(0, 15), 5),
        _ => ("nprs", 5 + r.range(0, 4), 2),
    };
    let _ = writeln!(y, "    - {{ measure: {id}, now: {now}, target: {target} }}");
    for (name, now, target) in ms {
        let _ = writeln!(
            y,
            "    - {{ name: {}, now: {}, target: {} }}",
            q(name),
            q(now),
            q(target)
        );
    }

    // Steps and exercises: 2–6 exercises over 1–3 steps, at most 4 a step.
    let nsteps = r.range(1, 3) as usize;
    let total = (r.range(2, 6) as usize).clamp(nsteps, 4 * nsteps);
    let mut per_step = vec![1usize; nsteps];
    for _ in nsteps..total {
        loop {
            let s = r.next() as usize % nsteps;
            if per_step[s] < 4 {
                per_step[s] += 1;
                break;
            }
        }
    }
    let pool = &lib[ci];
    let mut used_lib = r.sample(pool.len(), total.min(pool.len())).into_iter();
    y.push_str("steps:\n");
    for (si, &n_ex) in per_step.iter().enumerate() {
        let title = if es {
            ES_STEPS[si].to_string()
        } else {
            match si {
                0 => r.pick(STEP1).to_string(),
                1 => r.pick(STEP2).to_string(),
                _ => r.pick(STEP3).to_string(),
            }
        };
        let _ = writeln!(y, "  - title: {}", q(&title));
        let _ = writeln!(y, "    when: {}", WHEN[nsteps - 1][si]);
        y.push_str("    why: ");
        let why = if es {
            ES_WHY[si].to_string()
        } else {
            fill(r.pick([WHY1, WHY2, WHY3][si]), &[("area", area)])
        };
        block(&mut y, 6, &[why]);
        y.push_str("    exercises:\n");
        for _ in 0..n_ex {
            let inline = r.chance(25) || pool.is_empty();
            let next_lib = if inline { None } else { used_lib.next() };
            match next_lib {
                Some(j) => {
                    let _ = writeln!(y, "      - use: {}", pool[j]);
                    if r.chance(50) {
                        match r.next() % 4 {
                            0 => {
                                let _ = writeln!(y, "        reps: {}", r.pick(&[8, 10, 12, 15]));
                            }
                            1 => {
                                let _ = writeln!(y, "        per_day: {}", r.range(1, 3));
                            }
                            2 if c.sided => {
                                let _ = writeln!(y, "        side: {side}");
                            }
                            _ => {
                                let _ = writeln!(y, "        sets: {}", r.range(2, 3));
                                let _ = writeln!(y, "        reps: {}", r.pick(&[10, 12]));
                            }
                        }
                    }
                    if r.chance(15) {
                        let _ = writeln!(y, "        load: {}", q(r.pick(LOADS)));
                    }
                    if r.chance(20) {
                        let _ = writeln!(y, "        note: {}", q(r.pick(NOTES)));
                    }
                }
                None => {
                    if r.chance(50) {
                        let (name, text, cues, kind) = r.pick(INLINE);
                        let _ = writeln!(y, "      - name: {}", q(name));
                        let _ = writeln!(y, "        instructions: {}", q(text));
                        let _ = writeln!(
                            y,
                            "        cues: {}",
                            flow_list(&cues.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                        );
                        dose_lines(&mut y, "        ", &mut r, kind, false);
                    } else {
                        let b = &c.bases[r.next() as usize % c.bases.len()];
                        let _ = writeln!(y, "      - name: {}", q(&format!("{} at home", b.name)));
                        y.push_str("        instructions: ");
                        block(&mut y, 10, &[numbered(b.steps)]);
                        let _ = writeln!(
                            y,
                            "        cues: {}",
                            flow_list(&b.cues.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                        );
                        dose_lines(&mut y, "        ", &mut r, b.kind, c.sided);
                    }
                }
            }
        }
    }

    // Responsibilities, next visit, success.
    y.push_str("responsibilities:\n");
    if es {
        let _ = writeln!(
            y,
            "  clinician: [{}]",
            q(&fill(ES_CLIN, &[("c", clin_first)]))
        );
        let _ = writeln!(y, "  patient: [{}]", q(ES_PAT));
        let _ = writeln!(y, "  together: [{}]", q(ES_TOG));
    } else {
        let pick_some = |r: &mut Rng, xs: &[&str]| -> Vec<String> {
            let k = r.range(1, xs.len() as u64) as usize;
            r.sample(xs.len(), k)
                .into_iter()
                .map(|j| fill(xs[j], &[("c", clin_first), ("area", area)]))
                .collect()
        };
        let _ = writeln!(
            y,
            "  clinician: {}",
            flow_list(&pick_some(&mut r, RESP_CLIN))
        );
        let _ = writeln!(y, "  patient: {}", flow_list(&pick_some(&mut r, RESP_PAT)));
        if r.chance(70) {
            let _ = writeln!(y, "  together: {}", flow_list(&pick_some(&mut r, RESP_TOG)));
        }
    }
    let visit = days(2026, 12, 2) + r.range(0, 21) as i64;
    let focus = if es { ES_FOCUS } else { r.pick(FOCUS) };
    let _ = writeln!(
        y,
        "next_visit: {{ date: {}, time: {}, focus: {} }}",
        date(visit),
        q(r.pick(TIMES)),
        q(focus)
    );
    y.push_str("success: ");
    let success = if es {
        ES_SUCCESS.to_string()
    } else {
        fill(r.pick(SUCCESS), &[("act", act.0), ("area", area)])
    };
    block(&mut y, 2, &[success]);
    if r.chance(4) {
        y.push_str("handout: { theme: large-print }\n");
    }

    // Story: written with the display name only.
    if stories_every > 0 && (i + 1).is_multiple_of(stories_every) {
        let f = p.first;
        let initial = p.last.chars().next().unwrap_or('X');
        let title = fill(r.pick(STORY_TITLES), &[("f", f), ("ing", act.1)]);
        y.push_str("story:\n");
        let _ = writeln!(y, "  title: {}", q(&upper_first(&title)));
        let _ = writeln!(y, "  display_name: {}", q(&format!("{f} {initial}.")));
        let _ = writeln!(y, "  tags: [{}]", c.tag);
        let _ = writeln!(y, "  quote: {}", q(r.pick(STORY_QUOTES)));
        let published = days(2026, 1, 2) + ((i as i64 * 7) % 320);
        let _ = writeln!(y, "  published_on: {}", date(published));
        y.push_str("  body: ");
        let paras = vec![
            format!(
                "{f} came to us with {}. {}",
                c.problem,
                fill(r.pick(STORY_IMPACT), &[("f", f)])
            ),
            format!(
                "{f} and {clin_first} agreed on a clear goal: {}. {f} did {} short exercises at home most days and checked in with {clin_first} every two weeks.",
                act.0,
                NUM_WORDS[total.min(NUM_WORDS.len() - 1)]
            ),
            format!(
                "Now {f} is back to {}. \"{}\" {f} says.",
                act.1,
                r.pick(STORY_QUOTES)
            ),
        ];
        block(&mut y, 4, &paras);
        y.push_str("  consent:\n    signed_on: 2026-01-01\n    scope: [website]\n    expires_on: 2030-01-01\n");
    }
    y
}

// ------------------------------------------------------------------ site

fn site_yaml() -> String {
    let (name, cred) = CLINICIANS[0];
    format!(
        "# Synthetic clinic generated by gen_clinic.\n\
title: Riverside Physical Therapy\n\
description: Physical therapy that gets you back to the things you love.\n\
base_url: https://www.example-pt.test\n\
language: en\n\
theme: default\n\
paper: letter\n\
clinic:\n\
\x20 name: Riverside Physical Therapy\n\
\x20 phone: \"(302) 555-0100\"\n\
\x20 address: 12 Main St, Newark, DE\n\
\x20 email: frontdesk@example-pt.test\n\
\x20 hours: \"Monday to Friday 7 AM to 7 PM\"\n\
\x20 clinician: {{ name: {name}, credentials: \"{cred}\" }}\n\
output: {{ public: public, handouts: handouts }}\n"
    )
}

fn pages() -> Vec<(&'static str, String)> {
    let staff: Vec<String> = CLINICIANS
        .iter()
        .map(|(n, c)| format!("- **{n}**, {c}"))
        .collect();
    vec![
        (
            "index.md",
            "---\ntitle: Welcome\ndescription: Physical therapy that starts with your goals.\n---\n\n\
You know what you want to get back to: a walk with the dog, a round of golf, a\n\
full day at work without pain. We help you get there. Together we set a goal in\n\
your own words, and we give you a short, clear plan to reach it.\n"
                .to_string(),
        ),
        (
            "about.md",
            format!(
                "---\ntitle: About us\ndescription: Who we are and how we work with you.\nmenu_order: 1\n---\n\n\
We are a small clinic with a simple idea: **you are the one who gets better**.\n\
Our job is to be a good guide.\n\n## Our team\n\n{}\n",
                staff.join("\n")
            ),
        ),
        (
            "services.md",
            "---\ntitle: What we treat\ndescription: Shoulders, knees, backs, ankles, necks, hips, wrists and balance.\nmenu_order: 2\n---\n\n\
- Shoulder pain and stiffness\n- Knee pain and care after surgery\n- Back and neck pain\n\
- Ankle sprains and heel pain\n- Hip pain\n- Wrist and hand pain\n- Balance and fall prevention\n"
                .to_string(),
        ),
        (
            "visit.md",
            "---\ntitle: Your first visit\ndescription: What to expect and what to bring.\nmenu_order: 3\n---\n\n\
Wear clothes you can move in. Bring a list of your medicines. Your first visit\n\
takes about an hour. We listen first, then we agree on a goal together.\n"
                .to_string(),
        ),
        (
            "privacy.md",
            "---\ntitle: Privacy\ndescription: How we protect your health information.\nmenu_order: 4\n---\n\n\
We share a story only when a patient signs a written consent. We never show a\n\
full name, a birth date or contact details. You can withdraw your consent at any time.\n"
                .to_string(),
        ),
    ]
}

// ------------------------------------------------------------------ main

fn prepare_out(out: &Path) -> std::io::Result<()> {
    if out.exists() {
        let ours = out.join(MARKER).is_file();
        let empty = std::fs::read_dir(out)?.next().is_none();
        if !ours && !empty {
            return Err(std::io::Error::other(format!(
                "{} is not empty and was not made by gen_clinic (no {MARKER} file): refusing to write into it",
                out.display()
            )));
        }
        let content = out.join("content");
        if content.exists() {
            std::fs::remove_dir_all(&content)?;
        }
    }
    for d in ["content/plans", "content/exercises/images", "content/pages"] {
        std::fs::create_dir_all(out.join(d))?;
    }
    Ok(())
}

/// What [`generate`] wrote.
pub struct Summary {
    /// Plans written.
    pub plans: usize,
    /// Plans with a story.
    pub stories: usize,
    /// Bytes of plan YAML.
    pub plan_bytes: usize,
}

impl Args {
    /// The arguments for `plans` plans in `out`, other settings at their defaults.
    pub fn new(plans: usize, out: PathBuf) -> Args {
        Args {
            plans,
            out,
            seed: 42,
            exercises: 200,
            stories_every: 10,
        }
    }
}

/// Write the clinic described by `args`.
pub fn generate(args: &Args) -> std::io::Result<Summary> {
    // The guard flags any surname on the public site: no surname may also be
    // a first name (stories show first names) or a clinician's name.
    for l in LAST.iter().chain(LAST_ES) {
        let clash = FIRST
            .iter()
            .chain(FIRST_ES)
            .any(|f| f.eq_ignore_ascii_case(l))
            || CLINICIANS
                .iter()
                .any(|(n, _)| n.split(' ').any(|w| w.eq_ignore_ascii_case(l)));
        assert!(!clash, "surname {l} clashes with a first name or clinician");
    }
    let out = &args.out;
    prepare_out(out)?;
    std::fs::write(
        out.join(MARKER),
        format!(
            // v2: pictures or videos on every exercise, a standard measure
            // on every plan, dates around 2026-12-01 (benches/bench.sh).
            "gen_clinic v2 --plans {} --seed {} --exercises {} --stories-every {}\n",
            args.plans, args.seed, args.exercises, args.stories_every
        ),
    )?;
    std::fs::write(out.join("site.yaml"), site_yaml())?;
    for (file, alt, body) in IMAGES {
        std::fs::write(
            out.join("content/exercises/images").join(file),
            svg(alt, body),
        )?;
    }
    let mut lib: Vec<Vec<String>> = vec![Vec::new(); CONDITIONS.len()];
    for i in 0..args.exercises {
        let (text, ex) = exercise_yaml(i, args.seed);
        std::fs::write(
            out.join("content/exercises")
                .join(format!("{}.yaml", ex.id)),
            text,
        )?;
        lib[ex.cond].push(ex.id);
    }
    for (file, text) in pages() {
        std::fs::write(out.join("content/pages").join(file), text)?;
    }
    let people = people(args.plans, args.seed);
    let plans_dir = out.join("content/plans");
    let mut bytes = 0usize;
    let mut stories = 0usize;
    for (i, p) in people.iter().enumerate() {
        let text = plan_yaml(i, p, &lib, args.stories_every, args.seed);
        bytes += text.len();
        stories += usize::from(text.contains("\nstory:\n"));
        std::fs::write(plans_dir.join(format!("{}.yaml", p.slug)), text)?;
    }
    Ok(Summary {
        plans: args.plans,
        stories,
        plan_bytes: bytes,
    })
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let s = generate(&args)?;
    eprintln!(
        "gen_clinic: {} plans ({} stories, {:.1} MB), {} exercises, 5 pages → {}",
        s.plans,
        s.stories,
        s.plan_bytes as f64 / 1e6,
        args.exercises,
        args.out.display()
    );
    Ok(())
}
