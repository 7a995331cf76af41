//! `heropath check`: every check of a build, writing nothing.

use crate::cli::Global;
use crate::cli::args::CheckArgs;
use crate::cli::report::{Ui, finish};
use heropath::build::{self, Options};
use std::process::ExitCode;

/// Check, print the diagnostics and say so when all passed.
pub fn run(args: CheckArgs, g: &Global, ui: &Ui) -> ExitCode {
    let started = std::time::Instant::now();
    let report = build::check(&Options {
        root: g.root.clone(),
        no_cache: args.no_cache,
        today: g.today,
        progress: ui.progress_bar(),
        exiting: true,
        ..Options::default()
    });
    let code = finish(&report, args.strict, ui);
    if g.verbose {
        super::build::timings(&report, started, "check");
    }
    if code == ExitCode::SUCCESS && ui.chatty() {
        eprintln!(
            "heropath: all checks passed ({} warning(s))",
            report.diagnostics.len()
        );
    }
    super::build::exit_with(report);
    code
}
