//! Actions that stand for another: each is one transition that returns the
//! other as its follow-up (applied by `update`, never by the transition).

use super::*;

fn presenting() -> State {
    let mut s = state();
    apply(&mut s, &[Action::StartPresentation, Action::FirstSlide]);
    s
}

#[test]
fn the_wheel_over_a_slide_stands_for_the_next_or_previous_slide() {
    let mut s = presenting();
    let before = s.presentation.clone();
    let wheel = |down| Action::Wheel {
        column: 10,
        row: 10,
        down,
    };
    assert_eq!(transition(&mut s, wheel(true)), Some(Action::NextSlide));
    assert_eq!(s.presentation, before, "the wheel alone turns nothing");
    assert_eq!(transition(&mut s, Action::NextSlide), None);
    assert_eq!(s.presentation.topic, 1);
    assert_eq!(
        transition(&mut s, wheel(false)),
        Some(Action::PreviousSlide)
    );
    update(&mut s, wheel(false));
    assert_eq!(s.presentation.topic, 0, "update applies the follow-up");
}

#[test]
fn enter_with_no_number_typed_stands_for_the_next_slide() {
    let mut s = presenting();
    assert_eq!(transition(&mut s, Action::Confirm), Some(Action::NextSlide));
    assert_eq!(s.presentation.topic, 0);
    update(&mut s, Action::Confirm);
    assert_eq!(s.presentation.topic, 1);
    // A number typed: Enter goes there, with nothing to follow.
    apply(&mut s, &[Action::TypeDigit(4)]);
    assert_eq!(transition(&mut s, Action::Confirm), None);
    assert_eq!(s.presentation.topic, 3);
}

#[test]
fn closing_the_presentation_from_its_help_closes_the_help_then_the_presentation() {
    let mut s = presenting();
    update(&mut s, Action::ToggleHelp);
    assert_eq!(s.mode, Mode::Help(Underlay::Present(Show::Slide)));
    assert_eq!(
        transition(&mut s, Action::ClosePresentation),
        Some(Action::ClosePresentation)
    );
    assert_eq!(s.mode, Mode::Present(Show::Slide), "the help is closed");
    assert_eq!(transition(&mut s, Action::ClosePresentation), None);
    assert_eq!(s.mode, Mode::Browse(Pane::FocusList));
    // The same in one update.
    let mut s = presenting();
    apply(&mut s, &[Action::ToggleHelp, Action::ClosePresentation]);
    assert_eq!(s.mode, Mode::Browse(Pane::FocusList));
}

#[test]
fn a_follow_up_has_no_follow_up_of_its_own() {
    // So `update` applies at most two transitions per action.
    let wheel = |column, row, down| Action::Wheel { column, row, down };
    let setups: &[&[Action]] = &[
        &[],
        &[Action::StartPresentation],
        &[Action::StartPresentation, Action::ToggleHelp],
        &[Action::StartPresentation, Action::ToggleOverview],
        &[Action::StartPresentation, Action::ToggleNotes],
        &[Action::StartPresentation, Action::LastSlide],
        &[Action::ToggleHelp],
        &[Action::ToggleBackground],
    ];
    let actions = [
        Action::Confirm,
        Action::ClosePresentation,
        Action::NextSlide,
        Action::Back,
        wheel(10, 3, true),
        wheel(10, 3, false),
        wheel(10, 21, true),
        Action::Click { column: 10, row: 3 },
    ];
    for setup in setups {
        for &action in &actions {
            let mut s = state();
            apply(&mut s, setup);
            if let Some(next) = transition(&mut s, action) {
                assert_eq!(
                    transition(&mut s, next),
                    None,
                    "{action:?} → {next:?} after {setup:?}"
                );
            }
        }
    }
}
