//! The workshop room's transitions: following, wandering off, snapping back.

use super::*;
use crate::app::follow::{Attendance, Position, Role};

fn participant() -> State {
    let mut s = state();
    s.join_as_participant();
    s
}

fn slide(topic: usize) -> Action {
    Action::PresenterAt(Position::Slide {
        topic,
        blank: false,
    })
}

#[test]
fn a_follower_goes_to_the_presenters_slide_and_focus_area() {
    let mut s = participant();
    update(&mut s, slide(3));
    assert!(s.is_presenting());
    assert_eq!(
        (s.mode, s.presentation.topic),
        (Mode::Present(Show::Slide), 3)
    );
    update(&mut s, Action::PresenterAt(Position::Browsing { area: 2 }));
    assert_eq!((s.mode, s.selected), (Mode::Browse(Pane::FocusList), 2));
    update(
        &mut s,
        Action::PresenterAt(Position::Slide {
            topic: 4,
            blank: true,
        }),
    );
    assert_eq!(
        (s.mode, s.presentation.topic),
        (Mode::Present(Show::Blank), 4)
    );
    assert!(s.room.following);
}

#[test]
fn a_slide_past_the_end_shows_the_last_one() {
    let mut s = participant();
    update(&mut s, slide(10_000));
    let topics = crate::layout::slides::count(&s.document);
    assert_eq!(s.presentation.topic, topics - 1);
}

#[test]
fn a_key_that_moves_the_follower_detaches_them_and_the_presenter_no_longer_moves_them() {
    let mut s = participant();
    update(&mut s, slide(2));
    update(&mut s, Action::NextSlide);
    assert!(!s.room.following, "their own move");
    assert_eq!(s.presentation.topic, 3);
    update(&mut s, slide(5));
    assert_eq!(s.presentation.topic, 3, "detached: not moved");
    assert_eq!(
        s.room.presenter,
        Some(Position::Slide {
            topic: 5,
            blank: false
        })
    );
    update(&mut s, Action::Follow);
    assert!(s.room.following);
    assert_eq!(s.presentation.topic, 5, "f snaps back");
}

#[test]
fn looking_without_moving_keeps_following() {
    let mut s = participant();
    update(&mut s, slide(2));
    for action in [
        Action::ToggleHelp,
        Action::MoveDown,
        Action::ToggleHelp,
        Action::Resize {
            width: 100,
            height: 30,
        },
        Action::Tick { seconds: 5 },
    ] {
        update(&mut s, action);
        assert!(s.room.following, "{action:?}");
    }
    update(&mut s, slide(4));
    assert_eq!(s.presentation.topic, 4);
}

#[test]
fn a_follower_searching_is_shown_the_presenters_area_even_if_the_search_hid_it() {
    let mut s = participant();
    update(&mut s, Action::PresenterAt(Position::Browsing { area: 0 }));
    // A word that finds some areas, not the first.
    let query = [
        "experimentlust",
        "omställning",
        "tillsammans",
        "livskvalitet",
    ]
    .into_iter()
    .find(|q| {
        let hits = crate::document::matching::matching_areas(&s.document, q);
        !hits.is_empty() && !hits.contains(&0)
    })
    .expect("a word that leaves out the first area");
    apply(&mut s, &[Action::StartSearch]);
    for c in query.chars() {
        update(&mut s, Action::SearchType(c));
    }
    update(&mut s, Action::SearchConfirm);
    assert!(!s.room.following, "the search moved them");
    let own = s.selected;
    update(&mut s, Action::PresenterAt(Position::Browsing { area: 0 }));
    assert_eq!(s.selected, own, "still on their own");
    update(&mut s, Action::Follow);
    assert_eq!(s.selected, 0);
    assert!(!s.search.is_active(), "the search that hid it gave way");
}

#[test]
fn f_before_any_presenter_move_only_follows() {
    let mut s = participant();
    update(&mut s, Action::MoveDown);
    assert!(!s.room.following);
    update(&mut s, Action::Follow);
    assert!(s.room.following);
    assert_eq!(s.selected, 1, "nowhere to go yet");
}

#[test]
fn the_app_alone_is_never_moved_by_the_room() {
    let mut s = state();
    assert_eq!(s.room.role, Role::Alone);
    update(&mut s, slide(3));
    update(&mut s, Action::Follow);
    assert_eq!(s.mode, Mode::Browse(Pane::FocusList));
}

#[test]
fn presenters_share_one_position_the_last_move_wins() {
    let mut s = state();
    s.join_as_presenter();
    update(&mut s, slide(3));
    assert_eq!(s.presentation.topic, 3, "another presenter moved");
    update(&mut s, Action::NextSlide);
    assert_eq!(s.presentation.topic, 4);
    update(&mut s, Action::PresenterAt(Position::Browsing { area: 1 }));
    assert_eq!((s.mode, s.selected), (Mode::Browse(Pane::FocusList), 1));
    update(&mut s, Action::Follow);
    assert_eq!(s.selected, 1, "f is a participant's key");
}

#[test]
fn the_presenter_leaving_is_remembered_until_one_comes_back() {
    let mut s = participant();
    update(&mut s, slide(2));
    update(&mut s, Action::PresenterLeft);
    assert!(s.room.presenter_left);
    assert_eq!(s.presentation.topic, 2, "the last slide stays");
    update(&mut s, slide(3));
    assert!(!s.room.presenter_left);
}

#[test]
fn attendance_is_kept_for_the_footer() {
    let mut s = state();
    s.join_as_presenter();
    let seen = Attendance {
        connected: 12,
        following: 9,
    };
    update(&mut s, Action::RoomAttendance(seen));
    assert_eq!(s.room.attendance, seen);
}

#[test]
fn the_position_is_the_topic_when_presenting_and_the_area_when_browsing() {
    let mut s = state();
    update(&mut s, Action::MoveDown);
    assert_eq!(s.position(), Position::Browsing { area: 1 });
    apply(
        &mut s,
        &[
            Action::StartPresentation,
            Action::NextSlide,
            Action::ToggleBlank,
        ],
    );
    let topic = s.presentation.topic;
    assert_eq!(s.position(), Position::Slide { topic, blank: true });
}
