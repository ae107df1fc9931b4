//! Snapshots of every screen at 80×24, 120×40 and 40×12, text and styles,
//! drawn by the same `update` and `view` the binary uses, through the
//! generic event loop with scripted input.

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use vision_tui::app::State;
use vision_tui::runtime::{self, EventSource, Outcome, StopFlags};
use vision_tui::theme::Theme;

/// Scripted input: the keys, then `q`.
struct Script(VecDeque<Event>);

impl EventSource for Script {
    fn next_event(&mut self, _timeout: Duration) -> io::Result<Option<Event>> {
        Ok(Some(self.0.pop_front().unwrap_or(key(KeyCode::Char('q')))))
    }
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Runs the app on the built-in document at `width`×`height`, presses `keys`,
/// and returns the last frame drawn before quitting.
pub fn screen(width: u16, height: u16, keys: &[KeyCode]) -> Buffer {
    screen_of(
        State::new(vision_tui::load::builtin(), Theme::default()),
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
    let outcome = runtime::run(
        &mut terminal,
        &mut state,
        &mut Script(events),
        &StopFlags::default(),
    )
    .unwrap();
    assert_eq!(outcome, Outcome::Quit);
    terminal.backend().buffer().clone()
}

#[test]
fn the_loop_draws_no_frame_twice() {
    // main draws the first frame before the loop starts: the loop must not
    // render the same state again; handed a fresh terminal, it draws first.
    for drawn_before in [false, true] {
        let mut state = State::new(vision_tui::load::builtin(), Theme::default());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let resize = vision_tui::app::Action::Resize {
            width: 80,
            height: 24,
        };
        vision_tui::app::update(&mut state, resize);
        if drawn_before {
            terminal
                .draw(|frame| vision_tui::ui::view(&state, frame))
                .unwrap();
        }
        let quit = Script(VecDeque::new());
        let outcome = runtime::run(
            &mut terminal,
            &mut state,
            &mut { quit },
            &StopFlags::default(),
        )
        .unwrap();
        assert_eq!(outcome, Outcome::Quit);
        assert_eq!(
            terminal.get_frame().count(),
            1,
            "drawn before: {drawn_before}"
        );
        assert!(text(terminal.backend().buffer()).contains("Vision 2040"));
    }
}

/// The screen's text, one string per row.
pub fn text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text and styles: insta keeps the Debug form of the buffer, which lists
/// every style change as well as the text (Display would drop the colours).
macro_rules! snap {
    ($name:expr, $width:expr, $height:expr, $keys:expr) => {{
        let buffer = screen($width, $height, $keys);
        insta::assert_debug_snapshot!(format!("{}_{}x{}", $name, $width, $height), buffer);
        buffer
    }};
}

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (40, 12)];

#[test]
fn main_screen() {
    for (w, h) in SIZES {
        let buffer = snap!("main", w, h, &[]);
        let text = text(&buffer);
        assert!(text.contains("Vision 2040"));
        assert!(text.contains("▶"), "the selection is marked without colour");
    }
}

#[test]
fn main_screen_with_experimentlust_in_the_detail_pane() {
    for (w, h) in SIZES {
        let buffer = snap!(
            "experimentlust_detail",
            w,
            h,
            &[KeyCode::Char('3'), KeyCode::Tab]
        );
        assert!(text(&buffer).contains("Mål 1"));
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let buffer = snap!("help", w, h, &[KeyCode::Char('?')]);
        assert!(text(&buffer).contains("Flytta och rulla"));
    }
}

#[test]
fn background_view() {
    for (w, h) in SIZES {
        let buffer = snap!("background", w, h, &[KeyCode::Char('b')]);
        assert!(text(&buffer).contains("Bakgrund"));
    }
}

#[test]
fn too_small_screen() {
    let buffer = snap!("too_small", 20, 6, &[]);
    assert!(text(&buffer).contains("terminalen"));
    let buffer = screen(1, 1, &[]);
    assert_eq!(buffer.area.area(), 1);
}

#[test]
fn the_header_never_cuts_the_statement_mid_word() {
    for (w, h) in [(80, 24), (120, 40), (61, 30), (100, 30)] {
        let screen = text(&screen(w, h, &[]));
        for word in vision_tui::load::builtin().statement.split(' ') {
            assert!(
                screen
                    .split([' ', '\n'])
                    .any(|cell_word| cell_word.trim_end_matches(['│', '┃']) == word),
                "{word:?} not whole at {w}×{h}:\n{screen}"
            );
        }
    }
}

#[test]
fn no_cell_holds_a_control_character() {
    for (w, h) in SIZES {
        for keys in [&[][..], &[KeyCode::Char('?')], &[KeyCode::Char('b')]] {
            let buffer = screen(w, h, keys);
            for cell in &buffer.content {
                assert!(
                    !cell.symbol().chars().any(char::is_control),
                    "{:?}",
                    cell.symbol()
                );
            }
        }
    }
}

#[test]
fn readme_key_tables_match_the_keymap() {
    use vision_tui::app::{Mode, Pane, Show};
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (marker, mode) in [
        ("keys", Mode::Browse(Pane::FocusList)),
        ("present-keys", Mode::Present(Show::Slide)),
    ] {
        let table = readme
            .split(&format!("<!-- {marker}:start -->"))
            .nth(1)
            .and_then(|rest| rest.split(&format!("<!-- {marker}:end -->")).next())
            .unwrap_or_else(|| panic!("README has a {marker} table between markers"));
        let rows: Vec<&str> = table.lines().filter(|l| l.starts_with("| `")).collect();
        let help = vision_tui::keymap::Keymap::default().help_rows(
            mode,
            &vision_tui::i18n::Strings::load(vision_tui::i18n::Lang::En),
        );
        assert_eq!(
            rows.len(),
            help.len(),
            "README {marker}: {} rows, the keymap {}",
            rows.len(),
            help.len()
        );
        for (_, keys, description) in help {
            let cell = keys
                .split(' ')
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(" ");
            let row = format!("| {cell} | {description} |");
            assert!(rows.contains(&row.as_str()), "README {marker} lacks {row}");
        }
    }
}

#[test]
fn english_interface_on_request() {
    let mut state = State::new(vision_tui::load::builtin(), Theme::default());
    state.set_language(vision_tui::i18n::Lang::En);
    let buffer = screen_of(state, 80, 24, &[]);
    insta::assert_debug_snapshot!("main_lang_en_80x24", buffer);
    let shown = text(&buffer);
    assert!(
        shown.contains("Focus areas (5)") && shown.contains("q quit"),
        "{shown}"
    );
    let swedish = text(&screen(80, 24, &[]));
    assert!(
        swedish.contains("Fokusområden (5)") && swedish.contains("q avsluta"),
        "{swedish}"
    );
}

#[test]
fn a_search_shows_its_hits_and_says_where_the_statement_matched() {
    let mut keys = vec![KeyCode::Char('/')];
    keys.extend("vastsveriges".chars().map(KeyCode::Char));
    keys.push(KeyCode::Enter);
    let buffer = screen(80, 24, &keys);
    let shown = text(&buffer);
    assert!(shown.contains("bara i visionen"), "{shown}");
    // The match in the statement is highlighted (bold and underlined, not colour alone).
    let row = shown
        .lines()
        .position(|l| l.contains("Västsveriges"))
        .unwrap() as u16;
    let col = shown
        .lines()
        .nth(row.into())
        .unwrap()
        .chars()
        .position(|c| c == 'V')
        .unwrap() as u16;
    let cell = &buffer[(col, row)];
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::UNDERLINED),
        "{cell:?}"
    );

    let mut keys = vec![KeyCode::Char('/')];
    keys.extend("utbildning".chars().map(KeyCode::Char));
    keys.push(KeyCode::Enter);
    let buffer = screen(80, 24, &keys);
    insta::assert_debug_snapshot!("search_utbildning_80x24", buffer);
    let shown = text(&buffer);
    assert!(
        shown.contains("Fokusområden (1 av 5)") && shown.contains("▶ 2 Livskvalitet"),
        "{shown}"
    );
}

#[test]
fn a_search_that_finds_no_area_says_so_in_full_in_the_list() {
    let mut keys = vec![KeyCode::Char('/')];
    keys.extend("xyzzy".chars().map(KeyCode::Char));
    keys.push(KeyCode::Enter);
    for (w, h) in [(80, 24), (40, 12), (30, 10)] {
        let shown = text(&screen(w, h, &keys));
        let listed: Vec<&str> = shown
            .lines()
            .filter(|row| row.starts_with(['┃', '│']))
            .flat_map(|row| row.split(['┃', '│']).nth(1))
            .flat_map(str::split_whitespace)
            .collect();
        assert!(
            listed
                .windows(3)
                .any(|w| w == ["Inget", "fokusområde", "matchar."]),
            "at {w}×{h}: {listed:?}\n{shown}"
        );
        // The search line leaves out what does not fit, whole.
        let footer = shown.lines().last().unwrap();
        let whole = ["/xyzzy", "ingen", "träff", "Esc", "rensa"];
        assert!(
            footer.contains("ingen träff")
                && footer.split_whitespace().all(|word| whole.contains(&word)),
            "at {w}×{h}: {footer:?}"
        );
    }
}

/// A fixture document from `tests/fixtures/good/`.
fn good(name: &str) -> State {
    let path = crate::support::fixture(&format!("good/{name}"));
    State::new(
        vision_tui::load::from_path(&path).unwrap(),
        Theme::default(),
    )
}

#[test]
fn a_background_with_nothing_to_show_says_so() {
    for (w, h) in [(80, 24), (40, 12)] {
        let shown = text(&screen_of(
            good("empty-lists.ron"),
            w,
            h,
            &[KeyCode::Char('b')],
        ));
        assert!(
            shown
                .replace(['┃', '\n'], " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains("This document has no background text."),
            "at {w}×{h}:\n{shown}"
        );
    }
    // With only focus areas and goals to list, the list starts at the top.
    let shown = text(&screen_of(
        good("minimal.ron"),
        80,
        24,
        &[KeyCode::Char('b')],
    ));
    let first = shown
        .lines()
        .skip_while(|row| !row.starts_with('┏'))
        .nth(1)
        .unwrap();
    assert!(first.contains("– Green"), "{shown}");
}

#[test]
fn at_200_columns_the_goal_pane_keeps_a_readable_measure() {
    let mut doc = vision_tui::load::builtin();
    doc.focus_areas[0].description = Some("Ett långt stycke om vackra miljöer. ".repeat(30));
    let state = State::new(doc.clone(), Theme::default());
    let buffer = screen_of(state, 200, 60, &[]);
    let areas = vision_tui::layout::screen::areas(&doc, buffer.area).unwrap();
    let inner = vision_tui::layout::screen::pane_inner(areas.detail);
    assert!(inner.width > 120, "the pane is wider than the measure");
    let lengths: Vec<u16> = (inner.top()..inner.bottom())
        .map(|y| {
            (inner.left()..inner.right())
                .rev()
                .find(|&x| buffer[(x, y)].symbol() != " ")
                .map_or(0, |x| x + 1 - inner.left())
        })
        .collect();
    let longest = *lengths.iter().max().unwrap();
    let measure = vision_tui::layout::text::READING_WIDTH as u16;
    assert!(
        longest <= measure && longest > measure - 10,
        "lines up to {longest} columns: {lengths:?}"
    );
}
