//! Keys to `update`: each key is looked up in the key map in the mode the
//! state is in when that key's turn comes.
//!
//! Esc and the key typed right after it can arrive in one read (a fast
//! typist, or one SSH packet), and crossterm then reports them as one
//! Alt+key. With no Alt binding for it, that is two keys: Esc, then the key
//! in whatever mode Esc led to. `Esc q` in the search quits, and `Esc j` in
//! the presentation moves down the browser's list, as when typed slowly.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{State, update};

/// Applies a key press to the state; false when it meant nothing.
pub fn apply_key(state: &mut State, key: &KeyEvent) -> bool {
    if apply_one(state, key) {
        return true;
    }
    match split_escape(key) {
        Some([esc, then]) => {
            let closed = apply_one(state, &esc);
            // Looked up only now: Esc may have changed the mode.
            apply_one(state, &then) || closed
        }
        None => false,
    }
}

/// Applies one key as the key map reads it in the current mode.
fn apply_one(state: &mut State, key: &KeyEvent) -> bool {
    match state.keymap.action_for(state.mode, key) {
        Some(action) => {
            update(state, action);
            true
        }
        None => false,
    }
}

/// The Esc and the key that an Alt+key press may stand for.
fn split_escape(key: &KeyEvent) -> Option<[KeyEvent; 2]> {
    if key.kind != KeyEventKind::Press || !key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let then = KeyEvent {
        modifiers: key.modifiers - KeyModifiers::ALT,
        ..*key
    };
    Some([esc, then])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{presenting_at, state as browsing};
    use crate::app::{Action, Mode, Pane, Show};

    fn alt(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
    }

    fn presenting(from_browser: bool) -> State {
        let state = if from_browser {
            let mut state = browsing();
            update(&mut state, Action::StartPresentation);
            state
        } else {
            presenting_at(80, 24)
        };
        assert!(state.is_presenting());
        state
    }

    #[test]
    fn esc_q_in_the_presentation_leaves_it_then_quits() {
        for from_browser in [true, false] {
            let mut state = presenting(from_browser);
            assert!(apply_key(&mut state, &alt('q')));
            assert_eq!(state.mode, Mode::Browse(Pane::FocusList));
            assert!(state.should_quit, "q quits the browser Esc led to");
        }
    }

    #[test]
    fn esc_j_in_the_presentation_moves_down_the_browsers_list() {
        let mut state = presenting(true);
        let selected = state.selected;
        assert!(apply_key(&mut state, &alt('j')));
        assert_eq!(state.mode, Mode::Browse(Pane::FocusList));
        assert_eq!(state.selected, selected + 1);
    }

    #[test]
    fn esc_q_and_esc_j_with_the_notes_panel_open() {
        let mut state = presenting(true);
        update(&mut state, Action::ToggleNotes);
        assert!(state.presentation.notes);
        assert!(apply_key(&mut state, &alt('j')));
        assert_eq!(state.mode, Mode::Browse(Pane::FocusList));
        assert_eq!(state.selected, 1, "j moved the list, not the slides");
        update(&mut state, Action::StartPresentation);
        assert!(state.presentation.notes, "the panel is still open");
        assert!(apply_key(&mut state, &alt('q')));
        assert!(state.should_quit);
    }

    #[test]
    fn esc_q_in_the_search_closes_it_then_quits() {
        let mut state = browsing();
        update(&mut state, Action::StartSearch);
        update(&mut state, Action::SearchType('l'));
        assert!(apply_key(&mut state, &alt('q')));
        assert!(!matches!(state.mode, Mode::Search(_)));
        assert!(state.should_quit);
    }

    #[test]
    fn esc_then_a_key_of_the_same_screen_and_esc_alone() {
        // The overview: Esc back to the slide, then j to the next slide.
        let mut state = presenting(false);
        update(&mut state, Action::ToggleOverview);
        let before = (state.presentation.topic, state.presentation.part);
        assert!(apply_key(&mut state, &alt('j')));
        assert_eq!(state.mode, Mode::Present(Show::Slide));
        assert_ne!((state.presentation.topic, state.presentation.part), before);
        // A key with no meaning after Esc: Esc alone still counts.
        let mut state = browsing();
        update(&mut state, Action::ToggleHelp);
        assert!(apply_key(&mut state, &alt('x')));
        assert_eq!(state.mode, Mode::Browse(Pane::FocusList));
    }
}
