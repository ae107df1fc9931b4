//! The presentation's transitions: moving through topics and parts,
//! typing numbers, the overview, blanking, notes, leaving and resizing.

use super::*;
use crate::app::Underlay;
use crate::app::testing::{apply, presenting_at, state};

fn kind(state: &State) -> SlideKind {
    state
        .current_slide()
        .map(|s| s.kind)
        .unwrap_or(SlideKind::Title)
}

fn topic_of(state: &State, kind: SlideKind) -> usize {
    slides::index_of(&state.document, kind).expect("the document has this topic")
}

/// (topic, part) as the presenter sees it.
fn at(state: &State) -> (usize, usize) {
    (state.presentation.topic, state.presentation.part)
}

#[test]
fn starts_on_the_title_slide() {
    let s = presenting_at(80, 24);
    assert_eq!(
        (s.mode, at(&s), kind(&s)),
        (Mode::Present(Show::Slide), (0, 0), SlideKind::Title)
    );
}

#[test]
fn next_and_previous_walk_every_slide_of_every_topic() {
    // Small enough that the background sections continue over several slides.
    let mut s = presenting_at(40, 12);
    let whole = slides::build(&s.document, 40, 12, false);
    assert!(
        whole.iter().any(|slide| slide.parts > 1),
        "some topic continues"
    );
    let mut seen = vec![(kind(&s), s.presentation.part)];
    for _ in 1..whole.len() {
        apply(&mut s, &[Action::NextSlide]);
        seen.push((kind(&s), s.presentation.part));
    }
    let expected: Vec<(SlideKind, usize)> = whole.iter().map(|x| (x.kind, x.part)).collect();
    assert_eq!(seen, expected, "forwards: the whole deck in order");
    apply(&mut s, &[Action::NextSlide]);
    assert_eq!(kind(&s), SlideKind::Closing, "stays on the last");
    for want in expected.iter().rev().skip(1) {
        apply(&mut s, &[Action::PreviousSlide]);
        assert_eq!((kind(&s), s.presentation.part), *want, "backwards");
    }
    apply(&mut s, &[Action::PreviousSlide]);
    assert_eq!(at(&s), (0, 0), "stays on the first");
}

#[test]
fn first_last_and_enter_stay_in_range() {
    let mut s = presenting_at(80, 24);
    let last = slides::count(&s.document) - 1;
    apply(&mut s, &[Action::NextSlide, Action::NextSlide]);
    assert_eq!(at(&s), (2, 0));
    apply(&mut s, &[Action::LastSlide]);
    assert_eq!((s.presentation.topic, kind(&s)), (last, SlideKind::Closing));
    apply(&mut s, &[Action::FirstSlide]);
    assert_eq!(at(&s), (0, 0));
    apply(&mut s, &[Action::Confirm]);
    assert_eq!(at(&s), (1, 0), "Enter with nothing typed is next");
}

#[test]
fn typing_a_number_then_enter_jumps_to_that_topic() {
    let mut s = presenting_at(80, 24);
    let last = slides::count(&s.document) - 1;
    apply(&mut s, &[Action::TypeDigit(7), Action::Confirm]);
    assert_eq!((at(&s), s.presentation.typed), ((6, 0), None));
    apply(
        &mut s,
        &[Action::TypeDigit(9), Action::TypeDigit(9), Action::Confirm],
    );
    assert_eq!(
        (at(&s), s.presentation.no_such_slide),
        ((6, 0), Some(99)),
        "past the end: stays, and says there is no slide 99"
    );
    apply(&mut s, &[Action::Tick { seconds: 1 }]);
    assert_eq!(s.presentation.no_such_slide, Some(99), "until the next key");
    apply(&mut s, &[Action::NextSlide]);
    assert_eq!((at(&s), s.presentation.no_such_slide), ((7, 0), None));
    apply(&mut s, &[Action::TypeDigit(0), Action::Confirm]);
    assert_eq!(
        (at(&s), s.presentation.no_such_slide),
        ((7, 0), Some(0)),
        "0 goes nowhere, and says so"
    );
    let number = u8::try_from(last + 1).unwrap();
    apply(
        &mut s,
        &[
            Action::TypeDigit(number / 10),
            Action::TypeDigit(number % 10),
            Action::Confirm,
        ],
    );
    assert_eq!(s.presentation.topic, last, "the last slide by its number");
    apply(&mut s, &[Action::TypeDigit(3), Action::Back]);
    assert_eq!(
        (s.mode, s.presentation.typed),
        (Mode::Present(Show::Slide), None),
        "Esc clears the number first"
    );
    apply(&mut s, &[Action::TypeDigit(2), Action::NextSlide]);
    assert_eq!(s.presentation.typed, None, "moving clears it too");
    for _ in 0..20 {
        super::super::update(&mut s, Action::TypeDigit(9));
    }
    assert!(s.presentation.typed.unwrap() < 10_000_000);
}

#[test]
fn topic_numbers_do_not_depend_on_the_terminal_size() {
    let omstallning = {
        let s = presenting_at(80, 24);
        topic_of(&s, SlideKind::FocusArea(3))
    };
    for (w, h) in [(24, 8), (40, 12), (80, 24), (160, 45), (300, 100)] {
        let mut s = presenting_at(w, h);
        let number = (omstallning + 1).to_string();
        for digit in number.chars().filter_map(|c| c.to_digit(10)) {
            apply(&mut s, &[Action::TypeDigit(digit as u8)]);
        }
        apply(&mut s, &[Action::Confirm]);
        assert_eq!(kind(&s), SlideKind::FocusArea(3), "at {w}×{h}");
    }
}

#[test]
fn only_the_topic_on_screen_is_laid_out() {
    let mut s = presenting_at(40, 12);
    for _ in 0..30 {
        apply(&mut s, &[Action::NextSlide]);
        let deck = &s.presentation.deck;
        assert_eq!(deck.topic, s.presentation.topic);
        assert!(
            deck.slides.iter().all(|slide| slide.kind == kind(&s)),
            "one topic's slides, no more"
        );
    }
}

#[test]
fn overview_picks_a_topic() {
    let mut s = presenting_at(80, 24);
    apply(&mut s, &[Action::NextSlide, Action::ToggleOverview]);
    assert_eq!(
        (s.mode, s.presentation.overview_pick),
        (Mode::Present(Show::Overview), 1)
    );
    apply(
        &mut s,
        &[Action::NextSlide, Action::NextSlide, Action::Confirm],
    );
    assert_eq!((s.mode, at(&s)), (Mode::Present(Show::Slide), (3, 0)));
    apply(
        &mut s,
        &[Action::ToggleOverview, Action::LastSlide, Action::Back],
    );
    assert_eq!(
        (s.mode, at(&s)),
        (Mode::Present(Show::Slide), (3, 0)),
        "Esc closes without moving"
    );
    apply(&mut s, &[Action::ToggleOverview, Action::ToggleOverview]);
    assert_eq!(s.mode, Mode::Present(Show::Slide));
}

#[test]
fn blank_toggles_and_ignores_slide_keys() {
    let mut s = presenting_at(80, 24);
    apply(&mut s, &[Action::ToggleBlank, Action::NextSlide]);
    assert_eq!((s.mode, at(&s)), (Mode::Present(Show::Blank), (0, 0)));
    apply(&mut s, &[Action::ToggleBlank]);
    assert_eq!(s.mode, Mode::Present(Show::Slide));
    apply(&mut s, &[Action::ToggleBlank, Action::Back]);
    assert_eq!(
        s.mode,
        Mode::Present(Show::Slide),
        "Esc also brings the slide back"
    );
}

#[test]
fn p_in_the_browser_starts_at_the_selected_area_and_leaving_returns_to_the_slides_area() {
    let mut s = state();
    apply(&mut s, &[Action::JumpToFocusArea(3), Action::FocusDetail]);
    apply(&mut s, &[Action::StartPresentation]);
    assert_eq!(kind(&s), SlideKind::FocusArea(2));
    apply(&mut s, &[Action::NextSlide]);
    assert_eq!(kind(&s), SlideKind::FocusArea(3));
    apply(&mut s, &[Action::ClosePresentation]);
    assert_eq!((s.mode, s.selected), (Mode::Browse(Pane::GoalDetail), 3));
    assert!(!s.should_quit);
    apply(
        &mut s,
        &[Action::StartPresentation, Action::LastSlide, Action::Back],
    );
    assert_eq!(
        (s.mode, s.selected),
        (Mode::Browse(Pane::GoalDetail), 3),
        "no area: selection kept"
    );
}

#[test]
fn q_from_a_present_start_quits_and_esc_opens_the_browser() {
    let mut s = presenting_at(80, 24);
    apply(&mut s, &[Action::ClosePresentation]);
    assert!(s.should_quit);
    let mut s = presenting_at(80, 24);
    s.presentation.topic = topic_of(&s, SlideKind::FocusArea(2));
    lay_out(&mut s);
    apply(&mut s, &[Action::Back]);
    assert_eq!(
        (s.mode, s.selected, s.should_quit),
        (Mode::Browse(Pane::FocusList), 2, false)
    );
}

#[test]
fn help_opens_over_the_presentation_and_returns_to_it() {
    let mut s = presenting_at(60, 14);
    apply(
        &mut s,
        &[
            Action::NextSlide,
            Action::ToggleOverview,
            Action::ToggleHelp,
        ],
    );
    assert_eq!(s.mode, Mode::Help(Underlay::Present(Show::Overview)));
    apply(&mut s, &[Action::NextSlide]);
    assert_eq!(
        (s.help_scroll, s.presentation.overview_pick),
        (1, 1),
        "keys scroll the help"
    );
    apply(&mut s, &[Action::Back]);
    assert_eq!(s.mode, Mode::Present(Show::Overview));
}

#[test]
fn resizing_and_notes_keep_the_topic_and_the_part_if_it_still_exists() {
    let mut s = presenting_at(160, 45);
    s.presentation.topic = topic_of(&s, SlideKind::FocusArea(3));
    lay_out(&mut s);
    for (w, h) in [(40, 12), (1, 1), (80, 24), (300, 100)] {
        apply(
            &mut s,
            &[Action::Resize {
                width: w,
                height: h,
            }],
        );
        assert_eq!(kind(&s), SlideKind::FocusArea(3), "at {w}×{h}");
        assert_eq!(s.presentation.deck.size, (w, h));
    }
    apply(&mut s, &[Action::ToggleNotes]);
    assert!(s.presentation.notes && s.presentation.deck.with_notes);
    assert_eq!(kind(&s), SlideKind::FocusArea(3));
    // On the last part of a long topic, a larger screen needs fewer parts.
    let mut s = presenting_at(24, 8);
    s.presentation.topic = topic_of(&s, SlideKind::Background(0));
    s.presentation.part = usize::MAX;
    lay_out(&mut s);
    assert!(s.presentation.part > 0, "continues at 24×8");
    apply(
        &mut s,
        &[Action::Resize {
            width: 300,
            height: 100,
        }],
    );
    assert_eq!(
        (kind(&s), s.presentation.part),
        (SlideKind::Background(0), 0)
    );
}

#[test]
fn notes_scroll_a_panel_at_a_time_within_the_notes_and_restart_on_another_topic() {
    let mut document = crate::document::load::builtin();
    document.notes = Some("word ".repeat(300));
    let mut s = crate::app::testing::presenting_of(document, 80, 24);
    apply(&mut s, &[Action::NextSlide, Action::ScrollNotesDown]);
    assert_eq!(s.presentation.notes_scroll, 0, "hidden notes do not scroll");
    apply(&mut s, &[Action::ToggleNotes]);
    let region = s.notes_region();
    assert!(region.total > 2 * region.visible, "{region:?}");
    apply(&mut s, &[Action::ScrollNotesDown]);
    assert_eq!(
        s.presentation.notes_scroll,
        region.visible - 1,
        "a panel on, its last line kept in view"
    );
    apply(&mut s, &[Action::ScrollNotesUp, Action::ScrollNotesUp]);
    assert_eq!(s.presentation.notes_scroll, 0);
    for _ in 0..100 {
        apply(&mut s, &[Action::ScrollNotesDown]);
    }
    assert_eq!(
        s.presentation.notes_scroll,
        region.max_scroll(),
        "stops at the end"
    );
    apply(
        &mut s,
        &[Action::Resize {
            width: 160,
            height: 45,
        }],
    );
    let wider = s.notes_region();
    assert_eq!(s.presentation.notes_scroll, wider.max_scroll(), "clamped");
    apply(&mut s, &[Action::NextSlide]);
    assert_eq!(
        s.presentation.notes_scroll, 0,
        "new topic, top of its notes"
    );
}

#[test]
fn the_timer_counts_from_the_start_of_the_presentation() {
    let mut s = state();
    apply(&mut s, &[Action::Tick { seconds: 100 }]);
    apply(
        &mut s,
        &[
            Action::StartPresentation,
            Action::ToggleTimer,
            Action::Tick { seconds: 165 },
        ],
    );
    assert!(s.presentation.timer);
    assert_eq!(s.clock - s.presentation.started_at, 65);
}
