//! Mouse transitions: a click selects the focus area under it and gives its
//! pane the keyboard; the wheel scrolls whatever is under the pointer.

use ratatui::layout::{Position, Rect};

use super::{Action, Handled, Mode, Pane, State, Step, step};
use crate::layout::screen::{areas, pane_inner};

/// Lines the wheel moves per notch.
const WHEEL_LINES: usize = 3;

fn contains(rect: Rect, column: u16, row: u16) -> bool {
    rect.contains(Position { x: column, y: row })
}

/// Moves `lines` down (or up) in whatever the mode moves: what pressing ↓
/// (or ↑) that many times does, in one move.
fn scroll(state: &mut State, down: bool, lines: usize) {
    state.anchor_goal = None;
    step(
        state,
        if down {
            Step::Down(lines)
        } else {
            Step::Up(lines)
        },
    );
}

/// Handles `Click` and `Wheel`; [`Handled::No`] for every other action.
pub(super) fn update_mouse(state: &mut State, action: Action) -> Handled {
    let (column, row, wheel) = match action {
        Action::Click { column, row } => (column, row, None),
        Action::Wheel { column, row, down } => (column, row, Some(down)),
        _ => return Handled::No,
    };
    match (state.mode, wheel) {
        // Presenting: the wheel over the speaker notes scrolls them, and
        // anywhere else turns slides; clicks do nothing (a stray click must
        // not jump during a talk).
        (Mode::Present(_), Some(down))
            if state
                .notes_panel()
                .is_some_and(|panel| contains(panel, column, row)) =>
        {
            let p = &mut state.presentation;
            p.notes_scroll = if down {
                p.notes_scroll.saturating_add(WHEEL_LINES)
            } else {
                p.notes_scroll.saturating_sub(WHEEL_LINES)
            };
        }
        (Mode::Present(_), Some(down)) => {
            return Handled::Then(if down {
                Action::NextSlide
            } else {
                Action::PreviousSlide
            });
        }
        (Mode::Help(_) | Mode::Background(_), Some(down)) => {
            scroll(state, down, WHEEL_LINES);
        }
        (Mode::Browse(_), _) => {
            let Some(areas) = areas(&state.document, state.screen()) else {
                return Handled::Done;
            };
            if contains(areas.list, column, row) {
                match wheel {
                    Some(down) => {
                        state.mode = Mode::Browse(Pane::FocusList);
                        scroll(state, down, 1);
                    }
                    None => {
                        state.mode = Mode::Browse(Pane::FocusList);
                        let inner = pane_inner(areas.list);
                        if contains(inner, column, row) {
                            let position = state.list_offset + usize::from(row - inner.y);
                            if let Some(index) = state.visible_at(position) {
                                if index != state.selected {
                                    state.detail_scroll = 0;
                                    state.anchor_goal = None;
                                }
                                state.selected = index;
                            }
                        }
                    }
                }
            } else if contains(areas.detail, column, row) {
                state.mode = Mode::Browse(Pane::GoalDetail);
                if let Some(down) = wheel {
                    scroll(state, down, WHEEL_LINES);
                }
            }
        }
        // While typing a search the mouse waits; clicks on overlays do nothing.
        (Mode::Search(_), _) | (Mode::Present(_) | Mode::Help(_) | Mode::Background(_), None) => {}
    }
    Handled::Done
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{apply, state};
    use crate::app::update;

    #[test]
    fn clicking_a_focus_area_selects_it() {
        let mut s = state();
        let areas = areas(&s.document, Rect::new(0, 0, 80, 24)).unwrap();
        let inner = pane_inner(areas.list);
        update(
            &mut s,
            Action::Click {
                column: inner.x + 3,
                row: inner.y + 2,
            },
        );
        assert_eq!((s.selected, s.mode), (2, Mode::Browse(Pane::FocusList)));
        // Below the last area: nothing changes.
        update(
            &mut s,
            Action::Click {
                column: inner.x + 3,
                row: inner.y + 10,
            },
        );
        assert_eq!(s.selected, 2);
    }

    #[test]
    fn clicking_the_detail_pane_focuses_it_and_the_wheel_scrolls_under_the_pointer() {
        let mut s = state();
        let areas = areas(&s.document, Rect::new(0, 0, 80, 24)).unwrap();
        update(
            &mut s,
            Action::Click {
                column: areas.detail.x + 5,
                row: areas.detail.y + 3,
            },
        );
        assert_eq!(s.mode, Mode::Browse(Pane::GoalDetail));
        update(
            &mut s,
            Action::Wheel {
                column: areas.list.x + 2,
                row: areas.list.y + 2,
                down: true,
            },
        );
        assert_eq!(
            (s.mode, s.selected),
            (Mode::Browse(Pane::FocusList), 1),
            "the wheel over the list moves it"
        );
        update(
            &mut s,
            Action::Wheel {
                column: 1,
                row: 0,
                down: true,
            },
        );
        assert_eq!(s.selected, 1, "the header does not scroll");
    }

    #[test]
    fn the_wheel_turns_slides_and_clicks_do_not() {
        let mut s = state();
        update(&mut s, Action::StartPresentation);
        let first = s.presentation.topic;
        update(
            &mut s,
            Action::Wheel {
                column: 10,
                row: 10,
                down: true,
            },
        );
        assert_eq!(s.presentation.topic, first + 1);
        update(
            &mut s,
            Action::Click {
                column: 10,
                row: 10,
            },
        );
        assert_eq!(s.presentation.topic, first + 1);
    }

    #[test]
    fn the_wheel_over_the_speaker_notes_scrolls_them_not_the_slides() {
        let mut document = crate::document::load::builtin();
        document.notes = Some("word ".repeat(400));
        let mut s = crate::app::testing::state_of(document);
        apply(&mut s, &[Action::StartPresentation, Action::FirstSlide]);
        apply(&mut s, &[Action::NextSlide, Action::ToggleNotes]);
        let topic = s.presentation.topic;
        let panel = s.notes_panel().expect("the panel is on screen");
        let over_notes = |down| Action::Wheel {
            column: panel.x + 4,
            row: panel.y + 2,
            down,
        };
        apply(&mut s, &[over_notes(true), over_notes(true)]);
        assert_eq!(
            (s.presentation.topic, s.presentation.notes_scroll),
            (topic, 2 * WHEEL_LINES)
        );
        apply(&mut s, &[over_notes(false)]);
        assert_eq!(s.presentation.notes_scroll, WHEEL_LINES);
        let above = Action::Wheel {
            column: panel.x + 4,
            row: panel.y - 1,
            down: true,
        };
        apply(&mut s, &[above]);
        assert_eq!(s.presentation.topic, topic + 1, "above the panel: slides");
    }

    #[test]
    fn a_notch_of_the_wheel_moves_as_far_as_the_arrow_pressed_as_often() {
        let mut long = crate::document::load::builtin();
        for area in &mut long.focus_areas {
            area.description = Some("ord ".repeat(400));
        }
        long.background[0].paragraphs.push("ord ".repeat(900));
        let mut s = State::new(long, crate::theme::Theme::default());
        update(
            &mut s,
            Action::Resize {
                width: 80,
                height: 24,
            },
        );
        let areas = areas(&s.document, s.screen()).unwrap();
        let at = |rect: Rect| (rect.x + 2, rect.y + 2);
        // (how to get there, where the wheel turns, the keys it stands for)
        type Case<'a> = (&'a [Action], (u16, u16), &'a [Action]);
        let cases: [Case<'_>; 6] = [
            (&[], at(areas.list), &[Action::FocusList, Action::MoveDown]),
            (
                &[Action::FocusDetail, Action::PageDown],
                at(areas.list),
                &[Action::FocusList, Action::MoveDown],
            ),
            (
                &[Action::FocusList],
                at(areas.detail),
                &[
                    Action::FocusDetail,
                    Action::MoveDown,
                    Action::MoveDown,
                    Action::MoveDown,
                ],
            ),
            (
                &[Action::ToggleHelp],
                (40, 12),
                &[Action::MoveDown, Action::MoveDown, Action::MoveDown],
            ),
            (
                &[Action::ToggleBackground],
                (40, 12),
                &[Action::MoveDown, Action::MoveDown, Action::MoveDown],
            ),
            (
                &[Action::StartPresentation, Action::ToggleHelp],
                (40, 12),
                &[Action::MoveDown, Action::MoveDown, Action::MoveDown],
            ),
        ];
        for (setup, (column, row), keys) in cases {
            let mut by_wheel = s.clone();
            apply(&mut by_wheel, setup);
            // A goal kept at the top (after `--open goal:N`) lets go on either.
            by_wheel.anchor_goal = Some(1);
            let mut by_keys = by_wheel.clone();
            // Down far enough to reach the end, then back up past the start.
            for down in [true, false] {
                for _ in 0..40 {
                    apply(&mut by_wheel, &[Action::Wheel { column, row, down }]);
                    let keys: Vec<Action> = keys
                        .iter()
                        .map(|&key| match (key, down) {
                            (Action::MoveDown, false) => Action::MoveUp,
                            (key, _) => key,
                        })
                        .collect();
                    apply(&mut by_keys, &keys);
                    let seen = |s: &State| {
                        (
                            s.mode,
                            s.selected,
                            s.list_offset,
                            s.detail_scroll,
                            s.background_scroll,
                            s.help_scroll,
                            s.anchor_goal,
                        )
                    };
                    assert_eq!(seen(&by_wheel), seen(&by_keys), "{setup:?}");
                }
            }
        }
    }

    #[test]
    fn clicks_outside_the_screen_are_harmless() {
        let mut s = state();
        update(
            &mut s,
            Action::Click {
                column: 500,
                row: 500,
            },
        );
        update(
            &mut s,
            Action::Resize {
                width: 5,
                height: 3,
            },
        );
        update(&mut s, Action::Click { column: 1, row: 1 });
        update(
            &mut s,
            Action::Wheel {
                column: 1,
                row: 1,
                down: false,
            },
        );
        assert_eq!(s.selected, 0);
    }
}
