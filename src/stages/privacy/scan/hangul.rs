//! Names in Korean Hangul (see [`fold::hangul`]): in the second reading a
//! name's run is its first syllable and the rest ("김민준" is "gim"
//! "minjun"). A pair of those words names a patient when the first is one
//! of the usual Latin spellings of a family name of that patient (김 is Kim
//! or Gim) and the second is the same patient's other name, as written or
//! as its Latin spellings sound alike ([`hangul::given_key`]: Min-jun,
//! Minjoon). Either order of the plan's names counts ("Kim Minjun",
//! "Minjun Kim"). A family name alone is not matched: one syllable is too
//! often a word (이 is "this").
//!
//! [`fold::hangul`]: super::super::fold::hangul

use super::super::fold::{Foreign, Sep, Stream, hangul};
use super::super::names::Kind;
use super::super::{Guard, PUBLIC, Role, What};
use ahash::AHashMap as HashMap;

/// Fewest sounds of a given name compared by [`hangul::given_key`] rather
/// than as written.
const GIVEN_SOUNDS: usize = 2;

/// The plans' given and family names: name → plans, plan → names.
#[derive(Default)]
pub struct Index {
    plans: HashMap<String, Vec<u32>>,
    names: HashMap<u32, Vec<String>>,
}

impl Index {
    pub(super) fn new(patterns: &[String], roles: &[Vec<Role>]) -> Index {
        let mut ix = Index::default();
        for (p, rs) in patterns.iter().zip(roles) {
            if !p.is_ascii() {
                continue;
            }
            let half = |r: &&Role| matches!(r.kind, Kind::Family | Kind::Given) && r.plan != PUBLIC;
            for r in rs.iter().filter(half) {
                let plans = ix.plans.entry(p.clone()).or_default();
                if !plans.contains(&r.plan) {
                    plans.push(r.plan);
                    ix.names.entry(r.plan).or_default().push(p.clone());
                }
            }
        }
        ix
    }
}

impl Guard {
    /// Patients named in Hangul, family name and given name together.
    pub(super) fn hangul_names(
        &self,
        s: &Stream,
        ix: &Index,
        hit: &mut impl FnMut(u32, What, &str, u32),
    ) {
        let korean = |i: usize| s.toks[i].foreign == Foreign::Hangul && s.toks[i].upper;
        for i in 1..s.toks.len() {
            let joined = matches!(s.toks[i].sep, Sep::Join | Sep::Space);
            if !(joined && korean(i - 1) && korean(i)) {
                continue;
            }
            let (family, other) = (s.tok(i - 1), s.tok(i));
            let key = hangul::given_key(other);
            // The patient's other name: not the one the family syllable
            // matched.
            let other_name = |name: &String, spelling: &str| {
                name != spelling
                    && (name == other
                        || key.chars().count() >= GIVEN_SOUNDS && hangul::given_key(name) == key)
            };
            let spellings = hangul::family_spellings(family).iter().copied();
            for spelling in spellings.chain([family]) {
                for &plan in ix.plans.get(spelling).map_or(&[][..], Vec::as_slice) {
                    let names = ix.names.get(&plan).map_or(&[][..], Vec::as_slice);
                    if names.iter().any(|n| other_name(n, spelling)) {
                        hit(plan, What::OtherAlphabet, spelling, s.toks[i - 1].line);
                    }
                }
            }
        }
    }
}
