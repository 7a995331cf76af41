//! The private caseload pages (see [`crate::stages::model::caseload`]),
//! drawn with the site theme's `caseload.html`.

use super::{CompiledTheme, render};
use crate::base::diag::{Code, Diagnostic};
use crate::base::output::RenderedFile;
use crate::stages::model::SiteView;
use crate::stages::model::caseload::CaseloadPage;
use crate::stages::theme::template_error;
use tera::Context;

/// Render one caseload page in the site's language.
pub fn caseload(
    theme: &CompiledTheme,
    site: &SiteView,
    lang: &str,
    page: &CaseloadPage,
) -> Result<RenderedFile, Diagnostic> {
    let mut ctx = Context::from_serialize(page).map_err(|e| {
        template_error(
            &e,
            "could not build the caseload data",
            Code::TemplateRender,
            &|_| None,
        )
    })?;
    let t = theme.strings(lang);
    ctx.insert("lang", lang);
    ctx.insert("dir", t.dir());
    ctx.insert("t", t);
    ctx.insert("site", site);
    let bytes = render(theme, "caseload.html", &ctx, "the caseload page")?;
    Ok(RenderedFile {
        path: page.path.clone(),
        bytes,
    })
}
