//! The guard's reading of a plan's own text (see
//! [`crate::stages::privacy::others`]): plain text, names, phones and
//! dates only, each identifier with every line it is on. A public file
//! needs more readings (markup, other alphabets, ages, story days); a
//! plan, read for another patient's identifiers in each of 10,000 plans,
//! is read once and quickly.

use super::super::dates::{self, Found};
use super::super::fold::Stream;
use super::{DateKind, Guard, What};
use ahash::AHashMap as HashMap;
use std::collections::BTreeSet;

/// One patient's identifier of one kind in a plan's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanHit {
    /// Index of the plan it belongs to (in the guard's order).
    pub plan: usize,
    /// What it is.
    pub what: What,
    /// The folded needle (never printed whole).
    pub key: String,
    /// The 1-based lines it is on (none when the scan could not tell).
    pub lines: BTreeSet<u32>,
}

impl Guard {
    /// Every identifier in `text`, read as plain text, sorted by plan and
    /// kind.
    pub(in crate::stages::privacy) fn scan_plan(&self, text: &str) -> Vec<PlanHit> {
        let stream = Stream::of_lines(text);
        let mut hits: HashMap<(usize, What), PlanHit> = HashMap::new();
        let mut hit = |plan: u32, what: What, key: &str, line: u32| {
            let h = hits
                .entry((plan as usize, what))
                .or_insert_with(|| PlanHit {
                    plan: plan as usize,
                    what,
                    key: key.to_string(),
                    lines: BTreeSet::new(),
                });
            if line != 0 {
                h.lines.insert(line);
            }
        };
        let named = self.scan_names(&stream, &mut hit);
        self.scan_phones(&stream, &mut hit);
        let _ = named;
        self.scan_birth_dates(&stream, &mut hit);
        let mut out: Vec<PlanHit> = hits.into_values().collect();
        out.sort_by_key(|a| (a.plan, a.what));
        out
    }

    /// Birth dates written with their year (a day and a month alone are
    /// anyone's). Visit dates are left out: every day of the year is
    /// someone's visit, and this patient's own.
    fn scan_birth_dates(&self, s: &Stream, hit: &mut impl FnMut(u32, What, &str, u32)) {
        for (found, tok) in dates::find(s, &self.months) {
            let f = match found {
                Found::Code(d) => Found::Full(d),
                Found::Full(_) => found,
                _ => continue,
            };
            let Some(owners) = self.dates.get(&f) else {
                continue;
            };
            for (plan, kind) in owners {
                if *kind == DateKind::Birth {
                    hit(*plan, What::Date(*kind), "", s.toks[tok].line);
                }
            }
        }
    }
}
