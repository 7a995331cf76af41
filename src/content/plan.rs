//! The patient plan format (`content/plans/*.yaml`). Unknown keys are errors.
//!
//! These types hold private health information. Only [`crate::stages::model`] may
//! turn them into template data, and public pages never see them directly.

use crate::base::date::Date;
use crate::content::config::{Clinician, Site};
pub use crate::content::dose::{Dose, Side};
pub use crate::content::journey::{Better, MeasureValue, Scale, Visit};
pub use crate::content::story::{
    Consent, ConsentProblem, StoryBlock, expiry_status, website_in_scope,
};
use crate::content::yaml::text;
use serde::{Deserialize, Serialize};

/// One patient's plan of care.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The hero of the story.
    pub patient: Patient,
    /// The guide; defaults to the clinic's clinician.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinician: Option<Clinician>,
    /// What brings the patient in.
    pub problem: Problem,
    /// The goal agreed together.
    pub goal: Goal,
    /// The guide's steps (at least one).
    #[serde(alias = "guide_steps")]
    pub steps: Vec<GuideStep>,
    /// Who does what.
    pub responsibilities: Responsibilities,
    /// The next visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_visit: Option<NextVisit>,
    /// Markdown: the picture of life after the goal.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<String>,
    /// Drafts are skipped unless `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Handout options (theme).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handout: Option<HandoutOptions>,
    /// A public success story (needs the patient's written consent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<StoryBlock>,
    /// The clinic protocol this plan was started from, and its version
    /// then (`heropath protocols` lists plans made from an older one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<ProtocolRef>,
    /// Extra stop-and-call lines for this patient, printed in the
    /// handout's "Remember" box under the clinic's `safety` rule (e.g.
    /// `Call us if the wound is red or warm.`).
    #[serde(deserialize_with = "text::texts")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safety: Vec<String>,
    /// The visits so far, with the measures taken again (any order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
}

impl Plan {
    /// The language the handout is written in: the patient's, else the
    /// site's. The one place this is decided.
    pub fn language<'a>(&'a self, site: &'a Site) -> &'a str {
        self.patient.language.as_deref().unwrap_or(&site.language)
    }

    /// The theme the handout is drawn with: the plan's `handout.theme`,
    /// else the site's. The one place this is decided.
    pub fn theme<'a>(&'a self, site: &'a Site) -> &'a str {
        self.handout
            .as_ref()
            .and_then(|h| h.theme.as_deref())
            .unwrap_or(&site.theme)
    }
}

/// Where a plan came from: `protocol: { id, version }` in a plan.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProtocolRef {
    /// The protocol's id (its file name in `content/protocols/`).
    pub id: String,
    /// The protocol's version the plan was made from (a content hash,
    /// written by `heropath new plan --protocol`).
    pub version: String,
}

/// The patient. Everything here is private.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    /// Full name: private, never published.
    #[serde(deserialize_with = "text::text")]
    pub name: String,
    /// The name they like to be called; defaults to the first word of `name`.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_name: Option<String>,
    /// Pronouns, e.g. `she/her`.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pronouns: Option<String>,
    /// Language of the handout (`en`, `es`); defaults to the site language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Date of birth: private; used by the privacy scan only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Date>,
    /// Phone: private; used by the privacy scan only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Email: private; used by the privacy scan only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Given names, when `name` alone does not say which words they are
    /// (optional; FHIR HumanName's `given`).
    #[serde(deserialize_with = "text::texts")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub given_names: Vec<String>,
    /// Family names, e.g. `[Núñez, Herrera]` or `[van der Berg]`
    /// (optional; FHIR HumanName's `family`).
    #[serde(deserialize_with = "text::texts")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub family_names: Vec<String>,
    /// Earlier family names (a maiden name): private, identifying.
    #[serde(deserialize_with = "text::texts")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_names: Vec<String>,
    /// The name in other letters, as it is also written (`Tanaka Hanako`
    /// for 田中 花子, `Mohammed Al-Husseini`): private, identifying.
    #[serde(deserialize_with = "text::texts")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_spellings: Vec<String>,
    /// Other patients this plan may name (a spouse who is also a patient),
    /// by full name: their identifiers pass HP0121 in this plan.
    #[serde(deserialize_with = "text::texts")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub may_name: Vec<String>,
}

impl Patient {
    /// The preferred name, or the first word of the full name.
    pub fn preferred(&self) -> &str {
        match self.preferred_name.as_deref().map(str::trim) {
            Some(p) if !p.is_empty() => p,
            _ => self.name.split_whitespace().next().unwrap_or(&self.name),
        }
    }
}

/// The pieces of an `email:` field: each address, and the words of a
/// display name around one ("Maria Lopez <maria@example.test>"), split at
/// white space, commas, semicolons, brackets and quotes. The privacy guard
/// reads addresses from them, and `check` tells the ones that are none.
pub fn email_parts(field: &str) -> impl Iterator<Item = &str> {
    field.split(|c: char| c.is_whitespace() || ",;<>\"()[]".contains(c))
}

/// The numbers of a `phone:` field, which may hold several: split at
/// commas, semicolons, slashes and bars (not trimmed).
pub fn phone_parts(field: &str) -> impl Iterator<Item = &str> {
    field.split([',', ';', '/', '|'])
}

/// The problem, in clinical and in the patient's own words.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// One line.
    #[serde(deserialize_with = "text::text")]
    pub summary: String,
    /// A quote from the patient.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_their_words: Option<String>,
    /// Markdown.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

/// The goal the patient and clinician agreed on.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// In the patient's words.
    #[serde(deserialize_with = "text::text")]
    pub statement: String,
    /// When we hope to reach it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_date: Option<Date>,
    /// When we agreed on it together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_on: Option<Date>,
    /// How we will know.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
}

/// One measure of progress.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// What we measure (for a built-in `measure:`, optional: it comes with it).
    #[serde(deserialize_with = "text::text")]
    #[serde(default)]
    pub name: String,
    /// A built-in standard outcome measure (`nprs`, `psfs`, `lefs`, `odi`,
    /// `ndi`, `quickdash`): its name, scale, direction and MCID come with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "crate::content::journey::standard_measure_id")]
    pub measure: Option<String>,
    /// The Patient-Specific Functional Scale's activities, in the patient's
    /// own words: `[{ name: Climb the stairs, now: 3, target: 8 }]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Set when a PSFS expands into one measure per activity: the
    /// activity's name as written (never read from a plan).
    #[serde(skip)]
    pub activity: Option<String>,
    /// Where the patient is now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<String>,
    /// Where we aim to be.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The id `visits:` use for it; defaults to the slug of the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// For a number: its scale `{ min, max, better: lower|higher, unit }`;
    /// enables the progress chart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
}

/// One PSFS activity the patient named, scored 0 (unable) to 10 (as
/// before the problem).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// The activity in the patient's own words.
    #[serde(deserialize_with = "text::text")]
    pub name: String,
    /// The score now (0-10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<MeasureValue>,
    /// The score aimed for (0-10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<MeasureValue>,
}

impl Measure {
    /// The id `visits:` name it by: `id`, else the slug of the name.
    pub fn key(&self) -> String {
        match self.id.as_deref().map(str::trim) {
            Some(id) if !id.is_empty() => id.to_string(),
            _ => crate::content::journey::default_id(&self.name),
        }
    }

    /// Does a visit's key (`stairs-pain` or `Pain on the stairs`) name
    /// this measure? Compared as written, then as ids are (`LEFS`,
    /// `Stairs Pain` and `stairs pain` are `stairs-pain`).
    pub fn answers_to(&self, key: &str) -> bool {
        let k = key.trim();
        let own = self.key();
        use crate::content::journey::folded_key;
        let id = self
            .id
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty());
        let name = self.name.trim();
        k == own
            || k == name
            || id.is_some_and(|id| folded_key(k) == folded_key(id))
            || folded_key(k) == folded_key(name)
    }
}

/// One of the guide's steps.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuideStep {
    /// Short title.
    #[serde(deserialize_with = "text::text")]
    pub title: String,
    /// When, e.g. `Weeks 1-2`.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Markdown: why this step matters.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// Home exercises for this step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exercises: Vec<ExerciseItem>,
}

/// An exercise in a plan: either `use:` a library id, or inline with `name:`.
/// Dose keys override the library's default dose key by key.
///
/// The dose keys repeat [`Dose`]'s on purpose: serde cannot combine
/// `#[serde(flatten)]` with `deny_unknown_fields`, and a misspelt dose key
/// must be an error, not silently ignored. [`ExerciseItem::dose`] maps them.
#[derive(
    Debug, Clone, Deserialize, Serialize, Default, PartialEq, Eq, Hash, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct ExerciseItem {
    /// Library id (file stem in `content/exercises/`).
    #[serde(rename = "use", default, skip_serializing_if = "Option::is_none")]
    pub use_id: Option<String>,
    /// Name of an inline exercise (or an override of the library name).
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Markdown instructions (inline exercises).
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Short cues.
    #[serde(deserialize_with = "text::texts")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
    /// Picture path, relative to `content/exercises/images/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Alt text for the picture.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_alt: Option<String>,
    /// Video URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<String>,
    /// Per-patient note.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sets.
    #[serde(
        default,
        deserialize_with = "crate::content::count::one_or_more",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(range(min = 1))]
    pub sets: Option<u32>,
    /// Repetitions per set.
    #[serde(
        default,
        deserialize_with = "crate::content::count::one_or_more",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(range(min = 1))]
    pub reps: Option<u32>,
    /// Hold each repetition, seconds.
    #[serde(
        default,
        deserialize_with = "crate::content::count::one_or_more",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(range(min = 1))]
    pub hold_seconds: Option<u32>,
    /// Duration in minutes.
    #[serde(
        default,
        deserialize_with = "crate::content::count::one_or_more",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(range(min = 1))]
    pub minutes: Option<u32>,
    /// Times per day.
    #[serde(
        default,
        deserialize_with = "crate::content::count::one_or_more",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(range(min = 1))]
    pub per_day: Option<u32>,
    /// Days per week.
    #[serde(
        default,
        deserialize_with = "crate::content::count::days_a_week",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(range(min = 1, max = 7))]
    pub days_per_week: Option<u32>,
    /// Which side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// Load, free text (e.g. `red band`, `1 kg`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<String>,
}

impl ExerciseItem {
    /// The dose keys given in the plan.
    pub fn dose(&self) -> Dose {
        Dose {
            sets: self.sets,
            reps: self.reps,
            hold_seconds: self.hold_seconds,
            minutes: self.minutes,
            per_day: self.per_day,
            days_per_week: self.days_per_week,
            side: self.side,
            load: self.load.clone(),
        }
    }
}

/// Who does what: the agreement on tasks.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Responsibilities {
    /// What the clinician will do.
    #[serde(deserialize_with = "text::texts")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clinician: Vec<String>,
    /// What the patient will do.
    #[serde(deserialize_with = "text::texts")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patient: Vec<String>,
    /// What we do together.
    #[serde(deserialize_with = "text::texts")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub together: Vec<String>,
}

/// The next visit.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NextVisit {
    /// Date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Time, free text such as `10:30`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// What we will do together.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
}

/// Per-plan handout options.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HandoutOptions {
    /// Theme for this patient's handout (e.g. `large-print`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
}

/// An exercise in the clinic's library (`content/exercises/<id>.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Name.
    #[serde(deserialize_with = "text::text")]
    pub name: String,
    /// Markdown; a numbered list becomes the card's steps.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Short cues.
    #[serde(deserialize_with = "text::texts")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
    /// Picture, relative to `content/exercises/images/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Alt text (required when there is a picture).
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_alt: Option<String>,
    /// Video URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<String>,
    /// Default dose.
    #[serde(default)]
    pub dose: Dose,
    /// Body-area tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The language this file's own text is written in; defaults to
    /// site.yaml's `language`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The patient-facing text in other languages, by language code
    /// (`es`, `zh`, `vi`, `ar`): a handout in that language uses it.
    #[serde(default)]
    pub translations: std::collections::BTreeMap<String, crate::content::exercise::ExerciseText>,
}
