//! The reader thread and what it shares with [`Pty`](super::Pty): the
//! screen, the byte count, the watched condition.

use std::io::Read;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::{Condition, Held};

/// Reads the program's output into `inbox` until it ends or is released.
pub(super) fn start(mut reader: Box<dyn Read + Send>, inbox: Arc<Shared>) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 16384];
        loop {
            if !inbox.wait_unpaused() {
                break;
            }
            let n = match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            let now = Instant::now();
            let release = {
                let mut s = inbox.lock();
                s.take(&buf[..n], now);
                s.release
            };
            inbox.changed.notify_all();
            if release {
                break;
            }
        }
        // Drop the reader's handle on the master before saying so: a
        // hang-up needs every handle closed.
        drop(reader);
        inbox.lock().closed = true;
        inbox.changed.notify_all();
    });
}

pub(super) struct Watch {
    pub(super) condition: Condition,
    pub(super) held: Option<Held>,
}

pub(super) struct State {
    pub(super) parser: vt100::Parser,
    pub(super) bytes: usize,
    pub(super) last_byte: Option<Instant>,
    pub(super) raw: Option<Vec<u8>>,
    pub(super) watch: Option<Watch>,
    pub(super) paused: bool,
    /// The reader lets go of the master after its next read.
    pub(super) release: bool,
    /// The reader has stopped: end of output, or released.
    pub(super) closed: bool,
}

impl State {
    fn take(&mut self, bytes: &[u8], now: Instant) {
        self.parser.process(bytes);
        self.bytes += bytes.len();
        self.last_byte = Some(now);
        if let Some(raw) = &mut self.raw {
            raw.extend_from_slice(bytes);
        }
        self.check(now);
    }

    pub(super) fn check(&mut self, now: Instant) {
        if let Some(watch) = &mut self.watch
            && watch.held.is_none()
            && (watch.condition)(self.parser.screen())
        {
            watch.held = Some(Held {
                at: now,
                bytes: self.bytes,
            });
        }
    }
}

pub(super) struct Shared {
    state: Mutex<State>,
    /// Notified after every read, on pause and resume, and when the reader stops.
    pub(super) changed: Condvar,
}

impl Shared {
    pub(super) fn new(parser: vt100::Parser, keep_raw: bool, watch: Option<Condition>) -> Self {
        Self {
            state: Mutex::new(State {
                parser,
                bytes: 0,
                last_byte: None,
                raw: keep_raw.then(Vec::new),
                watch: watch.map(|condition| Watch {
                    condition,
                    held: None,
                }),
                paused: false,
                release: false,
                closed: false,
            }),
            changed: Condvar::new(),
        }
    }

    pub(super) fn lock(&self) -> MutexGuard<'_, State> {
        // A panic elsewhere while holding the lock leaves the screen as good as it was.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Blocks while paused; false when the reader is asked to let go.
    fn wait_unpaused(&self) -> bool {
        let mut s = self.lock();
        while s.paused && !s.release {
            s = self
                .changed
                .wait(s)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        !s.release
    }

    /// Waits until `ready` holds or `timeout` passes; returns what `ready` returned last.
    pub(super) fn wait_for<T>(
        &self,
        timeout: Duration,
        mut ready: impl FnMut(&State) -> Option<T>,
    ) -> Option<T> {
        let deadline = Instant::now() + timeout;
        let mut s = self.lock();
        loop {
            if let Some(value) = ready(&s) {
                return Some(value);
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            s = self
                .changed
                .wait_timeout(s, left)
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .0;
        }
    }
}
