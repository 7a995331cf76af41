//! heropath: a static site generator for physical-therapy clinics.
//!
//! One YAML plan per patient becomes a private, printable handout in which
//! the patient is the hero and the clinician the guide; plans whose patient
//! gave written consent also become de-identified public success stories.
//!
//! The pipeline is **load** ([`load`]) → **check** ([`check`]) → **model**
//! ([`model`]) → **render** ([`render`]) → **write** ([`write`]), run by
//! [`pipeline`]. Problems from every stage are [`diag::Diagnostic`]s.

pub mod cache;
pub mod check;
pub mod config;
pub mod date;
pub mod diag;
pub mod dose;
pub mod encoding;
pub mod export;
pub mod i18n;
pub mod incremental;
pub mod load;
pub mod locate;
pub mod markdown;
pub mod model;
pub mod pdf;
pub mod pipeline;
pub mod plan;
pub mod privacy;
pub mod readability;
pub mod record;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod theme;
pub mod write;
pub mod yaml;
