//! Walking a content folder: which files are read (by extension, not
//! hidden, no symbolic links), which are refused (a file in content/plans
//! that would not be read as a plan, plan-shaped YAML elsewhere), parsing
//! the read ones in parallel, and refusing two files with one slug.

use super::Source;
use super::read::name_of;
use super::read::read_source_telling;
use super::rename;
use crate::base::ahead::ReadAhead;
use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::content::files;
use rayon::prelude::*;
use std::path::Path;
use walkdir::WalkDir;

/// Read and parse every file under `dir` whose extension is one of
/// `exts`, in parallel, sorted by slug. With `unread` (the folder's name),
/// a file that is not read is refused: the folder holds plans.
pub(super) fn parse_all<T: Send>(
    root: &Path,
    dir: &Path,
    exts: &[&str],
    unread: Option<&str>,
    diags: &mut Diagnostics,
    parse: impl Fn(&str, &Path, u128) -> Result<T, Vec<Diagnostic>> + Sync,
) -> Vec<Source<T>> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut paths = Vec::new();
    // Symlinks are not followed: content must live inside the clinic folder,
    // and a link loop must not hang the build. (Not sorted here: the
    // paths are sorted below, and diagnostics when reported.)
    for entry in WalkDir::new(dir).follow_links(false) {
        match entry {
            Ok(e) if e.path_is_symlink() => {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(e.path())
                    .to_path_buf();
                diags.push(
                    Diagnostic::error(Code::Symlink, "this is a symbolic link; heropath does not follow links in content/ (they can point outside the clinic folder, or loop)")
                        .in_file(rel)
                        .help("replace the link with the file itself"),
                );
            }
            Ok(e) if e.file_type().is_file() => {
                let p = e.path();
                let rel = p.strip_prefix(dir).unwrap_or(p);
                let hidden = rel
                    .components()
                    .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
                let ext_ok = files::has_extension(p, exts);
                if ext_ok && !hidden {
                    paths.push(p.to_path_buf());
                } else if let Some(what) = unread
                    && !is_junk(p)
                {
                    diags.push(unread_plan(root, p, what));
                }
            }
            Ok(_) => {}
            Err(e) => diags.push(Diagnostic::error(
                Code::ReadFailed,
                format!("cannot read {}: {e}", dir.display()),
            )),
        }
    }
    // Parsed in the order the sources are kept (by name, then path), so
    // that the parsed sources, which are large, are never moved about to
    // sort them (that was 25 ms of one core at 10,000 plans).
    paths.sort_by_cached_key(|p| name_of(root, p));
    let ahead = ReadAhead::new(paths);
    let cold = || ahead.cold();
    let results: Vec<Result<Source<T>, Vec<Diagnostic>>> = ahead
        .paths()
        .par_iter()
        .with_max_len(crate::base::parallel::PLANS_PER_TASK)
        .map(|p| read_source_telling(root, p, &parse, &cold))
        .collect();
    ahead.stop();
    // Collected in place: a `Result` of a source is the size of the
    // source, so the sources stay in the buffer they were parsed into
    // (pushing them into a new one was 20 ms of one core at 10,000 plans,
    // mostly its first touch of 11 MB).
    let mut out: Vec<Source<T>> = results
        .into_iter()
        .filter_map(|r| r.map_err(|ds| diags.extend(ds)).ok())
        .collect();
    for w in out.windows(2) {
        if w[0].slug == w[1].slug {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateSlug,
                    format!("`{}` is also defined in {}", w[1].slug, w[0].path.display()),
                )
                .in_file(&w[1].path)
                .help("give each file a different name"),
            );
        }
    }
    out.dedup_by(|a, b| a.slug == b.slug);
    out
}

/// Files a folder may hold that are nobody's data: operating-system
/// litter, version-control keep files, an editor's swap or lock file of a
/// plan being edited, and its backup or autosave copy while the plan
/// itself is there (the guard knows the patient from it). A backup whose
/// plan is gone is the only copy of a patient the guard would not know.
fn is_junk(p: &Path) -> bool {
    if let Some(plan) = p
        .file_name()
        .and_then(|n| editor_copy_of(&n.to_string_lossy()).map(str::to_string))
    {
        return p.with_file_name(plan).is_file();
    }
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    [
        "thumbs.db",
        "desktop.ini",
        ".ds_store",
        ".gitkeep",
        ".gitignore",
        ".keep",
    ]
    .contains(&name.as_str())
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.starts_with(".#")
}

/// The file an editor's backup (`x.yaml~`) or autosave copy (`#x.yaml#`)
/// stands for.
fn editor_copy_of(name: &str) -> Option<&str> {
    name.strip_suffix('~')
        .or_else(|| name.strip_prefix('#').and_then(|n| n.strip_suffix('#')))
        .filter(|n| !n.is_empty())
}

/// A file in content/plans that heropath would not read: the privacy guard
/// would be blind to the patient in it, so it is refused.
fn unread_plan(root: &Path, p: &Path, folder: &str) -> Diagnostic {
    let rel = p.strip_prefix(root).unwrap_or(p);
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(plan) = editor_copy_of(&name) {
        return Diagnostic::error(
            Code::UnreadPlan,
            format!("an editor's copy of `{plan}`, which is not in content/{folder}/ any more: it is the only copy of a patient the privacy guard does not know"),
        )
        .in_file(rel)
        .help(format!("delete it, or, if it is the plan, rename it to `{plan}`"));
    }
    Diagnostic::error(
        Code::UnreadPlan,
        format!("content/{folder}/ holds a file heropath does not read as a plan (hidden, or not .yaml/.yml), so the privacy guard cannot know the patient in it"),
    )
    .in_file(rel)
    .help(rename_help(p, &name, folder))
}

/// How to make the file at `p` (named `name`) a plan: the exact name to
/// give it, unless that plan is there already or the file is a
/// word-processor document (renaming does not make it text).
fn rename_help(p: &Path, name: &str, folder: &str) -> String {
    const OUT: &str = "move it out of content/ (an archive of old plans belongs beside the clinic folder, not inside it)";
    let Some(new) = rename::fixed_name(name, "yaml") else {
        return format!(
            "rename it to a name of letters and digits ending in `.yaml` (for example `bob-smith.yaml`) to use it, or {OUT}"
        );
    };
    let mut head = [0u8; 8];
    let read = std::fs::File::open(p)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    if rename::is_document(&head[..read]) {
        return format!(
            "this is a word-processor document, not plain text: open it, use Save As with the type Plain Text, and name it `{new}`; or {OUT}"
        );
    }
    if p.with_file_name(&new).exists() {
        return format!("content/{folder}/{new} is there already: if this is an old copy, {OUT}");
    }
    let hidden = if rename::hidden_extension(name) {
        " (Windows may hide the part after `.yaml`: turn on View > File name extensions to see it)"
    } else {
        ""
    };
    format!("rename it to `{new}` to use it{hidden}, or {OUT}")
}

/// Plan-shaped YAML outside content/plans (a top-level `patient:` key):
/// refused for the same reason.
pub(super) fn stray_plans(root: &Path, content: &Path, diags: &mut Diagnostics) {
    let plans = content.join("plans");
    // content/plans/ itself is not walked again: it can hold 100,000 files.
    for e in WalkDir::new(content)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.path() != plans)
        .flatten()
    {
        let p = e.path();
        let yaml = files::is_plan_file(p);
        if !e.file_type().is_file() || !yaml || p.starts_with(&plans) {
            continue;
        }
        // Whatever its encoding: a plan saved as ANSI or UTF-16 is a plan.
        let is_plan = std::fs::read(p).is_ok_and(|b| {
            crate::base::encoding::text_lossy(&b)
                .lines()
                .any(starts_a_plan)
        });
        if is_plan {
            diags.push(
                Diagnostic::error(
                    Code::UnreadPlan,
                    "a patient plan outside content/plans/: heropath does not read it, so the privacy guard cannot know the patient in it",
                )
                .in_file(p.strip_prefix(root).unwrap_or(p))
                .help("move it into content/plans/, or out of content/"),
            );
        }
    }
}

/// Does this line open a plan's `patient:` mapping (quoted or not, a
/// space before the colon)?
fn starts_a_plan(line: &str) -> bool {
    let line = line.trim_start_matches('\u{feff}');
    ["patient", "\"patient\"", "'patient'"].iter().any(|key| {
        line.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(':'))
    })
}

/// The picture files under `dir` (regular files, no links), by path
/// relative to it with `/` separators.
pub(super) fn list_images(dir: &Path) -> std::collections::BTreeSet<String> {
    WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            e.path()
                .strip_prefix(dir)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect()
}
