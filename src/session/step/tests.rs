//! The loop's steps, driven by hand on a `TestBackend`.

use std::cell::Cell;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::theme::Theme;

const SIZE: Size = Size {
    width: 80,
    height: 24,
};

/// A fresh session on an 80×24 `TestBackend`, nothing drawn yet.
fn session() -> (Terminal<TestBackend>, State, SessionLoop) {
    let mut state = State::new(crate::document::load::builtin(), Theme::default());
    let viewport = ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 0, 0));
    let mut terminal = Terminal::with_options(
        TestBackend::new(SIZE.width, SIZE.height),
        ratatui::TerminalOptions { viewport },
    )
    .unwrap();
    let session = SessionLoop::new(&mut terminal, &mut state, SIZE).unwrap();
    (terminal, state, session)
}

fn key(c: char) -> Option<Input> {
    Some(Input::Terminal(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    ))))
}

/// The screen's text, row by row.
fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    buffer
        .content
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// What `state` looks like on a fresh 80×24 screen.
fn drawn(state: &State) -> String {
    let mut terminal = Terminal::new(TestBackend::new(SIZE.width, SIZE.height)).unwrap();
    terminal.draw(|frame| ui::view(state, frame)).unwrap();
    screen(&terminal)
}

#[test]
fn the_first_frame_is_drawn_unless_the_terminal_shows_the_state_already() {
    let (mut terminal, mut state, mut session) = session();
    session
        .draw_if_due(&mut terminal, &mut state, || true)
        .unwrap();
    assert_eq!(screen(&terminal), drawn(&state));
    assert_eq!(terminal.get_frame().count(), 1);
    // A caller that drew the first frame itself: the loop draws nothing.
    let mut session = SessionLoop::new(&mut terminal, &mut state, SIZE).unwrap();
    session
        .draw_if_due(&mut terminal, &mut state, || panic!("nothing is due"))
        .unwrap();
    assert_eq!(terminal.get_frame().count(), 1);
}

#[test]
fn a_frame_held_back_is_drawn_with_the_latest_state_once_it_may_be() {
    let (mut terminal, mut state, mut session) = session();
    session
        .draw_if_due(&mut terminal, &mut state, || true)
        .unwrap();
    let first = screen(&terminal);
    assert_eq!(
        session.apply(&mut terminal, &mut state, key('j')),
        Step::Continue
    );
    session
        .draw_if_due(&mut terminal, &mut state, || false)
        .unwrap();
    assert_eq!(screen(&terminal), first, "nothing drawn while it may not");
    assert_eq!(
        session.apply(&mut terminal, &mut state, key('j')),
        Step::Continue
    );
    assert_eq!(
        session.apply(&mut terminal, &mut state, Some(Input::Drained)),
        Step::Continue
    );
    session
        .draw_if_due(&mut terminal, &mut state, || true)
        .unwrap();
    assert_ne!(screen(&terminal), first);
    assert_eq!(screen(&terminal), drawn(&state), "both keys in one frame");
    assert_eq!(terminal.get_frame().count(), 2);
}

#[test]
fn whether_it_may_draw_is_asked_only_when_a_frame_is_due() {
    // Asking has a cost over SSH: a "no" promises a wake-up once the frame
    // in flight is sent.
    let (mut terminal, mut state, mut session) = session();
    session
        .draw_if_due(&mut terminal, &mut state, || true)
        .unwrap();
    let asked = Cell::new(0);
    // Unknown keys, a repeated size, a wake-up: nothing to draw.
    for input in [
        key('§'),
        Some(Input::Terminal(Event::Resize(80, 24))),
        Some(Input::Drained),
        None,
    ] {
        assert_eq!(
            session.apply(&mut terminal, &mut state, input),
            Step::Continue
        );
        session
            .draw_if_due(&mut terminal, &mut state, || {
                asked.set(asked.get() + 1);
                true
            })
            .unwrap();
    }
    assert_eq!(asked.get(), 0);
    session.apply(
        &mut terminal,
        &mut state,
        Some(Input::Terminal(Event::Resize(60, 20))),
    );
    session
        .draw_if_due(&mut terminal, &mut state, || {
            asked.set(asked.get() + 1);
            true
        })
        .unwrap();
    assert_eq!(asked.get(), 1);
    assert_eq!(terminal.get_frame().area().width, 60);
}

#[test]
fn the_clock_ticks_before_the_input_is_applied() {
    let (mut terminal, mut state, mut session) = session();
    session.started = Instant::now()
        .checked_sub(Duration::from_secs(5))
        .expect("5 s after boot");
    let step = session.apply(
        &mut terminal,
        &mut state,
        Some(Input::Act(Action::StartPresentation)),
    );
    assert_eq!(step, Step::Continue);
    assert_eq!(state.clock, 5);
    assert_eq!(
        state.presentation.started_at, 5,
        "a presentation started now starts now"
    );
}

#[test]
fn the_wait_is_bounded_only_while_the_clock_is_on_screen() {
    let (mut terminal, mut state, mut session) = session();
    assert_eq!(session.timeout(&state), None);
    session.apply(
        &mut terminal,
        &mut state,
        Some(Input::Act(Action::StartPresentation)),
    );
    session.apply(
        &mut terminal,
        &mut state,
        Some(Input::Act(Action::ToggleTimer)),
    );
    let timeout = session.timeout(&state).expect("the clock is on screen");
    assert!(timeout <= Duration::from_secs(1));
}

#[test]
fn an_end_ends_the_session_with_its_outcome_and_q_with_a_quit() {
    let (mut terminal, mut state, mut session) = session();
    for outcome in [Outcome::Shutdown, Outcome::HangUp, Outcome::Idle] {
        assert_eq!(
            session.apply(&mut terminal, &mut state, Some(Input::End(outcome))),
            Step::Ended(outcome)
        );
    }
    assert_eq!(
        session.apply(&mut terminal, &mut state, key('q')),
        Step::Ended(Outcome::Quit)
    );
}

#[test]
fn a_suspend_is_asked_of_the_front_end_and_the_screen_then_drawn_anew() {
    let (mut terminal, mut state, mut session) = session();
    session
        .draw_if_due(&mut terminal, &mut state, || true)
        .unwrap();
    let ctrl_z = Some(Input::Terminal(Event::Key(KeyEvent::new(
        KeyCode::Char('z'),
        KeyModifiers::CONTROL,
    ))));
    assert_eq!(
        session.apply(&mut terminal, &mut state, ctrl_z),
        Step::Suspend
    );
    // Drawn anew: the terminal is resized to its own area, which clears it
    // and forgets the last frame (so every cell is sent again).
    ratatui::backend::Backend::clear(terminal.backend_mut()).unwrap();
    assert_ne!(screen(&terminal), drawn(&state));
    session
        .draw_if_due(&mut terminal, &mut state, || true)
        .unwrap();
    assert_eq!(screen(&terminal), drawn(&state));
}
