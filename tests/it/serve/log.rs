//! The server's log, as the real binary writes it on stderr: a refusal is
//! logged once for each kind on a connection (with the offered key's
//! fingerprint, or what was asked for, made printable); a client that asks
//! again and again adds nothing but a count, in the line that closes its
//! connection.

use russh::keys::HashAlg;

use super::auth::key;
use super::binary::ServeProcess;
use super::client::Connect;
use crate::support::temp_dir;

#[test]
fn a_refused_key_is_logged_once_with_its_fingerprint_and_counted_at_the_close() {
    let (listed, unlisted, another) = (key(1), key(2), key(3));
    let folder = temp_dir("log-key-list");
    let list = folder.join("authorized_keys");
    let line = listed.public_key().to_openssh().expect("a public key line");
    std::fs::write(&list, format!("{line}\n")).expect("write the key list");
    let list = list.to_str().expect("a UTF-8 temp path");
    let server = ServeProcess::start("log-key", &["--authorized-keys", list]);
    let mut client = Connect::to(server.address())
        .handshake()
        .expect("a connection");
    assert!(!client.auth_key(&unlisted));
    assert!(!client.auth_key(&another));
    assert!(!client.auth_key(&unlisted));
    let refused = server.wait_log_line("refused a public key");
    let fingerprint = unlisted.public_key().fingerprint(HashAlg::Sha256);
    assert!(
        refused.contains(" 127.0.0.1:")
            && refused.ends_with(&format!(
                " user=workshop key={fingerprint} refused a public key not in the authorized keys"
            )),
        "{refused}"
    );
    drop(client);
    let closed = server.wait_log_line("connection closed");
    assert!(
        closed.contains("user=workshop connection closed after ")
            && closed.ends_with(
                "; refused more than once, logged once: a public key not in the authorized keys 3 times"
            ),
        "{closed}"
    );
    assert_eq!(
        server.log().matches("refused a public key").count(),
        1,
        "{}",
        server.log()
    );
}

#[test]
fn forwarding_asked_for_again_and_again_is_logged_once_and_counted() {
    let server = ServeProcess::start("log-forwarding", &[]);
    let mut client = Connect::to(server.address()).login();
    let to = server.address();
    for _ in 0..3 {
        assert!(!client.direct_tcpip(to), "direct-tcpip refused");
    }
    for _ in 0..50 {
        assert!(!client.tcpip_forward(), "tcpip-forward refused");
    }
    client.open_session().expect("a session channel");
    assert!(!client.x11(), "X11 forwarding refused");
    assert!(!client.agent_forwarding(), "agent forwarding refused");
    let local = server.wait_log_line("refused local port forwarding");
    assert!(
        local.ends_with(&format!(
            "user=workshop refused local port forwarding (ssh -L): 127.0.0.1:{}",
            to.port()
        )),
        "{local}"
    );
    let remote = server.wait_log_line("refused remote port forwarding");
    assert!(
        remote.ends_with("user=workshop refused remote port forwarding (ssh -R): 127.0.0.1:0"),
        "{remote}"
    );
    server.wait_log_line("user=workshop refused X11 forwarding (ssh -X)");
    server.wait_log_line("user=workshop refused agent forwarding (ssh -A)");
    drop(client);
    let closed = server.wait_log_line("connection closed");
    assert!(
        closed.ends_with(
            "; refused more than once, logged once: local port forwarding (ssh -L) 3 times, \
             remote port forwarding (ssh -R) 50 times"
        ),
        "{closed}"
    );
    let log = server.log();
    for what in ["local port", "remote port", "X11", "agent"] {
        assert_eq!(
            log.matches(&format!("refused {what}")).count(),
            1,
            "{what}:\n{log}"
        );
    }
}
