//! The text of a library exercise in another language
//! (`translations.<lang>` in `content/exercises/<id>.yaml`).

use serde::{Deserialize, Serialize};

/// An exercise's patient-facing text in one language (`translations.<lang>`);
/// a field left out falls back to the exercise's own language.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExerciseText {
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Markdown; a numbered list becomes the card's steps.
    #[serde(default)]
    pub instructions: Option<String>,
    /// Short cues (all of them: a partial list is not merged).
    #[serde(default)]
    pub cues: Option<Vec<String>>,
    /// Alt text of the picture.
    #[serde(default)]
    pub image_alt: Option<String>,
}
