//! Dates that cannot be right: a next visit in the past, a target date
//! before the goal was agreed, consent signed after it expires.

use super::cut_lists;
use crate::base::date::Date;
use crate::base::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::content::plan::Plan;
use crate::content::yaml::{locate, locate_key};
use crate::stages::load::Source;

/// Warnings for dates that cannot be right and comma-cut list items.
pub fn advise_dates_and_lists(src: &Source<Plan>, today: Date, diags: &mut Diagnostics) {
    let plan = &src.value;
    let (file, text) = (&src.path, &src.text);
    if let Some(d) = plan.next_visit.as_ref().and_then(|v| v.date)
        && d < today
    {
        let pos = locate_key(text, "next_visit")
            .and_then(|at| locate_after(text, at.line, "date", &d.to_string()))
            .or_else(|| locate_key(text, "next_visit"));
        diags.push(
            Diagnostic::warning(
                Code::PastVisit,
                format!("the next visit ({d}) is in the past (today is {today})"),
            )
            .in_file(file)
            .at(pos)
            .help(
                "write the date of the next appointment, or remove `next_visit` if none is booked",
            ),
        );
    }
    if let (Some(target), Some(agreed)) = (plan.goal.target_date, plan.goal.agreed_on)
        && target < agreed
    {
        diags.push(
            Diagnostic::warning(
                Code::TargetBeforeAgreed,
                format!(
                    "the goal's target date ({target}) is before the day it was agreed ({agreed})"
                ),
            )
            .in_file(file)
            .at(locate(text, "target_date", &target.to_string(), 0))
            .help("the target date is when you hope to reach the goal: a day after `agreed_on`"),
        );
    }
    if let Some(c) = plan.story.as_ref().and_then(|s| s.consent.as_ref())
        && let (Some(signed), Some(expires)) = (c.signed_on, c.expires_on)
        && signed > expires
    {
        diags.push(
            Diagnostic::warning(
                Code::ConsentDates,
                format!("the consent was signed on {signed}, after it expires ({expires})"),
            )
            .in_file(file)
            .at(locate(text, "expires_on", &expires.to_string(), 0))
            .help("check both dates against the signed form: an authorisation expires after it is signed"),
        );
    }
    cut_lists(
        file,
        text,
        &["clinician", "patient", "together", "cues"],
        diags,
    );
}

/// [`locate`] from line `from` (1-based) on.
fn locate_after(src: &str, from: usize, key: &str, value: &str) -> Option<Pos> {
    let skip = from.saturating_sub(1);
    let start: usize = src.split_inclusive('\n').take(skip).map(str::len).sum();
    locate(&src[start..], key, value, 0).map(|p| Pos {
        line: p.line + skip,
        column: p.column,
    })
}
