//! The presentation: snapshots of every kind of slide (text and styles at
//! 80×24, the layout as text on a projector's 160×45), big Swedish letters,
//! and the browser round trip; the presenter's speaker view ([`speaker`]).

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use vision_tui::app::State;
use vision_tui::layout::slides::SlideKind;
use vision_tui::theme::Theme;

use crate::support::drive::{self, text, text_snapshot};
use crate::support::scripted::{screen_of, typed};

mod speaker;

fn presenting() -> State {
    State::presenting(vision_tui::document::load::builtin(), Theme::default())
}

/// Keys that reach the first slide of `kind`, by its number (the same at any size).
fn keys_to(kind: SlideKind) -> Vec<KeyCode> {
    let index = vision_tui::layout::slides::index_of(&vision_tui::document::load::builtin(), kind)
        .expect("the deck has this kind of slide");
    typed(&(index + 1).to_string())
}

const KINDS: [(&str, SlideKind); 7] = [
    ("title", SlideKind::Title),
    ("vision", SlideKind::Vision),
    ("background", SlideKind::Background(0)),
    ("focus_areas", SlideKind::FocusAreas(0)),
    ("focus_area_omstallning", SlideKind::FocusArea(3)),
    ("goals", SlideKind::Goals(0)),
    ("closing", SlideKind::Closing),
];

#[test]
fn every_kind_of_slide() {
    for (w, h) in [(80, 24), (160, 45)] {
        for (name, kind) in KINDS {
            let buffer = screen_of(presenting(), w, h, &keys_to(kind));
            let snapshot = format!("slide_{name}_{w}x{h}");
            if (w, h) == (80, 24) {
                insta::assert_debug_snapshot!(snapshot, buffer);
            } else {
                insta::assert_snapshot!(snapshot, text_snapshot(&buffer));
            }
            let shown = text(&buffer);
            assert!(shown.contains(" / "), "footer with n / N at {w}×{h}");
        }
    }
}

#[test]
fn title_slide_on_a_large_projector_font() {
    let buffer = screen_of(presenting(), 40, 12, &[]);
    insta::assert_debug_snapshot!("slide_title_40x12", buffer);
    let shown = text(&buffer);
    assert!(
        shown.contains("Vision 2040"),
        "too narrow for big letters: plain bold\n{shown}"
    );
    assert!(shown.contains("Alingsås kommun"));
}

#[test]
fn overview_notes_and_blank() {
    let buffer = screen_of(presenting(), 80, 24, &[KeyCode::Char('o'), KeyCode::Down]);
    insta::assert_debug_snapshot!("present_overview_80x24", buffer);
    assert!(text(&buffer).contains("▶  2  Vision"));
    let buffer = screen_of(presenting(), 80, 24, &[KeyCode::Char('n')]);
    assert!(text(&buffer).contains("Anteckningar"));
    let buffer = screen_of(presenting(), 80, 24, &[KeyCode::Char('b')]);
    assert!(
        text(&buffer).chars().all(|c| c == ' ' || c == '\n'),
        "blank means blank"
    );
}

/// The columns of `buffer` rows `rows` that hold any ink.
fn inked_columns(buffer: &Buffer, rows: std::ops::Range<u16>) -> Vec<u16> {
    (0..buffer.area.width)
        .filter(|&x| rows.clone().any(|y| buffer[(x, y)].symbol() != " "))
        .collect()
}

#[test]
fn big_swedish_letters_are_drawn() {
    // At 160×45 "Omställning" is drawn 8×8 cells per letter.
    let buffer = screen_of(presenting(), 160, 45, &keys_to(SlideKind::FocusArea(3)));
    let ink = inked_columns(&buffer, 1..9);
    let (left, right) = (*ink.first().unwrap(), *ink.last().unwrap());
    assert!(
        right - left + 1 >= 80,
        "11 letters of 8 columns, got {left}..{right}"
    );
    // Each of the 11 glyph cells has ink, including the 'ä' (the 5th).
    // BigText centres the 88 columns in the text area between the margins.
    let margin = vision_tui::layout::slides::geometry(160, 45, false).margin as u16;
    let start = margin + (160 - 2 * margin - 88) / 2;
    assert!(start <= left && left < start + 8);
    for letter in 0..11u16 {
        let cols = start + letter * 8..start + letter * 8 + 8;
        assert!(
            ink.iter().any(|c| cols.contains(c)),
            "letter {letter} of Omställning is blank"
        );
    }
    // The dots of the ä: ink above the x-height that a plain 'a' lacks.
    let a_umlaut = start + 4 * 8..start + 5 * 8;
    let top_row_ink = a_umlaut
        .clone()
        .filter(|&x| buffer[(x, 1)].symbol() != " " || buffer[(x, 2)].symbol() != " ")
        .count();
    assert!(top_row_ink > 0, "no umlaut dots over the ä");
}

#[test]
fn big_capitals_with_ring_and_dots_are_drawn() {
    let mut doc = vision_tui::document::load::builtin();
    doc.focus_areas[0].name = "ÅÄÖ åäö".to_string();
    let state = State::presenting(doc, Theme::default());
    let buffer = screen_of(state, 160, 45, &keys_to(SlideKind::FocusArea(0)));
    let ink = inked_columns(&buffer, 1..9);
    let (left, right) = (*ink.first().unwrap(), *ink.last().unwrap());
    assert!(
        right - left + 1 >= 50,
        "7 letters drawn big: {left}..{right}"
    );
    let slide_text = text(&buffer);
    assert!(
        !slide_text.contains("ÅÄÖ åäö"),
        "drawn big, not as plain text"
    );
}

#[test]
fn a_document_with_12_focus_areas_and_40_goals_gives_sensible_slides() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/good/many.ron");
    let doc = vision_tui::document::load::from_path(std::path::Path::new(path)).unwrap();
    assert_eq!((doc.focus_areas.len(), doc.goals.len()), (12, 40));
    for (w, h) in [(80, 24), (40, 12), (160, 45)] {
        let deck = vision_tui::layout::slides::build(&doc, w, h, false);
        for i in 0..12 {
            assert!(
                deck.iter().any(|s| s.kind == SlideKind::FocusArea(i)),
                "area {i} at {w}×{h}"
            );
        }
        // Every goal's text is on some slide, whole words, nothing cut off.
        let shown: String = deck
            .iter()
            .flat_map(|s| s.body.iter().map(|l| format!("{} ", l.text)))
            .collect();
        let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        for goal in &doc.goals {
            assert!(
                shown.contains(&goal.text),
                "goal {} missing at {w}×{h}",
                goal.number
            );
        }
        let state = State::presenting(doc.clone(), Theme::default());
        let last = vision_tui::layout::slides::count(&doc).to_string();
        let buffer = screen_of(state, w, h, &[KeyCode::End]);
        assert!(
            text(&buffer).contains(&format!("{last} / {last}")),
            "at {w}×{h}"
        );
    }
}

#[test]
fn the_clock_shows_elapsed_time_when_toggled() {
    use vision_tui::app::{Action, update};
    // The size first, as the app learns it before any key.
    let mut state = drive::sized(presenting(), (80, 24));
    update(&mut state, Action::Tick { seconds: 10 });
    update(&mut state, Action::ToggleTimer);
    update(&mut state, Action::Tick { seconds: 3_735 });
    // Drawn directly: the event loop would restart the clock from its own start.
    let draw = |state: &State| text(&drive::drawn(state));
    // started_at is 0 for a `present` start: the clock counts from launch.
    assert!(draw(&state).contains("01:02:15"), "{}", draw(&state));
    update(&mut state, Action::ToggleTimer);
    assert!(!draw(&state).contains("01:02:15"));
}

#[test]
fn help_over_the_presentation_lists_the_slide_keys() {
    let mut english = presenting();
    english.set_language(vision_tui::i18n::Lang::En);
    let shown = text(&screen_of(english, 80, 24, &[KeyCode::Char('?')]));
    for needle in [
        "Next slide",
        "Overview of all slides",
        "Speaker notes",
        "Blank the screen",
    ] {
        assert!(shown.contains(needle), "{needle}\n{shown}");
    }
    assert!(!shown.contains("Next pane"));
    // The built-in document is Swedish, and so is its interface by default.
    let shown = text(&screen_of(presenting(), 80, 24, &[KeyCode::Char('?')]));
    for needle in [
        "Nästa bild",
        "Översikt över alla bilder",
        "Talaranteckningar",
    ] {
        assert!(shown.contains(needle), "{needle}\n{shown}");
    }
}

/// The text inside the speaker notes panel of a presentation screen.
fn notes_panel_text(buffer: &Buffer) -> String {
    let shown = text(buffer);
    shown
        .lines()
        .skip_while(|row| !row.starts_with('┌'))
        .skip(1)
        .take_while(|row| !row.starts_with('└'))
        .map(|row| row.trim_matches(|c| matches!(c, '│' | '║' | '█' | ' ')))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_word_of_every_note_can_be_read_at_80x24() {
    // Notes far longer than the panel: numbered words, so each one is looked for.
    let mut doc = vision_tui::document::load::builtin();
    let note = |name: &str, words: usize| {
        (1..=words)
            .map(|i| format!("{name}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    doc.notes = Some(note("vision", 150));
    doc.focus_areas[3].notes = Some(note("area", 90));
    for goal in &mut doc.goals {
        goal.notes = Some(note(&format!("goal{}x", goal.number), 60));
    }
    let kinds = [SlideKind::Vision, SlideKind::FocusArea(3)];
    for kind in kinds {
        let index = vision_tui::layout::slides::index_of(&doc, kind).unwrap();
        let mut keys = typed(&(index + 1).to_string());
        keys.push(KeyCode::Char('n'));
        let mut seen = String::new();
        let mut last = String::new();
        for _ in 0..40 {
            let buffer = screen_of(
                State::presenting(doc.clone(), Theme::default()),
                80,
                24,
                &keys,
            );
            let panel = notes_panel_text(&buffer);
            if panel == last {
                break;
            }
            seen.push_str(&panel);
            seen.push(' ');
            last = panel;
            keys.push(KeyCode::Char('J'));
        }
        let seen: Vec<&str> = seen.split_whitespace().collect();
        let state = {
            let mut s = drive::sized(State::presenting(doc.clone(), Theme::default()), (80, 24));
            s.presentation.topic = index;
            vision_tui::app::update(&mut s, vision_tui::app::Action::Tick { seconds: 0 });
            s
        };
        let notes = &state.current_slide().unwrap().notes;
        assert!(!notes.is_empty());
        for word in notes.iter().flat_map(|n| n.split_whitespace()) {
            assert!(seen.contains(&word), "{word} of {kind:?} never shown");
        }
    }
}

/// The presentation of `doc` at `width`×`height` on topic `topic`, part `part`.
fn draw_part(
    doc: &vision_tui::document::model::Document,
    (width, height): (u16, u16),
    topic: usize,
    part: usize,
) -> (State, Buffer) {
    use vision_tui::app::{Action, update};
    let mut state = drive::sized(
        State::presenting(doc.clone(), Theme::default()),
        (width, height),
    );
    for digit in (topic + 1)
        .to_string()
        .chars()
        .filter_map(|c| c.to_digit(10))
    {
        update(&mut state, Action::TypeDigit(digit as u8));
    }
    update(&mut state, Action::Confirm);
    for _ in 0..part {
        update(&mut state, Action::NextSlide);
    }
    let buffer = drive::drawn(&state);
    (state, buffer)
}

#[test]
fn the_slides_of_a_topic_share_one_layout_and_fill_evenly() {
    let many = vision_tui::document::load::from_path(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/good/many.ron"
    )))
    .unwrap();
    let mut continued = 0;
    for doc in [vision_tui::document::load::builtin(), many] {
        for size in [(80, 24), (120, 40), (40, 12), (30, 10), (24, 8)] {
            for topic in 0..vision_tui::layout::slides::count(&doc) {
                let (state, first) = draw_part(&doc, size, topic, 0);
                let deck = &state.presentation.deck;
                let parts = deck.slides.len();
                if parts < 2 {
                    continue;
                }
                continued += 1;
                // Even: moving the last block of a slide to the next would not
                // make the fuller of the two any less full.
                for pair in deck.slides.windows(2) {
                    let (a, b) = (pair[0].body.len(), pair[1].body.len());
                    let last_block = pair[0]
                        .body
                        .iter()
                        .rev()
                        .take_while(|l| !l.text.is_empty())
                        .count();
                    let moved = (a.saturating_sub(last_block + 1), b + 1 + last_block);
                    assert!(
                        moved.0.max(moved.1) >= a.max(b),
                        "topic {topic} at {size:?}: slides of {a} and {b} lines, \
                         the last {last_block} could move on"
                    );
                }
                let centred = deck.slides[0].centred;
                let footer = size.1 - 1;
                let heading_row = |buffer: &Buffer| {
                    (0..footer).find(|&y| (0..size.0).any(|x| buffer[(x, y)].symbol() != " "))
                };
                // Where the body's text column is: each line's first ink, less the
                // indent the line itself has (a continued goal's hanging indent).
                let heading_rows = deck.slides[0].heading_rows() as u16;
                let body_column = |buffer: &Buffer, part: usize| {
                    let top = heading_row(buffer).unwrap_or(0) + heading_rows + 1;
                    let columns: std::collections::BTreeSet<u16> = deck.slides[part]
                        .body
                        .iter()
                        .zip(top..footer)
                        .filter(|(line, _)| !line.text.trim().is_empty())
                        .filter_map(|(line, y)| {
                            let indent = line.text.len() - line.text.trim_start().len();
                            let ink = (0..size.0).find(|&x| buffer[(x, y)].symbol() != " ")?;
                            Some(ink - indent as u16)
                        })
                        .collect();
                    assert_eq!(columns.len(), 1, "one column on a slide: {columns:?}");
                    columns.first().copied()
                };
                for part in 1..parts {
                    let (_, buffer) = draw_part(&doc, size, topic, part);
                    assert_eq!(
                        heading_row(&buffer),
                        heading_row(&first),
                        "topic {topic} part {part} at {size:?}: the heading moved\n{}",
                        text(&buffer)
                    );
                    if !centred {
                        assert_eq!(
                            body_column(&buffer, part),
                            body_column(&first, 0),
                            "topic {topic} part {part} at {size:?}: the body moved\n{}",
                            text(&buffer)
                        );
                    }
                }
            }
        }
    }
    assert!(
        continued > 10,
        "enough continued topics to mean something: {continued}"
    );
}

#[test]
fn a_number_with_no_slide_says_so_and_stays() {
    let total = vision_tui::layout::slides::count(&vision_tui::document::load::builtin());
    assert_eq!(total, 12, "the built-in deck has 12 slides");
    let keys = [
        KeyCode::Char('3'),
        KeyCode::Enter,
        KeyCode::Char('9'),
        KeyCode::Char('9'),
        KeyCode::Enter,
    ];
    // In words where they fit, the numbers alone on the narrowest screen.
    for (w, h, said) in [
        (80, 24, "! ingen bild 99: 1–12"),
        (40, 12, "! ingen bild 99: 1–12"),
        (24, 8, "! 99: 1–12"),
    ] {
        let shown = text(&screen_of(presenting(), w, h, &keys));
        let footer = shown.lines().last().unwrap();
        assert!(
            footer.starts_with(" 3 / 12") && footer.contains(said),
            "at {w}×{h}: {footer:?}"
        );
    }
    let mut english = presenting();
    english.set_language(vision_tui::i18n::Lang::En);
    let shown = text(&screen_of(english, 80, 24, &keys));
    assert!(shown.contains("no slide 99: 1–12"), "{shown}");
}
