//! Everything a connection may be refused: how the client is told, and how
//! it is logged without letting a client fill the log.
//!
//! The first refusal of each kind on a connection is logged as it happens;
//! the rest are only counted, and the counts go into one line when the
//! connection closes. However often a client asks, a connection writes at
//! most one line per kind and one closing line.

use std::fmt::Write as _;

use russh::keys::PublicKey;
use russh::server::{ChannelOpenHandle, Session};
use russh::{ChannelId, ChannelOpenFailure};

use super::Connection;
use crate::serve::host_key::fingerprint;
use crate::serve::log::{Event as LogEvent, log};

/// What a connection was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A public key not in `--authorized-keys`.
    Key,
    /// A command (`ssh HOST ls`).
    Command,
    /// A subsystem (`sftp`, `scp`, `ssh -s`).
    Subsystem,
    /// Local port forwarding (`ssh -L`: direct-tcpip).
    LocalForwarding,
    /// Remote port forwarding (`ssh -R`: tcpip-forward).
    RemoteForwarding,
    /// Unix socket forwarding, either way (streamlocal).
    SocketForwarding,
    /// Agent forwarding (`ssh -A`).
    Agent,
    /// X11 forwarding (`ssh -X`), the request or a channel.
    X11,
    /// A second session channel on one connection.
    SecondSession,
    /// A session while every place is taken.
    Full,
}

impl Refusal {
    /// Every kind, in the order the closing line lists them.
    const ALL: [Self; 10] = [
        Self::Key,
        Self::Command,
        Self::Subsystem,
        Self::LocalForwarding,
        Self::RemoteForwarding,
        Self::SocketForwarding,
        Self::Agent,
        Self::X11,
        Self::SecondSession,
        Self::Full,
    ];

    /// What the log says was refused.
    pub fn what(self) -> &'static str {
        match self {
            Self::Key => "a public key not in the authorized keys",
            Self::Command => "a command (exec)",
            Self::Subsystem => "a subsystem",
            Self::LocalForwarding => "local port forwarding (ssh -L)",
            Self::RemoteForwarding => "remote port forwarding (ssh -R)",
            Self::SocketForwarding => "socket forwarding (streamlocal)",
            Self::Agent => "agent forwarding (ssh -A)",
            Self::X11 => "X11 forwarding (ssh -X)",
            Self::SecondSession => "a second session on one connection",
            Self::Full => "a session: the server is full",
        }
    }
}

/// The reason a command gets, on its stderr. It names no port: behind a
/// port mapping the server's own is not the one the client dialled.
pub const NO_COMMANDS: &str = "this server runs no commands; connect without one: ssh -p PORT HOST";

/// The reason a subsystem gets, on its stderr.
pub const NO_SUBSYSTEMS: &str = "this server offers no subsystems (no sftp, no scp)";

/// What a participant is told when every place is taken.
pub fn full(max_sessions: usize) -> String {
    format!("the server is full ({max_sessions} sessions); try again later")
}

/// How often each kind was refused on one connection.
#[derive(Debug, Default)]
pub struct Tally {
    counts: [u32; Refusal::ALL.len()],
}

impl Tally {
    /// Counts one more `refusal`; whether it is the first of its kind (the
    /// one to log).
    pub fn count(&mut self, refusal: Refusal) -> bool {
        // `ALL` lists each kind once, so every kind has its place.
        let Some(place) = Refusal::ALL.iter().position(|&kind| kind == refusal) else {
            return false;
        };
        let Some(count) = self.counts.get_mut(place) else {
            return false;
        };
        *count = count.saturating_add(1);
        *count == 1
    }

    /// Each kind refused more than once and how often, for the closing
    /// line; `None` when every refusal was logged.
    pub fn repeated(&self) -> Option<String> {
        let mut out = String::new();
        for (kind, &count) in Refusal::ALL.iter().zip(&self.counts) {
            if count > 1 {
                if !out.is_empty() {
                    out.push_str(", ");
                }
                let _ = write!(out, "{} {count} times", kind.what());
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

/// Refuses a channel the server never opens (forwarding, X11, a second
/// session), saying why: ssh prints the reason.
pub async fn refuse_channel(reply: ChannelOpenHandle, code: u32, why: &str) {
    reply
        .reject(ChannelOpenFailure::Other {
            code,
            reason: format!("vision-tui: {why}"),
        })
        .await;
}

/// SSH_OPEN_ADMINISTRATIVELY_PROHIBITED: forwarding and X11.
pub const PROHIBITED: u32 = 1;
/// SSH_OPEN_RESOURCE_SHORTAGE: a full server, a second session.
pub const SHORTAGE: u32 = 4;

impl Connection {
    /// Logs `refusal` if it is the first of its kind on this connection,
    /// with what the client `asked` for (made printable by the log).
    pub(super) fn refused(&mut self, refusal: Refusal, asked: Option<&str>) {
        if self.refusals.count(refusal) {
            let what = refusal.what();
            self.log(match asked {
                Some(asked) => LogEvent::RefusedAsked { what, asked },
                None => LogEvent::Refused(what),
            });
        }
    }

    /// Logs an offered key that is not admitted, with its fingerprint, if
    /// it is the first on this connection.
    pub(super) fn refused_key(&mut self, key: &PublicKey) {
        if self.refusals.count(Refusal::Key) {
            let offered = fingerprint(key);
            let event = LogEvent::Refused(Refusal::Key.what());
            log(self.peer, &self.user, Some(&offered), event);
        }
    }

    /// Ends the session channel before it runs anything, telling the client
    /// `why` on its stderr.
    ///
    /// The request is granted, because ssh prints a line sent on stderr and
    /// the exit status it gets, while for a refused request it prints only
    /// its own "exec request failed on channel 0". The channel then closes
    /// with exit status 1 and never runs a session. A request on any other
    /// channel, or on a session already running (whose screen a line would
    /// tear), is only refused.
    pub(super) fn end_channel(
        &mut self,
        channel: ChannelId,
        why: &str,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        if !self.ours(channel) || self.channel.take().is_none() {
            return session.channel_failure(channel);
        }
        // A raw terminal (`ssh -t HOST ls`) needs the carriage return.
        let newline = if self.terminal.is_some() {
            "\r\n"
        } else {
            "\n"
        };
        session.channel_success(channel)?;
        session.extended_data(
            channel,
            1,
            format!("vision-tui: {why}{newline}").into_bytes(),
        )?;
        session.exit_status_request(channel, 1)?;
        session.eof(channel)?;
        session.close(channel)
    }
}

impl Drop for Connection {
    /// The closing line, when some refusals were only counted.
    fn drop(&mut self) {
        if let Some(repeated) = self.refusals.repeated() {
            self.log(LogEvent::Closed {
                duration: self.opened.elapsed(),
                repeated: &repeated,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_of_each_kind_is_logged_and_the_rest_counted() {
        let mut tally = Tally::default();
        assert_eq!(tally.repeated(), None);
        assert!(tally.count(Refusal::RemoteForwarding));
        assert!(tally.count(Refusal::Command));
        assert_eq!(tally.repeated(), None, "each logged once: nothing to add");
        for _ in 0..41 {
            assert!(!tally.count(Refusal::RemoteForwarding));
        }
        assert!(!tally.count(Refusal::Command));
        assert!(tally.count(Refusal::X11));
        assert_eq!(
            tally.repeated().as_deref(),
            Some("a command (exec) 2 times, remote port forwarding (ssh -R) 42 times")
        );
    }

    #[test]
    fn every_kind_is_counted_on_its_own() {
        let mut tally = Tally::default();
        for kind in Refusal::ALL {
            assert!(tally.count(kind), "{kind:?} is new");
            assert!(!tally.count(kind), "{kind:?} is known");
        }
        let repeated = tally.repeated().unwrap_or_default();
        assert_eq!(repeated.matches(" 2 times").count(), Refusal::ALL.len());
    }

    #[test]
    fn a_count_stops_at_its_largest_and_never_logs_again() {
        let mut tally = Tally {
            counts: [u32::MAX - 1; Refusal::ALL.len()],
        };
        assert!(!tally.count(Refusal::Agent));
        assert!(!tally.count(Refusal::Agent));
        assert!(
            tally
                .repeated()
                .is_some_and(|r| r.contains(&format!("(ssh -A) {} times", u32::MAX)))
        );
    }
}
