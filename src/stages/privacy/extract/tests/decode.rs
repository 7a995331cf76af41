//! Paths and character decoding.

use super::*;

#[test]
fn path_is_a_segment() {
    let e = extract("static/photos/walter-kaminski.jpg", b"");
    assert_eq!(e.segments[0].text, "static photos walter kaminski jpg");
    assert_eq!(e.segments[0].line, 0);
    let e = extract("a/Walter%20Kaminski_2024.html", b"");
    assert!(text_has(&e, "Walter Kaminski 2024"), "{:?}", all(&e));
}

#[test]
fn utf8_bom_is_dropped() {
    let e = extract("a.txt", b"\xEF\xBB\xBFWalter Kaminski");
    assert!(e.segments.iter().any(|s| s.text == "Walter Kaminski"));
}

#[test]
fn utf16_with_and_without_bom() {
    for be in [false, true] {
        let mut b = if be {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        b.extend(utf16_bytes("Zoë Kaminski", be));
        let e = extract("a.txt", &b);
        assert!(text_has(&e, "Zoë Kaminski"), "{be}: {:?}", all(&e));
        let e = extract("a.txt", &utf16_bytes("Walter Kaminski, 555-0100", be));
        assert!(
            text_has(&e, "Walter Kaminski, 555-0100"),
            "{be}: {:?}",
            all(&e)
        );
        assert!(e.unreadable.is_none());
    }
    // UTF-16 markup is still markup.
    let e = extract("a.html", &utf16_bytes("<p>Walter</p><li>x</li>", false));
    assert!(
        text_has(&e, "Walter") && !text_word(&e, "li"),
        "{:?}",
        all(&e)
    );
}

#[test]
fn invalid_utf8_is_windows_1252() {
    let e = extract("a.txt", b"Fran\xE7ois \x93Kaminski\x94 and Zo\xC3\xAB");
    assert!(
        text_has(&e, "François \u{201C}Kaminski\u{201D} and Zoë"),
        "{:?}",
        all(&e)
    );
    assert!(e.unreadable.is_none());
}

#[test]
fn sixteen_bit_binary_is_not_utf16_text() {
    // Samples whose high bytes are zero: NULs at odd positions, like UTF-16LE.
    let b: Vec<u8> = (0..400u32).flat_map(|i| [(i * 7 % 31) as u8, 0]).collect();
    let e = extract("samples.raw", &b);
    assert!(e.unreadable.is_some());
    let mut wav = b"RIFF\x10\0\0\0WAVEfmt ".to_vec();
    wav.extend(b"LIST\x10\0\0\0INFOIART\x04\0\0\0Walter Kaminski\0");
    let e = extract("a.wav", &wav);
    assert!(e.unreadable.is_some() && text_has(&e, "Walter Kaminski"));
}

#[test]
fn unknown_binary_is_unreadable_with_strings() {
    let mut b = vec![0u8, 1, 2, 3, 0, 0, 5, 6];
    b.extend(b"Walter Kaminski");
    b.extend([0u8, 0, 7, 8, 0, 9]);
    b.extend(utf16_bytes("Zoe Ng", false));
    b.extend([0u8, 0, 7, 8, 0, 9]);
    let e = extract("data.bin", &b);
    assert!(e.unreadable.is_some());
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    assert!(text_has(&e, "Zoe Ng"), "{:?}", all(&e));
}

#[test]
fn base64_outside_data_uris_is_decoded() {
    // "Walter Kaminski", padded and not, standard and URL-safe alphabets.
    for blob in [
        "V2FsdGVyIEthbWluc2tp",
        "V2FsdGVyIEthbWluc2tpIQ==",
        "V2FsdGVyIEthbWluc2tpIQ",
    ] {
        let e = extract("notes.txt", format!("key: {blob}\n").as_bytes());
        assert!(text_has(&e, "Walter Kaminski"), "{blob}: {:?}", all(&e));
    }
    // {"n":"Walter Kaminski?>"} in URL-safe base64 (it has a `_`).
    let e = extract("a.js", b"var t = 'eyJuIjoiV2FsdGVyIEthbWluc2tpPz4ifQ';");
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    // Wrapped at 76 columns, the name across the break.
    let e = extract(
        "note.eml",
        b"SGVsbG8gdGVhbSwgdGhpcyBub3RlIGlzIGFib3V0IG91ciBnb29kIHBhdGllbnQgV2FsdGVyIEth\r\nbWluc2tpIHdobyBjYW1lIGluIHRvZGF5IGZvciBoaXMga25lZS4=\r\n",
    );
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    // The same with a last line shorter than a blob: "…Walter Ka" / "minski."
    let e = extract("note.eml", b"SGVsbG8gdGVhbSwgdGhpcyBub3RlIGlzIGFib3V0IG91ciBnb29kIHBhdGllbnQgV2FsdGVyIEth\nbWluc2tpLg==\n");
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    // Gzip in base64 is opened.
    let gz = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        gz(b"Walter Kaminski"),
    );
    assert!(text_has(
        &extract("a.js", format!("z='{gz}'").as_bytes()),
        "Walter Kaminski"
    ));
    // Hexadecimal, lower or upper case, with or without 0x.
    for blob in [
        "57616c746572204b616d696e736b69",
        "0x57616C746572204B616D696E736B69",
    ] {
        let e = extract("ids.txt", format!("id={blob}\n").as_bytes());
        assert!(text_has(&e, "Walter Kaminski"), "{blob}: {:?}", all(&e));
    }
    // A short name, shorter than a blob: padded, or mixed case, or hex.
    for (blob, name) in [
        ("TWFyaWEgTG9wZXo=", "Maria Lopez"),
        ("TWFyaWEgTG9wZXo", "Maria Lopez"),
        ("Sm8gTGk=", "Jo Li"),
        ("Sm8gTGkgV3U", "Jo Li Wu"),
        ("4a6f204c692057", "Jo Li W"),
    ] {
        let e = extract("notes.txt", format!("k: {blob}\n").as_bytes());
        assert!(text_has(&e, name), "{blob}: {:?}", all(&e));
    }
    // Words, paths, hashes and short runs decode to nothing that is text.
    let e = extract(
        "a.txt",
        b"Internationalization /stories/back-to-the-golf-course/ sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU= V2FsdGVy",
    );
    assert!(!text_has(&e, "Walter"), "{:?}", all(&e));
    assert!(e.unreadable.is_none());
}

#[test]
fn punycode_domains_read_as_their_letters() {
    let e = extract(
        "links.txt",
        b"https://XN--rosahernndez-jbb.example/ and xn--zz-broken",
    );
    assert!(text_has(&e, "rosahern\u{e1}ndez.example"), "{:?}", all(&e));
    // Text without a label is read once, as written.
    let e = extract("notes.txt", b"an em dash -- and xn -- spaced");
    let copies = e.segments.iter().filter(|s| s.text.contains("em dash"));
    assert_eq!(copies.count(), 1, "{:?}", all(&e));
}

#[test]
fn a_declared_charset_is_honoured() {
    // "Вальтер" in KOI8-R, Shift_JIS full-width letters.
    let koi8 = [0xF7, 0xC1, 0xCC, 0xD8, 0xD4, 0xC5, 0xD2];
    let sjis = [0x82, 0x6A, 0x82, 0x81, 0x82, 0x8D]; // "Ｋａｍ"
    let cases: [(&str, &[u8], &[u8], &str); 5] = [
        ("a.html", b"<meta charset=\"koi8-r\"><p>", &koi8, "Вальтер"),
        (
            "a.html",
            b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=KOI8-R\"><p>",
            &koi8,
            "Вальтер",
        ),
        (
            "a.svg",
            b"<?xml version=\"1.0\" encoding='shift_jis'?><svg><text>",
            &sjis,
            "Ｋａｍ",
        ),
        (
            "a.css",
            b"@charset \"shift_jis\";\np::after { content: \"",
            &sjis,
            "Ｋａｍ",
        ),
        (
            "a",
            b"<!doctype html><meta charset=windows-1251><p>",
            &[0xC2, 0xE0],
            "Ва",
        ),
    ];
    for (path, head, body, want) in cases {
        let e = extract(path, &[head, body].concat());
        assert!(text_has(&e, want), "{path}: {:?}", all(&e));
        assert!(e.unreadable.is_none(), "{path}");
    }
    // A BOM wins over the declaration, as in browsers.
    let e = extract(
        "a.html",
        "\u{FEFF}<meta charset=koi8-r><p>Вальтер".as_bytes(),
    );
    assert!(text_has(&e, "Вальтер"), "{:?}", all(&e));
}

#[test]
fn an_unknown_declared_charset_is_unreadable() {
    for (path, b) in [
        ("a.html", &b"<meta charset=\"x-klingon\"><p>hello"[..]),
        (
            "a.xml",
            b"<?xml version=\"1.0\" encoding=\"ebcdic-cp-us\"?><a/>",
        ),
        ("a.css", b"@charset \"utf-7\"; p { color: red }"),
    ] {
        assert!(extract(path, b).unreadable.is_some(), "{path}");
    }
    // UTF-8, and no declaration at all, read as before.
    for (path, b) in [
        ("a.html", &b"<meta charset=\"UTF-8\"><p>hello"[..]),
        (
            "a.html",
            b"<meta name=x content=\"no charset is set\"><p>hello",
        ),
        ("a.js", b"var t = '<meta charset=\"' + cs + '\">';"),
    ] {
        assert!(extract(path, b).unreadable.is_none(), "{path}");
    }
}

#[test]
fn base64_of_utf16_and_base32_are_read() {
    use base64::Engine as _;
    for be in [false, true] {
        let b64 =
            base64::engine::general_purpose::STANDARD.encode(utf16_bytes("Walter Kaminski", be));
        let e = extract("a.txt", format!("blob: {b64}\n").as_bytes());
        assert!(text_has(&e, "Walter Kaminski"), "{be}: {:?}", all(&e));
    }
    // RFC 4648 base32 of "Walter Kaminski", with and without padding.
    for b32 in ["K5QWY5DFOIQEWYLNNFXHG23J", "k5qwy5dfoiqewylnnfxhg23j"] {
        let e = extract("a.txt", format!("b32: {b32}\n").as_bytes());
        assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    }
    let e = extract("a.txt", b"id: JBSWY3DPEBLW64TMMQ======\n");
    assert!(text_has(&e, "Hello World"), "{:?}", all(&e));
}
