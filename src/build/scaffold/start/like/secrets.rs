//! What of a patient must not reach a plan copied from theirs: their
//! names (whole and word by word), contact details, pronouns, dates, and
//! the phrases that are theirs (their words, their goal, notes, story).
//! Compared without case or accents; any date-like text counts too.

use crate::content::plan::Plan;
use crate::stages::privacy::dates::Months;
use crate::stages::privacy::fold::fold as privacy_fold;

/// Name particles that alone identify nobody (and fill ordinary text).
const PARTICLES: [&str; 24] = [
    "de", "del", "la", "las", "los", "van", "von", "der", "den", "da", "das", "do", "dos", "di",
    "du", "le", "bin", "binti", "ibn", "al", "el", "jr", "sr", "st",
];

/// One patient's identifying values.
#[derive(Debug, Default)]
pub(super) struct Secrets {
    /// Folded, lower-case words matched as whole words.
    words: Vec<String>,
    /// Folded, lower-case phrases matched anywhere.
    phrases: Vec<String>,
    /// Phone numbers as digits only.
    digits: Vec<String>,
    /// Words of the patient's own words (what they said, their goal, notes)
    /// that no library exercise uses: what made the plan theirs
    /// (`granddaughter`, `garden`), matched as whole words.
    telling: Vec<String>,
    /// The patient's dates, `YYYY-MM-DD`.
    dates: Vec<String>,
}

/// Words of five letters or more that tell nothing of anyone.
const ORDINARY: [&str; 40] = [
    "about", "after", "again", "always", "because", "before", "being", "better", "could", "doing",
    "every", "feels", "first", "going", "great", "really", "should", "since", "still", "their",
    "there", "these", "thing", "things", "those", "through", "under", "until", "where", "which",
    "while", "without", "would", "little", "right", "other", "today", "without", "never", "start",
];

/// The words of `text` (folded), five letters or more.
pub(super) fn long_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 5)
        .map(fold)
}

/// Lower case, Latin accents dropped ("Núñez" → "nunez"); other scripts kept.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let latin = matches!(u32::from(c), 0x00C0..=0x024F | 0x1E00..=0x1EFF);
        if latin {
            out.push_str(deunicode::deunicode_char(c).unwrap_or(""));
        } else {
            out.push(c);
        }
    }
    out.to_lowercase()
}

/// Does a value hold a script written without spaces (CJK, Thai…), where
/// whole-word matching means nothing?
fn unspaced(s: &str) -> bool {
    s.chars().any(|c| u32::from(c) >= 0x2E80)
}

impl Secrets {
    /// Everything identifying in `plan`.
    /// `common` holds the words the clinic's library and templates use
    /// (folded): those are not telling.
    pub(super) fn of(plan: &Plan, common: &std::collections::HashSet<String>) -> Secrets {
        let mut s = Secrets::default();
        let p = &plan.patient;
        let names = std::iter::once(&p.name)
            .chain(&p.preferred_name)
            .chain(&p.given_names)
            .chain(&p.family_names)
            .chain(&p.former_names)
            .chain(&p.other_spellings)
            .chain(plan.story.iter().map(|st| &st.display_name));
        for n in names {
            s.name(n);
        }
        for v in p.pronouns.iter().chain(&p.email) {
            s.phrase(v, 2);
        }
        if let Some(phone) = &p.phone {
            let d: String = phone.chars().filter(char::is_ascii_digit).collect();
            if d.len() >= 7 {
                s.digits.push(d[d.len() - 7..].to_string());
            }
        }
        let story = plan.story.as_ref();
        let consent = story.and_then(|st| st.consent.as_ref());
        s.dates = [
            p.birth_date,
            plan.goal.agreed_on,
            plan.goal.target_date,
            plan.next_visit.as_ref().and_then(|v| v.date),
        ]
        .into_iter()
        .chain(plan.visits.iter().map(|v| Some(v.date)))
        .chain([story.and_then(|st| st.published_on)])
        .chain([
            consent.and_then(|c| c.signed_on),
            consent.and_then(|c| c.expires_on),
        ])
        .chain(
            story
                .iter()
                .flat_map(|st| st.public_dates.iter().copied().map(Some)),
        )
        .flatten()
        .map(|d| d.to_string())
        .collect();
        // In the patient's own words: phrases and telling words.
        let mut own: Vec<&String> = vec![&plan.goal.statement];
        own.extend(&plan.problem.in_their_words);
        for e in plan.steps.iter().flat_map(|s| &s.exercises) {
            own.extend(&e.note);
        }
        // About them: whole phrases only.
        let mut about: Vec<&String> = vec![&plan.problem.summary];
        about.extend(&plan.problem.details);
        about.extend(&plan.success);
        about.extend(plan.visits.iter().filter_map(|v| v.note.as_ref()));
        if let Some(v) = &plan.next_visit {
            about.extend(&v.focus);
            about.extend(&v.time);
        }
        if let Some(st) = &plan.story {
            about.push(&st.title);
            about.extend(&st.quote);
            about.extend(&st.body);
            about.extend(&st.public_words);
        }
        for t in own.iter().chain(&about) {
            for line in t.lines() {
                s.phrase(line, 10);
            }
        }
        for t in own {
            s.telling.extend(
                long_words(t).filter(|w| !common.contains(w) && !ORDINARY.contains(&w.as_str())),
            );
        }
        s.telling.sort();
        s.telling.dedup();
        s
    }

    /// A name: whole, and each word of it.
    fn name(&mut self, n: &str) {
        self.phrase(n, 2);
        if unspaced(n) {
            return;
        }
        for w in n.split(|c: char| c.is_whitespace() || c == ',') {
            let w = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
            if w.chars().count() >= 2 && !PARTICLES.contains(&w.as_str()) {
                self.words.push(w);
            }
        }
    }

    /// A phrase of at least `min` characters.
    fn phrase(&mut self, p: &str, min: usize) {
        let p = fold(p.trim());
        if p.chars().count() >= min {
            self.phrases.push(p);
        }
    }

    /// Does `line` hold anything of the patient, or any date?
    pub(super) fn in_line(&self, line: &str) -> bool {
        let f = fold(line);
        if self.phrases.iter().any(|p| f.contains(p.as_str())) {
            return true;
        }
        if self
            .words
            .iter()
            .chain(&self.telling)
            .any(|w| has_word(&f, w))
        {
            return true;
        }
        let d: String = line.chars().filter(char::is_ascii_digit).collect();
        self.digits.iter().any(|p| d.contains(p.as_str())) || looks_like_date(&f)
    }

    /// `text` with every line holding anything of the patient replaced by
    /// `instead`, and how many were.
    pub(super) fn scrub(&self, text: &str, instead: &str) -> (String, usize) {
        let mut n = 0;
        let lines: Vec<&str> = text
            .split('\n')
            .map(|l| {
                if self.in_line(l) {
                    n += 1;
                    instead
                } else {
                    l
                }
            })
            .collect();
        (lines.join("\n"), n)
    }

    /// `yaml` with every comment that holds anything of the patient cut
    /// (a comment line goes; a comment after a value is cut off).
    pub(super) fn cut_comments(&self, yaml: &str) -> String {
        let mut out = String::with_capacity(yaml.len());
        for line in yaml.lines() {
            if line.trim_start().starts_with('#') {
                if !self.in_line(line) {
                    out.push_str(line);
                    out.push('\n');
                }
                continue;
            }
            match line.split_once(" #") {
                Some((code, comment)) if self.in_line(comment) => out.push_str(code.trim_end()),
                _ => out.push_str(line),
            }
            out.push('\n');
        }
        out
    }
}

impl Secrets {
    /// `yaml` with every value that is one of the patient's dates (the
    /// template's default day may fall on one) left empty to fill in.
    pub(super) fn blank_dates(&self, yaml: &str) -> String {
        let mut out = String::with_capacity(yaml.len());
        for line in yaml.lines() {
            let code = line.split_once(" #").map_or(line, |(c, _)| c);
            match code.split_once(':') {
                Some((key, value)) if self.dates.iter().any(|d| value.contains(d.as_str())) => {
                    out.push_str(key);
                    out.push_str(":                  # TODO: YYYY-MM-DD");
                }
                _ => out.push_str(line),
            }
            out.push('\n');
        }
        out
    }
}

/// Is `w` in `hay` as a whole word (or anywhere, for unspaced scripts)?
fn has_word(hay: &str, w: &str) -> bool {
    if unspaced(w) {
        return hay.contains(w);
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(w).any(|(i, _)| {
        !word(hay[..i].chars().next_back()) && !word(hay[i + w.len()..].chars().next())
    })
}

/// Month names and abbreviations: the privacy guard's (CLDR's, in every
/// language the guard reads), built once.
static MONTHS: std::sync::LazyLock<Months> =
    std::sync::LazyLock::new(|| Months::new(std::iter::empty()));

/// Does a (folded) line hold something that reads as a calendar date:
/// `2026-03-01`, `3/1/2026`, `1.3.26`, or a month name within two words
/// of a day or year number?
pub(super) fn looks_like_date(line: &str) -> bool {
    let tokens: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"' | '\''))
        .filter(|t| !t.is_empty())
        .collect();
    let numeric = |t: &str| {
        let t = t.trim_end_matches(['.', ':']);
        let t = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
    };
    for (i, t) in tokens.iter().enumerate() {
        let parts: Vec<&str> = t.trim_matches('.').split(['-', '/', '.']).collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
            && parts.iter().any(|p| p.len() == 4 || p.len() == 2)
        {
            return true;
        }
        let word = t.trim_matches(|c: char| !c.is_alphanumeric());
        if MONTHS.is_month(&privacy_fold(word)) {
            // Short month words ("may", "dec", Portuguese "out") are also
            // everyday words: "may" only right beside a number, any other
            // only right before one ("out 3", not "3 out of 10").
            let short = word.chars().count() <= 3;
            let reach = if short { 1 } else { 2 };
            let from = if short && word != "may" {
                i
            } else {
                i.saturating_sub(reach)
            };
            let near = tokens[from..(i + reach + 1).min(tokens.len())]
                .iter()
                .any(|n| *n != *t && numeric(n));
            if near {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_many_shapes_are_seen() {
        for yes in [
            "until 2026-03-01",
            "on 3/1/2026",
            "since 1.3.26",
            "from march 3",
            "3 de marzo de 2026",
            "jan 2026",
            "may 3",
            "3 outubro 2026",
            "out. 3, 2026",
            "12 stycznia 2026",
            "3 mrt 2026",
        ] {
            assert!(looks_like_date(yes), "{yes}");
        }
        for no in [
            "weeks 1-2",
            "10 reps",
            "you may do 3 sets",
            "1/2 cup",
            "march on",
            "set 3 timers",
            "3 out of 10",
            "mar 3 veces",
        ] {
            assert!(!looks_like_date(no), "{no}");
        }
    }

    #[test]
    fn names_match_whole_words_without_case_or_accents() {
        assert!(has_word("ask nunez today", "nunez"));
        assert!(!has_word("marian", "maria"));
        assert_eq!(fold("Núñez"), "nunez");
    }
}
