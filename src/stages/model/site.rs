//! What every template receives as `site`: the title, addresses, paper and
//! the clinic's public details, from site.yaml.

use crate::content::config::{Paper, Site, TeachBack};
use crate::content::markdown;
use serde::Serialize;

/// Site data every template receives as `site`.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// Site title.
    pub title: String,
    /// Site description.
    pub description: Option<String>,
    /// Absolute base URL, no trailing slash.
    pub base_url: String,
    /// URL path prefix ending in `/`.
    pub base_path: String,
    /// `letter` or `a4`.
    pub paper: Paper,
    /// CSS `@page size`.
    pub page_size: &'static str,
    /// `screen` or `print`: whether "Tell it back" is printed.
    pub teach_back: TeachBack,
    /// The clinic's public details.
    pub clinic: ClinicView,
    /// Hosts pages may embed videos from (site.yaml `embeds`).
    #[serde(skip)]
    pub embeds: Vec<String>,
    /// How many of the newest stories the feed carries (`0`: all).
    #[serde(skip)]
    pub feed_limit: usize,
}

/// The clinic's public details.
#[derive(Debug, Clone, Serialize)]
pub struct ClinicView {
    /// Name.
    pub name: String,
    /// Phone.
    pub phone: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Hours.
    pub hours: Option<String>,
}

impl SiteView {
    /// Build from site.yaml, with an optional `--base-url` override.
    pub fn new(site: &Site, base_url: Option<&str>) -> SiteView {
        let raw = base_url
            .map(str::to_string)
            .or_else(|| site.base_url.clone())
            .unwrap_or_else(|| "http://localhost".into());
        let base_url = raw.trim().trim_end_matches('/').to_string();
        let after_scheme = base_url
            .split_once("://")
            .map_or(base_url.as_str(), |(_, r)| r);
        let path = after_scheme.split_once('/').map_or("", |(_, p)| p);
        let base_path = if path.is_empty() {
            "/".to_string()
        } else {
            format!("/{path}/")
        };
        SiteView {
            title: site.title.clone(),
            description: site.description.clone(),
            base_url,
            base_path,
            paper: site.paper,
            page_size: site.paper.css_size(),
            teach_back: site.teach_back,
            clinic: ClinicView {
                name: site
                    .clinic
                    .name
                    .clone()
                    .unwrap_or_else(|| site.title.clone()),
                phone: site.clinic.phone.clone(),
                address: site.clinic.address.clone(),
                email: site.clinic.email.clone(),
                hours: site.clinic.hours.clone(),
            },
            embeds: site.embeds.clone(),
            feed_limit: site.feed_limit,
        }
    }

    /// How Markdown is rendered for this site's public pages.
    pub fn markdown_rules(&self) -> markdown::PublicRules {
        markdown::PublicRules {
            base_path: self.base_path.clone(),
            embeds: self.embeds.clone(),
        }
    }

    /// Root-relative URL of a path inside the site (`stories/` → `/stories/`).
    pub fn url(&self, rel: &str) -> String {
        format!("{}{rel}", self.base_path)
    }

    /// Absolute URL of a path inside the site.
    pub fn permalink(&self, rel: &str) -> String {
        format!("{}/{rel}", self.base_url)
    }
}
