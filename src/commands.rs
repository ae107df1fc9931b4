//! The command line and the subcommands that print instead of drawing:
//! check, export, init, config, completions, man, and the plain-text view.
//! Each returns the exit status.
//!
//! - [`cli`]: the command line's definition and the exit statuses.
//! - [`check`](mod@check): `vision-tui check`, for people and (as JSON) for editors and CI.
//! - [`export`](mod@export): the document as Markdown, HTML, JSON or plain text, and
//!   writing a file without ever half-writing or redirecting it.
//! - [`init`](mod@init): the starter document.
//! - [`config`]: the optional config file: theme, colours, language, mouse, keys.
//! - [`man`](mod@man): the manual page, from the command line's definition, the key
//!   table and the format documents in `docs/`.

use std::io::{self, Write};
use std::path::Path;

use clap::CommandFactory;

pub mod check;
pub mod cli;
pub mod config;
pub mod export;
pub mod init;
pub mod man;

use crate::commands::cli::{Cli, EXIT_TERMINAL};
use crate::document::load;
use crate::document::model::Document;
use export::{Format, Options};

/// Writes `text` to standard output. A reader that stops early
/// (`vision-tui | head -1`) closes the pipe: that is success, not an error.
pub fn print(text: &str) -> u8 {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(err) => {
            eprintln!("vision-tui: cannot write to standard output: {err}");
            EXIT_TERMINAL
        }
    }
}

/// `vision-tui check PATH...`.
pub fn check(paths: &[std::path::PathBuf], format: crate::commands::check::OutputFormat) -> u8 {
    let report = crate::commands::check::check(paths, format);
    // Standard error is unbuffered: a failed write has nowhere to be reported.
    let _ = io::stderr().lock().write_all(report.stderr.as_bytes());
    let status = print(&report.stdout);
    if status == 0 {
        report.exit_code
    } else {
        status
    }
}

/// `vision-tui export` (and the plain text): to `output`, or to standard output.
pub fn export(doc: &Document, format: Format, output: Option<&Path>, options: &Options) -> u8 {
    let text = export::render(doc, format, options);
    match output {
        None => print(&text),
        Some(path) => match export::file::write(path, text.as_bytes()) {
            Ok(()) => 0,
            Err(err) => {
                eprintln!("vision-tui: {err}");
                EXIT_TERMINAL
            }
        },
    }
}

/// `vision-tui init PATH`.
pub fn init(path: &Path) -> u8 {
    match crate::commands::init::init(path) {
        Ok(()) => {
            let shown = path.display();
            println!(
                "wrote {shown}\nnext: edit it, check it with `vision-tui check {shown}`, open it with `vision-tui {shown}`"
            );
            0
        }
        Err(err) => {
            eprintln!("vision-tui: {err}");
            EXIT_TERMINAL
        }
    }
}

/// `vision-tui completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> u8 {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "vision-tui", &mut script);
    print(&String::from_utf8_lossy(&script))
}

/// `vision-tui man`.
pub fn man() -> u8 {
    match crate::commands::man::render() {
        Ok(page) => print(&page),
        Err(err) => {
            eprintln!("vision-tui: cannot render the manual page: {err}");
            EXIT_TERMINAL
        }
    }
}

/// Where a document comes from: a file, or the built-in Vision 2040.
pub fn load_document(path: Option<&Path>) -> Result<Document, load::LoadError> {
    match path {
        Some(path) => load::from_path(path),
        None => Ok(load::builtin()),
    }
}

/// True when the terminal cannot show the app: `TERM=dumb` (Emacs shells,
/// some CI logs and screen-reader setups).
pub fn dumb_terminal() -> bool {
    std::env::var_os("TERM").is_some_and(|term| term == "dumb")
}
