//! The private caseload pages (see [`crate::stages::model::caseload`]),
//! drawn with the site theme's `caseload.html`.

use super::{CompiledTheme, render};
use crate::base::diag::{Code, Diagnostic};
use crate::base::output::RenderedFile;
use crate::stages::model::SiteView;
use crate::stages::model::caseload::{self, CaseloadPage};
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

    /// One row's markup, drawn with `caseload-row.html` (trailing
    /// whitespace dropped: the page lays rows out).
    pub fn row(&self, row: &tera::Value) -> Result<String, Diagnostic> {
        let mut ctx = Context::new();
        self.add_shared(&mut ctx);
        ctx.insert_value("r", row.clone());
        let bytes = render(self.theme, "caseload-row.html", &ctx, "a caseload row")?;
        let mut html = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        html.truncate(html.trim_end().len());
        Ok(html)
    }

    /// What every template of the caseload gets.
    fn add_shared(&self, ctx: &mut Context) {
        ctx.insert("lang", &crate::base::lang::canonical(self.lang));
        ctx.insert("dir", self.theme.strings(self.lang).dir());
        ctx.insert_value("t", self.t.clone());
        ctx.insert_value("site", self.site.clone());
    }

    /// Render one caseload page, drawing the rows that have no markup yet
    /// (see [`crate::stages::model::caseload::Caseload::draw`]).
    pub fn render(&self, page: &CaseloadPage) -> Result<RenderedFile, Diagnostic> {
        let drawn;
        let page = if page.rows.iter().all(caseload::has_html) {
            page
        } else {
            drawn = self.draw_rows(page)?;
            &drawn
        };
        let mut ctx = Context::from_serialize(page).map_err(|e| {
            template_error(
                &e,
                "could not build the caseload data",
                Code::TemplateRender,
                &|_| None,
            )
        })?;
        self.add_shared(&mut ctx);
        let bytes = render(self.theme, "caseload.html", &ctx, "the caseload page")?;
        Ok(RenderedFile {
            path: page.path.clone(),
            bytes,
        })
    }

    /// `page` with markup for each of its rows that has none.
    fn draw_rows(&self, page: &CaseloadPage) -> Result<CaseloadPage, Diagnostic> {
        let mut page = page.clone();
        for row in page.rows.iter_mut().filter(|r| !caseload::has_html(r)) {
            *row = caseload::with_html(row, self.row(row)?);
        }
        Ok(page)
    }
}
