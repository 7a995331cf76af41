//! `heropath init`: fill a clinic folder from the built-in sample.

use crate::cli::Global;
use crate::cli::args::InitArgs;
use crate::cli::report::Ui;
use std::process::ExitCode;

/// Create the files, list them, and say what to do next.
pub fn run(args: InitArgs, g: &Global, ui: &Ui) -> ExitCode {
    let dir = args.dir.unwrap_or_else(|| g.root.clone());
    match heropath::build::scaffold::init(&dir, args.force, g.day) {
        Ok(r) => {
            if !ui.quiet {
                for f in &r.created {
                    eprintln!("  created {}", f.display());
                }
                for f in &r.skipped {
                    eprintln!(
                        "  skipped {} (it already exists; left as it was)",
                        f.display()
                    );
                }
                eprintln!(
                    "heropath: your clinic folder is ready in {}. Next:\n  heropath --root {0} serve    preview with live reload\n  heropath --root {0} build    write public/ and handouts/\n  heropath --root {0} new plan \"Full Name\"",
                    dir.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
