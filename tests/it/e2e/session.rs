//! The terminal the end-to-end tests run the app in: the one the pty
//! benchmarks use (`benches/support/pty.rs`), and what a test asks of it on
//! top: wait for text or fail, quit and check the terminal was restored.

use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;

#[path = "../../../benches/support/proc.rs"]
pub(crate) mod proc;
#[path = "../../../benches/support/pty.rs"]
mod pty;

use crate::support::BIN;

/// Generous: these bound how long a broken build may hang the suite, they are
/// not performance assertions.
pub(crate) const PATIENCE: Duration = Duration::from_secs(20);

pub(super) const ENTER_ALT: &[u8] = b"\x1b[?1049h";
pub(super) const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// A program in a pseudo-terminal, every byte it writes kept.
pub struct Session {
    pty: pty::Pty,
}

impl Session {
    /// Starts vision-tui with `args`, the environment of the suite less what
    /// would decide the colours or the configuration, plus `env`.
    pub fn start(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        let mut cmd = app(args);
        for (key, value) in env {
            cmd.env(key, value);
        }
        Self::spawn(cmd, cols, rows)
    }

    /// vision-tui on the built-in document at 80×24, its first frame on screen.
    pub fn browsing() -> Self {
        let s = Self::start(&[], &[], 80, 24);
        s.wait_for("Tillsammans");
        s
    }

    /// Starts vision-tui in `dir`, so messages show short relative paths.
    pub fn start_in(dir: &std::path::Path, args: &[&str], cols: u16, rows: u16) -> Self {
        let mut cmd = app(args);
        cmd.cwd(dir);
        Self::spawn(cmd, cols, rows)
    }

    /// Starts another program (a shell, a wrapper) in the terminal.
    pub fn start_command(program: &str, args: &[&str], cols: u16, rows: u16) -> Self {
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        Self::spawn(cmd, cols, rows)
    }

    fn spawn(cmd: CommandBuilder, cols: u16, rows: u16) -> Self {
        Self {
            pty: pty::Spawn::new(cols, rows).keep_raw().run(cmd),
        }
    }

    /// Stops reading the terminal (after the read under way), as a frozen
    /// SSH link or a suspended terminal emulator does: once the pty's buffer
    /// is full, the app's writes block.
    pub fn stop_reading(&self) {
        self.pty.pause();
    }

    /// Reads the terminal again.
    pub fn resume_reading(&self) {
        self.pty.resume();
    }

    /// Resizes the terminal (the pty and the screen the test reads).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.pty.resize(cols, rows);
    }

    /// Resizes the pty only: the screen the test reads keeps its size.
    pub fn resize_terminal_only(&mut self, cols: u16, rows: u16) {
        self.pty.resize_terminal_only(cols, rows);
    }

    /// The exit code, if the process has exited.
    pub fn try_exit(&mut self) -> Option<u32> {
        self.pty.try_wait().map(|status| status.exit_code())
    }

    pub fn contents(&self) -> String {
        self.pty.contents()
    }

    pub fn raw(&self) -> Vec<u8> {
        self.pty.raw()
    }

    /// What the bytes written since `offset` (a length of [`Session::raw`])
    /// paint on an empty screen of this size: the part of the screen the app
    /// sent again, and nothing it had drawn before.
    pub fn painted_since(&self, offset: usize) -> String {
        let (rows, cols) = self.pty.with_screen(vt100::Screen::size);
        let mut fresh = vt100::Parser::new(rows, cols, 0);
        fresh.process(&self.raw()[offset..]);
        fresh.screen().contents()
    }

    /// Waits until the bytes since `offset` paint everything in `needles`.
    pub fn wait_until_painted_since(&self, offset: usize, needles: &[&str]) {
        let start = Instant::now();
        loop {
            let painted = self.painted_since(offset);
            if needles.iter().all(|needle| painted.contains(needle)) {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "never painted {needles:?} again; painted since:\n{painted}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_for(&self, needle: &str) {
        let shown = contains(needle);
        if self.pty.wait_until(shown, PATIENCE).is_none() {
            panic!("never saw {needle:?}; screen:\n{}", self.contents());
        }
    }

    pub fn wait_until_gone(&self, needle: &str) {
        let shown = contains(needle);
        if self.pty.wait_until(move |s| !shown(s), PATIENCE).is_none() {
            panic!("{needle:?} stayed; screen:\n{}", self.contents());
        }
    }

    /// Sends `bytes` and returns how long it took until `needle` was on
    /// screen (the instant the reader saw it, not when a test looked).
    pub fn answer_time(&mut self, bytes: &[u8], needle: &str) -> Duration {
        self.pty.watch(contains(needle));
        let sent = self.pty.send(bytes);
        let Some(held) = self.pty.wait_held(PATIENCE) else {
            panic!("never saw {needle:?}; screen:\n{}", self.contents());
        };
        held.at.saturating_duration_since(sent)
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.pty.send(bytes);
    }

    /// Waits for the process to exit, and for its last bytes to be read;
    /// returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let Some(status) = self.pty.wait_exit(PATIENCE) else {
            panic!("the program did not exit; screen:\n{}", self.contents());
        };
        status.exit_code()
    }

    /// Sends `keys`, which end the app, and asserts that it exits with 0 and
    /// leaves the terminal as it found it.
    pub fn quit(&mut self, keys: &[u8]) {
        self.send(keys);
        assert_eq!(self.wait_exit(), 0, "{keys:?} quits");
        assert_restored(self);
    }

    /// Waits until the program has written nothing for a while; returns how
    /// many bytes it has written in all.
    pub fn quiet_total(&self) -> usize {
        self.pty.quiet_total(Duration::from_millis(300), PATIENCE)
    }

    pub fn pid(&self) -> u32 {
        self.pty.pid()
    }

    /// Ends the program (SIGHUP, then SIGKILL).
    pub fn kill(&mut self) {
        self.pty.kill();
    }

    /// True when the pty's line discipline is back in canonical mode with echo.
    pub fn cooked(&self) -> bool {
        self.pty.cooked()
    }

    /// Closes every handle on the master side: the terminal hangs up.
    pub fn hang_up(&mut self) {
        // The reader holds a handle until its next read, which a help toggle is sure to cause.
        self.pty.hang_up(b"?", PATIENCE);
    }
}

/// vision-tui with `args`, and none of the suite's own environment that
/// would decide the colours or the configuration.
fn app(args: &[&str]) -> CommandBuilder {
    // BIN is absolute: CommandBuilder resolves relative paths against $HOME.
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args(args);
    cmd.env_remove("NO_COLOR");
    cmd.env("XDG_CONFIG_HOME", "/nonexistent/vision-tui-tests");
    cmd
}

/// The screen shows `needle` somewhere.
fn contains(needle: &str) -> impl Fn(&vt100::Screen) -> bool + Send + 'static {
    let needle = needle.to_owned();
    move |screen| screen.contents().contains(&needle)
}

/// Asserts the terminal was left as found: alternate screen left after it was
/// last entered, cursor shown, line discipline cooked.
pub fn assert_restored(session: &Session) {
    let raw = session.raw();
    let entered = find_last(&raw, ENTER_ALT).expect("entered the alternate screen");
    let left = find_last(&raw, LEAVE_ALT).expect("left the alternate screen");
    assert!(
        left > entered,
        "left the alternate screen before entering it last"
    );
    // Cleared first: tmux re-wraps what is left on it when the width changed.
    assert_eq!(
        find_last(&raw, b"\x1b[2J\x1b[?1049l").map(|at| at + 4),
        Some(left),
        "the alternate screen is cleared right before it is left"
    );
    let shown = find_last(&raw, SHOW_CURSOR).expect("cursor shown");
    assert!(shown > entered, "cursor shown again after entering");
    assert!(
        !session.pty.with_screen(vt100::Screen::alternate_screen),
        "still on the alternate screen"
    );
    assert!(session.cooked(), "raw mode still on");
}

/// What the process's main thread is doing: its state letter (`S`, `T`, ...)
/// and the kernel function it sleeps in.
pub fn main_thread(pid: u32) -> (char, String) {
    (proc::state(pid).unwrap_or('?'), proc::wchan(pid))
}

pub fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
