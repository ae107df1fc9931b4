//! The loop with scripted input on a `TestBackend`.

use std::collections::VecDeque;
use std::io;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::theme::Theme;

/// Scripted events, then `q`.
struct Script(VecDeque<Event>);

impl EventSource for Script {
    fn next_input(&mut self, _timeout: Option<Duration>) -> io::Result<Option<Input>> {
        let quit = Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
        Ok(Some(Input::Terminal(self.0.pop_front().unwrap_or(quit))))
    }
}

/// Runs the loop on a terminal whose backend holds `backend` cells, drawn
/// (as the real terminal is) in a fixed viewport of `width`×`height`.
fn run_script(
    backend: Size,
    width: u16,
    height: u16,
    events: &[Event],
) -> (Terminal<TestBackend>, State) {
    let mut state = State::new(crate::document::load::builtin(), Theme::default());
    let viewport = ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, width, height));
    let mut terminal = Terminal::with_options(
        TestBackend::new(backend.width, backend.height),
        ratatui::TerminalOptions { viewport },
    )
    .unwrap();
    let mut script = Script(events.iter().cloned().collect());
    let outcome = run(
        &mut terminal,
        &mut state,
        &mut script,
        Size { width, height },
    )
    .unwrap();
    assert_eq!(outcome, Outcome::Quit);
    (terminal, state)
}

#[test]
fn sizes_are_clamped_to_what_the_app_draws() {
    assert_eq!(
        clamp_size(80, 24),
        Size {
            width: 80,
            height: 24
        }
    );
    assert_eq!(clamp_size(0, 0), Size::default());
    assert_eq!(clamp_size(1000, 500), MAX_SIZE);
    assert_eq!(clamp_size(65535, 65535), MAX_SIZE);
    assert_eq!(
        clamp_size(20000, 40),
        Size {
            width: MAX_SIZE.width,
            height: 40
        }
    );
    assert_eq!(
        clamp_size(120, 20000),
        Size {
            width: 120,
            height: MAX_SIZE.height
        }
    );
}

#[test]
fn an_absurd_resize_draws_at_most_the_clamped_size() {
    // The backend stands for the part of a 65535×65535 screen the app draws.
    let events = [Event::Resize(65535, 65535)];
    let (mut terminal, state) = run_script(MAX_SIZE, 80, 24, &events);
    assert_eq!(state.size, MAX_SIZE);
    let area = terminal.get_frame().area();
    assert_eq!((area.width, area.height), (MAX_SIZE.width, MAX_SIZE.height));
    let drawn = terminal.backend().buffer();
    let last_row = drawn.content[drawn.content.len() - usize::from(MAX_SIZE.width)..]
        .iter()
        .map(|cell| cell.symbol())
        .collect::<String>();
    assert!(
        !last_row.trim().is_empty(),
        "the footer on the last row drawn"
    );
    // And back to a normal size.
    let events = [Event::Resize(20000, 20000), Event::Resize(100, 30)];
    let (mut terminal, state) = run_script(MAX_SIZE, 80, 24, &events);
    assert_eq!(
        state.size,
        Size {
            width: 100,
            height: 30
        }
    );
    assert_eq!(terminal.get_frame().area().width, 100);
}
