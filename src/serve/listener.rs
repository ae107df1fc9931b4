//! The accept loop: who gets in, and how a connection is run.
//!
//! russh's own `run_on_socket` admits every connection; a server on the open
//! internet must not. Each socket is checked against the [`Admission`](super::limits::Admission) limits
//! before any handshake work is spent on it, then handed to russh's
//! `run_stream` with a deadline for logging in and one for the whole session.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use tokio::net::{TcpListener, TcpStream};

use super::Server;
use super::connection::Connection;
use super::limits::{Refusal, SharedAdmission, Ticket};
use super::log::{Event, log};

/// Accepts connections on `listener` until `shutdown` fires.
pub async fn accept_loop(
    listener: TcpListener,
    server: Arc<Server>,
    admission: SharedAdmission,
    config: Arc<russh::server::Config>,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = shutdown.changed() => return,
        };
        let (socket, peer) = match accepted {
            Ok(accepted) => accepted,
            // Out of file descriptors or a connection reset before accept:
            // not the listener's end. A short pause keeps an fd exhaustion
            // from spinning.
            Err(_) => {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let ticket = match admission.admit(peer.ip(), Instant::now()) {
            Ok(ticket) => ticket,
            Err(refusal) => {
                turn_away(peer, refusal);
                continue;
            }
        };
        // Small frames must not wait for Nagle's algorithm.
        let _ = socket.set_nodelay(true);
        tokio::spawn(serve_connection(
            socket,
            peer,
            ticket,
            Arc::clone(&server),
            Arc::clone(&config),
        ));
    }
}

/// The connection's socket with its reads buffered: russh reads each packet
/// as its length and then the rest, two system calls a packet from a bare
/// socket, one from a buffer. Writes pass straight through (russh flushes
/// each packet itself).
fn buffered(socket: TcpStream) -> tokio::io::BufReader<TcpStream> {
    // Room for a packet of keys or a paste; larger ones take more reads.
    tokio::io::BufReader::with_capacity(1 << 14, socket)
}

fn turn_away(peer: SocketAddr, refusal: Refusal) {
    let why = match refusal {
        Refusal::TooFrequent => "too many connections from this address in the last minute",
        Refusal::Full => "the server holds as many connections as it may",
    };
    log(Some(peer), "", None, Event::Turned(why));
}

async fn serve_connection(
    socket: TcpStream,
    peer: SocketAddr,
    ticket: Ticket,
    server: Arc<Server>,
    config: Arc<russh::server::Config>,
) {
    let limits = server.limits;
    let handler = Connection::new(Arc::clone(&server), Some(peer), ticket);
    let started = handler.started_flag();
    // The login deadline counts from accept: russh waits for the client's
    // identification line before it returns, so a peer that sends nothing
    // would otherwise hold its place until the inactivity timeout.
    let login = tokio::time::sleep(limits.login_timeout);
    tokio::pin!(login);
    let running = tokio::select! {
        running = russh::server::run_stream(config, buffered(socket), handler) => match running {
            Ok(running) => running,
            Err(_) => return,
        },
        () = &mut login => {
            log(Some(peer), "", None, Event::Turned("no session started in time"));
            return;
        }
    };
    let handle = running.handle();
    let whole = tokio::time::sleep(limits.max_session + std::time::Duration::from_secs(5));
    tokio::pin!(running, whole);
    let mut logged_in = false;
    loop {
        tokio::select! {
            _ = &mut running => return,
            () = &mut login, if !logged_in => {
                if started.load(std::sync::atomic::Ordering::Acquire) {
                    logged_in = true;
                } else {
                    log(Some(peer), "", None, Event::Turned("no session started in time"));
                    let _ = handle
                        .disconnect(
                            russh::Disconnect::ByApplication,
                            "no session started in time".into(),
                            String::new(),
                        )
                        .await;
                    return;
                }
            }
            // The session ends itself at its limit, with a goodbye; this is
            // the backstop for a connection that never let it.
            () = &mut whole => {
                let _ = handle
                    .disconnect(
                        russh::Disconnect::ByApplication,
                        "the longest session allowed is over".into(),
                        String::new(),
                    )
                    .await;
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;
    use std::time::Duration;

    use crate::serve::{Limits, Look, Options, start};

    #[test]
    fn a_peer_that_never_says_hello_is_dropped_at_the_login_timeout() {
        let dir = std::env::temp_dir().join(format!("vision-tui-listener-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let options = Options {
            listen: "127.0.0.1:0".into(),
            host_key: Some(dir.join("host_key")),
            authorized_keys: None,
            presenter_keys: None,
            workshop: false,
            limits: Limits {
                login_timeout: Duration::from_secs(1),
                ..Limits::default()
            },
            look: Look {
                mouse: false,
                ..Look::default()
            },
        };
        let running = start(crate::document::load::builtin().into(), options).unwrap();
        let mut peer = std::net::TcpStream::connect(running.address).unwrap();
        // Far beyond the login timeout, far below the inactivity timeout
        // (an hour) that held such a peer before.
        peer.set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut received = Vec::new();
        let ended = peer.read_to_end(&mut received);
        assert!(
            ended.is_ok()
                || ended
                    .as_ref()
                    .is_err_and(|err| err.kind() == std::io::ErrorKind::ConnectionReset),
            "the server held a silent connection: {ended:?}"
        );
        assert!(received.starts_with(b"SSH-2.0-"), "{received:?}");
        running.shutdown(Duration::from_millis(100));
        let _ = std::fs::remove_dir_all(dir);
    }
}
