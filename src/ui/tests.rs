//! Drawing agrees with the layout `update` clamps with, and the panes draw
//! what a `Paragraph` would.

use super::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::Padding;

/// Every cell a terminal shows: the cells hidden behind a wide character
/// are never sent, so what they hold does not count.
fn shown(terminal: &Terminal<TestBackend>) -> Vec<(u16, u16, String, Style)> {
    let buffer = terminal.backend().buffer();
    let mut cells = Vec::new();
    for y in 0..buffer.area.height {
        let mut hidden = 0;
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            hidden = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            cells.push((x, y, cell.symbol().to_owned(), cell.style()));
        }
    }
    cells
}

#[test]
fn render_pane_draws_what_a_paragraph_draws() {
    let red = Style::new().fg(Color::Red);
    let lines = vec![
        Line::from(vec![
            Span::styled("▶ 1 ", red.add_modifier(Modifier::REVERSED)),
            Span::raw("Ett hållbart Alingsås"),
            Span::styled("  10", red),
        ]),
        Line::styled("a line longer than the pane is wide, cut at its edge", red),
        Line::from("漢字の行は幅が二つずつで、端で切れる"),
        Line::from(vec![
            Span::raw("x"),
            Span::styled("漢字漢字漢字漢字漢字漢字", red),
        ]),
        Line::from(vec![
            Span::styled("漢字", red),
            Span::raw(" – “simple” after wide"),
            Span::styled("e\u{301}", red),
            Span::raw(" åäö"),
        ])
        .style(Style::new().add_modifier(Modifier::BOLD)),
        Line::default(),
        Line::from("one more line than rows"),
    ];
    for (width, height) in [(20, 8), (21, 8), (19, 4), (3, 3), (2, 2), (1, 1), (40, 12)] {
        let area = Rect::new(0, 0, width, height);
        let draw = |with_paragraph: bool| {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            let block = Block::bordered()
                .border_style(red)
                .title(Line::styled(" Title ", Style::new().fg(Color::Blue)))
                .padding(Padding::horizontal(1));
            terminal
                .draw(|frame| {
                    if with_paragraph {
                        frame.render_widget(Paragraph::new(lines.clone()).block(block), area);
                    } else {
                        render_pane(frame, area, &block, &lines);
                    }
                })
                .unwrap();
            shown(&terminal)
        };
        assert_eq!(draw(false), draw(true), "at {width}×{height}");
    }
}

#[test]
fn render_row_draws_what_a_styled_paragraph_draws() {
    let key = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
    let footer = Style::new().fg(Color::Gray).bg(Color::Blue);
    let lines = [
        Line::from(vec![
            Span::raw(" "),
            Span::styled("?", key),
            Span::styled(" hjälp  ", footer),
            Span::styled("q", key),
            Span::raw(" avsluta  "),
        ]),
        Line::from(vec![
            Span::styled("/漢字", key),
            Span::raw("e\u{301} – “x”"),
            Span::styled("漢字漢字漢字漢字漢字漢字", footer),
        ])
        .style(Style::new().add_modifier(Modifier::ITALIC)),
        Line::default(),
    ];
    for style in [Style::default(), footer] {
        for line in &lines {
            for (width, height) in [(30, 1), (13, 1), (12, 2), (1, 1), (80, 1)] {
                let area = Rect::new(0, 0, width, height);
                let draw = |with_paragraph: bool| {
                    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
                    terminal
                        .draw(|frame| {
                            if with_paragraph {
                                let paragraph = Paragraph::new(line.clone()).style(style);
                                frame.render_widget(paragraph, area);
                            } else {
                                render_row(frame, area, line, style);
                            }
                        })
                        .unwrap();
                    shown(&terminal)
                };
                assert_eq!(draw(false), draw(true), "{line:?} at {width}×{height}");
            }
        }
    }
}

/// The text drawn on the rows of `area`, each without trailing blanks.
fn drawn_rows(terminal: &Terminal<TestBackend>, area: Rect) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (area.top()..area.bottom())
        .map(|y| {
            let row: String = (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            row.trim_end().to_string()
        })
        .collect()
}

/// `lines` from `scroll` as the rows of a region `visible` rows high show
/// them, each without trailing blanks.
fn expected_rows(lines: &[Line<'_>], scroll: usize, visible: usize) -> Vec<String> {
    let text = |line: &Line<'_>| {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        text.trim_end().to_string()
    };
    let mut rows: Vec<String> = lines.iter().skip(scroll).take(visible).map(text).collect();
    rows.resize(visible, String::new());
    rows
}

/// A document whose every scrollable text is longer than any screen.
fn long_document() -> crate::document::model::Document {
    let mut doc = crate::document::load::builtin();
    // Words of every length from one letter to seven, so that a column
    // more or less wraps differently.
    let words = |n: usize| "a bb ccc dddd eeeee ffffff ggggggg ".repeat(n / 7);
    doc.notes = Some(words(600));
    doc.background[0].paragraphs.push(words(900));
    doc.focus_areas[0].description = Some(words(500));
    doc
}

#[test]
fn scrolled_to_the_end_every_region_draws_the_lines_update_clamped_to() {
    // `update` clamps with the layout; `view` draws what the layout laid
    // out. Scrolled as far as `update` lets it, each region shows exactly
    // the end of its text, its last line on its last row.
    use crate::app::{Action, update};
    use crate::layout::background::View;
    use crate::layout::{BlockLine, screen};
    for doc in [crate::document::load::builtin(), long_document()] {
        for (width, height) in [(80, 24), (120, 40), (30, 10), (69, 30), (200, 60)] {
            let start = || {
                let mut state = State::new(doc.clone(), Theme::default());
                update(&mut state, Action::Resize { width, height });
                state
            };
            let draw = |state: &State| {
                let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
                terminal.draw(|frame| view(state, frame)).unwrap();
                terminal
            };
            let to_the_end = [Action::MoveToBottom, Action::PageDown, Action::MoveDown];
            let areas = screen::areas(
                &crate::document::SharedDocument::new(doc.clone()),
                Rect::new(0, 0, width, height),
            )
            .unwrap();
            let size = format!("{width}×{height}");

            // The goal pane.
            let mut state = start();
            update(&mut state, Action::FocusDetail);
            to_the_end.iter().for_each(|&a| update(&mut state, a));
            let inner = pane_inner(areas.detail);
            let lines = styled_lines(
                &state.theme,
                state.detail(usize::from(inner.width)).lines.clone(),
            );
            let visible = usize::from(inner.height);
            assert_eq!(
                state.detail_scroll,
                lines.len().saturating_sub(visible),
                "{size}"
            );
            assert_eq!(
                drawn_rows(&draw(&state), inner),
                expected_rows(&lines, state.detail_scroll, visible),
                "the goal pane at {size}"
            );

            // The help over the browser.
            let mut state = start();
            update(&mut state, Action::ToggleHelp);
            to_the_end.iter().for_each(|&a| update(&mut state, a));
            let overlay = state.help_overlay(Rect::new(0, 0, width, height));
            let lines: Vec<Line<'static>> = overlay
                .lines
                .iter()
                .cloned()
                .map(|l| help::styled(&state.theme, l))
                .collect();
            let inner = overlay.inner();
            let visible = usize::from(inner.height);
            assert_eq!(
                state.help_scroll,
                lines.len().saturating_sub(visible),
                "{size}"
            );
            assert_eq!(
                drawn_rows(&draw(&state), inner),
                expected_rows(&lines, state.help_scroll, visible),
                "the help at {size}"
            );

            // The background view.
            let mut state = start();
            update(&mut state, Action::ToggleBackground);
            to_the_end.iter().for_each(|&a| update(&mut state, a));
            let inner = pane_inner(areas.body);
            let all =
                View::new(&doc, usize::from(inner.width)).window(BlockLine::default(), 100_000);
            let lines = styled_lines(&state.theme, all);
            let visible = usize::from(inner.height);
            assert_eq!(
                drawn_rows(&draw(&state), inner),
                expected_rows(&lines, lines.len().saturating_sub(visible), visible),
                "the background at {size}"
            );

            // The speaker notes of the vision slide, alone and in a
            // presenter's speaker view (beside the next slide where it fits).
            for speaker in [false, true] {
                let mut state = start();
                if speaker {
                    state.join_as_presenter();
                }
                update(&mut state, Action::StartPresentation);
                for action in [Action::FirstSlide, Action::NextSlide, Action::ToggleNotes] {
                    update(&mut state, action);
                }
                for _ in 0..200 {
                    update(&mut state, Action::ScrollNotesDown);
                }
                let panel = state.notes_panel().expect("the notes panel is on screen");
                let inner = pane_inner(panel);
                let lines = styled_lines(&state.theme, state.notes_lines(usize::from(inner.width)));
                let visible = usize::from(inner.height);
                let scroll = state.presentation.notes_scroll;
                assert_eq!(scroll, lines.len().saturating_sub(visible), "{size}");
                assert_eq!(
                    drawn_rows(&draw(&state), inner),
                    expected_rows(&lines, scroll, visible),
                    "the speaker notes at {size}, speaker view {speaker}"
                );
            }
        }
    }
}
