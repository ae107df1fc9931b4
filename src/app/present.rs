//! The presentation's transitions, split from `app` to keep each file short.
//! Same rules as the rest of `update`: pure, total, invariants restored.

use super::{Action, Mode, Origin, Pane, Show, Size, State};
use crate::slides::{self, SlideKind};

/// Most digits a typed slide number may have (more is a typo, not a slide).
const MAX_TYPED_DIGITS: u32 = 6;

/// Starts presenting at the slide of the selected focus area.
pub(super) fn start(state: &mut State, origin: Origin) {
    state.presentation.origin = origin;
    state.presentation.typed = None;
    state.presentation.started_at = state.clock;
    state.mode = Mode::Present(Show::Slide);
    rebuild_deck(state);
    let deck = &state.presentation.deck;
    state.presentation.slide = deck
        .find(SlideKind::FocusArea(state.selected), 0)
        .unwrap_or(0);
}

/// Rebuilds the slides for the current size and notes panel, keeping the
/// presenter on the same content (same kind of slide, same part if it still exists).
pub(crate) fn rebuild_deck(state: &mut State) {
    let p = &mut state.presentation;
    let current = p.deck.slides.get(p.slide).map(|s| (s.kind, s.part));
    let picked = p.deck.slides.get(p.overview_pick).map(|s| (s.kind, s.part));
    let Size { width, height } = state.size;
    p.deck = slides::build_with(&state.document, &state.strings, width, height, p.notes);
    let locate = |at: Option<(SlideKind, usize)>, fallback: usize| {
        at.and_then(|(kind, part)| p.deck.find(kind, part))
            .unwrap_or(fallback)
    };
    p.slide = locate(current, p.slide);
    p.overview_pick = locate(picked, p.overview_pick);
}

/// Leaves the presentation for the browser, on the slide's focus area.
fn leave(state: &mut State) {
    if let Some(area) = state.current_slide().and_then(|s| s.focus_area) {
        state.selected = area;
        state.detail_scroll = 0;
    }
    let pane = match state.presentation.origin {
        Origin::Browser(pane) => pane,
        Origin::CommandLine => Pane::FocusList,
    };
    state.mode = Mode::Browse(pane);
}

/// Handles `action` while presenting. Returns false for actions the general
/// `update` should handle (help, quit, resize bookkeeping, the clock).
pub(super) fn update(state: &mut State, action: Action) -> bool {
    let last = state.presentation.deck.slides.len().saturating_sub(1);
    let Mode::Present(show) = state.mode else {
        // Help over the presentation: slide keys scroll the help.
        let scroll = match action {
            Action::NextSlide => Action::MoveDown,
            Action::PreviousSlide => Action::MoveUp,
            Action::FirstSlide => Action::MoveToTop,
            Action::LastSlide => Action::MoveToBottom,
            Action::ClosePresentation => {
                state.mode = Mode::Present(Show::Slide);
                return update(state, action);
            }
            Action::Resize { width, height } => {
                state.size = Size { width, height };
                rebuild_deck(state);
                return true;
            }
            _ => return false,
        };
        state.help_scroll = match scroll {
            Action::MoveDown => state.help_scroll.saturating_add(1),
            Action::MoveUp => state.help_scroll.saturating_sub(1),
            Action::MoveToTop => 0,
            _ => usize::MAX,
        };
        return true;
    };
    let p = &mut state.presentation;
    match (show, action) {
        (_, Action::Resize { width, height }) => {
            state.size = Size { width, height };
            rebuild_deck(state);
        }
        (_, Action::ToggleNotes) => {
            p.notes = !p.notes;
            rebuild_deck(state);
        }
        (_, Action::ToggleTimer) => p.timer = !p.timer,
        (_, Action::ToggleBlank) => {
            state.mode = Mode::Present(if show == Show::Blank {
                Show::Slide
            } else {
                Show::Blank
            });
        }
        (Show::Blank, Action::Back) => state.mode = Mode::Present(Show::Slide),
        (_, Action::ToggleOverview) => {
            if show == Show::Overview {
                state.mode = Mode::Present(Show::Slide);
            } else {
                p.overview_pick = p.slide;
                p.typed = None;
                state.mode = Mode::Present(Show::Overview);
            }
        }
        (Show::Overview, Action::NextSlide) => p.overview_pick = (p.overview_pick + 1).min(last),
        (Show::Overview, Action::PreviousSlide) => {
            p.overview_pick = p.overview_pick.saturating_sub(1)
        }
        (Show::Overview, Action::FirstSlide) => p.overview_pick = 0,
        (Show::Overview, Action::LastSlide) => p.overview_pick = last,
        (Show::Overview, Action::Confirm) => {
            p.slide = p.overview_pick;
            state.mode = Mode::Present(Show::Slide);
        }
        (Show::Overview, Action::Back) => state.mode = Mode::Present(Show::Slide),
        (Show::Slide, Action::NextSlide) => {
            p.slide = (p.slide + 1).min(last);
            p.typed = None;
        }
        (Show::Slide, Action::PreviousSlide) => {
            p.slide = p.slide.saturating_sub(1);
            p.typed = None;
        }
        (Show::Slide, Action::FirstSlide) => {
            p.slide = 0;
            p.typed = None;
        }
        (Show::Slide, Action::LastSlide) => {
            p.slide = last;
            p.typed = None;
        }
        (Show::Slide, Action::TypeDigit(digit)) => {
            let typed = p.typed.unwrap_or(0);
            if typed < 10u32.pow(MAX_TYPED_DIGITS - 1) {
                p.typed = Some(typed * 10 + u32::from(digit.min(9)));
            }
        }
        (Show::Slide, Action::Confirm) => match p.typed.take() {
            Some(number) if number >= 1 => p.slide = (number as usize - 1).min(last),
            Some(_) => {}
            None => p.slide = (p.slide + 1).min(last),
        },
        (Show::Slide, Action::Back) if p.typed.is_some() => p.typed = None,
        (Show::Slide, Action::Back) => leave(state),
        (_, Action::ClosePresentation) => match p.origin {
            Origin::Browser(_) => leave(state),
            Origin::CommandLine => state.should_quit = true,
        },
        (_, Action::Tick { seconds }) => {
            state.clock = seconds;
        }
        (_, Action::ToggleHelp | Action::Quit | Action::Click { .. } | Action::Wheel { .. }) => {
            return false;
        }
        // Browser actions, and slide actions while blanked, do nothing here.
        _ => {}
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Underlay;
    use crate::theme::Theme;

    fn presenting_at(width: u16, height: u16) -> State {
        let mut state = State::presenting(crate::load::builtin(), Theme::default());
        super::super::update(&mut state, Action::Resize { width, height });
        state
    }

    fn apply(state: &mut State, actions: &[Action]) {
        for &action in actions {
            super::super::update(state, action);
        }
    }

    fn kind(state: &State) -> SlideKind {
        state
            .current_slide()
            .map(|s| s.kind)
            .unwrap_or(SlideKind::Title)
    }

    #[test]
    fn starts_on_the_title_slide() {
        let s = presenting_at(80, 24);
        assert_eq!(
            (s.mode, s.presentation.slide, kind(&s)),
            (Mode::Present(Show::Slide), 0, SlideKind::Title)
        );
    }

    #[test]
    fn next_previous_first_last_stay_in_range() {
        let mut s = presenting_at(80, 24);
        let last = s.presentation.deck.slides.len() - 1;
        apply(&mut s, &[Action::NextSlide, Action::NextSlide]);
        assert_eq!(s.presentation.slide, 2);
        apply(&mut s, &[Action::PreviousSlide]);
        assert_eq!(s.presentation.slide, 1);
        apply(&mut s, &[Action::LastSlide, Action::NextSlide]);
        assert_eq!(s.presentation.slide, last);
        assert_eq!(kind(&s), SlideKind::Closing);
        apply(&mut s, &[Action::FirstSlide, Action::PreviousSlide]);
        assert_eq!(s.presentation.slide, 0);
        apply(&mut s, &[Action::Confirm]);
        assert_eq!(s.presentation.slide, 1, "Enter with nothing typed is next");
    }

    #[test]
    fn typing_a_number_then_enter_jumps_there() {
        let mut s = presenting_at(80, 24);
        apply(
            &mut s,
            &[Action::TypeDigit(1), Action::TypeDigit(0), Action::Confirm],
        );
        assert_eq!((s.presentation.slide, s.presentation.typed), (9, None));
        apply(
            &mut s,
            &[Action::TypeDigit(9), Action::TypeDigit(9), Action::Confirm],
        );
        assert_eq!(
            s.presentation.slide,
            s.presentation.deck.slides.len() - 1,
            "past the end: last"
        );
        apply(&mut s, &[Action::TypeDigit(0), Action::Confirm]);
        assert_eq!(
            s.presentation.slide,
            s.presentation.deck.slides.len() - 1,
            "0 goes nowhere"
        );
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
    fn overview_picks_a_slide() {
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
        assert_eq!(
            (s.mode, s.presentation.slide),
            (Mode::Present(Show::Slide), 3)
        );
        apply(
            &mut s,
            &[Action::ToggleOverview, Action::LastSlide, Action::Back],
        );
        assert_eq!(
            (s.mode, s.presentation.slide),
            (Mode::Present(Show::Slide), 3),
            "Esc closes without moving"
        );
        apply(&mut s, &[Action::ToggleOverview, Action::ToggleOverview]);
        assert_eq!(s.mode, Mode::Present(Show::Slide));
    }

    #[test]
    fn blank_toggles_and_ignores_slide_keys() {
        let mut s = presenting_at(80, 24);
        apply(&mut s, &[Action::ToggleBlank, Action::NextSlide]);
        assert_eq!(
            (s.mode, s.presentation.slide),
            (Mode::Present(Show::Blank), 0)
        );
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
        let mut s = State::new(crate::load::builtin(), Theme::default());
        apply(
            &mut s,
            &[
                Action::Resize {
                    width: 80,
                    height: 24,
                },
                Action::JumpToFocusArea(3),
                Action::FocusDetail,
            ],
        );
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
        let experimentlust = s
            .presentation
            .deck
            .find(SlideKind::FocusArea(2), 0)
            .unwrap();
        s.presentation.slide = experimentlust;
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
    fn resizing_and_notes_keep_the_slide() {
        let mut s = presenting_at(160, 45);
        let i = s
            .presentation
            .deck
            .find(SlideKind::FocusArea(3), 0)
            .unwrap();
        s.presentation.slide = i;
        for (w, h) in [(40, 12), (1, 1), (80, 24), (300, 100)] {
            apply(
                &mut s,
                &[Action::Resize {
                    width: w,
                    height: h,
                }],
            );
            assert_eq!(kind(&s), SlideKind::FocusArea(3), "at {w}×{h}");
        }
        apply(&mut s, &[Action::ToggleNotes]);
        assert!(s.presentation.notes && s.presentation.deck.with_notes);
        assert_eq!(kind(&s), SlideKind::FocusArea(3));
    }

    #[test]
    fn the_timer_counts_from_the_start_of_the_presentation() {
        let mut s = State::new(crate::load::builtin(), Theme::default());
        apply(
            &mut s,
            &[
                Action::Resize {
                    width: 80,
                    height: 24,
                },
                Action::Tick { seconds: 100 },
            ],
        );
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
}
