//! The workshop room's fan-out benchmark (issue 15): how long a presenter's
//! move takes to reach every follower, and what it costs each in bytes.
//!
//! ```sh
//! cargo run --release --example room_bench               # 100 followers, 100 moves
//! cargo run --release --example room_bench -- 100 30     # followers, moves
//! ```
//!
//! In one process: `serve --present --presenter-keys FILE` as the library
//! starts it (`serve::start`, on loopback, its own runtime, every session a
//! task on it as in the binary), on the built-in document. Then the followers,
//! russh clients on one runtime thread of their own, each at 80×24 reading
//! what it receives into its own vt100 screen; and one presenter (100×30)
//! logged in with the presenter key. Once every follower shows the first
//! slide, the presenter goes to another slide by its number (`5⏎`, one
//! packet: `→` may stay within a topic of two parts), each move to a slide
//! other than the last, waiting until every follower shows it.
//!
//! Reported, over the moves: the time from sending the presenter's keys
//! until the last follower's footer shows the new `n / N` (the footer is the
//! last row a frame draws), median and p99; the same for the median
//! follower; and the bytes each follower receives per move (median, max).
//! Clients and server share the machine's cores: the clients' reading and
//! parsing counts against the server.

use std::sync::Arc;
use std::time::{Duration, Instant};

use russh::client::{self, Handle};
use russh::keys::ssh_key::private::Ed25519Keypair;
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::{ChannelMsg, ChannelReadHalf, ChannelWriteHalf};
use tokio::sync::{Mutex, Notify};
use vision_tui::document::load;
use vision_tui::serve::{self, Limits, Look, Options};

type Error = Box<dyn std::error::Error + Send + Sync>;

const FOLLOWER_SIZE: (u16, u16) = (80, 24);
const PRESENTER_SIZE: (u16, u16) = (100, 30);
/// How long a move may take before the run is called off (not a figure).
const PATIENCE: Duration = Duration::from_secs(20);

fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1).map(|arg| arg.parse::<usize>());
    let followers = args.next().transpose()?.unwrap_or(100);
    let moves = args.next().transpose()?.unwrap_or(100);
    let folder = std::env::temp_dir().join(format!("vision-tui-room-bench-{}", std::process::id()));
    std::fs::create_dir_all(&folder)?;
    let result = run(&folder, followers, moves);
    let _ = std::fs::remove_dir_all(&folder);
    result
}

fn run(folder: &std::path::Path, followers: usize, moves: usize) -> Result<(), Error> {
    let presenter_key = PrivateKey::from(Ed25519Keypair::from_seed(&[7; 32]));
    let keys = folder.join("presenters.pub");
    std::fs::write(&keys, presenter_key.public_key().to_openssh()?)?;
    let document = load::builtin();
    let slides = vision_tui::layout::slides::count(&document);
    serve::log::set_enabled(false);
    let running = serve::start(
        document.into(),
        Options {
            listen: "127.0.0.1:0".into(),
            host_key: Some(folder.join("host_key")),
            authorized_keys: None,
            presenter_keys: Some(keys),
            workshop: true,
            limits: Limits {
                max_sessions: followers + 1,
                per_ip_per_minute: 10_000,
                ..Limits::default()
            },
            look: Look {
                presenting: true,
                ..Look::default()
            },
        },
    )?;
    let address = running.address;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("clients")
        .enable_all()
        .build()?;
    let room = Arc::new(Room::default());
    let clients = runtime.block_on(async {
        let mut clients = Vec::with_capacity(followers);
        for _ in 0..followers {
            clients.push(Client::connect(address, None, FOLLOWER_SIZE, &room).await?);
        }
        Ok::<_, Error>(clients)
    })?;
    let presenter = runtime.block_on(Client::connect(
        address,
        Some(&presenter_key),
        PRESENTER_SIZE,
        &room,
    ))?;
    runtime.block_on(room.all_at(&clients, 1, Instant::now()))?;
    runtime.block_on(room.all_at(std::slice::from_ref(&presenter), 1, Instant::now()))?;
    eprintln!(
        "room_bench: {followers} followers at {}x{}, {moves} moves, {slides} slides",
        FOLLOWER_SIZE.0, FOLLOWER_SIZE.1
    );
    let cpu_before = cpu_by_thread();
    let mut last = Vec::with_capacity(moves);
    let mut median = Vec::with_capacity(moves);
    let mut bytes = Vec::with_capacity(moves * followers);
    for step in 0..moves {
        // 2, 3, … the last but one, 1, 2, …: always another slide.
        let n = (step + 1) % (slides - 1) + 1;
        let before = runtime.block_on(room.bytes(&clients));
        let sent = Instant::now();
        runtime.block_on(presenter.send(format!("{n}\r").as_bytes()))?;
        let mut arrived = runtime.block_on(room.all_at(&clients, n, sent))?;
        arrived.sort_unstable();
        last.push(arrived[arrived.len() - 1]);
        median.push(arrived[arrived.len() / 2]);
        let after = runtime.block_on(room.bytes(&clients));
        bytes.extend(after.iter().zip(&before).map(|(a, b)| a - b));
    }
    let cpu_after = cpu_by_thread();
    last.sort_unstable();
    median.sort_unstable();
    bytes.sort_unstable();
    println!("| {followers} followers, {moves} moves | median | p99 |");
    println!("|---|---|---|");
    println!(
        "| key → every follower's frame | {} | {} |",
        ms(pick(&last, 0.5)),
        ms(pick(&last, 0.99))
    );
    println!(
        "| key → the median follower's frame | {} | {} |",
        ms(pick(&median, 0.5)),
        ms(pick(&median, 0.99))
    );
    println!(
        "| bytes per follower per move | {} | {} (max {}) |",
        pick(&bytes, 0.5),
        pick(&bytes, 0.99),
        bytes[bytes.len() - 1]
    );
    println!();
    println!("CPU per move, by thread (/proc/self/task, 10 ms ticks):");
    for (name, ticks) in &cpu_after {
        let spent = ticks - cpu_before.get(name).copied().unwrap_or(0);
        let per_move = spent as f64 * 10.0 / moves as f64;
        println!("- {name}: {per_move:.2} ms");
    }
    drop(presenter);
    drop(clients);
    running.shutdown(Duration::from_secs(2));
    Ok(())
}

/// CPU time (user + system, in clock ticks) of this process's threads, by
/// thread name: `network` (the server's runtime: connections and sessions,
/// drawing included), `clients` (this benchmark's readers).
fn cpu_by_thread() -> std::collections::BTreeMap<String, u64> {
    let mut by_name = std::collections::BTreeMap::new();
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return by_name;
    };
    for task in tasks.flatten() {
        let Ok(stat) = std::fs::read_to_string(task.path().join("stat")) else {
            continue;
        };
        // `pid (comm) state …`: utime and stime are the 12th and 13th
        // fields after the name.
        let Some((head, rest)) = stat.rsplit_once(") ") else {
            continue;
        };
        let name = head.split_once(" (").map_or("?", |(_, name)| name);
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks: u64 = [11, 12]
            .iter()
            .filter_map(|&i| fields.get(i)?.parse::<u64>().ok())
            .sum();
        *by_name.entry(name.to_string()).or_insert(0) += ticks;
    }
    by_name
}

fn nonzero(n: u16) -> Result<std::num::NonZeroU16, Error> {
    std::num::NonZeroU16::new(n).ok_or_else(|| "a screen of no size".into())
}

fn pick<T: Copy>(sorted: &[T], quantile: f64) -> T {
    let at = ((sorted.len() as f64 - 1.0) * quantile).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

fn ms(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

/// What every follower has received, and a wake-up when a footer changes.
#[derive(Default)]
struct Room {
    changed: Notify,
}

impl Room {
    /// Waits until every follower's footer shows slide `n`; how long after
    /// `since` each did.
    async fn all_at(
        &self,
        clients: &[Client],
        n: usize,
        since: Instant,
    ) -> Result<Vec<Duration>, Error> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let waiting = self.changed.notified();
            let mut times = Vec::with_capacity(clients.len());
            for client in clients {
                let seen = client.seen.lock().await;
                match seen.slide {
                    Some((shown, at)) if shown == n => {
                        times.push(at.saturating_duration_since(since))
                    }
                    _ => break,
                }
            }
            if times.len() == clients.len() {
                return Ok(times);
            }
            if tokio::time::timeout_at(deadline, waiting).await.is_err() {
                return Err(format!("only {} followers reached slide {n}", times.len()).into());
            }
        }
    }

    /// The bytes each follower has received so far.
    async fn bytes(&self, clients: &[Client]) -> Vec<usize> {
        let mut bytes = Vec::with_capacity(clients.len());
        for client in clients {
            bytes.push(client.seen.lock().await.bytes);
        }
        bytes
    }
}

/// What one client has received.
struct Seen {
    screen: vt100::Parser,
    bytes: usize,
    /// The slide its footer shows, and since when.
    slide: Option<(usize, Instant)>,
}

struct Client {
    _handle: Handle<AnyHost>,
    channel: ChannelWriteHalf<client::Msg>,
    seen: Arc<Mutex<Seen>>,
}

impl Client {
    /// Logs in (with `key`, or as `ssh` without one does), asks for a
    /// terminal of `size` and a shell, and reads what comes.
    async fn connect(
        address: std::net::SocketAddr,
        key: Option<&PrivateKey>,
        size: (u16, u16),
        room: &Arc<Room>,
    ) -> Result<Self, Error> {
        let config = Arc::new(client::Config {
            nodelay: true,
            ..client::Config::default()
        });
        let mut handle = client::connect(config, address, AnyHost).await?;
        let ok = match key {
            Some(key) => {
                let key = PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None);
                handle.authenticate_publickey("bench", key).await?.success()
            }
            None => matches!(
                handle
                    .authenticate_keyboard_interactive_start("bench", None)
                    .await?,
                client::KeyboardInteractiveAuthResponse::Success
            ),
        };
        if !ok {
            return Err("login refused".into());
        }
        let (read, channel) = handle.channel_open_session().await?.split();
        channel
            .request_pty(
                false,
                "xterm-256color",
                size.0.into(),
                size.1.into(),
                0,
                0,
                &[],
            )
            .await?;
        channel.request_shell(false).await?;
        let seen = Arc::new(Mutex::new(Seen {
            screen: vt100::Parser::new(nonzero(size.1)?, nonzero(size.0)?, 0),
            bytes: 0,
            slide: None,
        }));
        tokio::spawn(read_frames(read, Arc::clone(&seen), Arc::clone(room)));
        Ok(Self {
            _handle: handle,
            channel,
            seen,
        })
    }

    async fn send(&self, bytes: &[u8]) -> Result<(), Error> {
        self.channel.data_bytes(bytes.to_vec()).await?;
        Ok(())
    }
}

/// Feeds what the server sends to the client's screen; notes the moment its
/// footer shows another slide.
async fn read_frames(mut channel: ChannelReadHalf, seen: Arc<Mutex<Seen>>, room: Arc<Room>) {
    while let Some(message) = channel.wait().await {
        let ChannelMsg::Data { data } = message else {
            continue;
        };
        let now = Instant::now();
        let mut seen = seen.lock().await;
        seen.screen.process(&data);
        seen.bytes += data.len();
        let screen = seen.screen.screen();
        let rows = screen.size().0.get();
        let footer = screen.contents_between(rows - 1, 0, rows - 1, 10);
        let slide = footer
            .trim_start()
            .split_once(" / ")
            .and_then(|(n, _)| n.parse().ok());
        if slide.is_some() && slide != seen.slide.map(|(n, _)| n) {
            seen.slide = slide.map(|n| (n, now));
            room.changed.notify_waiters();
        }
    }
}

/// Trusts whatever host key the server shows (this run made it).
struct AnyHost;

impl client::Handler for AnyHost {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}
