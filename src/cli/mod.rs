//! The `heropath` command line, binary side: [`args`] says what can be
//! typed, [`cmd`] holds one small file per subcommand, and [`report`] is
//! the glue they share for printing diagnostics and the exit code. The
//! library (`heropath::build`, `heropath::serve`) never prints a summary
//! or picks an exit code; these do.

pub mod args;
pub mod cmd;
pub mod report;

use heropath::base::date::Date;
use std::path::PathBuf;

/// The global flags every subcommand sees.
pub struct Global {
    /// `--root` as given (`None`: not given).
    pub root_flag: Option<PathBuf>,
    /// The clinic folder: `--root`, or the current folder.
    pub root: PathBuf,
    /// `--verbose`.
    pub verbose: bool,
    /// `--today` as given (`None`: the clock's day, where that matters).
    pub today: Option<Date>,
    /// `--today`, or the clock's day.
    pub day: Date,
}

impl Global {
    /// The global flags of a parsed command line.
    pub fn new(cli: &args::Cli) -> Global {
        let root_flag = cli.root.clone();
        let root = root_flag.clone().unwrap_or_else(|| PathBuf::from("."));
        Global {
            root_flag,
            root,
            verbose: cli.verbose,
            today: cli.today,
            day: cli.today.unwrap_or_else(Date::clock_today),
        }
    }
}
