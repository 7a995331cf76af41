//! strings(1).

use super::*;
use crate::stages::privacy::extract::binary::strings;

#[test]
fn strings_finds_utf8_latin1_and_utf16() {
    let mut b = vec![1u8, 2, 3];
    b.extend("Zoë Müller".as_bytes());
    b.extend([0u8, 1, 2]);
    b.extend(b"J\xFCrgen B\xE4r");
    b.extend([0u8, 1]);
    b.extend(utf16_bytes("Łukasz Nowak", true));
    b.extend([0u8, 1, 0, 1]);
    b.extend(utf16_bytes("Ab", false)); // too short
    let mut segs = Vec::new();
    strings(&b, &mut segs);
    let t: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
    assert!(t.contains(&"Zoë Müller"), "{t:?}");
    assert!(t.contains(&"Jürgen Bär"), "{t:?}");
    assert!(t.contains(&"Łukasz Nowak"), "{t:?}");
    assert!(!t.iter().any(|s| s.contains("Ab") && s.len() < 4), "{t:?}");
    assert!(segs.iter().all(|s| s.line == 0));
}
