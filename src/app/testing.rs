//! The states unit tests start from, shared by the tests of `app`, `ui` and
//! `terminal`: the built-in document (or a given one) with the default theme,
//! told its screen size as the app is before the first frame.

use super::{Action, State, update};
use crate::document::model::{Document, FocusArea, Goal};
use crate::theme::Theme;

/// The built-in document, browsing, on an 80×24 screen.
pub(crate) fn state() -> State {
    state_at(80, 24)
}

/// The built-in document, browsing, on a `width`×`height` screen.
pub(crate) fn state_at(width: u16, height: u16) -> State {
    sized(
        State::new(crate::document::load::builtin(), Theme::default()),
        width,
        height,
    )
}

/// `document`, browsing, on an 80×24 screen.
pub(crate) fn state_of(document: Document) -> State {
    sized(State::new(document, Theme::default()), 80, 24)
}

/// The built-in document, presenting from the start (as `vision-tui
/// present`), on a `width`×`height` screen.
pub(crate) fn presenting_at(width: u16, height: u16) -> State {
    presenting_of(crate::document::load::builtin(), width, height)
}

/// `document`, presenting from the start, on a `width`×`height` screen.
pub(crate) fn presenting_of(document: Document, width: u16, height: u16) -> State {
    sized(State::presenting(document, Theme::default()), width, height)
}

/// The built-in document with `areas` focus areas (ids `a0`, `a1`, …, area
/// `i` named `name(i)`) and `goals_each` goals for each, dealt out to the
/// areas in turn: goal `i` (numbered `i + 1`) has the text `text(i)`.
pub(crate) fn document(
    areas: usize,
    goals_each: usize,
    name: impl Fn(usize) -> String,
    text: impl Fn(usize) -> String,
) -> Document {
    let mut document = crate::document::load::builtin();
    document.focus_areas = (0..areas)
        .map(|i| FocusArea {
            id: format!("a{i}"),
            name: name(i),
            description: None,
            notes: None,
            links: vec![],
        })
        .collect();
    document.goals = (0..areas * goals_each)
        .map(|i| Goal {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            focus_area: format!("a{}", i % areas.max(1)),
            text: text(i),
            description: None,
            plan_period: None,
            notes: None,
            links: vec![],
        })
        .collect();
    document
}

/// Applies `actions` in order.
pub(crate) fn apply(state: &mut State, actions: &[Action]) {
    for &action in actions {
        update(state, action);
    }
}

/// Types `text` into the search, a character at a time.
pub(crate) fn type_text(state: &mut State, text: &str) {
    for c in text.chars() {
        update(state, Action::SearchType(c));
    }
}

fn sized(mut state: State, width: u16, height: u16) -> State {
    update(&mut state, Action::Resize { width, height });
    state
}
