//! The clinic's own public names: its clinicians (of site.yaml and of
//! every plan), its name and address. A patient's name inside one of these
//! is the clinic's, not a leak.

use super::super::fold::{Stream, fold};
use crate::content::config::Site;
use crate::content::plan::Plan;
use crate::stages::load::Source;
use ahash::AHashSet as HashSet;
use std::collections::BTreeSet;

/// The clinic's own public names (folded): clinicians of the site and of
/// every plan, the clinic's name and address. A patient's name inside one
/// of these is the clinic's, not a leak.
///
/// A plan's clinician whose name holds every word of a patient's name
/// ("Alexandra Nguyen", "Nguyen, Alexandra", "Dr. Alexandra Nguyen") is no
/// public name: it is a slip (the patient's name typed into `clinician:`),
/// or a clinician the guard cannot tell from the patient. Either way it
/// would make that patient's name public everywhere. site.yaml's
/// clinicians are the clinic's staff, and stay public.
pub(super) fn public_names(
    site: &Site,
    plans: &[&Source<Plan>],
    patients: &HashSet<&str>,
) -> PublicNames {
    let staff = plan_clinicians(plans.iter().copied())
        .into_iter()
        .filter(|c| !names_a_patient(c, patients));
    let clinicians = site
        .clinic
        .clinician
        .iter()
        .map(|c| c.name.as_str())
        .chain(staff);
    let mut out = BTreeSet::new();
    let mut words = BTreeSet::new();
    let mut initials = BTreeSet::new();
    let clinicians: Vec<&str> = clinicians.collect();
    for c in &clinicians {
        // "Dr. Rivera", "Rivera, Sam", "Sam R.": the clinician, however
        // written.
        let words: Vec<&str> = c.split_whitespace().collect();
        if let [first, .., last] = words[..] {
            for title in ["dr", "doctor", "mr", "mrs", "ms", "mx"] {
                out.insert(fold(&format!("{title} {last}")));
            }
            out.insert(fold(&format!("{last} {first}")));
            for w in &words[1..] {
                let initial: String = w.chars().take(1).collect();
                initials.insert(fold(&format!("{first} {initial}")));
            }
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
        words.extend(st.words().into_iter().map(str::to_string));
        if st.toks.len() >= 2 {
            out.insert(st.text);
        }
    }
    PublicNames {
        names: out,
        words,
        initials,
    }
}

/// The clinic's own public names, as [`public_names`] gathers them.
pub(super) struct PublicNames {
    /// Whole names and their forms (folded).
    pub(super) names: BTreeSet<String>,
    /// Their words (for names written in another alphabet, see
    /// [`super::fold::latin`]).
    pub(super) words: BTreeSet<String>,
    /// Clinicians' given names with an initial ("Sam R.").
    pub(super) initials: BTreeSet<String>,
}

/// The folded words of a name, sorted (order and punctuation aside).
/// The clinicians the plans name, sorted, each once: public names that
/// one plan gives every page (see `public_names`), so a cached verdict
/// holds only while they stay the same.
pub fn plan_clinicians<'a>(plans: impl IntoIterator<Item = &'a Source<Plan>>) -> BTreeSet<&'a str> {
    plans
        .into_iter()
        .filter_map(|p| p.value.clinician.as_ref())
        .map(|c| c.name.as_str())
        .collect()
}

/// A patient's name as [`names_a_patient`] compares it.
pub(super) fn name_key(plan: &Plan) -> String {
    name_words(&plan.patient.name).join(" ")
}

fn name_words(name: &str) -> Vec<String> {
    let mut w: Vec<String> = Stream::of(name)
        .words()
        .into_iter()
        .map(str::to_string)
        .collect();
    w.sort();
    w.dedup();
    w
}

/// Do the words of `name` include all the words of a patient's name of
/// two words or more (`patients`: see [`name_words`])?
fn names_a_patient(name: &str, patients: &HashSet<&str>) -> bool {
    let words = name_words(name);
    // A clinician's name has a handful of words: try every part of it.
    let n = words.len().min(8);
    (1u32..1 << n).any(|mask| {
        let part: Vec<&str> = (0..n)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| words[i].as_str())
            .collect();
        part.len() >= 2 && patients.contains(part.join(" ").as_str())
    })
}
