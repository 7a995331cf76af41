//! The private caseload pages (see [`crate::stages::model::caseload`]),
//! drawn with the site theme's `caseload.html`.

use super::{CompiledTheme, render};
use crate::base::diag::{Code, Diagnostic};
use crate::base::output::RenderedFile;
use crate::stages::model::SiteView;
use crate::stages::model::caseload::CaseloadPage;
use crate::stages::theme::template_error;
use tera::Context;

/// Renders caseload pages in the site's language: the string table and
/// the site are made into template values once, not for each of a large
/// caseload's hundreds of pages.
pub struct CaseloadRenderer<'a> {
    theme: &'a CompiledTheme,
    lang: &'a str,
    t: tera::Value,
    site: tera::Value,
}

impl<'a> CaseloadRenderer<'a> {
    /// A renderer for `theme`'s `caseload.html` in `lang`.
    pub fn new(theme: &'a CompiledTheme, site: &SiteView, lang: &'a str) -> Self {
        CaseloadRenderer {
            theme,
            lang,
            t: tera::Value::from_serializable(theme.strings(lang)),
            site: tera::Value::from_serializable(site),
        }
    }

    /// Render one caseload page.
    pub fn render(&self, page: &CaseloadPage) -> Result<RenderedFile, Diagnostic> {
        let mut ctx = Context::from_serialize(page).map_err(|e| {
            template_error(
                &e,
                "could not build the caseload data",
                Code::TemplateRender,
                &|_| None,
            )
        })?;
        ctx.insert("lang", &crate::base::lang::canonical(self.lang));
        ctx.insert("dir", self.theme.strings(self.lang).dir());
        ctx.insert_value("t", self.t.clone());
        ctx.insert_value("site", self.site.clone());
        let bytes = render(self.theme, "caseload.html", &ctx, "the caseload page")?;
        Ok(RenderedFile {
            path: page.path.clone(),
            bytes,
        })
    }
}
