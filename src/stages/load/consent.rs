//! Consent is the patient's, not the file's: a patient who revoked
//! consent in one plan has revoked it for every story of theirs, so a
//! second plan for the same person (a new episode, `maria.yml` beside
//! `maria-lopez.yaml`) cannot publish what the first withdrew. And a
//! patient's story is told once: when two plans of one patient could both
//! publish theirs (a new episode's plan copied from the old one, story and
//! all), only one is published.

use super::Clinic;
use crate::base::date::Date;
use crate::content::plan::{ConsentProblem, Patient};
use std::collections::BTreeMap;

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
        // `same_patient` needs the same birth date, so only plans with a
        // story and one birth date can share a patient's story.
        let mut by_birth: BTreeMap<Date, Vec<usize>> = BTreeMap::new();
        for (i, p) in self.plans.iter().enumerate() {
            if let (Some(_), Some(born)) = (&p.value.story, p.value.patient.birth_date) {
                by_birth.entry(born).or_default().push(i);
            }
        }
        Revocations {
            clinic: self,
            revoked,
            by_birth,
        }
    }
}

/// The plans of a [`Clinic`] whose story's consent is revoked (few, most
/// often none), to judge every other plan of the same patient by.
pub struct Revocations<'a> {
    clinic: &'a Clinic,
    revoked: Vec<usize>,
    /// Plans with a story, by the patient's birth date.
    by_birth: BTreeMap<Date, Vec<usize>>,
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
        if self.elsewhere(i).is_some() {
            return Err(ConsentProblem::RevokedElsewhere);
        }
        match self.published_elsewhere(i, today) {
            Some(_) => Err(ConsentProblem::PublishedElsewhere),
            None => Ok(()),
        }
    }

    /// The index of the plan of the same patient whose story is published
    /// on `today` instead of plan `i`'s, if any: of the patient's plans
    /// whose story would be published on its own (not a draft, not
    /// scheduled later, its consent good), the one first published
    /// (earliest `published_on`, then first in plan order) is, so the site
    /// does not tell one patient's story twice.
    pub fn published_elsewhere(&self, i: usize, today: Date) -> Option<usize> {
        let me = &self.clinic.plans.get(i)?.value.patient;
        let rivals = self.by_birth.get(&me.birth_date?)?;
        let first = rivals
            .iter()
            .copied()
            .filter(|&j| j == i || same_patient(me, &self.clinic.plans[j].value.patient))
            .filter(|&j| self.publishes_alone(j, today))
            .min_by_key(|&j| {
                let on = self.clinic.plans[j].value.story.as_ref()?.published_on;
                Some((on.is_none(), on, j))
            })?;
        (first != i && self.publishes_alone(i, today)).then_some(first)
    }

    /// Whether plan `j`'s story is published on `today` judged by itself
    /// and revocations alone: not a draft, not scheduled for later, its
    /// consent good and not revoked in another plan.
    fn publishes_alone(&self, j: usize, today: Date) -> bool {
        let Some(plan) = self.clinic.plans.get(j).map(|p| &p.value) else {
            return false;
        };
        let Some(story) = &plan.story else {
            return false;
        };
        !plan.draft
            && story.published_on.is_none_or(|d| d <= today)
            && story.consent_status(today).is_ok()
            && self.elsewhere(j).is_none()
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
