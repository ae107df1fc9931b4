//! What a connection may ask for: one session, with a terminal or without
//! (the plain text). Commands, subsystems, forwarding of any kind and a
//! second session are refused, and the connection goes on.

use super::server::TestServer;
use crate::support::run_binary;

#[test]
fn exec_subsystem_x11_and_agent_requests_are_refused_with_a_reason() {
    let server = TestServer::start("refused-requests");
    let mut client = server.connect().login();
    client.open_session().expect("a session channel");
    assert!(!client.exec("cat /etc/passwd"), "exec refused");
    client.wait_until("the reason on stderr", |r| {
        r.stderr().contains("runs no commands")
    });
    assert!(!client.subsystem("sftp"), "the sftp subsystem refused");
    client.wait_until("the reason on stderr", |r| {
        r.stderr().contains("no subsystems")
    });
    assert!(!client.x11(), "X11 forwarding refused");
    assert!(!client.agent_forwarding(), "agent forwarding refused");
    // None of it ran anything or ended the session channel: it still
    // takes a terminal and shows the vision.
    assert_eq!(server.sessions(), 0, "no session started");
    assert!(client.request_pty(80, 24));
    assert!(client.shell());
    client.wait_for("▶ 1 Vackra miljöer");
}

#[test]
fn port_forwarding_is_refused_both_ways() {
    let server = TestServer::start("forwarding");
    let client = server.connect().login();
    // `ssh -L`: the server is asked to connect somewhere (here, to itself).
    assert!(
        !client.direct_tcpip(server.address()),
        "direct-tcpip refused"
    );
    // `ssh -R`: the server is asked to listen for the client.
    assert!(!client.tcpip_forward(), "tcpip-forward refused");
    // The connection is still good for a session.
    let client = {
        let mut client = client;
        client.open_session().expect("a session channel");
        client
    };
    assert!(client.request_pty(80, 24));
    assert!(client.shell());
    client.wait_for("▶ 1 Vackra miljöer");
}

#[test]
fn a_second_session_channel_on_one_connection_is_refused() {
    let server = TestServer::start("second-channel");
    let client = server.connect().terminal(80, 24);
    let second = client.open_another_session();
    assert!(
        matches!(second, Err(russh::Error::ChannelOpenFailure(_))),
        "a second session channel is refused: {second:?}"
    );
    assert_eq!(server.sessions(), 1);
    // The first goes on.
    client.send(b"j");
    client.wait_for("▶ 2 Livskvalitet");
}

#[test]
fn a_shell_without_a_pty_gets_the_plain_text_exit_0_and_the_end() {
    let server = TestServer::start("plain-text");
    let mut client = server.connect().login();
    client.open_session().expect("a session channel");
    assert!(client.shell());
    assert_eq!(client.wait_closed(), Some(0), "exit status 0");
    assert!(client.received().closed(), "the server closed the channel");
    // Exactly what the program prints into a pipe.
    let piped = run_binary::<&str>(&[]);
    assert!(piped.status.success());
    let received = client.received();
    assert_eq!(
        String::from_utf8_lossy(received.raw()),
        String::from_utf8_lossy(&piped.stdout)
    );
    assert!(received.raw().starts_with("Alingsås kommun".as_bytes()));
    assert!(!received.raw().contains(&0x1b), "no escape sequences");
    drop(received);
    server.wait_sessions(0);
}
