//! The accept loop: who gets in, and how a connection is run.
//!
//! russh's own `run_on_socket` admits every connection; a server on the open
//! internet must not. Each socket is checked against the [`Admission`] limits
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
    let running = match russh::server::run_stream(config, socket, handler).await {
        Ok(running) => running,
        Err(_) => return,
    };
    let handle = running.handle();
    let login = tokio::time::sleep(limits.login_timeout);
    let whole = tokio::time::sleep(limits.max_session + std::time::Duration::from_secs(5));
    tokio::pin!(running, login, whole);
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
