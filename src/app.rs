//! The application's state and its pure transitions.
//!
//! [`update`] takes a [`State`] and an [`Action`] and changes the state. It does
//! no I/O and never fails, so every transition is a unit test and a proptest
//! can throw any sequence of actions at it. It keeps these invariants:
//! - `selected` indexes a focus area (or is 0 when there are none);
//! - the selected row is inside the list's visible window;
//! - every scroll offset is within its text, for the current terminal size
//!   (unless the terminal is too small to show any text: then offsets are kept
//!   as they were, so growing the terminal again returns to the same place);
//! - while the terminal is too small, no action but a resize, the clock and
//!   quitting changes anything: the screen comes back as it was.
//!
//! Each action is one [`transition`]. An action that stands for another
//! (the wheel over a slide turns it, Enter with no number typed goes to the
//! next slide, closing the presentation from its help first closes the help)
//! returns that one as a follow-up, and `update` applies it as a transition of
//! its own, as in ratatui's Elm architecture: no transition calls another.
//!
//! To clamp scrolling, `update` measures with the pure [`crate::layout`] that
//! `ui::view` draws from, with the same parameters (the `State` methods of
//! `measure`), so what is drawn and what `update` believes can never disagree.

pub mod action;
pub mod follow;
pub mod keymap;
mod link;
mod measure;
pub mod mode;
mod mouse;
mod present;
mod reload;
mod scroll;
mod search;
mod state;
#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;

pub use action::Action;
pub use link::{Target, link_for, open, resolve};
pub use mode::{Mode, Origin, Pane, Show, Underlay};
pub(crate) use present::rebuild_deck;
pub use reload::reload;
pub use search::Search;
pub use state::{Presentation, Size, State, TerminalRequest};

pub use crate::layout::{BlockLine, Step};

use scroll::{clamp, page, step};

/// Applies `action`, then each follow-up it leads to, one [`transition`] at
/// a time. Pure: no I/O, no panics, invariants restored on return.
pub fn update(state: &mut State, action: Action) {
    let mut next = Some(action);
    while let Some(action) = next {
        next = transition(state, action);
    }
}

/// How a part of [`transition`] took an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Handled {
    /// Not its action: the next part may take it.
    No,
    /// Taken.
    Done,
    /// Taken, and it stands for this action next.
    Then(Action),
}

/// Applies `action` alone and returns the action it leads to, if any (which
/// [`update`] applies next). Invariants are restored on return.
pub fn transition(state: &mut State, action: Action) -> Option<Action> {
    // Requests to the terminal change nothing on screen, on any screen.
    let request = match action {
        Action::Suspend => Some(TerminalRequest::Suspend),
        Action::Redraw => Some(TerminalRequest::Redraw),
        _ => None,
    };
    if request.is_some() {
        state.terminal_request = request;
        return None;
    }
    // While "terminal too small" is shown, keys and clicks act on nothing
    // the user can see: they are ignored, so the screen comes back as it
    // was when the terminal grows. Only quitting (the notice says how) works.
    if state.too_small()
        && !matches!(
            action,
            Action::Resize { .. }
                | Action::Tick { .. }
                | Action::Quit
                | Action::ForceQuit
                | Action::PresenterAt(_)
                | Action::PresenterLeft
                | Action::RoomAttendance(_)
        )
    {
        return None;
    }
    let before = state.selected;
    let was_at = state.position();
    if follow::update(state, action).is_some() {
        if state.selected != before {
            state.detail_scroll = 0;
        }
        clamp(state);
        return None;
    }
    if !matches!(action, Action::Tick { .. } | Action::Resize { .. }) {
        state.message = None;
    }
    if matches!(
        action,
        Action::MoveDown
            | Action::MoveUp
            | Action::MoveToTop
            | Action::MoveToBottom
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::JumpToFocusArea(_)
    ) {
        state.anchor_goal = None;
    }
    let mut handled = Handled::No;
    if state.is_presenting() {
        handled = present::update(state, action);
    }
    if handled == Handled::No {
        handled = mouse::update_mouse(state, action);
    }
    if handled == Handled::No && search::update(state, action) {
        handled = Handled::Done;
    }
    if handled == Handled::No {
        browse(state, action);
    }
    if state.selected != before {
        state.detail_scroll = 0;
    }
    clamp(state);
    // After the clamp, which may move the selection onto a search's hit.
    if follow::detaches(was_at, state, action) {
        state.room.following = false;
    }
    match handled {
        Handled::Then(next) => Some(next),
        Handled::No | Handled::Done => None,
    }
}

/// The browser's transitions (and quitting, the clock and resizes anywhere).
fn browse(state: &mut State, action: Action) {
    match action {
        Action::Quit | Action::ForceQuit => state.should_quit = true,
        // Handled first, above.
        Action::Suspend
        | Action::Redraw
        | Action::Follow
        | Action::PresenterAt(_)
        | Action::PresenterLeft
        | Action::RoomAttendance(_) => {}
        Action::Resize { width, height } => state.size = Size { width, height },
        Action::Tick { seconds } => state.clock = seconds,
        Action::ShowLink => {
            if let Mode::Browse(_) = state.mode {
                state.message = link_for(state);
            }
        }
        Action::StartPresentation => {
            if let Mode::Browse(pane) = state.mode {
                present::start(state, Origin::Browser(pane));
            }
        }
        Action::ToggleHelp => {
            state.mode = match state.mode {
                Mode::Help(under) => under.into(),
                Mode::Browse(pane) => Mode::Help(Underlay::Browse(pane)),
                Mode::Background(pane) => Mode::Help(Underlay::Background(pane)),
                Mode::Present(show) => Mode::Help(Underlay::Present(show)),
                Mode::Search(pane) => Mode::Help(Underlay::Browse(pane)),
            };
            state.help_scroll = 0;
        }
        Action::ToggleBackground => match state.mode {
            Mode::Browse(pane) => {
                state.mode = Mode::Background(pane);
                state.background_scroll = BlockLine::default();
            }
            Mode::Background(pane) => state.mode = Mode::Browse(pane),
            Mode::Help(_) | Mode::Present(_) | Mode::Search(_) => {}
        },
        Action::Back => {
            state.mode = match state.mode {
                Mode::Help(under) => under.into(),
                Mode::Background(pane) => Mode::Browse(pane),
                Mode::Browse(_) | Mode::Present(_) | Mode::Search(_) => {
                    Mode::Browse(Pane::FocusList)
                }
            }
        }
        Action::NextPane | Action::PreviousPane => {
            if let Mode::Browse(pane) = state.mode {
                state.mode = Mode::Browse(match pane {
                    Pane::FocusList => Pane::GoalDetail,
                    Pane::GoalDetail => Pane::FocusList,
                });
            }
        }
        Action::FocusList => {
            if let Mode::Browse(_) = state.mode {
                state.mode = Mode::Browse(Pane::FocusList);
            }
        }
        Action::FocusDetail => {
            if let Mode::Browse(_) = state.mode {
                state.mode = Mode::Browse(Pane::GoalDetail);
            }
        }
        Action::JumpToFocusArea(number) => {
            let index = usize::from(number).saturating_sub(1);
            if matches!(state.mode, Mode::Browse(_))
                && number >= 1
                && index < state.document.focus_areas.len()
                && (!state.search.is_active() || state.search.hits().contains(&index))
            {
                state.selected = index;
            }
        }
        Action::MoveDown => step(state, Step::Down(1)),
        Action::MoveUp => step(state, Step::Up(1)),
        Action::MoveToTop => step(state, Step::Top),
        Action::MoveToBottom => step(state, Step::Bottom),
        Action::PageDown => page(state, true, false),
        Action::PageUp => page(state, false, false),
        Action::HalfPageDown => page(state, true, true),
        Action::HalfPageUp => page(state, false, true),
        // Mouse and search actions are handled in their own modules.
        Action::Click { .. } | Action::Wheel { .. } => {}
        Action::StartSearch
        | Action::SearchType(_)
        | Action::SearchBackspace
        | Action::SearchConfirm
        | Action::NextHit
        | Action::PreviousHit => {}
        // Presentation actions outside a presentation do nothing.
        Action::NextSlide
        | Action::PreviousSlide
        | Action::FirstSlide
        | Action::LastSlide
        | Action::Confirm
        | Action::TypeDigit(_)
        | Action::ToggleOverview
        | Action::ToggleBlank
        | Action::ToggleNotes
        | Action::ScrollNotesDown
        | Action::ScrollNotesUp
        | Action::ToggleTimer
        | Action::ClosePresentation => {}
    }
}
