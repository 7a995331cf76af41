//! The bottom layer: what every other layer uses and that uses nothing of
//! heropath's own: diagnostics and how they are reported, dates, text
//! encodings.

pub mod date;
pub mod diag;
pub mod encoding;
pub mod hash;
pub mod report;
