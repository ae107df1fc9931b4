//! Search transitions: typing filters the focus areas live; Enter keeps the
//! filter and goes to the first hit; `n`/`N` step through hits; Esc clears.

use std::sync::Arc;

use super::{Action, Mode, State};
use crate::document::{SharedDocument, matching};

/// The search: what was typed, and what it finds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The query as typed.
    pub query: String,
    /// What it finds: the focus areas ([`Search::hits`]), and where, for
    /// the next letter's search to start from.
    found: matching::Found,
    /// What each shorter query typed on the way here found, so Backspace
    /// goes back without searching again (one entry per letter typed).
    earlier: Vec<matching::Found>,
    /// The document's texts folded for matching: made when the first letter
    /// is typed, kept until the document changes.
    folded: Option<Arc<matching::Folded>>,
}

impl Search {
    /// True while a search filters the list (something typed).
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// The focus areas the search finds, by index, in document order.
    pub fn hits(&self) -> &[usize] {
        &self.found.areas
    }

    /// No search yet, in `document`: a large document's texts are folded
    /// now, so that even the first letter typed does not wait for folding.
    pub(super) fn for_document(document: &SharedDocument) -> Self {
        Self {
            folded: fold_ahead(document),
            ..Self::default()
        }
    }
}

/// Documents with at least this much searchable text are folded when they
/// are shown; smaller ones when the first letter is typed: folding that
/// little text is too quick to notice.
const FOLD_AHEAD_BYTES: usize = 128 * 1024;

/// The folded texts of `document` if it is large enough to fold ahead.
fn fold_ahead(document: &SharedDocument) -> Option<Arc<matching::Folded>> {
    let len = |text: &Option<String>| text.as_ref().map_or(0, String::len);
    let areas: usize = document
        .focus_areas
        .iter()
        .map(|a| a.name.len() + len(&a.description) + len(&a.notes))
        .sum();
    let goals: usize = document
        .goals
        .iter()
        .map(|g| g.text.len() + len(&g.description) + len(&g.notes))
        .sum();
    (areas + goals >= FOLD_AHEAD_BYTES).then(|| document.folded())
}

/// Longest query kept: a paste of a whole document is not a search.
const MAX_QUERY_CHARS: usize = 200;

/// The document's texts folded for matching (folded now if not yet).
fn folded(state: &mut State) -> Arc<matching::Folded> {
    let document = &state.document;
    Arc::clone(state.search.folded.get_or_insert_with(|| document.folded()))
}

/// Searches the whole document again (after it changed).
pub(super) fn refresh(state: &mut State) {
    state.search.earlier.clear();
    state.search.folded = fold_ahead(&state.document);
    let found = if state.search.is_active() {
        folded(state).find(&state.search.query, None)
    } else {
        matching::Found::default()
    };
    state.search.found = found;
}

/// Adds a letter to the query: it can only narrow the search, so only the
/// areas found so far are searched again.
fn type_letter(state: &mut State, c: char) {
    let folded = folded(state);
    let s = &mut state.search;
    // Only a search already under way narrows: after a blank query, every area is searched.
    let narrowing = s.is_active();
    let shorter = std::mem::take(&mut s.found);
    s.query.push(c);
    s.found = folded.find(&s.query, narrowing.then_some(&shorter));
    s.earlier.push(shorter);
}

/// Removes the last letter: back to what the shorter query found.
fn erase_letter(state: &mut State) {
    if state.search.query.pop().is_none() {
        return;
    }
    match state.search.earlier.pop() {
        Some(found) => state.search.found = found,
        None => refresh(state),
    }
}

pub(super) fn clear(state: &mut State) {
    // The folded texts stay: the document has not changed.
    let folded = state.search.folded.take();
    state.search = Search {
        folded,
        ..Search::default()
    };
}

/// Goes to hit `index` (wrapping) and puts its first matching goal on top.
fn go_to_hit(state: &mut State, forward: bool) {
    let hits = state.search.hits();
    if hits.is_empty() {
        return;
    }
    let position = hits.iter().position(|&i| i == state.selected);
    let next = match (position, forward) {
        (Some(p), true) => (p + 1) % hits.len(),
        (Some(p), false) => (p + hits.len() - 1) % hits.len(),
        (None, _) => 0,
    };
    state.selected = hits[next];
    anchor_first_matching_goal(state);
}

fn anchor_first_matching_goal(state: &mut State) {
    let Some(needle) = matching::Needle::new(&state.search.query) else {
        state.anchor_goal = None;
        return;
    };
    let doc = &state.document;
    state.anchor_goal = doc.focus_areas.get(state.selected).and_then(|area| {
        doc.goals_of(&area.id)
            .find(|g| needle.finds(&g.text) || g.notes.as_deref().is_some_and(|n| needle.finds(n)))
            .map(|g| g.number)
    });
}

/// Handles search actions; false for everything else.
pub(super) fn update(state: &mut State, action: Action) -> bool {
    match (state.mode, action) {
        (Mode::Browse(pane), Action::StartSearch) => {
            state.mode = Mode::Search(pane);
        }
        (Mode::Search(_), Action::SearchType(c)) => {
            if !c.is_control() && state.search.query.chars().count() < MAX_QUERY_CHARS {
                type_letter(state, c);
            }
        }
        (Mode::Search(_), Action::SearchBackspace) => erase_letter(state),
        (Mode::Search(pane), Action::SearchConfirm) => {
            state.mode = Mode::Browse(pane);
            if !state.search.is_active() {
                clear(state);
            } else if let Some(&first) = state.search.hits().first() {
                state.selected = first;
                anchor_first_matching_goal(state);
            }
        }
        (Mode::Search(pane), Action::Back) => {
            clear(state);
            state.mode = Mode::Browse(pane);
        }
        // Esc in the browser clears a search before it steps back.
        (Mode::Browse(_), Action::Back) if state.search.is_active() => clear(state),
        (Mode::Browse(_), Action::NextHit) => go_to_hit(state, true),
        (Mode::Browse(_), Action::PreviousHit) => go_to_hit(state, false),
        (
            Mode::Search(_),
            Action::Quit
            | Action::ForceQuit
            | Action::ToggleHelp
            | Action::Resize { .. }
            | Action::Tick { .. },
        ) => return false,
        // While typing, every other key is ignored rather than acted on.
        (Mode::Search(_), _) => {}
        (
            _,
            Action::StartSearch
            | Action::SearchType(_)
            | Action::SearchBackspace
            | Action::SearchConfirm,
        )
        | (_, Action::NextHit | Action::PreviousHit) => {}
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{state, type_text};
    use crate::app::{Pane, Underlay, update};
    use crate::theme::Theme;

    #[test]
    fn a_large_document_is_folded_before_the_first_letter_a_small_one_on_it() {
        let mut s = state();
        assert!(s.search.folded.is_none(), "5 kB: folded when needed");
        update(&mut s, Action::StartSearch);
        update(&mut s, Action::SearchType('a'));
        assert!(s.search.folded.is_some());
        update(&mut s, Action::Back);
        assert!(s.search.folded.is_some(), "kept for the next search");
        let mut big = crate::document::load::builtin();
        big.goals[0].description = Some("ord ".repeat(FOLD_AHEAD_BYTES / 4));
        let mut s = State::new(big.clone(), Theme::default());
        assert!(s.search.folded.is_some(), "folded as it is shown");
        crate::app::reload(&mut s, Ok(big.into()));
        assert!(s.search.folded.is_some(), "and again when it changes");
        crate::app::reload(&mut s, Ok(crate::document::load::builtin().into()));
        assert!(
            s.search.folded.is_none(),
            "not a stale fold of the old version"
        );
    }

    #[test]
    fn typing_filters_live_and_enter_keeps_the_filter() {
        let mut s = state();
        update(&mut s, Action::StartSearch);
        assert_eq!(s.mode, Mode::Search(Pane::FocusList));
        type_text(&mut s, "omstallning");
        assert_eq!(s.search.hits(), [3]);
        assert_eq!(s.selected, 3, "the selection follows the filter live");
        assert_eq!((s.visible_len(), s.visible_at(0)), (1, Some(3)));
        update(&mut s, Action::SearchConfirm);
        assert_eq!((s.mode, s.selected), (Mode::Browse(Pane::FocusList), 3));
        assert!(s.search.is_active());
        update(&mut s, Action::MoveDown);
        assert_eq!(s.selected, 3, "moving stays among the hits");
        update(&mut s, Action::Back);
        assert!(!s.search.is_active(), "Esc clears the filter");
        assert_eq!(s.visible_len(), 5);
    }

    #[test]
    fn n_and_shift_n_step_through_hits_wrapping() {
        let mut s = state();
        update(&mut s, Action::StartSearch);
        type_text(&mut s, "alingsas"); // in the goals of every area
        update(&mut s, Action::SearchConfirm);
        let hits = s.search.hits().to_vec();
        assert!(hits.len() >= 3, "{hits:?}");
        assert_eq!(s.selected, hits[0]);
        update(&mut s, Action::NextHit);
        assert_eq!(s.selected, hits[1]);
        update(&mut s, Action::PreviousHit);
        update(&mut s, Action::PreviousHit);
        assert_eq!(s.selected, *hits.last().unwrap(), "wraps around");
    }

    #[test]
    fn a_search_with_no_hit_keeps_the_selection_and_esc_cancels() {
        let mut s = state();
        update(&mut s, Action::JumpToFocusArea(2));
        update(&mut s, Action::StartSearch);
        type_text(&mut s, "zzzz");
        assert!(s.search.hits().is_empty());
        assert_eq!(s.selected, 1);
        update(&mut s, Action::SearchBackspace);
        assert_eq!(s.search.query, "zzz");
        update(&mut s, Action::Back);
        assert_eq!(
            (s.mode, s.search.query.as_str()),
            (Mode::Browse(Pane::FocusList), "")
        );
    }

    #[test]
    fn keys_while_typing_are_text_not_commands() {
        let mut s = state();
        update(&mut s, Action::StartSearch);
        update(&mut s, Action::Quit);
        assert!(s.should_quit, "Ctrl-C still quits");
        let mut s = state();
        update(&mut s, Action::StartSearch);
        update(&mut s, Action::ToggleBackground);
        assert_eq!(s.mode, Mode::Search(Pane::FocusList));
        update(&mut s, Action::ToggleHelp);
        assert_eq!(s.mode, Mode::Help(Underlay::Browse(Pane::FocusList)));
    }
}
