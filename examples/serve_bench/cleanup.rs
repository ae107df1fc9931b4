//! Undoing what the benchmark set up (servers, the throwaway user, files) on
//! every way out: the normal end, a panic (guards dropped while unwinding)
//! and SIGINT, SIGTERM or SIGHUP (a thread runs whatever is left, then exits).
//! Only SIGKILL leaves things behind; the header of `serve_bench.rs` says what.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

/// What is still to be undone, oldest first.
static PENDING: Mutex<Vec<(usize, &'static str, Action)>> = Mutex::new(Vec::new());
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

fn pending() -> MutexGuard<'static, Vec<(usize, &'static str, Action)>> {
    // An action that panicked must not keep the others from running.
    PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs its action when dropped, unless the signal handler got there first.
#[must_use = "the action runs when the guard is dropped"]
pub struct Undo(usize);

/// A boxed undo action.
pub type Action = Box<dyn FnOnce() + Send>;

/// Makes something that must be undone and registers its undo action in one
/// step that a signal cannot split: a signal arriving meanwhile waits for it,
/// then undoes it with the rest; once cleaning up has begun, nothing new is
/// made (the process exits while `make` waits). `make` must not itself call
/// `guard`. The action runs once: when the returned guard is dropped, or on
/// a signal.
pub fn guard<T, E>(
    what: &'static str,
    make: impl FnOnce() -> Result<(T, Action), E>,
) -> Result<(T, Undo), E> {
    let mut pending = pending();
    let (value, action) = make()?;
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    pending.push((id, what, action));
    Ok((value, Undo(id)))
}

impl Drop for Undo {
    fn drop(&mut self) {
        // Run while holding the lock: a signal arriving meanwhile waits for
        // this action to finish instead of racing it.
        let mut pending = pending();
        if let Some(at) = pending.iter().position(|(id, _, _)| *id == self.0) {
            let (_, what, action) = pending.remove(at);
            run(what, action);
        }
    }
}

/// Guards undone newest first when dropped (a `Vec` drops oldest first).
#[derive(Default)]
pub struct Stack(Vec<Undo>);

impl Stack {
    pub fn push(&mut self, undo: Undo) {
        self.0.push(undo);
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        while let Some(undo) = self.0.pop() {
            drop(undo);
        }
    }
}

fn run(what: &str, action: Action) {
    if std::panic::catch_unwind(std::panic::AssertUnwindSafe(action)).is_err() {
        eprintln!("serve_bench: cleaning up ({what}) failed; see the message above");
    }
}

/// On SIGINT, SIGTERM or SIGHUP: undo everything still pending, newest
/// first, and exit with 128 + the signal's number.
pub fn on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) {
        Ok(signals) => signals,
        Err(err) => {
            eprintln!("serve_bench: cannot catch signals ({err}); do not interrupt it");
            return;
        }
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            eprintln!("\nserve_bench: interrupted; cleaning up");
            // Held until the exit: nothing new is made after this.
            let mut pending = pending();
            while let Some((_, what, action)) = pending.pop() {
                eprintln!("serve_bench: {what}");
                run(what, action);
            }
            std::process::exit(128 + signal);
        }
    });
}
