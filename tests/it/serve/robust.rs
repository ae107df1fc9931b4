//! One misbehaving client ends only its own session, and costs the server
//! a bounded amount: a disconnect in the middle of a frame, a client that
//! never reads, random bytes.

use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};
use vision_tui::session::escapes;

use super::binary::ServeProcess;
use super::client::Connect;
use super::server::TestServer;

/// The SSH window the stalling clients grant: the server may run this far
/// ahead of what they read, far less than one frame at their size.
const SMALL_WINDOW: u32 = 2048;

// A client that reads the start of what the server sends and no more leaves
// the server stuck in the middle of it: the server may send what the client
// read, plus one window. The tests wait until the client has read a piece
// (so the server's sender has started) and then cut the connection.

#[test]
fn a_disconnect_mid_frame_brings_the_session_count_back_to_zero() {
    let server = TestServer::start("mid-frame");
    let stable = server.connect().terminal(80, 24);
    let mut client = server.connect().window(SMALL_WINDOW).login();
    client.open_session().expect("a session channel");
    // The first frame at 500×200 is 16 kB: many windows.
    assert!(client.request_pty(500, 200));
    // The reply to the shell request, the screen's set-up and a window's
    // worth of the frame.
    client.stop_reading_after(4096);
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
fn a_client_that_lets_nothing_through_and_goes_frees_its_place() {
    let server = TestServer::start("no-window");
    // No SSH window at all: the server may send nothing, and its sender
    // waits, whenever it starts, until the connection is gone.
    let mut plain = server.connect().window(0).login();
    plain.open_session().expect("a session channel");
    assert!(plain.shell());
    let terminal = server.connect().window(0).session(80, 24);
    assert_eq!(server.sessions(), 2);
    plain.cut();
    terminal.cut();
    server.wait_sessions(0);
}

/// Rounds of typing while not reading: each round a window change (a whole
/// new frame) and two selection moves.
const ROUNDS: usize = 1000;

#[test]
fn a_client_that_never_reads_costs_the_server_one_frame() {
    // The real binary: its sessions, and its memory, are this client's alone.
    let server = ServeProcess::start("never-reads", &[]);
    let client = Connect::to(server.address())
        .window(SMALL_WINDOW)
        .terminal(200, 60);
    client.wait_for("q avsluta");
    // The screen's set-up and one whole frame at 200×60.
    let frame = client.received().raw().len();
    client.stop_reading();
    for round in 0..ROUNDS {
        client.window_change(if round % 2 == 0 { 199 } else { 200 }, 60);
        client.send(b"j");
        client.send(b"k");
    }
    // The last key: when the session has ended (and logged why), it has
    // applied every key and window change before it.
    client.send(b"q");
    let ended = server.wait_log_line("session ended");
    assert!(ended.ends_with(": quit"), "{ended}");
    // What the server held for the client is what it sends once read.
    let read = client.received().raw().len();
    client.resume_reading();
    assert_eq!(client.wait_closed(), Some(0));
    let held = client.received().raw().len() - read;
    assert!(
        held < frame + 1024,
        "the server held {held} bytes for a client that read nothing; a whole frame is {frame}"
    );
    assert!(
        !client.received().screen().alternate_screen(),
        "the client's screen given back at the end"
    );
}

#[test]
fn a_client_that_reads_again_gets_the_latest_whole_frame() {
    let server = TestServer::start("reads-again");
    // A client that reads everything, already at the size the other ends at.
    let reference = server.connect().terminal(100, 30);
    let client = server.connect().window(SMALL_WINDOW).terminal(120, 40);
    client.stop_reading();
    // A whole frame at the new size is more than the client's window: the
    // server is stuck in it, and every key after it is applied while no
    // frame can be sent.
    client.window_change(100, 30);
    for keys in [&b"j"[..], b"\x1b[B", b"jj", b"k", b"\t", b"j", b"b", b"jjj"] {
        client.send(keys);
        reference.send(keys);
    }
    reference.wait_until("the background scrolled by three lines, whole", |r| {
        r.row(5).contains("┃ 2017 inleddes visionsarbetet") && r.row(29).contains("Esc stäng")
    });
    client.resume_reading();
    // The frames in between were skipped, none was cut: the screen is
    // exactly the one a client that read everything sees.
    // Compared as seen: a blank the reference had written over and one
    // never written look the same.
    let seen = |text: String| -> Vec<String> {
        text.lines()
            .map(|line| line.trim_end().to_owned())
            .collect()
    };
    let expected = seen(reference.contents());
    client.wait_until("the reference's screen", |r| seen(r.contents()) == expected);
}

/// Bytes as they come over SSH from anyone: any byte, and more often the
/// pieces terminals build sequences from (ESC, CSI, SS3, mouse reports,
/// digits, UTF-8 lead and continuation bytes, controls), cut into packets
/// anywhere.
fn packets() -> impl Strategy<Value = Vec<Vec<u8>>> {
    let piece = prop_oneof![
        any::<u8>().prop_map(|byte| vec![byte]),
        prop::sample::select(vec![
            &b"\x1b"[..],
            b"\x1b[",
            b"\x1bO",
            b"\x1b[<",
            b"\x1b[M",
            b"\x9b",
            b";",
            b"0",
            b"1",
            b"65535",
            b"M",
            b"m",
            b"~",
            b"A",
            b"B",
            b"j",
            b"/",
            b"\r",
            b"\t",
            b"\x7f",
            b"\x03",
            b"\xc3",
            b"\xa5",
            b"\xe6\xbc",
        ])
        .prop_map(<[u8]>::to_vec),
    ];
    prop::collection::vec(prop::collection::vec(piece, 1..12), 1..10)
        .prop_map(|packets| packets.into_iter().map(|pieces| pieces.concat()).collect())
}

#[test]
fn random_bytes_never_break_a_session() {
    let server = TestServer::start("random-bytes");
    let steady = server.connect().terminal(80, 24);
    let config = ProptestConfig {
        // Each case is a connection of its own.
        cases: 24,
        max_shrink_iters: 16,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = TestRunner::new(config);
    runner
        .run(&packets(), |packets| {
            let client = server.connect().terminal(80, 24);
            for packet in &packets {
                client.send(packet);
            }
            // Still answering: a new size is drawn (or the bytes held a
            // quit, and the session ended as a quit does).
            let before = client.received().raw().len();
            client.window_change(100, 30);
            client.wait_until("an answer to the window change, or the end", |r| {
                r.raw().len() > before || r.ended()
            });
            let received = client.received();
            let text = String::from_utf8_lossy(received.raw());
            prop_assert!(
                !text.contains("something went wrong"),
                "the session panicked"
            );
            if received.ended() {
                // A quit: the screen given back, exit status 0.
                let raw = received.raw();
                prop_assert!(
                    raw.ends_with(escapes::LEAVE),
                    "ended without giving the screen back: {:?}",
                    String::from_utf8_lossy(&raw[raw.len().saturating_sub(120)..])
                );
                prop_assert_eq!(received.exit_status(), Some(0));
            }
            drop(received);
            drop(client);
            server.wait_sessions(1);
            Ok(())
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
    // The others never noticed.
    steady.send(b"j");
    steady.wait_for("▶ 2 Livskvalitet");
}
