//! The journey over time: a goal measure's scale and identity, and the
//! visits at which measures were taken again (`visits:` in a plan).
//!
//! Everything here is optional in a plan: a plan without `visits:` or
//! `scale:` reads as before. Visit dates and notes are private (dates are
//! identifiers): only [`crate::stages::model`] may turn them into weeks
//! since the start for a public page.

use crate::base::date::Date;
use crate::content::yaml::text;
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

    /// A value written on this scale, as a number: `7`, `4.5`, `4,5` (a
    /// decimal comma, as much of the world writes it), followed or not by
    /// how the scale is read: its `unit` as written (`4 de 10`), `%` on a
    /// percentage scale (`32%`), `/80` or `out of 80` for its maximum.
    /// Anything else is no number on it (`check` says so).
    pub fn read(&self, text: &str) -> Option<f64> {
        let t = text.trim();
        let end = t
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-')))
            .unwrap_or(t.len());
        let (digits, rest) = t.split_at(end);
        let n = number(digits).or_else(|| decimal_comma(digits))?;
        let rest = rest.trim();
        let unit = self.unit.as_deref().map(str::trim).unwrap_or_default();
        // Written out only for a value that names the maximum.
        let max = || format_number(self.max);
        // `°` for a scale in degrees, in the languages of the handouts
        // (asked only of a value written with `°`: this reads every value).
        let degrees = || {
            let unit = unit.to_lowercase();
            ["deg", "grad", "°", "度", "độ", "درج"]
                .iter()
                .any(|d| unit.starts_with(d))
        };
        let fits = rest.is_empty()
            || rest.eq_ignore_ascii_case(unit)
            || rest == "%" && unit == "%"
            || rest == "°" && degrees()
            || rest.strip_prefix('/').is_some_and(|m| m.trim() == max())
            || rest
                .strip_prefix("out of")
                .is_some_and(|m| m.trim() == max());
        fits.then_some(n)
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
    #[serde(deserialize_with = "text::opt_text")]
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

    /// The value as a number on `scale` (see [`Scale::read`]).
    pub fn number_on(&self, scale: &Scale) -> Option<f64> {
        match self {
            MeasureValue::Text(t) => scale.read(t),
            _ => self.number(),
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

    /// The score of one activity of a PSFS visit (see [`same_activity`]).
    pub fn activity(&self, name: &str) -> Option<&MeasureValue> {
        match self {
            MeasureValue::Activities(map) => map
                .iter()
                .find(|(k, _)| same_activity(k, name))
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

/// `4,5` as 4.5: one comma with one or two digits after it (`1,000` is
/// no decimal).
fn decimal_comma(text: &str) -> Option<f64> {
    let (whole, frac) = text.split_once(',')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let whole_ok = digits(whole.strip_prefix('-').unwrap_or(whole));
    (whole_ok && digits(frac) && frac.len() <= 2)
        .then(|| number(&format!("{whole}.{frac}")))
        .flatten()
}

/// A number written without needless decimals, deterministically: `7`,
/// `4.5`, `0.25` (at most two decimals).
pub fn format_number(n: f64) -> String {
    // Whole numbers (most scores) without formatting a float: the same
    // text, as {:.2} of a whole number is exact.
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return (n as i64).to_string();
    }
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

/// Do two PSFS activity names name the same activity? As written, but for
/// case, runs of white space and curly apostrophes or quotes (`Pick up
/// my granddaughter’s toys` is `pick up my  granddaughter's toys`).
pub fn same_activity(a: &str, b: &str) -> bool {
    fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
        s.split_whitespace()
            .flat_map(|w| std::iter::once(' ').chain(w.chars()))
            .skip(1)
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
                '\u{201C}' | '\u{201D}' => '"',
                c => c,
            })
    }
    folded(a).eq(folded(b))
}

/// A measure's key as a visit may write it: lower case, a run of spaces,
/// `_` or `-` one `-` (`LEFS` is `lefs`, `Knee Bend` is `knee-bend`).
/// Other marks are kept: a quoted name is not its unquoted one.
pub fn folded_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for word in key
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
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
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(-12.0), "-12");
        assert_eq!(format_number(80.0), "80");
        // Whole numbers take a shorter way: the text is the one {:.2} gives.
        for n in [
            0.0,
            1.0,
            -3.0,
            100.0,
            65535.0,
            -1e14,
            123456789012345.0,
            1e15,
            2e300,
        ] {
            let long = format!("{n:.2}");
            assert_eq!(format_number(n), long.trim_end_matches(".00"), "{n}");
        }
        assert_eq!(default_id("Pain on the stairs"), "pain-on-the-stairs");
        assert_eq!(folded_key(" Knee  Bend "), "knee-bend");
        assert_eq!(folded_key("LEFS"), "lefs");
        assert_eq!(folded_key("stairs_pain"), "stairs-pain");
        assert_eq!(folded_key("“Reaching up”"), "“reaching-up”");
        assert!(same_activity(
            " Pick up my granddaughter’s toys",
            "pick up my  Granddaughter's toys "
        ));
        assert!(!same_activity("Climb the stairs", "Climb the stair"));
    }

    #[test]
    fn a_value_is_read_as_people_write_it_on_its_scale() {
        let scale = |max: f64, unit: &str| Scale {
            min: 0.0,
            max,
            better: Better::Lower,
            unit: Some(unit.to_string()),
        };
        let (lefs, odi, custom) = (
            scale(80.0, "out of 80"),
            scale(100.0, "%"),
            scale(10.0, "de 10"),
        );
        for (s, text, want) in [
            (&lefs, "38", Some(38.0)),
            (&lefs, " 38/80 ", Some(38.0)),
            (&lefs, "38 / 80", Some(38.0)),
            (&lefs, "38 out of 80", Some(38.0)),
            (&lefs, "38 OUT OF 80", Some(38.0)),
            (&lefs, "38,5", Some(38.5)),
            (&lefs, "-3", Some(-3.0)),
            (&lefs, "38/100", None),
            (&lefs, "38%", None),
            (&lefs, "1,000", None),
            (&lefs, "3,4,5", None),
            (&lefs, "about 38", None),
            (&lefs, "38 on a good day", None),
            (&odi, "32%", Some(32.0)),
            (&odi, "32 %", Some(32.0)),
            (&odi, "32,5 %", Some(32.5)),
            (&custom, "4 de 10", Some(4.0)),
            (&custom, "4,5", Some(4.5)),
            (&custom, "4/10", Some(4.0)),
            (&custom, "4°", None),
            (&scale(150.0, "degrees"), "110°", Some(110.0)),
            (&scale(150.0, "grados"), "110 °", Some(110.0)),
        ] {
            assert_eq!(s.read(text), want, "{text:?} on {:?}", s.unit);
        }
        assert_eq!(MeasureValue::Number(7.0).number_on(&lefs), Some(7.0));
        assert_eq!(
            MeasureValue::Text("7/80".into()).number_on(&lefs),
            Some(7.0)
        );
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
