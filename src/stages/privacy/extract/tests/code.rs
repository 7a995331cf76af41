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

#[test]
fn json_ld_publication_days_are_stamps_and_nothing_else_is() {
    let html = br#"<html><head><script type="application/ld+json">{"@type":"Article","datePublished":"2026-11-18","dateModified":"2026-11-19T10:00:00Z","birthDate":"1968-04-12","author":{"name":"Maria Lopez"}}</script></head></html>"#;
    let e = extract("stories/x/index.html", html);
    let stamps: Vec<&str> = e
        .segments
        .iter()
        .filter(|s| s.strength == Strength::Stamp)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        stamps,
        ["2026-11-18", "2026-11-19T10:00:00Z"],
        "{:?}",
        all(&e)
    );
    // Every other value is still prose: a birth date, a name.
    assert!(text_has(&e, "1968-04-12"), "{:?}", all(&e));
    assert!(text_has(&e, "Maria Lopez"), "{:?}", all(&e));
    assert!(!text_has(&e, "2026-11-18"), "{:?}", all(&e));
    // A name under a date key is no date: it stays prose.
    let e = extract(
        "x.json",
        br#"{"datePublished":"Maria Lopez","dateModified":"2026-13"}"#,
    );
    assert!(e.segments.iter().all(|s| s.strength != Strength::Stamp));
    assert!(text_has(&e, "Maria Lopez"), "{:?}", all(&e));
}

#[test]
fn js_character_codes_read_as_text() {
    let js = b"let a = 1;\nconst n = String.fromCharCode(90, 111, 0x65, 32, 78, 103);\nfromCodePoint(x, 65);";
    let e = extract("app.js", js);
    let codes = e.segments.iter().find(|s| s.text == "Zoe Ng");
    assert_eq!(
        codes.map(|s| (s.line, s.strength)),
        Some((2, Strength::Text))
    );
    // A variable first: nothing is read, and nothing breaks.
    assert!(!e.segments.iter().any(|s| s.text == "A"), "{:?}", all(&e));
}

#[test]
fn lists_of_character_codes_read_as_text() {
    // "Walter Kaminski", as a script maps it, pasted into a text file, in JSON.
    let codes = "87, 97, 108, 116, 101, 114, 32, 0x4B, 97, 109, 105, 110, 115, 107, 105";
    for (path, text) in [
        (
            "a.js",
            format!("const s = [{codes}].map(c => String.fromCharCode(c)).join('');"),
        ),
        ("a.js", format!("String.fromCharCode(...[{codes}])")),
        ("notes.txt", format!("[{codes}]\n")),
        ("data.json", format!("{{\"who\": [{codes}]}}")),
    ] {
        let e = extract(path, text.as_bytes());
        assert!(text_has(&e, "Walter Kaminski"), "{path}: {:?}", all(&e));
    }
    // Three numbers, decimals, controls and numbers inside words are not text.
    for (text, not) in [
        ("rgb(87, 97, 108)", "Wal"),
        ("[87.5, 97.5, 108.5, 116.5]", "Walt"),
        ("[87, 97, 108, 116, 10, 101, 114]", "Walt\ner"),
        ("v87, v97, v108, v116", "Walt"),
    ] {
        let e = extract("a.js", text.as_bytes());
        assert!(!text_has(&e, not), "{text}: {:?}", all(&e));
    }
    // Up to a control character, a list is read (four codes or more).
    let e = extract("a.js", b"[87, 97, 108, 116, 10, 101, 114]");
    assert!(text_has(&e, "Walt"), "{:?}", all(&e));
}

#[test]
fn a_table_of_measurements_is_not_read_as_text() {
    // Rows of numbers decode to letters, digits and signs ("h9/4"), which
    // would read as dates: only lists that make words are kept, each at
    // its own line.
    let csv = "knee,flexion,pain,week\n104, 57, 47, 52\n90,95,100,105\n76, 111, 112, 101, 122\n";
    let e = extract("data.csv", csv.as_bytes());
    assert!(!text_has(&e, "9/4"), "{:?}", all(&e));
    assert!(!text_has(&e, "Z_di"), "{:?}", all(&e));
    let lopez = e.segments.iter().find(|s| s.text == "Lopez");
    assert_eq!(lopez.map(|s| s.line), Some(4), "{:?}", all(&e));
}

#[test]
fn js_legacy_octal_escapes() {
    let e = extract(
        "a.js",
        b"var s = '\\127alter \\113aminski', t = 'a\\0b', u = '\\08';",
    );
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    assert!(text_has(&e, "a b"), "{:?}", all(&e));
    assert!(text_has(&e, " 8"), "{:?}", all(&e));
}

#[test]
fn strings_of_a_list_read_as_one_text_a_word_apart() {
    let e = extract("a.js", b"const who = ['Walter', \"Kaminski\"].join(' ');");
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    let e = extract("a.css", b".x { font-family: \"Walter\", 'Kaminski'; }");
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    // A comma with no string after it ends the text there.
    let e = extract("a.js", b"f('Walter', 2, 'Kaminski');");
    assert!(!text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
}

#[test]
fn every_literal_of_a_script_or_stylesheet_is_also_read_joined() {
    const M: char = super::super::MARK;
    let joined = format!("Kamin{M}ski");
    for js in [
        "document.title = 'Kamin'.concat('ski');",
        "var a = \"Kamin\", b = \"ski\"; document.body.append(a + b);",
        "f(\"Kamin\" + /* x */ \"ski\");",
        "f(\"Kamin\" + (\"ski\"));",
    ] {
        let e = extract("a.js", js.as_bytes());
        assert!(text_has(&e, &joined), "{js}: {:?}", all(&e));
    }
    let e = extract("a.css", b"p::after { content: \"Kamin\" /* x */ \"ski\" }");
    assert!(text_has(&e, &joined), "{:?}", all(&e));
    // The joined view has the first literal's line.
    let e = extract("a.js", b"\n\nvar a = 'Kamin';\nvar b = 'ski';");
    let view = e.segments.iter().find(|s| s.text == joined);
    assert_eq!(view.map(|s| s.line), Some(3), "{:?}", all(&e));
}

#[test]
fn js_unescape_and_date_constructors() {
    let e = extract("a.js", b"f(unescape('%u004Bami%u006Eski %uD83D%uDE00'));");
    assert!(text_has(&e, "Kaminski \u{1F600}"), "{:?}", all(&e));
    let e = extract(
        "a.js",
        b"new Date(1931, 3, 12); Date.UTC(2026, 11, 3); new Date(2026, 12, 1); f(1931, 3, 12);",
    );
    assert!(text_has(&e, "1931-04-12"), "{:?}", all(&e));
    assert!(text_has(&e, "2026-12-03"), "{:?}", all(&e));
    // Month 12 is no month; a call that is not Date's is no date.
    assert!(!text_has(&e, "2026-13"), "{:?}", all(&e));
    assert_eq!(
        e.segments.iter().filter(|s| s.text == "1931-04-12").count(),
        1,
        "{:?}",
        all(&e)
    );
}
