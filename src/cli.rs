//! The command line.

use std::path::PathBuf;

use clap::Parser;

/// Exit status when the command line itself is wrong (sysexits' EX_USAGE).
/// Not clap's default 2: that status means "the document is invalid".
pub const EXIT_USAGE: u8 = 64;
/// Exit status when the terminal cannot be used (not a terminal, I/O failure).
pub const EXIT_TERMINAL: u8 = 1;

/// Browse an organisation's strategic vision — its statement, focus areas and
/// prioritised goals — in the terminal.
///
/// Without a path, shows the built-in document: Alingsås kommun's Vision 2040.
#[derive(Debug, Parser)]
#[command(name = "vision-tui", version, about, long_about)]
#[command(after_help = "Keys: press ? inside the app for the full list.\n\
Exit status: 0 quit, 1 terminal error, 2 document error, 64 usage error, 128+N killed by signal N.")]
pub struct Cli {
    /// A vision document in RON (see docs/document-format.md).
    pub path: Option<PathBuf>,
}
