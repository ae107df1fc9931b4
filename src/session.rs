//! One session of the app: a [`State`], a terminal to draw on and an
//! [`EventSource`] that says everything that happens to it (keys, mouse,
//! resizes, reloads, the end). The local terminal is one front end of it;
//! an SSH connection is another. A session asks nothing of the process:
//! no size queries, no signals, no exit; it writes only through its
//! terminal's backend and ends with an [`Outcome`].
//!
//! - [`escapes`]: the bytes that set a terminal up and give it back.
//! - [`input`]: a terminal's bytes to key and mouse events, for any front end
//!   that reads bytes (the local terminal, an SSH channel).
//! - [`keys`]: key presses to actions, Esc glued to the next key included.
//! - [`step`]: the loop as steps ([`SessionLoop`]): when to draw, how long
//!   to wait, what an input does. [`run`] drives it from a blocking wait (the
//!   local terminal); an SSH session drives it from a task.
//! - [`skip_unchanged`], [`sgr16`]: the backend that writes nothing for an
//!   unchanged frame (and answers a client's size as its front end heard
//!   it), and the writer that fits colours to 16-colour terminals.

use std::io;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use crate::app::{Action, Size, State, update};
use crate::document::watch::Reload;

pub mod escapes;
pub mod input;
pub mod keys;
pub mod sgr16;
pub mod skip_unchanged;
pub mod step;

pub use step::{SessionLoop, Step};

/// Something that happened to a session.
#[derive(Debug, Clone)]
pub enum Input {
    /// A key, a mouse event, a paste or a new size (any size: it is clamped).
    Terminal(Event),
    /// The document was read again (for every session, from one watcher).
    Reload(Reload),
    /// Something another session did, as this session's action (the
    /// presenter moved; who is in the room changed).
    Act(Action),
    /// The screen may no longer show what was drawn (the process was stopped
    /// and continued): clear it and draw every cell again.
    ScreenLost,
    /// Nothing to apply, but look again whether a frame can be drawn (the
    /// front end finished sending the last one).
    Drained,
    /// The session must end now, for this reason.
    End(Outcome),
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The user quit.
    Quit,
    /// A signal asked the process to stop.
    Signal(i32),
    /// The terminal (or the client) went away.
    HangUp,
    /// The server is shutting down.
    Shutdown,
    /// No key for longer than the idle limit.
    Idle,
    /// The session reached its maximum length.
    TooLong,
}

impl Outcome {
    /// The process exit status for the local terminal: 0, or 128 + the signal
    /// number (SIGHUP for a hang-up).
    pub fn exit_code(self) -> u8 {
        use signal_hook::consts::SIGHUP;
        match self {
            Outcome::Quit | Outcome::Shutdown | Outcome::Idle | Outcome::TooLong => 0,
            Outcome::Signal(n) => u8::try_from(128 + n).unwrap_or(255),
            Outcome::HangUp => u8::try_from(128 + SIGHUP).unwrap_or(255),
        }
    }
}

/// Why a session failed.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Drawing failed.
    #[error("cannot draw to the terminal: {0}")]
    Draw(Box<dyn std::error::Error + Send + Sync>),
    /// Reading input failed.
    #[error("cannot read from the terminal: {0}")]
    Input(#[source] io::Error),
}

/// Where a session's input comes from.
pub trait EventSource {
    /// Waits up to `timeout` (`None`: for as long as it takes) for the next
    /// input; `None` when the time is up.
    fn next_input(&mut self, timeout: Option<Duration>) -> io::Result<Option<Input>>;

    /// Whether a frame may be written now. A front end that sends frames over
    /// a slow link says no while the last one is still on its way, and sends
    /// [`Input::Drained`] when it is gone: the session then draws the latest
    /// state, skipping the frames in between.
    fn can_draw(&mut self) -> bool {
        true
    }

    /// Whether the terminal has hung up: drawing and reading then fail, and
    /// the session ends with [`Outcome::HangUp`] instead of an error.
    fn hung_up(&mut self) -> bool {
        false
    }

    /// Sees the state after each input was applied: a presenter's seat in a
    /// workshop room publishes where it now is.
    fn observe(&mut self, state: &State) {
        let _ = state;
    }

    /// Carries out a suspend (Ctrl-Z): gives the terminal back to the shell,
    /// stops until continued (`fg`), and takes the terminal again; the screen
    /// is then drawn anew. Front ends that cannot suspend do nothing.
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Runs a session on a terminal of `size` (as its front end last heard it)
/// until it ends. Draws its own first frame, unless the terminal already
/// shows `state` (a caller that drew it as early as it could).
pub fn run<B, E>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    events: &mut E,
    size: Size,
) -> Result<Outcome, RunError>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: EventSource,
{
    match run_until_ended(terminal, state, events, size) {
        Err(_) if events.hung_up() => Ok(Outcome::HangUp),
        result => result,
    }
}

fn run_until_ended<B, E>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    events: &mut E,
    size: Size,
) -> Result<Outcome, RunError>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: EventSource,
{
    let mut session = SessionLoop::new(terminal, state, size)?;
    loop {
        session.draw_if_due(terminal, state, || events.can_draw())?;
        let input = events
            .next_input(session.timeout(state))
            .map_err(RunError::Input)?;
        let step = session.apply(terminal, state, input);
        if step == Step::Suspend {
            events.suspend().map_err(RunError::Input)?;
        }
        events.observe(state);
        if let Step::Ended(outcome) = step {
            return Ok(outcome);
        }
    }
}

/// A session's seat in a workshop room: what it tells the room, and what the
/// room asks of it. Front ends that read from a room (the local terminal
/// presenting with `--serve`) hold one; the room wakes them when it changed.
pub trait Seat: Send + std::fmt::Debug {
    /// Tells the room what the session now shows (a presenter's position,
    /// whether a participant follows).
    fn observe(&mut self, state: &State);

    /// The next thing the room asks of the session, as an action.
    fn next_action(&mut self) -> Option<Action>;
}

/// The largest screen the app draws, in columns and rows. A terminal (or,
/// over SSH, a client) may claim any size up to 65535×65535: drawing that
/// would need hundreds of gigabytes. Beyond this the app draws into the top
/// left part of the screen, and memory stays bounded (two buffers of
/// 500,000 cells).
pub const MAX_SIZE: Size = Size {
    width: 1000,
    height: 500,
};

/// The size the app draws at on a terminal of `width`×`height`.
pub fn clamp_size(width: u16, height: u16) -> Size {
    Size {
        width: width.min(MAX_SIZE.width),
        height: height.min(MAX_SIZE.height),
    }
}

/// Fits the terminal's buffers and the state to a terminal of
/// `width`×`height`, clamped by [`clamp_size`]: every size a front end hears
/// of goes through here. False when both already have that size (a resize
/// reported twice).
pub fn fit<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    width: u16,
    height: u16,
) -> Result<bool, B::Error> {
    let area = drawn_area(width, height);
    let mut changed = false;
    if terminal.get_frame().area() != area {
        terminal.resize(area)?;
        changed = true;
    }
    Ok(fit_state(state, width, height) || changed)
}

/// The part of a terminal of `width`×`height` the app draws in.
fn drawn_area(width: u16, height: u16) -> ratatui::layout::Rect {
    let size = clamp_size(width, height);
    ratatui::layout::Rect::new(0, 0, size.width, size.height)
}

/// Fits the state (not the terminal) to a terminal of `width`×`height`;
/// false when it already had that size.
fn fit_state(state: &mut State, width: u16, height: u16) -> bool {
    let size = clamp_size(width, height);
    if state.size == size {
        return false;
    }
    update(
        state,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    true
}

#[cfg(test)]
mod tests;
