//! Where `heropath handout` writes, and what it must not write over. In
//! the handouts folder, a file heropath did not write (a person's own
//! HTML, or a PDF they put in place of the printed one) is moved aside
//! first, with a warning (HP0404), as a build does. At `--output`, an
//! existing file is replaced only when heropath wrote it there (a record
//! in the cache says so), or with `--force`.

use super::*;
#[allow(unused_imports)]
use crate::base::diag::Code;
use std::collections::HashMap;

/// How the `handout` command was asked to write.
#[derive(Debug, Clone, Copy, Default)]
pub struct Desk<'a> {
    /// `--output`: the HTML file to write instead of the handouts folder.
    pub output: Option<&'a Path>,
    /// `--pdf`: a PDF is printed beside the HTML.
    pub pdf: bool,
    /// `--force`: replace an existing `--output` file (and its PDF) that
    /// heropath did not write. Never the clinic's own files.
    pub force: bool,
}

/// The record, in the cache folder, of the files `handout --output` wrote:
/// one `hash path` line each (the path absolute, as resolved).
const RECORD: &str = "desk";

/// The PDF printed beside `html`.
pub(super) fn pdf_beside(html: &Path) -> PathBuf {
    html.with_extension("pdf")
}

/// The files `handout --output` wrote into the clinic at `root`: path →
/// content hash. Empty when there is no record (a deleted cache only makes
/// heropath more careful).
fn record_of(root: &Path) -> HashMap<String, u128> {
    let text = std::fs::read_to_string(root.join(cache::DIR).join(RECORD)).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let (hash, path) = l.split_once(' ')?;
            Some((path.to_string(), u128::from_str_radix(hash, 16).ok()?))
        })
        .collect()
}

/// The key of `path` in the record.
fn key(path: &Path) -> String {
    check::resolve(path).to_string_lossy().into_owned()
}

/// Note in the record that heropath wrote `bytes` to `path` (`--output`).
pub(super) fn note_written(root: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut all = record_of(root);
    let k = key(path);
    if k.contains('\n') {
        return Ok(()); // not recordable: it will be refused, never overwritten
    }
    all.insert(k, cache::hash(bytes));
    let mut lines: Vec<String> = all.iter().map(|(p, h)| format!("{h:032x} {p}\n")).collect();
    lines.sort();
    let dir = cache::folder(root)?;
    crate::base::atomic::replace_file(&dir.join(RECORD), |out| {
        out.write_all(lines.concat().as_bytes())
    })
}

/// The content hash of the plain file at `path`; `None` when there is
/// none (or it cannot be read).
fn hash_of(path: &Path) -> Option<u128> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    meta.is_file()
        .then(|| std::fs::read(path).ok())
        .flatten()
        .map(|b| cache::hash(&b))
}

/// May `handout --output` write `path`: nothing is there, or heropath
/// wrote what is there (the record says so, or the mark of the handouts
/// folder it is in)?
fn may_replace(root: &Path, path: &Path) -> bool {
    if std::fs::symlink_metadata(path).is_err() {
        return true;
    }
    let Some(now) = hash_of(path) else {
        return false; // a folder, a link, or unreadable
    };
    if record_of(root).get(&key(path)) == Some(&now) {
        return true;
    }
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return false;
    };
    let name = name.to_string_lossy();
    write::Manifest::read(dir).is_some_and(|m| {
        !m.legacy && (m.files.contains(name.as_ref()) || m.printed_this(&name, now))
    })
}

/// An error when `path` (the `--output` file when `output`, else the
/// handouts folder) is, or is inside, a public website folder a build
/// made (its mark says so: see [`write::Manifest::public`]), wherever that
/// folder is (`build --out ELSEWHERE` too): a private handout written
/// there would be published with the site.
pub(super) fn in_public_tree(root: &Path, path: &Path, output: bool) -> Option<Diagnostic> {
    let tree = write::public_tree_above(&check::resolve(path))?;
    let shown = crate::base::paths::shown(root, tree).display().to_string();
    let (what, help) = match output {
        true => (
            format!("the handout to {}", path.display()),
            "write it outside every public website folder, or leave out --output to use the handouts folder",
        ),
        false => (
            format!(
                "handouts into {}",
                crate::base::paths::shown(root, path.to_path_buf()).display()
            ),
            "set `output: { handouts: ... }` in site.yaml to a folder of its own outside every public website folder, e.g. `handouts`",
        ),
    };
    Some(
        Diagnostic::error(
            Code::UnsafeOutputDirs,
            format!(
                "refusing to write {what}: {shown} is a public website folder heropath built (its {} says so), and private handouts would be published",
                write::MARKER
            ),
        )
        .help(help),
    )
}

/// Refuse an `--output` file (or the PDF to print beside it) that exists
/// and was not written by heropath, unless `--force`.
pub(super) fn check_output(root: &Path, desk: &Desk<'_>, diags: &mut Diagnostics) -> bool {
    let Some(html) = desk.output else {
        return true;
    };
    if desk.force {
        return true;
    }
    let pdf = pdf_beside(html);
    let targets = std::iter::once(html).chain(desk.pdf.then_some(pdf.as_path()));
    let mut ok = true;
    for t in targets {
        if !may_replace(root, t) {
            ok = false;
            diags.push(
                Diagnostic::error(
                    Code::WriteFailed,
                    format!(
                        "{} exists and heropath did not write it: refusing to replace it",
                        t.display()
                    ),
                )
                .help(
                    "choose another file with --output, or move this one away; --force replaces it",
                ),
            );
        }
    }
    ok
}

/// Make way in the handouts folder `dir` for the files `rels` (the handout,
/// and the PDF to print): one heropath did not write is moved under
/// [`write::KEPT_DIR`], with a warning, as a build does. In a folder that
/// is not heropath's (no mark, not empty), nothing is moved and an existing
/// file stops the command (false).
pub(super) fn make_way(root: &Path, dir: &Path, rels: &[&str], diags: &mut Diagnostics) -> bool {
    let shown = |rel: &str| crate::base::paths::shown(root, dir.join(rel));
    let exists = |rel: &str| std::fs::symlink_metadata(dir.join(rel)).is_ok();
    // A new or empty folder is marked as heropath's first, so that a
    // build may replace it.
    let manifest = match write::record(dir, &[], &[]) {
        Ok(true) => write::Manifest::read(dir).unwrap_or_default(),
        Ok(false) => {
            let there: Vec<&&str> = rels.iter().filter(|r| exists(r)).collect();
            for rel in &there {
                diags.push(
                    Diagnostic::error(
                        Code::WriteFailed,
                        "this file is in a folder heropath did not make: refusing to replace it",
                    )
                    .in_file(shown(rel))
                    .help("move it away, or write the handout elsewhere with --output"),
                );
            }
            return there.is_empty();
        }
        Err(e) => {
            diags.push(write_error(e));
            return false;
        }
    };
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    for rel in rels {
        let path = dir.join(rel);
        if !exists(rel) {
            continue;
        }
        let ours = if rel.ends_with(".pdf") {
            hash_of(&path).is_some_and(|h| manifest.printed_this(rel, h))
        } else {
            manifest.wrote(rel)
        };
        if ours {
            continue;
        }
        let to = format!("{}/{secs}/{rel}", write::KEPT_DIR);
        let what = if path.is_dir() { "folder" } else { "file" };
        let moved = dir
            .join(&to)
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::rename(&path, dir.join(&to)));
        match moved {
            Ok(()) => diags.push(carry::moved_aside(&shown(rel), &shown(&to), what)),
            Err(e) => {
                diags.push(
                    Diagnostic::error(
                        Code::WriteFailed,
                        format!("cannot move {} aside: {e}", path.display()),
                    )
                    .help(crate::base::paths::write_help(&dir.join(&to), &e)),
                );
                return false;
            }
        }
    }
    true
}
