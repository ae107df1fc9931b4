//! A session's event source: everything that happens to one SSH session
//! (its client's bytes and window changes, the document's versions, the
//! workshop room, the server stopping, its last frame sent, its deadlines),
//! awaited at once by the session's task.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event;
use tokio::sync::{Notify, mpsc, watch};

use super::{Input, SessionEnd};
use crate::app::follow::Role;
use crate::app::{Action, State};
use crate::serve::outbox::OutboxGauge;
use crate::serve::room::Place;
use crate::serve::{Server, Version};
use crate::session::input::{ESC_WAIT, InputDecoder};
use crate::session::skip_unchanged::HeardSize;
use crate::session::{Input as SessionInput, Outcome};

/// A session's inputs, from its connection and its server.
pub(super) struct SshEvents {
    input: mpsc::Receiver<Input>,
    versions: watch::Receiver<Version>,
    shutdown: watch::Receiver<bool>,
    drained: Arc<Notify>,
    gauge: OutboxGauge,
    /// The client's size, for the terminal's backend to answer with.
    heard: Arc<HeardSize>,
    decoder: InputDecoder,
    events: VecDeque<Event>,
    esc_until: Option<Instant>,
    idle_timeout: Duration,
    last_input: Instant,
    ends_at: Instant,
    /// A presenter sees the notes; everyone else reloads without them.
    notes: bool,
    /// The session's place in the workshop room, if it has a part there.
    place: Option<Place>,
    /// Actions the session starts with, once it knows its size.
    opening: VecDeque<Action>,
}

impl SshEvents {
    pub(super) fn new(
        server: &Server,
        input: mpsc::Receiver<Input>,
        drained: Arc<Notify>,
        gauge: OutboxGauge,
        heard: Arc<HeardSize>,
        role: Role,
    ) -> Self {
        let mut versions = server.document.clone();
        // The session starts with the version current now.
        versions.mark_unchanged();
        let now = Instant::now();
        Self {
            input,
            versions,
            shutdown: server.shutdown.clone(),
            drained,
            gauge,
            heard,
            decoder: InputDecoder::new(),
            events: VecDeque::new(),
            esc_until: None,
            idle_timeout: server.limits.idle_timeout,
            last_input: now,
            ends_at: now + server.limits.max_session,
            notes: role == Role::Presenter,
            place: (role != Role::Alone).then(|| server.room.enter(role)),
            // A presenter's speaker view: the notes (with what comes next)
            // and the clock beside the slide.
            opening: match role {
                Role::Presenter => VecDeque::from([Action::ToggleNotes, Action::ToggleTimer]),
                Role::Participant | Role::Alone => VecDeque::new(),
            },
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        let mut parsed = Vec::new();
        self.decoder.feed(bytes, &mut parsed);
        self.events.extend(parsed);
        self.esc_until = self.decoder.is_waiting().then(|| Instant::now() + ESC_WAIT);
    }
}

/// What woke a session's wait.
enum Woke {
    Input(Option<Input>),
    Version,
    Room,
    Shutdown,
    Drained,
    Time,
}

impl SshEvents {
    /// Waits up to `timeout` (`None`: for as long as it takes) for the next
    /// input; `None` when the time is up.
    pub(super) async fn next(&mut self, timeout: Option<Duration>) -> Option<SessionInput> {
        let asked_until = timeout.and_then(|timeout| Instant::now().checked_add(timeout));
        // Inputs already here are handed on without a wait: the runtime's
        // budget still makes a session with a long paste to apply give its
        // worker to the others now and then.
        tokio::task::coop::consume_budget().await;
        loop {
            if *self.shutdown.borrow() {
                return Some(SessionInput::End(Outcome::Shutdown));
            }
            // The room first: a presenter joins the slide the room is on.
            if let Some(action) = self.place.as_mut().and_then(Place::next_action) {
                return Some(SessionInput::Act(action));
            }
            if let Some(action) = self.opening.pop_front() {
                return Some(SessionInput::Act(action));
            }
            if let Some(event) = self.events.pop_front() {
                return Some(SessionInput::Terminal(event));
            }
            let now = Instant::now();
            if now >= self.ends_at {
                return Some(SessionInput::End(Outcome::TooLong));
            }
            if now >= self.last_input + self.idle_timeout {
                return Some(SessionInput::End(Outcome::Idle));
            }
            // A held Esc is a lone Esc once its wait is over, unless bytes
            // that arrived meanwhile (while the session was drawing) may
            // finish its sequence.
            if self.esc_until.is_some_and(|until| now >= until) && self.input.is_empty() {
                let mut parsed = Vec::new();
                self.decoder.flush(&mut parsed);
                self.events.extend(parsed);
                self.esc_until = None;
                continue;
            }
            if asked_until.is_some_and(|until| now >= until) {
                return None;
            }
            let wake_at = [
                Some(self.ends_at),
                Some(self.last_input + self.idle_timeout),
                self.esc_until,
                asked_until,
            ]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(self.ends_at);
            let place = self.place.as_mut();
            let room = async {
                match place {
                    Some(place) => place.changed().await,
                    None => std::future::pending().await,
                }
            };
            let woke = tokio::select! {
                () = room => Woke::Room,
                input = self.input.recv() => Woke::Input(input),
                changed = self.versions.changed() => match changed {
                    Ok(()) => Woke::Version,
                    Err(_) => Woke::Shutdown,
                },
                _ = self.shutdown.changed() => Woke::Shutdown,
                () = self.drained.notified() => Woke::Drained,
                () = tokio::time::sleep_until(wake_at.into()) => Woke::Time,
            };
            match woke {
                Woke::Input(Some(Input::Bytes(bytes))) => {
                    self.last_input = Instant::now();
                    self.feed(&bytes);
                }
                Woke::Input(Some(Input::Resize(width, height))) => {
                    self.heard.set(width, height);
                    return Some(SessionInput::Terminal(Event::Resize(width, height)));
                }
                Woke::Input(Some(Input::End(SessionEnd::ClientClosed)) | None) => {
                    return Some(SessionInput::End(Outcome::HangUp));
                }
                Woke::Version => {
                    let reload = self.versions.borrow_and_update().reload.clone();
                    if let Some((with_notes, without)) = reload {
                        let reload = if self.notes { with_notes } else { without };
                        return Some(SessionInput::Reload(reload));
                    }
                }
                Woke::Room => {}
                Woke::Shutdown => return Some(SessionInput::End(Outcome::Shutdown)),
                Woke::Drained => return Some(SessionInput::Drained),
                Woke::Time => {}
            }
        }
    }

    /// Whether a frame may be written now: not while the last one is on its
    /// way (the session is then woken with [`SessionInput::Drained`] once it
    /// is through).
    pub(super) fn may_draw(&self) -> bool {
        self.gauge.may_draw()
    }

    /// Sees the state after each input was applied: a seat in the workshop
    /// room publishes where it now is.
    pub(super) fn observe(&mut self, state: &State) {
        if let Some(place) = &mut self.place {
            place.observe(state);
        }
    }
}
