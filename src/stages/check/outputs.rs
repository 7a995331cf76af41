//! Output folders (HP0401): never inside each other, never somewhere that
//! holds files heropath did not make; and (HP0402) never where a file
//! stands in the way of the folder.

use crate::base::diag::{Code, Diagnostic, Diagnostics};
use crate::content::yaml::locate_key;
use std::path::{Component, Path};

/// Where an output folder was chosen: on the command line, or in
/// site.yaml (then diagnostics point at its `output:` block).
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// A command-line flag.
    Flag,
    /// site.yaml, with its text.
    SiteYaml(&'a str),
}

/// Refuse output folders that nest in each other or would replace something
/// precious (`/`, the home folder, the clinic root, its content). The paths
/// are as the build will use them (already joined to the root).
/// `public_tree` tells the public website folder an earlier build made
/// (elsewhere: `build --out`) that a path is, or is inside: the handouts
/// folder must not be.
pub fn check_outputs(
    root: &Path,
    public: (&Path, Origin<'_>),
    handouts: (&Path, Origin<'_>),
    public_tree: &dyn Fn(&Path) -> Option<std::path::PathBuf>,
    diags: &mut Diagnostics,
) {
    // As the disk resolves them: a folder reached through a symbolic link
    // (`elsewhere/pub/private` where `elsewhere/pub` is `public`) is where
    // the link points.
    let (root_n, pub_n, hand_n) = (resolve(root), resolve(public.0), resolve(handouts.0));
    let place = |d: Diagnostic, origin: Origin<'_>, key: &str| match origin {
        Origin::SiteYaml(text) => d.in_file("site.yaml").at(output_key(text, key)),
        Origin::Flag => d,
    };
    if pub_n.starts_with(&hand_n) || hand_n.starts_with(&pub_n) {
        // At the folder site.yaml gives (the handouts one when it gives both).
        let (origin, key) = match (public.1, handouts.1) {
            (_, Origin::SiteYaml(t)) => (Origin::SiteYaml(t), "handouts"),
            (Origin::SiteYaml(t), _) => (Origin::SiteYaml(t), "public"),
            _ => (Origin::Flag, ""),
        };
        diags.push(place(
            Diagnostic::error(Code::UnsafeOutputDirs, format!(
                "the public folder ({}) and the handouts folder ({}) must not be inside each other: private handouts would be published",
                public.0.display(), handouts.0.display()))
                .help("use separate folders, e.g. `output: { public: public, handouts: handouts }`"),
            origin,
            key,
        ));
    } else if let Some(tree) = public_tree(&hand_n) {
        diags.push(place(
            Diagnostic::error(Code::UnsafeOutputDirs, format!(
                "refusing to write handouts into {}: {} is a public website folder heropath built (its {} says so), and private handouts would be published",
                handouts.0.display(), tree.display(), ".heropath-output"))
                .help("write the handouts to a folder of their own outside every public website folder, e.g. `handouts` beside content/"),
            handouts.1,
            "handouts",
        ));
    }
    let home = std::env::var_os("HOME").map(|h| resolve(Path::new(&h)));
    for (label, dir, origin) in [
        ("public", &pub_n, public.1),
        ("handouts", &hand_n, handouts.1),
    ] {
        if let Some(why) = precious(&root_n, home.as_deref(), dir) {
            diags.push(place(
                Diagnostic::error(Code::UnsafeOutputDirs, format!("refusing to use {} as the {label} output folder: {why}, and a build replaces its output folder", dir.display()))
                    .help(format!("choose an empty or new folder of its own, e.g. `{label}` beside content/ (heropath makes it)")),
                origin,
                label,
            ));
        }
    }
}

/// An error (HP0402) when a file stands where the output folder `dir` (as
/// the build will use it: `label` is `public` or `handouts`) or a folder
/// on its way must be: the build would stop there with the system's bare
/// "File exists". Checked by `check` too, before anything is written.
pub fn check_blocked(
    root: &Path,
    label: &str,
    dir: &Path,
    origin: Origin<'_>,
    diags: &mut Diagnostics,
) {
    let Some(file) = crate::base::paths::file_in_the_way(dir) else {
        return;
    };
    let shown = |p: &Path| {
        crate::base::paths::shown(root, p.to_path_buf())
            .display()
            .to_string()
    };
    let what = match file == dir {
        true => "it is a file".to_string(),
        false => format!("{} is a file, not a folder", shown(&file)),
    };
    let d = Diagnostic::error(
        Code::WriteFailed,
        format!(
            "the {label} output folder {} cannot be made: {what}",
            shown(dir)
        ),
    )
    .help(format!(
        "move or rename the file {}, or choose another folder for `{label}`",
        shown(&file)
    ));
    diags.push(match origin {
        Origin::SiteYaml(text) => d.in_file("site.yaml").at(output_key(text, label)),
        Origin::Flag => d,
    });
}

/// Why the output folder `dir` (resolved) must never be replaced, if it
/// must not: it is `/`, the home folder, the clinic folder or a folder
/// above it, or inside the clinic's own files. Said as it is, whether or
/// not the folder exists yet (it is refused for where it is, not for what
/// it holds).
fn precious(root: &Path, home: Option<&Path>, dir: &Path) -> Option<String> {
    if dir.parent().is_none() {
        return Some("it is the top folder of the disk".into());
    }
    if home == Some(dir) {
        return Some("it is your home folder".into());
    }
    if dir == root {
        return Some("it is the clinic folder itself".into());
    }
    if root.starts_with(dir) {
        return Some(format!(
            "the clinic folder ({}) is inside it",
            root.display()
        ));
    }
    if *dir == root.join("site.yaml") {
        return Some("it is the clinic's site.yaml".into());
    }
    SOURCE_DIRS
        .iter()
        .find(|d| dir.starts_with(root.join(d)))
        .map(|d| match dir == root.join(d) {
            true => format!("it is the clinic's own `{d}/` folder"),
            false => format!("it is inside the clinic's own `{d}/` folder"),
        })
}

/// Where site.yaml gives the output folder `key` (`public`, `handouts`):
/// its own line under `output:` (or its place in `output: { … }`), else
/// the `output:` line (a default folder).
fn output_key(text: &str, key: &str) -> Option<crate::base::diag::Pos> {
    crate::content::yaml::locate_child_key(text, "output", key)
        .or_else(|| locate_key(text, "output"))
}

/// The folders of a clinic that hold what a person wrote (or heropath's
/// cache of it): no output may go into them.
pub const SOURCE_DIRS: [&str; 6] = [
    "content",
    "themes",
    "templates",
    "static",
    "schemas",
    // The build cache (`build::cache::DIR`, a layer above this one).
    ".heropath-cache",
];

/// Is `path` (resolved) inside one of the [`SOURCE_DIRS`] of the clinic at
/// `root` (resolved), or its `site.yaml`?
fn in_sources(root: &Path, path: &Path) -> bool {
    *path == root.join("site.yaml") || SOURCE_DIRS.iter().any(|d| path.starts_with(root.join(d)))
}

/// Refuse to write a handout file (`handout --output`, and the PDF printed
/// beside it) inside the public folder: private handouts are never
/// published, whatever path leads there. Nor into the clinic's own files
/// (content/, themes/, templates/, static/, schemas/, the cache, or
/// site.yaml): `--force` does not change that.
pub fn check_handout_file(root: &Path, dest: &Path, public: &Path) -> Option<Diagnostic> {
    let dest_n = resolve(dest);
    if in_sources(&resolve(root), &dest_n) {
        return Some(
            Diagnostic::error(
                Code::UnsafeOutputDirs,
                format!(
                    "refusing to write the handout to {}: it is one of the clinic's own files or folders (content/, themes/, templates/, static/, schemas/, the cache, site.yaml)",
                    dest.display()
                ),
            )
            .help("write it somewhere else (e.g. `-o ~/Desktop/handout.html`), or leave out --output to use the handouts folder"),
        );
    }
    dest_n.starts_with(resolve(public)).then(|| {
        Diagnostic::error(
            Code::UnsafeOutputDirs,
            format!(
                "refusing to write the handout to {}: it is inside the public folder ({}), and private handouts would be published",
                dest.display(),
                public.display()
            ),
        )
        .help("write it outside the public folder, or leave out --output to use the handouts folder")
    })
}

/// [`normalize`], then symbolic links resolved: the deepest part of the
/// path that exists is canonicalised, the rest (not made yet) appended.
pub fn resolve(p: &Path) -> std::path::PathBuf {
    let full = normalize(p);
    let mut existing = full.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.iter().rev().fold(real, |acc, c| acc.join(c));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return full,
        }
    }
}

/// Make a path absolute and drop `.`/`..` without touching the disk (the
/// folder may not exist yet).
pub fn normalize(p: &Path) -> std::path::PathBuf {
    let base = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = std::path::PathBuf::new();
    for c in base.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
