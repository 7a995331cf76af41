//! Markdown from content → sanitised HTML.
//!
//! Content is written by staff, but a plan can be pasted from anywhere, so
//! every Markdown field goes through `ammonia` after `pulldown-cmark`: no
//! script, event handler, `javascript:` URL or third-party image survives.

use ammonia::Builder;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};
use std::collections::HashSet;
use std::sync::OnceLock;

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

fn is_remote(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("//") || u.contains("://") || u.starts_with("data:")
}

/// Render Markdown to sanitised block HTML.
///
/// Most fields are plain prose. pulldown-cmark escapes all text, so for
/// paragraphs, lists, emphasis, headings and quotes the sanitiser would only
/// re-serialise the same tags; it runs only when the Markdown holds anything
/// else (raw HTML, a link, a picture, code, a table). The result is the same
/// bytes either way.
pub fn to_html(md: &str) -> String {
    let events: Vec<Event<'_>> = Parser::new_ext(md, options()).collect();
    let plain = events.iter().all(is_plain);
    let mut raw = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut raw, events.into_iter());
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
