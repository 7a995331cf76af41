//! Names inside a longer word, from the halves the name index meets there:
//! a given name and the family name written as one word, as a handle or an
//! address is ("@waltkaminski", "waltkaminski55", "dotwalker.example"; the
//! full name as written is a needle already, "walterkaminski"), and a
//! family name in the plural ("the Kaminskis", "the Lopezes"), and a
//! user name made of a given name's initial and the family name
//! ("mlopez1968", "@dokafor", "kaminskiw55").

use super::super::fold::{Foreign, Sep, Stream};
use super::super::names::Kind;
use super::super::{Guard, Role, What};
use ahash::AHashMap as HashMap;

/// Shortest family name read inside a longer word with other words
/// around it ("teamkaminski", "gokaminski", "kaminskistrong"): a shorter
/// one is inside too many words ("Lee" in "sleep", "Allen" in "challenge",
/// "Stone" in "milestone"). In a hashtag or a handle, where words are
/// run together on purpose, [`TAG_MIN`].
pub(super) const RUN_IN_MIN: usize = 5;
/// Shortest family name read inside a longer word outside a hashtag or a
/// handle.
const WORD_MIN: usize = 6;
/// [`RUN_IN_MIN`] by another name, where it applies.
const TAG_MIN: usize = RUN_IN_MIN;

/// What follows a word to make another word of it ("walkers", "bakery",
/// "browning", "cooperation", "fisherman", "martini"): a family name that
/// starts a word and ends in one of these is that word, not the name (the
/// name in the plural, written as a name, is [`Guard::plural`]'s).
const ENDINGS: [&str; 54] = [
    "s", "es", "ed", "er", "ers", "ing", "ings", "y", "ie", "ies", "ly", "est", "ish", "ery",
    "ness", "less", "ation", "ations", "ative", "ate", "ated", "ates", "ating", "ion", "ions",
    "ity", "ities", "ism", "ist", "ists", "ic", "ics", "ical", "al", "ally", "man", "men", "ment",
    "ments", "ful", "ship", "hood", "able", "ably", "ible", "ize", "ized", "ous", "ive", "a", "e",
    "i", "o", "house",
];

/// What goes before a word to make another word of it ("reporter",
/// "supporters", "headhunter", "outrunner"): a family name that ends a
/// word (or is followed by one of [`ENDINGS`]) after one of these is that
/// word. Words run together by hand ("gokaminski", "teamkaminski") start
/// with a word, not with these.
const PREFIXES: [&str; 20] = [
    "re", "sup", "un", "in", "im", "dis", "pre", "co", "de", "ex", "non", "sub", "super", "over",
    "under", "head", "news", "tele", "out", "up",
];

/// Is `word`, holding a family name at `a..b` (byte offsets into it), an
/// ordinary word made from it: the name with an ending, a prefix, or both?
fn derived_word(word: &str, a: usize, b: usize) -> bool {
    let (pre, post) = (&word[..a], &word[b..]);
    (pre.is_empty() || PREFIXES.contains(&pre))
        && (post.is_empty() || ENDINGS.contains(&post))
        && !(pre.is_empty() && post.is_empty())
}

/// Shortest given name read inside a word: "al" and "jo" are in too many
/// words.
const GIVEN_MIN: usize = 3;
/// Shortest family name read inside a word.
const FAMILY_MIN: usize = 4;

impl Guard {
    /// `halves`: (pattern, start, end) of name-index matches that begin or
    /// end inside a word. Two that meet, one a given name and the other a
    /// family name of the same patient, making a whole word between them,
    /// are that patient's name ("waltkaminski", "kaminskiwalt"). Returns
    /// the patterns found, for dates without a year.
    pub(super) fn joined_names<'g>(
        &'g self,
        s: &Stream,
        halves: &[(usize, usize, usize)],
        out: &mut Vec<(u32, What, &'g str, usize, usize)>,
    ) -> Vec<usize> {
        let mut named = Vec::new();
        let long_enough = |&&(p, a, b): &&(usize, usize, usize)| {
            let o = &self.owners[p];
            (o.given && b - a >= GIVEN_MIN) || (o.family && b - a >= FAMILY_MIN)
        };
        let halves: Vec<&(usize, usize, usize)> = halves.iter().filter(long_enough).collect();
        for &&(p, a, b) in &halves {
            if let Some(t) = self.plural(s, p, a, b) {
                for r in self.owners[p]
                    .loud
                    .iter()
                    .filter(|r| r.kind == Kind::Family)
                {
                    if self.alone_counts(r.plan, &self.patterns[p]) {
                        out.push((r.plan, What::Surname, self.patterns[p].as_str(), t, t));
                        named.push(p);
                    }
                }
            }
        }
        for &&(p, a, b) in &halves {
            named.extend(self.initial_handle(s, p, a, b, out));
        }
        if halves.len() < 2 {
            return named;
        }
        // Second halves (ending a word) by where they start.
        let mut seconds: HashMap<usize, Vec<usize>> = HashMap::new();
        for &&(p, a, b) in &halves {
            if s.tok_ending_at(b).is_some() {
                seconds.entry(a).or_default().push(p);
            }
        }
        for &&(p1, a, mid) in &halves {
            let (Some(t), Some(ps)) = (s.tok_starting_at(a), seconds.get(&mid)) else {
                continue;
            };
            for &p2 in ps {
                let word_end = s.toks[t].end as usize;
                let word = &s.text[a..word_end];
                if word.len() != mid - a + self.patterns[p2].len() {
                    continue;
                }
                for plan in self.joined_plans(p1, p2, mid - a, word_end - mid) {
                    let allowed = self.site_words.contains(word)
                        || self.allowed_words.contains(&(plan, word.to_string()));
                    if !allowed {
                        out.push((plan, What::FullName, self.patterns[p2].as_str(), t, t));
                        named.extend([p1, p2]);
                    }
                }
            }
        }
        named
    }

    /// Family names run into other words (`runs`: pattern, start, end of
    /// matches that do not make a whole word): "#teamkaminski",
    /// "gokaminski", "kaminskistrong", "teamkaminskistrong". The name must
    /// be [`WORD_MIN`] letters long ([`TAG_MIN`] in a hashtag or after an
    /// `@`), and the word not one made from the name ([`derived_word`]); a word
    /// of the site's or the story's `public_words` is let through, as the
    /// name alone is. Returns the patterns found.
    pub(super) fn run_in_names<'g>(
        &'g self,
        s: &Stream,
        runs: &[(usize, usize, usize)],
        public: &[(usize, usize)],
        out: &mut Vec<(u32, What, &'g str, usize, usize)>,
    ) -> Vec<usize> {
        let mut named = Vec::new();
        for &(p, a, b) in runs {
            let t = s.toks.partition_point(|t| (t.end as usize) <= a);
            let Some(tok) = s.toks.get(t) else { continue };
            let (start, end) = (tok.start as usize, tok.end as usize);
            let tagged = matches!(tok.sep, Sep::Hash | Sep::At);
            let min = if tagged { TAG_MIN } else { WORD_MIN };
            // A match that runs on into the next token is no word's.
            let inside_word = start <= a && b <= end && (start, end) != (a, b);
            // Words read from kana or Hangul run their syllables together
            // ("したなかで" reads "shitanakade"): Latin text only.
            let latin = tok.foreign == Foreign::No;
            if !inside_word || tok.code || b - a < min || !latin {
                continue;
            }
            let word = &s.text[start..end];
            if derived_word(word, a - start, b - start) {
                continue;
            }
            if public.iter().any(|&(x, y)| x <= t && t <= y) || self.site_words.contains(word) {
                continue;
            }
            let key = self.patterns[p].as_str();
            for r in self.owners[p]
                .loud
                .iter()
                .filter(|r| r.kind == Kind::Family)
            {
                let allowed = self.allowed_words.contains(&(r.plan, word.to_string()));
                if !allowed && self.alone_counts(r.plan, key) {
                    out.push((r.plan, What::Surname, key, t, t));
                    named.push(p);
                }
            }
        }
        named
    }

    /// The token that is family-name pattern `p` (at `a..b`) in the plural,
    /// written as a name is ("the Kaminskis", "the Lopezes"; "walkers" is
    /// the word).
    fn plural(&self, s: &Stream, p: usize, a: usize, b: usize) -> Option<usize> {
        let t = s.tok_starting_at(a)?;
        let tok = &s.toks[t];
        // Empty when the match runs on into the next token.
        let rest = s.text.get(b..tok.end as usize).unwrap_or_default();
        let named = tok.upper && !tok.code && self.owners[p].family && b - a >= FAMILY_MIN;
        (named && matches!(rest, "s" | "es")).then_some(t)
    }

    /// Family-name pattern `p` at `a..b` with one letter before or after it
    /// making the whole word, that letter the initial of a given name of
    /// the same patient, written as a user name is: numbers right after it,
    /// an `@` before or after, or a word that introduces a user name just
    /// before it ("mlopez1968", "@dokafor", "kaminskiw55", "Follow
    /// dokafor", "instagram.com/dokafor"). Alone, such a word is as often
    /// an ordinary one (Ann Ward, "award"; Paul Rice, "the price").
    /// Returns `p` if it named someone.
    fn initial_handle<'g>(
        &'g self,
        s: &Stream,
        p: usize,
        a: usize,
        b: usize,
        out: &mut Vec<(u32, What, &'g str, usize, usize)>,
    ) -> Option<usize> {
        if !self.owners[p].family || b - a < FAMILY_MIN {
            return None;
        }
        let (t, letter) = if let Some(t) = s.tok_ending_at(b) {
            (t, s.text.get(a.checked_sub(1)?..a)?)
        } else {
            (s.tok_starting_at(a)?, s.text.get(b..b + 1)?)
        };
        let tok = &s.toks[t];
        let handle = {
            let next = s.toks.get(t + 1);
            let digits_after = next.is_some_and(|n| n.digits && n.sep == Sep::Join);
            // "@dokafor", and an email's local part "dokafor@mail.test".
            let at = tok.sep == Sep::At || next.is_some_and(|n| n.sep == Sep::At);
            digits_after || at || handle_cued(s, t)
        };
        let c = letter.chars().next().filter(char::is_ascii_alphabetic)?;
        if tok.end as usize - tok.start as usize != b - a + 1 || !handle {
            return None;
        }
        let word = s.tok(t);
        let mut hit = None;
        for r in self.owners[p]
            .loud
            .iter()
            .filter(|r| r.kind == Kind::Family)
        {
            let initial = self.initials.get(&r.plan).is_some_and(|i| i.contains(&c));
            let allowed = self.site_words.contains(word)
                || self.allowed_words.contains(&(r.plan, word.to_string()));
            if initial && !allowed {
                out.push((r.plan, What::FullName, self.patterns[p].as_str(), t, t));
                hit = Some(p);
            }
        }
        hit
    }

    /// Plans for which pattern `p1` then `p2` is a given name and a family
    /// name, in either order, each long enough to be read inside a word.
    /// In plan order. The shorter of the two role lists is walked and the
    /// other searched: a common family name belongs to a thousand plans of
    /// a large clinic, and walking its list for every join met on every
    /// page grew with plans times pages.
    fn joined_plans(&self, p1: usize, p2: usize, len1: usize, len2: usize) -> Vec<u32> {
        let given_first = len1 >= GIVEN_MIN && len2 >= FAMILY_MIN;
        let family_first = len1 >= FAMILY_MIN && len2 >= GIVEN_MIN;
        // The kind the other pattern must have for this plan, when this
        // one's role can make a join (`first`: the role is `p1`'s).
        let wanted = |kind: Kind, first: bool| match (kind, first) {
            (Kind::Given, true) | (Kind::Family, false) if given_first => {
                Some(if first { Kind::Family } else { Kind::Given })
            }
            (Kind::Family, true) | (Kind::Given, false) if family_first => {
                Some(if first { Kind::Given } else { Kind::Family })
            }
            _ => None,
        };
        let (walked, searched, first) = if self.roles[p1].len() < self.roles[p2].len() {
            (&self.roles[p1], &self.roles[p2], true)
        } else {
            (&self.roles[p2], &self.roles[p1], false)
        };
        let mut plans: Vec<u32> = walked
            .iter()
            .filter(|r| {
                wanted(r.kind, first).is_some_and(|kind| {
                    searched.binary_search(&Role { plan: r.plan, kind }).is_ok()
                })
            })
            .map(|r| r.plan)
            .collect();
        plans.dedup();
        plans
    }
}

/// Words that introduce a user name: a social site (also as the domain of
/// a profile's address), "follow", "handle".
const HANDLE_CUES: [&str; 22] = [
    "follow",
    "handle",
    "username",
    "user",
    "login",
    "account",
    "profile",
    "instagram",
    "insta",
    "ig",
    "twitter",
    "tiktok",
    "facebook",
    "fb",
    "linkedin",
    "youtube",
    "snapchat",
    "threads",
    "bluesky",
    "mastodon",
    "pinterest",
    "reddit",
];

/// Words that may stand between a cue and the user name ("his handle is
/// dokafor", "user name: dokafor", "linkedin.com/in/dokafor").
const HANDLE_FILLERS: [&str; 9] = ["is", "name", "me", "at", "on", "com", "in", "u", "www"];

/// Is token `t` introduced as a user name: a cue word just before it, or
/// before up to two filler words?
fn handle_cued(s: &Stream, t: usize) -> bool {
    let mut i = t;
    for _ in 0..3 {
        if i == 0 || s.toks[i].sep == Sep::Hard {
            return false;
        }
        i -= 1;
        let w = s.tok(i);
        if HANDLE_CUES.contains(&w) {
            return true;
        }
        if !HANDLE_FILLERS.contains(&w) {
            return false;
        }
    }
    false
}
