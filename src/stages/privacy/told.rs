//! What a story tells that no field of its plan holds: the day of the
//! operation, the street the patient lives on, a daughter's phone number.
//! The rest of the guard looks for a plan's own identifiers (see
//! [`Guard::new`]); a story is text about one patient, so there any
//! such detail is one of theirs, and HIPAA's Safe Harbor lists it: every
//! element of a date but the year, a street address or ZIP code, a phone
//! number, an email address, an age over 89.
//!
//! Read here: a story's title, quote, body, tags and photo caption, and
//! the goal and measures a plan's story shows. A day the story tells on
//! purpose is listed in its `public_dates` (or site.yaml's); the clinic's
//! own phone, email domain and street are public.

use super::Guard;
use super::dates::{self, Found};
use super::fold::{Sep, Stream, fold};
use super::index::phone_needles;
use super::scan::{Forms, age_words, number};
use crate::base::date::Date;
use crate::content::config::Site;

/// What kind of detail a story tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Told {
    /// A day (with or without its year): "on October 1", "10/01/2026".
    Date,
    /// A phone number (or another number of seven digits or more).
    Phone,
    /// An email address.
    Email,
    /// A social media handle ("@golfguy55").
    Handle,
    /// A house number and street, or a ZIP code.
    Address,
    /// An age over 89.
    Age,
    /// A relative's full name ("his daughter Karen Oduya").
    Relative,
    /// The patient's own full name, fitting the display name ("Walt
    /// Kaminski", "Mr. Kaminski" in the story of "Walt K.").
    FullName,
    /// A story record's display name that reads as a full name.
    FullDisplayName,
}

impl Told {
    /// Words for a diagnostic (never the detail itself).
    pub fn describe(self) -> &'static str {
        match self {
            Told::Date => "a day (day and month) in the patient's story",
            Told::Phone => {
                "a phone number (or another number of 7 digits or more) in the patient's story"
            }
            Told::Email => "an email address in the patient's story",
            Told::Handle => "a social media handle in the patient's story",
            Told::Address => "a street address or ZIP code in the patient's story",
            Told::Age => "an age over 89 in the patient's story",
            Told::Relative => "a relative's full name in the patient's story",
            Told::FullName => {
                "a full name that fits the story's display name (its given name or a title, then a family name with its initial) in the patient's story"
            }
            Told::FullDisplayName => {
                "a display name that reads as a full name (a given name and a whole family name) in the story record"
            }
        }
    }

    /// How to fix it.
    pub fn help(self) -> &'static str {
        match self {
            Told::Date => {
                "a day in a patient's story is theirs (an operation, a fall, a race): keep the month or the year, or \"last spring\"; if the patient agreed to tell that day, list it in the story's `public_dates`"
            }
            Told::Phone => {
                "remove it: only the clinic's numbers are public (site.yaml `clinic.phone`, `privacy.public_phones`)"
            }
            Told::Email => "remove it: only addresses of the clinic's own domain are public",
            Told::Handle => {
                "remove it: a handle leads to the person (the clinic's own handle belongs on a page, not in a story)"
            }
            Told::Address => {
                "name the town or the park, not the house number, street or ZIP code (the clinic's own address is public)"
            }
            Told::Age => "write \"over 90\" or \"in her nineties\"",
            Told::Relative => {
                "a relative's name identifies the patient too (HIPAA Safe Harbor): write the first name only (\"his daughter Karen\") or \"his daughter\""
            }
            Told::FullName => {
                "a story names its patient by the display name only (\"Walt K.\"): write that instead; if the word is no family name, write it in lower case or reword the sentence"
            }
            Told::FullDisplayName => {
                "write a given name and the family name's initial (\"Walt K.\"); if every word is a given name (\"Mary Ann\"), list the display name as written in site.yaml's `public_words` (under `privacy:`)"
            }
        }
    }
}

/// One detail a story tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Telling {
    /// What it is.
    pub what: Told,
    /// 1-based line in the text it was found in.
    pub line: u32,
    /// Its first word, folded (to find it in the source; never printed).
    pub word: String,
}

/// What site.yaml makes public for every story: the clinic's phone and
/// email domain, its address's words, and its public dates and phones.
#[derive(Debug, Default)]
pub(super) struct Public {
    phones: Vec<String>,
    email_domain: Option<String>,
    address: Vec<String>,
    dates: Vec<Date>,
    /// The words of the names of the clinic's people (its clinician and
    /// team), folded.
    people: Vec<String>,
}

impl Public {
    /// The digit strings of the clinic's numbers (see [`phone_needles`]).
    pub(super) fn phones(&self) -> &[String] {
        &self.phones
    }

    pub(super) fn of(site: &Site) -> Public {
        let c = &site.clinic;
        Public {
            phones: c
                .phone
                .iter()
                .chain(&site.privacy.public_phones)
                .flat_map(|p| phone_needles(p))
                .collect(),
            email_domain: c
                .email
                .as_deref()
                .and_then(|e| e.rsplit_once('@'))
                .map(|(_, d)| d.trim().to_lowercase()),
            address: c
                .address
                .as_deref()
                .map(|a| {
                    Stream::of(a)
                        .words()
                        .into_iter()
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
            dates: site.privacy.public_dates.clone(),
            people: c
                .clinician
                .iter()
                .map(|c| c.name.as_str())
                .chain(site.team.iter().map(|t| t.name.as_str()))
                .flat_map(|n| {
                    Stream::of(n)
                        .words()
                        .into_iter()
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect(),
        }
    }
}

impl Guard {
    /// The details `text` (one field of a story) tells, other than the
    /// days in `allowed` (the story's `public_dates` and publication day)
    /// and what the clinic made public; `display` is the story's display
    /// name, whose full form the story must not write.
    pub fn told(&self, text: &str, allowed: &[Date], display: &str) -> Vec<Telling> {
        let s = Stream::of_lines(text);
        let mut out = Vec::new();
        let mut add = |what: Told, i: usize| {
            out.push(Telling {
                what,
                line: s.toks[i].line,
                word: s.tok(i).to_string(),
            })
        };
        let allowed: Vec<Date> = allowed.iter().chain(&self.public.dates).copied().collect();
        let mut date_starts = Vec::new();
        for (found, i) in dates::find_except(&s, &self.months, |i| self.display_name_at(&s, i)) {
            date_starts.push(i);
            if self.told_date(&s, found, i, &allowed) {
                add(Told::Date, i);
            }
        }
        for i in phones(&s, &date_starts, &self.public.phones) {
            add(Told::Phone, i);
        }
        for i in addresses(&s, &self.public.address) {
            add(Told::Address, i);
        }
        for i in 0..s.toks.len() {
            if let Some((age, len)) = number(&s, i)
                && (90..=125).contains(&age)
                && age_words(&s, i, i + len - 1, Forms::Stated)
            {
                add(Told::Age, i);
            }
        }
        for i in relatives::full_names(&s, &self.public.people) {
            add(Told::Relative, i);
        }
        for i in named::full_names(&s, display, &self.public.people) {
            add(Told::FullName, i);
        }
        for (what, line, word) in emails(text, self.public.email_domain.as_deref()) {
            out.push(Telling { what, line, word });
        }
        out.sort_by_key(|t| (t.line, t.what));
        out.dedup_by_key(|t| (t.line, t.what));
        out
    }

    /// Is `found`, at token `i`, a day the story tells: a full date, or a
    /// day and a month written with the month's name ("October 1"; "7/10"
    /// is as often a score), not one of the `allowed` days?
    fn told_date(&self, s: &Stream, found: Found, i: usize, allowed: &[Date]) -> bool {
        match found {
            Found::Full(d) => !allowed.contains(&d),
            Found::MonthDay(m, d) => {
                let near = i..s.toks.len().min(i + 4);
                let named = near.clone().any(|j| self.months.is_month(s.tok(j)));
                // "in June, 2 in July", "the May 5K": no day.
                let comma = (i + 1..s.toks.len().min(i + 3)).any(|j| s.toks[j].sep == Sep::Comma);
                let unit = near.clone().any(|j| {
                    s.toks[j].digits
                        && s.toks.get(j + 1).is_some_and(|t| {
                            t.sep == Sep::Join && !t.digits && !ORDINALS.contains(&s.tok(j + 1))
                        })
                });
                named
                    && !comma
                    && !unit
                    && !allowed
                        .iter()
                        .any(|a| (a.month(), a.day()) == (m, d) || (a.month(), a.day()) == (d, m))
            }
            // A bare number ("680412") is as often an order number.
            Found::MonthYear(..) | Found::Code(_) => false,
        }
    }
}

/// Ordinal endings after a day ("3rd", "1er", "3º").
const ORDINALS: [&str; 8] = ["st", "nd", "rd", "th", "er", "e", "o", "a"];

/// The first token of each phone number in `s`: digits joined by the
/// separators a number is written with, seven to fifteen of them, grouped
/// as phone numbers are (a group of three, or of five or more, or four
/// pairs and more: "302-555-0142", "3025550142", "03 02 55 50 14"; dates,
/// "2019-2026" and "10,000" are not), not starting a date and not one of
/// the clinic's.
fn phones(s: &Stream, date_starts: &[usize], public: &[String]) -> Vec<usize> {
    let mut out = Vec::new();
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
        let groups: Vec<usize> = (i..j).map(|k| s.tok(k).len()).collect();
        let total: usize = groups.iter().sum();
        let shaped = groups.iter().any(|&g| g == 3 || g >= 5)
            || (groups.len() >= 4 && groups.iter().all(|&g| g == 2));
        let digits: String = (i..j).map(|k| s.tok(k)).collect();
        if (7..=15).contains(&total)
            && shaped
            && !date_starts.contains(&i)
            && !public.iter().any(|p| digits.ends_with(p.as_str()))
        {
            out.push(i);
        }
        i = j;
    }
    out
}

/// Street types written after the street's name ("12 Elm Street").
const AFTER_NAME: [&str; 34] = [
    "street",
    "st",
    "avenue",
    "ave",
    "av",
    "road",
    "rd",
    "lane",
    "ln",
    "drive",
    "dr",
    "boulevard",
    "blvd",
    "court",
    "ct",
    "way",
    "place",
    "pl",
    "terrace",
    "ter",
    "circle",
    "cir",
    "parkway",
    "pkwy",
    "highway",
    "hwy",
    "square",
    "sq",
    "trail",
    "trl",
    "crescent",
    "close",
    "alley",
    "row",
];

/// Street types written before the name ("Calle Mayor 12", "12 rue de la
/// Paix", "Rua Augusta, 100").
const BEFORE_NAME: [&str; 14] = [
    "calle", "avenida", "avda", "paseo", "plaza", "carrera", "rue", "chemin", "allee", "rua",
    "travessa", "via", "viale", "piazza",
];

/// Words of time and measure that are no street's name, though a title
/// writes them with a capital ("The 3 Year Road Back", "A 5 Minute Drive").
const NO_NAME: [&str; 16] = [
    "year", "years", "week", "weeks", "month", "months", "day", "days", "minute", "minutes",
    "hour", "hours", "mile", "miles", "step", "steps",
];

/// US state and territory codes, before a ZIP code.
const STATES: [&str; 53] = [
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia", "ks",
    "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny",
    "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv",
    "wi", "wy", "dc", "pr", "vi",
];

/// German and Dutch street names end with their type ("Hauptstraße 5").
const SUFFIXES: [&str; 8] = [
    "strasse", "str", "weg", "gasse", "allee", "platz", "straat", "laan",
];

/// The first token of each street address or ZIP code in `s` that is not
/// the clinic's (`clinic`: its address's words).
fn addresses(s: &Stream, clinic: &[String]) -> Vec<usize> {
    let n = s.toks.len();
    let house = |i: usize| {
        s.toks[i].digits
            && s.tok(i).len() <= 5
            // "1st Place" is a rank.
            && s.toks.get(i + 1).is_none_or(|t| t.sep != Sep::Join || t.digits)
    };
    let name = |i: usize| {
        i < n
            && s.toks[i].upper
            && !s.toks[i].digits
            && s.toks[i].sep != Sep::Hard
            && !NO_NAME.contains(&s.tok(i))
    };
    let clinics = |i: usize, j: usize| {
        (i..=j.min(n - 1))
            .filter(|&k| s.toks[k].digits)
            .all(|k| clinic.iter().any(|w| w == s.tok(k)))
            && (i..=j.min(n - 1)).any(|k| !s.toks[k].digits && clinic.iter().any(|w| w == s.tok(k)))
    };
    let mut out = Vec::new();
    for i in 0..n {
        let w = s.tok(i);
        // 12 Elm Street, 1600 Pennsylvania Ave
        let english = house(i)
            .then(|| {
                (1..=3).find(|&k| {
                    (1..=k).all(|m| name(i + m))
                        && i + k + 1 < n
                        && AFTER_NAME.contains(&s.tok(i + k + 1))
                })
            })
            .flatten()
            .map(|k| i + k + 1);
        // 12 rue de la Paix, 5 Via Roma
        let romance_after = house(i) && i + 1 < n && BEFORE_NAME.contains(&s.tok(i + 1));
        // Calle Mayor 12, Rua Augusta, 100
        let romance_before = (s.toks[i].upper && BEFORE_NAME.contains(&w))
            .then(|| (i + 1..n.min(i + 6)).find(|&k| s.toks[k].digits && house(k)))
            .flatten();
        // Hauptstraße 5
        let suffixed = s.toks[i].upper
            && i + 1 < n
            && house(i + 1)
            && SUFFIXES
                .iter()
                .any(|x| w.len() > x.len() + 2 && w.ends_with(x));
        let end = match (english, romance_after, romance_before, suffixed) {
            (Some(e), ..) => Some(e),
            (_, true, ..) => Some((i + 4).min(n - 1)),
            (_, _, Some(e), _) => Some(e),
            (.., true) => Some(i + 1),
            _ => zip(s, i).then_some(i + 1),
        };
        if let Some(end) = end
            && !clinics(i, end)
        {
            out.push(i);
        }
    }
    out
}

/// A ZIP code at token `i`: "19711-1234", or "DE 19711" after a town and
/// a comma ("Newark, DE 19711").
fn zip(s: &Stream, i: usize) -> bool {
    let t = |k: usize| s.toks.get(k);
    let len = |k: usize| t(k).filter(|t| t.digits).map(|t| t.end - t.start);
    if len(i) == Some(5) && len(i + 1) == Some(4) && t(i + 1).is_some_and(|t| t.sep == Sep::Dash) {
        return true;
    }
    s.tok(i).len() == 2
        && t(i).is_some_and(|t| t.upper && t.sep == Sep::Comma)
        && len(i + 1) == Some(5)
        && t(i + 1).is_some_and(|t| t.sep == Sep::Space)
        && STATES.contains(&s.tok(i))
}

/// Email addresses in `text` whose domain is not the clinic's, and
/// handles ("@golfguy55"): each with its line and a word to find it by
/// (folded).
fn emails(text: &str, clinic: Option<&str>) -> Vec<(Told, u32, String)> {
    let part = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let n = n as u32 + 1;
        for (at, sign) in line.match_indices(['@', '＠']) {
            let local = line[..at].rsplit(|c: char| !part(c)).next().unwrap_or("");
            let rest = &line[at + sign.len()..];
            let domain: String = rest
                .chars()
                .take_while(|&c| c.is_alphanumeric() || "._-".contains(c))
                .collect();
            let domain = domain.trim_end_matches(['.', '_', '-']).to_lowercase();
            if !local.is_empty() {
                let clinics =
                    clinic.is_some_and(|c| domain == c || domain.ends_with(&format!(".{c}")));
                if domain.contains('.') && !clinics {
                    out.push((Told::Email, n, fold(local)));
                }
            } else if domain.chars().filter(|c| c.is_alphanumeric()).count() >= 3
                && !line[..at].ends_with(|c: char| c.is_alphanumeric())
            {
                out.push((Told::Handle, n, fold(&domain)));
            }
        }
    }
    out
}

mod named;
mod relatives;
#[cfg(test)]
mod tests;
