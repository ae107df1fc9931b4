//! The terminal's edge in the real binary: signals, hang-ups, a panic, a
//! terminal nobody reads, absurd sizes, suspending, and tmux.

use std::time::{Duration, Instant};

use super::{BIN, LEAVE_ALT, PATIENCE, Session, assert_restored, find_last, main_thread, proc};

#[test]
fn signals_restore_the_terminal_and_exit_128_plus_n() {
    for (name, number) in [("TERM", 15), ("INT", 2), ("HUP", 1), ("QUIT", 3)] {
        let mut s = Session::browsing();
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &s.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(s.wait_exit(), 128 + number, "SIG{name}");
        assert_restored(&s);
    }
}

#[test]
fn a_panic_restores_the_terminal_shows_the_message_and_exits_101() {
    // On the main thread, and on another (the reload thread, the watchdog):
    // either way the process ends, rather than drawing on a restored terminal.
    for place in ["main", "thread"] {
        let mut s = Session::start(&[], &[("VISION_TUI_TEST_PANIC", place)], 80, 24);
        assert_eq!(s.wait_exit(), 101, "a panic on the {place} thread");
        assert_restored(&s);
        let raw = s.raw();
        let message = find_last(&raw, b"panicking on purpose").expect("panic message shown");
        assert!(
            message > find_last(&raw, LEAVE_ALT).unwrap(),
            "message printed after restoring"
        );
    }
}

#[test]
fn exits_when_the_terminal_hangs_up() {
    let mut s = Session::browsing();
    s.hang_up();
    // The kernel sends SIGHUP to the session leader, which is vision-tui here.
    assert_eq!(s.wait_exit(), 129);
}

#[test]
fn exits_on_hang_up_even_when_no_sighup_arrives() {
    // Run vision-tui in a session of its own (no controlling terminal), as
    // behind some wrappers: a hang-up then sends it no SIGHUP at all, and
    // crossterm would spin on the dead terminal; the watchdog must notice.
    let mut s = Session::start_command("setsid", &["-w", BIN], 80, 24);
    s.wait_for("Tillsammans");
    let app = *proc::children(s.pid())
        .first()
        .expect("vision-tui under setsid");
    s.hang_up();
    let start = Instant::now();
    // Gone, or a zombie waiting to be reaped: either way it exited.
    while proc::alive(app) {
        assert!(
            start.elapsed() < PATIENCE,
            "vision-tui still running after hang-up: {:?}",
            main_thread(app)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn resizing_redraws_and_keeps_the_selection() {
    let mut s = Session::browsing();
    s.send(b"3");
    s.wait_for("Experimentlust · 1 mål");
    s.resize(20, 6);
    s.wait_for("terminalen");
    s.resize(120, 40);
    s.wait_for("Experimentlust · 1 mål");
    s.quit(b"q");
}

/// crossterm's reader waits edge-triggered and returns the first event of a
/// batch: a key that arrived together with a resize (SIGWINCH) was left
/// unread until the next key. Each round sends a key right after a resize.
#[test]
fn a_key_typed_right_after_a_resize_is_not_lost() {
    let mut s = Session::browsing();
    for round in 0..10u16 {
        let (cols, rows) = if round % 2 == 0 { (100, 30) } else { (80, 24) };
        s.resize(cols, rows);
        s.send(b"G");
        s.wait_for("▶ 5 Tillsammans");
        s.resize(cols + 1, rows);
        s.send(b"g");
        s.wait_for("▶ 1 Vackra miljöer");
    }
    s.quit(b"q");
}

#[test]
fn sends_no_terminal_queries() {
    let mut s = Session::browsing();
    s.send(b"q");
    s.wait_exit();
    let raw = s.raw();
    // Cursor position (6n), device attributes (c), window size (18t) queries.
    for query in [
        &b"\x1b[6n"[..],
        b"\x1b[c",
        b"\x1b[0c",
        b"\x1b[>c",
        b"\x1b[18t",
        b"\x1b[?u",
    ] {
        assert!(find_last(&raw, query).is_none(), "sent query {query:?}");
    }
    // No any-motion or drag tracking: every pointer move would cross the SSH link.
    for mode in [&b"\x1b[?1002h"[..], b"\x1b[?1003h"] {
        assert!(
            find_last(&raw, mode).is_none(),
            "enabled mouse mode {mode:?}"
        );
    }
    // No synchronized-update markers: tmux 3.7b-d redraws the whole pane for each.
    assert!(find_last(&raw, b"\x1b[?2026h").is_none());
}

/// Waits up to `limit` for the process to exit; its code, or `None`.
fn exit_within(s: &mut Session, limit: Duration) -> Option<u32> {
    let start = Instant::now();
    loop {
        if let Some(code) = s.try_exit() {
            return Some(code);
        }
        if start.elapsed() > limit {
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn sigterm_ends_the_app_even_when_nobody_reads_the_terminal() {
    let mut s = Session::browsing();
    s.stop_reading();
    // Every resize is a whole new frame: resize until the pty's buffer is
    // full and the app sleeps in a write (anywhere but its wait for input).
    let pid = s.pid();
    let start = Instant::now();
    let mut narrow = false;
    loop {
        let (state, wchan) = main_thread(pid);
        if state == 'S' && !wchan.contains("poll") {
            // Still there a moment later: blocked, not just passing through.
            std::thread::sleep(Duration::from_millis(100));
            if main_thread(pid) == (state, wchan.clone()) {
                break;
            }
        }
        assert!(
            start.elapsed() < PATIENCE,
            "the app never blocked writing: {state} {wchan}"
        );
        narrow = !narrow;
        s.resize(if narrow { 199 } else { 200 }, 60);
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
    // The bound: gone within about a second, 2 s at most.
    let exited = exit_within(&mut s, Duration::from_secs(2));
    let stuck = main_thread(pid);
    s.resume_reading();
    let Some(code) = exited else {
        s.kill();
        panic!("still running 2 s after SIGTERM with the terminal unread: {stuck:?}");
    };
    assert_eq!(code, 128 + 15);
}

/// The process's peak resident memory (VmHWM), in kB.
fn peak_memory_kb(pid: u32) -> u64 {
    proc::status_kb(pid, "VmHWM").unwrap_or_else(|| panic!("no VmHWM for {pid}"))
}

#[test]
fn an_absurd_terminal_size_is_clamped_and_the_terminal_restored() {
    let mut s = Session::browsing();
    let pid = s.pid();
    let before = peak_memory_kb(pid);
    let written = s.raw().len();
    // The pty only: the test's own screen stays 80×24.
    s.resize_terminal_only(65535, 65535);
    // The frame for the new size, drawn (or the process gone).
    let start = Instant::now();
    while s.raw().len() == written && s.try_exit().is_none() {
        assert!(start.elapsed() < PATIENCE, "no frame after the resize");
        std::thread::sleep(Duration::from_millis(20));
    }
    s.quiet_total();
    assert_eq!(s.try_exit(), None, "the app died at 65535×65535");
    let peak = peak_memory_kb(pid);
    assert!(
        peak < 128 * 1024,
        "peak memory {peak} kB at 65535×65535 (before: {before} kB)"
    );
    s.quit(b"q");
}

/// A tmux server of the test's own, killed when the test ends.
struct Tmux(String);

impl Tmux {
    /// A server on a socket of its own, or `None` when tmux is not installed.
    fn start(test: &str) -> Option<Self> {
        let socket = format!("vision-tui-{test}-{}", std::process::id());
        let installed = std::process::Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|out| out.status.success());
        installed.then_some(Self(socket))
    }

    fn run(&self, args: &[&str]) -> String {
        let out = std::process::Command::new("tmux")
            .args(["-L", &self.0, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("run tmux");
        assert!(out.status.success(), "tmux {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The pane's text, the scrollback included.
    fn capture(&self) -> String {
        self.run(&["capture-pane", "-p", "-S", "-"])
    }

    fn wait_for(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let text = self.capture();
            if done(&text) {
                return text;
            }
            assert!(start.elapsed() < PATIENCE, "never saw {what}:\n{text}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = std::process::Command::new("tmux")
            .args(["-L", &self.0, "kill-server"])
            .output();
    }
}

#[test]
fn quitting_in_tmux_after_the_pane_widened_leaves_no_rows_of_the_app_behind() {
    let Some(tmux) = Tmux::start("widened") else {
        eprintln!("tmux is not installed: skipping (`.ci/run` installs it)");
        return;
    };
    let command =
        format!("XDG_CONFIG_HOME=/nonexistent {BIN}; echo vision-tui exited; exec sleep 60");
    tmux.run(&["new-session", "-d", "-x", "80", "-y", "30", &command]);
    tmux.wait_for("the app", |text| text.contains("Tillsammans"));
    // tmux re-wraps the alternate screen's full-width rows to the new width
    // when the app leaves it: what is still on it appears above the prompt.
    tmux.run(&["resize-window", "-x", "120", "-y", "30"]);
    tmux.wait_for("the frame at 120 columns", |text| {
        text.lines().any(|line| line.chars().count() > 100)
    });
    tmux.run(&["send-keys", "q"]);
    let after = tmux.wait_for("the app's exit", |text| text.contains("vision-tui exited"));
    for word in ["Fokusområden", "Tillsammans", "Alingsås"] {
        assert!(
            !after.contains(word),
            "the app's frame was left in the terminal ({word}):\n{after}"
        );
    }
}
