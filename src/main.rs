//! The `vision-tui` binary: parse the command line, load the document, run
//! the event loop in the real terminal. Everything else lives in the library.
#![forbid(unsafe_code)]

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use vision_tui::app::State;
use vision_tui::cli::{Cli, EXIT_TERMINAL, EXIT_USAGE};
use vision_tui::load;
use vision_tui::runtime::{self, CrosstermEvents, StopFlags};
use vision_tui::theme::Theme;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    let document = match cli.document_path() {
        Some(path) => load::from_path(path),
        None => Ok(load::builtin()),
    };
    let document = match document {
        Ok(document) => document,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::from(load::EXIT_DOCUMENT_ERROR);
        }
    };
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "vision-tui: standard output is not a terminal, so there is nothing to draw on.\n\
             Run it in a terminal (over SSH: `ssh -t`)."
        );
        return ExitCode::from(EXIT_TERMINAL);
    }
    let state = if cli.presents() {
        State::presenting(document, Theme::default())
    } else {
        State::new(document, Theme::default())
    };
    match run(state) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(err) => {
            eprintln!("vision-tui: {err}");
            ExitCode::from(EXIT_TERMINAL)
        }
    }
}

fn run(mut state: State) -> Result<runtime::Outcome, Box<dyn std::error::Error>> {
    let stop = StopFlags::default();
    runtime::watch_signals(&stop)?;
    runtime::watch_hangup(&stop)?;
    let mut terminal = runtime::enter()?;
    if std::env::var_os("VISION_TUI_TEST_PANIC").is_some() {
        // Lets the end-to-end tests prove that a panic restores the terminal.
        terminal.draw(|frame| vision_tui::ui::view(&state, frame))?;
        panic!("VISION_TUI_TEST_PANIC is set: panicking on purpose");
    }
    let result = runtime::run(&mut terminal, &mut state, &mut CrosstermEvents, &stop);
    runtime::restore();
    Ok(result?)
}
