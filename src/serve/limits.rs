//! What one server admits: how many connections at once, how often one
//! address may connect, and how large a window it draws.
//!
//! Pure bookkeeping over explicit instants, so every rule is a unit test; the
//! accept loop asks [`Admission::admit`] before it spends anything on a
//! handshake.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The limits a server runs with (each has a `serve` flag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Sessions (participants) at once.
    pub max_sessions: usize,
    /// New connections one address may open per minute.
    pub per_ip_per_minute: usize,
    /// A session with no input for this long is ended.
    pub idle_timeout: Duration,
    /// No session lasts longer than this.
    pub max_session: Duration,
    /// The largest window drawn, in columns and rows; a client claiming more
    /// is drawn into this part of its screen.
    pub max_size: (u16, u16),
    /// A connection that has not started a session by then is dropped.
    pub login_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_sessions: 64,
            per_ip_per_minute: 30,
            idle_timeout: Duration::from_secs(60 * 60),
            max_session: Duration::from_secs(12 * 60 * 60),
            max_size: (500, 200),
            login_timeout: Duration::from_secs(30),
        }
    }
}

impl Limits {
    /// Connections (sessions and handshakes) at once: a few more than
    /// sessions, so a full room can still be told it is full, but never
    /// unbounded.
    pub fn max_connections(&self) -> usize {
        self.max_sessions.saturating_mul(2).max(8)
    }
}

/// Why a connection was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// This address opened too many connections in the last minute.
    #[error("too many connections from this address in the last minute")]
    TooFrequent,
    /// The server holds as many connections as it may.
    #[error("the server is full")]
    Full,
}

/// How many addresses' recent connections are remembered. An attacker with
/// many addresses (an IPv6 prefix holds billions) must not grow this without
/// bound; past it, the oldest addresses are forgotten first.
const MAX_TRACKED_ADDRESSES: usize = 4096;
const WINDOW: Duration = Duration::from_secs(60);

/// The connections a server holds and the recent connections per address.
#[derive(Debug)]
pub struct Admission {
    limits: Limits,
    open: usize,
    recent: HashMap<IpAddr, VecDeque<Instant>>,
}

impl Admission {
    /// Nothing admitted yet.
    pub fn new(limits: Limits) -> Self {
        Self {
            limits,
            open: 0,
            recent: HashMap::new(),
        }
    }

    /// Admits a connection from `ip` at `now`, or says why not. Every
    /// admission must be matched by one [`Admission::release`].
    pub fn admit(&mut self, ip: IpAddr, now: Instant) -> Result<(), Refusal> {
        let key = address_key(ip);
        if !self.recent.contains_key(&key) && self.recent.len() >= MAX_TRACKED_ADDRESSES {
            self.forget_old(now);
        }
        let times = self.recent.entry(key).or_default();
        while times
            .front()
            .is_some_and(|&t| now.saturating_duration_since(t) >= WINDOW)
        {
            times.pop_front();
        }
        if times.len() >= self.limits.per_ip_per_minute {
            return Err(Refusal::TooFrequent);
        }
        times.push_back(now);
        if self.open >= self.limits.max_connections() {
            return Err(Refusal::Full);
        }
        self.open += 1;
        Ok(())
    }

    /// A connection admitted earlier has ended.
    pub fn release(&mut self) {
        self.open = self.open.saturating_sub(1);
    }

    /// Connections held now.
    pub fn open(&self) -> usize {
        self.open
    }

    /// Forgets addresses with no connection in the last minute; if that is
    /// not enough, those whose last connection is oldest.
    fn forget_old(&mut self, now: Instant) {
        self.recent.retain(|_, times| {
            times
                .back()
                .is_some_and(|&t| now.saturating_duration_since(t) < WINDOW)
        });
        if self.recent.len() >= MAX_TRACKED_ADDRESSES {
            let mut last: Vec<Instant> = self
                .recent
                .values()
                .filter_map(|t| t.back().copied())
                .collect();
            last.sort_unstable();
            match last.get(last.len() / 2) {
                Some(&cutoff) => self
                    .recent
                    .retain(|_, times| times.back().is_some_and(|&t| t > cutoff)),
                None => self.recent.clear(),
            }
        }
    }
}

/// An admission shared by the accept loop and the connections; a
/// [`Ticket`] releases its connection when dropped, on every way out.
#[derive(Debug, Clone)]
pub struct SharedAdmission(Arc<Mutex<Admission>>);

impl SharedAdmission {
    /// Shares `admission`.
    pub fn new(admission: Admission) -> Self {
        Self(Arc::new(Mutex::new(admission)))
    }

    /// Admits a connection; the ticket holds its place.
    pub fn admit(&self, ip: IpAddr, now: Instant) -> Result<Ticket, Refusal> {
        self.lock().admit(ip, now)?;
        Ok(Ticket(self.clone()))
    }

    /// Connections held now.
    pub fn open(&self) -> usize {
        self.lock().open()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Admission> {
        // The bookkeeping stays consistent even if a holder panicked.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// One admitted connection's place; released when dropped.
#[derive(Debug)]
pub struct Ticket(SharedAdmission);

impl Drop for Ticket {
    fn drop(&mut self) {
        self.0.lock().release();
    }
}

/// The address a limit counts: an IPv6 host is its /64 (one customer's
/// network hands out a /64, so counting single addresses would let one
/// attacker count as billions).
fn address_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let mut segments = v6.segments();
                segments[4..].fill(0);
                IpAddr::V6(segments.into())
            }
        },
    }
}

/// The size assumed for a dimension a client leaves at zero (RFC 4254: zero
/// dimensions are to be ignored): the classic terminal.
pub const UNKNOWN_SIZE: (u16, u16) = (80, 24);

/// A window size as drawn: at most the limit; a dimension given as zero is
/// unknown and taken from [`UNKNOWN_SIZE`].
pub fn clamp_size(width: u32, height: u32, max: (u16, u16)) -> (u16, u16) {
    let fit = |value: u32, unknown: u16, max: u16| {
        let value = if value == 0 {
            unknown
        } else {
            u16::try_from(value).unwrap_or(u16::MAX)
        };
        value.clamp(1, max.max(1))
    };
    (
        fit(width, UNKNOWN_SIZE.0, max.0),
        fit(height, UNKNOWN_SIZE.1, max.1),
    )
}

#[cfg(test)]
mod tests {
    use std::net::{Ipv4Addr, Ipv6Addr};

    use super::*;

    fn limits(max_sessions: usize, per_ip_per_minute: usize) -> Limits {
        Limits {
            max_sessions,
            per_ip_per_minute,
            ..Limits::default()
        }
    }

    const A: IpAddr = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));
    const B: IpAddr = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 2));

    #[test]
    fn an_address_may_connect_so_often_per_minute() {
        let mut admission = Admission::new(limits(100, 3));
        let t0 = Instant::now();
        for i in 0..3 {
            assert_eq!(admission.admit(A, t0 + Duration::from_secs(i)), Ok(()));
        }
        assert_eq!(
            admission.admit(A, t0 + Duration::from_secs(10)),
            Err(Refusal::TooFrequent)
        );
        assert_eq!(
            admission.admit(B, t0 + Duration::from_secs(10)),
            Ok(()),
            "another address is not affected"
        );
        // A minute after the first, one place is free again.
        assert_eq!(admission.admit(A, t0 + Duration::from_secs(60)), Ok(()));
        assert_eq!(
            admission.admit(A, t0 + Duration::from_secs(60)),
            Err(Refusal::TooFrequent)
        );
    }

    #[test]
    fn refused_attempts_do_not_count_against_the_next_minute() {
        let mut admission = Admission::new(limits(100, 1));
        let t0 = Instant::now();
        assert_eq!(admission.admit(A, t0), Ok(()));
        for s in 1..59 {
            assert!(admission.admit(A, t0 + Duration::from_secs(s)).is_err());
        }
        assert_eq!(admission.admit(A, t0 + Duration::from_secs(60)), Ok(()));
    }

    #[test]
    fn the_server_holds_a_bounded_number_of_connections() {
        let mut admission = Admission::new(limits(4, 1000));
        let cap = admission.limits.max_connections();
        let t0 = Instant::now();
        for _ in 0..cap {
            assert_eq!(admission.admit(A, t0), Ok(()));
        }
        assert_eq!(admission.admit(B, t0), Err(Refusal::Full));
        admission.release();
        assert_eq!(admission.admit(B, t0), Ok(()));
        assert_eq!(admission.open(), cap);
    }

    #[test]
    fn a_ticket_releases_its_place_when_dropped() {
        let shared = SharedAdmission::new(Admission::new(limits(4, 1000)));
        let ticket = shared.admit(A, Instant::now()).unwrap();
        assert_eq!(shared.open(), 1);
        drop(ticket);
        assert_eq!(shared.open(), 0);
    }

    #[test]
    fn an_ipv6_network_counts_as_one_address() {
        let mut admission = Admission::new(limits(100, 2));
        let t0 = Instant::now();
        let host = |n: u16| IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 2, n, n, n, n));
        assert_eq!(admission.admit(host(1), t0), Ok(()));
        assert_eq!(admission.admit(host(2), t0), Ok(()));
        assert_eq!(admission.admit(host(3), t0), Err(Refusal::TooFrequent));
        let mapped = IpAddr::V6(Ipv4Addr::new(192, 0, 2, 1).to_ipv6_mapped());
        assert_eq!(admission.admit(mapped, t0), Ok(()));
        assert_eq!(
            admission.admit(A, t0),
            Ok(()),
            "an IPv4-mapped address is its IPv4 address"
        );
        assert_eq!(admission.admit(A, t0), Err(Refusal::TooFrequent));
    }

    #[test]
    fn many_addresses_do_not_grow_the_memory_without_bound() {
        let mut admission = Admission::new(limits(usize::MAX / 4, 5));
        let t0 = Instant::now();
        for n in 0..(MAX_TRACKED_ADDRESSES as u32 * 3) {
            let ip = IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + n));
            let _ = admission.admit(ip, t0 + Duration::from_millis(u64::from(n)));
            assert!(admission.recent.len() <= MAX_TRACKED_ADDRESSES);
        }
    }

    #[test]
    fn window_sizes_are_clamped_to_the_limit_and_never_zero() {
        let max = (500, 200);
        assert_eq!(clamp_size(80, 24, max), (80, 24));
        assert_eq!(clamp_size(1, 1, max), (1, 1));
        assert_eq!(clamp_size(65535, 65535, max), (500, 200));
        assert_eq!(clamp_size(u32::MAX, u32::MAX, max), (500, 200));
        assert_eq!(clamp_size(0, 0, max), (80, 24), "zero means unknown");
        assert_eq!(clamp_size(0, 50, max), (80, 50));
    }
}
