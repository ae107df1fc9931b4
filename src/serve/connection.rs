//! One SSH connection: who it is, what it asks for, and the one session it
//! may run.
//!
//! russh calls these handlers from the connection's own task, in the order
//! the client's messages arrive. Nothing here waits on the session (a
//! handler that waits on work which itself waits on russh deadlocks the
//! connection): input is handed over through a bounded queue, whose
//! back-pressure slows a flooding client down to the pace of its session.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use russh::keys::PublicKey;
use russh::server::{Auth, ChannelOpenHandle, Msg, PublicKeyOffer, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, Pty};
use tokio::sync::{mpsc, oneshot};

use super::host_key::fingerprint;
use super::limits::clamp_size;
use super::log::{Event as LogEvent, log};
use super::session::{ClientTerminal, Input, SessionEnd};
use super::{Server, limits::Ticket};
use crate::app::follow::Role;
use refusal::{PROHIBITED, Refusal, SHORTAGE, Tally, full, refuse_channel};

mod refusal;

/// Whether `key` is one of the server's presenter keys.
fn is_presenter(server: &Server, key: &PublicKey) -> bool {
    server
        .presenter_keys
        .as_ref()
        .is_some_and(|keys| keys.iter().any(|k| k.key_data() == key.key_data()))
}

/// How many input messages (packets, resizes) wait for a busy session before
/// the client is slowed down.
const INPUT_QUEUE: usize = 64;

/// The per-connection handler russh drives.
pub struct Connection {
    server: Arc<Server>,
    peer: Option<SocketAddr>,
    opened: Instant,
    user: String,
    key: Option<String>,
    /// Whether it logged in with a presenter's key.
    presenter: bool,
    /// The one session channel this connection may have, until its shell starts.
    channel: Option<Channel<Msg>>,
    channel_id: Option<ChannelId>,
    terminal: Option<ClientTerminal>,
    colorterm: Option<String>,
    no_color: bool,
    /// The running session's input, once its shell has started.
    input: Option<mpsc::Sender<Input>>,
    /// Set when a shell starts (a session or the plain text): the login
    /// deadline no longer applies.
    started: Arc<AtomicBool>,
    /// How often each kind of request was refused.
    refusals: Tally,
    /// Dropped with the connection: tells the session's sender it is gone.
    _alive: Option<oneshot::Sender<()>>,
    // Held for as long as the connection lives; dropping it frees the place.
    _ticket: Ticket,
}

impl Connection {
    /// A connection from `peer`, holding its admission ticket.
    pub fn new(server: Arc<Server>, peer: Option<SocketAddr>, ticket: Ticket) -> Self {
        Self {
            server,
            peer,
            opened: Instant::now(),
            user: String::new(),
            key: None,
            presenter: false,
            channel: None,
            channel_id: None,
            terminal: None,
            colorterm: None,
            no_color: false,
            input: None,
            started: Arc::new(AtomicBool::new(false)),
            refusals: Tally::default(),
            _alive: None,
            _ticket: ticket,
        }
    }

    /// Set once a shell has started on this connection.
    pub fn started_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.started)
    }

    fn accepts_key(&self, key: &PublicKey) -> bool {
        is_presenter(&self.server, key)
            || match &self.server.authorized_keys {
                None => true,
                Some(keys) => keys.iter().any(|k| k.key_data() == key.key_data()),
            }
    }

    /// Whether anyone may log in without a key.
    fn open(&self) -> bool {
        self.server.authorized_keys.is_none()
    }

    fn ours(&self, channel: ChannelId) -> bool {
        self.channel_id == Some(channel)
    }

    async fn send(&self, input: Input) {
        if let Some(tx) = &self.input {
            // Waiting here is the back-pressure on a client that types faster
            // than its session reads; a session that has ended drops its end.
            let _ = tx.send(input).await;
        }
    }

    fn log(&self, event: LogEvent<'_>) {
        log(self.peer, &self.user, self.key.as_deref(), event);
    }
}

impl russh::server::Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        self.user = user.to_string();
        // Open to all: no key, no password, no delay. With a key list, the
        // client is asked for a key (at once: no rejection delay is configured
        // for this first attempt).
        // With presenter keys, a client is asked for its keys first (at once),
        // so a presenter is known; one without a key then gets in by the
        // keyboard-interactive method, which asks nothing.
        Ok(if self.open() && self.server.presenter_keys.is_none() {
            Auth::Accept
        } else {
            Auth::reject()
        })
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        _response: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        self.user = user.to_string();
        Ok(if self.open() {
            Auth::Accept
        } else {
            Auth::reject()
        })
    }

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        self.user = user.to_string();
        Ok(if self.accepts_key(offer.public_key) {
            Auth::Accept
        } else {
            self.refused_key(offer.public_key);
            Auth::reject()
        })
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        self.user = user.to_string();
        if self.accepts_key(key.public_key) {
            self.key = Some(fingerprint(key.public_key));
            self.presenter = is_presenter(&self.server, key.public_key);
            Ok(Auth::Accept)
        } else {
            self.refused_key(key.public_key);
            Ok(Auth::reject())
        }
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel_id.is_some() {
            // One session per connection: a second channel would be a second
            // session that the limits do not count.
            self.refused(Refusal::SecondSession, None);
            refuse_channel(reply, SHORTAGE, "one session per connection").await;
            return Ok(());
        }
        if self.server.sessions() >= self.server.limits.max_sessions {
            // Said here, where ssh prints the reason. The shell request
            // takes the place for good: two may race for the last one, and
            // the loser is told on its stderr.
            self.refused(Refusal::Full, None);
            let why = full(self.server.limits.max_sessions);
            refuse_channel(reply, SHORTAGE, &why).await;
            return Ok(());
        }
        self.channel_id = Some(channel.id());
        self.channel = Some(channel);
        reply.accept().await;
        Ok(())
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        host: &str,
        port: u32,
        _from: &str,
        _from_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(Refusal::LocalForwarding, Some(&format!("{host}:{port}")));
        refuse_channel(reply, PROHIBITED, "no port forwarding").await;
        Ok(())
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _channel: Channel<Msg>,
        socket_path: &str,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(Refusal::SocketForwarding, Some(socket_path));
        refuse_channel(reply, PROHIBITED, "no socket forwarding").await;
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _channel: Channel<Msg>,
        _from: &str,
        _from_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(Refusal::X11, None);
        refuse_channel(reply, PROHIBITED, "no X11 forwarding").await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) || self.input.is_some() {
            return session.channel_failure(channel);
        }
        let size = clamp_size(columns, rows, self.server.limits.max_size);
        self.terminal = Some(ClientTerminal {
            term: term
                .chars()
                .filter(char::is_ascii_graphic)
                .take(64)
                .collect(),
            size,
        });
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // Only what decides the colours is taken; sshd answers the rest with
        // failure too.
        match name {
            "COLORTERM" if self.ours(channel) => {
                self.colorterm = Some(value.chars().take(32).collect());
                session.channel_success(channel)
            }
            "NO_COLOR" if self.ours(channel) => {
                self.no_color = !value.is_empty();
                session.channel_success(channel)
            }
            _ => session.channel_failure(channel),
        }
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let ours = self.ours(channel);
        let Some(channel_object) = self.channel.take_if(|_| ours) else {
            return session.channel_failure(channel);
        };
        let Some(count) = self.server.session_started() else {
            self.refused(Refusal::Full, None);
            // Put back for `end_channel`, which ends it.
            self.channel = Some(channel_object);
            let why = full(self.server.limits.max_sessions);
            return self.end_channel(channel, &why, session);
        };
        session.channel_success(channel)?;
        self.started.store(true, Ordering::Release);
        let (read_half, channel_write) = channel_object.split();
        let (alive, gone) = oneshot::channel();
        self._alive = Some(alive);
        let output = super::outbox::Outlet {
            channel: channel_write,
            gone,
        };
        // Input arrives through the handlers below; a read half nobody reads
        // would fill and then stall the connection (russh queues every packet
        // for it too). Dropped, it is skipped.
        drop(read_half);
        let env = super::session::ClientEnv {
            term: self.terminal.as_ref().map(|t| t.term.clone()),
            colorterm: self.colorterm.clone(),
            no_color: self.no_color,
        };
        let identity = super::session::Identity {
            peer: self.peer,
            user: self.user.clone(),
            key: self.key.clone(),
            connected: self.opened,
        };
        match self.terminal.clone() {
            Some(terminal) => {
                let (tx, rx) = mpsc::channel(INPUT_QUEUE);
                self.input = Some(tx);
                let role = if self.presenter {
                    Role::Presenter
                } else if self.server.workshop {
                    Role::Participant
                } else {
                    Role::Alone
                };
                let guest = super::session::Guest {
                    terminal,
                    env,
                    role,
                };
                super::session::spawn(Arc::clone(&self.server), count, identity, guest, output, rx);
            }
            None => {
                super::session::plain_text(Arc::clone(&self.server), count, identity, env, output);
            }
        }
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _command: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // The command is neither logged nor echoed: it is the client's text,
        // and may hold what it should not.
        self.refused(Refusal::Command, None);
        self.end_channel(channel, refusal::NO_COMMANDS, session)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(Refusal::Subsystem, Some(name));
        self.end_channel(channel, refusal::NO_SUBSYSTEMS, session)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(Refusal::X11, None);
        session.channel_failure(channel)
    }

    async fn agent_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(Refusal::Agent, None);
        session.channel_failure(channel)?;
        Ok(false)
    }

    async fn tcpip_forward(
        &mut self,
        address: &str,
        port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(
            Refusal::RemoteForwarding,
            Some(&format!("{address}:{port}")),
        );
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        socket_path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(Refusal::SocketForwarding, Some(socket_path));
        Ok(false)
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) {
            let (width, height) = clamp_size(columns, rows, self.server.limits.max_size);
            self.send(Input::Resize(width, height)).await;
        }
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) {
            self.send(Input::Bytes(data.to_vec())).await;
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) {
            self.send(Input::End(SessionEnd::ClientClosed)).await;
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) {
            self.send(Input::End(SessionEnd::ClientClosed)).await;
        }
        Ok(())
    }
}
