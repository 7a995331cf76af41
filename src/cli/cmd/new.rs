//! `heropath new plan|exercise|page`: one file from a commented template.

use crate::cli::Global;
use crate::cli::args::NewWhat;
use crate::cli::report::Ui;
use heropath::build::scaffold::{Kind, ScaffoldError, Started};
use std::process::ExitCode;

/// Create the file and say where; exit 2 for a name that cannot be used.
pub fn run(what: NewWhat, g: &Global, ui: &Ui) -> ExitCode {
    let (kind, name) = match what {
        NewWhat::Plan {
            name,
            protocol: Some(id),
            ..
        } => {
            return started(
                heropath::build::scaffold::new_plan_from_protocol(&g.root, &name, &id, g.day),
                g,
                ui,
            );
        }
        NewWhat::Plan {
            name,
            like: Some(slug),
            ..
        } => {
            return started(
                heropath::build::scaffold::new_plan_like(&g.root, &name, &slug, g.day),
                g,
                ui,
            );
        }
        NewWhat::Plan { name, .. } => (Kind::Plan, name),
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
        Err(e) => failed(&e),
    }
}

/// Say what a plan started from a protocol or another plan holds.
fn started(done: Result<Started, ScaffoldError>, g: &Global, ui: &Ui) -> ExitCode {
    match done {
        Ok(s) => {
            if !ui.quiet {
                eprintln!("created {}", g.root.join(&s.path).display());
                eprintln!("copied:");
                for c in &s.copied {
                    eprintln!("  - {c}");
                }
                eprintln!("{}:", s.left_out_heading);
                for c in &s.left_out {
                    eprintln!("  - {c}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => failed(&e),
    }
}

/// Exit 2 for a name that cannot be used, 1 otherwise.
fn failed(e: &ScaffoldError) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(if matches!(e, ScaffoldError::BadName(_)) {
        2
    } else {
        1
    })
}
