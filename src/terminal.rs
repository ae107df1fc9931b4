//! The edge where the app meets the local terminal: raw mode, the alternate
//! screen, signals, hang-ups, the panic hook's restore, and the terminal as a
//! session's event source. Only this module (and `main.rs`) touches
//! process-wide things.
//!
//! - [`local`]: the local terminal as a session's [`EventSource`](crate::session::EventSource):
//!   input, signals and reloads wake one wait, so an idle app makes no system
//!   calls at all.
//! - [`raw_mode`]: raw mode, the alternate screen, the mouse, and their
//!   restoring on every way out.
//! - [`watchdog`]: signal handlers, and the thread that ends the process when
//!   the loop cannot (a hang-up, or a loop stuck writing).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::session::Outcome;

pub mod local;
pub mod raw_mode;
pub mod watchdog;

pub use local::LocalTerminal;
pub use raw_mode::{
    LEAVE, MOUSE_ON, RealTerminal, Setup, enter, leave, restore, take_back, take_over,
};
pub use watchdog::{GRACE, SIGNALS, Watchdog, install_watchdog};

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
