//! A session's loop as steps its front end drives: draw when a frame is due
//! and may be written, wait (the front end's business, blocking or not) at
//! most [`SessionLoop::timeout`], apply what came. The local terminal drives
//! it from a blocking wait ([`super::run`]); an SSH session from a task on
//! the server's runtime. The loop's rules live here once for both.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use super::{Input, Outcome, RunError, drawn_area, fit, fit_state, keys};
use crate::app::{Action, Size, State, TerminalRequest, update};
use crate::ui;

/// What the front end is to do after an input was applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Wait for the next input.
    Continue,
    /// Carry out a suspend (Ctrl-Z); the screen is drawn anew afterwards.
    Suspend,
    /// The session has ended.
    Ended(Outcome),
}

/// What a session's loop keeps between its steps, apart from the terminal and
/// the state.
#[derive(Debug)]
pub struct SessionLoop {
    /// When the session started: the clock counts from here.
    started: Instant,
    /// The terminal's size as the front end last heard it.
    size: Size,
    /// Whether the screen no longer shows the state.
    dirty: bool,
    /// Whether the next frame must clear the screen and send every cell.
    /// Resizing the terminal and drawing anew write to it (a clear) before
    /// any frame: they wait for the frame, so a front end that cannot draw
    /// (a client that is not reading) gets nothing piled up meanwhile.
    redraw: bool,
}

impl SessionLoop {
    /// Starts the loop on a terminal of `size` (as its front end last heard
    /// it). Its first frame is due, unless the terminal already shows
    /// `state` (a caller that drew it as early as it could).
    pub fn new<B>(
        terminal: &mut Terminal<B>,
        state: &mut State,
        size: Size,
    ) -> Result<Self, RunError>
    where
        B: Backend,
        B::Error: Send + Sync + 'static,
    {
        // A frame drawn before the loop shows the state already: drawing it
        // again would cost a whole render for a diff of nothing.
        let mut dirty = terminal.get_frame().count() == 0;
        dirty |= fit(terminal, state, size.width, size.height).map_err(draw_error::<B>)?;
        Ok(Self {
            started: Instant::now(),
            size,
            dirty,
            redraw: false,
        })
    }

    /// Draws the state when the screen no longer shows it and `can_draw`
    /// says a frame may be written. `can_draw` is asked only when a frame is
    /// due: a front end that says no promises to wake the loop (with
    /// [`Input::Drained`]) once it may, and must not do so for nothing.
    pub fn draw_if_due<B>(
        &mut self,
        terminal: &mut Terminal<B>,
        state: &mut State,
        can_draw: impl FnOnce() -> bool,
    ) -> Result<(), RunError>
    where
        B: Backend,
        B::Error: Send + Sync + 'static,
    {
        if !self.dirty || !can_draw() {
            return Ok(());
        }
        let size = self.size;
        if self.redraw {
            redraw_everything(terminal, state, size).map_err(draw_error::<B>)?;
            self.redraw = false;
        } else {
            fit(terminal, state, size.width, size.height).map_err(draw_error::<B>)?;
        }
        terminal
            .draw(|frame| ui::view(state, frame))
            .map_err(draw_error::<B>)?;
        self.dirty = false;
        Ok(())
    }

    /// How long the front end may wait for input: until the next whole
    /// second when the clock is on screen, else for as long as it takes.
    pub fn timeout(&self, state: &State) -> Option<Duration> {
        if !clock_on_screen(state) {
            return None;
        }
        let elapsed = self.started.elapsed();
        Some(Duration::from_secs(elapsed.as_secs() + 1).saturating_sub(elapsed))
    }

    /// Applies what the wait brought (`None`: the time was up). The front end
    /// then carries out a [`Step::Suspend`], and shows its seat the state
    /// (a presenter's room hears where it now is).
    pub fn apply<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        state: &mut State,
        input: Option<Input>,
    ) -> Step {
        // The clock is the loop's business (I/O); `update` only hears the
        // seconds, before the input, so a presentation started now starts now.
        let seconds = self.started.elapsed().as_secs();
        if seconds != state.clock {
            update(state, Action::Tick { seconds });
            self.dirty |= clock_on_screen(state);
        }
        match input {
            Some(Input::Terminal(Event::Key(key))) => self.dirty |= keys::apply_key(state, &key),
            Some(Input::Terminal(Event::Mouse(mouse))) => {
                if let Some(action) = crate::app::keymap::mouse_action(&mouse) {
                    update(state, action);
                    self.dirty = true;
                }
            }
            Some(Input::Terminal(Event::Resize(width, height))) => {
                self.size = Size { width, height };
                self.dirty |= fit_state(state, width, height)
                    || terminal.get_frame().area() != drawn_area(width, height);
            }
            Some(Input::Reload(reload)) => {
                crate::app::reload(state, reload);
                self.dirty = true;
            }
            Some(Input::Act(action)) => {
                update(state, action);
                self.dirty = true;
            }
            Some(Input::ScreenLost) => self.redraw = true,
            Some(Input::End(outcome)) => return Step::Ended(outcome),
            Some(Input::Terminal(_) | Input::Drained) | None => {}
        }
        let suspend = match state.terminal_request.take() {
            Some(TerminalRequest::Suspend) => {
                self.redraw = true;
                true
            }
            Some(TerminalRequest::Redraw) => {
                self.redraw = true;
                false
            }
            None => false,
        };
        self.dirty |= self.redraw;
        if state.should_quit {
            Step::Ended(Outcome::Quit)
        } else if suspend {
            Step::Suspend
        } else {
            Step::Continue
        }
    }
}

fn draw_error<B>(err: B::Error) -> RunError
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    RunError::Draw(Box::new(err))
}

/// Clears the screen and forgets the last frame, so the next one sends every
/// cell: for Ctrl-L, and after the process was stopped (the terminal, and
/// perhaps its size, changed meanwhile).
fn redraw_everything<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    size: Size,
) -> Result<(), B::Error> {
    fit(terminal, state, size.width, size.height)?;
    // A resize to the same area clears the screen (ESC[H ESC[J) and resets
    // the last frame, and, unlike `Terminal::clear`, sends no cursor query.
    let area = terminal.get_frame().area();
    terminal.resize(area)
}

/// Whether the presentation's clock is on screen (an idle app otherwise
/// redraws nothing, and sends no bytes, as time passes).
fn clock_on_screen(state: &State) -> bool {
    state.is_presenting() && state.presentation.timer
}

#[cfg(test)]
mod tests;
