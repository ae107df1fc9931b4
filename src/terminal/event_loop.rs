//! The event loop: wait for something to happen, turn it into actions for
//! `update`, draw when the state changed.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use super::{EventSource, Outcome, RunError, StopFlags};
use crate::app::{Action, Size, State, TerminalRequest, update};
use crate::document::watch::DocumentWatcher;
use crate::ui;

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

/// Like [`run`], showing the reloads `watcher` hands over. The source's wait
/// must wake when one is ready (the watcher's wake-up does that for
/// [`super::LocalTerminal`]).
pub fn run_watching<B, E>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    events: &mut E,
    stop: &StopFlags,
    watcher: Option<&DocumentWatcher>,
) -> Result<Outcome, RunError>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: EventSource,
{
    match run_until_stopped(terminal, state, events, stop, watcher) {
        Err(_) if events.hung_up() => Ok(Outcome::HangUp),
        result => result,
    }
}

fn run_until_stopped<B, E>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    events: &mut E,
    stop: &StopFlags,
    watcher: Option<&DocumentWatcher>,
) -> Result<Outcome, RunError>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: EventSource,
{
    let draw_error = |e: B::Error| RunError::Draw(Box::new(e));
    let started = Instant::now();
    // A caller that drew a frame before the loop (main draws the first one as
    // early as it can) hands over a screen that shows the state: drawing it
    // again would cost a whole render for a diff of nothing.
    let mut dirty = terminal.get_frame().count() == 0;
    // The terminal's size is asked once; from then on resizes arrive as
    // events, and an idle app makes no system calls to ask.
    let size = terminal.size().map_err(draw_error)?;
    dirty |= fit(terminal, state, size.width, size.height).map_err(draw_error)?;
    loop {
        if let Some(outcome) = stop.check() {
            return Ok(outcome);
        }
        if dirty {
            terminal
                .draw(|frame| ui::view(state, frame))
                .map_err(draw_error)?;
            dirty = false;
        }
        let event = events
            .next_event(until_the_clock_ticks(state, started))
            .map_err(RunError::Input)?;
        // The clock is the loop's business (I/O); `update` only hears the
        // seconds, before the event, so a presentation started now starts now.
        let seconds = started.elapsed().as_secs();
        if seconds != state.clock {
            update(state, Action::Tick { seconds });
            dirty |= clock_on_screen(state);
        }
        match event {
            Some(Event::Key(key)) => dirty |= super::keys::apply_key(state, &key),
            Some(Event::Mouse(mouse)) => {
                if let Some(action) = crate::app::keymap::mouse_action(&mouse) {
                    update(state, action);
                    dirty = true;
                }
            }
            Some(Event::Resize(width, height)) => {
                dirty |= fit(terminal, state, width, height).map_err(draw_error)?;
            }
            Some(_) | None => {}
        }
        let mut redraw = events.screen_lost();
        match state.terminal_request.take() {
            Some(TerminalRequest::Suspend) => {
                events.suspend().map_err(RunError::Input)?;
                redraw |= events.screen_lost();
            }
            Some(TerminalRequest::Redraw) => redraw = true,
            None => {}
        }
        if redraw {
            redraw_everything(terminal, state).map_err(draw_error)?;
            dirty = true;
        }
        while let Some(reload) = watcher.and_then(DocumentWatcher::next_reload) {
            crate::app::reload(state, reload);
            dirty = true;
        }
        if state.should_quit {
            return Ok(Outcome::Quit);
        }
    }
}

/// Clears the screen and forgets the last frame, so the next one sends every
/// cell: for Ctrl-L, and after the process was stopped (the terminal, and
/// perhaps its size, changed meanwhile).
fn redraw_everything<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut State,
) -> Result<(), B::Error> {
    let size = terminal.size()?;
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

/// How long the loop may wait for input: until the next whole second when
/// the clock is on screen, else for as long as it takes.
fn until_the_clock_ticks(state: &State, started: Instant) -> Duration {
    if !clock_on_screen(state) {
        return Duration::MAX;
    }
    let elapsed = started.elapsed();
    Duration::from_secs(elapsed.as_secs() + 1).saturating_sub(elapsed)
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
    let size = clamp_size(width, height);
    let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    let mut changed = false;
    if terminal.get_frame().area() != area {
        terminal.resize(area)?;
        changed = true;
    }
    if state.size != size {
        update(
            state,
            Action::Resize {
                width: size.width,
                height: size.height,
            },
        );
        changed = true;
    }
    Ok(changed)
}

#[cfg(test)]
mod tests;
