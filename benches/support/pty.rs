//! A program in a pseudo-terminal, read the way a terminal reads it: a thread
//! feeds everything the program writes to a vt100 screen, counts the bytes,
//! keeps them if asked, and notes the instant a condition on the screen first
//! holds. Shared by the pty and serve benchmarks (`examples/`); nothing in it
//! is specific to benchmarks, so the end-to-end tests can use it too.
//!
//! ```ignore
//! let mut pty = Spawn::new(80, 24).watch(last_row_contains(" q ")).run(cmd);
//! let first = pty.wait_held(PATIENCE).expect("a first frame").at - pty.spawned();
//! pty.watch(|s| s.contents().contains("Hjälp"));
//! let sent = pty.send(b"?");
//! let drawn = pty.wait_held(PATIENCE).expect("the help").at - sent;
//! ```
//!
//! Many sessions at once are many `Pty`s: arm a condition on each, act, then
//! collect each one's [`Held`] — every instant is taken by that session's own
//! reader as the bytes arrive, not by whoever waits.
#![allow(
    dead_code,
    unused_imports,
    reason = "included by #[path] into several crates, each using a different part"
)]

#[path = "pty/reader.rs"]
mod reader;
#[path = "pty/screen.rs"]
mod screen;

use std::io::Write;
use std::num::NonZeroU16;
use std::sync::Arc;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use reader::Shared;
pub use screen::{Look, Picture, last_row_contains};

/// A condition on the screen, evaluated by the reader after every read.
type Condition = Box<dyn Fn(&vt100::Screen) -> bool + Send>;

/// When a watched condition first held, and how many bytes had been read by then.
#[derive(Debug, Clone, Copy)]
pub struct Held {
    pub at: Instant,
    pub bytes: usize,
}

/// How to open the pty: its size, whether to keep every byte, and a condition
/// watched from the first byte on (so a first frame is timed exactly).
pub struct Spawn {
    cols: u16,
    rows: u16,
    keep_raw: bool,
    watch: Option<Condition>,
}

impl Spawn {
    pub fn new(cols: u16, rows: u16) -> Self {
        Self {
            cols,
            rows,
            keep_raw: false,
            watch: None,
        }
    }

    /// Keeps every byte read, for [`Pty::raw`] (off by default: a long
    /// session would keep growing).
    pub fn keep_raw(mut self) -> Self {
        self.keep_raw = true;
        self
    }

    /// Watches `condition` from the first byte on (see [`Pty::watch`]).
    pub fn watch(mut self, condition: impl Fn(&vt100::Screen) -> bool + Send + 'static) -> Self {
        self.watch = Some(Box::new(condition));
        self
    }

    /// Starts `cmd` in a new pty of this size (a new session, the pty its
    /// controlling terminal). `TERM` is `xterm-256color` unless `cmd` sets it;
    /// give the program an absolute path (relative ones resolve against $HOME).
    pub fn run(self, mut cmd: CommandBuilder) -> Pty {
        let pty = native_pty_system()
            .openpty(size(self.cols, self.rows))
            .expect("open a pty");
        if cmd.get_env("TERM").is_none() {
            cmd.env("TERM", "xterm-256color");
        }
        let reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let parser = vt100::Parser::new(nz(self.rows), nz(self.cols), 0);
        let shared = Arc::new(Shared::new(parser, self.keep_raw, self.watch));
        let spawned = Instant::now();
        let program = cmd.get_argv().first().cloned().unwrap_or_default();
        let child = pty
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|err| panic!("spawn {}: {err}", program.to_string_lossy()));
        drop(pty.slave);
        reader::start(reader, Arc::clone(&shared));
        Pty {
            child,
            writer: Some(writer),
            master: Some(pty.master),
            shared,
            spawned,
        }
    }
}

/// A running program and its terminal. Dropping it hangs up and, if the
/// program outlives that, kills it.
pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn MasterPty + Send>>,
    shared: Arc<Shared>,
    spawned: Instant,
}

impl Pty {
    /// The instant just before the program was started.
    pub fn spawned(&self) -> Instant {
        self.spawned
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child's pid")
    }

    /// Writes `bytes` to the program's terminal; returns the instant they were written.
    pub fn send(&mut self, bytes: &[u8]) -> Instant {
        let writer = self.writer.as_mut().expect("the pty is still open");
        writer.write_all(bytes).expect("write to the pty");
        writer.flush().expect("flush the pty");
        Instant::now()
    }

    /// Resizes the terminal (the program gets SIGWINCH) and the screen read
    /// from it; bytes already on their way are read at the new size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let mut s = self.shared.lock();
        s.parser.screen_mut().set_size(nz(rows), nz(cols));
        drop(s);
        self.resize_terminal_only(cols, rows);
    }

    /// Resizes the terminal but not the screen read from it: for a size
    /// no screen here could hold (the program still gets SIGWINCH).
    pub fn resize_terminal_only(&mut self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("the pty is still open")
            .resize(size(cols, rows))
            .expect("resize the pty");
    }

    /// Bytes read so far.
    pub fn bytes(&self) -> usize {
        self.shared.lock().bytes
    }

    /// When the last byte was read.
    pub fn last_byte(&self) -> Option<Instant> {
        self.shared.lock().last_byte
    }

    /// Every byte read so far (empty unless spawned with [`Spawn::keep_raw`]).
    pub fn raw(&self) -> Vec<u8> {
        self.shared.lock().raw.clone().unwrap_or_default()
    }

    /// The screen's text.
    pub fn contents(&self) -> String {
        self.shared.lock().parser.screen().contents()
    }

    /// Looks at the screen without copying it.
    pub fn with_screen<T>(&self, look: impl FnOnce(&vt100::Screen) -> T) -> T {
        look(self.shared.lock().parser.screen())
    }

    pub fn screen(&self) -> vt100::Screen {
        self.with_screen(Clone::clone)
    }

    /// From now on, notes when `condition` first holds (replacing any earlier
    /// watch). If the screen satisfies it already, it holds from now.
    pub fn watch(&self, condition: impl Fn(&vt100::Screen) -> bool + Send + 'static) {
        let mut s = self.shared.lock();
        s.watch = Some(reader::Watch {
            condition: Box::new(condition),
            held: None,
        });
        s.check(Instant::now());
    }

    /// When the watched condition first held, if it has.
    pub fn held(&self) -> Option<Held> {
        self.shared.lock().watch.as_ref().and_then(|w| w.held)
    }

    /// Waits up to `timeout` for the watched condition; `None` if it never held.
    pub fn wait_held(&self, timeout: Duration) -> Option<Held> {
        self.shared
            .wait_for(timeout, |s| s.watch.as_ref().and_then(|w| w.held))
    }

    /// [`watch`](Self::watch) and [`wait_held`](Self::wait_held) in one.
    pub fn wait_until(
        &self,
        condition: impl Fn(&vt100::Screen) -> bool + Send + 'static,
        timeout: Duration,
    ) -> Option<Held> {
        self.watch(condition);
        self.wait_held(timeout)
    }

    /// Waits for output beyond `since` bytes, then until none comes for
    /// `quiet`; returns when the last byte came, or `None` when nothing came
    /// within `first_byte`. Panics when the output never pauses within `patience`.
    pub fn settle(
        &self,
        since: usize,
        quiet: Duration,
        first_byte: Duration,
        patience: Duration,
    ) -> Option<Instant> {
        let start = Instant::now();
        loop {
            let (bytes, last) = {
                let s = self.shared.lock();
                (s.bytes, s.last_byte)
            };
            if let Some(last) = last
                && bytes > since
                && last.elapsed() >= quiet
            {
                return Some(last);
            }
            if bytes <= since && start.elapsed() >= first_byte {
                return None;
            }
            self.assert_within(start, patience, "output never settled");
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Waits until nothing has been read for `quiet`, counted from now at the
    /// earliest (so a key just sent has time to be answered); returns the
    /// bytes read in all. Panics when the
    /// output never pauses within `patience`.
    pub fn quiet_total(&self, quiet: Duration, patience: Duration) -> usize {
        let start = Instant::now();
        loop {
            let (bytes, last) = {
                let s = self.shared.lock();
                (s.bytes, s.last_byte)
            };
            let since = last.map_or(start, |last| last.max(start));
            if since.elapsed() >= quiet {
                return bytes;
            }
            self.assert_within(start, patience, "output never paused");
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn assert_within(&self, start: Instant, patience: Duration, what: &str) {
        assert!(
            start.elapsed() < patience,
            "{what} within {patience:?}; screen:\n{}",
            self.contents()
        );
    }

    /// Stops reading, as a terminal that is not being read (the program's
    /// writes block once the pty's buffer is full). The read under way, if
    /// any, still finishes.
    pub fn pause(&self) {
        self.shared.lock().paused = true;
        self.shared.changed.notify_all();
    }

    pub fn resume(&self) {
        self.shared.lock().paused = false;
        self.shared.changed.notify_all();
    }

    /// The program's exit status, if it has exited.
    pub fn try_wait(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().expect("poll the child")
    }

    /// Waits up to `patience` for the program to exit and for the reader to
    /// have read its last bytes; kills it and returns `None` if it does not exit.
    pub fn wait_exit(&mut self, patience: Duration) -> Option<ExitStatus> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.try_wait() {
                // Output ends when the last holder of the terminal closes it;
                // a child the program left behind may keep it open, so bound it.
                let left = patience.saturating_sub(start.elapsed());
                self.shared.wait_for(left, |s| s.closed.then_some(()));
                return Some(status);
            }
            if start.elapsed() >= patience {
                self.kill();
                return None;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// SIGHUP, then SIGKILL if the program is still there shortly after.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// True when the terminal's line discipline is canonical with echo (as a
    /// shell leaves it), false when a program left it raw.
    pub fn cooked(&self) -> bool {
        let termios = self
            .master
            .as_ref()
            .and_then(|m| m.get_termios())
            .expect("the terminal's settings");
        let flags = format!("{:?}", termios.local_flags);
        flags.contains("ICANON") && flags.contains("ECHO")
    }

    /// Closes every handle on the terminal's master side: the terminal hangs
    /// up. The reader holds one until its next read returns, so `poke` must
    /// make the program write something.
    pub fn hang_up(&mut self, poke: &[u8], patience: Duration) {
        self.shared.lock().release = true;
        self.shared.changed.notify_all();
        self.send(poke);
        self.shared
            .wait_for(patience, |s| s.closed.then_some(()))
            .expect("the reader let go of the terminal");
        self.writer = None;
        self.master = None;
    }

    /// True once the reader has stopped (end of output, or after a hang-up).
    pub fn closed(&self) -> bool {
        self.shared.lock().closed
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // A paused reader lets go at once, a reading one after its next read.
        self.shared.lock().release = true;
        self.shared.changed.notify_all();
        self.writer = None;
        self.master = None;
        if self.child.try_wait().ok().flatten().is_none() {
            self.kill();
        }
    }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal of at least one row and column")
}
