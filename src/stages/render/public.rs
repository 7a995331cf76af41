//! Rendering the public site: one job per page (home, pages, stories, tag
//! pages, 404, sitemap, feed, robots.txt), each filled from the same
//! shared context and rendered in parallel, collected in job order.

use super::{CompiledTheme, render};
use crate::base::diag::Diagnostic;
use crate::base::output::RenderedFile;
use crate::stages::model::{Look, MenuItem, PageView, Part, Published, SiteView, Story, TagRef};
use crate::stages::theme::i18n::Strings;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Context;

/// Everything the public site is made of.
pub struct PublicSite<'a> {
    /// Site data.
    pub site: &'a SiteView,
    /// Pages.
    pub pages: &'a [PageView],
    /// Home intro, cut at its include markers.
    pub intro: Option<&'a [Part]>,
    /// Hero, brand, cards, the clinic's JSON-LD.
    pub look: &'a Look,
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
    og_image: String,
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

/// What every public page is rendered with, worked out once.
struct Shared<'a> {
    p: &'a PublicSite<'a>,
    t: &'a Strings,
    stories: Vec<&'a Story>,
    tag_list: Vec<&'a TagRef>,
    /// The values every page has: language, strings, site, menu.
    base: Context,
}

/// Render every public page.
pub fn public(p: &PublicSite<'_>, theme: &CompiledTheme) -> Vec<Result<RenderedFile, Diagnostic>> {
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
    base.insert("lang", &crate::base::lang::canonical(p.lang));
    base.insert("dir", t.dir());
    base.insert("t", t);
    base.insert("site", p.site);
    base.insert("menu", p.menu);
    base.insert("look", p.look);

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

    let shared = Shared {
        p,
        t,
        stories,
        tag_list,
        base,
    };
    jobs.par_iter()
        .with_max_len(crate::base::parallel::FILES_PER_TASK)
        .map(|job| {
            let (path, tpl, ctx) = shared.job(job);
            let bytes = render(theme, tpl, &ctx, &format!("public/{path}"))?;
            Ok(RenderedFile { path, bytes })
        })
        .collect()
}

impl Shared<'_> {
    /// The context of a page: the shared values and the page's meta.
    fn page_ctx(
        &self,
        title: &str,
        description: Option<&str>,
        rel: &str,
        og_type: &str,
    ) -> Context {
        let site = self.p.site;
        let mut c = self.base.clone();
        c.insert(
            "meta",
            &Meta {
                title,
                description: description.or(site.description.as_deref()),
                permalink: site.permalink(rel),
                og_type,
                og_image: site.permalink("og-default.png"),
            },
        );
        c.insert("current_path", &site.url(rel));
        c
    }

    /// A job's output path, template and context.
    fn job(&self, job: &Job<'_>) -> (String, &'static str, Context) {
        let (p, t, site, stories) = (self.p, self.t, self.p.site, &self.stories);
        match job {
            Job::Index => {
                let mut c = self.page_ctx(&site.title, None, "", "website");
                c.insert("intro", &p.intro);
                c.insert("json_ld", &p.look.clinic_json_ld);
                c.insert("stories", &stories.iter().take(3).collect::<Vec<_>>());
                c.insert("story_count", &stories.len());
                ("index.html".to_string(), "index.html", c)
            }
            Job::Page(pg) => {
                let mut c = self.page_ctx(
                    &pg.title,
                    pg.description.as_deref(),
                    &format!("{}/", pg.slug),
                    "website",
                );
                c.insert("page", pg);
                (format!("{}/index.html", pg.slug), "page.html", c)
            }
            Job::Stories => {
                let mut c = self.page_ctx(t.get("stories_title"), None, "stories/", "website");
                c.insert("stories", &stories);
                c.insert("tags", &self.tag_list);
                ("stories/index.html".to_string(), "stories.html", c)
            }
            Job::Story(s) => {
                let mut c = self.page_ctx(
                    &s.title,
                    Some(&s.summary),
                    &format!("stories/{}/", s.slug),
                    "article",
                );
                c.insert("story", s);
                c.insert("json_ld", &crate::stages::model::story_json_ld(s, site));
                c.insert(
                    "meta",
                    &Meta {
                        title: &s.title,
                        description: Some(&s.summary),
                        permalink: s.permalink.clone(),
                        og_type: "article",
                        og_image: s.og_image.clone(),
                    },
                );
                (format!("stories/{}/index.html", s.slug), "story.html", c)
            }
            Job::Tag(tag, list) => self.tag_page(tag, list),
            Job::NotFound => {
                let c = self.page_ctx(t.get("not_found_title"), None, "404.html", "website");
                ("404.html".to_string(), "404.html", c)
            }
            Job::Sitemap => self.sitemap(),
            Job::Atom => {
                let mut c = self.base.clone();
                // Newest first: the feed carries the newest `feed_limit`.
                let carried = match site.feed_limit {
                    0 => &stories[..],
                    n => &stories[..n.min(stories.len())],
                };
                c.insert("stories", carried);
                c.insert("feed_url", &site.permalink("atom.xml"));
                let updated = carried
                    .iter()
                    .map(|s| s.updated.as_str())
                    .max()
                    .unwrap_or("1970-01-01T00:00:00Z");
                c.insert("updated", updated);
                ("atom.xml".to_string(), "atom.xml", c)
            }
            Job::Robots => {
                let mut c = self.base.clone();
                c.insert("sitemap_url", &site.permalink("sitemap.xml"));
                ("robots.txt".to_string(), "robots.txt", c)
            }
        }
    }

    /// A tag's page: its stories.
    fn tag_page(&self, tag: &TagRef, list: &[&Story]) -> (String, &'static str, Context) {
        let site = self.p.site;
        let rel = format!("tags/{}/", tag.slug);
        let mut c = self.page_ctx(&tag.name, None, &rel, "website");
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

    /// The sitemap: every page's permalink.
    fn sitemap(&self) -> (String, &'static str, Context) {
        let (p, site, stories) = (self.p, self.p.site, &self.stories);
        let mut c = self.base.clone();
        let mut urls = vec![site.permalink(""), site.permalink("stories/")];
        urls.extend(p.pages.iter().map(|pg| pg.permalink.clone()));
        urls.extend(stories.iter().map(|s| s.permalink.clone()));
        urls.extend(
            self.tag_list
                .iter()
                .map(|tg| site.permalink(&format!("tags/{}/", tg.slug))),
        );
        c.insert(
            "urls",
            &urls.into_iter().map(|loc| Url { loc }).collect::<Vec<_>>(),
        );
        ("sitemap.xml".to_string(), "sitemap.xml", c)
    }
}
