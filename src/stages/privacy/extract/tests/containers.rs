//! gzip, zip, fonts and icons.

use super::*;
use crate::stages::privacy::extract::MAX_INFLATE_TOTAL;

#[test]
fn gzip_and_svgz() {
    let e = extract("index.html.gz", &gz(b"<ul><li>Walter Kaminski</li></ul>"));
    assert!(
        text_has(&e, "Walter Kaminski") && !text_word(&e, "li"),
        "{:?}",
        all(&e)
    );
    assert!(e.unreadable.is_none());
    let e = extract("i.svgz", &gz(b"<svg><text>Zoe Ng</text></svg>"));
    assert!(
        text_has(&e, "Zoe Ng") && !text_word(&e, "svg"),
        "{:?}",
        all(&e)
    );
    // A damaged stream is reported.
    let mut d = gz(b"Walter Kaminski Walter Kaminski Walter Kaminski");
    let n = d.len();
    d.truncate(n - 12);
    let e = extract("a.txt.gz", &d);
    assert!(e.unreadable.is_some());
}

#[test]
fn gzip_bomb_is_capped() {
    let big = vec![b'a'; MAX_INFLATE_TOTAL + 10];
    let e = extract("a.txt.gz", &gz(&big));
    assert!(e.unreadable.as_deref().unwrap().contains("16 MB"));
}

pub(super) fn zip_fixture() -> Vec<u8> {
    let mut deflated = flate2::write::DeflateEncoder::new(Vec::new(), Compression::default());
    deflated
        .write_all(b"<w:document><w:t>Walter Kaminski</w:t></w:document>")
        .unwrap();
    let data = deflated.finish().unwrap();
    let name = b"word/document.xml";
    let mut b = b"PK\x03\x04\x14\0\0\0\x08\0\0\0\0\0\0\0\0\0".to_vec();
    b.extend((data.len() as u32).to_le_bytes());
    b.extend(52u32.to_le_bytes());
    b.extend((name.len() as u16).to_le_bytes());
    b.extend(0u16.to_le_bytes());
    b.extend(name);
    b.extend(&data);
    b.extend(b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
    b
}

#[test]
fn zip_is_unreadable_but_scanned() {
    let e = extract("files/plan.docx", &zip_fixture());
    assert!(e.unreadable.is_some());
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    assert!(text_has(&e, "word document xml"));
    let e = extract("f.woff2", b"wOF2\0\x01\0\0\0\0\0\0Walter Kaminski\0\0\0");
    assert!(e.unreadable.is_some() && text_has(&e, "Walter Kaminski"));
    let e = extract("a.js.br", b"\x1b\x03\0\xf8Walter");
    assert!(e.unreadable.is_some());
}

#[test]
fn fonts_and_icons_are_readable_strings() {
    // One table, a `name` table.
    let mut b = vec![0u8, 1, 0, 0, 0, 1, 0, 0x10, 0, 0, 0, 0];
    b.extend(b"name\0\0\0\0\0\0\0\x1c\0\0\0\x28");
    b.extend(utf16_bytes("Walter Kaminski Sans", true));
    b.extend([0, 0, 1, 2]);
    let e = extract("fonts/a.ttf", &b);
    assert!(e.unreadable.is_none());
    assert!(text_has(&e, "Walter Kaminski Sans"), "{:?}", all(&e));
    let mut ico = vec![0u8, 0, 1, 0, 1, 0];
    ico.extend(b"\0\0\x01\x02Zoe Ng drew this\0\0");
    let e = extract("favicon.ico", &ico);
    assert!(e.unreadable.is_none() && text_has(&e, "Zoe Ng drew this"));
    // woff1 with a zlib-compressed table.
    let table = zlib(&utf16_bytes("Ada Lovelace Font", true));
    let mut w = b"wOFF\0\x01\0\0".to_vec();
    w.extend([0u8; 4]);
    w.extend(1u16.to_be_bytes());
    w.resize(44, 0);
    w.extend(b"name");
    w.extend(64u32.to_be_bytes());
    w.extend((table.len() as u32).to_be_bytes());
    w.extend(1000u32.to_be_bytes());
    w.extend([0u8; 4]);
    w.extend(&table);
    let e = extract("f.woff", &w);
    assert!(
        e.unreadable.is_none() && text_has(&e, "Ada Lovelace Font"),
        "{:?}",
        all(&e)
    );
    // Text outside any table of a hand-made woff.
    let mut w = b"wOFF".to_vec();
    w.resize(44, 0);
    w.extend(b"Walter Kaminski");
    let e = extract("g.woff", &w);
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
}
