//! End-to-end: the real binary in a pseudo-terminal, real keys in, the real
//! screen (via vt100) and the raw bytes out.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

mod edge;
mod reload;
mod suspend;

const BIN: &str = env!("CARGO_BIN_EXE_vision-tui");
/// Generous: these bound how long a broken build may hang the suite, they are
/// not performance assertions.
const PATIENCE: Duration = Duration::from_secs(20);

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

pub struct Session {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// Asks the reader thread to drop its handle on the master after its next read.
    release: Arc<AtomicBool>,
    reader_done: mpsc::Receiver<()>,
    /// While true, the reader thread reads nothing: the terminal is stalled.
    paused: Arc<(Mutex<bool>, Condvar)>,
}

impl Session {
    pub fn start(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        // The suite's own environment must not decide the colours or the config.
        cmd.env_remove("NO_COLOR");
        cmd.env("XDG_CONFIG_HOME", "/nonexistent/vision-tui-tests");
        for (key, value) in env {
            cmd.env(key, value);
        }
        Self::spawn(cmd, cols, rows)
    }

    /// Starts vision-tui in `dir`, so messages show short relative paths.
    pub fn start_in(dir: &std::path::Path, args: &[&str], cols: u16, rows: u16) -> Self {
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.cwd(dir);
        Self::spawn(cmd, cols, rows)
    }

    pub fn start_command(program: &str, args: &[&str], cols: u16, rows: u16) -> Self {
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        Self::spawn(cmd, cols, rows)
    }

    fn spawn(mut cmd: CommandBuilder, cols: u16, rows: u16) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        // BIN is absolute: CommandBuilder resolves relative paths against $HOME.
        if cmd.get_env("TERM").is_none() {
            cmd.env("TERM", "xterm-256color");
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn vision-tui");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (screen_in, raw_in) = (Arc::clone(&screen), Arc::clone(&raw));
        let release = Arc::new(AtomicBool::new(false));
        let release_in = Arc::clone(&release);
        let (done, reader_done) = mpsc::channel();
        let paused = Arc::new((Mutex::new(false), Condvar::new()));
        let paused_in = Arc::clone(&paused);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                screen_in.lock().unwrap().process(&buf[..n]);
                raw_in.lock().unwrap().extend_from_slice(&buf[..n]);
                if release_in.load(Ordering::SeqCst) {
                    break;
                }
                let (lock, resumed) = &*paused_in;
                let mut stalled = lock.lock().unwrap();
                while *stalled {
                    stalled = resumed.wait(stalled).unwrap();
                }
            }
            drop(reader);
            let _ = done.send(());
        });
        Self {
            master: Some(pty.master),
            writer: Some(writer),
            child,
            screen,
            raw,
            release,
            reader_done,
            paused,
        }
    }

    /// Stops reading the terminal (after the read under way), as a frozen
    /// SSH link or a suspended terminal emulator does: once the pty's buffer
    /// is full, the app's writes block.
    pub fn stop_reading(&self) {
        *self.paused.0.lock().unwrap() = true;
    }

    /// Reads the terminal again.
    pub fn resume_reading(&self) {
        *self.paused.0.lock().unwrap() = false;
        self.paused.1.notify_all();
    }

    /// Resizes the terminal (the pty and the screen the test reads).
    pub fn resize(&self, cols: u16, rows: u16) {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        // The screen first: the app's frame for the new size may arrive
        // before this thread could resize it after the pty.
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nz(rows), nz(cols));
        self.master.as_ref().expect("master").resize(size).unwrap();
    }

    /// The exit code, if the process has exited.
    pub fn try_exit(&mut self) -> Option<u32> {
        self.child
            .try_wait()
            .unwrap()
            .map(|status| status.exit_code())
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// What the bytes written since `offset` (a length of [`Session::raw`])
    /// paint on an empty screen of this size: the part of the screen the app
    /// sent again, and nothing it had drawn before.
    pub fn painted_since(&self, offset: usize) -> String {
        let (rows, cols) = self.screen.lock().unwrap().screen().size();
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
        let start = Instant::now();
        while !self.contents().contains(needle) {
            assert!(
                start.elapsed() < PATIENCE,
                "never saw {needle:?}; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_until_gone(&self, needle: &str) {
        let start = Instant::now();
        while self.contents().contains(needle) {
            assert!(
                start.elapsed() < PATIENCE,
                "{needle:?} stayed; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends `bytes` and returns how long it took until `needle` was on screen.
    pub fn answer_time(&mut self, bytes: &[u8], needle: &str) -> Duration {
        let start = Instant::now();
        self.send(bytes);
        while !self.contents().contains(needle) {
            assert!(
                start.elapsed() < PATIENCE,
                "never saw {needle:?}; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        start.elapsed()
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().expect("writer");
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
    }

    /// Waits for the process to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread drain the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("vision-tui did not exit; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// True when the pty's line discipline is back in canonical mode with echo.
    pub fn cooked(&self) -> bool {
        let termios = self
            .master
            .as_ref()
            .and_then(|m| m.get_termios())
            .expect("termios");
        let flags = format!("{:?}", termios.local_flags);
        flags.contains("ICANON") && flags.contains("ECHO")
    }

    /// Closes every handle on the master side: the terminal hangs up.
    pub fn hang_up(&mut self) {
        // The reader thread holds a duplicate of the master; have it let go
        // after the next output, which a help toggle is sure to cause.
        self.release.store(true, Ordering::SeqCst);
        self.send(b"?");
        self.reader_done
            .recv_timeout(PATIENCE)
            .expect("reader thread let go of the pty");
        self.writer = None;
        self.master = None;
    }
}

impl Drop for Session {
    /// A test that fails leaves no process behind (one blocked on a FIFO, or
    /// stopped, would live on after the suite).
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
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
        !session.screen.lock().unwrap().screen().alternate_screen(),
        "still on the alternate screen"
    );
    assert!(session.cooked(), "raw mode still on");
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero size")
}

/// What the process's main thread is doing: its state letter (`S`, `T`, ...)
/// and the kernel function it sleeps in.
pub fn main_thread(pid: u32) -> (char, String) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let state = stat
        .rsplit(')')
        .next()
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|s| s.chars().next())
        .unwrap_or('?');
    let wchan = std::fs::read_to_string(format!("/proc/{pid}/wchan")).unwrap_or_default();
    (state, wchan)
}

pub fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn browses_vision_2040_and_quits_cleanly() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Alingsås är Västsveriges vackraste kulturstad");
    for area in [
        "Vackra miljöer",
        "Livskvalitet",
        "Experimentlust",
        "Omställning",
        "Tillsammans",
    ] {
        s.wait_for(area);
    }
    // Down twice with j and the arrow key reaches the third area, Experimentlust.
    s.send(b"j");
    s.send(b"\x1b[B");
    s.wait_for("Experimentlust · 1 mål");
    s.wait_for("Mål 1");
    s.wait_for("Alingsås växer genom att stärka och uppmuntra");
    s.send(b"?");
    s.wait_for("Flytta och rulla");
    s.send(b"\x1b");
    s.wait_until_gone("Flytta och rulla");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s);
}

/// Waits until the program has written nothing for a while, then returns
/// how many bytes it has written in all.
pub fn quiet_total(s: &Session) -> usize {
    let mut total = s.raw().len();
    loop {
        std::thread::sleep(Duration::from_millis(300));
        let now = s.raw().len();
        if now == total {
            return total;
        }
        total = now;
    }
}

#[test]
fn a_key_that_changes_nothing_writes_nothing() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Tillsammans");
    let before = quiet_total(&s);
    // Already at the top: `g` (go to the top) has nothing to do.
    s.send(b"g");
    assert_eq!(
        quiet_total(&s),
        before,
        "no bytes for a key that changes nothing"
    );
    // The app is alive and still draws what does change.
    s.send(b"j");
    s.wait_for("Livskvalitet · ");
    assert!(quiet_total(&s) > before);
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s);
}

#[test]
fn number_keys_tab_and_background_work_in_the_real_terminal() {
    let mut s = Session::start(&[], &[], 120, 40);
    s.wait_for("Tillsammans");
    s.send(b"4");
    s.wait_for("I Alingsås finns goda livsmiljöer");
    s.send(b"\t");
    s.wait_for("j/k rulla");
    s.send(b"b");
    s.wait_for("Så lyder kommunens vision");
    s.send(b"G");
    s.wait_for("Läs mer om kommunens prioriterade mål");
    s.send(b"\x1b");
    s.wait_until_gone("Läs mer om kommunens prioriterade mål");
    s.send(b"\x03"); // Ctrl-C arrives as a key in raw mode
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s);
}

#[test]
fn presents_from_the_command_line() {
    let mut s = Session::start(&["present"], &[], 80, 24);
    s.wait_for(" 1 / ");
    s.wait_for("Alingsås kommun");
    // → until the Experimentlust slide, which shows goal 1.
    let mut presses = 0;
    while !s.contents().contains("Alingsås växer genom att stärka") {
        s.send(b"\x1b[C");
        presses += 1;
        assert!(presses < 30, "never reached goal 1:\n{}", s.contents());
        std::thread::sleep(Duration::from_millis(50));
    }
    s.wait_for("Mål 1 · 2021–2023");
    s.send(b"b");
    s.wait_until_gone("Mål 1 · 2021–2023");
    assert!(
        s.contents().trim().is_empty(),
        "blank screen:\n{}",
        s.contents()
    );
    s.send(b"b");
    s.wait_for("Mål 1 · 2021–2023");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s);
}

#[test]
fn p_presents_from_the_browser_and_esc_returns_to_the_slides_area() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Tillsammans");
    s.send(b"2p");
    s.wait_for("Mål 4 · 2021–2023");
    s.send(b" "); // Space: next slide, Experimentlust
    s.wait_for("Mål 1 · 2021–2023");
    s.send(b"\x1b");
    s.wait_for("Experimentlust · 1 mål");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s);
}

#[test]
fn s_shows_the_link_to_the_selection() {
    let mut s = Session::start(&["--open", "goal:3"], &[], 80, 24);
    s.wait_for("Tillsammans · 1 mål");
    s.send(b"s");
    s.wait_for("Länk: vision-tui --open goal:3");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn term_dumb_prints_plain_text_even_in_a_terminal() {
    let mut s = Session::start(&[], &[("TERM", "dumb")], 80, 24);
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw();
    assert!(
        find_last(&raw, ENTER_ALT).is_none(),
        "no alternate screen on a dumb terminal"
    );
    assert!(!raw.contains(&0x1b), "no escape sequences at all");
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.contains("Alingsås är Västsveriges vackraste kulturstad"),
        "{text}"
    );
}

#[test]
fn searching_without_swedish_letters_finds_omstallning() {
    let mut s = Session::start(&[], &[], 100, 30);
    s.wait_for("Tillsammans");
    s.send(b"/omstallning");
    s.wait_for("/omstallning");
    s.wait_for("1 fokusområde");
    s.send(b"\r");
    s.wait_for("▶ 4 Omställning");
    s.wait_for("Omställning · 1 mål");
    s.wait_until_gone("Tillsammans");
    s.send(b"\x1b"); // Esc clears the filter
    s.wait_for("Tillsammans");
    s.send(b"/zzz\r");
    s.wait_for("ingen träff");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_mouse_click_selects_a_focus_area_and_quitting_turns_the_mouse_off() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Tillsammans");
    // Where the third focus area is drawn, in 1-based SGR coordinates.
    let row = s
        .contents()
        .lines()
        .position(|l| l.contains("3 Experimentlust"))
        .expect("row")
        + 1;
    s.send(format!("\x1b[<0;6;{row}M\x1b[<0;6;{row}m").as_bytes());
    s.wait_for("▶ 3 Experimentlust");
    s.wait_for("Experimentlust · 1 mål");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw();
    let on = find_last(&raw, b"\x1b[?1000h").expect("mouse reporting on");
    assert!(find_last(&raw, b"\x1b[?1006h").is_some(), "SGR encoding");
    assert!(
        find_last(&raw, b"\x1b[?1003h").is_none(),
        "no any-motion tracking"
    );
    assert!(find_last(&raw, b"\x1b[?1000l").expect("mouse reporting off") > on);
}

#[test]
fn no_mouse_leaves_the_mouse_to_the_terminal() {
    let mut s = Session::start(&["--no-mouse"], &[], 80, 24);
    s.wait_for("Tillsammans");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    assert!(find_last(&s.raw(), b"\x1b[?1000h").is_none());
}

#[test]
fn lang_en_switches_the_interface() {
    let mut s = Session::start(&["--lang", "en"], &[], 80, 24);
    s.wait_for("Focus areas (5)");
    s.wait_for("q quit");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn esc_glued_to_q_in_one_write_closes_the_search_then_quits() {
    // One write, as one SSH packet delivers a fast `Esc q`: crossterm reads Alt+q.
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_for("Tillsammans");
    s.send(b"/liv");
    s.wait_for("/liv");
    s.send(b"\x1bq");
    assert_eq!(s.wait_exit(), 0, "Esc closed the search, q quit");
    assert_restored(&s);
}
