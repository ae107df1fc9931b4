//! The local terminal as an [`EventSource`]: one wait for keys, mouse and
//! resizes from the terminal, and for wake-ups from outside the loop
//! (signals, a finished reload).
//!
//! The wait is a `poll` of the terminal's input and of a socket that signal
//! handlers and [`Waker`]s write to. The terminal's bytes are read here and
//! parsed by [`InputDecoder`] (see [`crate::session::input`] for why not crossterm's
//! reader); a resize is SIGWINCH and one `ioctl`. With nothing to do, the
//! process sleeps in that one `poll` and makes no system calls.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event;
use rustix::event::{PollFd, PollFlags, Timespec, poll};

use super::{SIGNALS, StopFlags};
use crate::document::watch::{DocumentWatcher, Reload};
use crate::session::input::{ESC_WAIT, InputDecoder};
use crate::session::{EventSource, Input, Seat};

/// What a wait ended with.
enum Woke {
    /// The terminal has bytes to read.
    Input,
    /// Something outside the loop wrote to the wake-up socket, or the time is up.
    Other,
    /// The terminal is gone.
    HungUp,
}

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
    /// The document's watcher, whose reloads this terminal hands to the session.
    watcher: Option<DocumentWatcher>,
    /// The session's seat in a workshop room, when it presents to one.
    seat: Option<Box<dyn Seat>>,
    /// Who else hears of each reload (the workshop's participants).
    pass_on: Option<PassOn>,
    /// Whether the mouse reports (to turn it on again after a stop).
    mouse: bool,
    stop: StopFlags,
    /// The terminal's bytes, parsed.
    decoder: InputDecoder,
    /// Events parsed and not yet handed to the loop (a read often holds several).
    events: VecDeque<Event>,
    /// Until when a held Esc waits for the rest of a sequence.
    esc_until: Option<Instant>,
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
        // The terminal is stdin, or /dev/tty when stdin is a pipe.
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
            watcher: None,
            seat: None,
            pass_on: None,
            mouse,
            stop: stop.clone(),
            decoder: InputDecoder::new(),
            events: VecDeque::new(),
            esc_until: None,
        })
    }

    /// A handle that wakes this terminal's wait from another thread.
    pub fn waker(&self) -> io::Result<Waker> {
        self.ring.try_clone().map(Waker)
    }

    /// Hands the session each reload `watcher` finishes (its wake-up must
    /// be this terminal's [`LocalTerminal::waker`]).
    pub fn watch(&mut self, watcher: DocumentWatcher) {
        self.watcher = Some(watcher);
    }

    /// Hands each reload also to `pass_on` (the server's sessions), so one
    /// watcher serves the whole process.
    pub fn pass_reloads_on(&mut self, pass_on: impl Fn(&Reload) + Send + 'static) {
        self.pass_on = Some(PassOn(Box::new(pass_on)));
    }

    /// Seats the session in a workshop room (the room must wake this
    /// terminal, through its [`LocalTerminal::waker`], when it changed).
    pub fn sit(&mut self, seat: Box<dyn Seat>) {
        self.seat = Some(seat);
    }

    /// The terminal's input.
    fn input(&self) -> BorrowedFd<'_> {
        self.tty
            .as_ref()
            .map_or(rustix::stdio::stdin(), |tty| tty.as_fd())
    }

    /// Takes the terminal again after a stop; the screen is to be redrawn.
    fn come_back(&mut self) -> io::Result<()> {
        super::take_back(self.mouse)?;
        // The window may have changed size while the process was stopped.
        self.resized.store(true, Ordering::SeqCst);
        Ok(())
    }

    /// Reads what the terminal has (a `poll` said it has something) and
    /// parses it. End of file or an I/O error is a hang-up.
    fn read_input(&mut self) {
        let mut buffer = [0u8; 4096];
        match rustix::io::read(self.input(), &mut buffer) {
            Ok(0) | Err(rustix::io::Errno::IO) => self.stop.hang_up(),
            Ok(read) => {
                let mut parsed = Vec::new();
                self.decoder.feed(&buffer[..read], &mut parsed);
                self.events.extend(parsed);
                self.esc_until = self.decoder.is_waiting().then(|| Instant::now() + ESC_WAIT);
            }
            Err(_) => {}
        }
    }

    /// Sleeps until the terminal has input, a wake-up comes, or `timeout`
    /// (`None`: no limit) passes.
    fn wait(&mut self, timeout: Option<Duration>) -> io::Result<Woke> {
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
            // The terminal is gone: reading it would report input forever.
            self.stop.hang_up();
            return Ok(Woke::HungUp);
        }
        if woken {
            let _ = self.wake.read(&mut [0; 64]);
        }
        Ok(if terminal.contains(PollFlags::IN) {
            Woke::Input
        } else {
            Woke::Other
        })
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

    fn observe(&mut self, state: &crate::app::State) {
        if let Some(seat) = &mut self.seat {
            seat.observe(state);
        }
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

    fn next_input(&mut self, timeout: Option<Duration>) -> io::Result<Option<Input>> {
        let deadline = timeout.and_then(|timeout| Instant::now().checked_add(timeout));
        loop {
            if let Some(outcome) = self.stop.check() {
                return Ok(Some(Input::End(outcome)));
            }
            if self.continued.swap(false, Ordering::SeqCst) {
                self.come_back()?;
                return Ok(Some(Input::ScreenLost));
            }
            if self.resized.swap(false, Ordering::SeqCst) {
                let size = rustix::termios::tcgetwinsize(rustix::stdio::stdout())?;
                return Ok(Some(Input::Terminal(Event::Resize(
                    size.ws_col,
                    size.ws_row,
                ))));
            }
            if let Some(event) = self.events.pop_front() {
                return Ok(Some(Input::Terminal(event)));
            }
            if let Some(reload) = self.watcher.as_ref().and_then(DocumentWatcher::next_reload) {
                if let Some(PassOn(pass_on)) = &self.pass_on {
                    pass_on(&reload);
                }
                return Ok(Some(Input::Reload(reload)));
            }
            if let Some(action) = self.seat.as_mut().and_then(|seat| seat.next_action()) {
                return Ok(Some(Input::Act(action)));
            }
            let left = match deadline {
                Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => Some(left),
                    _ => return Ok(None),
                },
                None if timeout.is_some() => return Ok(None),
                None => None,
            };
            let esc_left = self
                .esc_until
                .map(|until| until.saturating_duration_since(Instant::now()));
            if esc_left.is_some_and(|left| left.is_zero()) {
                // The rest of a sequence may have arrived while the app was
                // busy (drawing) past the wait: read what is there first.
                if let Woke::Input = self.wait(Some(Duration::ZERO))? {
                    self.read_input();
                    continue;
                }
                let mut parsed = Vec::new();
                self.decoder.flush(&mut parsed);
                self.events.extend(parsed);
                self.esc_until = None;
                continue;
            }
            let wait = match (left, esc_left) {
                (Some(left), Some(esc)) => Some(left.min(esc)),
                (left, esc) => left.or(esc),
            };
            // A hang-up sets the stop flags; anything else that woke the
            // wait (a signal, a reload) is looked at above.
            if let Woke::Input = self.wait(wait)? {
                self.read_input();
            }
        }
    }
}

/// Where else reloads go.
struct PassOn(Box<dyn Fn(&Reload) + Send>);

impl std::fmt::Debug for PassOn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PassOn")
    }
}
