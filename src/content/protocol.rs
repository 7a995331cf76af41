//! A clinic protocol (`content/protocols/<id>.yaml`): a named programme
//! written and checked once ("our knee replacement programme, weeks 1–6"),
//! from which `heropath new plan --protocol ID` starts a patient's plan.
//! It holds no patient: no names, dates or patient values. The public site
//! never reads it.

use crate::content::plan::{GuideStep, Responsibilities};
use crate::content::yaml::text;
use serde::{Deserialize, Serialize};

/// A named programme of care.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Protocol {
    /// The programme's name, e.g. `Knee replacement, weeks 1-6`.
    #[serde(deserialize_with = "text::text")]
    pub title: String,
    /// The condition it is for, e.g. `Total knee replacement`.
    #[serde(deserialize_with = "text::text")]
    pub condition: String,
    /// How many weeks it runs (sets a new plan's goal target date).
    #[serde(default)]
    pub weeks: Option<u32>,
    /// Text for the patient's part, written once for the programme; a
    /// `TODO:` marks what each patient's plan must fill in.
    #[serde(default)]
    pub problem: Option<ProtocolProblem>,
    /// The suggested goal: a statement (usually a `TODO:`, since the goal
    /// is the patient's) and measures without patient values.
    #[serde(default)]
    pub goal: Option<ProtocolGoal>,
    /// The steps, with library exercises and doses, as in a plan.
    pub steps: Vec<GuideStep>,
    /// Who does what, as in a plan.
    pub responsibilities: Responsibilities,
    /// Markdown: the picture of life after the goal (often a `TODO:`).
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub success: Option<String>,
}

/// The problem, as the protocol suggests it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProtocolProblem {
    /// One plain line, e.g. `Your new knee is stiff and sore.`
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub summary: Option<String>,
    /// A placeholder for the patient's own words, e.g. `"TODO: what they told you"`.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub in_their_words: Option<String>,
    /// Markdown: more about the problem.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub details: Option<String>,
}

/// The suggested goal.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProtocolGoal {
    /// The goal statement or a `TODO:` placeholder for the patient's words.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub statement: Option<String>,
    /// Measures: names, scales and targets (never a patient's value).
    #[serde(default)]
    pub measures: Vec<ProtocolMeasure>,
}

/// A suggested measure of progress.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProtocolMeasure {
    /// What is measured, e.g. `Knee bend` (for a built-in `measure:`,
    /// optional: it comes with it).
    #[serde(deserialize_with = "text::text")]
    #[serde(default)]
    pub name: String,
    /// A built-in standard outcome measure (`nprs`, `lefs`, ...; see
    /// docs/measures.md), copied into every plan started from the protocol.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "crate::content::journey::standard_measure_id")]
    pub measure: Option<String>,
    /// The scale or unit, e.g. `degrees` or `0-10`.
    #[serde(default)]
    pub scale: Option<String>,
    /// The usual target, e.g. `110 degrees`.
    #[serde(default)]
    pub target: Option<String>,
}

impl Protocol {
    /// The version: a hash of what the protocol says (its parsed content,
    /// not its bytes), so a comment or spacing change is not a new version.
    pub fn version(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        let h = crate::base::hash::hash(json.as_bytes());
        format!("{:012x}", h >> 80)
    }

    /// How many exercises its steps hold.
    pub fn exercise_count(&self) -> usize {
        self.steps.iter().map(|s| s.exercises.len()).sum()
    }
}
