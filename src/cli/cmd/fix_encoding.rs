//! `heropath fix-encoding FILE`: rewrite a Windows-1252, UTF-16 or UTF-32 file as UTF-8.

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
        Ok(fixed) => {
            for c in &fixed.changed {
                let chars: String = c.chars.iter().collect();
                println!("line {}: {} → {}   ({chars})", c.line, c.old, c.new);
            }
            if !ui.quiet {
                let what = match fixed.changed.len() {
                    _ if fixed.from.starts_with("UTF-") => "the text is the same".to_string(),
                    n => format!("{n} line(s) changed"),
                };
                eprintln!(
                    "heropath: rewrote {} as UTF-8 (it was {}; {what})",
                    path.display(),
                    fixed.from
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
