//! The limits hold: sessions at once, connections per address and minute,
//! and the idle timeout.

use std::time::Duration;

use super::server::TestServer;

#[test]
fn the_session_limit_holds_and_a_place_is_free_again_when_a_session_ends() {
    let server = TestServer::with("max-sessions", |options, _| {
        options.limits.max_sessions = 2;
    });
    let first = server.connect().terminal(80, 24);
    let second = server.connect().terminal(80, 24);
    assert_eq!(server.sessions(), 2);
    // The third participant gets no session: its session channel is
    // refused, with the reason ssh prints (openssh.rs checks the words).
    let mut third = server.connect().login();
    let refused = third.open_session();
    assert!(
        matches!(refused, Err(russh::Error::ChannelOpenFailure(_))),
        "a third session channel: {refused:?}"
    );
    assert_eq!(server.sessions(), 2);
    // When one leaves, the next gets in.
    first.send(b"q");
    assert_eq!(first.wait_closed(), Some(0));
    server.wait_sessions(1);
    let fourth = server.connect().terminal(80, 24);
    assert_eq!(server.sessions(), 2);
    second.send(b"j");
    second.wait_for("▶ 2 Livskvalitet");
    fourth.send(b"j");
    fourth.wait_for("▶ 2 Livskvalitet");
}

#[test]
fn the_loser_of_a_race_for_the_last_place_is_told_why_on_stderr() {
    let server = TestServer::with("last-place", |options, _| {
        options.limits.max_sessions = 1;
    });
    // Both open their session channel while the place is still free ...
    let mut first = server.connect().login();
    first.open_session().expect("a session channel");
    let mut second = server.connect().login();
    second.open_session().expect("a session channel");
    assert!(first.request_pty(80, 24));
    assert!(first.shell());
    first.wait_for("▶ 1 Vackra miljöer");
    // ... and the first shell takes it.
    assert!(second.request_pty(80, 24));
    assert!(second.shell(), "granted, so that ssh prints why");
    assert_eq!(second.wait_closed(), Some(1), "exit status 1");
    assert_eq!(
        second.received().stderr(),
        "vision-tui: the server is full (1 sessions); try again later\r\n"
    );
    assert!(second.received().raw().is_empty(), "no frame");
    assert_eq!(server.sessions(), 1);
    first.send(b"j");
    first.wait_for("▶ 2 Livskvalitet");
}

#[test]
fn an_address_that_connects_too_often_is_turned_away() {
    let server = TestServer::with("per-ip", |options, _| {
        options.limits.per_ip_per_minute = 3;
    });
    let connect = server.connect();
    // Three connections within the minute, whether they log in or not.
    let first = connect.terminal(80, 24);
    drop(connect.handshake().expect("the second connection"));
    drop(connect.handshake().expect("the third connection"));
    // The fourth is turned away before any handshake, even though only one
    // of the three is still open.
    assert!(connect.handshake().is_err(), "the fourth is turned away");
    // Those already in are not affected.
    first.send(b"j");
    first.wait_for("▶ 2 Livskvalitet");
}

#[test]
fn the_idle_timeout_ends_the_session_with_a_goodbye() {
    let server = TestServer::with("idle", |options, _| {
        options.limits.idle_timeout = Duration::from_secs(1);
    });
    let client = server.connect().terminal(80, 24);
    client.send(b"j");
    client.wait_for("▶ 2 Livskvalitet");
    assert_eq!(client.wait_closed(), Some(0), "ended with exit status 0");
    let received = client.received();
    assert!(received.closed(), "the server closed the channel");
    assert!(
        received
            .contents()
            .contains("vision-tui: ended after a long time without input."),
        "the goodbye on the main screen:\n{}",
        received.contents()
    );
    assert!(
        !received.screen().alternate_screen(),
        "the screen given back"
    );
    drop(received);
    server.wait_sessions(0);
}
