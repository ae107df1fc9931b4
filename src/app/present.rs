//! The presentation's transitions, split from `app` to keep each file short.
//! Same rules as the rest of `update`: pure, total, invariants restored.

use super::{Action, Handled, Mode, Origin, Pane, Show, State};
use crate::layout::slides::{self, Deck, SlideKind};

/// Most digits a typed slide number may have (more is a typo, not a slide).
const MAX_TYPED_DIGITS: u32 = 6;

/// Starts presenting at the slide of the selected focus area.
pub(super) fn start(state: &mut State, origin: Origin) {
    let p = &mut state.presentation;
    p.origin = origin;
    p.typed = None;
    p.notes_scroll = 0;
    p.started_at = state.clock;
    let topic = slides::index_of(&state.document, SlideKind::FocusArea(state.selected));
    state.mode = Mode::Present(Show::Slide);
    go_to(state, topic.unwrap_or(0), 0);
}

/// Puts topic, part and overview pick back in range, and lays out the topic
/// on screen unless the deck already is that topic at this size. Only this
/// one topic is laid out, so every key costs the same in a document of any size.
pub(crate) fn lay_out(state: &mut State) {
    // Never zero: title, vision and closing are always there.
    let last = slides::count(&state.document).saturating_sub(1);
    let p = &mut state.presentation;
    p.topic = p.topic.min(last);
    p.overview_pick = p.overview_pick.min(last);
    let size = (state.size.width, state.size.height);
    if !p.deck.is_for(p.topic, size, p.notes) {
        p.deck = Deck::lay_out(&state.document, &state.strings, p.topic, size, p.notes);
    }
    p.part = p.part.min(p.deck.slides.len().saturating_sub(1));
    // Kept as it is while the panel is not on screen, like every offset.
    let notes = state.notes_region();
    if !notes.is_empty() {
        let p = &mut state.presentation;
        p.notes_scroll = p.notes_scroll.min(notes.max_scroll());
    }
}

/// Scrolls the speaker notes a panel down or up, keeping one line of the
/// panel before in view so the eye finds its place.
fn scroll_notes(state: &mut State, down: bool) {
    let notes = state.notes_region();
    if notes.is_empty() {
        return; // hidden, or not on screen
    }
    let step = notes.visible.saturating_sub(1).max(1);
    let p = &mut state.presentation;
    p.notes_scroll = if down {
        p.notes_scroll.saturating_add(step)
    } else {
        p.notes_scroll.saturating_sub(step)
    };
}

/// Lays the topic on screen out again after the document or the interface
/// language changed, keeping the presenter on the same topic and part.
pub(crate) fn rebuild_deck(state: &mut State) {
    state.presentation.deck = Deck::default();
    lay_out(state);
}

/// Shows slide `part` of topic `topic`; `usize::MAX` is its last slide
/// (`lay_out` brings the part into range), as paging back through a deck lands.
fn go_to(state: &mut State, topic: usize, part: usize) {
    let p = &mut state.presentation;
    if p.topic != topic {
        // Another topic, other notes: they start from the top.
        p.notes_scroll = 0;
    }
    p.topic = topic;
    p.part = part;
    p.typed = None;
    lay_out(state);
}

/// Leaves the presentation for the browser, on the slide's focus area.
fn leave(state: &mut State) {
    if let Some(area) = state.current_slide().and_then(|s| s.focus_area) {
        state.selected = area;
        state.detail_scroll = 0;
    }
    let pane = match state.presentation.origin {
        Origin::Browser(pane) => pane,
        Origin::CommandLine => Pane::FocusList,
    };
    state.mode = Mode::Browse(pane);
}

/// Handles `action` while presenting. [`Handled::No`] for actions the rest
/// of the transition handles (help, quit, the mouse, the clock under the help).
pub(super) fn update(state: &mut State, action: Action) -> Handled {
    let last = slides::count(&state.document).saturating_sub(1);
    if !matches!(action, Action::Tick { .. } | Action::Resize { .. }) {
        state.presentation.no_such_slide = None;
    }
    let Mode::Present(show) = state.mode else {
        // Help over the presentation: slide keys scroll the help.
        let scroll = match action {
            Action::NextSlide => Action::MoveDown,
            Action::PreviousSlide => Action::MoveUp,
            Action::FirstSlide => Action::MoveToTop,
            Action::LastSlide => Action::MoveToBottom,
            // Closes the help, then the presentation.
            Action::ClosePresentation => {
                state.mode = Mode::Present(Show::Slide);
                return Handled::Then(action);
            }
            Action::Resize { width, height } => {
                state.size = super::Size { width, height };
                return Handled::Done;
            }
            _ => return Handled::No,
        };
        state.help_scroll = match scroll {
            Action::MoveDown => state.help_scroll.saturating_add(1),
            Action::MoveUp => state.help_scroll.saturating_sub(1),
            Action::MoveToTop => 0,
            _ => usize::MAX,
        };
        return Handled::Done;
    };
    let p = &mut state.presentation;
    match (show, action) {
        // The slide is laid out again for the new size or room (`lay_out`, after every action).
        (_, Action::Resize { width, height }) => state.size = super::Size { width, height },
        (_, Action::ToggleNotes) => p.notes = !p.notes,
        (_, Action::ScrollNotesDown) => scroll_notes(state, true),
        (_, Action::ScrollNotesUp) => scroll_notes(state, false),
        (_, Action::ToggleTimer) => p.timer = !p.timer,
        (_, Action::ToggleBlank) => {
            state.mode = Mode::Present(if show == Show::Blank {
                Show::Slide
            } else {
                Show::Blank
            });
        }
        (Show::Blank, Action::Back) => state.mode = Mode::Present(Show::Slide),
        (_, Action::ToggleOverview) => {
            if show == Show::Overview {
                state.mode = Mode::Present(Show::Slide);
            } else {
                p.overview_pick = p.topic;
                p.typed = None;
                state.mode = Mode::Present(Show::Overview);
            }
        }
        (Show::Overview, Action::NextSlide) => p.overview_pick = (p.overview_pick + 1).min(last),
        (Show::Overview, Action::PreviousSlide) => {
            p.overview_pick = p.overview_pick.saturating_sub(1)
        }
        (Show::Overview, Action::FirstSlide) => p.overview_pick = 0,
        (Show::Overview, Action::LastSlide) => p.overview_pick = last,
        (Show::Overview, Action::Confirm) => {
            state.mode = Mode::Present(Show::Slide);
            go_to(state, state.presentation.overview_pick, 0);
        }
        (Show::Overview, Action::Back) => state.mode = Mode::Present(Show::Slide),
        (Show::Slide, Action::NextSlide) => {
            p.typed = None;
            if p.part + 1 < p.deck.slides.len() {
                p.part += 1;
            } else if p.topic < last {
                let next = p.topic + 1;
                go_to(state, next, 0);
            }
        }
        (Show::Slide, Action::PreviousSlide) => {
            p.typed = None;
            if p.part > 0 {
                p.part -= 1;
            } else if p.topic > 0 {
                let previous = p.topic - 1;
                go_to(state, previous, usize::MAX);
            }
        }
        (Show::Slide, Action::FirstSlide) => go_to(state, 0, 0),
        (Show::Slide, Action::LastSlide) => go_to(state, last, usize::MAX),
        (Show::Slide, Action::TypeDigit(digit)) => {
            let typed = p.typed.unwrap_or(0);
            if typed < 10u32.pow(MAX_TYPED_DIGITS - 1) {
                p.typed = Some(typed * 10 + u32::from(digit.min(9)));
            }
        }
        (Show::Slide, Action::Confirm) => match p.typed.take() {
            Some(number) if (1..=last + 1).contains(&(number as usize)) => {
                go_to(state, number as usize - 1, 0);
            }
            // Stay, and say there is no such slide: a typo must not jump.
            Some(number) => p.no_such_slide = Some(number),
            // Enter alone: the next slide.
            None => return Handled::Then(Action::NextSlide),
        },
        (Show::Slide, Action::Back) if p.typed.is_some() => p.typed = None,
        (Show::Slide, Action::Back) => leave(state),
        (_, Action::ClosePresentation) => match p.origin {
            Origin::Browser(_) => leave(state),
            Origin::CommandLine => state.should_quit = true,
        },
        (_, Action::Tick { seconds }) => {
            state.clock = seconds;
        }
        (
            _,
            Action::ToggleHelp
            | Action::Quit
            | Action::ForceQuit
            | Action::Click { .. }
            | Action::Wheel { .. },
        ) => {
            return Handled::No;
        }
        // Browser actions, and slide actions while blanked, do nothing here.
        _ => {}
    }
    Handled::Done
}

#[cfg(test)]
mod tests;
