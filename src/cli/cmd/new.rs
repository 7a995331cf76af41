//! `heropath new plan|exercise|page`: one file from a commented template.

use crate::cli::Global;
use crate::cli::args::NewWhat;
use crate::cli::report::Ui;
use heropath::build::scaffold::{Kind, ScaffoldError};
use std::process::ExitCode;

/// Create the file and say where; exit 2 for a name that cannot be used.
pub fn run(what: NewWhat, g: &Global, ui: &Ui) -> ExitCode {
    let (kind, name) = match what {
        NewWhat::Plan { name } => (Kind::Plan, name),
        NewWhat::Exercise { name } => (Kind::Exercise, name),
        NewWhat::Page { title } => (Kind::Page, title),
    };
    match heropath::build::scaffold::new_item(&g.root, kind, &name, g.day) {
        Ok(rel) => {
            if !ui.quiet {
                eprintln!("created {}", g.root.join(rel).display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(if matches!(e, ScaffoldError::BadName(_)) {
                2
            } else {
                1
            })
        }
    }
}
