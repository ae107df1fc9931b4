//! One test per transition of `update`, on the built-in document and on
//! hand-made ones (empty, long).

use super::testing::{apply, state, state_at, state_of};
use super::*;

mod follow;
mod follow_ups;
mod scrolling;

/// A document with `areas` focus areas, each with `goals_each` goals.
fn synthetic(areas: usize, goals_each: usize) -> State {
    let long = "A long goal text that wraps over several lines in a narrow pane. ".repeat(3);
    state_of(super::testing::document(
        areas,
        goals_each,
        |i| format!("Area {i}"),
        |_| long.clone(),
    ))
}

#[test]
fn starts_browsing_the_list_with_the_first_area_selected() {
    let s = state();
    assert_eq!(s.mode, Mode::Browse(Pane::FocusList));
    assert_eq!(s.selected, 0);
    assert!(!s.should_quit);
}

#[test]
fn move_down_and_up_select_areas_and_stop_at_the_ends() {
    let mut s = state();
    apply(&mut s, &[Action::MoveDown, Action::MoveDown]);
    assert_eq!(s.selected, 2);
    apply(&mut s, &[Action::MoveDown; 10]);
    assert_eq!(s.selected, 4, "stops at the last area");
    apply(&mut s, &[Action::MoveUp; 10]);
    assert_eq!(s.selected, 0, "stops at the first area");
}

#[test]
fn top_and_bottom_jump_to_first_and_last_area() {
    let mut s = state();
    update(&mut s, Action::MoveToBottom);
    assert_eq!(s.selected, 4);
    update(&mut s, Action::MoveToTop);
    assert_eq!(s.selected, 0);
}

#[test]
fn jump_selects_by_number_and_ignores_numbers_without_an_area() {
    let mut s = state();
    update(&mut s, Action::JumpToFocusArea(3));
    assert_eq!(s.selected, 2);
    assert_eq!(s.document.focus_areas[s.selected].name, "Experimentlust");
    update(&mut s, Action::JumpToFocusArea(9));
    assert_eq!(s.selected, 2, "there is no ninth area");
    update(&mut s, Action::JumpToFocusArea(0));
    assert_eq!(s.selected, 2);
}

#[test]
fn panes_switch_with_tab_shift_tab_h_l_and_back() {
    let mut s = state();
    update(&mut s, Action::NextPane);
    assert_eq!(s.mode, Mode::Browse(Pane::GoalDetail));
    update(&mut s, Action::NextPane);
    assert_eq!(s.mode, Mode::Browse(Pane::FocusList));
    update(&mut s, Action::PreviousPane);
    assert_eq!(s.mode, Mode::Browse(Pane::GoalDetail));
    update(&mut s, Action::FocusList);
    assert_eq!(s.mode, Mode::Browse(Pane::FocusList));
    update(&mut s, Action::FocusDetail);
    assert_eq!(s.mode, Mode::Browse(Pane::GoalDetail));
    update(&mut s, Action::Back);
    assert_eq!(
        s.mode,
        Mode::Browse(Pane::FocusList),
        "Esc steps back from detail to list"
    );
    update(&mut s, Action::Back);
    assert_eq!(
        s.mode,
        Mode::Browse(Pane::FocusList),
        "Esc on the list stays"
    );
}

#[test]
fn help_opens_over_any_view_and_closes_back_to_it() {
    let mut s = state();
    update(&mut s, Action::FocusDetail);
    update(&mut s, Action::ToggleHelp);
    assert_eq!(s.mode, Mode::Help(Underlay::Browse(Pane::GoalDetail)));
    update(&mut s, Action::ToggleHelp);
    assert_eq!(s.mode, Mode::Browse(Pane::GoalDetail));
    apply(&mut s, &[Action::ToggleBackground, Action::ToggleHelp]);
    assert_eq!(s.mode, Mode::Help(Underlay::Background(Pane::GoalDetail)));
    update(&mut s, Action::Back);
    assert_eq!(s.mode, Mode::Background(Pane::GoalDetail));
    update(&mut s, Action::Back);
    assert_eq!(s.mode, Mode::Browse(Pane::GoalDetail));
}

#[test]
fn pane_and_jump_keys_do_nothing_under_overlays() {
    let mut s = state();
    update(&mut s, Action::ToggleBackground);
    apply(
        &mut s,
        &[
            Action::NextPane,
            Action::FocusDetail,
            Action::JumpToFocusArea(2),
        ],
    );
    assert_eq!((s.mode, s.selected), (Mode::Background(Pane::FocusList), 0));
    update(&mut s, Action::ToggleHelp);
    update(&mut s, Action::ToggleBackground);
    assert_eq!(s.mode, Mode::Help(Underlay::Background(Pane::FocusList)));
}

#[test]
fn quit_sets_the_flag_from_any_mode() {
    for setup in [
        vec![],
        vec![Action::ToggleHelp],
        vec![Action::ToggleBackground],
    ] {
        let mut s = state();
        apply(&mut s, &setup);
        update(&mut s, Action::Quit);
        assert!(s.should_quit);
    }
}

#[test]
fn an_empty_document_is_browsable() {
    let mut s = synthetic(0, 0);
    for action in [
        Action::MoveDown,
        Action::MoveToBottom,
        Action::PageDown,
        Action::JumpToFocusArea(1),
        Action::FocusDetail,
        Action::MoveDown,
        Action::ToggleBackground,
        Action::MoveToBottom,
        Action::ToggleHelp,
    ] {
        update(&mut s, action);
        assert_eq!(s.selected, 0);
    }
}

#[test]
fn suspend_and_redraw_only_ask_the_terminal_on_every_screen() {
    type Reach = fn(&mut State);
    let screens: [(&str, Reach); 5] = [
        ("browser", |_| {}),
        ("goal pane", |s| update(s, Action::FocusDetail)),
        ("search", |s| {
            apply(s, &[Action::StartSearch, Action::SearchType('l')])
        }),
        ("help", |s| update(s, Action::ToggleHelp)),
        ("presentation", |s| {
            apply(s, &[Action::StartPresentation, Action::ToggleNotes])
        }),
    ];
    for (name, reach) in screens {
        for (action, request) in [
            (Action::Suspend, TerminalRequest::Suspend),
            (Action::Redraw, TerminalRequest::Redraw),
        ] {
            let mut s = state();
            update(&mut s, Action::JumpToFocusArea(2));
            reach(&mut s);
            s.message = Some("a link".into());
            let (mode, selected, slide) = (s.mode, s.selected, s.presentation.part);
            update(&mut s, action);
            assert_eq!(s.terminal_request, Some(request), "{name}");
            assert_eq!(
                (s.mode, s.selected, s.presentation.part),
                (mode, selected, slide),
                "{name}"
            );
            assert_eq!(
                s.message.as_deref(),
                Some("a link"),
                "{name}: nothing on screen changes"
            );
            assert!(!s.should_quit);
        }
    }
}

/// What the screen shows, as far as the state decides it.
fn seen(s: &State) -> impl PartialEq + std::fmt::Debug {
    let p = &s.presentation;
    (
        (s.mode, s.selected, s.list_offset, s.detail_scroll),
        (s.background_scroll, s.help_scroll, s.message.clone()),
        (s.search.query.clone(), s.search.is_active()),
        (p.topic, p.part, p.notes, p.timer, p.typed, p.overview_pick),
    )
}

#[test]
fn keys_while_the_terminal_is_too_small_change_nothing_but_quit_works() {
    let keys = [
        Action::MoveDown,
        Action::NextPane,
        Action::JumpToFocusArea(4),
        Action::ToggleHelp,
        Action::ToggleBackground,
        Action::StartSearch,
        Action::SearchType('x'),
        Action::ShowLink,
        Action::Click { column: 3, row: 3 },
        Action::Wheel {
            column: 3,
            row: 3,
            down: true,
        },
        Action::Back,
        Action::StartPresentation,
        Action::NextSlide,
        Action::ToggleNotes,
        Action::TypeDigit(5),
        Action::ClosePresentation,
    ];
    for presenting in [false, true] {
        let fresh = || {
            let mut s = state();
            if presenting {
                apply(&mut s, &[Action::StartPresentation]);
            }
            s
        };
        let mut s = fresh();
        // Below both minimum sizes: the browser's 30×10, the slides' 24×8.
        apply(
            &mut s,
            &[Action::Resize {
                width: 20,
                height: 6,
            }],
        );
        assert!(s.too_small());
        apply(&mut s, &keys);
        apply(
            &mut s,
            &[Action::Resize {
                width: 80,
                height: 24,
            }],
        );
        let expected = fresh();
        assert_eq!(seen(&s), seen(&expected), "presenting: {presenting}");
        apply(
            &mut s,
            &[
                Action::Resize {
                    width: 20,
                    height: 6,
                },
                Action::Quit,
            ],
        );
        assert!(s.should_quit);
    }
    // Between the two minimums the slides fit and their keys work.
    let mut s = state();
    apply(
        &mut s,
        &[
            Action::StartPresentation,
            Action::Resize {
                width: 26,
                height: 9,
            },
        ],
    );
    let before = (s.presentation.topic, s.presentation.part);
    apply(&mut s, &[Action::NextSlide]);
    assert!(!s.too_small());
    assert_ne!((s.presentation.topic, s.presentation.part), before);
}

#[test]
fn force_quit_quits_from_every_screen_even_too_small() {
    let too_small = Action::Resize {
        width: 20,
        height: 6,
    };
    for setup in [
        vec![],
        vec![Action::ToggleHelp],
        vec![Action::ToggleBackground],
        vec![Action::StartSearch, Action::SearchType('x')],
        vec![
            Action::StartSearch,
            Action::SearchType('x'),
            Action::SearchConfirm,
        ],
        vec![Action::StartPresentation],
        vec![Action::StartPresentation, Action::ToggleOverview],
        vec![Action::StartPresentation, Action::ToggleHelp],
        vec![too_small],
        vec![Action::StartPresentation, too_small],
    ] {
        let mut s = state();
        apply(&mut s, &setup);
        assert!(!s.should_quit, "{setup:?}");
        update(&mut s, Action::ForceQuit);
        assert!(s.should_quit, "{setup:?}");
    }
    let mut s = State::presenting(
        crate::document::load::builtin(),
        crate::theme::Theme::default(),
    );
    apply(
        &mut s,
        &[
            Action::Resize {
                width: 80,
                height: 24,
            },
            Action::ForceQuit,
        ],
    );
    assert!(s.should_quit);
}
