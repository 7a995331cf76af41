//! `heropath stories export DIR`: publishable stories as de-identified
//! records.

use crate::cli::Global;
use crate::cli::args::StoriesWhat;
use crate::cli::report::{Ui, finish};
use heropath::build::{Options, Outcome};
use std::process::ExitCode;

/// Run a `stories` subcommand.
pub fn run(what: StoriesWhat, g: &Global, ui: &Ui) -> ExitCode {
    let StoriesWhat::Export { dir } = what;
    let opts = Options {
        root: g.root.clone(),
        today: g.today,
        ..Options::default()
    };
    export(&opts, &dir, ui)
}

/// `heropath stories export DIR`: export, then say what was written.
fn export(opts: &Options, dir: &std::path::Path, ui: &Ui) -> ExitCode {
    let done = heropath::build::export::export(opts, dir);
    let report = Outcome {
        diagnostics: done.diagnostics,
        ..Outcome::default()
    };
    let code = finish(&report, false, ui);
    if code == ExitCode::SUCCESS && ui.chatty() {
        let n = done.written.len();
        eprintln!(
            "exported {n} stor{} → {}{}",
            if n == 1 { "y" } else { "ies" },
            done.dir.display(),
            match done.removed.len() {
                0 => String::new(),
                r => format!(
                    "; removed {r} no longer public: {}",
                    done.removed.join(", ")
                ),
            }
        );
    }
    code
}
