//! The `vision-tui` binary: parse the command line, then either run a
//! printing subcommand or load the document and run the event loop in the
//! real terminal. Everything else lives in the library.
#![forbid(unsafe_code)]

use std::io::{IsTerminal, Write as _};
use std::path::Path;
use std::process::ExitCode;

use vision_tui::app::{self, State};
use vision_tui::commands;
use vision_tui::commands::cli::{Cli, Command, EXIT_TERMINAL, EXIT_USAGE};
use vision_tui::commands::config;
use vision_tui::commands::export::{Format, Options};
use vision_tui::document::load;
use vision_tui::document::watch::{DocumentWatcher, WatchError};
use vision_tui::session;
use vision_tui::terminal::{self, LocalTerminal, StopFlags};
use vision_tui::theme::Theme;

fn main() -> ExitCode {
    let cli = match Cli::from_env() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    ExitCode::from(match &cli.command {
        Some(Command::Check { paths, format }) => {
            // Only a config named with --config is checked: `check` is about documents.
            match cli.start.config.as_deref().map(|path| settings(Some(path))) {
                Some(Err(status)) => status,
                _ => commands::check(paths, *format),
            }
        }
        Some(Command::Init { path }) => commands::init(path),
        Some(Command::Completions { shell }) => commands::completions(*shell),
        Some(Command::Man) => commands::man(),
        Some(Command::Config { default }) => {
            if *default {
                commands::print(&vision_tui::commands::config::default_text())
            } else {
                eprintln!(
                    "vision-tui config: use --default to print a complete, commented config file"
                );
                EXIT_USAGE
            }
        }
        Some(Command::Export {
            path,
            format,
            output,
            notes,
        }) => {
            let loaded = settings(cli.start.config.as_deref())
                .and_then(|settings| Ok((settings, load_or_report(path.as_deref())?)));
            match loaded {
                Ok((settings, doc)) => {
                    let options = Options {
                        notes: *notes,
                        lang: cli.start.lang.or(settings.config.lang),
                    };
                    commands::export(&doc, *format, output.as_deref(), &options)
                }
                Err(status) => status,
            }
        }
        #[cfg(feature = "ssh")]
        Some(Command::Serve(args)) => serve(&cli, args),
        Some(Command::Present { .. }) | None => browse_or_present(&cli),
    })
}

/// `vision-tui serve`: the document, the config and the theme are checked
/// as for browsing; then the server runs until a signal stops it.
#[cfg(feature = "ssh")]
fn serve(cli: &Cli, args: &vision_tui::commands::cli::ServeArgs) -> u8 {
    let start = cli.start_args();
    let settings = match settings(start.config.as_deref()) {
        Ok(settings) => settings,
        Err(status) => return status,
    };
    let document = match load_or_report(args.path.as_deref()) {
        Ok(document) => document,
        Err(status) => return status,
    };
    let theme = match named_theme(start, &settings) {
        Ok(theme) => theme,
        Err(status) => return status,
    };
    let look = vision_tui::serve::Look::new(start, &settings, theme, args.present);
    let watch = settings.config.watch.unwrap_or(true);
    let options = vision_tui::serve::Options::new(&args.server, &args.listen, args.present, look);
    // crossterm would otherwise follow the server's own NO_COLOR for every
    // client; each session picks its colours from its client.
    ratatui::crossterm::style::force_color_output(true);
    match vision_tui::serve::process::serve_until_stopped(
        document.into(),
        args.path.as_deref(),
        watch,
        options,
    ) {
        Ok(status) => status,
        Err(err) => {
            eprintln!("vision-tui serve: {err}");
            EXIT_TERMINAL
        }
    }
}

/// The theme `--theme` names (checked), else the config's; a bad name is
/// reported and is exit 64.
fn named_theme(
    start: &vision_tui::commands::cli::StartArgs,
    settings: &config::Settings,
) -> Result<Option<Theme>, u8> {
    match start.theme.as_deref().map(Theme::by_name_or_path) {
        Some(Ok(theme)) => Ok(Some(theme)),
        Some(Err(err)) => {
            eprintln!("{err}");
            Err(EXIT_USAGE)
        }
        None => Ok(settings.theme.clone()),
    }
}

/// The config, checked; a bad one is reported and is exit 78.
fn settings(path: Option<&Path>) -> Result<config::Settings, u8> {
    config::load(path).map_err(|err| {
        eprintln!("{err}");
        config::EXIT_CONFIG
    })
}

fn load_or_report(path: Option<&Path>) -> Result<vision_tui::document::model::Document, u8> {
    commands::load_document(path).map_err(|err| {
        eprintln!("{err}");
        load::EXIT_DOCUMENT_ERROR
    })
}

fn browse_or_present(cli: &Cli) -> u8 {
    let path = cli.document_path().map(|p| p.as_path());
    let start = cli.start_args();
    let settings = match settings(start.config.as_deref()) {
        Ok(settings) => settings,
        Err(status) => return status,
    };
    let document = match load_or_report(path) {
        Ok(document) => document,
        Err(status) => return status,
    };
    let target = match start
        .open
        .as_deref()
        .map(|link| app::resolve(&document, link))
    {
        Some(Err(message)) => {
            eprintln!(
                "error: --open: {}",
                vision_tui::document::load::printable::printable(&message)
            );
            return EXIT_USAGE;
        }
        Some(Ok(target)) => Some(target),
        None => None,
    };
    // A theme named on the command line is checked even when it will not be
    // drawn (plain text, no colour): a mistake shows the first time.
    let theme = match named_theme(start, &settings) {
        Ok(theme) => theme,
        Err(status) => return status,
    };
    // The theme as named, for the participants of `present --serve` (each
    // gets it at their own colour depth).
    #[cfg(feature = "ssh")]
    let named_theme = theme.clone();
    // No terminal to draw on (a pipe, a file, TERM=dumb) or --plain: the
    // document as plain text, so `vision-tui | less` and screen readers work.
    if start.plain || !std::io::stdout().is_terminal() || commands::dumb_terminal() {
        let options = Options {
            notes: false,
            lang: start.lang.or(settings.config.lang),
        };
        return commands::export(&document, Format::Text, None, &options);
    }
    let color = start
        .color
        .or(settings.config.color)
        .unwrap_or(vision_tui::theme::color::ColorChoice::Auto);
    let (theme, depth) = vision_tui::theme::choose(theme, color);
    let mut state = if cli.presents() {
        State::presenting(document, theme)
    } else {
        State::new(document, theme)
    };
    state.source = path.map(Path::to_path_buf);
    if let Some(lang) = start.lang.or(settings.config.lang) {
        state.set_language(lang);
    }
    state.keymap = settings.keymap.clone();
    let watch = !start.no_watch && settings.config.watch.unwrap_or(true);
    if let Some(target) = target {
        app::open(&mut state, target);
    }
    let setup = terminal::Setup {
        depth,
        mouse: !start.no_mouse && settings.config.mouse.unwrap_or(true),
    };
    // The built-in document has no file to watch.
    let watch_path = path.filter(|_| watch);
    #[cfg(feature = "ssh")]
    let workshop = match &cli.command {
        Some(Command::Present {
            serve: Some(listen),
            server,
            ..
        }) => {
            let look = vision_tui::serve::Look::new(start, &settings, named_theme, true);
            let options = vision_tui::serve::Options::new(server, listen, true, look);
            match vision_tui::serve::start(state.document.clone(), options) {
                Ok(running) => {
                    vision_tui::serve::process::say_where(&running, listen);
                    Some(running)
                }
                Err(err) => {
                    eprintln!("vision-tui present --serve: {err}");
                    return EXIT_TERMINAL;
                }
            }
        }
        _ => None,
    };
    #[cfg(not(feature = "ssh"))]
    let workshop = None;
    match run(state, setup, watch_path, workshop) {
        Ok(outcome) => outcome.exit_code(),
        Err(err) => {
            // Not eprintln!, which panics when the terminal is gone.
            let _ = writeln!(std::io::stderr(), "vision-tui: {err}");
            EXIT_TERMINAL
        }
    }
}

fn run(
    mut state: State,
    setup: terminal::Setup,
    watch_path: Option<&Path>,
    workshop: Option<Workshop>,
) -> Result<session::Outcome, Box<dyn std::error::Error>> {
    let stop = StopFlags::default();
    let watchdog = terminal::install_watchdog(&stop)?;
    let mut terminal_input = LocalTerminal::new(&stop, setup.mouse)?;
    let watcher = watch_path
        .map(|path| watch(path, &terminal_input))
        .transpose()?;
    if let Some(watcher) = watcher.flatten() {
        terminal_input.watch(watcher);
    }
    #[cfg(feature = "ssh")]
    if let Some(running) = &workshop {
        present_to_the_room(running, &mut state, &mut terminal_input)?;
    }
    let mut terminal = terminal::enter(setup)?;
    // The first frame before anything else (the loop sees it was drawn and
    // waits for input).
    let area = terminal.get_frame().area();
    let size = app::Size {
        width: area.width,
        height: area.height,
    };
    session::fit(&mut terminal, &mut state, size.width, size.height)?;
    terminal.draw(|frame| vision_tui::ui::view(&state, frame))?;
    // Lets the end-to-end tests prove that a panic restores the terminal and
    // ends the process, on the main thread or another (`=thread`).
    match std::env::var("VISION_TUI_TEST_PANIC").as_deref() {
        Ok("thread") => {
            let _ =
                std::thread::spawn(|| panic!("VISION_TUI_TEST_PANIC=thread: panicking on purpose"))
                    .join();
        }
        Ok(_) => panic!("VISION_TUI_TEST_PANIC is set: panicking on purpose"),
        Err(_) => {}
    }
    watchdog.start()?;
    let result = session::run(&mut terminal, &mut state, &mut terminal_input, size);
    terminal::leave(&mut terminal);
    #[cfg(not(feature = "ssh"))]
    let _ = workshop;
    #[cfg(feature = "ssh")]
    if let Some(running) = workshop {
        vision_tui::serve::log::set_enabled(true);
        running.shutdown(vision_tui::serve::GOODBYE_GRACE);
    }
    Ok(result?)
}

/// The server a presentation serves to (`present --serve`).
#[cfg(feature = "ssh")]
type Workshop = vision_tui::serve::Running;
#[cfg(not(feature = "ssh"))]
type Workshop = std::convert::Infallible;

/// Makes the local presentation the room's presenter: every move reaches
/// the participants, the room's news wakes the terminal, and reloads reach
/// the participants too. The server's log stays quiet while the app draws
/// on the terminal it would write to.
#[cfg(feature = "ssh")]
fn present_to_the_room(
    running: &Workshop,
    state: &mut State,
    terminal_input: &mut LocalTerminal,
) -> std::io::Result<()> {
    use vision_tui::app::follow::Role;
    let room = running.room();
    let waker = terminal_input.waker()?;
    room.wake_on_change(move || waker.wake());
    state.join_as_presenter();
    terminal_input.sit(Box::new(room.enter(Role::Presenter)));
    let reloader = running.reloader();
    terminal_input.pass_reloads_on(move |reload| reloader.reload(reload.clone()));
    if std::io::stderr().is_terminal() {
        vision_tui::serve::log::set_enabled(false);
    }
    Ok(())
}

/// Watches the document's file, waking the loop for each finished reload.
/// A FIFO or a device is not watched (it was read once, at start); a file
/// the system cannot watch is said so, and the app runs without reloading.
fn watch(path: &Path, terminal_input: &LocalTerminal) -> std::io::Result<Option<DocumentWatcher>> {
    let waker = terminal_input.waker()?;
    match DocumentWatcher::new(path, move || waker.wake()) {
        Ok(watcher) => Ok(Some(watcher)),
        Err(WatchError::NotAFile(_)) => Ok(None),
        Err(err) => {
            let shown = path.display().to_string();
            eprintln!(
                "vision-tui: not watching {} for changes: {}",
                vision_tui::document::load::printable::printable(&shown),
                vision_tui::document::load::printable::printable(&err.to_string())
            );
            Ok(None)
        }
    }
}
