//! Website pages (Markdown rendered for the public site) and the menu.

use super::site::SiteView;
use crate::content::markdown;
use crate::stages::load::Clinic;
use crate::stages::theme::i18n::Strings;
use serde::Serialize;

/// A public page.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    /// Slug.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Body, sanitised HTML.
    pub content_html: String,
    /// Root-relative URL.
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
    /// The body cut where a paragraph of its own says `[[services]]` or
    /// `[[team]]`: the cards go there (the page template draws them, with
    /// autoescaping; the marker is plain text, so Markdown stays safe).
    pub parts: Vec<Part>,
    /// Menu position.
    #[serde(skip)]
    pub menu_order: Option<i32>,
}

/// A piece of a page's body: sanitised HTML, then the cards it includes.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    /// Sanitised HTML.
    pub html: String,
    /// `services` or `team`, when cards follow.
    pub include: Option<&'static str>,
}

/// Cut a page's HTML at its include markers.
pub fn parts(html: &str) -> Vec<Part> {
    const MARKERS: [(&str, &str); 2] = [
        ("<p>[[services]]</p>", "services"),
        ("<p>[[team]]</p>", "team"),
    ];
    let mut out = Vec::new();
    let mut rest = html;
    loop {
        let next = MARKERS
            .iter()
            .filter_map(|(m, name)| rest.find(m).map(|i| (i, *m, *name)))
            .min();
        match next {
            Some((i, m, name)) => {
                out.push(Part {
                    html: rest[..i].to_string(),
                    include: Some(name),
                });
                rest = &rest[i + m.len()..];
            }
            None => {
                out.push(Part {
                    html: rest.to_string(),
                    include: None,
                });
                return out;
            }
        }
    }
}

/// A menu entry.
#[derive(Debug, Clone, Serialize)]
pub struct MenuItem {
    /// Label.
    pub title: String,
    /// Root-relative URL.
    pub url: String,
}

/// Build the pages (not `index.md`, which is the home intro) and the
/// intro (cut at its include markers too).
pub fn pages(clinic: &Clinic, site: &SiteView, drafts: bool) -> (Vec<PageView>, Option<Vec<Part>>) {
    let mut intro = None;
    let mut out = Vec::new();
    let rules = site.markdown_rules();
    for p in &clinic.pages {
        if p.value.front.draft && !drafts {
            continue;
        }
        let html = markdown::public_html(&p.value.body, &rules);
        if p.slug == "index" {
            intro = Some(parts(&html));
            continue;
        }
        out.push(PageView {
            slug: p.slug.clone(),
            title: p.value.front.title.clone(),
            description: p.value.front.description.clone(),
            parts: parts(&html),
            content_html: html,
            url: site.url(&format!("{}/", p.slug)),
            permalink: site.permalink(&format!("{}/", p.slug)),
            menu_order: p.value.front.menu_order,
        });
    }
    (out, intro)
}

/// The menu: home, pages with a `menu_order`, then stories.
pub fn menu(pages: &[PageView], site: &SiteView, t: &Strings) -> Vec<MenuItem> {
    let mut ordered: Vec<&PageView> = pages.iter().filter(|p| p.menu_order.is_some()).collect();
    ordered.sort_by(|a, b| {
        a.menu_order
            .cmp(&b.menu_order)
            .then_with(|| a.title.cmp(&b.title))
    });
    let mut items = vec![MenuItem {
        title: t.get("nav_home").to_string(),
        url: site.url(""),
    }];
    items.extend(ordered.into_iter().map(|p| MenuItem {
        title: p.title.clone(),
        url: p.url.clone(),
    }));
    items.push(MenuItem {
        title: t.get("nav_stories").to_string(),
        url: site.url("stories/"),
    });
    items
}
