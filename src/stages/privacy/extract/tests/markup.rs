//! HTML, XML, SVG and feeds.

use super::*;
use crate::stages::privacy::extract::{MARK, count_nl};

#[test]
fn html_tag_names_are_not_text_but_unknown_ones_are() {
    let e = extract(
        "index.html",
        b"<ul><li>Exercises</li></ul><p>Walter <Kaminski said hi</p>",
    );
    assert!(
        !text_word(&e, "li") && !text_word(&e, "ul"),
        "{:?}",
        all(&e)
    );
    assert!(text_word(&e, "kaminski"), "{:?}", all(&e));
    // The unknown tag stays in the running text, next to the first name.
    assert!(
        text_has(&e, &format!("Walter {MARK}kaminski said")),
        "{:?}",
        all(&e)
    );
}

#[test]
fn unfinished_tag_at_the_end_is_scanned() {
    let e = extract("a.html", b"<p>Hi</p>\n<p>Walter <Kaminski and");
    assert!(text_word(&e, "Kaminski"), "{:?}", all(&e));
    let t = e
        .segments
        .iter()
        .find(|s| s.text.contains("Kaminski"))
        .unwrap();
    assert_eq!(t.line, 2);
    let e = extract("a.html", b"<p>x</p><img alt=\"Zoe Ng\n\n>more");
    assert!(text_has(&e, "Zoe Ng"), "{:?}", all(&e));
}

#[test]
fn inline_tags_join_words() {
    let e = extract("index.HTML", b"<p>Kami<span>nski</span></p>");
    assert!(text_has(&e, "Kami\u{E000}nski\u{E000}"), "{:?}", all(&e));
}

#[test]
fn ruby_annotations_stand_apart_from_the_text_they_annotate() {
    // Read aloud, `Kamin<rt>x</rt>ski` is "Kaminski"; the annotation is
    // its own segment, still scanned.
    let e = extract(
        "index.html",
        b"<p><ruby>Kamin<rp>(</rp><rt>x</rt><rp>)</rp>ski</ruby> Walter</p>",
    );
    let joined = |e: &Extracted| {
        e.segments
            .iter()
            .any(|s| s.text.replace(MARK, "").contains("Kaminski Walter"))
    };
    assert!(joined(&e), "{:?}", all(&e));
    let e = extract(
        "index.html",
        "<ruby>漢<rt>Walter Kaminski</rt></ruby>".as_bytes(),
    );
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
}

#[test]
fn entities_decode() {
    let e = extract(
        "a.htm",
        b"<p>&#x4B;aminski &Kopf;&amp;&eacute;&#233; Wal&shy;ter</p>",
    );
    assert!(
        text_has(&e, "Kaminski \u{1D542}&éé Wal\u{AD}ter"),
        "{:?}",
        all(&e)
    );
}

#[test]
fn attributes_comments_and_names() {
    let html = br#"<!DOCTYPE html>
<img alt="Walter Kaminski" src="/p/walter%20kaminski.jpg" class="text-white" data-patient-ng="1" aria-label="x" aria-zoe="y">
<!-- patient: Zoe Ng -->
<div x-kaminski>hi</div>"#;
    let e = extract("a.html", html);
    assert!(text_has(&e, "Walter Kaminski"));
    assert!(text_has(&e, "/p/walter kaminski.jpg"), "{:?}", all(&e));
    assert!(code_has(&e, "text-white") && !text_word(&e, "white"));
    assert!(text_has(&e, "patient-ng"));
    assert!(text_word(&e, "zoe"), "aria suffix: {:?}", all(&e));
    assert!(!text_word(&e, "label") && !text_word(&e, "alt") && !text_word(&e, "DOCTYPE"));
    assert!(text_has(&e, " patient: Zoe Ng "));
    assert!(text_has(&e, "x-kaminski"));
    // Alt text stands in the running text where the picture is (line 2);
    // the comment is on line 3.
    let alt = e
        .segments
        .iter()
        .find(|s| s.text.contains("Walter Kaminski\u{E000}"))
        .unwrap();
    assert_eq!(alt.line, 2);
    let c = e
        .segments
        .iter()
        .find(|s| s.text.contains("Zoe Ng"))
        .unwrap();
    assert_eq!(c.line, 3);
}

#[test]
fn text_lines_are_tracked() {
    let html = b"<html>\n<body>\n<p>one</p>\n<p\n class=x>Kami<b\n>nski</b>\n two</p>\nWalter\n";
    let e = extract("a.html", html);
    let t = e.segments.iter().find(|s| s.text.contains("one")).unwrap();
    assert_eq!(t.line, 3);
    // The word split by a tag spanning lines stays whole.
    assert!(t.text.contains("Kami\u{E000}nski"), "{:?}", t.text);
    let walter = t.text.find("Walter").unwrap();
    assert_eq!(t.line + count_nl(&t.text[..walter]), 8, "{:?}", t.text);
}

#[test]
fn script_and_style() {
    let html = br#"<style>
.walter { color: white; content: "Kaminski" }
</style>
<script>var n = "Zo\u00eb \u{4e}g\/x\n" + 'Walter'; // Ng's plan
</script>
<script type="application/ld+json">{"name": "Walter \u004Baminski"}</script>
<script type="text/template"><li>Zoe Ng</li></script>"#;
    let e = extract("a.html", html);
    assert!(
        code_has(&e, "color: white") && !text_word(&e, "white"),
        "{:?}",
        all(&e)
    );
    assert!(text_word(&e, "Kaminski"));
    let css = e
        .segments
        .iter()
        .find(|s| s.text.contains("color"))
        .unwrap();
    assert_eq!(css.line, 2);
    assert!(text_has(&e, "Zoë Ng/x Walter"), "{:?}", all(&e));
    assert!(text_has(&e, "Ng's plan"));
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    assert!(
        text_has(&e, "Zoe Ng") && !text_word(&e, "li"),
        "{:?}",
        all(&e)
    );
    let js = e.segments.iter().find(|s| s.text.contains("Zoë")).unwrap();
    assert_eq!(js.line, 4);
    // Script content does not leak into the page text as words.
    assert!(!text_word(&e, "var"));
}

#[test]
fn cdata_is_scanned() {
    let e = extract(
        "feed.xml",
        b"<rss><item><description><![CDATA[Walter > Kaminski <b>Zoe</b> Ng]]></description></item></rss>",
    );
    assert!(text_has(&e, "Walter > Kaminski"), "{:?}", all(&e));
    assert!(text_has(&e, "Zoe\u{E000} Ng"), "{:?}", all(&e));
    let e = extract("a.html", b"<p><![CDATA[<li>Walter Kaminski</li>]]></p>");
    assert!(
        text_has(&e, "Walter Kaminski") && !text_word(&e, "li"),
        "{:?}",
        all(&e)
    );
    // Escaped markup in a feed is markup.
    let e = extract(
        "feed.rss",
        b"<item><description>&lt;li&gt;Zoe Ng&lt;/li&gt;</description></item>",
    );
    assert!(
        text_has(&e, "Zoe Ng") && !text_word(&e, "li"),
        "{:?}",
        all(&e)
    );
}

#[test]
fn markup_by_content_and_svg() {
    let e = extract("page", b"  \n<p>Walter Kaminski</p>");
    assert!(text_has(&e, "Walter Kaminski") && !text_word(&e, "p"));
    let e = extract(
        "i.svg",
        br#"<svg viewBox="0 0 1 1"><linearGradient id="g"/><text fill="white">Zoe Ng</text><title>Walter</title></svg>"#,
    );
    assert!(text_has(&e, "Zoe Ng") && !text_word(&e, "lineargradient"));
    assert!(!text_word(&e, "white") && code_has(&e, "white"));
}

#[test]
fn doctype_internal_subsets_are_read() {
    let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY n \"Walter Kaminski\">\n]>\n<svg><text>&n;</text></svg>\n";
    let e = extract("a.svg", svg.as_bytes());
    let seg = e
        .segments
        .iter()
        .find(|s| s.text.contains("Walter Kaminski"))
        .expect("the entity's text");
    assert_eq!(seg.line, 2);
    let e = extract(
        "b.html",
        b"<!doctype html PUBLIC \"Walter Kaminski\" \"x\"><p>hi</p>",
    );
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    // Many, on their own lines: each at its line (counted once, not from
    // the top for each).
    let many: String = (0..20_000)
        .map(|i| format!("<!DOCTYPE x PUBLIC \"id{i}\">\n"))
        .collect();
    let e = extract("d.xml", many.as_bytes());
    let last = e
        .segments
        .iter()
        .find(|s| s.text.contains("id19999"))
        .unwrap();
    assert_eq!(last.line, 20_000);
    // Unclosed: read to the end, no panic.
    let e = extract(
        "c.html",
        "<p>é</p><!DOCTYPE x [ <!ENTITY a \"Walter".as_bytes(),
    );
    assert!(text_has(&e, "Walter"), "{:?}", all(&e));
}

#[test]
fn text_shown_reversed_is_read_as_shown() {
    for html in [
        "<p><bdo dir=\"rtl\">iksnimaK retlaW</bdo></p>",
        "<p><bdo dir=RTL><bdo dir=rtl>iksnimaK</bdo> retlaW</bdo></p>",
        "<p><span style=\"unicode-bidi:bidi-override;direction:rtl\">iksnimaK retlaW</span></p>",
        "<p>Our \u{202e}iksnimaK retlaW\u{202c} hero</p>",
    ] {
        let e = extract("index.html", html.as_bytes());
        let shown = e
            .segments
            .iter()
            .any(|s| s.text.replace(MARK, "").contains("Walter Kaminski"));
        assert!(shown, "{html}: {:?}", all(&e));
    }
    // Right-to-left text without an override keeps its order.
    let e = extract("index.html", "<p dir=rtl>iksnimaK retlaW</p>".as_bytes());
    assert!(!text_has(&e, "Walter"), "{:?}", all(&e));
}

#[test]
fn text_of_hidden_elements_is_left_out_of_a_second_view() {
    const M: char = super::super::MARK;
    for html in [
        "<p>Kamin<span hidden>xx</span>ski</p>",
        "<p>Kamin<span style=\"display: none\">zz</span>ski</p>",
        "<p>Kamin<span style=\"visibility:hidden\">zz</span>ski</p>",
        "<p>Kamin<span style=\"font-size:0\">zz</span>ski</p>",
        "<p>Kamin<span style=\"opacity: 0;\">zz</span>ski</p>",
        "<p>Kamin<span hidden><span>a</span>zz</span>ski</p>",
    ] {
        let e = extract("a.html", html.as_bytes());
        assert!(
            text_has(&e, &format!("Kamin{M}ski")),
            "{html}: {:?}",
            all(&e)
        );
        // The hidden text is still read where it stands.
        assert!(text_has(&e, "z") || text_has(&e, "xx"), "{html}");
    }
    // No second view without a hidden element (small print is shown).
    for html in [
        "<p>Kamin<span style=\"font-size:0.9em\">o</span> Road</p>",
        "<p>Kamin<span style=\"opacity:0.5\">o</span> Road</p>",
        "<p>Walter <b>Kaminski</b></p>",
    ] {
        let e = extract("a.html", html.as_bytes());
        let views = e
            .segments
            .iter()
            .filter(|s| s.text.contains("Kamin"))
            .count();
        assert_eq!(views, 1, "{html}: {:?}", all(&e));
    }
    // Lines stay right in the second view.
    let e = extract(
        "a.html",
        b"<p>a\n<span hidden>b\nc</span>\nKamin<i hidden>x</i>ski</p>",
    );
    let view = e
        .segments
        .iter()
        .find(|s| s.text.contains(&format!("Kamin{M}ski")));
    assert_eq!(
        view.map(|s| (s.line, s.text.matches('\n').count())),
        Some((1, 3)),
        "{:?}",
        all(&e)
    );
}
