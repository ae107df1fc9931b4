//! A server under test, whatever it is: a listening process on loopback that
//! `ssh` logs in to, the processes that serve its sessions, and what was set
//! up for it. `sshd.rs` and `serve.rs` each make one.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::cleanup::{self, Stack, Undo};
use super::proc;

/// A server the sessions connect to. Dropping it stops the server (and every
/// process it started) before undoing its setup.
pub struct Target {
    /// The name in the tables.
    pub name: &'static str,
    /// Who `ssh` logs in as.
    pub user: String,
    pub port: u16,
    pub listener: u32,
    /// What the server logs, for error messages.
    pub log: PathBuf,
    // Dropped in this order: the server first, then its setup, newest first.
    _server: Undo,
    _setup: Stack,
}

impl Target {
    /// The listening process and all its descendants (sessions and the
    /// programs they run).
    pub fn processes(&self) -> Vec<u32> {
        proc::tree(self.listener)
    }

    /// The last lines of the server's log.
    pub fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(15)..].join("\n")
    }
}

/// Starts `cmd` (a server that logs to stderr) in its own process group, so
/// an interrupt at the terminal reaches the benchmark only, which stops it;
/// returns once it listens on `port`.
pub fn start(
    name: &'static str,
    user: String,
    port: u16,
    mut cmd: Command,
    log: PathBuf,
    setup: Stack,
) -> Result<Target, String> {
    let log_file =
        std::fs::File::create(&log).map_err(|err| format!("{}: {err}", log.display()))?;
    cmd.process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log_file);
    let program = cmd.get_program().to_string_lossy().into_owned();
    let (listener, server) = cleanup::guard("stop the server", || {
        let child = cmd
            .spawn()
            .map_err(|err| format!("start {program}: {err}"))?;
        let pid = child.id();
        let stop: cleanup::Action = Box::new(move || stop_tree(child));
        Ok::<_, String>((pid, stop))
    })?;
    let target = Target {
        name,
        user,
        port,
        listener,
        log,
        _server: server,
        _setup: setup,
    };
    let start = Instant::now();
    while !listening(port) {
        if !proc::alive(listener) {
            return Err(format!("{program} exited:\n{}", target.log_tail()));
        }
        if start.elapsed() > Duration::from_secs(10) {
            return Err(format!(
                "{program} did not listen on 127.0.0.1:{port} within 10 s:\n{}",
                target.log_tail()
            ));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Ok(target)
}

/// Stops a server and everything it started: its descendants first (the
/// sessions: SIGTERM, then SIGKILL for any still there after 3 s), waiting
/// until their parents have reaped them — a parent that goes first leaves
/// them to init, as zombies until it gets round to them — then the server.
fn stop_tree(mut server: Child) {
    let pid = server.id();
    let descendants =
        || -> Vec<u32> { proc::tree(pid).into_iter().filter(|&p| p != pid).collect() };
    for (signal, patience) in [("TERM", 3), ("KILL", 1)] {
        let living: Vec<u32> = descendants()
            .into_iter()
            .filter(|&p| proc::alive(p))
            .collect();
        if living.is_empty() && descendants().is_empty() {
            break;
        }
        signal_all(signal, &living);
        let start = Instant::now();
        while !descendants().is_empty() && start.elapsed() < Duration::from_secs(patience) {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    signal_all("TERM", &[pid]);
    let start = Instant::now();
    while server.try_wait().ok().flatten().is_none() {
        if start.elapsed() > Duration::from_secs(3) {
            let _ = server.kill();
            let _ = server.wait();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Sends `signal` to each of `pids` (by id: only processes this benchmark started).
fn signal_all(signal: &str, pids: &[u32]) {
    if pids.is_empty() {
        return;
    }
    let _ = Command::new("kill")
        .arg(format!("-{signal}"))
        .args(pids.iter().map(u32::to_string))
        .stderr(Stdio::null())
        .status();
}

/// True when something listens on 127.0.0.1:`port` (from /proc/net/tcp, so
/// checking opens no connection for the server to count).
fn listening(port: u16) -> bool {
    let table = std::fs::read_to_string("/proc/net/tcp").unwrap_or_default();
    let local = format!("0100007F:{port:04X}");
    table.lines().skip(1).any(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        fields.get(1) == Some(&local.as_str()) && fields.get(3) == Some(&"0A")
    })
}

/// A port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|addr| addr.port())
        .map_err(|err| format!("find a free port on 127.0.0.1: {err}"))
}

/// `program` on $PATH or in the sbin folders (not on a user's $PATH).
pub fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin", "/usr/local/sbin"].map(PathBuf::from))
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// Runs `cmd`; its stderr (or exit status) is the error.
pub fn run(mut cmd: Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|err| format!("{shown}: {err}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{shown}: {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// A new Ed25519 key pair without a passphrase at `path` (and `path`.pub).
pub fn keygen(path: &Path, comment: &str) -> Result<(), String> {
    let mut cmd = Command::new("ssh-keygen");
    cmd.args(["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f"])
        .arg(path);
    run(cmd)
}
