//! The command line: one binary, a browser by default, with subcommands for
//! presenting, checking, exporting and starting a new document.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::commands::check::OutputFormat;
use crate::commands::export::Format;

/// Exit status when the command line itself is wrong (sysexits' EX_USAGE).
/// Not clap's default 2: that status means "the document is invalid".
pub const EXIT_USAGE: u8 = 64;
/// Exit status when the terminal cannot be used, or a file cannot be written.
pub const EXIT_TERMINAL: u8 = 1;

/// Every exit status and what it means, for the manual page (README.md's
/// table says the same; a test compares them).
pub const EXIT_STATUSES: [(&str, &str); 7] = [
    (
        "0",
        "quit normally; for check, every document is valid; for serve, stopped by SIGTERM, SIGINT or SIGHUP",
    ),
    (
        "1",
        "the terminal or a file could not be used (for example, init would overwrite a file, export -o cannot write, or serve cannot listen or use its host key)",
    ),
    (
        "2",
        "the document could not be read or is invalid; for check, at least one is",
    ),
    (
        "64",
        "the command line is wrong (including an unknown --open id or --theme)",
    ),
    (
        "78",
        "the config file, or the theme it names, is unreadable or invalid",
    ),
    (
        "101",
        "the app panicked — a bug, please report it with the message it printed (the terminal is restored first, on whichever thread the panic happened)",
    ),
    (
        "128+N",
        "stopped by signal N (SIGTERM 143, SIGINT 130, SIGHUP 129, SIGQUIT 131); also 129 when the terminal hangs up",
    ),
];

/// Browse an organisation's strategic vision — its statement, focus areas and
/// prioritised goals — in the terminal.
///
/// Without a path, shows the built-in document: Alingsås kommun's Vision 2040.
/// When standard output is not a terminal (`vision-tui | less`), with
/// `--plain`, or with TERM=dumb, prints the document as plain text instead.
///
/// Options go before or after a command (`vision-tui --theme light present`
/// and `vision-tui present --theme light` are the same); each command takes
/// those that apply to it.
#[derive(Debug, Parser)]
#[command(name = "vision-tui", version, about, long_about)]
#[command(after_help = "Keys: press ? inside the app for the full list.\n\
Exit status: 0 quit, 1 terminal error, 2 document error, 64 usage error, 78 config error, 101 a bug (panic), 128+N killed by signal N.")]
pub struct Cli {
    /// What to do; without a command, browse the document.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A vision document in RON to browse (see docs/document-format.md).
    pub path: Option<PathBuf>,
    /// Options shared by several commands.
    #[command(flatten)]
    pub start: StartArgs,
}

/// The options shared by several commands, accepted before and after the
/// command's name; [`Cli::check_options`] refuses those that do not apply.
#[derive(Debug, Clone, Default, Args)]
pub struct StartArgs {
    /// Start at this focus area (its id) or goal (`goal:N`) [browse, present].
    #[arg(long, value_name = "ID", global = true)]
    pub open: Option<String>,
    /// Print the document as plain text instead of starting the app [browse, present].
    #[arg(long, global = true)]
    pub plain: bool,
    /// Do not reload the document when its file changes [browse, present].
    #[arg(long, global = true)]
    pub no_watch: bool,
    /// Language of the interface and of export labels; by default the document's
    /// (Swedish for `sv`, else English) [browse, present, export].
    #[arg(long, value_enum, value_name = "LANG", global = true)]
    pub lang: Option<crate::i18n::Lang>,
    /// Do not use the mouse (so the terminal's own text selection works) [browse, present].
    #[arg(long, global = true)]
    pub no_mouse: bool,
    /// Theme: default, light, high-contrast, monochrome, or a theme file's path [browse, present].
    #[arg(long, value_name = "NAME|PATH", global = true)]
    pub theme: Option<String>,
    /// Colours: auto follows NO_COLOR, COLORTERM and TERM [browse, present].
    #[arg(long, value_enum, value_name = "WHEN", global = true)]
    pub color: Option<crate::theme::color::ColorChoice>,
    /// Read this config file instead of ~/.config/vision-tui/config.ron
    /// [browse, present, export; check checks it too].
    #[arg(long, value_name = "PATH", global = true)]
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
        /// Also serve the workshop over SSH (default address 127.0.0.1:2222):
        /// every participant who connects follows this presentation on
        /// their own screen.
        #[cfg(feature = "ssh")]
        #[arg(long, value_name = "ADDR:PORT", num_args = 0..=1, default_missing_value = DEFAULT_LISTEN)]
        serve: Option<String>,
        /// The server's options (with --serve).
        #[cfg(feature = "ssh")]
        #[command(flatten)]
        server: ServerArgs,
    },
    /// Check documents without starting the app; exit 0 when all are valid, 2 otherwise.
    ///
    /// With --config, the config file (and the theme it names) is checked first:
    /// exit 78 if it is invalid.
    Check {
        /// The documents to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// How to print the problems.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
    },
    /// Write the whole document as a handout: Markdown, HTML, JSON or plain text.
    ///
    /// Headings and labels are in the document's language (English or
    /// Swedish), or the one --lang or the config's `lang` names.
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
    /// Serve the app over SSH: every participant runs `ssh -p 2222 HOST`.
    ///
    /// Each connection gets its own session of the full app, sized to its
    /// terminal; a client without a terminal (`ssh -T`, output redirected)
    /// gets the plain text. Open to anyone who can reach the port unless
    /// --authorized-keys is given. Stops on SIGTERM or Ctrl-C, saying
    /// goodbye to every session.
    #[cfg(feature = "ssh")]
    Serve(ServeArgs),
    /// Configuration: `--default` prints a complete, commented config file.
    Config {
        /// Print the default configuration (every option and key binding).
        #[arg(long)]
        default: bool,
    },
}

/// `vision-tui serve`'s own options.
#[cfg(feature = "ssh")]
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// A vision document in RON; without it, the built-in Vision 2040.
    pub path: Option<PathBuf>,
    /// Where to listen (`HOST:PORT`). Other machines reach it only with an
    /// address they can route to, e.g. `0.0.0.0:2222`.
    #[arg(long, value_name = "ADDR:PORT", default_value = DEFAULT_LISTEN)]
    pub listen: String,
    /// A workshop: every session starts in the presentation and follows
    /// the presenter (a client whose key is in --presenter-keys).
    #[arg(long)]
    pub present: bool,
    /// The server's options.
    #[command(flatten)]
    pub server: ServerArgs,
}

/// Where `serve` and `present --serve` listen unless told otherwise.
#[cfg(feature = "ssh")]
pub const DEFAULT_LISTEN: &str = "127.0.0.1:2222";

/// The SSH server's options, for `serve` and `present --serve`.
#[cfg(feature = "ssh")]
#[derive(Debug, Clone, clap::Args)]
pub struct ServerArgs {
    /// The host key (Ed25519, made on first start, mode 0600). Default:
    /// `$XDG_STATE_HOME/vision-tui/host_ed25519_key`.
    #[arg(long, value_name = "PATH")]
    pub host_key: Option<PathBuf>,
    /// Admit only the keys listed in this file (`authorized_keys` format).
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,
    /// Clients with a key listed here present: they drive the room and get
    /// the speaker view (the slide, the notes, what comes next, the clock).
    #[arg(long, value_name = "FILE")]
    pub presenter_keys: Option<PathBuf>,
    /// Sessions at once.
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub max_sessions: u32,
    /// New connections one address (an IPv6 /64) may open per minute.
    #[arg(long, value_name = "N", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub max_per_minute: u32,
    /// End a session after this long without a key (e.g. `20m`, `1h`).
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = duration)]
    pub idle_timeout: std::time::Duration,
    /// End any session after this long.
    #[arg(long, value_name = "DURATION", default_value = "12h", value_parser = duration)]
    pub max_session: std::time::Duration,
    /// Drop a connection that has not started a session after this long.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = duration)]
    pub login_timeout: std::time::Duration,
    /// The largest window drawn (`COLSxROWS`); a client claiming more is
    /// drawn in this part of its screen.
    #[arg(long, value_name = "COLSxROWS", default_value = "500x200", value_parser = window_size)]
    pub max_size: (u16, u16),
}

/// A duration as people write it (`90s`, `20m`, `1h 30m`), at least a second.
#[cfg(feature = "ssh")]
fn duration(text: &str) -> Result<std::time::Duration, String> {
    let duration = humantime::parse_duration(text).map_err(|err| err.to_string())?;
    if duration < std::time::Duration::from_secs(1) {
        return Err("at least one second (e.g. `30s`, `20m`, `1h`)".into());
    }
    Ok(duration)
}

/// `COLSxROWS`, each from 20 to 1000.
#[cfg(feature = "ssh")]
fn window_size(text: &str) -> Result<(u16, u16), String> {
    let fail = || format!("`{text}` is not COLSxROWS with each from 20 to 1000 (e.g. `500x200`)");
    let (cols, rows) = text.split_once(['x', 'X']).ok_or_else(fail)?;
    let number = |n: &str| {
        n.trim()
            .parse::<u16>()
            .ok()
            .filter(|n| (20..=1000).contains(n))
    };
    Ok((
        number(cols).ok_or_else(fail)?,
        number(rows).ok_or_else(fail)?,
    ))
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
        let cli = Self::try_parse()?;
        cli.check_options()?;
        Ok(cli)
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
        &self.start
    }

    /// True when the app should start presenting.
    pub fn presents(&self) -> bool {
        matches!(self.command, Some(Command::Present { .. }))
    }

    /// Refuses what clap accepts but no command could use: a shared option
    /// given to a command it does not apply to (`init --theme light`), and a
    /// document path before a command (`vision-tui vision.ron present`).
    pub fn check_options(&self) -> Result<(), clap::Error> {
        let Some(command) = &self.command else {
            return Ok(());
        };
        let (name, applies): (&str, &[&str]) = match command {
            Command::Present { .. } => ("present", &OPTIONS),
            Command::Check { .. } => ("check", &["--config"]),
            Command::Export { .. } => ("export", &["--config", "--lang"]),
            Command::Init { .. } => ("init", &[]),
            Command::Completions { .. } => ("completions", &[]),
            Command::Man => ("man", &[]),
            Command::Config { .. } => ("config", &[]),
            #[cfg(feature = "ssh")]
            Command::Serve(_) => (
                "serve",
                &["--lang", "--no-mouse", "--theme", "--color", "--config"],
            ),
        };
        let usage_error = |message: String| {
            let mut cli = <Self as clap::CommandFactory>::command();
            cli.build();
            // The command's own usage line under the message, as clap's errors have.
            let mut sub = cli.find_subcommand(name).cloned().unwrap_or(cli);
            sub.error(clap::error::ErrorKind::ArgumentConflict, message)
        };
        if let Some(path) = &self.path {
            return Err(usage_error(format!(
                "the document path goes after the command: `vision-tui {name} {}`",
                path.display()
            )));
        }
        let s = &self.start;
        let given = [
            s.open.is_some(),
            s.plain,
            s.no_watch,
            s.lang.is_some(),
            s.no_mouse,
            s.theme.is_some(),
            s.color.is_some(),
            s.config.is_some(),
        ];
        match OPTIONS
            .iter()
            .zip(given)
            .find(|(option, given)| *given && !applies.contains(option))
        {
            Some((option, _)) => Err(usage_error(format!(
                "`{option}` does not apply to `vision-tui {name}`{}",
                match applies {
                    [] => " (it takes none of the shared options)".to_string(),
                    some => format!(" (it takes {})", some.join(", ")),
                }
            ))),
            None => Ok(()),
        }
    }
}

/// The shared options, in the order of [`StartArgs`]'s fields.
const OPTIONS: [&str; 8] = [
    "--open",
    "--plain",
    "--no-watch",
    "--lang",
    "--no-mouse",
    "--theme",
    "--color",
    "--config",
];
