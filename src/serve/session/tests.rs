//! A session's event source, driven by hand.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyCode};
use tokio::sync::{Notify, mpsc, watch};

use super::{Input, SshEvents};
use crate::serve::outbox::outbox;
use crate::serve::{Limits, Look, Server, Version};
use crate::session::skip_unchanged::HeardSize;
use crate::session::{EventSource, Input as SessionInput};

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
    let (server, _around) = server();
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
    assert!(matches!(
        events.next_input(Some(Duration::from_millis(5))),
        Ok(None)
    ));
    // The second half arrives while the session is busy (drawing a big
    // frame) for longer than a held Esc waits.
    input.try_send(Input::Bytes(b"B".to_vec())).expect("queued");
    std::thread::sleep(crate::session::input::ESC_WAIT * 2);
    match events.next_input(None) {
        Ok(Some(SessionInput::Terminal(Event::Key(key)))) => {
            assert_eq!(key.code, KeyCode::Down, "ESC [ B is Down");
        }
        other => panic!("not Down: {other:?}"),
    }
}
