//! Unit tests: sanitising, the plain-prose fast path, steps, and the
//! public pages' rules (embeds, base path, removals found in the source).

use super::*;
use pulldown_cmark::Parser;

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
