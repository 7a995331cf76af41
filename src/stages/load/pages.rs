//! Website pages: Markdown with YAML front matter between `---` lines.

use crate::base::diag::Code;
use crate::base::diag::Diagnostic;
use crate::content::yaml;
use crate::content::yaml::text;
use serde::Deserialize;
use std::path::Path;

/// Front matter of a Markdown page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    /// Page title.
    #[serde(deserialize_with = "text::text")]
    pub title: String,
    /// One sentence for search results and previews.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub description: Option<String>,
    /// Position in the menu (lower first); pages without it are not in the menu.
    #[serde(default)]
    pub menu_order: Option<i32>,
    /// Drafts are skipped unless `--drafts`.
    #[serde(default)]
    pub draft: bool,
}

/// A Markdown page: front matter and body.
#[derive(Debug, Clone)]
pub struct Page {
    /// Front matter.
    pub front: PageFront,
    /// Markdown body.
    pub body: String,
    /// The line of the file the body starts on (1-based).
    pub body_line: usize,
}

/// Why a page has no front matter, at the line to fix: a closing `---`
/// indented (or after a tab), an opened front matter never closed, or none.
fn no_front_matter(text: &str) -> Diagnostic {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let at = |line: usize| Some(crate::base::diag::Pos { line, column: 1 });
    let opened = text.lines().next().is_some_and(|l| l.trim_end() == "---");
    let closing = text
        .lines()
        .enumerate()
        .skip(1)
        .find(|(_, l)| l.trim() == "---")
        .map(|(i, _)| i + 1);
    match (opened, closing) {
        (true, Some(line)) => Diagnostic::error(
            Code::NoFrontMatter,
            "the front matter's closing `---` must start at the beginning of its line",
        )
        .at(at(line))
        .help("write it as `---`, with nothing before it"),
        (true, None) => Diagnostic::error(
            Code::NoFrontMatter,
            "the front matter opened here is never closed",
        )
        .at(at(1))
        .help("add a line `---` after the front matter (after `title: ...`)"),
        (false, _) => Diagnostic::error(
            Code::NoFrontMatter,
            "a page must start with front matter between `---` lines",
        )
        .at(at(1))
        .help("add `---`, a line `title: Your title`, and `---` at the top"),
    }
}

/// Split a page into front matter and body, and parse the front matter.
pub(super) fn parse_page(text: &str, path: &Path) -> Result<Page, Vec<Diagnostic>> {
    let Some((fm, body, body_line)) = yaml::split_front_matter(text) else {
        return Err(vec![no_front_matter(text).in_file(path)]);
    };
    // `---` and `---` with nothing (or only comments) between: the page
    // is not empty, its front matter is, and it needs a title.
    let blank = |l: &str| l.trim().is_empty() || l.trim_start().starts_with('#');
    if fm.lines().all(blank) {
        return Err(vec![
            Diagnostic::error(
                Code::MissingKey,
                "the front matter is empty: a page needs a `title:`",
            )
            .in_file(path)
            .at(Some(crate::base::diag::Pos { line: 1, column: 1 }))
            .help("add a line `title: Your title` between the two `---` lines"),
        ]);
    }
    let front = yaml::parse_front_matter::<PageFront>(fm, path).map_err(|d| vec![*d])?;
    Ok(Page {
        front,
        body: body.to_string(),
        body_line,
    })
}
