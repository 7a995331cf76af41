//! The sanitiser's rules: what `ammonia` keeps of rendered Markdown, for
//! handouts ([`clean`]) and for public pages (embeds from listed hosts,
//! the site's path before root-relative URLs). Finding what they remove,
//! in the source, is [`super::removals`]' job.

use super::PublicRules;
use ammonia::Builder;
use std::collections::HashSet;
use std::sync::OnceLock;

/// URL schemes links may use.
pub(super) const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The attributes an embedded video (`<iframe>`) keeps.
const IFRAME_ATTRS: [&str; 8] = [
    "src",
    "title",
    "width",
    "height",
    "allow",
    "allowfullscreen",
    "loading",
    "referrerpolicy",
];

/// The handouts' sanitiser, built once.
fn sanitizer() -> &'static Builder<'static> {
    static CLEANER: OnceLock<Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = Builder::default();
        b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
            .link_rel(Some("noopener noreferrer"))
            // Pictures must come from the site itself: a remote `src` would be a
            // third-party request (a tracker) on a public page, and a network
            // fetch in a private handout.
            .attribute_filter(|element, attribute, value| {
                if element == "img" && attribute == "src" && is_remote(value) {
                    None
                } else {
                    Some(value.into())
                }
            });
        b
    })
}

/// The sanitiser of public pages: the handouts' rules, plus embeds from
/// the listed hosts and the site's path before root-relative URLs.
pub(super) fn public_sanitizer(rules: &PublicRules) -> Builder<'static> {
    let base = rules.base_path.trim_end_matches('/').to_string();
    let embeds = rules.clone();
    let mut b = Builder::default();
    b.url_schemes(HashSet::from(SCHEMES))
        .link_rel(Some("noopener noreferrer"))
        .add_tags(["iframe"])
        .add_tag_attributes("iframe", IFRAME_ATTRS.iter())
        .attribute_filter(move |element, attribute, value| {
            if element == "img" && attribute == "src" && is_remote(value) {
                None
            } else if element == "iframe" && attribute == "src" {
                embeds.embed_verdict(value).ok().map(|()| value.into())
            } else if matches!(attribute, "href" | "src")
                && !base.is_empty()
                && is_root_relative(value)
            {
                Some(format!("{base}{}", value.trim_start()).into())
            } else {
                Some(value.into())
            }
        });
    b
}

/// `/about/`, not `//host/x` (another site) nor `about/`.
fn is_root_relative(url: &str) -> bool {
    let u = url.trim_start();
    u.starts_with('/') && !u.starts_with("//") && !u.starts_with("/\\")
}

/// A URL on another site (or inline `data:`): a picture from it would be
/// a third-party request.
pub(super) fn is_remote(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("//") || u.contains("://") || u.starts_with("data:")
}

/// In the sanitiser's output, drop every `<iframe>` that lost its `src`
/// (an embed from a host that is not listed) and empty the others (their
/// content is never shown). The output is serialised HTML: `<` in text is
/// always escaped and attribute values are double-quoted, so a tag starts
/// at every `<` and ends at the first `>` outside quotes.
pub(super) fn finish_iframes(html: &str) -> String {
    if !html.contains("<iframe") {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let mut quoted = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map_or(rest.len(), |(i, _)| i + 1);
        let tag = &rest[..end];
        rest = &rest[end..];
        if tag.starts_with("<iframe") && tag[7..].starts_with([' ', '>']) {
            let close = rest.find("</iframe>").map_or(rest.len(), |i| i + 9);
            rest = &rest[close..];
            if tag.contains(" src=\"") {
                out.push_str(tag);
                out.push_str("</iframe>");
            }
        } else {
            out.push_str(tag);
        }
    }
    out.push_str(rest);
    out
}

/// Sanitise an HTML fragment.
pub fn clean(html: &str) -> String {
    sanitizer().clean(html).to_string()
}
