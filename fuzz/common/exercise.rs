//! What the loader's fuzz target does with each input, shared word for word
//! with the corpus replay in `tests/it/fuzz_replay.rs` (so `cargo test`
//! re-checks every committed seed and crash without nightly or libFuzzer).
//!
//! Bytes go through `vision_tui::load::parse` (UTF-8, RON, normalisation,
//! validation). An error must render as a message; a document must survive
//! the browser, the presentation and a search at a wide and a narrow size, and no
//! screen cell may hold a control character (which would reach the terminal).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use vision_tui::app::{Action, State, update};
use vision_tui::model::Document;
use vision_tui::theme::Theme;
use vision_tui::{load, ui};

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
    let mut state = State::new(document, Theme::default());
    for (width, height) in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
        update(&mut state, Resize { width, height });
        draw(&mut terminal, &state);
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
            for &action in step {
                update(&mut state, action);
            }
            draw(&mut terminal, &state);
        }
    }
    search_its_own_words(&mut state);
}

/// Types, letter by letter, words the document holds (from its last goal,
/// else its title), then erases two: after every key the search must find
/// what a plain scan of the texts finds (its index and narrowing are shortcuts).
fn search_its_own_words(state: &mut State) {
    use Action::*;
    let doc = &state.document;
    let text = doc.goals.last().map_or(&doc.title, |goal| &goal.text);
    let query: Vec<char> = text.chars().skip(2).take(9).collect();
    update(state, StartSearch);
    let keys = query.into_iter().map(SearchType);
    for action in keys.chain([SearchBackspace, SearchBackspace]) {
        update(state, action);
        let scanned = vision_tui::search::matching_areas(&state.document, &state.search.query);
        assert_eq!(state.search.hits(), scanned, "{:?}", state.search.query);
    }
    update(state, Back);
}

fn draw(terminal: &mut Terminal<TestBackend>, state: &State) {
    terminal
        .draw(|frame| ui::view(state, frame))
        .expect("drawing into a TestBackend cannot fail");
    for cell in &terminal.backend().buffer().content {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control character on screen: {:?}",
            cell.symbol()
        );
    }
}
