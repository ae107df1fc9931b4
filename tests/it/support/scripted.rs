//! The app's own event loop on a `TestBackend`, with scripted keys: what
//! the screen tests see is what `update` and `view` make of real key
//! presses, frame by frame as the binary draws them.

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use vision_tui::app::{Size, State};
use vision_tui::session::{self, EventSource, Input, Outcome};
use vision_tui::theme::Theme;

/// Scripted input: the keys, then `q`.
pub struct Script(pub VecDeque<Event>);

impl EventSource for Script {
    fn next_input(&mut self, _timeout: Option<Duration>) -> io::Result<Option<Input>> {
        Ok(Some(Input::Terminal(
            self.0.pop_front().unwrap_or(key(KeyCode::Char('q'))),
        )))
    }
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The keys that type `text`, then Enter.
pub fn typed(text: &str) -> Vec<KeyCode> {
    text.chars()
        .map(KeyCode::Char)
        .chain([KeyCode::Enter])
        .collect()
}

/// Runs the app on the built-in document at `width`×`height`, presses `keys`,
/// and returns the last frame drawn before quitting.
pub fn screen(width: u16, height: u16, keys: &[KeyCode]) -> Buffer {
    screen_of(
        State::new(vision_tui::document::load::builtin(), Theme::default()),
        width,
        height,
        keys,
    )
}

/// Like [`screen`], from a given starting state.
pub fn screen_of(mut state: State, width: u16, height: u16, keys: &[KeyCode]) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    // Quit is the last key; drawing happens before each key, so press a
    // harmless no-op key last to get the final frame drawn first.
    let mut events: VecDeque<Event> = keys.iter().map(|&code| key(code)).collect();
    events.push_back(key(KeyCode::Char('x')));
    let outcome = session::run(
        &mut terminal,
        &mut state,
        &mut Script(events),
        Size { width, height },
    )
    .unwrap();
    assert_eq!(outcome, Outcome::Quit);
    terminal.backend().buffer().clone()
}
