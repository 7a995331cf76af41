//! The private caseload page (`handouts/index.html`): every patient with a
//! handout, their next visit, progress at a glance and `check`'s warnings,
//! sortable without script (each order is pre-rendered) and paginated, so
//! it stays fast and readable at ten thousand plans.

use super::chart::{name_of, with_unit};
use super::progress::{Series, Verdict};
use crate::base::diag::{Diagnostic, Severity};
use crate::content::config::MeasureSettings;
use crate::content::journey::format_number;
use crate::content::plan::Plan;
use crate::stages::load::Source;
use crate::stages::theme::i18n::Strings;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Rows per page.
pub const PAGE_SIZE: usize = 100;

/// The folder of the caseload's other pages, inside the handouts folder.
pub const CASELOAD_DIR: &str = "caseload";

/// The orders the caseload comes in: (key, string-table key of its label).
pub const SORTS: [(&str, &str); 4] = [
    ("name", "caseload_col_patient"),
    ("visit", "caseload_col_next"),
    ("progress", "caseload_col_progress"),
    ("warnings", "caseload_col_warnings"),
];

/// One patient's row.
#[derive(Debug, Clone, Serialize)]
pub struct CaseloadRow {
    /// Handout file name (`maria-lopez.html`).
    pub file: String,
    /// Link to the handout from the page the row is on.
    pub href: String,
    /// Preferred name.
    pub preferred_name: String,
    /// Full name.
    pub name: String,
    /// Next visit, written out.
    pub next_visit: Option<String>,
    /// Next visit, `YYYY-MM-DD` (for `<time>`).
    pub next_visit_iso: Option<String>,
    /// How far towards the goals, in percent (numeric measures with a
    /// target and a second value).
    pub progress_percent: Option<i64>,
    /// Each measure's start → latest, in one line.
    pub progress: Vec<String>,
    /// `check`'s warnings on the plan.
    pub warnings: usize,
    /// "3 warnings", in the plural form of the language (empty for none).
    pub warnings_text: String,
    /// Their codes, once each.
    pub warning_codes: Vec<String>,
}

/// A link to another order or page.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Label.
    pub label: String,
    /// Address relative to the page.
    pub href: String,
    /// The page being shown.
    pub current: bool,
}

/// One page of the caseload.
#[derive(Debug, Clone, Serialize)]
pub struct CaseloadPage {
    /// Path inside the handouts folder.
    pub path: String,
    /// The order shown.
    pub sort: String,
    /// Links to every order (page 1 of each).
    pub sorts: Vec<Link>,
    /// Links to every page of this order.
    pub pages: Vec<Link>,
    /// The rows of this page.
    pub rows: Vec<CaseloadRow>,
    /// Patients in all.
    pub total: usize,
    /// "12 patients", in the plural form of the language.
    pub total_text: String,
    /// 1-based number of the first row on this page.
    pub first: usize,
}

/// One row per plan (in the order given); `diags` are the plan's own.
pub fn row(
    src: &Source<Plan>,
    diags: &[Diagnostic],
    mcids: &BTreeMap<String, MeasureSettings>,
    t: &Strings,
) -> CaseloadRow {
    let plan = &src.value;
    let j = super::chart::journey_for(plan, mcids, t);
    let mut shares = Vec::new();
    let mut progress = Vec::new();
    let numeric = j.numeric.iter().chain(j.shown_averages());
    for s in numeric.filter(|s| s.points.len() > 1) {
        let (Some(a), Some(b)) = (s.start(), s.latest()) else {
            continue;
        };
        let goal = s
            .target
            .map(|g| format!(" ({} {})", t.get("measure_col_target"), format_number(g)))
            .unwrap_or_default();
        progress.push(format!(
            "{}: {} → {}{goal}{}",
            name_of(s, t),
            format_number(a),
            with_unit(s, b),
            verdict(s, t)
        ));
        // A PSFS's mean is its activities again: counted once, by them.
        if let Some(g) = s.target.filter(|g| *g != a && !s.is_mean()) {
            shares.push(((a - b) / (a - g)).clamp(-1.0, 1.0));
        }
    }
    for s in j.text.iter().filter(|s| s.values.len() > 1) {
        let (first, last) = (&s.values[0].1, &s.values[s.values.len() - 1].1);
        progress.push(format!("{}: {first} → {last}", s.name));
    }
    let percent = (!shares.is_empty())
        .then(|| (shares.iter().sum::<f64>() / shares.len() as f64 * 100.0).round() as i64);
    let warnings: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    let mut codes: Vec<String> = warnings.iter().map(|d| d.code.to_string()).collect();
    codes.sort();
    codes.dedup();
    let next = plan.next_visit.as_ref().and_then(|v| v.date);
    CaseloadRow {
        file: format!("{}.html", src.slug),
        href: String::new(),
        preferred_name: plan.patient.preferred().to_string(),
        name: plan.patient.name.clone(),
        next_visit: next.map(|d| t.date(d)),
        next_visit_iso: next.map(|d| d.to_string()),
        progress_percent: percent,
        progress,
        warnings: warnings.len(),
        warnings_text: match warnings.len() {
            0 => String::new(),
            n => t.count("caseload_warnings", n as u64, &[]),
        },
        warning_codes: codes,
    }
}

/// A standard measure's change against its MCID (the clinic's own when
/// site.yaml sets one): `, meaningful (MCID 9)`; empty without one.
fn verdict(s: &Series, t: &Strings) -> String {
    let (Some(v), Some(mcid)) = (s.verdict(), s.mcid) else {
        return String::new();
    };
    let key = match v {
        Verdict::Real => "caseload_mcid_real",
        Verdict::NotYet => "caseload_mcid_not_yet",
        Verdict::Worse => "caseload_mcid_worse",
    };
    format!(", {}", t.fmt(key, &[("mcid", &format_number(mcid))]))
}

fn by_name(a: &CaseloadRow, b: &CaseloadRow) -> Ordering {
    let key = |r: &CaseloadRow| (r.preferred_name.to_lowercase(), r.name.to_lowercase());
    key(a).cmp(&key(b)).then_with(|| a.file.cmp(&b.file))
}

/// `None` last, whatever the direction.
fn some_first<T: Ord>(a: &Option<T>, b: &Option<T>, desc: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) if desc => y.cmp(x),
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The rows in one order: by name; by next visit (soonest first); by
/// progress (least first: who may need help); by warnings (most first).
pub fn sorted(rows: &[CaseloadRow], sort: &str) -> Vec<CaseloadRow> {
    let mut v = rows.to_vec();
    v.sort_by(|a, b| {
        let first = match sort {
            "visit" => some_first(&a.next_visit_iso, &b.next_visit_iso, false),
            "progress" => some_first(&a.progress_percent, &b.progress_percent, false),
            "warnings" => b.warnings.cmp(&a.warnings),
            _ => Ordering::Equal,
        };
        first.then_with(|| by_name(a, b))
    });
    v
}

/// Where page `n` (1-based) of order `sort` lives: page 1 by name is
/// `index.html` (unless `index_free` is false: a plan's handout has that
/// name), every page also in `caseload/<sort>-<n>.html`.
fn page_path(sort: &str, n: usize, index: bool) -> String {
    if index {
        "index.html".to_string()
    } else {
        format!("{CASELOAD_DIR}/{sort}-{n}.html")
    }
}

/// Every page of the caseload: each order, paginated; `index_free` says
/// whether `index.html` may be written (no plan's handout is called so).
pub fn pages(rows: &[CaseloadRow], t: &Strings, index_free: bool) -> Vec<CaseloadPage> {
    let count = rows.len().div_ceil(PAGE_SIZE).max(1);
    let mut out = Vec::new();
    for (sort, _) in SORTS {
        let ordered = sorted(rows, sort);
        for n in 1..=count {
            let mut paths = vec![page_path(sort, n, false)];
            if index_free && sort == "name" && n == 1 {
                paths.push(page_path(sort, n, true));
            }
            for path in paths {
                out.push(page(&ordered, sort, n, count, path, t));
            }
        }
    }
    out
}

fn page(
    ordered: &[CaseloadRow],
    sort: &str,
    n: usize,
    count: usize,
    path: String,
    t: &Strings,
) -> CaseloadPage {
    // Links are relative: from `index.html` into `caseload/`, and back up.
    let nested = path.contains('/');
    let to_page = |s: &str, k: usize| match nested {
        true => format!("{s}-{k}.html"),
        false => format!("{CASELOAD_DIR}/{s}-{k}.html"),
    };
    let up = if nested { "../" } else { "" };
    let from = (n - 1) * PAGE_SIZE;
    let rows = ordered
        .iter()
        .skip(from)
        .take(PAGE_SIZE)
        .map(|r| CaseloadRow {
            href: format!("{up}{}", r.file),
            ..r.clone()
        })
        .collect();
    CaseloadPage {
        sorts: SORTS
            .iter()
            .map(|(s, label)| Link {
                label: t.get(label).to_string(),
                href: to_page(s, 1),
                current: *s == sort,
            })
            .collect(),
        pages: (1..=count)
            .map(|k| Link {
                label: k.to_string(),
                href: to_page(sort, k),
                current: k == n,
            })
            .collect(),
        path,
        sort: sort.to_string(),
        rows,
        total: ordered.len(),
        total_text: t.count("caseload_count", ordered.len() as u64, &[]),
        first: from + 1,
    }
}
