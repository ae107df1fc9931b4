//! The edge where the app meets a real terminal: entering and restoring it,
//! signals, hang-ups, and the event loop.
//!
//! The loop ([`run`]) is generic over ratatui's `Backend` and an
//! [`EventSource`], so tests drive the very same `update` and `view` with a
//! `TestBackend` and scripted events, and other front ends can plug in.

use std::io::{self, BufWriter, Stdout, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, queue};

use crate::app::{Action, Size, State, update};
use crate::ui;

/// How often the loop wakes without input to check for signals and hang-ups.
pub const TICK: Duration = Duration::from_millis(200);
/// How long after a signal or hang-up the watchdog waits for the loop to exit
/// cleanly before restoring the terminal and exiting itself.
pub const GRACE: Duration = Duration::from_secs(1);
/// The signals that end the app with the terminal restored.
pub const SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGQUIT,
];

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The user quit.
    Quit,
    /// A signal asked the process to stop.
    Signal(i32),
    /// The terminal went away.
    HangUp,
}

impl Outcome {
    /// The process exit status: 0, or 128 + the signal number (SIGHUP for a hang-up).
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Quit => 0,
            Outcome::Signal(n) => u8::try_from(128 + n).unwrap_or(255),
            Outcome::HangUp => u8::try_from(128 + signal_hook::consts::SIGHUP).unwrap_or(255),
        }
    }
}

/// Why the loop failed.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Drawing failed.
    #[error("cannot draw to the terminal: {0}")]
    Draw(Box<dyn std::error::Error + Send + Sync>),
    /// Reading input failed.
    #[error("cannot read from the terminal: {0}")]
    Input(#[source] io::Error),
}

/// Where input comes from.
pub trait EventSource {
    /// Waits up to `timeout` for the next event; `None` when none came.
    fn next_event(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// Input from the real terminal, via crossterm.
#[derive(Debug, Default)]
pub struct CrosstermEvents;

impl EventSource for CrosstermEvents {
    fn next_event(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if event::poll(timeout)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// Requests to stop from outside the loop: signals and hang-ups.
#[derive(Debug, Clone, Default)]
pub struct StopFlags {
    /// The number of the last signal, 0 for none (set by signal-hook's handler).
    signal: Arc<AtomicUsize>,
    hangup: Arc<AtomicBool>,
}

impl StopFlags {
    /// Records that signal `n` arrived.
    pub fn signal(&self, n: i32) {
        self.signal
            .store(usize::try_from(n).unwrap_or(0), Ordering::SeqCst);
    }

    /// Records that the terminal hung up.
    pub fn hang_up(&self) {
        self.hangup.store(true, Ordering::SeqCst);
    }

    /// The outcome, if anything asked the loop to stop.
    pub fn check(&self) -> Option<Outcome> {
        match self.signal.load(Ordering::SeqCst) {
            0 if self.hangup.load(Ordering::SeqCst) => Some(Outcome::HangUp),
            0 => None,
            n => Some(Outcome::Signal(i32::try_from(n).unwrap_or(i32::MAX))),
        }
    }
}

/// Runs the app until the user quits or `stop` is set.
pub fn run<B, E>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    events: &mut E,
    stop: &StopFlags,
) -> Result<Outcome, RunError>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: EventSource,
{
    run_watching(terminal, state, events, stop, None)
}

/// Like [`run`], reloading the document when `watcher` sees its file change.
pub fn run_watching<B, E>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    events: &mut E,
    stop: &StopFlags,
    mut watcher: Option<&mut crate::watch::DocumentWatcher>,
) -> Result<Outcome, RunError>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: EventSource,
{
    let draw_error = |e: B::Error| RunError::Draw(Box::new(e));
    let started = std::time::Instant::now();
    // A caller that drew a frame before the loop (main draws the first one as
    // early as it can) hands over a screen that shows the state: drawing it
    // again would cost a whole render for a diff of nothing.
    let mut dirty = terminal.get_frame().count() == 0;
    // The terminal's size is asked twice: now, and after the first wait for
    // input, by when crossterm listens for resizes (a resize before that
    // sends no event). From then on resizes arrive as events, and an idle
    // app makes no system calls to ask.
    let mut size_checks = 2;
    loop {
        if let Some(outcome) = stop.check() {
            return Ok(outcome);
        }
        // The clock is the loop's business (I/O); `update` only hears the seconds.
        let seconds = started.elapsed().as_secs();
        if seconds != state.clock {
            update(state, Action::Tick { seconds });
            // Redraw only when the clock is on screen: an idle app sends no bytes.
            dirty |= state.is_presenting() && state.presentation.timer;
        }
        if size_checks > 0 {
            size_checks -= 1;
            let size = terminal.size().map_err(draw_error)?;
            if (Size {
                width: size.width,
                height: size.height,
            }) != state.size
            {
                resize(terminal, state, size.width, size.height).map_err(draw_error)?;
                dirty = true;
            }
        }
        if dirty {
            terminal
                .draw(|frame| ui::view(state, frame))
                .map_err(draw_error)?;
            dirty = false;
        }
        match events.next_event(TICK).map_err(RunError::Input)? {
            Some(Event::Key(key)) => {
                for action in state.keymap.actions_for(state.mode, &key) {
                    update(state, action);
                    dirty = true;
                }
            }
            Some(Event::Mouse(mouse)) => {
                if let Some(action) = crate::keymap::mouse_action(&mouse) {
                    update(state, action);
                    dirty = true;
                }
            }
            Some(Event::Resize(width, height)) => {
                resize(terminal, state, width, height).map_err(draw_error)?;
                dirty = true;
            }
            Some(_) | None => {}
        }
        if let Some(result) = watcher
            .as_deref_mut()
            .and_then(crate::watch::DocumentWatcher::poll)
        {
            crate::app::reload(state, result);
            dirty = true;
        }
        if state.should_quit {
            return Ok(Outcome::Quit);
        }
    }
}

/// Fits the terminal's buffers and the state to a new size.
fn resize<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    width: u16,
    height: u16,
) -> Result<(), B::Error> {
    terminal.resize(ratatui::layout::Rect::new(0, 0, width, height))?;
    update(state, Action::Resize { width, height });
    Ok(())
}

pub mod frugal;
pub mod sgr;

/// The terminal type the binary draws to: buffered, so a frame is one write,
/// with colour escapes fitted to 16-colour terminals when asked, and nothing
/// written for a frame that changes nothing.
pub type RealTerminal = Terminal<frugal::Frugal<CrosstermBackend<sgr::Sgr16<BufWriter<Stdout>>>>>;

/// Puts the terminal in raw mode on the alternate screen, after installing a
/// panic hook that restores it first (so the panic message is readable).
/// Mouse reporting as the app uses it: button presses and releases (1000,
/// which includes the wheel) in SGR encoding (1006). Not crossterm's
/// `EnableMouseCapture`, which also turns on any-motion tracking (1003): a
/// stream of bytes for every pointer move, which floods an SSH link.
pub const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";
/// Turns off every mouse mode anyone may have turned on; sent on every exit.
pub const MOUSE_OFF: &[u8] = b"\x1b[?1006l\x1b[?1003l\x1b[?1002l\x1b[?1000l";

/// How to set up the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    /// The colour depth to draw in.
    pub depth: crate::theme::color::Depth,
    /// Whether to report mouse clicks and the wheel.
    pub mouse: bool,
}

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
    // One write for all of it: every syscall counts at start-up.
    let entered = enable_raw_mode().and_then(|()| {
        let mut out = io::stdout().lock();
        queue!(out, EnterAlternateScreen, Hide)?;
        if setup.mouse {
            out.write_all(MOUSE_ON)?;
        }
        out.flush()
    });
    if let Err(err) = entered {
        restore();
        return Err(err);
    }
    // No Terminal::clear(): it asks the terminal for the cursor position, a
    // query that can hang over SSH. Entering the alternate screen is enough.
    let out = BufWriter::with_capacity(1 << 16, io::stdout());
    let sixteen = depth == crate::theme::color::Depth::Ansi16;
    let backend = CrosstermBackend::new(sgr::Sgr16::new(out, sixteen));
    // A fixed viewport, resized by the loop on resize events: ratatui would
    // otherwise ask crossterm for the size before every frame, which opens
    // /dev/tty each time. One ioctl on stdout (a terminal, or the app would
    // be printing plain text) gives it here.
    let (width, height) = rustix::termios::tcgetwinsize(rustix::stdio::stdout())
        .map_or((0, 0), |size| (size.ws_col, size.ws_row));
    let viewport = ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, width, height));
    Terminal::with_options(
        frugal::Frugal::new(backend).with_cursor_hidden(),
        ratatui::TerminalOptions { viewport },
    )
}

/// Restores the terminal: main screen, cursor visible, raw mode off.
/// Safe to call more than once and from any thread; errors are ignored
/// because there is nothing better to do with them on the way out.
pub fn restore() {
    let mut out = io::stdout();
    let _ = out.write_all(MOUSE_OFF);
    let _ = execute!(out, LeaveAlternateScreen, Show);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// The terminal's settings before raw mode, for [`emergency_exit`].
static ORIGINAL_TERMIOS: OnceLock<rustix::termios::Termios> = OnceLock::new();

/// Restores the terminal without crossterm (whose locks the stuck main
/// thread may hold) and exits. Used when the loop did not exit by itself.
fn emergency_exit(code: i32) -> ! {
    let out = rustix::stdio::stdout();
    let _ = rustix::io::write(out, MOUSE_OFF);
    let _ = rustix::io::write(out, b"\x1b[?1049l\x1b[?25h");
    if let Some(termios) = ORIGINAL_TERMIOS.get() {
        let _ = rustix::termios::tcsetattr(out, rustix::termios::OptionalActions::Now, termios);
    }
    // std's exit only try-locks stdout to flush it, so this cannot deadlock
    // on a main thread blocked mid-write.
    std::process::exit(code)
}

/// What watches for signals and hang-ups: handlers installed at once, and
/// a thread started once the first frame is on screen (starting a thread
/// costs more than drawing the frame, and the frame is what the user waits for).
#[derive(Debug)]
pub struct Watchdog {
    stop: StopFlags,
    /// Readable when a signal has arrived (signal-hook writes a byte).
    wake: UnixStream,
}

/// Installs handlers for SIGTERM, SIGINT, SIGHUP and SIGQUIT: from now on a
/// signal records its number in `stop`, and the loop exits through the
/// normal restore within one [`TICK`]. [`Watchdog::start`] adds the fallback.
pub fn install_watchdog(stop: &StopFlags) -> io::Result<Watchdog> {
    let (wake, ring) = UnixStream::pair()?;
    wake.set_nonblocking(true)?;
    for signal in SIGNALS {
        let number = usize::try_from(signal).unwrap_or(0);
        signal_hook::flag::register_usize(signal, Arc::clone(&stop.signal), number)?;
        signal_hook::low_level::pipe::register(signal, ring.try_clone()?)?;
    }
    Ok(Watchdog {
        stop: stop.clone(),
        wake,
    })
}

impl Watchdog {
    /// Starts the watchdog thread. After a signal, if the loop is stuck for
    /// [`GRACE`], it restores the terminal and exits with 128 + the signal
    /// number itself. On a hang-up (the SSH connection dropped, the window
    /// closed) it exits at once with 128 + SIGHUP: there is no terminal left
    /// to restore. A hang-up need not bring a SIGHUP (the app may be in
    /// another session than the terminal's, or behind a wrapper that ignores
    /// it), and crossterm 0.29 then spins at full CPU in its reader
    /// (crossterm#793), so the terminal itself is watched.
    pub fn start(self) -> io::Result<()> {
        use std::io::{IsTerminal, Read};

        use rustix::event::{PollFd, PollFlags, poll};
        // stdin is watched only when it is the terminal: a closed pipe on stdin
        // (`echo | vision-tui`) also reports POLLHUP, and crossterm then reads
        // from /dev/tty instead.
        let watch_stdin = io::stdin().is_terminal();
        let Watchdog { stop, mut wake } = self;
        std::thread::Builder::new()
            .name("watchdog".into())
            .spawn(move || {
                let stdin = rustix::stdio::stdin();
                let stdout = rustix::stdio::stdout();
                loop {
                    // For the terminal no events are requested: poll still
                    // reports POLLHUP/POLLERR/POLLNVAL, and sleeps until one happens.
                    let mut fds = vec![
                        PollFd::new(&wake, PollFlags::IN),
                        PollFd::new(&stdout, PollFlags::empty()),
                    ];
                    if watch_stdin {
                        fds.push(PollFd::new(&stdin, PollFlags::empty()));
                    }
                    let polled = poll(&mut fds, None);
                    let broken = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                    let signalled = fds[0].revents().contains(PollFlags::IN);
                    let hung_up = match polled {
                        Ok(_) => fds[1..].iter().any(|fd| fd.revents().intersects(broken)),
                        Err(rustix::io::Errno::INTR) => false,
                        Err(_) => true,
                    };
                    if hung_up {
                        stop.hang_up();
                        emergency_exit(i32::from(Outcome::HangUp.exit_code()));
                    }
                    if signalled {
                        let _ = wake.read(&mut [0; 64]);
                        if let Some(Outcome::Signal(n)) = stop.check() {
                            std::thread::sleep(GRACE);
                            emergency_exit(128 + n);
                        }
                    }
                }
            })?;
        Ok(())
    }
}
