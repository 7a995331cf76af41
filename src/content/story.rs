//! A plan's public success story (`story:`) and the consent it may be
//! published under: the only part of a plan the public site may read, and
//! the rules (scope, expiry) that decide whether it is published today.

use crate::base::date::Date;
use crate::content::yaml::text;
use serde::{Deserialize, Serialize};

/// A success story the patient may agree to share.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StoryBlock {
    /// Public title.
    #[serde(deserialize_with = "text::text")]
    pub title: String,
    /// The only name ever shown publicly, e.g. `Maria L.`.
    #[serde(deserialize_with = "text::text")]
    pub display_name: String,
    /// Condition tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// A short quote.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub quote: Option<String>,
    /// Publication date (feed order); not a patient date.
    #[serde(default)]
    pub published_on: Option<Date>,
    /// Markdown written for the public.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub body: Option<String>,
    /// The written authorisation.
    #[serde(default)]
    pub consent: Option<Consent>,
    /// Words that would otherwise trip the privacy scan (e.g. a surname that
    /// is also an ordinary word), allowed alone for this story's patient
    /// (never next to a given name or a title).
    #[serde(default)]
    pub public_words: Vec<String>,
    /// Dates of this patient's that may appear on the public site (a date
    /// the story tells on purpose).
    #[serde(default)]
    pub public_dates: Vec<Date>,
    /// A photograph for the story (in `content/images/`): published only
    /// when the consent's scope includes `photo` as well as `website`.
    #[serde(default)]
    pub photo: Option<Photo>,
}

/// A story's photograph. A face is an identifier: it needs its own consent.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    /// The file, in `content/images/` (JPEG or PNG). Its name never reaches
    /// the site: the published file is named by a hash of its content.
    pub file: String,
    /// What the photo shows, for screen readers (no patient name).
    #[serde(deserialize_with = "text::text")]
    pub alt: String,
}

/// The patient's written authorisation to publish.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// When it was signed.
    #[serde(default)]
    pub signed_on: Option<Date>,
    /// Where it may be used; must include `website`.
    #[serde(default)]
    pub scope: Vec<String>,
    /// After this date the story is not published.
    #[serde(default)]
    pub expires_on: Option<Date>,
    /// The patient withdrew consent.
    #[serde(default)]
    pub revoked: bool,
}

/// Why a story may not be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentProblem {
    /// No `consent:` block.
    Missing,
    /// `consent.revoked: true`.
    Revoked,
    /// Another plan of the same patient revoked consent (see
    /// `Revocations::story_consent` in the load stage).
    RevokedElsewhere,
    /// Another plan of the same patient publishes its story instead (see
    /// `Revocations::published_elsewhere` in the load stage).
    PublishedElsewhere,
    /// `consent.scope` does not include `website`.
    OutOfScope,
    /// No `consent.expires_on`.
    NoExpiry,
    /// Past `consent.expires_on`.
    Expired(Date),
    /// `consent.signed_on` is missing or in the future.
    NotSigned,
}

impl StoryBlock {
    /// Is there a valid, current, website-scoped authorisation on `today`?
    pub fn consent_status(&self, today: Date) -> Result<(), ConsentProblem> {
        let c = self.consent.as_ref().ok_or(ConsentProblem::Missing)?;
        if c.revoked {
            return Err(ConsentProblem::Revoked);
        }
        if !website_in_scope(&c.scope) {
            return Err(ConsentProblem::OutOfScope);
        }
        match c.signed_on {
            Some(d) if d <= today => {}
            _ => return Err(ConsentProblem::NotSigned),
        }
        expiry_status(c.expires_on, today)
    }
}

impl StoryBlock {
    /// The photo, when the story may show it: its consent (valid on its
    /// own) includes `photo` in the scope.
    pub fn consented_photo(&self) -> Option<&Photo> {
        let scope = &self.consent.as_ref()?.scope;
        let photo = scope.iter().any(|s| s.trim().eq_ignore_ascii_case("photo"));
        if photo { self.photo.as_ref() } else { None }
    }
}

/// Does a consent's `scope` include the website?
pub fn website_in_scope(scope: &[String]) -> bool {
    scope
        .iter()
        .any(|s| s.trim().eq_ignore_ascii_case("website"))
}

/// A consent's expiry on `today`: it must have one, not yet passed (the
/// expiry day itself is still covered).
pub fn expiry_status(expires_on: Option<Date>, today: Date) -> Result<(), ConsentProblem> {
    match expires_on {
        None => Err(ConsentProblem::NoExpiry),
        Some(exp) if exp < today => Err(ConsentProblem::Expired(exp)),
        Some(_) => Ok(()),
    }
}
