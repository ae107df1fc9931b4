//! The app without a terminal, driven as the event loop drives it: a state
//! told its screen size, then `update`, draw into a `TestBackend`, and check
//! what must hold after every step. Shared by the property, scale and screen
//! tests (`tests/it/`), the fuzz exercise (`fuzz/common/exercise.rs`) and the
//! benchmarks (`benches/vision.rs`, which take only [`state`]).
#![allow(
    dead_code,
    reason = "included by #[path] into several crates, each using a different part"
)]

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use vision_tui::app::{Action, Mode, State, update};
use vision_tui::document::SharedDocument;
use vision_tui::theme::Theme;
use vision_tui::ui;

/// `document` in the browser with the default theme, told its screen is
/// `width`×`height` (as the app is before its first frame).
pub fn state(document: impl Into<Arc<SharedDocument>>, (width, height): (u16, u16)) -> State {
    sized(State::new(document, Theme::default()), (width, height))
}

/// `state` told its screen is `width`×`height`.
pub fn sized(mut state: State, (width, height): (u16, u16)) -> State {
    update(&mut state, Action::Resize { width, height });
    state
}

/// A state and the screen it is drawn on, every step checked.
pub struct Driver {
    pub state: State,
    terminal: Terminal<TestBackend>,
}

impl Driver {
    /// Starts from `state` (already told its size), checked and drawn.
    pub fn new(state: State) -> Self {
        let size = (state.size.width, state.size.height);
        let terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("a test backend");
        let mut driver = Self { state, terminal };
        check_invariants(&driver.state);
        driver.draw();
        driver
    }

    /// `update`, then the invariants, then a frame at the state's size.
    pub fn apply(&mut self, action: Action) {
        update(&mut self.state, action);
        check_invariants(&self.state);
        self.draw();
    }

    /// [`apply`](Self::apply) for each action in turn.
    pub fn apply_all(&mut self, actions: impl IntoIterator<Item = Action>) {
        for action in actions {
            self.apply(action);
        }
    }

    /// One step of several actions, as one read of the terminal may bring:
    /// `update` with each (the invariants checked after each), then one frame.
    pub fn step(&mut self, actions: &[Action]) {
        for &action in actions {
            update(&mut self.state, action);
            check_invariants(&self.state);
        }
        self.draw();
    }

    /// The last frame drawn.
    pub fn screen(&self) -> &Buffer {
        self.terminal.backend().buffer()
    }

    fn draw(&mut self) {
        let (width, height) = (self.state.size.width, self.state.size.height);
        self.terminal.backend_mut().resize(width, height);
        self.terminal
            .draw(|frame| ui::view(&self.state, frame))
            .expect("drawing into a TestBackend cannot fail");
        assert_printable(self.screen());
    }
}

/// One frame of `state`, drawn on a fresh screen of its size and checked
/// for control characters.
pub fn drawn(state: &State) -> Buffer {
    let (width, height) = (state.size.width, state.size.height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test backend");
    terminal
        .draw(|frame| ui::view(state, frame))
        .expect("drawing into a TestBackend cannot fail");
    let buffer = terminal.backend().buffer().clone();
    assert_printable(&buffer);
    buffer
}

/// The screen's text, one line per row, as a terminal shows it (styles left out).
pub fn text(buffer: &Buffer) -> String {
    rows(buffer).join("\n")
}

/// The screen for a text snapshot: [`text`], each row in quotes so that
/// the spaces at its end stay visible (and no editor strips them).
pub fn text_snapshot(buffer: &Buffer) -> String {
    rows(buffer)
        .iter()
        .map(|row| format!("\"{row}\""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each row's symbols, less the cells a wide character covers (as the
/// content of `Buffer`'s Debug form, and as a terminal shows it).
fn rows(buffer: &Buffer) -> Vec<String> {
    let width = usize::from(buffer.area.width).max(1);
    buffer
        .content
        .chunks(width)
        .map(|row| {
            let mut text = String::new();
            let mut covered = 0;
            for cell in row {
                if covered == 0 {
                    text.push_str(cell.symbol());
                }
                covered = covered.max(cell.cell_width()).saturating_sub(1);
            }
            text
        })
        .collect()
}

/// No cell holds a control character (it would reach the terminal).
pub fn assert_printable(buffer: &Buffer) {
    for cell in &buffer.content {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control character on screen: {:?}",
            cell.symbol()
        );
    }
}

/// What must hold after every `update`, in any document at any size.
pub fn check_invariants(state: &State) {
    assert_eq!(
        state.search.hits(),
        vision_tui::document::matching::matching_areas(&state.document, &state.search.query),
        "narrowing while typing finds what searching the whole document finds"
    );
    if state.search.is_active() && !state.search.hits().is_empty() {
        assert!(
            state.search.hits().contains(&state.selected),
            "the selection is one of the hits"
        );
    }
    if state.is_presenting() {
        check_presentation(state);
    }
    let count = state.document.focus_areas.len();
    assert!(
        state.selected < count.max(1),
        "selection {} of {count}",
        state.selected
    );
    let m = state.measure();
    if m.too_small {
        return;
    }
    let rows = m.list.visible.max(1);
    if let Some(row) = state.visible_position(state.selected) {
        assert!(
            state.list_offset <= row && row < state.list_offset + rows,
            "selected row in view"
        );
    }
    assert!(
        state.list_offset < state.visible_len().max(1),
        "no row past the end"
    );
    assert!(state.detail_scroll <= m.detail.max_scroll());
    if matches!(state.mode, Mode::Help(_)) {
        assert!(state.help_scroll <= m.help.max_scroll());
    }
    if m.background.is_empty() {
        assert_eq!(state.background_scroll, Default::default());
    } else {
        let view = (m.background.width, m.background.height);
        assert_eq!(
            vision_tui::layout::background::clamp(&state.document, view, state.background_scroll),
            state.background_scroll,
            "the background is scrolled to a line that exists, not past the bottom"
        );
    }
}

fn check_presentation(state: &State) {
    let p = &state.presentation;
    assert!(
        !p.deck.slides.is_empty(),
        "a presentation always has slides"
    );
    let topics = vision_tui::layout::slides::count(&state.document);
    assert!(p.topic < topics && p.overview_pick < topics);
    assert!(p.part < p.deck.slides.len());
    let notes = state.notes_region();
    if !notes.is_empty() {
        assert!(
            p.notes_scroll <= notes.max_scroll(),
            "the notes are scrolled to a line that exists"
        );
    }
    assert!(
        p.deck
            .is_for(p.topic, (state.size.width, state.size.height), p.notes),
        "the deck is the topic on screen, laid out for this size and notes panel"
    );
}
