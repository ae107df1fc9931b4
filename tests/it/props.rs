//! Property tests: random documents × random actions × random sizes (1×1 to
//! 300×100, resizes interleaved). Nothing panics, invariants always hold, and
//! no cell ever holds a control character.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use vision_tui::app::{Action, Mode, State, update};
use vision_tui::model::{Document, FocusArea, Goal, Link, PlanPeriod};
use vision_tui::theme::Theme;
use vision_tui::ui;

fn text() -> impl Strategy<Value = String> {
    // Swedish letters, wide CJK, combining marks, NBSP, ZWJ families and
    // flags, long unbroken words.
    proptest::string::string_regex(
        "([a-zåäöÅÄÖ漢字 \u{a0}\u{301}]|👨\u{200d}👩\u{200d}👧|🇸🇪){0,12}( [a-zA-Z]{0,30}){0,20}",
    )
    .unwrap()
}

fn document() -> impl Strategy<Value = Document> {
    let areas = prop::collection::vec(
        (text(), prop::option::of(text()), prop::option::of(text())),
        0..25,
    );
    let goals = prop::collection::vec(
        (0usize..30, text(), prop::option::of(text()), any::<bool>()),
        0..50,
    );
    (areas, goals, text(), text()).prop_map(|(areas, goals, title, statement)| {
        let mut document = vision_tui::load::builtin();
        document.title = title;
        document.statement = statement;
        document.focus_areas = areas
            .into_iter()
            .enumerate()
            .map(|(i, (name, description, notes))| FocusArea {
                id: format!("a{i}"),
                name,
                description,
                notes,
                links: vec![Link {
                    title: "Link".into(),
                    url: "https://example.org/a/very/long/address".into(),
                }],
            })
            .collect();
        document.goals = goals
            .into_iter()
            .enumerate()
            .map(|(i, (area, text, description, own_period))| Goal {
                number: u32::try_from(i + 1).unwrap(),
                // Some ids point nowhere: the loader rejects that, but the UI must not care.
                focus_area: format!("a{area}"),
                text,
                description,
                plan_period: own_period.then_some(PlanPeriod {
                    start: 2024,
                    end: 2030,
                }),
                notes: None,
                links: vec![],
            })
            .collect();
        document
    })
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::MoveDown),
        Just(Action::MoveUp),
        Just(Action::MoveToTop),
        Just(Action::MoveToBottom),
        Just(Action::PageDown),
        Just(Action::PageUp),
        Just(Action::HalfPageDown),
        Just(Action::HalfPageUp),
        Just(Action::NextPane),
        Just(Action::PreviousPane),
        Just(Action::FocusList),
        Just(Action::FocusDetail),
        (0u8..=10).prop_map(Action::JumpToFocusArea),
        Just(Action::ToggleHelp),
        Just(Action::ToggleBackground),
        Just(Action::Back),
        (1u16..=300, 1u16..=100).prop_map(|(width, height)| Action::Resize { width, height }),
        Just(Action::StartPresentation),
        Just(Action::NextSlide),
        Just(Action::PreviousSlide),
        Just(Action::FirstSlide),
        Just(Action::LastSlide),
        Just(Action::Confirm),
        (0u8..=9).prop_map(Action::TypeDigit),
        Just(Action::ToggleOverview),
        Just(Action::ToggleBlank),
        Just(Action::ToggleNotes),
        Just(Action::ScrollNotesDown),
        Just(Action::ScrollNotesUp),
        Just(Action::ToggleTimer),
        Just(Action::ClosePresentation),
        (0u64..100_000).prop_map(|seconds| Action::Tick { seconds }),
        Just(Action::StartSearch),
        prop::sample::select(vec!['a', 'o', 'å', 'Ö', 'x', ' ', '1', 'é'])
            .prop_map(Action::SearchType),
        Just(Action::SearchBackspace),
        Just(Action::SearchConfirm),
        Just(Action::NextHit),
        Just(Action::PreviousHit),
        Just(Action::ShowLink),
        (0u16..320, 0u16..110).prop_map(|(column, row)| Action::Click { column, row }),
        (0u16..320, 0u16..110, any::<bool>()).prop_map(|(column, row, down)| Action::Wheel {
            column,
            row,
            down
        }),
    ]
}

/// What must hold after every `update`, in any document at any size
/// (also checked by the scale tests on generated documents).
pub(crate) fn check_invariants(state: &State) {
    assert_eq!(
        state.search.hits(),
        vision_tui::search::matching_areas(&state.document, &state.search.query),
        "narrowing while typing finds what searching the whole document finds"
    );
    if state.search.is_active() && !state.search.hits().is_empty() {
        assert!(
            state.search.hits().contains(&state.selected),
            "the selection is one of the hits"
        );
    }
    if state.is_presenting() {
        let p = &state.presentation;
        assert!(
            !p.deck.slides.is_empty(),
            "a presentation always has slides"
        );
        let topics = vision_tui::slides::count(&state.document);
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
    let count = state.document.focus_areas.len();
    assert!(
        state.selected < count.max(1),
        "selection {} of {count}",
        state.selected
    );
    let m = state.measure();
    if !m.too_small {
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
        if !m.background.is_empty() {
            let view = (m.background.width, m.background.height);
            assert_eq!(
                vision_tui::layout::background::clamp(
                    &state.document,
                    view,
                    state.background_scroll
                ),
                state.background_scroll,
                "the background is scrolled to a line that exists, not past the bottom"
            );
        } else {
            assert_eq!(state.background_scroll, Default::default());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_document_any_keys_any_size(
        document in document(),
        (width, height) in (1u16..=300, 1u16..=100),
        actions in prop::collection::vec(action(), 0..40),
        present in any::<bool>(),
    ) {
        let mut state = if present {
            State::presenting(document, Theme::default())
        } else {
            State::new(document, Theme::default())
        };
        update(&mut state, Action::Resize { width, height });
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        for action in actions {
            update(&mut state, action);
            check_invariants(&state);
            terminal.backend_mut().resize(state.size.width, state.size.height);
            terminal.draw(|frame| ui::view(&state, frame)).unwrap();
            for cell in &terminal.backend().buffer().content {
                prop_assert!(!cell.symbol().chars().any(char::is_control));
            }
        }
    }
}

/// Text made of the clusters that are easy to split: ZWJ families and
/// people, flags, skin tones, combining accents, CJK, and plain words, with
/// runs of spaces and non-breaking spaces between.
fn clustered_text() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "👨\u{200d}👩\u{200d}👧\u{200d}👦",
        "👩🏽\u{200d}🚀",
        "🏳\u{fe0f}\u{200d}🌈",
        "🇸🇪",
        "🇺🇦",
        "🏘\u{fe0f}",
        "e\u{301}",
        "å",
        "漢字",
        "Omställning",
        "ord",
        "a",
        " ",
        "  ",
        "\u{a0}",
        "-",
    ]);
    prop::collection::vec(token, 0..40).prop_map(|tokens| tokens.concat())
}

/// The byte offsets where `text`'s grapheme clusters start, and its end.
fn cluster_bounds(text: &str) -> Vec<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    text.grapheme_indices(true)
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_wrapped_or_cut_line_splits_a_cluster_or_exceeds_its_width(
        text in clustered_text(),
        width in 0usize..40,
        indents in prop::sample::select(vec![("", ""), ("  - ", "    "), ("漢 ", "  "), ("1. ", "   ")]),
    ) {
        use unicode_width::UnicodeWidthStr;
        use vision_tui::layout::text::{truncate, width as columns, wrap_indented};
        let bounds = cluster_bounds(&text);
        let (first, rest) = indents;
        let lines = wrap_indented(&text, width, first, rest);
        let mut cursor = 0;
        for (i, line) in lines.iter().enumerate() {
            prop_assert!(columns(line) <= width.max(1), "{line:?} wider than {width}");
            prop_assert!(line.width() <= width.max(1), "{line:?} wider than {width}");
            let indent = if i == 0 { first } else { rest };
            let Some(content) = line.strip_prefix(indent) else {
                continue; // the indent alone is wider than the line, and was cut
            };
            if content.is_empty() {
                continue;
            }
            // The line is a run of whole clusters of the text, after the last line's.
            let at = bounds.iter().copied().filter(|&at| at >= cursor).find(|&at| {
                text[at..].starts_with(content) && bounds.contains(&(at + content.len()))
            });
            prop_assert!(at.is_some(), "{content:?} splits a cluster of {text:?} at {width}");
            cursor = at.unwrap_or(cursor) + content.len();
        }
        let cut = truncate(&text, width);
        prop_assert!(columns(&cut) <= width && cut.width() <= width, "{cut:?}");
        if cut != text && width > 0 {
            let kept = cut.strip_suffix('…');
            prop_assert!(
                kept.is_some_and(|kept| text.starts_with(kept) && bounds.contains(&kept.len())),
                "{cut:?} cuts {text:?} inside a cluster"
            );
        }
    }
}
