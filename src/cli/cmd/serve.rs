//! `heropath serve`: the live preview (see [`heropath::serve`]).

use crate::cli::Global;
use crate::cli::args::ServeArgs;
use crate::cli::report::Ui;
use std::process::ExitCode;

/// Serve until stopped; exit 1 when the preview cannot start.
pub fn run(args: ServeArgs, g: &Global, ui: &Ui) -> ExitCode {
    let opts = heropath::serve::ServeOptions {
        root: g.root.clone(),
        port: args.port,
        bind: args.bind,
        open: args.open,
        drafts: args.drafts,
        today: g.today,
        quiet: ui.quiet,
        verbose: g.verbose,
    };
    match heropath::serve::run(&opts, &|d| ui.print(d)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
