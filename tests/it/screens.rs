//! Snapshots of every screen at 80×24, 120×40 and 40×12, drawn by the same
//! `update` and `view` the binary uses, through the generic event loop with
//! scripted input. Each screen's styles (the focus, the selection, search
//! hits, headings) are pinned once, at 80×24; its layout at the other sizes
//! is pinned as text, which a ratatui upgrade does not churn.

use std::collections::VecDeque;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use vision_tui::app::State;
use vision_tui::session::{self, Outcome};
use vision_tui::theme::Theme;

use crate::support::drive::{text, text_snapshot};
use crate::support::scripted::{Script, screen, screen_of, typed};

#[test]
fn the_loop_draws_no_frame_twice() {
    // main draws the first frame before the loop starts: the loop must not
    // render the same state again; handed a fresh terminal, it draws first.
    for drawn_before in [false, true] {
        let mut state =
            crate::support::drive::state(vision_tui::document::load::builtin(), (80, 24));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        if drawn_before {
            terminal
                .draw(|frame| vision_tui::ui::view(&state, frame))
                .unwrap();
        }
        let quit = Script(VecDeque::new());
        let outcome = session::run(
            &mut terminal,
            &mut state,
            &mut { quit },
            vision_tui::app::Size {
                width: 80,
                height: 24,
            },
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

/// The screen after `keys` at `width`×`height`, snapshot as
/// `{name}_{width}x{height}`: with its styles when `styled` (insta keeps the
/// Debug form of the buffer, which lists every style change as well as the
/// text), else as text.
fn snap(name: &str, (width, height): (u16, u16), keys: &[KeyCode], styled: bool) -> Buffer {
    let buffer = screen(width, height, keys);
    let name = format!("{name}_{width}x{height}");
    if styled {
        insta::assert_debug_snapshot!(name, buffer);
    } else {
        insta::assert_snapshot!(name, text_snapshot(&buffer));
    }
    buffer
}

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (40, 12)];

#[test]
fn main_screen() {
    for (w, h) in SIZES {
        // Its styles, theme by theme, are pinned in `themes.rs`.
        let buffer = snap("main", (w, h), &[], false);
        let text = text(&buffer);
        assert!(text.contains("Vision 2040"));
        assert!(text.contains("▶"), "the selection is marked without colour");
    }
}

#[test]
fn main_screen_with_experimentlust_in_the_detail_pane() {
    for (w, h) in SIZES {
        let keys = [KeyCode::Char('3'), KeyCode::Tab];
        let buffer = snap("experimentlust_detail", (w, h), &keys, (w, h) == (80, 24));
        assert!(text(&buffer).contains("Mål 1"));
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let buffer = snap("help", (w, h), &[KeyCode::Char('?')], (w, h) == (80, 24));
        assert!(text(&buffer).contains("Flytta och rulla"));
    }
}

#[test]
fn background_view() {
    for (w, h) in SIZES {
        let buffer = snap(
            "background",
            (w, h),
            &[KeyCode::Char('b')],
            (w, h) == (80, 24),
        );
        assert!(text(&buffer).contains("Bakgrund"));
    }
}

#[test]
fn too_small_screen() {
    let buffer = snap("too_small", (20, 6), &[], false);
    assert!(text(&buffer).contains("terminalen"));
}

#[test]
fn below_the_minimum_size_the_screen_says_so_as_far_as_it_fits() {
    use vision_tui::i18n::{Lang, Strings, fill};
    let strings = Strings::load(Lang::Sv);
    let (min_width, min_height) = vision_tui::ui::too_small::BROWSER_MIN;
    let need = format!("{min_width}×{min_height}");
    let quits = fill(&strings.key_quits, &[("key", "q")]);
    let letters = |text: &str| text.split_whitespace().collect::<String>();
    for width in 1..min_width {
        for height in 1..min_height {
            let have = format!("{width}×{height}");
            let message = fill(&strings.too_small, &[("need", &need), ("have", &have)]);
            let said = letters(&format!("{message} {quits}"));
            let screen = text(&screen(width, height, &[]));
            let shown = letters(&screen);
            // Read top to bottom, the rows spell the message from its start,
            // as much of it as fits; with a row to spare, all of it.
            assert!(
                !shown.is_empty() && said.starts_with(&shown),
                "at {width}×{height}:\n{screen}"
            );
            if screen.lines().any(|row| row.trim().is_empty()) {
                assert_eq!(shown, said, "at {width}×{height}:\n{screen}");
            }
        }
    }
}

#[test]
fn the_header_never_cuts_the_statement_mid_word() {
    for (w, h) in [(80, 24), (120, 40), (61, 30), (100, 30)] {
        let screen = text(&screen(w, h, &[]));
        for word in vision_tui::document::load::builtin().statement.split(' ') {
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
fn english_interface_on_request() {
    let mut state = State::new(vision_tui::document::load::builtin(), Theme::default());
    state.set_language(vision_tui::i18n::Lang::En);
    let buffer = screen_of(state, 80, 24, &[]);
    insta::assert_snapshot!("main_lang_en_80x24", text_snapshot(&buffer));
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
    let buffer = screen(80, 24, &typed("/vastsveriges"));
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

    let buffer = screen(80, 24, &typed("/utbildning"));
    insta::assert_debug_snapshot!("search_utbildning_80x24", buffer);
    let shown = text(&buffer);
    assert!(
        shown.contains("Fokusområden (1 av 5)") && shown.contains("▶ 2 Livskvalitet"),
        "{shown}"
    );
}

#[test]
fn a_search_that_finds_no_area_says_so_in_full_in_the_list() {
    let keys = typed("/xyzzy");
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
        vision_tui::document::load::from_path(&path).unwrap(),
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
    let mut doc = vision_tui::document::load::builtin();
    doc.focus_areas[0].description = Some("Ett långt stycke om vackra miljöer. ".repeat(30));
    let state = State::new(doc.clone(), Theme::default());
    let buffer = screen_of(state, 200, 60, &[]);
    let shared = vision_tui::document::SharedDocument::new(doc);
    let areas = vision_tui::layout::screen::areas(&shared, buffer.area).unwrap();
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
