//! Stopping the server (what SIGTERM does): every session is told goodbye
//! and ended, within two seconds, even with a client that does not read.

use std::time::Duration;

use super::server::TestServer;

#[test]
fn shutdown_says_goodbye_to_every_session_and_ends_within_two_seconds() {
    let server = TestServer::start("shutdown");
    let address = server.address();
    let browsing = server.connect().terminal(80, 24);
    let presenting = server.connect().terminal(120, 40);
    presenting.send(b"p");
    presenting.wait_for("Alingsås kommun");
    // One that stopped reading: its goodbye can never be delivered, and
    // must not hold the others or the server up.
    let frozen = server.connect().window(2048).terminal(200, 60);
    frozen.stop_reading();
    frozen.send(b"j");
    assert_eq!(server.sessions(), 3);
    let took = server.shutdown(vision_tui::serve::GOODBYE_GRACE);
    assert!(
        took < Duration::from_secs(2),
        "the server took {took:?} to stop"
    );
    for client in [&browsing, &presenting] {
        assert_eq!(client.wait_closed(), Some(0), "exit status 0");
        let received = client.received();
        assert!(
            received
                .contents()
                .contains("vision-tui: the server is stopping. Goodbye."),
            "the goodbye on the main screen:\n{}",
            received.contents()
        );
        assert!(
            !received.screen().alternate_screen(),
            "the screen given back"
        );
    }
    assert!(
        super::client::Connect::to(address).handshake().is_err(),
        "no longer listening"
    );
}
