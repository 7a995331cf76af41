//! The `heropath` command line: parses arguments and dispatches.

use clap::{Parser, Subcommand};
use heropath::diag::Diagnostic;
use heropath::pipeline::{self, Options, Report};
use std::path::PathBuf;
use std::process::ExitCode;

/// heropath turns patient plans into take-home handouts and a clinic website.
#[derive(Parser)]
#[command(name = "heropath", version, about, long_about = None)]
struct Cli {
    /// The clinic folder (holding site.yaml).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    /// Print only errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build every handout and the public website.
    Build {
        /// Write the public website here instead of site.yaml's `output.public`.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write handouts here instead of site.yaml's `output.handouts`.
        #[arg(long)]
        handouts: Option<PathBuf>,
        /// Override site.yaml's `base_url` (for preview deployments).
        #[arg(long)]
        base_url: Option<String>,
        /// Include plans and pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Build only the public website (no handouts): the CI path.
        #[arg(long)]
        public_only: bool,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Run every check of a build and write nothing.
    Check {
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Render one plan's handout.
    Handout {
        /// The plan file, e.g. content/plans/maria-lopez.yaml.
        plan: PathBuf,
        /// Where to write the HTML (default: the handouts folder).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

fn print(diags: &[Diagnostic], quiet: bool) {
    for d in diags {
        if quiet && d.severity != heropath::diag::Severity::Error {
            continue;
        }
        eprintln!("{}", d.render());
    }
}

fn finish(report: &Report, strict: bool, quiet: bool) -> ExitCode {
    print(&report.diagnostics, quiet);
    let errors = report.failed();
    let warnings = report.diagnostics.len() - report.diagnostics.iter().filter(|d| d.severity == heropath::diag::Severity::Error).count();
    if errors || (strict && warnings > 0) {
        let (e, w) = (report.diagnostics.len() - warnings, warnings);
        eprintln!("heropath: failed with {e} error(s) and {w} warning(s); nothing was written");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = cli.root.clone();
    match cli.command {
        Command::Build { out, handouts, base_url, drafts, public_only, strict } => {
            let opts = Options { root, out, handouts, base_url, drafts, public_only, dry_run: strict };
            let mut report = pipeline::build(&opts);
            // Under --strict a warning must stop the build before it writes,
            // so check first and build only when the check is clean.
            if strict && !report.failed() && report.diagnostics.is_empty() {
                report = pipeline::build(&Options { dry_run: false, ..opts });
            }
            let code = finish(&report, strict, cli.quiet);
            if report.wrote && !cli.quiet {
                let mut msg = format!("built {} public file(s), {} stor(ies)", report.public_files, report.stories);
                if let Some(p) = &report.public_dir {
                    msg.push_str(&format!(" → {}", p.display()));
                }
                if let Some(h) = &report.handouts_dir {
                    msg.push_str(&format!("; {} handout(s) → {}", report.handouts, h.display()));
                }
                eprintln!("{msg}");
            }
            code
        }
        Command::Check { strict } => {
            let report = pipeline::check(&Options { root, ..Options::default() });
            let code = finish(&report, strict, cli.quiet);
            if code == ExitCode::SUCCESS && !cli.quiet {
                eprintln!("heropath: all checks passed ({} warning(s))", report.diagnostics.len());
            }
            code
        }
        Command::Handout { plan, output } => {
            let opts = Options { root, ..Options::default() };
            let (report, written) = pipeline::one_handout(&opts, &plan, output.as_deref());
            let code = finish(&report, false, cli.quiet);
            if let Some(w) = written
                && !cli.quiet
            {
                eprintln!("wrote {}", w.display());
            }
            code
        }
    }
}
