//! The command line: one binary, a browser by default, with subcommands for
//! presenting, checking, exporting and starting a new document.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::check::OutputFormat;
use crate::export::Format;

/// Exit status when the command line itself is wrong (sysexits' EX_USAGE).
/// Not clap's default 2: that status means "the document is invalid".
pub const EXIT_USAGE: u8 = 64;
/// Exit status when the terminal cannot be used, or a file cannot be written.
pub const EXIT_TERMINAL: u8 = 1;

/// Browse an organisation's strategic vision — its statement, focus areas and
/// prioritised goals — in the terminal.
///
/// Without a path, shows the built-in document: Alingsås kommun's Vision 2040.
/// When standard output is not a terminal (`vision-tui | less`), with
/// `--plain`, or with TERM=dumb, prints the document as plain text instead.
#[derive(Debug, Parser)]
#[command(name = "vision-tui", version, about, long_about)]
#[command(args_conflicts_with_subcommands = true)]
#[command(after_help = "Keys: press ? inside the app for the full list.\n\
Exit status: 0 quit, 1 terminal error, 2 document error, 64 usage error, 78 config error, 128+N killed by signal N.")]
pub struct Cli {
    /// What to do; without a command, browse the document.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A vision document in RON (see docs/document-format.md).
    pub path: Option<PathBuf>,
    /// How to start.
    #[command(flatten)]
    pub start: StartArgs,
}

/// Options for browsing and presenting.
#[derive(Debug, Clone, Default, Args)]
pub struct StartArgs {
    /// Start at this focus area (its id) or goal (`goal:N`).
    #[arg(long, value_name = "ID")]
    pub open: Option<String>,
    /// Print the document as plain text instead of starting the app.
    #[arg(long)]
    pub plain: bool,
    /// Do not reload the document when its file changes.
    #[arg(long)]
    pub no_watch: bool,
    /// Interface language; by default the document's (Swedish for `sv`, else English).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,
    /// Do not use the mouse (so the terminal's own text selection works).
    #[arg(long)]
    pub no_mouse: bool,
    /// Theme: default, light, high-contrast, monochrome, or a theme file's path.
    #[arg(long, value_name = "NAME|PATH")]
    pub theme: Option<String>,
    /// Colours: auto follows NO_COLOR, COLORTERM and TERM.
    #[arg(long, value_enum, value_name = "WHEN")]
    pub color: Option<crate::theme::color::ColorChoice>,
    /// Read this config file instead of ~/.config/vision-tui/config.ron.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
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
        /// How to start.
        #[command(flatten)]
        start: StartArgs,
    },
    /// Check documents without starting the app; exit 0 when all are valid, 2 otherwise.
    Check {
        /// The documents to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// How to print the problems.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
    },
    /// Write the whole document as a handout: Markdown, HTML, JSON or plain text.
    Export {
        /// A vision document in RON; without it, the built-in Vision 2040.
        path: Option<PathBuf>,
        /// The format.
        #[arg(long, short, value_enum)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Include speaker notes.
        #[arg(long)]
        notes: bool,
    },
    /// Write a commented starter document to PATH; never overwrites a file.
    Init {
        /// Where to write it.
        #[arg(default_value = "vision.ron")]
        path: PathBuf,
    },
    /// Print a shell completion script (e.g. `vision-tui completions bash > ~/.local/share/bash-completion/completions/vision-tui`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `vision-tui man | man -l -`.
    Man,
    /// Configuration: `--default` prints a complete, commented config file.
    Config {
        /// Print the default configuration (every option and key binding).
        #[arg(long)]
        default: bool,
    },
}

impl Cli {
    /// Parses the process's command line. Without arguments (the common
    /// case: `vision-tui`), skips building clap's parser, which is a seventh
    /// of the time to the first frame; [`Cli::without_arguments`] is what
    /// clap would give (a test checks).
    pub fn from_env() -> Result<Self, clap::Error> {
        if std::env::args_os().len() <= 1 {
            return Ok(Self::without_arguments());
        }
        Self::try_parse()
    }

    /// The command line `vision-tui` alone: browse the built-in document.
    pub fn without_arguments() -> Self {
        Self {
            command: None,
            path: None,
            start: StartArgs::default(),
        }
    }

    /// The document path given, for browsing or presenting.
    pub fn document_path(&self) -> Option<&PathBuf> {
        match &self.command {
            Some(Command::Present { path, .. }) => path.as_ref(),
            _ => self.path.as_ref(),
        }
    }

    /// The start options, for browsing or presenting.
    pub fn start_args(&self) -> &StartArgs {
        match &self.command {
            Some(Command::Present { start, .. }) => start,
            _ => &self.start,
        }
    }

    /// True when the app should start presenting.
    pub fn presents(&self) -> bool {
        matches!(self.command, Some(Command::Present { .. }))
    }
}
