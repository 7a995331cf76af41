//! Markdown from content → sanitised HTML.
//!
//! Content is written by staff, but a plan can be pasted from anywhere, so
//! every Markdown field goes through `ammonia` after `pulldown-cmark`: no
//! script, event handler, `javascript:` URL or third-party image survives.
//!
//! Website pages and stories go through [`public_html`], which also puts the
//! site's path prefix before root-relative links and pictures (a project
//! site, `https://acme.github.io/clinic/`) and keeps video embeds from the
//! hosts site.yaml lists under `embeds:`. [`public_removals`] finds, in the
//! Markdown source, everything the sanitiser takes out, so the build can say
//! so at the line it is on rather than drop it silently.

//!
//! The folder splits the job by concern: this file renders (the shared
//! path of [`to_html`] and [`public_html`]); `sanitise` holds the
//! sanitiser's rules; `removals` finds what they take out of a page;
//! `steps` cuts instructions into numbered steps; `text` turns
//! Markdown into plain text and sentences.

mod removals;
mod sanitise;
mod steps;
#[cfg(test)]
mod tests;
mod text;

pub use removals::{Removal, public_removals};
pub use sanitise::clean;
pub use steps::steps;
pub use text::{plain_text, sentences};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};
use sanitise::{finish_iframes, public_sanitizer};

/// How Markdown for the public website is rendered: where the site lives
/// and which video hosts it may embed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicRules {
    /// The site's URL path prefix, ending in `/` (`/`, or `/clinic/` on a
    /// project site): root-relative links and pictures get it.
    pub base_path: String,
    /// Hosts whose `https://` pages may be embedded with `<iframe>`.
    pub embeds: Vec<String>,
}

impl PublicRules {
    /// May an `<iframe>` show `src`? Only `https://` on a listed host.
    pub(super) fn embed_verdict(&self, src: &str) -> Result<(), EmbedRefusal> {
        let Ok(url) = ammonia::Url::parse(src.trim()) else {
            return Err(EmbedRefusal::NotHttps);
        };
        if url.scheme() != "https" || !url.username().is_empty() || url.password().is_some() {
            return Err(EmbedRefusal::NotHttps);
        }
        let host = url.host_str().unwrap_or("");
        if self
            .embeds
            .iter()
            .any(|h| h.trim().eq_ignore_ascii_case(host))
        {
            Ok(())
        } else {
            Err(EmbedRefusal::Unlisted(host.to_string()))
        }
    }
}

/// Why an embed is refused.
pub(super) enum EmbedRefusal {
    /// Not an `https://` address (or one with a user name or password).
    NotHttps,
    /// A host site.yaml does not list under `embeds:`.
    Unlisted(String),
}

/// The Markdown extensions content may use.
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_SMART_PUNCTUATION | Options::ENABLE_STRIKETHROUGH
}
/// Markdown rendered to HTML before sanitising, and whether every event
/// was plain (text and simple markup: nothing for the sanitiser to do).
fn render_raw(md: &str) -> (String, bool) {
    let events: Vec<Event<'_>> = Parser::new_ext(md, options()).collect();
    let plain = events.iter().all(is_plain);
    let mut raw = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut raw, events.into_iter());
    (raw, plain)
}

/// Render Markdown to sanitised block HTML.
///
/// Most fields are plain prose. pulldown-cmark escapes all text, so for
/// paragraphs, lists, emphasis, headings and quotes the sanitiser would only
/// re-serialise the same tags; it runs only when the Markdown holds anything
/// else (raw HTML, a link, a picture, code, a table). The result is the same
/// bytes either way.
pub fn to_html(md: &str) -> String {
    let (raw, plain) = render_raw(md);
    if plain {
        as_sanitised(raw)
    } else {
        clean(&raw)
    }
}

/// Events whose HTML is already safe and needs no sanitiser.
fn is_plain(e: &Event<'_>) -> bool {
    match e {
        Event::Text(_) | Event::SoftBreak | Event::HardBreak | Event::Rule => true,
        Event::Start(t) => {
            matches!(
                t,
                Tag::Paragraph
                    | Tag::BlockQuote(None)
                    | Tag::List(_)
                    | Tag::Item
                    | Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
            ) || matches!(t, Tag::Heading { id: None, classes, attrs, .. } if classes.is_empty() && attrs.is_empty())
        }
        Event::End(t) => matches!(
            t,
            TagEnd::Paragraph
                | TagEnd::BlockQuote(None)
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Heading(_)
        ),
        _ => false,
    }
}

/// What the sanitiser's serialiser would change in plain output: void tags
/// and no-break spaces.
fn as_sanitised(raw: String) -> String {
    if raw.contains(" />") || raw.contains('\u{a0}') {
        raw.replace("<br />", "<br>")
            .replace("<hr />", "<hr>")
            .replace('\u{a0}', "&nbsp;")
    } else {
        raw
    }
}

/// Render Markdown for the public website (pages, stories): as
/// [`to_html`], with `rules` (embeds, the site's path prefix).
pub fn public_html(md: &str, rules: &PublicRules) -> String {
    let (raw, plain) = render_raw(md);
    if plain {
        as_sanitised(raw)
    } else {
        let cleaned = public_sanitizer(rules).clean(&raw).to_string();
        finish_iframes(&cleaned)
    }
}

/// Render a short Markdown snippet as inline HTML (no surrounding `<p>`).
pub fn inline(md: &str) -> String {
    let html = to_html(md);
    let t = html.trim();
    match t.strip_prefix("<p>").and_then(|x| x.strip_suffix("</p>")) {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => t.to_string(),
    }
}
