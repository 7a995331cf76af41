//! Unit tests of the write stage.

use super::marker::MARKER_TEXT;
use super::*;

fn out(path: &str, s: &str) -> RenderedFile {
    RenderedFile {
        path: path.into(),
        bytes: s.as_bytes().to_vec(),
    }
}

#[test]
fn replaces_own_output_but_not_foreign_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    write_tree(&target, &[out("a/index.html", "one")]).unwrap();
    assert_eq!(
        std::fs::read_to_string(target.join("a/index.html")).unwrap(),
        "one"
    );
    write_tree(&target, &[out("b.html", "two")]).unwrap();
    assert!(!target.join("a").exists());
    assert_eq!(
        std::fs::read_to_string(target.join("b.html")).unwrap(),
        "two"
    );

    let foreign = tmp.path().join("mine");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("thesis.docx"), "precious").unwrap();
    assert!(matches!(
        write_tree(&foreign, &[out("x", "y")]),
        Err(WriteError::NotOurs(_))
    ));
    assert_eq!(
        std::fs::read_to_string(foreign.join("thesis.docx")).unwrap(),
        "precious"
    );
}

#[cfg(unix)]
#[test]
fn unchanged_files_are_linked_not_rewritten() {
    use std::os::unix::fs::MetadataExt;
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("handouts");
    write_tree(&target, &[out("a.html", "same"), out("b.html", "old")]).unwrap();
    let inode_a = std::fs::metadata(target.join("a.html")).unwrap().ino();
    let inode_b = std::fs::metadata(target.join("b.html")).unwrap().ino();
    write_tree(&target, &[out("a.html", "same"), out("b.html", "new")]).unwrap();
    assert_eq!(
        std::fs::metadata(target.join("a.html")).unwrap().ino(),
        inode_a,
        "unchanged file was rewritten"
    );
    assert_ne!(
        std::fs::metadata(target.join("b.html")).unwrap().ino(),
        inode_b
    );
    assert_eq!(
        std::fs::read_to_string(target.join("b.html")).unwrap(),
        "new"
    );
    assert_eq!(
        std::fs::read_to_string(target.join("a.html")).unwrap(),
        "same"
    );
}

#[test]
fn the_mark_lists_what_heropath_wrote() {
    let m = Manifest {
        legacy: false,
        files: ["a.html".to_string(), "b c.html".to_string()].into(),
        pdfs: [("a.pdf".to_string(), 0xabc_u128)].into(),
        printed: [("a.pdf".to_string(), 0xdef_u128)].into(),
        public: false,
    };
    let back = Manifest::parse(&m.render());
    assert_eq!(back, m);
    let public = Manifest {
        public: true,
        ..m.clone()
    };
    assert_eq!(Manifest::parse(&public.render()), public);
    assert!(back.printed_this("a.pdf", 0xdef) && !back.printed_this("a.pdf", 0xabc));
    let older = Manifest {
        printed: Default::default(),
        ..m.clone()
    };
    assert!(
        older.printed_this("a.pdf", 0x123),
        "a mark without the PDF's hash takes it as printed"
    );
    assert!(back.wrote("a.pdf") && back.wrote("b c.html") && !back.wrote("notes.txt"));
    let legacy = Manifest::parse(MARKER_TEXT);
    assert!(legacy.legacy && legacy.wrote("x.html") && !legacy.wrote("x.pdf"));
}

#[test]
fn a_build_records_its_files_and_survey_finds_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("handouts");
    write_tree(&target, &[out("a.html", "one")]).unwrap();
    std::fs::write(target.join("notes.txt"), "mine").unwrap();
    let s = Survey::of(&target);
    assert_eq!(s.foreign, vec!["notes.txt".to_string()]);
    assert!(s.manifest.is_some_and(|m| m.wrote("a.html")));
}

#[test]
fn refuses_paths_that_escape() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    assert!(matches!(
        write_tree(&target, &[out("../evil", "x")]),
        Err(WriteError::BadPath(_))
    ));
    assert!(!tmp.path().join("evil").exists());
    assert!(!target.exists());
}

#[cfg(unix)]
#[test]
fn a_tree_that_would_not_change_stays_untouched() {
    use std::os::unix::fs::MetadataExt;
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let files = [
        out("index.html", "home"),
        out("stories/ana/index.html", "ana"),
    ];
    write_tree(&target, &files).unwrap();
    let ino = |p: &str| std::fs::metadata(target.join(p)).unwrap().ino();
    let before = [ino(""), ino("stories"), ino("stories/ana")];
    write_tree(&target, &files).unwrap();
    assert_eq!(
        [ino(""), ino("stories"), ino("stories/ana")],
        before,
        "an unchanged tree was replaced"
    );
    let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "staging left behind: {left:?}");

    // Anything else in the tree (a file, an empty folder) is not the
    // build's: the tree is then replaced as usual.
    for extra in ["stray.html", "stories/old"] {
        if extra.ends_with(".html") {
            std::fs::write(target.join(extra), "x").unwrap();
        } else {
            std::fs::create_dir(target.join(extra)).unwrap();
        }
        write_tree(&target, &files).unwrap();
        assert!(!target.join(extra).exists(), "{extra} kept");
        assert_eq!(
            std::fs::read_to_string(target.join("stories/ana/index.html")).unwrap(),
            "ana"
        );
    }
    // A file that is missing, or a mark that differs, makes it a new tree.
    std::fs::remove_file(target.join("index.html")).unwrap();
    write_tree(&target, &files).unwrap();
    assert_eq!(
        std::fs::read_to_string(target.join("index.html")).unwrap(),
        "home"
    );
    std::fs::write(target.join(MARKER), MARKER_TEXT).unwrap();
    let before = ino("");
    write_tree(&target, &files).unwrap();
    assert_ne!(ino(""), before, "an old mark was kept");
    assert!(Manifest::read(&target).is_some_and(|m| !m.legacy && m.wrote("index.html")));
}

#[test]
fn a_file_taken_as_it_is_is_in_the_new_tree_when_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("handouts");
    write_tree(&target, &[out("a.html", "same")]).unwrap();
    let staging = Staging::new(&target).unwrap();
    staging.write("a.html", b"same").unwrap();
    let path = staging.path_of("a.html").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "same");
    std::fs::write(staging.path_of("a.pdf").unwrap(), "pdf").unwrap();
    staging.record_pdf("a.pdf", 1, 2);
    staging.commit().unwrap();
    assert_eq!(
        std::fs::read_to_string(target.join("a.pdf")).unwrap(),
        "pdf"
    );
    assert_eq!(
        std::fs::read_to_string(target.join("a.html")).unwrap(),
        "same"
    );
}
