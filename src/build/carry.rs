//! What a build carries over into the new handouts folder: PDFs heropath
//! printed, files a person put there (kept, or moved aside with a warning).

use super::*;
#[allow(unused_imports)]
use crate::base::diag::Code;

/// What a build does with the files of the handouts folder that it does
/// not render (see [`write::Survey`]).
#[derive(Debug, Default)]
pub(super) struct Carry {
    /// Files heropath did not write, kept where they are.
    in_place: Vec<String>,
    /// Files heropath did not write that a handout (or its PDF) now
    /// replaces: kept under [`write::KEPT_DIR`], at the second path.
    moved: Vec<(String, String)>,
}

/// Where the files heropath did not write go: where they are, unless this
/// build writes a file of the same name.
pub(super) fn carry_plan(p: &Prepared, opts: &Options, survey: &write::Survey) -> Carry {
    let mut carry = Carry::default();
    if survey.foreign.is_empty() {
        return carry;
    }
    let written: std::collections::HashSet<String> = p
        .clinic
        .plans
        .iter()
        .filter(|s| opts.drafts || !s.value.draft)
        .flat_map(|s| {
            let pdf = opts.pdf.then(|| format!("{}.pdf", s.slug));
            std::iter::once(crate::stages::model::handout_file(&s.slug)).chain(pdf)
        })
        .collect();
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    for f in &survey.foreign {
        let name = f.trim_end_matches('/');
        if written.contains(name) || super::caseload::is_caseload_file(name) {
            carry
                .moved
                .push((f.clone(), format!("{}/{secs}/{f}", write::KEPT_DIR)));
        } else {
            carry.in_place.push(f.clone());
        }
    }
    carry
}

/// An error for each thing in an output folder that heropath cannot read
/// or change (see [`write::Survey::unreadable`] and
/// [`write::Survey::read_only`]): the old tree is removed once the new one
/// is in place, and what the build could not see it could not carry over,
/// nor remove what it cannot change, so nothing is written while one is
/// there. `what`: "handouts"
/// or "public".
pub(super) fn unreadable(
    root: &Path,
    dir: &Path,
    survey: &write::Survey,
    what: &str,
) -> Vec<Diagnostic> {
    let shown = |rel: &str| crate::base::paths::shown(root, dir.join(rel.trim_end_matches('/')));
    let unreadable = survey.unreadable.iter().map(|rel| {
        let (at, kind) = (shown(rel), write::file_or_folder(rel));
        Diagnostic::error(
            Code::WriteFailed,
            format!("heropath cannot read this {kind} in the {what} folder, which every build replaces: it could not keep what is in it, so nothing was written, so that it is not lost"),
        )
        .help(format!("make it readable (`chmod -R u+rwX {}`), or move it out of the {what} folder", at.display()))
        .in_file(at)
    });
    let read_only = survey.read_only.iter().map(|rel| {
        let at = shown(rel);
        Diagnostic::error(
            Code::WriteFailed,
            format!("this folder in the {what} folder is read-only: the build that replaces the {what} folder could not remove the old one with it inside, so nothing was written"),
        )
        .help(format!("make it writable (`chmod -R u+w {}`), or move it out of the {what} folder", at.display()))
        .in_file(at)
    });
    unreadable.chain(read_only).collect()
}

impl Carry {
    /// A warning for each file heropath did not write, naming it.
    pub(super) fn warnings(&self, root: &Path, dir: &Path) -> Vec<Diagnostic> {
        let shown = |rel: &str| crate::base::paths::shown(root, dir.join(rel));
        let mut out: Vec<Diagnostic> = self
            .in_place
            .iter()
            .map(|f| {
                let what = write::file_or_folder(f);
                if let Some(open) = lock_of(f) {
                    return Diagnostic::warning(
                        Code::ForeignFileKept,
                        format!("`{open}` is open in another program (this is its lock file): kept where it is"),
                    )
                    .in_file(shown(f))
                    .help(format!("that program still shows `{open}` as it was before this build: close it there and open it again to see the new one (the lock file goes when the program closes it)"));
                }
                Diagnostic::warning(
                    Code::ForeignFileKept,
                    format!("heropath did not write this {what} into the handouts folder: kept where it is"),
                )
                .in_file(shown(f))
                .help(format!("the folder is heropath's output; move your {what} elsewhere (each build keeps it and warns again until then)"))
            })
            .collect();
        out.extend(
            self.moved
                .iter()
                .map(|(f, to)| moved_aside(&shown(f), &shown(to), write::file_or_folder(f))),
        );
        out
    }
}

/// The file that `rel` (a path in the handouts folder) is the lock file
/// of, when its name is one an editor gives the lock file of a file it has
/// open (LibreOffice `.~lock.NAME#`, Microsoft Office `~$NAME`, Vim
/// `.NAME.swp`, Emacs `.#NAME`): a person opened a handout, so the advice
/// is to close it, not to move the lock file elsewhere.
fn lock_of(rel: &str) -> Option<String> {
    let (dir, name) = rel.rsplit_once('/').map_or(("", rel), |(d, n)| (d, n));
    let open = name
        .strip_prefix(".~lock.")
        .and_then(|n| n.strip_suffix('#'))
        .or_else(|| name.strip_prefix("~$"))
        .or_else(|| name.strip_prefix('.').and_then(|n| n.strip_suffix(".swp")))
        .or_else(|| name.strip_prefix(".#"))
        .filter(|n| !n.is_empty())?;
    Some(if dir.is_empty() {
        open.to_string()
    } else {
        format!("{dir}/{open}")
    })
}

/// The warning for a file heropath did not write, at `from`, moved to
/// `to` (under [`write::KEPT_DIR`]) because a handout or its PDF now goes
/// there: by a build, or by `heropath handout`. `what`: "file" or
/// "folder" (see [`write::file_or_folder`]).
pub(super) fn moved_aside(from: &Path, to: &Path, what: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::ForeignFileKept,
        format!(
            "heropath did not write this {what}, and a handout of the same name now goes there: kept as {}",
            to.display()
        ),
    )
    .in_file(from)
    .help("move it out of the handouts folder if you still need it; heropath keeps what it moved there")
}

/// What [`keep_and_print`] did.
#[derive(Default)]
pub(super) struct Kept {
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) printed: usize,
    pub(super) removed: Vec<String>,
}

/// Carry into the new handouts tree what the build does not render: files
/// heropath did not write, what earlier builds kept, and the PDFs heropath
/// printed whose plan is still here (a PDF whose handout changed since is
/// kept, with a warning). With `--pdf`, print every handout whose PDF is
/// missing or stale. Without `staging` (a check, or a build that will not
/// write) only the warnings are worked out.
pub(super) fn keep_and_print(
    p: &Prepared,
    opts: &Options,
    survey: &write::Survey,
    carry: &Carry,
    handouts: &[Option<(String, u128)>],
    staging: Option<&write::Staging>,
    dir: &Path,
) -> Kept {
    let mut done = Kept::default();
    let html: BTreeMap<&str, u128> = handouts
        .iter()
        .flatten()
        .map(|(path, hash)| (path.as_str(), *hash))
        .collect();
    let slugs: std::collections::HashSet<&str> =
        p.clinic.plans.iter().map(|s| s.slug.as_str()).collect();
    let shown = |rel: &str| crate::base::paths::shown(&opts.root, dir.join(rel));
    let keep = |from: &str, to: &str, done: &mut Kept| {
        if let Some(s) = staging
            && let Err(e) = s.keep(from, to)
        {
            done.diagnostics.push(write_error(e));
        }
    };
    for f in carry.in_place.iter().chain(&survey.kept) {
        keep(f, f, &mut done);
    }
    for (f, to) in &carry.moved {
        keep(f, to, &mut done);
    }
    for (pdf, printed_from) in &survey.pdfs {
        let slug = pdf.strip_suffix(".pdf").unwrap_or(pdf);
        if !slugs.contains(slug) {
            done.removed.push(pdf.clone());
            continue;
        }
        let now = html.get(format!("{slug}.html").as_str());
        if opts.pdf && now.is_some_and(|h| h != printed_from) {
            continue; // printed again below
        }
        keep(pdf, pdf, &mut done);
        if let Some(s) = staging
            && let Some(own) = survey.pdf_hashes.get(pdf)
        {
            s.record_pdf(pdf, *printed_from, *own);
        }
        if now.is_some_and(|h| h != printed_from) {
            done.diagnostics.push(
                Diagnostic::warning(
                    Code::StalePdf,
                    "this PDF was printed from an older version of its handout (the plan, library or theme changed since): kept as it was",
                )
                .in_file(shown(pdf))
                .help(format!("print it again: `heropath handout {slug} --pdf`, or `heropath build --pdf` for every handout")),
            );
        }
    }
    if !opts.pdf {
        return done;
    }
    let Some(staging) = staging else {
        return done;
    };
    print_pdfs(&html, survey, staging, &mut done);
    done
}

/// Print every handout in `html` (path → content hash) whose PDF is
/// missing or was printed from another version, into `staging`. Stops at
/// the first error that says no browser can print.
fn print_pdfs(
    html: &BTreeMap<&str, u128>,
    survey: &write::Survey,
    staging: &write::Staging,
    done: &mut Kept,
) {
    for (path, hash) in html {
        let Some(slug) = path.strip_suffix(".html") else {
            continue;
        };
        let pdf = format!("{slug}.pdf");
        if survey.pdfs.get(&pdf) == Some(hash) {
            continue; // kept above, unchanged
        }
        let (Some(from), Some(to)) = (staging.path_of(path), staging.path_of(&pdf)) else {
            continue;
        };
        match crate::build::pdf::print(&from, &to) {
            Ok(()) => {
                // Its own hash tells it later from a PDF someone put in
                // its place (a signed or annotated copy).
                match std::fs::read(&to) {
                    Ok(bytes) => staging.record_pdf(&pdf, *hash, cache::hash(&bytes)),
                    Err(e) => done.diagnostics.push(Diagnostic::error(
                        Code::WriteFailed,
                        format!("cannot read {pdf} after printing it: {e}"),
                    )),
                }
                done.printed += 1;
            }
            Err(e) => {
                let no_browser = matches!(e, crate::build::pdf::PdfError::NoBrowser);
                done.diagnostics.push(
                    Diagnostic::error(Code::WriteFailed, format!("cannot print {pdf}: {e}"))
                        .help("build without --pdf to write the HTML handouts only"),
                );
                if no_browser {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod lock_tests {
    use super::lock_of;

    #[test]
    fn editors_lock_files_name_the_file_they_hold_open() {
        assert_eq!(
            lock_of(".~lock.maria-lopez.html#").as_deref(),
            Some("maria-lopez.html")
        );
        assert_eq!(
            lock_of("~$ria-lopez.html").as_deref(),
            Some("ria-lopez.html")
        );
        assert_eq!(
            lock_of(".maria-lopez.html.swp").as_deref(),
            Some("maria-lopez.html")
        );
        assert_eq!(
            lock_of("caseload/.#index.html").as_deref(),
            Some("caseload/index.html")
        );
        assert_eq!(lock_of("notes.txt"), None);
        assert_eq!(lock_of(".~lock.#"), None);
    }
}
