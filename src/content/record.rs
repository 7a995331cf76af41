//! The story record format (`content/stories/<slug>.yaml`): one public
//! success story, already de-identified, with the consent terms it may be
//! published under and nothing else.
//!
//! `heropath stories export DIR` writes these from consented plans, so a
//! website repository can hold the stories without holding any plan. The
//! file name is the story's address (`stories/<slug>/`). A record carries
//! no patient name, contact, birth date, visit date, signing date or plan
//! path; unknown keys are errors, so none can be added by hand either.

use crate::base::date::Date;
use crate::content::plan::{ConsentProblem, StoryBlock, expiry_status, website_in_scope};
use serde::{Deserialize, Serialize};

/// A de-identified story. Keys are declared (and written) in alphabetical
/// order, so an exported file is the same bytes for the same story.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StoryRecord {
    /// Markdown written for the public.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The terms the patient agreed to; without it the story is not published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<RecordConsent>,
    /// The only name shown publicly (e.g. `Maria L.`).
    pub display_name: String,
    /// Days the story tells on purpose, which the patient agreed to make
    /// public (copied from the plan's story).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub public_dates: Vec<Date>,
    /// Publication date (feed order); a future date schedules the story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_on: Option<Date>,
    /// A short quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Condition tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Title; the story's address comes from the file name.
    pub title: String,
}

/// The consent terms a record is published under (no signing date: that is
/// a visit date, kept with the plan).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordConsent {
    /// After this date the story is not published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<Date>,
    /// The patient withdrew consent (exports never write `true`: a revoked
    /// story is not exported at all).
    #[serde(default, skip_serializing_if = "is_false")]
    pub revoked: bool,
    /// Where it may be used; must include `website`.
    #[serde(default)]
    pub scope: Vec<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl StoryRecord {
    /// The record of a plan's story: only the public fields. Consent keeps
    /// its scope and expiry, never its signing date; `public_words` (the
    /// patient's surname, often) stays with the plan.
    pub fn from_block(s: &StoryBlock) -> StoryRecord {
        StoryRecord {
            body: s.body.clone(),
            consent: s.consent.as_ref().map(|c| RecordConsent {
                expires_on: c.expires_on,
                revoked: c.revoked,
                scope: c.scope.clone(),
            }),
            display_name: s.display_name.clone(),
            public_dates: s.public_dates.clone(),
            published_on: s.published_on,
            quote: s.quote.clone(),
            tags: s.tags.clone(),
            title: s.title.clone(),
        }
    }

    /// May the record be published on `today`? The same rules as a plan's
    /// story ([`StoryBlock::consent_status`]) but the signing date, which a
    /// record does not carry.
    pub fn consent_status(&self, today: Date) -> Result<(), ConsentProblem> {
        let c = self.consent.as_ref().ok_or(ConsentProblem::Missing)?;
        if c.revoked {
            return Err(ConsentProblem::Revoked);
        }
        if !website_in_scope(&c.scope) {
            return Err(ConsentProblem::OutOfScope);
        }
        expiry_status(c.expires_on, today)
    }

    /// Is it on the website on `today`: consent valid, publication day come?
    pub fn is_public(&self, today: Date) -> bool {
        self.published_on.is_none_or(|d| d <= today) && self.consent_status(today).is_ok()
    }

    /// Every piece of free text in the record, by key, for the privacy
    /// guard (dates are structured and public by design).
    pub fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut out = vec![("title", self.title.as_str())];
        out.push(("display_name", &self.display_name));
        out.extend(self.quote.as_deref().map(|q| ("quote", q)));
        out.extend(self.body.as_deref().map(|b| ("body", b)));
        out.extend(self.tags.iter().map(|t| ("tags", t.as_str())));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(consent: &str) -> StoryRecord {
        let text = format!("title: T\ndisplay_name: D.\n{consent}");
        serde_yaml::from_str(&text).expect("a record")
    }

    #[test]
    fn consent_rules_match_a_plans_but_the_signing_date() {
        let day = |s| Date::parse(s).expect("date");
        let today = day("2026-11-26");
        let ok = record("consent: { scope: [website], expires_on: 2026-11-26 }\n");
        assert_eq!(ok.consent_status(today), Ok(()));
        let cases = [
            ("", ConsentProblem::Missing),
            (
                "consent: { scope: [website], expires_on: 2027-01-01, revoked: true }\n",
                ConsentProblem::Revoked,
            ),
            (
                "consent: { scope: [print], expires_on: 2027-01-01 }\n",
                ConsentProblem::OutOfScope,
            ),
            ("consent: { scope: [website] }\n", ConsentProblem::NoExpiry),
            (
                "consent: { scope: [website], expires_on: 2026-11-25 }\n",
                ConsentProblem::Expired(day("2026-11-25")),
            ),
        ];
        for (consent, want) in cases {
            assert_eq!(
                record(consent).consent_status(today),
                Err(want),
                "{consent}"
            );
        }
    }

    #[test]
    fn a_signing_date_is_not_a_record_field() {
        let text =
            "title: T\ndisplay_name: D.\nconsent: { signed_on: 2026-01-01, scope: [website] }\n";
        assert!(serde_yaml::from_str::<StoryRecord>(text).is_err());
    }
}
