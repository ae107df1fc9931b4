//! What the loader's fuzz target does with each input, shared word for word
//! with the corpus replay in `tests/it/fuzz_replay.rs` (so `cargo test`
//! re-checks every committed seed and crash without nightly or libFuzzer).
//!
//! Bytes go through `vision_tui::document::load::parse` (UTF-8, RON, normalisation,
//! validation). An error must render as a message; a document must survive
//! the browser, the presentation and a search at a wide, a narrow and a tiny
//! size, and every kind of action: after every action the app's invariants
//! hold, and no screen cell holds a control character (which would reach the terminal).
//!
//! The module that includes this file provides, next to it, `actions` and
//! `drive` (`benches/support/actions.rs` and `drive.rs`), the action list
//! and the update-draw-check loop the property tests use too.

use vision_tui::app::{Action, State};
use vision_tui::document::load;
use vision_tui::document::model::Document;

use super::actions::{self, Fields};
use super::drive::{self, Driver};

/// Sizes every valid document is drawn at: side by side, stacked, tiny.
const SIZES: [(u16, u16); 3] = [(80, 24), (41, 12), (12, 5)];

/// Runs one input; panics on any bug it finds.
pub fn exercise(bytes: &[u8]) {
    match load::parse("fuzz.ron", bytes) {
        Ok(document) => show(document),
        Err(err) => {
            // Positions, carets and hints are computed from the input: format them all.
            let message = err.to_string();
            assert!(!message.is_empty());
            for diagnostic in err.diagnostics() {
                let _ = diagnostic.to_string();
            }
        }
    }
}

fn show(document: Document) {
    use Action::*;
    let mut driver = Driver::new(drive::state(document, SIZES[0]));
    for (width, height) in SIZES {
        driver.apply(Resize { width, height });
        // A tour of every screen, scrolled to its ends.
        for step in [
            &[MoveDown, MoveToBottom][..],
            &[NextPane, PageDown],
            &[ToggleBackground, MoveToBottom],
            &[PageUp, MoveUp, HalfPageDown],
            &[Back, Back, ToggleHelp, PageDown],
            &[Back, StartPresentation],
            &[NextSlide, LastSlide],
            &[PreviousSlide, PreviousSlide],
            &[ToggleOverview],
            &[ToggleOverview, ToggleNotes],
            &[ClosePresentation, MoveToTop],
            &[StartSearch, SearchType('a'), SearchType('e')],
            &[SearchBackspace, SearchConfirm, NextHit],
            &[Back],
        ] {
            driver.step(step);
        }
    }
    // Then every kind of action, each drawn, on the stacked layout: clicks
    // and the wheel mid-screen.
    let (width, height) = SIZES[1];
    driver.apply(Resize { width, height });
    driver.apply_all(actions::every(Fields {
        size: (width, height),
        cell: (width / 2, height / 2),
        down: true,
        number: 3,
        letter: 'a',
    }));
    search_its_own_words(&mut driver.state);
}

/// Types, letter by letter, words the document holds (from its last goal,
/// else its title), then erases two: after every key the search must find
/// what a plain scan of the texts finds (its index and narrowing are shortcuts).
fn search_its_own_words(state: &mut State) {
    use Action::*;
    let doc = &state.document;
    let text = doc.goals.last().map_or(&doc.title, |goal| &goal.text);
    let query: Vec<char> = text.chars().skip(2).take(9).collect();
    vision_tui::app::update(state, StartSearch);
    let keys = query.into_iter().map(SearchType);
    for action in keys.chain([SearchBackspace, SearchBackspace]) {
        vision_tui::app::update(state, action);
        let scanned =
            vision_tui::document::matching::matching_areas(&state.document, &state.search.query);
        assert_eq!(state.search.hits(), scanned, "{:?}", state.search.query);
    }
    vision_tui::app::update(state, Back);
}
