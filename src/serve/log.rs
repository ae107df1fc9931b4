//! One line on stderr per connection event, for the person running the
//! server: when, from where, who, with which key, what happened.
//!
//! Never document text, and nothing a client sent that has not been made
//! printable: a user name or terminal type is the client's to choose, and
//! the server's own terminal must not run escape sequences from strangers.

use std::fmt::Write as _;
use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

/// What happened.
#[derive(Debug, Clone, Copy)]
pub enum Event<'a> {
    /// A connection was turned away before its handshake.
    Turned(&'a str),
    /// A session started: the client's terminal type and size.
    Started {
        /// `TERM` as the client sent it.
        term: &'a str,
        /// Columns and rows, as drawn.
        size: (u16, u16),
    },
    /// The client asked for the document as plain text (no terminal).
    PlainText,
    /// A request was refused.
    Refused(&'a str),
    /// A request was refused, and what it asked for (the client's words,
    /// made printable).
    RefusedAsked {
        /// What kind of request.
        what: &'a str,
        /// What it named: a host and port, a subsystem.
        asked: &'a str,
    },
    /// A connection closed after refusals that were not all logged: how
    /// often each kind was refused.
    Closed {
        /// How long the connection lasted.
        duration: Duration,
        /// Each kind refused more than once, and how often.
        repeated: &'a str,
    },
    /// A session ended, after `duration`, for this reason.
    Ended {
        /// How long the session lasted.
        duration: Duration,
        /// Why it ended.
        why: &'a str,
    },
}

/// Whether log lines are written: not while the app draws on the terminal
/// that stderr is (`present --serve`), where they would tear the screen.
static ENABLED: AtomicBool = AtomicBool::new(true);

/// Turns the log off (or on again); for the process's edge to decide.
pub fn set_enabled(enabled: bool) {
    ENABLED.store(enabled, Ordering::Relaxed);
}

/// Writes one line for `event` to stderr.
pub fn log(peer: Option<SocketAddr>, user: &str, key: Option<&str>, event: Event<'_>) {
    if ENABLED.load(Ordering::Relaxed) {
        // Not eprintln!, which panics when stderr is gone.
        let line = line(SystemTime::now(), peer, user, key, event);
        let _ = writeln!(std::io::stderr(), "{line}");
    }
}

/// The line [`log`] writes.
pub fn line(
    at: SystemTime,
    peer: Option<SocketAddr>,
    user: &str,
    key: Option<&str>,
    event: Event<'_>,
) -> String {
    let mut out = String::with_capacity(160);
    let _ = write!(out, "{} ", humantime::format_rfc3339_seconds(at));
    match peer {
        Some(peer) => {
            let _ = write!(out, "{peer}");
        }
        None => out.push('-'),
    }
    if !user.is_empty() {
        out.push_str(" user=");
        printable(user, &mut out);
    }
    if let Some(key) = key {
        let _ = write!(out, " key={key}");
    }
    match event {
        Event::Turned(why) => {
            let _ = write!(out, " turned away: {why}");
        }
        Event::Started { term, size } => {
            out.push_str(" session started term=");
            printable(term, &mut out);
            let _ = write!(out, " size={}x{}", size.0, size.1);
        }
        Event::PlainText => out.push_str(" plain text sent"),
        Event::Refused(what) => {
            let _ = write!(out, " refused {what}");
        }
        Event::RefusedAsked { what, asked } => {
            let _ = write!(out, " refused {what}: ");
            printable(asked, &mut out);
        }
        Event::Closed { duration, repeated } => {
            let _ = write!(
                out,
                " connection closed after {}s; refused more than once, logged once: {repeated}",
                duration.as_secs()
            );
        }
        Event::Ended { duration, why } => {
            let _ = write!(out, " session ended after {}s: {why}", duration.as_secs());
        }
    }
    out
}

/// Appends `text` with every control character written as `\u{..}`, at
/// most 64 characters of it.
fn printable(text: &str, out: &mut String) {
    for c in text.chars().take(64) {
        if c.is_control() || is_bidi_control(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: Duration = Duration::from_secs(1_796_000_000);

    fn at() -> SystemTime {
        SystemTime::UNIX_EPOCH + AT
    }

    #[test]
    fn a_line_says_when_where_who_and_what() {
        let peer = Some("192.0.2.7:51234".parse().unwrap());
        let text = line(
            at(),
            peer,
            "anna",
            Some("SHA256:abc"),
            Event::Started {
                term: "xterm-256color",
                size: (80, 24),
            },
        );
        assert_eq!(
            text,
            "2026-11-30T00:53:20Z 192.0.2.7:51234 user=anna key=SHA256:abc session started term=xterm-256color size=80x24"
        );
        let ended = line(
            at(),
            peer,
            "anna",
            None,
            Event::Ended {
                duration: Duration::from_secs(95),
                why: "quit",
            },
        );
        assert!(
            ended.ends_with("user=anna session ended after 95s: quit"),
            "{ended}"
        );
    }

    #[test]
    fn what_a_client_chose_cannot_send_escapes_to_the_log() {
        let text = line(
            at(),
            None,
            "\u{1b}]52;c;aGk=\u{7}evil\u{202e}",
            None,
            Event::Started {
                term: "xterm\u{1b}[2J",
                size: (1, 1),
            },
        );
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'));
        assert!(
            text.contains("user=\\u{1b}]52;c;aGk=\\u{7}evil\\u{202e}"),
            "{text}"
        );
        let asked = line(
            at(),
            None,
            "",
            None,
            Event::RefusedAsked {
                what: "a subsystem",
                asked: "sftp\u{1b}[2J\r\nforged line",
            },
        );
        assert!(
            asked.ends_with(" refused a subsystem: sftp\\u{1b}[2J\\u{d}\\u{a}forged line"),
            "{asked}"
        );
        let long = line(at(), None, &"x".repeat(10_000), None, Event::PlainText);
        assert!(long.len() < 200, "a user name is cut: {}", long.len());
    }
}
