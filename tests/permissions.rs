//! Folders of a person's own in an output folder that heropath may not
//! read or change. A build replaces the output folder: it carries over
//! what it did not write, then removes the old tree. What it cannot read
//! it cannot carry, and a read-only folder cannot be removed, so the build
//! stops before writing anything and names the folder; the folder and the
//! previous output stay as they were, with nothing left hidden beside them.
//!
//! Permissions do not bind root, so when the tests run as root (CI does)
//! the binary runs as `nobody` through `setpriv`, over a clinic folder
//! given to that user.

mod common;
use common::*;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::Output;

/// The user the binary runs as when the tests run as root.
const NOBODY: u32 = 65534;

/// Run heropath over `c` as a user that file permissions bind: the current
/// one, or `nobody` when that is root. `None` when running as root without
/// `setpriv` (the test then has nothing to show).
fn run_bound(c: &Clinic, args: &[&str]) -> Option<Output> {
    let bin = assert_cmd::cargo::cargo_bin("heropath");
    // SAFETY: geteuid has no preconditions and cannot fail.
    let root = unsafe { libc::geteuid() } == 0;
    let mut cmd = if root {
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"]
            .into_iter()
            .find(|p| Path::new(p).exists())?;
        give_to_nobody(c.path());
        let mut cmd = std::process::Command::new(setpriv);
        cmd.args([
            format!("--reuid={NOBODY}"),
            format!("--regid={NOBODY}"),
            "--clear-groups".to_string(),
        ]);
        cmd.arg(&bin);
        cmd
    } else {
        std::process::Command::new(&bin)
    };
    cmd.arg("--root").arg(c.path());
    cmd.args(["--today", "2026-11-26", "--format", "short"])
        .args(args);
    cmd.env("SOURCE_DATE_EPOCH", "1795651200");
    Some(cmd.output().expect("run heropath"))
}

/// Give the clinic folder and everything in it to `nobody`.
fn give_to_nobody(dir: &Path) {
    std::os::unix::fs::chown(dir, Some(NOBODY), Some(NOBODY)).expect("chown");
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.expect("walk the clinic");
        std::os::unix::fs::lchown(e.path(), Some(NOBODY), Some(NOBODY)).expect("chown");
    }
}

fn chmod(path: &Path, mode: u32) -> std::io::Result<()> {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

/// Hidden folders a build left beside its output (`.handouts.heropath-…`).
fn left_beside(c: &Clinic) -> Vec<String> {
    std::fs::read_dir(c.path())
        .expect("read the clinic")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".heropath-new-") || n.contains(".heropath-old-"))
        .collect()
}

/// A clinic built once, as the bound user.
fn built() -> Option<Clinic> {
    let c = Clinic::with_plan();
    let out = run_bound(&c, &["build"])?;
    assert!(out.status.success(), "{}", stderr(&out));
    Some(c)
}

/// Make the plan's handout change, so the next build has to replace the
/// handouts folder.
fn edit_plan(c: &Clinic) {
    let plan = c.read("content/plans/maria-lopez.yaml");
    let edited = plan.replacen("summary:", "summary: Still", 1);
    assert_ne!(plan, edited, "the plan has a summary to edit");
    std::fs::write(c.path().join("content/plans/maria-lopez.yaml"), edited).expect("edit plan");
}

#[test]
fn a_folder_heropath_cannot_read_in_the_handouts_folder_stops_the_build_and_stays() {
    let Some(c) = built() else {
        eprintln!("skipped: running as root without setpriv");
        return;
    };
    let private = c.path().join("handouts/private");
    c.write(
        "handouts/private/notes.txt",
        "Call Maria's daughter on Friday.",
    );
    let before = c.read("handouts/maria-lopez.html");
    edit_plan(&c);
    chmod(&private, 0o000).expect("chmod");
    let out = run_bound(&c, &["build"]).expect("ran before");
    let _ = chmod(&private, 0o755);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("handouts/private: error[HP0402]") && err.contains("cannot read this folder"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(
        c.read("handouts/private/notes.txt"),
        "Call Maria's daughter on Friday."
    );
    assert_eq!(
        c.read("handouts/maria-lopez.html"),
        before,
        "previous handout kept"
    );
    assert!(left_beside(&c).is_empty(), "{:?}", left_beside(&c));
    // Readable again, it is kept like any file of a person's, and the
    // build goes through.
    let out = run_bound(&c, &["build"]).expect("ran before");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("handouts/private/notes.txt: warning[HP0404]"));
    assert_ne!(c.read("handouts/maria-lopez.html"), before, "now rebuilt");
    assert!(c.path().join("handouts/private/notes.txt").is_file());
}

#[test]
fn a_read_only_folder_in_the_handouts_folder_stops_the_build_before_anything_moves() {
    let Some(c) = built() else {
        eprintln!("skipped: running as root without setpriv");
        return;
    };
    let archive = c.path().join("handouts/archive");
    c.write("handouts/archive/2025.txt", "last year's notes");
    let before = c.read("handouts/maria-lopez.html");
    edit_plan(&c);
    chmod(&archive, 0o555).expect("chmod");
    let out = run_bound(&c, &["build"]).expect("ran before");
    let _ = chmod(&archive, 0o755);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("handouts/archive: error[HP0402]") && err.contains("read-only"),
        "{err}"
    );
    assert_eq!(c.read("handouts/archive/2025.txt"), "last year's notes");
    assert_eq!(
        c.read("handouts/maria-lopez.html"),
        before,
        "previous handout kept"
    );
    assert!(left_beside(&c).is_empty(), "{:?}", left_beside(&c));
}

#[test]
fn a_folder_heropath_cannot_read_in_the_public_folder_stops_the_build() {
    let Some(c) = built() else {
        eprintln!("skipped: running as root without setpriv");
        return;
    };
    let drafts = c.path().join("public/drafts");
    c.write("public/drafts/idea.html", "<p>draft</p>");
    let index = c.read("public/index.html");
    edit_plan(&c);
    chmod(&drafts, 0o000).expect("chmod");
    let out = run_bound(&c, &["build"]).expect("ran before");
    let _ = chmod(&drafts, 0o755);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("public/drafts: error[HP0402]") && err.contains("cannot read"),
        "{err}"
    );
    assert_eq!(c.read("public/drafts/idea.html"), "<p>draft</p>");
    assert_eq!(c.read("public/index.html"), index);
    assert!(left_beside(&c).is_empty(), "{:?}", left_beside(&c));
}
