//! The journey over time: a goal measure's scale and identity, and the
//! visits at which measures were taken again (`visits:` in a plan).
//!
//! Everything here is optional in a plan: a plan without `visits:` or
//! `scale:` reads as before. Visit dates and notes are private (dates are
//! identifiers): only [`crate::stages::model`] may turn them into weeks
//! since the start for a public page.

use crate::base::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The ids of the built-in outcome measures (their table is
/// [`crate::content::measures::STANDARDS`], in this order).
pub const STANDARD_IDS: [&str; 6] = ["nprs", "psfs", "lefs", "odi", "ndi", "quickdash"];

/// The schema of `measure:` in a plan: one of the built-in ids.
pub fn standard_measure_id(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "string",
        "enum": STANDARD_IDS,
        "description": "A built-in standard outcome measure; its name, scale, direction and MCID come with it."
    })
}

/// Which way a measure improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    /// Lower is better (pain, time to stand up).
    Lower,
    /// Higher is better (range of motion, seconds of balance).
    Higher,
}

/// A numeric measure's scale: `{ min: 0, max: 10, better: lower, unit: out of 10 }`.
/// A measure with a scale is drawn as a chart.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// The lowest possible value.
    pub min: f64,
    /// The highest possible value.
    pub max: f64,
    /// Which way is better: `lower` or `higher`.
    pub better: Better,
    /// How a value is read, after the number: `out of 10`, `degrees`,
    /// `seconds` (optional).
    #[serde(default)]
    pub unit: Option<String>,
}

impl Scale {
    /// Is `v` on the scale (inclusive)?
    pub fn contains(&self, v: f64) -> bool {
        v >= self.min && v <= self.max
    }

    /// Is the scale usable (finite, `min` below `max`)?
    pub fn is_valid(&self) -> bool {
        self.min.is_finite() && self.max.is_finite() && self.min < self.max
    }

    /// Did going from `from` to `to` improve things?
    pub fn improved(&self, from: f64, to: f64) -> bool {
        match self.better {
            Better::Lower => to < from,
            Better::Higher => to > from,
        }
    }
}

/// One visit: the day, the measures taken, and a private note.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// The day of the visit (private: never on the public site).
    pub date: Date,
    /// The values measured, by measure `id` or `name`:
    /// `{ stairs-pain: 5, Reaching overhead: Pain 4 out of 10 }`.
    #[serde(default)]
    pub measures: BTreeMap<String, MeasureValue>,
    /// A private note (never on the public site, not on the handout).
    #[serde(default)]
    pub note: Option<String>,
}

/// A value measured at a visit: a number or a text, as in the goal.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum MeasureValue {
    /// A number on the measure's scale.
    Number(f64),
    /// A text such as `Shoulder height`.
    Text(String),
    /// A PSFS visit's scores by activity: `{ Climb the stairs: 6 }`.
    Activities(BTreeMap<String, MeasureValue>),
}

impl MeasureValue {
    /// The value as a number, when it is one (a text that is only a
    /// number, `"7"`, counts).
    pub fn number(&self) -> Option<f64> {
        match self {
            MeasureValue::Number(n) => Some(*n).filter(|n| n.is_finite()),
            MeasureValue::Text(t) => number(t),
            MeasureValue::Activities(_) => None,
        }
    }

    /// The value as written.
    pub fn text(&self) -> String {
        match self {
            MeasureValue::Number(n) => format_number(*n),
            MeasureValue::Text(t) => t.clone(),
            MeasureValue::Activities(map) => map
                .iter()
                .map(|(k, v)| format!("{k}: {}", v.text()))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// The score of one activity of a PSFS visit (names compared trimmed).
    pub fn activity(&self, name: &str) -> Option<&MeasureValue> {
        match self {
            MeasureValue::Activities(map) => map
                .iter()
                .find(|(k, _)| k.trim() == name.trim())
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

/// A text that is only a number (`7`, `" 4.5 "`, `-2`), as a number.
pub fn number(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return None;
    }
    t.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A number written without needless decimals, deterministically: `7`,
/// `4.5`, `0.25` (at most two decimals).
pub fn format_number(n: f64) -> String {
    let s = format!("{n:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s {
        "-0" | "" => "0".to_string(),
        s => s.to_string(),
    }
}

/// The id a measure is known by in `visits:` when it gives none: the slug
/// of its name (`Pain on the stairs` → `pain-on-the-stairs`).
pub fn default_id(name: &str) -> String {
    slug::slugify(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_and_print_deterministically() {
        assert_eq!(number(" 7 "), Some(7.0));
        assert_eq!(number("4.5"), Some(4.5));
        assert_eq!(number("7 out of 10"), None);
        assert_eq!(number("1e9"), None);
        assert_eq!(number(""), None);
        assert_eq!(format_number(7.0), "7");
        assert_eq!(format_number(4.5), "4.5");
        assert_eq!(format_number(1.0 / 3.0), "0.33");
        assert_eq!(format_number(-0.0001), "0");
        assert_eq!(default_id("Pain on the stairs"), "pain-on-the-stairs");
    }

    #[test]
    fn a_scale_knows_which_way_is_better() {
        let s = Scale {
            min: 0.0,
            max: 10.0,
            better: Better::Lower,
            unit: None,
        };
        assert!(s.improved(7.0, 5.0));
        assert!(!s.improved(5.0, 7.0));
        assert!(s.contains(0.0) && s.contains(10.0) && !s.contains(10.5));
        assert!(s.is_valid());
    }
}
