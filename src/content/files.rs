//! Which files of a clinic folder hold which content, by name: plans,
//! exercises and story records are YAML files (`.yaml` or `.yml`, in any
//! case); pages are Markdown (`.md` or `.markdown`). One home for the rule,
//! so the load, the scaffold, the live reload and the watcher agree on
//! which files are plans.

use std::path::Path;

/// Extensions of plan, exercise and story record files (compared ignoring
/// case).
pub const YAML_EXTENSIONS: [&str; 2] = ["yaml", "yml"];

/// Extensions of page files (compared ignoring case).
pub const PAGE_EXTENSIONS: [&str; 2] = ["md", "markdown"];

/// Does `path` end in one of `extensions` (ignoring case)?
pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .is_some_and(|x| extensions.iter().any(|want| x.eq_ignore_ascii_case(want)))
}

/// Is `path` named as a plan (or exercise, or story record) file: `.yaml`
/// or `.yml`, in any case? Where it lies (content/plans/) and whether it
/// is hidden are the caller's to judge.
pub fn is_plan_file(path: &Path) -> bool {
    has_extension(path, &YAML_EXTENSIONS)
}
