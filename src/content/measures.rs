//! The built-in standard outcome measures (NPRS, PSFS, LEFS, ODI, NDI,
//! QuickDASH): each one's range, direction and published minimal
//! clinically important difference (MCID), and how a plan's
//! `measure: <id>` entries expand into plain measures with a scale.
//! `docs/measures.md` lists the same table with its sources.

use crate::content::journey::{Better, MeasureValue, Scale, format_number};
use crate::content::plan::Measure;

/// One built-in outcome measure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standard {
    /// The id a plan names it by (`measure: lefs`).
    pub id: &'static str,
    /// Its short name, as clinicians and payers write it.
    pub short: &'static str,
    /// Its full name.
    pub name: &'static str,
    /// The lowest score.
    pub min: f64,
    /// The highest score.
    pub max: f64,
    /// Which way is better.
    pub better: Better,
    /// How a score is read after the number.
    pub unit: &'static str,
    /// The minimal clinically important difference, in points.
    pub mcid: f64,
    /// Where the MCID comes from.
    pub source: &'static str,
    /// Scored per activity the patient names (PSFS): the score is the
    /// mean of the activities' scores, whose MCID is `mcid`; one
    /// activity's own change is meaningful from this many points.
    pub activity_mcid: Option<f64>,
    /// Also scored as a percentage of its range (the NDI: 0-50 points or
    /// 0-100 %): a plan whose goal writes `now:` or `target:` with `%`
    /// keeps the measure in %.
    pub percent_form: bool,
}

impl Standard {
    /// Scored per activity the patient names (PSFS)?
    pub fn per_activity(&self) -> bool {
        self.activity_mcid.is_some()
    }

    /// The measure's scale.
    pub fn scale(&self) -> Scale {
        Scale {
            min: self.min,
            max: self.max,
            better: self.better,
            unit: Some(self.unit.to_string()),
        }
    }

    /// The scale a goal measure is kept on: the measure's own, or 0-100 %
    /// when it has a percent form and the goal writes a value in %.
    pub fn scale_for(&self, m: &Measure) -> Scale {
        let in_percent = |v: &Option<String>| v.as_deref().is_some_and(|t| t.trim().ends_with('%'));
        match self.percent_form && (in_percent(&m.now) || in_percent(&m.target)) {
            true => Scale {
                min: 0.0,
                max: 100.0,
                better: self.better,
                unit: Some("%".to_string()),
            },
            false => self.scale(),
        }
    }

    /// An MCID in the measure's own points, on `scale`: the NDI's 7.5
    /// points are 15 % of its range.
    pub fn mcid_on(&self, scale: &Scale, mcid: f64) -> f64 {
        mcid * (scale.max - scale.min) / (self.max - self.min)
    }
}

const fn std(
    id: &'static str,
    short: &'static str,
    name: &'static str,
    (min, max, better): (f64, f64, Better),
    unit: &'static str,
    mcid: f64,
    source: &'static str,
) -> Standard {
    Standard {
        id,
        short,
        name,
        min,
        max,
        better,
        unit,
        mcid,
        source,
        activity_mcid: None,
        percent_form: false,
    }
}

/// Every built-in measure, by id.
pub const STANDARDS: [Standard; 6] = [
    std(
        "nprs",
        "NPRS",
        "Numeric Pain Rating Scale",
        (0.0, 10.0, Better::Lower),
        "out of 10",
        2.0,
        "Farrar JT et al. Pain 2001;94(2):149-158; Childs JD, Piva SR, Fritz JM. Spine 2005;30(11):1331-1334",
    ),
    Standard {
        activity_mcid: Some(3.0),
        ..std(
            "psfs",
            "PSFS",
            "Patient-Specific Functional Scale",
            (0.0, 10.0, Better::Higher),
            "out of 10",
            2.0,
            "Stratford P et al. Physiother Can 1995;47(4):258-263 (2 points for the mean score, 3 for one activity); Horn KK et al. J Orthop Sports Phys Ther 2012;42(1):30-42",
        )
    },
    std(
        "lefs",
        "LEFS",
        "Lower Extremity Functional Scale",
        (0.0, 80.0, Better::Higher),
        "out of 80",
        9.0,
        "Binkley JM et al. Phys Ther 1999;79(4):371-383",
    ),
    std(
        "odi",
        "ODI",
        "Oswestry Disability Index",
        (0.0, 100.0, Better::Lower),
        "%",
        10.0,
        "Ostelo RW et al. Spine 2008;33(1):90-94",
    ),
    Standard {
        percent_form: true,
        ..std(
            "ndi",
            "NDI",
            "Neck Disability Index",
            (0.0, 50.0, Better::Lower),
            "out of 50",
            7.5,
            "Young BA et al. Spine J 2009;9(10):802-808 (7.5 points; 15 % when scored in %)",
        )
    },
    std(
        "quickdash",
        "QuickDASH",
        "Quick Disabilities of the Arm, Shoulder and Hand",
        (0.0, 100.0, Better::Lower),
        "out of 100",
        15.9,
        "Franchignoni F et al. J Orthop Sports Phys Ther 2014;44(1):30-39",
    ),
];

/// The built-in measure with this id (any case, spaces trimmed).
pub fn find(id: &str) -> Option<&'static Standard> {
    let id = id.trim();
    STANDARDS.iter().find(|s| s.id.eq_ignore_ascii_case(id))
}

/// Every built-in id, in table order.
pub fn ids() -> Vec<&'static str> {
    STANDARDS.iter().map(|s| s.id).collect()
}

/// A plan's goal measures with every built-in one expanded into a plain
/// measure with its scale: a PSFS becomes one measure per activity, named
/// in the patient's own words. Unknown ids are kept as they are (`check`
/// reports them).
pub fn expand(measures: &[Measure]) -> Vec<Measure> {
    let mut out = Vec::new();
    for m in measures {
        let Some(s) = m.measure.as_deref().and_then(find) else {
            out.push(m.clone());
            continue;
        };
        let base = Measure {
            measure: Some(s.id.to_string()),
            id: Some(s.id.to_string()),
            scale: Some(s.scale_for(m)),
            activities: Vec::new(),
            ..m.clone()
        };
        if s.per_activity() {
            out.extend(m.activities.iter().map(|a| Measure {
                name: a.name.trim().to_string(),
                now: a.now.as_ref().map(MeasureValue::text),
                target: a.target.as_ref().map(MeasureValue::text),
                activity: Some(a.name.trim().to_string()),
                ..base.clone()
            }));
        } else {
            let name = match m.name.trim() {
                "" => default_name(s),
                n => n.to_string(),
            };
            out.push(Measure { name, ..base });
        }
    }
    out
}

/// The name a built-in measure gets when the plan gives none:
/// `Lower Extremity Functional Scale (LEFS)`.
pub fn default_name(s: &Standard) -> String {
    format!("{} ({})", s.name, s.short)
}

/// A change written with its sign: `+14`, `-3.5`.
pub fn signed(n: f64) -> String {
    if n > 0.0 {
        format!("+{}", format_number(n))
    } else {
        format_number(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_measure_has_a_usable_scale_and_a_sourced_mcid() {
        for s in &STANDARDS {
            assert!(s.scale().is_valid(), "{}", s.id);
            assert!(s.mcid > 0.0 && s.mcid < s.max - s.min, "{}", s.id);
            assert!(!s.source.is_empty(), "{}", s.id);
            assert_eq!(find(&s.id.to_uppercase()), Some(s));
        }
        assert_eq!(find("nprs").map(|s| s.better), Some(Better::Lower));
        assert_eq!(find("lefs").map(|s| s.better), Some(Better::Higher));
        assert!(find("vas").is_none());
        assert_eq!(ids(), crate::content::journey::STANDARD_IDS);
        assert_eq!(signed(14.0), "+14");
        assert_eq!(signed(-2.5), "-2.5");
    }
}
