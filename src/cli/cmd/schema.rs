//! `heropath schema KIND`: a file format's JSON Schema, for editors.

use crate::cli::args::SchemaArgs;
use std::process::ExitCode;

/// Print the schema on stdout.
pub fn run(args: SchemaArgs) -> ExitCode {
    print!("{}", heropath::content::schema::schema(args.kind));
    ExitCode::SUCCESS
}
