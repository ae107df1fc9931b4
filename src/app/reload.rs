//! Live reload: a new version of the document replaces the old one without
//! losing the reader's place; an invalid version is refused and explained.

use super::{State, clamp, rebuild_deck};
use crate::document::watch::Reload;
use crate::layout::slides::SlideKind;

/// Applies the result of re-reading the document file: a valid document
/// replaces the current one, keeping the selected focus area (by id) and the
/// slide; an error keeps the last good document and sets the banner.
pub fn reload(state: &mut State, result: Reload) {
    let document = match result {
        Ok(document) => document,
        Err(message) => {
            state.reload_error = Some(message);
            return;
        }
    };
    state.reload_error = None;
    let selected_id = state
        .document
        .focus_areas
        .get(state.selected)
        .map(|a| a.id.clone());
    // What the slide shows, and its focus area by id, so a reordered
    // document keeps the slide.
    let slide_kind = state.current_slide().map(|s| s.kind);
    let slide_area = state
        .current_slide()
        .and_then(|s| s.focus_area)
        .and_then(|i| state.document.focus_areas.get(i))
        .map(|a| a.id.clone());
    state.document = document;
    let find = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| state.document.focus_areas.iter().position(|a| &a.id == id))
    };
    if let Some(i) = find(&selected_id) {
        state.selected = i;
    }
    let new_slide_area = find(&slide_area);
    // The areas a search finds are indices into the document: find them again.
    super::search::refresh(state);
    if state.is_presenting() {
        let kind = match (slide_kind, new_slide_area) {
            (Some(SlideKind::FocusArea(_)), Some(i)) => Some(SlideKind::FocusArea(i)),
            (kind, _) => kind,
        };
        if let Some(topic) =
            kind.and_then(|kind| crate::layout::slides::index_of(&state.document, kind))
        {
            state.presentation.topic = topic;
        }
        rebuild_deck(state);
    } else {
        // The deck is rebuilt when the presentation starts; drop the stale one.
        state.presentation.deck = crate::layout::slides::Deck::default();
    }
    // Re-establish every invariant for the new document, as every transition does.
    clamp(state);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::state;
    use crate::app::{Action, Mode, Show, update};

    #[test]
    fn a_new_version_keeps_the_selection_by_id() {
        let mut s = state();
        update(&mut s, Action::JumpToFocusArea(4)); // Omställning
        let mut doc = crate::document::load::builtin();
        doc.focus_areas.reverse();
        doc.statement = "Changed.".into();
        reload(&mut s, Ok(doc.into()));
        assert_eq!(s.document.statement, "Changed.");
        assert_eq!(s.document.focus_areas[s.selected].id, "omstallning");
    }

    #[test]
    fn an_invalid_version_keeps_the_old_document_and_explains() {
        let mut s = state();
        reload(&mut s, Err("vision.ron:3:5: expected string".into()));
        assert_eq!(
            s.reload_error.as_deref(),
            Some("vision.ron:3:5: expected string")
        );
        assert_eq!(**s.document, crate::document::load::builtin());
        reload(&mut s, Ok(crate::document::load::builtin().into()));
        assert_eq!(
            s.reload_error, None,
            "the next valid version clears the banner"
        );
    }

    #[test]
    fn removing_the_selected_area_keeps_a_valid_selection() {
        let mut s = state();
        update(&mut s, Action::MoveToBottom);
        let mut doc = crate::document::load::builtin();
        doc.focus_areas.truncate(2);
        doc.goals
            .retain(|g| doc.focus_areas.iter().any(|a| a.id == g.focus_area));
        reload(&mut s, Ok(doc.into()));
        assert!(s.selected < 2);
    }

    #[test]
    fn an_active_search_finds_its_areas_in_the_new_version() {
        let mut s = state();
        update(&mut s, Action::StartSearch);
        for c in "tillsammans".chars() {
            update(&mut s, Action::SearchType(c));
        }
        update(&mut s, Action::SearchConfirm);
        assert_eq!(s.search.hits(), [4]);
        // Tillsammans moves to the front, and the last two areas go.
        let mut doc = crate::document::load::builtin();
        doc.focus_areas.swap(0, 4);
        doc.focus_areas.truncate(3);
        reload(&mut s, Ok(doc.into()));
        assert_eq!(s.search.hits(), [0], "found again, by its new index");
        assert_eq!(s.selected, 0);
        // Backspace goes back to what the shorter query finds in the new version.
        update(&mut s, Action::StartSearch);
        update(&mut s, Action::SearchBackspace);
        let query = s.search.query.clone();
        assert_eq!(
            s.search.hits(),
            crate::document::matching::matching_areas(&s.document, &query)
        );
    }

    #[test]
    fn presenting_keeps_the_slide_of_the_same_focus_area() {
        let mut s = state();
        update(&mut s, Action::JumpToFocusArea(3));
        update(&mut s, Action::StartPresentation);
        let mut doc = crate::document::load::builtin();
        doc.focus_areas.swap(0, 2);
        reload(&mut s, Ok(doc.into()));
        assert_eq!(s.mode, Mode::Present(Show::Slide));
        assert_eq!(
            s.current_slide().map(|sl| sl.heading.as_str()),
            Some("Experimentlust")
        );
    }
}
