//! The privacy guard: every public file is scanned for identifiers drawn
//! from the plans (names and every identifying part of them, emails, phone
//! numbers, dates other than a year), or refused when it cannot be read.
//! Any hit fails the build.
//!
//! Public templates only ever receive de-identified data
//! ([`crate::model::Story`]); the guard is what catches the rest: what a
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
pub mod names;
pub mod verdict;

use crate::config::Site;
use crate::date::Date;
use crate::load::Source;
use crate::plan::Plan;
use ahash::{AHashMap as HashMap, AHashSet as HashSet};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use dates::{Found, Months};
use fold::{Sep, Stream, fold};
use names::Kind;
use rayon::prelude::*;
use std::collections::BTreeSet;

/// What kind of identifier was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum What {
    /// The whole name, or a given name next to a family name.
    FullName,
    /// A title next to a family name (Mr. Núñez).
    TitledName,
    /// A family name (or a one-word name) alone.
    Surname,
    /// An email address, or its local part.
    Email,
    /// A phone number.
    Phone,
    /// One of the patient's dates.
    Date(DateKind),
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
            What::FullName | What::TitledName | What::Surname => 0,
            What::Email => 1,
            What::Phone => 2,
            What::Date(DateKind::Birth) => 3,
            What::Date(DateKind::Visit) => 4,
            What::Date(DateKind::Target) => 5,
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
            What::Surname => format!("the patient's surname{first}"),
            What::Email => format!("the patient's email address{first}"),
            What::Phone => "the patient's phone number".into(),
            What::Date(DateKind::Birth) => "the patient's birth date".into(),
            What::Date(DateKind::Visit) => "one of the patient's visit dates".into(),
            What::Date(DateKind::Target) => "the patient's goal date".into(),
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
}

const PUBLIC: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Role {
    plan: u32,
    kind: Kind,
}

/// What the guard is built from besides the plans.
pub struct Context<'a> {
    /// site.yaml (clinic details are public; `privacy` allowances).
    pub site: &'a Site,
    /// Published stories: (URL slug, publication date). A story's date is
    /// exempt in the files that show that story.
    pub stories: Vec<(String, Date)>,
    /// Month-name tables of the theme's languages.
    pub months: Vec<Vec<String>>,
}

/// Identifiers of every plan, indexed for one pass over each file.
pub struct Guard {
    names: Option<AhoCorasick>,
    roles: Vec<Vec<Role>>,
    patterns: Vec<String>,
    allowed_words: HashSet<(u32, String)>,
    site_words: HashSet<String>,
    phones: HashMap<String, Vec<u32>>,
    phone_lens: Vec<usize>,
    dates: HashMap<Found, Vec<(u32, DateKind)>>,
    allowed_dates: HashSet<(u32, Found)>,
    site_dates: HashSet<Found>,
    stories: HashMap<String, Date>,
    months: Months,
    /// First letters of each plan's given names.
    initials: HashMap<u32, Vec<char>>,
    /// (plan, email local part) → its domains (folded).
    email_domains: HashMap<(u32, String), Vec<String>>,
}

/// One plan's identifiers.
struct Needles {
    names: Vec<(String, Kind)>,
    email_domains: Vec<(String, String)>,
    phones: Vec<String>,
    dates: Vec<(Date, DateKind)>,
    words: Vec<String>,
    allowed_dates: Vec<Date>,
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
    Needles {
        names,
        email_domains,
        phones,
        dates,
        words: story
            .map(|s| s.public_words.iter().map(|w| fold(w)).collect())
            .unwrap_or_default(),
        allowed_dates: story.map(|s| s.public_dates.clone()).unwrap_or_default(),
    }
}

/// The digit strings that identify a phone field (which may hold several
/// numbers, an extension, words): each number's last 7, 9 and 10 digits
/// and the whole.
pub fn phone_needles(field: &str) -> Vec<String> {
    let mut out = Vec::new();
    for number in field.split([',', ';', '/', '|']) {
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

impl Guard {
    /// Index the identifiers of `plans`.
    pub fn new<'a>(plans: impl IntoIterator<Item = &'a Source<Plan>>, cx: &Context) -> Guard {
        let plans: Vec<&Source<Plan>> = plans.into_iter().collect();
        let per_plan: Vec<Needles> = plans.par_iter().map(|s| needles(&s.value)).collect();
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut g = Guard {
            names: None,
            roles: Vec::new(),
            patterns: Vec::new(),
            allowed_words: HashSet::new(),
            site_words: cx
                .site
                .public_words
                .iter()
                .chain(&cx.site.privacy.public_words)
                .map(|w| fold(w))
                .collect(),
            phones: HashMap::new(),
            phone_lens: Vec::new(),
            dates: HashMap::new(),
            allowed_dates: HashSet::new(),
            site_dates: cx
                .site
                .privacy
                .public_dates
                .iter()
                .flat_map(|d| forms_of(*d))
                .collect(),
            stories: cx.stories.iter().cloned().collect(),
            months: Months::new(cx.months.iter().map(Vec::as_slice)),
            initials: HashMap::new(),
            email_domains: HashMap::new(),
        };
        let mut add = |g: &mut Guard, s: String, role: Role| {
            let id = *ids.entry(s.clone()).or_insert_with(|| {
                g.patterns.push(s);
                g.roles.push(Vec::new());
                (g.patterns.len() - 1) as u32
            });
            g.roles[id as usize].push(role);
        };
        for public in public_names(cx.site, &plans) {
            add(
                &mut g,
                public,
                Role {
                    plan: PUBLIC,
                    kind: Kind::Full,
                },
            );
        }
        let public_phones: HashSet<String> = cx
            .site
            .clinic
            .phone
            .iter()
            .chain(&cx.site.privacy.public_phones)
            .flat_map(|p| phone_needles(p))
            .collect();
        for (i, n) in per_plan.into_iter().enumerate() {
            let plan = i as u32;
            for (s, kind) in n.names {
                if kind == Kind::Given
                    && let Some(c) = s.chars().next()
                {
                    let set = g.initials.entry(plan).or_default();
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
        g
    }

    /// Scan one file: `path` relative to the public folder (its name is
    /// scanned too).
    pub fn scan(&self, path: &str, bytes: &[u8]) -> Scan {
        let ex = extract::extract(path, bytes);
        let stream = Stream::build(&ex.segments);
        let exempt = self.exempt_dates(path, bytes);
        // One hit per plan and class: the strongest reading, the first line.
        let mut hits: HashMap<(usize, u8), Hit> = HashMap::new();
        let mut hit = |plan: u32, what: What, key: &str, line: u32| {
            let new = Hit {
                plan: plan as usize,
                what,
                key: key.to_string(),
                line,
            };
            hits.entry((new.plan, what.class()))
                .and_modify(|h| {
                    let first = if h.line == 0 || (line != 0 && line < h.line) {
                        line
                    } else {
                        h.line
                    };
                    if what < h.what {
                        *h = Hit {
                            line: first,
                            ..new.clone()
                        };
                    }
                    h.line = first;
                })
                .or_insert(new.clone());
        };
        let named = self.scan_names(&stream, &mut hit);
        self.scan_phones(&stream, &mut hit);
        self.scan_dates(&stream, &named, &exempt, &mut hit);
        let mut hits: Vec<Hit> = hits.into_values().collect();
        hits.sort();
        Scan {
            hits,
            unreadable: ex.unreadable,
        }
    }

    /// Name, family-name and email needles; returns the plans the text
    /// names at all (for dates written without a year).
    fn scan_names(&self, s: &Stream, hit: &mut impl FnMut(u32, What, &str, u32)) -> HashSet<u32> {
        let mut named = HashSet::new();
        let Some(ac) = &self.names else {
            return named;
        };
        // (pattern, first token, last token, from program text)
        let mut found: Vec<(usize, usize, usize, bool)> = Vec::new();
        for m in ac.find_overlapping_iter(s.text.as_str()) {
            let (Some(a), Some(b)) = (s.tok_starting_at(m.start()), s.tok_ending_at(m.end()))
            else {
                continue;
            };
            if s.toks[a + 1..=b].iter().any(|t| t.sep == Sep::Hard) {
                continue;
            }
            let code = s.toks[a..=b].iter().all(|t| t.code);
            found.push((m.pattern().as_usize(), a, b, code));
        }
        let public: Vec<(usize, usize)> = found
            .iter()
            .filter(|f| self.roles[f.0].iter().any(|r| r.plan == PUBLIC))
            .map(|f| (f.1, f.2))
            .collect();
        let inside_public = |a: usize, b: usize| public.iter().any(|(x, y)| *x <= a && b <= *y);
        let mut givens_ending: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut givens_starting: HashMap<usize, Vec<usize>> = HashMap::new();
        for &(p, a, b, _) in &found {
            if self.roles[p].iter().any(|r| r.kind == Kind::Given) {
                givens_ending.entry(b).or_default().push(p);
                givens_starting.entry(a).or_default().push(p);
            }
        }
        let has_given = |plan: u32, pats: Option<&Vec<usize>>| {
            pats.is_some_and(|ps| {
                ps.iter().any(|p| {
                    self.roles[*p]
                        .binary_search(&Role {
                            plan,
                            kind: Kind::Given,
                        })
                        .is_ok()
                })
            })
        };
        // (plan, what, key, first token, last token)
        let mut name_hits: Vec<(u32, What, &str, usize, usize)> = Vec::new();
        for &(p, a, b, code) in &found {
            let key = self.patterns[p].as_str();
            for r in &self.roles[p] {
                if r.plan == PUBLIC {
                    continue;
                }
                if inside_public(a, b) {
                    continue;
                }
                named.insert(r.plan);
                let what = match r.kind {
                    Kind::Full => What::FullName,
                    Kind::Email => What::Email,
                    Kind::EmailLocal if self.domain_follows(s, r.plan, key, b) => What::Email,
                    Kind::EmailLocal => continue,
                    Kind::Family => {
                        let initial_between = a >= 2 && s.tok(a - 1).chars().count() == 1;
                        let paired = (a >= 1 && has_given(r.plan, givens_ending.get(&(a - 1))))
                            || (initial_between && has_given(r.plan, givens_ending.get(&(a - 2))))
                            || has_given(r.plan, givens_starting.get(&(b + 1)))
                            || self.initial_of_given(s, r.plan, a, b);
                        if paired {
                            What::FullName
                        } else if self.titled(s, a, b) {
                            What::TitledName
                        } else if !code && self.alone_counts(r.plan, key) {
                            What::Surname
                        } else {
                            continue;
                        }
                    }
                    Kind::Given | Kind::Display => continue,
                };
                name_hits.push((r.plan, what, key, a, b));
            }
        }
        // One report per place: the widest, strongest reading of it ("Maria
        // Lopez" is a full name, not also a surname and an email's local part).
        for (i, h) in name_hits.iter().enumerate() {
            let covered = name_hits.iter().enumerate().any(|(j, o)| {
                j != i
                    && o.0 == h.0
                    && o.3 <= h.3
                    && h.4 <= o.4
                    && ((o.3, o.4) != (h.3, h.4) || o.1 < h.1 || (o.1 == h.1 && j < i))
            });
            if !covered {
                hit(h.0, h.1, h.2, s.toks[h.3].line);
            }
        }
        named
    }

    /// Is the local part `local` (ending at token `b`) followed by one of its
    /// domains, however written: `@mail.test`, " at mail dot test",
    /// "[at] mail.test"?
    fn domain_follows(&self, s: &Stream, plan: u32, local: &str, b: usize) -> bool {
        let Some(domains) = self.email_domains.get(&(plan, local.to_string())) else {
            return false;
        };
        // Right after the local part, or after a `+tag` of one token.
        [b + 1, b + 2].into_iter().any(|from| {
            let mut spelled = String::new();
            let mut ends = Vec::new();
            for (n, i) in (from..s.toks.len()).take(12).enumerate() {
                let w = s.tok(i);
                if s.toks[i].sep == Sep::Hard || (n > 0 && w == "at") {
                    break;
                }
                if !(n == 0 && w == "at") && w != "dot" {
                    spelled.push_str(w);
                }
                ends.push(spelled.len());
            }
            domains
                .iter()
                .any(|d| spelled.starts_with(d.as_str()) && ends.contains(&d.len()))
        })
    }

    /// Is the family name at tokens `a..=b` next to the initial of one of
    /// the plan's given names ("D. Walker", "Walker D.")?
    fn initial_of_given(&self, s: &Stream, plan: u32, a: usize, b: usize) -> bool {
        let initial = |i: usize| {
            let w = s.tok(i);
            (w.chars().count() == 1 && w.chars().all(char::is_alphabetic)).then_some(w)
        };
        // An initial is written with its full stop ("D. Walker"); "a walker"
        // is an article.
        let dotted = |i: usize| s.toks.get(i + 1).is_none_or(|t| t.sep == Sep::Dot);
        let before = a.checked_sub(1).filter(|i| dotted(*i)).and_then(initial);
        let after = (b + 1 < s.toks.len() && dotted(b + 1))
            .then(|| initial(b + 1))
            .flatten();
        [before, after].into_iter().flatten().any(|i| {
            self.initials
                .get(&plan)
                .is_some_and(|set| set.iter().any(|c| i.starts_with(*c)))
        })
    }

    /// Is the family name at tokens `a..=b` next to a title (Mr. Núñez,
    /// Tanaka-san, 王先生)?
    fn titled(&self, s: &Stream, a: usize, b: usize) -> bool {
        if a >= 1 && names::is_title_word(s.tok(a - 1)) {
            return true;
        }
        let end = s.toks[b].end as usize;
        names::AFTER_TITLES
            .iter()
            .any(|t| s.text[end..].starts_with(t) && s.tok_ending_at(end + t.len()).is_some())
    }

    /// Does a family name alone count here, or is it allowed as a word?
    fn alone_counts(&self, plan: u32, key: &str) -> bool {
        let n = key.chars().count();
        let single_ideograph = n == 1;
        !(single_ideograph
            || n < 2
            || self.site_words.contains(key)
            || self.allowed_words.contains(&(plan, key.to_string())))
    }

    /// Phone numbers: runs of digit tokens joined by phone separators,
    /// compared on their digits whatever separates them.
    fn scan_phones(&self, s: &Stream, hit: &mut impl FnMut(u32, What, &str, u32)) {
        if self.phones.is_empty() {
            return;
        }
        let mut i = 0;
        while i < s.toks.len() {
            if !s.toks[i].digits {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < s.toks.len() && s.toks[j].digits && s.toks[j].phone_sep {
                j += 1;
            }
            let digits: usize = s.toks[i..j]
                .iter()
                .map(|t| (t.end - t.start) as usize)
                .sum();
            if digits >= 7 {
                let base = s.toks[i].start as usize;
                let run = &s.text[base..s.toks[j - 1].end as usize];
                let ends: HashSet<usize> =
                    s.toks[i..j].iter().map(|t| t.end as usize - base).collect();
                // Every token start, and the run's own tail: a country code
                // may be glued on ("+13025550142").
                let starts = s.toks[i..j]
                    .iter()
                    .map(|t| (t.start as usize - base, t.line))
                    .chain(self.phone_lens.iter().filter_map(|len| {
                        run.len()
                            .checked_sub(*len)
                            .map(|from| (from, s.toks[j - 1].line))
                    }));
                for (from, line) in starts {
                    for len in &self.phone_lens {
                        let to = from + len;
                        if to <= run.len()
                            && ends.contains(&to)
                            && let Some(plans) = self.phones.get(&run[from..to])
                        {
                            for p in plans {
                                hit(*p, What::Phone, &run[from..to], line);
                            }
                        }
                    }
                }
            }
            i = j;
        }
    }

    fn scan_dates(
        &self,
        s: &Stream,
        named: &HashSet<u32>,
        exempt: &HashSet<Found>,
        hit: &mut impl FnMut(u32, What, &str, u32),
    ) {
        if self.dates.is_empty() {
            return;
        }
        for (found, tok) in dates::find(s, &self.months) {
            let candidates: Vec<Found> = match found {
                Found::MonthDay(m, d) => vec![found, Found::MonthDay(d, m)],
                _ => vec![found],
            };
            for f in candidates {
                if exempt.contains(&f) || self.site_dates.contains(&f) {
                    continue;
                }
                let Some(owners) = self.dates.get(&f) else {
                    continue;
                };
                let partial = !matches!(f, Found::Full(_));
                for (plan, kind) in owners {
                    if (partial && !named.contains(plan))
                        || self.allowed_dates.contains(&(*plan, f))
                    {
                        continue;
                    }
                    hit(
                        *plan,
                        What::Date(*kind),
                        &format!("{f:?}"),
                        s.toks[tok].line,
                    );
                }
            }
        }
    }

    /// Publication dates of the stories this file shows: the story's own
    /// page, or a page that links to it.
    fn exempt_dates(&self, path: &str, bytes: &[u8]) -> HashSet<Found> {
        let mut out = HashSet::new();
        if self.stories.is_empty() {
            return out;
        }
        let mut add = |slug: &[u8]| {
            if let Some(d) = std::str::from_utf8(slug)
                .ok()
                .and_then(|s| self.stories.get(s))
            {
                out.extend(forms_of(*d));
            }
        };
        if let Some(rest) = path.strip_prefix("stories/") {
            add(rest.split('/').next().unwrap_or("").as_bytes());
        }
        let needle = b"stories/";
        for i in memchr::memmem::find_iter(bytes, needle) {
            let start = i + needle.len();
            let len = bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'_')
                .count();
            add(&bytes[start..start + len]);
        }
        out
    }
}

/// A date and the partial forms it identifies by.
fn forms_of(d: Date) -> [Found; 3] {
    [
        Found::Full(d),
        Found::MonthDay(d.month(), d.day()),
        Found::MonthYear(d.year(), d.month()),
    ]
}

/// The clinic's own public names (folded): clinicians of the site and of
/// every plan, the clinic's name and address. A patient's name inside one
/// of these is the clinic's, not a leak.
fn public_names(site: &Site, plans: &[&Source<Plan>]) -> BTreeSet<String> {
    let clinicians = site
        .clinic
        .clinician
        .iter()
        .chain(plans.iter().filter_map(|p| p.value.clinician.as_ref()))
        .map(|c| c.name.as_str());
    let mut out = BTreeSet::new();
    let clinicians: Vec<&str> = clinicians.collect();
    for c in &clinicians {
        // "Dr. Rivera", "Rivera, Sam": the clinician, however written.
        let words: Vec<&str> = c.split_whitespace().collect();
        if let [first, .., last] = words[..] {
            for title in ["dr", "doctor", "mr", "mrs", "ms", "mx"] {
                out.insert(fold(&format!("{title} {last}")));
            }
            out.insert(fold(&format!("{last} {first}")));
        }
    }
    for s in clinicians
        .into_iter()
        .chain(site.clinic.name.as_deref())
        .chain(site.clinic.address.as_deref())
        .chain(site.clinic.email.as_deref())
        .chain(std::iter::once(site.title.as_str()))
    {
        let st = Stream::of(s);
        if st.toks.len() >= 2 {
            out.insert(st.text);
        }
    }
    out
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
