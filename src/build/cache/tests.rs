//! Unit tests of the build cache.

use super::*;

#[test]
fn fingerprint_parts_are_delimited() {
    let mut a = Fingerprint::new();
    a.add(b"ab").add(b"c");
    let mut b = Fingerprint::new();
    b.add(b"a").add(b"bc");
    assert_ne!(a.finish(), b.finish());
    let mut c = Fingerprint::new();
    c.add(b"ab").add(b"c");
    assert_eq!(a.finish(), c.finish());
}

#[test]
fn damaged_or_foreign_caches_are_not_used() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(Cache::open(tmp.path()).is_none(), "no file");
    let file = tmp.path().join(DIR).join(FILE);
    std::fs::create_dir(tmp.path().join(DIR)).unwrap();
    std::fs::write(&file, b"{ not json").unwrap();
    assert!(Cache::open(tmp.path()).is_none(), "garbage");
    let other = serde_json::json!({
        "format": FORMAT, "program": "heropath 0.0.0 other", "check_key": "0",
        "handout_key": "0", "plans": []
    });
    std::fs::write(&file, other.to_string()).unwrap();
    assert!(Cache::open(tmp.path()).is_none(), "another binary");
    save(tmp.path(), |out| write(out, None, 1, 2, None, Vec::new())).unwrap();
    assert!(Cache::open(tmp.path()).is_some(), "our own, empty");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join(DIR).join(".gitignore")).unwrap(),
        "*\n"
    );
}
