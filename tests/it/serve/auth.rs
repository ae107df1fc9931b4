//! `--authorized-keys`: only the keys listed get in.

use russh::keys::PrivateKey;
use russh::keys::ssh_key::private::Ed25519Keypair;

use super::server::TestServer;

/// A participant's Ed25519 key, the same for the same `seed`.
pub(super) fn key(seed: u8) -> PrivateKey {
    PrivateKey::from(Ed25519Keypair::from_seed(&[seed; 32]))
}

#[test]
fn with_authorized_keys_a_listed_key_gets_in_and_no_other_way_does() {
    let listed = key(1);
    let server = TestServer::with("authorized-keys", |options, folder| {
        let list = folder.join("authorized_keys");
        let line = listed.public_key().to_openssh().expect("a public key line");
        std::fs::write(
            &list,
            format!("# the facilitator's list\n{line} alice@laptop\n"),
        )
        .expect("write the key list");
        options.authorized_keys = Some(list);
    });
    let unlisted = key(2);
    // What OpenSSH tries, in its order: nothing, then each key it has.
    let mut client = server.connect().handshake().expect("a connection");
    assert!(!client.auth_none(), "no key, no entry");
    assert!(!client.auth_key(&unlisted), "an unlisted key is refused");
    assert!(client.auth_key(&listed), "the listed key gets in");
    client.open_session().expect("a session channel");
    assert!(client.request_pty(80, 24));
    assert!(client.shell());
    client.wait_for("▶ 1 Vackra miljöer");
    // A connection with only an unlisted key, or none, never gets a session.
    let mut stranger = server.connect().handshake().expect("a connection");
    assert!(!stranger.auth_key(&unlisted));
    assert!(!stranger.auth_none());
    assert!(
        stranger.open_session().is_err(),
        "no session without logging in"
    );
    assert_eq!(server.sessions(), 1);
}
