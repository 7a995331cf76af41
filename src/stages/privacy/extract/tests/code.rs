//! JSON, CSS and JS.

use super::*;

#[test]
fn json_escapes_decode() {
    let e = extract(
        "site.webmanifest",
        br#"{"name": "Zo\u00eb\nKaminski \ud83d\ude00"}"#,
    );
    assert!(text_has(&e, "Zoë Kaminski 😀"), "{:?}", all(&e));
    assert_eq!(e.segments.last().unwrap().strength, Strength::Text);
}

#[test]
fn css_and_js_lexing() {
    let css = b"/* by Walter */\n.a { color: white; content: \"Kaminski \\e9 \"; background: url(img/zoe%20ng.png) }\n";
    let e = extract("s.css", css);
    assert!(text_has(&e, "by Walter "));
    assert!(code_has(&e, "color: white") && !text_word(&e, "white"));
    assert!(text_has(&e, "Kaminski é"), "{:?}", all(&e));
    assert!(text_has(&e, "img/zoe ng.png"), "{:?}", all(&e));
    let url = e.segments.iter().find(|s| s.text.contains("zoe")).unwrap();
    assert_eq!(url.line, 2);

    let js = b"const white = 1;\n/* Zoe\n Ng */ let s = `Walter ${x}\nKaminski`; // end\nf(\"\\x57alter\")";
    let e = extract("app.MJS", js);
    assert!(code_has(&e, "const white") && !text_word(&e, "white"));
    assert!(text_has(&e, "Walter ${x}\nKaminski"));
    assert!(text_has(&e, "Walter") && text_has(&e, "end"));
    let w = e.segments.iter().find(|s| s.text == "Walter").unwrap();
    assert_eq!(w.line, 5);
    // Unterminated things do not panic and are still scanned.
    for s in [
        "'Walter",
        "\"Wal\\",
        "/* Kaminski",
        "`x\\u{",
        "a = 'b\\u12",
        "x\\",
    ] {
        let e = extract("x.js", s.as_bytes());
        assert!(e.segments.len() >= 2, "{s}");
        let _ = extract("x.css", s.as_bytes());
    }
}
