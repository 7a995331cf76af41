//! How parallel loops are cut into tasks.
//!
//! Rayon splits a loop adaptively: a part that no other thread steals is
//! run as one task, so near the end of a loop over 10,000 plans one thread
//! could spend 50–90 ms alone on a quarter of them while the other waited
//! (seen in profiles of a cold build). Capping how many items a task takes
//! keeps every core busy to the end of each stage, for about a microsecond
//! per task.

/// The most plans (or other light items, tens of microseconds each) one
/// task of a parallel loop takes: `.with_max_len(PLANS_PER_TASK)`.
pub const PLANS_PER_TASK: usize = 16;

/// The most files (or other heavy items: a page to render, a file for the
/// privacy guard to read, a QR code) one task takes.
pub const FILES_PER_TASK: usize = 1;
