//! One participant's session: the app's own session loop
//! ([`SessionLoop`]) as a task on the server's runtime, fed by its SSH
//! connection, drawing into its outbox; and the task that sends the
//! outbox's frames down the channel.
//!
//! The session awaits whatever comes first: input from the connection, a
//! new version of the document, the server stopping, the last frame sent,
//! or a deadline (a held Esc, the clock, the idle and session limits). An
//! idle session wakes for nothing. A key wakes a task, not a thread (no
//! switch between threads per key): the session draws on a runtime worker.

use std::io::Write;
use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Instant;

use futures_util::FutureExt as _;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use tokio::sync::{Notify, mpsc};

use super::log::{Event as LogEvent, log};
use super::outbox::{FrameReader, FrameWriter, Outlet, outbox};
use super::{Server, SessionCount};
use crate::app::follow::Role;
use crate::app::{Size, State};
use crate::commands::export::{self, Format};
use crate::session::sgr16::Sgr16;
use crate::session::skip_unchanged::{HeardSize, SkipUnchanged};
use crate::session::{Outcome, RunError, SessionLoop, Step, escapes};
use crate::theme::color::{self, Depth};

/// What the connection hands its session.
#[derive(Debug)]
pub enum Input {
    /// Bytes the client typed (one packet).
    Bytes(Vec<u8>),
    /// The client's window changed (clamped already).
    Resize(u16, u16),
    /// The client is gone.
    End(SessionEnd),
}

/// Why the connection ended a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionEnd {
    /// The client closed the channel or the connection.
    ClientClosed,
}

/// The client's terminal, from its pty request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientTerminal {
    /// `TERM`, printable ASCII only.
    pub term: String,
    /// Columns and rows, clamped.
    pub size: (u16, u16),
}

/// What decides a client's colours.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientEnv {
    /// `TERM`, when it asked for a terminal.
    pub term: Option<String>,
    /// `COLORTERM`, when its client sent it.
    pub colorterm: Option<String>,
    /// Whether it sent a non-empty `NO_COLOR`.
    pub no_color: bool,
}

/// Who a session is, for the log.
#[derive(Debug, Clone)]
pub struct Identity {
    /// The client's address.
    pub peer: Option<SocketAddr>,
    /// The user name it gave.
    pub user: String,
    /// Its key's fingerprint, when it logged in with one.
    pub key: Option<String>,
    /// When it connected.
    pub connected: Instant,
}

impl Identity {
    fn log(&self, event: LogEvent<'_>) {
        log(self.peer, &self.user, self.key.as_deref(), event);
    }
}

/// A client that starts a session: its terminal, what decides its colours,
/// and its part in the workshop room.
#[derive(Debug, Clone)]
pub struct Guest {
    /// The client's terminal, from its pty request.
    pub terminal: ClientTerminal,
    /// What decides its colours.
    pub env: ClientEnv,
    /// Presenter, participant, or neither.
    pub role: Role,
}

/// The terminal a session draws on: frames go to its outbox, colours fitted
/// to its client, nothing written for a frame that changes nothing.
type SessionTerminal = Terminal<SkipUnchanged<CrosstermBackend<Sgr16<FrameWriter>>>>;

/// Starts a session for a client with a terminal: its task, and the task
/// that sends its frames.
pub fn spawn(
    server: Arc<Server>,
    count: SessionCount,
    identity: Identity,
    guest: Guest,
    output: Outlet,
    input: mpsc::Receiver<Input>,
) {
    let Guest {
        terminal: client,
        env,
        role,
    } = guest;
    let (writer, reader) = outbox();
    let drained = Arc::new(Notify::new());
    // Counted until its session has ended and its last frame is sent (or its
    // connection is gone), whichever is later.
    let count = Arc::new(count);
    server.runtime.spawn(send_frames(
        reader,
        output,
        Arc::clone(&drained),
        Arc::clone(&count),
    ));
    identity.log(LogEvent::Started {
        term: &client.term,
        size: client.size,
    });
    let runtime = server.runtime.clone();
    runtime.spawn(async move {
        let why = run(&server, &client, &env, writer, input, drained, role).await;
        identity.log(LogEvent::Ended {
            duration: identity.connected.elapsed(),
            why,
        });
        drop(count);
    });
}

/// Runs the session to its end, whatever happens in it; says why it ended.
async fn run(
    server: &Arc<Server>,
    client: &ClientTerminal,
    env: &ClientEnv,
    writer: FrameWriter,
    input: mpsc::Receiver<Input>,
    drained: Arc<Notify>,
    role: Role,
) -> &'static str {
    let depth = color::resolve(
        server.look.color,
        env.no_color.then_some("1"),
        env.colorterm.as_deref(),
        env.term.as_deref(),
    );
    let gauge = writer.gauge();
    let heard = Arc::new(HeardSize::new(client.size.0, client.size.1));
    let mut events = SshEvents::new(server, input, drained, gauge, Arc::clone(&heard), role);
    let mut state = new_state(server, depth, role);
    let mut terminal = match session_terminal(writer, depth, server.look.mouse, heard) {
        Ok(terminal) => terminal,
        Err(_) => return "the client went away",
    };
    let size = Size {
        width: client.size.0,
        height: client.size.1,
    };
    // A panic in one session ends that session only: the others, and the
    // server, go on. The terminal outlives the panic, to say goodbye on.
    let outcome = AssertUnwindSafe(drive(&mut terminal, &mut state, &mut events, size))
        .catch_unwind()
        .await;
    let (goodbye, why) = match outcome {
        Ok(Ok(Outcome::Quit)) => ("", "quit"),
        Ok(Ok(Outcome::Shutdown)) => (
            "vision-tui: the server is stopping. Goodbye.\r\n",
            "server stopped",
        ),
        Ok(Ok(Outcome::Idle)) => (
            "vision-tui: ended after a long time without input.\r\n",
            "idle",
        ),
        Ok(Ok(Outcome::TooLong)) => (
            "vision-tui: the longest session allowed is over.\r\n",
            "session too long",
        ),
        Ok(Ok(Outcome::HangUp | Outcome::Signal(_))) | Ok(Err(_)) => return "the client went away",
        Err(_) => (
            "vision-tui: something went wrong; this session ended.\r\n",
            "panic",
        ),
    };
    let out = terminal.backend_mut().inner_mut();
    let _ = out.write_all(escapes::LEAVE);
    let _ = out.write_all(goodbye.as_bytes());
    let _ = out.flush();
    // LEAVE showed the cursor: the terminal, dropped, need not show it again
    // (after the goodbye).
    terminal.backend_mut().cursor_shown();
    why
}

/// The session's loop: draws when a frame is due and the last one is
/// through, awaits the next input, applies it. A client's terminal cannot
/// be suspended from here: Ctrl-Z only draws the screen anew.
async fn drive(
    terminal: &mut SessionTerminal,
    state: &mut State,
    events: &mut SshEvents,
    size: Size,
) -> Result<Outcome, RunError> {
    let mut session = SessionLoop::new(terminal, state, size)?;
    loop {
        session.draw_if_due(terminal, state, || events.may_draw())?;
        let input = events.next(session.timeout(state)).await;
        #[cfg(test)]
        tests::panic_if_asked(input.as_ref());
        let step = session.apply(terminal, state, input);
        events.observe(state);
        if let Step::Ended(outcome) = step {
            return Ok(outcome);
        }
    }
}

/// A session's first state, in the server's look at this client's colour
/// depth. A presenter gets the document with its notes and the speaker view
/// (the slide, the notes with what comes next, the clock); everyone else the
/// document without notes, presenting when the server presents.
fn new_state(server: &Server, depth: Depth, role: Role) -> State {
    let look = &server.look;
    let version = server.document.borrow();
    let document = match role {
        Role::Presenter => Arc::clone(&version.document),
        Role::Participant | Role::Alone => Arc::clone(&version.public),
    };
    drop(version);
    let theme = crate::theme::fit_to_depth(look.theme.clone(), depth);
    let mut state = if look.presenting || role == Role::Presenter {
        State::presenting(document, theme)
    } else {
        State::new(document, theme)
    };
    if let Some(lang) = look.lang {
        state.set_language(lang);
    }
    state.keymap = look.keymap.clone();
    match role {
        Role::Presenter => state.join_as_presenter(),
        Role::Participant => state.join_as_participant(),
        Role::Alone => {}
    }
    state
}

/// The terminal over `writer`, with the client's screen set up: the
/// alternate screen, no cursor, the mouse when asked.
fn session_terminal(
    writer: FrameWriter,
    depth: Depth,
    mouse: bool,
    heard: Arc<HeardSize>,
) -> std::io::Result<SessionTerminal> {
    let mut out = Sgr16::new(writer, depth == Depth::Ansi16);
    out.write_all(escapes::ENTER)?;
    if mouse {
        out.write_all(escapes::MOUSE_ON)?;
    }
    let backend = SkipUnchanged::new(CrosstermBackend::new(out))
        .with_cursor_hidden()
        .with_heard_size(heard);
    // The session draws at the sizes it is told; the viewport is resized by
    // the loop, and no size is ever asked of a terminal.
    let viewport = ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 0, 0));
    Terminal::with_options(backend, ratatui::TerminalOptions { viewport })
}

/// Sends the session's frames down the channel as the client takes them,
/// then ends the channel.
async fn send_frames(
    mut frames: FrameReader,
    mut output: Outlet,
    drained: Arc<Notify>,
    _count: Arc<SessionCount>,
) {
    while let Some(frame) = frames.next_frame().await {
        // Waits while the client's window is closed: a client that does not
        // read holds this one frame, and its session draws nothing meanwhile.
        if !output.send(frame).await {
            return;
        }
        if frames.sent() {
            drained.notify_one();
        }
    }
    output.finish().await;
}

/// A client without a terminal (`ssh -T`, output redirected): the document as
/// plain text, exactly as a local pipe gets it, then the channel is closed.
pub fn plain_text(
    server: Arc<Server>,
    count: SessionCount,
    identity: Identity,
    env: ClientEnv,
    mut output: Outlet,
) {
    let _ = env;
    let document = Arc::clone(&server.document.borrow().public);
    let options = export::Options {
        notes: false,
        lang: server.look.lang,
    };
    let text = export::render(&document, Format::Text, &options);
    identity.log(LogEvent::PlainText);
    server.runtime.spawn(async move {
        let sent = output.send(text.into_bytes()).await;
        if sent {
            output.finish().await;
        }
        identity.log(LogEvent::Ended {
            duration: identity.connected.elapsed(),
            why: if sent {
                "plain text sent"
            } else {
                "the client went away"
            },
        });
        drop(count);
    });
}

mod events;
#[cfg(test)]
mod tests;

use events::SshEvents;
