//! A cheap first look before a plan is read for other patients'
//! identifiers ([`super::other_patients`]). Reading a plan as the guard
//! reads (folding every character, every date reader) costs about as much
//! as parsing it, and a clinic's plans almost never hold another patient's
//! words; so one pass over the plan's words (ASCII, lower-cased, each looked up
//! in a table of every patient's) asks first whether it holds a word of another patient's name,
//! their email, the digits of their phone or their year of birth, and only
//! then is the plan read whole.
//!
//! The sieve may let through a plan that holds nothing (the reading
//! decides); what it must not do is stop one that holds a full name, a
//! phone or a birth date the reading would find. So a plan with a letter
//! beyond ASCII (an accent, another alphabet) is always read whole, and
//! this patient's own family name counts when neither word beside it is
//! one of this patient's own names ("Dana Smith" in Omar Smith's plan).
//! What it passes over: a birth date whose year is not written in four
//! digits, and a phone written in words or with letters for some of its
//! digits ("555-O142").

use crate::content::plan::Plan;
use crate::stages::load::Source;
use ahash::{AHashMap as HashMap, AHashSet as HashSet};

/// Every patient's name words, emails, phone digits and birth years, each
/// with the plans it belongs to.
pub(super) struct Sieve {
    /// Name words (as written, lower-cased, and as the guard folds them)
    /// and emails.
    words: HashMap<String, Vec<usize>>,
    /// The last 7 digits of each phone number.
    phones: HashMap<u64, Vec<usize>>,
    /// Year of birth → the plans of patients born that year.
    years: HashMap<i16, Vec<usize>>,
    /// The length of the longest name word (a longer word is none).
    longest: usize,
    /// One bit per [`word_bit`] of every key of `words`: most of a plan's
    /// words are in no patient's name, and this tells so without making
    /// and hashing a string.
    bits: Vec<u64>,
}

/// How many bits [`Sieve::bits`] holds (a power of two): with a few
/// thousand distinct name words, a few percent of other words share a bit.
const BITS: usize = 1 << 16;

/// The bit of a word, lower-cased.
fn word_bit(word: &[u8]) -> usize {
    let h = word.iter().fold(word.len() as u32, |h, b| {
        (h ^ u32::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0193)
    });
    (h >> 7) as usize % BITS
}

impl Sieve {
    /// The sieve of `plans` (indices into it name the owners).
    pub(super) fn new(plans: &[Source<Plan>]) -> Sieve {
        let mut sieve = Sieve {
            words: HashMap::new(),
            phones: HashMap::new(),
            years: HashMap::new(),
            longest: 0,
            bits: vec![0; BITS / 64],
        };
        for (i, src) in plans.iter().enumerate() {
            let p = &src.value.patient;
            for w in family_words(&src.value) {
                push(&mut sieve.words, w, i);
            }
            for e in p.email.iter().flat_map(|f| emails(f)) {
                push(&mut sieve.words, e, i);
            }
            for n in p.phone.iter().flat_map(|f| super::phone_needles(f)) {
                if let (7, Ok(n)) = (n.len(), n.parse::<u64>()) {
                    push(&mut sieve.phones, n, i);
                }
            }
            if let Some(d) = p.birth_date {
                push(&mut sieve.years, d.year(), i);
            }
        }
        sieve.longest = sieve.words.keys().map(String::len).max().unwrap_or(0);
        for w in sieve.words.keys() {
            let bit = word_bit(w.as_bytes());
            sieve.bits[bit / 64] |= 1 << (bit % 64);
        }
        sieve
    }

    /// The plans whose patient has `word` (lower-cased, or folded) in a
    /// family name.
    pub(super) fn owners(&self, word: &str) -> &[usize] {
        self.words.get(word).map_or(&[], Vec::as_slice)
    }

    /// May plan `i` hold another patient's identifier? (`false` only when
    /// it surely holds none the reading would find.)
    pub(super) fn may_hold_other(&self, plans: &[Source<Plan>], i: usize) -> bool {
        let Some(src) = plans.get(i) else {
            return false;
        };
        let text = &src.text;
        if !text.is_ascii() && text.chars().any(|c| !c.is_ascii() && c.is_alphanumeric()) {
            return true;
        }
        self.other_in_text(src, i)
    }

    /// One pass over the words of an ASCII text: a word of another
    /// patient's name, a four-digit year another patient was born in (and
    /// none of this plan's own dates is in), seven digits in a row of a
    /// line's digits that end another patient's phone number; then their
    /// emails, where an `@` is.
    fn other_in_text(&self, src: &Source<Plan>, i: usize) -> bool {
        let bytes = src.text.as_bytes();
        let mut own: Option<HashSet<String>> = None;
        let mut own_years: Option<Vec<i16>> = None;
        let mut word = String::new();
        let (mut last7, mut digits) = (0u64, 0);
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            if b == b'\n' {
                digits = 0;
            }
            if !b.is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
                let d = bytes[at];
                if d.is_ascii_digit() {
                    last7 = (last7 * 10 + u64::from(d - b'0')) % 10_000_000;
                    digits += 1;
                    // The guard matches a number ending where a group of
                    // digits ends ("555-0142", not "555-01" of
                    // "555-01429"): in "(215) 555-2922" it never sees
                    // "5555292", another patient's "555-5292".
                    let group_ends = !bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
                    if digits >= 7
                        && group_ends
                        && self.phones.get(&last7).is_some_and(|o| other(o, i))
                    {
                        return true;
                    }
                }
                at += 1;
            }
            let w = &bytes[start..at];
            if w.len() == 4 && w.iter().all(u8::is_ascii_digit) {
                let year = w.iter().fold(0i16, |y, d| y * 10 + i16::from(d - b'0'));
                if self
                    .years
                    .get(&year)
                    .is_some_and(|o| o.iter().any(|&j| j != i))
                {
                    let own = own_years.get_or_insert_with(|| {
                        super::own_dates(&src.value).map(|d| d.year()).collect()
                    });
                    if !own.contains(&year) {
                        return true;
                    }
                }
                continue;
            }
            if w.len() > self.longest || !w[0].is_ascii_alphabetic() {
                continue;
            }
            let bit = word_bit(w);
            if self.bits[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            word.clear();
            word.extend(w.iter().map(|b| char::from(b.to_ascii_lowercase())));
            let Some(owners) = self.words.get(&word) else {
                continue;
            };
            if other(owners, i) {
                return true;
            }
            // This patient's own word, which another patient shares: it
            // names this patient only beside their other names.
            if owners.len() > 1 {
                let own = own.get_or_insert_with(|| name_words(&src.value).collect());
                let beside = [word_before(bytes, start), word_after(bytes, at)];
                if !beside.iter().any(|w| own.contains(w.as_str())) {
                    return true;
                }
            }
        }
        memchr::memchr_iter(b'@', bytes).any(|at| {
            emails(email_around(&src.text, at))
                .any(|e| self.words.get(&e).is_some_and(|o| other(o, i)))
        })
    }
}

/// Does a word belonging to `owners` belong to another patient than `i`
/// and not to `i`?
fn other(owners: &[usize], i: usize) -> bool {
    !owners.contains(&i) && !owners.is_empty()
}

fn push<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Vec<usize>>, key: K, i: usize) {
    let owners = map.entry(key).or_default();
    if owners.last() != Some(&i) {
        owners.push(i);
    }
}

/// The addresses of an `email:` field, lower-cased.
fn emails(field: &str) -> impl Iterator<Item = String> + '_ {
    crate::content::plan::email_parts(field)
        .filter(|p| p.contains('@'))
        .map(|p| {
            p.trim_matches(|c: char| c == '.' || c == ':')
                .to_ascii_lowercase()
        })
}

/// The run of text around byte `at` (an `@`) up to white space, quotes or
/// brackets either side.
fn email_around(text: &str, at: usize) -> &str {
    let stop = |c: char| c.is_whitespace() || "\"'<>()[]{},;".contains(c);
    // After the stop, which may be more than a byte (a no-break space).
    let start = text[..at]
        .char_indices()
        .rfind(|&(_, c)| stop(c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let end = text[at..].find(stop).map_or(text.len(), |p| at + p);
    &text[start..end]
}

/// The words a full name of the patient holds besides a given name: every
/// word of `name` but the first, and every word of the family, former and
/// other spellings of the name (a full name is two words of one patient,
/// so it holds one of these in any order).
fn family_words(plan: &Plan) -> impl Iterator<Item = String> + '_ {
    let p = &plan.patient;
    let rest = p
        .name
        .split_whitespace()
        .skip(1)
        .collect::<Vec<_>>()
        .join(" ");
    std::iter::once(rest)
        .chain(p.family_names.iter().cloned())
        .chain(p.former_names.iter().cloned())
        .chain(p.other_spellings.iter().cloned())
        .flat_map(|n| spellings(&n))
}

/// Every word of a patient's names, lower-cased as written (to tell this
/// patient's own beside a shared family name in a plan's ASCII text; a
/// name with an accent is then no neighbour, and the plan is read whole).
pub(super) fn name_words(plan: &Plan) -> impl Iterator<Item = String> + '_ {
    let p = &plan.patient;
    std::iter::once(&p.name)
        .chain(&p.preferred_name)
        .chain(&p.given_names)
        .chain(&p.family_names)
        .chain(&p.former_names)
        .chain(&p.other_spellings)
        .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The words of `name` lower-cased as written and as the guard folds them
/// (accents off).
fn spellings(name: &str) -> Vec<String> {
    let mut out: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    out.extend(super::words(name));
    out
}

/// The word before byte `a` (past spaces and punctuation), lower-cased.
fn word_before(text: &[u8], a: usize) -> String {
    let head = &text[..a];
    let end = head
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(0, |p| p + 1);
    let start = head[..end]
        .iter()
        .rposition(|c| !c.is_ascii_alphanumeric())
        .map_or(0, |p| p + 1);
    String::from_utf8_lossy(&head[start..end]).to_ascii_lowercase()
}

/// The word after byte `b`, lower-cased.
fn word_after(text: &[u8], b: usize) -> String {
    let tail = &text[b..];
    let start = tail
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(tail.len());
    let end = tail[start..]
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .map_or(tail.len(), |p| start + p);
    String::from_utf8_lossy(&tail[start..end]).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::{Sieve, email_around};
    use crate::content::plan::Plan;
    use crate::stages::load::Source;

    fn plan(slug: &str, name: &str, phone: &str, note: &str) -> Source<Plan> {
        let text = format!(
            "patient:\n  name: {name}\n  phone: \"{phone}\"\nproblem: {{ summary: {note} }}\ngoal: {{ statement: y, agreed_on: 2026-11-20 }}\nsteps: [{{ title: z }}]\nresponsibilities: {{}}\nnext_visit: {{ date: 2026-12-03 }}\n"
        );
        let path = format!("content/plans/{slug}.yaml");
        let value = crate::content::yaml::parse(&text, std::path::Path::new(&path)).expect("plan");
        Source {
            path: path.into(),
            slug: slug.into(),
            text,
            hash: 0,
            value,
        }
    }

    #[test]
    fn another_patients_phone_counts_where_a_group_of_digits_ends() {
        // Dana's number is 555-5292; Omar's own "(215) 555-2922" holds
        // "5555292" across its groups, which the guard never reads as one.
        let plans = [
            plan("dana", "Dana Whitfield", "(302) 555-5292", "x"),
            plan("omar", "Omar Haddad", "(215) 555-2922", "x"),
            plan(
                "rosa",
                "Rosa Lopez",
                "(215) 555-0101",
                "Call 555-5292 first",
            ),
            plan("ken", "Ken Ito", "(215) 555-0102", "Call (302) 555 5292"),
        ];
        let sieve = Sieve::new(&plans);
        assert!(!sieve.may_hold_other(&plans, 1), "inside Omar's own number");
        assert!(
            sieve.may_hold_other(&plans, 2),
            "Dana's number in Rosa's plan"
        );
        assert!(
            sieve.may_hold_other(&plans, 3),
            "Dana's number in Ken's plan"
        );
    }

    #[test]
    fn a_name_word_is_found_whatever_its_case() {
        let plans = [
            plan("dana", "Dana Whitfield", "(302) 555-5292", "x"),
            plan(
                "omar",
                "Omar Haddad",
                "(215) 555-2922",
                "Ask WHITFIELD about it",
            ),
            plan("ken", "Ken Ito", "(215) 555-0102", "Walk in the field"),
        ];
        let sieve = Sieve::new(&plans);
        assert!(sieve.may_hold_other(&plans, 1));
        assert!(!sieve.may_hold_other(&plans, 2));
    }

    #[test]
    fn an_email_is_cut_at_any_white_space_or_bracket() {
        let t = "Write to\u{a0}maria.lopez@mail.test\u{2003}today";
        let at = t.find('@').expect("an @");
        assert_eq!(email_around(t, at), "maria.lopez@mail.test");
        let t = "(maria@x.test), <dana@y.test>";
        assert_eq!(email_around(t, t.find('@').expect("@")), "maria@x.test");
        assert_eq!(email_around("@", 0), "@");
    }
}
