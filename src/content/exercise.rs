//! The text of a library exercise in another language
//! (`translations.<lang>` in `content/exercises/<id>.yaml`).

use crate::content::yaml::text;
use serde::{Deserialize, Serialize};

/// An exercise's patient-facing text in one language (`translations.<lang>`);
/// a field left out falls back to the exercise's own language.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExerciseText {
    /// Name.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub name: Option<String>,
    /// Markdown; a numbered list becomes the card's steps.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub instructions: Option<String>,
    /// Short cues (all of them: a partial list is not merged).
    #[serde(deserialize_with = "text::opt_texts")]
    #[serde(default)]
    pub cues: Option<Vec<String>>,
    /// Alt text of the picture.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub image_alt: Option<String>,
}
