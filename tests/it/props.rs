//! Property tests: random documents × random actions × random sizes (1×1 to
//! 300×100, resizes interleaved). Nothing panics, invariants always hold, and
//! no cell ever holds a control character.

use proptest::prelude::*;
use vision_tui::app::follow::Position;
use vision_tui::app::{Action, State};
use vision_tui::document::model::{Document, FocusArea, Goal, Link, PlanPeriod};
use vision_tui::theme::Theme;

use crate::support::drive::{self, Driver};
use crate::support::{action, actions};

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
        let mut document = vision_tui::document::load::builtin();
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_document_any_keys_any_size(
        document in document(),
        size in (1u16..=300, 1u16..=100),
        actions in prop::collection::vec(action(), 0..40),
        present in any::<bool>(),
    ) {
        let state = if present {
            State::presenting(document, Theme::default())
        } else {
            State::new(document, Theme::default())
        };
        Driver::new(drive::sized(state, size)).apply_all(actions);
    }
}

/// A presenter's position: a topic (some past the end) or a focus area.
fn position() -> impl Strategy<Value = Position> {
    prop_oneof![
        (0usize..40, any::<bool>()).prop_map(|(topic, blank)| Position::Slide { topic, blank }),
        (0usize..30).prop_map(|area| Position::Browsing { area }),
    ]
}

/// Where a participant following `position` must be in `state`'s document.
fn shows(state: &State, position: Position) -> bool {
    match position {
        Position::Slide { topic, .. } => {
            let last = vision_tui::layout::slides::count(&state.document).saturating_sub(1);
            state.is_presenting() && state.presentation.topic == topic.min(last)
        }
        Position::Browsing { area } => {
            !state.is_presenting()
                && (area >= state.document.focus_areas.len() || state.selected == area)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Presenter moves interleaved with a participant's own keys: while
    /// following, the participant shows the presenter's topic or area;
    /// once detached, the presenter's moves change nothing on their screen.
    #[test]
    fn followers_show_the_presenter_and_detached_ones_are_left_alone(
        document in document(),
        size in (1u16..=200, 1u16..=60),
        steps in prop::collection::vec(prop_oneof![
            position().prop_map(Action::PresenterAt),
            action(),
        ], 0..40),
    ) {
        let mut state = State::new(document, Theme::default());
        state.join_as_participant();
        let mut driver = Driver::new(drive::sized(state, size));
        for action in steps {
            let before = driver.state.position();
            let following = driver.state.room.following;
            driver.apply(action);
            let state = &driver.state;
            if let Action::PresenterAt(position) = action {
                if following {
                    prop_assert!(state.room.following);
                    prop_assert!(shows(state, position), "{position:?} → {:?}", state.position());
                } else {
                    prop_assert_eq!(state.position(), before, "a detached participant is not moved");
                }
            }
            if state.room.following
                && let Some(position) = state.room.presenter
            {
                prop_assert!(shows(state, position), "following {position:?}, at {:?}", state.position());
            }
        }
    }
}

#[test]
fn the_action_list_holds_every_kind_once_under_its_name() {
    let fields = actions::Fields {
        size: (80, 24),
        cell: (3, 4),
        down: true,
        number: 7,
        letter: 'å',
    };
    let built: Vec<Action> = actions::every(fields).collect();
    assert_eq!(built.len(), actions::KINDS);
    for (action, name) in built.iter().zip(actions::NAMES) {
        let shown = format!("{action:?}");
        assert!(
            shown == name
                || shown.starts_with(&format!("{name}("))
                || shown.starts_with(&format!("{name} {{")),
            "{name} builds {shown}"
        );
    }
    let kinds: std::collections::HashSet<_> = built.iter().map(std::mem::discriminant).collect();
    assert_eq!(kinds.len(), actions::KINDS, "no kind twice");
    assert_eq!(
        actions::action(actions::KINDS + 2, &fields),
        built[2],
        "numbers wrap around"
    );
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
