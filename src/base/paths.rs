//! Path rules: which relative paths stay inside the folder they are joined
//! to. Every path heropath takes from content, a theme or a cache and joins
//! to a folder it reads or writes is checked by one of these first, so a
//! `..` or an absolute path can never reach outside.

use std::path::{Component, Path, PathBuf};

/// Is `rel` a path that stays inside a tree (not empty, no `..`, no `.`,
/// not absolute)? Every path written or read under an output folder is.
pub fn is_inside(rel: &str) -> bool {
    !rel.is_empty()
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// [`is_inside`], and `/`-separated only: no `\`, which is a separator on
/// Windows but an ordinary character elsewhere (a picture path written in
/// a plan must mean the same file everywhere).
pub fn is_portable_inside(rel: &str) -> bool {
    is_inside(rel) && !rel.contains('\\')
}

/// Is `name` one plain name (a theme's, say): [`is_inside`] with no
/// separator at all, so it names an entry of a folder, never a deeper one.
pub fn is_plain_name(name: &str) -> bool {
    is_inside(name) && !name.contains(['/', '\\'])
}

/// `path` as a diagnostic names it: relative to the clinic folder `root`
/// when inside it, else as it is.
pub fn shown(root: &Path, path: PathBuf) -> PathBuf {
    match path.strip_prefix(root) {
        Ok(rel) => rel.to_path_buf(),
        Err(_) => path,
    }
}

/// The file standing where a folder on the way to `path` must be: the
/// nearest part of `path` (itself included) that exists, when it is not a
/// folder. `blocker/public` gives `blocker` when `blocker` is a file.
pub fn file_in_the_way(path: &Path) -> Option<PathBuf> {
    path.ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .find(|a| std::fs::metadata(a).is_ok())
        .filter(|a| !a.is_dir())
        .map(Path::to_path_buf)
}

/// What to do when writing `path` failed with `e`, in plain words, naming
/// the path to act on: a file in the way of a folder, a folder heropath may
/// not write in, a full or read-only disk.
pub fn write_help(path: &Path, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    // Making a folder where a file is fails with "File exists" (or "Not a
    // directory" deeper down): the path itself may be that file.
    let dir_failed = matches!(e.kind(), K::AlreadyExists | K::NotADirectory);
    let from = if dir_failed {
        Some(path)
    } else {
        path.parent()
    };
    if let Some(f) = from.and_then(file_in_the_way) {
        return format!(
            "{} is a file, not a folder, so nothing can be written inside it: move or rename that file, or choose another place",
            f.display()
        );
    }
    match e.kind() {
        K::IsADirectory => format!(
            "{} is a folder: give a file name (e.g. `{}`)",
            path.display(),
            path.join("handout.html").display()
        ),
        K::PermissionDenied => format!(
            "you may not write there: check the permissions of {} (and of the folder holding it), or choose another place",
            path.display()
        ),
        K::StorageFull | K::QuotaExceeded => {
            "the disk is full: free some space, then run the command again".into()
        }
        K::ReadOnlyFilesystem => {
            "the disk is read-only: choose a folder on a disk you can write to".into()
        }
        _ => format!(
            "check that the folder holding {} exists, is a folder and is writable",
            path.display()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_that_stay_inside_pass() {
        for ok in ["a", "a/b.html", "a b/c"] {
            assert!(is_inside(ok), "{ok}");
        }
        for bad in ["", "..", "../a", "a/../../b", "/etc/passwd", "./a"] {
            assert!(!is_inside(bad), "{bad}");
        }
        assert!(is_portable_inside("img/a.jpg") && !is_portable_inside("img\\a.jpg"));
        assert!(is_plain_name("default") && !is_plain_name("a/b") && !is_plain_name(".."));
    }

    #[test]
    fn a_file_in_the_way_of_a_folder_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("blocker");
        std::fs::write(&file, "x").expect("write");
        assert_eq!(file_in_the_way(&file.join("public/a")), Some(file.clone()));
        assert_eq!(file_in_the_way(&dir.path().join("new/folder")), None);
        let e = std::io::Error::from(std::io::ErrorKind::AlreadyExists);
        assert!(write_help(&file, &e).contains("is a file, not a folder"));
    }
}
