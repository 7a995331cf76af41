//! What [`super::public_html`] takes out of a page, found in the Markdown
//! source so the build can warn at the line it is on: HTML tags and
//! attributes the sanitiser drops, refused link schemes, remote pictures,
//! embeds from unlisted hosts (and embeds without a title).

use super::sanitise::{SCHEMES, is_remote, public_sanitizer};
use super::{EmbedRefusal, PublicRules, options};
use pulldown_cmark::{Event, Parser, Tag};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

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

/// The public sanitiser's lists, read once.
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

/// Everything [`super::public_html`] takes out of `md`, in source order: HTML
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
            Event::Start(Tag::Image { dest_url, .. }) => {
                if let Some(r) = picture_removal(&dest_url, range.start) {
                    out.push(r);
                }
            }
            _ => {}
        }
    }
    out
}

/// Why a picture must come from the site itself.
const REMOTE_PICTURE_HELP: &str = "a picture from another website lets it see every visitor; put the file in static/ and link it as `/its-name.png`";

/// Why a picture's address must be a file of the site.
const OWN_PICTURE_HELP: &str =
    "a picture shows a file of the site: put it in static/ and link it as `/its-name.png`";

/// What the sanitiser does to a Markdown picture's address: a
/// `javascript:` (or other refused) one, an inline `data:` one and one on
/// another website are removed.
fn picture_removal(url: &str, offset: usize) -> Option<Removal> {
    let what = match refused_scheme(url) {
        Some(s) if s == "data" => "inline `data:` picture removed".to_string(),
        Some(s) => {
            let what = format!("picture with a `{s}:` address removed");
            return Some(removal(offset, what, OWN_PICTURE_HELP));
        }
        None if is_remote(url) => "picture from another website removed".to_string(),
        None => return None,
    };
    Some(removal(offset, what, REMOTE_PICTURE_HELP))
}

/// A removal (not an untitled embed).
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
        if !judge_iframe(attrs, offset, rules, out) {
            return;
        }
    } else if !ok.tags.contains(name) {
        out.push(removal(
            offset,
            format!("`<{name}>` tag removed (its text is kept)"),
            "use Markdown, or the basic HTML tags pages allow (p, a, img, em, strong, lists, tables, …)",
        ));
        return;
    }
    judge_attributes(name, attrs, offset, out);
}

/// What the sanitiser does to an `<iframe>`: removed unless it embeds an
/// `https://` page of a listed host; kept but reported without a `title`.
/// Whether it is kept (then its attributes are judged like any tag's).
fn judge_iframe(
    attrs: &[(String, String)],
    offset: usize,
    rules: &PublicRules,
    out: &mut Vec<Removal>,
) -> bool {
    let attr = |n: &str| attrs.iter().find(|(a, _)| a == n).map(|(_, v)| v.as_str());
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
            return false;
        }
        Some(Err(EmbedRefusal::NotHttps)) => {
            out.push(removal(
                offset,
                "`<iframe>` removed: only https:// embeds are allowed".into(),
                "use the video's https:// embed address",
            ));
            return false;
        }
        Some(Err(EmbedRefusal::Unlisted(host))) => {
            out.push(removal(
                offset,
                format!(
                    "`<iframe>` from `{host}` removed: the host is not in site.yaml's `embeds`"
                ),
                &host_help(&host),
            ));
            return false;
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
    true
}

/// The attributes the sanitiser drops from a tag it keeps, and the URLs it
/// refuses in the ones it keeps.
fn judge_attributes(name: &str, attrs: &[(String, String)], offset: usize, out: &mut Vec<Removal>) {
    let ok = allowed();
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
                    if name == "img" {
                        OWN_PICTURE_HELP
                    } else {
                        "links may go to http(s), mailto: and tel: addresses"
                    },
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
