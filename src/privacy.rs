//! The privacy guard: after rendering, every public file is scanned for
//! identifiers drawn from the plans (full names, surnames, emails, phone
//! numbers, birth and visit dates). Any hit fails the build.
//!
//! This is defence in depth: public templates only ever receive
//! [`crate::model::Story`], which has none of these fields. The guard catches
//! what a person typed into a story body or a page by mistake.

use crate::date::Date;
use crate::load::Source;
use crate::plan::Plan;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

/// One identifier found in one public file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Leak {
    /// The public file (relative to the public folder).
    pub file: String,
    /// The plan the identifier belongs to.
    pub plan: PathBuf,
    /// What was found, described without repeating it in full.
    pub what: String,
}

struct NameNeedle {
    plan: usize,
    words: Vec<String>,
    surname_allowed: bool,
}

/// Identifiers of every plan, indexed for a single pass over each file.
pub struct Guard {
    plan_paths: Vec<PathBuf>,
    by_last_word: HashMap<String, Vec<NameNeedle>>,
    emails: HashMap<String, Vec<usize>>,
    phones: HashMap<String, Vec<usize>>,
    dates: HashMap<Date, Vec<(usize, &'static str)>>,
}

/// The words of already lower-cased text, borrowed (a public page has
/// thousands; allocating each showed up in profiles).
fn tokens(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The lower-cased words of `s` (lower-cased first, then split, exactly as
/// [`Guard::scan`] splits a document, so both sides agree).
fn words(s: &str) -> Vec<String> {
    tokens(&s.to_lowercase())
        .into_iter()
        .map(str::to_string)
        .collect()
}

fn digits(s: &str) -> String {
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    // Compare national numbers: drop a leading country code.
    if d.len() > 10 {
        d[d.len() - 10..].to_string()
    } else {
        d
    }
}

impl Guard {
    /// Index the identifiers of `plans`. Dates in `public_dates` (stories'
    /// publication dates) are exempt: they are meant to be public.
    /// `site_words` are ordinary words allowed for every plan (site.yaml's
    /// `public_words`), as a story's `public_words` are for its plan.
    pub fn new<'a>(
        plans: impl IntoIterator<Item = &'a Source<Plan>>,
        public_dates: &BTreeSet<Date>,
        site_words: &[String],
    ) -> Guard {
        let plans: Vec<&Source<Plan>> = plans.into_iter().collect();
        let mut g = Guard {
            plan_paths: plans.iter().map(|p| p.path.clone()).collect(),
            by_last_word: HashMap::new(),
            emails: HashMap::new(),
            phones: HashMap::new(),
            dates: HashMap::new(),
        };
        for (i, src) in plans.iter().enumerate() {
            let p = &src.value;
            let name = words(&p.patient.name);
            let allowed: BTreeSet<String> = p
                .story
                .iter()
                .flat_map(|s| s.public_words.iter())
                .chain(site_words)
                .map(|w| w.to_lowercase())
                .collect();
            if let Some(last) = name.last() {
                // A one-letter "surname" (an initial) is not identifying on its own.
                let surname_allowed =
                    name.len() < 2 || last.chars().count() < 2 || allowed.contains(last);
                g.by_last_word
                    .entry(last.clone())
                    .or_default()
                    .push(NameNeedle {
                        plan: i,
                        words: name.clone(),
                        surname_allowed,
                    });
            }
            if let Some(e) = &p.patient.email {
                g.emails.entry(e.trim().to_lowercase()).or_default().push(i);
            }
            if let Some(ph) = &p.patient.phone {
                let d = digits(ph);
                if d.len() >= 7 {
                    g.phones.entry(d).or_default().push(i);
                }
            }
            let mut add_date = |d: Option<Date>, what: &'static str| {
                if let Some(d) = d.filter(|d| !public_dates.contains(d)) {
                    g.dates.entry(d).or_default().push((i, what));
                }
            };
            add_date(p.patient.birth_date, "birth date");
            add_date(p.goal.agreed_on, "visit date");
            add_date(p.next_visit.as_ref().and_then(|v| v.date), "visit date");
            add_date(
                p.story
                    .as_ref()
                    .and_then(|s| s.consent.as_ref())
                    .and_then(|c| c.signed_on),
                "visit date",
            );
        }
        g
    }

    /// Scan one public file. Markup is set aside first (tag and attribute
    /// names: a surname "Li" must not match `<li>`), but text and attribute
    /// values, where a name could hide, are scanned.
    pub fn scan(&self, file: &str, content: &str) -> Vec<Leak> {
        let is_markup = [".html", ".htm", ".xml", ".svg"]
            .iter()
            .any(|e| file.ends_with(e));
        let visible;
        let text = if is_markup {
            visible = visible_text(content);
            visible.as_str()
        } else {
            content
        };
        let mut leaks = BTreeSet::new();
        let lower = text.to_lowercase();
        let toks = tokens(&lower);
        let leak = |plan: usize, what: String| Leak {
            file: file.to_string(),
            plan: self.plan_paths[plan].clone(),
            what,
        };
        for (i, w) in toks.iter().enumerate() {
            if let Some(needles) = self.by_last_word.get(*w) {
                for n in needles {
                    let k = n.words.len();
                    let full = i + 1 >= k
                        && toks[i + 1 - k..=i]
                            .iter()
                            .zip(&n.words)
                            .all(|(a, b)| *a == b.as_str());
                    if full && k >= 2 {
                        leaks.insert(leak(n.plan, "the patient's full name".into()));
                    } else if !n.surname_allowed {
                        leaks.insert(leak(
                            n.plan,
                            format!(
                                "the patient's surname (\"{}…\")",
                                &w[..w.char_indices().nth(1).map_or(w.len(), |(b, _)| b)]
                            ),
                        ));
                    }
                }
            }
        }
        if !self.emails.is_empty() {
            for tok in text.split(|c: char| !(c.is_alphanumeric() || "._%+-@".contains(c))) {
                if tok.contains('@')
                    && let Some(plans) = self.emails.get(&tok.trim_matches('.').to_lowercase())
                {
                    for p in plans {
                        leaks.insert(leak(*p, "the patient's email address".into()));
                    }
                }
            }
        }
        if !self.phones.is_empty() {
            for run in text.split(|c: char| !(c.is_ascii_digit() || " ()-.+".contains(c))) {
                // Most runs are a space or a year: skip them before allocating.
                if run.bytes().filter(u8::is_ascii_digit).count() < 7 {
                    continue;
                }
                let d = digits(run);
                if d.len() >= 7
                    && let Some(plans) = self.phones.get(&d)
                {
                    for p in plans {
                        leaks.insert(leak(*p, "the patient's phone number".into()));
                    }
                }
            }
        }
        if !self.dates.is_empty() {
            for d in dates_in(&toks) {
                if let Some(hits) = self.dates.get(&d) {
                    for (p, what) in hits {
                        leaks.insert(leak(*p, format!("the patient's {what} ({d})")));
                    }
                }
            }
        }
        leaks.into_iter().collect()
    }
}

/// Text and attribute values of an HTML/XML document, without tag and
/// attribute names. Entities are decoded for the common cases.
pub fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut chars = html.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '<' {
            out.push(c);
            continue;
        }
        out.push(' ');
        // Inside a tag: keep only quoted attribute values.
        while let Some(t) = chars.next() {
            match t {
                '>' => break,
                '"' | '\'' => {
                    for v in chars.by_ref() {
                        if v == t {
                            break;
                        }
                        out.push(v);
                    }
                    out.push(' ');
                }
                _ => {}
            }
        }
    }
    out.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

const MONTHS: [[&str; 2]; 12] = [
    ["january", "enero"],
    ["february", "febrero"],
    ["march", "marzo"],
    ["april", "abril"],
    ["may", "mayo"],
    ["june", "junio"],
    ["july", "julio"],
    ["august", "agosto"],
    ["september", "septiembre"],
    ["october", "octubre"],
    ["november", "noviembre"],
    ["december", "diciembre"],
];

fn month_of(w: &str) -> Option<i8> {
    MONTHS
        .iter()
        .position(|names| {
            names
                .iter()
                .any(|n| *n == w || (w.len() >= 3 && n.starts_with(w) && w.len() == 3))
        })
        .map(|i| i as i8 + 1)
}

/// Every date written in a common way: 2026-12-03, 12/03/2026, 3/12/2026,
/// December 3 2026, 3 December 2026, 3 de diciembre de 2026.
fn dates_in(toks: &[&str]) -> Vec<Date> {
    let num = |s: &str| -> Option<i32> {
        (s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let mut out = Vec::new();
    let toks: Vec<&str> = toks.iter().copied().filter(|w| *w != "de").collect();
    for w in toks.windows(3) {
        let (a, b, c) = (w[0], w[1], w[2]);
        let mut push = |y: i32, m: i32, d: i32| {
            if let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d))
                && let Some(date) = Date::new(y, m, d)
            {
                out.push(date);
            }
        };
        match (num(a), num(b), num(c)) {
            (Some(y), Some(m), Some(d)) if a.len() == 4 => push(y, m, d),
            (Some(x), Some(y2), Some(y)) if c.len() == 4 => {
                push(y, x, y2);
                push(y, y2, x);
            }
            (None, Some(d), Some(y)) if c.len() == 4 => {
                if let Some(m) = month_of(a) {
                    push(y, i32::from(m), d);
                }
            }
            (Some(d), None, Some(y)) if c.len() == 4 => {
                if let Some(m) = month_of(b) {
                    push(y, i32::from(m), d);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_not_text_but_attribute_values_are() {
        let t = visible_text(
            "<ul><li class=\"x\">Hello</li></ul><meta content=\"Dot Walker\"><p title='Ann O&#x27;Neil'>",
        );
        assert!(!tokens(&t.to_lowercase()).contains(&"li"));
        assert!(t.contains("Dot Walker"));
        assert!(t.contains("Ann O'Neil"));
    }

    #[test]
    fn finds_dates_in_many_spellings() {
        let want = Date::parse("2026-12-03").unwrap();
        for s in [
            "on 2026-12-03.",
            "12/03/2026",
            "Thursday, December 3, 2026",
            "3 Dec 2026",
            "jueves, 3 de diciembre de 2026",
        ] {
            assert!(dates_in(&tokens(&s.to_lowercase())).contains(&want), "{s}");
        }
        assert!(dates_in(&tokens("we walked 3 miles in 2026")).is_empty());
    }
}
