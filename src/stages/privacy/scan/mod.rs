//! Scanning: one public file's text, folded, against the index — names
//! (with the pairing of given and family names, titles and initials),
//! emails, phones and dates. Not here: building the index
//! ([`super::index`]).

use super::dates::{self, Found};
use super::fold::{Sep, Stream};
use super::index::forms_of;
use super::names::{self, Kind};
use super::{DateKind, Guard, Hit, Role, Scan, What, extract};
use ahash::{AHashMap as HashMap, AHashSet as HashSet};
use std::sync::Arc;

mod ages;
mod alphabets;
mod hangul;
mod initial;
mod joined;
mod near;
mod phones;
mod plan;
mod record;

pub(super) use ages::{Forms, age_words, number};
pub use ages::{ages_over_89, birthday_ages};
pub use alphabets::Sounds;
pub use plan::PlanHit;

/// One public file's text as the guard reads it: extracted from its markup
/// or format and folded. Making it needs no index, so it can be made
/// while the index is still being built.
pub struct Reading {
    stream: Stream,
    /// The text again, other alphabets in Latin letters, if it has any.
    latin: Option<Stream>,
    /// And a third time with a `1` written for a letter as `l`, not `i`.
    ones: Option<Stream>,
    unreadable: Option<String>,
    located: bool,
    record: Option<u32>,
    /// The [`extract::Styles::fingerprint`] it was read with.
    styles: u64,
}

impl Reading {
    /// Read one file: `path` relative to the public folder (its name is
    /// read too).
    pub fn of(path: &str, bytes: &[u8]) -> Reading {
        Reading::styled(path, bytes, &Default::default())
    }

    /// [`Reading::of`] a file of a site whose stylesheets are `styles`.
    pub fn styled(path: &str, bytes: &[u8], styles: &Arc<extract::Styles>) -> Reading {
        let mut ex = extract::extract_styled(path, bytes, styles);
        // Dates in Chinese numerals or a Japanese era, read again in digits.
        let views = dates::digit_views(&ex.segments);
        ex.segments.extend(views);
        Reading {
            stream: Stream::build(&ex.segments),
            latin: Stream::latin(&ex.segments, b'i'),
            ones: Stream::latin(&ex.segments, b'l'),
            unreadable: ex.unreadable,
            located: ex.located,
            record: record::record_line(&ex.segments),
            styles: styles.fingerprint(),
        }
    }

    /// Was it read with these stylesheets?
    pub fn read_with(&self, styles: &extract::Styles) -> bool {
        self.styles == styles.fingerprint()
    }
}

/// Do tokens `a..=b` lie inside one of the `spans` (the clinic's public
/// names found in the text)?
fn inside(spans: &[(usize, usize)], a: usize, b: usize) -> bool {
    spans.iter().any(|(x, y)| *x <= a && b <= *y)
}

/// Capitalised words that join the words of a title-case heading ("Why
/// Grace Loves Hill Walks", "Tips From Will For Young Athletes"): never
/// read as a middle name.
const HEADING_WORDS: [&str; 30] = [
    "a", "an", "and", "are", "as", "at", "by", "for", "from", "gets", "got", "had", "has", "her",
    "his", "in", "is", "loves", "meets", "my", "of", "on", "or", "our", "says", "the", "their",
    "to", "was", "with",
];

/// Is token `i` a middle name between a given and a family name: a word
/// written with a capital, between two spaces, not a heading's joining
/// word?
fn middle_name(s: &Stream, i: usize) -> bool {
    let t = &s.toks[i];
    let spaced = t.sep == Sep::Space && s.toks.get(i + 1).is_some_and(|n| n.sep == Sep::Space);
    let w = s.tok(i);
    spaced
        && t.upper
        && !t.code
        && w.chars().all(char::is_alphabetic)
        && !HEADING_WORDS.contains(&w)
}

impl Guard {
    /// Scan one file: `path` relative to the public folder (its name is
    /// scanned too).
    pub fn scan(&self, path: &str, bytes: &[u8]) -> Scan {
        self.scan_reading(path, bytes, &Reading::of(path, bytes))
    }

    /// [`Guard::scan`] of a file already read (see [`Reading`]).
    pub fn scan_reading(&self, path: &str, bytes: &[u8], read: &Reading) -> Scan {
        let stream = &read.stream;
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
        let mut named = self.scan_names(stream, &mut hit);
        self.scan_written_otherwise(stream, &mut hit);
        for latin in [&read.latin, &read.ones].into_iter().flatten() {
            named.extend(self.scan_alphabets(latin, &mut hit));
        }
        self.scan_phones(stream, &mut hit);
        let own = self.own_story_days(path, bytes);
        self.scan_dates(stream, &named, &own, &mut hit);
        self.scan_ages(stream, &named, &mut hit);
        let mut hits: Vec<Hit> = hits.into_values().collect();
        hits.sort();
        Scan {
            hits,
            unreadable: read.unreadable.clone(),
            located: read.located,
            record: read.record,
        }
    }

    /// Name, family-name and email needles; returns the patterns found
    /// outside the clinic's public names: the plans they belong to are the
    /// ones the text names (for dates written without a year).
    fn scan_names(&self, s: &Stream, hit: &mut impl FnMut(u32, What, &str, u32)) -> Vec<usize> {
        let mut named = Vec::new();
        let Some(ac) = &self.names else {
            return named;
        };
        // (pattern, first token, last token, from program text)
        let mut found: Vec<(usize, usize, usize, bool)> = Vec::new();
        // Given- and family-name matches with one end inside a word (see
        // `joined_names`).
        let mut halves: Vec<(usize, usize, usize)> = Vec::new();
        // Family-name matches inside a longer word (see `run_in_names`).
        let mut runs: Vec<(usize, usize, usize)> = Vec::new();
        for m in ac.find_overlapping_iter(s.text.as_str()) {
            let (a, b) = (s.tok_starting_at(m.start()), s.tok_ending_at(m.end()));
            let (Some(a), Some(b)) = (a, b) else {
                let p = m.pattern().as_usize();
                let half_name = self.owners[p].given || self.owners[p].family;
                if a.is_some() != b.is_some() && half_name {
                    halves.push((p, m.start(), m.end()));
                }
                // Latin letters only: a name in a script written without
                // spaces is matched inside its text already.
                let latin = self.patterns[p].is_ascii();
                if self.owners[p].family && m.len() >= joined::RUN_IN_MIN && latin {
                    runs.push((p, m.start(), m.end()));
                }
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
            .filter(|f| self.owners[f.0].public)
            .map(|f| (f.1, f.2))
            .collect();
        let inside_public = |a: usize, b: usize| inside(&public, a, b);
        let mut givens_ending: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut givens_starting: HashMap<usize, Vec<usize>> = HashMap::new();
        for &(p, a, b, _) in &found {
            if self.owners[p].given {
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
            if inside_public(a, b) {
                continue;
            }
            named.push(p);
            for r in &self.owners[p].loud {
                let what = match r.kind {
                    Kind::Full => What::FullName,
                    Kind::Email => What::Email,
                    Kind::EmailLocal if self.domain_follows(s, r.plan, key, b) => What::Email,
                    Kind::EmailLocal => continue,
                    Kind::Family => {
                        // "Dorothy A. Walker", "Dorothy Ann Walker".
                        let between =
                            a >= 2 && (s.tok(a - 1).chars().count() == 1 || middle_name(s, a - 1));
                        let paired = (a >= 1 && has_given(r.plan, givens_ending.get(&(a - 1))))
                            || (between && has_given(r.plan, givens_ending.get(&(a - 2))))
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
                    // Not among the loud roles (see `Owners`).
                    Kind::Given | Kind::Display => continue,
                };
                name_hits.push((r.plan, what, key, a, b));
            }
        }
        self.near_names(s, &found, &public, &mut name_hits);
        self.near_pairs(s, &found, &public, &mut name_hits);
        self.titled_near_names(s, &found, &public, &mut name_hits);
        self.given_initials(s, &found, &public, &mut name_hits);
        self.initials_with_year(s, &found, &mut name_hits);
        named.extend(self.joined_names(s, &halves, &mut name_hits));
        named.extend(self.run_in_names(s, &runs, &public, &mut name_hits));
        self.near_alone(s, &found, &public, &named, &mut name_hits);
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
                let at = matches!(w, "at" | "arroba");
                if s.toks[i].sep == Sep::Hard || (n > 0 && at) {
                    break;
                }
                let spelled_dot = matches!(w, "dot" | "punto" | "ponto");
                let leading_at = n == 0 && at;
                if !(leading_at || spelled_dot) {
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

    /// Does one of the name patterns found (`named`) belong to `plan`?
    fn names_plan(&self, named: &[usize], plan: u32) -> bool {
        named.iter().any(|p| {
            self.roles[*p]
                .binary_search_by(|r| r.plan.cmp(&plan))
                .is_ok()
        })
    }

    fn scan_dates(
        &self,
        s: &Stream,
        named: &[usize],
        own: &HashSet<(u32, Found)>,
        hit: &mut impl FnMut(u32, What, &str, u32),
    ) {
        if self.dates.is_empty() {
            return;
        }
        for (found, tok) in dates::find_except(s, &self.months, |i| self.display_name_at(s, i)) {
            // A date code is its full date, weighed as a partial one is.
            let (candidates, coded): (Vec<Found>, bool) = match found {
                Found::MonthDay(m, d) => (vec![found, Found::MonthDay(d, m)], false),
                Found::Code(d) => (vec![Found::Full(d)], true),
                _ => (vec![found], false),
            };
            for f in candidates {
                // A published story's day, where the template stamped it.
                let stamped = s.toks[tok].stamp && self.published.contains(&f);
                if stamped || self.site_dates.contains(&f) {
                    continue;
                }
                let Some(owners) = self.dates.get(&f) else {
                    continue;
                };
                let partial = coded || !matches!(f, Found::Full(_));
                for (plan, kind) in owners {
                    // A birthday with the age turned on it is the birth
                    // date on any page ("turned 71 on July 2nd").
                    let aged = || {
                        matches!(f, Found::MonthDay(..))
                            && *kind == DateKind::Birth
                            && self.birthday_aged(s, tok, *plan)
                    };
                    if (partial && !self.names_plan(named, *plan) && !aged())
                        || self.allowed_dates.contains(&(*plan, f))
                        || own.contains(&(*plan, f))
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

    /// A story's day, for its own patient only, in the files that show the
    /// story (its page) or link to it: there it is the story's publication
    /// day. Never for another patient whose date falls on the same day.
    fn own_story_days(&self, path: &str, bytes: &[u8]) -> HashSet<(u32, Found)> {
        let mut out = HashSet::new();
        if self.story_days.is_empty() {
            return out;
        }
        let mut add = |slug: &[u8]| {
            if let Some((plan, day)) = std::str::from_utf8(slug)
                .ok()
                .and_then(|s| self.story_days.get(s))
            {
                out.extend(forms_of(*day).into_iter().map(|f| (*plan, f)));
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
