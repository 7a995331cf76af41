//! Dates and times that cannot be right: a next visit in the past, more
//! than a year away or at no time of day, a birth date after today or
//! more than 120 years ago, a target date before the goal was agreed,
//! consent signed after it expires.

use super::cut_lists;
use crate::base::date::Date;
use crate::base::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::content::plan::Plan;
use crate::content::yaml::{locate, locate_key};
use crate::stages::load::Source;

/// A next visit further away than this, in days, is likely a mistyped
/// year (2062 for 2026).
const FAR_VISIT_DAYS: i64 = 366;
/// No patient is older than this, in years.
const OLDEST_YEARS: i64 = 120;

/// Warnings for dates that cannot be right and comma-cut list items.
pub fn advise_dates_and_lists(src: &Source<Plan>, today: Date, diags: &mut Diagnostics) {
    let plan = &src.value;
    let (file, text) = (&src.path, &src.text);
    if let Some(d) = plan.next_visit.as_ref().and_then(|v| v.date)
        && d < today
    {
        let pos = in_next_visit(text, "date", &d.to_string());
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
    if let Some(d) = plan.next_visit.as_ref().and_then(|v| v.date)
        && today.days_until(d) > FAR_VISIT_DAYS
    {
        let pos = in_next_visit(text, "date", &d.to_string());
        diags.push(
            Diagnostic::warning(
                Code::FarVisit,
                format!("the next visit ({d}) is more than a year away (today is {today})"),
            )
            .in_file(file)
            .at(pos)
            .help("check the year: the next visit is usually weeks away, not years"),
        );
    }
    if let Some(born) = plan.patient.birth_date
        && (born > today || born.years_until(today) > OLDEST_YEARS)
    {
        let when = if born > today {
            "after today"
        } else {
            "more than 120 years ago"
        };
        diags.push(
            Diagnostic::warning(
                Code::ImpossibleBirthDate,
                format!("the birth date ({born}) is {when} (today is {today})"),
            )
            .in_file(file)
            .at(locate(text, "birth_date", &born.to_string(), 0))
            .help("check the year against the patient's record: the privacy guard looks for this date on public pages, so a wrong one protects nothing"),
        );
    }
    if let Some(time) = plan.next_visit.as_ref().and_then(|v| v.time.as_deref())
        && let Some(wrong) = impossible_times(time).first()
    {
        let pos = in_next_visit(text, "time", time);
        diags.push(
            Diagnostic::error(
                Code::ImpossibleTime,
                format!("the next visit's time `{wrong}` is no time of day"),
            )
            .in_file(file)
            .at(pos)
            .help("write the time as the appointment book has it: `10:30`, `2:15 pm`"),
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

/// Where `key: value` of the `next_visit:` block is (else the block).
fn in_next_visit(text: &str, key: &str, value: &str) -> Option<Pos> {
    locate_key(text, "next_visit")
        .and_then(|at| locate_after(text, at.line, key, value))
        .or_else(|| locate_key(text, "next_visit"))
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

/// The clock times written in `text` that are no time of day, as written:
/// hours past 23 or minutes past 59 (`25:30`, `10:75`, `10h60`), or with
/// am or pm an hour that is not 1 to 12 (`13 pm`, `0:30 am`), or a bare
/// number of three or four digits (`630`: the colon left out). The field is
/// free text ("after lunch", "10:30 (bring shorts)"): only what reads as a
/// clock time is judged.
pub(super) fn impossible_times(text: &str) -> Vec<&str> {
    // A time typed without its colon (`time: 630`, `1030`, which YAML
    // reads as a number) prints as a bare number: no time of day either.
    let whole = text.trim();
    if (3..=4).contains(&whole.len()) && whole.bytes().all(|c| c.is_ascii_digit()) {
        return vec![whole];
    }
    let b = text.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut out = Vec::new();
    let mut i = 0;
    // Where the last clock time ended: a dash after it starts a range
    // ("10:30-11:15"), not a date.
    let mut last_end = usize::MAX;
    while i < b.len() {
        let n = digits(i);
        if n == 0 {
            i += 1;
            continue;
        }
        let start = i;
        i += n;
        // An hour is one or two digits, not part of a longer number or a
        // date ("2026-12-03", "3.5").
        let joined = start > 0
            && match b[start - 1] {
                b'.' | b':' | b'/' => true,
                b'-' => start - 1 != last_end,
                _ => false,
            };
        if n > 2 || joined {
            continue;
        }
        let hour: u32 = text[start..i].parse().unwrap_or(0);
        let mut end = i;
        let mut minute = None;
        if matches!(b.get(i), Some(b':' | b'.' | b'h' | b'H')) && digits(i + 1) == 2 {
            minute = text[i + 1..i + 3].parse::<u32>().ok();
            end = i + 3;
        }
        let (half_day, after) = half_day(&b[end..]);
        if minute.is_none() && !half_day {
            continue;
        }
        let end = if half_day { end + after } else { end };
        let wrong = minute.is_some_and(|m| m > 59)
            || if half_day {
                !(1..=12).contains(&hour)
            } else {
                hour > 23
            };
        if wrong {
            out.push(text[start..end].trim_end());
        }
        i = end;
        last_end = end;
    }
    out
}

/// Does `rest` start with am or pm (`am`, ` PM`, ` a.m.`), not inside a
/// word? And how many bytes that takes.
fn half_day(rest: &[u8]) -> (bool, usize) {
    let space = rest.iter().take_while(|c| **c == b' ').count();
    let word = &rest[space..];
    for form in [&b"a.m."[..], b"p.m.", b"am", b"pm"] {
        if word.len() >= form.len()
            && word[..form.len()].eq_ignore_ascii_case(form)
            && !word.get(form.len()).is_some_and(u8::is_ascii_alphanumeric)
        {
            return (true, space + form.len());
        }
    }
    (false, 0)
}

#[cfg(test)]
mod tests {
    use super::impossible_times;

    #[test]
    fn a_clock_time_is_judged_and_other_text_left_alone() {
        for ok in [
            "10:30",
            "9.45",
            "14h30",
            "2:15 pm",
            "12 PM",
            "11 a.m.",
            "0:00",
            "23:59",
            "after lunch",
            "10:30 (bring shorts), room 204",
            "2026-12-03 10:30",
            "3.5 hours",
            "10:30-11:15",
        ] {
            assert!(
                impossible_times(ok).is_empty(),
                "{ok}: {:?}",
                impossible_times(ok)
            );
        }
        for (wrong, shown) in [
            ("25:30", "25:30"),
            ("10:75", "10:75"),
            ("10h60", "10h60"),
            ("13 pm", "13 pm"),
            ("0:30 am", "0:30 am"),
            ("at 24.15", "24.15"),
            ("10:30-25:00", "25:00"),
            ("13:00 PM", "13:00 PM"),
            ("630", "630"),
            (" 1030 ", "1030"),
        ] {
            assert_eq!(impossible_times(wrong), vec![shown], "{wrong}");
        }
    }
}
