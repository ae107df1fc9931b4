//! The edge where the app meets a real terminal: entering and restoring it,
//! signals, hang-ups, and the event loop.
//!
//! - [`event_loop`]: the loop ([`run`], [`run_watching`]), generic over
//!   ratatui's `Backend` and an [`EventSource`], so tests drive the very same
//!   `update` and `view` with a `TestBackend` and scripted events, and other
//!   front ends can plug in.
//! - [`input`]: the terminal's bytes to key and mouse events (the
//!   local terminal's and, later, a remote one's).
//! - [`keys`]: key presses to actions, Esc glued to the next key included.
//! - [`local`]: the local terminal as an [`EventSource`]: input, signals and
//!   reloads wake one wait, so an idle app makes no system calls at all.
//! - [`raw_mode`]: raw mode, the alternate screen, the mouse, and their
//!   restoring on every way out.
//! - [`watchdog`]: signal handlers, and the thread that ends the process when
//!   the loop cannot (a hang-up, or a loop stuck writing).
//! - [`skip_unchanged`], [`sgr16`]: the backend that writes nothing for an
//!   unchanged frame, and the writer that fits colours to 16-colour terminals.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::Event;

pub mod event_loop;
pub mod input;
pub mod keys;
pub mod local;
pub mod raw_mode;
pub mod sgr16;
pub mod skip_unchanged;
pub mod watchdog;

pub use event_loop::{MAX_SIZE, clamp_size, fit, run, run_watching};
pub use local::LocalTerminal;
pub use raw_mode::{
    LEAVE, MOUSE_ON, RealTerminal, Setup, enter, leave, restore, take_back, take_over,
};
pub use watchdog::{GRACE, SIGNALS, Watchdog, install_watchdog};

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
    /// Waits up to `timeout` for the next event; `None` when none came, or
    /// when something else woke the wait (a signal, a finished reload: the
    /// loop then looks). A timeout too long to represent ([`Duration::MAX`])
    /// waits for as long as it takes.
    fn next_event(&mut self, timeout: Duration) -> io::Result<Option<Event>>;

    /// Whether the terminal has hung up: drawing and reading then fail, and
    /// the loop ends with [`Outcome::HangUp`] instead of an error.
    fn hung_up(&mut self) -> bool {
        false
    }

    /// Carries out a suspend (Ctrl-Z): gives the terminal back to the shell,
    /// stops the process until it is continued (`fg`), and takes the terminal
    /// again. Sources that cannot suspend (tests, a remote session) do nothing.
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }

    /// True, once, when the screen may no longer show what was drawn: the
    /// process was stopped and continued (SIGCONT). The loop then clears it
    /// and draws every cell again.
    fn screen_lost(&mut self) -> bool {
        false
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
