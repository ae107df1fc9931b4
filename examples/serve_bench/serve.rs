//! The contender: `vision-tui serve`, one process serving every session over
//! SSH, with a throwaway host key.

use std::path::Path;
use std::process::{Command, Stdio};

use super::cleanup::Stack;
use super::server::{self, Target};

pub const NAME: &str = "vision-tui serve";

/// Starts `bin serve` for `sessions` participants, or says why it cannot (a
/// binary built before `serve` existed: `serve --help` fails).
pub fn start(bin: &Path, dir: &Path, sessions: usize) -> Result<Target, String> {
    let help = Command::new(bin)
        .args(["serve", "--help"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|err| format!("run {}: {err}", bin.display()))?;
    // Without the subcommand, `serve` is taken for a document's path and
    // `--help` shows the main help, successfully: only the subcommand's own
    // help names its `--listen`.
    if !help.status.success() || !String::from_utf8_lossy(&help.stdout).contains("--listen") {
        return Err(format!(
            "{} has no `serve` subcommand (`vision-tui serve --help` describes no `--listen`)",
            bin.display()
        ));
    }
    let dir = dir.join("serve");
    std::fs::create_dir(&dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    let host_key = dir.join("host_ed25519");
    server::keygen(&host_key, "serve-bench serve host key")?;
    let port = server::free_port()?;
    let mut cmd = Command::new(bin);
    cmd.args([
        "serve",
        "--listen",
        &format!("127.0.0.1:{port}"),
        "--host-key",
    ])
    .arg(&host_key)
    // The room the run opens: every client connects from 127.0.0.1, within a
    // minute, and its sessions stay open together. The defaults (64 sessions,
    // 30 connections per address and minute) are for a server on a network.
    .args(["--max-sessions", &sessions.to_string()])
    .args(["--max-per-minute", "10000"])
    // No user configuration: the defaults, as shipped.
    .env("XDG_CONFIG_HOME", &dir)
    .env("HOME", &dir);
    server::start(
        NAME,
        "workshop".to_owned(),
        port,
        cmd,
        dir.join("serve.log"),
        Stack::default(),
    )
}
