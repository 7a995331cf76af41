//! JSON Schemas for editors, generated from the same types the loader uses,
//! so completion and validation in an editor match what heropath accepts.

use crate::content::config::Site;
use crate::content::plan::{Exercise, Plan};

/// Which file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// A patient plan (`content/plans/*.yaml`).
    Plan,
    /// A library exercise (`content/exercises/*.yaml`).
    Exercise,
    /// Clinic settings (`site.yaml`).
    Site,
    /// A de-identified story record (`content/stories/*.yaml`).
    Story,
    /// A clinic protocol (`content/protocols/*.yaml`).
    Protocol,
}

impl Kind {
    /// All kinds, for shipping every schema.
    pub const ALL: [Kind; 5] = [
        Kind::Plan,
        Kind::Exercise,
        Kind::Site,
        Kind::Story,
        Kind::Protocol,
    ];

    /// File name under `schemas/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Plan => "plan.schema.json",
            Kind::Exercise => "exercise.schema.json",
            Kind::Site => "site.schema.json",
            Kind::Story => "story.schema.json",
            Kind::Protocol => "protocol.schema.json",
        }
    }
}

/// The schema as pretty JSON with a trailing newline.
pub fn schema(kind: Kind) -> String {
    let mut s = match kind {
        Kind::Plan => schemars::schema_for!(Plan),
        Kind::Exercise => schemars::schema_for!(Exercise),
        Kind::Site => schemars::schema_for!(Site),
        Kind::Story => schemars::schema_for!(crate::content::record::StoryRecord),
        Kind::Protocol => schemars::schema_for!(crate::content::protocol::Protocol),
    };
    s.insert(
        "$id".into(),
        format!("https://heropath.invalid/schemas/{}", kind.file_name()).into(),
    );
    let mut text = serde_json::to_string_pretty(&s).unwrap_or_default();
    text.push('\n');
    text
}
