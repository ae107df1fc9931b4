//! The real `vision-tui serve` and the real OpenSSH client, as participants
//! use them: `ssh -p PORT HOST` in a terminal (the suite's pty), `ssh -T` into
//! a pipe, and the server stopped by SIGTERM while someone is connected.
//! Skipped when `ssh` is not installed (`.ci/run` installs it).

use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::Duration;

use super::binary::ServeProcess;
use crate::e2e::{Session, assert_restored};
use crate::support::run_binary;

/// `ssh` with what a participant would type, minus the questions a test
/// cannot answer (the host key is new every time), plus `extra`.
pub(super) fn ssh_args(address: SocketAddr, extra: &[&str]) -> Vec<String> {
    let port = address.port().to_string();
    let mut args: Vec<String> = [
        "-F",
        "/dev/null",
        "-p",
        &port,
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        "-o",
        "BatchMode=yes",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    args.extend(extra.iter().map(ToString::to_string));
    args.push("workshop@127.0.0.1".into());
    args
}

/// Whether the OpenSSH client is installed.
pub(super) fn ssh_installed(test: &str) -> bool {
    let installed = Command::new("ssh")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !installed {
        eprintln!("{test}: ssh is not installed: skipping (`.ci/run` installs it)");
    }
    installed
}

/// `ssh -tt` to `server` in a terminal of the suite's own, the vision on it.
fn ssh_in_a_terminal(server: &ServeProcess, cols: u16, rows: u16) -> Session {
    let args = ssh_args(server.address(), &["-tt"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let s = Session::start_command("ssh", &args, cols, rows);
    s.wait_for("▶ 1 Vackra miljöer");
    s
}

#[test]
fn openssh_browses_resizes_and_quits_with_the_terminal_restored() {
    if !ssh_installed("openssh_browses") {
        return;
    }
    let server = ServeProcess::start("openssh-browse", &[]);
    let mut s = ssh_in_a_terminal(&server, 80, 24);
    s.wait_for("Alingsås kommun · Vision 2040");
    s.send(b"j");
    s.wait_for("▶ 2 Livskvalitet");
    s.send(b"\x1b[B");
    s.wait_for("▶ 3 Experimentlust");
    // ssh passes the new size on: the statement is laid out to the width.
    s.resize(120, 40);
    s.wait_for("levande bygd. Genom nytänkande, engagemang");
    s.wait_for("▶ 3 Experimentlust");
    s.quit(b"q");
    assert!(
        server.log().contains("session ended"),
        "the server logged the end:\n{}",
        server.log()
    );
}

#[test]
fn openssh_without_a_terminal_gets_the_plain_text() {
    if !ssh_installed("openssh_plain") {
        return;
    }
    let server = ServeProcess::start("openssh-plain", &[]);
    let out = Command::new("ssh")
        .args(ssh_args(server.address(), &["-T"]))
        .stdin(Stdio::null())
        .output()
        .expect("run ssh");
    assert!(
        out.status.success(),
        "ssh -T: {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let piped = run_binary::<&str>(&[]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&piped.stdout),
        "what a local pipe gets"
    );
}

#[test]
fn sigterm_says_goodbye_to_an_openssh_client_and_the_server_exits_0_within_2_s() {
    if !ssh_installed("openssh_sigterm") {
        return;
    }
    let mut server = ServeProcess::start("openssh-sigterm", &[]);
    let mut s = ssh_in_a_terminal(&server, 80, 24);
    server.terminate();
    let status = server.wait_exit(Duration::from_secs(2));
    let Some(status) = status else {
        panic!("the server still runs 2 s after SIGTERM:\n{}", server.log());
    };
    assert_eq!(status.code(), Some(0), "{}", server.log());
    s.wait_for("vision-tui: the server is stopping. Goodbye.");
    assert_eq!(s.wait_exit(), 0, "ssh ends as the session does");
    assert_restored(&s);
}

#[test]
fn a_full_server_tells_openssh_why() {
    if !ssh_installed("openssh_full") {
        return;
    }
    let server = ServeProcess::start("openssh-full", &["--max-sessions", "1"]);
    let _inside = ssh_in_a_terminal(&server, 80, 24);
    // At ssh's own log level (INFO), which prints why a channel was refused.
    let args: Vec<String> = ssh_args(server.address(), &["-T"])
        .into_iter()
        .map(|arg| arg.replace("LogLevel=ERROR", "LogLevel=INFO"))
        .collect();
    let out = Command::new("ssh")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run ssh");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("open failed: resource shortage: vision-tui: the server is full (1 sessions); try again later"),
        "ssh says why: {stderr:?}"
    );
    assert!(out.stdout.is_empty(), "no text: {:?}", out.stdout);
    assert!(!out.status.success());
}

/// Runs `ssh` to `server` with `extra` options and `command`, no terminal.
fn ssh_output(server: &ServeProcess, extra: &[&str], command: &[&str]) -> std::process::Output {
    Command::new("ssh")
        .args(ssh_args(server.address(), extra))
        .args(command)
        .stdin(Stdio::null())
        .output()
        .expect("run ssh")
}

#[test]
fn openssh_with_a_command_or_a_subsystem_prints_why_and_exits_1() {
    if !ssh_installed("openssh_exec") {
        return;
    }
    let server = ServeProcess::start("openssh-exec", &[]);
    let out = ssh_output(&server, &[], &["ls", "-l"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "vision-tui: this server runs no commands; connect without one: ssh -p PORT HOST\n",
        "ssh prints the reason, and nothing else"
    );
    assert_eq!(out.status.code(), Some(1), "ssh exits 1");
    assert!(out.stdout.is_empty(), "no text: {:?}", out.stdout);
    // `sftp` and `scp -s` ask for the sftp subsystem, as `ssh -s` does.
    let out = ssh_output(&server, &["-s"], &["sftp"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "vision-tui: this server offers no subsystems (no sftp, no scp)\n"
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no text: {:?}", out.stdout);
}
