//! One misbehaving client ends only its own session, and costs the server
//! a bounded amount: a disconnect in the middle of a frame, a client that
//! never reads, random bytes.

use vision_tui::session::escapes;

use super::server::TestServer;

/// The SSH window the stalling clients grant: the server may run this far
/// ahead of what they read, far less than one frame at their size.
const SMALL_WINDOW: u32 = 2048;

/// Bytes a stalling client reads after asking for its shell: the reply, the
/// escapes that set the screen up, and a packet or two of the first frame.
const A_FEW_PACKETS: usize = 4096;

#[test]
fn a_disconnect_mid_frame_brings_the_session_count_back_to_zero() {
    let server = TestServer::start("mid-frame");
    let stable = server.connect().terminal(80, 24);
    let mut client = server.connect().window(SMALL_WINDOW).login();
    client.open_session().expect("a session channel");
    assert!(client.request_pty(200, 60));
    // The client reads the start of its first frame and no more, so the
    // server is stuck in the middle of sending it (a frame of 200×60 is
    // many windows long).
    client.stop_reading_after(A_FEW_PACKETS);
    assert!(client.shell());
    client.wait_until("a piece of the first frame", |r| {
        r.raw().len() > escapes::ENTER.len() + escapes::MOUSE_ON.len()
    });
    assert!(
        !client.contents().contains("q avsluta"),
        "the frame is still incomplete (its last row is not there yet)"
    );
    assert_eq!(server.sessions(), 2);
    client.cut();
    server.wait_sessions(1);
    // The other session never noticed.
    stable.send(b"j");
    stable.wait_for("▶ 2 Livskvalitet");
}

#[test]
fn a_disconnect_in_the_middle_of_the_plain_text_ends_that_session() {
    let server = TestServer::start("mid-text");
    let mut client = server.connect().window(SMALL_WINDOW).login();
    client.open_session().expect("a session channel");
    // Reads the reply to its shell request, and not all of the text.
    client.stop_reading_after(200);
    assert!(client.shell());
    assert_eq!(server.sessions(), 1);
    assert_eq!(
        client.received().exit_status(),
        None,
        "the text is not through"
    );
    client.cut();
    server.wait_sessions(0);
}
