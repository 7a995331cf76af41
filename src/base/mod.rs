//! The bottom layer: what every other layer uses and that uses nothing of
//! heropath's own: diagnostics and how they are reported, dates, text
//! encodings, the characters that print as nothing, hashing, path rules, atomic file replacement and the
//! rendered file.

pub mod ahead;
pub mod atomic;
pub mod cldr;
pub mod date;
pub mod diag;
pub mod encoding;
pub mod hash;
pub mod invisible;
pub mod lang;
pub mod memo;
pub mod output;
pub mod parallel;
pub mod paths;
pub mod report;
