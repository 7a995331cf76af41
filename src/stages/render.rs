//! Stage 4, **render**: fill the theme's Tera templates, in parallel.
//! Outputs are collected in a fixed order, so the result does not depend on
//! the number of threads.

use crate::base::diag::Code;
use crate::base::diag::Diagnostic;
use crate::base::output::RenderedFile;
use crate::stages::model::{Handout, MenuItem, PageView, Published, SiteView, Story, TagRef};
use crate::stages::theme::i18n::Strings;
use crate::stages::theme::template_error;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::{Context, Tera};

/// A compiled theme with its per-language strings.
pub struct Compiled {
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
}

impl Compiled {
    /// The month names of every language the theme has strings for (the
    /// privacy guard reads dates written in them).
    pub fn month_tables(&self) -> Vec<Vec<String>> {
        self.strings
            .values()
            .filter_map(|s| s.list_all("months").map(<[String]>::to_vec))
            .collect()
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

fn render(theme: &Compiled, name: &str, ctx: &Context, what: &str) -> Result<Vec<u8>, Diagnostic> {
    theme
        .tera
        .render(name, ctx)
        .map(String::into_bytes)
        .map_err(|e| {
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
    themes: &'a BTreeMap<String, Compiled>,
    site: tera::Value,
    /// (theme, language) → (strings, stylesheet).
    shared: BTreeMap<(&'a str, &'a str), (tera::Value, tera::Value)>,
}

impl<'a> HandoutRenderer<'a> {
    /// Prepare the shared values of every theme and language.
    pub fn new(themes: &'a BTreeMap<String, Compiled>, site: &SiteView) -> HandoutRenderer<'a> {
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
        ctx.insert("lang", &h.lang);
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
        let bytes = render(
            theme,
            "handout.html",
            &ctx,
            &format!("the handout for {}", h.slug),
        )?;
        Ok(RenderedFile {
            path: format!("{}.html", h.slug),
            bytes,
        })
    }
}

/// Render one handout (prefer [`HandoutRenderer`] for many).
pub fn handout(
    h: &Handout,
    themes: &BTreeMap<String, Compiled>,
    site: &SiteView,
) -> Result<RenderedFile, Diagnostic> {
    HandoutRenderer::new(themes, site).render(h)
}

/// Render every handout.
pub fn handouts(
    handouts: &[Handout],
    themes: &BTreeMap<String, Compiled>,
    site: &SiteView,
) -> Vec<Result<RenderedFile, Diagnostic>> {
    let r = HandoutRenderer::new(themes, site);
    handouts.par_iter().map(|h| r.render(h)).collect()
}

/// Everything the public site is made of.
pub struct PublicSite<'a> {
    /// Site data.
    pub site: &'a SiteView,
    /// Pages.
    pub pages: &'a [PageView],
    /// Home intro.
    pub intro_html: Option<&'a str>,
    /// Published stories, newest first.
    pub stories: &'a [Published],
    /// Menu.
    pub menu: &'a [MenuItem],
    /// Site language.
    pub lang: &'a str,
}

#[derive(Serialize)]
struct Meta<'a> {
    title: &'a str,
    description: Option<&'a str>,
    permalink: String,
    og_type: &'a str,
}

#[derive(Serialize)]
struct Url {
    loc: String,
}

enum Job<'a> {
    Index,
    Page(&'a PageView),
    Stories,
    Story(&'a Story),
    Tag(&'a TagRef, Vec<&'a Story>),
    NotFound,
    Sitemap,
    Atom,
    Robots,
}

/// Render every public page.
pub fn public(p: &PublicSite<'_>, theme: &Compiled) -> Vec<Result<RenderedFile, Diagnostic>> {
    let t = theme.strings(p.lang);
    let stories: Vec<&Story> = p.stories.iter().map(|s| &s.story).collect();
    let mut tags: BTreeMap<&str, (&TagRef, Vec<&Story>)> = BTreeMap::new();
    for s in &stories {
        for tag in &s.tags {
            tags.entry(tag.slug.as_str())
                .or_insert_with(|| (tag, Vec::new()))
                .1
                .push(s);
        }
    }
    let tag_list: Vec<&TagRef> = tags.values().map(|(t, _)| *t).collect();
    let mut base = Context::new();
    base.insert("lang", p.lang);
    base.insert("t", t);
    base.insert("site", p.site);
    base.insert("menu", p.menu);

    let mut jobs = vec![
        Job::Index,
        Job::Stories,
        Job::NotFound,
        Job::Sitemap,
        Job::Atom,
        Job::Robots,
    ];
    jobs.extend(p.pages.iter().map(Job::Page));
    jobs.extend(stories.iter().map(|s| Job::Story(s)));
    jobs.extend(tags.into_values().map(|(t, s)| Job::Tag(t, s)));

    let site = p.site;
    let page_ctx = |title: &str, description: Option<&str>, rel: &str, og_type: &str| {
        let mut c = base.clone();
        c.insert(
            "meta",
            &Meta {
                title,
                description: description.or(site.description.as_deref()),
                permalink: site.permalink(rel),
                og_type,
            },
        );
        c.insert("current_path", &site.url(rel));
        c
    };

    jobs.par_iter()
        .map(|job| {
            let (path, tpl, ctx) = match job {
                Job::Index => {
                    let mut c = page_ctx(&site.title, None, "", "website");
                    c.insert("intro_html", &p.intro_html);
                    c.insert("stories", &stories.iter().take(3).collect::<Vec<_>>());
                    c.insert("story_count", &stories.len());
                    ("index.html".to_string(), "index.html", c)
                }
                Job::Page(pg) => {
                    let mut c = page_ctx(
                        &pg.title,
                        pg.description.as_deref(),
                        &format!("{}/", pg.slug),
                        "website",
                    );
                    c.insert("page", pg);
                    (format!("{}/index.html", pg.slug), "page.html", c)
                }
                Job::Stories => {
                    let mut c = page_ctx(t.get("stories_title"), None, "stories/", "website");
                    c.insert("stories", &stories);
                    c.insert("tags", &tag_list);
                    ("stories/index.html".to_string(), "stories.html", c)
                }
                Job::Story(s) => {
                    let mut c = page_ctx(
                        &s.title,
                        Some(&s.summary),
                        &format!("stories/{}/", s.slug),
                        "article",
                    );
                    c.insert("story", s);
                    (format!("stories/{}/index.html", s.slug), "story.html", c)
                }
                Job::Tag(tag, list) => {
                    let rel = format!("tags/{}/", tag.slug);
                    let mut c = page_ctx(&tag.name, None, &rel, "website");
                    #[derive(Serialize)]
                    struct TagView<'a> {
                        name: &'a str,
                        slug: &'a str,
                        url: &'a str,
                        permalink: String,
                    }
                    c.insert(
                        "tag",
                        &TagView {
                            name: &tag.name,
                            slug: &tag.slug,
                            url: &tag.url,
                            permalink: site.permalink(&rel),
                        },
                    );
                    c.insert("stories", list);
                    (format!("{rel}index.html"), "tag.html", c)
                }
                Job::NotFound => {
                    let c = page_ctx(t.get("not_found_title"), None, "404.html", "website");
                    ("404.html".to_string(), "404.html", c)
                }
                Job::Sitemap => {
                    let mut c = base.clone();
                    let mut urls = vec![site.permalink(""), site.permalink("stories/")];
                    urls.extend(p.pages.iter().map(|pg| pg.permalink.clone()));
                    urls.extend(stories.iter().map(|s| s.permalink.clone()));
                    urls.extend(
                        tag_list
                            .iter()
                            .map(|tg| site.permalink(&format!("tags/{}/", tg.slug))),
                    );
                    c.insert(
                        "urls",
                        &urls.into_iter().map(|loc| Url { loc }).collect::<Vec<_>>(),
                    );
                    ("sitemap.xml".to_string(), "sitemap.xml", c)
                }
                Job::Atom => {
                    let mut c = base.clone();
                    c.insert("stories", &stories);
                    c.insert("feed_url", &site.permalink("atom.xml"));
                    let updated = stories
                        .iter()
                        .map(|s| s.updated.as_str())
                        .max()
                        .unwrap_or("1970-01-01T00:00:00Z");
                    c.insert("updated", updated);
                    ("atom.xml".to_string(), "atom.xml", c)
                }
                Job::Robots => {
                    let mut c = base.clone();
                    c.insert("sitemap_url", &site.permalink("sitemap.xml"));
                    ("robots.txt".to_string(), "robots.txt", c)
                }
            };
            let bytes = render(theme, tpl, &ctx, &format!("public/{path}"))?;
            Ok(RenderedFile { path, bytes })
        })
        .collect()
}
