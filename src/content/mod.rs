//! The content model: the plain types a clinic folder is made of (site
//! configuration, plan, exercise, story record) and the only parsers that
//! read them (YAML, Markdown), the clinic's protocols ([`protocol`]), plus the JSON Schemas editors use, which
//! files hold which content ([`files`]), a dose ([`dose`]) and the counts
//! it allows ([`count`]), how a plan's exercise falls back
//! on the library ([`prescription`]) and the new-plan starter text
//! ([`starter`]). Imports only [`crate::base`].

pub mod config;
pub mod count;
pub mod dose;
pub mod exercise;
pub mod files;
pub mod journey;
pub mod look;
pub mod markdown;
pub mod measures;
pub mod plan;
pub mod prescription;
pub mod protocol;
pub mod record;
pub mod schema;
pub mod starter;
pub mod story;
pub mod yaml;
