//! vCard, iCalendar, RTF and plain text.

use super::*;

#[test]
fn vcard_and_ical() {
    let vcf = b"BEGIN:VCARD\r\nFN:Walter Kamin\r\n ski\r\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Zo=C3=\r\n=AB;Ng\r\nNOTE:Caf=C3=A9\r\nEND:VCARD\r\n";
    let e = extract("contact.vcf", vcf);
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    assert!(text_has(&e, "Zoë;Ng"), "{:?}", all(&e));
    assert!(text_has(&e, "Café"), "{:?}", all(&e));
    let n = e.segments.iter().find(|s| s.text.contains("Zoë")).unwrap();
    assert_eq!(n.line, 4);
    let ics = b"BEGIN:VEVENT\nATTENDEE;CN=Walter\n  Kaminski:mailto:w@x.org\nSUMMARY:Visit\\, Zoe\\nNg\nEND:VEVENT\n";
    let e = extract("cal.ics", ics);
    assert!(
        text_has(&e, "CN=Walter Kaminski:mailto:w@x.org"),
        "{:?}",
        all(&e)
    );
    assert!(text_has(&e, "Visit, Zoe Ng"), "{:?}", all(&e));
}

#[test]
fn other_text_is_text() {
    let e = extract("robots.txt", b"User-agent: *\n# Walter Kaminski\n");
    assert!(text_has(&e, "Walter Kaminski") && e.unreadable.is_none());
    assert_eq!(e.segments[1].line, 1);
}

#[test]
fn rtf_text_is_decoded() {
    let rtf = "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\n{\\info{\\author Walter Kaminski}}\nThanks to Rosa Hern\\'e1ndez,\\par\nKami{\\b nski}, Zo\\u235?, \\u30000\\'3f and Na\\u8203?ta\\}\\\\.}\n";
    let e = extract("letter.rtf", rtf.as_bytes());
    let text: String = e.segments.iter().map(|s| s.text.as_str()).collect();
    for want in [
        "Walter Kaminski",
        "Rosa Hernández",
        "Zoë",
        "\u{7530}",
        "}\\.",
    ] {
        assert!(text.contains(want), "{want:?} in {text:?}");
    }
    // Markup, not a space, where control words and braces were:
    // "Kami{\b nski}" still spells one word.
    let folded = crate::stages::privacy::fold::Stream::build(&e.segments);
    assert!(folded.text.contains("kaminski"), "{:?}", folded.text);
    // The fallback after \u (`?`, `\'3f`) is skipped, the control word's
    // parameter is not text.
    assert!(
        !text.contains('?') && !text.contains("30000") && !text.contains("rtf1"),
        "{text:?}"
    );
    let line = |w: &str| {
        let seg = e.segments.iter().find(|s| s.text.contains(w)).unwrap();
        seg.line + super::super::count_nl(&seg.text[..seg.text.find(w).unwrap()])
    };
    assert_eq!((line("Walter"), line("Rosa"), line("Zo")), (2, 3, 4));
    // Without the extension, by its first bytes.
    assert!(text_has(
        &extract("letter", rtf.as_bytes()),
        "Rosa Hernández"
    ));
}
