//! Names written in another alphabet: the second reading of a file, with
//! Cyrillic, Greek, Arabic, Hebrew and the rest in Latin letters (see
//! [`fold::latin`]), is scanned like the first, and then by sound:
//!
//! - a word that sounds like a patient's family name next to one that
//!   sounds like the same patient's given name ("Александра Нгуен",
//!   "Дороти Уокер");
//! - alone, a word that sounds like a family name and is spelt like it
//!   once read by sound ("Нгуен", "Лопес", "Эрнандес"), or in Hebrew or
//!   Arabic, which leave vowels out, a word whose consonants are a family
//!   name's (five sounds or more: "كامينسكي").
//!
//! Both words must be written as names are (a capital where the alphabet
//! has capitals).
//!
//! Words read from kana are compared by the sounds kana can write
//! ([`kana::sound_key`]: `l` and `r` one, `v` as `b`) with the names as
//! kana would write them ([`kana::name_keys`]: "ウォルター・カミンスキー"),
//! given and family name together.
//!
//! The other way round, Latin text is read by sound too, for the patients
//! whose plan writes the name in another alphabet: its Latin spellings
//! vary (Иван Петров is Ivan Petrov, Iwan Petrow, Ivan Petroff).

use super::super::fold::kana;
use super::super::fold::latin::{by_ear, sound_key, sound_spelling};
use super::super::fold::{Foreign, Sep, Stream, Tok};
use super::super::names::Kind;
use super::super::{Guard, PUBLIC, Role, What};
use ahash::{AHashMap as HashMap, AHashSet as HashSet};

/// Fewest sounds of a family name matched alone by its consonants.
const CONSONANTS_ALONE: usize = 5;
/// Fewest sounds of a given and a family name, together, matched as a pair
/// in an alphabet without vowels.
const PAIR_CONSONANTS: usize = 6;
/// Fewest letters of a family name matched alone by its sound.
const ALONE_MIN: usize = 4;

/// Sound key → (pattern, role) of the plans' given and family names.
#[derive(Default)]
pub struct Sounds {
    /// Every plan's.
    keys: HashMap<String, Vec<(u32, Role)>>,
    /// Only those of patients whose plan writes the name in another
    /// alphabet: their Latin spellings vary too (Иван Петров is Ivan
    /// Petrov, Iwan Petrow, Ivan Petroff).
    written_otherwise: HashMap<String, Vec<(u32, Role)>>,
    /// Every plan's, as kana would write them ([`kana::name_keys`]): made
    /// when a file first has kana.
    kana: std::sync::OnceLock<Keys>,
    /// Every plan's names, for Hangul (see [`super::hangul`]): made when a
    /// file first has Hangul.
    hangul: std::sync::OnceLock<super::hangul::Index>,
}

/// Which words of a stream [`Guard::sound_names`] reads, and how.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    /// Latin text.
    Latin,
    /// Words read from an alphabet.
    Alphabet,
    /// Words read from kana.
    Kana,
}

impl Side {
    fn reads(self, t: &Tok) -> bool {
        match self {
            Side::Latin => t.foreign == Foreign::No,
            Side::Alphabet => !matches!(t.foreign, Foreign::No | Foreign::Kana | Foreign::Hangul),
            Side::Kana => t.foreign == Foreign::Kana,
        }
    }

    fn key(self, w: &str) -> String {
        match self {
            Side::Kana => kana::sound_key(w),
            _ => sound_key(w),
        }
    }
}

type Keys = HashMap<String, Vec<(u32, Role)>>;

impl Sounds {
    /// The plans' given and family names (pattern, role) whose sound key
    /// ([`sound_key`]) is `key`.
    pub(super) fn named(&self, key: &str) -> &[(u32, Role)] {
        self.keys.get(key).map_or(&[], Vec::as_slice)
    }

    fn new(patterns: &[String], roles: &[Vec<Role>], otherwise: &HashSet<u32>) -> Sounds {
        let keys = Self::of(patterns, roles, |_| true);
        let written_otherwise = if otherwise.is_empty() {
            Keys::new()
        } else {
            Self::of(patterns, roles, |plan| otherwise.contains(&plan))
        };
        Sounds {
            keys,
            written_otherwise,
            kana: Default::default(),
            hangul: Default::default(),
        }
    }

    fn of(patterns: &[String], roles: &[Vec<Role>], plans: impl Fn(u32) -> bool) -> Keys {
        // Walker as Уокер: English spelling's silent letters.
        let keys = |p: &str| std::iter::once(sound_key(p)).chain(by_ear(p).map(|e| sound_key(&e)));
        Self::keyed(patterns, roles, plans, |p| keys(p).collect())
    }

    fn keyed(
        patterns: &[String],
        roles: &[Vec<Role>],
        plans: impl Fn(u32) -> bool,
        keys_of: impl Fn(&str) -> Vec<String>,
    ) -> Keys {
        let mut keys: Keys = HashMap::new();
        for (id, (p, rs)) in patterns.iter().zip(roles).enumerate() {
            if !p.is_ascii() {
                // Names in other scripts have their Latin forms (see `names`).
                continue;
            }
            let half = |r: &&Role| {
                matches!(r.kind, Kind::Family | Kind::Given) && r.plan != PUBLIC && plans(r.plan)
            };
            let mut halves = rs.iter().filter(half).peekable();
            if halves.peek().is_none() {
                continue;
            }
            let halves: Vec<(u32, Role)> = halves.map(|r| (id as u32, *r)).collect();
            for key in keys_of(p) {
                if key.chars().count() >= 2 {
                    let entry = keys.entry(key).or_default();
                    entry.extend(halves.iter().copied());
                    entry.dedup();
                }
            }
        }
        keys
    }
}

impl Guard {
    /// The names of the second reading of a file: exact (as the first), and
    /// by sound. Returns the patterns found (see [`Guard::scan_names`]).
    pub(super) fn scan_alphabets(
        &self,
        s: &Stream,
        hit: &mut impl FnMut(u32, What, &str, u32),
    ) -> Vec<usize> {
        // A name written in another alphabet in its plan is compared as
        // written, in the first reading: in Latin letters, Arabic الظهر
        // ("the back") and the family name الزهراء are both "lzhr".
        let mut hit = |plan: u32, what: What, key: &str, line: u32| {
            if !self.written_otherwise.contains(&plan) {
                hit(plan, what, key, line);
            }
        };
        let named = self.scan_names(s, &mut hit);
        self.sound_names(s, &self.sounds().keys, Side::Alphabet, &mut hit);
        if s.toks.iter().any(|t| t.foreign == Foreign::Kana) {
            let kana = self.sounds().kana.get_or_init(|| {
                Sounds::keyed(&self.patterns, &self.roles, |_| true, kana::name_keys)
            });
            self.sound_names(s, kana, Side::Kana, &mut hit);
        }
        if s.toks.iter().any(|t| t.foreign == Foreign::Hangul) {
            let ix = self
                .sounds()
                .hangul
                .get_or_init(|| super::hangul::Index::new(&self.patterns, &self.roles));
            self.hangul_names(s, ix, &mut hit);
        }
        named
    }

    /// Latin text, by sound, against the patients whose plan writes the
    /// name in another alphabet ("Iwan Petrow" for Иван Петров).
    pub(super) fn scan_written_otherwise(
        &self,
        s: &Stream,
        hit: &mut impl FnMut(u32, What, &str, u32),
    ) {
        if !self.written_otherwise.is_empty() {
            self.sound_names(s, &self.sounds().written_otherwise, Side::Latin, hit);
        }
    }

    pub(super) fn sounds(&self) -> &Sounds {
        self.sounds
            .get_or_init(|| Sounds::new(&self.patterns, &self.roles, &self.written_otherwise))
    }

    /// Names by sound: in the second reading (the words read from
    /// another alphabet, or from kana), or in Latin text.
    fn sound_names(
        &self,
        s: &Stream,
        sounds: &Keys,
        side: Side,
        hit: &mut impl FnMut(u32, What, &str, u32),
    ) {
        if sounds.is_empty() {
            return;
        }
        // Only words of the side read (a Latin neighbour in the second
        // reading is matched as written, not by sound).
        let key = |i: usize| {
            let t = &s.toks[i];
            (side.reads(t) && t.upper && !t.digits).then(|| side.key(s.tok(i)))
        };
        let keys: Vec<Option<String>> = (0..s.toks.len()).map(key).collect();
        let roles = |i: usize| {
            keys[i]
                .as_ref()
                .and_then(|k| sounds.get(k))
                .map_or(&[][..], Vec::as_slice)
        };
        for (i, t) in s.toks.iter().enumerate() {
            let Some(k) = keys[i].as_deref() else {
                continue;
            };
            if self.public_sounds.contains(k) {
                continue;
            }
            let w = s.tok(i);
            let pairs = |n: usize| matches!(s.toks[n].sep, Sep::Space | Sep::Comma | Sep::Join);
            let mut neighbours = Vec::new();
            if i > 0 && pairs(i) {
                neighbours.push(i - 1);
            }
            if i + 1 < s.toks.len() && pairs(i + 1) {
                neighbours.push(i + 1);
            }
            for &(p, r) in roles(i).iter().filter(|(_, r)| r.kind == Kind::Family) {
                let family = self.patterns[p as usize].as_str();
                // Without vowels, short names sound like too many words:
                // "Sandy Szabo" would be "sd sb".
                let enough = |n: usize| {
                    t.foreign != Foreign::Consonants
                        || k.len() + keys[n].as_ref().map_or(0, String::len) >= PAIR_CONSONANTS
                };
                let given = |n: &usize| {
                    enough(*n)
                        && roles(*n)
                            .iter()
                            .any(|(_, g)| g.plan == r.plan && g.kind == Kind::Given)
                };
                let paired = neighbours.iter().any(given);
                // Allowed as written ("Эрнандес"), or as the family name;
                // spelt as the plan does, it is matched as written.
                let alone = w != family
                    && !t.code
                    && !self.site_words.contains(w)
                    && !self.allowed_words.contains(&(r.plan, w.to_string()))
                    && self.alone_counts(r.plan, family)
                    && Self::sounds_alone(t.foreign, w, k, family);
                if paired || alone {
                    hit(r.plan, What::OtherAlphabet, family, t.line);
                }
            }
        }
    }

    /// Does `w` (sound key `k`, the same as `family`'s), alone, name the
    /// family name `family`: is it spelt as it sounds ("Лопес", "Нгуен",
    /// "Эрнандес"; not "Каменский" for Kaminski), or, in an alphabet
    /// without vowels, long enough?
    fn sounds_alone(foreign: Foreign, w: &str, k: &str, family: &str) -> bool {
        let spelt =
            family.chars().count() >= ALONE_MIN && sound_spelling(w) == sound_spelling(family);
        spelt || (foreign == Foreign::Consonants && k.chars().count() >= CONSONANTS_ALONE)
    }
}
