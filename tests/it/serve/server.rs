//! The server under test, in the test process: `serve::start` on a free
//! loopback port with a host key made in a temporary folder, the built-in
//! document, and limits a test may change.

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use vision_tui::document::load;
use vision_tui::serve::{self, Limits, Look, Options, Running};

use super::client::Connect;
use crate::e2e::PATIENCE;
use crate::support::{TempDir, temp_dir};

/// A running server, stopped (with its goodbyes) when dropped.
pub struct TestServer {
    running: Option<Running>,
    _folder: TempDir,
}

impl TestServer {
    /// The server with its default limits, except that one address (all
    /// the tests connect from 127.0.0.1) may connect as often as it likes.
    pub fn start(test: &str) -> Self {
        Self::with(test, |_, _| {})
    }

    /// The server with options as `configure` leaves them.
    pub fn with(test: &str, configure: impl FnOnce(&mut Options, &Path)) -> Self {
        Self::serving(test, load::builtin(), configure)
    }

    /// [`TestServer::with`], serving `document`.
    pub fn serving(
        test: &str,
        document: vision_tui::document::model::Document,
        configure: impl FnOnce(&mut Options, &Path),
    ) -> Self {
        let folder = temp_dir(test);
        let mut options = Options {
            listen: "127.0.0.1:0".into(),
            host_key: Some(folder.join("host_key")),
            authorized_keys: None,
            presenter_keys: None,
            workshop: false,
            limits: Limits {
                per_ip_per_minute: 10_000,
                ..Limits::default()
            },
            look: Look::default(),
        };
        configure(&mut options, &folder);
        let running = serve::start(document.into(), options).expect("the server starts");
        Self {
            running: Some(running),
            _folder: folder,
        }
    }

    fn running(&self) -> &Running {
        self.running.as_ref().expect("the server runs")
    }

    pub fn address(&self) -> SocketAddr {
        self.running().address
    }

    /// How clients of this server connect.
    pub fn connect(&self) -> Connect {
        Connect::to(self.address())
    }

    pub fn sessions(&self) -> usize {
        self.running().sessions()
    }

    /// Waits until the server counts `n` sessions, or fails the test.
    pub fn wait_sessions(&self, n: usize) {
        let start = Instant::now();
        while self.sessions() != n {
            assert!(
                start.elapsed() < PATIENCE,
                "the server still counts {} sessions, not {n}",
                self.sessions()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Stops the server as SIGTERM does, giving sessions `grace` to say
    /// goodbye; how long that took.
    pub fn shutdown(mut self, grace: Duration) -> Duration {
        let running = self.running.take().expect("the server runs");
        let start = Instant::now();
        running.shutdown(grace);
        start.elapsed()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(running) = self.running.take() {
            running.shutdown(serve::GOODBYE_GRACE);
        }
    }
}
