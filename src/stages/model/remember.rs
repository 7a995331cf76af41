//! The handout's summary and tools for acting (AHRQ PEMAT-P items 11 and
//! 25): the "Remember" box (each exercise with how often, the next visit,
//! the clinic's stop-and-call rule with its phone) and the adherence log's
//! boxes, built from each exercise's `per_day` and `days_per_week`.

use crate::content::config::Site;
use crate::content::plan::{Dose, Plan};
use crate::stages::theme::i18n::{Strings, fill};
use serde::Serialize;

/// The "Remember" box. Its exercises are the handout's own (`exercises`:
/// each card's name, short dose and log row), not a copy of them.
#[derive(Debug, Clone, Serialize)]
pub struct RememberView {
    /// The next visit in one line ("Monday, December 7, 2026, 10:00 AM"),
    /// or what to do to set one.
    pub next_visit: String,
    /// The stop-and-call rule, then the plan's own lines.
    pub safety: Vec<String>,
}

/// One exercise's row of the adherence log: a box for every time the dose
/// asks for in a week.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LogRow {
    /// Every day of the week (one cell under each weekday), else `days`
    /// cells under "any N days".
    pub every_day: bool,
    /// Days a week, 1 to 7.
    pub days: u32,
    /// Boxes in each day's cell (times a day), at least 1.
    pub per_day: u32,
    /// "Any 5 days:" when not every day.
    pub any_days: Option<String>,
}

/// The most boxes a day's cell holds; a dose asking for more still gets
/// this many (the card says the real number).
const MAX_PER_DAY: u32 = 6;

/// The log row of a dose: no frequency reads as once a day, every day.
pub fn log_row(d: &Dose, t: &Strings) -> LogRow {
    let days = d.days_per_week.unwrap_or(7).clamp(1, 7);
    let per_day = d.per_day.unwrap_or(1).clamp(1, MAX_PER_DAY);
    let every_day = days == 7;
    let any_days = (!every_day).then(|| t.count("log_any_days", days.into(), &[]));
    LogRow {
        every_day,
        days,
        per_day,
        any_days,
    }
}

/// The stop-and-call rule in the handout's language, with the clinic's
/// phone: the site's `safety` for that language, else the theme's default;
/// then the plan's own lines.
pub fn safety(site: &Site, plan: &Plan, lang: &str, t: &Strings) -> Vec<String> {
    let phone = site
        .clinic
        .phone
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let mut out = Vec::new();
    match (site.safety_for(lang), phone) {
        (Some(own), Some(p)) if own.contains("{phone}") => {
            out.push(fill(own.trim(), &[("phone", p)]))
        }
        (Some(own), Some(p)) => {
            out.push(own.trim().to_string());
            out.push(t.fmt("safety_call", &[("phone", p)]));
        }
        (Some(own), None) => out.push(own.trim().replace("{phone}", "").trim().to_string()),
        (None, Some(p)) => out.push(t.fmt("safety_default", &[("phone", p)])),
        (None, None) => out.push(t.get("safety_default_no_phone").to_string()),
    }
    out.extend(
        plan.safety
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .map(str::to_string),
    );
    out
}

/// The next visit in one line, or how to set one.
pub fn next_visit(plan: &Plan, site: &Site, t: &Strings) -> String {
    let phone = site
        .clinic
        .phone
        .as_deref()
        .filter(|p| !p.trim().is_empty());
    let Some(v) = plan
        .next_visit
        .as_ref()
        .filter(|v| v.date.is_some() || v.time.is_some())
    else {
        return match phone {
            Some(p) => t.fmt("remember_next_none", &[("phone", p.trim())]),
            None => t.get("remember_next_none_no_phone").to_string(),
        };
    };
    let parts: Vec<String> = v
        .date
        .map(|d| t.date(d))
        .into_iter()
        .chain(v.time.clone())
        .collect();
    parts.join(t.get("list_separator"))
}
