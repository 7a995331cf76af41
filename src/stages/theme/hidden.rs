//! Hidden files of the site's folders: a path with a part that starts with
//! a dot (`.DS_Store`, `.git/`, `.htaccess`, `.env`, an editor's
//! `.plan.swp`) is never published, as a static host would serve it to
//! anyone who guesses its name and it may hold text nobody meant to
//! publish. The top-level `.well-known/` folder (RFC 8615: `security.txt`,
//! domain verification) is the exception: published, and scanned by the
//! privacy guard like any other file. The clinic's `static/` folder is
//! told which files were left out (a warning naming them), so a
//! `.htaccess` meant for the host is not lost without a word.

use crate::base::diag::{Code, Diagnostic};

/// Is `rel` (a path under a theme or site folder) hidden: a part of it
/// starts with a dot? `.well-known/` at the top is not.
pub fn is_hidden(rel: &str) -> bool {
    let rel = rel.strip_prefix(".well-known/").unwrap_or(rel);
    rel.split('/').any(|p| p.starts_with('.'))
}

/// The hidden part of `rel`: the path up to and with its first part that
/// starts with a dot (`a/.git/` for `a/.git/objects/x`), so a folder is
/// named once.
fn hidden_part(rel: &str) -> String {
    let (skip, rest) = match rel.strip_prefix(".well-known/") {
        Some(r) => (".well-known/", r),
        None => ("", rel),
    };
    let mut out = String::from(skip);
    let mut parts = rest.split('/').peekable();
    while let Some(p) = parts.next() {
        out.push_str(p);
        if p.starts_with('.') {
            if parts.peek().is_some() {
                out.push('/');
            }
            break;
        }
        out.push('/');
    }
    out
}

/// Most hidden files one warning names.
const NAMED: usize = 6;

/// The warning that the hidden files `rels` (paths under `folder`, e.g.
/// `static/`) are left out of the site; none when there are none.
pub fn left_out(folder: &str, rels: &[String]) -> Option<Diagnostic> {
    let mut parts: Vec<String> = rels.iter().map(|r| hidden_part(r)).collect();
    parts.sort();
    parts.dedup();
    let first = parts.first()?;
    let mut named: Vec<String> = parts
        .iter()
        .take(NAMED)
        .map(|p| format!("{folder}{p}"))
        .collect();
    if parts.len() > NAMED {
        named.push(format!("and {} more", parts.len() - NAMED));
    }
    Some(
        Diagnostic::warning(
            Code::HiddenLeftOut,
            format!(
                "hidden files (their name starts with a dot) are left out of the site: {}",
                named.join(", ")
            ),
        )
        .in_file(format!("{folder}{first}"))
        .help(format!(
            "a static host serves a file to whoever guesses its name, so heropath never publishes one; to publish a file, give it a name without a leading dot, or put it in {folder}.well-known/ (published, and read by the privacy guard); set up the host (.htaccess, headers) outside the site"
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_parts_name_a_folder_once() {
        assert!(is_hidden(".env") && is_hidden("a/.git/x") && is_hidden(".well-known/.x"));
        assert!(!is_hidden(".well-known/security.txt") && !is_hidden("a.b/c"));
        assert_eq!(hidden_part("a/.git/objects/x"), "a/.git/");
        assert_eq!(hidden_part(".htaccess"), ".htaccess");
        assert_eq!(hidden_part(".well-known/.secret"), ".well-known/.secret");
        let d = left_out(
            "static/",
            &[".env".into(), ".git/a".into(), ".git/b".into()],
        )
        .expect("a warning");
        assert!(
            d.message.contains("static/.env, static/.git/"),
            "{}",
            d.message
        );
        assert!(left_out("static/", &[]).is_none());
    }
}
