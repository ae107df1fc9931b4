//! Ctrl-Z, `fg`, a stop from outside, and Ctrl-L, in the real binary: the
//! terminal is given back cooked on the main screen, and whenever the screen
//! may have been lost, every cell of the frame is sent again.

use std::time::{Duration, Instant};

use super::{BIN, PATIENCE, Session, assert_restored, main_thread};

/// What every full frame of the browser at 80×24 shows: header, list, footer.
const FULL_FRAME: &[&str] = &[
    "Alingsås kommun · Vision 2040",
    "Tillsammans",
    "Livskvalitet · 1 mål",
    "q avsluta",
];

/// Waits until process `pid` is (`true`) or is not (`false`) stopped.
fn wait_stopped(pid: u32, stopped: bool) {
    let start = Instant::now();
    while (main_thread(pid).0 == 'T') != stopped {
        assert!(
            start.elapsed() < PATIENCE,
            "process {pid} stopped: {} (wanted {stopped})",
            !stopped
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn kill(signal: &str, pid: u32) {
    let sent = std::process::Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

#[test]
fn ctrl_z_gives_the_shell_a_cooked_terminal_and_fg_redraws_the_whole_frame() {
    // An interactive shell with job control, as a user has.
    let mut s = Session::start_command("dash", &["-i"], 80, 24);
    s.send(b"PS1='shell> '\n");
    s.wait_for("shell> ");
    s.send(format!("XDG_CONFIG_HOME=/nonexistent {BIN}\n").as_bytes());
    s.wait_for("Tillsammans");
    let app = *super::proc::children(s.pid())
        .first()
        .expect("vision-tui under the shell");
    s.send(b"j");
    s.wait_for("Livskvalitet · 1 mål");

    s.send(b"\x1a"); // Ctrl-Z arrives as a key in raw mode
    wait_stopped(app, true);
    s.wait_for("shell> ");
    assert_restored(&s);

    let before = s.raw().len();
    s.send(b"fg\n");
    wait_stopped(app, false);
    s.wait_until_painted_since(before, FULL_FRAME);
    s.send(b"q");
    s.wait_until_gone("Tillsammans");
    s.send(b"exit\n");
    s.wait_exit();
    assert_restored(&s);
}

#[test]
fn a_stop_from_outside_then_sigcont_redraws_the_whole_frame() {
    let mut s = Session::browsing();
    s.send(b"j");
    s.wait_for("Livskvalitet · 1 mål");
    let pid = s.pid();
    kill("-STOP", pid);
    wait_stopped(pid, true);
    // Whatever happened to the terminal meanwhile, the app paints it all.
    let before = s.raw().len();
    kill("-CONT", pid);
    s.wait_until_painted_since(before, FULL_FRAME);
    s.quit(b"q");
}

#[test]
fn ctrl_l_sends_the_whole_screen_again() {
    let mut s = Session::browsing();
    s.send(b"j");
    s.wait_for("Livskvalitet · 1 mål");
    let before = s.raw().len();
    s.send(b"\x0c");
    s.wait_until_painted_since(before, FULL_FRAME);
    assert!(
        s.raw()[before..].starts_with(b"\x1b[1;1H\x1b[J"),
        "cleared first: {:?}",
        String::from_utf8_lossy(&s.raw()[before..before + 16])
    );
    // Without job control (this process group has no shell), the kernel
    // discards the stop: Ctrl-Z then gives the terminal back and takes it
    // again at once, whole frame and all, and the keys still work.
    let before = s.raw().len();
    s.send(b"\x1a");
    s.wait_until_painted_since(before, FULL_FRAME);
    s.send(b"k");
    s.wait_for("Vackra miljöer · 1 mål");
    s.quit(b"q");
}
