//! Consent is the patient's, not the file's: a patient who revoked
//! consent in one plan has revoked it for every story of theirs, so a
//! second plan for the same person (a new episode, `maria.yml` beside
//! `maria-lopez.yaml`) cannot publish what the first withdrew.

use super::Clinic;
use crate::base::date::Date;
use crate::content::plan::{ConsentProblem, Patient};

impl Clinic {
    /// The plans whose story's consent is revoked, found once, to ask
    /// about any plan of the same patient (see [`Revocations`]).
    pub fn revocations(&self) -> Revocations<'_> {
        let revoked = self
            .plans
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                let consent = p.value.story.as_ref().and_then(|s| s.consent.as_ref());
                consent.is_some_and(|c| c.revoked)
            })
            .map(|(j, _)| j)
            .collect();
        Revocations {
            clinic: self,
            revoked,
        }
    }
}

/// The plans of a [`Clinic`] whose story's consent is revoked (few, most
/// often none), to judge every other plan of the same patient by.
pub struct Revocations<'a> {
    clinic: &'a Clinic,
    revoked: Vec<usize>,
}

impl Revocations<'_> {
    /// The index in [`Clinic::plans`] of another plan of the same patient
    /// (see [`same_patient`]) whose story's consent is revoked, if any.
    pub fn elsewhere(&self, i: usize) -> Option<usize> {
        let me = &self.clinic.plans.get(i)?.value.patient;
        self.revoked
            .iter()
            .copied()
            .find(|&j| j != i && same_patient(me, &self.clinic.plans[j].value.patient))
    }

    /// Whether plan `i`'s story may be published on `today`: its own
    /// consent ([`crate::content::plan::StoryBlock::consent_status`]; a
    /// plan without a story has none: `Missing`), and no other plan of the
    /// same patient revoked it ([`ConsentProblem::RevokedElsewhere`]).
    pub fn story_consent(&self, i: usize, today: Date) -> Result<(), ConsentProblem> {
        let story = self
            .clinic
            .plans
            .get(i)
            .and_then(|p| p.value.story.as_ref());
        story
            .ok_or(ConsentProblem::Missing)?
            .consent_status(today)?;
        match self.elsewhere(i) {
            Some(_) => Err(ConsentProblem::RevokedElsewhere),
            None => Ok(()),
        }
    }
}

/// Two plans are of the same person when both give the same birth date
/// and the same name (letters and digits, any case, accents apart), email
/// or phone (digits).
pub fn same_patient(a: &Patient, b: &Patient) -> bool {
    // Accents apart (NFD, marks dropped): "María López" is "Maria Lopez".
    fn letters(s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        s.nfd()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    }
    fn digits(s: &str) -> String {
        s.chars().filter(char::is_ascii_digit).collect()
    }
    let same =
        |x: Option<String>, y: Option<String>| x.is_some_and(|x| !x.is_empty() && Some(x) == y);
    a.birth_date.is_some()
        && a.birth_date == b.birth_date
        && (same(Some(letters(&a.name)), Some(letters(&b.name)))
            || same(
                a.email.as_deref().map(letters),
                b.email.as_deref().map(letters),
            )
            || same(
                a.phone.as_deref().map(digits),
                b.phone.as_deref().map(digits),
            ))
}
