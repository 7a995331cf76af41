//! The privacy guard: every public file is scanned for identifiers drawn
//! from the plans (names and every identifying part of them, emails, phone
//! numbers, dates other than a year), or refused when it cannot be read.
//! Any hit fails the build.
//!
//! Public templates only ever receive de-identified data
//! ([`crate::stages::model::Story`]); the guard is what catches the rest: what a
//! person typed into a story or a page, what a template or a static file
//! carries, in whatever spelling, script, markup or file type.
//!
//! The pieces: [`extract`] reads a file of any type into text segments,
//! [`fold`] folds text so spellings agree, [`names`] says which words of a
//! record identify, [`dates`] finds dates; this module indexes every
//! plan's needles once ([`Guard::new`]) and scans files ([`Guard::scan`]).
//!
//! Allowances are narrow and of the kind of the identifier: an ordinary
//! word (a surname that is also a word) alone, a date, a phone number, a
//! reviewed file. Nothing lets a full name, a given name next to a family
//! name, or a title next to a family name through.

pub mod dates;
pub mod extract;
pub mod fold;
mod index;
pub mod names;
pub mod others;
mod scan;
pub mod told;
pub use index::{Index, plan_clinicians};
pub use scan::Reading;
pub use scan::ages_over_89;
pub mod verdict;

use crate::base::date::Date;
use crate::content::config::Site;
use ahash::{AHashMap as HashMap, AHashSet as HashSet};
use aho_corasick::AhoCorasick;
use dates::{Found, Months};
use names::Kind;

/// What kind of identifier was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum What {
    /// The whole name, or a given name next to a family name.
    FullName,
    /// A title next to a family name (Mr. Núñez).
    TitledName,
    /// A given name next to the family name, one of them spelt one letter
    /// wrong ("Walt Kaminsky" for Walter Kaminski).
    NearName,
    /// The name written in another alphabet ("Вальтер Камински",
    /// "كامينسكي" for Walter Kaminski), or in another Latin spelling of a
    /// name the plan writes in another alphabet ("Iwan Petrow" for Иван
    /// Петров), matched by its sound (see [`fold::latin`]).
    OtherAlphabet,
    /// A given name with the family name's initial ("Walt K."), other than
    /// a published story's display name.
    Initial,
    /// The patient's initials with their year of birth ("WK 1950", "1950
    /// W.K.", "WK, born 1950").
    InitialsYear,
    /// A family name (or a one-word name) alone.
    Surname,
    /// An email address, or its local part.
    Email,
    /// A phone number.
    Phone,
    /// One of the patient's dates.
    Date(DateKind),
    /// The age of a patient over 89, or the year of birth that gives it.
    Age,
}

/// Which of a patient's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateKind {
    /// Date of birth.
    Birth,
    /// A visit (or the day the goal was agreed, or consent signed).
    Visit,
    /// The goal's target date.
    Target,
}

impl What {
    /// Hits of one class are one identifier: a patient's name however it
    /// is written (full, with a title, the surname alone), their email,
    /// phone, or one kind of date.
    pub fn class(self) -> u8 {
        match self {
            What::FullName
            | What::TitledName
            | What::NearName
            | What::OtherAlphabet
            | What::Initial
            | What::InitialsYear
            | What::Surname => 0,
            What::Email => 1,
            What::Phone => 2,
            What::Date(DateKind::Birth) => 3,
            What::Date(DateKind::Visit) => 4,
            What::Date(DateKind::Target) => 5,
            What::Age => 6,
        }
    }

    /// Words for a diagnostic, never the identifier itself (CI logs are
    /// widely readable): at most its first Latin letter.
    pub fn describe(self, hint: &str) -> String {
        let first = hint
            .chars()
            .next()
            .filter(char::is_ascii_alphabetic)
            .map(|c| format!(" (\"{}…\")", c.to_ascii_uppercase()))
            .unwrap_or_default();
        match self {
            What::FullName => format!("the patient's full name{first}"),
            What::TitledName => format!("the patient's family name with a title{first}"),
            What::NearName => {
                format!("the patient's full name spelt otherwise{first}")
            }
            What::OtherAlphabet => {
                format!("the patient's name in another alphabet or spelling{first}")
            }
            What::Initial => {
                format!("the patient's given name with their family name's initial{first}")
            }
            What::InitialsYear => "the patient's initials with their year of birth".into(),
            What::Surname => format!("the patient's surname{first}"),
            What::Email => format!("the patient's email address{first}"),
            What::Phone => "the patient's phone number".into(),
            What::Date(DateKind::Birth) => "the patient's birth date".into(),
            What::Date(DateKind::Visit) => "one of the patient's visit dates".into(),
            What::Date(DateKind::Target) => "the patient's goal date".into(),
            What::Age => "the patient's age (over 89) or year of birth".into(),
        }
    }
}

/// One identifier found in one file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hit {
    /// Index of the plan (in the order given to [`Guard::new`]).
    pub plan: usize,
    /// What it is.
    pub what: What,
    /// The folded needle (for grouping; never printed).
    pub key: String,
    /// 1-based line in the file, 0 when unknown.
    pub line: u32,
}

/// A file's verdict.
#[derive(Debug, Default)]
pub struct Scan {
    /// Identifiers found, one per (plan, what, key), first line kept.
    pub hits: Vec<Hit>,
    /// Why the file (or part of it) could not be read.
    pub unreadable: Option<String>,
    /// A picture in it records where it was taken (GPS).
    pub located: bool,
    /// The line of a patient record in it, whoever the patient (see
    /// `scan::record`).
    pub record: Option<u32>,
}

const PUBLIC: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Role {
    plan: u32,
    kind: Kind,
}

/// What a name pattern's roles say, gathered once: a common given name
/// belongs to thousands of plans at 100,000 plans and is met on every story
/// page, so walking all its roles at each sight made the scan grow with
/// plans × pages.
#[derive(Debug, Default)]
struct Owners {
    /// One of the clinic's public names.
    public: bool,
    /// Someone's given name.
    given: bool,
    /// A patient's family name.
    family: bool,
    /// A name of someone in its own right (any role but a display name).
    named: bool,
    /// The roles that can report a leak by themselves (a plan's full name,
    /// family name or email part), in `roles` order.
    loud: Vec<Role>,
}

impl Owners {
    fn of(roles: &[Role]) -> Owners {
        Owners {
            public: roles.iter().any(|r| r.plan == PUBLIC),
            given: roles.iter().any(|r| r.kind == Kind::Given),
            family: roles
                .iter()
                .any(|r| r.kind == Kind::Family && r.plan != PUBLIC),
            named: roles.iter().any(|r| r.kind != Kind::Display),
            loud: roles
                .iter()
                .filter(|r| r.plan != PUBLIC && !matches!(r.kind, Kind::Given | Kind::Display))
                .copied()
                .collect(),
        }
    }
}

/// A published story: its publication day is exempt where it shows, and
/// its display name is public.
#[derive(Debug, Clone)]
pub struct PublishedStory {
    /// URL slug (`stories/<slug>/`).
    pub slug: String,
    /// The plan it comes from (none for a story record).
    pub plan: Option<std::path::PathBuf>,
    /// Publication day, if it has one.
    pub day: Option<Date>,
    /// The name the patient agreed to be shown by ("Walt K."): a given
    /// name with an initial is public in this form only.
    pub display_name: String,
}

/// What the guard is built from besides the plans.
pub struct Context<'a> {
    /// site.yaml (clinic details are public; `privacy` allowances).
    pub site: &'a Site,
    /// Published stories: their days are public where a template stamped
    /// them (see [`extract::Strength::Stamp`]), and, for the story's own
    /// patient only, in the files that show or link the story.
    pub published: Vec<PublishedStory>,
    /// Month-name tables of the theme's languages.
    pub months: Vec<Vec<String>>,
    /// The day of the build: a patient's age is taken on it.
    pub today: Date,
    /// The day heropath writes where a date is needed and none is given
    /// (the feed's `updated`, a story without `published_on`; see
    /// `build::stamp_day`): not the patient's, so public where a template
    /// stamped it, like a published story's day. `None` where nothing is
    /// stamped (typed text).
    pub stamp: Option<Date>,
}

/// Identifiers of every plan, indexed for one pass over each file.
pub struct Guard {
    /// What site.yaml makes public in every story (see [`told`]).
    public: told::Public,
    names: Option<AhoCorasick>,
    roles: Vec<Vec<Role>>,
    /// Per pattern, what [`Guard::scan_names`] asks of its roles.
    owners: Vec<Owners>,
    patterns: Vec<String>,
    allowed_words: HashSet<(u32, String)>,
    site_words: HashSet<String>,
    phones: HashMap<String, Vec<u32>>,
    phone_lens: Vec<usize>,
    dates: HashMap<Found, Vec<(u32, DateKind)>>,
    allowed_dates: HashSet<(u32, Found)>,
    site_dates: HashSet<Found>,
    /// Every published story's day, in its forms.
    published: HashSet<Found>,
    /// Story slug → (index of its plan among the guard's plans, day).
    story_days: HashMap<String, (u32, Date)>,
    months: Months,
    /// First letters of each plan's given names.
    initials: HashMap<u32, Vec<char>>,
    /// First letters of each plan's family names.
    family_initials: HashMap<u32, Vec<char>>,
    /// Given names with an initial that are public (folded): published
    /// stories' display names, clinicians ("Sam R.").
    public_initials: HashSet<String>,
    /// (plan, email local part) → its domains (folded).
    email_domains: HashMap<(u32, String), Vec<String>>,
    /// Deletion key → the given- and family-name patterns that have it
    /// (see [`names::near`]).
    near: HashMap<String, Vec<u32>>,
    /// Age → the plans whose patient is that old, for ages over 89 (see
    /// [`scan`]'s `ages`).
    ages: HashMap<u32, Vec<u32>>,
    /// Year of birth → the plans whose patient is over 89 and was born then.
    birth_years: HashMap<u32, Vec<u32>>,
    /// Plan → the ages its patient turns on the birthdays of the year
    /// before the build, its year and the next: a birthday's day and month
    /// with one of them ("turned 71 on July 2nd") is the birth date.
    birthday_ages: HashMap<u32, Vec<u32>>,
    /// First letters ([`names::near::stem`]) → the given-name patterns
    /// that start with them: to find a variant of a given name.
    stems: HashMap<String, Vec<u32>>,
    /// Sound keys of the given and family names (see [`fold::latin`]),
    /// built the first time a file has another alphabet.
    sounds: std::sync::OnceLock<scan::Sounds>,
    /// Sound keys of the words of the clinic's public names.
    public_sounds: HashSet<String>,
    /// The words (folded) of the clinic's public names: clinicians, the
    /// clinic's name and address ("Dr. Rivera" is no other patient's).
    public_words: HashSet<String>,
    /// Plans whose patient's name is written in another alphabet (see
    /// [`fold::latin`]).
    written_otherwise: HashSet<u32>,
}

/// Does `path` match a reviewed-file `pattern` (`*` within a folder, `**`
/// across folders, `?` one character)?
pub fn glob_match(pattern: &str, path: &str) -> bool {
    fn go(p: &[u8], s: &[u8]) -> bool {
        match p.first() {
            None => s.is_empty(),
            Some(b'*') if p.get(1) == Some(&b'*') => {
                let rest = p[2..].strip_prefix(b"/").unwrap_or(&p[2..]);
                (0..=s.len()).any(|i| go(rest, &s[i..]))
            }
            Some(b'*') => (0..=s.len())
                .take_while(|i| *i == 0 || s[i - 1] != b'/')
                .any(|i| go(&p[1..], &s[i..])),
            Some(b'?') => !s.is_empty() && s[0] != b'/' && go(&p[1..], &s[1..]),
            Some(c) => s.first() == Some(c) && go(&p[1..], &s[1..]),
        }
    }
    go(pattern.trim_start_matches('/').as_bytes(), path.as_bytes())
}

#[cfg(test)]
mod tests;
