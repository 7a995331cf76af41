//! `heropath explain [CODE]`: what a diagnostic code means and how to fix
//! it, or every code with its summary.

use crate::cli::args::ExplainArgs;
use heropath::base::diag::Code;
use std::process::ExitCode;

/// `heropath explain [CODE]`; exit 2 for something that is not a code.
pub fn run(args: ExplainArgs) -> ExitCode {
    let Some(text) = args.code.as_deref() else {
        for c in Code::ALL {
            println!("{c}  {}", c.summary());
        }
        return ExitCode::SUCCESS;
    };
    match Code::parse(text) {
        Some(c) => {
            print!("{}", c.explanation());
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "error: `{text}` is not a heropath diagnostic code\n  = help: codes look like HP0501; `heropath explain` lists them all"
            );
            ExitCode::from(2)
        }
    }
}
