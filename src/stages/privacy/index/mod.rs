//! Indexing: every plan's identifiers, gathered once per build into one
//! Aho-Corasick automaton (names) and hash maps (phones, dates), with the
//! allowances and the clinic's public details. Not here: reading files
//! ([`super::scan`]).

use super::dates::{Found, Months};
use super::fold::latin::{has_alphabet_script, sound_key};
use super::fold::{Sep, Stream, fold, fold_latin};
use super::names::{self, Kind};
use super::scan::{ages_over_89, birthday_ages};
use super::{Context, DateKind, Guard, Owners, PUBLIC, Role};
pub use public::plan_clinicians;
use public::{name_key, public_names};

mod public;
use crate::base::date::Date;
use crate::content::config::Site;
use crate::content::plan::Plan;
use crate::stages::load::Source;
use ahash::{AHashMap as HashMap, AHashSet as HashSet};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// One plan's identifiers.
struct Needles {
    names: Vec<(String, Kind)>,
    email_domains: Vec<(String, String)>,
    phones: Vec<String>,
    dates: Vec<(Date, DateKind)>,
    words: Vec<String>,
    allowed_dates: Vec<Date>,
    /// Date of birth (ages over 89 are identifiers).
    birth: Option<Date>,
    /// The patient's name as [`name_words`] gives it, joined.
    name_key: String,
    /// The name is written in another alphabet (see [`super::fold::latin`]).
    written_otherwise: bool,
}

fn needles(plan: &Plan) -> Needles {
    let story = plan.story.as_ref();
    let (names, email_domains) =
        names::of_patient(&plan.patient, story.map(|s| s.display_name.as_str()));
    let phones = plan
        .patient
        .phone
        .as_deref()
        .map(phone_needles)
        .unwrap_or_default();
    let mut dates = Vec::new();
    let mut add = |d: Option<Date>, k: DateKind| dates.extend(d.map(|d| (d, k)));
    add(plan.patient.birth_date, DateKind::Birth);
    add(plan.goal.agreed_on, DateKind::Visit);
    add(plan.goal.target_date, DateKind::Target);
    add(
        plan.next_visit.as_ref().and_then(|v| v.date),
        DateKind::Visit,
    );
    if let Some(c) = story.and_then(|s| s.consent.as_ref()) {
        add(c.signed_on, DateKind::Visit);
    }
    // Every visit's day is an identifier too (a template or theme that
    // printed one would leak it).
    for v in &plan.visits {
        add(Some(v.date), DateKind::Visit);
    }
    Needles {
        names,
        email_domains,
        phones,
        dates,
        words: story
            .map(|s| s.public_words.iter().flat_map(|w| word_forms(w)).collect())
            .unwrap_or_default(),
        allowed_dates: story.map(|s| s.public_dates.clone()).unwrap_or_default(),
        birth: plan.patient.birth_date,
        name_key: name_key(plan),
        // Kana are read the same in both readings (hiragana and katakana
        // alike), so a name in kana is compared in the second one too.
        written_otherwise: has_alphabet_script(&plan.patient.name)
            && !plan.patient.name.chars().any(super::fold::kana::is_kana),
    }
}

/// An allowed word as the guard compares it: folded, and in Latin letters
/// when it is written in another alphabet ("Наган" is allowed however the
/// page is read).
fn word_forms(w: &str) -> Vec<String> {
    let mut out = vec![fold(w)];
    out.extend(fold_latin(w));
    out
}

/// The digit strings that identify a phone field (which may hold several
/// numbers, an extension, words): each number's last 7, 9 and 10 digits
/// and the whole.
pub fn phone_needles(field: &str) -> Vec<String> {
    let mut out = Vec::new();
    for number in crate::content::plan::phone_parts(field) {
        phone_needles_of_one(number, &mut out);
    }
    out.sort();
    out.dedup();
    out
}

fn phone_needles_of_one(field: &str, out: &mut Vec<String>) {
    let folded = Stream::of(field);
    let mut run = String::new();
    let mut flush = |run: &mut String| {
        let n = run.len();
        if n >= 7 {
            for len in [7, 9, 10, n] {
                if len <= n {
                    out.push(run[n - len..].to_string());
                }
            }
        }
        run.clear();
    };
    for (i, t) in folded.toks.iter().enumerate() {
        let joins = t.phone_sep && t.sep != Sep::Hard;
        if !t.digits || !joins {
            flush(&mut run);
        }
        if t.digits {
            run.push_str(folded.tok(i));
        }
    }
    flush(&mut run);
}

/// A guard's index of the plans' identifiers, made before the stories the
/// site publishes and its theme's month names are known (see
/// [`Index::finish`]): a build without a cache makes it while the plans
/// are checked.
pub struct Index {
    guard: Guard,
    /// Each plan's path → its number in the index.
    numbers: HashMap<std::path::PathBuf, u32>,
}

impl Guard {
    pub fn new<'a>(plans: impl IntoIterator<Item = &'a Source<Plan>>, cx: &Context) -> Guard {
        Guard::index(plans, cx.site, cx.today).finish(cx)
    }

    /// The index of `plans`' identifiers for a guard over `site` on `today`.
    pub fn index<'a>(
        plans: impl IntoIterator<Item = &'a Source<Plan>>,
        site: &Site,
        today: Date,
    ) -> Index {
        Guard::among(plans, None, site, today)
    }

    /// A guard for the identifiers of some of the clinic's plans (`plans`)
    /// that lets through what the guard over `all` of them lets through:
    /// the clinic's public names come from every plan's clinician (see
    /// `public_names`), so a rescan for the plans that changed since the
    /// last build allows neither more nor less than a build from scratch.
    pub fn of_some<'a>(
        plans: impl IntoIterator<Item = &'a Source<Plan>>,
        all: &'a [Source<Plan>],
        cx: &Context,
    ) -> Guard {
        Guard::among(plans, Some(all), cx.site, cx.today).finish(cx)
    }

    fn among<'a>(
        plans: impl IntoIterator<Item = &'a Source<Plan>>,
        all: Option<&'a [Source<Plan>]>,
        site: &Site,
        today: Date,
    ) -> Index {
        let plans: Vec<&Source<Plan>> = plans.into_iter().collect();
        let per_plan: Vec<Needles> = plans
            .par_iter()
            .with_max_len(crate::base::parallel::PLANS_PER_TASK)
            .map(|s| needles(&s.value))
            .collect();
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut g = Guard {
            names: None,
            roles: Vec::new(),
            owners: Vec::new(),
            patterns: Vec::new(),
            public: super::told::Public::of(site),
            allowed_words: HashSet::new(),
            site_words: site
                .public_words
                .iter()
                .chain(&site.privacy.public_words)
                .flat_map(|w| word_forms(w))
                .collect(),
            phones: HashMap::new(),
            phone_lens: Vec::new(),
            dates: HashMap::new(),
            allowed_dates: HashSet::new(),
            site_dates: site
                .privacy
                .public_dates
                .iter()
                .flat_map(|d| forms_of(*d))
                .collect(),
            // Known when the guard is finished.
            published: HashSet::new(),
            story_days: HashMap::new(),
            months: Months::new(std::iter::empty()),
            initials: HashMap::new(),
            family_initials: HashMap::new(),
            public_initials: HashSet::new(),
            email_domains: HashMap::new(),
            near: HashMap::new(),
            stems: HashMap::new(),
            ages: HashMap::new(),
            birth_years: HashMap::new(),
            birthday_ages: HashMap::new(),
            sounds: std::sync::OnceLock::new(),
            public_sounds: HashSet::new(),
            public_words: HashSet::new(),
            written_otherwise: HashSet::new(),
        };
        let mut add = |g: &mut Guard, s: String, role: Role| {
            let id = *ids.entry(s.clone()).or_insert_with(|| {
                g.patterns.push(s);
                g.roles.push(Vec::new());
                (g.patterns.len() - 1) as u32
            });
            g.roles[id as usize].push(role);
        };
        let public = match all {
            None => {
                let patients = per_plan.iter().map(|n| n.name_key.as_str()).collect();
                public_names(site, &plans, &patients)
            }
            Some(all) => {
                let keys: Vec<String> = all.iter().map(|s| name_key(&s.value)).collect();
                let all: Vec<&Source<Plan>> = all.iter().collect();
                public_names(site, &all, &keys.iter().map(String::as_str).collect())
            }
        };
        g.public_initials = public.initials.into_iter().collect();
        g.public_sounds = public.words.iter().map(|w| sound_key(w)).collect();
        g.public_words = public.words.iter().cloned().collect();
        for name in public.names {
            add(
                &mut g,
                name,
                Role {
                    plan: PUBLIC,
                    kind: Kind::Full,
                },
            );
        }
        // The clinic's numbers, worked out once for the guard (see
        // `told::Public`): no patient's number is matched where it is one.
        let public_phones: HashSet<String> = g.public.phones().iter().cloned().collect();
        for (i, n) in per_plan.into_iter().enumerate() {
            let plan = i as u32;
            if n.written_otherwise {
                g.written_otherwise.insert(plan);
            }
            for (s, kind) in n.names {
                let initials = match kind {
                    Kind::Given => Some(&mut g.initials),
                    Kind::Family => Some(&mut g.family_initials),
                    _ => None,
                };
                if let (Some(initials), Some(c)) = (initials, s.chars().next()) {
                    let set = initials.entry(plan).or_default();
                    if !set.contains(&c) {
                        set.push(c);
                    }
                }
                add(&mut g, s, Role { plan, kind });
            }
            for p in n.phones.into_iter().filter(|p| !public_phones.contains(p)) {
                g.phones.entry(p).or_default().push(plan);
            }
            for (d, k) in n.dates {
                for f in forms_of(d) {
                    g.dates.entry(f).or_default().push((plan, k));
                }
            }
            if let Some(birth) = n.birth {
                let ages = ages_over_89(birth, today);
                for age in &ages {
                    g.ages.entry(*age).or_default().push(plan);
                }
                if !ages.is_empty() {
                    let year = u32::try_from(birth.year()).unwrap_or(0);
                    g.birth_years.entry(year).or_default().push(plan);
                }
                g.birthday_ages.insert(plan, birthday_ages(birth, today));
            }
            for (local, domain) in n.email_domains {
                g.email_domains
                    .entry((plan, local))
                    .or_default()
                    .push(domain);
            }
            g.allowed_words
                .extend(n.words.into_iter().map(|w| (plan, w)));
            g.allowed_dates.extend(
                n.allowed_dates
                    .into_iter()
                    .flat_map(forms_of)
                    .map(|f| (plan, f)),
            );
        }
        for r in &mut g.roles {
            r.sort();
            r.dedup();
        }
        g.owners = g.roles.iter().map(|r| Owners::of(r)).collect();
        g.near = near_names(&g.patterns, &g.roles);
        g.stems = given_stems(&g.patterns, &g.roles);
        g.phone_lens = g
            .phones
            .keys()
            .map(String::len)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if !g.patterns.is_empty() {
            g.names = AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .match_kind(MatchKind::Standard)
                .build(&g.patterns)
                .ok();
        }
        let numbers = plans
            .iter()
            .enumerate()
            .map(|(i, p)| (p.path.clone(), i as u32))
            .collect();
        Index { guard: g, numbers }
    }
}

impl Index {
    /// The guard, once the stories the site publishes and the month names
    /// of its theme's languages are known (`cx`, whose site and day are
    /// the ones the index was made for).
    pub fn finish(self, cx: &Context) -> Guard {
        let Index { mut guard, numbers } = self;
        guard.published = cx
            .published
            .iter()
            .filter_map(|s| s.day)
            .chain(cx.stamp)
            .flat_map(forms_of)
            .collect();
        guard.months = Months::new(cx.months.iter().map(Vec::as_slice));
        guard
            .public_initials
            .extend(cx.published.iter().map(|s| fold(&s.display_name)));
        for s in &cx.published {
            let plan = s.plan.as_deref().and_then(|p| numbers.get(p));
            if let (Some(i), Some(day)) = (plan, s.day) {
                guard.story_days.insert(s.slug.clone(), (*i, day));
            }
        }
        guard
    }
}

/// Deletion key → the patterns that are a patient's family name of
/// [`names::near::NEAR_MIN`] characters or more, or given name of
/// [`names::near::PAIR_MIN`] or more (see [`names::near`]).
fn near_names(patterns: &[String], roles: &[Vec<Role>]) -> HashMap<String, Vec<u32>> {
    let mut out: HashMap<String, Vec<u32>> = HashMap::new();
    for (id, (p, r)) in patterns.iter().zip(roles).enumerate() {
        let min = |r: &Role| match r.kind {
            Kind::Family if r.plan != PUBLIC => names::near::NEAR_MIN,
            Kind::Given if r.plan != PUBLIC => names::near::PAIR_MIN,
            _ => usize::MAX,
        };
        if r.iter()
            .map(min)
            .min()
            .is_some_and(|m| p.chars().count() >= m)
        {
            for key in names::near::deletion_keys(p) {
                out.entry(key).or_default().push(id as u32);
            }
        }
    }
    out
}

/// Stem → the patterns that are a patient's given name (see
/// [`names::near::variant_of`]).
fn given_stems(patterns: &[String], roles: &[Vec<Role>]) -> HashMap<String, Vec<u32>> {
    let mut out: HashMap<String, Vec<u32>> = HashMap::new();
    for (id, (p, r)) in patterns.iter().zip(roles).enumerate() {
        if r.iter().any(|r| r.kind == Kind::Given && r.plan != PUBLIC)
            && let Some(stem) = names::near::stem(p)
        {
            out.entry(stem.to_string()).or_default().push(id as u32);
        }
    }
    out
}

/// A date and the partial forms it identifies by.
pub(super) fn forms_of(d: Date) -> [Found; 3] {
    [
        Found::Full(d),
        Found::MonthDay(d.month(), d.day()),
        Found::MonthYear(d.year(), d.month()),
    ]
}
