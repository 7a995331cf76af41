//! The pager of a list shown a page at a time (the caseload): links to
//! the first and last pages and to those near the page shown.

use serde::Serialize;

/// How many pages either side of the current one the pager lists (a
/// caseload of 100,000 plans has 1,000 pages in each order: listing them
/// all on every page made each page 1,000 links long, and the build
/// quadratic).
pub const PAGER_REACH: usize = 2;

/// A link to another order or page.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Label.
    pub label: String,
    /// Address relative to the page.
    pub href: String,
    /// The page being shown.
    pub current: bool,
    /// Not a link: pages left out of the pager here (label `…`, no address).
    pub gap: bool,
}

/// The pager of page `n` of `count`: the first and last pages, those up
/// to [`PAGER_REACH`] either side of `n`, and a gap for each run left out
/// (a run of one page is shown instead: a gap would be no shorter).
pub(super) fn pager(n: usize, count: usize, href: impl Fn(usize) -> String) -> Vec<Link> {
    let near = n.saturating_sub(PAGER_REACH).max(1)..=(n + PAGER_REACH).min(count);
    let mut shown: Vec<usize> = std::iter::once(1).chain(near).chain([count]).collect();
    shown.dedup();
    let mut out = Vec::new();
    let mut last_shown = 0;
    for k in shown {
        match k - last_shown {
            1 => {}
            2 => out.push(link(k - 1, n, &href)),
            _ => out.push(Link {
                label: "…".to_string(),
                href: String::new(),
                current: false,
                gap: true,
            }),
        }
        out.push(link(k, n, &href));
        last_shown = k;
    }
    out
}

fn link(k: usize, n: usize, href: impl Fn(usize) -> String) -> Link {
    Link {
        label: k.to_string(),
        href: href(k),
        current: k == n,
        gap: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(n: usize, count: usize) -> String {
        pager(n, count, |k| format!("p{k}"))
            .iter()
            .map(|l| match (l.gap, l.current) {
                (true, _) => "…".to_string(),
                (false, true) => format!("[{}]", l.label),
                (false, false) => l.label.clone(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_pager_shows_the_ends_and_the_pages_near_this_one() {
        assert_eq!(labels(1, 1), "[1]");
        assert_eq!(labels(2, 3), "1 [2] 3");
        assert_eq!(labels(1, 1000), "[1] 2 3 … 1000");
        assert_eq!(labels(500, 1000), "1 … 498 499 [500] 501 502 … 1000");
        assert_eq!(labels(1000, 1000), "1 … 998 999 [1000]");
        // A gap of one page shows the page instead.
        assert_eq!(labels(5, 9), "1 2 3 4 [5] 6 7 8 9");
        assert_eq!(labels(6, 12), "1 … 4 5 [6] 7 8 … 12");
        // Every link leads to its page.
        for l in pager(7, 40, |k| format!("p{k}")).iter().filter(|l| !l.gap) {
            assert_eq!(l.href, format!("p{}", l.label));
        }
    }
}
