//! `heropath fix-encoding FILE`: rewrite a Windows-1252 file as UTF-8.

use crate::cli::Global;
use crate::cli::args::FixEncodingArgs;
use crate::cli::report::Ui;
use std::process::ExitCode;

/// Rewrite the file (relative to `--root` when given), printing each
/// changed line on stdout.
pub fn run(args: FixEncodingArgs, g: &Global, ui: &Ui) -> ExitCode {
    let file = args.file;
    let path = match &g.root_flag {
        Some(r) if file.is_relative() => r.join(&file),
        _ => file,
    };
    match heropath::base::encoding::fix_file(&path) {
        Ok(changed) => {
            for c in &changed {
                let chars: String = c.chars.iter().collect();
                println!("line {}: {} → {}   ({chars})", c.line, c.old, c.new);
            }
            if !ui.quiet {
                eprintln!(
                    "heropath: rewrote {} as UTF-8 ({} line(s) changed)",
                    path.display(),
                    changed.len()
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
