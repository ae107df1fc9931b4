//! Signals and hang-ups: handlers that ask the loop to stop, and a thread
//! that ends the process itself when the loop cannot.

use std::io;
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::time::Duration;

use super::StopFlags;
use super::raw_mode::{LEAVE, ORIGINAL_TERMIOS};
use crate::session::Outcome;

/// How long after a signal the watchdog waits for the loop to exit cleanly
/// (it is woken at once, and normally takes milliseconds) before restoring
/// the terminal and exiting itself.
pub const GRACE: Duration = Duration::from_millis(600);
/// How long the watchdog's own restore may take. Writing to a terminal that
/// nobody reads (a frozen SSH link, a suspended terminal window) blocks until
/// someone does: the restore is then abandoned, so the process still ends.
const RESTORE_PATIENCE: Duration = Duration::from_millis(300);
/// The signals that end the app with the terminal restored.
pub const SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGQUIT,
];

/// Restores the terminal without crossterm (whose locks the stuck main
/// thread may hold) and exits. Used when the loop did not exit by itself.
/// The restore runs on a thread of its own and is given up after
/// [`RESTORE_PATIENCE`]: the thread that is stuck may be stuck writing to
/// a terminal nobody reads, and this write would block behind it.
fn emergency_exit(code: i32) -> ! {
    let (done, finished) = std::sync::mpsc::channel();
    let restoring = std::thread::Builder::new()
        .name("restore".into())
        .spawn(move || {
            let out = rustix::stdio::stdout();
            // Raw mode off first: setting the terminal's modes does not wait
            // for the output queue to drain (`Now`), the writes may.
            if let Some(termios) = ORIGINAL_TERMIOS.get() {
                let _ =
                    rustix::termios::tcsetattr(out, rustix::termios::OptionalActions::Now, termios);
            }
            let _ = rustix::io::write(out, LEAVE);
            let _ = done.send(());
        });
    if restoring.is_ok() {
        let _ = finished.recv_timeout(RESTORE_PATIENCE);
    }
    // std's exit only try-locks stdout to flush it, so this cannot deadlock
    // on a thread blocked mid-write; the process ends with every thread.
    std::process::exit(code)
}

/// What watches for signals and hang-ups: handlers installed at once, and
/// a thread started once the first frame is on screen (starting a thread
/// costs more than drawing the frame, and the frame is what the user waits for).
#[derive(Debug)]
pub struct Watchdog {
    stop: StopFlags,
    /// Readable when a signal has arrived (signal-hook writes a byte).
    wake: UnixStream,
}

/// Installs handlers for SIGTERM, SIGINT, SIGHUP and SIGQUIT: from now on a
/// signal records its number in `stop`, and the loop exits through the
/// normal restore at once (the loop's wait wakes for signals, see
/// [`super::LocalTerminal`]). [`Watchdog::start`] adds the fallback.
pub fn install_watchdog(stop: &StopFlags) -> io::Result<Watchdog> {
    let (wake, ring) = UnixStream::pair()?;
    wake.set_nonblocking(true)?;
    for signal in SIGNALS {
        let number = usize::try_from(signal).unwrap_or(0);
        signal_hook::flag::register_usize(signal, Arc::clone(&stop.signal), number)?;
        signal_hook::low_level::pipe::register(signal, ring.try_clone()?)?;
    }
    Ok(Watchdog {
        stop: stop.clone(),
        wake,
    })
}

impl Watchdog {
    /// Starts the watchdog thread. After a signal, if the loop is stuck for
    /// [`GRACE`], it restores the terminal and exits with 128 + the signal
    /// number itself. On a hang-up (the SSH connection dropped, the window
    /// closed) it exits at once with 128 + SIGHUP: there is no terminal left
    /// to restore. A hang-up need not bring a SIGHUP (the app may be in
    /// another session than the terminal's, or behind a wrapper that ignores
    /// it), and crossterm 0.29 then spins at full CPU in its reader
    /// (crossterm#793), so the terminal itself is watched.
    pub fn start(self) -> io::Result<()> {
        use std::io::{IsTerminal, Read};

        use rustix::event::{PollFd, PollFlags, poll};
        // stdin is watched only when it is the terminal: a closed pipe on stdin
        // (`echo | vision-tui`) also reports POLLHUP, and crossterm then reads
        // from /dev/tty instead.
        let watch_stdin = io::stdin().is_terminal();
        let Watchdog { stop, mut wake } = self;
        std::thread::Builder::new()
            .name("watchdog".into())
            .spawn(move || {
                let stdin = rustix::stdio::stdin();
                let stdout = rustix::stdio::stdout();
                loop {
                    // For the terminal no events are requested: poll still
                    // reports POLLHUP/POLLERR/POLLNVAL, and sleeps until one happens.
                    let mut fds = vec![
                        PollFd::new(&wake, PollFlags::IN),
                        PollFd::new(&stdout, PollFlags::empty()),
                    ];
                    if watch_stdin {
                        fds.push(PollFd::new(&stdin, PollFlags::empty()));
                    }
                    let polled = poll(&mut fds, None);
                    let broken = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                    let signalled = fds[0].revents().contains(PollFlags::IN);
                    let hung_up = match polled {
                        Ok(_) => fds[1..].iter().any(|fd| fd.revents().intersects(broken)),
                        Err(rustix::io::Errno::INTR) => false,
                        Err(_) => true,
                    };
                    if hung_up {
                        stop.hang_up();
                        emergency_exit(i32::from(Outcome::HangUp.exit_code()));
                    }
                    if signalled {
                        let _ = wake.read(&mut [0; 64]);
                        if let Some(Outcome::Signal(n)) = stop.check() {
                            std::thread::sleep(GRACE);
                            emergency_exit(128 + n);
                        }
                    }
                }
            })?;
        Ok(())
    }
}
