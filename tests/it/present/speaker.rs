//! The speaker view (issue 15): a workshop presenter's notes panel, with the
//! next slide in miniature in a box beside the notes where the screen is
//! wide enough, and named in the notes' title where it is not. Snapshots
//! keep text and styles.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use vision_tui::app::State;
use vision_tui::layout::slides;
use vision_tui::theme::Theme;

use crate::support::drive::text;
use crate::support::scripted::{screen_of, typed};

fn presenting() -> State {
    State::presenting(vision_tui::document::load::builtin(), Theme::default())
}

/// A workshop's presenter on the built-in document, presenting.
fn presenter() -> State {
    let mut state = presenting();
    state.join_as_presenter();
    state
}

/// The keys that go to slide `n` and open the notes panel.
fn to_slide_with_notes(n: usize) -> Vec<KeyCode> {
    let mut keys = typed(&n.to_string());
    keys.push(KeyCode::Char('n'));
    keys
}

/// The text of `buffer` within `area`, row by row.
fn text_in(buffer: &Buffer, area: Rect) -> String {
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where the notes and the box go on a presenter's screen of `w`×`h`.
fn speaker_screen(w: u16, h: u16) -> slides::Screen {
    slides::screen(Rect::new(0, 0, w, h), true, true)
}

#[test]
fn the_speaker_view_shows_the_next_slide_beside_the_notes() {
    // Slide 5 lists the focus areas; the first of them comes next.
    let buffer = screen_of(presenter(), 100, 30, &to_slide_with_notes(5));
    insta::assert_debug_snapshot!("speaker_view_100x30", buffer);
    let screen = speaker_screen(100, 30);
    let next = screen.next.expect("a box beside the notes at 100×30");
    let boxed = text_in(&buffer, next);
    for shown in ["Nästa · 6 / 12", "Vackra miljöer", "Mål 5 · 2021–2023"] {
        assert!(boxed.contains(shown), "{shown} in the box:\n{boxed}");
    }
    let notes = text_in(&buffer, screen.notes);
    assert!(notes.contains("Anteckningar"), "{notes}");
    assert!(!notes.contains("Nästa"), "the box says it, not the title");
}

#[test]
fn a_topic_that_goes_on_shows_its_next_part_and_says_which() {
    // At 80×24 the first background section takes two slides.
    let buffer = screen_of(presenter(), 80, 24, &to_slide_with_notes(3));
    let next = speaker_screen(80, 24).next.expect("a box at 80×24");
    let boxed = text_in(&buffer, next);
    assert!(boxed.contains("Nästa · 3 / 12 (2/2)"), "{boxed}");
    // The second slide starts where the first stops, at its word.
    assert!(boxed.contains("│  Därefter kunde alla"), "{boxed}");
    assert!(!boxed.contains("deltog"), "{boxed}");
    assert!(boxed.contains('…'), "cut to the box:\n{boxed}");
}

#[test]
fn on_a_narrow_screen_the_notes_title_names_the_next_slide() {
    let buffer = screen_of(presenter(), 60, 20, &to_slide_with_notes(5));
    insta::assert_debug_snapshot!("speaker_view_60x20", buffer);
    assert!(speaker_screen(60, 20).next.is_none());
    let shown = text(&buffer);
    assert!(
        shown.contains("┌ Anteckningar · Nästa: Vackra miljöer ─"),
        "{shown}"
    );
    assert_eq!(shown.matches('┌').count(), 1, "one panel:\n{shown}");
}

#[test]
fn after_the_last_slide_the_box_says_the_presentation_ends() {
    let keys = [KeyCode::End, KeyCode::Char('n')];
    let next = speaker_screen(100, 30).next.expect("a box at 100×30");
    let boxed = text_in(&screen_of(presenter(), 100, 30, &keys), next);
    assert!(boxed.contains("Slut på presentationen"), "{boxed}");
    assert!(boxed.starts_with("┌ Nästa ─"), "{boxed}");
    let mut english = presenter();
    english.set_language(vision_tui::i18n::Lang::En);
    let boxed = text_in(&screen_of(english, 100, 30, &keys), next);
    assert!(boxed.contains("End of the presentation"), "{boxed}");
}

#[test]
fn only_a_presenter_in_a_workshop_gets_the_box() {
    let mut participant = presenting();
    participant.join_as_participant();
    for state in [presenting(), participant] {
        let shown = text(&screen_of(state, 100, 30, &to_slide_with_notes(5)));
        assert!(shown.contains("┌ Anteckningar ─"), "{shown}");
        assert!(!shown.contains("Nästa"), "{shown}");
    }
}
