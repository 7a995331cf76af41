//! The `heropath` command line: parses arguments and dispatches to one
//! file per subcommand (`src/cli/cmd/`).

mod cli;

use clap::Parser;
use cli::args::{Cli, Command};
use cli::report::Ui;
use cli::{Global, cmd};
use std::process::ExitCode;

// mimalloc: parsing and rendering allocate many small strings; it makes a
// full 10,000-plan build about 15% faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// No transparent huge pages for this process.
///
/// mimalloc asks the kernel for huge pages, and a build frees and reuses
/// memory in waves (parse, check, render): each time a 2 MiB page comes
/// back the kernel zeroes all of it again. On a 10,000-plan build that was
/// a sixth of all CPU time (`clear_page_erms` in a profile); with ordinary
/// pages the same build does about 15% less work, with the same peak
/// memory. Inherited by the browser that prints PDFs, which does not mind.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory
    // of ours; on a kernel without it the call fails, which changes nothing.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    no_huge_pages();
    let cli = Cli::parse();
    let g = Global::new(&cli);
    let ui = Ui {
        root: g.root.clone(),
        format: cli.format,
        quiet: cli.quiet,
        writes: !matches!(cli.command, Command::Check(_)),
    };
    match cli.command {
        Command::Build(args) => cmd::build::run(args, &g, &ui),
        Command::Check(args) => cmd::check::run(args, &g, &ui),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Handout(args) => cmd::handout::run(args, &g, ui),
        Command::Init(args) => cmd::init::run(args, &g, &ui),
        Command::Stories { what } => cmd::stories::run(what, &g, &ui),
        Command::New { what } => cmd::new::run(what, &g, &ui),
        Command::Protocols(args) => cmd::protocols::run(args, &g, &ui),
        Command::FixEncoding(args) => cmd::fix_encoding::run(args, &g, &ui),
        Command::Serve(args) => cmd::serve::run(args, &g, &ui),
    }
}
