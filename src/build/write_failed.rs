//! The diagnostics of a write that failed: the output folder could not be
//! made or replaced, or the previous output could not be removed once the
//! new one was in place.

use crate::base::diag::{Code, Diagnostic};
use crate::stages::write;

/// The new output is in place but the old tree, moved aside beside it,
/// could not be removed (a folder someone made read-only inside it): say
/// so, and where it is, instead of reporting a write that did happen as
/// failed.
pub(super) fn old_tree_left(e: write::WriteError) -> Diagnostic {
    let (at, why) = match &e {
        write::WriteError::Io(p, io) => (p.display().to_string(), io.to_string()),
        other => ("a hidden folder beside it".to_string(), other.to_string()),
    };
    Diagnostic::error(
        Code::WriteFailed,
        format!("the new output is in place, but the previous one, moved aside to {at}, could not be removed ({why})"),
    )
    .help(format!("look in {at} for anything of yours and move it out, then remove that folder; the next build removes it when it can"))
}

pub(super) fn write_error(e: write::WriteError) -> Diagnostic {
    let help = match &e {
        write::WriteError::NotOurs(_) => {
            "choose a new or empty folder (--out, --handouts, or `output:` in site.yaml); heropath only replaces folders it made".to_string()
        }
        // A link to a folder (`public -> /var/www/clinic`) is not replaced:
        // the swap would put a folder where the person's link was.
        write::WriteError::NotADirectory(p) => match std::fs::read_link(p) {
            Ok(to) => format!(
                "{} is a link to {}: heropath replaces its output folder on every build and never replaces a link; write to {} itself (--out, --handouts, or `output:` in site.yaml), or remove the link",
                p.display(),
                to.display(),
                to.display()
            ),
            Err(_) => format!(
                "{} is a file where the output folder must be: move or rename it, or choose another folder (--out, --handouts, or `output:` in site.yaml)",
                p.display()
            ),
        },
        write::WriteError::Io(p, io) => crate::base::paths::write_help(p, io),
        write::WriteError::BadPath(_) => {
            "check that the folder's parent exists, is writable, and is not a file".to_string()
        }
    };
    Diagnostic::error(Code::WriteFailed, e.to_string()).help(help)
}
