//! What a connection may ask for: one session, with a terminal or without
//! (the plain text). A command or a subsystem is told why on stderr and
//! ends its channel with exit status 1; forwarding of any kind and a second
//! session are refused, and the connection goes on.

use super::client::Client;
use super::server::TestServer;
use crate::support::run_binary;

/// Asks for `request` on a fresh connection's session channel (`pty`: after
/// a terminal): what the client gets back.
fn refused_on_its_own_channel(
    server: &TestServer,
    pty: bool,
    request: impl FnOnce(&Client) -> bool,
) -> (bool, String, Option<u32>) {
    let mut client = server.connect().login();
    client.open_session().expect("a session channel");
    if pty {
        assert!(client.request_pty(80, 24));
    }
    let granted = request(&client);
    let status = client.wait_closed();
    let received = client.received();
    assert!(received.closed(), "the server closed the channel");
    assert!(
        received.raw().is_empty(),
        "nothing on stdout: {:?}",
        received.raw()
    );
    (granted, received.stderr(), status)
}

#[test]
fn a_command_is_told_why_on_stderr_and_ends_with_exit_status_1() {
    let server = TestServer::start("refused-exec");
    let (granted, stderr, status) =
        refused_on_its_own_channel(&server, false, |c| c.exec("cat /etc/passwd\u{1b}[2J"));
    // Granted, so that ssh prints the line (a failed request only gets
    // ssh's own "exec request failed on channel 0").
    assert!(granted, "the request is answered with success");
    assert_eq!(
        stderr,
        "vision-tui: this server runs no commands; connect without one: ssh -p PORT HOST\n"
    );
    assert_eq!(status, Some(1), "exit status 1");
    // With a terminal (`ssh -t HOST ls`), the line ends as a raw terminal needs.
    let (_, stderr, status) = refused_on_its_own_channel(&server, true, |c| c.exec("ls"));
    assert!(stderr.ends_with("ssh -p PORT HOST\r\n"), "{stderr:?}");
    assert_eq!(status, Some(1));
    assert_eq!(server.sessions(), 0, "no session started");
}

#[test]
fn a_subsystem_is_told_why_on_stderr_and_ends_with_exit_status_1() {
    let server = TestServer::start("refused-subsystem");
    let (granted, stderr, status) =
        refused_on_its_own_channel(&server, false, |c| c.subsystem("sftp"));
    assert!(granted, "the request is answered with success");
    assert_eq!(
        stderr,
        "vision-tui: this server offers no subsystems (no sftp, no scp)\n"
    );
    assert_eq!(status, Some(1), "exit status 1");
    assert_eq!(server.sessions(), 0, "no session started");
}

#[test]
fn a_channel_refused_a_command_never_runs_a_session() {
    let server = TestServer::start("exec-then-shell");
    let mut client = server.connect().login();
    client.open_session().expect("a session channel");
    assert!(client.exec("ls"));
    assert_eq!(client.wait_closed(), Some(1));
    // The connection's one session channel is spent.
    assert!(client.open_another_session().is_err());
    assert_eq!(server.sessions(), 0);
}

#[test]
fn x11_and_agent_requests_are_refused_and_the_session_goes_on() {
    let server = TestServer::start("refused-requests");
    let mut client = server.connect().login();
    client.open_session().expect("a session channel");
    assert!(!client.x11(), "X11 forwarding refused");
    assert!(!client.agent_forwarding(), "agent forwarding refused");
    // None of it ran anything or ended the session channel: it still
    // takes a terminal and shows the vision.
    assert_eq!(server.sessions(), 0, "no session started");
    assert!(client.request_pty(80, 24));
    assert!(client.shell());
    client.wait_for("▶ 1 Vackra miljöer");
    // A command asked of a running session is refused without a word on
    // its screen, and the session goes on.
    assert!(!client.exec("ls"));
    client.send(b"j");
    client.wait_for("▶ 2 Livskvalitet");
    assert!(client.received().stderr().is_empty());
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
