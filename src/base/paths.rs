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
}
