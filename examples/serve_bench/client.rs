//! A participant: the real OpenSSH client in its own pty, logged in to the
//! server under test, typing `j` and `k` in turn. The screen before `j` and
//! after it are learnt once (from the first session) and every key is
//! answered when the screen is exactly the other one again.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;

use super::pty::{Picture, Pty, Spawn, last_row_contains};
use super::server::Target;

pub const COLS: u16 = 80;
pub const ROWS: u16 = 24;
/// No output for this long means a frame is complete.
pub const QUIET: Duration = Duration::from_millis(300);
/// Bounds how long a broken server may hang the run; not a measure.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// Starts `ssh` to `target` at 80×24, watching for vision-tui's footer (its
/// `q` quit hint on the last row: the last thing a frame draws).
pub fn connect(ssh: &Path, key: &Path, target: &Target) -> Pty {
    let mut cmd = CommandBuilder::new(ssh);
    for option in [
        "StrictHostKeyChecking=no",
        "UserKnownHostsFile=/dev/null",
        "LogLevel=ERROR",
        "BatchMode=yes",
    ] {
        cmd.args(["-o", option]);
    }
    cmd.arg("-i");
    cmd.arg(key);
    cmd.args(["-t", "-p", &target.port.to_string()]);
    cmd.arg(format!("{}@127.0.0.1", target.user));
    cmd.env("TERM", "xterm-256color");
    // ssh may forward these (SendEnv); both servers get the same: none.
    for var in [
        "LANG",
        "LC_ALL",
        "LC_CTYPE",
        "LC_MESSAGES",
        "COLORTERM",
        "NO_COLOR",
    ] {
        cmd.env_remove(var);
    }
    Spawn::new(COLS, ROWS)
        .watch(last_row_contains(" q "))
        .run(cmd)
}

/// Waits for the first frame; returns the time from spawning `ssh`.
pub fn first_frame(pty: &Pty, target: &Target) -> Duration {
    match pty.wait_held(PATIENCE) {
        Some(held) => held.at - pty.spawned(),
        None => panic!(
            "no first frame from {} within {PATIENCE:?}; screen:\n{}\nserver log:\n{}",
            target.name,
            pty.contents(),
            target.log_tail()
        ),
    }
}

fn shows(expected: &Arc<Picture>) -> impl Fn(&vt100::Screen) -> bool + Send + 'static {
    let expected = Arc::clone(expected);
    move |screen| expected.is_on(screen)
}

/// The two screens `j` and `k` move between.
pub struct Screens {
    /// The first frame: the first focus area selected.
    pub first: Arc<Picture>,
    /// After `j`: the second one.
    pub moved: Arc<Picture>,
}

impl Screens {
    /// Learns them from a session showing its first frame.
    pub fn learn(pty: &mut Pty) -> Self {
        pty.quiet_total(QUIET, PATIENCE);
        let first = Arc::new(pty.with_screen(Picture::of));
        let before = Arc::clone(&first);
        pty.watch(move |screen| !before.is_on(screen));
        pty.send(b"j");
        pty.wait_held(PATIENCE)
            .unwrap_or_else(|| panic!("`j` changed nothing; screen:\n{}", pty.contents()));
        pty.quiet_total(QUIET, PATIENCE);
        let moved = Arc::new(pty.with_screen(Picture::of));
        let screens = Self { first, moved };
        pty.watch(shows(&screens.first));
        pty.send(b"k");
        pty.wait_held(PATIENCE)
            .unwrap_or_else(|| panic!("`k` did not undo `j`; screen:\n{}", pty.contents()));
        screens
    }

    /// Waits until a new session shows the same first frame.
    pub fn expect_first(&self, pty: &Pty) {
        if pty.wait_until(shows(&self.first), PATIENCE).is_none() {
            panic!(
                "a session's first frame differs from the first session's:\n{}",
                pty.contents()
            );
        }
    }
}

/// A session typing `j`, `k`, `j`, … and timing each key to its frame.
pub struct Typist {
    pub pty: Pty,
    moved: bool,
    sent: Option<Instant>,
}

impl Typist {
    pub fn new(pty: Pty) -> Self {
        Self {
            pty,
            moved: false,
            sent: None,
        }
    }

    /// The screen this session shows once its keys so far are answered.
    pub fn expected<'a>(&self, screens: &'a Screens) -> &'a Arc<Picture> {
        if self.moved {
            &screens.moved
        } else {
            &screens.first
        }
    }

    /// Watches for the answer to the next key (before sending it, so no
    /// answer can be missed).
    pub fn arm(&self, screens: &Screens) {
        let next = if self.moved {
            &screens.first
        } else {
            &screens.moved
        };
        self.pty.watch(shows(next));
    }

    /// Sends the next key (armed first).
    pub fn press(&mut self) {
        let key: &[u8] = if self.moved { b"k" } else { b"j" };
        self.sent = Some(self.pty.send(key));
        self.moved = !self.moved;
    }

    /// Waits for the answer to the key sent last; returns the time from sending it.
    pub fn answered(&self) -> Duration {
        let sent = self.sent.expect("a key was sent");
        match self.pty.wait_held(PATIENCE) {
            Some(held) => held.at.saturating_duration_since(sent),
            None => panic!(
                "no answer to a key within {PATIENCE:?}; screen:\n{}",
                self.pty.contents()
            ),
        }
    }

    /// Watches for the screen this session should show now (after a stall).
    pub fn arm_current(&self, screens: &Screens) {
        self.pty.watch(shows(self.expected(screens)));
    }
}
