//! One file per subcommand, as mdBook's `src/cmd/`: each turns its
//! arguments into library calls and prints what came of them.

pub mod build;
pub mod check;
pub mod explain;
pub mod fix_encoding;
pub mod handout;
pub mod init;
pub mod new;
pub mod protocols;
pub mod schema;
pub mod serve;
pub mod stories;
