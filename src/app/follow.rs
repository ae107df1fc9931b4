//! The workshop room: a presenter's position, followed by every participant
//! who has not wandered off on their own.
//!
//! What the presenter shows is one small value, [`Position`], which the
//! presenter's session publishes and every participant's session receives as
//! an action ([`Action::PresenterAt`]). A participant who follows goes
//! there; one who browses on their own only remembers it, for the status line
//! and for `f`, which snaps back.

use serde::{Deserialize, Serialize};

use super::{Action, Mode, Origin, Pane, Show, State, Underlay, present, rebuild_deck};

/// What a presenter shows, as followers need it: the same topic (slides are
/// numbered by topic, so it is the same at any size) or, while browsing, the
/// same focus area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Position {
    /// Presenting topic `topic` (0-based); `blank` while the screen is blanked.
    Slide {
        /// The topic.
        topic: usize,
        /// Whether the presenter blanked the screen.
        blank: bool,
    },
    /// Browsing, with focus area `area` (0-based) selected.
    Browsing {
        /// The focus area.
        area: usize,
    },
}

/// How many are in the room, for the presenter's footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Attendance {
    /// Participants connected.
    pub connected: u32,
    /// Of those, how many follow.
    pub following: u32,
}

/// A session's part in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// No room: the app on its own.
    #[default]
    Alone,
    /// Drives the room: every move is published.
    Presenter,
    /// Follows the presenter, or browses on their own.
    Participant,
}

/// The room as one session sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Room {
    /// This session's part.
    pub role: Role,
    /// A participant who follows goes wherever the presenter goes.
    pub following: bool,
    /// Where the presenter was last seen (`None`: no presenter yet).
    pub presenter: Option<Position>,
    /// The presenter has gone; the last position stays on screen.
    pub presenter_left: bool,
    /// Who is in the room (for a presenter).
    pub attendance: Attendance,
}

impl State {
    /// Where this session is, as a presenter publishes it.
    pub fn position(&self) -> Position {
        if self.is_presenting() {
            let blank = matches!(
                self.mode,
                Mode::Present(Show::Blank) | Mode::Help(Underlay::Present(Show::Blank))
            );
            Position::Slide {
                topic: self.presentation.topic,
                blank,
            }
        } else {
            Position::Browsing {
                area: self.selected,
            }
        }
    }

    /// Makes this session a participant who follows from the start.
    pub fn join_as_participant(&mut self) {
        self.room.role = Role::Participant;
        self.room.following = true;
    }

    /// Makes this session the room's presenter.
    pub fn join_as_presenter(&mut self) {
        self.room.role = Role::Presenter;
        self.room.following = false;
    }

    /// True for a presenter in a workshop: the notes panel is the speaker
    /// view, with what comes next.
    pub fn is_speaker(&self) -> bool {
        self.room.role == Role::Presenter
    }
}

/// The room's transitions: the presenter's moves, `f`, who is in the room.
/// `None` when `action` is not one of them.
pub(super) fn update(state: &mut State, action: Action) -> Option<()> {
    match action {
        Action::PresenterAt(position) => {
            state.room.presenter = Some(position);
            state.room.presenter_left = false;
            // Presenters share one position (the last move wins); a
            // follower goes wherever it is.
            let moved = match state.room.role {
                Role::Presenter => true,
                Role::Participant => state.room.following,
                Role::Alone => false,
            };
            if moved && state.position() != position {
                go_to(state, position);
            }
        }
        Action::PresenterLeft => state.room.presenter_left = true,
        Action::RoomAttendance(attendance) => state.room.attendance = attendance,
        Action::Follow => {
            if state.room.role == Role::Participant {
                state.room.following = true;
                if let Some(position) = state.room.presenter {
                    go_to(state, position);
                }
            }
        }
        _ => return None,
    }
    Some(())
}

/// Whether `action`, taken by a participant's own keys, leaves the presenter:
/// it moved them somewhere the presenter is not.
pub(super) fn detaches(before: Position, state: &State, action: Action) -> bool {
    state.room.role == Role::Participant
        && state.room.following
        && !matches!(
            action,
            Action::Resize { .. } | Action::Tick { .. } | Action::Redraw | Action::Suspend
        )
        && state.position() != before
}

/// Shows what the presenter shows, from wherever the participant is.
fn go_to(state: &mut State, position: Position) {
    match position {
        Position::Slide { topic, blank } => {
            if !state.is_presenting() {
                present::start(state, Origin::Browser(state.pane()));
            }
            let topics = crate::layout::slides::count(&state.document);
            let show = if blank { Show::Blank } else { Show::Slide };
            state.mode = match state.mode {
                Mode::Help(Underlay::Present(_)) => Mode::Help(Underlay::Present(show)),
                _ => Mode::Present(show),
            };
            state.presentation.topic = topic.min(topics.saturating_sub(1));
            state.presentation.part = 0;
            state.presentation.typed = None;
            state.presentation.notes_scroll = 0;
            rebuild_deck(state);
        }
        Position::Browsing { area } => {
            if state.is_presenting() {
                let pane = match state.presentation.origin {
                    Origin::Browser(pane) => pane,
                    Origin::CommandLine => Pane::FocusList,
                };
                state.mode = Mode::Browse(pane);
            }
            // A search of the participant's own that hides the area gives way.
            if state.visible_position(area).is_none() {
                super::search::clear(state);
            }
            if area < state.document.focus_areas.len() {
                state.selected = area;
            }
        }
    }
}
