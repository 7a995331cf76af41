//! The pipeline's stages, in the order a plan travels through them. Each
//! imports only [`crate::base`], [`crate::content`] and the stages before it:
//!
//! [`load`] (walk and parse) → [`check`] (diagnostics) → [`theme`] (resolve,
//! compile, string tables) → [`model`] (what a template sees) → [`render`]
//! (Tera, in parallel) → [`privacy`] (the guard on the public site) →
//! [`write`](mod@write) (atomic, into the output folders).

pub mod check;
pub mod load;
pub mod model;
pub mod privacy;
pub mod render;
pub mod theme;
pub mod write;
