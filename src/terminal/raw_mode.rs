//! Raw mode, the alternate screen and the mouse: entering them, and giving
//! the terminal back as it was found.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::OnceLock;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Hide;
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{EnterAlternateScreen, disable_raw_mode, enable_raw_mode};

use super::{sgr16, skip_unchanged};
use crate::app::Size;

/// The terminal type the binary draws to: buffered, so a frame is one write,
/// with colour escapes fitted to 16-colour terminals when asked, and nothing
/// written for a frame that changes nothing.
pub type RealTerminal =
    Terminal<skip_unchanged::SkipUnchanged<CrosstermBackend<sgr16::Sgr16<BufWriter<Stdout>>>>>;

/// Mouse reporting as the app uses it: button presses and releases (1000,
/// which includes the wheel) in SGR encoding (1006). Not crossterm's
/// `EnableMouseCapture`, which also turns on any-motion tracking (1003): a
/// stream of bytes for every pointer move, which floods an SSH link.
pub const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";

/// Everything that gives the screen back, in one write, on every way out
/// (quit, signals, a panic, the watchdog, a suspend): every mouse mode anyone
/// may have turned on, off; the alternate screen cleared (in default colours)
/// before it is left, because tmux re-wraps its full-width rows to a changed
/// pane width when it is left, and rows of the last frame then appear above
/// the prompt; the main screen back; the cursor shown.
pub const LEAVE: &[u8] = b"\x1b[?1006l\x1b[?1003l\x1b[?1002l\x1b[?1000l\
    \x1b[0m\x1b[H\x1b[2J\x1b[?1049l\x1b[?25h";

/// How to set up the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    /// The colour depth to draw in.
    pub depth: crate::theme::color::Depth,
    /// Whether to report mouse clicks and the wheel.
    pub mouse: bool,
}

/// Puts the terminal in raw mode on the alternate screen, after installing a
/// panic hook that restores it first (so the panic message is readable).
pub fn enter(setup: Setup) -> io::Result<RealTerminal> {
    let depth = setup.depth;
    install_panic_hook();
    // crossterm 0.29 honours NO_COLOR by writing `ESC[;m` for every colour
    // change, a full reset that also wipes the bold and reverse video that
    // mark the selection. The app handles NO_COLOR itself (a monochrome
    // theme), so crossterm must always write what it is given.
    ratatui::crossterm::style::force_color_output(true);
    if let Ok(termios) = rustix::termios::tcgetattr(rustix::stdio::stdout()) {
        let _ = ORIGINAL_TERMIOS.set(termios);
    }
    if let Err(err) = take_over(setup.mouse) {
        restore();
        return Err(err);
    }
    // No Terminal::clear(): it asks the terminal for the cursor position, a
    // query that can hang over SSH. Entering the alternate screen is enough.
    let out = BufWriter::with_capacity(1 << 16, io::stdout());
    let sixteen = depth == crate::theme::color::Depth::Ansi16;
    let backend = CrosstermBackend::new(sgr16::Sgr16::new(out, sixteen));
    // A fixed viewport, resized by the loop on resize events: ratatui would
    // otherwise ask crossterm for the size before every frame, which opens
    // /dev/tty each time. One ioctl on stdout (a terminal, or the app would
    // be printing plain text) gives it here.
    let size = rustix::termios::tcgetwinsize(rustix::stdio::stdout())
        .map_or(Size::default(), |size| {
            super::clamp_size(size.ws_col, size.ws_row)
        });
    let viewport =
        ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, size.width, size.height));
    Terminal::with_options(
        skip_unchanged::SkipUnchanged::new(backend).with_cursor_hidden(),
        ratatui::TerminalOptions { viewport },
    )
}

/// Puts the terminal in raw mode on the alternate screen with the cursor
/// hidden (and the mouse reporting, if asked): at start, and when the app
/// comes back after being stopped (the shell had the terminal meanwhile).
pub fn take_over(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    // One write for all of it: every syscall counts at start-up.
    let mut out = io::stdout().lock();
    queue!(out, EnterAlternateScreen, Hide)?;
    if mouse {
        out.write_all(MOUSE_ON)?;
    }
    out.flush()
}

/// Takes the terminal again after the process was stopped and continued,
/// whatever was done to it meanwhile: raw mode is set afresh (a shell may
/// have changed the modes while crossterm still counts them as raw).
pub fn take_back(mouse: bool) -> io::Result<()> {
    let _ = disable_raw_mode();
    take_over(mouse)
}

/// Restores the terminal: main screen, cursor visible, raw mode off.
/// Safe to call more than once and from any thread; errors are ignored
/// because there is nothing better to do with them on the way out.
pub fn restore() {
    let mut out = io::stdout();
    let _ = out.write_all(LEAVE);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Restores the terminal at the end of a run, and lets `terminal` know:
/// dropped with a hidden cursor, ratatui shows it through its own writer and
/// `eprintln!`s any failure, which panics when the terminal has hung up.
pub fn leave(terminal: &mut RealTerminal) {
    restore();
    terminal.backend_mut().cursor_shown();
    let _ = terminal.show_cursor();
}

/// The exit status after a panic: Rust's own for a panic on the main thread.
pub const EXIT_PANIC: i32 = 101;

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
        // A panic on another thread (the reload thread, the watchdog) would
        // end only that thread, and the app would go on drawing on the
        // terminal just restored: end the process, as on the main thread.
        if std::thread::current().name() != Some("main") {
            std::process::exit(EXIT_PANIC);
        }
    }));
}

/// The terminal's settings before raw mode, for [`emergency_exit`].
pub(super) static ORIGINAL_TERMIOS: OnceLock<rustix::termios::Termios> = OnceLock::new();
