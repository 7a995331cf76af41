//! Tests of the extraction layer, one file per reader, through the public
//! [`extract`]; this file holds the shared helpers and the robustness tests
//! (truncated, damaged and random inputs must not panic).
//!
//! Not here: tests of what the guard does with the segments
//! ([`crate::stages::privacy`]'s own tests).

mod binary;
mod code;
mod containers;
mod decode;
mod images;
mod markup;
mod pdf;
mod text;

use super::{Extracted, Strength, extract};
use flate2::Compression;
use flate2::write::{GzEncoder, ZlibEncoder};
use std::io::Write;

fn all(e: &Extracted) -> Vec<(&str, u32, Strength)> {
    e.segments
        .iter()
        .map(|s| (s.text.as_str(), s.line, s.strength))
        .collect()
}
fn text_has(e: &Extracted, needle: &str) -> bool {
    e.segments
        .iter()
        .any(|s| s.strength == Strength::Text && s.text.contains(needle))
}
fn code_has(e: &Extracted, needle: &str) -> bool {
    e.segments
        .iter()
        .any(|s| s.strength == Strength::Code && s.text.contains(needle))
}
/// Whether `word` appears as a whole word in any Text segment.
fn text_word(e: &Extracted, word: &str) -> bool {
    e.segments.iter().any(|s| {
        s.strength == Strength::Text
            && s.text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == word)
    })
}
fn zlib(b: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
    z.write_all(b).unwrap();
    z.finish().unwrap()
}
fn gz(b: &[u8]) -> Vec<u8> {
    let mut z = GzEncoder::new(Vec::new(), Compression::default());
    z.write_all(b).unwrap();
    z.finish().unwrap()
}

fn utf16_bytes(s: &str, be: bool) -> Vec<u8> {
    s.encode_utf16()
        .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
        .collect()
}

// -- robustness -----------------------------------------------------------

fn fixtures() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("a.png", images::png_fixture()),
        ("a.gz", gz(b"<p>Walter</p>")),
        ("a.docx", containers::zip_fixture()),
        ("a.pdf", b"%PDF-1.4 (a\\) stream\nx\\\nendstream [(a) -300 <4142".to_vec()),
        ("a.html", b"<p a='x' style=\"color:red\"><script>'a\\u{1F600}'</script><![CDATA[x>".to_vec()),
        ("a.vcf", b"N;ENCODING=QUOTED-PRINTABLE:=C3=\r\n".to_vec()),
        ("a.jpg", b"\xFF\xD8\xFF\xE1\x00\x30Exif\0\0II*\0\x08\0\0\0\x01\0\x3B\x01\x02\0\xFF\xFF\xFF\x7F\x08\0\0\0".to_vec()),
        ("a.gif", b"GIF89a\x01\0\x01\0\xF7\0\0".to_vec()),
        ("a.webp", b"RIFF\0\0\0\0WEBPEXIF\xFF\xFF\xFF\xFFMM\0*".to_vec()),
        ("a.woff", b"wOFF\0\x01\0\0\0\0\0\0\xFF\xFF".to_vec()),
        ("a.css", b"a{b:url(  x".to_vec()),
        ("a.json", b"\"\\ud800\\u{110000}\\x".to_vec()),
        ("a.rtf", "{\\rtf1\\uc2\\u-3913 ab\\'e1\\'\\\\\\é{\\b x}\\u99999999999999999999 \\".as_bytes().to_vec()),
    ]
}

#[test]
fn truncated_inputs_do_not_panic() {
    for (name, b) in fixtures() {
        for n in 0..=b.len() {
            let _ = extract(name, &b[..n]);
            // Flipped bytes too.
            let mut c = b[..n].to_vec();
            if let Some(x) = c.get_mut(n / 2) {
                *x ^= 0xFF;
            }
            let _ = extract(name, &c);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
    #[test]
    fn random_inputs_do_not_panic(
        prefix in 0usize..16,
        ext in 0usize..12,
        tail in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
    ) {
        let prefixes: [&[u8]; 16] = [
            b"", b"\x89PNG\r\n\x1a\n", b"\xFF\xD8\xFF", b"GIF89a", b"RIFF\0\0\0\0WEBP",
            b"%PDF-", b"PK\x03\x04", b"\x1F\x8B\x08\0", b"wOFF", b"wOF2", b"\0\x01\0\0",
            b"\xFF\xFE", b"\xFE\xFF", b"<p ", b"<![CDATA[", b"{\\rtf1 ",
        ];
        let exts = ["a.html", "a.css", "a.js", "a.json", "a.vcf", "a.rtf", "a.txt",
                    "a.xml", "a.svgz", "a.bin", "a.png", "a"];
        let mut b = prefixes[prefix].to_vec();
        b.extend(&tail);
        let e = extract(exts[ext], &b);
        proptest::prop_assert!(!e.segments.is_empty() || exts[ext] == "a");
        // Text decoding never loses a line count: ASCII text keeps its lines.
        let s: String = tail.iter().map(|&c| if c.is_ascii_graphic() || c == b'\n' { c as char } else { ' ' }).collect();
        let _ = extract(exts[ext], s.as_bytes());
    }
}

/// Each field of a feed is a segment of its own: an entry's address and
/// the next field's title never run together.
#[test]
fn feed_fields_are_segments_of_their_own() {
    let x = "<?xml version=\"1.0\"?>\n<feed>\n  <entry>\n    <id>https://x.test/stories/mei-and-dancing-3/</id>\n    <title>Mei and the road</title>\n  </entry>\n</feed>\n";
    let e = extract("atom.xml", x.as_bytes());
    let segs = all(&e);
    assert!(
        segs.iter().any(|(t, _, _)| t.ends_with("dancing-3/")),
        "{segs:?}"
    );
    assert!(
        segs.iter().any(|(t, _, _)| t.starts_with("Mei and")),
        "{segs:?}"
    );
}
