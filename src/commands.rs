//! The subcommands that print instead of drawing: check, export, init,
//! completions, man, and the plain-text view. Each returns the exit status.

use std::io::{self, Write};
use std::path::Path;

use clap::CommandFactory;

use crate::cli::{Cli, EXIT_TERMINAL};
use crate::export::{self, Format, Options};
use crate::load;
use crate::model::Document;

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
pub fn check(paths: &[std::path::PathBuf], format: crate::check::OutputFormat) -> u8 {
    let report = crate::check::check(paths, format);
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
    match crate::init::init(path) {
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
    match crate::man::render() {
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
