//! Near spellings next to the other half of a name ("Walt Kaminsky",
//! "Kaminksi, Walter", "Dorthy Walker"), both halves spelt otherwise
//! ("Dorthy Walkr", "Lopes, Marya"), and variants of a given name next to
//! the family name ("Dorothea Walker"): see [`names::near`]. A word that
//! sounds like the other half ([`sound_key`]: "Walter Camminski") is near
//! too, where the sound is distinctive enough.

use super::super::fold::latin::{sound_key, sound_spelling};
use super::super::fold::{Sep, Stream};
use super::super::names::{self, Kind};
use super::super::{Guard, PUBLIC, Role, What};

/// Titles of a profession, not of address: a doctor's or a professor's
/// name on a clinic's page is often someone else's (see
/// [`Guard::titled_near_names`]).
const PROFESSIONAL: [&str; 6] = ["dr", "doctor", "dra", "doctora", "prof", "professor"];

/// Fewest sounds ([`sound_key`]) of a word matched by sound next to the
/// other half of a name: "Camminski" (kmnsk) for Kaminski, not "Reed"
/// (rd) for Reid, which too many words sound like.
const SOUND_MIN: usize = 3;

/// Fewest letters of a word, and of the family name it is one letter
/// from, read as that family name alone (see [`Guard::near_alone`]); one
/// of the two has a letter more.
const ALONE_MIN: usize = 6;

impl Guard {
    /// A name next to the other half of it spelt one letter wrong ("Walt
    /// Kaminsky", "Kaminksi, Walter", "Dorthy Walker"): a typo names the
    /// patient as well as the name does, even where the family name alone
    /// is an allowed word. The misspelt word must start with a capital, as
    /// a name does, so that "Maria walked" is not read as "Maria Walker".
    pub(super) fn near_names<'g>(
        &'g self,
        s: &Stream,
        found: &[(usize, usize, usize, bool)],
        public: &[(usize, usize)],
        out: &mut Vec<(u32, What, &'g str, usize, usize)>,
    ) {
        if self.near.is_empty() {
            return;
        }
        // A word that is a name (or part of one) in its own right is read
        // as that name; a story's display name is no name in this sense
        // ("Walt Kaminsky" as a display name is still a typo of his).
        let mut named: Option<Vec<bool>> = None;
        // Given then family ("Walt Kaminski", "Walt-Kaminski"), or family
        // then given ("Kaminski, Walt").
        let given_first = |sep: Sep| matches!(sep, Sep::Space | Sep::Join | Sep::Dash);
        let family_first = |sep: Sep| matches!(sep, Sep::Space | Sep::Comma);
        for &(p, a, b, _) in found {
            // Flags gathered once per pattern (see `Owners`): a common
            // given name has thousands of roles and is met on every page.
            let own = &self.roles[p];
            let is_family = self.owners[p].family;
            if !(self.owners[p].given || is_family) || super::inside(public, a, b) {
                continue;
            }
            let sep_after = s.toks.get(b + 1).map(|t| t.sep);
            let after = |ok: &dyn Fn(Sep) -> bool| sep_after.filter(|s| ok(*s)).map(|_| b + 1);
            let before = |ok: &dyn Fn(Sep) -> bool| a.checked_sub(1).filter(|_| ok(s.toks[a].sep));
            let mut sides = Vec::new();
            if self.owners[p].given {
                sides.push((after(&given_first), Kind::Family));
                sides.push((before(&family_first), Kind::Family));
            }
            if is_family {
                sides.push((after(&family_first), Kind::Given));
                sides.push((before(&given_first), Kind::Given));
            }
            for (t, want) in sides {
                let Some(t) = t else { continue };
                // "Omar al-Rasheed": the article of the family name stands
                // between the two halves.
                let t = if want == Kind::Family {
                    article_skipped(s, t)
                } else {
                    t
                };
                let w = s.tok(t);
                if !s.toks[t].upper || s.toks[t].digits || self.site_words.contains(w) {
                    continue;
                }
                let named = named.get_or_insert_with(|| self.named_tokens(s, found));
                if named[t] {
                    continue;
                }
                // A variant of the given name next to the family name
                // written as a name ("Dorothea Walker").
                let variants = if want == Kind::Given && s.toks[a].upper {
                    self.variant_patterns(w)
                } else {
                    Vec::new()
                };
                for q in self
                    .near_patterns(w, names::near::NEAR_MIN)
                    .into_iter()
                    .chain(variants)
                    .chain(self.sound_patterns(w, Some(want)))
                {
                    let (family, mine) = match want {
                        Kind::Family => (q, Kind::Given),
                        _ => (p, Kind::Family),
                    };
                    for r in self.roles[q]
                        .iter()
                        .filter(|r| r.kind == want && r.plan != PUBLIC)
                    {
                        let role = Role {
                            plan: r.plan,
                            kind: mine,
                        };
                        if own.binary_search(&role).is_ok()
                            && !self.allowed_words.contains(&(r.plan, w.to_string()))
                        {
                            let key = self.patterns[family].as_str();
                            out.push((r.plan, What::NearName, key, a.min(t), b.max(t)));
                        }
                    }
                }
            }
        }
    }

    /// Both halves of a name each one letter off, side by side ("Dorthy
    /// Walkr", "Walther Kaminsky", "Lopes, Marya"): two typos name the
    /// patient as surely as one. Both words must be written as names
    /// (capitals), neither may be a name found as written (that reading
    /// wins, as in [`Guard::near_names`]), and both must be one edit from
    /// the given and the family name of the same patient.
    pub(super) fn near_pairs<'g>(
        &'g self,
        s: &Stream,
        found: &[(usize, usize, usize, bool)],
        public: &[(usize, usize)],
        out: &mut Vec<(u32, What, &'g str, usize, usize)>,
    ) {
        if self.near.is_empty() {
            return;
        }
        let mut named: Option<Vec<bool>> = None;
        // Near patterns of each token, looked up once (a token is the second
        // word of one pair and the first of the next).
        let mut near: Vec<Option<Vec<usize>>> = vec![None; s.toks.len()];
        // Words of a title-case heading ("And Ready For…") are capitals
        // too: "And" is one letter from "Andy" but never his name.
        let candidate = |t: usize| {
            let (tok, w) = (&s.toks[t], s.tok(t));
            tok.upper
                && !tok.digits
                && w.chars().count() >= names::near::PAIR_MIN
                && !super::HEADING_WORDS.contains(&w)
                && !self.site_words.contains(w)
        };
        for t in 1..s.toks.len() {
            let (given, family) = match s.toks[t].sep {
                Sep::Space | Sep::Join | Sep::Dash => (t - 1, t),
                Sep::Comma => (t, t - 1),
                _ => continue,
            };
            if !candidate(t - 1) || !candidate(t) || super::inside(public, t - 1, t) {
                continue;
            }
            let named = named.get_or_insert_with(|| self.named_tokens(s, found));
            if named[t - 1] || named[t] {
                continue;
            }
            for i in [t - 1, t] {
                if near[i].is_none() {
                    let w = s.tok(i);
                    let mut n = self.near_patterns(w, names::near::PAIR_MIN);
                    n.extend(self.sound_patterns(w, None));
                    near[i] = Some(n);
                }
            }
            let (Some(gs), Some(fs)) = (&near[given], &near[family]) else {
                continue;
            };
            let long = |&&f: &&usize| self.patterns[f].chars().count() >= names::near::NEAR_MIN;
            for &f in fs.iter().filter(long) {
                for r in self.roles[f]
                    .iter()
                    .filter(|r| r.kind == Kind::Family && r.plan != PUBLIC)
                {
                    let given_role = Role {
                        plan: r.plan,
                        kind: Kind::Given,
                    };
                    let both = gs
                        .iter()
                        .any(|&g| self.roles[g].binary_search(&given_role).is_ok());
                    let allowed = [given, family]
                        .iter()
                        .any(|&i| self.allowed_words.contains(&(r.plan, s.tok(i).to_string())));
                    if both && !allowed {
                        let key = self.patterns[f].as_str();
                        out.push((r.plan, What::NearName, key, t - 1, t));
                    }
                }
            }
        }
    }

    /// A title next to a word one letter from a family name ("Mr.
    /// Kaminsky", "Mrs Walkr", "Sra. Hernandes"): the title says the word
    /// is a family name, and a typo of one names the patient as it does.
    /// Professional titles are left out: "Dr. Smyth" is more often the
    /// surgeon than a slip for Smith.
    pub(super) fn titled_near_names<'g>(
        &'g self,
        s: &Stream,
        found: &[(usize, usize, usize, bool)],
        public: &[(usize, usize)],
        out: &mut Vec<(u32, What, &'g str, usize, usize)>,
    ) {
        if self.near.is_empty() {
            return;
        }
        let mut named: Option<Vec<bool>> = None;
        for t in 1..s.toks.len() {
            let tok = &s.toks[t];
            // "Mr. Al Rasheed", "Mrs. al-Rasheed": the title, the
            // article, the name.
            let article = t >= 2 && article_skipped(s, t - 1) == t;
            let title_at = if article { t - 2 } else { t - 1 };
            let sep = s.toks[title_at + 1].sep;
            if !tok.upper || tok.digits || tok.code || !matches!(sep, Sep::Space | Sep::Dot) {
                continue;
            }
            let title = s.tok(title_at);
            if !names::is_title_word(title) || PROFESSIONAL.contains(&title) {
                continue;
            }
            let w = s.tok(t);
            if self.site_words.contains(w) || super::inside(public, t, t) {
                continue;
            }
            let named = named.get_or_insert_with(|| self.named_tokens(s, found));
            if named[t] {
                continue;
            }
            // One letter off, or spelt as it sounds ("Mr. Al Rasheed" for
            // al-Rashid), as next to a given name.
            let mut near = self.near_patterns(w, names::near::NEAR_MIN);
            near.extend(self.sound_patterns(w, Some(Kind::Family)));
            for q in near {
                for r in self.roles[q]
                    .iter()
                    .filter(|r| r.kind == Kind::Family && r.plan != PUBLIC)
                {
                    if !self.allowed_words.contains(&(r.plan, w.to_string())) {
                        out.push((r.plan, What::TitledName, &self.patterns[q], title_at, t));
                    }
                }
            }
        }
    }

    /// A word one letter from a long family name, alone, written as a
    /// name ("Kaminsky", "Schmit" for Schmidt, "Walensa" for Wałęsa), on a
    /// page that names the same patient otherwise (`named`: a given name,
    /// the display name): the page tells whose name it misspells. Seven
    /// letters at least in the longer of the two, six in the shorter: a
    /// shorter name is a letter from too many words ("Walked" for Walker).
    pub(super) fn near_alone<'g>(
        &'g self,
        s: &Stream,
        found: &[(usize, usize, usize, bool)],
        public: &[(usize, usize)],
        named: &[usize],
        out: &mut Vec<(u32, What, &'g str, usize, usize)>,
    ) {
        if self.near.is_empty() || named.is_empty() {
            return;
        }
        let mut named_toks: Option<Vec<bool>> = None;
        for t in 0..s.toks.len() {
            let (tok, w) = (&s.toks[t], s.tok(t));
            let n = w.chars().count();
            if !tok.upper
                || tok.digits
                || tok.code
                || n < ALONE_MIN
                || super::HEADING_WORDS.contains(&w)
                || self.site_words.contains(w)
                || super::inside(public, t, t)
            {
                continue;
            }
            let named_toks = named_toks.get_or_insert_with(|| self.named_tokens(s, found));
            if named_toks[t] {
                continue;
            }
            for q in self.near_patterns(w, ALONE_MIN) {
                let key = self.patterns[q].as_str();
                if n.max(key.chars().count()) < ALONE_MIN + 1 {
                    continue;
                }
                for r in self.roles[q]
                    .iter()
                    .filter(|r| r.kind == Kind::Family && r.plan != PUBLIC)
                {
                    if self.names_plan(named, r.plan)
                        && !self.allowed_words.contains(&(r.plan, w.to_string()))
                    {
                        out.push((r.plan, What::Surname, key, t, t));
                    }
                }
            }
        }
    }

    /// The patterns of kind `kind` (given or family name; `None`: either,
    /// the word's sound worked out once for both) that `w` sounds like
    /// but is not spelt as (see [`sound_key`]), where the sound has
    /// [`SOUND_MIN`] parts or more and `w` is a name's length. Spelt by
    /// sound with the vowels ([`sound_spelling`]), the two may differ by
    /// one letter at most, and not in the last (an ending makes another
    /// form of a name): "Camminski" and "Katharine" are Kaminski and
    /// Catherine as heard, "Kaminskaya" is another name with Kaminski's
    /// consonants.
    fn sound_patterns(&self, w: &str, kind: Option<Kind>) -> Vec<usize> {
        if w.chars().count() < names::near::PAIR_MIN {
            return Vec::new();
        }
        let key = sound_key(w);
        if key.chars().count() < SOUND_MIN || self.public_sounds.contains(&key) {
            return Vec::new();
        }
        let mut out: Vec<usize> = self
            .sounds()
            .named(&key)
            .iter()
            .filter(|(_, r)| kind.is_none_or(|k| r.kind == k))
            .filter(|(p, _)| self.patterns[*p as usize] != w)
            .map(|(p, _)| *p as usize)
            .collect();
        if !out.is_empty() {
            let heard = sound_spelling(w);
            out.retain(|&p| {
                let name = sound_spelling(&self.patterns[p]);
                name == heard
                    || names::near::one_edit_apart(&name, &heard)
                        && name.chars().last() == heard.chars().last()
            });
        }
        out.dedup();
        out
    }

    /// Which tokens are part of a name found (other than a display name).
    fn named_tokens(&self, s: &Stream, found: &[(usize, usize, usize, bool)]) -> Vec<bool> {
        let mut named = vec![false; s.toks.len()];
        for f in found.iter().filter(|f| self.owners[f.0].named) {
            named[f.1..=f.2].iter_mut().for_each(|n| *n = true);
        }
        named
    }

    /// The given-name patterns `w` is a variant of (see
    /// [`names::near::variant_of`]), other than those one edit from it.
    fn variant_patterns(&self, w: &str) -> Vec<usize> {
        let Some(stem) = names::near::stem(w) else {
            return Vec::new();
        };
        self.stems
            .get(stem)
            .into_iter()
            .flatten()
            .map(|&q| q as usize)
            .filter(|&q| {
                let p = &self.patterns[q];
                names::near::variant_of(w, p) && !names::near::one_edit_apart(w, p)
            })
            .collect()
    }

    /// The given- and family-name patterns of `min` characters or more one
    /// edit from `w` (see [`names::near`]).
    pub(super) fn near_patterns(&self, w: &str, min: usize) -> Vec<usize> {
        let mut out = Vec::new();
        if w.chars().count() + 1 < min {
            return out;
        }
        for key in names::near::deletion_keys(w) {
            for &q in self.near.get(&key).into_iter().flatten() {
                let q = q as usize;
                let p = &self.patterns[q];
                if !out.contains(&q)
                    && p.chars().count() >= min
                    && names::near::one_edit_apart(w, p)
                {
                    out.push(q);
                }
            }
        }
        out
    }
}

/// Articles a family name is written with, apart from it ("al-Rashid", "el
/// Amrani"): the word after one at token `t`, when one stands there and
/// a name follows it (joined by a space or a hyphen); else `t`.
fn article_skipped(s: &Stream, t: usize) -> usize {
    const ARTICLES: [&str; 3] = ["al", "el", "ul"];
    let next = s.toks.get(t + 1);
    match ARTICLES.contains(&s.tok(t))
        && next.is_some_and(|n| matches!(n.sep, Sep::Space | Sep::Dash))
    {
        true => t + 1,
        false => t,
    }
}
