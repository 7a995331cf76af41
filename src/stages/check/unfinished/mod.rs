//! Never print an unfinished handout (issue 13): text left from the
//! `heropath new plan` template (a `TODO` marker, or one of the template's
//! placeholder sentences), required text left empty, dates and times that cannot be
//! right, and flow lists that YAML cuts at a comma.
//!
//! By concern: `placeholders` (template text and `TODO`s), `fillers`
//! (placeholders people type: "N/A", "[insert goal]"), `required`
//! (required text left empty), `dates` (dates that cannot be right) and
//! `cut_lists` (flow lists cut at a comma).

mod cut_lists;
mod dates;
mod fillers;
mod fold;
mod guesses;
mod placeholders;
mod prefilter;
mod required;

pub use cut_lists::{cut_by_comments, cut_lists};
pub use dates::advise_dates_and_lists;

use crate::base::diag::{Code, Diagnostic, Diagnostics, Severity};
use crate::content::plan::Plan;
use crate::stages::load::Source;

/// Errors for template text and empty required fields. A draft is work in
/// progress, so for a draft they are warnings: it must not block the rest
/// of the clinic's build. A draft that is about to be printed (`handout`,
/// `build --drafts`) is held to the rule again by [`as_printed`].
pub fn check_unfinished(src: &Source<Plan>, diags: &mut Diagnostics) {
    let mut found = Diagnostics::default();
    placeholders::placeholders(src, &mut found);
    guesses::guessed_dates(src, &mut found);
    required::empty_required(src, &mut found);
    for mut d in found.sorted() {
        if src.value.draft {
            d.severity = crate::base::diag::Severity::Warning;
        }
        diags.push(d);
    }
    cut_by_comments(&src.path, &src.text, diags);
}

/// A plan's diagnostic when the plan is about to be printed: unfinished
/// text (a placeholder or an empty required text) is an error even for a
/// draft, so no handout ever prints "TODO" or a blank goal.
pub fn as_printed(mut d: Diagnostic) -> Diagnostic {
    if matches!(d.code, Code::Placeholder | Code::EmptyRequired) {
        d.severity = Severity::Error;
    }
    d
}
