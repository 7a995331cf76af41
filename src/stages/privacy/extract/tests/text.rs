//! vCard, iCalendar and plain text.

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
