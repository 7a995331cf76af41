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

use ammonia::Builder;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// URL schemes links may use.
const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

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
    fn embed_verdict(&self, src: &str) -> Result<(), EmbedRefusal> {
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
enum EmbedRefusal {
    NotHttps,
    Unlisted(String),
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_SMART_PUNCTUATION | Options::ENABLE_STRIKETHROUGH
}

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
fn public_sanitizer(rules: &PublicRules) -> Builder<'static> {
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

fn is_remote(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("//") || u.contains("://") || u.starts_with("data:")
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

/// In the sanitiser's output, drop every `<iframe>` that lost its `src`
/// (an embed from a host that is not listed) and empty the others (their
/// content is never shown). The output is serialised HTML: `<` in text is
/// always escaped and attribute values are double-quoted, so a tag starts
/// at every `<` and ends at the first `>` outside quotes.
fn finish_iframes(html: &str) -> String {
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

/// Something the sanitiser takes out of public Markdown (or an embed it
/// keeps that lacks a title), found in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// Byte offset in the Markdown of the tag, link or picture.
    pub offset: usize,
    /// What happens, for the message: "`<iframe>` from `x.test` removed".
    pub what: String,
    /// How to get what was meant.
    pub help: String,
    /// An embedded video without a `title`: kept, but screen readers
    /// cannot say what it is. Not a removal.
    pub untitled_embed: bool,
}

/// The tag and attribute lists the public sanitiser works with.
struct Allowed {
    tags: HashSet<&'static str>,
    clean_content: HashSet<&'static str>,
    generic: HashSet<&'static str>,
    by_tag: HashMap<&'static str, HashSet<&'static str>>,
}

fn allowed() -> &'static Allowed {
    static ALLOWED: OnceLock<Allowed> = OnceLock::new();
    ALLOWED.get_or_init(|| {
        let b = public_sanitizer(&PublicRules::default());
        Allowed {
            tags: b.clone_tags(),
            clean_content: b.clone_clean_content_tags(),
            generic: b.clone_generic_attributes(),
            by_tag: b.clone_tag_attributes(),
        }
    })
}

/// Everything [`public_html`] takes out of `md`, in source order: HTML
/// tags and attributes it does not allow, embeds from hosts not in
/// `rules.embeds`, links with a scheme other than http(s), mailto and tel,
/// pictures from other websites; and embeds without a `title`.
pub fn public_removals(md: &str, rules: &PublicRules) -> Vec<Removal> {
    let mut out = Vec::new();
    for (ev, range) in Parser::new_ext(md, options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => {
                scan_html(md, range.start, range.end, rules, &mut out);
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(scheme) = refused_scheme(&dest_url) {
                    out.push(removal(
                        range.start,
                        format!("link to a `{scheme}:` address removed"),
                        "links may go to http(s), mailto: and tel: addresses",
                    ));
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) if is_remote(&dest_url) => {
                out.push(removal(
                    range.start,
                    "picture from another website removed".into(),
                    REMOTE_PICTURE_HELP,
                ));
            }
            _ => {}
        }
    }
    out
}

const REMOTE_PICTURE_HELP: &str = "a picture from another website lets it see every visitor; put the file in static/ and link it as `/its-name.png`";

fn removal(offset: usize, what: String, help: &str) -> Removal {
    Removal {
        offset,
        what,
        help: help.to_string(),
        untitled_embed: false,
    }
}

/// The scheme of an absolute URL the sanitiser refuses (`javascript`).
fn refused_scheme(url: &str) -> Option<String> {
    let u = ammonia::Url::parse(url.trim()).ok()?;
    (!SCHEMES.contains(&u.scheme())).then(|| u.scheme().to_string())
}

/// Elements whose content is text up to their end tag.
const RAW_TEXT: [&str; 9] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Scan the raw HTML in `md[from..to]` for start tags and judge each.
fn scan_html(md: &str, from: usize, to: usize, rules: &PublicRules, out: &mut Vec<Removal>) {
    let text = &md[from..to];
    let mut i = 0;
    while let Some(lt) = text[i..].find('<') {
        let at = i + lt;
        let after = &text[at + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            i = comment.find("-->").map_or(text.len(), |e| at + 4 + e + 3);
            continue;
        }
        let name_len = after
            .bytes()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b':')
            .count();
        if name_len == 0 || !after.as_bytes()[0].is_ascii_alphabetic() {
            i = at + 1;
            continue;
        }
        let name = after[..name_len].to_ascii_lowercase();
        let (attrs, len) = attributes(&after[name_len..]);
        i = at + 1 + name_len + len;
        judge(&name, &attrs, from + at, rules, out);
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = text[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(text.len(), |e| i + e);
        }
    }
}

/// The attributes of a start tag (lowercase names, raw values) after its
/// name, and the length up to and including its `>`.
fn attributes(s: &str) -> (Vec<(String, String)>, usize) {
    let b = s.as_bytes();
    let mut attrs = Vec::new();
    let mut i = 0;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (attrs, i);
        }
        if b[i] == b'>' {
            return (attrs, i + 1);
        }
        let start = i;
        i += 1;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name = s[start..i].to_ascii_lowercase();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                let q = b[j];
                let end = s[j + 1..]
                    .bytes()
                    .position(|c| c == q)
                    .map_or(b.len(), |e| j + 1 + e);
                value = s[j + 1..end].to_string();
                i = (end + 1).min(b.len());
            } else {
                let start = j;
                while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                value = s[start..j].to_string();
                i = j;
            }
        }
        attrs.push((name, value));
    }
}

/// What the sanitiser does to one start tag, as removals.
fn judge(
    name: &str,
    attrs: &[(String, String)],
    offset: usize,
    rules: &PublicRules,
    out: &mut Vec<Removal>,
) {
    let ok = allowed();
    let attr = |n: &str| attrs.iter().find(|(a, _)| a == n).map(|(_, v)| v.as_str());
    if ok.clean_content.contains(name) {
        let help = if name == "style" {
            "the theme styles every page: change its stylesheet (static/style.css in your theme) instead"
        } else {
            "pages cannot run scripts"
        };
        out.push(removal(
            offset,
            format!("`<{name}>` removed with everything inside it"),
            help,
        ));
        return;
    }
    if name == "iframe" {
        let host_help = |host: &str| {
            format!(
                "to show this video, list `{host}` under `embeds:` in site.yaml (every visitor's browser then contacts it)"
            )
        };
        match attr("src").map(|s| rules.embed_verdict(s)) {
            None => {
                out.push(removal(
                    offset,
                    "`<iframe>` without a `src` removed".into(),
                    "give the video's https:// address in `src`",
                ));
                return;
            }
            Some(Err(EmbedRefusal::NotHttps)) => {
                out.push(removal(
                    offset,
                    "`<iframe>` removed: only https:// embeds are allowed".into(),
                    "use the video's https:// embed address",
                ));
                return;
            }
            Some(Err(EmbedRefusal::Unlisted(host))) => {
                out.push(removal(
                    offset,
                    format!(
                        "`<iframe>` from `{host}` removed: the host is not in site.yaml's `embeds`"
                    ),
                    &host_help(&host),
                ));
                return;
            }
            Some(Ok(())) => {}
        }
        if attr("title").is_none_or(|t| t.trim().is_empty()) {
            out.push(Removal {
                offset,
                what: "embedded video without a `title`".into(),
                help: "add `title=\"…\"` saying what the video shows: screen readers announce it"
                    .into(),
                untitled_embed: true,
            });
        }
    } else if !ok.tags.contains(name) {
        out.push(removal(
            offset,
            format!("`<{name}>` tag removed (its text is kept)"),
            "use Markdown, or the basic HTML tags pages allow (p, a, img, em, strong, lists, tables, …)",
        ));
        return;
    }
    let own = ok.by_tag.get(name);
    let mut dropped = Vec::new();
    for (a, v) in attrs {
        if dropped.contains(&a.as_str()) || (name == "a" && a == "rel") {
            continue;
        }
        let allowed =
            ok.generic.contains(a.as_str()) || own.is_some_and(|s| s.contains(a.as_str()));
        if !allowed {
            dropped.push(a.as_str());
        } else if matches!(a.as_str(), "href" | "src" | "cite") {
            if let Some(scheme) = refused_scheme(v).filter(|_| name != "iframe") {
                out.push(removal(
                    offset,
                    format!("`{a}` with a `{scheme}:` address removed from `<{name}>`"),
                    "links may go to http(s), mailto: and tel: addresses",
                ));
            } else if name == "img" && a == "src" && is_remote(v) {
                out.push(removal(
                    offset,
                    "picture from another website removed (`src` of `<img>`)".into(),
                    REMOTE_PICTURE_HELP,
                ));
            }
        }
    }
    if !dropped.is_empty() {
        let list = dropped
            .iter()
            .map(|a| format!("`{a}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let styling = dropped
            .iter()
            .any(|a| matches!(*a, "class" | "style" | "id"));
        out.push(removal(
            offset,
            format!(
                "{list} removed from `<{name}>`: {} not allowed on a page",
                if dropped.len() == 1 { "it is" } else { "they are" }
            ),
            if styling {
                "the theme styles every page: change its stylesheet (static/style.css in your theme), not the page"
            } else {
                "pages keep only basic attributes (href, src, alt, title, width, height, …)"
            },
        ));
    }
}

/// Sanitise an HTML fragment.
pub fn clean(html: &str) -> String {
    sanitizer().clean(html).to_string()
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

/// The numbered steps of an instruction text: the items of its first
/// numbered list when it has one, else one step per sentence.
pub fn steps(md: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut in_ordered = false;
    let mut current: Option<Vec<Event<'_>>> = None;
    for ev in Parser::new_ext(md, options()) {
        match &ev {
            Event::Start(Tag::List(start)) => {
                depth += 1;
                if depth == 1 && start.is_some() && items.is_empty() {
                    in_ordered = true;
                }
            }
            Event::End(TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && in_ordered {
                    break;
                }
            }
            Event::Start(Tag::Item) if in_ordered && depth == 1 => {
                current = Some(Vec::new());
                continue;
            }
            Event::End(TagEnd::Item) if in_ordered && depth == 1 => {
                if let Some(evs) = current.take() {
                    let plain = evs.iter().all(is_plain);
                    let mut raw = String::new();
                    html::push_html(
                        &mut raw,
                        evs.into_iter().filter(|e| {
                            !matches!(
                                e,
                                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                            )
                        }),
                    );
                    items.push(if plain {
                        as_sanitised(raw.trim().to_string())
                    } else {
                        clean(raw.trim())
                    });
                }
                continue;
            }
            _ => {}
        }
        if let Some(evs) = current.as_mut() {
            evs.push(ev);
        }
    }
    if !items.is_empty() {
        return items;
    }
    sentences(md).into_iter().map(|s| inline(&s)).collect()
}

/// Split plain prose into sentences (". ", "! ", "? " followed by a capital
/// or a digit), so "Sit tall. Squeeze." becomes two steps.
pub fn sentences(text: &str) -> Vec<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(3) {
        let (_, a) = w[0];
        let (_, b) = w[1];
        let (ci, c) = w[2];
        if matches!(a, '.' | '!' | '?')
            && b == ' '
            && (c.is_uppercase() || c.is_ascii_digit() || c == '¿' || c == '¡')
        {
            out.push(text[start..ci].trim().to_string());
            start = ci;
        }
    }
    let last = text[start..].trim();
    if !last.is_empty() {
        out.push(last.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = to_html(
            "Hi <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn remote_images_lose_their_source() {
        let html = to_html("![tracker](https://evil.test/p.gif) ![ok](/img/a.png)");
        assert!(!html.contains("evil.test"), "{html}");
        assert!(html.contains("/img/a.png"), "{html}");
    }

    #[test]
    fn plain_prose_skips_the_sanitiser_but_links_do_not() {
        let plain = |md: &str| Parser::new_ext(md, options()).all(|e| is_plain(&e));
        assert!(plain(
            "Sit tall. Squeeze **gently** for 5 seconds.\n\n1. One\n2. Two"
        ));
        for risky in [
            "<b>x</b>",
            "[a](javascript:x)",
            "[a][r]\n\n[r]: javascript:x",
            "![i](x.png)",
            "<https://x.test>",
            "`code`",
            "| a |\n|---|\n| b |",
        ] {
            assert!(!plain(risky), "{risky}");
        }
        assert_eq!(
            to_html("Plain *text* & more"),
            "<p>Plain <em>text</em> &amp; more</p>\n"
        );
        assert_eq!(to_html("a  \nb\n\n***"), "<p>a<br>\nb</p>\n<hr>\n");
    }

    #[test]
    fn tables_and_smart_punctuation() {
        let html = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n\"quoted\"");
        assert!(html.contains("<table>"));
        assert!(html.contains('“'));
    }

    #[test]
    fn steps_from_numbered_list_or_sentences() {
        assert_eq!(
            steps("1. Sit tall.\n2. Squeeze **gently**.\n"),
            vec!["Sit tall.", "Squeeze <strong>gently</strong>."]
        );
        assert_eq!(
            steps("Sit tall. Gently squeeze. Hold 5 seconds."),
            vec!["Sit tall.", "Gently squeeze.", "Hold 5 seconds."]
        );
        assert_eq!(steps("Intro.\n\n1. One\n2. Two\n"), vec!["One", "Two"]);
    }
}

#[cfg(test)]
mod public_tests {
    use super::*;

    fn rules(base: &str) -> PublicRules {
        PublicRules {
            base_path: base.into(),
            embeds: vec!["www.youtube-nocookie.com".into()],
        }
    }

    #[test]
    fn embeds_from_listed_hosts_only() {
        let r = rules("/");
        let md = "Watch:\n\n<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"Pendulum\" class=\"v\" onload=\"x()\">fallback <b>x</b></iframe>\n\n<iframe src=\"https://tracker.test/x\" title=\"t\"></iframe>\n\n<iframe src=\"http://www.youtube-nocookie.com/embed/y\"></iframe>\n";
        let html = public_html(md, &r);
        assert!(
            html.contains(r#"<iframe src="https://www.youtube-nocookie.com/embed/x" title="Pendulum"></iframe>"#),
            "{html}"
        );
        assert!(!html.contains("tracker.test"), "{html}");
        assert!(!html.contains("embed/y"), "{html}");
        assert!(
            !html.contains("onload") && !html.contains("fallback"),
            "{html}"
        );
        let found = public_removals(md, &r);
        let whats: Vec<&str> = found.iter().map(|r| r.what.as_str()).collect();
        assert_eq!(found.len(), 3, "{whats:#?}");
        assert!(
            whats[0].contains("`class`, `onload` removed from `<iframe>`"),
            "{whats:?}"
        );
        assert!(whats[1].contains("`tracker.test`"), "{whats:?}");
        assert!(whats[2].contains("only https://"), "{whats:?}");
        assert_eq!(&md[found[1].offset..found[1].offset + 7], "<iframe");
    }

    #[test]
    fn untitled_embed_is_kept_and_reported() {
        let md = "<iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe>\n";
        assert!(public_html(md, &rules("/")).contains("<iframe src="));
        let found = public_removals(md, &rules("/"));
        assert_eq!(found.len(), 1);
        assert!(found[0].untitled_embed);
    }

    #[test]
    fn root_relative_urls_get_the_base_path() {
        let md = "[About](/about/) ![A](/img/a.png) [rel](x/) [abs](https://x.test/) <a href=\"/contact/\">c</a> [evil](//evil.test/)";
        let html = public_html(md, &rules("/clinic/"));
        for want in [
            r#"href="/clinic/about/""#,
            r#"src="/clinic/img/a.png""#,
            r#"href="x/""#,
            r#"href="https://x.test/""#,
            r#"href="/clinic/contact/""#,
            r#"href="//evil.test/""#,
        ] {
            assert!(html.contains(want), "{want} in {html}");
        }
        let root = public_html(md, &rules("/"));
        assert!(root.contains(r#"href="/about/""#), "{root}");
    }

    #[test]
    fn removed_markup_is_found_where_it_is() {
        let md = "Hi <span class=\"big\" style=\"color:red\">there</span>\n\n<script>alert('<b>')</script>\n\n[x](javascript:alert(1)) ![t](https://evil.test/p.gif) <marquee>m</marquee> <!-- <iframe> -->\n";
        let found = public_removals(md, &rules("/"));
        let whats: Vec<&str> = found.iter().map(|r| r.what.as_str()).collect();
        assert_eq!(found.len(), 5, "{whats:#?}");
        assert!(whats[0].contains("`class`, `style` removed from `<span>`"));
        assert_eq!(found[0].offset, 3);
        assert!(whats[1].contains("`<script>` removed"));
        assert!(whats[2].contains("`javascript:`"));
        assert!(whats[3].contains("picture from another website"));
        assert!(whats[4].contains("`<marquee>`"));
        // Plain prose, Markdown links and allowed HTML: nothing to say.
        assert!(
            public_removals("Sit *tall*. [a](/b/) <em title=\"x\">y</em>\n", &rules("/"))
                .is_empty()
        );
    }
}
