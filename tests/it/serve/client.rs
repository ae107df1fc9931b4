//! An SSH client inside the test process (russh's), as a participant's `ssh`
//! would be: it logs in, opens its one session channel, asks for a pty of a
//! size and a shell, and a reader feeds every byte the server sends to a
//! vt100 screen, keeping the raw bytes, what came on stderr, the replies to
//! requests, the exit status and the end of the channel.
//!
//! Its TCP stream passes a [`Gate`]: the test can stop reading (the server's
//! SSH window then closes, as for a participant whose terminal froze) while
//! it goes on typing, and cut the connection in the middle of a frame.

use std::collections::VecDeque;
use std::io;
use std::net::SocketAddr;
use std::num::NonZeroU16;
use std::pin::Pin;
use std::sync::{Arc, Condvar, LazyLock, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};
use std::time::Instant;

use russh::client::{self, Handle, Msg};
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::{ChannelMsg, ChannelReadHalf, ChannelWriteHalf};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

use crate::e2e::PATIENCE;

/// The user name every test client gives (any is accepted).
pub const USER: &str = "workshop";

/// The largest screen a test reads through. A client may claim more (a
/// hostile 65535×65535): the screen is then this size, and whatever the
/// server draws past its own limit shows in it.
const SCREEN_MAX: (u16, u16) = (600, 250);

/// One network runtime for every client of the suite (the servers have
/// their own). One thread: a task that queues several packets runs to its
/// end before any connection's loop sends them (see [`Client::send_packets`]).
static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("test-client")
        .enable_all()
        .build()
        .expect("the clients' runtime")
});

/// How a client connects.
#[derive(Clone)]
pub struct Connect {
    address: SocketAddr,
    /// The SSH window the client grants the server, in bytes: how much the
    /// server may send that the client has not read yet.
    window: u32,
}

impl Connect {
    pub fn to(address: SocketAddr) -> Self {
        Self {
            address,
            window: client::Config::default().window_size,
        }
    }

    /// A client that lets the server run ahead by only `bytes`.
    pub fn window(mut self, bytes: u32) -> Self {
        self.window = bytes;
        self
    }

    /// Connects and completes the key exchange, not yet logged in; the
    /// error when the server turns the connection away.
    pub fn handshake(&self) -> Result<Client, russh::Error> {
        let config = Arc::new(client::Config {
            window_size: self.window,
            nodelay: true,
            ..client::Config::default()
        });
        let gate = Gate::default();
        let stream_gate = gate.clone();
        let address = self.address;
        let handle = RUNTIME.block_on(async move {
            let stream = TcpStream::connect(address).await?;
            let gated = Gated {
                stream,
                gate: stream_gate,
            };
            let connecting = client::connect_stream(config, gated, AnyHost);
            tokio::time::timeout(PATIENCE, connecting)
                .await
                .map_err(|_| russh::Error::ConnectionTimeout)?
        })?;
        Ok(Client {
            handle,
            gate,
            channel: None,
            seen: Arc::new(Seen::default()),
        })
    }

    /// Connects and logs in with no credentials, as the open server allows.
    pub fn login(&self) -> Client {
        let mut client = self.handshake().expect("the server takes the connection");
        assert!(client.auth_none(), "an open server lets anyone in");
        client
    }

    /// Logs in and starts a session on a terminal of `cols`×`rows` (as the
    /// client claims it).
    pub fn session(&self, cols: u32, rows: u32) -> Client {
        let mut client = self.login();
        client.open_session().expect("a session channel");
        assert!(client.request_pty(cols, rows), "the pty request is granted");
        assert!(client.shell(), "the shell request is granted");
        client
    }

    /// [`Connect::session`], its first frame on screen.
    pub fn terminal(&self, cols: u32, rows: u32) -> Client {
        let client = self.session(cols, rows);
        client.wait_for("Fokusområden");
        client
    }
}

/// Trusts whatever host key the server shows (the test made it).
struct AnyHost;

impl client::Handler for AnyHost {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// A connection to the server under test, and its session channel.
pub struct Client {
    handle: Handle<AnyHost>,
    gate: Gate,
    channel: Option<Arc<ChannelWriteHalf<Msg>>>,
    seen: Arc<Seen>,
}

/// Everything the server sent on the session channel.
pub struct Received {
    screen: vt100::Parser,
    raw: Vec<u8>,
    stderr: Vec<u8>,
    replies: VecDeque<bool>,
    exit_status: Option<u32>,
    closed: bool,
    /// The channel is gone (closed, or the connection ended).
    ended: bool,
}

impl Received {
    pub fn contents(&self) -> String {
        self.screen.screen().contents()
    }

    pub fn screen(&self) -> &vt100::Screen {
        self.screen.screen()
    }

    /// The text of row `row` (0-based).
    pub fn row(&self, row: u16) -> String {
        let (_, cols) = self.screen().size();
        self.screen().contents_between(row, 0, row, cols.get())
    }

    pub fn raw(&self) -> &[u8] {
        &self.raw
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    pub fn exit_status(&self) -> Option<u32> {
        self.exit_status
    }

    pub fn ended(&self) -> bool {
        self.ended
    }

    /// The server closed the channel (not only the connection dropped).
    pub fn closed(&self) -> bool {
        self.closed
    }
}

struct Seen {
    received: Mutex<Received>,
    changed: Condvar,
}

impl Default for Seen {
    fn default() -> Self {
        Self {
            received: Mutex::new(Received {
                screen: vt100::Parser::new(nonzero(24), nonzero(80), 0),
                raw: Vec::new(),
                stderr: Vec::new(),
                replies: VecDeque::new(),
                exit_status: None,
                closed: false,
                ended: false,
            }),
            changed: Condvar::new(),
        }
    }
}

impl Seen {
    fn lock(&self) -> MutexGuard<'_, Received> {
        self.received.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Client {
    /// Logs in with no credentials; whether the server let it in.
    pub fn auth_none(&mut self) -> bool {
        let handle = &mut self.handle;
        RUNTIME
            .block_on(handle.authenticate_none(USER))
            .expect("an answer to `none`")
            .success()
    }

    /// Logs in with `key`; whether the server let it in.
    pub fn auth_key(&mut self, key: &PrivateKey) -> bool {
        let key = PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None);
        let handle = &mut self.handle;
        RUNTIME
            .block_on(handle.authenticate_publickey(USER, key))
            .expect("an answer to a key")
            .success()
    }

    /// Logs in by keyboard-interactive, answering no question, as `ssh`
    /// does without a key the server takes; whether the server let it in.
    pub fn auth_keyboard_interactive(&mut self) -> bool {
        let handle = &mut self.handle;
        let answer = RUNTIME
            .block_on(handle.authenticate_keyboard_interactive_start(USER, None))
            .expect("an answer to keyboard-interactive");
        matches!(answer, client::KeyboardInteractiveAuthResponse::Success)
    }

    /// Opens the session channel and starts reading it.
    pub fn open_session(&mut self) -> Result<(), russh::Error> {
        let channel = RUNTIME.block_on(self.handle.channel_open_session())?;
        let (read_half, write_half) = channel.split();
        RUNTIME.spawn(read(read_half, Arc::clone(&self.seen)));
        self.channel = Some(Arc::new(write_half));
        Ok(())
    }

    /// Opens one more session channel on this connection.
    pub fn open_another_session(&self) -> Result<(), russh::Error> {
        RUNTIME
            .block_on(self.handle.channel_open_session())
            .map(drop)
    }

    /// Asks for a terminal of `cols`×`rows` (any numbers: a client may claim
    /// anything); whether it was granted. The test reads a screen of that
    /// size, up to [`SCREEN_MAX`].
    pub fn request_pty(&self, cols: u32, rows: u32) -> bool {
        self.resize_screen(cols, rows);
        let modes = [];
        self.request(
            self.channel()
                .request_pty(true, "xterm-256color", cols, rows, 0, 0, &modes),
        )
    }

    pub fn shell(&self) -> bool {
        self.request(self.channel().request_shell(true))
    }

    pub fn exec(&self, command: &str) -> bool {
        self.request(self.channel().exec(true, command))
    }

    pub fn subsystem(&self, name: &str) -> bool {
        self.request(self.channel().request_subsystem(true, name))
    }

    pub fn x11(&self) -> bool {
        self.request(self.channel().request_x11(
            true,
            false,
            "MIT-MAGIC-COOKIE-1",
            "00112233445566778899aabbccddeeff",
            0,
        ))
    }

    pub fn agent_forwarding(&self) -> bool {
        self.request(self.channel().agent_forward(true))
    }

    /// Asks the server to listen on a port for it (`ssh -R`); whether it agreed.
    pub fn tcpip_forward(&self) -> bool {
        RUNTIME
            .block_on(self.handle.tcpip_forward("127.0.0.1", 0))
            .is_ok()
    }

    /// Asks the server to connect somewhere for it (`ssh -L`); whether it agreed.
    pub fn direct_tcpip(&self, to: SocketAddr) -> bool {
        let host = to.ip().to_string();
        RUNTIME
            .block_on(self.handle.channel_open_direct_tcpip(
                host,
                u32::from(to.port()),
                "127.0.0.1",
                40000,
            ))
            .is_ok()
    }

    /// Sends `bytes` as one packet, as a fast typist's keys arrive.
    pub fn send(&self, bytes: &[u8]) {
        RUNTIME
            .block_on(self.channel().data_bytes(bytes.to_vec()))
            .expect("keys sent");
    }

    /// Sends each of `packets` as a packet of its own, all in one write to
    /// the network, as a link that delivers them together does: the server
    /// gets them back to back, however loaded the machine.
    pub fn send_packets(&self, packets: &[&[u8]]) {
        let channel = Arc::clone(self.channel.as_ref().expect("a session channel is open"));
        let packets: Vec<Vec<u8>> = packets.iter().map(|packet| packet.to_vec()).collect();
        // On the clients' one thread, this task queues every packet before
        // the connection's loop can run and take them, all in one go.
        let queued = RUNTIME.spawn(async move {
            for packet in packets {
                channel.data_bytes(packet).await?;
            }
            Ok::<(), russh::Error>(())
        });
        RUNTIME
            .block_on(queued)
            .expect("the sending task ran")
            .expect("packets sent");
    }

    /// The client's window changed: the server hears the size, the test
    /// reads a screen of it (up to [`SCREEN_MAX`]).
    pub fn window_change(&self, cols: u32, rows: u32) {
        self.resize_screen(cols, rows);
        RUNTIME
            .block_on(self.channel().window_change(cols, rows, 0, 0))
            .expect("window change sent");
    }

    /// Stops reading from the network: the server's SSH window closes once
    /// it has sent what the window allows. Typing still goes out.
    pub fn stop_reading(&self) {
        self.stop_reading_after(0);
    }

    /// Reads `bytes` more from the network (encrypted, as they come), then
    /// stops: a client that stops in a known place, whatever the timing.
    pub fn stop_reading_after(&self, bytes: usize) {
        self.gate.set(|gate| gate.budget = Some(bytes));
    }

    pub fn resume_reading(&self) {
        self.gate.set(|gate| gate.budget = None);
    }

    /// Drops the TCP connection at once, as a lost link or a killed client
    /// does: no goodbye at the SSH level, whatever was on its way.
    pub fn cut(&self) {
        self.gate.set(|gate| gate.cut = true);
    }

    /// What the server sent so far.
    pub fn received(&self) -> MutexGuard<'_, Received> {
        self.seen.lock()
    }

    pub fn contents(&self) -> String {
        self.received().contents()
    }

    /// Waits until `condition` holds for what was received, or fails the test.
    pub fn wait_until(&self, what: &str, condition: impl Fn(&Received) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        let mut received = self.seen.lock();
        while !condition(&received) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "waited in vain for {what}; screen:\n{}\nstderr: {:?}",
                received.contents(),
                received.stderr()
            );
            received = self
                .seen
                .changed
                .wait_timeout(received, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    pub fn wait_for(&self, needle: &str) {
        self.wait_until(&format!("{needle:?} on screen"), |r| {
            r.contents().contains(needle)
        });
    }

    /// Waits for the server to end the channel; its exit status.
    pub fn wait_closed(&self) -> Option<u32> {
        self.wait_until("the channel to close", Received::ended);
        self.received().exit_status
    }

    fn channel(&self) -> &ChannelWriteHalf<Msg> {
        self.channel.as_deref().expect("a session channel is open")
    }

    fn resize_screen(&self, cols: u32, rows: u32) {
        let fit = |n: u32, max: u16| nonzero(u16::try_from(n).unwrap_or(max).clamp(1, max));
        let (cols, rows) = (fit(cols, SCREEN_MAX.0), fit(rows, SCREEN_MAX.1));
        self.seen.lock().screen.screen_mut().set_size(rows, cols);
    }

    /// Sends a request that wants a reply; the reply (true: success).
    fn request(&self, sent: impl Future<Output = Result<(), russh::Error>>) -> bool {
        RUNTIME.block_on(sent).expect("request sent");
        self.wait_until("a reply to the request", |r| !r.replies.is_empty());
        self.seen.lock().replies.pop_front().unwrap_or(false)
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("at least one row and column")
}

impl Drop for Client {
    fn drop(&mut self) {
        self.cut();
    }
}

/// Reads the session channel until it is gone.
async fn read(mut channel: ChannelReadHalf, seen: Arc<Seen>) {
    while let Some(message) = channel.wait().await {
        let mut received = seen.lock();
        match message {
            ChannelMsg::Data { data } => {
                received.screen.process(&data);
                received.raw.extend_from_slice(&data);
            }
            ChannelMsg::ExtendedData { data, .. } => received.stderr.extend_from_slice(&data),
            ChannelMsg::ExitStatus { exit_status } => received.exit_status = Some(exit_status),
            ChannelMsg::Close => received.closed = true,
            ChannelMsg::Success => received.replies.push_back(true),
            ChannelMsg::Failure => received.replies.push_back(false),
            _ => {}
        }
        drop(received);
        seen.changed.notify_all();
    }
    seen.lock().ended = true;
    seen.changed.notify_all();
}

/// Lets the test stop the client's reading, or cut its connection.
#[derive(Clone, Default)]
struct Gate(Arc<Mutex<GateState>>);

#[derive(Default)]
struct GateState {
    /// How many bytes may still be read; `None`: any number.
    budget: Option<usize>,
    cut: bool,
    /// The last reader, woken when the gate changes.
    reader: Option<Waker>,
}

impl Gate {
    fn set(&self, change: impl FnOnce(&mut GateState)) {
        let mut state = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        change(&mut state);
        if let Some(reader) = state.reader.take() {
            reader.wake();
        }
    }

    fn state(&self) -> MutexGuard<'_, GateState> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The client's TCP stream, through its gate.
struct Gated {
    stream: TcpStream,
    gate: Gate,
}

impl AsyncRead for Gated {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let mut gate = this.gate.state();
        if gate.cut {
            return Poll::Ready(Ok(()));
        }
        gate.reader = Some(cx.waker().clone());
        let Some(budget) = gate.budget else {
            drop(gate);
            return Pin::new(&mut this.stream).poll_read(cx, buf);
        };
        if budget == 0 {
            return Poll::Pending;
        }
        let mut bytes = vec![0; budget.min(buf.remaining())];
        let mut limited = ReadBuf::new(&mut bytes);
        let read = Pin::new(&mut this.stream).poll_read(cx, &mut limited);
        if let Poll::Ready(Ok(())) = read {
            gate.budget = Some(budget - limited.filled().len());
            buf.put_slice(limited.filled());
        }
        read
    }
}

impl AsyncWrite for Gated {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.gate.state().cut {
            return Poll::Ready(Err(io::ErrorKind::BrokenPipe.into()));
        }
        Pin::new(&mut this.stream).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}
