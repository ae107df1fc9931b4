//! The workshop room: where the presenters are, and who follows.
//!
//! One small value ([`Gathering`]) in a `watch` channel: every session holds a
//! [`Place`] in it, tells it what it shows (a presenter's position, whether a
//! participant follows) and turns what changed into ordinary actions for its
//! own `update`. Presenters share one position: the last move wins.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::watch;

use crate::app::follow::{Attendance, Position, Role};
use crate::app::{Action, State};

/// The room as every session sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Gathering {
    /// Where the presenters are (`None` until one moved).
    pub position: Option<Position>,
    /// Presenters present.
    pub presenters: u32,
    /// Participants connected, and how many follow.
    pub attendance: Attendance,
}

/// Something outside the runtime to wake when the room changes (the local
/// terminal's wait).
type Wake = Box<dyn Fn() + Send + Sync>;

/// One room per server.
#[derive(Clone)]
pub struct Room {
    gathering: watch::Sender<Gathering>,
    wakers: Arc<Mutex<Vec<Wake>>>,
}

impl std::fmt::Debug for Room {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Room")
            .field(&*self.gathering.borrow())
            .finish()
    }
}

impl Default for Room {
    fn default() -> Self {
        Self {
            gathering: watch::Sender::new(Gathering::default()),
            wakers: Arc::default(),
        }
    }
}

impl Room {
    /// The room as it is now.
    pub fn now(&self) -> Gathering {
        *self.gathering.borrow()
    }

    /// Calls `wake` after every change, from whichever thread made it.
    pub fn wake_on_change(&self, wake: impl Fn() + Send + Sync + 'static) {
        self.wakers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Box::new(wake));
    }

    /// Changes the room if `change` says it changed something.
    fn change(&self, change: impl FnOnce(&mut Gathering) -> bool) {
        if self.gathering.send_if_modified(change) {
            for wake in self
                .wakers
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .iter()
            {
                wake();
            }
        }
    }

    /// A place in the room for a session of `role`, counted until dropped.
    /// A participant starts following.
    pub fn enter(&self, role: Role) -> Place {
        self.change(|g| {
            match role {
                Role::Presenter => g.presenters += 1,
                Role::Participant => {
                    g.attendance.connected += 1;
                    g.attendance.following += 1;
                }
                Role::Alone => return false,
            }
            true
        });
        let seen = self.gathering.subscribe();
        Place {
            room: self.clone(),
            role,
            seen,
            // Everything already there is news to the newcomer.
            last: Gathering::default(),
            following: role == Role::Participant,
            actions: VecDeque::new(),
        }
    }
}

/// One session's place in the room.
#[derive(Debug)]
pub struct Place {
    room: Room,
    role: Role,
    seen: watch::Receiver<Gathering>,
    last: Gathering,
    following: bool,
    actions: VecDeque<Action>,
}

impl Place {
    /// Tells the room what the session now shows: a presenter's position
    /// (when it differs from the room's), whether a participant follows.
    pub fn observe(&mut self, state: &State) {
        match self.role {
            // A presenter with news unread (another presenter's move, or the
            // room as it was when it came in) takes that first: a presenter
            // who connects joins the slide the room is on instead of moving
            // everyone back to the first.
            Role::Presenter if *self.seen.borrow() != self.last => {}
            Role::Presenter => {
                let position = state.position();
                self.room.change(|g| {
                    let moved = g.position != Some(position);
                    g.position = Some(position);
                    moved
                });
                // Its own move is no news to it: read back later (after a
                // key that came meanwhile), it would undo that key.
                self.last.position = Some(position);
            }
            Role::Participant if state.room.following != self.following => {
                self.following = state.room.following;
                let following = self.following;
                self.room.change(|g| {
                    if following {
                        g.attendance.following += 1;
                    } else {
                        g.attendance.following = g.attendance.following.saturating_sub(1);
                    }
                    true
                });
            }
            Role::Participant | Role::Alone => {}
        }
    }

    /// The next thing the room asks of the session, as an action.
    pub fn next_action(&mut self) -> Option<Action> {
        // Compared with what was last seen, not by the channel's flag, which
        // waiting for a change (`changed`) already cleared.
        let now = *self.seen.borrow_and_update();
        if now != self.last {
            let last = std::mem::replace(&mut self.last, now);
            // A presenter back in a room where none was: where the room is
            // is news again to participants told the presenter had left.
            let back = self.role == Role::Participant && last.presenters == 0 && now.presenters > 0;
            if (now.position != last.position || back)
                && let Some(position) = now.position
                && self.role != Role::Alone
            {
                self.actions.push_back(Action::PresenterAt(position));
            }
            if self.role == Role::Participant && last.presenters > 0 && now.presenters == 0 {
                self.actions.push_back(Action::PresenterLeft);
            }
            if self.role == Role::Presenter && now.attendance != last.attendance {
                self.actions
                    .push_back(Action::RoomAttendance(now.attendance));
            }
        }
        self.actions.pop_front()
    }

    /// Waits until the room changes.
    pub async fn changed(&mut self) {
        if self.seen.changed().await.is_err() {
            // The room is gone with its server: nothing will change again.
            std::future::pending::<()>().await;
        }
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let (role, following) = (self.role, self.following);
        self.room.change(|g| {
            match role {
                Role::Presenter => g.presenters = g.presenters.saturating_sub(1),
                Role::Participant => {
                    g.attendance.connected = g.attendance.connected.saturating_sub(1);
                    if following {
                        g.attendance.following = g.attendance.following.saturating_sub(1);
                    }
                }
                Role::Alone => return false,
            }
            true
        });
    }
}

impl crate::session::Seat for Place {
    fn observe(&mut self, state: &State) {
        Place::observe(self, state);
    }

    fn next_action(&mut self) -> Option<Action> {
        Place::next_action(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::state;

    #[test]
    fn a_presenters_move_reaches_a_participant_as_an_action() {
        let room = Room::default();
        let mut presenter = room.enter(Role::Presenter);
        let mut participant = room.enter(Role::Participant);
        assert_eq!(participant.next_action(), None, "no presenter move yet");
        while presenter.next_action().is_some() {}
        let mut s = state();
        s.join_as_presenter();
        crate::app::update(&mut s, Action::MoveDown);
        presenter.observe(&s);
        assert_eq!(
            participant.next_action(),
            Some(Action::PresenterAt(Position::Browsing { area: 1 }))
        );
        assert_eq!(participant.next_action(), None);
        presenter.observe(&s);
        assert_eq!(participant.next_action(), None, "the same place is no news");
    }

    #[test]
    fn a_change_that_woke_the_wait_still_gives_its_action() {
        let room = Room::default();
        let mut presenter = room.enter(Role::Presenter);
        let mut participant = room.enter(Role::Participant);
        while participant.next_action().is_some() {}
        while presenter.next_action().is_some() {}
        let mut s = state();
        s.join_as_presenter();
        crate::app::update(&mut s, Action::MoveDown);
        presenter.observe(&s);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a runtime");
        let woke = runtime.block_on(async {
            tokio::time::timeout(std::time::Duration::from_secs(10), participant.changed()).await
        });
        assert!(woke.is_ok(), "the presenter's move wakes the participant");
        assert_eq!(
            participant.next_action(),
            Some(Action::PresenterAt(Position::Browsing { area: 1 }))
        );
    }

    #[test]
    fn attendance_counts_who_is_in_and_who_follows() {
        let room = Room::default();
        let mut presenter = room.enter(Role::Presenter);
        let mut participant = room.enter(Role::Participant);
        let other = room.enter(Role::Participant);
        assert_eq!(
            room.now().attendance,
            Attendance {
                connected: 2,
                following: 2
            }
        );
        let mut s = state();
        s.join_as_participant();
        crate::app::update(&mut s, Action::MoveDown);
        assert!(!s.room.following);
        participant.observe(&s);
        assert_eq!(room.now().attendance.following, 1);
        drop(other);
        assert_eq!(
            room.now().attendance,
            Attendance {
                connected: 1,
                following: 0
            }
        );
        let mut told = None;
        while let Some(action) = presenter.next_action() {
            told = Some(action);
        }
        assert_eq!(
            told,
            Some(Action::RoomAttendance(Attendance {
                connected: 1,
                following: 0
            }))
        );
    }

    #[test]
    fn a_presenter_who_comes_in_joins_the_rooms_slide_instead_of_moving_everyone() {
        let room = Room::default();
        let mut first = room.enter(Role::Presenter);
        let mut s = state();
        s.join_as_presenter();
        crate::app::update(&mut s, Action::StartPresentation);
        crate::app::update(&mut s, Action::LastSlide);
        while first.next_action().is_some() {}
        first.observe(&s);
        let at = room.now().position;
        drop(first);
        let mut second = room.enter(Role::Presenter);
        let mut fresh = state();
        fresh.join_as_presenter();
        crate::app::update(&mut fresh, Action::StartPresentation);
        second.observe(&fresh);
        assert_eq!(room.now().position, at, "news unread: nothing published");
        let mut told = Vec::new();
        while let Some(action) = second.next_action() {
            crate::app::update(&mut fresh, action);
            told.push(action);
        }
        assert!(told.contains(&Action::PresenterAt(at.expect("a position"))));
        second.observe(&fresh);
        assert_eq!(room.now().position, at, "the room's slide kept");
    }

    #[test]
    fn a_presenters_second_key_before_the_room_is_read_is_not_undone() {
        let room = Room::default();
        let mut presenter = room.enter(Role::Presenter);
        let mut s = state();
        s.join_as_presenter();
        crate::app::update(&mut s, Action::StartPresentation);
        presenter.observe(&s);
        while let Some(action) = presenter.next_action() {
            crate::app::update(&mut s, action);
        }
        let from = s.presentation.topic;
        // Two keys in one read: the local terminal takes both before it
        // reads the room.
        crate::app::update(&mut s, Action::NextSlide);
        presenter.observe(&s);
        crate::app::update(&mut s, Action::NextSlide);
        presenter.observe(&s);
        while let Some(action) = presenter.next_action() {
            crate::app::update(&mut s, action);
            presenter.observe(&s);
        }
        let two_on = Position::Slide {
            topic: from + 2,
            blank: false,
        };
        assert_eq!(s.position(), two_on, "both keys moved the presenter");
        assert_eq!(room.now().position, Some(two_on), "and the room");
    }

    #[test]
    fn a_presenter_coming_back_is_told_to_participants_where_the_room_is() {
        let room = Room::default();
        let mut presenter = room.enter(Role::Presenter);
        let mut participant = room.enter(Role::Participant);
        while presenter.next_action().is_some() {}
        let mut s = state();
        s.join_as_presenter();
        crate::app::update(&mut s, Action::MoveDown);
        presenter.observe(&s);
        let at = Position::Browsing { area: 1 };
        let mut p = state();
        p.join_as_participant();
        while let Some(action) = participant.next_action() {
            crate::app::update(&mut p, action);
        }
        drop(presenter);
        assert_eq!(participant.next_action(), Some(Action::PresenterLeft));
        crate::app::update(&mut p, Action::PresenterLeft);
        let back = room.enter(Role::Presenter);
        assert_eq!(participant.next_action(), Some(Action::PresenterAt(at)));
        crate::app::update(&mut p, Action::PresenterAt(at));
        assert!(!p.room.presenter_left, "no longer told the presenter left");
        drop(back);
    }

    #[test]
    fn the_last_presenter_leaving_is_told_to_participants() {
        let room = Room::default();
        let presenter = room.enter(Role::Presenter);
        let mut participant = room.enter(Role::Participant);
        while participant.next_action().is_some() {}
        drop(presenter);
        assert_eq!(participant.next_action(), Some(Action::PresenterLeft));
    }
}
