//! A session's event source, driven by hand.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyCode};
use tokio::sync::{Notify, mpsc, watch};

use super::{ClientEnv, ClientTerminal, Input, SshEvents, run};
use crate::app::follow::Role;
use crate::serve::outbox::outbox;
use crate::serve::{Limits, Look, Server, Version};
use crate::session::skip_unchanged::HeardSize;
use crate::session::{Input as SessionInput, escapes};

/// What a server's sessions wait on besides their input: the runtime, and
/// the senders of new versions and of the stop (dropped, they end sessions).
type Around = (
    tokio::runtime::Runtime,
    watch::Sender<Version>,
    watch::Sender<bool>,
);

/// A server to hang an event source on.
fn server() -> (Server, Around) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    let (versions, document) =
        watch::channel(Version::new(crate::document::load::builtin().into()));
    let (stop, shutdown) = watch::channel(false);
    let server = Server {
        limits: Limits::default(),
        authorized_keys: None,
        presenter_keys: None,
        workshop: false,
        room: crate::serve::room::Room::default(),
        look: Look {
            mouse: false,
            ..Look::default()
        },
        document,
        shutdown,
        sessions: AtomicUsize::new(0),
        runtime: runtime.handle().clone(),
    };
    (server, (runtime, versions, stop))
}

#[test]
fn a_held_esc_is_finished_by_bytes_that_arrived_while_the_session_was_busy() {
    let (server, around) = server();
    let runtime = &around.0;
    let (input, received) = mpsc::channel(8);
    let (writer, _reader) = outbox();
    let heard = Arc::new(HeardSize::new(80, 24));
    let mut events = SshEvents::new(
        &server,
        received,
        Arc::new(Notify::new()),
        writer.gauge(),
        heard,
        crate::app::follow::Role::Alone,
    );
    input
        .try_send(Input::Bytes(b"\x1b[".to_vec()))
        .expect("queued");
    // The first half is read and held; nothing to hand on yet.
    assert!(
        runtime
            .block_on(events.next(Some(Duration::from_millis(5))))
            .is_none()
    );
    // The second half arrives while the session is busy (drawing a big
    // frame) for longer than a held Esc waits.
    input.try_send(Input::Bytes(b"B".to_vec())).expect("queued");
    std::thread::sleep(crate::session::input::ESC_WAIT * 2);
    match runtime.block_on(events.next(None)) {
        Some(SessionInput::Terminal(Event::Key(key))) => {
            assert_eq!(key.code, KeyCode::Down, "ESC [ B is Down");
        }
        other => panic!("not Down: {other:?}"),
    }
}

/// The key that makes a session panic, in these tests only: F12.
const PANIC_KEY: &[u8] = b"\x1b[24~";

/// Panics on [`PANIC_KEY`], standing for a bug anywhere in a session.
pub(super) fn panic_if_asked(input: Option<&SessionInput>) {
    if let Some(SessionInput::Terminal(Event::Key(key))) = input
        && key.code == KeyCode::F(12)
    {
        panic!("F12 in a test: panicking on purpose");
    }
}

#[test]
fn a_panic_goes_no_further_than_its_session_which_says_goodbye() {
    let (server, around) = server();
    let server = Arc::new(server);
    let runtime = &around.0;
    let (input, received) = mpsc::channel(8);
    let (writer, mut reader) = outbox();
    let client = ClientTerminal {
        term: "xterm".into(),
        size: (80, 24),
    };
    input.try_send(Input::Bytes(b"j".to_vec())).expect("queued");
    input
        .try_send(Input::Bytes(PANIC_KEY.to_vec()))
        .expect("queued");
    let why = runtime.block_on(run(
        &server,
        &client,
        &ClientEnv::default(),
        writer,
        received,
        Arc::new(Notify::new()),
        Role::Alone,
    ));
    assert_eq!(why, "panic", "the log line says why it ended");
    // Everything the session wrote, the screen given back and the goodbye last.
    let sent = runtime.block_on(async {
        let mut sent = Vec::new();
        while let Some(frame) = reader.next_frame().await {
            sent.extend(frame);
            let _ = reader.sent();
        }
        sent
    });
    let goodbye = [
        escapes::LEAVE,
        b"vision-tui: something went wrong; this session ended.\r\n",
    ]
    .concat();
    assert!(
        sent.ends_with(&goodbye),
        "{:?}",
        String::from_utf8_lossy(&sent)
    );
    drop(input);
}
