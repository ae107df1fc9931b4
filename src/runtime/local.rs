//! The local terminal as an [`EventSource`]: one wait for keys, mouse and
//! resizes from the terminal, and for wake-ups from outside the loop
//! (signals, a finished reload).
//!
//! crossterm can only wait for the terminal, so the wait is a `poll` of the
//! terminal's input and of a socket that signal handlers and [`Waker`]s write
//! to; crossterm is asked for events only when it has some. With nothing to
//! do, the process sleeps in that one `poll` and makes no system calls.

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};
use rustix::event::{PollFd, PollFlags, Timespec, poll};

use super::{EventSource, SIGNALS, StopFlags};

/// How long crossterm alone is waited for when the terminal has input that
/// crossterm does not report: it reads at most 1 KiB per wake-up of its own
/// (edge-triggered) poll, so a longer burst can leave bytes it sees only
/// when more arrive. Rare; bounded so signals and reloads are still seen.
const CROSSTERM_ONLY: Duration = Duration::from_millis(50);

/// Input from the real terminal (via crossterm), and the loop's wake-ups.
#[derive(Debug)]
pub struct LocalTerminal {
    /// Readable when something outside the loop wants its attention.
    wake: UnixStream,
    /// The other end, for signal handlers and wakers.
    ring: UnixStream,
    /// The terminal, when stdin is not it (crossterm then reads /dev/tty).
    tty: Option<File>,
    /// Set by SIGWINCH.
    resized: Arc<AtomicBool>,
    /// Set by SIGCONT: the process was stopped, and the terminal may have
    /// been used by others meanwhile.
    continued: Arc<AtomicBool>,
    /// The screen must be drawn again in full (see [`EventSource::screen_lost`]).
    lost: bool,
    /// Whether the mouse reports (to turn it on again after a stop).
    mouse: bool,
    stop: StopFlags,
}

/// Wakes the loop's wait from another thread. Cheap to call often: a wake-up
/// that finds one already pending adds nothing.
#[derive(Debug)]
pub struct Waker(UnixStream);

impl Waker {
    /// Wakes the wait (at once, or as soon as it next waits).
    pub fn wake(&self) {
        // Non-blocking: when the socket is full a wake-up is pending anyway.
        let _ = (&self.0).write(&[0]);
    }
}

impl LocalTerminal {
    /// Listens for the terminal's input, resizes and continues after a stop,
    /// and wakes for the signals that `stop` records (see
    /// [`super::install_watchdog`]). `mouse`: whether the app reports it.
    pub fn new(stop: &StopFlags, mouse: bool) -> io::Result<Self> {
        let (wake, ring) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        ring.set_nonblocking(true)?;
        let resized = Arc::new(AtomicBool::new(false));
        let continued = Arc::new(AtomicBool::new(false));
        let (winch, cont) = (signal_hook::consts::SIGWINCH, signal_hook::consts::SIGCONT);
        // Each flag before its wake-up, so a woken wait finds it set.
        signal_hook::flag::register(winch, Arc::clone(&resized))?;
        signal_hook::flag::register(cont, Arc::clone(&continued))?;
        for signal in SIGNALS.into_iter().chain([winch, cont]) {
            signal_hook::low_level::pipe::register(signal, ring.try_clone()?)?;
        }
        // crossterm reads stdin when it is the terminal, /dev/tty otherwise.
        let tty = if io::stdin().is_terminal() {
            None
        } else {
            Some(File::open("/dev/tty")?)
        };
        Ok(Self {
            wake,
            ring,
            tty,
            resized,
            continued,
            lost: false,
            mouse,
            stop: stop.clone(),
        })
    }

    /// A handle that wakes this terminal's wait from another thread.
    pub fn waker(&self) -> io::Result<Waker> {
        self.ring.try_clone().map(Waker)
    }

    /// The terminal's input, as crossterm reads it.
    fn input(&self) -> BorrowedFd<'_> {
        self.tty
            .as_ref()
            .map_or(rustix::stdio::stdin(), |tty| tty.as_fd())
    }

    /// Takes the terminal again after a stop; the screen is to be redrawn.
    fn come_back(&mut self) -> io::Result<()> {
        super::take_back(self.mouse)?;
        self.lost = true;
        Ok(())
    }

    /// Whether crossterm has an event within `timeout`. A terminal that hung
    /// up makes crossterm fail: that is a hang-up for the loop, not an error.
    fn crossterm(&mut self, timeout: Duration) -> io::Result<bool> {
        event::poll(timeout).or_else(|err| self.hung_up_or(err).map(|()| false))
    }

    /// crossterm's event, or `None` when the terminal hung up.
    fn read(&mut self) -> io::Result<Option<Event>> {
        match event::read() {
            Ok(event) => Ok(Some(event)),
            Err(err) => self.hung_up_or(err).map(|()| None),
        }
    }

    /// `Ok` (with the hang-up recorded) when the terminal hung up, else `err`.
    fn hung_up_or(&mut self, err: io::Error) -> io::Result<()> {
        if self.hung_up() { Ok(()) } else { Err(err) }
    }

    /// Sleeps until the terminal has input, a wake-up comes, or `timeout`
    /// (`None`: no limit) passes. True when the terminal has input.
    fn wait(&mut self, timeout: Option<Duration>) -> io::Result<bool> {
        let timeout = timeout.and_then(|t| Timespec::try_from(t).ok());
        let input = self.input();
        let mut fds = [
            PollFd::new(&self.wake, PollFlags::IN),
            PollFd::new(&input, PollFlags::IN),
        ];
        match poll(&mut fds, timeout.as_ref()) {
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(err) => return Err(err.into()),
        }
        let woken = fds[0].revents().contains(PollFlags::IN);
        let terminal = fds[1].revents();
        if terminal.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
            // The terminal is gone: crossterm would report input forever.
            self.stop.hang_up();
            return Ok(false);
        }
        if woken {
            let _ = self.wake.read(&mut [0; 64]);
        }
        Ok(terminal.contains(PollFlags::IN))
    }
}

impl EventSource for LocalTerminal {
    fn suspend(&mut self) -> io::Result<()> {
        super::restore();
        // Stops the whole process here, as the shell's Ctrl-Z would have,
        // until `fg` continues it. (In a process group without job control
        // the kernel discards the signal, and the app comes back at once.)
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        // This SIGCONT is answered here; a later one is another stop.
        self.continued.store(false, Ordering::SeqCst);
        self.come_back()
    }

    fn screen_lost(&mut self) -> bool {
        std::mem::take(&mut self.lost)
    }

    fn hung_up(&mut self) -> bool {
        let input = self.input();
        let stdout = rustix::stdio::stdout();
        let mut fds = [
            PollFd::new(&input, PollFlags::empty()),
            PollFd::new(&stdout, PollFlags::empty()),
        ];
        let _ = poll(&mut fds, Some(&Timespec::default()));
        let broken = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
        let gone = fds.iter().any(|fd| fd.revents().intersects(broken));
        if gone {
            self.stop.hang_up();
        }
        gone
    }

    fn next_event(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        let deadline = Instant::now().checked_add(timeout);
        loop {
            if self.continued.swap(false, Ordering::SeqCst) {
                // Stopped from outside (`kill -STOP`, then `fg` or SIGCONT).
                self.come_back()?;
                return Ok(None);
            }
            if self.resized.swap(false, Ordering::SeqCst) {
                let size = rustix::termios::tcgetwinsize(rustix::stdio::stdout())?;
                return Ok(Some(Event::Resize(size.ws_col, size.ws_row)));
            }
            if self.crossterm(Duration::ZERO)? {
                return self.read();
            }
            if self.stop.check().is_some() {
                return Ok(None);
            }
            let left = match deadline {
                Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => Some(left),
                    _ => return Ok(None),
                },
                None => None,
            };
            if !self.wait(left)? {
                if self.resized.load(Ordering::SeqCst) || self.continued.load(Ordering::SeqCst) {
                    continue;
                }
                // Woken from outside (or the time is up): the loop looks.
                return Ok(None);
            }
            // The terminal has input: crossterm reads it.
            let wait = left.map_or(CROSSTERM_ONLY, |left| left.min(CROSSTERM_ONLY));
            if self.crossterm(wait)? {
                return self.read();
            }
        }
    }
}
