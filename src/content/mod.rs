//! The content model: the plain types a clinic folder is made of (site
//! configuration, plan, exercise, story record) and the only parsers that
//! read them (YAML, Markdown), plus the JSON Schemas editors use. Imports
//! only [`crate::base`].

pub mod config;
pub mod files;
pub mod markdown;
pub mod plan;
pub mod prescription;
pub mod record;
pub mod schema;
pub mod starter;
pub mod yaml;
