//! Stage 4, **render**: fill the theme's Tera templates, in parallel.
//! Outputs are collected in a fixed order, so the result does not depend on
//! the number of threads. Handouts are rendered here; the public site's
//! pages in [`public`].

use crate::base::diag::Code;
use crate::base::diag::Diagnostic;
use crate::base::output::RenderedFile;
use crate::stages::model::{Handout, SiteView};
use crate::stages::theme::i18n::Strings;
use crate::stages::theme::template_error;
use rayon::prelude::*;
use std::collections::BTreeMap;
use tera::{Context, Tera};

mod caseload;
mod public;

pub use caseload::CaseloadRenderer;
pub use public::{PublicSite, public};

/// A compiled theme with its per-language strings.
pub struct CompiledTheme {
    /// Templates.
    pub tera: Tera,
    /// The handout stylesheet, inlined into each handout.
    pub handout_css: String,
    /// Strings by language.
    pub strings: BTreeMap<String, Strings>,
    /// The theme's (and site's) static files for `public/`.
    pub static_files: Vec<RenderedFile>,
    /// Static file path → the file it came from (for diagnostics).
    pub static_origins: BTreeMap<String, String>,
    /// Template name → the file it came from (for diagnostics).
    pub origins: BTreeMap<String, String>,
    /// A hash of every file of the theme (for the build cache).
    pub fingerprint: u128,
    /// Whether its templates and strings are heropath's own
    /// ([`crate::stages::theme::Theme::is_stock`]): a check need not
    /// render handouts with them to know that they render.
    pub stock: bool,
    /// The languages it has string tables for (`ar`, `en`, `es`…).
    pub languages: Vec<String>,
}

impl CompiledTheme {
    /// The month names of every language the theme has strings for (the
    /// privacy guard reads dates written in them): CLDR's full names, and a
    /// table's own `months` override.
    pub fn month_tables(&self) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for (lang, s) in &self.strings {
            let cldr = crate::base::cldr::month_names(lang);
            out.extend(cldr.full.into_iter().map(Vec::from));
            out.extend(s.list_all("months").map(<[String]>::to_vec));
        }
        out
    }

    /// Strings for `lang` (English when the theme has no such table).
    pub fn strings(&self, lang: &str) -> &Strings {
        self.strings
            .get(lang)
            .or_else(|| self.strings.get("en"))
            .or_else(|| self.strings.values().next())
            .expect("the pipeline inserts at least the English table")
    }
}

/// Render template `name` (for `what`, named in the error).
fn render(
    theme: &CompiledTheme,
    name: &str,
    ctx: &Context,
    what: &str,
) -> Result<Vec<u8>, Diagnostic> {
    render_into(theme, name, ctx, what, None)
}

/// [`render`], into a buffer of `capacity` bytes when given (else as
/// large as the template's own text, then grown). Rendered into bytes: the
/// output is written as bytes, so it is not checked again for UTF-8
/// (templates write strings only).
fn render_into(
    theme: &CompiledTheme,
    name: &str,
    ctx: &Context,
    what: &str,
    capacity: Option<usize>,
) -> Result<Vec<u8>, Diagnostic> {
    let done = match capacity {
        Some(capacity) => {
            let mut out = Vec::with_capacity(capacity);
            theme.tera.render_to(name, ctx, &mut out).map(|()| out)
        }
        None => theme.tera.render(name, ctx).map(String::into_bytes),
    };
    done.map_err(|e| {
        let origin = |n: &str| theme.origins.get(n).cloned();
        template_error(
            &e,
            &format!("could not render {what} with `{name}`"),
            Code::TemplateRender,
            &origin,
        )
    })
}

/// Renders handouts one at a time, sharing what is the same for every
/// patient (strings, stylesheet, site): it becomes template values once,
/// not once per handout (tera values share their strings).
pub struct HandoutRenderer<'a> {
    themes: &'a BTreeMap<String, CompiledTheme>,
    site: tera::Value,
    /// (theme, language) → (strings, stylesheet).
    shared: BTreeMap<(&'a str, &'a str), (tera::Value, tera::Value)>,
    /// The size of a handout rendered last, on any thread: the next one's
    /// buffer starts about that large rather than growing (and copying)
    /// step by step to 30 KB or so. The output does not depend on it.
    last_size: std::sync::atomic::AtomicUsize,
}

impl<'a> HandoutRenderer<'a> {
    /// Prepare the shared values of every theme and language.
    pub fn new(
        themes: &'a BTreeMap<String, CompiledTheme>,
        site: &SiteView,
    ) -> HandoutRenderer<'a> {
        let mut shared = BTreeMap::new();
        for (name, theme) in themes {
            let css = tera::Value::from_serializable(&theme.handout_css);
            for (lang, strings) in &theme.strings {
                shared.insert(
                    (name.as_str(), lang.as_str()),
                    (tera::Value::from_serializable(strings), css.clone()),
                );
            }
        }
        HandoutRenderer {
            themes,
            site: tera::Value::from_serializable(site),
            shared,
            last_size: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// Render one handout.
    pub fn render(&self, h: &Handout) -> Result<RenderedFile, Diagnostic> {
        let theme = &self.themes[&h.theme];
        let mut ctx = Context::from_serialize(&h.view).map_err(|e| {
            template_error(
                &e,
                "could not build the handout data",
                Code::TemplateRender,
                &|_| None,
            )
        })?;
        ctx.insert_value("exercises", cards_of_steps(&ctx));
        ctx.insert("lang", &crate::base::lang::canonical(&h.lang));
        ctx.insert("dir", theme.strings(&h.lang).dir());
        match self.shared.get(&(h.theme.as_str(), h.lang.as_str())) {
            Some((t, css)) => {
                ctx.insert_value("t", t.clone());
                ctx.insert_value("css", css.clone());
            }
            None => {
                ctx.insert("t", theme.strings(&h.lang));
                ctx.insert("css", &theme.handout_css);
            }
        }
        ctx.insert_value("site", self.site.clone());
        use std::sync::atomic::Ordering::Relaxed;
        let capacity = self.last_size.load(Relaxed);
        let bytes = render_into(
            theme,
            "handout.html",
            &ctx,
            &format!("the handout for {}", h.slug),
            Some(capacity + capacity / 8),
        )?;
        self.last_size.store(bytes.len(), Relaxed);
        Ok(RenderedFile {
            path: crate::stages::model::handout_file(&h.slug),
            bytes,
        })
    }
}

/// Every card of every step of a handout's context, in order: what
/// templates get as `exercises` (for the adherence log), made of the
/// values already in `steps` (tera shares them) rather than modelled and
/// serialized a second time.
fn cards_of_steps(ctx: &Context) -> tera::Value {
    let steps = ctx
        .get("steps")
        .and_then(tera::Value::as_array)
        .unwrap_or_default();
    let cards: Vec<tera::Value> = steps
        .iter()
        .filter_map(|step| {
            step.as_map()?
                .get(&tera::value::Key::from("exercises"))
                .cloned()
        })
        .flat_map(|cards| {
            cards
                .as_array()
                .map(<[tera::Value]>::to_vec)
                .unwrap_or_default()
        })
        .collect();
    tera::Value::from(cards)
}

/// Render one handout (prefer [`HandoutRenderer`] for many).
pub fn handout(
    h: &Handout,
    themes: &BTreeMap<String, CompiledTheme>,
    site: &SiteView,
) -> Result<RenderedFile, Diagnostic> {
    HandoutRenderer::new(themes, site).render(h)
}

/// Render every handout.
pub fn handouts(
    handouts: &[Handout],
    themes: &BTreeMap<String, CompiledTheme>,
    site: &SiteView,
) -> Vec<Result<RenderedFile, Diagnostic>> {
    let r = HandoutRenderer::new(themes, site);
    handouts.par_iter().map(|h| r.render(h)).collect()
}
