//! Progress over time, as pure functions of a plan's measures and visits:
//! each measure's series of (date, value), its start, latest and target,
//! and the change. Built-in outcome measures (NPRS, PSFS...) plug in by
//! giving a [`Scale`]; nothing here knows a template.

use crate::base::date::Date;
use crate::content::config::MeasureSettings;
use crate::content::journey::{MeasureValue, Scale};
use crate::content::measures::{Standard, expand, find};
use crate::content::plan::{Measure, Plan, Visit};
use std::collections::BTreeMap;

/// One numeric measure over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The measure's name.
    pub name: String,
    /// The measure's id.
    pub key: String,
    /// Its scale.
    pub scale: Scale,
    /// Every value, oldest first: the start (`now`, on the day the goal
    /// was agreed) and each visit's.
    pub points: Vec<(Date, f64)>,
    /// The target, when it is a number.
    pub target: Option<f64>,
    /// The built-in measure it is (`nprs`), when it is one.
    pub standard: Option<&'static Standard>,
    /// The change that counts as real (the MCID, or the clinic's own).
    pub mcid: Option<f64>,
    /// The PSFS activity it scores, in the patient's words.
    pub activity: Option<String>,
}

/// What a change amounts to, judged against the MCID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Better by at least the MCID.
    Real,
    /// Changed, by less than the MCID either way (or better by less).
    NotYet,
    /// Worse by at least the MCID.
    Worse,
}

impl Series {
    /// The first value.
    pub fn start(&self) -> Option<f64> {
        self.points.first().map(|p| p.1)
    }

    /// Is it a PSFS's mean score (see [`average`])?
    pub fn is_mean(&self) -> bool {
        self.activity.is_none() && self.standard.is_some_and(|s| s.per_activity())
    }

    /// The latest value.
    pub fn latest(&self) -> Option<f64> {
        self.points.last().map(|p| p.1)
    }

    /// Latest minus start.
    pub fn change(&self) -> Option<f64> {
        Some(self.latest()? - self.start()?)
    }

    /// Did the latest value improve on the start (by the scale's `better`)?
    pub fn improved(&self) -> bool {
        match (self.start(), self.latest()) {
            (Some(a), Some(b)) => self.points.len() > 1 && self.scale.improved(a, b),
            _ => false,
        }
    }

    /// The change against the MCID: `None` without an MCID or before a
    /// second value, or when nothing changed. The one place this is judged.
    pub fn verdict(&self) -> Option<Verdict> {
        let mcid = self.mcid?;
        let change = self
            .change()
            .filter(|c| *c != 0.0 && self.points.len() > 1)?;
        // A hair under the MCID from rounding (15.9 written as 15.90...).
        let big = change.abs() + 1e-9 >= mcid;
        Some(match (self.improved(), big) {
            (true, true) => Verdict::Real,
            (false, true) => Verdict::Worse,
            _ => Verdict::NotYet,
        })
    }

    /// Whole weeks from `origin` to each point (rounded down; never below 0).
    pub fn weeks_since(&self, origin: Date) -> Vec<i64> {
        self.points
            .iter()
            .map(|(d, _)| origin.days_until(*d).max(0) / 7)
            .collect()
    }
}

/// One measure kept as text (no scale), over time.
#[derive(Debug, Clone, PartialEq)]
pub struct TextSeries {
    /// The measure's name.
    pub name: String,
    /// Every value, oldest first (the start has the goal's day, if any).
    pub values: Vec<(Option<Date>, String)>,
    /// The target, as written.
    pub target: Option<String>,
}

/// The journey of one plan: numeric series (by goal order) and text ones.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Journey {
    /// Measures with a scale.
    pub numeric: Vec<Series>,
    /// Measures without one.
    pub text: Vec<TextSeries>,
    /// The first day of the journey: the goal's day, else the first visit.
    pub origin: Option<Date>,
    /// Each PSFS's score: the mean of its activities (see [`average`]).
    pub averages: Vec<Series>,
}

impl Journey {
    /// The PSFS means worth showing beside their activities: of more than
    /// one activity (else the mean is the activity), measured again.
    pub fn shown_averages(&self) -> impl Iterator<Item = &Series> {
        self.averages.iter().filter(|a| {
            a.points.len() > 1
                && self
                    .numeric
                    .iter()
                    .filter(|s| s.activity.is_some() && s.standard == a.standard)
                    .count()
                    > 1
        })
    }

    /// Is there anything to show: a measure with more than one value?
    pub fn has_progress(&self) -> bool {
        self.numeric.iter().any(|s| s.points.len() > 1)
            || self.text.iter().any(|s| s.values.len() > 1)
    }
}

/// The journey of a plan: each goal measure's values, from `now` on the
/// day the goal was agreed through every visit (sorted by date).
pub fn journey(plan: &Plan) -> Journey {
    let mut visits: Vec<&Visit> = plan.visits.iter().collect();
    visits.sort_by_key(|v| v.date);
    let origin = match (plan.goal.agreed_on, visits.first().map(|v| v.date)) {
        (Some(a), Some(v)) => Some(a.min(v)),
        (a, v) => a.or(v),
    };
    let mut out = Journey {
        origin,
        ..Journey::default()
    };
    for m in &expand(&plan.goal.measures) {
        let values = values_of(m, &visits);
        match m.scale.as_ref().filter(|s| s.is_valid()) {
            Some(scale) => {
                out.numeric
                    .push(series(m, scale, &values, plan.goal.agreed_on.or(origin)))
            }
            None => out.text.push(TextSeries {
                name: m.name.clone(),
                values: text_values(m, &values, plan.goal.agreed_on, origin),
                target: m.target.clone(),
            }),
        }
    }
    out.averages = averages(&out.numeric);
    out
}

/// Each per-activity measure's (PSFS's) score: the mean of its
/// activities, on the days every activity was scored (a visit scoring
/// only some activities gives no mean), with the measure's own MCID. The
/// one place the mean is taken.
fn averages(numeric: &[Series]) -> Vec<Series> {
    let mut out: Vec<Series> = Vec::new();
    for std in numeric.iter().filter_map(|s| s.standard) {
        if !std.per_activity() || out.iter().any(|a| a.standard == Some(std)) {
            continue;
        }
        let parts: Vec<&Series> = numeric
            .iter()
            .filter(|s| s.standard == Some(std) && s.activity.is_some())
            .collect();
        out.push(average(std, &parts));
    }
    out
}

/// The mean of `parts` (a PSFS's activities): see `averages`.
pub fn average(std: &'static Standard, parts: &[&Series]) -> Series {
    let mean = |vals: Vec<Option<f64>>| -> Option<f64> {
        let n = vals.len() as f64;
        let sum = vals.into_iter().sum::<Option<f64>>()?;
        (n > 0.0).then(|| (sum / n * 10.0).round() / 10.0)
    };
    let mut days: Vec<Date> = parts
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .collect();
    days.sort();
    days.dedup();
    let points = days
        .into_iter()
        .filter_map(|d| {
            let at = parts
                .iter()
                .map(|s| s.points.iter().find(|p| p.0 == d).map(|p| p.1))
                .collect();
            mean(at).map(|v| (d, v))
        })
        .collect();
    Series {
        name: crate::content::measures::default_name(std),
        key: std.id.to_string(),
        scale: std.scale(),
        points,
        target: mean(parts.iter().map(|s| s.target).collect()),
        standard: Some(std),
        mcid: Some(std.mcid),
        activity: None,
    }
}

/// A text measure's values: `now` (unless a visit on the start day gives
/// one), then each visit's.
fn text_values(
    m: &Measure,
    values: &[(Date, &MeasureValue)],
    agreed: Option<Date>,
    origin: Option<Date>,
) -> Vec<(Option<Date>, String)> {
    let start = agreed.or(origin);
    let visit_on_start = values.iter().any(|(d, _)| Some(*d) == start);
    m.now
        .iter()
        .filter(|_| !visit_on_start)
        .map(|n| (agreed, n.clone()))
        .chain(values.iter().map(|(d, v)| (Some(*d), v.text())))
        .collect()
}

/// The values the visits give a measure, by date.
fn values_of<'a>(m: &Measure, visits: &[&'a Visit]) -> Vec<(Date, &'a MeasureValue)> {
    visits
        .iter()
        .filter_map(|v| {
            v.measures
                .iter()
                .find(|(k, _)| m.answers_to(k))
                .and_then(|(_, val)| match &m.activity {
                    Some(a) => val.activity(a),
                    None => Some(val),
                })
                .map(|val| (v.date, val))
        })
        .collect()
}

/// A numeric series: `now` on `start` (unless a visit that day gives a
/// value), then each visit's value on the scale. Values that are no
/// number or off the scale are left out (`check` reports them).
pub fn series(
    m: &Measure,
    scale: &Scale,
    values: &[(Date, &MeasureValue)],
    start: Option<Date>,
) -> Series {
    let on_scale = |v: f64| scale.contains(v).then_some(v);
    let mut points: Vec<(Date, f64)> = Vec::new();
    let read = |t: &str| scale.read(t);
    let now = m.now.as_deref().and_then(read).and_then(on_scale);
    if let (Some(now), Some(day)) = (now, start.or(values.first().map(|v| v.0)))
        && !values.iter().any(|(d, _)| *d == day)
    {
        points.push((day, now));
    }
    points.extend(
        values
            .iter()
            .filter_map(|(d, v)| v.number_on(scale).and_then(on_scale).map(|n| (*d, n))),
    );
    points.sort_by_key(|p| p.0);
    Series {
        name: m.name.clone(),
        key: m.key(),
        scale: scale.clone(),
        points,
        target: m.target.as_deref().and_then(read).and_then(on_scale),
        standard: m.measure.as_deref().and_then(find),
        mcid: m
            .measure
            .as_deref()
            .and_then(find)
            .and_then(|s| match m.activity {
                Some(_) => s.activity_mcid,
                None => Some(s.mcid_on(scale, s.mcid)),
            }),
        activity: m.activity.clone(),
    }
}

impl Journey {
    /// The clinic's own MCIDs (`measures: { lefs: { mcid: 10 } }` in
    /// site.yaml) in place of the published ones. A PSFS's own MCID is
    /// its mean score's; its activities keep theirs.
    pub fn with_mcids(mut self, settings: &BTreeMap<String, MeasureSettings>) -> Journey {
        let all = self.numeric.iter_mut().chain(self.averages.iter_mut());
        for s in all.filter(|s| s.activity.is_none()) {
            let own = s.standard.and_then(|std| {
                settings
                    .iter()
                    .find(|(k, _)| k.trim().eq_ignore_ascii_case(std.id))
                    .and_then(|(_, v)| v.mcid)
                    .filter(|m| m.is_finite() && *m > 0.0)
            });
            if let (Some(own), Some(std)) = (own, s.standard) {
                s.mcid = Some(std.mcid_on(&s.scale, own));
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::journey::Better;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn a_series_runs_from_now_through_every_visit_in_date_order() {
        let m = Measure {
            name: "Pain on the stairs".into(),
            now: Some("7".into()),
            target: Some("2".into()),
            id: None,
            scale: Some(Scale {
                min: 0.0,
                max: 10.0,
                better: Better::Lower,
                unit: None,
            }),
            ..Measure::default()
        };
        let (a, b, c) = (
            MeasureValue::Number(5.0),
            MeasureValue::Text("6".into()),
            MeasureValue::Number(12.0),
        );
        let values = [
            (d("2026-12-10"), &a),
            (d("2026-12-01"), &b),
            (d("2026-12-20"), &c),
        ];
        let s = series(
            &m,
            m.scale.as_ref().unwrap(),
            &values,
            Some(d("2026-11-20")),
        );
        assert_eq!(
            s.points,
            vec![
                (d("2026-11-20"), 7.0),
                (d("2026-12-01"), 6.0),
                (d("2026-12-10"), 5.0)
            ]
        );
        assert_eq!(
            (s.start(), s.latest(), s.target, s.change()),
            (Some(7.0), Some(5.0), Some(2.0), Some(-2.0))
        );
        assert!(s.improved());
        assert_eq!(s.weeks_since(d("2026-11-20")), vec![0, 1, 2]);
        // A visit on the start day wins over `now`.
        let first = [(d("2026-11-20"), &a)];
        let s = series(&m, m.scale.as_ref().unwrap(), &first, Some(d("2026-11-20")));
        assert_eq!(s.points, vec![(d("2026-11-20"), 5.0)]);
        assert!(!s.improved());
    }
}
