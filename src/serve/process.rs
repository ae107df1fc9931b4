//! `vision-tui serve` as a process: start the server, watch the document,
//! say where to connect, and stop on a signal with a goodbye to every
//! session. The only part of `serve` that touches signals.

use std::io::Write as _;
use std::path::Path;
use std::sync::Arc;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use super::{GOODBYE_GRACE, Options, Reloader, Running, ServeError, start};
use crate::document::SharedDocument;
use crate::document::watch::{DocumentWatcher, WatchError};

/// Serves `document` (read from `path`, watched for changes unless `watch`
/// is false) until SIGTERM or SIGINT, or SIGHUP when the server was not
/// started with it ignored (`nohup`). Returns the exit status.
pub fn serve_until_stopped(
    document: Arc<SharedDocument>,
    path: Option<&Path>,
    watch: bool,
    options: Options,
) -> Result<u8, ServeError> {
    let listen = options.listen.clone();
    let running = start(document, options)?;
    say_where(&running, &listen);
    let _watcher = path.filter(|_| watch).and_then(|path| {
        let reloads = running.reloader();
        let watcher = DocumentWatcher::new(path, || {});
        watcher
            .map_err(|err| match err {
                WatchError::NotAFile(_) => {}
                err => eprintln!(
                    "vision-tui: not watching {} for changes: {err}",
                    crate::document::load::printable::printable(&path.display().to_string())
                ),
            })
            .ok()
            .map(|watcher| forward_reloads(watcher, reloads))
    });
    let mut signals = vec![SIGTERM, SIGINT];
    if !hangup_ignored() {
        signals.push(SIGHUP);
    }
    let mut waiting = signal_hook::iterator::Signals::new(&signals)
        .map_err(|err| ServeError::Runtime(std::io::Error::other(err)))?;
    let signal = waiting.forever().next().unwrap_or(SIGTERM);
    eprintln!(
        "vision-tui: stopping on signal {signal}, {} session(s) to end",
        running.sessions()
    );
    running.shutdown(GOODBYE_GRACE);
    Ok(0)
}

/// The first lines on stderr: where to connect and the key to expect.
pub fn say_where(running: &Running, listen: &str) {
    let mut err = std::io::stderr().lock();
    if running.key_created {
        let _ = writeln!(
            err,
            "vision-tui: made a new host key: {}",
            crate::document::load::printable::printable(&running.key_path.display().to_string())
        );
    }
    let port = running.address.port();
    let _ = writeln!(
        err,
        "vision-tui: serving on {} (asked: {listen}); connect with: ssh -p {port} HOST",
        running.address
    );
    let _ = writeln!(
        err,
        "vision-tui: host key fingerprint {} (participants see it on first connect)",
        running.fingerprint
    );
}

/// Reads each reload the watcher finishes and hands it to every session,
/// on a thread of its own for as long as the watcher lives.
fn forward_reloads(watcher: DocumentWatcher, reloads: Reloader) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        while let Some(reload) = watcher.wait_reload() {
            reloads.reload(reload);
        }
    })
}

/// Whether SIGHUP was ignored when the process started (`nohup`, some
/// service managers): then a hang-up of the terminal it was started from
/// must not stop it. Read from /proc, which needs no unsafe call.
fn hangup_ignored() -> bool {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return false;
    };
    status
        .lines()
        .find_map(|line| line.strip_prefix("SigIgn:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| mask & (1 << (SIGHUP - 1)) != 0)
}
