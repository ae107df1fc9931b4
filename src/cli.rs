//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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
#[command(args_conflicts_with_subcommands = true)]
#[command(after_help = "Keys: press ? inside the app for the full list.\n\
Exit status: 0 quit, 1 terminal error, 2 document error, 64 usage error, 128+N killed by signal N.")]
pub struct Cli {
    /// What to do; without a command, browse the document.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A vision document in RON (see docs/document-format.md).
    pub path: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Present the vision as slides, for workshops and projectors.
    ///
    /// Slides are made from the document: title, vision, background, the
    /// focus areas, one slide per focus area with its goals, all goals, and a
    /// closing slide. Press ? for the keys; q quits, Esc opens the browser.
    Present {
        /// A vision document in RON; without it, the built-in Vision 2040.
        path: Option<PathBuf>,
    },
}

impl Cli {
    /// The document path given, whichever way.
    pub fn document_path(&self) -> Option<&PathBuf> {
        match &self.command {
            Some(Command::Present { path }) => path.as_ref(),
            None => self.path.as_ref(),
        }
    }

    /// True when the app should start presenting.
    pub fn presents(&self) -> bool {
        matches!(self.command, Some(Command::Present { .. }))
    }
}
