//! What a file change makes stale: a changed path under the clinic folder
//! becomes a [`Dirty`] (everything, the public site, every handout, or some
//! plans). Pure: no watching, no building.

use std::collections::BTreeSet;
use std::path::Path;

/// What must be rebuilt, gathered from file events until a build succeeds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Dirty {
    /// Everything (site.yaml, templates, themes, static).
    pub full: bool,
    /// The public site (pages).
    pub public: bool,
    /// Every handout (the exercise library).
    pub all_handouts: bool,
    /// These plans (slugs): their handout, and the public site if they have
    /// or had a story.
    pub plans: BTreeSet<String>,
}

impl Dirty {
    pub(super) fn everything() -> Dirty {
        Dirty {
            full: true,
            ..Dirty::default()
        }
    }

    /// Nothing to do.
    pub fn is_empty(&self) -> bool {
        *self == Dirty::default()
    }

    pub(super) fn merge(&mut self, other: Dirty) {
        self.full |= other.full;
        self.public |= other.public;
        self.all_handouts |= other.all_handouts;
        self.plans.extend(other.plans);
    }

    pub(super) fn describe(&self) -> String {
        if self.full {
            return "everything".into();
        }
        let mut parts = Vec::new();
        if self.all_handouts {
            parts.push("all handouts".to_string());
        }
        if self.public {
            parts.push("the public site".to_string());
        }
        if !self.plans.is_empty() && !self.all_handouts {
            parts.push(format!(
                "plan {}",
                self.plans.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
        parts.join(", ")
    }
}

/// Record what a change to `path` (under the canonical clinic `root`) makes
/// stale; `folder` says the path is (or was) a folder. Editor backup and
/// swap files, hidden files and paths outside the watched folders are
/// ignored.
pub fn classify(root: &Path, path: &Path, folder: bool, dirty: &mut Dirty) {
    let Ok(rel) = path.strip_prefix(root) else {
        return;
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some(name) = parts.last() else { return };
    if is_noise(&parts, name) {
        return;
    }
    let is_yaml = crate::content::files::is_plan_file(Path::new(name));
    match (parts[0].as_str(), parts.get(1).map(String::as_str)) {
        ("site.yaml", None) => dirty.full = true,
        ("templates" | "themes" | "static", _) => dirty.full = true,
        ("content", Some("plans")) if parts.len() > 2 => {
            if is_yaml {
                if let Some(stem) = Path::new(name).file_stem() {
                    dirty.plans.insert(stem.to_string_lossy().into_owned());
                }
            } else if folder {
                // A folder of plans appeared or went away.
                dirty.all_handouts = true;
                dirty.public = true;
            }
        }
        ("content", Some("plans")) => {
            dirty.all_handouts = true;
            dirty.public = true;
        }
        ("content", Some("exercises")) => dirty.all_handouts = true,
        ("content", Some("pages")) => dirty.public = true,
        ("content", _) => dirty.full = true,
        _ => {}
    }
}

/// Hidden files and folders, and the backup, swap and temporary files that
/// editors (and heropath's own atomic writes) leave while saving.
fn is_noise(parts: &[String], name: &str) -> bool {
    // Below a static folder, `.well-known/` is published.
    let hidden = match parts.iter().position(|p| p == "static") {
        Some(i) => {
            parts[..i].iter().any(|p| p.starts_with('.'))
                || crate::stages::theme::is_hidden(&parts[i + 1..].join("/"))
        }
        None => parts.iter().any(|p| p.starts_with('.')),
    };
    hidden
        || name.ends_with('~')
        || name.starts_with('#')
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".bak", ".heropath-tmp"]
            .iter()
            .any(|x| name.ends_with(x))
}

#[cfg(test)]
mod tests {
    use super::is_noise;

    fn noise(path: &str) -> bool {
        let parts: Vec<String> = path.split('/').map(str::to_string).collect();
        is_noise(&parts, parts.last().expect("a name"))
    }

    #[test]
    fn hidden_files_are_noise_but_a_static_well_known_folder_is_not() {
        for path in [
            ".git/config",
            "static/.DS_Store",
            "static/.well-known/.notes",
            "content/pages/.draft.md",
            ".well-known/security.txt",
            "static/img/photo.jpg~",
        ] {
            assert!(noise(path), "{path}");
        }
        for path in [
            "static/.well-known/security.txt",
            "themes/calm/static/.well-known/x.txt",
            "content/pages/about.md",
        ] {
            assert!(!noise(path), "{path}");
        }
    }
}
