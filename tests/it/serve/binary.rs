//! The real `vision-tui serve`, as a process of its own: on a free loopback
//! port (`--listen 127.0.0.1:0`; the port is read from what it prints),
//! with a host key made in a temporary folder. Its stderr, the log, is read
//! as it comes, so a long log never blocks it.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::e2e::PATIENCE;
use crate::support::{BIN, TempDir, temp_dir};

pub struct ServeProcess {
    child: Child,
    address: SocketAddr,
    log: Arc<Mutex<String>>,
    _folder: TempDir,
}

impl ServeProcess {
    /// Starts `vision-tui serve` with `args` besides the address and the key;
    /// returns once it listens.
    pub fn start(test: &str, args: &[&str]) -> Self {
        let folder = temp_dir(test);
        let key = folder.join("host_key");
        let mut child = Command::new(BIN)
            .arg("serve")
            .args(["--listen", "127.0.0.1:0", "--host-key"])
            .arg(&key)
            .args(args)
            .env("XDG_CONFIG_HOME", "/nonexistent/vision-tui-tests")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start vision-tui serve");
        let stderr = child.stderr.take().expect("the server's stderr");
        let log = Arc::new(Mutex::new(String::new()));
        let (listening, address) = std::sync::mpsc::channel();
        let shared = Arc::clone(&log);
        std::thread::spawn(move || {
            let mut listening = Some(listening);
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(address) = serving_on(&line)
                    && let Some(listening) = listening.take()
                {
                    let _ = listening.send(address);
                }
                let mut log = shared.lock().unwrap_or_else(PoisonError::into_inner);
                log.push_str(&line);
                log.push('\n');
            }
        });
        let Ok(address) = address.recv_timeout(PATIENCE) else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the server never said where it listens: {}", lock(&log));
        };
        Self {
            child,
            address,
            log,
            _folder: folder,
        }
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// What it has written on stderr so far.
    pub fn log(&self) -> String {
        lock(&self.log).clone()
    }

    /// Waits until a line of the log contains `needle`, or fails the test;
    /// that line.
    pub fn wait_log_line(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let log = self.log();
            if let Some(line) = log.lines().find(|line| line.contains(needle)) {
                return line.to_string();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited in vain for a log line with {needle:?}:\n{log}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Sends it SIGTERM.
    pub fn terminate(&self) {
        let sent = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success(), "SIGTERM sent");
    }

    /// Waits up to `limit` for it to exit.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<ExitStatus> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("poll the server") {
                return Some(status);
            }
            if start.elapsed() >= limit {
                return None;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn lock(log: &Mutex<String>) -> String {
    log.lock().unwrap_or_else(PoisonError::into_inner).clone()
}

/// The address in the line that says where the server listens.
pub(super) fn serving_on(line: &str) -> Option<SocketAddr> {
    let rest = line.split_once("serving on ")?.1;
    rest.split_whitespace().next()?.parse().ok()
}
