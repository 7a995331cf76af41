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

/// `store` writes what `write` would, and leaves an unchanged cache alone.
#[test]
fn store_writes_only_a_cache_that_changed() {
    use crate::content::plan::Plan;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let file = root.join(DIR).join(FILE);
    let a: Plan = crate::content::yaml::parse(
        include_str!("../../../content/plans/maria-lopez.yaml"),
        Path::new("a.yaml"),
    )
    .unwrap();
    let b: Plan = crate::content::yaml::parse(
        include_str!("../../../content/plans/daniel-okafor.yaml"),
        Path::new("b.yaml"),
    )
    .unwrap();
    let record = |path: &'static str, hash: u128, plan| Record {
        path: Path::new(path),
        hash,
        plan,
        today: None,
        diagnostics: &[],
        handout: Some((format!("{path}.html"), hash + 1)),
    };
    let expected = |key: u128, records| {
        let mut out = Vec::new();
        write(&mut out, None, key, 2, None, records).unwrap();
        out
    };
    let inode = || {
        use std::os::unix::fs::MetadataExt as _;
        std::fs::metadata(&file).unwrap().ino()
    };
    let two = || vec![record("a.yaml", 1, &a), record("b.yaml", 3, &b)];
    store(root, None, 1, 2, None, two()).unwrap();
    assert_eq!(std::fs::read(&file).unwrap(), expected(1, two()));
    let before = inode();

    // The same cache again: not rewritten.
    let old = Cache::open(root).unwrap();
    store(root, Some(&old), 1, 2, None, two()).unwrap();
    assert_eq!(inode(), before, "an unchanged cache was rewritten");

    // A shorter cache (a plan removed), a longer one, another key: each
    // rewritten, byte for byte what `write` gives.
    let one = || vec![record("a.yaml", 1, &a)];
    for (key, shorter) in [(1, true), (1, false), (9, false)] {
        let records = || if shorter { one() } else { two() };
        let old = Cache::open(root).unwrap();
        store(root, Some(&old), key, 2, None, records()).unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), expected(key, records()));
    }

    // Without the old cache read (`--no-cache`), the file on disk is what
    // the new one is compared with: the same cache is not rewritten...
    let before = inode();
    store(root, None, 9, 2, None, two()).unwrap();
    assert_eq!(
        inode(),
        before,
        "an unchanged cache was rewritten (--no-cache)"
    );
    // ...and a shorter, a longer or a different one is, byte for byte.
    for (key, shorter) in [(9, true), (9, false), (5, false), (5, true)] {
        let records = || if shorter { one() } else { two() };
        store(root, None, key, 2, None, records()).unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), expected(key, records()));
    }
    // So is one in which only what a record says of its plan changed (its
    // handout, its diagnostics), plans and keys as they were.
    let warned = [Diagnostic::warning(
        Code::UnknownKey,
        "a key the format does not know",
    )];
    for change in 0..3 {
        store(root, None, 5, 2, None, two()).unwrap();
        let changed = || {
            let mut records = two();
            let r = &mut records[1];
            match change {
                0 => r.handout = Some(("elsewhere.html".to_string(), 7)),
                1 => r.diagnostics = &warned,
                _ => r.today = Date::parse("2026-11-28"),
            }
            records
        };
        store(root, None, 5, 2, None, changed()).unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), expected(5, changed()));
    }
}

#[test]
fn the_cache_is_one_of_the_folders_no_output_goes_into() {
    assert!(crate::stages::check::SOURCE_DIRS.contains(&super::DIR));
}
