//! heropath: a static site generator for physical-therapy clinics.
//!
//! One YAML plan per patient becomes a private, printable handout in which
//! the patient is the hero and the clinician the guide; plans whose patient
//! gave written consent also become de-identified public success stories.
//!
//! The source tree is layered; each layer imports only the layers listed
//! before it (`tests/layers.rs` holds the tree to this, and
//! `docs/architecture.md` walks a plan through it):
//!
//! 1. [`base`]: diagnostics, dates, encodings, hashing, paths, files.
//! 2. [`content`]: the plain content types and their parsers (site config,
//!    plan, story record, YAML, Markdown, schema).
//! 3. [`stages`]: the pipeline, **load** → **check** → **theme** →
//!    **model** → **render** → **privacy** → **write**, each stage importing
//!    only earlier ones.
//! 4. [`build`]: runs the stages for a command (options, preparing,
//!    handouts, the public site, the build cache, incremental reloads).
//! 5. [`serve`]: the live preview.
//!
//! The command line (`src/main.rs`, `src/cli/`) sits on top.

pub mod base;
pub mod build;
pub mod content;
pub mod serve;
pub mod stages;
