//! The workshop room (issue 15) over SSH: `serve --present --presenter-keys`
//! in the test process ([`Workshop`]), a presenter logged in with its key and
//! participants without one, each an in-process client reading its own
//! vt100 screen ([`follow`], [`notes`]); then `present --serve`, the real
//! binary presenting in a pty, followed by in-process clients and by the
//! real OpenSSH client ([`present`]).

use russh::keys::PrivateKey;
use russh::keys::ssh_key::private::Ed25519Keypair;
use vision_tui::document::load;
use vision_tui::document::model::Document;

use super::client::Client;
use super::server::TestServer;

mod follow;
mod notes;
mod present;

/// An Ed25519 key, the same for the same `seed`.
fn key(seed: u8) -> PrivateKey {
    PrivateKey::from(Ed25519Keypair::from_seed(&[seed; 32]))
}

/// `serve --present --presenter-keys FILE` in the test process: every
/// session starts presenting; the one key in FILE presents, everyone else
/// follows.
pub struct Workshop {
    pub server: TestServer,
    presenter_key: PrivateKey,
    /// How many slides the served document makes.
    pub slides: usize,
}

impl Workshop {
    /// The workshop on the built-in document (in Swedish).
    pub fn open(test: &str) -> Self {
        Self::serving(test, load::builtin())
    }

    /// The workshop on `document`.
    pub fn serving(test: &str, document: Document) -> Self {
        let presenter_key = key(7);
        let line = presenter_key
            .public_key()
            .to_openssh()
            .expect("a public key line");
        let slides = vision_tui::layout::slides::count(&document);
        let server = TestServer::serving(test, document, |options, folder| {
            let keys = folder.join("presenters.pub");
            std::fs::write(&keys, format!("{line} facilitator@laptop\n"))
                .expect("write the presenter keys");
            options.presenter_keys = Some(keys);
            options.workshop = true;
            options.look.presenting = true;
        });
        Self {
            server,
            presenter_key,
            slides,
        }
    }

    /// A presenter: logged in with the presenter key, on a terminal of
    /// `cols`×`rows`.
    pub fn presenter(&self, cols: u32, rows: u32) -> Client {
        let mut client = self.server.connect().handshake().expect("a connection");
        assert!(
            client.auth_key(&self.presenter_key),
            "the presenter's key gets in"
        );
        start(client, cols, rows)
    }

    /// A participant as `ssh` without a key logs in: no credentials is
    /// refused (the server asks for keys first), keyboard-interactive with
    /// no question gets in.
    pub fn participant(&self, cols: u32, rows: u32) -> Client {
        let mut client = self.server.connect().handshake().expect("a connection");
        assert!(!client.auth_none(), "keys are asked for first");
        assert!(client.auth_keyboard_interactive(), "then anyone gets in");
        start(client, cols, rows)
    }

    /// A participant who logs in with a key of its own (not a presenter's).
    pub fn participant_with_key(&self, key: &PrivateKey, cols: u32, rows: u32) -> Client {
        let mut client = self.server.connect().handshake().expect("a connection");
        assert!(client.auth_key(key), "any key gets in");
        start(client, cols, rows)
    }

    /// Waits until `client`'s footer shows slide `n` (1-based).
    pub fn wait_slide(&self, client: &Client, n: usize) {
        wait_slide(client, n, self.slides);
    }
}

/// Opens the session on a terminal of `cols`×`rows` and starts its shell.
fn start(mut client: Client, cols: u32, rows: u32) -> Client {
    client.open_session().expect("a session channel");
    assert!(client.request_pty(cols, rows), "the pty request is granted");
    assert!(client.shell(), "the shell request is granted");
    client
}

/// The slide (1-based) a presentation's footer shows, from its bottom row:
/// ` n / N ` comes first there at any width.
pub fn slide_in_footer(footer: &str, total: usize) -> Option<usize> {
    let (n, rest) = footer.trim_start().split_once(" / ")?;
    let shown_total: usize = rest.split_whitespace().next()?.parse().ok()?;
    (shown_total == total).then(|| n.parse().ok()).flatten()
}

/// The slide `client` shows now, if a slide.
pub fn slide_shown(client: &Client, total: usize) -> Option<usize> {
    let received = client.received();
    let rows = received.screen().size().0.get();
    slide_in_footer(&received.row(rows - 1), total)
}

/// Waits until `client`'s footer shows slide `n` of `total`, or fails.
pub fn wait_slide(client: &Client, n: usize, total: usize) {
    client.wait_until(&format!("slide {n} / {total} in the footer"), |r| {
        let rows = r.screen().size().0.get();
        slide_in_footer(&r.row(rows - 1), total) == Some(n)
    });
}

#[test]
fn the_footer_is_read_for_its_slide_number_only() {
    assert_eq!(slide_in_footer(" 3 / 12 ████░░ ", 12), Some(3));
    assert_eq!(slide_in_footer(" 12 / 12 ", 12), Some(12));
    assert_eq!(slide_in_footer(" 3 / 13 ", 12), None, "another deck");
    assert_eq!(slide_in_footer(" Presentatör: 3 / 12 ", 12), None);
    assert_eq!(slide_in_footer(" j/k ", 12), None);
}
