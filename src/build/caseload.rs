//! The private caseload pages written beside the handouts
//! (`handouts/index.html` and `handouts/caseload/`): every plan that got a
//! handout in this build, in the site's theme and language.

use super::*;
use crate::stages::model::caseload;

/// Is `rel` (inside the handouts folder) a caseload page heropath writes?
pub(super) fn is_caseload_file(rel: &str) -> bool {
    rel == "index.html"
        || rel
            .strip_prefix(caseload::CASELOAD_DIR)
            .is_some_and(|r| r.starts_with('/') && r.ends_with(".html"))
}

/// Render the caseload pages for the plans with a handout (`records`, in
/// `clinic.plans` order), handing each to `sink` as soon as it is
/// rendered, in parallel (none when no plan has a handout). The first
/// problem, in page order.
pub(super) fn caseload_files(
    p: &Prepared,
    records: &[Option<(String, u128)>],
    sink: impl Fn(RenderedFile) -> Result<(), Diagnostic> + Sync,
) -> Result<(), Diagnostic> {
    let site = &p.clinic.site;
    let Some(theme) = p
        .themes
        .get(&site.theme)
        .or_else(|| p.themes.values().next())
    else {
        return Ok(());
    };
    let t = theme.strings(&site.language);
    let rows: Vec<caseload::CaseloadRow> = p
        .clinic
        .plans
        .par_iter()
        .zip(&p.plan_diags)
        .zip(records)
        .with_max_len(crate::base::parallel::PLANS_PER_TASK)
        .filter(|(_, r)| r.is_some())
        .map(|((src, d), _)| caseload::row(src, d, &site.measures, t))
        .collect();
    // A website folder without plans (story records only) gets none.
    if rows.is_empty() {
        return Ok(());
    }
    let index_free = !records
        .iter()
        .flatten()
        .any(|(path, _)| path == "index.html");
    let mut caseload = caseload::Caseload::new(rows, index_free);
    let renderer = render::CaseloadRenderer::new(theme, &p.site, &site.language);
    // heropath's own caseload.html shows a row's markup only.
    caseload.draw(!theme.stock, |row| renderer.row(row))?;
    let done: Vec<Result<(), Diagnostic>> = caseload
        .pages()
        .par_iter()
        .with_max_len(crate::base::parallel::FILES_PER_TASK)
        .map(|at| renderer.render(&caseload.page(at, t)).and_then(&sink))
        .collect();
    done.into_iter().collect()
}
