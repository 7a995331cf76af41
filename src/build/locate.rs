//! Finding the clinic folder and the plan that `heropath handout` is given:
//! a path from anywhere (the clinic folder is the nearest folder above the
//! plan holding `site.yaml`, as git finds a repository) or a slug.

use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, closest};
use std::path::{Component, Path, PathBuf};

/// A plan of a clinic folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRef {
    /// The clinic folder.
    pub root: PathBuf,
    /// The plan file, relative to `root` (`content/plans/<slug>.yaml`).
    pub plan: PathBuf,
    /// Its slug.
    pub slug: String,
}

/// The nearest folder from `start` upwards that holds `site.yaml`. Kept
/// relative while `start`'s own parents are walked (so messages name
/// `my-clinic/handouts`, not an absolute path), absolute beyond them.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    let lexical = !start
        .components()
        .any(|c| matches!(c, Component::ParentDir));
    if lexical {
        let mut dir = Some(start);
        while let Some(d) = dir {
            if d.join("site.yaml").is_file() {
                return Some(if d.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    d.to_path_buf()
                });
            }
            dir = d.parent();
        }
    }
    let from = if start.as_os_str().is_empty() {
        Path::new(".")
    } else {
        start
    };
    let abs = std::fs::canonicalize(from).ok()?;
    abs.ancestors()
        .find(|d| d.join("site.yaml").is_file())
        .map(Path::to_path_buf)
}

/// Is `arg` a slug rather than a path: one name, no extension?
fn is_slug_arg(arg: &Path) -> bool {
    arg.components().count() == 1
        && matches!(arg.components().next(), Some(Component::Normal(_)))
        && arg.extension().is_none()
}

/// Resolve the `handout` command's argument: a slug or a plan file, with
/// `root` the `--root` given (if any). Without one the clinic folder is
/// found above the plan file (for a slug: above the current folder).
pub fn plan(arg: &Path, root: Option<&Path>) -> Result<PlanRef, Box<Diagnostic>> {
    if is_slug_arg(arg) {
        let root = match root {
            Some(r) => r.to_path_buf(),
            None => find_root(Path::new("")).ok_or_else(|| no_clinic(Path::new(".")))?,
        };
        let slug = arg.to_string_lossy().into_owned();
        return by_slug(root, &slug, arg);
    }
    let given = root.is_some();
    let root = match root {
        Some(r) => r.to_path_buf(),
        None => {
            let start = arg.parent().unwrap_or(Path::new(""));
            find_root(start).ok_or_else(|| no_clinic(start))?
        }
    };
    // With --root a relative path is read from the clinic folder first
    // (`--root clinic handout content/plans/x.yaml`), then from here.
    let file = [
        (given && arg.is_relative()).then(|| root.join(arg)),
        Some(arg.to_path_buf()),
    ]
    .into_iter()
    .flatten()
    .find(|p| p.is_file());
    let slug = arg
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(file) = file else {
        return by_slug(root, &slug, arg);
    };
    let plans = root.join("content").join("plans");
    let same_folder = match (
        file.parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                }
            })
            .map(std::fs::canonicalize),
        std::fs::canonicalize(&plans),
    ) {
        (Some(Ok(a)), Ok(b)) => a == b,
        _ => false,
    };
    if !same_folder {
        return Err(Box::new(
            Diagnostic::error(
                Code::ReadFailed,
                format!(
                    "{} is not a plan of the clinic folder {}: its plans are in {}",
                    arg.display(),
                    root.display(),
                    plans.display()
                ),
            )
            .in_file(arg)
            .help("move the plan into content/plans/ of its clinic folder, or pass that folder with --root"),
        ));
    }
    let name = file.file_name().map(PathBuf::from).unwrap_or_default();
    Ok(PlanRef {
        plan: Path::new("content").join("plans").join(name),
        root,
        slug,
    })
}

/// The plan `content/plans/<slug>.yaml` (or `.yml`) of `root`, or an error
/// naming the closest slug there is.
fn by_slug(root: PathBuf, slug: &str, asked: &Path) -> Result<PlanRef, Box<Diagnostic>> {
    let plans = root.join("content").join("plans");
    for ext in crate::content::files::YAML_EXTENSIONS {
        let rel = Path::new("content")
            .join("plans")
            .join(format!("{slug}.{ext}"));
        if root.join(&rel).is_file() {
            return Ok(PlanRef {
                root,
                plan: rel,
                slug: slug.to_string(),
            });
        }
    }
    let files = plan_files(&plans);
    let mut slugs: Vec<String> = files.iter().filter_map(|p| stem(p)).collect();
    slugs.sort();
    // The patient's name as typed at the desk ("Maria Lopez") is the slug
    // `new plan` made of it, when no other plan has that name too
    // (`maria-lopez-2`): then the therapist must say which.
    let typed = slug::slugify(slug);
    let named: Vec<&String> = slugs.iter().filter(|s| same_name(s, &typed)).collect();
    if typed != slug
        && let [only] = named[..]
        && *only == typed
    {
        return by_slug(root, only, asked);
    }
    let parts: Vec<&String> = slugs
        .iter()
        .filter(|s| s.split('-').any(|w| w == typed))
        .take(6)
        .collect();
    let called = if named.is_empty() && parts.is_empty() {
        called(&files, &typed)
    } else {
        Vec::new()
    };
    let help = match closest(slug, slugs.iter().map(String::as_str)) {
        _ if !called.is_empty() => format!(
            "the patient who goes by `{slug}` (preferred_name) has the plan {}; ask for the plan by its slug (heropath handout {})",
            list(&called.iter().collect::<Vec<_>>()),
            called[0]
        ),
        _ if named.len() > 1 => format!(
            "more than one plan has that name: {}; give the one you mean (heropath handout {})",
            list(&named),
            named[0]
        ),
        _ if !parts.is_empty() => format!(
            "plans with `{typed}` in their name: {}; give the one you mean (heropath handout {})",
            list(&parts),
            parts[0]
        ),
        Some(s) => format!("did you mean `{s}`? (heropath handout {s})"),
        None if slugs.is_empty() => {
            "this clinic folder has no plans yet: add one with `heropath new plan \"Full Name\"`"
                .to_string()
        }
        None => {
            "give a plan's slug (its file name without .yaml) or the path of its file".to_string()
        }
    };
    Err(Box::new(
        Diagnostic::error(
            Code::ReadFailed,
            format!("no plan `{slug}` in {}", plans.display()),
        )
        .in_file(asked)
        .help(help),
    ))
}

/// The slugs of the plan `files` whose patient's `preferred_name`
/// is `typed` (a slug: "Lexi" for `alexandra-nguyen`), read from each
/// file's lines (this runs only when no plan has that name). Suggested,
/// never printed on their own: a preferred name is often shared.
fn called(files: &[PathBuf], typed: &str) -> Vec<String> {
    let mut out: Vec<String> = files
        .iter()
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            text.lines().any(|l| {
                l.trim_start()
                    .strip_prefix("preferred_name:")
                    .map(|v| {
                        v.split(" #")
                            .next()
                            .unwrap_or_default()
                            .trim()
                            .trim_matches(['"', '\''])
                    })
                    .is_some_and(|v| !v.is_empty() && slug::slugify(v) == typed)
            })
        })
        .filter_map(|p| stem(p))
        .collect();
    out.sort();
    out.truncate(6);
    out
}

/// The plan files in the folder `plans` (none when it cannot be read).
fn plan_files(plans: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(plans)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| crate::content::files::is_plan_file(Path::new(n)))
        })
        .collect()
}

/// A plan file's slug: its name without the extension.
fn stem(p: &Path) -> Option<String> {
    p.file_stem().map(|s| s.to_string_lossy().into_owned())
}

/// Is `slug` the plan `new plan` makes for the name `typed` (a slug), or
/// for a second patient of that name (`typed-2`)?
fn same_name(slug: &str, typed: &str) -> bool {
    slug.strip_prefix(typed).is_some_and(|rest| {
        rest.is_empty()
            || rest
                .strip_prefix('-')
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Slugs as the help lists them: `a`, `b`.
fn list(slugs: &[&String]) -> String {
    slugs
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// No clinic folder above `start`.
fn no_clinic(start: &Path) -> Box<Diagnostic> {
    let shown = if start.as_os_str().is_empty() {
        Path::new(".")
    } else {
        start
    };
    Box::new(
        Diagnostic::error(
            Code::NoSite,
            format!(
                "no site.yaml in {} or any folder above it: not inside a clinic folder",
                shown.display()
            ),
        )
        .help("give the path of a plan inside a clinic folder, run heropath inside one, or pass --root DIR"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_paths_are_told_apart() {
        assert!(is_slug_arg(Path::new("jose-nunez")));
        assert!(!is_slug_arg(Path::new("jose-nunez.yaml")));
        assert!(!is_slug_arg(Path::new("plans/jose-nunez")));
        assert!(!is_slug_arg(Path::new("..")));
    }

    #[test]
    fn the_clinic_folder_is_found_above_a_plan() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let clinic = tmp.path().join("my-clinic");
        std::fs::create_dir_all(clinic.join("content/plans")).expect("mkdir");
        std::fs::write(clinic.join("site.yaml"), "title: T\n").expect("write");
        assert_eq!(
            find_root(&clinic.join("content/plans")),
            Some(clinic.clone())
        );
        assert_eq!(find_root(&tmp.path().join("elsewhere/x")), None);
    }
}
