//! `vision-tui serve`: every participant gets their own session of the app
//! over plain `ssh`, with no account and nothing to install.
//!
//! The network is tokio's and russh's; each session is the same loop
//! ([`SessionLoop`](crate::session::SessionLoop)) the local terminal runs, as
//! a task on the same runtime, fed by its connection and writing through a
//! bounded outbox.
//! The document is shared by every session and reloaded for all of them by
//! one watcher.
//!
//! - [`listener`]: the accept loop: admission before any handshake work.
//! - [`connection`]: one SSH connection: authentication, the one session
//!   channel it may open, and every request it may not make (how each is
//!   refused and logged, at most once per kind: `connection::refusal`).
//! - [`session`]: one participant's session: its event source, its task,
//!   and the task that sends its frames.
//! - [`outbox`]: at most one frame in flight per session; a slow client
//!   skips frames instead of growing the server's memory; the session's
//!   outlet, which gives up when its connection is gone.
//! - [`limits`]: sessions at once, connections per address, sizes, times.
//! - [`host_key`]: the server's Ed25519 key, and the list of admitted keys.
//! - [`room`]: the workshop room: the presenters' position, who follows.
//! - [`log`]: one line on stderr per connection event.
//! - [`options`]: what `serve` was asked for, and how every session starts.
//! - [`process`]: `vision-tui serve` as a process: signals, the watcher,
//!   what it says at start.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use russh::keys::PublicKey;
use tokio::sync::watch;

use crate::document::SharedDocument;
use crate::document::watch::Reload;

pub mod connection;
pub mod host_key;
pub mod limits;
pub mod listener;
pub mod log;
pub mod options;
pub mod outbox;
pub mod process;
pub mod room;
pub mod session;

pub use limits::Limits;
pub use options::{Look, Options};

/// How long sessions get to say goodbye when the server stops.
pub const GOODBYE_GRACE: Duration = Duration::from_millis(1500);

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The host key or the key list.
    #[error(transparent)]
    Key(#[from] host_key::KeyError),
    /// The listening address.
    #[error("cannot listen on {address}: {source}")]
    Listen {
        /// As given.
        address: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The network runtime.
    #[error("cannot start the network runtime: {0}")]
    Runtime(#[source] std::io::Error),
}

/// A version of the document as every session sees it.
#[derive(Debug, Clone)]
pub struct Version {
    /// The last good document (new presenter sessions start with it).
    pub document: Arc<SharedDocument>,
    /// The same without speaker notes, for everyone else.
    pub public: Arc<SharedDocument>,
    /// The reload that made this version, for sessions already running
    /// (`None` for the first version), with the notes and without.
    pub reload: Option<(Reload, Reload)>,
}

impl Version {
    fn new(document: Arc<SharedDocument>) -> Self {
        Self {
            public: document.without_notes(),
            document,
            reload: None,
        }
    }
}

/// What every connection and session of one server shares.
#[derive(Debug)]
pub struct Server {
    /// The limits in force.
    pub limits: Limits,
    /// The keys admitted, when the server is not open to all.
    pub authorized_keys: Option<Vec<PublicKey>>,
    /// The keys whose sessions present (and see the speaker notes).
    pub presenter_keys: Option<Vec<PublicKey>>,
    /// Whether sessions without a presenter key follow a presenter.
    pub workshop: bool,
    /// The workshop room.
    pub room: room::Room,
    /// How sessions start.
    pub look: Look,
    /// The document's versions.
    pub document: watch::Receiver<Version>,
    /// Turns true when the server stops.
    pub shutdown: watch::Receiver<bool>,
    /// Sessions running now (terminal and plain text).
    sessions: AtomicUsize,
    /// The runtime every connection and session runs on.
    pub runtime: tokio::runtime::Handle,
}

impl Server {
    /// Sessions running now.
    pub fn sessions(&self) -> usize {
        self.sessions.load(Ordering::SeqCst)
    }

    /// Counts a session for as long as the returned guard lives, if there
    /// is room for one more (`--max-sessions`); `None` when the server is full.
    fn session_started(self: &Arc<Self>) -> Option<SessionCount> {
        let max = self.limits.max_sessions;
        self.sessions
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < max).then_some(n + 1)
            })
            .ok()?;
        Some(SessionCount(Arc::clone(self)))
    }
}

/// One running session, counted until dropped.
#[derive(Debug)]
pub struct SessionCount(Arc<Server>);

impl Drop for SessionCount {
    fn drop(&mut self) {
        self.0.sessions.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Hands new versions of the document to every session of a server.
#[derive(Debug, Clone)]
pub struct Reloader(watch::Sender<Version>);

impl Reloader {
    /// Hands `reload` to every session (and to those that start later, when
    /// it is a good document).
    pub fn reload(&self, reload: Reload) {
        let public = match &reload {
            Ok(document) => Ok(document.without_notes()),
            Err(message) => Err(message.clone()),
        };
        self.0.send_modify(|version| {
            if let (Ok(document), Ok(public)) = (&reload, &public) {
                version.document = Arc::clone(document);
                version.public = Arc::clone(public);
            }
            version.reload = Some((reload, public));
        });
    }
}

/// A running server.
#[derive(Debug)]
pub struct Running {
    /// The address it listens on (the port chosen when 0 was asked for).
    pub address: SocketAddr,
    /// The host key's SHA-256 fingerprint, as `ssh` shows it.
    pub fingerprint: String,
    /// Whether the host key was made now (first start).
    pub key_created: bool,
    /// Where the host key is kept.
    pub key_path: PathBuf,
    server: Arc<Server>,
    versions: watch::Sender<Version>,
    stop: watch::Sender<bool>,
    runtime: tokio::runtime::Runtime,
}

impl Running {
    /// Sessions running now.
    pub fn sessions(&self) -> usize {
        self.server.sessions()
    }

    /// The workshop room, for a presenter at the local terminal.
    pub fn room(&self) -> &room::Room {
        &self.server.room
    }

    /// Hands a reload to every session (and to those that start later, when
    /// it is a good document).
    pub fn reload(&self, reload: Reload) {
        self.reloader().reload(reload);
    }

    /// A handle that hands reloads to every session, from another thread.
    pub fn reloader(&self) -> Reloader {
        Reloader(self.versions.clone())
    }

    /// Stops accepting, tells every session to say goodbye, and waits up to
    /// `grace` for them to finish.
    pub fn shutdown(self, grace: Duration) {
        let _ = self.stop.send(true);
        let deadline = Instant::now() + grace;
        while self.server.sessions() > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        self.runtime.shutdown_timeout(Duration::from_millis(100));
    }
}

/// Starts serving `document` as `options` say, on a runtime of its own.
/// Returns once the server listens.
pub fn start(document: Arc<SharedDocument>, options: Options) -> Result<Running, ServeError> {
    let key_path = match &options.host_key {
        Some(path) => path.clone(),
        None => host_key::default_path()?,
    };
    let (key, key_created) = host_key::load_or_create(&key_path)?;
    let fingerprint = host_key::fingerprint(key.public_key());
    let authorized_keys = options
        .authorized_keys
        .as_deref()
        .map(host_key::read_key_list)
        .transpose()?;
    let presenter_keys = options
        .presenter_keys
        .as_deref()
        .map(host_key::read_key_list)
        .transpose()?;
    // One worker per core (tokio's default): sessions draw on them too.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .thread_name("network")
        .enable_io()
        .enable_time()
        .build()
        .map_err(ServeError::Runtime)?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(&options.listen))
        .map_err(|source| ServeError::Listen {
            address: options.listen.clone(),
            source,
        })?;
    let address = listener.local_addr().map_err(|source| ServeError::Listen {
        address: options.listen.clone(),
        source,
    })?;
    let (versions, document) = watch::channel(Version::new(document));
    let (stop, shutdown) = watch::channel(false);
    let server = Arc::new(Server {
        limits: options.limits,
        authorized_keys,
        presenter_keys,
        workshop: options.workshop,
        room: room::Room::default(),
        look: options.look,
        document,
        shutdown: shutdown.clone(),
        sessions: AtomicUsize::new(0),
        runtime: runtime.handle().clone(),
    });
    let admission = limits::SharedAdmission::new(limits::Admission::new(options.limits));
    let open_with_presenters = server.authorized_keys.is_none() && server.presenter_keys.is_some();
    let config = Arc::new(ssh_config(key, &options.limits, open_with_presenters));
    runtime.spawn(listener::accept_loop(
        listener,
        Arc::clone(&server),
        admission,
        config,
        shutdown,
    ));
    Ok(Running {
        address,
        fingerprint,
        key_created,
        key_path,
        server,
        versions,
        stop,
        runtime,
    })
}

/// The ways in: `none` (open to all) and a listed key. Offering passwords
/// would have ssh ask a participant whose key is not listed for a password
/// that no answer can satisfy. An open server with presenter keys must see
/// a client's key before it lets it in (to know a presenter), so `none` is
/// refused there and a participant without a key gets in by
/// keyboard-interactive, which asks nothing.
fn login_methods(open_with_presenters: bool) -> russh::MethodSet {
    use russh::MethodKind::{KeyboardInteractive, None, PublicKey};
    if open_with_presenters {
        russh::MethodSet::from(&[None, PublicKey, KeyboardInteractive][..])
    } else {
        russh::MethodSet::from(&[None, PublicKey][..])
    }
}

/// russh's settings for a server among strangers.
fn ssh_config(
    key: russh::keys::PrivateKey,
    limits: &Limits,
    open_with_presenters: bool,
) -> russh::server::Config {
    russh::server::Config {
        keys: vec![key],
        // Login never waits: OpenSSH tries `none` first, and an open server
        // accepts it; a server with a key list answers at once with the
        // methods it takes.
        auth_rejection_time: Duration::from_millis(0),
        auth_rejection_time_initial: Some(Duration::from_millis(0)),
        max_auth_attempts: 6,
        methods: login_methods(open_with_presenters),
        // Keepalives keep a participant reading one slide for long on the
        // line (and find the ones that vanished); the idle limit is the
        // session's, counted from its last key.
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 4,
        inactivity_timeout: Some(limits.idle_timeout + Duration::from_secs(60)),
        nodelay: true,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use russh::MethodKind;

    use super::*;

    #[test]
    fn only_the_login_methods_the_server_can_accept_are_offered() {
        let key = russh::keys::PrivateKey::from(
            russh::keys::ssh_key::private::Ed25519Keypair::from_seed(&[7; 32]),
        );
        let config = ssh_config(key.clone(), &Limits::default(), false);
        assert_eq!(&*config.methods, &[MethodKind::None, MethodKind::PublicKey]);
        let config = ssh_config(key, &Limits::default(), true);
        assert_eq!(
            &*config.methods,
            &[
                MethodKind::None,
                MethodKind::PublicKey,
                MethodKind::KeyboardInteractive
            ]
        );
    }
}
