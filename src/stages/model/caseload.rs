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

use super::pager::pager;
pub use super::pager::{Link, PAGER_REACH};

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

/// One page of the caseload.
#[derive(Debug, Clone, Serialize)]
pub struct CaseloadPage {
    /// Path inside the handouts folder.
    pub path: String,
    /// The order shown.
    pub sort: String,
    /// Links to every order (page 1 of each).
    pub sorts: Vec<Link>,
    /// The pager of this order: the first and last pages, and the pages
    /// up to [`PAGER_REACH`] either side of this one, with a gap for each
    /// run of pages left out.
    pub pages: Vec<Link>,
    /// The rows of this page ([`CaseloadRow`]s as template values).
    pub rows: Vec<tera::Value>,
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
        file: super::handout_file(&src.slug),
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

/// Each row's place by name (preferred name, then full name, case aside,
/// then file): computed once, as lower-casing inside a comparison ran
/// for every one of a large caseload's million comparisons.
fn name_ranks(rows: &[CaseloadRow]) -> Vec<usize> {
    use rayon::prelude::*;
    let key = |r: &CaseloadRow| (r.preferred_name.to_lowercase(), r.name.to_lowercase());
    let keys: Vec<_> = rows.par_iter().map(key).collect();
    let mut by_name: Vec<usize> = (0..rows.len()).collect();
    by_name.par_sort_by(|&a, &b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| rows[a].file.cmp(&rows[b].file))
    });
    let mut rank = vec![0; rows.len()];
    for (place, &i) in by_name.iter().enumerate() {
        rank[i] = place;
    }
    rank
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

/// The rows in one order, as indexes into `rows`: by name; by next visit
/// (soonest first); by progress (least first: who may need help); by
/// warnings (most first).
fn order(rows: &[CaseloadRow], name_rank: &[usize], sort: &str) -> Vec<usize> {
    use rayon::prelude::*;
    let mut v: Vec<usize> = (0..rows.len()).collect();
    v.par_sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        let first = match sort {
            "visit" => some_first(&ra.next_visit_iso, &rb.next_visit_iso, false),
            "progress" => some_first(&ra.progress_percent, &rb.progress_percent, false),
            "warnings" => rb.warnings.cmp(&ra.warnings),
            _ => Ordering::Equal,
        };
        first.then_with(|| name_rank[a].cmp(&name_rank[b]))
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

/// The caseload in each of its orders, made into pages one at a time: a
/// clinic of 100,000 plans has 4,000 pages, rendered and written as they
/// are made rather than all held at once.
pub struct Caseload {
    /// The rows as template values linking from `caseload/` (`../`): each
    /// row shows on a page of every order, and is made a template value
    /// once, not once per order.
    rows: Vec<tera::Value>,
    /// Per order of [`SORTS`], the rows' indexes in that order.
    orders: Vec<Vec<usize>>,
    /// Pages per order.
    count: usize,
    /// May `index.html` be written (no plan's handout is called so)?
    index_free: bool,
}

/// Which page: its order (an index into [`SORTS`]), its number (1-based)
/// and its path.
#[derive(Debug, Clone)]
pub struct PageRef {
    sort: usize,
    n: usize,
    path: String,
}

impl Caseload {
    /// The caseload of `rows` (one per plan with a handout).
    pub fn new(rows: Vec<CaseloadRow>, index_free: bool) -> Caseload {
        use rayon::prelude::*;
        // Sorted in parallel: at 100,000 plans, five sorts on one core
        // were a quarter of a second with the other core idle.
        let name_rank = name_ranks(&rows);
        let orders = SORTS
            .par_iter()
            .map(|(sort, _)| order(&rows, &name_rank, sort))
            .collect();
        let count = rows.len().div_ceil(PAGE_SIZE).max(1);
        let rows = rows
            .into_par_iter()
            .with_max_len(PAGE_SIZE)
            .map(|r| {
                tera::Value::from_serializable(&CaseloadRow {
                    href: format!("../{}", r.file),
                    ..r
                })
            })
            .collect();
        Caseload {
            orders,
            count,
            rows,
            index_free,
        }
    }

    /// Give each row its markup as `html`, made by `draw` from the row:
    /// a row shows on a page of every order, so it is drawn once, not once
    /// per order. Unless `keep_fields`, a row keeps nothing but its markup
    /// (its fields are let go as soon as it is drawn, so the caseload holds
    /// no more than before): for a `caseload.html` that shows `r.html`
    /// only. The rows of `index.html`, which link from elsewhere and are
    /// drawn again for that page, keep theirs. The first problem, in row
    /// order.
    pub fn draw<E: Send>(
        &mut self,
        keep_fields: bool,
        draw: impl Fn(&tera::Value) -> Result<String, E> + Sync,
    ) -> Result<(), E> {
        use rayon::prelude::*;
        let mut on_index = vec![keep_fields; self.rows.len()];
        if self.index_free {
            for &i in self.orders[0].iter().take(PAGE_SIZE) {
                on_index[i] = true;
            }
        }
        let done: Vec<Result<(), E>> = self
            .rows
            .par_iter_mut()
            .zip(on_index)
            .with_max_len(PAGE_SIZE)
            .map(|(row, keep)| {
                let html = draw(row)?;
                *row = match keep {
                    true => with_html(row, html),
                    false => only_html(html),
                };
                Ok(())
            })
            .collect();
        done.into_iter().collect()
    }

    /// Every page, in a fixed order.
    pub fn pages(&self) -> Vec<PageRef> {
        let mut out = Vec::new();
        for (i, (sort, _)) in SORTS.iter().enumerate() {
            for n in 1..=self.count {
                out.push(PageRef {
                    sort: i,
                    n,
                    path: page_path(sort, n, false),
                });
                if self.index_free && *sort == "name" && n == 1 {
                    out.push(PageRef {
                        sort: i,
                        n,
                        path: page_path(sort, n, true),
                    });
                }
            }
        }
        out
    }

    /// One page's data.
    pub fn page(&self, at: &PageRef, t: &Strings) -> CaseloadPage {
        let (sort, n, count) = (SORTS[at.sort].0, at.n, self.count);
        // Links are relative: from `index.html` into `caseload/`, and back up.
        let nested = at.path.contains('/');
        let to_page = |s: &str, k: usize| match nested {
            true => format!("{s}-{k}.html"),
            false => format!("{CASELOAD_DIR}/{s}-{k}.html"),
        };
        let from = (n - 1) * PAGE_SIZE;
        let rows = self.orders[at.sort]
            .iter()
            .skip(from)
            .take(PAGE_SIZE)
            .map(|&i| match nested {
                true => self.rows[i].clone(),
                false => linked_from_top(&self.rows[i]),
            })
            .collect();
        CaseloadPage {
            sorts: SORTS
                .iter()
                .map(|(s, label)| Link {
                    label: t.get(label).to_string(),
                    href: to_page(s, 1),
                    current: *s == sort,
                    gap: false,
                })
                .collect(),
            pages: pager(n, count, |k| to_page(sort, k)),
            path: at.path.clone(),
            sort: sort.to_string(),
            rows,
            total: self.rows.len(),
            total_text: t.count("caseload_count", self.rows.len() as u64, &[]),
            first: from + 1,
        }
    }
}

/// The key of a row's markup (see [`Caseload::draw`]).
const HTML: &str = "html";

/// `row` with its markup.
pub fn with_html(row: &tera::Value, html: String) -> tera::Value {
    let Some(map) = row.as_map() else {
        return row.clone();
    };
    let mut map = map.clone();
    map.insert(tera::value::Key::Str(HTML), html.into());
    tera::Value::from(map)
}

/// A row of nothing but its markup.
fn only_html(html: String) -> tera::Value {
    let mut map = tera::value::Map::default();
    map.insert(tera::value::Key::Str(HTML), html.into());
    tera::Value::from(map)
}

/// Has `row` its markup?
pub fn has_html(row: &tera::Value) -> bool {
    row.as_map()
        .is_some_and(|m| m.contains_key(&tera::value::Key::Str(HTML)))
}

/// A row (linking from `caseload/`) as `index.html` links it: without `../`,
/// and without the markup drawn with `../` (to be drawn again).
fn linked_from_top(row: &tera::Value) -> tera::Value {
    let Some(map) = row.as_map() else {
        return row.clone();
    };
    let mut map = map.clone();
    map.shift_remove(&tera::value::Key::Str(HTML));
    let href = map
        .get(&tera::value::Key::Str("href"))
        .and_then(tera::Value::as_str)
        .map(|h| h.strip_prefix("../").unwrap_or(h).to_string());
    if let Some(href) = href {
        map.insert(tera::value::Key::Str("href"), href.into());
    }
    tera::Value::from(map)
}
