//! A measure's progress as template data: the geometry of an inline SVG
//! chart (fixed-precision numbers, so output is deterministic), its text
//! alternative, a table fallback and one sentence in the reader's
//! language. The template draws the markup, with autoescaping on.

use super::progress::{Journey, Series, Verdict};
use crate::base::date::Date;
use crate::content::journey::format_number;
use crate::content::measures::{Standard, default_name, expand, find};
use crate::content::plan::Measure;
use crate::stages::theme::i18n::Strings;
use serde::Serialize;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 86.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 11.0;
const BOTTOM: f64 = 25.0;

/// One chart: geometry (as fixed-precision strings), text alternative,
/// sentence and table rows.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    /// A unique id on its page (for `aria-labelledby`).
    pub id: String,
    /// The measure's name.
    pub name: String,
    /// The text alternative: the measure, every value and the goal.
    pub label: String,
    /// One sentence naming the change ("Your pain went from 7 to 5 out of 10.").
    pub sentence: String,
    /// The `viewBox` width and height.
    pub width: String,
    /// See `width`.
    pub height: String,
    /// The plot area's edges: left, right, top, bottom.
    pub left: String,
    /// See `left`.
    pub right: String,
    /// See `left`.
    pub top: String,
    /// See `left`.
    pub bottom: String,
    /// The line through the values (`points` of a polyline).
    pub line: String,
    /// Each value's marker.
    pub points: Vec<ChartPoint>,
    /// The target line, when the target is a number.
    pub target: Option<ChartTick>,
    /// The scale's ends, on the y axis.
    pub y_ticks: Vec<ChartTick>,
    /// What the x axis counts ("Weeks since the start").
    pub x_label: String,
    /// The table fallback: when, value.
    pub rows: Vec<(String, String)>,
    /// Start, latest and target, written with the unit.
    pub start: String,
    /// See `start`.
    pub latest: String,
    /// See `start`.
    pub goal: String,
    /// Did the measure improve?
    pub improved: bool,
}

/// One marker.
#[derive(Debug, Clone, Serialize)]
pub struct ChartPoint {
    /// Centre.
    pub x: String,
    /// Centre.
    pub y: String,
    /// The value, as written.
    pub value: String,
    /// The x tick under it (weeks), when there is room.
    pub tick: Option<String>,
    /// The first point (drawn as a square: the start).
    pub first: bool,
}

/// A horizontal line or tick with its label.
#[derive(Debug, Clone, Serialize)]
pub struct ChartTick {
    /// Height.
    pub y: String,
    /// Label.
    pub label: String,
}

fn fixed(v: f64) -> String {
    format!("{v:.1}")
}

/// A value with the scale's unit: `5 out of 10`.
pub fn with_unit(s: &Series, v: f64) -> String {
    match s
        .scale
        .unit
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(u) => format!("{} {u}", format_number(v)),
        None => format_number(v),
    }
}

/// The measure's name as it reads inside a sentence: first letter in lower
/// case unless the name starts with an acronym ("NPRS").
fn in_sentence(name: &str) -> String {
    let mut chars = name.trim().chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain([b]).chain(chars).collect()
        }
        _ => name.trim().to_string(),
    }
}

/// A measure's name for the reader: a built-in measure the plan did not
/// name reads in the reader's language (`measure_nprs`: "Pain"); a PSFS
/// activity and every other measure read as the plan writes them.
pub fn name_of(s: &Series, t: &Strings) -> String {
    match s.activity {
        Some(_) => s.name.clone(),
        None => display_name(&s.name, s.standard, t),
    }
}

/// A measure's name for the reader, given its name as expanded (see
/// [`crate::content::measures::expand`]): a built-in measure left unnamed
/// reads in the reader's language when the string table has
/// `measure_<id>`, else as its full name with the short one. The one
/// place a measure's shown name is decided.
pub fn display_name(name: &str, standard: Option<&Standard>, t: &Strings) -> String {
    if let Some(std) = standard
        && (name.trim().is_empty() || name == default_name(std))
    {
        let key = format!("measure_{}", std.id);
        let local = t.get(&key);
        return match local == key {
            true => default_name(std),
            false => local.to_string(),
        };
    }
    name.to_string()
}

/// A plan's journey as a reader sees it: the clinic's own MCIDs (site.yaml)
/// and each built-in measure's unit in the reader's language
/// (`measure_out_of`: "out of 80"). The one journey the handout, the story
/// and the caseload show.
pub fn journey_for(
    plan: &crate::content::plan::Plan,
    mcids: &std::collections::BTreeMap<String, crate::content::config::MeasureSettings>,
    t: &Strings,
) -> Journey {
    let mut j = super::progress::journey(plan).with_mcids(mcids);
    for s in j.numeric.iter_mut().chain(j.averages.iter_mut()) {
        // Only on the measure's own scale: an NDI kept in % says "%".
        let own = |std: &&Standard| s.scale.unit.as_deref() == Some(std.unit);
        let Some(std) = s
            .standard
            .filter(|std| std.unit.starts_with("out of") && own(std))
        else {
            continue;
        };
        let unit = t.fmt("measure_out_of", &[("max", &format_number(std.max))]);
        if unit != "measure_out_of" {
            s.scale.unit = Some(unit);
        }
    }
    j
}

/// A plan's goal measures as the reader sees them (the handout's table,
/// the story's): built-in ones expanded, a PSFS into its activities in the
/// patient's words, every name through [`display_name`].
pub fn shown_measures(measures: &[Measure], t: &Strings) -> Vec<Measure> {
    expand(measures)
        .into_iter()
        .map(|m| {
            let std = m
                .measure
                .as_deref()
                .and_then(find)
                .filter(|_| m.activity.is_none());
            Measure {
                name: display_name(&m.name, std, t),
                ..m
            }
        })
        .collect()
}

/// The sentence naming a measure's change, from the string table; for a
/// measure with an MCID, whether the change is a real one.
pub fn sentence(s: &Series, t: &Strings) -> String {
    let (Some(a), Some(b)) = (s.start(), s.latest()) else {
        return String::new();
    };
    let changed = s.points.len() > 1 && a != b;
    let key = match (changed, s.verdict()) {
        (false, _) => "progress_same",
        (true, None) => "progress_went",
        (true, Some(Verdict::Real)) => "progress_real",
        (true, Some(Verdict::Worse)) => "progress_worse",
        (true, Some(Verdict::NotYet)) => "progress_not_yet",
    };
    let name = name_of(s, t);
    // A PSFS activity is the patient's own goal: quoted as they said it,
    // never re-cased ("Your score for “Climb the stairs to my flat” …").
    let name = match s.activity {
        Some(_) => t.fmt("activity_score", &[("activity", &name)]),
        None => name,
    };
    let in_text = match s.activity {
        Some(_) => name.clone(),
        None => in_sentence(&name),
    };
    t.fmt(
        key,
        &[
            ("measure", &name),
            ("measure_lc", &in_text),
            ("from", &format_number(a)),
            ("to", &with_unit(s, b)),
        ],
    )
}

/// The chart of one series; `when` labels each point in the table
/// fallback (a date on the handout, a week on the public site).
pub fn chart(
    id: String,
    s: &Series,
    origin: Date,
    t: &Strings,
    when: &dyn Fn(Date) -> String,
) -> ChartView {
    let (min, max) = (s.scale.min, s.scale.max);
    let y = |v: f64| TOP + (max - v) / (max - min) * (HEIGHT - TOP - BOTTOM);
    let days: Vec<i64> = s
        .points
        .iter()
        .map(|p| origin.days_until(p.0).max(0))
        .collect();
    let span = days.iter().copied().max().unwrap_or(0).max(1) as f64;
    let plot = WIDTH - LEFT - RIGHT;
    let x = |d: i64| {
        if s.points.len() == 1 {
            LEFT + plot / 2.0
        } else {
            LEFT + d as f64 / span * plot
        }
    };
    let mut last_tick: Option<(f64, i64)> = None;
    let points: Vec<ChartPoint> = s
        .points
        .iter()
        .zip(&days)
        .enumerate()
        .map(|(i, ((_, v), &d))| {
            let px = x(d);
            let room = last_tick.is_none_or(|(l, w)| px - l >= 18.0 && w != d / 7);
            if room {
                last_tick = Some((px, d / 7));
            }
            ChartPoint {
                x: fixed(px),
                y: fixed(y(*v)),
                value: format_number(*v),
                tick: room.then(|| (d / 7).to_string()),
                first: i == 0,
            }
        })
        .collect();
    let values: Vec<String> = s.points.iter().map(|p| format_number(p.1)).collect();
    let goal = s
        .target
        .map(|g| with_unit(s, g))
        .unwrap_or_else(|| "–".into());
    let label = t.fmt(
        "progress_chart_alt",
        &[
            ("measure", &name_of(s, t)),
            ("values", &values.join(", ")),
            ("goal", &goal),
            ("unit", s.scale.unit.as_deref().unwrap_or("")),
        ],
    );
    ChartView {
        id,
        name: name_of(s, t),
        sentence: sentence(s, t),
        label,
        width: fixed(WIDTH),
        height: fixed(HEIGHT),
        left: fixed(LEFT),
        right: fixed(WIDTH - RIGHT),
        top: fixed(TOP),
        bottom: fixed(HEIGHT - BOTTOM),
        line: points
            .iter()
            .map(|p| format!("{},{}", p.x, p.y))
            .collect::<Vec<_>>()
            .join(" "),
        points,
        target: s.target.map(|g| ChartTick {
            y: fixed(y(g)),
            label: t.fmt("progress_goal_line", &[("goal", &format_number(g))]),
        }),
        y_ticks: [min, max]
            .iter()
            .map(|&v| ChartTick {
                y: fixed(y(v)),
                label: format_number(v),
            })
            .collect(),
        x_label: t.get("progress_weeks_axis").to_string(),
        rows: s
            .points
            .iter()
            .map(|(d, v)| (when(*d), with_unit(s, *v)))
            .collect(),
        start: s.start().map(|v| with_unit(s, v)).unwrap_or_default(),
        latest: s.latest().map(|v| with_unit(s, v)).unwrap_or_default(),
        goal,
        improved: s.improved(),
    }
}

/// A text measure's values, oldest first.
#[derive(Debug, Clone, Serialize)]
pub struct TextProgress {
    /// The measure's name.
    pub name: String,
    /// Its values.
    pub values: Vec<String>,
    /// Its target, as written.
    pub goal: Option<String>,
}

/// What the handout's "How far you've come" section and opening show.
#[derive(Debug, Clone, Serialize)]
pub struct JourneyView {
    /// One chart per numeric measure with a value.
    pub charts: Vec<ChartView>,
    /// Every other measure (text, or a number not measured yet): the
    /// section stands in for the goal's table of measures.
    pub texts: Vec<TextProgress>,
    /// The opening's greeting, once a measure improved.
    pub greeting: Option<String>,
}

/// The handout's journey, when a measure has more than one value.
pub fn handout_journey(j: &Journey, name: &str, t: &Strings) -> Option<JourneyView> {
    let origin = j.origin?;
    if !j.has_progress() {
        return None;
    }
    let when = |d: Date| t.date(d);
    let charts: Vec<ChartView> = j
        .numeric
        .iter()
        .chain(j.shown_averages())
        .filter(|s| !s.points.is_empty())
        .enumerate()
        .map(|(i, s)| chart(format!("progress-{}", i + 1), s, origin, t, &when))
        .collect();
    let mut charts = charts;
    // The opening greets with the first measure that improved; its chart
    // then need not say the same sentence again.
    let greeting = charts.iter_mut().find(|c| c.improved).map(|c| {
        let g = t.fmt(
            "progress_greeting",
            &[("name", name), ("progress", &c.sentence)],
        );
        c.sentence = String::new();
        g
    });
    let unmeasured = j
        .numeric
        .iter()
        .filter(|s| s.points.is_empty())
        .map(|s| TextProgress {
            name: name_of(s, t),
            values: Vec::new(),
            goal: s.target.map(|g| with_unit(s, g)),
        });
    let texts = j
        .text
        .iter()
        .map(|s| TextProgress {
            name: s.name.clone(),
            values: s.values.iter().map(|v| v.1.clone()).collect(),
            goal: s.target.clone(),
        })
        .chain(unmeasured)
        .collect();
    Some(JourneyView {
        charts,
        texts,
        greeting,
    })
}
